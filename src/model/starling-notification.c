/* starling-notification.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include "starling-notification.h"

/**
 * StarlingNotification:
 *
 * Something that happened to the user: a mention, a boost, a follow… as
 * `GET /api/v1/notifications` and the streaming API's `notification` event
 * deliver it. A notification is one object per id in the account's
 * #StarlingEntityMap.
 *
 * Its type is `notification-type` (read from the `type` member, as
 * `get_type` names the class's #GType); a type Starling does not know is
 * kept, as %STARLING_NOTIFICATION_TYPE_UNKNOWN with the server's word in
 * `type-name`, for the caller to show through `fallback` or to skip.
 * A notification that is about a post (a mention, a favourite, a boost…,
 * see starling_notification_type_has_status()) fails to decode without a
 * usable `status`, with an error naming what was missing: there is nothing
 * to show for it.
 */
struct _StarlingNotification
{
  StarlingEntity parent_instance;
};

G_DEFINE_ENUM_TYPE (StarlingNotificationType, starling_notification_type,
  G_DEFINE_ENUM_VALUE (STARLING_NOTIFICATION_TYPE_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (STARLING_NOTIFICATION_TYPE_MENTION, "mention"),
  G_DEFINE_ENUM_VALUE (STARLING_NOTIFICATION_TYPE_STATUS, "status"),
  G_DEFINE_ENUM_VALUE (STARLING_NOTIFICATION_TYPE_REBLOG, "reblog"),
  G_DEFINE_ENUM_VALUE (STARLING_NOTIFICATION_TYPE_FOLLOW, "follow"),
  G_DEFINE_ENUM_VALUE (STARLING_NOTIFICATION_TYPE_FOLLOW_REQUEST, "follow_request"),
  G_DEFINE_ENUM_VALUE (STARLING_NOTIFICATION_TYPE_FAVOURITE, "favourite"),
  G_DEFINE_ENUM_VALUE (STARLING_NOTIFICATION_TYPE_POLL, "poll"),
  G_DEFINE_ENUM_VALUE (STARLING_NOTIFICATION_TYPE_UPDATE, "update"),
  G_DEFINE_ENUM_VALUE (STARLING_NOTIFICATION_TYPE_ADMIN_SIGN_UP, "admin.sign_up"),
  G_DEFINE_ENUM_VALUE (STARLING_NOTIFICATION_TYPE_ADMIN_REPORT, "admin.report"),
  G_DEFINE_ENUM_VALUE (STARLING_NOTIFICATION_TYPE_SEVERED_RELATIONSHIPS, "severed_relationships"),
  G_DEFINE_ENUM_VALUE (STARLING_NOTIFICATION_TYPE_MODERATION_WARNING, "moderation_warning"),
  G_DEFINE_ENUM_VALUE (STARLING_NOTIFICATION_TYPE_QUOTE, "quote"),
  G_DEFINE_ENUM_VALUE (STARLING_NOTIFICATION_TYPE_QUOTED_UPDATE, "quoted_update"),
  G_DEFINE_ENUM_VALUE (STARLING_NOTIFICATION_TYPE_ADDED_TO_COLLECTION, "added_to_collection"),
  G_DEFINE_ENUM_VALUE (STARLING_NOTIFICATION_TYPE_COLLECTION_UPDATE, "collection_update"))

G_DEFINE_FINAL_TYPE (StarlingNotification, starling_notification, STARLING_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_ID,
  PROP_NOTIFICATION_TYPE,
  PROP_TYPE_NAME,
  PROP_GROUP_KEY,
  PROP_CREATED_AT,
  PROP_ACCOUNT,
  PROP_STATUS,
  PROP_REPORT,
  PROP_EVENT,
  PROP_MODERATION_WARNING,
  PROP_COLLECTION,
  PROP_FALLBACK,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GParamSpec *
json_pspec (const char *name)
{
  return g_param_spec_boxed (name, NULL, NULL, JSON_TYPE_NODE, STARLING_PARAM_FLAGS);
}

static gboolean
starling_notification_decode_extra (StarlingEntity  *self,
                                    JsonObject      *object,
                                    StarlingDecoder *decoder,
                                    GError         **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (StarlingStatus) status = NULL;
  StarlingNotificationType type;
  JsonNode *node;

  type = starling_entity_get_enum (self, properties[PROP_NOTIFICATION_TYPE]);
  if (!starling_notification_type_has_status (type) ||
      starling_entity_get_object (self, properties[PROP_STATUS]) != NULL)
    return TRUE;

  node = json_object_get_member (object, "status");
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      g_set_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_MISSING_FIELD,
                   "%s: missing field “status” (a %s notification is about a post)",
                   G_OBJECT_TYPE_NAME (self),
                   starling_entity_get_string (self, properties[PROP_TYPE_NAME]));
      return FALSE;
    }

  /* The decoder only noted why the status was unusable; decoding it again
   * gives the reason, to name in the error. */
  status = starling_decoder_decode (decoder, STARLING_TYPE_STATUS, node, &local_error);
  if (status != NULL)
    {
      /* Cannot happen, as the same node failed a moment ago; keep it
       * rather than lose it. */
      starling_entity_set_object (self, properties[PROP_STATUS], status);
      return TRUE;
    }

  g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                              "%s: status: ", G_OBJECT_TYPE_NAME (self));
  return FALSE;
}

static void
starling_notification_class_init (StarlingNotificationClass *klass)
{
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  entity_class->has_identity = TRUE;
  entity_class->decode_extra = starling_notification_decode_extra;

  properties[PROP_ID] = starling_param_spec_required (
    g_param_spec_string ("id", NULL, NULL, NULL, STARLING_PARAM_FLAGS));
  properties[PROP_NOTIFICATION_TYPE] = starling_param_spec_set_member (
    g_param_spec_enum ("notification-type", NULL, NULL, STARLING_TYPE_NOTIFICATION_TYPE,
                       STARLING_NOTIFICATION_TYPE_UNKNOWN, STARLING_PARAM_FLAGS),
    "type");
  properties[PROP_TYPE_NAME] = starling_param_spec_required (starling_param_spec_set_member (
    g_param_spec_string ("type-name", NULL, NULL, NULL, STARLING_PARAM_FLAGS),
    "type"));
  properties[PROP_GROUP_KEY] =
    g_param_spec_string ("group-key", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, STARLING_PARAM_FLAGS);
  properties[PROP_ACCOUNT] = starling_param_spec_required (
    g_param_spec_object ("account", NULL, NULL, STARLING_TYPE_ACCOUNT, STARLING_PARAM_FLAGS));
  properties[PROP_STATUS] =
    g_param_spec_object ("status", NULL, NULL, STARLING_TYPE_STATUS, STARLING_PARAM_FLAGS);
  properties[PROP_REPORT] = json_pspec ("report");
  properties[PROP_EVENT] = json_pspec ("event");
  properties[PROP_MODERATION_WARNING] = json_pspec ("moderation-warning");
  properties[PROP_COLLECTION] = json_pspec ("collection");
  properties[PROP_FALLBACK] = json_pspec ("fallback");

  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
starling_notification_init (StarlingNotification *self)
{
}

STARLING_DEFINE_GETTER (StarlingNotification, starling_notification, const char *, id, PROP_ID, string)
STARLING_DEFINE_GETTER (StarlingNotification, starling_notification, StarlingNotificationType, notification_type, PROP_NOTIFICATION_TYPE, enum)
STARLING_DEFINE_GETTER (StarlingNotification, starling_notification, const char *, type_name, PROP_TYPE_NAME, string)
STARLING_DEFINE_GETTER (StarlingNotification, starling_notification, const char *, group_key, PROP_GROUP_KEY, string)
STARLING_DEFINE_GETTER (StarlingNotification, starling_notification, GDateTime *, created_at, PROP_CREATED_AT, boxed)
STARLING_DEFINE_GETTER (StarlingNotification, starling_notification, StarlingAccount *, account, PROP_ACCOUNT, object)
STARLING_DEFINE_GETTER (StarlingNotification, starling_notification, StarlingStatus *, status, PROP_STATUS, object)
STARLING_DEFINE_GETTER (StarlingNotification, starling_notification, JsonNode *, report, PROP_REPORT, boxed)
STARLING_DEFINE_GETTER (StarlingNotification, starling_notification, JsonNode *, event, PROP_EVENT, boxed)
STARLING_DEFINE_GETTER (StarlingNotification, starling_notification, JsonNode *, moderation_warning, PROP_MODERATION_WARNING, boxed)
STARLING_DEFINE_GETTER (StarlingNotification, starling_notification, JsonNode *, collection, PROP_COLLECTION, boxed)
STARLING_DEFINE_GETTER (StarlingNotification, starling_notification, JsonNode *, fallback, PROP_FALLBACK, boxed)

/**
 * starling_notification_type_has_status:
 * @type: a notification type
 *
 * Returns: whether notifications of @type are about a post, and come with
 *   it: mentions, posts of subscribed accounts, boosts, favourites, polls,
 *   edits and quotes
 */
gboolean
starling_notification_type_has_status (StarlingNotificationType type)
{
  switch (type)
    {
    case STARLING_NOTIFICATION_TYPE_MENTION:
    case STARLING_NOTIFICATION_TYPE_STATUS:
    case STARLING_NOTIFICATION_TYPE_REBLOG:
    case STARLING_NOTIFICATION_TYPE_FAVOURITE:
    case STARLING_NOTIFICATION_TYPE_POLL:
    case STARLING_NOTIFICATION_TYPE_UPDATE:
    case STARLING_NOTIFICATION_TYPE_QUOTE:
    case STARLING_NOTIFICATION_TYPE_QUOTED_UPDATE:
      return TRUE;

    case STARLING_NOTIFICATION_TYPE_UNKNOWN:
    case STARLING_NOTIFICATION_TYPE_FOLLOW:
    case STARLING_NOTIFICATION_TYPE_FOLLOW_REQUEST:
    case STARLING_NOTIFICATION_TYPE_ADMIN_SIGN_UP:
    case STARLING_NOTIFICATION_TYPE_ADMIN_REPORT:
    case STARLING_NOTIFICATION_TYPE_SEVERED_RELATIONSHIPS:
    case STARLING_NOTIFICATION_TYPE_MODERATION_WARNING:
    case STARLING_NOTIFICATION_TYPE_ADDED_TO_COLLECTION:
    case STARLING_NOTIFICATION_TYPE_COLLECTION_UPDATE:
      return FALSE;

    default:
      return FALSE;
    }
}
