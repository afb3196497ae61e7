/* starling-blurhash.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest width or height starling_blurhash_decode() draws. A blurhash
 * holds at most 9×9 colours, so a bigger placeholder is better drawn small
 * and scaled by the GPU. */
#define STARLING_BLURHASH_MAX_SIZE 256

gboolean  starling_blurhash_is_valid  (const char  *hash);
guint8   *starling_blurhash_decode    (const char  *hash,
                                       int          width,
                                       int          height,
                                       int          punch,
                                       GError     **error);

G_END_DECLS
