/* starling-discovery.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From what a user types to a server Starling can sign in to: the address,
 * its NodeInfo and its Mastodon API instance document.
 */

#define G_LOG_DOMAIN "starling-api"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "model/starling-entity.h"

#include "starling-api-error.h"
#include "starling-fetch.h"
#include "starling-session.h"

#include "starling-discovery.h"

/* Host names longer than this are not valid (RFC 1035). */
#define MAX_HOST_LENGTH 253

static GError *
not_an_address (const char *input)
{
  g_autofree char *shown = g_utf8_make_valid (input, -1);

  if (g_utf8_strlen (shown, -1) > 80)
    {
      char *cut = g_utf8_substring (shown, 0, 80);
      g_free (shown);
      shown = g_strconcat (cut, "…", NULL);
      g_free (cut);
    }

  return g_error_new (STARLING_API_ERROR, STARLING_API_ERROR_VALIDATION,
                      _("“%s” is not a server address; type one such as mastodon.social"),
                      shown);
}

/* A host name in ASCII (IDN already encoded) or an IP literal. */
static gboolean
host_is_valid (const char *host)
{
  gsize length = strlen (host);
  gboolean has_dot = FALSE;
  gsize label = 0;

  if (length == 0 || length > MAX_HOST_LENGTH)
    return FALSE;

  if (g_hostname_is_ip_address (host) || g_str_equal (host, "localhost"))
    return TRUE;

  for (gsize i = 0; i < length; i++)
    {
      char c = host[i];

      if (c == '.')
        {
          if (label == 0 || host[i - 1] == '-')
            return FALSE;
          has_dot = TRUE;
          label = 0;
          continue;
        }

      if (!(g_ascii_isalnum (c) || c == '-' || c == '_'))
        return FALSE;
      if (c == '-' && label == 0)
        return FALSE;
      if (++label > 63)
        return FALSE;
    }

  return has_dot && label > 0 && host[length - 1] != '-';
}

/**
 * starling_discovery_normalize_input:
 * @session: the session the server will be reached through
 * @input: what the user typed: `mastodon.social`,
 *   `https://mastodon.social/about`, `@alice@mastodon.social`,
 *   `alice@mastodon.social`, with any case and spaces around
 * @error: return location for a #StarlingApiError
 *
 * The base URI of the server that @input names: `https://` and the host in
 * lowercase (international names in their ASCII form), with the port when
 * one was given, without path or trailing slash. An `http://` address is
 * kept only where starling_api_check_uri() allows it (loopback, the demo)
 * and otherwise fails with %STARLING_API_ERROR_INSECURE; anything that is
 * not a server address fails with %STARLING_API_ERROR_VALIDATION.
 *
 * Returns: (transfer full): the base URI, or %NULL
 */
char *
starling_discovery_normalize_input (SoupSession  *session,
                                    const char   *input,
                                    GError      **error)
{
  g_autofree char *text = NULL;
  g_autofree char *candidate = NULL;
  g_autofree char *ascii = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *base = NULL;
  g_autoptr (GUri) uri = NULL;
  const char *scheme = "https";
  const char *host;
  const char *at;
  int port;

  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (input != NULL, NULL);

  if (!g_utf8_validate (input, -1, NULL))
    {
      g_propagate_error (error, not_an_address ("?"));
      return NULL;
    }

  text = g_strstrip (g_strdup (input));
  if (*text == '\0')
    {
      g_set_error_literal (error, STARLING_API_ERROR, STARLING_API_ERROR_VALIDATION,
                           _("Type the address of your server, such as mastodon.social"));
      return NULL;
    }

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p))
      {
        g_propagate_error (error, not_an_address (text));
        return NULL;
      }

  if (strstr (text, "://") != NULL)
    {
      uri = g_uri_parse (text, G_URI_FLAGS_NON_DNS | G_URI_FLAGS_ENCODED, NULL);
      if (uri == NULL || g_uri_get_host (uri) == NULL)
        {
          g_propagate_error (error, not_an_address (text));
          return NULL;
        }

      scheme = g_uri_get_scheme (uri);
      if (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0)
        {
          g_set_error (error, STARLING_API_ERROR, STARLING_API_ERROR_INSECURE,
                       _("Starling cannot connect to “%s” addresses"), scheme);
          return NULL;
        }
      scheme = g_ascii_strcasecmp (scheme, "http") == 0 ? "http" : "https";
      host = g_uri_get_host (uri);
      port = g_uri_get_port (uri);
    }
  else
    {
      /* A handle: @alice@host or alice@host names its server after the
       * last @. */
      at = strrchr (text, '@');
      candidate = g_strconcat ("https://", at != NULL ? at + 1 : text, NULL);

      uri = g_uri_parse (candidate, G_URI_FLAGS_NON_DNS | G_URI_FLAGS_ENCODED, NULL);
      if (uri == NULL || g_uri_get_host (uri) == NULL)
        {
          g_propagate_error (error, not_an_address (text));
          return NULL;
        }
      host = g_uri_get_host (uri);
      port = g_uri_get_port (uri);
    }

  /* IP literals come back from GUri without their brackets. */
  if (strchr (host, ':') != NULL)
    {
      if (!g_hostname_is_ip_address (host))
        {
          g_propagate_error (error, not_an_address (text));
          return NULL;
        }
      lower = g_strdup_printf ("[%s]", host);
    }
  else
    {
      g_autofree char *unescaped = g_uri_unescape_string (host, NULL);
      gsize length;

      if (unescaped == NULL || !g_utf8_validate (unescaped, -1, NULL))
        {
          g_propagate_error (error, not_an_address (text));
          return NULL;
        }

      ascii = g_hostname_to_ascii (unescaped);
      if (ascii == NULL)
        {
          g_propagate_error (error, not_an_address (text));
          return NULL;
        }

      lower = g_ascii_strdown (ascii, -1);
      /* A fully qualified name may end with a dot. */
      length = strlen (lower);
      if (length > 1 && lower[length - 1] == '.')
        lower[length - 1] = '\0';

      if (!host_is_valid (lower))
        {
          g_propagate_error (error, not_an_address (text));
          return NULL;
        }
    }

  if (port > 0 && !((port == 443 && g_str_equal (scheme, "https")) ||
                    (port == 80 && g_str_equal (scheme, "http"))))
    base = g_strdup_printf ("%s://%s:%d", scheme, lower, port);
  else
    base = g_strdup_printf ("%s://%s", scheme, lower);

  if (!starling_api_check_uri (session, base, error))
    return NULL;

  return g_steal_pointer (&base);
}

/* NodeInfo: the discovery document, then the document it links. */

static void
nodeinfo_document_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;
  StarlingNodeInfo *nodeinfo;

  node = starling_fetch_json_finish (result, NULL, &error);
  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  nodeinfo = starling_entity_decode (STARLING_TYPE_NODEINFO, node, NULL, &error);
  if (nodeinfo == NULL)
    {
      g_task_return_error (task, starling_api_error_new_malformed (error));
      return;
    }

  g_task_return_pointer (task, nodeinfo, g_object_unref);
}

static void
nodeinfo_wellknown_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (SoupMessage) message = NULL;
  g_autofree char *link = NULL;
  GCancellable *cancellable;

  node = starling_fetch_json_finish (result, NULL, &error);
  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  link = starling_nodeinfo_pick_link (node, &error);
  if (link == NULL)
    {
      g_task_return_error (task, starling_api_error_new_malformed (error));
      return;
    }

  message = soup_message_new (SOUP_METHOD_GET, link);
  if (message == NULL)
    {
      g_task_return_new_error (task, STARLING_API_ERROR, STARLING_API_ERROR_MALFORMED,
                               _("The server links its NodeInfo at an address that is not valid"));
      return;
    }

  cancellable = g_task_get_cancellable (task);
  starling_fetch_json_async (SOUP_SESSION (object), message, cancellable,
                             nodeinfo_document_cb, g_steal_pointer (&task));
}

static void
fetch_nodeinfo_from_base (SoupSession         *session,
                          const char          *base_uri,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *uri = g_strconcat (base_uri, "/.well-known/nodeinfo", NULL);
  g_autoptr (SoupMessage) message = NULL;

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_discovery_fetch_nodeinfo_async);

  message = soup_message_new (SOUP_METHOD_GET, uri);
  if (message == NULL)
    {
      g_task_return_new_error (task, STARLING_API_ERROR, STARLING_API_ERROR_VALIDATION,
                               _("“%s” is not a server address"), base_uri);
      return;
    }

  starling_fetch_json_async (session, message, cancellable, nodeinfo_wellknown_cb,
                             g_steal_pointer (&task));
}

/**
 * starling_discovery_fetch_nodeinfo_async:
 * @session: the session (the demo session routes every domain to the demo)
 * @domain: a server's domain, as in the `acct` of a remote account
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Fetches the NodeInfo of a remote server: `/.well-known/nodeinfo`, then
 * the document of the highest schema it links. The documents of real
 * servers are sloppy and are read leniently; a server that hides NodeInfo
 * (404, or 403 as threads.net does) fails with
 * %STARLING_API_ERROR_NOT_FOUND or %STARLING_API_ERROR_FORBIDDEN, which
 * callers take as “unknown software”.
 */
void
starling_discovery_fetch_nodeinfo_async (SoupSession         *session,
                                         const char          *domain,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autofree char *base = NULL;
  g_autofree char *lower = NULL;

  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (domain != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  lower = g_ascii_strdown (domain, -1);
  if (!host_is_valid (lower))
    {
      g_autoptr (GTask) task = g_task_new (session, cancellable, callback, user_data);

      g_task_set_source_tag (task, starling_discovery_fetch_nodeinfo_async);
      g_task_return_error (task, not_an_address (domain));
      return;
    }

  base = starling_api_base_uri_for_domain (session, lower);
  fetch_nodeinfo_from_base (session, base, cancellable, callback, user_data);
}

/**
 * starling_discovery_fetch_nodeinfo_finish:
 * @result: the result given to the callback
 * @error: return location for a #StarlingApiError
 *
 * Returns: (transfer full): the NodeInfo, or %NULL
 */
StarlingNodeInfo *
starling_discovery_fetch_nodeinfo_finish (GAsyncResult  *result,
                                          GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == starling_discovery_fetch_nodeinfo_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The probe: NodeInfo and the instance document at once. */

typedef struct
{
  char             *base_uri;
  guint             pending;
  StarlingNodeInfo *nodeinfo;
  GError           *nodeinfo_error;
  StarlingInstance *instance;
  GError           *instance_error;
  gboolean          tried_v1;
} ProbeData;

static void
probe_data_free (ProbeData *data)
{
  g_free (data->base_uri);
  g_clear_object (&data->nodeinfo);
  g_clear_error (&data->nodeinfo_error);
  g_clear_object (&data->instance);
  g_clear_error (&data->instance_error);
  g_free (data);
}

static gboolean
is_unreachable (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, STARLING_API_ERROR, STARLING_API_ERROR_NETWORK) ||
         g_error_matches (error, STARLING_API_ERROR, STARLING_API_ERROR_TLS) ||
         g_error_matches (error, STARLING_API_ERROR, STARLING_API_ERROR_INSECURE);
}

static void
probe_complete (GTask *task)
{
  ProbeData *data = g_task_get_task_data (task);

  if (--data->pending > 0)
    return;

  if (data->instance == NULL && data->nodeinfo == NULL)
    {
      /* Nothing answered: say why, the network first. */
      if (is_unreachable (data->instance_error))
        g_task_return_error (task, g_steal_pointer (&data->instance_error));
      else if (is_unreachable (data->nodeinfo_error))
        g_task_return_error (task, g_steal_pointer (&data->nodeinfo_error));
      else
        g_task_return_new_error (task, STARLING_API_ERROR, STARLING_API_ERROR_NOT_FOUND,
                                 _("No fediverse server answers at %s"), data->base_uri);
      return;
    }

  if (data->nodeinfo_error != NULL)
    g_debug ("No NodeInfo from %s: %s", data->base_uri, data->nodeinfo_error->message);
  if (data->instance_error != NULL)
    g_debug ("No Mastodon API instance at %s: %s", data->base_uri, data->instance_error->message);

  g_task_return_pointer (task,
                         starling_server_info_new (data->base_uri, data->nodeinfo, data->instance),
                         g_object_unref);
}

static void
probe_nodeinfo_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  ProbeData *data = g_task_get_task_data (task);

  data->nodeinfo = starling_discovery_fetch_nodeinfo_finish (result, &data->nodeinfo_error);
  probe_complete (task);
}

static void fetch_instance (GTask      *task,
                            const char *path);

static void
probe_instance_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  ProbeData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;

  node = starling_fetch_json_finish (result, NULL, &error);
  if (node != NULL)
    {
      data->instance = starling_entity_decode (STARLING_TYPE_INSTANCE, node, NULL, &error);
      if (data->instance == NULL)
        g_clear_pointer (&node, json_node_unref);
    }

  if (data->instance == NULL)
    {
      /* Mastodon before 4.0 and most other software have only v1. */
      if (!data->tried_v1 && !is_unreachable (error))
        {
          data->tried_v1 = TRUE;
          fetch_instance (g_steal_pointer (&task), "/api/v1/instance");
          return;
        }

      if (error->domain == STARLING_MODEL_ERROR)
        data->instance_error = starling_api_error_new_malformed (error);
      else
        data->instance_error = g_steal_pointer (&error);
    }

  probe_complete (task);
}

static void
fetch_instance (GTask      *task,
                const char *path)
{
  ProbeData *data = g_task_get_task_data (task);
  g_autofree char *uri = g_strconcat (data->base_uri, path, NULL);
  g_autoptr (SoupMessage) message = soup_message_new (SOUP_METHOD_GET, uri);

  g_assert (message != NULL);
  starling_fetch_json_async (g_task_get_source_object (task), message,
                             g_task_get_cancellable (task), probe_instance_cb, task);
}

/**
 * starling_discovery_probe_async:
 * @session: the session
 * @input: what the user typed (see starling_discovery_normalize_input())
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Finds out what runs at the server @input names, fetching its NodeInfo
 * and its instance document (`/api/v2/instance`, else `/api/v1/instance`)
 * at the same time. The result holds whatever answered; whether Starling
 * can sign in there is starling_server_info_check_mastodon_api(). Fails
 * when @input is no address, when the server cannot be reached (no such
 * host, refused, TLS), or when neither document is there.
 */
void
starling_discovery_probe_async (SoupSession         *session,
                                const char          *input,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  ProbeData *data;
  char *base;

  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (input != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_discovery_probe_async);

  base = starling_discovery_normalize_input (session, input, &error);
  if (base == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = g_new0 (ProbeData, 1);
  data->base_uri = base;
  data->pending = 2;
  g_task_set_task_data (task, data, (GDestroyNotify) probe_data_free);

  g_debug ("Probing %s", base);
  fetch_nodeinfo_from_base (session, base, cancellable, probe_nodeinfo_cb, g_object_ref (task));
  fetch_instance (g_steal_pointer (&task), "/api/v2/instance");
}

/**
 * starling_discovery_probe_finish:
 * @result: the result given to the callback
 * @error: return location for a #StarlingApiError
 *
 * Returns: (transfer full): what the server said about itself, or %NULL
 */
StarlingServerInfo *
starling_discovery_probe_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == starling_discovery_probe_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
