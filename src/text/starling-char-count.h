/* starling-char-count.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What Mastodon's `configuration.statuses.characters_reserved_per_url`
 * holds unless a server says otherwise. */
#define STARLING_CHARACTERS_RESERVED_PER_URL 23

gsize  starling_grapheme_count  (const char *text,
                                 gssize      length);
int    starling_char_count      (const char *text,
                                 const char *spoiler_text,
                                 int         characters_reserved_per_url);

G_END_DECLS
