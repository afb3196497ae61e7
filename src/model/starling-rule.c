/* starling-rule.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include "starling-rule.h"

/**
 * StarlingRule:
 *
 * One of a server's rules, as its instance document lists them. `text`
 * and `hint` (4.3) are plain text; translations are not kept.
 */
struct _StarlingRule
{
  StarlingEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (StarlingRule, starling_rule, STARLING_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT,
  PROP_HINT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
starling_rule_class_init (StarlingRuleClass *klass)
{
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_TEXT] = starling_param_spec_required (
    g_param_spec_string ("text", NULL, NULL, NULL, STARLING_PARAM_FLAGS));
  properties[PROP_HINT] =
    g_param_spec_string ("hint", NULL, NULL, NULL, STARLING_PARAM_FLAGS);

  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
starling_rule_init (StarlingRule *self)
{
}

STARLING_DEFINE_GETTER (StarlingRule, starling_rule, const char *, id, PROP_ID, string)
STARLING_DEFINE_GETTER (StarlingRule, starling_rule, const char *, text, PROP_TEXT, string)
STARLING_DEFINE_GETTER (StarlingRule, starling_rule, const char *, hint, PROP_HINT, string)
