/* starling-search-results.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-entity.h"

G_BEGIN_DECLS

#define STARLING_TYPE_SEARCH_RESULTS (starling_search_results_get_type ())

G_DECLARE_FINAL_TYPE (StarlingSearchResults, starling_search_results, STARLING, SEARCH_RESULTS, StarlingEntity)

/* Each getter returns the property of the same name, a list of
 * StarlingAccount, StarlingStatus or StarlingTag objects, empty rather
 * than %NULL once decoded. */
GPtrArray *starling_search_results_get_accounts (StarlingSearchResults *self);
GPtrArray *starling_search_results_get_statuses (StarlingSearchResults *self);
GPtrArray *starling_search_results_get_hashtags (StarlingSearchResults *self);

G_END_DECLS
