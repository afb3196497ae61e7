/* test-malloc.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "starling-malloc.h"

/* Resident memory of this process, in KiB. */
static guint64
resident_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "VmRSS:");
  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen ("VmRSS:"), NULL, 10);
}

static gboolean
under_sanitizer (void)
{
#if defined(__SANITIZE_ADDRESS__)
  return TRUE;
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
  return TRUE;
# else
  return FALSE;
# endif
#else
  return FALSE;
#endif
}

/* A thousand posts let go leave many small blocks free among blocks still
 * in use: glibc keeps their pages until they are handed back. */
static void
test_release (void)
{
  const guint n = 60000;
  g_autofree char **blocks = g_new0 (char *, n);
  guint64 before;
  guint64 after;
  guint releases = starling_malloc_get_n_releases ();

  starling_malloc_tune ();

  for (guint i = 0; i < n; i++)
    {
      blocks[i] = g_malloc (1024);
      memset (blocks[i], 0x5a, 1024);
    }
  /* Keep one block in 64, so no page is wholly free and the heap's top
   * cannot shrink by itself. */
  for (guint i = 0; i < n; i++)
    if (i % 64 != 0)
      g_clear_pointer (&blocks[i], g_free);

  before = resident_kib ();
  starling_malloc_release_later ();
  g_assert_true (starling_malloc_get_release_pending ());
  /* A second call while one waits makes no second release. */
  starling_malloc_release_later ();
  while (starling_malloc_get_release_pending ())
    g_main_context_iteration (NULL, TRUE);
  after = resident_kib ();
  g_assert_cmpuint (starling_malloc_get_n_releases (), ==, releases + 1);

  g_test_message ("resident %" G_GUINT64_FORMAT " KiB before, %" G_GUINT64_FORMAT " KiB after",
                  before, after);
  /* AddressSanitizer has an allocator of its own; glibc's is not used. */
  if (!under_sanitizer ())
    g_assert_cmpuint (before - MIN (before, after), >, 30 * 1024);

  for (guint i = 0; i < n; i++)
    g_free (blocks[i]);
}

/* Releases come at most once in ten seconds: the next waits. */
static void
test_rate (void)
{
  gint64 start;
  guint releases;

  starling_malloc_release_later ();
  while (starling_malloc_get_release_pending ())
    g_main_context_iteration (NULL, TRUE);
  releases = starling_malloc_get_n_releases ();

  start = g_get_monotonic_time ();
  starling_malloc_release_later ();
  g_assert_true (starling_malloc_get_release_pending ());
  /* Nothing else to run: the loop wakes for the release itself. */
  while (starling_malloc_get_release_pending ())
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (starling_malloc_get_n_releases (), ==, releases + 1);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 9 * G_USEC_PER_SEC);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/malloc/release", test_release);
  g_test_add_func ("/malloc/rate", test_rate);

  return g_test_run ();
}
