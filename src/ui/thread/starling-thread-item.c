/* starling-thread-item.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-thread"

#include "config.h"

#include "starling-thread-item.h"

/* One post of a thread page's list: the status, where it stands, and how
 * deep it is indented. Items never change; the status they hold does, and
 * the row that shows it follows it. */
struct _StarlingThreadItem
{
  GObject             parent_instance;

  StarlingStatus     *status;
  StarlingThreadRole  role;
  guint               depth;
};

G_DEFINE_FINAL_TYPE (StarlingThreadItem, starling_thread_item, G_TYPE_OBJECT)

static void
starling_thread_item_dispose (GObject *object)
{
  StarlingThreadItem *self = STARLING_THREAD_ITEM (object);

  g_clear_object (&self->status);

  G_OBJECT_CLASS (starling_thread_item_parent_class)->dispose (object);
}

static void
starling_thread_item_class_init (StarlingThreadItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = starling_thread_item_dispose;
}

static void
starling_thread_item_init (StarlingThreadItem *self)
{
}

StarlingThreadItem *
starling_thread_item_new (StarlingStatus     *status,
                          StarlingThreadRole  role,
                          guint               depth)
{
  StarlingThreadItem *self;

  g_return_val_if_fail (STARLING_IS_STATUS (status), NULL);

  self = g_object_new (STARLING_TYPE_THREAD_ITEM, NULL);
  self->status = g_object_ref (status);
  self->role = role;
  self->depth = depth;

  return self;
}

StarlingStatus *
starling_thread_item_get_status (StarlingThreadItem *self)
{
  g_return_val_if_fail (STARLING_IS_THREAD_ITEM (self), NULL);

  return self->status;
}

StarlingThreadRole
starling_thread_item_get_role (StarlingThreadItem *self)
{
  g_return_val_if_fail (STARLING_IS_THREAD_ITEM (self), STARLING_THREAD_DESCENDANT);

  return self->role;
}

/* The depth in the reply tree below the focused post (0 for it, its
 * ancestors and the author's own continuation of it). */
guint
starling_thread_item_get_depth (StarlingThreadItem *self)
{
  g_return_val_if_fail (STARLING_IS_THREAD_ITEM (self), 0);

  return self->depth;
}

/* The indentation: the depth, capped. */
guint
starling_thread_item_get_shown_depth (StarlingThreadItem *self)
{
  g_return_val_if_fail (STARLING_IS_THREAD_ITEM (self), 0);

  return MIN (self->depth, STARLING_THREAD_MAX_DEPTH);
}
