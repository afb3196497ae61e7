/* test-media-viewer.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The media viewer in a real window (Xvfb in CI), on the attachments of
 * the demo world: it opens from a post, goes through the attachments with
 * the keys, zooms, shows descriptions, saves the original, says why a
 * video does not play, and closes with Escape.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "api/starling-client.h"
#include "api/starling-session.h"
#include "demo/starling-demo-server.h"
#include "model/starling-media-attachment.h"
#include "ui/media/starling-media-viewer.h"
#include "ui/status/starling-media-grid.h"
#include "ui/status/starling-status-row.h"

#include "starling-test-ui.h"

#define SEED 4242

static StarlingDemoServer *server;
static SoupSession *session;
static StarlingEntityMap *map;
static StarlingClient *client;
static StarlingImageLoader *loader;
static char *token;
static char *cache_dir;
static GPtrArray *statuses;

/* Helpers */

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static void
load_statuses (void)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingPage) page = NULL;

  statuses = g_ptr_array_new_with_free_func (g_object_unref);
  /* Twelve pages of home: which posts come first depends on the hour the
   * demo world is made for, and a post with three pictures is not on
   * every first page. */
  for (guint i = 0; i < 12; i++)
    {
      if (page == NULL)
        starling_client_get_timeline_async (client, STARLING_TIMELINE_HOME, NULL, STARLING_TIMELINE_FLAGS_NONE,
                                            NULL, NULL, result_cb, &result);
      else if (starling_page_get_next_request (page) != NULL)
        starling_client_send_async (client, starling_page_get_next_request (page), NULL, result_cb, &result);
      else
        break;

      starling_test_wait_until (is_set, &result);
      g_clear_object (&page);
      page = starling_client_page_finish (client, result, &error);
      g_assert_no_error (error);
      g_clear_object (&result);
      for (guint j = 0; j < starling_page_get_n_items (page); j++)
        g_ptr_array_add (statuses, g_object_ref (starling_status_get_shown (starling_page_get_item (page, j))));
    }
}

/* A post of the demo world with at least @n pictures, or a video when
 * @video. */
static StarlingStatus *
find_status (guint    n,
             gboolean video)
{
  for (guint i = 0; i < statuses->len; i++)
    {
      StarlingStatus *status = g_ptr_array_index (statuses, i);
      GPtrArray *media = starling_status_get_media_attachments (status);
      gboolean has_video = FALSE;
      gboolean all_images = TRUE;

      if (media == NULL || media->len < n)
        continue;
      for (guint j = 0; j < media->len; j++)
        {
          StarlingMediaType type = starling_media_attachment_get_media_type (g_ptr_array_index (media, j));

          has_video |= type == STARLING_MEDIA_TYPE_VIDEO || type == STARLING_MEDIA_TYPE_GIFV;
          all_images &= type == STARLING_MEDIA_TYPE_IMAGE;
        }
      if (video ? has_video : all_images)
        return status;
    }

  g_error ("The demo world has no post with %u %s among %u", n, video ? "videos" : "pictures", statuses->len);
  return NULL;
}

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
has_viewer (gpointer data)
{
  return find_toplevel_of_type (STARLING_TYPE_MEDIA_VIEWER) != NULL;
}

static gboolean
no_viewer (gpointer data)
{
  return find_toplevel_of_type (STARLING_TYPE_MEDIA_VIEWER) == NULL;
}

static gboolean
shows_picture (gpointer data)
{
  return g_strcmp0 (starling_media_viewer_get_state (data), "picture") == 0;
}

static gboolean
shows_error (gpointer data)
{
  return g_strcmp0 (starling_media_viewer_get_state (data), "error") == 0;
}

static gboolean
picture_overflows (gpointer data)
{
  GtkWidget *picture = GTK_WIDGET (gtk_widget_get_template_child (data, STARLING_TYPE_MEDIA_VIEWER, "picture"));
  GtkWidget *scrolled = GTK_WIDGET (gtk_widget_get_template_child (data, STARLING_TYPE_MEDIA_VIEWER, "scrolled"));

  /* A tall picture fits by its height, a wide one by its width: zoomed,
   * one of them outgrows the window (which one depends on the post the
   * demo's timeline shows first at that hour). */
  return gtk_widget_get_width (picture) > gtk_widget_get_width (scrolled) ||
         gtk_widget_get_height (picture) > gtk_widget_get_height (scrolled);
}

static gboolean
transition_done (gpointer data)
{
  return !gtk_stack_get_transition_running (GTK_STACK (gtk_widget_get_template_child (data, STARLING_TYPE_MEDIA_VIEWER,
                                                                                       "stack")));
}

static gboolean
settled (gpointer data)
{
  const char *state = starling_media_viewer_get_state (data);

  return g_strcmp0 (state, "loading") != 0;
}

/* Presses a key the way the window takes it: the first shortcut for
 * @keyval, capture phase first (Xvfb has no way to type into a window
 * without extra tools), runs its action on @widget. */
static void
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  modifiers)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr (GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, modifiers);
  GtkPropagationPhase phases[] = { GTK_PHASE_CAPTURE, GTK_PHASE_BUBBLE };

  for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

        if (!GTK_IS_SHORTCUT_CONTROLLER (controller)
            || gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) != phases[p])
          continue;

        for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
          {
            g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

            if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
              {
                g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                             GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                             gtk_shortcut_get_arguments (shortcut)));
                return;
              }
          }
      }

  g_error ("No shortcut for %s", gdk_keyval_name (keyval));
}

static StarlingMediaViewer *
open_viewer (StarlingStatus *status,
             guint           index)
{
  StarlingMediaViewer *viewer;

  viewer = starling_media_viewer_new (NULL, loader, session);
  starling_media_viewer_set_attachments (viewer, starling_status_get_media_attachments (status), index);
  gtk_window_set_default_size (GTK_WINDOW (viewer), 800, 600);
  gtk_window_present (GTK_WINDOW (viewer));
  starling_test_wait_for_draw (GTK_WIDGET (viewer));

  return viewer;
}

static gpointer
child (gpointer    viewer,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (viewer), STARLING_TYPE_MEDIA_VIEWER, name);

  g_assert_nonnull (object);
  return object;
}

/* Tests */

static void
test_open_from_row (void)
{
  StarlingStatus *status = find_status (2, FALSE);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *row = starling_status_row_new ();
  StarlingMediaGrid *grid;
  StarlingMediaViewer *viewer;

  starling_status_row_set_client (STARLING_STATUS_ROW (row), client);
  starling_status_row_set_image_loader (STARLING_STATUS_ROW (row), loader);
  starling_status_row_set_status (STARLING_STATUS_ROW (row), status);
  gtk_window_set_child (window, row);
  gtk_window_set_default_size (window, 560, 700);
  gtk_window_present (window);
  starling_test_wait_for_draw (GTK_WIDGET (window));

  /* A click on the second picture opens the viewer on it, over the
   * window. */
  grid = STARLING_MEDIA_GRID (gtk_widget_get_template_child (row, STARLING_TYPE_STATUS_ROW, "media_grid"));
  g_signal_emit_by_name (starling_media_grid_get_tile (grid, 1), "clicked");
  starling_test_wait_until (has_viewer, NULL);
  viewer = STARLING_MEDIA_VIEWER (find_toplevel_of_type (STARLING_TYPE_MEDIA_VIEWER));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (viewer)) == window);
  g_assert_cmpuint (starling_media_viewer_get_index (viewer), ==, 1);
  g_assert_true (starling_media_viewer_get_attachment (viewer)
                 == g_ptr_array_index (starling_status_get_media_attachments (status), 1));

  /* Escape closes it. */
  starling_test_wait_for_draw (GTK_WIDGET (viewer));
  press_key (GTK_WIDGET (viewer), GDK_KEY_Escape, 0);
  starling_test_wait_until (no_viewer, NULL);

  gtk_window_destroy (window);
}

static void
test_navigate_and_zoom (void)
{
  StarlingStatus *status = find_status (2, FALSE);
  GPtrArray *media = starling_status_get_media_attachments (status);
  StarlingMediaViewer *viewer = open_viewer (status, 0);
  StarlingMediaAttachment *first = g_ptr_array_index (media, 0);
  const char *description = starling_media_attachment_get_description (first);

  starling_test_wait_until (shows_picture, viewer);
  g_assert_nonnull (gtk_picture_get_paintable (child (viewer, "picture")));

  /* The description is shown with the picture. */
  if (description != NULL && *description != '\0')
    {
      g_assert_true (gtk_widget_get_visible (child (viewer, "alt_label")));
      g_assert_cmpstr (gtk_label_get_text (child (viewer, "alt_label")), ==, description);
    }
  g_assert_cmpstr (adw_window_title_get_subtitle (child (viewer, "window_title")), ==,
                   media->len == 2 ? "1 of 2" : media->len == 3 ? "1 of 3" : "1 of 4");

  /* Left at the first does nothing; Right goes on; Left comes back. */
  g_assert_false (gtk_widget_is_sensitive (child (viewer, "previous_button")));
  press_key (GTK_WIDGET (viewer), GDK_KEY_Right, 0);
  g_assert_cmpuint (starling_media_viewer_get_index (viewer), ==, 1);
  starling_test_wait_until (shows_picture, viewer);
  g_assert_true (gtk_widget_is_sensitive (child (viewer, "previous_button")));
  press_key (GTK_WIDGET (viewer), GDK_KEY_Left, 0);
  g_assert_cmpuint (starling_media_viewer_get_index (viewer), ==, 0);
  starling_test_wait_until (shows_picture, viewer);

  /* Ctrl+plus zooms in, Ctrl+minus out, Ctrl+0 back to fit; never
   * below fitting. */
  g_assert_cmpfloat (starling_media_viewer_get_zoom (viewer), ==, 1.0);
  press_key (GTK_WIDGET (viewer), GDK_KEY_plus, GDK_CONTROL_MASK);
  g_assert_cmpfloat (starling_media_viewer_get_zoom (viewer), >, 1.0);
  press_key (GTK_WIDGET (viewer), GDK_KEY_plus, GDK_CONTROL_MASK);
  /* Zoomed in, the picture is larger than the window and scrolls. */
  starling_test_wait_until (picture_overflows, viewer);
  press_key (GTK_WIDGET (viewer), GDK_KEY_minus, GDK_CONTROL_MASK);
  g_assert_cmpfloat (starling_media_viewer_get_zoom (viewer), >, 1.0);
  press_key (GTK_WIDGET (viewer), GDK_KEY_0, GDK_CONTROL_MASK);
  g_assert_cmpfloat (starling_media_viewer_get_zoom (viewer), ==, 1.0);
  g_assert_false (gtk_widget_get_sensitive (child (viewer, "zoom_out_button")));

  /* Another attachment starts fitted again. */
  starling_media_viewer_set_zoom (viewer, 3.0);
  press_key (GTK_WIDGET (viewer), GDK_KEY_Right, 0);
  g_assert_cmpfloat (starling_media_viewer_get_zoom (viewer), ==, 1.0);

  gtk_window_destroy (GTK_WINDOW (viewer));
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_save (void)
{
  StarlingStatus *status = find_status (1, FALSE);
  StarlingMediaViewer *viewer = open_viewer (status, 0);
  StarlingMediaAttachment *attachment = g_ptr_array_index (starling_status_get_media_attachments (status), 0);
  g_autofree char *path = g_build_filename (cache_dir, "saved.png", NULL);
  g_autofree char *bad_path = g_build_filename (cache_dir, "no-such-folder", "saved.png", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *cached = NULL;
  g_autofree char *cache_path = NULL;
  g_autofree char *message = NULL;
  gsize saved_length = 0;
  gsize cached_length = 0;

  starling_test_wait_until (shows_picture, viewer);

  /* What the server sent, byte for byte. */
  starling_media_viewer_save_async (viewer, file, NULL, saved_cb, &result);
  starling_test_wait_until (is_set, &result);
  g_assert_true (starling_media_viewer_save_finish (viewer, result, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &saved, &saved_length, NULL));
  g_assert_cmpuint (saved_length, >, 8);
  g_assert_cmpint (memcmp (saved, "\x89PNG", 4), ==, 0);
  cache_path = starling_image_loader_get_cache_path (loader, starling_media_attachment_get_url (attachment));
  g_assert_true (g_file_get_contents (cache_path, &cached, &cached_length, NULL));
  g_assert_cmpmem (saved, saved_length, cached, cached_length);

  /* A place that cannot be written: a clear error, nothing left. */
  g_clear_object (&result);
  starling_media_viewer_save_async (viewer, bad_file, NULL, saved_cb, &result);
  starling_test_wait_until (is_set, &result);
  g_assert_false (starling_media_viewer_save_finish (viewer, result, &error));
  g_assert_nonnull (error);
  message = starling_media_viewer_describe_save_error (error);
  g_assert_true (g_str_has_prefix (message, "Could not save: "));
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_clear_pointer (&message, g_free);

  /* A full disk says so, and what to do. */
  error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device");
  message = starling_media_viewer_describe_save_error (error);
  g_assert_cmpstr (message, ==, "Could not save: the disk is full. Free some space, or save somewhere else.");

  g_unlink (path);
  gtk_window_destroy (GTK_WINDOW (viewer));
}

static void
test_video (void)
{
  StarlingStatus *status = find_status (1, TRUE);
  GPtrArray *media = starling_status_get_media_attachments (status);
  StarlingMediaViewer *viewer;
  guint index = 0;

  for (guint i = 0; i < media->len; i++)
    if (starling_media_attachment_get_media_type (g_ptr_array_index (media, i)) != STARLING_MEDIA_TYPE_IMAGE)
      index = i;

  /* The demo instance sends a picture where the video should be: the
   * viewer fetches it, the player cannot play it, and the viewer says so
   * instead of spinning for ever. */
  viewer = open_viewer (status, index);
  starling_test_wait_until (settled, viewer);
  starling_test_wait_until (shows_error, viewer);
  g_assert_cmpstr (adw_status_page_get_title (child (viewer, "error_page")), ==, "Could Not Play the Video");
  g_assert_nonnull (adw_status_page_get_description (child (viewer, "error_page")));
  g_test_message ("The player said: %s", adw_status_page_get_description (child (viewer, "error_page")));
  g_assert_false (gtk_widget_get_visible (child (viewer, "zoom_box")));

  press_key (GTK_WIDGET (viewer), GDK_KEY_Escape, 0);
  starling_test_wait_until (no_viewer, NULL);
}

static void
test_screenshot (void)
{
  StarlingStatus *status = find_status (3, FALSE);
  StarlingMediaViewer *viewer = open_viewer (status, 1);

  starling_test_wait_until (shows_picture, viewer);
  /* The crossfade from the spinner to the picture has ended. */
  starling_test_wait_until (transition_done, viewer);
  starling_test_wait_for_draw (GTK_WIDGET (viewer));
  starling_test_save_screenshot (GTK_WIDGET (viewer), "media-viewer");
  gtk_window_destroy (GTK_WINDOW (viewer));
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child_path = g_build_filename (path, name, NULL);

      if (g_file_test (child_path, G_FILE_TEST_IS_DIR))
        remove_tree (child_path);
      else
        g_unlink (child_path);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int ret;

  /* The viewer keeps videos in the cache folder while it shows them:
   * one of the test's own. */
  cache_dir = g_dir_make_tmp ("starling-media-viewer-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CACHE_HOME", cache_dir, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  server = starling_demo_server_new (SEED);
  g_assert_true (starling_demo_server_start (server, &error));
  g_assert_no_error (error);
  session = starling_session_new (starling_demo_server_get_proxy_resolver (server));
  map = starling_entity_map_new ();
  token = starling_demo_server_create_token (server, "read write push");
  client = starling_client_new (session, starling_demo_server_get_base_uri (server), token, map);
  loader = starling_image_loader_new (session, cache_dir);
  load_statuses ();

  g_test_add_func ("/starling/media-viewer/open-from-row", test_open_from_row);
  g_test_add_func ("/starling/media-viewer/navigate-and-zoom", test_navigate_and_zoom);
  g_test_add_func ("/starling/media-viewer/save", test_save);
  g_test_add_func ("/starling/media-viewer/video", test_video);
  g_test_add_func ("/starling/media-viewer/screenshot", test_screenshot);

  ret = g_test_run ();

  g_clear_pointer (&statuses, g_ptr_array_unref);
  g_clear_object (&loader);
  g_clear_object (&client);
  g_clear_object (&map);
  g_clear_object (&session);
  g_free (token);
  remove_tree (cache_dir);
  g_free (cache_dir);
  starling_demo_server_stop (server);
  g_clear_object (&server);

  return ret;
}
