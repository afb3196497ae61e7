/* test-window.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window in a real display (Xvfb in CI).
 */

#include "config.h"

#include "starling-application.h"
#include "starling-window.h"
#include "starling-test-ui.h"

/* One application for the whole test program, as in the app: it exports
 * itself on the session bus once. */
static StarlingApplication *app;

static GtkWidget *
find_toplevel_of_type (GType type)
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

static gboolean
has_about_window (gpointer data)
{
  return find_toplevel_of_type (ADW_TYPE_ABOUT_WINDOW) != NULL;
}

static void
test_welcome_page (void)
{
  StarlingWindow *window;
  GtkWidget *button;
  GtkWidget *about;

  window = starling_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  gtk_window_present (GTK_WINDOW (window));
  starling_test_wait_for_draw (GTK_WIDGET (window));

  g_assert_cmpstr (starling_window_get_visible_page (window), ==, "welcome");

  /* Both ways forward are on the page, reachable by keyboard mnemonics. */
  button = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (window), STARLING_TYPE_WINDOW,
                                          "add_account_button");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_drawable (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Add Account");
  g_assert_true (gtk_button_get_use_underline (GTK_BUTTON (button)));
  button = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (window), STARLING_TYPE_WINDOW,
                                          "try_demo_button");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_drawable (button));

  starling_test_save_screenshot (GTK_WIDGET (window), "welcome");

  /* The About window opens over the main window. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  starling_test_wait_until (has_about_window, NULL);
  about = find_toplevel_of_type (ADW_TYPE_ABOUT_WINDOW);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  gtk_window_destroy (GTK_WINDOW (about));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_shortcuts (void)
{
  g_auto (GStrv) quit = NULL;
  g_auto (GStrv) close = NULL;
  g_auto (GStrv) help = NULL;
  StarlingWindow *window;

  window = starling_window_new (app);

  quit = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  close = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "window.close");
  help = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  g_assert_cmpstrv (quit, ((const char *[]) { "<Control>q", NULL }));
  g_assert_cmpstrv (close, ((const char *[]) { "<Control>w", NULL }));
  g_assert_true (g_strv_contains ((const char * const *) help, "<Control>question"));

  /* The shortcuts window comes from gtk/help-overlay.ui in our resources. */
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_remembers_size (void)
{
  GSettings *settings = starling_application_get_settings (app);
  StarlingWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 700);
  g_settings_set_int (settings, "window-height", 500);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  window = starling_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 700);
  g_assert_cmpint (height, ==, 500);

  gtk_window_present (GTK_WINDOW (window));
  starling_test_wait_for_draw (GTK_WIDGET (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 820, 610);
  gtk_window_close (GTK_WINDOW (window));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 820);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 610);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* A new window opens at the remembered size. */
  window = starling_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 820);
  g_assert_cmpint (height, ==, 610);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* Several test programs may run at once: none of them may find another
   * one's instance on the bus. */
  app = starling_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/starling/window/welcome-page", test_welcome_page);
  g_test_add_func ("/starling/window/shortcuts", test_shortcuts);
  g_test_add_func ("/starling/window/remembers-size", test_remembers_size);

  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
