/* starling-test-ui.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers for the tests that show real windows under Xvfb.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "starling-test-ui.h"

static gboolean
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  gboolean *painted = user_data;

  *painted = TRUE;
  return G_SOURCE_CONTINUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
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

static void
save_node (GtkWidget     *widget,
           GskRenderNode *node,
           int            width,
           int            height,
           const char    *name)
{
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  const char *dir;
  GskRenderer *renderer;

  dir = g_getenv ("STARLING_SCREENSHOT_DIR");
  if (dir == NULL)
    dir = g_get_tmp_dir ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  file_name = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot saved to %s", path);
}

static void
snapshot_widget (GtkSnapshot *snapshot,
                 GtkWidget   *widget)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
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
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  int width;
  int height;

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* A widget waiting for a new size draws nothing: draw it first. */
  for (int attempt = 0; node == NULL && attempt < 10; attempt++)
    {
      starling_test_wait_for_draw (widget);
      g_clear_pointer (&snapshot, g_object_unref);
      snapshot = gtk_snapshot_new ();
      snapshot_widget (snapshot, widget);
      node = gtk_snapshot_to_node (snapshot);
    }
  g_assert_nonnull (node);
  save_node (widget, node, width, height, name);
}

/**
 * starling_test_save_screenshot_with_popup:
 *
 * Like starling_test_save_screenshot(), with @popup (a popover of
 * @window, which has a surface of its own) drawn where it is on screen.
 */
void
starling_test_save_screenshot_with_popup (GtkWidget  *window,
                                          GtkWidget  *popup,
                                          const char *name)
{
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (popup));
  double window_x, window_y, popup_x, popup_y;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  g_assert_true (GDK_IS_POPUP (surface));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &window_x, &window_y);
  gtk_native_get_surface_transform (GTK_NATIVE (popup), &popup_x, &popup_y);

  snapshot = gtk_snapshot_new ();
  snapshot_widget (snapshot, window);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (gdk_popup_get_position_x (GDK_POPUP (surface)) + popup_x - window_x,
                                                          gdk_popup_get_position_y (GDK_POPUP (surface)) + popup_y - window_y));
  snapshot_widget (snapshot, popup);
  gtk_snapshot_restore (snapshot);
  node = gtk_snapshot_to_node (snapshot);
  save_node (window, node, width, height, name);
}

/**
 * starling_test_find_widget:
 * @root: where to look
 * @type: the type looked for
 * @name: (nullable): the widget's name (gtk_widget_set_name()), or %NULL
 *   for any
 *
 * Returns: (transfer none) (nullable): the first descendant of @root, depth
 *   first, of @type and @name
 */
GtkWidget *
starling_test_find_widget (GtkWidget  *root,
                           GType       type,
                           const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type)
          && (name == NULL || g_strcmp0 (gtk_widget_get_name (child), name) == 0))
        return child;
      found = starling_test_find_widget (child, type, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * starling_test_find_label:
 * @root: where to look
 * @text: the text of the label
 *
 * Returns: (transfer none) (nullable): the first label under @root that
 *   shows @text
 */
GtkWidget *
starling_test_find_label (GtkWidget  *root,
                          const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return child;
      found = starling_test_find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * starling_test_find_toplevel:
 * @type: a window type
 *
 * Returns: (transfer none) (nullable): a visible toplevel of @type
 */
GtkWidget *
starling_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }

  return NULL;
}

/**
 * starling_test_click:
 * @button: a button
 *
 * Presses @button as a person would: it must be on screen and sensitive.
 */
static void
clicked_cb (GtkButton *button,
            gboolean  *clicked)
{
  *clicked = TRUE;
}

void
starling_test_click (GtkWidget *button)
{
  gboolean clicked = FALSE;
  gulong handler = 0;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_get_mapped (button));

  /* A button activated shows itself pressed for a moment, then emits
   * "clicked": the test goes on when it has. */
  if (GTK_IS_BUTTON (button))
    handler = g_signal_connect (button, "clicked", G_CALLBACK (clicked_cb), &clicked);
  g_object_ref (button);
  g_assert_true (gtk_widget_activate (button));
  if (handler != 0)
    {
      starling_test_wait_until (is_true, &clicked);
      if (g_signal_handler_is_connected (button, handler))
        g_signal_handler_disconnect (button, handler);
    }
  g_object_unref (button);
}

/**
 * starling_test_set_text:
 * @editable: an entry, or a row with one
 * @text: what the person types
 */
void
starling_test_set_text (GtkWidget  *editable,
                        const char *text)
{
  g_assert_true (GTK_IS_EDITABLE (editable));
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

/**
 * starling_test_wait_idle:
 *
 * Runs the main loop until nothing is left to do right now.
 */
void
starling_test_wait_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}


/**
 * starling_test_application_new:
 * @name: the test's name, for its folder
 * @data_dir: (out): a new folder of the test's own, to remove at the end
 * @database: (out) (optional): the data file's path in it
 *
 * Makes the application a window test runs, registered, with its data file
 * in a new folder and not unique: several test programs may run at once,
 * and none of them may find another one's instance on the bus.
 *
 * Returns: (transfer full): the application
 */
StarlingApplication *
starling_test_application_new (const char  *name,
                               char       **data_dir,
                               char       **database)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("starling-test-%s-XXXXXX", name);
  g_autofree char *path = NULL;
  StarlingApplication *app;

  *data_dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  path = g_build_filename (*data_dir, "starling.sqlite3", NULL);

  app = starling_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  starling_application_set_storage (app, path, TRUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  if (database != NULL)
    *database = g_steal_pointer (&path);

  return app;
}
