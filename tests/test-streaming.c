/* test-streaming.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "api/starling-api-error.h"
#include "api/starling-session.h"
#include "api/starling-streaming.h"
#include "model/starling-conversation.h"
#include "model/starling-entity.h"
#include "model/starling-notification.h"
#include "model/starling-status.h"

#include "starling-test-data.h"

/* A token that must show up in the Authorization header and nowhere else. */
#define TOKEN "S3cr3t-T0ken_for.streaming~tests"

/* Every log message of the process passes through here: none may hold the
 * token, and the streaming code's own traces are counted so the check is
 * known to have seen them. */
static gboolean token_logged;
static guint streaming_debug_messages;

static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  const char *domain = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (fields[i].length < 0 && strstr (fields[i].value, TOKEN) != NULL)
        token_logged = TRUE;
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN") && fields[i].length < 0)
        domain = fields[i].value;
    }

  if (log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO))
    {
      if (g_strcmp0 (domain, "starling-streaming") == 0)
        streaming_debug_messages++;
      return G_LOG_WRITER_HANDLED;
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* Waiting on the main loop */

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

#define WAIT_UNTIL(condition, timeout_ms) \
  G_STMT_START { \
    gint64 wait_deadline = g_get_monotonic_time () + (timeout_ms) * 1000; \
    guint wait_wake = g_timeout_add (5, wake_cb, NULL); \
    while (!(condition)) \
      { \
        if (g_get_monotonic_time () > wait_deadline) \
          g_error ("Timed out waiting for %s", #condition); \
        g_main_context_iteration (NULL, TRUE); \
      } \
    g_source_remove (wait_wake); \
  } G_STMT_END

static void
spin (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * 1000;
  guint wake = g_timeout_add (5, wake_cb, NULL);

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

/* A streaming server on loopback that records what it receives */

typedef struct
{
  SoupServer *server;
  char       *base;
  guint       reject_status;
  const char *retry_after;
  gboolean    close_at_once;
  gboolean    drop_first;
  GPtrArray  *greeting;
  guint       n_requests;
  GPtrArray  *authorizations;
  GPtrArray  *uris;
  GPtrArray  *connections;
  GPtrArray  *received;
} TestServer;

static void
server_message_cb (SoupWebsocketConnection *connection,
                   int                      type,
                   GBytes                  *message,
                   gpointer                 user_data)
{
  GPtrArray *frames = user_data;

  g_assert_cmpint (type, ==, SOUP_WEBSOCKET_DATA_TEXT);
  g_ptr_array_add (frames, g_strndup (g_bytes_get_data (message, NULL), g_bytes_get_size (message)));
}

static void
request_read_cb (SoupServer        *server,
                 SoupServerMessage *message,
                 gpointer           user_data)
{
  TestServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);

  self->n_requests++;
  g_ptr_array_add (self->authorizations,
                   g_strdup (soup_message_headers_get_one (headers, "Authorization")));
  g_ptr_array_add (self->uris, g_uri_to_string (soup_server_message_get_uri (message)));

  if (self->reject_status != 0)
    {
      if (self->retry_after != NULL)
        soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                      "Retry-After", self->retry_after);
      soup_server_message_set_status (message, self->reject_status, NULL);
    }
}

static void
websocket_cb (SoupServer              *server,
              SoupServerMessage       *message,
              const char              *path,
              SoupWebsocketConnection *connection,
              gpointer                 user_data)
{
  TestServer *self = user_data;
  GPtrArray *frames = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (self->connections, g_object_ref (connection));
  g_ptr_array_add (self->received, frames);
  g_signal_connect (connection, "message", G_CALLBACK (server_message_cb), frames);

  if (self->close_at_once)
    {
      soup_websocket_connection_close (connection, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
      return;
    }

  for (guint i = 0; self->greeting != NULL && i < self->greeting->len; i++)
    soup_websocket_connection_send_text (connection, g_ptr_array_index (self->greeting, i));

  if (self->drop_first && self->connections->len == 1)
    soup_websocket_connection_close (connection, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
}

static TestServer *
test_server_new (void)
{
  TestServer *self = g_new0 (TestServer, 1);
  g_autoptr (GError) error = NULL;
  g_autoslist (GUri) uris = NULL;

  self->server = soup_server_new (NULL, NULL);
  self->authorizations = g_ptr_array_new_with_free_func (g_free);
  self->uris = g_ptr_array_new_with_free_func (g_free);
  self->connections = g_ptr_array_new_with_free_func (g_object_unref);
  self->received = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  g_signal_connect (self->server, "request-read", G_CALLBACK (request_read_cb), self);
  soup_server_add_websocket_handler (self->server, "/api/v1/streaming", NULL, NULL,
                                     websocket_cb, self, NULL);

  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (self->server);
  g_assert_nonnull (uris);
  self->base = g_strdup_printf ("ws://127.0.0.1:%d", g_uri_get_port (uris->data));

  return self;
}

static void
test_server_free (TestServer *self)
{
  for (guint i = 0; i < self->connections->len; i++)
    {
      SoupWebsocketConnection *connection = g_ptr_array_index (self->connections, i);

      g_signal_handlers_disconnect_matched (connection, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                            server_message_cb, NULL);
      if (soup_websocket_connection_get_state (connection) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (connection, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
    }

  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_ptr_array_unref (self->connections);
  g_ptr_array_unref (self->received);
  g_ptr_array_unref (self->authorizations);
  g_ptr_array_unref (self->uris);
  g_clear_pointer (&self->greeting, g_ptr_array_unref);
  g_free (self->base);
  g_free (self);

  spin (20);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestServer, test_server_free)

static GPtrArray *
frames_of (TestServer *server,
           guint       connection)
{
  g_assert_cmpuint (connection, <, server->received->len);
  return g_ptr_array_index (server->received, connection);
}

/* What the stream reports */

typedef struct
{
  GArray    *states;
  GPtrArray *updates;
  GPtrArray *update_keys;
  GPtrArray *status_updates;
  GPtrArray *notifications;
  GPtrArray *notification_keys;
  GPtrArray *conversations;
  GPtrArray *deletes;
  GPtrArray *delete_keys;
  GPtrArray *announcement_deletes;
  GPtrArray *errors;
  GArray    *delays;
  guint      filters_changed;
  guint      notifications_merged;
  guint      reconnected;
  guint      polls;
} Recorder;

static void
state_cb (StarlingStreaming *stream,
          GParamSpec        *pspec,
          Recorder          *recorder)
{
  StarlingStreamingState state = starling_streaming_get_state (stream);

  g_array_append_val (recorder->states, state);
  if (state == STARLING_STREAMING_STATE_WAITING)
    {
      guint delay = starling_streaming_get_retry_delay (stream);

      g_array_append_val (recorder->delays, delay);
    }
}

static void
update_cb (StarlingStreaming *stream,
           StarlingStatus    *status,
           const char        *key,
           Recorder          *recorder)
{
  g_ptr_array_add (recorder->updates, g_object_ref (status));
  g_ptr_array_add (recorder->update_keys, g_strdup (key));
}

static void
status_update_cb (StarlingStreaming *stream,
                  StarlingStatus    *status,
                  const char        *key,
                  Recorder          *recorder)
{
  g_ptr_array_add (recorder->status_updates, g_object_ref (status));
}

static void
notification_cb (StarlingStreaming    *stream,
                 StarlingNotification *notification,
                 const char           *key,
                 Recorder             *recorder)
{
  g_ptr_array_add (recorder->notifications, g_object_ref (notification));
  g_ptr_array_add (recorder->notification_keys, g_strdup (key));
}

static void
conversation_cb (StarlingStreaming    *stream,
                 StarlingConversation *conversation,
                 const char           *key,
                 Recorder             *recorder)
{
  g_ptr_array_add (recorder->conversations, g_object_ref (conversation));
}

static void
delete_cb (StarlingStreaming *stream,
           const char        *id,
           const char        *key,
           Recorder          *recorder)
{
  g_ptr_array_add (recorder->deletes, g_strdup (id));
  g_ptr_array_add (recorder->delete_keys, g_strdup (key));
}

static void
announcement_delete_cb (StarlingStreaming *stream,
                        const char        *id,
                        const char        *key,
                        Recorder          *recorder)
{
  g_ptr_array_add (recorder->announcement_deletes, g_strdup (id));
}

static void
error_cb (StarlingStreaming *stream,
          const GError      *error,
          Recorder          *recorder)
{
  g_assert_null (strstr (error->message, TOKEN));
  g_ptr_array_add (recorder->errors, g_error_copy (error));
}

static void
count_cb (StarlingStreaming *stream,
          guint             *counter)
{
  (*counter)++;
}

static Recorder *
recorder_new (StarlingStreaming *stream)
{
  Recorder *recorder = g_new0 (Recorder, 1);

  recorder->states = g_array_new (FALSE, FALSE, sizeof (StarlingStreamingState));
  recorder->delays = g_array_new (FALSE, FALSE, sizeof (guint));
  recorder->updates = g_ptr_array_new_with_free_func (g_object_unref);
  recorder->update_keys = g_ptr_array_new_with_free_func (g_free);
  recorder->status_updates = g_ptr_array_new_with_free_func (g_object_unref);
  recorder->notifications = g_ptr_array_new_with_free_func (g_object_unref);
  recorder->notification_keys = g_ptr_array_new_with_free_func (g_free);
  recorder->conversations = g_ptr_array_new_with_free_func (g_object_unref);
  recorder->deletes = g_ptr_array_new_with_free_func (g_free);
  recorder->delete_keys = g_ptr_array_new_with_free_func (g_free);
  recorder->announcement_deletes = g_ptr_array_new_with_free_func (g_free);
  recorder->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

  g_signal_connect (stream, "notify::state", G_CALLBACK (state_cb), recorder);
  g_signal_connect (stream, "update", G_CALLBACK (update_cb), recorder);
  g_signal_connect (stream, "status-update", G_CALLBACK (status_update_cb), recorder);
  g_signal_connect (stream, "notification", G_CALLBACK (notification_cb), recorder);
  g_signal_connect (stream, "conversation", G_CALLBACK (conversation_cb), recorder);
  g_signal_connect (stream, "delete", G_CALLBACK (delete_cb), recorder);
  g_signal_connect (stream, "announcement-delete", G_CALLBACK (announcement_delete_cb), recorder);
  g_signal_connect (stream, "error", G_CALLBACK (error_cb), recorder);
  g_signal_connect (stream, "filters-changed", G_CALLBACK (count_cb), &recorder->filters_changed);
  g_signal_connect (stream, "notifications-merged", G_CALLBACK (count_cb), &recorder->notifications_merged);
  g_signal_connect (stream, "reconnected", G_CALLBACK (count_cb), &recorder->reconnected);
  g_signal_connect (stream, "poll", G_CALLBACK (count_cb), &recorder->polls);

  return recorder;
}

static void
recorder_free (Recorder *recorder)
{
  g_array_unref (recorder->states);
  g_array_unref (recorder->delays);
  g_ptr_array_unref (recorder->updates);
  g_ptr_array_unref (recorder->update_keys);
  g_ptr_array_unref (recorder->status_updates);
  g_ptr_array_unref (recorder->notifications);
  g_ptr_array_unref (recorder->notification_keys);
  g_ptr_array_unref (recorder->conversations);
  g_ptr_array_unref (recorder->deletes);
  g_ptr_array_unref (recorder->delete_keys);
  g_ptr_array_unref (recorder->announcement_deletes);
  g_ptr_array_unref (recorder->errors);
  g_free (recorder);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Recorder, recorder_free)

static StarlingStreaming *
new_stream (SoupSession       *session,
            const char        *base,
            StarlingEntityMap *map)
{
  StarlingStreaming *stream = starling_streaming_new (session, base, TOKEN, map);

  g_object_set (stream,
                "reconnect-base-delay", 10,
                "reconnect-max-delay", 40,
                "poll-interval", 20,
                "probe-interval", 0,
                NULL);

  return stream;
}

/* An event frame as the server sends it: the payload is a string. */
static char *
event_frame (const char *stream,
             const char *param,
             const char *event,
             const char *payload)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "stream");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, stream);
  if (param != NULL)
    json_builder_add_string_value (builder, param);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "event");
  json_builder_add_string_value (builder, event);
  if (payload != NULL)
    {
      json_builder_set_member_name (builder, "payload");
      json_builder_add_string_value (builder, payload);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static char *
fixture_text (const char *path)
{
  return starling_test_load_text (path, NULL);
}

static void
send_to (TestServer *server,
         guint       connection,
         const char *frame)
{
  soup_websocket_connection_send_text (g_ptr_array_index (server->connections, connection), frame);
}

/* Checks a control frame the server received, member by member. */
static void
assert_control_frame (const char *frame,
                      const char *type,
                      const char *stream,
                      const char *param_name,
                      const char *param)
{
  g_autoptr (JsonNode) node = starling_json_parse (frame, -1, NULL);
  JsonObject *object;

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  object = json_node_get_object (node);

  g_assert_cmpstr (json_object_get_string_member (object, "type"), ==, type);
  g_assert_cmpstr (json_object_get_string_member (object, "stream"), ==, stream);
  if (param_name != NULL)
    {
      g_assert_cmpstr (json_object_get_string_member (object, param_name), ==, param);
      g_assert_cmpuint (json_object_get_size (object), ==, 3);
    }
  else
    {
      g_assert_cmpuint (json_object_get_size (object), ==, 2);
    }
  g_assert_null (strstr (frame, TOKEN));
}

static const GError *
first_error (Recorder *recorder)
{
  g_assert_cmpuint (recorder->errors->len, >, 0);
  return g_ptr_array_index (recorder->errors, 0);
}

static guint
count_state (Recorder               *recorder,
             StarlingStreamingState  state)
{
  guint count = 0;

  for (guint i = 0; i < recorder->states->len; i++)
    if (g_array_index (recorder->states, StarlingStreamingState, i) == state)
      count++;

  return count;
}

/* Tests */

static void
test_backoff (void)
{
  guint previous_ceiling = 0;

  /* The ceiling doubles from the base and stops at the cap. */
  for (guint attempt = 0; attempt < 12; attempt++)
    {
      guint ceiling = starling_streaming_backoff_delay (attempt, 1000, 120000, 1.0);
      guint expected = MIN (1000u << attempt, 120000u);

      g_assert_cmpuint (ceiling, ==, expected);
      g_assert_cmpuint (ceiling, >=, previous_ceiling);
      g_assert_cmpuint (starling_streaming_backoff_delay (attempt, 1000, 120000, 0.0), ==, 0);
      g_assert_cmpuint (starling_streaming_backoff_delay (attempt, 1000, 120000, 0.5), ==, expected / 2);
      previous_ceiling = ceiling;
    }
  g_assert_cmpuint (previous_ceiling, ==, 120000);

  /* No overflow however many failures, and the fraction is clamped. */
  g_assert_cmpuint (starling_streaming_backoff_delay (G_MAXUINT, 1000, 120000, 1.0), ==, 120000);
  g_assert_cmpuint (starling_streaming_backoff_delay (40, G_MAXINT, G_MAXINT, 1.0), ==, G_MAXINT);
  g_assert_cmpuint (starling_streaming_backoff_delay (3, 1000, 120000, 7.0), ==, 8000);
  g_assert_cmpuint (starling_streaming_backoff_delay (3, 1000, 120000, -1.0), ==, 0);
  g_assert_cmpuint (starling_streaming_backoff_delay (0, 5000, 2000, 1.0), ==, 2000);

  /* Full jitter: random waits spread over the whole range, within it. */
  {
    guint low = 0, high = 0;

    for (guint i = 0; i < 2000; i++)
      {
        guint delay = starling_streaming_backoff_delay (4, 1000, 120000, g_random_double ());

        g_assert_cmpuint (delay, <=, 16000);
        if (delay < 4000)
          low++;
        if (delay > 12000)
          high++;
      }
    g_assert_cmpuint (low, >, 300);
    g_assert_cmpuint (high, >, 300);
  }
}

static void
test_endpoint (void)
{
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  static const struct {
    const char *base;
    const char *uri;
    int code;
  } table[] = {
    { "wss://streaming.mastodon.social", "wss://streaming.mastodon.social/api/v1/streaming", 0 },
    { "wss://mastodon.social/", "wss://mastodon.social/api/v1/streaming", 0 },
    { "https://example.social", "wss://example.social/api/v1/streaming", 0 },
    { "WSS://Example.Social:8443/api/v1/streaming/", "wss://example.social:8443/api/v1/streaming", 0 },
    { "wss://example.social/sub/", "wss://example.social/sub/api/v1/streaming", 0 },
    { "wss://user:pw@example.social/?access_token=x#f", "wss://example.social/api/v1/streaming", 0 },
    { "ws://127.0.0.1:4000", "ws://127.0.0.1:4000/api/v1/streaming", 0 },
    { "http://[::1]:4000", "ws://[::1]:4000/api/v1/streaming", 0 },
    { "ws://example.social", NULL, STARLING_API_ERROR_INSECURE },
    { "http://example.social", NULL, STARLING_API_ERROR_INSECURE },
    { "ftp://example.social", NULL, STARLING_API_ERROR_INSECURE },
    { "not a url", NULL, STARLING_API_ERROR_NOT_FOUND },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autoptr (StarlingStreaming) stream = new_stream (session, table[i].base, NULL);
      g_autoptr (Recorder) recorder = recorder_new (stream);
      g_autofree char *property = NULL;

      g_object_get (stream, "uri", &property, NULL);
      g_assert_cmpstr (starling_streaming_get_uri (stream), ==, table[i].uri);
      g_assert_cmpstr (property, ==, table[i].uri);

      if (table[i].uri != NULL)
        continue;

      /* No usable address: polling at once, with the reason reported;
       * nothing is ever sent over an insecure connection. */
      starling_streaming_start (stream);
      g_assert_cmpint (starling_streaming_get_state (stream), ==, STARLING_STREAMING_STATE_POLLING);
      g_assert_error (starling_streaming_get_error (stream), STARLING_API_ERROR, table[i].code);
      g_assert_cmpuint (recorder->errors->len, ==, 1);
      g_assert_error (first_error (recorder), STARLING_API_ERROR, table[i].code);
      starling_streaming_stop (stream);
      g_assert_cmpint (starling_streaming_get_state (stream), ==, STARLING_STREAMING_STATE_STOPPED);
    }
}

static void
test_no_streaming_url (void)
{
  g_autoptr (SoupSession) session = starling_session_new (NULL);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (StarlingStreaming) stream = new_stream (session, i == 0 ? NULL : "", NULL);
      g_autoptr (Recorder) recorder = recorder_new (stream);

      g_object_set (stream, "probe-interval", 10, NULL);
      g_assert_null (starling_streaming_get_uri (stream));

      starling_streaming_start (stream);
      g_assert_cmpint (starling_streaming_get_state (stream), ==, STARLING_STREAMING_STATE_POLLING);
      g_assert_error (starling_streaming_get_error (stream), STARLING_API_ERROR, STARLING_API_ERROR_NOT_FOUND);

      /* A server without streaming is not an error to report; it is
       * polled, at once and then at every interval, and never probed. */
      WAIT_UNTIL (recorder->polls >= 4, 5000);
      g_assert_cmpuint (recorder->errors->len, ==, 0);
      g_assert_cmpuint (count_state (recorder, STARLING_STREAMING_STATE_CONNECTING), ==, 0);

      /* Starting twice changes nothing. */
      starling_streaming_start (stream);
      g_assert_cmpint (starling_streaming_get_state (stream), ==, STARLING_STREAMING_STATE_POLLING);

      starling_streaming_stop (stream);
      {
        guint polls = recorder->polls;

        spin (60);
        g_assert_cmpuint (recorder->polls, ==, polls);
      }
    }
}

static void
test_subscriptions (void)
{
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (StarlingStreaming) stream = new_stream (session, "wss://example.social", NULL);
  static const struct {
    const char *stream;
    const char *param;
  } bad[] = {
    { "home", NULL },
    { "", NULL },
    { "USER", NULL },
    { "user", "42" },
    { "hashtag", NULL },
    { "hashtag", "" },
    { "hashtag", "#" },
    { "hashtag:local", "two words" },
    { "hashtag", "tab\tbed" },
    { "list", NULL },
    { "list", "4 2" },
  };
  static const char *no_param[] = {
    "user", "user:notification", "public", "public:media", "public:local",
    "public:local:media", "public:remote", "public:remote:media", "direct",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_false (starling_streaming_subscribe (stream, bad[i].stream, bad[i].param, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_false (starling_streaming_is_subscribed (stream, bad[i].stream, bad[i].param));
    }

  for (guint i = 0; i < G_N_ELEMENTS (no_param); i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_true (starling_streaming_subscribe (stream, no_param[i], NULL, &error));
      g_assert_no_error (error);
      g_assert_true (starling_streaming_is_subscribed (stream, no_param[i], NULL));
    }

  g_assert_true (starling_streaming_subscribe (stream, "hashtag", "#Caturday", NULL));
  g_assert_true (starling_streaming_is_subscribed (stream, "hashtag", "Caturday"));
  g_assert_true (starling_streaming_is_subscribed (stream, "hashtag", "#Caturday"));
  g_assert_false (starling_streaming_is_subscribed (stream, "hashtag:local", "Caturday"));
  g_assert_true (starling_streaming_subscribe (stream, "hashtag:local", "café", NULL));
  g_assert_true (starling_streaming_subscribe (stream, "list", "42", NULL));
  g_assert_true (starling_streaming_subscribe (stream, "list", "42", NULL));

  g_assert_true (starling_streaming_unsubscribe (stream, "list", "42"));
  g_assert_false (starling_streaming_unsubscribe (stream, "list", "42"));
  g_assert_false (starling_streaming_is_subscribed (stream, "list", "42"));
  g_assert_false (starling_streaming_unsubscribe (stream, "nonsense", NULL));

  {
    g_autofree char *user = starling_streaming_stream_key ("user", NULL);
    g_autofree char *tag = starling_streaming_stream_key ("hashtag:local", "foo");
    g_autofree char *list = starling_streaming_stream_key ("list", "42");

    g_assert_cmpstr (user, ==, "user");
    g_assert_cmpstr (tag, ==, "hashtag:local:foo");
    g_assert_cmpstr (list, ==, "list:42");
  }
}

/* The frames of one connection, as the subscriptions of test_events make
 * them, in order. */
static void
assert_subscribed (GPtrArray *frames)
{
  g_assert_cmpuint (frames->len, >=, 3);
  assert_control_frame (g_ptr_array_index (frames, 0), "subscribe", "user", NULL, NULL);
  assert_control_frame (g_ptr_array_index (frames, 1), "subscribe", "hashtag", "tag", "foo");
  assert_control_frame (g_ptr_array_index (frames, 2), "subscribe", "list", "list", "42");
}

static void
test_events (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (StarlingEntityMap) map = starling_entity_map_new ();
  g_autoptr (StarlingStreaming) stream = new_stream (session, server->base, map);
  g_autoptr (Recorder) recorder = recorder_new (stream);
  g_autofree char *update = fixture_text ("mastodon/streaming-ws-update.json");
  g_autofree char *notification_json = fixture_text ("mastodon/notification-mention.json");
  g_autofree char *edited_json = fixture_text ("mastodon/status-edited.json");
  g_autofree char *conversation_json = fixture_text ("mastodon/conversation.json");
  g_autofree char *filters_changed = fixture_text ("mastodon/streaming-ws-filters-changed.json");
  g_autofree char *delete_fixture = fixture_text ("mastodon/streaming-ws-delete.json");
  g_autofree char *error_frame = fixture_text ("mastodon/error-streaming-unknown-stream-type.json");
  g_autofree char *notification = event_frame ("user", NULL, "notification", notification_json);
  g_autofree char *edited = event_frame ("user", NULL, "status.update", edited_json);
  g_autofree char *conversation = event_frame ("direct", NULL, "conversation", conversation_json);
  g_autofree char *big_delete = event_frame ("hashtag", "foo", "delete", "1152921504606846977");
  g_autofree char *announcement_delete = event_frame ("user", NULL, "announcement.delete", "7");
  g_autofree char *merged = event_frame ("user", NULL, "notifications_merged", "{}");
  g_autofree char *unknown = event_frame ("user", NULL, "encrypted_message", "{\"id\":\"1\"}");
  g_autofree char *announcement = event_frame ("user", NULL, "announcement", "{\"id\":\"1\"}");
  g_autofree char *bad_status = event_frame ("user", NULL, "update", "{\"content\":\"no id\"}");
  g_autofree char *array_status = event_frame ("user", NULL, "update", "[1,2]");
  g_autofree char *invalid_json = event_frame ("user", NULL, "update", "{\"id\":");
  g_autofree char *empty_delete = event_frame ("user", NULL, "delete", "");
  g_autofree char *spaced_delete = event_frame ("user", NULL, "delete", "12 34");
  g_autofree char *marker = event_frame ("list", "42", "filters_changed", NULL);
  const char *malformed[] = {
    "this is not JSON",
    "",
    "[]",
    "\"update\"",
    "{\"stream\":[\"user\"]}",
    "{\"stream\":[\"user\"],\"event\":42}",
    "{\"stream\":[\"user\"],\"event\":\"update\"}",
    "{\"stream\":[\"user\"],\"event\":\"update\",\"payload\":{\"id\":\"1\"}}",
    "{\"stream\":[\"user\"],\"event\":\"update\",\"payload\":null}",
    "{\"stream\":[\"user\"],\"event\":\"notification\",\"payload\":17}",
    "{\"stream\":[\"user\"],\"event\":\"delete\",\"payload\":108913983692647032}",
    "{\"stream\":[\"user\"],\"event\":\"delete\"}",
    "{\"stream\":\"user\",\"event\":\"conversation\",\"payload\":\"nope\"}",
    bad_status,
    array_status,
    invalid_json,
    empty_delete,
    spaced_delete,
    unknown,
    announcement,
  };
  StarlingStatus *status;
  StarlingNotification *mention;
  StarlingConversation *direct;

  g_assert_true (starling_streaming_subscribe (stream, "user", NULL, NULL));
  g_assert_true (starling_streaming_subscribe (stream, "hashtag", "#foo", NULL));
  g_assert_true (starling_streaming_subscribe (stream, "list", "42", NULL));

  starling_streaming_start (stream);
  g_assert_cmpint (starling_streaming_get_state (stream), ==, STARLING_STREAMING_STATE_CONNECTING);
  WAIT_UNTIL (starling_streaming_get_state (stream) == STARLING_STREAMING_STATE_CONNECTED, 5000);
  WAIT_UNTIL (server->received->len == 1 && frames_of (server, 0)->len == 3, 5000);

  /* The handshake: the token in the header, nowhere in the URL. */
  g_assert_cmpuint (server->n_requests, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (server->authorizations, 0), ==, "Bearer " TOKEN);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (server->uris, 0), "/api/v1/streaming"));
  g_assert_null (strstr (g_ptr_array_index (server->uris, 0), TOKEN));
  g_assert_null (strchr (g_ptr_array_index (server->uris, 0), '?'));
  assert_subscribed (frames_of (server, 0));

  /* Real frames, as the documentation shows them. */
  send_to (server, 0, update);
  send_to (server, 0, notification);
  send_to (server, 0, edited);
  send_to (server, 0, conversation);
  send_to (server, 0, delete_fixture);
  send_to (server, 0, big_delete);
  send_to (server, 0, announcement_delete);
  send_to (server, 0, filters_changed);
  send_to (server, 0, merged);
  send_to (server, 0, error_frame);
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    send_to (server, 0, malformed[i]);
  soup_websocket_connection_send_binary (g_ptr_array_index (server->connections, 0), "\x01\x02", 2);
  send_to (server, 0, marker);

  WAIT_UNTIL (recorder->filters_changed == 2, 5000);

  /* update, decoded from the string payload */
  g_assert_cmpuint (recorder->updates->len, ==, 1);
  status = g_ptr_array_index (recorder->updates, 0);
  g_assert_cmpstr (starling_status_get_id (status), ==, "108913983692647032");
  g_assert_cmpstr (starling_account_get_acct (starling_status_get_account (status)), ==, "tobtobxx@fosstodon.org");
  g_assert_cmpstr (starling_status_get_in_reply_to_id (status), ==, "108913981098896721");
  g_assert_true (g_str_has_prefix (starling_status_get_content (status), "<p>And now I can"));
  g_assert_cmpstr (g_ptr_array_index (recorder->update_keys, 0), ==, "public");
  /* … and interned: the map hands out the same object. */
  {
    g_autoptr (StarlingStatus) same = starling_entity_map_lookup (map, STARLING_TYPE_STATUS, "108913983692647032");
    g_assert_true (same == status);
  }

  /* notification */
  g_assert_cmpuint (recorder->notifications->len, ==, 1);
  mention = g_ptr_array_index (recorder->notifications, 0);
  g_assert_cmpstr (starling_notification_get_id (mention), ==, "68739215");
  g_assert_cmpint (starling_notification_get_notification_type (mention), ==, STARLING_NOTIFICATION_TYPE_MENTION);
  g_assert_cmpstr (starling_account_get_acct (starling_notification_get_account (mention)), ==, "a@pl.nulled.red");
  g_assert_cmpstr (starling_status_get_id (starling_notification_get_status (mention)), ==, "108914343542683797");
  g_assert_cmpstr (g_ptr_array_index (recorder->notification_keys, 0), ==, "user");

  /* status.update */
  g_assert_cmpuint (recorder->status_updates->len, ==, 1);
  status = g_ptr_array_index (recorder->status_updates, 0);
  g_assert_cmpstr (starling_status_get_id (status), ==, "109348677773283527");
  g_assert_cmpstr (starling_status_get_content (status), ==, "<p>edited</p>");
  g_assert_nonnull (starling_status_get_edited_at (status));

  /* conversation */
  g_assert_cmpuint (recorder->conversations->len, ==, 1);
  direct = g_ptr_array_index (recorder->conversations, 0);
  g_assert_cmpstr (starling_conversation_get_id (direct), ==, "819516");
  g_assert_true (starling_conversation_get_unread (direct));
  g_assert_cmpstr (starling_status_get_id (starling_conversation_get_last_status (direct)), ==, "109346889330629417");

  /* delete: ids kept as the strings they are, even above 2^53 */
  g_assert_cmpuint (recorder->deletes->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (recorder->deletes, 0), ==, "106692867363994015");
  g_assert_cmpstr (g_ptr_array_index (recorder->delete_keys, 0), ==, "public");
  g_assert_cmpstr (g_ptr_array_index (recorder->deletes, 1), ==, "1152921504606846977");
  g_assert_cmpstr (g_ptr_array_index (recorder->delete_keys, 1), ==, "hashtag:foo");
  g_assert_cmpuint (recorder->announcement_deletes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (recorder->announcement_deletes, 0), ==, "7");

  g_assert_cmpuint (recorder->notifications_merged, ==, 1);

  /* The error frame is reported with the server's words, and ends
   * nothing. */
  g_assert_cmpuint (recorder->errors->len, ==, 1);
  g_assert_error (first_error (recorder), STARLING_API_ERROR, STARLING_API_ERROR_VALIDATION);
  g_assert_cmpstr (first_error (recorder)->message, ==, "Unknown stream type");
  g_assert_cmpuint (starling_api_error_get_http_status (first_error (recorder)), ==, 400);
  g_assert_cmpint (starling_streaming_get_state (stream), ==, STARLING_STREAMING_STATE_CONNECTED);
  g_assert_null (starling_streaming_get_error (stream));
  g_assert_cmpuint (server->n_requests, ==, 1);

  /* Subscribing and unsubscribing while connected goes out at once. */
  g_assert_true (starling_streaming_unsubscribe (stream, "hashtag", "foo"));
  g_assert_true (starling_streaming_subscribe (stream, "public:local", NULL, NULL));
  WAIT_UNTIL (frames_of (server, 0)->len == 5, 5000);
  assert_control_frame (g_ptr_array_index (frames_of (server, 0), 3), "unsubscribe", "hashtag", "tag", "foo");
  assert_control_frame (g_ptr_array_index (frames_of (server, 0), 4), "subscribe", "public:local", NULL, NULL);

  g_assert_cmpuint (recorder->reconnected, ==, 0);
  g_assert_cmpuint (recorder->polls, ==, 0);

  starling_streaming_stop (stream);
  g_assert_cmpint (starling_streaming_get_state (stream), ==, STARLING_STREAMING_STATE_STOPPED);
  WAIT_UNTIL (soup_websocket_connection_get_state (g_ptr_array_index (server->connections, 0)) ==
              SOUP_WEBSOCKET_STATE_CLOSED, 5000);

  g_assert_false (token_logged);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *counter)
{
  (*counter)++;
}

static void
test_identity (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (StarlingEntityMap) map = starling_entity_map_new ();
  g_autoptr (StarlingStreaming) stream = new_stream (session, server->base, map);
  g_autoptr (Recorder) recorder = recorder_new (stream);
  g_autofree char *status_json = fixture_text ("mastodon/status.json");
  g_autoptr (JsonNode) node = json_from_string (status_json, NULL);
  g_autoptr (StarlingStatus) shown = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *frame = NULL;
  g_autoptr (GError) error = NULL;
  guint favourites_notified = 0;
  guint content_notified = 0;

  /* The status a timeline already shows. */
  shown = starling_entity_decode (STARLING_TYPE_STATUS, node, map, &error);
  g_assert_no_error (error);
  g_assert_cmpint (starling_status_get_favourites_count (shown), ==, 11);
  g_signal_connect (shown, "notify::favourites-count", G_CALLBACK (count_notify_cb), &favourites_notified);
  g_signal_connect (shown, "notify::content", G_CALLBACK (count_notify_cb), &content_notified);

  /* A newer copy of it arrives on the stream. */
  json_object_set_int_member (json_node_get_object (node), "favourites_count", 12);
  payload = json_to_string (node, FALSE);
  frame = event_frame ("user", NULL, "update", payload);

  g_assert_true (starling_streaming_subscribe (stream, "user", NULL, NULL));
  starling_streaming_start (stream);
  WAIT_UNTIL (server->connections->len == 1, 5000);
  send_to (server, 0, frame);
  WAIT_UNTIL (recorder->updates->len == 1, 5000);

  g_assert_true (g_ptr_array_index (recorder->updates, 0) == shown);
  g_assert_cmpint (starling_status_get_favourites_count (shown), ==, 12);
  g_assert_cmpuint (favourites_notified, ==, 1);
  g_assert_cmpuint (content_notified, ==, 0);

  /* The stream's own frame has no `stream` member on older servers: it
   * belongs to the only subscription. */
  g_assert_cmpstr (g_ptr_array_index (recorder->update_keys, 0), ==, "user");
  json_object_set_int_member (json_node_get_object (node), "favourites_count", 13);
  {
    g_autoptr (JsonBuilder) builder = json_builder_new ();
    g_autoptr (JsonNode) root = NULL;
    g_autofree char *bare = NULL;
    g_autofree char *text = json_to_string (node, FALSE);

    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "event");
    json_builder_add_string_value (builder, "status.update");
    json_builder_set_member_name (builder, "payload");
    json_builder_add_string_value (builder, text);
    json_builder_end_object (builder);
    root = json_builder_get_root (builder);
    bare = json_to_string (root, FALSE);
    send_to (server, 0, bare);
  }
  WAIT_UNTIL (recorder->status_updates->len == 1, 5000);
  g_assert_true (g_ptr_array_index (recorder->status_updates, 0) == shown);
  g_assert_cmpint (starling_status_get_favourites_count (shown), ==, 13);
  g_assert_cmpuint (favourites_notified, ==, 2);

  g_signal_handlers_disconnect_by_data (shown, &favourites_notified);
  g_signal_handlers_disconnect_by_data (shown, &content_notified);
}

static void
test_reconnect (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (StarlingStreaming) stream = new_stream (session, server->base, NULL);
  g_autoptr (Recorder) recorder = recorder_new (stream);
  static const StarlingStreamingState expected[] = {
    STARLING_STREAMING_STATE_CONNECTING,
    STARLING_STREAMING_STATE_CONNECTED,
    STARLING_STREAMING_STATE_WAITING,
    STARLING_STREAMING_STATE_CONNECTING,
    STARLING_STREAMING_STATE_CONNECTED,
  };

  /* The first connection gets one event and is dropped by the server. */
  server->greeting = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (server->greeting, event_frame ("user", NULL, "filters_changed", NULL));
  server->drop_first = TRUE;

  g_assert_true (starling_streaming_subscribe (stream, "user", NULL, NULL));
  g_assert_true (starling_streaming_subscribe (stream, "hashtag", "foo", NULL));
  g_assert_true (starling_streaming_subscribe (stream, "list", "42", NULL));
  starling_streaming_start (stream);

  WAIT_UNTIL (recorder->reconnected == 1, 5000);
  g_assert_cmpint (starling_streaming_get_state (stream), ==, STARLING_STREAMING_STATE_CONNECTED);
  g_assert_cmpuint (recorder->filters_changed, >=, 1);

  g_assert_cmpuint (recorder->states->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (g_array_index (recorder->states, StarlingStreamingState, i), ==, expected[i]);

  /* The wait was drawn below the first ceiling. */
  g_assert_cmpuint (recorder->delays->len, <=, 1);
  for (guint i = 0; i < recorder->delays->len; i++)
    g_assert_cmpuint (g_array_index (recorder->delays, guint, i), <=, 10);

  /* The subscriptions were sent again on the new socket, with the same
   * token in the header. */
  g_assert_cmpuint (server->connections->len, ==, 2);
  WAIT_UNTIL (frames_of (server, 1)->len == 3, 5000);
  assert_subscribed (frames_of (server, 0));
  assert_subscribed (frames_of (server, 1));
  g_assert_cmpuint (server->n_requests, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (server->authorizations, 1), ==, "Bearer " TOKEN);
  g_assert_cmpuint (recorder->errors->len, ==, 0);

  /* A stop and a start is a fresh beginning, not a reconnect. */
  starling_streaming_stop (stream);
  starling_streaming_start (stream);
  WAIT_UNTIL (server->connections->len == 3 && starling_streaming_get_state (stream) == STARLING_STREAMING_STATE_CONNECTED, 5000);
  g_assert_cmpuint (recorder->reconnected, ==, 1);
}

/* A TCP server that accepts and hangs up before any HTTP: a network failure
 * that is not a refusal, so the stream keeps waiting and retrying. */
static gboolean
incoming_cb (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source,
             gpointer           user_data)
{
  GArray *times = user_data;
  gint64 now = g_get_monotonic_time ();

  g_array_append_val (times, now);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static void
test_backoff_live (void)
{
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (GSocketService) service = g_socket_service_new ();
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingStreaming) stream = NULL;
  g_autoptr (Recorder) recorder = NULL;
  g_autofree char *base = NULL;
  guint16 port;

  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "incoming", G_CALLBACK (incoming_cb), times);
  g_socket_service_start (service);

  base = g_strdup_printf ("ws://127.0.0.1:%u", port);
  stream = new_stream (session, base, NULL);
  recorder = recorder_new (stream);
  g_object_set (stream, "reconnect-base-delay", 8, "reconnect-max-delay", 64, NULL);
  starling_streaming_start (stream);

  WAIT_UNTIL (recorder->delays->len >= 8, 10000);
  starling_streaming_stop (stream);

  /* Never polling: a network that fails is waited out. */
  g_assert_cmpuint (count_state (recorder, STARLING_STREAMING_STATE_POLLING), ==, 0);
  g_assert_cmpuint (count_state (recorder, STARLING_STREAMING_STATE_WAITING), >=, 8);

  /* Each wait is within its attempt's ceiling, which doubles up to the
   * cap, and the next attempt came no sooner than the wait. */
  for (guint i = 0; i < recorder->delays->len; i++)
    {
      guint delay = g_array_index (recorder->delays, guint, i);
      guint ceiling = MIN (8u << MIN (i, 16u), 64u);

      g_test_message ("attempt %u: waited %u ms (ceiling %u)", i, delay, ceiling);
      g_assert_cmpuint (delay, <=, ceiling);
      g_assert_cmpuint (delay, <=, 64);

      if (i + 1 < times->len)
        {
          gint64 gap = g_array_index (times, gint64, i + 1) - g_array_index (times, gint64, i);
          g_assert_cmpint (gap, >=, (gint64) delay * 1000 - 2000);
        }
    }
  g_assert_cmpuint (times->len, >=, 8);
  g_assert_cmpuint (recorder->errors->len, ==, 0);
  g_assert_error (starling_streaming_get_error (stream), STARLING_API_ERROR, STARLING_API_ERROR_NETWORK);

  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
}

static void
test_not_found (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (StarlingStreaming) stream = new_stream (session, server->base, NULL);
  g_autoptr (Recorder) recorder = recorder_new (stream);

  server->reject_status = SOUP_STATUS_NOT_FOUND;
  g_object_set (stream, "probe-interval", 150, NULL);
  starling_streaming_start (stream);

  WAIT_UNTIL (starling_streaming_get_state (stream) == STARLING_STREAMING_STATE_POLLING, 5000);
  g_assert_cmpuint (recorder->errors->len, ==, 1);
  g_assert_error (first_error (recorder), STARLING_API_ERROR, STARLING_API_ERROR_NOT_FOUND);
  g_assert_cmpuint (starling_api_error_get_http_status (first_error (recorder)), ==, 404);
  g_assert_cmpuint (server->n_requests, ==, 1);

  /* poll at once and then again and again… */
  WAIT_UNTIL (recorder->polls >= 3, 5000);

  /* …and the WebSocket is tried again later, which fails back to polling
   * without reporting the same thing twice. */
  WAIT_UNTIL (server->n_requests >= 2 &&
              starling_streaming_get_state (stream) == STARLING_STREAMING_STATE_POLLING, 5000);
  g_assert_cmpuint (count_state (recorder, STARLING_STREAMING_STATE_WAITING), ==, 0);
  g_assert_cmpuint (recorder->errors->len, ==, 1);
  {
    guint polls = recorder->polls;
    WAIT_UNTIL (recorder->polls > polls, 5000);
  }

  /* Once the server streams, the probe connects and the owner is told to
   * fill the gap. */
  server->reject_status = 0;
  WAIT_UNTIL (starling_streaming_get_state (stream) == STARLING_STREAMING_STATE_CONNECTED, 5000);
  WAIT_UNTIL (recorder->reconnected == 1, 5000);
  {
    guint polls = recorder->polls;

    spin (80);
    g_assert_cmpuint (recorder->polls, ==, polls);
  }
}

static void
test_quick_close (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (StarlingStreaming) stream = new_stream (session, server->base, NULL);
  g_autoptr (Recorder) recorder = recorder_new (stream);

  server->close_at_once = TRUE;
  g_object_set (stream, "probe-interval", 400, NULL);
  starling_streaming_start (stream);

  WAIT_UNTIL (starling_streaming_get_state (stream) == STARLING_STREAMING_STATE_POLLING, 5000);
  g_assert_cmpuint (server->connections->len, ==, 2);
  g_assert_cmpuint (count_state (recorder, STARLING_STREAMING_STATE_CONNECTED), ==, 2);
  g_assert_cmpuint (count_state (recorder, STARLING_STREAMING_STATE_WAITING), ==, 1);
  g_assert_cmpuint (recorder->errors->len, ==, 1);
  g_assert_error (first_error (recorder), STARLING_API_ERROR, STARLING_API_ERROR_NOT_FOUND);

  WAIT_UNTIL (recorder->polls >= 3, 5000);
  g_assert_cmpuint (server->connections->len, ==, 2);

  /* The probe meets the same: back to polling, without a second report
   * and without the back-off's waits. */
  WAIT_UNTIL (server->connections->len == 3, 5000);
  WAIT_UNTIL (starling_streaming_get_state (stream) == STARLING_STREAMING_STATE_POLLING, 5000);
  g_assert_cmpuint (count_state (recorder, STARLING_STREAMING_STATE_CONNECTED), ==, 3);
  g_assert_cmpuint (count_state (recorder, STARLING_STREAMING_STATE_WAITING), ==, 1);
  g_assert_cmpuint (recorder->errors->len, ==, 1);
  /* The second connection and the probe each came after a drop. */
  g_assert_cmpuint (recorder->reconnected, ==, 2);
}

static void
test_refused (void)
{
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (GSocketListener) listener = g_socket_listener_new ();
  g_autoptr (StarlingStreaming) stream = NULL;
  g_autoptr (Recorder) recorder = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *base = NULL;
  guint16 port;

  /* A port that was free a moment ago: nothing listens there. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);

  base = g_strdup_printf ("ws://127.0.0.1:%u", port);
  stream = new_stream (session, base, NULL);
  recorder = recorder_new (stream);
  starling_streaming_start (stream);

  WAIT_UNTIL (starling_streaming_get_state (stream) == STARLING_STREAMING_STATE_POLLING, 5000);
  g_assert_cmpuint (count_state (recorder, STARLING_STREAMING_STATE_WAITING), ==, 0);
  g_assert_cmpuint (recorder->errors->len, ==, 1);
  g_assert_error (first_error (recorder), STARLING_API_ERROR, STARLING_API_ERROR_NETWORK);
  WAIT_UNTIL (recorder->polls >= 2, 5000);
}

static void
test_unauthorized (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (StarlingStreaming) stream = new_stream (session, server->base, NULL);
  g_autoptr (Recorder) recorder = recorder_new (stream);

  server->reject_status = SOUP_STATUS_UNAUTHORIZED;
  g_object_set (stream, "probe-interval", 10, NULL);
  starling_streaming_start (stream);

  WAIT_UNTIL (starling_streaming_get_state (stream) == STARLING_STREAMING_STATE_UNAUTHORIZED, 5000);
  g_assert_cmpuint (recorder->errors->len, ==, 1);
  g_assert_error (first_error (recorder), STARLING_API_ERROR, STARLING_API_ERROR_UNAUTHORIZED);
  g_assert_error (starling_streaming_get_error (stream), STARLING_API_ERROR, STARLING_API_ERROR_UNAUTHORIZED);

  /* No endless retries, no polling with a token that is refused. */
  spin (150);
  g_assert_cmpuint (server->n_requests, ==, 1);
  g_assert_cmpuint (recorder->polls, ==, 0);
  g_assert_cmpint (starling_streaming_get_state (stream), ==, STARLING_STREAMING_STATE_UNAUTHORIZED);

  /* After signing in again, a start connects with the new token. */
  server->reject_status = 0;
  starling_streaming_set_access_token (stream, "another-token");
  starling_streaming_start (stream);
  WAIT_UNTIL (starling_streaming_get_state (stream) == STARLING_STREAMING_STATE_CONNECTED, 5000);
  g_assert_cmpstr (g_ptr_array_index (server->authorizations, 1), ==, "Bearer another-token");
  g_assert_null (starling_streaming_get_error (stream));

  /* A token that cannot be sent is refused before any request. */
  starling_streaming_stop (stream);
  starling_streaming_set_access_token (stream, "bad\r\nX-Injected: 1");
  starling_streaming_start (stream);
  g_assert_cmpint (starling_streaming_get_state (stream), ==, STARLING_STREAMING_STATE_UNAUTHORIZED);
  starling_streaming_set_access_token (stream, NULL);
  starling_streaming_start (stream);
  g_assert_cmpint (starling_streaming_get_state (stream), ==, STARLING_STREAMING_STATE_UNAUTHORIZED);
  g_assert_cmpuint (server->n_requests, ==, 2);
}

static void
test_server_errors (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (StarlingStreaming) stream = new_stream (session, server->base, NULL);
  g_autoptr (Recorder) recorder = recorder_new (stream);

  /* 503 with Retry-After: the wait is the server's, not the back-off's. */
  server->reject_status = SOUP_STATUS_SERVICE_UNAVAILABLE;
  server->retry_after = "30";
  starling_streaming_start (stream);
  WAIT_UNTIL (starling_streaming_get_state (stream) == STARLING_STREAMING_STATE_WAITING, 5000);
  g_assert_cmpuint (starling_streaming_get_retry_delay (stream), ==, 30000);
  g_assert_error (starling_streaming_get_error (stream), STARLING_API_ERROR, STARLING_API_ERROR_SERVER);
  starling_streaming_stop (stream);
  g_assert_cmpuint (starling_streaming_get_retry_delay (stream), ==, 0);

  /* A server that keeps failing the handshake with 502 is reachable but
   * does not stream: after a few tries, polling. */
  server->reject_status = SOUP_STATUS_BAD_GATEWAY;
  server->retry_after = NULL;
  server->n_requests = 0;
  g_array_set_size (recorder->states, 0);
  starling_streaming_start (stream);
  WAIT_UNTIL (starling_streaming_get_state (stream) == STARLING_STREAMING_STATE_POLLING, 5000);
  g_assert_cmpuint (server->n_requests, ==, 3);
  g_assert_cmpuint (count_state (recorder, STARLING_STREAMING_STATE_WAITING), ==, 2);
  g_assert_cmpuint (recorder->errors->len, ==, 1);
  g_assert_error (first_error (recorder), STARLING_API_ERROR, STARLING_API_ERROR_SERVER);
}

static void
fail_cb (void)
{
  g_assert_not_reached ();
}

static void
connect_fail_handlers (StarlingStreaming *stream)
{
  static const char *names[] = {
    "notify", "update", "status-update", "notification", "conversation", "delete",
    "announcement-delete", "filters-changed", "notifications-merged", "reconnected",
    "poll", "error",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_signal_connect (stream, names[i], G_CALLBACK (fail_cb), NULL);
}

static void
test_dispose (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  StarlingStreaming *stream;
  guint requests;

  server->greeting = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (server->greeting, event_frame ("user", NULL, "filters_changed", NULL));

  /* While connecting: the handshake is cancelled, and nothing of the
   * stream runs after. */
  stream = new_stream (session, server->base, NULL);
  starling_streaming_subscribe (stream, "user", NULL, NULL);
  starling_streaming_start (stream);
  g_assert_cmpint (starling_streaming_get_state (stream), ==, STARLING_STREAMING_STATE_CONNECTING);
  connect_fail_handlers (stream);
  g_assert_finalize_object (stream);
  spin (100);

  /* While connected: the socket is closed. */
  stream = new_stream (session, server->base, NULL);
  starling_streaming_subscribe (stream, "user", NULL, NULL);
  starling_streaming_start (stream);
  WAIT_UNTIL (starling_streaming_get_state (stream) == STARLING_STREAMING_STATE_CONNECTED, 5000);
  connect_fail_handlers (stream);
  {
    SoupWebsocketConnection *server_side = g_ptr_array_index (server->connections, server->connections->len - 1);

    send_to (server, server->connections->len - 1, g_ptr_array_index (server->greeting, 0));
    g_assert_finalize_object (stream);
    WAIT_UNTIL (soup_websocket_connection_get_state (server_side) == SOUP_WEBSOCKET_STATE_CLOSED, 5000);
  }

  /* While waiting: the timer goes with it. */
  server->close_at_once = TRUE;
  stream = new_stream (session, server->base, NULL);
  g_object_set (stream, "reconnect-base-delay", 60, NULL);
  starling_streaming_start (stream);
  WAIT_UNTIL (starling_streaming_get_state (stream) == STARLING_STREAMING_STATE_WAITING, 5000);
  requests = server->n_requests;
  connect_fail_handlers (stream);
  g_assert_finalize_object (stream);
  spin (150);
  g_assert_cmpuint (server->n_requests, ==, requests);

  /* While polling. */
  stream = new_stream (session, NULL, NULL);
  starling_streaming_start (stream);
  connect_fail_handlers (stream);
  g_assert_finalize_object (stream);
  spin (60);
}

/* A server that completes the handshake and then goes silent, as a
 * network that died without a word does: it reads and drops the client's
 * pings and never answers one. It runs in a thread of its own, so it can
 * block. */
static gboolean
silent_run_cb (GThreadedSocketService *service,
               GSocketConnection      *connection,
               GObject                *source,
               gpointer                user_data)
{
  int *count = user_data;
  GInputStream *input = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream *output = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autoptr (GString) request = g_string_new (NULL);
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  g_autofree char *key = NULL;
  g_autofree char *accept = NULL;
  g_autofree char *response = NULL;
  guint8 digest[20];
  gsize digest_length = sizeof digest;
  const char *line;
  char buffer[256];

  while (strstr (request->str, "\r\n\r\n") == NULL)
    {
      char byte;

      if (g_input_stream_read (input, &byte, 1, NULL, NULL) != 1)
        return TRUE;
      g_string_append_c (request, byte);
    }

  line = strstr (request->str, "Sec-WebSocket-Key: ");
  if (line == NULL)
    return TRUE;
  line += strlen ("Sec-WebSocket-Key: ");
  key = g_strndup (line, strcspn (line, "\r\n"));

  g_checksum_update (checksum, (const guchar *) key, -1);
  g_checksum_update (checksum, (const guchar *) "258EAFA5-E914-47DA-95CA-C5AB0DC85B11", -1);
  g_checksum_get_digest (checksum, digest, &digest_length);
  accept = g_base64_encode (digest, digest_length);

  response = g_strdup_printf ("HTTP/1.1 101 Switching Protocols\r\n"
                              "Upgrade: websocket\r\n"
                              "Connection: Upgrade\r\n"
                              "Sec-WebSocket-Accept: %s\r\n\r\n", accept);
  if (!g_output_stream_write_all (output, response, strlen (response), NULL, NULL, NULL))
    return TRUE;

  g_atomic_int_inc (count);

  /* Silence until the client hangs up. */
  while (g_input_stream_read (input, buffer, sizeof buffer, NULL, NULL) > 0)
    ;

  return TRUE;
}

static void
test_dead_connection (void)
{
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (GSocketService) service = g_threaded_socket_service_new (4);
  g_autoptr (StarlingStreaming) stream = NULL;
  g_autoptr (Recorder) recorder = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *base = NULL;
  int count = 0;
  gint64 connected_at;
  guint16 port;

  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "run", G_CALLBACK (silent_run_cb), &count);
  g_socket_service_start (service);

  base = g_strdup_printf ("ws://127.0.0.1:%u", port);
  stream = new_stream (session, base, NULL);
  recorder = recorder_new (stream);
  g_object_set (stream, "keepalive-interval", 1, NULL);
  starling_streaming_start (stream);

  WAIT_UNTIL (starling_streaming_get_state (stream) == STARLING_STREAMING_STATE_CONNECTED, 5000);
  connected_at = g_get_monotonic_time ();

  /* Two unanswered pings later, the connection is given up and a new one
   * made. */
  WAIT_UNTIL (count_state (recorder, STARLING_STREAMING_STATE_WAITING) == 1, 6000);
  g_assert_cmpint (g_get_monotonic_time () - connected_at, >=, 2 * G_USEC_PER_SEC);
  g_assert_error (starling_streaming_get_error (stream), STARLING_API_ERROR, STARLING_API_ERROR_NETWORK);
  WAIT_UNTIL (g_atomic_int_get (&count) == 2 && recorder->reconnected == 1, 5000);

  starling_streaming_stop (stream);
  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
  spin (50);
}

static void
test_logs (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (StarlingStreaming) stream = new_stream (session, server->base, NULL);
  g_autoptr (Recorder) recorder = recorder_new (stream);
  guint before = streaming_debug_messages;

  /* Every path that logs: connect, frames, a drop, a refusal. */
  server->drop_first = TRUE;
  starling_streaming_subscribe (stream, "user", NULL, NULL);
  starling_streaming_start (stream);
  WAIT_UNTIL (recorder->reconnected == 1, 5000);
  send_to (server, 1, "not json");
  send_to (server, 1, "{\"event\":\"update\",\"payload\":\"{\\\"id\\\":\"}");
  starling_streaming_stop (stream);
  server->reject_status = 401;
  starling_streaming_start (stream);
  WAIT_UNTIL (starling_streaming_get_state (stream) == STARLING_STREAMING_STATE_UNAUTHORIZED, 5000);

  g_assert_cmpuint (streaming_debug_messages, >, before + 5);
  g_assert_false (token_logged);
}

int
main (int   argc,
      char *argv[])
{
  g_log_set_writer_func (log_writer, NULL, NULL);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/starling/streaming/backoff", test_backoff);
  g_test_add_func ("/starling/streaming/endpoint", test_endpoint);
  g_test_add_func ("/starling/streaming/no-streaming-url", test_no_streaming_url);
  g_test_add_func ("/starling/streaming/subscriptions", test_subscriptions);
  g_test_add_func ("/starling/streaming/events", test_events);
  g_test_add_func ("/starling/streaming/identity", test_identity);
  g_test_add_func ("/starling/streaming/reconnect", test_reconnect);
  g_test_add_func ("/starling/streaming/backoff-live", test_backoff_live);
  g_test_add_func ("/starling/streaming/not-found", test_not_found);
  g_test_add_func ("/starling/streaming/quick-close", test_quick_close);
  g_test_add_func ("/starling/streaming/refused", test_refused);
  g_test_add_func ("/starling/streaming/unauthorized", test_unauthorized);
  g_test_add_func ("/starling/streaming/server-errors", test_server_errors);
  g_test_add_func ("/starling/streaming/dispose", test_dispose);
  g_test_add_func ("/starling/streaming/dead-connection", test_dead_connection);
  g_test_add_func ("/starling/streaming/logs", test_logs);

  return g_test_run ();
}
