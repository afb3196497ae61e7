/* test-profile-page.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * StarlingProfilePage in a real window (Xvfb in CI) against the demo
 * instance: the header (counts, fields with verified links, "Follows
 * you", the server's software), following and unfollowing (what the
 * server received), a refused follow undone with a toast, blocking after
 * a confirmation, and the tabs with pinned posts first.
 */

#include "config.h"

#include <string.h>

#include "model/starling-relationship.h"
#include "ui/profile/starling-account-list-window.h"
#include "ui/profile/starling-profile-header.h"
#include "ui/profile/starling-profile-page.h"
#include "ui/status/starling-rich-label.h"
#include "ui/status/starling-status-row.h"
#include "ui/status/starling-status-text.h"

#include "starling-test-demo.h"
#include "starling-test-ui.h"

#define SEED 4242

static StarlingTestDemo *demo;

/* Helpers */

static gboolean
page_settled (gpointer data)
{
  StarlingProfilePage *page = data;
  StarlingFeed *posts = starling_profile_page_get_feed (page, "posts");

  if (g_str_equal (starling_profile_page_get_state (page), "error"))
    return TRUE;
  return g_str_equal (starling_profile_page_get_state (page), "profile")
         && posts != NULL && !starling_feed_get_loading (posts)
         && (starling_profile_page_get_relationship (page) != NULL
             || g_strcmp0 (starling_profile_page_get_account_id (page), starling_demo_server_get_brand_id (demo->server)) == 0);
}

static GtkWidget *
header_child (GtkWidget  *page,
              const char *name)
{
  GObject *child = gtk_widget_get_template_child (starling_profile_page_get_header (STARLING_PROFILE_PAGE (page)),
                                                  STARLING_TYPE_PROFILE_HEADER, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static const char *
header_text (GtkWidget  *page,
             const char *name)
{
  return gtk_label_get_text (GTK_LABEL (header_child (page, name)));
}

static GtkWidget *
open_profile (const char  *account_id,
              GtkWindow  **window)
{
  GtkWidget *page = starling_profile_page_new (demo->account, account_id);

  starling_profile_page_set_image_loader (STARLING_PROFILE_PAGE (page), demo->loader);
  *window = starling_test_demo_window (demo, page, 1280, 800);
  gtk_window_present (*window);
  starling_test_wait_until (page_settled, page);
  g_assert_cmpstr (starling_profile_page_get_state (STARLING_PROFILE_PAGE (page)), ==, "profile");
  starling_test_wait_for_draw (GTK_WIDGET (*window));
  return page;
}

static char *
count_text (gint64 count)
{
  return count > 0 ? starling_status_text_format_count (count) : g_strdup ("0");
}

/* The brand's followers with where the brand stands with each. */
typedef gboolean (*RelationshipTest) (StarlingRelationship *relationship,
                                      StarlingAccount      *account);

static char *
find_follower (RelationshipTest test)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingPage) followers = NULL;
  g_autoptr (StarlingPage) relationships = NULL;
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();

  starling_client_get_accounts_async (demo->client, STARLING_ACCOUNTS_FOLLOWERS,
                                      starling_demo_server_get_brand_id (demo->server), NULL,
                                      starling_test_demo_result_cb, &result);
  result = starling_test_demo_wait_result (&result);
  followers = starling_client_page_finish (demo->client, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  for (guint i = 0; i < starling_page_get_n_items (followers); i++)
    g_ptr_array_add (ids, (gpointer) starling_account_get_id (starling_page_get_item (followers, i)));
  g_ptr_array_add (ids, NULL);
  starling_client_get_relationships_async (demo->client, (const char * const *) ids->pdata, NULL,
                                           starling_test_demo_result_cb, &result);
  result = starling_test_demo_wait_result (&result);
  relationships = starling_client_page_finish (demo->client, result, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < starling_page_get_n_items (relationships); i++)
    {
      StarlingRelationship *relationship = starling_page_get_item (relationships, i);

      for (guint j = 0; j < starling_page_get_n_items (followers); j++)
        {
          StarlingAccount *account = starling_page_get_item (followers, j);

          if (g_strcmp0 (starling_account_get_id (account), starling_relationship_get_id (relationship)) == 0
              && test (relationship, account))
            return g_strdup (starling_account_get_id (account));
        }
    }
  g_error ("No such follower among %u", starling_page_get_n_items (followers));
  return NULL;
}

static gboolean
is_mutual (StarlingRelationship *relationship,
           StarlingAccount      *account)
{
  return starling_relationship_get_following (relationship) && starling_relationship_get_followed_by (relationship);
}

static gboolean
is_one_way (StarlingRelationship *relationship,
            StarlingAccount      *account)
{
  return !starling_relationship_get_following (relationship) && !starling_relationship_get_requested (relationship)
         && starling_relationship_get_followed_by (relationship) && !starling_account_get_locked (account)
         && !starling_relationship_get_blocking (relationship);
}

typedef struct
{
  const char *method;
  char       *path;
} Request;

static gboolean
server_got (gpointer data)
{
  Request *request = data;

  return starling_demo_server_count_requests (demo->server, request->method, request->path) > 0;
}

static GtkWidget *
find_label_prefix (GtkWidget  *root,
                   const char *prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (child)), prefix))
        return child;
      found = find_label_prefix (child, prefix);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
follow_toast_shown (gpointer data)
{
  return find_label_prefix (data, "Could not follow ") != NULL;
}

static gboolean
label_is (gpointer data)
{
  gpointer *wait = data;

  return g_strcmp0 (starling_profile_header_get_relationship_label (wait[0]), wait[1]) == 0;
}

static gboolean
images_loaded (gpointer data)
{
  GPtrArray *rows = data;

  for (guint i = 0; i < rows->len; i++)
    if (starling_status_row_get_images_pending (rows->pdata[i]) > 0)
      return FALSE;
  return TRUE;
}

/* Tests */

static void
test_header (void)
{
  g_autofree char *id = find_follower (is_mutual);
  GtkWindow *window;
  GtkWidget *page = open_profile (id, &window);
  StarlingAccount *account = starling_profile_page_get_account (STARLING_PROFILE_PAGE (page));
  StarlingProfileHeader *header = STARLING_PROFILE_HEADER (starling_profile_page_get_header (STARLING_PROFILE_PAGE (page)));
  g_autofree char *posts = count_text (starling_account_get_statuses_count (account));
  g_autofree char *following = count_text (starling_account_get_following_count (account));
  g_autofree char *followers = count_text (starling_account_get_followers_count (account));
  g_autofree char *handle = starling_status_text_dup_handle (account);
  g_autofree char *title = NULL;

  g_assert_cmpstr (starling_account_get_id (account), ==, id);
  g_object_get (page, "title", &title, NULL);
  g_assert_cmpstr (title, ==, starling_account_get_display_name (account));

  /* Counts, handle with server, the relationship both ways. */
  g_assert_cmpstr (header_text (page, "posts_count"), ==, posts);
  g_assert_cmpstr (header_text (page, "following_count"), ==, following);
  g_assert_cmpstr (header_text (page, "followers_count"), ==, followers);
  g_assert_cmpstr (header_text (page, "handle_label"), ==, handle);
  g_assert_nonnull (strchr (handle + 1, '@'));
  g_assert_cmpstr (starling_profile_header_get_relationship_label (header), ==, "Unfollow");
  g_assert_true (gtk_widget_get_visible (header_child (page, "follows_you_badge")));
  g_assert_true (gtk_widget_get_visible (header_child (page, "relationship_button")));

  /* The server's software, from its NodeInfo. */
  starling_test_wait_until ((gboolean (*) (gpointer)) gtk_widget_get_visible, header_child (page, "software_badge"));
  g_assert_cmpstr (header_text (page, "software_badge"), !=, "");

  /* Followers open the list of followers. */
  starling_demo_server_clear_requests (demo->server);
  gtk_widget_activate_action (page, "profile.followers", NULL);
  {
    StarlingAccountListWindow *list = STARLING_ACCOUNT_LIST_WINDOW (starling_test_find_toplevel (STARLING_TYPE_ACCOUNT_LIST_WINDOW));
    g_autofree char *path = g_strdup_printf ("/api/v1/accounts/%s/followers", id);

    g_assert_nonnull (list);
    starling_test_wait_until ((gboolean (*) (gpointer)) g_list_model_get_n_items,
                              starling_account_list_window_get_accounts (list));
    g_assert_cmpuint (starling_demo_server_count_requests (demo->server, "GET", path), ==, 1);
    gtk_window_destroy (GTK_WINDOW (list));
  }

  /* The screenshot, with avatars and posts in. */
  {
    g_autoptr (GPtrArray) rows = g_ptr_array_new ();
    GtkWidget *list_view = GTK_WIDGET (gtk_widget_get_template_child (page, STARLING_TYPE_PROFILE_PAGE, "list_view"));
    GtkWidget *row;

    for (guint i = 0; i < 10; i++)
      starling_test_wait_for_draw (GTK_WIDGET (window));
    while ((row = starling_test_find_widget (list_view, STARLING_TYPE_STATUS_ROW, NULL)) != NULL && rows->len == 0)
      g_ptr_array_add (rows, row);
    starling_test_wait_until (images_loaded, rows);
    starling_test_save_screenshot (GTK_WIDGET (window), "profile");
  }

  gtk_window_destroy (window);
}

static void
test_own (void)
{
  const char *brand = starling_demo_server_get_brand_id (demo->server);
  GtkWindow *window;
  GtkWidget *page = open_profile (brand, &window);
  StarlingProfileHeader *header = STARLING_PROFILE_HEADER (starling_profile_page_get_header (STARLING_PROFILE_PAGE (page)));
  GListModel *model = starling_profile_page_get_model (STARLING_PROFILE_PAGE (page));
  GtkListBox *fields = GTK_LIST_BOX (header_child (page, "fields_list"));
  GtkListBoxRow *website;
  GtkListBoxRow *cafe;
  g_autoptr (GObject) first = NULL;
  StarlingFeed *pinned;
  guint n_pinned;

  /* One's own profile: no relationship. */
  g_assert_null (starling_profile_header_get_relationship_label (header));
  g_assert_false (gtk_widget_get_visible (header_child (page, "relationship_button")));
  g_assert_false (gtk_widget_get_visible (header_child (page, "follows_you_badge")));

  /* Fields, the verified link marked. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fields)));
  website = gtk_list_box_get_row_at_index (fields, 0);
  cafe = gtk_list_box_get_row_at_index (fields, 1);
  g_assert_nonnull (website);
  g_assert_nonnull (cafe);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (website), "verified"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cafe), "verified"));
  g_assert_nonnull (starling_test_find_label (GTK_WIDGET (website), "Website"));

  /* The bio's hashtag opens inside the app. */
  {
    StarlingRichLabel *note = STARLING_RICH_LABEL (header_child (page, "note_label"));
    StarlingRichText *text = starling_rich_label_get_rich_text (note);
    const StarlingLink *link = NULL;
    gboolean handled = FALSE;

    for (guint i = 0; i < starling_rich_text_get_n_links (text) && link == NULL; i++)
      if (starling_rich_text_get_link (text, i)->kind == STARLING_LINK_HASHTAG)
        link = starling_rich_text_get_link (text, i);
    g_assert_nonnull (link);
    g_signal_emit_by_name (note, "link-activated", link, &handled);
    g_assert_true (handled);
    g_assert_cmpstr (starling_test_demo_asked (demo, "open-tag"), ==, "coffee");
  }

  /* The header first, then the pinned posts. */
  first = g_list_model_get_item (model, 0);
  g_assert_true (STARLING_IS_ACCOUNT (first));
  pinned = starling_profile_page_get_feed (STARLING_PROFILE_PAGE (page), "pinned");
  g_assert_nonnull (pinned);
  starling_test_wait_until ((gboolean (*) (gpointer)) g_list_model_get_n_items, starling_feed_get_timeline (pinned));
  n_pinned = g_list_model_get_n_items (G_LIST_MODEL (starling_feed_get_timeline (pinned)));
  g_assert_cmpuint (n_pinned, >, 0);
  for (guint i = 1; i <= n_pinned; i++)
    {
      g_autoptr (StarlingStatus) status = g_list_model_get_item (model, i);

      g_assert_true (STARLING_IS_STATUS (status));
      g_assert_true (starling_status_get_pinned (status));
    }
  {
    g_autoptr (StarlingStatus) after = g_list_model_get_item (model, n_pinned + 1);

    g_assert_true (STARLING_IS_STATUS (after));
  }
  starling_test_save_screenshot (GTK_WIDGET (window), "profile-own");

  /* Media: posts with media only, asked for as such. */
  starling_demo_server_clear_requests (demo->server);
  starling_profile_header_set_tab (header, "media");
  {
    StarlingFeed *media = starling_profile_page_get_feed (STARLING_PROFILE_PAGE (page), "media");

    g_assert_nonnull (media);
    starling_test_wait_until ((gboolean (*) (gpointer)) g_list_model_get_n_items, starling_feed_get_timeline (media));
    g_assert_cmpuint (g_list_model_get_n_items (model), ==,
                      1 + g_list_model_get_n_items (G_LIST_MODEL (starling_feed_get_timeline (media))));
    for (guint i = 1; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr (StarlingStatus) status = g_list_model_get_item (model, i);
        GPtrArray *media_attachments = starling_status_get_media_attachments (starling_status_get_shown (status));

        g_assert_true (media_attachments != NULL && media_attachments->len > 0);
      }
  }

  /* Posts & Replies: another feed, with replies. */
  starling_profile_header_set_tab (header, "replies");
  g_assert_nonnull (starling_profile_page_get_feed (STARLING_PROFILE_PAGE (page), "replies"));
  g_assert_cmpint (starling_feed_get_options (starling_profile_page_get_feed (STARLING_PROFILE_PAGE (page), "replies")),
                   ==, STARLING_FEED_WITH_REPLIES);

  gtk_window_destroy (window);
}

static void
test_follow (void)
{
  g_autofree char *id = find_follower (is_one_way);
  GtkWindow *window;
  GtkWidget *page = open_profile (id, &window);
  StarlingProfileHeader *header = STARLING_PROFILE_HEADER (starling_profile_page_get_header (STARLING_PROFILE_PAGE (page)));
  StarlingAccount *account = starling_profile_page_get_account (STARLING_PROFILE_PAGE (page));
  gint64 followers = starling_account_get_followers_count (account);
  Request request = { "POST", g_strdup_printf ("/api/v1/accounts/%s/follow", id) };
  gpointer wait[2] = { header, NULL };

  g_assert_cmpstr (starling_profile_header_get_relationship_label (header), ==, "Follow Back");

  /* Follow: at once, and the server hears it. */
  starling_demo_server_clear_requests (demo->server);
  starling_test_click (header_child (page, "relationship_button"));
  g_assert_cmpstr (starling_profile_header_get_relationship_label (header), ==, "Unfollow");
  g_assert_cmpint (starling_account_get_followers_count (account), ==, followers + 1);
  starling_test_wait_until (server_got, &request);
  starling_test_wait_idle ();
  g_assert_cmpstr (starling_profile_header_get_relationship_label (header), ==, "Unfollow");
  g_assert_true (starling_relationship_get_following (starling_profile_page_get_relationship (STARLING_PROFILE_PAGE (page))));

  /* Unfollow. */
  g_free (request.path);
  request.path = g_strdup_printf ("/api/v1/accounts/%s/unfollow", id);
  starling_test_click (header_child (page, "relationship_button"));
  g_assert_cmpstr (starling_profile_header_get_relationship_label (header), ==, "Follow Back");
  g_assert_cmpint (starling_account_get_followers_count (account), ==, followers);
  starling_test_wait_until (server_got, &request);
  starling_test_wait_idle ();
  g_assert_false (starling_relationship_get_following (starling_profile_page_get_relationship (STARLING_PROFILE_PAGE (page))));

  /* A follow the server refuses: back as it was, and a toast says so. */
  g_free (request.path);
  request.path = g_strdup_printf ("/api/v1/accounts/%s/follow", id);
  starling_demo_server_clear_requests (demo->server);
  starling_demo_server_add_fault (demo->server, "POST", request.path, STARLING_DEMO_FAULT_SERVER_ERROR, 5, 500);
  starling_test_click (header_child (page, "relationship_button"));
  g_assert_cmpstr (starling_profile_header_get_relationship_label (header), ==, "Unfollow");
  wait[1] = (gpointer) "Follow Back";
  starling_test_wait_until (label_is, wait);
  starling_test_wait_until (follow_toast_shown, page);
  g_assert_true (server_got (&request));
  g_assert_cmpint (starling_account_get_followers_count (account), ==, followers);
  starling_demo_server_clear_faults (demo->server);
  starling_test_save_screenshot (GTK_WIDGET (window), "profile-follow-failed");

  g_free (request.path);
  gtk_window_destroy (window);
}

static GtkWidget *
find_dialog (void)
{
  return starling_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

static void
test_block (void)
{
  g_autofree char *id = find_follower (is_one_way);
  GtkWindow *window;
  GtkWidget *page = open_profile (id, &window);
  StarlingProfileHeader *header = STARLING_PROFILE_HEADER (starling_profile_page_get_header (STARLING_PROFILE_PAGE (page)));
  Request request = { "POST", g_strdup_printf ("/api/v1/accounts/%s/block", id) };
  GtkWidget *dialog;

  /* Blocking asks first; Cancel sends nothing. */
  starling_demo_server_clear_requests (demo->server);
  gtk_widget_activate_action (page, "profile.block", NULL);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  starling_test_wait_idle ();
  g_assert_false (server_got (&request));
  g_assert_false (starling_relationship_get_blocking (starling_profile_page_get_relationship (STARLING_PROFILE_PAGE (page))));

  /* Block: at once, and the server hears it. */
  gtk_widget_activate_action (page, "profile.block", NULL);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "block");
  g_assert_cmpstr (starling_profile_header_get_relationship_label (header), ==, "Unblock");
  starling_test_wait_until (server_got, &request);
  starling_test_wait_idle ();
  g_assert_true (starling_relationship_get_blocking (starling_profile_page_get_relationship (STARLING_PROFILE_PAGE (page))));

  /* The button unblocks. */
  g_free (request.path);
  request.path = g_strdup_printf ("/api/v1/accounts/%s/unblock", id);
  starling_test_click (header_child (page, "relationship_button"));
  starling_test_wait_until (server_got, &request);
  g_assert_false (starling_relationship_get_blocking (starling_profile_page_get_relationship (STARLING_PROFILE_PAGE (page))));

  g_free (request.path);
  gtk_window_destroy (window);
}

static void
test_error (void)
{
  GtkWindow *window;
  GtkWidget *page = starling_profile_page_new (demo->account, "1");

  window = starling_test_demo_window (demo, page, 900, 700);
  gtk_window_present (window);
  starling_test_wait_until (page_settled, page);
  g_assert_cmpstr (starling_profile_page_get_state (STARLING_PROFILE_PAGE (page)), ==, "error");
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  demo = starling_test_demo_new (SEED);

  g_test_add_func ("/starling/profile-page/header", test_header);
  g_test_add_func ("/starling/profile-page/own", test_own);
  g_test_add_func ("/starling/profile-page/follow", test_follow);
  g_test_add_func ("/starling/profile-page/block", test_block);
  g_test_add_func ("/starling/profile-page/error", test_error);

  ret = g_test_run ();

  starling_test_demo_free (demo);
  return ret;
}
