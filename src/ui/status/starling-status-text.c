/* starling-status-text.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-status"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "model/starling-custom-emoji.h"
#include "model/starling-media-attachment.h"
#include "model/starling-poll-option.h"
#include "text/starling-html.h"
#include "text/starling-time.h"

#include "starling-status-text.h"

/* What a status row says in words, apart from the widgets: counts, the
 * handle, the server's software, and the one sentence a screen reader
 * reads for the whole row. Pure functions of the model, tested without a
 * display. */

/**
 * starling_status_text_format_count:
 * @count: a number of replies, boosts or favourites
 *
 * Returns: (transfer full): @count as a row shows it beside its button:
 *   "" for none, the number up to 9999, then "12K", "1.2M"
 */
char *
starling_status_text_format_count (gint64 count)
{
  if (count <= 0)
    return g_strdup ("");
  if (count < 10000)
    return g_strdup_printf ("%" G_GINT64_FORMAT, count);
  if (count < 1000000)
    /* TRANSLATORS: a count of thousands beside a button, as in "12K" */
    return g_strdup_printf (C_("count", "%" G_GINT64_FORMAT "K"), count / 1000);
  if (count < 10000000)
    /* TRANSLATORS: a count of millions with one decimal, as in "1.2M" */
    return g_strdup_printf (C_("count", "%.1fM"), (double) (count / 100000) / 10.0);

  /* TRANSLATORS: a count of millions beside a button, as in "12M" */
  return g_strdup_printf (C_("count", "%" G_GINT64_FORMAT "M"), count / 1000000);
}

/**
 * starling_status_text_dup_server:
 * @account: an account
 *
 * The server an account lives on: the domain of its `acct`, or for an
 * account of the signed-in server (whose `acct` has no domain) the host of
 * its profile URL.
 *
 * Returns: (transfer full) (nullable): the server, or %NULL when nothing
 *   says
 */
char *
starling_status_text_dup_server (StarlingAccount *account)
{
  const char *domain;
  const char *url;
  g_autoptr (GUri) uri = NULL;

  g_return_val_if_fail (STARLING_IS_ACCOUNT (account), NULL);

  domain = starling_account_get_domain (account);
  if (domain != NULL)
    return g_ascii_strdown (domain, -1);

  url = starling_account_get_url (account);
  if (url == NULL)
    url = starling_account_get_uri (account);
  if (url != NULL)
    uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return NULL;

  return g_ascii_strdown (g_uri_get_host (uri), -1);
}

/**
 * starling_status_text_dup_plain_name:
 * @account: an account
 *
 * The name to show, without its custom emoji: for an avatar's initials
 * and wherever pictures cannot go.
 *
 * Returns: (transfer full): the name, its `:shortcode:`s taken out
 */
char *
starling_status_text_dup_plain_name (StarlingAccount *account)
{
  g_autoptr (GString) name = NULL;
  GPtrArray *emojis;

  g_return_val_if_fail (STARLING_IS_ACCOUNT (account), NULL);

  name = g_string_new (starling_account_get_display (account));
  emojis = starling_account_get_emojis (account);
  for (guint i = 0; emojis != NULL && i < emojis->len; i++)
    {
      g_autofree char *code = g_strdup_printf (":%s:",
                                               starling_custom_emoji_get_shortcode (g_ptr_array_index (emojis, i)));

      g_string_replace (name, code, "", 0);
    }
  /* "Ada :blobcat: Lovelace" leaves two spaces where the emoji was. */
  while (g_string_replace (name, "  ", " ", 0) > 0)
    ;
  g_strstrip (name->str);
  name->len = strlen (name->str);

  /* A name of emoji only leaves the username. */
  if (name->len == 0)
    g_string_assign (name, starling_account_get_username (account) != NULL
                           ? starling_account_get_username (account) : "");

  return g_string_free (g_steal_pointer (&name), FALSE);
}

/**
 * starling_status_text_dup_handle:
 * @account: an account
 *
 * Returns: (transfer full): the full handle, "@user@server", with the
 *   server even for accounts of the signed-in server
 */
char *
starling_status_text_dup_handle (StarlingAccount *account)
{
  g_autofree char *server = NULL;
  const char *username;

  g_return_val_if_fail (STARLING_IS_ACCOUNT (account), NULL);

  username = starling_account_get_username (account);
  if (username == NULL || *username == '\0')
    username = starling_account_get_acct (account);
  if (username == NULL)
    username = "";

  server = starling_status_text_dup_server (account);
  if (server == NULL || strchr (username, '@') != NULL)
    return g_strconcat ("@", username, NULL);

  return g_strconcat ("@", username, "@", server, NULL);
}

static gboolean
is_threads_domain (const char *server)
{
  return server != NULL
         && (g_str_equal (server, "threads.net")
             || g_str_has_suffix (server, ".threads.net")
             || g_str_equal (server, "threads.com")
             || g_str_has_suffix (server, ".threads.com"));
}

/**
 * starling_status_text_software_of:
 * @account: an account
 * @lookup: (nullable) (scope call): what the app knows of servers
 * @lookup_data: data for @lookup
 *
 * Which software the server of @account runs: Threads is known by its
 * domain; anything else is what @lookup says.
 *
 * Returns: the software, or %STARLING_SOFTWARE_UNKNOWN
 */
StarlingSoftware
starling_status_text_software_of (StarlingAccount        *account,
                                  StarlingSoftwareLookup  lookup,
                                  gpointer                lookup_data)
{
  g_autofree char *server = NULL;

  g_return_val_if_fail (STARLING_IS_ACCOUNT (account), STARLING_SOFTWARE_UNKNOWN);

  server = starling_status_text_dup_server (account);
  if (is_threads_domain (server))
    return STARLING_SOFTWARE_THREADS;

  if (lookup == NULL)
    return STARLING_SOFTWARE_UNKNOWN;

  return lookup (starling_account_get_domain (account), lookup_data);
}

/**
 * starling_status_text_dup_counts:
 * @status: the status shown (not a boost's wrapper)
 *
 * Returns: (transfer full): "3 replies, 10 boosts, 25 favourites"
 */
char *
starling_status_text_dup_counts (StarlingStatus *status)
{
  gint64 replies;
  gint64 boosts;
  gint64 favourites;
  g_autofree char *replies_text = NULL;
  g_autofree char *boosts_text = NULL;
  g_autofree char *favourites_text = NULL;

  g_return_val_if_fail (STARLING_IS_STATUS (status), NULL);

  replies = MAX (starling_status_get_replies_count (status), 0);
  boosts = MAX (starling_status_get_reblogs_count (status), 0);
  favourites = MAX (starling_status_get_favourites_count (status), 0);

  replies_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" G_GINT64_FORMAT " reply",
                                               "%" G_GINT64_FORMAT " replies", (gulong) replies), replies);
  boosts_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" G_GINT64_FORMAT " boost",
                                              "%" G_GINT64_FORMAT " boosts", (gulong) boosts), boosts);
  favourites_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" G_GINT64_FORMAT " favourite",
                                                  "%" G_GINT64_FORMAT " favourites", (gulong) favourites),
                                     favourites);

  /* TRANSLATORS: the counts of a post: "3 replies, 10 boosts, 25 favourites" */
  return g_strdup_printf (_("%s, %s, %s"), replies_text, boosts_text, favourites_text);
}

/**
 * starling_status_text_dup_media_summary:
 * @status: the status shown
 *
 * Returns: (transfer full) (nullable): what is attached, in words ("2
 *   images: a cat; a dog"), or %NULL when nothing is
 */
char *
starling_status_text_dup_media_summary (StarlingStatus *status)
{
  GPtrArray *media;
  guint images = 0;
  guint videos = 0;
  guint audios = 0;
  g_autoptr (GString) text = NULL;
  g_autoptr (GPtrArray) descriptions = g_ptr_array_new ();

  g_return_val_if_fail (STARLING_IS_STATUS (status), NULL);

  media = starling_status_get_media_attachments (status);
  if (media == NULL || media->len == 0)
    return NULL;

  for (guint i = 0; i < media->len; i++)
    {
      StarlingMediaAttachment *attachment = g_ptr_array_index (media, i);
      const char *description = starling_media_attachment_get_description (attachment);

      switch (starling_media_attachment_get_media_type (attachment))
        {
        case STARLING_MEDIA_TYPE_VIDEO:
        case STARLING_MEDIA_TYPE_GIFV:
          videos++;
          break;
        case STARLING_MEDIA_TYPE_AUDIO:
          audios++;
          break;
        case STARLING_MEDIA_TYPE_IMAGE:
        case STARLING_MEDIA_TYPE_UNKNOWN:
        default:
          images++;
          break;
        }
      if (description != NULL && *description != '\0')
        g_ptr_array_add (descriptions, (gpointer) description);
    }

  text = g_string_new (NULL);
  if (images > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u image", "%u images", images), images);
  if (videos > 0)
    {
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u video", "%u videos", videos), videos);
    }
  if (audios > 0)
    {
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u audio file", "%u audio files", audios), audios);
    }
  for (guint i = 0; i < descriptions->len; i++)
    {
      g_string_append (text, i == 0 ? ": " : "; ");
      g_string_append (text, g_ptr_array_index (descriptions, i));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What a status's content (or an account's name) becomes, kept with the
 * object (as object data) so that a row recycled onto it again, or a
 * second row showing it, does not convert it again. Each part remembers
 * what it was made from and is made again when that changed: an edit or
 * a newer copy updates the object in place. The source is compared by
 * value, not by pointer, as a new string can come where a freed one was. */
typedef struct
{
  char             *source;
  /* The rich text, from the source, the emoji shortcodes and whether the
   * status quotes another. */
  StarlingRichText *text;
  GStrv             shortcodes;
  gboolean          has_quote;
  /* The plain text in one line, from the source alone. */
  char             *spoken;
} TextCache;

static void
text_cache_free (gpointer data)
{
  TextCache *cache = data;

  g_free (cache->source);
  g_clear_pointer (&cache->text, starling_rich_text_unref);
  g_strfreev (cache->shortcodes);
  g_free (cache->spoken);
  g_free (cache);
}

/* The cache kept on @owner under @key, emptied of whatever was made from
 * another @source. */
static TextCache *
get_text_cache (gpointer    owner,
                const char *key,
                const char *source)
{
  GQuark quark = g_quark_from_static_string (key);
  TextCache *cache = g_object_get_qdata (G_OBJECT (owner), quark);

  if (source == NULL)
    source = "";

  if (cache == NULL)
    {
      cache = g_new0 (TextCache, 1);
      g_object_set_qdata_full (G_OBJECT (owner), quark, cache, text_cache_free);
    }
  else if (g_str_equal (cache->source, source))
    return cache;

  g_free (cache->source);
  cache->source = g_strdup (source);
  g_clear_pointer (&cache->text, starling_rich_text_unref);
  g_clear_pointer (&cache->shortcodes, g_strfreev);
  g_clear_pointer (&cache->spoken, g_free);

  return cache;
}

static GStrv
dup_shortcodes (GPtrArray *emojis)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; emojis != NULL && i < emojis->len; i++)
    {
      const char *shortcode = starling_custom_emoji_get_shortcode (g_ptr_array_index (emojis, i));

      /* A shortcode-less emoji matches nothing in the text. */
      if (shortcode != NULL)
        g_strv_builder_add (builder, shortcode);
    }

  return g_strv_builder_end (builder);
}

/* The cache's rich text, made from its source (HTML, or plain text when
 * @plain) with @emojis, again only when they or @has_quote changed. */
static StarlingRichText *
dup_cached_rich_text (TextCache *cache,
                      gboolean   plain,
                      GPtrArray *emojis,
                      gboolean   has_quote)
{
  g_auto (GStrv) shortcodes = dup_shortcodes (emojis);

  if (cache->text == NULL || cache->has_quote != has_quote
      || !g_strv_equal ((const char * const *) cache->shortcodes, (const char * const *) shortcodes))
    {
      StarlingHtmlOptions options = { 0 };
      g_autofree char *escaped = plain ? g_markup_escape_text (cache->source, -1) : NULL;

      options.emoji_shortcodes = (const char * const *) shortcodes;
      options.has_quote = has_quote;
      g_clear_pointer (&cache->text, starling_rich_text_unref);
      cache->text = starling_html_to_markup (plain ? escaped : cache->source, &options);
      g_strfreev (cache->shortcodes);
      cache->shortcodes = g_steal_pointer (&shortcodes);
      cache->has_quote = has_quote;
    }

  return starling_rich_text_ref (cache->text);
}

#define CONTENT_KEY "starling-status-text-content"
#define NAME_KEY "starling-status-text-name"

/**
 * starling_status_text_dup_content:
 * @status: the status shown (not a boost's wrapper)
 *
 * The content of @status as a row shows it: its HTML as a
 * #StarlingRichText, with a place for each of its custom emoji, and
 * without the inline quote fallback when it quotes a post. Made once and
 * kept with @status, so every row that shows it shares one; made again
 * when the content, the emoji or the quote changed (an edit, a newer
 * copy).
 *
 * Returns: (transfer full): the rich text
 */
StarlingRichText *
starling_status_text_dup_content (StarlingStatus *status)
{
  TextCache *cache;

  g_return_val_if_fail (STARLING_IS_STATUS (status), NULL);

  cache = get_text_cache (status, CONTENT_KEY, starling_status_get_content (status));
  return dup_cached_rich_text (cache, FALSE, starling_status_get_emojis (status),
                               starling_status_get_quote (status) != NULL);
}

/**
 * starling_status_text_dup_name:
 * @account: an account
 *
 * The display name of @account as a row shows it, with a place for each
 * of its custom emoji. Kept with @account like the content with a status
 * (see starling_status_text_dup_content()), so the rows of one author
 * share one.
 *
 * Returns: (transfer full): the rich text
 */
StarlingRichText *
starling_status_text_dup_name (StarlingAccount *account)
{
  TextCache *cache;

  g_return_val_if_fail (STARLING_IS_ACCOUNT (account), NULL);

  cache = get_text_cache (account, NAME_KEY, starling_account_get_display (account));
  return dup_cached_rich_text (cache, TRUE, starling_account_get_emojis (account), FALSE);
}

static char *
plain_one_line (const char *html)
{
  g_autofree char *plain = starling_html_to_plain_text (html);
  g_auto (GStrv) lines = NULL;

  /* A screen reader reads the row as one sentence: paragraphs join with a
   * space. */
  lines = g_strsplit_set (plain, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_strstrip (lines[i]);

  {
    g_autoptr (GString) joined = g_string_new (NULL);

    for (guint i = 0; lines[i] != NULL; i++)
      {
        if (*lines[i] == '\0')
          continue;
        if (joined->len > 0)
          g_string_append_c (joined, ' ');
        g_string_append (joined, lines[i]);
      }
    return g_string_free (g_steal_pointer (&joined), FALSE);
  }
}

static char *
dup_poll_summary (StarlingPoll *poll)
{
  GPtrArray *options = starling_poll_get_options (poll);
  gint64 votes = MAX (starling_poll_get_votes_count (poll), 0);
  g_autoptr (GString) text = g_string_new (_("Poll:"));
  g_autofree char *votes_text = NULL;

  for (guint i = 0; options != NULL && i < options->len; i++)
    g_string_append_printf (text, "%s%s", i == 0 ? " " : ", ",
                            starling_poll_option_get_title (g_ptr_array_index (options, i)));

  votes_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" G_GINT64_FORMAT " vote",
                                             "%" G_GINT64_FORMAT " votes", (gulong) votes), votes);
  if (starling_poll_get_expired (poll))
    /* TRANSLATORS: after a poll's options in the sentence a screen reader
     * reads for a post: "(12 votes, closed)" */
    g_string_append_printf (text, _(" (%s, closed)."), votes_text);
  else
    /* TRANSLATORS: after a poll's options in the sentence a screen reader
     * reads for a post: "(12 votes)" */
    g_string_append_printf (text, _(" (%s)."), votes_text);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * starling_status_text_accessible_label:
 * @status: a status as a timeline holds it (a boost's wrapper or a post)
 * @now: the time to say the age against
 * @content_shown: whether the content is shown (%FALSE while a content
 *   warning hides it: then only the warning is read)
 *
 * The one sentence a screen reader reads for a row: "Name, 5 minutes ago:
 * content text. 2 images: a cat; a dog. Poll: Yes, No (12 votes). 3
 * replies, 10 boosts, 25 favourites", and for a boost "Booster boosted
 * Name's post, 5 minutes ago: …". Names are read without their custom
 * emoji's shortcodes.
 *
 * Returns: (transfer full): the sentence
 */
char *
starling_status_text_accessible_label (StarlingStatus *status,
                                       GDateTime      *now,
                                       gboolean        content_shown)
{
  StarlingStatus *shown;
  StarlingAccount *author;
  StarlingAccount *booster;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *author_name = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *media = NULL;
  const char *spoiler;
  GDateTime *created;
  StarlingPoll *poll;

  g_return_val_if_fail (STARLING_IS_STATUS (status), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  shown = starling_status_get_shown (status);
  author = starling_status_get_account (shown);
  booster = shown != status ? starling_status_get_account (status) : NULL;

  author_name = author != NULL ? starling_status_text_dup_plain_name (author) : g_strdup (_("Unknown account"));
  if (booster != NULL)
    {
      g_autofree char *booster_name = starling_status_text_dup_plain_name (booster);

      /* TRANSLATORS: in the sentence a screen reader reads for a boost:
       * "Charles boosted Ada's post" */
      g_string_append_printf (text, _("%s boosted %s’s post"), booster_name, author_name);
    }
  else
    g_string_append (text, author_name);

  created = starling_status_get_created_at (shown);
  if (created != NULL)
    {
      g_autofree char *age = starling_time_format_spoken (created, now);

      g_string_append (text, ", ");
      g_string_append (text, age);
    }
  g_string_append (text, ": ");

  spoiler = starling_status_get_spoiler_text (shown);
  if (spoiler != NULL && *spoiler != '\0')
    {
      g_string_append_printf (text, _("Content warning: %s."), spoiler);
      if (content_shown)
        g_string_append_c (text, ' ');
    }

  if (content_shown || spoiler == NULL || *spoiler == '\0')
    {
      TextCache *cache = get_text_cache (shown, CONTENT_KEY, starling_status_get_content (shown));

      if (cache->spoken == NULL)
        cache->spoken = plain_one_line (cache->source);
      g_string_append (text, cache->spoken);
      /* End the content as a sentence unless it ends one already. */
      g_strchomp (text->str);
      text->len = strlen (text->str);
      if (text->len > 0 && strchr (".!?:", text->str[text->len - 1]) == NULL)
        g_string_append_c (text, '.');

      media = starling_status_text_dup_media_summary (shown);
      if (media != NULL)
        {
          g_string_append_printf (text, " %s", media);
          /* A description may end its own sentence. */
          if (strchr (".!?", text->str[text->len - 1]) == NULL)
            g_string_append_c (text, '.');
        }

      poll = starling_status_get_poll (shown);
      if (poll != NULL)
        {
          g_autofree char *summary = dup_poll_summary (poll);

          g_string_append_c (text, ' ');
          g_string_append (text, summary);
        }
    }

  counts = starling_status_text_dup_counts (shown);
  g_string_append_c (text, ' ');
  g_string_append (text, counts);

  return g_string_free (g_steal_pointer (&text), FALSE);
}
