/* starling-avatar.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwAvatar that shows an account's picture once the image loader has
 * it, and the initials of its text until then or when there is none.
 */

#define G_LOG_DOMAIN "starling-accounts"

#include "config.h"

#include "starling-avatar.h"

#define URL_KEY "starling-avatar-url"
#define CANCELLABLE_KEY "starling-avatar-cancellable"

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
  texture = starling_image_loader_load_finish (STARLING_IMAGE_LOADER (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_object_set_data (G_OBJECT (avatar), CANCELLABLE_KEY, NULL);
  if (texture == NULL)
    {
      /* The initials stay; a missing avatar is not worth a message. */
      g_debug ("No avatar picture: %s", error->message);
      return;
    }
  adw_avatar_set_custom_image (avatar, GDK_PAINTABLE (texture));
}

/**
 * starling_avatar_set_url:
 * @avatar: an #AdwAvatar
 * @loader: (nullable): the application's image loader
 * @url: (nullable): the picture's address
 *
 * Shows the picture at @url in @avatar, at the avatar's size, once it is
 * loaded; until then, and when there is none, the avatar shows the
 * initials of its text. A load still running for an earlier address is
 * cancelled, and so is one running when the avatar goes away.
 */
void
starling_avatar_set_url (AdwAvatar           *avatar,
                         StarlingImageLoader *loader,
                         const char          *url)
{
  g_autoptr (GdkTexture) cached = NULL;
  GCancellable *cancellable;
  int size;
  int scale;

  g_return_if_fail (ADW_IS_AVATAR (avatar));
  g_return_if_fail (loader == NULL || STARLING_IS_IMAGE_LOADER (loader));

  if (url != NULL && *url == '\0')
    url = NULL;
  if (loader == NULL)
    url = NULL;
  if (g_strcmp0 (g_object_get_data (G_OBJECT (avatar), URL_KEY), url) == 0)
    return;

  g_object_set_data_full (G_OBJECT (avatar), URL_KEY, g_strdup (url), g_free);
  g_object_set_data (G_OBJECT (avatar), CANCELLABLE_KEY, NULL);
  adw_avatar_set_custom_image (avatar, NULL);

  if (url == NULL)
    return;

  size = adw_avatar_get_size (avatar);
  scale = MAX (1, gtk_widget_get_scale_factor (GTK_WIDGET (avatar)));
  cached = starling_image_loader_lookup (loader, url, size, size, scale);
  if (cached != NULL)
    {
      adw_avatar_set_custom_image (avatar, GDK_PAINTABLE (cached));
      return;
    }

  cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (avatar), CANCELLABLE_KEY, cancellable, cancel_and_unref);
  starling_image_loader_load_async (loader, url, size, size, scale, cancellable,
                                    avatar_loaded_cb, avatar);
}

/**
 * starling_plain_name:
 * @display_name: (nullable): an account's display name
 * @handle: (nullable): its `user@server`, for when the name is empty
 *
 * The name as plain text for a switcher or an avatar's initials: custom
 * emoji shortcodes (`:crane:`), which need pictures, are left out, and
 * spaces are tidied.
 *
 * Returns: (transfer full): the name to show
 */
char *
starling_plain_name (const char *display_name,
                     const char *handle)
{
  GString *out = g_string_new (NULL);
  const char *p = display_name != NULL ? display_name : "";

  while (*p != '\0')
    {
      /* A shortcode is a colon, letters, digits or underscores, a colon. */
      if (*p == ':')
        {
          const char *end = p + 1;

          while (g_ascii_isalnum (*end) || *end == '_')
            end++;
          if (*end == ':' && end > p + 1)
            {
              p = end + 1;
              continue;
            }
        }
      if (g_ascii_isspace (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          p++;
          continue;
        }
      g_string_append_c (out, *p++);
    }

  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0 && handle != NULL)
    g_string_append (out, handle);

  return g_string_free (out, FALSE);
}
