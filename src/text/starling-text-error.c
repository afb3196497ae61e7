/* starling-text-error.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-text"

#include "config.h"

#include "starling-text-error.h"

G_DEFINE_QUARK (starling-text-error-quark, starling_text_error)
