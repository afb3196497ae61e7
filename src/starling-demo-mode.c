/* starling-demo-mode.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `starling --demo` and the welcome page's Try the Demo: the demo instance
 * in the process on a loopback port, a database in a temporary folder, no
 * keyring (secrets in memory only), and a sign-in through the real OAuth
 * flow in which Starling plays the browser itself. Stopping it deletes the
 * temporary folder.
 */

#define G_LOG_DOMAIN "starling-demo-mode"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "api/starling-session.h"
#include "demo/starling-demo-browser.h"
#include "store/starling-database.h"

#include "starling-demo-mode.h"

struct _StarlingDemoMode
{
  GObject                 parent_instance;

  char                   *data_dir;
  StarlingDemoServer     *server;
  SoupSession            *session;
  StarlingDatabase       *database;
  StarlingAccountManager *manager;
  StarlingImageLoader    *image_loader;
  StarlingOAuth          *oauth;
  GCancellable           *browser_cancellable;
  GError                 *browser_error;
  gboolean                stopped;
};

G_DEFINE_FINAL_TYPE (StarlingDemoMode, starling_demo_mode, G_TYPE_OBJECT)

static gboolean
delete_tree (GFile   *file,
             GError **error)
{
  g_autoptr (GFileEnumerator) children = NULL;
  g_autoptr (GError) local_error = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &local_error);
  if (children != NULL)
    {
      GFileInfo *info;
      GFile *child;

      while (g_file_enumerator_iterate (children, &info, &child, NULL, error) && info != NULL)
        if (!delete_tree (child, error))
          return FALSE;
    }
  else if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_clear_error (&local_error);

  /* A file that went meanwhile is gone as wished. */
  if (!g_file_delete (file, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static void
delete_data_dir (const char *path)
{
  g_autoptr (GFile) dir = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;

  if (!delete_tree (dir, &error))
    g_debug ("The demo's temporary folder %s could not be deleted yet: %s", path, error->message);
}

typedef struct
{
  char  *path;
  guint  passes;
} Deletion;

static void
deletion_free (Deletion *deletion)
{
  g_free (deletion->path);
  g_free (deletion);
}

static gboolean
delete_data_dir_cb (gpointer user_data)
{
  Deletion *deletion = user_data;

  delete_data_dir (deletion->path);
  return ++deletion->passes < 3 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Deletes @path now, and a few times more over the next second: a picture
 * fetched just before the demo stopped may still be written to the image
 * cache by a worker, and a database write still queued closes the file a
 * little later. */
static void
delete_data_dir_soon (const char *path)
{
  Deletion *deletion = g_new0 (Deletion, 1);

  deletion->path = g_strdup (path);
  delete_data_dir (path);
  g_timeout_add_full (G_PRIORITY_DEFAULT, 300, delete_data_dir_cb, deletion, (GDestroyNotify) deletion_free);
}

static void
database_gone_cb (gpointer  user_data,
                  GObject  *where_the_object_was)
{
  delete_data_dir_soon (user_data);
  g_free (user_data);
}

static void
starling_demo_mode_dispose (GObject *object)
{
  StarlingDemoMode *self = STARLING_DEMO_MODE (object);

  starling_demo_mode_stop (self);

  G_OBJECT_CLASS (starling_demo_mode_parent_class)->dispose (object);
}

static void
starling_demo_mode_finalize (GObject *object)
{
  StarlingDemoMode *self = STARLING_DEMO_MODE (object);

  g_free (self->data_dir);
  g_clear_error (&self->browser_error);

  G_OBJECT_CLASS (starling_demo_mode_parent_class)->finalize (object);
}

static void
starling_demo_mode_class_init (StarlingDemoModeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = starling_demo_mode_dispose;
  object_class->finalize = starling_demo_mode_finalize;
}

static void
starling_demo_mode_init (StarlingDemoMode *self)
{
}

/* Starting, step by step */

static void
added_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StarlingDemoMode *self = g_task_get_task_data (task);
  g_autoptr (StarlingAccountSession) account = NULL;
  g_autoptr (GError) error = NULL;

  account = starling_account_manager_add_finish (STARLING_ACCOUNT_MANAGER (object), result, &error);
  if (account == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_debug ("The demo is signed in as %s", starling_account_session_get_handle (account));
  g_task_return_pointer (task, g_object_ref (self), g_object_unref);
}

static void
authorized_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StarlingDemoMode *self = g_task_get_task_data (task);
  g_autoptr (StarlingOAuthToken) token = NULL;
  g_autoptr (GError) error = NULL;
  GCancellable *cancellable;

  token = starling_oauth_authorize_finish (STARLING_OAUTH (object), result, &error);
  if (token == NULL)
    {
      /* When the browser failed, its reason is the one to give. */
      if (self->browser_error != NULL)
        g_task_return_error (task, g_steal_pointer (&self->browser_error));
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_clear_object (&self->oauth);
  cancellable = g_task_get_cancellable (task);
  starling_account_manager_add_async (self->manager, starling_demo_server_get_base_uri (self->server),
                                      starling_oauth_token_get_access_token (token),
                                      cancellable, added_cb, g_steal_pointer (&task));
}

static void
browser_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (StarlingDemoMode) self = user_data;
  g_autoptr (GError) error = NULL;

  if (starling_demo_browser_approve_finish (result, &error))
    return;

  /* The loopback port would wait for a browser that gave up: stop it. */
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_error (&self->browser_error);
      self->browser_error = g_steal_pointer (&error);
      g_cancellable_cancel (self->browser_cancellable);
    }
}

static void
open_uri_cb (StarlingOAuth *oauth,
             const char    *uri,
             gpointer       user_data)
{
  StarlingDemoMode *self = user_data;

  starling_demo_browser_approve_async (uri, self->browser_cancellable, browser_done_cb, g_object_ref (self));
}

static void
prepared_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StarlingDemoMode *self = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  self->oauth = starling_account_manager_prepare_oauth_finish (STARLING_ACCOUNT_MANAGER (object), result, &error);
  if (self->oauth == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  starling_oauth_authorize_async (self->oauth, FALSE, open_uri_cb, self, self->browser_cancellable,
                                  authorized_cb, g_steal_pointer (&task));
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StarlingDemoMode *self = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  GCancellable *cancellable;

  if (!starling_account_manager_load_finish (STARLING_ACCOUNT_MANAGER (object), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  cancellable = g_task_get_cancellable (task);
  starling_account_manager_prepare_oauth_async (self->manager, starling_demo_server_get_base_uri (self->server),
                                                cancellable, prepared_cb, g_steal_pointer (&task));
}

static void
database_opened_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StarlingDemoMode *self = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autofree char *images = NULL;
  GCancellable *cancellable;

  self->database = starling_database_open_finish (result, &error);
  if (self->database == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* No secret store: the demo's token lives in memory only. */
  self->manager = starling_account_manager_new (self->session, self->database, NULL);
  images = g_build_filename (self->data_dir, "images", NULL);
  self->image_loader = starling_image_loader_new (self->session, images);
  cancellable = g_task_get_cancellable (task);
  starling_account_manager_load_async (self->manager, cancellable, loaded_cb, g_steal_pointer (&task));
}

static void
cancelled_cb (GCancellable *cancellable,
              GCancellable *browser_cancellable)
{
  g_cancellable_cancel (browser_cancellable);
}

/**
 * starling_demo_mode_start_async:
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the demo is signed in
 * @user_data: data for @callback
 *
 * Starts the demo instance (seed %STARLING_DEMO_MODE_SEED) on loopback,
 * opens a database in a new temporary folder, and signs in to the demo's
 * brand account through the authorize page, the consent form and the
 * loopback redirect.
 */
void
starling_demo_mode_start_async (GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr (StarlingDemoMode) self = NULL;
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  self = g_object_new (STARLING_TYPE_DEMO_MODE, NULL);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_demo_mode_start_async);
  g_task_set_task_data (task, g_object_ref (self), g_object_unref);

  self->browser_cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb),
                           g_object_ref (self->browser_cancellable), g_object_unref);

  self->data_dir = g_dir_make_tmp ("starling-demo-XXXXXX", &error);
  if (self->data_dir == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("The demo could not make its temporary folder: %s"), error->message);
      return;
    }

  self->server = starling_demo_server_new (STARLING_DEMO_MODE_SEED);
  if (!starling_demo_server_start (self->server, &error))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("The demo server could not start: %s"), error->message);
      return;
    }

  /* Every host leads to the demo, so the simulated remote servers answer
   * too; nothing goes to the network. */
  self->session = starling_session_new (starling_demo_server_get_proxy_resolver (self->server));

  path = g_build_filename (self->data_dir, "starling.sqlite3", NULL);
  starling_database_open_async (path, cancellable, database_opened_cb, g_steal_pointer (&task));
}

/**
 * starling_demo_mode_start_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the demo, signed in, or %NULL
 */
StarlingDemoMode *
starling_demo_mode_start_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == starling_demo_mode_start_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * starling_demo_mode_get_account_manager:
 * @self: a #StarlingDemoMode
 *
 * Returns: (transfer none): the demo's accounts
 */
StarlingAccountManager *
starling_demo_mode_get_account_manager (StarlingDemoMode *self)
{
  g_return_val_if_fail (STARLING_IS_DEMO_MODE (self), NULL);

  return self->manager;
}

/**
 * starling_demo_mode_get_image_loader:
 * @self: a #StarlingDemoMode
 *
 * Returns: (transfer none): the loader of the demo's pictures, through the
 *   demo's session, with its cache in the temporary folder
 */
StarlingImageLoader *
starling_demo_mode_get_image_loader (StarlingDemoMode *self)
{
  g_return_val_if_fail (STARLING_IS_DEMO_MODE (self), NULL);

  return self->image_loader;
}

/**
 * starling_demo_mode_get_server:
 * @self: a #StarlingDemoMode
 *
 * Returns: (transfer none): the demo instance
 */
StarlingDemoServer *
starling_demo_mode_get_server (StarlingDemoMode *self)
{
  g_return_val_if_fail (STARLING_IS_DEMO_MODE (self), NULL);

  return self->server;
}

/**
 * starling_demo_mode_get_data_dir:
 * @self: a #StarlingDemoMode
 *
 * Returns: (nullable): the temporary folder of the demo's data, or %NULL
 *   once it is deleted
 */
const char *
starling_demo_mode_get_data_dir (StarlingDemoMode *self)
{
  g_return_val_if_fail (STARLING_IS_DEMO_MODE (self), NULL);

  return self->stopped ? NULL : self->data_dir;
}

/**
 * starling_demo_mode_stop:
 * @self: a #StarlingDemoMode
 *
 * Leaves the demo: the accounts and their streams go away, the server
 * stops, and the temporary folder is deleted. Safe to call twice.
 */
void
starling_demo_mode_stop (StarlingDemoMode *self)
{
  g_return_if_fail (STARLING_IS_DEMO_MODE (self));

  if (self->stopped)
    return;
  self->stopped = TRUE;

  if (self->browser_cancellable != NULL)
    g_cancellable_cancel (self->browser_cancellable);
  g_clear_object (&self->browser_cancellable);
  g_clear_object (&self->oauth);
  g_clear_object (&self->image_loader);
  g_clear_object (&self->manager);
  if (self->server != NULL)
    starling_demo_server_stop (self->server);
  g_clear_object (&self->server);
  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);

  /* The folder goes once the database is closed: a write still queued
   * holds it a little longer. */
  if (self->database != NULL && self->data_dir != NULL)
    g_object_weak_ref (G_OBJECT (self->database), database_gone_cb, g_strdup (self->data_dir));
  else if (self->data_dir != NULL)
    delete_data_dir_soon (self->data_dir);
  g_clear_object (&self->database);
}
