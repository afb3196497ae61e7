/* starling-accounts-window.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Manage Accounts: every account in the switcher's order, with buttons to
 * move it up or down (the keyboard reaches them like everything else), to
 * sign in again, and to remove it after a confirmation that says what
 * removing does.
 */

#define G_LOG_DOMAIN "starling-accounts"

#include "config.h"

#include <glib/gi18n.h>

#include "starling-account-switcher.h"
#include "starling-accounts-window.h"
#include "starling-avatar.h"

#define ACCOUNTS_RESOURCE RESOURCE_BASE "/accounts"

struct _StarlingAccountsWindow
{
  AdwPreferencesWindow    parent_instance;

  StarlingAccountManager *manager;
  StarlingImageLoader    *loader;
  GPtrArray              *rows;
  GPtrArray              *watched;
  guint                   rebuild_id;
  GCancellable           *cancellable;
  /* Where the keyboard was before the list was rebuilt. */
  char                   *focus_handle;
  char                   *focus_button;

  /* Template widgets */
  AdwPreferencesGroup    *accounts_group;
};

G_DEFINE_FINAL_TYPE (StarlingAccountsWindow, starling_accounts_window, ADW_TYPE_PREFERENCES_WINDOW)

static void rebuild (StarlingAccountsWindow *self);

static char *
shown_name (StarlingAccountSession *account)
{
  return starling_plain_name (starling_account_session_get_display_name (account),
                              starling_account_session_get_handle (account));
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *name,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

static StarlingAccountSession *
row_account (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "account") : NULL;
}

static void
remember_focus (StarlingAccountsWindow *self,
                GtkWidget              *button)
{
  StarlingAccountSession *account = row_account (button);

  g_free (self->focus_handle);
  g_free (self->focus_button);
  self->focus_handle = account != NULL ? g_strdup (starling_account_session_get_handle (account)) : NULL;
  self->focus_button = g_strdup (gtk_widget_get_name (button));
}

static void
moved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (StarlingAccountsWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!starling_account_manager_move_finish (STARLING_ACCOUNT_MANAGER (object), result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup_printf (_("The new order could not be saved: %s"), error->message);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
    }
}

static void
move (StarlingAccountsWindow *self,
      GtkWidget              *button,
      int                     delta)
{
  StarlingAccountSession *account = row_account (button);
  GListModel *accounts = G_LIST_MODEL (self->manager);
  guint n = g_list_model_get_n_items (accounts);
  int position = -1;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (StarlingAccountSession) item = g_list_model_get_item (accounts, i);

      if (item == account)
        position = i;
    }
  if (position < 0 || position + delta < 0 || position + delta >= (int) n)
    return;

  remember_focus (self, button);
  starling_account_manager_move_async (self->manager, account, position + delta, self->cancellable,
                                       moved_cb, g_object_ref (self));
}

static void
move_up_cb (GtkWidget              *button,
            StarlingAccountsWindow *self)
{
  move (self, button, -1);
}

static void
move_down_cb (GtkWidget              *button,
              StarlingAccountsWindow *self)
{
  move (self, button, +1);
}

static void
sign_in_cb (GtkWidget              *button,
            StarlingAccountsWindow *self)
{
  StarlingAccountSession *account = row_account (button);

  gtk_widget_activate_action (GTK_WIDGET (self), "app.sign-in-again", "s",
                              starling_account_session_get_handle (account));
}

typedef struct
{
  StarlingAccountsWindow *self;
  char                   *handle;
} RemoveData;

static void
removed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  RemoveData *data = user_data;
  g_autoptr (StarlingAccountsWindow) self = data->self;
  g_autofree char *handle = data->handle;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  g_free (data);
  if (!starling_account_manager_remove_finish (STARLING_ACCOUNT_MANAGER (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup_printf (_("@%s could not be removed: %s"), handle, error->message);
    }
  else
    message = g_strdup_printf (_("@%s was removed"), handle);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static void
remove_response_cb (AdwMessageDialog       *dialog,
                    const char             *response,
                    StarlingAccountsWindow *self)
{
  StarlingAccountSession *account = g_object_get_data (G_OBJECT (dialog), "account");
  RemoveData *data;

  if (!g_str_equal (response, "remove") || self->manager == NULL)
    return;

  data = g_new0 (RemoveData, 1);
  data->self = g_object_ref (self);
  data->handle = g_strdup (starling_account_session_get_handle (account));
  starling_account_manager_remove_async (self->manager, account, self->cancellable, removed_cb, data);
}

/**
 * starling_accounts_window_ask_remove:
 * @self: a #StarlingAccountsWindow
 * @account: the account to remove
 *
 * Asks whether to remove @account, saying what that does; answering
 * “Remove” removes it.
 *
 * Returns: (transfer none): the dialog, presented
 */
AdwMessageDialog *
starling_accounts_window_ask_remove (StarlingAccountsWindow *self,
                                     StarlingAccountSession *account)
{
  g_autoptr (GUri) uri = NULL;
  GtkWidget *dialog;
  const char *server;

  g_return_val_if_fail (STARLING_IS_ACCOUNTS_WINDOW (self), NULL);
  g_return_val_if_fail (STARLING_IS_ACCOUNT_SESSION (account), NULL);

  uri = g_uri_parse (starling_account_session_get_base_uri (account), G_URI_FLAGS_NONE, NULL);
  server = uri != NULL && g_uri_get_host (uri) != NULL ? g_uri_get_host (uri)
                                                       : starling_account_session_get_base_uri (account);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Remove This Account?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("@%s leaves Starling: Starling revokes its access token on %s, "
                                    "deletes the token from the keyring, and removes the posts and "
                                    "data it keeps for this account on this computer. The account "
                                    "itself stays on its server, and you can add it again."),
                                  starling_account_session_get_handle (account), server);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "account", g_object_ref (account), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return ADW_MESSAGE_DIALOG (dialog);
}

static void
remove_clicked_cb (GtkWidget              *button,
                   StarlingAccountsWindow *self)
{
  starling_accounts_window_ask_remove (self, row_account (button));
}

static GtkWidget *
build_row (StarlingAccountsWindow *self,
           StarlingAccountSession *account,
           guint                   position,
           guint                   n)
{
  g_autofree char *name = shown_name (account);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *avatar = adw_avatar_new (40, name, TRUE);
  GtkWidget *button;
  g_autofree char *state = starling_account_state_describe (starling_account_session_get_state (account));
  g_autofree char *subtitle = NULL;

  if (state != NULL)
    subtitle = g_strdup_printf ("@%s · %s", starling_account_session_get_handle (account), state);
  else
    subtitle = g_strdup_printf ("@%s", starling_account_session_get_handle (account));

  /* Names are the user's text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  starling_avatar_set_url (ADW_AVATAR (avatar), self->loader, starling_account_session_get_avatar_url (account));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);
  gtk_widget_set_name (row, starling_account_session_get_handle (account));
  g_object_set_data_full (G_OBJECT (row), "account", g_object_ref (account), g_object_unref);

  if (starling_account_session_get_state (account) == STARLING_ACCOUNT_STATE_NEEDS_SIGN_IN)
    {
      button = gtk_button_new_with_mnemonic (_("_Sign In"));
      gtk_widget_set_name (button, "sign-in");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Sign in to this account again"));
      g_signal_connect_object (button, "clicked", G_CALLBACK (sign_in_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  button = icon_button ("go-up-symbolic", "move-up", _("Move Up"));
  gtk_widget_set_sensitive (button, position > 0);
  g_signal_connect_object (button, "clicked", G_CALLBACK (move_up_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  button = icon_button ("go-down-symbolic", "move-down", _("Move Down"));
  gtk_widget_set_sensitive (button, position + 1 < n);
  g_signal_connect_object (button, "clicked", G_CALLBACK (move_down_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  button = icon_button ("user-trash-symbolic", "remove", _("Remove Account"));
  gtk_widget_add_css_class (button, "error");
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
rebuild_cb (gpointer user_data)
{
  StarlingAccountsWindow *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
account_changed_cb (StarlingAccountsWindow *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_cb, self, NULL);
}

static void
unwatch_all (StarlingAccountsWindow *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched, i), account_changed_cb, self);
  g_ptr_array_set_size (self->watched, 0);
}

static void
rebuild (StarlingAccountsWindow *self)
{
  GListModel *accounts = G_LIST_MODEL (self->manager);
  guint n = g_list_model_get_n_items (accounts);
  GtkWidget *focus = NULL;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  unwatch_all (self);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->accounts_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (StarlingAccountSession) account = g_list_model_get_item (accounts, i);
      GtkWidget *row = build_row (self, account, i, n);

      adw_preferences_group_add (self->accounts_group, row);
      g_ptr_array_add (self->rows, row);
      g_signal_connect_swapped (account, "notify::state", G_CALLBACK (account_changed_cb), self);
      g_signal_connect_swapped (account, "notify::display-name", G_CALLBACK (account_changed_cb), self);
      g_signal_connect_swapped (account, "notify::avatar-url", G_CALLBACK (account_changed_cb), self);
      g_ptr_array_add (self->watched, g_object_ref (account));

      /* A moved row keeps the keyboard on the button that moved it, or the
       * other one when it reached the end. */
      if (g_strcmp0 (self->focus_handle, starling_account_session_get_handle (account)) == 0)
        {
          focus = find_named (row, self->focus_button);
          if (focus != NULL && !gtk_widget_get_sensitive (focus))
            focus = find_named (row, g_str_equal (self->focus_button, "move-up") ? "move-down" : "move-up");
        }
    }

  if (focus != NULL)
    gtk_widget_grab_focus (focus);
  g_clear_pointer (&self->focus_handle, g_free);
  g_clear_pointer (&self->focus_button, g_free);
}

static void
items_changed_cb (StarlingAccountsWindow *self)
{
  rebuild (self);
}

static void
starling_accounts_window_dispose (GObject *object)
{
  StarlingAccountsWindow *self = STARLING_ACCOUNTS_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->watched != NULL)
    unwatch_all (self);
  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  g_clear_object (&self->manager);
  g_clear_object (&self->loader);

  gtk_widget_dispose_template (GTK_WIDGET (self), STARLING_TYPE_ACCOUNTS_WINDOW);

  G_OBJECT_CLASS (starling_accounts_window_parent_class)->dispose (object);
}

static void
starling_accounts_window_finalize (GObject *object)
{
  StarlingAccountsWindow *self = STARLING_ACCOUNTS_WINDOW (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_free (self->focus_handle);
  g_free (self->focus_button);

  G_OBJECT_CLASS (starling_accounts_window_parent_class)->finalize (object);
}

static void
starling_accounts_window_class_init (StarlingAccountsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = starling_accounts_window_dispose;
  object_class->finalize = starling_accounts_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, ACCOUNTS_RESOURCE "/starling-accounts-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StarlingAccountsWindow, accounts_group);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
starling_accounts_window_init (StarlingAccountsWindow *self)
{
  self->rows = g_ptr_array_new ();
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * starling_accounts_window_new:
 * @parent: (nullable): the main window
 * @manager: the accounts
 * @loader: (nullable): the image loader for the avatars
 *
 * Returns: (transfer full): a new #StarlingAccountsWindow
 */
StarlingAccountsWindow *
starling_accounts_window_new (GtkWindow              *parent,
                              StarlingAccountManager *manager,
                              StarlingImageLoader    *loader)
{
  StarlingAccountsWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STARLING_IS_ACCOUNT_MANAGER (manager), NULL);

  self = g_object_new (STARLING_TYPE_ACCOUNTS_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->manager = g_object_ref (manager);
  self->loader = loader != NULL ? g_object_ref (loader) : NULL;
  g_signal_connect_swapped (manager, "items-changed", G_CALLBACK (items_changed_cb), self);
  rebuild (self);

  return self;
}

/**
 * starling_accounts_window_get_row:
 * @self: a #StarlingAccountsWindow
 * @handle: an account's `user@server`
 *
 * Returns: (transfer none) (nullable): the account's row
 */
GtkWidget *
starling_accounts_window_get_row (StarlingAccountsWindow *self,
                                  const char             *handle)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNTS_WINDOW (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (self->rows, i)), handle) == 0)
      return g_ptr_array_index (self->rows, i);
  return NULL;
}
