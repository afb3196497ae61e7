/* starling-scheduled-status.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include "starling-media-attachment.h"

#include "starling-scheduled-status.h"

/**
 * StarlingScheduledStatus:
 *
 * A post waiting to be published at `scheduled-at`, as `POST
 * /api/v1/statuses` with `scheduled_at` answers and `GET
 * /api/v1/scheduled_statuses` lists them. `params` holds what it will be
 * posted with, and `media-attachments` the media already uploaded for it.
 * It is one object per id in the #StarlingEntityMap, so moving it to
 * another time updates it in place.
 */
struct _StarlingScheduledStatus
{
  StarlingEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (StarlingScheduledStatus, starling_scheduled_status, STARLING_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_ID,
  PROP_SCHEDULED_AT,
  PROP_PARAMS,
  PROP_MEDIA_ATTACHMENTS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
starling_scheduled_status_class_init (StarlingScheduledStatusClass *klass)
{
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  entity_class->has_identity = TRUE;

  properties[PROP_ID] = starling_param_spec_required (
    g_param_spec_string ("id", NULL, NULL, NULL, STARLING_PARAM_FLAGS));
  properties[PROP_SCHEDULED_AT] =
    g_param_spec_boxed ("scheduled-at", NULL, NULL, G_TYPE_DATE_TIME, STARLING_PARAM_FLAGS);
  properties[PROP_PARAMS] =
    g_param_spec_object ("params", NULL, NULL, STARLING_TYPE_SCHEDULED_STATUS_PARAMS, STARLING_PARAM_FLAGS);
  properties[PROP_MEDIA_ATTACHMENTS] = starling_param_spec_set_element_type (
    g_param_spec_boxed ("media-attachments", NULL, NULL, G_TYPE_PTR_ARRAY, STARLING_PARAM_FLAGS),
    STARLING_TYPE_MEDIA_ATTACHMENT);

  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
starling_scheduled_status_init (StarlingScheduledStatus *self)
{
}

STARLING_DEFINE_GETTER (StarlingScheduledStatus, starling_scheduled_status, const char *, id, PROP_ID, string)
STARLING_DEFINE_GETTER (StarlingScheduledStatus, starling_scheduled_status, GDateTime *, scheduled_at, PROP_SCHEDULED_AT, boxed)
STARLING_DEFINE_GETTER (StarlingScheduledStatus, starling_scheduled_status, StarlingScheduledStatusParams *, params, PROP_PARAMS, object)
STARLING_DEFINE_GETTER (StarlingScheduledStatus, starling_scheduled_status, GPtrArray *, media_attachments, PROP_MEDIA_ATTACHMENTS, boxed)
