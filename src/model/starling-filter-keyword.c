/* starling-filter-keyword.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include "starling-filter-keyword.h"

/**
 * StarlingFilterKeyword:
 *
 * A word or phrase a #StarlingFilter matches; with `whole-word` it matches
 * only at word boundaries.
 */
struct _StarlingFilterKeyword
{
  StarlingEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (StarlingFilterKeyword, starling_filter_keyword, STARLING_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_ID,
  PROP_KEYWORD,
  PROP_WHOLE_WORD,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
starling_filter_keyword_class_init (StarlingFilterKeywordClass *klass)
{
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_KEYWORD] = starling_param_spec_required (
    g_param_spec_string ("keyword", NULL, NULL, NULL, STARLING_PARAM_FLAGS));
  properties[PROP_WHOLE_WORD] =
    g_param_spec_boolean ("whole-word", NULL, NULL, FALSE, STARLING_PARAM_FLAGS);

  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
starling_filter_keyword_init (StarlingFilterKeyword *self)
{
}

STARLING_DEFINE_GETTER (StarlingFilterKeyword, starling_filter_keyword, const char *, id, PROP_ID, string)
STARLING_DEFINE_GETTER (StarlingFilterKeyword, starling_filter_keyword, const char *, keyword, PROP_KEYWORD, string)
STARLING_DEFINE_GETTER (StarlingFilterKeyword, starling_filter_keyword, gboolean, whole_word, PROP_WHOLE_WORD, boolean)
