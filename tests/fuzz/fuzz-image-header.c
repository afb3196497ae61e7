/* fuzz-image-header.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Feeds arbitrary bytes to the structure walk that runs on every picture
 * before a decoder sees it, whole and cut at every length a server could
 * stop at, and checks what it says holds together. */

#include "config.h"

#include <stdint.h>

#include "ui/media/starling-image-header.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  StarlingImageHeader header;
  StarlingImageHeader shorter;

  if (!starling_image_header_parse (data, size, &header))
    {
      g_assert (header.format == NULL);
      return 0;
    }

  g_assert (header.format != NULL);
  /* The frames together cover at least the first. */
  g_assert (header.pixels >= (guint64) header.width * header.height);

  /* Bytes added at the end never make a whole file cut: what a prefix
   * says is whole, the file says too. */
  if (size > 0 && !header.complete)
    {
      starling_image_header_parse (data, size - 1, &shorter);
      g_assert (!shorter.complete);
    }

  return 0;
}
