/* starling-text-error.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define STARLING_TEXT_ERROR (starling_text_error_quark ())

/**
 * StarlingTextError:
 * @STARLING_TEXT_ERROR_MALFORMED: the input is not what it claims to be
 *   (a blurhash of the wrong length, a character outside its alphabet)
 * @STARLING_TEXT_ERROR_TOO_LARGE: the output asked for is larger than the
 *   layer agrees to produce
 *
 * Errors of the text layer.
 */
typedef enum
{
  STARLING_TEXT_ERROR_MALFORMED,
  STARLING_TEXT_ERROR_TOO_LARGE,
} StarlingTextError;

GQuark starling_text_error_quark (void);

G_END_DECLS
