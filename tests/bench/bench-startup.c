/* bench-startup.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Start to the first painted timeline, from the cache. First it prepares
 * what a second start finds: an account of the demo instance signed in
 * (its token in the keyring, the account and the active account in a data
 * file) and home's newest posts kept in that file. Then it starts the real
 * application RUNS times, each in a new process, on that data file, and
 * times the first frame (GdkFrameClock "after-paint") whose home timeline
 * has rows:
 *  - from the spawn of the process,
 *  - from main(),
 *  - from the application's activate;
 * and, from the spawn, the first frame after which home is settled: at the
 * reading position (the marker, from the server), and with a row for its
 * last post (the cache's posts come a few a frame).
 * The demo server stays in this process and answers the refresh that
 * follows, but the first rows come from the cache.
 * Prints figures; it does not pass or fail.
 *
 * It needs a display:
 *   xvfb-run -a env GSK_RENDERER=cairo _build/tests/bench/bench-startup [RUNS]
 * It never uses the user's keyring, bus or folders: unless it runs inside
 * tests/with-keyring.sh already, it starts itself again inside it, which
 * gives it a D-Bus session, a GNOME Keyring unlocked by a throw-away
 * password (nothing can prompt) and HOME and XDG folders of its own.
 * Whatever does not answer in time (the keyring, the demo server, a start
 * that shows no timeline) ends it with a message that says what, never a
 * hang.
 */

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "api/starling-account-manager.h"
#include "api/starling-feed.h"
#include "api/starling-session.h"
#include "demo/starling-demo-server.h"
#include "starling-application.h"
#include "starling-malloc.h"
#include "starling-window.h"
#include "ui/timeline/starling-timeline-page.h"

#define SEED 4242
/* How long the child may take to show its timeline, and how long the
 * parent waits for anything (the keyring, the demo server, a child that
 * does not give up by itself). */
#define CHILD_SECONDS 60
#define PARENT_SECONDS 90

/* The child: the application, until home shows rows. */

typedef struct
{
  StarlingApplication *app;
  gint64               spawned;
  gint64               main_entered;
  gint64               activated;
  gint64               first_paint;
  gboolean             done;
  gulong               paint_handler;
  GdkFrameClock       *clock;
} Child;

/* Home, when it shows rows. */
static StarlingTimelinePage *
home_with_rows (StarlingWindow *window)
{
  StarlingMainView *view = starling_window_get_main_view (window);
  GtkWidget *page;

  if (g_strcmp0 (starling_window_get_visible_page (window), "signed-in") != 0)
    return NULL;
  page = starling_main_view_get_page (view, "home");
  if (STARLING_IS_TIMELINE_PAGE (page)
      && g_strcmp0 (starling_timeline_page_get_state (STARLING_TIMELINE_PAGE (page)), "list") == 0
      && gtk_widget_get_mapped (page)
      && starling_timeline_page_get_row_at (STARLING_TIMELINE_PAGE (page), 0) != NULL)
    return STARLING_TIMELINE_PAGE (page);
  return NULL;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Child         *child)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (child->app));
  gint64 now = g_get_monotonic_time ();
  StarlingTimelinePage *home = windows != NULL ? home_with_rows (windows->data) : NULL;

  if (child->done || home == NULL)
    return;

  if (child->first_paint == 0)
    child->first_paint = now;
  if (!starling_timeline_page_get_settled (home)
      || starling_timeline_page_get_row_at (home, g_list_model_get_n_items (G_LIST_MODEL (
           starling_feed_get_timeline (starling_timeline_page_get_feed (home)))) - 1) == NULL)
    return;

  child->done = TRUE;
  /* GLib's debug messages go to standard output too: the figures have a
   * line of their own. */
  g_print ("\nSTARTUP %.1f %.1f %.1f %.1f\n", (child->first_paint - child->spawned) / 1000.0,
           (child->first_paint - child->main_entered) / 1000.0, (child->first_paint - child->activated) / 1000.0,
           (now - child->spawned) / 1000.0);
}

static void
activate_cb (GApplication *app,
             Child        *child)
{
  child->activated = g_get_monotonic_time ();
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 Child          *child)
{
  gtk_widget_realize (GTK_WIDGET (window));
  child->clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  child->paint_handler = g_signal_connect_after (child->clock, "after-paint", G_CALLBACK (after_paint_cb), child);
}

static gboolean
give_up_cb (gpointer user_data)
{
  Child *child = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (child->app));

  StarlingTimelinePage *home = windows != NULL ? home_with_rows (windows->data) : NULL;

  if (home != NULL)
    g_printerr ("bench-startup: home showed rows after %.1f ms, but did not settle in %d s\n",
                (child->first_paint - child->spawned) / 1000.0, CHILD_SECONDS);
  else
    g_printerr ("bench-startup: no timeline after %d s: the window shows %s\n", CHILD_SECONDS,
                windows != NULL ? starling_window_get_visible_page (windows->data) : "nothing");
  exit (1);
}

static int
run_child (const char *database)
{
  g_autoptr (GError) error = NULL;
  Child child = { 0 };
  const char *spawned = g_getenv ("STARLING_BENCH_SPAWNED");

  child.main_entered = g_get_monotonic_time ();
  /* Standard output carries the figures; messages go to standard error. */
  g_log_writer_default_set_use_stderr (TRUE);
  child.spawned = spawned != NULL ? g_ascii_strtoll (spawned, NULL, 10) : child.main_entered;

  child.app = starling_application_new ();
  starling_application_set_storage (child.app, database, FALSE);
  g_signal_connect (child.app, "activate", G_CALLBACK (activate_cb), &child);
  g_signal_connect (child.app, "window-added", G_CALLBACK (window_added_cb), &child);
  if (!g_application_register (G_APPLICATION (child.app), NULL, &error))
    g_error ("The application did not register: %s", error->message);
  g_application_activate (G_APPLICATION (child.app));

  g_timeout_add_seconds (CHILD_SECONDS, give_up_cb, &child);
  while (!child.done)
    g_main_context_iteration (NULL, TRUE);

  g_signal_handler_disconnect (child.clock, child.paint_handler);
  g_application_quit (G_APPLICATION (child.app));
  g_clear_object (&child.app);
  return 0;
}

/* The parent: the demo server, what the first start leaves, and the
 * runs. */

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

typedef struct
{
  const char  *what;
  GSubprocess *process;
} Waiting;

static gboolean
timed_out_cb (gpointer user_data)
{
  Waiting *waiting = user_data;

  g_printerr ("bench-startup: %s did not finish within %d s; giving up\n", waiting->what, PARENT_SECONDS);
  if (waiting->process != NULL)
    g_subprocess_force_exit (waiting->process);
  exit (1);
}

/* Runs the main loop until @slot is filled, or ends the benchmark with a
 * message naming @what (and kills @process) when that takes too long. */
static GAsyncResult *
wait_result_of (GAsyncResult **slot,
                const char    *what,
                GSubprocess   *process)
{
  Waiting waiting = { what, process };
  guint timeout = g_timeout_add_seconds (PARENT_SECONDS, timed_out_cb, &waiting);

  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  return *slot;
}

static GAsyncResult *
wait_result (GAsyncResult **slot,
             const char    *what)
{
  return wait_result_of (slot, what, NULL);
}

static void
prepare (StarlingDemoServer *server,
         const char         *database_path)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingDatabase) database = NULL;
  g_autoptr (StarlingSecretStore) store = starling_secret_store_new ();
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (StarlingAccountManager) manager = NULL;
  g_autoptr (StarlingAccountSession) account = NULL;
  g_autoptr (StarlingFeed) feed = NULL;
  g_autofree char *token = starling_demo_server_create_token (server, "read write follow push");

  starling_database_open_async (database_path, NULL, result_cb, &result);
  database = starling_database_open_finish (wait_result (&result, "Opening the data file"), &error);
  if (database == NULL)
    g_error ("Could not open %s: %s", database_path, error->message);
  g_clear_object (&result);

  manager = starling_account_manager_new (session, database, store);
  starling_account_manager_add_async (manager, starling_demo_server_get_base_uri (server), token, NULL,
                                      result_cb, &result);
  account = starling_account_manager_add_finish (manager, wait_result (&result, "Signing in (the keyring?)"),
                                                 &error);
  if (account == NULL)
    g_error ("Could not sign in: %s", error->message);
  g_clear_object (&result);

  feed = starling_feed_new (starling_account_session_get_client (account), STARLING_FEED_HOME, NULL);
  starling_feed_set_cache (feed, database, starling_account_session_get_handle (account));
  starling_feed_refresh_async (feed, NULL, result_cb, &result);
  if (!starling_feed_refresh_finish (feed, wait_result (&result, "Loading home"), &error))
    g_error ("Could not load home: %s", error->message);
  g_clear_object (&result);
  for (guint i = 0; i < 2; i++)
    {
      starling_feed_load_older_async (feed, NULL, result_cb, &result);
      if (!starling_feed_load_older_finish (feed, wait_result (&result, "Loading older posts"), &error))
        g_error ("Could not load older posts: %s", error->message);
      g_clear_object (&result);
    }
  starling_feed_flush_cache_async (feed, NULL, result_cb, &result);
  if (!starling_feed_flush_cache_finish (feed, wait_result (&result, "Writing the cache"), &error))
    g_error ("Could not write the cache: %s", error->message);
  g_print ("Prepared: @%s with %u posts of home in the cache\n", starling_account_session_get_handle (account),
           g_list_model_get_n_items (G_LIST_MODEL (starling_feed_get_timeline (feed))));
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (StarlingDemoServer) server = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *database = NULL;
  double times[4][64];
  guint runs;

  /* As starling does (main.c): the children start the app. */
  starling_malloc_tune ();
  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
    g_setenv ("GSETTINGS_SCHEMA_DIR", BUILDDIR "/data", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("bench-startup needs a display: run it as xvfb-run -a env GSK_RENDERER=cairo %s [RUNS]\n",
                  argv[0]);
      return 1;
    }

  /* Never the user's keyring: a locked one would prompt, and the account
   * made here would stay in it. with-keyring.sh sets
   * STARLING_KEYRING_SESSION inside the session it makes. */
  if (g_getenv ("STARLING_KEYRING_SESSION") == NULL)
    {
      const char *script = SRCDIR "/tests/with-keyring.sh";
      char *args[] = { (char *) "sh", (char *) script, argv[0], argc > 1 ? argv[1] : NULL, NULL };

      execvp ("sh", args);
      g_printerr ("bench-startup could not run %s: %s\n", script, g_strerror (errno));
      return 1;
    }

  runs = CLAMP (argc > 1 ? atoi (argv[1]) : 5, 1, 64);
  server = starling_demo_server_new (SEED);
  if (!starling_demo_server_start (server, &error))
    g_error ("The demo server did not start: %s", error->message);
  /* In with-keyring.sh's folder, which goes with the session whatever
   * happens here. */
  dir = g_build_filename (g_getenv ("STARLING_TEST_ROOT") ? g_getenv ("STARLING_TEST_ROOT") : g_get_tmp_dir (),
                          "bench-startup", NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    g_error ("Could not make %s: %s", dir, g_strerror (errno));
  database = g_build_filename (dir, "starling.db", NULL);
  prepare (server, database);

  /* One start that is not counted: the files it reads come into the page
   * cache, as on a machine where Starling ran before. */
  for (guint run = 0; run <= runs; run++)
    {
      g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
      g_autoptr (GSubprocess) process = NULL;
      g_autoptr (GAsyncResult) result = NULL;
      g_autofree char *spawned = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
      g_autofree char *output = NULL;
      g_auto (GStrv) fields = NULL;

      g_subprocess_launcher_setenv (launcher, "STARLING_BENCH_SPAWNED", spawned, TRUE);
      process = g_subprocess_launcher_spawn (launcher, &error, argv[0], "--child", database, NULL);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8_async (process, NULL, NULL, result_cb, &result);
      if (!g_subprocess_communicate_utf8_finish (process, wait_result_of (&result, "A start", process), &output,
                                                 NULL, &error))
        g_error ("The run failed: %s", error->message);
      {
        const char *line = strstr (output, "\nSTARTUP ");
        g_autofree char *figures = NULL;

        if (line != NULL)
          {
            figures = g_strndup (line + 9, strcspn (line + 9, "\n"));
            fields = g_strsplit (figures, " ", 4);
          }
      }
      if (fields == NULL || g_strv_length (fields) != 4)
        {
          /* The child's messages went to standard error, above. */
          g_printerr ("bench-startup: start %u failed (%s %d) without figures; it printed:\n%s\n", run,
                      g_subprocess_get_if_signaled (process) ? "signal" : "exit status",
                      g_subprocess_get_if_signaled (process) ? g_subprocess_get_term_sig (process)
                                                             : g_subprocess_get_exit_status (process),
                      output);
          return 1;
        }
      if (run == 0)
        continue;
      for (guint i = 0; i < 4; i++)
        times[i][run - 1] = g_ascii_strtod (fields[i], NULL);
      g_print ("  run %u: %s ms from the spawn, %s ms from main(), %s ms from activate; settled at %s ms\n", run,
               fields[0], fields[1], fields[2], fields[3]);
    }

  for (guint i = 0; i < 4; i++)
    qsort (times[i], runs, sizeof (double), compare_doubles);
  g_print ("Start to the first painted timeline from the cache (median of %u runs, GSK_RENDERER=%s):\n"
           "  %.1f ms from the spawn, %.1f ms from main(), %.1f ms from activate\n"
           "Home settled (at the reading position, a row for its last post): %.1f ms from the spawn\n",
           runs, g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default",
           times[0][runs / 2], times[1][runs / 2], times[2][runs / 2], times[3][runs / 2]);

  starling_demo_server_stop (server);
  for (guint i = 0; i < 3; i++)
    {
      const char *suffix[] = { "", "-wal", "-shm" };
      g_autofree char *path = g_strconcat (database, suffix[i], NULL);

      g_remove (path);
    }
  g_rmdir (dir);
  return 0;
}
