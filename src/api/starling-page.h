/* starling-page.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "starling-request.h"

G_BEGIN_DECLS

#define STARLING_TYPE_PAGE (starling_page_get_type ())

G_DECLARE_FINAL_TYPE (StarlingPage, starling_page, STARLING, PAGE, GObject)

StarlingPage    *starling_page_new                (StarlingRequest *request,
                                                   GPtrArray       *items,
                                                   const char      *request_uri,
                                                   const char      *link_header,
                                                   guint            http_status);

GPtrArray       *starling_page_get_items          (StarlingPage    *self);
guint            starling_page_get_n_items        (StarlingPage    *self);
gpointer         starling_page_get_item           (StarlingPage    *self,
                                                   guint            position);
gboolean         starling_page_get_partial        (StarlingPage    *self);
gboolean         starling_page_has_link_header    (StarlingPage    *self);

const char      *starling_page_get_next_uri       (StarlingPage    *self);
const char      *starling_page_get_next_max_id    (StarlingPage    *self);
const char      *starling_page_get_prev_uri       (StarlingPage    *self);
const char      *starling_page_get_prev_min_id    (StarlingPage    *self);
const char      *starling_page_get_prev_since_id  (StarlingPage    *self);
StarlingRequest *starling_page_get_next_request   (StarlingPage    *self);
StarlingRequest *starling_page_get_prev_request   (StarlingPage    *self);

G_END_DECLS
