/* starling-pkce.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* RFC 7636 §4.1: a verifier has 43 to 128 characters. */
#define STARLING_PKCE_VERIFIER_MIN_LENGTH 43
#define STARLING_PKCE_VERIFIER_MAX_LENGTH 128

gboolean  starling_pkce_random_bytes      (guint8      *buffer,
                                           gsize        length,
                                           GError     **error);
char     *starling_pkce_base64url_encode  (const guint8 *data,
                                           gsize         length);
char     *starling_pkce_new_verifier      (gsize         length,
                                           GError      **error);
char     *starling_pkce_new_state         (GError      **error);
gboolean  starling_pkce_verifier_is_valid (const char   *verifier);
char     *starling_pkce_challenge_s256    (const char   *verifier);

G_END_DECLS
