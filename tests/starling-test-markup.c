/* starling-test-markup.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "starling-test-markup.h"

/* What the tests and the fuzzer hold the HTML converter's markup to. GtkLabel
 * and Pango both read markup with GMarkupParseContext; GtkLabel takes the
 * <a href> elements out and hands the rest to pango_parse_markup(). This
 * does the same first step, more strictly: well-formed, only the elements
 * the converter may write, no attribute but <a>'s href, no link in a link. */

static const char * const allowed_elements[] = {
  "b", "i", "u", "s", "tt", "span", "sub", "sup", "small", "big",
};

typedef struct
{
  GString  *without_links;
  GString  *text;
  guint     depth;
  gboolean  in_link;
  guint     n_links;
} CheckData;

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element_name,
                  const char          **attribute_names,
                  const char          **attribute_values,
                  gpointer              user_data,
                  GError              **error)
{
  CheckData *data = user_data;
  gboolean allowed = FALSE;

  data->depth++;

  if (data->depth == 1)
    {
      if (strcmp (element_name, "markup") != 0)
        g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ELEMENT,
                     "Unexpected root <%s>", element_name);
      return;
    }

  if (strcmp (element_name, "a") == 0)
    {
      if (data->in_link)
        {
          g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                               "A link inside a link");
          return;
        }
      if (attribute_names[0] == NULL || strcmp (attribute_names[0], "href") != 0 ||
          attribute_names[1] != NULL)
        {
          g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ATTRIBUTE,
                               "<a> must have exactly one attribute, href");
          return;
        }
      if (!g_str_has_prefix (attribute_values[0], "http:") &&
          !g_str_has_prefix (attribute_values[0], "https:") &&
          !g_str_has_prefix (attribute_values[0], "dat:") &&
          !g_str_has_prefix (attribute_values[0], "dweb:") &&
          !g_str_has_prefix (attribute_values[0], "ipfs:") &&
          !g_str_has_prefix (attribute_values[0], "ipns:") &&
          !g_str_has_prefix (attribute_values[0], "ssb:"))
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       "Link with a scheme that is not allowed: %s", attribute_values[0]);
          return;
        }
      data->in_link = TRUE;
      data->n_links++;
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (allowed_elements); i++)
    allowed |= strcmp (element_name, allowed_elements[i]) == 0;
  if (!allowed)
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ELEMENT,
                   "Element <%s> is not allowed", element_name);
      return;
    }
  if (attribute_names[0] != NULL)
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ATTRIBUTE,
                   "Attribute %s on <%s>", attribute_names[0], element_name);
      return;
    }

  g_string_append_printf (data->without_links, "<%s>", element_name);
}

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *element_name,
                gpointer              user_data,
                GError              **error)
{
  CheckData *data = user_data;

  data->depth--;
  if (data->depth == 0)
    return;

  if (strcmp (element_name, "a") == 0)
    data->in_link = FALSE;
  else
    g_string_append_printf (data->without_links, "</%s>", element_name);
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 text_len,
         gpointer              user_data,
         GError              **error)
{
  CheckData *data = user_data;
  g_autofree char *escaped = g_markup_escape_text (text, (gssize) text_len);

  g_string_append (data->without_links, escaped);
  g_string_append_len (data->text, text, (gssize) text_len);
}

static const GMarkupParser check_parser = {
  start_element_cb,
  end_element_cb,
  text_cb,
  NULL,
  NULL,
};

/**
 * starling_test_check_markup:
 * @markup: markup from the HTML converter
 * @without_links: (out) (optional): the markup without its <a> elements,
 *   for pango_parse_markup()
 * @text: (out) (optional): the text the markup shows
 * @n_links: (out) (optional): the number of links
 * @error: return location for what is wrong
 *
 * Returns: whether @markup is what GtkLabel can take
 */
gboolean
starling_test_check_markup (const char  *markup,
                            char       **without_links,
                            char       **text,
                            guint       *n_links,
                            GError     **error)
{
  g_autoptr (GMarkupParseContext) context = NULL;
  g_autoptr (GString) without = g_string_new (NULL);
  g_autoptr (GString) shown = g_string_new (NULL);
  CheckData data = { without, shown, 0, FALSE, 0 };

  if (!g_utf8_validate (markup, -1, NULL))
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_BAD_UTF8, "Invalid UTF-8");
      return FALSE;
    }

  context = g_markup_parse_context_new (&check_parser, 0, &data, NULL);
  if (!g_markup_parse_context_parse (context, "<markup>", -1, error) ||
      !g_markup_parse_context_parse (context, markup, -1, error) ||
      !g_markup_parse_context_parse (context, "</markup>", -1, error) ||
      !g_markup_parse_context_end_parse (context, error))
    return FALSE;

  if (without_links != NULL)
    *without_links = g_string_free (g_steal_pointer (&without), FALSE);
  if (text != NULL)
    *text = g_string_free (g_steal_pointer (&shown), FALSE);
  if (n_links != NULL)
    *n_links = data.n_links;

  return TRUE;
}

/**
 * starling_test_check_rich_text:
 * @rich: a result of starling_html_to_markup()
 * @without_links: (out) (optional): its markup without <a> elements
 * @error: return location for what is wrong
 *
 * Checks the markup as starling_test_check_markup() does, and that the
 * rest agrees with it: the text is the markup's text, there is one link
 * per <a>, each link's range is inside the text on character boundaries,
 * and each emoji offset points at a U+FFFC, which appears nowhere else.
 *
 * Returns: whether @rich holds together
 */
gboolean
starling_test_check_rich_text (StarlingRichText  *rich,
                               char             **without_links,
                               GError           **error)
{
  g_autofree char *shown = NULL;
  const char *text = starling_rich_text_get_text (rich);
  gsize length = strlen (text);
  guint n_links = 0;
  guint n_replacements = 0;

  if (!starling_test_check_markup (starling_rich_text_get_markup (rich), without_links,
                                   &shown, &n_links, error))
    return FALSE;

  if (strcmp (shown, text) != 0)
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   "The markup shows “%s”, the text is “%s”", shown, text);
      return FALSE;
    }

  if (n_links != starling_rich_text_get_n_links (rich))
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   "%u <a> in the markup, %u links", n_links, starling_rich_text_get_n_links (rich));
      return FALSE;
    }

  for (guint i = 0; i < n_links; i++)
    {
      const StarlingLink *link = starling_rich_text_get_link (rich, i);

      if (link->start >= link->end || link->end > length ||
          !g_utf8_validate (text + link->start, (gssize) (link->end - link->start), NULL) ||
          (link->end < length && ((guchar) text[link->end] & 0xC0) == 0x80) ||
          ((guchar) text[link->start] & 0xC0) == 0x80 ||
          link->href == NULL || !g_utf8_validate (link->href, -1, NULL) ||
          (link->kind != STARLING_LINK_URL && link->name == NULL))
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       "Link %u is wrong (%" G_GSIZE_FORMAT "–%" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT ")",
                       i, link->start, link->end, length);
          return FALSE;
        }
    }

  for (const char *p = strstr (text, "\xef\xbf\xbc"); p != NULL; p = strstr (p + 3, "\xef\xbf\xbc"))
    n_replacements++;
  if (n_replacements != starling_rich_text_get_n_emojis (rich))
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   "%u U+FFFC in the text, %u emoji", n_replacements,
                   starling_rich_text_get_n_emojis (rich));
      return FALSE;
    }
  for (guint i = 0; i < n_replacements; i++)
    {
      const StarlingEmojiSpan *span = starling_rich_text_get_emoji (rich, i);

      if (span->offset + 3 > length || memcmp (text + span->offset, "\xef\xbf\xbc", 3) != 0 ||
          (i > 0 && span->offset <= starling_rich_text_get_emoji (rich, i - 1)->offset))
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       "Emoji %u is not at a U+FFFC", i);
          return FALSE;
        }
    }

  return TRUE;
}
