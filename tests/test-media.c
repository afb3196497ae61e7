/* test-media.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The smaller entities a status holds: media attachments, polls, preview
 * cards, tags, mentions, applications and custom emoji.
 */

#include "config.h"

#include <string.h>

#include "model/starling-client-application.h"
#include "model/starling-custom-emoji.h"
#include "model/starling-media-attachment.h"
#include "model/starling-mention.h"
#include "model/starling-poll-option.h"
#include "model/starling-poll.h"
#include "model/starling-preview-card.h"
#include "model/starling-tag-history.h"
#include "model/starling-tag.h"

#include "starling-test-data.h"

static gpointer
decode_text (GType               type,
             const char         *json,
             StarlingEntityMap  *map,
             GError            **error)
{
  g_autoptr (JsonNode) node = starling_json_parse (json, -1, NULL);

  g_assert_nonnull (node);

  return starling_entity_decode (type, node, map, error);
}

static GDateTime *
utc (const char *iso)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_utc ();
  GDateTime *time = g_date_time_new_from_iso8601 (iso, zone);

  g_assert_nonnull (time);

  return time;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

static void
test_media_fixtures (void)
{
  static const struct {
    const char *path;
    const char *id;
    StarlingMediaType type;
    int width;
    int height;
    double aspect;
    double focus_x;
    double focus_y;
    gboolean has_url;
    gboolean has_blurhash;
  } cases[] = {
    { "mastodon/media-attachment-image.json", "22345792", STARLING_MEDIA_TYPE_IMAGE, 640, 480, 640.0 / 480, -0.27, 0.51, TRUE, TRUE },
    { "mastodon/media-attachment-video.json", "22546306", STARLING_MEDIA_TYPE_VIDEO, 1280, 720, 1280.0 / 720, 0, 0, TRUE, TRUE },
    { "mastodon/media-attachment-gifv.json", "21130559", STARLING_MEDIA_TYPE_GIFV, 600, 332, 600.0 / 332, 0, 0, TRUE, TRUE },
    { "mastodon/media-attachment-audio.json", "21165404", STARLING_MEDIA_TYPE_AUDIO, 0, 0, 0, 0, 0, TRUE, FALSE },
    { "mastodon/media-attachment-unknown.json", "22348456", STARLING_MEDIA_TYPE_UNKNOWN, 0, 0, 0, -0.69, 0.42, TRUE, FALSE },
    { "mastodon/media-attachment-v2-processing.json", "22348641", STARLING_MEDIA_TYPE_IMAGE, 640, 480, 640.0 / 480, -0.69, 0.42, FALSE, TRUE },
    { "mastodon/media-attachment-v2-done.json", "22348641", STARLING_MEDIA_TYPE_IMAGE, 640, 480, 640.0 / 480, -0.42, 0.69, TRUE, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (StarlingMediaAttachment) media = starling_test_decode_fixture (STARLING_TYPE_MEDIA_ATTACHMENT, cases[i].path);

      g_assert_cmpstr (starling_media_attachment_get_id (media), ==, cases[i].id);
      g_assert_cmpint (starling_media_attachment_get_media_type (media), ==, cases[i].type);
      g_assert_cmpint (starling_media_attachment_get_width (media), ==, cases[i].width);
      g_assert_cmpint (starling_media_attachment_get_height (media), ==, cases[i].height);
      g_assert_cmpfloat_with_epsilon (starling_media_attachment_get_aspect (media), cases[i].aspect, 1e-9);
      g_assert_cmpfloat_with_epsilon (starling_media_attachment_get_focus_x (media), cases[i].focus_x, 1e-9);
      g_assert_cmpfloat_with_epsilon (starling_media_attachment_get_focus_y (media), cases[i].focus_y, 1e-9);
      g_assert_true ((starling_media_attachment_get_url (media) != NULL) == cases[i].has_url);
      g_assert_true ((starling_media_attachment_get_blurhash (media) != NULL) == cases[i].has_blurhash);
      g_assert_nonnull (starling_media_attachment_get_preview_url (media));
      g_assert_null (starling_media_attachment_get_remote_url (media));
      g_assert_nonnull (starling_media_attachment_get_meta (media));
    }

  {
    g_autoptr (StarlingMediaAttachment) media = starling_test_decode_fixture (STARLING_TYPE_MEDIA_ATTACHMENT,
                                                                "mastodon/media-attachment-image.json");

    g_assert_cmpstr (starling_media_attachment_get_description (media), ==, "test media description");
    g_assert_cmpstr (starling_media_attachment_get_blurhash (media), ==, "UFBWY:8_0Jxv4mx]t8t64.%M-:IUWGWAt6M}");
    g_assert_cmpstr (starling_media_attachment_get_url (media), ==,
                     "https://files.mastodon.social/media_attachments/files/022/345/792/original/57859aede991da25.jpeg");
  }
}

static void
test_media_meta_shapes (void)
{
  static const struct {
    const char *meta;
    int width;
    int height;
    double aspect;
    double focus_x;
    double focus_y;
  } cases[] = {
    /* Firefish: not nested under original. */
    { "{\"width\": 800, \"height\": 400}", 800, 400, 2.0, 0, 0 },
    /* Only small. */
    { "{\"small\": {\"width\": 400, \"height\": 100}}", 400, 100, 4.0, 0, 0 },
    /* original wins over small and the top level. */
    { "{\"width\": 1, \"height\": 1, \"small\": {\"width\": 2, \"height\": 1},"
      " \"original\": {\"width\": 30, \"height\": 10}}", 30, 10, 3.0, 0, 0 },
    /* A size string only; numbers as strings. */
    { "{\"original\": {\"size\": \"640x480\"}}", 640, 480, 640.0 / 480, 0, 0 },
    { "{\"original\": {\"width\": \"320\", \"height\": \"160\"}}", 320, 160, 2.0, 0, 0 },
    /* An aspect without a size. */
    { "{\"original\": {\"aspect\": 1.5}}", 0, 0, 1.5, 0, 0 },
    /* Hostile: zero, negative, huge, nonsense, focus out of range. */
    { "{\"original\": {\"width\": 0, \"height\": 480}}", 0, 0, 0, 0, 0 },
    { "{\"original\": {\"width\": -640, \"height\": -480, \"aspect\": -2}}", 0, 0, 0, 0, 0 },
    { "{\"original\": {\"width\": 1e300, \"height\": 1}}", G_MAXINT, 1, (double) G_MAXINT, 0, 0 },
    { "{\"original\": {\"width\": true, \"height\": [1], \"size\": \"axb\"}}", 0, 0, 0, 0, 0 },
    { "{\"original\": {\"size\": \"640x\"}, \"small\": \"400x300\"}", 0, 0, 0, 0, 0 },
    { "{\"focus\": {\"x\": 5, \"y\": -7}}", 0, 0, 0, 1.0, -1.0 },
    { "{\"focus\": {\"x\": \"0.5\", \"y\": null}}", 0, 0, 0, 0.5, 0 },
    { "{\"focus\": [0.5, 0.5]}", 0, 0, 0, 0, 0 },
    { "[]", 0, 0, 0, 0, 0 },
    { "\"640x480\"", 0, 0, 0, 0, 0 },
    { "null", 0, 0, 0, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"id\": \"1\", \"type\": \"image\", \"meta\": %s}", cases[i].meta);
      g_autoptr (GError) error = NULL;
      g_autoptr (StarlingMediaAttachment) media = NULL;

      media = decode_text (STARLING_TYPE_MEDIA_ATTACHMENT, json, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (starling_media_attachment_get_width (media), ==, cases[i].width);
      g_assert_cmpint (starling_media_attachment_get_height (media), ==, cases[i].height);
      g_assert_cmpfloat_with_epsilon (starling_media_attachment_get_aspect (media), cases[i].aspect, 1e-9);
      g_assert_cmpfloat_with_epsilon (starling_media_attachment_get_focus_x (media), cases[i].focus_x, 1e-9);
      g_assert_cmpfloat_with_epsilon (starling_media_attachment_get_focus_y (media), cases[i].focus_y, 1e-9);
    }

  /* The derived values are not read from members of their own. */
  {
    g_autoptr (StarlingMediaAttachment) media = decode_text (
      STARLING_TYPE_MEDIA_ATTACHMENT,
      "{\"id\": \"1\", \"width\": 5, \"height\": 5, \"aspect\": 9, \"focus_x\": 1}", NULL, NULL);

    g_assert_cmpint (starling_media_attachment_get_width (media), ==, 0);
    g_assert_cmpfloat (starling_media_attachment_get_focus_x (media), ==, 0.0);
  }

  /* Types. */
  {
    g_autoptr (StarlingMediaAttachment) media = decode_text (
      STARLING_TYPE_MEDIA_ATTACHMENT, "{\"id\": 99, \"type\": \"hologram\"}", NULL, NULL);

    g_assert_cmpstr (starling_media_attachment_get_id (media), ==, "99");
    g_assert_cmpint (starling_media_attachment_get_media_type (media), ==, STARLING_MEDIA_TYPE_UNKNOWN);
  }
}

static void
test_media_identity (void)
{
  g_autoptr (StarlingEntityMap) map = starling_entity_map_new ();
  g_autoptr (JsonNode) processing = starling_test_load_json ("mastodon/media-attachment-v2-processing.json");
  g_autoptr (JsonNode) done = starling_test_load_json ("mastodon/media-attachment-v2-done.json");
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  StarlingMediaAttachment *media;
  StarlingMediaAttachment *again;

  media = starling_entity_decode (STARLING_TYPE_MEDIA_ATTACHMENT, processing, map, &error);
  g_assert_no_error (error);
  g_assert_null (starling_media_attachment_get_url (media));
  g_signal_connect (media, "notify", G_CALLBACK (count_notify_cb), names);

  /* Polling until the upload is processed: the same object fills in, and
   * what is derived from `meta` follows it. */
  again = starling_entity_decode (STARLING_TYPE_MEDIA_ATTACHMENT, done, map, &error);
  g_assert_no_error (error);
  g_assert_true (again == media);
  g_assert_nonnull (starling_media_attachment_get_url (media));
  g_assert_cmpfloat_with_epsilon (starling_media_attachment_get_focus_x (media), -0.42, 1e-9);
  g_assert_cmpfloat_with_epsilon (starling_media_attachment_get_focus_y (media), 0.69, 1e-9);
  g_assert_cmpint (starling_media_attachment_get_width (media), ==, 640);
  g_assert_true (g_ptr_array_find_with_equal_func (names, "url", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "meta", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "focus-x", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "focus-y", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (names, "width", g_str_equal, NULL));
  g_object_unref (again);

  g_signal_handlers_disconnect_by_func (media, count_notify_cb, names);
  g_assert_finalize_object (media);
  g_assert_cmpuint (starling_entity_map_get_size (map), ==, 0);
}

static void
test_polls (void)
{
  g_autoptr (StarlingPoll) poll = starling_test_decode_fixture (STARLING_TYPE_POLL, "mastodon/poll.json");
  g_autoptr (StarlingPoll) voted = starling_test_decode_fixture (STARLING_TYPE_POLL, "mastodon/poll-after-vote.json");
  g_autoptr (GArray) votes = NULL;
  g_autoptr (GDateTime) before = utc ("2019-12-05T10:00:00Z");
  g_autoptr (GDateTime) after = utc ("2019-12-05T12:00:00Z");
  GPtrArray *options;
  static const guint expected[] = { 0, 2, 4, 9, 6 };

  g_assert_cmpstr (starling_poll_get_id (poll), ==, "34830");
  g_assert_true (starling_poll_get_expired (poll));
  g_assert_false (starling_poll_get_multiple (poll));
  g_assert_cmpint (starling_poll_get_votes_count (poll), ==, 10);
  g_assert_cmpint (starling_poll_get_voters_count (poll), ==, -1);
  g_assert_true (starling_poll_get_voted (poll));
  g_assert_cmpint (g_date_time_to_unix (starling_poll_get_expires_at (poll)), ==, 1575518708);
  options = starling_poll_get_options (poll);
  g_assert_cmpuint (options->len, ==, 2);
  g_assert_cmpstr (starling_poll_option_get_title (options->pdata[0]), ==, "accept");
  g_assert_cmpint (starling_poll_option_get_votes_count (options->pdata[0]), ==, 6);
  g_assert_cmpstr (starling_poll_option_get_title (options->pdata[1]), ==, "deny");
  g_assert_cmpint (starling_poll_option_get_votes_count (options->pdata[1]), ==, 4);
  votes = starling_poll_dup_own_votes (poll);
  g_assert_cmpuint (votes->len, ==, 1);
  g_assert_cmpuint (g_array_index (votes, guint, 0), ==, 1);
  g_assert_true (starling_poll_has_own_vote (poll, 1));
  g_assert_false (starling_poll_has_own_vote (poll, 0));
  /* Expired says closed, whatever the time. */
  g_assert_false (starling_poll_is_open (poll, before));
  g_assert_cmpuint (starling_poll_get_emojis (poll)->len, ==, 0);
  g_clear_pointer (&votes, g_array_unref);

  g_assert_true (starling_poll_get_multiple (voted));
  g_assert_cmpuint (starling_poll_get_options (voted)->len, ==, 10);
  votes = starling_poll_dup_own_votes (voted);
  g_assert_cmpuint (votes->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpuint (g_array_index (votes, guint, i), ==, expected[i]);
  g_assert_true (starling_poll_is_open (voted, before));
  g_assert_false (starling_poll_is_open (voted, after));
}

static void
test_poll_hostile (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingPoll) poll = NULL;
  g_autoptr (StarlingPoll) bare = NULL;
  g_autoptr (GArray) votes = NULL;
  GPtrArray *options;

  poll = decode_text (STARLING_TYPE_POLL,
                      "{\"id\": 5, \"votes_count\": \"7\", \"voters_count\": -9, \"expires_at\": null,"
                      " \"own_votes\": [-1, 1.5, \"2\", 99, 2, null, {}, 0, \"x\", 3],"
                      " \"options\": [{\"title\": \"a\", \"votes_count\": null}, {\"title\": \"<b>\"},"
                      "   {\"title\": \"c\", \"votes_count\": -4}, {\"votes_count\": 3}, {\"title\": \"d\", \"votes_count\": \"2\"}]}",
                      NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (starling_poll_get_id (poll), ==, "5");
  g_assert_cmpint (starling_poll_get_votes_count (poll), ==, 7);
  g_assert_cmpint (starling_poll_get_voters_count (poll), ==, -1);
  /* No end: open until the server says it expired. */
  g_assert_true (starling_poll_is_open (poll, NULL));

  options = starling_poll_get_options (poll);
  g_assert_cmpuint (options->len, ==, 4);
  g_assert_cmpint (starling_poll_option_get_votes_count (options->pdata[0]), ==, -1);
  g_assert_cmpstr (starling_poll_option_get_title (options->pdata[1]), ==, "<b>");
  g_assert_cmpint (starling_poll_option_get_votes_count (options->pdata[1]), ==, -1);
  g_assert_cmpint (starling_poll_option_get_votes_count (options->pdata[2]), ==, -1);
  g_assert_cmpint (starling_poll_option_get_votes_count (options->pdata[3]), ==, 2);

  /* Only indexes of options, each once, in the server's order. */
  votes = starling_poll_dup_own_votes (poll);
  g_assert_cmpuint (votes->len, ==, 3);
  g_assert_cmpuint (g_array_index (votes, guint, 0), ==, 2);
  g_assert_cmpuint (g_array_index (votes, guint, 1), ==, 0);
  g_assert_cmpuint (g_array_index (votes, guint, 2), ==, 3);
  g_assert_false (starling_poll_has_own_vote (poll, 99));

  /* A poll as an edit history or a translation has it: options only. */
  bare = decode_text (STARLING_TYPE_POLL, "{\"options\": [{\"title\": \"Stay\"}, {\"title\": \"Go\"}], \"own_votes\": 1}",
                      NULL, &error);
  g_assert_no_error (error);
  g_assert_null (starling_poll_get_id (bare));
  g_assert_cmpint (starling_poll_option_get_votes_count (starling_poll_get_options (bare)->pdata[1]), ==, -1);
  g_clear_pointer (&votes, g_array_unref);
  votes = starling_poll_dup_own_votes (bare);
  g_assert_cmpuint (votes->len, ==, 0);
}

static void
test_poll_identity (void)
{
  g_autoptr (StarlingEntityMap) map = starling_entity_map_new ();
  g_autoptr (JsonNode) before = starling_test_load_json ("mastodon/poll.json");
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  StarlingPoll *poll;
  StarlingPoll *again;
  StarlingPollOption *option;

  poll = starling_entity_decode (STARLING_TYPE_POLL, before, map, &error);
  g_assert_no_error (error);
  option = starling_poll_get_options (poll)->pdata[0];
  g_signal_connect (poll, "notify", G_CALLBACK (count_notify_cb), names);

  /* One more vote for the first option. */
  again = decode_text (STARLING_TYPE_POLL,
                       "{\"id\": \"34830\", \"votes_count\": 11, \"own_votes\": [0, 1],"
                       " \"options\": [{\"title\": \"accept\", \"votes_count\": 7}, {\"title\": \"deny\", \"votes_count\": 4}]}",
                       map, &error);
  g_assert_no_error (error);
  g_assert_true (again == poll);
  /* The options were merged in place, so their watchers keep watching. */
  g_assert_true (starling_poll_get_options (poll)->pdata[0] == option);
  g_assert_cmpint (starling_poll_option_get_votes_count (option), ==, 7);
  g_assert_cmpint (starling_poll_get_votes_count (poll), ==, 11);
  g_assert_true (starling_poll_has_own_vote (poll, 0));
  g_assert_cmpuint (names->len, ==, 2);
  g_object_unref (again);

  g_signal_handlers_disconnect_by_func (poll, count_notify_cb, names);
  g_assert_finalize_object (poll);
  g_assert_cmpuint (starling_entity_map_get_size (map), ==, 0);
}

static void
test_preview_cards (void)
{
  g_autoptr (StarlingPreviewCard) link = starling_test_decode_fixture (STARLING_TYPE_PREVIEW_CARD, "mastodon/preview-card.json");
  g_autoptr (StarlingPreviewCard) photo = starling_test_decode_fixture (STARLING_TYPE_PREVIEW_CARD, "mastodon/preview-card-photo.json");
  g_autoptr (StarlingPreviewCard) video = starling_test_decode_fixture (STARLING_TYPE_PREVIEW_CARD, "mastodon/preview-card-video.json");
  g_autoptr (StarlingPreviewCard) sized = starling_test_decode_fixture (STARLING_TYPE_PREVIEW_CARD, "other-servers/card_string_size.json");
  g_autoptr (StarlingPreviewCard) trend = starling_test_decode_fixture (STARLING_TYPE_PREVIEW_CARD, "mastodon/trends-link.json");

  g_assert_cmpint (starling_preview_card_get_card_type (link), ==, STARLING_PREVIEW_CARD_TYPE_LINK);
  g_assert_cmpstr (starling_preview_card_get_description (link), ==,
                   "When Peter Teich’s money went to another Barclays customer, the bank offered £25 as a token gesture");
  g_assert_nonnull (starling_preview_card_get_authors (link));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (starling_preview_card_get_authors (link)));
  g_assert_null (starling_preview_card_get_author (link));
  g_assert_null (starling_preview_card_get_blurhash (link));
  g_assert_cmpint (starling_preview_card_get_width (link), ==, 0);
  g_assert_cmpstr (starling_preview_card_get_embed_url (link), ==, "");

  g_assert_cmpint (starling_preview_card_get_card_type (photo), ==, STARLING_PREVIEW_CARD_TYPE_PHOTO);
  g_assert_cmpstr (starling_preview_card_get_author (photo), ==, "Tom Fenske Photography");
  g_assert_cmpstr (starling_preview_card_get_provider_name (photo), ==, "Flickr");
  g_assert_cmpstr (starling_preview_card_get_provider_url (photo), ==, "https://www.flickr.com/");
  g_assert_cmpint (starling_preview_card_get_width (photo), ==, 1024);
  g_assert_cmpint (starling_preview_card_get_height (photo), ==, 427);
  g_assert_cmpstr (starling_preview_card_get_embed_url (photo), ==,
                   "https://live.staticflickr.com/65535/49088768431_6a4322b3bb_b.jpg");
  g_assert_cmpstr (starling_preview_card_get_blurhash (photo), ==, "UnE{@jt6M_oIAhjYs+ayT2WBf9ayRkkDXAj[");

  g_assert_cmpint (starling_preview_card_get_card_type (video), ==, STARLING_PREVIEW_CARD_TYPE_VIDEO);
  g_assert_true (g_str_has_prefix (starling_preview_card_get_html (video), "<iframe width=\"480\""));
  g_assert_cmpstr (starling_preview_card_get_author_url (video), ==, "https://www.youtube.com/user/BlueXephos");
  g_assert_cmpstr (starling_preview_card_get_title (video), ==, "♪ Brand New Friend (Christmas Song!)");

  /* Sizes as strings. */
  g_assert_cmpint (starling_preview_card_get_width (sized), ==, 520);
  g_assert_cmpint (starling_preview_card_get_height (sized), ==, 347);
  g_assert_null (starling_preview_card_get_author_url (sized));
  g_assert_cmpstr (starling_preview_card_get_author (sized), ==, "Author");

  g_assert_cmpstr (starling_preview_card_get_url (trend), ==,
                   "https://www.nbcnews.com/specials/plan-your-vote-2022-elections/index.html");
}

static void
test_preview_card_hostile (void)
{
  static const struct {
    const char *json;
    const char *author;
  } cases[] = {
    { "{\"url\": \"u\", \"authors\": [{\"name\": \"A\", \"url\": \"x\"}], \"author_name\": \"B\"}", "A" },
    { "{\"url\": \"u\", \"authors\": [{\"name\": \"\"}, 3, null, {\"name\": 5}, {\"name\": \"C\"}]}", "C" },
    { "{\"url\": \"u\", \"authors\": {\"name\": \"D\"}, \"author_name\": \"B\"}", "B" },
    { "{\"url\": \"u\", \"authors\": [], \"author_name\": \"\"}", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (StarlingPreviewCard) card = decode_text (STARLING_TYPE_PREVIEW_CARD, cases[i].json, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (starling_preview_card_get_author (card), ==, cases[i].author);
    }

  {
    g_autoptr (GError) error = NULL;
    g_autoptr (StarlingPreviewCard) card = decode_text (
      STARLING_TYPE_PREVIEW_CARD,
      "{\"url\": \"u\", \"type\": \"hologram\", \"width\": -5, \"height\": 1e12, \"published_at\": \"2024-08-16T21:07:13Z\"}",
      NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (starling_preview_card_get_card_type (card), ==, STARLING_PREVIEW_CARD_TYPE_UNKNOWN);
    g_assert_cmpint (starling_preview_card_get_width (card), ==, 0);
    g_assert_cmpint (starling_preview_card_get_height (card), ==, G_MAXINT);
    g_assert_cmpint (g_date_time_get_year (starling_preview_card_get_published_at (card)), ==, 2024);
  }

  {
    g_autoptr (GError) error = NULL;

    g_assert_null (decode_text (STARLING_TYPE_PREVIEW_CARD, "{\"title\": \"no url\"}", NULL, &error));
    g_assert_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_MISSING_FIELD);
    g_assert_nonnull (strstr (error->message, "“url”"));
  }
}

static void
test_tags (void)
{
  g_autoptr (StarlingTag) tag = starling_test_decode_fixture (STARLING_TYPE_TAG, "mastodon/tag.json");
  g_autoptr (StarlingTag) followed = starling_test_decode_fixture (STARLING_TYPE_TAG, "mastodon/tag-followed.json");
  g_autoptr (StarlingTag) other = starling_test_decode_fixture (STARLING_TYPE_TAG, "other-servers/tag.json");
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *history;

  g_assert_cmpstr (starling_tag_get_id (tag), ==, "802");
  g_assert_cmpstr (starling_tag_get_name (tag), ==, "nowplaying");
  g_assert_cmpstr (starling_tag_get_url (tag), ==, "https://mastodon.social/tags/nowplaying");
  g_assert_false (starling_tag_get_following (tag));
  g_assert_false (starling_tag_get_featuring (tag));
  history = starling_tag_get_history (tag);
  g_assert_cmpuint (history->len, ==, 7);
  /* Strings of digits, decoded as numbers. */
  g_assert_cmpint (starling_tag_history_get_day (history->pdata[0]), ==, 1574553600);
  g_assert_cmpint (starling_tag_history_get_uses (history->pdata[0]), ==, 200);
  g_assert_cmpint (starling_tag_history_get_accounts (history->pdata[0]), ==, 31);
  g_assert_cmpint (starling_tag_history_get_uses (history->pdata[6]), ==, 214);

  g_assert_cmpstr (starling_tag_get_name (followed), ==, "Caturday");
  g_assert_true (starling_tag_get_following (followed));
  g_assert_cmpint (starling_tag_history_get_accounts (starling_tag_get_history (followed)->pdata[3]), ==, 1);

  g_assert_cmpstr (starling_tag_get_name (other), ==, "tootsdk");
  g_assert_null (starling_tag_get_id (other));
  g_assert_cmpint (starling_tag_history_get_uses (starling_tag_get_history (other)->pdata[1]), ==, 3);

  g_signal_connect (tag, "notify", G_CALLBACK (count_notify_cb), names);
  starling_tag_set_following (tag, TRUE);
  starling_tag_set_following (tag, TRUE);
  g_assert_true (starling_tag_get_following (tag));
  g_assert_cmpuint (names->len, ==, 1);
  g_signal_handlers_disconnect_by_func (tag, count_notify_cb, names);

  /* Hostile history and a missing name. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (StarlingTag) hostile = decode_text (
      STARLING_TYPE_TAG,
      "{\"name\": \"x\", \"history\": [{\"day\": \"yesterday\"}, {\"day\": \"1\", \"uses\": \"-4\", \"accounts\": \"1e400\"}]}",
      NULL, &error);

    g_assert_no_error (error);
    history = starling_tag_get_history (hostile);
    g_assert_cmpuint (history->len, ==, 1);
    g_assert_cmpint (starling_tag_history_get_uses (history->pdata[0]), ==, 0);
    g_assert_cmpint (starling_tag_history_get_accounts (history->pdata[0]), ==, 0);

    g_assert_null (decode_text (STARLING_TYPE_TAG, "{\"url\": \"u\"}", NULL, &error));
    g_assert_nonnull (strstr (error->message, "“name”"));
  }
}

static void
test_mentions (void)
{
  static const struct {
    const char *json;
    const char *missing;
  } bad[] = {
    { "{\"username\": \"a\", \"acct\": \"a\"}", "id" },
    { "{\"id\": \"1\", \"username\": \"a\"}", "acct" },
    { "{\"id\": {}, \"acct\": \"a\"}", "id" },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingMention) mention = decode_text (
    STARLING_TYPE_MENTION,
    "{\"id\": 107946650784398271, \"username\": \"disarray\", \"url\": \"https://pl.nulled.red/users/disarray\","
    " \"acct\": \"disarray@pl.nulled.red\"}",
    NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (starling_mention_get_id (mention), ==, "107946650784398271");
  g_assert_cmpstr (starling_mention_get_acct (mention), ==, "disarray@pl.nulled.red");
  g_assert_cmpstr (starling_mention_get_username (mention), ==, "disarray");
  g_assert_cmpstr (starling_mention_get_url (mention), ==, "https://pl.nulled.red/users/disarray");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) local_error = NULL;
      g_autofree char *quoted = g_strdup_printf ("“%s”", bad[i].missing);

      g_assert_null (decode_text (STARLING_TYPE_MENTION, bad[i].json, NULL, &local_error));
      g_assert_error (local_error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_MISSING_FIELD);
      g_assert_nonnull (strstr (local_error->message, quoted));
    }
}

static void
test_applications (void)
{
  g_autoptr (StarlingClientApplication) app = starling_test_decode_fixture (STARLING_TYPE_CLIENT_APPLICATION, "mastodon/application.json");
  g_autoptr (StarlingClientApplication) credential = starling_test_decode_fixture (STARLING_TYPE_CLIENT_APPLICATION,
                                                               "mastodon/application-credential.json");
  g_autoptr (StarlingClientApplication) multi = starling_test_decode_fixture (STARLING_TYPE_CLIENT_APPLICATION,
                                                          "mastodon/application-credential-multi-redirect.json");
  static const char * const scopes[] = { "read", "write", "push", NULL };
  static const char * const redirects[] = { "https://app.example/callback", "https://app.example/register", NULL };
  static const char * const oob[] = { "urn:ietf:wg:oauth:2.0:oob", NULL };

  g_assert_cmpstr (starling_client_application_get_id (app), ==, "12348");
  g_assert_cmpstr (starling_client_application_get_name (app), ==, "Test Application");
  g_assert_cmpstr (starling_client_application_get_website (app), ==, "https://app.example");
  g_assert_true (g_strv_equal (starling_client_application_get_scopes (app), scopes));
  g_assert_true (g_strv_equal (starling_client_application_get_redirect_uris (app), redirects));
  g_assert_null (starling_client_application_get_client_id (app));
  g_assert_null (starling_client_application_get_client_secret (app));

  g_assert_cmpstr (starling_client_application_get_id (credential), ==, "563419");
  g_assert_cmpstr (starling_client_application_get_client_id (credential), ==, "TWhM-tNSuncnqN7DBJmoyeLnk6K3iJJ71KKXxgL1hPM");
  g_assert_cmpstr (starling_client_application_get_client_secret (credential), ==, "ZEaFUFmF0umgBX1qKJDjaU99Q31lDkOU8NutzTOoliw");
  g_assert_cmpint (starling_client_application_get_client_secret_expires_at (credential), ==, 0);
  g_assert_true (g_strv_equal (starling_client_application_get_redirect_uris (credential), oob));
  g_assert_true (g_strv_equal (starling_client_application_get_scopes (credential), scopes));
  g_assert_null (starling_client_application_get_vapid_key (credential));

  g_assert_true (g_strv_equal (starling_client_application_get_redirect_uris (multi), redirects));

  /* Before 4.3: only `redirect_uri`, joined by newlines, and scopes as the
   * OAuth string, or as a lone string where a list is documented. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (StarlingClientApplication) old = decode_text (
      STARLING_TYPE_CLIENT_APPLICATION,
      "{\"id\": 7, \"name\": \"Starling\", \"redirect_uri\": \"https://a/1\\nhttps://a/2\\r\\n\","
      " \"scopes\": \"read  write+push\", \"vapid_key\": \"BK\", \"client_secret_expires_at\": 1893456000}",
      NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (starling_client_application_get_id (old), ==, "7");
    g_assert_cmpuint (g_strv_length ((GStrv) starling_client_application_get_redirect_uris (old)), ==, 2);
    g_assert_cmpstr (starling_client_application_get_redirect_uris (old)[1], ==, "https://a/2");
    g_assert_true (g_strv_equal (starling_client_application_get_scopes (old), scopes));
    g_assert_cmpstr (starling_client_application_get_vapid_key (old), ==, "BK");
    g_assert_cmpint (starling_client_application_get_client_secret_expires_at (old), ==, 1893456000);
  }

  {
    g_autoptr (GError) error = NULL;
    g_autoptr (StarlingClientApplication) odd = decode_text (
      STARLING_TYPE_CLIENT_APPLICATION,
      "{\"name\": \"x\", \"redirect_uris\": \"urn:ietf:wg:oauth:2.0:oob\", \"redirect_uri\": \"ignored\","
      " \"scopes\": [\"read\", 3, null]}",
      NULL, &error);

    g_assert_no_error (error);
    g_assert_true (g_strv_equal (starling_client_application_get_redirect_uris (odd), oob));
    g_assert_cmpuint (g_strv_length ((GStrv) starling_client_application_get_scopes (odd)), ==, 2);
  }
}

static void
test_custom_emoji (void)
{
  g_autoptr (StarlingCustomEmoji) emoji = starling_test_decode_fixture (STARLING_TYPE_CUSTOM_EMOJI, "mastodon/custom-emoji.json");

  g_assert_cmpstr (starling_custom_emoji_get_shortcode (emoji), ==, "blobaww");
  g_assert_cmpstr (starling_custom_emoji_get_url (emoji), ==,
                   "https://files.mastodon.social/custom_emojis/images/000/011/739/original/blobaww.png");
  g_assert_cmpstr (starling_custom_emoji_get_static_url (emoji), ==,
                   "https://files.mastodon.social/custom_emojis/images/000/011/739/static/blobaww.png");
  g_assert_true (starling_custom_emoji_get_visible_in_picker (emoji));
  g_assert_cmpstr (starling_custom_emoji_get_category (emoji), ==, "Blobs");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/starling/media/attachment-fixtures", test_media_fixtures);
  g_test_add_func ("/starling/media/attachment-meta-shapes", test_media_meta_shapes);
  g_test_add_func ("/starling/media/attachment-identity", test_media_identity);
  g_test_add_func ("/starling/media/polls", test_polls);
  g_test_add_func ("/starling/media/poll-hostile", test_poll_hostile);
  g_test_add_func ("/starling/media/poll-identity", test_poll_identity);
  g_test_add_func ("/starling/media/preview-cards", test_preview_cards);
  g_test_add_func ("/starling/media/preview-card-hostile", test_preview_card_hostile);
  g_test_add_func ("/starling/media/tags", test_tags);
  g_test_add_func ("/starling/media/mentions", test_mentions);
  g_test_add_func ("/starling/media/applications", test_applications);
  g_test_add_func ("/starling/media/custom-emoji", test_custom_emoji);

  return g_test_run ();
}
