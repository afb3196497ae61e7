/* starling-rule.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-entity.h"

G_BEGIN_DECLS

#define STARLING_TYPE_RULE (starling_rule_get_type ())

G_DECLARE_FINAL_TYPE (StarlingRule, starling_rule, STARLING, RULE, StarlingEntity)

/* Each getter returns the property of the same name. */
const char *starling_rule_get_id   (StarlingRule *self);
const char *starling_rule_get_text (StarlingRule *self);
const char *starling_rule_get_hint (StarlingRule *self);

G_END_DECLS
