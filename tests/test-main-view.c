/* test-main-view.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The signed-in window's shell in a real display (Xvfb in CI): places,
 * pages, the banner, and folding on a narrow window.
 */

#include "config.h"

#include "ui/shell/starling-main-view.h"
#include "starling-test-ui.h"

static GtkWindow *
show_in_window (GtkWidget *view,
                int        width,
                int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, view);
  gtk_window_present (window);
  starling_test_wait_for_draw (GTK_WIDGET (window));

  return window;
}

static gboolean
is_folded (gpointer data)
{
  return starling_main_view_get_folded (data);
}

static gboolean
is_unfolded (gpointer data)
{
  return !starling_main_view_get_folded (data);
}

static GtkWidget *
find_descendant (GtkWidget  *widget,
                 GType       type,
                 const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type)
          && (name == NULL || g_strcmp0 (gtk_widget_get_name (child), name) == 0))
        return child;
      found = find_descendant (child, type, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_places (void)
{
  GtkWidget *view = starling_main_view_new ();
  const char * const *names = starling_main_view_get_place_names ();
  GtkWindow *window;
  GtkWidget *list;
  GtkWidget *row;
  GtkWidget *page;

  window = show_in_window (view, 1280, 800);
  g_assert_false (starling_main_view_get_folded (STARLING_MAIN_VIEW (view)));
  g_assert_cmpstr (starling_main_view_get_place (STARLING_MAIN_VIEW (view)), ==, "home");

  /* Every place has a row in the sidebar, with its label, and a page. */
  g_assert_cmpuint (g_strv_length ((char **) names), ==, 11);
  list = find_descendant (view, GTK_TYPE_LIST_BOX, NULL);
  g_assert_nonnull (list);
  for (guint i = 0; names[i] != NULL; i++)
    {
      row = find_descendant (list, GTK_TYPE_LIST_BOX_ROW, names[i]);
      g_assert_nonnull (row);
      g_assert_nonnull (find_descendant (row, GTK_TYPE_IMAGE, NULL));
      g_assert_nonnull (find_descendant (row, GTK_TYPE_LABEL, NULL));
      page = starling_main_view_get_page (STARLING_MAIN_VIEW (view), names[i]);
      g_assert_true (ADW_IS_STATUS_PAGE (page));
      g_assert_nonnull (adw_status_page_get_description (ADW_STATUS_PAGE (page)));
    }

  /* Activating a row (Enter or a click) shows its page. */
  row = find_descendant (list, GTK_TYPE_LIST_BOX_ROW, "analytics");
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_cmpstr (starling_main_view_get_place (STARLING_MAIN_VIEW (view)), ==, "analytics");
  starling_main_view_set_place (STARLING_MAIN_VIEW (view), "notifications");
  g_assert_true (gtk_list_box_get_selected_row (GTK_LIST_BOX (list))
                 == GTK_LIST_BOX_ROW (find_descendant (list, GTK_TYPE_LIST_BOX_ROW, "notifications")));

  gtk_window_destroy (window);
}

static void
test_set_page (void)
{
  GtkWidget *view = starling_main_view_new ();
  GtkWidget *placeholder;
  GtkWidget *label = gtk_label_new ("A timeline");
  GtkWindow *window;

  g_object_ref_sink (view);
  window = show_in_window (g_object_ref (view), 1000, 700);
  starling_main_view_set_place (STARLING_MAIN_VIEW (view), "local");
  placeholder = starling_main_view_get_page (STARLING_MAIN_VIEW (view), "local");

  /* A page replaces the placeholder where it stands, and stays visible. */
  starling_main_view_set_page (STARLING_MAIN_VIEW (view), "local", label);
  g_assert_true (starling_main_view_get_page (STARLING_MAIN_VIEW (view), "local") == label);
  g_assert_cmpstr (starling_main_view_get_place (STARLING_MAIN_VIEW (view)), ==, "local");
  starling_test_wait_for_draw (label);
  g_assert_true (gtk_widget_get_mapped (label));

  /* NULL brings the placeholder back. */
  g_object_add_weak_pointer (G_OBJECT (label), (gpointer *) &label);
  starling_main_view_set_page (STARLING_MAIN_VIEW (view), "local", NULL);
  g_assert_true (starling_main_view_get_page (STARLING_MAIN_VIEW (view), "local") == placeholder);
  g_assert_null (label);

  gtk_window_destroy (window);
  g_object_unref (view);
}

static void
test_banner (void)
{
  GtkWidget *view = starling_main_view_new ();
  GtkWindow *window = show_in_window (view, 1000, 700);

  g_assert_null (starling_main_view_get_banner_message (STARLING_MAIN_VIEW (view)));
  starling_main_view_show_banner (STARLING_MAIN_VIEW (view), NULL, "Sign in again", "_Sign In", "win.nothing");
  g_assert_cmpstr (starling_main_view_get_banner_message (STARLING_MAIN_VIEW (view)), ==, "Sign in again");
  starling_main_view_hide_banner (STARLING_MAIN_VIEW (view));
  g_assert_null (starling_main_view_get_banner_message (STARLING_MAIN_VIEW (view)));

  gtk_window_destroy (window);
}

static void
test_narrow (void)
{
  GtkWidget *view = starling_main_view_new ();
  GtkWindow *window = show_in_window (view, 360, 640);
  GtkWidget *list;

  /* At 360 pixels the sidebar and the page take turns, page first. */
  starling_test_wait_until (is_folded, view);
  g_assert_true (starling_main_view_get_showing_content (STARLING_MAIN_VIEW (view)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);

  starling_main_view_show_sidebar (STARLING_MAIN_VIEW (view));
  g_assert_false (starling_main_view_get_showing_content (STARLING_MAIN_VIEW (view)));
  list = find_descendant (view, GTK_TYPE_LIST_BOX, NULL);
  g_signal_emit_by_name (list, "row-activated", find_descendant (list, GTK_TYPE_LIST_BOX_ROW, "bookmarks"));
  g_assert_true (starling_main_view_get_showing_content (STARLING_MAIN_VIEW (view)));
  g_assert_cmpstr (starling_main_view_get_place (STARLING_MAIN_VIEW (view)), ==, "bookmarks");

  /* Wide again: both side by side. */
  gtk_window_set_default_size (window, 1000, 700);
  starling_test_wait_until (is_unfolded, view);

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/starling/main-view/places", test_places);
  g_test_add_func ("/starling/main-view/set-page", test_set_page);
  g_test_add_func ("/starling/main-view/banner", test_banner);
  g_test_add_func ("/starling/main-view/narrow", test_narrow);

  return g_test_run ();
}
