/* starling-demo-image.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The demo's pictures: smooth gradients between four corner colours of a
 * palette, as PNG, and the blurhash of the same picture. Private to
 * src/demo/. */

typedef enum
{
  DEMO_IMAGE_GRADIENT,   /* media, headers, thumbnails */
  DEMO_IMAGE_AVATAR,     /* a disc on a background */
  DEMO_IMAGE_EMOJI,      /* a disc on transparency */
} DemoImageKind;

#define DEMO_N_PALETTES 16

GBytes     *starling_demo_image_png      (DemoImageKind kind,
                                          guint         palette,
                                          guint         width,
                                          guint         height);
const char *starling_demo_image_blurhash (guint         palette,
                                          guint         width,
                                          guint         height);

G_END_DECLS
