/* starling-timeline-page.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One timeline on screen: a GtkListView over the feed's StarlingTimeline,
 * one recycled StarlingStatusRow per post, a "Load missing posts" row per
 * gap, and a footer that says what happens below the last post.
 */

#define G_LOG_DOMAIN "starling-timeline"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "api/starling-api-error.h"
#include "model/starling-marker.h"
#include "model/starling-status.h"
#include "model/starling-timeline-gap.h"
#include "starling-malloc.h"
#include "ui/shell/starling-main-view.h"
#include "ui/status/starling-status-factory.h"
#include "ui/status/starling-status-row.h"

#include "starling-timeline-page.h"
#include "ui/common/starling-style.h"

#define TIMELINE_RESOURCE RESOURCE_BASE "/timeline"

/* Older posts are asked for while fewer than this many screens of posts
 * are left below the reader. */
#define LOAD_AHEAD_SCREENS 2.0
/* The reading position is saved once the reader stopped scrolling. */
#define SAVE_POSITION_DELAY_MS 3000
/* Frames to wait for a row the list view is asked to show. */
#define MAX_FIXUP_TRIES 10
/* Within this many pixels of the top, the reader is at the top. */
#define TOP_SLACK 1.0
/* GTK 4.8's list view makes a row for every item up to 200 below the top,
 * so the posts kept in the database (up to 200) would all be built, bound
 * and measured before the first frame. They come on screen a few at a
 * time instead: this many in the first frame (more than a tall window
 * shows), this many more after each frame. */
#define REVEAL_FIRST 10
#define REVEAL_STEP 10
/* Posts kept above and below the one the reader looks at; those further
 * away are let go (and loaded again when the reader comes back), so memory
 * stays flat however far one scrolls. */
#define DEFAULT_TRIM_MARGIN 800

/**
 * StarlingTimelinePage:
 *
 * Shows a #StarlingFeed: what the database kept first, then what the
 * server has, then older pages ahead of the reader as they scroll. Posts
 * that arrive above what the reader looks at (a refresh, the stream) do
 * not move the view: the post at the top stays where it was and a "N new
 * posts" pill offers to go up. At the very top they show at once.
 *
 * While a first page loads it shows a spinner; an empty timeline and a
 * failure without anything kept each have a page of their own (the failure
 * with Retry). When the server cannot be reached but kept posts are shown,
 * a banner above them says so, with Retry.
 *
 * The reading position (the post at the top) is saved a moment after the
 * reader stops scrolling: as the server's `home` marker for the home
 * timeline, otherwise (or where the server has no markers) in the
 * database's settings; the page opens there again.
 *
 * The feed is active (polling, following its stream) while the page is on
 * screen, or always with #StarlingTimelinePage:keep-active.
 *
 * Memory stays flat however far the reader scrolls: once the reader is
 * more than #StarlingTimelinePage:trim-margin posts below the top (or above
 * the bottom), the feed lets go of the posts beyond (starling_feed_trim_around()),
 * and the view does not move. Going back up loads them again ahead of the
 * reader, as older posts are loaded going down. Meanwhile streamed posts
 * count in the "N new posts" pill, which (like Refresh) loads the newest
 * page above.
 */
struct _StarlingTimelinePage
{
  GtkWidget               parent_instance;

  StarlingAccountSession *session;
  StarlingFeed           *feed;
  StarlingImageLoader    *loader;
  char                   *title;
  gboolean                keep_active;
  GCancellable           *cancellable;

  /* The timeline with the footer after it. */
  GListStore             *parts;
  GListStore             *footer_store;
  GtkFlattenListModel    *items;
  /* The items the list view shows: all of them, but for the first frames
   * after the cache came (see REVEAL_FIRST). */
  GtkSliceListModel      *revealed;
  GtkNoSelection         *selection;
  /* GtkListItem → nothing: the list items bound now. */
  GHashTable             *bound;
  GtkWidget              *footer;
  GtkWidget              *footer_spinner;
  GtkWidget              *footer_label;
  GtkWidget              *footer_button;
  GtkListItem            *footer_owner;

  GtkWidget              *header_box;
  GtkWidget              *refresh_button;

  /* Template widgets */
  GtkWidget              *box;
  GtkRevealer            *offline_revealer;
  GtkLabel               *offline_label;
  GtkStack               *state_stack;
  GtkSpinner             *loading_spinner;
  AdwStatusPage          *empty_page;
  AdwStatusPage          *error_page;
  GtkScrolledWindow      *scrolled;
  GtkListView            *list_view;
  GtkRevealer            *pill_revealer;
  GtkLabel               *pill_label;

  gboolean                started;
  gboolean                cache_loading;
  /* Coming on screen after the cache came (see REVEAL_FIRST). */
  gulong                  reveal_handler;
  GdkFrameClock          *reveal_clock;
  guint                   reveal_idle;
  guint                   trim_margin;
  guint                   trim_idle;
  gboolean                newer_failed;
  gboolean                older_failed;
  gboolean                was_mapped;
  guint                   n_new;

  /* Keeping the view still while items change above it. */
  GObject                *anchor_item;
  double                  anchor_y;
  double                  anchor_value;
  gboolean                anchor_retried;
  gboolean                scroll_top_pending;
  GObject                *top_item_pending;
  /* Where that item's row goes: 0 is the top of the list. */
  double                  top_item_y;
  int                     focus_pending;
  gulong                  layout_handler;
  GdkFrameClock          *layout_clock;
  guint                   fixup_idle;
  gboolean                check_pending;
  guint                   fixup_tries;

  /* The shell the page is in, while on screen. */
  StarlingMainView       *shell;

  /* The reading position. */
  gboolean                position_restored;
  gboolean                restoring;
  char                   *saved_position;
  guint                   save_position_id;
};

G_DEFINE_FINAL_TYPE (StarlingTimelinePage, starling_timeline_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_FEED,
  PROP_TITLE,
  PROP_HEADER_WIDGET,
  PROP_IMAGE_LOADER,
  PROP_KEEP_ACTIVE,
  PROP_N_NEW,
  PROP_STATE,
  PROP_TRIM_MARGIN,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void update_state     (StarlingTimelinePage *self);
static void check_load_older (StarlingTimelinePage *self);
static void check_load_newer (StarlingTimelinePage *self);
static void queue_layout_fixup (StarlingTimelinePage *self);
static void reveal_to        (StarlingTimelinePage *self,
                              guint                 position);

/* Helpers */

static GListModel *
timeline (StarlingTimelinePage *self)
{
  return G_LIST_MODEL (starling_feed_get_timeline (self->feed));
}

static guint
n_posts (StarlingTimelinePage *self)
{
  return g_list_model_get_n_items (timeline (self));
}

static GtkAdjustment *
vadjustment (StarlingTimelinePage *self)
{
  return gtk_scrolled_window_get_vadjustment (self->scrolled);
}

/* Whether the list view shows only the first of the items still. */
static gboolean
revealing (StarlingTimelinePage *self)
{
  return self->revealed != NULL && gtk_slice_list_model_get_size (self->revealed) != G_MAXUINT;
}

static gboolean
at_top (StarlingTimelinePage *self)
{
  return gtk_adjustment_get_value (vadjustment (self)) <= TOP_SLACK;
}

/* The post a timeline item is about: the boosted post of a boost. */
static StarlingStatus *
shown_status (gpointer item)
{
  StarlingStatus *reblog;

  if (!STARLING_IS_STATUS (item))
    return NULL;

  reblog = starling_status_get_reblog (item);
  return reblog != NULL ? reblog : item;
}

static const char *
default_title (StarlingFeed *feed)
{
  switch (starling_feed_get_kind (feed))
    {
    case STARLING_FEED_HOME:
      return _("Home");
    case STARLING_FEED_LOCAL:
      return _("Local");
    case STARLING_FEED_FEDERATED:
      return _("Federated");
    case STARLING_FEED_BOOKMARKS:
      return _("Bookmarks");
    case STARLING_FEED_FAVOURITES:
      return _("Favourites");
    case STARLING_FEED_LIST:
      return _("List");
    case STARLING_FEED_ACCOUNT:
      return _("Posts");
    case STARLING_FEED_NOTIFICATIONS:
      return _("Notifications");
    case STARLING_FEED_HASHTAG:
    default:
      return starling_feed_get_argument (feed);
    }
}

static void
describe_empty (StarlingTimelinePage *self)
{
  const char *icon = "view-list-bullet-symbolic";
  const char *description = NULL;

  switch (starling_feed_get_kind (self->feed))
    {
    case STARLING_FEED_HOME:
      icon = "user-home-symbolic";
      description = _("Follow people and hashtags, and their posts show up here.");
      break;
    case STARLING_FEED_LOCAL:
      icon = "network-server-symbolic";
      description = _("No one on your server posted in public yet.");
      break;
    case STARLING_FEED_FEDERATED:
      icon = "network-workgroup-symbolic";
      description = _("Your server knows of no public posts yet.");
      break;
    case STARLING_FEED_BOOKMARKS:
      icon = "user-bookmarks-symbolic";
      description = _("Bookmark a post to find it here later.");
      break;
    case STARLING_FEED_FAVOURITES:
      icon = "starred-symbolic";
      description = _("The posts you favourite show up here.");
      break;
    case STARLING_FEED_HASHTAG:
      icon = "starling-hashtag-symbolic";
      description = _("No one used this hashtag in a post your server knows of.");
      break;
    case STARLING_FEED_LIST:
      description = _("The people in this list have not posted yet.");
      break;
    case STARLING_FEED_ACCOUNT:
    case STARLING_FEED_NOTIFICATIONS:
    default:
      break;
    }

  adw_status_page_set_icon_name (self->empty_page, icon);
  adw_status_page_set_description (self->empty_page, description);
}

static char *
server_name (StarlingTimelinePage *self)
{
  const char *base_uri = starling_client_get_base_uri (starling_feed_get_client (self->feed));
  g_autoptr (GUri) uri = g_uri_parse (base_uri, G_URI_FLAGS_NONE, NULL);

  if (uri != NULL && g_uri_get_host (uri) != NULL)
    return g_strdup (g_uri_get_host (uri));
  return g_strdup (base_uri);
}

static gboolean
is_unreachable (const GError *error)
{
  return error != NULL && error->domain == STARLING_API_ERROR
         && (error->code == STARLING_API_ERROR_NETWORK || error->code == STARLING_API_ERROR_TLS
             || error->code == STARLING_API_ERROR_SERVER || error->code == STARLING_API_ERROR_RATE_LIMITED);
}

/* The list items */

static GtkListItem *
bound_item_at (StarlingTimelinePage *self,
               guint                 position)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (gtk_list_item_get_position (key) == position)
      return key;

  return NULL;
}

static GtkListItem *
bound_item_for (StarlingTimelinePage *self,
                gpointer              item)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (gtk_list_item_get_item (key) == item)
      return key;

  return NULL;
}

/* The widget of a list item as the list view places it: the list item's
 * own row widget, the child's parent. */
static GtkWidget *
row_widget_of (GtkListItem *list_item)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  return child != NULL ? gtk_widget_get_parent (child) : NULL;
}

static gboolean
row_y (StarlingTimelinePage *self,
       GtkListItem          *list_item,
       double               *y,
       double               *height)
{
  GtkWidget *row = row_widget_of (list_item);
  graphene_point_t point;

  if (row == NULL || !gtk_widget_get_mapped (row)
      || !gtk_widget_compute_point (row, GTK_WIDGET (self->list_view), &GRAPHENE_POINT_INIT (0, 0), &point))
    return FALSE;

  *y = point.y;
  if (height != NULL)
    *height = gtk_widget_get_height (row);
  return TRUE;
}

/* The bound list item whose row is the first one on screen, at least in
 * part. */
static GtkListItem *
top_list_item (StarlingTimelinePage *self,
               double               *top_y)
{
  GtkListItem *best = NULL;
  double best_y = G_MAXDOUBLE;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      double y, height;

      if (gtk_list_item_get_item (key) == NULL || !row_y (self, key, &y, &height))
        continue;
      if (y + height > 0 && y < best_y)
        {
          best = key;
          best_y = y;
        }
    }

  if (top_y != NULL)
    *top_y = best_y;
  return best;
}

static void
update_footer (StarlingTimelinePage *self)
{
  const GError *error = starling_feed_get_error (self->feed);
  gboolean loading = starling_feed_get_loading_older (self->feed);
  gboolean at_end = starling_feed_get_at_end (self->feed);

  gtk_spinner_set_spinning (GTK_SPINNER (self->footer_spinner), loading);
  gtk_widget_set_visible (self->footer_spinner, loading);
  gtk_widget_set_visible (self->footer_button, !loading && self->older_failed);

  if (loading)
    gtk_label_set_label (GTK_LABEL (self->footer_label), NULL);
  else if (self->older_failed)
    {
      g_autofree char *message =
        g_strdup_printf (_("Could not load older posts: %s"),
                         error != NULL ? error->message : _("the server did not answer"));

      gtk_label_set_label (GTK_LABEL (self->footer_label), message);
    }
  else if (at_end)
    gtk_label_set_label (GTK_LABEL (self->footer_label), _("You have reached the end"));
  else
    gtk_label_set_label (GTK_LABEL (self->footer_label), NULL);
  gtk_widget_set_visible (self->footer_label,
                          *gtk_label_get_label (GTK_LABEL (self->footer_label)) != '\0');
}

static void
older_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  StarlingTimelinePage *self = user_data;
  g_autoptr (GError) error = NULL;

  if (!starling_feed_load_older_finish (STARLING_FEED (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("Could not load older posts: %s", error->message);
      self->older_failed = TRUE;
      update_footer (self);
      return;
    }

  update_footer (self);
  /* A short page may leave the reader near the end still: seen once the
   * list view placed it. */
  self->check_pending = TRUE;
  queue_layout_fixup (self);
}

static void
load_older (StarlingTimelinePage *self)
{
  self->older_failed = FALSE;
  starling_feed_load_older_async (self->feed, self->cancellable, older_loaded_cb, self);
  update_footer (self);
}

static void
check_load_older (StarlingTimelinePage *self)
{
  GtkAdjustment *adjustment = vadjustment (self);
  double page_size = gtk_adjustment_get_page_size (adjustment);
  double left;

  if (!self->started || self->cache_loading || n_posts (self) == 0 || self->older_failed
      || revealing (self)
      || starling_feed_get_at_end (self->feed) || starling_feed_get_loading_older (self->feed)
      || starling_feed_get_loading (self->feed) || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  /* Not laid out yet: the adjustment's "changed" comes once it is. */
  if (page_size <= 0)
    return;

  left = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_value (adjustment) - page_size;
  if (left < LOAD_AHEAD_SCREENS * MAX (page_size, 1))
    {
      g_debug ("%s: %.0f px left below %.0f of %.0f, %u posts: loading older posts", self->title, left,
               gtk_adjustment_get_value (adjustment), gtk_adjustment_get_upper (adjustment), n_posts (self));
      load_older (self);
    }
}

static void
gap_filled_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (GtkWidget) button = user_data;
  g_autoptr (GError) error = NULL;
  gboolean filled = starling_feed_fill_gap_finish (STARLING_FEED (object), result, &error);

  /* The page filled the top gap by itself: the next page, if the reader
   * is still near it, once the list view placed this one. */
  if (STARLING_IS_TIMELINE_PAGE (button))
    {
      StarlingTimelinePage *self = STARLING_TIMELINE_PAGE (button);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->newer_failed = !filled;
      if (filled)
        {
          self->check_pending = TRUE;
          queue_layout_fixup (self);
        }
    }

  if (!filled && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("Could not load the missing posts: %s"), error->message);
      GtkWidget *overlay = gtk_widget_get_ancestor (button, ADW_TYPE_TOAST_OVERLAY);
      g_autofree char *escaped = g_markup_escape_text (message, -1);

      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
      else
        g_debug ("%s", message);
    }
}

static void
fill_gap (StarlingTimelinePage *self,
          StarlingTimelineGap  *gap,
          GtkWidget            *from)
{
  if (starling_timeline_gap_get_loading (gap))
    return;

  starling_feed_fill_gap_async (self->feed, gap, self->cancellable, gap_filled_cb,
                                g_object_ref (from != NULL ? from : GTK_WIDGET (self)));
}

static void
gap_clicked_cb (GtkButton            *button,
                StarlingTimelinePage *self)
{
  StarlingTimelineGap *gap = g_object_get_data (G_OBJECT (button), "starling-gap");

  if (gap != NULL)
    {
      self->newer_failed = FALSE;
      fill_gap (self, gap, GTK_WIDGET (button));
    }
}

/* The top gap of a trimmed timeline is filled ahead of the reader going
 * up, as older posts are loaded ahead of them going down. */
static void
check_load_newer (StarlingTimelinePage *self)
{
  StarlingTimelineGap *gap = starling_timeline_get_top_gap (starling_feed_get_timeline (self->feed));
  GtkAdjustment *adjustment = vadjustment (self);
  double page_size = gtk_adjustment_get_page_size (adjustment);

  if (gap == NULL || starling_timeline_gap_get_loading (gap) || self->newer_failed || page_size <= 0
      || starling_feed_get_loading (self->feed) || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  if (gtk_adjustment_get_value (adjustment) < LOAD_AHEAD_SCREENS * page_size)
    {
      g_debug ("%s: %.0f px below the trimmed top: loading newer posts again", self->title,
               gtk_adjustment_get_value (adjustment));
      fill_gap (self, gap, NULL);
    }
}

static gboolean
trim_idle_cb (gpointer user_data)
{
  StarlingTimelinePage *self = user_data;
  int top;

  self->trim_idle = 0;

  /* Not while the view is being put back: the next scroll comes here
   * again. */
  if (self->trim_margin == 0 || !self->started || self->anchor_item != NULL || self->top_item_pending != NULL
      || self->scroll_top_pending || self->focus_pending >= 0 || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return G_SOURCE_REMOVE;

  /* The rows removed above the reader: timeline_changing_cb() notes the
   * row at the top and puts it back where it was, as for posts coming in
   * above. */
  top = starling_timeline_page_get_top_position (self);
  /* What the posts let go held stays in malloc's arenas until handed
   * back. */
  if (top >= 0 && (guint) top < n_posts (self)
      && starling_feed_trim_around (self->feed, top, self->trim_margin) > 0)
    starling_malloc_release_later ();

  return G_SOURCE_REMOVE;
}

/* Out of the list view's own handling of the scroll: the change comes in
 * an idle. */
static void
schedule_trim (StarlingTimelinePage *self)
{
  if (self->trim_margin == 0 || self->trim_idle != 0)
    return;

  self->trim_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, trim_idle_cb, self, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->trim_idle), "[starling] timeline trim");
}

static void
gap_loading_cb (StarlingTimelineGap *gap,
                GParamSpec          *pspec,
                GtkWidget           *button)
{
  GtkWidget *stack = gtk_button_get_child (GTK_BUTTON (button));
  gboolean loading = starling_timeline_gap_get_loading (gap);

  gtk_stack_set_visible_child_name (GTK_STACK (stack), loading ? "loading" : "idle");
  gtk_spinner_set_spinning (GTK_SPINNER (gtk_stack_get_child_by_name (GTK_STACK (stack), "loading")), loading);
  gtk_widget_set_sensitive (button, !loading);
}

static GtkWidget *
new_gap_row (StarlingTimelinePage *self)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *spinner = gtk_spinner_new ();

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("view-more-horizontal-symbolic"));
  gtk_box_append (GTK_BOX (box), gtk_label_new (_("Load missing posts")));
  g_object_set_data (G_OBJECT (button), "starling-gap-label", gtk_widget_get_last_child (box));
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  /* Titled: a screen reader reads a stack page's title, or "GtkStackPage". */
  gtk_stack_page_set_title (gtk_stack_add_named (GTK_STACK (stack), box, "idle"), _("Load missing posts"));
  gtk_stack_page_set_title (gtk_stack_add_named (GTK_STACK (stack), spinner, "loading"), _("Loading"));
  gtk_button_set_child (GTK_BUTTON (button), stack);
  gtk_widget_add_css_class (button, "starling-gap-button");
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Load missing posts"), -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (gap_clicked_cb), self, 0);

  return button;
}

static void
bind_gap_row (GtkWidget           *button,
              StarlingTimelineGap *gap)
{
  StarlingTimelineGap *old = g_object_get_data (G_OBJECT (button), "starling-gap");

  if (old != NULL)
    g_signal_handlers_disconnect_by_func (old, gap_loading_cb, button);
  g_object_set_data_full (G_OBJECT (button), "starling-gap",
                          gap != NULL ? g_object_ref (gap) : NULL, g_object_unref);
  if (gap != NULL)
    {
      /* At the top of a trimmed timeline the posts it stands for are
       * newer ones, loaded as the reader comes near. */
      const char *label = starling_timeline_gap_get_at_top (gap) ? _("Load newer posts") : _("Load missing posts");

      gtk_label_set_label (g_object_get_data (G_OBJECT (button), "starling-gap-label"), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_signal_connect_object (gap, "notify::loading", G_CALLBACK (gap_loading_cb), button, 0);
      gap_loading_cb (gap, NULL, button);
    }
}

static gboolean
is_gap_row (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "starling-gap-button");
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         StarlingTimelinePage     *self)
{
  gpointer item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);

  if (STARLING_IS_STATUS (item))
    {
      if (!STARLING_IS_STATUS_ROW (child))
        {
          child = starling_status_row_new ();
          gtk_list_item_set_child (list_item, child);
        }
      starling_status_factory_bind_row (GTK_LIST_ITEM_FACTORY (factory), STARLING_STATUS_ROW (child), item);
      gtk_list_item_set_activatable (list_item, TRUE);
      /* GtkListView focuses only selectable items (the selection model
       * selects nothing). */
      gtk_list_item_set_selectable (list_item, TRUE);
    }
  else if (STARLING_IS_TIMELINE_GAP (item))
    {
      if (!is_gap_row (child))
        {
          child = new_gap_row (self);
          gtk_list_item_set_child (list_item, child);
        }
      bind_gap_row (child, item);
      gtk_list_item_set_activatable (list_item, TRUE);
      gtk_list_item_set_selectable (list_item, TRUE);
    }
  else
    {
      /* The footer: one widget that moves to whichever list item shows it. */
      if (self->footer_owner != NULL && self->footer_owner != list_item
          && gtk_list_item_get_child (self->footer_owner) == self->footer)
        gtk_list_item_set_child (self->footer_owner, NULL);
      if (child != self->footer)
        gtk_list_item_set_child (list_item, self->footer);
      self->footer_owner = list_item;
      gtk_list_item_set_activatable (list_item, FALSE);
      gtk_list_item_set_selectable (list_item, FALSE);
    }

  g_hash_table_add (self->bound, list_item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           StarlingTimelinePage     *self)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  /* A row out of sight lets go of its post and its pictures. */
  if (STARLING_IS_STATUS_ROW (child))
    starling_status_factory_bind_row (GTK_LIST_ITEM_FACTORY (factory), STARLING_STATUS_ROW (child), NULL);
  else if (is_gap_row (child))
    bind_gap_row (child, NULL);

  g_hash_table_remove (self->bound, list_item);
}

static void
teardown_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             StarlingTimelinePage     *self)
{
  if (self->footer_owner == list_item)
    {
      if (gtk_list_item_get_child (list_item) == self->footer)
        gtk_list_item_set_child (list_item, NULL);
      self->footer_owner = NULL;
    }
  g_hash_table_remove (self->bound, list_item);
}

/* Keeping the view still */

static void
update_pill (StarlingTimelinePage *self)
{
  gboolean show = self->n_new > 0 && !at_top (self);

  if (self->n_new > 0)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new post", "%u new posts",
                                                             self->n_new), self->n_new);

      gtk_label_set_label (self->pill_label, label);
    }
  gtk_revealer_set_reveal_child (self->pill_revealer, show);
}

static void
set_n_new (StarlingTimelinePage *self,
           guint                 n_new)
{
  if (self->n_new != n_new)
    {
      self->n_new = n_new;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_NEW]);
    }
  update_pill (self);
}

static void
take_focus_pending (StarlingTimelinePage *self)
{
  GtkListItem *list_item;
  GtkWidget *row;

  if (self->focus_pending < 0)
    return;

  list_item = bound_item_at (self, self->focus_pending);
  row = list_item != NULL ? row_widget_of (list_item) : NULL;
  if (row != NULL && gtk_widget_get_mapped (row) && gtk_widget_grab_focus (row))
    self->focus_pending = -1;
}

/* A frame clock that went with its surface dropped its handlers. */
static void
clear_layout_handler (StarlingTimelinePage *self)
{
  if (self->layout_handler != 0 && g_signal_handler_is_connected (self->layout_clock, self->layout_handler))
    g_signal_handler_disconnect (self->layout_clock, self->layout_handler);
  self->layout_handler = 0;
  g_clear_object (&self->layout_clock);
}

static gboolean
find_item (StarlingTimelinePage *self,
           gpointer              item,
           guint                *position)
{
  GListModel *model = timeline (self);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
fixup_idle_cb (gpointer user_data)
{
  StarlingTimelinePage *self = user_data;

  self->fixup_idle = 0;
  queue_layout_fixup (self);
  return G_SOURCE_REMOVE;
}

/* After the list view placed its rows: put back the post that was at the
 * top where it was, or go to the very top. */
static void
layout_after_cb (GdkFrameClock        *clock,
                 StarlingTimelinePage *self)
{
  GtkAdjustment *adjustment = vadjustment (self);

  clear_layout_handler (self);

  /* Off screen, the rows are not placed: the page tries again when it is
   * shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    return;

  if (self->scroll_top_pending)
    {
      self->scroll_top_pending = FALSE;
      g_clear_object (&self->anchor_item);
      gtk_adjustment_set_value (adjustment, 0);
    }
  else if (self->top_item_pending != NULL)
    {
      GtkListItem *list_item = bound_item_for (self, self->top_item_pending);
      double y;

      if (list_item != NULL && row_y (self, list_item, &y, NULL))
        {
          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + y - self->top_item_y);
          g_clear_object (&self->top_item_pending);
          self->top_item_y = 0;
        }
      else
        {
          /* Not placed yet (the list was not laid out when asked): ask
           * again. */
          guint position;

          if (find_item (self, self->top_item_pending, &position))
            gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
        }
    }
  else if (self->anchor_item != NULL)
    {
      GtkListItem *list_item = bound_item_for (self, self->anchor_item);
      double y;

      if (list_item != NULL && row_y (self, list_item, &y, NULL))
        {
          if (fabs (y - self->anchor_y) >= 0.5)
            {
              g_debug ("Keeping the view: the top post moved by %.1f px", y - self->anchor_y);
              gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + (y - self->anchor_y));
            }
          g_clear_object (&self->anchor_item);
        }
      else if (!self->anchor_retried)
        {
          /* The list view followed another item out of sight (the footer,
           * when older posts came below the reader): back to where the
           * reader was, and the row is put right at the next layout. */
          g_debug ("Keeping the view: back to %.0f px", self->anchor_value);
          self->anchor_retried = TRUE;
          gtk_adjustment_set_value (adjustment, self->anchor_value);
          if (self->fixup_idle == 0)
            self->fixup_idle = g_idle_add (fixup_idle_cb, self);
        }
      else
        g_clear_object (&self->anchor_item);
    }

  take_focus_pending (self);

  if (self->check_pending)
    {
      self->check_pending = FALSE;
      check_load_older (self);
      check_load_newer (self);
      /* Posts came without the reader moving (at the top, say): what is
       * now too far goes. */
      schedule_trim (self);
    }

  /* A row not placed yet: once more after this frame, a few times. */
  if (self->top_item_pending == NULL && self->focus_pending < 0)
    self->fixup_tries = 0;
  else if (++self->fixup_tries > MAX_FIXUP_TRIES)
    {
      g_debug ("Gave up placing a row after %u frames", MAX_FIXUP_TRIES);
      g_clear_object (&self->top_item_pending);
      self->top_item_y = 0;
      self->focus_pending = -1;
      self->fixup_tries = 0;
    }
  else if (self->fixup_idle == 0)
    self->fixup_idle = g_idle_add (fixup_idle_cb, self);
}

static void
queue_layout_fixup (StarlingTimelinePage *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->list_view));

  if (clock == NULL)
    return;

  if (self->layout_clock != clock)
    clear_layout_handler (self);
  if (self->layout_handler == 0)
    {
      self->layout_clock = g_object_ref (clock);
      self->layout_handler = g_signal_connect_after (clock, "layout", G_CALLBACK (layout_after_cb), self);
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self->list_view));
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

/* Runs before the list view hears of the change, while its rows are where
 * the reader saw them. */
static void
timeline_changing_cb (GListModel           *model,
                      guint                 position,
                      guint                 removed,
                      guint                 added,
                      StarlingTimelinePage *self)
{
  guint n_after = g_list_model_get_n_items (model);
  guint n_before = n_after - added + removed;
  gboolean top = at_top (self);

  if (!self->started)
    return;


  /* New posts at the top, above the reader. */
  if (n_before > 0 && position == 0 && added > removed && !top)
    set_n_new (self, self->n_new + added - removed);

  /* The list view keeps the item it shows first where it is, even when
   * that is the footer of an empty list or the post that was newest: a
   * reader at the top stays at the top instead. */
  if (top && position == 0 && added > 0)
    {
      if (self->top_item_pending == NULL)
        self->scroll_top_pending = TRUE;
    }
  else if (!top && self->anchor_item == NULL && gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    {
      GtkListItem *list_item = top_list_item (self, &self->anchor_y);

      if (list_item != NULL)
        {
          self->anchor_item = g_object_ref (gtk_list_item_get_item (list_item));
          self->anchor_value = gtk_adjustment_get_value (vadjustment (self));
          /* Rows let go above the reader: the old scroll value is no
           * place to go back to (it may be past the end now). */
          self->anchor_retried = removed > added;
        }
    }

  queue_layout_fixup (self);
}

static void
timeline_changed_cb (GListModel           *model,
                     guint                 position,
                     guint                 removed,
                     guint                 added,
                     StarlingTimelinePage *self)
{
  update_state (self);
}

/* The reading position */

static char *
position_key (StarlingTimelinePage *self)
{
  g_autofree char *cache_key = starling_feed_dup_cache_key (self->feed);

  return g_strdup_printf ("reading-position:%s:%s", starling_account_session_get_handle (self->session),
                          cache_key);
}

static const char *
top_status_id (StarlingTimelinePage *self)
{
  GtkListItem *list_item = top_list_item (self, NULL);
  gpointer item = list_item != NULL ? gtk_list_item_get_item (list_item) : NULL;

  return STARLING_IS_STATUS (item) ? starling_status_get_id (item) : NULL;
}

static void
setting_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  if (!starling_database_write_finish (STARLING_DATABASE (object), result, &error))
    g_debug ("Could not save the reading position: %s", error->message);
}

static void
save_position_in_database (StarlingTimelinePage *self,
                           const char           *id)
{
  StarlingDatabase *database = starling_account_session_get_database (self->session);
  g_autofree char *key = NULL;

  if (database == NULL)
    return;

  key = position_key (self);
  starling_database_set_setting_async (database, key, id, NULL, setting_saved_cb, NULL);
}

typedef struct
{
  StarlingTimelinePage *self;  /* weak */
  StarlingDatabase     *database;
  char                 *key;
  char                 *id;
} MarkerSave;

static void
marker_save_free (MarkerSave *save)
{
  g_clear_weak_pointer (&save->self);
  g_clear_object (&save->database);
  g_free (save->key);
  g_free (save->id);
  g_free (save);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MarkerSave, marker_save_free)

static void
marker_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (MarkerSave) save = user_data;
  g_autoptr (GError) error = NULL;

  if (starling_client_markers_finish (STARLING_CLIENT (object), result, NULL, NULL, &error))
    return;

  /* A server without markers: the database keeps the position. */
  g_debug ("Could not save the home marker: %s", error->message);
  if (save->database != NULL)
    starling_database_set_setting_async (save->database, save->key, save->id, NULL, setting_saved_cb, NULL);
}

static void
save_position (StarlingTimelinePage *self)
{
  const char *id;

  g_clear_handle_id (&self->save_position_id, g_source_remove);

  id = top_status_id (self);
  if (id == NULL || g_strcmp0 (id, self->saved_position) == 0)
    return;

  g_free (self->saved_position);
  self->saved_position = g_strdup (id);
  g_debug ("Reading position of %s: %s", self->title, id);

  if (starling_feed_get_kind (self->feed) == STARLING_FEED_HOME)
    {
      MarkerSave *save = g_new0 (MarkerSave, 1);
      StarlingDatabase *database = starling_account_session_get_database (self->session);

      g_set_weak_pointer (&save->self, self);
      save->database = database != NULL ? g_object_ref (database) : NULL;
      save->key = position_key (self);
      save->id = g_strdup (id);
      /* Not the page's cancellable: a position saved as the page goes
       * is still saved. */
      starling_client_save_markers_async (starling_feed_get_client (self->feed), id, NULL, NULL,
                                          marker_saved_cb, save);
    }
  else
    save_position_in_database (self, id);
}

static gboolean
save_position_cb (gpointer user_data)
{
  StarlingTimelinePage *self = user_data;

  self->save_position_id = 0;
  save_position (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save_position (StarlingTimelinePage *self)
{
  if (!self->position_restored)
    return;

  g_clear_handle_id (&self->save_position_id, g_source_remove);
  self->save_position_id = g_timeout_add (SAVE_POSITION_DELAY_MS, save_position_cb, self);
}

static void
go_to_position (StarlingTimelinePage *self,
                const char           *id)
{
  GListModel *model = timeline (self);
  guint n = g_list_model_get_n_items (model);

  self->position_restored = TRUE;
  self->restoring = FALSE;
  g_free (self->saved_position);
  self->saved_position = g_strdup (id);

  if (id == NULL || !at_top (self))
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      if (!STARLING_IS_STATUS (item) || g_strcmp0 (starling_status_get_id (STARLING_STATUS (item)), id) != 0)
        continue;
      if (i == 0)
        return;

      g_debug ("Opening %s at its reading position, %u posts down", self->title, i);
      reveal_to (self, i);
      g_set_object (&self->top_item_pending, item);
      self->top_item_y = 0;
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
      set_n_new (self, i);
      queue_layout_fixup (self);
      return;
    }
}

static void
setting_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  StarlingTimelinePage *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *id = starling_database_get_setting_finish (STARLING_DATABASE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    g_debug ("Could not read the reading position: %s", error->message);
  go_to_position (self, id);
}

static void
read_position_from_database (StarlingTimelinePage *self)
{
  StarlingDatabase *database = starling_account_session_get_database (self->session);
  g_autofree char *key = NULL;

  if (database == NULL)
    {
      go_to_position (self, NULL);
      return;
    }

  key = position_key (self);
  starling_database_get_setting_async (database, key, self->cancellable, setting_read_cb, self);
}

static void
markers_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  StarlingTimelinePage *self = user_data;
  g_autoptr (StarlingMarker) home = NULL;
  g_autoptr (GError) error = NULL;

  if (!starling_client_markers_finish (STARLING_CLIENT (object), result, &home, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("No home marker (%s): the database has the position", error->message);
      read_position_from_database (self);
      return;
    }

  if (home == NULL)
    read_position_from_database (self);
  else
    go_to_position (self, starling_marker_get_last_read_id (home));
}

static void
restore_position (StarlingTimelinePage *self)
{
  if (self->position_restored || n_posts (self) == 0)
    return;
  /* Once: later refreshes never take the reader away. */
  self->position_restored = TRUE;
  self->restoring = TRUE;

  if (starling_feed_get_kind (self->feed) == STARLING_FEED_HOME)
    starling_client_get_markers_async (starling_feed_get_client (self->feed), self->cancellable,
                                       markers_read_cb, self);
  else
    read_position_from_database (self);
}

/* Loading */

static void
refreshed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  StarlingTimelinePage *self = user_data;
  g_autoptr (GError) error = NULL;

  if (!starling_feed_refresh_finish (STARLING_FEED (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("Could not refresh %s: %s", self->title, error->message);
    }
  else
    {
      self->older_failed = FALSE;
      self->newer_failed = FALSE;
    }

  gtk_widget_set_sensitive (self->refresh_button, TRUE);
  update_state (self);
  restore_position (self);
  check_load_older (self);
}

static void
refresh (StarlingTimelinePage *self)
{
  gtk_widget_set_sensitive (self->refresh_button, FALSE);
  starling_feed_refresh_async (self->feed, self->cancellable, refreshed_cb, self);
  update_state (self);
}

static void
clear_reveal_handler (StarlingTimelinePage *self)
{
  if (self->reveal_handler != 0 && g_signal_handler_is_connected (self->reveal_clock, self->reveal_handler))
    g_signal_handler_disconnect (self->reveal_clock, self->reveal_handler);
  self->reveal_handler = 0;
  g_clear_object (&self->reveal_clock);
}

static void reveal_more (StarlingTimelinePage *self);
static void reveal_all  (StarlingTimelinePage *self);

static gboolean
reveal_idle_cb (gpointer user_data)
{
  StarlingTimelinePage *self = user_data;
  guint size = gtk_slice_list_model_get_size (self->revealed);

  self->reveal_idle = 0;
  gtk_slice_list_model_set_size (self->revealed, size + MIN (REVEAL_STEP, G_MAXUINT - size));
  reveal_more (self);
  return G_SOURCE_REMOVE;
}

static void
revealed_painted_cb (GdkFrameClock        *clock,
                     StarlingTimelinePage *self)
{
  clear_reveal_handler (self);
  /* Out of the frame clock's dispatch: the next rows make the next
   * frame. */
  if (self->reveal_idle == 0)
    self->reveal_idle = g_idle_add_full (GDK_PRIORITY_REDRAW + 1, reveal_idle_cb, self, NULL);
}

/* Shows more of the cached posts after each frame, until all are shown. */
static void
reveal_more (StarlingTimelinePage *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->list_view));

  if (gtk_slice_list_model_get_size (self->revealed) < g_list_model_get_n_items (G_LIST_MODEL (self->items))
      && clock != NULL)
    {
      if (self->reveal_handler == 0 && self->reveal_idle == 0)
        {
          self->reveal_clock = g_object_ref (clock);
          self->reveal_handler = g_signal_connect_after (clock, "after-paint", G_CALLBACK (revealed_painted_cb), self);
          /* A frame comes even if nothing else asks for one. */
          gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
        }
      return;
    }

  reveal_all (self);
}

/* While the cache comes on screen: at least up to a screen past
 * @position, where the page is to go. */
static void
reveal_to (StarlingTimelinePage *self,
           guint                 position)
{
  if (revealing (self) && gtk_slice_list_model_get_size (self->revealed) < position + REVEAL_FIRST)
    gtk_slice_list_model_set_size (self->revealed, position + REVEAL_FIRST);
}

/* Every item on screen from now on. */
static void
reveal_all (StarlingTimelinePage *self)
{
  gboolean was_revealing = revealing (self);

  clear_reveal_handler (self);
  g_clear_handle_id (&self->reveal_idle, g_source_remove);
  gtk_slice_list_model_set_size (self->revealed, G_MAXUINT);
  /* Whether older posts are wanted was not asked while the list was
   * short. */
  if (was_revealing)
    {
      self->check_pending = TRUE;
      queue_layout_fixup (self);
    }
}

static void
cached_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  StarlingTimelinePage *self = user_data;
  g_autoptr (GError) error = NULL;
  guint n = 0;

  if (!starling_feed_load_cached_finish (STARLING_FEED (object), result, &n, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("Nothing cached for %s: %s", self->title, error->message);
    }

  self->cache_loading = FALSE;
  g_debug ("%u posts of %s from the cache", n, self->title);
  /* The reading position is looked for among what the cache had. */
  if (n > 0)
    restore_position (self);
  refresh (self);
  reveal_more (self);
}

static void
start (StarlingTimelinePage *self)
{
  if (self->started)
    return;

  self->started = TRUE;
  if (n_posts (self) > 0)
    {
      restore_position (self);
      refresh (self);
      return;
    }

  self->cache_loading = TRUE;
  /* The list is empty: what the cache brings comes on screen a few posts
   * a frame. */
  gtk_slice_list_model_set_size (self->revealed, REVEAL_FIRST);
  update_state (self);
  starling_feed_load_cached_async (self->feed, self->cancellable, cached_cb, self);
}

static gboolean
shell_has_banner (StarlingTimelinePage *self)
{
  return self->shell != NULL && starling_main_view_get_banner_message (self->shell) != NULL;
}

static void
update_state (StarlingTimelinePage *self)
{
  const GError *error = starling_feed_get_error (self->feed);
  const char *state;
  const char *old = gtk_stack_get_visible_child_name (self->state_stack);

  if (n_posts (self) > 0)
    state = "list";
  else if (!self->started || self->cache_loading || starling_feed_get_loading (self->feed))
    state = "loading";
  else if (error != NULL)
    state = "error";
  else
    state = "empty";

  if (g_str_equal (state, "error"))
    adw_status_page_set_description (self->error_page, error->message);
  gtk_spinner_set_spinning (self->loading_spinner, g_str_equal (state, "loading"));
  gtk_stack_set_visible_child_name (self->state_stack, state);

  /* Posts kept, but the server does not answer; unless the shell's
   * banner says so already (the account's stream cannot reach it). */
  if (g_str_equal (state, "list") && error != NULL && !starling_feed_get_loading (self->feed)
      && !(is_unreachable (error) && shell_has_banner (self)))
    {
      g_autofree char *message = NULL;

      if (is_unreachable (error))
        {
          g_autofree char *server = server_name (self);

          message = g_strdup_printf (_("%s cannot be reached. These posts were kept on this computer."),
                                     server);
        }
      else
        message = g_strdup_printf (_("Could not refresh: %s"), error->message);
      gtk_label_set_label (self->offline_label, message);
      gtk_revealer_set_reveal_child (self->offline_revealer, TRUE);
    }
  else if (error == NULL || shell_has_banner (self))
    gtk_revealer_set_reveal_child (self->offline_revealer, FALSE);

  update_footer (self);

  if (g_strcmp0 (old, state) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
live_skipped_cb (StarlingTimelinePage *self,
                 StarlingEntity       *item)
{
  /* Not shown while the top is trimmed, but there is something new. */
  set_n_new (self, self->n_new + 1);
}

static void
feed_notify_cb (StarlingTimelinePage *self,
                GParamSpec           *pspec)
{
  update_state (self);
  /* After the list view placed what came: the adjustment is stale now. */
  self->check_pending = TRUE;
  queue_layout_fixup (self);
}

/* Callbacks */

static void
retry_clicked_cb (StarlingTimelinePage *self)
{
  self->older_failed = FALSE;
  refresh (self);
}

static void
footer_retry_cb (StarlingTimelinePage *self)
{
  load_older (self);
}

static void
pill_clicked_cb (StarlingTimelinePage *self)
{
  starling_timeline_page_scroll_to_top (self);
}

static void
adjustment_changed_cb (StarlingTimelinePage *self)
{
  /* While the view is being put back, the list view's own moves are no
   * reason to load. */
  if (self->anchor_item != NULL || self->top_item_pending != NULL || self->scroll_top_pending)
    self->check_pending = TRUE;
  else
    {
      check_load_older (self);
      check_load_newer (self);
    }
}

static void
value_changed_cb (StarlingTimelinePage *self)
{
  if (at_top (self))
    set_n_new (self, 0);
  else
    update_pill (self);
  adjustment_changed_cb (self);
  schedule_save_position (self);
  schedule_trim (self);
}

static void
activate_cb (GtkListView          *list_view,
             guint                 position,
             StarlingTimelinePage *self)
{
  g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  StarlingStatus *status = shown_status (item);

  if (status != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "status.open-thread", "s", starling_status_get_id (status));
  else if (STARLING_IS_TIMELINE_GAP (item))
    fill_gap (self, STARLING_TIMELINE_GAP (item), NULL);
}

static StarlingStatusRow *
focused_row (StarlingTimelinePage *self)
{
  int position = starling_timeline_page_get_focus_position (self);
  GtkListItem *list_item;

  if (position < 0)
    return NULL;
  list_item = bound_item_at (self, position);
  if (list_item == NULL || !STARLING_IS_STATUS_ROW (gtk_list_item_get_child (list_item)))
    return NULL;
  return STARLING_STATUS_ROW (gtk_list_item_get_child (list_item));
}

static void
move_focus (StarlingTimelinePage *self,
            int                   delta)
{
  /* A move on its way counts: j pressed twice goes two posts down. */
  int position = self->focus_pending >= 0 ? self->focus_pending : starling_timeline_page_get_focus_position (self);
  int n = n_posts (self);

  if (n == 0)
    return;
  if (position < 0)
    position = MAX (starling_timeline_page_get_top_position (self), 0);
  else
    position = CLAMP (position + delta, 0, n - 1);

  starling_timeline_page_focus_position (self, position);
}

static void
next_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  move_focus (STARLING_TIMELINE_PAGE (widget), 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  move_focus (STARLING_TIMELINE_PAGE (widget), -1);
}

static void
row_action (GtkWidget  *widget,
            const char *name,
            GVariant   *parameter)
{
  StarlingTimelinePage *self = STARLING_TIMELINE_PAGE (widget);
  StarlingStatusRow *row = focused_row (self);
  StarlingStatus *status;

  if (row == NULL)
    return;

  if (g_str_equal (name, "timeline.favourite"))
    gtk_widget_activate_action (GTK_WIDGET (row), "row.favourite", NULL);
  else if (g_str_equal (name, "timeline.boost"))
    gtk_widget_activate_action (GTK_WIDGET (row), "row.boost", NULL);
  else if (g_str_equal (name, "timeline.reply") && (status = shown_status (starling_status_row_get_status (row))) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (row), "status.reply", "s", starling_status_get_id (status));
}

static void
refresh_action (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  starling_timeline_page_refresh (STARLING_TIMELINE_PAGE (widget));
}

static void
set_feed_active (StarlingTimelinePage *self,
                 gboolean              active)
{
  StarlingStreaming *streaming = starling_account_session_get_streaming (self->session);

  starling_feed_set_active (self->feed, active);
  starling_feed_set_streaming (self->feed, active ? streaming : NULL);
}

static void
streaming_changed_cb (StarlingTimelinePage *self)
{
  /* The server said where it streams only now, or the stream was
   * replaced (a new sign-in). */
  if (self->keep_active || gtk_widget_get_mapped (GTK_WIDGET (self)))
    set_feed_active (self, TRUE);
}

static void
starling_timeline_page_map (GtkWidget *widget)
{
  StarlingTimelinePage *self = STARLING_TIMELINE_PAGE (widget);
  gboolean again = self->was_mapped;

  GTK_WIDGET_CLASS (starling_timeline_page_parent_class)->map (widget);

  self->was_mapped = TRUE;
  if (!self->keep_active)
    set_feed_active (self, TRUE);

  g_set_weak_pointer (&self->shell, (StarlingMainView *) gtk_widget_get_ancestor (widget, STARLING_TYPE_MAIN_VIEW));
  if (self->shell != NULL)
    g_signal_connect_object (self->shell, "notify::banner-message", G_CALLBACK (update_state), self,
                             G_CONNECT_SWAPPED);
  update_state (self);

  if (self->scroll_top_pending || self->top_item_pending != NULL || self->focus_pending >= 0)
    queue_layout_fixup (self);

  if (!self->started)
    start (self);
  else if (again && !self->keep_active && n_posts (self) > 0 && !starling_feed_get_trimmed (self->feed))
    /* The stream was left while the page was away: catch up. (Trimmed,
     * what is new comes as the reader goes up.) */
    refresh (self);
  check_load_older (self);
}

static void
starling_timeline_page_unmap (GtkWidget *widget)
{
  StarlingTimelinePage *self = STARLING_TIMELINE_PAGE (widget);

  if (!self->keep_active)
    set_feed_active (self, FALSE);
  if (self->save_position_id != 0)
    save_position (self);
  if (self->shell != NULL)
    g_signal_handlers_disconnect_by_func (self->shell, update_state, self);
  g_clear_weak_pointer (&self->shell);

  GTK_WIDGET_CLASS (starling_timeline_page_parent_class)->unmap (widget);
}

static void
starling_timeline_page_dispose (GObject *object)
{
  StarlingTimelinePage *self = STARLING_TIMELINE_PAGE (object);

  if (self->save_position_id != 0)
    save_position (self);
  g_cancellable_cancel (self->cancellable);
  clear_layout_handler (self);
  clear_reveal_handler (self);
  g_clear_handle_id (&self->reveal_idle, g_source_remove);
  g_clear_weak_pointer (&self->shell);
  g_clear_handle_id (&self->fixup_idle, g_source_remove);
  g_clear_handle_id (&self->trim_idle, g_source_remove);

  if (self->feed != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->feed, self);
      g_signal_handlers_disconnect_by_data (starling_feed_get_timeline (self->feed), self);
      if (!self->keep_active)
        set_feed_active (self, FALSE);
    }
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), STARLING_TYPE_TIMELINE_PAGE);
  g_clear_object (&self->footer);
  g_clear_object (&self->header_box);
  g_clear_object (&self->selection);
  g_clear_object (&self->revealed);
  g_clear_object (&self->items);
  g_clear_object (&self->parts);
  g_clear_object (&self->footer_store);
  g_clear_object (&self->anchor_item);
  g_clear_object (&self->top_item_pending);

  G_OBJECT_CLASS (starling_timeline_page_parent_class)->dispose (object);
}

static void
starling_timeline_page_finalize (GObject *object)
{
  StarlingTimelinePage *self = STARLING_TIMELINE_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->feed);
  g_clear_object (&self->session);
  g_clear_object (&self->loader);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_free (self->title);
  g_free (self->saved_position);

  G_OBJECT_CLASS (starling_timeline_page_parent_class)->finalize (object);
}

static void
starling_timeline_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  StarlingTimelinePage *self = STARLING_TIMELINE_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_FEED:
      g_value_set_object (value, self->feed);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_HEADER_WIDGET:
      g_value_set_object (value, self->header_box);
      break;
    case PROP_IMAGE_LOADER:
      g_value_set_object (value, self->loader);
      break;
    case PROP_KEEP_ACTIVE:
      g_value_set_boolean (value, self->keep_active);
      break;
    case PROP_N_NEW:
      g_value_set_uint (value, self->n_new);
      break;
    case PROP_STATE:
      g_value_set_string (value, starling_timeline_page_get_state (self));
      break;
    case PROP_TRIM_MARGIN:
      g_value_set_uint (value, self->trim_margin);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_timeline_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  StarlingTimelinePage *self = STARLING_TIMELINE_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_FEED:
      self->feed = g_value_dup_object (value);
      break;
    case PROP_TITLE:
      starling_timeline_page_set_title (self, g_value_get_string (value));
      break;
    case PROP_IMAGE_LOADER:
      starling_timeline_page_set_image_loader (self, g_value_get_object (value));
      break;
    case PROP_KEEP_ACTIVE:
      starling_timeline_page_set_keep_active (self, g_value_get_boolean (value));
      break;
    case PROP_TRIM_MARGIN:
      starling_timeline_page_set_trim_margin (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GtkWidget *
build_footer (StarlingTimelinePage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_add_css_class (box, "starling-timeline-footer");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

  self->footer_spinner = gtk_spinner_new ();
  gtk_widget_set_halign (self->footer_spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (self->footer_spinner, 24, 24);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->footer_spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Loading older posts"), -1);
  gtk_box_append (GTK_BOX (box), self->footer_spinner);

  self->footer_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->footer_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->footer_label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (self->footer_label, "dim-label");
  gtk_box_append (GTK_BOX (box), self->footer_label);

  self->footer_button = gtk_button_new_with_mnemonic (_("_Retry"));
  gtk_widget_set_halign (self->footer_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->footer_button, "pill");
  g_signal_connect_object (self->footer_button, "clicked", G_CALLBACK (footer_retry_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), self->footer_button);

  return g_object_ref_sink (box);
}

static GtkWidget *
build_header (StarlingTimelinePage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->refresh_button = gtk_button_new_from_icon_name ("view-refresh-symbolic");
  gtk_widget_set_tooltip_text (self->refresh_button, _("Refresh"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->refresh_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Refresh"), -1);
  g_signal_connect_object (self->refresh_button, "clicked", G_CALLBACK (retry_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), self->refresh_button);

  return g_object_ref_sink (box);
}

static void
starling_timeline_page_constructed (GObject *object)
{
  StarlingTimelinePage *self = STARLING_TIMELINE_PAGE (object);
  GtkListItemFactory *factory;
  g_autoptr (GtkStringObject) footer_item = NULL;

  G_OBJECT_CLASS (starling_timeline_page_parent_class)->constructed (object);

  g_assert (STARLING_IS_ACCOUNT_SESSION (self->session));
  g_assert (STARLING_IS_FEED (self->feed));

  if (self->title == NULL)
    self->title = g_strdup (default_title (self->feed));
  describe_empty (self);

  /* Before the flattened model: this handler sees each change while the
   * list view still shows the rows as they were. */
  g_signal_connect (starling_feed_get_timeline (self->feed), "items-changed",
                    G_CALLBACK (timeline_changing_cb), self);

  self->footer = build_footer (self);
  self->header_box = build_header (self);
  self->footer_store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  footer_item = gtk_string_object_new ("footer");
  g_list_store_append (self->footer_store, footer_item);
  self->parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (self->parts, timeline (self));
  g_list_store_append (self->parts, self->footer_store);
  self->items = gtk_flatten_list_model_new (G_LIST_MODEL (g_object_ref (self->parts)));
  self->revealed = gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (self->items)), 0, G_MAXUINT);
  self->selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->revealed)));

  factory = starling_status_factory_new ();
  starling_status_factory_set_session (factory, self->session);
  starling_status_factory_set_image_loader (factory, self->loader);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_after (starling_feed_get_timeline (self->feed), "items-changed",
                          G_CALLBACK (timeline_changed_cb), self);
  g_signal_connect_swapped (self->feed, "notify::loading", G_CALLBACK (feed_notify_cb), self);
  g_signal_connect_swapped (self->feed, "notify::loading-older", G_CALLBACK (feed_notify_cb), self);
  g_signal_connect_swapped (self->feed, "notify::at-end", G_CALLBACK (feed_notify_cb), self);
  g_signal_connect_swapped (self->feed, "notify::error", G_CALLBACK (feed_notify_cb), self);
  g_signal_connect_swapped (self->feed, "notify::trimmed", G_CALLBACK (feed_notify_cb), self);
  g_signal_connect_swapped (self->feed, "live-skipped", G_CALLBACK (live_skipped_cb), self);

  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (activate_cb), self, 0);
  g_signal_connect_object (vadjustment (self), "value-changed", G_CALLBACK (value_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (vadjustment (self), "changed", G_CALLBACK (adjustment_changed_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (self->session, "notify::streaming", G_CALLBACK (streaming_changed_cb), self,
                           G_CONNECT_SWAPPED);
  if (self->keep_active)
    set_feed_active (self, TRUE);

  update_state (self);
}

static void
starling_timeline_page_class_init (StarlingTimelinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = starling_timeline_page_constructed;
  object_class->dispose = starling_timeline_page_dispose;
  object_class->finalize = starling_timeline_page_finalize;
  object_class->get_property = starling_timeline_page_get_property;
  object_class->set_property = starling_timeline_page_set_property;
  widget_class->map = starling_timeline_page_map;
  widget_class->unmap = starling_timeline_page_unmap;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, STARLING_TYPE_ACCOUNT_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FEED] =
    g_param_spec_object ("feed", NULL, NULL, STARLING_TYPE_FEED,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * StarlingTimelinePage:title:
   *
   * What the header says while the page is shown.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StarlingTimelinePage:header-widget:
   *
   * The buttons that go at the end of the header while the page is shown
   * (Refresh, and whatever starling_timeline_page_add_header_widget()
   * added).
   */
  properties[PROP_HEADER_WIDGET] =
    g_param_spec_object ("header-widget", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IMAGE_LOADER] =
    g_param_spec_object ("image-loader", NULL, NULL, STARLING_TYPE_IMAGE_LOADER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StarlingTimelinePage:keep-active:
   *
   * Whether the feed stays active (polling, following its stream) while
   * the page is not on screen, as home and the notifications do.
   */
  properties[PROP_KEEP_ACTIVE] =
    g_param_spec_boolean ("keep-active", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StarlingTimelinePage:n-new:
   *
   * How many posts arrived above the reader since they were last at the
   * top.
   */
  properties[PROP_N_NEW] =
    g_param_spec_uint ("n-new", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StarlingTimelinePage:state:
   *
   * What the page shows: `loading`, `empty`, `error` or `list`.
   */
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, "loading",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StarlingTimelinePage:trim-margin:
   *
   * How many posts are kept above and below the one the reader looks at;
   * the feed lets go of those further away, and loads them again when
   * the reader comes back. 0 keeps everything.
   */
  properties[PROP_TRIM_MARGIN] =
    g_param_spec_uint ("trim-margin", NULL, NULL, 0, G_MAXUINT, DEFAULT_TRIM_MARGIN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, TIMELINE_RESOURCE "/starling-timeline-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StarlingTimelinePage, box);
  gtk_widget_class_bind_template_child (widget_class, StarlingTimelinePage, offline_revealer);
  gtk_widget_class_bind_template_child (widget_class, StarlingTimelinePage, offline_label);
  gtk_widget_class_bind_template_child (widget_class, StarlingTimelinePage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, StarlingTimelinePage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, StarlingTimelinePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, StarlingTimelinePage, error_page);
  gtk_widget_class_bind_template_child (widget_class, StarlingTimelinePage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, StarlingTimelinePage, list_view);
  gtk_widget_class_bind_template_child (widget_class, StarlingTimelinePage, pill_revealer);
  gtk_widget_class_bind_template_child (widget_class, StarlingTimelinePage, pill_label);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, pill_clicked_cb);

  gtk_widget_class_install_action (widget_class, "timeline.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "timeline.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "timeline.favourite", NULL, row_action);
  gtk_widget_class_install_action (widget_class, "timeline.boost", NULL, row_action);
  gtk_widget_class_install_action (widget_class, "timeline.reply", NULL, row_action);
  gtk_widget_class_install_action (widget_class, "timeline.refresh", NULL, refresh_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, 0, "timeline.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, 0, "timeline.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, 0, "timeline.favourite", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, 0, "timeline.boost", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, 0, "timeline.reply", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "timeline.refresh", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "timelinepage");
  /* A container: without a role of its own, GTK 4.8 would read its type name. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
starling_timeline_page_init (StarlingTimelinePage *self)
{
  starling_style_load (TIMELINE_RESOURCE "/style.css");
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->bound = g_hash_table_new (NULL, NULL);
  self->focus_pending = -1;
  self->trim_margin = DEFAULT_TRIM_MARGIN;
}

/**
 * starling_timeline_page_new:
 * @session: the account whose timeline it is
 * @feed: the timeline, made for @session's client
 *
 * Returns: (transfer floating): a page that shows @feed; it loads when it
 *   first comes on screen
 */
GtkWidget *
starling_timeline_page_new (StarlingAccountSession *session,
                            StarlingFeed           *feed)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_SESSION (session), NULL);
  g_return_val_if_fail (STARLING_IS_FEED (feed), NULL);

  return g_object_new (STARLING_TYPE_TIMELINE_PAGE,
                       "session", session,
                       "feed", feed,
                       "keep-active", starling_feed_get_kind (feed) == STARLING_FEED_HOME
                                      || starling_feed_get_kind (feed) == STARLING_FEED_NOTIFICATIONS,
                       NULL);
}

StarlingAccountSession *
starling_timeline_page_get_session (StarlingTimelinePage *self)
{
  g_return_val_if_fail (STARLING_IS_TIMELINE_PAGE (self), NULL);

  return self->session;
}

StarlingFeed *
starling_timeline_page_get_feed (StarlingTimelinePage *self)
{
  g_return_val_if_fail (STARLING_IS_TIMELINE_PAGE (self), NULL);

  return self->feed;
}

const char *
starling_timeline_page_get_title (StarlingTimelinePage *self)
{
  g_return_val_if_fail (STARLING_IS_TIMELINE_PAGE (self), NULL);

  return self->title;
}

void
starling_timeline_page_set_title (StarlingTimelinePage *self,
                                  const char           *title)
{
  g_return_if_fail (STARLING_IS_TIMELINE_PAGE (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * starling_timeline_page_get_header_widget:
 * @self: a #StarlingTimelinePage
 *
 * Returns: (transfer none): the buttons for the end of the header
 */
GtkWidget *
starling_timeline_page_get_header_widget (StarlingTimelinePage *self)
{
  g_return_val_if_fail (STARLING_IS_TIMELINE_PAGE (self), NULL);

  return self->header_box;
}

/**
 * starling_timeline_page_add_header_widget:
 * @self: a #StarlingTimelinePage
 * @widget: a button, such as a hashtag's Follow
 *
 * Puts @widget in the header, before Refresh.
 */
void
starling_timeline_page_add_header_widget (StarlingTimelinePage *self,
                                          GtkWidget            *widget)
{
  g_return_if_fail (STARLING_IS_TIMELINE_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_prepend (GTK_BOX (self->header_box), widget);
}

StarlingImageLoader *
starling_timeline_page_get_image_loader (StarlingTimelinePage *self)
{
  g_return_val_if_fail (STARLING_IS_TIMELINE_PAGE (self), NULL);

  return self->loader;
}

/**
 * starling_timeline_page_set_image_loader:
 * @self: a #StarlingTimelinePage
 * @loader: (nullable): the application's image loader
 *
 * The loader of the avatars and media of the rows made from now on; set
 * it before the page is shown.
 */
void
starling_timeline_page_set_image_loader (StarlingTimelinePage *self,
                                         StarlingImageLoader  *loader)
{
  g_return_if_fail (STARLING_IS_TIMELINE_PAGE (self));
  g_return_if_fail (loader == NULL || STARLING_IS_IMAGE_LOADER (loader));

  if (!g_set_object (&self->loader, loader))
    return;
  if (self->list_view != NULL && gtk_list_view_get_factory (self->list_view) != NULL)
    starling_status_factory_set_image_loader (gtk_list_view_get_factory (self->list_view), loader);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMAGE_LOADER]);
}

gboolean
starling_timeline_page_get_keep_active (StarlingTimelinePage *self)
{
  g_return_val_if_fail (STARLING_IS_TIMELINE_PAGE (self), FALSE);

  return self->keep_active;
}

void
starling_timeline_page_set_keep_active (StarlingTimelinePage *self,
                                        gboolean              keep_active)
{
  g_return_if_fail (STARLING_IS_TIMELINE_PAGE (self));

  keep_active = !!keep_active;
  if (self->keep_active == keep_active)
    return;

  self->keep_active = keep_active;
  /* During construction the feed may not be there yet: constructed()
   * activates it. */
  if (self->feed != NULL)
    set_feed_active (self, keep_active || gtk_widget_get_mapped (GTK_WIDGET (self)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEEP_ACTIVE]);
}

/**
 * starling_timeline_page_refresh:
 * @self: a #StarlingTimelinePage
 *
 * Asks the server for what is new (F5, the Refresh button).
 */
void
starling_timeline_page_refresh (StarlingTimelinePage *self)
{
  g_return_if_fail (STARLING_IS_TIMELINE_PAGE (self));

  if (!self->started)
    {
      start (self);
      return;
    }
  self->older_failed = FALSE;
  refresh (self);
}

/**
 * starling_timeline_page_scroll_to_top:
 * @self: a #StarlingTimelinePage
 *
 * Goes up to the newest post, as the "N new posts" pill does.
 */
void
starling_timeline_page_scroll_to_top (StarlingTimelinePage *self)
{
  g_return_if_fail (STARLING_IS_TIMELINE_PAGE (self));

  g_clear_object (&self->anchor_item);
  g_clear_object (&self->top_item_pending);
  gtk_adjustment_set_value (vadjustment (self), 0);
  set_n_new (self, 0);
  /* The newest posts were let go: the newest page comes above them,
   * rather than the walk up through all that was let go. */
  if (self->started && starling_feed_get_trimmed (self->feed))
    refresh (self);
}

guint
starling_timeline_page_get_n_new (StarlingTimelinePage *self)
{
  g_return_val_if_fail (STARLING_IS_TIMELINE_PAGE (self), 0);

  return self->n_new;
}

/**
 * starling_timeline_page_get_state:
 * @self: a #StarlingTimelinePage
 *
 * Returns: `loading`, `empty`, `error` or `list`
 */
const char *
starling_timeline_page_get_state (StarlingTimelinePage *self)
{
  g_return_val_if_fail (STARLING_IS_TIMELINE_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->state_stack);
}

/**
 * starling_timeline_page_get_banner_message:
 * @self: a #StarlingTimelinePage
 *
 * Returns: (nullable): what the banner above the posts says, when it is
 *   shown
 */
const char *
starling_timeline_page_get_banner_message (StarlingTimelinePage *self)
{
  g_return_val_if_fail (STARLING_IS_TIMELINE_PAGE (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->offline_revealer))
    return NULL;
  return gtk_label_get_label (self->offline_label);
}

/**
 * starling_timeline_page_get_list_view:
 * @self: a #StarlingTimelinePage
 *
 * Returns: (transfer none): the list view of the posts
 */
GtkListView *
starling_timeline_page_get_list_view (StarlingTimelinePage *self)
{
  g_return_val_if_fail (STARLING_IS_TIMELINE_PAGE (self), NULL);

  return self->list_view;
}

/**
 * starling_timeline_page_get_vadjustment:
 * @self: a #StarlingTimelinePage
 *
 * Returns: (transfer none): the vertical scrolling of the posts
 */
GtkAdjustment *
starling_timeline_page_get_vadjustment (StarlingTimelinePage *self)
{
  g_return_val_if_fail (STARLING_IS_TIMELINE_PAGE (self), NULL);

  return vadjustment (self);
}

/**
 * starling_timeline_page_get_row_at:
 * @self: a #StarlingTimelinePage
 * @position: a position in the timeline
 *
 * Returns: (transfer none) (nullable): the widget that shows the item at
 *   @position (a #StarlingStatusRow for a post), if it has one now
 */
GtkWidget *
starling_timeline_page_get_row_at (StarlingTimelinePage *self,
                                   guint                 position)
{
  GtkListItem *list_item;

  g_return_val_if_fail (STARLING_IS_TIMELINE_PAGE (self), NULL);

  list_item = bound_item_at (self, position);
  return list_item != NULL ? gtk_list_item_get_child (list_item) : NULL;
}

/**
 * starling_timeline_page_get_focus_position:
 * @self: a #StarlingTimelinePage
 *
 * Returns: the position of the row that has the keyboard focus (or holds
 *   the widget that has it), or -1
 */
int
starling_timeline_page_get_focus_position (StarlingTimelinePage *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_val_if_fail (STARLING_IS_TIMELINE_PAGE (self), -1);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (; focus != NULL; focus = gtk_widget_get_parent (focus))
    {
      GtkWidget *parent = gtk_widget_get_parent (focus);

      if (parent == GTK_WIDGET (self->list_view))
        {
          GHashTableIter iter;
          gpointer key;

          g_hash_table_iter_init (&iter, self->bound);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            if (row_widget_of (key) == focus)
              return gtk_list_item_get_position (key);
          return -1;
        }
    }

  return -1;
}

/**
 * starling_timeline_page_focus_position:
 * @self: a #StarlingTimelinePage
 * @position: a position in the timeline
 *
 * Scrolls the item at @position into view and gives its row the keyboard
 * focus (at once when it is on screen, else once the list placed it).
 *
 * Returns: whether the row has the focus already
 */
gboolean
starling_timeline_page_focus_position (StarlingTimelinePage *self,
                                       guint                 position)
{
  g_return_val_if_fail (STARLING_IS_TIMELINE_PAGE (self), FALSE);

  if (position >= n_posts (self))
    return FALSE;
  reveal_to (self, position);

  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  self->focus_pending = position;
  take_focus_pending (self);
  if (self->focus_pending >= 0)
    {
      queue_layout_fixup (self);
      return FALSE;
    }
  return TRUE;
}

/**
 * starling_timeline_page_get_settled:
 * @self: a #StarlingTimelinePage
 *
 * Returns: whether the page went where it opens (its reading position,
 *   looked up once after the first posts came) and keeps nothing else
 *   to put in place
 */
gboolean
starling_timeline_page_get_settled (StarlingTimelinePage *self)
{
  g_return_val_if_fail (STARLING_IS_TIMELINE_PAGE (self), FALSE);

  return self->position_restored && !self->restoring && self->top_item_pending == NULL
         && !self->scroll_top_pending && self->anchor_item == NULL && self->focus_pending < 0;
}

/**
 * starling_timeline_page_get_top_position:
 * @self: a #StarlingTimelinePage
 *
 * Returns: the position of the first item on screen, or -1
 */
int
starling_timeline_page_get_top_position (StarlingTimelinePage *self)
{
  GtkListItem *list_item;

  g_return_val_if_fail (STARLING_IS_TIMELINE_PAGE (self), -1);

  list_item = top_list_item (self, NULL);
  return list_item != NULL ? (int) gtk_list_item_get_position (list_item) : -1;
}

/**
 * starling_timeline_page_get_trim_margin:
 * @self: a #StarlingTimelinePage
 *
 * Returns: how many posts are kept above and below the reader
 */
guint
starling_timeline_page_get_trim_margin (StarlingTimelinePage *self)
{
  g_return_val_if_fail (STARLING_IS_TIMELINE_PAGE (self), 0);

  return self->trim_margin;
}

/**
 * starling_timeline_page_set_trim_margin:
 * @self: a #StarlingTimelinePage
 * @margin: how many posts to keep above and below the reader; 0 keeps
 *   everything
 */
void
starling_timeline_page_set_trim_margin (StarlingTimelinePage *self,
                                        guint                 margin)
{
  g_return_if_fail (STARLING_IS_TIMELINE_PAGE (self));

  if (self->trim_margin == margin)
    return;

  self->trim_margin = margin;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRIM_MARGIN]);
  /* A smaller margin applies at once. */
  schedule_trim (self);
}
