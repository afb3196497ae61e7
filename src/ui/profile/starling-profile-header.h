/* starling-profile-header.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "model/starling-account.h"
#include "model/starling-relationship.h"
#include "model/starling-software.h"
#include "ui/media/starling-image-loader.h"

G_BEGIN_DECLS

#define STARLING_TYPE_PROFILE_HEADER (starling_profile_header_get_type ())

G_DECLARE_FINAL_TYPE (StarlingProfileHeader, starling_profile_header, STARLING, PROFILE_HEADER, GtkWidget)

GtkWidget            *starling_profile_header_new              (void);
void                  starling_profile_header_set_account      (StarlingProfileHeader *self,
                                                                StarlingAccount       *account,
                                                                StarlingImageLoader   *loader);
StarlingAccount      *starling_profile_header_get_account      (StarlingProfileHeader *self);
void                  starling_profile_header_set_relationship (StarlingProfileHeader *self,
                                                                StarlingRelationship  *relationship);
void                  starling_profile_header_set_own          (StarlingProfileHeader *self,
                                                                gboolean               own);
void                  starling_profile_header_set_software     (StarlingProfileHeader *self,
                                                                StarlingSoftware       software);
const char           *starling_profile_header_get_tab          (StarlingProfileHeader *self);
void                  starling_profile_header_set_tab          (StarlingProfileHeader *self,
                                                                const char            *tab);
const char           *starling_profile_header_get_relationship_label (StarlingProfileHeader *self);

char                 *starling_profile_header_dup_relationship_label (StarlingRelationship *relationship,
                                                                      gboolean              own);

G_END_DECLS
