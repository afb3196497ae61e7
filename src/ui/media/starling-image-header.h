/* starling-image-header.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the first bytes and the structure of a picture say, read before any
 * decoder sees it: its format, its size (to refuse a decompression bomb
 * before a pixel is allocated) and whether the file is whole (gdk-pixbuf
 * hands back half a picture from a cut PNG or JPEG without an error). */
typedef struct
{
  const char *format;    /* gdk-pixbuf's name: "png", "jpeg", "gif", "webp",
                          * "avif", "heif"; NULL when not a picture we show */
  guint       width;     /* 0 when the header does not say (AVIF, HEIF) */
  guint       height;
  guint64     pixels;    /* the area of every frame together */
  gboolean    complete;  /* the structure reaches its end marker */
} StarlingImageHeader;

gboolean starling_image_header_parse (const guint8        *data,
                                      gsize                size,
                                      StarlingImageHeader *header);

G_END_DECLS
