/* starling-scheduled-status-params.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-entity.h"
#include "starling-status.h"

G_BEGIN_DECLS

#define STARLING_TYPE_SCHEDULED_STATUS_PARAMS (starling_scheduled_status_params_get_type ())

G_DECLARE_FINAL_TYPE (StarlingScheduledStatusParams, starling_scheduled_status_params, STARLING, SCHEDULED_STATUS_PARAMS, StarlingEntity)

/* Each getter returns the property of the same name. `poll` (options,
 * expires_in, multiple, hide_totals) is kept as JSON. */
const char         *starling_scheduled_status_params_get_text            (StarlingScheduledStatusParams *self);
const char         *starling_scheduled_status_params_get_spoiler_text    (StarlingScheduledStatusParams *self);
gboolean            starling_scheduled_status_params_get_sensitive       (StarlingScheduledStatusParams *self);
StarlingVisibility  starling_scheduled_status_params_get_visibility      (StarlingScheduledStatusParams *self);
const char         *starling_scheduled_status_params_get_visibility_name (StarlingScheduledStatusParams *self);
const char         *starling_scheduled_status_params_get_in_reply_to_id  (StarlingScheduledStatusParams *self);
const char * const *starling_scheduled_status_params_get_media_ids       (StarlingScheduledStatusParams *self);
const char         *starling_scheduled_status_params_get_language        (StarlingScheduledStatusParams *self);
JsonNode           *starling_scheduled_status_params_get_poll            (StarlingScheduledStatusParams *self);
const char         *starling_scheduled_status_params_get_idempotency     (StarlingScheduledStatusParams *self);
const char         *starling_scheduled_status_params_get_application_id  (StarlingScheduledStatusParams *self);
gboolean            starling_scheduled_status_params_get_with_rate_limit (StarlingScheduledStatusParams *self);

G_END_DECLS
