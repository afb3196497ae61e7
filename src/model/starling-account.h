/* starling-account.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-entity.h"

G_BEGIN_DECLS

#define STARLING_TYPE_ACCOUNT (starling_account_get_type ())

G_DECLARE_FINAL_TYPE (StarlingAccount, starling_account, STARLING, ACCOUNT, StarlingEntity)

/* Each getter returns the property of the same name. `fields` holds
 * StarlingAccountField and `emojis` StarlingCustomEmoji objects; `source`
 * and `role` are kept as JSON (only the signed-in account has them). */
const char      *starling_account_get_id (StarlingAccount *self);
const char      *starling_account_get_username (StarlingAccount *self);
const char      *starling_account_get_acct (StarlingAccount *self);
const char      *starling_account_get_url (StarlingAccount *self);
const char      *starling_account_get_uri (StarlingAccount *self);
const char      *starling_account_get_display_name (StarlingAccount *self);
const char      *starling_account_get_note (StarlingAccount *self);
const char      *starling_account_get_avatar (StarlingAccount *self);
const char      *starling_account_get_avatar_static (StarlingAccount *self);
const char      *starling_account_get_header (StarlingAccount *self);
const char      *starling_account_get_header_static (StarlingAccount *self);
const char      *starling_account_get_avatar_description (StarlingAccount *self);
const char      *starling_account_get_header_description (StarlingAccount *self);
gboolean         starling_account_get_locked (StarlingAccount *self);
gboolean         starling_account_get_bot (StarlingAccount *self);
gboolean         starling_account_get_group (StarlingAccount *self);
gboolean         starling_account_get_discoverable (StarlingAccount *self);
gboolean         starling_account_get_indexable (StarlingAccount *self);
gboolean         starling_account_get_noindex (StarlingAccount *self);
gboolean         starling_account_get_suspended (StarlingAccount *self);
gboolean         starling_account_get_limited (StarlingAccount *self);
gboolean         starling_account_get_memorial (StarlingAccount *self);
gboolean         starling_account_get_hide_collections (StarlingAccount *self);
StarlingAccount *starling_account_get_moved (StarlingAccount *self);
GPtrArray       *starling_account_get_fields (StarlingAccount *self);
GPtrArray       *starling_account_get_emojis (StarlingAccount *self);
GDateTime       *starling_account_get_created_at (StarlingAccount *self);
GDateTime       *starling_account_get_last_status_at (StarlingAccount *self);
gint64           starling_account_get_statuses_count (StarlingAccount *self);
gint64           starling_account_get_followers_count (StarlingAccount *self);
gint64           starling_account_get_following_count (StarlingAccount *self);
JsonNode        *starling_account_get_source (StarlingAccount *self);
JsonNode        *starling_account_get_role (StarlingAccount *self);

const char      *starling_account_get_domain  (StarlingAccount *self);
const char      *starling_account_get_display (StarlingAccount *self);

G_END_DECLS
