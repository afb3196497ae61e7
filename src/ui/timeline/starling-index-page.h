/* starling-index-page.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "api/starling-account-manager.h"

G_BEGIN_DECLS

/**
 * StarlingIndexKind:
 * @STARLING_INDEX_LISTS: the account's lists; a row opens the list's
 *   timeline (`status.open-list`, `(ss)`: the id and the title)
 * @STARLING_INDEX_HASHTAGS: the hashtags the account follows; a row opens
 *   the hashtag (`status.open-tag`)
 *
 * What a #StarlingIndexPage lists.
 */
typedef enum
{
  STARLING_INDEX_LISTS,
  STARLING_INDEX_HASHTAGS,
} StarlingIndexKind;

#define STARLING_TYPE_INDEX_PAGE (starling_index_page_get_type ())

G_DECLARE_FINAL_TYPE (StarlingIndexPage, starling_index_page, STARLING, INDEX_PAGE, GtkWidget)

GtkWidget  *starling_index_page_new        (StarlingAccountSession *session,
                                            StarlingIndexKind       kind);
void        starling_index_page_reload     (StarlingIndexPage      *self);
const char *starling_index_page_get_state  (StarlingIndexPage      *self);
guint       starling_index_page_get_n_rows (StarlingIndexPage      *self);
void        starling_index_page_activate_row (StarlingIndexPage    *self,
                                            guint                   index);

G_END_DECLS
