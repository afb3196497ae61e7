/* test-window.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window in a real display (Xvfb in CI).
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "starling-application.h"
#include "starling-window.h"
#include "starling-test-ui.h"

/* One application for the whole test program, as in the app: it exports
 * itself on the session bus once. */
static StarlingApplication *app;

static gboolean
has_about_window (gpointer data)
{
  return starling_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW) != NULL;
}

static char *database;

static gboolean on_welcome_page (gpointer data);

static gboolean
on_problem_page (gpointer data)
{
  return g_strcmp0 (starling_window_get_visible_page (data), "problem") == 0;
}

/* A damaged data file at start: it is set aside, the window says so and
 * where it went, and Continue leads on. */
static void
test_recovered (void)
{
  g_autoptr (GError) error = NULL;
  StarlingWindow *window;
  AdwStatusPage *page;
  g_autofree char *damaged = NULL;

  g_assert_true (g_file_set_contents (database, "This is not an SQLite database, but it is in its place.", -1, &error));
  g_assert_no_error (error);

  g_application_activate (G_APPLICATION (app));
  window = STARLING_WINDOW (starling_test_find_toplevel (STARLING_TYPE_WINDOW));
  g_assert_nonnull (window);
  starling_test_wait_until (on_problem_page, window);
  g_assert_cmpstr (starling_window_get_problem (window), ==, "recovered");

  page = ADW_STATUS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window), STARLING_TYPE_WINDOW, "problem_page"));
  damaged = g_strdup (starling_application_get_recovered_path (app));
  g_assert_nonnull (damaged);
  g_assert_true (g_file_test (damaged, G_FILE_TEST_EXISTS));
  g_assert_nonnull (strstr (adw_status_page_get_description (page), damaged));

  starling_test_wait_for_draw (GTK_WIDGET (window));
  starling_test_click ((GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (window), STARLING_TYPE_WINDOW,
                                                                    "problem_button"));
  starling_test_wait_until (on_welcome_page, window);
  g_assert_null (starling_application_get_recovered_path (app));
}

static gboolean
on_welcome_page (gpointer data)
{
  return g_strcmp0 (starling_window_get_visible_page (data), "welcome") == 0;
}

static void
test_welcome_page (void)
{
  StarlingWindow *window;
  GtkWidget *button;
  GtkWidget *about;

  /* Started with no account: the accounts load (from a fresh data file),
   * and the welcome page follows. */
  g_application_activate (G_APPLICATION (app));
  window = STARLING_WINDOW (starling_test_find_toplevel (STARLING_TYPE_WINDOW));
  g_assert_nonnull (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  starling_test_wait_until (on_welcome_page, window);
  starling_test_wait_for_draw (GTK_WIDGET (window));

  /* Both ways forward are on the page, reachable by keyboard mnemonics. */
  button = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (window), STARLING_TYPE_WINDOW,
                                          "add_account_button");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_drawable (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Add Account");
  g_assert_true (gtk_button_get_use_underline (GTK_BUTTON (button)));
  g_assert_true (gtk_widget_is_sensitive (button));
  button = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (window), STARLING_TYPE_WINDOW,
                                          "try_demo_button");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_drawable (button));
  g_assert_true (gtk_widget_is_sensitive (button));

  starling_test_save_screenshot (GTK_WIDGET (window), "window-welcome");

  /* The About window opens over the main window. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  starling_test_wait_until (has_about_window, NULL);
  about = starling_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
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
  g_auto (GStrv) add = NULL;
  g_auto (GStrv) second = NULL;
  StarlingWindow *window;

  window = starling_window_new (app);

  quit = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  close = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "window.close");
  help = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  g_assert_cmpstrv (quit, ((const char *[]) { "<Control>q", NULL }));
  g_assert_cmpstrv (close, ((const char *[]) { "<Control>w", NULL }));
  g_assert_true (g_strv_contains ((const char * const *) help, "<Control>question"));
  add = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.add-account");
  g_assert_cmpstrv (add, ((const char *[]) { "<Shift><Control>n", NULL }));
  second = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.switch-account(2)");
  g_assert_cmpstrv (second, ((const char *[]) { "<Alt>2", NULL }));

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
  g_autofree char *data_dir = NULL;
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = starling_test_application_new ("window", &data_dir, &database);

  g_test_add_func ("/starling/window/recovered", test_recovered);
  g_test_add_func ("/starling/window/welcome-page", test_welcome_page);
  g_test_add_func ("/starling/window/shortcuts", test_shortcuts);
  g_test_add_func ("/starling/window/remembers-size", test_remembers_size);

  ret = g_test_run ();
  g_clear_object (&app);
  starling_test_remove_tree (data_dir);
  g_free (database);

  return ret;
}
