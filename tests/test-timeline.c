/* test-timeline.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "model/starling-timeline.h"

/* A minimal entity for the timeline's own logic: an id, an optional boost
 * of another post, and whether a filter would hide it. The timeline is
 * generic over entities; statuses are tested with it in test-status. */
#define TEST_TYPE_POST (test_post_get_type ())
G_DECLARE_FINAL_TYPE (TestPost, test_post, TEST, POST, StarlingEntity)

struct _TestPost
{
  StarlingEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (TestPost, test_post, STARLING_TYPE_ENTITY)

enum { PROP_0, PROP_ID, PROP_REBLOG, PROP_FILTERED, N_PROPS };
static GParamSpec *properties [N_PROPS];

static void
test_post_class_init (TestPostClass *klass)
{
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  entity_class->has_identity = TRUE;
  properties[PROP_ID] = starling_param_spec_required (
    g_param_spec_string ("id", NULL, NULL, NULL, STARLING_PARAM_FLAGS));
  properties[PROP_REBLOG] =
    g_param_spec_object ("reblog", NULL, NULL, TEST_TYPE_POST, STARLING_PARAM_FLAGS);
  properties[PROP_FILTERED] =
    g_param_spec_boolean ("filtered", NULL, NULL, FALSE, STARLING_PARAM_FLAGS);
  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
test_post_init (TestPost *self)
{
}

static GPtrArray *
page (const char *ids)
{
  g_auto (GStrv) parts = g_strsplit (ids, " ", -1);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *json = NULL;
      g_autoptr (JsonNode) node = NULL;
      g_autoptr (GError) error = NULL;

      if (*parts[i] == '\0')
        continue;
      /* "b>a" is a boost b of post a; "x!" is hidden by a filter. */
      if (strchr (parts[i], '>') != NULL)
        {
          g_auto (GStrv) pair = g_strsplit (parts[i], ">", 2);
          json = g_strdup_printf ("{\"id\": \"%s\", \"reblog\": {\"id\": \"%s\"}}", pair[0], pair[1]);
        }
      else if (g_str_has_suffix (parts[i], "!"))
        json = g_strdup_printf ("{\"id\": \"%.*s\", \"filtered\": true}",
                                (int) strlen (parts[i]) - 1, parts[i]);
      else
        json = g_strdup_printf ("{\"id\": \"%s\"}", parts[i]);

      node = starling_json_parse (json, -1, &error);
      g_assert_no_error (error);
      g_ptr_array_add (items, starling_entity_decode (TEST_TYPE_POST, node, NULL, &error));
      g_assert_no_error (error);
    }

  return items;
}

/* The timeline as a string: ids, and "~" for a gap. */
static char *
contents (StarlingTimeline *timeline)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (timeline)); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (timeline), i);

      if (s->len > 0)
        g_string_append_c (s, ' ');
      if (STARLING_IS_TIMELINE_GAP (item))
        g_string_append_c (s, '~');
      else
        g_string_append (s, starling_entity_get_id (STARLING_ENTITY (item)));
    }

  return g_string_free (s, FALSE);
}

#define assert_contents(timeline, expected) G_STMT_START { \
  g_autofree char *_c = contents (timeline);               \
  g_assert_cmpstr (_c, ==, expected);                      \
} G_STMT_END

typedef struct
{
  GString *log;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  g_string_append_printf (changes->log, "%s%u-%u+%u", changes->log->len ? " " : "", position, removed, added);
}

static Changes *
watch (StarlingTimeline *timeline)
{
  Changes *changes = g_new0 (Changes, 1);

  changes->log = g_string_new (NULL);
  g_signal_connect (timeline, "items-changed", G_CALLBACK (items_changed_cb), changes);

  return changes;
}

static void
assert_changes (Changes    *changes,
                const char *expected)
{
  g_assert_cmpstr (changes->log->str, ==, expected);
  g_string_truncate (changes->log, 0);
}

static void
changes_free (Changes *changes)
{
  g_string_free (changes->log, TRUE);
  g_free (changes);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Changes, changes_free)

static void
test_merge_pages (void)
{
  g_autoptr (StarlingTimeline) timeline = starling_timeline_new ("home");
  g_autoptr (Changes) changes = watch (timeline);
  g_autoptr (GPtrArray) first = page ("9 8 7");
  g_autoptr (GPtrArray) older = page ("7 6 5");
  g_autoptr (GPtrArray) newer = page ("11 10 9 8");
  g_autoptr (GPtrArray) dupes = page ("12 12 11");

  starling_timeline_merge_newer (timeline, first, FALSE);
  assert_contents (timeline, "9 8 7");
  assert_changes (changes, "0-0+3");
  g_assert_cmpstr (starling_timeline_get_newest_id (timeline), ==, "9");
  g_assert_cmpstr (starling_timeline_get_oldest_id (timeline), ==, "7");

  /* Older pages go below; the overlap is dropped, one change for the run. */
  starling_timeline_merge_older (timeline, older);
  assert_contents (timeline, "9 8 7 6 5");
  assert_changes (changes, "3-0+2");

  /* A refresh that reaches what is loaded: no gap. */
  starling_timeline_merge_newer (timeline, newer, FALSE);
  assert_contents (timeline, "11 10 9 8 7 6 5");
  assert_changes (changes, "0-0+2");

  /* Duplicates inside one page count once. */
  starling_timeline_merge_newer (timeline, dupes, FALSE);
  assert_contents (timeline, "12 11 10 9 8 7 6 5");
  assert_changes (changes, "0-0+1");

  g_assert_true (starling_timeline_contains (timeline, "10"));
  g_assert_false (starling_timeline_contains (timeline, "4"));
  g_assert_finalize_object (g_steal_pointer (&timeline));
}

static void
test_gap (void)
{
  g_autoptr (StarlingTimeline) timeline = starling_timeline_new ("home");
  g_autoptr (GPtrArray) first = page ("5 4 3");
  g_autoptr (GPtrArray) refresh = page ("20 19 18");
  g_autoptr (GPtrArray) fill1 = page ("17 16");
  g_autoptr (GPtrArray) fill2 = page ("15 6 5 4");
  g_autoptr (Changes) changes = NULL;
  g_autoptr (GObject) item = NULL;
  StarlingTimelineGap *gap;

  starling_timeline_merge_newer (timeline, first, FALSE);
  changes = watch (timeline);

  /* A refresh that does not reach post 5: a gap between 18 and 5. */
  starling_timeline_merge_newer (timeline, refresh, FALSE);
  assert_contents (timeline, "20 19 18 ~ 5 4 3");
  assert_changes (changes, "0-0+3 3-0+1");

  item = g_list_model_get_item (G_LIST_MODEL (timeline), 3);
  gap = STARLING_TIMELINE_GAP (item);
  g_assert_cmpstr (starling_timeline_gap_get_max_id (gap), ==, "18");
  g_assert_cmpstr (starling_timeline_gap_get_min_id (gap), ==, "5");

  /* A first page for the gap does not close it: it moves down. */
  starling_timeline_gap_set_loading (gap, TRUE);
  starling_timeline_fill_gap (timeline, gap, fill1);
  assert_contents (timeline, "20 19 18 17 16 ~ 5 4 3");
  assert_changes (changes, "3-0+2");
  g_assert_cmpstr (starling_timeline_gap_get_max_id (gap), ==, "16");
  g_assert_false (starling_timeline_gap_get_loading (gap));

  /* The next reaches post 5: the gap closes. */
  starling_timeline_fill_gap (timeline, gap, fill2);
  assert_contents (timeline, "20 19 18 17 16 15 6 5 4 3");
  assert_changes (changes, "5-0+2 7-1+0");

  /* A refresh known to be contiguous (min_id from the top) makes no gap. */
  {
    g_autoptr (GPtrArray) up = page ("22 21");

    starling_timeline_merge_newer (timeline, up, TRUE);
    assert_contents (timeline, "22 21 20 19 18 17 16 15 6 5 4 3");
  }
}

static void
test_live_and_delete (void)
{
  g_autoptr (StarlingTimeline) timeline = starling_timeline_new ("home");
  g_autoptr (GPtrArray) first = page ("5 b>3 4 3 2");
  g_autoptr (GPtrArray) live = page ("6 5");
  g_autoptr (Changes) changes = NULL;

  starling_timeline_merge_newer (timeline, first, FALSE);
  changes = watch (timeline);

  g_assert_true (starling_timeline_insert_live (timeline, live->pdata[0]));
  /* An item already shown is not added twice. */
  g_assert_false (starling_timeline_insert_live (timeline, live->pdata[1]));
  assert_contents (timeline, "6 5 b 4 3 2");
  assert_changes (changes, "0-0+1");

  /* Deleting post 3 takes its boost too. */
  g_assert_cmpuint (starling_timeline_remove (timeline, "3"), ==, 2);
  assert_contents (timeline, "6 5 4 2");
  assert_changes (changes, "4-1+0 2-1+0");
  g_assert_cmpuint (starling_timeline_remove (timeline, "404"), ==, 0);
  assert_changes (changes, "");
}

static gboolean
hide_filtered (gpointer    item,
               const char *context,
               gpointer    user_data)
{
  g_assert_cmpstr (context, ==, user_data);
  return starling_entity_get_boolean (item, properties[PROP_FILTERED]);
}

static void
test_hide (void)
{
  g_autoptr (StarlingTimeline) timeline = starling_timeline_new ("public");
  g_autoptr (GPtrArray) first = page ("5 4! 3 2!");
  g_autoptr (GPtrArray) live = page ("6!");

  starling_timeline_set_hide_func (timeline, hide_filtered, g_strdup ("public"), g_free);
  starling_timeline_merge_newer (timeline, first, FALSE);
  assert_contents (timeline, "5 3");
  g_assert_false (starling_timeline_insert_live (timeline, live->pdata[0]));

  /* A filter that starts to apply (an edit, a new filter) takes the post out. */
  starling_entity_set_boolean (first->pdata[2], properties[PROP_FILTERED], TRUE);
  g_assert_cmpuint (starling_timeline_refilter (timeline), ==, 1);
  assert_contents (timeline, "5");
}

static void
test_out_of_order_ids (void)
{
  g_autoptr (StarlingTimeline) timeline = starling_timeline_new ("home");
  /* ULIDs, FlakeIds and snowflakes that do not sort like time: the
   * server's order is kept as it is. */
  g_autoptr (GPtrArray) first = page ("01HZZ 9 zz 01HAA");
  g_autoptr (GPtrArray) older = page ("01HAA aaa 100");

  starling_timeline_merge_newer (timeline, first, FALSE);
  starling_timeline_merge_older (timeline, older);
  assert_contents (timeline, "01HZZ 9 zz 01HAA aaa 100");
}

static void
test_trim (void)
{
  g_autoptr (StarlingTimeline) timeline = starling_timeline_new ("home");
  g_autoptr (GPtrArray) first = page ("10 9 8 7 6 5 4 3 2 1");
  g_autoptr (GPtrArray) live = page ("11");
  g_autoptr (GPtrArray) up1 = page ("8 7");
  g_autoptr (GPtrArray) up2 = page ("11 10 9");
  g_autoptr (Changes) changes = NULL;
  GWeakRef dropped;
  StarlingTimelineGap *gap;

  starling_timeline_merge_older (timeline, first);
  g_weak_ref_init (&dropped, first->pdata[0]);
  g_clear_pointer (&first, g_ptr_array_unref);
  changes = watch (timeline);
  g_assert_null (starling_timeline_get_top_gap (timeline));
  g_assert_cmpuint (starling_timeline_trim_newer (timeline, 0), ==, 0);

  /* The four newest give way to one top gap, in one change. */
  g_assert_cmpuint (starling_timeline_trim_newer (timeline, 4), ==, 4);
  assert_contents (timeline, "~ 6 5 4 3 2 1");
  assert_changes (changes, "0-4+1");
  gap = starling_timeline_get_top_gap (timeline);
  g_assert_nonnull (gap);
  g_assert_true (starling_timeline_gap_get_at_top (gap));
  g_assert_null (starling_timeline_gap_get_max_id (gap));
  g_assert_cmpstr (starling_timeline_gap_get_min_id (gap), ==, "6");
  g_assert_false (starling_timeline_contains (timeline, "10"));
  g_assert_cmpstr (starling_timeline_get_newest_id (timeline), ==, "6");
  /* Nothing else holds post 10: it is gone. */
  g_assert_null (g_weak_ref_get (&dropped));
  g_weak_ref_clear (&dropped);

  /* Trimming again keeps the gap and moves it down. */
  g_assert_cmpuint (starling_timeline_trim_newer (timeline, 3), ==, 2);
  assert_contents (timeline, "~ 4 3 2 1");
  assert_changes (changes, "1-2+0");
  g_assert_true (starling_timeline_get_top_gap (timeline) == gap);
  g_assert_cmpstr (starling_timeline_gap_get_min_id (gap), ==, "4");

  /* The stream cannot put a post above posts that are not there. */
  g_assert_false (starling_timeline_insert_live (timeline, live->pdata[0]));
  assert_contents (timeline, "~ 4 3 2 1");

  /* The oldest go too; at least one post always stays. */
  g_assert_cmpuint (starling_timeline_trim_older (timeline, 2), ==, 2);
  assert_contents (timeline, "~ 4 3");
  assert_changes (changes, "3-2+0");
  g_assert_cmpuint (starling_timeline_trim_older (timeline, 3), ==, 0);
  g_assert_cmpuint (starling_timeline_trim_newer (timeline, 3), ==, 0);
  assert_contents (timeline, "~ 4 3");

  /* Filling walks up from post 4: below the gap, oldest page first. */
  {
    g_autoptr (GPtrArray) up0 = page ("6 5");

    starling_timeline_fill_top_gap (timeline, gap, up0, FALSE);
  }
  assert_contents (timeline, "~ 6 5 4 3");
  starling_timeline_fill_top_gap (timeline, gap, up1, FALSE);
  assert_contents (timeline, "~ 8 7 6 5 4 3");
  assert_changes (changes, "1-0+2 1-0+2");
  g_assert_cmpstr (starling_timeline_gap_get_min_id (gap), ==, "8");

  /* The last page reaches the present: the gap closes, and the stream
   * shows again. */
  starling_timeline_fill_top_gap (timeline, gap, up2, TRUE);
  assert_contents (timeline, "11 10 9 8 7 6 5 4 3");
  assert_changes (changes, "1-0+3 0-1+0");
  g_assert_null (starling_timeline_get_top_gap (timeline));
  {
    g_autoptr (GPtrArray) live2 = page ("12");

    g_assert_true (starling_timeline_insert_live (timeline, live2->pdata[0]));
  }
  assert_contents (timeline, "12 11 10 9 8 7 6 5 4 3");
}

static void
test_trim_then_refresh (void)
{
  g_autoptr (StarlingTimeline) timeline = starling_timeline_new ("home");
  g_autoptr (GPtrArray) below = page ("6 5 4");
  g_autoptr (GPtrArray) above = page ("10 9 8");
  g_autoptr (GPtrArray) newest = page ("12 11");
  g_autoptr (GPtrArray) up1 = page ("9 8 7");
  g_autoptr (GPtrArray) up2 = page ("12 11 10");
  StarlingTimelineGap *gap;

  starling_timeline_merge_older (timeline, below);
  starling_timeline_merge_newer (timeline, above, FALSE);
  assert_contents (timeline, "10 9 8 ~ 6 5 4");

  /* A gap just below what is let go goes with it: walking up from post 6
   * reaches every post above it. */
  g_assert_cmpuint (starling_timeline_trim_newer (timeline, 3), ==, 3);
  assert_contents (timeline, "~ 6 5 4");
  gap = starling_timeline_get_top_gap (timeline);
  g_assert_nonnull (gap);

  /* Going to the top: the newest page goes above the top gap, which
   * becomes a gap between them. */
  starling_timeline_merge_newer (timeline, newest, FALSE);
  assert_contents (timeline, "12 11 ~ 6 5 4");
  g_assert_null (starling_timeline_get_top_gap (timeline));
  g_assert_false (starling_timeline_gap_get_at_top (gap));
  g_assert_cmpstr (starling_timeline_gap_get_max_id (gap), ==, "11");

  /* Filled upward from post 6 still, until a page reaches post 11. */
  starling_timeline_fill_top_gap (timeline, gap, up1, FALSE);
  assert_contents (timeline, "12 11 ~ 9 8 7 6 5 4");
  starling_timeline_fill_top_gap (timeline, gap, up2, FALSE);
  assert_contents (timeline, "12 11 10 9 8 7 6 5 4");

  /* A newest page that reaches the posts below the top gap closes it. */
  g_assert_cmpuint (starling_timeline_trim_newer (timeline, 5), ==, 5);
  assert_contents (timeline, "~ 7 6 5 4");
  {
    g_autoptr (GPtrArray) reach = page ("9 8 7");

    starling_timeline_merge_newer (timeline, reach, FALSE);
  }
  assert_contents (timeline, "9 8 7 6 5 4");
}

static void
test_many (void)
{
  g_autoptr (StarlingTimeline) timeline = starling_timeline_new ("home");

  /* Fifty pages of forty, as infinite scrolling loads them. */
  for (guint p = 0; p < 50; p++)
    {
      g_autoptr (GString) ids = g_string_new (NULL);
      g_autoptr (GPtrArray) items = NULL;

      for (guint i = 0; i < 40; i++)
        g_string_append_printf (ids, "%s%u", i ? " " : "", 100000 - (p * 40 + i));
      items = page (ids->str);
      starling_timeline_merge_older (timeline, items);
    }

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, 2000);
  g_assert_cmpstr (starling_timeline_get_oldest_id (timeline), ==, "98001");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/starling/timeline/merge-pages", test_merge_pages);
  g_test_add_func ("/starling/timeline/gap", test_gap);
  g_test_add_func ("/starling/timeline/live-and-delete", test_live_and_delete);
  g_test_add_func ("/starling/timeline/hide", test_hide);
  g_test_add_func ("/starling/timeline/out-of-order-ids", test_out_of_order_ids);
  g_test_add_func ("/starling/timeline/many", test_many);
  g_test_add_func ("/starling/timeline/trim", test_trim);
  g_test_add_func ("/starling/timeline/trim-then-refresh", test_trim_then_refresh);

  return g_test_run ();
}
