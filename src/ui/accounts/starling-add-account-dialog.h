/* starling-add-account-dialog.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "api/starling-account-manager.h"

G_BEGIN_DECLS

/**
 * StarlingOpenUriFunc:
 * @parent: (nullable): the window the browser opens for
 * @uri: the address to show
 * @user_data: the data given with the function
 *
 * Opens @uri in the user's browser. The application's own opens the
 * default browser; the tests and the demo play the browser themselves.
 */
typedef void (*StarlingOpenUriFunc) (GtkWindow  *parent,
                                     const char *uri,
                                     gpointer    user_data);

#define STARLING_TYPE_ADD_ACCOUNT_DIALOG (starling_add_account_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StarlingAddAccountDialog, starling_add_account_dialog, STARLING, ADD_ACCOUNT_DIALOG, AdwWindow)

StarlingAddAccountDialog *starling_add_account_dialog_new        (GtkWindow                *parent,
                                                                  StarlingAccountManager   *manager,
                                                                  StarlingOpenUriFunc       open_uri,
                                                                  gpointer                  open_uri_data);
void                      starling_add_account_dialog_sign_in_again (StarlingAddAccountDialog *self,
                                                                  StarlingAccountSession   *account);
const char               *starling_add_account_dialog_get_page   (StarlingAddAccountDialog *self);
const char               *starling_add_account_dialog_get_error_title (StarlingAddAccountDialog *self);

G_END_DECLS
