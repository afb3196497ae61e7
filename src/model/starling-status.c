/* starling-status.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include "starling-custom-emoji.h"
#include "starling-filter-result.h"
#include "starling-media-attachment.h"
#include "starling-mention.h"
#include "starling-tag.h"

#include "starling-status.h"

/**
 * StarlingStatus:
 *
 * A post. A boost is a status of its own whose `reblog` holds the boosted
 * post: show starling_status_get_shown() and credit `account` as the one
 * who boosted. A status is one object per id in an account's
 * #StarlingEntityMap, so every timeline that holds it shows the same
 * object, and a newer copy from anywhere updates it in place.
 *
 * `content` is the server's sanitized HTML, kept verbatim: turning it into
 * markup is the text layer's job. `text` is only there in the answers to a
 * delete (for delete-and-redraft) and from some servers for one's own
 * posts. The per-user fields (`favourited`, `reblogged`, `muted`,
 * `bookmarked`, `pinned`, `filtered`) are only there with a user token.
 *
 * `created-at` is not required, although Mastodon always sends it:
 * Pixelfed has sent null there, and a post without a date is still worth
 * showing. Show no time then; the order of a timeline is the server's
 * order anyway.
 */
struct _StarlingStatus
{
  StarlingEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (StarlingStatus, starling_status, STARLING_TYPE_ENTITY)

G_DEFINE_ENUM_TYPE (StarlingVisibility, starling_visibility,
  G_DEFINE_ENUM_VALUE (STARLING_VISIBILITY_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (STARLING_VISIBILITY_PUBLIC, "public"),
  G_DEFINE_ENUM_VALUE (STARLING_VISIBILITY_UNLISTED, "unlisted"),
  G_DEFINE_ENUM_VALUE (STARLING_VISIBILITY_PRIVATE, "private"),
  G_DEFINE_ENUM_VALUE (STARLING_VISIBILITY_DIRECT, "direct"))

enum {
  PROP_0,
  PROP_ID,
  PROP_URI,
  PROP_URL,
  PROP_CREATED_AT,
  PROP_EDITED_AT,
  PROP_ACCOUNT,
  PROP_CONTENT,
  PROP_TEXT,
  PROP_VISIBILITY,
  PROP_VISIBILITY_NAME,
  PROP_SENSITIVE,
  PROP_SPOILER_TEXT,
  PROP_LANGUAGE,
  PROP_MEDIA_ATTACHMENTS,
  PROP_MENTIONS,
  PROP_TAGS,
  PROP_EMOJIS,
  PROP_CARD,
  PROP_POLL,
  PROP_REBLOG,
  PROP_IN_REPLY_TO_ID,
  PROP_IN_REPLY_TO_ACCOUNT_ID,
  PROP_APPLICATION,
  PROP_REPLIES_COUNT,
  PROP_REBLOGS_COUNT,
  PROP_FAVOURITES_COUNT,
  PROP_QUOTES_COUNT,
  PROP_FAVOURITED,
  PROP_REBLOGGED,
  PROP_MUTED,
  PROP_BOOKMARKED,
  PROP_PINNED,
  PROP_FILTERED,
  PROP_QUOTE,
  PROP_QUOTE_APPROVAL,
  PROP_INTERACTION_POLICY,
  PROP_PLEROMA,
  PROP_AKKOMA,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The filters of @status's `filtered` that are in force for @context, each
 * once, into the list of its action. */
static void
collect_filters (StarlingStatus *status,
                 const char     *context,
                 GDateTime      *now,
                 GPtrArray      *hide,
                 GPtrArray      *warn,
                 GPtrArray      *blur)
{
  GPtrArray *results = starling_status_get_filtered (status);

  for (guint i = 0; results != NULL && i < results->len; i++)
    {
      StarlingFilter *filter = starling_filter_result_get_filter (results->pdata[i]);
      GPtrArray *list = warn;

      if (filter == NULL || !starling_filter_applies (filter, context, now))
        continue;

      switch (starling_filter_get_filter_action (filter))
        {
        case STARLING_FILTER_ACTION_HIDE:
          list = hide;
          break;
        case STARLING_FILTER_ACTION_BLUR:
          list = blur;
          break;
        case STARLING_FILTER_ACTION_WARN:
        case STARLING_FILTER_ACTION_UNKNOWN:
        case STARLING_FILTER_ACTION_NONE:
        default:
          /* API-NOTES §3: an action we do not know is a warning. */
          list = warn;
          break;
        }

      if (!g_ptr_array_find (list, filter, NULL))
        g_ptr_array_add (list, filter);
    }
}

/* "Title, Other title": what a warning names. Filters decoded without an
 * identity map can be two objects with one id; name those once. */
static char *
join_titles (GPtrArray *filters)
{
  g_autoptr (GString) titles = g_string_new (NULL);
  g_autoptr (GPtrArray) seen = g_ptr_array_new ();

  for (guint i = 0; i < filters->len; i++)
    {
      const char *title = starling_filter_get_title (filters->pdata[i]);
      const char *id = starling_filter_get_id (filters->pdata[i]);

      if (id != NULL && g_ptr_array_find_with_equal_func (seen, id, g_str_equal, NULL))
        continue;
      if (id != NULL)
        g_ptr_array_add (seen, (gpointer) id);
      if (title == NULL || *title == '\0')
        continue;

      if (titles->len > 0)
        g_string_append (titles, ", ");
      g_string_append (titles, title);
    }

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static void
starling_status_class_init (StarlingStatusClass *klass)
{
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  entity_class->has_identity = TRUE;

  properties[PROP_ID] = starling_param_spec_required (
    g_param_spec_string ("id", NULL, NULL, NULL, STARLING_PARAM_FLAGS));
  properties[PROP_URI] = starling_param_spec_required (
    g_param_spec_string ("uri", NULL, NULL, NULL, STARLING_PARAM_FLAGS));
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  /* Not required: see the type's documentation (Pixelfed). */
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, STARLING_PARAM_FLAGS);
  properties[PROP_EDITED_AT] =
    g_param_spec_boxed ("edited-at", NULL, NULL, G_TYPE_DATE_TIME, STARLING_PARAM_FLAGS);
  properties[PROP_ACCOUNT] = starling_param_spec_required (
    g_param_spec_object ("account", NULL, NULL, STARLING_TYPE_ACCOUNT, STARLING_PARAM_FLAGS));
  properties[PROP_CONTENT] =
    g_param_spec_string ("content", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_VISIBILITY] =
    g_param_spec_enum ("visibility", NULL, NULL, STARLING_TYPE_VISIBILITY,
                       STARLING_VISIBILITY_UNKNOWN, STARLING_PARAM_FLAGS);
  /* The server's own word, for the visibilities the enum does not know. */
  properties[PROP_VISIBILITY_NAME] = starling_param_spec_set_member (
    g_param_spec_string ("visibility-name", NULL, NULL, NULL, STARLING_PARAM_FLAGS),
    "visibility");
  properties[PROP_SENSITIVE] =
    g_param_spec_boolean ("sensitive", NULL, NULL, FALSE, STARLING_PARAM_FLAGS);
  properties[PROP_SPOILER_TEXT] =
    g_param_spec_string ("spoiler-text", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_MEDIA_ATTACHMENTS] =
    starling_param_spec_set_element_type (
      g_param_spec_boxed ("media-attachments", NULL, NULL, G_TYPE_PTR_ARRAY, STARLING_PARAM_FLAGS),
      STARLING_TYPE_MEDIA_ATTACHMENT);
  properties[PROP_MENTIONS] =
    starling_param_spec_set_element_type (
      g_param_spec_boxed ("mentions", NULL, NULL, G_TYPE_PTR_ARRAY, STARLING_PARAM_FLAGS),
      STARLING_TYPE_MENTION);
  properties[PROP_TAGS] =
    starling_param_spec_set_element_type (
      g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_PTR_ARRAY, STARLING_PARAM_FLAGS),
      STARLING_TYPE_TAG);
  properties[PROP_EMOJIS] =
    starling_param_spec_set_element_type (
      g_param_spec_boxed ("emojis", NULL, NULL, G_TYPE_PTR_ARRAY, STARLING_PARAM_FLAGS),
      STARLING_TYPE_CUSTOM_EMOJI);
  properties[PROP_CARD] =
    g_param_spec_object ("card", NULL, NULL, STARLING_TYPE_PREVIEW_CARD, STARLING_PARAM_FLAGS);
  properties[PROP_POLL] =
    g_param_spec_object ("poll", NULL, NULL, STARLING_TYPE_POLL, STARLING_PARAM_FLAGS);
  properties[PROP_REBLOG] =
    g_param_spec_object ("reblog", NULL, NULL, STARLING_TYPE_STATUS, STARLING_PARAM_FLAGS);
  properties[PROP_IN_REPLY_TO_ID] =
    g_param_spec_string ("in-reply-to-id", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_IN_REPLY_TO_ACCOUNT_ID] =
    g_param_spec_string ("in-reply-to-account-id", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL, STARLING_TYPE_CLIENT_APPLICATION, STARLING_PARAM_FLAGS);
  properties[PROP_REPLIES_COUNT] =
    g_param_spec_int64 ("replies-count", NULL, NULL, 0, G_MAXINT64, 0, STARLING_PARAM_FLAGS);
  properties[PROP_REBLOGS_COUNT] =
    g_param_spec_int64 ("reblogs-count", NULL, NULL, 0, G_MAXINT64, 0, STARLING_PARAM_FLAGS);
  properties[PROP_FAVOURITES_COUNT] =
    g_param_spec_int64 ("favourites-count", NULL, NULL, 0, G_MAXINT64, 0, STARLING_PARAM_FLAGS);
  properties[PROP_QUOTES_COUNT] =
    g_param_spec_int64 ("quotes-count", NULL, NULL, 0, G_MAXINT64, 0, STARLING_PARAM_FLAGS);
  properties[PROP_FAVOURITED] =
    g_param_spec_boolean ("favourited", NULL, NULL, FALSE, STARLING_PARAM_FLAGS);
  properties[PROP_REBLOGGED] =
    g_param_spec_boolean ("reblogged", NULL, NULL, FALSE, STARLING_PARAM_FLAGS);
  properties[PROP_MUTED] =
    g_param_spec_boolean ("muted", NULL, NULL, FALSE, STARLING_PARAM_FLAGS);
  properties[PROP_BOOKMARKED] =
    g_param_spec_boolean ("bookmarked", NULL, NULL, FALSE, STARLING_PARAM_FLAGS);
  properties[PROP_PINNED] =
    g_param_spec_boolean ("pinned", NULL, NULL, FALSE, STARLING_PARAM_FLAGS);
  properties[PROP_FILTERED] =
    starling_param_spec_set_element_type (
      g_param_spec_boxed ("filtered", NULL, NULL, G_TYPE_PTR_ARRAY, STARLING_PARAM_FLAGS),
      STARLING_TYPE_FILTER_RESULT);
  properties[PROP_QUOTE] =
    g_param_spec_object ("quote", NULL, NULL, STARLING_TYPE_QUOTE, STARLING_PARAM_FLAGS);
  properties[PROP_QUOTE_APPROVAL] =
    g_param_spec_boxed ("quote-approval", NULL, NULL, JSON_TYPE_NODE, STARLING_PARAM_FLAGS);
  properties[PROP_INTERACTION_POLICY] =
    g_param_spec_boxed ("interaction-policy", NULL, NULL, JSON_TYPE_NODE, STARLING_PARAM_FLAGS);
  properties[PROP_PLEROMA] =
    g_param_spec_boxed ("pleroma", NULL, NULL, JSON_TYPE_NODE, STARLING_PARAM_FLAGS);
  properties[PROP_AKKOMA] =
    g_param_spec_boxed ("akkoma", NULL, NULL, JSON_TYPE_NODE, STARLING_PARAM_FLAGS);

  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
starling_status_init (StarlingStatus *self)
{
}

STARLING_DEFINE_GETTER (StarlingStatus, starling_status, const char *, id, PROP_ID, string)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, const char *, uri, PROP_URI, string)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, const char *, url, PROP_URL, string)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, GDateTime *, created_at, PROP_CREATED_AT, boxed)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, GDateTime *, edited_at, PROP_EDITED_AT, boxed)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, StarlingAccount *, account, PROP_ACCOUNT, object)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, const char *, content, PROP_CONTENT, string)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, const char *, text, PROP_TEXT, string)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, StarlingVisibility, visibility, PROP_VISIBILITY, enum)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, const char *, visibility_name, PROP_VISIBILITY_NAME, string)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, gboolean, sensitive, PROP_SENSITIVE, boolean)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, const char *, spoiler_text, PROP_SPOILER_TEXT, string)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, const char *, language, PROP_LANGUAGE, string)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, GPtrArray *, media_attachments, PROP_MEDIA_ATTACHMENTS, boxed)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, GPtrArray *, mentions, PROP_MENTIONS, boxed)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, GPtrArray *, tags, PROP_TAGS, boxed)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, GPtrArray *, emojis, PROP_EMOJIS, boxed)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, StarlingPreviewCard *, card, PROP_CARD, object)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, StarlingPoll *, poll, PROP_POLL, object)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, StarlingStatus *, reblog, PROP_REBLOG, object)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, const char *, in_reply_to_id, PROP_IN_REPLY_TO_ID, string)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, const char *, in_reply_to_account_id, PROP_IN_REPLY_TO_ACCOUNT_ID, string)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, StarlingClientApplication *, application, PROP_APPLICATION, object)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, gint64, replies_count, PROP_REPLIES_COUNT, int64)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, gint64, reblogs_count, PROP_REBLOGS_COUNT, int64)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, gint64, favourites_count, PROP_FAVOURITES_COUNT, int64)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, gint64, quotes_count, PROP_QUOTES_COUNT, int64)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, gboolean, favourited, PROP_FAVOURITED, boolean)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, gboolean, reblogged, PROP_REBLOGGED, boolean)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, gboolean, muted, PROP_MUTED, boolean)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, gboolean, bookmarked, PROP_BOOKMARKED, boolean)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, gboolean, pinned, PROP_PINNED, boolean)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, GPtrArray *, filtered, PROP_FILTERED, boxed)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, StarlingQuote *, quote, PROP_QUOTE, object)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, JsonNode *, quote_approval, PROP_QUOTE_APPROVAL, boxed)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, JsonNode *, interaction_policy, PROP_INTERACTION_POLICY, boxed)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, JsonNode *, pleroma, PROP_PLEROMA, boxed)
STARLING_DEFINE_GETTER (StarlingStatus, starling_status, JsonNode *, akkoma, PROP_AKKOMA, boxed)

/**
 * starling_status_get_shown:
 * @self: a status
 *
 * The status to show for @self: the boosted post when @self is a boost,
 * else @self. Actions (favourite, bookmark…) apply to this one too.
 *
 * Returns: (transfer none): the status to show
 */
StarlingStatus *
starling_status_get_shown (StarlingStatus *self)
{
  StarlingStatus *reblog;

  g_return_val_if_fail (STARLING_IS_STATUS (self), NULL);

  reblog = starling_status_get_reblog (self);

  return reblog != NULL ? reblog : self;
}

/**
 * starling_status_set_favourited:
 * @self: a status (the shown one, not a boost's wrapper)
 * @favourited: whether the signed-in account favourited it
 *
 * Sets `favourited` ahead of the server's answer, so the button follows the
 * click at once; change `favourites-count` with it. The answer, decoded
 * through the same identity map, then puts the server's values in place,
 * notifying only what differs from the guess. When the request fails, set
 * the old values back.
 */
void
starling_status_set_favourited (StarlingStatus *self,
                                gboolean        favourited)
{
  g_return_if_fail (STARLING_IS_STATUS (self));

  starling_entity_set_boolean (STARLING_ENTITY (self), properties[PROP_FAVOURITED], favourited);
}

/**
 * starling_status_set_reblogged:
 * @self: a status (the shown one, not a boost's wrapper)
 * @reblogged: whether the signed-in account boosted it
 *
 * Sets `reblogged` ahead of the server's answer, as
 * starling_status_set_favourited() does.
 */
void
starling_status_set_reblogged (StarlingStatus *self,
                               gboolean        reblogged)
{
  g_return_if_fail (STARLING_IS_STATUS (self));

  starling_entity_set_boolean (STARLING_ENTITY (self), properties[PROP_REBLOGGED], reblogged);
}

/**
 * starling_status_set_bookmarked:
 * @self: a status (the shown one, not a boost's wrapper)
 * @bookmarked: whether the signed-in account bookmarked it
 *
 * Sets `bookmarked` ahead of the server's answer, as
 * starling_status_set_favourited() does.
 */
void
starling_status_set_bookmarked (StarlingStatus *self,
                                gboolean        bookmarked)
{
  g_return_if_fail (STARLING_IS_STATUS (self));

  starling_entity_set_boolean (STARLING_ENTITY (self), properties[PROP_BOOKMARKED], bookmarked);
}

/**
 * starling_status_set_muted:
 * @self: a status
 * @muted: whether the signed-in account muted the status's thread
 *
 * Sets `muted` ahead of the server's answer, as
 * starling_status_set_favourited() does.
 */
void
starling_status_set_muted (StarlingStatus *self,
                           gboolean        muted)
{
  g_return_if_fail (STARLING_IS_STATUS (self));

  starling_entity_set_boolean (STARLING_ENTITY (self), properties[PROP_MUTED], muted);
}

/**
 * starling_status_set_pinned:
 * @self: a status of the signed-in account
 * @pinned: whether it is pinned to the profile
 *
 * Sets `pinned` ahead of the server's answer, as
 * starling_status_set_favourited() does.
 */
void
starling_status_set_pinned (StarlingStatus *self,
                            gboolean        pinned)
{
  g_return_if_fail (STARLING_IS_STATUS (self));

  starling_entity_set_boolean (STARLING_ENTITY (self), properties[PROP_PINNED], pinned);
}

/**
 * starling_status_set_favourites_count:
 * @self: a status
 * @count: the new count; below 0 reads as 0
 *
 * Sets `favourites-count` ahead of the server's answer, with
 * starling_status_set_favourited().
 */
void
starling_status_set_favourites_count (StarlingStatus *self,
                                      gint64          count)
{
  g_return_if_fail (STARLING_IS_STATUS (self));

  starling_entity_set_int64 (STARLING_ENTITY (self), properties[PROP_FAVOURITES_COUNT], MAX (count, 0));
}

/**
 * starling_status_set_reblogs_count:
 * @self: a status
 * @count: the new count; below 0 reads as 0
 *
 * Sets `reblogs-count` ahead of the server's answer, with
 * starling_status_set_reblogged().
 */
void
starling_status_set_reblogs_count (StarlingStatus *self,
                                   gint64          count)
{
  g_return_if_fail (STARLING_IS_STATUS (self));

  starling_entity_set_int64 (STARLING_ENTITY (self), properties[PROP_REBLOGS_COUNT], MAX (count, 0));
}

/**
 * starling_status_get_filter_action:
 * @self: a status as it appears in a list (a boost's wrapper included)
 * @context: where it is shown: `home` (home and list timelines),
 *   `notifications`, `public` (public, tag and link timelines, search),
 *   `thread` or `account` (profiles)
 * @now: (nullable): the present, or %NULL for the clock's
 * @titles_out: (out) (optional) (nullable) (transfer full): the titles of
 *   the filters behind the answer, joined by ", ", for "Filtered: …";
 *   %NULL when the answer is %STARLING_FILTER_ACTION_NONE
 *
 * Applies the server's verdict in `filtered` (Mastodon 4.0), as API-NOTES
 * §3 says: only filters whose `context` holds @context and that have not
 * expired at @now count; a boost counts the boosted post's filters as
 * well. Then hide wins over warn, and warn over blur; an action Starling
 * does not know counts as warn.
 *
 * A quoted post is shown in its quoting post's context: call this on the
 * quote's status with the same @context to decide whether to hide it.
 *
 * Returns: %STARLING_FILTER_ACTION_HIDE, %STARLING_FILTER_ACTION_WARN,
 *   %STARLING_FILTER_ACTION_BLUR, or %STARLING_FILTER_ACTION_NONE when no
 *   filter applies; never %STARLING_FILTER_ACTION_UNKNOWN
 */
StarlingFilterAction
starling_status_get_filter_action (StarlingStatus  *self,
                                   const char      *context,
                                   GDateTime       *now,
                                   char           **titles_out)
{
  g_autoptr (GPtrArray) hide = NULL;
  g_autoptr (GPtrArray) warn = NULL;
  g_autoptr (GPtrArray) blur = NULL;
  g_autoptr (GDateTime) clock_now = NULL;
  StarlingStatus *reblog;
  StarlingFilterAction action;
  GPtrArray *chosen;

  if (titles_out != NULL)
    *titles_out = NULL;

  g_return_val_if_fail (STARLING_IS_STATUS (self), STARLING_FILTER_ACTION_NONE);
  g_return_val_if_fail (context != NULL, STARLING_FILTER_ACTION_NONE);

  if (now == NULL)
    now = clock_now = g_date_time_new_now_utc ();

  hide = g_ptr_array_new ();
  warn = g_ptr_array_new ();
  blur = g_ptr_array_new ();

  collect_filters (self, context, now, hide, warn, blur);
  reblog = starling_status_get_reblog (self);
  if (reblog != NULL)
    collect_filters (reblog, context, now, hide, warn, blur);

  if (hide->len > 0)
    {
      action = STARLING_FILTER_ACTION_HIDE;
      chosen = hide;
    }
  else if (warn->len > 0)
    {
      action = STARLING_FILTER_ACTION_WARN;
      chosen = warn;
    }
  else if (blur->len > 0)
    {
      action = STARLING_FILTER_ACTION_BLUR;
      chosen = blur;
    }
  else
    return STARLING_FILTER_ACTION_NONE;

  if (titles_out != NULL)
    *titles_out = join_titles (chosen);

  return action;
}
