/* starling-application.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-application"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "starling-application.h"
#include "starling-window.h"
#include "api/starling-session.h"
#include "store/starling-database.h"

struct _StarlingApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  StarlingImageLoader *image_loader;
  guint           trim_images_id;
};

G_DEFINE_FINAL_TYPE (StarlingApplication, starling_application, ADW_TYPE_APPLICATION)

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GList *windows;

  /* Closing each window (rather than g_application_quit) lets every window
   * save its state, such as its size, on the way out. */
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  while (windows != NULL)
    {
      GtkWindow *window = windows->data;

      windows = windows->next;
      gtk_window_close (window);
    }

  g_application_quit (app);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Starling developers", NULL };
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "modal", TRUE,
                        "application-icon", APPLICATION_ID,
                        "application-name", _("Starling"),
                        "developer-name", _("The Starling developers"),
                        "version", PACKAGE_VERSION,
                        "website", PACKAGE_WEBSITE,
                        "issue-url", PACKAGE_WEBSITE "/issues",
                        "comments", _("Read your timelines, write for one or several accounts, "
                                      "and see how far your posts travel across the fediverse."),
                        "developers", developers,
                        /* Translators: replace with your names, one per line. */
                        "translator-credits", _("translator-credits"),
                        "copyright", "© 2026 The Starling developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);
  gtk_window_present (about);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
};

static void
starling_application_activate (GApplication *app)
{
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (starling_window_new (STARLING_APPLICATION (app)));

  gtk_window_present (window);
}

static void
database_ready_cb (GObject      *object,
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

/* `starling --list-accounts`: one line per account, tab-separated, for
 * scripts. Runs in the process that was started, whether or not a window
 * is open elsewhere: the database is in WAL mode, so reading it alongside
 * the running app is safe. Tokens are never printed: they are not in the
 * database at all. */
static int
list_accounts (void)
{
  g_autofree char *path = starling_database_default_path ();
  g_autoptr (GAsyncResult) opened = NULL;
  g_autoptr (GAsyncResult) listed = NULL;
  g_autoptr (StarlingDatabase) database = NULL;
  g_autoptr (GPtrArray) accounts = NULL;
  g_autoptr (GError) error = NULL;

  /* Listing must not create a data file where there was none. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return EXIT_SUCCESS;

  starling_database_open_async (path, NULL, database_ready_cb, &opened);
  database = starling_database_open_finish (wait_for (&opened), &error);
  if (database == NULL)
    {
      g_printerr (_("Could not read the accounts: %s\n"), error->message);
      return EXIT_FAILURE;
    }

  starling_database_list_accounts_async (database, NULL, database_ready_cb, &listed);
  accounts = starling_database_list_accounts_finish (database, wait_for (&listed), &error);
  if (accounts == NULL)
    {
      g_printerr (_("Could not read the accounts: %s\n"), error->message);
      return EXIT_FAILURE;
    }

  for (guint i = 0; i < accounts->len; i++)
    {
      StarlingStoredAccount *account = g_ptr_array_index (accounts, i);

      g_print ("%s\t%s\t%s\n", account->handle, account->base_uri,
               account->needs_sign_in ? "needs-sign-in" : "signed-in");
    }

  return EXIT_SUCCESS;
}

static int
starling_application_handle_local_options (GApplication *app,
                                           GVariantDict *options)
{
  if (g_variant_dict_contains (options, "list-accounts"))
    return list_accounts ();

  /* Go on: activate here, or in the instance already running. */
  return -1;
}

/* A few seconds after start, once the window is up: trimming the image
 * cache never competes with the first timeline. */
static gboolean
trim_images_cb (gpointer user_data)
{
  StarlingApplication *self = user_data;

  self->trim_images_id = 0;
  starling_image_loader_trim_disk_async (self->image_loader, NULL, NULL, NULL);
  return G_SOURCE_REMOVE;
}

static void
starling_application_startup (GApplication *app)
{
  StarlingApplication *self = STARLING_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  G_APPLICATION_CLASS (starling_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);

  self->settings = g_settings_new (APPLICATION_ID);

  {
    g_autoptr (SoupSession) session = starling_session_new (NULL);
    g_autofree char *cache_dir = g_build_filename (g_get_user_cache_dir (), "starling", "images", NULL);

    self->image_loader = starling_image_loader_new (session, cache_dir);
    self->trim_images_id = g_timeout_add_seconds (5, trim_images_cb, self);
  }
}

static void
starling_application_dispose (GObject *object)
{
  StarlingApplication *self = STARLING_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_handle_id (&self->trim_images_id, g_source_remove);
  g_clear_object (&self->image_loader);

  G_OBJECT_CLASS (starling_application_parent_class)->dispose (object);
}

static void
starling_application_class_init (StarlingApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = starling_application_dispose;

  app_class->activate = starling_application_activate;
  app_class->handle_local_options = starling_application_handle_local_options;
  app_class->startup = starling_application_startup;
}

static void
starling_application_init (StarlingApplication *self)
{
  static const GOptionEntry entries[] = {
    { "list-accounts", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Print the signed-in accounts, one per line, and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

/**
 * starling_application_new:
 *
 * Creates the application. Its resources (the shortcuts window among them)
 * live under the same base path in development builds, whose application id
 * ends in `.Devel`.
 *
 * Returns: (transfer full): a new #StarlingApplication
 */
StarlingApplication *
starling_application_new (void)
{
  return g_object_new (STARLING_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/**
 * starling_application_get_settings:
 * @self: a #StarlingApplication
 *
 * Returns: (transfer none): the application's settings, available once the
 *   application has started up
 */
GSettings *
starling_application_get_settings (StarlingApplication *self)
{
  g_return_val_if_fail (STARLING_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * starling_application_get_image_loader:
 * @self: a #StarlingApplication
 *
 * Returns: (transfer none): the one loader of avatars and media, available
 *   once the application has started up
 */
StarlingImageLoader *
starling_application_get_image_loader (StarlingApplication *self)
{
  g_return_val_if_fail (STARLING_IS_APPLICATION (self), NULL);

  return self->image_loader;
}
