/* starling-account-list-window.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "api/starling-client.h"
#include "ui/media/starling-image-loader.h"

G_BEGIN_DECLS

#define STARLING_TYPE_ACCOUNT_LIST_WINDOW (starling_account_list_window_get_type ())

G_DECLARE_FINAL_TYPE (StarlingAccountListWindow, starling_account_list_window, STARLING, ACCOUNT_LIST_WINDOW, AdwWindow)

StarlingAccountListWindow *starling_account_list_window_new        (GtkWidget               *source,
                                                                    StarlingClient          *client,
                                                                    StarlingImageLoader     *loader,
                                                                    StarlingAccountListKind  kind,
                                                                    const char              *target,
                                                                    const char              *title);
GListModel                *starling_account_list_window_get_accounts (StarlingAccountListWindow *self);
gboolean                   starling_account_list_window_get_loading  (StarlingAccountListWindow *self);
void                       starling_account_list_window_activate_account (StarlingAccountListWindow *self,
                                                                    guint                    position);

G_END_DECLS
