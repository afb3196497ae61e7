/* test-status-text.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sentence a screen reader reads for a post row, for each kind of
 * post: a plain one, a boost, a content warning closed and open, media
 * with and without descriptions, a poll open and closed, names with
 * custom emoji. Pure functions of the model: no display. And the content
 * as rows show it, converted once per status and again after an edit.
 */

#include "config.h"

#include <string.h>

#include "model/starling-entity.h"
#include "model/starling-entity-map.h"
#include "model/starling-status.h"
#include "starling-test-data.h"
#include "ui/status/starling-status-text.h"

#define AUTHOR "\"account\":{\"id\":\"8\",\"username\":\"ada\",\"acct\":\"ada@example.org\"," \
               "\"display_name\":\"Ada Lovelace\"}"
#define COUNTS "\"replies_count\":3,\"reblogs_count\":1,\"favourites_count\":0"
#define POST(extra) "{\"id\":\"99\",\"uri\":\"https://example.org/statuses/99\"," \
                    "\"created_at\":\"2026-01-01T12:00:00.000Z\",\"visibility\":\"public\"," \
                    AUTHOR "," COUNTS "," extra "}"

static void
assert_sentence (const char *json,
                 gboolean    content_shown,
                 const char *expected)
{
  g_autoptr (StarlingStatus) status = starling_test_decode_json (STARLING_TYPE_STATUS, json);
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 1, 1, 12, 5, 0);
  g_autofree char *sentence = starling_status_text_accessible_label (status, now, content_shown);

  g_assert_cmpstr (sentence, ==, expected);
  /* One line: a screen reader reads it in one go. */
  g_assert_null (strchr (sentence, '\n'));
}

static void
test_plain (void)
{
  /* Paragraphs join into one line; the text ends as a sentence. */
  assert_sentence (POST ("\"content\":\"<p>Notes on the <b>engine</b></p><p>Second part!</p>\""), TRUE,
                   "Ada Lovelace, 5 minutes ago: Notes on the engine Second part! "
                   "3 replies, 1 boost, 0 favourites");
}

static void
test_boost (void)
{
  /* The booster first, then whose post it is, its time and its counts. */
  assert_sentence ("{\"id\":\"100\",\"uri\":\"https://example.com/statuses/100\","
                   "\"created_at\":\"2026-01-01T12:04:00.000Z\",\"visibility\":\"public\","
                   "\"account\":{\"id\":\"7\",\"username\":\"charles\",\"acct\":\"charles\",\"display_name\":\"Charles\"},"
                   "\"content\":\"\",\"replies_count\":0,\"reblogs_count\":0,\"favourites_count\":0,"
                   "\"reblog\":" POST ("\"content\":\"<p>Notes.</p>\"") "}", TRUE,
                   "Charles boosted Ada Lovelace’s post, 5 minutes ago: Notes. "
                   "3 replies, 1 boost, 0 favourites");
}

static void
test_content_warning (void)
{
  const char *json = POST ("\"spoiler_text\":\"Film spoilers\",\"sensitive\":true,"
                           "\"content\":\"<p>The butler did it</p>\","
                           "\"media_attachments\":[{\"id\":\"1\",\"type\":\"image\","
                           "\"url\":\"https://example.org/1.png\",\"description\":\"The butler\"}]");

  /* Closed: the warning is read, never what it hides. */
  assert_sentence (json, FALSE,
                   "Ada Lovelace, 5 minutes ago: Content warning: Film spoilers. "
                   "3 replies, 1 boost, 0 favourites");
  /* Open: the warning, then the text and the media. */
  assert_sentence (json, TRUE,
                   "Ada Lovelace, 5 minutes ago: Content warning: Film spoilers. The butler did it. "
                   "1 image: The butler. 3 replies, 1 boost, 0 favourites");
}

static void
test_media (void)
{
  /* How many of each kind, and the descriptions there are. */
  assert_sentence (POST ("\"content\":\"<p>Our cafés</p>\",\"media_attachments\":["
                         "{\"id\":\"1\",\"type\":\"image\",\"url\":\"https://example.org/1.png\",\"description\":\"A cat\"},"
                         "{\"id\":\"2\",\"type\":\"image\",\"url\":\"https://example.org/2.png\",\"description\":null},"
                         "{\"id\":\"3\",\"type\":\"video\",\"url\":\"https://example.org/3.mp4\",\"description\":\"A dog runs\"}]"),
                   TRUE,
                   "Ada Lovelace, 5 minutes ago: Our cafés. 2 images, 1 video: A cat; A dog runs. "
                   "3 replies, 1 boost, 0 favourites");
  /* A description that ends its sentence is not given a second full stop. */
  assert_sentence (POST ("\"content\":\"<p>Our shop</p>\",\"media_attachments\":["
                         "{\"id\":\"1\",\"type\":\"image\",\"url\":\"https://example.org/1.png\","
                         "\"description\":\"The shop front, in the morning.\"}]"),
                   TRUE,
                   "Ada Lovelace, 5 minutes ago: Our shop. 1 image: The shop front, in the morning. "
                   "3 replies, 1 boost, 0 favourites");
  /* A post of pictures only reads them at once. */
  assert_sentence (POST ("\"content\":\"\",\"media_attachments\":["
                         "{\"id\":\"1\",\"type\":\"gifv\",\"url\":\"https://example.org/1.mp4\"}]"),
                   TRUE,
                   "Ada Lovelace, 5 minutes ago: 1 video. 3 replies, 1 boost, 0 favourites");
}

static void
test_poll (void)
{
  assert_sentence (POST ("\"content\":\"<p>Tea or coffee?</p>\",\"poll\":{\"id\":\"5\","
                         "\"expires_at\":\"2026-01-02T12:00:00.000Z\",\"expired\":false,\"multiple\":false,"
                         "\"votes_count\":12,\"options\":[{\"title\":\"Tea\",\"votes_count\":5},"
                         "{\"title\":\"Coffee\",\"votes_count\":7}],\"emojis\":[]}"),
                   TRUE,
                   "Ada Lovelace, 5 minutes ago: Tea or coffee? Poll: Tea, Coffee (12 votes). "
                   "3 replies, 1 boost, 0 favourites");
  assert_sentence (POST ("\"content\":\"<p>Tea or coffee?</p>\",\"poll\":{\"id\":\"5\","
                         "\"expires_at\":\"2026-01-01T11:00:00.000Z\",\"expired\":true,\"multiple\":false,"
                         "\"votes_count\":1,\"options\":[{\"title\":\"Tea\",\"votes_count\":1},"
                         "{\"title\":\"Coffee\",\"votes_count\":0}],\"emojis\":[]}"),
                   TRUE,
                   "Ada Lovelace, 5 minutes ago: Tea or coffee? Poll: Tea, Coffee (1 vote, closed). "
                   "3 replies, 1 boost, 0 favourites");
}

static void
test_emoji_names (void)
{
  /* A custom emoji's shortcode is not read as part of a name. */
  assert_sentence ("{\"id\":\"99\",\"uri\":\"https://example.org/statuses/99\","
                   "\"created_at\":\"2026-01-01T12:05:00.000Z\",\"visibility\":\"public\","
                   "\"account\":{\"id\":\"8\",\"username\":\"ada\",\"acct\":\"ada@example.org\","
                   "\"display_name\":\"Ada :blobcat: Lovelace\",\"emojis\":[{\"shortcode\":\"blobcat\","
                   "\"url\":\"https://example.org/blobcat.png\",\"static_url\":\"https://example.org/blobcat.png\"}]},"
                   "\"content\":\"<p>Hi</p>\",\"replies_count\":0,\"reblogs_count\":0,\"favourites_count\":1}",
                   TRUE,
                   "Ada Lovelace, just now: Hi. 0 replies, 0 boosts, 1 favourite");
}

#define CACHED_POST(content, extra) "{\"id\":\"120\",\"uri\":\"https://example.org/statuses/120\"," \
                                    "\"created_at\":\"2026-01-01T12:00:00.000Z\",\"visibility\":\"public\"," \
                                    AUTHOR "," COUNTS ",\"content\":\"" content "\"" extra "}"
#define BLOBCAT "{\"shortcode\":\"blobcat\",\"url\":\"https://example.org/blobcat.png\"," \
                "\"static_url\":\"https://example.org/blobcat.png\"}"
#define QUOTE ",\"quote\":{\"state\":\"accepted\",\"quoted_status\":{\"id\":\"7\"," \
              "\"uri\":\"https://example.org/statuses/7\",\"content\":\"<p>Quoted</p>\"," AUTHOR "}}"

/* Decodes @json through @map, as a page or the stream would: a status
 * already alive is updated in place. */
static StarlingStatus *
decode_into (StarlingEntityMap *map,
             const char        *json)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = starling_json_parse (json, -1, &error);
  StarlingStatus *status;

  g_assert_no_error (error);
  status = starling_entity_decode (STARLING_TYPE_STATUS, node, map, &error);
  g_assert_no_error (error);

  return status;
}

static void
test_content_cache (void)
{
  g_autoptr (StarlingEntityMap) map = starling_entity_map_new ();
  g_autoptr (StarlingStatus) status = decode_into (map, CACHED_POST ("<p>Tea :blobcat: time</p>", ""));
  g_autoptr (StarlingStatus) same = NULL;
  g_autoptr (StarlingStatus) edited = NULL;
  g_autoptr (StarlingStatus) with_emoji = NULL;
  g_autoptr (StarlingStatus) quoting = NULL;
  g_autoptr (StarlingRichText) first = starling_status_text_dup_content (status);
  g_autoptr (StarlingRichText) again = starling_status_text_dup_content (status);
  g_autoptr (StarlingRichText) after_copy = NULL;
  g_autoptr (StarlingRichText) after_edit = NULL;
  g_autoptr (StarlingRichText) after_emoji = NULL;
  g_autoptr (StarlingRichText) after_quote = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 1, 1, 12, 5, 0);
  g_autofree char *sentence = NULL;

  /* Converted once: a second row (or the same one, recycled) gets the
   * same object. Without the status's emoji the shortcode stays text. */
  g_assert_true (first == again);
  g_assert_cmpstr (starling_rich_text_get_text (first), ==, "Tea :blobcat: time");
  g_assert_cmpuint (starling_rich_text_get_n_emojis (first), ==, 0);

  /* A newer copy with the same content keeps it. */
  same = decode_into (map, CACHED_POST ("<p>Tea :blobcat: time</p>", ",\"favourites_count\":5"));
  g_assert_true (same == status);
  after_copy = starling_status_text_dup_content (status);
  g_assert_true (after_copy == first);

  /* An edit updates the object in place; its text is made again. */
  edited = decode_into (map, CACHED_POST ("<p>Coffee :blobcat: time</p>", ",\"edited_at\":\"2026-01-01T12:03:00.000Z\""));
  g_assert_true (edited == status);
  after_edit = starling_status_text_dup_content (status);
  g_assert_true (after_edit != first);
  g_assert_cmpstr (starling_rich_text_get_text (after_edit), ==, "Coffee :blobcat: time");
  sentence = starling_status_text_accessible_label (status, now, TRUE);
  g_assert_cmpstr (sentence, ==, "Ada Lovelace, 5 minutes ago: Coffee :blobcat: time. 3 replies, 1 boost, 0 favourites");

  /* The same HTML with the emoji now known: a picture takes the shortcode's place. */
  with_emoji = decode_into (map, CACHED_POST ("<p>Coffee :blobcat: time</p>", ",\"emojis\":[" BLOBCAT "]"));
  g_assert_true (with_emoji == status);
  after_emoji = starling_status_text_dup_content (status);
  g_assert_true (after_emoji != after_edit);
  g_assert_cmpstr (starling_rich_text_get_text (after_emoji), ==, "Coffee \xef\xbf\xbc time");
  g_assert_cmpuint (starling_rich_text_get_n_emojis (after_emoji), ==, 1);

  /* A quote hides the inline fallback that goes with it. */
  quoting = decode_into (map, CACHED_POST ("<p>Coffee :blobcat: time<span class=\\\"quote-inline\\\"> RE: x</span></p>",
                                           ",\"emojis\":[" BLOBCAT "]" QUOTE));
  g_assert_true (quoting == status);
  after_quote = starling_status_text_dup_content (status);
  g_assert_cmpstr (starling_rich_text_get_text (after_quote), ==, "Coffee \xef\xbf\xbc time");
  g_clear_pointer (&sentence, g_free);
  sentence = starling_status_text_accessible_label (status, now, TRUE);
  g_assert_true (strstr (sentence, "RE: x") != NULL);

  /* The cache goes with the status. */
  g_clear_object (&same);
  g_clear_object (&edited);
  g_clear_object (&with_emoji);
  g_clear_object (&quoting);
  g_assert_finalize_object (g_steal_pointer (&status));
}

static void
test_name_cache (void)
{
  g_autoptr (StarlingEntityMap) map = starling_entity_map_new ();
  g_autoptr (StarlingStatus) status = decode_into (map, CACHED_POST ("<p>Hi</p>", ""));
  g_autoptr (StarlingStatus) renamed = NULL;
  g_autoptr (StarlingStatus) with_emoji = NULL;
  StarlingAccount *author = starling_status_get_account (status);
  g_autoptr (StarlingRichText) first = starling_status_text_dup_name (author);
  g_autoptr (StarlingRichText) again = starling_status_text_dup_name (author);
  g_autoptr (StarlingRichText) after_rename = NULL;
  g_autoptr (StarlingRichText) after_emoji = NULL;

  /* One per account, its markup escaped. */
  g_assert_true (first == again);
  g_assert_cmpstr (starling_rich_text_get_text (first), ==, "Ada Lovelace");

  /* A new name (a newer copy of the account) is made again, and a name
   * is text, not markup. */
  renamed = decode_into (map, "{\"id\":\"121\",\"uri\":\"https://example.org/statuses/121\","
                              "\"account\":{\"id\":\"8\",\"username\":\"ada\",\"acct\":\"ada@example.org\","
                              "\"display_name\":\"Ada <b>:blobcat:</b> & co\"},\"content\":\"\"}");
  g_assert_true (starling_status_get_account (renamed) == author);
  after_rename = starling_status_text_dup_name (author);
  g_assert_true (after_rename != first);
  g_assert_cmpstr (starling_rich_text_get_text (after_rename), ==, "Ada <b>:blobcat:</b> & co");

  /* The same name with its emoji now known. */
  with_emoji = decode_into (map, "{\"id\":\"122\",\"uri\":\"https://example.org/statuses/122\","
                                 "\"account\":{\"id\":\"8\",\"username\":\"ada\",\"acct\":\"ada@example.org\","
                                 "\"display_name\":\"Ada <b>:blobcat:</b> & co\",\"emojis\":[" BLOBCAT "]},"
                                 "\"content\":\"\"}");
  after_emoji = starling_status_text_dup_name (author);
  g_assert_true (after_emoji != after_rename);
  g_assert_cmpstr (starling_rich_text_get_text (after_emoji), ==, "Ada <b>\xef\xbf\xbc</b> & co");
  g_assert_cmpuint (starling_rich_text_get_n_emojis (after_emoji), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/starling/status-text/plain", test_plain);
  g_test_add_func ("/starling/status-text/boost", test_boost);
  g_test_add_func ("/starling/status-text/content-warning", test_content_warning);
  g_test_add_func ("/starling/status-text/media", test_media);
  g_test_add_func ("/starling/status-text/poll", test_poll);
  g_test_add_func ("/starling/status-text/emoji-names", test_emoji_names);
  g_test_add_func ("/starling/status-text/content-cache", test_content_cache);
  g_test_add_func ("/starling/status-text/name-cache", test_name_cache);

  return g_test_run ();
}
