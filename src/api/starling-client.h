/* starling-client.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "model/starling-entity-map.h"
#include "model/starling-marker.h"

#include "starling-page.h"
#include "starling-request.h"
#include "starling-status-params.h"

G_BEGIN_DECLS

/**
 * StarlingTimelineKind:
 * @STARLING_TIMELINE_HOME: `/api/v1/timelines/home`
 * @STARLING_TIMELINE_PUBLIC: `/api/v1/timelines/public`
 * @STARLING_TIMELINE_HASHTAG: `/api/v1/timelines/tag/:hashtag`; the target
 *   is the tag without `#`
 * @STARLING_TIMELINE_LIST: `/api/v1/timelines/list/:list_id`
 * @STARLING_TIMELINE_LINK: `/api/v1/timelines/link?url=`; the target is the
 *   URL
 * @STARLING_TIMELINE_BOOKMARKS: `/api/v1/bookmarks`
 * @STARLING_TIMELINE_FAVOURITES: `/api/v1/favourites`
 * @STARLING_TIMELINE_CONVERSATIONS: `/api/v1/conversations`, a page of
 *   #StarlingConversation
 *
 * The lists of statuses starling_client_get_timeline_async() reads.
 */
typedef enum
{
  STARLING_TIMELINE_HOME,
  STARLING_TIMELINE_PUBLIC,
  STARLING_TIMELINE_HASHTAG,
  STARLING_TIMELINE_LIST,
  STARLING_TIMELINE_LINK,
  STARLING_TIMELINE_BOOKMARKS,
  STARLING_TIMELINE_FAVOURITES,
  STARLING_TIMELINE_CONVERSATIONS,
} StarlingTimelineKind;

/**
 * StarlingTimelineFlags:
 * @STARLING_TIMELINE_FLAGS_NONE: nothing
 * @STARLING_TIMELINE_LOCAL: only this server's posts (`local`)
 * @STARLING_TIMELINE_REMOTE: only other servers' posts (`remote`)
 * @STARLING_TIMELINE_ONLY_MEDIA: only posts with media (`only_media`)
 * @STARLING_TIMELINE_EXCLUDE_REPLIES: an account's posts without replies
 * @STARLING_TIMELINE_EXCLUDE_REBLOGS: an account's posts without boosts
 * @STARLING_TIMELINE_PINNED: an account's pinned posts
 *
 * Filters of a timeline; each is sent only where the endpoint takes it.
 */
typedef enum
{
  STARLING_TIMELINE_FLAGS_NONE     = 0,
  STARLING_TIMELINE_LOCAL          = 1 << 0,
  STARLING_TIMELINE_REMOTE         = 1 << 1,
  STARLING_TIMELINE_ONLY_MEDIA     = 1 << 2,
  STARLING_TIMELINE_EXCLUDE_REPLIES = 1 << 3,
  STARLING_TIMELINE_EXCLUDE_REBLOGS = 1 << 4,
  STARLING_TIMELINE_PINNED         = 1 << 5,
} StarlingTimelineFlags;

/**
 * StarlingStatusAction:
 * @STARLING_STATUS_FAVOURITE: `POST /api/v1/statuses/:id/favourite`
 * @STARLING_STATUS_UNFAVOURITE: `…/unfavourite`
 * @STARLING_STATUS_REBLOG: `…/reblog`; the answer is the boost, a wrapper
 *   whose `reblog` is the status
 * @STARLING_STATUS_UNREBLOG: `…/unreblog`
 * @STARLING_STATUS_BOOKMARK: `…/bookmark`
 * @STARLING_STATUS_UNBOOKMARK: `…/unbookmark`
 * @STARLING_STATUS_PIN: `…/pin`
 * @STARLING_STATUS_UNPIN: `…/unpin`
 * @STARLING_STATUS_MUTE: `…/mute`, the notifications of the thread
 * @STARLING_STATUS_UNMUTE: `…/unmute`
 *
 * What starling_client_status_action_async() does.
 */
typedef enum
{
  STARLING_STATUS_FAVOURITE,
  STARLING_STATUS_UNFAVOURITE,
  STARLING_STATUS_REBLOG,
  STARLING_STATUS_UNREBLOG,
  STARLING_STATUS_BOOKMARK,
  STARLING_STATUS_UNBOOKMARK,
  STARLING_STATUS_PIN,
  STARLING_STATUS_UNPIN,
  STARLING_STATUS_MUTE,
  STARLING_STATUS_UNMUTE,
} StarlingStatusAction;

/**
 * StarlingAccountAction:
 * @STARLING_ACCOUNT_UNFOLLOW: `POST /api/v1/accounts/:id/unfollow`
 * @STARLING_ACCOUNT_BLOCK: `…/block`
 * @STARLING_ACCOUNT_UNBLOCK: `…/unblock`
 * @STARLING_ACCOUNT_MUTE: `…/mute`
 * @STARLING_ACCOUNT_UNMUTE: `…/unmute`
 * @STARLING_ACCOUNT_AUTHORIZE: `POST /api/v1/follow_requests/:id/authorize`
 * @STARLING_ACCOUNT_REJECT: `POST /api/v1/follow_requests/:id/reject`
 *
 * What starling_client_account_action_async() does; following has options
 * of its own, see starling_client_follow_async().
 */
typedef enum
{
  STARLING_ACCOUNT_UNFOLLOW,
  STARLING_ACCOUNT_BLOCK,
  STARLING_ACCOUNT_UNBLOCK,
  STARLING_ACCOUNT_MUTE,
  STARLING_ACCOUNT_UNMUTE,
  STARLING_ACCOUNT_AUTHORIZE,
  STARLING_ACCOUNT_REJECT,
} StarlingAccountAction;

/**
 * StarlingAccountListKind:
 * @STARLING_ACCOUNTS_FOLLOWERS: the followers of an account
 * @STARLING_ACCOUNTS_FOLLOWING: whom an account follows
 * @STARLING_ACCOUNTS_FAVOURITED_BY: who favourited a status
 * @STARLING_ACCOUNTS_REBLOGGED_BY: who boosted a status
 * @STARLING_ACCOUNTS_FOLLOW_REQUESTS: who asks to follow you (no target)
 * @STARLING_ACCOUNTS_LIST_MEMBERS: the members of a list
 * @STARLING_ACCOUNTS_BLOCKS: whom you block (no target)
 * @STARLING_ACCOUNTS_MUTES: whom you mute (no target)
 *
 * The paged lists of accounts starling_client_get_accounts_async() reads.
 */
typedef enum
{
  STARLING_ACCOUNTS_FOLLOWERS,
  STARLING_ACCOUNTS_FOLLOWING,
  STARLING_ACCOUNTS_FAVOURITED_BY,
  STARLING_ACCOUNTS_REBLOGGED_BY,
  STARLING_ACCOUNTS_FOLLOW_REQUESTS,
  STARLING_ACCOUNTS_LIST_MEMBERS,
  STARLING_ACCOUNTS_BLOCKS,
  STARLING_ACCOUNTS_MUTES,
} StarlingAccountListKind;

/**
 * StarlingProgressFunc:
 * @sent: bytes of the body sent so far
 * @total: bytes of the whole body
 * @user_data: the data given with the function
 *
 * Reports the progress of an upload, on the main thread.
 */
typedef void (*StarlingProgressFunc) (goffset  sent,
                                      goffset  total,
                                      gpointer user_data);

#define STARLING_TYPE_CLIENT (starling_client_get_type ())

G_DECLARE_FINAL_TYPE (StarlingClient, starling_client, STARLING, CLIENT, GObject)

StarlingClient    *starling_client_new                     (SoupSession          *session,
                                                            const char           *base_uri,
                                                            const char           *access_token,
                                                            StarlingEntityMap    *map);

SoupSession       *starling_client_get_session             (StarlingClient       *self);
const char        *starling_client_get_base_uri            (StarlingClient       *self);
StarlingEntityMap *starling_client_get_entity_map          (StarlingClient       *self);
int                starling_client_get_api_version         (StarlingClient       *self);
void               starling_client_set_api_version         (StarlingClient       *self,
                                                            int                   api_version);
guint              starling_client_get_retry_base_delay    (StarlingClient       *self);
void               starling_client_set_retry_base_delay    (StarlingClient       *self,
                                                            guint                 milliseconds);
guint              starling_client_get_max_attempts        (StarlingClient       *self);
void               starling_client_set_max_attempts        (StarlingClient       *self,
                                                            guint                 attempts);
gint64             starling_client_get_rate_limit_limit    (StarlingClient       *self);
gint64             starling_client_get_rate_limit_remaining (StarlingClient      *self);
gint64             starling_client_get_rate_limit_reset    (StarlingClient       *self);
gboolean           starling_client_get_reachable           (StarlingClient       *self);
double             starling_client_get_rate_limit_budget   (StarlingClient       *self);

/* The one request path */
void               starling_client_send_async              (StarlingClient       *self,
                                                            StarlingRequest      *request,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gpointer           starling_client_send_finish             (StarlingClient       *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

/* Finishers, by what the answer is */
gpointer           starling_client_entity_finish           (StarlingClient       *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);
StarlingPage      *starling_client_page_finish             (StarlingClient       *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);
gboolean           starling_client_action_finish           (StarlingClient       *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);
JsonNode          *starling_client_json_finish             (StarlingClient       *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

/* Account and server */
void               starling_client_verify_credentials_async (StarlingClient      *self,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_get_instance_async      (StarlingClient       *self,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_get_custom_emojis_async (StarlingClient       *self,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_get_preferences_async   (StarlingClient       *self,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);

/* Timelines */
void               starling_client_get_timeline_async      (StarlingClient       *self,
                                                            StarlingTimelineKind  kind,
                                                            const char           *target,
                                                            StarlingTimelineFlags flags,
                                                            const char           *min_id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_get_account_statuses_async (StarlingClient    *self,
                                                            const char           *account_id,
                                                            StarlingTimelineFlags flags,
                                                            const char           *tagged,
                                                            const char           *min_id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);

/* Notifications */
void               starling_client_get_notifications_async (StarlingClient       *self,
                                                            const char * const   *types,
                                                            const char * const   *exclude_types,
                                                            const char           *min_id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_get_notification_async  (StarlingClient       *self,
                                                            const char           *id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_dismiss_notification_async (StarlingClient    *self,
                                                            const char           *id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_clear_notifications_async (StarlingClient     *self,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_get_unread_count_async  (StarlingClient       *self,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gint64             starling_client_get_unread_count_finish (StarlingClient       *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

/* Statuses */
void               starling_client_get_status_async        (StarlingClient       *self,
                                                            const char           *id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_get_status_context_async (StarlingClient      *self,
                                                            const char           *id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_get_status_source_async (StarlingClient       *self,
                                                            const char           *id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_get_status_history_async (StarlingClient      *self,
                                                            const char           *id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_status_action_async     (StarlingClient       *self,
                                                            const char           *id,
                                                            StarlingStatusAction  action,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_delete_status_async     (StarlingClient       *self,
                                                            const char           *id,
                                                            gboolean              delete_media,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_post_status_async       (StarlingClient       *self,
                                                            const StarlingStatusParams *params,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_edit_status_async       (StarlingClient       *self,
                                                            const char           *id,
                                                            const StarlingStatusParams *params,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);

/* Media */
void               starling_client_upload_media_async      (StarlingClient       *self,
                                                            GBytes               *contents,
                                                            const char           *filename,
                                                            const char           *content_type,
                                                            const char           *description,
                                                            StarlingProgressFunc  progress,
                                                            gpointer              progress_data,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_upload_media_file_async (StarlingClient       *self,
                                                            GFile                *file,
                                                            const char           *description,
                                                            StarlingProgressFunc  progress,
                                                            gpointer              progress_data,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_update_media_async      (StarlingClient       *self,
                                                            const char           *id,
                                                            const char           *description,
                                                            const char           *focus,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);

/* Scheduled statuses */
void               starling_client_get_scheduled_statuses_async (StarlingClient  *self,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_reschedule_status_async (StarlingClient       *self,
                                                            const char           *id,
                                                            GDateTime            *scheduled_at,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_cancel_scheduled_status_async (StarlingClient *self,
                                                            const char           *id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);

/* Accounts */
void               starling_client_get_account_async       (StarlingClient       *self,
                                                            const char           *id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_lookup_account_async    (StarlingClient       *self,
                                                            const char           *acct,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_search_accounts_async   (StarlingClient       *self,
                                                            const char           *query,
                                                            gboolean              resolve,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_follow_async            (StarlingClient       *self,
                                                            const char           *id,
                                                            gboolean              reblogs,
                                                            gboolean              notify,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_account_action_async    (StarlingClient       *self,
                                                            const char           *id,
                                                            StarlingAccountAction action,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_get_relationships_async (StarlingClient       *self,
                                                            const char * const   *ids,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_get_accounts_async      (StarlingClient       *self,
                                                            StarlingAccountListKind kind,
                                                            const char           *target,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);

/* Search */
void               starling_client_search_async            (StarlingClient       *self,
                                                            const char           *query,
                                                            const char           *type,
                                                            gboolean              resolve,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);

/* Lists */
void               starling_client_get_lists_async         (StarlingClient       *self,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_get_list_async          (StarlingClient       *self,
                                                            const char           *id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_save_list_async         (StarlingClient       *self,
                                                            const char           *id,
                                                            const char           *title,
                                                            const char           *replies_policy,
                                                            gboolean              exclusive,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_delete_list_async       (StarlingClient       *self,
                                                            const char           *id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_change_list_accounts_async (StarlingClient    *self,
                                                            const char           *id,
                                                            const char * const   *account_ids,
                                                            gboolean              add,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);

/* Filters, markers, polls */
void               starling_client_get_filters_async       (StarlingClient       *self,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_get_filter_async        (StarlingClient       *self,
                                                            const char           *id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_get_markers_async       (StarlingClient       *self,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_save_markers_async      (StarlingClient       *self,
                                                            const char           *home_last_read_id,
                                                            const char           *notifications_last_read_id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean           starling_client_markers_finish          (StarlingClient       *self,
                                                            GAsyncResult         *result,
                                                            StarlingMarker      **home,
                                                            StarlingMarker      **notifications,
                                                            GError              **error);
void               starling_client_get_poll_async          (StarlingClient       *self,
                                                            const char           *id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void               starling_client_vote_async              (StarlingClient       *self,
                                                            const char           *poll_id,
                                                            const guint          *choices,
                                                            guint                 n_choices,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);

G_END_DECLS
