/* starling-filter-result.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-entity.h"
#include "starling-filter.h"

G_BEGIN_DECLS

#define STARLING_TYPE_FILTER_RESULT (starling_filter_result_get_type ())

G_DECLARE_FINAL_TYPE (StarlingFilterResult, starling_filter_result, STARLING, FILTER_RESULT, StarlingEntity)

/* Each getter returns the property of the same name. */
StarlingFilter     *starling_filter_result_get_filter          (StarlingFilterResult *self);
const char * const *starling_filter_result_get_keyword_matches (StarlingFilterResult *self);
const char * const *starling_filter_result_get_status_matches  (StarlingFilterResult *self);

G_END_DECLS
