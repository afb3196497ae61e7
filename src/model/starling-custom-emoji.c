/* starling-custom-emoji.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include "starling-custom-emoji.h"

/**
 * StarlingCustomEmoji:
 *
 * A server's custom emoji, as `:shortcode:` in text and in the `emojis` of
 * statuses, accounts and polls.
 */
struct _StarlingCustomEmoji
{
  StarlingEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (StarlingCustomEmoji, starling_custom_emoji, STARLING_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_SHORTCODE,
  PROP_URL,
  PROP_STATIC_URL,
  PROP_VISIBLE_IN_PICKER,
  PROP_CATEGORY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
starling_custom_emoji_class_init (StarlingCustomEmojiClass *klass)
{
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  properties[PROP_SHORTCODE] = starling_param_spec_required (
    g_param_spec_string ("shortcode", NULL, NULL, NULL, STARLING_PARAM_FLAGS));
  properties[PROP_URL] = starling_param_spec_required (
    g_param_spec_string ("url", NULL, NULL, NULL, STARLING_PARAM_FLAGS));
  properties[PROP_STATIC_URL] =
    g_param_spec_string ("static-url", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_VISIBLE_IN_PICKER] =
    g_param_spec_boolean ("visible-in-picker", NULL, NULL, TRUE, STARLING_PARAM_FLAGS);
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL, NULL, STARLING_PARAM_FLAGS);

  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
starling_custom_emoji_init (StarlingCustomEmoji *self)
{
}

STARLING_DEFINE_GETTER (StarlingCustomEmoji, starling_custom_emoji, const char *, shortcode, PROP_SHORTCODE, string)
STARLING_DEFINE_GETTER (StarlingCustomEmoji, starling_custom_emoji, const char *, url, PROP_URL, string)
STARLING_DEFINE_GETTER (StarlingCustomEmoji, starling_custom_emoji, const char *, static_url, PROP_STATIC_URL, string)
STARLING_DEFINE_GETTER (StarlingCustomEmoji, starling_custom_emoji, gboolean, visible_in_picker, PROP_VISIBLE_IN_PICKER, boolean)
STARLING_DEFINE_GETTER (StarlingCustomEmoji, starling_custom_emoji, const char *, category, PROP_CATEGORY, string)
