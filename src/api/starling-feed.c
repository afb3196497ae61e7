/* starling-feed.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-feed"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "model/starling-account.h"
#include "model/starling-entity.h"
#include "model/starling-filter.h"
#include "model/starling-notification-group.h"
#include "model/starling-notification.h"
#include "model/starling-status.h"

#include "starling-api-error.h"
#include "starling-feed.h"

/* The `limit` of status pages, and of notification pages. */
#define STATUS_PAGE_SIZE 20
#define NOTIFICATION_PAGE_SIZE 40
#define DEFAULT_POLL_INTERVAL_MS (60 * 1000)
/* How long the cache waits for the timeline to settle before it writes. */
#define CACHE_DELAY_MS 1000
/* Stream events kept while the feed catches up, at most. */
#define MAX_PENDING_LIVE 200

/**
 * StarlingFeed:
 *
 * What one timeline page of the window shows: one timeline of one
 * account, as a #StarlingTimeline that the feed fills and keeps current.
 *
 * - starling_feed_refresh_async() asks for what is newer than the newest
 *   item, with `min_id`: one request when the server has less than a page
 *   of news. When the page comes back full there may be more: the newest
 *   page is fetched too, and where the two do not meet the timeline holds
 *   a #StarlingTimelineGap that starling_feed_fill_gap_async() loads.
 * - starling_feed_load_older_async() asks for what is older than the
 *   oldest item (`max_id`), until a page comes back empty or without a
 *   `next` link (#StarlingFeed:at-end).
 * - Bookmarks and favourites page by ids the client never sees: only the
 *   `Link` header's cursors are followed there.
 * - Calls that overlap share one request: a second refresh while one is
 *   on its way gets the first one's result, and so does a second call for
 *   older items or for the same gap. Cancelling a call ends it at once;
 *   the request stops when no one waits for it any more.
 * - With starling_feed_set_cache(), the newest items (up to the first gap,
 *   at most %STARLING_DATABASE_TIMELINE_CACHE_LIMIT) are written to the
 *   database a moment after each change, and
 *   starling_feed_load_cached_async() shows them before the network
 *   answers. Items are encoded on the main thread, where they live; the
 *   text is made on a worker, and the database writes on its own.
 * - With starling_feed_set_streaming(), the feed subscribes the stream of
 *   its timeline (several feeds share one subscription) and takes its
 *   events: new posts at the top, edits through the identity map, deleted
 *   posts removed. After the stream reconnects it refreshes once to fill
 *   what was missed. Without a stream (none set, none for this kind of
 *   timeline, or the server has none) it polls every
 *   #StarlingFeed:poll-interval while #StarlingFeed:active, waiting longer
 *   after each failure (up to 15 minutes); a refused token stops polling.
 *
 * Stream events that arrive before the feed is known to be current (before
 * the first refresh, or while it catches up after a reconnect) are kept
 * and put at the top once it is, so nothing shows out of order.
 *
 * Memory stays bounded however far the reader scrolls:
 * starling_feed_trim_around() lets go of the items far above and far below
 * the reader. Those above leave a top #StarlingTimelineGap, which
 * starling_feed_fill_gap_async() fills upward again (`min_id` from the
 * item below it, a page at a time, until a page is not full: the
 * present). While the top is trimmed, streamed items are not shown (they
 * would stand above posts that are not there; #StarlingFeed::live-skipped
 * says one came, and filling the gap brings it), polls and reconnects
 * fetch nothing, the cache keeps what it had, and a refresh asked for by
 * the reader puts the newest page above the gap, which becomes an ordinary
 * gap between them.
 */

typedef enum
{
  OP_REFRESH,
  OP_OLDER,
  OP_GAP,
} OpKind;

/* How the feed finds its neighbours' pages. */
typedef enum
{
  CURSOR_ID,     /* max_id / min_id / since_id of the items' ids */
  CURSOR_GROUP,  /* the same, from grouped notifications' page ids */
  CURSOR_LINK,   /* only what the Link header says */
} CursorKind;

typedef struct _Op Op;

/* One caller waiting for an operation. */
typedef struct
{
  Op      *op;
  GTask   *task;
  GSource *cancel_source;
} Waiter;

/* One operation on its way (a refresh, a page of older items, a gap), with
 * everyone who waits for it. */
struct _Op
{
  StarlingFeed        *self;
  OpKind               kind;
  GCancellable        *cancellable;
  GPtrArray           *waiters;
  /* Callers without a task (a poll, a reconnect): the request goes on
   * even when every task is cancelled. */
  guint                internal;
  gboolean             detached;
  StarlingTimelineGap *gap;
  /* The request being sent, for its page size. */
  StarlingRequest     *request;
  gboolean             replace;
  guint                requests;
};

struct _StarlingFeed
{
  GObject              parent_instance;

  StarlingClient      *client;
  StarlingFeedKind     kind;
  char                *argument;
  StarlingFeedOptions  options;
  StarlingTimeline    *timeline;

  /* Decided at the first request: the server's grouping can be learnt
   * after the feed is made, but a timeline holds one kind of item. */
  gboolean             grouped;
  gboolean             grouped_decided;

  Op                  *refresh_op;
  Op                  *older_op;
  GHashTable          *gap_ops;        /* StarlingTimelineGap → Op */
  GHashTable          *gap_requests;   /* StarlingTimelineGap → StarlingRequest */
  StarlingRequest     *newer_request;  /* Link kinds: the newest page's `prev` */
  StarlingRequest     *older_request;  /* Link kinds: the oldest page's `next` */
  /* A Link kind shown from the cache: its cursors are unknown, so the
   * first page replaces what the cache showed. */
  gboolean             needs_replace;
  /* The top of the timeline is the server's present. */
  gboolean             synced;
  GPtrArray           *pending_live;
  /* Whether the timeline starts with a top gap, as last notified. */
  gboolean             trimmed;

  gboolean             at_end;
  GError              *error;

  gboolean             active;
  guint                poll_interval;
  guint                poll_id;
  guint                poll_failures;
  gboolean             polling;
  gboolean             unauthorized;

  StarlingStreaming   *streaming;
  gboolean             live;
  gboolean             subscribed;

  StarlingDatabase    *database;
  char                *handle;
  guint                save_id;
  GCancellable        *cancellable;

  gboolean             disposed;
};

G_DEFINE_FINAL_TYPE (StarlingFeed, starling_feed, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (StarlingFeedKind, starling_feed_kind,
  G_DEFINE_ENUM_VALUE (STARLING_FEED_HOME, "home"),
  G_DEFINE_ENUM_VALUE (STARLING_FEED_LOCAL, "local"),
  G_DEFINE_ENUM_VALUE (STARLING_FEED_FEDERATED, "federated"),
  G_DEFINE_ENUM_VALUE (STARLING_FEED_HASHTAG, "hashtag"),
  G_DEFINE_ENUM_VALUE (STARLING_FEED_LIST, "list"),
  G_DEFINE_ENUM_VALUE (STARLING_FEED_BOOKMARKS, "bookmarks"),
  G_DEFINE_ENUM_VALUE (STARLING_FEED_FAVOURITES, "favourites"),
  G_DEFINE_ENUM_VALUE (STARLING_FEED_ACCOUNT, "account"),
  G_DEFINE_ENUM_VALUE (STARLING_FEED_NOTIFICATIONS, "notifications"))

G_DEFINE_FLAGS_TYPE (StarlingFeedOptions, starling_feed_options,
  G_DEFINE_ENUM_VALUE (STARLING_FEED_OPTIONS_NONE, "none"),
  G_DEFINE_ENUM_VALUE (STARLING_FEED_WITH_REPLIES, "with-replies"),
  G_DEFINE_ENUM_VALUE (STARLING_FEED_ONLY_MEDIA, "only-media"),
  G_DEFINE_ENUM_VALUE (STARLING_FEED_PINNED, "pinned"))

enum {
  LIVE_SKIPPED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_KIND,
  PROP_ARGUMENT,
  PROP_OPTIONS,
  PROP_TIMELINE,
  PROP_LOADING,
  PROP_LOADING_OLDER,
  PROP_AT_END,
  PROP_ERROR,
  PROP_LIVE,
  PROP_ACTIVE,
  PROP_POLL_INTERVAL,
  PROP_POLLING,
  PROP_STREAMING,
  PROP_TRIMMED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void start_refresh (StarlingFeed *self,
                           Op           *op);
static void update_polling (StarlingFeed *self);
static void schedule_save (StarlingFeed *self);

/* What the kind is */

static const char *
kind_name (StarlingFeedKind kind)
{
  static const char *names[] = {
    "home", "local", "federated", "hashtag", "list", "bookmarks", "favourites", "account", "notifications",
  };

  return kind < G_N_ELEMENTS (names) ? names[kind] : "unknown";
}

static gboolean
needs_argument (StarlingFeedKind kind)
{
  return kind == STARLING_FEED_HASHTAG || kind == STARLING_FEED_LIST || kind == STARLING_FEED_ACCOUNT;
}

static const char *
filter_context (StarlingFeedKind kind)
{
  switch (kind)
    {
    case STARLING_FEED_LOCAL:
    case STARLING_FEED_FEDERATED:
    case STARLING_FEED_HASHTAG:
      return "public";
    case STARLING_FEED_ACCOUNT:
      return "account";
    case STARLING_FEED_NOTIFICATIONS:
      return "notifications";
    case STARLING_FEED_HOME:
    case STARLING_FEED_LIST:
    case STARLING_FEED_BOOKMARKS:
    case STARLING_FEED_FAVOURITES:
    default:
      return "home";
    }
}

static CursorKind
cursor_kind (StarlingFeed *self)
{
  if (self->kind == STARLING_FEED_BOOKMARKS || self->kind == STARLING_FEED_FAVOURITES)
    return CURSOR_LINK;
  if (self->kind == STARLING_FEED_NOTIFICATIONS && self->grouped)
    return CURSOR_GROUP;
  return CURSOR_ID;
}

static void
decide_grouped (StarlingFeed *self)
{
  if (self->grouped_decided)
    return;

  self->grouped = self->kind == STARLING_FEED_NOTIFICATIONS &&
                  starling_client_get_api_version (self->client) >= 2;
  self->grouped_decided = TRUE;
}

/* The stream a kind listens to, and the key its events come with. */
static gboolean
stream_of (StarlingFeed  *self,
           const char   **stream,
           const char   **param)
{
  *param = NULL;

  switch (self->kind)
    {
    case STARLING_FEED_HOME:
    case STARLING_FEED_NOTIFICATIONS:
      *stream = "user";
      return TRUE;
    case STARLING_FEED_LOCAL:
      *stream = "public:local";
      return TRUE;
    case STARLING_FEED_FEDERATED:
      *stream = "public";
      return TRUE;
    case STARLING_FEED_HASHTAG:
      *stream = "hashtag";
      *param = self->argument;
      return TRUE;
    case STARLING_FEED_LIST:
      *stream = "list";
      *param = self->argument;
      return TRUE;
    case STARLING_FEED_BOOKMARKS:
    case STARLING_FEED_FAVOURITES:
    case STARLING_FEED_ACCOUNT:
    default:
      *stream = NULL;
      return FALSE;
    }
}

/* Whether an event's stream key is this feed's stream. Servers may write
 * a hashtag in another case than it was subscribed. */
static gboolean
is_my_stream (StarlingFeed *self,
              const char   *key)
{
  const char *stream, *param;
  g_autofree char *mine = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (key == NULL || !stream_of (self, &stream, &param))
    return FALSE;

  if (self->kind == STARLING_FEED_NOTIFICATIONS && g_str_equal (key, "user:notification"))
    return TRUE;

  mine = starling_streaming_stream_key (stream, param);
  a = g_utf8_casefold (mine, -1);
  b = g_utf8_casefold (key, -1);

  return g_str_equal (a, b);
}

/* Items */

static gboolean
is_entity (gpointer item)
{
  return STARLING_IS_ENTITY (item);
}

static guint
n_items (StarlingFeed *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->timeline));
}

static gboolean
has_entities (StarlingFeed *self)
{
  return starling_timeline_get_newest_id (self->timeline) != NULL;
}

/* The newest items were let go: the top of the timeline is a gap. */
static gboolean
is_trimmed (StarlingFeed *self)
{
  return starling_timeline_get_top_gap (self->timeline) != NULL;
}

/* The cursor that asks for what is newer than @item, and older. */
static const char *
newer_cursor_of (gpointer item)
{
  if (STARLING_IS_NOTIFICATION_GROUP (item))
    {
      const char *id = starling_notification_group_get_page_max_id (item);

      if (id == NULL)
        id = starling_notification_group_get_most_recent_notification_id (item);
      return id;
    }

  return is_entity (item) ? starling_entity_get_id (item) : NULL;
}

static const char *
older_cursor_of (gpointer item)
{
  if (STARLING_IS_NOTIFICATION_GROUP (item))
    {
      const char *id = starling_notification_group_get_page_min_id (item);

      if (id == NULL)
        id = starling_notification_group_get_most_recent_notification_id (item);
      return id;
    }

  return is_entity (item) ? starling_entity_get_id (item) : NULL;
}

static char *
newest_cursor (StarlingFeed *self)
{
  guint n = n_items (self);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->timeline), i);

      if (is_entity (item))
        return g_strdup (newer_cursor_of (item));
    }

  return NULL;
}

static char *
oldest_cursor (StarlingFeed *self)
{
  for (guint i = n_items (self); i > 0; i--)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->timeline), i - 1);

      if (is_entity (item))
        return g_strdup (older_cursor_of (item));
    }

  return NULL;
}

static gboolean
find_gap (StarlingFeed        *self,
          StarlingTimelineGap *gap,
          guint               *position)
{
  guint n = n_items (self);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->timeline), i);

      if (item == (GObject *) gap)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Filters: what the server's filters say to hide never enters. */
static gboolean
hide_filtered (gpointer    item,
               const char *context,
               gpointer    user_data)
{
  StarlingStatus *status = NULL;

  if (STARLING_IS_STATUS (item))
    status = item;
  else if (STARLING_IS_NOTIFICATION (item))
    status = starling_notification_get_status (item);
  else if (STARLING_IS_NOTIFICATION_GROUP (item))
    status = starling_notification_group_get_status (item);

  return status != NULL &&
         starling_status_get_filter_action (status, context, NULL, NULL) == STARLING_FILTER_ACTION_HIDE;
}

/* Requests */

static StarlingRequest *
new_request (StarlingFeed *self)
{
  StarlingRequest *request = NULL;

  decide_grouped (self);

  switch (self->kind)
    {
    case STARLING_FEED_HOME:
      request = starling_request_new ("GET", "/api/v1/timelines/home", NULL);
      break;
    case STARLING_FEED_LOCAL:
      request = starling_request_new ("GET", "/api/v1/timelines/public", NULL);
      starling_request_add_param_bool (request, "local", TRUE);
      break;
    case STARLING_FEED_FEDERATED:
      request = starling_request_new ("GET", "/api/v1/timelines/public", NULL);
      break;
    case STARLING_FEED_HASHTAG:
      request = starling_request_new ("GET", "/api/v1/timelines/tag/:id", self->argument);
      break;
    case STARLING_FEED_LIST:
      request = starling_request_new ("GET", "/api/v1/timelines/list/:id", self->argument);
      break;
    case STARLING_FEED_BOOKMARKS:
      request = starling_request_new ("GET", "/api/v1/bookmarks", NULL);
      break;
    case STARLING_FEED_FAVOURITES:
      request = starling_request_new ("GET", "/api/v1/favourites", NULL);
      break;
    case STARLING_FEED_ACCOUNT:
      request = starling_request_new ("GET", "/api/v1/accounts/:id/statuses", self->argument);
      if (!(self->options & STARLING_FEED_WITH_REPLIES))
        starling_request_add_param_bool (request, "exclude_replies", TRUE);
      if (self->options & STARLING_FEED_ONLY_MEDIA)
        starling_request_add_param_bool (request, "only_media", TRUE);
      if (self->options & STARLING_FEED_PINNED)
        starling_request_add_param_bool (request, "pinned", TRUE);
      break;
    case STARLING_FEED_NOTIFICATIONS:
      if (self->grouped)
        {
          request = starling_request_new ("GET", "/api/v2/notifications", NULL);
          starling_request_set_result (request, STARLING_RESULT_GROUPED_NOTIFICATIONS,
                                       STARLING_TYPE_NOTIFICATION_GROUP);
        }
      else
        {
          request = starling_request_new ("GET", "/api/v1/notifications", NULL);
          starling_request_set_result (request, STARLING_RESULT_PAGE, STARLING_TYPE_NOTIFICATION);
        }
      starling_request_set_page_size (request, NOTIFICATION_PAGE_SIZE);
      return request;
    default:
      g_assert_not_reached ();
    }

  starling_request_set_result (request, STARLING_RESULT_PAGE, STARLING_TYPE_STATUS);
  starling_request_set_page_size (request, STATUS_PAGE_SIZE);

  return request;
}

static StarlingRequest *
new_request_with (StarlingFeed *self,
                  const char   *name,
                  const char   *cursor)
{
  StarlingRequest *request = new_request (self);

  starling_request_add_param (request, name, cursor);

  return request;
}

/* Properties */

static void
set_boolean (StarlingFeed *self,
             gboolean     *field,
             gboolean      value,
             guint         prop)
{
  value = !!value;
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_at_end (StarlingFeed *self,
            gboolean      at_end)
{
  set_boolean (self, &self->at_end, at_end, PROP_AT_END);
}

/* @error: (transfer full) (nullable) */
static void
set_error (StarlingFeed *self,
           GError       *error)
{
  if (error == NULL && self->error == NULL)
    return;

  g_clear_error (&self->error);
  self->error = error;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
update_live (StarlingFeed *self)
{
  gboolean live = self->streaming != NULL && self->subscribed &&
                  starling_streaming_get_state (self->streaming) == STARLING_STREAMING_STATE_CONNECTED;

  set_boolean (self, &self->live, live, PROP_LIVE);
}

/* Operations */

static void
waiter_free (Waiter *waiter)
{
  if (waiter->cancel_source != NULL)
    {
      g_source_destroy (waiter->cancel_source);
      g_source_unref (waiter->cancel_source);
    }
  g_clear_object (&waiter->task);
  g_free (waiter);
}

static Op *
op_new (StarlingFeed *self,
        OpKind        kind)
{
  Op *op = g_new0 (Op, 1);

  op->self = g_object_ref (self);
  op->kind = kind;
  op->cancellable = g_cancellable_new ();
  op->waiters = g_ptr_array_new ();

  return op;
}

static void
op_free (Op *op)
{
  g_assert (op->waiters->len == 0);

  g_ptr_array_unref (op->waiters);
  g_clear_object (&op->cancellable);
  g_clear_object (&op->gap);
  g_clear_object (&op->request);
  g_clear_object (&op->self);
  g_free (op);
}

/* Takes @op out of the feed, so that a new call starts a new one. */
static void
op_detach (Op *op)
{
  StarlingFeed *self = op->self;

  if (op->detached)
    return;
  op->detached = TRUE;

  switch (op->kind)
    {
    case OP_REFRESH:
      g_assert (self->refresh_op == op);
      self->refresh_op = NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
      break;
    case OP_OLDER:
      g_assert (self->older_op == op);
      self->older_op = NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING_OLDER]);
      break;
    case OP_GAP:
      g_hash_table_remove (self->gap_ops, op->gap);
      if (op->gap != NULL)
        starling_timeline_gap_set_loading (op->gap, FALSE);
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
waiter_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  Waiter *waiter = user_data;
  Op *op = waiter->op;
  g_autoptr (GTask) task = g_object_ref (waiter->task);

  g_ptr_array_remove (op->waiters, waiter);
  waiter_free (waiter);
  g_task_return_error_if_cancelled (task);

  /* No one waits any more: the request stops, and the next call starts
   * afresh rather than joining what is being cancelled. */
  if (op->waiters->len == 0 && op->internal == 0)
    {
      g_debug ("Every caller cancelled; stopping the request");
      op_detach (op);
      g_cancellable_cancel (op->cancellable);
    }

  return G_SOURCE_REMOVE;
}

static void
op_add_waiter (Op    *op,
               GTask *task)
{
  Waiter *waiter = g_new0 (Waiter, 1);
  GCancellable *cancellable = g_task_get_cancellable (task);

  waiter->op = op;
  waiter->task = g_object_ref (task);
  if (cancellable != NULL)
    {
      waiter->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (waiter->cancel_source, G_SOURCE_FUNC (waiter_cancelled_cb), waiter, NULL);
      g_source_set_static_name (waiter->cancel_source, "[starling] feed call cancelled");
      g_source_attach (waiter->cancel_source, g_task_get_context (task));
    }
  g_ptr_array_add (op->waiters, waiter);
}

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Ends @op: every waiter gets the result, the feed learns what happened.
 * @error: (nullable) (transfer none) */
static void
op_finish (Op           *op,
           const GError *error)
{
  StarlingFeed *self = op->self;
  gboolean was_attached = !op->detached;
  guint internal = op->internal;
  OpKind kind = op->kind;

  op_detach (op);

  if (error != NULL && !is_cancelled (error))
    {
      g_debug ("The %s feed: %s", kind_name (self->kind), error->message);
      set_error (self, g_error_copy (error));
      if (g_error_matches (error, STARLING_API_ERROR, STARLING_API_ERROR_UNAUTHORIZED))
        self->unauthorized = TRUE;
    }
  else if (error == NULL && was_attached)
    {
      set_error (self, NULL);
      if (kind == OP_REFRESH)
        self->unauthorized = FALSE;
    }

  while (op->waiters->len > 0)
    {
      Waiter *waiter = g_ptr_array_steal_index (op->waiters, 0);

      if (error != NULL)
        g_task_return_error (waiter->task, g_error_copy (error));
      else
        g_task_return_boolean (waiter->task, TRUE);
      waiter_free (waiter);
    }

  /* A poll's refresh decides when the next one is. */
  if (kind == OP_REFRESH && internal > 0 && was_attached)
    {
      if (error == NULL)
        self->poll_failures = 0;
      else if (!is_cancelled (error) && self->poll_failures < 32)
        self->poll_failures++;
    }
  if (kind == OP_REFRESH)
    update_polling (self);

  op_free (op);
}

static void
op_send (Op                  *op,
         StarlingRequest     *request,
         GAsyncReadyCallback  callback)
{
  g_set_object (&op->request, request);
  op->requests++;
  starling_client_send_async (op->self->client, request, op->cancellable, callback, op);
}

/* The page an operation's request brought, or NULL with @op finished. */
static StarlingPage *
op_page_finish (Op           *op,
                GAsyncResult *result)
{
  g_autoptr (GError) error = NULL;
  StarlingPage *page;

  page = starling_client_page_finish (op->self->client, result, &error);
  if (page == NULL)
    {
      op_finish (op, error);
      return NULL;
    }

  if (op->detached)
    {
      g_autoptr (GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                          "The operation was cancelled");

      g_object_unref (page);
      op_finish (op, cancelled);
      return NULL;
    }

  return page;
}

static gboolean
page_is_full (Op           *op,
              StarlingPage *page)
{
  return starling_page_get_n_items (page) >= starling_request_get_page_size (op->request);
}

/* Live items */

static void
flush_pending_live (StarlingFeed *self)
{
  g_autoptr (GPtrArray) pending = g_steal_pointer (&self->pending_live);

  self->pending_live = g_ptr_array_new_with_free_func (g_object_unref);
  /* Oldest first, so the newest ends at the top. */
  for (guint i = 0; i < pending->len; i++)
    starling_timeline_insert_live (self->timeline, pending->pdata[i]);
}

static void
take_live (StarlingFeed   *self,
           StarlingEntity *item)
{
  /* Above a trimmed top it would be out of place; filling the top gap
   * brings it where it belongs. */
  if (is_trimmed (self))
    {
      if (!starling_timeline_contains (self->timeline, starling_entity_get_id (item))
          && !hide_filtered (item, filter_context (self->kind), NULL))
        g_signal_emit (self, signals[LIVE_SKIPPED], 0, item);
      return;
    }

  if (!self->synced)
    {
      if (self->pending_live->len >= MAX_PENDING_LIVE)
        g_ptr_array_remove_index (self->pending_live, 0);
      g_ptr_array_add (self->pending_live, g_object_ref (item));
      return;
    }

  starling_timeline_insert_live (self->timeline, item);
}

/* Grouped notifications: the stream sends single notifications; they join
 * the group of their key, which comes to the top. */
static void
take_grouped_notification (StarlingFeed         *self,
                           StarlingNotification *notification)
{
  StarlingEntityMap *map = starling_client_get_entity_map (self->client);
  const char *id = starling_notification_get_id (notification);
  const char *key = starling_notification_get_group_key (notification);
  StarlingAccount *account = starling_notification_get_account (notification);
  StarlingStatus *status = starling_notification_get_status (notification);
  g_autofree char *fallback_key = NULL;
  g_autoptr (StarlingNotificationGroup) group = NULL;
  g_autoptr (GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr (GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto (GStrv) sample_ids = NULL;

  if (key == NULL)
    key = fallback_key = g_strdup_printf ("ungrouped-%s", id);

  if (account != NULL)
    {
      g_strv_builder_add (ids, starling_account_get_id (account));
      g_ptr_array_add (accounts, g_object_ref (account));
    }

  group = starling_entity_map_lookup (map, STARLING_TYPE_NOTIFICATION_GROUP, key);
  if (group != NULL)
    {
      const char * const *old_ids = starling_notification_group_get_sample_account_ids (group);
      GPtrArray *old_accounts = starling_notification_group_get_sample_accounts (group);

      /* The newest first, each once. */
      for (guint i = 0; old_ids != NULL && old_ids[i] != NULL; i++)
        if (account == NULL || g_strcmp0 (old_ids[i], starling_account_get_id (account)) != 0)
          g_strv_builder_add (ids, old_ids[i]);
      for (guint i = 0; old_accounts != NULL && i < old_accounts->len; i++)
        if (old_accounts->pdata[i] != (gpointer) account)
          g_ptr_array_add (accounts, g_object_ref (old_accounts->pdata[i]));
      sample_ids = g_strv_builder_end (ids);

      g_object_set (group,
                    "notifications-count", starling_notification_group_get_notifications_count (group) + 1,
                    "most-recent-notification-id", id,
                    "page-max-id", id,
                    "latest-page-notification-at", starling_notification_get_created_at (notification),
                    "sample-account-ids", sample_ids,
                    "sample-accounts", accounts,
                    NULL);
      if (status != NULL)
        g_object_set (group, "status", status, "status-id", starling_status_get_id (status), NULL);

      if (starling_timeline_contains (self->timeline, key))
        starling_timeline_remove (self->timeline, key);
      take_live (self, STARLING_ENTITY (group));
      return;
    }

  sample_ids = g_strv_builder_end (ids);
  {
    g_autoptr (StarlingNotificationGroup) fresh = NULL;

    fresh = g_object_new (STARLING_TYPE_NOTIFICATION_GROUP,
                          "id", key,
                          "group-key", key,
                          "notifications-count", (gint64) 1,
                          "notification-type", starling_notification_get_notification_type (notification),
                          "type-name", starling_notification_get_type_name (notification),
                          "most-recent-notification-id", id,
                          "page-min-id", id,
                          "page-max-id", id,
                          "latest-page-notification-at", starling_notification_get_created_at (notification),
                          "sample-account-ids", sample_ids,
                          "sample-accounts", accounts,
                          "status-id", status != NULL ? starling_status_get_id (status) : NULL,
                          "status", status,
                          NULL);
    group = starling_entity_intern (fresh, map);
  }
  take_live (self, STARLING_ENTITY (group));
}

/* Stream events */

static void
stream_update_cb (StarlingStreaming *streaming,
                  StarlingStatus    *status,
                  const char        *stream_key,
                  gpointer           user_data)
{
  StarlingFeed *self = user_data;

  if (self->kind == STARLING_FEED_NOTIFICATIONS || !is_my_stream (self, stream_key))
    return;

  take_live (self, STARLING_ENTITY (status));
}

static void
stream_status_update_cb (StarlingStreaming *streaming,
                         StarlingStatus    *status,
                         const char        *stream_key,
                         gpointer           user_data)
{
  StarlingFeed *self = user_data;

  /* The object shown was updated in place through the identity map; an
   * edit can make a filter hide it now. */
  if (starling_timeline_contains (self->timeline, starling_status_get_id (status)))
    {
      starling_timeline_refilter (self->timeline);
      schedule_save (self);
    }
}

static void
stream_delete_cb (StarlingStreaming *streaming,
                  const char        *id,
                  const char        *stream_key,
                  gpointer           user_data)
{
  StarlingFeed *self = user_data;

  /* Whichever stream says so: a deleted post leaves every timeline. */
  starling_timeline_remove (self->timeline, id);
  for (guint i = self->pending_live->len; i > 0; i--)
    if (g_strcmp0 (starling_entity_get_id (self->pending_live->pdata[i - 1]), id) == 0)
      g_ptr_array_remove_index (self->pending_live, i - 1);
}

static void
stream_notification_cb (StarlingStreaming    *streaming,
                        StarlingNotification *notification,
                        const char           *stream_key,
                        gpointer              user_data)
{
  StarlingFeed *self = user_data;

  if (self->kind != STARLING_FEED_NOTIFICATIONS || !is_my_stream (self, stream_key))
    return;

  decide_grouped (self);
  if (self->grouped)
    take_grouped_notification (self, notification);
  else
    take_live (self, STARLING_ENTITY (notification));
}

static void
refresh_internal (StarlingFeed *self)
{
  if (self->refresh_op != NULL)
    {
      self->refresh_op->internal++;
      return;
    }

  self->refresh_op = op_new (self, OP_REFRESH);
  self->refresh_op->internal = 1;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  start_refresh (self, self->refresh_op);
}

static void
stream_reconnected_cb (StarlingStreaming *streaming,
                       gpointer           user_data)
{
  StarlingFeed *self = user_data;

  if (!self->subscribed)
    return;

  /* Events of the time in between are lost: fetch them, and keep what
   * the stream brings meanwhile until they are in. */
  self->synced = FALSE;
  if (self->active && has_entities (self))
    {
      g_debug ("The stream is back; refreshing to fill what was missed");
      refresh_internal (self);
    }
}

static void
stream_notifications_merged_cb (StarlingStreaming *streaming,
                                gpointer           user_data)
{
  StarlingFeed *self = user_data;

  if (self->kind == STARLING_FEED_NOTIFICATIONS && self->active)
    refresh_internal (self);
}

static void
stream_state_cb (StarlingStreaming *streaming,
                 GParamSpec        *pspec,
                 gpointer           user_data)
{
  StarlingFeed *self = user_data;
  gboolean was_live = self->live;

  update_live (self);

  /* The stream fell back to polling: what it would have brought since it
   * went down is fetched now, then at each interval. */
  if (was_live && !self->live &&
      starling_streaming_get_state (streaming) == STARLING_STREAMING_STATE_POLLING)
    self->synced = FALSE;

  update_polling (self);
}

/* Refcounted subscriptions: feeds of one stream share it. */

typedef struct
{
  guint    count;
  gboolean owned;
} Subscription;

static GQuark
subscriptions_quark (void)
{
  return g_quark_from_static_string ("starling-feed-subscriptions");
}

static GHashTable *
subscriptions_of (StarlingStreaming *streaming)
{
  GHashTable *table = g_object_get_qdata (G_OBJECT (streaming), subscriptions_quark ());

  if (table == NULL)
    {
      table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_object_set_qdata_full (G_OBJECT (streaming), subscriptions_quark (), table,
                               (GDestroyNotify) g_hash_table_unref);
    }

  return table;
}

static gboolean
subscription_ref (StarlingStreaming  *streaming,
                  const char         *stream,
                  const char         *param,
                  GError            **error)
{
  GHashTable *table = subscriptions_of (streaming);
  g_autofree char *key = starling_streaming_stream_key (stream, param);
  Subscription *subscription = g_hash_table_lookup (table, key);

  if (subscription != NULL)
    {
      subscription->count++;
      return TRUE;
    }

  subscription = g_new0 (Subscription, 1);
  subscription->count = 1;
  /* Someone subscribed it without the feeds: leave it to them. */
  subscription->owned = !starling_streaming_is_subscribed (streaming, stream, param);
  if (subscription->owned && !starling_streaming_subscribe (streaming, stream, param, error))
    {
      g_free (subscription);
      return FALSE;
    }
  g_hash_table_insert (table, g_steal_pointer (&key), subscription);

  return TRUE;
}

static void
subscription_unref (StarlingStreaming *streaming,
                    const char        *stream,
                    const char        *param)
{
  GHashTable *table = subscriptions_of (streaming);
  g_autofree char *key = starling_streaming_stream_key (stream, param);
  Subscription *subscription = g_hash_table_lookup (table, key);

  g_return_if_fail (subscription != NULL);

  if (--subscription->count > 0)
    return;

  if (subscription->owned)
    starling_streaming_unsubscribe (streaming, stream, param);
  g_hash_table_remove (table, key);
}

/* Polling */

static guint
poll_delay (StarlingFeed *self)
{
  guint64 delay = self->poll_interval;

  for (guint i = 0; i < self->poll_failures && delay < STARLING_FEED_MAX_POLL_BACKOFF_MS; i++)
    delay *= 2;

  return (guint) MIN (delay, (guint64) STARLING_FEED_MAX_POLL_BACKOFF_MS);
}

static gboolean
should_poll (StarlingFeed *self)
{
  StarlingStreamingState state;

  if (!self->active || self->unauthorized)
    return FALSE;
  if (self->streaming == NULL || !self->subscribed)
    return TRUE;

  state = starling_streaming_get_state (self->streaming);
  return state == STARLING_STREAMING_STATE_POLLING || state == STARLING_STREAMING_STATE_STOPPED;
}

static gboolean
poll_cb (gpointer user_data)
{
  StarlingFeed *self = user_data;

  self->poll_id = 0;
  g_debug ("Polling the %s feed", kind_name (self->kind));
  refresh_internal (self);

  return G_SOURCE_REMOVE;
}

static void
update_polling (StarlingFeed *self)
{
  gboolean polling;

  /* An operation that ends after the feed went away arms nothing. */
  if (self->disposed)
    return;

  polling = should_poll (self);

  if (!polling)
    g_clear_handle_id (&self->poll_id, g_source_remove);
  else if (self->poll_id == 0 && self->refresh_op == NULL)
    {
      /* Behind the present (the stream fell back, say): at once. */
      guint delay = !self->synced && has_entities (self) && !is_trimmed (self) && self->poll_failures == 0
                    ? 0 : poll_delay (self);

      self->poll_id = g_timeout_add (delay, poll_cb, self);
      g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->poll_id),
                                "[starling] feed poll");
    }

  set_boolean (self, &self->polling, polling, PROP_POLLING);
}

/* Refreshing */

/* Grouped notifications: a group that gained notifications comes back
 * with its key; it moves to the top rather than stay where it was. */
static void
remove_regrouped (StarlingFeed *self,
                  StarlingPage *page)
{
  if (cursor_kind (self) != CURSOR_GROUP)
    return;

  for (guint i = 0; i < starling_page_get_n_items (page); i++)
    {
      const char *id = starling_entity_get_id (starling_page_get_item (page, i));

      if (starling_timeline_contains (self->timeline, id))
        starling_timeline_remove (self->timeline, id);
    }
}

/* After a page that created a gap below its last item, keep the request
 * for what is under it. */
static void
remember_gap_below (StarlingFeed *self,
                    StarlingPage *page)
{
  guint n = starling_page_get_n_items (page);
  gpointer last;
  guint total = n_items (self);

  if (n == 0)
    return;

  last = starling_page_get_item (page, n - 1);
  for (guint i = 0; i + 1 < total; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->timeline), i);
      g_autoptr (GObject) below = NULL;

      if (item != last)
        continue;

      below = g_list_model_get_item (G_LIST_MODEL (self->timeline), i + 1);
      if (STARLING_IS_TIMELINE_GAP (below) && !g_hash_table_contains (self->gap_requests, below))
        {
          StarlingRequest *next = starling_page_get_next_request (page);

          g_debug ("A gap below %s", starling_entity_get_id (last));
          if (next != NULL)
            g_hash_table_insert (self->gap_requests, g_object_ref (below), g_object_ref (next));
        }
      return;
    }
}

static void
refresh_done (Op *op)
{
  StarlingFeed *self = op->self;

  g_debug ("Refreshed the %s feed in %u request%s", kind_name (self->kind),
           op->requests, op->requests == 1 ? "" : "s");
  self->synced = TRUE;
  flush_pending_live (self);
  op_finish (op, NULL);
}

static void
top_page_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Op *op = user_data;
  StarlingFeed *self = op->self;
  g_autoptr (StarlingPage) page = op_page_finish (op, result);
  gboolean contiguous;

  if (page == NULL)
    return;

  /* With `since_id` a page that is not full reached what was there; a
   * page without a cursor reaches it when it holds an item already
   * shown, which the timeline sees for itself. */
  contiguous = cursor_kind (self) != CURSOR_LINK && !page_is_full (op, page);
  remove_regrouped (self, page);
  starling_timeline_merge_newer (self->timeline, starling_page_get_items (page), contiguous);
  remember_gap_below (self, page);

  if (cursor_kind (self) == CURSOR_LINK && starling_page_get_prev_request (page) != NULL)
    g_set_object (&self->newer_request, starling_page_get_prev_request (page));

  refresh_done (op);
}

static void
newer_page_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Op *op = user_data;
  StarlingFeed *self = op->self;
  g_autoptr (StarlingPage) page = op_page_finish (op, result);
  g_autoptr (StarlingRequest) top = NULL;
  guint n;

  if (page == NULL)
    return;

  n = starling_page_get_n_items (page);
  remove_regrouped (self, page);
  /* `min_id` walks up from the newest item without a gap. */
  starling_timeline_merge_newer (self->timeline, starling_page_get_items (page), TRUE);
  if (cursor_kind (self) == CURSOR_LINK && n > 0 && starling_page_get_prev_request (page) != NULL)
    g_set_object (&self->newer_request, starling_page_get_prev_request (page));

  if (!page_is_full (op, page))
    {
      refresh_done (op);
      return;
    }

  /* A full page: there may be more above it. Fetch the newest page; where
   * it does not meet this one, a gap stays between them. */
  if (cursor_kind (self) == CURSOR_LINK)
    top = new_request (self);
  else
    top = new_request_with (self, "since_id", newer_cursor_of (starling_page_get_item (page, 0)));
  op_send (op, top, top_page_cb);
}

/* Keeps only what @page holds: for a Link kind shown from the cache,
 * whose cursors are unknown. */
static void
replace_with (StarlingFeed *self,
              StarlingPage *page)
{
  g_autoptr (GHashTable) keep = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) drop = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < starling_page_get_n_items (page); i++)
    g_hash_table_add (keep, (gpointer) starling_entity_get_id (starling_page_get_item (page, i)));

  for (guint i = 0; i < n_items (self); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->timeline), i);
      const char *id = is_entity (item) ? starling_entity_get_id (STARLING_ENTITY (item)) : NULL;

      if (id != NULL && !g_hash_table_contains (keep, id))
        g_ptr_array_add (drop, g_strdup (id));
    }

  for (guint i = 0; i < drop->len; i++)
    starling_timeline_remove (self->timeline, drop->pdata[i]);
}

static void
first_page_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Op *op = user_data;
  StarlingFeed *self = op->self;
  g_autoptr (StarlingPage) page = op_page_finish (op, result);
  StarlingRequest *next;
  gboolean was_empty;
  guint n;

  if (page == NULL)
    return;

  n = starling_page_get_n_items (page);
  next = starling_page_get_next_request (page);
  was_empty = !has_entities (self);

  if (op->replace)
    {
      replace_with (self, page);
      self->needs_replace = FALSE;
    }
  starling_timeline_merge_newer (self->timeline, starling_page_get_items (page), op->replace);
  remember_gap_below (self, page);

  if (starling_page_get_prev_request (page) != NULL)
    g_set_object (&self->newer_request, starling_page_get_prev_request (page));

  /* This page is the bottom of the timeline too. A home timeline being
   * rebuilt answers 206 with an empty page: that is not the end. */
  if (was_empty || op->replace)
    {
      g_set_object (&self->older_request, next);
      set_at_end (self, (n == 0 && !starling_page_get_partial (page)) || (n > 0 && next == NULL));
    }

  refresh_done (op);
}

/* @task waits for the refresh on its way, or for a new one. */
static void
join_refresh (StarlingFeed *self,
              GTask        *task)
{
  gboolean start = self->refresh_op == NULL;

  if (start)
    self->refresh_op = op_new (self, OP_REFRESH);
  op_add_waiter (self->refresh_op, task);

  if (start)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
      start_refresh (self, self->refresh_op);
    }
}

static void
start_refresh (StarlingFeed *self,
               Op           *op)
{
  g_autoptr (StarlingRequest) request = NULL;
  g_autofree char *newest = NULL;

  decide_grouped (self);

  if (is_trimmed (self))
    {
      /* A poll or a reconnect while the reader is far below: what is new
       * comes when the top gap is filled. */
      if (op->waiters->len == 0)
        {
          g_debug ("The %s feed is trimmed at the top: nothing to refresh", kind_name (self->kind));
          op_finish (op, NULL);
          return;
        }

      /* The reader asked: the newest page, above the gap. */
      request = new_request (self);
      op_send (op, request, top_page_cb);
      return;
    }

  if (!has_entities (self) || (cursor_kind (self) == CURSOR_LINK &&
                               (self->needs_replace || self->newer_request == NULL)))
    {
      op->replace = self->needs_replace;
      request = new_request (self);
      op_send (op, request, first_page_cb);
      return;
    }

  if (cursor_kind (self) == CURSOR_LINK)
    request = g_object_ref (self->newer_request);
  else
    {
      newest = newest_cursor (self);
      request = new_request_with (self, "min_id", newest);
    }
  op_send (op, request, newer_page_cb);
}

/* Older items */

static void
older_page_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Op *op = user_data;
  StarlingFeed *self = op->self;
  g_autoptr (StarlingPage) page = op_page_finish (op, result);
  StarlingRequest *next;
  guint n;

  if (page == NULL)
    return;

  n = starling_page_get_n_items (page);
  next = starling_page_get_next_request (page);
  starling_timeline_merge_older (self->timeline, starling_page_get_items (page));
  if (cursor_kind (self) == CURSOR_LINK)
    g_set_object (&self->older_request, next);
  set_at_end (self, n == 0 || next == NULL);

  op_finish (op, NULL);
}

/* Gaps */

static void
gap_page_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Op *op = user_data;
  StarlingFeed *self = op->self;
  g_autoptr (StarlingPage) page = op_page_finish (op, result);
  g_autoptr (GPtrArray) nothing = NULL;
  StarlingRequest *next;
  guint position;

  if (page == NULL)
    return;

  next = starling_page_get_next_request (page);
  starling_timeline_fill_gap (self->timeline, op->gap, starling_page_get_items (page));

  if (find_gap (self, op->gap, &position))
    {
      if (next != NULL && starling_page_get_n_items (page) > 0)
        g_hash_table_insert (self->gap_requests, g_object_ref (op->gap), g_object_ref (next));
      else
        {
          /* The server has nothing further down: nothing is missing. */
          nothing = g_ptr_array_new ();
          starling_timeline_fill_gap (self->timeline, op->gap, nothing);
        }
    }

  if (!find_gap (self, op->gap, &position))
    g_hash_table_remove (self->gap_requests, op->gap);

  op_finish (op, NULL);
}

/* The top gap: walking up from the item below it. */
static void
top_gap_page_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Op *op = user_data;
  StarlingFeed *self = op->self;
  g_autoptr (StarlingPage) page = op_page_finish (op, result);
  gboolean reached_top;

  if (page == NULL)
    return;

  /* A page that is not full reaches the present. */
  reached_top = !page_is_full (op, page);
  starling_timeline_fill_top_gap (self->timeline, op->gap, starling_page_get_items (page), reached_top);
  g_debug ("Loaded %u newer items of the %s feed again%s", starling_page_get_n_items (page),
           kind_name (self->kind), reached_top ? ", up to the present" : "");

  if (!is_trimmed (self))
    {
      /* The top is the present again: the stream shows, the cache writes. */
      self->synced = TRUE;
      flush_pending_live (self);
      update_polling (self);
      schedule_save (self);
    }

  op_finish (op, NULL);
}

/* Cache */

typedef struct
{
  GPtrArray *nodes;      /* JsonNode, to become text on a worker */
  GPtrArray *documents;  /* char * */
  char      *timeline;
} Save;

static void
save_free (Save *save)
{
  g_clear_pointer (&save->nodes, g_ptr_array_unref);
  g_clear_pointer (&save->documents, g_ptr_array_unref);
  g_free (save->timeline);
  g_free (save);
}

/* A group with what it refers to, in the shape of the server's grouped
 * page, so that the group decoder reads it back. */
static JsonNode *
encode_group (StarlingNotificationGroup *group)
{
  JsonObject *object = json_object_new ();
  JsonArray *accounts = json_array_new ();
  JsonArray *statuses = json_array_new ();
  JsonArray *groups = json_array_new ();
  GPtrArray *samples = starling_notification_group_get_sample_accounts (group);
  StarlingStatus *status = starling_notification_group_get_status (group);
  JsonNode *node;

  for (guint i = 0; samples != NULL && i < samples->len; i++)
    json_array_add_element (accounts, starling_entity_encode (samples->pdata[i]));
  if (status != NULL)
    json_array_add_element (statuses, starling_entity_encode (STARLING_ENTITY (status)));
  json_array_add_element (groups, starling_entity_encode (STARLING_ENTITY (group)));

  json_object_set_array_member (object, "accounts", accounts);
  json_object_set_array_member (object, "statuses", statuses);
  json_object_set_array_member (object, "notification_groups", groups);
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);

  return node;
}

/* The newest items down to the first gap: below a gap the cache could not
 * say that something is missing. */
static GPtrArray *
encode_cached_items (StarlingFeed *self)
{
  GPtrArray *nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  guint n = n_items (self);

  for (guint i = 0; i < n && nodes->len < STARLING_DATABASE_TIMELINE_CACHE_LIMIT; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->timeline), i);

      if (STARLING_IS_TIMELINE_GAP (item))
        break;
      if (STARLING_IS_NOTIFICATION_GROUP (item))
        g_ptr_array_add (nodes, encode_group (STARLING_NOTIFICATION_GROUP (item)));
      else if (is_entity (item))
        g_ptr_array_add (nodes, starling_entity_encode (STARLING_ENTITY (item)));
    }

  return nodes;
}

static void
to_text_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Save *save = task_data;

  save->documents = g_ptr_array_new_full (save->nodes->len, g_free);
  for (guint i = 0; i < save->nodes->len; i++)
    g_ptr_array_add (save->documents, json_to_string (save->nodes->pdata[i], FALSE));

  g_task_return_boolean (task, TRUE);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  if (!starling_database_write_finish (STARLING_DATABASE (object), result, &error))
    {
      g_debug ("The timeline could not be cached: %s", error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
texts_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StarlingFeed *self = g_task_get_source_object (task);
  GTask *worker = G_TASK (result);
  Save *save = g_task_get_task_data (worker);
  g_autoptr (GError) error = NULL;

  if (!g_task_propagate_boolean (worker, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (self->database == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                               "The feed has no cache any more");
      return;
    }

  starling_database_save_timeline_async (self->database, self->handle, save->timeline, save->documents,
                                         g_task_get_cancellable (task), saved_cb, g_object_ref (task));
}

static void
save_now (StarlingFeed        *self,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr (GTask) worker = NULL;
  Save *save;

  g_task_set_source_tag (task, save_now);
  g_clear_handle_id (&self->save_id, g_source_remove);

  if (self->database == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                               "The feed has no cache: call starling_feed_set_cache() first");
      return;
    }

  if (is_trimmed (self))
    {
      g_debug ("The top of the timeline is trimmed: the cache keeps its newest items");
      g_task_return_boolean (task, TRUE);
      return;
    }

  save = g_new0 (Save, 1);
  save->nodes = encode_cached_items (self);
  save->timeline = starling_feed_dup_cache_key (self);
  g_debug ("Caching %u items of %s", save->nodes->len, save->timeline);

  worker = g_task_new (self, cancellable, texts_cb, g_object_ref (task));
  g_task_set_source_tag (worker, to_text_thread);
  g_task_set_task_data (worker, save, (GDestroyNotify) save_free);
  g_task_run_in_thread (worker, to_text_thread);
}

static void
background_save_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  /* Nothing is lost: the network has it, and the next change tries again. */
  if (!g_task_propagate_boolean (G_TASK (result), &error) && !is_cancelled (error))
    g_debug ("The cache was not written: %s", error->message);
}

static gboolean
save_cb (gpointer user_data)
{
  StarlingFeed *self = user_data;

  self->save_id = 0;
  save_now (self, self->cancellable, background_save_cb, NULL);

  return G_SOURCE_REMOVE;
}

static void
schedule_save (StarlingFeed *self)
{
  /* Trimmed, the newest items are not there to write: the cache keeps
   * the ones it has. */
  if (self->database == NULL || self->disposed || is_trimmed (self))
    return;

  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (CACHE_DELAY_MS, save_cb, self);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->save_id),
                            "[starling] feed cache");
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  StarlingFeed *self = STARLING_FEED (user_data);

  if (position == 0)
    set_boolean (self, &self->trimmed, is_trimmed (self), PROP_TRIMMED);
  schedule_save (self);
}

typedef struct
{
  GPtrArray *documents;
  gboolean   grouped;
  GType      type;
  GPtrArray *items;
} Load;

static void
load_free (Load *load)
{
  g_clear_pointer (&load->documents, g_ptr_array_unref);
  g_clear_pointer (&load->items, g_ptr_array_unref);
  g_free (load);
}

/* Parses and decodes the cached documents without the map: the main
 * thread interns them. */
static void
decode_cached_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  Load *load = task_data;
  g_autoptr (StarlingEntityMap) scratch = starling_entity_map_new ();

  load->items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < load->documents->len; i++)
    {
      const char *text = load->documents->pdata[i];
      g_autoptr (JsonNode) node = NULL;
      g_autoptr (GError) error = NULL;

      if (g_task_return_error_if_cancelled (task))
        return;

      node = starling_json_parse (text, -1, &error);
      if (node != NULL && load->grouped)
        {
          g_autoptr (GPtrArray) groups = starling_notification_group_decode_results (node, scratch, &error);

          for (guint j = 0; groups != NULL && j < groups->len; j++)
            g_ptr_array_add (load->items, g_object_ref (groups->pdata[j]));
        }
      else if (node != NULL)
        {
          gpointer item = starling_entity_decode (load->type, node, scratch, &error);

          if (item != NULL)
            g_ptr_array_add (load->items, item);
        }

      /* A document this build cannot read is left out, not the page. */
      if (error != NULL)
        g_debug ("Left out cached item %u: %s", i, error->message);
    }

  g_task_return_boolean (task, TRUE);
}

static void
cached_decoded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StarlingFeed *self = g_task_get_source_object (task);
  Load *load = g_task_get_task_data (G_TASK (result));
  StarlingEntityMap *map = starling_client_get_entity_map (self->client);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  /* The network was quicker: what it brought is newer. */
  if (has_entities (self))
    {
      g_debug ("Cached items not shown: the timeline is already loaded");
      g_task_return_int (task, 0);
      return;
    }

  items = g_ptr_array_new_full (load->items->len, g_object_unref);
  for (guint i = 0; i < load->items->len; i++)
    {
      StarlingEntity *item = load->items->pdata[i];
      const char *id = starling_entity_get_id (item);
      gpointer alive = id != NULL ? starling_entity_map_lookup (map, G_OBJECT_TYPE (item), id) : NULL;

      /* An object alive elsewhere is newer than the cache: keep it as it
       * is. */
      g_ptr_array_add (items, alive != NULL ? alive : starling_entity_intern (item, map));
    }

  starling_timeline_merge_older (self->timeline, items);
  /* The top is not the present until a refresh says so; Link cursors are
   * not cached, so the first page replaces what the cache showed. */
  self->synced = FALSE;
  if (cursor_kind (self) == CURSOR_LINK && items->len > 0)
    self->needs_replace = TRUE;
  g_debug ("Showing %u cached items", items->len);

  g_task_return_int (task, items->len);
}

static void
cache_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StarlingFeed *self = g_task_get_source_object (task);
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GTask) worker = NULL;
  g_autoptr (GError) error = NULL;
  Load *load;

  documents = starling_database_load_timeline_finish (STARLING_DATABASE (object), result, &error);
  if (documents == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  decide_grouped (self);
  load = g_new0 (Load, 1);
  load->documents = g_steal_pointer (&documents);
  load->grouped = self->grouped;
  load->type = self->kind == STARLING_FEED_NOTIFICATIONS ? STARLING_TYPE_NOTIFICATION : STARLING_TYPE_STATUS;

  worker = g_task_new (self, g_task_get_cancellable (task), cached_decoded_cb, g_object_ref (task));
  g_task_set_source_tag (worker, decode_cached_thread);
  g_task_set_task_data (worker, load, (GDestroyNotify) load_free);
  g_task_run_in_thread (worker, decode_cached_thread);
}

/* GObject */

static void
disconnect_streaming (StarlingFeed *self)
{
  const char *stream, *param;

  if (self->streaming == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->streaming, self);
  if (self->subscribed && stream_of (self, &stream, &param))
    subscription_unref (self->streaming, stream, param);
  self->subscribed = FALSE;
  g_clear_object (&self->streaming);
}

static void
cancel_all (StarlingFeed *self)
{
  g_autoptr (GList) gaps = NULL;

  if (self->refresh_op != NULL)
    g_cancellable_cancel (self->refresh_op->cancellable);
  if (self->older_op != NULL)
    g_cancellable_cancel (self->older_op->cancellable);
  gaps = g_hash_table_get_values (self->gap_ops);
  for (GList *l = gaps; l != NULL; l = l->next)
    g_cancellable_cancel (((Op *) l->data)->cancellable);
  g_cancellable_cancel (self->cancellable);
}

static void
starling_feed_dispose (GObject *object)
{
  StarlingFeed *self = STARLING_FEED (object);

  self->disposed = TRUE;
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_handle_id (&self->save_id, g_source_remove);
  disconnect_streaming (self);
  cancel_all (self);
  if (self->timeline != NULL)
    g_signal_handlers_disconnect_by_data (self->timeline, self);

  G_OBJECT_CLASS (starling_feed_parent_class)->dispose (object);
}

static void
starling_feed_finalize (GObject *object)
{
  StarlingFeed *self = STARLING_FEED (object);

  /* Every operation holds the feed: none is left now. */
  g_assert (self->refresh_op == NULL && self->older_op == NULL);

  g_clear_pointer (&self->gap_ops, g_hash_table_unref);
  g_clear_pointer (&self->gap_requests, g_hash_table_unref);
  g_clear_pointer (&self->pending_live, g_ptr_array_unref);
  g_clear_object (&self->newer_request);
  g_clear_object (&self->older_request);
  g_clear_object (&self->timeline);
  g_clear_object (&self->client);
  g_clear_object (&self->database);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  g_free (self->argument);
  g_free (self->handle);

  G_OBJECT_CLASS (starling_feed_parent_class)->finalize (object);
}

static void
starling_feed_constructed (GObject *object)
{
  StarlingFeed *self = STARLING_FEED (object);

  G_OBJECT_CLASS (starling_feed_parent_class)->constructed (object);

  g_assert (STARLING_IS_CLIENT (self->client));

  /* A hashtag is subscribed and asked for without the `#` people type. */
  if (self->kind == STARLING_FEED_HASHTAG && self->argument != NULL && self->argument[0] == '#')
    memmove (self->argument, self->argument + 1, strlen (self->argument));

  self->timeline = starling_timeline_new (filter_context (self->kind));
  starling_timeline_set_hide_func (self->timeline, hide_filtered, NULL, NULL);
  g_signal_connect (self->timeline, "items-changed", G_CALLBACK (items_changed_cb), self);
}

static void
starling_feed_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  StarlingFeed *self = STARLING_FEED (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_ARGUMENT:
      g_value_set_string (value, self->argument);
      break;
    case PROP_OPTIONS:
      g_value_set_flags (value, self->options);
      break;
    case PROP_TIMELINE:
      g_value_set_object (value, self->timeline);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, starling_feed_get_loading (self));
      break;
    case PROP_LOADING_OLDER:
      g_value_set_boolean (value, starling_feed_get_loading_older (self));
      break;
    case PROP_AT_END:
      g_value_set_boolean (value, self->at_end);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_LIVE:
      g_value_set_boolean (value, self->live);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    case PROP_POLL_INTERVAL:
      g_value_set_uint (value, self->poll_interval);
      break;
    case PROP_POLLING:
      g_value_set_boolean (value, self->polling);
      break;
    case PROP_STREAMING:
      g_value_set_object (value, self->streaming);
      break;
    case PROP_TRIMMED:
      g_value_set_boolean (value, self->trimmed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_feed_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  StarlingFeed *self = STARLING_FEED (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_ARGUMENT:
      self->argument = g_value_dup_string (value);
      break;
    case PROP_OPTIONS:
      self->options = g_value_get_flags (value);
      break;
    case PROP_ACTIVE:
      starling_feed_set_active (self, g_value_get_boolean (value));
      break;
    case PROP_POLL_INTERVAL:
      starling_feed_set_poll_interval (self, g_value_get_uint (value));
      break;
    case PROP_STREAMING:
      starling_feed_set_streaming (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_feed_class_init (StarlingFeedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = starling_feed_constructed;
  object_class->dispose = starling_feed_dispose;
  object_class->finalize = starling_feed_finalize;
  object_class->get_property = starling_feed_get_property;
  object_class->set_property = starling_feed_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, STARLING_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, STARLING_TYPE_FEED_KIND, STARLING_FEED_HOME,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * StarlingFeed:argument:
   *
   * The hashtag, list id or account id the kind needs; %NULL otherwise.
   */
  properties[PROP_ARGUMENT] =
    g_param_spec_string ("argument", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPTIONS] =
    g_param_spec_flags ("options", NULL, NULL, STARLING_TYPE_FEED_OPTIONS, STARLING_FEED_OPTIONS_NONE,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * StarlingFeed:timeline:
   *
   * What the feed shows, for a list view.
   */
  properties[PROP_TIMELINE] =
    g_param_spec_object ("timeline", NULL, NULL, STARLING_TYPE_TIMELINE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * StarlingFeed:loading:
   *
   * A refresh is on its way (one the user asked for, a poll, or the
   * catch-up after a reconnect).
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING_OLDER] =
    g_param_spec_boolean ("loading-older", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StarlingFeed:at-end:
   *
   * The oldest item is loaded: the server had nothing older.
   */
  properties[PROP_AT_END] =
    g_param_spec_boolean ("at-end", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StarlingFeed:error:
   *
   * Why the last request failed (a #StarlingApiError), for a banner;
   * %NULL again after a request succeeds.
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StarlingFeed:live:
   *
   * New items arrive on the stream as they are posted.
   */
  properties[PROP_LIVE] =
    g_param_spec_boolean ("live", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StarlingFeed:active:
   *
   * The feed is on screen: only then does it poll, and refresh after the
   * stream reconnects.
   */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StarlingFeed:poll-interval:
   *
   * Milliseconds between two refreshes when there is no stream; each
   * failure in a row doubles the wait, up to 15 minutes.
   */
  properties[PROP_POLL_INTERVAL] =
    g_param_spec_uint ("poll-interval", NULL, NULL, 1, G_MAXINT, DEFAULT_POLL_INTERVAL_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StarlingFeed:polling:
   *
   * The feed refreshes at intervals, having no stream to follow.
   */
  properties[PROP_POLLING] =
    g_param_spec_boolean ("polling", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STREAMING] =
    g_param_spec_object ("streaming", NULL, NULL, STARLING_TYPE_STREAMING,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * StarlingFeed:trimmed:
   *
   * The newest items were let go (starling_feed_trim_around()): the
   * timeline starts with a top gap.
   */
  properties[PROP_TRIMMED] =
    g_param_spec_boolean ("trimmed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StarlingFeed::live-skipped:
   * @self: the feed
   * @item: the streamed item
   *
   * The stream brought a new item while the top is trimmed: it is not
   * shown until the top gap is filled, but the reader may want to know.
   */
  signals[LIVE_SKIPPED] =
    g_signal_new ("live-skipped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, STARLING_TYPE_ENTITY);
}

static void
starling_feed_init (StarlingFeed *self)
{
  self->poll_interval = DEFAULT_POLL_INTERVAL_MS;
  self->gap_ops = g_hash_table_new (NULL, NULL);
  self->gap_requests = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
  self->pending_live = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
}

/**
 * starling_feed_new:
 * @client: the account's client
 * @kind: which timeline
 * @argument: (nullable): the hashtag, list id or account id the kind needs
 *
 * Returns: (transfer full): a new feed, empty and inactive
 */
StarlingFeed *
starling_feed_new (StarlingClient   *client,
                   StarlingFeedKind  kind,
                   const char       *argument)
{
  return starling_feed_new_full (client, kind, argument, STARLING_FEED_OPTIONS_NONE);
}

/**
 * starling_feed_new_full:
 * @client: the account's client
 * @kind: which timeline
 * @argument: (nullable): the hashtag, list id or account id the kind needs
 * @options: for an account's feed, which of its posts
 *
 * Returns: (transfer full): a new feed, empty and inactive
 */
StarlingFeed *
starling_feed_new_full (StarlingClient      *client,
                        StarlingFeedKind     kind,
                        const char          *argument,
                        StarlingFeedOptions  options)
{
  g_return_val_if_fail (STARLING_IS_CLIENT (client), NULL);
  g_return_val_if_fail (kind <= STARLING_FEED_NOTIFICATIONS, NULL);
  g_return_val_if_fail (!needs_argument (kind) || (argument != NULL && *argument != '\0'), NULL);

  return g_object_new (STARLING_TYPE_FEED,
                       "client", client,
                       "kind", kind,
                       "argument", needs_argument (kind) ? argument : NULL,
                       "options", options,
                       NULL);
}

/**
 * starling_feed_get_client:
 * @self: a feed
 *
 * Returns: (transfer none): the client it reads with
 */
StarlingClient *
starling_feed_get_client (StarlingFeed *self)
{
  g_return_val_if_fail (STARLING_IS_FEED (self), NULL);

  return self->client;
}

/**
 * starling_feed_get_kind:
 * @self: a feed
 *
 * Returns: which timeline it shows
 */
StarlingFeedKind
starling_feed_get_kind (StarlingFeed *self)
{
  g_return_val_if_fail (STARLING_IS_FEED (self), STARLING_FEED_HOME);

  return self->kind;
}

/**
 * starling_feed_get_argument:
 * @self: a feed
 *
 * Returns: (nullable): the hashtag (without `#`), list id or account id
 */
const char *
starling_feed_get_argument (StarlingFeed *self)
{
  g_return_val_if_fail (STARLING_IS_FEED (self), NULL);

  return self->argument;
}

/**
 * starling_feed_get_options:
 * @self: a feed
 *
 * Returns: the options of an account's feed
 */
StarlingFeedOptions
starling_feed_get_options (StarlingFeed *self)
{
  g_return_val_if_fail (STARLING_IS_FEED (self), STARLING_FEED_OPTIONS_NONE);

  return self->options;
}

/**
 * starling_feed_get_timeline:
 * @self: a feed
 *
 * Returns: (transfer none): the timeline the feed fills
 */
StarlingTimeline *
starling_feed_get_timeline (StarlingFeed *self)
{
  g_return_val_if_fail (STARLING_IS_FEED (self), NULL);

  return self->timeline;
}

/**
 * starling_feed_dup_cache_key:
 * @self: a feed
 *
 * The name its items are cached under for the account: `home`, `local`,
 * `federated`, `tag:<tag>`, `list:<id>`, `bookmarks`, `favourites`,
 * `account:<id>:<options>`, `notifications` or `notifications:grouped`.
 *
 * Returns: (transfer full): the key
 */
char *
starling_feed_dup_cache_key (StarlingFeed *self)
{
  g_autofree char *tag = NULL;

  g_return_val_if_fail (STARLING_IS_FEED (self), NULL);

  decide_grouped (self);

  switch (self->kind)
    {
    case STARLING_FEED_HASHTAG:
      tag = g_utf8_casefold (self->argument, -1);
      return g_strconcat ("tag:", tag, NULL);
    case STARLING_FEED_LIST:
      return g_strconcat ("list:", self->argument, NULL);
    case STARLING_FEED_ACCOUNT:
      return g_strdup_printf ("account:%s:%u", self->argument, (guint) self->options);
    case STARLING_FEED_NOTIFICATIONS:
      return g_strdup (self->grouped ? "notifications:grouped" : "notifications");
    case STARLING_FEED_HOME:
    case STARLING_FEED_LOCAL:
    case STARLING_FEED_FEDERATED:
    case STARLING_FEED_BOOKMARKS:
    case STARLING_FEED_FAVOURITES:
    default:
      return g_strdup (kind_name (self->kind));
    }
}

/**
 * starling_feed_get_loading:
 * @self: a feed
 *
 * Returns: whether a refresh is on its way
 */
gboolean
starling_feed_get_loading (StarlingFeed *self)
{
  g_return_val_if_fail (STARLING_IS_FEED (self), FALSE);

  return self->refresh_op != NULL;
}

/**
 * starling_feed_get_loading_older:
 * @self: a feed
 *
 * Returns: whether older items are on their way
 */
gboolean
starling_feed_get_loading_older (StarlingFeed *self)
{
  g_return_val_if_fail (STARLING_IS_FEED (self), FALSE);

  return self->older_op != NULL;
}

/**
 * starling_feed_get_at_end:
 * @self: a feed
 *
 * Returns: whether the oldest item is loaded
 */
gboolean
starling_feed_get_at_end (StarlingFeed *self)
{
  g_return_val_if_fail (STARLING_IS_FEED (self), FALSE);

  return self->at_end;
}

/**
 * starling_feed_get_error:
 * @self: a feed
 *
 * Returns: (nullable): why the last request failed
 */
const GError *
starling_feed_get_error (StarlingFeed *self)
{
  g_return_val_if_fail (STARLING_IS_FEED (self), NULL);

  return self->error;
}

/**
 * starling_feed_get_live:
 * @self: a feed
 *
 * Returns: whether new items arrive on the stream
 */
gboolean
starling_feed_get_live (StarlingFeed *self)
{
  g_return_val_if_fail (STARLING_IS_FEED (self), FALSE);

  return self->live;
}

/**
 * starling_feed_get_polling:
 * @self: a feed
 *
 * Returns: whether the feed refreshes at intervals
 */
gboolean
starling_feed_get_polling (StarlingFeed *self)
{
  g_return_val_if_fail (STARLING_IS_FEED (self), FALSE);

  return self->polling;
}

/**
 * starling_feed_get_active:
 * @self: a feed
 *
 * Returns: whether the feed is on screen
 */
gboolean
starling_feed_get_active (StarlingFeed *self)
{
  g_return_val_if_fail (STARLING_IS_FEED (self), FALSE);

  return self->active;
}

/**
 * starling_feed_set_active:
 * @self: a feed
 * @active: whether it is on screen
 *
 * An active feed polls when it has no stream, and catches up after the
 * stream reconnects; a feed that missed a reconnect while inactive
 * catches up when it becomes active.
 */
void
starling_feed_set_active (StarlingFeed *self,
                          gboolean      active)
{
  g_return_if_fail (STARLING_IS_FEED (self));

  active = !!active;
  if (self->active == active)
    return;

  self->active = active;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);

  if (active && self->live && !self->synced && has_entities (self))
    refresh_internal (self);
  update_polling (self);
}

/**
 * starling_feed_get_poll_interval:
 * @self: a feed
 *
 * Returns: the milliseconds between two polls
 */
guint
starling_feed_get_poll_interval (StarlingFeed *self)
{
  g_return_val_if_fail (STARLING_IS_FEED (self), 0);

  return self->poll_interval;
}

/**
 * starling_feed_set_poll_interval:
 * @self: a feed
 * @milliseconds: the time between two polls, at least 1
 */
void
starling_feed_set_poll_interval (StarlingFeed *self,
                                 guint         milliseconds)
{
  g_return_if_fail (STARLING_IS_FEED (self));
  g_return_if_fail (milliseconds > 0);

  if (self->poll_interval == milliseconds)
    return;

  self->poll_interval = milliseconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLL_INTERVAL]);

  /* The next poll comes at the new interval. */
  g_clear_handle_id (&self->poll_id, g_source_remove);
  update_polling (self);
}

/**
 * starling_feed_get_streaming:
 * @self: a feed
 *
 * Returns: (transfer none) (nullable): the stream it follows
 */
StarlingStreaming *
starling_feed_get_streaming (StarlingFeed *self)
{
  g_return_val_if_fail (STARLING_IS_FEED (self), NULL);

  return self->streaming;
}

/**
 * starling_feed_set_streaming:
 * @self: a feed
 * @streaming: (nullable): the account's stream
 *
 * Follows @streaming: subscribes this timeline's stream on it (shared
 * with the other feeds of the same stream, and left when the last of
 * them goes), takes its events, and refreshes after each reconnect. A
 * kind without a stream (bookmarks, favourites, an account's posts)
 * keeps polling. The owner starts and stops @streaming.
 */
void
starling_feed_set_streaming (StarlingFeed      *self,
                             StarlingStreaming *streaming)
{
  const char *stream, *param;

  g_return_if_fail (STARLING_IS_FEED (self));
  g_return_if_fail (streaming == NULL || STARLING_IS_STREAMING (streaming));

  if (self->streaming == streaming)
    return;

  disconnect_streaming (self);

  if (streaming != NULL)
    {
      g_autoptr (GError) error = NULL;

      self->streaming = g_object_ref (streaming);
      if (stream_of (self, &stream, &param))
        {
          self->subscribed = subscription_ref (streaming, stream, param, &error);
          if (!self->subscribed)
            g_warning ("The %s feed cannot follow its stream: %s",
                       kind_name (self->kind), error->message);
        }

      g_signal_connect (streaming, "update", G_CALLBACK (stream_update_cb), self);
      g_signal_connect (streaming, "status-update", G_CALLBACK (stream_status_update_cb), self);
      g_signal_connect (streaming, "delete", G_CALLBACK (stream_delete_cb), self);
      g_signal_connect (streaming, "notification", G_CALLBACK (stream_notification_cb), self);
      g_signal_connect (streaming, "reconnected", G_CALLBACK (stream_reconnected_cb), self);
      g_signal_connect (streaming, "notifications-merged", G_CALLBACK (stream_notifications_merged_cb), self);
      g_signal_connect (streaming, "notify::state", G_CALLBACK (stream_state_cb), self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STREAMING]);
  update_live (self);
  update_polling (self);
}

/**
 * starling_feed_set_cache:
 * @self: a feed
 * @database: (nullable): the database to keep the newest items in
 * @account_handle: (nullable): the account's `user@server`
 *
 * From now on, a moment after each change the newest items (down to the
 * first gap, at most %STARLING_DATABASE_TIMELINE_CACHE_LIMIT) are written
 * to @database, under starling_feed_dup_cache_key(), for
 * starling_feed_load_cached_async() to show them next time.
 */
void
starling_feed_set_cache (StarlingFeed     *self,
                         StarlingDatabase *database,
                         const char       *account_handle)
{
  g_return_if_fail (STARLING_IS_FEED (self));
  g_return_if_fail (database == NULL || STARLING_IS_DATABASE (database));
  g_return_if_fail (database == NULL || account_handle != NULL);

  g_clear_handle_id (&self->save_id, g_source_remove);
  g_set_object (&self->database, database);
  g_free (self->handle);
  self->handle = g_strdup (account_handle);
}

/**
 * starling_feed_refresh_async:
 * @self: a feed
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the new items are in the timeline
 * @user_data: data for @callback
 *
 * Loads what is newer than the newest item, or the newest page when the
 * timeline is empty. A call while a refresh is on its way shares it.
 */
void
starling_feed_refresh_async (StarlingFeed        *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (STARLING_IS_FEED (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_feed_refresh_async);

  if (g_task_return_error_if_cancelled (task))
    return;

  join_refresh (self, task);
}

/**
 * starling_feed_refresh_finish:
 * @self: a feed
 * @result: the result given to the callback
 * @error: return location for a #StarlingApiError or %G_IO_ERROR_CANCELLED
 *
 * Returns: whether the refresh succeeded
 */
gboolean
starling_feed_refresh_finish (StarlingFeed  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (STARLING_IS_FEED (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * starling_feed_load_older_async:
 * @self: a feed
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the older items are in the timeline
 * @user_data: data for @callback
 *
 * Loads the page below the oldest item, for infinite scrolling; when the
 * server has nothing older, #StarlingFeed:at-end becomes %TRUE and further
 * calls succeed at once. An empty timeline is refreshed instead. A call
 * while older items are on their way shares that request.
 */
void
starling_feed_load_older_async (StarlingFeed        *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (StarlingRequest) request = NULL;
  g_autofree char *oldest = NULL;

  g_return_if_fail (STARLING_IS_FEED (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_feed_load_older_async);

  if (g_task_return_error_if_cancelled (task))
    return;

  if (self->older_op != NULL)
    {
      op_add_waiter (self->older_op, task);
      return;
    }

  decide_grouped (self);

  /* Nothing shown yet, or shown from the cache of a Link kind: the
   * newest page first. */
  if (!has_entities (self) || (cursor_kind (self) == CURSOR_LINK && self->needs_replace))
    {
      join_refresh (self, task);
      return;
    }

  if (self->at_end)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (cursor_kind (self) == CURSOR_LINK)
    {
      if (self->older_request == NULL)
        {
          set_at_end (self, TRUE);
          g_task_return_boolean (task, TRUE);
          return;
        }
      request = g_object_ref (self->older_request);
    }
  else
    {
      oldest = oldest_cursor (self);
      request = new_request_with (self, "max_id", oldest);
    }

  self->older_op = op_new (self, OP_OLDER);
  op_add_waiter (self->older_op, task);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING_OLDER]);
  op_send (self->older_op, request, older_page_cb);
}

/**
 * starling_feed_load_older_finish:
 * @self: a feed
 * @result: the result given to the callback
 * @error: return location for a #StarlingApiError or %G_IO_ERROR_CANCELLED
 *
 * Returns: whether the older items were loaded (or there were none)
 */
gboolean
starling_feed_load_older_finish (StarlingFeed  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (STARLING_IS_FEED (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * starling_feed_fill_gap_async:
 * @self: a feed
 * @gap: a gap of the feed's timeline
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the page is in the gap
 * @user_data: data for @callback
 *
 * Loads the page below the item above @gap into it. The gap closes when
 * the page reaches the items below it; otherwise it moves under the new
 * items, for the next call. A gap no longer in the timeline needs
 * nothing, and the call succeeds at once.
 */
void
starling_feed_fill_gap_async (StarlingFeed        *self,
                              StarlingTimelineGap *gap,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (StarlingRequest) request = NULL;
  StarlingRequest *stored;
  Op *op;
  guint position;

  g_return_if_fail (STARLING_IS_FEED (self));
  g_return_if_fail (STARLING_IS_TIMELINE_GAP (gap));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_feed_fill_gap_async);

  if (g_task_return_error_if_cancelled (task))
    return;

  op = g_hash_table_lookup (self->gap_ops, gap);
  if (op != NULL)
    {
      op_add_waiter (op, task);
      return;
    }

  if (!find_gap (self, gap, &position))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (starling_timeline_gap_get_at_top (gap))
    {
      g_autoptr (GObject) below = position + 1 < n_items (self)
                                  ? g_list_model_get_item (G_LIST_MODEL (self->timeline), position + 1) : NULL;
      const char *cursor = below != NULL ? newer_cursor_of (below) : NULL;

      if (cursor == NULL)
        {
          g_task_return_new_error (task, STARLING_API_ERROR, STARLING_API_ERROR_FAILED,
                                   _("The missing posts cannot be asked for: refresh the timeline"));
          return;
        }
      request = new_request_with (self, "min_id", cursor);
      op = op_new (self, OP_GAP);
      op->gap = g_object_ref (gap);
      g_hash_table_insert (self->gap_ops, gap, op);
      op_add_waiter (op, task);
      starling_timeline_gap_set_loading (gap, TRUE);
      op_send (op, request, top_gap_page_cb);
      return;
    }

  stored = g_hash_table_lookup (self->gap_requests, gap);
  if (stored != NULL)
    request = g_object_ref (stored);
  else if (cursor_kind (self) != CURSOR_LINK && position > 0)
    {
      g_autoptr (GObject) above = g_list_model_get_item (G_LIST_MODEL (self->timeline), position - 1);

      request = new_request_with (self, "max_id", older_cursor_of (above));
    }

  if (request == NULL)
    {
      g_task_return_new_error (task, STARLING_API_ERROR, STARLING_API_ERROR_FAILED,
                               _("The missing posts cannot be asked for: refresh the timeline"));
      return;
    }

  op = op_new (self, OP_GAP);
  op->gap = g_object_ref (gap);
  g_hash_table_insert (self->gap_ops, gap, op);
  op_add_waiter (op, task);
  starling_timeline_gap_set_loading (gap, TRUE);
  op_send (op, request, gap_page_cb);
}

/**
 * starling_feed_fill_gap_finish:
 * @self: a feed
 * @result: the result given to the callback
 * @error: return location for a #StarlingApiError or %G_IO_ERROR_CANCELLED
 *
 * Returns: whether the page was loaded into the gap
 */
gboolean
starling_feed_fill_gap_finish (StarlingFeed  *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (STARLING_IS_FEED (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * starling_feed_trim_around:
 * @self: a feed
 * @position: the position in the timeline of the item the reader looks at
 * @margin: how many items to keep above it and below it
 *
 * Lets go of the items more than @margin above @position (a top gap takes
 * their place, which starling_feed_fill_gap_async() fills again) and more
 * than @margin below it (loading older items brings them back), so that
 * memory stays bounded however far the reader scrolls. Items go in
 * batches: only when more than a quarter of @margin would go on that side.
 * Nothing goes while a request that relies on that end is on its way, nor
 * in timelines whose pages only the server's `Link` cursors find
 * (bookmarks, favourites) or whose items are grouped notifications.
 *
 * Returns: how many items were let go
 */
guint
starling_feed_trim_around (StarlingFeed *self,
                           guint         position,
                           guint         margin)
{
  guint n = n_items (self);
  guint slack = MAX (margin / 4, 1);
  guint removed = 0;
  StarlingTimelineGap *top_gap;

  g_return_val_if_fail (STARLING_IS_FEED (self), 0);
  g_return_val_if_fail (margin > 0, 0);

  decide_grouped (self);
  if (cursor_kind (self) != CURSOR_ID || position >= n)
    return 0;

  top_gap = starling_timeline_get_top_gap (self->timeline);

  /* Below first: the positions above do not move for it. */
  if (n - position - 1 > margin + slack && self->older_op == NULL)
    {
      guint dropped = starling_timeline_trim_older (self->timeline, n - position - 1 - margin);

      if (dropped > 0)
        {
          g_debug ("Let go of the %u oldest items of the %s feed", dropped, kind_name (self->kind));
          set_at_end (self, FALSE);
          removed += dropped;
        }
    }

  if (position > margin + slack && self->refresh_op == NULL
      && (top_gap == NULL || !g_hash_table_contains (self->gap_ops, top_gap)))
    {
      guint dropped = starling_timeline_trim_newer (self->timeline, position - margin);

      if (dropped > 0)
        {
          g_debug ("Let go of the %u newest items of the %s feed", dropped, kind_name (self->kind));
          /* What the stream kept for later will come with the gap. */
          g_ptr_array_set_size (self->pending_live, 0);
          g_clear_handle_id (&self->save_id, g_source_remove);
          removed += dropped;
        }
    }

  return removed;
}

/**
 * starling_feed_get_trimmed:
 * @self: a feed
 *
 * Returns: whether the newest items were let go, and a top gap stands for
 *   them
 */
gboolean
starling_feed_get_trimmed (StarlingFeed *self)
{
  g_return_val_if_fail (STARLING_IS_FEED (self), FALSE);

  return is_trimmed (self);
}

/**
 * starling_feed_load_cached_async:
 * @self: a feed with a cache (starling_feed_set_cache())
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the cached items are shown
 * @user_data: data for @callback
 *
 * Shows the cached items, so the window has posts before the network
 * answers: the database reads on its worker, the documents are decoded on
 * another, and the main thread only puts them in the identity map and the
 * timeline. Nothing is shown when the timeline already has items. Refresh
 * afterwards: the cache is as old as the last session.
 */
void
starling_feed_load_cached_async (StarlingFeed        *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *key = NULL;

  g_return_if_fail (STARLING_IS_FEED (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_feed_load_cached_async);

  if (self->database == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                               "The feed has no cache: call starling_feed_set_cache() first");
      return;
    }

  key = starling_feed_dup_cache_key (self);
  starling_database_load_timeline_async (self->database, self->handle, key, cancellable,
                                         cache_loaded_cb, g_steal_pointer (&task));
}

/**
 * starling_feed_load_cached_finish:
 * @self: a feed
 * @result: the result given to the callback
 * @n_items: (out) (optional): how many cached items were shown
 * @error: return location for a #StarlingStoreError
 *
 * Returns: whether the cache could be read (an empty cache is no error)
 */
gboolean
starling_feed_load_cached_finish (StarlingFeed  *self,
                                  GAsyncResult  *result,
                                  guint         *n_items_out,
                                  GError       **error)
{
  gssize shown;

  g_return_val_if_fail (STARLING_IS_FEED (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  shown = g_task_propagate_int (G_TASK (result), error);
  if (n_items_out != NULL)
    *n_items_out = shown > 0 ? (guint) shown : 0;

  return shown >= 0;
}

/**
 * starling_feed_flush_cache_async:
 * @self: a feed with a cache
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the items are written
 * @user_data: data for @callback
 *
 * Writes the cache now rather than after the usual moment, for instance
 * when the window closes.
 */
void
starling_feed_flush_cache_async (StarlingFeed        *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (STARLING_IS_FEED (self));

  save_now (self, cancellable, callback, user_data);
}

/**
 * starling_feed_flush_cache_finish:
 * @self: a feed
 * @result: the result given to the callback
 * @error: return location for a #StarlingStoreError
 *
 * Returns: whether the items were written
 */
gboolean
starling_feed_flush_cache_finish (StarlingFeed  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (STARLING_IS_FEED (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
