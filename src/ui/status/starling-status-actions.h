/* starling-status-actions.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "api/starling-client.h"
#include "model/starling-status.h"

G_BEGIN_DECLS

/**
 * StarlingStatusToggle:
 * @STARLING_STATUS_TOGGLE_FAVOURITE: favourite or unfavourite
 * @STARLING_STATUS_TOGGLE_BOOST: boost or undo the boost
 * @STARLING_STATUS_TOGGLE_BOOKMARK: bookmark or remove the bookmark
 *
 * What starling_status_actions_toggle_async() turns on or off.
 */
typedef enum
{
  STARLING_STATUS_TOGGLE_FAVOURITE,
  STARLING_STATUS_TOGGLE_BOOST,
  STARLING_STATUS_TOGGLE_BOOKMARK,
} StarlingStatusToggle;

gboolean starling_status_actions_get_active    (StarlingStatus        *status,
                                                StarlingStatusToggle   toggle);
void     starling_status_actions_toggle_async  (StarlingClient        *client,
                                                StarlingStatus        *status,
                                                StarlingStatusToggle   toggle,
                                                GCancellable          *cancellable,
                                                GAsyncReadyCallback    callback,
                                                gpointer               user_data);
gboolean starling_status_actions_toggle_finish (GAsyncResult          *result,
                                                GError               **error);
void     starling_status_actions_vote_async    (StarlingClient        *client,
                                                StarlingPoll          *poll,
                                                const guint           *choices,
                                                guint                  n_choices,
                                                GCancellable          *cancellable,
                                                GAsyncReadyCallback    callback,
                                                gpointer               user_data);
gboolean starling_status_actions_vote_finish   (GAsyncResult          *result,
                                                GError               **error);

G_END_DECLS
