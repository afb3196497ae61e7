/* test-oauth.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Signing in against a server on loopback that behaves like Mastodon's
 * Doorkeeper and checks what it receives: the app registration, the
 * authorize parameters, PKCE, the redirect URI, the client secret.
 */

#include "config.h"

#include <string.h>

#include "api/starling-api-error.h"
#include "api/starling-oauth.h"
#include "api/starling-pkce.h"
#include "api/starling-session.h"

#include "starling-test-data.h"

/* Everything logged while the tests run, at every level. Threads log too
 * (dconf's worker, when GSettings uses it, logs while the main thread
 * does), so the log is only touched with the lock held: appending from two
 * threads at once corrupted the heap (a "double free" abort, seen once). */
static GString *captured_log;
static GMutex captured_lock;

/* A copy of what was logged so far, to search at leisure. */
static char *
captured_text (void)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&captured_lock);

  return g_strdup (captured_log->str);
}

typedef enum
{
  METADATA_FULL,      /* Mastodon 4.3+: PKCE, all scopes */
  METADATA_NONE,      /* 404: Mastodon before 4.3 */
  METADATA_JUNK,      /* an HTML page */
  METADATA_FEW_SCOPES /* lists read, write and follow only; no PKCE */
} MetadataMode;

typedef struct _FakeServer FakeServer;
typedef void (*TokenHook) (FakeServer *fake, SoupServerMessage *message);

struct _FakeServer
{
  SoupServer   *server;
  char         *base;
  MetadataMode  metadata;
  gboolean      deny;
  gboolean      refuse_two_redirect_uris;
  gboolean      exact_port;
  gboolean      no_revoke;
  TokenHook     token_hook;
  gpointer      hook_data;

  /* What the server issued. */
  char         *client_id;
  char         *client_secret;
  GStrv         registered_uris;
  char         *code;
  char         *code_redirect_uri;
  char         *challenge;
  char         *access_token;
  gboolean      revoked;

  /* What it received. */
  guint         registrations;
  GHashTable   *app_form;
  GHashTable   *authorize_query;
  GHashTable   *token_form;
  guint         token_requests;
  GHashTable   *revoke_form;
  GPtrArray    *secrets;
};

static char *
random_text (const char *prefix)
{
  guint8 bytes[24];
  g_autofree char *encoded = NULL;

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (guint8) g_random_int_range (0, 256);
  encoded = g_base64_encode (bytes, sizeof bytes);
  g_strdelimit (encoded, "+/=", 'x');

  return g_strconcat (prefix, encoded, NULL);
}

/* The S256 challenge computed here, not with Starling's own function. */
static char *
s256 (const char *verifier)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;
  char *text;

  g_checksum_update (checksum, (const guchar *) verifier, strlen (verifier));
  g_checksum_get_digest (checksum, digest, &length);
  text = g_base64_encode (digest, length);
  g_strdelimit (text, "+", '-');
  g_strdelimit (text, "/", '_');
  if (strchr (text, '=') != NULL)
    *strchr (text, '=') = '\0';

  return text;
}

static void
respond_json (SoupServerMessage *message,
              guint              status,
              const char        *json)
{
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                    json, strlen (json));
}

static void
respond_fixture (SoupServerMessage *message,
                 guint              status,
                 const char        *path)
{
  gsize length = 0;
  g_autofree char *text = starling_test_load_text (path, &length);

  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                    text, length);
}

static GHashTable *
decode_body (SoupServerMessage *message)
{
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  g_autoptr (GBytes) bytes = soup_message_body_flatten (body);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return soup_form_decode (text);
}

static GHashTable *
copy_query (GHashTable *query)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  if (query == NULL)
    return copy;

  g_hash_table_iter_init (&iter, query);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_strdup (value));

  return copy;
}

/* Doorkeeper's rule (RFC 8252 §7.3): loopback IP redirect URIs match
 * whatever their port, unless the server compares exactly. */
static gboolean
redirect_matches (FakeServer *fake,
                  const char *registered,
                  const char *given)
{
  g_autoptr (GUri) a = NULL;
  g_autoptr (GUri) b = NULL;

  if (g_strcmp0 (registered, given) == 0)
    return TRUE;
  if (fake->exact_port)
    return FALSE;

  a = g_uri_parse (registered, G_URI_FLAGS_NONE, NULL);
  b = g_uri_parse (given, G_URI_FLAGS_NONE, NULL);
  if (a == NULL || b == NULL)
    return FALSE;

  return g_strcmp0 (g_uri_get_scheme (a), "http") == 0 &&
         g_strcmp0 (g_uri_get_scheme (b), "http") == 0 &&
         g_strcmp0 (g_uri_get_host (a), "127.0.0.1") == 0 &&
         g_strcmp0 (g_uri_get_host (b), "127.0.0.1") == 0 &&
         g_strcmp0 (g_uri_get_path (a), g_uri_get_path (b)) == 0 &&
         g_strcmp0 (g_uri_get_query (a), g_uri_get_query (b)) == 0;
}

static gboolean
is_registered (FakeServer *fake,
               const char *redirect_uri)
{
  if (fake->registered_uris == NULL || redirect_uri == NULL)
    return FALSE;

  for (guint i = 0; fake->registered_uris[i] != NULL; i++)
    if (redirect_matches (fake, fake->registered_uris[i], redirect_uri))
      return TRUE;

  return FALSE;
}

static void
handle_metadata (FakeServer        *fake,
                 SoupServerMessage *message)
{
  switch (fake->metadata)
    {
    case METADATA_FULL:
      {
        g_autofree char *text = starling_test_load_text ("mastodon/oauth-authorization-server.json", NULL);
        g_auto (GStrv) parts = g_strsplit (text, "https://social.example", -1);
        g_autofree char *served = g_strjoinv (fake->base, parts);

        respond_json (message, SOUP_STATUS_OK, served);
      }
      break;

    case METADATA_NONE:
      respond_fixture (message, SOUP_STATUS_NOT_FOUND, "mastodon/error-404-record-not-found.json");
      break;

    case METADATA_JUNK:
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (message, "text/html", SOUP_MEMORY_STATIC,
                                        "<html><body>Welcome</body></html>", 33);
      break;

    case METADATA_FEW_SCOPES:
      {
        g_autofree char *json = g_strdup_printf (
          "{\"issuer\":\"%s/\",\"authorization_endpoint\":\"%s/oauth/authorize\","
          "\"token_endpoint\":\"%s/oauth/token\",\"revocation_endpoint\":\"%s/oauth/revoke\","
          "\"scopes_supported\":[\"read\",\"write\",\"follow\"],"
          "\"response_types_supported\":[\"code\"]}",
          fake->base, fake->base, fake->base, fake->base);

        respond_json (message, SOUP_STATUS_OK, json);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
handle_apps (FakeServer        *fake,
             SoupServerMessage *message)
{
  g_autoptr (GHashTable) form = decode_body (message);
  const char *uris = g_hash_table_lookup (form, "redirect_uris");
  const char *scopes = g_hash_table_lookup (form, "scopes");
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *json = NULL;
  g_auto (GStrv) scope_list = NULL;

  fake->registrations++;
  g_clear_pointer (&fake->app_form, g_hash_table_unref);
  fake->app_form = copy_query (form);

  if (uris == NULL || g_hash_table_lookup (form, "client_name") == NULL)
    {
      respond_json (message, 422, "{\"error\":\"Validation failed: Redirect URI can't be blank\"}");
      return;
    }

  if (fake->refuse_two_redirect_uris && strchr (uris, '\n') != NULL)
    {
      respond_json (message, 422, "{\"error\":\"Validation failed: Redirect URI must be an absolute URI.\"}");
      return;
    }

  g_clear_pointer (&fake->registered_uris, g_strfreev);
  fake->registered_uris = g_strsplit (uris, "\n", -1);
  g_free (fake->client_id);
  fake->client_id = random_text ("id-");
  g_free (fake->client_secret);
  fake->client_secret = random_text ("secret-");
  g_ptr_array_add (fake->secrets, g_strdup (fake->client_secret));

  scope_list = g_strsplit (scopes != NULL ? scopes : "read", " ", -1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "563419");
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, g_hash_table_lookup (form, "client_name"));
  json_builder_set_member_name (builder, "scopes");
  json_builder_begin_array (builder);
  for (guint i = 0; scope_list[i] != NULL; i++)
    json_builder_add_string_value (builder, scope_list[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "redirect_uri");
  json_builder_add_string_value (builder, uris);
  json_builder_set_member_name (builder, "redirect_uris");
  json_builder_begin_array (builder);
  for (guint i = 0; fake->registered_uris[i] != NULL; i++)
    json_builder_add_string_value (builder, fake->registered_uris[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "client_id");
  json_builder_add_string_value (builder, fake->client_id);
  json_builder_set_member_name (builder, "client_secret");
  json_builder_add_string_value (builder, fake->client_secret);
  json_builder_set_member_name (builder, "client_secret_expires_at");
  json_builder_add_int_value (builder, 0);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);
  respond_json (message, SOUP_STATUS_OK, json);
}

static void
handle_authorize (FakeServer        *fake,
                  SoupServerMessage *message,
                  GHashTable        *query)
{
  const char *redirect_uri = query != NULL ? g_hash_table_lookup (query, "redirect_uri") : NULL;
  const char *state = query != NULL ? g_hash_table_lookup (query, "state") : NULL;
  g_autoptr (GString) location = NULL;

  g_clear_pointer (&fake->authorize_query, g_hash_table_unref);
  fake->authorize_query = copy_query (query);

  if (query == NULL || g_strcmp0 (g_hash_table_lookup (query, "client_id"), fake->client_id) != 0 ||
      !is_registered (fake, redirect_uri))
    {
      soup_server_message_set_status (message, SOUP_STATUS_BAD_REQUEST, NULL);
      return;
    }

  location = g_string_new (redirect_uri);

  if (fake->deny)
    {
      g_string_append (location, "?error=access_denied&error_description=");
      g_string_append_uri_escaped (location, "The resource owner or authorization server denied the request.", NULL, FALSE);
    }
  else
    {
      g_free (fake->code);
      fake->code = random_text ("code-");
      g_ptr_array_add (fake->secrets, g_strdup (fake->code));
      g_free (fake->code_redirect_uri);
      fake->code_redirect_uri = g_strdup (redirect_uri);
      g_free (fake->challenge);
      fake->challenge = g_strdup (g_hash_table_lookup (query, "code_challenge"));

      if (g_str_equal (redirect_uri, STARLING_OAUTH_REDIRECT_OOB))
        {
          g_autofree char *page = g_strdup_printf ("<html><body><p>Copy this code: <code>%s</code></p></body></html>", fake->code);

          soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
          soup_server_message_set_response (message, "text/html", SOUP_MEMORY_COPY, page, strlen (page));
          return;
        }

      g_string_append (location, "?code=");
      g_string_append_uri_escaped (location, fake->code, NULL, FALSE);
    }

  if (state != NULL)
    {
      g_string_append (location, "&state=");
      g_string_append_uri_escaped (location, state, NULL, FALSE);
    }

  soup_server_message_set_redirect (message, SOUP_STATUS_FOUND, location->str);
}

static void
handle_token (FakeServer        *fake,
              SoupServerMessage *message)
{
  g_autoptr (GHashTable) form = decode_body (message);
  const char *verifier = g_hash_table_lookup (form, "code_verifier");
  g_autofree char *json = NULL;

  fake->token_requests++;
  g_clear_pointer (&fake->token_form, g_hash_table_unref);
  fake->token_form = copy_query (form);
  if (verifier != NULL)
    g_ptr_array_add (fake->secrets, g_strdup (verifier));

  if (g_strcmp0 (g_hash_table_lookup (form, "client_id"), fake->client_id) != 0 ||
      g_strcmp0 (g_hash_table_lookup (form, "client_secret"), fake->client_secret) != 0)
    {
      respond_fixture (message, 401, "mastodon/error-oauth-invalid-client.json");
      return;
    }

  if (g_strcmp0 (g_hash_table_lookup (form, "grant_type"), "authorization_code") != 0 ||
      fake->code == NULL ||
      g_strcmp0 (g_hash_table_lookup (form, "code"), fake->code) != 0 ||
      g_strcmp0 (g_hash_table_lookup (form, "redirect_uri"), fake->code_redirect_uri) != 0)
    {
      respond_fixture (message, 400, "mastodon/error-oauth-invalid-grant.json");
      return;
    }

  if (fake->challenge != NULL)
    {
      g_autofree char *expected = verifier != NULL ? s256 (verifier) : NULL;

      if (g_strcmp0 (expected, fake->challenge) != 0)
        {
          respond_fixture (message, 400, "mastodon/error-oauth-invalid-grant.json");
          return;
        }
    }

  /* A code serves once. */
  g_clear_pointer (&fake->code, g_free);

  g_free (fake->access_token);
  fake->access_token = random_text ("token-");
  fake->revoked = FALSE;
  g_ptr_array_add (fake->secrets, g_strdup (fake->access_token));

  json = g_strdup_printf ("{\"access_token\":\"%s\",\"token_type\":\"Bearer\","
                          "\"scope\":\"%s\",\"created_at\":1573979017}",
                          fake->access_token,
                          (const char *) g_hash_table_lookup (fake->authorize_query, "scope"));
  respond_json (message, SOUP_STATUS_OK, json);

  if (fake->token_hook != NULL)
    fake->token_hook (fake, message);
}

static void
handle_revoke (FakeServer        *fake,
               SoupServerMessage *message)
{
  g_autoptr (GHashTable) form = decode_body (message);
  const char *token = g_hash_table_lookup (form, "token");

  g_clear_pointer (&fake->revoke_form, g_hash_table_unref);
  fake->revoke_form = copy_query (form);

  if (fake->no_revoke)
    {
      respond_fixture (message, SOUP_STATUS_NOT_FOUND, "mastodon/error-404-record-not-found.json");
      return;
    }

  if (g_strcmp0 (g_hash_table_lookup (form, "client_id"), fake->client_id) != 0 ||
      g_strcmp0 (g_hash_table_lookup (form, "client_secret"), fake->client_secret) != 0)
    {
      respond_fixture (message, 401, "mastodon/error-oauth-invalid-client.json");
      return;
    }

  if (g_strcmp0 (token, "settings-token") == 0)
    {
      respond_fixture (message, SOUP_STATUS_FORBIDDEN, "mastodon/error-oauth-revoke-unauthorized-client.json");
      return;
    }

  if (g_strcmp0 (token, fake->access_token) == 0)
    fake->revoked = TRUE;

  /* RFC 7009: unknown tokens are no error. */
  respond_json (message, SOUP_STATUS_OK, "{}");
}

static void
handle_verify (FakeServer        *fake,
               SoupServerMessage *message)
{
  const char *authorization =
    soup_message_headers_get_one (soup_server_message_get_request_headers (message), "Authorization");
  const char *token = NULL;

  if (authorization != NULL && g_str_has_prefix (authorization, "Bearer "))
    token = authorization + strlen ("Bearer ");

  if (g_strcmp0 (token, "settings-token") == 0 ||
      (fake->access_token != NULL && !fake->revoked && g_strcmp0 (token, fake->access_token) == 0))
    respond_fixture (message, SOUP_STATUS_OK, "mastodon/account-credential.json");
  else
    respond_fixture (message, SOUP_STATUS_UNAUTHORIZED, "mastodon/error-401-invalid-token.json");
}

static void
fake_server_cb (SoupServer        *server,
                SoupServerMessage *message,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  FakeServer *fake = user_data;
  const char *method = soup_server_message_get_method (message);

  if (g_str_equal (path, "/.well-known/oauth-authorization-server"))
    handle_metadata (fake, message);
  else if (g_str_equal (path, "/api/v1/apps") && g_str_equal (method, "POST"))
    handle_apps (fake, message);
  else if (g_str_equal (path, "/oauth/authorize") && g_str_equal (method, "GET"))
    handle_authorize (fake, message, query);
  else if (g_str_equal (path, "/oauth/token") && g_str_equal (method, "POST"))
    handle_token (fake, message);
  else if (g_str_equal (path, "/oauth/revoke") && g_str_equal (method, "POST"))
    handle_revoke (fake, message);
  else if (g_str_equal (path, "/api/v1/accounts/verify_credentials"))
    handle_verify (fake, message);
  else
    respond_fixture (message, SOUP_STATUS_NOT_FOUND, "mastodon/error-404-record-not-found.json");
}

static FakeServer *
fake_server_new (MetadataMode metadata)
{
  FakeServer *fake = g_new0 (FakeServer, 1);
  g_autoptr (GError) error = NULL;
  GSList *uris;

  fake->metadata = metadata;
  fake->secrets = g_ptr_array_new_with_free_func (g_free);
  fake->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fake->server, NULL, fake_server_cb, fake, NULL);
  soup_server_listen_local (fake->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (fake->server);
  fake->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return fake;
}

static void
fake_server_free (FakeServer *fake)
{
  soup_server_disconnect (fake->server);
  g_object_unref (fake->server);
  g_free (fake->base);
  g_free (fake->client_id);
  g_free (fake->client_secret);
  g_strfreev (fake->registered_uris);
  g_free (fake->code);
  g_free (fake->code_redirect_uri);
  g_free (fake->challenge);
  g_free (fake->access_token);
  g_clear_pointer (&fake->app_form, g_hash_table_unref);
  g_clear_pointer (&fake->authorize_query, g_hash_table_unref);
  g_clear_pointer (&fake->token_form, g_hash_table_unref);
  g_clear_pointer (&fake->revoke_form, g_hash_table_unref);
  g_ptr_array_unref (fake->secrets);
  g_free (fake);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeServer, fake_server_free)

/* The browser: follows the authorize address with its own session, and
 * the 302 to the loopback server with it. */
typedef struct
{
  SoupSession  *session;
  char         *authorize_uri;
  guint         loopback_port;
  GCancellable *cancel_on_open;
  gboolean      follow;
  gboolean      done;
  guint         status;
  char         *page;

  /* Before following: requests the loopback server must refuse. */
  gboolean      probe_first;
  guint         probes_pending;
  guint         other_path_status;
  guint         wrong_state_status;
  guint         duplicate_status;
} Browser;

static void
browser_clear (Browser *browser)
{
  g_clear_object (&browser->session);
  g_clear_pointer (&browser->authorize_uri, g_free);
  g_clear_pointer (&browser->page, g_free);
}

static char *
query_value (const char *uri,
             const char *name)
{
  g_autoptr (GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED_QUERY, NULL);
  g_autoptr (GHashTable) params = NULL;

  g_assert_nonnull (parsed);
  params = g_uri_parse_params (g_uri_get_query (parsed), -1, "&", G_URI_PARAMS_NONE, NULL);
  g_assert_nonnull (params);

  return g_strdup (g_hash_table_lookup (params, name));
}

static void
browser_page_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Browser *browser = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) body = NULL;
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (object), result);

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  g_assert_no_error (error);

  browser->status = soup_message_get_status (message);
  browser->page = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  browser->done = TRUE;
}

static void
browser_follow (Browser *browser)
{
  g_autoptr (SoupMessage) message = soup_message_new ("GET", browser->authorize_uri);

  soup_session_send_and_read_async (browser->session, message, G_PRIORITY_DEFAULT, NULL,
                                    browser_page_cb, browser);
}

typedef struct
{
  Browser *browser;
  guint   *status;
} Probe;

static void
probe_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Probe *probe = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) body = NULL;
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (object), result);

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  g_assert_no_error (error);
  *probe->status = soup_message_get_status (message);

  if (--probe->browser->probes_pending == 0 && probe->browser->follow)
    browser_follow (probe->browser);

  g_free (probe);
}

static void
browser_probe (Browser    *browser,
               const char *path_and_query,
               guint      *status)
{
  g_autofree char *uri = g_strdup_printf ("http://127.0.0.1:%u%s", browser->loopback_port, path_and_query);
  g_autoptr (SoupMessage) message = soup_message_new ("GET", uri);
  Probe *probe = g_new0 (Probe, 1);

  probe->browser = browser;
  probe->status = status;
  browser->probes_pending++;
  soup_session_send_and_read_async (browser->session, message, G_PRIORITY_DEFAULT, NULL,
                                    probe_cb, probe);
}

static void
open_uri_cb (StarlingOAuth *oauth,
             const char    *uri,
             gpointer       user_data)
{
  Browser *browser = user_data;
  g_autofree char *redirect_uri = NULL;
  g_autoptr (GUri) redirect = NULL;

  g_assert_true (STARLING_IS_OAUTH (oauth));
  g_assert_null (browser->authorize_uri);
  browser->authorize_uri = g_strdup (uri);

  redirect_uri = query_value (uri, "redirect_uri");
  redirect = g_uri_parse (redirect_uri, G_URI_FLAGS_NONE, NULL);
  g_assert_nonnull (redirect);
  g_assert_cmpstr (g_uri_get_host (redirect), ==, "127.0.0.1");
  g_assert_cmpstr (g_uri_get_path (redirect), ==, "/callback");
  browser->loopback_port = (guint) g_uri_get_port (redirect);
  g_assert_cmpuint (browser->loopback_port, >, 0);

  if (browser->cancel_on_open != NULL)
    {
      g_cancellable_cancel (browser->cancel_on_open);
      return;
    }

  if (browser->probe_first)
    {
      g_autofree char *state = query_value (uri, "state");
      g_autofree char *wrong = g_strdup_printf ("/callback?code=forged&state=%s", "not-the-state");

      g_assert_nonnull (state);
      browser_probe (browser, "/other?code=x", &browser->other_path_status);
      browser_probe (browser, wrong, &browser->wrong_state_status);
      return;
    }

  if (browser->follow)
    browser_follow (browser);
}

typedef struct
{
  gboolean  done;
  gpointer  result;
  GError   *error;
} Wait;

static void
authorize_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = starling_oauth_authorize_finish (STARLING_OAUTH (object), result, &wait->error);
  wait->done = TRUE;
}

static gboolean
watchdog_cb (gpointer user_data)
{
  /* What the code said while it hung, to see where. */
  g_autofree char *text = captured_text ();

  g_printerr ("%s", text);
  g_error ("The test hung");
  return G_SOURCE_REMOVE;
}

static void
run_until (gboolean *a,
           gboolean *b)
{
  guint watchdog = g_timeout_add_seconds (30, watchdog_cb, NULL);

  while (!*a || (b != NULL && !*b))
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (watchdog);
}

static void
assert_port_closed (guint port)
{
  g_autoptr (GSocketClient) client = g_socket_client_new ();
  g_autoptr (GSocketConnection) connection = NULL;
  g_autoptr (GError) error = NULL;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", (guint16) port, NULL, &error);
  g_assert_null (connection);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
}

/* PKCE */

static void
test_pkce_known_answer (void)
{
  /* RFC 7636 appendix B. */
  static const guint8 octets[] = {
    116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173,
    187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83,
    132, 141, 121
  };
  g_autofree char *verifier = starling_pkce_base64url_encode (octets, sizeof octets);
  g_autofree char *challenge = NULL;
  g_autofree char *empty = starling_pkce_base64url_encode ((const guint8 *) "", 0);
  g_autofree char *one = starling_pkce_base64url_encode ((const guint8 *) "\xfb\xff", 2);

  g_assert_cmpstr (verifier, ==, "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
  challenge = starling_pkce_challenge_s256 (verifier);
  g_assert_cmpstr (challenge, ==, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  g_assert_true (starling_pkce_verifier_is_valid (verifier));

  /* URL-safe alphabet, no padding. */
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (one, ==, "-_8");
}

static void
test_pkce_random (void)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  static const gsize lengths[] = { 43, 64, 128 };
  guint counts[256] = { 0 };
  guint total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    for (guint j = 0; j < 50; j++)
      {
        g_autoptr (GError) error = NULL;
        char *verifier = starling_pkce_new_verifier (lengths[i], &error);

        g_assert_no_error (error);
        g_assert_cmpuint (strlen (verifier), ==, lengths[i]);
        g_assert_true (starling_pkce_verifier_is_valid (verifier));
        for (const char *p = verifier; *p != '\0'; p++, total++)
          counts[(guint8) *p]++;
        g_assert_true (g_hash_table_add (seen, verifier));
      }

  /* All 66 characters turn up over ~11 000 draws, none far too often. */
  {
    guint used = 0;

    for (guint c = 0; c < 256; c++)
      if (counts[c] > 0)
        {
          used++;
          g_assert_cmpuint (counts[c], <, total / 66 * 2);
        }
    g_assert_cmpuint (used, ==, 66);
  }

  for (guint j = 0; j < 100; j++)
    {
      g_autoptr (GError) error = NULL;
      char *state = starling_pkce_new_state (&error);

      g_assert_no_error (error);
      g_assert_cmpuint (strlen (state), ==, 43);
      g_assert_true (starling_pkce_verifier_is_valid (state));
      g_assert_true (g_hash_table_add (seen, state));
    }

  g_assert_false (starling_pkce_verifier_is_valid (NULL));
  g_assert_false (starling_pkce_verifier_is_valid ("short"));
  g_assert_false (starling_pkce_verifier_is_valid ("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjX+"));
  g_assert_false (starling_pkce_verifier_is_valid ("dBjftJeZ4CVP mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
  {
    g_autofree char *long_one = g_strnfill (129, 'a');
    g_autofree char *max_one = g_strnfill (128, '~');

    g_assert_false (starling_pkce_verifier_is_valid (long_one));
    g_assert_true (starling_pkce_verifier_is_valid (max_one));
  }
}

/* The boxed types */

static void
test_credentials (void)
{
  g_autoptr (JsonNode) node = starling_test_load_json ("mastodon/application-credential-multi-redirect.json");
  g_autoptr (StarlingAppCredentials) credentials = NULL;
  g_autoptr (StarlingAppCredentials) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *stored = NULL;
  static const char * const broken[] = {
    "", "{}", "[]", "not json", "{\"version\":2,\"client_id\":\"a\",\"client_secret\":\"b\"}",
    "{\"version\":1,\"client_id\":\"a\"}", "{\"version\":1,\"client_id\":\"a b\",\"client_secret\":\"b\"}",
    "{\"version\":\"1\",\"client_id\":\"a\",\"client_secret\":\"b\"}",
  };

  credentials = starling_app_credentials_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (starling_app_credentials_get_client_id (credentials), ==, "TWhM-tNSuncnqN7DBJmoyeLnk6K3iJJ71KKXxgL1hPM");
  g_assert_cmpstr (starling_app_credentials_get_client_secret (credentials), ==, "ZEaFUFmF0umgBX1qKJDjaU99Q31lDkOU8NutzTOoliw");
  g_assert_cmpstr (starling_app_credentials_get_scopes (credentials), ==, "read write push");
  g_assert_cmpuint (g_strv_length ((GStrv) starling_app_credentials_get_redirect_uris (credentials)), ==, 2);
  g_assert_true (starling_app_credentials_has_redirect_uri (credentials, "https://app.example/register"));
  g_assert_false (starling_app_credentials_has_redirect_uri (credentials, STARLING_OAUTH_REDIRECT_OOB));
  g_assert_true (starling_app_credentials_has_scopes (credentials, "read push"));
  g_assert_false (starling_app_credentials_has_scopes (credentials, "read profile"));

  stored = starling_app_credentials_to_string (credentials);
  again = starling_app_credentials_new_from_string (stored, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (starling_app_credentials_get_client_id (again), ==, starling_app_credentials_get_client_id (credentials));
  g_assert_cmpstr (starling_app_credentials_get_client_secret (again), ==, starling_app_credentials_get_client_secret (credentials));
  g_assert_cmpstrv (starling_app_credentials_get_redirect_uris (again), starling_app_credentials_get_redirect_uris (credentials));
  g_assert_cmpstr (starling_app_credentials_get_scopes (again), ==, "read write push");

  /* The older single string of newline-separated URIs. */
  {
    g_autoptr (JsonNode) old = starling_json_parse ("{\"client_id\":\"a\",\"client_secret\":\"b\","
                                                    "\"redirect_uri\":\"urn:ietf:wg:oauth:2.0:oob\\nhttp://127.0.0.1/callback\","
                                                    "\"scopes\":\"read write\"}", -1, NULL);
    g_autoptr (StarlingAppCredentials) older = starling_app_credentials_new_from_json (old, &error);

    g_assert_no_error (error);
    g_assert_true (starling_app_credentials_has_redirect_uri (older, STARLING_OAUTH_REDIRECT_OOB));
    g_assert_true (starling_app_credentials_has_redirect_uri (older, STARLING_OAUTH_REDIRECT_LOOPBACK));
    g_assert_cmpstr (starling_app_credentials_get_scopes (older), ==, "read write");
  }

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr (GError) local_error = NULL;
      g_autoptr (StarlingAppCredentials) none = starling_app_credentials_new_from_string (broken[i], &local_error);

      g_assert_null (none);
      g_assert_error (local_error, STARLING_API_ERROR, STARLING_API_ERROR_MALFORMED);
    }
}

static void
test_token (void)
{
  g_autoptr (JsonNode) node = starling_test_load_json ("mastodon/token.json");
  g_autoptr (StarlingOAuthToken) token = NULL;
  g_autoptr (StarlingOAuthToken) again = NULL;
  g_autoptr (StarlingOAuthToken) pleroma = NULL;
  g_autoptr (JsonNode) pleroma_node = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *stored = NULL;
  static const char * const broken[] = {
    "[]", "{}", "{\"access_token\":\"\"}", "{\"access_token\":42}",
    "{\"access_token\":\"a b\"}", "{\"access_token\":\"abc\",\"token_type\":\"mac\"}",
  };

  token = starling_oauth_token_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (starling_oauth_token_get_access_token (token), ==, "ZA-Yj3aBD8U8Cm7lKUp-lm9O9BmDgdhHzDeqsY8tlL0");
  g_assert_cmpstr (starling_oauth_token_get_token_type (token), ==, "Bearer");
  g_assert_cmpstr (starling_oauth_token_get_scope (token), ==, "read write follow push");
  g_assert_cmpint (starling_oauth_token_get_created_at (token), ==, 1573979017);
  g_assert_cmpint (starling_oauth_token_get_expires_in (token), ==, -1);
  g_assert_null (starling_oauth_token_get_refresh_token (token));

  stored = starling_oauth_token_to_string (token);
  again = starling_oauth_token_new_from_string (stored, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (starling_oauth_token_get_access_token (again), ==, starling_oauth_token_get_access_token (token));
  g_assert_cmpint (starling_oauth_token_get_created_at (again), ==, 1573979017);

  /* Pleroma's shape: expiry, refresh token, a lowercase type. */
  pleroma_node = starling_json_parse ("{\"token_type\":\"bearer\",\"scope\":\"read write\","
                                      "\"refresh_token\":\"r-123\",\"me\":\"https://p.example/users/a\","
                                      "\"expires_in\":\"3600\",\"created_at\":1700000000,"
                                      "\"access_token\":\"a-456\",\"id\":7}", -1, NULL);
  pleroma = starling_oauth_token_new_from_json (pleroma_node, &error);
  g_assert_no_error (error);
  g_assert_cmpint (starling_oauth_token_get_expires_in (pleroma), ==, 3600);
  g_assert_cmpstr (starling_oauth_token_get_refresh_token (pleroma), ==, "r-123");
  g_clear_pointer (&stored, g_free);
  stored = starling_oauth_token_to_string (pleroma);
  g_clear_pointer (&again, starling_oauth_token_unref);
  again = starling_oauth_token_new_from_string (stored, &error);
  g_assert_no_error (error);
  g_assert_cmpint (starling_oauth_token_get_expires_in (again), ==, 3600);
  g_assert_cmpstr (starling_oauth_token_get_refresh_token (again), ==, "r-123");

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr (JsonNode) bad = starling_json_parse (broken[i], -1, NULL);
      g_autoptr (GError) local_error = NULL;
      g_autoptr (StarlingOAuthToken) none = starling_oauth_token_new_from_json (bad, &local_error);

      g_assert_null (none);
      g_assert_error (local_error, STARLING_API_ERROR, STARLING_API_ERROR_MALFORMED);
    }
}

/* The browser sign-in */

static void
duplicate_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Browser *browser = user_data;
  g_autoptr (GBytes) body = NULL;
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (object), result);

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);
  g_assert_nonnull (body);
  browser->duplicate_status = soup_message_get_status (message);
}

/* While the code is being exchanged, the same redirect comes a second time
 * (a reload): it must be refused. */
static void
send_duplicate_hook (FakeServer        *fake,
                     SoupServerMessage *message)
{
  Browser *browser = fake->hook_data;
  g_autofree char *state = query_value (browser->authorize_uri, "state");
  g_autofree char *uri = NULL;
  g_autoptr (SoupMessage) duplicate = NULL;

  uri = g_strdup_printf ("http://127.0.0.1:%u/callback?code=again&state=%s", browser->loopback_port, state);
  duplicate = soup_message_new ("GET", uri);
  soup_session_send_and_read_async (browser->session, duplicate, G_PRIORITY_DEFAULT, NULL,
                                    duplicate_cb, browser);
  fake->token_hook = NULL;
}

static StarlingOAuthToken *
run_browser_flow (FakeServer    *fake,
                  StarlingOAuth *oauth,
                  Browser       *browser,
                  gboolean       force_login)
{
  Wait wait = { 0 };

  browser->session = soup_session_new ();
  starling_oauth_authorize_async (oauth, force_login, open_uri_cb, browser, NULL,
                                  authorize_done_cb, &wait);
  run_until (&wait.done, &browser->done);
  g_assert_no_error (wait.error);
  g_assert_nonnull (wait.result);

  return wait.result;
}

static void
test_browser_flow (void)
{
  g_autoptr (FakeServer) fake = fake_server_new (METADATA_FULL);
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (StarlingOAuth) oauth = starling_oauth_new (session, fake->base);
  g_autoptr (StarlingOAuthToken) token = NULL;
  g_autofree char *expected_redirect = NULL;
  g_autofree char *challenge = NULL;
  Browser browser = { .follow = TRUE, .probe_first = TRUE };

  fake->token_hook = send_duplicate_hook;
  fake->hook_data = &browser;

  token = run_browser_flow (fake, oauth, &browser, TRUE);

  /* The registration. */
  g_assert_cmpuint (fake->registrations, ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (fake->app_form, "client_name"), ==, "Starling");
  g_assert_cmpstr (g_hash_table_lookup (fake->app_form, "redirect_uris"), ==,
                   "http://127.0.0.1/callback\nurn:ietf:wg:oauth:2.0:oob");
  g_assert_cmpstr (g_hash_table_lookup (fake->app_form, "scopes"), ==, "read write push profile");
  g_assert_cmpstr (g_hash_table_lookup (fake->app_form, "website"), ==, PACKAGE_WEBSITE);
  g_assert_nonnull (starling_oauth_get_credentials (oauth));
  g_assert_cmpstr (starling_app_credentials_get_client_id (starling_oauth_get_credentials (oauth)), ==, fake->client_id);
  g_assert_true (starling_oauth_get_supports_pkce (oauth));

  /* What the authorize page received. */
  expected_redirect = g_strdup_printf ("http://127.0.0.1:%u/callback", browser.loopback_port);
  g_assert_cmpstr (g_hash_table_lookup (fake->authorize_query, "response_type"), ==, "code");
  g_assert_cmpstr (g_hash_table_lookup (fake->authorize_query, "client_id"), ==, fake->client_id);
  g_assert_cmpstr (g_hash_table_lookup (fake->authorize_query, "redirect_uri"), ==, expected_redirect);
  g_assert_cmpstr (g_hash_table_lookup (fake->authorize_query, "scope"), ==, "read write push profile");
  g_assert_cmpstr (g_hash_table_lookup (fake->authorize_query, "code_challenge_method"), ==, "S256");
  g_assert_cmpstr (g_hash_table_lookup (fake->authorize_query, "force_login"), ==, "true");
  g_assert_cmpuint (strlen (g_hash_table_lookup (fake->authorize_query, "state")), >=, 43);

  /* What the token endpoint received: the verifier of that challenge. */
  g_assert_cmpuint (fake->token_requests, ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (fake->token_form, "grant_type"), ==, "authorization_code");
  g_assert_cmpstr (g_hash_table_lookup (fake->token_form, "client_secret"), ==, fake->client_secret);
  g_assert_cmpstr (g_hash_table_lookup (fake->token_form, "redirect_uri"), ==, expected_redirect);
  g_assert_true (starling_pkce_verifier_is_valid (g_hash_table_lookup (fake->token_form, "code_verifier")));
  challenge = s256 (g_hash_table_lookup (fake->token_form, "code_verifier"));
  g_assert_cmpstr (challenge, ==, g_hash_table_lookup (fake->authorize_query, "code_challenge"));

  /* The token, and what the browser showed. */
  g_assert_cmpstr (starling_oauth_token_get_access_token (token), ==, fake->access_token);
  g_assert_cmpstr (starling_oauth_token_get_scope (token), ==, "read write push profile");
  g_assert_cmpuint (browser.status, ==, 200);
  g_assert_nonnull (strstr (browser.page, "close this tab"));
  g_assert_null (strstr (browser.page, fake->access_token));

  /* The loopback server refused the other path, the wrong state and the
   * second redirect, and is closed now. */
  g_assert_cmpuint (browser.other_path_status, ==, 404);
  g_assert_cmpuint (browser.wrong_state_status, ==, 400);
  g_assert_cmpuint (browser.duplicate_status, ==, 409);
  assert_port_closed (browser.loopback_port);

  /* A second sign-in (another account) reuses the registration. */
  {
    Browser second = { .follow = TRUE };
    g_autoptr (StarlingOAuthToken) other = run_browser_flow (fake, oauth, &second, FALSE);

    g_assert_cmpuint (fake->registrations, ==, 1);
    g_assert_null (g_hash_table_lookup (fake->authorize_query, "force_login"));
    g_assert_cmpstr (starling_oauth_token_get_access_token (other), ==, fake->access_token);
    g_assert_cmpuint (second.loopback_port, !=, 0);
    assert_port_closed (second.loopback_port);
    browser_clear (&second);
  }

  browser_clear (&browser);
}

static void
test_no_metadata (gconstpointer user_data)
{
  MetadataMode mode = GPOINTER_TO_INT (user_data);
  g_autoptr (FakeServer) fake = fake_server_new (mode);
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (StarlingOAuth) oauth = starling_oauth_new (session, fake->base);
  g_autoptr (StarlingOAuthToken) token = NULL;
  Browser browser = { .follow = TRUE };

  token = run_browser_flow (fake, oauth, &browser, FALSE);

  g_assert_true (starling_oauth_get_discovered (oauth));
  g_assert_false (starling_oauth_get_supports_pkce (oauth));
  g_assert_null (g_hash_table_lookup (fake->authorize_query, "code_challenge"));
  g_assert_null (g_hash_table_lookup (fake->authorize_query, "code_challenge_method"));
  g_assert_null (g_hash_table_lookup (fake->token_form, "code_verifier"));
  g_assert_cmpstr (g_hash_table_lookup (fake->app_form, "scopes"), ==, "read write push");
  g_assert_cmpstr (g_hash_table_lookup (fake->authorize_query, "scope"), ==, "read write push");
  g_assert_cmpstr (starling_oauth_token_get_access_token (token), ==, fake->access_token);

  browser_clear (&browser);
}

static void
test_scopes_from_metadata (void)
{
  g_autoptr (FakeServer) fake = fake_server_new (METADATA_FEW_SCOPES);
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (StarlingOAuth) oauth = starling_oauth_new (session, fake->base);
  g_autoptr (StarlingOAuthToken) token = NULL;
  Browser browser = { .follow = TRUE };

  token = run_browser_flow (fake, oauth, &browser, FALSE);

  /* push and profile are not listed: not asked for. */
  g_assert_cmpstr (starling_oauth_get_scopes (oauth), ==, "read write");
  g_assert_cmpstr (g_hash_table_lookup (fake->app_form, "scopes"), ==, "read write");
  g_assert_cmpstr (g_hash_table_lookup (fake->authorize_query, "scope"), ==, "read write");
  g_assert_false (starling_oauth_get_supports_pkce (oauth));
  g_assert_null (g_hash_table_lookup (fake->authorize_query, "code_challenge"));

  browser_clear (&browser);
}

static void
test_access_denied (void)
{
  g_autoptr (FakeServer) fake = fake_server_new (METADATA_FULL);
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (StarlingOAuth) oauth = starling_oauth_new (session, fake->base);
  Browser browser = { .follow = TRUE };
  Wait wait = { 0 };

  fake->deny = TRUE;
  browser.session = soup_session_new ();
  starling_oauth_authorize_async (oauth, FALSE, open_uri_cb, &browser, NULL, authorize_done_cb, &wait);
  run_until (&wait.done, &browser.done);

  g_assert_null (wait.result);
  g_assert_error (wait.error, STARLING_API_ERROR, STARLING_API_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (wait.error->message, "cancelled in the browser"));
  g_assert_cmpuint (fake->token_requests, ==, 0);
  g_assert_cmpuint (browser.status, ==, 200);
  g_assert_nonnull (strstr (browser.page, "cancelled in the browser"));
  assert_port_closed (browser.loopback_port);

  g_clear_error (&wait.error);
  browser_clear (&browser);
}

static void
test_cancel (void)
{
  g_autoptr (FakeServer) fake = fake_server_new (METADATA_FULL);
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (StarlingOAuth) oauth = starling_oauth_new (session, fake->base);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  Browser browser = { .follow = FALSE };
  Wait wait = { 0 };

  /* The browser never comes back; the user presses Cancel. */
  browser.cancel_on_open = cancellable;
  starling_oauth_authorize_async (oauth, FALSE, open_uri_cb, &browser, cancellable,
                                  authorize_done_cb, &wait);
  run_until (&wait.done, NULL);

  g_assert_null (wait.result);
  g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (browser.loopback_port, >, 0);
  assert_port_closed (browser.loopback_port);
  g_assert_cmpuint (fake->token_requests, ==, 0);

  /* Cancelled before it starts: no browser at all. */
  {
    g_autoptr (GCancellable) already = g_cancellable_new ();
    Browser unused = { 0 };
    Wait second = { 0 };

    g_cancellable_cancel (already);
    starling_oauth_authorize_async (oauth, FALSE, open_uri_cb, &unused, already,
                                    authorize_done_cb, &second);
    run_until (&second.done, NULL);
    g_assert_error (second.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (unused.authorize_uri);
    g_clear_error (&second.error);
  }

  g_clear_error (&wait.error);
  browser_clear (&browser);
}

static void
test_registration_fallback (void)
{
  g_autoptr (FakeServer) fake = fake_server_new (METADATA_NONE);
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (StarlingOAuth) oauth = starling_oauth_new (session, fake->base);
  g_autoptr (StarlingOAuthToken) token = NULL;
  StarlingAppCredentials *credentials;
  Browser browser = { .follow = TRUE };

  fake->refuse_two_redirect_uris = TRUE;
  token = run_browser_flow (fake, oauth, &browser, FALSE);

  g_assert_cmpuint (fake->registrations, ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (fake->app_form, "redirect_uris"), ==, STARLING_OAUTH_REDIRECT_LOOPBACK);
  credentials = starling_oauth_get_credentials (oauth);
  g_assert_true (starling_app_credentials_has_redirect_uri (credentials, STARLING_OAUTH_REDIRECT_LOOPBACK));
  g_assert_false (starling_app_credentials_has_redirect_uri (credentials, STARLING_OAUTH_REDIRECT_OOB));
  g_assert_nonnull (token);

  /* Pasting a code needs the out-of-band registration. */
  {
    g_autoptr (GError) error = NULL;
    g_autofree char *uri = starling_oauth_get_oob_authorize_uri (oauth, FALSE, &error);

    g_assert_null (uri);
    g_assert_error (error, STARLING_API_ERROR, STARLING_API_ERROR_VALIDATION);
  }

  browser_clear (&browser);
}

static void
test_exact_port (void)
{
  g_autoptr (FakeServer) fake = fake_server_new (METADATA_NONE);
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (StarlingOAuth) oauth = starling_oauth_new (session, fake->base);
  g_autoptr (StarlingOAuthToken) token = NULL;
  g_autofree char *expected = NULL;
  Browser browser = { .follow = TRUE };

  /* Pleroma-like: the port must match what was registered. */
  fake->exact_port = TRUE;
  starling_oauth_set_exact_redirect_port (oauth, TRUE);
  token = run_browser_flow (fake, oauth, &browser, FALSE);

  expected = g_strdup_printf ("http://127.0.0.1:%u/callback\nurn:ietf:wg:oauth:2.0:oob", browser.loopback_port);
  g_assert_cmpstr (g_hash_table_lookup (fake->app_form, "redirect_uris"), ==, expected);
  g_assert_cmpstr (starling_oauth_token_get_access_token (token), ==, fake->access_token);

  browser_clear (&browser);
}

/* The out-of-band code */

typedef struct
{
  gboolean            done;
  StarlingOAuthToken *token;
  StarlingAccount    *account;
  gboolean            ok;
  GError             *error;
} Result;

static void
register_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Result *r = user_data;
  g_autoptr (StarlingAppCredentials) credentials = NULL;

  credentials = starling_oauth_register_finish (STARLING_OAUTH (object), result, &r->error);
  r->ok = credentials != NULL;
  r->done = TRUE;
}

static void
exchange_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Result *r = user_data;

  r->token = starling_oauth_exchange_code_finish (STARLING_OAUTH (object), result, &r->error);
  r->done = TRUE;
}

static void
fetch_page_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Result *r = user_data;
  g_autoptr (GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &r->error);

  r->ok = body != NULL;
  r->done = TRUE;
}

static void
exchange (StarlingOAuth *oauth,
          const char    *code,
          Result        *r)
{
  memset (r, 0, sizeof *r);
  starling_oauth_exchange_code_async (oauth, code, NULL, exchange_done_cb, r);
  run_until (&r->done, NULL);
}

static void
test_oob (void)
{
  g_autoptr (FakeServer) fake = fake_server_new (METADATA_FULL);
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (SoupSession) browser = soup_session_new ();
  g_autoptr (StarlingOAuth) oauth = starling_oauth_new (session, fake->base);
  g_autoptr (SoupMessage) page = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *redirect = NULL;
  g_autofree char *pasted = NULL;
  g_autofree char *challenge = NULL;
  g_autoptr (GError) error = NULL;
  Result r = { 0 };

  /* Not registered yet. */
  uri = starling_oauth_get_oob_authorize_uri (oauth, FALSE, &error);
  g_assert_null (uri);
  g_assert_error (error, STARLING_API_ERROR, STARLING_API_ERROR_FAILED);
  g_clear_error (&error);

  starling_oauth_register_async (oauth, NULL, register_done_cb, &r);
  run_until (&r.done, NULL);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);

  uri = starling_oauth_get_oob_authorize_uri (oauth, TRUE, &error);
  g_assert_no_error (error);
  redirect = query_value (uri, "redirect_uri");
  g_assert_cmpstr (redirect, ==, STARLING_OAUTH_REDIRECT_OOB);

  /* The user opens it; the server shows the code. */
  memset (&r, 0, sizeof r);
  page = soup_message_new ("GET", uri);
  soup_session_send_and_read_async (browser, page, G_PRIORITY_DEFAULT, NULL, fetch_page_cb, &r);
  run_until (&r.done, NULL);
  g_assert_no_error (r.error);
  g_assert_cmpstr (g_hash_table_lookup (fake->authorize_query, "force_login"), ==, "true");
  g_assert_nonnull (fake->code);

  /* Garbage is refused without asking the server. */
  exchange (oauth, "not a code", &r);
  g_assert_error (r.error, STARLING_API_ERROR, STARLING_API_ERROR_VALIDATION);
  g_assert_cmpuint (fake->token_requests, ==, 0);
  g_clear_error (&r.error);

  /* A wrong code is refused by the server, clearly. */
  exchange (oauth, "wrong-code", &r);
  g_assert_error (r.error, STARLING_API_ERROR, STARLING_API_ERROR_VALIDATION);
  g_assert_nonnull (strstr (r.error->message, "refused the sign-in code"));
  g_assert_cmpuint (starling_api_error_get_http_status (r.error), ==, 400);
  g_clear_error (&r.error);

  /* The pasted code, with the white space of a copy. */
  pasted = g_strdup_printf ("  %s\n", fake->code);
  exchange (oauth, pasted, &r);
  g_assert_no_error (r.error);
  g_assert_cmpstr (starling_oauth_token_get_access_token (r.token), ==, fake->access_token);
  g_assert_cmpstr (g_hash_table_lookup (fake->token_form, "redirect_uri"), ==, STARLING_OAUTH_REDIRECT_OOB);
  challenge = s256 (g_hash_table_lookup (fake->token_form, "code_verifier"));
  g_assert_cmpstr (challenge, ==, g_hash_table_lookup (fake->authorize_query, "code_challenge"));
  g_clear_pointer (&r.token, starling_oauth_token_unref);

  /* The code served once. */
  exchange (oauth, pasted, &r);
  g_assert_error (r.error, STARLING_API_ERROR, STARLING_API_ERROR_VALIDATION);
  g_clear_error (&r.error);
}

/* Token sign-in, verify, revoke */

static void
sign_in_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Result *r = user_data;

  r->account = starling_oauth_sign_in_with_token_finish (STARLING_OAUTH (object), result,
                                                         &r->token, &r->error);
  r->done = TRUE;
}

static void
verify_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Result *r = user_data;

  r->account = starling_oauth_verify_credentials_finish (STARLING_OAUTH (object), result, &r->error);
  r->done = TRUE;
}

static void
revoke_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Result *r = user_data;

  r->ok = starling_oauth_revoke_finish (STARLING_OAUTH (object), result, &r->error);
  r->done = TRUE;
}

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->token, starling_oauth_token_unref);
  g_clear_object (&r->account);
  g_clear_error (&r->error);
  memset (r, 0, sizeof *r);
}

static void
sign_in_with_token (StarlingOAuth *oauth,
                    const char    *token,
                    Result        *r)
{
  result_clear (r);
  starling_oauth_sign_in_with_token_async (oauth, token, NULL, sign_in_done_cb, r);
  run_until (&r->done, NULL);
}

static void
revoke_token (StarlingOAuth *oauth,
              const char    *token,
              Result        *r)
{
  result_clear (r);
  starling_oauth_revoke_async (oauth, token, NULL, revoke_done_cb, r);
  run_until (&r->done, NULL);
}

static void
test_token_sign_in (void)
{
  g_autoptr (FakeServer) fake = fake_server_new (METADATA_FULL);
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (StarlingOAuth) oauth = starling_oauth_new (session, fake->base);
  Result r = { 0 };

  sign_in_with_token (oauth, "  settings-token\n", &r);
  g_assert_no_error (r.error);
  g_assert_true (STARLING_IS_ACCOUNT (r.account));
  g_assert_cmpstr (starling_account_get_username (r.account), ==, "trwnh");
  g_assert_cmpstr (starling_oauth_token_get_access_token (r.token), ==, "settings-token");

  sign_in_with_token (oauth, "revoked-or-wrong", &r);
  g_assert_error (r.error, STARLING_API_ERROR, STARLING_API_ERROR_UNAUTHORIZED);
  g_assert_null (r.account);
  g_assert_null (r.token);

  sign_in_with_token (oauth, "   ", &r);
  g_assert_error (r.error, STARLING_API_ERROR, STARLING_API_ERROR_VALIDATION);

  sign_in_with_token (oauth, "two words", &r);
  g_assert_error (r.error, STARLING_API_ERROR, STARLING_API_ERROR_VALIDATION);

  /* Plain http to a real host is refused before anything is sent. */
  {
    g_autoptr (StarlingOAuth) insecure = starling_oauth_new (session, "http://mastodon.example");

    result_clear (&r);
    starling_oauth_verify_credentials_async (insecure, "settings-token", NULL, verify_done_cb, &r);
    run_until (&r.done, NULL);
    g_assert_error (r.error, STARLING_API_ERROR, STARLING_API_ERROR_INSECURE);
  }

  result_clear (&r);
}

static void
test_revoke (void)
{
  g_autoptr (FakeServer) fake = fake_server_new (METADATA_FULL);
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (StarlingOAuth) oauth = starling_oauth_new (session, fake->base);
  g_autoptr (StarlingOAuthToken) token = NULL;
  g_autofree char *access_token = NULL;
  Browser browser = { .follow = TRUE };
  Result r = { 0 };

  /* Without a registration there is nothing to revoke with. */
  revoke_token (oauth, "settings-token", &r);
  g_assert_error (r.error, STARLING_API_ERROR, STARLING_API_ERROR_FORBIDDEN);

  token = run_browser_flow (fake, oauth, &browser, FALSE);
  access_token = g_strdup (starling_oauth_token_get_access_token (token));

  result_clear (&r);
  starling_oauth_verify_credentials_async (oauth, access_token, NULL, verify_done_cb, &r);
  run_until (&r.done, NULL);
  g_assert_no_error (r.error);
  g_assert_cmpstr (starling_account_get_acct (r.account), ==, "trwnh");

  revoke_token (oauth, access_token, &r);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  g_assert_true (fake->revoked);
  g_assert_cmpstr (g_hash_table_lookup (fake->revoke_form, "client_id"), ==, fake->client_id);
  g_assert_cmpstr (g_hash_table_lookup (fake->revoke_form, "client_secret"), ==, fake->client_secret);
  g_assert_cmpstr (g_hash_table_lookup (fake->revoke_form, "token"), ==, access_token);

  /* Revoked: the server no longer takes it. */
  result_clear (&r);
  starling_oauth_verify_credentials_async (oauth, access_token, NULL, verify_done_cb, &r);
  run_until (&r.done, NULL);
  g_assert_error (r.error, STARLING_API_ERROR, STARLING_API_ERROR_UNAUTHORIZED);

  /* Again: idempotent. */
  revoke_token (oauth, access_token, &r);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);

  /* A token of another app: the server refuses, and says so. */
  revoke_token (oauth, "settings-token", &r);
  g_assert_error (r.error, STARLING_API_ERROR, STARLING_API_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (r.error->message, "server’s settings"));

  /* No revoke endpoint: nothing to do. */
  fake->no_revoke = TRUE;
  revoke_token (oauth, access_token, &r);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);

  result_clear (&r);
  browser_clear (&browser);
}

/* Logs */

static GLogWriterOutput
capture_writer (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  g_mutex_lock (&captured_lock);
  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "MESSAGE") || g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        {
          if (fields[i].length < 0)
            g_string_append (captured_log, fields[i].value);
          else
            g_string_append_len (captured_log, fields[i].value, fields[i].length);
          g_string_append_c (captured_log, ' ');
        }
    }
  g_string_append_c (captured_log, '\n');
  g_mutex_unlock (&captured_lock);

  /* Debug output would end up in the TAP stream; the rest goes on. */
  if (level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO | G_LOG_LEVEL_MESSAGE))
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (level, fields, n_fields, user_data);
}

static void
test_no_secret_in_logs (void)
{
  g_autoptr (FakeServer) fake = fake_server_new (METADATA_FULL);
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (StarlingOAuth) oauth = starling_oauth_new (session, fake->base);
  g_autoptr (StarlingOAuthToken) token = NULL;
  g_autoptr (SoupSession) page_session = soup_session_new ();
  g_autoptr (SoupMessage) page = NULL;
  g_autofree char *oob_uri = NULL;
  g_autofree char *state = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *logged = NULL;
  Browser browser = { .follow = TRUE };
  Result r = { 0 };

  g_mutex_lock (&captured_lock);
  g_string_truncate (captured_log, 0);
  g_mutex_unlock (&captured_lock);

  /* Every path: browser, a wrong code, the pasted code, a token sign-in
   * that fails and one that works, verify, revoke. */
  token = run_browser_flow (fake, oauth, &browser, TRUE);
  state = query_value (browser.authorize_uri, "state");
  g_ptr_array_add (fake->secrets, g_strdup (state));

  oob_uri = starling_oauth_get_oob_authorize_uri (oauth, FALSE, NULL);
  g_assert_nonnull (oob_uri);
  page = soup_message_new ("GET", oob_uri);
  soup_session_send_and_read_async (page_session, page, G_PRIORITY_DEFAULT, NULL, fetch_page_cb, &r);
  run_until (&r.done, NULL);
  g_assert_no_error (r.error);
  g_ptr_array_add (fake->secrets, g_strdup (fake->code));

  exchange (oauth, "wrong-code-1234", &r);
  g_assert_nonnull (r.error);
  g_ptr_array_add (fake->secrets, g_strdup ("wrong-code-1234"));
  result_clear (&r);
  exchange (oauth, fake->code, &r);
  g_assert_no_error (r.error);
  result_clear (&r);

  sign_in_with_token (oauth, "bad-token-5678", &r);
  g_assert_nonnull (r.error);
  g_ptr_array_add (fake->secrets, g_strdup ("bad-token-5678"));
  sign_in_with_token (oauth, "settings-token", &r);
  g_assert_no_error (r.error);
  revoke_token (oauth, fake->access_token, &r);
  g_assert_no_error (r.error);
  revoke_token (oauth, "settings-token", &r);
  g_assert_nonnull (r.error);
  result_clear (&r);

  /* Something was logged, so the capture works... */
  logged = captured_text ();
  g_assert_nonnull (strstr (logged, "starling-api"));
  g_assert_nonnull (strstr (logged, "/oauth/token"));
  g_assert_nonnull (strstr (logged, "loopback"));

  /* ...and no secret is in it. */
  g_assert_cmpuint (fake->secrets->len, >=, 8);
  for (guint i = 0; i < fake->secrets->len; i++)
    {
      const char *secret = g_ptr_array_index (fake->secrets, i);

      if (strstr (logged, secret) != NULL)
        g_error ("A secret reached the log: %s", secret);
    }
  g_assert_null (strstr (logged, "settings-token"));
  g_assert_null (strstr (logged, "Bearer"));

  browser_clear (&browser);
}

int
main (int   argc,
      char *argv[])
{
  captured_log = g_string_new (NULL);
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_log_set_writer_func (capture_writer, NULL, NULL);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/starling/oauth/pkce-known-answer", test_pkce_known_answer);
  g_test_add_func ("/starling/oauth/pkce-random", test_pkce_random);
  g_test_add_func ("/starling/oauth/credentials", test_credentials);
  g_test_add_func ("/starling/oauth/token", test_token);
  g_test_add_func ("/starling/oauth/browser-flow", test_browser_flow);
  g_test_add_data_func ("/starling/oauth/no-metadata", GINT_TO_POINTER (METADATA_NONE), test_no_metadata);
  g_test_add_data_func ("/starling/oauth/junk-metadata", GINT_TO_POINTER (METADATA_JUNK), test_no_metadata);
  g_test_add_func ("/starling/oauth/scopes-from-metadata", test_scopes_from_metadata);
  g_test_add_func ("/starling/oauth/access-denied", test_access_denied);
  g_test_add_func ("/starling/oauth/cancel", test_cancel);
  g_test_add_func ("/starling/oauth/registration-fallback", test_registration_fallback);
  g_test_add_func ("/starling/oauth/exact-port", test_exact_port);
  g_test_add_func ("/starling/oauth/oob", test_oob);
  g_test_add_func ("/starling/oauth/token-sign-in", test_token_sign_in);
  g_test_add_func ("/starling/oauth/revoke", test_revoke);
  g_test_add_func ("/starling/oauth/no-secret-in-logs", test_no_secret_in_logs);

  return g_test_run ();
}
