/* starling-time.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDateTime *starling_time_parse            (const char *text);
char      *starling_time_format_relative  (GDateTime  *then,
                                           GDateTime  *now);
char      *starling_time_format_spoken    (GDateTime  *then,
                                           GDateTime  *now);
char      *starling_time_format_absolute  (GDateTime  *then);

G_END_DECLS
