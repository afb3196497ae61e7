/* starling-image-loader.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

#define STARLING_IMAGE_LOADER_ERROR (starling_image_loader_error_quark ())

/**
 * StarlingImageLoaderError:
 * @STARLING_IMAGE_LOADER_ERROR_UNDECODABLE: the body is not a picture
 *   gdk-pixbuf can read, or it is cut short
 * @STARLING_IMAGE_LOADER_ERROR_TOO_LARGE: the body is larger than
 *   #StarlingImageLoader:max-body-size, or the picture's header announces
 *   more pixels than Starling decodes (a decompression bomb)
 *
 * Errors of the image loader. Failures of the transfer itself (the server
 * cannot be reached, 404, 5xx, a plain http:// address that is not
 * loopback) are #StarlingApiError, as everywhere else.
 */
typedef enum
{
  STARLING_IMAGE_LOADER_ERROR_UNDECODABLE,
  STARLING_IMAGE_LOADER_ERROR_TOO_LARGE,
} StarlingImageLoaderError;

/* StarlingImageLoader: the one loader of avatars, headers, emoji and media,
 * one per application (starling_application_get_image_loader()).
 *
 * - load_async() fetches @uri (https://, or http:// to loopback and through
 *   the demo session), decodes it on a worker thread and scales it down to
 *   fit @width × @height logical pixels at @scale (the widget's scale
 *   factor), keeping its aspect ratio and never scaling up. A width or
 *   height of 0 or less leaves that side free. finish() gives a new
 *   reference to a #GdkTexture.
 * - Calls for the same URI and size share one transfer and one decode.
 *   Cancelling one caller returns %G_IO_ERROR_CANCELLED to it alone; the
 *   transfer stops when every caller has cancelled (rows scrolled away).
 * - lookup() answers at once from the memory cache (transfer full, or
 *   %NULL), so a recycled row shows a picture it has already had without
 *   waiting for a main-loop turn.
 * - Pictures are kept as the server sent them in the disk cache (one file
 *   per URI, named by its SHA-256), so another size or the next run needs
 *   no transfer; trim_disk_async() deletes the oldest files beyond
 *   #StarlingImageLoader:disk-limit.
 */

#define STARLING_TYPE_IMAGE_LOADER (starling_image_loader_get_type ())

G_DECLARE_FINAL_TYPE (StarlingImageLoader, starling_image_loader, STARLING, IMAGE_LOADER, GObject)

GQuark               starling_image_loader_error_quark     (void);

StarlingImageLoader *starling_image_loader_new             (SoupSession          *session,
                                                            const char           *cache_dir);

void                 starling_image_loader_load_async      (StarlingImageLoader  *self,
                                                            const char           *uri,
                                                            int                   width,
                                                            int                   height,
                                                            int                   scale,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
GdkTexture          *starling_image_loader_load_finish     (StarlingImageLoader  *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);
GdkTexture          *starling_image_loader_lookup          (StarlingImageLoader  *self,
                                                            const char           *uri,
                                                            int                   width,
                                                            int                   height,
                                                            int                   scale);

void                 starling_image_loader_trim_disk_async (StarlingImageLoader  *self,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean             starling_image_loader_trim_disk_finish (StarlingImageLoader *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

const char          *starling_image_loader_get_cache_dir   (StarlingImageLoader  *self);
char                *starling_image_loader_get_cache_path  (StarlingImageLoader  *self,
                                                            const char           *uri);

guint64              starling_image_loader_get_memory_limit (StarlingImageLoader *self);
void                 starling_image_loader_set_memory_limit (StarlingImageLoader *self,
                                                            guint64               memory_limit);
guint64              starling_image_loader_get_memory_used  (StarlingImageLoader *self);
guint64              starling_image_loader_get_disk_limit   (StarlingImageLoader *self);
void                 starling_image_loader_set_disk_limit   (StarlingImageLoader *self,
                                                            guint64               disk_limit);
guint64              starling_image_loader_get_max_body_size (StarlingImageLoader *self);
void                 starling_image_loader_set_max_body_size (StarlingImageLoader *self,
                                                            guint64               max_body_size);

G_END_DECLS
