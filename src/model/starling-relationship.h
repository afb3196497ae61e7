/* starling-relationship.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-entity.h"

G_BEGIN_DECLS

#define STARLING_TYPE_RELATIONSHIP (starling_relationship_get_type ())

G_DECLARE_FINAL_TYPE (StarlingRelationship, starling_relationship, STARLING, RELATIONSHIP, StarlingEntity)

/* Each getter returns the property of the same name. */
const char         *starling_relationship_get_id                   (StarlingRelationship *self);
gboolean            starling_relationship_get_following            (StarlingRelationship *self);
gboolean            starling_relationship_get_showing_reblogs      (StarlingRelationship *self);
gboolean            starling_relationship_get_notifying            (StarlingRelationship *self);
const char * const *starling_relationship_get_languages            (StarlingRelationship *self);
gboolean            starling_relationship_get_followed_by          (StarlingRelationship *self);
gboolean            starling_relationship_get_blocking             (StarlingRelationship *self);
gboolean            starling_relationship_get_blocked_by           (StarlingRelationship *self);
gboolean            starling_relationship_get_muting               (StarlingRelationship *self);
gboolean            starling_relationship_get_muting_notifications (StarlingRelationship *self);
GDateTime          *starling_relationship_get_muting_expires_at    (StarlingRelationship *self);
gboolean            starling_relationship_get_requested            (StarlingRelationship *self);
gboolean            starling_relationship_get_requested_by         (StarlingRelationship *self);
gboolean            starling_relationship_get_domain_blocking      (StarlingRelationship *self);
gboolean            starling_relationship_get_endorsed             (StarlingRelationship *self);
const char         *starling_relationship_get_note                 (StarlingRelationship *self);

G_END_DECLS
