/* test-database.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "store/starling-database.h"
#include "store/starling-store-error.h"

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

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

/* A folder of its own for each test case, the same in a test's
 * subprocess. (Not G_TEST_OPTION_ISOLATE_DIRS: GLib 2.74 leaks its strings,
 * which LeakSanitizer would report.) */
static char *
test_folder (void)
{
  g_autofree char *name = g_strdup (g_test_get_path ());

  g_strdelimit (name, "/", '_');
  return g_build_filename (g_getenv ("STARLING_TEST_DB_ROOT"), name, NULL);
}

static char *
test_path (void)
{
  g_autofree char *folder = test_folder ();

  return g_build_filename (folder, "starling", "starling.db", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static StarlingDatabase *
open_database (const char  *path,
               GError     **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  starling_database_open_async (path, NULL, result_cb, &result);
  return starling_database_open_finish (wait_for (&result), error);
}

static StarlingDatabase *
open_fresh (void)
{
  g_autofree char *path = test_path ();
  g_autoptr (GError) error = NULL;
  StarlingDatabase *db = open_database (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

/* The worker hands its last references to finished tasks back to this
 * thread; the database finalizes once they are dropped. */
static void
close_database (StarlingDatabase *db)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (G_OBJECT (db), (gpointer *) &db);
  g_object_unref (db);

  while (db != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, db != NULL);

  g_assert_null (db);
}

static void
save_account (StarlingDatabase *db,
              const char       *handle,
              const char       *display_name)
{
  g_autoptr (StarlingStoredAccount) account = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *base = g_strdup_printf ("https://%s", strchr (handle, '@') + 1);

  account = starling_stored_account_new (handle, base, "1");
  account->display_name = g_strdup (display_name);
  starling_database_save_account_async (db, account, NULL, result_cb, &result);
  g_assert_true (starling_database_write_finish (db, wait_for (&result), &error));
  g_assert_no_error (error);
}

static GPtrArray *
list_accounts (StarlingDatabase *db)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *accounts;

  starling_database_list_accounts_async (db, NULL, result_cb, &result);
  accounts = starling_database_list_accounts_finish (db, wait_for (&result), &error);
  g_assert_no_error (error);
  return accounts;
}

static char *
handles_of (StarlingDatabase *db)
{
  g_autoptr (GPtrArray) accounts = list_accounts (db);
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < accounts->len; i++)
    {
      StarlingStoredAccount *account = g_ptr_array_index (accounts, i);

      g_assert_cmpint (account->position, ==, (int) i);
      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", account->handle);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
check_write (StarlingDatabase *db,
             GAsyncResult    **result)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (starling_database_write_finish (db, wait_for (result), &error));
  g_assert_no_error (error);
  g_clear_object (result);
}

static void
test_accounts (void)
{
  StarlingDatabase *db = open_fresh ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autofree char *order1 = NULL;
  g_autofree char *order2 = NULL;
  g_autofree char *order3 = NULL;
  g_autoptr (GPtrArray) accounts = NULL;
  const char *reorder[] = { "carol@c.example", "alice@a.example", NULL };

  g_assert_cmpint (starling_database_get_schema_version (db), ==, STARLING_DATABASE_SCHEMA_VERSION);
  g_assert_null (starling_database_get_recovered_path (db));

  save_account (db, "alice@a.example", "Alice");
  save_account (db, "bob@b.example", "Bob");
  save_account (db, "carol@c.example", NULL);
  order1 = handles_of (db);
  g_assert_cmpstr (order1, ==, "alice@a.example bob@b.example carol@c.example");

  /* Saving a known account updates it in its place. */
  save_account (db, "alice@a.example", "Alice A.");
  accounts = list_accounts (db);
  g_assert_cmpuint (accounts->len, ==, 3);
  g_assert_cmpstr (((StarlingStoredAccount *) accounts->pdata[0])->display_name, ==, "Alice A.");
  g_assert_null (((StarlingStoredAccount *) accounts->pdata[2])->display_name);
  g_assert_false (((StarlingStoredAccount *) accounts->pdata[0])->needs_sign_in);
  g_clear_pointer (&accounts, g_ptr_array_unref);

  starling_database_reorder_accounts_async (db, reorder, NULL, result_cb, &result);
  check_write (db, &result);
  order2 = handles_of (db);
  g_assert_cmpstr (order2, ==, "carol@c.example alice@a.example bob@b.example");

  starling_database_set_needs_sign_in_async (db, "alice@a.example", TRUE, NULL, result_cb, &result);
  check_write (db, &result);
  starling_database_remove_account_async (db, "carol@c.example", NULL, result_cb, &result);
  check_write (db, &result);
  order3 = handles_of (db);
  g_assert_cmpstr (order3, ==, "alice@a.example bob@b.example");
  accounts = list_accounts (db);
  g_assert_true (((StarlingStoredAccount *) accounts->pdata[0])->needs_sign_in);
  g_assert_cmpstr (((StarlingStoredAccount *) accounts->pdata[0])->base_uri, ==, "https://a.example");

  close_database (db);

  /* Everything is still there after a restart. */
  db = open_fresh ();
  {
    g_autofree char *again = handles_of (db);
    g_assert_cmpstr (again, ==, "alice@a.example bob@b.example");
  }
  close_database (db);
}

static GPtrArray *
load_timeline (StarlingDatabase *db,
               const char       *handle,
               const char       *timeline)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *documents;

  starling_database_load_timeline_async (db, handle, timeline, NULL, result_cb, &result);
  documents = starling_database_load_timeline_finish (db, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (documents);
  return documents;
}

static void
test_timeline_cache (void)
{
  StarlingDatabase *db = open_fresh ();
  g_autoptr (GPtrArray) page = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) big = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) loaded = NULL;
  g_autoptr (GPtrArray) other = NULL;
  g_autoptr (GError) error = NULL;

  save_account (db, "alice@a.example", NULL);
  save_account (db, "bob@b.example", NULL);

  g_ptr_array_add (page, g_strdup ("{\"id\":\"3\",\"content\":\"<p>ünïcödé 🐦</p>\"}"));
  g_ptr_array_add (page, g_strdup ("{\"id\":\"2\"}"));
  g_ptr_array_add (page, g_strdup ("{\"id\":\"1\",\"content\":\"it's \\\"quoted\\\"; DROP TABLE accounts;--\"}"));
  starling_database_save_timeline_async (db, "alice@a.example", "home", page, NULL, result_cb, &result);
  check_write (db, &result);

  loaded = load_timeline (db, "alice@a.example", "home");
  g_assert_cmpuint (loaded->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (loaded->pdata[i], ==, page->pdata[i]);
  g_clear_pointer (&loaded, g_ptr_array_unref);

  /* Other timelines and accounts are apart. */
  other = load_timeline (db, "bob@b.example", "home");
  g_assert_cmpuint (other->len, ==, 0);
  g_clear_pointer (&other, g_ptr_array_unref);
  other = load_timeline (db, "alice@a.example", "notifications");
  g_assert_cmpuint (other->len, ==, 0);

  /* A new page replaces the old; only the newest are kept. */
  for (guint i = 0; i < STARLING_DATABASE_TIMELINE_CACHE_LIMIT + 50; i++)
    g_ptr_array_add (big, g_strdup_printf ("{\"id\":\"%u\"}", 10000 - i));
  starling_database_save_timeline_async (db, "alice@a.example", "home", big, NULL, result_cb, &result);
  check_write (db, &result);
  loaded = load_timeline (db, "alice@a.example", "home");
  g_assert_cmpuint (loaded->len, ==, STARLING_DATABASE_TIMELINE_CACHE_LIMIT);
  g_assert_cmpstr (loaded->pdata[0], ==, "{\"id\":\"10000\"}");
  g_clear_pointer (&loaded, g_ptr_array_unref);

  /* A cache for an account that is not there is refused, not orphaned. */
  starling_database_save_timeline_async (db, "nobody@x.example", "home", page, NULL, result_cb, &result);
  g_assert_false (starling_database_write_finish (db, wait_for (&result), &error));
  g_assert_error (error, STARLING_STORE_ERROR, STARLING_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_clear_object (&result);

  /* Removing the account removes its cache. */
  starling_database_remove_account_async (db, "alice@a.example", NULL, result_cb, &result);
  check_write (db, &result);
  save_account (db, "alice@a.example", NULL);
  loaded = load_timeline (db, "alice@a.example", "home");
  g_assert_cmpuint (loaded->len, ==, 0);

  close_database (db);
}

/* Writes asked one after the other are seen by a read asked after them,
 * without waiting for each. */
static void
test_order (void)
{
  StarlingDatabase *db = open_fresh ();
  GAsyncResult *results[50] = { NULL, };
  g_autofree char *order = NULL;
  g_autoptr (GString) expected = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_autofree char *handle = g_strdup_printf ("user%02u@s.example", i);
      g_autoptr (StarlingStoredAccount) account = starling_stored_account_new (handle, "https://s.example", "1");

      starling_database_save_account_async (db, account, NULL, result_cb, &results[i]);
      g_string_append_printf (expected, "%s%s", i > 0 ? " " : "", handle);
    }

  order = handles_of (db);
  g_assert_cmpstr (order, ==, expected->str);

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    check_write (db, &results[i]);

  close_database (db);
}

static void
test_damaged_file (void)
{
  g_autofree char *path = test_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *kept = NULL;
  g_autofree char *garbage = g_strnfill (8192, 'x');
  g_autoptr (GError) error = NULL;
  StarlingDatabase *db;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));

  db = open_database (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (starling_database_get_recovered_path (db));
  g_assert_true (g_str_has_prefix (starling_database_get_recovered_path (db), path));

  /* The damaged file is kept as it was, and the new one works. */
  g_assert_true (g_file_get_contents (starling_database_get_recovered_path (db), &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, garbage);
  save_account (db, "alice@a.example", NULL);
  {
    g_autofree char *order = handles_of (db);
    g_assert_cmpstr (order, ==, "alice@a.example");
  }

  close_database (db);
}

static void
test_newer_schema (void)
{
  g_autofree char *path = test_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr (GError) error = NULL;
  sqlite3 *raw = NULL;
  StarlingDatabase *db;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "CREATE TABLE future (x); PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = open_database (path, &error);
  g_assert_null (db);
  g_assert_error (error, STARLING_STORE_ERROR, STARLING_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "newer"));

  /* Left alone: a newer Starling can still use it. */
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "SELECT * FROM future", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
}

static void
test_unwritable_folder (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = test_folder ();
  g_autofree char *blocker = g_build_filename (folder, "blocker", NULL);
  g_autofree char *path = g_build_filename (blocker, "starling.db", NULL);
  StarlingDatabase *db;

  /* A file where the folder should be. */
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));

  db = open_database (path, &error);
  g_assert_null (db);
  g_assert_error (error, STARLING_STORE_ERROR, STARLING_STORE_ERROR_FAILED);
}

/* The app killed (SIGKILL) while it writes a big timeline page: on the next
 * start, every account is there and the file opens normally. */
static void
test_killed_while_writing (void)
{
  g_autofree char *path = test_path ();
  g_autoptr (GError) error = NULL;
  StarlingDatabase *db;

  if (g_test_subprocess ())
    {
      g_autoptr (GPtrArray) page = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *filler = g_strnfill (4000, 'z');

      db = open_fresh ();
      save_account (db, "alice@a.example", "Alice");
      save_account (db, "bob@b.example", "Bob");

      for (guint i = 0; i < STARLING_DATABASE_TIMELINE_CACHE_LIMIT; i++)
        g_ptr_array_add (page, g_strdup_printf ("{\"id\":\"%u\",\"content\":\"%s\"}", i, filler));

      /* Keep the worker busy writing, and die in the middle. */
      for (guint round = 0; round < 1000; round++)
        starling_database_save_timeline_async (db, round % 2 ? "alice@a.example" : "bob@b.example",
                                               "home", page, NULL, NULL, NULL);
      g_usleep (150 * 1000);
      kill (getpid (), SIGKILL);
      g_assert_not_reached ();
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_failed ();

  db = open_database (path, &error);
  g_assert_no_error (error);
  g_assert_null (starling_database_get_recovered_path (db));
  {
    g_autofree char *order = handles_of (db);
    g_autoptr (GPtrArray) page = load_timeline (db, "bob@b.example", "home");

    g_assert_cmpstr (order, ==, "alice@a.example bob@b.example");
    /* Whole pages or nothing, never a torn one. */
    g_assert_true (page->len == 0 || page->len == STARLING_DATABASE_TIMELINE_CACHE_LIMIT);
  }
  close_database (db);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("STARLING_TEST_DB_ROOT") == NULL)
    {
      root = g_dir_make_tmp ("starling-database-XXXXXX", NULL);
      g_assert_nonnull (root);
      g_setenv ("STARLING_TEST_DB_ROOT", root, TRUE);
    }

  g_test_add_func ("/starling/database/accounts", test_accounts);
  g_test_add_func ("/starling/database/timeline-cache", test_timeline_cache);
  g_test_add_func ("/starling/database/order", test_order);
  g_test_add_func ("/starling/database/damaged-file", test_damaged_file);
  g_test_add_func ("/starling/database/newer-schema", test_newer_schema);
  g_test_add_func ("/starling/database/unwritable-folder", test_unwritable_folder);
  g_test_add_func ("/starling/database/killed-while-writing", test_killed_while_writing);

  status = g_test_run ();

  /* Only the process that made the folder removes it. */
  if (root != NULL)
    remove_tree (root);

  return status;
}
