/* starling-filter-keyword.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-entity.h"

G_BEGIN_DECLS

#define STARLING_TYPE_FILTER_KEYWORD (starling_filter_keyword_get_type ())

G_DECLARE_FINAL_TYPE (StarlingFilterKeyword, starling_filter_keyword, STARLING, FILTER_KEYWORD, StarlingEntity)

/* Each getter returns the property of the same name. */
const char *starling_filter_keyword_get_id         (StarlingFilterKeyword *self);
const char *starling_filter_keyword_get_keyword    (StarlingFilterKeyword *self);
gboolean    starling_filter_keyword_get_whole_word (StarlingFilterKeyword *self);

G_END_DECLS
