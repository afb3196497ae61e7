/* starling-application.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ui/media/starling-image-loader.h"

G_BEGIN_DECLS

#define STARLING_TYPE_APPLICATION (starling_application_get_type ())

G_DECLARE_FINAL_TYPE (StarlingApplication, starling_application, STARLING, APPLICATION, AdwApplication)

StarlingApplication *starling_application_new          (void);
GSettings           *starling_application_get_settings (StarlingApplication *self);
StarlingImageLoader *starling_application_get_image_loader (StarlingApplication *self);

G_END_DECLS
