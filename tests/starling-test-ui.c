/* starling-test-ui.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers for the tests that show real windows under Xvfb.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "starling-test-ui.h"

#define WAIT_TIMEOUT_SECONDS 20

static gboolean
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  gboolean *painted = user_data;

  *painted = TRUE;
  return G_SOURCE_CONTINUE;
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/**
 * starling_test_wait_until:
 *
 * Runs the main loop until @condition holds, and fails the test if it does
 * not within twenty seconds.
 */
void
starling_test_wait_until (gboolean (*condition) (gpointer data),
                          gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_SECONDS * G_TIME_SPAN_SECOND;
  guint wake;

  /* The loop wakes up now and then, so a condition that never comes true
   * fails the test instead of hanging it. */
  wake = g_timeout_add (100, wake_cb, NULL);
  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for a condition");
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
}

/**
 * starling_test_wait_for_draw:
 *
 * Runs the main loop until @widget's surface has painted a frame after the
 * call, so what the test checks next is what a person would see.
 */
void
starling_test_wait_for_draw (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong handler;

  starling_test_wait_until ((gboolean (*) (gpointer)) gtk_widget_get_mapped, widget);

  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  starling_test_wait_until (is_true, &painted);
  g_signal_handler_disconnect (clock, handler);
}

/**
 * starling_test_save_screenshot:
 *
 * Renders @widget as it is now into `$STARLING_SCREENSHOT_DIR/NAME.png` (the
 * build's `tests/screenshots/` by default), so a person can look at it.
 */
void
starling_test_save_screenshot (GtkWidget  *widget,
                               const char *name)
{
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  const char *dir;
  GskRenderer *renderer;
  int width;
  int height;

  dir = g_getenv ("STARLING_SCREENSHOT_DIR");
  if (dir == NULL)
    dir = g_get_tmp_dir ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  file_name = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot saved to %s", path);
}
