/* starling-timeline-page.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "api/starling-account-manager.h"
#include "api/starling-feed.h"
#include "ui/media/starling-image-loader.h"

G_BEGIN_DECLS

#define STARLING_TYPE_TIMELINE_PAGE (starling_timeline_page_get_type ())

G_DECLARE_FINAL_TYPE (StarlingTimelinePage, starling_timeline_page, STARLING, TIMELINE_PAGE, GtkWidget)

GtkWidget           *starling_timeline_page_new               (StarlingAccountSession *session,
                                                               StarlingFeed           *feed);

StarlingAccountSession *
                     starling_timeline_page_get_session       (StarlingTimelinePage   *self);
StarlingFeed        *starling_timeline_page_get_feed          (StarlingTimelinePage   *self);
const char          *starling_timeline_page_get_title         (StarlingTimelinePage   *self);
void                 starling_timeline_page_set_title         (StarlingTimelinePage   *self,
                                                               const char             *title);
GtkWidget           *starling_timeline_page_get_header_widget (StarlingTimelinePage   *self);
void                 starling_timeline_page_add_header_widget (StarlingTimelinePage   *self,
                                                               GtkWidget              *widget);
StarlingImageLoader *starling_timeline_page_get_image_loader  (StarlingTimelinePage   *self);
void                 starling_timeline_page_set_image_loader  (StarlingTimelinePage   *self,
                                                               StarlingImageLoader    *loader);
gboolean             starling_timeline_page_get_keep_active   (StarlingTimelinePage   *self);
void                 starling_timeline_page_set_keep_active   (StarlingTimelinePage   *self,
                                                               gboolean                keep_active);

void                 starling_timeline_page_refresh           (StarlingTimelinePage   *self);
void                 starling_timeline_page_scroll_to_top     (StarlingTimelinePage   *self);
guint                starling_timeline_page_get_n_new         (StarlingTimelinePage   *self);
const char          *starling_timeline_page_get_state         (StarlingTimelinePage   *self);
const char          *starling_timeline_page_get_banner_message (StarlingTimelinePage  *self);
GtkListView         *starling_timeline_page_get_list_view     (StarlingTimelinePage   *self);
GtkAdjustment       *starling_timeline_page_get_vadjustment   (StarlingTimelinePage   *self);
GtkWidget           *starling_timeline_page_get_row_at        (StarlingTimelinePage   *self,
                                                               guint                   position);
int                  starling_timeline_page_get_focus_position (StarlingTimelinePage  *self);
gboolean             starling_timeline_page_focus_position    (StarlingTimelinePage   *self,
                                                               guint                   position);
gboolean             starling_timeline_page_get_settled       (StarlingTimelinePage   *self);
int                  starling_timeline_page_get_top_position  (StarlingTimelinePage   *self);
guint                starling_timeline_page_get_trim_margin   (StarlingTimelinePage   *self);
void                 starling_timeline_page_set_trim_margin   (StarlingTimelinePage   *self,
                                                               guint                   margin);

G_END_DECLS
