/* test-database.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include "config.h"

#include <sched.h>
#include <signal.h>
#include <sqlite3.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

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

static char *
get_setting (StarlingDatabase *db,
             const char       *key)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  char *value;

  starling_database_get_setting_async (db, key, NULL, result_cb, &result);
  value = starling_database_get_setting_finish (db, wait_for (&result), &error);
  g_assert_no_error (error);
  return value;
}

static void
set_setting (StarlingDatabase *db,
             const char       *key,
             const char       *value)
{
  g_autoptr (GAsyncResult) result = NULL;

  starling_database_set_setting_async (db, key, value, NULL, result_cb, &result);
  check_write (db, &result);
}

static void
test_settings (void)
{
  StarlingDatabase *db = open_fresh ();
  g_autofree char *unset = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *other = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *kept = NULL;

  unset = get_setting (db, "active-account");
  g_assert_null (unset);

  set_setting (db, "active-account", "alice@a.example");
  first = get_setting (db, "active-account");
  g_assert_cmpstr (first, ==, "alice@a.example");

  /* Setting again replaces; keys are apart; quotes are data. */
  set_setting (db, "active-account", "bob@b.example");
  set_setting (db, "other", "it's \"quoted\"; DROP TABLE settings;--");
  second = get_setting (db, "active-account");
  g_assert_cmpstr (second, ==, "bob@b.example");
  other = get_setting (db, "other");
  g_assert_cmpstr (other, ==, "it's \"quoted\"; DROP TABLE settings;--");

  /* NULL removes. */
  set_setting (db, "other", NULL);
  gone = get_setting (db, "other");
  g_assert_null (gone);
  close_database (db);

  db = open_fresh ();
  kept = get_setting (db, "active-account");
  g_assert_cmpstr (kept, ==, "bob@b.example");
  close_database (db);
}

static gint64
save_draft (StarlingDatabase          *db,
            const StarlingStoredDraft *draft)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id;

  starling_database_save_draft_async (db, draft, NULL, result_cb, &result);
  id = starling_database_save_draft_finish (db, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static GPtrArray *
list_drafts (StarlingDatabase *db,
             const char       *handle)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *drafts;

  starling_database_list_drafts_async (db, handle, NULL, result_cb, &result);
  drafts = starling_database_list_drafts_finish (db, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (drafts);
  return drafts;
}

static void
test_drafts (void)
{
  StarlingDatabase *db = open_fresh ();
  g_autoptr (StarlingStoredDraft) full = starling_stored_draft_new ("alice@a.example", "Hello 🐦 “world”");
  g_autoptr (StarlingStoredDraft) bare = starling_stored_draft_new ("bob@b.example", NULL);
  g_autoptr (StarlingStoredDraft) orphan = starling_stored_draft_new ("nobody@x.example", "lost?");
  g_autoptr (GPtrArray) drafts = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  StarlingStoredDraft *got;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  gint64 full_id, bare_id;

  save_account (db, "alice@a.example", NULL);
  save_account (db, "bob@b.example", NULL);

  full->spoiler_text = g_strdup ("cw: birds");
  full->visibility = g_strdup ("unlisted");
  full->language = g_strdup ("en");
  full->in_reply_to_id = g_strdup ("109876543210");
  full->media_json = g_strdup ("[{\"id\":\"m1\",\"description\":\"A starling on a wire\"}]");
  full->poll_json = g_strdup ("{\"options\":[\"yes\",\"no\"],\"expires_in\":3600,\"multiple\":false}");
  full->scheduled_at = 1893456000;
  full_id = save_draft (db, full);
  bare_id = save_draft (db, bare);
  g_assert_cmpint (full_id, !=, bare_id);

  /* Every field comes back as it went in. */
  drafts = list_drafts (db, "alice@a.example");
  g_assert_cmpuint (drafts->len, ==, 1);
  got = g_ptr_array_index (drafts, 0);
  g_assert_cmpint (got->id, ==, full_id);
  g_assert_cmpstr (got->handle, ==, "alice@a.example");
  g_assert_cmpstr (got->text, ==, full->text);
  g_assert_cmpstr (got->spoiler_text, ==, full->spoiler_text);
  g_assert_cmpstr (got->visibility, ==, "unlisted");
  g_assert_cmpstr (got->language, ==, "en");
  g_assert_cmpstr (got->in_reply_to_id, ==, "109876543210");
  g_assert_cmpstr (got->media_json, ==, full->media_json);
  g_assert_cmpstr (got->poll_json, ==, full->poll_json);
  g_assert_cmpint (got->scheduled_at, ==, 1893456000);
  g_assert_cmpint (got->updated_at, >=, before);
  g_clear_pointer (&drafts, g_ptr_array_unref);

  /* Unset fields stay unset. */
  drafts = list_drafts (db, "bob@b.example");
  g_assert_cmpuint (drafts->len, ==, 1);
  got = g_ptr_array_index (drafts, 0);
  g_assert_cmpstr (got->text, ==, "");
  g_assert_null (got->spoiler_text);
  g_assert_null (got->media_json);
  g_assert_null (got->poll_json);
  g_assert_cmpint (got->scheduled_at, ==, 0);
  g_clear_pointer (&drafts, g_ptr_array_unref);

  /* Saving again under the id replaces, never duplicates. */
  g_free (full->text);
  full->text = g_strdup ("Hello again");
  full->id = full_id;
  g_assert_cmpint (save_draft (db, full), ==, full_id);
  drafts = list_drafts (db, NULL);
  g_assert_cmpuint (drafts->len, ==, 2);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = list_drafts (db, "alice@a.example");
  g_assert_cmpstr (((StarlingStoredDraft *) drafts->pdata[0])->text, ==, "Hello again");
  g_clear_pointer (&drafts, g_ptr_array_unref);

  /* A draft of an unknown account is refused, not orphaned. */
  starling_database_save_draft_async (db, orphan, NULL, result_cb, &result);
  g_assert_cmpint (starling_database_save_draft_finish (db, wait_for (&result), &error), ==, 0);
  g_assert_error (error, STARLING_STORE_ERROR, STARLING_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_clear_object (&result);

  /* Delete; deleting again is fine. */
  starling_database_delete_draft_async (db, bare_id, NULL, result_cb, &result);
  check_write (db, &result);
  starling_database_delete_draft_async (db, bare_id, NULL, result_cb, &result);
  check_write (db, &result);
  drafts = list_drafts (db, NULL);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  close_database (db);

  /* Kept across a restart; removed with the account. */
  db = open_fresh ();
  drafts = list_drafts (db, NULL);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (((StarlingStoredDraft *) drafts->pdata[0])->text, ==, "Hello again");
  g_clear_pointer (&drafts, g_ptr_array_unref);
  starling_database_remove_account_async (db, "alice@a.example", NULL, result_cb, &result);
  check_write (db, &result);
  drafts = list_drafts (db, NULL);
  g_assert_cmpuint (drafts->len, ==, 0);
  close_database (db);
}

/* Schema 1 exactly as the first release made it, with data in every table
 * the upgrade touches. */
static const char schema_v1[] =
  "CREATE TABLE accounts ("
  "  handle TEXT PRIMARY KEY NOT NULL, base_uri TEXT NOT NULL, account_id TEXT NOT NULL,"
  "  display_name TEXT, avatar_url TEXT, position INTEGER NOT NULL,"
  "  needs_sign_in INTEGER NOT NULL DEFAULT 0, added_at INTEGER NOT NULL);"
  "CREATE TABLE timeline_cache ("
  "  handle TEXT NOT NULL REFERENCES accounts (handle) ON DELETE CASCADE,"
  "  timeline TEXT NOT NULL, position INTEGER NOT NULL, document TEXT NOT NULL,"
  "  PRIMARY KEY (handle, timeline, position));"
  "CREATE TABLE drafts ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  handle TEXT NOT NULL REFERENCES accounts (handle) ON DELETE CASCADE,"
  "  document TEXT NOT NULL, updated_at INTEGER NOT NULL);"
  "CREATE TABLE nodeinfo ("
  "  domain TEXT PRIMARY KEY NOT NULL, software TEXT, version TEXT, users_total INTEGER,"
  "  users_active_month INTEGER, document TEXT, fetched_at INTEGER NOT NULL);"
  "INSERT INTO accounts VALUES ('alice@a.example', 'https://a.example', '11', 'Alice', NULL, 1, 0, 1700000000);"
  "INSERT INTO accounts VALUES ('bob@b.example', 'https://b.example', '22', NULL, NULL, 0, 1, 1700000001);"
  "INSERT INTO timeline_cache VALUES ('alice@a.example', 'home', 0, '{\"id\":\"5\"}');"
  "INSERT INTO drafts VALUES (7, 'alice@a.example', '{\"text\":\"old draft ü\"}', 1700000100);"
  "INSERT INTO drafts VALUES (8, 'bob@b.example', 'not json', 1700000200);"
  "PRAGMA user_version = 1;";

static void
test_migration_from_v1 (void)
{
  g_autofree char *path = test_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) accounts = NULL;
  g_autoptr (GPtrArray) page = NULL;
  g_autoptr (GPtrArray) drafts = NULL;
  g_autofree char *order = NULL;
  g_autofree char *unset = NULL;
  g_autofree char *active = NULL;
  g_autoptr (StarlingStoredDraft) draft = starling_stored_draft_new ("bob@b.example", "new");
  StarlingStoredAccount *bob;
  sqlite3 *raw = NULL;
  StarlingDatabase *db;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, schema_v1, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = open_database (path, &error);
  g_assert_no_error (error);
  g_assert_null (starling_database_get_recovered_path (db));
  g_assert_cmpint (starling_database_get_schema_version (db), ==, STARLING_DATABASE_SCHEMA_VERSION);

  /* The accounts, their order and their state are kept, and the cache. */
  order = handles_of (db);
  g_assert_cmpstr (order, ==, "bob@b.example alice@a.example");
  accounts = list_accounts (db);
  bob = g_ptr_array_index (accounts, 0);
  g_assert_true (bob->needs_sign_in);
  g_assert_cmpstr (((StarlingStoredAccount *) accounts->pdata[1])->display_name, ==, "Alice");
  page = load_timeline (db, "alice@a.example", "home");
  g_assert_cmpuint (page->len, ==, 1);
  g_assert_cmpstr (page->pdata[0], ==, "{\"id\":\"5\"}");

  /* The old drafts' text is carried over, under their ids. */
  drafts = list_drafts (db, NULL);
  g_assert_cmpuint (drafts->len, ==, 2);
  g_assert_cmpint (((StarlingStoredDraft *) drafts->pdata[0])->id, ==, 8);
  g_assert_cmpstr (((StarlingStoredDraft *) drafts->pdata[0])->text, ==, "not json");
  g_assert_cmpint (((StarlingStoredDraft *) drafts->pdata[1])->id, ==, 7);
  g_assert_cmpstr (((StarlingStoredDraft *) drafts->pdata[1])->text, ==, "old draft ü");
  g_assert_cmpint (((StarlingStoredDraft *) drafts->pdata[1])->updated_at, ==, 1700000100);

  /* The new tables work, and new ids do not reuse old ones. */
  unset = get_setting (db, "active-account");
  g_assert_null (unset);
  set_setting (db, "active-account", "alice@a.example");
  active = get_setting (db, "active-account");
  g_assert_cmpstr (active, ==, "alice@a.example");
  g_assert_cmpint (save_draft (db, draft), >, 8);
  close_database (db);

  /* Opened again, nothing migrates twice. */
  db = open_fresh ();
  {
    g_autoptr (GPtrArray) again = list_drafts (db, NULL);
    g_assert_cmpuint (again->len, ==, 3);
  }
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

      /* Keep the worker busy writing, drafts and settings among the
       * pages, and die in the middle. */
      for (guint round = 0; round < 1000; round++)
        {
          g_autoptr (StarlingStoredDraft) draft = starling_stored_draft_new ("alice@a.example", filler);
          g_autofree char *value = g_strdup_printf ("%u", round);

          draft->id = 1;
          draft->media_json = g_strdup_printf ("[{\"id\":\"%u\",\"description\":\"%s\"}]", round, filler);
          starling_database_save_timeline_async (db, round % 2 ? "alice@a.example" : "bob@b.example",
                                                 "home", page, NULL, NULL, NULL);
          starling_database_save_draft_async (db, draft, NULL, NULL, NULL);
          starling_database_set_setting_async (db, "round", value, NULL, NULL, NULL);
        }
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

    g_autoptr (GPtrArray) drafts = list_drafts (db, NULL);
    g_autofree char *round = get_setting (db, "round");

    g_assert_cmpstr (order, ==, "alice@a.example bob@b.example");
    /* Whole pages or nothing, never a torn one. */
    g_assert_true (page->len == 0 || page->len == STARLING_DATABASE_TIMELINE_CACHE_LIMIT);
    /* At most the one draft, whole, and never older than the last
     * setting saved after it: writes land in the order they were asked. */
    g_assert_cmpuint (drafts->len, <=, 1);
    if (drafts->len == 1)
      {
        StarlingStoredDraft *draft = g_ptr_array_index (drafts, 0);
        g_autoptr (JsonNode) media = json_from_string (draft->media_json, NULL);
        const char *draft_round;

        g_assert_cmpuint (strlen (draft->text), ==, 4000);
        g_assert_nonnull (media);
        draft_round = json_object_get_string_member (json_array_get_object_element (json_node_get_array (media), 0), "id");
        if (round != NULL)
          g_assert_cmpint (g_ascii_strtoll (draft_round, NULL, 10), >=, g_ascii_strtoll (round, NULL, 10));
      }
    else
      g_assert_null (round);
  }
  close_database (db);
}

typedef struct
{
  StarlingDatabase *db;
  gboolean          answered;
  GThread          *finalized_on;
} LastUse;

static void
last_use_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  LastUse *use = user_data;
  g_autofree char *value = starling_database_get_setting_finish (STARLING_DATABASE (object), result, NULL);

  /* The caller's reference goes with the answer: the task the worker
   * still holds may be the last one. */
  g_clear_object (&use->db);
  use->answered = TRUE;
}

static void
finalized_cb (gpointer  data,
              GObject  *where_the_object_was)
{
  *(GThread **) data = g_thread_self ();
}

static gpointer
watchdog_thread (gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!g_atomic_int_get ((int *) data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("The database never finished: it waited for its own worker");
      g_usleep (10000);
    }
  return NULL;
}

/* The last reference of a database may be its worker's, on a finished
 * task: it must still be let go of on this thread, never on the worker
 * (whose finalize would wait for itself, holding the main context). One
 * CPU for the process makes the worker lose it to this thread right after
 * answering, as it does now and then on a busy machine; this thread then
 * leaves the main context free while the worker lets go of its task. */
static void
test_last_reference (void)
{
  g_autofree char *path = test_path ();
  cpu_set_t one;
  int done = 0;
  GThread *watchdog = g_thread_new ("watchdog", watchdog_thread, &done);

  CPU_ZERO (&one);
  CPU_SET (sched_getcpu (), &one);
  if (sched_setaffinity (0, sizeof one, &one) != 0)
    g_test_message ("Could not keep to one CPU; the case is less sharp");

  for (guint i = 0; i < 30; i++)
    {
      g_autoptr (GError) error = NULL;
      LastUse use = { 0 };

      use.db = open_database (path, &error);
      g_assert_no_error (error);
      g_object_weak_ref (G_OBJECT (use.db), finalized_cb, &use.finalized_on);
      starling_database_get_setting_async (use.db, "last-reference", NULL, last_use_cb, &use);
      while (!use.answered)
        g_main_context_iteration (NULL, TRUE);
      /* The main context is free while the worker finishes. */
      g_usleep (2000);
      while (use.finalized_on == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_assert_true (use.finalized_on == g_thread_self ());
    }

  g_atomic_int_set (&done, 1);
  g_thread_join (watchdog);
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
  g_test_add_func ("/starling/database/settings", test_settings);
  g_test_add_func ("/starling/database/drafts", test_drafts);
  g_test_add_func ("/starling/database/migration-from-v1", test_migration_from_v1);
  g_test_add_func ("/starling/database/damaged-file", test_damaged_file);
  g_test_add_func ("/starling/database/newer-schema", test_newer_schema);
  g_test_add_func ("/starling/database/unwritable-folder", test_unwritable_folder);
  g_test_add_func ("/starling/database/killed-while-writing", test_killed_while_writing);
  g_test_add_func ("/starling/database/last-reference", test_last_reference);

  status = g_test_run ();

  /* Only the process that made the folder removes it. */
  if (root != NULL)
    remove_tree (root);

  return status;
}
