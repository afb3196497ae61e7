/* starling-account-field.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-entity.h"

G_BEGIN_DECLS

#define STARLING_TYPE_ACCOUNT_FIELD (starling_account_field_get_type ())

G_DECLARE_FINAL_TYPE (StarlingAccountField, starling_account_field, STARLING, ACCOUNT_FIELD, StarlingEntity)

/* Each getter returns the property of the same name. */
const char *starling_account_field_get_name        (StarlingAccountField *self);
const char *starling_account_field_get_value       (StarlingAccountField *self);
GDateTime  *starling_account_field_get_verified_at (StarlingAccountField *self);

G_END_DECLS
