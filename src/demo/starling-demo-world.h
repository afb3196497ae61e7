/* starling-demo-world.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The demo world: plain records generated from a seed, compact, with every
 * JSON document made from them only when a request asks for it. This header
 * is private to src/demo/; the server is the public face. */

typedef enum
{
  DEMO_REACH_OK,
  DEMO_REACH_NOT_FOUND,     /* NodeInfo answers 404 */
  DEMO_REACH_FORBIDDEN,     /* 403, like a crawler blocked by robots.txt */
  DEMO_REACH_BAD_GATEWAY,   /* 502 */
  DEMO_REACH_DROP,          /* the connection is closed without an answer */
} DemoReach;

typedef struct
{
  const char *name;
  const char *software;     /* NodeInfo software.name */
  const char *version;
  const char *nodeinfo_path;
  DemoReach   reach;
  guint       users;
  guint       weight;       /* share of the brand's followers */
  guint       quirk;        /* software-specific sloppiness, see the NodeInfo code */
  char       *owned_name;   /* generated long-tail domains own their name */
} DemoDomain;

typedef enum
{
  DEMO_ACCOUNT_BOT        = 1 << 0,
  DEMO_ACCOUNT_GROUP      = 1 << 1,
  DEMO_ACCOUNT_LOCKED     = 1 << 2,
  DEMO_ACCOUNT_EMOJI_NAME = 1 << 3,
} DemoAccountFlags;

typedef enum
{
  DEMO_REL_FOLLOWING   = 1 << 0,   /* the brand follows them */
  DEMO_REL_FOLLOWED_BY = 1 << 1,   /* they follow the brand */
  DEMO_REL_BLOCKING    = 1 << 2,
  DEMO_REL_MUTING      = 1 << 3,
  DEMO_REL_REQUESTED   = 1 << 4,
  DEMO_REL_NOTIFYING   = 1 << 5,
  DEMO_REL_ENDORSED    = 1 << 6,
  DEMO_REL_REQUESTED_BY = 1 << 7,  /* they asked to follow the brand */
} DemoRelFlags;

typedef struct
{
  guint64  id;
  char    *username;
  char    *display_name;
  guint    domain;          /* index into the world's domains; 0 = the demo instance */
  gint64   created_at;      /* unix seconds, at midnight */
  gint64   last_status_at;  /* unix seconds */
  guint    followers_count;
  guint    following_count;
  guint    statuses_count;
  guint32  seed;            /* picks the note, the avatar's colours */
  guint16  flags;
  guint16  rel;
  guint64  follow_id;       /* the cursor of the follow record, for /followers */
  gint64   followed_at;     /* when they followed the brand (ms) */
} DemoAccount;

typedef enum
{
  DEMO_MEDIA_IMAGE,
  DEMO_MEDIA_GIFV,
  DEMO_MEDIA_VIDEO,
} DemoMediaType;

typedef struct
{
  guint64        id;
  DemoMediaType  type;
  guint          width;
  guint          height;
  guint          palette;
  char          *description;
  double         focus_x;
  double         focus_y;
  guint          polls_left;     /* GETs answered 206 before it is processed */
  gboolean       attached;
  GBytes        *upload;         /* what was uploaded, served as the original */
  char          *content_type;
} DemoMedia;

typedef struct
{
  guint64   id;
  gint64    expires_at;          /* ms */
  gboolean  multiple;
  guint     n_options;
  char     *options[4];
  guint     votes[4];
  guint     voters;
  guint     own_votes;           /* bit mask of the brand's choices */
  gboolean  voted;
} DemoPoll;

typedef struct
{
  const char *url;
  const char *title;
  const char *description;
  const char *provider;
  guint       palette;
} DemoCard;

typedef enum
{
  DEMO_STATUS_FAVOURITED  = 1 << 0,
  DEMO_STATUS_REBLOGGED   = 1 << 1,
  DEMO_STATUS_BOOKMARKED  = 1 << 2,
  DEMO_STATUS_PINNED      = 1 << 3,
  DEMO_STATUS_MUTED       = 1 << 4,
  DEMO_STATUS_SENSITIVE   = 1 << 5,
  DEMO_STATUS_DELETED     = 1 << 6,
} DemoStatusFlags;

typedef enum
{
  DEMO_VISIBILITY_PUBLIC,
  DEMO_VISIBILITY_UNLISTED,
  DEMO_VISIBILITY_PRIVATE,
  DEMO_VISIBILITY_DIRECT,
} DemoVisibility;

typedef struct _DemoStatus DemoStatus;

struct _DemoStatus
{
  guint64         id;            /* snowflake: created_at in ms << 16 */
  DemoAccount    *account;
  DemoStatus     *reblog;
  DemoStatus     *in_reply_to;
  DemoStatus     *quote;
  char           *content;       /* sanitized HTML */
  char           *text;          /* the source text */
  char           *spoiler_text;
  const char     *language;
  DemoVisibility  visibility;
  guint           flags;
  gint64          edited_at;     /* ms, 0 = never */
  guint           replies_count;
  guint           reblogs_count;
  guint           favourites_count;
  guint           quotes_count;
  DemoMedia      *media[4];
  guint           n_media;
  DemoPoll       *poll;
  const DemoCard *card;
  gboolean        application;   /* posted from the web app: has `application` */
  gboolean        mentions_brand;
  DemoAccount    *mentions_other;
  guint64         bookmark_id;   /* cursors of the brand's bookmark and favourite */
  guint64         favourite_id;
};

typedef enum
{
  DEMO_EVENT_MENTION,
  DEMO_EVENT_FAVOURITE,
  DEMO_EVENT_REBLOG,
  DEMO_EVENT_FOLLOW,
  DEMO_EVENT_POLL,
  DEMO_EVENT_UPDATE,
  DEMO_EVENT_QUOTE,
  DEMO_EVENT_STATUS,
  DEMO_EVENT_FOLLOW_REQUEST,
  DEMO_N_EVENTS
} DemoEventType;

/* A notification of the brand; favourites and boosts of the brand's posts
 * by named accounts are these same records. */
typedef struct
{
  guint64        id;            /* snowflake of the time it happened */
  DemoEventType  type;
  DemoAccount   *account;
  DemoStatus    *status;
  gboolean       dismissed;
} DemoEvent;

typedef struct
{
  guint64   id;
  char     *title;
  const char *replies_policy;
  gboolean  exclusive;
  GPtrArray *members;            /* DemoAccount */
} DemoList;

typedef struct
{
  guint64   id;
  char     *title;
  const char *action;             /* warn, hide */
  const char *keyword;
  const char *context[3];
} DemoFilter;

typedef struct
{
  guint64   id;
  gint64    scheduled_at;         /* ms */
  char     *text;
  char     *visibility;
  char     *spoiler_text;
  gboolean  sensitive;
  char     *idempotency;
  GPtrArray *media_ids;           /* char * */
} DemoScheduled;

typedef struct
{
  guint64     id;
  gboolean    unread;
  DemoAccount *account;
  DemoStatus  *last_status;
} DemoConversation;

typedef struct
{
  const char *shortcode;
  guint       palette;
  const char *category;
} DemoEmoji;

typedef struct
{
  const char *name;
  gboolean    following;
} DemoTag;

typedef struct _StarlingDemoWorld StarlingDemoWorld;

struct _StarlingDemoWorld
{
  guint32      seed;
  GRand       *rand;
  gint64       epoch;              /* unix seconds: the world's "now" at generation */
  guint64      last_id;            /* the newest snowflake handed out */
  guint16      seq;                /* the snowflakes' low bits */
  gboolean     generating;
  const char  *domain;

  GPtrArray   *domains;            /* DemoDomain */
  GPtrArray   *accounts;           /* DemoAccount, [0] is the brand */
  GHashTable  *accounts_by_id;     /* guint64* → DemoAccount */
  GHashTable  *accounts_by_acct;   /* "user" or "user@domain" → DemoAccount */
  DemoAccount *brand;
  GPtrArray   *statuses;           /* DemoStatus, sorted by id (oldest first) */
  GHashTable  *statuses_by_id;
  GPtrArray   *events;             /* DemoEvent, sorted by id */
  GPtrArray   *followers;          /* DemoAccount, sorted by follow_id */
  GPtrArray   *following;          /* DemoAccount, sorted by follow_id */
  GPtrArray   *media;              /* DemoMedia */
  GPtrArray   *polls;              /* DemoPoll */
  GPtrArray   *lists;              /* DemoList */
  GPtrArray   *filters;            /* DemoFilter */
  GPtrArray   *scheduled;          /* DemoScheduled */
  GPtrArray   *conversations;      /* DemoConversation */
  DemoTag     *tags;               /* n_tags, a copy the world may change */
  guint        n_tags;
  DemoStatus  *thread_root;        /* the first post of the long thread */
  DemoStatus  *votable_poll;       /* a post by someone else with an open poll */

  struct {
    guint64  last_read_id;
    guint    version;
    gint64   updated_at;
  } markers[2];                    /* home, notifications */
};

extern const DemoEmoji demo_world_emojis[];
extern const guint     demo_world_n_emojis;
extern const DemoCard  demo_world_cards[];
extern const guint     demo_world_n_cards;

StarlingDemoWorld *starling_demo_world_new            (guint32            seed,
                                                      gint64             epoch);
void               starling_demo_world_free           (StarlingDemoWorld *world);

guint64            starling_demo_world_next_id        (StarlingDemoWorld *world,
                                                      gint64             ms);
gint64             starling_demo_world_id_to_ms       (guint64            id);
DemoAccount       *starling_demo_world_find_account   (StarlingDemoWorld *world,
                                                      const char        *id);
DemoStatus        *starling_demo_world_find_status    (StarlingDemoWorld *world,
                                                      const char        *id);
DemoStatus        *starling_demo_world_add_status     (StarlingDemoWorld *world,
                                                      DemoAccount       *account,
                                                      const char        *text,
                                                      gint64             ms);
DemoEvent         *starling_demo_world_add_event      (StarlingDemoWorld *world,
                                                      DemoEventType      type,
                                                      DemoAccount       *account,
                                                      DemoStatus        *status);
DemoMedia         *starling_demo_world_add_media      (StarlingDemoWorld *world,
                                                      DemoMediaType      type,
                                                      guint              width,
                                                      guint              height);
DemoMedia         *starling_demo_world_find_media     (StarlingDemoWorld *world,
                                                      const char        *id);
DemoPoll          *starling_demo_world_find_poll      (StarlingDemoWorld *world,
                                                      const char        *id);
const char        *starling_demo_world_domain_name    (StarlingDemoWorld *world,
                                                      DemoAccount       *account);
DemoDomain        *starling_demo_world_find_domain    (StarlingDemoWorld *world,
                                                      const char        *name);
char              *starling_demo_world_text_to_html   (StarlingDemoWorld *world,
                                                      const char        *text);
const char        *starling_demo_world_tag_name       (guint              index);
guint              starling_demo_world_n_statuses     (StarlingDemoWorld *world);
DemoAccount       *starling_demo_world_random_following (StarlingDemoWorld *world);
DemoAccount       *starling_demo_world_random_follower  (StarlingDemoWorld *world);
guint              starling_demo_world_count_text     (StarlingDemoWorld *world,
                                                      const char        *text);
const char        *starling_demo_event_type_name      (DemoEventType      type);
char              *starling_demo_world_random_text    (StarlingDemoWorld *world);

G_END_DECLS
