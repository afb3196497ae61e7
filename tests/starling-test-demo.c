/* starling-test-demo.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo instance signed in, for the tests of the pages.
 */

#include "config.h"

#include "api/starling-session.h"
#include "model/starling-status.h"

#include "starling-test-demo.h"
#include "starling-test-ui.h"

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

/**
 * starling_test_demo_result_cb:
 *
 * Keeps the result in the slot @user_data points at.
 */
void
starling_test_demo_result_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Waits for the slot to be filled, and empties it. */
gpointer
starling_test_demo_wait_result (GAsyncResult **slot)
{
  starling_test_wait_until (is_set, slot);
  return g_steal_pointer (slot);
}

static gboolean
streaming_connected (gpointer data)
{
  StarlingAccountSession *account = data;
  StarlingStreaming *streaming = starling_account_session_get_streaming (account);

  return streaming != NULL && starling_streaming_get_state (streaming) == STARLING_STREAMING_STATE_CONNECTED
         && starling_account_session_get_account (account) != NULL;
}

static void
update_cb (StarlingStreaming *streaming,
           StarlingStatus    *status,
           const char        *stream_key,
           gpointer           user_data)
{
  *(gboolean *) user_data = TRUE;
}

StarlingTestDemo *
starling_test_demo_new (guint32 seed)
{
  StarlingTestDemo *demo = g_new0 (StarlingTestDemo, 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autofree char *token = NULL;

  demo->server = starling_demo_server_new (seed);
  g_assert_true (starling_demo_server_start (demo->server, &error));
  g_assert_no_error (error);
  demo->soup = starling_session_new (starling_demo_server_get_proxy_resolver (demo->server));
  demo->manager = starling_account_manager_new (demo->soup, NULL, NULL);

  token = starling_demo_server_create_token (demo->server, "read write follow push");
  starling_account_manager_add_async (demo->manager, starling_demo_server_get_base_uri (demo->server), token,
                                      NULL, starling_test_demo_result_cb, &result);
  starling_test_wait_until (is_set, &result);
  demo->account = starling_account_manager_add_finish (demo->manager, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (demo->account);

  /* The server's features (grouped notifications) and the stream. */
  starling_test_wait_until (streaming_connected, demo->account);
  /* The subscription is a frame the server reads in its own time: one
   * event through the stream says it took. */
  {
    StarlingStreaming *streaming = starling_account_session_get_streaming (demo->account);
    gboolean arrived = FALSE;
    gulong handler = g_signal_connect (streaming, "update", G_CALLBACK (update_cb), &arrived);

    for (guint attempt = 0; !arrived && attempt < 100; attempt++)
      {
        gint64 until = g_get_monotonic_time () + 200 * G_TIME_SPAN_MILLISECOND;

        g_free (starling_demo_server_emit_status (demo->server));
        while (!arrived && g_get_monotonic_time () < until)
          g_main_context_iteration (NULL, FALSE);
      }
    g_assert_true (arrived);
    g_signal_handler_disconnect (streaming, handler);
  }
  demo->client = g_object_ref (starling_account_session_get_client (demo->account));
  starling_client_set_retry_base_delay (demo->client, 2);
  starling_client_set_max_attempts (demo->client, 2);

  demo->cache_dir = g_dir_make_tmp ("starling-test-demo-XXXXXX", &error);
  g_assert_no_error (error);
  demo->loader = starling_image_loader_new (demo->soup, demo->cache_dir);
  demo->asked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  return demo;
}

void
starling_test_demo_free (StarlingTestDemo *demo)
{
  g_clear_object (&demo->loader);
  g_clear_object (&demo->client);
  g_clear_object (&demo->account);
  g_clear_object (&demo->manager);
  g_clear_object (&demo->soup);
  starling_demo_server_stop (demo->server);
  g_clear_object (&demo->server);
  starling_test_remove_tree (demo->cache_dir);
  g_free (demo->cache_dir);
  g_hash_table_unref (demo->asked);
  g_free (demo);
}

static void
asked_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  StarlingTestDemo *demo = user_data;

  g_hash_table_insert (demo->asked, g_strdup (g_action_get_name (G_ACTION (action))),
                       g_variant_dup_string (parameter, NULL));
}

/**
 * starling_test_demo_window:
 *
 * A window with @page in it, under the `status` actions a navigation
 * installs (what they were asked is kept, see starling_test_demo_asked()).
 */
GtkWindow *
starling_test_demo_window (StarlingTestDemo *demo,
                           GtkWidget        *page,
                           int               width,
                           int               height)
{
  static const GActionEntry entries[] = {
    { "open-account", asked_cb, "s" },
    { "open-tag", asked_cb, "s" },
    { "open-thread", asked_cb, "s" },
    { "reply", asked_cb, "s" },
    { "edit", asked_cb, "s" },
    { "report", asked_cb, "s" },
    { "deleted", asked_cb, "s" },
  };
  g_autoptr (GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), demo);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "status", G_ACTION_GROUP (group));
  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, page);
  g_hash_table_remove_all (demo->asked);

  return window;
}

/* The last parameter @action (such as "open-thread") was asked with. */
const char *
starling_test_demo_asked (StarlingTestDemo *demo,
                          const char       *action)
{
  return g_hash_table_lookup (demo->asked, action);
}

/* The first page of an account's posts. */
StarlingPage *
starling_test_demo_account_statuses (StarlingTestDemo      *demo,
                                     const char            *account_id,
                                     StarlingTimelineFlags  flags)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  StarlingPage *page;

  starling_client_get_account_statuses_async (demo->client, account_id, flags, NULL, NULL, NULL,
                                              starling_test_demo_result_cb, &result);
  starling_test_wait_until (is_set, &result);
  page = starling_client_page_finish (demo->client, result, &error);
  g_assert_no_error (error);
  return page;
}
