/* starling-tag.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-entity.h"

G_BEGIN_DECLS

#define STARLING_TYPE_TAG (starling_tag_get_type ())

G_DECLARE_FINAL_TYPE (StarlingTag, starling_tag, STARLING, TAG, StarlingEntity)

/* Each getter returns the property of the same name. `history` holds
 * StarlingTagHistory objects, newest day first. */
const char *starling_tag_get_id        (StarlingTag *self);
const char *starling_tag_get_name      (StarlingTag *self);
const char *starling_tag_get_url       (StarlingTag *self);
GPtrArray  *starling_tag_get_history   (StarlingTag *self);
gboolean    starling_tag_get_following (StarlingTag *self);
gboolean    starling_tag_get_featuring (StarlingTag *self);

void        starling_tag_set_following (StarlingTag *self,
                                        gboolean     following);

G_END_DECLS
