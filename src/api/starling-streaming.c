/* starling-streaming.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-streaming"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "model/starling-conversation.h"
#include "model/starling-entity.h"
#include "model/starling-notification.h"
#include "model/starling-status.h"

#include "store/starling-secret-store.h"

#include "starling-api-error.h"
#include "starling-session.h"
#include "starling-streaming.h"

/**
 * StarlingStreaming:
 *
 * The live event stream of one signed-in account: one WebSocket to the
 * server's streaming API that carries every subscribed stream (home,
 * notifications, hashtags, lists…), multiplexed.
 *
 * Events are decoded into the account's #StarlingEntityMap, so a post that
 * is already shown is updated in place, and reported by signals; the owner
 * merges them into its timelines. StarlingStreaming makes no REST call of
 * its own: after a reconnect it emits #StarlingStreaming::reconnected so
 * the owner fills the gap from its newest id, and on a server without
 * streaming it emits #StarlingStreaming::poll at intervals so the owner
 * refreshes through the same path.
 *
 * A dropped connection is retried with exponential back-off and full
 * jitter. The access token is sent in the `Authorization` header of the
 * handshake only: never in the URL, which servers write to their access
 * logs, and never to a log of ours.
 */

/* The path of the multiplexed WebSocket endpoint (Mastodon 3.3+). */
#define STREAMING_PATH "/api/v1/streaming"

/* A status with a long thread of mentions and emoji is some tens of KB,
 * twice encoded; libsoup's default of 128 KiB is too tight for the odd
 * Pleroma post with hundreds of custom emoji. */
#define MAX_FRAME_SIZE (4 * 1024 * 1024)

/* A socket that the server closes this soon after it opened, without a
 * single frame, twice in a row, means the server does not stream (or
 * refuses our token the old way, by closing). */
#define QUICK_CLOSE_USEC (5 * G_USEC_PER_SEC)
#define QUICK_CLOSES_BEFORE_POLLING 2

/* A server that answers the handshake with 5xx or 429 this many times in a
 * row is reachable but not streaming: polling serves the user better. */
#define HTTP_FAILURES_BEFORE_POLLING 3

/* The longest wait a server's Retry-After may impose. */
#define MAX_RETRY_AFTER_SECONDS 3600

#define DEFAULT_BASE_DELAY_MS 1000
#define DEFAULT_MAX_DELAY_MS (2 * 60 * 1000)
#define DEFAULT_POLL_INTERVAL_MS (60 * 1000)
#define DEFAULT_PROBE_INTERVAL_MS (10 * 60 * 1000)
#define DEFAULT_KEEPALIVE_SECONDS 30

#define MAX_ID_LENGTH 128
#define MAX_PARAM_LENGTH 256

typedef struct
{
  char *stream;
  char *param;
  char *key;
} Subscription;

typedef enum
{
  OUTCOME_RETRY,
  OUTCOME_POLL,
  OUTCOME_UNAUTHORIZED,
} Outcome;

struct _StarlingStreaming
{
  GObject                  parent_instance;

  SoupSession             *session;
  StarlingEntityMap       *map;
  /* The endpoint as http(s)://, which is what libsoup and the transport
   * check take, and as ws(s)://, which is what people expect to read. */
  char                    *http_uri;
  char                    *ws_uri;
  GError                  *uri_error;
  char                    *access_token;

  GPtrArray               *subscriptions;

  StarlingStreamingState   state;
  GError                  *error;

  GCancellable            *cancellable;
  SoupWebsocketConnection *connection;
  gint64                   connected_at;
  gint64                   last_seen;
  guint                    frames;

  guint                    retry_id;
  guint                    poll_id;
  guint                    probe_id;
  guint                    watchdog_id;

  guint                    attempt;
  guint                    quick_closes;
  guint                    http_failures;
  guint                    retry_delay;
  guint                    ever_connected : 1;
  guint                    probing : 1;

  guint                    base_delay;
  guint                    max_delay;
  guint                    poll_interval;
  guint                    probe_interval;
  guint                    keepalive_interval;
};

G_DEFINE_FINAL_TYPE (StarlingStreaming, starling_streaming, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (StarlingStreamingState, starling_streaming_state,
  G_DEFINE_ENUM_VALUE (STARLING_STREAMING_STATE_STOPPED, "stopped"),
  G_DEFINE_ENUM_VALUE (STARLING_STREAMING_STATE_CONNECTING, "connecting"),
  G_DEFINE_ENUM_VALUE (STARLING_STREAMING_STATE_CONNECTED, "connected"),
  G_DEFINE_ENUM_VALUE (STARLING_STREAMING_STATE_WAITING, "waiting"),
  G_DEFINE_ENUM_VALUE (STARLING_STREAMING_STATE_POLLING, "polling"),
  G_DEFINE_ENUM_VALUE (STARLING_STREAMING_STATE_UNAUTHORIZED, "unauthorized"))

enum {
  PROP_0,
  PROP_STATE,
  PROP_URI,
  PROP_RETRY_DELAY,
  PROP_RECONNECT_BASE_DELAY,
  PROP_RECONNECT_MAX_DELAY,
  PROP_POLL_INTERVAL,
  PROP_PROBE_INTERVAL,
  PROP_KEEPALIVE_INTERVAL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  UPDATE,
  STATUS_UPDATE,
  NOTIFICATION,
  CONVERSATION,
  DELETE,
  ANNOUNCEMENT_DELETE,
  FILTERS_CHANGED,
  NOTIFICATIONS_MERGED,
  RECONNECTED,
  POLL,
  ERROR,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* The streams of the Mastodon API and the parameter each one takes. */
static const struct
{
  const char *name;
  const char *param;
} known_streams[] = {
  { "user", NULL },
  { "user:notification", NULL },
  { "public", NULL },
  { "public:media", NULL },
  { "public:local", NULL },
  { "public:local:media", NULL },
  { "public:remote", NULL },
  { "public:remote:media", NULL },
  { "hashtag", "tag" },
  { "hashtag:local", "tag" },
  { "list", "list" },
  { "direct", NULL },
};

typedef struct
{
  GWeakRef      self;
  GCancellable *cancellable;
  SoupMessage  *message;
} ConnectData;

static void connect_now (StarlingStreaming *self);

static void
connect_data_free (ConnectData *data)
{
  g_weak_ref_clear (&data->self);
  g_clear_object (&data->cancellable);
  g_clear_object (&data->message);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConnectData, connect_data_free)

static void
subscription_free (Subscription *subscription)
{
  g_free (subscription->stream);
  g_free (subscription->param);
  g_free (subscription->key);
  g_free (subscription);
}

/* RFC 6750 allows only visible ASCII in a bearer token; anything else would
 * break the header (or smuggle another into it). */
static gboolean
token_is_usable (const char *token)
{
  if (token == NULL || *token == '\0')
    return FALSE;

  for (const char *p = token; *p != '\0'; p++)
    if (!g_ascii_isgraph (*p))
      return FALSE;

  return TRUE;
}

static gboolean
id_is_usable (const char *id)
{
  gsize length;

  if (id == NULL)
    return FALSE;

  length = strlen (id);
  if (length == 0 || length > MAX_ID_LENGTH)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isgraph (id[i]))
      return FALSE;

  return TRUE;
}

/* Turns the streaming URL an instance advertises (ws://, wss://, http://
 * or https://, with or without the endpoint's path) into the endpoint. */
static char *
build_endpoint (SoupSession  *session,
                const char   *base,
                GError      **error)
{
  g_autoptr (GUri) parsed = NULL;
  g_autoptr (GUri) built = NULL;
  g_autofree char *path = NULL;
  g_autofree char *host = NULL;
  g_autofree char *uri = NULL;
  const char *scheme;
  const char *http_scheme;
  gsize length;

  parsed = g_uri_parse (base, SOUP_HTTP_URI_FLAGS, NULL);
  if (parsed == NULL || g_uri_get_host (parsed) == NULL || *g_uri_get_host (parsed) == '\0')
    {
      g_set_error (error, STARLING_API_ERROR, STARLING_API_ERROR_NOT_FOUND,
                   _("The server’s streaming address “%s” is not a web address"), base);
      return NULL;
    }

  scheme = g_uri_get_scheme (parsed);
  if (g_ascii_strcasecmp (scheme, "wss") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
    http_scheme = "https";
  else if (g_ascii_strcasecmp (scheme, "ws") == 0 || g_ascii_strcasecmp (scheme, "http") == 0)
    http_scheme = "http";
  else
    {
      g_set_error (error, STARLING_API_ERROR, STARLING_API_ERROR_INSECURE,
                   _("Starling cannot stream from “%s” addresses"), scheme);
      return NULL;
    }

  /* The path is kept (a server may live below one), and the endpoint's
   * appended unless it is already there. */
  path = g_strdup (g_uri_get_path (parsed));
  length = strlen (path);
  while (length > 0 && path[length - 1] == '/')
    path[--length] = '\0';
  if (!g_str_has_suffix (path, STREAMING_PATH))
    {
      char *full = g_strconcat (path, STREAMING_PATH, NULL);

      g_free (path);
      path = full;
    }

  /* User information, query and fragment are dropped: nothing secret may
   * travel in the URL. */
  host = g_ascii_strdown (g_uri_get_host (parsed), -1);
  built = g_uri_build (SOUP_HTTP_URI_FLAGS, http_scheme, NULL,
                       host, g_uri_get_port (parsed),
                       path, NULL, NULL);
  uri = g_uri_to_string (built);

  if (!starling_api_check_uri (session, uri, error))
    return NULL;

  return g_steal_pointer (&uri);
}

static char *
ws_form (const char *http_uri)
{
  if (g_str_has_prefix (http_uri, "https:"))
    return g_strconcat ("wss:", http_uri + strlen ("https:"), NULL);
  if (g_str_has_prefix (http_uri, "http:"))
    return g_strconcat ("ws:", http_uri + strlen ("http:"), NULL);
  return g_strdup (http_uri);
}

static void
set_error (StarlingStreaming *self,
           GError            *error)
{
  g_clear_error (&self->error);
  self->error = error;
}

static void
set_state (StarlingStreaming      *self,
           StarlingStreamingState  state)
{
  g_autofree char *name = NULL;

  if (self->state == state)
    return;

  name = g_enum_to_string (STARLING_TYPE_STREAMING_STATE, state);
  g_debug ("State: %s", name);
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_retry_delay (StarlingStreaming *self,
                 guint              delay)
{
  if (self->retry_delay == delay)
    return;

  self->retry_delay = delay;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETRY_DELAY]);
}

static void
drop_connection (StarlingStreaming *self)
{
  g_clear_handle_id (&self->watchdog_id, g_source_remove);

  if (self->connection != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->connection, self);
      if (soup_websocket_connection_get_state (self->connection) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (self->connection, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
      g_clear_object (&self->connection);
    }
}

/* Ends whatever is under way: the handshake, the socket and every timer.
 * Nothing of ours runs after this until the next start. */
static void
teardown (StarlingStreaming *self)
{
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }

  drop_connection (self);

  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_handle_id (&self->probe_id, g_source_remove);

  self->probing = FALSE;
}

static char *
frame_for (const char   *type,
           Subscription *subscription)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  const char *param_name = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (known_streams); i++)
    if (g_str_equal (known_streams[i].name, subscription->stream))
      param_name = known_streams[i].param;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, type);
  json_builder_set_member_name (builder, "stream");
  json_builder_add_string_value (builder, subscription->stream);
  if (param_name != NULL && subscription->param != NULL)
    {
      json_builder_set_member_name (builder, param_name);
      json_builder_add_string_value (builder, subscription->param);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static void
send_frame (StarlingStreaming *self,
            const char        *type,
            Subscription      *subscription)
{
  g_autofree char *frame = NULL;

  if (self->connection == NULL ||
      soup_websocket_connection_get_state (self->connection) != SOUP_WEBSOCKET_STATE_OPEN)
    return;

  frame = frame_for (type, subscription);
  g_debug ("Sending %s for %s", type, subscription->key);
  soup_websocket_connection_send_text (self->connection, frame);
}

static gboolean
poll_cb (gpointer user_data)
{
  StarlingStreaming *self = user_data;
  g_autoptr (StarlingStreaming) hold = g_object_ref (self);

  self->poll_id = g_timeout_add (self->poll_interval, poll_cb, self);
  g_debug ("Asking the owner to poll");
  g_signal_emit (self, signals[POLL], 0);

  return G_SOURCE_REMOVE;
}

static gboolean
probe_cb (gpointer user_data)
{
  StarlingStreaming *self = user_data;

  self->probe_id = 0;
  g_clear_handle_id (&self->poll_id, g_source_remove);

  g_debug ("Trying the WebSocket again");
  self->probing = TRUE;
  connect_now (self);

  return G_SOURCE_REMOVE;
}

/* @error: (transfer full) (nullable): why; reported by the error signal
 *   when @report is set */
static void
enter_polling (StarlingStreaming *self,
               GError            *error,
               gboolean           report,
               gboolean           poll_now)
{
  g_autoptr (StarlingStreaming) hold = g_object_ref (self);

  teardown (self);
  set_error (self, error);
  set_retry_delay (self, 0);

  self->poll_id = g_timeout_add (poll_now ? 0 : self->poll_interval, poll_cb, self);
  if (self->http_uri != NULL && self->probe_interval > 0)
    self->probe_id = g_timeout_add (self->probe_interval, probe_cb, self);

  set_state (self, STARLING_STREAMING_STATE_POLLING);

  if (report && self->error != NULL)
    g_signal_emit (self, signals[ERROR], 0, self->error);
}

/* @error: (transfer full) */
static void
enter_unauthorized (StarlingStreaming *self,
                    GError            *error)
{
  g_autoptr (StarlingStreaming) hold = g_object_ref (self);

  teardown (self);
  set_error (self, error);
  set_retry_delay (self, 0);
  set_state (self, STARLING_STREAMING_STATE_UNAUTHORIZED);
  g_signal_emit (self, signals[ERROR], 0, self->error);
}

static gboolean
retry_cb (gpointer user_data)
{
  StarlingStreaming *self = user_data;

  self->retry_id = 0;
  connect_now (self);

  return G_SOURCE_REMOVE;
}

/* @error: (transfer full) (nullable) */
static void
schedule_reconnect (StarlingStreaming *self,
                    GError            *error,
                    gint64             min_delay_ms)
{
  g_autoptr (StarlingStreaming) hold = g_object_ref (self);
  guint delay;

  teardown (self);
  set_error (self, error);

  delay = starling_streaming_backoff_delay (self->attempt, self->base_delay,
                                            self->max_delay, g_random_double ());
  if (min_delay_ms > delay)
    delay = (guint) MIN (min_delay_ms, (gint64) MAX_RETRY_AFTER_SECONDS * 1000);
  if (self->attempt < 32)
    self->attempt++;

  g_debug ("Reconnecting in %u ms (attempt %u)", delay, self->attempt);
  self->retry_id = g_timeout_add (delay, retry_cb, self);

  set_retry_delay (self, delay);
  set_state (self, STARLING_STREAMING_STATE_WAITING);
}

/* What to do after a connection could not be made, or went away. */
static void
handle_failure (StarlingStreaming *self,
                Outcome            outcome,
                GError            *error,
                gint64             min_delay_ms)
{
  switch (outcome)
    {
    case OUTCOME_UNAUTHORIZED:
      enter_unauthorized (self, error);
      break;

    case OUTCOME_POLL:
      /* A failed probe only confirms what was reported on entering. */
      enter_polling (self, error, !self->probing, !self->probing);
      break;

    case OUTCOME_RETRY:
    default:
      /* A probe from polling that fails goes back to polling, whatever the
       * reason: the owner is already kept up to date that way. */
      if (self->probing)
        enter_polling (self, error, FALSE, FALSE);
      else
        schedule_reconnect (self, error, min_delay_ms);
      break;
    }
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  return NULL;
}

/* "user", "hashtag:foo", "list:42": the frame's `stream` array joined. A
 * server that does not name the stream (older Pleroma) leaves it to the
 * one subscription there is, if there is only one. */
static char *
stream_key_of_frame (StarlingStreaming *self,
                     JsonObject        *object)
{
  JsonNode *node = json_object_get_member (object, "stream");
  g_autoptr (GString) key = NULL;
  JsonArray *array;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
            continue;

          if (key == NULL)
            key = g_string_new (NULL);
          else
            g_string_append_c (key, ':');
          g_string_append (key, json_node_get_string (element));
        }
    }

  if (key != NULL)
    return g_string_free (g_steal_pointer (&key), FALSE);

  if (self->subscriptions->len == 1)
    {
      Subscription *only = g_ptr_array_index (self->subscriptions, 0);
      return g_strdup (only->key);
    }

  return NULL;
}

/* Decodes the payload of an entity event: a string that holds JSON. */
static gpointer
decode_payload (StarlingStreaming *self,
                GType              type,
                JsonObject        *object,
                const char        *event)
{
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GError) error = NULL;
  const char *payload;
  gpointer entity;

  payload = member_string (object, "payload");
  if (payload == NULL)
    {
      g_debug ("Ignored a %s event whose payload is not a string", event);
      return NULL;
    }

  node = starling_json_parse (payload, -1, &error);
  if (node == NULL)
    {
      g_debug ("Ignored a %s event whose payload of %zu bytes is not JSON", event, strlen (payload));
      return NULL;
    }

  entity = starling_entity_decode_full (type, node, self->map, NULL, &error);
  if (entity == NULL)
    {
      g_debug ("Ignored a %s event whose payload of %zu bytes is not a %s (%s, %d)",
               event, strlen (payload), g_type_name (type),
               g_quark_to_string (error->domain), error->code);
      return NULL;
    }

  return entity;
}

static void
report_error_frame (StarlingStreaming *self,
                    JsonObject        *object,
                    GBytes            *frame)
{
  g_autoptr (GError) error = NULL;
  JsonNode *status_node = json_object_get_member (object, "status");
  guint status = 400;

  if (status_node != NULL && JSON_NODE_HOLDS_VALUE (status_node) &&
      json_node_get_value_type (status_node) == G_TYPE_INT64)
    {
      gint64 value = json_node_get_int (status_node);

      if (value >= 400 && value <= 599)
        status = (guint) value;
    }

  /* The frame has the shape of an API error body: its `error` is the
   * server's message. */
  error = starling_api_error_new_for_status (status, NULL, frame, NULL);
  g_debug ("The server reported an error on the stream (%u)", status);
  g_signal_emit (self, signals[ERROR], 0, error);
}

static void
handle_frame (StarlingStreaming *self,
              GBytes            *frame)
{
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *key = NULL;
  JsonObject *object;
  const char *event;
  const char *data;
  gsize size = 0;

  data = g_bytes_get_data (frame, &size);
  if (data == NULL || size == 0)
    {
      g_debug ("Ignored an empty frame");
      return;
    }

  root = starling_json_parse (data, (gssize) size, &error);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_debug ("Ignored a frame of %zu bytes that is not a JSON object", size);
      return;
    }

  object = json_node_get_object (root);
  event = member_string (object, "event");
  if (event == NULL)
    {
      if (json_object_has_member (object, "error"))
        report_error_frame (self, object, frame);
      else
        g_debug ("Ignored a frame of %zu bytes without an event", size);
      return;
    }

  key = stream_key_of_frame (self, object);

  if (g_str_equal (event, "update") || g_str_equal (event, "status.update"))
    {
      g_autoptr (StarlingStatus) status = decode_payload (self, STARLING_TYPE_STATUS, object, event);

      if (status != NULL)
        g_signal_emit (self, signals[event[0] == 'u' ? UPDATE : STATUS_UPDATE], 0, status, key);
    }
  else if (g_str_equal (event, "notification"))
    {
      g_autoptr (StarlingNotification) notification =
        decode_payload (self, STARLING_TYPE_NOTIFICATION, object, event);

      if (notification != NULL)
        g_signal_emit (self, signals[NOTIFICATION], 0, notification, key);
    }
  else if (g_str_equal (event, "conversation"))
    {
      g_autoptr (StarlingConversation) conversation =
        decode_payload (self, STARLING_TYPE_CONVERSATION, object, event);

      if (conversation != NULL)
        g_signal_emit (self, signals[CONVERSATION], 0, conversation, key);
    }
  else if (g_str_equal (event, "delete") || g_str_equal (event, "announcement.delete"))
    {
      /* A bare id in a string; never a number, which would lose the
       * digits of an id above 2^53. */
      const char *id = member_string (object, "payload");

      if (!id_is_usable (id))
        {
          g_debug ("Ignored a %s event without a usable id", event);
          return;
        }

      g_signal_emit (self, signals[event[0] == 'd' ? DELETE : ANNOUNCEMENT_DELETE], 0, id, key);
    }
  else if (g_str_equal (event, "filters_changed"))
    {
      g_signal_emit (self, signals[FILTERS_CHANGED], 0);
    }
  else if (g_str_equal (event, "notifications_merged"))
    {
      g_signal_emit (self, signals[NOTIFICATIONS_MERGED], 0);
    }
  else
    {
      g_debug ("Ignored an event of a kind Starling does not use (%zu bytes)", size);
    }
}

static void
message_cb (SoupWebsocketConnection *connection,
            int                      type,
            GBytes                  *message,
            gpointer                 user_data)
{
  StarlingStreaming *self = user_data;
  g_autoptr (StarlingStreaming) hold = g_object_ref (self);

  self->frames++;
  self->last_seen = g_get_monotonic_time ();

  if (type != SOUP_WEBSOCKET_DATA_TEXT)
    {
      g_debug ("Ignored a binary frame of %zu bytes", g_bytes_get_size (message));
      return;
    }

  handle_frame (self, message);
}

static void
pong_cb (SoupWebsocketConnection *connection,
         GBytes                  *message,
         gpointer                 user_data)
{
  StarlingStreaming *self = user_data;

  self->last_seen = g_get_monotonic_time ();
}

static void
websocket_error_cb (SoupWebsocketConnection *connection,
                    GError                  *error,
                    gpointer                 user_data)
{
  g_debug ("WebSocket error (%s, %d)", g_quark_to_string (error->domain), error->code);
}

static void
closed_cb (SoupWebsocketConnection *connection,
           gpointer                 user_data)
{
  StarlingStreaming *self = user_data;
  g_autoptr (StarlingStreaming) hold = g_object_ref (self);
  gint64 lasted = g_get_monotonic_time () - self->connected_at;
  gboolean quick = self->frames == 0 && lasted < QUICK_CLOSE_USEC;

  g_debug ("The server closed the stream after %" G_GINT64_FORMAT " ms and %u frames (code %u)",
           lasted / 1000, self->frames, soup_websocket_connection_get_close_code (connection));

  drop_connection (self);

  if (quick)
    {
      self->quick_closes++;
      if (self->quick_closes >= QUICK_CLOSES_BEFORE_POLLING)
        {
          /* Reported once; after a probe it is old news. */
          gboolean first = self->quick_closes == QUICK_CLOSES_BEFORE_POLLING;

          enter_polling (self,
                         g_error_new_literal (STARLING_API_ERROR, STARLING_API_ERROR_NOT_FOUND,
                                              _("The server closes its live stream as soon as it opens")),
                         first, first);
          return;
        }
    }
  else
    {
      self->quick_closes = 0;
    }

  /* A connection that stayed up longer than the longest wait was a good
   * one: the next failure starts the back-off from the beginning. */
  if (lasted >= (gint64) self->max_delay * 1000)
    self->attempt = 0;

  schedule_reconnect (self,
                      g_error_new_literal (STARLING_API_ERROR, STARLING_API_ERROR_NETWORK,
                                           _("The live stream was interrupted")),
                      0);
}

static gboolean
watchdog_cb (gpointer user_data)
{
  StarlingStreaming *self = user_data;
  gint64 silence = g_get_monotonic_time () - self->last_seen;

  /* Pings go out every keep-alive interval; two unanswered ones mean the
   * network is gone even if the socket does not know yet. */
  if (silence <= 2 * (gint64) self->keepalive_interval * G_USEC_PER_SEC)
    return G_SOURCE_CONTINUE;

  g_debug ("No answer for %" G_GINT64_FORMAT " s: the connection is dead", silence / G_USEC_PER_SEC);
  self->watchdog_id = 0;

  schedule_reconnect (self,
                      g_error_new_literal (STARLING_API_ERROR, STARLING_API_ERROR_NETWORK,
                                           _("The server stopped answering")),
                      0);

  return G_SOURCE_REMOVE;
}

static void
start_watchdog (StarlingStreaming *self)
{
  g_clear_handle_id (&self->watchdog_id, g_source_remove);

  if (self->connection == NULL)
    return;

  soup_websocket_connection_set_keepalive_interval (self->connection, self->keepalive_interval);
  if (self->keepalive_interval > 0)
    self->watchdog_id = g_timeout_add_seconds (self->keepalive_interval, watchdog_cb, self);
}

static Outcome
classify_handshake_failure (StarlingStreaming  *self,
                            SoupMessage        *message,
                            const GError       *transport_error,
                            GError            **error,
                            gint64             *min_delay_ms)
{
  guint status = soup_message_get_status (message);

  *min_delay_ms = 0;

  if (status == SOUP_STATUS_UNAUTHORIZED)
    {
      *error = starling_api_error_new_for_status (status, soup_message_get_response_headers (message),
                                                  NULL, NULL);
      return OUTCOME_UNAUTHORIZED;
    }

  if (status == 429 ||
      (status >= 500 && status <= 599 && status != SOUP_STATUS_NOT_IMPLEMENTED))
    {
      gint64 retry_after;

      *error = starling_api_error_new_for_status (status, soup_message_get_response_headers (message),
                                                  NULL, NULL);
      retry_after = starling_api_error_get_retry_after (*error);
      if (retry_after > 0)
        *min_delay_ms = MIN (retry_after, MAX_RETRY_AFTER_SECONDS) * 1000;

      self->http_failures++;
      return self->http_failures >= HTTP_FAILURES_BEFORE_POLLING ? OUTCOME_POLL : OUTCOME_RETRY;
    }

  if (status >= 100)
    {
      /* 404, 400, 405, 501, or a 101/200 that is no WebSocket: this server
       * has no stream to offer at this address. */
      if (status >= 300)
        *error = starling_api_error_new_for_status (status, soup_message_get_response_headers (message),
                                                    NULL, NULL);
      else
        *error = g_error_new (STARLING_API_ERROR, STARLING_API_ERROR_NOT_FOUND,
                              _("The server does not offer a live stream (%s)"),
                              transport_error != NULL ? transport_error->message : "");
      return OUTCOME_POLL;
    }

  *error = starling_api_error_new_from_transport (transport_error);

  /* A refused connection comes from a host that is up but has nothing
   * listening for streams; other failures (no network, a timeout) are
   * waited out. */
  if (g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    return OUTCOME_POLL;

  return OUTCOME_RETRY;
}

static void
connect_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (ConnectData) data = user_data;
  g_autoptr (StarlingStreaming) self = g_weak_ref_get (&data->self);
  g_autoptr (SoupWebsocketConnection) connection = NULL;
  g_autoptr (GError) error = NULL;
  gboolean reconnected;

  connection = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &error);

  if (self == NULL || g_cancellable_is_cancelled (data->cancellable))
    {
      if (connection != NULL)
        soup_websocket_connection_close (connection, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
      return;
    }

  g_clear_object (&self->cancellable);

  if (connection == NULL)
    {
      GError *reported = NULL;
      gint64 min_delay_ms = 0;
      Outcome outcome;

      outcome = classify_handshake_failure (self, data->message, error, &reported, &min_delay_ms);
      g_debug ("Handshake failed (HTTP %u, %s, %d)", soup_message_get_status (data->message),
               g_quark_to_string (error->domain), error->code);
      handle_failure (self, outcome, reported, min_delay_ms);
      return;
    }

  g_debug ("Connected");

  self->connection = g_steal_pointer (&connection);
  self->connected_at = self->last_seen = g_get_monotonic_time ();
  self->frames = 0;
  self->http_failures = 0;
  /* After a drop, or after polling, events were missed. */
  reconnected = self->ever_connected || self->probing;
  self->ever_connected = TRUE;
  self->probing = FALSE;

  soup_websocket_connection_set_max_incoming_payload_size (self->connection, MAX_FRAME_SIZE);
  g_signal_connect (self->connection, "message", G_CALLBACK (message_cb), self);
  g_signal_connect (self->connection, "pong", G_CALLBACK (pong_cb), self);
  g_signal_connect (self->connection, "error", G_CALLBACK (websocket_error_cb), self);
  g_signal_connect (self->connection, "closed", G_CALLBACK (closed_cb), self);
  start_watchdog (self);

  for (guint i = 0; i < self->subscriptions->len; i++)
    send_frame (self, "subscribe", g_ptr_array_index (self->subscriptions, i));

  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_handle_id (&self->probe_id, g_source_remove);
  set_error (self, NULL);
  set_retry_delay (self, 0);
  set_state (self, STARLING_STREAMING_STATE_CONNECTED);

  if (reconnected && self->state == STARLING_STREAMING_STATE_CONNECTED)
    g_signal_emit (self, signals[RECONNECTED], 0);

  /* The server may have closed the socket before the handlers were
   * connected; then "closed" was already emitted. */
  if (self->connection != NULL &&
      soup_websocket_connection_get_state (self->connection) == SOUP_WEBSOCKET_STATE_CLOSED)
    closed_cb (self->connection, self);
}

static void
connect_now (StarlingStreaming *self)
{
  g_autoptr (SoupMessage) message = NULL;
  g_autofree char *authorization = NULL;
  ConnectData *data;

  g_assert (self->http_uri != NULL);
  g_assert (self->connection == NULL);

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }

  message = soup_message_new (SOUP_METHOD_GET, self->http_uri);
  if (message == NULL)
    {
      enter_polling (self,
                     g_error_new (STARLING_API_ERROR, STARLING_API_ERROR_NOT_FOUND,
                                  _("The server’s streaming address “%s” is not a web address"),
                                  self->ws_uri),
                     TRUE, TRUE);
      return;
    }

  /* A redirect could carry the token to another host. */
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);

  authorization = g_strconcat ("Bearer ", self->access_token, NULL);
  soup_message_headers_replace (soup_message_get_request_headers (message),
                                "Authorization", authorization);
  g_clear_pointer (&authorization, starling_secret_free);

  self->cancellable = g_cancellable_new ();

  data = g_new0 (ConnectData, 1);
  g_weak_ref_init (&data->self, self);
  data->cancellable = g_object_ref (self->cancellable);
  data->message = g_object_ref (message);

  g_debug ("Connecting to %s", self->ws_uri);
  soup_session_websocket_connect_async (self->session, message, NULL, NULL,
                                        G_PRIORITY_DEFAULT, self->cancellable,
                                        connect_cb, data);

  set_retry_delay (self, 0);
  set_state (self, STARLING_STREAMING_STATE_CONNECTING);
}

static void
set_guint (StarlingStreaming *self,
           guint             *field,
           guint              value,
           GParamSpec        *pspec)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
starling_streaming_dispose (GObject *object)
{
  StarlingStreaming *self = STARLING_STREAMING (object);

  teardown (self);

  G_OBJECT_CLASS (starling_streaming_parent_class)->dispose (object);
}

static void
starling_streaming_finalize (GObject *object)
{
  StarlingStreaming *self = STARLING_STREAMING (object);

  g_clear_pointer (&self->access_token, starling_secret_free);
  g_clear_object (&self->session);
  g_clear_object (&self->map);
  g_clear_pointer (&self->http_uri, g_free);
  g_clear_pointer (&self->ws_uri, g_free);
  g_clear_error (&self->uri_error);
  g_clear_error (&self->error);
  g_clear_pointer (&self->subscriptions, g_ptr_array_unref);

  G_OBJECT_CLASS (starling_streaming_parent_class)->finalize (object);
}

static void
starling_streaming_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  StarlingStreaming *self = STARLING_STREAMING (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_URI:
      g_value_set_string (value, self->ws_uri);
      break;

    case PROP_RETRY_DELAY:
      g_value_set_uint (value, self->retry_delay);
      break;

    case PROP_RECONNECT_BASE_DELAY:
      g_value_set_uint (value, self->base_delay);
      break;

    case PROP_RECONNECT_MAX_DELAY:
      g_value_set_uint (value, self->max_delay);
      break;

    case PROP_POLL_INTERVAL:
      g_value_set_uint (value, self->poll_interval);
      break;

    case PROP_PROBE_INTERVAL:
      g_value_set_uint (value, self->probe_interval);
      break;

    case PROP_KEEPALIVE_INTERVAL:
      g_value_set_uint (value, self->keepalive_interval);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_streaming_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  StarlingStreaming *self = STARLING_STREAMING (object);

  switch (prop_id)
    {
    case PROP_RECONNECT_BASE_DELAY:
      set_guint (self, &self->base_delay, g_value_get_uint (value), pspec);
      break;

    case PROP_RECONNECT_MAX_DELAY:
      set_guint (self, &self->max_delay, g_value_get_uint (value), pspec);
      break;

    case PROP_POLL_INTERVAL:
      set_guint (self, &self->poll_interval, g_value_get_uint (value), pspec);
      break;

    case PROP_PROBE_INTERVAL:
      set_guint (self, &self->probe_interval, g_value_get_uint (value), pspec);
      break;

    case PROP_KEEPALIVE_INTERVAL:
      if (self->keepalive_interval != g_value_get_uint (value))
        {
          set_guint (self, &self->keepalive_interval, g_value_get_uint (value), pspec);
          start_watchdog (self);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_streaming_class_init (StarlingStreamingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = starling_streaming_dispose;
  object_class->finalize = starling_streaming_finalize;
  object_class->get_property = starling_streaming_get_property;
  object_class->set_property = starling_streaming_set_property;

  /**
   * StarlingStreaming:state:
   *
   * Where the stream stands.
   */
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       STARLING_TYPE_STREAMING_STATE,
                       STARLING_STREAMING_STATE_STOPPED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * StarlingStreaming:uri:
   *
   * The WebSocket endpoint (`wss://…/api/v1/streaming`), or %NULL when the
   * server offers none that Starling may use.
   */
  properties[PROP_URI] =
    g_param_spec_string ("uri", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * StarlingStreaming:retry-delay:
   *
   * In the waiting state, the milliseconds chosen to wait before the next
   * attempt; 0 otherwise.
   */
  properties[PROP_RETRY_DELAY] =
    g_param_spec_uint ("retry-delay", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * StarlingStreaming:reconnect-base-delay:
   *
   * The longest wait, in milliseconds, before the first attempt to
   * reconnect; each failure in a row doubles it, up to
   * #StarlingStreaming:reconnect-max-delay.
   */
  properties[PROP_RECONNECT_BASE_DELAY] =
    g_param_spec_uint ("reconnect-base-delay", NULL, NULL,
                       1, G_MAXINT, DEFAULT_BASE_DELAY_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * StarlingStreaming:reconnect-max-delay:
   *
   * The cap of the back-off, in milliseconds. A connection that stayed up
   * at least this long counts as a good one, after which the back-off
   * starts again from #StarlingStreaming:reconnect-base-delay.
   */
  properties[PROP_RECONNECT_MAX_DELAY] =
    g_param_spec_uint ("reconnect-max-delay", NULL, NULL,
                       1, G_MAXINT, DEFAULT_MAX_DELAY_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * StarlingStreaming:poll-interval:
   *
   * In the polling state, the milliseconds between two
   * #StarlingStreaming::poll signals.
   */
  properties[PROP_POLL_INTERVAL] =
    g_param_spec_uint ("poll-interval", NULL, NULL,
                       1, G_MAXINT, DEFAULT_POLL_INTERVAL_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * StarlingStreaming:probe-interval:
   *
   * In the polling state, the milliseconds before the WebSocket is tried
   * again; 0 never tries again.
   */
  properties[PROP_PROBE_INTERVAL] =
    g_param_spec_uint ("probe-interval", NULL, NULL,
                       0, G_MAXINT, DEFAULT_PROBE_INTERVAL_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * StarlingStreaming:keepalive-interval:
   *
   * Seconds between the pings that keep the connection alive; a
   * connection that answers neither two pings in a row nor with any frame
   * is taken as dead and replaced. 0 sends no pings.
   */
  properties[PROP_KEEPALIVE_INTERVAL] =
    g_param_spec_uint ("keepalive-interval", NULL, NULL,
                       0, 3600, DEFAULT_KEEPALIVE_SECONDS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StarlingStreaming::update:
   * @self: the stream
   * @status: the new status, from the identity map
   * @stream_key: (nullable): the stream it came on, as
   *   starling_streaming_stream_key() makes it (`user`, `hashtag:foo`…)
   *
   * A new status arrived on a timeline.
   */
  signals[UPDATE] =
    g_signal_new ("update",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, STARLING_TYPE_STATUS, G_TYPE_STRING);

  /**
   * StarlingStreaming::status-update:
   * @self: the stream
   * @status: the edited status; the object already alive for its id was
   *   updated in place
   * @stream_key: (nullable): the stream it came on
   *
   * A status was edited.
   */
  signals[STATUS_UPDATE] =
    g_signal_new ("status-update",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, STARLING_TYPE_STATUS, G_TYPE_STRING);

  /**
   * StarlingStreaming::notification:
   * @self: the stream
   * @notification: the notification
   * @stream_key: (nullable): the stream it came on
   *
   * A notification arrived.
   */
  signals[NOTIFICATION] =
    g_signal_new ("notification",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, STARLING_TYPE_NOTIFICATION, G_TYPE_STRING);

  /**
   * StarlingStreaming::conversation:
   * @self: the stream
   * @conversation: the conversation, with its last status
   * @stream_key: (nullable): the stream it came on
   *
   * A direct conversation changed.
   */
  signals[CONVERSATION] =
    g_signal_new ("conversation",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, STARLING_TYPE_CONVERSATION, G_TYPE_STRING);

  /**
   * StarlingStreaming::delete:
   * @self: the stream
   * @id: the id of the deleted status, exactly as the server sent it
   * @stream_key: (nullable): the stream it came on
   *
   * A status was deleted.
   */
  signals[DELETE] =
    g_signal_new ("delete",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  /**
   * StarlingStreaming::announcement-delete:
   * @self: the stream
   * @id: the id of the withdrawn announcement
   * @stream_key: (nullable): the stream it came on
   *
   * The server withdrew an announcement.
   */
  signals[ANNOUNCEMENT_DELETE] =
    g_signal_new ("announcement-delete",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  /**
   * StarlingStreaming::filters-changed:
   * @self: the stream
   *
   * The user's filters changed: fetch them again.
   */
  signals[FILTERS_CHANGED] =
    g_signal_new ("filters-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * StarlingStreaming::notifications-merged:
   * @self: the stream
   *
   * The server merged notification requests into the notifications:
   * fetch the notifications again.
   */
  signals[NOTIFICATIONS_MERGED] =
    g_signal_new ("notifications-merged",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * StarlingStreaming::reconnected:
   * @self: the stream
   *
   * The stream is connected again after it dropped, or after polling.
   * Events of the time in between are lost: fetch what is newer than the
   * newest item of each timeline.
   */
  signals[RECONNECTED] =
    g_signal_new ("reconnected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * StarlingStreaming::poll:
   * @self: the stream
   *
   * In the polling state, emitted on entering it and then every
   * #StarlingStreaming:poll-interval: refresh the timelines through REST.
   */
  signals[POLL] =
    g_signal_new ("poll",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * StarlingStreaming::error:
   * @self: the stream
   * @error: a #StarlingApiError
   *
   * Something the owner may tell the user: the server refused the token
   * (%STARLING_API_ERROR_UNAUTHORIZED, with the state
   * %STARLING_STREAMING_STATE_UNAUTHORIZED), the stream fell back to
   * polling because of a failure, or the server sent an error frame (an
   * unknown stream, a list that is gone), which ends nothing.
   */
  signals[ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
starling_streaming_init (StarlingStreaming *self)
{
  self->subscriptions = g_ptr_array_new_with_free_func ((GDestroyNotify) subscription_free);
  self->state = STARLING_STREAMING_STATE_STOPPED;
  self->base_delay = DEFAULT_BASE_DELAY_MS;
  self->max_delay = DEFAULT_MAX_DELAY_MS;
  self->poll_interval = DEFAULT_POLL_INTERVAL_MS;
  self->probe_interval = DEFAULT_PROBE_INTERVAL_MS;
  self->keepalive_interval = DEFAULT_KEEPALIVE_SECONDS;
}

/**
 * starling_streaming_new:
 * @session: the shared session, from starling_session_new()
 * @streaming_base_uri: (nullable): the streaming URL the instance
 *   advertises (`configuration.urls.streaming` or `urls.streaming_api`):
 *   `wss://`, `https://`, or on loopback and in the demo `ws://` or
 *   `http://`; %NULL or empty when the server advertises none
 * @access_token: (nullable): the account's token, kept in memory only
 * @map: (nullable): the account's identity map, into which events are
 *   decoded
 *
 * Creates the stream of one account, stopped. Subscribe to streams and
 * call starling_streaming_start(). A missing or unusable streaming URL is
 * not an error here: the stream then polls, and
 * starling_streaming_get_error() says why.
 *
 * Returns: (transfer full): a new stream
 */
StarlingStreaming *
starling_streaming_new (SoupSession       *session,
                        const char        *streaming_base_uri,
                        const char        *access_token,
                        StarlingEntityMap *map)
{
  StarlingStreaming *self;

  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (map == NULL || STARLING_IS_ENTITY_MAP (map), NULL);

  self = g_object_new (STARLING_TYPE_STREAMING, NULL);
  self->session = g_object_ref (session);
  self->map = map != NULL ? g_object_ref (map) : NULL;
  self->access_token = g_strdup (access_token);

  if (streaming_base_uri != NULL && *streaming_base_uri != '\0')
    {
      self->http_uri = build_endpoint (session, streaming_base_uri, &self->uri_error);
      if (self->http_uri != NULL)
        self->ws_uri = ws_form (self->http_uri);
    }

  return self;
}

/**
 * starling_streaming_start:
 * @self: a stream
 *
 * Connects, and keeps connecting until starling_streaming_stop(). Without
 * a usable streaming URL, goes straight to polling. Does nothing when
 * already started; restarts after %STARLING_STREAMING_STATE_UNAUTHORIZED.
 */
void
starling_streaming_start (StarlingStreaming *self)
{
  g_return_if_fail (STARLING_IS_STREAMING (self));

  if (self->state != STARLING_STREAMING_STATE_STOPPED &&
      self->state != STARLING_STREAMING_STATE_UNAUTHORIZED)
    return;

  self->attempt = 0;
  self->quick_closes = 0;
  self->http_failures = 0;
  self->ever_connected = FALSE;
  self->probing = FALSE;

  if (!token_is_usable (self->access_token))
    {
      enter_unauthorized (self,
                          g_error_new_literal (STARLING_API_ERROR, STARLING_API_ERROR_UNAUTHORIZED,
                                               _("This account has no usable sign-in for the live stream")));
      return;
    }

  if (self->http_uri == NULL)
    {
      if (self->uri_error != NULL)
        enter_polling (self, g_error_copy (self->uri_error), TRUE, TRUE);
      else
        enter_polling (self,
                       g_error_new_literal (STARLING_API_ERROR, STARLING_API_ERROR_NOT_FOUND,
                                            _("The server offers no live stream")),
                       FALSE, TRUE);
      return;
    }

  connect_now (self);
}

/**
 * starling_streaming_stop:
 * @self: a stream
 *
 * Closes the connection and stops every timer; no signal but the state's
 * notification is emitted after this. The subscriptions are kept for the
 * next start.
 */
void
starling_streaming_stop (StarlingStreaming *self)
{
  g_return_if_fail (STARLING_IS_STREAMING (self));

  teardown (self);
  set_retry_delay (self, 0);
  set_state (self, STARLING_STREAMING_STATE_STOPPED);
}

static Subscription *
find_subscription (StarlingStreaming *self,
                   const char        *key,
                   guint             *index)
{
  for (guint i = 0; i < self->subscriptions->len; i++)
    {
      Subscription *subscription = g_ptr_array_index (self->subscriptions, i);

      if (g_str_equal (subscription->key, key))
        {
          if (index != NULL)
            *index = i;
          return subscription;
        }
    }

  return NULL;
}

static gboolean
param_is_usable (const char *param)
{
  gsize length;

  if (param == NULL || !g_utf8_validate (param, -1, NULL))
    return FALSE;

  length = strlen (param);
  if (length == 0 || length > MAX_PARAM_LENGTH)
    return FALSE;

  for (const char *p = param; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        return FALSE;
    }

  return TRUE;
}

/* The subscription's stream and parameter, checked; a hashtag loses the
 * `#` people type. */
static gboolean
normalize (const char  *stream,
           const char  *param,
           char       **out_param,
           GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_streams); i++)
    {
      if (!g_str_equal (known_streams[i].name, stream))
        continue;

      if (known_streams[i].param == NULL)
        {
          if (param != NULL && *param != '\0')
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The stream “%s” takes no parameter"), stream);
              return FALSE;
            }
          *out_param = NULL;
          return TRUE;
        }

      if (param != NULL && g_str_equal (known_streams[i].param, "tag") && param[0] == '#')
        param++;

      if (!param_is_usable (param))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       g_str_equal (known_streams[i].param, "tag")
                         ? _("The stream “%s” needs a hashtag without spaces")
                         : _("The stream “%s” needs a list id"),
                       stream);
          return FALSE;
        }

      *out_param = g_strdup (param);
      return TRUE;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("There is no stream called “%s”"), stream);
  return FALSE;
}

/**
 * starling_streaming_subscribe:
 * @self: a stream
 * @stream: `user`, `user:notification`, `public`, `public:local`,
 *   `public:remote` (each of the three with `:media`), `hashtag`,
 *   `hashtag:local`, `list` or `direct`
 * @param: (nullable): the hashtag (with or without `#`) for the hashtag
 *   streams, the list id for `list`, %NULL otherwise
 * @error: return location for a %G_IO_ERROR_INVALID_ARGUMENT error
 *
 * Adds a stream to the connection: at once when connected, and again
 * after every reconnect. Subscribing twice is harmless.
 *
 * Returns: %TRUE when @stream and @param are valid
 */
gboolean
starling_streaming_subscribe (StarlingStreaming  *self,
                              const char         *stream,
                              const char         *param,
                              GError            **error)
{
  g_autofree char *clean_param = NULL;
  g_autofree char *key = NULL;
  Subscription *subscription;

  g_return_val_if_fail (STARLING_IS_STREAMING (self), FALSE);
  g_return_val_if_fail (stream != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!normalize (stream, param, &clean_param, error))
    return FALSE;

  key = starling_streaming_stream_key (stream, clean_param);
  if (find_subscription (self, key, NULL) != NULL)
    return TRUE;

  subscription = g_new0 (Subscription, 1);
  subscription->stream = g_strdup (stream);
  subscription->param = g_steal_pointer (&clean_param);
  subscription->key = g_steal_pointer (&key);
  g_ptr_array_add (self->subscriptions, subscription);

  send_frame (self, "subscribe", subscription);

  return TRUE;
}

/**
 * starling_streaming_unsubscribe:
 * @self: a stream
 * @stream: a stream name, as for starling_streaming_subscribe()
 * @param: (nullable): its parameter
 *
 * Removes a stream from the connection and from those re-sent after a
 * reconnect.
 *
 * Returns: %TRUE when the stream was subscribed
 */
gboolean
starling_streaming_unsubscribe (StarlingStreaming *self,
                                const char        *stream,
                                const char        *param)
{
  g_autofree char *clean_param = NULL;
  g_autofree char *key = NULL;
  Subscription *subscription;
  guint index = 0;

  g_return_val_if_fail (STARLING_IS_STREAMING (self), FALSE);
  g_return_val_if_fail (stream != NULL, FALSE);

  if (!normalize (stream, param, &clean_param, NULL))
    return FALSE;

  key = starling_streaming_stream_key (stream, clean_param);
  subscription = find_subscription (self, key, &index);
  if (subscription == NULL)
    return FALSE;

  send_frame (self, "unsubscribe", subscription);
  g_ptr_array_remove_index (self->subscriptions, index);

  return TRUE;
}

/**
 * starling_streaming_is_subscribed:
 * @self: a stream
 * @stream: a stream name
 * @param: (nullable): its parameter
 *
 * Returns: %TRUE when @stream with @param is among the subscriptions
 */
gboolean
starling_streaming_is_subscribed (StarlingStreaming *self,
                                  const char        *stream,
                                  const char        *param)
{
  g_autofree char *clean_param = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (STARLING_IS_STREAMING (self), FALSE);
  g_return_val_if_fail (stream != NULL, FALSE);

  if (!normalize (stream, param, &clean_param, NULL))
    return FALSE;

  key = starling_streaming_stream_key (stream, clean_param);
  return find_subscription (self, key, NULL) != NULL;
}

/**
 * starling_streaming_set_access_token:
 * @self: a stream
 * @access_token: (nullable): the account's new token
 *
 * Replaces the token, for instance after the user signed in again. It is
 * used from the next connection; call starling_streaming_start() to leave
 * %STARLING_STREAMING_STATE_UNAUTHORIZED.
 */
void
starling_streaming_set_access_token (StarlingStreaming *self,
                                     const char        *access_token)
{
  g_return_if_fail (STARLING_IS_STREAMING (self));

  g_clear_pointer (&self->access_token, starling_secret_free);
  self->access_token = g_strdup (access_token);
}

/**
 * starling_streaming_get_state:
 * @self: a stream
 *
 * Returns: where the stream stands
 */
StarlingStreamingState
starling_streaming_get_state (StarlingStreaming *self)
{
  g_return_val_if_fail (STARLING_IS_STREAMING (self), STARLING_STREAMING_STATE_STOPPED);

  return self->state;
}

/**
 * starling_streaming_get_uri:
 * @self: a stream
 *
 * Returns: (nullable): the WebSocket endpoint, or %NULL when the server
 *   offers none that Starling may use
 */
const char *
starling_streaming_get_uri (StarlingStreaming *self)
{
  g_return_val_if_fail (STARLING_IS_STREAMING (self), NULL);

  return self->ws_uri;
}

/**
 * starling_streaming_get_error:
 * @self: a stream
 *
 * Returns: (nullable): why the stream is waiting, polling or unauthorized;
 *   %NULL when connected or stopped
 */
const GError *
starling_streaming_get_error (StarlingStreaming *self)
{
  g_return_val_if_fail (STARLING_IS_STREAMING (self), NULL);

  return self->error;
}

/**
 * starling_streaming_get_retry_delay:
 * @self: a stream
 *
 * Returns: in the waiting state, the milliseconds chosen to wait before
 *   the next attempt; 0 otherwise
 */
guint
starling_streaming_get_retry_delay (StarlingStreaming *self)
{
  g_return_val_if_fail (STARLING_IS_STREAMING (self), 0);

  return self->retry_delay;
}

/**
 * starling_streaming_stream_key:
 * @stream: a stream name, such as `hashtag`
 * @param: (nullable): its parameter, such as `foo`
 *
 * The key that the event signals name a stream by: the stream's name and
 * parameter joined by `:`, as the server names it in each event
 * (`user`, `hashtag:foo`, `hashtag:local:foo`, `list:42`).
 *
 * Returns: (transfer full): the key
 */
char *
starling_streaming_stream_key (const char *stream,
                               const char *param)
{
  g_return_val_if_fail (stream != NULL, NULL);

  if (param == NULL || *param == '\0')
    return g_strdup (stream);

  return g_strconcat (stream, ":", param, NULL);
}

/**
 * starling_streaming_backoff_delay:
 * @attempt: how many attempts failed in a row before this one, from 0
 * @base_ms: the ceiling of the first wait
 * @max_ms: the cap of every wait
 * @fraction: a random number in [0, 1]
 *
 * Exponential back-off with full jitter: the ceiling doubles with each
 * failure, from @base_ms up to @max_ms, and the wait is @fraction of it,
 * so that many clients dropped at once by a server restart do not all
 * come back in the same second.
 *
 * Returns: the wait in milliseconds, between 0 and
 *   MIN (@max_ms, @base_ms × 2^@attempt)
 */
guint
starling_streaming_backoff_delay (guint  attempt,
                                  guint  base_ms,
                                  guint  max_ms,
                                  double fraction)
{
  guint64 ceiling = base_ms;

  for (guint i = 0; i < attempt && ceiling < max_ms; i++)
    ceiling *= 2;
  ceiling = MIN (ceiling, (guint64) max_ms);

  if (!(fraction >= 0.0))
    fraction = 0.0;
  if (fraction > 1.0)
    fraction = 1.0;

  return (guint) (fraction * (double) ceiling);
}
