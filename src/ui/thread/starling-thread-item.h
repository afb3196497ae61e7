/* starling-thread-item.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/starling-status.h"

G_BEGIN_DECLS

/**
 * StarlingThreadRole:
 * @STARLING_THREAD_ANCESTOR: a post the focused one answers, directly or not
 * @STARLING_THREAD_FOCUSED: the post the thread was opened on
 * @STARLING_THREAD_DESCENDANT: an answer to the focused post, or to one of
 *   its answers
 *
 * Where a post stands in a thread page.
 */
typedef enum
{
  STARLING_THREAD_ANCESTOR,
  STARLING_THREAD_FOCUSED,
  STARLING_THREAD_DESCENDANT,
} StarlingThreadRole;

/* The deepest indentation a thread shows; deeper answers stay there. */
#define STARLING_THREAD_MAX_DEPTH 4

#define STARLING_TYPE_THREAD_ITEM (starling_thread_item_get_type ())

G_DECLARE_FINAL_TYPE (StarlingThreadItem, starling_thread_item, STARLING, THREAD_ITEM, GObject)

StarlingThreadItem *starling_thread_item_new         (StarlingStatus     *status,
                                                      StarlingThreadRole  role,
                                                      guint               depth);
StarlingStatus     *starling_thread_item_get_status  (StarlingThreadItem *self);
StarlingThreadRole  starling_thread_item_get_role    (StarlingThreadItem *self);
guint               starling_thread_item_get_depth   (StarlingThreadItem *self);
guint               starling_thread_item_get_shown_depth (StarlingThreadItem *self);

G_END_DECLS
