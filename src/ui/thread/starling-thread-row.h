/* starling-thread-row.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ui/status/starling-status-row.h"

#include "starling-thread-item.h"

G_BEGIN_DECLS

#define STARLING_TYPE_THREAD_ROW (starling_thread_row_get_type ())

G_DECLARE_FINAL_TYPE (StarlingThreadRow, starling_thread_row, STARLING, THREAD_ROW, GtkWidget)

GtkWidget          *starling_thread_row_new            (void);
StarlingStatusRow  *starling_thread_row_get_status_row (StarlingThreadRow  *self);
StarlingThreadItem *starling_thread_row_get_item       (StarlingThreadRow  *self);
void                starling_thread_row_set_item       (StarlingThreadRow  *self,
                                                        StarlingThreadItem *item);
guint               starling_thread_row_get_n_lines    (StarlingThreadRow  *self);
const char         *starling_thread_row_get_details    (StarlingThreadRow  *self);

char               *starling_thread_row_format_details (StarlingStatus     *status);

G_END_DECLS
