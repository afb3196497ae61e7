/* test-integration.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real StarlingOAuth, StarlingClient and StarlingStreaming against the
 * real demo instance on loopback, through the demo's session: what came
 * back, and what the server received (starling_demo_server_get_requests()).
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "api/starling-api-error.h"
#include "api/starling-client.h"
#include "api/starling-oauth.h"
#include "api/starling-server-info.h"
#include "api/starling-session.h"
#include "api/starling-streaming.h"
#include "demo/starling-demo-server.h"
#include "model/starling-account.h"
#include "model/starling-instance.h"
#include "model/starling-nodeinfo.h"
#include "model/starling-status.h"

#include "starling-test-data.h"

#define SEED 4242
#define WATCHDOG_SECONDS 30

/* Everything logged while the tests run, at every level. Other threads
 * log too (dconf's worker, a decoding thread), so it is only touched with
 * the lock held. */
static GString *captured_log;
static GMutex captured_lock;

static char *
captured_text (void)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&captured_lock);

  return g_strdup (captured_log->str);
}

static void
capture_append (const char *text,
                gssize      length)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&captured_lock);

  g_string_append_len (captured_log, text, length);
}

/* Helpers */

static gboolean
watchdog_cb (gpointer user_data)
{
  const char *what = user_data;

  g_error ("The test hung waiting for %s", what);
  return G_SOURCE_REMOVE;
}

/* Iterates the main context, where the demo server, the loopback server
 * of the sign-in and every callback live, until *@flag is set. */
static void
run_until (const gboolean *flag,
           const char     *what)
{
  guint watchdog = g_timeout_add_seconds (WATCHDOG_SECONDS, watchdog_cb, (gpointer) what);

  while (!*flag)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (watchdog);
}

static gboolean
set_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the servers work for @milliseconds. */
static void
run_for (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, set_flag_cb, &done);
  run_until (&done, "a pause");
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

/* Waits for the result that result_cb() puts in *@slot. */
static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  guint watchdog = g_timeout_add_seconds (WATCHDOG_SECONDS, watchdog_cb, (gpointer) "a result");

  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (watchdog);

  return *slot;
}

static char *
body_text (StarlingDemoRequest *request)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (starling_demo_request_get_body (request), &size);

  return g_strndup (data != NULL ? data : "", size);
}

/* The form a request carried in its body. */
static GHashTable *
request_form (StarlingDemoRequest *request)
{
  g_autofree char *text = body_text (request);

  g_assert_cmpstr (starling_demo_request_get_header (request, "Content-Type"), ==,
                   "application/x-www-form-urlencoded");
  return soup_form_decode (text);
}

static GHashTable *
query_params (const char *uri)
{
  g_autoptr (GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED_QUERY, NULL);
  GHashTable *params;

  g_assert_nonnull (parsed);
  g_assert_nonnull (g_uri_get_query (parsed));
  params = g_uri_parse_params (g_uri_get_query (parsed), -1, "&", G_URI_PARAMS_WWW_FORM, NULL);
  g_assert_nonnull (params);

  return params;
}

/* The requests the server received that match, oldest first. */
static GPtrArray *
requests_matching (StarlingDemoServer *server,
                   const char         *method,
                   const char         *path)
{
  g_autoptr (GPtrArray) all = starling_demo_server_get_requests (server);
  GPtrArray *matching = g_ptr_array_new_with_free_func ((GDestroyNotify) starling_demo_request_unref);

  for (guint i = 0; i < all->len; i++)
    {
      StarlingDemoRequest *request = g_ptr_array_index (all, i);

      if (g_str_equal (starling_demo_request_get_method (request), method) &&
          g_str_equal (starling_demo_request_get_path (request), path))
        g_ptr_array_add (matching, starling_demo_request_ref (request));
    }

  return matching;
}

/* The S256 challenge computed here, independently of Starling's PKCE code. */
static char *
s256 (const char *verifier)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;
  char *text;
  gsize n;

  g_checksum_update (checksum, (const guchar *) verifier, strlen (verifier));
  g_checksum_get_digest (checksum, digest, &length);
  text = g_base64_encode (digest, length);
  g_strdelimit (text, "+", '-');
  g_strdelimit (text, "/", '_');
  n = strlen (text);
  while (n > 0 && text[n - 1] == '=')
    text[--n] = '\0';

  return text;
}

/* A text no other test posts. */
static char *
unique_text (const char *what)
{
  return g_strdup_printf ("Integration %s %08x%08x", what, g_random_int (), g_random_int ());
}

/* Logs */

/* The first of @secrets that @log contains, or NULL. */
static const char *
find_secret (const char *log,
             GPtrArray  *secrets)
{
  for (guint i = 0; i < secrets->len; i++)
    {
      const char *secret = g_ptr_array_index (secrets, i);

      g_assert_cmpuint (strlen (secret), >=, 16);
      if (strstr (log, secret) != NULL)
        return secret;
    }

  return NULL;
}

static void
assert_not_logged (const char *secret)
{
  g_autofree char *logged = captured_text ();

  g_assert_nonnull (secret);
  if (strstr (logged, secret) != NULL)
    g_error ("A secret reached the log (%zu bytes of it)", strlen (secret));
}

/* The client's, the server's, GLib's and libsoup's messages all come here,
 * every field of them. */
static GLogWriterOutput
capture_writer (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  GString *line = g_string_new (NULL);

  for (gsize i = 0; i < n_fields; i++)
    {
      g_string_append (line, fields[i].key);
      g_string_append_c (line, '=');
      if (fields[i].length < 0)
        g_string_append (line, fields[i].value);
      else
        g_string_append_len (line, fields[i].value, fields[i].length);
      g_string_append_c (line, ' ');
    }
  g_string_append_c (line, '\n');
  capture_append (line->str, (gssize) line->len);
  g_string_free (line, TRUE);

  /* Debug output would end up in the TAP stream; the rest goes on. */
  if (level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO | G_LOG_LEVEL_MESSAGE))
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (level, fields, n_fields, user_data);
}

/* GTest routes g_log() (the unstructured API, which g_debug() is without
 * G_LOG_USE_STRUCTURED) to a default handler of its own rather than to the
 * writer: this one takes everything first. */
static GLogFunc previous_handler;

static void
capture_handler (const char     *log_domain,
                 GLogLevelFlags  level,
                 const char     *message,
                 gpointer        user_data)
{
  g_autofree char *line = g_strdup_printf ("GLIB_DOMAIN=%s LEVEL=%d MESSAGE=%s\n",
                                           log_domain != NULL ? log_domain : "", level & G_LOG_LEVEL_MASK, message);

  capture_append (line, -1);

  /* Debug output would only clutter the TAP stream. */
  if (level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO))
    return;

  previous_handler (log_domain, level, message, user_data);
}

static GPrintFunc previous_print;
static GPrintFunc previous_printerr;

static void
capture_print (const char *text)
{
  capture_append (text, -1);
  if (previous_print != NULL)
    previous_print (text);
  else
    fputs (text, stdout);
}

static void
capture_printerr (const char *text)
{
  capture_append (text, -1);
  if (previous_printerr != NULL)
    previous_printerr (text);
  else
    fputs (text, stderr);
}

/* The demo instance and a client signed in to it */

typedef struct
{
  StarlingDemoServer *server;
  SoupSession        *session;
  StarlingEntityMap  *map;
  StarlingClient     *client;
  char               *token;
  GAsyncResult       *result;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->server = starling_demo_server_new (SEED);
  g_assert_true (starling_demo_server_start (f->server, &error));
  g_assert_no_error (error);
  f->session = starling_session_new (starling_demo_server_get_proxy_resolver (f->server));
  f->map = starling_entity_map_new ();
  f->token = starling_demo_server_create_token (f->server, "read write push");
  f->client = starling_client_new (f->session, starling_demo_server_get_base_uri (f->server), f->token, f->map);
  starling_client_set_retry_base_delay (f->client, 2);
  starling_client_set_max_attempts (f->client, 4);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* Whatever happened, the token never reached a log. */
  assert_not_logged (f->token);

  g_clear_object (&f->result);
  g_assert_finalize_object (f->client);
  g_clear_object (&f->map);
  g_clear_object (&f->session);
  g_free (f->token);
  starling_demo_server_stop (f->server);
  g_assert_finalize_object (f->server);
}

static StarlingPage *
fetch_page (Fixture         *f,
            StarlingRequest *request,
            const char      *min_id)
{
  g_autoptr (GError) error = NULL;
  StarlingPage *page;

  g_clear_object (&f->result);
  if (request != NULL)
    starling_client_send_async (f->client, request, NULL, result_cb, &f->result);
  else
    starling_client_get_timeline_async (f->client, STARLING_TIMELINE_HOME, NULL, 0, min_id, NULL,
                                        result_cb, &f->result);
  page = starling_client_page_finish (f->client, wait_result (&f->result), &error);
  g_assert_no_error (error);
  g_assert_true (STARLING_IS_PAGE (page));
  g_clear_object (&f->result);

  return page;
}

/* 1. Signing in */

typedef struct
{
  SoupSession *session;
  char        *authorize_uri;
  char        *final_uri;
  guint        page_status;
  guint        final_status;
  char        *final_page;
  gboolean     done;
} Browser;

static void
browser_clear (Browser *browser)
{
  g_clear_object (&browser->session);
  g_clear_pointer (&browser->authorize_uri, g_free);
  g_clear_pointer (&browser->final_uri, g_free);
  g_clear_pointer (&browser->final_page, g_free);
}

static char *
bytes_text (GBytes *bytes)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data != NULL ? data : "", size);
}

static void
browser_approved_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Browser *browser = user_data;
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) body = NULL;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  g_assert_no_error (error);

  browser->final_status = soup_message_get_status (message);
  browser->final_uri = g_uri_to_string (soup_message_get_uri (message));
  browser->final_page = bytes_text (body);
  browser->done = TRUE;
}

/* The user presses "Authorize": the form posts back what the page got,
 * and the browser follows the redirect to the loopback server. */
static void
browser_page_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Browser *browser = user_data;
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GHashTable) form = NULL;
  g_autoptr (SoupMessage) approve = NULL;
  g_autofree char *page = NULL;
  g_autofree char *action = NULL;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  g_assert_no_error (error);
  browser->page_status = soup_message_get_status (message);
  g_assert_cmpuint (browser->page_status, ==, SOUP_STATUS_OK);
  page = bytes_text (body);
  g_assert_nonnull (strstr (page, "Authorization required"));
  g_assert_nonnull (strstr (page, "value=\"approve\""));

  form = query_params (browser->authorize_uri);
  g_hash_table_insert (form, g_strdup ("button"), g_strdup ("approve"));
  action = g_strdup_printf ("%s://%s:%d/oauth/authorize",
                            g_uri_get_scheme (soup_message_get_uri (message)),
                            g_uri_get_host (soup_message_get_uri (message)),
                            g_uri_get_port (soup_message_get_uri (message)));
  approve = soup_message_new_from_encoded_form (SOUP_METHOD_POST, action, soup_form_encode_hash (form));
  soup_session_send_and_read_async (browser->session, approve, G_PRIORITY_DEFAULT, NULL,
                                    browser_approved_cb, browser);
}

/* The browser: a plain session of its own, as a real one would be. */
static void
open_uri_cb (StarlingOAuth *oauth,
             const char    *uri,
             gpointer       user_data)
{
  Browser *browser = user_data;
  g_autoptr (SoupMessage) message = soup_message_new (SOUP_METHOD_GET, uri);

  g_assert_true (STARLING_IS_OAUTH (oauth));
  g_assert_null (browser->authorize_uri);
  g_assert_nonnull (message);
  browser->authorize_uri = g_strdup (uri);
  browser->session = soup_session_new ();
  soup_session_send_and_read_async (browser->session, message, G_PRIORITY_DEFAULT, NULL,
                                    browser_page_cb, browser);
}

typedef struct
{
  char *client_id;
  char *client_secret;
  char *code;
  char *verifier;
  char *access_token;
} SignIn;

static void
sign_in_clear (SignIn *sign_in)
{
  g_clear_pointer (&sign_in->client_id, g_free);
  g_clear_pointer (&sign_in->client_secret, g_free);
  g_clear_pointer (&sign_in->code, g_free);
  g_clear_pointer (&sign_in->verifier, g_free);
  g_clear_pointer (&sign_in->access_token, g_free);
}

/* Discover, register, authorize in the browser, exchange: checks each step
 * on both sides and returns what was issued. */
static void
run_sign_in (StarlingDemoServer *server,
             StarlingOAuth      *oauth,
             SignIn             *out)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingAppCredentials) credentials = NULL;
  g_autoptr (StarlingOAuthToken) token = NULL;
  g_autoptr (GPtrArray) requests = NULL;
  g_autoptr (GHashTable) app_form = NULL;
  g_autoptr (GHashTable) authorize = NULL;
  g_autoptr (GHashTable) redirect = NULL;
  g_autoptr (GHashTable) token_form = NULL;
  g_autofree char *challenge = NULL;
  g_autofree char *base = g_strdup (starling_demo_server_get_base_uri (server));
  g_autofree char *expected_token_endpoint = g_strconcat (base, "/oauth/token", NULL);
  Browser browser = { 0 };
  const char *redirect_uri;

  starling_demo_server_clear_requests (server);

  /* Discovery: the demo is Mastodon 4.3+, with PKCE. */
  starling_oauth_discover_async (oauth, NULL, result_cb, &result);
  g_assert_true (starling_oauth_discover_finish (oauth, wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_true (starling_oauth_get_discovered (oauth));
  g_assert_true (starling_oauth_get_supports_pkce (oauth));
  g_assert_cmpstr (starling_oauth_get_token_endpoint (oauth), ==, expected_token_endpoint);
  g_assert_cmpuint (starling_demo_server_count_requests (server, "GET", "/.well-known/oauth-authorization-server"), ==, 1);

  /* Registration, with the loopback redirect URI without a port. */
  starling_oauth_register_async (oauth, NULL, result_cb, &result);
  credentials = starling_oauth_register_finish (oauth, wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_nonnull (credentials);
  g_assert_true (starling_app_credentials_has_redirect_uri (credentials, STARLING_OAUTH_REDIRECT_LOOPBACK));
  requests = requests_matching (server, "POST", "/api/v1/apps");
  g_assert_cmpuint (requests->len, ==, 1);
  app_form = request_form (g_ptr_array_index (requests, 0));
  g_assert_nonnull (g_hash_table_lookup (app_form, "client_name"));
  g_assert_nonnull (strstr (g_hash_table_lookup (app_form, "redirect_uris"), STARLING_OAUTH_REDIRECT_LOOPBACK));
  g_clear_pointer (&requests, g_ptr_array_unref);
  out->client_id = g_strdup (starling_app_credentials_get_client_id (credentials));
  out->client_secret = g_strdup (starling_app_credentials_get_client_secret (credentials));

  /* The browser: the authorize page, "Authorize", the redirect. */
  starling_oauth_authorize_async (oauth, FALSE, open_uri_cb, &browser, NULL, result_cb, &result);
  token = starling_oauth_authorize_finish (oauth, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (token);
  g_clear_object (&result);
  run_until (&browser.done, "the browser");

  g_assert_cmpstr (starling_oauth_token_get_token_type (token), ==, "Bearer");
  out->access_token = g_strdup (starling_oauth_token_get_access_token (token));
  g_assert_cmpuint (strlen (out->access_token), >=, 32);

  /* What the browser was shown and where it went. */
  authorize = query_params (browser.authorize_uri);
  g_assert_true (g_str_has_prefix (browser.authorize_uri, base));
  g_assert_cmpstr (g_hash_table_lookup (authorize, "client_id"), ==, out->client_id);
  g_assert_cmpstr (g_hash_table_lookup (authorize, "response_type"), ==, "code");
  g_assert_cmpstr (g_hash_table_lookup (authorize, "code_challenge_method"), ==, "S256");
  g_assert_nonnull (g_hash_table_lookup (authorize, "state"));
  g_assert_null (g_hash_table_lookup (authorize, "client_secret"));
  redirect_uri = g_hash_table_lookup (authorize, "redirect_uri");
  g_assert_true (g_str_has_prefix (redirect_uri, "http://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (redirect_uri, "/callback"));

  g_assert_cmpuint (browser.final_status, ==, SOUP_STATUS_OK);
  g_assert_true (g_str_has_prefix (browser.final_uri, redirect_uri));
  g_assert_nonnull (strstr (browser.final_page, "Signed in"));
  redirect = query_params (browser.final_uri);
  g_assert_cmpstr (g_hash_table_lookup (redirect, "state"), ==, g_hash_table_lookup (authorize, "state"));
  out->code = g_strdup (g_hash_table_lookup (redirect, "code"));
  g_assert_nonnull (out->code);

  g_assert_cmpuint (starling_demo_server_count_requests (server, "GET", "/oauth/authorize"), ==, 1);
  g_assert_cmpuint (starling_demo_server_count_requests (server, "POST", "/oauth/authorize"), ==, 1);

  /* The exchange, server-side: the code of the redirect, the secret, the
   * redirect URI with its port, and the verifier of the challenge. */
  requests = requests_matching (server, "POST", "/oauth/token");
  g_assert_cmpuint (requests->len, ==, 1);
  g_assert_cmpuint (starling_demo_request_get_status (g_ptr_array_index (requests, 0)), ==, SOUP_STATUS_OK);
  token_form = request_form (g_ptr_array_index (requests, 0));
  g_assert_cmpstr (g_hash_table_lookup (token_form, "grant_type"), ==, "authorization_code");
  g_assert_cmpstr (g_hash_table_lookup (token_form, "code"), ==, out->code);
  g_assert_cmpstr (g_hash_table_lookup (token_form, "client_id"), ==, out->client_id);
  g_assert_cmpstr (g_hash_table_lookup (token_form, "client_secret"), ==, out->client_secret);
  g_assert_cmpstr (g_hash_table_lookup (token_form, "redirect_uri"), ==, redirect_uri);
  out->verifier = g_strdup (g_hash_table_lookup (token_form, "code_verifier"));
  g_assert_nonnull (out->verifier);
  g_assert_cmpuint (strlen (out->verifier), >=, 43);
  g_assert_cmpuint (strlen (out->verifier), <=, 128);
  challenge = s256 (out->verifier);
  g_assert_cmpstr (challenge, ==, g_hash_table_lookup (authorize, "code_challenge"));
  /* The verifier never went to the browser. */
  g_assert_null (strstr (browser.authorize_uri, out->verifier));

  /* The loopback server is gone once the sign-in is over. */
  {
    g_autoptr (GUri) loopback = g_uri_parse (redirect_uri, G_URI_FLAGS_NONE, NULL);
    g_autoptr (GSocketClient) socket_client = g_socket_client_new ();
    g_autoptr (GSocketConnection) connection = NULL;
    g_autoptr (GError) connect_error = NULL;

    connection = g_socket_client_connect_to_host (socket_client, "127.0.0.1", (guint16) g_uri_get_port (loopback),
                                                  NULL, &connect_error);
    g_assert_null (connection);
    g_assert_error (connect_error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
  }

  browser_clear (&browser);
}

/* Sends a form to the demo with a plain session; returns the status. */
static guint
post_form (StarlingDemoServer *server,
           const char         *path,
           GHashTable         *form,
           char              **body_out)
{
  g_autofree char *uri = g_strconcat (starling_demo_server_get_base_uri (server), path, NULL);
  g_autoptr (SoupSession) session = soup_session_new ();
  g_autoptr (SoupMessage) message = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;

  message = soup_message_new_from_encoded_form (SOUP_METHOD_POST, uri, soup_form_encode_hash (form));
  /* The OOB page answers the POST itself; nothing to follow. */
  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL, result_cb, &result);
  body = soup_session_send_and_read_finish (session, wait_result (&result), &error);
  g_assert_no_error (error);
  if (body_out != NULL)
    *body_out = bytes_text (body);

  return soup_message_get_status (message);
}

static GHashTable *
new_form (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

/* A code issued (out of band) for a challenge of the test's own. */
static char *
issue_code (StarlingDemoServer *server,
            const SignIn       *sign_in,
            const char         *verifier)
{
  g_autoptr (GHashTable) form = new_form ();
  g_autofree char *page = NULL;
  const char *start;
  const char *end;

  g_hash_table_insert (form, (char *) "client_id", g_strdup (sign_in->client_id));
  g_hash_table_insert (form, (char *) "redirect_uri", g_strdup (STARLING_OAUTH_REDIRECT_OOB));
  g_hash_table_insert (form, (char *) "response_type", g_strdup ("code"));
  g_hash_table_insert (form, (char *) "scope", g_strdup ("read"));
  g_hash_table_insert (form, (char *) "code_challenge", s256 (verifier));
  g_hash_table_insert (form, (char *) "code_challenge_method", g_strdup ("S256"));
  g_hash_table_insert (form, (char *) "button", g_strdup ("approve"));
  g_assert_cmpuint (post_form (server, "/oauth/authorize", form, &page), ==, SOUP_STATUS_OK);

  start = strstr (page, "class=\"oauth-code\" readonly value=\"");
  g_assert_nonnull (start);
  start += strlen ("class=\"oauth-code\" readonly value=\"");
  end = strchr (start, '"');
  g_assert_nonnull (end);

  return g_strndup (start, end - start);
}

static guint
request_token (StarlingDemoServer *server,
               const SignIn       *sign_in,
               const char         *code,
               const char         *verifier,
               char              **body_out)
{
  g_autoptr (GHashTable) form = new_form ();

  g_hash_table_insert (form, (char *) "grant_type", g_strdup ("authorization_code"));
  g_hash_table_insert (form, (char *) "code", g_strdup (code));
  g_hash_table_insert (form, (char *) "client_id", g_strdup (sign_in->client_id));
  g_hash_table_insert (form, (char *) "client_secret", g_strdup (sign_in->client_secret));
  g_hash_table_insert (form, (char *) "redirect_uri", g_strdup (STARLING_OAUTH_REDIRECT_OOB));
  if (verifier != NULL)
    g_hash_table_insert (form, (char *) "code_verifier", g_strdup (verifier));

  return post_form (server, "/oauth/token", form, body_out);
}

static StarlingAccount *
oauth_verify (StarlingOAuth  *oauth,
              const char     *access_token,
              GError        **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  starling_oauth_verify_credentials_async (oauth, access_token, NULL, result_cb, &result);
  return starling_oauth_verify_credentials_finish (oauth, wait_result (&result), error);
}

static void
test_oauth_flow (void)
{
  g_autoptr (StarlingDemoServer) server = starling_demo_server_new (SEED);
  g_autoptr (SoupSession) session = NULL;
  g_autoptr (StarlingOAuth) oauth = NULL;
  g_autoptr (StarlingAccount) account = NULL;
  g_autoptr (StarlingAccount) revoked = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) requests = NULL;
  g_autoptr (GHashTable) revoke_form = NULL;
  g_autoptr (StarlingEntityMap) map = NULL;
  g_autoptr (StarlingClient) client = NULL;
  g_autoptr (StarlingPage) page = NULL;
  g_autofree char *authorization = NULL;
  g_autofree char *code = NULL;
  g_autofree char *answer = NULL;
  g_autofree char *verifier = g_strdup_printf ("test-verifier-%08x%08x%08x%08x-abcdefghijklmnop",
                                               g_random_int (), g_random_int (), g_random_int (), g_random_int ());
  g_autofree char *wrong_verifier = g_strdup_printf ("%s-not", verifier);
  SignIn sign_in = { 0 };

  g_assert_true (starling_demo_server_start (server, &error));
  g_assert_no_error (error);
  session = starling_session_new (starling_demo_server_get_proxy_resolver (server));
  oauth = starling_oauth_new (session, starling_demo_server_get_base_uri (server));

  run_sign_in (server, oauth, &sign_in);

  /* PKCE is checked server-side: a code issued for a challenge is refused
   * without its verifier and with a wrong one, and then (not used up by
   * the refusals) taken with the right one. */
  code = issue_code (server, &sign_in, verifier);
  g_assert_cmpuint (request_token (server, &sign_in, code, NULL, &answer), ==, SOUP_STATUS_BAD_REQUEST);
  g_assert_nonnull (strstr (answer, "invalid_grant"));
  g_clear_pointer (&answer, g_free);
  g_assert_cmpuint (request_token (server, &sign_in, code, wrong_verifier, &answer), ==, SOUP_STATUS_BAD_REQUEST);
  g_assert_nonnull (strstr (answer, "invalid_grant"));
  g_assert_null (strstr (answer, "access_token"));
  g_clear_pointer (&answer, g_free);
  g_assert_cmpuint (request_token (server, &sign_in, code, verifier, &answer), ==, SOUP_STATUS_OK);
  g_assert_nonnull (strstr (answer, "access_token"));
  g_clear_pointer (&answer, g_free);
  /* Single use. */
  g_assert_cmpuint (request_token (server, &sign_in, code, verifier, NULL), ==, SOUP_STATUS_BAD_REQUEST);
  /* The code of the browser sign-in is used up too. */
  g_assert_cmpuint (request_token (server, &sign_in, sign_in.code, sign_in.verifier, NULL), ==, SOUP_STATUS_BAD_REQUEST);

  /* Verify: the token is the brand's, and went as a bearer token. */
  starling_demo_server_clear_requests (server);
  account = oauth_verify (oauth, sign_in.access_token, &error);
  g_assert_no_error (error);
  g_assert_true (STARLING_IS_ACCOUNT (account));
  g_assert_cmpstr (starling_entity_get_id (STARLING_ENTITY (account)), ==, starling_demo_server_get_brand_id (server));
  requests = requests_matching (server, "GET", "/api/v1/accounts/verify_credentials");
  g_assert_cmpuint (requests->len, ==, 1);
  authorization = g_strconcat ("Bearer ", sign_in.access_token, NULL);
  g_assert_cmpstr (starling_demo_request_get_header (g_ptr_array_index (requests, 0), "Authorization"), ==, authorization);
  g_assert_null (starling_demo_request_get_query (g_ptr_array_index (requests, 0)));
  g_clear_pointer (&requests, g_ptr_array_unref);

  /* The client works with it. */
  map = starling_entity_map_new ();
  client = starling_client_new (session, starling_demo_server_get_base_uri (server), sign_in.access_token, map);
  starling_client_get_timeline_async (client, STARLING_TIMELINE_HOME, NULL, 0, NULL, NULL, result_cb, &result);
  page = starling_client_page_finish (client, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (starling_page_get_n_items (page), >, 0);
  g_clear_object (&result);
  g_clear_object (&page);

  /* Revoke: the server is told, with the app's credentials... */
  starling_demo_server_clear_requests (server);
  starling_oauth_revoke_async (oauth, sign_in.access_token, NULL, result_cb, &result);
  g_assert_true (starling_oauth_revoke_finish (oauth, wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  requests = requests_matching (server, "POST", "/oauth/revoke");
  g_assert_cmpuint (requests->len, ==, 1);
  g_assert_cmpuint (starling_demo_request_get_status (g_ptr_array_index (requests, 0)), ==, SOUP_STATUS_OK);
  revoke_form = request_form (g_ptr_array_index (requests, 0));
  g_assert_cmpstr (g_hash_table_lookup (revoke_form, "token"), ==, sign_in.access_token);
  g_assert_cmpstr (g_hash_table_lookup (revoke_form, "client_id"), ==, sign_in.client_id);
  g_assert_cmpstr (g_hash_table_lookup (revoke_form, "client_secret"), ==, sign_in.client_secret);
  g_clear_pointer (&requests, g_ptr_array_unref);

  /* ...and the token no longer works, for sign-in or for the client. */
  revoked = oauth_verify (oauth, sign_in.access_token, &error);
  g_assert_null (revoked);
  g_assert_error (error, STARLING_API_ERROR, STARLING_API_ERROR_UNAUTHORIZED);
  g_clear_error (&error);

  starling_demo_server_clear_requests (server);
  starling_client_get_timeline_async (client, STARLING_TIMELINE_HOME, NULL, 0, NULL, NULL, result_cb, &result);
  page = starling_client_page_finish (client, wait_result (&result), &error);
  g_assert_null (page);
  g_assert_error (error, STARLING_API_ERROR, STARLING_API_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  g_clear_object (&result);
  /* Refused once, and not retried. */
  requests = requests_matching (server, "GET", "/api/v1/timelines/home");
  g_assert_cmpuint (requests->len, ==, 1);
  g_assert_cmpuint (starling_demo_request_get_status (g_ptr_array_index (requests, 0)), ==, SOUP_STATUS_UNAUTHORIZED);

  assert_not_logged (sign_in.access_token);
  assert_not_logged (sign_in.client_secret);
  assert_not_logged (sign_in.code);
  assert_not_logged (sign_in.verifier);

  g_assert_finalize_object (g_steal_pointer (&client));
  sign_in_clear (&sign_in);
  g_assert_finalize_object (g_steal_pointer (&oauth));
  starling_demo_server_stop (server);
}

/* The Pleroma family compares the port of a loopback redirect URI: the
 * quirk of its NodeInfo reaches the sign-in, which then registers the app
 * for the port of the moment. */
static void
test_exact_redirect_port_quirk (void)
{
  g_autoptr (StarlingDemoServer) server = starling_demo_server_new (SEED);
  g_autoptr (StarlingNodeInfo) nodeinfo = starling_test_decode_fixture (STARLING_TYPE_NODEINFO, "nodeinfo/akkoma-2.0.json");
  g_autoptr (StarlingServerInfo) akkoma = NULL;
  g_autoptr (StarlingServerInfo) mastodon = NULL;
  g_autoptr (SoupSession) session = NULL;
  g_autoptr (StarlingOAuth) oauth = NULL;
  g_autoptr (StarlingOAuthToken) token = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) requests = NULL;
  g_autoptr (GHashTable) app_form = NULL;
  g_autoptr (GHashTable) authorize = NULL;
  g_autoptr (GHashTable) token_form = NULL;
  g_autoptr (GError) error = NULL;
  Browser browser = { 0 };
  const char *redirect_uri;

  g_assert_true (starling_demo_server_start (server, &error));
  g_assert_no_error (error);
  session = starling_session_new (starling_demo_server_get_proxy_resolver (server));
  oauth = starling_oauth_new (session, starling_demo_server_get_base_uri (server));

  akkoma = starling_server_info_new (starling_demo_server_get_base_uri (server), nodeinfo, NULL);
  g_assert_cmpint (starling_server_info_get_software (akkoma), ==, STARLING_SOFTWARE_AKKOMA);
  g_assert_true (starling_server_info_get_quirks (akkoma) & STARLING_SOFTWARE_QUIRK_EXACT_REDIRECT_PORT);
  g_assert_true (starling_software_get_quirks (STARLING_SOFTWARE_PLEROMA) & STARLING_SOFTWARE_QUIRK_EXACT_REDIRECT_PORT);
  g_assert_false (starling_software_get_quirks (STARLING_SOFTWARE_MASTODON) & STARLING_SOFTWARE_QUIRK_EXACT_REDIRECT_PORT);

  /* Applied both ways. */
  g_assert_false (starling_oauth_get_exact_redirect_port (oauth));
  starling_oauth_apply_quirks (oauth, starling_server_info_get_quirks (akkoma));
  g_assert_true (starling_oauth_get_exact_redirect_port (oauth));
  mastodon = starling_server_info_new (starling_demo_server_get_base_uri (server), NULL, NULL);
  starling_oauth_apply_quirks (oauth, starling_server_info_get_quirks (mastodon));
  g_assert_false (starling_oauth_get_exact_redirect_port (oauth));
  starling_oauth_apply_quirks (oauth, starling_server_info_get_quirks (akkoma));
  g_assert_true (starling_oauth_get_exact_redirect_port (oauth));

  /* The sign-in registers the redirect URI with its port, and uses it. */
  starling_oauth_discover_async (oauth, NULL, result_cb, &result);
  g_assert_true (starling_oauth_discover_finish (oauth, wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  starling_demo_server_clear_requests (server);
  starling_oauth_authorize_async (oauth, FALSE, open_uri_cb, &browser, NULL, result_cb, &result);
  token = starling_oauth_authorize_finish (oauth, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (token);
  g_clear_object (&result);
  run_until (&browser.done, "the browser");
  g_assert_cmpuint (browser.final_status, ==, SOUP_STATUS_OK);

  authorize = query_params (browser.authorize_uri);
  redirect_uri = g_hash_table_lookup (authorize, "redirect_uri");
  g_assert_true (g_str_has_prefix (redirect_uri, "http://127.0.0.1:"));
  requests = requests_matching (server, "POST", "/api/v1/apps");
  g_assert_cmpuint (requests->len, ==, 1);
  app_form = request_form (g_ptr_array_index (requests, 0));
  g_assert_nonnull (strstr (g_hash_table_lookup (app_form, "redirect_uris"), redirect_uri));
  g_clear_pointer (&requests, g_ptr_array_unref);
  requests = requests_matching (server, "POST", "/oauth/token");
  g_assert_cmpuint (requests->len, ==, 1);
  token_form = request_form (g_ptr_array_index (requests, 0));
  g_assert_cmpstr (g_hash_table_lookup (token_form, "redirect_uri"), ==, redirect_uri);
  g_assert_true (starling_app_credentials_has_redirect_uri (starling_oauth_get_credentials (oauth), redirect_uri));

  assert_not_logged (starling_oauth_token_get_access_token (token));
  browser_clear (&browser);
  g_assert_finalize_object (g_steal_pointer (&oauth));
  starling_demo_server_stop (server);
}

/* 2. Paging to the end */

static void
test_home_to_the_end (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (StarlingPage) page = NULL;
  g_autoptr (StarlingPage) refreshed = NULL;
  g_autoptr (GPtrArray) requests = NULL;
  g_autofree char *newest = NULL;
  g_autofree char *new_id = NULL;
  guint expected = starling_demo_server_count_home_statuses (f->server);
  guint pages = 0;

  g_assert_cmpuint (expected, >, 40);
  starling_demo_server_clear_requests (f->server);

  page = fetch_page (f, NULL, NULL);
  newest = g_strdup (starling_entity_get_id (starling_page_get_item (page, 0)));
  for (;;)
    {
      StarlingRequest *next;
      StarlingPage *older;

      pages++;
      for (guint i = 0; i < starling_page_get_n_items (page); i++)
        {
          const char *id = starling_entity_get_id (starling_page_get_item (page, i));

          if (!g_hash_table_add (seen, g_strdup (id)))
            g_error ("Status %s came twice, on page %u", id, pages);
        }

      next = starling_page_get_next_request (page);
      if (next == NULL || starling_page_get_n_items (page) == 0)
        break;
      g_assert_cmpuint (pages, <, expected);
      older = fetch_page (f, next, NULL);
      g_object_unref (page);
      page = older;
    }

  g_test_message ("%u statuses on %u pages", g_hash_table_size (seen), pages);
  g_assert_cmpuint (g_hash_table_size (seen), ==, expected);

  /* One request a page, and nothing else. */
  requests = starling_demo_server_get_requests (f->server);
  g_assert_cmpuint (requests->len, ==, pages);
  g_assert_cmpuint (starling_demo_server_count_requests (f->server, "GET", "/api/v1/timelines/home"), ==, pages);
  for (guint i = 0; i < requests->len; i++)
    {
      StarlingDemoRequest *request = g_ptr_array_index (requests, i);

      g_assert_cmpuint (starling_demo_request_get_status (request), ==, SOUP_STATUS_OK);
      /* The token in the header, never in the address. */
      g_assert_null (strstr (starling_demo_request_get_query (request) != NULL
                             ? starling_demo_request_get_query (request) : "", f->token));
      if (i > 0)
        g_assert_nonnull (strstr (starling_demo_request_get_query (request), "max_id="));
    }
  g_clear_pointer (&requests, g_ptr_array_unref);

  /* A refresh costs one request and brings exactly what is new. */
  new_id = starling_demo_server_emit_status (f->server);
  starling_demo_server_clear_requests (f->server);
  refreshed = fetch_page (f, NULL, newest);
  g_assert_cmpuint (starling_page_get_n_items (refreshed), ==, 1);
  g_assert_cmpstr (starling_entity_get_id (starling_page_get_item (refreshed, 0)), ==, new_id);
  requests = starling_demo_server_get_requests (f->server);
  g_assert_cmpuint (requests->len, ==, 1);
  g_assert_nonnull (strstr (starling_demo_request_get_query (g_ptr_array_index (requests, 0)), "min_id="));
}

/* 3. A post retried is published once */

typedef struct
{
  const char        *name;
  StarlingDemoFault  faults[2];
  guint              params[2];
  guint              n_faults;
} PostCase;

static const PostCase post_cases[] = {
  { "drop", { STARLING_DEMO_FAULT_DROP_CONNECTION }, { 0 }, 1 },
  { "server-error", { STARLING_DEMO_FAULT_SERVER_ERROR }, { 502 }, 1 },
  { "empty-error", { STARLING_DEMO_FAULT_EMPTY_ERROR }, { 503 }, 1 },
  { "error-then-drop", { STARLING_DEMO_FAULT_SERVER_ERROR, STARLING_DEMO_FAULT_DROP_CONNECTION }, { 500, 0 }, 2 },
};

static void
test_post_once (Fixture       *f,
                gconstpointer  data)
{
  const PostCase *post_case = data;
  g_autofree char *text = unique_text (post_case->name);
  g_autoptr (StarlingStatus) status = NULL;
  g_autoptr (GPtrArray) posts = NULL;
  g_autoptr (GError) error = NULL;
  StarlingStatusParams params = { .text = text, .visibility = "public" };
  const char *key;

  for (guint i = 0; i < post_case->n_faults; i++)
    starling_demo_server_add_fault (f->server, "POST", "/api/v1/statuses", post_case->faults[i], 1,
                                    post_case->params[i]);
  starling_demo_server_clear_requests (f->server);

  starling_client_post_status_async (f->client, &params, NULL, result_cb, &f->result);
  status = starling_client_entity_finish (f->client, wait_result (&f->result), &error);
  g_assert_no_error (error);
  g_assert_true (STARLING_IS_STATUS (status));
  g_assert_nonnull (strstr (starling_status_get_content (status), text));

  /* Published once, whatever the first attempts did. */
  g_assert_cmpuint (starling_demo_server_count_statuses_with_text (f->server, text), ==, 1);

  /* Every attempt reached the server, with the same key. */
  posts = requests_matching (f->server, "POST", "/api/v1/statuses");
  g_assert_cmpuint (posts->len, ==, post_case->n_faults + 1);
  key = starling_demo_request_get_header (g_ptr_array_index (posts, 0), "Idempotency-Key");
  g_assert_nonnull (key);
  g_assert_cmpuint (strlen (key), >=, 16);
  for (guint i = 0; i < posts->len; i++)
    {
      StarlingDemoRequest *post = g_ptr_array_index (posts, i);
      g_autofree char *body = body_text (post);

      g_assert_cmpstr (starling_demo_request_get_header (post, "Idempotency-Key"), ==, key);
      g_assert_nonnull (strstr (body, "Integration"));
    }
  /* The last one was answered; the dropped ones were not. */
  g_assert_cmpuint (starling_demo_request_get_status (g_ptr_array_index (posts, posts->len - 1)), ==, SOUP_STATUS_OK);
  g_assert_cmpuint (starling_demo_server_count_requests (f->server, NULL, NULL), ==, posts->len);

  /* The post is there, once, at the top of home. */
  {
    g_autoptr (StarlingPage) page = fetch_page (f, NULL, NULL);
    guint found = 0;

    for (guint i = 0; i < starling_page_get_n_items (page); i++)
      if (g_strcmp0 (starling_entity_get_id (starling_page_get_item (page, i)),
                     starling_entity_get_id (STARLING_ENTITY (status))) == 0)
        found++;
    g_assert_cmpuint (found, ==, 1);
  }
}

/* A post without retries left fails, and says so; the one attempt was
 * sent. */
static void
test_post_fails_without_retry (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *text = unique_text ("no-retry");
  g_autoptr (StarlingStatus) status = NULL;
  g_autoptr (GError) error = NULL;
  StarlingStatusParams params = { .text = text };

  starling_client_set_max_attempts (f->client, 1);
  starling_demo_server_add_fault (f->server, "POST", "/api/v1/statuses", STARLING_DEMO_FAULT_SERVER_ERROR, 1, 500);
  starling_demo_server_clear_requests (f->server);

  starling_client_post_status_async (f->client, &params, NULL, result_cb, &f->result);
  status = starling_client_entity_finish (f->client, wait_result (&f->result), &error);
  g_assert_null (status);
  g_assert_error (error, STARLING_API_ERROR, STARLING_API_ERROR_SERVER);
  g_assert_cmpuint (starling_demo_server_count_requests (f->server, "POST", "/api/v1/statuses"), ==, 1);
  g_assert_cmpuint (starling_demo_server_count_statuses_with_text (f->server, text), ==, 0);
}

/* 4. 429 */

static void
test_rate_limit_wait (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (StarlingPage) page = NULL;
  g_autoptr (GPtrArray) requests = NULL;
  g_autoptr (GError) error = NULL;
  StarlingDemoRequest *refused;
  StarlingDemoRequest *retry;
  gint64 started, elapsed;

  /* A 429 whose reset is one second away. */
  starling_demo_server_add_fault (f->server, "GET", "/api/v1/timelines/home", STARLING_DEMO_FAULT_RATE_LIMIT, 1, 1);
  starling_demo_server_clear_requests (f->server);

  started = g_get_monotonic_time ();
  starling_client_get_timeline_async (f->client, STARLING_TIMELINE_HOME, NULL, 0, NULL, NULL, result_cb, &f->result);
  page = starling_client_page_finish (f->client, wait_result (&f->result), &error);
  elapsed = g_get_monotonic_time () - started;
  g_assert_no_error (error);
  g_assert_cmpuint (starling_page_get_n_items (page), >, 0);

  g_test_message ("Waited %" G_GINT64_FORMAT " ms", elapsed / 1000);
  g_assert_cmpint (elapsed, >=, 1 * G_USEC_PER_SEC);
  /* Not the back-off's idea of a wait, nor the 300 s ceiling. */
  g_assert_cmpint (elapsed, <, 10 * G_USEC_PER_SEC);

  /* The server saw the 429, then the retry once the reset had come. */
  requests = requests_matching (f->server, "GET", "/api/v1/timelines/home");
  g_assert_cmpuint (requests->len, ==, 2);
  refused = g_ptr_array_index (requests, 0);
  retry = g_ptr_array_index (requests, 1);
  g_assert_cmpuint (starling_demo_request_get_status (refused), ==, 429);
  g_assert_cmpuint (starling_demo_request_get_status (retry), ==, SOUP_STATUS_OK);
  g_assert_cmpint (starling_demo_request_get_received_at (retry) - starling_demo_request_get_received_at (refused),
                   >=, 1 * G_USEC_PER_SEC);
  g_assert_cmpuint (starling_demo_server_count_requests (f->server, NULL, NULL), ==, 2);
}

/* A 429 when no attempt is left is surfaced at once, with the wait. */
static void
test_rate_limit_surfaced (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (StarlingPage) page = NULL;
  g_autoptr (GError) error = NULL;
  gint64 started = g_get_monotonic_time ();

  starling_client_set_max_attempts (f->client, 1);
  starling_demo_server_add_fault (f->server, "GET", "/api/v1/timelines/home", STARLING_DEMO_FAULT_RATE_LIMIT, 1, 5);
  starling_demo_server_clear_requests (f->server);

  starling_client_get_timeline_async (f->client, STARLING_TIMELINE_HOME, NULL, 0, NULL, NULL, result_cb, &f->result);
  page = starling_client_page_finish (f->client, wait_result (&f->result), &error);
  g_assert_null (page);
  g_assert_error (error, STARLING_API_ERROR, STARLING_API_ERROR_RATE_LIMITED);
  g_assert_cmpint (starling_api_error_get_retry_after (error), >=, 4);
  g_assert_cmpint (starling_api_error_get_retry_after (error), <=, 5);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 4 * G_USEC_PER_SEC);
  g_assert_cmpuint (starling_demo_server_count_requests (f->server, "GET", "/api/v1/timelines/home"), ==, 1);
}

/* 5. 5xx on a GET */

static void
test_server_error_retries (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (StarlingPage) page = NULL;
  g_autoptr (GPtrArray) requests = NULL;
  g_autoptr (GError) error = NULL;

  starling_client_set_max_attempts (f->client, 3);

  /* Always failing: three attempts, then the error. */
  starling_demo_server_add_fault (f->server, "GET", "/api/v1/timelines/home", STARLING_DEMO_FAULT_SERVER_ERROR, 0, 500);
  starling_demo_server_clear_requests (f->server);
  starling_client_get_timeline_async (f->client, STARLING_TIMELINE_HOME, NULL, 0, NULL, NULL, result_cb, &f->result);
  page = starling_client_page_finish (f->client, wait_result (&f->result), &error);
  g_assert_null (page);
  g_assert_error (error, STARLING_API_ERROR, STARLING_API_ERROR_SERVER);
  g_assert_cmpuint (starling_api_error_get_http_status (error), ==, 500);
  g_clear_error (&error);

  requests = requests_matching (f->server, "GET", "/api/v1/timelines/home");
  g_assert_cmpuint (requests->len, ==, 3);
  for (guint i = 0; i < requests->len; i++)
    g_assert_cmpuint (starling_demo_request_get_status (g_ptr_array_index (requests, i)), ==, 500);
  g_clear_pointer (&requests, g_ptr_array_unref);

  /* And no straggler comes after. */
  run_for (100);
  g_assert_cmpuint (starling_demo_server_count_requests (f->server, NULL, NULL), ==, 3);

  /* Failing twice: the third attempt brings the page. */
  starling_demo_server_clear_faults (f->server);
  starling_demo_server_add_fault (f->server, "GET", "/api/v1/timelines/home", STARLING_DEMO_FAULT_EMPTY_ERROR, 2, 503);
  starling_demo_server_clear_requests (f->server);
  g_clear_object (&f->result);
  starling_client_get_timeline_async (f->client, STARLING_TIMELINE_HOME, NULL, 0, NULL, NULL, result_cb, &f->result);
  page = starling_client_page_finish (f->client, wait_result (&f->result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (starling_page_get_n_items (page), >, 0);
  g_assert_cmpuint (starling_demo_server_count_requests (f->server, "GET", "/api/v1/timelines/home"), ==, 3);
}

/* 6. The stream's gap */

typedef struct
{
  Fixture           *f;
  StarlingStreaming *streaming;
  GHashTable        *arrived;     /* id → times it arrived, by any path */
  GHashTable        *by_stream;   /* ids that came on the stream */
  GPtrArray         *emitted;     /* ids the server published */
  GPtrArray         *gap;         /* ids published while disconnected */
  char              *newest;      /* the newest id seen */
  gboolean           was_connected;
  gboolean           dropped;
  guint              reconnects;
  gboolean           filled;
  guint              fill_requests;
} Gap;

static void
count_arrival (Gap        *gap,
               const char *id)
{
  guint times = GPOINTER_TO_UINT (g_hash_table_lookup (gap->arrived, id));

  g_hash_table_replace (gap->arrived, g_strdup (id), GUINT_TO_POINTER (times + 1));
}

static void
update_cb (StarlingStreaming *streaming,
           StarlingStatus    *status,
           const char        *stream_key,
           gpointer           user_data)
{
  Gap *gap = user_data;
  const char *id = starling_entity_get_id (STARLING_ENTITY (status));

  g_assert_cmpstr (stream_key, ==, "user");
  count_arrival (gap, id);
  g_hash_table_add (gap->by_stream, g_strdup (id));
  g_free (gap->newest);
  gap->newest = g_strdup (id);
}

static void
state_cb (StarlingStreaming *streaming,
          GParamSpec        *pspec,
          gpointer           user_data)
{
  Gap *gap = user_data;
  StarlingStreamingState state = starling_streaming_get_state (streaming);

  if (state == STARLING_STREAMING_STATE_CONNECTED)
    gap->was_connected = TRUE;

  /* Disconnected: what is posted now cannot come on the stream. */
  if (state == STARLING_STREAMING_STATE_WAITING && gap->was_connected && !gap->dropped)
    {
      gap->dropped = TRUE;
      for (guint i = 0; i < 3; i++)
        {
          char *id = starling_demo_server_emit_status (gap->f->server);

          g_ptr_array_add (gap->emitted, id);
          g_ptr_array_add (gap->gap, g_strdup (id));
        }
    }
}

static void fill_gap (Gap *gap);

static void
filled_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Gap *gap = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingPage) page = starling_client_page_finish (STARLING_CLIENT (object), result, &error);

  g_assert_no_error (error);
  gap->fill_requests++;
  if (starling_page_get_n_items (page) == 0)
    {
      gap->filled = TRUE;
      return;
    }

  /* Newest first: the first item is where the next call starts. */
  for (guint i = 0; i < starling_page_get_n_items (page); i++)
    count_arrival (gap, starling_entity_get_id (starling_page_get_item (page, i)));
  g_free (gap->newest);
  gap->newest = g_strdup (starling_entity_get_id (starling_page_get_item (page, 0)));
  fill_gap (gap);
}

/* What the app does on "reconnected": fetch what is newer than the newest
 * seen, until nothing is. */
static void
fill_gap (Gap *gap)
{
  starling_client_get_timeline_async (gap->f->client, STARLING_TIMELINE_HOME, NULL, 0, gap->newest, NULL,
                                      filled_cb, gap);
}

static void
reconnected_cb (StarlingStreaming *streaming,
                gpointer           user_data)
{
  Gap *gap = user_data;

  gap->reconnects++;
  g_assert_nonnull (gap->newest);
  fill_gap (gap);
}

static gboolean
arrived (Gap        *gap,
         const char *id)
{
  return g_hash_table_contains (gap->arrived, id);
}

static void
wait_arrival (Gap        *gap,
              const char *id)
{
  guint watchdog = g_timeout_add_seconds (WATCHDOG_SECONDS, watchdog_cb, (gpointer) "a streamed status");

  while (!arrived (gap, id))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (watchdog);
}

static void
wait_state (StarlingStreaming      *streaming,
            StarlingStreamingState  state)
{
  guint watchdog = g_timeout_add_seconds (WATCHDOG_SECONDS, watchdog_cb, (gpointer) "a stream state");

  while (starling_streaming_get_state (streaming) != state)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (watchdog);
}

static void
test_stream_gap (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (StarlingInstance) instance = NULL;
  g_autoptr (GPtrArray) handshakes = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *authorization = g_strconcat ("Bearer ", f->token, NULL);
  Gap gap = { 0 };
  char *id;

  gap.f = f;
  gap.arrived = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gap.by_stream = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gap.emitted = g_ptr_array_new_with_free_func (g_free);
  gap.gap = g_ptr_array_new_with_free_func (g_free);

  /* Where to stream, as the app learns it. */
  starling_client_get_instance_async (f->client, NULL, result_cb, &f->result);
  instance = starling_client_entity_finish (f->client, wait_result (&f->result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (starling_instance_get_streaming_url (instance));

  gap.streaming = starling_streaming_new (f->session, starling_instance_get_streaming_url (instance), f->token, f->map);
  g_object_set (gap.streaming, "reconnect-base-delay", 20, "reconnect-max-delay", 200, NULL);
  g_assert_true (starling_streaming_subscribe (gap.streaming, "user", NULL, &error));
  g_assert_no_error (error);
  g_signal_connect (gap.streaming, "update", G_CALLBACK (update_cb), &gap);
  g_signal_connect (gap.streaming, "reconnected", G_CALLBACK (reconnected_cb), &gap);
  g_signal_connect (gap.streaming, "notify::state", G_CALLBACK (state_cb), &gap);

  starling_demo_server_clear_requests (f->server);
  starling_streaming_start (gap.streaming);
  wait_state (gap.streaming, STARLING_STREAMING_STATE_CONNECTED);
  /* The subscription frame is on its way; let the server take it. */
  run_for (200);

  /* Connected: a post comes on the stream. */
  id = starling_demo_server_emit_status (f->server);
  g_ptr_array_add (gap.emitted, id);
  wait_arrival (&gap, id);

  /* The server drops the stream; three posts while it is down (see
   * state_cb()); on "reconnected", the client fetches them. */
  starling_demo_server_add_fault (f->server, NULL, "/api/v1/streaming", STARLING_DEMO_FAULT_STREAM_DROP, 1, 0);
  run_until (&gap.filled, "the gap to be filled");
  g_assert_true (gap.dropped);
  g_assert_cmpuint (gap.reconnects, ==, 1);
  g_assert_cmpuint (starling_streaming_get_state (gap.streaming), ==, STARLING_STREAMING_STATE_CONNECTED);
  /* One page with the three, one empty page that says there is no more. */
  g_assert_cmpuint (gap.fill_requests, ==, 2);

  /* Reconnected: posts come on the stream again. */
  run_for (200);
  id = starling_demo_server_emit_status (f->server);
  g_ptr_array_add (gap.emitted, id);
  wait_arrival (&gap, id);
  run_for (100);

  /* Every post arrived, once. */
  g_assert_cmpuint (gap.emitted->len, ==, 5);
  g_assert_cmpuint (g_hash_table_size (gap.arrived), ==, gap.emitted->len);
  for (guint i = 0; i < gap.emitted->len; i++)
    {
      const char *emitted = g_ptr_array_index (gap.emitted, i);

      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (gap.arrived, emitted)), ==, 1);
    }
  /* Those of the gap came by REST, the others on the stream. */
  for (guint i = 0; i < gap.gap->len; i++)
    g_assert_false (g_hash_table_contains (gap.by_stream, g_ptr_array_index (gap.gap, i)));
  g_assert_cmpuint (g_hash_table_size (gap.by_stream), ==, 2);

  /* The server saw two handshakes, the token in a header, not the URL. */
  handshakes = requests_matching (f->server, "GET", "/api/v1/streaming");
  g_assert_cmpuint (handshakes->len, ==, 2);
  for (guint i = 0; i < handshakes->len; i++)
    {
      StarlingDemoRequest *handshake = g_ptr_array_index (handshakes, i);

      g_assert_cmpuint (starling_demo_request_get_status (handshake), ==, SOUP_STATUS_SWITCHING_PROTOCOLS);
      g_assert_cmpstr (starling_demo_request_get_header (handshake, "Authorization"), ==, authorization);
      g_assert_null (strstr (starling_demo_request_get_query (handshake) != NULL
                             ? starling_demo_request_get_query (handshake) : "", f->token));
    }
  g_assert_cmpuint (starling_demo_server_count_requests (f->server, "GET", "/api/v1/timelines/home"), ==, 2);

  starling_streaming_stop (gap.streaming);
  g_signal_handlers_disconnect_by_data (gap.streaming, &gap);
  g_assert_finalize_object (gap.streaming);
  g_hash_table_unref (gap.arrived);
  g_hash_table_unref (gap.by_stream);
  g_ptr_array_unref (gap.emitted);
  g_ptr_array_unref (gap.gap);
  g_free (gap.newest);
}

/* 7. Broken answers */

typedef enum
{
  CALL_PAGE,
  CALL_ENTITY,
  CALL_JSON,
} CallKind;

static void
test_broken_json (Fixture       *f,
                  gconstpointer  data)
{
  StarlingDemoFault fault = GPOINTER_TO_INT (data);
  static const struct {
    CallKind    kind;
    const char *path;
  } calls[] = {
    { CALL_PAGE, "/api/v1/timelines/home" },
    { CALL_ENTITY, "/api/v1/accounts/verify_credentials" },
    { CALL_JSON, "/api/v1/preferences" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_autoptr (GError) error = NULL;
      gpointer value = NULL;

      /* Every answer broken, for as long as the client would ask. */
      starling_demo_server_clear_faults (f->server);
      starling_demo_server_add_fault (f->server, "GET", calls[i].path, fault, 0, 0);
      starling_demo_server_clear_requests (f->server);
      g_clear_object (&f->result);

      switch (calls[i].kind)
        {
        case CALL_PAGE:
          starling_client_get_timeline_async (f->client, STARLING_TIMELINE_HOME, NULL, 0, NULL, NULL,
                                              result_cb, &f->result);
          value = starling_client_page_finish (f->client, wait_result (&f->result), &error);
          break;
        case CALL_ENTITY:
          starling_client_verify_credentials_async (f->client, NULL, result_cb, &f->result);
          value = starling_client_entity_finish (f->client, wait_result (&f->result), &error);
          break;
        case CALL_JSON:
          starling_client_get_preferences_async (f->client, NULL, result_cb, &f->result);
          value = starling_client_json_finish (f->client, wait_result (&f->result), &error);
          break;
        default:
          g_assert_not_reached ();
        }

      /* No partial result, and no other error. */
      g_assert_null (value);
      g_assert_error (error, STARLING_API_ERROR, STARLING_API_ERROR_MALFORMED);

      /* Asked once: a broken answer is not retried. */
      run_for (50);
      g_assert_cmpuint (starling_demo_server_count_requests (f->server, NULL, NULL), ==, 1);
      g_assert_cmpuint (starling_demo_server_count_requests (f->server, "GET", calls[i].path), ==, 1);
    }

  /* The client is none the worse. */
  starling_demo_server_clear_faults (f->server);
  {
    g_autoptr (StarlingPage) page = fetch_page (f, NULL, NULL);

    g_assert_cmpuint (starling_page_get_n_items (page), >, 0);
  }
}

/* 8. No secret in any log */

static void
test_no_secret_in_logs (void)
{
  g_autoptr (StarlingDemoServer) server = starling_demo_server_new (SEED);
  g_autoptr (SoupSession) session = NULL;
  g_autoptr (StarlingOAuth) oauth = NULL;
  g_autoptr (GPtrArray) secrets = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = unique_text ("logs");
  g_autofree char *planted = NULL;
  g_autofree char *basic = NULL;
  g_autofree char *basic_text = NULL;
  g_autofree char *log_copy = NULL;
  Fixture f = { 0 };
  SignIn sign_in = { 0 };
  Gap gap = { 0 };

  g_mutex_lock (&captured_lock);
  g_string_truncate (captured_log, 0);
  g_mutex_unlock (&captured_lock);
  previous_print = g_set_print_handler (capture_print);
  previous_printerr = g_set_printerr_handler (capture_printerr);

  /* The capture works, at debug level, for our domains and others. */
  g_log ("starling-api", G_LOG_LEVEL_DEBUG, "marker-debug-%s", "7f3a");
  g_log_structured ("libsoup", G_LOG_LEVEL_DEBUG, "MESSAGE", "marker-structured-%s", "91c2");
  g_print ("# marker-print-%s\n", "c0de");
  log_copy = captured_text ();
  g_assert_nonnull (strstr (log_copy, "marker-debug-7f3a"));
  g_assert_nonnull (strstr (log_copy, "marker-structured-91c2"));
  g_assert_nonnull (strstr (log_copy, "marker-print-c0de"));
  g_clear_pointer (&log_copy, g_free);

  g_assert_true (starling_demo_server_start (server, &error));
  g_assert_no_error (error);
  session = starling_session_new (starling_demo_server_get_proxy_resolver (server));
  oauth = starling_oauth_new (session, starling_demo_server_get_base_uri (server));

  /* The sign-in, in full. */
  run_sign_in (server, oauth, &sign_in);
  {
    g_autoptr (StarlingAccount) account = oauth_verify (oauth, sign_in.access_token, &error);

    g_assert_no_error (error);
    g_assert_nonnull (account);
  }

  /* A client with the token: reads, a refused call, a post retried after
   * a dropped connection, a 5xx. */
  f.server = server;
  f.session = session;
  f.map = starling_entity_map_new ();
  f.token = sign_in.access_token;
  f.client = starling_client_new (session, starling_demo_server_get_base_uri (server), f.token, f.map);
  starling_client_set_retry_base_delay (f.client, 2);
  {
    g_autoptr (StarlingPage) page = fetch_page (&f, NULL, NULL);
    g_autoptr (StarlingPage) older = fetch_page (&f, starling_page_get_next_request (page), NULL);
    g_autoptr (StarlingStatus) status = NULL;
    g_autoptr (StarlingAccount) account = NULL;
    StarlingStatusParams params = { .text = text };

    starling_demo_server_add_fault (server, "POST", "/api/v1/statuses", STARLING_DEMO_FAULT_DROP_CONNECTION, 1, 0);
    starling_client_post_status_async (f.client, &params, NULL, result_cb, &f.result);
    status = starling_client_entity_finish (f.client, wait_result (&f.result), &error);
    g_assert_no_error (error);
    g_clear_object (&f.result);

    starling_demo_server_add_fault (server, "GET", "/api/v1/accounts/verify_credentials",
                                    STARLING_DEMO_FAULT_SERVER_ERROR, 1, 500);
    starling_client_verify_credentials_async (f.client, NULL, result_cb, &f.result);
    account = starling_client_entity_finish (f.client, wait_result (&f.result), &error);
    g_assert_no_error (error);
    g_clear_object (&f.result);

    starling_demo_server_add_fault (server, "GET", "/api/v1/preferences", STARLING_DEMO_FAULT_BAD_TOKEN_422, 1, 0);
    starling_client_get_preferences_async (f.client, NULL, result_cb, &f.result);
    g_assert_null (starling_client_json_finish (f.client, wait_result (&f.result), &error));
    g_assert_error (error, STARLING_API_ERROR, STARLING_API_ERROR_UNAUTHORIZED);
    g_clear_error (&error);
    g_clear_object (&f.result);
  }

  /* The stream, with a drop and a reconnect. */
  gap.f = &f;
  gap.arrived = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gap.by_stream = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gap.emitted = g_ptr_array_new_with_free_func (g_free);
  gap.gap = g_ptr_array_new_with_free_func (g_free);
  {
    g_autofree char *streaming_uri = g_strdup_printf ("ws://%s", starling_demo_server_get_base_uri (server) + strlen ("http://"));
    char *id;

    gap.streaming = starling_streaming_new (session, streaming_uri, f.token, f.map);
    g_object_set (gap.streaming, "reconnect-base-delay", 20, NULL);
    g_assert_true (starling_streaming_subscribe (gap.streaming, "user", NULL, NULL));
    g_signal_connect (gap.streaming, "update", G_CALLBACK (update_cb), &gap);
    g_signal_connect (gap.streaming, "reconnected", G_CALLBACK (reconnected_cb), &gap);
    g_signal_connect (gap.streaming, "notify::state", G_CALLBACK (state_cb), &gap);
    starling_streaming_start (gap.streaming);
    wait_state (gap.streaming, STARLING_STREAMING_STATE_CONNECTED);
    run_for (200);
    id = starling_demo_server_emit_status (server);
    g_ptr_array_add (gap.emitted, id);
    wait_arrival (&gap, id);
    starling_demo_server_add_fault (server, NULL, "/api/v1/streaming", STARLING_DEMO_FAULT_STREAM_DROP, 1, 0);
    run_until (&gap.filled, "the gap to be filled");
    starling_streaming_stop (gap.streaming);
    g_signal_handlers_disconnect_by_data (gap.streaming, &gap);
    g_assert_finalize_object (gap.streaming);
  }

  /* Revoke, and the refusal that follows. */
  {
    g_autoptr (GAsyncResult) result = NULL;
    g_autoptr (StarlingAccount) account = NULL;

    starling_oauth_revoke_async (oauth, sign_in.access_token, NULL, result_cb, &result);
    g_assert_true (starling_oauth_revoke_finish (oauth, wait_result (&result), &error));
    g_assert_no_error (error);
    account = oauth_verify (oauth, sign_in.access_token, &error);
    g_assert_error (error, STARLING_API_ERROR, STARLING_API_ERROR_UNAUTHORIZED);
    g_clear_error (&error);
  }

  g_set_print_handler (previous_print);
  g_set_printerr_handler (previous_printerr);

  /* Everyone spoke at debug level: the capture saw the real traffic. */
  log_copy = captured_text ();
  g_assert_nonnull (strstr (log_copy, "GLIB_DOMAIN=starling-api"));
  g_assert_nonnull (strstr (log_copy, "GLIB_DOMAIN=starling-streaming"));
  g_assert_nonnull (strstr (log_copy, "GLIB_DOMAIN=starling-demo"));
  g_assert_nonnull (strstr (log_copy, "/oauth/token"));
  g_assert_nonnull (strstr (log_copy, "/api/v1/statuses"));
  g_assert_nonnull (strstr (log_copy, "PRIORITY=7"));

  g_ptr_array_add (secrets, g_strdup (sign_in.access_token));
  g_ptr_array_add (secrets, g_strdup (sign_in.client_secret));
  g_ptr_array_add (secrets, g_strdup (sign_in.code));
  g_ptr_array_add (secrets, g_strdup (sign_in.verifier));
  /* The client's credentials as HTTP Basic would carry them. */
  basic_text = g_strdup_printf ("%s:%s", sign_in.client_id, sign_in.client_secret);
  basic = g_base64_encode ((const guchar *) basic_text, strlen (basic_text));
  g_ptr_array_add (secrets, g_strdup (basic));

  /* The check can fail: a secret planted in a copy of the log is found. */
  planted = g_strdup_printf ("%s\nMESSAGE=oops %s\n", log_copy, sign_in.verifier);
  g_assert_cmpstr (find_secret (planted, secrets), ==, sign_in.verifier);

  /* And in the real log, none. */
  if (g_getenv ("STARLING_TEST_LOG_FILE") != NULL)
    g_file_set_contents (g_getenv ("STARLING_TEST_LOG_FILE"), log_copy, -1, NULL);
  if (find_secret (log_copy, secrets) != NULL)
    g_error ("A secret reached the log (%zu bytes of it)", strlen (find_secret (log_copy, secrets)));
  g_assert_null (strstr (log_copy, "Bearer "));
  g_test_message ("Captured %zu bytes of logs; no secret in them", strlen (log_copy));

  g_hash_table_unref (gap.arrived);
  g_hash_table_unref (gap.by_stream);
  g_ptr_array_unref (gap.emitted);
  g_ptr_array_unref (gap.gap);
  g_free (gap.newest);
  g_assert_finalize_object (f.client);
  g_clear_object (&f.map);
  sign_in_clear (&sign_in);
  g_assert_finalize_object (g_steal_pointer (&oauth));
  starling_demo_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  captured_log = g_string_new (NULL);
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_log_set_writer_func (capture_writer, NULL, NULL);

  g_test_init (&argc, &argv, NULL);
  previous_handler = g_log_set_default_handler (capture_handler, NULL);

#define ADD(path, func, data) \
  g_test_add ("/starling/integration/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/starling/integration/oauth-flow", test_oauth_flow);
  g_test_add_func ("/starling/integration/exact-redirect-port-quirk", test_exact_redirect_port_quirk);
  ADD ("home-to-the-end", test_home_to_the_end, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (post_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/starling/integration/post-once/%s", post_cases[i].name);

      g_test_add (path, Fixture, &post_cases[i], fixture_set_up, test_post_once, fixture_tear_down);
    }
  ADD ("post-fails-without-retry", test_post_fails_without_retry, NULL);
  ADD ("rate-limit-wait", test_rate_limit_wait, NULL);
  ADD ("rate-limit-surfaced", test_rate_limit_surfaced, NULL);
  ADD ("server-error-retries", test_server_error_retries, NULL);
  ADD ("stream-gap", test_stream_gap, NULL);
  ADD ("malformed-json", test_broken_json, GINT_TO_POINTER (STARLING_DEMO_FAULT_MALFORMED_JSON));
  ADD ("truncated-json", test_broken_json, GINT_TO_POINTER (STARLING_DEMO_FAULT_TRUNCATED_JSON));
  g_test_add_func ("/starling/integration/no-secret-in-logs", test_no_secret_in_logs);

#undef ADD

  return g_test_run ();
}
