/* starling-demo-browser.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The browser of the demo: `starling --demo` signs in through the real
 * OAuth flow, and this plays the person at the browser. It loads the
 * authorize page, reads the consent form the way a browser would (its
 * action and hidden fields), presses "Authorize", and follows the redirect
 * to Starling's loopback port. It goes nowhere but loopback, and never logs
 * what it carries: the redirect holds the authorization code.
 */

#define G_LOG_DOMAIN "starling-demo"

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "starling-demo-browser.h"

static gboolean
is_loopback (GUri *uri)
{
  const char *host = g_uri_get_host (uri);

  return host != NULL && (g_str_equal (host, "127.0.0.1") || g_str_equal (host, "::1") ||
                          g_str_equal (host, "[::1]"));
}

static char *
html_unescape (const char *text,
               gsize       length)
{
  static const struct { const char *entity; char c; } entities[] = {
    { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' },
    { "&#39;", '\'' }, { "&apos;", '\'' },
  };
  GString *out = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      gboolean replaced = FALSE;

      if (text[i] == '&')
        for (guint e = 0; e < G_N_ELEMENTS (entities); e++)
          {
            gsize n = strlen (entities[e].entity);

            if (i + n <= length && strncmp (text + i, entities[e].entity, n) == 0)
              {
                g_string_append_c (out, entities[e].c);
                i += n - 1;
                replaced = TRUE;
                break;
              }
          }
      if (!replaced)
        g_string_append_c (out, text[i]);
    }

  return g_string_free (out, FALSE);
}

/* The value of attribute @name in the tag that starts at @tag and ends
 * before @end, unescaped; NULL when the tag has none. */
static char *
attribute (const char *tag,
           const char *end,
           const char *name)
{
  g_autofree char *needle = g_strdup_printf (" %s=\"", name);
  const char *start;
  const char *close;

  start = g_strstr_len (tag, end - tag, needle);
  if (start == NULL)
    return NULL;
  start += strlen (needle);
  close = memchr (start, '"', end - start);
  if (close == NULL)
    return NULL;
  return html_unescape (start, close - start);
}

/* The form with an "approve" button: its action, and the fields a browser
 * would send when that button is pressed. */
static GHashTable *
read_approve_form (const char  *page,
                   char       **action)
{
  const char *form = page;

  while ((form = strstr (form, "<form")) != NULL)
    {
      const char *form_end = strstr (form, "</form>");
      const char *tag_end = strchr (form, '>');
      g_autoptr (GHashTable) fields = NULL;
      const char *input;

      if (form_end == NULL || tag_end == NULL || tag_end > form_end)
        return NULL;

      if (g_strstr_len (form, form_end - form, "value=\"approve\"") == NULL)
        {
          form = form_end;
          continue;
        }

      fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (input = form; (input = g_strstr_len (input, form_end - input, "<input")) != NULL; input++)
        {
          const char *input_end = strchr (input, '>');
          g_autofree char *type = NULL;
          char *name;

          if (input_end == NULL || input_end > form_end)
            break;
          type = attribute (input, input_end, "type");
          name = attribute (input, input_end, "name");
          if (name == NULL || g_strcmp0 (type, "hidden") != 0)
            {
              g_free (name);
              continue;
            }
          g_hash_table_replace (fields, name, attribute (input, input_end, "value"));
        }

      *action = attribute (form, tag_end, "action");
      g_hash_table_replace (fields, g_strdup ("button"), g_strdup ("approve"));
      return g_steal_pointer (&fields);
    }

  return NULL;
}

static void
redirected_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The last stop is Starling's loopback port, which says the tab can be
   * closed. */
  if (!is_loopback (soup_message_get_uri (message)) ||
      !SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (message)))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               "The demo's sign-in did not come back to Starling (HTTP %u)",
                               soup_message_get_status (message));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  SoupSession *session = SOUP_SESSION (object);
  SoupMessage *message = soup_session_get_async_result_message (session, result);
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) fields = NULL;
  g_autoptr (GUri) target = NULL;
  g_autoptr (SoupMessage) approve = NULL;
  g_autofree char *page = NULL;
  g_autofree char *action = NULL;
  g_autofree char *target_text = NULL;
  gsize size;
  const char *data;

  body = soup_session_send_and_read_finish (session, result, &error);
  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (soup_message_get_status (message) != SOUP_STATUS_OK)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               "The demo's sign-in page could not be shown (HTTP %u)",
                               soup_message_get_status (message));
      return;
    }

  data = g_bytes_get_data (body, &size);
  page = g_strndup (data != NULL ? data : "", size);
  fields = read_approve_form (page, &action);
  if (fields == NULL || action == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               "The demo's sign-in page has no form to approve");
      return;
    }

  target = g_uri_parse_relative (soup_message_get_uri (message), action, SOUP_HTTP_URI_FLAGS, &error);
  if (target == NULL || !is_loopback (target))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               "The demo's sign-in form leads away from loopback");
      return;
    }

  target_text = g_uri_to_string (target);
  approve = soup_message_new_from_encoded_form (SOUP_METHOD_POST, target_text, soup_form_encode_hash (fields));
  soup_session_send_and_read_async (session, approve, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), redirected_cb, g_object_ref (task));
}

/**
 * starling_demo_browser_approve_async:
 * @authorize_uri: the authorize page Starling wants opened, on loopback
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the browser has come back to Starling
 * @user_data: data for @callback
 *
 * Plays the person at the browser for the demo: opens @authorize_uri,
 * presses "Authorize" on the consent form, and follows the redirect to
 * Starling's loopback port. Fails without a request when @authorize_uri is
 * not on loopback.
 */
void
starling_demo_browser_approve_async (const char          *authorize_uri,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (SoupSession) session = NULL;
  g_autoptr (SoupMessage) message = NULL;
  g_autoptr (GUri) uri = NULL;

  g_return_if_fail (authorize_uri != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_demo_browser_approve_async);

  uri = g_uri_parse (authorize_uri, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL || !is_loopback (uri) || g_strcmp0 (g_uri_get_scheme (uri), "http") != 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "The demo's browser opens loopback pages only");
      return;
    }

  /* A session of its own, as a browser is another program, with no proxy:
   * the redirect goes to Starling's own loopback port. */
  session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  message = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
  g_task_set_task_data (task, g_object_ref (session), g_object_unref);
  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, cancellable,
                                    page_cb, g_steal_pointer (&task));
}

/**
 * starling_demo_browser_approve_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the browser came back to Starling's loopback port
 */
gboolean
starling_demo_browser_approve_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == starling_demo_browser_approve_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
