/* starling-test-server.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* What the server received, for the tests to check. */
typedef struct
{
  char               *method;
  char               *path;
  char               *query;
  SoupMessageHeaders *headers;
  GBytes             *body;
  gint64              received_at;
} StarlingTestRequest;

typedef struct _StarlingTestServer StarlingTestServer;

StarlingTestServer *starling_test_server_new           (void);
void                starling_test_server_free          (StarlingTestServer *self);
const char         *starling_test_server_get_base_uri  (StarlingTestServer *self);
void                starling_test_server_respond       (StarlingTestServer *self,
                                                        const char         *method,
                                                        const char         *path,
                                                        guint               status,
                                                        const char         *headers,
                                                        const char         *body);
void                starling_test_server_respond_fixtures (StarlingTestServer *self,
                                                        const char         *method,
                                                        const char         *path,
                                                        guint               status,
                                                        const char         *headers,
                                                        gboolean            as_array,
                                                        ...) G_GNUC_NULL_TERMINATED;
GPtrArray          *starling_test_server_get_requests  (StarlingTestServer *self);
guint               starling_test_server_count         (StarlingTestServer *self,
                                                        const char         *method,
                                                        const char         *path);
StarlingTestRequest *starling_test_server_last         (StarlingTestServer *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StarlingTestServer, starling_test_server_free)

G_END_DECLS
