/* starling-malloc.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void     starling_malloc_tune          (void);
void     starling_malloc_release_later (void);
gboolean starling_malloc_get_release_pending (void);
guint    starling_malloc_get_n_releases      (void);

G_END_DECLS
