/* starling-page.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-api"

#include "config.h"

#include "model/starling-entity.h"
#include "model/starling-notification-group.h"

#include "starling-link-header.h"
#include "starling-page.h"

/**
 * StarlingPage:
 *
 * One page of a list from the server: its items, decoded and interned in
 * the account's identity map, in the order the server sent them (ids are
 * opaque and may not sort), and the cursors to the pages around it.
 *
 * The cursors come from the `Link` header when the server sent one. Most
 * non-Mastodon endpoints send none: then the older page is asked with
 * `max_id` set to the last item's id, when this page was full, and the
 * newer one with `min_id` set to the first item's id. For grouped
 * notifications the cursors are the groups' `page_min_id` and
 * `page_max_id`.
 */
struct _StarlingPage
{
  GObject          parent_instance;

  GPtrArray       *items;
  gboolean         partial;
  gboolean         has_link_header;

  char            *next_uri;
  char            *next_max_id;
  char            *prev_uri;
  char            *prev_min_id;
  char            *prev_since_id;
  StarlingRequest *next_request;
  StarlingRequest *prev_request;
};

G_DEFINE_FINAL_TYPE (StarlingPage, starling_page, G_TYPE_OBJECT)

static const char *
older_cursor (gpointer item)
{
  if (STARLING_IS_NOTIFICATION_GROUP (item))
    {
      const char *id = starling_notification_group_get_page_min_id (item);

      if (id != NULL)
        return id;
    }

  return STARLING_IS_ENTITY (item) ? starling_entity_get_id (item) : NULL;
}

static const char *
newer_cursor (gpointer item)
{
  if (STARLING_IS_NOTIFICATION_GROUP (item))
    {
      const char *id = starling_notification_group_get_page_max_id (item);

      if (id != NULL)
        return id;
    }

  return STARLING_IS_ENTITY (item) ? starling_entity_get_id (item) : NULL;
}

static StarlingRequest *
request_for_link (StarlingRequest *request,
                  const char      *uri)
{
  StarlingRequest *follow = starling_request_new_for_uri ("GET", uri);

  starling_request_set_result (follow,
                               starling_request_get_result_kind (request),
                               starling_request_get_result_type (request));
  starling_request_set_page_size (follow, starling_request_get_page_size (request));

  return follow;
}

static StarlingRequest *
request_with_cursor (StarlingRequest *request,
                     const char      *name,
                     const char      *id)
{
  StarlingRequest *follow = starling_request_copy (request);

  starling_request_set_param (follow, "max_id", NULL);
  starling_request_set_param (follow, "min_id", NULL);
  starling_request_set_param (follow, "since_id", NULL);
  starling_request_set_param (follow, name, id);

  return follow;
}

static void
use_links (StarlingPage       *self,
           StarlingRequest    *request,
           StarlingLinkHeader *links)
{
  const char *next = starling_link_header_get_next_uri (links);
  const char *prev = starling_link_header_get_prev_uri (links);

  self->next_max_id = g_strdup (starling_link_header_get_next_max_id (links));
  self->prev_min_id = g_strdup (starling_link_header_get_prev_min_id (links));
  self->prev_since_id = g_strdup (starling_link_header_get_prev_since_id (links));

  /* An empty page has nothing older, whatever the header says. */
  if (next != NULL && self->items->len > 0)
    {
      self->next_uri = g_strdup (next);
      self->next_request = request_for_link (request, next);
    }
  else
    g_clear_pointer (&self->next_max_id, g_free);

  if (prev != NULL)
    {
      self->prev_uri = g_strdup (prev);
      self->prev_request = request_for_link (request, prev);
    }
}

static void
use_fallback (StarlingPage    *self,
              StarlingRequest *request,
              const char      *request_uri)
{
  guint page_size = starling_request_get_page_size (request);
  const char *newest = NULL;

  if (self->items->len > 0 && page_size > 0 && self->items->len >= page_size)
    {
      const char *oldest = older_cursor (g_ptr_array_index (self->items, self->items->len - 1));

      if (oldest != NULL)
        {
          self->next_max_id = g_strdup (oldest);
          self->next_request = request_with_cursor (request, "max_id", oldest);
          self->next_uri = starling_request_build_uri (self->next_request, request_uri);
        }
    }

  if (self->items->len > 0)
    newest = newer_cursor (g_ptr_array_index (self->items, 0));
  else
    /* Nothing newer yet: ask again from the same place. */
    newest = starling_request_get_param (request, "min_id");

  if (newest != NULL)
    {
      self->prev_min_id = g_strdup (newest);
      self->prev_request = request_with_cursor (request, "min_id", newest);
      self->prev_uri = starling_request_build_uri (self->prev_request, request_uri);
    }
}

static void
starling_page_finalize (GObject *object)
{
  StarlingPage *self = STARLING_PAGE (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->next_uri, g_free);
  g_clear_pointer (&self->next_max_id, g_free);
  g_clear_pointer (&self->prev_uri, g_free);
  g_clear_pointer (&self->prev_min_id, g_free);
  g_clear_pointer (&self->prev_since_id, g_free);
  g_clear_object (&self->next_request);
  g_clear_object (&self->prev_request);

  G_OBJECT_CLASS (starling_page_parent_class)->finalize (object);
}

static void
starling_page_class_init (StarlingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = starling_page_finalize;
}

static void
starling_page_init (StarlingPage *self)
{
}

/**
 * starling_page_new:
 * @request: the request that brought the page
 * @items: (element-type GObject): the decoded items, in the server's order
 * @request_uri: the URI that was requested, against which relative links
 *   resolve
 * @link_header: (nullable): the `Link` header of the answer
 * @http_status: the status of the answer; 206 marks a partial page (a home
 *   feed the server is still building)
 *
 * Returns: (transfer full): a new page, holding a reference on @items
 */
StarlingPage *
starling_page_new (StarlingRequest *request,
                   GPtrArray       *items,
                   const char      *request_uri,
                   const char      *link_header,
                   guint            http_status)
{
  g_autoptr (StarlingLinkHeader) links = NULL;
  StarlingPage *self;

  g_return_val_if_fail (STARLING_IS_REQUEST (request), NULL);
  g_return_val_if_fail (items != NULL, NULL);
  g_return_val_if_fail (request_uri != NULL, NULL);

  self = g_object_new (STARLING_TYPE_PAGE, NULL);
  self->items = g_ptr_array_ref (items);
  self->partial = http_status == 206;

  links = starling_link_header_parse (link_header, request_uri);
  self->has_link_header = starling_link_header_get_n_links (links) > 0;

  if (self->has_link_header)
    use_links (self, request, links);
  else
    use_fallback (self, request, request_uri);

  return self;
}

/**
 * starling_page_get_items:
 * @self: a page
 *
 * Returns: (transfer none) (element-type GObject): the items
 */
GPtrArray *
starling_page_get_items (StarlingPage *self)
{
  g_return_val_if_fail (STARLING_IS_PAGE (self), NULL);

  return self->items;
}

/**
 * starling_page_get_n_items:
 * @self: a page
 *
 * Returns: the number of items
 */
guint
starling_page_get_n_items (StarlingPage *self)
{
  g_return_val_if_fail (STARLING_IS_PAGE (self), 0);

  return self->items->len;
}

/**
 * starling_page_get_item:
 * @self: a page
 * @position: an index below starling_page_get_n_items()
 *
 * Returns: (transfer none) (type GObject): the item at @position
 */
gpointer
starling_page_get_item (StarlingPage *self,
                        guint         position)
{
  g_return_val_if_fail (STARLING_IS_PAGE (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  return g_ptr_array_index (self->items, position);
}

/**
 * starling_page_get_partial:
 * @self: a page
 *
 * Returns: %TRUE when the server answered 206: the home feed is being
 *   rebuilt and a later refresh will bring more
 */
gboolean
starling_page_get_partial (StarlingPage *self)
{
  g_return_val_if_fail (STARLING_IS_PAGE (self), FALSE);

  return self->partial;
}

/**
 * starling_page_has_link_header:
 * @self: a page
 *
 * Returns: %TRUE when the cursors come from the server's `Link` header
 *   rather than from the items' ids
 */
gboolean
starling_page_has_link_header (StarlingPage *self)
{
  g_return_val_if_fail (STARLING_IS_PAGE (self), FALSE);

  return self->has_link_header;
}

/**
 * starling_page_get_next_uri:
 * @self: a page
 *
 * Returns: (nullable): the URI of the older page, or %NULL at the end
 */
const char *
starling_page_get_next_uri (StarlingPage *self)
{
  g_return_val_if_fail (STARLING_IS_PAGE (self), NULL);

  return self->next_uri;
}

/**
 * starling_page_get_next_max_id:
 * @self: a page
 *
 * Returns: (nullable): the `max_id` of the older page
 */
const char *
starling_page_get_next_max_id (StarlingPage *self)
{
  g_return_val_if_fail (STARLING_IS_PAGE (self), NULL);

  return self->next_max_id;
}

/**
 * starling_page_get_prev_uri:
 * @self: a page
 *
 * Returns: (nullable): the URI of the newer page
 */
const char *
starling_page_get_prev_uri (StarlingPage *self)
{
  g_return_val_if_fail (STARLING_IS_PAGE (self), NULL);

  return self->prev_uri;
}

/**
 * starling_page_get_prev_min_id:
 * @self: a page
 *
 * Returns: (nullable): the `min_id` of the newer page
 */
const char *
starling_page_get_prev_min_id (StarlingPage *self)
{
  g_return_val_if_fail (STARLING_IS_PAGE (self), NULL);

  return self->prev_min_id;
}

/**
 * starling_page_get_prev_since_id:
 * @self: a page
 *
 * Returns: (nullable): the `since_id` of the newer page, when the server's
 *   link uses it instead of `min_id`
 */
const char *
starling_page_get_prev_since_id (StarlingPage *self)
{
  g_return_val_if_fail (STARLING_IS_PAGE (self), NULL);

  return self->prev_since_id;
}

/**
 * starling_page_get_next_request:
 * @self: a page
 *
 * Returns: (transfer none) (nullable): the request for the older page, to
 *   pass to starling_client_send_async()
 */
StarlingRequest *
starling_page_get_next_request (StarlingPage *self)
{
  g_return_val_if_fail (STARLING_IS_PAGE (self), NULL);

  return self->next_request;
}

/**
 * starling_page_get_prev_request:
 * @self: a page
 *
 * Returns: (transfer none) (nullable): the request for the newer page
 */
StarlingRequest *
starling_page_get_prev_request (StarlingPage *self)
{
  g_return_val_if_fail (STARLING_IS_PAGE (self), NULL);

  return self->prev_request;
}
