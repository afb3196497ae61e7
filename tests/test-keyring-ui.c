/* test-keyring-ui.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window with a real GNOME Keyring (tests/with-keyring.sh): when the
 * keyring is locked at start, the window says so and loses no account;
 * once it is unlocked, Unlock brings the account back, signed in.
 */

#include "config.h"

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

  ret = g_test_run ();

  g_clear_object (&server);
  g_free (database_path);
  return ret;
}
