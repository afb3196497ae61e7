/* starling-account-field.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include "starling-account-field.h"

/**
 * StarlingAccountField:
 *
 * One name/value line of a profile. `value` is HTML; `verified-at` is set
 * when the server checked that the linked page links back (rel="me").
 */
struct _StarlingAccountField
{
  StarlingEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (StarlingAccountField, starling_account_field, STARLING_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_NAME,
  PROP_VALUE,
  PROP_VERIFIED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
starling_account_field_class_init (StarlingAccountFieldClass *klass)
{
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  properties[PROP_NAME] = starling_param_spec_required (
    g_param_spec_string ("name", NULL, NULL, NULL, STARLING_PARAM_FLAGS));
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_VERIFIED_AT] =
    g_param_spec_boxed ("verified-at", NULL, NULL, G_TYPE_DATE_TIME, STARLING_PARAM_FLAGS);

  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
starling_account_field_init (StarlingAccountField *self)
{
}

STARLING_DEFINE_GETTER (StarlingAccountField, starling_account_field, const char *, name, PROP_NAME, string)
STARLING_DEFINE_GETTER (StarlingAccountField, starling_account_field, const char *, value, PROP_VALUE, string)
STARLING_DEFINE_GETTER (StarlingAccountField, starling_account_field, GDateTime *, verified_at, PROP_VERIFIED_AT, boxed)
