/* starling-minute-clock.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STARLING_TYPE_MINUTE_CLOCK (starling_minute_clock_get_type ())

G_DECLARE_FINAL_TYPE (StarlingMinuteClock, starling_minute_clock, STARLING, MINUTE_CLOCK, GObject)

StarlingMinuteClock *starling_minute_clock_get_default (void);
GDateTime           *starling_minute_clock_dup_now     (StarlingMinuteClock *self);
void                 starling_minute_clock_set_now     (StarlingMinuteClock *self,
                                                        GDateTime           *now);
void                 starling_minute_clock_tick        (StarlingMinuteClock *self);

G_END_DECLS
