/* starling-rich-text-private.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-rich-text.h"

G_BEGIN_DECLS

StarlingRichText *starling_rich_text_new_take  (char   *markup,
                                                char   *text,
                                                GArray *links,
                                                GArray *emojis);
void              starling_link_clear          (StarlingLink      *link);
void              starling_emoji_span_clear    (StarlingEmojiSpan *span);

G_END_DECLS
