/* starling-malloc.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the process's allocator is set up: a setting of the whole process,
 * so the programs make it at the start of main() (starling, and the
 * benchmarks that measure its memory), never a class of the layers.
 */

#define G_LOG_DOMAIN "starling"

#include "config.h"

/* Any libc header says whether this is glibc. */
#include <stdlib.h>
#ifdef __GLIBC__
# include <malloc.h>
#endif

#include "starling-malloc.h"

/**
 * starling_malloc_tune:
 *
 * Sets the allocator up for a program that decodes many pictures. Call it
 * once, first thing in main(), before any thread starts.
 */
void
starling_malloc_tune (void)
{
#ifdef __GLIBC__
  /* glibc raises its mmap threshold each time a large block is freed (up
   * to 32 MiB), after which full-size decodes and textures come from the
   * heap arenas of the image loader's worker threads, whose pages stay
   * resident long after the cache dropped the pictures: bench-images saw
   * RSS creep 40 MiB above a flat heap over 10,000 pictures. A fixed
   * threshold hands every picture-sized block back to the system when it
   * is freed. */
  mallopt (M_MMAP_THRESHOLD, 256 * 1024);
#endif
}
