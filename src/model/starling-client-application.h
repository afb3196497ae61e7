/* starling-client-application.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-entity.h"

G_BEGIN_DECLS

#define STARLING_TYPE_CLIENT_APPLICATION (starling_client_application_get_type ())

G_DECLARE_FINAL_TYPE (StarlingClientApplication, starling_client_application, STARLING, CLIENT_APPLICATION, StarlingEntity)

/* Each getter returns the property of the same name. A status's
 * application has only `name` and `website`; the rest belongs to the
 * application Starling registers on a server. */
const char         *starling_client_application_get_name                     (StarlingClientApplication *self);
const char         *starling_client_application_get_website                  (StarlingClientApplication *self);
const char         *starling_client_application_get_id                       (StarlingClientApplication *self);
const char         *starling_client_application_get_client_id                (StarlingClientApplication *self);
const char         *starling_client_application_get_client_secret            (StarlingClientApplication *self);
gint64              starling_client_application_get_client_secret_expires_at (StarlingClientApplication *self);
const char * const *starling_client_application_get_redirect_uris            (StarlingClientApplication *self);
const char * const *starling_client_application_get_scopes                   (StarlingClientApplication *self);
const char         *starling_client_application_get_vapid_key                (StarlingClientApplication *self);

G_END_DECLS
