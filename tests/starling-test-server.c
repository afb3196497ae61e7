/* starling-test-server.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A server on 127.0.0.1 inside the test: it answers each method and path
 * with the responses queued for it, in order (the last one repeats), and
 * records every request it received.
 */

#include "config.h"

#include <string.h>

#include "starling-test-data.h"
#include "starling-test-server.h"

typedef struct
{
  guint  status;
  char  *headers;
  char  *body;
  gboolean served;
} Response;

struct _StarlingTestServer
{
  SoupServer *server;
  char       *base_uri;
  GHashTable *responses;   /* "METHOD path" → GQueue of Response */
  GPtrArray  *requests;
};

static void
response_free (gpointer data)
{
  Response *response = data;

  g_free (response->headers);
  g_free (response->body);
  g_free (response);
}

static void
queue_free (gpointer data)
{
  g_queue_free_full (data, response_free);
}

static void
request_free (gpointer data)
{
  StarlingTestRequest *request = data;

  g_free (request->method);
  g_free (request->path);
  g_free (request->query);
  soup_message_headers_unref (request->headers);
  g_bytes_unref (request->body);
  g_free (request);
}

static void
copy_header_cb (const char *name,
                const char *value,
                gpointer    user_data)
{
  soup_message_headers_append (user_data, name, value);
}

static void
handle_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  StarlingTestServer *self = user_data;
  StarlingTestRequest *request = g_new0 (StarlingTestRequest, 1);
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  g_autofree char *key = NULL;
  GQueue *queue;
  Response *response;

  request->method = g_strdup (soup_server_message_get_method (message));
  request->path = g_strdup (path);
  request->query = g_strdup (g_uri_get_query (soup_server_message_get_uri (message)));
  request->headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  soup_message_headers_foreach (soup_server_message_get_request_headers (message), copy_header_cb,
                                request->headers);
  request->body = soup_message_body_flatten (body);
  request->received_at = g_get_monotonic_time ();
  g_ptr_array_add (self->requests, request);

  key = g_strconcat (request->method, " ", path, NULL);
  queue = g_hash_table_lookup (self->responses, key);
  if (queue == NULL || g_queue_is_empty (queue))
    {
      soup_server_message_set_status (message, 404, NULL);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC,
                                        "{\"error\":\"Record not found\"}", 28);
      return;
    }

  response = g_queue_get_length (queue) > 1 ? g_queue_pop_head (queue) : g_queue_peek_head (queue);
  response->served = TRUE;

  soup_server_message_set_status (message, response->status, NULL);
  if (response->headers != NULL)
    {
      g_auto (GStrv) lines = g_strsplit (response->headers, "\n", -1);
      SoupMessageHeaders *out = soup_server_message_get_response_headers (message);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          char *colon = strchr (lines[i], ':');

          if (colon == NULL)
            continue;
          *colon = '\0';
          soup_message_headers_append (out, g_strstrip (lines[i]), g_strstrip (colon + 1));
        }
    }
  if (response->body != NULL)
    soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                      response->body, strlen (response->body));

  if (g_queue_get_length (queue) > 0 && response != g_queue_peek_head (queue))
    response_free (response);
}

/**
 * starling_test_server_new:
 *
 * Returns: a server listening on a free port of 127.0.0.1
 */
StarlingTestServer *
starling_test_server_new (void)
{
  StarlingTestServer *self = g_new0 (StarlingTestServer, 1);
  g_autoptr (GError) error = NULL;
  GSList *uris;

  self->server = soup_server_new (NULL, NULL);
  self->responses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, queue_free);
  self->requests = g_ptr_array_new_with_free_func (request_free);
  soup_server_add_handler (self->server, NULL, handle_cb, self, NULL);
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (self->server);
  g_assert_nonnull (uris);
  self->base_uri = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return self;
}

void
starling_test_server_free (StarlingTestServer *self)
{
  soup_server_disconnect (self->server);
  g_object_unref (self->server);
  g_hash_table_unref (self->responses);
  g_ptr_array_unref (self->requests);
  g_free (self->base_uri);
  g_free (self);
}

const char *
starling_test_server_get_base_uri (StarlingTestServer *self)
{
  return self->base_uri;
}

/**
 * starling_test_server_respond:
 * @method: the method to answer
 * @path: the path to answer
 * @status: the status of the answer
 * @headers: (nullable): response headers, as `Name: value` lines
 * @body: (nullable): the body
 *
 * Queues an answer. Answers are given in the order queued; the last one
 * is given again to every later request, until another is queued.
 */
void
starling_test_server_respond (StarlingTestServer *self,
                              const char         *method,
                              const char         *path,
                              guint               status,
                              const char         *headers,
                              const char         *body)
{
  g_autofree char *key = g_strconcat (method, " ", path, NULL);
  Response *response = g_new0 (Response, 1);
  GQueue *queue = g_hash_table_lookup (self->responses, key);

  if (queue == NULL)
    {
      queue = g_queue_new ();
      g_hash_table_insert (self->responses, g_steal_pointer (&key), queue);
    }
  else if (g_queue_get_length (queue) == 1 && ((Response *) g_queue_peek_head (queue))->served)
    {
      /* The answer kept for repeats gives way to the new ones. */
      response_free (g_queue_pop_head (queue));
    }

  response->status = status;
  response->headers = g_strdup (headers);
  response->body = g_strdup (body);
  g_queue_push_tail (queue, response);
}

/**
 * starling_test_server_respond_fixtures:
 * @as_array: whether the fixtures are the elements of a JSON array
 * @...: paths below tests/data/, ended by %NULL
 *
 * Queues an answer made of real documents.
 */
void
starling_test_server_respond_fixtures (StarlingTestServer *self,
                                       const char         *method,
                                       const char         *path,
                                       guint               status,
                                       const char         *headers,
                                       gboolean            as_array,
                                       ...)
{
  g_autoptr (GString) body = g_string_new (as_array ? "[" : "");
  const char *fixture;
  gboolean first = TRUE;
  va_list args;

  va_start (args, as_array);
  while ((fixture = va_arg (args, const char *)) != NULL)
    {
      g_autofree char *text = starling_test_load_text (fixture, NULL);

      if (!first)
        g_string_append_c (body, ',');
      g_string_append (body, text);
      first = FALSE;
    }
  va_end (args);

  if (as_array)
    g_string_append_c (body, ']');

  starling_test_server_respond (self, method, path, status, headers, body->str);
}

GPtrArray *
starling_test_server_get_requests (StarlingTestServer *self)
{
  return self->requests;
}

guint
starling_test_server_count (StarlingTestServer *self,
                            const char         *method,
                            const char         *path)
{
  guint count = 0;

  for (guint i = 0; i < self->requests->len; i++)
    {
      StarlingTestRequest *request = g_ptr_array_index (self->requests, i);

      if (g_strcmp0 (request->method, method) == 0 && g_strcmp0 (request->path, path) == 0)
        count++;
    }

  return count;
}

StarlingTestRequest *
starling_test_server_last (StarlingTestServer *self)
{
  g_assert_cmpuint (self->requests->len, >, 0);

  return g_ptr_array_index (self->requests, self->requests->len - 1);
}
