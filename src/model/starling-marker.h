/* starling-marker.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-entity.h"

G_BEGIN_DECLS

#define STARLING_TYPE_MARKER (starling_marker_get_type ())

G_DECLARE_FINAL_TYPE (StarlingMarker, starling_marker, STARLING, MARKER, StarlingEntity)

/* Each getter returns the property of the same name. */
const char *starling_marker_get_last_read_id  (StarlingMarker     *self);
gint64      starling_marker_get_version       (StarlingMarker     *self);
GDateTime  *starling_marker_get_updated_at    (StarlingMarker     *self);

gboolean    starling_marker_decode_document   (JsonNode           *node,
                                               StarlingMarker    **home,
                                               StarlingMarker    **notifications,
                                               GError            **error);

G_END_DECLS
