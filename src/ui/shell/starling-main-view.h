/* starling-main-view.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "model/starling-account.h"
#include "ui/media/starling-image-loader.h"

G_BEGIN_DECLS

#define STARLING_TYPE_MAIN_VIEW (starling_main_view_get_type ())

G_DECLARE_FINAL_TYPE (StarlingMainView, starling_main_view, STARLING, MAIN_VIEW, AdwBin)

GtkWidget   *starling_main_view_new                  (void);

const char * const *starling_main_view_get_place_names (void);

const char  *starling_main_view_get_place            (StarlingMainView *self);
void         starling_main_view_set_place            (StarlingMainView *self,
                                                      const char       *place_name);
void         starling_main_view_set_page             (StarlingMainView *self,
                                                      const char       *place_name,
                                                      GtkWidget        *widget);
GtkWidget   *starling_main_view_get_page             (StarlingMainView *self,
                                                      const char       *place_name);

void         starling_main_view_set_account_switcher (StarlingMainView *self,
                                                      GtkWidget        *switcher);
void         starling_main_view_set_account          (StarlingMainView *self,
                                                      StarlingAccount  *account,
                                                      const char       *handle,
                                                      const char       *display_name,
                                                      const char       *avatar_url,
                                                      StarlingImageLoader *loader);

void         starling_main_view_show_banner          (StarlingMainView *self,
                                                      const char       *icon_name,
                                                      const char       *message,
                                                      const char       *button_label,
                                                      const char       *action_name);
void         starling_main_view_hide_banner          (StarlingMainView *self);
const char  *starling_main_view_get_banner_message   (StarlingMainView *self);

void         starling_main_view_push_page            (StarlingMainView *self,
                                                      GtkWidget        *page);
gboolean     starling_main_view_pop_page             (StarlingMainView *self);
guint        starling_main_view_get_n_pushed         (StarlingMainView *self);
GtkWidget   *starling_main_view_get_visible_page     (StarlingMainView *self);
const char  *starling_main_view_get_title            (StarlingMainView *self);

gboolean     starling_main_view_get_folded           (StarlingMainView *self);
gboolean     starling_main_view_get_showing_content  (StarlingMainView *self);
void         starling_main_view_show_sidebar         (StarlingMainView *self);

G_END_DECLS
