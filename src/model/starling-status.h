/* starling-status.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-account.h"
#include "starling-client-application.h"
#include "starling-entity.h"
#include "starling-filter.h"
#include "starling-poll.h"
#include "starling-preview-card.h"
#include "starling-quote.h"

G_BEGIN_DECLS

/**
 * StarlingVisibility:
 * @STARLING_VISIBILITY_UNKNOWN: a visibility Starling does not know, such
 *   as Pleroma's `local` and `list`; `visibility-name` has the server's word
 * @STARLING_VISIBILITY_PUBLIC: everyone, in public timelines too
 * @STARLING_VISIBILITY_UNLISTED: everyone, but not in public timelines
 *   ("quiet public")
 * @STARLING_VISIBILITY_PRIVATE: followers only
 * @STARLING_VISIBILITY_DIRECT: the mentioned accounts only
 *
 * Who can see a status.
 */
typedef enum
{
  STARLING_VISIBILITY_UNKNOWN,
  STARLING_VISIBILITY_PUBLIC,
  STARLING_VISIBILITY_UNLISTED,
  STARLING_VISIBILITY_PRIVATE,
  STARLING_VISIBILITY_DIRECT,
} StarlingVisibility;

#define STARLING_TYPE_VISIBILITY (starling_visibility_get_type ())
GType starling_visibility_get_type (void);

#define STARLING_TYPE_STATUS (starling_status_get_type ())

G_DECLARE_FINAL_TYPE (StarlingStatus, starling_status, STARLING, STATUS, StarlingEntity)

/* Each getter returns the property of the same name. The lists hold
 * StarlingMediaAttachment (`media-attachments`), StarlingMention
 * (`mentions`), StarlingTag (`tags`), StarlingCustomEmoji (`emojis`) and
 * StarlingFilterResult (`filtered`) objects. `quote-approval`,
 * `interaction-policy` (GoToSocial) and the `pleroma` and `akkoma`
 * extensions are kept as JSON. */
const char          *starling_status_get_id                     (StarlingStatus *self);
const char          *starling_status_get_uri                    (StarlingStatus *self);
const char          *starling_status_get_url                    (StarlingStatus *self);
GDateTime           *starling_status_get_created_at             (StarlingStatus *self);
GDateTime           *starling_status_get_edited_at              (StarlingStatus *self);
StarlingAccount     *starling_status_get_account                (StarlingStatus *self);
const char          *starling_status_get_content                (StarlingStatus *self);
const char          *starling_status_get_text                   (StarlingStatus *self);
StarlingVisibility   starling_status_get_visibility             (StarlingStatus *self);
const char          *starling_status_get_visibility_name        (StarlingStatus *self);
gboolean             starling_status_get_sensitive              (StarlingStatus *self);
const char          *starling_status_get_spoiler_text           (StarlingStatus *self);
const char          *starling_status_get_language               (StarlingStatus *self);
GPtrArray           *starling_status_get_media_attachments      (StarlingStatus *self);
GPtrArray           *starling_status_get_mentions               (StarlingStatus *self);
GPtrArray           *starling_status_get_tags                   (StarlingStatus *self);
GPtrArray           *starling_status_get_emojis                 (StarlingStatus *self);
StarlingPreviewCard *starling_status_get_card                   (StarlingStatus *self);
StarlingPoll        *starling_status_get_poll                   (StarlingStatus *self);
StarlingStatus      *starling_status_get_reblog                 (StarlingStatus *self);
const char          *starling_status_get_in_reply_to_id         (StarlingStatus *self);
const char          *starling_status_get_in_reply_to_account_id (StarlingStatus *self);
StarlingClientApplication *starling_status_get_application            (StarlingStatus *self);
gint64               starling_status_get_replies_count          (StarlingStatus *self);
gint64               starling_status_get_reblogs_count          (StarlingStatus *self);
gint64               starling_status_get_favourites_count       (StarlingStatus *self);
gint64               starling_status_get_quotes_count           (StarlingStatus *self);
gboolean             starling_status_get_favourited             (StarlingStatus *self);
gboolean             starling_status_get_reblogged              (StarlingStatus *self);
gboolean             starling_status_get_muted                  (StarlingStatus *self);
gboolean             starling_status_get_bookmarked             (StarlingStatus *self);
gboolean             starling_status_get_pinned                 (StarlingStatus *self);
GPtrArray           *starling_status_get_filtered               (StarlingStatus *self);
StarlingQuote       *starling_status_get_quote                  (StarlingStatus *self);
JsonNode            *starling_status_get_quote_approval         (StarlingStatus *self);
JsonNode            *starling_status_get_interaction_policy     (StarlingStatus *self);
JsonNode            *starling_status_get_pleroma                (StarlingStatus *self);
JsonNode            *starling_status_get_akkoma                 (StarlingStatus *self);

StarlingStatus       *starling_status_get_shown                 (StarlingStatus *self);

void                  starling_status_set_favourited            (StarlingStatus *self,
                                                                 gboolean        favourited);
void                  starling_status_set_reblogged             (StarlingStatus *self,
                                                                 gboolean        reblogged);
void                  starling_status_set_bookmarked            (StarlingStatus *self,
                                                                 gboolean        bookmarked);
void                  starling_status_set_muted                 (StarlingStatus *self,
                                                                 gboolean        muted);
void                  starling_status_set_pinned                (StarlingStatus *self,
                                                                 gboolean        pinned);
void                  starling_status_set_favourites_count      (StarlingStatus *self,
                                                                 gint64          count);
void                  starling_status_set_reblogs_count         (StarlingStatus *self,
                                                                 gint64          count);

StarlingFilterAction  starling_status_get_filter_action         (StarlingStatus *self,
                                                                 const char     *context,
                                                                 GDateTime      *now,
                                                                 char          **titles_out);

G_END_DECLS
