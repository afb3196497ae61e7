/* starling-poll.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-entity.h"

G_BEGIN_DECLS

#define STARLING_TYPE_POLL (starling_poll_get_type ())

G_DECLARE_FINAL_TYPE (StarlingPoll, starling_poll, STARLING, POLL, StarlingEntity)

/* Each getter returns the property of the same name. `options` holds
 * StarlingPollOption and `emojis` StarlingCustomEmoji objects; `own-votes`
 * is kept as JSON, read it with starling_poll_dup_own_votes(). */
const char *starling_poll_get_id           (StarlingPoll *self);
GDateTime  *starling_poll_get_expires_at   (StarlingPoll *self);
gboolean    starling_poll_get_expired      (StarlingPoll *self);
gboolean    starling_poll_get_multiple     (StarlingPoll *self);
gint64      starling_poll_get_votes_count  (StarlingPoll *self);
gint64      starling_poll_get_voters_count (StarlingPoll *self);
GPtrArray  *starling_poll_get_options      (StarlingPoll *self);
GPtrArray  *starling_poll_get_emojis       (StarlingPoll *self);
gboolean    starling_poll_get_voted        (StarlingPoll *self);

GArray     *starling_poll_dup_own_votes    (StarlingPoll *self);
gboolean    starling_poll_has_own_vote     (StarlingPoll *self,
                                            guint         option);
gboolean    starling_poll_is_open          (StarlingPoll *self,
                                            GDateTime    *now);

G_END_DECLS
