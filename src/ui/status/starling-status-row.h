/* starling-status-row.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "api/starling-client.h"
#include "model/starling-status.h"
#include "ui/media/starling-image-loader.h"

#include "starling-status-text.h"

G_BEGIN_DECLS

#define STARLING_TYPE_STATUS_ROW (starling_status_row_get_type ())

G_DECLARE_FINAL_TYPE (StarlingStatusRow, starling_status_row, STARLING, STATUS_ROW, GtkWidget)

GtkWidget      *starling_status_row_new                  (void);
GtkWidget      *starling_status_row_new_compact          (void);
StarlingStatus *starling_status_row_get_status           (StarlingStatusRow      *self);
void            starling_status_row_set_status           (StarlingStatusRow      *self,
                                                          StarlingStatus         *status);
gboolean        starling_status_row_get_compact          (StarlingStatusRow      *self);
StarlingClient *starling_status_row_get_client           (StarlingStatusRow      *self);
void            starling_status_row_set_client           (StarlingStatusRow      *self,
                                                          StarlingClient         *client);
StarlingImageLoader *
                starling_status_row_get_image_loader     (StarlingStatusRow      *self);
void            starling_status_row_set_image_loader     (StarlingStatusRow      *self,
                                                          StarlingImageLoader    *loader);
guint           starling_status_row_get_images_pending   (StarlingStatusRow      *self);
const char     *starling_status_row_get_own_account_id   (StarlingStatusRow      *self);
void            starling_status_row_set_own_account_id   (StarlingStatusRow      *self,
                                                          const char             *account_id);
void            starling_status_row_set_software_lookup  (StarlingStatusRow      *self,
                                                          StarlingSoftwareLookup  lookup,
                                                          gpointer                user_data,
                                                          GDestroyNotify          destroy);
gboolean        starling_status_row_get_expand_spoilers  (StarlingStatusRow      *self);
void            starling_status_row_set_expand_spoilers  (StarlingStatusRow      *self,
                                                          gboolean                expand);
gboolean        starling_status_row_get_content_revealed (StarlingStatusRow      *self);
void            starling_status_row_set_content_revealed (StarlingStatusRow      *self,
                                                          gboolean                revealed);
GMenuModel     *starling_status_row_build_menu           (StarlingStatusRow      *self);

G_END_DECLS
