/* test-feed.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * StarlingFeed against the demo instance on loopback: what the timeline
 * shows, and what the server received for it (how many requests, with
 * which cursors).
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "api/starling-api-error.h"
#include "api/starling-client.h"
#include "api/starling-feed.h"
#include "api/starling-session.h"
#include "api/starling-streaming.h"
#include "demo/starling-demo-server.h"
#include "model/starling-account.h"
#include "model/starling-filter.h"
#include "model/starling-instance.h"
#include "model/starling-notification-group.h"
#include "model/starling-notification.h"
#include "model/starling-status.h"
#include "store/starling-database.h"

#include "starling-test-data.h"

#define SEED 4242
#define WATCHDOG_SECONDS 20
#define HOME "/api/v1/timelines/home"

/* Waiting */

static gboolean
watchdog_cb (gpointer user_data)
{
  g_error ("The test hung waiting for %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

typedef gboolean (*CheckFunc) (gpointer data);

/* Iterates the main context, where the demo server and every callback
 * live, until @check says so. */
static void
run_until (CheckFunc   check,
           gpointer    data,
           const char *what)
{
  guint watchdog = g_timeout_add_seconds (WATCHDOG_SECONDS, watchdog_cb, (gpointer) what);

  while (!check (data))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (watchdog);
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
set_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
run_for (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, set_flag_cb, &done);
  run_until (flag_is_set, &done, "a pause");
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

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
result_arrived (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* The demo instance, a client signed in to it, and a database */

typedef struct
{
  StarlingDemoServer *server;
  SoupSession        *session;
  StarlingEntityMap  *map;
  StarlingClient     *client;
  char               *token;
  char               *dir;
  StarlingDatabase   *database;
  gboolean            stopped;
  guint               expect_cached;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->server = starling_demo_server_new (SEED);
  g_assert_true (starling_demo_server_start (f->server, &error));
  g_assert_no_error (error);
  f->session = starling_session_new (starling_demo_server_get_proxy_resolver (f->server));
  f->map = starling_entity_map_new ();
  f->token = starling_demo_server_create_token (f->server, "read write push");
  f->client = starling_client_new (f->session, starling_demo_server_get_base_uri (f->server), f->token, f->map);
  starling_client_set_retry_base_delay (f->client, 2);
  starling_client_set_max_attempts (f->client, 2);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->client);
  g_clear_object (&f->map);
  g_clear_object (&f->session);
  g_free (f->token);
  if (f->database != NULL)
    {
      /* The worker gives its last references back through this thread. */
      run_for (20);
      g_assert_finalize_object (f->database);
    }
  if (f->dir != NULL)
    {
      remove_tree (f->dir);
      g_free (f->dir);
    }
  if (!f->stopped)
    starling_demo_server_stop (f->server);
  /* An answer the server was told to delay holds it until its time. */
  {
    gpointer weak = f->server;

    g_object_add_weak_pointer (G_OBJECT (f->server), &weak);
    g_object_unref (f->server);
    run_until (pointer_cleared, &weak, "the server to go");
  }
}

static void
open_database (Fixture *f)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("starling-feed-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "starling.db", NULL);
  starling_database_open_async (path, NULL, result_cb, &result);
  run_until (result_arrived, &result, "the database");
  f->database = starling_database_open_finish (result, &error);
  g_assert_no_error (error);

  /* A cache belongs to an account the database knows. */
  {
    g_autoptr (GAsyncResult) saved = NULL;
    StarlingStoredAccount *account = starling_stored_account_new ("brand@demo.example",
                                                                  starling_demo_server_get_base_uri (f->server),
                                                                  "1");

    starling_database_save_account_async (f->database, account, NULL, result_cb, &saved);
    starling_stored_account_free (account);
    run_until (result_arrived, &saved, "the account to be saved");
    g_assert_true (starling_database_write_finish (f->database, saved, &error));
    g_assert_no_error (error);
  }
}

/* Feed calls, waited for */

typedef void (*FeedCall) (StarlingFeed *, GCancellable *, GAsyncReadyCallback, gpointer);
typedef gboolean (*FeedFinish) (StarlingFeed *, GAsyncResult *, GError **);

static gboolean
call_feed (StarlingFeed  *feed,
           FeedCall       call,
           FeedFinish     finish,
           GError       **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  call (feed, NULL, result_cb, &result);
  run_until (result_arrived, &result, "a feed call");
  return finish (feed, result, error);
}

static void
refresh (StarlingFeed *feed)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (call_feed (feed, starling_feed_refresh_async, starling_feed_refresh_finish, &error));
  g_assert_no_error (error);
}

static void
load_older (StarlingFeed *feed)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (call_feed (feed, starling_feed_load_older_async, starling_feed_load_older_finish, &error));
  g_assert_no_error (error);
}

static void
flush_cache (StarlingFeed *feed)
{
  g_autoptr (GError) error = NULL;
  gboolean ok;

  ok = call_feed (feed, starling_feed_flush_cache_async, starling_feed_flush_cache_finish, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

static guint
load_cached (StarlingFeed *feed)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  guint shown = 0;

  starling_feed_load_cached_async (feed, NULL, result_cb, &result);
  run_until (result_arrived, &result, "the cache");
  g_assert_true (starling_feed_load_cached_finish (feed, result, &shown, &error));
  g_assert_no_error (error);

  return shown;
}

static void
fill_gap (StarlingFeed        *feed,
          StarlingTimelineGap *gap)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  starling_feed_fill_gap_async (feed, gap, NULL, result_cb, &result);
  run_until (result_arrived, &result, "a gap");
  g_assert_true (starling_feed_fill_gap_finish (feed, result, &error));
  g_assert_no_error (error);
}

/* Drops the last reference to @feed; a request that was cancelled may
 * still be on its way back, holding the feed until it arrives. */
static void
finalize_feed (StarlingFeed *feed)
{
  gpointer weak = feed;

  g_object_add_weak_pointer (G_OBJECT (feed), &weak);
  g_object_unref (feed);
  run_until (pointer_cleared, &weak, "the feed to go");
}

/* What the timeline shows */

static GListModel *
model_of (StarlingFeed *feed)
{
  return G_LIST_MODEL (starling_feed_get_timeline (feed));
}

static char *
id_at (StarlingFeed *feed,
       guint         position)
{
  g_autoptr (GObject) item = g_list_model_get_item (model_of (feed), position);

  g_assert_true (STARLING_IS_ENTITY (item));
  return g_strdup (starling_entity_get_id (STARLING_ENTITY (item)));
}

/* The ids shown, top to bottom; "gap" for a gap. */
static GPtrArray *
shown_ids (StarlingFeed *feed)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (model_of (feed)); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model_of (feed), i);

      if (STARLING_IS_TIMELINE_GAP (item))
        g_ptr_array_add (ids, g_strdup ("gap"));
      else
        g_ptr_array_add (ids, g_strdup (starling_entity_get_id (STARLING_ENTITY (item))));
    }

  return ids;
}

static StarlingTimelineGap *
find_gap (StarlingFeed *feed)
{
  for (guint i = 0; i < g_list_model_get_n_items (model_of (feed)); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model_of (feed), i);

      if (STARLING_IS_TIMELINE_GAP (item))
        return STARLING_TIMELINE_GAP (item);
    }

  return NULL;
}

static gboolean
shows (StarlingFeed *feed,
       const char   *id)
{
  return starling_timeline_contains (starling_feed_get_timeline (feed), id);
}

static void
assert_each_once (StarlingFeed *feed)
{
  g_autoptr (GPtrArray) ids = shown_ids (feed);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < ids->len; i++)
    if (!g_str_equal (ids->pdata[i], "gap") && !g_hash_table_add (seen, ids->pdata[i]))
      g_error ("%s is shown twice", (char *) ids->pdata[i]);
}

/* What the server received */

static GPtrArray *
requests_to (StarlingDemoServer *server,
             const char         *path)
{
  g_autoptr (GPtrArray) all = starling_demo_server_get_requests (server);
  GPtrArray *matching = g_ptr_array_new_with_free_func ((GDestroyNotify) starling_demo_request_unref);

  for (guint i = 0; i < all->len; i++)
    if (g_str_equal (starling_demo_request_get_path (all->pdata[i]), path))
      g_ptr_array_add (matching, starling_demo_request_ref (all->pdata[i]));

  return matching;
}

static char *
query_param (StarlingDemoRequest *request,
             const char          *name)
{
  g_autoptr (GHashTable) params = NULL;
  const char *query = starling_demo_request_get_query (request);

  if (query == NULL)
    return NULL;
  params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_WWW_FORM, NULL);
  g_assert_nonnull (params);
  return g_strdup (g_hash_table_lookup (params, name));
}

static guint
count_home (Fixture *f)
{
  return starling_demo_server_count_requests (f->server, "GET", HOME);
}

/* The oracle: what the server's home timeline holds above @min_id, newest
 * first, without what the server's filters hide at home (the timeline
 * leaves those out), read page by page with the client alone. */
static GPtrArray *
server_newer_than (Fixture    *f,
                   const char *min_id)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *cursor = g_strdup (min_id);

  for (;;)
    {
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (StarlingPage) page = NULL;
      g_autoptr (GError) error = NULL;
      guint n;

      starling_client_get_timeline_async (f->client, STARLING_TIMELINE_HOME, NULL, 0, cursor, NULL,
                                          result_cb, &result);
      run_until (result_arrived, &result, "the oracle");
      page = starling_client_page_finish (f->client, result, &error);
      g_assert_no_error (error);
      n = starling_page_get_n_items (page);
      if (n == 0)
        break;

      /* Each page is the next run up, newest first. */
      for (guint i = n; i > 0; i--)
        {
          StarlingStatus *status = starling_page_get_item (page, i - 1);

          if (starling_status_get_filter_action (status, "home", NULL, NULL) != STARLING_FILTER_ACTION_HIDE)
            g_ptr_array_insert (ids, 0, g_strdup (starling_status_get_id (status)));
        }
      g_free (cursor);
      cursor = g_strdup (starling_status_get_id (starling_page_get_item (page, 0)));
    }

  return ids;
}

static void
assert_top_is (StarlingFeed *feed,
               GPtrArray    *expected,
               const char   *then)
{
  g_autoptr (GPtrArray) ids = shown_ids (feed);

  g_assert_cmpuint (ids->len, >, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpstr (ids->pdata[i], ==, expected->pdata[i]);
  g_assert_cmpstr (ids->pdata[expected->len], ==, then);
}

/* 1. Refreshing */

static void
test_refresh (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (StarlingFeed) feed = starling_feed_new (f->client, STARLING_FEED_HOME, NULL);
  g_autoptr (GPtrArray) requests = NULL;
  g_autoptr (GPtrArray) emitted = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) expected = NULL;
  g_autofree char *old_top = NULL;
  g_autofree char *min_id = NULL;
  guint n_first;
  guint n;

  /* The first page costs one request, and leaves no gap. */
  starling_demo_server_clear_requests (f->server);
  refresh (feed);
  g_assert_cmpuint (count_home (f), ==, 1);
  g_assert_cmpuint (starling_demo_server_get_requests (f->server)->len, ==, 1);
  /* A page, less what the server's filters hide at this hour. */
  n_first = g_list_model_get_n_items (model_of (feed));
  g_assert_cmpuint (n_first, >, 10);
  g_assert_cmpuint (n_first, <=, 20);
  g_assert_null (find_gap (feed));
  g_assert_false (starling_feed_get_at_end (feed));
  g_assert_false (starling_feed_get_loading (feed));
  g_assert_null (starling_feed_get_error (feed));
  old_top = id_at (feed, 0);

  /* Three new posts: one request with min_id, and they are on top. */
  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (emitted, starling_demo_server_emit_status (f->server));
  refresh (feed);
  requests = requests_to (f->server, HOME);
  g_assert_cmpuint (requests->len, ==, 2);
  min_id = query_param (requests->pdata[1], "min_id");
  g_assert_cmpstr (min_id, ==, old_top);
  g_assert_null (find_gap (feed));
  n = g_list_model_get_n_items (model_of (feed));

  /* Nothing new: one request, nothing changes. */
  refresh (feed);
  g_assert_cmpuint (count_home (f), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (model_of (feed)), ==, n);
  assert_each_once (feed);

  /* What the server holds above the old top, and nothing else. */
  expected = server_newer_than (f, old_top);
  g_assert_cmpuint (expected->len, >=, 1);
  g_assert_cmpuint (expected->len, <=, 3);
  for (guint i = 0; i < expected->len; i++)
    g_assert_true (g_ptr_array_find_with_equal_func (emitted, expected->pdata[i], g_str_equal, NULL));
  g_assert_cmpuint (n, ==, n_first + expected->len);
  assert_top_is (feed, expected, old_top);
  g_test_message ("Requests per refresh: 1 (first page), 1 (3 new posts), 1 (nothing new)");
}

/* 2. More than a page of news: a gap, then filled */

static guint
position_of_gap (StarlingFeed *feed)
{
  g_autoptr (GPtrArray) ids = shown_ids (feed);
  guint position;

  g_assert_true (g_ptr_array_find_with_equal_func (ids, "gap", g_str_equal, &position));
  return position;
}

static void
test_gap (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr (StarlingFeed) feed = starling_feed_new (f->client, STARLING_FEED_HOME, NULL);
  g_autoptr (GPtrArray) requests = NULL;
  g_autoptr (GPtrArray) expected = NULL;
  g_autofree char *old_top = NULL;
  g_autofree char *max_id = NULL;
  g_autofree char *min_id = NULL;
  g_autofree char *since_id = NULL;
  g_autofree char *above = NULL;
  g_autofree char *below = NULL;
  StarlingTimelineGap *gap;
  guint refresh_requests;
  guint gap_requests = 0;
  guint position;

  refresh (feed);
  old_top = id_at (feed, 0);

  for (guint i = 0; i < 45; i++)
    g_free (starling_demo_server_emit_status (f->server));

  starling_demo_server_clear_requests (f->server);
  refresh (feed);
  refresh_requests = count_home (f);
  /* The page after the newest item came back full: the newest page too,
   * and between them a gap. */
  g_assert_cmpuint (refresh_requests, ==, 2);
  gap = find_gap (feed);
  g_assert_nonnull (gap);
  position = position_of_gap (feed);
  g_assert_cmpuint (position, >, 0);
  above = id_at (feed, position - 1);
  below = id_at (feed, position + 1);
  requests = requests_to (f->server, HOME);
  min_id = query_param (requests->pdata[0], "min_id");
  since_id = query_param (requests->pdata[1], "since_id");
  g_assert_cmpstr (min_id, ==, old_top);
  /* The newest page was asked for above the newest of the first. */
  g_assert_cmpstr (since_id, ==, below);
  g_clear_pointer (&requests, g_ptr_array_unref);

  starling_demo_server_clear_requests (f->server);
  while ((gap = find_gap (feed)) != NULL)
    {
      fill_gap (feed, gap);
      gap_requests++;
      g_assert_cmpuint (gap_requests, <, 5);
    }
  /* Five posts were missing: one page filled them and met the posts
   * below. */
  g_assert_cmpuint (gap_requests, ==, 1);
  g_assert_cmpuint (count_home (f), ==, 1);
  requests = requests_to (f->server, HOME);
  max_id = query_param (requests->pdata[0], "max_id");
  g_assert_cmpstr (max_id, ==, above);

  /* Everything the server has above the old top, in its order, once. */
  expected = server_newer_than (f, old_top);
  g_assert_cmpuint (expected->len, >, 40);
  assert_top_is (feed, expected, old_top);
  assert_each_once (feed);
  g_test_message ("Requests: %u for a refresh of 45 new posts, %u to fill its gap",
                  refresh_requests, gap_requests);
}

/* 3. Older pages, to the end */

static void
test_older_to_the_end (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (StarlingFeed) feed = starling_feed_new (f->client, STARLING_FEED_HOME, NULL);
  g_autoptr (GPtrArray) requests = NULL;
  guint expected = starling_demo_server_count_home_statuses (f->server);
  guint pages = 1;

  g_assert_cmpuint (expected, >, 40);
  /* Every post the server has, those its filters hide included, so the
   * count is the server's. */
  starling_timeline_set_hide_func (starling_feed_get_timeline (feed), NULL, NULL, NULL);
  starling_demo_server_clear_requests (f->server);
  refresh (feed);
  while (!starling_feed_get_at_end (feed))
    {
      g_autofree char *oldest = id_at (feed, g_list_model_get_n_items (model_of (feed)) - 1);
      g_autofree char *max_id = NULL;

      load_older (feed);
      pages++;
      g_assert_cmpuint (pages, <=, expected);
      g_clear_pointer (&requests, g_ptr_array_unref);
      requests = requests_to (f->server, HOME);
      g_assert_cmpuint (requests->len, ==, pages);
      max_id = query_param (requests->pdata[pages - 1], "max_id");
      g_assert_cmpstr (max_id, ==, oldest);
    }

  g_assert_cmpuint (g_list_model_get_n_items (model_of (feed)), ==, expected);
  g_assert_null (find_gap (feed));
  assert_each_once (feed);

  /* At the end: nothing more is asked for. */
  load_older (feed);
  g_assert_cmpuint (count_home (f), ==, pages);
  g_test_message ("%u statuses in %u requests, one a page", expected, pages);
}

/* 4. Calls that overlap share one request */

static void
test_coalescing (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (StarlingFeed) feed = starling_feed_new (f->client, STARLING_FEED_HOME, NULL);
  g_autoptr (GAsyncResult) first = NULL;
  g_autoptr (GAsyncResult) second = NULL;
  g_autoptr (GAsyncResult) third = NULL;
  g_autoptr (GAsyncResult) fourth = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *emitted = NULL;

  /* Every post, those the server's filters hide included: whole pages. */
  starling_timeline_set_hide_func (starling_feed_get_timeline (feed), NULL, NULL, NULL);
  starling_demo_server_clear_requests (f->server);
  starling_feed_refresh_async (feed, NULL, result_cb, &first);
  g_assert_true (starling_feed_get_loading (feed));
  starling_feed_refresh_async (feed, NULL, result_cb, &second);
  run_until (result_arrived, &first, "the first refresh");
  run_until (result_arrived, &second, "the second refresh");
  g_assert_true (starling_feed_refresh_finish (feed, first, &error));
  g_assert_no_error (error);
  g_assert_true (starling_feed_refresh_finish (feed, second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_home (f), ==, 1);
  g_assert_false (starling_feed_get_loading (feed));

  /* Two calls for older items: one request, one page more. */
  starling_feed_load_older_async (feed, NULL, result_cb, &third);
  g_assert_true (starling_feed_get_loading_older (feed));
  starling_feed_load_older_async (feed, NULL, result_cb, &fourth);
  run_until (result_arrived, &third, "the first older page");
  run_until (result_arrived, &fourth, "the second older page");
  g_assert_true (starling_feed_load_older_finish (feed, third, &error));
  g_assert_true (starling_feed_load_older_finish (feed, fourth, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_home (f), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (model_of (feed)), ==, 40);
  g_assert_false (starling_feed_get_loading_older (feed));

  /* A refresh after those is a request of its own again. */
  emitted = starling_demo_server_emit_status (f->server);
  refresh (feed);
  g_assert_cmpuint (count_home (f), ==, 3);
  g_assert_true (shows (feed, emitted));
}

/* 5. Cancelling */

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (StarlingFeed) feed = starling_feed_new (f->client, STARLING_FEED_HOME, NULL);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GAsyncResult) kept = NULL;
  g_autoptr (GCancellable) other = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  gint64 started;

  /* Every post, those the server's filters hide included: whole pages. */
  starling_timeline_set_hide_func (starling_feed_get_timeline (feed), NULL, NULL, NULL);

  /* Cancelled while on its way: the call ends with that. (A fault that
   * delays the answer cannot be used here: the demo server unpauses a
   * message whose client went away, which libsoup refuses.) */
  started = g_get_monotonic_time ();
  starling_feed_refresh_async (feed, cancellable, result_cb, &result);
  g_assert_true (starling_feed_get_loading (feed));
  g_cancellable_cancel (cancellable);
  run_until (result_arrived, &result, "the cancelled refresh");
  g_assert_false (starling_feed_refresh_finish (feed, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - started, <, G_USEC_PER_SEC);
  g_assert_false (starling_feed_get_loading (feed));
  /* Being cancelled is no failure to show. */
  g_assert_null (starling_feed_get_error (feed));
  g_assert_cmpuint (g_list_model_get_n_items (model_of (feed)), ==, 0);
  g_clear_error (&error);
  g_clear_object (&result);

  /* Two callers, one cancels: the other still gets the page. */
  g_cancellable_reset (cancellable);
  starling_feed_refresh_async (feed, cancellable, result_cb, &result);
  starling_feed_refresh_async (feed, other, result_cb, &kept);
  g_cancellable_cancel (cancellable);
  run_until (result_arrived, &result, "the cancelled caller");
  g_assert_false (starling_feed_refresh_finish (feed, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  run_until (result_arrived, &kept, "the other caller");
  g_clear_error (&error);
  g_assert_true (starling_feed_refresh_finish (feed, kept, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model_of (feed)), ==, 20);

  g_clear_object (&result);
  g_clear_object (&kept);
  started = g_get_monotonic_time ();
  finalize_feed (g_steal_pointer (&feed));
  /* The cancelled request let go at once, not after the server's delay. */
  g_assert_cmpint (g_get_monotonic_time () - started, <, G_USEC_PER_SEC);
}

/* 6. The cache */

static gint64
elapsed_us (gint64 since)
{
  return g_get_monotonic_time () - since;
}

static gboolean
cached_first_page (gpointer data)
{
  Fixture *f = data;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) documents = NULL;

  run_for (100);
  starling_database_load_timeline_async (f->database, "brand@demo.example", "home", NULL, result_cb, &result);
  run_until (result_arrived, &result, "the cached documents");
  documents = starling_database_load_timeline_finish (f->database, result, NULL);
  g_assert_nonnull (documents);
  g_assert_true (documents->len == 0 || documents->len == f->expect_cached);

  return documents->len == f->expect_cached;
}

static void
test_cache (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (StarlingFeed) feed = starling_feed_new (f->client, STARLING_FEED_HOME, NULL);
  g_autoptr (StarlingFeed) later = NULL;
  g_autoptr (StarlingEntityMap) map = starling_entity_map_new ();
  g_autoptr (StarlingClient) client = NULL;
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (StarlingStatus) first = NULL;
  g_autoptr (StarlingStatus) cached_first = NULL;
  gint64 started;
  gint64 flush_us;
  gint64 load_us;
  guint shown;

  open_database (f);
  starling_feed_set_cache (feed, f->database, "brand@demo.example");

  /* A moment after a change, the cache is written by itself. */
  refresh (feed);
  /* A page, less what the server's filters hide at this hour. */
  f->expect_cached = g_list_model_get_n_items (model_of (feed));
  g_assert_cmpuint (f->expect_cached, >, 10);
  run_until (cached_first_page, f, "the cache to be written");

  /* 200 items and more: the cache keeps the newest 200. */
  while (g_list_model_get_n_items (model_of (feed)) < 220 && !starling_feed_get_at_end (feed))
    load_older (feed);
  g_assert_cmpuint (g_list_model_get_n_items (model_of (feed)), >=, STARLING_DATABASE_TIMELINE_CACHE_LIMIT);
  started = g_get_monotonic_time ();
  flush_cache (feed);
  flush_us = elapsed_us (started);
  before = shown_ids (feed);
  g_ptr_array_set_size (before, STARLING_DATABASE_TIMELINE_CACHE_LIMIT);
  first = g_list_model_get_item (model_of (feed), 0);

  /* The next session: no network at all. */
  starling_demo_server_stop (f->server);
  f->stopped = TRUE;
  client = starling_client_new (f->session, "http://127.0.0.1:9", "nothing-to-see", map);
  later = starling_feed_new (client, STARLING_FEED_HOME, NULL);
  starling_feed_set_cache (later, f->database, "brand@demo.example");

  started = g_get_monotonic_time ();
  shown = load_cached (later);
  load_us = elapsed_us (started);
  g_assert_cmpuint (shown, ==, STARLING_DATABASE_TIMELINE_CACHE_LIMIT);
  after = shown_ids (later);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    g_assert_cmpstr (after->pdata[i], ==, before->pdata[i]);

  /* The same posts, with what they said, in this session's map. */
  cached_first = g_list_model_get_item (model_of (later), 0);
  g_assert_true (cached_first != first);
  g_assert_cmpstr (starling_status_get_content (cached_first), ==, starling_status_get_content (first));
  g_assert_cmpstr (starling_account_get_acct (starling_status_get_account (starling_status_get_shown (cached_first))), ==,
                   starling_account_get_acct (starling_status_get_account (starling_status_get_shown (first))));
  {
    g_autoptr (StarlingStatus) mapped = starling_entity_map_lookup (map, STARLING_TYPE_STATUS,
                                                                    starling_status_get_id (cached_first));

    g_assert_true (mapped == cached_first);
  }
  g_assert_null (starling_feed_get_error (later));

  /* A second load shows nothing more: the timeline has its items. */
  g_assert_cmpuint (load_cached (later), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model_of (later)), ==, STARLING_DATABASE_TIMELINE_CACHE_LIMIT);

  g_test_message ("Cache: %u items written in %.1f ms, shown again in %.1f ms",
                  STARLING_DATABASE_TIMELINE_CACHE_LIMIT, flush_us / 1000.0, load_us / 1000.0);
  /* The workers give their last references back through this thread. */
  finalize_feed (g_steal_pointer (&later));
  finalize_feed (g_steal_pointer (&feed));
}

/* 7. The stream */

static StarlingStatus *
post (Fixture    *f,
      const char *text)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  StarlingStatusParams params = { 0 };
  StarlingStatus *status;

  params.text = text;
  starling_client_post_status_async (f->client, &params, NULL, result_cb, &result);
  run_until (result_arrived, &result, "the post");
  status = starling_client_entity_finish (f->client, result, &error);
  g_assert_no_error (error);

  return status;
}

static StarlingStreaming *
new_streaming (Fixture *f)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (StarlingInstance) instance = NULL;
  g_autoptr (GError) error = NULL;
  StarlingStreaming *streaming;

  starling_client_get_instance_async (f->client, NULL, result_cb, &result);
  run_until (result_arrived, &result, "the instance");
  instance = starling_client_entity_finish (f->client, result, &error);
  g_assert_no_error (error);

  streaming = starling_streaming_new (f->session, starling_instance_get_streaming_url (instance), f->token, f->map);
  g_object_set (streaming, "reconnect-base-delay", 20, "reconnect-max-delay", 200, NULL);

  return streaming;
}

static gboolean
stream_connected (gpointer data)
{
  return starling_streaming_get_state (data) == STARLING_STREAMING_STATE_CONNECTED;
}

typedef struct
{
  StarlingFeed *feed;
  const char   *id;
} Shown;

static gboolean
is_shown (gpointer data)
{
  Shown *shown = data;

  return shows (shown->feed, shown->id);
}

static gboolean
is_gone (gpointer data)
{
  return !is_shown (data);
}

static void
wait_shown (StarlingFeed *feed,
            const char   *id)
{
  Shown shown = { feed, id };

  run_until (is_shown, &shown, "a post to show");
}

static void
post_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  result_cb (object, result, user_data);
}

static gboolean
content_has (gpointer data)
{
  gpointer *pair = data;

  return strstr (starling_status_get_content (pair[0]) != NULL ? starling_status_get_content (pair[0]) : "",
                 pair[1]) != NULL;
}

static void
test_streaming (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (StarlingStreaming) streaming = new_streaming (f);
  g_autoptr (StarlingFeed) feed = starling_feed_new (f->client, STARLING_FEED_HOME, NULL);
  g_autoptr (StarlingFeed) second = starling_feed_new (f->client, STARLING_FEED_NOTIFICATIONS, NULL);
  g_autoptr (StarlingFeed) local = starling_feed_new (f->client, STARLING_FEED_LOCAL, NULL);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (StarlingStatus) posted = NULL;
  g_autoptr (StarlingStatus) edited = NULL;
  g_autoptr (StarlingStatus) fresh = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *top = NULL;
  StarlingStatusParams params = { 0 };
  Shown gone = { 0 };
  gpointer pair[2];
  guint before;

  starling_feed_set_streaming (feed, streaming);
  starling_feed_set_streaming (second, streaming);
  starling_feed_set_streaming (local, streaming);
  /* Home and notifications share the one `user` subscription. */
  g_assert_true (starling_streaming_is_subscribed (streaming, "user", NULL));
  g_assert_true (starling_streaming_is_subscribed (streaming, "public:local", NULL));
  starling_feed_set_active (feed, TRUE);
  refresh (feed);

  starling_streaming_start (streaming);
  run_until (stream_connected, streaming, "the stream");
  run_for (100);
  g_assert_true (starling_feed_get_live (feed));
  g_assert_false (starling_feed_get_polling (feed));

  /* A new post comes to the top without a request. */
  before = count_home (f);
  fresh = post (f, "A new origin on the shelf");
  id = g_strdup (starling_status_get_id (fresh));
  wait_shown (feed, id);
  top = id_at (feed, 0);
  g_assert_cmpstr (top, ==, id);
  g_assert_cmpuint (count_home (f), ==, before);

  /* Deleted: it goes. */
  starling_demo_server_delete_status (f->server, id);
  gone.feed = feed;
  gone.id = id;
  run_until (is_gone, &gone, "a deleted post to go");

  /* The brand posts, then edits: the post shown is updated in place. */
  params.text = "Fresh beans today";
  starling_client_post_status_async (f->client, &params, NULL, post_cb, &result);
  run_until (result_arrived, &result, "the post");
  posted = starling_client_entity_finish (f->client, result, &error);
  g_assert_no_error (error);
  wait_shown (feed, starling_status_get_id (posted));
  g_clear_object (&result);

  params.text = "Fresh beans today, and cake";
  starling_client_edit_status_async (f->client, starling_status_get_id (posted), &params, NULL, post_cb, &result);
  run_until (result_arrived, &result, "the edit");
  edited = starling_client_entity_finish (f->client, result, &error);
  g_assert_no_error (error);
  g_assert_true (edited == posted);
  {
    g_autoptr (GObject) shown = g_list_model_get_item (model_of (feed), 0);

    g_assert_true (shown == (GObject *) posted);
    pair[0] = shown;
    pair[1] = (gpointer) "and cake";
    run_until (content_has, pair, "the edit to show");
  }
  assert_each_once (feed);

  /* Feeds that go leave the subscription to the ones that stay. */
  g_assert_finalize_object (g_steal_pointer (&second));
  g_assert_true (starling_streaming_is_subscribed (streaming, "user", NULL));
  g_assert_finalize_object (g_steal_pointer (&local));
  g_assert_false (starling_streaming_is_subscribed (streaming, "public:local", NULL));

  starling_streaming_stop (streaming);
  g_assert_finalize_object (g_steal_pointer (&feed));
  g_assert_false (starling_streaming_is_subscribed (streaming, "user", NULL));
  g_assert_finalize_object (g_steal_pointer (&streaming));
}

/* 8. The stream drops: one refresh fills what was missed */

typedef struct
{
  Fixture           *f;
  StarlingFeed      *feed;
  StarlingStreaming *streaming;
  GPtrArray         *missed;
  gboolean           was_connected;
  gboolean           dropped;
} Drop;

static void
drop_state_cb (StarlingStreaming *streaming,
               GParamSpec        *pspec,
               gpointer           user_data)
{
  Drop *drop = user_data;
  StarlingStreamingState state = starling_streaming_get_state (streaming);

  if (state == STARLING_STREAMING_STATE_CONNECTED)
    drop->was_connected = TRUE;

  /* Disconnected: what is posted now cannot come on the stream. */
  if (state == STARLING_STREAMING_STATE_WAITING && drop->was_connected && !drop->dropped)
    {
      drop->dropped = TRUE;
      for (guint i = 0; i < 3; i++)
        g_ptr_array_add (drop->missed, starling_demo_server_emit_status (drop->f->server));
    }
}

static gboolean
caught_up (gpointer data)
{
  Drop *drop = data;

  return drop->dropped && count_home (drop->f) >= 1 && !starling_feed_get_loading (drop->feed) &&
         starling_streaming_get_state (drop->streaming) == STARLING_STREAMING_STATE_CONNECTED;
}

static void
test_reconnect (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (StarlingStreaming) streaming = new_streaming (f);
  g_autoptr (StarlingFeed) feed = starling_feed_new (f->client, STARLING_FEED_HOME, NULL);
  g_autoptr (GPtrArray) requests = NULL;
  g_autoptr (GPtrArray) expected = NULL;
  g_autoptr (StarlingStatus) after = NULL;
  g_autofree char *old_top = NULL;
  g_autofree char *min_id = NULL;
  Drop drop = { f, feed, streaming, g_ptr_array_new_with_free_func (g_free), FALSE, FALSE };
  guint before;

  starling_feed_set_streaming (feed, streaming);
  starling_feed_set_active (feed, TRUE);
  refresh (feed);
  old_top = id_at (feed, 0);
  g_signal_connect (streaming, "notify::state", G_CALLBACK (drop_state_cb), &drop);
  starling_streaming_start (streaming);
  run_until (stream_connected, streaming, "the stream");
  run_for (100);

  /* The server drops the stream; three posts while it is down. */
  starling_demo_server_clear_requests (f->server);
  starling_demo_server_add_fault (f->server, NULL, "/api/v1/streaming", STARLING_DEMO_FAULT_STREAM_DROP, 1, 0);
  run_until (caught_up, &drop, "the feed to catch up");
  run_for (200);

  /* Exactly one refresh, from the newest item before the drop. */
  requests = requests_to (f->server, HOME);
  g_assert_cmpuint (requests->len, ==, 1);
  min_id = query_param (requests->pdata[0], "min_id");
  g_assert_cmpstr (min_id, ==, old_top);
  g_assert_cmpuint (drop.missed->len, ==, 3);

  /* What was missed is on top, as the server has it. */
  expected = server_newer_than (f, old_top);
  g_assert_cmpuint (expected->len, >=, 1);
  for (guint i = 0; i < expected->len; i++)
    g_assert_true (g_ptr_array_find_with_equal_func (drop.missed, expected->pdata[i], g_str_equal, NULL));
  assert_top_is (feed, expected, old_top);

  /* Live again: a post arrives without a request. */
  before = count_home (f);
  after = post (f, "Back online, fresh beans");
  wait_shown (feed, starling_status_get_id (after));
  {
    g_autofree char *top = id_at (feed, 0);

    g_assert_cmpstr (top, ==, starling_status_get_id (after));
  }
  g_assert_cmpuint (count_home (f), ==, before);
  assert_each_once (feed);

  g_signal_handlers_disconnect_by_data (streaming, &drop);
  starling_streaming_stop (streaming);
  g_assert_finalize_object (g_steal_pointer (&feed));
  g_assert_finalize_object (g_steal_pointer (&streaming));
  g_ptr_array_unref (drop.missed);
}

/* 8b. Memory stays bounded: the feed lets go of what is far from the
 * reader, and brings it back in order */

static void
skipped_cb (StarlingFeed   *feed,
            StarlingEntity *item,
            GPtrArray      *skipped)
{
  g_ptr_array_add (skipped, g_strdup (starling_entity_get_id (item)));
}

static void
assert_ids_from (StarlingFeed *feed,
                 guint         position,
                 GPtrArray    *expected,
                 guint         from,
                 guint         n)
{
  g_autoptr (GPtrArray) ids = shown_ids (feed);

  g_assert_cmpuint (ids->len, >=, position + n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (ids->pdata[position + i], ==, expected->pdata[from + i]);
}

static void
test_trim (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (StarlingStreaming) streaming = new_streaming (f);
  g_autoptr (StarlingFeed) feed = starling_feed_new (f->client, STARLING_FEED_HOME, NULL);
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) requests = NULL;
  g_autoptr (GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (StarlingStatus) fresh = NULL;
  g_autofree char *fresh_id = NULL;
  StarlingTimelineGap *gap;
  GWeakRef dropped;
  guint entities_before;
  guint fills = 0;

  /* Every post, those the filters hide included, so the order is the
   * server's. */
  starling_timeline_set_hide_func (starling_feed_get_timeline (feed), NULL, NULL, NULL);
  starling_feed_set_streaming (feed, streaming);
  starling_feed_set_active (feed, TRUE);
  g_signal_connect (feed, "live-skipped", G_CALLBACK (skipped_cb), skipped);
  refresh (feed);
  for (guint i = 0; i < 4; i++)
    load_older (feed);
  g_assert_cmpuint (g_list_model_get_n_items (model_of (feed)), ==, 100);
  g_assert_null (find_gap (feed));
  all = shown_ids (feed);
  starling_streaming_start (streaming);
  run_until (stream_connected, streaming, "the stream");
  run_for (100);

  /* Close to the reader nothing goes: items go in batches. */
  g_assert_cmpuint (starling_feed_trim_around (feed, 50, 40), ==, 0);
  g_assert_false (starling_feed_get_trimmed (feed));

  /* The reader at post 70: all but 20 above and 20 below go. */
  {
    g_autoptr (GObject) first = g_list_model_get_item (model_of (feed), 0);

    g_weak_ref_init (&dropped, first);
  }
  entities_before = starling_entity_map_get_size (f->map);
  g_assert_cmpuint (starling_feed_trim_around (feed, 70, 20), ==, 50 + 9);
  g_assert_true (starling_feed_get_trimmed (feed));
  g_assert_false (starling_feed_get_at_end (feed));
  gap = find_gap (feed);
  g_assert_nonnull (gap);
  g_assert_true (starling_timeline_get_top_gap (starling_feed_get_timeline (feed)) == gap);
  g_assert_cmpuint (position_of_gap (feed), ==, 0);
  g_assert_cmpstr (starling_timeline_gap_get_min_id (gap), ==, all->pdata[50]);
  g_assert_cmpuint (g_list_model_get_n_items (model_of (feed)), ==, 1 + 41);
  assert_ids_from (feed, 1, all, 50, 41);
  /* What went is freed: nothing else held it. */
  g_assert_null (g_weak_ref_get (&dropped));
  g_weak_ref_clear (&dropped);
  g_assert_null (starling_entity_map_lookup (f->map, STARLING_TYPE_STATUS, all->pdata[0]));
  g_assert_cmpuint (starling_entity_map_get_size (f->map), <, entities_before - 50);
  /* Again at the same place: nothing more goes. */
  g_assert_cmpuint (starling_feed_trim_around (feed, 21, 20), ==, 0);

  /* A post on the stream while trimmed: said, not shown out of place. */
  fresh = post (f, "Trimmed, not forgotten");
  fresh_id = g_strdup (starling_status_get_id (fresh));
  g_clear_object (&fresh);
  while (skipped->len == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (skipped->pdata[0], ==, fresh_id);
  g_assert_false (shows (feed, fresh_id));
  g_assert_cmpuint (position_of_gap (feed), ==, 0);

  /* A poll while trimmed asks for nothing. */
  starling_demo_server_clear_requests (f->server);
  starling_feed_set_poll_interval (feed, 10);
  starling_feed_set_streaming (feed, NULL);
  run_for (100);
  g_assert_cmpuint (count_home (f), ==, 0);
  starling_feed_set_poll_interval (feed, 60 * 1000);

  /* The reader goes up: the gap fills upward, a page at a time, each from
   * the post just below it, until the present. */
  while ((gap = starling_timeline_get_top_gap (starling_feed_get_timeline (feed))) != NULL)
    {
      g_autofree char *below = id_at (feed, 1);
      g_autofree char *min_id = NULL;

      starling_demo_server_clear_requests (f->server);
      fill_gap (feed, gap);
      g_clear_pointer (&requests, g_ptr_array_unref);
      requests = requests_to (f->server, HOME);
      g_assert_cmpuint (requests->len, ==, 1);
      min_id = query_param (requests->pdata[0], "min_id");
      g_assert_cmpstr (min_id, ==, below);
      g_assert_cmpuint (++fills, <=, 5);
    }
  g_assert_cmpuint (fills, ==, 3);
  g_assert_false (starling_feed_get_trimmed (feed));

  /* Every post is back, in order, once, the new one on top; nothing was
   * lost between the trimmed top and the rest. */
  {
    g_autofree char *top = id_at (feed, 0);

    g_assert_cmpstr (top, ==, fresh_id);
  }
  assert_ids_from (feed, 1, all, 0, 91);
  assert_each_once (feed);

  /* The bottom comes back from the new oldest post. */
  starling_demo_server_clear_requests (f->server);
  load_older (feed);
  g_clear_pointer (&requests, g_ptr_array_unref);
  requests = requests_to (f->server, HOME);
  {
    g_autofree char *max_id = query_param (requests->pdata[0], "max_id");

    g_assert_cmpstr (max_id, ==, all->pdata[90]);
  }
  assert_ids_from (feed, 1, all, 0, 100);
  assert_each_once (feed);

  starling_streaming_stop (streaming);
  g_signal_handlers_disconnect_by_data (feed, skipped);
  g_assert_finalize_object (g_steal_pointer (&feed));
  g_assert_finalize_object (g_steal_pointer (&streaming));
}

/* While trimmed, a refresh the reader asks for puts the newest page above
 * the top gap, which becomes an ordinary gap; the cache keeps what it had. */
static void
test_trim_refresh (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (StarlingFeed) feed = starling_feed_new (f->client, STARLING_FEED_HOME, NULL);
  g_autoptr (StarlingFeed) later = starling_feed_new (f->client, STARLING_FEED_HOME, NULL);
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) requests = NULL;
  g_autoptr (GPtrArray) emitted = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) expected = NULL;
  StarlingTimelineGap *gap;
  guint position;

  open_database (f);
  starling_feed_set_cache (feed, f->database, "brand@demo.example");
  refresh (feed);
  for (guint i = 0; i < 3; i++)
    load_older (feed);
  flush_cache (feed);
  all = shown_ids (feed);

  g_assert_cmpuint (starling_feed_trim_around (feed, 60, 20), ==, 40 + 0);
  g_assert_true (starling_feed_get_trimmed (feed));
  /* Trimmed, the cache is not written over with less. */
  flush_cache (feed);
  starling_feed_set_cache (later, f->database, "brand@demo.example");
  g_assert_cmpuint (load_cached (later), ==, all->len);

  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (emitted, starling_demo_server_emit_status (f->server));
  starling_demo_server_clear_requests (f->server);
  refresh (feed);
  /* One request for the newest page, without a cursor. */
  requests = requests_to (f->server, HOME);
  g_assert_cmpuint (requests->len, ==, 1);
  g_assert_null (query_param (requests->pdata[0], "min_id"));
  g_assert_null (query_param (requests->pdata[0], "since_id"));
  g_assert_false (starling_feed_get_trimmed (feed));
  gap = find_gap (feed);
  g_assert_nonnull (gap);
  g_assert_false (starling_timeline_gap_get_at_top (gap));
  position = position_of_gap (feed);
  /* A page, less what the filters hide. */
  g_assert_cmpuint (position, >, 10);
  g_assert_cmpuint (position, <=, 20);
  {
    g_autofree char *top = id_at (feed, 0);

    g_assert_true (g_ptr_array_find_with_equal_func (emitted, top, g_str_equal, NULL));
  }
  assert_ids_from (feed, position + 1, all, 40, all->len - 40);

  /* The gap fills as any other, down to post 40, once each. */
  while ((gap = find_gap (feed)) != NULL)
    fill_gap (feed, gap);
  expected = server_newer_than (f, all->pdata[40]);
  assert_top_is (feed, expected, all->pdata[40]);
  assert_each_once (feed);

  g_assert_finalize_object (g_steal_pointer (&later));
  finalize_feed (g_steal_pointer (&feed));
}

/* 9. No stream: polling */

static gboolean
feed_polling (gpointer data)
{
  return starling_feed_get_polling (data);
}

static void
test_polling (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (StarlingStreaming) streaming = new_streaming (f);
  g_autoptr (StarlingFeed) feed = starling_feed_new (f->client, STARLING_FEED_HOME, NULL);
  g_autoptr (StarlingFeed) alone = starling_feed_new (f->client, STARLING_FEED_HOME, NULL);
  g_autoptr (StarlingStatus) posted = NULL;
  g_autoptr (GPtrArray) requests = NULL;
  g_autofree char *id = NULL;
  g_autofree char *top = NULL;
  guint polls;

  /* The server closes every stream at once: the stream falls back to
   * polling, and so does the feed. */
  starling_demo_server_add_fault (f->server, NULL, "/api/v1/streaming", STARLING_DEMO_FAULT_STREAM_DROP, 50, 0);
  starling_feed_set_poll_interval (feed, 100);
  starling_feed_set_streaming (feed, streaming);
  refresh (feed);
  starling_feed_set_active (feed, TRUE);
  starling_streaming_start (streaming);
  run_until (feed_polling, feed, "the feed to poll");
  g_assert_cmpuint (starling_streaming_get_state (streaming), ==, STARLING_STREAMING_STATE_POLLING);
  g_assert_false (starling_feed_get_live (feed));

  top = id_at (feed, 0);
  posted = post (f, "Polled, not streamed");
  id = g_strdup (starling_status_get_id (posted));
  starling_demo_server_clear_requests (f->server);
  wait_shown (feed, id);
  requests = requests_to (f->server, HOME);
  g_assert_cmpuint (requests->len, >=, 1);
  for (guint i = 0; i < requests->len; i++)
    {
      g_autofree char *min_id = query_param (requests->pdata[i], "min_id");

      g_assert_nonnull (min_id);
    }

  /* About one poll an interval. */
  starling_demo_server_clear_requests (f->server);
  run_for (550);
  polls = count_home (f);
  g_assert_cmpuint (polls, >=, 2);
  g_assert_cmpuint (polls, <=, 7);

  /* Inactive: no more polls. */
  starling_feed_set_active (feed, FALSE);
  g_assert_false (starling_feed_get_polling (feed));
  run_for (50);
  starling_demo_server_clear_requests (f->server);
  run_for (300);
  g_assert_cmpuint (count_home (f), ==, 0);

  /* Without any stream set, a feed polls too. */
  starling_feed_set_poll_interval (alone, 50);
  starling_feed_set_active (alone, TRUE);
  g_assert_true (starling_feed_get_polling (alone));
  run_until (feed_polling, alone, "the lone feed to poll");
  {
    Shown shown = { alone, id };

    run_until (is_shown, &shown, "the lone feed's first poll");
  }

  starling_streaming_stop (streaming);
  g_assert_finalize_object (g_steal_pointer (&alone));
  g_assert_finalize_object (g_steal_pointer (&feed));
  g_assert_finalize_object (g_steal_pointer (&streaming));
}

/* 10. A refused token stops polling */

static gboolean
has_error (gpointer data)
{
  return starling_feed_get_error (data) != NULL;
}

static void
test_unauthorized (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (StarlingEntityMap) map = starling_entity_map_new ();
  g_autoptr (StarlingClient) client = starling_client_new (f->session, starling_demo_server_get_base_uri (f->server),
                                                           "a-token-the-server-never-issued", map);
  g_autoptr (StarlingFeed) feed = starling_feed_new (client, STARLING_FEED_HOME, NULL);
  const GError *error;

  starling_demo_server_clear_requests (f->server);
  starling_feed_set_poll_interval (feed, 20);
  starling_feed_set_active (feed, TRUE);
  g_assert_true (starling_feed_get_polling (feed));
  run_until (has_error, feed, "the refusal");

  error = starling_feed_get_error (feed);
  g_assert_error ((GError *) error, STARLING_API_ERROR, STARLING_API_ERROR_UNAUTHORIZED);
  g_assert_false (starling_feed_get_polling (feed));
  run_for (300);
  g_assert_cmpuint (count_home (f), ==, 1);
  g_assert_false (starling_feed_get_polling (feed));

  g_assert_finalize_object (g_steal_pointer (&feed));
}

/* 11. Failures make polling wait longer */

static void
test_poll_backoff (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (StarlingFeed) feed = starling_feed_new (f->client, STARLING_FEED_HOME, NULL);
  guint failed;

  starling_client_set_max_attempts (f->client, 1);
  refresh (feed);
  starling_demo_server_add_fault (f->server, "GET", HOME, STARLING_DEMO_FAULT_SERVER_ERROR, 100, 503);
  starling_demo_server_clear_requests (f->server);
  starling_feed_set_poll_interval (feed, 40);
  starling_feed_set_active (feed, TRUE);

  /* 40, 80, 160, 320 ms…: four polls in the first 700 ms, where steady
   * polling would make seventeen. */
  run_for (700);
  failed = count_home (f);
  g_assert_cmpuint (failed, >=, 2);
  g_assert_cmpuint (failed, <=, 5);
  g_assert_error ((GError *) starling_feed_get_error (feed), STARLING_API_ERROR, STARLING_API_ERROR_SERVER);
  /* A server error is no reason to stop. */
  g_assert_true (starling_feed_get_polling (feed));

  starling_feed_set_active (feed, FALSE);
  g_assert_finalize_object (g_steal_pointer (&feed));
}

/* 12. Notifications, grouped and one by one */

static void
test_notifications (Fixture       *f,
                    gconstpointer  data)
{
  gboolean grouped = GPOINTER_TO_INT (data);
  const char *path = grouped ? "/api/v2/notifications" : "/api/v1/notifications";
  g_autoptr (StarlingStreaming) streaming = new_streaming (f);
  g_autoptr (StarlingFeed) feed = NULL;
  g_autoptr (GPtrArray) requests = NULL;
  g_autoptr (GObject) top = NULL;
  g_autofree char *emitted = NULL;
  g_autofree char *min_id = NULL;
  guint n;

  starling_client_set_api_version (f->client, grouped ? 2 : 0);
  feed = starling_feed_new (f->client, STARLING_FEED_NOTIFICATIONS, NULL);
  starling_feed_set_streaming (feed, streaming);
  starling_feed_set_active (feed, TRUE);

  starling_demo_server_clear_requests (f->server);
  refresh (feed);
  requests = requests_to (f->server, path);
  g_assert_cmpuint (requests->len, ==, 1);
  g_assert_cmpuint (starling_demo_server_get_requests (f->server)->len, ==, 1);
  n = g_list_model_get_n_items (model_of (feed));
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model_of (feed), i);

      if (grouped)
        g_assert_true (STARLING_IS_NOTIFICATION_GROUP (item));
      else
        g_assert_true (STARLING_IS_NOTIFICATION (item));
    }

  /* Something new: one request from the newest notification. */
  emitted = starling_demo_server_emit_notification (f->server, "mention");
  g_assert_nonnull (emitted);
  refresh (feed);
  g_clear_pointer (&requests, g_ptr_array_unref);
  requests = requests_to (f->server, path);
  g_assert_cmpuint (requests->len, ==, 2);
  min_id = query_param (requests->pdata[1], "min_id");
  g_assert_nonnull (min_id);
  top = g_list_model_get_item (model_of (feed), 0);
  if (grouped)
    {
      g_assert_cmpstr (starling_notification_group_get_most_recent_notification_id (STARLING_NOTIFICATION_GROUP (top)), ==, emitted);
      g_assert_cmpstr (starling_notification_group_get_type_name (STARLING_NOTIFICATION_GROUP (top)), ==, "mention");
    }
  else
    g_assert_cmpstr (starling_notification_get_id (STARLING_NOTIFICATION (top)), ==, emitted);
  g_clear_object (&top);
  assert_each_once (feed);

  /* On the stream: favourites of one post, one group that comes to the
   * top and counts them. */
  starling_streaming_start (streaming);
  run_until (stream_connected, streaming, "the stream");
  run_for (100);
  {
    g_autofree char *first = starling_demo_server_emit_notification (f->server, "favourite");
    g_autofree char *second = starling_demo_server_emit_notification (f->server, "favourite");

    if (grouped)
      {
        StarlingNotificationGroup *group;

        for (;;)
          {
            g_autoptr (GObject) item = g_list_model_get_item (model_of (feed), 0);

            group = STARLING_NOTIFICATION_GROUP (item);
            if (g_strcmp0 (starling_notification_group_get_most_recent_notification_id (group), second) == 0)
              break;
            g_main_context_iteration (NULL, TRUE);
          }
        g_assert_cmpstr (starling_notification_group_get_type_name (group), ==, "favourite");
        g_assert_cmpint (starling_notification_group_get_notifications_count (group), >=, 2);
        g_assert_nonnull (starling_notification_group_get_status (group));
        g_assert_cmpuint (starling_notification_group_get_sample_accounts (group)->len, >=, 1);
      }
    else
      {
        wait_shown (feed, second);
        g_assert_true (shows (feed, first));
        top = g_list_model_get_item (model_of (feed), 0);
        g_assert_cmpstr (starling_notification_get_id (STARLING_NOTIFICATION (top)), ==, second);
      }
  }
  assert_each_once (feed);

  starling_streaming_stop (streaming);
  g_assert_finalize_object (g_steal_pointer (&feed));
  g_assert_finalize_object (g_steal_pointer (&streaming));
}

/* 13. Bookmarks page by their own cursors */

static void
test_bookmarks (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (StarlingFeed) feed = starling_feed_new (f->client, STARLING_FEED_BOOKMARKS, NULL);
  g_autoptr (GPtrArray) requests = NULL;
  guint pages = 1;

  starling_demo_server_clear_requests (f->server);
  refresh (feed);
  g_assert_cmpuint (g_list_model_get_n_items (model_of (feed)), >, 0);
  while (!starling_feed_get_at_end (feed))
    {
      g_autofree char *oldest = id_at (feed, g_list_model_get_n_items (model_of (feed)) - 1);
      g_autofree char *max_id = NULL;

      load_older (feed);
      pages++;
      g_assert_cmpuint (pages, <, 50);
      g_clear_pointer (&requests, g_ptr_array_unref);
      requests = requests_to (f->server, "/api/v1/bookmarks");
      g_assert_cmpuint (requests->len, ==, pages);
      /* The cursor the Link header gave, not the id of a post. */
      max_id = query_param (requests->pdata[pages - 1], "max_id");
      g_assert_nonnull (max_id);
      g_assert_cmpstr (max_id, !=, oldest);
    }
  assert_each_once (feed);
  g_test_message ("%u bookmarks on %u pages", g_list_model_get_n_items (model_of (feed)), pages);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add ("/starling/feed/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("refresh", test_refresh, NULL);
  ADD ("gap", test_gap, NULL);
  ADD ("older-to-the-end", test_older_to_the_end, NULL);
  ADD ("coalescing", test_coalescing, NULL);
  ADD ("cancel", test_cancel, NULL);
  ADD ("cache", test_cache, NULL);
  ADD ("streaming", test_streaming, NULL);
  ADD ("reconnect", test_reconnect, NULL);
  ADD ("polling", test_polling, NULL);
  ADD ("trim", test_trim, NULL);
  ADD ("trim-refresh", test_trim_refresh, NULL);
  ADD ("unauthorized", test_unauthorized, NULL);
  ADD ("poll-backoff", test_poll_backoff, NULL);
  ADD ("notifications-grouped", test_notifications, GINT_TO_POINTER (TRUE));
  ADD ("notifications-v1", test_notifications, GINT_TO_POINTER (FALSE));
  ADD ("bookmarks", test_bookmarks, NULL);

#undef ADD

  return g_test_run ();
}
