/* starling-window.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "starling-application.h"

G_BEGIN_DECLS

#define STARLING_TYPE_WINDOW (starling_window_get_type ())

G_DECLARE_FINAL_TYPE (StarlingWindow, starling_window, STARLING, WINDOW, AdwApplicationWindow)

StarlingWindow *starling_window_new                (StarlingApplication *application);
const char     *starling_window_get_visible_page   (StarlingWindow      *self);

G_END_DECLS
