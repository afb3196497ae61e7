/* starling-instance.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-account.h"
#include "starling-entity.h"
#include "starling-software.h"

G_BEGIN_DECLS

#define STARLING_TYPE_INSTANCE (starling_instance_get_type ())

G_DECLARE_FINAL_TYPE (StarlingInstance, starling_instance, STARLING, INSTANCE, StarlingEntity)

StarlingInstance   *starling_instance_new_default                     (const char       *domain);

/* Each getter returns the property of the same name. `rules` holds
 * StarlingRule objects. User and post counts are -1 when unknown. */
const char         *starling_instance_get_domain                      (StarlingInstance *self);
const char         *starling_instance_get_title                       (StarlingInstance *self);
const char         *starling_instance_get_version                     (StarlingInstance *self);
const char         *starling_instance_get_source_url                  (StarlingInstance *self);
const char         *starling_instance_get_description                 (StarlingInstance *self);
int                 starling_instance_get_api_version                 (StarlingInstance *self);
const char         *starling_instance_get_streaming_url               (StarlingInstance *self);
int                 starling_instance_get_max_characters              (StarlingInstance *self);
int                 starling_instance_get_characters_reserved_per_url (StarlingInstance *self);
int                 starling_instance_get_max_media_attachments       (StarlingInstance *self);
int                 starling_instance_get_max_poll_options            (StarlingInstance *self);
int                 starling_instance_get_max_characters_per_option   (StarlingInstance *self);
gint64              starling_instance_get_min_expiration              (StarlingInstance *self);
gint64              starling_instance_get_max_expiration              (StarlingInstance *self);
const char * const *starling_instance_get_supported_mime_types        (StarlingInstance *self);
gint64              starling_instance_get_image_size_limit            (StarlingInstance *self);
gint64              starling_instance_get_video_size_limit            (StarlingInstance *self);
int                 starling_instance_get_description_limit           (StarlingInstance *self);
gboolean            starling_instance_get_translation_enabled         (StarlingInstance *self);
gboolean            starling_instance_get_registrations_enabled       (StarlingInstance *self);
gboolean            starling_instance_get_approval_required           (StarlingInstance *self);
const char         *starling_instance_get_contact_email               (StarlingInstance *self);
StarlingAccount    *starling_instance_get_contact_account             (StarlingInstance *self);
GPtrArray          *starling_instance_get_rules                       (StarlingInstance *self);
const char         *starling_instance_get_thumbnail_url               (StarlingInstance *self);
const char * const *starling_instance_get_languages                   (StarlingInstance *self);
gint64              starling_instance_get_users_active_month          (StarlingInstance *self);
gint64              starling_instance_get_users_total                 (StarlingInstance *self);
gint64              starling_instance_get_local_posts                 (StarlingInstance *self);
gint64              starling_instance_get_domain_count                (StarlingInstance *self);
const char         *starling_instance_get_software_name               (StarlingInstance *self);
const char         *starling_instance_get_software_version            (StarlingInstance *self);
StarlingSoftware    starling_instance_get_software                    (StarlingInstance *self);

G_END_DECLS
