/* starling-discovery.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "model/starling-nodeinfo.h"

#include "starling-server-info.h"

G_BEGIN_DECLS

char               *starling_discovery_normalize_input       (SoupSession          *session,
                                                              const char           *input,
                                                              GError              **error);

void                starling_discovery_probe_async           (SoupSession          *session,
                                                              const char           *input,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
StarlingServerInfo *starling_discovery_probe_finish          (GAsyncResult         *result,
                                                              GError              **error);

void                starling_discovery_fetch_nodeinfo_async  (SoupSession          *session,
                                                              const char           *domain,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
StarlingNodeInfo   *starling_discovery_fetch_nodeinfo_finish (GAsyncResult         *result,
                                                              GError              **error);

G_END_DECLS
