/* starling-link-header.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STARLING_TYPE_LINK_HEADER (starling_link_header_get_type ())

G_DECLARE_FINAL_TYPE (StarlingLinkHeader, starling_link_header, STARLING, LINK_HEADER, GObject)

StarlingLinkHeader *starling_link_header_parse           (const char         *value,
                                                          const char         *base_uri);
guint               starling_link_header_get_n_links     (StarlingLinkHeader *self);
const char         *starling_link_header_get_uri         (StarlingLinkHeader *self,
                                                          const char         *rel);
const char         *starling_link_header_get_next_uri    (StarlingLinkHeader *self);
const char         *starling_link_header_get_prev_uri    (StarlingLinkHeader *self);
const char         *starling_link_header_get_next_max_id (StarlingLinkHeader *self);
const char         *starling_link_header_get_prev_min_id (StarlingLinkHeader *self);
const char         *starling_link_header_get_prev_since_id (StarlingLinkHeader *self);

char               *starling_uri_get_query_param         (const char         *uri,
                                                          const char         *name);

G_END_DECLS
