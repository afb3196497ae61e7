/* starling-filter.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-entity.h"

G_BEGIN_DECLS

/**
 * StarlingFilterAction:
 * @STARLING_FILTER_ACTION_UNKNOWN: an action Starling does not know; it is
 *   applied as @STARLING_FILTER_ACTION_WARN
 * @STARLING_FILTER_ACTION_WARN: collapse the status behind a warning that
 *   names the filter
 * @STARLING_FILTER_ACTION_HIDE: do not show the status at all
 * @STARLING_FILTER_ACTION_BLUR: hide only the media, behind a warning
 *   (Mastodon 4.4)
 * @STARLING_FILTER_ACTION_NONE: no filter applies; never the action of a
 *   filter, only the answer of starling_status_get_filter_action()
 *
 * What a server-side filter does to a status that matches it.
 */
typedef enum
{
  STARLING_FILTER_ACTION_UNKNOWN,
  STARLING_FILTER_ACTION_WARN,
  STARLING_FILTER_ACTION_HIDE,
  STARLING_FILTER_ACTION_BLUR,
  STARLING_FILTER_ACTION_NONE,
} StarlingFilterAction;

#define STARLING_TYPE_FILTER_ACTION (starling_filter_action_get_type ())
GType starling_filter_action_get_type (void);

#define STARLING_TYPE_FILTER (starling_filter_get_type ())

G_DECLARE_FINAL_TYPE (StarlingFilter, starling_filter, STARLING, FILTER, StarlingEntity)

/* Each getter returns the property of the same name. `context` lists where
 * the filter applies (`home`, `notifications`, `public`, `thread`,
 * `account`); `keywords` holds StarlingFilterKeyword and `statuses`
 * StarlingFilterStatus objects. */
const char           *starling_filter_get_id            (StarlingFilter *self);
const char           *starling_filter_get_title         (StarlingFilter *self);
const char * const   *starling_filter_get_context       (StarlingFilter *self);
StarlingFilterAction  starling_filter_get_filter_action (StarlingFilter *self);
GDateTime            *starling_filter_get_expires_at    (StarlingFilter *self);
GPtrArray            *starling_filter_get_keywords      (StarlingFilter *self);
GPtrArray            *starling_filter_get_statuses      (StarlingFilter *self);

gboolean              starling_filter_applies           (StarlingFilter *self,
                                                         const char     *context,
                                                         GDateTime      *now);

G_END_DECLS
