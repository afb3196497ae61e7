/* test-api-error.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "api/starling-api-error.h"

static GDateTime *
fixed_now (void)
{
  /* 2026-05-01T12:00:00Z */
  return g_date_time_new_utc (2026, 5, 1, 12, 0, 0);
}

static GError *
error_for (guint       status,
           const char *body,
           const char *header,
           const char *value)
{
  g_autoptr (SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  g_autoptr (GBytes) bytes = body ? g_bytes_new (body, strlen (body)) : NULL;
  g_autoptr (GDateTime) now = fixed_now ();

  if (header != NULL)
    soup_message_headers_append (headers, header, value);

  return starling_api_error_new_for_status (status, headers, bytes, now);
}

static void
test_status_codes (void)
{
  static const struct {
    guint status;
    StarlingApiError code;
  } table[] = {
    { 400, STARLING_API_ERROR_VALIDATION },
    { 401, STARLING_API_ERROR_UNAUTHORIZED },
    { 403, STARLING_API_ERROR_FORBIDDEN },
    { 404, STARLING_API_ERROR_NOT_FOUND },
    { 405, STARLING_API_ERROR_NOT_FOUND },
    { 409, STARLING_API_ERROR_CONFLICT },
    { 410, STARLING_API_ERROR_GONE },
    { 422, STARLING_API_ERROR_VALIDATION },
    { 429, STARLING_API_ERROR_RATE_LIMITED },
    { 500, STARLING_API_ERROR_SERVER },
    { 501, STARLING_API_ERROR_NOT_FOUND },
    { 502, STARLING_API_ERROR_SERVER },
    { 503, STARLING_API_ERROR_SERVER },
    { 418, STARLING_API_ERROR_FAILED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autoptr (GError) error = error_for (table[i].status, NULL, NULL, NULL);

      g_assert_error (error, STARLING_API_ERROR, (int) table[i].code);
      g_assert_cmpuint (starling_api_error_get_http_status (error), ==, table[i].status);
      /* A sentence, never an empty message. */
      g_assert_cmpuint (strlen (error->message), >, 10);
    }
}

static void
test_server_message (void)
{
  g_autoptr (GError) plain = error_for (422, "{\"error\":\"Validation failed: Text can't be blank\"}", NULL, NULL);
  g_autoptr (GError) oauth = error_for (400, "{\"error\":\"invalid_grant\",\"error_description\":\"The provided authorization grant is invalid.\"}", NULL, NULL);
  g_autoptr (GError) nested = error_for (422, "{\"error\":{\"error\":\"Collection is full\",\"details\":{}}}", NULL, NULL);
  g_autoptr (GError) html = error_for (502, "<html><body><h1>502 Bad Gateway</h1></body></html>", NULL, NULL);
  g_autoptr (GError) empty = error_for (500, "", NULL, NULL);
  g_autoptr (GError) spaces = error_for (403, "{\"error\":\"   \"}", NULL, NULL);
  g_autoptr (GError) wrong_type = error_for (403, "{\"error\":42}", NULL, NULL);
  g_autoptr (GError) truncated = error_for (500, "{\"error\":\"Internal", NULL, NULL);

  g_assert_error (plain, STARLING_API_ERROR, STARLING_API_ERROR_VALIDATION);
  g_assert_cmpstr (plain->message, ==, "Validation failed: Text can't be blank");
  g_assert_cmpstr (oauth->message, ==, "The provided authorization grant is invalid.");
  g_assert_cmpstr (nested->message, ==, "Collection is full");

  /* HTML, empty, blank or odd bodies fall back to our own sentence. */
  g_assert_error (html, STARLING_API_ERROR, STARLING_API_ERROR_SERVER);
  g_assert_null (strstr (html->message, "<"));
  g_assert_nonnull (strstr (html->message, "502"));
  g_assert_error (empty, STARLING_API_ERROR, STARLING_API_ERROR_SERVER);
  g_assert_cmpstr (spaces->message, !=, "");
  g_assert_null (strstr (spaces->message, "   "));
  g_assert_null (strstr (wrong_type->message, "42"));
  g_assert_nonnull (strstr (truncated->message, "500"));
}

static void
test_long_and_invalid_message (void)
{
  g_autoptr (GString) body = g_string_new ("{\"error\":\"");
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) invalid = error_for (422, "{\"error\":\"bad \\u00e9 \xff\xfe text\"}", NULL, NULL);

  for (guint i = 0; i < 10000; i++)
    g_string_append (body, "word ");
  g_string_append (body, "\"}");

  error = error_for (422, body->str, NULL, NULL);
  g_assert_cmpint (g_utf8_strlen (error->message, -1), <=, 301);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));

  /* Invalid UTF-8 is refused by the JSON parser: our sentence instead. */
  g_assert_true (g_utf8_validate (invalid->message, -1, NULL));
}

static void
test_bad_token_as_422 (void)
{
  g_autoptr (GError) error = error_for (422, "{\"error\":\"The access token is invalid\"}", NULL, NULL);

  g_assert_error (error, STARLING_API_ERROR, STARLING_API_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (starling_api_error_get_http_status (error), ==, 422);
}

static void
test_rate_limit_reset (void)
{
  g_autoptr (GError) iso = error_for (429, "{\"error\":\"Too many requests\"}", "X-RateLimit-Reset", "2026-05-01T12:05:00.000000Z");
  g_autoptr (GError) unix_time = error_for (429, NULL, "X-RateLimit-Reset", "1777637100");
  g_autoptr (GError) retry_after = error_for (429, NULL, "Retry-After", "30");
  g_autoptr (GError) http_date = error_for (429, NULL, "Retry-After", "Fri, 01 May 2026 12:01:00 GMT");
  g_autoptr (GError) none = error_for (429, NULL, NULL, NULL);
  g_autoptr (GError) past = error_for (429, NULL, "X-RateLimit-Reset", "2026-05-01T11:00:00Z");
  g_autoptr (GError) garbage = error_for (429, NULL, "X-RateLimit-Reset", "soon");
  g_autoptr (GError) busy = error_for (503, NULL, "Retry-After", "30");
  /* Every Mastodon answer carries the rate-limit headers; a 503 must not
   * wait for that window. */
  g_autoptr (GError) busy_window = error_for (503, NULL, "X-RateLimit-Reset", "2026-05-01T12:05:00.000000Z");

  g_assert_cmpint (starling_api_error_get_retry_after (iso), ==, 300);
  /* 1777637100 is 2026-05-01T12:05:00Z. */
  g_assert_cmpint (starling_api_error_get_retry_after (unix_time), ==, 300);
  g_assert_cmpint (starling_api_error_get_retry_after (retry_after), ==, 30);
  g_assert_cmpint (starling_api_error_get_retry_after (http_date), ==, 60);
  g_assert_cmpint (starling_api_error_get_retry_after (none), ==, -1);
  g_assert_cmpint (starling_api_error_get_retry_after (past), ==, 0);
  g_assert_cmpint (starling_api_error_get_retry_after (garbage), ==, -1);
  g_assert_error (busy, STARLING_API_ERROR, STARLING_API_ERROR_SERVER);
  g_assert_cmpint (starling_api_error_get_retry_after (busy), ==, 30);
  g_assert_error (busy_window, STARLING_API_ERROR, STARLING_API_ERROR_SERVER);
  g_assert_cmpint (starling_api_error_get_retry_after (busy_window), ==, -1);

  g_assert_nonnull (strstr (iso->message, "300"));
  g_assert_true (starling_api_error_is_transient (iso));
}

static void
test_reset_time_forms (void)
{
  g_autoptr (GDateTime) now = fixed_now ();

  g_assert_cmpint (starling_api_parse_reset_time (NULL, now), ==, -1);
  g_assert_cmpint (starling_api_parse_reset_time ("", now), ==, -1);
  g_assert_cmpint (starling_api_parse_reset_time ("2026-05-01T12:00:00.500000Z", now), ==, 1);
  g_assert_cmpint (starling_api_parse_reset_time ("2026-05-01T14:00:00+02:00", now), ==, 0);
  g_assert_cmpint (starling_api_parse_reset_time ("1777637100.25", now), ==, 300);
  g_assert_cmpint (starling_api_parse_reset_time ("45", now), ==, 45);
  g_assert_cmpint (starling_api_parse_reset_time ("99999999999999999999999", now), ==, -1);
  g_assert_cmpint (starling_api_parse_reset_time ("12abc", now), ==, -1);
}

static void
test_transport (void)
{
  g_autoptr (GError) tls_cause = g_error_new_literal (G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE, "Unacceptable TLS certificate");
  g_autoptr (GError) timeout_cause = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "Socket I/O timed out");
  g_autoptr (GError) dns_cause = g_error_new_literal (G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND, "Name not found");
  g_autoptr (GError) refused_cause = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED, "refused");
  g_autoptr (GError) cancel_cause = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Operation was cancelled");
  g_autoptr (GError) tls = starling_api_error_new_from_transport (tls_cause);
  g_autoptr (GError) timeout = starling_api_error_new_from_transport (timeout_cause);
  g_autoptr (GError) dns = starling_api_error_new_from_transport (dns_cause);
  g_autoptr (GError) refused = starling_api_error_new_from_transport (refused_cause);
  g_autoptr (GError) cancel = starling_api_error_new_from_transport (cancel_cause);
  g_autoptr (GError) malformed = starling_api_error_new_malformed (timeout_cause);

  g_assert_error (tls, STARLING_API_ERROR, STARLING_API_ERROR_TLS);
  g_assert_false (starling_api_error_is_transient (tls));
  g_assert_error (timeout, STARLING_API_ERROR, STARLING_API_ERROR_NETWORK);
  g_assert_true (starling_api_error_is_transient (timeout));
  g_assert_error (dns, STARLING_API_ERROR, STARLING_API_ERROR_NETWORK);
  g_assert_error (refused, STARLING_API_ERROR, STARLING_API_ERROR_NETWORK);
  g_assert_error (cancel, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_error (malformed, STARLING_API_ERROR, STARLING_API_ERROR_MALFORMED);
  g_assert_cmpuint (starling_api_error_get_http_status (malformed), ==, 0);
  g_assert_false (starling_api_error_is_transient (malformed));

  /* The extended error's private data survives a copy. */
  {
    g_autoptr (GError) limited = error_for (429, NULL, "Retry-After", "12");
    g_autoptr (GError) copy = g_error_copy (limited);

    g_assert_cmpint (starling_api_error_get_retry_after (copy), ==, 12);
    g_assert_cmpuint (starling_api_error_get_http_status (copy), ==, 429);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/starling/api-error/status-codes", test_status_codes);
  g_test_add_func ("/starling/api-error/server-message", test_server_message);
  g_test_add_func ("/starling/api-error/long-and-invalid-message", test_long_and_invalid_message);
  g_test_add_func ("/starling/api-error/bad-token-as-422", test_bad_token_as_422);
  g_test_add_func ("/starling/api-error/rate-limit-reset", test_rate_limit_reset);
  g_test_add_func ("/starling/api-error/reset-time-forms", test_reset_time_forms);
  g_test_add_func ("/starling/api-error/transport", test_transport);

  return g_test_run ();
}
