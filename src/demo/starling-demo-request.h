/* starling-demo-request.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define STARLING_TYPE_DEMO_REQUEST (starling_demo_request_get_type ())

typedef struct _StarlingDemoRequest StarlingDemoRequest;

GType                starling_demo_request_get_type    (void) G_GNUC_CONST;
StarlingDemoRequest *starling_demo_request_new         (const char          *method,
                                                        const char          *host,
                                                        const char          *path,
                                                        const char          *query,
                                                        SoupMessageHeaders  *headers,
                                                        GBytes              *body);
StarlingDemoRequest *starling_demo_request_ref         (StarlingDemoRequest *self);
void                 starling_demo_request_unref       (StarlingDemoRequest *self);

const char          *starling_demo_request_get_method  (StarlingDemoRequest *self);
const char          *starling_demo_request_get_host    (StarlingDemoRequest *self);
const char          *starling_demo_request_get_path    (StarlingDemoRequest *self);
const char          *starling_demo_request_get_query   (StarlingDemoRequest *self);
SoupMessageHeaders  *starling_demo_request_get_headers (StarlingDemoRequest *self);
const char          *starling_demo_request_get_header  (StarlingDemoRequest *self,
                                                        const char          *name);
GBytes              *starling_demo_request_get_body    (StarlingDemoRequest *self);
guint                starling_demo_request_get_status  (StarlingDemoRequest *self);
void                 starling_demo_request_set_status  (StarlingDemoRequest *self,
                                                        guint                status);
gint64               starling_demo_request_get_received_at (StarlingDemoRequest *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StarlingDemoRequest, starling_demo_request_unref)

G_END_DECLS
