/* test-status-text.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sentence a screen reader reads for a post row, for each kind of
 * post: a plain one, a boost, a content warning closed and open, media
 * with and without descriptions, a poll open and closed, names with
 * custom emoji. Pure functions of the model: no display.
 */

#include "config.h"

#include <string.h>

#include "model/starling-entity.h"
#include "model/starling-status.h"
#include "ui/status/starling-status-text.h"

#define AUTHOR "\"account\":{\"id\":\"8\",\"username\":\"ada\",\"acct\":\"ada@example.org\"," \
               "\"display_name\":\"Ada Lovelace\"}"
#define COUNTS "\"replies_count\":3,\"reblogs_count\":1,\"favourites_count\":0"
#define POST(extra) "{\"id\":\"99\",\"uri\":\"https://example.org/statuses/99\"," \
                    "\"created_at\":\"2026-01-01T12:00:00.000Z\",\"visibility\":\"public\"," \
                    AUTHOR "," COUNTS "," extra "}"

static StarlingStatus *
decode_status (const char *json)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = starling_json_parse (json, -1, &error);
  StarlingStatus *status;

  g_assert_no_error (error);
  status = starling_entity_decode (STARLING_TYPE_STATUS, node, NULL, &error);
  g_assert_no_error (error);

  return status;
}

static void
assert_sentence (const char *json,
                 gboolean    content_shown,
                 const char *expected)
{
  g_autoptr (StarlingStatus) status = decode_status (json);
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

  return g_test_run ();
}
