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

/* At most one release in this many seconds: malloc_trim() walks every
 * free chunk of every arena, a few milliseconds for the heap of a long
 * scroll. */
#define RELEASE_INTERVAL_SECONDS 10

static guint  release_source;
static gint64 last_release;
static guint  n_releases;

static gboolean
release_cb (gpointer user_data)
{
  gint64 start = g_get_monotonic_time ();

  release_source = 0;
#ifdef __GLIBC__
  malloc_trim (0);
#endif
  last_release = g_get_monotonic_time ();
  n_releases++;
  g_debug ("Handed malloc's free pages back to the system in %.1f ms",
           (last_release - start) / 1000.0);

  return G_SOURCE_REMOVE;
}

/**
 * starling_malloc_release_later:
 *
 * Says that much memory was just freed (a timeline letting go of a
 * thousand posts far from the reader). glibc keeps the pages of freed
 * small blocks in its arenas, and the process's resident memory would
 * stay at its peak: soon after, with low priority on the main context and
 * at most once in ten seconds, the free pages are handed back to the
 * system. Call it from the main thread.
 */
void
starling_malloc_release_later (void)
{
  gint64 now = g_get_monotonic_time ();
  gint64 wait_ms = 0;

  if (release_source != 0)
    return;

  if (last_release != 0 && now - last_release < RELEASE_INTERVAL_SECONDS * G_USEC_PER_SEC)
    wait_ms = (last_release + RELEASE_INTERVAL_SECONDS * G_USEC_PER_SEC - now) / 1000;

  release_source = g_timeout_add_full (G_PRIORITY_LOW, (guint) wait_ms, release_cb, NULL, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, release_source),
                            "[starling] malloc release");
}

/* For tests: whether a release waits, and how many were made. */
gboolean
starling_malloc_get_release_pending (void)
{
  return release_source != 0;
}

guint
starling_malloc_get_n_releases (void)
{
  return n_releases;
}
