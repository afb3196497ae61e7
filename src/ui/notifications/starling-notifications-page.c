/* starling-notifications-page.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-notifications"

#include "config.h"

#include <glib/gi18n.h>

#include "model/starling-marker.h"
#include "model/starling-notification-group.h"
#include "model/starling-timeline-gap.h"
#include "starling-application.h"

#include "starling-notification-row.h"
#include "starling-notifications-page.h"
#include "ui/common/starling-style.h"

/* The notifications of one account, grouped where the server groups them
 * (Mastodon 4.3 and later: "Ana and 5 others favourited your post"), else
 * one per row, from a #StarlingFeed that the account's stream keeps
 * current. All or only the mentions. What arrived since the last visit
 * is marked, and once the page is seen in the focused window the
 * server's notifications marker moves to the newest, and the desktop
 * notifications of the account are withdrawn (`app.withdraw-notifications`
 * with the account's handle). */
struct _StarlingNotificationsPage
{
  AdwBin                  parent_instance;

  StarlingAccountSession *session;
  StarlingImageLoader    *loader;
  GCancellable           *cancellable;
  StarlingFeed           *feed;
  GtkFilterListModel     *filtered;
  GtkCustomFilter        *filter;
  gboolean                mentions_only;
  char                   *marked_id;
  char                   *last_read_id;
  gboolean                markers_known;
  gboolean                unread_computed;
  GHashTable             *unread;
  guint                   fill_rounds;
  gulong                  active_handler;
  GtkWindow              *window;

  /* Template widgets */
  AdwToastOverlay        *toast_overlay;
  GtkToggleButton        *all_button;
  GtkToggleButton        *mentions_button;
  GtkStack               *stack;
  GtkSpinner             *spinner;
  AdwStatusPage          *error_page;
  AdwStatusPage          *empty_page;
  GtkButton              *retry_button;
  GtkScrolledWindow      *scrolled;
  GtkListView            *list_view;
};

G_DEFINE_FINAL_TYPE (StarlingNotificationsPage, starling_notifications_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_TITLE,
  PROP_MENTIONS_ONLY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* How many mentions the Mentions filter wants on screen before it stops
 * reading older pages by itself, and how many pages it reads for that. */
#define MENTIONS_WANTED 15
#define MAX_FILL_ROUNDS 5

#define ROW_KEY "starling-notification-row"
#define GAP_KEY "starling-notification-gap"

static void refresh (StarlingNotificationsPage *self);
static void load_older (StarlingNotificationsPage *self);
static void mark_read (StarlingNotificationsPage *self);

static StarlingClient *
get_client (StarlingNotificationsPage *self)
{
  return starling_account_session_get_client (self->session);
}

static const char *
own_account_id (StarlingNotificationsPage *self)
{
  StarlingAccount *own = starling_account_session_get_account (self->session);

  return own != NULL ? starling_account_get_id (own) : NULL;
}

static StarlingImageLoader *
default_image_loader (void)
{
  GApplication *app = g_application_get_default ();

  if (STARLING_IS_APPLICATION (app))
    return starling_application_get_image_loader (STARLING_APPLICATION (app));
  return NULL;
}

static void
show_state (StarlingNotificationsPage *self,
            const char                *state)
{
  gtk_spinner_set_spinning (self->spinner, g_str_equal (state, "loading"));
  gtk_stack_set_visible_child_name (self->stack, state);
}

static void
show_toast (StarlingNotificationsPage *self,
            const char                *message,
            const char                *retry_action)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (retry_action != NULL)
    {
      adw_toast_set_button_label (toast, _("_Retry"));
      adw_toast_set_action_name (toast, retry_action);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
is_notification (gpointer item)
{
  return STARLING_IS_NOTIFICATION (item) || STARLING_IS_NOTIFICATION_GROUP (item);
}

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  StarlingNotificationsPage *self = user_data;

  if (!self->mentions_only)
    return TRUE;
  /* A gap may hold mentions too. */
  return STARLING_IS_TIMELINE_GAP (item)
         || (is_notification (item)
             && starling_notification_item_get_kind (item) == STARLING_NOTIFICATION_TYPE_MENTION);
}

static guint
n_shown (StarlingNotificationsPage *self)
{
  return self->filtered != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) : 0;
}

static void
update_state (StarlingNotificationsPage *self)
{
  const char *state = gtk_stack_get_visible_child_name (self->stack);

  if (g_str_equal (state, "loading") || g_str_equal (state, "error"))
    return;

  if (n_shown (self) > 0)
    {
      show_state (self, "list");
      return;
    }

  adw_status_page_set_title (self->empty_page, self->mentions_only ? _("No Mentions") : _("No Notifications"));
  adw_status_page_set_description (self->empty_page,
                                   self->mentions_only
                                   ? _("Posts that mention you show here")
                                   : _("Mentions, follows, boosts and favourites of your posts show here"));
  show_state (self, "empty");
}

/* Mentions can be few among many notifications: read older pages until
 * the filter has a screenful, within a few pages. */
static void
fill_mentions (StarlingNotificationsPage *self)
{
  if (!self->mentions_only || self->feed == NULL || starling_feed_get_at_end (self->feed))
    return;
  if (n_shown (self) >= MENTIONS_WANTED || self->fill_rounds >= MAX_FILL_ROUNDS)
    return;

  self->fill_rounds++;
  load_older (self);
}

/* Unread: what came after the marker */

static gboolean
item_has_id (gpointer    item,
             const char *id)
{
  if (STARLING_IS_NOTIFICATION (item))
    return g_strcmp0 (starling_notification_get_id (item), id) == 0;
  if (STARLING_IS_NOTIFICATION_GROUP (item))
    return g_strcmp0 (starling_notification_group_get_most_recent_notification_id (item), id) == 0
           || g_strcmp0 (starling_notification_group_get_page_max_id (item), id) == 0
           || g_strcmp0 (starling_notification_group_get_page_min_id (item), id) == 0;
  return FALSE;
}

/* Ids are opaque: what is newer than the marker is what stands above the
 * item it names. When that item is not loaded, nothing is marked rather
 * than everything. */
static void
compute_unread (StarlingNotificationsPage *self)
{
  GListModel *timeline;
  guint n;
  guint marker = G_MAXUINT;

  if (self->unread_computed || !self->markers_known || self->feed == NULL)
    return;

  timeline = G_LIST_MODEL (starling_feed_get_timeline (self->feed));
  n = g_list_model_get_n_items (timeline);
  if (n == 0)
    return;
  self->unread_computed = TRUE;
  if (self->last_read_id == NULL)
    return;

  for (guint i = 0; i < n && marker == G_MAXUINT; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (timeline, i);

      if (item_has_id (item, self->last_read_id))
        marker = i;
    }
  for (guint i = 0; i < n && i < marker && marker != G_MAXUINT; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (timeline, i);

      if (is_notification (item))
        g_hash_table_add (self->unread, g_object_ref (item));
    }
}

static gboolean
page_seen (StarlingNotificationsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return gtk_widget_get_mapped (GTK_WIDGET (self)) && GTK_IS_WINDOW (root) && gtk_window_is_active (GTK_WINDOW (root));
}

static void
timeline_changed_cb (GListModel                *timeline,
                     guint                      position,
                     guint                      removed,
                     guint                      added,
                     StarlingNotificationsPage *self)
{
  /* What arrives while nobody looks is new at the next look. */
  if (self->unread_computed && !page_seen (self) && position == 0)
    for (guint i = 0; i < added; i++)
      {
        g_autoptr (GObject) item = g_list_model_get_item (timeline, i);

        if (is_notification (item))
          g_hash_table_add (self->unread, g_object_ref (item));
      }

  update_state (self);
  mark_read (self);
}

static void
markers_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (StarlingNotificationsPage) self = user_data;
  g_autoptr (StarlingMarker) home = NULL;
  g_autoptr (StarlingMarker) notifications = NULL;
  g_autoptr (GError) error = NULL;

  if (!starling_client_markers_finish (STARLING_CLIENT (object), result, &home, &notifications, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Servers without markers (Pixelfed): nothing is marked unread. */
      g_debug ("No notifications marker: %s", error->message);
    }

  self->markers_known = TRUE;
  /* Asked again at each reload: the newer answer replaces the older. */
  if (notifications != NULL && starling_marker_get_last_read_id (notifications) != NULL)
    {
      g_free (self->last_read_id);
      self->last_read_id = g_strdup (starling_marker_get_last_read_id (notifications));
    }
  compute_unread (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->list_view));
  mark_read (self);
}

static void
save_markers_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (StarlingNotificationsPage) self = user_data;
  g_autoptr (GError) error = NULL;

  /* Not worth a message: the marker moves again at the next look. */
  if (!starling_client_markers_finish (STARLING_CLIENT (object), result, NULL, NULL, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("Could not move the notifications marker: %s", error->message);
      g_clear_pointer (&self->marked_id, g_free);
    }
}

/* Seen: the server's marker moves to the newest notification, and the
 * desktop notifications of this account go away. */
static void
mark_read (StarlingNotificationsPage *self)
{
  GListModel *timeline;
  guint n;
  const char *newest = NULL;

  if (self->feed == NULL || !self->markers_known || !page_seen (self) || get_client (self) == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "app.withdraw-notifications", "s",
                              starling_account_session_get_handle (self->session));

  timeline = G_LIST_MODEL (starling_feed_get_timeline (self->feed));
  n = g_list_model_get_n_items (timeline);
  for (guint i = 0; i < n && newest == NULL; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (timeline, i);

      if (is_notification (item))
        newest = starling_notification_item_get_newest_id (item);
    }
  if (newest == NULL || g_strcmp0 (newest, self->marked_id) == 0 || g_strcmp0 (newest, self->last_read_id) == 0)
    return;

  g_free (self->marked_id);
  self->marked_id = g_strdup (newest);
  starling_client_save_markers_async (get_client (self), NULL, newest, self->cancellable,
                                      save_markers_cb, g_object_ref (self));
}

static void
window_active_cb (StarlingNotificationsPage *self)
{
  mark_read (self);
}

/* Loading */

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (StarlingNotificationsPage) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!starling_feed_refresh_finish (STARLING_FEED (object), result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (g_list_model_get_n_items (G_LIST_MODEL (starling_feed_get_timeline (self->feed))) == 0)
        {
          adw_status_page_set_description (self->error_page, error->message);
          show_state (self, "error");
          return;
        }
      message = g_strdup_printf (_("Could not load new notifications: %s"), error->message);
      show_toast (self, message, "notifications.refresh");
      return;
    }

  show_state (self, "list");
  update_state (self);
  compute_unread (self);
  mark_read (self);
  fill_mentions (self);
}

static void
refresh (StarlingNotificationsPage *self)
{
  if (self->feed == NULL)
    return;

  if (g_list_model_get_n_items (G_LIST_MODEL (starling_feed_get_timeline (self->feed))) == 0)
    show_state (self, "loading");
  starling_feed_refresh_async (self->feed, self->cancellable, refresh_cb, g_object_ref (self));
}

static void
older_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (StarlingNotificationsPage) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!starling_feed_load_older_finish (STARLING_FEED (object), result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup_printf (_("Could not load older notifications: %s"), error->message);
      show_toast (self, message, "notifications.load-older");
      return;
    }

  update_state (self);
  fill_mentions (self);
}

static void
load_older (StarlingNotificationsPage *self)
{
  if (self->feed == NULL || starling_feed_get_at_end (self->feed) || starling_feed_get_loading_older (self->feed))
    return;

  starling_feed_load_older_async (self->feed, self->cancellable, older_cb, g_object_ref (self));
}

static void
gap_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr (StarlingNotificationsPage) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!starling_feed_fill_gap_finish (STARLING_FEED (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("Could not load the missing notifications: %s"), error->message);

      show_toast (self, message, NULL);
    }
}

static void
streaming_changed_cb (StarlingNotificationsPage *self)
{
  if (self->feed != NULL)
    starling_feed_set_streaming (self->feed, starling_account_session_get_streaming (self->session));
}

static void
make_feed (StarlingNotificationsPage *self)
{
  g_autoptr (GtkNoSelection) selection = NULL;
  StarlingTimeline *timeline;

  if (self->feed != NULL)
    return;

  self->feed = starling_feed_new (get_client (self), STARLING_FEED_NOTIFICATIONS, NULL);
  starling_feed_set_streaming (self->feed, starling_account_session_get_streaming (self->session));
  starling_feed_set_active (self->feed, gtk_widget_get_mapped (GTK_WIDGET (self)));
  timeline = starling_feed_get_timeline (self->feed);
  g_signal_connect_object (timeline, "items-changed", G_CALLBACK (timeline_changed_cb), self, G_CONNECT_AFTER);

  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (timeline)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  starling_client_get_markers_async (get_client (self), self->cancellable, markers_cb, g_object_ref (self));
  refresh (self);
}

static void
instance_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (StarlingNotificationsPage) self = user_data;
  g_autoptr (GObject) instance = NULL;
  g_autoptr (GError) error = NULL;

  /* Whether the server groups is learnt here; without an answer, one
   * notification per row still works. */
  instance = starling_client_entity_finish (STARLING_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (instance == NULL)
    g_debug ("Not known whether the server groups notifications: %s", error->message);

  if (get_client (self) == STARLING_CLIENT (object))
    make_feed (self);
}

static void
start (StarlingNotificationsPage *self)
{
  if (self->feed != NULL)
    return;

  if (get_client (self) == NULL)
    {
      adw_status_page_set_description (self->error_page,
                                       _("The account is not signed in. Sign in again to see its notifications."));
      show_state (self, "error");
      return;
    }

  show_state (self, "loading");
  if (starling_client_get_api_version (get_client (self)) > 0)
    make_feed (self);
  else
    starling_client_get_instance_async (get_client (self), self->cancellable, instance_cb, g_object_ref (self));
}

static void
client_notify_cb (StarlingNotificationsPage *self)
{
  /* Signed in again: a new client, so a new feed. */
  if (self->feed != NULL && starling_feed_get_client (self->feed) == get_client (self))
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->feed);
  g_hash_table_remove_all (self->unread);
  self->unread_computed = FALSE;
  self->markers_known = FALSE;
  start (self);
}

/* The list */

static void
setup_row_cb (GtkSignalListItemFactory  *factory,
              GtkListItem               *list_item,
              StarlingNotificationsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *row = starling_notification_row_new ();
  GtkWidget *gap = gtk_button_new_with_mnemonic (_("_Load Missing Notifications"));

  gtk_widget_add_css_class (gap, "flat");
  gtk_widget_set_margin_top (gap, 6);
  gtk_widget_set_margin_bottom (gap, 6);
  gtk_widget_set_halign (gap, GTK_ALIGN_CENTER);
  gtk_widget_set_focus_on_click (gap, FALSE);
  gtk_box_append (GTK_BOX (box), row);
  gtk_box_append (GTK_BOX (box), gap);
  g_object_set_data (G_OBJECT (box), ROW_KEY, row);
  g_object_set_data (G_OBJECT (box), GAP_KEY, gap);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory  *factory,
             GtkListItem               *list_item,
             StarlingNotificationsPage *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  StarlingNotificationRow *row = g_object_get_data (G_OBJECT (box), ROW_KEY);
  GtkWidget *gap = g_object_get_data (G_OBJECT (box), GAP_KEY);
  gpointer item = gtk_list_item_get_item (list_item);
  gboolean notification = is_notification (item);

  gtk_widget_set_visible (GTK_WIDGET (row), notification);
  gtk_widget_set_visible (gap, !notification);
  if (!notification)
    {
      starling_notification_row_set_item (row, NULL);
      return;
    }

  starling_notification_row_set_client (row, get_client (self));
  starling_notification_row_set_image_loader (row, self->loader);
  starling_notification_row_set_own_account_id (row, own_account_id (self));
  starling_notification_row_set_item (row, item);
  starling_notification_row_set_unread (row, g_hash_table_contains (self->unread, item));
}

static void
unbind_row_cb (GtkSignalListItemFactory  *factory,
               GtkListItem               *list_item,
               StarlingNotificationsPage *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);

  starling_notification_row_set_item (g_object_get_data (G_OBJECT (box), ROW_KEY), NULL);
}

static void
activate_cb (GtkListView               *list_view,
             guint                      position,
             StarlingNotificationsPage *self)
{
  g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  StarlingNotificationType kind;
  StarlingStatus *status;
  StarlingAccount *account;

  if (item == NULL)
    return;

  if (STARLING_IS_TIMELINE_GAP (item))
    {
      starling_feed_fill_gap_async (self->feed, STARLING_TIMELINE_GAP (item), self->cancellable,
                                    gap_cb, g_object_ref (self));
      return;
    }

  status = starling_notification_item_get_status (item);
  account = starling_notification_item_get_account (item);
  /* Who followed (or signed up) opens their profile. */
  kind = starling_notification_item_get_kind (item);
  if (kind == STARLING_NOTIFICATION_TYPE_FOLLOW || kind == STARLING_NOTIFICATION_TYPE_FOLLOW_REQUEST ||
      kind == STARLING_NOTIFICATION_TYPE_ADMIN_SIGN_UP)
    status = NULL;

  if (status != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "status.open-thread", "s",
                                starling_status_get_id (starling_status_get_shown (status)));
  else if (account != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "status.open-account", "s", starling_account_get_id (account));
}

static void
edge_reached_cb (GtkScrolledWindow         *scrolled,
                 GtkPositionType            position,
                 StarlingNotificationsPage *self)
{
  if (position == GTK_POS_BOTTOM)
    load_older (self);
}

static void
filter_toggled_cb (StarlingNotificationsPage *self)
{
  starling_notifications_page_set_mentions_only (self, gtk_toggle_button_get_active (self->mentions_button));
}

/* Actions */

static void
refresh_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  StarlingNotificationsPage *self = STARLING_NOTIFICATIONS_PAGE (widget);

  if (self->feed == NULL)
    start (self);
  else
    refresh (self);
}

static void
load_older_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  load_older (STARLING_NOTIFICATIONS_PAGE (widget));
}

/* GtkWidget */

static void
starling_notifications_page_map (GtkWidget *widget)
{
  StarlingNotificationsPage *self = STARLING_NOTIFICATIONS_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (starling_notifications_page_parent_class)->map (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root) && self->window == NULL)
    {
      g_set_weak_pointer (&self->window, GTK_WINDOW (root));
      self->active_handler = g_signal_connect_object (root, "notify::is-active",
                                                      G_CALLBACK (window_active_cb), self, G_CONNECT_SWAPPED);
    }
  if (self->feed != NULL)
    starling_feed_set_active (self->feed, TRUE);
  mark_read (self);
}

static void
starling_notifications_page_unmap (GtkWidget *widget)
{
  StarlingNotificationsPage *self = STARLING_NOTIFICATIONS_PAGE (widget);

  if (self->window != NULL)
    g_clear_signal_handler (&self->active_handler, self->window);
  g_clear_weak_pointer (&self->window);
  if (self->feed != NULL)
    starling_feed_set_active (self->feed, FALSE);

  GTK_WIDGET_CLASS (starling_notifications_page_parent_class)->unmap (widget);
}

/* GObject */

static void
starling_notifications_page_constructed (GObject *object)
{
  StarlingNotificationsPage *self = STARLING_NOTIFICATIONS_PAGE (object);

  G_OBJECT_CLASS (starling_notifications_page_parent_class)->constructed (object);

  g_signal_connect_object (self->session, "notify::client", G_CALLBACK (client_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::streaming", G_CALLBACK (streaming_changed_cb), self,
                           G_CONNECT_SWAPPED);
  start (self);
}

static void
starling_notifications_page_dispose (GObject *object)
{
  StarlingNotificationsPage *self = STARLING_NOTIFICATIONS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->window != NULL)
    g_clear_signal_handler (&self->active_handler, self->window);
  g_clear_weak_pointer (&self->window);
  /* The bin lets go of its child first, so the template does not
   * unparent a child the bin still holds. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STARLING_TYPE_NOTIFICATIONS_PAGE);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->feed);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->loader);
  g_clear_object (&self->session);
  g_clear_pointer (&self->unread, g_hash_table_unref);

  G_OBJECT_CLASS (starling_notifications_page_parent_class)->dispose (object);
}

static void
starling_notifications_page_finalize (GObject *object)
{
  StarlingNotificationsPage *self = STARLING_NOTIFICATIONS_PAGE (object);

  g_free (self->marked_id);
  g_free (self->last_read_id);

  G_OBJECT_CLASS (starling_notifications_page_parent_class)->finalize (object);
}

static void
starling_notifications_page_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  StarlingNotificationsPage *self = STARLING_NOTIFICATIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_TITLE:
      g_value_set_string (value, starling_notifications_page_get_title (self));
      break;
    case PROP_MENTIONS_ONLY:
      g_value_set_boolean (value, self->mentions_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_notifications_page_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  StarlingNotificationsPage *self = STARLING_NOTIFICATIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_MENTIONS_ONLY:
      starling_notifications_page_set_mentions_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_notifications_page_class_init (StarlingNotificationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = starling_notifications_page_constructed;
  object_class->dispose = starling_notifications_page_dispose;
  object_class->finalize = starling_notifications_page_finalize;
  object_class->get_property = starling_notifications_page_get_property;
  object_class->set_property = starling_notifications_page_set_property;

  widget_class->map = starling_notifications_page_map;
  widget_class->unmap = starling_notifications_page_unmap;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, STARLING_TYPE_ACCOUNT_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MENTIONS_ONLY] =
    g_param_spec_boolean ("mentions-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STARLING_TYPE_NOTIFICATION_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/notifications/starling-notifications-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StarlingNotificationsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StarlingNotificationsPage, all_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingNotificationsPage, mentions_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingNotificationsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, StarlingNotificationsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, StarlingNotificationsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, StarlingNotificationsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, StarlingNotificationsPage, retry_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingNotificationsPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, StarlingNotificationsPage, list_view);

  gtk_widget_class_install_action (widget_class, "notifications.refresh", NULL, refresh_activated);
  gtk_widget_class_install_action (widget_class, "notifications.load-older", NULL, load_older_activated);
  /* A container: without a role of its own, GTK 4.8 would read its type name. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
starling_notifications_page_init (StarlingNotificationsPage *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  starling_style_load (RESOURCE_BASE "/notifications/style.css");
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->unread = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  g_set_object (&self->loader, default_image_loader ());

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (activate_cb), self, 0);
  g_signal_connect_object (self->scrolled, "edge-reached", G_CALLBACK (edge_reached_cb), self, 0);
  g_signal_connect_object (self->mentions_button, "toggled", G_CALLBACK (filter_toggled_cb), self, G_CONNECT_SWAPPED);
}

/**
 * starling_notifications_page_new:
 * @session: the account whose notifications to show
 *
 * Creates the page and starts loading the notifications.
 *
 * Returns: (transfer floating): a new #StarlingNotificationsPage
 */
GtkWidget *
starling_notifications_page_new (StarlingAccountSession *session)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_SESSION (session), NULL);

  return g_object_new (STARLING_TYPE_NOTIFICATIONS_PAGE, "session", session, NULL);
}

const char *
starling_notifications_page_get_title (StarlingNotificationsPage *self)
{
  g_return_val_if_fail (STARLING_IS_NOTIFICATIONS_PAGE (self), NULL);

  return _("Notifications");
}

/* "loading", "error", "empty" or "list". */
const char *
starling_notifications_page_get_state (StarlingNotificationsPage *self)
{
  g_return_val_if_fail (STARLING_IS_NOTIFICATIONS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* Returns: (transfer none) (nullable): the feed, once the page knows
 *   whether the server groups */
StarlingFeed *
starling_notifications_page_get_feed (StarlingNotificationsPage *self)
{
  g_return_val_if_fail (STARLING_IS_NOTIFICATIONS_PAGE (self), NULL);

  return self->feed;
}

/* Returns: (transfer none) (nullable): what the list shows, filtered */
GListModel *
starling_notifications_page_get_model (StarlingNotificationsPage *self)
{
  g_return_val_if_fail (STARLING_IS_NOTIFICATIONS_PAGE (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

gboolean
starling_notifications_page_get_mentions_only (StarlingNotificationsPage *self)
{
  g_return_val_if_fail (STARLING_IS_NOTIFICATIONS_PAGE (self), FALSE);

  return self->mentions_only;
}

/* Shows only the mentions, or everything. */
void
starling_notifications_page_set_mentions_only (StarlingNotificationsPage *self,
                                               gboolean                   mentions_only)
{
  g_return_if_fail (STARLING_IS_NOTIFICATIONS_PAGE (self));

  mentions_only = !!mentions_only;
  if (self->mentions_only == mentions_only)
    return;

  self->mentions_only = mentions_only;
  gtk_toggle_button_set_active (mentions_only ? self->mentions_button : self->all_button, TRUE);
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter),
                        mentions_only ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
  self->fill_rounds = 0;
  update_state (self);
  fill_mentions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MENTIONS_ONLY]);
}

/* The newest notification id the page moved the server's marker to. */
const char *
starling_notifications_page_get_marked_id (StarlingNotificationsPage *self)
{
  g_return_val_if_fail (STARLING_IS_NOTIFICATIONS_PAGE (self), NULL);

  return self->marked_id;
}

/* The loader of avatars and media; the application's by default. */
void
starling_notifications_page_set_image_loader (StarlingNotificationsPage *self,
                                              StarlingImageLoader       *loader)
{
  g_return_if_fail (STARLING_IS_NOTIFICATIONS_PAGE (self));

  g_set_object (&self->loader, loader);
}

/* Asks for what is new. */
void
starling_notifications_page_refresh (StarlingNotificationsPage *self)
{
  g_return_if_fail (STARLING_IS_NOTIFICATIONS_PAGE (self));

  if (self->feed == NULL)
    start (self);
  else
    refresh (self);
}
