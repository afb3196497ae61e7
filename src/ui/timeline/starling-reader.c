/* starling-reader.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the shell shows for the active account: a page per place (home,
 * notifications, local, federated, bookmarks, favourites, lists,
 * hashtags), the pages
 * pushed over them (a thread, a profile, a hashtag, a list), and the
 * `status` actions that the rows ask of their ancestors.
 */

#define G_LOG_DOMAIN "starling-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "model/starling-account.h"
#include "model/starling-status.h"

#include "ui/notifications/starling-notifications-page.h"
#include "ui/profile/starling-profile-page.h"
#include "ui/thread/starling-thread-page.h"

#include "starling-hashtag-page.h"
#include "starling-index-page.h"
#include "starling-reader.h"
#include "starling-timeline-page.h"

/* The pages of the last accounts shown stay alive, so that switching back
 * is instant: this many accounts' worth at most. */
#define MAX_ACCOUNTS_KEPT 2

/**
 * StarlingReader:
 *
 * Fills a #StarlingMainView for one account at a time
 * (starling_reader_set_session()) and installs the `status` action group
 * on it:
 *   status.open-thread (s), status.open-account (s): push the post's
 *     thread, the account's profile;
 *   status.open-tag (s): push the hashtag's page;
 *   status.open-list ((ss)): push a list's timeline (its id and title);
 *   status.reply (s), status.edit (s), status.compose: writing posts, told
 *     in a toast while Starling has no composer;
 *   status.report (s): opens the post on the account's own server in the
 *     browser, where Mastodon's web interface has the report form;
 *   status.deleted (s): takes a deleted post out of every timeline of the
 *     account.
 * F5 refreshes the page shown and Ctrl+N composes.
 *
 * A feed polls or follows its stream only while its page is on screen,
 * except home, which stays current. The pages (and feeds) of the last
 * %MAX_ACCOUNTS_KEPT accounts are kept.
 */

typedef struct
{
  const char       *place;
  StarlingFeedKind  kind;
} PlaceFeed;

static const PlaceFeed place_feeds[] = {
  { "home", STARLING_FEED_HOME },
  { "local", STARLING_FEED_LOCAL },
  { "federated", STARLING_FEED_FEDERATED },
  { "bookmarks", STARLING_FEED_BOOKMARKS },
  { "favourites", STARLING_FEED_FAVOURITES },
};

/* The places this reader fills; the others keep the shell's page. */
static const char * const filled_places[] = {
  "home", "local", "federated", "bookmarks", "favourites", "lists", "hashtags", "notifications",
};

typedef struct
{
  StarlingAccountSession *session;
  StarlingClient         *client;
  StarlingFeed           *feeds[G_N_ELEMENTS (place_feeds)];
  GtkWidget              *pages[G_N_ELEMENTS (filled_places)];
  /* Weak references to every feed made for the account, the pushed
   * pages' too: a deleted post leaves them all. */
  GPtrArray              *all_feeds;
} Account;

struct _StarlingReader
{
  GObject               parent_instance;

  StarlingMainView     *view;  /* weak */
  StarlingImageLoader  *loader;
  GSimpleActionGroup   *actions;
  GtkEventController   *shortcuts;

  /* Account, the one shown first. */
  GPtrArray            *accounts;
  StarlingAccountManager *manager;
  StarlingAccountSession *session;
};

G_DEFINE_FINAL_TYPE (StarlingReader, starling_reader, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  OPEN_URI,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void show_session (StarlingReader *self);

/* Helpers */

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

static void
account_free (Account *account)
{
  g_signal_handlers_disconnect_matched (account->session, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, account);
  for (guint i = 0; i < G_N_ELEMENTS (account->pages); i++)
    g_clear_object (&account->pages[i]);
  for (guint i = 0; i < G_N_ELEMENTS (account->feeds); i++)
    g_clear_object (&account->feeds[i]);
  g_clear_pointer (&account->all_feeds, g_ptr_array_unref);
  g_clear_object (&account->client);
  g_clear_object (&account->session);
  g_free (account);
}

static Account *
current_account (StarlingReader *self)
{
  if (self->accounts->len == 0)
    return NULL;

  return g_ptr_array_index (self->accounts, 0);
}

static void
show_toast (StarlingReader *self,
            const char     *message)
{
  GtkWidget *overlay = self->view != NULL
                       ? gtk_widget_get_ancestor (GTK_WIDGET (self->view), ADW_TYPE_TOAST_OVERLAY)
                       : NULL;

  if (overlay != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (message, -1);

      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
    }
  else
    g_debug ("No place for a toast: %s", message);
}

static StarlingFeed *
new_feed (StarlingReader   *self,
          Account          *account,
          StarlingFeedKind  kind,
          const char       *argument,
          gboolean          cached)
{
  StarlingFeed *feed = starling_feed_new (account->client, kind, argument);
  StarlingDatabase *database = starling_account_session_get_database (account->session);
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  /* Only the places keep their newest posts in the database: a hashtag
   * opened once should not stay there for ever. */
  if (cached && database != NULL)
    starling_feed_set_cache (feed, database, starling_account_session_get_handle (account->session));
  g_weak_ref_init (ref, feed);
  g_ptr_array_add (account->all_feeds, ref);

  return feed;
}

static GtkWidget *
new_timeline_page (StarlingReader *self,
                   Account        *account,
                   StarlingFeed   *feed)
{
  GtkWidget *page = starling_timeline_page_new (account->session, feed);

  starling_timeline_page_set_image_loader (STARLING_TIMELINE_PAGE (page), self->loader);
  return page;
}

static void
account_client_changed_cb (StarlingAccountSession *session,
                           GParamSpec             *pspec,
                           StarlingReader         *self);

static Account *
build_account (StarlingReader         *self,
               StarlingAccountSession *session)
{
  Account *account = g_new0 (Account, 1);

  account->session = g_object_ref (session);
  account->client = g_object_ref (starling_account_session_get_client (session));
  account->all_feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) weak_ref_free);

  for (guint i = 0; i < G_N_ELEMENTS (place_feeds); i++)
    {
      account->feeds[i] = new_feed (self, account, place_feeds[i].kind, NULL, TRUE);
      account->pages[i] = g_object_ref_sink (new_timeline_page (self, account, account->feeds[i]));
    }
  g_assert (g_str_equal (filled_places[5], "lists") && g_str_equal (filled_places[6], "hashtags"));
  account->pages[5] = g_object_ref_sink (starling_index_page_new (session, STARLING_INDEX_LISTS));
  account->pages[6] = g_object_ref_sink (starling_index_page_new (session, STARLING_INDEX_HASHTAGS));
  g_assert (g_str_equal (filled_places[7], "notifications"));
  account->pages[7] = g_object_ref_sink (starling_notifications_page_new (session));
  starling_notifications_page_set_image_loader (STARLING_NOTIFICATIONS_PAGE (account->pages[7]), self->loader);
  {
    GWeakRef *ref = g_new0 (GWeakRef, 1);

    g_weak_ref_init (ref, starling_notifications_page_get_feed (STARLING_NOTIFICATIONS_PAGE (account->pages[7])));
    g_ptr_array_add (account->all_feeds, ref);
  }

  return account;
}

static Account *
find_account (StarlingReader         *self,
              StarlingAccountSession *session,
              guint                  *index)
{
  for (guint i = 0; i < self->accounts->len; i++)
    {
      Account *account = g_ptr_array_index (self->accounts, i);

      if (account->session == session)
        {
          if (index != NULL)
            *index = i;
          return account;
        }
    }
  return NULL;
}

static void
clear_places (StarlingReader *self)
{
  if (self->view == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (filled_places); i++)
    starling_main_view_set_page (self->view, filled_places[i], NULL);
}

/* Puts the session's pages in the places, building them when the session
 * has a client and none were kept. */
static void
show_session (StarlingReader *self)
{
  StarlingAccountSession *session = self->session;
  g_autoptr (GPtrArray) dropped = g_ptr_array_new_with_free_func ((GDestroyNotify) account_free);
  Account *account = NULL;
  guint index;

  if (session != NULL)
    {
      StarlingClient *client = starling_account_session_get_client (session);

      account = find_account (self, session, &index);
      /* Signed in again: the old client's feeds are of no use. */
      if (account != NULL && account->client != client)
        {
          g_ptr_array_add (dropped, g_ptr_array_steal_index (self->accounts, index));
          account = NULL;
        }
      else if (account != NULL && index > 0)
        {
          g_ptr_array_steal_index (self->accounts, index);
          g_ptr_array_insert (self->accounts, 0, account);
        }

      if (account == NULL && client != NULL)
        {
          account = build_account (self, session);
          g_ptr_array_insert (self->accounts, 0, account);
        }
    }

  while (self->accounts->len > MAX_ACCOUNTS_KEPT)
    g_ptr_array_add (dropped, g_ptr_array_steal_index (self->accounts, self->accounts->len - 1));

  if (account == NULL)
    clear_places (self);
  else if (self->view != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (filled_places); i++)
      starling_main_view_set_page (self->view, filled_places[i], account->pages[i]);

  /* Freed once nothing shows their pages any more. */
  g_clear_pointer (&dropped, g_ptr_array_unref);
}

static void
account_client_changed_cb (StarlingAccountSession *session,
                           GParamSpec             *pspec,
                           StarlingReader         *self)
{
  if (session == self->session)
    show_session (self);
}

static void
push (StarlingReader *self,
      GtkWidget      *page)
{
  if (self->view == NULL)
    {
      g_object_ref_sink (page);
      g_object_unref (page);
      return;
    }
  starling_main_view_push_page (self->view, page);
}

/* Actions */

static void
open_thread_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  StarlingReader *self = user_data;
  Account *account = current_account (self);
  GtkWidget *page;

  if (account == NULL)
    return;

  page = starling_thread_page_new (account->session, g_variant_get_string (parameter, NULL));
  starling_thread_page_set_image_loader (STARLING_THREAD_PAGE (page), self->loader);
  push (self, page);
}

static void
open_account_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  StarlingReader *self = user_data;
  Account *account = current_account (self);
  GtkWidget *page;

  if (account == NULL)
    return;

  page = starling_profile_page_new (account->session, g_variant_get_string (parameter, NULL));
  starling_profile_page_set_image_loader (STARLING_PROFILE_PAGE (page), self->loader);
  push (self, page);
}

static void
open_tag_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  StarlingReader *self = user_data;
  Account *account = current_account (self);
  const char *tag = g_variant_get_string (parameter, NULL);
  g_autoptr (StarlingFeed) feed = NULL;
  GtkWidget *page;

  if (account == NULL || *tag == '\0')
    return;

  if (*tag == '#')
    tag++;
  feed = new_feed (self, account, STARLING_FEED_HASHTAG, tag, FALSE);
  page = starling_hashtag_page_new (account->session, feed);
  starling_timeline_page_set_image_loader (starling_hashtag_page_get_timeline_page (STARLING_HASHTAG_PAGE (page)),
                                           self->loader);
  push (self, page);
}

static void
open_list_cb (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  StarlingReader *self = user_data;
  Account *account = current_account (self);
  g_autoptr (StarlingFeed) feed = NULL;
  const char *id, *title;
  GtkWidget *page;

  if (account == NULL)
    return;

  g_variant_get (parameter, "(&s&s)", &id, &title);
  feed = new_feed (self, account, STARLING_FEED_LIST, id, FALSE);
  page = new_timeline_page (self, account, feed);
  starling_timeline_page_set_title (STARLING_TIMELINE_PAGE (page), title);
  push (self, page);
}

static void
compose_cb (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  StarlingReader *self = user_data;

  /* Said plainly: nothing is written, nothing is lost. */
  show_toast (self, _("Writing posts is not available yet: Starling’s composer is still to come"));
}

static gboolean
open_uri (StarlingReader *self,
          const char     *uri)
{
  gboolean handled = FALSE;
  GtkRoot *root;

  g_signal_emit (self, signals[OPEN_URI], 0, uri, &handled);
  if (handled)
    return TRUE;

  root = self->view != NULL ? gtk_widget_get_root (GTK_WIDGET (self->view)) : NULL;
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
  return TRUE;
}

static void
report_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  StarlingReader *self = user_data;
  Account *account = current_account (self);
  const char *id = g_variant_get_string (parameter, NULL);
  StarlingStatus *status;
  StarlingAccount *author;
  g_autofree char *uri = NULL;
  const char *base_uri;

  if (account == NULL)
    return;

  status = starling_entity_map_lookup (starling_account_session_get_entity_map (account->session),
                                       STARLING_TYPE_STATUS, id);
  author = status != NULL ? starling_status_get_account (status) : NULL;
  if (author == NULL)
    {
      show_toast (self, _("Could not report the post: it is no longer loaded"));
      return;
    }

  /* The post as the account's own server shows it (`/@user@host/ID`
   * works for remote posts too), where the signed-in web interface has
   * Report in the post's menu. */
  base_uri = starling_client_get_base_uri (account->client);
  uri = g_strdup_printf ("%s%s@%s/%s", base_uri, g_str_has_suffix (base_uri, "/") ? "" : "/",
                         starling_account_get_acct (author), id);
  open_uri (self, uri);
  show_toast (self, _("Report the post on your server’s website: choose Report in the post’s menu"));
}

static void
deleted_cb (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  StarlingReader *self = user_data;
  const char *id = g_variant_get_string (parameter, NULL);

  for (guint a = 0; a < self->accounts->len; a++)
    {
      Account *account = g_ptr_array_index (self->accounts, a);

      if (account->session != self->session)
        continue;
      for (guint i = 0; i < account->all_feeds->len; i++)
        {
          g_autoptr (StarlingFeed) feed = g_weak_ref_get (g_ptr_array_index (account->all_feeds, i));

          if (feed != NULL)
            starling_timeline_remove (starling_feed_get_timeline (feed), id);
        }
    }
}

static gboolean
refresh_shortcut_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  GtkWidget *page = starling_main_view_get_visible_page (STARLING_MAIN_VIEW (widget));

  return page != NULL && gtk_widget_activate_action (page, "timeline.refresh", NULL);
}

static gboolean
manager_has (StarlingAccountManager *manager,
             StarlingAccountSession *session)
{
  GListModel *model = G_LIST_MODEL (manager);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (StarlingAccountSession) other = g_list_model_get_item (model, i);

      if (other == session)
        return TRUE;
    }
  return FALSE;
}

/* An account signed out, or another set of accounts (leaving the demo):
 * what was kept of the ones gone goes, with their database and streams. */
static void
prune_accounts (StarlingReader *self)
{
  g_autoptr (GPtrArray) dropped = g_ptr_array_new_with_free_func ((GDestroyNotify) account_free);

  for (guint i = self->accounts->len; i > 0; i--)
    {
      Account *account = g_ptr_array_index (self->accounts, i - 1);

      if (self->manager == NULL || !manager_has (self->manager, account->session))
        {
          if (account->session == self->session)
            clear_places (self);
          g_ptr_array_add (dropped, g_ptr_array_steal_index (self->accounts, i - 1));
        }
    }
}

static void
starling_reader_dispose (GObject *object)
{
  StarlingReader *self = STARLING_READER (object);

  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  g_clear_object (&self->manager);

  if (self->view != NULL)
    {
      clear_places (self);
      gtk_widget_insert_action_group (GTK_WIDGET (self->view), "status", NULL);
      gtk_widget_remove_controller (GTK_WIDGET (self->view), self->shortcuts);
      g_clear_weak_pointer (&self->view);
    }
  g_clear_object (&self->shortcuts);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  if (self->accounts != NULL)
    g_ptr_array_set_size (self->accounts, 0);

  G_OBJECT_CLASS (starling_reader_parent_class)->dispose (object);
}

static void
starling_reader_finalize (GObject *object)
{
  StarlingReader *self = STARLING_READER (object);

  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_clear_object (&self->actions);
  g_clear_object (&self->loader);

  G_OBJECT_CLASS (starling_reader_parent_class)->finalize (object);
}

static void
starling_reader_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StarlingReader *self = STARLING_READER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_reader_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  StarlingReader *self = STARLING_READER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      starling_reader_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_reader_class_init (StarlingReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = starling_reader_dispose;
  object_class->finalize = starling_reader_finalize;
  object_class->get_property = starling_reader_get_property;
  object_class->set_property = starling_reader_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, STARLING_TYPE_ACCOUNT_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StarlingReader::open-uri:
   * @self: the reader
   * @uri: a web page to open (a post to report)
   *
   * Emitted before the browser opens @uri; a handler that returns %TRUE
   * opens it another way.
   *
   * Returns: %TRUE when the page was opened
   */
  signals[OPEN_URI] =
    g_signal_new ("open-uri",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_STRING);
}

static void
starling_reader_init (StarlingReader *self)
{
  static const GActionEntry entries[] = {
    { "open-thread", open_thread_cb, "s" },
    { "open-account", open_account_cb, "s" },
    { "open-tag", open_tag_cb, "s" },
    { "open-list", open_list_cb, "(ss)" },
    { "reply", compose_cb, "s" },
    { "edit", compose_cb, "s" },
    { "compose", compose_cb },
    { "report", report_cb, "s" },
    { "deleted", deleted_cb, "s" },
  };

  self->accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) account_free);
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
}

/**
 * starling_reader_new:
 * @view: the shell to fill
 * @loader: (nullable): the application's image loader
 *
 * Returns: (transfer full): a reader that fills @view, with no account
 *   yet
 */
StarlingReader *
starling_reader_new (StarlingMainView    *view,
                     StarlingImageLoader *loader)
{
  StarlingReader *self;
  GtkShortcutController *shortcuts;

  g_return_val_if_fail (STARLING_IS_MAIN_VIEW (view), NULL);
  g_return_val_if_fail (loader == NULL || STARLING_IS_IMAGE_LOADER (loader), NULL);

  self = g_object_new (STARLING_TYPE_READER, NULL);
  g_set_weak_pointer (&self->view, view);
  self->loader = loader != NULL ? g_object_ref (loader) : NULL;
  gtk_widget_insert_action_group (GTK_WIDGET (view), "status", G_ACTION_GROUP (self->actions));

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F5, 0),
                                                          gtk_callback_action_new (refresh_shortcut_cb, NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("status.compose")));
  self->shortcuts = g_object_ref (GTK_EVENT_CONTROLLER (shortcuts));
  gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (shortcuts));

  return self;
}

/**
 * starling_reader_get_main_view:
 * @self: a #StarlingReader
 *
 * Returns: (transfer none) (nullable): the shell it fills
 */
StarlingMainView *
starling_reader_get_main_view (StarlingReader *self)
{
  g_return_val_if_fail (STARLING_IS_READER (self), NULL);

  return self->view;
}

StarlingAccountSession *
starling_reader_get_session (StarlingReader *self)
{
  g_return_val_if_fail (STARLING_IS_READER (self), NULL);

  return self->session;
}

/**
 * starling_reader_set_session:
 * @self: a #StarlingReader
 * @session: (nullable): the account to show
 *
 * Shows @session's places: its pages as they were when it was last shown
 * (kept for the last two accounts), or new ones. Until the account has a
 * client (its token is being looked up) the places keep the shell's
 * pages.
 */
void
starling_reader_set_session (StarlingReader         *self,
                             StarlingAccountSession *session)
{
  g_return_if_fail (STARLING_IS_READER (self));
  g_return_if_fail (session == NULL || STARLING_IS_ACCOUNT_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect_object (session, "notify::client", G_CALLBACK (account_client_changed_cb), self, 0);

  show_session (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * starling_reader_set_account_manager:
 * @self: a #StarlingReader
 * @manager: (nullable): the accounts
 *
 * Follows @manager: the pages kept of an account that leaves it go with
 * it (and all of them when the manager is replaced).
 */
void
starling_reader_set_account_manager (StarlingReader         *self,
                                     StarlingAccountManager *manager)
{
  g_return_if_fail (STARLING_IS_READER (self));
  g_return_if_fail (manager == NULL || STARLING_IS_ACCOUNT_MANAGER (manager));

  if (self->manager == manager)
    return;

  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  g_set_object (&self->manager, manager);
  if (manager != NULL)
    g_signal_connect_object (manager, "items-changed", G_CALLBACK (prune_accounts), self, G_CONNECT_SWAPPED);
  prune_accounts (self);
}

/**
 * starling_reader_get_place_feed:
 * @self: a #StarlingReader
 * @place_name: `home`, `local`, `federated`, `bookmarks` or `favourites`
 *
 * Returns: (transfer none) (nullable): the feed of the place for the
 *   account shown
 */
StarlingFeed *
starling_reader_get_place_feed (StarlingReader *self,
                                const char     *place_name)
{
  Account *account;

  g_return_val_if_fail (STARLING_IS_READER (self), NULL);

  account = current_account (self);
  if (account == NULL || account->session != self->session)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (place_feeds); i++)
    if (g_strcmp0 (place_feeds[i].place, place_name) == 0)
      return account->feeds[i];

  return NULL;
}

/**
 * starling_reader_get_n_accounts_kept:
 * @self: a #StarlingReader
 *
 * Returns: how many accounts' pages are alive
 */
guint
starling_reader_get_n_accounts_kept (StarlingReader *self)
{
  g_return_val_if_fail (STARLING_IS_READER (self), 0);

  return self->accounts->len;
}
