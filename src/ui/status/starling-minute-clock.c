/* starling-minute-clock.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-status"

#include "config.h"

#include "starling-minute-clock.h"

/* One clock for every relative time on screen: a timeline of a hundred
 * rows has one timer, not a hundred. It ticks at the start of each wall
 * clock minute, and only while someone listens to "tick" (rows connect
 * when they are mapped and disconnect when they are unmapped, so recycled
 * rows kept off screen cost nothing). */
struct _StarlingMinuteClock
{
  GObject    parent_instance;

  guint      timeout_id;
  /* A fixed "now" for tests and screenshots; NULL for the real time. */
  GDateTime *fixed_now;
};

G_DEFINE_FINAL_TYPE (StarlingMinuteClock, starling_minute_clock, G_TYPE_OBJECT)

enum {
  TICK,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void schedule (StarlingMinuteClock *self);

static gboolean
has_listeners (StarlingMinuteClock *self)
{
  return g_signal_has_handler_pending (self, signals[TICK], 0, TRUE);
}

static gboolean
timeout_cb (gpointer user_data)
{
  StarlingMinuteClock *self = user_data;

  self->timeout_id = 0;
  if (!has_listeners (self))
    return G_SOURCE_REMOVE;

  g_signal_emit (self, signals[TICK], 0);
  schedule (self);

  return G_SOURCE_REMOVE;
}

/* Wakes up just after the next minute starts, so "1m" turns into "2m"
 * when a clock on the wall would say so. */
static void
schedule (StarlingMinuteClock *self)
{
  gint64 now_us = g_get_real_time ();
  gint64 into_minute = now_us % (60 * G_USEC_PER_SEC);
  guint delay_ms = (guint) ((60 * G_USEC_PER_SEC - into_minute) / 1000) + 50;

  if (self->timeout_id != 0)
    return;

  self->timeout_id = g_timeout_add (delay_ms, timeout_cb, self);
  g_source_set_name_by_id (self->timeout_id, "[starling] minute clock");
}

static void
starling_minute_clock_finalize (GObject *object)
{
  StarlingMinuteClock *self = STARLING_MINUTE_CLOCK (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_pointer (&self->fixed_now, g_date_time_unref);

  G_OBJECT_CLASS (starling_minute_clock_parent_class)->finalize (object);
}

static void
starling_minute_clock_class_init (StarlingMinuteClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = starling_minute_clock_finalize;

  /**
   * StarlingMinuteClock::tick:
   *
   * Emitted at the start of each minute while anything is connected, and
   * by starling_minute_clock_tick().
   */
  signals[TICK] =
    g_signal_new ("tick",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
starling_minute_clock_init (StarlingMinuteClock *self)
{
}

/**
 * starling_minute_clock_get_default:
 *
 * Returns: (transfer none): the clock of the process
 */
StarlingMinuteClock *
starling_minute_clock_get_default (void)
{
  static StarlingMinuteClock *clock;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      clock = g_object_new (STARLING_TYPE_MINUTE_CLOCK, NULL);
      g_once_init_leave (&initialized, 1);
    }

  return clock;
}

/**
 * starling_minute_clock_dup_now:
 * @self: the clock
 *
 * Returns: (transfer full): the time relative times are measured against:
 *   the local time, or the one given to starling_minute_clock_set_now()
 */
GDateTime *
starling_minute_clock_dup_now (StarlingMinuteClock *self)
{
  g_return_val_if_fail (STARLING_IS_MINUTE_CLOCK (self), NULL);

  /* A listener that connects starts the timer the first time it asks for
   * the time, which every row does when it is mapped. */
  if (has_listeners (self))
    schedule (self);

  if (self->fixed_now != NULL)
    return g_date_time_ref (self->fixed_now);

  return g_date_time_new_now_local ();
}

/**
 * starling_minute_clock_set_now:
 * @self: the clock
 * @now: (nullable): the time to show times against, or %NULL for the real
 *   time
 *
 * Fixes "now", for tests and screenshots that must not depend on when they
 * run, and ticks.
 */
void
starling_minute_clock_set_now (StarlingMinuteClock *self,
                               GDateTime           *now)
{
  g_return_if_fail (STARLING_IS_MINUTE_CLOCK (self));

  g_clear_pointer (&self->fixed_now, g_date_time_unref);
  if (now != NULL)
    self->fixed_now = g_date_time_ref (now);

  starling_minute_clock_tick (self);
}

/**
 * starling_minute_clock_tick:
 * @self: the clock
 *
 * Emits #StarlingMinuteClock::tick now, as when the system wakes from sleep.
 */
void
starling_minute_clock_tick (StarlingMinuteClock *self)
{
  g_return_if_fail (STARLING_IS_MINUTE_CLOCK (self));

  g_signal_emit (self, signals[TICK], 0);
}
