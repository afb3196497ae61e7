/* starling-demo-request.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-demo"

#include "config.h"

#include "starling-demo-request.h"

/**
 * StarlingDemoRequest:
 *
 * One request the demo server received, as the tests see it: method, host,
 * path, query, a copy of the headers, the body and the status it was
 * answered with (0 while it is being answered, or when the connection was
 * dropped without an answer) and when it was received. Immutable but for
 * the status.
 */
struct _StarlingDemoRequest
{
  gatomicrefcount     ref_count;
  char               *method;
  char               *host;
  char               *path;
  char               *query;
  SoupMessageHeaders *headers;
  GBytes             *body;
  guint               status;
  gint64              received_at;
};

G_DEFINE_BOXED_TYPE (StarlingDemoRequest, starling_demo_request,
                     starling_demo_request_ref, starling_demo_request_unref)

static void
copy_header_cb (const char *name,
                const char *value,
                gpointer    user_data)
{
  soup_message_headers_append (user_data, name, value);
}

/**
 * starling_demo_request_new:
 * @method: the HTTP method
 * @host: (nullable): the host the request was for
 * @path: the path
 * @query: (nullable): the raw query string
 * @headers: the request headers; copied
 * @body: (nullable): the request body
 *
 * Returns: (transfer full): a new record
 */
StarlingDemoRequest *
starling_demo_request_new (const char         *method,
                           const char         *host,
                           const char         *path,
                           const char         *query,
                           SoupMessageHeaders *headers,
                           GBytes             *body)
{
  StarlingDemoRequest *self;

  g_return_val_if_fail (method != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (headers != NULL, NULL);

  self = g_new0 (StarlingDemoRequest, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->method = g_strdup (method);
  self->host = g_strdup (host);
  self->path = g_strdup (path);
  self->query = g_strdup (query);
  self->headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  soup_message_headers_foreach (headers, copy_header_cb, self->headers);
  self->body = body != NULL ? g_bytes_ref (body) : g_bytes_new (NULL, 0);
  self->received_at = g_get_real_time ();

  return self;
}

/**
 * starling_demo_request_ref:
 * @self: a request
 *
 * Returns: (transfer full): @self
 */
StarlingDemoRequest *
starling_demo_request_ref (StarlingDemoRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * starling_demo_request_unref:
 * @self: (transfer full): a request
 */
void
starling_demo_request_unref (StarlingDemoRequest *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->method);
  g_free (self->host);
  g_free (self->path);
  g_free (self->query);
  soup_message_headers_unref (self->headers);
  g_bytes_unref (self->body);
  g_free (self);
}

/**
 * starling_demo_request_get_method:
 * @self: a request
 *
 * Returns: the HTTP method, as `GET`
 */
const char *
starling_demo_request_get_method (StarlingDemoRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->method;
}

/**
 * starling_demo_request_get_host:
 * @self: a request
 *
 * Returns: (nullable): the host it was sent to, from the request line or
 *   the `Host` header, without the port
 */
const char *
starling_demo_request_get_host (StarlingDemoRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->host;
}

/**
 * starling_demo_request_get_path:
 * @self: a request
 *
 * Returns: the path, as `/api/v1/statuses`
 */
const char *
starling_demo_request_get_path (StarlingDemoRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

/**
 * starling_demo_request_get_query:
 * @self: a request
 *
 * Returns: (nullable): the query string as it was sent, without `?`
 */
const char *
starling_demo_request_get_query (StarlingDemoRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->query;
}

/**
 * starling_demo_request_get_headers:
 * @self: a request
 *
 * Returns: (transfer none): a copy of the request's headers
 */
SoupMessageHeaders *
starling_demo_request_get_headers (StarlingDemoRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->headers;
}

/**
 * starling_demo_request_get_header:
 * @self: a request
 * @name: a header name
 *
 * Returns: (nullable): the header's value, several joined by commas
 */
const char *
starling_demo_request_get_header (StarlingDemoRequest *self,
                                  const char          *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return soup_message_headers_get_list (self->headers, name);
}

/**
 * starling_demo_request_get_body:
 * @self: a request
 *
 * Returns: (transfer none): the request body, empty when there was none
 */
GBytes *
starling_demo_request_get_body (StarlingDemoRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->body;
}

/**
 * starling_demo_request_get_status:
 * @self: a request
 *
 * Returns: the HTTP status it was answered with, 101 for a WebSocket, or 0
 *   when there was no answer (yet)
 */
guint
starling_demo_request_get_status (StarlingDemoRequest *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->status;
}

/**
 * starling_demo_request_set_status:
 * @self: a request
 * @status: the HTTP status of the answer
 *
 * Used by the server when it answers.
 */
void
starling_demo_request_set_status (StarlingDemoRequest *self,
                                  guint                status)
{
  g_return_if_fail (self != NULL);
  self->status = status;
}

/**
 * starling_demo_request_get_received_at:
 * @self: a request
 *
 * For tests of waiting: when a retry reached the server, on the clock that
 * `X-RateLimit-Reset` is given in.
 *
 * Returns: when the request was read, in microseconds of g_get_real_time()
 */
gint64
starling_demo_request_get_received_at (StarlingDemoRequest *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->received_at;
}
