/* starling-thread-page.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "api/starling-account-manager.h"
#include "ui/media/starling-image-loader.h"

G_BEGIN_DECLS

#define STARLING_TYPE_THREAD_PAGE (starling_thread_page_get_type ())

G_DECLARE_FINAL_TYPE (StarlingThreadPage, starling_thread_page, STARLING, THREAD_PAGE, AdwBin)

GtkWidget  *starling_thread_page_new              (StarlingAccountSession *session,
                                                   const char             *status_id);
const char *starling_thread_page_get_title        (StarlingThreadPage     *self);
const char *starling_thread_page_get_status_id    (StarlingThreadPage     *self);
const char *starling_thread_page_get_state        (StarlingThreadPage     *self);
GListModel *starling_thread_page_get_model        (StarlingThreadPage     *self);
guint       starling_thread_page_get_focused_position (StarlingThreadPage *self);
void        starling_thread_page_set_image_loader (StarlingThreadPage     *self,
                                                   StarlingImageLoader    *loader);
void        starling_thread_page_reload           (StarlingThreadPage     *self);

G_END_DECLS
