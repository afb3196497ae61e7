/* starling-window.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "starling-application.h"
#include "ui/accounts/starling-account-switcher.h"
#include "ui/accounts/starling-accounts-window.h"
#include "ui/accounts/starling-add-account-dialog.h"
#include "ui/shell/starling-main-view.h"

G_BEGIN_DECLS

#define STARLING_TYPE_WINDOW (starling_window_get_type ())

G_DECLARE_FINAL_TYPE (StarlingWindow, starling_window, STARLING, WINDOW, AdwApplicationWindow)

StarlingWindow           *starling_window_new                  (StarlingApplication    *application);
const char               *starling_window_get_visible_page     (StarlingWindow         *self);
const char               *starling_window_get_problem          (StarlingWindow         *self);
StarlingMainView         *starling_window_get_main_view        (StarlingWindow         *self);
StarlingAccountSwitcher  *starling_window_get_account_switcher (StarlingWindow         *self);

StarlingAddAccountDialog *starling_window_add_account          (StarlingWindow         *self);
StarlingAddAccountDialog *starling_window_sign_in_again        (StarlingWindow         *self,
                                                                StarlingAccountSession *account);
StarlingAccountsWindow   *starling_window_manage_accounts      (StarlingWindow         *self);

G_END_DECLS
