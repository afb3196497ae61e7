/* starling-fetch.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One JSON request of the sign-in and discovery code: the transport rule,
 * redirects followed by hand, and failures mapped to STARLING_API_ERROR.
 */

#define G_LOG_DOMAIN "starling-api"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "model/starling-entity.h"

#include "store/starling-secret-store.h"

#include "starling-api-error.h"
#include "starling-session.h"

#include "starling-fetch.h"

/* As many as a browser would follow before giving up. */
#define MAX_REDIRECTS 5

typedef struct
{
  SoupSession *session;
  SoupMessage *message;
  GBytes      *error_body;
  guint        redirects;
} FetchData;

static void
fetch_data_free (FetchData *data)
{
  g_clear_object (&data->session);
  g_clear_object (&data->message);
  g_clear_pointer (&data->error_body, g_bytes_unref);
  g_free (data);
}

static void send_message (GTask *task);

/* The address without its query, for the debug log: a query can hold a
 * code or a token, the path never does. */
static char *
loggable_uri (SoupMessage *message)
{
  GUri *uri = soup_message_get_uri (message);

  return g_uri_join (G_URI_FLAGS_NONE,
                     g_uri_get_scheme (uri), NULL,
                     g_uri_get_host (uri), g_uri_get_port (uri),
                     g_uri_get_path (uri), NULL, NULL);
}

static gboolean
follow_redirect (GTask       *task,
                 FetchData   *data,
                 GError     **error)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (data->message);
  const char *location = soup_message_headers_get_one (headers, "Location");
  g_autoptr (GUri) target = NULL;
  g_autofree char *target_string = NULL;
  SoupMessage *next;

  if (location == NULL)
    return FALSE;

  /* Only a GET without credentials is followed: a POST or a request that
   * carries a token stays with the server it was meant for. */
  if (g_strcmp0 (soup_message_get_method (data->message), SOUP_METHOD_GET) != 0 ||
      soup_message_headers_get_one (soup_message_get_request_headers (data->message),
                                    "Authorization") != NULL)
    return FALSE;

  if (++data->redirects > MAX_REDIRECTS)
    {
      g_set_error_literal (error, STARLING_API_ERROR, STARLING_API_ERROR_FAILED,
                           _("The server redirected too many times"));
      return TRUE;
    }

  target = g_uri_parse_relative (soup_message_get_uri (data->message), location,
                                 SOUP_HTTP_URI_FLAGS, NULL);
  if (target == NULL)
    {
      g_set_error_literal (error, STARLING_API_ERROR, STARLING_API_ERROR_MALFORMED,
                           _("The server redirected to an address that is not valid"));
      return TRUE;
    }

  target_string = g_uri_to_string (target);
  if (!starling_api_check_uri (data->session, target_string, error))
    return TRUE;

  next = soup_message_new_from_uri (SOUP_METHOD_GET, target);
  soup_message_set_flags (next, SOUP_MESSAGE_NO_REDIRECT);
  soup_message_headers_replace (soup_message_get_request_headers (next), "Accept",
                                "application/json");
  g_set_object (&data->message, next);
  g_object_unref (next);

  send_message (task);
  return TRUE;
}

static void
send_and_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  FetchData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) body = NULL;
  g_autofree char *logged = loggable_uri (data->message);
  JsonNode *node;
  guint status;
  gsize size = 0;
  const char *text;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (body == NULL)
    {
      g_debug ("%s %s failed: %s", soup_message_get_method (data->message), logged,
               error->message);
      g_task_return_error (task, starling_api_error_new_from_transport (error));
      return;
    }

  status = soup_message_get_status (data->message);
  g_debug ("%s %s: %u", soup_message_get_method (data->message), logged, status);

  if (SOUP_STATUS_IS_REDIRECTION (status))
    {
      if (follow_redirect (task, data, &error))
        {
          if (error != NULL)
            g_task_return_error (task, g_steal_pointer (&error));
          else
            g_steal_pointer (&task);
          return;
        }
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      data->error_body = g_bytes_ref (body);
      g_task_return_error (task,
                           starling_api_error_new_for_status (status,
                                                              soup_message_get_response_headers (data->message),
                                                              body, NULL));
      return;
    }

  text = g_bytes_get_data (body, &size);
  if (size == 0)
    {
      g_task_return_pointer (task, json_node_new (JSON_NODE_NULL),
                             (GDestroyNotify) json_node_unref);
      return;
    }

  node = starling_json_parse (text, (gssize) size, &error);
  if (node == NULL)
    {
      g_task_return_error (task, starling_api_error_new_malformed (error));
      return;
    }

  g_task_return_pointer (task, node, (GDestroyNotify) json_node_unref);
}

static void
send_message (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);

  soup_session_send_and_read_async (data->session, data->message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task),
                                    send_and_read_cb, task);
}

/**
 * starling_fetch_new_form_message:
 * @method: an HTTP method, as %SOUP_METHOD_POST
 * @uri: the address
 * @form: (element-type utf8 utf8): the fields, sent form-encoded
 * @error: return location for a #StarlingApiError
 *
 * Returns: (transfer full) (nullable): a message with @form as its body, or
 *   %NULL when @uri is not a web address
 */
SoupMessage *
starling_fetch_new_form_message (const char  *method,
                                 const char  *uri,
                                 GHashTable  *form,
                                 GError     **error)
{
  g_autoptr (GUri) parsed = NULL;
  g_autoptr (GBytes) body = NULL;
  SoupMessage *message;
  char *encoded;
  gsize length;

  g_return_val_if_fail (method != NULL, NULL);
  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (form != NULL, NULL);

  parsed = g_uri_parse (uri, SOUP_HTTP_URI_FLAGS, NULL);
  if (parsed == NULL)
    {
      g_set_error (error, STARLING_API_ERROR, STARLING_API_ERROR_NOT_FOUND,
                   _("“%s” is not a web address"), uri);
      return NULL;
    }

  message = soup_message_new_from_uri (method, parsed);
  encoded = soup_form_encode_hash (form);
  length = strlen (encoded);
  body = g_bytes_new_with_free_func (encoded, length, (GDestroyNotify) starling_secret_free, encoded);
  soup_message_set_request_body_from_bytes (message, SOUP_FORM_MIME_TYPE_URLENCODED, body);

  return message;
}

/**
 * starling_fetch_json_async:
 * @session: the session
 * @message: the request; its address must pass starling_api_check_uri()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Sends @message and reads its JSON answer. Redirects of a GET without
 * credentials are followed by hand (at most five), each checked against
 * the transport rule; other redirects, and every answer but 2xx, fail with
 * the matching #StarlingApiError. Only the method, address without query
 * and status reach the debug log, never a header or a body.
 */
void
starling_fetch_json_async (SoupSession         *session,
                           SoupMessage         *message,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *uri = NULL;
  g_autoptr (GError) error = NULL;
  FetchData *data;

  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (SOUP_IS_MESSAGE (message));

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_fetch_json_async);

  data = g_new0 (FetchData, 1);
  data->session = g_object_ref (session);
  data->message = g_object_ref (message);
  g_task_set_task_data (task, data, (GDestroyNotify) fetch_data_free);

  uri = g_uri_to_string (soup_message_get_uri (message));
  if (!starling_api_check_uri (session, uri, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  soup_message_set_flags (message, soup_message_get_flags (message) | SOUP_MESSAGE_NO_REDIRECT);
  if (soup_message_headers_get_one (soup_message_get_request_headers (message), "Accept") == NULL)
    soup_message_headers_replace (soup_message_get_request_headers (message), "Accept",
                                  "application/json");

  send_message (g_steal_pointer (&task));
}

/**
 * starling_fetch_json_finish:
 * @result: the result given to the callback
 * @error_body: (out) (optional) (nullable) (transfer full): the body of an
 *   answer that was not 2xx, for callers that read more of it than the
 *   message (the `error` code of OAuth)
 * @error: return location for a #StarlingApiError
 *
 * Returns: (transfer full): the parsed answer (a null node for an empty
 *   body), or %NULL on failure
 */
JsonNode *
starling_fetch_json_finish (GAsyncResult  *result,
                            GBytes       **error_body,
                            GError       **error)
{
  FetchData *data;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == starling_fetch_json_async, NULL);

  data = g_task_get_task_data (G_TASK (result));
  if (error_body != NULL)
    *error_body = data->error_body != NULL ? g_bytes_ref (data->error_body) : NULL;

  return g_task_propagate_pointer (G_TASK (result), error);
}
