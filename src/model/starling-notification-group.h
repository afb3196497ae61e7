/* starling-notification-group.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-account.h"
#include "starling-entity.h"
#include "starling-notification.h"
#include "starling-status.h"

G_BEGIN_DECLS

#define STARLING_TYPE_NOTIFICATION_GROUP (starling_notification_group_get_type ())

G_DECLARE_FINAL_TYPE (StarlingNotificationGroup, starling_notification_group, STARLING, NOTIFICATION_GROUP, StarlingEntity)

/* Each getter returns the property of the same name. `id` is the group
 * key. `sample-accounts` (StarlingAccount objects) and `status` are set by
 * starling_notification_group_decode_results() from the document's lists;
 * `report`, `event` and `moderation-warning` are kept as JSON. */
const char               *starling_notification_group_get_id                           (StarlingNotificationGroup *self);
const char               *starling_notification_group_get_group_key                    (StarlingNotificationGroup *self);
gint64                    starling_notification_group_get_notifications_count          (StarlingNotificationGroup *self);
StarlingNotificationType  starling_notification_group_get_notification_type            (StarlingNotificationGroup *self);
const char               *starling_notification_group_get_type_name                    (StarlingNotificationGroup *self);
const char               *starling_notification_group_get_most_recent_notification_id  (StarlingNotificationGroup *self);
const char               *starling_notification_group_get_page_min_id                  (StarlingNotificationGroup *self);
const char               *starling_notification_group_get_page_max_id                  (StarlingNotificationGroup *self);
GDateTime                *starling_notification_group_get_latest_page_notification_at  (StarlingNotificationGroup *self);
const char * const       *starling_notification_group_get_sample_account_ids           (StarlingNotificationGroup *self);
const char               *starling_notification_group_get_status_id                    (StarlingNotificationGroup *self);
JsonNode                 *starling_notification_group_get_report                       (StarlingNotificationGroup *self);
JsonNode                 *starling_notification_group_get_event                        (StarlingNotificationGroup *self);
JsonNode                 *starling_notification_group_get_moderation_warning           (StarlingNotificationGroup *self);
GPtrArray                *starling_notification_group_get_sample_accounts              (StarlingNotificationGroup *self);
StarlingStatus           *starling_notification_group_get_status                       (StarlingNotificationGroup *self);

GPtrArray                *starling_notification_group_decode_results                   (JsonNode                  *node,
                                                                                        StarlingEntityMap         *map,
                                                                                        GError                   **error);

G_END_DECLS
