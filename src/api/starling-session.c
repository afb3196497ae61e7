/* starling-session.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-api"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "starling-api-error.h"
#include "starling-session.h"

/* Long enough for a slow instance under load, short enough that a dead one
 * is reported while the user still cares. */
#define SESSION_TIMEOUT_SECONDS 30
#define SESSION_IDLE_TIMEOUT_SECONDS 60
#define SESSION_MAX_CONNS_PER_HOST 6

static const char demo_key[] = "starling-demo";

/**
 * starling_session_user_agent:
 *
 * Returns: (transfer full): the `User-Agent` Starling sends, naming the app,
 *   its version and its web site
 */
char *
starling_session_user_agent (void)
{
  return g_strdup_printf ("Starling/%s (+%s)", PACKAGE_VERSION, PACKAGE_WEBSITE);
}

/**
 * starling_session_new:
 * @demo_resolver: (nullable): for the demo world, a proxy resolver that
 *   sends every host to the demo server on loopback
 *
 * Creates the one #SoupSession the app shares between its accounts, with a
 * timeout and Starling's `User-Agent`. With @demo_resolver, every request
 * goes to the demo server whatever its host, so the simulated remote servers
 * are reached over plain HTTP without leaving the machine.
 *
 * Returns: (transfer full): a new session
 */
SoupSession *
starling_session_new (GProxyResolver *demo_resolver)
{
  g_autofree char *user_agent = starling_session_user_agent ();
  SoupSession *session;

  session = g_object_new (SOUP_TYPE_SESSION,
                          "user-agent", user_agent,
                          "timeout", SESSION_TIMEOUT_SECONDS,
                          "idle-timeout", SESSION_IDLE_TIMEOUT_SECONDS,
                          "max-conns-per-host", SESSION_MAX_CONNS_PER_HOST,
                          "proxy-resolver", demo_resolver,
                          NULL);

  if (demo_resolver != NULL)
    g_object_set_data (G_OBJECT (session), demo_key, GINT_TO_POINTER (TRUE));

  return session;
}

/**
 * starling_session_is_demo:
 * @session: a session from starling_session_new()
 *
 * Returns: %TRUE when @session talks only to the demo server
 */
gboolean
starling_session_is_demo (SoupSession *session)
{
  g_return_val_if_fail (SOUP_IS_SESSION (session), FALSE);

  return g_object_get_data (G_OBJECT (session), demo_key) != NULL;
}

/**
 * starling_api_uri_is_loopback:
 * @uri: a URI
 *
 * Returns: %TRUE when the host of @uri is a loopback address (127.0.0.0/8,
 *   ::1) or `localhost`
 */
gboolean
starling_api_uri_is_loopback (GUri *uri)
{
  g_autoptr (GInetAddress) address = NULL;
  const char *host;

  g_return_val_if_fail (uri != NULL, FALSE);

  host = g_uri_get_host (uri);
  if (host == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * starling_api_check_uri:
 * @session: the session the request will go through
 * @uri: the URI about to be requested
 * @error: return location for a #StarlingApiError
 *
 * Starling speaks `https://` to servers. Plain `http://` is allowed only to
 * a loopback address (the demo instance, a server under test on the same
 * machine), or through the demo session, whose every request stays on
 * loopback.
 *
 * Returns: %TRUE when @uri may be requested
 */
gboolean
starling_api_check_uri (SoupSession  *session,
                        const char   *uri,
                        GError      **error)
{
  g_autoptr (GUri) parsed = NULL;
  const char *scheme;

  g_return_val_if_fail (SOUP_IS_SESSION (session), FALSE);
  g_return_val_if_fail (uri != NULL, FALSE);

  parsed = g_uri_parse (uri, SOUP_HTTP_URI_FLAGS, NULL);
  if (parsed == NULL || g_uri_get_host (parsed) == NULL || *g_uri_get_host (parsed) == '\0')
    {
      g_set_error (error, STARLING_API_ERROR, STARLING_API_ERROR_NOT_FOUND,
                   _("“%s” is not a web address"), uri);
      return FALSE;
    }

  scheme = g_uri_get_scheme (parsed);
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;

  if (g_ascii_strcasecmp (scheme, "http") == 0)
    {
      if (starling_api_uri_is_loopback (parsed) || starling_session_is_demo (session))
        return TRUE;

      g_set_error (error, STARLING_API_ERROR, STARLING_API_ERROR_INSECURE,
                   _("%s would be reached without encryption; use an https:// address"),
                   g_uri_get_host (parsed));
      return FALSE;
    }

  g_set_error (error, STARLING_API_ERROR, STARLING_API_ERROR_INSECURE,
               _("Starling cannot connect to “%s” addresses"), scheme);
  return FALSE;
}

/**
 * starling_api_base_uri_for_domain:
 * @session: the session the requests will go through
 * @domain: a server's domain, as in the `acct` of a remote account
 *
 * The base URI of a remote server. It is `https://` except through the
 * demo session, where the simulated servers answer plain HTTP on loopback.
 *
 * Returns: (transfer full): a URI without a trailing slash
 */
char *
starling_api_base_uri_for_domain (SoupSession *session,
                                  const char  *domain)
{
  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (domain != NULL, NULL);

  return g_strdup_printf ("%s://%s",
                          starling_session_is_demo (session) ? "http" : "https",
                          domain);
}
