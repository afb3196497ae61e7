/* test-add-account.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real `starling` binary with `--add-account=URL --token-stdin`
 * against a demo server in this process, with a real GNOME Keyring in a
 * D-Bus session of its own (tests/with-keyring.sh) and a data folder of
 * its own for each run.
 */

#define _GNU_SOURCE

#include "config.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib-unix.h>
#include <libsecret/secret.h>

#include "api/starling-account-manager.h"
#include "demo/starling-demo-server.h"
#include "store/starling-database.h"
#include "store/starling-secret-store.h"

#define SEED 4242
#define WATCHDOG_SECONDS 60

static gboolean
watchdog_cb (gpointer user_data)
{
  g_error ("The test hung waiting for %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
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

/* The demo server answers from this main context: it runs while waiting. */
static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  guint watchdog = g_timeout_add_seconds (WATCHDOG_SECONDS, watchdog_cb, (gpointer) "a result");

  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (watchdog);

  return *slot;
}

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs starling with @args, @input on its standard input, and the data
 * folder @data_home; with @debug, every debug message of every domain is
 * printed too (on standard output and error). */
static void
run_starling_full (const char         *data_home,
                   const char * const *args,
                   const char         *input,
                   gboolean            debug,
                   Run                *run)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  const char *binary = g_getenv ("STARLING_BINARY");

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  /* No display is needed, nor may one be used. */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  if (debug)
    g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "all", TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "G_MESSAGES_DEBUG");

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8_async (process, input != NULL ? input : "", NULL, result_cb, &result);
  g_subprocess_communicate_utf8_finish (process, wait_result (&result), &run->out, &run->err, &error);
  g_assert_no_error (error);

  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  if (!debug)
    g_test_message ("starling %s → %d\n%s%s", args[0], run->status, run->out, run->err);
}

static void
run_starling (const char         *data_home,
              const char * const *args,
              const char         *input,
              Run                *run)
{
  run_starling_full (data_home, args, input, FALSE, run);
}

static char *
fresh_data_home (void)
{
  g_autofree char *name = g_strdup (g_test_get_path ());

  g_strdelimit (name, "/", '_');
  return g_build_filename (g_get_user_data_dir (), "starling-cli", name, NULL);
}

static char *
db_path_in (const char *data_home)
{
  return g_build_filename (data_home, "starling", "starling.db", NULL);
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

static char *
brand_handle (StarlingDemoServer *server,
              const char         *token)
{
  g_autoptr (SoupSession) session = soup_session_new ();
  g_autoptr (StarlingOAuth) oauth = starling_oauth_new (session, starling_demo_server_get_base_uri (server));
  g_autoptr (StarlingAccount) brand = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  starling_oauth_verify_credentials_async (oauth, token, NULL, result_cb, &result);
  brand = starling_oauth_verify_credentials_finish (oauth, wait_result (&result), &error);
  g_assert_no_error (error);

  return starling_account_manager_make_handle (starling_demo_server_get_base_uri (server),
                                               starling_account_get_username (brand));
}

static StarlingSecret *
lookup_token (const char  *handle,
              GError     **error)
{
  g_autoptr (StarlingSecretStore) store = starling_secret_store_new ();
  g_autoptr (GAsyncResult) result = NULL;

  starling_secret_store_lookup_async (store, STARLING_SECRET_ACCESS_TOKEN, handle, NULL, result_cb, &result);
  return starling_secret_store_lookup_finish (store, wait_result (&result), error);
}

static void
assert_not_in (const Run  *run,
               const char *secret)
{
  g_assert_null (strstr (run->out, secret));
  g_assert_null (strstr (run->err, secret));
}

/* The token is read from standard input, verified, kept in the keyring;
 * --list-accounts shows the account. The app holds the database open
 * meanwhile, as a running window would. */
static void
test_add (void)
{
  g_autoptr (StarlingDemoServer) server = start_demo ();
  g_autofree char *data_home = fresh_data_home ();
  g_autofree char *db_path = db_path_in (data_home);
  g_autofree char *option = g_strdup_printf ("--add-account=%s", starling_demo_server_get_base_uri (server));
  g_autofree char *token = starling_demo_server_create_token (server, "read write push");
  g_autofree char *input = g_strdup_printf ("  %s  \n", token);
  g_autofree char *handle = brand_handle (server, token);
  g_autofree char *added_line = g_strdup_printf ("Added %s\n", handle);
  g_autofree char *listed = g_strdup_printf ("%s\t%s\tsigned-in\n", handle, starling_demo_server_get_base_uri (server));
  g_autofree char *renewed_token = starling_demo_server_create_token (server, "read write push");
  g_autofree char *renewed_input = g_strdup_printf ("%s\n", renewed_token);
  g_autoptr (StarlingSecret) kept = NULL;
  g_autoptr (StarlingSecret) renewed = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingDatabase) running = NULL;
  const char *add_args[] = { option, "--token-stdin", NULL };
  const char *list_args[] = { "--list-accounts", NULL };
  g_auto (Run) add = { 0 };
  g_auto (Run) list = { 0 };
  g_auto (Run) again = { 0 };

  g_assert_nonnull (handle);

  /* "The app" has the data file open. */
  starling_database_open_async (db_path, NULL, result_cb, &result);
  running = starling_database_open_finish (wait_result (&result), &error);
  g_assert_no_error (error);

  starling_demo_server_clear_requests (server);
  run_starling (data_home, add_args, input, &add);
  g_assert_cmpint (add.status, ==, 0);
  g_assert_cmpstr (add.out, ==, added_line);
  assert_not_in (&add, token);
  /* The server was asked whose token it is. */
  g_assert_cmpuint (starling_demo_server_count_requests (server, "GET", "/api/v1/accounts/verify_credentials"), >=, 1);

  kept = lookup_token (handle, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept, ==, token);

  run_starling (data_home, list_args, NULL, &list);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpstr (list.out, ==, listed);

  /* Again for the same account: the token is replaced, nothing doubled;
   * every debug message printed, and still no token. */
  run_starling_full (data_home, add_args, renewed_input, TRUE, &again);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "verify_credentials"));
  assert_not_in (&again, renewed_token);
  renewed = lookup_token (handle, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (renewed, ==, renewed_token);
  run_clear (&list);
  run_starling (data_home, list_args, NULL, &list);
  g_assert_cmpstr (list.out, ==, listed);

  g_clear_object (&result);
  g_clear_object (&running);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  starling_demo_server_stop (server);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

/* Reads @stream until @text has come, or it ends. */
static void
read_until (GInputStream *stream,
            GString      *into,
            const char   *text)
{
  while (strstr (into->str, text) == NULL)
    {
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GError) error = NULL;
      char buffer[256];
      gssize got;

      g_input_stream_read_async (stream, buffer, sizeof buffer, G_PRIORITY_DEFAULT, NULL, read_cb, &result);
      got = g_input_stream_read_finish (stream, wait_result (&result), &error);
      if (got <= 0)
        break;
      g_string_append_len (into, buffer, got);
    }
}

/* Typed at a terminal, the token is not echoed. */
static void
test_terminal (void)
{
  g_autoptr (StarlingDemoServer) server = start_demo ();
  g_autofree char *data_home = fresh_data_home ();
  g_autofree char *option = g_strdup_printf ("--add-account=%s", starling_demo_server_get_base_uri (server));
  g_autofree char *token = starling_demo_server_create_token (server, "read write push");
  g_autofree char *typed = g_strdup_printf ("%s\n", token);
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GString) err = g_string_new (NULL);
  g_autoptr (GString) shown = g_string_new (NULL);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  const char *argv[] = { g_getenv ("STARLING_BINARY"), option, "--token-stdin", NULL };
  int master;
  int follower;

  master = posix_openpt (O_RDWR | O_NOCTTY);
  g_assert_cmpint (master, >=, 0);
  g_assert_cmpint (grantpt (master), ==, 0);
  g_assert_cmpint (unlockpt (master), ==, 0);
  follower = open (ptsname (master), O_RDWR | O_NOCTTY);
  g_assert_cmpint (follower, >=, 0);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_take_stdin_fd (launcher, follower);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  /* The prompt comes once echo is off; then the user types. */
  read_until (g_subprocess_get_stderr_pipe (process), err, "Access token for ");
  g_assert_nonnull (strstr (err->str, "Access token for "));
  g_assert_cmpint (write (master, typed, strlen (typed)), ==, (gssize) strlen (typed));

  g_subprocess_wait_async (process, NULL, result_cb, &result);
  g_assert_true (g_subprocess_wait_finish (process, wait_result (&result), &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  /* What the terminal shows: not the token. */
  g_assert_true (g_unix_set_fd_nonblocking (master, TRUE, NULL));
  {
    char buffer[4096];
    gssize got;

    while ((got = read (master, buffer, sizeof buffer)) > 0)
      g_string_append_len (shown, buffer, got);
  }
  close (master);
  g_assert_null (strstr (shown->str, token));
  read_until (g_subprocess_get_stderr_pipe (process), err, "\n");
  g_assert_null (strstr (err->str, token));

  starling_demo_server_stop (server);
}

/* Missing or contradicting options: 2, a usage message, nothing read,
 * nothing made. */
static void
test_bad_options (void)
{
  g_autoptr (StarlingDemoServer) server = start_demo ();
  g_autofree char *data_home = fresh_data_home ();
  g_autofree char *db_path = db_path_in (data_home);
  g_autofree char *option = g_strdup_printf ("--add-account=%s", starling_demo_server_get_base_uri (server));
  g_autofree char *token = starling_demo_server_create_token (server, "read");
  g_autofree char *input = g_strdup_printf ("%s\n", token);
  const char *no_stdin[] = { option, NULL };
  const char *no_server[] = { "--token-stdin", NULL };
  const char *empty_server[] = { "--add-account=", "--token-stdin", NULL };
  const char *with_list[] = { option, "--token-stdin", "--list-accounts", NULL };
  const char * const *cases[] = { no_stdin, no_server, empty_server, with_list };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (Run) run = { 0 };

      run_starling (data_home, cases[i], input, &run);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, "--add-account=https://SERVER --token-stdin"));
      g_assert_cmpstr (run.out, ==, "");
      assert_not_in (&run, token);
    }

  g_assert_false (g_file_test (db_path, G_FILE_TEST_EXISTS));
  starling_demo_server_stop (server);
}

/* A token the server refuses, an empty one, a server that does not answer:
 * 1, a message that says which, no account. */
static void
test_failures (void)
{
  g_autoptr (StarlingDemoServer) server = start_demo ();
  g_autofree char *data_home = fresh_data_home ();
  g_autofree char *option = g_strdup_printf ("--add-account=%s", starling_demo_server_get_base_uri (server));
  const char *wrong = "refused-token-0123456789abcdefghijklmnopqrstuv";
  g_autofree char *wrong_input = g_strdup_printf ("%s\n", wrong);
  const char *add_args[] = { option, "--token-stdin", NULL };
  const char *nowhere_args[] = { "--add-account=http://127.0.0.1:9", "--token-stdin", NULL };
  const char *list_args[] = { "--list-accounts", NULL };
  g_auto (Run) refused = { 0 };
  g_auto (Run) empty = { 0 };
  g_auto (Run) nowhere = { 0 };
  g_auto (Run) list = { 0 };

  run_starling_full (data_home, add_args, wrong_input, TRUE, &refused);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "does not accept this access token"));
  assert_not_in (&refused, wrong);

  run_starling (data_home, add_args, "", &empty);
  g_assert_cmpint (empty.status, ==, 1);
  g_assert_nonnull (strstr (empty.err, "No access token"));

  run_starling_full (data_home, nowhere_args, wrong_input, TRUE, &nowhere);
  g_assert_cmpint (nowhere.status, ==, 1);
  g_assert_nonnull (strstr (nowhere.err, "Could not add the account on http://127.0.0.1:9"));
  g_assert_nonnull (strstr (nowhere.err, "refused the connection"));
  assert_not_in (&nowhere, wrong);

  run_starling (data_home, list_args, NULL, &list);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpstr (list.out, ==, "");

  starling_demo_server_stop (server);
}

/* A locked keyring: 1, a message that says so, no account remembered. */
static void
test_locked_keyring (void)
{
  g_autoptr (StarlingDemoServer) server = start_demo ();
  g_autofree char *data_home = fresh_data_home ();
  g_autofree char *option = g_strdup_printf ("--add-account=%s", starling_demo_server_get_base_uri (server));
  g_autofree char *token = starling_demo_server_create_token (server, "read write push");
  g_autofree char *input = g_strdup_printf ("%s\n", token);
  const char *add_args[] = { option, "--token-stdin", NULL };
  const char *list_args[] = { "--list-accounts", NULL };
  g_autoptr (SecretService) service = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (Run) locked = { 0 };
  g_auto (Run) list = { 0 };
  GList *collections;

  if (g_getenv ("STARLING_TEST_ROOT") == NULL)
    {
      g_test_skip ("Needs tests/with-keyring.sh");
      return;
    }

  service = secret_service_get_sync (SECRET_SERVICE_LOAD_COLLECTIONS, NULL, &error);
  g_assert_no_error (error);
  collections = secret_service_get_collections (service);
  secret_service_lock_sync (service, collections, NULL, NULL, &error);
  g_assert_no_error (error);
  g_list_free_full (collections, g_object_unref);

  run_starling (data_home, add_args, input, &locked);
  g_assert_cmpint (locked.status, ==, 1);
  g_assert_nonnull (strstr (locked.err, "locked"));
  assert_not_in (&locked, token);

  run_starling (data_home, list_args, NULL, &list);
  g_assert_cmpstr (list.out, ==, "");

  starling_demo_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/starling/add-account/add", test_add);
  g_test_add_func ("/starling/add-account/terminal", test_terminal);
  g_test_add_func ("/starling/add-account/bad-options", test_bad_options);
  g_test_add_func ("/starling/add-account/failures", test_failures);
  /* Last: the keyring stays locked. */
  g_test_add_func ("/starling/add-account/locked-keyring", test_locked_keyring);

  return g_test_run ();
}
