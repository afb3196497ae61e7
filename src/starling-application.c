/* starling-application.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-application"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "starling-application.h"
#include "starling-window.h"
#include "api/starling-account-manager.h"
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

/* The exit status of a command line that does not hold together. */
#define EXIT_USAGE 2
/* The longest token read; Mastodon's are 43 characters. */
#define MAX_TOKEN_LENGTH 4096

/* Reads one line from standard input, without echo when it is a terminal,
 * through no buffer but this one, which is wiped. */
static StarlingSecret *
read_token (const char  *server,
            GError     **error)
{
  char buffer[MAX_TOKEN_LENGTH + 2];
  gboolean tty = isatty (STDIN_FILENO);
  struct termios saved;
  gboolean echo_off = FALSE;
  gsize length = 0;
  StarlingSecret *token;

  if (tty)
    {
      struct termios quiet;

      /* Echo goes off before the prompt: nothing typed after it shows. */
      if (tcgetattr (STDIN_FILENO, &saved) == 0)
        {
          quiet = saved;
          quiet.c_lflag &= ~(tcflag_t) ECHO;
          echo_off = tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
      g_printerr (_("Access token for %s: "), server);
    }

  while (length < sizeof buffer - 1)
    {
      ssize_t got = read (STDIN_FILENO, buffer + length, 1);

      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0 || buffer[length] == '\n')
        break;
      length++;
    }
  buffer[length] = '\0';

  if (echo_off)
    tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
  if (tty)
    g_printerr ("\n");

  if (length > MAX_TOKEN_LENGTH)
    {
      explicit_bzero (buffer, sizeof buffer);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("What was read from standard input is too long to be an access token"));
      return NULL;
    }

  token = g_strstrip (g_strdup (buffer));
  explicit_bzero (buffer, sizeof buffer);
  if (*token == '\0')
    {
      starling_secret_free (token);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("No access token was given on standard input"));
      return NULL;
    }

  return token;
}

static void
weak_notify_cb (gpointer  data,
                GObject  *where_the_object_was)
{
  *(gboolean *) data = TRUE;
}

/* Lets the database finish what was asked of it (the worker hands its last
 * tasks back to this thread) and close. */
static void
close_database (StarlingDatabase *database)
{
  gboolean closed = FALSE;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_object_weak_ref (G_OBJECT (database), weak_notify_cb, &closed);
  g_object_unref (database);
  while (!closed && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/* `starling --add-account=https://server --token-stdin`: verifies the
 * token read from standard input, keeps it in the keyring and remembers the
 * account, in this process, whether or not the app runs elsewhere (which
 * shows the account at its next start). The token is never printed, nor
 * taken from the command line, where other users could read it. */
static int
add_account (const char *server)
{
  g_autofree char *path = starling_database_default_path ();
  g_autoptr (GAsyncResult) opened = NULL;
  g_autoptr (GAsyncResult) added = NULL;
  g_autoptr (SoupSession) session = NULL;
  g_autoptr (StarlingSecretStore) store = NULL;
  g_autoptr (StarlingAccountManager) manager = NULL;
  g_autoptr (StarlingAccountSession) account = NULL;
  g_autoptr (StarlingSecret) token = NULL;
  g_autoptr (GError) error = NULL;
  StarlingDatabase *database;

  token = read_token (server, &error);
  if (token == NULL)
    {
      g_printerr (_("Could not add the account: %s\n"), error->message);
      return EXIT_FAILURE;
    }

  starling_database_open_async (path, NULL, database_ready_cb, &opened);
  database = starling_database_open_finish (wait_for (&opened), &error);
  if (database == NULL)
    {
      g_printerr (_("Could not add the account: %s\n"), error->message);
      return EXIT_FAILURE;
    }

  session = starling_session_new (NULL);
  store = starling_secret_store_new ();
  manager = starling_account_manager_new (session, database, store);

  starling_account_manager_add_async (manager, server, token, NULL, database_ready_cb, &added);
  account = starling_account_manager_add_finish (manager, wait_for (&added), &error);
  g_clear_object (&added);
  g_clear_object (&manager);
  close_database (database);

  if (account == NULL)
    {
      g_printerr (_("Could not add the account on %s: %s\n"), server, error->message);
      return EXIT_FAILURE;
    }

  g_print (_("Added %s\n"), starling_account_session_get_handle (account));
  return EXIT_SUCCESS;
}

static int
usage (const char *problem)
{
  g_printerr ("%s\n", problem);
  g_printerr (_("Usage: starling --add-account=https://SERVER --token-stdin\n"
                "The access token is read from standard input, never from the command line.\n"));
  return EXIT_USAGE;
}

static int
starling_application_handle_local_options (GApplication *app,
                                           GVariantDict *options)
{
  const char *server = NULL;
  gboolean listing = g_variant_dict_contains (options, "list-accounts");
  gboolean token_stdin = g_variant_dict_contains (options, "token-stdin");

  g_variant_dict_lookup (options, "add-account", "&s", &server);

  if (server != NULL || token_stdin)
    {
      if (listing)
        return usage (_("--add-account and --list-accounts cannot be used together."));
      if (server == NULL || *server == '\0')
        return usage (_("--token-stdin needs the server: --add-account=https://SERVER."));
      if (!token_stdin)
        return usage (_("--add-account needs --token-stdin: the token is read from standard input."));

      return add_account (server);
    }

  if (listing)
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
    { "add-account", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
      N_("Sign in to the account whose access token is read from standard input (with --token-stdin), and exit"),
      N_("https://SERVER") },
    { "list-accounts", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Print the signed-in accounts, one per line, and exit"), NULL },
    { "token-stdin", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Read the access token of --add-account from standard input"), NULL },
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
