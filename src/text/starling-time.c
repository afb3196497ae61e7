/* starling-time.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-text"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "starling-time.h"

typedef enum
{
  SPAN_NOW,
  SPAN_SECONDS,
  SPAN_MINUTES,
  SPAN_HOURS,
  SPAN_DAYS,
  SPAN_DATE,
} SpanKind;

/* Sorts the distance between two times into the unit a timeline shows. A
 * time a little in the future (clock skew between us and the server) reads
 * as "now" rather than as a negative age. */
static SpanKind
classify_span (GDateTime *then,
               GDateTime *now,
               gint64    *amount)
{
  GTimeSpan span = g_date_time_difference (now, then);
  gint64 seconds = span / G_TIME_SPAN_SECOND;

  if (seconds < 10)
    {
      *amount = 0;
      return SPAN_NOW;
    }
  if (seconds < 60)
    {
      *amount = seconds;
      return SPAN_SECONDS;
    }
  if (seconds < 60 * 60)
    {
      *amount = seconds / 60;
      return SPAN_MINUTES;
    }
  if (seconds < 24 * 60 * 60)
    {
      *amount = seconds / (60 * 60);
      return SPAN_HOURS;
    }
  if (seconds < 7 * 24 * 60 * 60)
    {
      *amount = seconds / (24 * 60 * 60);
      return SPAN_DAYS;
    }

  *amount = 0;
  return SPAN_DATE;
}

static char *
format_date (GDateTime *then,
             GDateTime *now)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (then);
  g_autoptr (GDateTime) local_now = g_date_time_to_local (now);

  if (g_date_time_get_year (local) == g_date_time_get_year (local_now))
    /* Translators: a date in this year, as strftime() takes it. */
    return g_date_time_format (local, _("%b %-e"));

  /* Translators: a date in another year, as strftime() takes it. */
  return g_date_time_format (local, _("%b %-e, %Y"));
}

/**
 * starling_time_parse:
 * @text: (nullable): a time as a Mastodon-API server writes it
 *
 * Parses an ISO 8601 time with or without fractions of a second and with
 * any offset (`2019-12-08T03:48:33.901Z`), or a bare date (`2019-12-08`),
 * which is what `last_status_at` holds. A time without an offset is taken
 * as UTC, as servers mean it.
 *
 * Returns: (transfer full) (nullable): the time, or %NULL when @text is
 *   %NULL or not a time
 */
GDateTime *
starling_time_parse (const char *text)
{
  g_autoptr (GTimeZone) utc = NULL;
  unsigned int year, month, day;
  char tail;

  if (text == NULL || *text == '\0')
    return NULL;

  utc = g_time_zone_new_utc ();

  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &tail) == 3 &&
      strlen (text) == 10)
    return g_date_time_new (utc, (int) year, (int) month, (int) day, 0, 0, 0);

  return g_date_time_new_from_iso8601 (text, utc);
}

/**
 * starling_time_format_relative:
 * @then: the time to show
 * @now: the present
 *
 * Formats @then the short way timelines show it: "now", "42s", "5m",
 * "3h", "2d", and past a week the date ("Mar 5", or "Mar 5, 2024" in
 * another year).
 *
 * Returns: (transfer full): the text
 */
char *
starling_time_format_relative (GDateTime *then,
                               GDateTime *now)
{
  gint64 amount;

  g_return_val_if_fail (then != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  switch (classify_span (then, now, &amount))
    {
    case SPAN_NOW:
      /* Translators: the age of a post made a few seconds ago. */
      return g_strdup (C_("time", "now"));
    case SPAN_SECONDS:
      /* Translators: the age of a post in seconds, as short as it can be. */
      return g_strdup_printf (C_("time", "%ds"), (int) amount);
    case SPAN_MINUTES:
      /* Translators: the age of a post in minutes, as short as it can be. */
      return g_strdup_printf (C_("time", "%dm"), (int) amount);
    case SPAN_HOURS:
      /* Translators: the age of a post in hours, as short as it can be. */
      return g_strdup_printf (C_("time", "%dh"), (int) amount);
    case SPAN_DAYS:
      /* Translators: the age of a post in days, as short as it can be. */
      return g_strdup_printf (C_("time", "%dd"), (int) amount);
    case SPAN_DATE:
    default:
      return format_date (then, now);
    }
}

/**
 * starling_time_format_spoken:
 * @then: the time to show
 * @now: the present
 *
 * Formats @then in words, for screen readers and tooltips: "just now",
 * "5 minutes ago", and past a week the date.
 *
 * Returns: (transfer full): the text
 */
char *
starling_time_format_spoken (GDateTime *then,
                             GDateTime *now)
{
  gint64 amount;
  gulong n;

  g_return_val_if_fail (then != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  switch (classify_span (then, now, &amount))
    {
    case SPAN_NOW:
      return g_strdup (_("just now"));
    case SPAN_SECONDS:
      n = (gulong) amount;
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu second ago", "%lu seconds ago", n), n);
    case SPAN_MINUTES:
      n = (gulong) amount;
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu minute ago", "%lu minutes ago", n), n);
    case SPAN_HOURS:
      n = (gulong) amount;
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu hour ago", "%lu hours ago", n), n);
    case SPAN_DAYS:
      n = (gulong) amount;
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu day ago", "%lu days ago", n), n);
    case SPAN_DATE:
    default:
      return format_date (then, now);
    }
}

/**
 * starling_time_format_absolute:
 * @then: the time to show
 *
 * Formats @then in full, in the local time zone, as a thread shows the
 * time of its main post.
 *
 * Returns: (transfer full): the text
 */
char *
starling_time_format_absolute (GDateTime *then)
{
  g_autoptr (GDateTime) local = NULL;

  g_return_val_if_fail (then != NULL, NULL);

  local = g_date_time_to_local (then);

  /* Translators: a full date and time, as strftime() takes it. */
  return g_date_time_format (local, _("%B %-e, %Y at %H:%M"));
}
