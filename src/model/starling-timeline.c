/* starling-timeline.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include "starling-timeline.h"

/**
 * StarlingTimeline:
 *
 * A timeline as a #GListModel of entities (statuses or notifications),
 * newest first, with #StarlingTimelineGap items where a refresh did not
 * reach the posts already loaded.
 *
 * It holds no network code: the client hands it pages and stream events.
 * Order is the server's: ids are opaque and not always in time order, so
 * they are never compared, only matched. Every merge walks the page in the
 * server's order, anchoring on items the timeline already has and inserting
 * the others after the last anchor, and emits one `items-changed` per run
 * of inserted items.
 */
struct _StarlingTimeline
{
  GObject                   parent_instance;

  char                     *context;
  /* GObject: StarlingEntity or StarlingTimelineGap, newest first */
  GPtrArray                *items;
  /* id → item, for the entities in @items */
  GHashTable               *ids;

  StarlingTimelineHideFunc  hide_func;
  gpointer                  hide_data;
  GDestroyNotify            hide_destroy;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StarlingTimeline, starling_timeline, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char *
item_id (gpointer item)
{
  if (STARLING_IS_ENTITY (item))
    return starling_entity_get_id (item);

  return NULL;
}

/* The status an item is about: the boosted post of a boost, the post of a
 * notification. Deleting that post removes the item too. */
static const char *
inner_status_id (gpointer item)
{
  static const char *names[] = { "reblog", "status" };
  GObjectClass *klass;

  if (!STARLING_IS_ENTITY (item))
    return NULL;

  klass = G_OBJECT_GET_CLASS (item);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (klass, names[i]);

      if (pspec != NULL && g_type_is_a (pspec->value_type, STARLING_TYPE_ENTITY))
        {
          StarlingEntity *inner = starling_entity_get_object (item, pspec);

          if (inner != NULL)
            return starling_entity_get_id (inner);
        }
    }

  return NULL;
}

static gboolean
is_hidden (StarlingTimeline *self,
           gpointer          item)
{
  return self->hide_func != NULL && self->hide_func (item, self->context, self->hide_data);
}

static guint
find_position (StarlingTimeline *self,
               gpointer          item)
{
  guint position;

  if (!g_ptr_array_find (self->items, item, &position))
    g_assert_not_reached ();

  return position;
}

static void
emit_changed (StarlingTimeline *self,
              guint             position,
              guint             removed,
              guint             added)
{
  if (removed == 0 && added == 0)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
remove_at (StarlingTimeline *self,
           guint             position)
{
  gpointer item = g_ptr_array_index (self->items, position);
  const char *id = item_id (item);

  if (id != NULL)
    g_hash_table_remove (self->ids, id);
  g_ptr_array_remove_index (self->items, position);
  emit_changed (self, position, 1, 0);
}

/* Merges @page (newest first) into the timeline, inserting what is new
 * from @insert_at on. Returns the position after the last item of the page
 * (inserted or anchored), and in @anchored whether any item of the page was
 * already there. */
static guint
merge_page (StarlingTimeline *self,
            GPtrArray        *page,
            guint             insert_at,
            gboolean         *anchored)
{
  guint run_start = insert_at;
  guint run_length = 0;

  *anchored = FALSE;

  for (guint i = 0; i < page->len; i++)
    {
      gpointer item = g_ptr_array_index (page, i);
      const char *id = item_id (item);
      gpointer present;

      g_return_val_if_fail (STARLING_IS_ENTITY (item), insert_at);

      if (id == NULL || is_hidden (self, item))
        continue;

      present = g_hash_table_lookup (self->ids, id);
      if (present != NULL)
        {
          /* Anchor on it: what follows in the page goes below it. */
          emit_changed (self, run_start, 0, run_length);
          insert_at = find_position (self, present) + 1;
          run_start = insert_at;
          run_length = 0;
          *anchored = TRUE;
          continue;
        }

      g_ptr_array_insert (self->items, insert_at, g_object_ref (item));
      g_hash_table_insert (self->ids, (gpointer) id, item);
      insert_at++;
      run_length++;
    }

  emit_changed (self, run_start, 0, run_length);

  return insert_at;
}

static guint
starling_timeline_get_n_items (GListModel *model)
{
  return STARLING_TIMELINE (model)->items->len;
}

static GType
starling_timeline_get_item_type (GListModel *model)
{
  return G_TYPE_OBJECT;
}

static gpointer
starling_timeline_get_item (GListModel *model,
                            guint       position)
{
  StarlingTimeline *self = STARLING_TIMELINE (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_n_items = starling_timeline_get_n_items;
  iface->get_item_type = starling_timeline_get_item_type;
  iface->get_item = starling_timeline_get_item;
}

static void
starling_timeline_finalize (GObject *object)
{
  StarlingTimeline *self = STARLING_TIMELINE (object);

  if (self->hide_destroy != NULL)
    self->hide_destroy (self->hide_data);
  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->context, g_free);

  G_OBJECT_CLASS (starling_timeline_parent_class)->finalize (object);
}

static void
starling_timeline_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  StarlingTimeline *self = STARLING_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_string (value, self->context);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_timeline_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  StarlingTimeline *self = STARLING_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_timeline_class_init (StarlingTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = starling_timeline_finalize;
  object_class->get_property = starling_timeline_get_property;
  object_class->set_property = starling_timeline_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_string ("context", NULL, NULL, "home",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
starling_timeline_init (StarlingTimeline *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  /* Keys are owned by the items' stored ids. */
  self->ids = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * starling_timeline_new:
 * @context: the filter context of the timeline: `home` (home and lists),
 *   `public` (public, hashtag, search), `notifications`, `thread` or
 *   `account` (profiles)
 *
 * Returns: (transfer full): a new, empty timeline
 */
StarlingTimeline *
starling_timeline_new (const char *context)
{
  return g_object_new (STARLING_TYPE_TIMELINE,
                       "context", context,
                       NULL);
}

/**
 * starling_timeline_get_context:
 * @self: a timeline
 *
 * Returns: the timeline's filter context
 */
const char *
starling_timeline_get_context (StarlingTimeline *self)
{
  g_return_val_if_fail (STARLING_IS_TIMELINE (self), NULL);

  return self->context;
}

/**
 * starling_timeline_set_hide_func:
 * @self: a timeline
 * @func: (nullable): says which items the server's filters hide here
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data
 *
 * Items @func hides never enter the timeline; the ones a filter only warns
 * about or blurs do, and their rows show the warning.
 */
void
starling_timeline_set_hide_func (StarlingTimeline        *self,
                                 StarlingTimelineHideFunc func,
                                 gpointer                 user_data,
                                 GDestroyNotify           destroy)
{
  g_return_if_fail (STARLING_IS_TIMELINE (self));

  if (self->hide_destroy != NULL)
    self->hide_destroy (self->hide_data);

  self->hide_func = func;
  self->hide_data = user_data;
  self->hide_destroy = destroy;
}

/**
 * starling_timeline_merge_newer:
 * @self: a timeline
 * @page: (element-type StarlingEntity): a page of newer items, newest
 *   first, as the server sent it
 * @contiguous: whether @page is known to reach the items already loaded
 *   (fetched with `min_id` from the newest one, walking up without a gap)
 *
 * Adds a refresh's items at the top. When none of them is already in the
 * timeline and @contiguous is %FALSE, posts may be missing between the page
 * and what was loaded, and a #StarlingTimelineGap marks the place. On a
 * trimmed timeline the page goes above the top gap, which becomes such a
 * gap (or closes, when the page reaches the posts below it).
 */
void
starling_timeline_merge_newer (StarlingTimeline *self,
                               GPtrArray        *page,
                               gboolean          contiguous)
{
  g_autofree char *old_top = NULL;
  StarlingTimelineGap *top_gap;
  gboolean anchored;
  guint end;

  g_return_if_fail (STARLING_IS_TIMELINE (self));
  g_return_if_fail (page != NULL);

  old_top = g_strdup (starling_timeline_get_newest_id (self));
  top_gap = starling_timeline_get_top_gap (self);
  end = merge_page (self, page, 0, &anchored);

  /* Trimmed: the newest page goes above what was let go, and the top gap
   * becomes a gap between them, filled downward like any other; unless
   * the page reached the posts below it. */
  if (top_gap != NULL)
    {
      guint position = find_position (self, top_gap);

      if (anchored && position < end)
        remove_at (self, position);
      else if (position > 0)
        starling_timeline_gap_set_max_id (top_gap, item_id (g_ptr_array_index (self->items, position - 1)));
      return;
    }

  if (!anchored && !contiguous && old_top != NULL && end > 0 && end < self->items->len)
    {
      const char *above = item_id (g_ptr_array_index (self->items, end - 1));

      g_ptr_array_insert (self->items, end, starling_timeline_gap_new (above, old_top));
      emit_changed (self, end, 0, 1);
    }
}

/**
 * starling_timeline_merge_older:
 * @self: a timeline
 * @page: (element-type StarlingEntity): a page of older items, newest
 *   first, fetched with `max_id` from the oldest one
 *
 * Adds items at the bottom, as infinite scrolling loads them.
 */
void
starling_timeline_merge_older (StarlingTimeline *self,
                               GPtrArray        *page)
{
  gboolean anchored;

  g_return_if_fail (STARLING_IS_TIMELINE (self));
  g_return_if_fail (page != NULL);

  merge_page (self, page, self->items->len, &anchored);
}

/**
 * starling_timeline_fill_gap:
 * @self: a timeline
 * @gap: a gap of @self
 * @page: (element-type StarlingEntity): the items fetched for it, newest
 *   first, with `max_id` set to the gap's max-id
 *
 * Puts the items in the gap. When the page reaches an item below the gap,
 * or is empty, the gap closes; otherwise it moves below the new items, for
 * the next page.
 */
void
starling_timeline_fill_gap (StarlingTimeline    *self,
                            StarlingTimelineGap *gap,
                            GPtrArray           *page)
{
  gboolean anchored;
  guint position;

  g_return_if_fail (STARLING_IS_TIMELINE (self));
  g_return_if_fail (STARLING_IS_TIMELINE_GAP (gap));
  g_return_if_fail (page != NULL);

  if (!g_ptr_array_find (self->items, gap, &position))
    return;
  g_return_if_fail (!starling_timeline_gap_get_at_top (gap));

  starling_timeline_gap_set_loading (gap, FALSE);
  /* Inserting at the gap's place pushes it down, so it stays just below
   * whatever the page brings. */
  merge_page (self, page, position, &anchored);

  position = find_position (self, gap);
  if (anchored || page->len == 0)
    {
      remove_at (self, position);
      return;
    }

  if (position > 0)
    starling_timeline_gap_set_max_id (gap, item_id (g_ptr_array_index (self->items, position - 1)));
}

/* The id of the first entity from @position down. */
static const char *
first_id_from (StarlingTimeline *self,
               guint             position)
{
  for (guint i = position; i < self->items->len; i++)
    {
      const char *id = item_id (g_ptr_array_index (self->items, i));

      if (id != NULL)
        return id;
    }

  return NULL;
}

/* Removes @n items from @position on, as one change, and returns how many
 * of them were entities. */
static guint
remove_range (StarlingTimeline *self,
              guint             position,
              guint             n)
{
  guint entities = 0;

  for (guint i = position; i < position + n; i++)
    {
      const char *id = item_id (g_ptr_array_index (self->items, i));

      if (id != NULL)
        {
          g_hash_table_remove (self->ids, id);
          entities++;
        }
    }
  g_ptr_array_remove_range (self->items, position, n);
  emit_changed (self, position, n, 0);

  return entities;
}

/**
 * starling_timeline_get_top_gap:
 * @self: a timeline
 *
 * Returns: (transfer none) (nullable): the gap at the top of a trimmed
 *   timeline, where the newest posts were let go
 */
StarlingTimelineGap *
starling_timeline_get_top_gap (StarlingTimeline *self)
{
  gpointer first;

  g_return_val_if_fail (STARLING_IS_TIMELINE (self), NULL);

  if (self->items->len == 0)
    return NULL;

  first = g_ptr_array_index (self->items, 0);
  if (STARLING_IS_TIMELINE_GAP (first) && starling_timeline_gap_get_at_top (first))
    return first;

  return NULL;
}

/**
 * starling_timeline_trim_newer:
 * @self: a timeline
 * @n: how many items to let go from the top
 *
 * Lets go of the @n newest items (the reader is far below them), to keep
 * memory bounded however far one scrolls. A top #StarlingTimelineGap takes
 * their place (the one already there stays, and moves down), with the id
 * of the item now below it as `min-id`: filling it with
 * starling_timeline_fill_top_gap() brings them back, oldest first. Gaps
 * just below what is let go go with it: walking up from a post reaches
 * every post above it. At least one entity always stays.
 *
 * Returns: how many entities were let go
 */
guint
starling_timeline_trim_newer (StarlingTimeline *self,
                              guint             n)
{
  StarlingTimelineGap *gap;
  guint start;
  guint removed;

  g_return_val_if_fail (STARLING_IS_TIMELINE (self), 0);

  gap = starling_timeline_get_top_gap (self);
  start = gap != NULL ? 1 : 0;
  if (n <= start)
    return 0;

  n = MIN (n, self->items->len);
  while (n < self->items->len && item_id (g_ptr_array_index (self->items, n)) == NULL)
    n++;
  if (n >= self->items->len)
    return 0;

  if (gap == NULL)
    {
      /* One change: the items give way to the gap. */
      gap = starling_timeline_gap_new (NULL, item_id (g_ptr_array_index (self->items, n)));
      removed = 0;
      for (guint i = 0; i < n; i++)
        {
          const char *id = item_id (g_ptr_array_index (self->items, i));

          if (id != NULL)
            {
              g_hash_table_remove (self->ids, id);
              removed++;
            }
        }
      g_ptr_array_remove_range (self->items, 0, n);
      g_ptr_array_insert (self->items, 0, gap);
      emit_changed (self, 0, n, 1);
      return removed;
    }

  removed = remove_range (self, start, n - start);
  starling_timeline_gap_set_min_id (gap, first_id_from (self, 1));
  return removed;
}

/**
 * starling_timeline_trim_older:
 * @self: a timeline
 * @n: how many items to let go from the bottom
 *
 * Lets go of the @n oldest items (the reader is far above them); loading
 * older items from the new oldest one brings them back. Gaps left at the
 * bottom go too. At least one entity always stays.
 *
 * Returns: how many entities were let go
 */
guint
starling_timeline_trim_older (StarlingTimeline *self,
                              guint             n)
{
  guint keep;

  g_return_val_if_fail (STARLING_IS_TIMELINE (self), 0);

  if (n == 0 || n >= self->items->len)
    return 0;

  keep = self->items->len - n;
  while (keep > 0 && item_id (g_ptr_array_index (self->items, keep - 1)) == NULL)
    keep--;
  if (keep == 0)
    return 0;

  return remove_range (self, keep, self->items->len - keep);
}

/**
 * starling_timeline_fill_top_gap:
 * @self: a timeline
 * @gap: the top gap of @self (starling_timeline_get_top_gap()), or what it
 *   became when a refresh put the newest page above it
 * @page: (element-type StarlingEntity): the items fetched for it, newest
 *   first, with `min_id` set to the id of the item just below the gap
 * @reached_top: whether the server has nothing newer than @page
 *
 * Puts the items back just below the gap, above what stayed. The gap
 * closes when @reached_top, or when the page reaches the items above it;
 * otherwise it stays above the new items, for the next page.
 */
void
starling_timeline_fill_top_gap (StarlingTimeline    *self,
                                StarlingTimelineGap *gap,
                                GPtrArray           *page,
                                gboolean             reached_top)
{
  gboolean anchored;
  gboolean reached_above = FALSE;
  guint position;

  g_return_if_fail (STARLING_IS_TIMELINE (self));
  g_return_if_fail (STARLING_IS_TIMELINE_GAP (gap));
  g_return_if_fail (page != NULL);

  if (!g_ptr_array_find (self->items, gap, &position))
    return;

  starling_timeline_gap_set_loading (gap, FALSE);
  merge_page (self, page, position + 1, &anchored);

  /* A post of the page already above the gap (the newest page a refresh
   * put there): nothing is missing between them. */
  position = find_position (self, gap);
  for (guint i = 0; anchored && i < page->len && !reached_above; i++)
    {
      const char *id = item_id (g_ptr_array_index (page, i));
      gpointer present = id != NULL ? g_hash_table_lookup (self->ids, id) : NULL;

      reached_above = present != NULL && find_position (self, present) < position;
    }

  if (reached_top || reached_above)
    {
      remove_at (self, position);
      return;
    }

  starling_timeline_gap_set_min_id (gap, first_id_from (self, position + 1));
}

/**
 * starling_timeline_insert_live:
 * @self: a timeline
 * @item: an item from the stream
 *
 * Puts a streamed item at the top, unless it is already there (an edit of a
 * post already shown updates that post through the identity map), the
 * filters hide it, or the top is trimmed (the item would show above posts
 * that are not there; filling the top gap brings it in its place).
 *
 * Returns: whether @item was added
 */
gboolean
starling_timeline_insert_live (StarlingTimeline *self,
                               StarlingEntity   *item)
{
  const char *id;

  g_return_val_if_fail (STARLING_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (STARLING_IS_ENTITY (item), FALSE);

  id = starling_entity_get_id (item);
  if (id == NULL || g_hash_table_contains (self->ids, id) || is_hidden (self, item)
      || starling_timeline_get_top_gap (self) != NULL)
    return FALSE;

  g_ptr_array_insert (self->items, 0, g_object_ref (item));
  g_hash_table_insert (self->ids, (gpointer) id, item);
  emit_changed (self, 0, 0, 1);

  return TRUE;
}

/**
 * starling_timeline_remove:
 * @self: a timeline
 * @id: the id of a deleted status
 *
 * Removes the status, the boosts of it and the notifications about it.
 *
 * Returns: how many items were removed
 */
guint
starling_timeline_remove (StarlingTimeline *self,
                          const char       *id)
{
  guint removed = 0;

  g_return_val_if_fail (STARLING_IS_TIMELINE (self), 0);
  g_return_val_if_fail (id != NULL, 0);

  for (guint i = self->items->len; i > 0; i--)
    {
      gpointer item = g_ptr_array_index (self->items, i - 1);

      if (g_strcmp0 (item_id (item), id) == 0 || g_strcmp0 (inner_status_id (item), id) == 0)
        {
          remove_at (self, i - 1);
          removed++;
        }
    }

  return removed;
}

/**
 * starling_timeline_refilter:
 * @self: a timeline
 *
 * Takes out the items the hide function now hides, after the filters or
 * an item changed.
 *
 * Returns: how many items were removed
 */
guint
starling_timeline_refilter (StarlingTimeline *self)
{
  guint removed = 0;

  g_return_val_if_fail (STARLING_IS_TIMELINE (self), 0);

  for (guint i = self->items->len; i > 0; i--)
    {
      gpointer item = g_ptr_array_index (self->items, i - 1);

      if (STARLING_IS_ENTITY (item) && is_hidden (self, item))
        {
          remove_at (self, i - 1);
          removed++;
        }
    }

  return removed;
}

/**
 * starling_timeline_contains:
 * @self: a timeline
 * @id: an item id
 *
 * Returns: whether the timeline holds the item with @id
 */
gboolean
starling_timeline_contains (StarlingTimeline *self,
                            const char       *id)
{
  g_return_val_if_fail (STARLING_IS_TIMELINE (self), FALSE);

  return id != NULL && g_hash_table_contains (self->ids, id);
}

/**
 * starling_timeline_get_newest_id:
 * @self: a timeline
 *
 * Returns: (nullable): the id of the top item, for `min_id` or `since_id`
 */
const char *
starling_timeline_get_newest_id (StarlingTimeline *self)
{
  g_return_val_if_fail (STARLING_IS_TIMELINE (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      const char *id = item_id (g_ptr_array_index (self->items, i));

      if (id != NULL)
        return id;
    }

  return NULL;
}

/**
 * starling_timeline_get_oldest_id:
 * @self: a timeline
 *
 * Returns: (nullable): the id of the bottom item, for `max_id` when the
 *   server sent no `Link` header
 */
const char *
starling_timeline_get_oldest_id (StarlingTimeline *self)
{
  g_return_val_if_fail (STARLING_IS_TIMELINE (self), NULL);

  for (guint i = self->items->len; i > 0; i--)
    {
      const char *id = item_id (g_ptr_array_index (self->items, i - 1));

      if (id != NULL)
        return id;
    }

  return NULL;
}
