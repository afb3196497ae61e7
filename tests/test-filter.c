/* test-filter.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Server-side filters (v2) and how a status's `filtered` is applied.
 */

#include "config.h"

#include <string.h>

#include "model/starling-filter-keyword.h"
#include "model/starling-filter-result.h"
#include "model/starling-filter-status.h"
#include "model/starling-filter.h"
#include "model/starling-status.h"

#include "starling-test-data.h"

static GDateTime *
utc (const char *iso)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_utc ();
  GDateTime *time = g_date_time_new_from_iso8601 (iso, zone);

  g_assert_nonnull (time);

  return time;
}

/* A minimal status whose `filtered` is @filtered and, when @reblog_filtered
 * is not %NULL, a boost of a status whose `filtered` is that. */
static StarlingStatus *
make_status (const char        *filtered,
             const char        *reblog_filtered,
             StarlingEntityMap *map)
{
  g_autofree char *reblog = NULL;
  g_autofree char *json = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GError) error = NULL;
  StarlingStatus *status;

  if (reblog_filtered != NULL)
    reblog = g_strdup_printf (", \"reblog\": {\"id\": \"2\", \"uri\": \"https://h/2\","
                              " \"account\": {\"id\": \"b\", \"username\": \"b\", \"acct\": \"b\"},"
                              " \"filtered\": %s}", reblog_filtered);
  json = g_strdup_printf ("{\"id\": \"1\", \"uri\": \"https://h/1\","
                          " \"account\": {\"id\": \"a\", \"username\": \"a\", \"acct\": \"a\"},"
                          " \"filtered\": %s%s}", filtered, reblog != NULL ? reblog : "");
  node = starling_json_parse (json, -1, &error);
  g_assert_no_error (error);

  status = starling_entity_decode (STARLING_TYPE_STATUS, node, map, &error);
  g_assert_no_error (error);

  return status;
}

/* One FilterResult. */
static char *
result (const char *id,
        const char *title,
        const char *action,
        const char *contexts,
        const char *expires_at)
{
  return g_strdup_printf ("{\"filter\": {\"id\": \"%s\", \"title\": \"%s\", \"context\": %s,"
                          " \"filter_action\": %s, \"expires_at\": %s}, \"keyword_matches\": [\"w\"]}",
                          id, title, contexts, action, expires_at);
}

static void
test_fixtures (void)
{
  g_autoptr (StarlingFilter) filter = starling_test_decode_fixture (STARLING_TYPE_FILTER, "mastodon/filter.json");
  g_autoptr (StarlingFilter) hide = starling_test_decode_fixture (STARLING_TYPE_FILTER, "mastodon/filter-with-keywords.json");
  g_autoptr (StarlingFilterResult) result = starling_test_decode_fixture (STARLING_TYPE_FILTER_RESULT, "mastodon/filter-result.json");
  g_autoptr (StarlingFilterKeyword) keyword = starling_test_decode_fixture (STARLING_TYPE_FILTER_KEYWORD, "mastodon/filter-keyword.json");
  g_autoptr (StarlingFilterStatus) status = starling_test_decode_fixture (STARLING_TYPE_FILTER_STATUS, "mastodon/filter-status.json");
  g_autoptr (JsonNode) list = starling_test_load_json ("mastodon/partial/filters-v2.json");
  g_autoptr (GPtrArray) filters = NULL;
  g_autoptr (GError) error = NULL;
  static const char * const home[] = { "home", NULL };
  static const char * const public[] = { "public", NULL };
  static const char * const words[] = { "bad word", NULL };
  static const char * const ids[] = { "109031743575371913", NULL };
  GPtrArray *keywords;
  StarlingFilter *inner;

  g_assert_cmpstr (starling_filter_get_id (filter), ==, "19972");
  g_assert_cmpstr (starling_filter_get_title (filter), ==, "Test filter");
  g_assert_true (g_strv_equal (starling_filter_get_context (filter), home));
  g_assert_cmpint (starling_filter_get_filter_action (filter), ==, STARLING_FILTER_ACTION_WARN);
  g_assert_cmpint (g_date_time_to_unix (starling_filter_get_expires_at (filter)), ==, 1663694859);
  keywords = starling_filter_get_keywords (filter);
  g_assert_cmpuint (keywords->len, ==, 1);
  g_assert_cmpstr (starling_filter_keyword_get_keyword (keywords->pdata[0]), ==, "bad word");
  g_assert_cmpuint (starling_filter_get_statuses (filter)->len, ==, 1);
  g_assert_cmpstr (starling_filter_status_get_status_id (starling_filter_get_statuses (filter)->pdata[0]), ==,
                   "109031743575371913");

  g_assert_cmpstr (starling_filter_get_id (hide), ==, "20060");
  g_assert_cmpint (starling_filter_get_filter_action (hide), ==, STARLING_FILTER_ACTION_HIDE);
  g_assert_true (g_strv_equal (starling_filter_get_context (hide), public));
  g_assert_null (starling_filter_get_expires_at (hide));
  keywords = starling_filter_get_keywords (hide);
  g_assert_cmpuint (keywords->len, ==, 3);
  g_assert_cmpstr (starling_filter_keyword_get_id (keywords->pdata[0]), ==, "1311");
  g_assert_true (starling_filter_keyword_get_whole_word (keywords->pdata[0]));
  g_assert_cmpstr (starling_filter_keyword_get_keyword (keywords->pdata[2]), ==, "https://t.co/");
  g_assert_false (starling_filter_keyword_get_whole_word (keywords->pdata[2]));
  g_assert_cmpuint (starling_filter_get_statuses (hide)->len, ==, 0);

  inner = starling_filter_result_get_filter (result);
  g_assert_cmpstr (starling_filter_get_id (inner), ==, "3");
  g_assert_cmpstr (starling_filter_get_title (inner), ==, "Hide completely");
  g_assert_cmpint (starling_filter_get_filter_action (inner), ==, STARLING_FILTER_ACTION_HIDE);
  g_assert_null (starling_filter_get_keywords (inner));
  g_assert_true (g_strv_equal (starling_filter_result_get_keyword_matches (result), words));
  g_assert_true (g_strv_equal (starling_filter_result_get_status_matches (result), ids));

  g_assert_cmpstr (starling_filter_keyword_get_id (keyword), ==, "1197");
  g_assert_cmpstr (starling_filter_keyword_get_keyword (keyword), ==, "bad word");
  g_assert_false (starling_filter_keyword_get_whole_word (keyword));

  g_assert_cmpstr (starling_filter_status_get_id (status), ==, "1");
  g_assert_cmpstr (starling_filter_status_get_status_id (status), ==, "109031743575371913");

  filters = starling_entity_decode_array (STARLING_TYPE_FILTER, list, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (filters->len, ==, 1);
  g_assert_cmpstr (starling_filter_get_title (filters->pdata[0]), ==, "Remove Twitter crossposts from public timeline");
}

static void
test_hostile (void)
{
  static const struct {
    const char *json;
    StarlingFilterAction action;
  } actions[] = {
    { "{\"id\": \"1\", \"filter_action\": \"blur\"}", STARLING_FILTER_ACTION_BLUR },
    { "{\"id\": \"1\", \"filter_action\": \"obliterate\"}", STARLING_FILTER_ACTION_UNKNOWN },
    { "{\"id\": \"1\", \"filter_action\": \"none\"}", STARLING_FILTER_ACTION_UNKNOWN },
    { "{\"id\": \"1\", \"filter_action\": 2}", STARLING_FILTER_ACTION_UNKNOWN },
    { "{\"id\": \"1\"}", STARLING_FILTER_ACTION_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autoptr (JsonNode) node = starling_json_parse (actions[i].json, -1, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (StarlingFilter) filter = starling_entity_decode (STARLING_TYPE_FILTER, node, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (starling_filter_get_filter_action (filter), ==, actions[i].action);
      /* Without a context a filter applies nowhere. */
      g_assert_false (starling_filter_applies (filter, "home", NULL));
    }

  {
    g_autoptr (JsonNode) node = starling_json_parse ("{\"keyword_matches\": [\"w\"], \"filter\": {\"title\": \"x\"}}", -1, NULL);
    g_autoptr (GError) error = NULL;

    g_assert_null (starling_entity_decode (STARLING_TYPE_FILTER_RESULT, node, NULL, &error));
    g_assert_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_MISSING_FIELD);
    g_assert_nonnull (strstr (error->message, "filter"));
    g_assert_nonnull (strstr (error->message, "“id”"));
  }

  /* A context given as a lone string still counts. */
  {
    g_autoptr (JsonNode) node = starling_json_parse ("{\"id\": \"1\", \"context\": \"thread\"}", -1, NULL);
    g_autoptr (StarlingFilter) filter = starling_entity_decode (STARLING_TYPE_FILTER, node, NULL, NULL);

    g_assert_true (starling_filter_applies (filter, "thread", NULL));
    g_assert_false (starling_filter_applies (filter, "home", NULL));
  }
}

static void
test_action (void)
{
  g_autoptr (GDateTime) now = utc ("2022-09-01T00:00:00Z");
  g_autoptr (GDateTime) later = utc ("2023-01-01T00:00:00Z");
  g_autofree char *warn = result ("10", "Spoilers", "\"warn\"", "[\"home\", \"thread\"]", "null");
  g_autofree char *warn_expiring = result ("11", "Soon gone", "\"warn\"", "[\"home\"]", "\"2022-09-20T17:27:39.296Z\"");
  g_autofree char *hide = result ("12", "Politics", "\"hide\"", "[\"home\", \"public\"]", "null");
  g_autofree char *blur = result ("13", "Spiders", "\"blur\"", "[\"home\", \"account\"]", "null");
  g_autofree char *unknown = result ("14", "Future", "\"obliterate\"", "[\"notifications\"]", "null");
  g_autofree char *profile = result ("15", "Profiles", "\"warn\"", "[\"account\"]", "null");
  static const struct {
    const char *context;
    gboolean later;
    StarlingFilterAction action;
    const char *titles;
  } expected_all[] = {
    /* hide > warn > blur */
    { "home", FALSE, STARLING_FILTER_ACTION_HIDE, "Politics" },
    { "public", FALSE, STARLING_FILTER_ACTION_HIDE, "Politics" },
    { "thread", FALSE, STARLING_FILTER_ACTION_WARN, "Spoilers" },
    /* `account`, the API's name for profiles; blur loses to warn. */
    { "account", FALSE, STARLING_FILTER_ACTION_WARN, "Profiles" },
    /* An unknown action warns. */
    { "notifications", FALSE, STARLING_FILTER_ACTION_WARN, "Future" },
    { "search", FALSE, STARLING_FILTER_ACTION_NONE, NULL },
  };
  g_autofree char *all = g_strdup_printf ("[%s, %s, %s, %s, %s, %s]", warn, warn_expiring, hide, blur, unknown, profile);
  g_autoptr (StarlingStatus) status = make_status (all, NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (expected_all); i++)
    {
      g_autofree char *titles = NULL;
      StarlingFilterAction action;

      action = starling_status_get_filter_action (status, expected_all[i].context, now, &titles);
      g_assert_cmpint (action, ==, expected_all[i].action);
      g_assert_cmpstr (titles, ==, expected_all[i].titles);
    }

  /* Titles of every filter behind a warning, and expiry. */
  {
    g_autofree char *two = g_strdup_printf ("[%s, %s, %s]", warn, warn_expiring, blur);
    g_autoptr (StarlingStatus) s = make_status (two, NULL, NULL);
    g_autofree char *titles = NULL;

    g_assert_cmpint (starling_status_get_filter_action (s, "home", now, &titles), ==, STARLING_FILTER_ACTION_WARN);
    g_assert_cmpstr (titles, ==, "Spoilers, Soon gone");
    g_clear_pointer (&titles, g_free);
    g_assert_cmpint (starling_status_get_filter_action (s, "home", later, &titles), ==, STARLING_FILTER_ACTION_WARN);
    g_assert_cmpstr (titles, ==, "Spoilers");
    g_clear_pointer (&titles, g_free);
    g_assert_cmpint (starling_status_get_filter_action (s, "account", later, &titles), ==, STARLING_FILTER_ACTION_BLUR);
    g_assert_cmpstr (titles, ==, "Spiders");
    /* titles_out is optional. */
    g_assert_cmpint (starling_status_get_filter_action (s, "home", later, NULL), ==, STARLING_FILTER_ACTION_WARN);
  }

  /* Expired everywhere: nothing applies. */
  {
    g_autofree char *one = g_strdup_printf ("[%s]", warn_expiring);
    g_autoptr (StarlingStatus) s = make_status (one, NULL, NULL);
    /* The answer overwrites whatever the caller's variable held. */
    char *titles = (char *) "stale";

    g_assert_cmpint (starling_status_get_filter_action (s, "home", later, &titles), ==, STARLING_FILTER_ACTION_NONE);
    g_assert_null (titles);
    g_assert_cmpint (starling_status_get_filter_action (s, "home", now, NULL), ==, STARLING_FILTER_ACTION_WARN);
  }

  /* No `filtered` at all, an empty one, and the clock's time. */
  {
    g_autoptr (StarlingStatus) empty = make_status ("[]", NULL, NULL);
    g_autoptr (StarlingStatus) none = make_status ("null", NULL, NULL);
    g_autofree char *one = g_strdup_printf ("[%s]", hide);
    g_autoptr (StarlingStatus) forever = make_status (one, NULL, NULL);

    g_assert_cmpint (starling_status_get_filter_action (empty, "home", NULL, NULL), ==, STARLING_FILTER_ACTION_NONE);
    g_assert_cmpint (starling_status_get_filter_action (none, "home", NULL, NULL), ==, STARLING_FILTER_ACTION_NONE);
    g_assert_cmpint (starling_status_get_filter_action (forever, "public", NULL, NULL), ==, STARLING_FILTER_ACTION_HIDE);
  }
}

static void
test_action_of_boost (void)
{
  g_autoptr (GDateTime) now = utc ("2022-09-01T00:00:00Z");
  g_autofree char *hide = result ("12", "Politics", "\"hide\"", "[\"home\"]", "null");
  g_autofree char *warn = result ("10", "Spoilers", "\"warn\"", "[\"home\"]", "null");
  g_autofree char *hide_list = g_strdup_printf ("[%s]", hide);
  g_autofree char *both = g_strdup_printf ("[%s, %s]", warn, hide);
  g_autofree char *warn_list = g_strdup_printf ("[%s]", warn);
  g_autofree char *titles = NULL;

  /* The boosted post's filters count for the boost. */
  {
    g_autoptr (StarlingStatus) boost = make_status ("[]", hide_list, NULL);

    g_assert_cmpint (starling_status_get_filter_action (boost, "home", now, &titles), ==, STARLING_FILTER_ACTION_HIDE);
    g_assert_cmpstr (titles, ==, "Politics");
    g_clear_pointer (&titles, g_free);
  }

  /* The same filter on both is named once; through a map it is one object. */
  {
    g_autoptr (StarlingEntityMap) map = starling_entity_map_new ();
    g_autoptr (StarlingStatus) boost = make_status (warn_list, both, map);
    StarlingFilterResult *outer = starling_status_get_filtered (boost)->pdata[0];
    StarlingFilterResult *inner = starling_status_get_filtered (starling_status_get_reblog (boost))->pdata[0];

    g_assert_true (starling_filter_result_get_filter (outer) == starling_filter_result_get_filter (inner));
    g_assert_cmpint (starling_status_get_filter_action (boost, "home", now, &titles), ==, STARLING_FILTER_ACTION_HIDE);
    g_assert_cmpstr (titles, ==, "Politics");
    g_clear_pointer (&titles, g_free);
  }

  {
    g_autoptr (StarlingStatus) boost = make_status (warn_list, warn_list, NULL);

    g_assert_cmpint (starling_status_get_filter_action (boost, "home", now, &titles), ==, STARLING_FILTER_ACTION_WARN);
    g_assert_cmpstr (titles, ==, "Spoilers");
    g_clear_pointer (&titles, g_free);
  }
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* Editing a filter updates the one object every status's result holds. */
static void
test_identity (void)
{
  g_autoptr (StarlingEntityMap) map = starling_entity_map_new ();
  g_autoptr (GDateTime) now = utc ("2022-09-01T00:00:00Z");
  g_autoptr (JsonNode) edited = NULL;
  g_autofree char *warn = result ("19972", "Test filter", "\"warn\"", "[\"home\"]", "null");
  g_autofree char *warn_list = g_strdup_printf ("[%s]", warn);
  g_autoptr (StarlingStatus) first = make_status (warn_list, NULL, map);
  g_autoptr (StarlingFilter) full = NULL;
  StarlingFilter *filter = starling_filter_result_get_filter (starling_status_get_filtered (first)->pdata[0]);
  guint notified = 0;

  g_signal_connect (filter, "notify::filter-action", G_CALLBACK (count_notify_cb), &notified);

  edited = starling_test_load_json ("mastodon/filter.json");
  full = starling_entity_decode (STARLING_TYPE_FILTER, edited, map, NULL);
  g_assert_true (full == filter);
  /* The full filter brings its keywords to the result's filter. */
  g_assert_cmpuint (starling_filter_get_keywords (filter)->len, ==, 1);
  g_assert_cmpuint (notified, ==, 0);

  {
    g_autoptr (JsonNode) node = starling_json_parse ("{\"id\": \"19972\", \"filter_action\": \"hide\"}", -1, NULL);
    g_autoptr (StarlingFilter) again = starling_entity_decode (STARLING_TYPE_FILTER, node, map, NULL);

    g_assert_true (again == filter);
    g_assert_cmpuint (notified, ==, 1);
    g_assert_cmpint (starling_status_get_filter_action (first, "home", now, NULL), ==, STARLING_FILTER_ACTION_HIDE);
  }

  /* What decode_extra decides (an action "none" becomes unknown) is part of
   * the newer copy, so the merge carries it to the live object too. */
  {
    g_autoptr (JsonNode) node = starling_json_parse ("{\"id\": \"19972\", \"filter_action\": \"none\"}", -1, NULL);
    g_autoptr (StarlingFilter) again = starling_entity_decode (STARLING_TYPE_FILTER, node, map, NULL);

    g_assert_true (again == filter);
    g_assert_cmpint (starling_filter_get_filter_action (filter), ==, STARLING_FILTER_ACTION_UNKNOWN);
    g_assert_cmpuint (notified, ==, 2);
    /* Unknown actions are applied as warn. */
    g_assert_cmpint (starling_status_get_filter_action (first, "home", now, NULL), ==, STARLING_FILTER_ACTION_WARN);
  }

  g_signal_handlers_disconnect_by_func (filter, count_notify_cb, &notified);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/starling/filter/fixtures", test_fixtures);
  g_test_add_func ("/starling/filter/hostile", test_hostile);
  g_test_add_func ("/starling/filter/action", test_action);
  g_test_add_func ("/starling/filter/action-of-boost", test_action_of_boost);
  g_test_add_func ("/starling/filter/identity", test_identity);

  return g_test_run ();
}
