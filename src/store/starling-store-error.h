/* starling-store-error.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define STARLING_STORE_ERROR (starling_store_error_quark ())

/**
 * StarlingStoreError:
 * @STARLING_STORE_ERROR_LOCKED: the keyring is locked, and unlocking it was
 *   refused or could not be asked
 * @STARLING_STORE_ERROR_UNAVAILABLE: no Secret Service answers on the
 *   session bus (no keyring daemon, no portal)
 * @STARLING_STORE_ERROR_INVALID: a key or value the store refuses to keep
 *   (empty, or not UTF-8)
 * @STARLING_STORE_ERROR_FAILED: the keyring or the database failed in
 *   another way
 *
 * Errors of the store layer.
 */
typedef enum
{
  STARLING_STORE_ERROR_LOCKED,
  STARLING_STORE_ERROR_UNAVAILABLE,
  STARLING_STORE_ERROR_INVALID,
  STARLING_STORE_ERROR_FAILED,
} StarlingStoreError;

GQuark starling_store_error_quark (void);

G_END_DECLS
