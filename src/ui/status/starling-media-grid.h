/* starling-media-grid.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/starling-media-attachment.h"

G_BEGIN_DECLS

#define STARLING_TYPE_MEDIA_GRID (starling_media_grid_get_type ())

G_DECLARE_FINAL_TYPE (StarlingMediaGrid, starling_media_grid, STARLING, MEDIA_GRID, GtkWidget)

GtkWidget  *starling_media_grid_new               (void);
void        starling_media_grid_set_attachments   (StarlingMediaGrid *self,
                                                   GPtrArray         *attachments);
guint       starling_media_grid_get_n_items       (StarlingMediaGrid *self);
StarlingMediaAttachment *
            starling_media_grid_get_attachment    (StarlingMediaGrid *self,
                                                   guint              index);
gboolean    starling_media_grid_get_sensitive_media (StarlingMediaGrid *self);
void        starling_media_grid_set_sensitive_media (StarlingMediaGrid *self,
                                                   gboolean           sensitive);
gboolean    starling_media_grid_get_revealed      (StarlingMediaGrid *self);
void        starling_media_grid_set_revealed      (StarlingMediaGrid *self,
                                                   gboolean           revealed);
void        starling_media_grid_set_paintable     (StarlingMediaGrid *self,
                                                   guint              index,
                                                   GdkPaintable      *paintable);
gboolean    starling_media_grid_has_image         (StarlingMediaGrid *self,
                                                   guint              index);
GtkWidget  *starling_media_grid_get_tile          (StarlingMediaGrid *self,
                                                   guint              index);
GtkWidget  *starling_media_grid_get_cover         (StarlingMediaGrid *self);
void        starling_media_grid_get_tile_size     (StarlingMediaGrid *self,
                                                   guint              index,
                                                   int               *width,
                                                   int               *height);
int         starling_media_grid_height_for_width  (GPtrArray         *attachments,
                                                   int                width);
GdkTexture *starling_media_blurhash_texture       (const char        *blurhash,
                                                   double             aspect);

G_END_DECLS
