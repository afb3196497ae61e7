/* starling-demo-server.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "starling-demo-request.h"

G_BEGIN_DECLS

/**
 * StarlingDemoFault:
 * @STARLING_DEMO_FAULT_LATENCY: answer after `param` milliseconds
 * @STARLING_DEMO_FAULT_RATE_LIMIT: 429 `{"error":"Too many requests"}` with
 *   `X-RateLimit-Remaining: 0` and `X-RateLimit-Reset` `param` seconds ahead
 * @STARLING_DEMO_FAULT_SERVER_ERROR: status `param` (500, 502, 503…) with an
 *   HTML page as the body
 * @STARLING_DEMO_FAULT_EMPTY_ERROR: status `param` with an empty body
 * @STARLING_DEMO_FAULT_DROP_CONNECTION: the request is carried out, then the
 *   connection is closed without an answer (a post is still published)
 * @STARLING_DEMO_FAULT_TRUNCATED_JSON: the real answer, cut in the middle
 * @STARLING_DEMO_FAULT_MALFORMED_JSON: a 200 whose body is not JSON
 * @STARLING_DEMO_FAULT_BAD_TOKEN_422: 422 `{"error":"The access token is invalid"}`
 * @STARLING_DEMO_FAULT_STREAM_DROP: open WebSockets whose path matches are
 *   closed at once, and new ones right after they connect
 *
 * What starling_demo_server_add_fault() makes go wrong.
 */
typedef enum
{
  STARLING_DEMO_FAULT_LATENCY,
  STARLING_DEMO_FAULT_RATE_LIMIT,
  STARLING_DEMO_FAULT_SERVER_ERROR,
  STARLING_DEMO_FAULT_EMPTY_ERROR,
  STARLING_DEMO_FAULT_DROP_CONNECTION,
  STARLING_DEMO_FAULT_TRUNCATED_JSON,
  STARLING_DEMO_FAULT_MALFORMED_JSON,
  STARLING_DEMO_FAULT_BAD_TOKEN_422,
  STARLING_DEMO_FAULT_STREAM_DROP,
} StarlingDemoFault;

#define STARLING_TYPE_DEMO_SERVER (starling_demo_server_get_type ())

G_DECLARE_FINAL_TYPE (StarlingDemoServer, starling_demo_server, STARLING, DEMO_SERVER, GObject)

StarlingDemoServer *starling_demo_server_new                  (guint32             seed);
StarlingDemoServer *starling_demo_server_new_at               (guint32             seed,
                                                               gint64              epoch);
gboolean            starling_demo_server_start                (StarlingDemoServer *self,
                                                               GError            **error);
void                starling_demo_server_stop                 (StarlingDemoServer *self);
const char         *starling_demo_server_get_base_uri         (StarlingDemoServer *self);
const char         *starling_demo_server_get_domain           (StarlingDemoServer *self);
GProxyResolver     *starling_demo_server_get_proxy_resolver   (StarlingDemoServer *self);
guint32             starling_demo_server_get_seed             (StarlingDemoServer *self);
gint64              starling_demo_server_get_epoch            (StarlingDemoServer *self);
const char         *starling_demo_server_get_brand_id         (StarlingDemoServer *self);
char               *starling_demo_server_dup_thread_root_id   (StarlingDemoServer *self);

char               *starling_demo_server_create_token         (StarlingDemoServer *self,
                                                               const char         *scopes);
guint               starling_demo_server_revoke_tokens        (StarlingDemoServer *self);

void                starling_demo_server_add_fault            (StarlingDemoServer *self,
                                                               const char         *method,
                                                               const char         *path_glob,
                                                               StarlingDemoFault   fault,
                                                               guint               times,
                                                               guint               param);
gboolean            starling_demo_server_add_faults_from_string (StarlingDemoServer *self,
                                                               const char         *spec,
                                                               GError            **error);
void                starling_demo_server_clear_faults         (StarlingDemoServer *self);

GPtrArray          *starling_demo_server_get_requests         (StarlingDemoServer *self);
void                starling_demo_server_clear_requests       (StarlingDemoServer *self);
guint               starling_demo_server_count_requests       (StarlingDemoServer *self,
                                                               const char         *method,
                                                               const char         *path_glob);

char               *starling_demo_server_emit_status          (StarlingDemoServer *self);
char               *starling_demo_server_emit_status_with_media (StarlingDemoServer *self,
                                                                 guint               n_media);
char               *starling_demo_server_emit_notification    (StarlingDemoServer *self,
                                                               const char         *type);
void                starling_demo_server_delete_status        (StarlingDemoServer *self,
                                                               const char         *id);
void                starling_demo_server_set_event_interval   (StarlingDemoServer *self,
                                                               guint               seconds);
guint               starling_demo_server_count_statuses_with_text (StarlingDemoServer *self,
                                                               const char         *text);

guint               starling_demo_server_get_n_statuses       (StarlingDemoServer *self);
guint               starling_demo_server_count_home_statuses  (StarlingDemoServer *self);
guint               starling_demo_server_get_n_followers      (StarlingDemoServer *self);
guint               starling_demo_server_get_n_domains        (StarlingDemoServer *self);

G_END_DECLS
