/* starling-media-viewer.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-media"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>

#include "api/starling-api-error.h"

#include "starling-media-viewer.h"
#include "ui/common/starling-style.h"

/* The attachments of one post, full size, in a window of their own:
 * Left and Right (or a swipe, or the arrow buttons) go through them;
 * Ctrl+plus and Ctrl+minus, Ctrl with the scroll wheel, or a pinch zoom
 * in and out; the description is shown under the picture; Save writes the
 * original the server sent to a file chosen through the file chooser
 * (the portal inside Flatpak); videos and GIFs play in a GtkVideo, GIFs
 * looping and muted as Mastodon shows them; Escape closes.
 *
 * Pictures go through the application's image loader, decoded at most at
 * MAX_SIDE on their longer side; videos are fetched whole into a file of
 * the cache folder (GtkMediaFile needs a file it can seek in to loop)
 * that is deleted when the viewer closes. */

#define MAX_SIDE 2560
#define MIN_ZOOM 1.0
#define MAX_ZOOM 8.0
#define ZOOM_STEP 1.25
#define SWIPE_VELOCITY 300.0

struct _StarlingMediaViewer
{
  AdwWindow            parent_instance;

  StarlingImageLoader *loader;
  SoupSession         *session;
  GPtrArray           *attachments;
  guint                index;
  double               zoom;
  double               gesture_start_zoom;
  guint                zoom_tick;
  GCancellable        *load_cancellable;
  GFile               *video_file;
  GPtrArray           *temp_files;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwHeaderBar        *header_bar;
  AdwWindowTitle      *window_title;
  GtkWidget           *save_button;
  GtkWidget           *zoom_box;
  GtkWidget           *zoom_in_button;
  GtkWidget           *zoom_out_button;
  GtkWidget           *stage;
  GtkStack            *stack;
  GtkScrolledWindow   *scrolled;
  GtkPicture          *picture;
  GtkVideo            *video;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_page;
  GtkWidget           *previous_button;
  GtkWidget           *next_button;
  GtkLabel            *alt_label;
};

G_DEFINE_FINAL_TYPE (StarlingMediaViewer, starling_media_viewer, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_INDEX,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void show_current (StarlingMediaViewer *self);

/* Loads hold the viewer weakly: a viewer closed (or destroyed with its
 * parent window) goes away at once, and what arrives later finds nobody. */
static GWeakRef *
weak_ref_new (gpointer object)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, object);
  return ref;
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GWeakRef, weak_ref_free)

/* Helpers */

static gboolean
is_playable (StarlingMediaAttachment *attachment)
{
  switch (starling_media_attachment_get_media_type (attachment))
    {
    case STARLING_MEDIA_TYPE_VIDEO:
    case STARLING_MEDIA_TYPE_GIFV:
    case STARLING_MEDIA_TYPE_AUDIO:
      return TRUE;
    case STARLING_MEDIA_TYPE_IMAGE:
    case STARLING_MEDIA_TYPE_UNKNOWN:
    default:
      return FALSE;
    }
}

static const char *
original_uri (StarlingMediaAttachment *attachment)
{
  const char *uri = starling_media_attachment_get_url (attachment);

  if (uri == NULL || *uri == '\0')
    uri = starling_media_attachment_get_remote_url (attachment);

  return uri;
}

static void
show_error (StarlingMediaViewer *self,
            const char          *title,
            const char          *description)
{
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, description);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
update_zoom_actions (StarlingMediaViewer *self)
{
  gboolean picture = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "picture") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.zoom-in", picture && self->zoom < MAX_ZOOM);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.zoom-out", picture && self->zoom > MIN_ZOOM);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.zoom-reset", picture && self->zoom != 1.0);
  gtk_widget_set_visible (self->zoom_box, picture || self->attachments == NULL);
}

/* The size the picture takes when it fits the stage, at zoom 1. */
static void
fit_size (StarlingMediaViewer *self,
          int                 *width,
          int                 *height)
{
  GdkPaintable *paintable = gtk_picture_get_paintable (self->picture);
  int stage_w = gtk_widget_get_width (GTK_WIDGET (self->scrolled));
  int stage_h = gtk_widget_get_height (GTK_WIDGET (self->scrolled));
  double ratio;

  *width = stage_w;
  *height = stage_h;
  if (paintable == NULL || stage_w <= 0 || stage_h <= 0)
    return;

  ratio = gdk_paintable_get_intrinsic_aspect_ratio (paintable);
  if (ratio <= 0)
    return;

  if (stage_w / ratio <= stage_h)
    *height = (int) (stage_w / ratio);
  else
    *width = (int) (stage_h * ratio);
}

static void apply_zoom (StarlingMediaViewer *self,
                        double               anchor_x,
                        double               anchor_y);

static gboolean
apply_zoom_later_cb (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       user_data)
{
  StarlingMediaViewer *self = STARLING_MEDIA_VIEWER (widget);

  if (gtk_widget_get_width (GTK_WIDGET (self->scrolled)) <= 0)
    return G_SOURCE_CONTINUE;

  self->zoom_tick = 0;
  apply_zoom (self, -1, -1);
  return G_SOURCE_REMOVE;
}

static void
apply_zoom (StarlingMediaViewer *self,
            double               anchor_x,
            double               anchor_y)
{
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (self->scrolled);
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (self->scrolled);
  double rel_x = 0.5;
  double rel_y = 0.5;
  int width;
  int height;

  /* The point under the pointer (or the middle) stays where it is. */
  if (gtk_adjustment_get_upper (h) > 0 && anchor_x >= 0)
    rel_x = (gtk_adjustment_get_value (h) + anchor_x) / gtk_adjustment_get_upper (h);
  if (gtk_adjustment_get_upper (v) > 0 && anchor_y >= 0)
    rel_y = (gtk_adjustment_get_value (v) + anchor_y) / gtk_adjustment_get_upper (v);

  if (self->zoom <= MIN_ZOOM)
    {
      gtk_widget_set_size_request (GTK_WIDGET (self->picture), -1, -1);
      gtk_scrolled_window_set_policy (self->scrolled, GTK_POLICY_NEVER, GTK_POLICY_NEVER);
    }
  else if (gtk_widget_get_width (GTK_WIDGET (self->scrolled)) <= 0)
    {
      /* The picture was just put on the stage and has no size yet: zoom
       * once it has. */
      if (self->zoom_tick == 0)
        self->zoom_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), apply_zoom_later_cb, NULL, NULL);
    }
  else
    {
      fit_size (self, &width, &height);
      gtk_scrolled_window_set_policy (self->scrolled, GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
      gtk_widget_set_size_request (GTK_WIDGET (self->picture), (int) (width * self->zoom), (int) (height * self->zoom));

      /* The adjustments take the new size on the next allocation. */
      gtk_adjustment_set_upper (h, width * self->zoom);
      gtk_adjustment_set_upper (v, height * self->zoom);
      gtk_adjustment_set_value (h, rel_x * width * self->zoom - (anchor_x >= 0 ? anchor_x : gtk_adjustment_get_page_size (h) / 2));
      gtk_adjustment_set_value (v, rel_y * height * self->zoom - (anchor_y >= 0 ? anchor_y : gtk_adjustment_get_page_size (v) / 2));
    }

  update_zoom_actions (self);
}

static void
set_zoom_at (StarlingMediaViewer *self,
             double               zoom,
             double               anchor_x,
             double               anchor_y)
{
  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  if (G_APPROX_VALUE (self->zoom, zoom, 0.001))
    return;

  self->zoom = zoom;
  apply_zoom (self, anchor_x, anchor_y);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
update_navigation (StarlingMediaViewer *self)
{
  guint n = self->attachments != NULL ? self->attachments->len : 0;
  g_autofree char *subtitle = NULL;

  gtk_widget_set_visible (self->previous_button, n > 1);
  gtk_widget_set_visible (self->next_button, n > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.previous", self->index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.next", n > 0 && self->index + 1 < n);

  if (n > 1)
    /* TRANSLATORS: the media viewer's subtitle: "2 of 4" */
    subtitle = g_strdup_printf (_("%u of %u"), self->index + 1, n);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
delete_temp_files (StarlingMediaViewer *self)
{
  for (guint i = 0; self->temp_files != NULL && i < self->temp_files->len; i++)
    g_file_delete (g_ptr_array_index (self->temp_files, i), NULL, NULL);
  if (self->temp_files != NULL)
    g_ptr_array_set_size (self->temp_files, 0);
}

/* Pictures */

static void
picture_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (GWeakRef) ref = user_data;
  g_autoptr (StarlingMediaViewer) self = g_weak_ref_get (ref);
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = NULL;

  texture = starling_image_loader_load_finish (STARLING_IMAGE_LOADER (object), result, &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (texture == NULL)
    {
      show_error (self, _("Could Not Load the Picture"), error->message);
      return;
    }

  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "picture");
  update_zoom_actions (self);
}

static void
show_picture (StarlingMediaViewer     *self,
              StarlingMediaAttachment *attachment)
{
  const char *uri = original_uri (attachment);
  int width = starling_media_attachment_get_width (attachment);
  int height = starling_media_attachment_get_height (attachment);
  g_autoptr (GdkTexture) cached = NULL;

  if (uri == NULL)
    {
      show_error (self, _("Could Not Load the Picture"), _("The server gave no address for it"));
      return;
    }
  if (self->loader == NULL)
    {
      show_error (self, _("Could Not Load the Picture"), _("Pictures cannot be loaded here"));
      return;
    }

  /* Decoded at its own size, but never larger than MAX_SIDE: zooming
   * beyond that enlarges it. */
  if (width <= 0 || height <= 0)
    width = height = MAX_SIDE;
  if (width > MAX_SIDE || height > MAX_SIDE)
    {
      double factor = (double) MAX_SIDE / MAX (width, height);

      width = MAX (1, (int) (width * factor));
      height = MAX (1, (int) (height * factor));
    }

  cached = starling_image_loader_lookup (self->loader, uri, width, height, 1);
  if (cached != NULL)
    {
      gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (cached));
      gtk_stack_set_visible_child_name (self->stack, "picture");
      return;
    }

  gtk_picture_set_paintable (self->picture, NULL);
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  starling_image_loader_load_async (self->loader, uri, width, height, 1, self->load_cancellable,
                                    picture_loaded_cb, weak_ref_new (self));
}

/* Videos */

typedef struct
{
  GWeakRef  viewer;
  GFile    *file;
  char     *uri;
} FetchData;

static void
fetch_data_free (FetchData *data)
{
  g_weak_ref_clear (&data->viewer);
  g_clear_object (&data->file);
  g_free (data->uri);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FetchData, fetch_data_free)

static void
play (StarlingMediaViewer     *self,
      StarlingMediaAttachment *attachment,
      GFile                   *file)
{
  g_autoptr (GtkMediaStream) stream = gtk_media_file_new_for_file (file);
  gboolean gifv = starling_media_attachment_get_media_type (attachment) == STARLING_MEDIA_TYPE_GIFV;

  /* A "GIF" is a short silent video that loops, shown without controls'
   * fuss; a video plays once, with sound. */
  gtk_media_stream_set_loop (stream, gifv);
  gtk_media_stream_set_muted (stream, gifv);
  gtk_video_set_loop (self->video, gifv);
  gtk_video_set_autoplay (self->video, TRUE);
  gtk_video_set_media_stream (self->video, stream);
  gtk_media_stream_play (stream);

  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "video");
  update_zoom_actions (self);

  if (gtk_media_stream_get_error (stream) != NULL)
    show_error (self, _("Could Not Play the Video"), gtk_media_stream_get_error (stream)->message);
}

static void
video_error_cb (GtkMediaStream      *stream,
                GParamSpec          *pspec,
                StarlingMediaViewer *self)
{
  if (gtk_video_get_media_stream (self->video) == stream && gtk_media_stream_get_error (stream) != NULL)
    show_error (self, _("Could Not Play the Video"), gtk_media_stream_get_error (stream)->message);
}

static void
splice_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (FetchData) data = user_data;
  g_autoptr (StarlingMediaViewer) self = g_weak_ref_get (&data->viewer);
  g_autoptr (GError) error = NULL;
  StarlingMediaAttachment *attachment;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (object), result, &error) < 0 || self == NULL)
    {
      if (self == NULL)
        return;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Load the Video"), error->message);
      return;
    }

  attachment = starling_media_viewer_get_attachment (self);
  if (attachment == NULL || g_strcmp0 (original_uri (attachment), data->uri) != 0)
    return;

  g_set_object (&self->video_file, data->file);
  play (self, attachment, data->file);
  {
    GtkMediaStream *stream = gtk_video_get_media_stream (self->video);

    if (stream != NULL)
      g_signal_connect_object (stream, "notify::error", G_CALLBACK (video_error_cb), self, 0);
  }
}

static void
video_sent_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (FetchData) data = user_data;
  g_autoptr (StarlingMediaViewer) self = g_weak_ref_get (&data->viewer);
  g_autoptr (GError) error = NULL;
  g_autoptr (GInputStream) input = NULL;
  g_autoptr (GFileOutputStream) output = NULL;
  SoupMessage *message;
  guint status;

  input = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (self == NULL)
    return;
  if (input == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autoptr (GError) api_error = starling_api_error_new_from_transport (error);

          show_error (self, _("Could Not Load the Video"), api_error->message);
        }
      return;
    }

  message = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  status = soup_message_get_status (message);
  if (status < 200 || status >= 300)
    {
      g_autoptr (GError) api_error = starling_api_error_new_for_status (status, NULL, NULL, NULL);

      show_error (self, _("Could Not Load the Video"), api_error->message);
      return;
    }

  output = g_file_replace (data->file, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, &error);
  if (output == NULL)
    {
      show_error (self, _("Could Not Load the Video"), error->message);
      return;
    }
  g_ptr_array_add (self->temp_files, g_object_ref (data->file));

  /* The splice runs its reads and writes off the main thread. */
  g_output_stream_splice_async (G_OUTPUT_STREAM (output), input,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, self->load_cancellable, splice_cb, g_steal_pointer (&data));
}

static void
show_video (StarlingMediaViewer     *self,
            StarlingMediaAttachment *attachment)
{
  const char *uri = original_uri (attachment);
  g_autoptr (SoupMessage) message = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  FetchData *data;

  if (uri == NULL || self->session == NULL)
    {
      show_error (self, _("Could Not Load the Video"),
                  uri == NULL ? _("The server gave no address for it") : _("Videos cannot be loaded here"));
      return;
    }

  message = soup_message_new ("GET", uri);
  if (message == NULL)
    {
      show_error (self, _("Could Not Load the Video"), _("Its address is not valid"));
      return;
    }

  dir = g_build_filename (g_get_user_cache_dir (), "starling", "media", NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      show_error (self, _("Could Not Load the Video"), g_strerror (errno));
      return;
    }
  name = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);

  data = g_new0 (FetchData, 1);
  g_weak_ref_init (&data->viewer, self);
  {
    g_autofree char *path = g_build_filename (dir, name, NULL);

    data->file = g_file_new_for_path (path);
  }
  data->uri = g_strdup (uri);

  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  soup_session_send_async (self->session, message, G_PRIORITY_DEFAULT, self->load_cancellable,
                           video_sent_cb, data);
}

static void
show_current (StarlingMediaViewer *self)
{
  StarlingMediaAttachment *attachment = starling_media_viewer_get_attachment (self);
  const char *description;
  const char *title;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  if (gtk_video_get_media_stream (self->video) != NULL)
    gtk_media_stream_pause (gtk_video_get_media_stream (self->video));
  gtk_video_set_media_stream (self->video, NULL);
  self->zoom = 1.0;
  apply_zoom (self, -1, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);

  update_navigation (self);
  if (attachment == NULL)
    {
      gtk_label_set_text (self->alt_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->alt_label), FALSE);
      return;
    }

  description = starling_media_attachment_get_description (attachment);
  gtk_label_set_text (self->alt_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->alt_label), description != NULL && *description != '\0');
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL && *description != '\0' ? description : _("No description"),
                                  -1);

  switch (starling_media_attachment_get_media_type (attachment))
    {
    case STARLING_MEDIA_TYPE_VIDEO:
      title = _("Video");
      break;
    case STARLING_MEDIA_TYPE_GIFV:
      title = _("Animated GIF");
      break;
    case STARLING_MEDIA_TYPE_AUDIO:
      title = _("Audio");
      break;
    case STARLING_MEDIA_TYPE_IMAGE:
    case STARLING_MEDIA_TYPE_UNKNOWN:
    default:
      title = _("Picture");
      break;
    }
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);

  if (is_playable (attachment))
    show_video (self, attachment);
  else
    show_picture (self, attachment);

  update_zoom_actions (self);
}

/* Saving */

typedef struct
{
  GFile *destination;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->destination);
  g_free (data);
}

static void
save_spliced_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (object), result, &error) < 0)
    {
      SaveData *data = g_task_get_task_data (task);

      /* Nothing half-written stays behind. */
      g_file_delete (data->destination, NULL, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
save_replaced_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data);

static void
save_sent_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  GInputStream *input;
  SoupMessage *message;
  guint status;
  SaveData *data = g_task_get_task_data (task);

  input = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (input == NULL)
    {
      g_task_return_error (task, starling_api_error_new_from_transport (error));
      return;
    }

  message = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  status = soup_message_get_status (message);
  if (status < 200 || status >= 300)
    {
      g_object_unref (input);
      g_task_return_error (task, starling_api_error_new_for_status (status, NULL, NULL, NULL));
      return;
    }

  g_object_set_data_full (G_OBJECT (task), "input", input, g_object_unref);
  g_file_replace_async (data->destination, NULL, FALSE, G_FILE_CREATE_NONE, G_PRIORITY_DEFAULT,
                        g_task_get_cancellable (task), save_replaced_cb, g_steal_pointer (&task));
}

static void
save_replaced_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFileOutputStream) output = NULL;
  GInputStream *input = g_object_get_data (G_OBJECT (task), "input");

  output = g_file_replace_finish (G_FILE (object), result, &error);
  if (output == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_output_stream_splice_async (G_OUTPUT_STREAM (output), input,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                                save_spliced_cb, g_steal_pointer (&task));
}

static void
save_copied_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  if (!g_file_copy_finish (G_FILE (object), result, &error))
    {
      SaveData *data = g_task_get_task_data (task);

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        g_file_delete (data->destination, NULL, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * starling_media_viewer_save_async:
 * @self: a viewer
 * @file: where to write
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * Writes the attachment shown, as the server sent it, to @file (replacing
 * it): from the disk cache when the picture is there, else fetched again.
 * Every read and write happens off the main thread; a file cut short by
 * an error is removed.
 */
void
starling_media_viewer_save_async (StarlingMediaViewer *self,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  StarlingMediaAttachment *attachment;
  g_autofree char *cache_path = NULL;
  g_autoptr (SoupMessage) message = NULL;
  GFile *source = NULL;
  const char *uri;
  SaveData *data;

  g_return_if_fail (STARLING_IS_MEDIA_VIEWER (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_media_viewer_save_async);
  data = g_new0 (SaveData, 1);
  data->destination = g_object_ref (file);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  attachment = starling_media_viewer_get_attachment (self);
  uri = attachment != NULL ? original_uri (attachment) : NULL;
  if (uri == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s",
                               _("The server gave no address for this attachment"));
      return;
    }

  /* What is already on disk: the video fetched for playing, or the
   * picture in the image loader's cache. */
  if (is_playable (attachment) && self->video_file != NULL && g_file_query_exists (self->video_file, NULL))
    source = g_object_ref (self->video_file);
  else if (self->loader != NULL)
    {
      cache_path = starling_image_loader_get_cache_path (self->loader, uri);
      if (cache_path != NULL && g_file_test (cache_path, G_FILE_TEST_IS_REGULAR))
        source = g_file_new_for_path (cache_path);
    }

  if (source != NULL)
    {
      g_file_copy_async (source, file, G_FILE_COPY_OVERWRITE, G_PRIORITY_DEFAULT, cancellable,
                         NULL, NULL, save_copied_cb, g_steal_pointer (&task));
      g_object_unref (source);
      return;
    }

  message = self->session != NULL ? soup_message_new ("GET", uri) : NULL;
  if (message == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "%s",
                               _("The attachment cannot be fetched"));
      return;
    }

  soup_session_send_async (self->session, message, G_PRIORITY_DEFAULT, cancellable,
                           save_sent_cb, g_steal_pointer (&task));
}

/**
 * starling_media_viewer_save_finish:
 * @self: a viewer
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: whether the file was written
 */
gboolean
starling_media_viewer_save_finish (StarlingMediaViewer  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * starling_media_viewer_describe_save_error:
 * @error: what starling_media_viewer_save_finish() said
 *
 * Returns: (transfer full): what to tell the person: "Could not save: the
 *   disk is full", and the like
 */
char *
starling_media_viewer_describe_save_error (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    return g_strdup (_("Could not save: the disk is full. Free some space, or save somewhere else."));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    return g_strdup (_("Could not save: Starling may not write there. Choose another folder."));

  return g_strdup_printf (_("Could not save: %s"), error->message);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  StarlingMediaViewer *self = STARLING_MEDIA_VIEWER (object);
  g_autoptr (GFile) file = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (!starling_media_viewer_save_finish (self, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = starling_media_viewer_describe_save_error (error);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (file);

      /* TRANSLATORS: a toast after saving; %s is the file's name */
      message = g_strdup_printf (_("Saved as “%s”"), name);
    }

  {
    g_autofree char *escaped = g_markup_escape_text (message, -1);

    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
  }
}

static void
chooser_response_cb (GtkNativeDialog     *dialog,
                     int                  response,
                     StarlingMediaViewer *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        starling_media_viewer_save_async (self, file, NULL, saved_cb, g_object_ref (file));
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static char *
suggested_name (StarlingMediaAttachment *attachment)
{
  const char *uri = original_uri (attachment);
  g_autoptr (GUri) parsed = uri != NULL ? g_uri_parse (uri, G_URI_FLAGS_NONE, NULL) : NULL;
  g_autofree char *base = NULL;

  if (parsed != NULL && g_uri_get_path (parsed) != NULL)
    base = g_path_get_basename (g_uri_get_path (parsed));

  /* Mastodon names every file "original.png": the attachment's id says
   * more. */
  if (base == NULL || g_str_has_prefix (base, "original") || g_str_equal (base, "/") || g_str_equal (base, "."))
    {
      const char *dot = base != NULL ? strrchr (base, '.') : NULL;

      return g_strdup_printf ("%s%s", starling_media_attachment_get_id (attachment),
                              dot != NULL ? dot : "");
    }

  return g_steal_pointer (&base);
}

static void
save_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  StarlingMediaViewer *self = STARLING_MEDIA_VIEWER (widget);
  StarlingMediaAttachment *attachment = starling_media_viewer_get_attachment (self);
  GtkFileChooserNative *chooser;
  g_autofree char *file_name = NULL;

  if (attachment == NULL)
    return;

  /* GtkFileChooserNative goes through the file chooser portal inside
   * Flatpak, so the sandbox never sees the folder until it is chosen. */
  chooser = gtk_file_chooser_native_new (_("Save Attachment"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  file_name = suggested_name (attachment);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Navigation and zoom */

static void
previous_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  StarlingMediaViewer *self = STARLING_MEDIA_VIEWER (widget);

  if (self->index > 0)
    starling_media_viewer_set_index (self, self->index - 1);
}

static void
next_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  StarlingMediaViewer *self = STARLING_MEDIA_VIEWER (widget);

  if (self->attachments != NULL && self->index + 1 < self->attachments->len)
    starling_media_viewer_set_index (self, self->index + 1);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  StarlingMediaViewer *self = STARLING_MEDIA_VIEWER (widget);

  set_zoom_at (self, self->zoom * ZOOM_STEP, -1, -1);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  StarlingMediaViewer *self = STARLING_MEDIA_VIEWER (widget);

  set_zoom_at (self, self->zoom / ZOOM_STEP, -1, -1);
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  set_zoom_at (STARLING_MEDIA_VIEWER (widget), 1.0, -1, -1);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           StarlingMediaViewer      *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  double x = -1;
  double y = -1;

  /* Ctrl with the wheel zooms; the wheel alone scrolls. */
  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;

  if (event != NULL)
    {
      double wx;
      double wy;

      if (gdk_event_get_position (event, &wx, &wy))
        {
          graphene_point_t point;

          if (gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (self->scrolled),
                                        &GRAPHENE_POINT_INIT (wx, wy), &point))
            {
              x = point.x;
              y = point.y;
            }
        }
    }

  set_zoom_at (self, dy < 0 ? self->zoom * ZOOM_STEP : self->zoom / ZOOM_STEP, x, y);
  return TRUE;
}

static void
zoom_begin_cb (GtkGesture          *gesture,
               GdkEventSequence    *sequence,
               StarlingMediaViewer *self)
{
  self->gesture_start_zoom = self->zoom;
}

static void
zoom_scale_changed_cb (GtkGestureZoom      *gesture,
                       double               scale,
                       StarlingMediaViewer *self)
{
  double x = -1;
  double y = -1;

  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y);
  set_zoom_at (self, self->gesture_start_zoom * scale, x, y);
}

static void
swipe_cb (GtkGestureSwipe     *gesture,
          double               velocity_x,
          double               velocity_y,
          StarlingMediaViewer *self)
{
  /* A zoomed picture is dragged around, not swiped away. */
  if (self->zoom > MIN_ZOOM || ABS (velocity_x) < SWIPE_VELOCITY || ABS (velocity_x) < ABS (velocity_y))
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), velocity_x < 0 ? "viewer.next" : "viewer.previous", NULL);
}

/* GObject */

static void
starling_media_viewer_dispose (GObject *object)
{
  StarlingMediaViewer *self = STARLING_MEDIA_VIEWER (object);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->zoom_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->zoom_tick);
      self->zoom_tick = 0;
    }
  if (self->video != NULL)
    gtk_video_set_media_stream (self->video, NULL);
  delete_temp_files (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), STARLING_TYPE_MEDIA_VIEWER);

  g_clear_pointer (&self->temp_files, g_ptr_array_unref);
  g_clear_pointer (&self->attachments, g_ptr_array_unref);
  g_clear_object (&self->video_file);
  g_clear_object (&self->loader);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (starling_media_viewer_parent_class)->dispose (object);
}

static void
starling_media_viewer_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  StarlingMediaViewer *self = STARLING_MEDIA_VIEWER (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_media_viewer_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  StarlingMediaViewer *self = STARLING_MEDIA_VIEWER (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      starling_media_viewer_set_index (self, g_value_get_uint (value));
      break;
    case PROP_ZOOM:
      starling_media_viewer_set_zoom (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_media_viewer_class_init (StarlingMediaViewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = starling_media_viewer_dispose;
  object_class->get_property = starling_media_viewer_get_property;
  object_class->set_property = starling_media_viewer_set_property;

  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, MIN_ZOOM, MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/media/starling-media-viewer.ui");
  gtk_widget_class_bind_template_child (widget_class, StarlingMediaViewer, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StarlingMediaViewer, header_bar);
  gtk_widget_class_bind_template_child (widget_class, StarlingMediaViewer, window_title);
  gtk_widget_class_bind_template_child (widget_class, StarlingMediaViewer, save_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingMediaViewer, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, StarlingMediaViewer, zoom_in_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingMediaViewer, zoom_out_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingMediaViewer, stage);
  gtk_widget_class_bind_template_child (widget_class, StarlingMediaViewer, stack);
  gtk_widget_class_bind_template_child (widget_class, StarlingMediaViewer, scrolled);
  gtk_widget_class_bind_template_child (widget_class, StarlingMediaViewer, picture);
  gtk_widget_class_bind_template_child (widget_class, StarlingMediaViewer, video);
  gtk_widget_class_bind_template_child (widget_class, StarlingMediaViewer, spinner);
  gtk_widget_class_bind_template_child (widget_class, StarlingMediaViewer, error_page);
  gtk_widget_class_bind_template_child (widget_class, StarlingMediaViewer, previous_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingMediaViewer, next_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingMediaViewer, alt_label);

  gtk_widget_class_install_action (widget_class, "viewer.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "viewer.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_action (widget_class, "viewer.save", NULL, save_action);

}

/* The keys of the viewer. They are taken before anything in the window
 * sees them: GtkWindow moves the focus with the arrow keys, and a focused
 * button would do so instead of going to the next attachment. */
static const struct
{
  guint           keyval;
  GdkModifierType modifiers;
  const char     *action;
} keys[] = {
  { GDK_KEY_Left, 0, "viewer.previous" },
  { GDK_KEY_KP_Left, 0, "viewer.previous" },
  { GDK_KEY_Right, 0, "viewer.next" },
  { GDK_KEY_KP_Right, 0, "viewer.next" },
  { GDK_KEY_plus, GDK_CONTROL_MASK, "viewer.zoom-in" },
  { GDK_KEY_equal, GDK_CONTROL_MASK, "viewer.zoom-in" },
  { GDK_KEY_KP_Add, GDK_CONTROL_MASK, "viewer.zoom-in" },
  { GDK_KEY_minus, GDK_CONTROL_MASK, "viewer.zoom-out" },
  { GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "viewer.zoom-out" },
  { GDK_KEY_0, GDK_CONTROL_MASK, "viewer.zoom-reset" },
  { GDK_KEY_s, GDK_CONTROL_MASK, "viewer.save" },
  { GDK_KEY_Escape, 0, "window.close" },
};

static void
add_keys (StarlingMediaViewer *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, keys[i].modifiers),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
starling_media_viewer_init (StarlingMediaViewer *self)
{
  GtkEventController *scroll;
  GtkGesture *zoom;
  GtkGesture *swipe;

  starling_style_load (RESOURCE_BASE "/media/style.css");
  gtk_widget_init_template (GTK_WIDGET (self));
  add_keys (self);

  self->zoom = 1.0;
  self->temp_files = g_ptr_array_new_with_free_func (g_object_unref);
  self->load_cancellable = g_cancellable_new ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->previous_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Previous attachment"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Next attachment"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->save_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Save as"), -1);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (scroll_cb), self, 0);
  gtk_widget_add_controller (self->stage, scroll);

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect_object (zoom, "begin", G_CALLBACK (zoom_begin_cb), self, 0);
  g_signal_connect_object (zoom, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self, 0);
  gtk_widget_add_controller (self->stage, GTK_EVENT_CONTROLLER (zoom));

  swipe = gtk_gesture_swipe_new ();
  g_signal_connect_object (swipe, "swipe", G_CALLBACK (swipe_cb), self, 0);
  gtk_widget_add_controller (self->stage, GTK_EVENT_CONTROLLER (swipe));
  gtk_gesture_group (zoom, swipe);

  apply_zoom (self, -1, -1);
  update_navigation (self);
}

/**
 * starling_media_viewer_new:
 * @parent: (nullable): the window it opens over
 * @loader: (nullable): the application's image loader
 * @session: (nullable): the session to fetch videos and originals with
 *
 * Returns: (transfer full): a new viewer; give it attachments with
 *   starling_media_viewer_set_attachments() and present it
 */
StarlingMediaViewer *
starling_media_viewer_new (GtkWindow           *parent,
                           StarlingImageLoader *loader,
                           SoupSession         *session)
{
  StarlingMediaViewer *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (loader == NULL || STARLING_IS_IMAGE_LOADER (loader), NULL);
  g_return_val_if_fail (session == NULL || SOUP_IS_SESSION (session), NULL);

  self = g_object_new (STARLING_TYPE_MEDIA_VIEWER,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  if (loader != NULL)
    self->loader = g_object_ref (loader);
  if (session != NULL)
    self->session = g_object_ref (session);
  if (parent != NULL && gtk_window_get_application (parent) != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));

  return self;
}

/**
 * starling_media_viewer_set_attachments:
 * @self: a viewer
 * @attachments: (element-type StarlingMediaAttachment): a post's
 *   attachments
 * @index: the one to show first
 */
void
starling_media_viewer_set_attachments (StarlingMediaViewer *self,
                                       GPtrArray           *attachments,
                                       guint                index)
{
  g_return_if_fail (STARLING_IS_MEDIA_VIEWER (self));
  g_return_if_fail (attachments != NULL);

  g_clear_pointer (&self->attachments, g_ptr_array_unref);
  self->attachments = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < attachments->len; i++)
    g_ptr_array_add (self->attachments, g_object_ref (g_ptr_array_index (attachments, i)));

  self->index = attachments->len > 0 ? MIN (index, attachments->len - 1) : 0;
  show_current (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEX]);
}

guint
starling_media_viewer_get_n_items (StarlingMediaViewer *self)
{
  g_return_val_if_fail (STARLING_IS_MEDIA_VIEWER (self), 0);

  return self->attachments != NULL ? self->attachments->len : 0;
}

guint
starling_media_viewer_get_index (StarlingMediaViewer *self)
{
  g_return_val_if_fail (STARLING_IS_MEDIA_VIEWER (self), 0);

  return self->index;
}

/**
 * starling_media_viewer_set_index:
 * @self: a viewer
 * @index: the attachment to show
 */
void
starling_media_viewer_set_index (StarlingMediaViewer *self,
                                 guint                index)
{
  g_return_if_fail (STARLING_IS_MEDIA_VIEWER (self));

  if (self->attachments == NULL || index >= self->attachments->len || index == self->index)
    return;

  self->index = index;
  show_current (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEX]);
}

/**
 * starling_media_viewer_get_attachment:
 * @self: a viewer
 *
 * Returns: (transfer none) (nullable): the attachment shown
 */
StarlingMediaAttachment *
starling_media_viewer_get_attachment (StarlingMediaViewer *self)
{
  g_return_val_if_fail (STARLING_IS_MEDIA_VIEWER (self), NULL);

  if (self->attachments == NULL || self->index >= self->attachments->len)
    return NULL;

  return g_ptr_array_index (self->attachments, self->index);
}

double
starling_media_viewer_get_zoom (StarlingMediaViewer *self)
{
  g_return_val_if_fail (STARLING_IS_MEDIA_VIEWER (self), 1.0);

  return self->zoom;
}

/**
 * starling_media_viewer_set_zoom:
 * @self: a viewer
 * @zoom: 1 to fit the window, up to 8
 */
void
starling_media_viewer_set_zoom (StarlingMediaViewer *self,
                                double               zoom)
{
  g_return_if_fail (STARLING_IS_MEDIA_VIEWER (self));

  set_zoom_at (self, zoom, -1, -1);
}

/**
 * starling_media_viewer_get_state:
 * @self: a viewer
 *
 * Returns: what the viewer shows: "picture", "video", "loading" or "error"
 */
const char *
starling_media_viewer_get_state (StarlingMediaViewer *self)
{
  g_return_val_if_fail (STARLING_IS_MEDIA_VIEWER (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
