/* starling-application.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "api/starling-account-manager.h"
#include "demo/starling-demo-server.h"
#include "ui/accounts/starling-add-account-dialog.h"
#include "ui/media/starling-image-loader.h"

G_BEGIN_DECLS

#define STARLING_TYPE_APPLICATION (starling_application_get_type ())

G_DECLARE_FINAL_TYPE (StarlingApplication, starling_application, STARLING, APPLICATION, AdwApplication)

StarlingApplication    *starling_application_new                 (void);
GSettings              *starling_application_get_settings        (StarlingApplication *self);
StarlingImageLoader    *starling_application_get_image_loader    (StarlingApplication *self);

StarlingAccountManager *starling_application_get_account_manager (StarlingApplication *self);
gboolean                starling_application_get_busy            (StarlingApplication *self);
const char             *starling_application_get_busy_message    (StarlingApplication *self);
const GError           *starling_application_get_error           (StarlingApplication *self);
gboolean                starling_application_get_error_is_demo   (StarlingApplication *self);
const char             *starling_application_get_recovered_path  (StarlingApplication *self);
void                    starling_application_forget_recovered_path (StarlingApplication *self);

void                    starling_application_set_storage         (StarlingApplication *self,
                                                                  const char          *database_path,
                                                                  gboolean             memory_only);
void                    starling_application_load                (StarlingApplication *self);

gboolean                starling_application_get_demo            (StarlingApplication *self);
const char             *starling_application_get_demo_data_dir   (StarlingApplication *self);
StarlingDemoServer     *starling_application_get_demo_server     (StarlingApplication *self);
void                    starling_application_start_demo          (StarlingApplication *self);
void                    starling_application_leave_demo          (StarlingApplication *self);

void                    starling_application_set_open_uri_func   (StarlingApplication *self,
                                                                  StarlingOpenUriFunc  open_uri,
                                                                  gpointer             user_data,
                                                                  GDestroyNotify       destroy);
void                    starling_application_open_uri            (StarlingApplication *self,
                                                                  GtkWindow           *parent,
                                                                  const char          *uri);

G_END_DECLS
