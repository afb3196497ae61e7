/* test-demo-browser.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo's browser: the real StarlingOAuth signs in to the real demo
 * instance, and the browser approves the consent form and goes back to the
 * loopback port.
 */

#include "config.h"

#include "api/starling-oauth.h"
#include "api/starling-session.h"
#include "demo/starling-demo-browser.h"
#include "demo/starling-demo-server.h"
#include "model/starling-account.h"

#define WATCHDOG_SECONDS 60

static gboolean
watchdog_cb (gpointer user_data)
{
  g_error ("The test hung waiting for %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

static GAsyncResult *
wait_result (GAsyncResult **slot,
             const char    *what)
{
  guint watchdog = g_timeout_add_seconds (WATCHDOG_SECONDS, watchdog_cb, (gpointer) what);

  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (watchdog);
  return *slot;
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

typedef struct
{
  guint     opened;
  gboolean  approved;
  GError   *error;
} Browser;

static void
approved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Browser *browser = user_data;

  browser->approved = starling_demo_browser_approve_finish (result, &browser->error);
}

static void
open_uri_cb (StarlingOAuth *oauth,
             const char    *uri,
             gpointer       user_data)
{
  Browser *browser = user_data;

  browser->opened++;
  starling_demo_browser_approve_async (uri, NULL, approved_cb, browser);
}

static void
test_sign_in (void)
{
  g_autoptr (StarlingDemoServer) server = starling_demo_server_new (42);
  g_autoptr (SoupSession) session = NULL;
  g_autoptr (StarlingOAuth) oauth = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (StarlingOAuthToken) token = NULL;
  g_autoptr (StarlingAccount) account = NULL;
  g_autoptr (GError) error = NULL;
  Browser browser = { 0 };

  g_assert_true (starling_demo_server_start (server, &error));
  g_assert_no_error (error);
  session = starling_session_new (starling_demo_server_get_proxy_resolver (server));
  oauth = starling_oauth_new (session, starling_demo_server_get_base_uri (server));

  starling_oauth_authorize_async (oauth, FALSE, open_uri_cb, &browser, NULL, result_cb, &result);
  token = starling_oauth_authorize_finish (oauth, wait_result (&result, "the sign-in"), &error);
  g_assert_no_error (error);
  g_assert_nonnull (token);
  g_clear_object (&result);

  /* The browser read the form, pressed Authorize, and went back to the
   * loopback port, which answered. */
  while (!browser.approved && browser.error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (browser.error);
  g_assert_cmpuint (browser.opened, ==, 1);
  g_assert_cmpuint (starling_demo_server_count_requests (server, "GET", "/oauth/authorize"), ==, 1);
  g_assert_cmpuint (starling_demo_server_count_requests (server, "POST", "/oauth/authorize"), ==, 1);
  g_assert_cmpuint (starling_demo_server_count_requests (server, "POST", "/oauth/token"), ==, 1);

  /* The token is the brand account's. */
  starling_oauth_verify_credentials_async (oauth, starling_oauth_token_get_access_token (token),
                                           NULL, result_cb, &result);
  account = starling_oauth_verify_credentials_finish (oauth, wait_result (&result, "the account"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (starling_account_get_username (account), ==, "kettlecrane");
  g_clear_object (&result);

  /* Revoked in the server, it is refused. */
  g_assert_cmpuint (starling_demo_server_revoke_tokens (server), >=, 1);
  g_clear_object (&account);
  starling_oauth_verify_credentials_async (oauth, starling_oauth_token_get_access_token (token),
                                           NULL, result_cb, &result);
  account = starling_oauth_verify_credentials_finish (oauth, wait_result (&result, "the refusal"), &error);
  g_assert_null (account);
  g_assert_nonnull (error);
}

static void
test_loopback_only (void)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  /* The demo's browser never goes to the internet. */
  starling_demo_browser_approve_async ("https://mastodon.social/oauth/authorize?client_id=x",
                                       NULL, result_cb, &result);
  g_assert_false (starling_demo_browser_approve_finish (wait_result (&result, "the refusal"), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_no_form (void)
{
  g_autoptr (StarlingDemoServer) server = starling_demo_server_new (42);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = NULL;

  g_assert_true (starling_demo_server_start (server, &error));

  /* An unknown client gets an error page, with no form to approve. */
  uri = g_strdup_printf ("%s/oauth/authorize?client_id=nobody&response_type=code"
                         "&redirect_uri=http://127.0.0.1/callback",
                         starling_demo_server_get_base_uri (server));
  starling_demo_browser_approve_async (uri, NULL, result_cb, &result);
  g_assert_false (starling_demo_browser_approve_finish (wait_result (&result, "the page"), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/starling/demo-browser/sign-in", test_sign_in);
  g_test_add_func ("/starling/demo-browser/loopback-only", test_loopback_only);
  g_test_add_func ("/starling/demo-browser/no-form", test_no_form);

  return g_test_run ();
}
