/* starling-account-switcher.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The account switcher at the top of the sidebar: the active account
 * (avatar, name, handle) on a button whose popover lists every account
 * with its state, and leads to adding and managing accounts.
 */

#define G_LOG_DOMAIN "starling-accounts"

#include "config.h"

#include <glib/gi18n.h>

#include "starling-account-switcher.h"
#include "starling-avatar.h"

#define ACCOUNTS_RESOURCE RESOURCE_BASE "/accounts"

struct _StarlingAccountSwitcher
{
  AdwBin                  parent_instance;

  StarlingAccountManager *manager;
  StarlingImageLoader    *loader;
  GHashTable             *watched;     /* StarlingAccountSession → handler id */
  guint                   rebuild_id;

  /* Template widgets */
  GtkMenuButton          *button;
  GtkPopover             *popover;
  AdwAvatar              *avatar;
  GtkLabel               *name_label;
  GtkLabel               *handle_label;
  GtkListBox             *accounts_list;
};

G_DEFINE_FINAL_TYPE (StarlingAccountSwitcher, starling_account_switcher, ADW_TYPE_BIN)

/**
 * starling_account_state_describe:
 * @state: an account's state
 *
 * Returns: (transfer full) (nullable): a few words for the state of an
 *   account that cannot be used as it is, %NULL for a ready one
 */
char *
starling_account_state_describe (StarlingAccountState state)
{
  switch (state)
    {
    case STARLING_ACCOUNT_STATE_NEEDS_SIGN_IN:
      return g_strdup (_("Needs sign-in"));
    case STARLING_ACCOUNT_STATE_LOCKED:
      return g_strdup (_("Keyring locked"));
    case STARLING_ACCOUNT_STATE_UNAVAILABLE:
      return g_strdup (_("No keyring"));
    case STARLING_ACCOUNT_STATE_LOADING:
      return g_strdup (_("Loading…"));
    case STARLING_ACCOUNT_STATE_READY:
    default:
      return NULL;
    }
}

static char *
shown_name (StarlingAccountSession *account)
{
  return starling_plain_name (starling_account_session_get_display_name (account),
                              starling_account_session_get_handle (account));
}

static GtkWidget *
build_row (StarlingAccountSwitcher *self,
           StarlingAccountSession  *account,
           gboolean                 active)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *name = shown_name (account);
  GtkWidget *avatar = adw_avatar_new (32, name, TRUE);
  GtkWidget *label;
  GtkWidget *check;
  g_autofree char *handle = g_strconcat ("@", starling_account_session_get_handle (account), NULL);
  g_autofree char *state = starling_account_state_describe (starling_account_session_get_state (account));
  g_autofree char *accessible = NULL;

  starling_avatar_set_url (ADW_AVATAR (avatar), self->loader, starling_account_session_get_avatar_url (account));
  gtk_box_append (GTK_BOX (box), avatar);

  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  label = gtk_label_new (name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (labels), label);
  label = gtk_label_new (handle);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (labels), label);
  if (state != NULL)
    {
      label = gtk_label_new (state);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "warning");
      gtk_widget_set_name (label, "state");
      gtk_box_append (GTK_BOX (labels), label);
    }
  gtk_box_append (GTK_BOX (box), labels);

  check = gtk_image_new_from_icon_name ("object-select-symbolic");
  gtk_widget_set_opacity (check, active ? 1.0 : 0.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_box_append (GTK_BOX (box), check);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, starling_account_session_get_handle (account));
  accessible = state != NULL ? g_strdup_printf ("%s, %s, %s", name, handle, state)
                             : g_strdup_printf ("%s, %s", name, handle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  if (active)
    gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, TRUE, -1);
  g_object_set_data_full (G_OBJECT (row), "account", g_object_ref (account), g_object_unref);

  return row;
}

static void queue_rebuild (StarlingAccountSwitcher *self);

static void
unwatch_all (StarlingAccountSwitcher *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->watched);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_signal_handler_disconnect (key, GPOINTER_TO_SIZE (value));
  g_hash_table_remove_all (self->watched);
}

static void
rebuild (StarlingAccountSwitcher *self)
{
  StarlingAccountSession *active = NULL;
  GtkWidget *child;
  g_autofree char *handle = NULL;
  g_autofree char *name = NULL;
  g_autofree char *spoken = NULL;

  unwatch_all (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->accounts_list))) != NULL)
    gtk_list_box_remove (self->accounts_list, child);

  if (self->manager != NULL)
    {
      GListModel *accounts = G_LIST_MODEL (self->manager);

      active = starling_account_manager_get_active (self->manager);
      for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
        {
          g_autoptr (StarlingAccountSession) account = g_list_model_get_item (accounts, i);
          gulong id;

          gtk_list_box_append (self->accounts_list, build_row (self, account, account == active));
          id = g_signal_connect_swapped (account, "notify", G_CALLBACK (queue_rebuild), self);
          g_hash_table_insert (self->watched, g_object_ref (account), GSIZE_TO_POINTER (id));
        }
    }

  if (active == NULL)
    {
      gtk_label_set_label (self->name_label, _("No Account"));
      gtk_label_set_label (self->handle_label, NULL);
      adw_avatar_set_text (self->avatar, NULL);
      starling_avatar_set_url (self->avatar, NULL, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->handle_label), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Switch Account, no account"), -1);
      return;
    }

  handle = g_strconcat ("@", starling_account_session_get_handle (active), NULL);
  name = shown_name (active);
  /* A menu button with a child of its own has no name but its type's: a
   * screen reader says what it does and whose account is in use. */
  /* TRANSLATORS: what a screen reader reads for the account switcher: the
   * active account's name and handle */
  spoken = g_strdup_printf (_("Switch Account, %s, %s"), name, handle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->handle_label, handle);
  gtk_widget_set_visible (GTK_WIDGET (self->handle_label), TRUE);
  adw_avatar_set_text (self->avatar, name);
  starling_avatar_set_url (self->avatar, self->loader, starling_account_session_get_avatar_url (active));
}

static gboolean
rebuild_cb (gpointer user_data)
{
  StarlingAccountSwitcher *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Many notifications come at once (a verified account changes its name,
 * avatar and state together): one rebuild for all of them. */
static void
queue_rebuild (StarlingAccountSwitcher *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_cb, self, NULL);
}

static void
row_activated_cb (StarlingAccountSwitcher *self,
                  GtkListBoxRow           *row)
{
  StarlingAccountSession *account = g_object_get_data (G_OBJECT (row), "account");

  gtk_popover_popdown (self->popover);
  if (self->manager != NULL && account != NULL)
    starling_account_manager_set_active (self->manager, account);
}

static void
popdown_cb (StarlingAccountSwitcher *self)
{
  gtk_popover_popdown (self->popover);
}

static void
starling_account_switcher_dispose (GObject *object)
{
  StarlingAccountSwitcher *self = STARLING_ACCOUNT_SWITCHER (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->watched != NULL)
    unwatch_all (self);
  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  g_clear_object (&self->manager);
  g_clear_object (&self->loader);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STARLING_TYPE_ACCOUNT_SWITCHER);

  G_OBJECT_CLASS (starling_account_switcher_parent_class)->dispose (object);
}

static void
starling_account_switcher_finalize (GObject *object)
{
  StarlingAccountSwitcher *self = STARLING_ACCOUNT_SWITCHER (object);

  g_clear_pointer (&self->watched, g_hash_table_unref);

  G_OBJECT_CLASS (starling_account_switcher_parent_class)->finalize (object);
}

static void
starling_account_switcher_class_init (StarlingAccountSwitcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = starling_account_switcher_dispose;
  object_class->finalize = starling_account_switcher_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, ACCOUNTS_RESOURCE "/starling-account-switcher.ui");
  gtk_widget_class_bind_template_child (widget_class, StarlingAccountSwitcher, button);
  gtk_widget_class_bind_template_child (widget_class, StarlingAccountSwitcher, popover);
  gtk_widget_class_bind_template_child (widget_class, StarlingAccountSwitcher, avatar);
  gtk_widget_class_bind_template_child (widget_class, StarlingAccountSwitcher, name_label);
  gtk_widget_class_bind_template_child (widget_class, StarlingAccountSwitcher, handle_label);
  gtk_widget_class_bind_template_child (widget_class, StarlingAccountSwitcher, accounts_list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, popdown_cb);
  /* A container: without a role of its own, GTK 4.8 would read its type name. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
starling_account_switcher_init (StarlingAccountSwitcher *self)
{
  self->watched = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  rebuild (self);
}

/**
 * starling_account_switcher_new:
 *
 * Returns: (transfer floating): a new #StarlingAccountSwitcher
 */
GtkWidget *
starling_account_switcher_new (void)
{
  return g_object_new (STARLING_TYPE_ACCOUNT_SWITCHER, NULL);
}

/**
 * starling_account_switcher_set_manager:
 * @self: a #StarlingAccountSwitcher
 * @manager: (nullable): the accounts to show
 * @loader: (nullable): the image loader for the avatars
 *
 * Shows @manager's accounts, and follows them.
 */
void
starling_account_switcher_set_manager (StarlingAccountSwitcher *self,
                                       StarlingAccountManager  *manager,
                                       StarlingImageLoader     *loader)
{
  g_return_if_fail (STARLING_IS_ACCOUNT_SWITCHER (self));
  g_return_if_fail (manager == NULL || STARLING_IS_ACCOUNT_MANAGER (manager));

  g_set_object (&self->loader, loader);
  if (self->manager != manager)
    {
      if (self->manager != NULL)
        g_signal_handlers_disconnect_by_data (self->manager, self);
      g_set_object (&self->manager, manager);
      if (manager != NULL)
        {
          g_signal_connect_swapped (manager, "items-changed", G_CALLBACK (queue_rebuild), self);
          g_signal_connect_swapped (manager, "notify::active", G_CALLBACK (queue_rebuild), self);
        }
    }

  rebuild (self);
}

/**
 * starling_account_switcher_popup:
 * @self: a #StarlingAccountSwitcher
 *
 * Opens the list of accounts.
 */
void
starling_account_switcher_popup (StarlingAccountSwitcher *self)
{
  g_return_if_fail (STARLING_IS_ACCOUNT_SWITCHER (self));

  gtk_menu_button_popup (self->button);
}

/**
 * starling_account_switcher_popdown:
 * @self: a #StarlingAccountSwitcher
 */
void
starling_account_switcher_popdown (StarlingAccountSwitcher *self)
{
  g_return_if_fail (STARLING_IS_ACCOUNT_SWITCHER (self));

  gtk_menu_button_popdown (self->button);
}

/**
 * starling_account_switcher_get_list:
 * @self: a #StarlingAccountSwitcher
 *
 * Returns: (transfer none): the list of accounts in the popover, one row
 *   per account, named by its handle
 */
GtkListBox *
starling_account_switcher_get_list (StarlingAccountSwitcher *self)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_SWITCHER (self), NULL);

  return self->accounts_list;
}
