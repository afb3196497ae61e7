/* fuzz-html.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "text/starling-char-count.h"
#include "text/starling-html.h"

#include "starling-test-markup.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Whatever the bytes, the markup must be what GtkLabel takes, the rich
 * text must agree with itself, and the plain text must be valid UTF-8. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char * const shortcodes[] = { "blob", "ms_rainbow_flag", "a_b", NULL };
  g_autofree char *html = g_strndup ((const char *) data, size);
  StarlingHtmlOptions options = { size % 2 == 0, shortcodes };
  g_autoptr (StarlingRichText) rich = starling_html_to_markup (html, &options);
  g_autofree char *plain = starling_html_to_plain_text (html);
  g_autoptr (GError) error = NULL;

  if (!starling_test_check_rich_text (rich, NULL, &error))
    {
      fprintf (stderr, "Bad markup: %s\n%s\n", error->message, starling_rich_text_get_markup (rich));
      abort ();
    }

  if (!g_utf8_validate (plain, -1, NULL))
    {
      fprintf (stderr, "Plain text is not valid UTF-8\n");
      abort ();
    }

  /* The character counter takes the plain text when a post is edited. */
  if (starling_char_count (plain, starling_rich_text_get_text (rich), 23) < 0)
    abort ();

  return 0;
}
