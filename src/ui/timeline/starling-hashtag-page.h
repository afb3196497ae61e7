/* starling-hashtag-page.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "api/starling-account-manager.h"
#include "api/starling-feed.h"

#include "starling-timeline-page.h"

G_BEGIN_DECLS

#define STARLING_TYPE_HASHTAG_PAGE (starling_hashtag_page_get_type ())

G_DECLARE_FINAL_TYPE (StarlingHashtagPage, starling_hashtag_page, STARLING, HASHTAG_PAGE, GtkWidget)

GtkWidget            *starling_hashtag_page_new               (StarlingAccountSession *session,
                                                               StarlingFeed           *feed);
const char           *starling_hashtag_page_get_tag           (StarlingHashtagPage    *self);
StarlingTimelinePage *starling_hashtag_page_get_timeline_page (StarlingHashtagPage    *self);
gboolean              starling_hashtag_page_get_following     (StarlingHashtagPage    *self);
gboolean              starling_hashtag_page_get_busy          (StarlingHashtagPage    *self);
void                  starling_hashtag_page_toggle_follow     (StarlingHashtagPage    *self);

G_END_DECLS
