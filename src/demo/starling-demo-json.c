/* starling-demo-json.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-demo"

#include "config.h"

#include <string.h>

#include "starling-demo-image.h"
#include "starling-demo-json.h"

static const char *account_notes[] = {
  "Software developer, tea person, occasional photographer.",
  "Barista by day, drummer by night. Opinions my own.",
  "I read books and write about them. She/her.",
  "Home roaster, cyclist, dad of two.",
  "Designer. Making things a bit nicer, one pixel at a time.",
  "Farmer's daughter turned coffee buyer.",
  "Linux, GNOME and too many keyboards.",
  "Plants, cats, pastry.",
  "Posting mostly about urbanism and trains.",
  "Photographer. Film and digital. Prints on request.",
};

static void
set_string (JsonObject *object,
            const char *name,
            const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

static void
set_take_string (JsonObject *object,
                 const char *name,
                 char       *value)
{
  set_string (object, name, value);
  g_free (value);
}

static void
set_time (JsonObject *object,
          const char *name,
          gint64      ms)
{
  if (ms == 0)
    json_object_set_null_member (object, name);
  else
    set_take_string (object, name, demo_json_time (ms));
}

static JsonNode *
node_from_object (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

static JsonNode *
node_from_array (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  return node;
}

/**
 * demo_json_time:
 * @ms: milliseconds since the epoch
 *
 * Returns: (transfer full): ISO 8601 in UTC with milliseconds, as Mastodon
 */
char *
demo_json_time (gint64 ms)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_utc (ms / 1000);
  g_autofree char *base = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", base, (int) (ms % 1000));
}

char *
demo_json_id (guint64 id)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT, id);
}

JsonObject *
demo_json_error_object (const char *message)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "error", message);
  return object;
}

static const DemoEmoji *
find_emoji (const char *shortcode,
            gsize       length)
{
  for (guint i = 0; i < demo_world_n_emojis; i++)
    if (strlen (demo_world_emojis[i].shortcode) == length
        && strncmp (demo_world_emojis[i].shortcode, shortcode, length) == 0)
      return &demo_world_emojis[i];
  return NULL;
}

static JsonObject *
emoji_object (DemoJson        *json,
              const DemoEmoji *emoji)
{
  JsonObject *object = json_object_new ();
  g_autofree char *url = g_strdup_printf ("%s/system/custom_emojis/%s.png", json->base, emoji->shortcode);

  json_object_set_string_member (object, "shortcode", emoji->shortcode);
  json_object_set_string_member (object, "url", url);
  json_object_set_string_member (object, "static_url", url);
  json_object_set_boolean_member (object, "visible_in_picker", TRUE);
  set_string (object, "category", emoji->category);
  return object;
}

/* The custom emoji named in each of the texts, once each. */
static JsonArray *
emojis_in (DemoJson   *json,
           const char *first,
           const char *second)
{
  JsonArray *array = json_array_new ();
  const DemoEmoji *seen[16];
  guint n_seen = 0;
  const char *texts[] = { first, second };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (const char *p = texts[t] != NULL ? strchr (texts[t], ':') : NULL; p != NULL; )
      {
        const char *end = strchr (p + 1, ':');
        const DemoEmoji *emoji;
        gboolean known = FALSE;

        if (end == NULL)
          break;
        emoji = find_emoji (p + 1, end - p - 1);
        if (emoji == NULL)
          {
            p = end;
            continue;
          }
        for (guint i = 0; i < n_seen; i++)
          known |= seen[i] == emoji;
        if (!known && n_seen < G_N_ELEMENTS (seen))
          {
            seen[n_seen++] = emoji;
            json_array_add_object_element (array, emoji_object (json, emoji));
          }
        p = strchr (end + 1, ':');
      }

  return array;
}

static char *
account_url (StarlingDemoWorld *world,
             DemoAccount       *account)
{
  const char *domain = starling_demo_world_domain_name (world, account);

  if (g_str_equal (domain, "threads.net"))
    return g_strdup_printf ("https://www.threads.net/@%s", account->username);
  if (g_str_equal (domain, "a.gup.pe"))
    return g_strdup_printf ("https://a.gup.pe/u/%s", account->username);
  return g_strdup_printf ("https://%s/@%s", domain, account->username);
}

static char *
account_uri (StarlingDemoWorld *world,
             DemoAccount       *account)
{
  const char *domain = starling_demo_world_domain_name (world, account);

  if (g_str_equal (domain, "threads.net"))
    return g_strdup_printf ("https://www.threads.net/ap/users/1784%014" G_GUINT64_FORMAT "/",
                            account->id % G_GUINT64_CONSTANT (100000000000000));
  return g_strdup_printf ("https://%s/users/%s", domain, account->username);
}

static char *
acct_of (StarlingDemoWorld *world,
         DemoAccount       *account)
{
  if (account->domain == 0)
    return g_strdup (account->username);
  return g_strdup_printf ("%s@%s", account->username, starling_demo_world_domain_name (world, account));
}

static JsonObject *
account_object (DemoJson    *json,
                DemoAccount *account)
{
  StarlingDemoWorld *world = json->world;
  JsonObject *object = json_object_new ();
  JsonArray *fields = json_array_new ();
  g_autofree char *id = demo_json_id (account->id);
  g_autofree char *avatar = g_strdup_printf ("%s/system/accounts/avatars/%s/original.png", json->base, id);
  g_autofree char *header = g_strdup_printf ("%s/system/accounts/headers/%s/original.png", json->base, id);
  g_autoptr (GDateTime) last = g_date_time_new_from_unix_utc (account->last_status_at);
  g_autofree char *note = NULL;

  if (account == world->brand)
    {
      JsonObject *field = json_object_new ();

      note = g_strdup ("<p>Small-batch coffee roasters since 2019. We buy directly from farmers "
                       "and publish every price we pay. Café open Tue–Sun. "
                       "<a href=\"https://starling.example/tags/coffee\" class=\"mention hashtag\" rel=\"tag\">#<span>coffee</span></a></p>");
      json_object_set_string_member (field, "name", "Website");
      json_object_set_string_member (field, "value",
                                     "<a href=\"https://kettleandcrane.example\" target=\"_blank\" rel=\"nofollow noopener me\" translate=\"no\">"
                                     "<span class=\"invisible\">https://</span><span class=\"\">kettleandcrane.example</span>"
                                     "<span class=\"invisible\"></span></a>");
      json_object_set_string_member (field, "verified_at", "2024-03-02T10:11:12.000+00:00");
      json_array_add_object_element (fields, field);
      field = json_object_new ();
      json_object_set_string_member (field, "name", "Café");
      json_object_set_string_member (field, "value", "12 Harbour Lane, open 8–17");
      json_object_set_null_member (field, "verified_at");
      json_array_add_object_element (fields, field);
    }
  else
    note = g_strdup_printf ("<p>%s</p>", account_notes[account->seed % G_N_ELEMENTS (account_notes)]);

  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "username", account->username);
  set_take_string (object, "acct", acct_of (world, account));
  json_object_set_string_member (object, "display_name", account->display_name);
  json_object_set_boolean_member (object, "locked", (account->flags & DEMO_ACCOUNT_LOCKED) != 0);
  json_object_set_boolean_member (object, "bot", (account->flags & DEMO_ACCOUNT_BOT) != 0);
  json_object_set_boolean_member (object, "discoverable", TRUE);
  json_object_set_boolean_member (object, "indexable", account->seed % 3 != 0);
  json_object_set_boolean_member (object, "group", (account->flags & DEMO_ACCOUNT_GROUP) != 0);
  set_time (object, "created_at", account->created_at * 1000);
  json_object_set_string_member (object, "note", note);
  set_take_string (object, "url", account_url (world, account));
  set_take_string (object, "uri", account_uri (world, account));
  json_object_set_string_member (object, "avatar", avatar);
  json_object_set_string_member (object, "avatar_static", avatar);
  json_object_set_string_member (object, "header", header);
  json_object_set_string_member (object, "header_static", header);
  json_object_set_int_member (object, "followers_count", account->followers_count);
  json_object_set_int_member (object, "following_count", account->following_count);
  json_object_set_int_member (object, "statuses_count", account->statuses_count);
  if (account->last_status_at != 0)
    set_take_string (object, "last_status_at", g_date_time_format (last, "%Y-%m-%d"));
  else
    json_object_set_null_member (object, "last_status_at");
  json_object_set_boolean_member (object, "hide_collections", FALSE);
  json_object_set_boolean_member (object, "noindex", FALSE);
  json_object_set_array_member (object, "emojis", emojis_in (json, account->display_name, NULL));
  json_object_set_array_member (object, "fields", fields);
  json_object_set_array_member (object, "roles", json_array_new ());

  return object;
}

JsonNode *
demo_json_account (DemoJson    *json,
                   DemoAccount *account)
{
  return node_from_object (account_object (json, account));
}

JsonNode *
demo_json_credential_account (DemoJson *json)
{
  JsonObject *object = account_object (json, json->world->brand);
  JsonObject *source = json_object_new ();
  JsonObject *role = json_object_new ();
  JsonArray *fields = json_array_new ();
  JsonObject *field = json_object_new ();

  json_object_set_string_member (source, "privacy", "public");
  json_object_set_boolean_member (source, "sensitive", FALSE);
  json_object_set_string_member (source, "language", "en");
  json_object_set_string_member (source, "note",
                                 "Small-batch coffee roasters since 2019. We buy directly from farmers and publish every price we pay. Café open Tue–Sun. #coffee");
  json_object_set_string_member (field, "name", "Website");
  json_object_set_string_member (field, "value", "https://kettleandcrane.example");
  json_object_set_string_member (field, "verified_at", "2024-03-02T10:11:12.000+00:00");
  json_array_add_object_element (fields, field);
  json_object_set_array_member (source, "fields", fields);
  json_object_set_int_member (source, "follow_requests_count", 1);
  json_object_set_boolean_member (source, "hide_collections", FALSE);
  json_object_set_boolean_member (source, "discoverable", TRUE);
  json_object_set_boolean_member (source, "indexable", TRUE);
  json_object_set_array_member (source, "attribution_domains", json_array_new ());
  json_object_set_string_member (source, "quote_policy", "public");
  json_object_set_object_member (object, "source", source);

  json_object_set_string_member (role, "id", "-99");
  json_object_set_string_member (role, "name", "");
  json_object_set_string_member (role, "permissions", "65536");
  json_object_set_string_member (role, "color", "");
  json_object_set_boolean_member (role, "highlighted", FALSE);
  json_object_set_object_member (object, "role", role);

  return node_from_object (object);
}

gboolean
demo_status_has_tag (DemoStatus *status,
                     const char *tag)
{
  gsize length = strlen (tag);

  if (status->reblog != NULL)
    status = status->reblog;
  for (const char *p = status->text != NULL ? strchr (status->text, '#') : NULL; p != NULL; p = strchr (p + 1, '#'))
    if (g_ascii_strncasecmp (p + 1, tag, length) == 0
        && !g_ascii_isalnum (p[1 + length]) && p[1 + length] != '_')
      return TRUE;
  return FALSE;
}

/* Whether the brand may see @status: public or its own, followers-only of
 * someone it follows, direct when it is mentioned. */
gboolean
demo_status_visible_to_brand (StarlingDemoWorld *world,
                              DemoStatus        *status)
{
  if (status->flags & DEMO_STATUS_DELETED)
    return FALSE;
  if (status->account == world->brand)
    return TRUE;
  switch (status->visibility)
    {
    case DEMO_VISIBILITY_PUBLIC:
    case DEMO_VISIBILITY_UNLISTED:
      return TRUE;
    case DEMO_VISIBILITY_PRIVATE:
      return (status->account->rel & DEMO_REL_FOLLOWING) != 0;
    case DEMO_VISIBILITY_DIRECT:
      return status->mentions_brand;
    default:
      return FALSE;
    }
}

static JsonArray *
mentions_of (DemoJson   *json,
             DemoStatus *status)
{
  JsonArray *array = json_array_new ();
  g_autoptr (GPtrArray) seen = g_ptr_array_new ();

  for (const char *p = status->text != NULL ? strchr (status->text, '@') : NULL; p != NULL; p = strchr (p + 1, '@'))
    {
      const char *end = p + 1;
      g_autofree char *name = NULL;
      DemoAccount *account;

      if (p > status->text && (g_ascii_isalnum (p[-1]) || p[-1] == '@'))
        continue;
      while (*end != '\0' && (g_ascii_isalnum (*end) || strchr ("_@.-", *end) != NULL))
        end++;
      while (end > p + 1 && end[-1] == '.')
        end--;
      name = g_strndup (p + 1, end - p - 1);
      account = g_hash_table_lookup (json->world->accounts_by_acct, name);
      if (account != NULL && !g_ptr_array_find (seen, account, NULL))
        {
          JsonObject *mention = json_object_new ();

          g_ptr_array_add (seen, account);
          set_take_string (mention, "id", demo_json_id (account->id));
          json_object_set_string_member (mention, "username", account->username);
          set_take_string (mention, "url", account_url (json->world, account));
          set_take_string (mention, "acct", acct_of (json->world, account));
          json_array_add_object_element (array, mention);
        }
      p = end - 1;
    }
  return array;
}

static JsonArray *
tags_of (DemoJson   *json,
         DemoStatus *status)
{
  JsonArray *array = json_array_new ();
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  for (const char *p = status->text != NULL ? strchr (status->text, '#') : NULL; p != NULL; p = strchr (p + 1, '#'))
    {
      const char *end = p + 1;
      g_autofree char *name = NULL;
      JsonObject *tag;

      while (*end != '\0' && (g_ascii_isalnum (*end) || *end == '_'))
        end++;
      if (end == p + 1)
        continue;
      name = g_ascii_strdown (p + 1, end - p - 1);
      if (g_ptr_array_find_with_equal_func (seen, name, g_str_equal, NULL))
        continue;
      tag = json_object_new ();
      json_object_set_string_member (tag, "name", name);
      set_take_string (tag, "url", g_strdup_printf ("https://%s/tags/%s", json->world->domain, name));
      json_array_add_object_element (array, tag);
      g_ptr_array_add (seen, g_steal_pointer (&name));
    }
  return array;
}

static JsonObject *
filter_object (DemoJson   *json,
               DemoFilter *filter)
{
  JsonObject *object = json_object_new ();
  JsonArray *context = json_array_new ();
  JsonArray *keywords = json_array_new ();
  JsonObject *keyword = json_object_new ();

  set_take_string (object, "id", demo_json_id (filter->id));
  json_object_set_string_member (object, "title", filter->title);
  for (guint i = 0; i < G_N_ELEMENTS (filter->context) && filter->context[i] != NULL; i++)
    json_array_add_string_element (context, filter->context[i]);
  json_object_set_array_member (object, "context", context);
  json_object_set_null_member (object, "expires_at");
  json_object_set_string_member (object, "filter_action", filter->action);
  set_take_string (keyword, "id", demo_json_id (filter->id * 10 + 1));
  json_object_set_string_member (keyword, "keyword", filter->keyword);
  json_object_set_boolean_member (keyword, "whole_word", FALSE);
  json_array_add_object_element (keywords, keyword);
  json_object_set_array_member (object, "keywords", keywords);
  json_object_set_array_member (object, "statuses", json_array_new ());
  return object;
}

JsonNode *
demo_json_filter (DemoJson   *json,
                  DemoFilter *filter)
{
  return node_from_object (filter_object (json, filter));
}

static JsonArray *
filtered_of (DemoJson   *json,
             DemoStatus *status)
{
  JsonArray *array = json_array_new ();
  g_autofree char *lower = NULL;

  if (!json->authed || status->text == NULL)
    return array;
  lower = g_utf8_strdown (status->text, -1);
  for (guint i = 0; i < json->world->filters->len; i++)
    {
      DemoFilter *filter = g_ptr_array_index (json->world->filters, i);
      gboolean in_context = json->context == NULL;

      for (guint c = 0; c < G_N_ELEMENTS (filter->context) && filter->context[c] != NULL; c++)
        in_context |= json->context != NULL && g_str_equal (filter->context[c], json->context);
      if (in_context && strstr (lower, filter->keyword) != NULL)
        {
          JsonObject *result = json_object_new ();
          JsonArray *matches = json_array_new ();

          json_object_set_object_member (result, "filter", filter_object (json, filter));
          json_array_add_string_element (matches, filter->keyword);
          json_object_set_array_member (result, "keyword_matches", matches);
          json_object_set_null_member (result, "status_matches");
          json_array_add_object_element (array, result);
        }
    }
  return array;
}

static JsonObject *
media_object (DemoJson  *json,
              DemoMedia *media)
{
  JsonObject *object = json_object_new ();
  JsonObject *meta = json_object_new ();
  JsonObject *original = json_object_new ();
  JsonObject *small = json_object_new ();
  JsonObject *focus = json_object_new ();
  g_autofree char *id = demo_json_id (media->id);
  guint small_w = media->width > media->height ? 400 : 400 * media->width / MAX (media->height, 1);
  guint small_h = media->width > media->height ? 400 * media->height / MAX (media->width, 1) : 400;
  const char *extension = media->type == DEMO_MEDIA_IMAGE ? "png" : "mp4";
  gboolean processing = media->polls_left > 0;

  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "type",
                                 media->type == DEMO_MEDIA_VIDEO ? "video"
                                 : media->type == DEMO_MEDIA_GIFV ? "gifv" : "image");
  if (processing)
    json_object_set_null_member (object, "url");
  else
    set_take_string (object, "url", g_strdup_printf ("%s/system/media_attachments/files/%s/original.%s",
                                                     json->base, id, extension));
  set_take_string (object, "preview_url", g_strdup_printf ("%s/system/media_attachments/files/%s/small.png",
                                                           json->base, id));
  json_object_set_null_member (object, "remote_url");
  json_object_set_null_member (object, "preview_remote_url");
  json_object_set_null_member (object, "text_url");

  json_object_set_int_member (original, "width", media->width);
  json_object_set_int_member (original, "height", media->height);
  set_take_string (original, "size", g_strdup_printf ("%ux%u", media->width, media->height));
  json_object_set_double_member (original, "aspect", (double) media->width / MAX (media->height, 1));
  if (media->type != DEMO_MEDIA_IMAGE)
    {
      json_object_set_string_member (original, "frame_rate", "30/1");
      json_object_set_double_member (original, "duration", 12.5);
      json_object_set_int_member (original, "bitrate", 1200000);
    }
  json_object_set_int_member (small, "width", small_w);
  json_object_set_int_member (small, "height", small_h);
  set_take_string (small, "size", g_strdup_printf ("%ux%u", small_w, small_h));
  json_object_set_double_member (small, "aspect", (double) small_w / MAX (small_h, 1));
  json_object_set_double_member (focus, "x", media->focus_x);
  json_object_set_double_member (focus, "y", media->focus_y);
  json_object_set_object_member (meta, "original", original);
  json_object_set_object_member (meta, "small", small);
  json_object_set_object_member (meta, "focus", focus);
  json_object_set_object_member (object, "meta", meta);
  set_string (object, "description", media->description);
  json_object_set_string_member (object, "blurhash",
                                 starling_demo_image_blurhash (media->palette, media->width, media->height));
  return object;
}

JsonNode *
demo_json_media (DemoJson  *json,
                 DemoMedia *media)
{
  return node_from_object (media_object (json, media));
}

static JsonObject *
poll_object (DemoJson *json,
             DemoPoll *poll)
{
  JsonObject *object = json_object_new ();
  JsonArray *options = json_array_new ();
  JsonArray *own = json_array_new ();
  gint64 now = g_get_real_time () / 1000;
  guint votes = 0;

  for (guint i = 0; i < poll->n_options; i++)
    {
      JsonObject *option = json_object_new ();

      json_object_set_string_member (option, "title", poll->options[i]);
      json_object_set_int_member (option, "votes_count", poll->votes[i]);
      json_array_add_object_element (options, option);
      votes += poll->votes[i];
      if (poll->own_votes & (1u << i))
        json_array_add_int_element (own, i);
    }
  set_take_string (object, "id", demo_json_id (poll->id));
  set_time (object, "expires_at", poll->expires_at);
  json_object_set_boolean_member (object, "expired", poll->expires_at != 0 && poll->expires_at <= now);
  json_object_set_boolean_member (object, "multiple", poll->multiple);
  json_object_set_int_member (object, "votes_count", votes);
  if (poll->multiple)
    json_object_set_int_member (object, "voters_count", poll->voters);
  else
    json_object_set_int_member (object, "voters_count", votes);
  json_object_set_array_member (object, "options", options);
  json_object_set_array_member (object, "emojis", json_array_new ());
  if (json->authed)
    {
      json_object_set_boolean_member (object, "voted", poll->voted);
      json_object_set_array_member (object, "own_votes", own);
    }
  else
    json_array_unref (own);
  return object;
}

JsonNode *
demo_json_poll (DemoJson *json,
                DemoPoll *poll)
{
  return node_from_object (poll_object (json, poll));
}

static JsonObject *
card_object (DemoJson       *json,
             const DemoCard *card)
{
  JsonObject *object = json_object_new ();
  guint index = (guint) (card - demo_world_cards);

  json_object_set_string_member (object, "url", card->url);
  json_object_set_string_member (object, "title", card->title);
  json_object_set_string_member (object, "description", card->description);
  json_object_set_string_member (object, "language", "en");
  json_object_set_string_member (object, "type", "link");
  json_object_set_string_member (object, "author_name", "");
  json_object_set_string_member (object, "author_url", "");
  json_object_set_string_member (object, "provider_name", card->provider);
  json_object_set_string_member (object, "provider_url", "");
  json_object_set_string_member (object, "html", "");
  json_object_set_int_member (object, "width", 640);
  json_object_set_int_member (object, "height", 336);
  set_take_string (object, "image", g_strdup_printf ("%s/system/preview_cards/images/%u/original.png", json->base, index));
  json_object_set_null_member (object, "image_description");
  json_object_set_string_member (object, "embed_url", "");
  json_object_set_string_member (object, "blurhash", starling_demo_image_blurhash (card->palette, 640, 336));
  json_object_set_array_member (object, "authors", json_array_new ());
  return object;
}

static JsonObject *status_object (DemoJson   *json,
                                  DemoStatus *status,
                                  guint       depth);

static JsonObject *
quote_object (DemoJson   *json,
              DemoStatus *quoted,
              guint       depth)
{
  JsonObject *object = json_object_new ();

  if (quoted->flags & DEMO_STATUS_DELETED)
    {
      json_object_set_string_member (object, "state", "deleted");
      json_object_set_null_member (object, "quoted_status");
    }
  else if (depth > 0)
    {
      /* Quotes of quotes are shallow, as Mastodon sends them. */
      json_object_set_string_member (object, "state", "accepted");
      set_take_string (object, "quoted_status_id", demo_json_id (quoted->id));
    }
  else
    {
      json_object_set_string_member (object, "state", "accepted");
      json_object_set_object_member (object, "quoted_status", status_object (json, quoted, depth + 1));
    }
  return object;
}

static JsonObject *
status_object (DemoJson   *json,
               DemoStatus *status,
               guint       depth)
{
  StarlingDemoWorld *world = json->world;
  JsonObject *object = json_object_new ();
  JsonArray *media = json_array_new ();
  JsonObject *approval = json_object_new ();
  JsonArray *automatic = json_array_new ();
  g_autofree char *id = demo_json_id (status->id);
  const char *domain = starling_demo_world_domain_name (world, status->account);
  static const char *visibilities[] = { "public", "unlisted", "private", "direct" };
  gboolean is_reblog = status->reblog != NULL;

  json_object_set_string_member (object, "id", id);
  set_time (object, "created_at", starling_demo_world_id_to_ms (status->id));
  if (status->in_reply_to != NULL)
    {
      set_take_string (object, "in_reply_to_id", demo_json_id (status->in_reply_to->id));
      set_take_string (object, "in_reply_to_account_id", demo_json_id (status->in_reply_to->account->id));
    }
  else
    {
      json_object_set_null_member (object, "in_reply_to_id");
      json_object_set_null_member (object, "in_reply_to_account_id");
    }
  json_object_set_boolean_member (object, "sensitive", (status->flags & DEMO_STATUS_SENSITIVE) != 0);
  json_object_set_string_member (object, "spoiler_text", status->spoiler_text != NULL ? status->spoiler_text : "");
  json_object_set_string_member (object, "visibility", visibilities[status->visibility]);
  set_string (object, "language", is_reblog ? NULL : status->language);
  if (is_reblog)
    {
      set_take_string (object, "uri", g_strdup_printf ("https://%s/users/%s/statuses/%s/activity",
                                                       domain, status->account->username, id));
      json_object_set_null_member (object, "url");
    }
  else
    {
      set_take_string (object, "uri", g_strdup_printf ("https://%s/users/%s/statuses/%s",
                                                       domain, status->account->username, id));
      set_take_string (object, "url", g_strdup_printf ("https://%s/@%s/%s", domain, status->account->username, id));
    }
  json_object_set_int_member (object, "replies_count", status->replies_count);
  json_object_set_int_member (object, "reblogs_count", status->reblogs_count);
  json_object_set_int_member (object, "favourites_count", status->favourites_count);
  json_object_set_int_member (object, "quotes_count", status->quotes_count);
  set_time (object, "edited_at", status->edited_at);
  if (json->authed)
    {
      json_object_set_boolean_member (object, "favourited", (status->flags & DEMO_STATUS_FAVOURITED) != 0);
      json_object_set_boolean_member (object, "reblogged", (status->flags & DEMO_STATUS_REBLOGGED) != 0);
      json_object_set_boolean_member (object, "muted", (status->flags & DEMO_STATUS_MUTED) != 0);
      json_object_set_boolean_member (object, "bookmarked", (status->flags & DEMO_STATUS_BOOKMARKED) != 0);
      if (status->account == world->brand)
        json_object_set_boolean_member (object, "pinned", (status->flags & DEMO_STATUS_PINNED) != 0);
    }
  json_object_set_string_member (object, "content", status->content);
  json_object_set_array_member (object, "filtered", filtered_of (json, status));
  if (is_reblog)
    json_object_set_object_member (object, "reblog", status_object (json, status->reblog, depth));
  else
    json_object_set_null_member (object, "reblog");
  if (status->application)
    {
      JsonObject *application = json_object_new ();

      json_object_set_string_member (application, "name", "Web");
      json_object_set_null_member (application, "website");
      json_object_set_object_member (object, "application", application);
    }
  json_object_set_object_member (object, "account", account_object (json, status->account));
  for (guint i = 0; i < status->n_media; i++)
    json_array_add_object_element (media, media_object (json, status->media[i]));
  json_object_set_array_member (object, "media_attachments", media);
  json_object_set_array_member (object, "mentions", mentions_of (json, status));
  json_object_set_array_member (object, "tags", tags_of (json, status));
  json_object_set_array_member (object, "emojis", emojis_in (json, status->text, status->spoiler_text));
  if (status->card != NULL)
    json_object_set_object_member (object, "card", card_object (json, status->card));
  else
    json_object_set_null_member (object, "card");
  if (status->poll != NULL)
    json_object_set_object_member (object, "poll", poll_object (json, status->poll));
  else
    json_object_set_null_member (object, "poll");
  if (status->quote != NULL)
    json_object_set_object_member (object, "quote", quote_object (json, status->quote, depth));
  else
    json_object_set_null_member (object, "quote");
  json_array_add_string_element (automatic, "public");
  json_object_set_array_member (approval, "automatic", automatic);
  json_object_set_array_member (approval, "manual", json_array_new ());
  json_object_set_string_member (approval, "current_user",
                                 status->visibility <= DEMO_VISIBILITY_UNLISTED ? "automatic" : "denied");
  json_object_set_object_member (object, "quote_approval", approval);

  return object;
}

JsonNode *
demo_json_status (DemoJson   *json,
                  DemoStatus *status)
{
  return node_from_object (status_object (json, status, 0));
}

/* The status with its source `text`, as DELETE answers for "delete and
 * redraft". */
JsonNode *
demo_json_status_with_text (DemoJson   *json,
                            DemoStatus *status)
{
  JsonObject *object = status_object (json, status, 0);

  json_object_set_string_member (object, "text", status->text != NULL ? status->text : "");
  return node_from_object (object);
}

JsonNode *
demo_json_notification (DemoJson  *json,
                        DemoEvent *event)
{
  JsonObject *object = json_object_new ();
  g_autofree char *id = demo_json_id (event->id);
  const char *type = starling_demo_event_type_name (event->type);

  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "type", type);
  set_time (object, "created_at", starling_demo_world_id_to_ms (event->id));
  if ((event->type == DEMO_EVENT_FAVOURITE || event->type == DEMO_EVENT_REBLOG) && event->status != NULL)
    set_take_string (object, "group_key", g_strdup_printf ("%s-%" G_GUINT64_FORMAT, type, event->status->id));
  else if (event->type == DEMO_EVENT_FOLLOW)
    set_take_string (object, "group_key", g_strdup_printf ("follow-%" G_GINT64_FORMAT,
                                                           starling_demo_world_id_to_ms (event->id) / 86400000));
  else
    set_take_string (object, "group_key", g_strdup_printf ("ungrouped-%s", id));
  json_object_set_object_member (object, "account", account_object (json, event->account));
  if (event->status != NULL)
    json_object_set_object_member (object, "status", status_object (json, event->status, 0));
  return node_from_object (object);
}

JsonNode *
demo_json_relationship (DemoJson    *json,
                        DemoAccount *account)
{
  JsonObject *object = json_object_new ();
  guint rel = account->rel;

  set_take_string (object, "id", demo_json_id (account->id));
  json_object_set_boolean_member (object, "following", (rel & DEMO_REL_FOLLOWING) != 0);
  json_object_set_boolean_member (object, "showing_reblogs", (rel & DEMO_REL_FOLLOWING) != 0);
  json_object_set_boolean_member (object, "notifying", (rel & DEMO_REL_NOTIFYING) != 0);
  json_object_set_null_member (object, "languages");
  json_object_set_boolean_member (object, "followed_by", (rel & DEMO_REL_FOLLOWED_BY) != 0);
  json_object_set_boolean_member (object, "blocking", (rel & DEMO_REL_BLOCKING) != 0);
  json_object_set_boolean_member (object, "blocked_by", FALSE);
  json_object_set_boolean_member (object, "muting", (rel & DEMO_REL_MUTING) != 0);
  json_object_set_boolean_member (object, "muting_notifications", (rel & DEMO_REL_MUTING) != 0);
  json_object_set_boolean_member (object, "requested", (rel & DEMO_REL_REQUESTED) != 0);
  json_object_set_boolean_member (object, "requested_by", (rel & DEMO_REL_REQUESTED_BY) != 0);
  json_object_set_boolean_member (object, "domain_blocking", FALSE);
  json_object_set_boolean_member (object, "endorsed", (rel & DEMO_REL_ENDORSED) != 0);
  json_object_set_string_member (object, "note", "");
  return node_from_object (object);
}

JsonNode *
demo_json_tag (DemoJson *json,
               guint     index)
{
  JsonObject *object = json_object_new ();
  JsonArray *history = json_array_new ();
  const DemoTag *tag = &json->world->tags[index];
  gint64 day = (json->world->epoch / 86400) * 86400;

  json_object_set_string_member (object, "name", tag->name);
  set_take_string (object, "url", g_strdup_printf ("https://%s/tags/%s", json->world->domain, tag->name));
  for (guint i = 0; i < 7; i++)
    {
      JsonObject *entry = json_object_new ();
      guint uses = (index * 7 + i * 3) % 17 + 2;

      set_take_string (entry, "day", g_strdup_printf ("%" G_GINT64_FORMAT, day - (gint64) i * 86400));
      set_take_string (entry, "uses", g_strdup_printf ("%u", uses * 3));
      set_take_string (entry, "accounts", g_strdup_printf ("%u", uses));
      json_array_add_object_element (history, entry);
    }
  json_object_set_array_member (object, "history", history);
  if (json->authed)
    {
      json_object_set_boolean_member (object, "following", tag->following);
      json_object_set_boolean_member (object, "featuring", FALSE);
    }
  return node_from_object (object);
}

JsonNode *
demo_json_list (DemoJson *json,
                DemoList *list)
{
  JsonObject *object = json_object_new ();

  set_take_string (object, "id", demo_json_id (list->id));
  json_object_set_string_member (object, "title", list->title);
  json_object_set_string_member (object, "replies_policy", list->replies_policy);
  json_object_set_boolean_member (object, "exclusive", list->exclusive);
  return node_from_object (object);
}

JsonNode *
demo_json_scheduled (DemoJson      *json,
                     DemoScheduled *scheduled)
{
  JsonObject *object = json_object_new ();
  JsonObject *params = json_object_new ();
  JsonArray *media_ids = json_array_new ();
  JsonArray *media = json_array_new ();

  set_take_string (object, "id", demo_json_id (scheduled->id));
  set_time (object, "scheduled_at", scheduled->scheduled_at);
  json_object_set_string_member (params, "text", scheduled->text);
  json_object_set_null_member (params, "poll");
  for (guint i = 0; scheduled->media_ids != NULL && i < scheduled->media_ids->len; i++)
    {
      const char *id = g_ptr_array_index (scheduled->media_ids, i);
      DemoMedia *attachment = starling_demo_world_find_media (json->world, id);

      json_array_add_string_element (media_ids, id);
      if (attachment != NULL)
        json_array_add_object_element (media, media_object (json, attachment));
    }
  if (json_array_get_length (media_ids) > 0)
    json_object_set_array_member (params, "media_ids", media_ids);
  else
    {
      json_object_set_null_member (params, "media_ids");
      json_array_unref (media_ids);
    }
  json_object_set_boolean_member (params, "sensitive", scheduled->sensitive);
  set_string (params, "spoiler_text", scheduled->spoiler_text);
  set_string (params, "visibility", scheduled->visibility);
  json_object_set_null_member (params, "in_reply_to_id");
  json_object_set_null_member (params, "language");
  json_object_set_null_member (params, "application_id");
  json_object_set_null_member (params, "scheduled_at");
  set_string (params, "idempotency", scheduled->idempotency);
  json_object_set_boolean_member (params, "with_rate_limit", FALSE);
  json_object_set_object_member (object, "params", params);
  json_object_set_array_member (object, "media_attachments", media);
  return node_from_object (object);
}

JsonNode *
demo_json_conversation (DemoJson         *json,
                        DemoConversation *conversation)
{
  JsonObject *object = json_object_new ();
  JsonArray *accounts = json_array_new ();

  set_take_string (object, "id", demo_json_id (conversation->id));
  json_object_set_boolean_member (object, "unread", conversation->unread);
  json_array_add_object_element (accounts, account_object (json, conversation->account));
  json_object_set_array_member (object, "accounts", accounts);
  json_object_set_object_member (object, "last_status", status_object (json, conversation->last_status, 0));
  return node_from_object (object);
}

JsonNode *
demo_json_custom_emojis (DemoJson *json)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < demo_world_n_emojis; i++)
    json_array_add_object_element (array, emoji_object (json, &demo_world_emojis[i]));
  return node_from_array (array);
}

static JsonArray *
strings_array (const char * const *strings)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strings[i] != NULL; i++)
    json_array_add_string_element (array, strings[i]);
  return array;
}

static const char *mime_types[] = {
  "image/jpeg", "image/png", "image/gif", "image/heic", "image/heif", "image/webp", "image/avif",
  "video/webm", "video/mp4", "video/quicktime", "video/ogg", "audio/wave", "audio/wav",
  "audio/x-wav", "audio/ogg", "audio/vorbis", "audio/mpeg", "audio/mp3", "audio/webm",
  "audio/flac", "audio/aac", "audio/m4a", "audio/x-m4a", "audio/mp4", "audio/3gpp", NULL,
};

static const char *rules[] = {
  "Be kind. No harassment, no hate speech.",
  "Put content warnings on graphic or upsetting content.",
  "No spam or undisclosed advertising.",
  "Describe your pictures for people who can't see them.",
  NULL,
};

static JsonObject *
configuration_object (DemoJson *json,
                      gboolean  v2)
{
  JsonObject *configuration = json_object_new ();
  JsonObject *statuses = json_object_new ();
  JsonObject *media = json_object_new ();
  JsonObject *polls = json_object_new ();
  JsonObject *accounts = json_object_new ();

  json_object_set_int_member (accounts, "max_featured_tags", 10);
  json_object_set_int_member (accounts, "max_pinned_statuses", 5);
  json_object_set_int_member (statuses, "max_characters", 500);
  json_object_set_int_member (statuses, "max_media_attachments", 4);
  json_object_set_int_member (statuses, "characters_reserved_per_url", 23);
  json_object_set_array_member (media, "supported_mime_types", strings_array (mime_types));
  json_object_set_int_member (media, "description_limit", 1500);
  json_object_set_int_member (media, "image_size_limit", 16777216);
  json_object_set_int_member (media, "image_matrix_limit", 33177600);
  json_object_set_int_member (media, "video_size_limit", 103809024);
  json_object_set_int_member (media, "video_frame_rate_limit", 120);
  json_object_set_int_member (media, "video_matrix_limit", 8294400);
  json_object_set_int_member (polls, "max_options", 4);
  json_object_set_int_member (polls, "max_characters_per_option", 50);
  json_object_set_int_member (polls, "min_expiration", 300);
  json_object_set_int_member (polls, "max_expiration", 2629746);
  json_object_set_object_member (configuration, "accounts", accounts);
  json_object_set_object_member (configuration, "statuses", statuses);
  json_object_set_object_member (configuration, "media_attachments", media);
  json_object_set_object_member (configuration, "polls", polls);
  if (v2)
    {
      JsonObject *urls = json_object_new ();
      JsonObject *translation = json_object_new ();
      JsonObject *vapid = json_object_new ();
      JsonObject *access = json_object_new ();
      const char *feeds[] = { "live_feeds", "hashtag_feeds", "trending_link_feeds" };

      json_object_set_string_member (urls, "streaming", json->streaming);
      json_object_set_null_member (urls, "status");
      set_take_string (urls, "about", g_strdup_printf ("%s/about", json->base));
      set_take_string (urls, "privacy_policy", g_strdup_printf ("%s/privacy-policy", json->base));
      json_object_set_null_member (urls, "terms_of_service");
      json_object_set_object_member (configuration, "urls", urls);
      json_object_set_string_member (vapid, "public_key",
                                     "BDemoDemoDemoDemoDemoDemoDemoDemoDemoDemoDemoDemoDemoDemoDemoDemoDemoDemoDemoDemoDemoDemoDE=");
      json_object_set_object_member (configuration, "vapid", vapid);
      json_object_set_boolean_member (translation, "enabled", FALSE);
      json_object_set_object_member (configuration, "translation", translation);
      for (guint i = 0; i < G_N_ELEMENTS (feeds); i++)
        {
          JsonObject *feed = json_object_new ();

          json_object_set_string_member (feed, "local", "public");
          json_object_set_string_member (feed, "remote", "public");
          json_object_set_object_member (access, feeds[i], feed);
        }
      json_object_set_object_member (configuration, "timelines_access", access);
      json_object_set_boolean_member (configuration, "limited_federation", FALSE);
    }
  return configuration;
}

static JsonArray *
rules_array (void)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; rules[i] != NULL; i++)
    {
      JsonObject *rule = json_object_new ();

      set_take_string (rule, "id", g_strdup_printf ("%u", i + 1));
      json_object_set_string_member (rule, "text", rules[i]);
      json_object_set_string_member (rule, "hint", "");
      json_array_add_object_element (array, rule);
    }
  return array;
}

JsonNode *
demo_json_instance_v2 (DemoJson *json)
{
  JsonObject *object = json_object_new ();
  JsonObject *usage = json_object_new ();
  JsonObject *users = json_object_new ();
  JsonObject *thumbnail = json_object_new ();
  JsonObject *versions = json_object_new ();
  JsonObject *registrations = json_object_new ();
  JsonObject *contact = json_object_new ();
  JsonObject *api_versions = json_object_new ();
  JsonArray *icons = json_array_new ();
  JsonArray *languages = json_array_new ();
  g_autofree char *thumb = g_strdup_printf ("%s/system/site_uploads/files/000/000/001/@1x/thumbnail.png", json->base);
  g_autofree char *thumb2 = g_strdup_printf ("%s/system/site_uploads/files/000/000/001/@2x/thumbnail.png", json->base);
  guint sizes[] = { 36, 72, 192, 512 };

  json_object_set_string_member (object, "domain", json->world->domain);
  json_object_set_string_member (object, "title", "Starling Demo");
  json_object_set_string_member (object, "version", "4.5.0");
  json_object_set_string_member (object, "source_url", "https://github.com/mastodon/mastodon");
  json_object_set_string_member (object, "description",
                                 "A small, friendly Mastodon server for coffee people — simulated inside Starling, so you can try everything without an account.");
  json_object_set_int_member (users, "active_month", 312);
  json_object_set_object_member (usage, "users", users);
  json_object_set_object_member (object, "usage", usage);
  json_object_set_string_member (thumbnail, "url", thumb);
  json_object_set_string_member (thumbnail, "blurhash", starling_demo_image_blurhash (4, 1200, 630));
  json_object_set_string_member (versions, "@1x", thumb);
  json_object_set_string_member (versions, "@2x", thumb2);
  json_object_set_object_member (thumbnail, "versions", versions);
  json_object_set_object_member (object, "thumbnail", thumbnail);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      JsonObject *icon = json_object_new ();

      set_take_string (icon, "src", g_strdup_printf ("%s/system/site_uploads/icon-%u.png", json->base, sizes[i]));
      set_take_string (icon, "size", g_strdup_printf ("%ux%u", sizes[i], sizes[i]));
      json_array_add_object_element (icons, icon);
    }
  json_object_set_array_member (object, "icon", icons);
  json_array_add_string_element (languages, "en");
  json_object_set_array_member (object, "languages", languages);
  json_object_set_object_member (object, "configuration", configuration_object (json, TRUE));
  json_object_set_boolean_member (registrations, "enabled", FALSE);
  json_object_set_boolean_member (registrations, "approval_required", TRUE);
  json_object_set_null_member (registrations, "message");
  json_object_set_int_member (registrations, "min_age", 16);
  json_object_set_boolean_member (registrations, "reason_required", TRUE);
  json_object_set_null_member (registrations, "url");
  json_object_set_object_member (object, "registrations", registrations);
  json_object_set_int_member (api_versions, "mastodon", 7);
  json_object_set_object_member (object, "api_versions", api_versions);
  json_object_set_string_member (contact, "email", "admin@starling.example");
  json_object_set_object_member (contact, "account", account_object (json, json->world->brand));
  json_object_set_object_member (object, "contact", contact);
  json_object_set_array_member (object, "rules", rules_array ());
  return node_from_object (object);
}

JsonNode *
demo_json_instance_v1 (DemoJson *json)
{
  JsonObject *object = json_object_new ();
  JsonObject *urls = json_object_new ();
  JsonObject *stats = json_object_new ();
  JsonArray *languages = json_array_new ();

  json_object_set_string_member (object, "uri", json->world->domain);
  json_object_set_string_member (object, "title", "Starling Demo");
  json_object_set_string_member (object, "short_description", "A small, friendly Mastodon server for coffee people.");
  json_object_set_string_member (object, "description", "");
  json_object_set_string_member (object, "email", "admin@starling.example");
  json_object_set_string_member (object, "version", "4.5.0");
  json_object_set_string_member (urls, "streaming_api", json->streaming);
  json_object_set_object_member (object, "urls", urls);
  json_object_set_int_member (stats, "user_count", 1240);
  json_object_set_int_member (stats, "status_count", 88420);
  json_object_set_int_member (stats, "domain_count", json->world->domains->len);
  json_object_set_object_member (object, "stats", stats);
  set_take_string (object, "thumbnail", g_strdup_printf ("%s/system/site_uploads/files/000/000/001/@1x/thumbnail.png", json->base));
  json_array_add_string_element (languages, "en");
  json_object_set_array_member (object, "languages", languages);
  json_object_set_boolean_member (object, "registrations", FALSE);
  json_object_set_boolean_member (object, "approval_required", TRUE);
  json_object_set_boolean_member (object, "invites_enabled", TRUE);
  json_object_set_object_member (object, "configuration", configuration_object (json, FALSE));
  json_object_set_object_member (object, "contact_account", account_object (json, json->world->brand));
  json_object_set_array_member (object, "rules", rules_array ());
  return node_from_object (object);
}

JsonNode *
demo_json_nodeinfo_links (const char *base,
                          DemoDomain *domain)
{
  JsonObject *object = json_object_new ();
  JsonArray *links = json_array_new ();
  JsonObject *link = json_object_new ();
  const char *schema = strstr (domain->nodeinfo_path, "2.1") != NULL ? "2.1" : "2.0";

  set_take_string (link, "rel", g_strdup_printf ("http://nodeinfo.diaspora.software/ns/schema/%s", schema));
  set_take_string (link, "href", g_strdup_printf ("%s%s", base, domain->nodeinfo_path));
  json_array_add_object_element (links, link);
  if (g_str_equal (domain->software, "mastodon"))
    {
      link = json_object_new ();
      json_object_set_string_member (link, "rel", "https://www.w3.org/ns/activitystreams#Application");
      set_take_string (link, "href", g_strdup_printf ("https://%s/actor", domain->name));
      json_array_add_object_element (links, link);
    }
  json_object_set_array_member (object, "links", links);
  return node_from_object (object);
}

/* A NodeInfo document as each kind of software writes it, sloppiness
 * included (see API-NOTES §7). */
JsonNode *
demo_json_nodeinfo (DemoJson   *json,
                    DemoDomain *domain,
                    const char *schema)
{
  JsonObject *object = json_object_new ();
  JsonObject *software = json_object_new ();
  JsonObject *services = json_object_new ();
  JsonObject *usage = json_object_new ();
  JsonObject *users = json_object_new ();
  JsonObject *metadata = json_object_new ();
  JsonArray *protocols = json_array_new ();
  guint total = domain->users;

  json_object_set_string_member (object, "version", schema);
  json_object_set_string_member (software, "name", domain->software);
  json_object_set_string_member (software, "version", domain->version);
  if (g_str_equal (schema, "2.1"))
    {
      set_take_string (software, "repository", g_strdup_printf ("https://github.com/%s/%s", domain->software, domain->software));
      set_take_string (software, "homepage", g_strdup_printf ("https://%s.org", domain->software));
    }
  json_object_set_object_member (object, "software", software);
  json_array_add_string_element (protocols, "activitypub");
  if (g_str_equal (domain->software, "friendica"))
    json_array_add_string_element (protocols, "dfrn");
  json_object_set_array_member (object, "protocols", protocols);
  json_object_set_array_member (services, "outbound", json_array_new ());
  json_object_set_array_member (services, "inbound", json_array_new ());
  json_object_set_object_member (object, "services", services);

  switch (domain->quirk)
    {
    case 5:  /* Friendica: "users":{} */
      break;
    case 3:  /* GoToSocial: no activeMonth/activeHalfyear */
      json_object_set_int_member (users, "total", total);
      break;
    case 2:  /* Sharkey: activeHalfyear null */
      json_object_set_int_member (users, "total", total);
      json_object_set_int_member (users, "activeMonth", total / 5);
      json_object_set_null_member (users, "activeHalfyear");
      break;
    default:
      json_object_set_int_member (users, "total", total);
      json_object_set_int_member (users, "activeMonth", total / 8);
      json_object_set_int_member (users, "activeHalfyear", total / 4);
      break;
    }
  json_object_set_object_member (usage, "users", users);
  json_object_set_int_member (usage, "localPosts", (gint64) total * 37);
  if (domain->quirk == 5)
    json_object_set_int_member (usage, "localComments", (gint64) total * 12);
  json_object_set_object_member (object, "usage", usage);
  json_object_set_boolean_member (object, "openRegistrations", total > 5000);

  json_object_set_string_member (metadata, "nodeName", domain->name);
  set_take_string (metadata, "nodeDescription", g_strdup_printf ("A %s server", domain->software));
  if (domain->quirk == 4)
    {
      /* Akkoma's metadata is large: features, federation policies and a
       * long list of quarantined instances. */
      JsonObject *federation = json_object_new ();
      JsonArray *quarantined = json_array_new ();
      static const char *feature_names[] = {
        "pleroma_api", "akkoma_api", "mastodon_api", "mastodon_api_streaming", "polls",
        "v2_suggestions", "pleroma_explicit_addressing", "shareable_emoji_packs", "multifetch",
        "pleroma:api/v1/notifications:include_types_filter", "editing", "quote_posting",
        "pleroma_emoji_reactions", "exposable_reactions", "profile_directory", "custom_emoji_reactions", NULL,
      };

      for (guint i = 0; i < 900; i++)
        {
          g_autofree char *name = g_strdup_printf ("blocked-instance-%03u.example", i);

          json_array_add_string_element (quarantined, name);
        }
      json_object_set_array_member (federation, "quarantined_instances", quarantined);
      json_object_set_boolean_member (federation, "enabled", TRUE);
      json_object_set_array_member (federation, "mrf_policies", json_array_new ());
      json_object_set_object_member (metadata, "federation", federation);
      json_object_set_array_member (metadata, "features", strings_array (feature_names));
    }
  else if (g_str_equal (domain->software, "peertube"))
    {
      JsonObject *taxonomy = json_object_new ();

      json_object_set_string_member (taxonomy, "postsName", "Videos");
      json_object_set_object_member (metadata, "taxonomy", taxonomy);
    }
  json_object_set_object_member (object, "metadata", metadata);
  return node_from_object (object);
}
