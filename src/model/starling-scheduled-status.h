/* starling-scheduled-status.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-entity.h"
#include "starling-scheduled-status-params.h"

G_BEGIN_DECLS

#define STARLING_TYPE_SCHEDULED_STATUS (starling_scheduled_status_get_type ())

G_DECLARE_FINAL_TYPE (StarlingScheduledStatus, starling_scheduled_status, STARLING, SCHEDULED_STATUS, StarlingEntity)

/* Each getter returns the property of the same name. `media-attachments`
 * holds StarlingMediaAttachment objects. */
const char                    *starling_scheduled_status_get_id                (StarlingScheduledStatus *self);
GDateTime                     *starling_scheduled_status_get_scheduled_at      (StarlingScheduledStatus *self);
StarlingScheduledStatusParams *starling_scheduled_status_get_params            (StarlingScheduledStatus *self);
GPtrArray                     *starling_scheduled_status_get_media_attachments (StarlingScheduledStatus *self);

G_END_DECLS
