/* starling-quote.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-entity.h"

G_BEGIN_DECLS

/* starling-status.h includes this header for the type of a status's
 * quote; the quoted status's type is named here without it. */
typedef struct _StarlingStatus StarlingStatus;

/**
 * StarlingQuoteState:
 * @STARLING_QUOTE_STATE_UNKNOWN: only on objects not made by the decoder,
 *   which reads unknown states as @STARLING_QUOTE_STATE_UNAUTHORIZED
 * @STARLING_QUOTE_STATE_PENDING: the quoted author has not answered yet
 * @STARLING_QUOTE_STATE_ACCEPTED: the quote was approved: show the post
 * @STARLING_QUOTE_STATE_REJECTED: the quoted author refused
 * @STARLING_QUOTE_STATE_REVOKED: the quoted author withdrew an approval
 * @STARLING_QUOTE_STATE_DELETED: the quoted post is gone
 * @STARLING_QUOTE_STATE_UNAUTHORIZED: the signed-in account may not see
 *   the quoted post
 * @STARLING_QUOTE_STATE_BLOCKED_ACCOUNT: the signed-in account blocks the
 *   quoted author
 * @STARLING_QUOTE_STATE_BLOCKED_DOMAIN: the signed-in account blocks the
 *   quoted author's server
 * @STARLING_QUOTE_STATE_MUTED_ACCOUNT: the signed-in account mutes the
 *   quoted author
 *
 * Where a quote stands (Mastodon 4.4). Only an accepted quote shows the
 * quoted post.
 */
typedef enum
{
  STARLING_QUOTE_STATE_UNKNOWN,
  STARLING_QUOTE_STATE_PENDING,
  STARLING_QUOTE_STATE_ACCEPTED,
  STARLING_QUOTE_STATE_REJECTED,
  STARLING_QUOTE_STATE_REVOKED,
  STARLING_QUOTE_STATE_DELETED,
  STARLING_QUOTE_STATE_UNAUTHORIZED,
  STARLING_QUOTE_STATE_BLOCKED_ACCOUNT,
  STARLING_QUOTE_STATE_BLOCKED_DOMAIN,
  STARLING_QUOTE_STATE_MUTED_ACCOUNT,
} StarlingQuoteState;

#define STARLING_TYPE_QUOTE_STATE (starling_quote_state_get_type ())
GType starling_quote_state_get_type (void);

#define STARLING_TYPE_QUOTE (starling_quote_get_type ())

G_DECLARE_FINAL_TYPE (StarlingQuote, starling_quote, STARLING, QUOTE, StarlingEntity)

/* Each getter returns the property of the same name. */
StarlingQuoteState  starling_quote_get_state            (StarlingQuote *self);
StarlingStatus     *starling_quote_get_quoted_status    (StarlingQuote *self);
const char         *starling_quote_get_quoted_status_id (StarlingQuote *self);

G_END_DECLS
