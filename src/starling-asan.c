/* starling-asan.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only in builds with AddressSanitizer. GLib keeps the names of quarks in
 * blocks of 2048 and, when a program makes more (GTK, libadwaita and a
 * window full of pages do), replaces the first block with a larger one and
 * drops the old one on purpose: a lock-free reader may still be looking at
 * it (gquark.c: "This leaks the old quarks array"). LeakSanitizer reports
 * that block, with a stack cut at g_malloc since GLib has no frame
 * pointers, so no suppression by name can match it without matching every
 * leak that goes through g_malloc. Instead, while GLib still points at its
 * first block, find that pointer in GLib's own data and tell LeakSanitizer
 * the block is kept on purpose. Nothing else is hidden.
 */

#define _GNU_SOURCE
#define G_LOG_DOMAIN "starling"

#include "config.h"

#if defined(__SANITIZE_ADDRESS__)

#include <glib.h>
#include <link.h>
#include <sanitizer/lsan_interface.h>
#include <string.h>

/* From LLVM's sanitizer/allocator_interface.h, which GCC does not ship;
 * GCC's libasan has both. */
int    __sanitizer_get_ownership      (const volatile void *p);
size_t __sanitizer_get_allocated_size (const volatile void *p);

#define GLIB_QUARK_BLOCK_SIZE 2048

static int
find_first_quark_block_cb (struct dl_phdr_info *info,
                           size_t               size,
                           void                *data)
{
  gboolean *found = data;

  if (info->dlpi_name == NULL || strstr (info->dlpi_name, "libglib-2.0.so") == NULL)
    return 0;

  for (int i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW (Phdr) *header = &info->dlpi_phdr[i];
      guintptr start, end;

      if (header->p_type != PT_LOAD || (header->p_flags & PF_W) == 0)
        continue;

      start = (info->dlpi_addr + header->p_vaddr + sizeof (gpointer) - 1) & ~(sizeof (gpointer) - 1);
      end = info->dlpi_addr + header->p_vaddr + header->p_memsz;
      for (guintptr word = start; word + sizeof (gpointer) <= end; word += sizeof (gpointer))
        {
          const char **block = *(const char ***) word;

          if (block == NULL || !__sanitizer_get_ownership (block) ||
              __sanitizer_get_allocated_size (block) != GLIB_QUARK_BLOCK_SIZE * sizeof (char *))
            continue;
          /* GLib's quark 0 has no name; quark 1 is the first one made. */
          if (block[0] != NULL || block[1] == NULL || block[1] != g_quark_to_string (1))
            continue;

          __lsan_ignore_object (block);
          *found = TRUE;
          return 1;
        }
    }
  return 0;
}

__attribute__((constructor))
static void
starling_asan_keep_first_quark_block (void)
{
  gboolean found = FALSE;

  dl_iterate_phdr (find_first_quark_block_cb, &found);
  if (!found)
    g_debug ("GLib's first block of quarks was not found; LeakSanitizer may report it");
}

#endif
