/* starling-html.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "starling-rich-text.h"

G_BEGIN_DECLS

/**
 * StarlingHtmlOptions:
 * @has_quote: whether the status has a quote (`quote` is set), so the
 *   `quote-inline` fallback the server adds is hidden
 * @emoji_shortcodes: (nullable) (array zero-terminated=1): the shortcodes
 *   (without colons) of the status's custom emoji, from its `emojis` array
 *
 * How to convert one status's HTML.
 */
typedef struct
{
  gboolean            has_quote;
  const char * const *emoji_shortcodes;
} StarlingHtmlOptions;

StarlingRichText *starling_html_to_markup      (const char                *html,
                                                const StarlingHtmlOptions *options);
char             *starling_html_to_plain_text  (const char                *html);

G_END_DECLS
