/* starling-notification.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-account.h"
#include "starling-entity.h"
#include "starling-status.h"

G_BEGIN_DECLS

/**
 * StarlingNotificationType:
 * @STARLING_NOTIFICATION_TYPE_UNKNOWN: a type Starling does not know (a
 *   newer server's, or another software's, such as Pleroma's
 *   `pleroma:emoji_reaction`); `type-name` has the server's word
 * @STARLING_NOTIFICATION_TYPE_MENTION: someone mentioned the user
 * @STARLING_NOTIFICATION_TYPE_STATUS: someone the user subscribed to posted
 * @STARLING_NOTIFICATION_TYPE_REBLOG: someone boosted one of the user's posts
 * @STARLING_NOTIFICATION_TYPE_FOLLOW: someone followed the user
 * @STARLING_NOTIFICATION_TYPE_FOLLOW_REQUEST: someone asked to follow
 * @STARLING_NOTIFICATION_TYPE_FAVOURITE: someone favourited a post
 * @STARLING_NOTIFICATION_TYPE_POLL: a poll the user voted in or made ended
 * @STARLING_NOTIFICATION_TYPE_UPDATE: a post the user boosted was edited
 * @STARLING_NOTIFICATION_TYPE_ADMIN_SIGN_UP: someone signed up (moderators)
 * @STARLING_NOTIFICATION_TYPE_ADMIN_REPORT: a new report (moderators)
 * @STARLING_NOTIFICATION_TYPE_SEVERED_RELATIONSHIPS: follows were lost to
 *   a moderation action (`event`)
 * @STARLING_NOTIFICATION_TYPE_MODERATION_WARNING: a moderator acted on
 *   the account (`moderation-warning`)
 * @STARLING_NOTIFICATION_TYPE_QUOTE: someone quoted one of the user's posts
 * @STARLING_NOTIFICATION_TYPE_QUOTED_UPDATE: a post the user quoted was
 *   edited
 * @STARLING_NOTIFICATION_TYPE_ADDED_TO_COLLECTION: the user was added to
 *   a collection
 * @STARLING_NOTIFICATION_TYPE_COLLECTION_UPDATE: a collection the user is
 *   in changed
 *
 * What a notification is about. The nick of each is the API's word.
 */
typedef enum
{
  STARLING_NOTIFICATION_TYPE_UNKNOWN,
  STARLING_NOTIFICATION_TYPE_MENTION,
  STARLING_NOTIFICATION_TYPE_STATUS,
  STARLING_NOTIFICATION_TYPE_REBLOG,
  STARLING_NOTIFICATION_TYPE_FOLLOW,
  STARLING_NOTIFICATION_TYPE_FOLLOW_REQUEST,
  STARLING_NOTIFICATION_TYPE_FAVOURITE,
  STARLING_NOTIFICATION_TYPE_POLL,
  STARLING_NOTIFICATION_TYPE_UPDATE,
  STARLING_NOTIFICATION_TYPE_ADMIN_SIGN_UP,
  STARLING_NOTIFICATION_TYPE_ADMIN_REPORT,
  STARLING_NOTIFICATION_TYPE_SEVERED_RELATIONSHIPS,
  STARLING_NOTIFICATION_TYPE_MODERATION_WARNING,
  STARLING_NOTIFICATION_TYPE_QUOTE,
  STARLING_NOTIFICATION_TYPE_QUOTED_UPDATE,
  STARLING_NOTIFICATION_TYPE_ADDED_TO_COLLECTION,
  STARLING_NOTIFICATION_TYPE_COLLECTION_UPDATE,
} StarlingNotificationType;

#define STARLING_TYPE_NOTIFICATION_TYPE (starling_notification_type_get_type ())

GType    starling_notification_type_get_type        (void) G_GNUC_CONST;
gboolean starling_notification_type_has_status      (StarlingNotificationType type);

#define STARLING_TYPE_NOTIFICATION (starling_notification_get_type ())

G_DECLARE_FINAL_TYPE (StarlingNotification, starling_notification, STARLING, NOTIFICATION, StarlingEntity)

/* Each getter returns the property of the same name. `report`, `event`
 * (severed relationships), `moderation-warning`, `collection` and
 * `fallback` are kept as JSON. */
const char               *starling_notification_get_id                 (StarlingNotification *self);
StarlingNotificationType  starling_notification_get_notification_type  (StarlingNotification *self);
const char               *starling_notification_get_type_name          (StarlingNotification *self);
const char               *starling_notification_get_group_key          (StarlingNotification *self);
GDateTime                *starling_notification_get_created_at         (StarlingNotification *self);
StarlingAccount          *starling_notification_get_account            (StarlingNotification *self);
StarlingStatus           *starling_notification_get_status             (StarlingNotification *self);
JsonNode                 *starling_notification_get_report             (StarlingNotification *self);
JsonNode                 *starling_notification_get_event              (StarlingNotification *self);
JsonNode                 *starling_notification_get_moderation_warning (StarlingNotification *self);
JsonNode                 *starling_notification_get_collection         (StarlingNotification *self);
JsonNode                 *starling_notification_get_fallback           (StarlingNotification *self);

G_END_DECLS
