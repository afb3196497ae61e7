/* starling-tag-history.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-entity.h"

G_BEGIN_DECLS

#define STARLING_TYPE_TAG_HISTORY (starling_tag_history_get_type ())

G_DECLARE_FINAL_TYPE (StarlingTagHistory, starling_tag_history, STARLING, TAG_HISTORY, StarlingEntity)

/* Each getter returns the property of the same name. */
gint64 starling_tag_history_get_day      (StarlingTagHistory *self);
gint64 starling_tag_history_get_uses     (StarlingTagHistory *self);
gint64 starling_tag_history_get_accounts (StarlingTagHistory *self);

G_END_DECLS
