/* starling-scheduled-status-params.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include "starling-scheduled-status-params.h"

/**
 * StarlingScheduledStatusParams:
 *
 * What a scheduled post will be posted with: the parameters given to
 * `POST /api/v1/statuses`, as the server stored them. Most are null when
 * they were not given; then `visibility` is
 * %STARLING_VISIBILITY_UNKNOWN (the account's default applies) and
 * `visibility-name` is %NULL. An unknown visibility (Pleroma's `local`)
 * keeps the server's word in `visibility-name`.
 */
struct _StarlingScheduledStatusParams
{
  StarlingEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (StarlingScheduledStatusParams, starling_scheduled_status_params, STARLING_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_SPOILER_TEXT,
  PROP_SENSITIVE,
  PROP_VISIBILITY,
  PROP_VISIBILITY_NAME,
  PROP_IN_REPLY_TO_ID,
  PROP_MEDIA_IDS,
  PROP_LANGUAGE,
  PROP_POLL,
  PROP_IDEMPOTENCY,
  PROP_APPLICATION_ID,
  PROP_WITH_RATE_LIMIT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GParamSpec *
string_pspec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, STARLING_PARAM_FLAGS);
}

static void
starling_scheduled_status_params_class_init (StarlingScheduledStatusParamsClass *klass)
{
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  properties[PROP_TEXT] = string_pspec ("text");
  properties[PROP_SPOILER_TEXT] = string_pspec ("spoiler-text");
  properties[PROP_SENSITIVE] =
    g_param_spec_boolean ("sensitive", NULL, NULL, FALSE, STARLING_PARAM_FLAGS);
  properties[PROP_VISIBILITY] =
    g_param_spec_enum ("visibility", NULL, NULL, STARLING_TYPE_VISIBILITY,
                       STARLING_VISIBILITY_UNKNOWN, STARLING_PARAM_FLAGS);
  properties[PROP_VISIBILITY_NAME] =
    starling_param_spec_set_member (string_pspec ("visibility-name"), "visibility");
  properties[PROP_IN_REPLY_TO_ID] = string_pspec ("in-reply-to-id");
  properties[PROP_MEDIA_IDS] =
    g_param_spec_boxed ("media-ids", NULL, NULL, G_TYPE_STRV, STARLING_PARAM_FLAGS);
  properties[PROP_LANGUAGE] = string_pspec ("language");
  properties[PROP_POLL] =
    g_param_spec_boxed ("poll", NULL, NULL, JSON_TYPE_NODE, STARLING_PARAM_FLAGS);
  properties[PROP_IDEMPOTENCY] = string_pspec ("idempotency");
  properties[PROP_APPLICATION_ID] = string_pspec ("application-id");
  properties[PROP_WITH_RATE_LIMIT] =
    g_param_spec_boolean ("with-rate-limit", NULL, NULL, FALSE, STARLING_PARAM_FLAGS);

  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
starling_scheduled_status_params_init (StarlingScheduledStatusParams *self)
{
}

STARLING_DEFINE_GETTER (StarlingScheduledStatusParams, starling_scheduled_status_params, const char *, text, PROP_TEXT, string)
STARLING_DEFINE_GETTER (StarlingScheduledStatusParams, starling_scheduled_status_params, const char *, spoiler_text, PROP_SPOILER_TEXT, string)
STARLING_DEFINE_GETTER (StarlingScheduledStatusParams, starling_scheduled_status_params, gboolean, sensitive, PROP_SENSITIVE, boolean)
STARLING_DEFINE_GETTER (StarlingScheduledStatusParams, starling_scheduled_status_params, StarlingVisibility, visibility, PROP_VISIBILITY, enum)
STARLING_DEFINE_GETTER (StarlingScheduledStatusParams, starling_scheduled_status_params, const char *, visibility_name, PROP_VISIBILITY_NAME, string)
STARLING_DEFINE_GETTER (StarlingScheduledStatusParams, starling_scheduled_status_params, const char *, in_reply_to_id, PROP_IN_REPLY_TO_ID, string)
STARLING_DEFINE_GETTER (StarlingScheduledStatusParams, starling_scheduled_status_params, const char * const *, media_ids, PROP_MEDIA_IDS, boxed)
STARLING_DEFINE_GETTER (StarlingScheduledStatusParams, starling_scheduled_status_params, const char *, language, PROP_LANGUAGE, string)
STARLING_DEFINE_GETTER (StarlingScheduledStatusParams, starling_scheduled_status_params, JsonNode *, poll, PROP_POLL, boxed)
STARLING_DEFINE_GETTER (StarlingScheduledStatusParams, starling_scheduled_status_params, const char *, idempotency, PROP_IDEMPOTENCY, string)
STARLING_DEFINE_GETTER (StarlingScheduledStatusParams, starling_scheduled_status_params, const char *, application_id, PROP_APPLICATION_ID, string)
STARLING_DEFINE_GETTER (StarlingScheduledStatusParams, starling_scheduled_status_params, gboolean, with_rate_limit, PROP_WITH_RATE_LIMIT, boolean)
