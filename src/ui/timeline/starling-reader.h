/* starling-reader.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "api/starling-account-manager.h"
#include "api/starling-feed.h"
#include "ui/media/starling-image-loader.h"
#include "ui/shell/starling-main-view.h"

G_BEGIN_DECLS

#define STARLING_TYPE_READER (starling_reader_get_type ())

G_DECLARE_FINAL_TYPE (StarlingReader, starling_reader, STARLING, READER, GObject)

StarlingReader         *starling_reader_new            (StarlingMainView       *view,
                                                        StarlingImageLoader    *loader);
StarlingMainView       *starling_reader_get_main_view  (StarlingReader         *self);
StarlingAccountSession *starling_reader_get_session    (StarlingReader         *self);
void                    starling_reader_set_session    (StarlingReader         *self,
                                                        StarlingAccountSession *session);
void                    starling_reader_set_account_manager (StarlingReader    *self,
                                                        StarlingAccountManager *manager);
StarlingFeed           *starling_reader_get_place_feed (StarlingReader         *self,
                                                        const char             *place_name);
guint                   starling_reader_get_n_accounts_kept (StarlingReader    *self);

G_END_DECLS
