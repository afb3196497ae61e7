/* starling-demo-api.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-demo"

#include "config.h"

#include <string.h>

#include "starling-demo-image.h"
#include "starling-demo-server-private.h"

/* The REST endpoints of the demo instance, as Mastodon 4.5 answers them. */

#define MAX_PINNED 5
#define MAX_CHARACTERS 500
#define IDEMPOTENCY_US (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)

static JsonNode *
array_node (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  return node;
}

static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

static guint64
status_key (gpointer item)
{
  return ((DemoStatus *) item)->id;
}

static guint64
event_key (gpointer item)
{
  return ((DemoEvent *) item)->id;
}

static guint64
follow_key (gpointer item)
{
  return ((DemoAccount *) item)->follow_id;
}

static guint64
pointer_id_key (gpointer item)
{
  /* Every record whose first member is its guint64 id. */
  return *(guint64 *) item;
}

static StarlingDemoWorld *
world_of (DemoCall *call)
{
  return call->self->world;
}

/* What the caller may see: with a user token, what the brand sees;
 * anonymously, public and unlisted posts only. */
static gboolean
visible (DemoCall   *call,
         DemoStatus *status)
{
  if (status->flags & DEMO_STATUS_DELETED)
    return FALSE;
  if (status->reblog != NULL && (status->reblog->flags & DEMO_STATUS_DELETED))
    return FALSE;
  if (call->json.authed)
    return demo_status_visible_to_brand (world_of (call), status);
  return status->visibility <= DEMO_VISIBILITY_UNLISTED;
}

static void
reply_statuses (DemoCall  *call,
                GPtrArray *page)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < page->len; i++)
    json_array_add_element (array, demo_json_status (&call->json, g_ptr_array_index (page, i)));
  demo_reply_json (call, SOUP_STATUS_OK, array_node (array));
}

static void
reply_accounts (DemoCall  *call,
                GPtrArray *accounts)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < accounts->len; i++)
    json_array_add_element (array, demo_json_account (&call->json, g_ptr_array_index (accounts, i)));
  demo_reply_json (call, SOUP_STATUS_OK, array_node (array));
}

static void
reply_status (DemoCall   *call,
              DemoStatus *status)
{
  demo_reply_json (call, SOUP_STATUS_OK, demo_json_status (&call->json, status));
}

static DemoStatus *
find_status_or_404 (DemoCall *call)
{
  DemoStatus *status = starling_demo_world_find_status (world_of (call), call->args[0]);

  if (status == NULL || !visible (call, status))
    {
      demo_reply_error (call, SOUP_STATUS_NOT_FOUND, "Record not found");
      return NULL;
    }
  return status;
}

static DemoAccount *
find_account_or_404 (DemoCall *call)
{
  DemoAccount *account = starling_demo_world_find_account (world_of (call), call->args[0]);

  if (account == NULL)
    demo_reply_error (call, SOUP_STATUS_NOT_FOUND, "Record not found");
  return account;
}

/* Instance and discovery */

static void
get_instance_v2 (DemoCall *call)
{
  demo_reply_json (call, SOUP_STATUS_OK, demo_json_instance_v2 (&call->json));
}

static void
get_instance_v1 (DemoCall *call)
{
  demo_reply_json (call, SOUP_STATUS_OK, demo_json_instance_v1 (&call->json));
}

static void
get_instance_rules (DemoCall *call)
{
  g_autoptr (JsonNode) instance = demo_json_instance_v2 (&call->json);
  JsonNode *rules = json_object_dup_member (json_node_get_object (instance), "rules");

  demo_reply_json (call, SOUP_STATUS_OK, rules);
}

static DemoDomain *
own_domain (DemoCall *call)
{
  return g_ptr_array_index (world_of (call)->domains, 0);
}

static void
get_well_known_nodeinfo (DemoCall *call)
{
  demo_reply_json (call, SOUP_STATUS_OK, demo_json_nodeinfo_links (call->base, own_domain (call)));
}

static void
get_nodeinfo (DemoCall *call)
{
  demo_reply_json (call, SOUP_STATUS_OK, demo_json_nodeinfo (&call->json, own_domain (call), "2.0"));
}

static void
get_custom_emojis (DemoCall *call)
{
  demo_reply_json (call, SOUP_STATUS_OK, demo_json_custom_emojis (&call->json));
}

static void
get_preferences (DemoCall *call)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "posting:default:visibility", "public");
  json_object_set_boolean_member (object, "posting:default:sensitive", FALSE);
  json_object_set_string_member (object, "posting:default:language", "en");
  json_object_set_string_member (object, "posting:default:quote_policy", "public");
  json_object_set_string_member (object, "reading:expand:media", "default");
  json_object_set_boolean_member (object, "reading:expand:spoilers", FALSE);
  json_object_set_boolean_member (object, "reading:autoplay:gifs", FALSE);
  demo_reply_json (call, SOUP_STATUS_OK, object_node (object));
}

static void
get_verify_credentials (DemoCall *call)
{
  demo_reply_json (call, SOUP_STATUS_OK, demo_json_credential_account (&call->json));
}

static void
get_streaming_health (DemoCall *call)
{
  demo_reply_text (call, SOUP_STATUS_OK, "text/plain", "OK");
}

/* Files: avatars, headers, media, emoji, cards */

void
demo_api_serve_file (DemoCall *call)
{
  StarlingDemoWorld *world = world_of (call);
  g_auto (GStrv) parts = g_strsplit (call->path + 1, "/", -1);
  guint n = g_strv_length (parts);
  g_autoptr (GBytes) png = NULL;
  const char *content_type = "image/png";

  if (n == 5 && g_str_equal (parts[1], "accounts"))
    {
      DemoAccount *account = starling_demo_world_find_account (world, parts[3]);

      if (account != NULL && g_str_equal (parts[2], "avatars"))
        png = starling_demo_image_png (DEMO_IMAGE_AVATAR, account->seed % DEMO_N_PALETTES, 120, 120);
      else if (account != NULL && g_str_equal (parts[2], "headers"))
        png = starling_demo_image_png (DEMO_IMAGE_GRADIENT, (account->seed / 16) % DEMO_N_PALETTES, 600, 200);
    }
  else if (n == 5 && g_str_equal (parts[1], "media_attachments"))
    {
      DemoMedia *media = starling_demo_world_find_media (world, parts[3]);

      if (media != NULL && g_str_has_prefix (parts[4], "original") && media->polls_left == 0)
        {
          if (media->upload != NULL)
            {
              soup_message_headers_replace (soup_server_message_get_response_headers (call->msg),
                                            "Cache-Control", "public, max-age=31536000, immutable");
              demo_reply_bytes (call, SOUP_STATUS_OK, media->content_type, media->upload);
              return;
            }
          png = starling_demo_image_png (DEMO_IMAGE_GRADIENT, media->palette, media->width, media->height);
        }
      else if (media != NULL && g_str_has_prefix (parts[4], "small"))
        {
          guint w = media->width >= media->height ? 400 : 400 * media->width / MAX (media->height, 1);
          guint h = media->width >= media->height ? 400 * media->height / MAX (media->width, 1) : 400;

          png = starling_demo_image_png (DEMO_IMAGE_GRADIENT, media->palette, w, h);
        }
    }
  else if (n == 3 && g_str_equal (parts[1], "custom_emojis") && g_str_has_suffix (parts[2], ".png"))
    {
      for (guint i = 0; i < demo_world_n_emojis; i++)
        if (strncmp (parts[2], demo_world_emojis[i].shortcode, strlen (parts[2]) - 4) == 0
            && strlen (demo_world_emojis[i].shortcode) == strlen (parts[2]) - 4)
          png = starling_demo_image_png (DEMO_IMAGE_EMOJI, demo_world_emojis[i].palette, 64, 64);
    }
  else if (n == 5 && g_str_equal (parts[1], "preview_cards"))
    {
      guint64 index;

      if (g_ascii_string_to_unsigned (parts[3], 10, 0, demo_world_n_cards - 1, &index, NULL))
        png = starling_demo_image_png (DEMO_IMAGE_GRADIENT, demo_world_cards[index].palette, 640, 336);
    }
  else if (n >= 3 && g_str_equal (parts[1], "site_uploads"))
    {
      guint64 size = 0;

      if (g_str_equal (parts[n - 1], "thumbnail.png"))
        png = starling_demo_image_png (DEMO_IMAGE_GRADIENT, 4, 600, 315);
      else if (g_str_has_prefix (parts[n - 1], "icon-")
               && g_ascii_string_to_unsigned (parts[n - 1] + 5, 10, 16, 512,  &size, NULL) == FALSE)
        {
          g_autofree char *digits = g_strndup (parts[n - 1] + 5, strcspn (parts[n - 1] + 5, "."));

          if (g_ascii_string_to_unsigned (digits, 10, 16, 512, &size, NULL))
            png = starling_demo_image_png (DEMO_IMAGE_AVATAR, 4, (guint) size, (guint) size);
        }
    }

  if (png == NULL)
    {
      demo_reply_text (call, SOUP_STATUS_NOT_FOUND, "text/html; charset=utf-8",
                       "<html><body><h1>The page you are looking for isn't here.</h1></body></html>");
      return;
    }
  soup_message_headers_replace (soup_server_message_get_response_headers (call->msg),
                                "Cache-Control", "public, max-age=31536000, immutable");
  demo_reply_bytes (call, SOUP_STATUS_OK, content_type, png);
}

/* Timelines */

static gboolean
keep_home (DemoCall *call,
           gpointer  item,
           gpointer  data)
{
  DemoStatus *status = item;
  StarlingDemoWorld *world = world_of (call);
  DemoAccount *author = status->account;

  if (!visible (call, status) || status->visibility == DEMO_VISIBILITY_DIRECT)
    return FALSE;
  if (author->rel & (DEMO_REL_BLOCKING | DEMO_REL_MUTING))
    return FALSE;
  if (author != world->brand && !(author->rel & DEMO_REL_FOLLOWING))
    return FALSE;
  /* Replies show only when their parent's author is followed too. */
  if (status->in_reply_to != NULL && status->in_reply_to->account != world->brand
      && !(status->in_reply_to->account->rel & DEMO_REL_FOLLOWING))
    return FALSE;
  return TRUE;
}

static void
get_home (DemoCall *call)
{
  g_autoptr (GPtrArray) page = NULL;

  call->json.context = "home";
  page = demo_paginate (call, world_of (call)->statuses, status_key, keep_home, NULL, 20, 40);
  reply_statuses (call, page);
}

static gboolean
keep_public (DemoCall *call,
             gpointer  item,
             gpointer  data)
{
  DemoStatus *status = item;
  gboolean local = demo_param_bool (call, "local", FALSE);
  gboolean remote = demo_param_bool (call, "remote", FALSE);
  const char *tag = data;

  if (status->reblog != NULL || status->visibility != DEMO_VISIBILITY_PUBLIC || !visible (call, status))
    return FALSE;
  if (call->json.authed && (status->account->rel & (DEMO_REL_BLOCKING | DEMO_REL_MUTING)))
    return FALSE;
  if (local && status->account->domain != 0)
    return FALSE;
  if (remote && status->account->domain == 0)
    return FALSE;
  if (demo_param_bool (call, "only_media", FALSE) && status->n_media == 0)
    return FALSE;
  if (tag != NULL && !demo_status_has_tag (status, tag))
    return FALSE;
  return TRUE;
}

static void
get_public (DemoCall *call)
{
  g_autoptr (GPtrArray) page = NULL;

  call->json.context = "public";
  page = demo_paginate (call, world_of (call)->statuses, status_key, keep_public, NULL, 20, 40);
  reply_statuses (call, page);
}

static void
get_tag_timeline (DemoCall *call)
{
  g_autoptr (GPtrArray) page = NULL;

  call->json.context = "public";
  page = demo_paginate (call, world_of (call)->statuses, status_key, keep_public, call->args[0], 20, 40);
  reply_statuses (call, page);
}

static DemoList *
find_list (DemoCall *call)
{
  StarlingDemoWorld *world = world_of (call);

  for (guint i = 0; i < world->lists->len; i++)
    {
      DemoList *list = g_ptr_array_index (world->lists, i);
      g_autofree char *id = demo_json_id (list->id);

      if (g_strcmp0 (id, call->args[0]) == 0)
        return list;
    }
  demo_reply_error (call, SOUP_STATUS_NOT_FOUND, "Record not found");
  return NULL;
}

static gboolean
keep_list (DemoCall *call,
           gpointer  item,
           gpointer  data)
{
  DemoStatus *status = item;
  DemoList *list = data;

  return g_ptr_array_find (list->members, status->account, NULL) && keep_home (call, item, NULL);
}

static void
get_list_timeline (DemoCall *call)
{
  DemoList *list = find_list (call);
  g_autoptr (GPtrArray) page = NULL;

  if (list == NULL)
    return;
  call->json.context = "home";
  page = demo_paginate (call, world_of (call)->statuses, status_key, keep_list, list, 20, 40);
  reply_statuses (call, page);
}

static gboolean
keep_flag (DemoCall *call,
           gpointer  item,
           gpointer  data)
{
  DemoStatus *status = item;

  return (status->flags & GPOINTER_TO_UINT (data)) != 0 && visible (call, status) && status->reblog == NULL;
}

static guint64
bookmark_key (gpointer item)
{
  DemoStatus *status = item;

  return status->bookmark_id != 0 ? status->bookmark_id : status->id;
}

static guint64
favourite_key (gpointer item)
{
  DemoStatus *status = item;

  return status->favourite_id != 0 ? status->favourite_id : status->id;
}

static void
get_bookmarks (DemoCall *call)
{
  g_autoptr (GPtrArray) page = demo_paginate (call, world_of (call)->statuses, bookmark_key, keep_flag,
                                              GUINT_TO_POINTER (DEMO_STATUS_BOOKMARKED), 20, 40);

  reply_statuses (call, page);
}

static void
get_favourites (DemoCall *call)
{
  g_autoptr (GPtrArray) page = demo_paginate (call, world_of (call)->statuses, favourite_key, keep_flag,
                                              GUINT_TO_POINTER (DEMO_STATUS_FAVOURITED), 20, 40);

  reply_statuses (call, page);
}

/* Accounts */

static void
get_account (DemoCall *call)
{
  DemoAccount *account = find_account_or_404 (call);

  if (account != NULL)
    demo_reply_json (call, SOUP_STATUS_OK, demo_json_account (&call->json, account));
}

static gboolean
keep_account_status (DemoCall *call,
                     gpointer  item,
                     gpointer  data)
{
  DemoStatus *status = item;
  const char *tagged = demo_param (call, "tagged");

  if (status->account != data || !visible (call, status))
    return FALSE;
  if (status->visibility == DEMO_VISIBILITY_DIRECT)
    return FALSE;
  if (demo_param_bool (call, "only_media", FALSE) && (status->reblog != NULL || status->n_media == 0))
    return FALSE;
  if (demo_param_bool (call, "exclude_replies", FALSE) && status->in_reply_to != NULL
      && status->in_reply_to->account != status->account)
    return FALSE;
  if (demo_param_bool (call, "exclude_reblogs", FALSE) && status->reblog != NULL)
    return FALSE;
  if (demo_param_bool (call, "pinned", FALSE) && !(status->flags & DEMO_STATUS_PINNED))
    return FALSE;
  if (tagged != NULL && !demo_status_has_tag (status, tagged))
    return FALSE;
  return TRUE;
}

static void
get_account_statuses (DemoCall *call)
{
  DemoAccount *account = find_account_or_404 (call);
  g_autoptr (GPtrArray) page = NULL;

  if (account == NULL)
    return;
  call->json.context = "account";
  page = demo_paginate (call, world_of (call)->statuses, status_key, keep_account_status, account, 20, 40);
  reply_statuses (call, page);
}

static void
get_followers_or_following (DemoCall *call,
                            gboolean  followers)
{
  StarlingDemoWorld *world = world_of (call);
  DemoAccount *account = find_account_or_404 (call);
  g_autoptr (GPtrArray) page = NULL;

  if (account == NULL)
    return;
  if (account == world->brand)
    page = demo_paginate (call, followers ? world->followers : world->following, follow_key, NULL, NULL, 40, 80);
  else
    {
      /* What this server knows of a remote account's follows: the brand's. */
      page = g_ptr_array_new ();
      if ((followers && (account->rel & DEMO_REL_FOLLOWING)) || (!followers && (account->rel & DEMO_REL_FOLLOWED_BY)))
        g_ptr_array_add (page, world->brand);
    }
  reply_accounts (call, page);
}

static void
get_followers (DemoCall *call)
{
  get_followers_or_following (call, TRUE);
}

static void
get_following (DemoCall *call)
{
  get_followers_or_following (call, FALSE);
}

static void
get_relationships (DemoCall *call)
{
  GPtrArray *ids = demo_param_all (call, "id");
  JsonArray *array = json_array_new ();

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      DemoAccount *account = starling_demo_world_find_account (world_of (call), g_ptr_array_index (ids, i));

      if (account != NULL)
        json_array_add_element (array, demo_json_relationship (&call->json, account));
    }
  demo_reply_json (call, SOUP_STATUS_OK, array_node (array));
}

static void
get_lookup (DemoCall *call)
{
  const char *acct = demo_param (call, "acct");
  g_autofree char *key = NULL;
  DemoAccount *account;

  if (acct == NULL)
    {
      demo_reply_error (call, SOUP_STATUS_BAD_REQUEST, "Missing parameter: acct");
      return;
    }
  key = g_strdup (acct[0] == '@' ? acct + 1 : acct);
  if (g_str_has_suffix (key, "@starling.example"))
    key[strlen (key) - strlen ("@starling.example")] = '\0';
  account = g_hash_table_lookup (world_of (call)->accounts_by_acct, key);
  if (account == NULL)
    {
      demo_reply_error (call, SOUP_STATUS_NOT_FOUND, "Record not found");
      return;
    }
  demo_reply_json (call, SOUP_STATUS_OK, demo_json_account (&call->json, account));
}

static gboolean
account_matches (StarlingDemoWorld *world,
                 DemoAccount       *account,
                 const char        *query)
{
  g_autofree char *name = g_utf8_strdown (account->display_name, -1);
  g_autofree char *acct = g_strdup_printf ("%s@%s", account->username, starling_demo_world_domain_name (world, account));

  return strstr (acct, query) != NULL || strstr (name, query) != NULL;
}

static guint
param_offset (DemoCall *call)
{
  guint64 offset = 0;
  const char *value = demo_param (call, "offset");

  if (value != NULL)
    g_ascii_string_to_unsigned (value, 10, 0, 10000, &offset, NULL);
  return (guint) offset;
}

static GPtrArray *
search_accounts (DemoCall   *call,
                 const char *query,
                 guint       limit)
{
  StarlingDemoWorld *world = world_of (call);
  g_autofree char *needle = g_utf8_strdown (query[0] == '@' ? query + 1 : query, -1);
  GPtrArray *found = g_ptr_array_new ();
  guint offset = param_offset (call);
  gboolean following = demo_param_bool (call, "following", FALSE);

  for (guint i = 0; i < world->accounts->len && found->len < limit; i++)
    {
      DemoAccount *account = g_ptr_array_index (world->accounts, i);

      if (following && !(account->rel & DEMO_REL_FOLLOWING))
        continue;
      if (!account_matches (world, account, needle))
        continue;
      if (offset > 0)
        {
          offset--;
          continue;
        }
      g_ptr_array_add (found, account);
    }
  return found;
}

static void
get_account_search (DemoCall *call)
{
  const char *query = demo_param (call, "q");
  g_autoptr (GPtrArray) found = NULL;

  if (query == NULL || *query == '\0')
    {
      demo_reply_error (call, SOUP_STATUS_BAD_REQUEST, "Missing parameter: q");
      return;
    }
  found = search_accounts (call, query, demo_param_limit (call, 40, 80));
  reply_accounts (call, found);
}

static void
reply_relationship (DemoCall    *call,
                    DemoAccount *account)
{
  demo_reply_json (call, SOUP_STATUS_OK, demo_json_relationship (&call->json, account));
}

static DemoAccount *
find_other_account (DemoCall *call)
{
  DemoAccount *account = find_account_or_404 (call);

  if (account != NULL && account == world_of (call)->brand)
    {
      demo_reply_error (call, SOUP_STATUS_FORBIDDEN, "This action is not allowed");
      return NULL;
    }
  return account;
}

static void
post_follow (DemoCall *call)
{
  StarlingDemoWorld *world = world_of (call);
  DemoAccount *account = find_other_account (call);

  if (account == NULL)
    return;
  if (account->rel & DEMO_REL_BLOCKING)
    {
      demo_reply_error (call, SOUP_STATUS_FORBIDDEN, "This action is not allowed");
      return;
    }
  if (!(account->rel & (DEMO_REL_FOLLOWING | DEMO_REL_REQUESTED)))
    {
      if (account->flags & DEMO_ACCOUNT_LOCKED)
        account->rel |= DEMO_REL_REQUESTED;
      else
        {
          account->rel |= DEMO_REL_FOLLOWING;
          account->follow_id = starling_demo_world_next_id (world, g_get_real_time () / 1000);
          g_ptr_array_add (world->following, account);
          world->brand->following_count++;
          account->followers_count++;
        }
    }
  if (demo_param_bool (call, "notify", FALSE))
    account->rel |= DEMO_REL_NOTIFYING;
  reply_relationship (call, account);
}

static void
unfollow (StarlingDemoWorld *world,
          DemoAccount       *account)
{
  if (account->rel & DEMO_REL_FOLLOWING)
    {
      g_ptr_array_remove (world->following, account);
      world->brand->following_count--;
      if (account->followers_count > 0)
        account->followers_count--;
    }
  account->rel &= ~(DEMO_REL_FOLLOWING | DEMO_REL_REQUESTED | DEMO_REL_NOTIFYING);
}

static void
post_unfollow (DemoCall *call)
{
  DemoAccount *account = find_other_account (call);

  if (account == NULL)
    return;
  unfollow (world_of (call), account);
  reply_relationship (call, account);
}

static void
post_block (DemoCall *call)
{
  StarlingDemoWorld *world = world_of (call);
  DemoAccount *account = find_other_account (call);

  if (account == NULL)
    return;
  unfollow (world, account);
  if (account->rel & DEMO_REL_FOLLOWED_BY)
    {
      g_ptr_array_remove (world->followers, account);
      world->brand->followers_count--;
    }
  account->rel &= ~DEMO_REL_FOLLOWED_BY;
  account->rel |= DEMO_REL_BLOCKING;
  reply_relationship (call, account);
}

static void
post_unblock (DemoCall *call)
{
  DemoAccount *account = find_other_account (call);

  if (account == NULL)
    return;
  account->rel &= ~DEMO_REL_BLOCKING;
  reply_relationship (call, account);
}

/* Answering a follow request: the id is the asking account's. */
static void
answer_follow_request (DemoCall *call,
                       gboolean  authorize)
{
  StarlingDemoWorld *world = world_of (call);
  DemoAccount *account = find_other_account (call);

  if (account == NULL)
    return;
  if (!(account->rel & DEMO_REL_REQUESTED_BY))
    {
      demo_reply_error (call, SOUP_STATUS_NOT_FOUND, "Record not found");
      return;
    }
  account->rel &= ~DEMO_REL_REQUESTED_BY;
  if (authorize && !(account->rel & DEMO_REL_FOLLOWED_BY))
    {
      account->rel |= DEMO_REL_FOLLOWED_BY;
      account->followed_at = g_get_real_time () / 1000;
      account->follow_id = starling_demo_world_next_id (world, account->followed_at);
      g_ptr_array_add (world->followers, account);
      world->brand->followers_count++;
    }
  reply_relationship (call, account);
}

static void
post_authorize (DemoCall *call)
{
  answer_follow_request (call, TRUE);
}

static void
post_reject (DemoCall *call)
{
  answer_follow_request (call, FALSE);
}

static void
post_mute (DemoCall *call)
{
  DemoAccount *account = find_other_account (call);

  if (account == NULL)
    return;
  account->rel |= DEMO_REL_MUTING;
  reply_relationship (call, account);
}

static void
post_unmute (DemoCall *call)
{
  DemoAccount *account = find_other_account (call);

  if (account == NULL)
    return;
  account->rel &= ~DEMO_REL_MUTING;
  reply_relationship (call, account);
}

/* Statuses */

static void
get_status (DemoCall *call)
{
  DemoStatus *status = find_status_or_404 (call);

  if (status != NULL)
    reply_status (call, status);
}

static void
collect_descendants (DemoCall   *call,
                     DemoStatus *parent,
                     GPtrArray  *out,
                     guint       depth)
{
  StarlingDemoWorld *world = world_of (call);

  if (depth > 64)
    return;
  for (guint i = 0; i < world->statuses->len; i++)
    {
      DemoStatus *status = g_ptr_array_index (world->statuses, i);

      if (status->in_reply_to == parent && visible (call, status))
        {
          g_ptr_array_add (out, status);
          collect_descendants (call, status, out, depth + 1);
        }
    }
}

static void
get_context (DemoCall *call)
{
  DemoStatus *status = find_status_or_404 (call);
  JsonObject *object;
  JsonArray *ancestors;
  JsonArray *descendants;
  g_autoptr (GPtrArray) chain = NULL;
  g_autoptr (GPtrArray) below = NULL;

  if (status == NULL)
    return;
  call->json.context = "thread";
  if (status->reblog != NULL)
    status = status->reblog;
  chain = g_ptr_array_new ();
  for (DemoStatus *up = status->in_reply_to; up != NULL && chain->len < 4096; up = up->in_reply_to)
    if (visible (call, up))
      g_ptr_array_insert (chain, 0, up);
  below = g_ptr_array_new ();
  collect_descendants (call, status, below, 0);

  object = json_object_new ();
  ancestors = json_array_new ();
  descendants = json_array_new ();
  for (guint i = 0; i < chain->len; i++)
    json_array_add_element (ancestors, demo_json_status (&call->json, g_ptr_array_index (chain, i)));
  for (guint i = 0; i < below->len; i++)
    json_array_add_element (descendants, demo_json_status (&call->json, g_ptr_array_index (below, i)));
  json_object_set_array_member (object, "ancestors", ancestors);
  json_object_set_array_member (object, "descendants", descendants);
  demo_reply_json (call, SOUP_STATUS_OK, object_node (object));
}

static gboolean
keep_event (DemoCall *call,
            gpointer  item,
            gpointer  data)
{
  DemoEvent *event = item;
  const DemoEvent *want = data;

  return event->status == want->status && event->type == want->type;
}

static void
get_engaged_by (DemoCall      *call,
                DemoEventType  type)
{
  DemoStatus *status = find_status_or_404 (call);
  DemoEvent want = { 0 };
  g_autoptr (GPtrArray) page = NULL;
  g_autoptr (GPtrArray) accounts = g_ptr_array_new ();

  if (status == NULL)
    return;
  want.status = status->reblog != NULL ? status->reblog : status;
  want.type = type;
  page = demo_paginate (call, world_of (call)->events, event_key, keep_event, &want, 40, 80);
  for (guint i = 0; i < page->len; i++)
    g_ptr_array_add (accounts, ((DemoEvent *) g_ptr_array_index (page, i))->account);
  reply_accounts (call, accounts);
}

static void
get_favourited_by (DemoCall *call)
{
  get_engaged_by (call, DEMO_EVENT_FAVOURITE);
}

static void
get_reblogged_by (DemoCall *call)
{
  get_engaged_by (call, DEMO_EVENT_REBLOG);
}

static DemoStatus *
find_own_status (DemoCall *call)
{
  DemoStatus *status = find_status_or_404 (call);

  if (status != NULL && status->account != world_of (call)->brand)
    {
      demo_reply_error (call, SOUP_STATUS_FORBIDDEN, "This action is not allowed");
      return NULL;
    }
  return status;
}

static void
get_source (DemoCall *call)
{
  DemoStatus *status = find_own_status (call);
  JsonObject *object;

  if (status == NULL)
    return;
  object = json_object_new ();
  json_object_set_string_member (object, "id", call->args[0]);
  json_object_set_string_member (object, "text", status->text != NULL ? status->text : "");
  json_object_set_string_member (object, "spoiler_text", status->spoiler_text != NULL ? status->spoiler_text : "");
  demo_reply_json (call, SOUP_STATUS_OK, object_node (object));
}

static void
get_history (DemoCall *call)
{
  DemoStatus *status = find_status_or_404 (call);
  JsonArray *array;
  g_autoptr (JsonNode) current = NULL;
  JsonObject *object;
  JsonObject *version;

  if (status == NULL)
    return;
  current = demo_json_status (&call->json, status);
  object = json_node_get_object (current);
  array = json_array_new ();
  for (guint i = 0; i < (status->edited_at != 0 ? 2u : 1u); i++)
    {
      version = json_object_new ();
      json_object_set_string_member (version, "content",
                                     i == 0 && status->edited_at != 0 ? "<p>(an earlier version)</p>" : status->content);
      json_object_set_string_member (version, "spoiler_text", status->spoiler_text != NULL ? status->spoiler_text : "");
      json_object_set_boolean_member (version, "sensitive", (status->flags & DEMO_STATUS_SENSITIVE) != 0);
      json_object_set_member (version, "created_at",
                              json_object_dup_member (object, i == 1 ? "edited_at" : "created_at"));
      json_object_set_member (version, "account", json_object_dup_member (object, "account"));
      json_object_set_member (version, "media_attachments", json_object_dup_member (object, "media_attachments"));
      json_object_set_member (version, "emojis", json_object_dup_member (object, "emojis"));
      json_array_add_object_element (array, version);
    }
  demo_reply_json (call, SOUP_STATUS_OK, array_node (array));
}

static void
post_favourite (DemoCall *call)
{
  DemoStatus *status = find_status_or_404 (call);

  if (status == NULL)
    return;
  if (status->reblog != NULL)
    status = status->reblog;
  if (!(status->flags & DEMO_STATUS_FAVOURITED))
    {
      status->flags |= DEMO_STATUS_FAVOURITED;
      status->favourites_count++;
      status->favourite_id = starling_demo_world_next_id (world_of (call), g_get_real_time () / 1000);
    }
  reply_status (call, status);
}

static void
post_unfavourite (DemoCall *call)
{
  DemoStatus *status = find_status_or_404 (call);

  if (status == NULL)
    return;
  if (status->reblog != NULL)
    status = status->reblog;
  if (status->flags & DEMO_STATUS_FAVOURITED)
    {
      status->flags &= ~DEMO_STATUS_FAVOURITED;
      if (status->favourites_count > 0)
        status->favourites_count--;
    }
  reply_status (call, status);
}

static DemoStatus *
find_brand_reblog (StarlingDemoWorld *world,
                   DemoStatus        *original)
{
  for (guint i = world->statuses->len; i > 0; i--)
    {
      DemoStatus *status = g_ptr_array_index (world->statuses, i - 1);

      if (status->reblog == original && status->account == world->brand && !(status->flags & DEMO_STATUS_DELETED))
        return status;
    }
  return NULL;
}

static void
post_reblog (DemoCall *call)
{
  StarlingDemoWorld *world = world_of (call);
  DemoStatus *status = find_status_or_404 (call);
  DemoStatus *wrapper;

  if (status == NULL)
    return;
  if (status->reblog != NULL)
    status = status->reblog;
  if (status->visibility >= DEMO_VISIBILITY_PRIVATE && status->account != world->brand)
    {
      demo_reply_error (call, SOUP_STATUS_FORBIDDEN, "This action is not allowed");
      return;
    }
  wrapper = find_brand_reblog (world, status);
  if (wrapper == NULL)
    {
      const char *visibility = demo_param (call, "visibility");

      wrapper = starling_demo_world_add_status (world, world->brand, "", g_get_real_time () / 1000);
      g_free (wrapper->content);
      wrapper->content = g_strdup ("");
      wrapper->reblog = status;
      if (g_strcmp0 (visibility, "unlisted") == 0)
        wrapper->visibility = DEMO_VISIBILITY_UNLISTED;
      else if (g_strcmp0 (visibility, "private") == 0)
        wrapper->visibility = DEMO_VISIBILITY_PRIVATE;
      status->flags |= DEMO_STATUS_REBLOGGED;
      status->reblogs_count++;
      demo_api_publish (call->self, wrapper);
    }
  reply_status (call, wrapper);
}

static void
post_unreblog (DemoCall *call)
{
  StarlingDemoWorld *world = world_of (call);
  DemoStatus *status = find_status_or_404 (call);
  DemoStatus *wrapper;

  if (status == NULL)
    return;
  if (status->reblog != NULL)
    status = status->reblog;
  wrapper = find_brand_reblog (world, status);
  if (wrapper != NULL)
    {
      wrapper->flags |= DEMO_STATUS_DELETED;
      demo_stream_push_delete (call->self, wrapper);
    }
  if (status->flags & DEMO_STATUS_REBLOGGED)
    {
      status->flags &= ~DEMO_STATUS_REBLOGGED;
      if (status->reblogs_count > 0)
        status->reblogs_count--;
    }
  reply_status (call, status);
}

static void
set_flag (DemoCall *call,
          guint     flag,
          gboolean  on)
{
  DemoStatus *status = find_status_or_404 (call);

  if (status == NULL)
    return;
  if (status->reblog != NULL)
    status = status->reblog;
  if (on)
    {
      if (flag == DEMO_STATUS_BOOKMARKED && !(status->flags & flag))
        status->bookmark_id = starling_demo_world_next_id (world_of (call), g_get_real_time () / 1000);
      status->flags |= flag;
    }
  else
    status->flags &= ~flag;
  reply_status (call, status);
}

static void
post_bookmark (DemoCall *call)
{
  set_flag (call, DEMO_STATUS_BOOKMARKED, TRUE);
}

static void
post_unbookmark (DemoCall *call)
{
  set_flag (call, DEMO_STATUS_BOOKMARKED, FALSE);
}

static void
post_mute_status (DemoCall *call)
{
  set_flag (call, DEMO_STATUS_MUTED, TRUE);
}

static void
post_unmute_status (DemoCall *call)
{
  set_flag (call, DEMO_STATUS_MUTED, FALSE);
}

static void
post_pin (DemoCall *call)
{
  StarlingDemoWorld *world = world_of (call);
  DemoStatus *status = find_status_or_404 (call);
  guint pinned = 0;

  if (status == NULL)
    return;
  if (status->account != world->brand || status->reblog != NULL)
    {
      demo_reply_error (call, 422, "Validation failed: Someone else's post cannot be pinned");
      return;
    }
  if (status->visibility == DEMO_VISIBILITY_DIRECT)
    {
      demo_reply_error (call, 422, "Validation failed: Direct posts cannot be pinned");
      return;
    }
  for (guint i = 0; i < world->statuses->len; i++)
    {
      DemoStatus *other = g_ptr_array_index (world->statuses, i);

      if ((other->flags & DEMO_STATUS_PINNED) && !(other->flags & DEMO_STATUS_DELETED) && other != status)
        pinned++;
    }
  if (pinned >= MAX_PINNED && !(status->flags & DEMO_STATUS_PINNED))
    {
      demo_reply_error (call, 422, "Validation failed: You have already pinned the maximum number of posts");
      return;
    }
  status->flags |= DEMO_STATUS_PINNED;
  reply_status (call, status);
}

static void
post_unpin (DemoCall *call)
{
  DemoStatus *status = find_own_status (call);

  if (status == NULL)
    return;
  status->flags &= ~DEMO_STATUS_PINNED;
  reply_status (call, status);
}

static void
delete_status (DemoCall *call)
{
  DemoStatus *status = find_own_status (call);
  JsonNode *node;

  if (status == NULL)
    return;
  node = demo_json_status_with_text (&call->json, status);
  status->flags |= DEMO_STATUS_DELETED;
  if (status->in_reply_to != NULL && status->in_reply_to->replies_count > 0)
    status->in_reply_to->replies_count--;
  if (world_of (call)->brand->statuses_count > 0)
    world_of (call)->brand->statuses_count--;
  demo_stream_push_delete (call->self, status);
  demo_reply_json (call, SOUP_STATUS_OK, node);
}

/* Counts as Mastodon does, roughly: every URL is 23 characters. */
static guint
count_characters (const char *text,
                  const char *spoiler)
{
  guint count = spoiler != NULL ? (guint) g_utf8_strlen (spoiler, -1) : 0;

  for (const char *p = text; p != NULL && *p != '\0'; )
    {
      if (g_str_has_prefix (p, "http://") || g_str_has_prefix (p, "https://"))
        {
          while (*p != '\0' && !g_ascii_isspace (*p))
            p++;
          count += 23;
        }
      else
        {
          p = g_utf8_next_char (p);
          count++;
        }
    }
  return count;
}

/* Checks the media of a new or edited post. */
static gboolean
collect_media (DemoCall   *call,
               DemoMedia **out,
               guint      *n_out)
{
  GPtrArray *ids = demo_param_all (call, "media_ids");

  *n_out = 0;
  if (ids == NULL)
    return TRUE;
  if (ids->len > 4)
    {
      demo_reply_error (call, 422, "Validation failed: You can attach up to 4 files");
      return FALSE;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      DemoMedia *media = starling_demo_world_find_media (world_of (call), g_ptr_array_index (ids, i));

      if (media == NULL)
        {
          demo_reply_error (call, 422, "Validation failed: Media attachments are invalid");
          return FALSE;
        }
      if (media->polls_left > 0)
        {
          demo_reply_error (call, 422, "Validation failed: Media attachments have not finished processing");
          return FALSE;
        }
      out[(*n_out)++] = media;
    }
  return TRUE;
}

static gboolean
apply_visibility (DemoStatus *status,
                  const char *visibility)
{
  static const char *names[] = { "public", "unlisted", "private", "direct" };

  if (visibility == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (visibility, names[i]))
      {
        status->visibility = i;
        return TRUE;
      }
  return FALSE;
}

static DemoPoll *
poll_from_params (DemoCall  *call,
                  gboolean  *invalid)
{
  GPtrArray *options = demo_param_all (call, "poll[options]");
  const char *expires_in = demo_param (call, "poll[expires_in]");
  guint64 seconds = 86400;
  DemoPoll *poll;

  *invalid = FALSE;
  if (options == NULL)
    return NULL;
  if (options->len < 2 || options->len > 4
      || (expires_in != NULL && !g_ascii_string_to_unsigned (expires_in, 10, 300, 2629746, &seconds, NULL)))
    {
      *invalid = TRUE;
      return NULL;
    }
  poll = g_new0 (DemoPoll, 1);
  poll->id = starling_demo_world_next_id (world_of (call), g_get_real_time () / 1000);
  poll->expires_at = g_get_real_time () / 1000 + (gint64) seconds * 1000;
  poll->multiple = demo_param_bool (call, "poll[multiple]", FALSE);
  for (guint i = 0; i < options->len; i++)
    poll->options[poll->n_options++] = g_strdup (g_ptr_array_index (options, i));
  g_ptr_array_add (world_of (call)->polls, poll);
  return poll;
}

static void
expire_idempotency (StarlingDemoServer *self)
{
  GHashTableIter iter;
  DemoIdempotent *entry;
  gint64 now = g_get_monotonic_time ();

  g_hash_table_iter_init (&iter, self->idempotency);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    if (now - entry->at > IDEMPOTENCY_US)
      g_hash_table_iter_remove (&iter);
}

static void
post_status (DemoCall *call)
{
  StarlingDemoServer *self = call->self;
  StarlingDemoWorld *world = world_of (call);
  const char *key = soup_message_headers_get_one (soup_server_message_get_request_headers (call->msg),
                                                  "Idempotency-Key");
  const char *text = demo_param (call, "status");
  const char *spoiler = demo_param (call, "spoiler_text");
  const char *reply_to = demo_param (call, "in_reply_to_id");
  const char *quoted = demo_param (call, "quoted_status_id");
  const char *scheduled_at = demo_param (call, "scheduled_at");
  DemoMedia *media[4];
  guint n_media = 0;
  DemoStatus *parent = NULL, *quote = NULL, *status;
  DemoPoll *poll = NULL;
  gboolean poll_invalid = FALSE;
  DemoStatus probe = { 0 };

  expire_idempotency (self);
  if (key != NULL && *key != '\0')
    {
      DemoIdempotent *entry = g_hash_table_lookup (self->idempotency, key);

      if (entry != NULL && entry->status != NULL)
        {
          reply_status (call, entry->status);
          return;
        }
      if (entry != NULL && entry->scheduled != NULL)
        {
          demo_reply_json (call, SOUP_STATUS_OK, demo_json_scheduled (&call->json, entry->scheduled));
          return;
        }
    }

  if (!collect_media (call, media, &n_media))
    return;
  if (n_media == 0)
    {
      g_autofree char *copy = g_strdup (text != NULL ? text : "");

      if (*g_strstrip (copy) == '\0' && demo_param_all (call, "poll[options]") == NULL)
        {
          demo_reply_error (call, 422, "Validation failed: Text can't be blank");
          return;
        }
    }
  if (text != NULL && count_characters (text, spoiler) > MAX_CHARACTERS)
    {
      demo_reply_error (call, 422, "Validation failed: Text character limit of 500 exceeded");
      return;
    }
  if (!apply_visibility (&probe, demo_param (call, "visibility")))
    {
      demo_reply_error (call, 422, "Validation failed: Visibility is not included in the list");
      return;
    }
  if (reply_to != NULL && *reply_to != '\0')
    {
      parent = starling_demo_world_find_status (world, reply_to);
      if (parent == NULL || !visible (call, parent))
        {
          demo_reply_error (call, SOUP_STATUS_NOT_FOUND, "Record not found");
          return;
        }
    }
  if (quoted != NULL && *quoted != '\0')
    {
      quote = starling_demo_world_find_status (world, quoted);
      if (quote == NULL || !visible (call, quote))
        {
          demo_reply_error (call, SOUP_STATUS_NOT_FOUND, "Record not found");
          return;
        }
      if (quote->visibility == DEMO_VISIBILITY_DIRECT)
        {
          demo_reply_error (call, 422, "Validation failed: Quoted status cannot be a private mention");
          return;
        }
    }
  if (demo_param_all (call, "poll[options]") != NULL && n_media > 0)
    {
      demo_reply_error (call, 422, "Validation failed: Cannot attach both files and a poll");
      return;
    }

  if (scheduled_at != NULL && *scheduled_at != '\0')
    {
      g_autoptr (GDateTime) when = g_date_time_new_from_iso8601 (scheduled_at, NULL);
      DemoScheduled *scheduled;
      DemoIdempotent *entry;

      if (when == NULL)
        {
          demo_reply_error (call, 422, "Validation failed: Scheduled at is invalid");
          return;
        }
      if (g_date_time_to_unix (when) < g_get_real_time () / G_USEC_PER_SEC + 300)
        {
          demo_reply_error (call, 422, "Validation failed: Scheduled at The scheduled date must be in the future");
          return;
        }
      scheduled = g_new0 (DemoScheduled, 1);
      scheduled->id = starling_demo_world_next_id (world, g_get_real_time () / 1000);
      scheduled->scheduled_at = g_date_time_to_unix (when) * 1000;
      scheduled->text = g_strdup (text != NULL ? text : "");
      scheduled->visibility = g_strdup (demo_param (call, "visibility") != NULL ? demo_param (call, "visibility") : "public");
      scheduled->spoiler_text = g_strdup (spoiler);
      scheduled->sensitive = demo_param_bool (call, "sensitive", FALSE);
      scheduled->idempotency = g_strdup (key);
      scheduled->media_ids = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < n_media; i++)
        g_ptr_array_add (scheduled->media_ids, demo_json_id (media[i]->id));
      g_ptr_array_add (world->scheduled, scheduled);
      if (key != NULL && *key != '\0')
        {
          entry = g_new0 (DemoIdempotent, 1);
          entry->scheduled = scheduled;
          entry->at = g_get_monotonic_time ();
          g_hash_table_replace (self->idempotency, g_strdup (key), entry);
        }
      demo_reply_json (call, SOUP_STATUS_OK, demo_json_scheduled (&call->json, scheduled));
      return;
    }

  poll = poll_from_params (call, &poll_invalid);
  if (poll_invalid)
    {
      demo_reply_error (call, 422, "Validation failed: Poll options must have between 2 and 4 items");
      return;
    }

  status = starling_demo_world_add_status (world, world->brand, text != NULL ? text : "",
                                           g_get_real_time () / 1000);
  status->application = TRUE;
  status->visibility = probe.visibility;
  status->in_reply_to = parent;
  status->quote = quote;
  status->poll = poll;
  if (parent != NULL)
    parent->replies_count++;
  if (quote != NULL)
    quote->quotes_count++;
  if (spoiler != NULL && *spoiler != '\0')
    {
      g_free (status->spoiler_text);
      status->spoiler_text = g_strdup (spoiler);
      status->flags |= DEMO_STATUS_SENSITIVE;
    }
  if (demo_param_bool (call, "sensitive", FALSE))
    status->flags |= DEMO_STATUS_SENSITIVE;
  if (demo_param (call, "language") != NULL)
    {
      const char *language = demo_param (call, "language");

      status->language = g_str_equal (language, "de") ? "de" : g_str_equal (language, "fr") ? "fr"
                         : g_str_equal (language, "ja") ? "ja" : g_str_equal (language, "es") ? "es" : "en";
    }
  for (guint i = 0; i < n_media; i++)
    {
      status->media[status->n_media++] = media[i];
      media[i]->attached = TRUE;
    }
  if (key != NULL && *key != '\0')
    {
      DemoIdempotent *entry = g_new0 (DemoIdempotent, 1);

      entry->status = status;
      entry->at = g_get_monotonic_time ();
      g_hash_table_replace (self->idempotency, g_strdup (key), entry);
    }
  demo_api_publish (self, status);
  reply_status (call, status);
}

static void
put_status (DemoCall *call)
{
  DemoStatus *status = find_own_status (call);
  const char *text = demo_param (call, "status");
  const char *spoiler = demo_param (call, "spoiler_text");
  DemoMedia *media[4];
  guint n_media = 0;

  if (status == NULL)
    return;
  if (status->reblog != NULL)
    {
      demo_reply_error (call, 422, "Validation failed: Boosts cannot be edited");
      return;
    }
  if (!collect_media (call, media, &n_media))
    return;
  if (text != NULL && count_characters (text, spoiler) > MAX_CHARACTERS)
    {
      demo_reply_error (call, 422, "Validation failed: Text character limit of 500 exceeded");
      return;
    }
  if (text != NULL)
    {
      g_autofree char *copy = g_strstrip (g_strdup (text));

      if (*copy == '\0' && n_media == 0 && status->n_media == 0)
        {
          demo_reply_error (call, 422, "Validation failed: Text can't be blank");
          return;
        }
      g_free (status->text);
      g_free (status->content);
      status->text = g_strdup (text);
      status->content = starling_demo_world_text_to_html (world_of (call), text);
    }
  if (spoiler != NULL)
    {
      g_free (status->spoiler_text);
      status->spoiler_text = g_strdup (spoiler);
    }
  if (demo_param (call, "sensitive") != NULL)
    {
      if (demo_param_bool (call, "sensitive", FALSE))
        status->flags |= DEMO_STATUS_SENSITIVE;
      else
        status->flags &= ~DEMO_STATUS_SENSITIVE;
    }
  if (demo_param_all (call, "media_ids") != NULL)
    {
      status->n_media = 0;
      for (guint i = 0; i < n_media; i++)
        status->media[status->n_media++] = media[i];
    }
  status->edited_at = MAX (g_get_real_time () / 1000, starling_demo_world_id_to_ms (status->id) + 1);
  demo_stream_push_status (call->self, "status.update", status);
  reply_status (call, status);
}

/* Polls */

static DemoPoll *
find_poll_or_404 (DemoCall *call)
{
  DemoPoll *poll = starling_demo_world_find_poll (world_of (call), call->args[0]);

  if (poll == NULL)
    demo_reply_error (call, SOUP_STATUS_NOT_FOUND, "Record not found");
  return poll;
}

static void
get_poll (DemoCall *call)
{
  DemoPoll *poll = find_poll_or_404 (call);

  if (poll != NULL)
    demo_reply_json (call, SOUP_STATUS_OK, demo_json_poll (&call->json, poll));
}

static void
post_votes (DemoCall *call)
{
  DemoPoll *poll = find_poll_or_404 (call);
  GPtrArray *choices;
  guint mask = 0;

  if (poll == NULL)
    return;
  choices = demo_param_all (call, "choices");
  if (poll->expires_at != 0 && poll->expires_at <= g_get_real_time () / 1000)
    {
      demo_reply_error (call, 422, "Validation failed: The poll has already ended");
      return;
    }
  if (poll->voted)
    {
      demo_reply_error (call, 422, "Validation failed: You have already voted on this poll");
      return;
    }
  if (choices == NULL || choices->len == 0 || (!poll->multiple && choices->len > 1))
    {
      demo_reply_error (call, 422, "Validation failed: Choices are invalid");
      return;
    }
  for (guint i = 0; i < choices->len; i++)
    {
      guint64 choice;

      if (!g_ascii_string_to_unsigned (g_ptr_array_index (choices, i), 10, 0, poll->n_options - 1, &choice, NULL))
        {
          demo_reply_error (call, 422, "Validation failed: Choices are invalid");
          return;
        }
      mask |= 1u << choice;
    }
  for (guint i = 0; i < poll->n_options; i++)
    if (mask & (1u << i))
      poll->votes[i]++;
  poll->voters++;
  poll->voted = TRUE;
  poll->own_votes = mask;
  demo_reply_json (call, SOUP_STATUS_OK, demo_json_poll (&call->json, poll));
}

/* Media */

static gboolean
png_size (GBytes *bytes,
          guint  *width,
          guint  *height)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  if (length < 24 || memcmp (data, "\x89PNG\r\n\x1a\n", 8) != 0)
    return FALSE;
  *width = (guint) data[16] << 24 | (guint) data[17] << 16 | (guint) data[18] << 8 | data[19];
  *height = (guint) data[20] << 24 | (guint) data[21] << 16 | (guint) data[22] << 8 | data[23];
  return *width > 0 && *height > 0;
}

static void
parse_focus (DemoCall  *call,
             DemoMedia *media)
{
  const char *focus = demo_param (call, "focus");
  g_auto (GStrv) parts = NULL;

  if (focus == NULL)
    return;
  parts = g_strsplit (focus, ",", 2);
  if (parts[0] != NULL && parts[1] != NULL)
    {
      media->focus_x = CLAMP (g_ascii_strtod (parts[0], NULL), -1.0, 1.0);
      media->focus_y = CLAMP (g_ascii_strtod (parts[1], NULL), -1.0, 1.0);
    }
}

static void
post_media (DemoCall *call,
            gboolean  v2)
{
  GBytes *file = g_hash_table_lookup (call->files, "file");
  const char *content_type = g_object_get_data (G_OBJECT (call->msg), "demo-file-type");
  const char *description = demo_param (call, "description");
  DemoMedia *media;
  guint width = 640, height = 480;
  gboolean video;

  if (file == NULL || g_bytes_get_size (file) == 0)
    {
      demo_reply_error (call, 422, "Validation failed: File can't be blank");
      return;
    }
  if (content_type == NULL)
    content_type = "application/octet-stream";
  video = g_str_has_prefix (content_type, "video/") || g_str_has_prefix (content_type, "audio/");
  if (!video && !g_str_has_prefix (content_type, "image/"))
    {
      demo_reply_error (call, 422, "Validation failed: File content type is invalid, File is invalid");
      return;
    }
  if (description != NULL && g_utf8_strlen (description, -1) > 1500)
    {
      demo_reply_error (call, 422, "Validation failed: Description is too long (maximum is 1500 characters)");
      return;
    }
  if (!video)
    png_size (file, &width, &height);
  media = starling_demo_world_add_media (world_of (call), video ? DEMO_MEDIA_VIDEO : DEMO_MEDIA_IMAGE, width, height);
  media->upload = g_bytes_ref (file);
  media->content_type = g_strdup (content_type);
  media->description = g_strdup (description);
  media->palette = (guint) (g_bytes_hash (file) % DEMO_N_PALETTES);
  parse_focus (call, media);
  /* Videos and large files are processed in the background: the first
   * GETs answer 206. */
  if (v2 && (video || g_bytes_get_size (file) > 512 * 1024))
    {
      media->polls_left = 2;
      demo_reply_json (call, SOUP_STATUS_ACCEPTED, demo_json_media (&call->json, media));
      return;
    }
  demo_reply_json (call, SOUP_STATUS_OK, demo_json_media (&call->json, media));
}

static void
post_media_v2 (DemoCall *call)
{
  post_media (call, TRUE);
}

static void
post_media_v1 (DemoCall *call)
{
  post_media (call, FALSE);
}

static void
get_media (DemoCall *call)
{
  DemoMedia *media = starling_demo_world_find_media (world_of (call), call->args[0]);

  if (media == NULL)
    {
      demo_reply_error (call, SOUP_STATUS_NOT_FOUND, "Record not found");
      return;
    }
  if (media->polls_left > 0)
    {
      media->polls_left--;
      demo_reply_json (call, SOUP_STATUS_PARTIAL_CONTENT, demo_json_media (&call->json, media));
      return;
    }
  demo_reply_json (call, SOUP_STATUS_OK, demo_json_media (&call->json, media));
}

static void
put_media (DemoCall *call)
{
  DemoMedia *media = starling_demo_world_find_media (world_of (call), call->args[0]);
  const char *description = demo_param (call, "description");

  if (media == NULL)
    {
      demo_reply_error (call, SOUP_STATUS_NOT_FOUND, "Record not found");
      return;
    }
  if (description != NULL)
    {
      g_free (media->description);
      media->description = g_strdup (description);
    }
  parse_focus (call, media);
  demo_reply_json (call, SOUP_STATUS_OK, demo_json_media (&call->json, media));
}

/* Notifications */

static gboolean
type_listed (GPtrArray  *types,
             const char *type)
{
  return types != NULL && g_ptr_array_find_with_equal_func (types, type, g_str_equal, NULL);
}

static gboolean
keep_notification (DemoCall *call,
                   gpointer  item,
                   gpointer  data)
{
  DemoEvent *event = item;
  const char *type = starling_demo_event_type_name (event->type);
  GPtrArray *types = demo_param_all (call, "types");
  GPtrArray *exclude = demo_param_all (call, "exclude_types");
  const char *account_id = demo_param (call, "account_id");

  if (event->dismissed)
    return FALSE;
  if (event->status != NULL && (event->status->flags & DEMO_STATUS_DELETED))
    return FALSE;
  if (types != NULL && types->len > 0 && !type_listed (types, type))
    return FALSE;
  if (type_listed (exclude, type))
    return FALSE;
  if (account_id != NULL)
    {
      g_autofree char *id = demo_json_id (event->account->id);

      if (!g_str_equal (id, account_id))
        return FALSE;
    }
  return TRUE;
}

static void
get_notifications (DemoCall *call)
{
  g_autoptr (GPtrArray) page = NULL;
  JsonArray *array = json_array_new ();

  call->json.context = "notifications";
  page = demo_paginate (call, world_of (call)->events, event_key, keep_notification, NULL, 40, 80);
  for (guint i = 0; i < page->len; i++)
    json_array_add_element (array, demo_json_notification (&call->json, g_ptr_array_index (page, i)));
  demo_reply_json (call, SOUP_STATUS_OK, array_node (array));
}

static DemoEvent *
find_event (DemoCall *call)
{
  StarlingDemoWorld *world = world_of (call);
  guint64 id;

  if (call->args[0] != NULL && g_ascii_string_to_unsigned (call->args[0], 10, 0, G_MAXUINT64, &id, NULL))
    for (guint i = 0; i < world->events->len; i++)
      {
        DemoEvent *event = g_ptr_array_index (world->events, i);

        if (event->id == id && !event->dismissed)
          return event;
      }
  demo_reply_error (call, SOUP_STATUS_NOT_FOUND, "Record not found");
  return NULL;
}

static void
get_notification (DemoCall *call)
{
  DemoEvent *event = find_event (call);

  if (event != NULL)
    demo_reply_json (call, SOUP_STATUS_OK, demo_json_notification (&call->json, event));
}

static void
post_dismiss (DemoCall *call)
{
  DemoEvent *event = find_event (call);

  if (event == NULL)
    return;
  event->dismissed = TRUE;
  demo_reply_json (call, SOUP_STATUS_OK, object_node (json_object_new ()));
}

static void
post_clear_notifications (DemoCall *call)
{
  GPtrArray *events = world_of (call)->events;

  for (guint i = 0; i < events->len; i++)
    ((DemoEvent *) g_ptr_array_index (events, i))->dismissed = TRUE;
  demo_reply_json (call, SOUP_STATUS_OK, object_node (json_object_new ()));
}

static void
get_unread_count (DemoCall *call)
{
  StarlingDemoWorld *world = world_of (call);
  JsonObject *object = json_object_new ();
  guint limit = demo_param_limit (call, 100, 1000);
  guint count = 0;

  for (guint i = world->events->len; i > 0 && count < limit; i--)
    {
      DemoEvent *event = g_ptr_array_index (world->events, i - 1);

      if (event->id <= world->markers[1].last_read_id)
        break;
      if (!event->dismissed)
        count++;
    }
  json_object_set_int_member (object, "count", count);
  demo_reply_json (call, SOUP_STATUS_OK, object_node (object));
}

static gboolean
groupable (DemoCall  *call,
           DemoEvent *event)
{
  GPtrArray *grouped = demo_param_all (call, "grouped_types");
  const char *type = starling_demo_event_type_name (event->type);

  if (event->type != DEMO_EVENT_FAVOURITE && event->type != DEMO_EVENT_REBLOG && event->type != DEMO_EVENT_FOLLOW)
    return FALSE;
  return grouped == NULL || type_listed (grouped, type);
}

static char *
group_key_of (DemoCall  *call,
              DemoEvent *event)
{
  if (!groupable (call, event))
    return g_strdup_printf ("ungrouped-%" G_GUINT64_FORMAT, event->id);
  if (event->type == DEMO_EVENT_FOLLOW)
    return g_strdup_printf ("follow-%" G_GINT64_FORMAT, starling_demo_world_id_to_ms (event->id) / 86400000);
  return g_strdup_printf ("%s-%" G_GUINT64_FORMAT, starling_demo_event_type_name (event->type), event->status->id);
}

/* Grouped notifications: a page of notifications, grouped within the page,
 * with accounts and statuses sent once. */
static void
get_notifications_v2 (DemoCall *call)
{
  g_autoptr (GPtrArray) page = NULL;
  g_autoptr (GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) accounts_seen = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) statuses_seen = g_hash_table_new (NULL, NULL);
  JsonArray *groups_array = json_array_new ();
  JsonArray *accounts = json_array_new ();
  JsonArray *statuses = json_array_new ();
  JsonObject *result = json_object_new ();

  call->json.context = "notifications";
  page = demo_paginate (call, world_of (call)->events, event_key, keep_notification, NULL, 40, 80);
  for (guint i = 0; i < page->len; i++)
    {
      DemoEvent *event = g_ptr_array_index (page, i);
      g_autofree char *key = group_key_of (call, event);
      JsonObject *group = g_hash_table_lookup (groups, key);
      g_autofree char *account_id = demo_json_id (event->account->id);
      g_autofree char *event_id = demo_json_id (event->id);

      if (group == NULL)
        {
          g_autofree char *time = demo_json_time (starling_demo_world_id_to_ms (event->id));

          group = json_object_new ();
          json_object_set_string_member (group, "group_key", key);
          json_object_set_int_member (group, "notifications_count", 0);
          json_object_set_string_member (group, "type", starling_demo_event_type_name (event->type));
          /* A number, as Mastodon sends it. */
          json_object_set_int_member (group, "most_recent_notification_id", (gint64) event->id);
          json_object_set_string_member (group, "page_max_id", event_id);
          json_object_set_string_member (group, "latest_page_notification_at", time);
          json_object_set_array_member (group, "sample_account_ids", json_array_new ());
          if (event->status != NULL)
            {
              g_autofree char *status_id = demo_json_id (event->status->id);

              json_object_set_string_member (group, "status_id", status_id);
            }
          json_array_add_object_element (groups_array, group);
          g_hash_table_insert (groups, g_steal_pointer (&key), group);
        }
      json_object_set_int_member (group, "notifications_count",
                                  json_object_get_int_member (group, "notifications_count") + 1);
      json_object_set_string_member (group, "page_min_id", event_id);
      if (json_array_get_length (json_object_get_array_member (group, "sample_account_ids")) < 8)
        json_array_add_string_element (json_object_get_array_member (group, "sample_account_ids"), account_id);

      if (!g_hash_table_contains (accounts_seen, event->account))
        {
          g_hash_table_add (accounts_seen, event->account);
          json_array_add_element (accounts, demo_json_account (&call->json, event->account));
        }
      if (event->status != NULL && !g_hash_table_contains (statuses_seen, event->status))
        {
          g_hash_table_add (statuses_seen, event->status);
          json_array_add_element (statuses, demo_json_status (&call->json, event->status));
        }
    }
  json_object_set_array_member (result, "accounts", accounts);
  json_object_set_array_member (result, "statuses", statuses);
  json_object_set_array_member (result, "notification_groups", groups_array);
  demo_reply_json (call, SOUP_STATUS_OK, object_node (result));
}

/* Conversations, lists, tags, filters, markers, scheduled */

static guint64
conversation_key (gpointer item)
{
  return ((DemoConversation *) item)->last_status->id;
}

static void
get_conversations (DemoCall *call)
{
  g_autoptr (GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr (GPtrArray) page = NULL;
  JsonArray *array = json_array_new ();

  /* A plain copy: g_ptr_array_copy() would take the free function too. */
  g_ptr_array_extend (sorted, world_of (call)->conversations, NULL, NULL);
  for (guint i = 1; i < sorted->len; i++)
    for (guint j = i; j > 0 && conversation_key (sorted->pdata[j - 1]) > conversation_key (sorted->pdata[j]); j--)
      {
        gpointer swap = sorted->pdata[j];

        sorted->pdata[j] = sorted->pdata[j - 1];
        sorted->pdata[j - 1] = swap;
      }
  page = demo_paginate (call, sorted, conversation_key, NULL, NULL, 20, 40);
  for (guint i = 0; i < page->len; i++)
    json_array_add_element (array, demo_json_conversation (&call->json, g_ptr_array_index (page, i)));
  demo_reply_json (call, SOUP_STATUS_OK, array_node (array));
}

static void
get_lists (DemoCall *call)
{
  GPtrArray *lists = world_of (call)->lists;
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < lists->len; i++)
    json_array_add_element (array, demo_json_list (&call->json, g_ptr_array_index (lists, i)));
  demo_reply_json (call, SOUP_STATUS_OK, array_node (array));
}

static void
get_list (DemoCall *call)
{
  DemoList *list = find_list (call);

  if (list != NULL)
    demo_reply_json (call, SOUP_STATUS_OK, demo_json_list (&call->json, list));
}

static void
get_list_accounts (DemoCall *call)
{
  DemoList *list = find_list (call);

  if (list != NULL)
    reply_accounts (call, list->members);
}

static gint
find_tag (DemoCall   *call,
          const char *name)
{
  StarlingDemoWorld *world = world_of (call);

  for (guint i = 0; name != NULL && i < world->n_tags; i++)
    if (g_ascii_strcasecmp (world->tags[i].name, name) == 0)
      return (gint) i;
  demo_reply_error (call, SOUP_STATUS_NOT_FOUND, "Record not found");
  return -1;
}

static void
get_tag (DemoCall *call)
{
  gint index = find_tag (call, call->args[0]);

  if (index >= 0)
    demo_reply_json (call, SOUP_STATUS_OK, demo_json_tag (&call->json, (guint) index));
}

static void
follow_tag (DemoCall *call,
            gboolean  follow)
{
  gint index = find_tag (call, call->args[0]);

  if (index < 0)
    return;
  world_of (call)->tags[index].following = follow;
  demo_reply_json (call, SOUP_STATUS_OK, demo_json_tag (&call->json, (guint) index));
}

static void
post_follow_tag (DemoCall *call)
{
  follow_tag (call, TRUE);
}

static void
post_unfollow_tag (DemoCall *call)
{
  follow_tag (call, FALSE);
}

static void
get_followed_tags (DemoCall *call)
{
  StarlingDemoWorld *world = world_of (call);
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < world->n_tags; i++)
    if (world->tags[i].following)
      json_array_add_element (array, demo_json_tag (&call->json, i));
  demo_reply_json (call, SOUP_STATUS_OK, array_node (array));
}

static void
get_filters (DemoCall *call)
{
  GPtrArray *filters = world_of (call)->filters;
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < filters->len; i++)
    json_array_add_element (array, demo_json_filter (&call->json, g_ptr_array_index (filters, i)));
  demo_reply_json (call, SOUP_STATUS_OK, array_node (array));
}

static void
get_filter (DemoCall *call)
{
  GPtrArray *filters = world_of (call)->filters;

  for (guint i = 0; i < filters->len; i++)
    {
      DemoFilter *filter = g_ptr_array_index (filters, i);
      g_autofree char *id = demo_json_id (filter->id);

      if (g_str_equal (id, call->args[0]))
        {
          demo_reply_json (call, SOUP_STATUS_OK, demo_json_filter (&call->json, filter));
          return;
        }
    }
  demo_reply_error (call, SOUP_STATUS_NOT_FOUND, "Record not found");
}

static JsonObject *
marker_object (StarlingDemoWorld *world,
               guint              which)
{
  JsonObject *object = json_object_new ();
  g_autofree char *id = demo_json_id (world->markers[which].last_read_id);
  g_autofree char *time = demo_json_time (world->markers[which].updated_at);

  json_object_set_string_member (object, "last_read_id", id);
  json_object_set_int_member (object, "version", world->markers[which].version);
  json_object_set_string_member (object, "updated_at", time);
  return object;
}

static void
get_markers (DemoCall *call)
{
  GPtrArray *timelines = demo_param_all (call, "timeline");
  JsonObject *object = json_object_new ();

  if (type_listed (timelines, "home"))
    json_object_set_object_member (object, "home", marker_object (world_of (call), 0));
  if (type_listed (timelines, "notifications"))
    json_object_set_object_member (object, "notifications", marker_object (world_of (call), 1));
  demo_reply_json (call, SOUP_STATUS_OK, object_node (object));
}

static void
post_markers (DemoCall *call)
{
  StarlingDemoWorld *world = world_of (call);
  const char *names[] = { "home", "notifications" };
  JsonObject *object = json_object_new ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *param = g_strdup_printf ("%s[last_read_id]", names[i]);
      const char *value = demo_param (call, param);
      guint64 id;

      if (value == NULL)
        continue;
      if (!g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT64, &id, NULL))
        {
          json_object_unref (object);
          demo_reply_error (call, 422, "Validation failed: Last read id is invalid");
          return;
        }
      world->markers[i].last_read_id = id;
      world->markers[i].version++;
      world->markers[i].updated_at = g_get_real_time () / 1000;
      json_object_set_object_member (object, names[i], marker_object (world, i));
    }
  demo_reply_json (call, SOUP_STATUS_OK, object_node (object));
}

static DemoScheduled *
find_scheduled (DemoCall *call)
{
  GPtrArray *scheduled = world_of (call)->scheduled;

  for (guint i = 0; i < scheduled->len; i++)
    {
      DemoScheduled *item = g_ptr_array_index (scheduled, i);
      g_autofree char *id = demo_json_id (item->id);

      if (g_str_equal (id, call->args[0]))
        return item;
    }
  demo_reply_error (call, SOUP_STATUS_NOT_FOUND, "Record not found");
  return NULL;
}

static void
get_scheduled_list (DemoCall *call)
{
  g_autoptr (GPtrArray) page = demo_paginate (call, world_of (call)->scheduled, pointer_id_key, NULL, NULL, 20, 40);
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < page->len; i++)
    json_array_add_element (array, demo_json_scheduled (&call->json, g_ptr_array_index (page, i)));
  demo_reply_json (call, SOUP_STATUS_OK, array_node (array));
}

static void
get_scheduled (DemoCall *call)
{
  DemoScheduled *scheduled = find_scheduled (call);

  if (scheduled != NULL)
    demo_reply_json (call, SOUP_STATUS_OK, demo_json_scheduled (&call->json, scheduled));
}

static void
put_scheduled (DemoCall *call)
{
  DemoScheduled *scheduled = find_scheduled (call);
  const char *when_text = demo_param (call, "scheduled_at");
  g_autoptr (GDateTime) when = NULL;

  if (scheduled == NULL)
    return;
  if (when_text != NULL)
    when = g_date_time_new_from_iso8601 (when_text, NULL);
  if (when == NULL || g_date_time_to_unix (when) < g_get_real_time () / G_USEC_PER_SEC + 300)
    {
      demo_reply_error (call, 422, "Validation failed: Scheduled at The scheduled date must be in the future");
      return;
    }
  scheduled->scheduled_at = g_date_time_to_unix (when) * 1000;
  demo_reply_json (call, SOUP_STATUS_OK, demo_json_scheduled (&call->json, scheduled));
}

static void
delete_scheduled (DemoCall *call)
{
  DemoScheduled *scheduled = find_scheduled (call);

  if (scheduled == NULL)
    return;
  g_ptr_array_remove (world_of (call)->scheduled, scheduled);
  demo_reply_json (call, SOUP_STATUS_OK, object_node (json_object_new ()));
}

/* Search */

static void
get_search (DemoCall *call)
{
  StarlingDemoWorld *world = world_of (call);
  const char *query = demo_param (call, "q");
  const char *type = demo_param (call, "type");
  guint limit = demo_param_limit (call, 20, 40);
  JsonObject *object;
  JsonArray *accounts, *statuses, *hashtags;
  g_autofree char *needle = NULL;

  if (query == NULL || *query == '\0')
    {
      demo_reply_error (call, SOUP_STATUS_BAD_REQUEST, "Missing parameter: q");
      return;
    }
  if (!call->json.authed && (demo_param_bool (call, "resolve", FALSE) || demo_param (call, "offset") != NULL))
    {
      demo_reply_error (call, SOUP_STATUS_UNAUTHORIZED, "Search queries that resolve remote resources are not supported without authentication");
      return;
    }
  needle = g_utf8_strdown (query, -1);
  object = json_object_new ();
  accounts = json_array_new ();
  statuses = json_array_new ();
  hashtags = json_array_new ();

  if (type == NULL || g_str_equal (type, "accounts"))
    {
      g_autoptr (GPtrArray) found = search_accounts (call, query, limit);

      for (guint i = 0; i < found->len; i++)
        json_array_add_element (accounts, demo_json_account (&call->json, g_ptr_array_index (found, i)));
    }
  if ((type == NULL || g_str_equal (type, "statuses")) && call->json.authed)
    {
      guint offset = param_offset (call);

      for (guint i = world->statuses->len; i > 0 && json_array_get_length (statuses) < limit; i--)
        {
          DemoStatus *status = g_ptr_array_index (world->statuses, i - 1);
          g_autofree char *text = NULL;

          if (status->reblog != NULL || !visible (call, status) || status->text == NULL)
            continue;
          text = g_utf8_strdown (status->text, -1);
          if (strstr (text, needle) == NULL)
            continue;
          if (offset > 0)
            {
              offset--;
              continue;
            }
          json_array_add_element (statuses, demo_json_status (&call->json, status));
        }
    }
  if (type == NULL || g_str_equal (type, "hashtags"))
    {
      const char *tag = needle[0] == '#' ? needle + 1 : needle;

      for (guint i = 0; i < world->n_tags && json_array_get_length (hashtags) < limit; i++)
        if (strstr (world->tags[i].name, tag) != NULL)
          json_array_add_element (hashtags, demo_json_tag (&call->json, i));
    }
  json_object_set_array_member (object, "accounts", accounts);
  json_object_set_array_member (object, "statuses", statuses);
  json_object_set_array_member (object, "hashtags", hashtags);
  demo_reply_json (call, SOUP_STATUS_OK, object_node (object));
}

/* What the brand's home timeline holds, as get_home() filters it for a user
 * token: the oracle of the tests that page through it. */
guint
demo_api_count_home (StarlingDemoServer *self)
{
  DemoCall call = { 0 };
  guint count = 0;

  call.self = self;
  call.json.world = self->world;
  call.json.authed = TRUE;
  for (guint i = 0; i < self->world->statuses->len; i++)
    if (keep_home (&call, g_ptr_array_index (self->world->statuses, i), NULL))
      count++;
  return count;
}

/* Publishing to the streams */

void
demo_api_publish (StarlingDemoServer *self,
                  DemoStatus         *status)
{
  demo_stream_push_status (self, "update", status);
}

const DemoRoute demo_api_routes[] = {
  { "GET", "/api/v2/instance", get_instance_v2, DEMO_AUTH_NONE },
  { "GET", "/api/v1/instance", get_instance_v1, DEMO_AUTH_NONE },
  { "GET", "/api/v1/instance/rules", get_instance_rules, DEMO_AUTH_NONE },
  { "GET", "/.well-known/nodeinfo", get_well_known_nodeinfo, DEMO_AUTH_NONE },
  { "GET", "/nodeinfo/2.0", get_nodeinfo, DEMO_AUTH_NONE },
  { "GET", "/api/v1/custom_emojis", get_custom_emojis, DEMO_AUTH_NONE },
  { "GET", "/api/v1/preferences", get_preferences, DEMO_AUTH_USER },
  { "GET", "/api/v1/streaming/health", get_streaming_health, DEMO_AUTH_NONE },

  { "GET", "/api/v1/timelines/home", get_home, DEMO_AUTH_USER },
  { "GET", "/api/v1/timelines/public", get_public, DEMO_AUTH_OPTIONAL },
  { "GET", "/api/v1/timelines/tag/:hashtag", get_tag_timeline, DEMO_AUTH_OPTIONAL },
  { "GET", "/api/v1/timelines/list/:id", get_list_timeline, DEMO_AUTH_USER },
  { "GET", "/api/v1/bookmarks", get_bookmarks, DEMO_AUTH_USER },
  { "GET", "/api/v1/favourites", get_favourites, DEMO_AUTH_USER },

  { "GET", "/api/v1/accounts/verify_credentials", get_verify_credentials, DEMO_AUTH_USER },
  { "GET", "/api/v1/accounts/relationships", get_relationships, DEMO_AUTH_USER },
  { "GET", "/api/v1/accounts/lookup", get_lookup, DEMO_AUTH_OPTIONAL },
  { "GET", "/api/v1/accounts/search", get_account_search, DEMO_AUTH_USER },
  { "GET", "/api/v1/accounts/:id", get_account, DEMO_AUTH_OPTIONAL },
  { "GET", "/api/v1/accounts/:id/statuses", get_account_statuses, DEMO_AUTH_OPTIONAL },
  { "GET", "/api/v1/accounts/:id/followers", get_followers, DEMO_AUTH_OPTIONAL },
  { "GET", "/api/v1/accounts/:id/following", get_following, DEMO_AUTH_OPTIONAL },
  { "POST", "/api/v1/accounts/:id/follow", post_follow, DEMO_AUTH_USER },
  { "POST", "/api/v1/accounts/:id/unfollow", post_unfollow, DEMO_AUTH_USER },
  { "POST", "/api/v1/accounts/:id/block", post_block, DEMO_AUTH_USER },
  { "POST", "/api/v1/accounts/:id/unblock", post_unblock, DEMO_AUTH_USER },
  { "POST", "/api/v1/accounts/:id/mute", post_mute, DEMO_AUTH_USER },
  { "POST", "/api/v1/accounts/:id/unmute", post_unmute, DEMO_AUTH_USER },
  { "POST", "/api/v1/follow_requests/:id/authorize", post_authorize, DEMO_AUTH_USER },
  { "POST", "/api/v1/follow_requests/:id/reject", post_reject, DEMO_AUTH_USER },

  { "POST", "/api/v1/statuses", post_status, DEMO_AUTH_USER },
  { "GET", "/api/v1/statuses/:id", get_status, DEMO_AUTH_OPTIONAL },
  { "PUT", "/api/v1/statuses/:id", put_status, DEMO_AUTH_USER },
  { "DELETE", "/api/v1/statuses/:id", delete_status, DEMO_AUTH_USER },
  { "GET", "/api/v1/statuses/:id/context", get_context, DEMO_AUTH_OPTIONAL },
  { "GET", "/api/v1/statuses/:id/favourited_by", get_favourited_by, DEMO_AUTH_OPTIONAL },
  { "GET", "/api/v1/statuses/:id/reblogged_by", get_reblogged_by, DEMO_AUTH_OPTIONAL },
  { "GET", "/api/v1/statuses/:id/source", get_source, DEMO_AUTH_USER },
  { "GET", "/api/v1/statuses/:id/history", get_history, DEMO_AUTH_OPTIONAL },
  { "POST", "/api/v1/statuses/:id/favourite", post_favourite, DEMO_AUTH_USER },
  { "POST", "/api/v1/statuses/:id/unfavourite", post_unfavourite, DEMO_AUTH_USER },
  { "POST", "/api/v1/statuses/:id/reblog", post_reblog, DEMO_AUTH_USER },
  { "POST", "/api/v1/statuses/:id/unreblog", post_unreblog, DEMO_AUTH_USER },
  { "POST", "/api/v1/statuses/:id/bookmark", post_bookmark, DEMO_AUTH_USER },
  { "POST", "/api/v1/statuses/:id/unbookmark", post_unbookmark, DEMO_AUTH_USER },
  { "POST", "/api/v1/statuses/:id/pin", post_pin, DEMO_AUTH_USER },
  { "POST", "/api/v1/statuses/:id/unpin", post_unpin, DEMO_AUTH_USER },
  { "POST", "/api/v1/statuses/:id/mute", post_mute_status, DEMO_AUTH_USER },
  { "POST", "/api/v1/statuses/:id/unmute", post_unmute_status, DEMO_AUTH_USER },

  { "GET", "/api/v1/polls/:id", get_poll, DEMO_AUTH_OPTIONAL },
  { "POST", "/api/v1/polls/:id/votes", post_votes, DEMO_AUTH_USER },

  { "POST", "/api/v2/media", post_media_v2, DEMO_AUTH_USER },
  { "POST", "/api/v1/media", post_media_v1, DEMO_AUTH_USER },
  { "GET", "/api/v1/media/:id", get_media, DEMO_AUTH_USER },
  { "PUT", "/api/v1/media/:id", put_media, DEMO_AUTH_USER },

  { "GET", "/api/v1/notifications", get_notifications, DEMO_AUTH_USER },
  { "GET", "/api/v1/notifications/unread_count", get_unread_count, DEMO_AUTH_USER },
  { "POST", "/api/v1/notifications/clear", post_clear_notifications, DEMO_AUTH_USER },
  { "GET", "/api/v1/notifications/:id", get_notification, DEMO_AUTH_USER },
  { "POST", "/api/v1/notifications/:id/dismiss", post_dismiss, DEMO_AUTH_USER },
  { "GET", "/api/v2/notifications", get_notifications_v2, DEMO_AUTH_USER },
  { "GET", "/api/v2/notifications/unread_count", get_unread_count, DEMO_AUTH_USER },

  { "GET", "/api/v1/conversations", get_conversations, DEMO_AUTH_USER },
  { "GET", "/api/v1/lists", get_lists, DEMO_AUTH_USER },
  { "GET", "/api/v1/lists/:id", get_list, DEMO_AUTH_USER },
  { "GET", "/api/v1/lists/:id/accounts", get_list_accounts, DEMO_AUTH_USER },
  { "GET", "/api/v1/tags/:name", get_tag, DEMO_AUTH_OPTIONAL },
  { "POST", "/api/v1/tags/:name/follow", post_follow_tag, DEMO_AUTH_USER },
  { "POST", "/api/v1/tags/:name/unfollow", post_unfollow_tag, DEMO_AUTH_USER },
  { "GET", "/api/v1/followed_tags", get_followed_tags, DEMO_AUTH_USER },
  { "GET", "/api/v2/filters", get_filters, DEMO_AUTH_USER },
  { "GET", "/api/v2/filters/:id", get_filter, DEMO_AUTH_USER },
  { "GET", "/api/v1/markers", get_markers, DEMO_AUTH_USER },
  { "POST", "/api/v1/markers", post_markers, DEMO_AUTH_USER },
  { "GET", "/api/v1/scheduled_statuses", get_scheduled_list, DEMO_AUTH_USER },
  { "GET", "/api/v1/scheduled_statuses/:id", get_scheduled, DEMO_AUTH_USER },
  { "PUT", "/api/v1/scheduled_statuses/:id", put_scheduled, DEMO_AUTH_USER },
  { "DELETE", "/api/v1/scheduled_statuses/:id", delete_scheduled, DEMO_AUTH_USER },
  { "GET", "/api/v2/search", get_search, DEMO_AUTH_OPTIONAL },
  { NULL, NULL, NULL, DEMO_AUTH_NONE },
};
