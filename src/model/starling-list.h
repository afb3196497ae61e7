/* starling-list.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-entity.h"

G_BEGIN_DECLS

/**
 * StarlingListRepliesPolicy:
 * @STARLING_LIST_REPLIES_POLICY_UNKNOWN: not given, or a value Starling
 *   does not know
 * @STARLING_LIST_REPLIES_POLICY_FOLLOWED: replies to any followed account
 * @STARLING_LIST_REPLIES_POLICY_LIST: replies to members of the list
 * @STARLING_LIST_REPLIES_POLICY_NONE: no replies
 *
 * Which replies a list's timeline shows.
 */
typedef enum
{
  STARLING_LIST_REPLIES_POLICY_UNKNOWN,
  STARLING_LIST_REPLIES_POLICY_FOLLOWED,
  STARLING_LIST_REPLIES_POLICY_LIST,
  STARLING_LIST_REPLIES_POLICY_NONE,
} StarlingListRepliesPolicy;

#define STARLING_TYPE_LIST_REPLIES_POLICY (starling_list_replies_policy_get_type ())

GType starling_list_replies_policy_get_type (void) G_GNUC_CONST;

#define STARLING_TYPE_LIST (starling_list_get_type ())

G_DECLARE_FINAL_TYPE (StarlingList, starling_list, STARLING, LIST, StarlingEntity)

/* Each getter returns the property of the same name. */
const char                *starling_list_get_id             (StarlingList *self);
const char                *starling_list_get_title          (StarlingList *self);
StarlingListRepliesPolicy  starling_list_get_replies_policy (StarlingList *self);
gboolean                   starling_list_get_exclusive      (StarlingList *self);

G_END_DECLS
