/* test-time.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "text/starling-time.h"

static GDateTime *
utc (int year, int month, int day, int hour, int minute, double seconds)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_utc ();

  return g_date_time_new (tz, year, month, day, hour, minute, seconds);
}

static void
test_parse (void)
{
  static const struct {
    const char *text;
    gint64      unix_time;
    int         usec;
  } cases[] = {
    { "2019-12-08T03:48:33.901Z", 1575776913, 901000 },
    { "2019-12-08T03:48:33Z", 1575776913, 0 },
    { "2019-12-08T03:48:33.000000Z", 1575776913, 0 },
    { "2019-12-08T04:48:33+01:00", 1575776913, 0 },
    /* No offset: servers mean UTC. */
    { "2019-12-08T03:48:33", 1575776913, 0 },
    /* last_status_at is a bare date. */
    { "2019-12-08", 1575763200, 0 },
  };
  static const char *bad[] = { "", "yesterday", "2019-13-45", "2019-12-08T", "2019-12-08x", "12345" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GDateTime) t = starling_time_parse (cases[i].text);

      g_assert_nonnull (t);
      g_assert_cmpint (g_date_time_to_unix (t), ==, cases[i].unix_time);
      g_assert_cmpint (g_date_time_get_microsecond (t), ==, cases[i].usec);
    }

  g_assert_null (starling_time_parse (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GDateTime) t = starling_time_parse (bad[i]);

      if (t != NULL)
        g_error ("“%s” parsed as a time", bad[i]);
    }
}

static void
test_relative (void)
{
  g_autoptr (GDateTime) now = utc (2026, 11, 22, 12, 0, 0);
  static const struct {
    GTimeSpan   ago;
    const char *shown;
    const char *spoken;
  } cases[] = {
    { -30 * G_TIME_SPAN_SECOND, "now", "just now" },
    { 0, "now", "just now" },
    { 9 * G_TIME_SPAN_SECOND, "now", "just now" },
    { 42 * G_TIME_SPAN_SECOND, "42s", "42 seconds ago" },
    { 60 * G_TIME_SPAN_SECOND, "1m", "1 minute ago" },
    { 59 * G_TIME_SPAN_MINUTE, "59m", "59 minutes ago" },
    { G_TIME_SPAN_HOUR, "1h", "1 hour ago" },
    { 23 * G_TIME_SPAN_HOUR + 59 * G_TIME_SPAN_MINUTE, "23h", "23 hours ago" },
    { G_TIME_SPAN_DAY, "1d", "1 day ago" },
    { 6 * G_TIME_SPAN_DAY, "6d", "6 days ago" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GDateTime) then = g_date_time_add (now, -cases[i].ago);
      g_autofree char *shown = starling_time_format_relative (then, now);
      g_autofree char *spoken = starling_time_format_spoken (then, now);

      g_assert_cmpstr (shown, ==, cases[i].shown);
      g_assert_cmpstr (spoken, ==, cases[i].spoken);
    }
}

static void
test_dates (void)
{
  g_autoptr (GDateTime) now = utc (2026, 11, 22, 12, 0, 0);
  g_autoptr (GDateTime) this_year = utc (2026, 3, 5, 12, 0, 0);
  g_autoptr (GDateTime) last_year = utc (2024, 3, 5, 12, 0, 0);
  g_autofree char *a = starling_time_format_relative (this_year, now);
  g_autofree char *b = starling_time_format_relative (last_year, now);
  g_autofree char *c = starling_time_format_absolute (last_year);

  g_assert_cmpstr (a, ==, "Mar 5");
  g_assert_cmpstr (b, ==, "Mar 5, 2024");
  g_assert_cmpstr (c, ==, "March 5, 2024 at 12:00");
}

int
main (int   argc,
      char *argv[])
{
  /* Dates are checked in UTC and in the C locale's words. */
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("LC_ALL", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/starling/time/parse", test_parse);
  g_test_add_func ("/starling/time/relative", test_relative);
  g_test_add_func ("/starling/time/dates", test_dates);

  return g_test_run ();
}
