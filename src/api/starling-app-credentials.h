/* starling-app-credentials.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define STARLING_TYPE_APP_CREDENTIALS (starling_app_credentials_get_type ())

typedef struct _StarlingAppCredentials StarlingAppCredentials;

GType                   starling_app_credentials_get_type          (void) G_GNUC_CONST;

StarlingAppCredentials *starling_app_credentials_new               (const char                   *client_id,
                                                                    const char                   *client_secret,
                                                                    const char * const           *redirect_uris,
                                                                    const char                   *scopes);
StarlingAppCredentials *starling_app_credentials_new_from_json     (JsonNode                     *node,
                                                                    GError                      **error);
StarlingAppCredentials *starling_app_credentials_new_from_string   (const char                   *text,
                                                                    GError                      **error);
StarlingAppCredentials *starling_app_credentials_ref               (StarlingAppCredentials       *self);
void                    starling_app_credentials_unref             (StarlingAppCredentials       *self);

const char             *starling_app_credentials_get_client_id     (const StarlingAppCredentials *self);
const char             *starling_app_credentials_get_client_secret (const StarlingAppCredentials *self);
const char * const     *starling_app_credentials_get_redirect_uris (const StarlingAppCredentials *self);
const char             *starling_app_credentials_get_scopes        (const StarlingAppCredentials *self);
gboolean                starling_app_credentials_has_redirect_uri  (const StarlingAppCredentials *self,
                                                                    const char                   *redirect_uri);
gboolean                starling_app_credentials_has_scopes        (const StarlingAppCredentials *self,
                                                                    const char                   *scopes);
char                   *starling_app_credentials_to_string         (const StarlingAppCredentials *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StarlingAppCredentials, starling_app_credentials_unref)

G_END_DECLS
