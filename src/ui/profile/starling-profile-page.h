/* starling-profile-page.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "api/starling-account-manager.h"
#include "api/starling-feed.h"
#include "model/starling-relationship.h"
#include "ui/media/starling-image-loader.h"

G_BEGIN_DECLS

#define STARLING_TYPE_PROFILE_PAGE (starling_profile_page_get_type ())

G_DECLARE_FINAL_TYPE (StarlingProfilePage, starling_profile_page, STARLING, PROFILE_PAGE, AdwBin)

GtkWidget            *starling_profile_page_new              (StarlingAccountSession *session,
                                                              const char             *account_id);
const char           *starling_profile_page_get_title        (StarlingProfilePage    *self);
const char           *starling_profile_page_get_account_id   (StarlingProfilePage    *self);
const char           *starling_profile_page_get_state        (StarlingProfilePage    *self);
StarlingAccount      *starling_profile_page_get_account      (StarlingProfilePage    *self);
StarlingRelationship *starling_profile_page_get_relationship (StarlingProfilePage    *self);
GtkWidget            *starling_profile_page_get_header       (StarlingProfilePage    *self);
GListModel           *starling_profile_page_get_model        (StarlingProfilePage    *self);
StarlingFeed         *starling_profile_page_get_feed         (StarlingProfilePage    *self,
                                                              const char             *tab);
void                  starling_profile_page_set_image_loader (StarlingProfilePage    *self,
                                                              StarlingImageLoader    *loader);

G_END_DECLS
