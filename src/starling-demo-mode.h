/* starling-demo-mode.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "api/starling-account-manager.h"
#include "demo/starling-demo-server.h"
#include "ui/media/starling-image-loader.h"

G_BEGIN_DECLS

/* The seed of the demo's world: the same sample instance every time. */
#define STARLING_DEMO_MODE_SEED 42

#define STARLING_TYPE_DEMO_MODE (starling_demo_mode_get_type ())

G_DECLARE_FINAL_TYPE (StarlingDemoMode, starling_demo_mode, STARLING, DEMO_MODE, GObject)

void                    starling_demo_mode_start_async          (GCancellable         *cancellable,
                                                                 GAsyncReadyCallback   callback,
                                                                 gpointer              user_data);
StarlingDemoMode       *starling_demo_mode_start_finish         (GAsyncResult         *result,
                                                                 GError              **error);

StarlingAccountManager *starling_demo_mode_get_account_manager  (StarlingDemoMode     *self);
StarlingImageLoader    *starling_demo_mode_get_image_loader     (StarlingDemoMode     *self);
StarlingDemoServer     *starling_demo_mode_get_server           (StarlingDemoMode     *self);
const char             *starling_demo_mode_get_data_dir         (StarlingDemoMode     *self);
void                    starling_demo_mode_stop                 (StarlingDemoMode     *self);

G_END_DECLS
