/* starling-status-factory.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "api/starling-account-manager.h"
#include "ui/status/starling-status-row.h"

G_BEGIN_DECLS

GtkListItemFactory *starling_status_factory_new              (void);
void                starling_status_factory_set_session      (GtkListItemFactory     *factory,
                                                              StarlingAccountSession *session);
void                starling_status_factory_set_image_loader (GtkListItemFactory     *factory,
                                                              StarlingImageLoader    *loader);
void                starling_status_factory_prepare_row      (GtkListItemFactory     *factory,
                                                              StarlingStatusRow      *row);
void                starling_status_factory_bind_row         (GtkListItemFactory     *factory,
                                                              StarlingStatusRow      *row,
                                                              StarlingStatus         *status);

G_END_DECLS
