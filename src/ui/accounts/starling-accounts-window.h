/* starling-accounts-window.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "api/starling-account-manager.h"
#include "ui/media/starling-image-loader.h"

G_BEGIN_DECLS

#define STARLING_TYPE_ACCOUNTS_WINDOW (starling_accounts_window_get_type ())

G_DECLARE_FINAL_TYPE (StarlingAccountsWindow, starling_accounts_window, STARLING, ACCOUNTS_WINDOW, AdwPreferencesWindow)

StarlingAccountsWindow *starling_accounts_window_new         (GtkWindow              *parent,
                                                              StarlingAccountManager *manager,
                                                              StarlingImageLoader    *loader);
GtkWidget              *starling_accounts_window_get_row     (StarlingAccountsWindow *self,
                                                              const char             *handle);
AdwMessageDialog       *starling_accounts_window_ask_remove  (StarlingAccountsWindow *self,
                                                              StarlingAccountSession *account);

G_END_DECLS
