/* test-thread-page.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * StarlingThreadPage in a real window (Xvfb in CI) against the demo
 * instance: the order and indentation of a thread, the focused post's
 * details, the post shown at once from the identity map, loading errors
 * with Retry, and answers that arrive on the stream.
 */

#include "config.h"

#include <string.h>

#include "model/starling-context.h"
#include "ui/profile/starling-account-list-window.h"
#include "ui/thread/starling-thread-item.h"
#include "ui/thread/starling-thread-page.h"
#include "ui/thread/starling-thread-row.h"

#include "starling-test-demo.h"
#include "starling-test-ui.h"

#define SEED 4242

static StarlingTestDemo *demo;

/* Helpers */

static StarlingContext *
fetch_context (const char *id)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  StarlingContext *context;

  starling_client_get_status_context_async (demo->client, id, NULL, starling_test_demo_result_cb, &result);
  result = starling_test_demo_wait_result (&result);
  context = starling_client_entity_finish (demo->client, result, &error);
  g_assert_no_error (error);
  return context;
}

static StarlingStatus *
fetch_status (const char *id)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  StarlingStatus *status;

  starling_client_get_status_async (demo->client, id, NULL, starling_test_demo_result_cb, &result);
  result = starling_test_demo_wait_result (&result);
  status = starling_client_entity_finish (demo->client, result, &error);
  g_assert_no_error (error);
  return status;
}

static gboolean
page_settled (gpointer data)
{
  StarlingThreadPage *page = data;

  /* The thread is in once the focused post has company, or an error. */
  return g_str_equal (starling_thread_page_get_state (page), "error")
         || (g_str_equal (starling_thread_page_get_state (page), "thread")
             && g_list_model_get_n_items (starling_thread_page_get_model (page)) > 1);
}

static StarlingThreadItem *
item_at (StarlingThreadPage *page,
         guint               position)
{
  StarlingThreadItem *item = g_list_model_get_item (starling_thread_page_get_model (page), position);

  g_assert_nonnull (item);
  g_object_unref (item);   /* the model keeps it */
  return item;
}

static const char *
id_at (StarlingThreadPage *page,
       guint               position)
{
  return starling_status_get_id (starling_thread_item_get_status (item_at (page, position)));
}

static const char *
author_of (StarlingStatus *status)
{
  return starling_account_get_id (starling_status_get_account (status));
}

/* The thread rows on screen, in the order they are shown. */
static GPtrArray *
visible_rows (StarlingThreadPage *page)
{
  GtkWidget *list_view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), STARLING_TYPE_THREAD_PAGE, "list_view"));
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (list_view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (STARLING_IS_THREAD_ROW (row) && gtk_widget_get_child_visible (child)
          && starling_thread_row_get_item (STARLING_THREAD_ROW (row)) != NULL)
        g_ptr_array_add (rows, row);
    }
  return rows;
}

static StarlingThreadRow *
focused_row (StarlingThreadPage *page)
{
  g_autoptr (GPtrArray) rows = visible_rows (page);

  for (guint i = 0; i < rows->len; i++)
    {
      StarlingThreadItem *item = starling_thread_row_get_item (rows->pdata[i]);

      if (starling_thread_item_get_role (item) == STARLING_THREAD_FOCUSED)
        return rows->pdata[i];
    }
  return NULL;
}

static GtkAdjustment *
vadjustment (StarlingThreadPage *page)
{
  GObject *scrolled = gtk_widget_get_template_child (GTK_WIDGET (page), STARLING_TYPE_THREAD_PAGE, "scrolled");

  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
}

static gboolean
scrolled_down (gpointer data)
{
  return gtk_adjustment_get_value (vadjustment (data)) > 0;
}

/* The @n-th post of the brand's long thread (1 is the first; 0 is the
 * last): n - 1 ancestors, the rest of the thread and others' answers
 * below. */
static char *
chain_post_id (guint n)
{
  g_autofree char *root = starling_demo_server_dup_thread_root_id (demo->server);
  g_autoptr (StarlingContext) context = fetch_context (root);
  GPtrArray *descendants = starling_context_get_descendants (context);
  const char *brand = starling_demo_server_get_brand_id (demo->server);
  const char *previous = root;

  /* The brand's own chain: each post answers the one before. */
  for (guint i = 0, found = 1; i < descendants->len && found != n; i++)
    {
      StarlingStatus *status = g_ptr_array_index (descendants, i);

      if (g_strcmp0 (author_of (status), brand) == 0
          && g_strcmp0 (starling_status_get_in_reply_to_id (status), previous) == 0)
        {
          previous = starling_status_get_id (status);
          found++;
        }
    }
  g_assert_true (previous != root);
  return g_strdup (previous);
}

/* Tests */

static void
test_order (void)
{
  g_autofree char *id = chain_post_id (3);
  g_autoptr (StarlingContext) context = fetch_context (id);
  GPtrArray *ancestors = starling_context_get_ancestors (context);
  GPtrArray *descendants = starling_context_get_descendants (context);
  GtkWidget *page = starling_thread_page_new (demo->account, id);
  StarlingThreadPage *thread = STARLING_THREAD_PAGE (page);
  GtkWindow *window;
  g_autoptr (GHashTable) depths = g_hash_table_new (g_str_hash, g_str_equal);
  const char *brand = starling_demo_server_get_brand_id (demo->server);
  StarlingThreadRow *row;
  guint n_answers = 0;
  guint n_chain = 0;

  starling_thread_page_set_image_loader (thread, demo->loader);
  window = starling_test_demo_window (demo, page, 1280, 800);
  gtk_window_present (window);
  starling_test_wait_until (page_settled, page);
  g_assert_cmpstr (starling_thread_page_get_state (thread), ==, "thread");
  g_assert_cmpuint (ancestors->len, ==, 2);
  g_assert_cmpuint (descendants->len, >, 10);

  /* The server's order: ancestors, the post, descendants depth first. */
  g_assert_cmpuint (g_list_model_get_n_items (starling_thread_page_get_model (thread)), ==,
                    ancestors->len + 1 + descendants->len);
  for (guint i = 0; i < ancestors->len; i++)
    {
      g_assert_cmpstr (id_at (thread, i), ==, starling_status_get_id (g_ptr_array_index (ancestors, i)));
      g_assert_cmpint (starling_thread_item_get_role (item_at (thread, i)), ==, STARLING_THREAD_ANCESTOR);
      g_assert_cmpuint (starling_thread_item_get_depth (item_at (thread, i)), ==, 0);
    }
  g_assert_cmpuint (starling_thread_page_get_focused_position (thread), ==, 2);
  g_assert_cmpstr (id_at (thread, 2), ==, id);
  g_assert_cmpint (starling_thread_item_get_role (item_at (thread, 2)), ==, STARLING_THREAD_FOCUSED);

  /* The brand going on with its thread stays in line; others' answers
   * are one level in from the post they answer. */
  g_hash_table_insert (depths, (gpointer) id, GUINT_TO_POINTER (0));
  for (guint i = 0; i < descendants->len; i++)
    {
      StarlingStatus *status = g_ptr_array_index (descendants, i);
      StarlingThreadItem *item = item_at (thread, 3 + i);
      guint parent_depth = GPOINTER_TO_UINT (g_hash_table_lookup (depths, starling_status_get_in_reply_to_id (status)));
      guint depth = starling_thread_item_get_depth (item);

      g_assert_cmpstr (id_at (thread, 3 + i), ==, starling_status_get_id (status));
      g_assert_cmpint (starling_thread_item_get_role (item), ==, STARLING_THREAD_DESCENDANT);
      g_assert_true (g_hash_table_contains (depths, starling_status_get_in_reply_to_id (status)));
      if (g_strcmp0 (author_of (status), brand) == 0 && parent_depth == 0)
        {
          g_assert_cmpuint (depth, ==, 0);
          n_chain++;
        }
      else
        {
          g_assert_cmpuint (depth, ==, parent_depth + 1);
          n_answers++;
        }
      g_hash_table_insert (depths, (gpointer) starling_status_get_id (status), GUINT_TO_POINTER (depth));
    }
  g_assert_cmpuint (n_chain, >, 5);
  g_assert_cmpuint (n_answers, >, 0);

  /* The page scrolled to the focused post, whose row says more. */
  starling_test_wait_until (scrolled_down, page);
  starling_test_wait_for_draw (GTK_WIDGET (window));
  row = focused_row (thread);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "focused"));
  g_assert_cmpuint (starling_thread_row_get_n_lines (row), ==, 0);
  g_assert_nonnull (starling_thread_row_get_details (row));
  g_assert_nonnull (strstr (starling_thread_row_get_details (row), "Quiet public"));

  /* Others' answers come after the brand's chain, indented: at the
   * end of the list, each row draws one line per level. */
  gtk_widget_activate_action (GTK_WIDGET (gtk_widget_get_template_child (page, STARLING_TYPE_THREAD_PAGE, "list_view")),
                              "list.scroll-to-item", "u",
                              g_list_model_get_n_items (starling_thread_page_get_model (thread)) - 1);
  starling_test_wait_for_draw (GTK_WIDGET (window));
  starling_test_wait_for_draw (GTK_WIDGET (window));
  {
    g_autoptr (GPtrArray) rows = visible_rows (thread);
    gboolean indented = FALSE;

    g_assert_cmpuint (rows->len, >, 0);
    for (guint i = 0; i < rows->len; i++)
      {
        StarlingThreadItem *item = starling_thread_row_get_item (rows->pdata[i]);

        g_assert_cmpuint (starling_thread_row_get_n_lines (rows->pdata[i]), ==,
                          starling_thread_item_get_shown_depth (item));
        indented |= starling_thread_item_get_depth (item) > 0;
      }
    g_assert_true (indented);
  }

  /* Another post of the thread opens its own page. */
  g_signal_emit_by_name (gtk_widget_get_template_child (page, STARLING_TYPE_THREAD_PAGE, "list_view"), "activate", 0);
  g_assert_cmpstr (starling_test_demo_asked (demo, "open-thread"), ==, id_at (thread, 0));

  gtk_window_destroy (window);
}

static gboolean
images_loaded (gpointer data)
{
  g_autoptr (GPtrArray) rows = visible_rows (data);

  for (guint i = 0; i < rows->len; i++)
    if (starling_status_row_get_images_pending (starling_thread_row_get_status_row (rows->pdata[i])) > 0)
      return FALSE;
  return rows->len > 0;
}

/* The end of the long thread, with the answers to its last post. */
static void
test_screenshot (void)
{
  g_autofree char *id = chain_post_id (0);
  GtkWidget *page = starling_thread_page_new (demo->account, id);
  StarlingThreadPage *thread = STARLING_THREAD_PAGE (page);
  GtkWindow *window;
  guint focused;

  starling_thread_page_set_image_loader (thread, demo->loader);
  window = starling_test_demo_window (demo, page, 1280, 800);
  gtk_window_present (window);
  starling_test_wait_until (page_settled, page);
  focused = starling_thread_page_get_focused_position (thread);
  g_assert_cmpuint (focused, >, 20);
  g_assert_cmpuint (g_list_model_get_n_items (starling_thread_page_get_model (thread)), >, focused + 1);
  g_assert_cmpuint (starling_thread_item_get_depth (item_at (thread, focused + 1)), ==, 1);

  starling_test_wait_until (scrolled_down, page);
  starling_test_wait_until (images_loaded, page);
  g_assert_nonnull (focused_row (thread));
  starling_test_save_screenshot (GTK_WIDGET (window), "thread");

  gtk_window_destroy (window);
}

static void
test_engaged_by (void)
{
  g_autofree char *root = starling_demo_server_dup_thread_root_id (demo->server);
  g_autoptr (StarlingStatus) status = fetch_status (root);
  GtkWidget *page = starling_thread_page_new (demo->account, root);
  GtkWindow *window = starling_test_demo_window (demo, page, 900, 800);
  StarlingAccountListWindow *list;
  StarlingThreadRow *row;

  g_assert_cmpint (starling_status_get_favourites_count (status), >, 0);
  gtk_window_present (window);
  starling_test_wait_until (page_settled, page);
  starling_test_wait_for_draw (GTK_WIDGET (window));
  row = focused_row (STARLING_THREAD_PAGE (page));
  g_assert_nonnull (row);

  /* The count of favourites opens the list of who favourited. */
  starling_demo_server_clear_requests (demo->server);
  gtk_widget_activate_action (GTK_WIDGET (row), "thread.favourited-by", "s", root);
  list = STARLING_ACCOUNT_LIST_WINDOW (starling_test_find_toplevel (STARLING_TYPE_ACCOUNT_LIST_WINDOW));
  g_assert_nonnull (list);
  starling_test_wait_until ((gboolean (*) (gpointer)) g_list_model_get_n_items,
                            starling_account_list_window_get_accounts (list));
  g_assert_cmpuint (starling_demo_server_count_requests (demo->server, "GET", "/api/v1/statuses/*/favourited_by"), ==, 1);

  /* Choosing one asks the page's navigation for the profile. */
  {
    g_autoptr (StarlingAccount) first = g_list_model_get_item (starling_account_list_window_get_accounts (list), 0);

    starling_account_list_window_activate_account (list, 0);
    g_assert_cmpstr (starling_test_demo_asked (demo, "open-account"), ==, starling_account_get_id (first));
  }

  gtk_window_destroy (window);
}

static void
test_from_map (void)
{
  g_autofree char *root = starling_demo_server_dup_thread_root_id (demo->server);
  g_autoptr (StarlingStatus) status = fetch_status (root);
  GtkWidget *page;

  /* Known already: shown before the main loop turns once. */
  starling_demo_server_clear_requests (demo->server);
  page = g_object_ref_sink (starling_thread_page_new (demo->account, root));
  g_assert_cmpstr (starling_thread_page_get_state (STARLING_THREAD_PAGE (page)), ==, "thread");
  g_assert_cmpuint (g_list_model_get_n_items (starling_thread_page_get_model (STARLING_THREAD_PAGE (page))), ==, 1);
  g_assert_true (starling_thread_item_get_status (item_at (STARLING_THREAD_PAGE (page), 0)) == status);
  g_assert_true (g_str_has_prefix (starling_thread_page_get_title (STARLING_THREAD_PAGE (page)), "Post by "));

  starling_test_wait_until (page_settled, page);
  /* Only the thread was asked for (the pattern matches it too). */
  g_assert_cmpuint (starling_demo_server_count_requests (demo->server, "GET", "/api/v1/statuses/*/context"), ==, 1);
  g_assert_cmpuint (starling_demo_server_count_requests (demo->server, "GET", "/api/v1/statuses/*"), ==, 1);

  g_assert_finalize_object (page);
}

static void
test_error_retry (void)
{
  g_autofree char *root = starling_demo_server_dup_thread_root_id (demo->server);
  g_autofree char *path = g_strdup_printf ("/api/v1/statuses/%s", root);
  GtkWidget *page;
  GtkWindow *window;

  /* Nothing holds the post: the page asks the server, which fails. */
  g_assert_null (starling_entity_map_lookup (starling_account_session_get_entity_map (demo->account),
                                             STARLING_TYPE_STATUS, root));
  starling_demo_server_add_fault (demo->server, "GET", path, STARLING_DEMO_FAULT_SERVER_ERROR, 2, 503);
  page = starling_thread_page_new (demo->account, root);
  g_assert_cmpstr (starling_thread_page_get_state (STARLING_THREAD_PAGE (page)), ==, "loading");
  window = starling_test_demo_window (demo, page, 900, 700);
  gtk_window_present (window);
  starling_test_wait_until (page_settled, page);
  g_assert_cmpstr (starling_thread_page_get_state (STARLING_THREAD_PAGE (page)), ==, "error");
  starling_test_wait_for_draw (GTK_WIDGET (window));
  starling_test_save_screenshot (GTK_WIDGET (window), "thread-error");

  /* Retry: the server answers now. */
  starling_test_click (GTK_WIDGET (gtk_widget_get_template_child (page, STARLING_TYPE_THREAD_PAGE, "retry_button")));
  starling_test_wait_until (page_settled, page);
  g_assert_cmpstr (starling_thread_page_get_state (STARLING_THREAD_PAGE (page)), ==, "thread");
  g_assert_cmpstr (id_at (STARLING_THREAD_PAGE (page), 0), ==, root);
  starling_demo_server_clear_faults (demo->server);

  gtk_window_destroy (window);
}

static gboolean
has_items (gpointer data)
{
  gpointer *wait = data;

  return g_list_model_get_n_items (wait[0]) >= GPOINTER_TO_UINT (wait[1]);
}

static void
test_streamed_reply (void)
{
  g_autofree char *root = starling_demo_server_dup_thread_root_id (demo->server);
  GtkWidget *page = starling_thread_page_new (demo->account, root);
  GtkWindow *window = starling_test_demo_window (demo, page, 900, 700);
  StarlingThreadPage *thread = STARLING_THREAD_PAGE (page);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingStatus) reply = NULL;
  g_autoptr (StarlingStatus) answer = NULL;
  StarlingStatusParams params = { 0 };
  GListModel *model;
  guint n;
  guint answered = G_MAXUINT;
  gpointer wait[2];

  gtk_window_present (window);
  starling_test_wait_until (page_settled, page);
  model = starling_thread_page_get_model (thread);
  n = g_list_model_get_n_items (model);

  /* Someone else's answer, somewhere inside the thread. */
  for (guint i = 1; i < n && answered == G_MAXUINT; i++)
    if (starling_thread_item_get_depth (item_at (thread, i)) == 1)
      answered = i;
  g_assert_cmpuint (answered, !=, G_MAXUINT);

  /* The brand answers it from elsewhere: the stream brings the post. */
  params.text = "Thank you for asking! The beans rest two days after roasting.";
  params.in_reply_to_id = id_at (thread, answered);
  starling_client_post_status_async (demo->client, &params, NULL, starling_test_demo_result_cb, &result);
  result = starling_test_demo_wait_result (&result);
  reply = starling_client_entity_finish (demo->client, result, &error);
  g_assert_no_error (error);

  wait[0] = model;
  wait[1] = GUINT_TO_POINTER (n + 1);
  starling_test_wait_until (has_items, wait);
  /* Right after the post it answers, one level further in. */
  g_assert_cmpstr (id_at (thread, answered + 1), ==, starling_status_get_id (reply));
  g_assert_cmpuint (starling_thread_item_get_depth (item_at (thread, answered + 1)), ==, 2);

  /* An answer to the answer goes under it, before the next branch. */
  g_clear_object (&result);
  params.text = "And two more to be at their best.";
  params.in_reply_to_id = starling_status_get_id (reply);
  starling_client_post_status_async (demo->client, &params, NULL, starling_test_demo_result_cb, &result);
  result = starling_test_demo_wait_result (&result);
  answer = starling_client_entity_finish (demo->client, result, &error);
  g_assert_no_error (error);
  wait[1] = GUINT_TO_POINTER (n + 2);
  starling_test_wait_until (has_items, wait);
  g_assert_cmpstr (id_at (thread, answered + 2), ==, starling_status_get_id (answer));
  g_assert_cmpuint (starling_thread_item_get_depth (item_at (thread, answered + 2)), ==, 3);

  /* A post outside the thread stays out. */
  g_free (starling_demo_server_emit_status (demo->server));
  starling_test_wait_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n + 2);

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

  /* First, while nothing holds the thread's first post. */
  g_test_add_func ("/starling/thread-page/error-retry", test_error_retry);
  g_test_add_func ("/starling/thread-page/order", test_order);
  g_test_add_func ("/starling/thread-page/screenshot", test_screenshot);
  g_test_add_func ("/starling/thread-page/from-map", test_from_map);
  g_test_add_func ("/starling/thread-page/engaged-by", test_engaged_by);
  g_test_add_func ("/starling/thread-page/streamed-reply", test_streamed_reply);

  ret = g_test_run ();

  starling_test_demo_free (demo);
  return ret;
}
