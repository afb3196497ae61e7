/* bench-scroll.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scrolls the home timeline of the demo instance in a real window (the
 * shell filled by StarlingReader, 1280 × 800), a steady flick of STEP
 * pixels a frame, down through N posts, loading older pages ahead of the
 * reader as a person scrolling would. It prints:
 *  - the resident memory (VmRSS of /proc/self/status) and malloc's heap in
 *    use after 1,000 posts and after N (5,000 by default) — the goal is
 *    that the second is within 10% of the first, rows being recycled and
 *    pictures evicted;
 *  - what is alive at each point (posts in the timeline, entities in the
 *    identity map, the image loader's memory cache); the page lets go of
 *    the posts far above the reader, so the posts scrolled past are
 *    counted as the top row's position plus the items that left above it;
 *  - the frame times while scrolling, from GdkFrameClock: the work of each
 *    frame (from its update phase to the end of its paint) in wall-clock
 *    time and in the window thread's CPU time (which other processes on a
 *    busy machine do not inflate), and the time between frames, as mean,
 *    95th percentile and maximum, for each thousand posts and overall.
 * The demo server answers from a thread of its own, as a real server
 * would from elsewhere: the pictures it draws take no time from the
 * window's frames.
 * Prints figures; it does not pass or fail.
 *
 * The posts the benchmark adds carry a picture one time in three, as a
 * home timeline does, so the first checkpoint already holds what the
 * last one does; "text" adds text-only posts (the demo world's own posts,
 * with their pictures, then come only after some 4,000).
 *
 *   xvfb-run -a env GSK_RENDERER=cairo bench-scroll [N] [STEP] [media|text]
 */

#include "config.h"

#include <malloc.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "api/starling-session.h"
#include "demo/starling-demo-server.h"
#include "starling-malloc.h"
#include "ui/shell/starling-main-view.h"
#include "ui/timeline/starling-reader.h"
#include "ui/timeline/starling-timeline-page.h"

#define SEED 4242
#define FIRST_CHECKPOINT 1000

typedef struct
{
  StarlingTimelinePage *page;
  GtkAdjustment        *adjustment;
  double                step;
  guint                 target;
  gboolean              done;

  gint64                frame_start;
  gint64                frame_cpu_start;
  GArray               *cpu;       /* double, ms */
  GArray               *segment_cpu;
  gint64                last_paint;
  GArray               *work;      /* double, ms */
  GArray               *intervals; /* double, ms */
  guint                 stalls;    /* frames that waited for older posts */

  GArray               *segment;   /* double, ms: this thousand's work */
  guint                 next_segment;
  double                rss[2];
  double                rss_trimmed[2];
  double                heap[2];
  guint                 alive_posts[2];
  guint                 alive_entities[2];
  guint64               image_memory[2];
  guint                 checkpoints;
  /* Items that left the timeline above the reader (trimmed). */
  int                   left_above;
} Scroll;

/* The demo server, in its thread. */
typedef struct
{
  GMutex              lock;
  GCond               cond;
  guint               n_home;
  StarlingDemoServer *server;
  char               *token;
  GMainContext       *context;
  GMainLoop          *loop;
  gboolean            ready;
  gboolean            media;
} Server;

static StarlingEntityMap *entity_map;
static StarlingImageLoader *image_loader;

static double
resident_mib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line != NULL ? g_ascii_strtod (line + 6, NULL) / 1024.0 : -1;
}

static gint64
thread_cpu_us (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static double
heap_in_use_mib (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return (info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
}

static const char *
load_average (void)
{
  static char text[128];
  g_autofree char *contents = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &contents, NULL, NULL))
    return "unknown\n";
  g_strlcpy (text, contents, sizeof text);
  return text;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
print_times (const char *what,
             GArray     *times)
{
  double sum = 0;

  if (times->len == 0)
    return;
  g_array_sort (times, compare_doubles);
  for (guint i = 0; i < times->len; i++)
    sum += g_array_index (times, double, i);
  g_print ("  %-28s mean %6.2f ms   p95 %6.2f ms   max %7.2f ms   (%u frames)\n", what,
           sum / times->len, g_array_index (times, double, (guint) (times->len * 0.95)),
           g_array_index (times, double, times->len - 1), times->len);
}

static void
checkpoint (Scroll *scroll,
            guint   index)
{
  StarlingFeed *feed = starling_timeline_page_get_feed (scroll->page);

  scroll->rss[index] = resident_mib ();
  scroll->heap[index] = heap_in_use_mib ();
  scroll->alive_posts[index] = g_list_model_get_n_items (G_LIST_MODEL (starling_feed_get_timeline (feed)));
  scroll->alive_entities[index] = starling_entity_map_get_size (entity_map);
  scroll->image_memory[index] = starling_image_loader_get_memory_used (image_loader);
  malloc_trim (0);
  scroll->rss_trimmed[index] = resident_mib ();
  scroll->checkpoints = index + 1;
}

static void
update_cb (GdkFrameClock *clock,
           Scroll        *scroll)
{
  scroll->frame_start = g_get_monotonic_time ();
  scroll->frame_cpu_start = thread_cpu_us ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Scroll        *scroll)
{
  gint64 now = g_get_monotonic_time ();
  double work = (now - scroll->frame_start) / 1000.0;

  if (scroll->frame_start != 0 && scroll->checkpoints < 2)
    {
      double cpu = (thread_cpu_us () - scroll->frame_cpu_start) / 1000.0;

      g_array_append_val (scroll->work, work);
      g_array_append_val (scroll->segment, work);
      g_array_append_val (scroll->cpu, cpu);
      g_array_append_val (scroll->segment_cpu, cpu);
    }
  if (scroll->last_paint != 0 && scroll->checkpoints < 2)
    {
      double interval = (now - scroll->last_paint) / 1000.0;

      g_array_append_val (scroll->intervals, interval);
    }
  scroll->last_paint = now;
  scroll->frame_start = 0;
}

/* Items removed above the top row move it up without the reader moving. */
static void
timeline_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Scroll     *scroll)
{
  int top = starling_timeline_page_get_top_position (scroll->page);

  if ((int) position < top)
    scroll->left_above += (int) removed - (int) added;
}

/* Each frame: one step further down, as far as what is loaded goes. */
static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Scroll *scroll = user_data;
  double value = gtk_adjustment_get_value (scroll->adjustment);
  double bottom = gtk_adjustment_get_upper (scroll->adjustment) - gtk_adjustment_get_page_size (scroll->adjustment);
  int top = starling_timeline_page_get_top_position (scroll->page) + scroll->left_above;

  if (top >= (int) scroll->next_segment && scroll->segment->len > 0)
    {
      g_autofree char *what = g_strdup_printf ("posts %u–%u, work", scroll->next_segment - 1000, scroll->next_segment);

      g_autofree char *what_cpu = g_strdup_printf ("posts %u–%u, CPU", scroll->next_segment - 1000,
                                                   scroll->next_segment);

      print_times (what, scroll->segment);
      print_times (what_cpu, scroll->segment_cpu);
      g_print ("  %-28s %.1f MiB resident, %u posts loaded, %.1f MiB of pictures\n", "", resident_mib (),
               g_list_model_get_n_items (G_LIST_MODEL (starling_feed_get_timeline (starling_timeline_page_get_feed (scroll->page)))),
               starling_image_loader_get_memory_used (image_loader) / 1048576.0);
      g_array_set_size (scroll->segment, 0);
      g_array_set_size (scroll->segment_cpu, 0);
      scroll->next_segment += 1000;
    }
  if (scroll->checkpoints == 0 && top >= FIRST_CHECKPOINT)
    {
      checkpoint (scroll, 0);
      g_print ("  after %5d posts: %.1f MiB resident\n", top, scroll->rss[0]);
    }
  if (top >= (int) scroll->target)
    {
      checkpoint (scroll, 1);
      g_print ("  after %5d posts: %.1f MiB resident\n", top, scroll->rss[1]);
      scroll->done = TRUE;
      return G_SOURCE_REMOVE;
    }

  if (value >= bottom - 1)
    scroll->stalls++;
  gtk_adjustment_set_value (scroll->adjustment, MIN (value + scroll->step, bottom));
  return G_SOURCE_CONTINUE;
}

static gboolean
page_ready (StarlingTimelinePage *page)
{
  return g_strcmp0 (starling_timeline_page_get_state (page), "list") == 0
         && starling_timeline_page_get_settled (page);
}

static gpointer
server_thread (gpointer data)
{
  Server *server = data;
  g_autoptr (GError) error = NULL;
  GRand *rand;

  server->context = g_main_context_new ();
  g_main_context_push_thread_default (server->context);
  server->loop = g_main_loop_new (server->context, FALSE);
  server->server = starling_demo_server_new (SEED);
  if (!starling_demo_server_start (server->server, &error))
    g_error ("The demo server did not start: %s", error->message);
  /* Enough posts on home for the scroll: people the account follows post.
   * Their posts have no pictures; the demo world's own, further down (past
   * about 3,900 posts of 5,400), do. With `media`, a third of them have
   * pictures too, so that both checkpoints see alike timelines. */
  rand = g_rand_new_with_seed (SEED);
  while (starling_demo_server_count_home_statuses (server->server) < server->n_home)
    {
      if (server->media && g_rand_int_range (rand, 0, 3) == 0)
        g_free (starling_demo_server_emit_status_with_media (server->server, g_rand_int_range (rand, 1, 5)));
      else
        g_free (starling_demo_server_emit_status (server->server));
    }
  g_rand_free (rand);
  server->token = starling_demo_server_create_token (server->server, "read write follow push");

  g_mutex_lock (&server->lock);
  server->ready = TRUE;
  g_cond_signal (&server->cond);
  g_mutex_unlock (&server->lock);

  g_main_loop_run (server->loop);

  starling_demo_server_stop (server->server);
  g_clear_object (&server->server);
  g_main_context_pop_thread_default (server->context);
  g_main_loop_unref (server->loop);
  g_main_context_unref (server->context);
  return NULL;
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

int
main (int   argc,
      char *argv[])
{
  Server server = { 0 };
  GThread *thread;
  g_autoptr (SoupSession) session = NULL;
  g_autoptr (StarlingAccountManager) manager = NULL;
  g_autoptr (StarlingAccountSession) account = NULL;
  g_autoptr (StarlingReader) reader = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *cache_dir = NULL;
  g_autofree char *images = NULL;
  GtkWindow *window;
  StarlingMainView *view;
  GdkFrameClock *clock;
  Scroll scroll = { 0 };
  gint64 started;

  /* As starling does (main.c): the figures are the app's. */
  starling_malloc_tune ();
  scroll.target = argc > 1 ? (guint) atoi (argv[1]) : 5000;
  scroll.step = argc > 2 ? g_ascii_strtod (argv[2], NULL) : 400;
  server.media = !(argc > 3 && g_str_equal (argv[3], "text"));
  scroll.work = g_array_new (FALSE, FALSE, sizeof (double));
  scroll.intervals = g_array_new (FALSE, FALSE, sizeof (double));
  scroll.segment = g_array_new (FALSE, FALSE, sizeof (double));
  scroll.cpu = g_array_new (FALSE, FALSE, sizeof (double));
  scroll.segment_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  scroll.next_segment = 1000;

  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
    g_setenv ("GSETTINGS_SCHEMA_DIR", BUILDDIR "/data", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();

  g_mutex_init (&server.lock);
  g_cond_init (&server.cond);
  server.n_home = scroll.target + 400;
  thread = g_thread_new ("demo-server", server_thread, &server);
  g_mutex_lock (&server.lock);
  while (!server.ready)
    g_cond_wait (&server.cond, &server.lock);
  g_mutex_unlock (&server.lock);

  session = starling_session_new (starling_demo_server_get_proxy_resolver (server.server));
  cache_dir = g_dir_make_tmp ("starling-bench-scroll-XXXXXX", &error);
  g_assert_no_error (error);
  images = g_build_filename (cache_dir, "images", NULL);
  image_loader = starling_image_loader_new (session, images);
  manager = starling_account_manager_new (session, NULL, NULL);
  starling_account_manager_add_async (manager, starling_demo_server_get_base_uri (server.server), server.token,
                                      NULL, result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  account = starling_account_manager_add_finish (manager, result, &error);
  g_assert_no_error (error);
  entity_map = starling_account_session_get_entity_map (account);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1280, 800);
  view = STARLING_MAIN_VIEW (starling_main_view_new ());
  gtk_window_set_child (window, GTK_WIDGET (view));
  reader = starling_reader_new (view, image_loader);
  starling_reader_set_session (reader, account);
  gtk_window_present (window);

  scroll.page = STARLING_TIMELINE_PAGE (starling_main_view_get_page (view, "home"));
  scroll.adjustment = starling_timeline_page_get_vadjustment (scroll.page);
  while (!page_ready (scroll.page))
    g_main_context_iteration (NULL, TRUE);
  starling_timeline_page_scroll_to_top (scroll.page);
  /* Before the page's own handler, while the top row is where it was. */
  g_signal_connect (starling_feed_get_timeline (starling_timeline_page_get_feed (scroll.page)), "items-changed",
                    G_CALLBACK (timeline_changed_cb), &scroll);

  g_print ("Scrolling home (at least %u posts on the server) by %.0f px a frame, down %u posts, in a 1280×800 window "
           "(GSK_RENDERER=%s), %s\n",
           server.n_home, scroll.step, scroll.target,
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default",
           server.media ? "one added post in three with a picture" : "added posts text only");

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "update", G_CALLBACK (update_cb), &scroll);
  g_signal_connect_after (clock, "after-paint", G_CALLBACK (after_paint_cb), &scroll);
  started = g_get_monotonic_time ();
  gtk_widget_add_tick_callback (GTK_WIDGET (scroll.page), tick_cb, &scroll, NULL);
  while (!scroll.done)
    g_main_context_iteration (NULL, TRUE);

  g_print ("Load average when done: %s", load_average ());
  g_print ("Took %.1f s; %u frames waited at the bottom for older posts\n",
           (g_get_monotonic_time () - started) / 1e6, scroll.stalls);
  g_print ("Frame times while scrolling:\n");
  print_times ("work (update → painted)", scroll.work);
  print_times ("work, CPU of the window thread", scroll.cpu);
  print_times ("between frames", scroll.intervals);

  g_print ("Memory:\n");
  g_print ("  %-34s %10s %10s %8s\n", "", "1,000", "end", "change");
  g_print ("  %-34s %10.1f %10.1f %+7.1f%%\n", "resident (MiB)", scroll.rss[0], scroll.rss[1],
           100 * (scroll.rss[1] - scroll.rss[0]) / scroll.rss[0]);
  g_print ("  %-34s %10.1f %10.1f %+7.1f%%\n", "resident after malloc_trim (MiB)", scroll.rss_trimmed[0],
           scroll.rss_trimmed[1], 100 * (scroll.rss_trimmed[1] - scroll.rss_trimmed[0]) / scroll.rss_trimmed[0]);
  g_print ("  %-34s %10.1f %10.1f %+7.1f%%\n", "malloc heap in use (MiB)", scroll.heap[0], scroll.heap[1],
           100 * (scroll.heap[1] - scroll.heap[0]) / scroll.heap[0]);
  g_print ("  %-34s %10u %10u\n", "posts in the timeline", scroll.alive_posts[0], scroll.alive_posts[1]);
  g_print ("  %-34s %10u %10u\n", "entities in the identity map", scroll.alive_entities[0], scroll.alive_entities[1]);
  g_print ("  %-34s %10.1f %10.1f\n", "image memory cache (MiB)", scroll.image_memory[0] / 1048576.0,
           scroll.image_memory[1] / 1048576.0);

  gtk_window_destroy (window);
  g_clear_object (&reader);
  g_clear_object (&account);
  g_clear_object (&manager);
  g_clear_object (&image_loader);
  g_main_loop_quit (server.loop);
  g_thread_join (thread);
  g_free (server.token);
  g_array_unref (scroll.work);
  g_array_unref (scroll.intervals);
  g_array_unref (scroll.segment);
  g_array_unref (scroll.cpu);
  g_array_unref (scroll.segment_cpu);
  return 0;
}
