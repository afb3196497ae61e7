/* starling-notifications-page.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "api/starling-account-manager.h"
#include "api/starling-feed.h"
#include "ui/media/starling-image-loader.h"

G_BEGIN_DECLS

#define STARLING_TYPE_NOTIFICATIONS_PAGE (starling_notifications_page_get_type ())

G_DECLARE_FINAL_TYPE (StarlingNotificationsPage, starling_notifications_page, STARLING, NOTIFICATIONS_PAGE, AdwBin)

GtkWidget    *starling_notifications_page_new              (StarlingAccountSession    *session);
const char   *starling_notifications_page_get_title        (StarlingNotificationsPage *self);
const char   *starling_notifications_page_get_state        (StarlingNotificationsPage *self);
StarlingFeed *starling_notifications_page_get_feed         (StarlingNotificationsPage *self);
GListModel   *starling_notifications_page_get_model        (StarlingNotificationsPage *self);
gboolean      starling_notifications_page_get_mentions_only (StarlingNotificationsPage *self);
void          starling_notifications_page_set_mentions_only (StarlingNotificationsPage *self,
                                                            gboolean                   mentions_only);
const char   *starling_notifications_page_get_marked_id    (StarlingNotificationsPage *self);
void          starling_notifications_page_set_image_loader (StarlingNotificationsPage *self,
                                                            StarlingImageLoader       *loader);
void          starling_notifications_page_refresh          (StarlingNotificationsPage *self);

G_END_DECLS
