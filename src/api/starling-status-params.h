/* starling-status-params.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * StarlingStatusParams:
 * @text: (nullable): the text; may be %NULL when @media_ids has items
 * @media_ids: (nullable) (array zero-terminated=1): ids of uploaded media
 * @poll_options: (nullable) (array zero-terminated=1): the choices of a
 *   poll; a poll is sent only when this has items
 * @poll_expires_in: seconds until the poll closes
 * @poll_multiple: whether several choices may be picked
 * @poll_hide_totals: whether the counts stay hidden until the poll closes
 * @in_reply_to_id: (nullable): the status this answers
 * @sensitive: whether the media are hidden behind a warning
 * @spoiler_text: (nullable): the content warning
 * @visibility: (nullable): `public`, `unlisted`, `private` or `direct`;
 *   %NULL for the account's default
 * @language: (nullable): an ISO 639-1 code; %NULL lets the server guess
 * @scheduled_at: (nullable): when to publish, at least five minutes ahead;
 *   the answer is then a #StarlingScheduledStatus
 * @quoted_status_id: (nullable): the status this quotes (Mastodon 4.5)
 * @idempotency_key: (nullable): the key of this compose action, made once
 *   when the user starts writing (a UUID); %NULL makes a fresh one
 *
 * What a post or an edit says. It borrows every pointer; fill a zeroed
 * struct on the stack. An edit ignores @in_reply_to_id, @visibility,
 * @scheduled_at and @quoted_status_id, which cannot change.
 */
typedef struct
{
  const char         *text;
  const char * const *media_ids;
  const char * const *poll_options;
  gint64              poll_expires_in;
  gboolean            poll_multiple;
  gboolean            poll_hide_totals;
  const char         *in_reply_to_id;
  gboolean            sensitive;
  const char         *spoiler_text;
  const char         *visibility;
  const char         *language;
  GDateTime          *scheduled_at;
  const char         *quoted_status_id;
  const char         *idempotency_key;
} StarlingStatusParams;

G_END_DECLS
