/* starling-conversation.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include "starling-conversation.h"

/**
 * StarlingConversation:
 *
 * A thread of direct messages, as `GET /api/v1/conversations` and the
 * `direct` stream give it: the other participants (`accounts`), the latest
 * post, and whether it is unread. It is one object per id in the
 * #StarlingEntityMap, so a new message updates the row in place.
 * `last-status` may be missing (the post was deleted).
 */
struct _StarlingConversation
{
  StarlingEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (StarlingConversation, starling_conversation, STARLING_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_ID,
  PROP_UNREAD,
  PROP_ACCOUNTS,
  PROP_LAST_STATUS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
starling_conversation_class_init (StarlingConversationClass *klass)
{
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  entity_class->has_identity = TRUE;

  properties[PROP_ID] = starling_param_spec_required (
    g_param_spec_string ("id", NULL, NULL, NULL, STARLING_PARAM_FLAGS));
  properties[PROP_UNREAD] =
    g_param_spec_boolean ("unread", NULL, NULL, FALSE, STARLING_PARAM_FLAGS);
  properties[PROP_ACCOUNTS] = starling_param_spec_set_element_type (
    g_param_spec_boxed ("accounts", NULL, NULL, G_TYPE_PTR_ARRAY, STARLING_PARAM_FLAGS),
    STARLING_TYPE_ACCOUNT);
  properties[PROP_LAST_STATUS] =
    g_param_spec_object ("last-status", NULL, NULL, STARLING_TYPE_STATUS, STARLING_PARAM_FLAGS);

  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
starling_conversation_init (StarlingConversation *self)
{
}

STARLING_DEFINE_GETTER (StarlingConversation, starling_conversation, const char *, id, PROP_ID, string)
STARLING_DEFINE_GETTER (StarlingConversation, starling_conversation, gboolean, unread, PROP_UNREAD, boolean)
STARLING_DEFINE_GETTER (StarlingConversation, starling_conversation, GPtrArray *, accounts, PROP_ACCOUNTS, boxed)
STARLING_DEFINE_GETTER (StarlingConversation, starling_conversation, StarlingStatus *, last_status, PROP_LAST_STATUS, object)
