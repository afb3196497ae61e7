/* starling-filter-status.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-entity.h"

G_BEGIN_DECLS

#define STARLING_TYPE_FILTER_STATUS (starling_filter_status_get_type ())

G_DECLARE_FINAL_TYPE (StarlingFilterStatus, starling_filter_status, STARLING, FILTER_STATUS, StarlingEntity)

/* Each getter returns the property of the same name. */
const char *starling_filter_status_get_id        (StarlingFilterStatus *self);
const char *starling_filter_status_get_status_id (StarlingFilterStatus *self);

G_END_DECLS
