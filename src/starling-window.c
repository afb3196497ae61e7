/* starling-window.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window. It follows the application and its account manager
 * and shows one of four pages: loading; welcome (no account yet); a
 * problem that stands in the way (a locked keyring, no Secret Service, a
 * data file that was repaired, accounts that could not be loaded), always
 * with a way forward and never at the cost of an account; and, signed in,
 * the shell with the account switcher.
 */

#define G_LOG_DOMAIN "starling-window"

#include "config.h"

#include <glib/gi18n.h>

#include "api/starling-api-error.h"
#include "store/starling-store-error.h"
#include "ui/timeline/starling-reader.h"

#include "starling-window.h"

struct _StarlingWindow
{
  AdwApplicationWindow    parent_instance;

  StarlingApplication    *application;
  GSettings              *settings;
  StarlingAccountManager *manager;
  StarlingAccountSession *active;
  StarlingStreaming      *streaming;
  StarlingClient         *client;
  GCancellable           *probe;
  StarlingStreamingState  probed_state;
  const char             *problem;
  StarlingAddAccountDialog *add_dialog;
  StarlingAccountsWindow *accounts_window;
  AdwToast               *toast;
  GtkWidget              *switcher;
  guint                   update_id;

  /* Template widgets */
  GtkStack               *main_stack;
  AdwStatusPage          *loading_page;
  GtkSpinner             *loading_spinner;
  AdwStatusPage          *welcome_page;
  GtkButton              *add_account_button;
  GtkButton              *try_demo_button;
  AdwStatusPage          *problem_page;
  GtkButton              *problem_button;
  GtkButton              *problem_secondary_button;
  StarlingMainView       *main_view;
  StarlingReader         *reader;
  AdwToastOverlay        *toast_overlay;
};

G_DEFINE_FINAL_TYPE (StarlingWindow, starling_window, ADW_TYPE_APPLICATION_WINDOW)

static void queue_update (StarlingWindow *self);

static void
save_window_state (StarlingWindow *self)
{
  int width;
  int height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  /* A maximized window reports the size it had before it was maximized,
   * which is the one to restore. */
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
}

static void
show_problem (StarlingWindow *self,
              const char     *problem,
              const char     *icon_name,
              const char     *title,
              const char     *description,
              const char     *button_label,
              const char     *secondary_label,
              const char     *secondary_action)
{
  self->problem = problem;
  adw_status_page_set_icon_name (self->problem_page, icon_name);
  adw_status_page_set_title (self->problem_page, title);
  adw_status_page_set_description (self->problem_page, description);
  gtk_button_set_label (self->problem_button, button_label);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_secondary_button), secondary_label != NULL);
  if (secondary_label != NULL)
    {
      gtk_button_set_label (self->problem_secondary_button, secondary_label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->problem_secondary_button), secondary_action);
    }
  gtk_stack_set_visible_child_name (self->main_stack, "problem");
}

static void
show_keyring_problem (StarlingWindow *self,
                      gboolean        locked)
{
  if (locked)
    show_problem (self, "keyring-locked", "system-lock-screen-symbolic",
                  _("The Keyring Is Locked"),
                  _("Starling keeps your sign-ins in the keyring, which is locked. Unlock it to "
                    "open your accounts: nothing is lost while it stays locked."),
                  _("_Unlock"), NULL, NULL);
  else
    show_problem (self, "no-keyring", "dialog-password-symbolic",
                  _("No Keyring Found"),
                  _("Starling keeps sign-ins only in a Secret Service keyring, such as GNOME "
                    "Keyring or KeePassXC, and none answers. Start one, then try again: your "
                    "accounts are still remembered."),
                  _("_Try Again"), _("Try the _Demo"), "app.try-demo");
}

static gboolean
all_in_state (StarlingAccountManager *manager,
              StarlingAccountState    state)
{
  GListModel *accounts = G_LIST_MODEL (manager);
  guint n = g_list_model_get_n_items (accounts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (StarlingAccountSession) account = g_list_model_get_item (accounts, i);

      if (starling_account_session_get_state (account) != state)
        return FALSE;
    }
  return n > 0;
}

static char *
server_of (StarlingAccountSession *account)
{
  g_autoptr (GUri) uri = g_uri_parse (starling_account_session_get_base_uri (account), G_URI_FLAGS_NONE, NULL);

  if (uri != NULL && g_uri_get_host (uri) != NULL)
    return g_strdup (g_uri_get_host (uri));
  return g_strdup (starling_account_session_get_base_uri (account));
}

static void
probe_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (GObject) account = NULL;
  g_autoptr (GError) error = NULL;

  /* The answer, or its absence, is in the client's reachable property. */
  account = starling_client_entity_finish (STARLING_CLIENT (object), result, &error);
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Asking the server whether it answers: %s", error->message);
}

static void
probe_server (StarlingWindow *self)
{
  g_cancellable_cancel (self->probe);
  g_clear_object (&self->probe);
  self->probe = g_cancellable_new ();
  starling_client_verify_credentials_async (self->client, self->probe, probe_cb, NULL);
}

static void
set_client (StarlingWindow *self,
            StarlingClient *client)
{
  if (self->client == client)
    return;

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_cancellable_cancel (self->probe);
  g_clear_object (&self->probe);
  self->probed_state = STARLING_STREAMING_STATE_STOPPED;
  g_set_object (&self->client, client);
  if (client != NULL)
    g_signal_connect_swapped (client, "notify::reachable", G_CALLBACK (queue_update), self);
}

static void
update_banner (StarlingWindow *self)
{
  StarlingStreamingState state;
  const GError *error;
  g_autofree char *message = NULL;
  g_autofree char *server = NULL;
  const char *handle;

  if (self->active == NULL)
    {
      starling_main_view_hide_banner (self->main_view);
      return;
    }

  handle = starling_account_session_get_handle (self->active);
  switch (starling_account_session_get_state (self->active))
    {
    case STARLING_ACCOUNT_STATE_NEEDS_SIGN_IN:
      message = g_strdup_printf (_("The server refused the sign-in of @%s. Sign in again: "
                                   "what Starling kept on this computer stays."), handle);
      starling_main_view_show_banner (self->main_view, "dialog-warning-symbolic", message,
                                      _("_Sign In"), "app.sign-in-again('')");
      return;
    case STARLING_ACCOUNT_STATE_LOCKED:
      message = g_strdup_printf (_("The keyring is locked, so @%s cannot sign in."), handle);
      starling_main_view_show_banner (self->main_view, "system-lock-screen-symbolic", message,
                                      _("_Unlock"), "app.reload");
      return;
    case STARLING_ACCOUNT_STATE_UNAVAILABLE:
      message = g_strdup_printf (_("No keyring answers, so @%s cannot sign in."), handle);
      starling_main_view_show_banner (self->main_view, "dialog-password-symbolic", message,
                                      _("_Try Again"), "app.reload");
      return;
    case STARLING_ACCOUNT_STATE_LOADING:
    case STARLING_ACCOUNT_STATE_READY:
    default:
      break;
    }

  /* Signed in, but the server does not answer: what was kept is shown,
   * and the stream tries again by itself. A stream that falls back to
   * polling after a refused socket may mean a server without streaming or
   * a server that is down: a request tells which. */
  state = self->streaming != NULL ? starling_streaming_get_state (self->streaming) : STARLING_STREAMING_STATE_STOPPED;
  error = state == STARLING_STREAMING_STATE_WAITING || state == STARLING_STREAMING_STATE_POLLING
    ? starling_streaming_get_error (self->streaming) : NULL;
  if (state != self->probed_state)
    {
      self->probed_state = state;
      if (self->client != NULL &&
          ((state == STARLING_STREAMING_STATE_POLLING && error != NULL) ||
           (state == STARLING_STREAMING_STATE_CONNECTED && !starling_client_get_reachable (self->client))))
        probe_server (self);
    }

  if ((self->client != NULL && !starling_client_get_reachable (self->client)) ||
      (state == STARLING_STREAMING_STATE_WAITING && error != NULL && error->domain == STARLING_API_ERROR &&
       (error->code == STARLING_API_ERROR_NETWORK || error->code == STARLING_API_ERROR_TLS ||
        error->code == STARLING_API_ERROR_SERVER)))
    {
      server = server_of (self->active);
      message = g_strdup_printf (_("Cannot reach %s. Starling shows what it kept and tries again."), server);
      starling_main_view_show_banner (self->main_view, "network-offline-symbolic", message,
                                      _("_Try Again"), "app.reconnect");
      return;
    }

  starling_main_view_hide_banner (self->main_view);
}

static void
update_account (StarlingWindow *self)
{
  StarlingImageLoader *loader = starling_application_get_image_loader (self->application);

  if (self->active == NULL)
    {
      starling_main_view_set_account (self->main_view, NULL, NULL, NULL, NULL, NULL);
      return;
    }

  starling_main_view_set_account (self->main_view,
                                  starling_account_session_get_account (self->active),
                                  starling_account_session_get_handle (self->active),
                                  starling_account_session_get_display_name (self->active),
                                  starling_account_session_get_avatar_url (self->active),
                                  loader);
}

static void
set_streaming (StarlingWindow    *self,
               StarlingStreaming *streaming)
{
  if (self->streaming == streaming)
    return;

  if (self->streaming != NULL)
    g_signal_handlers_disconnect_by_data (self->streaming, self);
  g_set_object (&self->streaming, streaming);
  if (streaming != NULL)
    g_signal_connect_swapped (streaming, "notify::state", G_CALLBACK (queue_update), self);
}

static void
set_active (StarlingWindow         *self,
            StarlingAccountSession *active)
{
  /* The stream and the client of the account shown say whether its
   * server answers. */
  set_streaming (self, active != NULL ? starling_account_session_get_streaming (active) : NULL);
  set_client (self, active != NULL ? starling_account_session_get_client (active) : NULL);

  if (self->active == active)
    return;

  if (self->active != NULL)
    g_signal_handlers_disconnect_by_data (self->active, self);
  g_set_object (&self->active, active);
  if (active != NULL)
    g_signal_connect_swapped (active, "notify", G_CALLBACK (queue_update), self);

  /* The places show the active account's timelines. */
  if (self->reader != NULL)
    starling_reader_set_session (self->reader, active);
}

static void
update (StarlingWindow *self)
{
  StarlingApplication *app = self->application;
  const GError *error = starling_application_get_error (app);
  StarlingAccountManager *manager = starling_application_get_account_manager (app);
  StarlingAccountSession *active = NULL;
  gboolean busy = starling_application_get_busy (app);

  gtk_spinner_set_spinning (self->loading_spinner, busy);
  self->problem = NULL;

  if (manager != NULL && g_list_model_get_n_items (G_LIST_MODEL (manager)) > 0)
    {
      active = starling_account_manager_get_active (manager);
      if (active == NULL)
        {
          g_autoptr (StarlingAccountSession) first = g_list_model_get_item (G_LIST_MODEL (manager), 0);

          active = first;
        }
    }
  set_active (self, active);

  if (busy)
    {
      adw_status_page_set_title (self->loading_page, starling_application_get_busy_message (app));
      gtk_stack_set_visible_child_name (self->main_stack, "loading");
      return;
    }

  if (starling_application_get_recovered_path (app) != NULL)
    {
      g_autofree char *description =
        g_strdup_printf (_("Starling’s data file was damaged. It was set aside as %s and a fresh "
                           "one was made. Your sign-ins are still in the keyring: add your accounts "
                           "again to carry on."),
                         starling_application_get_recovered_path (app));

      show_problem (self, "recovered", "dialog-information-symbolic",
                    _("Starling Repaired Its Data"), description, _("_Continue"), NULL, NULL);
      return;
    }

  if (error != NULL && starling_application_get_error_is_demo (app))
    {
      show_problem (self, "demo-failed", "dialog-error-symbolic",
                    _("The Demo Could Not Start"), error->message,
                    _("_Try Again"), _("_Back"), "app.reload");
      return;
    }

  if (error != NULL)
    {
      if (g_error_matches (error, STARLING_STORE_ERROR, STARLING_STORE_ERROR_LOCKED))
        show_keyring_problem (self, TRUE);
      else if (g_error_matches (error, STARLING_STORE_ERROR, STARLING_STORE_ERROR_UNAVAILABLE))
        show_keyring_problem (self, FALSE);
      else if (manager == NULL || g_list_model_get_n_items (G_LIST_MODEL (manager)) == 0)
        show_problem (self, "load-failed", "dialog-error-symbolic",
                      _("Starling Could Not Start"), error->message,
                      _("_Try Again"), NULL, NULL);
      else
        goto signed_in;
      return;
    }

  if (manager == NULL)
    {
      adw_status_page_set_title (self->loading_page, _("Loading Your Accounts…"));
      gtk_stack_set_visible_child_name (self->main_stack, "loading");
      return;
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (manager)) == 0)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      return;
    }

  /* No account can sign in because of the keyring: say so on a page of
   * its own. */
  if (all_in_state (manager, STARLING_ACCOUNT_STATE_LOCKED))
    {
      show_keyring_problem (self, TRUE);
      return;
    }
  if (all_in_state (manager, STARLING_ACCOUNT_STATE_UNAVAILABLE))
    {
      show_keyring_problem (self, FALSE);
      return;
    }

signed_in:
  update_account (self);
  update_banner (self);
  gtk_stack_set_visible_child_name (self->main_stack, "signed-in");
}

static gboolean
update_cb (gpointer user_data)
{
  StarlingWindow *self = user_data;

  self->update_id = 0;
  update (self);
  return G_SOURCE_REMOVE;
}

/* Notifications come in bursts (an account verified changes its name,
 * avatar and state at once): one update for all of them. */
static void
queue_update (StarlingWindow *self)
{
  if (self->update_id == 0)
    self->update_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_cb, self, NULL);
}

static void
dismiss_toast (StarlingWindow *self)
{
  if (self->toast != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->toast), (gpointer *) &self->toast);
      adw_toast_dismiss (self->toast);
      self->toast = NULL;
    }
}

/* One message at a time: an older one would speak of another moment. */
static void
show_toast (StarlingWindow *self,
            const char     *message)
{
  dismiss_toast (self);
  self->toast = adw_toast_new (message);
  g_object_add_weak_pointer (G_OBJECT (self->toast), (gpointer *) &self->toast);
  adw_toast_overlay_add_toast (self->toast_overlay, self->toast);
}

static void
manager_changed_cb (StarlingWindow *self)
{
  StarlingAccountManager *manager = starling_application_get_account_manager (self->application);

  if (self->manager != manager)
    {
      if (self->manager != NULL)
        g_signal_handlers_disconnect_by_data (self->manager, self);
      g_set_object (&self->manager, manager);
      if (manager != NULL)
        {
          g_signal_connect_swapped (manager, "items-changed", G_CALLBACK (queue_update), self);
          g_signal_connect_swapped (manager, "notify::active", G_CALLBACK (queue_update), self);
        }

      /* Dialogs and messages of the accounts that went away go with them. */
      dismiss_toast (self);
      if (self->add_dialog != NULL)
        gtk_window_close (GTK_WINDOW (self->add_dialog));
      if (self->accounts_window != NULL)
        gtk_window_close (GTK_WINDOW (self->accounts_window));
    }

  starling_reader_set_account_manager (self->reader, manager);
  starling_account_switcher_set_manager (STARLING_ACCOUNT_SWITCHER (self->switcher), manager,
                                         starling_application_get_image_loader (self->application));
  gtk_window_set_title (GTK_WINDOW (self), starling_application_get_demo (self->application)
                                           ? _("Starling Demo") : _("Starling"));
  update (self);
}

static void
problem_button_clicked_cb (StarlingWindow *self)
{
  if (g_strcmp0 (self->problem, "recovered") == 0)
    {
      starling_application_forget_recovered_path (self->application);
      update (self);
      return;
    }

  if (g_strcmp0 (self->problem, "demo-failed") == 0)
    {
      starling_application_start_demo (self->application);
      return;
    }

  /* Unlock, and Try Again: load again. Accounts already signed in stay. */
  starling_application_load (self->application);
}

static void
account_added_cb (StarlingWindow         *self,
                  StarlingAccountSession *account)
{
  g_autofree char *message = g_strdup_printf (_("Signed in as @%s"), starling_account_session_get_handle (account));

  /* The browser had the front: the window takes it back, signed in. */
  gtk_window_present (GTK_WINDOW (self));
  show_toast (self, message);
  queue_update (self);
}

static void
open_uri_cb (GtkWindow  *parent,
             const char *uri,
             gpointer    user_data)
{
  StarlingWindow *self = user_data;

  starling_application_open_uri (self->application, parent, uri);
}

static gboolean
reader_open_uri_cb (StarlingReader *reader,
                    const char     *uri,
                    StarlingWindow *self)
{
  starling_application_open_uri (self->application, GTK_WINDOW (self), uri);
  return TRUE;
}

static gboolean
starling_window_close_request (GtkWindow *window)
{
  save_window_state (STARLING_WINDOW (window));

  return GTK_WINDOW_CLASS (starling_window_parent_class)->close_request (window);
}

static void
starling_window_dispose (GObject *object)
{
  StarlingWindow *self = STARLING_WINDOW (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  if (self->toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->toast), (gpointer *) &self->toast);
  self->toast = NULL;
  set_streaming (self, NULL);
  set_client (self, NULL);
  if (self->application != NULL)
    g_signal_handlers_disconnect_by_data (self->application, self);
  set_active (self, NULL);
  g_clear_object (&self->reader);
  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  g_clear_object (&self->manager);
  if (self->add_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->add_dialog));
  if (self->accounts_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->accounts_window));

  gtk_widget_dispose_template (GTK_WIDGET (self), STARLING_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (starling_window_parent_class)->dispose (object);
}

static void
starling_window_class_init (StarlingWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = starling_window_dispose;
  window_class->close_request = starling_window_close_request;

  g_type_ensure (STARLING_TYPE_MAIN_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/starling-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StarlingWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, StarlingWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StarlingWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, StarlingWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, StarlingWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, StarlingWindow, add_account_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingWindow, try_demo_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingWindow, problem_page);
  gtk_widget_class_bind_template_child (widget_class, StarlingWindow, problem_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingWindow, problem_secondary_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingWindow, main_view);
  gtk_widget_class_bind_template_callback (widget_class, problem_button_clicked_cb);
}

static void
starling_window_init (StarlingWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The Devel build has its own, striped icon. */
  adw_status_page_set_icon_name (self->welcome_page, APPLICATION_ID);

  self->switcher = starling_account_switcher_new ();
  starling_main_view_set_account_switcher (self->main_view, self->switcher);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/**
 * starling_window_new:
 * @application: the #StarlingApplication
 *
 * Creates the main window at the size it had when it was last closed. It
 * follows the application's accounts from then on.
 *
 * Returns: (transfer full): a new #StarlingWindow
 */
StarlingWindow *
starling_window_new (StarlingApplication *application)
{
  StarlingWindow *self;

  g_return_val_if_fail (STARLING_IS_APPLICATION (application), NULL);

  self = g_object_new (STARLING_TYPE_WINDOW,
                       "application", application,
                       NULL);
  self->application = g_object_ref (application);

  self->settings = g_object_ref (starling_application_get_settings (application));
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->reader = starling_reader_new (self->main_view, starling_application_get_image_loader (application));
  g_signal_connect_object (self->reader, "open-uri", G_CALLBACK (reader_open_uri_cb), self, 0);
  g_signal_connect_swapped (application, "notify::account-manager", G_CALLBACK (manager_changed_cb), self);
  g_signal_connect_swapped (application, "notify::busy", G_CALLBACK (queue_update), self);
  g_signal_connect_swapped (application, "notify::busy-message", G_CALLBACK (queue_update), self);
  g_signal_connect_swapped (application, "notify::error", G_CALLBACK (queue_update), self);
  manager_changed_cb (self);

  return self;
}

/**
 * starling_window_get_visible_page:
 * @self: a #StarlingWindow
 *
 * Returns: the name of the page the window shows: `loading`, `welcome`,
 *   `problem` or `signed-in`
 */
const char *
starling_window_get_visible_page (StarlingWindow *self)
{
  g_return_val_if_fail (STARLING_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

/**
 * starling_window_get_problem:
 * @self: a #StarlingWindow
 *
 * Returns: (nullable): on the problem page, which problem:
 *   `keyring-locked`, `no-keyring`, `recovered`, `load-failed` or
 *   `demo-failed`
 */
const char *
starling_window_get_problem (StarlingWindow *self)
{
  g_return_val_if_fail (STARLING_IS_WINDOW (self), NULL);

  return self->problem;
}

/**
 * starling_window_get_main_view:
 * @self: a #StarlingWindow
 *
 * Returns: (transfer none): the signed-in shell, where the pages of the
 *   places go (starling_main_view_set_page())
 */
StarlingMainView *
starling_window_get_main_view (StarlingWindow *self)
{
  g_return_val_if_fail (STARLING_IS_WINDOW (self), NULL);

  return self->main_view;
}

/**
 * starling_window_get_account_switcher:
 * @self: a #StarlingWindow
 *
 * Returns: (transfer none): the account switcher at the top of the sidebar
 */
StarlingAccountSwitcher *
starling_window_get_account_switcher (StarlingWindow *self)
{
  g_return_val_if_fail (STARLING_IS_WINDOW (self), NULL);

  return STARLING_ACCOUNT_SWITCHER (self->switcher);
}

static StarlingAddAccountDialog *
present_add_dialog (StarlingWindow *self)
{
  StarlingAccountManager *manager = starling_application_get_account_manager (self->application);

  g_return_val_if_fail (manager != NULL, NULL);

  if (self->add_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->add_dialog));
      return self->add_dialog;
    }

  self->add_dialog = starling_add_account_dialog_new (GTK_WINDOW (self), manager, open_uri_cb, self);
  /* The dialog's buttons reach the app's actions too. */
  gtk_window_set_application (GTK_WINDOW (self->add_dialog), GTK_APPLICATION (self->application));
  g_object_add_weak_pointer (G_OBJECT (self->add_dialog), (gpointer *) &self->add_dialog);
  g_signal_connect_object (self->add_dialog, "account-added", G_CALLBACK (account_added_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->add_dialog));

  return self->add_dialog;
}

/**
 * starling_window_add_account:
 * @self: a #StarlingWindow
 *
 * Opens the add-account dialog, or brings it to the front.
 *
 * Returns: (transfer none): the dialog
 */
StarlingAddAccountDialog *
starling_window_add_account (StarlingWindow *self)
{
  g_return_val_if_fail (STARLING_IS_WINDOW (self), NULL);

  return present_add_dialog (self);
}

/**
 * starling_window_sign_in_again:
 * @self: a #StarlingWindow
 * @account: an account that needs to sign in again
 *
 * Runs the sign-in again for @account, starting at its server.
 *
 * Returns: (transfer none): the dialog
 */
StarlingAddAccountDialog *
starling_window_sign_in_again (StarlingWindow         *self,
                               StarlingAccountSession *account)
{
  StarlingAddAccountDialog *dialog;

  g_return_val_if_fail (STARLING_IS_WINDOW (self), NULL);
  g_return_val_if_fail (STARLING_IS_ACCOUNT_SESSION (account), NULL);

  /* A dialog adding another account gives way. */
  if (self->add_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->add_dialog));

  dialog = present_add_dialog (self);
  starling_add_account_dialog_sign_in_again (dialog, account);
  return dialog;
}

/**
 * starling_window_manage_accounts:
 * @self: a #StarlingWindow
 *
 * Opens the accounts window, or brings it to the front.
 *
 * Returns: (transfer none): the accounts window
 */
StarlingAccountsWindow *
starling_window_manage_accounts (StarlingWindow *self)
{
  StarlingAccountManager *manager;

  g_return_val_if_fail (STARLING_IS_WINDOW (self), NULL);

  manager = starling_application_get_account_manager (self->application);
  g_return_val_if_fail (manager != NULL, NULL);

  if (self->accounts_window == NULL)
    {
      self->accounts_window = starling_accounts_window_new (GTK_WINDOW (self), manager,
                                                            starling_application_get_image_loader (self->application));
      g_object_add_weak_pointer (G_OBJECT (self->accounts_window), (gpointer *) &self->accounts_window);
      gtk_window_set_application (GTK_WINDOW (self->accounts_window), GTK_APPLICATION (self->application));
    }
  gtk_window_present (GTK_WINDOW (self->accounts_window));

  return self->accounts_window;
}
