/* starling-account-list-window.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-profile"

#include "config.h"

#include <glib/gi18n.h>

#include "model/starling-account.h"
#include "ui/accounts/starling-avatar.h"
#include "ui/status/starling-status-text.h"

#include "starling-account-list-window.h"

/* A window that lists accounts a page of the server at a time: the
 * followers of an account, whom it follows, who favourited or boosted a
 * post. Choosing one asks the page that opened the window to show it
 * (`status.open-account` activated on that page), and closes the window. */
struct _StarlingAccountListWindow
{
  AdwWindow                parent_instance;

  GtkWidget               *source;
  StarlingClient          *client;
  StarlingImageLoader     *loader;
  StarlingAccountListKind  kind;
  char                    *target;
  GListStore              *accounts;
  GHashTable              *seen;
  StarlingRequest         *next;
  GCancellable            *cancellable;
  gboolean                 loading;
  gboolean                 loaded_once;

  /* Template widgets */
  AdwWindowTitle          *window_title;
  AdwToastOverlay         *toast_overlay;
  GtkStack                *stack;
  GtkSpinner              *spinner;
  GtkScrolledWindow       *scrolled;
  GtkListView             *list_view;
  AdwStatusPage           *empty_page;
  AdwStatusPage           *error_page;
};

G_DEFINE_FINAL_TYPE (StarlingAccountListWindow, starling_account_list_window, ADW_TYPE_WINDOW)

#define ROW_AVATAR_KEY "starling-account-avatar"
#define ROW_NAME_KEY "starling-account-name"
#define ROW_HANDLE_KEY "starling-account-handle"

static void load_more (StarlingAccountListWindow *self);

static void
set_loading (StarlingAccountListWindow *self,
             gboolean                   loading)
{
  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading && !self->loaded_once);
}

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (StarlingAccountListWindow) self = user_data;
  g_autoptr (StarlingPage) page = NULL;
  g_autoptr (GError) error = NULL;

  page = starling_client_page_finish (STARLING_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_loading (self, FALSE);
  if (page == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not load the accounts: %s"), error->message);

      if (!self->loaded_once)
        {
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      else
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      return;
    }

  self->loaded_once = TRUE;
  for (guint i = 0; i < starling_page_get_n_items (page); i++)
    {
      StarlingAccount *account = starling_page_get_item (page, i);

      /* Pages can overlap when the list changes while it is read. */
      if (!STARLING_IS_ACCOUNT (account) ||
          !g_hash_table_add (self->seen, g_strdup (starling_account_get_id (account))))
        continue;
      g_list_store_append (self->accounts, account);
    }

  g_clear_object (&self->next);
  if (starling_page_get_n_items (page) > 0 && starling_page_get_next_request (page) != NULL)
    self->next = g_object_ref (starling_page_get_next_request (page));

  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->accounts)) > 0 ? "list" : "empty");
}

static void
load_more (StarlingAccountListWindow *self)
{
  if (self->loading)
    return;

  if (!self->loaded_once)
    {
      set_loading (self, TRUE);
      gtk_stack_set_visible_child_name (self->stack, "loading");
      starling_client_get_accounts_async (self->client, self->kind, self->target, self->cancellable,
                                          page_cb, g_object_ref (self));
      return;
    }

  if (self->next == NULL)
    return;

  set_loading (self, TRUE);
  starling_client_send_async (self->client, self->next, self->cancellable, page_cb, g_object_ref (self));
}

static void
edge_reached_cb (GtkScrolledWindow         *scrolled,
                 GtkPositionType            position,
                 StarlingAccountListWindow *self)
{
  if (position == GTK_POS_BOTTOM)
    load_more (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              StarlingAccountListWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *avatar = adw_avatar_new (40, NULL, TRUE);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *handle = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (handle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (handle), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (handle, "dim-label");
  gtk_widget_add_css_class (handle, "caption");
  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), handle);
  gtk_box_append (GTK_BOX (box), avatar);
  gtk_box_append (GTK_BOX (box), labels);

  g_object_set_data (G_OBJECT (box), ROW_AVATAR_KEY, avatar);
  g_object_set_data (G_OBJECT (box), ROW_NAME_KEY, name);
  g_object_set_data (G_OBJECT (box), ROW_HANDLE_KEY, handle);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             StarlingAccountListWindow *self)
{
  StarlingAccount *account = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  AdwAvatar *avatar = g_object_get_data (G_OBJECT (box), ROW_AVATAR_KEY);
  g_autofree char *name = starling_status_text_dup_plain_name (account);
  g_autofree char *handle = starling_status_text_dup_handle (account);

  gtk_label_set_text (g_object_get_data (G_OBJECT (box), ROW_NAME_KEY), name);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), ROW_HANDLE_KEY), handle);
  adw_avatar_set_text (avatar, name);
  starling_avatar_set_url (avatar, self->loader, starling_account_get_avatar_static (account));
}

static void
activate_cb (GtkListView               *list_view,
             guint                      position,
             StarlingAccountListWindow *self)
{
  starling_account_list_window_activate_account (self, position);
}

static void
retry_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  load_more (STARLING_ACCOUNT_LIST_WINDOW (widget));
}

static void
starling_account_list_window_dispose (GObject *object)
{
  StarlingAccountListWindow *self = STARLING_ACCOUNT_LIST_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), STARLING_TYPE_ACCOUNT_LIST_WINDOW);
  g_clear_weak_pointer (&self->source);
  g_clear_object (&self->client);
  g_clear_object (&self->loader);
  g_clear_object (&self->accounts);
  g_clear_object (&self->next);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->seen, g_hash_table_unref);
  g_clear_pointer (&self->target, g_free);

  G_OBJECT_CLASS (starling_account_list_window_parent_class)->dispose (object);
}

static void
starling_account_list_window_class_init (StarlingAccountListWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = starling_account_list_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/profile/starling-account-list-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StarlingAccountListWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, StarlingAccountListWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StarlingAccountListWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, StarlingAccountListWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, StarlingAccountListWindow, scrolled);
  gtk_widget_class_bind_template_child (widget_class, StarlingAccountListWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, StarlingAccountListWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, StarlingAccountListWindow, error_page);

  gtk_widget_class_install_action (widget_class, "account-list.retry", NULL, retry_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
starling_account_list_window_init (StarlingAccountListWindow *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->accounts = g_list_store_new (STARLING_TYPE_ACCOUNT);
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->accounts)));
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (activate_cb), self, 0);
  g_signal_connect_object (self->scrolled, "edge-reached", G_CALLBACK (edge_reached_cb), self, 0);
}

/**
 * starling_account_list_window_new:
 * @source: the widget whose `status.open-account` action shows an account
 * @client: the account's client
 * @loader: (nullable): the image loader, for avatars
 * @kind: which list
 * @target: (nullable): the account or status the list is of
 * @title: the window's title
 *
 * Creates the window, transient for @source's window, and starts loading
 * the first page.
 *
 * Returns: (transfer full): a new #StarlingAccountListWindow
 */
StarlingAccountListWindow *
starling_account_list_window_new (GtkWidget               *source,
                                  StarlingClient          *client,
                                  StarlingImageLoader     *loader,
                                  StarlingAccountListKind  kind,
                                  const char              *target,
                                  const char              *title)
{
  StarlingAccountListWindow *self;
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (source), NULL);
  g_return_val_if_fail (STARLING_IS_CLIENT (client), NULL);

  self = g_object_new (STARLING_TYPE_ACCOUNT_LIST_WINDOW, "title", title, NULL);
  g_set_weak_pointer (&self->source, source);
  self->client = g_object_ref (client);
  self->loader = loader != NULL ? g_object_ref (loader) : NULL;
  self->kind = kind;
  self->target = g_strdup (target);
  adw_window_title_set_title (self->window_title, title);

  root = gtk_widget_get_root (source);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));

  load_more (self);
  return self;
}

/* Returns: (transfer none): the accounts loaded so far */
GListModel *
starling_account_list_window_get_accounts (StarlingAccountListWindow *self)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_LIST_WINDOW (self), NULL);

  return G_LIST_MODEL (self->accounts);
}

gboolean
starling_account_list_window_get_loading (StarlingAccountListWindow *self)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_LIST_WINDOW (self), FALSE);

  return self->loading;
}

/* Shows the account at @position through the page that opened the
 * window, and closes the window. */
void
starling_account_list_window_activate_account (StarlingAccountListWindow *self,
                                               guint                      position)
{
  g_autoptr (StarlingAccount) account = NULL;

  g_return_if_fail (STARLING_IS_ACCOUNT_LIST_WINDOW (self));

  account = g_list_model_get_item (G_LIST_MODEL (self->accounts), position);
  if (account == NULL)
    return;

  if (self->source != NULL)
    gtk_widget_activate_action (self->source, "status.open-account", "s", starling_account_get_id (account));
  gtk_window_close (GTK_WINDOW (self));
}
