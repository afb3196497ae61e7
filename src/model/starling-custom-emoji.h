/* starling-custom-emoji.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-entity.h"

G_BEGIN_DECLS

#define STARLING_TYPE_CUSTOM_EMOJI (starling_custom_emoji_get_type ())

G_DECLARE_FINAL_TYPE (StarlingCustomEmoji, starling_custom_emoji, STARLING, CUSTOM_EMOJI, StarlingEntity)

/* Each getter returns the property of the same name. */
const char *starling_custom_emoji_get_shortcode         (StarlingCustomEmoji *self);
const char *starling_custom_emoji_get_url               (StarlingCustomEmoji *self);
const char *starling_custom_emoji_get_static_url        (StarlingCustomEmoji *self);
gboolean    starling_custom_emoji_get_visible_in_picker (StarlingCustomEmoji *self);
const char *starling_custom_emoji_get_category          (StarlingCustomEmoji *self);

G_END_DECLS
