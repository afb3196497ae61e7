/* starling-store-error.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "starling-store-error.h"

G_DEFINE_QUARK (starling-store-error-quark, starling_store_error)
