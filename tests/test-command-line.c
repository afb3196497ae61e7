/* test-command-line.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real `starling` binary with command-line options that scripts
 * use, each time with a data folder of its own.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "store/starling-database.h"

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

static void
run_starling (const char  *data_home,
              const char  *option,
              char       **out,
              int         *exit_status)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) env = g_get_environ ();
  const char *binary = g_getenv ("STARLING_BINARY");
  const char *argv[] = { binary, option, NULL };
  int wait_status = 0;

  g_assert_nonnull (binary);
  env = g_environ_setenv (env, "XDG_DATA_HOME", data_home, TRUE);
  /* No display is needed, nor may one be used. */
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");

  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  *exit_status = g_spawn_check_wait_status (wait_status, NULL) ? 0 : 1;
}

static void
add_account (StarlingDatabase *db,
             const char       *handle,
             const char       *base_uri,
             gboolean          needs_sign_in)
{
  g_autoptr (StarlingStoredAccount) account = starling_stored_account_new (handle, base_uri, "7");
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  account->needs_sign_in = needs_sign_in;
  starling_database_save_account_async (db, account, NULL, result_cb, &result);
  g_assert_true (starling_database_write_finish (db, wait_for (&result), &error));
  g_assert_no_error (error);
}

static void
test_list_accounts (void)
{
  g_autofree char *root = g_dir_make_tmp ("starling-cli-XXXXXX", NULL);
  g_autofree char *db_path = g_build_filename (root, "starling", "starling.db", NULL);
  g_autofree char *empty_out = NULL;
  g_autofree char *out = NULL;
  g_autoptr (GAsyncResult) opened = NULL;
  g_autoptr (GError) error = NULL;
  StarlingDatabase *db;
  int status = -1;

  /* No data yet: nothing printed, success, and no file made. */
  run_starling (root, "--list-accounts", &empty_out, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (empty_out, ==, "");
  g_assert_false (g_file_test (db_path, G_FILE_TEST_EXISTS));

  starling_database_open_async (db_path, NULL, result_cb, &opened);
  db = starling_database_open_finish (wait_for (&opened), &error);
  g_assert_no_error (error);
  add_account (db, "brand@social.example", "https://social.example", FALSE);
  add_account (db, "alice@other.example", "https://other.example", TRUE);

  /* Read while this process still has the database open, as when the app
   * is running. */
  run_starling (root, "--list-accounts", &out, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==,
                   "brand@social.example\thttps://social.example\tsigned-in\n"
                   "alice@other.example\thttps://other.example\tneeds-sign-in\n");

  g_object_unref (db);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/starling/command-line/list-accounts", test_list_accounts);

  return g_test_run ();
}
