/* starling-conversation.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-entity.h"
#include "starling-status.h"

G_BEGIN_DECLS

#define STARLING_TYPE_CONVERSATION (starling_conversation_get_type ())

G_DECLARE_FINAL_TYPE (StarlingConversation, starling_conversation, STARLING, CONVERSATION, StarlingEntity)

/* Each getter returns the property of the same name. `accounts` holds
 * StarlingAccount objects. */
const char     *starling_conversation_get_id          (StarlingConversation *self);
gboolean        starling_conversation_get_unread      (StarlingConversation *self);
GPtrArray      *starling_conversation_get_accounts    (StarlingConversation *self);
StarlingStatus *starling_conversation_get_last_status (StarlingConversation *self);

G_END_DECLS
