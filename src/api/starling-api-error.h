/* starling-api-error.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define STARLING_API_ERROR (starling_api_error_quark ())

/**
 * StarlingApiError:
 * @STARLING_API_ERROR_NETWORK: the server could not be reached, or the
 *   connection dropped or timed out
 * @STARLING_API_ERROR_TLS: the server's certificate was refused
 * @STARLING_API_ERROR_UNAUTHORIZED: the token is missing, invalid or revoked
 *   (401, or a 422 that says so); the account must sign in again
 * @STARLING_API_ERROR_FORBIDDEN: the server refused the action (403)
 * @STARLING_API_ERROR_NOT_FOUND: no such thing, or the server does not
 *   have this endpoint (404, 405, 501)
 * @STARLING_API_ERROR_GONE: gone for good; do not retry (410)
 * @STARLING_API_ERROR_VALIDATION: the server refused the input; the message
 *   is the server's (400, 422)
 * @STARLING_API_ERROR_CONFLICT: a concurrent update won (409); retry
 * @STARLING_API_ERROR_RATE_LIMITED: too many requests (429); see
 *   starling_api_error_get_retry_after()
 * @STARLING_API_ERROR_SERVER: the server failed (5xx)
 * @STARLING_API_ERROR_MALFORMED: the answer is not what the API promises
 *   (not JSON, truncated, the wrong shape)
 * @STARLING_API_ERROR_INSECURE: plain http:// to a host that is not loopback
 * @STARLING_API_ERROR_FAILED: any other HTTP status
 *
 * Errors of the API layer. Code switches on these, never on the text, which
 * is the server's own words where it gave any, and otherwise a sentence fit
 * to show the user.
 */
typedef enum
{
  STARLING_API_ERROR_NETWORK,
  STARLING_API_ERROR_TLS,
  STARLING_API_ERROR_UNAUTHORIZED,
  STARLING_API_ERROR_FORBIDDEN,
  STARLING_API_ERROR_NOT_FOUND,
  STARLING_API_ERROR_GONE,
  STARLING_API_ERROR_VALIDATION,
  STARLING_API_ERROR_CONFLICT,
  STARLING_API_ERROR_RATE_LIMITED,
  STARLING_API_ERROR_SERVER,
  STARLING_API_ERROR_MALFORMED,
  STARLING_API_ERROR_INSECURE,
  STARLING_API_ERROR_FAILED,
} StarlingApiError;

GQuark   starling_api_error_quark              (void);

GError  *starling_api_error_new_for_status     (guint               status,
                                                SoupMessageHeaders *headers,
                                                GBytes             *body,
                                                GDateTime          *now);
GError  *starling_api_error_new_from_transport (const GError       *error);
GError  *starling_api_error_new_malformed      (const GError       *cause);

guint    starling_api_error_get_http_status    (const GError       *error);
gint64   starling_api_error_get_retry_after    (const GError       *error);
gboolean starling_api_error_is_transient       (const GError       *error);

char    *starling_api_error_message_from_body  (GBytes             *body);
gint64   starling_api_parse_retry_after        (SoupMessageHeaders *headers,
                                                GDateTime          *now);
gint64   starling_api_parse_reset_time         (const char         *value,
                                                GDateTime          *now);

G_END_DECLS
