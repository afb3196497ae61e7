/* starling-api-error.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-api"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "starling-api-error.h"

/* The longest text of a server's error message we pass on; a body can be a
 * whole HTML page, and a toast has no room for more. */
#define MAX_MESSAGE_CHARS 300

typedef struct
{
  guint  http_status;
  gint64 retry_after;
} StarlingApiErrorPrivate;

static void
starling_api_error_private_init (StarlingApiErrorPrivate *priv)
{
  priv->http_status = 0;
  priv->retry_after = -1;
}

static void
starling_api_error_private_copy (const StarlingApiErrorPrivate *src,
                                 StarlingApiErrorPrivate       *dest)
{
  *dest = *src;
}

static void
starling_api_error_private_clear (StarlingApiErrorPrivate *priv)
{
}

G_DEFINE_EXTENDED_ERROR (StarlingApiError, starling_api_error)

static GError *
new_error (StarlingApiError  code,
           guint             http_status,
           gint64            retry_after,
           const char       *message)
{
  GError *error = g_error_new_literal (STARLING_API_ERROR, code, message);
  StarlingApiErrorPrivate *priv = starling_api_error_get_private (error);

  priv->http_status = http_status;
  priv->retry_after = retry_after;

  return error;
}

static char *
clean_message (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  stripped = g_strstrip (g_strdup (valid));
  if (*stripped == '\0')
    return NULL;

  if (g_utf8_strlen (stripped, -1) > MAX_MESSAGE_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (stripped, 0, MAX_MESSAGE_CHARS);
      return g_strconcat (cut, "…", NULL);
    }

  return g_steal_pointer (&stripped);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  return NULL;
}

/**
 * starling_api_error_message_from_body:
 * @body: (nullable): the body of a failed response
 *
 * Reads the server's own explanation from an error body: `error` of
 * Mastodon's Error entity, `error_description` of an OAuth error, or the
 * nested `error.error` of newer endpoints. Bodies that are empty, HTML, or
 * JSON of another shape give %NULL, so the caller falls back to a sentence
 * of its own.
 *
 * Returns: (transfer full) (nullable): the message, cut to a length fit
 *   for a toast, as valid UTF-8
 */
char *
starling_api_error_message_from_body (GBytes *body)
{
  g_autoptr (JsonParser) parser = NULL;
  const char *data;
  gsize size = 0;
  JsonNode *root;
  JsonObject *object;
  JsonNode *nested;
  const char *text;

  if (body == NULL)
    return NULL;

  data = g_bytes_get_data (body, &size);
  if (size == 0 || data == NULL)
    return NULL;

  /* Only a body that starts like a JSON object can be one; this keeps HTML
   * error pages away from the parser. */
  for (gsize i = 0; i < size; i++)
    {
      if (g_ascii_isspace (data[i]))
        continue;
      if (data[i] != '{')
        return NULL;
      break;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) size, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  object = json_node_get_object (root);

  if ((text = member_string (object, "error_description")) != NULL)
    return clean_message (text);

  if ((text = member_string (object, "error")) != NULL)
    return clean_message (text);

  nested = json_object_get_member (object, "error");
  if (nested != NULL && JSON_NODE_HOLDS_OBJECT (nested))
    {
      JsonObject *inner = json_node_get_object (nested);

      if ((text = member_string (inner, "error_description")) != NULL ||
          (text = member_string (inner, "error")) != NULL)
        return clean_message (text);
    }

  return NULL;
}

/**
 * starling_api_parse_reset_time:
 * @value: (nullable): the value of `X-RateLimit-Reset`
 * @now: the current time
 *
 * Mastodon sends the reset as an ISO 8601 timestamp with microseconds,
 * GoToSocial as Unix seconds; a small number is taken as seconds from now,
 * as a few servers send.
 *
 * Returns: seconds from @now until the reset (0 when it is past), or -1 when
 *   @value is absent or unreadable
 */
gint64
starling_api_parse_reset_time (const char *value,
                               GDateTime  *now)
{
  g_autoptr (GDateTime) when = NULL;
  g_autofree char *trimmed = NULL;
  gint64 seconds;

  g_return_val_if_fail (now != NULL, -1);

  if (value == NULL)
    return -1;

  trimmed = g_strstrip (g_strdup (value));
  if (*trimmed == '\0')
    return -1;

  if (g_ascii_isdigit (trimmed[0]) && strchr (trimmed, '-') == NULL &&
      strchr (trimmed, ':') == NULL)
    {
      guint64 number;
      char *end = NULL;

      /* Unix seconds, possibly with a fraction. */
      number = g_ascii_strtoull (trimmed, &end, 10);
      if (end == trimmed || (*end != '\0' && *end != '.'))
        return -1;
      if (number > G_MAXINT32 * (guint64) 4)
        return -1;

      /* Below a billion it cannot be a date since 2001: a delta. */
      if (number < 1000000000)
        return (gint64) number;

      seconds = (gint64) number - g_date_time_to_unix (now);
      return MAX (seconds, 0);
    }

  when = g_date_time_new_from_iso8601 (trimmed, NULL);
  if (when == NULL)
    return -1;

  seconds = g_date_time_difference (when, now);
  if (seconds <= 0)
    return 0;

  /* Round up: waiting a fraction too long is better than too short. */
  return (seconds + G_TIME_SPAN_SECOND - 1) / G_TIME_SPAN_SECOND;
}

static gint64
parse_http_date (const char *value,
                 GDateTime  *now)
{
  g_autoptr (GDateTime) when = NULL;
  gint64 seconds;

  when = soup_date_time_new_from_http_string (value);
  if (when == NULL)
    return -1;

  seconds = g_date_time_difference (when, now) / G_TIME_SPAN_SECOND;
  return MAX (seconds, 0);
}

static gint64 parse_retry_after_header (SoupMessageHeaders *headers,
                                        GDateTime          *now);

/**
 * starling_api_parse_retry_after:
 * @headers: (nullable): response headers
 * @now: the current time
 *
 * How long a 429 asks the client to wait: `Retry-After` (seconds or an
 * HTTP date) when given, otherwise the time until `X-RateLimit-Reset`.
 *
 * Returns: seconds to wait, or -1 when the headers do not say
 */
gint64
starling_api_parse_retry_after (SoupMessageHeaders *headers,
                                GDateTime          *now)
{
  gint64 seconds;

  g_return_val_if_fail (now != NULL, -1);

  if (headers == NULL)
    return -1;

  seconds = parse_retry_after_header (headers, now);
  if (seconds >= 0)
    return seconds;

  return starling_api_parse_reset_time (soup_message_headers_get_one (headers, "X-RateLimit-Reset"), now);
}

/* `Retry-After` alone. A 5xx that also carries the rate-limit headers (every
 * Mastodon answer does) must not wait for the rate-limit window: that
 * window has nothing to do with the failure. */
static gint64
parse_retry_after_header (SoupMessageHeaders *headers,
                          GDateTime          *now)
{
  const char *value;

  value = soup_message_headers_get_one (headers, "Retry-After");
  if (value != NULL)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (value));
      char *end = NULL;
      guint64 number;

      if (g_ascii_isdigit (trimmed[0]))
        {
          number = g_ascii_strtoull (trimmed, &end, 10);
          if (end != trimmed && *end == '\0' && number <= G_MAXINT32)
            return (gint64) number;
        }
      else
        {
          gint64 seconds = parse_http_date (trimmed, now);
          if (seconds >= 0)
            return seconds;
        }
    }

  return -1;
}

static gboolean
says_token_invalid (const char *message)
{
  g_autofree char *lower = NULL;

  if (message == NULL)
    return FALSE;

  lower = g_utf8_strdown (message, -1);
  return strstr (lower, "access token") != NULL ||
         strstr (lower, "invalid_token") != NULL ||
         strstr (lower, "not authorized") != NULL;
}

/**
 * starling_api_error_new_for_status:
 * @status: the HTTP status of a failed response (not 2xx)
 * @headers: (nullable): its headers
 * @body: (nullable): its body
 * @now: (nullable): the current time, for the rate-limit reset; %NULL for
 *   the clock
 *
 * Maps a failed response to a #StarlingApiError. The message is the
 * server's own when its body carries one (see
 * starling_api_error_message_from_body()), otherwise a sentence that says
 * what happened.
 *
 * Returns: (transfer full): a new error
 */
GError *
starling_api_error_new_for_status (guint               status,
                                   SoupMessageHeaders *headers,
                                   GBytes             *body,
                                   GDateTime          *now)
{
  g_autofree char *server_message = starling_api_error_message_from_body (body);
  g_autoptr (GDateTime) clock = NULL;
  g_autofree char *fallback = NULL;
  StarlingApiError code;
  gint64 retry_after = -1;

  if (now == NULL)
    now = clock = g_date_time_new_now_utc ();

  switch (status)
    {
    case 400:
      code = STARLING_API_ERROR_VALIDATION;
      fallback = g_strdup (_("The server did not accept the request"));
      break;

    case 401:
      code = STARLING_API_ERROR_UNAUTHORIZED;
      fallback = g_strdup (_("The server no longer accepts this sign-in"));
      break;

    case 403:
      code = STARLING_API_ERROR_FORBIDDEN;
      fallback = g_strdup (_("The server does not allow this"));
      break;

    case 404:
    case 405:
    case 501:
      code = STARLING_API_ERROR_NOT_FOUND;
      fallback = g_strdup (_("The server does not have this, or does not offer it"));
      break;

    case 409:
      code = STARLING_API_ERROR_CONFLICT;
      fallback = g_strdup (_("Something else changed this at the same time"));
      break;

    case 410:
      code = STARLING_API_ERROR_GONE;
      fallback = g_strdup (_("This is gone from the server"));
      break;

    case 422:
      /* Some servers answer a bad token with 422 rather than 401. */
      code = says_token_invalid (server_message)
        ? STARLING_API_ERROR_UNAUTHORIZED
        : STARLING_API_ERROR_VALIDATION;
      fallback = g_strdup (_("The server did not accept the request"));
      break;

    case 429:
      code = STARLING_API_ERROR_RATE_LIMITED;
      retry_after = starling_api_parse_retry_after (headers, now);
      if (retry_after >= 0)
        fallback = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Too many requests: the server asks to wait %d second",
                                                 "Too many requests: the server asks to wait %d seconds",
                                                 (gulong) MIN (retry_after, G_MAXINT)),
                                    (int) MIN (retry_after, G_MAXINT));
      else
        fallback = g_strdup (_("Too many requests: the server asks to wait"));
      /* The server's text for 429 is a bare "Too many requests"; ours says
       * how long. */
      g_clear_pointer (&server_message, g_free);
      break;

    default:
      if (status >= 500 && status <= 599)
        {
          code = STARLING_API_ERROR_SERVER;
          retry_after = headers != NULL ? parse_retry_after_header (headers, now) : -1;
          fallback = g_strdup_printf (_("The server had a problem (error %u)"), status);
        }
      else
        {
          code = STARLING_API_ERROR_FAILED;
          fallback = g_strdup_printf (_("The server answered with error %u"), status);
        }
      break;
    }

  return new_error (code, status, retry_after,
                    server_message != NULL ? server_message : fallback);
}

/**
 * starling_api_error_new_from_transport:
 * @error: an error from libsoup or GIO while sending a request
 *
 * Maps a failure below HTTP (resolver, socket, TLS, timeout) to a
 * #StarlingApiError. A cancellation is passed through unchanged, so callers
 * can keep ignoring %G_IO_ERROR_CANCELLED.
 *
 * Returns: (transfer full): a new error
 */
GError *
starling_api_error_new_from_transport (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (error->domain == STARLING_API_ERROR)
    return g_error_copy (error);

  if (error->domain == G_TLS_ERROR)
    {
      g_autofree char *message =
        g_strdup_printf (_("The server’s certificate could not be trusted: %s"), error->message);
      return new_error (STARLING_API_ERROR_TLS, 0, -1, message);
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return new_error (STARLING_API_ERROR_NETWORK, 0, -1, _("The server did not answer in time"));

  if (error->domain == G_RESOLVER_ERROR)
    return new_error (STARLING_API_ERROR_NETWORK, 0, -1, _("No server was found at this address"));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    return new_error (STARLING_API_ERROR_NETWORK, 0, -1, _("The server refused the connection"));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE))
    return new_error (STARLING_API_ERROR_NETWORK, 0, -1, _("The network is unreachable"));

  {
    g_autofree char *message =
      g_strdup_printf (_("The connection to the server failed: %s"), error->message);
    return new_error (STARLING_API_ERROR_NETWORK, 0, -1, message);
  }
}

/**
 * starling_api_error_new_malformed:
 * @cause: (nullable): what the decoder said
 *
 * Returns: (transfer full): a %STARLING_API_ERROR_MALFORMED error
 */
GError *
starling_api_error_new_malformed (const GError *cause)
{
  g_autofree char *message = NULL;

  if (cause != NULL)
    message = g_strdup_printf (_("The server sent an answer Starling cannot read: %s"), cause->message);
  else
    message = g_strdup (_("The server sent an answer Starling cannot read"));

  return new_error (STARLING_API_ERROR_MALFORMED, 0, -1, message);
}

/**
 * starling_api_error_get_http_status:
 * @error: a #StarlingApiError
 *
 * Returns: the HTTP status behind @error, or 0 when there was none
 */
guint
starling_api_error_get_http_status (const GError *error)
{
  StarlingApiErrorPrivate *priv;

  g_return_val_if_fail (error != NULL, 0);

  if (error->domain != STARLING_API_ERROR)
    return 0;

  priv = starling_api_error_get_private (error);
  return priv != NULL ? priv->http_status : 0;
}

/**
 * starling_api_error_get_retry_after:
 * @error: a #StarlingApiError
 *
 * Returns: the seconds the server asked to wait (429, or 503 with
 *   `Retry-After`), or -1 when it did not say
 */
gint64
starling_api_error_get_retry_after (const GError *error)
{
  StarlingApiErrorPrivate *priv;

  g_return_val_if_fail (error != NULL, -1);

  if (error->domain != STARLING_API_ERROR)
    return -1;

  priv = starling_api_error_get_private (error);
  return priv != NULL ? priv->retry_after : -1;
}

/**
 * starling_api_error_is_transient:
 * @error: an error
 *
 * Returns: %TRUE when trying again later may succeed: the network, a
 *   server failure, a rate limit or a conflict
 */
gboolean
starling_api_error_is_transient (const GError *error)
{
  g_return_val_if_fail (error != NULL, FALSE);

  if (error->domain != STARLING_API_ERROR)
    return FALSE;

  switch ((StarlingApiError) error->code)
    {
    case STARLING_API_ERROR_NETWORK:
    case STARLING_API_ERROR_SERVER:
    case STARLING_API_ERROR_RATE_LIMITED:
    case STARLING_API_ERROR_CONFLICT:
      return TRUE;

    case STARLING_API_ERROR_TLS:
    case STARLING_API_ERROR_UNAUTHORIZED:
    case STARLING_API_ERROR_FORBIDDEN:
    case STARLING_API_ERROR_NOT_FOUND:
    case STARLING_API_ERROR_GONE:
    case STARLING_API_ERROR_VALIDATION:
    case STARLING_API_ERROR_MALFORMED:
    case STARLING_API_ERROR_INSECURE:
    case STARLING_API_ERROR_FAILED:
    default:
      return FALSE;
    }
}
