/* starling-demo-json.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "starling-demo-world.h"

G_BEGIN_DECLS

/* The JSON documents of the demo world's entities, in Mastodon 4.5's
 * shapes. Private to src/demo/. */

typedef struct
{
  StarlingDemoWorld *world;
  const char        *base;      /* where the client reached us: media URLs start here */
  const char        *streaming; /* ws:// base */
  gboolean           authed;    /* per-user fields (favourited…) only with a user token */
  const char        *context;   /* the filter context: home, public, notifications, thread, account */
} DemoJson;

char       *demo_json_time                 (gint64             ms);
char       *demo_json_id                   (guint64            id);
JsonObject *demo_json_error_object         (const char        *message);
JsonNode   *demo_json_account              (DemoJson          *json,
                                            DemoAccount       *account);
JsonNode   *demo_json_credential_account   (DemoJson          *json);
JsonNode   *demo_json_status               (DemoJson          *json,
                                            DemoStatus        *status);
JsonNode   *demo_json_status_with_text     (DemoJson          *json,
                                            DemoStatus        *status);
JsonNode   *demo_json_poll                 (DemoJson          *json,
                                            DemoPoll          *poll);
JsonNode   *demo_json_media                (DemoJson          *json,
                                            DemoMedia         *media);
JsonNode   *demo_json_notification         (DemoJson          *json,
                                            DemoEvent         *event);
JsonNode   *demo_json_relationship         (DemoJson          *json,
                                            DemoAccount       *account);
JsonNode   *demo_json_tag                  (DemoJson          *json,
                                            guint              index);
JsonNode   *demo_json_list                 (DemoJson          *json,
                                            DemoList          *list);
JsonNode   *demo_json_filter               (DemoJson          *json,
                                            DemoFilter        *filter);
JsonNode   *demo_json_scheduled            (DemoJson          *json,
                                            DemoScheduled     *scheduled);
JsonNode   *demo_json_conversation         (DemoJson          *json,
                                            DemoConversation  *conversation);
JsonNode   *demo_json_custom_emojis        (DemoJson          *json);
JsonNode   *demo_json_instance_v2          (DemoJson          *json);
JsonNode   *demo_json_instance_v1          (DemoJson          *json);
JsonNode   *demo_json_nodeinfo             (DemoJson          *json,
                                            DemoDomain        *domain,
                                            const char        *schema);
JsonNode   *demo_json_nodeinfo_links       (const char        *base,
                                            DemoDomain        *domain);
gboolean    demo_status_has_tag            (DemoStatus        *status,
                                            const char        *tag);
gboolean    demo_status_visible_to_brand   (StarlingDemoWorld *world,
                                            DemoStatus        *status);

G_END_DECLS
