/* starling-demo-stream.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-demo"

#include "config.h"

#include <string.h>

#include "starling-demo-server-private.h"

/* The streaming API over WebSocket, as Mastodon's streaming server: one
 * socket, many subscriptions, events whose payload is JSON inside a JSON
 * string (a bare id for `delete`). */

#define STREAMING_PATH "/api/v1/streaming"

typedef struct
{
  char *name;     /* user, public:local, hashtag… */
  char *param;    /* the tag or list id, or NULL */
} DemoSubscription;

typedef struct
{
  StarlingDemoServer      *self;
  SoupWebsocketConnection *conn;
  GPtrArray               *subscriptions;
  gulong                   message_id;
  gulong                   closed_id;
} DemoStream;

static const char *stream_names[] = {
  "user", "user:notification", "public", "public:media", "public:local", "public:local:media",
  "public:remote", "public:remote:media", "hashtag", "hashtag:local", "list", "direct", NULL,
};

static void
subscription_free (gpointer data)
{
  DemoSubscription *subscription = data;

  g_free (subscription->name);
  g_free (subscription->param);
  g_free (subscription);
}

void
demo_stream_free (gpointer data)
{
  DemoStream *stream = data;

  g_clear_signal_handler (&stream->message_id, stream->conn);
  g_clear_signal_handler (&stream->closed_id, stream->conn);
  if (soup_websocket_connection_get_state (stream->conn) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (stream->conn, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
  g_clear_object (&stream->conn);
  g_ptr_array_unref (stream->subscriptions);
  g_free (stream);
}

static void
send_object (DemoStream *stream,
             JsonObject *object)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;

  json_node_set_object (node, object);
  text = json_to_string (node, FALSE);
  if (soup_websocket_connection_get_state (stream->conn) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_send_text (stream->conn, text);
}

static void
send_error (DemoStream *stream,
            const char *message)
{
  g_autoptr (JsonObject) object = json_object_new ();

  json_object_set_string_member (object, "error", message);
  json_object_set_int_member (object, "status", 400);
  send_object (stream, object);
}

static gboolean
list_exists (StarlingDemoWorld *world,
             const char        *id)
{
  for (guint i = 0; i < world->lists->len; i++)
    {
      g_autofree char *list_id = demo_json_id (((DemoList *) g_ptr_array_index (world->lists, i))->id);

      if (g_strcmp0 (list_id, id) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
subscribe (DemoStream *stream,
           const char *name,
           const char *tag,
           const char *list)
{
  DemoSubscription *subscription;
  const char *param = NULL;

  if (name == NULL || !g_strv_contains (stream_names, name))
    {
      send_error (stream, "Unknown stream type");
      return;
    }
  if (g_str_has_prefix (name, "hashtag"))
    {
      if (tag == NULL || *tag == '\0')
        {
          send_error (stream, "No tag for stream provided");
          return;
        }
      param = tag;
    }
  else if (g_str_equal (name, "list"))
    {
      if (list == NULL || !list_exists (stream->self->world, list))
        {
          send_error (stream, "No list for stream provided");
          return;
        }
      param = list;
    }

  for (guint i = 0; i < stream->subscriptions->len; i++)
    {
      DemoSubscription *existing = g_ptr_array_index (stream->subscriptions, i);

      if (g_str_equal (existing->name, name) && g_strcmp0 (existing->param, param) == 0)
        return;
    }
  subscription = g_new0 (DemoSubscription, 1);
  subscription->name = g_strdup (name);
  subscription->param = param != NULL ? g_ascii_strdown (param, -1) : NULL;
  if (g_str_equal (name, "list"))
    {
      g_free (subscription->param);
      subscription->param = g_strdup (param);
    }
  g_ptr_array_add (stream->subscriptions, subscription);
}

static void
unsubscribe (DemoStream *stream,
             const char *name,
             const char *param)
{
  for (guint i = stream->subscriptions->len; i > 0; i--)
    {
      DemoSubscription *existing = g_ptr_array_index (stream->subscriptions, i - 1);

      if (g_strcmp0 (existing->name, name) == 0
          && (param == NULL || g_ascii_strcasecmp (existing->param != NULL ? existing->param : "", param) == 0))
        g_ptr_array_remove_index (stream->subscriptions, i - 1);
    }
}

static void
message_cb (SoupWebsocketConnection *conn,
            int                      type,
            GBytes                  *message,
            gpointer                 user_data)
{
  DemoStream *stream = user_data;
  g_autoptr (JsonParser) parser = json_parser_new ();
  gsize length;
  const char *data = g_bytes_get_data (message, &length);
  JsonNode *root;
  JsonObject *object;
  const char *kind, *name, *tag, *list;

  if (type != SOUP_WEBSOCKET_DATA_TEXT || !json_parser_load_from_data (parser, data, (gssize) length, NULL))
    return;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  object = json_node_get_object (root);
  kind = json_object_get_string_member_with_default (object, "type", NULL);
  name = json_object_get_string_member_with_default (object, "stream", NULL);
  tag = json_object_get_string_member_with_default (object, "tag", NULL);
  list = json_object_get_string_member_with_default (object, "list", NULL);
  if (g_strcmp0 (kind, "subscribe") == 0)
    subscribe (stream, name, tag, list);
  else if (g_strcmp0 (kind, "unsubscribe") == 0)
    unsubscribe (stream, name, tag != NULL ? tag : list);
}

static void
closed_cb (SoupWebsocketConnection *conn,
           gpointer                 user_data)
{
  DemoStream *stream = user_data;

  g_debug ("A stream closed");
  g_ptr_array_remove (stream->self->streams, stream);
}

/* The token of a streaming request: the Authorization header, the
 * WebSocket protocol, or the access_token parameter, as Mastodon takes it. */
static DemoToken *
stream_token (StarlingDemoServer *self,
              SoupServerMessage  *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");
  const char *protocol = soup_message_headers_get_one (headers, "Sec-WebSocket-Protocol");
  const char *query = g_uri_get_query (soup_server_message_get_uri (msg));
  g_autoptr (GHashTable) params = query != NULL ? soup_form_decode (query) : NULL;
  g_autofree char *token_text = NULL;

  if (authorization != NULL && g_ascii_strncasecmp (authorization, "Bearer ", 7) == 0)
    token_text = g_strstrip (g_strdup (authorization + 7));
  else if (protocol != NULL)
    token_text = g_strstrip (g_strdup (protocol));
  else if (params != NULL && g_hash_table_lookup (params, "access_token") != NULL)
    token_text = g_strdup (g_hash_table_lookup (params, "access_token"));

  return demo_server_lookup_token (self, token_text);
}

/* Mastodon's streaming server refuses a handshake without a valid token
 * with 401, before any upgrade; a client tells it from a dropped stream. */
static void
handshake_cb (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  StarlingDemoServer *self = user_data;
  DemoToken *token;
  static const char body[] = "{\"error\":\"Invalid access token\"}";

  if (g_strcmp0 (path, STREAMING_PATH) != 0)
    return;

  token = stream_token (self, msg);
  if (token != NULL && token->user)
    return;

  g_debug ("Stream refused: invalid access token");
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, body, strlen (body));
  soup_server_message_set_status (msg, SOUP_STATUS_UNAUTHORIZED, NULL);
}

static void
websocket_cb (SoupServer              *server,
              SoupServerMessage       *msg,
              const char              *path,
              SoupWebsocketConnection *conn,
              gpointer                 user_data)
{
  StarlingDemoServer *self = user_data;
  StarlingDemoRequest *record = g_object_get_data (G_OBJECT (msg), "starling-demo-request");
  const char *query = g_uri_get_query (soup_server_message_get_uri (msg));
  g_autoptr (GHashTable) params = query != NULL ? soup_form_decode (query) : NULL;
  DemoToken *token;
  DemoStream *stream;

  if (record != NULL)
    starling_demo_request_set_status (record, SOUP_STATUS_SWITCHING_PROTOCOLS);

  token = stream_token (self, msg);

  stream = g_new0 (DemoStream, 1);
  stream->self = self;
  stream->conn = g_object_ref (conn);
  stream->subscriptions = g_ptr_array_new_with_free_func (subscription_free);
  stream->closed_id = g_signal_connect (conn, "closed", G_CALLBACK (closed_cb), stream);
  g_ptr_array_add (self->streams, stream);

  /* Revoked between the handshake and now. */
  if (token == NULL || !token->user)
    {
      g_debug ("Stream refused: invalid access token");
      soup_websocket_connection_close (conn, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION, "Invalid access token");
      return;
    }
  if (demo_server_take_fault (self, "GET", path, STARLING_DEMO_FAULT_STREAM_DROP, NULL))
    {
      soup_websocket_connection_close (conn, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
      return;
    }

  stream->message_id = g_signal_connect (conn, "message", G_CALLBACK (message_cb), stream);
  if (params != NULL && g_hash_table_lookup (params, "stream") != NULL)
    subscribe (stream, g_hash_table_lookup (params, "stream"), g_hash_table_lookup (params, "tag"),
               g_hash_table_lookup (params, "list"));
}

static gboolean
streaming_glob_matches (GPatternSpec *glob)
{
  return glob == NULL || g_pattern_spec_match_string (glob, STREAMING_PATH);
}

void
demo_stream_setup (StarlingDemoServer *self)
{
  soup_server_add_early_handler (self->server, STREAMING_PATH, handshake_cb, self, NULL);
  soup_server_add_websocket_handler (self->server, STREAMING_PATH, NULL, NULL, websocket_cb, self, NULL);
}

void
demo_stream_close_all (StarlingDemoServer *self,
                       GPatternSpec       *glob)
{
  g_autoptr (GPtrArray) copy = NULL;

  if (!streaming_glob_matches (glob))
    return;
  /* A plain copy: g_ptr_array_copy() would take the free function too. */
  copy = g_ptr_array_new ();
  g_ptr_array_extend (copy, self->streams, NULL, NULL);
  for (guint i = 0; i < copy->len; i++)
    {
      DemoStream *stream = g_ptr_array_index (copy, i);

      if (soup_websocket_connection_get_state (stream->conn) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (stream->conn, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
    }
}

static gboolean
subscription_wants (StarlingDemoWorld *world,
                    DemoSubscription  *subscription,
                    DemoStatus        *status)
{
  const char *name = subscription->name;
  DemoStatus *shown = status->reblog != NULL ? status->reblog : status;

  if (g_str_equal (name, "user"))
    {
      if (status->visibility == DEMO_VISIBILITY_DIRECT)
        return FALSE;
      return status->account == world->brand || (status->account->rel & DEMO_REL_FOLLOWING) != 0;
    }
  if (g_str_equal (name, "direct"))
    return status->visibility == DEMO_VISIBILITY_DIRECT && (status->mentions_brand || status->account == world->brand);
  if (status->reblog != NULL || status->visibility != DEMO_VISIBILITY_PUBLIC)
    return FALSE;
  if (g_str_has_prefix (name, "public"))
    {
      if (strstr (name, ":local") != NULL && status->account->domain != 0)
        return FALSE;
      if (strstr (name, ":remote") != NULL && status->account->domain == 0)
        return FALSE;
      if (g_str_has_suffix (name, ":media") && shown->n_media == 0)
        return FALSE;
      return TRUE;
    }
  if (g_str_has_prefix (name, "hashtag"))
    {
      if (g_str_equal (name, "hashtag:local") && status->account->domain != 0)
        return FALSE;
      return demo_status_has_tag (status, subscription->param);
    }
  if (g_str_equal (name, "list"))
    {
      for (guint i = 0; i < world->lists->len; i++)
        {
          DemoList *list = g_ptr_array_index (world->lists, i);
          g_autofree char *id = demo_json_id (list->id);

          if (g_str_equal (id, subscription->param))
            return g_ptr_array_find (list->members, status->account, NULL);
        }
    }
  return FALSE;
}

static JsonArray *
stream_array (DemoSubscription *subscription)
{
  JsonArray *array = json_array_new ();

  json_array_add_string_element (array, subscription->name);
  if (subscription->param != NULL)
    json_array_add_string_element (array, subscription->param);
  return array;
}

static void
send_event (DemoStream       *stream,
            DemoSubscription *subscription,
            const char       *event,
            const char       *payload)
{
  g_autoptr (JsonObject) object = json_object_new ();

  json_object_set_array_member (object, "stream", stream_array (subscription));
  json_object_set_string_member (object, "event", event);
  if (payload != NULL)
    json_object_set_string_member (object, "payload", payload);
  send_object (stream, object);
}

static char *
status_payload (StarlingDemoServer *self,
                DemoStatus         *status,
                const char         *context)
{
  DemoJson json = { self->world, self->base_uri, self->streaming_uri, TRUE, context };
  g_autoptr (JsonNode) node = demo_json_status (&json, status);

  return json_to_string (node, FALSE);
}

void
demo_stream_push_status (StarlingDemoServer *self,
                         const char         *event,
                         DemoStatus         *status)
{
  g_autofree char *home = NULL;
  g_autofree char *public = NULL;

  if (self->streams == NULL)
    return;
  for (guint i = 0; i < self->streams->len; i++)
    {
      DemoStream *stream = g_ptr_array_index (self->streams, i);

      for (guint j = 0; j < stream->subscriptions->len; j++)
        {
          DemoSubscription *subscription = g_ptr_array_index (stream->subscriptions, j);
          gboolean is_home = g_str_equal (subscription->name, "user") || g_str_equal (subscription->name, "list");

          if (!subscription_wants (self->world, subscription, status))
            continue;
          if (is_home && home == NULL)
            home = status_payload (self, status, "home");
          else if (!is_home && public == NULL)
            public = status_payload (self, status, "public");
          send_event (stream, subscription, event, is_home ? home : public);
        }
    }
}

void
demo_stream_push_notification (StarlingDemoServer *self,
                               DemoEvent          *event)
{
  DemoJson json = { self->world, self->base_uri, self->streaming_uri, TRUE, "notifications" };
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *payload = NULL;

  if (self->streams == NULL || self->streams->len == 0)
    return;
  node = demo_json_notification (&json, event);
  payload = json_to_string (node, FALSE);
  for (guint i = 0; i < self->streams->len; i++)
    {
      DemoStream *stream = g_ptr_array_index (self->streams, i);

      for (guint j = 0; j < stream->subscriptions->len; j++)
        {
          DemoSubscription *subscription = g_ptr_array_index (stream->subscriptions, j);

          if (g_str_equal (subscription->name, "user") || g_str_equal (subscription->name, "user:notification"))
            send_event (stream, subscription, "notification", payload);
        }
    }
}

void
demo_stream_push_delete (StarlingDemoServer *self,
                         DemoStatus         *status)
{
  g_autofree char *id = demo_json_id (status->id);

  if (self->streams == NULL)
    return;
  for (guint i = 0; i < self->streams->len; i++)
    {
      DemoStream *stream = g_ptr_array_index (self->streams, i);

      for (guint j = 0; j < stream->subscriptions->len; j++)
        {
          DemoSubscription *subscription = g_ptr_array_index (stream->subscriptions, j);

          if (!g_str_equal (subscription->name, "user:notification"))
            send_event (stream, subscription, "delete", id);
        }
    }
}

void
demo_stream_push_filters_changed (StarlingDemoServer *self)
{
  for (guint i = 0; self->streams != NULL && i < self->streams->len; i++)
    {
      DemoStream *stream = g_ptr_array_index (self->streams, i);

      for (guint j = 0; j < stream->subscriptions->len; j++)
        {
          DemoSubscription *subscription = g_ptr_array_index (stream->subscriptions, j);

          if (g_str_equal (subscription->name, "user"))
            send_event (stream, subscription, "filters_changed", NULL);
        }
    }
}
