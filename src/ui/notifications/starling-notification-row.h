/* starling-notification-row.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "api/starling-client.h"
#include "model/starling-notification.h"
#include "ui/media/starling-image-loader.h"
#include "ui/status/starling-status-row.h"

G_BEGIN_DECLS

#define STARLING_TYPE_NOTIFICATION_ROW (starling_notification_row_get_type ())

G_DECLARE_FINAL_TYPE (StarlingNotificationRow, starling_notification_row, STARLING, NOTIFICATION_ROW, GtkWidget)

GtkWidget         *starling_notification_row_new              (void);
void               starling_notification_row_set_item         (StarlingNotificationRow *self,
                                                               gpointer                 item);
gpointer           starling_notification_row_get_item         (StarlingNotificationRow *self);
void               starling_notification_row_set_client       (StarlingNotificationRow *self,
                                                               StarlingClient          *client);
void               starling_notification_row_set_image_loader (StarlingNotificationRow *self,
                                                               StarlingImageLoader     *loader);
void               starling_notification_row_set_own_account_id (StarlingNotificationRow *self,
                                                               const char              *account_id);
void               starling_notification_row_set_unread       (StarlingNotificationRow *self,
                                                               gboolean                 unread);
const char        *starling_notification_row_get_summary      (StarlingNotificationRow *self);
StarlingStatusRow *starling_notification_row_get_status_row   (StarlingNotificationRow *self);
guint              starling_notification_row_get_n_avatars    (StarlingNotificationRow *self);

/* What a notification (or a group of them) says, apart from the widgets. */
StarlingNotificationType starling_notification_item_get_kind     (gpointer                 item);
StarlingStatus          *starling_notification_item_get_status   (gpointer                 item);
StarlingAccount         *starling_notification_item_get_account  (gpointer                 item);
char                    *starling_notification_item_dup_summary  (gpointer                 item,
                                                                  const char              *own_account_id,
                                                                  gboolean                 markup);
const char              *starling_notification_item_get_newest_id (gpointer                item);

G_END_DECLS
