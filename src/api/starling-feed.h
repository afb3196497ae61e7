/* starling-feed.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "model/starling-timeline.h"
#include "store/starling-database.h"

#include "starling-client.h"
#include "starling-streaming.h"

G_BEGIN_DECLS

/**
 * StarlingFeedKind:
 * @STARLING_FEED_HOME: the home timeline
 * @STARLING_FEED_LOCAL: this server's public posts
 * @STARLING_FEED_FEDERATED: every public post the server knows
 * @STARLING_FEED_HASHTAG: the posts with a hashtag; the argument is the tag
 *   (with or without `#`)
 * @STARLING_FEED_LIST: a list's timeline; the argument is the list id
 * @STARLING_FEED_BOOKMARKS: the account's bookmarks
 * @STARLING_FEED_FAVOURITES: the posts the account favourited
 * @STARLING_FEED_ACCOUNT: the posts of an account; the argument is its id,
 *   and #StarlingFeed:options says which posts
 * @STARLING_FEED_NOTIFICATIONS: the notifications, grouped where the server
 *   groups them (#StarlingClient:api-version 2 or more), else one by one
 *
 * Which timeline a #StarlingFeed shows.
 */
typedef enum
{
  STARLING_FEED_HOME,
  STARLING_FEED_LOCAL,
  STARLING_FEED_FEDERATED,
  STARLING_FEED_HASHTAG,
  STARLING_FEED_LIST,
  STARLING_FEED_BOOKMARKS,
  STARLING_FEED_FAVOURITES,
  STARLING_FEED_ACCOUNT,
  STARLING_FEED_NOTIFICATIONS,
} StarlingFeedKind;

#define STARLING_TYPE_FEED_KIND (starling_feed_kind_get_type ())
GType starling_feed_kind_get_type (void);

/**
 * StarlingFeedOptions:
 * @STARLING_FEED_OPTIONS_NONE: an account's posts and boosts, without its
 *   replies (the profile's first tab)
 * @STARLING_FEED_WITH_REPLIES: with the account's replies
 * @STARLING_FEED_ONLY_MEDIA: only posts with media
 * @STARLING_FEED_PINNED: only the pinned posts
 *
 * What an account's feed shows; other kinds ignore them.
 */
typedef enum
{
  STARLING_FEED_OPTIONS_NONE = 0,
  STARLING_FEED_WITH_REPLIES = 1 << 0,
  STARLING_FEED_ONLY_MEDIA   = 1 << 1,
  STARLING_FEED_PINNED       = 1 << 2,
} StarlingFeedOptions;

#define STARLING_TYPE_FEED_OPTIONS (starling_feed_options_get_type ())
GType starling_feed_options_get_type (void);

/* How long polling waits at most after failures in a row, in ms. */
#define STARLING_FEED_MAX_POLL_BACKOFF_MS (15 * 60 * 1000)

#define STARLING_TYPE_FEED (starling_feed_get_type ())

G_DECLARE_FINAL_TYPE (StarlingFeed, starling_feed, STARLING, FEED, GObject)

StarlingFeed       *starling_feed_new                 (StarlingClient       *client,
                                                       StarlingFeedKind      kind,
                                                       const char           *argument);
StarlingFeed       *starling_feed_new_full            (StarlingClient       *client,
                                                       StarlingFeedKind      kind,
                                                       const char           *argument,
                                                       StarlingFeedOptions   options);

StarlingClient     *starling_feed_get_client          (StarlingFeed         *self);
StarlingFeedKind    starling_feed_get_kind            (StarlingFeed         *self);
const char         *starling_feed_get_argument        (StarlingFeed         *self);
StarlingFeedOptions starling_feed_get_options         (StarlingFeed         *self);
StarlingTimeline   *starling_feed_get_timeline        (StarlingFeed         *self);
char               *starling_feed_dup_cache_key       (StarlingFeed         *self);

gboolean            starling_feed_get_loading         (StarlingFeed         *self);
gboolean            starling_feed_get_loading_older   (StarlingFeed         *self);
gboolean            starling_feed_get_at_end          (StarlingFeed         *self);
const GError       *starling_feed_get_error           (StarlingFeed         *self);
gboolean            starling_feed_get_live            (StarlingFeed         *self);
gboolean            starling_feed_get_polling         (StarlingFeed         *self);
gboolean            starling_feed_get_trimmed         (StarlingFeed         *self);

gboolean            starling_feed_get_active          (StarlingFeed         *self);
void                starling_feed_set_active          (StarlingFeed         *self,
                                                       gboolean              active);
guint               starling_feed_get_poll_interval   (StarlingFeed         *self);
void                starling_feed_set_poll_interval   (StarlingFeed         *self,
                                                       guint                 milliseconds);
StarlingStreaming  *starling_feed_get_streaming       (StarlingFeed         *self);
void                starling_feed_set_streaming       (StarlingFeed         *self,
                                                       StarlingStreaming    *streaming);
void                starling_feed_set_cache           (StarlingFeed         *self,
                                                       StarlingDatabase     *database,
                                                       const char           *account_handle);

void                starling_feed_refresh_async       (StarlingFeed         *self,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean            starling_feed_refresh_finish      (StarlingFeed         *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void                starling_feed_load_older_async    (StarlingFeed         *self,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean            starling_feed_load_older_finish   (StarlingFeed         *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void                starling_feed_fill_gap_async      (StarlingFeed         *self,
                                                       StarlingTimelineGap  *gap,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean            starling_feed_fill_gap_finish     (StarlingFeed         *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
guint               starling_feed_trim_around         (StarlingFeed         *self,
                                                       guint                 position,
                                                       guint                 margin);
void                starling_feed_load_cached_async   (StarlingFeed         *self,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean            starling_feed_load_cached_finish  (StarlingFeed         *self,
                                                       GAsyncResult         *result,
                                                       guint                *n_items,
                                                       GError              **error);
void                starling_feed_flush_cache_async   (StarlingFeed         *self,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean            starling_feed_flush_cache_finish  (StarlingFeed         *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

G_END_DECLS
