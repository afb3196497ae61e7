/* starling-profile-page.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-profile"

#include "config.h"

#include <glib/gi18n.h>

#include "api/starling-discovery.h"
#include "model/starling-nodeinfo.h"
#include "starling-application.h"
#include "ui/status/starling-status-factory.h"
#include "ui/status/starling-status-row.h"
#include "ui/status/starling-status-text.h"

#include "starling-account-list-window.h"
#include "starling-profile-header.h"
#include "starling-profile-page.h"
#include "ui/common/starling-style.h"

/* An account's profile: its header (see #StarlingProfileHeader) and its
 * posts below, in one list view, so that scrolling far down a profile
 * keeps as few rows as a timeline does. The list is the header, then the
 * tab's posts: Posts (pinned first, then posts and boosts without
 * replies), Posts & Replies, Media — each an account #StarlingFeed made
 * when its tab is first shown, read further as the reader scrolls.
 *
 * Follow, unfollow, mute and block change the relationship (and the
 * follower count) at once and put it back, with a toast, when the server
 * refuses; blocking asks first. */
struct _StarlingProfilePage
{
  AdwBin                  parent_instance;

  StarlingAccountSession *session;
  char                   *account_id;
  char                   *title;
  StarlingImageLoader    *loader;
  GCancellable           *cancellable;
  StarlingAccount        *account;
  StarlingRelationship   *relationship;
  StarlingProfileHeader  *header;

  /* The list: the header, then the sections of the tab, then a line that
   * says "No posts" or what went wrong. */
  GListStore             *header_store;
  GListStore             *sections;
  GListStore             *footer_store;
  GtkFlattenListModel    *flat;
  GHashTable             *feeds;      /* "posts", "pinned", "replies", "media" → StarlingFeed */
  GHashTable             *filtered;   /* the same keys → GtkFilterListModel of statuses */
  char                   *tab;

  /* Template widgets */
  AdwToastOverlay        *toast_overlay;
  GtkStack               *stack;
  GtkSpinner             *spinner;
  AdwStatusPage          *error_page;
  GtkButton              *retry_button;
  GtkScrolledWindow      *scrolled;
  GtkListView            *list_view;
};

G_DEFINE_FINAL_TYPE (StarlingProfilePage, starling_profile_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_ACCOUNT_ID,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

#define STATUS_ROW_KEY "starling-profile-status-row"
#define FOOTER_KEY "starling-profile-footer"

static void load (StarlingProfilePage *self);
static void show_tab (StarlingProfilePage *self);

static StarlingClient *
get_client (StarlingProfilePage *self)
{
  return starling_account_session_get_client (self->session);
}

static const char *
own_account_id (StarlingProfilePage *self)
{
  StarlingAccount *own = starling_account_session_get_account (self->session);

  return own != NULL ? starling_account_get_id (own) : NULL;
}

static gboolean
is_own (StarlingProfilePage *self)
{
  return g_strcmp0 (self->account_id, own_account_id (self)) == 0;
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
set_title (StarlingProfilePage *self,
           const char          *title)
{
  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
show_state (StarlingProfilePage *self,
            const char          *state)
{
  gtk_spinner_set_spinning (self->spinner, g_str_equal (state, "loading"));
  gtk_stack_set_visible_child_name (self->stack, state);
}

static void
show_toast (StarlingProfilePage *self,
            const char          *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static char *
account_name (StarlingProfilePage *self)
{
  return self->account != NULL ? starling_status_text_dup_plain_name (self->account) : g_strdup ("");
}

static void
open_uri (StarlingProfilePage *self,
          const char          *uri)
{
  GApplication *app = g_application_get_default ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (STARLING_IS_APPLICATION (app))
    starling_application_open_uri (STARLING_APPLICATION (app), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri);
  else
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

/* The footer line */

static void
set_footer (StarlingProfilePage *self,
            const char          *message)
{
  if (message == NULL)
    {
      g_list_store_remove_all (self->footer_store);
      return;
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (self->footer_store)) == 1)
    {
      g_autoptr (GtkStringObject) current = g_list_model_get_item (G_LIST_MODEL (self->footer_store), 0);

      if (g_strcmp0 (gtk_string_object_get_string (current), message) == 0)
        return;
    }
  {
    g_autoptr (GtkStringObject) line = gtk_string_object_new (message);

    g_list_store_splice (self->footer_store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->footer_store)),
                         (gpointer *) &line, 1);
  }
}

static StarlingFeed *
tab_feed (StarlingProfilePage *self)
{
  return g_hash_table_lookup (self->feeds, self->tab);
}

static guint
n_tab_posts (StarlingProfilePage *self)
{
  guint n = 0;

  for (guint i = 1; i < g_list_model_get_n_items (G_LIST_MODEL (self->sections)) - 1; i++)
    {
      g_autoptr (GListModel) section = g_list_model_get_item (G_LIST_MODEL (self->sections), i);

      n += g_list_model_get_n_items (section);
    }
  return n;
}

static void
update_footer (StarlingProfilePage *self)
{
  StarlingFeed *feed = tab_feed (self);

  if (feed == NULL || n_tab_posts (self) > 0)
    {
      set_footer (self, NULL);
      return;
    }
  if (starling_feed_get_loading (feed) || starling_feed_get_loading_older (feed))
    set_footer (self, _("Loading…"));
  else if (starling_feed_get_error (feed) != NULL)
    set_footer (self, starling_feed_get_error (feed)->message);
  else if (g_str_equal (self->tab, "media"))
    set_footer (self, _("No posts with media"));
  else
    set_footer (self, _("No posts yet"));
}

/* Feeds, one per tab */

static gboolean
is_status (gpointer item,
           gpointer user_data)
{
  return STARLING_IS_STATUS (item);
}

static void
feed_refreshed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (StarlingProfilePage) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!starling_feed_refresh_finish (STARLING_FEED (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("Could not load the posts: %s"), error->message);

      show_toast (self, message);
    }
  update_footer (self);
}

static GListModel *
ensure_feed (StarlingProfilePage *self,
             const char          *key,
             StarlingFeedOptions  options)
{
  GtkFilterListModel *filtered = g_hash_table_lookup (self->filtered, key);
  StarlingFeed *feed;

  if (filtered != NULL)
    return G_LIST_MODEL (filtered);

  feed = starling_feed_new_full (get_client (self), STARLING_FEED_ACCOUNT, self->account_id, options);
  g_signal_connect_object (feed, "notify::loading", G_CALLBACK (update_footer), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (feed, "notify::loading-older", G_CALLBACK (update_footer), self, G_CONNECT_SWAPPED);
  /* Gaps do not happen on a feed read once from the top, and a profile
   * shows posts only. */
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (starling_feed_get_timeline (feed))),
                                        GTK_FILTER (gtk_custom_filter_new (is_status, NULL, NULL)));
  g_hash_table_insert (self->feeds, g_strdup (key), feed);
  g_hash_table_insert (self->filtered, g_strdup (key), filtered);
  starling_feed_refresh_async (feed, self->cancellable, feed_refreshed_cb, g_object_ref (self));

  return G_LIST_MODEL (filtered);
}

static void
show_tab (StarlingProfilePage *self)
{
  const char *tab = starling_profile_header_get_tab (self->header);
  GListModel *models[3];
  guint n = 0;

  if (self->account == NULL || get_client (self) == NULL)
    return;

  g_free (self->tab);
  self->tab = g_strdup (tab != NULL ? tab : "posts");

  models[n++] = G_LIST_MODEL (self->header_store);
  if (g_str_equal (self->tab, "replies"))
    models[n++] = ensure_feed (self, "replies", STARLING_FEED_WITH_REPLIES);
  else if (g_str_equal (self->tab, "media"))
    models[n++] = ensure_feed (self, "media", STARLING_FEED_ONLY_MEDIA);
  else
    {
      /* Pinned posts first. */
      models[n++] = ensure_feed (self, "pinned", STARLING_FEED_PINNED);
      models[n++] = ensure_feed (self, "posts", STARLING_FEED_OPTIONS_NONE);
    }

  {
    gpointer all[4];

    for (guint i = 0; i < n; i++)
      all[i] = models[i];
    all[n] = self->footer_store;
    g_list_store_splice (self->sections, 0, g_list_model_get_n_items (G_LIST_MODEL (self->sections)), all, n + 1);
  }
  update_footer (self);
}

static void
older_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (StarlingProfilePage) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!starling_feed_load_older_finish (STARLING_FEED (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("Could not load older posts: %s"), error->message);

      show_toast (self, message);
    }
  update_footer (self);
}

static void
edge_reached_cb (GtkScrolledWindow   *scrolled,
                 GtkPositionType      position,
                 StarlingProfilePage *self)
{
  StarlingFeed *feed = tab_feed (self);

  if (position != GTK_POS_BOTTOM || feed == NULL || starling_feed_get_at_end (feed) ||
      starling_feed_get_loading_older (feed) || starling_feed_get_loading (feed))
    return;
  starling_feed_load_older_async (feed, self->cancellable, older_cb, g_object_ref (self));
}

/* Loading */

static void
nodeinfo_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (StarlingProfilePage) self = user_data;
  g_autoptr (StarlingNodeInfo) nodeinfo = NULL;
  g_autoptr (GError) error = NULL;

  /* Many servers hide it (Threads): the badge stays away. */
  nodeinfo = starling_discovery_fetch_nodeinfo_finish (result, &error);
  if (nodeinfo == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No NodeInfo for the profile's server: %s", error->message);
      return;
    }
  starling_profile_header_set_software (self->header, starling_nodeinfo_get_software (nodeinfo));
}

static void
relationships_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (StarlingProfilePage) self = user_data;
  g_autoptr (StarlingPage) page = NULL;
  g_autoptr (GError) error = NULL;

  page = starling_client_page_finish (STARLING_CLIENT (object), result, &error);
  if (page == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup_printf (_("Could not learn whether you follow %s: %s"),
                                 starling_account_get_display (self->account), error->message);
      show_toast (self, message);
      return;
    }

  for (guint i = 0; i < starling_page_get_n_items (page); i++)
    {
      StarlingRelationship *relationship = starling_page_get_item (page, i);

      if (STARLING_IS_RELATIONSHIP (relationship) &&
          g_strcmp0 (starling_relationship_get_id (relationship), self->account_id) == 0)
        {
          g_set_object (&self->relationship, relationship);
          starling_profile_header_set_relationship (self->header, relationship);
        }
    }
}

static void
show_account (StarlingProfilePage *self,
              StarlingAccount     *account)
{
  g_autofree char *name = NULL;
  g_autofree char *server = NULL;
  gboolean first = self->account == NULL;

  g_set_object (&self->account, account);
  name = account_name (self);
  set_title (self, name);

  starling_profile_header_set_own (self->header, is_own (self));
  starling_profile_header_set_account (self->header, account, self->loader);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->header_store)) == 0)
    g_list_store_append (self->header_store, account);
  show_state (self, "profile");
  if (!first)
    return;

  show_tab (self);

  if (!is_own (self))
    {
      const char *ids[] = { self->account_id, NULL };

      starling_client_get_relationships_async (get_client (self), ids, self->cancellable,
                                               relationships_cb, g_object_ref (self));
    }

  server = starling_status_text_dup_server (account);
  if (server != NULL)
    starling_discovery_fetch_nodeinfo_async (starling_client_get_session (get_client (self)), server,
                                             self->cancellable, nodeinfo_cb, g_object_ref (self));
}

static void
account_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (StarlingProfilePage) self = user_data;
  g_autoptr (StarlingAccount) account = NULL;
  g_autoptr (GError) error = NULL;

  account = starling_client_entity_finish (STARLING_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (account == NULL)
    {
      if (self->account == NULL)
        {
          adw_status_page_set_description (self->error_page, error->message);
          show_state (self, "error");
        }
      else
        g_debug ("The profile was not refreshed: %s", error->message);
      return;
    }

  show_account (self, account);
}

static void
load (StarlingProfilePage *self)
{
  StarlingEntityMap *map = starling_account_session_get_entity_map (self->session);
  StarlingAccount *known;

  if (get_client (self) == NULL)
    {
      adw_status_page_set_description (self->error_page,
                                       _("The account is not signed in. Sign in again to see this profile."));
      show_state (self, "error");
      return;
    }

  /* What the app already has shows at once; the server's copy (with
   * fresh counts) updates it. */
  known = map != NULL ? starling_entity_map_lookup (map, STARLING_TYPE_ACCOUNT, self->account_id) : NULL;
  if (known != NULL)
    show_account (self, known);
  else
    show_state (self, "loading");

  starling_client_get_account_async (get_client (self), self->account_id, self->cancellable,
                                     account_cb, g_object_ref (self));
}

static void
client_notify_cb (StarlingProfilePage *self)
{
  if (get_client (self) != NULL && self->account == NULL)
    load (self);
}

/* Relationship changes, at once and undone on failure */

typedef struct
{
  StarlingProfilePage *page;
  StarlingAccountAction action;
  gboolean             follow;
  gboolean             following;
  gboolean             requested;
  gboolean             blocking;
  gboolean             muting;
  gint64               followers;
} Change;

static void
set_flag (StarlingRelationship *relationship,
          const char           *name,
          gboolean              value)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (relationship), name);

  starling_entity_set_boolean (STARLING_ENTITY (relationship), pspec, value);
}

static void
set_followers (StarlingAccount *account,
               gint64           count)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (account), "followers-count");
  g_auto (GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_value_set_int64 (&value, MAX (count, 0));
  starling_entity_set_value (STARLING_ENTITY (account), pspec, &value);
}

static Change *
change_new (StarlingProfilePage *self)
{
  Change *change = g_new0 (Change, 1);

  change->page = g_object_ref (self);
  change->following = starling_relationship_get_following (self->relationship);
  change->requested = starling_relationship_get_requested (self->relationship);
  change->blocking = starling_relationship_get_blocking (self->relationship);
  change->muting = starling_relationship_get_muting (self->relationship);
  change->followers = starling_account_get_followers_count (self->account);
  return change;
}

static void
change_rollback (Change *change)
{
  StarlingProfilePage *self = change->page;

  set_flag (self->relationship, "following", change->following);
  set_flag (self->relationship, "requested", change->requested);
  set_flag (self->relationship, "blocking", change->blocking);
  set_flag (self->relationship, "muting", change->muting);
  set_followers (self->account, change->followers);
}

static const char *
failure_format (Change *change)
{
  if (change->follow)
    return _("Could not follow %s: %s");
  switch ((int) change->action)
    {
    case STARLING_ACCOUNT_UNFOLLOW:
      return _("Could not unfollow %s: %s");
    case STARLING_ACCOUNT_BLOCK:
      return _("Could not block %s: %s");
    case STARLING_ACCOUNT_UNBLOCK:
      return _("Could not unblock %s: %s");
    case STARLING_ACCOUNT_MUTE:
      return _("Could not mute %s: %s");
    case STARLING_ACCOUNT_UNMUTE:
    default:
      return _("Could not unmute %s: %s");
    }
}

static void
change_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Change *change = user_data;
  StarlingProfilePage *self = change->page;
  g_autoptr (StarlingRelationship) answer = NULL;
  g_autoptr (GError) error = NULL;

  answer = starling_client_entity_finish (STARLING_CLIENT (object), result, &error);
  if (answer == NULL)
    {
      g_autofree char *name = account_name (self);
      g_autofree char *message = NULL;

      change_rollback (change);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      message = g_strdup_printf (failure_format (change), name, error->message);
#pragma GCC diagnostic pop
      show_toast (self, message);
    }
  else if (answer != self->relationship)
    {
      /* An answer that did not join the identity map: take its word. */
      set_flag (self->relationship, "following", starling_relationship_get_following (answer));
      set_flag (self->relationship, "requested", starling_relationship_get_requested (answer));
      set_flag (self->relationship, "blocking", starling_relationship_get_blocking (answer));
      set_flag (self->relationship, "muting", starling_relationship_get_muting (answer));
    }

  g_object_unref (change->page);
  g_free (change);
}

static void
run_action (StarlingProfilePage   *self,
            StarlingAccountAction  action)
{
  Change *change = change_new (self);
  gint64 followers = change->followers;

  change->action = action;
  switch ((int) action)
    {
    case STARLING_ACCOUNT_UNFOLLOW:
      if (change->following)
        set_followers (self->account, followers - 1);
      set_flag (self->relationship, "following", FALSE);
      set_flag (self->relationship, "requested", FALSE);
      break;
    case STARLING_ACCOUNT_BLOCK:
      if (change->following)
        set_followers (self->account, followers - 1);
      set_flag (self->relationship, "following", FALSE);
      set_flag (self->relationship, "requested", FALSE);
      set_flag (self->relationship, "blocking", TRUE);
      break;
    case STARLING_ACCOUNT_UNBLOCK:
      set_flag (self->relationship, "blocking", FALSE);
      break;
    case STARLING_ACCOUNT_MUTE:
      set_flag (self->relationship, "muting", TRUE);
      break;
    case STARLING_ACCOUNT_UNMUTE:
      set_flag (self->relationship, "muting", FALSE);
      break;
    default:
      g_assert_not_reached ();
    }

  /* No cancellable: the change stands even when the page goes away. */
  starling_client_account_action_async (get_client (self), self->account_id, action, NULL, change_cb, change);
}

static void
follow (StarlingProfilePage *self)
{
  Change *change = change_new (self);

  change->follow = TRUE;
  /* A locked account approves its followers: the request waits. */
  if (starling_account_get_locked (self->account))
    set_flag (self->relationship, "requested", TRUE);
  else
    {
      set_flag (self->relationship, "following", TRUE);
      set_followers (self->account, change->followers + 1);
    }
  starling_client_follow_async (get_client (self), self->account_id, TRUE, FALSE, NULL, change_cb, change);
}

/* Actions */

static gboolean
can_change (StarlingProfilePage *self)
{
  return self->relationship != NULL && self->account != NULL && get_client (self) != NULL && !is_own (self);
}

static void
toggle_follow_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  StarlingProfilePage *self = STARLING_PROFILE_PAGE (widget);

  if (!can_change (self))
    return;

  if (starling_relationship_get_blocking (self->relationship))
    run_action (self, STARLING_ACCOUNT_UNBLOCK);
  else if (starling_relationship_get_following (self->relationship) ||
           starling_relationship_get_requested (self->relationship))
    run_action (self, STARLING_ACCOUNT_UNFOLLOW);
  else
    follow (self);
}

static void
mute_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  StarlingProfilePage *self = STARLING_PROFILE_PAGE (widget);

  if (can_change (self))
    run_action (self, starling_relationship_get_muting (self->relationship) ? STARLING_ACCOUNT_UNMUTE
                                                                            : STARLING_ACCOUNT_MUTE);
}

static void
block_response_cb (AdwMessageDialog    *dialog,
                   const char          *response,
                   StarlingProfilePage *self)
{
  if (g_str_equal (response, "block") && can_change (self))
    run_action (self, STARLING_ACCOUNT_BLOCK);
}

static void
block_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  StarlingProfilePage *self = STARLING_PROFILE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *handle = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (!can_change (self))
    return;
  if (starling_relationship_get_blocking (self->relationship))
    {
      run_action (self, STARLING_ACCOUNT_UNBLOCK);
      return;
    }

  /* Blocking undoes a follow both ways: ask first. */
  handle = starling_status_text_dup_handle (self->account);
  /* TRANSLATORS: the heading of the dialog that asks before blocking an account */
  heading = g_strdup_printf (_("Block %s?"), handle);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("They will no longer be able to follow you or see your posts, and you will "
                                     "not see theirs. They will not be told."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "block", _("_Block"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "block", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (block_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
account_list_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  StarlingProfilePage *self = STARLING_PROFILE_PAGE (widget);
  gboolean followers = g_str_equal (action_name, "profile.followers");
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  StarlingAccountListWindow *window;

  if (self->account == NULL || get_client (self) == NULL)
    return;

  name = account_name (self);
  /* TRANSLATORS: the title of the list of an account's followers, or of whom it follows */
  title = g_strdup_printf (followers ? _("Followers of %s") : _("Followed by %s"), name);
  window = starling_account_list_window_new (widget, get_client (self), self->loader,
                                             followers ? STARLING_ACCOUNTS_FOLLOWERS : STARLING_ACCOUNTS_FOLLOWING,
                                             self->account_id, title);
  gtk_window_present (GTK_WINDOW (window));
}

static void
show_posts_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  StarlingProfilePage *self = STARLING_PROFILE_PAGE (widget);

  starling_profile_header_set_tab (self->header, "posts");
}

static void
open_in_browser_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  StarlingProfilePage *self = STARLING_PROFILE_PAGE (widget);
  const char *url;

  if (self->account == NULL)
    return;
  url = starling_account_get_url (self->account);
  if (url == NULL)
    url = starling_account_get_uri (self->account);
  if (url != NULL)
    open_uri (self, url);
}

static void
open_link_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_uri (STARLING_PROFILE_PAGE (widget), g_variant_get_string (parameter, NULL));
}

typedef struct
{
  StarlingProfilePage *page;
  char                *href;
} Mention;

static void
mention_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Mention *mention = user_data;
  g_autoptr (StarlingAccount) account = NULL;
  g_autoptr (GError) error = NULL;

  account = starling_client_entity_finish (STARLING_CLIENT (object), result, &error);
  if (account != NULL)
    gtk_widget_activate_action (GTK_WIDGET (mention->page), "status.open-account", "s",
                                starling_account_get_id (account));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* Not known to this server: the profile's own page, in the browser. */
    open_uri (mention->page, mention->href);

  g_object_unref (mention->page);
  g_free (mention->href);
  g_free (mention);
}

static void
open_mention_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  StarlingProfilePage *self = STARLING_PROFILE_PAGE (widget);
  const char *acct;
  const char *href;
  Mention *mention;

  g_variant_get (parameter, "(&s&s)", &acct, &href);
  if (get_client (self) == NULL)
    {
      open_uri (self, href);
      return;
    }

  mention = g_new0 (Mention, 1);
  mention->page = g_object_ref (self);
  mention->href = g_strdup (href);
  starling_client_lookup_account_async (get_client (self), acct, self->cancellable, mention_cb, mention);
}

static void
retry_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  load (STARLING_PROFILE_PAGE (widget));
}

/* The list */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              StarlingProfilePage      *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *row = starling_status_row_new ();
  GtkWidget *footer = gtk_label_new (NULL);

  gtk_widget_add_css_class (footer, "dim-label");
  gtk_widget_add_css_class (footer, "profile-footer");
  gtk_label_set_wrap (GTK_LABEL (footer), TRUE);
  gtk_box_append (GTK_BOX (box), row);
  gtk_box_append (GTK_BOX (box), footer);
  g_object_set_data (G_OBJECT (box), STATUS_ROW_KEY, row);
  g_object_set_data (G_OBJECT (box), FOOTER_KEY, footer);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             StarlingProfilePage      *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  StarlingStatusRow *row = g_object_get_data (G_OBJECT (box), STATUS_ROW_KEY);
  GtkWidget *footer = g_object_get_data (G_OBJECT (box), FOOTER_KEY);
  gpointer item = gtk_list_item_get_item (list_item);

  gtk_widget_set_visible (GTK_WIDGET (row), STARLING_IS_STATUS (item));
  gtk_widget_set_visible (footer, GTK_IS_STRING_OBJECT (item));
  gtk_list_item_set_activatable (list_item, STARLING_IS_STATUS (item));

  if (STARLING_IS_ACCOUNT (item))
    {
      /* The one header moves into whichever row shows the first item. */
      GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self->header));

      if (parent != NULL)
        gtk_box_remove (GTK_BOX (parent), GTK_WIDGET (self->header));
      gtk_box_prepend (GTK_BOX (box), GTK_WIDGET (self->header));
    }
  else if (STARLING_IS_STATUS (item))
    starling_status_factory_bind_row (GTK_LIST_ITEM_FACTORY (factory), row, item);
  else if (GTK_IS_STRING_OBJECT (item))
    gtk_label_set_text (GTK_LABEL (footer), gtk_string_object_get_string (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               StarlingProfilePage      *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);

  if (gtk_widget_get_parent (GTK_WIDGET (self->header)) == box)
    gtk_box_remove (GTK_BOX (box), GTK_WIDGET (self->header));
  starling_status_factory_bind_row (GTK_LIST_ITEM_FACTORY (factory), g_object_get_data (G_OBJECT (box), STATUS_ROW_KEY),
                                    NULL);
}

static void
activate_cb (GtkListView         *list_view,
             guint                position,
             StarlingProfilePage *self)
{
  g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->flat), position);

  if (STARLING_IS_STATUS (item))
    gtk_widget_activate_action (GTK_WIDGET (self), "status.open-thread", "s",
                                starling_status_get_id (starling_status_get_shown (STARLING_STATUS (item))));
}

/* GObject */

static void
starling_profile_page_constructed (GObject *object)
{
  StarlingProfilePage *self = STARLING_PROFILE_PAGE (object);

  G_OBJECT_CLASS (starling_profile_page_parent_class)->constructed (object);

  g_signal_connect_object (self->session, "notify::client", G_CALLBACK (client_notify_cb), self, G_CONNECT_SWAPPED);
  set_title (self, _("Profile"));
  load (self);
}

static void
starling_profile_page_dispose (GObject *object)
{
  StarlingProfilePage *self = STARLING_PROFILE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  /* The bin lets go of its child first, so the template does not
   * unparent a child the bin still holds. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STARLING_TYPE_PROFILE_PAGE);
  if (self->header != NULL && gtk_widget_get_parent (GTK_WIDGET (self->header)) != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->header));
  g_clear_object (&self->header);
  g_clear_object (&self->flat);
  g_clear_object (&self->sections);
  g_clear_object (&self->header_store);
  g_clear_object (&self->footer_store);
  g_clear_pointer (&self->filtered, g_hash_table_unref);
  g_clear_pointer (&self->feeds, g_hash_table_unref);
  g_clear_object (&self->relationship);
  g_clear_object (&self->account);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->loader);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (starling_profile_page_parent_class)->dispose (object);
}

static void
starling_profile_page_finalize (GObject *object)
{
  StarlingProfilePage *self = STARLING_PROFILE_PAGE (object);

  g_free (self->account_id);
  g_free (self->title);
  g_free (self->tab);

  G_OBJECT_CLASS (starling_profile_page_parent_class)->finalize (object);
}

static void
starling_profile_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  StarlingProfilePage *self = STARLING_PROFILE_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_ACCOUNT_ID:
      g_value_set_string (value, self->account_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_profile_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  StarlingProfilePage *self = STARLING_PROFILE_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      starling_status_factory_set_session (gtk_list_view_get_factory (self->list_view), self->session);
      break;
    case PROP_ACCOUNT_ID:
      self->account_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_profile_page_class_init (StarlingProfilePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = starling_profile_page_constructed;
  object_class->dispose = starling_profile_page_dispose;
  object_class->finalize = starling_profile_page_finalize;
  object_class->get_property = starling_profile_page_get_property;
  object_class->set_property = starling_profile_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, STARLING_TYPE_ACCOUNT_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCOUNT_ID] =
    g_param_spec_string ("account-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/profile/starling-profile-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StarlingProfilePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StarlingProfilePage, stack);
  gtk_widget_class_bind_template_child (widget_class, StarlingProfilePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, StarlingProfilePage, error_page);
  gtk_widget_class_bind_template_child (widget_class, StarlingProfilePage, retry_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingProfilePage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, StarlingProfilePage, list_view);

  gtk_widget_class_install_action (widget_class, "profile.retry", NULL, retry_activated);
  gtk_widget_class_install_action (widget_class, "profile.toggle-follow", NULL, toggle_follow_activated);
  gtk_widget_class_install_action (widget_class, "profile.mute", NULL, mute_activated);
  gtk_widget_class_install_action (widget_class, "profile.block", NULL, block_activated);
  gtk_widget_class_install_action (widget_class, "profile.followers", NULL, account_list_activated);
  gtk_widget_class_install_action (widget_class, "profile.following", NULL, account_list_activated);
  gtk_widget_class_install_action (widget_class, "profile.show-posts", NULL, show_posts_activated);
  gtk_widget_class_install_action (widget_class, "profile.open-in-browser", NULL, open_in_browser_activated);
  gtk_widget_class_install_action (widget_class, "profile.open-link", "s", open_link_activated);
  gtk_widget_class_install_action (widget_class, "profile.open-mention", "(ss)", open_mention_activated);
  /* A container: without a role of its own, GTK 4.8 would read its type name. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
starling_profile_page_init (StarlingProfilePage *self)
{
  g_autoptr (GtkListItemFactory) factory = starling_status_factory_new ();
  g_autoptr (GtkNoSelection) selection = NULL;

  starling_style_load (RESOURCE_BASE "/profile/style.css");
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->feeds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->filtered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->tab = g_strdup ("posts");
  g_set_object (&self->loader, default_image_loader ());
  starling_status_factory_set_image_loader (factory, self->loader);

  self->header = g_object_ref_sink (STARLING_PROFILE_HEADER (starling_profile_header_new ()));
  g_signal_connect_object (self->header, "notify::tab", G_CALLBACK (show_tab), self, G_CONNECT_SWAPPED);

  self->header_store = g_list_store_new (G_TYPE_OBJECT);
  self->footer_store = g_list_store_new (G_TYPE_OBJECT);
  self->sections = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (self->sections, self->header_store);
  g_list_store_append (self->sections, self->footer_store);
  self->flat = gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->sections)));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->flat)));
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (activate_cb), self, 0);
  g_signal_connect_object (self->scrolled, "edge-reached", G_CALLBACK (edge_reached_cb), self, 0);
}

/**
 * starling_profile_page_new:
 * @session: the account the profile is seen with
 * @account_id: the account to show
 *
 * Creates the page and starts loading the profile and its posts.
 *
 * Returns: (transfer floating): a new #StarlingProfilePage
 */
GtkWidget *
starling_profile_page_new (StarlingAccountSession *session,
                           const char             *account_id)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_SESSION (session), NULL);
  g_return_val_if_fail (account_id != NULL && *account_id != '\0', NULL);

  return g_object_new (STARLING_TYPE_PROFILE_PAGE,
                       "session", session,
                       "account-id", account_id,
                       NULL);
}

const char *
starling_profile_page_get_title (StarlingProfilePage *self)
{
  g_return_val_if_fail (STARLING_IS_PROFILE_PAGE (self), NULL);

  return self->title;
}

const char *
starling_profile_page_get_account_id (StarlingProfilePage *self)
{
  g_return_val_if_fail (STARLING_IS_PROFILE_PAGE (self), NULL);

  return self->account_id;
}

/* "loading", "error" or "profile". */
const char *
starling_profile_page_get_state (StarlingProfilePage *self)
{
  g_return_val_if_fail (STARLING_IS_PROFILE_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* Returns: (transfer none) (nullable): the account, once known */
StarlingAccount *
starling_profile_page_get_account (StarlingProfilePage *self)
{
  g_return_val_if_fail (STARLING_IS_PROFILE_PAGE (self), NULL);

  return self->account;
}

/* Returns: (transfer none) (nullable): where the signed-in account
 *   stands with this one, once known (never for one's own profile) */
StarlingRelationship *
starling_profile_page_get_relationship (StarlingProfilePage *self)
{
  g_return_val_if_fail (STARLING_IS_PROFILE_PAGE (self), NULL);

  return self->relationship;
}

/* Returns: (transfer none): the #StarlingProfileHeader */
GtkWidget *
starling_profile_page_get_header (StarlingProfilePage *self)
{
  g_return_val_if_fail (STARLING_IS_PROFILE_PAGE (self), NULL);

  return GTK_WIDGET (self->header);
}

/* Returns: (transfer none): what the list shows: the account (the
 *   header), the tab's statuses, and at most one #GtkStringObject line */
GListModel *
starling_profile_page_get_model (StarlingProfilePage *self)
{
  g_return_val_if_fail (STARLING_IS_PROFILE_PAGE (self), NULL);

  return G_LIST_MODEL (self->flat);
}

/* Returns: (transfer none) (nullable): the feed of "posts", "pinned",
 *   "replies" or "media", once its tab was shown */
StarlingFeed *
starling_profile_page_get_feed (StarlingProfilePage *self,
                                const char          *tab)
{
  g_return_val_if_fail (STARLING_IS_PROFILE_PAGE (self), NULL);

  return g_hash_table_lookup (self->feeds, tab);
}

/* The loader of avatars and media; the application's by default. */
void
starling_profile_page_set_image_loader (StarlingProfilePage *self,
                                        StarlingImageLoader *loader)
{
  g_return_if_fail (STARLING_IS_PROFILE_PAGE (self));

  g_set_object (&self->loader, loader);
  starling_status_factory_set_image_loader (gtk_list_view_get_factory (self->list_view), loader);
  if (self->account != NULL)
    starling_profile_header_set_account (self->header, self->account, loader);
}
