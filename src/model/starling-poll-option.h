/* starling-poll-option.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-entity.h"

G_BEGIN_DECLS

#define STARLING_TYPE_POLL_OPTION (starling_poll_option_get_type ())

G_DECLARE_FINAL_TYPE (StarlingPollOption, starling_poll_option, STARLING, POLL_OPTION, StarlingEntity)

/* Each getter returns the property of the same name. */
const char *starling_poll_option_get_title       (StarlingPollOption *self);
gint64      starling_poll_option_get_votes_count (StarlingPollOption *self);

G_END_DECLS
