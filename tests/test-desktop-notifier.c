/* test-desktop-notifier.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * StarlingDesktopNotifier against the demo instance's stream: a mention,
 * a boost and a follow that arrive while no window has the focus become
 * desktop notifications (captured here instead of sent to the desktop);
 * none while a window has the focus or the setting is off; a click opens
 * the thread or the profile in the window; the notifications page, once
 * seen, withdraws them.
 */

#include "config.h"

#include <string.h>

#include "text/starling-html.h"
#include "ui/notifications/starling-desktop-notifier.h"
#include "ui/notifications/starling-notifications-page.h"
#include "ui/thread/starling-thread-item.h"
#include "ui/thread/starling-thread-page.h"

#include "starling-test-demo.h"
#include "starling-test-ui.h"

#define SEED 4242

static StarlingTestDemo *demo;
static GtkApplication *app;
static GSettings *settings;
static StarlingDesktopNotifier *notifier;
static GPtrArray *sent;        /* StarlingDesktopNotification copies */
static GPtrArray *withdrawn;   /* ids */
static GPtrArray *streamed;    /* StarlingNotification, as the stream brought them */
static GtkWidget *opened;      /* the page the test's navigation opened */

/* The desktop, as the test sees it */

static void
send_cb (GApplication                      *application,
         const StarlingDesktopNotification *notification,
         GNotification                     *gnotification,
         gpointer                           user_data)
{
  StarlingDesktopNotification *copy = g_new0 (StarlingDesktopNotification, 1);

  g_assert_true (application == G_APPLICATION (app));
  g_assert_true (G_IS_NOTIFICATION (gnotification));
  copy->id = g_strdup (notification->id);
  copy->handle = g_strdup (notification->handle);
  copy->title = g_strdup (notification->title);
  copy->body = g_strdup (notification->body);
  copy->action = g_strdup (notification->action);
  copy->target = g_variant_ref (notification->target);
  g_ptr_array_add (sent, copy);
}

static void
withdraw_cb (GApplication *application,
             const char   *id,
             gpointer      user_data)
{
  g_ptr_array_add (withdrawn, g_strdup (id));
}

static void
streamed_cb (StarlingStreaming    *streaming,
             StarlingNotification *notification,
             const char           *stream_key,
             gpointer              user_data)
{
  g_ptr_array_add (streamed, g_object_ref (notification));
}

/* The navigation of the test's window: it opens real pages. */
static void
open_thread_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkWindow *window = user_data;

  opened = starling_thread_page_new (demo->account, g_variant_get_string (parameter, NULL));
  starling_thread_page_set_image_loader (STARLING_THREAD_PAGE (opened), demo->loader);
  gtk_window_set_child (window, opened);
}

static void
open_account_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  g_hash_table_insert (demo->asked, g_strdup ("open-account"), g_variant_dup_string (parameter, NULL));
}

static GtkWindow *
new_window (GtkWidget *child)
{
  static const GActionEntry entries[] = {
    { "open-thread", open_thread_cb, "s" },
    { "open-account", open_account_cb, "s" },
  };
  g_autoptr (GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), window);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "status", G_ACTION_GROUP (group));
  gtk_window_set_default_size (window, 1000, 700);
  gtk_window_set_application (window, app);
  if (child != NULL)
    gtk_window_set_child (window, child);
  else
    gtk_window_set_child (window, gtk_label_new ("Home"));
  g_hash_table_remove_all (demo->asked);
  return window;
}

static gboolean
count_reached (gpointer data)
{
  gpointer *wait = data;

  return ((GPtrArray *) wait[0])->len >= GPOINTER_TO_UINT (wait[1]);
}

static void
wait_count (GPtrArray *array,
            guint      count)
{
  gpointer wait[2] = { array, GUINT_TO_POINTER (count) };

  starling_test_wait_until (count_reached, wait);
}

/* Emits a notification on the demo and waits until the stream brought it
 * (and the notifier has seen it: it listens first). */
static StarlingNotification *
emit (const char *type)
{
  g_autofree char *id = starling_demo_server_emit_notification (demo->server, type);
  StarlingNotification *notification;

  g_assert_nonnull (id);
  wait_count (streamed, streamed->len + 1);
  notification = g_ptr_array_index (streamed, streamed->len - 1);
  g_assert_cmpstr (starling_notification_get_id (notification), ==, id);
  return notification;
}

static gboolean
thread_loaded (gpointer data)
{
  return opened != NULL && STARLING_IS_THREAD_PAGE (opened)
         && g_str_equal (starling_thread_page_get_state (STARLING_THREAD_PAGE (opened)), "thread");
}

static gboolean
has_focus (gpointer data)
{
  return gtk_window_is_active (data);
}

/* Tests */

static void
test_mention (void)
{
  const char *handle = starling_account_session_get_handle (demo->account);
  StarlingNotification *notification;
  StarlingDesktopNotification *shown;
  StarlingStatus *status;
  g_autofree char *actor = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected_id = NULL;
  const char *target_handle;
  const char *target_id;
  GtkWindow *window;
  guint n = sent->len;

  /* No window has the focus: the mention goes to the desktop. */
  g_assert_null (gtk_application_get_active_window (app));
  notification = emit ("mention");
  wait_count (sent, n + 1);
  shown = g_ptr_array_index (sent, n);
  status = starling_notification_get_status (notification);
  actor = g_strdup (starling_account_get_display (starling_notification_get_account (notification)));
  text = starling_html_to_plain_text (starling_status_get_content (status));
  expected_id = g_strdup_printf ("%s/%s", handle, starling_notification_get_id (notification));

  g_assert_cmpstr (shown->id, ==, expected_id);
  g_assert_cmpstr (shown->handle, ==, handle);
  g_assert_true (g_str_has_prefix (shown->title, actor));
  g_assert_nonnull (strstr (shown->title, " mentioned @"));
  g_assert_nonnull (strstr (shown->title, handle));
  g_assert_cmpstr (shown->body, ==, g_strstrip (text));
  g_assert_cmpstr (shown->action, ==, "app.open-status");
  g_variant_get (shown->target, "(&s&s)", &target_handle, &target_id);
  g_assert_cmpstr (target_handle, ==, handle);
  g_assert_cmpstr (target_id, ==, starling_status_get_id (status));
  g_assert_cmpuint (starling_desktop_notifier_get_n_shown (notifier, handle), ==, 1);

  /* The same notification again (a second stream): shown once. */
  g_assert_false (starling_desktop_notifier_notify (notifier, demo->account, notification));

  /* A click: the window comes up on the thread of the post, and the
   * account's notifications leave the desktop. */
  window = new_window (NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-status", shown->target);
  starling_test_wait_until (thread_loaded, NULL);
  g_assert_cmpstr (starling_thread_page_get_status_id (STARLING_THREAD_PAGE (opened)), ==, target_id);
  {
    guint focused = starling_thread_page_get_focused_position (STARLING_THREAD_PAGE (opened));
    g_autoptr (StarlingThreadItem) item = g_list_model_get_item (starling_thread_page_get_model (STARLING_THREAD_PAGE (opened)), focused);

    g_assert_true (starling_thread_item_get_status (item) == status);
  }
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpuint (withdrawn->len, >=, 1);
  g_assert_cmpstr (g_ptr_array_index (withdrawn, withdrawn->len - 1), ==, expected_id);
  g_assert_cmpuint (starling_desktop_notifier_get_n_shown (notifier, handle), ==, 0);

  gtk_window_destroy (window);
  opened = NULL;
}

static void
test_focused (void)
{
  GtkWindow *window = new_window (NULL);
  guint n = sent->len;

  /* A window with the focus: the person sees the app, no notification. */
  gtk_window_present (window);
  starling_test_wait_until (has_focus, window);
  emit ("mention");
  emit ("reblog");
  starling_test_wait_idle ();
  g_assert_cmpuint (sent->len, ==, n);
  gtk_window_destroy (window);
  starling_test_wait_idle ();

  /* The setting off: none either. */
  g_settings_set_boolean (settings, "desktop-notifications", FALSE);
  emit ("mention");
  starling_test_wait_idle ();
  g_assert_cmpuint (sent->len, ==, n);
  g_settings_set_boolean (settings, "desktop-notifications", TRUE);

  /* Favourites stay in the app. */
  emit ("favourite");
  starling_test_wait_idle ();
  g_assert_cmpuint (sent->len, ==, n);
}

static void
test_boost_and_follow (void)
{
  const char *handle = starling_account_session_get_handle (demo->account);
  StarlingNotification *notification;
  StarlingDesktopNotification *shown;
  const char *target_handle;
  const char *target_id;
  GtkWindow *window;
  guint n = sent->len;

  notification = emit ("reblog");
  wait_count (sent, n + 1);
  shown = g_ptr_array_index (sent, n);
  g_assert_nonnull (strstr (shown->title, " boosted a post of @"));
  g_assert_cmpstr (shown->action, ==, "app.open-status");

  notification = emit ("follow");
  wait_count (sent, n + 2);
  shown = g_ptr_array_index (sent, n + 1);
  g_assert_nonnull (strstr (shown->title, " followed @"));
  g_assert_true (g_str_has_prefix (shown->body, "@"));
  g_assert_cmpstr (shown->action, ==, "app.open-account");
  g_variant_get (shown->target, "(&s&s)", &target_handle, &target_id);
  g_assert_cmpstr (target_handle, ==, handle);
  g_assert_cmpstr (target_id, ==, starling_account_get_id (starling_notification_get_account (notification)));
  g_assert_cmpuint (starling_desktop_notifier_get_n_shown (notifier, handle), ==, 2);

  /* A click on the follow opens the follower's profile. */
  window = new_window (NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-account", shown->target);
  starling_test_wait_until ((gboolean (*) (gpointer)) g_hash_table_size, demo->asked);
  g_assert_cmpstr (starling_test_demo_asked (demo, "open-account"), ==, target_id);
  gtk_window_destroy (window);
}

static gboolean
all_withdrawn (gpointer data)
{
  return starling_desktop_notifier_get_n_shown (notifier, data) == 0;
}

static void
test_page_withdraws (void)
{
  const char *handle = starling_account_session_get_handle (demo->account);
  GtkWidget *page;
  GtkWindow *window;
  guint n = sent->len;

  emit ("mention");
  wait_count (sent, n + 1);
  g_assert_cmpuint (starling_desktop_notifier_get_n_shown (notifier, handle), >=, 1);

  /* The notifications page, seen in the focused window, takes them back. */
  page = starling_notifications_page_new (demo->account);
  starling_notifications_page_set_image_loader (STARLING_NOTIFICATIONS_PAGE (page), demo->loader);
  window = new_window (page);
  gtk_window_present (window);
  starling_test_wait_until (all_withdrawn, (gpointer) handle);
  g_assert_cmpstr (g_ptr_array_index (withdrawn, withdrawn->len - 1), ==,
                   ((StarlingDesktopNotification *) g_ptr_array_index (sent, n))->id);
  gtk_window_destroy (window);
}

static void
notification_free (gpointer data)
{
  starling_desktop_notification_free (data);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* Several test programs may run at once: none may find another's
   * instance on the bus. */
  app = gtk_application_new ("io.github.starlingapp.Starling.TestNotifier", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  settings = g_settings_new (APPLICATION_ID);

  demo = starling_test_demo_new (SEED);
  sent = g_ptr_array_new_with_free_func (notification_free);
  withdrawn = g_ptr_array_new_with_free_func (g_free);
  streamed = g_ptr_array_new_with_free_func (g_object_unref);

  notifier = starling_desktop_notifier_new (app, settings);
  starling_desktop_notifier_set_send_func (notifier, send_cb, withdraw_cb, NULL, NULL);
  starling_desktop_notifier_set_account_manager (notifier, demo->manager);
  /* After the notifier's handler: what the stream brought is seen. */
  g_signal_connect (starling_account_session_get_streaming (demo->account), "notification",
                    G_CALLBACK (streamed_cb), NULL);

  g_test_add_func ("/starling/desktop-notifier/mention", test_mention);
  g_test_add_func ("/starling/desktop-notifier/focused", test_focused);
  g_test_add_func ("/starling/desktop-notifier/boost-and-follow", test_boost_and_follow);
  g_test_add_func ("/starling/desktop-notifier/page-withdraws", test_page_withdraws);

  ret = g_test_run ();

  g_signal_handlers_disconnect_by_func (starling_account_session_get_streaming (demo->account), streamed_cb, NULL);
  g_clear_object (&notifier);
  g_ptr_array_unref (sent);
  g_ptr_array_unref (withdrawn);
  g_ptr_array_unref (streamed);
  starling_test_demo_free (demo);
  g_clear_object (&settings);
  g_clear_object (&app);

  return ret;
}
