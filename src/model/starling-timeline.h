/* starling-timeline.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "starling-entity.h"
#include "starling-timeline-gap.h"

G_BEGIN_DECLS

#define STARLING_TYPE_TIMELINE (starling_timeline_get_type ())

G_DECLARE_FINAL_TYPE (StarlingTimeline, starling_timeline, STARLING, TIMELINE, GObject)

/**
 * StarlingTimelineHideFunc:
 * @item: a #StarlingEntity about to be shown
 * @context: the timeline's filter context (`home`, `public`, `thread`,
 *   `account` or `notifications`)
 * @user_data: the data given with the function
 *
 * Returns: %TRUE when the server's filters say to hide @item here
 */
typedef gboolean (*StarlingTimelineHideFunc) (gpointer    item,
                                              const char *context,
                                              gpointer    user_data);

StarlingTimeline *starling_timeline_new              (const char              *context);
const char       *starling_timeline_get_context      (StarlingTimeline        *self);
void              starling_timeline_set_hide_func    (StarlingTimeline        *self,
                                                      StarlingTimelineHideFunc func,
                                                      gpointer                 user_data,
                                                      GDestroyNotify           destroy);
void              starling_timeline_merge_newer      (StarlingTimeline        *self,
                                                      GPtrArray               *page,
                                                      gboolean                 contiguous);
void              starling_timeline_merge_older      (StarlingTimeline        *self,
                                                      GPtrArray               *page);
void              starling_timeline_fill_gap         (StarlingTimeline        *self,
                                                      StarlingTimelineGap     *gap,
                                                      GPtrArray               *page);
StarlingTimelineGap *starling_timeline_get_top_gap (StarlingTimeline        *self);
guint             starling_timeline_trim_newer       (StarlingTimeline        *self,
                                                      guint                    n);
guint             starling_timeline_trim_older       (StarlingTimeline        *self,
                                                      guint                    n);
void              starling_timeline_fill_top_gap     (StarlingTimeline        *self,
                                                      StarlingTimelineGap     *gap,
                                                      GPtrArray               *page,
                                                      gboolean                 reached_top);
gboolean          starling_timeline_insert_live      (StarlingTimeline        *self,
                                                      StarlingEntity          *item);
guint             starling_timeline_remove           (StarlingTimeline        *self,
                                                      const char              *id);
guint             starling_timeline_refilter         (StarlingTimeline        *self);
gboolean          starling_timeline_contains         (StarlingTimeline        *self,
                                                      const char              *id);
const char       *starling_timeline_get_newest_id    (StarlingTimeline        *self);
const char       *starling_timeline_get_oldest_id    (StarlingTimeline        *self);

G_END_DECLS
