/* test-keyring-ui.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window with a real GNOME Keyring (tests/with-keyring.sh): when the
 * keyring is locked at start, the window says so and loses no account;
 * once it is unlocked, Unlock brings the account back, signed in. And
 * `starling --add-account` (the real binary) beside a running window:
 * the window shows the account at once.
 */

#include "config.h"

#include <string.h>

#include "api/starling-session.h"
#include "demo/starling-demo-server.h"
#include "store/starling-database.h"
#include "store/starling-secret-store.h"
#include "starling-application.h"
#include "starling-window.h"

#include "starling-test-ui.h"

static StarlingDemoServer *server;
static char *database_path;

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static gboolean
slot_filled (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static void
weak_cb (gpointer  data,
         GObject  *where_the_object_was)
{
  *(gboolean *) data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* A Starling run before this one signed in to the demo server: the
 * account is in the data file, its token in the keyring. */
static char *
sign_in_before (void)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (StarlingSecretStore) store = starling_secret_store_new ();
  g_autoptr (StarlingAccountManager) manager = NULL;
  g_autoptr (StarlingAccountSession) account = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *token = NULL;
  StarlingDatabase *database;
  gboolean closed = FALSE;

  starling_database_open_async (database_path, NULL, result_cb, &result);
  starling_test_wait_until (slot_filled, &result);
  database = starling_database_open_finish (result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  manager = starling_account_manager_new (session, database, store);
  token = starling_demo_server_create_token (server, "read write push");
  starling_account_manager_add_async (manager, starling_demo_server_get_base_uri (server), token,
                                      NULL, result_cb, &result);
  starling_test_wait_until (slot_filled, &result);
  account = starling_account_manager_add_finish (manager, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  /* That run ends: everything it wrote is closed. */
  g_clear_object (&manager);
  g_object_weak_ref (G_OBJECT (database), weak_cb, &closed);
  g_object_unref (database);
  starling_test_wait_until (is_true, &closed);

  return g_strdup (starling_account_session_get_handle (account));
}

static const char *wanted_page;

static gboolean
window_on_page (gpointer data)
{
  return g_strcmp0 (starling_window_get_visible_page (data), wanted_page) == 0;
}

static void
test_locked_then_unlocked (void)
{
  g_autoptr (StarlingApplication) app = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *handle = NULL;
  StarlingAccountManager *manager;
  StarlingAccountSession *account;
  StarlingWindow *window;
  GtkWidget *button;

  if (g_getenv ("STARLING_TEST_KEYRING_PASSWORD") == NULL)
    {
      g_test_skip ("Needs the keyring of tests/with-keyring.sh");
      return;
    }

  handle = sign_in_before ();
  starling_test_lock_keyring ();

  app = starling_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  starling_application_set_storage (app, database_path, FALSE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_application_activate (G_APPLICATION (app));
  window = STARLING_WINDOW (starling_test_find_toplevel (STARLING_TYPE_WINDOW));
  g_assert_nonnull (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);

  /* Locked: a page that says so, and the account is still there. */
  wanted_page = "problem";
  starling_test_wait_until (window_on_page, window);
  g_assert_cmpstr (starling_window_get_problem (window), ==, "keyring-locked");
  manager = starling_application_get_account_manager (app);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 1);
  account = starling_account_manager_lookup (manager, handle);
  g_assert_nonnull (account);
  g_assert_cmpint (starling_account_session_get_state (account), ==, STARLING_ACCOUNT_STATE_LOCKED);
  starling_test_wait_for_draw (GTK_WIDGET (window));
  starling_test_save_screenshot (GTK_WIDGET (window), "keyring-locked");

  /* The person unlocks the keyring, and presses Unlock. */
  starling_test_unlock_keyring ();
  button = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (window), STARLING_TYPE_WINDOW, "problem_button");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Unlock");
  starling_test_click (button);
  wanted_page = "signed-in";
  starling_test_wait_until (window_on_page, window);
  g_assert_cmpint (starling_account_session_get_state (account), ==, STARLING_ACCOUNT_STATE_READY);
  g_assert_nonnull (starling_account_session_get_client (account));

  gtk_window_destroy (GTK_WINDOW (window));
}

static StarlingApplication *running_app;

static gboolean
account_signed_in (gpointer data)
{
  StarlingAccountManager *manager = starling_application_get_account_manager (running_app);
  StarlingAccountSession *account = manager != NULL ? starling_account_manager_lookup (manager, data) : NULL;

  return account != NULL && starling_account_session_get_state (account) == STARLING_ACCOUNT_STATE_READY;
}

/* The primary instance, on the test's own session bus, learns of an
 * account that another process added. */
static void
test_add_account_while_running (void)
{
  g_autoptr (StarlingApplication) app = NULL;
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *server_arg = NULL;
  g_autofree char *token = NULL;
  g_autofree char *input = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *handle = NULL;
  const char *added;
  StarlingAccountManager *manager;
  StarlingWindow *window;

  if (g_getenv ("STARLING_TEST_KEYRING_PASSWORD") == NULL || g_getenv ("STARLING_BINARY") == NULL)
    {
      g_test_skip ("Needs the keyring of tests/with-keyring.sh and STARLING_BINARY");
      return;
    }
  /* A process of its own: the other case's application still holds the
   * object path on this connection. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  /* Unique, on the default data file (in with-keyring.sh's XDG_DATA_HOME),
   * as `starling` runs. */
  app = starling_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));
  running_app = app;
  g_application_activate (G_APPLICATION (app));
  window = STARLING_WINDOW (starling_test_find_toplevel (STARLING_TYPE_WINDOW));
  g_assert_nonnull (window);
  wanted_page = "welcome";
  starling_test_wait_until (window_on_page, window);
  manager = starling_application_get_account_manager (app);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 0);

  /* The command line, in a process of its own, without a display. */
  token = starling_demo_server_create_token (server, "read write follow push");
  input = g_strdup_printf ("%s\n", token);
  server_arg = g_strdup_printf ("--add-account=%s", starling_demo_server_get_base_uri (server));
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "starling-application", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("STARLING_BINARY"), server_arg,
                                         "--token-stdin", NULL);
  g_assert_no_error (error);
  /* This process serves the demo server and the window while it runs. */
  g_subprocess_communicate_utf8_async (process, input, NULL, result_cb, &result);
  starling_test_wait_until (slot_filled, &result);
  g_assert_true (g_subprocess_communicate_utf8_finish (process, result, &out, &err, &error));
  g_assert_no_error (error);
  /* Shown when this subprocess fails. */
  g_printerr ("starling --add-account said:\n%s%s", out, err);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_null (strstr (out, token));
  g_assert_null (strstr (err, token));
  /* GLib writes debug messages to standard output. */
  g_assert_nonnull (strstr (out, "Told the running Starling"));
  added = strstr (out, "Added ");
  g_assert_nonnull (added);
  handle = g_strndup (added + strlen ("Added "), strcspn (added + strlen ("Added "), "\n"));

  /* The window shows it, signed in, without a restart. */
  starling_test_wait_until (account_signed_in, handle);
  wanted_page = "signed-in";
  starling_test_wait_until (window_on_page, window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 1);
  starling_test_wait_for_draw (GTK_WIDGET (window));

  running_app = NULL;
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  const char *root = g_getenv ("STARLING_TEST_ROOT");
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  database_path = g_build_filename (root != NULL ? root : g_get_tmp_dir (), "starling-keyring-ui.sqlite3", NULL);
  server = starling_demo_server_new (42);
  g_assert_true (starling_demo_server_start (server, &error));
  g_assert_no_error (error);

  g_test_add_func ("/starling/keyring-ui/locked-then-unlocked", test_locked_then_unlocked);
  g_test_add_func ("/starling/keyring-ui/add-account-while-running", test_add_account_while_running);

  ret = g_test_run ();

  g_clear_object (&server);
  g_free (database_path);
  return ret;
}
