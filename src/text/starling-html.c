/* starling-html.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-text"

#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "starling-html.h"
#include "starling-rich-text-private.h"

/* Status HTML comes from any server on the network, so it is treated as
 * hostile: libxml2's HTML parser (which never fetches anything with
 * HTML_PARSE_NONET) turns it into a tree, and an iterative walk writes new
 * markup from it. Nothing of the input reaches the markup but text, which
 * is escaped, and link targets with an allowed scheme, also escaped; the
 * elements written are a fixed few without attributes. */

/* Bounds that keep hostile input cheap. libxml2 itself refuses to nest
 * elements deeper than 256 (it stops parsing there). */
#define MAX_INPUT_LENGTH (16 * 1024 * 1024)
#define MAX_OPEN_TAGS 32
#define MAX_INDENT 8
#define MAX_ATTRIBUTES 64
#define MAX_SHORTCODE_LENGTH 128

/* libxml2 2.9 (Debian 12's) reads names in chunks of this many bytes; a
 * longer name reads as several attributes. */
#define LIBXML_NAME_CHUNK 100

#define OBJECT_REPLACEMENT "\xef\xbf\xbc"
#define ELLIPSIS "\xe2\x80\xa6"
#define QUOTE_PREFIX "\xe2\x96\x8e "
#define BULLET "\xe2\x80\xa2 "

typedef enum
{
  KIND_INLINE,
  KIND_SKIP,
  KIND_FORMAT,
  KIND_BREAK,
  KIND_BLOCK,
  KIND_PARAGRAPH,
  KIND_HEADING,
  KIND_PRE,
  KIND_QUOTE,
  KIND_LIST,
  KIND_ORDERED_LIST,
  KIND_ITEM,
  KIND_SPAN,
  KIND_LINK,
  KIND_IMAGE,
  KIND_CELL,
} ElementKind;

typedef struct
{
  const char  *name;
  ElementKind  kind;
  /* The Pango element of KIND_FORMAT. */
  const char  *tag;
} ElementInfo;

typedef enum
{
  FRAME_TAG = 1 << 0,
  FRAME_LINK = 1 << 1,
  FRAME_PRE = 1 << 2,
  FRAME_QUOTE = 1 << 3,
  FRAME_LIST = 1 << 4,
  FRAME_ITEM = 1 << 5,
  FRAME_ELLIPSIS = 1 << 6,
  FRAME_SPACE_AFTER = 1 << 7,
} FrameFlags;

/* What entering an element did, to undo when leaving it. */
typedef struct
{
  guint  flags;
  guint  break_after;
} Frame;

/* An element of the output that may not be written yet: tags are written
 * only when text comes inside them, so empty elements leave nothing. */
typedef struct
{
  const char *name;
  char       *href;
} OpenTag;

typedef struct
{
  gboolean reversed;
  int      next;
} List;

typedef struct
{
  gboolean     markup_mode;
  gboolean     has_quote;
  GHashTable  *emoji;

  GString     *markup;
  GString     *text;
  GArray      *links;
  GArray      *emojis;

  GArray      *frames;
  GArray      *open_tags;
  guint        n_written_tags;
  GArray      *lists;
  guint        quote_depth;
  guint        pre_depth;
  guint        item_depth;
  int          link_index;

  guint        pending_newlines;
  gboolean     pending_space;
  gboolean     at_line_start;
  gboolean     wrote_content;
  char        *item_prefix;
} Converter;

static const ElementInfo elements[] = {
  { "a", KIND_LINK, NULL },
  { "address", KIND_BLOCK, NULL },
  { "applet", KIND_SKIP, NULL },
  { "article", KIND_BLOCK, NULL },
  { "aside", KIND_BLOCK, NULL },
  { "audio", KIND_SKIP, NULL },
  { "b", KIND_FORMAT, "b" },
  { "big", KIND_FORMAT, "big" },
  { "blockquote", KIND_QUOTE, NULL },
  { "br", KIND_BREAK, NULL },
  { "button", KIND_SKIP, NULL },
  { "canvas", KIND_SKIP, NULL },
  { "caption", KIND_BLOCK, NULL },
  { "center", KIND_BLOCK, NULL },
  { "cite", KIND_FORMAT, "i" },
  { "code", KIND_FORMAT, "tt" },
  { "dd", KIND_BLOCK, NULL },
  { "del", KIND_FORMAT, "s" },
  { "details", KIND_BLOCK, NULL },
  { "dfn", KIND_FORMAT, "i" },
  { "div", KIND_BLOCK, NULL },
  { "dl", KIND_BLOCK, NULL },
  { "dt", KIND_BLOCK, NULL },
  { "em", KIND_FORMAT, "i" },
  { "embed", KIND_SKIP, NULL },
  { "figcaption", KIND_BLOCK, NULL },
  { "figure", KIND_BLOCK, NULL },
  { "footer", KIND_BLOCK, NULL },
  { "form", KIND_BLOCK, NULL },
  { "frame", KIND_SKIP, NULL },
  { "frameset", KIND_SKIP, NULL },
  { "h1", KIND_HEADING, NULL },
  { "h2", KIND_HEADING, NULL },
  { "h3", KIND_HEADING, NULL },
  { "h4", KIND_HEADING, NULL },
  { "h5", KIND_HEADING, NULL },
  { "h6", KIND_HEADING, NULL },
  { "head", KIND_SKIP, NULL },
  { "header", KIND_BLOCK, NULL },
  { "hr", KIND_BLOCK, NULL },
  { "i", KIND_FORMAT, "i" },
  { "iframe", KIND_SKIP, NULL },
  { "img", KIND_IMAGE, NULL },
  { "input", KIND_SKIP, NULL },
  { "ins", KIND_FORMAT, "u" },
  { "kbd", KIND_FORMAT, "tt" },
  { "li", KIND_ITEM, NULL },
  { "main", KIND_BLOCK, NULL },
  { "math", KIND_SKIP, NULL },
  { "nav", KIND_BLOCK, NULL },
  { "noembed", KIND_SKIP, NULL },
  { "noframes", KIND_SKIP, NULL },
  { "noscript", KIND_SKIP, NULL },
  { "object", KIND_SKIP, NULL },
  { "ol", KIND_ORDERED_LIST, NULL },
  { "p", KIND_PARAGRAPH, NULL },
  { "pre", KIND_PRE, NULL },
  { "s", KIND_FORMAT, "s" },
  { "samp", KIND_FORMAT, "tt" },
  { "script", KIND_SKIP, NULL },
  { "section", KIND_BLOCK, NULL },
  { "select", KIND_SKIP, NULL },
  { "small", KIND_FORMAT, "small" },
  { "span", KIND_SPAN, NULL },
  { "strike", KIND_FORMAT, "s" },
  { "strong", KIND_FORMAT, "b" },
  { "style", KIND_SKIP, NULL },
  { "sub", KIND_FORMAT, "sub" },
  { "summary", KIND_BLOCK, NULL },
  { "sup", KIND_FORMAT, "sup" },
  { "svg", KIND_SKIP, NULL },
  { "table", KIND_BLOCK, NULL },
  { "td", KIND_CELL, NULL },
  { "template", KIND_SKIP, NULL },
  { "textarea", KIND_SKIP, NULL },
  { "th", KIND_CELL, NULL },
  { "title", KIND_SKIP, NULL },
  { "tr", KIND_BLOCK, NULL },
  { "tt", KIND_FORMAT, "tt" },
  { "u", KIND_FORMAT, "u" },
  { "ul", KIND_LIST, NULL },
  { "var", KIND_FORMAT, "i" },
  { "video", KIND_SKIP, NULL },
};

static const char * const link_schemes[] = {
  "http", "https", "dat", "dweb", "ipfs", "ipns", "ssb",
};

static gboolean
is_html_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* libxml2's IS_BLANK_CH. */
static gboolean
is_xml_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The first character of a name to libxml2's HTML parser. */
static gboolean
starts_html_name (char c)
{
  return g_ascii_isalpha (c) || c == '_' || c == ':' || c == '.';
}

static gboolean
is_html_name_char (char c)
{
  return g_ascii_isalnum (c) || c == ':' || c == '-' || c == '_' || c == '.';
}

static const ElementInfo *
lookup_element (const char *name)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *new_table = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
        g_hash_table_insert (new_table, (gpointer) elements[i].name, (gpointer) &elements[i]);
      g_once_init_leave (&table, new_table);
    }

  return g_hash_table_lookup (table, name);
}

/* Returns a copy of @html that is valid UTF-8, without C0 control
 * characters (which libxml2 2.9 reads as the end of a tag) and with form
 * feeds as spaces, cut at MAX_INPUT_LENGTH. */
static char *
clean_input (const char *html,
             gsize      *length)
{
  g_autofree char *valid = NULL;
  gsize in_length = strlen (html);
  const char *end;
  char *out;
  char *o;

  if (in_length > MAX_INPUT_LENGTH)
    {
      const char *cut = html + MAX_INPUT_LENGTH;

      /* Back to the start of a character. */
      while (cut > html && ((guchar) *cut & 0xC0) == 0x80)
        cut--;
      in_length = (gsize) (cut - html);
    }

  if (!g_utf8_validate (html, (gssize) in_length, NULL))
    {
      valid = g_utf8_make_valid (html, (gssize) in_length);
      html = valid;
      in_length = strlen (valid);
    }

  out = o = g_malloc (in_length + 1);
  end = html + in_length;
  for (const char *p = html; p < end; p++)
    {
      guchar c = (guchar) *p;

      if (c == '\f')
        *o++ = ' ';
      else if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
        *o++ = (char) c;
    }
  *o = '\0';
  *length = (gsize) (o - out);

  return out;
}

static const char *
skip_past (const char *p,
           const char *end,
           const char *needle)
{
  gsize needle_length = strlen (needle);

  for (; p + needle_length <= end; p++)
    {
      if (g_ascii_strncasecmp (p, needle, needle_length) == 0)
        return p + needle_length;
    }

  return end;
}

static const char *
skip_to_char (const char *p,
              const char *end,
              char        c)
{
  const char *found = memchr (p, c, (gsize) (end - p));

  return found != NULL ? found + 1 : end;
}

/* Parses the attributes of a start tag from @p the way libxml2 2.9's
 * htmlParseStartTag does, counting them as it counts them; when there are
 * more than MAX_ATTRIBUTES, adds the range of the extra ones to @cuts.
 * Returns where the tag ends. */
static const char *
scan_attributes (const char *html,
                 const char *p,
                 const char *end,
                 guint       n_attributes,
                 GArray     *cuts)
{
  const char *cut_start = NULL;

  for (;;)
    {
      const char *attribute_start;

      while (p < end && is_xml_blank (*p))
        p++;
      if (p >= end || *p == '>' || (*p == '/' && p + 1 < end && p[1] == '>'))
        break;

      attribute_start = p;
      if (starts_html_name (*p))
        {
          const char *name_start = p;

          while (p < end && is_html_name_char (*p))
            p++;
          n_attributes += (guint) (((gsize) (p - name_start) + LIBXML_NAME_CHUNK - 1) / LIBXML_NAME_CHUNK);

          while (p < end && is_xml_blank (*p))
            p++;
          if (p < end && *p == '=')
            {
              p++;
              while (p < end && is_xml_blank (*p))
                p++;
              if (p < end && (*p == '"' || *p == '\''))
                p = skip_to_char (p + 1, end, *p);
              else
                {
                  while (p < end && !is_xml_blank (*p) && *p != '>')
                    p++;
                }
            }
        }
      else
        {
          /* libxml2 drops a bogus attribute up to a blank or the end. */
          while (p < end && !is_xml_blank (*p) && *p != '>' &&
                 !(*p == '/' && p + 1 < end && p[1] == '>'))
            p++;
        }

      if (n_attributes > MAX_ATTRIBUTES && cut_start == NULL)
        cut_start = attribute_start;
    }

  if (cut_start != NULL)
    {
      gsize range[2] = { (gsize) (cut_start - html), (gsize) (p - html) };

      g_array_append_vals (cuts, range, 2);
    }

  return p;
}

/* libxml2 2.9 checks each attribute of a tag against all the ones before
 * it, so a tag with a hundred thousand attributes takes minutes. This scan
 * follows libxml2's tokenizer (comments, script and style content, tags,
 * quoted values) and removes the attributes past MAX_ATTRIBUTES of each
 * tag. Returns a new string, or %NULL when there is nothing to remove. */
static char *
limit_attributes (const char *html,
                  gsize      *length)
{
  g_autoptr (GArray) cuts = g_array_new (FALSE, FALSE, sizeof (gsize));
  const char *end = html + *length;
  const char *p = html;
  GString *out;
  const char *from;

  while (p < end)
    {
      const char *lt = memchr (p, '<', (gsize) (end - p));

      if (lt == NULL)
        break;
      p = lt;

      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        p = skip_past (p + 4, end, "-->");
      else if (end - p >= 9 && g_ascii_strncasecmp (p, "<!DOCTYPE", 9) == 0)
        p = skip_to_char (p + 9, end, '>');
      else if (end - p >= 3 && p[1] == '?' && (starts_html_name (p[2]) || (guchar) p[2] >= 0x80))
        p = skip_to_char (p + 2, end, '>');
      else if (end - p >= 3 && p[1] == '/' && starts_html_name (p[2]))
        p = skip_to_char (p + 2, end, '>');
      else if (end - p >= 2 && g_ascii_isalpha (p[1]))
        {
          const char *name = p + 1;
          gsize name_length;
          guint n_attributes = 0;

          p = name;
          while (p < end && is_html_name_char (*p))
            p++;
          name_length = (gsize) (p - name);
          if (name_length > LIBXML_NAME_CHUNK)
            n_attributes = (guint) ((name_length - 1) / LIBXML_NAME_CHUNK);

          p = scan_attributes (html, p, end, n_attributes, cuts);

          /* libxml2 reads script and style content as text up to their
           * end tag. */
          if ((name_length == 6 && g_ascii_strncasecmp (name, "script", 6) == 0) ||
              (name_length == 5 && g_ascii_strncasecmp (name, "style", 5) == 0))
            {
              char closing[16] = "</";

              memcpy (closing + 2, name, name_length);
              closing[2 + name_length] = '\0';
              p = skip_past (p, end, closing);
            }
        }
      else
        p++;
    }

  if (cuts->len == 0)
    return NULL;

  out = g_string_sized_new (*length);
  from = html;
  for (guint i = 0; i < cuts->len; i += 2)
    {
      const char *cut_start = html + g_array_index (cuts, gsize, i);
      const char *cut_end = html + g_array_index (cuts, gsize, i + 1);

      g_string_append_len (out, from, cut_start - from);
      from = cut_end;
    }
  g_string_append_len (out, from, end - from);

  *length = out->len;
  return g_string_free (out, FALSE);
}

static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;

  copy = g_strdup ((const char *) value);
  xmlFree (value);

  return copy;
}

/* Whether the space-separated list @list holds @token. */
static gboolean
has_token (const char *list,
           const char *token)
{
  gsize token_length = strlen (token);
  const char *p = list;

  if (list == NULL)
    return FALSE;

  while (*p != '\0')
    {
      const char *start;

      while (is_html_space (*p))
        p++;
      start = p;
      while (*p != '\0' && !is_html_space (*p))
        p++;
      if ((gsize) (p - start) == token_length && memcmp (start, token, token_length) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_class (xmlNode    *node,
           const char *class_name)
{
  g_autofree char *classes = get_attribute (node, "class");

  return has_token (classes, class_name);
}

/* Returns the link target to write for @href, or %NULL when the link must
 * go: browsers drop tabs and newlines from URLs and spaces and controls
 * around them, so "java\tscript:" is caught; the scheme must be one that
 * Mastodon keeps; characters a URL cannot hold are percent-encoded. */
static char *
normalize_href (const char *href)
{
  g_autoptr (GString) cleaned = g_string_new (NULL);
  g_autofree char *scheme = NULL;
  const char *start = href;
  const char *end = href + strlen (href);
  const char *colon;
  gboolean allowed = FALSE;

  while (start < end && (guchar) *start <= 0x20)
    start++;
  while (end > start && (guchar) end[-1] <= 0x20)
    end--;

  for (const char *p = start; p < end; p++)
    {
      guchar c = (guchar) *p;

      if (c == '\t' || c == '\n' || c == '\r')
        continue;
      if (c < 0x20 || c == 0x7F || c == ' ' || c == '"' || c == '<' || c == '>' || c == '`')
        g_string_append_printf (cleaned, "%%%02X", c);
      else
        g_string_append_c (cleaned, (char) c);
    }

  if (cleaned->len == 0 || !g_ascii_isalpha (cleaned->str[0]))
    return NULL;
  colon = cleaned->str;
  while (g_ascii_isalnum (*colon) || *colon == '+' || *colon == '-' || *colon == '.')
    colon++;
  if (*colon != ':')
    return NULL;

  scheme = g_ascii_strdown (cleaned->str, colon - cleaned->str);
  for (guint i = 0; i < G_N_ELEMENTS (link_schemes); i++)
    allowed |= strcmp (scheme, link_schemes[i]) == 0;
  if (!allowed)
    return NULL;

  memcpy (cleaned->str, scheme, strlen (scheme));

  return g_string_free (g_steal_pointer (&cleaned), FALSE);
}

static char *
host_of (const char *href)
{
  g_autoptr (GUri) uri = g_uri_parse (href, G_URI_FLAGS_PARSE_RELAXED | G_URI_FLAGS_ENCODED, NULL);
  const char *host;

  if (uri == NULL)
    return NULL;

  host = g_uri_get_host (uri);
  if (host == NULL || *host == '\0')
    return NULL;

  return g_utf8_strdown (host, -1);
}

/* The last segment of @href's path, unescaped, without a leading "@": the
 * name of a mention or a hashtag whose text does not give it. */
static char *
last_path_segment (const char *href)
{
  g_autoptr (GUri) uri = g_uri_parse (href, G_URI_FLAGS_PARSE_RELAXED | G_URI_FLAGS_ENCODED, NULL);
  g_autofree char *segment = NULL;
  const char *path;
  const char *slash;
  const char *end;
  char *unescaped;

  if (uri == NULL)
    return NULL;

  path = g_uri_get_path (uri);
  end = path + strlen (path);
  while (end > path && end[-1] == '/')
    end--;
  slash = g_strrstr_len (path, end - path, "/");
  segment = g_strndup (slash != NULL ? slash + 1 : path, end - (slash != NULL ? slash + 1 : path));
  unescaped = g_uri_unescape_string (segment[0] == '@' ? segment + 1 : segment, NULL);

  if (unescaped == NULL || !g_utf8_validate (unescaped, -1, NULL) || *unescaped == '\0')
    {
      g_free (unescaped);
      return NULL;
    }

  return unescaped;
}

/* Fills @link's kind, name and host from the <a> element's class, rel and
 * text. */
static void
describe_link (xmlNode      *node,
               StarlingLink *link)
{
  g_autofree char *classes = get_attribute (node, "class");
  g_autofree char *rel = NULL;
  g_autofree char *content = NULL;
  xmlChar *raw_content;
  char *name;

  if (has_token (classes, "hashtag"))
    link->kind = STARLING_LINK_HASHTAG;
  else if (has_token (classes, "mention"))
    link->kind = STARLING_LINK_MENTION;
  else
    {
      rel = get_attribute (node, "rel");
      link->kind = has_token (rel, "tag") ? STARLING_LINK_HASHTAG : STARLING_LINK_URL;
    }

  if (link->kind == STARLING_LINK_URL)
    return;

  raw_content = xmlNodeGetContent (node);
  content = g_strdup (raw_content != NULL ? (const char *) raw_content : "");
  xmlFree (raw_content);
  if (!g_utf8_validate (content, -1, NULL))
    {
      char *valid = g_utf8_make_valid (content, -1);

      g_free (content);
      content = valid;
    }
  name = g_strstrip (content);

  if (link->kind == STARLING_LINK_MENTION)
    {
      char *at;

      if (g_str_has_prefix (name, "@"))
        name += 1;
      else if (g_str_has_prefix (name, "\xef\xbc\xa0"))
        name += 3;

      at = strchr (name, '@');
      if (at != NULL)
        {
          *at = '\0';
          if (at[1] != '\0')
            link->host = g_utf8_strdown (at + 1, -1);
        }
      if (link->host == NULL)
        link->host = host_of (link->href);
    }
  else
    {
      if (g_str_has_prefix (name, "#"))
        name += 1;
      else if (g_str_has_prefix (name, "\xef\xbc\x83"))
        name += 3;
    }

  if (*name != '\0')
    link->name = g_strdup (name);
  else
    link->name = last_path_segment (link->href);

  if (link->name == NULL)
    {
      link->kind = STARLING_LINK_URL;
      g_clear_pointer (&link->host, g_free);
    }
}

static void
append_escaped (GString    *string,
                const char *text,
                gsize       length)
{
  const char *end = text + length;
  const char *start = text;

  for (const char *p = text; p < end; p++)
    {
      const char *entity;

      switch (*p)
        {
        case '&':
          entity = "&amp;";
          break;
        case '<':
          entity = "&lt;";
          break;
        case '>':
          entity = "&gt;";
          break;
        case '\'':
          entity = "&apos;";
          break;
        case '"':
          entity = "&quot;";
          break;
        default:
          continue;
        }

      g_string_append_len (string, start, p - start);
      g_string_append (string, entity);
      start = p + 1;
    }

  g_string_append_len (string, start, end - start);
}

/* Appends text that needs no escaping (line breaks and prefixes). */
static void
append_raw (Converter  *self,
            const char *text)
{
  if (self->markup != NULL)
    g_string_append (self->markup, text);
  g_string_append (self->text, text);
}

static StarlingLink *
current_link (Converter *self)
{
  if (self->link_index < 0)
    return NULL;

  return &g_array_index (self->links, StarlingLink, self->link_index);
}

static void
write_open_tags (Converter *self)
{
  for (; self->n_written_tags < self->open_tags->len; self->n_written_tags++)
    {
      const OpenTag *tag = &g_array_index (self->open_tags, OpenTag, self->n_written_tags);

      if (tag->href != NULL)
        g_string_append_printf (self->markup, "<a href=\"%s\">", tag->href);
      else
        g_string_append_printf (self->markup, "<%s>", tag->name);
    }
}

/* Writes what goes before visible text: the line breaks asked for, the
 * quote and list prefixes at the start of a line or a space, and the tags
 * that are open. */
static void
begin_content (Converter *self)
{
  StarlingLink *link;

  if (self->pending_newlines > 0)
    {
      /* No blank lines before the first text. */
      if (self->wrote_content)
        {
          for (guint i = 0; i < self->pending_newlines; i++)
            append_raw (self, "\n");
          self->at_line_start = TRUE;
        }
      self->pending_newlines = 0;
      self->pending_space = FALSE;
    }

  if (self->at_line_start)
    {
      for (guint i = 0; i < MIN (self->quote_depth, MAX_INDENT); i++)
        append_raw (self, QUOTE_PREFIX);
      self->at_line_start = FALSE;
      self->pending_space = FALSE;
    }

  if (self->item_prefix != NULL)
    {
      append_raw (self, self->item_prefix);
      g_clear_pointer (&self->item_prefix, g_free);
      self->pending_space = FALSE;
    }

  if (self->pending_space)
    append_raw (self, " ");
  self->pending_space = FALSE;

  if (self->markup != NULL)
    write_open_tags (self);

  link = current_link (self);
  if (link != NULL && link->start == G_MAXSIZE)
    link->start = self->text->len;

  self->wrote_content = TRUE;
}

static void
end_content (Converter *self)
{
  StarlingLink *link = current_link (self);

  if (link != NULL)
    link->end = self->text->len;
}

/* Writes visible text, which holds no line breaks. */
static void
write_text (Converter  *self,
            const char *text,
            gsize       length)
{
  if (length == 0)
    return;

  begin_content (self);
  if (self->markup != NULL)
    append_escaped (self->markup, text, length);
  g_string_append_len (self->text, text, (gssize) length);
  end_content (self);
}

static void
request_break (Converter *self,
               guint      n_newlines)
{
  self->pending_newlines = MAX (self->pending_newlines, n_newlines);
}

/* Replaces ":shortcode:" at @p with U+FFFC when the status has that
 * emoji. Returns where the text goes on, or %NULL. */
static const char *
write_emoji (Converter  *self,
             const char *p)
{
  char shortcode[MAX_SHORTCODE_LENGTH + 1];
  const char *q = p + 1;
  StarlingEmojiSpan span;
  gsize length;

  while (g_ascii_isalnum (*q) || *q == '_')
    q++;
  length = (gsize) (q - (p + 1));
  if (*q != ':' || length == 0 || length > MAX_SHORTCODE_LENGTH)
    return NULL;

  memcpy (shortcode, p + 1, length);
  shortcode[length] = '\0';
  if (!g_hash_table_contains (self->emoji, shortcode))
    return NULL;

  begin_content (self);
  span.shortcode = g_strdup (shortcode);
  span.offset = self->text->len;
  g_array_append_val (self->emojis, span);
  append_raw (self, OBJECT_REPLACEMENT);
  end_content (self);

  return q + 1;
}

static void
add_white_space (Converter *self,
                 char       c)
{
  if (self->pre_depth == 0)
    {
      /* Collapsed, as a browser does, and dropped at the start of a line. */
      if (!self->at_line_start)
        self->pending_space = TRUE;
      return;
    }

  if (c == '\n')
    self->pending_newlines++;
  else if (c == ' ' || c == '\t')
    write_text (self, &c, 1);
}

/* Writes the text of a text node: escaped, its white space collapsed
 * outside <pre>, without control characters, invalid UTF-8 or U+FFFC
 * (which marks custom emoji), and with the emoji shortcodes replaced. */
static void
add_text (Converter  *self,
          const char *content)
{
  const char *run = NULL;
  const char *p = content;

  while (*p != '\0')
    {
      guchar c = (guchar) *p;
      const char *next;
      gunichar u;

      if (c < 0x80)
        {
          if (is_html_space ((char) c) || c < 0x20 || c == 0x7F ||
              (c == ':' && self->emoji != NULL))
            {
              if (run != NULL)
                write_text (self, run, (gsize) (p - run));
              run = NULL;

              if (c == ':')
                {
                  next = write_emoji (self, p);
                  if (next != NULL)
                    p = next;
                  else
                    run = p++;
                  continue;
                }

              if (is_html_space ((char) c))
                add_white_space (self, (char) c);
              p++;
              continue;
            }

          if (run == NULL)
            run = p;
          p++;
          continue;
        }

      u = g_utf8_get_char_validated (p, -1);
      if (u == (gunichar) -1 || u == (gunichar) -2)
        next = p + 1;
      else
        next = g_utf8_next_char (p);

      if (u == (gunichar) -1 || u == (gunichar) -2 || u == 0xFFFC || (u >= 0x80 && u < 0xA0))
        {
          if (run != NULL)
            write_text (self, run, (gsize) (p - run));
          run = NULL;
        }
      else if (run == NULL)
        run = p;
      p = next;
    }

  if (run != NULL)
    write_text (self, run, (gsize) (p - run));
}

static gboolean
is_tag_open (Converter  *self,
             const char *name)
{
  for (guint i = 0; i < self->open_tags->len; i++)
    {
      if (strcmp (g_array_index (self->open_tags, OpenTag, i).name, name) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Opens a Pango element (or a link when @href is set). A style already in
 * force is not opened again, and no more than MAX_OPEN_TAGS are open, so
 * deep nesting makes no deep markup. Returns whether it was opened. */
static gboolean
push_tag (Converter  *self,
          Frame      *frame,
          const char *name,
          char       *href)
{
  OpenTag tag = { name, href };
  gboolean repeatable = strcmp (name, "small") == 0 || strcmp (name, "big") == 0 ||
                        strcmp (name, "sub") == 0 || strcmp (name, "sup") == 0;

  if (self->markup == NULL || self->open_tags->len >= MAX_OPEN_TAGS ||
      (!repeatable && href == NULL && is_tag_open (self, name)))
    {
      g_free (href);
      return FALSE;
    }

  g_array_append_val (self->open_tags, tag);
  frame->flags |= FRAME_TAG;

  return TRUE;
}

static void
pop_tag (Converter *self)
{
  OpenTag *tag = &g_array_index (self->open_tags, OpenTag, self->open_tags->len - 1);

  if (self->n_written_tags == self->open_tags->len)
    {
      g_string_append_printf (self->markup, "</%s>", tag->name);
      self->n_written_tags--;
    }

  g_free (tag->href);
  g_array_set_size (self->open_tags, self->open_tags->len - 1);
}

static void
enter_link (Converter *self,
            xmlNode   *node,
            Frame     *frame)
{
  g_autofree char *href = NULL;
  g_autofree char *target = NULL;
  StarlingLink link = { 0, };

  /* A link inside a link is text. */
  if (self->markup == NULL || self->link_index >= 0)
    return;

  href = get_attribute (node, "href");
  if (href == NULL)
    return;
  target = normalize_href (href);
  if (target == NULL)
    return;

  if (!push_tag (self, frame, "a", g_markup_escape_text (target, -1)))
    return;

  link.href = g_steal_pointer (&target);
  link.start = G_MAXSIZE;
  link.end = G_MAXSIZE;
  describe_link (node, &link);
  g_array_append_val (self->links, link);
  self->link_index = (int) self->links->len - 1;
  frame->flags |= FRAME_LINK;
}

static void
leave_link (Converter *self)
{
  StarlingLink *link = current_link (self);

  /* A link with no visible text wrote no <a>: forget it. */
  if (link->start == G_MAXSIZE)
    g_array_set_size (self->links, self->links->len - 1);

  self->link_index = -1;
}

static void
enter_item (Converter *self,
            xmlNode   *node,
            Frame     *frame)
{
  g_autofree char *value = NULL;
  GString *prefix = g_string_new (NULL);
  guint depth = self->lists->len;

  request_break (self, 1);
  frame->break_after = 1;
  frame->flags |= FRAME_ITEM;
  self->item_depth++;

  for (guint i = 1; i < MIN (depth, MAX_INDENT); i++)
    g_string_append (prefix, "    ");

  if (depth > 0 && g_array_index (self->lists, List, depth - 1).next != G_MININT)
    {
      List *list = &g_array_index (self->lists, List, depth - 1);

      value = get_attribute (node, "value");
      if (value != NULL)
        list->next = (int) CLAMP (g_ascii_strtoll (value, NULL, 10), -999999, 999999);
      g_string_append_printf (prefix, "%d. ", list->next);
      list->next = CLAMP (list->next + (list->reversed ? -1 : 1), -999999, 999999);
    }
  else
    g_string_append (prefix, BULLET);

  g_free (self->item_prefix);
  self->item_prefix = g_string_free (prefix, FALSE);
}

static void
enter_list (Converter *self,
            xmlNode   *node,
            Frame     *frame,
            gboolean   ordered)
{
  List list = { FALSE, G_MININT };

  request_break (self, self->lists->len > 0 ? 1 : 2);
  frame->break_after = self->lists->len > 0 ? 1 : 2;
  frame->flags |= FRAME_LIST;

  if (ordered)
    {
      g_autofree char *start = get_attribute (node, "start");
      g_autofree char *reversed = get_attribute (node, "reversed");

      list.reversed = reversed != NULL;
      if (start != NULL)
        list.next = (int) CLAMP (g_ascii_strtoll (start, NULL, 10), -999999, 999999);
      else if (list.reversed)
        {
          /* A reversed list counts down to 1 from its number of items. */
          list.next = 0;
          for (xmlNode *child = node->children; child != NULL; child = child->next)
            {
              if (child->type == XML_ELEMENT_NODE && strcmp ((const char *) child->name, "li") == 0)
                list.next++;
            }
        }
      else
        list.next = 1;
    }

  g_array_append_val (self->lists, list);
}

/* Does what an element does at its start. Returns whether its content is
 * to be walked. */
static gboolean
enter_element (Converter *self,
               xmlNode   *node,
               Frame     *frame)
{
  const ElementInfo *info = lookup_element ((const char *) node->name);
  ElementKind kind = info != NULL ? info->kind : KIND_INLINE;

  /* The fallback link that a server puts in front of a quote post. */
  if (self->markup != NULL && self->has_quote && kind != KIND_SKIP &&
      has_class (node, "quote-inline"))
    return FALSE;

  switch (kind)
    {
    case KIND_INLINE:
      return TRUE;

    case KIND_SKIP:
      return FALSE;

    case KIND_FORMAT:
      push_tag (self, frame, info->tag, NULL);
      return TRUE;

    case KIND_BREAK:
      self->pending_newlines++;
      return FALSE;

    case KIND_BLOCK:
      request_break (self, 1);
      frame->break_after = 1;
      return TRUE;

    case KIND_PARAGRAPH:
      /* Paragraphs in list items stay tight. */
      frame->break_after = self->item_depth > 0 ? 1 : 2;
      request_break (self, frame->break_after);
      return TRUE;

    case KIND_HEADING:
      request_break (self, 2);
      frame->break_after = 2;
      push_tag (self, frame, "b", NULL);
      return TRUE;

    case KIND_PRE:
      request_break (self, 2);
      frame->break_after = 2;
      frame->flags |= FRAME_PRE;
      self->pre_depth++;
      push_tag (self, frame, "tt", NULL);
      return TRUE;

    case KIND_QUOTE:
      request_break (self, 2);
      frame->break_after = 2;
      frame->flags |= FRAME_QUOTE;
      self->quote_depth++;
      return TRUE;

    case KIND_LIST:
      enter_list (self, node, frame, FALSE);
      return TRUE;

    case KIND_ORDERED_LIST:
      enter_list (self, node, frame, TRUE);
      return TRUE;

    case KIND_ITEM:
      enter_item (self, node, frame);
      return TRUE;

    case KIND_SPAN:
      /* Mastodon shortens link texts with these two; plain text keeps the
       * whole URL. */
      if (self->markup != NULL && has_class (node, "invisible"))
        return FALSE;
      if (self->markup != NULL && has_class (node, "ellipsis"))
        frame->flags |= FRAME_ELLIPSIS;
      return TRUE;

    case KIND_LINK:
      enter_link (self, node, frame);
      return TRUE;

    case KIND_IMAGE:
      {
        g_autofree char *alt = get_attribute (node, "alt");

        if (alt != NULL)
          add_text (self, alt);
        return FALSE;
      }

    case KIND_CELL:
      frame->flags |= FRAME_SPACE_AFTER;
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static void
leave_element (Converter   *self,
               const Frame *frame)
{
  if (frame->flags & FRAME_ELLIPSIS)
    write_text (self, ELLIPSIS, strlen (ELLIPSIS));
  if (frame->flags & FRAME_TAG)
    pop_tag (self);
  if (frame->flags & FRAME_LINK)
    leave_link (self);
  if (frame->flags & FRAME_PRE)
    self->pre_depth--;
  if (frame->flags & FRAME_QUOTE)
    self->quote_depth--;
  if (frame->flags & FRAME_LIST)
    g_array_set_size (self->lists, self->lists->len - 1);
  if (frame->flags & FRAME_ITEM)
    {
      self->item_depth--;
      g_clear_pointer (&self->item_prefix, g_free);
    }
  if ((frame->flags & FRAME_SPACE_AFTER) && !self->at_line_start)
    self->pending_space = TRUE;
  if (frame->break_after > 0)
    request_break (self, frame->break_after);
}

/* Walks the tree without recursion, so its depth costs no stack. */
static void
walk (Converter *self,
      xmlDoc    *doc)
{
  xmlNode *top = (xmlNode *) doc;
  xmlNode *node = doc->children;

  while (node != NULL)
    {
      if (node->type == XML_ELEMENT_NODE)
        {
          Frame frame = { 0, 0 };

          if (enter_element (self, node, &frame) && node->children != NULL)
            {
              g_array_append_val (self->frames, frame);
              node = node->children;
              continue;
            }
          leave_element (self, &frame);
        }
      else if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) &&
               node->content != NULL)
        add_text (self, (const char *) node->content);

      while (node->next == NULL)
        {
          Frame frame;

          node = node->parent;
          if (node == NULL || node == top)
            return;

          frame = g_array_index (self->frames, Frame, self->frames->len - 1);
          g_array_set_size (self->frames, self->frames->len - 1);
          leave_element (self, &frame);
        }
      node = node->next;
    }
}

static xmlDoc *
parse (const char *html)
{
  static gsize initialized;
  g_autofree char *cleaned = NULL;
  g_autofree char *limited = NULL;
  const char *input;
  gsize length;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }

  cleaned = clean_input (html, &length);
  limited = limit_attributes (cleaned, &length);
  input = limited != NULL ? limited : cleaned;
  if (length == 0)
    return NULL;

  return htmlReadMemory (input, (int) length, NULL, "UTF-8",
                         HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                         HTML_PARSE_NONET | HTML_PARSE_NODEFDTD);
}

static void
converter_init (Converter *self,
                gboolean   markup_mode)
{
  memset (self, 0, sizeof *self);
  self->markup_mode = markup_mode;
  if (markup_mode)
    self->markup = g_string_new (NULL);
  self->text = g_string_new (NULL);
  self->links = g_array_new (FALSE, FALSE, sizeof (StarlingLink));
  g_array_set_clear_func (self->links, (GDestroyNotify) starling_link_clear);
  self->emojis = g_array_new (FALSE, FALSE, sizeof (StarlingEmojiSpan));
  g_array_set_clear_func (self->emojis, (GDestroyNotify) starling_emoji_span_clear);
  self->frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  self->open_tags = g_array_new (FALSE, FALSE, sizeof (OpenTag));
  self->lists = g_array_new (FALSE, FALSE, sizeof (List));
  self->link_index = -1;
  self->at_line_start = TRUE;
}

static void
converter_run (Converter  *self,
               const char *html)
{
  xmlDoc *doc;

  if (html == NULL)
    return;

  doc = parse (html);
  if (doc == NULL)
    return;

  walk (self, doc);
  xmlFreeDoc (doc);

  /* The walk closed every element it opened. */
  g_assert (self->open_tags->len == 0);
  g_assert (self->n_written_tags == 0);
}

static void
converter_clear (Converter *self)
{
  if (self->markup != NULL)
    g_string_free (self->markup, TRUE);
  if (self->text != NULL)
    g_string_free (self->text, TRUE);
  g_clear_pointer (&self->links, g_array_unref);
  g_clear_pointer (&self->emojis, g_array_unref);
  g_clear_pointer (&self->frames, g_array_unref);
  g_clear_pointer (&self->open_tags, g_array_unref);
  g_clear_pointer (&self->lists, g_array_unref);
  g_clear_pointer (&self->emoji, g_hash_table_unref);
  g_clear_pointer (&self->item_prefix, g_free);
}

/**
 * starling_html_to_markup:
 * @html: (nullable): the HTML of a status's `content`, an account's `note`
 *   or a field's `value`
 * @options: (nullable): what to know about the status
 *
 * Converts HTML from a server to Pango markup for a #GtkLabel, treating it
 * as hostile: whatever @html holds, the markup is well-formed, valid UTF-8,
 * and made only of text and the elements `b`, `i`, `u`, `s`, `tt`, `sub`,
 * `sup`, `small`, `big` and `<a href="…">`, with no other attribute.
 *
 * - `p` and headings are paragraphs, separated by a blank line; `br` is a
 *   line break; `div` and the other blocks start a line.
 * - `a` is kept as a link when its `href` has the scheme http, https, dat,
 *   dweb, ipfs, ipns or ssb; otherwise only its text is kept. Classes
 *   `mention` and `hashtag` (or `rel="tag"`) make it a mention or a
 *   hashtag (see #StarlingLink).
 * - `<span class="invisible">` is hidden and `<span class="ellipsis">`
 *   is followed by "…", which is how Mastodon shortens long link texts;
 *   an element with class `quote-inline` is hidden when
 *   @options says the status has a quote.
 * - `ul` and `ol` (with `start`, `reversed` and `li value`) become lines
 *   that start with "• " or "N. ", indented four spaces per nested level;
 *   each line of a `blockquote` starts with "▎ " per level.
 * - `strong` and `b` are bold, `em`, `i` and `cite` italic, `u` and `ins`
 *   underlined, `del`, `s` and `strike` struck through, `code`, `kbd`,
 *   `samp`, `tt` and `pre` monospace; `pre` keeps its white space.
 * - `script`, `style`, `iframe`, `object`, `embed`, `template`, `head`,
 *   `title`, `noscript`, `svg`, `math`, form controls and media are
 *   dropped with their content; `img` leaves its `alt` text; any other
 *   element leaves its text.
 * - White space collapses as in a browser; control characters, invalid
 *   UTF-8 and U+FFFC are dropped.
 * - Each `:shortcode:` of @options' emoji becomes one U+FFFC in the text
 *   and the markup, listed by starling_rich_text_get_emoji() with its byte
 *   offset in starling_rich_text_get_text(), for the UI to draw the image
 *   over.
 *
 * Input longer than 16 MiB is cut; elements nested deeper than 256 end the
 * input there (libxml2's limit); at most 32 styles are open at once, and
 * a tag's attributes past the 64th are ignored.
 *
 * Returns: (transfer full): the rich text, empty for %NULL or empty @html
 */
StarlingRichText *
starling_html_to_markup (const char                *html,
                         const StarlingHtmlOptions *options)
{
  Converter self;
  StarlingRichText *result;

  converter_init (&self, TRUE);

  if (options != NULL)
    {
      self.has_quote = options->has_quote;
      if (options->emoji_shortcodes != NULL && options->emoji_shortcodes[0] != NULL)
        {
          self.emoji = g_hash_table_new (g_str_hash, g_str_equal);
          for (guint i = 0; options->emoji_shortcodes[i] != NULL; i++)
            g_hash_table_add (self.emoji, (gpointer) options->emoji_shortcodes[i]);
        }
    }

  converter_run (&self, html);

  result = starling_rich_text_new_take (g_string_free (g_steal_pointer (&self.markup), FALSE),
                                        g_string_free (g_steal_pointer (&self.text), FALSE),
                                        g_steal_pointer (&self.links),
                                        g_steal_pointer (&self.emojis));
  converter_clear (&self);

  return result;
}

/**
 * starling_html_to_plain_text:
 * @html: (nullable): the HTML of a status's `content`, an account's `note`
 *   or a field's `value`
 *
 * Converts HTML from a server to plain text, for notifications, for the
 * character counter when a post is edited without its source, and
 * wherever markup cannot go. It is the text that starling_html_to_markup()
 * shows, laid out the same way, except that nothing is hidden or
 * shortened: link texts are whole URLs (the `invisible` parts are kept and
 * no "…" is added), the `quote-inline` fallback is kept, and custom emoji
 * stay `:shortcode:`.
 *
 * Returns: (transfer full): valid UTF-8 text, empty for %NULL or empty
 *   @html
 */
char *
starling_html_to_plain_text (const char *html)
{
  Converter self;
  char *result;

  converter_init (&self, FALSE);
  converter_run (&self, html);
  result = g_string_free (g_steal_pointer (&self.text), FALSE);
  converter_clear (&self);

  return result;
}
