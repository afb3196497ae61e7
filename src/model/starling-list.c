/* starling-list.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include "starling-list.h"

/**
 * StarlingList:
 *
 * A list of accounts the user made, with its own timeline. An `exclusive`
 * list (4.2) takes its members' posts out of the home timeline. A list is
 * one object per id in the #StarlingEntityMap, so renaming it shows
 * everywhere.
 */
struct _StarlingList
{
  StarlingEntity parent_instance;
};

G_DEFINE_ENUM_TYPE (StarlingListRepliesPolicy, starling_list_replies_policy,
  G_DEFINE_ENUM_VALUE (STARLING_LIST_REPLIES_POLICY_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (STARLING_LIST_REPLIES_POLICY_FOLLOWED, "followed"),
  G_DEFINE_ENUM_VALUE (STARLING_LIST_REPLIES_POLICY_LIST, "list"),
  G_DEFINE_ENUM_VALUE (STARLING_LIST_REPLIES_POLICY_NONE, "none"))

G_DEFINE_FINAL_TYPE (StarlingList, starling_list, STARLING_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_REPLIES_POLICY,
  PROP_EXCLUSIVE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
starling_list_class_init (StarlingListClass *klass)
{
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  entity_class->has_identity = TRUE;

  properties[PROP_ID] = starling_param_spec_required (
    g_param_spec_string ("id", NULL, NULL, NULL, STARLING_PARAM_FLAGS));
  properties[PROP_TITLE] = starling_param_spec_required (
    g_param_spec_string ("title", NULL, NULL, NULL, STARLING_PARAM_FLAGS));
  properties[PROP_REPLIES_POLICY] =
    g_param_spec_enum ("replies-policy", NULL, NULL, STARLING_TYPE_LIST_REPLIES_POLICY,
                       STARLING_LIST_REPLIES_POLICY_UNKNOWN, STARLING_PARAM_FLAGS);
  properties[PROP_EXCLUSIVE] =
    g_param_spec_boolean ("exclusive", NULL, NULL, FALSE, STARLING_PARAM_FLAGS);

  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
starling_list_init (StarlingList *self)
{
}

STARLING_DEFINE_GETTER (StarlingList, starling_list, const char *, id, PROP_ID, string)
STARLING_DEFINE_GETTER (StarlingList, starling_list, const char *, title, PROP_TITLE, string)
STARLING_DEFINE_GETTER (StarlingList, starling_list, StarlingListRepliesPolicy, replies_policy, PROP_REPLIES_POLICY, enum)
STARLING_DEFINE_GETTER (StarlingList, starling_list, gboolean, exclusive, PROP_EXCLUSIVE, boolean)
