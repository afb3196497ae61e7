/* test-notifier-app.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The desktop notifications' actions in the whole app: signed in to the
 * demo, `app.open-status` and `app.open-account` (what a click on a
 * notification runs) bring the window up on that account's thread or
 * profile page, through the window's navigation.
 */

#include "config.h"

#include "starling-application.h"
#include "starling-window.h"
#include "ui/profile/starling-profile-page.h"
#include "ui/thread/starling-thread-page.h"

#include "starling-test-ui.h"

static StarlingApplication *app;
static char *data_dir;

static StarlingWindow *
main_window (void)
{
  GtkWidget *window = starling_test_find_toplevel (STARLING_TYPE_WINDOW);

  g_assert_nonnull (window);
  return STARLING_WINDOW (window);
}

static gboolean
signed_in (gpointer data)
{
  return g_strcmp0 (starling_window_get_visible_page (data), "signed-in") == 0 &&
         !starling_application_get_busy (app);
}

typedef struct
{
  GtkWidget  *window;
  GType       type;
  const char *id;
} Wanted;

/* A page of @type for @id, shown in the window. */
static GtkWidget *
find_page (Wanted *wanted)
{
  GtkWidget *page = starling_test_find_widget (wanted->window, wanted->type, NULL);

  while (page != NULL)
    {
      const char *id = wanted->type == STARLING_TYPE_THREAD_PAGE
                       ? starling_thread_page_get_status_id (STARLING_THREAD_PAGE (page))
                       : starling_profile_page_get_account_id (STARLING_PROFILE_PAGE (page));

      if (g_strcmp0 (id, wanted->id) == 0 && gtk_widget_get_mapped (page))
        return page;
      /* Another page of the type: look further along. */
      {
        GtkWidget *next = NULL;

        for (GtkWidget *sibling = gtk_widget_get_next_sibling (page); sibling != NULL && next == NULL;
             sibling = gtk_widget_get_next_sibling (sibling))
          next = G_TYPE_CHECK_INSTANCE_TYPE (sibling, wanted->type) ? sibling
                 : starling_test_find_widget (sibling, wanted->type, NULL);
        page = next;
      }
    }
  return NULL;
}

static gboolean
page_shown (gpointer data)
{
  return find_page (data) != NULL;
}

static void
test_open (void)
{
  StarlingWindow *window;
  StarlingAccountManager *manager;
  StarlingAccountSession *account;
  StarlingDemoServer *server;
  g_autofree char *status_id = NULL;
  Wanted wanted;
  GtkWidget *page;

  g_application_activate (G_APPLICATION (app));
  window = main_window ();
  /* Small: under AddressSanitizer with full stacks every row drawn
   * costs. */
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 480);
  g_action_group_activate_action (G_ACTION_GROUP (app), "try-demo", NULL);
  starling_test_wait_until (signed_in, window);
  starling_test_wait_for_draw (GTK_WIDGET (window));

  manager = starling_application_get_account_manager (app);
  account = starling_account_manager_get_active (manager);
  server = starling_application_get_demo_server (app);
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "open-status"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "open-account"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "withdraw-notifications"));

  /* A click on a mention's notification: the thread of the post. */
  status_id = starling_demo_server_dup_thread_root_id (server);
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-status",
                                  g_variant_new ("(ss)", starling_account_session_get_handle (account), status_id));
  wanted = (Wanted) { GTK_WIDGET (window), STARLING_TYPE_THREAD_PAGE, status_id };
  starling_test_wait_until (page_shown, &wanted);
  page = find_page (&wanted);
  g_assert_true (gtk_window_is_active (GTK_WINDOW (window)) || gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (gtk_widget_get_mapped (page));

  /* A click on a follow's notification: the follower's profile. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-account",
                                  g_variant_new ("(ss)", starling_account_session_get_handle (account),
                                                 starling_demo_server_get_brand_id (server)));
  wanted = (Wanted) { GTK_WIDGET (window), STARLING_TYPE_PROFILE_PAGE, starling_demo_server_get_brand_id (server) };
  starling_test_wait_until (page_shown, &wanted);

  /* An account that is not signed in any more: nothing happens. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-status",
                                  g_variant_new ("(ss)", "nobody@example.org", status_id));
  starling_test_wait_idle ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "leave-demo", NULL);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = starling_test_application_new ("notifier-app", &data_dir, NULL);

  g_test_add_func ("/starling/notifier-app/open", test_open);

  ret = g_test_run ();

  g_clear_object (&app);
  starling_test_remove_tree (data_dir);
  g_free (data_dir);
  return ret;
}
