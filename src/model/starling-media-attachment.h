/* starling-media-attachment.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-entity.h"

G_BEGIN_DECLS

/**
 * StarlingMediaType:
 * @STARLING_MEDIA_TYPE_UNKNOWN: a file the server could not process, or a
 *   type Starling does not know; offer `remote-url` or `url` as a link
 * @STARLING_MEDIA_TYPE_IMAGE: a still image
 * @STARLING_MEDIA_TYPE_GIFV: a looping silent video (an animated GIF)
 * @STARLING_MEDIA_TYPE_VIDEO: a video
 * @STARLING_MEDIA_TYPE_AUDIO: a sound
 *
 * What a media attachment holds.
 */
typedef enum
{
  STARLING_MEDIA_TYPE_UNKNOWN,
  STARLING_MEDIA_TYPE_IMAGE,
  STARLING_MEDIA_TYPE_GIFV,
  STARLING_MEDIA_TYPE_VIDEO,
  STARLING_MEDIA_TYPE_AUDIO,
} StarlingMediaType;

#define STARLING_TYPE_MEDIA_TYPE (starling_media_type_get_type ())
GType starling_media_type_get_type (void);

#define STARLING_TYPE_MEDIA_ATTACHMENT (starling_media_attachment_get_type ())

G_DECLARE_FINAL_TYPE (StarlingMediaAttachment, starling_media_attachment, STARLING, MEDIA_ATTACHMENT, StarlingEntity)

/* Each getter returns the property of the same name. `meta` is kept as
 * JSON; `width`, `height`, `aspect`, `focus-x` and `focus-y` are read from
 * it (see StarlingMediaAttachment). */
const char        *starling_media_attachment_get_id          (StarlingMediaAttachment *self);
StarlingMediaType  starling_media_attachment_get_media_type  (StarlingMediaAttachment *self);
const char        *starling_media_attachment_get_url         (StarlingMediaAttachment *self);
const char        *starling_media_attachment_get_preview_url (StarlingMediaAttachment *self);
const char        *starling_media_attachment_get_remote_url  (StarlingMediaAttachment *self);
const char        *starling_media_attachment_get_description (StarlingMediaAttachment *self);
const char        *starling_media_attachment_get_blurhash    (StarlingMediaAttachment *self);
JsonNode          *starling_media_attachment_get_meta        (StarlingMediaAttachment *self);
int                starling_media_attachment_get_width       (StarlingMediaAttachment *self);
int                starling_media_attachment_get_height      (StarlingMediaAttachment *self);
double             starling_media_attachment_get_aspect      (StarlingMediaAttachment *self);
double             starling_media_attachment_get_focus_x     (StarlingMediaAttachment *self);
double             starling_media_attachment_get_focus_y     (StarlingMediaAttachment *self);

G_END_DECLS
