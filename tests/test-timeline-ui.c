/* test-timeline-ui.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The timelines in a real window (Xvfb in CI), against the demo instance:
 * the shell filled by StarlingReader for a signed-in demo account, its
 * places, scrolling to the end, going into a thread and back, a streamed
 * post while the reader is further down, the keyboard, and the cache with
 * the server stopped.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "api/starling-api-error.h"
#include "api/starling-session.h"
#include "demo/starling-demo-server.h"
#include "model/starling-account.h"
#include "model/starling-status.h"
#include "model/starling-timeline-gap.h"
#include "store/starling-database.h"
#include "ui/accounts/starling-account-switcher.h"
#include "ui/shell/starling-main-view.h"
#include "ui/status/starling-status-row.h"
#include "ui/thread/starling-thread-page.h"
#include "ui/timeline/starling-hashtag-page.h"
#include "ui/timeline/starling-index-page.h"
#include "ui/timeline/starling-reader.h"
#include "ui/timeline/starling-timeline-page.h"

#include "starling-test-ui.h"

#define SEED 4242

/* One demo instance and one signed-in account for the program. */
static StarlingDemoServer *server;
static SoupSession *session;
static StarlingImageLoader *loader;
static char *tmp_dir;

typedef struct
{
  GtkWindow              *window;
  AdwToastOverlay        *overlay;
  StarlingMainView       *view;
  StarlingReader         *reader;
  StarlingAccountManager *manager;
  StarlingAccountSession *account;
  StarlingDatabase       *database;
  GPtrArray              *opened;
} Shell;

/* Helpers */

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  starling_test_wait_until (has_result, slot);
  return *slot;
}

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
run_for (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, set_flag_cb, &done);
  starling_test_wait_until (is_true, &done);
}

static StarlingDatabase *
open_database (const char *name)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  StarlingDatabase *database;

  starling_database_open_async (path, NULL, result_cb, &result);
  database = starling_database_open_finish (wait_result (&result), &error);
  g_assert_no_error (error);
  return database;
}

static gboolean
opened_cb (StarlingReader *reader,
           const char     *uri,
           Shell          *shell)
{
  g_ptr_array_add (shell->opened, g_strdup (uri));
  return TRUE;
}

/* A window with the shell, filled by a reader for @account (or, when
 * %NULL, for a demo account signed in now), not shown yet: its pages are
 * made, and start when shown. */
static Shell *
shell_build (int                     width,
             int                     height,
             StarlingDatabase       *database,
             StarlingAccountManager *manager,
             StarlingAccountSession *account)
{
  Shell *shell = g_new0 (Shell, 1);

  shell->opened = g_ptr_array_new_with_free_func (g_free);
  shell->database = database != NULL ? g_object_ref (database) : NULL;
  if (account != NULL)
    {
      shell->manager = g_object_ref (manager);
      shell->account = g_object_ref (account);
    }
  else
    {
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *token = starling_demo_server_create_token (server, "read write follow push");

      shell->manager = starling_account_manager_new (session, database, NULL);
      starling_account_manager_add_async (shell->manager, starling_demo_server_get_base_uri (server), token,
                                          NULL, result_cb, &result);
      shell->account = starling_account_manager_add_finish (shell->manager, wait_result (&result), &error);
      g_assert_no_error (error);
    }
  g_assert_nonnull (starling_account_session_get_client (shell->account));

  /* As the application's window: the shell's header bars are the only
   * ones. */
  shell->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (shell->window, width, height);
  shell->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  shell->view = STARLING_MAIN_VIEW (starling_main_view_new ());
  adw_toast_overlay_set_child (shell->overlay, GTK_WIDGET (shell->view));
  adw_window_set_content (ADW_WINDOW (shell->window), GTK_WIDGET (shell->overlay));
  {
    GtkWidget *switcher = starling_account_switcher_new ();

    starling_account_switcher_set_manager (STARLING_ACCOUNT_SWITCHER (switcher), shell->manager, loader);
    starling_main_view_set_account_switcher (shell->view, switcher);
  }

  shell->reader = starling_reader_new (shell->view, loader);
  g_signal_connect (shell->reader, "open-uri", G_CALLBACK (opened_cb), shell);
  starling_reader_set_session (shell->reader, shell->account);
  return shell;
}

static Shell *
shell_new_for (int                     width,
               int                     height,
               StarlingDatabase       *database,
               StarlingAccountManager *manager,
               StarlingAccountSession *account)
{
  Shell *shell = shell_build (width, height, database, manager, account);

  gtk_window_present (shell->window);
  starling_test_wait_for_draw (GTK_WIDGET (shell->window));
  return shell;
}

static Shell *
shell_new (int               width,
           int               height,
           StarlingDatabase *database)
{
  return shell_new_for (width, height, database, NULL, NULL);
}

static void
shell_free (Shell *shell)
{
  g_clear_object (&shell->reader);
  gtk_window_destroy (shell->window);
  g_clear_object (&shell->account);
  g_clear_object (&shell->manager);
  g_clear_object (&shell->database);
  g_ptr_array_unref (shell->opened);
  g_free (shell);
  /* What the window's last frame still held. */
  run_for (50);
}

static StarlingTimelinePage *
place_page (Shell      *shell,
            const char *place)
{
  GtkWidget *page = starling_main_view_get_page (shell->view, place);

  g_assert_true (STARLING_IS_TIMELINE_PAGE (page));
  return STARLING_TIMELINE_PAGE (page);
}

static gboolean
page_shows_list (gpointer data)
{
  return g_strcmp0 (starling_timeline_page_get_state (data), "list") == 0
         && starling_timeline_page_get_row_at (data, 0) != NULL
         && starling_timeline_page_get_settled (data);
}

static gboolean
feed_idle (gpointer data)
{
  StarlingFeed *feed = starling_timeline_page_get_feed (data);

  return !starling_feed_get_loading (feed) && !starling_feed_get_loading_older (feed);
}

static gboolean
page_loaded (gpointer data)
{
  return g_strcmp0 (starling_timeline_page_get_state (data), "loading") != 0 && feed_idle (data);
}

static void
wait_for_posts (StarlingTimelinePage *page)
{
  starling_test_wait_until (page_shows_list, page);
  starling_test_wait_until (feed_idle, page);
  starling_test_wait_for_draw (GTK_WIDGET (page));
}

static guint
n_items (StarlingTimelinePage *page)
{
  return g_list_model_get_n_items (G_LIST_MODEL (starling_feed_get_timeline (starling_timeline_page_get_feed (page))));
}

/* The y of a row in the list view, as the person sees it. */
static double
row_y_of (StarlingTimelinePage *page,
          guint                 position)
{
  GtkWidget *row = starling_timeline_page_get_row_at (page, position);
  graphene_point_t point;

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_compute_point (row, GTK_WIDGET (starling_timeline_page_get_list_view (page)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  return point.y;
}

static int
position_of (StarlingTimelinePage *page,
             StarlingStatus       *status)
{
  GListModel *model = G_LIST_MODEL (starling_feed_get_timeline (starling_timeline_page_get_feed (page)));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      if (item == (GObject *) status)
        return i;
    }
  return -1;
}

static void
scroll_to (StarlingTimelinePage *page,
           double                value)
{
  gtk_adjustment_set_value (starling_timeline_page_get_vadjustment (page), value);
  starling_test_wait_for_draw (GTK_WIDGET (page));
}

/* The page lets go of the posts far above the reader: how many items left
 * above the top row, so that the posts scrolled past are still counted. */
typedef struct
{
  StarlingTimelinePage *page;
  int                   left_above;
} Passed;

static void
passed_changed_cb (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   Passed     *passed)
{
  if ((int) position < starling_timeline_page_get_top_position (passed->page))
    passed->left_above += (int) removed - (int) added;
}

static void
follow_passed (Passed               *passed,
               StarlingTimelinePage *page)
{
  passed->page = page;
  passed->left_above = 0;
  g_signal_connect (starling_feed_get_timeline (starling_timeline_page_get_feed (page)), "items-changed",
                    G_CALLBACK (passed_changed_cb), passed);
}

static void
unfollow_passed (Passed *passed)
{
  g_signal_handlers_disconnect_by_data (starling_feed_get_timeline (starling_timeline_page_get_feed (passed->page)),
                                        passed);
}

/* The ids of the posts, top to bottom. */
static GPtrArray *
post_ids (StarlingTimelinePage *page)
{
  GListModel *model = G_LIST_MODEL (starling_feed_get_timeline (starling_timeline_page_get_feed (page)));
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      if (STARLING_IS_STATUS (item))
        g_ptr_array_add (ids, g_strdup (starling_status_get_id (STARLING_STATUS (item))));
    }
  return ids;
}

/* Tests */

static void
test_places (void)
{
  Shell *shell = shell_new (1280, 800, NULL);
  StarlingTimelinePage *home = place_page (shell, "home");
  const char * const timelines[] = { "local", "federated", "bookmarks", "favourites" };

  wait_for_posts (home);
  g_assert_cmpstr (starling_main_view_get_title (shell->view), ==, "Home");
  g_assert_true (STARLING_IS_STATUS_ROW (starling_timeline_page_get_row_at (home, 0)));
  g_assert_true (starling_feed_get_active (starling_timeline_page_get_feed (home)));
  g_assert_nonnull (starling_feed_get_streaming (starling_timeline_page_get_feed (home)));

  for (guint i = 0; i < G_N_ELEMENTS (timelines); i++)
    {
      StarlingTimelinePage *page = place_page (shell, timelines[i]);
      StarlingFeed *feed = starling_timeline_page_get_feed (page);

      /* Not on screen: not loaded, not following anything. */
      g_assert_false (starling_feed_get_active (feed));
      starling_main_view_set_place (shell->view, timelines[i]);
      starling_test_wait_until (page_loaded, page);
      starling_test_wait_for_draw (GTK_WIDGET (page));
      g_assert_true (starling_feed_get_active (feed));
      g_assert_cmpstr (starling_timeline_page_get_state (page), !=, "loading");
      g_assert_cmpstr (starling_timeline_page_get_state (page), !=, "error");
      g_test_message ("%s: %u items, state %s", timelines[i], n_items (page),
                      starling_timeline_page_get_state (page));
    }

  /* Home stays current off screen; the others rest. */
  g_assert_true (starling_feed_get_active (starling_timeline_page_get_feed (home)));
  starling_main_view_set_place (shell->view, "home");
  starling_test_wait_for_draw (GTK_WIDGET (home));
  g_assert_false (starling_feed_get_active (starling_timeline_page_get_feed (place_page (shell, "favourites"))));
  g_assert_null (starling_feed_get_streaming (starling_timeline_page_get_feed (place_page (shell, "local"))));

  shell_free (shell);
}


static gboolean
page_at_end (gpointer data)
{
  StarlingTimelinePage *page = data;
  StarlingFeed *feed = starling_timeline_page_get_feed (page);
  GtkAdjustment *adjustment = starling_timeline_page_get_vadjustment (page);

  /* Down to the bottom each turn, as a reader dragging the scrollbar. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  return starling_feed_get_at_end (feed) && !starling_feed_get_loading_older (feed);
}

static void
test_scroll_to_end (void)
{
  Shell *shell = shell_new (1280, 800, NULL);
  StarlingTimelinePage *home = place_page (shell, "home");
  guint requests, items, expected;
  GtkWidget *last;
  gint64 start;
  Passed passed;

  wait_for_posts (home);
  follow_passed (&passed, home);
  starling_demo_server_clear_requests (server);
  start = g_get_monotonic_time ();
  /* A page at a time: each wait ends at the next frame. */
  while (!page_at_end (home))
    {
      starling_test_wait_for_draw (GTK_WIDGET (home));
      g_assert_cmpint (g_get_monotonic_time () - start, <, 240 * G_TIME_SPAN_SECOND);
    }
  starling_test_wait_for_draw (GTK_WIDGET (home));
  starling_test_wait_for_draw (GTK_WIDGET (home));

  /* Those that were let go above the reader count: they were loaded. */
  items = n_items (home) + passed.left_above;
  unfollow_passed (&passed);
  requests = starling_demo_server_count_requests (server, "GET", "/api/v1/timelines/home*");
  expected = starling_demo_server_count_home_statuses (server);
  g_test_message ("Scrolled to the end of home: %u items (%u kept), %u requests, %.1f s", items, n_items (home),
                  requests, (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (items, >=, 1000);
  /* Memory stays bounded: far fewer are kept. */
  g_assert_cmpuint (n_items (home), <, 2 * starling_timeline_page_get_trim_margin (home) + 200);
  /* All of home but what the account's filters hide. */
  g_assert_cmpuint (items, <=, expected);
  g_assert_cmpuint (items, >=, expected * 9 / 10);
  /* One request per page of 20, and one more that finds nothing older. */
  g_assert_cmpuint (requests, <=, (expected + 19) / 20 + 2);

  /* The footer says so, at the bottom of the list. */
  last = starling_timeline_page_get_row_at (home, n_items (home));
  g_assert_nonnull (last);
  g_assert_true (gtk_widget_get_mapped (last));
  g_assert_nonnull (gtk_widget_get_first_child (last));

  shell_free (shell);
}

static gboolean
is_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

static void
test_thread_and_back (void)
{
  Shell *shell = shell_new (1280, 800, NULL);
  StarlingTimelinePage *home = place_page (shell, "home");
  GtkAdjustment *adjustment = starling_timeline_page_get_vadjustment (home);
  double value, y;
  int position;

  wait_for_posts (home);
  scroll_to (home, 3000);
  position = starling_timeline_page_get_top_position (home) + 1;
  g_assert_true (starling_timeline_page_focus_position (home, position));
  starling_test_wait_for_draw (GTK_WIDGET (home));
  g_assert_cmpint (starling_timeline_page_get_focus_position (home), ==, position);
  value = gtk_adjustment_get_value (adjustment);
  y = row_y_of (home, position);

  /* Enter on a row opens its thread over the timeline. */
  g_signal_emit_by_name (starling_timeline_page_get_list_view (home), "activate", position);
  g_assert_cmpuint (starling_main_view_get_n_pushed (shell->view), ==, 1);
  g_assert_true (STARLING_IS_THREAD_PAGE (starling_main_view_get_visible_page (shell->view)));
  g_assert_true (g_str_has_prefix (starling_main_view_get_title (shell->view), "Post"));
  /* Once the pushed page slid in, the timeline is off screen. */
  starling_test_wait_until (is_unmapped, home);

  g_assert_true (starling_main_view_pop_page (shell->view));
  starling_test_wait_for_draw (GTK_WIDGET (home));
  g_assert_cmpuint (starling_main_view_get_n_pushed (shell->view), ==, 0);
  g_assert_cmpstr (starling_main_view_get_title (shell->view), ==, "Home");
  g_test_message ("Before the thread: scrolled %.0f, the row at %.1f; after: %.0f, %.1f", value, y,
                  gtk_adjustment_get_value (adjustment), row_y_of (home, position));
  g_assert_cmpfloat (fabs (row_y_of (home, position) - y), <, 1);
  g_assert_cmpfloat (fabs (gtk_adjustment_get_value (adjustment) - value), <, 1);
  g_assert_cmpint (starling_timeline_page_get_focus_position (home), ==, position);
  g_assert_false (starling_main_view_pop_page (shell->view));

  shell_free (shell);
}

typedef struct
{
  StarlingTimeline *timeline;
  guint             n_before;
  gint64            deadline;
} Streamed;

static gboolean
streamed_or_late (gpointer data)
{
  Streamed *streamed = data;

  return g_list_model_get_n_items (G_LIST_MODEL (streamed->timeline)) > streamed->n_before
         || g_get_monotonic_time () > streamed->deadline;
}

/* Someone the account follows posts, and the stream brings it. The demo's
 * random text may match one of the account's filters, which hide the
 * post: then someone posts again. */
static char *
stream_a_post (StarlingFeed *feed)
{
  Streamed streamed = { starling_feed_get_timeline (feed), 0, 0 };

  for (guint attempt = 0; attempt < 10; attempt++)
    {
      g_autofree char *id = NULL;

      streamed.n_before = g_list_model_get_n_items (G_LIST_MODEL (streamed.timeline));
      streamed.deadline = g_get_monotonic_time () + 3 * G_TIME_SPAN_SECOND;
      id = starling_demo_server_emit_status (server);
      starling_test_wait_until (streamed_or_late, &streamed);
      if (starling_timeline_contains (streamed.timeline, id))
        return g_steal_pointer (&id);
      g_test_message ("The post %s did not show (filtered?): another one", id);
    }
  g_error ("No streamed post showed");
}

static gboolean
has_n_new (gpointer data)
{
  return starling_timeline_page_get_n_new (data) > 0;
}

static void
test_streamed_post (void)
{
  Shell *shell = shell_new (1280, 800, NULL);
  StarlingTimelinePage *home = place_page (shell, "home");
  StarlingFeed *feed = starling_timeline_page_get_feed (home);
  g_autofree char *id = NULL;
  g_autoptr (GObject) anchor = NULL;
  GtkWidget *pill;
  double y;
  int top;

  wait_for_posts (home);
  g_assert_true (starling_feed_get_live (feed));
  /* Home opened where the reader was (the server's marker). */
  starling_timeline_page_scroll_to_top (home);
  starling_test_wait_for_draw (GTK_WIDGET (home));
  g_assert_cmpuint (starling_timeline_page_get_n_new (home), ==, 0);
  scroll_to (home, 2500);
  top = starling_timeline_page_get_top_position (home) + 1;
  anchor = g_list_model_get_item (G_LIST_MODEL (starling_feed_get_timeline (feed)), top);
  y = row_y_of (home, top);

  id = stream_a_post (feed);
  starling_test_wait_until (has_n_new, home);
  starling_test_wait_for_draw (GTK_WIDGET (home));
  starling_test_wait_for_draw (GTK_WIDGET (home));

  /* The new post went on top, and what the reader saw stayed put. */
  g_assert_true (starling_timeline_contains (starling_feed_get_timeline (feed), id));
  g_assert_cmpint (position_of (home, STARLING_STATUS (anchor)), ==, top + 1);
  g_test_message ("The anchor row was at %.1f, now at %.1f", y, row_y_of (home, top + 1));
  g_assert_cmpfloat (fabs (row_y_of (home, top + 1) - y), <, 1);
  g_assert_cmpuint (starling_timeline_page_get_n_new (home), ==, 1);
  pill = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (home), STARLING_TYPE_TIMELINE_PAGE, "pill_revealer"));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (pill)));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (home),
                                                                                    STARLING_TYPE_TIMELINE_PAGE,
                                                                                    "pill_label"))),
                   ==, "1 new post");

  g_test_message ("The pill shows");
  /* The pill goes up to it. */
  g_signal_emit_by_name (gtk_revealer_get_child (GTK_REVEALER (pill)), "clicked");
  starling_test_wait_for_draw (GTK_WIDGET (home));
  g_assert_cmpfloat (gtk_adjustment_get_value (starling_timeline_page_get_vadjustment (home)), ==, 0);
  g_assert_cmpuint (starling_timeline_page_get_n_new (home), ==, 0);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (pill)));

  g_test_message ("Up at the top");
  /* At the top, the next one shows at once. */
  g_clear_pointer (&id, g_free);
  id = stream_a_post (feed);
  starling_test_wait_for_draw (GTK_WIDGET (home));
  starling_test_wait_for_draw (GTK_WIDGET (home));
  g_assert_cmpfloat (gtk_adjustment_get_value (starling_timeline_page_get_vadjustment (home)), ==, 0);
  g_assert_cmpint (starling_timeline_page_get_top_position (home), ==, 0);
  g_assert_cmpuint (starling_timeline_page_get_n_new (home), ==, 0);

  shell_free (shell);
}

/* Scrolling far down lets go of the posts far above, the row the reader
 * looks at staying where it is; going back up brings every one of them
 * back, in order, and a post streamed meanwhile shows in the pill and
 * then on top. */
#define TRIM_MARGIN 40

static gboolean
trimmed (gpointer data)
{
  return starling_feed_get_trimmed (starling_timeline_page_get_feed (data));
}

typedef struct
{
  StarlingTimelinePage *page;
  guint                 n_before;
  gint64                deadline;
} Pill;

static gboolean
n_new_or_late (gpointer data)
{
  Pill *pill = data;

  return starling_timeline_page_get_n_new (pill->page) > pill->n_before || g_get_monotonic_time () > pill->deadline;
}

typedef struct
{
  StarlingTimelinePage *page;
  guint                 below;
} Fewer;

static gboolean
fewer_items (gpointer data)
{
  Fewer *fewer = data;

  return n_items (fewer->page) < fewer->below;
}

static gboolean
top_gap_loading (StarlingFeed *feed)
{
  StarlingTimelineGap *gap = starling_timeline_get_top_gap (starling_feed_get_timeline (feed));

  return gap != NULL && starling_timeline_gap_get_loading (gap);
}

/* Adds the posts shown now to @order (every post seen, top to bottom):
 * those below the last one known go at the end, those above the first one
 * known at the start. */
static void
record_order (GPtrArray *order,
              GPtrArray *shown)
{
  guint first_known = shown->len;
  guint last_known = 0;
  guint at;

  for (guint i = 0; i < shown->len; i++)
    if (g_ptr_array_find_with_equal_func (order, shown->pdata[i], g_str_equal, NULL))
      {
        if (first_known == shown->len)
          first_known = i;
        last_known = i;
      }

  if (first_known == shown->len)
    {
      g_assert_cmpuint (order->len, ==, 0);
      for (guint i = 0; i < shown->len; i++)
        g_ptr_array_add (order, g_strdup (shown->pdata[i]));
      return;
    }

  /* What is known is shown in the order seen before, with nothing in
   * between that was not there. */
  g_assert_true (g_ptr_array_find_with_equal_func (order, shown->pdata[first_known], g_str_equal, &at));
  for (guint i = first_known; i <= last_known; i++, at++)
    {
      g_assert_cmpuint (at, <, order->len);
      g_assert_cmpstr (shown->pdata[i], ==, order->pdata[at]);
    }
  for (guint i = last_known + 1; i < shown->len; i++)
    g_ptr_array_add (order, g_strdup (shown->pdata[i]));
  for (guint i = first_known; i > 0; i--)
    g_ptr_array_insert (order, 0, g_strdup (shown->pdata[i - 1]));
}

static void
test_trim_far_down (void)
{
  Shell *shell = shell_new (1280, 800, NULL);
  StarlingTimelinePage *home = place_page (shell, "home");
  StarlingFeed *feed = starling_timeline_page_get_feed (home);
  GtkAdjustment *adjustment = starling_timeline_page_get_vadjustment (home);
  g_autoptr (GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) seen_again = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GObject) anchor = NULL;
  g_autoptr (GPtrArray) final = NULL;
  Pill pill = { home, 0, 0 };
  guint deepest, first_at, requests = 0;
  double y, value;
  int top;
  gint64 start;

  /* Nothing goes until the margin is set. */
  starling_timeline_page_set_trim_margin (home, 0);
  wait_for_posts (home);
  starling_timeline_page_scroll_to_top (home);
  starling_test_wait_for_draw (GTK_WIDGET (home));

  /* Down past twice the margin, loading older posts on the way. */
  start = g_get_monotonic_time ();
  while (starling_timeline_page_get_top_position (home) < 3 * TRIM_MARGIN || !feed_idle (home))
    {
      {
        g_autoptr (GPtrArray) shown = post_ids (home);

        record_order (order, shown);
      }
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment)
                                            + gtk_adjustment_get_page_size (adjustment) / 2);
      starling_test_wait_for_draw (GTK_WIDGET (home));
      g_assert_cmpint (g_get_monotonic_time () - start, <, 120 * G_TIME_SPAN_SECOND);
    }
  starling_test_wait_for_draw (GTK_WIDGET (home));
  {
    g_autoptr (GPtrArray) shown = post_ids (home);

    record_order (order, shown);
  }
  g_assert_false (starling_feed_get_trimmed (feed));

  /* The margin comes: what is far above goes, and the row the reader
   * looks at stays where it was. */
  top = starling_timeline_page_get_top_position (home) + 1;
  anchor = g_list_model_get_item (G_LIST_MODEL (starling_feed_get_timeline (feed)), top);
  g_assert_true (STARLING_IS_STATUS (anchor));
  y = row_y_of (home, top);
  value = gtk_adjustment_get_value (adjustment);
  deepest = n_items (home);
  starling_timeline_page_set_trim_margin (home, TRIM_MARGIN);
  starling_test_wait_until (trimmed, home);
  starling_test_wait_for_draw (GTK_WIDGET (home));
  starling_test_wait_for_draw (GTK_WIDGET (home));
  g_assert_cmpuint (n_items (home), <, deepest);
  top = position_of (home, STARLING_STATUS (anchor));
  g_assert_cmpint (top, >, 0);
  g_assert_cmpint (top, <=, TRIM_MARGIN + 2);
  g_test_message ("Trimmed: %u items of %u kept; the row was at %.1f, now at %.1f; scrolled %.0f, now %.0f",
                  n_items (home), deepest, y, row_y_of (home, top), value, gtk_adjustment_get_value (adjustment));
  g_assert_cmpfloat (fabs (row_y_of (home, top) - y), <, 1);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), <, value);
  {
    g_autoptr (GObject) first = g_list_model_get_item (G_LIST_MODEL (starling_feed_get_timeline (feed)), 0);

    g_assert_true (STARLING_IS_TIMELINE_GAP (first));
  }

  /* A post on the stream meanwhile: the pill says so, and it is not put
   * above posts that are not there. */
  for (guint attempt = 0; attempt < 10 && starling_timeline_page_get_n_new (home) == 0; attempt++)
    {
      g_autofree char *id = NULL;

      pill.n_before = starling_timeline_page_get_n_new (home);
      pill.deadline = g_get_monotonic_time () + 3 * G_TIME_SPAN_SECOND;
      id = starling_demo_server_emit_status (server);
      starling_test_wait_until (n_new_or_late, &pill);
      g_assert_false (starling_timeline_contains (starling_feed_get_timeline (feed), id));
    }
  g_assert_cmpuint (starling_timeline_page_get_n_new (home), >, 0);

  /* Back up to the top, as a reader dragging the scrollbar: the posts let
   * go come back ahead of the reader, a page at a time. */
  starling_demo_server_clear_requests (server);
  start = g_get_monotonic_time ();
  while (starling_feed_get_trimmed (feed) || !feed_idle (home) || top_gap_loading (feed))
    {
      g_autoptr (GPtrArray) shown = post_ids (home);

      for (guint i = 0; i < shown->len; i++)
        g_hash_table_add (seen_again, g_strdup (shown->pdata[i]));
      gtk_adjustment_set_value (adjustment, 0);
      starling_test_wait_for_draw (GTK_WIDGET (home));
      g_assert_cmpint (g_get_monotonic_time () - start, <, 120 * G_TIME_SPAN_SECOND);
    }
  starling_test_wait_for_draw (GTK_WIDGET (home));
  requests = starling_demo_server_count_requests (server, "GET", "/api/v1/timelines/home*");
  /* Up at the top, the bottom goes in turn. */
  {
    Fewer fewer = { home, order->len };

    starling_test_wait_until (fewer_items, &fewer);
  }

  /* Every post seen on the way down is back, in order, once, under what
   * came meanwhile. */
  final = post_ids (home);
  for (guint i = 0; i < final->len; i++)
    g_hash_table_add (seen_again, g_strdup (final->pdata[i]));
  g_assert_true (g_ptr_array_find_with_equal_func (final, order->pdata[0], g_str_equal, &first_at));
  for (guint i = first_at; i < final->len; i++)
    g_assert_cmpstr (final->pdata[i], ==, order->pdata[i - first_at]);
  for (guint i = 0; i < order->len; i++)
    if (!g_hash_table_contains (seen_again, order->pdata[i]))
      g_error ("Post %u of %u (%s) never came back", i, order->len, (char *) order->pdata[i]);
  {
    g_autoptr (GHashTable) once = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < final->len; i++)
      g_assert_true (g_hash_table_add (once, final->pdata[i]));
  }
  g_test_message ("Back at the top in %u requests: %u posts kept of the %u seen, %u new on top", requests,
                  n_items (home), order->len, first_at);

  shell_free (shell);
}

static gboolean
index_listed (gpointer data)
{
  return g_strcmp0 (starling_index_page_get_state (data), "list") == 0;
}

static gboolean
hashtag_known (gpointer data)
{
  return !starling_hashtag_page_get_busy (data);
}

static void
test_keyboard_and_actions (void)
{
  Shell *shell = shell_new (1280, 800, NULL);
  StarlingTimelinePage *home = place_page (shell, "home");
  StarlingFeed *feed = starling_timeline_page_get_feed (home);
  GtkWidget *row, *item_widget;
  StarlingStatus *status;
  g_autoptr (GObject) first = NULL;
  g_autoptr (GObject) third = NULL;
  g_autofree char *expected = NULL;
  guint n;

  wait_for_posts (home);
  starling_timeline_page_scroll_to_top (home);
  starling_test_wait_for_draw (GTK_WIDGET (home));

  /* The list reads as a list of posts, each one a list item. */
  row = starling_timeline_page_get_row_at (home, 0);
  item_widget = gtk_widget_get_parent (row);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (starling_timeline_page_get_list_view (home))),
                   ==, GTK_ACCESSIBLE_ROLE_LIST);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (item_widget)), ==,
                   GTK_ACCESSIBLE_ROLE_LIST_ITEM);
  g_assert_true (gtk_widget_get_focusable (item_widget));

  /* j and k (timeline.next, timeline.previous) move between posts. */
  g_assert_true (starling_timeline_page_focus_position (home, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (home), "timeline.next", NULL));
  starling_test_wait_for_draw (GTK_WIDGET (home));
  g_assert_cmpint (starling_timeline_page_get_focus_position (home), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (home), "timeline.next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (home), "timeline.previous", NULL);
  starling_test_wait_for_draw (GTK_WIDGET (home));
  g_assert_cmpint (starling_timeline_page_get_focus_position (home), ==, 1);

  /* f favourites the focused post. */
  status = starling_status_row_get_status (STARLING_STATUS_ROW (starling_timeline_page_get_row_at (home, 1)));
  if (starling_status_get_reblog (status) != NULL)
    status = starling_status_get_reblog (status);
  starling_demo_server_clear_requests (server);
  gtk_widget_activate_action (GTK_WIDGET (home), "timeline.favourite", NULL);
  g_assert_cmpuint (starling_demo_server_count_requests (server, "POST", "/api/v1/statuses/*/*favourite"), <=, 1);
  while (starling_demo_server_count_requests (server, "POST", "/api/v1/statuses/*/*favourite") == 0)
    run_for (20);
  g_test_message ("Favourited %s: %d", starling_status_get_id (status), starling_status_get_favourited (status));

  /* r and Ctrl+N say that writing comes with the composer. */
  gtk_widget_activate_action (GTK_WIDGET (home), "timeline.reply", NULL);
  g_assert_nonnull (starling_test_find_label (GTK_WIDGET (shell->overlay),
                                              "Writing posts is not available yet: Starling’s composer is still to come"));

  /* Report opens the post on the account's server, where the web
   * interface has the report form. */
  first = g_list_model_get_item (G_LIST_MODEL (starling_feed_get_timeline (feed)), 0);
  status = STARLING_STATUS (first);
  gtk_widget_activate_action (GTK_WIDGET (home), "status.report", "s", starling_status_get_id (status));
  g_assert_cmpuint (shell->opened->len, ==, 1);
  expected = g_strdup_printf ("%s/@%s/%s", starling_demo_server_get_base_uri (server),
                              starling_account_get_acct (starling_status_get_account (status)),
                              starling_status_get_id (status));
  g_assert_cmpstr (g_ptr_array_index (shell->opened, 0), ==, expected);

  /* A deleted post leaves the timelines. */
  third = g_list_model_get_item (G_LIST_MODEL (starling_feed_get_timeline (feed)), 2);
  n = n_items (home);
  gtk_widget_activate_action (GTK_WIDGET (home), "status.deleted", "s",
                              starling_status_get_id (STARLING_STATUS (third)));
  g_assert_cmpuint (n_items (home), ==, n - 1);
  g_assert_cmpint (position_of (home, STARLING_STATUS (third)), ==, -1);

  shell_free (shell);
}

static void
test_hashtags_and_lists (void)
{
  Shell *shell = shell_new (1280, 800, NULL);
  StarlingHashtagPage *hashtag;
  StarlingIndexPage *index;
  GtkWidget *page, *header;
  gboolean following;

  /* The followed hashtags, each opening its page. */
  starling_main_view_set_place (shell->view, "hashtags");
  index = STARLING_INDEX_PAGE (starling_main_view_get_page (shell->view, "hashtags"));
  starling_test_wait_until (index_listed, index);
  g_assert_cmpuint (starling_index_page_get_n_rows (index), ==, 2);
  starling_index_page_activate_row (index, 0);
  page = starling_main_view_get_visible_page (shell->view);
  g_assert_true (STARLING_IS_HASHTAG_PAGE (page));
  hashtag = STARLING_HASHTAG_PAGE (page);
  g_assert_cmpstr (starling_main_view_get_title (shell->view), ==, "#coffee");
  wait_for_posts (starling_hashtag_page_get_timeline_page (hashtag));
  starling_test_wait_until (hashtag_known, hashtag);
  g_assert_true (starling_hashtag_page_get_following (hashtag));

  /* Its Follow button is in the header. */
  header = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (shell->view), STARLING_TYPE_MAIN_VIEW,
                                                      "header_end_slot"));
  g_assert_nonnull (starling_test_find_label (header, "Unfollow"));
  starling_hashtag_page_toggle_follow (hashtag);
  starling_test_wait_until (hashtag_known, hashtag);
  g_assert_false (starling_hashtag_page_get_following (hashtag));
  g_assert_cmpuint (starling_demo_server_count_requests (server, "POST", "/api/v1/tags/coffee/unfollow"), ==, 1);
  starling_hashtag_page_toggle_follow (hashtag);
  starling_test_wait_until (hashtag_known, hashtag);
  following = starling_hashtag_page_get_following (hashtag);
  g_assert_true (following);
  g_assert_true (starling_main_view_pop_page (shell->view));

  /* A hashtag in a post opens the same way. */
  starling_main_view_set_place (shell->view, "home");
  gtk_widget_activate_action (GTK_WIDGET (place_page (shell, "home")), "status.open-tag", "s", "#espresso");
  page = starling_main_view_get_visible_page (shell->view);
  g_assert_true (STARLING_IS_HASHTAG_PAGE (page));
  g_assert_cmpstr (starling_hashtag_page_get_tag (STARLING_HASHTAG_PAGE (page)), ==, "espresso");
  starling_test_wait_until (hashtag_known, page);
  g_assert_false (starling_hashtag_page_get_following (STARLING_HASHTAG_PAGE (page)));
  g_assert_nonnull (starling_test_find_label (header, "Follow"));
  g_assert_true (starling_main_view_pop_page (shell->view));

  /* The lists, each opening its timeline. */
  starling_main_view_set_place (shell->view, "lists");
  index = STARLING_INDEX_PAGE (starling_main_view_get_page (shell->view, "lists"));
  starling_test_wait_until (index_listed, index);
  g_assert_cmpuint (starling_index_page_get_n_rows (index), >, 0);
  starling_index_page_activate_row (index, 0);
  page = starling_main_view_get_visible_page (shell->view);
  g_assert_true (STARLING_IS_TIMELINE_PAGE (page));
  g_assert_cmpint (starling_feed_get_kind (starling_timeline_page_get_feed (STARLING_TIMELINE_PAGE (page))), ==,
                   STARLING_FEED_LIST);
  starling_test_wait_until (page_loaded, page);
  g_test_message ("List %s: %u posts", starling_main_view_get_title (shell->view),
                  n_items (STARLING_TIMELINE_PAGE (page)));
  g_assert_cmpstr (starling_timeline_page_get_state (STARLING_TIMELINE_PAGE (page)), ==, "list");

  shell_free (shell);
}

/* Accounts on servers of their own: switching swaps the pages, keeps
 * the last two accounts' pages alive, and lets the third's go. */
static void
test_switch_accounts (void)
{
  Shell *shell = shell_new (1280, 800, NULL);
  StarlingAccountSession *accounts[3] = { shell->account, NULL, NULL };
  StarlingDemoServer *others[2];
  GtkWidget *first_home = GTK_WIDGET (place_page (shell, "home"));
  /* The shell's session sends every host to the first demo server: the
   * others are reached directly, on loopback. */
  g_autoptr (SoupSession) plain = starling_session_new (NULL);
  g_autoptr (StarlingAccountManager) manager = starling_account_manager_new (plain, NULL, NULL);

  wait_for_posts (STARLING_TIMELINE_PAGE (first_home));
  g_object_add_weak_pointer (G_OBJECT (first_home), (gpointer *) &first_home);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *token = NULL;

      others[i] = starling_demo_server_new (SEED + 1 + i);
      g_assert_true (starling_demo_server_start (others[i], &error));
      g_assert_no_error (error);
      token = starling_demo_server_create_token (others[i], "read write follow push");
      starling_account_manager_add_async (manager, starling_demo_server_get_base_uri (others[i]), token,
                                          NULL, result_cb, &result);
      accounts[i + 1] = starling_account_manager_add_finish (manager, wait_result (&result), &error);
      g_assert_no_error (error);
    }

  starling_reader_set_session (shell->reader, accounts[1]);
  g_assert_true (place_page (shell, "home") != STARLING_TIMELINE_PAGE (first_home));
  g_assert_true (starling_timeline_page_get_session (place_page (shell, "home")) == accounts[1]);
  wait_for_posts (place_page (shell, "home"));
  g_assert_cmpuint (starling_reader_get_n_accounts_kept (shell->reader), ==, 2);

  /* Back: the same page, with its posts, at once. */
  starling_reader_set_session (shell->reader, accounts[0]);
  g_assert_true (place_page (shell, "home") == STARLING_TIMELINE_PAGE (first_home));
  g_assert_cmpstr (starling_timeline_page_get_state (place_page (shell, "home")), ==, "list");

  /* A third account: the one shown longest ago goes. */
  starling_reader_set_session (shell->reader, accounts[2]);
  g_assert_cmpuint (starling_reader_get_n_accounts_kept (shell->reader), ==, 2);
  starling_reader_set_session (shell->reader, accounts[1]);
  g_assert_cmpuint (starling_reader_get_n_accounts_kept (shell->reader), ==, 2);
  run_for (50);
  g_assert_null (first_home);

  starling_reader_set_session (shell->reader, accounts[0]);

  /* An account that leaves its manager leaves the reader. */
  starling_reader_set_account_manager (shell->reader, shell->manager);
  g_assert_cmpuint (starling_reader_get_n_accounts_kept (shell->reader), ==, 1);
  g_assert_true (starling_timeline_page_get_session (place_page (shell, "home")) == accounts[0]);

  shell_free (shell);
  for (guint i = 0; i < 2; i++)
    {
      starling_demo_server_stop (others[i]);
      g_clear_object (&others[i]);
      g_clear_object (&accounts[i + 1]);
    }
}

static gboolean
pictures_loaded (gpointer data)
{
  StarlingTimelinePage *page = data;
  int top = MAX (starling_timeline_page_get_top_position (page), 0);

  for (int i = top; i < top + 8; i++)
    {
      GtkWidget *row = starling_timeline_page_get_row_at (page, i);

      if (STARLING_IS_STATUS_ROW (row) && starling_status_row_get_images_pending (STARLING_STATUS_ROW (row)) > 0)
        return FALSE;
    }
  return TRUE;
}

static void
screenshot_home (int         width,
                 int         height,
                 const char *name)
{
  Shell *shell = shell_new (width, height, NULL);
  StarlingTimelinePage *home = place_page (shell, "home");
  int shown_width = gtk_widget_get_width (GTK_WIDGET (shell->window));
  int shown_height = gtk_widget_get_height (GTK_WIDGET (shell->window));

  /* The window's size counts what the frame takes: the picture is of
   * the size asked. */
  if (shown_width != width || shown_height != height)
    gtk_window_set_default_size (shell->window, 2 * width - shown_width, 2 * height - shown_height);
  wait_for_posts (home);
  starling_timeline_page_scroll_to_top (home);
  starling_test_wait_for_draw (GTK_WIDGET (home));
  starling_test_wait_until (pictures_loaded, home);
  /* The last pictures fade in. */
  run_for (400);
  starling_test_wait_for_draw (GTK_WIDGET (shell->window));
  g_test_message ("%s: %d × %d", name, gtk_widget_get_width (GTK_WIDGET (shell->window)),
                  gtk_widget_get_height (GTK_WIDGET (shell->window)));
  starling_test_save_screenshot (GTK_WIDGET (shell->window), name);
  shell_free (shell);
}

static void
test_screenshots (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  screenshot_home (1280, 800, "home");
  screenshot_home (360, 720, "narrow");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  screenshot_home (1280, 800, "dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* The rows a page has now. */
static guint
n_rows (StarlingTimelinePage *page)
{
  guint n = 0;

  for (guint i = 0; i < n_items (page); i++)
    if (starling_timeline_page_get_row_at (page, i) != NULL)
      n++;
  return n;
}

static gboolean
has_last_row (gpointer data)
{
  return starling_timeline_page_get_row_at (data, n_items (data) - 1) != NULL;
}

typedef struct
{
  StarlingTimelinePage *page;
  guint                 added;
  guint                 rows;
} FirstMerge;

/* After the list view heard of the change, which it answers at once by
 * making and binding the rows it shows. */
static void
first_merge_cb (GListModel *model,
                guint       position,
                guint       removed,
                guint       added,
                FirstMerge *merge)
{
  if (merge->added > 0 || added == 0)
    return;
  merge->added = added;
  merge->rows = n_rows (merge->page);
}

/* GTK 4.8's list view makes a row for each of the first 200 items: the
 * posts kept come on screen a few a frame, then the page goes where the
 * reader was and asks the server. */
static void
test_cache_revealed (void)
{
  g_autoptr (StarlingDatabase) database = open_database ("revealed.db");
  g_autoptr (StarlingAccountManager) manager = NULL;
  g_autoptr (StarlingAccountSession) account = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  StarlingTimelinePage *home;
  StarlingFeed *feed;
  Shell *shell = shell_new (1280, 800, database);
  FirstMerge merge = { 0 };
  guint cached;

  home = place_page (shell, "home");
  wait_for_posts (home);
  feed = starling_timeline_page_get_feed (home);
  while (n_items (home) < 50 && !starling_feed_get_at_end (feed))
    {
      starling_feed_load_older_async (feed, NULL, result_cb, &result);
      g_assert_true (starling_feed_load_older_finish (feed, wait_result (&result), &error));
      g_assert_no_error (error);
      g_clear_object (&result);
    }
  starling_feed_flush_cache_async (feed, NULL, result_cb, &result);
  g_assert_true (starling_feed_flush_cache_finish (feed, wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  cached = n_items (home);
  g_assert_cmpuint (cached, >=, 50);

  manager = g_object_ref (shell->manager);
  account = g_object_ref (shell->account);
  shell_free (shell);

  /* The same account in a new window: its home starts from the cache. */
  shell = shell_build (1280, 800, database, manager, account);
  home = place_page (shell, "home");
  merge.page = home;
  g_signal_connect_after (starling_feed_get_timeline (starling_timeline_page_get_feed (home)), "items-changed",
                          G_CALLBACK (first_merge_cb), &merge);
  gtk_window_present (shell->window);
  starling_test_wait_until (page_shows_list, home);
  starling_test_wait_until (feed_idle, home);
  starling_test_wait_for_draw (GTK_WIDGET (home));
  g_signal_handlers_disconnect_by_data (starling_feed_get_timeline (starling_timeline_page_get_feed (home)),
                                        &merge);

  g_assert_cmpuint (merge.added, ==, cached);
  g_assert_cmpuint (merge.rows, >, 0);
  g_assert_cmpuint (merge.rows, <=, 10);
  /* Then the others, a few a frame, down to the last. */
  starling_test_wait_until (has_last_row, home);
  g_test_message ("The cache brought %u posts; %u had rows in the first frame, %u now (of %u)", merge.added,
                  merge.rows, n_rows (home), n_items (home));
  g_assert_cmpuint (n_items (home), >=, cached);

  shell_free (shell);
}

/* Last: it stops the demo server. */
static void
test_offline_start (void)
{
  g_autoptr (StarlingDatabase) database = open_database ("offline.db");
  g_autoptr (StarlingAccountManager) manager = NULL;
  g_autoptr (StarlingAccountSession) account = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  StarlingTimelinePage *home;
  Shell *shell = shell_new (1280, 800, database);
  const char *banner;
  guint cached;

  home = place_page (shell, "home");
  wait_for_posts (home);
  starling_feed_flush_cache_async (starling_timeline_page_get_feed (home), NULL, result_cb, &result);
  g_assert_true (starling_feed_flush_cache_finish (starling_timeline_page_get_feed (home),
                                                   wait_result (&result), &error));
  g_assert_no_error (error);
  cached = n_items (home);

  /* A new window for the same account, with the server gone. */
  manager = g_object_ref (shell->manager);
  account = g_object_ref (shell->account);
  shell_free (shell);
  starling_demo_server_stop (server);

  shell = shell_new_for (1280, 800, database, manager, account);
  home = place_page (shell, "home");
  starling_test_wait_until (page_shows_list, home);
  starling_test_wait_until (feed_idle, home);
  starling_test_wait_for_draw (GTK_WIDGET (home));
  g_assert_cmpuint (n_items (home), >, 0);
  g_assert_cmpuint (n_items (home), <=, cached);
  g_assert_true (STARLING_IS_STATUS_ROW (starling_timeline_page_get_row_at (home, 0)));
  g_assert_error (starling_feed_get_error (starling_timeline_page_get_feed (home)),
                  STARLING_API_ERROR, STARLING_API_ERROR_NETWORK);
  banner = starling_timeline_page_get_banner_message (home);
  g_assert_nonnull (banner);
  g_test_message ("Offline banner: %s", banner);
  g_assert_nonnull (strstr (banner, "cannot be reached"));
  starling_test_save_screenshot (GTK_WIDGET (shell->window), "offline");

  shell_free (shell);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  server = starling_demo_server_new (SEED);
  g_assert_true (starling_demo_server_start (server, &error));
  g_assert_no_error (error);
  session = starling_session_new (starling_demo_server_get_proxy_resolver (server));
  tmp_dir = g_dir_make_tmp ("starling-timeline-ui-XXXXXX", &error);
  g_assert_no_error (error);
  {
    g_autofree char *cache_dir = g_build_filename (tmp_dir, "images", NULL);

    loader = starling_image_loader_new (session, cache_dir);
  }

  g_test_add_func ("/starling/timeline-ui/places", test_places);
  g_test_add_func ("/starling/timeline-ui/thread-and-back", test_thread_and_back);
  g_test_add_func ("/starling/timeline-ui/streamed-post", test_streamed_post);
  g_test_add_func ("/starling/timeline-ui/keyboard-and-actions", test_keyboard_and_actions);
  g_test_add_func ("/starling/timeline-ui/hashtags-and-lists", test_hashtags_and_lists);
  g_test_add_func ("/starling/timeline-ui/switch-accounts", test_switch_accounts);
  g_test_add_func ("/starling/timeline-ui/scroll-to-end", test_scroll_to_end);
  g_test_add_func ("/starling/timeline-ui/trim-far-down", test_trim_far_down);
  g_test_add_func ("/starling/timeline-ui/screenshots", test_screenshots);
  g_test_add_func ("/starling/timeline-ui/cache-revealed", test_cache_revealed);
  g_test_add_func ("/starling/timeline-ui/offline-start", test_offline_start);

  ret = g_test_run ();

  g_clear_object (&loader);
  g_clear_object (&session);
  starling_demo_server_stop (server);
  g_clear_object (&server);
  g_free (tmp_dir);

  return ret;
}
