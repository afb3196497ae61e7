/* starling-oauth-token.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define STARLING_TYPE_OAUTH_TOKEN (starling_oauth_token_get_type ())

typedef struct _StarlingOAuthToken StarlingOAuthToken;

GType               starling_oauth_token_get_type          (void) G_GNUC_CONST;

StarlingOAuthToken *starling_oauth_token_new               (const char               *access_token,
                                                            const char               *token_type,
                                                            const char               *scope,
                                                            gint64                    created_at,
                                                            gint64                    expires_in,
                                                            const char               *refresh_token);
StarlingOAuthToken *starling_oauth_token_new_from_json     (JsonNode                 *node,
                                                            GError                  **error);
StarlingOAuthToken *starling_oauth_token_new_from_string   (const char               *text,
                                                            GError                  **error);
StarlingOAuthToken *starling_oauth_token_ref               (StarlingOAuthToken       *self);
void                starling_oauth_token_unref             (StarlingOAuthToken       *self);

const char         *starling_oauth_token_get_access_token  (const StarlingOAuthToken *self);
const char         *starling_oauth_token_get_token_type    (const StarlingOAuthToken *self);
const char         *starling_oauth_token_get_scope         (const StarlingOAuthToken *self);
gint64              starling_oauth_token_get_created_at    (const StarlingOAuthToken *self);
gint64              starling_oauth_token_get_expires_in    (const StarlingOAuthToken *self);
const char         *starling_oauth_token_get_refresh_token (const StarlingOAuthToken *self);
char               *starling_oauth_token_to_string         (const StarlingOAuthToken *self);

gboolean            starling_oauth_token_text_is_valid     (const char               *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StarlingOAuthToken, starling_oauth_token_unref)

G_END_DECLS
