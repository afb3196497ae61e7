/* starling-link-header.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-api"

#include "config.h"

#include <string.h>

#include "starling-link-header.h"

/* No real header holds more; the rest of a longer one is ignored, so a
 * hostile server cannot make us allocate without bound. */
#define MAX_LINKS 64

typedef struct
{
  char  *uri;
  GStrv  rels;
} Link;

/**
 * StarlingLinkHeader:
 *
 * The links of an RFC 8288 `Link` header, as Mastodon sends with every
 * page of a list: `<https://h/api/v1/x?max_id=1>; rel="next",
 * <https://h/api/v1/x?min_id=2>; rel="prev"`. Relative references are
 * resolved against the URI of the request, relation types are compared
 * without case, and whatever cannot be read is skipped: a header of
 * garbage gives no links rather than an error.
 *
 * Besides the URIs, the cursors of the `next` link (`max_id`, older items)
 * and of the `prev` link (`min_id` or `since_id`, newer items) are kept as
 * the opaque strings the server sent.
 */
struct _StarlingLinkHeader
{
  GObject    parent_instance;

  GPtrArray *links;
  char      *next_max_id;
  char      *prev_min_id;
  char      *prev_since_id;
};

G_DEFINE_FINAL_TYPE (StarlingLinkHeader, starling_link_header, G_TYPE_OBJECT)

static void
link_free (gpointer data)
{
  Link *link = data;

  g_free (link->uri);
  g_strfreev (link->rels);
  g_free (link);
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void
skip_space (const char **p)
{
  while (is_space (**p))
    (*p)++;
}

/* Moves past the next comma that separates links, minding quoted strings
 * and URI references, which may hold commas of their own. */
static void
skip_to_next_link (const char **p)
{
  gboolean quoted = FALSE;
  gboolean bracketed = FALSE;

  for (; **p != '\0'; (*p)++)
    {
      char c = **p;

      if (quoted)
        {
          if (c == '\\' && (*p)[1] != '\0')
            (*p)++;
          else if (c == '"')
            quoted = FALSE;
          continue;
        }
      if (bracketed)
        {
          if (c == '>')
            bracketed = FALSE;
          continue;
        }

      if (c == '"')
        quoted = TRUE;
      else if (c == '<')
        bracketed = TRUE;
      else if (c == ',')
        {
          (*p)++;
          return;
        }
    }
}

static char *
read_token (const char **p)
{
  const char *start = *p;

  while (**p != '\0' && !is_space (**p) && strchr ("=;,\"<>", **p) == NULL)
    (*p)++;

  return g_strndup (start, *p - start);
}

/* Reads a quoted-string from just after its opening quote; an unterminated
 * one runs to the end of the header. */
static char *
read_quoted (const char **p)
{
  GString *value = g_string_new (NULL);

  while (**p != '\0' && **p != '"')
    {
      if (**p == '\\' && (*p)[1] != '\0')
        (*p)++;
      g_string_append_c (value, **p);
      (*p)++;
    }
  if (**p == '"')
    (*p)++;

  return g_string_free (value, FALSE);
}

static GStrv
split_rels (const char *value)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) words = g_strsplit_set (value, " \t\r\n", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      {
        g_autofree char *rel = g_ascii_strdown (words[i], -1);
        g_strv_builder_add (builder, rel);
      }

  return g_strv_builder_end (builder);
}

static char *
resolve (const char *base_uri,
         const char *reference)
{
  g_autoptr (GError) error = NULL;
  char *resolved;

  if (base_uri == NULL)
    {
      if (!g_uri_is_valid (reference, G_URI_FLAGS_NONE, NULL))
        return NULL;
      return g_strdup (reference);
    }

  resolved = g_uri_resolve_relative (base_uri, reference, G_URI_FLAGS_NONE, &error);
  if (resolved == NULL)
    g_debug ("Ignored a link that does not resolve: %s", error->message);

  return resolved;
}

/* Reads the parameters after a link's URI reference up to the comma that
 * ends the link. Returns the relation types of its first `rel`. */
static GStrv
read_params (const char **p)
{
  GStrv rels = NULL;

  for (;;)
    {
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      skip_space (p);

      if (**p == '\0')
        break;

      if (**p == ',')
        {
          (*p)++;
          break;
        }

      if (**p != ';')
        {
          skip_to_next_link (p);
          break;
        }

      (*p)++;
      skip_space (p);
      name = read_token (p);
      skip_space (p);

      if (**p == '=')
        {
          (*p)++;
          skip_space (p);
          if (**p == '"')
            {
              (*p)++;
              value = read_quoted (p);
            }
          else
            value = read_token (p);
        }

      /* RFC 8288 §3.3: only the first rel counts. */
      if (value != NULL && rels == NULL && g_ascii_strcasecmp (name, "rel") == 0)
        rels = split_rels (value);
    }

  return rels;
}

static void
parse_links (StarlingLinkHeader *self,
             const char         *value,
             const char         *base_uri)
{
  const char *p = value;

  while (*p != '\0' && self->links->len < MAX_LINKS)
    {
      g_autofree char *reference = NULL;
      g_autofree char *uri = NULL;
      const char *end;
      GStrv rels;

      skip_space (&p);
      if (*p == ',')
        {
          p++;
          continue;
        }
      if (*p == '\0')
        break;
      if (*p != '<')
        {
          skip_to_next_link (&p);
          continue;
        }

      end = strchr (p + 1, '>');
      if (end == NULL)
        break;

      reference = g_strstrip (g_strndup (p + 1, end - p - 1));
      p = end + 1;
      rels = read_params (&p);

      uri = resolve (base_uri, reference);
      if (uri == NULL || rels == NULL || rels[0] == NULL)
        {
          g_strfreev (rels);
          continue;
        }

      {
        Link *link = g_new0 (Link, 1);

        link->uri = g_steal_pointer (&uri);
        link->rels = rels;
        g_ptr_array_add (self->links, link);
      }
    }
}

static void
starling_link_header_finalize (GObject *object)
{
  StarlingLinkHeader *self = STARLING_LINK_HEADER (object);

  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_clear_pointer (&self->next_max_id, g_free);
  g_clear_pointer (&self->prev_min_id, g_free);
  g_clear_pointer (&self->prev_since_id, g_free);

  G_OBJECT_CLASS (starling_link_header_parent_class)->finalize (object);
}

static void
starling_link_header_class_init (StarlingLinkHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = starling_link_header_finalize;
}

static void
starling_link_header_init (StarlingLinkHeader *self)
{
  self->links = g_ptr_array_new_with_free_func (link_free);
}

/**
 * starling_uri_get_query_param:
 * @uri: (nullable): an absolute URI
 * @name: the name of a query parameter
 *
 * Returns: (transfer full) (nullable): the decoded value of the first
 *   parameter @name in the query of @uri
 */
char *
starling_uri_get_query_param (const char *uri,
                              const char *name)
{
  g_autoptr (GUri) parsed = NULL;
  g_autoptr (GHashTable) params = NULL;
  const char *query;

  g_return_val_if_fail (name != NULL, NULL);

  if (uri == NULL)
    return NULL;

  parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED_QUERY, NULL);
  if (parsed == NULL || (query = g_uri_get_query (parsed)) == NULL)
    return NULL;

  params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL);
  if (params == NULL)
    return NULL;

  return g_strdup (g_hash_table_lookup (params, name));
}

/**
 * starling_link_header_parse:
 * @value: (nullable): the value of a `Link` header; several `Link` headers
 *   joined with commas, as libsoup joins them, are one value
 * @base_uri: (nullable): the URI of the request, against which relative
 *   references resolve; without it only absolute ones are kept
 *
 * Parses a `Link` header. It never fails: an absent header or one that
 * cannot be read gives an object without links.
 *
 * Returns: (transfer full): the links
 */
StarlingLinkHeader *
starling_link_header_parse (const char *value,
                            const char *base_uri)
{
  StarlingLinkHeader *self = g_object_new (STARLING_TYPE_LINK_HEADER, NULL);

  if (value != NULL && g_utf8_validate (value, -1, NULL))
    parse_links (self, value, base_uri);

  self->next_max_id = starling_uri_get_query_param (starling_link_header_get_next_uri (self), "max_id");
  self->prev_min_id = starling_uri_get_query_param (starling_link_header_get_prev_uri (self), "min_id");
  self->prev_since_id = starling_uri_get_query_param (starling_link_header_get_prev_uri (self), "since_id");

  return self;
}

/**
 * starling_link_header_get_n_links:
 * @self: a #StarlingLinkHeader
 *
 * Returns: how many links were read
 */
guint
starling_link_header_get_n_links (StarlingLinkHeader *self)
{
  g_return_val_if_fail (STARLING_IS_LINK_HEADER (self), 0);

  return self->links->len;
}

/**
 * starling_link_header_get_uri:
 * @self: a #StarlingLinkHeader
 * @rel: a relation type, such as `next`
 *
 * Returns: (nullable): the absolute URI of the first link with relation
 *   type @rel, compared without case
 */
const char *
starling_link_header_get_uri (StarlingLinkHeader *self,
                              const char         *rel)
{
  g_return_val_if_fail (STARLING_IS_LINK_HEADER (self), NULL);
  g_return_val_if_fail (rel != NULL, NULL);

  for (guint i = 0; i < self->links->len; i++)
    {
      Link *link = g_ptr_array_index (self->links, i);

      for (guint j = 0; link->rels[j] != NULL; j++)
        if (g_ascii_strcasecmp (link->rels[j], rel) == 0)
          return link->uri;
    }

  return NULL;
}

/**
 * starling_link_header_get_next_uri:
 * @self: a #StarlingLinkHeader
 *
 * Returns: (nullable): the URI of the next (older) page
 */
const char *
starling_link_header_get_next_uri (StarlingLinkHeader *self)
{
  return starling_link_header_get_uri (self, "next");
}

/**
 * starling_link_header_get_prev_uri:
 * @self: a #StarlingLinkHeader
 *
 * Returns: (nullable): the URI of the previous (newer) page, from a `prev`
 *   link or, failing that, a `previous` one
 */
const char *
starling_link_header_get_prev_uri (StarlingLinkHeader *self)
{
  const char *uri = starling_link_header_get_uri (self, "prev");

  return uri != NULL ? uri : starling_link_header_get_uri (self, "previous");
}

/**
 * starling_link_header_get_next_max_id:
 * @self: a #StarlingLinkHeader
 *
 * Returns: (nullable): the `max_id` of the next link, an opaque id
 */
const char *
starling_link_header_get_next_max_id (StarlingLinkHeader *self)
{
  g_return_val_if_fail (STARLING_IS_LINK_HEADER (self), NULL);

  return self->next_max_id;
}

/**
 * starling_link_header_get_prev_min_id:
 * @self: a #StarlingLinkHeader
 *
 * Returns: (nullable): the `min_id` of the prev link
 */
const char *
starling_link_header_get_prev_min_id (StarlingLinkHeader *self)
{
  g_return_val_if_fail (STARLING_IS_LINK_HEADER (self), NULL);

  return self->prev_min_id;
}

/**
 * starling_link_header_get_prev_since_id:
 * @self: a #StarlingLinkHeader
 *
 * Returns: (nullable): the `since_id` of the prev link, which older
 *   servers send instead of `min_id`
 */
const char *
starling_link_header_get_prev_since_id (StarlingLinkHeader *self)
{
  g_return_val_if_fail (STARLING_IS_LINK_HEADER (self), NULL);

  return self->prev_since_id;
}
