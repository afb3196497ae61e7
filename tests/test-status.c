/* test-status.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "model/starling-client-application.h"
#include "model/starling-custom-emoji.h"
#include "model/starling-media-attachment.h"
#include "model/starling-mention.h"
#include "model/starling-poll-option.h"
#include "model/starling-status.h"
#include "model/starling-tag.h"
#include "model/starling-timeline.h"

#include "starling-test-data.h"

/* Decodes a whole fixture, asserting it decodes as a Status. */
#define decode_fixture(path) ((StarlingStatus *) starling_test_decode_fixture (STARLING_TYPE_STATUS, (path)))

static StarlingStatus *
decode_text (const char         *json,
             StarlingEntityMap  *map,
             GError            **error)
{
  g_autoptr (JsonNode) node = starling_json_parse (json, -1, error);

  if (node == NULL)
    return NULL;

  return starling_entity_decode (STARLING_TYPE_STATUS, node, map, error);
}

/* The fixture's text with @from replaced once by @to; @from must be there. */
static char *
edit_fixture (const char *path,
              const char *from,
              const char *to)
{
  g_autofree char *text = starling_test_load_text (path, NULL);
  const char *at = strstr (text, from);

  g_assert_nonnull (at);

  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

static gboolean
names_equal (GPtrArray  *names,
             const char *first,
             ...)
{
  g_autoptr (GPtrArray) expected = g_ptr_array_new ();
  const char *name;
  va_list args;

  va_start (args, first);
  for (name = first; name != NULL; name = va_arg (args, const char *))
    g_ptr_array_add (expected, (gpointer) name);
  va_end (args);

  if (expected->len != names->len)
    return FALSE;
  for (guint i = 0; i < expected->len; i++)
    if (!g_ptr_array_find_with_equal_func (names, expected->pdata[i], g_str_equal, NULL))
      return FALSE;

  return TRUE;
}

static void
test_mastodon_example (void)
{
  g_autoptr (StarlingStatus) status = decode_fixture ("mastodon/status.json");
  StarlingAccount *account;
  StarlingClientApplication *application;
  StarlingPreviewCard *card;
  JsonNode *approval;

  g_assert_cmpstr (starling_status_get_id (status), ==, "103270115826048975");
  g_assert_cmpstr (starling_status_get_uri (status), ==,
                   "https://mastodon.social/users/Gargron/statuses/103270115826048975");
  g_assert_cmpstr (starling_status_get_url (status), ==, "https://mastodon.social/@Gargron/103270115826048975");
  g_assert_cmpint (g_date_time_to_unix (starling_status_get_created_at (status)), ==, 1575776913);
  g_assert_cmpint (g_date_time_get_microsecond (starling_status_get_created_at (status)), ==, 901000);
  g_assert_null (starling_status_get_edited_at (status));
  g_assert_cmpint (starling_status_get_visibility (status), ==, STARLING_VISIBILITY_PUBLIC);
  g_assert_cmpstr (starling_status_get_visibility_name (status), ==, "public");
  g_assert_false (starling_status_get_sensitive (status));
  g_assert_cmpstr (starling_status_get_spoiler_text (status), ==, "");
  g_assert_cmpstr (starling_status_get_language (status), ==, "en");
  g_assert_null (starling_status_get_in_reply_to_id (status));
  g_assert_null (starling_status_get_in_reply_to_account_id (status));
  g_assert_null (starling_status_get_text (status));
  /* HTML is kept verbatim, entities and all. */
  g_assert_true (g_str_has_prefix (starling_status_get_content (status),
                                   "<p>&quot;I lost my inheritance with one wrong digit"));

  g_assert_cmpint (starling_status_get_replies_count (status), ==, 5);
  g_assert_cmpint (starling_status_get_reblogs_count (status), ==, 6);
  g_assert_cmpint (starling_status_get_favourites_count (status), ==, 11);
  g_assert_cmpint (starling_status_get_quotes_count (status), ==, 2);
  g_assert_false (starling_status_get_favourited (status));
  g_assert_false (starling_status_get_reblogged (status));
  g_assert_false (starling_status_get_muted (status));
  g_assert_false (starling_status_get_bookmarked (status));
  g_assert_false (starling_status_get_pinned (status));
  g_assert_null (starling_status_get_filtered (status));

  account = starling_status_get_account (status);
  g_assert_cmpstr (starling_account_get_acct (account), ==, "Gargron");
  g_assert_cmpint (starling_account_get_followers_count (account), ==, 322930);

  application = starling_status_get_application (status);
  g_assert_cmpstr (starling_client_application_get_name (application), ==, "Web");
  g_assert_null (starling_client_application_get_website (application));

  card = starling_status_get_card (status);
  g_assert_nonnull (card);
  g_assert_cmpint (starling_preview_card_get_card_type (card), ==, STARLING_PREVIEW_CARD_TYPE_LINK);
  g_assert_cmpstr (starling_preview_card_get_title (card), ==,
                   "‘I lost my £193,000 inheritance – with one wrong digit on my sort code’");
  g_assert_null (starling_preview_card_get_image (card));
  g_assert_null (starling_preview_card_get_author (card));

  g_assert_null (starling_status_get_poll (status));
  g_assert_null (starling_status_get_reblog (status));
  g_assert_null (starling_status_get_quote (status));
  g_assert_true (starling_status_get_shown (status) == status);

  approval = starling_status_get_quote_approval (status);
  g_assert_nonnull (approval);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (approval), "current_user"), ==,
                   "automatic");

  g_assert_cmpuint (starling_status_get_media_attachments (status)->len, ==, 0);
  g_assert_cmpuint (starling_status_get_mentions (status)->len, ==, 0);
  g_assert_cmpuint (starling_status_get_tags (status)->len, ==, 0);
  g_assert_cmpuint (starling_status_get_emojis (status)->len, ==, 0);
}

static void
test_get_and_list (void)
{
  g_autoptr (StarlingStatus) status = decode_fixture ("mastodon/status-get.json");
  g_autoptr (JsonNode) node = starling_test_load_json ("mastodon/statuses-multiple.json");
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (starling_status_get_id (status), ==, "1");
  g_assert_cmpstr (starling_status_get_content (status), ==, "<p>Hello world</p>");
  g_assert_null (starling_status_get_application (status));
  g_assert_cmpint (starling_status_get_replies_count (status), ==, 7);
  g_assert_cmpint (starling_status_get_reblogs_count (status), ==, 98);
  g_assert_cmpint (starling_status_get_favourites_count (status), ==, 112);
  /* Before 4.5 there is no quotes_count. */
  g_assert_cmpint (starling_status_get_quotes_count (status), ==, 0);
  g_assert_cmpint (g_date_time_get_year (starling_status_get_created_at (status)), ==, 2016);

  list = starling_entity_decode_array (STARLING_TYPE_STATUS, node, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (starling_status_get_id (list->pdata[0]), ==, "1");
  g_assert_cmpstr (starling_account_get_username (starling_status_get_account (list->pdata[0])), ==, "Gargron");
}

static void
test_streaming_payloads (void)
{
  g_autoptr (StarlingStatus) reply = decode_fixture ("mastodon/status-remote-reply-with-mention.json");
  g_autoptr (StarlingStatus) edited = decode_fixture ("mastodon/status-edited.json");
  g_autoptr (StarlingStatus) remote = decode_fixture ("mastodon/status-remote-edited-with-tags.json");
  g_autoptr (StarlingStatus) local = decode_fixture ("mastodon/status-local-with-tags.json");
  StarlingMention *mention;
  GPtrArray *tags;

  g_assert_cmpstr (starling_status_get_in_reply_to_id (reply), ==, "108914298452377720");
  g_assert_cmpstr (starling_status_get_in_reply_to_account_id (reply), ==, "107946650784398271");
  g_assert_cmpint (starling_status_get_visibility (reply), ==, STARLING_VISIBILITY_UNLISTED);
  g_assert_null (starling_status_get_language (reply));
  g_assert_null (starling_status_get_edited_at (reply));
  g_assert_cmpstr (starling_account_get_acct (starling_status_get_account (reply)), ==, "freon@letsalllovela.in");
  g_assert_cmpuint (starling_status_get_filtered (reply)->len, ==, 0);
  g_assert_cmpuint (starling_status_get_mentions (reply)->len, ==, 1);
  mention = starling_status_get_mentions (reply)->pdata[0];
  g_assert_cmpstr (starling_mention_get_id (mention), ==, "107946650784398271");
  g_assert_cmpstr (starling_mention_get_username (mention), ==, "disarray");
  g_assert_cmpstr (starling_mention_get_acct (mention), ==, "disarray@pl.nulled.red");
  g_assert_cmpstr (starling_mention_get_url (mention), ==, "https://pl.nulled.red/users/disarray");

  g_assert_cmpstr (starling_status_get_content (edited), ==, "<p>edited</p>");
  g_assert_cmpint (g_date_time_to_unix (starling_status_get_edited_at (edited)), ==, 1668528449);
  g_assert_false (starling_status_get_pinned (edited));
  /* An account's `last_status_at` is a bare date. */
  g_assert_nonnull (starling_account_get_last_status_at (starling_status_get_account (edited)));

  tags = starling_status_get_tags (remote);
  g_assert_cmpuint (tags->len, ==, 4);
  g_assert_cmpstr (starling_tag_get_name (tags->pdata[0]), ==, "MUSICTUESDAY");
  g_assert_cmpstr (starling_tag_get_url (tags->pdata[3]), ==, "https://mastodon.social/tags/jazz");
  g_assert_null (starling_tag_get_history (tags->pdata[0]));
  g_assert_nonnull (starling_status_get_edited_at (remote));
  g_assert_null (starling_status_get_application (remote));

  tags = starling_status_get_tags (local);
  g_assert_cmpuint (tags->len, ==, 1);
  g_assert_cmpstr (starling_tag_get_name (tags->pdata[0]), ==, "test");
  g_assert_cmpstr (starling_client_application_get_name (starling_status_get_application (local)), ==, "Web");
}

static void
test_deleted_and_edited (void)
{
  g_autoptr (StarlingStatus) media = decode_fixture ("mastodon/partial/status-with-media-deleted.json");
  g_autoptr (StarlingStatus) poll = decode_fixture ("mastodon/partial/status-with-poll-deleted.json");
  g_autoptr (StarlingStatus) edited = decode_fixture ("mastodon/partial/status-edited.json");
  StarlingMediaAttachment *attachment;
  StarlingPoll *p;
  g_autoptr (GArray) votes = NULL;

  /* The answer to a delete carries the source text for redrafting. */
  g_assert_cmpstr (starling_status_get_text (media), ==, "test");
  g_assert_cmpuint (starling_status_get_media_attachments (media)->len, ==, 1);
  attachment = starling_status_get_media_attachments (media)->pdata[0];
  g_assert_cmpstr (starling_media_attachment_get_id (attachment), ==, "22345792");
  g_assert_cmpint (starling_media_attachment_get_media_type (attachment), ==, STARLING_MEDIA_TYPE_IMAGE);
  g_assert_cmpint (starling_media_attachment_get_width (attachment), ==, 640);
  g_assert_cmpint (starling_media_attachment_get_height (attachment), ==, 480);
  g_assert_cmpfloat_with_epsilon (starling_media_attachment_get_focus_x (attachment), -0.27, 1e-9);

  g_assert_cmpstr (starling_status_get_text (poll), ==, "test");
  p = starling_status_get_poll (poll);
  g_assert_nonnull (p);
  g_assert_cmpstr (starling_poll_get_id (p), ==, "34858");
  g_assert_cmpint (starling_poll_get_voters_count (p), ==, 1);
  g_assert_cmpuint (starling_poll_get_options (p)->len, ==, 2);
  g_assert_cmpstr (starling_poll_option_get_title (starling_poll_get_options (p)->pdata[1]), ==, "test 2");
  votes = starling_poll_dup_own_votes (p);
  g_assert_cmpuint (votes->len, ==, 0);

  g_assert_cmpstr (starling_client_application_get_name (starling_status_get_application (edited)), ==, "SubwayTooter");
  g_assert_cmpint (g_date_time_get_year (starling_status_get_edited_at (edited)), ==, 2022);
  g_assert_cmpint (starling_status_get_favourites_count (edited), ==, 6);
}

/* The docs abbreviate these: each element lacks `uri` and `account`. */
static void
test_partial_lists (void)
{
  static const struct {
    const char *path;
    guint complete;
  } lists[] = {
    { "mastodon/partial/home-timeline.json", 0 },
    { "mastodon/partial/public-timeline.json", 0 },
    { "mastodon/partial/tag-timeline.json", 0 },
    { "mastodon/partial/account-statuses.json", 0 },
    { "mastodon/partial/bookmarks.json", 0 },
    { "mastodon/partial/favourites.json", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autoptr (JsonNode) node = starling_test_load_json (lists[i].path);
      g_autoptr (GPtrArray) items = NULL;
      g_autoptr (GError) error = NULL;
      JsonArray *array = json_node_get_array (node);
      guint decoded = 0;

      items = starling_entity_decode_array (STARLING_TYPE_STATUS, node, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (items->len, ==, lists[i].complete);

      for (guint j = 0; j < json_array_get_length (array); j++)
        {
          g_autoptr (GError) local_error = NULL;
          g_autoptr (StarlingStatus) status = NULL;

          status = starling_entity_decode (STARLING_TYPE_STATUS, json_array_get_element (array, j),
                                           NULL, &local_error);
          if (status != NULL)
            {
              decoded++;
              g_assert_cmpstr (starling_status_get_id (status), ==, starling_status_get_id (items->pdata[0]));
              continue;
            }
          g_assert_error (local_error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_MISSING_FIELD);
          g_assert_nonnull (strstr (local_error->message, "“uri”"));
        }
      g_assert_cmpuint (decoded, ==, lists[i].complete);
    }

  /* The one complete favourite. */
  {
    g_autoptr (JsonNode) node = starling_test_load_json ("mastodon/partial/favourites.json");
    g_autoptr (GPtrArray) items = starling_entity_decode_array (STARLING_TYPE_STATUS, node, NULL, NULL);
    StarlingStatus *status = items->pdata[0];

    g_assert_true (starling_status_get_favourited (status));
    g_assert_cmpstr (starling_status_get_language (status), ==, "enCy");
    g_assert_cmpstr (starling_account_get_display_name (starling_status_get_account (status)), ==,
                     "soft nb friend :blobcatsleep:");
  }
}

static void
test_partial_singles (void)
{
  static const char *files[] = {
    "mastodon/partial/status-favourited.json",
    "mastodon/partial/status-posted.json",
    "mastodon/partial/status-reblog.json",
    /* A StatusSource is no status. */
    "other-servers/post_source_mastodon.json",
    "other-servers/post_source_pleroma.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr (JsonNode) node = starling_test_load_json (files[i]);
      g_autoptr (GError) error = NULL;
      g_autoptr (StarlingStatus) status = NULL;

      status = starling_entity_decode (STARLING_TYPE_STATUS, node, NULL, &error);
      g_assert_null (status);
      g_assert_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_MISSING_FIELD);
      g_assert_nonnull (strstr (error->message, "StarlingStatus"));
      g_assert_nonnull (strstr (error->message, "“uri”"));
    }

  /* With `uri` given, the next thing missing is named: `account`. */
  {
    g_autofree char *text = edit_fixture ("mastodon/partial/status-favourited.json",
                                          "\"favourited\"", "\"uri\": \"https://h/1\", \"favourited\"");
    g_autoptr (GError) error = NULL;

    g_assert_null (decode_text (text, NULL, &error));
    g_assert_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_MISSING_FIELD);
    g_assert_nonnull (strstr (error->message, "“account”"));
  }

  /* An incomplete account names its own missing field. */
  {
    g_autoptr (GError) error = NULL;

    g_assert_null (decode_text ("{\"id\": \"1\", \"uri\": \"u\", \"account\": {\"id\": \"2\", \"acct\": \"a\"}}",
                                NULL, &error));
    g_assert_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_MISSING_FIELD);
    g_assert_nonnull (strstr (error->message, "account"));
    g_assert_nonnull (strstr (error->message, "“username”"));
  }
}

static void
test_other_servers (void)
{
  static const char *files[] = {
    "other-servers/post-no-emojis.json",
    "other-servers/post-with-emojis-and-attachments.json",
    "other-servers/post-wordle-linebreaks.json",
    "other-servers/post_akkoma_quote.json",
    "other-servers/post_edited.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr (StarlingStatus) status = decode_fixture (files[i]);

      g_assert_nonnull (starling_status_get_id (status));
      g_assert_nonnull (starling_status_get_uri (status));
      g_assert_nonnull (starling_status_get_created_at (status));
      g_assert_nonnull (starling_account_get_acct (starling_status_get_account (status)));
      g_assert_nonnull (starling_status_get_content (status));
      g_assert_cmpint (starling_status_get_visibility (status), !=, STARLING_VISIBILITY_UNKNOWN);
    }
}

static void
test_pleroma (void)
{
  g_autoptr (StarlingStatus) status = decode_fixture ("other-servers/post-with-emojis-and-attachments.json");
  g_autoptr (StarlingStatus) plain = decode_fixture ("other-servers/post-no-emojis.json");
  g_autoptr (StarlingStatus) wordle = decode_fixture ("other-servers/post-wordle-linebreaks.json");
  StarlingMediaAttachment *attachment;
  StarlingCustomEmoji *emoji;

  g_assert_cmpstr (starling_status_get_id (status), ==, "AQetOIEp6Z2GZ4UiI4");
  g_assert_cmpstr (starling_status_get_spoiler_text (status), ==, "Coffee, Star Trek");
  g_assert_true (g_str_has_prefix (starling_client_application_get_name (starling_status_get_application (status)),
                                   "PleromaFE_b13d8f7e\r\n"));
  g_assert_cmpuint (starling_status_get_media_attachments (status)->len, ==, 1);
  attachment = starling_status_get_media_attachments (status)->pdata[0];
  g_assert_cmpstr (starling_media_attachment_get_id (attachment), ==, "1094104990");
  g_assert_nonnull (starling_media_attachment_get_remote_url (attachment));
  /* No meta at all: no size to reserve. */
  g_assert_cmpint (starling_media_attachment_get_width (attachment), ==, 0);
  g_assert_cmpfloat (starling_media_attachment_get_aspect (attachment), ==, 0.0);
  g_assert_cmpuint (starling_status_get_emojis (status)->len, ==, 1);
  emoji = starling_status_get_emojis (status)->pdata[0];
  g_assert_cmpstr (starling_custom_emoji_get_shortcode (emoji), ==, "heart_cup");
  g_assert_false (starling_custom_emoji_get_visible_in_picker (emoji));
  g_assert_cmpuint (starling_status_get_tags (status)->len, ==, 2);

  g_assert_cmpstr (starling_status_get_id (plain), ==, "AQgIdalRCRfsNV6KzA");
  g_assert_true (starling_status_get_favourited (plain));
  g_assert_true (starling_status_get_reblogged (plain));
  g_assert_cmpint (starling_status_get_visibility (plain), ==, STARLING_VISIBILITY_UNLISTED);
  g_assert_cmpuint (starling_status_get_mentions (plain)->len, ==, 2);
  g_assert_cmpstr (starling_mention_get_acct (starling_status_get_mentions (plain)->pdata[1]), ==,
                   "davidgarywood@social.davidgarywood.com");

  g_assert_nonnull (strstr (starling_status_get_content (wordle), "🟨⬛🟩🟨⬛<br />🟨⬛🟩⬛🟩"));
}

static void
test_akkoma_quote (void)
{
  g_autoptr (StarlingStatus) status = decode_fixture ("other-servers/post_akkoma_quote.json");
  StarlingQuote *quote = starling_status_get_quote (status);
  StarlingStatus *quoted;
  StarlingMediaAttachment *attachment;
  JsonNode *pleroma;

  /* Akkoma's `quote` is the quoted status itself. */
  g_assert_nonnull (quote);
  g_assert_cmpint (starling_quote_get_state (quote), ==, STARLING_QUOTE_STATE_ACCEPTED);
  quoted = starling_quote_get_quoted_status (quote);
  g_assert_nonnull (quoted);
  g_assert_cmpstr (starling_status_get_id (quoted), ==, "Al2KABLN3tuRoeE0A4");
  g_assert_cmpstr (starling_quote_get_quoted_status_id (quote), ==, "Al2KABLN3tuRoeE0A4");
  g_assert_cmpstr (starling_account_get_acct (starling_status_get_account (quoted)), ==,
                   "technicat@universeodon.com");
  attachment = starling_status_get_media_attachments (quoted)->pdata[0];
  g_assert_cmpint (starling_media_attachment_get_width (attachment), ==, 2715);
  g_assert_cmpint (starling_media_attachment_get_height (attachment), ==, 3620);

  g_assert_null (starling_status_get_text (status));
  g_assert_cmpstr (starling_preview_card_get_provider_name (starling_status_get_card (status)), ==,
                   "universeodon.com");

  pleroma = starling_status_get_pleroma (status);
  g_assert_nonnull (pleroma);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (pleroma), "local"));
  g_assert_nonnull (starling_status_get_akkoma (status));
}

static void
test_post_edited (void)
{
  g_autoptr (StarlingStatus) status = decode_fixture ("other-servers/post_edited.json");
  StarlingPreviewCard *card = starling_status_get_card (status);

  g_assert_cmpstr (starling_status_get_id (status), ==, "112300188527054704");
  g_assert_true (starling_status_get_bookmarked (status));
  g_assert_cmpint (starling_status_get_favourites_count (status), ==, 1);
  g_assert_cmpint (g_date_time_to_unix (starling_status_get_edited_at (status)), ==, 1713564922);
  g_assert_cmpstr (starling_client_application_get_website (starling_status_get_application (status)), ==,
                   "https://elk.zone");
  g_assert_cmpstr (starling_preview_card_get_image_description (card), ==, "UB45 by UB40");
  g_assert_cmpint (starling_preview_card_get_width (card), ==, 1400);
  g_assert_null (starling_preview_card_get_published_at (card));
  g_assert_cmpuint (starling_status_get_filtered (status)->len, ==, 0);
}

static void
test_quotes (void)
{
  static const char *full[] = { "mastodon/quote.json", "other-servers/quote.json" };
  static const char *shallow[] = { "mastodon/shallow-quote.json", "other-servers/shallow_quote.json" };

  for (guint i = 0; i < G_N_ELEMENTS (full); i++)
    {
      g_autoptr (JsonNode) node = starling_test_load_json (full[i]);
      g_autoptr (GError) error = NULL;
      g_autoptr (StarlingQuote) quote = NULL;
      StarlingStatus *quoted;

      quote = starling_entity_decode (STARLING_TYPE_QUOTE, node, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (starling_quote_get_state (quote), ==, STARLING_QUOTE_STATE_ACCEPTED);
      quoted = starling_quote_get_quoted_status (quote);
      g_assert_nonnull (quoted);
      g_assert_cmpstr (starling_status_get_id (quoted), ==, "103270115826048975");
      g_assert_cmpstr (starling_quote_get_quoted_status_id (quote), ==, "103270115826048975");
      g_assert_cmpint (starling_status_get_reblogs_count (quoted), ==, 6);
    }

  for (guint i = 0; i < G_N_ELEMENTS (shallow); i++)
    {
      g_autoptr (JsonNode) node = starling_test_load_json (shallow[i]);
      g_autoptr (GError) error = NULL;
      g_autoptr (StarlingQuote) quote = NULL;

      quote = starling_entity_decode (STARLING_TYPE_QUOTE, node, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (starling_quote_get_state (quote), ==, STARLING_QUOTE_STATE_ACCEPTED);
      g_assert_null (starling_quote_get_quoted_status (quote));
      g_assert_cmpstr (starling_quote_get_quoted_status_id (quote), ==, "103270115826048975");
    }

  /* Every state by its name; anything else reads as unauthorized. */
  {
    static const struct {
      const char *json;
      StarlingQuoteState state;
    } states[] = {
      { "{\"state\": \"pending\", \"quoted_status\": null}", STARLING_QUOTE_STATE_PENDING },
      { "{\"state\": \"rejected\", \"quoted_status\": null}", STARLING_QUOTE_STATE_REJECTED },
      { "{\"state\": \"revoked\", \"quoted_status\": null}", STARLING_QUOTE_STATE_REVOKED },
      { "{\"state\": \"deleted\", \"quoted_status\": null}", STARLING_QUOTE_STATE_DELETED },
      { "{\"state\": \"unauthorized\", \"quoted_status\": null}", STARLING_QUOTE_STATE_UNAUTHORIZED },
      { "{\"state\": \"blocked_account\", \"quoted_status\": null}", STARLING_QUOTE_STATE_BLOCKED_ACCOUNT },
      { "{\"state\": \"blocked_domain\", \"quoted_status\": null}", STARLING_QUOTE_STATE_BLOCKED_DOMAIN },
      { "{\"state\": \"muted_account\", \"quoted_status\": null}", STARLING_QUOTE_STATE_MUTED_ACCOUNT },
      { "{\"state\": \"accepted_by_moderator\", \"quoted_status_id\": \"5\"}", STARLING_QUOTE_STATE_UNAUTHORIZED },
      { "{\"state\": null, \"quoted_status_id\": \"5\"}", STARLING_QUOTE_STATE_UNAUTHORIZED },
      { "{\"state\": 7, \"quoted_status_id\": \"5\"}", STARLING_QUOTE_STATE_UNAUTHORIZED },
      { "{\"quoted_status_id\": \"5\"}", STARLING_QUOTE_STATE_UNAUTHORIZED },
    };

    for (guint i = 0; i < G_N_ELEMENTS (states); i++)
      {
        g_autoptr (JsonNode) node = starling_json_parse (states[i].json, -1, NULL);
        g_autoptr (GError) error = NULL;
        g_autoptr (StarlingQuote) quote = NULL;

        quote = starling_entity_decode (STARLING_TYPE_QUOTE, node, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpint (starling_quote_get_state (quote), ==, states[i].state);
      }
  }

  /* Neither a quote nor a status. */
  {
    g_autoptr (JsonNode) node = starling_json_parse ("{\"id\": \"5\"}", -1, NULL);
    g_autoptr (GError) error = NULL;

    g_assert_null (starling_entity_decode (STARLING_TYPE_QUOTE, node, NULL, &error));
    g_assert_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_MISSING_FIELD);
    g_assert_nonnull (strstr (error->message, "“state”"));
  }

  /* A status whose quote is unusable keeps everything else. */
  {
    g_autofree char *text = edit_fixture ("mastodon/status.json", "\"quote\": null",
                                          "\"quote\": {\"nonsense\": true}");
    g_autoptr (GError) error = NULL;
    g_autoptr (StarlingStatus) status = decode_text (text, NULL, &error);

    g_assert_no_error (error);
    g_assert_null (starling_status_get_quote (status));
    g_assert_cmpint (starling_status_get_quotes_count (status), ==, 2);
  }
}

static void
test_visibility (void)
{
  static const struct {
    const char *name;
    StarlingVisibility visibility;
  } cases[] = {
    { "public", STARLING_VISIBILITY_PUBLIC },
    { "unlisted", STARLING_VISIBILITY_UNLISTED },
    { "private", STARLING_VISIBILITY_PRIVATE },
    { "direct", STARLING_VISIBILITY_DIRECT },
    /* Pleroma's and Akkoma's own. */
    { "local", STARLING_VISIBILITY_UNKNOWN },
    { "list", STARLING_VISIBILITY_UNKNOWN },
    { "PUBLIC", STARLING_VISIBILITY_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *quoted = g_strdup_printf ("\"visibility\": \"%s\"", cases[i].name);
      g_autofree char *text = edit_fixture ("mastodon/status.json", "\"visibility\": \"public\"", quoted);
      g_autoptr (GError) error = NULL;
      g_auto (GStrv) notes = NULL;
      g_autoptr (JsonNode) node = starling_json_parse (text, -1, NULL);
      g_autoptr (StarlingStatus) status = NULL;

      status = starling_entity_decode_full (STARLING_TYPE_STATUS, node, NULL, &notes, &error);
      g_assert_no_error (error);
      g_assert_cmpint (starling_status_get_visibility (status), ==, cases[i].visibility);
      g_assert_cmpstr (starling_status_get_visibility_name (status), ==, cases[i].name);
      /* An unknown value is reported. */
      g_assert_cmpuint (g_strv_length (notes), ==, cases[i].visibility == STARLING_VISIBILITY_UNKNOWN ? 1 : 0);
    }
}

static void
test_pixelfed_null_date (void)
{
  g_autofree char *text = edit_fixture ("mastodon/status.json",
                                        "\"created_at\": \"2019-12-08T03:48:33.901Z\"",
                                        "\"created_at\": null");
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingStatus) status = decode_text (text, NULL, &error);

  /* Pixelfed has sent null here; the post is still shown, without a time. */
  g_assert_no_error (error);
  g_assert_null (starling_status_get_created_at (status));
  g_assert_cmpstr (starling_status_get_id (status), ==, "103270115826048975");
}

static void
test_boost (void)
{
  g_autofree char *inner = starling_test_load_text ("mastodon/status.json", NULL);
  g_autofree char *text = g_strdup_printf (
    "{\"id\": \"200\", \"uri\": \"https://h/users/b/statuses/200/activity\","
    " \"created_at\": \"2019-12-09T00:00:00Z\", \"visibility\": \"public\", \"content\": \"\","
    " \"account\": {\"id\": \"9\", \"username\": \"b\", \"acct\": \"b@h\"},"
    " \"reblog\": %s}", inner);
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingStatus) boost = decode_text (text, NULL, &error);
  StarlingStatus *shown;

  g_assert_no_error (error);
  shown = starling_status_get_shown (boost);
  g_assert_true (shown == starling_status_get_reblog (boost));
  g_assert_cmpstr (starling_status_get_id (shown), ==, "103270115826048975");
  g_assert_cmpstr (starling_account_get_acct (starling_status_get_account (shown)), ==, "Gargron");
  g_assert_cmpstr (starling_account_get_acct (starling_status_get_account (boost)), ==, "b@h");
}

static void
test_extensions (void)
{
  const char *json =
    "{\"id\": \"01HZ\", \"uri\": \"https://gts/statuses/01HZ\","
    " \"account\": {\"id\": \"01AB\", \"username\": \"g\", \"acct\": \"g@gts\"},"
    " \"interaction_policy\": {\"can_like\": {\"automatic_approval\": [\"public\"], \"manual_approval\": []},"
    "   \"can_reply\": {\"always\": [\"author\"], \"with_approval\": []}},"
    " \"pleroma\": {\"local\": false, \"emoji_reactions\": [{\"name\": \"👍\", \"count\": 2}]},"
    " \"quote_approval\": {\"automatic\": [\"public\"], \"manual\": [], \"current_user\": \"denied\"}}";
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingStatus) status = decode_text (json, NULL, &error);
  JsonObject *policy;
  JsonObject *pleroma;

  g_assert_no_error (error);
  policy = json_node_get_object (starling_status_get_interaction_policy (status));
  g_assert_true (json_object_has_member (policy, "can_like"));
  g_assert_cmpstr (json_array_get_string_element (
                     json_object_get_array_member (json_object_get_object_member (policy, "can_reply"), "always"), 0),
                   ==, "author");
  pleroma = json_node_get_object (starling_status_get_pleroma (status));
  g_assert_false (json_object_get_boolean_member (pleroma, "local"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (pleroma, "emoji_reactions")), ==, 1);
  g_assert_null (starling_status_get_akkoma (status));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (starling_status_get_quote_approval (status)),
                                                  "current_user"), ==, "denied");
  /* Without a visibility the status still decodes, as unknown. */
  g_assert_cmpint (starling_status_get_visibility (status), ==, STARLING_VISIBILITY_UNKNOWN);
  g_assert_null (starling_status_get_visibility_name (status));
}

static void
test_hostile_types (void)
{
  /* Every class of field given every wrong type: nothing but the required
   * fields can fail the post. */
  static const char *values[] = {
    "null", "true", "0", "-1", "1e300", "\"\"", "\"text\"", "[]", "[1, \"a\", null]", "{}", "{\"a\": {\"b\": 1}}",
  };
  static const char *fields[] = {
    "url", "created_at", "edited_at", "content", "text", "visibility", "sensitive", "spoiler_text",
    "language", "media_attachments", "mentions", "tags", "emojis", "card", "poll", "reblog",
    "in_reply_to_id", "in_reply_to_account_id", "application", "replies_count", "reblogs_count",
    "favourites_count", "quotes_count", "favourited", "reblogged", "muted", "bookmarked", "pinned",
    "filtered", "quote", "quote_approval", "interaction_policy", "pleroma", "akkoma",
  };

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    for (guint v = 0; v < G_N_ELEMENTS (values); v++)
      {
        g_autofree char *text = g_strdup_printf (
          "{\"id\": \"1\", \"uri\": \"https://h/1\","
          " \"account\": {\"id\": \"2\", \"username\": \"a\", \"acct\": \"a\"}, \"%s\": %s}",
          fields[f], values[v]);
        g_autoptr (GError) error = NULL;
        g_autoptr (StarlingStatus) status = decode_text (text, NULL, &error);

        g_assert_no_error (error);
        g_assert_cmpstr (starling_status_get_id (status), ==, "1");
        g_assert_true (starling_status_get_shown (status) == status);
        g_assert_cmpint (starling_status_get_favourites_count (status), >=, 0);
      }

  /* Conversions: ids as numbers, counts as strings, clamping. */
  {
    const char *json =
      "{\"id\": 110000000000000000, \"uri\": \"u\", \"in_reply_to_id\": 7,"
      " \"account\": {\"id\": 3, \"username\": \"a\", \"acct\": \"a\"},"
      " \"replies_count\": \"12\", \"reblogs_count\": 1e300, \"favourites_count\": -5,"
      " \"quotes_count\": 99999999999999999999999, \"favourited\": 1, \"reblogged\": \"true\","
      " \"bookmarked\": \"maybe\", \"created_at\": 42, \"edited_at\": \"yesterday\","
      " \"visibility\": 3, \"content\": 12.5, \"sensitive\": [true]}";
    g_autoptr (GError) error = NULL;
    g_autoptr (StarlingStatus) status = decode_text (json, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (starling_status_get_id (status), ==, "110000000000000000");
    g_assert_cmpstr (starling_status_get_in_reply_to_id (status), ==, "7");
    g_assert_cmpstr (starling_account_get_id (starling_status_get_account (status)), ==, "3");
    g_assert_cmpint (starling_status_get_replies_count (status), ==, 12);
    g_assert_cmpint (starling_status_get_reblogs_count (status), ==, G_MAXINT64);
    g_assert_cmpint (starling_status_get_favourites_count (status), ==, 0);
    /* json-glib 1.6 wraps integer literals past 64 bits around (this one
     * reads as -1) before the decoder sees them: all it can do is keep the
     * count in range. */
    g_assert_cmpint (starling_status_get_quotes_count (status), >=, 0);
    g_assert_true (starling_status_get_favourited (status));
    g_assert_true (starling_status_get_reblogged (status));
    g_assert_false (starling_status_get_bookmarked (status));
    g_assert_false (starling_status_get_sensitive (status));
    g_assert_cmpint (g_date_time_to_unix (starling_status_get_created_at (status)), ==, 42);
    g_assert_null (starling_status_get_edited_at (status));
    g_assert_cmpint (starling_status_get_visibility (status), ==, STARLING_VISIBILITY_UNKNOWN);
    g_assert_cmpstr (starling_status_get_visibility_name (status), ==, "3");
    g_assert_cmpstr (starling_status_get_content (status), ==, "12.5");
  }

  /* Broken elements of lists are left out, the rest kept. */
  {
    const char *json =
      "{\"id\": \"1\", \"uri\": \"u\", \"account\": {\"id\": \"2\", \"username\": \"a\", \"acct\": \"a\"},"
      " \"media_attachments\": [null, 1, {}, {\"id\": \"m\", \"type\": \"image\"}, {\"type\": \"video\"}],"
      " \"mentions\": [{\"id\": \"1\"}, {\"id\": \"2\", \"acct\": \"x\", \"username\": \"x\"}],"
      " \"tags\": [{\"url\": \"https://h/tags/x\"}, {\"name\": \"ok\"}, \"bare\"],"
      " \"emojis\": [{\"shortcode\": \"s\"}, {\"shortcode\": \"s\", \"url\": \"https://h/s.png\"}],"
      " \"filtered\": [{\"keyword_matches\": [\"x\"]}, {\"filter\": {\"id\": \"f\", \"filter_action\": \"hide\","
      "   \"context\": [\"home\"]}}]}";
    g_autoptr (GError) error = NULL;
    g_autoptr (StarlingStatus) status = decode_text (json, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (starling_status_get_media_attachments (status)->len, ==, 1);
    g_assert_cmpuint (starling_status_get_mentions (status)->len, ==, 1);
    g_assert_cmpuint (starling_status_get_tags (status)->len, ==, 1);
    g_assert_cmpuint (starling_status_get_emojis (status)->len, ==, 1);
    g_assert_cmpuint (starling_status_get_filtered (status)->len, ==, 1);
    g_assert_cmpint (starling_status_get_filter_action (status, "home", NULL, NULL), ==,
                     STARLING_FILTER_ACTION_HIDE);
  }
}

static void
test_hostile_text (void)
{
  /* Markup in every string is kept verbatim: escaping is the text layer's. */
  static const char markup[] = "<b onclick=\\\"x()\\\">&amp;&lt;'\\u0000'</b><script>";
  static const char expected[] = "<b onclick=\"x()\">&amp;&lt;'";
  g_autofree char *json = g_strdup_printf (
    "{\"id\": \"%1$s\", \"uri\": \"%1$s\", \"url\": \"%1$s\", \"content\": \"%1$s\", \"text\": \"%1$s\","
    " \"spoiler_text\": \"%1$s\", \"language\": \"%1$s\", \"visibility\": \"%1$s\","
    " \"in_reply_to_id\": \"%1$s\", \"in_reply_to_account_id\": \"%1$s\","
    " \"account\": {\"id\": \"%1$s\", \"username\": \"%1$s\", \"acct\": \"%1$s\", \"display_name\": \"%1$s\"},"
    " \"application\": {\"name\": \"%1$s\", \"website\": \"%1$s\"},"
    " \"mentions\": [{\"id\": \"%1$s\", \"username\": \"%1$s\", \"acct\": \"%1$s\", \"url\": \"%1$s\"}],"
    " \"tags\": [{\"name\": \"%1$s\", \"url\": \"%1$s\"}],"
    " \"emojis\": [{\"shortcode\": \"%1$s\", \"url\": \"%1$s\"}],"
    " \"card\": {\"url\": \"%1$s\", \"title\": \"%1$s\", \"description\": \"%1$s\", \"html\": \"%1$s\","
    "   \"author_name\": \"%1$s\", \"provider_name\": \"%1$s\"},"
    " \"media_attachments\": [{\"id\": \"%1$s\", \"url\": \"%1$s\", \"description\": \"%1$s\","
    "   \"blurhash\": \"%1$s\"}],"
    " \"poll\": {\"id\": \"%1$s\", \"options\": [{\"title\": \"%1$s\"}]}}",
    markup);
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingStatus) status = decode_text (json, NULL, &error);
  StarlingPreviewCard *card;
  StarlingMediaAttachment *attachment;
  const char *strings[20];
  guint n = 0;

  g_assert_no_error (error);
  card = starling_status_get_card (status);
  attachment = starling_status_get_media_attachments (status)->pdata[0];

  strings[n++] = starling_status_get_id (status);
  strings[n++] = starling_status_get_uri (status);
  strings[n++] = starling_status_get_url (status);
  strings[n++] = starling_status_get_content (status);
  strings[n++] = starling_status_get_text (status);
  strings[n++] = starling_status_get_spoiler_text (status);
  strings[n++] = starling_status_get_language (status);
  strings[n++] = starling_status_get_visibility_name (status);
  strings[n++] = starling_status_get_in_reply_to_account_id (status);
  strings[n++] = starling_account_get_display_name (starling_status_get_account (status));
  strings[n++] = starling_client_application_get_name (starling_status_get_application (status));
  strings[n++] = starling_mention_get_acct (starling_status_get_mentions (status)->pdata[0]);
  strings[n++] = starling_tag_get_name (starling_status_get_tags (status)->pdata[0]);
  strings[n++] = starling_custom_emoji_get_shortcode (starling_status_get_emojis (status)->pdata[0]);
  strings[n++] = starling_preview_card_get_title (card);
  strings[n++] = starling_preview_card_get_html (card);
  strings[n++] = starling_preview_card_get_author (card);
  strings[n++] = starling_media_attachment_get_description (attachment);
  strings[n++] = starling_media_attachment_get_blurhash (attachment);
  strings[n++] = starling_poll_option_get_title (starling_poll_get_options (starling_status_get_poll (status))->pdata[0]);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (strings));

  /* A NUL inside a JSON string ends the C string there. */
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (strings[i], ==, expected);
}

static void
test_hostile_sizes (void)
{
  gsize size = 1024 * 1024;
  g_autoptr (GString) json = g_string_new ("{\"id\": \"1\", \"uri\": \"u\", "
                                           "\"account\": {\"id\": \"2\", \"username\": \"a\", \"acct\": \"a\"},"
                                           " \"content\": \"");
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingStatus) status = NULL;
  const char *content;

  for (gsize i = 0; i < size / 8; i++)
    g_string_append (json, "<p>é</p>");
  g_string_append (json, "\"}");

  status = decode_text (json->str, NULL, &error);
  g_assert_no_error (error);
  content = starling_status_get_content (status);
  g_assert_cmpuint (strlen (content), ==, size / 8 * strlen ("<p>é</p>"));
  g_assert_true (g_str_has_prefix (content, "<p>é</p><p>é</p>"));
  g_assert_true (g_str_has_suffix (content, "<p>é</p>"));
}

static JsonNode *
make_status_node (guint id)
{
  g_autoptr (JsonObject) object = json_object_new ();
  g_autoptr (JsonObject) account = json_object_new ();
  JsonNode *node;

  json_object_set_string_member (account, "id", "acct");
  json_object_set_string_member (account, "username", "a");
  json_object_set_string_member (account, "acct", "a");

  json_object_set_int_member (object, "id", id);
  json_object_set_string_member (object, "uri", "https://h/s");
  json_object_set_object_member (object, "account", g_steal_pointer (&account));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, object);
  return node;
}

static void
test_deep_reblogs (void)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (StarlingStatus) status = NULL;
  g_autoptr (StarlingEntityMap) map = starling_entity_map_new ();
  StarlingStatus *level;
  guint depth = 0;

  /* As text, 1000 boosts deep: refused before json-glib's parser recurses. */
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (text, "{\"id\": \"%u\", \"uri\": \"u\", \"account\": "
                            "{\"id\": \"a\", \"username\": \"a\", \"acct\": \"a\"}, \"reblog\": ", i);
  g_string_append (text, "null");
  for (guint i = 0; i < 1000; i++)
    g_string_append_c (text, '}');
  g_assert_null (decode_text (text->str, NULL, &error));
  g_assert_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_MALFORMED);
  g_clear_error (&error);

  /* As a tree built in memory, which no parser limited: the decoder cuts
   * the chain off at its depth limit and keeps the rest. */
  root = make_status_node (0);
  {
    JsonNode *tail = root;

    for (guint i = 1; i < 1000; i++)
      {
        JsonNode *child = make_status_node (i);

        json_object_set_member (json_node_get_object (tail), "reblog", child);
        tail = child;
      }
  }

  status = starling_entity_decode (STARLING_TYPE_STATUS, root, map, &error);
  g_assert_no_error (error);
  for (level = status; level != NULL; level = starling_status_get_reblog (level))
    depth++;
  g_assert_cmpuint (depth, >, 4);
  g_assert_cmpuint (depth, <, 20);

  g_assert_finalize_object (g_steal_pointer (&status));
  g_assert_cmpuint (starling_entity_map_get_size (map), ==, 0);
}

static void
test_reblog_of_itself (void)
{
  g_autoptr (StarlingEntityMap) map = starling_entity_map_new ();
  g_autoptr (GError) error = NULL;
  StarlingStatus *status;
  const char *json =
    "{\"id\": \"1\", \"uri\": \"u\", \"account\": {\"id\": \"a\", \"username\": \"a\", \"acct\": \"a\"},"
    " \"reblog\": {\"id\": \"1\", \"uri\": \"u\", \"account\": {\"id\": \"a\", \"username\": \"a\", \"acct\": \"a\"},"
    "   \"reblog\": {\"id\": \"1\", \"uri\": \"u\", \"account\": {\"id\": \"a\", \"username\": \"a\", \"acct\": \"a\"}}},"
    " \"quote\": {\"state\": \"accepted\", \"quoted_status\": {\"id\": \"1\", \"uri\": \"u\","
    "   \"account\": {\"id\": \"a\", \"username\": \"a\", \"acct\": \"a\"}}}}";

  status = decode_text (json, map, &error);
  g_assert_no_error (error);
  /* One object for the id, which neither boosts nor quotes itself: the
   * references that would have closed a loop were left out. */
  g_assert_null (starling_status_get_reblog (status));
  g_assert_true (starling_status_get_shown (status) == status);
  g_assert_null (starling_status_get_quote (status));
  /* The status and its account. */
  g_assert_cmpuint (starling_entity_map_get_size (map), ==, 2);

  /* Decoding it again through the map must not close a loop either. */
  {
    StarlingStatus *again = decode_text (json, map, &error);

    g_assert_no_error (error);
    g_assert_true (again == status);
    g_object_unref (again);
  }

  g_assert_finalize_object (status);
  g_assert_cmpuint (starling_entity_map_get_size (map), ==, 0);
}

/* What an entity's decode_extra derives (here the application's scopes and
 * redirect URIs, sent as strings by older servers) belongs to the newer
 * copy, so merging into the live object's nested application carries it. */
static void
test_merge_derived_values (void)
{
  g_autoptr (StarlingEntityMap) map = starling_entity_map_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingStatus) first = NULL;
  g_autoptr (StarlingStatus) second = NULL;
  StarlingClientApplication *application;
  const char * const *uris;
  const char * const *scopes;

  first = decode_text ("{\"id\": \"1\", \"uri\": \"u\", \"created_at\": \"2024-01-01T00:00:00Z\","
                       " \"account\": {\"id\": \"a\", \"username\": \"a\", \"acct\": \"a\"},"
                       " \"application\": {\"name\": \"Web\"}}", map, &error);
  g_assert_no_error (error);
  application = starling_status_get_application (first);
  g_assert_nonnull (application);
  g_assert_null (starling_client_application_get_redirect_uris (application));

  second = decode_text ("{\"id\": \"1\", \"uri\": \"u\", \"created_at\": \"2024-01-01T00:00:00Z\","
                        " \"account\": {\"id\": \"a\", \"username\": \"a\", \"acct\": \"a\"},"
                        " \"application\": {\"name\": \"Web\", \"redirect_uri\": \"http://127.0.0.1/cb\\nurn:ietf:wg:oauth:2.0:oob\","
                        " \"scopes\": \"read write+push\"}}", map, &error);
  g_assert_no_error (error);
  g_assert_true (second == first);
  /* Merged into the same nested object, not replaced. */
  g_assert_true (starling_status_get_application (first) == application);

  uris = starling_client_application_get_redirect_uris (application);
  g_assert_nonnull (uris);
  g_assert_cmpuint (g_strv_length ((char **) uris), ==, 2);
  g_assert_cmpstr (uris[0], ==, "http://127.0.0.1/cb");
  g_assert_cmpstr (uris[1], ==, "urn:ietf:wg:oauth:2.0:oob");

  scopes = starling_client_application_get_scopes (application);
  g_assert_nonnull (scopes);
  g_assert_cmpuint (g_strv_length ((char **) scopes), ==, 3);
  g_assert_cmpstr (scopes[2], ==, "push");
}

static void
count_items_changed_cb (guint *count)
{
  (*count)++;
}

static void
test_identity (void)
{
  g_autoptr (StarlingEntityMap) map = starling_entity_map_new ();
  g_autoptr (StarlingTimeline) home = starling_timeline_new ("home");
  g_autoptr (StarlingTimeline) local = starling_timeline_new ("public");
  g_autoptr (GPtrArray) home_page = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) local_page = g_ptr_array_new_with_free_func (g_object_unref);
  guint items_changed = 0;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) account_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *inner = starling_test_load_text ("mastodon/status.json", NULL);
  g_autofree char *boost_text = NULL;
  g_autofree char *favourited_text = NULL;
  g_autoptr (StarlingStatus) first = NULL;
  g_autoptr (StarlingStatus) boost = NULL;
  g_autoptr (StarlingStatus) newer = NULL;
  g_autoptr (StarlingStatus) agreeing = NULL;
  g_autoptr (StarlingStatus) agreeing_again = NULL;
  StarlingStatus *in_home;
  StarlingStatus *in_local;
  StarlingPreviewCard *card;

  /* The home timeline has the post; another timeline has a boost of it,
   * from another document. */
  first = decode_text (inner, map, &error);
  g_assert_no_error (error);
  g_ptr_array_add (home_page, g_object_ref (first));
  starling_timeline_merge_newer (home, home_page, TRUE);
  card = starling_status_get_card (first);

  boost_text = g_strdup_printf (
    "{\"id\": \"200\", \"uri\": \"https://h/200\", \"created_at\": \"2019-12-09T00:00:00Z\","
    " \"account\": {\"id\": \"9\", \"username\": \"b\", \"acct\": \"b@h\"}, \"reblog\": %s}", inner);
  boost = decode_text (boost_text, map, &error);
  g_assert_no_error (error);
  g_ptr_array_add (local_page, g_object_ref (boost));
  starling_timeline_merge_newer (local, local_page, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (home)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (local)), ==, 1);

  /* Rows follow the objects' notify: what follows changes no list. */
  g_signal_connect_swapped (home, "items-changed", G_CALLBACK (count_items_changed_cb), &items_changed);
  g_signal_connect_swapped (local, "items-changed", G_CALLBACK (count_items_changed_cb), &items_changed);

  in_home = g_list_model_get_item (G_LIST_MODEL (home), 0);
  in_local = g_list_model_get_item (G_LIST_MODEL (local), 0);
  g_assert_true (starling_status_get_shown (in_local) == in_home);
  g_assert_true (starling_status_get_account (in_home) == starling_status_get_account (first));
  /* Status, its account, the boost and the booster. */
  g_assert_cmpuint (starling_entity_map_get_size (map), ==, 4);
  /* Nested entities without identity were merged, not replaced. */
  g_assert_true (starling_status_get_card (first) == card);

  g_signal_connect (first, "notify", G_CALLBACK (count_notify_cb), names);
  g_signal_connect (starling_status_get_account (first), "notify", G_CALLBACK (count_notify_cb), account_names);

  /* A newer copy, as the answer to a favourite: updated in place, and only
   * what changed is notified. */
  favourited_text = edit_fixture ("mastodon/status.json", "\"favourites_count\": 11,\n  \"quotes_count\": 2,\n  \"favourited\": false",
                                  "\"favourites_count\": 12,\n  \"quotes_count\": 2,\n  \"favourited\": true");
  newer = decode_text (favourited_text, map, &error);
  g_assert_no_error (error);
  g_assert_true (newer == first);
  g_assert_true (names_equal (names, "favourited", "favourites-count", NULL));
  g_assert_cmpuint (account_names->len, ==, 0);
  g_assert_true (starling_status_get_favourited (in_home));
  g_assert_true (starling_status_get_favourited (starling_status_get_shown (in_local)));
  g_assert_cmpint (starling_status_get_favourites_count (starling_status_get_shown (in_local)), ==, 12);
  g_assert_true (starling_status_get_card (first) == card);

  /* Unfavourite optimistically: two notifications now... */
  g_ptr_array_set_size (names, 0);
  starling_status_set_favourited (in_home, FALSE);
  starling_status_set_favourites_count (in_home, starling_status_get_favourites_count (in_home) - 1);
  g_assert_true (names_equal (names, "favourited", "favourites-count", NULL));
  /* ...and none when the server's answer agrees. */
  g_ptr_array_set_size (names, 0);
  agreeing = decode_text (inner, map, &error);
  g_assert_no_error (error);
  g_assert_true (agreeing == first);
  g_assert_cmpuint (names->len, ==, 0);
  g_assert_false (starling_status_get_favourited (starling_status_get_shown (in_local)));
  g_assert_cmpint (starling_status_get_favourites_count (in_home), ==, 11);

  /* A favourite made through the other timeline: the server answers the
   * boost's wrapper, and the post in home follows. */
  {
    g_autofree char *wrapper_text = g_strdup_printf (
      "{\"id\": \"200\", \"uri\": \"https://h/200\", \"created_at\": \"2019-12-09T00:00:00Z\","
      " \"account\": {\"id\": \"9\", \"username\": \"b\", \"acct\": \"b@h\"}, \"reblog\": %s}", favourited_text);
    g_autoptr (StarlingStatus) wrapper = decode_text (wrapper_text, map, &error);

    g_assert_no_error (error);
    g_assert_true (wrapper == in_local);
    g_assert_true (starling_status_get_favourited (in_home));
    g_assert_cmpint (starling_status_get_favourites_count (in_home), ==, 12);
    g_assert_true (names_equal (names, "favourited", "favourites-count", NULL));
  }
  g_assert_cmpuint (items_changed, ==, 0);
  agreeing_again = decode_text (inner, map, &error);
  g_assert_no_error (error);
  g_assert_false (starling_status_get_favourited (in_home));
  g_ptr_array_set_size (names, 0);

  /* Setting the same value again notifies nothing. */
  starling_status_set_favourited (in_home, FALSE);
  starling_status_set_reblogs_count (in_home, -3);
  g_assert_true (names_equal (names, "reblogs-count", NULL));
  g_assert_cmpint (starling_status_get_reblogs_count (in_home), ==, 0);
  starling_status_set_reblogged (in_home, TRUE);
  starling_status_set_bookmarked (in_home, TRUE);
  starling_status_set_muted (in_home, TRUE);
  starling_status_set_pinned (in_home, TRUE);
  g_assert_true (starling_status_get_reblogged (in_home) && starling_status_get_bookmarked (in_home) &&
                 starling_status_get_muted (in_home) && starling_status_get_pinned (in_home));

  g_signal_handlers_disconnect_by_func (first, count_notify_cb, names);
  g_signal_handlers_disconnect_by_func (starling_status_get_account (first), count_notify_cb, account_names);
  g_object_unref (in_home);
  g_object_unref (in_local);
  g_clear_object (&newer);
  g_clear_object (&agreeing);
  g_clear_object (&agreeing_again);
  g_ptr_array_set_size (home_page, 0);
  g_ptr_array_set_size (local_page, 0);

  /* When the timelines let go, the map forgets everything. */
  g_assert_finalize_object (g_steal_pointer (&home));
  g_assert_finalize_object (g_steal_pointer (&local));
  g_assert_finalize_object (g_steal_pointer (&boost));
  g_assert_finalize_object (g_steal_pointer (&first));
  g_assert_cmpuint (starling_entity_map_get_size (map), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/starling/status/mastodon-example", test_mastodon_example);
  g_test_add_func ("/starling/status/get-and-list", test_get_and_list);
  g_test_add_func ("/starling/status/streaming-payloads", test_streaming_payloads);
  g_test_add_func ("/starling/status/deleted-and-edited", test_deleted_and_edited);
  g_test_add_func ("/starling/status/partial-lists", test_partial_lists);
  g_test_add_func ("/starling/status/partial-singles", test_partial_singles);
  g_test_add_func ("/starling/status/other-servers", test_other_servers);
  g_test_add_func ("/starling/status/pleroma", test_pleroma);
  g_test_add_func ("/starling/status/akkoma-quote", test_akkoma_quote);
  g_test_add_func ("/starling/status/post-edited", test_post_edited);
  g_test_add_func ("/starling/status/quotes", test_quotes);
  g_test_add_func ("/starling/status/visibility", test_visibility);
  g_test_add_func ("/starling/status/pixelfed-null-date", test_pixelfed_null_date);
  g_test_add_func ("/starling/status/boost", test_boost);
  g_test_add_func ("/starling/status/extensions", test_extensions);
  g_test_add_func ("/starling/status/hostile-types", test_hostile_types);
  g_test_add_func ("/starling/status/hostile-text", test_hostile_text);
  g_test_add_func ("/starling/status/hostile-sizes", test_hostile_sizes);
  g_test_add_func ("/starling/status/deep-reblogs", test_deep_reblogs);
  g_test_add_func ("/starling/status/reblog-of-itself", test_reblog_of_itself);
  g_test_add_func ("/starling/status/identity", test_identity);
  g_test_add_func ("/starling/status/merge-derived-values", test_merge_derived_values);

  return g_test_run ();
}
