/* starling-timeline-gap.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STARLING_TYPE_TIMELINE_GAP (starling_timeline_gap_get_type ())

G_DECLARE_FINAL_TYPE (StarlingTimelineGap, starling_timeline_gap, STARLING, TIMELINE_GAP, GObject)

StarlingTimelineGap *starling_timeline_gap_new         (const char          *max_id,
                                                        const char          *min_id);
const char          *starling_timeline_gap_get_max_id  (StarlingTimelineGap *self);
const char          *starling_timeline_gap_get_min_id  (StarlingTimelineGap *self);
gboolean             starling_timeline_gap_get_loading (StarlingTimelineGap *self);
void                 starling_timeline_gap_set_loading (StarlingTimelineGap *self,
                                                        gboolean             loading);
void                 starling_timeline_gap_set_max_id  (StarlingTimelineGap *self,
                                                        const char          *max_id);
void                 starling_timeline_gap_set_min_id  (StarlingTimelineGap *self,
                                                        const char          *min_id);
gboolean             starling_timeline_gap_get_at_top  (StarlingTimelineGap *self);

G_END_DECLS
