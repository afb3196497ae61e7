/* starling-mention.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-entity.h"

G_BEGIN_DECLS

#define STARLING_TYPE_MENTION (starling_mention_get_type ())

G_DECLARE_FINAL_TYPE (StarlingMention, starling_mention, STARLING, MENTION, StarlingEntity)

/* Each getter returns the property of the same name. */
const char *starling_mention_get_id       (StarlingMention *self);
const char *starling_mention_get_username (StarlingMention *self);
const char *starling_mention_get_url      (StarlingMention *self);
const char *starling_mention_get_acct     (StarlingMention *self);

G_END_DECLS
