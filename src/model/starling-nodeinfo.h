/* starling-nodeinfo.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-entity.h"
#include "starling-software.h"

G_BEGIN_DECLS

#define STARLING_TYPE_NODEINFO (starling_nodeinfo_get_type ())

G_DECLARE_FINAL_TYPE (StarlingNodeInfo, starling_nodeinfo, STARLING, NODEINFO, StarlingEntity)

/* Each getter returns the property of the same name. Counts are -1 when
 * the server does not say. */
const char         *starling_nodeinfo_get_schema_version        (StarlingNodeInfo *self);
const char         *starling_nodeinfo_get_software_name         (StarlingNodeInfo *self);
const char         *starling_nodeinfo_get_software_version      (StarlingNodeInfo *self);
const char         *starling_nodeinfo_get_software_repository   (StarlingNodeInfo *self);
const char         *starling_nodeinfo_get_software_homepage     (StarlingNodeInfo *self);
StarlingSoftware    starling_nodeinfo_get_software              (StarlingNodeInfo *self);
const char * const *starling_nodeinfo_get_protocols             (StarlingNodeInfo *self);
const char * const *starling_nodeinfo_get_services_inbound      (StarlingNodeInfo *self);
const char * const *starling_nodeinfo_get_services_outbound     (StarlingNodeInfo *self);
gboolean            starling_nodeinfo_get_open_registrations    (StarlingNodeInfo *self);
gint64              starling_nodeinfo_get_users_total           (StarlingNodeInfo *self);
gint64              starling_nodeinfo_get_users_active_month    (StarlingNodeInfo *self);
gint64              starling_nodeinfo_get_users_active_halfyear (StarlingNodeInfo *self);
gint64              starling_nodeinfo_get_local_posts           (StarlingNodeInfo *self);
gint64              starling_nodeinfo_get_local_comments        (StarlingNodeInfo *self);
const char         *starling_nodeinfo_get_node_name             (StarlingNodeInfo *self);
const char         *starling_nodeinfo_get_node_description      (StarlingNodeInfo *self);
const char * const *starling_nodeinfo_get_features              (StarlingNodeInfo *self);

char               *starling_nodeinfo_pick_link                 (JsonNode          *wellknown,
                                                                 GError           **error);

G_END_DECLS
