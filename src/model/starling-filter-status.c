/* starling-filter-status.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include "starling-filter-status.h"

/**
 * StarlingFilterStatus:
 *
 * One status a #StarlingFilter matches by id, whatever its text.
 */
struct _StarlingFilterStatus
{
  StarlingEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (StarlingFilterStatus, starling_filter_status, STARLING_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_ID,
  PROP_STATUS_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
starling_filter_status_class_init (StarlingFilterStatusClass *klass)
{
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_STATUS_ID] = starling_param_spec_required (
    g_param_spec_string ("status-id", NULL, NULL, NULL, STARLING_PARAM_FLAGS));

  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
starling_filter_status_init (StarlingFilterStatus *self)
{
}

STARLING_DEFINE_GETTER (StarlingFilterStatus, starling_filter_status, const char *, id, PROP_ID, string)
STARLING_DEFINE_GETTER (StarlingFilterStatus, starling_filter_status, const char *, status_id, PROP_STATUS_ID, string)
