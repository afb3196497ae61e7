/* starling-application.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application: it owns the one SoupSession, the database, the secret
 * store and the account manager (or, in the demo, the demo's), and the
 * actions and shortcuts that act on the accounts.
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
#include <glib-unix.h>

#include "api/starling-session.h"
#include "store/starling-database.h"
#include "store/starling-secret-store.h"
#include "ui/common/starling-accessibility.h"
#include "ui/notifications/starling-desktop-notifier.h"

#include "starling-application.h"
#include "starling-demo-mode.h"
#include "starling-window.h"

struct _StarlingApplication
{
  AdwApplication          parent_instance;

  GSettings              *settings;
  guint                   sigint_id;
  guint                   sigterm_id;
  SoupSession            *session;
  StarlingImageLoader    *image_loader;
  guint                   trim_images_id;
  /* Mentions, follows and boosts on the desktop; app.open-status. */
  StarlingDesktopNotifier *notifier;

  /* Where the accounts live; tests choose a file of their own and no
   * keyring. */
  char                   *database_path;
  gboolean                memory_only;

  /* The user's accounts. */
  StarlingDatabase       *database;
  StarlingSecretStore    *secret_store;
  StarlingAccountManager *accounts;
  GCancellable           *load_cancellable;
  char                   *recovered_path;

  /* The demo, while it runs or starts. */
  StarlingDemoMode       *demo;
  GCancellable           *demo_cancellable;
  gboolean                start_demo_on_activate;

  char                   *busy_message;
  GError                 *error;
  gboolean                error_is_demo;

  StarlingOpenUriFunc     open_uri;
  gpointer                open_uri_data;
  GDestroyNotify          open_uri_destroy;
};

G_DEFINE_FINAL_TYPE (StarlingApplication, starling_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_ACCOUNT_MANAGER,
  PROP_BUSY,
  PROP_BUSY_MESSAGE,
  PROP_ERROR,
  PROP_DEMO,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static StarlingWindow *
main_window (StarlingApplication *self)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  for (GList *l = windows; l != NULL; l = l->next)
    if (STARLING_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void
set_busy (StarlingApplication *self,
          const char          *message)
{
  gboolean was_busy = self->busy_message != NULL;

  if (g_strcmp0 (self->busy_message, message) == 0)
    return;

  g_free (self->busy_message);
  self->busy_message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY_MESSAGE]);
  if (was_busy != (message != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_error (StarlingApplication *self,
           const GError        *error)
{
  if (self->error == NULL && error == NULL)
    return;

  self->error_is_demo = FALSE;
  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
update_demo_action (StarlingApplication *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "leave-demo");

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->demo != NULL);
}

/* Loading the accounts */

static void
accounts_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (StarlingApplication) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!starling_account_manager_load_finish (STARLING_ACCOUNT_MANAGER (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("The accounts could not be loaded: %s", error->message);
      set_error (self, error);
    }
  else
    set_error (self, NULL);

  if (object == (GObject *) self->accounts)
    set_busy (self, NULL);
}

static void
load_accounts (StarlingApplication *self)
{
  set_busy (self, _("Loading your accounts…"));
  starling_account_manager_load_async (self->accounts, self->load_cancellable,
                                       accounts_loaded_cb, g_object_ref (self));
}

static void
database_opened_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (StarlingApplication) self = user_data;
  g_autoptr (GError) error = NULL;

  self->database = starling_database_open_finish (result, &error);
  if (self->database == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_error (self, error);
      set_busy (self, NULL);
      return;
    }

  /* A damaged file was set aside and a fresh one made: the window says so,
   * and where the old one is. */
  g_free (self->recovered_path);
  self->recovered_path = g_strdup (starling_database_get_recovered_path (self->database));

  if (!self->memory_only)
    self->secret_store = starling_secret_store_new ();
  self->accounts = starling_account_manager_new (self->session, self->database, self->secret_store);
  if (self->demo == NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_MANAGER]);

  load_accounts (self);
}

/**
 * starling_application_load:
 * @self: a #StarlingApplication
 *
 * Opens the database and loads the accounts, or, when that was done, loads
 * them again: after the keyring was unlocked, or to try again after a
 * failure. Accounts already signed in stay as they are.
 */
void
starling_application_load (StarlingApplication *self)
{
  g_autofree char *path = NULL;

  g_return_if_fail (STARLING_IS_APPLICATION (self));

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  set_error (self, NULL);

  if (self->accounts != NULL)
    {
      load_accounts (self);
      return;
    }

  set_busy (self, _("Loading your accounts…"));
  path = self->database_path != NULL ? g_strdup (self->database_path) : starling_database_default_path ();
  starling_database_open_async (path, self->load_cancellable, database_opened_cb, g_object_ref (self));
}

/* The demo */

static void
demo_started_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (StarlingApplication) self = user_data;
  g_autoptr (StarlingDemoMode) demo = NULL;
  g_autoptr (GError) error = NULL;

  demo = starling_demo_mode_start_finish (result, &error);
  if (demo == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_clear_object (&self->demo_cancellable);
      set_error (self, error);
      self->error_is_demo = TRUE;
      set_busy (self, NULL);
      return;
    }

  g_clear_object (&self->demo_cancellable);
  self->demo = g_steal_pointer (&demo);
  update_demo_action (self);
  set_error (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_MANAGER]);
  set_busy (self, NULL);
}

/**
 * starling_application_start_demo:
 * @self: a #StarlingApplication
 *
 * Starts the demo instance and signs in to it (see #StarlingDemoMode); the
 * window follows #StarlingApplication:account-manager.
 */
void
starling_application_start_demo (StarlingApplication *self)
{
  g_return_if_fail (STARLING_IS_APPLICATION (self));

  if (self->demo != NULL || self->demo_cancellable != NULL)
    return;

  self->demo_cancellable = g_cancellable_new ();
  set_error (self, NULL);
  set_busy (self, _("Starting the demo…"));
  starling_demo_mode_start_async (self->demo_cancellable, demo_started_cb, g_object_ref (self));
}

/**
 * starling_application_leave_demo:
 * @self: a #StarlingApplication
 *
 * Stops the demo and deletes its temporary data; the window goes back to
 * the user's own accounts, or to the welcome page.
 */
void
starling_application_leave_demo (StarlingApplication *self)
{
  g_return_if_fail (STARLING_IS_APPLICATION (self));

  if (self->demo_cancellable != NULL)
    {
      g_cancellable_cancel (self->demo_cancellable);
      g_clear_object (&self->demo_cancellable);
      set_busy (self, NULL);
    }

  if (self->demo == NULL)
    return;

  starling_demo_mode_stop (self->demo);
  g_clear_object (&self->demo);
  update_demo_action (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_MANAGER]);

  /* Started with --demo: the user's accounts were never loaded. */
  if (self->accounts == NULL)
    starling_application_load (self);
}

/* Opening the browser */

static void
shown_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autofree char *uri = user_data;
  g_autoptr (GError) error = NULL;
  GtkWidget *dialog;

  if (gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error))
    return;

  /* The user has to know, and can still open the page by hand. */
  dialog = adw_message_dialog_new (GTK_WINDOW (object), _("The Browser Could Not Be Opened"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s\n\nOpen this address in your browser to go on:\n%s"),
                                  error->message, uri);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
default_open_uri (GtkWindow  *parent,
                  const char *uri,
                  gpointer    user_data)
{
  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, NULL, shown_cb, g_strdup (uri));
}

/* Actions */

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

static StarlingWindow *
present_main_window (StarlingApplication *self)
{
  StarlingWindow *window = main_window (self);

  if (window == NULL)
    window = starling_window_new (self);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
add_account_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  StarlingApplication *self = user_data;

  if (self->accounts == NULL && self->demo == NULL)
    return;
  starling_window_add_account (present_main_window (self));
}

static void
manage_accounts_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  StarlingApplication *self = user_data;

  if (starling_application_get_account_manager (self) == NULL)
    return;
  starling_window_manage_accounts (present_main_window (self));
}

static void
sign_in_again_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  StarlingApplication *self = user_data;
  StarlingAccountManager *manager = starling_application_get_account_manager (self);
  const char *handle = g_variant_get_string (parameter, NULL);
  StarlingAccountSession *account;

  /* An empty handle is the active account (the banner's button). */
  if (manager == NULL)
    return;
  account = *handle != '\0' ? starling_account_manager_lookup (manager, handle)
                            : starling_account_manager_get_active (manager);
  if (account != NULL)
    starling_window_sign_in_again (present_main_window (self), account);
}

static void
switch_account_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  StarlingApplication *self = user_data;
  StarlingAccountManager *manager = starling_application_get_account_manager (self);
  int position = g_variant_get_int32 (parameter);
  g_autoptr (StarlingAccountSession) account = NULL;

  /* Alt+1 is the first account of the switcher. */
  if (manager == NULL || position < 1)
    return;
  account = g_list_model_get_item (G_LIST_MODEL (manager), position - 1);
  if (account != NULL)
    starling_account_manager_set_active (manager, account);
}

static void
reconnect_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  StarlingApplication *self = user_data;
  StarlingAccountManager *manager = starling_application_get_account_manager (self);
  StarlingAccountSession *active = manager != NULL ? starling_account_manager_get_active (manager) : NULL;
  StarlingStreaming *streaming = active != NULL ? starling_account_session_get_streaming (active) : NULL;

  /* Now, rather than at the end of the back-off. */
  if (streaming != NULL)
    {
      starling_streaming_stop (streaming);
      starling_streaming_start (streaming);
    }
}

static void
try_demo_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  starling_application_start_demo (user_data);
}

static void
leave_demo_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  starling_application_leave_demo (user_data);
}

static void
reload_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  starling_application_load (user_data);
}

/* Another process changed the accounts (`starling --add-account`): read
 * them again, quietly, without the loading page. Accounts signed in stay
 * as they are; a load on its way reads the file anyway. */
static void
reload_accounts_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  StarlingApplication *self = user_data;

  if (self->accounts == NULL || self->load_cancellable == NULL)
    return;
  g_debug ("Reading the accounts again: another process changed them");
  starling_account_manager_load_async (self->accounts, self->load_cancellable,
                                       accounts_loaded_cb, g_object_ref (self));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "add-account", add_account_activated },
  { "manage-accounts", manage_accounts_activated },
  { "sign-in-again", sign_in_again_activated, "s" },
  { "switch-account", switch_account_activated, "i" },
  { "try-demo", try_demo_activated },
  { "leave-demo", leave_demo_activated },
  { "reload", reload_activated },
  { "reload-accounts", reload_accounts_activated },
  { "reconnect", reconnect_activated },
};

static void
starling_application_activate (GApplication *app)
{
  StarlingApplication *self = STARLING_APPLICATION (app);

  present_main_window (self);

  if (self->start_demo_on_activate)
    {
      self->start_demo_on_activate = FALSE;
      starling_application_start_demo (self);
    }
  else if (self->accounts == NULL && self->demo == NULL && self->demo_cancellable == NULL &&
           self->busy_message == NULL && self->error == NULL)
    starling_application_load (self);
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

/* Tells the Starling that runs, if one does (the primary instance, on the
 * session bus), to read its accounts again: app.reload-accounts, through
 * the org.gtk.Actions interface that GApplication exports. Nothing of the
 * token goes with it: the running app finds it in the keyring. */
static void
tell_running_instance (void)
{
  g_autoptr (GAsyncResult) got = NULL;
  g_autoptr (GAsyncResult) called = NULL;
  g_autoptr (GDBusConnection) bus = NULL;
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_strconcat ("/", APPLICATION_ID, NULL);

  /* GApplication's object path for its id. */
  g_strdelimit (path, ".", '/');
  g_strdelimit (path, "-", '_');

  g_bus_get (G_BUS_TYPE_SESSION, NULL, database_ready_cb, &got);
  bus = g_bus_get_finish (wait_for (&got), &error);
  if (bus == NULL)
    {
      g_debug ("No session bus, so no running Starling to tell: %s", error->message);
      return;
    }

  g_dbus_connection_call (bus, APPLICATION_ID, path, "org.gtk.Actions", "Activate",
                          g_variant_new ("(sava{sv})", "reload-accounts", NULL, NULL), NULL,
                          G_DBUS_CALL_FLAGS_NO_AUTO_START, 10 * 1000, NULL, database_ready_cb, &called);
  reply = g_dbus_connection_call_finish (bus, wait_for (&called), &error);
  if (reply != NULL)
    g_debug ("Told the running Starling");
  else if (g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER) ||
           g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN))
    g_debug ("No Starling runs");
  else
    g_printerr (_("The Starling that runs could not be told (%s): it shows the account at its next start.\n"),
                error->message);
}

/* `starling --add-account=https://server --token-stdin`: verifies the
 * token read from standard input, keeps it in the keyring and remembers the
 * account, in this process, whether or not the app runs elsewhere (which
 * is then told to read its accounts again). The token is never printed,
 * nor taken from the command line, where other users could read it. */
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
  tell_running_instance ();
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
  StarlingApplication *self = STARLING_APPLICATION (app);
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

  /* The demo runs in a process of its own, beside a Starling that may be
   * open already with the user's accounts. */
  if (g_variant_dict_contains (options, "demo"))
    {
      self->start_demo_on_activate = TRUE;
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  /* Go on: activate here, or in the instance already running. */
  return -1;
}

/* Ctrl+C in a terminal, or a session that ends: quit as the Quit action
 * does, so windows save their state and the demo deletes its folder. */
static gboolean
quit_signal_cb (gpointer user_data)
{
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "quit", NULL);
  return G_SOURCE_CONTINUE;
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
account_manager_changed_cb (StarlingApplication *self)
{
  starling_desktop_notifier_set_account_manager (self->notifier, starling_application_get_account_manager (self));
}

static void
starling_application_startup (GApplication *app)
{
  StarlingApplication *self = STARLING_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *add_account_accels[] = { "<Control><Shift>n", NULL };
  g_autofree char *cache_dir = NULL;

  G_APPLICATION_CLASS (starling_application_parent_class)->startup (app);
  starling_accessibility_init ();

  g_action_map_add_action_entries (G_ACTION_MAP (app),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  update_demo_action (self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.add-account", add_account_accels);
  for (int i = 1; i <= 9; i++)
    {
      g_autofree char *detailed = g_strdup_printf ("app.switch-account(%d)", i);
      g_autofree char *accel = g_strdup_printf ("<Alt>%d", i);
      const char *accels[] = { accel, NULL };

      gtk_application_set_accels_for_action (GTK_APPLICATION (app), detailed, accels);
    }

  self->settings = g_settings_new (APPLICATION_ID);
  self->sigint_id = g_unix_signal_add (SIGINT, quit_signal_cb, self);
  self->sigterm_id = g_unix_signal_add (SIGTERM, quit_signal_cb, self);

  /* One session for every account, and for their pictures. */
  self->session = starling_session_new (NULL);
  cache_dir = g_build_filename (g_get_user_cache_dir (), "starling", "images", NULL);
  self->image_loader = starling_image_loader_new (self->session, cache_dir);
  self->trim_images_id = g_timeout_add_seconds (5, trim_images_cb, self);

  self->notifier = starling_desktop_notifier_new (GTK_APPLICATION (app), self->settings);
  g_signal_connect (self, "notify::account-manager", G_CALLBACK (account_manager_changed_cb), NULL);
}

static void
starling_application_shutdown (GApplication *app)
{
  StarlingApplication *self = STARLING_APPLICATION (app);

  /* The demo's temporary folder never outlives the app. */
  if (self->demo != NULL)
    starling_demo_mode_stop (self->demo);

  G_APPLICATION_CLASS (starling_application_parent_class)->shutdown (app);
}

static void
starling_application_dispose (GObject *object)
{
  StarlingApplication *self = STARLING_APPLICATION (object);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  if (self->demo_cancellable != NULL)
    g_cancellable_cancel (self->demo_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->demo_cancellable);
  g_clear_object (&self->notifier);
  g_clear_object (&self->demo);
  g_clear_object (&self->settings);
  g_clear_handle_id (&self->sigint_id, g_source_remove);
  g_clear_handle_id (&self->sigterm_id, g_source_remove);
  g_clear_handle_id (&self->trim_images_id, g_source_remove);
  g_clear_object (&self->image_loader);
  g_clear_object (&self->accounts);
  g_clear_object (&self->secret_store);
  g_clear_object (&self->database);
  g_clear_object (&self->session);
  if (self->open_uri_destroy != NULL)
    g_clear_pointer (&self->open_uri_data, self->open_uri_destroy);

  G_OBJECT_CLASS (starling_application_parent_class)->dispose (object);
}

static void
starling_application_finalize (GObject *object)
{
  StarlingApplication *self = STARLING_APPLICATION (object);

  g_free (self->database_path);
  g_free (self->recovered_path);
  g_free (self->busy_message);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (starling_application_parent_class)->finalize (object);
}

static void
starling_application_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  StarlingApplication *self = STARLING_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT_MANAGER:
      g_value_set_object (value, starling_application_get_account_manager (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, starling_application_get_busy (self));
      break;
    case PROP_BUSY_MESSAGE:
      g_value_set_string (value, self->busy_message);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_DEMO:
      g_value_set_boolean (value, self->demo != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_application_class_init (StarlingApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = starling_application_dispose;
  object_class->finalize = starling_application_finalize;
  object_class->get_property = starling_application_get_property;

  app_class->activate = starling_application_activate;
  app_class->handle_local_options = starling_application_handle_local_options;
  app_class->startup = starling_application_startup;
  app_class->shutdown = starling_application_shutdown;

  /**
   * StarlingApplication:account-manager:
   *
   * The accounts the window shows: the user's, or the demo's while it
   * runs. %NULL until the database is open.
   */
  properties[PROP_ACCOUNT_MANAGER] =
    g_param_spec_object ("account-manager", NULL, NULL, STARLING_TYPE_ACCOUNT_MANAGER,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StarlingApplication:busy:
   *
   * Whether the accounts are loading or the demo is starting.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StarlingApplication:busy-message:
   *
   * What the app is busy with, in a sentence, or %NULL.
   */
  properties[PROP_BUSY_MESSAGE] =
    g_param_spec_string ("busy-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StarlingApplication:error:
   *
   * Why the accounts could not be loaded, or the demo could not start;
   * %NULL when all is well.
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StarlingApplication:demo:
   *
   * Whether the demo runs.
   */
  properties[PROP_DEMO] =
    g_param_spec_boolean ("demo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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
    { "demo", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Open Starling on a sample server in the app, without an account or a network"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  self->open_uri = default_open_uri;
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
 * Returns: (transfer none): the one loader of avatars and media (the
 *   demo's while the demo runs), available once the application has
 *   started up
 */
StarlingImageLoader *
starling_application_get_image_loader (StarlingApplication *self)
{
  g_return_val_if_fail (STARLING_IS_APPLICATION (self), NULL);

  if (self->demo != NULL)
    return starling_demo_mode_get_image_loader (self->demo);
  return self->image_loader;
}

/**
 * starling_application_get_account_manager:
 * @self: a #StarlingApplication
 *
 * Returns: (transfer none) (nullable): the accounts the window shows
 */
StarlingAccountManager *
starling_application_get_account_manager (StarlingApplication *self)
{
  g_return_val_if_fail (STARLING_IS_APPLICATION (self), NULL);

  if (self->demo != NULL)
    return starling_demo_mode_get_account_manager (self->demo);
  return self->accounts;
}

/**
 * starling_application_get_busy:
 * @self: a #StarlingApplication
 *
 * Returns: whether the accounts are loading or the demo is starting
 */
gboolean
starling_application_get_busy (StarlingApplication *self)
{
  g_return_val_if_fail (STARLING_IS_APPLICATION (self), FALSE);

  return self->busy_message != NULL;
}

/**
 * starling_application_get_busy_message:
 * @self: a #StarlingApplication
 *
 * Returns: (nullable): what the app is busy with
 */
const char *
starling_application_get_busy_message (StarlingApplication *self)
{
  g_return_val_if_fail (STARLING_IS_APPLICATION (self), NULL);

  return self->busy_message;
}

/**
 * starling_application_get_error:
 * @self: a #StarlingApplication
 *
 * Returns: (nullable): why the accounts could not be loaded or the demo
 *   could not start
 */
const GError *
starling_application_get_error (StarlingApplication *self)
{
  g_return_val_if_fail (STARLING_IS_APPLICATION (self), NULL);

  return self->error;
}

/**
 * starling_application_get_error_is_demo:
 * @self: a #StarlingApplication
 *
 * Returns: whether #StarlingApplication:error says why the demo could not
 *   start
 */
gboolean
starling_application_get_error_is_demo (StarlingApplication *self)
{
  g_return_val_if_fail (STARLING_IS_APPLICATION (self), FALSE);

  return self->error != NULL && self->error_is_demo;
}

/**
 * starling_application_get_recovered_path:
 * @self: a #StarlingApplication
 *
 * Returns: (nullable): where a damaged data file was set aside at start,
 *   until the user has read about it
 */
const char *
starling_application_get_recovered_path (StarlingApplication *self)
{
  g_return_val_if_fail (STARLING_IS_APPLICATION (self), NULL);

  return self->recovered_path;
}

/**
 * starling_application_forget_recovered_path:
 * @self: a #StarlingApplication
 *
 * The user has read that a damaged data file was set aside.
 */
void
starling_application_forget_recovered_path (StarlingApplication *self)
{
  g_return_if_fail (STARLING_IS_APPLICATION (self));

  if (self->recovered_path == NULL)
    return;
  g_clear_pointer (&self->recovered_path, g_free);
}

/**
 * starling_application_set_storage:
 * @self: a #StarlingApplication
 * @database_path: (nullable): the data file, %NULL for the default one in
 *   the user data folder
 * @memory_only: keep tokens in memory, never in the keyring
 *
 * For tests: where the accounts live. Call it before the app activates.
 */
void
starling_application_set_storage (StarlingApplication *self,
                                  const char          *database_path,
                                  gboolean             memory_only)
{
  g_return_if_fail (STARLING_IS_APPLICATION (self));
  g_return_if_fail (self->database == NULL);

  g_free (self->database_path);
  self->database_path = g_strdup (database_path);
  self->memory_only = !!memory_only;
}

/**
 * starling_application_get_demo:
 * @self: a #StarlingApplication
 *
 * Returns: whether the demo runs
 */
gboolean
starling_application_get_demo (StarlingApplication *self)
{
  g_return_val_if_fail (STARLING_IS_APPLICATION (self), FALSE);

  return self->demo != NULL;
}

/**
 * starling_application_get_demo_data_dir:
 * @self: a #StarlingApplication
 *
 * Returns: (nullable): the demo's temporary folder while it runs
 */
const char *
starling_application_get_demo_data_dir (StarlingApplication *self)
{
  g_return_val_if_fail (STARLING_IS_APPLICATION (self), NULL);

  return self->demo != NULL ? starling_demo_mode_get_data_dir (self->demo) : NULL;
}

/**
 * starling_application_get_demo_server:
 * @self: a #StarlingApplication
 *
 * Returns: (transfer none) (nullable): the demo instance while it runs
 */
StarlingDemoServer *
starling_application_get_demo_server (StarlingApplication *self)
{
  g_return_val_if_fail (STARLING_IS_APPLICATION (self), NULL);

  return self->demo != NULL ? starling_demo_mode_get_server (self->demo) : NULL;
}

/**
 * starling_application_set_open_uri_func:
 * @self: a #StarlingApplication
 * @open_uri: (nullable): opens an address in the browser, %NULL for the
 *   default browser
 * @user_data: data for @open_uri
 * @destroy: (nullable): frees @user_data
 *
 * Replaces how sign-in pages are opened: the tests play the browser.
 */
void
starling_application_set_open_uri_func (StarlingApplication *self,
                                        StarlingOpenUriFunc  open_uri,
                                        gpointer             user_data,
                                        GDestroyNotify       destroy)
{
  g_return_if_fail (STARLING_IS_APPLICATION (self));

  if (self->open_uri_destroy != NULL)
    g_clear_pointer (&self->open_uri_data, self->open_uri_destroy);
  self->open_uri = open_uri != NULL ? open_uri : default_open_uri;
  self->open_uri_data = open_uri != NULL ? user_data : NULL;
  self->open_uri_destroy = open_uri != NULL ? destroy : NULL;
}

/**
 * starling_application_open_uri:
 * @self: a #StarlingApplication
 * @parent: (nullable): the window it is opened for
 * @uri: the address
 *
 * Opens @uri in the browser (or what the tests put in its place).
 */
void
starling_application_open_uri (StarlingApplication *self,
                               GtkWindow           *parent,
                               const char          *uri)
{
  g_return_if_fail (STARLING_IS_APPLICATION (self));
  g_return_if_fail (uri != NULL);

  self->open_uri (parent, uri, self->open_uri_data);
}
