/* starling-preview-card.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include "starling-preview-card.h"

/**
 * StarlingPreviewCard:
 *
 * The preview of the first link in a status, as the server fetched it.
 * Every text field may be empty rather than missing; `width` and `height`
 * are 0 when unknown (some servers send them as strings). The property
 * holding the card's kind is `type`, read with
 * starling_preview_card_get_card_type(), as `get_type` is the GType's.
 */
struct _StarlingPreviewCard
{
  StarlingEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (StarlingPreviewCard, starling_preview_card, STARLING_TYPE_ENTITY)

G_DEFINE_ENUM_TYPE (StarlingPreviewCardType, starling_preview_card_type,
  G_DEFINE_ENUM_VALUE (STARLING_PREVIEW_CARD_TYPE_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (STARLING_PREVIEW_CARD_TYPE_LINK, "link"),
  G_DEFINE_ENUM_VALUE (STARLING_PREVIEW_CARD_TYPE_PHOTO, "photo"),
  G_DEFINE_ENUM_VALUE (STARLING_PREVIEW_CARD_TYPE_VIDEO, "video"),
  G_DEFINE_ENUM_VALUE (STARLING_PREVIEW_CARD_TYPE_RICH, "rich"))

enum {
  PROP_0,
  PROP_URL,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_TYPE,
  PROP_AUTHORS,
  PROP_AUTHOR_NAME,
  PROP_AUTHOR_URL,
  PROP_PROVIDER_NAME,
  PROP_PROVIDER_URL,
  PROP_HTML,
  PROP_WIDTH,
  PROP_HEIGHT,
  PROP_IMAGE,
  PROP_IMAGE_DESCRIPTION,
  PROP_EMBED_URL,
  PROP_BLURHASH,
  PROP_LANGUAGE,
  PROP_PUBLISHED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
starling_preview_card_class_init (StarlingPreviewCardClass *klass)
{
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  properties[PROP_URL] = starling_param_spec_required (
    g_param_spec_string ("url", NULL, NULL, NULL, STARLING_PARAM_FLAGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_TYPE] =
    g_param_spec_enum ("type", NULL, NULL, STARLING_TYPE_PREVIEW_CARD_TYPE,
                       STARLING_PREVIEW_CARD_TYPE_UNKNOWN, STARLING_PARAM_FLAGS);
  properties[PROP_AUTHORS] =
    g_param_spec_boxed ("authors", NULL, NULL, JSON_TYPE_NODE, STARLING_PARAM_FLAGS);
  properties[PROP_AUTHOR_NAME] =
    g_param_spec_string ("author-name", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_AUTHOR_URL] =
    g_param_spec_string ("author-url", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_PROVIDER_NAME] =
    g_param_spec_string ("provider-name", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_PROVIDER_URL] =
    g_param_spec_string ("provider-url", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_HTML] =
    g_param_spec_string ("html", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_WIDTH] =
    g_param_spec_int ("width", NULL, NULL, 0, G_MAXINT, 0, STARLING_PARAM_FLAGS);
  properties[PROP_HEIGHT] =
    g_param_spec_int ("height", NULL, NULL, 0, G_MAXINT, 0, STARLING_PARAM_FLAGS);
  properties[PROP_IMAGE] =
    g_param_spec_string ("image", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_IMAGE_DESCRIPTION] =
    g_param_spec_string ("image-description", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_EMBED_URL] =
    g_param_spec_string ("embed-url", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_BLURHASH] =
    g_param_spec_string ("blurhash", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_PUBLISHED_AT] =
    g_param_spec_boxed ("published-at", NULL, NULL, G_TYPE_DATE_TIME, STARLING_PARAM_FLAGS);

  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
starling_preview_card_init (StarlingPreviewCard *self)
{
}

STARLING_DEFINE_GETTER (StarlingPreviewCard, starling_preview_card, const char *, url, PROP_URL, string)
STARLING_DEFINE_GETTER (StarlingPreviewCard, starling_preview_card, const char *, title, PROP_TITLE, string)
STARLING_DEFINE_GETTER (StarlingPreviewCard, starling_preview_card, const char *, description, PROP_DESCRIPTION, string)
STARLING_DEFINE_GETTER (StarlingPreviewCard, starling_preview_card, StarlingPreviewCardType, card_type, PROP_TYPE, enum)
STARLING_DEFINE_GETTER (StarlingPreviewCard, starling_preview_card, JsonNode *, authors, PROP_AUTHORS, boxed)
STARLING_DEFINE_GETTER (StarlingPreviewCard, starling_preview_card, const char *, author_name, PROP_AUTHOR_NAME, string)
STARLING_DEFINE_GETTER (StarlingPreviewCard, starling_preview_card, const char *, author_url, PROP_AUTHOR_URL, string)
STARLING_DEFINE_GETTER (StarlingPreviewCard, starling_preview_card, const char *, provider_name, PROP_PROVIDER_NAME, string)
STARLING_DEFINE_GETTER (StarlingPreviewCard, starling_preview_card, const char *, provider_url, PROP_PROVIDER_URL, string)
STARLING_DEFINE_GETTER (StarlingPreviewCard, starling_preview_card, const char *, html, PROP_HTML, string)
STARLING_DEFINE_GETTER (StarlingPreviewCard, starling_preview_card, int, width, PROP_WIDTH, int)
STARLING_DEFINE_GETTER (StarlingPreviewCard, starling_preview_card, int, height, PROP_HEIGHT, int)
STARLING_DEFINE_GETTER (StarlingPreviewCard, starling_preview_card, const char *, image, PROP_IMAGE, string)
STARLING_DEFINE_GETTER (StarlingPreviewCard, starling_preview_card, const char *, image_description, PROP_IMAGE_DESCRIPTION, string)
STARLING_DEFINE_GETTER (StarlingPreviewCard, starling_preview_card, const char *, embed_url, PROP_EMBED_URL, string)
STARLING_DEFINE_GETTER (StarlingPreviewCard, starling_preview_card, const char *, blurhash, PROP_BLURHASH, string)
STARLING_DEFINE_GETTER (StarlingPreviewCard, starling_preview_card, const char *, language, PROP_LANGUAGE, string)
STARLING_DEFINE_GETTER (StarlingPreviewCard, starling_preview_card, GDateTime *, published_at, PROP_PUBLISHED_AT, boxed)

/**
 * starling_preview_card_get_author:
 * @self: a preview card
 *
 * The name to credit: the first named entry of `authors` (4.3), or else the
 * deprecated `author_name` that older servers send alone.
 *
 * Returns: (nullable): the author's name, owned by @self; %NULL when the
 *   card names no one
 */
const char *
starling_preview_card_get_author (StarlingPreviewCard *self)
{
  JsonNode *authors;
  const char *name;

  g_return_val_if_fail (STARLING_IS_PREVIEW_CARD (self), NULL);

  authors = starling_preview_card_get_authors (self);
  if (authors != NULL && JSON_NODE_HOLDS_ARRAY (authors))
    {
      JsonArray *array = json_node_get_array (authors);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *author = json_array_get_element (array, i);
          JsonNode *author_name;

          if (!JSON_NODE_HOLDS_OBJECT (author))
            continue;
          author_name = json_object_get_member (json_node_get_object (author), "name");
          if (author_name == NULL || !JSON_NODE_HOLDS_VALUE (author_name) ||
              json_node_get_value_type (author_name) != G_TYPE_STRING)
            continue;
          name = json_node_get_string (author_name);
          /* JSON strings are not checked for UTF-8 until a property holds
           * them; this one is read straight from the JSON. */
          if (name != NULL && *name != '\0' && g_utf8_validate (name, -1, NULL))
            return name;
        }
    }

  name = starling_preview_card_get_author_name (self);
  if (name != NULL && *name != '\0')
    return name;

  return NULL;
}
