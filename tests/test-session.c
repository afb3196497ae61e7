/* test-session.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "api/starling-api-error.h"
#include "api/starling-session.h"

static void
test_user_agent (void)
{
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autofree char *expected = starling_session_user_agent ();

  g_assert_true (g_str_has_prefix (expected, "Starling/" PACKAGE_VERSION " "));
  g_assert_cmpstr (soup_session_get_user_agent (session), ==, expected);
  g_assert_cmpuint (soup_session_get_timeout (session), >, 0);
  g_assert_false (starling_session_is_demo (session));
}

static void
test_transport_security (void)
{
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  static const struct {
    const char *uri;
    gboolean allowed;
    int code;
  } table[] = {
    { "https://mastodon.social/api/v1/instance", TRUE, 0 },
    { "HTTPS://Mastodon.Social/", TRUE, 0 },
    { "http://127.0.0.1:4321/api/v1/instance", TRUE, 0 },
    { "http://127.8.9.1/", TRUE, 0 },
    { "http://[::1]:8080/", TRUE, 0 },
    { "http://localhost:3000/", TRUE, 0 },
    { "http://mastodon.social/", FALSE, STARLING_API_ERROR_INSECURE },
    { "http://10.0.0.1/", FALSE, STARLING_API_ERROR_INSECURE },
    { "http://127.0.0.1.example.com/", FALSE, STARLING_API_ERROR_INSECURE },
    { "ftp://example.com/", FALSE, STARLING_API_ERROR_INSECURE },
    { "not a uri", FALSE, STARLING_API_ERROR_NOT_FOUND },
    { "https://", FALSE, STARLING_API_ERROR_NOT_FOUND },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autoptr (GError) error = NULL;
      gboolean allowed = starling_api_check_uri (session, table[i].uri, &error);

      if (table[i].allowed)
        {
          g_assert_no_error (error);
          g_assert_true (allowed);
        }
      else
        {
          g_assert_false (allowed);
          g_assert_error (error, STARLING_API_ERROR, table[i].code);
        }
    }
}

static void
test_demo_session (void)
{
  g_autoptr (GProxyResolver) resolver = g_simple_proxy_resolver_new ("http://127.0.0.1:9", NULL);
  g_autoptr (SoupSession) demo = starling_session_new (resolver);
  g_autoptr (SoupSession) real = starling_session_new (NULL);
  g_autofree char *demo_base = starling_api_base_uri_for_domain (demo, "threads.net");
  g_autofree char *real_base = starling_api_base_uri_for_domain (real, "threads.net");

  g_assert_true (starling_session_is_demo (demo));
  g_assert_true (starling_api_check_uri (demo, "http://pixelfed.social/.well-known/nodeinfo", NULL));
  g_assert_cmpstr (demo_base, ==, "http://threads.net");
  g_assert_cmpstr (real_base, ==, "https://threads.net");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/starling/session/user-agent", test_user_agent);
  g_test_add_func ("/starling/session/transport-security", test_transport_security);
  g_test_add_func ("/starling/session/demo", test_demo_session);

  return g_test_run ();
}
