/* starling-demo-server-private.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "starling-demo-json.h"
#include "starling-demo-server.h"
#include "starling-demo-world.h"

G_BEGIN_DECLS

/* What the parts of the demo server share: the server's state, one call
 * (a request being answered) and the helpers that answer it. */

typedef struct
{
  char     *client_id;
  char     *client_secret;
  char     *name;
  char     *website;
  char    **redirect_uris;
  char    **scopes;
  guint64   id;
} DemoApp;

typedef struct
{
  char     *scopes;
  char     *client_id;      /* NULL for tokens made by the test API */
  gboolean  user;           /* FALSE for client_credentials tokens */
  gint64    created_at;     /* unix seconds */
} DemoToken;

typedef struct
{
  char     *client_id;
  char     *redirect_uri;
  char     *scopes;
  char     *challenge;      /* S256 code challenge, or NULL */
  gint64    expires_at;     /* monotonic µs */
} DemoCode;

typedef struct
{
  char              *method;   /* NULL = any */
  GPatternSpec      *glob;
  char              *glob_text;
  StarlingDemoFault  fault;
  guint              times;    /* 0 = always */
  guint              param;
} DemoFaultRule;

typedef struct
{
  DemoStatus *status;
  DemoScheduled *scheduled;
  gint64      at;              /* monotonic µs */
} DemoIdempotent;

struct _StarlingDemoServer
{
  GObject             parent_instance;

  guint32             seed;
  gint64              epoch;
  StarlingDemoWorld  *world;
  SoupServer         *server;
  GMainContext       *context;
  char               *base_uri;
  char               *streaming_uri;
  char               *brand_id;
  guint               port;
  GProxyResolver     *resolver;

  GHashTable         *apps;          /* client_id → DemoApp */
  GHashTable         *tokens;        /* token → DemoToken */
  GHashTable         *codes;         /* code → DemoCode */
  GHashTable         *idempotency;   /* key → DemoIdempotent */
  GHashTable         *rate;          /* token or address → DemoRate */
  GPtrArray          *faults;        /* DemoFaultRule */
  GPtrArray          *requests;      /* StarlingDemoRequest */
  GPtrArray          *streams;       /* DemoStream */
  guint               event_source;
  guint               event_counter;
};

typedef struct
{
  StarlingDemoServer  *self;
  SoupServerMessage   *msg;
  StarlingDemoRequest *record;
  const char          *method;
  char                *path;
  char                *base;          /* scheme://host:port the client used */
  GHashTable          *params;        /* name → GPtrArray of char * */
  GHashTable          *files;         /* name → GBytes, with "content-type" data */
  char                *args[3];
  DemoToken           *token;
  char                *token_text;
  gboolean             mangle_truncate;
  gboolean             mangle_malformed;
  gboolean             drop;
  DemoJson             json;
} DemoCall;

typedef void (*DemoHandler) (DemoCall *call);

typedef enum
{
  DEMO_AUTH_NONE,      /* public */
  DEMO_AUTH_OPTIONAL,  /* public, with per-user fields when a token is given */
  DEMO_AUTH_USER,      /* a user token is required */
  DEMO_AUTH_APP,       /* an app or user token */
} DemoAuth;

typedef struct
{
  const char  *method;
  const char  *pattern;    /* path with :arguments */
  DemoHandler  handler;
  DemoAuth     auth;
} DemoRoute;

/* Answering */
void        demo_reply_json          (DemoCall    *call,
                                      guint        status,
                                      JsonNode    *node);
void        demo_reply_error         (DemoCall    *call,
                                      guint        status,
                                      const char  *message);
void        demo_reply_oauth_error   (DemoCall    *call,
                                      guint        status,
                                      const char  *error,
                                      const char  *description);
void        demo_reply_bytes         (DemoCall    *call,
                                      guint        status,
                                      const char  *content_type,
                                      GBytes      *body);
void        demo_reply_text          (DemoCall    *call,
                                      guint        status,
                                      const char  *content_type,
                                      const char  *text);
void        demo_reply_redirect      (DemoCall    *call,
                                      const char  *location);

/* Reading the request */
const char *demo_param               (DemoCall    *call,
                                      const char  *name);
GPtrArray  *demo_param_all           (DemoCall    *call,
                                      const char  *name);
gboolean    demo_param_bool          (DemoCall    *call,
                                      const char  *name,
                                      gboolean     fallback);
guint       demo_param_limit         (DemoCall    *call,
                                      guint        fallback,
                                      guint        maximum);

/* Pagination over items sorted oldest first, by @key; @keep selects */
typedef guint64  (*DemoKeyFunc)  (gpointer item);
typedef gboolean (*DemoKeepFunc) (DemoCall *call,
                                  gpointer  item,
                                  gpointer  data);
GPtrArray  *demo_paginate            (DemoCall    *call,
                                      GPtrArray   *items,
                                      DemoKeyFunc  key,
                                      DemoKeepFunc keep,
                                      gpointer     data,
                                      guint        default_limit,
                                      guint        max_limit);

/* Tokens */
DemoToken  *demo_server_lookup_token (StarlingDemoServer *self,
                                      const char         *token);
char       *demo_server_new_token    (StarlingDemoServer *self,
                                      const char         *scopes,
                                      const char         *client_id,
                                      gboolean            user);
char       *demo_random_string       (guint               length);

/* The parts */
extern const DemoRoute demo_api_routes[];
extern const DemoRoute demo_oauth_routes[];
void        demo_stream_setup        (StarlingDemoServer *self);
void        demo_stream_close_all    (StarlingDemoServer *self,
                                      GPatternSpec       *glob);
void        demo_stream_free         (gpointer            stream);
void        demo_stream_push_status  (StarlingDemoServer *self,
                                      const char         *event,
                                      DemoStatus         *status);
void        demo_stream_push_notification (StarlingDemoServer *self,
                                      DemoEvent          *event);
void        demo_stream_push_delete  (StarlingDemoServer *self,
                                      DemoStatus         *status);
void        demo_stream_push_filters_changed (StarlingDemoServer *self);
gboolean    demo_server_take_fault   (StarlingDemoServer *self,
                                      const char         *method,
                                      const char         *path,
                                      StarlingDemoFault   fault,
                                      guint              *param);
void        demo_api_serve_file      (DemoCall           *call);
void        demo_api_publish         (StarlingDemoServer *self,
                                      DemoStatus         *status);
guint       demo_api_count_home      (StarlingDemoServer *self);

G_END_DECLS
