/* starling-preview-card.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-entity.h"

G_BEGIN_DECLS

/**
 * StarlingPreviewCardType:
 * @STARLING_PREVIEW_CARD_TYPE_UNKNOWN: a type Starling does not know; show
 *   it as a link
 * @STARLING_PREVIEW_CARD_TYPE_LINK: a page
 * @STARLING_PREVIEW_CARD_TYPE_PHOTO: an oEmbed photo
 * @STARLING_PREVIEW_CARD_TYPE_VIDEO: an oEmbed video, with `html`
 * @STARLING_PREVIEW_CARD_TYPE_RICH: an oEmbed rich embed, with `html`
 *
 * What a preview card shows.
 */
typedef enum
{
  STARLING_PREVIEW_CARD_TYPE_UNKNOWN,
  STARLING_PREVIEW_CARD_TYPE_LINK,
  STARLING_PREVIEW_CARD_TYPE_PHOTO,
  STARLING_PREVIEW_CARD_TYPE_VIDEO,
  STARLING_PREVIEW_CARD_TYPE_RICH,
} StarlingPreviewCardType;

#define STARLING_TYPE_PREVIEW_CARD_TYPE (starling_preview_card_type_get_type ())
GType starling_preview_card_type_get_type (void);

#define STARLING_TYPE_PREVIEW_CARD (starling_preview_card_get_type ())

G_DECLARE_FINAL_TYPE (StarlingPreviewCard, starling_preview_card, STARLING, PREVIEW_CARD, StarlingEntity)

/* Each getter returns the property of the same name. `authors` is kept as
 * JSON (a list of {name, url, account}); `html` is an embed from a third
 * party and is never shown as markup. */
const char              *starling_preview_card_get_url               (StarlingPreviewCard *self);
const char              *starling_preview_card_get_title             (StarlingPreviewCard *self);
const char              *starling_preview_card_get_description       (StarlingPreviewCard *self);
StarlingPreviewCardType  starling_preview_card_get_card_type         (StarlingPreviewCard *self);
JsonNode                *starling_preview_card_get_authors           (StarlingPreviewCard *self);
const char              *starling_preview_card_get_author_name       (StarlingPreviewCard *self);
const char              *starling_preview_card_get_author_url        (StarlingPreviewCard *self);
const char              *starling_preview_card_get_provider_name     (StarlingPreviewCard *self);
const char              *starling_preview_card_get_provider_url      (StarlingPreviewCard *self);
const char              *starling_preview_card_get_html              (StarlingPreviewCard *self);
int                      starling_preview_card_get_width             (StarlingPreviewCard *self);
int                      starling_preview_card_get_height            (StarlingPreviewCard *self);
const char              *starling_preview_card_get_image             (StarlingPreviewCard *self);
const char              *starling_preview_card_get_image_description (StarlingPreviewCard *self);
const char              *starling_preview_card_get_embed_url         (StarlingPreviewCard *self);
const char              *starling_preview_card_get_blurhash          (StarlingPreviewCard *self);
const char              *starling_preview_card_get_language          (StarlingPreviewCard *self);
GDateTime               *starling_preview_card_get_published_at      (StarlingPreviewCard *self);

const char              *starling_preview_card_get_author            (StarlingPreviewCard *self);

G_END_DECLS
