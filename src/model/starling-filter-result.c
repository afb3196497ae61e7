/* starling-filter-result.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include "starling-filter-result.h"

/**
 * StarlingFilterResult:
 *
 * One filter that matched a status, in the status's `filtered` (Mastodon
 * 4.0): the `filter`, and which of its keywords (`keyword-matches`) or
 * statuses (`status-matches`, ids) matched. Either list may be missing.
 */
struct _StarlingFilterResult
{
  StarlingEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (StarlingFilterResult, starling_filter_result, STARLING_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_FILTER,
  PROP_KEYWORD_MATCHES,
  PROP_STATUS_MATCHES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
starling_filter_result_class_init (StarlingFilterResultClass *klass)
{
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  properties[PROP_FILTER] = starling_param_spec_required (
    g_param_spec_object ("filter", NULL, NULL, STARLING_TYPE_FILTER, STARLING_PARAM_FLAGS));
  properties[PROP_KEYWORD_MATCHES] =
    g_param_spec_boxed ("keyword-matches", NULL, NULL, G_TYPE_STRV, STARLING_PARAM_FLAGS);
  properties[PROP_STATUS_MATCHES] =
    g_param_spec_boxed ("status-matches", NULL, NULL, G_TYPE_STRV, STARLING_PARAM_FLAGS);

  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
starling_filter_result_init (StarlingFilterResult *self)
{
}

STARLING_DEFINE_GETTER (StarlingFilterResult, starling_filter_result, StarlingFilter *, filter, PROP_FILTER, object)
STARLING_DEFINE_GETTER (StarlingFilterResult, starling_filter_result, const char * const *, keyword_matches, PROP_KEYWORD_MATCHES, boxed)
STARLING_DEFINE_GETTER (StarlingFilterResult, starling_filter_result, const char * const *, status_matches, PROP_STATUS_MATCHES, boxed)
