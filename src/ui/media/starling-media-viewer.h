/* starling-media-viewer.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <libsoup/soup.h>

#include "model/starling-media-attachment.h"
#include "starling-image-loader.h"

G_BEGIN_DECLS

#define STARLING_TYPE_MEDIA_VIEWER (starling_media_viewer_get_type ())

G_DECLARE_FINAL_TYPE (StarlingMediaViewer, starling_media_viewer, STARLING, MEDIA_VIEWER, AdwWindow)

StarlingMediaViewer     *starling_media_viewer_new              (GtkWindow            *parent,
                                                                 StarlingImageLoader  *loader,
                                                                 SoupSession          *session);
void                     starling_media_viewer_set_attachments  (StarlingMediaViewer  *self,
                                                                 GPtrArray            *attachments,
                                                                 guint                 index);
guint                    starling_media_viewer_get_n_items      (StarlingMediaViewer  *self);
guint                    starling_media_viewer_get_index        (StarlingMediaViewer  *self);
void                     starling_media_viewer_set_index        (StarlingMediaViewer  *self,
                                                                 guint                 index);
StarlingMediaAttachment *starling_media_viewer_get_attachment   (StarlingMediaViewer  *self);
double                   starling_media_viewer_get_zoom         (StarlingMediaViewer  *self);
void                     starling_media_viewer_set_zoom         (StarlingMediaViewer  *self,
                                                                 double                zoom);
const char              *starling_media_viewer_get_state        (StarlingMediaViewer  *self);
void                     starling_media_viewer_save_async       (StarlingMediaViewer  *self,
                                                                 GFile                *file,
                                                                 GCancellable         *cancellable,
                                                                 GAsyncReadyCallback   callback,
                                                                 gpointer              user_data);
gboolean                 starling_media_viewer_save_finish      (StarlingMediaViewer  *self,
                                                                 GAsyncResult         *result,
                                                                 GError              **error);
char                    *starling_media_viewer_describe_save_error (const GError      *error);

G_END_DECLS
