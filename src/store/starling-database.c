/* starling-database.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-store"

#include "config.h"

#include <errno.h>
#include <sqlite3.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "starling-database.h"
#include "starling-stored-draft.h"
#include "starling-store-error.h"

/**
 * StarlingDatabase:
 *
 * The one SQLite file in the user's data folder: the accounts and their
 * order, the last pages of each timeline (so the window shows them before
 * the network answers, and when offline), drafts, and the history analytics
 * needs.
 *
 * Every query runs on one worker thread, in the order it was asked, so the
 * main loop never waits on the disk and a read sees every write asked
 * before it. The file is in WAL mode: a process killed in the middle of a
 * write leaves the last committed state. A file SQLite cannot read is set
 * aside (see starling_database_get_recovered_path()) and a fresh one made,
 * so the app stays usable.
 */
struct _StarlingDatabase
{
  GObject       parent_instance;

  char         *path;
  char         *recovered_path;
  sqlite3      *db;
  GThreadPool  *worker;
  int           schema_version;
};

G_DEFINE_FINAL_TYPE (StarlingDatabase, starling_database, G_TYPE_OBJECT)

typedef gboolean (*OperationFunc) (StarlingDatabase  *self,
                                   GTask             *task,
                                   gpointer           data,
                                   GError           **error);

typedef struct
{
  GTask          *task;
  OperationFunc   func;
  gpointer        data;
  GDestroyNotify  data_free;
} Operation;

/* Each migration takes the schema from its index to the next version. They
 * are never edited once released: a change is a new migration. */
static const char * const migrations[] = {
  /* 1: accounts, timeline cache, drafts, analytics history. */
  "CREATE TABLE accounts ("
  "  handle TEXT PRIMARY KEY NOT NULL,"
  "  base_uri TEXT NOT NULL,"
  "  account_id TEXT NOT NULL,"
  "  display_name TEXT,"
  "  avatar_url TEXT,"
  "  position INTEGER NOT NULL,"
  "  needs_sign_in INTEGER NOT NULL DEFAULT 0,"
  "  added_at INTEGER NOT NULL);"
  "CREATE TABLE timeline_cache ("
  "  handle TEXT NOT NULL REFERENCES accounts (handle) ON DELETE CASCADE,"
  "  timeline TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  document TEXT NOT NULL,"
  "  PRIMARY KEY (handle, timeline, position));"
  "CREATE TABLE drafts ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  handle TEXT NOT NULL REFERENCES accounts (handle) ON DELETE CASCADE,"
  "  document TEXT NOT NULL,"
  "  updated_at INTEGER NOT NULL);"
  "CREATE TABLE follower_snapshots ("
  "  handle TEXT NOT NULL REFERENCES accounts (handle) ON DELETE CASCADE,"
  "  taken_at INTEGER NOT NULL,"
  "  followers_count INTEGER NOT NULL,"
  "  following_count INTEGER NOT NULL,"
  "  statuses_count INTEGER NOT NULL,"
  "  PRIMARY KEY (handle, taken_at));"
  "CREATE TABLE post_snapshots ("
  "  handle TEXT NOT NULL REFERENCES accounts (handle) ON DELETE CASCADE,"
  "  status_id TEXT NOT NULL,"
  "  taken_at INTEGER NOT NULL,"
  "  replies_count INTEGER NOT NULL,"
  "  reblogs_count INTEGER NOT NULL,"
  "  favourites_count INTEGER NOT NULL,"
  "  quotes_count INTEGER NOT NULL,"
  "  PRIMARY KEY (handle, status_id, taken_at));"
  "CREATE TABLE engagement_events ("
  "  handle TEXT NOT NULL REFERENCES accounts (handle) ON DELETE CASCADE,"
  "  status_id TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  actor_acct TEXT NOT NULL,"
  "  actor_domain TEXT NOT NULL,"
  "  happened_at INTEGER NOT NULL,"
  "  PRIMARY KEY (handle, status_id, kind, actor_acct));"
  "CREATE INDEX engagement_events_by_domain ON engagement_events (handle, actor_domain);"
  "CREATE TABLE nodeinfo ("
  "  domain TEXT PRIMARY KEY NOT NULL,"
  "  software TEXT,"
  "  version TEXT,"
  "  users_total INTEGER,"
  "  users_active_month INTEGER,"
  "  document TEXT,"
  "  fetched_at INTEGER NOT NULL);",

  /* 2: settings of the app that belong with its data (the active account),
   * and drafts with one column per field of the composer. Version 1 kept a
   * draft as one JSON document; its text is carried over. */
  "CREATE TABLE settings ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL);"
  "CREATE TABLE drafts_v2 ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  handle TEXT NOT NULL REFERENCES accounts (handle) ON DELETE CASCADE,"
  "  text TEXT NOT NULL DEFAULT '',"
  "  spoiler_text TEXT,"
  "  visibility TEXT,"
  "  language TEXT,"
  "  in_reply_to_id TEXT,"
  "  media TEXT,"
  "  poll TEXT,"
  "  scheduled_at INTEGER NOT NULL DEFAULT 0,"
  "  updated_at INTEGER NOT NULL);"
  "INSERT INTO drafts_v2 (id, handle, text, updated_at)"
  "  SELECT id, handle,"
  "         CASE WHEN json_valid (document) AND json_type (document, '$.text') = 'text'"
  "              THEN json_extract (document, '$.text') ELSE document END,"
  "         updated_at"
  "  FROM drafts;"
  "DROP TABLE drafts;"
  "ALTER TABLE drafts_v2 RENAME TO drafts;"
  "CREATE INDEX drafts_by_account ON drafts (handle, updated_at);",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == STARLING_DATABASE_SCHEMA_VERSION);

static GError *
sqlite_error (sqlite3    *db,
              int         rc,
              const char *what)
{
  int code = rc & 0xff;

  if (code == SQLITE_FULL)
    return g_error_new (STARLING_STORE_ERROR, STARLING_STORE_ERROR_FAILED,
                        _("The disk is full, so Starling could not save %s. Free some space; nothing else was lost."),
                        what);

  if (code == SQLITE_READONLY || code == SQLITE_PERM || code == SQLITE_CANTOPEN)
    return g_error_new (STARLING_STORE_ERROR, STARLING_STORE_ERROR_FAILED,
                        _("Starling cannot write its data file (%s): %s"),
                        what, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));

  return g_error_new (STARLING_STORE_ERROR, STARLING_STORE_ERROR_FAILED,
                      _("Starling’s data file failed while handling %s: %s"),
                      what, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      const char  *what,
      GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      g_propagate_error (error, sqlite_error (db, rc, what));
      return FALSE;
    }

  return TRUE;
}

static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         const char  *what,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      g_propagate_error (error, sqlite_error (db, rc, what));
      return NULL;
    }

  return stmt;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
step_done (sqlite3       *db,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      g_propagate_error (error, sqlite_error (db, rc, what));
      return FALSE;
    }

  return TRUE;
}

/* Runs @sql's statements between BEGIN and COMMIT, or rolls back. */
static gboolean
in_transaction_begin (sqlite3     *db,
                      const char  *what,
                      GError     **error)
{
  return exec (db, "BEGIN IMMEDIATE", what, error);
}

static gboolean
in_transaction_end (sqlite3     *db,
                    gboolean     ok,
                    const char  *what,
                    GError     **error)
{
  if (!ok)
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return exec (db, "COMMIT", what, error);
}

static int
read_user_version (sqlite3 *db)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return -1;

  return sqlite3_column_int (stmt, 0);
}

static gboolean
migrate (StarlingDatabase  *self,
         GError           **error)
{
  int version = read_user_version (self->db);

  if (version < 0)
    {
      g_propagate_error (error, sqlite_error (self->db, sqlite3_errcode (self->db), _("the schema version")));
      return FALSE;
    }

  if (version > STARLING_DATABASE_SCHEMA_VERSION)
    {
      g_set_error (error, STARLING_STORE_ERROR, STARLING_STORE_ERROR_FAILED,
                   _("Starling’s data file was written by a newer version of Starling (schema %d; this "
                     "version knows %d). Update Starling to use it."),
                   version, STARLING_DATABASE_SCHEMA_VERSION);
      return FALSE;
    }

  for (; version < STARLING_DATABASE_SCHEMA_VERSION; version++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      gboolean ok;

      g_debug ("Migrating %s to schema %d", self->path, version + 1);
      if (!in_transaction_begin (self->db, _("the schema update"), error))
        return FALSE;
      ok = exec (self->db, migrations[version], _("the schema update"), error) &&
           exec (self->db, set_version, _("the schema update"), error);
      if (!in_transaction_end (self->db, ok, _("the schema update"), error))
        return FALSE;
    }

  self->schema_version = version;
  return TRUE;
}

static gboolean
file_is_healthy (sqlite3 *db)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  const char *answer;

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;

  answer = (const char *) sqlite3_column_text (stmt, 0);
  return g_strcmp0 (answer, "ok") == 0;
}

static gboolean
open_connection (StarlingDatabase  *self,
                 GError           **error)
{
  int rc;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_propagate_error (error, sqlite_error (self->db, rc, _("opening the file")));
      g_clear_pointer (&self->db, sqlite3_close);
      return FALSE;
    }

  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, TRUE);

  /* WAL: readers never block the writer, and a killed process leaves the
   * last committed state. NORMAL sync is safe against crashes in WAL mode. */
  if (!exec (self->db, "PRAGMA journal_mode = WAL", _("opening the file"), error) ||
      !exec (self->db, "PRAGMA synchronous = NORMAL", _("opening the file"), error) ||
      !exec (self->db, "PRAGMA foreign_keys = ON", _("opening the file"), error))
    {
      g_clear_pointer (&self->db, sqlite3_close);
      return FALSE;
    }

  if (!file_is_healthy (self->db))
    {
      g_set_error_literal (error, STARLING_STORE_ERROR, STARLING_STORE_ERROR_FAILED,
                           _("The data file is damaged"));
      g_clear_pointer (&self->db, sqlite3_close);
      return FALSE;
    }

  return TRUE;
}

/* Moves a damaged file (and its WAL) aside, so nothing is destroyed and a
 * fresh file can take its place. */
static gboolean
set_aside (StarlingDatabase  *self,
           GError           **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  g_free (self->recovered_path);
  self->recovered_path = g_strdup_printf ("%s.damaged-%s", self->path, stamp);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (self->path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (self->recovered_path, suffixes[i], NULL);

      if (g_rename (from, to) != 0 && errno != ENOENT)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Could not set the damaged data file aside: %s"), g_strerror (saved));
          return FALSE;
        }
    }

  g_message ("The data file %s was damaged; it was moved to %s and a new one was made",
             self->path, self->recovered_path);
  return TRUE;
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr (StarlingDatabase) self = g_object_new (STARLING_TYPE_DATABASE, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = NULL;

  self->path = g_strdup (task_data);
  folder = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_task_return_new_error (task, STARLING_STORE_ERROR, STARLING_STORE_ERROR_FAILED,
                               _("Could not create the folder %s: %s"), folder, g_strerror (saved));
      return;
    }

  if (!open_connection (self, &error))
    {
      int code = self->db != NULL ? sqlite3_errcode (self->db) & 0xff : 0;

      /* Only a file SQLite cannot read is replaced; a full disk or a
       * permission problem is reported, and the file left alone. */
      if (g_error_matches (error, STARLING_STORE_ERROR, STARLING_STORE_ERROR_FAILED) &&
          code != SQLITE_FULL && code != SQLITE_PERM && code != SQLITE_READONLY &&
          g_file_test (self->path, G_FILE_TEST_EXISTS) &&
          (strstr (error->message, "damaged") != NULL ||
           strstr (error->message, "not a database") != NULL ||
           strstr (error->message, "malformed") != NULL))
        {
          g_clear_error (&error);
          if (!set_aside (self, &error) || !open_connection (self, &error))
            {
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }
        }
      else
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  if (!migrate (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&self), g_object_unref);
}

static gboolean
unref_task_cb (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static void
operation_free (Operation *op)
{
  GMainContext *context = g_task_get_context (op->task);
  g_autoptr (GSource) source = g_idle_source_new ();

  if (op->data_free != NULL)
    op->data_free (op->data);

  /* The task holds the database: its last reference must drop on the
   * thread that owns the database, never on the worker, which would then
   * wait for itself in finalize (and hold the main context while it
   * waits). Not g_main_context_invoke(): it runs the function right here
   * whenever the context is free to take. */
  g_source_set_priority (source, G_PRIORITY_DEFAULT_IDLE);
  g_source_set_callback (source, unref_task_cb, g_steal_pointer (&op->task), NULL);
  g_source_set_static_name (source, "[starling] database task");
  g_source_attach (source, context);
  g_free (op);
}

static void
run_operation (gpointer data,
               gpointer user_data)
{
  Operation *op = data;
  StarlingDatabase *self = g_task_get_source_object (op->task);
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (op->task))
    {
      operation_free (op);
      return;
    }

  if (!op->func (self, op->task, op->data, &error))
    g_task_return_error (op->task, error);

  operation_free (op);
}

static void
queue (StarlingDatabase    *self,
       gpointer             source_tag,
       OperationFunc        func,
       gpointer             data,
       GDestroyNotify       data_free,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  Operation *op = g_new0 (Operation, 1);

  op->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (op->task, source_tag);
  op->func = func;
  op->data = data;
  op->data_free = data_free;

  g_thread_pool_push (self->worker, op, NULL);
}

static void
starling_database_finalize (GObject *object)
{
  StarlingDatabase *self = (StarlingDatabase *) object;

  /* Let queued writes finish: they are what the user did. */
  if (self->worker != NULL)
    g_thread_pool_free (self->worker, FALSE, TRUE);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->recovered_path, g_free);

  G_OBJECT_CLASS (starling_database_parent_class)->finalize (object);
}

static void
starling_database_class_init (StarlingDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = starling_database_finalize;
}

static void
starling_database_init (StarlingDatabase *self)
{
  /* One thread: queries run one at a time, in the order they were asked. */
  self->worker = g_thread_pool_new (run_operation, self, 1, FALSE, NULL);
}

/**
 * starling_database_default_path:
 *
 * Returns: (transfer full): where the data file lives: `starling/starling.db`
 *   in the user data folder (inside the sandbox under Flatpak)
 */
char *
starling_database_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "starling", "starling.db", NULL);
}

/**
 * starling_database_open_async:
 * @path: the file; it and its folder are created when missing
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the database is ready
 * @user_data: data for @callback
 *
 * Opens the data file off the main thread and brings its schema up to
 * date.
 */
void
starling_database_open_async (const char          *path,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_database_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_thread);
}

/**
 * starling_database_open_finish:
 * @result: the result given to the callback
 * @error: return location for a #StarlingStoreError
 *
 * Returns: (transfer full) (nullable): the database
 */
StarlingDatabase *
starling_database_open_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * starling_database_get_path:
 * @self: a #StarlingDatabase
 *
 * Returns: the file's path
 */
const char *
starling_database_get_path (StarlingDatabase *self)
{
  g_return_val_if_fail (STARLING_IS_DATABASE (self), NULL);

  return self->path;
}

/**
 * starling_database_get_recovered_path:
 * @self: a #StarlingDatabase
 *
 * Returns: (nullable): where a damaged file was set aside when this one was
 *   opened, so the app can say that its cache was reset; %NULL normally
 */
const char *
starling_database_get_recovered_path (StarlingDatabase *self)
{
  g_return_val_if_fail (STARLING_IS_DATABASE (self), NULL);

  return self->recovered_path;
}

/**
 * starling_database_get_schema_version:
 * @self: a #StarlingDatabase
 *
 * Returns: the schema version of the open file
 */
int
starling_database_get_schema_version (StarlingDatabase *self)
{
  g_return_val_if_fail (STARLING_IS_DATABASE (self), 0);

  return self->schema_version;
}

/**
 * starling_database_write_finish:
 * @self: a #StarlingDatabase
 * @result: the result given to the callback
 * @error: return location for a #StarlingStoreError
 *
 * Finishes any of the calls that write and return nothing.
 *
 * Returns: %TRUE when the write is committed
 */
gboolean
starling_database_write_finish (StarlingDatabase  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Accounts */

static gboolean
save_account_op (StarlingDatabase  *self,
                 GTask             *task,
                 gpointer           data,
                 GError           **error)
{
  StarlingStoredAccount *account = data;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  /* A new account goes last; an existing one keeps its place. */
  stmt = prepare (self->db,
                  "INSERT INTO accounts (handle, base_uri, account_id, display_name, avatar_url,"
                  "                      position, needs_sign_in, added_at)"
                  " VALUES (?1, ?2, ?3, ?4, ?5,"
                  "         (SELECT COALESCE (MAX (position) + 1, 0) FROM accounts), ?6, ?7)"
                  " ON CONFLICT (handle) DO UPDATE SET"
                  "   base_uri = excluded.base_uri, account_id = excluded.account_id,"
                  "   display_name = excluded.display_name, avatar_url = excluded.avatar_url,"
                  "   needs_sign_in = excluded.needs_sign_in",
                  _("the account"), error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, account->handle);
  bind_text (stmt, 2, account->base_uri);
  bind_text (stmt, 3, account->account_id);
  bind_text (stmt, 4, account->display_name);
  bind_text (stmt, 5, account->avatar_url);
  sqlite3_bind_int (stmt, 6, account->needs_sign_in ? 1 : 0);
  sqlite3_bind_int64 (stmt, 7, g_get_real_time () / G_USEC_PER_SEC);

  if (!step_done (self->db, stmt, _("the account"), error))
    return FALSE;

  g_task_return_boolean (task, TRUE);
  return TRUE;
}

/**
 * starling_database_save_account_async:
 * @self: a #StarlingDatabase
 * @account: the account; a new handle goes last in the switcher, a known
 *   one is updated in its place
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when saved; finish with starling_database_write_finish()
 * @user_data: data for @callback
 */
void
starling_database_save_account_async (StarlingDatabase            *self,
                                      const StarlingStoredAccount *account,
                                      GCancellable                *cancellable,
                                      GAsyncReadyCallback          callback,
                                      gpointer                     user_data)
{
  g_return_if_fail (STARLING_IS_DATABASE (self));
  g_return_if_fail (account != NULL && account->handle != NULL);

  queue (self, starling_database_save_account_async, save_account_op,
         starling_stored_account_copy (account), (GDestroyNotify) starling_stored_account_free,
         cancellable, callback, user_data);
}

static gboolean
list_accounts_op (StarlingDatabase  *self,
                  GTask             *task,
                  gpointer           data,
                  GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) starling_stored_account_free);
  int rc;

  stmt = prepare (self->db,
                  "SELECT handle, base_uri, account_id, display_name, avatar_url, position, needs_sign_in"
                  " FROM accounts ORDER BY position, handle",
                  _("the accounts"), error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StarlingStoredAccount *account;

      account = starling_stored_account_new ((const char *) sqlite3_column_text (stmt, 0),
                                             (const char *) sqlite3_column_text (stmt, 1),
                                             (const char *) sqlite3_column_text (stmt, 2));
      account->display_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      account->avatar_url = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      account->position = sqlite3_column_int (stmt, 5);
      account->needs_sign_in = sqlite3_column_int (stmt, 6) != 0;
      g_ptr_array_add (accounts, account);
    }

  if (rc != SQLITE_DONE)
    {
      g_propagate_error (error, sqlite_error (self->db, rc, _("the accounts")));
      return FALSE;
    }

  g_task_return_pointer (task, g_steal_pointer (&accounts), (GDestroyNotify) g_ptr_array_unref);
  return TRUE;
}

/**
 * starling_database_list_accounts_async:
 * @self: a #StarlingDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the accounts
 * @user_data: data for @callback
 */
void
starling_database_list_accounts_async (StarlingDatabase    *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (STARLING_IS_DATABASE (self));

  queue (self, starling_database_list_accounts_async, list_accounts_op, NULL, NULL,
         cancellable, callback, user_data);
}

/**
 * starling_database_list_accounts_finish:
 * @self: a #StarlingDatabase
 * @result: the result given to the callback
 * @error: return location for a #StarlingStoreError
 *
 * Returns: (transfer container) (element-type StarlingStoredAccount): the
 *   accounts in the switcher's order
 */
GPtrArray *
starling_database_list_accounts_finish (StarlingDatabase  *self,
                                        GAsyncResult      *result,
                                        GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
remove_account_op (StarlingDatabase  *self,
                   GTask             *task,
                   gpointer           data,
                   GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean ok;

  if (!in_transaction_begin (self->db, _("removing the account"), error))
    return FALSE;

  /* Everything else of the account goes with it (ON DELETE CASCADE). */
  stmt = prepare (self->db, "DELETE FROM accounts WHERE handle = ?1", _("removing the account"), error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_text (stmt, 1, data);
      ok = step_done (self->db, stmt, _("removing the account"), error);
    }
  /* Close the gap in the order. */
  ok = ok && exec (self->db,
                   "UPDATE accounts SET position ="
                   " (SELECT COUNT (*) FROM accounts AS a WHERE a.position < accounts.position"
                   "  OR (a.position = accounts.position AND a.handle < accounts.handle))",
                   _("removing the account"), error);

  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!in_transaction_end (self->db, ok, _("removing the account"), error))
    return FALSE;

  g_task_return_boolean (task, TRUE);
  return TRUE;
}

/**
 * starling_database_remove_account_async:
 * @self: a #StarlingDatabase
 * @handle: the account's `user@server`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done; finish with starling_database_write_finish()
 * @user_data: data for @callback
 *
 * Removes the account with its cached timelines, drafts and history. The
 * caller clears its secrets.
 */
void
starling_database_remove_account_async (StarlingDatabase    *self,
                                        const char          *handle,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (STARLING_IS_DATABASE (self));
  g_return_if_fail (handle != NULL);

  queue (self, starling_database_remove_account_async, remove_account_op,
         g_strdup (handle), g_free, cancellable, callback, user_data);
}

static gboolean
reorder_accounts_op (StarlingDatabase  *self,
                     GTask             *task,
                     gpointer           data,
                     GError           **error)
{
  const char * const *handles = data;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean ok = TRUE;
  guint n = g_strv_length ((char **) handles);

  if (!in_transaction_begin (self->db, _("the order of the accounts"), error))
    return FALSE;

  /* Listed handles first, in the given order; the others keep their
   * relative order after them. */
  ok = exec (self->db, "UPDATE accounts SET position = position + 1000000",
             _("the order of the accounts"), error);
  stmt = ok ? prepare (self->db, "UPDATE accounts SET position = ?2 WHERE handle = ?1",
                       _("the order of the accounts"), error) : NULL;
  ok = ok && stmt != NULL;
  for (guint i = 0; ok && i < n; i++)
    {
      sqlite3_reset (stmt);
      bind_text (stmt, 1, handles[i]);
      sqlite3_bind_int (stmt, 2, (int) i);
      ok = step_done (self->db, stmt, _("the order of the accounts"), error);
    }
  ok = ok && exec (self->db,
                   "UPDATE accounts SET position ="
                   " (SELECT COUNT (*) FROM accounts AS a WHERE a.position < accounts.position"
                   "  OR (a.position = accounts.position AND a.handle < accounts.handle))",
                   _("the order of the accounts"), error);

  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!in_transaction_end (self->db, ok, _("the order of the accounts"), error))
    return FALSE;

  g_task_return_boolean (task, TRUE);
  return TRUE;
}

/**
 * starling_database_reorder_accounts_async:
 * @self: a #StarlingDatabase
 * @handles: the accounts in their new order; accounts not listed follow
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done; finish with starling_database_write_finish()
 * @user_data: data for @callback
 */
void
starling_database_reorder_accounts_async (StarlingDatabase   *self,
                                          const char * const *handles,
                                          GCancellable       *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer            user_data)
{
  g_return_if_fail (STARLING_IS_DATABASE (self));
  g_return_if_fail (handles != NULL);

  queue (self, starling_database_reorder_accounts_async, reorder_accounts_op,
         g_strdupv ((char **) handles), (GDestroyNotify) g_strfreev, cancellable, callback, user_data);
}

typedef struct
{
  char     *handle;
  gboolean  needs_sign_in;
} NeedsSignIn;

static void
needs_sign_in_free (NeedsSignIn *data)
{
  g_free (data->handle);
  g_free (data);
}

static gboolean
set_needs_sign_in_op (StarlingDatabase  *self,
                      GTask             *task,
                      gpointer           data,
                      GError           **error)
{
  NeedsSignIn *change = data;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = prepare (self->db, "UPDATE accounts SET needs_sign_in = ?2 WHERE handle = ?1",
                  _("the account"), error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, change->handle);
  sqlite3_bind_int (stmt, 2, change->needs_sign_in ? 1 : 0);
  if (!step_done (self->db, stmt, _("the account"), error))
    return FALSE;

  g_task_return_boolean (task, TRUE);
  return TRUE;
}

/**
 * starling_database_set_needs_sign_in_async:
 * @self: a #StarlingDatabase
 * @handle: the account's `user@server`
 * @needs_sign_in: whether the server refused its token
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done; finish with starling_database_write_finish()
 * @user_data: data for @callback
 */
void
starling_database_set_needs_sign_in_async (StarlingDatabase    *self,
                                           const char          *handle,
                                           gboolean             needs_sign_in,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  NeedsSignIn *change;

  g_return_if_fail (STARLING_IS_DATABASE (self));
  g_return_if_fail (handle != NULL);

  change = g_new0 (NeedsSignIn, 1);
  change->handle = g_strdup (handle);
  change->needs_sign_in = needs_sign_in;

  queue (self, starling_database_set_needs_sign_in_async, set_needs_sign_in_op,
         change, (GDestroyNotify) needs_sign_in_free, cancellable, callback, user_data);
}

/* Timeline cache */

typedef struct
{
  char      *handle;
  char      *timeline;
  GPtrArray *documents;
} TimelineData;

static void
timeline_data_free (TimelineData *data)
{
  g_free (data->handle);
  g_free (data->timeline);
  g_clear_pointer (&data->documents, g_ptr_array_unref);
  g_free (data);
}

static gboolean
save_timeline_op (StarlingDatabase  *self,
                  GTask             *task,
                  gpointer           data,
                  GError           **error)
{
  TimelineData *timeline = data;
  g_autoptr (sqlite3_stmt) clear = NULL;
  g_autoptr (sqlite3_stmt) insert = NULL;
  gboolean ok;
  guint n = MIN (timeline->documents->len, STARLING_DATABASE_TIMELINE_CACHE_LIMIT);

  if (!in_transaction_begin (self->db, _("the cached timeline"), error))
    return FALSE;

  clear = prepare (self->db, "DELETE FROM timeline_cache WHERE handle = ?1 AND timeline = ?2",
                   _("the cached timeline"), error);
  ok = clear != NULL;
  if (ok)
    {
      bind_text (clear, 1, timeline->handle);
      bind_text (clear, 2, timeline->timeline);
      ok = step_done (self->db, clear, _("the cached timeline"), error);
    }

  insert = ok ? prepare (self->db,
                         "INSERT INTO timeline_cache (handle, timeline, position, document)"
                         " VALUES (?1, ?2, ?3, ?4)",
                         _("the cached timeline"), error) : NULL;
  ok = ok && insert != NULL;
  for (guint i = 0; ok && i < n; i++)
    {
      sqlite3_reset (insert);
      bind_text (insert, 1, timeline->handle);
      bind_text (insert, 2, timeline->timeline);
      sqlite3_bind_int (insert, 3, (int) i);
      bind_text (insert, 4, g_ptr_array_index (timeline->documents, i));
      ok = step_done (self->db, insert, _("the cached timeline"), error);
    }

  g_clear_pointer (&clear, sqlite3_finalize);
  g_clear_pointer (&insert, sqlite3_finalize);
  if (!in_transaction_end (self->db, ok, _("the cached timeline"), error))
    return FALSE;

  g_task_return_boolean (task, TRUE);
  return TRUE;
}

/**
 * starling_database_save_timeline_async:
 * @self: a #StarlingDatabase
 * @handle: the account's `user@server`
 * @timeline: which timeline (`home`, `notifications`, `list:42`…)
 * @documents: (element-type utf8): the JSON of its newest statuses, newest
 *   first; only the first %STARLING_DATABASE_TIMELINE_CACHE_LIMIT are kept
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done; finish with starling_database_write_finish()
 * @user_data: data for @callback
 *
 * Replaces the cached page of @timeline in one transaction: a reader sees
 * the old page or the new one, never half of each.
 */
void
starling_database_save_timeline_async (StarlingDatabase    *self,
                                       const char          *handle,
                                       const char          *timeline,
                                       GPtrArray           *documents,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  TimelineData *data;

  g_return_if_fail (STARLING_IS_DATABASE (self));
  g_return_if_fail (handle != NULL);
  g_return_if_fail (timeline != NULL);
  g_return_if_fail (documents != NULL);

  data = g_new0 (TimelineData, 1);
  data->handle = g_strdup (handle);
  data->timeline = g_strdup (timeline);
  data->documents = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < documents->len && i < STARLING_DATABASE_TIMELINE_CACHE_LIMIT; i++)
    g_ptr_array_add (data->documents, g_strdup (g_ptr_array_index (documents, i)));

  queue (self, starling_database_save_timeline_async, save_timeline_op,
         data, (GDestroyNotify) timeline_data_free, cancellable, callback, user_data);
}

static gboolean
load_timeline_op (StarlingDatabase  *self,
                  GTask             *task,
                  gpointer           data,
                  GError           **error)
{
  TimelineData *timeline = data;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) documents = g_ptr_array_new_with_free_func (g_free);
  int rc;

  stmt = prepare (self->db,
                  "SELECT document FROM timeline_cache WHERE handle = ?1 AND timeline = ?2"
                  " ORDER BY position",
                  _("the cached timeline"), error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, timeline->handle);
  bind_text (stmt, 2, timeline->timeline);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (documents, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));

  if (rc != SQLITE_DONE)
    {
      g_propagate_error (error, sqlite_error (self->db, rc, _("the cached timeline")));
      return FALSE;
    }

  g_task_return_pointer (task, g_steal_pointer (&documents), (GDestroyNotify) g_ptr_array_unref);
  return TRUE;
}

/**
 * starling_database_load_timeline_async:
 * @self: a #StarlingDatabase
 * @handle: the account's `user@server`
 * @timeline: which timeline
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the cached documents
 * @user_data: data for @callback
 */
void
starling_database_load_timeline_async (StarlingDatabase    *self,
                                       const char          *handle,
                                       const char          *timeline,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  TimelineData *data;

  g_return_if_fail (STARLING_IS_DATABASE (self));
  g_return_if_fail (handle != NULL);
  g_return_if_fail (timeline != NULL);

  data = g_new0 (TimelineData, 1);
  data->handle = g_strdup (handle);
  data->timeline = g_strdup (timeline);

  queue (self, starling_database_load_timeline_async, load_timeline_op,
         data, (GDestroyNotify) timeline_data_free, cancellable, callback, user_data);
}

/**
 * starling_database_load_timeline_finish:
 * @self: a #StarlingDatabase
 * @result: the result given to the callback
 * @error: return location for a #StarlingStoreError
 *
 * Returns: (transfer container) (element-type utf8): the cached JSON
 *   documents, newest first; empty when nothing is cached
 */
GPtrArray *
starling_database_load_timeline_finish (StarlingDatabase  *self,
                                        GAsyncResult      *result,
                                        GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Settings */

typedef struct
{
  char *key;
  char *value;
} Setting;

static void
setting_free (Setting *setting)
{
  g_free (setting->key);
  g_free (setting->value);
  g_free (setting);
}

static gboolean
set_setting_op (StarlingDatabase  *self,
                GTask             *task,
                gpointer           data,
                GError           **error)
{
  Setting *setting = data;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (setting->value != NULL)
    stmt = prepare (self->db,
                    "INSERT INTO settings (key, value) VALUES (?1, ?2)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    _("a setting"), error);
  else
    stmt = prepare (self->db, "DELETE FROM settings WHERE key = ?1", _("a setting"), error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, setting->key);
  if (setting->value != NULL)
    bind_text (stmt, 2, setting->value);
  if (!step_done (self->db, stmt, _("a setting"), error))
    return FALSE;

  g_task_return_boolean (task, TRUE);
  return TRUE;
}

/**
 * starling_database_set_setting_async:
 * @self: a #StarlingDatabase
 * @key: the setting's name, such as `active-account`
 * @value: (nullable): its new value; %NULL removes it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when saved; finish with starling_database_write_finish()
 * @user_data: data for @callback
 *
 * Saves a setting that belongs with the data rather than with GSettings,
 * because it names something in the data (an account's handle): the two
 * then cannot disagree.
 */
void
starling_database_set_setting_async (StarlingDatabase    *self,
                                     const char          *key,
                                     const char          *value,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Setting *setting;

  g_return_if_fail (STARLING_IS_DATABASE (self));
  g_return_if_fail (key != NULL);

  setting = g_new0 (Setting, 1);
  setting->key = g_strdup (key);
  setting->value = g_strdup (value);

  queue (self, starling_database_set_setting_async, set_setting_op,
         setting, (GDestroyNotify) setting_free, cancellable, callback, user_data);
}

static gboolean
get_setting_op (StarlingDatabase  *self,
                GTask             *task,
                gpointer           data,
                GError           **error)
{
  Setting *setting = data;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (self->db, "SELECT value FROM settings WHERE key = ?1", _("a setting"), error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, setting->key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_task_return_pointer (task, g_strdup ((const char *) sqlite3_column_text (stmt, 0)), g_free);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      g_propagate_error (error, sqlite_error (self->db, rc, _("a setting")));
      return FALSE;
    }

  g_task_return_pointer (task, NULL, NULL);
  return TRUE;
}

/**
 * starling_database_get_setting_async:
 * @self: a #StarlingDatabase
 * @key: the setting's name
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the value
 * @user_data: data for @callback
 */
void
starling_database_get_setting_async (StarlingDatabase    *self,
                                     const char          *key,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Setting *setting;

  g_return_if_fail (STARLING_IS_DATABASE (self));
  g_return_if_fail (key != NULL);

  setting = g_new0 (Setting, 1);
  setting->key = g_strdup (key);

  queue (self, starling_database_get_setting_async, get_setting_op,
         setting, (GDestroyNotify) setting_free, cancellable, callback, user_data);
}

/**
 * starling_database_get_setting_finish:
 * @self: a #StarlingDatabase
 * @result: the result given to the callback
 * @error: return location for a #StarlingStoreError
 *
 * Returns: (transfer full) (nullable): the value, or %NULL without an error
 *   when the setting was never saved
 */
char *
starling_database_get_setting_finish (StarlingDatabase  *self,
                                      GAsyncResult      *result,
                                      GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Drafts */

static gboolean
save_draft_op (StarlingDatabase  *self,
               GTask             *task,
               gpointer           data,
               GError           **error)
{
  StarlingStoredDraft *draft = data;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  /* A draft saved before keeps its id; one deleted meanwhile (sent from
   * another window) comes back under the same id rather than being lost. */
  stmt = prepare (self->db,
                  "INSERT INTO drafts (id, handle, text, spoiler_text, visibility, language,"
                  "                    in_reply_to_id, media, poll, scheduled_at, updated_at)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
                  " ON CONFLICT (id) DO UPDATE SET"
                  "   handle = excluded.handle, text = excluded.text,"
                  "   spoiler_text = excluded.spoiler_text, visibility = excluded.visibility,"
                  "   language = excluded.language, in_reply_to_id = excluded.in_reply_to_id,"
                  "   media = excluded.media, poll = excluded.poll,"
                  "   scheduled_at = excluded.scheduled_at, updated_at = excluded.updated_at"
                  " RETURNING id",
                  _("the draft"), error);
  if (stmt == NULL)
    return FALSE;

  if (draft->id > 0)
    sqlite3_bind_int64 (stmt, 1, draft->id);
  else
    sqlite3_bind_null (stmt, 1);
  bind_text (stmt, 2, draft->handle);
  bind_text (stmt, 3, draft->text != NULL ? draft->text : "");
  bind_text (stmt, 4, draft->spoiler_text);
  bind_text (stmt, 5, draft->visibility);
  bind_text (stmt, 6, draft->language);
  bind_text (stmt, 7, draft->in_reply_to_id);
  bind_text (stmt, 8, draft->media_json);
  bind_text (stmt, 9, draft->poll_json);
  sqlite3_bind_int64 (stmt, 10, MAX (draft->scheduled_at, 0));
  sqlite3_bind_int64 (stmt, 11, g_get_real_time () / G_USEC_PER_SEC);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_propagate_error (error, sqlite_error (self->db, sqlite3_errcode (self->db), _("the draft")));
      return FALSE;
    }

  g_task_return_int (task, sqlite3_column_int64 (stmt, 0));
  return TRUE;
}

/**
 * starling_database_save_draft_async:
 * @self: a #StarlingDatabase
 * @draft: the draft; id 0 makes a new one, another id replaces that draft
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when saved; finish with
 *   starling_database_save_draft_finish()
 * @user_data: data for @callback
 *
 * Saves a draft, with the time of saving as its `updated_at`. The account
 * must be known to the database: its drafts go with it when it is removed.
 */
void
starling_database_save_draft_async (StarlingDatabase          *self,
                                    const StarlingStoredDraft *draft,
                                    GCancellable              *cancellable,
                                    GAsyncReadyCallback        callback,
                                    gpointer                   user_data)
{
  g_return_if_fail (STARLING_IS_DATABASE (self));
  g_return_if_fail (draft != NULL && draft->handle != NULL);

  queue (self, starling_database_save_draft_async, save_draft_op,
         starling_stored_draft_copy (draft), (GDestroyNotify) starling_stored_draft_free,
         cancellable, callback, user_data);
}

/**
 * starling_database_save_draft_finish:
 * @self: a #StarlingDatabase
 * @result: the result given to the callback
 * @error: return location for a #StarlingStoreError
 *
 * Returns: the draft's id (keep it for the next save), or 0 on error
 */
gint64
starling_database_save_draft_finish (StarlingDatabase  *self,
                                     GAsyncResult      *result,
                                     GError           **error)
{
  gssize id;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  id = g_task_propagate_int (G_TASK (result), error);
  return id > 0 ? (gint64) id : 0;
}

static gboolean
list_drafts_op (StarlingDatabase  *self,
                GTask             *task,
                gpointer           data,
                GError           **error)
{
  const char *handle = data;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) starling_stored_draft_free);
  int rc;

  stmt = prepare (self->db,
                  "SELECT id, handle, text, spoiler_text, visibility, language, in_reply_to_id,"
                  "       media, poll, scheduled_at, updated_at"
                  " FROM drafts WHERE ?1 IS NULL OR handle = ?1"
                  " ORDER BY updated_at DESC, id DESC",
                  _("the drafts"), error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, handle);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StarlingStoredDraft *draft;

      draft = starling_stored_draft_new ((const char *) sqlite3_column_text (stmt, 1),
                                         (const char *) sqlite3_column_text (stmt, 2));
      draft->id = sqlite3_column_int64 (stmt, 0);
      draft->spoiler_text = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      draft->visibility = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      draft->language = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      draft->in_reply_to_id = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      draft->media_json = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      draft->poll_json = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
      draft->scheduled_at = sqlite3_column_int64 (stmt, 9);
      draft->updated_at = sqlite3_column_int64 (stmt, 10);
      g_ptr_array_add (drafts, draft);
    }

  if (rc != SQLITE_DONE)
    {
      g_propagate_error (error, sqlite_error (self->db, rc, _("the drafts")));
      return FALSE;
    }

  g_task_return_pointer (task, g_steal_pointer (&drafts), (GDestroyNotify) g_ptr_array_unref);
  return TRUE;
}

/**
 * starling_database_list_drafts_async:
 * @self: a #StarlingDatabase
 * @handle: (nullable): one account's drafts, or %NULL for every account's
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the drafts
 * @user_data: data for @callback
 */
void
starling_database_list_drafts_async (StarlingDatabase    *self,
                                     const char          *handle,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (STARLING_IS_DATABASE (self));

  queue (self, starling_database_list_drafts_async, list_drafts_op,
         g_strdup (handle), g_free, cancellable, callback, user_data);
}

/**
 * starling_database_list_drafts_finish:
 * @self: a #StarlingDatabase
 * @result: the result given to the callback
 * @error: return location for a #StarlingStoreError
 *
 * Returns: (transfer container) (element-type StarlingStoredDraft): the
 *   drafts, the last saved first
 */
GPtrArray *
starling_database_list_drafts_finish (StarlingDatabase  *self,
                                      GAsyncResult      *result,
                                      GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
delete_draft_op (StarlingDatabase  *self,
                 GTask             *task,
                 gpointer           data,
                 GError           **error)
{
  gint64 *id = data;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = prepare (self->db, "DELETE FROM drafts WHERE id = ?1", _("the draft"), error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, *id);
  if (!step_done (self->db, stmt, _("the draft"), error))
    return FALSE;

  g_task_return_boolean (task, TRUE);
  return TRUE;
}

/**
 * starling_database_delete_draft_async:
 * @self: a #StarlingDatabase
 * @id: the draft's id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done; finish with starling_database_write_finish()
 * @user_data: data for @callback
 *
 * Deletes a draft (once posted, or thrown away). Deleting one that is not
 * there succeeds.
 */
void
starling_database_delete_draft_async (StarlingDatabase    *self,
                                      gint64               id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (STARLING_IS_DATABASE (self));
  g_return_if_fail (id > 0);

  queue (self, starling_database_delete_draft_async, delete_draft_op,
         g_memdup2 (&id, sizeof id), g_free, cancellable, callback, user_data);
}
