/* starling-relationship.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include "starling-relationship.h"

/**
 * StarlingRelationship:
 *
 * How the signed-in account and another one stand: following, followed,
 * blocked, muted, requested. Its `id` is the other account's id; it is one
 * object per id in the #StarlingEntityMap (the map keys by type, so it
 * does not clash with the account), so the answer to a follow updates the
 * relationship a profile shows. Sharkey has been seen to leave `id` out:
 * such a relationship decodes, outside the map.
 */
struct _StarlingRelationship
{
  StarlingEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (StarlingRelationship, starling_relationship, STARLING_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_ID,
  PROP_FOLLOWING,
  PROP_SHOWING_REBLOGS,
  PROP_NOTIFYING,
  PROP_LANGUAGES,
  PROP_FOLLOWED_BY,
  PROP_BLOCKING,
  PROP_BLOCKED_BY,
  PROP_MUTING,
  PROP_MUTING_NOTIFICATIONS,
  PROP_MUTING_EXPIRES_AT,
  PROP_REQUESTED,
  PROP_REQUESTED_BY,
  PROP_DOMAIN_BLOCKING,
  PROP_ENDORSED,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GParamSpec *
flag_pspec (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE, STARLING_PARAM_FLAGS);
}

static void
starling_relationship_class_init (StarlingRelationshipClass *klass)
{
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  entity_class->has_identity = TRUE;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_FOLLOWING] = flag_pspec ("following");
  properties[PROP_SHOWING_REBLOGS] = flag_pspec ("showing-reblogs");
  properties[PROP_NOTIFYING] = flag_pspec ("notifying");
  properties[PROP_LANGUAGES] =
    g_param_spec_boxed ("languages", NULL, NULL, G_TYPE_STRV, STARLING_PARAM_FLAGS);
  properties[PROP_FOLLOWED_BY] = flag_pspec ("followed-by");
  properties[PROP_BLOCKING] = flag_pspec ("blocking");
  properties[PROP_BLOCKED_BY] = flag_pspec ("blocked-by");
  properties[PROP_MUTING] = flag_pspec ("muting");
  properties[PROP_MUTING_NOTIFICATIONS] = flag_pspec ("muting-notifications");
  properties[PROP_MUTING_EXPIRES_AT] =
    g_param_spec_boxed ("muting-expires-at", NULL, NULL, G_TYPE_DATE_TIME, STARLING_PARAM_FLAGS);
  properties[PROP_REQUESTED] = flag_pspec ("requested");
  properties[PROP_REQUESTED_BY] = flag_pspec ("requested-by");
  properties[PROP_DOMAIN_BLOCKING] = flag_pspec ("domain-blocking");
  properties[PROP_ENDORSED] = flag_pspec ("endorsed");
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, STARLING_PARAM_FLAGS);

  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
starling_relationship_init (StarlingRelationship *self)
{
}

STARLING_DEFINE_GETTER (StarlingRelationship, starling_relationship, const char *, id, PROP_ID, string)
STARLING_DEFINE_GETTER (StarlingRelationship, starling_relationship, gboolean, following, PROP_FOLLOWING, boolean)
STARLING_DEFINE_GETTER (StarlingRelationship, starling_relationship, gboolean, showing_reblogs, PROP_SHOWING_REBLOGS, boolean)
STARLING_DEFINE_GETTER (StarlingRelationship, starling_relationship, gboolean, notifying, PROP_NOTIFYING, boolean)
STARLING_DEFINE_GETTER (StarlingRelationship, starling_relationship, const char * const *, languages, PROP_LANGUAGES, boxed)
STARLING_DEFINE_GETTER (StarlingRelationship, starling_relationship, gboolean, followed_by, PROP_FOLLOWED_BY, boolean)
STARLING_DEFINE_GETTER (StarlingRelationship, starling_relationship, gboolean, blocking, PROP_BLOCKING, boolean)
STARLING_DEFINE_GETTER (StarlingRelationship, starling_relationship, gboolean, blocked_by, PROP_BLOCKED_BY, boolean)
STARLING_DEFINE_GETTER (StarlingRelationship, starling_relationship, gboolean, muting, PROP_MUTING, boolean)
STARLING_DEFINE_GETTER (StarlingRelationship, starling_relationship, gboolean, muting_notifications, PROP_MUTING_NOTIFICATIONS, boolean)
STARLING_DEFINE_GETTER (StarlingRelationship, starling_relationship, GDateTime *, muting_expires_at, PROP_MUTING_EXPIRES_AT, boxed)
STARLING_DEFINE_GETTER (StarlingRelationship, starling_relationship, gboolean, requested, PROP_REQUESTED, boolean)
STARLING_DEFINE_GETTER (StarlingRelationship, starling_relationship, gboolean, requested_by, PROP_REQUESTED_BY, boolean)
STARLING_DEFINE_GETTER (StarlingRelationship, starling_relationship, gboolean, domain_blocking, PROP_DOMAIN_BLOCKING, boolean)
STARLING_DEFINE_GETTER (StarlingRelationship, starling_relationship, gboolean, endorsed, PROP_ENDORSED, boolean)
STARLING_DEFINE_GETTER (StarlingRelationship, starling_relationship, const char *, note, PROP_NOTE, string)
