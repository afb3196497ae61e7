/* test-account-manager.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * StarlingAccountManager against the real demo instance on loopback, a
 * real database file and a real GNOME Keyring in a D-Bus session of its
 * own (tests/with-keyring.sh). Tokens come from the demo's own OAuth: the
 * out-of-band code, approved as a browser would, then exchanged.
 */

#define _GNU_SOURCE

#include "config.h"

#include <string.h>

#include <libsecret/secret.h>

#include "api/starling-account-manager.h"
#include "api/starling-api-error.h"
#include "api/starling-session.h"
#include "demo/starling-demo-server.h"
#include "store/starling-store-error.h"

#include "starling-test-common.h"

#define SEED 4242
#define WATCHDOG_SECONDS 30

/* Everything logged while the tests run, to check that no secret is. */
static GString *captured_log;
static GMutex captured_lock;

static void
capture_append (const char *text)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&captured_lock);

  g_string_append (captured_log, text);
}

static GLogFunc previous_handler;

static void
capture_handler (const char     *log_domain,
                 GLogLevelFlags  level,
                 const char     *message,
                 gpointer        user_data)
{
  g_autofree char *line = g_strdup_printf ("%s: %s\n", log_domain != NULL ? log_domain : "", message);

  capture_append (line);

  /* Debug output would only clutter the TAP stream. */
  if (level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO | G_LOG_LEVEL_MESSAGE))
    return;

  previous_handler (log_domain, level, message, user_data);
}

static void
assert_not_logged (const char *secret)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&captured_lock);

  g_assert_nonnull (secret);
  g_assert_null (strstr (captured_log->str, secret));
}

static gsize
log_length (void)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&captured_lock);

  return captured_log->len;
}

/* How often @text was logged since @offset. */
static guint
count_logged_since (gsize       offset,
                    const char *text)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&captured_lock);
  const char *at = captured_log->str + offset;
  guint count = 0;

  while ((at = strstr (at, text)) != NULL)
    {
      count++;
      at += strlen (text);
    }

  return count;
}

/* Waiting */

static gboolean
watchdog_cb (gpointer user_data)
{
  g_error ("The test hung waiting for %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

static gboolean
tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the main context (the demo server, the manager and every
 * callback live there) until @cond holds. */
#define WAIT_UNTIL(cond, what) \
  G_STMT_START { \
    guint watchdog_ = g_timeout_add_seconds (WATCHDOG_SECONDS, watchdog_cb, (gpointer) (what)); \
    guint tick_ = g_timeout_add (20, tick_cb, NULL); \
    while (!(cond)) \
      g_main_context_iteration (NULL, TRUE); \
    g_source_remove (tick_); \
    g_source_remove (watchdog_); \
  } G_STMT_END

/* The store, the database, the demo */

static StarlingSecret *
lookup_secret (StarlingSecretKind  kind,
               const char         *key,
               GError            **error)
{
  g_autoptr (StarlingSecretStore) store = starling_secret_store_new ();
  g_autoptr (GAsyncResult) result = NULL;

  starling_secret_store_lookup_async (store, kind, key, NULL, starling_test_result_cb, &result);
  return starling_secret_store_lookup_finish (store, starling_test_wait_result (&result), error);
}

static char *
database_path (const char *suffix)
{
  g_autofree char *name = g_strdup (g_test_get_path ());

  g_strdelimit (name, "/", '_');
  return g_build_filename (g_get_user_data_dir (), "starling-tests", name, suffix, "starling.db", NULL);
}

static StarlingDatabase *
open_database (const char *path)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  StarlingDatabase *db;

  starling_database_open_async (path, NULL, starling_test_result_cb, &result);
  db = starling_database_open_finish (starling_test_wait_result (&result), &error);
  g_assert_no_error (error);
  return db;
}

/* The database finalizes once the worker handed its last tasks back. */
static void
close_database (StarlingDatabase *db)
{
  g_object_add_weak_pointer (G_OBJECT (db), (gpointer *) &db);
  g_object_unref (db);
  WAIT_UNTIL (db == NULL, "the database to close");
}

static GPtrArray *
list_accounts (StarlingDatabase *db)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *accounts;

  starling_database_list_accounts_async (db, NULL, starling_test_result_cb, &result);
  accounts = starling_database_list_accounts_finish (db, starling_test_wait_result (&result), &error);
  g_assert_no_error (error);
  return accounts;
}

static const StarlingStoredAccount *
find_stored (GPtrArray  *accounts,
             const char *handle)
{
  for (guint i = 0; i < accounts->len; i++)
    {
      const StarlingStoredAccount *account = g_ptr_array_index (accounts, i);

      if (g_strcmp0 (account->handle, handle) == 0)
        return account;
    }

  return NULL;
}

static StarlingDemoServer *
start_demo (void)
{
  g_autoptr (GError) error = NULL;
  StarlingDemoServer *server = starling_demo_server_new (SEED);

  g_assert_true (starling_demo_server_start (server, &error));
  g_assert_no_error (error);
  return server;
}

static StarlingAccountManager *
new_manager (SoupSession         *session,
             StarlingDatabase    *db,
             StarlingSecretStore *store)
{
  return starling_account_manager_new (session, db, store);
}

static void
load (StarlingAccountManager *manager)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  starling_account_manager_load_async (manager, NULL, starling_test_result_cb, &result);
  g_assert_true (starling_account_manager_load_finish (manager, starling_test_wait_result (&result), &error));
  g_assert_no_error (error);
}

/* Lets go of a manager: every session and stream it started goes with it. */
static void
drop_manager (StarlingAccountManager *manager)
{
  g_object_add_weak_pointer (G_OBJECT (manager), (gpointer *) &manager);
  g_object_unref (manager);
  WAIT_UNTIL (manager == NULL, "the manager to go");
}

static StarlingAccountSession *
session_at (StarlingAccountManager *manager,
            guint                   position)
{
  g_autoptr (StarlingAccountSession) session = g_list_model_get_item (G_LIST_MODEL (manager), position);

  g_assert_nonnull (session);
  return session;
}

/* What a sign-in through the demo's OAuth gave. */
typedef struct
{
  char *access_token;
  char *client_secret;
  char *code;
} Issued;

static void
issued_clear (Issued *issued)
{
  g_clear_pointer (&issued->access_token, g_free);
  g_clear_pointer (&issued->client_secret, g_free);
  g_clear_pointer (&issued->code, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Issued, issued_clear)

static char *
bytes_text (GBytes *bytes)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data != NULL ? data : "", size);
}

/* The user approves on the authorize page; the page shows the code. */
static char *
approve (const char *authorize_uri)
{
  g_autoptr (GUri) parsed = g_uri_parse (authorize_uri, G_URI_FLAGS_ENCODED_QUERY, NULL);
  g_autoptr (GHashTable) form = NULL;
  g_autoptr (SoupSession) browser = soup_session_new ();
  g_autoptr (SoupMessage) message = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *page = NULL;
  g_autofree char *action = NULL;
  const char *marker = "class=\"oauth-code\" readonly value=\"";
  const char *start;
  const char *end;

  g_assert_nonnull (parsed);
  form = g_uri_parse_params (g_uri_get_query (parsed), -1, "&", G_URI_PARAMS_WWW_FORM, NULL);
  g_assert_nonnull (form);
  g_hash_table_insert (form, g_strdup ("button"), g_strdup ("approve"));

  action = g_uri_join (G_URI_FLAGS_NONE, g_uri_get_scheme (parsed), NULL, g_uri_get_host (parsed),
                       g_uri_get_port (parsed), g_uri_get_path (parsed), NULL, NULL);
  message = soup_message_new_from_encoded_form (SOUP_METHOD_POST, action, soup_form_encode_hash (form));
  soup_session_send_and_read_async (browser, message, G_PRIORITY_DEFAULT, NULL, starling_test_result_cb, &result);
  body = soup_session_send_and_read_finish (browser, starling_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, SOUP_STATUS_OK);

  page = bytes_text (body);
  start = strstr (page, marker);
  g_assert_nonnull (start);
  start += strlen (marker);
  end = strchr (start, '"');
  g_assert_nonnull (end);

  return g_strndup (start, end - start);
}

/* Signs in to @server through the manager's prepared OAuth: registration
 * (kept in the keyring), the authorize page, the code, the token. */
static void
sign_in (StarlingAccountManager *manager,
         StarlingDemoServer     *server,
         Issued                 *out)
{
  g_autoptr (StarlingOAuth) oauth = NULL;
  g_autoptr (StarlingOAuthToken) token = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = NULL;

  starling_account_manager_prepare_oauth_async (manager, starling_demo_server_get_base_uri (server), NULL,
                                                starling_test_result_cb, &result);
  oauth = starling_account_manager_prepare_oauth_finish (manager, starling_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (oauth);
  g_clear_object (&result);
  g_assert_true (starling_oauth_get_discovered (oauth));
  g_assert_nonnull (starling_oauth_get_credentials (oauth));

  uri = starling_oauth_get_oob_authorize_uri (oauth, FALSE, &error);
  g_assert_no_error (error);
  out->code = approve (uri);
  out->client_secret = g_strdup (starling_app_credentials_get_client_secret (starling_oauth_get_credentials (oauth)));

  starling_oauth_exchange_code_async (oauth, out->code, NULL, starling_test_result_cb, &result);
  token = starling_oauth_exchange_code_finish (oauth, starling_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (token);
  out->access_token = g_strdup (starling_oauth_token_get_access_token (token));
}

static StarlingAccountSession *
add (StarlingAccountManager  *manager,
     StarlingDemoServer      *server,
     const char              *token,
     GError                 **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  starling_account_manager_add_async (manager, starling_demo_server_get_base_uri (server), token, NULL,
                                      starling_test_result_cb, &result);
  return starling_account_manager_add_finish (manager, starling_test_wait_result (&result), error);
}

static gboolean
remove_account (StarlingAccountManager  *manager,
                StarlingAccountSession  *session,
                GError                 **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  starling_account_manager_remove_async (manager, session, NULL, starling_test_result_cb, &result);
  return starling_account_manager_remove_finish (manager, starling_test_wait_result (&result), error);
}

/* The brand account's handle, as the test expects it: its username, as the
 * demo says, at the loopback address and port. */
static char *
demo_handle (StarlingDemoServer *server)
{
  g_autoptr (GUri) uri = g_uri_parse (starling_demo_server_get_base_uri (server), G_URI_FLAGS_NONE, NULL);
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (StarlingOAuth) oauth = starling_oauth_new (session, starling_demo_server_get_base_uri (server));
  g_autofree char *token = starling_demo_server_create_token (server, "read");
  g_autoptr (StarlingAccount) brand = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  starling_oauth_verify_credentials_async (oauth, token, NULL, starling_test_result_cb, &result);
  brand = starling_oauth_verify_credentials_finish (oauth, starling_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (starling_account_get_username (brand));

  return g_strdup_printf ("%s@127.0.0.1:%d", starling_account_get_username (brand), g_uri_get_port (uri));
}

static gboolean
streaming_connected (StarlingAccountSession *session)
{
  StarlingStreaming *streaming = starling_account_session_get_streaming (session);

  return streaming != NULL && starling_streaming_get_state (streaming) == STARLING_STREAMING_STATE_CONNECTED;
}

static void
assert_in_no_file (const char *secret)
{
  const char *folders[] = {
    g_getenv ("STARLING_TEST_ROOT"), g_get_home_dir (), g_get_user_data_dir (),
    g_get_user_config_dir (), g_get_user_cache_dir (), g_get_user_runtime_dir (),
  };
  guint n_files = 0;

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    if (folders[i] != NULL)
      g_assert_cmpuint (starling_test_count_files_holding (folders[i], secret, &n_files), ==, 0);

  /* The scan did read something: the database and the keyring's file. */
  g_assert_cmpuint (n_files, >, 1);
}

/* The tests */

static void
test_handle (void)
{
  static const struct {
    const char *base_uri;
    const char *username;
    const char *handle;
  } cases[] = {
    { "https://mastodon.social", "alice", "alice@mastodon.social" },
    { "https://Mastodon.SOCIAL", "Alice", "Alice@mastodon.social" },
    { "https://mastodon.social:443", "alice", "alice@mastodon.social" },
    { "https://example.org:8443", "bob", "bob@example.org:8443" },
    { "http://127.0.0.1:8080", "brand", "brand@127.0.0.1:8080" },
    { "http://127.0.0.1:80", "brand", "brand@127.0.0.1" },
    { "http://[::1]:3000", "brand", "brand@[::1]:3000" },
    { "https://social.example", "", NULL },
    { "https://social.example", "a@b", NULL },
    { "not an address", "alice", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *handle = starling_account_manager_make_handle (cases[i].base_uri, cases[i].username);

      g_assert_cmpstr (handle, ==, cases[i].handle);
    }
}

/* Add → token in the keyring → a new manager loads it READY. */
static void
test_add_and_load (void)
{
  g_autoptr (StarlingDemoServer) server = start_demo ();
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (StarlingSecretStore) store = starling_secret_store_new ();
  g_autofree char *path = database_path (NULL);
  g_autofree char *handle = demo_handle (server);
  g_autoptr (StarlingSecret) kept = NULL;
  g_autoptr (StarlingSecret) credentials = NULL;
  g_autoptr (GPtrArray) accounts = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (Issued) issued = { 0 };
  StarlingDatabase *db = open_database (path);
  StarlingAccountManager *manager = new_manager (session, db, store);
  StarlingAccountSession *added;
  StarlingAccountSession *loaded;
  StarlingStreaming *streaming;

  load (manager);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 0);
  g_assert_null (starling_account_manager_get_active (manager));

  sign_in (manager, server, &issued);
  added = add (manager, server, issued.access_token, &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  g_assert_cmpstr (starling_account_session_get_handle (added), ==, handle);
  g_assert_cmpstr (starling_account_session_get_base_uri (added), ==, starling_demo_server_get_base_uri (server));
  g_assert_cmpint (starling_account_session_get_state (added), ==, STARLING_ACCOUNT_STATE_READY);
  g_assert_nonnull (starling_account_session_get_client (added));
  g_assert_nonnull (starling_account_session_get_account (added));
  g_assert_cmpstr (starling_entity_get_id (STARLING_ENTITY (starling_account_session_get_account (added))), ==,
                   starling_demo_server_get_brand_id (server));
  g_assert_true (starling_account_manager_get_active (manager) == added);
  g_assert_true (starling_account_manager_lookup (manager, handle) == added);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 1);

  /* The token and the registration are in the keyring, and only there. */
  kept = lookup_secret (STARLING_SECRET_ACCESS_TOKEN, handle, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept, ==, issued.access_token);
  credentials = lookup_secret (STARLING_SECRET_CLIENT_CREDENTIALS, starling_demo_server_get_base_uri (server), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (credentials, issued.client_secret));

  accounts = list_accounts (db);
  g_assert_cmpuint (accounts->len, ==, 1);
  g_assert_cmpstr (find_stored (accounts, handle)->account_id, ==, starling_demo_server_get_brand_id (server));
  g_assert_false (find_stored (accounts, handle)->needs_sign_in);

  /* The manager starts the account's stream, on the user stream. */
  WAIT_UNTIL (streaming_connected (added), "the stream");
  streaming = starling_account_session_get_streaming (added);
  g_assert_true (starling_streaming_is_subscribed (streaming, "user", NULL));
  drop_manager (manager);

  /* A new start: the account is READY again, with the same handle, and
   * active. */
  manager = new_manager (session, db, store);
  load (manager);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 1);
  loaded = session_at (manager, 0);
  g_assert_cmpstr (starling_account_session_get_handle (loaded), ==, handle);
  g_assert_cmpint (starling_account_session_get_state (loaded), ==, STARLING_ACCOUNT_STATE_READY);
  g_assert_nonnull (starling_account_session_get_client (loaded));
  g_assert_true (starling_account_manager_get_active (manager) == loaded);
  g_assert_nonnull (starling_account_session_get_display_name (loaded));

  /* It is verified in the background, and streams. */
  WAIT_UNTIL (starling_account_session_get_account (loaded) != NULL, "the verified account");
  WAIT_UNTIL (streaming_connected (loaded), "the stream");

  drop_manager (manager);
  close_database (db);
  starling_demo_server_stop (server);
  assert_not_logged (issued.access_token);
  assert_not_logged (issued.client_secret);
  assert_not_logged (issued.code);
}

static char *
handles_of (StarlingAccountManager *manager)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (manager)); i++)
    g_string_append_printf (text, "%s%s", i > 0 ? " " : "",
                            starling_account_session_get_handle (session_at (manager, i)));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

/* Two accounts, their order, moving one, the active one. */
static void
test_two_accounts (void)
{
  g_autoptr (StarlingDemoServer) first = start_demo ();
  g_autoptr (StarlingDemoServer) second = start_demo ();
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (StarlingSecretStore) store = starling_secret_store_new ();
  g_autofree char *path = database_path (NULL);
  g_autofree char *first_handle = demo_handle (first);
  g_autofree char *second_handle = demo_handle (second);
  g_autofree char *expected = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *reloaded = NULL;
  g_autofree char *swapped = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingAccountSession) a = NULL;
  g_autoptr (StarlingAccountSession) b = NULL;
  g_auto (Issued) issued_a = { 0 };
  g_auto (Issued) issued_b = { 0 };
  StarlingDatabase *db = open_database (path);
  StarlingAccountManager *manager = new_manager (session, db, store);
  guint changes = 0;

  load (manager);
  g_signal_connect (manager, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  sign_in (manager, first, &issued_a);
  a = add (manager, first, issued_a.access_token, &error);
  g_assert_no_error (error);
  sign_in (manager, second, &issued_b);
  b = add (manager, second, issued_b.access_token, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 2);

  /* New accounts go last; the last added is active. */
  expected = g_strdup_printf ("%s %s", first_handle, second_handle);
  {
    g_autofree char *order = handles_of (manager);
    g_assert_cmpstr (order, ==, expected);
  }
  g_assert_true (starling_account_manager_get_active (manager) == b);

  /* Moving, in the list at once and in the file. */
  starling_account_manager_move_async (manager, b, 0, NULL, starling_test_result_cb, &result);
  g_assert_cmpuint (changes, ==, 3);
  g_assert_true (starling_account_manager_move_finish (manager, starling_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  moved = handles_of (manager);
  swapped = g_strdup_printf ("%s %s", second_handle, first_handle);
  g_assert_cmpstr (moved, ==, swapped);

  starling_account_manager_set_active (manager, a);
  g_assert_true (starling_account_manager_get_active (manager) == a);
  g_signal_handlers_disconnect_by_func (manager, items_changed_cb, &changes);
  drop_manager (manager);

  /* A restart keeps the order and the active account. */
  manager = new_manager (session, db, store);
  load (manager);
  reloaded = handles_of (manager);
  g_assert_cmpstr (reloaded, ==, moved);
  g_assert_cmpstr (starling_account_session_get_handle (starling_account_manager_get_active (manager)), ==,
                   first_handle);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpint (starling_account_session_get_state (session_at (manager, i)), ==, STARLING_ACCOUNT_STATE_READY);

  /* Removing the active one makes another active. */
  g_assert_true (remove_account (manager, starling_account_manager_get_active (manager), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 1);
  g_assert_cmpstr (starling_account_session_get_handle (starling_account_manager_get_active (manager)), ==,
                   second_handle);

  drop_manager (manager);
  close_database (db);
  starling_demo_server_stop (first);
  starling_demo_server_stop (second);
}

static gboolean
revoke_on_server (StarlingDemoServer *server,
                  SoupSession        *session,
                  const char         *token)
{
  g_autoptr (StarlingOAuth) oauth = starling_oauth_new (session, starling_demo_server_get_base_uri (server));
  g_autoptr (StarlingSecret) text = NULL;
  g_autoptr (StarlingAppCredentials) credentials = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  text = lookup_secret (STARLING_SECRET_CLIENT_CREDENTIALS, starling_demo_server_get_base_uri (server), &error);
  g_assert_no_error (error);
  credentials = starling_app_credentials_new_from_string (text, &error);
  g_assert_no_error (error);
  starling_oauth_set_credentials (oauth, credentials);
  starling_oauth_revoke_async (oauth, token, NULL, starling_test_result_cb, &result);
  return starling_oauth_revoke_finish (oauth, starling_test_wait_result (&result), &error);
}

static void
save_cache (StarlingDatabase *db,
            const char       *handle)
{
  g_autoptr (GPtrArray) page = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (StarlingStoredDraft) draft = starling_stored_draft_new (handle, "Not lost");
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  g_ptr_array_add (page, g_strdup ("{\"id\":\"1\"}"));
  g_ptr_array_add (page, g_strdup ("{\"id\":\"2\"}"));
  starling_database_save_timeline_async (db, handle, "home", page, NULL, starling_test_result_cb, &result);
  g_assert_true (starling_database_write_finish (db, starling_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  starling_database_save_draft_async (db, draft, NULL, starling_test_result_cb, &result);
  g_assert_cmpint (starling_database_save_draft_finish (db, starling_test_wait_result (&result), &error), >, 0);
  g_assert_no_error (error);
}

static void
assert_cache_kept (StarlingDatabase *db,
                   const char       *handle)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) page = NULL;
  g_autoptr (GPtrArray) drafts = NULL;

  starling_database_load_timeline_async (db, handle, "home", NULL, starling_test_result_cb, &result);
  page = starling_database_load_timeline_finish (db, starling_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 2);
  g_clear_object (&result);

  starling_database_list_drafts_async (db, handle, NULL, starling_test_result_cb, &result);
  drafts = starling_database_list_drafts_finish (db, starling_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
}

static gboolean
needs_sign_in (StarlingAccountSession *session)
{
  return starling_account_session_get_state (session) == STARLING_ACCOUNT_STATE_NEEDS_SIGN_IN;
}

static gboolean
stored_needs_sign_in (StarlingDatabase *db,
                      const char       *handle)
{
  g_autoptr (GPtrArray) accounts = list_accounts (db);
  const StarlingStoredAccount *stored = find_stored (accounts, handle);

  g_assert_nonnull (stored);
  return stored->needs_sign_in;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* The demo revokes the token: the account needs sign-in, in its state and
 * in the file; the account and its cache stay; signing in again brings it
 * back in its place. */
static void
test_token_refused (void)
{
  g_autoptr (StarlingDemoServer) server = start_demo ();
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (StarlingSecretStore) store = starling_secret_store_new ();
  g_autofree char *path = database_path (NULL);
  g_autofree char *handle = demo_handle (server);
  g_autoptr (StarlingAccountSession) added = NULL;
  g_autoptr (StarlingAccountSession) again = NULL;
  g_autoptr (StarlingPage) page = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (Issued) issued = { 0 };
  g_auto (Issued) renewed = { 0 };
  StarlingDatabase *db = open_database (path);
  StarlingAccountManager *manager = new_manager (session, db, store);
  StarlingAccountManager *restarted;
  StarlingAccountSession *loaded;
  StarlingClient *old_client;
  guint verifications;
  guint client_notifies = 0;
  guint state_notifies = 0;

  load (manager);
  sign_in (manager, server, &issued);
  added = add (manager, server, issued.access_token, &error);
  g_assert_no_error (error);
  save_cache (db, handle);
  WAIT_UNTIL (streaming_connected (added), "the stream");

  g_assert_true (revoke_on_server (server, session, issued.access_token));

  /* A start with the revoked token: READY from the keyring, then refused
   * by the server when it verifies. */
  restarted = new_manager (session, db, store);
  load (restarted);
  loaded = session_at (restarted, 0);
  WAIT_UNTIL (needs_sign_in (loaded), "the refused token");
  g_assert_error (starling_account_session_get_error (loaded), STARLING_API_ERROR, STARLING_API_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (starling_account_session_get_error (loaded)->message, handle));
  WAIT_UNTIL (stored_needs_sign_in (db, handle), "the file to say so");
  assert_cache_kept (db, handle);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (restarted)), ==, 1);
  drop_manager (restarted);

  /* The next start knows at once, without asking the server. */
  verifications = starling_demo_server_count_requests (server, "GET", "/api/v1/accounts/verify_credentials");
  restarted = new_manager (session, db, store);
  load (restarted);
  g_assert_true (needs_sign_in (session_at (restarted, 0)));
  g_assert_null (starling_account_session_get_client (session_at (restarted, 0)));
  g_assert_cmpuint (starling_demo_server_count_requests (server, "GET", "/api/v1/accounts/verify_credentials"), ==,
                    verifications);
  drop_manager (restarted);

  /* The manager that was running hears it from its client. */
  g_assert_cmpint (starling_account_session_get_state (added), ==, STARLING_ACCOUNT_STATE_READY);
  starling_client_get_timeline_async (starling_account_session_get_client (added), STARLING_TIMELINE_HOME, NULL,
                                      STARLING_TIMELINE_FLAGS_NONE, NULL, NULL, starling_test_result_cb, &result);
  page = starling_client_page_finish (starling_account_session_get_client (added), starling_test_wait_result (&result), &error);
  g_assert_null (page);
  g_assert_error (error, STARLING_API_ERROR, STARLING_API_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_true (needs_sign_in (added));
  /* Its stream is stopped. */
  g_assert_cmpint (starling_streaming_get_state (starling_account_session_get_streaming (added)), ==,
                   STARLING_STREAMING_STATE_STOPPED);
  assert_cache_kept (db, handle);

  /* Signing in again: the same account, in its place, READY, its token
   * replaced (a new client, announced), its cache still there. */
  old_client = starling_account_session_get_client (added);
  g_signal_connect (added, "notify::client", G_CALLBACK (count_notify_cb), &client_notifies);
  g_signal_connect (added, "notify::state", G_CALLBACK (count_notify_cb), &state_notifies);
  sign_in (manager, server, &renewed);
  again = add (manager, server, renewed.access_token, &error);
  g_assert_no_error (error);
  g_assert_true (again == added);
  g_assert_cmpuint (client_notifies, ==, 1);
  g_assert_cmpuint (state_notifies, ==, 1);
  g_assert_true (starling_account_session_get_client (added) != old_client);
  g_signal_handlers_disconnect_by_func (added, count_notify_cb, &client_notifies);
  g_signal_handlers_disconnect_by_func (added, count_notify_cb, &state_notifies);
  g_assert_cmpint (starling_account_session_get_state (added), ==, STARLING_ACCOUNT_STATE_READY);
  g_assert_null (starling_account_session_get_error (added));
  g_assert_false (stored_needs_sign_in (db, handle));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 1);
  assert_cache_kept (db, handle);
  {
    g_autoptr (StarlingSecret) kept = lookup_secret (STARLING_SECRET_ACCESS_TOKEN, handle, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (kept, ==, renewed.access_token);
  }
  WAIT_UNTIL (streaming_connected (added), "the stream to come back");

  /* A 422 "invalid token" counts as a refusal too. */
  starling_demo_server_add_fault (server, "GET", "/api/v1/timelines/home", STARLING_DEMO_FAULT_BAD_TOKEN_422, 1, 0);
  starling_client_get_timeline_async (starling_account_session_get_client (added), STARLING_TIMELINE_HOME, NULL,
                                      STARLING_TIMELINE_FLAGS_NONE, NULL, NULL, starling_test_result_cb, &result);
  g_clear_pointer (&page, g_object_unref);
  page = starling_client_page_finish (starling_account_session_get_client (added), starling_test_wait_result (&result), &error);
  g_assert_error (error, STARLING_API_ERROR, STARLING_API_ERROR_UNAUTHORIZED);
  g_assert_true (needs_sign_in (added));

  drop_manager (manager);
  close_database (db);
  starling_demo_server_stop (server);
  assert_not_logged (issued.access_token);
  assert_not_logged (renewed.access_token);
}

/* A token revoked while the stream is open: the stream's next handshake is
 * refused, and that is enough. */
static void
test_stream_refused (void)
{
  g_autoptr (StarlingDemoServer) server = start_demo ();
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autofree char *path = database_path (NULL);
  g_autofree char *handle = demo_handle (server);
  g_autoptr (StarlingAccountSession) added = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (Issued) issued = { 0 };
  StarlingDatabase *db = open_database (path);
  StarlingAccountManager *manager = new_manager (session, db, NULL);

  load (manager);
  sign_in (manager, server, &issued);
  added = add (manager, server, issued.access_token, &error);
  g_assert_no_error (error);
  WAIT_UNTIL (streaming_connected (added), "the stream");

  /* The demo forgets the token, then drops the stream. */
  {
    g_autoptr (StarlingOAuth) oauth = NULL;
    g_autoptr (GAsyncResult) result = NULL;

    starling_account_manager_prepare_oauth_async (manager, starling_demo_server_get_base_uri (server), NULL,
                                                  starling_test_result_cb, &result);
    oauth = starling_account_manager_prepare_oauth_finish (manager, starling_test_wait_result (&result), &error);
    g_assert_no_error (error);
    g_clear_object (&result);
    starling_oauth_revoke_async (oauth, issued.access_token, NULL, starling_test_result_cb, &result);
    g_assert_true (starling_oauth_revoke_finish (oauth, starling_test_wait_result (&result), &error));
    g_assert_no_error (error);
  }
  starling_demo_server_add_fault (server, NULL, "/api/v1/streaming", STARLING_DEMO_FAULT_STREAM_DROP, 1, 0);

  WAIT_UNTIL (needs_sign_in (added), "the refused stream");
  g_assert_cmpint (starling_streaming_get_state (starling_account_session_get_streaming (added)), ==,
                   STARLING_STREAMING_STATE_STOPPED);
  WAIT_UNTIL (stored_needs_sign_in (db, handle), "the file to say so");

  drop_manager (manager);
  close_database (db);
  starling_demo_server_stop (server);
}

/* A token the server refuses is not added: no account, no secret. */
static void
test_add_refused (void)
{
  g_autoptr (StarlingDemoServer) server = start_demo ();
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (StarlingSecretStore) store = starling_secret_store_new ();
  g_autofree char *path = database_path (NULL);
  g_autofree char *handle = demo_handle (server);
  g_autoptr (StarlingAccountSession) refused = NULL;
  g_autoptr (StarlingAccountSession) garbage = NULL;
  g_autoptr (StarlingAccountSession) nowhere = NULL;
  g_autoptr (StarlingSecret) kept = NULL;
  g_autoptr (GPtrArray) accounts = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) garbage_error = NULL;
  g_autoptr (GError) nowhere_error = NULL;
  StarlingDatabase *db = open_database (path);
  StarlingAccountManager *manager = new_manager (session, db, store);
  const char *wrong = "wrong-token-0123456789abcdefghijklmnopqrstuvwxyz";

  load (manager);
  refused = add (manager, server, wrong, &error);
  g_assert_null (refused);
  g_assert_error (error, STARLING_API_ERROR, STARLING_API_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (error->message, "token"));

  garbage = add (manager, server, "not a token at all", &garbage_error);
  g_assert_null (garbage);
  g_assert_error (garbage_error, STARLING_API_ERROR, STARLING_API_ERROR_VALIDATION);

  /* A server address that is not one. */
  {
    g_autoptr (GAsyncResult) result = NULL;

    starling_account_manager_add_async (manager, "ftp://", wrong, NULL, starling_test_result_cb, &result);
    nowhere = starling_account_manager_add_finish (manager, starling_test_wait_result (&result), &nowhere_error);
    g_assert_null (nowhere);
    g_assert_nonnull (nowhere_error);
  }

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 0);
  g_assert_null (starling_account_manager_get_active (manager));
  accounts = list_accounts (db);
  g_assert_cmpuint (accounts->len, ==, 0);
  kept = lookup_secret (STARLING_SECRET_ACCESS_TOKEN, handle, &error);
  g_assert_null (kept);

  drop_manager (manager);
  close_database (db);
  starling_demo_server_stop (server);
  assert_not_logged (wrong);
}

/* Without a secret store (the demo), secrets live in memory only: nothing
 * in the keyring, nothing in any file. */
static void
test_memory_only (void)
{
  g_autoptr (StarlingDemoServer) server = start_demo ();
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autofree char *path = database_path (NULL);
  g_autofree char *handle = demo_handle (server);
  g_autoptr (StarlingAccountSession) added = NULL;
  g_autoptr (StarlingSecret) in_keyring = NULL;
  g_autoptr (StarlingSecret) registration = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (Issued) issued = { 0 };
  StarlingDatabase *db = open_database (path);
  StarlingAccountManager *manager = new_manager (session, db, NULL);
  StarlingAccountManager *bare;
  StarlingAccountManager *restarted;

  load (manager);
  sign_in (manager, server, &issued);
  added = add (manager, server, issued.access_token, &error);
  g_assert_no_error (error);
  g_assert_cmpint (starling_account_session_get_state (added), ==, STARLING_ACCOUNT_STATE_READY);
  WAIT_UNTIL (streaming_connected (added), "the stream");

  in_keyring = lookup_secret (STARLING_SECRET_ACCESS_TOKEN, handle, &error);
  g_assert_no_error (error);
  g_assert_null (in_keyring);
  registration = lookup_secret (STARLING_SECRET_CLIENT_CREDENTIALS, starling_demo_server_get_base_uri (server), &error);
  g_assert_no_error (error);
  g_assert_null (registration);

  assert_in_no_file (issued.access_token);
  assert_in_no_file (issued.client_secret);
  assert_in_no_file (issued.code);

  /* Another manager without the secrets: the account needs sign-in. */
  restarted = new_manager (session, db, NULL);
  load (restarted);
  g_assert_true (needs_sign_in (session_at (restarted, 0)));
  drop_manager (restarted);

  /* Without a database either: nothing remembered at all. */
  bare = new_manager (session, NULL, NULL);
  load (bare);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bare)), ==, 0);
  {
    g_autoptr (StarlingAccountSession) demo = add (bare, server, issued.access_token, &error);

    g_assert_no_error (error);
    g_assert_cmpint (starling_account_session_get_state (demo), ==, STARLING_ACCOUNT_STATE_READY);
    g_assert_true (remove_account (bare, demo, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bare)), ==, 0);
  }
  drop_manager (bare);

  drop_manager (manager);
  close_database (db);
  starling_demo_server_stop (server);
}

/* Sign in, sign out, start again: no token, client secret or code in any
 * file, the token revoked, nothing left in the keyring. */
static void
test_nothing_left (void)
{
  g_autoptr (StarlingDemoServer) server = start_demo ();
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (StarlingSecretStore) store = starling_secret_store_new ();
  g_autofree char *path = database_path (NULL);
  g_autofree char *handle = demo_handle (server);
  g_autoptr (StarlingAccountSession) added = NULL;
  g_autoptr (StarlingSecret) token_left = NULL;
  g_autoptr (StarlingSecret) registration_left = NULL;
  g_autoptr (StarlingAccount) verified = NULL;
  g_autoptr (GPtrArray) accounts = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (Issued) issued = { 0 };
  StarlingDatabase *db = open_database (path);
  StarlingAccountManager *manager = new_manager (session, db, store);

  load (manager);
  sign_in (manager, server, &issued);
  added = add (manager, server, issued.access_token, &error);
  g_assert_no_error (error);
  save_cache (db, handle);
  WAIT_UNTIL (streaming_connected (added), "the stream");

  starling_demo_server_clear_requests (server);
  g_assert_true (remove_account (manager, added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (starling_demo_server_count_requests (server, "POST", "/oauth/revoke"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 0);
  g_assert_null (starling_account_manager_get_active (manager));
  g_assert_null (starling_account_manager_lookup (manager, handle));
  drop_manager (manager);

  /* The server no longer takes the token. */
  {
    g_autoptr (StarlingOAuth) oauth = starling_oauth_new (session, starling_demo_server_get_base_uri (server));

    starling_oauth_verify_credentials_async (oauth, issued.access_token, NULL, starling_test_result_cb, &result);
    verified = starling_oauth_verify_credentials_finish (oauth, starling_test_wait_result (&result), &error);
    g_assert_null (verified);
    g_assert_error (error, STARLING_API_ERROR, STARLING_API_ERROR_UNAUTHORIZED);
    g_clear_error (&error);
  }

  /* The keyring and the file hold nothing of it. */
  token_left = lookup_secret (STARLING_SECRET_ACCESS_TOKEN, handle, &error);
  g_assert_no_error (error);
  g_assert_null (token_left);
  registration_left = lookup_secret (STARLING_SECRET_CLIENT_CREDENTIALS, starling_demo_server_get_base_uri (server),
                                     &error);
  g_assert_no_error (error);
  g_assert_null (registration_left);
  accounts = list_accounts (db);
  g_assert_cmpuint (accounts->len, ==, 0);
  {
    g_autoptr (GPtrArray) drafts = NULL;

    g_clear_object (&result);
    starling_database_list_drafts_async (db, NULL, NULL, starling_test_result_cb, &result);
    drafts = starling_database_list_drafts_finish (db, starling_test_wait_result (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (drafts->len, ==, 0);
    /* The result holds the database. */
    g_clear_object (&result);
  }

  /* A restart finds nothing. */
  manager = new_manager (session, db, store);
  load (manager);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 0);
  drop_manager (manager);
  close_database (db);

  assert_in_no_file (issued.access_token);
  assert_in_no_file (issued.client_secret);
  assert_in_no_file (issued.code);

  starling_demo_server_stop (server);
  assert_not_logged (issued.access_token);
  assert_not_logged (issued.client_secret);
  assert_not_logged (issued.code);
}

/* A locked keyring: every account LOCKED, none lost, none removable; load
 * again once unlocked, and they are READY. Runs last. */
static void
test_locked (void)
{
  g_autoptr (StarlingDemoServer) first = start_demo ();
  g_autoptr (StarlingDemoServer) second = start_demo ();
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (StarlingSecretStore) store = starling_secret_store_new ();
  g_autofree char *path = database_path (NULL);
  g_autoptr (StarlingAccountSession) a = NULL;
  g_autoptr (StarlingAccountSession) b = NULL;
  g_autoptr (GPtrArray) accounts = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) remove_error = NULL;
  g_autoptr (GError) remove_ready_error = NULL;
  g_autoptr (GError) add_error = NULL;
  g_auto (Issued) issued_a = { 0 };
  g_auto (Issued) issued_b = { 0 };
  g_autofree char *third_token = NULL;
  gsize log_offset;
  StarlingDatabase *db = open_database (path);
  StarlingAccountManager *manager = new_manager (session, db, store);
  StarlingAccountManager *restarted;

  if (g_getenv ("STARLING_TEST_KEYRING_PASSWORD") == NULL)
    {
      g_test_skip ("Needs tests/with-keyring.sh");
      return;
    }

  load (manager);
  sign_in (manager, first, &issued_a);
  a = add (manager, first, issued_a.access_token, &error);
  g_assert_no_error (error);
  sign_in (manager, second, &issued_b);
  b = add (manager, second, issued_b.access_token, &error);
  g_assert_no_error (error);

  starling_test_lock_keyring ();

  /* A start while locked: both accounts are there, LOCKED, with a message
   * that says what to do; the keyring was asked once, not once for each. */
  restarted = new_manager (session, db, store);
  log_offset = log_length ();
  load (restarted);
  g_assert_cmpuint (count_logged_since (log_offset, "Secret Service: "), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (restarted)), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      StarlingAccountSession *locked = session_at (restarted, i);

      g_assert_cmpint (starling_account_session_get_state (locked), ==, STARLING_ACCOUNT_STATE_LOCKED);
      g_assert_error (starling_account_session_get_error (locked), STARLING_STORE_ERROR, STARLING_STORE_ERROR_LOCKED);
      g_assert_nonnull (strstr (starling_account_session_get_error (locked)->message, "locked"));
      g_assert_null (starling_account_session_get_client (locked));
    }
  g_assert_nonnull (starling_account_manager_get_active (restarted));

  /* Signing out cannot clear the keyring: refused, the account kept; the
   * same in the manager that has the account READY. */
  g_assert_false (remove_account (restarted, session_at (restarted, 0), &remove_error));
  g_assert_error (remove_error, STARLING_STORE_ERROR, STARLING_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (remove_error->message, "kept"));
  g_assert_false (remove_account (manager, a, &remove_ready_error));
  g_assert_error (remove_ready_error, STARLING_STORE_ERROR, STARLING_STORE_ERROR_LOCKED);
  g_assert_cmpint (starling_account_session_get_state (a), ==, STARLING_ACCOUNT_STATE_READY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 2);

  /* Nor can a new token be stored: nothing added. */
  third_token = starling_demo_server_create_token (first, "read write push");
  g_assert_null (add (manager, first, third_token, &add_error));
  g_assert_error (add_error, STARLING_STORE_ERROR, STARLING_STORE_ERROR_LOCKED);

  accounts = list_accounts (db);
  g_assert_cmpuint (accounts->len, ==, 2);
  g_clear_pointer (&accounts, g_ptr_array_unref);

  /* Unlocked: loading again brings both back. */
  starling_test_unlock_keyring ();
  load (restarted);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (restarted)), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      StarlingAccountSession *unlocked = session_at (restarted, i);

      g_assert_cmpint (starling_account_session_get_state (unlocked), ==, STARLING_ACCOUNT_STATE_READY);
      g_assert_null (starling_account_session_get_error (unlocked));
      g_assert_nonnull (starling_account_session_get_client (unlocked));
    }

  /* READY ones are kept as they are by another load. */
  {
    StarlingClient *client = starling_account_session_get_client (session_at (restarted, 0));

    load (restarted);
    g_assert_true (starling_account_session_get_client (session_at (restarted, 0)) == client);
  }

  drop_manager (restarted);
  drop_manager (manager);
  accounts = list_accounts (db);
  g_assert_cmpuint (accounts->len, ==, 2);
  close_database (db);
  starling_demo_server_stop (first);
  starling_demo_server_stop (second);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  captured_log = g_string_new (NULL);
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);

  g_test_init (&argc, &argv, NULL);
  previous_handler = g_log_set_default_handler (capture_handler, NULL);

  g_test_add_func ("/starling/account-manager/handle", test_handle);
  g_test_add_func ("/starling/account-manager/add-and-load", test_add_and_load);
  g_test_add_func ("/starling/account-manager/two-accounts", test_two_accounts);
  g_test_add_func ("/starling/account-manager/token-refused", test_token_refused);
  g_test_add_func ("/starling/account-manager/stream-refused", test_stream_refused);
  g_test_add_func ("/starling/account-manager/add-refused", test_add_refused);
  g_test_add_func ("/starling/account-manager/memory-only", test_memory_only);
  g_test_add_func ("/starling/account-manager/nothing-left", test_nothing_left);
  g_test_add_func ("/starling/account-manager/locked", test_locked);

  status = g_test_run ();
  g_string_free (captured_log, TRUE);

  return status;
}
