/* starling-account-switcher.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "api/starling-account-manager.h"
#include "ui/media/starling-image-loader.h"

G_BEGIN_DECLS

#define STARLING_TYPE_ACCOUNT_SWITCHER (starling_account_switcher_get_type ())

G_DECLARE_FINAL_TYPE (StarlingAccountSwitcher, starling_account_switcher, STARLING, ACCOUNT_SWITCHER, AdwBin)

GtkWidget  *starling_account_switcher_new              (void);
void        starling_account_switcher_set_manager      (StarlingAccountSwitcher *self,
                                                        StarlingAccountManager  *manager,
                                                        StarlingImageLoader     *loader);
void        starling_account_switcher_popup            (StarlingAccountSwitcher *self);
void        starling_account_switcher_popdown          (StarlingAccountSwitcher *self);
GtkListBox *starling_account_switcher_get_list         (StarlingAccountSwitcher *self);

char       *starling_account_state_describe            (StarlingAccountState     state);

G_END_DECLS
