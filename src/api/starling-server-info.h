/* starling-server-info.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "model/starling-instance.h"
#include "model/starling-nodeinfo.h"
#include "model/starling-software.h"

G_BEGIN_DECLS

#define STARLING_TYPE_SERVER_INFO (starling_server_info_get_type ())

G_DECLARE_FINAL_TYPE (StarlingServerInfo, starling_server_info, STARLING, SERVER_INFO, GObject)

StarlingServerInfo     *starling_server_info_new                     (const char         *base_uri,
                                                                      StarlingNodeInfo   *nodeinfo,
                                                                      StarlingInstance   *instance);

const char             *starling_server_info_get_base_uri            (StarlingServerInfo *self);
const char             *starling_server_info_get_domain              (StarlingServerInfo *self);
char                   *starling_server_info_dup_title               (StarlingServerInfo *self);
StarlingSoftware        starling_server_info_get_software            (StarlingServerInfo *self);
const char             *starling_server_info_get_software_version    (StarlingServerInfo *self);
StarlingSoftwareQuirks  starling_server_info_get_quirks              (StarlingServerInfo *self);
gint64                  starling_server_info_get_users_total         (StarlingServerInfo *self);
gboolean                starling_server_info_get_speaks_mastodon_api (StarlingServerInfo *self);
StarlingNodeInfo       *starling_server_info_get_nodeinfo            (StarlingServerInfo *self);
StarlingInstance       *starling_server_info_get_instance            (StarlingServerInfo *self);
gboolean                starling_server_info_check_mastodon_api      (StarlingServerInfo *self,
                                                                      GError            **error);

G_END_DECLS
