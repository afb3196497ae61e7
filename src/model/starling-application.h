/* starling-application.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-entity.h"

G_BEGIN_DECLS

#define STARLING_TYPE_APPLICATION (starling_application_get_type ())

G_DECLARE_FINAL_TYPE (StarlingApplication, starling_application, STARLING, APPLICATION, StarlingEntity)

/* Each getter returns the property of the same name. A status's
 * application has only `name` and `website`; the rest belongs to the
 * application Starling registers on a server. */
const char         *starling_application_get_name                     (StarlingApplication *self);
const char         *starling_application_get_website                  (StarlingApplication *self);
const char         *starling_application_get_id                       (StarlingApplication *self);
const char         *starling_application_get_client_id                (StarlingApplication *self);
const char         *starling_application_get_client_secret            (StarlingApplication *self);
gint64              starling_application_get_client_secret_expires_at (StarlingApplication *self);
const char * const *starling_application_get_redirect_uris            (StarlingApplication *self);
const char * const *starling_application_get_scopes                   (StarlingApplication *self);
const char         *starling_application_get_vapid_key                (StarlingApplication *self);

G_END_DECLS
