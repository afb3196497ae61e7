/* starling-avatar.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small avatar loader: fetches the picture through the app's session,
 * decodes it at the size shown on a worker thread, and keeps the few
 * textures in use in memory. Until a picture arrives (or when it cannot be
 * had) an AdwAvatar shows the initials of its text.
 */

#define G_LOG_DOMAIN "starling-accounts"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "api/starling-session.h"

#include "starling-avatar.h"

/* Avatars are small: this many textures are a few megabytes at most. */
#define CACHE_LIMIT 64
/* A picture larger than this is not an avatar. */
#define MAX_AVATAR_BYTES (8 * 1024 * 1024)

static GHashTable *cache;

static char *
cache_key (const char *url,
           int         size)
{
  return g_strdup_printf ("%d:%s", size, url);
}

static void
decode_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GBytes *bytes = task_data;
  int size = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "size"));
  g_autoptr (GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr (GError) error = NULL;
  GdkPixbuf *pixbuf;

  pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, size, size, TRUE, cancellable, &error);
  if (pixbuf == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, pixbuf, g_object_unref);
}

static void
decoded_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GdkPixbuf) pixbuf = NULL;
  g_autoptr (GError) error = NULL;
  GdkTexture *texture;

  pixbuf = g_task_propagate_pointer (G_TASK (result), &error);
  if (pixbuf == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  texture = gdk_texture_new_for_pixbuf (pixbuf);
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  if (g_hash_table_size (cache) >= CACHE_LIMIT)
    g_hash_table_remove_all (cache);
  g_hash_table_insert (cache, g_strdup (g_object_get_data (G_OBJECT (task), "key")), g_object_ref (texture));

  g_task_return_pointer (task, texture, g_object_unref);
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  GTask *decode;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (message)))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               "The avatar could not be fetched (HTTP %u)",
                               soup_message_get_status (message));
      return;
    }
  if (g_bytes_get_size (bytes) == 0 || g_bytes_get_size (bytes) > MAX_AVATAR_BYTES)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "The avatar is empty or too large");
      return;
    }

  decode = g_task_new (NULL, g_task_get_cancellable (task), decoded_cb, g_object_ref (task));
  g_object_set_data (G_OBJECT (decode), "size", g_object_get_data (G_OBJECT (task), "size"));
  g_task_set_task_data (decode, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (decode, decode_in_thread);
  g_object_unref (decode);
}

/**
 * starling_avatar_load_async:
 * @session: the session to fetch through
 * @url: the picture's address
 * @size: the size in pixels to decode at (the widget's size times its
 *   scale factor)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the texture
 * @user_data: data for @callback
 *
 * Fetches and decodes an avatar, or finds it in memory.
 */
void
starling_avatar_load_async (SoupSession         *session,
                            const char          *url,
                            int                  size,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (SoupMessage) message = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *key = NULL;
  GdkTexture *cached;

  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (url != NULL);
  g_return_if_fail (size > 0);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_avatar_load_async);

  key = cache_key (url, size);
  cached = cache != NULL ? g_hash_table_lookup (cache, key) : NULL;
  if (cached != NULL)
    {
      g_task_return_pointer (task, g_object_ref (cached), g_object_unref);
      return;
    }

  /* The same transport rule as every other request: https, or http on
   * loopback only. */
  if (!starling_api_check_uri (session, url, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  message = soup_message_new (SOUP_METHOD_GET, url);
  if (message == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "The avatar's address is not valid");
      return;
    }

  g_object_set_data (G_OBJECT (task), "size", GINT_TO_POINTER (size));
  g_object_set_data_full (G_OBJECT (task), "key", g_steal_pointer (&key), g_free);
  soup_session_send_and_read_async (session, message, G_PRIORITY_LOW, cancellable,
                                    fetched_cb, g_steal_pointer (&task));
}

/**
 * starling_avatar_load_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the texture, or %NULL
 */
GdkTexture *
starling_avatar_load_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == starling_avatar_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
cancel_and_unref (gpointer data)
{
  g_cancellable_cancel (data);
  g_object_unref (data);
}

static void
avatar_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AdwAvatar *avatar = user_data;
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GError) error = NULL;

  /* A cancelled load means the avatar went away or shows another picture:
   * it must not be touched. */
  texture = starling_avatar_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_object_set_data (G_OBJECT (avatar), "starling-avatar-cancellable", NULL);
  if (texture == NULL)
    {
      g_debug ("No avatar picture: %s", error->message);
      return;
    }
  adw_avatar_set_custom_image (avatar, GDK_PAINTABLE (texture));
}

/**
 * starling_avatar_set_url:
 * @avatar: an #AdwAvatar
 * @session: (nullable): the session to fetch through
 * @url: (nullable): the picture's address
 *
 * Shows the picture at @url in @avatar once it is loaded; until then, and
 * when there is none, the avatar shows the initials of its text. A load
 * still running for an earlier address is cancelled.
 */
void
starling_avatar_set_url (AdwAvatar   *avatar,
                         SoupSession *session,
                         const char  *url)
{
  GCancellable *cancellable;
  int size;

  g_return_if_fail (ADW_IS_AVATAR (avatar));
  g_return_if_fail (session == NULL || SOUP_IS_SESSION (session));

  if (g_strcmp0 (g_object_get_data (G_OBJECT (avatar), "starling-avatar-url"), url) == 0)
    return;

  g_object_set_data_full (G_OBJECT (avatar), "starling-avatar-url", g_strdup (url), g_free);
  g_object_set_data (G_OBJECT (avatar), "starling-avatar-cancellable", NULL);
  adw_avatar_set_custom_image (avatar, NULL);

  if (session == NULL || url == NULL || *url == '\0')
    return;

  cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (avatar), "starling-avatar-cancellable", cancellable, cancel_and_unref);
  size = adw_avatar_get_size (avatar) * MAX (1, gtk_widget_get_scale_factor (GTK_WIDGET (avatar)));
  starling_avatar_load_async (session, url, size, cancellable, avatar_loaded_cb, avatar);
}
