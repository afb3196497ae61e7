/* test-notifications-page.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * StarlingNotificationsPage in a real window (Xvfb in CI) against the
 * demo instance: grouped notifications where the server groups them, one
 * per row where it does not, the Mentions filter, the marker, follow
 * requests answered (and undone when the server refuses), and what the
 * stream brings.
 */

#include "config.h"

#include <string.h>

#include "model/starling-notification-group.h"
#include "ui/notifications/starling-notification-row.h"
#include "ui/notifications/starling-notifications-page.h"

#include "starling-test-demo.h"
#include "starling-test-ui.h"

#define SEED 4242

static StarlingTestDemo *demo;

/* Helpers */

static gboolean
page_settled (gpointer data)
{
  const char *state = starling_notifications_page_get_state (data);

  return g_str_equal (state, "list") || g_str_equal (state, "empty") || g_str_equal (state, "error");
}

static GtkWidget *
list_view_of (GtkWidget *page)
{
  return GTK_WIDGET (gtk_widget_get_template_child (page, STARLING_TYPE_NOTIFICATIONS_PAGE, "list_view"));
}

/* The notification rows on screen, in order. */
static GPtrArray *
visible_rows (GtkWidget *page)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (list_view_of (page));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *box = gtk_widget_get_first_child (child);
      GtkWidget *row = box != NULL ? gtk_widget_get_first_child (box) : NULL;

      if (STARLING_IS_NOTIFICATION_ROW (row) && gtk_widget_get_child_visible (child)
          && gtk_widget_get_visible (row) && starling_notification_row_get_item (STARLING_NOTIFICATION_ROW (row)) != NULL)
        g_ptr_array_add (rows, row);
    }
  return rows;
}

static StarlingNotificationRow *
row_for (GtkWidget *page,
         gpointer   item)
{
  g_autoptr (GPtrArray) rows = visible_rows (page);

  for (guint i = 0; i < rows->len; i++)
    if (starling_notification_row_get_item (rows->pdata[i]) == item)
      return rows->pdata[i];
  return NULL;
}

static GtkWidget *
new_page (GtkWindow **window)
{
  GtkWidget *page = starling_notifications_page_new (demo->account);

  starling_notifications_page_set_image_loader (STARLING_NOTIFICATIONS_PAGE (page), demo->loader);
  *window = starling_test_demo_window (demo, page, 1280, 800);
  gtk_window_present (*window);
  starling_test_wait_until (page_settled, page);
  g_assert_cmpstr (starling_notifications_page_get_state (STARLING_NOTIFICATIONS_PAGE (page)), ==, "list");
  starling_test_wait_for_draw (GTK_WIDGET (*window));
  return page;
}

static gpointer
item_at (GtkWidget *page,
         guint      position)
{
  GObject *item = g_list_model_get_item (starling_notifications_page_get_model (STARLING_NOTIFICATIONS_PAGE (page)),
                                         position);

  g_assert_nonnull (item);
  g_object_unref (item);   /* the timeline keeps it */
  return item;
}

static guint
n_items (GtkWidget *page)
{
  return g_list_model_get_n_items (starling_notifications_page_get_model (STARLING_NOTIFICATIONS_PAGE (page)));
}

static void
scroll_to (GtkWidget *page,
           guint      position)
{
  gtk_widget_activate_action (list_view_of (page), "list.scroll-to-item", "u", position);
  starling_test_wait_for_draw (page);
  starling_test_wait_for_draw (page);
}

typedef struct
{
  GtkWidget *page;
  guint      n;
} Count;

static gboolean
has_items (gpointer data)
{
  Count *count = data;

  return n_items (count->page) >= count->n;
}

/* Tests */

static void
test_grouped (void)
{
  GtkWindow *window;
  GtkWidget *page;
  guint grouped = G_MAXUINT;
  guint mention = G_MAXUINT;

  g_assert_cmpint (starling_client_get_api_version (demo->client), >=, 2);
  /* Someone mentions the brand: the newest notification is a mention. */
  g_free (starling_demo_server_emit_notification (demo->server, "mention"));
  starling_demo_server_clear_requests (demo->server);
  page = new_page (&window);
  g_assert_cmpuint (starling_demo_server_count_requests (demo->server, "GET", "/api/v2/notifications"), ==, 1);
  g_assert_cmpuint (starling_demo_server_count_requests (demo->server, "GET", "/api/v1/notifications"), ==, 0);
  {
    g_autofree char *title = NULL;

    g_object_get (page, "title", &title, NULL);
    g_assert_cmpstr (title, ==, "Notifications");
  }

  for (guint i = 0; i < n_items (page); i++)
    {
      gpointer item = item_at (page, i);

      if (!STARLING_IS_NOTIFICATION_GROUP (item))
        continue;
      if (grouped == G_MAXUINT && starling_notification_group_get_notifications_count (item) > 2
          && starling_notification_group_get_notification_type (item) == STARLING_NOTIFICATION_TYPE_FAVOURITE)
        grouped = i;
      if (mention == G_MAXUINT
          && starling_notification_group_get_notification_type (item) == STARLING_NOTIFICATION_TYPE_MENTION)
        mention = i;
    }
  g_assert_cmpuint (grouped, !=, G_MAXUINT);
  g_assert_cmpuint (mention, !=, G_MAXUINT);

  /* "Ana and 5 others favourited your post", with their avatars and the
   * post in compact form. */
  {
    gpointer group = item_at (page, grouped);
    g_autofree char *expected = NULL;
    g_autofree char *others = g_strdup_printf (" and %" G_GINT64_FORMAT " others favourited your post",
                                               starling_notification_group_get_notifications_count (group) - 1);
    StarlingNotificationRow *row;
    StarlingStatusRow *status_row;

    scroll_to (page, grouped);
    row = row_for (page, group);
    g_assert_nonnull (row);
    g_assert_true (g_str_has_suffix (starling_notification_row_get_summary (row), others));
    g_assert_cmpuint (starling_notification_row_get_n_avatars (row), >, 1);
    status_row = starling_notification_row_get_status_row (row);
    g_assert_nonnull (status_row);
    g_assert_true (starling_status_row_get_compact (status_row));
    g_assert_true (starling_status_row_get_status (status_row) == starling_notification_group_get_status (group));
  }

  /* A mention is the whole post. */
  {
    gpointer item = item_at (page, mention);
    StarlingNotificationRow *row;
    StarlingStatusRow *status_row;

    scroll_to (page, mention);
    row = row_for (page, item);
    g_assert_nonnull (row);
    g_assert_true (g_str_has_suffix (starling_notification_row_get_summary (row), " mentioned you"));
    g_assert_cmpuint (starling_notification_row_get_n_avatars (row), ==, 0);
    status_row = starling_notification_row_get_status_row (row);
    g_assert_nonnull (status_row);
    g_assert_false (starling_status_row_get_compact (status_row));

    /* Opening it opens its thread. */
    g_signal_emit_by_name (list_view_of (page), "activate", mention);
    g_assert_cmpstr (starling_test_demo_asked (demo, "open-thread"), ==,
                     starling_status_get_id (starling_notification_group_get_status (item)));
  }

  gtk_window_destroy (window);
}

static void
test_screenshot (void)
{
  GtkWindow *window;
  GtkWidget *page = new_page (&window);

  /* The avatars come in. */
  for (guint i = 0; i < 20; i++)
    starling_test_wait_for_draw (GTK_WIDGET (window));
  starling_test_save_screenshot (GTK_WIDGET (window), "notifications");
  gtk_window_destroy (window);
  (void) page;
}

static void
test_one_per_row (void)
{
  GtkWindow *window;
  GtkWidget *page;
  int version = starling_client_get_api_version (demo->client);
  g_autoptr (GPtrArray) rows = NULL;

  /* A server that does not group (before Mastodon 4.3). */
  starling_client_set_api_version (demo->client, 1);
  starling_demo_server_clear_requests (demo->server);
  page = new_page (&window);
  g_assert_cmpuint (starling_demo_server_count_requests (demo->server, "GET", "/api/v1/notifications"), ==, 1);
  g_assert_cmpuint (starling_demo_server_count_requests (demo->server, "GET", "/api/v2/notifications"), ==, 0);
  g_assert_cmpuint (n_items (page), >, 10);
  for (guint i = 0; i < n_items (page); i++)
    g_assert_true (STARLING_IS_NOTIFICATION (item_at (page, i)));

  rows = visible_rows (page);
  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *summary = starling_notification_row_get_summary (rows->pdata[i]);

      /* One person each. */
      g_assert_null (strstr (summary, " others "));
      g_assert_cmpuint (starling_notification_row_get_n_avatars (rows->pdata[i]), <=, 1);
    }

  gtk_window_destroy (window);
  starling_client_set_api_version (demo->client, version);
}

static void
test_mentions (void)
{
  GtkWindow *window;
  GtkWidget *page = new_page (&window);
  StarlingNotificationsPage *notifications = STARLING_NOTIFICATIONS_PAGE (page);
  guint all = n_items (page);
  GtkToggleButton *mentions_button;

  mentions_button = GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (page, STARLING_TYPE_NOTIFICATIONS_PAGE,
                                                                      "mentions_button"));
  gtk_toggle_button_set_active (mentions_button, TRUE);
  g_assert_true (starling_notifications_page_get_mentions_only (notifications));
  g_assert_cmpuint (n_items (page), >, 0);
  g_assert_cmpuint (n_items (page), <, all);
  for (guint i = 0; i < n_items (page); i++)
    g_assert_cmpint (starling_notification_item_get_kind (item_at (page, i)), ==, STARLING_NOTIFICATION_TYPE_MENTION);
  starling_test_wait_for_draw (GTK_WIDGET (window));

  starling_notifications_page_set_mentions_only (notifications, FALSE);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (page, STARLING_TYPE_NOTIFICATIONS_PAGE, "all_button"))));
  g_assert_cmpuint (n_items (page), >=, all);

  gtk_window_destroy (window);
}

static gboolean
marked (gpointer data)
{
  return starling_notifications_page_get_marked_id (data) != NULL
         && starling_demo_server_count_requests (demo->server, "POST", "/api/v1/markers") > 0;
}

static void
test_marker (void)
{
  GtkWindow *window;
  GtkWidget *page;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (StarlingMarker) notifications = NULL;
  g_autoptr (GError) error = NULL;

  /* Something new since the earlier pages moved the marker. */
  g_free (starling_demo_server_emit_notification (demo->server, "follow"));
  starling_demo_server_clear_requests (demo->server);
  page = new_page (&window);
  g_assert_cmpuint (starling_demo_server_count_requests (demo->server, "GET", "/api/v1/markers"), ==, 1);

  /* Seen in the focused window: the marker moves to the newest. */
  if (!gtk_window_is_active (window))
    g_test_message ("The window is not focused (no window manager): the page is told it is");
  gtk_window_present (window);
  starling_test_wait_until ((gboolean (*) (gpointer)) gtk_window_is_active, window);
  starling_test_wait_until (marked, page);
  g_assert_cmpstr (starling_notifications_page_get_marked_id (STARLING_NOTIFICATIONS_PAGE (page)), ==,
                   starling_notification_item_get_newest_id (item_at (page, 0)));

  starling_client_get_markers_async (demo->client, NULL, starling_test_demo_result_cb, &result);
  result = starling_test_demo_wait_result (&result);
  g_assert_true (starling_client_markers_finish (demo->client, result, NULL, &notifications, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (starling_marker_get_last_read_id (notifications), ==,
                   starling_notifications_page_get_marked_id (STARLING_NOTIFICATIONS_PAGE (page)));

  gtk_window_destroy (window);
}

static StarlingNotificationRow *
wait_for_follow_request (GtkWidget   *page,
                         const char **account_id)
{
  Count count = { page, n_items (page) + 1 };
  g_autofree char *id = starling_demo_server_emit_notification (demo->server, "follow_request");
  gpointer item;
  StarlingNotificationRow *row;

  g_assert_nonnull (id);
  starling_test_wait_until (has_items, &count);
  item = item_at (page, 0);
  g_assert_cmpint (starling_notification_item_get_kind (item), ==, STARLING_NOTIFICATION_TYPE_FOLLOW_REQUEST);
  scroll_to (page, 0);
  row = row_for (page, item);
  g_assert_nonnull (row);
  g_assert_true (g_str_has_suffix (starling_notification_row_get_summary (row), " asked to follow you"));
  *account_id = starling_account_get_id (starling_notification_item_get_account (item));
  return row;
}

typedef struct
{
  const char *method;
  const char *path;
} Request;

static gboolean
server_got (gpointer data)
{
  Request *request = data;

  return starling_demo_server_count_requests (demo->server, request->method, request->path) > 0;
}

static gboolean
is_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
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
reject_toast_shown (gpointer data)
{
  return find_label_prefix (data, "Could not reject the follow request") != NULL;
}

static void
test_follow_request (void)
{
  GtkWindow *window;
  GtkWidget *page = new_page (&window);
  StarlingNotificationRow *row;
  const char *account_id;
  g_autofree char *path = NULL;
  GtkWidget *request_box;
  GtkWidget *detail;
  Request request = { "POST", NULL };

  /* Accepting: at once, and the server hears it. */
  row = wait_for_follow_request (page, &account_id);
  request_box = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (row), STARLING_TYPE_NOTIFICATION_ROW, "request_box"));
  detail = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (row), STARLING_TYPE_NOTIFICATION_ROW, "detail_label"));
  g_assert_true (gtk_widget_get_visible (request_box));
  path = g_strdup_printf ("/api/v1/follow_requests/%s/authorize", account_id);
  request.path = path;
  starling_demo_server_clear_requests (demo->server);
  starling_test_click (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (row), STARLING_TYPE_NOTIFICATION_ROW,
                                                                  "authorize_button")));
  g_assert_false (gtk_widget_get_visible (request_box));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (detail)), ==, "Accepted");
  starling_test_wait_until (server_got, &request);
  starling_test_wait_idle ();
  g_assert_false (gtk_widget_get_visible (request_box));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (detail)), ==, "Accepted");

  /* Rejecting when the server fails: undone, and a toast says why. */
  row = wait_for_follow_request (page, &account_id);
  request_box = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (row), STARLING_TYPE_NOTIFICATION_ROW, "request_box"));
  g_free (path);
  path = g_strdup_printf ("/api/v1/follow_requests/%s/reject", account_id);
  request.path = path;
  starling_demo_server_add_fault (demo->server, "POST", path, STARLING_DEMO_FAULT_SERVER_ERROR, 5, 500);
  starling_test_click (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (row), STARLING_TYPE_NOTIFICATION_ROW,
                                                                  "reject_button")));
  g_assert_false (gtk_widget_get_visible (request_box));
  starling_test_wait_until (server_got, &request);
  starling_test_wait_until (is_visible, request_box);
  starling_test_wait_until (reject_toast_shown, page);
  starling_demo_server_clear_faults (demo->server);

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

  g_test_add_func ("/starling/notifications-page/grouped", test_grouped);
  g_test_add_func ("/starling/notifications-page/screenshot", test_screenshot);
  g_test_add_func ("/starling/notifications-page/one-per-row", test_one_per_row);
  g_test_add_func ("/starling/notifications-page/mentions", test_mentions);
  g_test_add_func ("/starling/notifications-page/marker", test_marker);
  g_test_add_func ("/starling/notifications-page/follow-request", test_follow_request);

  ret = g_test_run ();

  starling_test_demo_free (demo);
  return ret;
}
