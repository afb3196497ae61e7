/* starling-session.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

SoupSession *starling_session_new             (GProxyResolver *demo_resolver);
gboolean     starling_session_is_demo         (SoupSession    *session);
char        *starling_session_user_agent      (void);

gboolean     starling_api_uri_is_loopback     (GUri           *uri);
gboolean     starling_api_check_uri           (SoupSession    *session,
                                               const char     *uri,
                                               GError        **error);
char        *starling_api_base_uri_for_domain (SoupSession    *session,
                                               const char     *domain);

G_END_DECLS
