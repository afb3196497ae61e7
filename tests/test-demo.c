/* test-demo.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "api/starling-api-error.h"
#include "api/starling-session.h"
#include "demo/starling-demo-server.h"
#include "model/starling-account.h"
#include "model/starling-instance.h"
#include "model/starling-media-attachment.h"
#include "model/starling-nodeinfo.h"
#include "model/starling-notification-group.h"
#include "model/starling-notification.h"
#include "model/starling-poll.h"
#include "model/starling-status.h"
#include "text/starling-blurhash.h"

/* A fixed "now" for the worlds that must be alike. */
#define EPOCH G_GINT64_CONSTANT (1767225600)  /* 2026-01-01 */

typedef struct
{
  StarlingDemoServer *server;
  SoupSession        *session;
  char               *token;
} Fixture;

typedef struct
{
  GBytes   *body;
  GError   *error;
  gboolean  done;
} Pending;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  /* A world that ends now, so that its open polls are open. */
  fixture->server = starling_demo_server_new (GPOINTER_TO_UINT (data) + 7);
  g_assert_true (starling_demo_server_start (fixture->server, &error));
  g_assert_no_error (error);
  fixture->session = soup_session_new ();
  fixture->token = starling_demo_server_create_token (fixture->server, "read write push");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->token);
  g_clear_object (&fixture->session);
  starling_demo_server_stop (fixture->server);
  g_assert_finalize_object (fixture->server);
}

static void
send_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Pending *pending = user_data;

  pending->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &pending->error);
  pending->done = TRUE;
}

/* Sends @msg and runs the main context (where the server lives) until the
 * answer is in. */
static GBytes *
send_message (SoupSession  *session,
              SoupMessage  *msg,
              GError      **error)
{
  Pending pending = { 0 };

  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, send_cb, &pending);
  while (!pending.done)
    g_main_context_iteration (NULL, TRUE);
  if (pending.error != NULL)
    g_propagate_error (error, pending.error);
  return pending.body;
}

static SoupMessage *
new_message (Fixture    *fixture,
             const char *method,
             const char *path,
             const char *token)
{
  g_autofree char *uri = g_str_has_prefix (path, "http")
    ? g_strdup (path) : g_strconcat (starling_demo_server_get_base_uri (fixture->server), path, NULL);
  SoupMessage *msg = soup_message_new (method, uri);

  g_assert_nonnull (msg);
  if (token != NULL)
    {
      g_autofree char *authorization = g_strdup_printf ("Bearer %s", token);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
    }
  return msg;
}

static void
set_form (SoupMessage *msg,
          const char  *form)
{
  g_autoptr (GBytes) body = g_bytes_new (form, strlen (form));

  soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", body);
}

static void
set_json (SoupMessage *msg,
          const char  *json)
{
  g_autoptr (GBytes) body = g_bytes_new (json, strlen (json));

  soup_message_set_request_body_from_bytes (msg, "application/json", body);
}

/* Requests @path and checks the status; returns the parsed JSON. */
static JsonNode *
request_json (Fixture     *fixture,
              SoupMessage *msg,
              guint        expected_status)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) body = send_message (fixture->session, msg, &error);
  JsonNode *node;

  g_assert_no_error (error);
  if (soup_message_get_status (msg) != expected_status)
    g_error ("%s %s: %u instead of %u: %.*s", soup_message_get_method (msg),
             g_uri_get_path (soup_message_get_uri (msg)), soup_message_get_status (msg), expected_status,
             (int) g_bytes_get_size (body), (const char *) g_bytes_get_data (body, NULL));
  node = starling_json_parse (g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error);
  g_assert_no_error (error);
  return node;
}

static JsonNode *
get_json (Fixture    *fixture,
          const char *path,
          const char *token,
          guint       expected_status)
{
  g_autoptr (SoupMessage) msg = new_message (fixture, "GET", path, token);

  return request_json (fixture, msg, expected_status);
}

static JsonNode *
post_form (Fixture    *fixture,
           const char *path,
           const char *form,
           guint       expected_status)
{
  g_autoptr (SoupMessage) msg = new_message (fixture, "POST", path, fixture->token);

  set_form (msg, form != NULL ? form : "");
  return request_json (fixture, msg, expected_status);
}

static const char *
member_string (JsonNode   *node,
               const char *name)
{
  return json_object_get_string_member (json_node_get_object (node), name);
}

/* The `rel="next"` URI of a Link header, or NULL. */
static char *
link_next (SoupMessage *msg,
           const char  *rel)
{
  const char *link = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Link");
  g_auto (GStrv) parts = NULL;
  g_autofree char *wanted = g_strdup_printf ("rel=\"%s\"", rel);

  if (link == NULL)
    return NULL;
  parts = g_strsplit (link, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strstr (parts[i], wanted) != NULL)
      {
        const char *start = strchr (parts[i], '<');
        const char *end = strchr (parts[i], '>');

        g_assert_nonnull (start);
        g_assert_nonnull (end);
        return g_strndup (start + 1, end - start - 1);
      }
  return NULL;
}

/* Walks a timeline through its Link headers; returns the ids in order. */
static GPtrArray *
walk (Fixture    *fixture,
      const char *path)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *next = g_strdup (path);

  while (next != NULL)
    {
      g_autoptr (SoupMessage) msg = new_message (fixture, "GET", next, fixture->token);
      g_autoptr (JsonNode) page = request_json (fixture, msg, SOUP_STATUS_OK);
      JsonArray *array = json_node_get_array (page);

      for (guint i = 0; i < json_array_get_length (array); i++)
        g_ptr_array_add (ids, g_strdup (json_object_get_string_member (json_array_get_object_element (array, i), "id")));
      g_free (next);
      next = link_next (msg, "next");
      g_assert_true (next == NULL || json_array_get_length (array) > 0);
      g_assert_cmpuint (ids->len, <, 100000);
    }
  return ids;
}

static gint64
id_value (const char *id)
{
  return (gint64) g_ascii_strtoull (id, NULL, 10);
}

/* Tests */

static void
test_determinism (void)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr (StarlingDemoServer) a = starling_demo_server_new_at (42, EPOCH);
  gint64 generated = g_get_monotonic_time ();
  g_autoptr (StarlingDemoServer) b = starling_demo_server_new_at (42, EPOCH);
  g_autoptr (StarlingDemoServer) c = starling_demo_server_new_at (43, EPOCH);
  Fixture fa = { a, soup_session_new (), NULL }, fb = { b, soup_session_new (), NULL }, fc = { c, soup_session_new (), NULL };
  const char *paths[] = { "/api/v1/timelines/home?limit=40", "/api/v1/notifications?limit=30",
                          "/api/v1/accounts/verify_credentials" };
  g_autoptr (GError) error = NULL;

  g_test_message ("World of seed 42: %u statuses, %u followers, %u servers, generated in %.1f ms",
                  starling_demo_server_get_n_statuses (a), starling_demo_server_get_n_followers (a),
                  starling_demo_server_get_n_domains (a), (generated - start) / 1000.0);
  g_assert_cmpuint (starling_demo_server_get_n_followers (a), >=, 2000);
  g_assert_cmpuint (starling_demo_server_get_n_domains (a), >=, 30);

  g_assert_true (starling_demo_server_start (a, &error));
  g_assert_true (starling_demo_server_start (b, &error));
  g_assert_true (starling_demo_server_start (c, &error));
  g_assert_no_error (error);
  fa.token = starling_demo_server_create_token (a, "read");
  fb.token = starling_demo_server_create_token (b, "read");
  fc.token = starling_demo_server_create_token (c, "read");

  g_assert_cmpstr (starling_demo_server_get_brand_id (a), ==, starling_demo_server_get_brand_id (b));
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr (JsonNode) ja = get_json (&fa, paths[i], fa.token, SOUP_STATUS_OK);
      g_autoptr (JsonNode) jb = get_json (&fb, paths[i], fb.token, SOUP_STATUS_OK);
      g_autoptr (JsonNode) jc = get_json (&fc, paths[i], fc.token, SOUP_STATUS_OK);
      g_autofree char *sa = json_to_string (ja, FALSE);
      g_autofree char *sb = json_to_string (jb, FALSE);
      g_autofree char *sc = json_to_string (jc, FALSE);
      g_autofree char *base_a = g_strdup (starling_demo_server_get_base_uri (a));
      g_autoptr (GString) ga = g_string_new (sa);
      g_autoptr (GString) gb = g_string_new (sb);

      /* The two servers differ only in their port. */
      g_string_replace (ga, base_a, "BASE", 0);
      g_string_replace (gb, starling_demo_server_get_base_uri (b), "BASE", 0);
      g_assert_cmpstr (ga->str, ==, gb->str);
      if (i < 2)
        g_assert_cmpstr (sa, !=, sc);
    }

  g_free (fa.token);
  g_free (fb.token);
  g_free (fc.token);
  g_object_unref (fa.session);
  g_object_unref (fb.session);
  g_object_unref (fc.session);
}

static void
test_decode (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (JsonNode) me = get_json (fixture, "/api/v1/accounts/verify_credentials", fixture->token, SOUP_STATUS_OK);
  g_autoptr (JsonNode) instance_node = get_json (fixture, "/api/v2/instance", NULL, SOUP_STATUS_OK);
  g_autoptr (JsonNode) home = get_json (fixture, "/api/v1/timelines/home?limit=40", fixture->token, SOUP_STATUS_OK);
  g_autoptr (JsonNode) notifications = get_json (fixture, "/api/v1/notifications?limit=80", fixture->token, SOUP_STATUS_OK);
  g_autoptr (JsonNode) emojis = get_json (fixture, "/api/v1/custom_emojis", NULL, SOUP_STATUS_OK);
  g_autoptr (JsonNode) preferences = get_json (fixture, "/api/v1/preferences", fixture->token, SOUP_STATUS_OK);
  g_autoptr (StarlingAccount) account = NULL;
  g_autoptr (StarlingInstance) instance = NULL;
  g_autoptr (GPtrArray) statuses = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *streaming = NULL;
  guint with_media = 0, reblogs = 0, with_filtered = 0;

  account = starling_entity_decode (STARLING_TYPE_ACCOUNT, me, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (starling_account_get_acct (account), ==, "kettlecrane");
  g_assert_cmpstr (starling_account_get_id (account), ==, starling_demo_server_get_brand_id (fixture->server));
  g_assert_cmpint (starling_account_get_followers_count (account), ==,
                   starling_demo_server_get_n_followers (fixture->server));
  g_assert_cmpint (starling_account_get_statuses_count (account), >, 300);
  g_assert_nonnull (starling_account_get_source (account));
  g_assert_cmpuint (starling_account_get_emojis (account)->len, ==, 1);

  instance = starling_entity_decode (STARLING_TYPE_INSTANCE, instance_node, NULL, &error);
  g_assert_no_error (error);
  streaming = g_strdup_printf ("ws://%s", starling_demo_server_get_base_uri (fixture->server) + strlen ("http://"));
  g_assert_cmpint (starling_instance_get_api_version (instance), ==, 7);
  g_assert_cmpstr (starling_instance_get_streaming_url (instance), ==, streaming);
  g_assert_cmpstr (starling_instance_get_domain (instance), ==, starling_demo_server_get_domain (fixture->server));
  g_assert_cmpint (starling_instance_get_max_characters (instance), ==, 500);
  g_assert_cmpint (starling_instance_get_max_poll_options (instance), ==, 4);
  g_assert_cmpuint (starling_instance_get_rules (instance)->len, ==, 4);
  g_assert_true (starling_blurhash_is_valid (json_object_get_string_member (
    json_object_get_object_member (json_node_get_object (instance_node), "thumbnail"), "blurhash")));

  statuses = starling_entity_decode_array (STARLING_TYPE_STATUS, home, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (statuses->len, ==, 40);
  for (guint i = 0; i < statuses->len; i++)
    {
      StarlingStatus *status = g_ptr_array_index (statuses, i);
      StarlingStatus *shown = starling_status_get_reblog (status) != NULL ? starling_status_get_reblog (status) : status;
      GPtrArray *media = starling_status_get_media_attachments (shown);

      g_assert_nonnull (starling_status_get_created_at (status));
      reblogs += starling_status_get_reblog (status) != NULL;
      with_filtered += starling_status_get_filtered (status) != NULL && starling_status_get_filtered (status)->len > 0;
      for (guint m = 0; media != NULL && m < media->len; m++)
        {
          StarlingMediaAttachment *attachment = g_ptr_array_index (media, m);
          g_autofree guint8 *pixels = NULL;

          with_media++;
          g_assert_cmpint (starling_media_attachment_get_width (attachment), >, 0);
          g_assert_cmpfloat (starling_media_attachment_get_aspect (attachment), >, 0.0);
          pixels = starling_blurhash_decode (starling_media_attachment_get_blurhash (attachment), 32, 32, 1, &error);
          g_assert_no_error (error);
          g_assert_nonnull (pixels);
        }
    }
  g_test_message ("First home page: %u with media, %u boosts, %u filtered", with_media, reblogs, with_filtered);
  g_assert_cmpuint (with_media, >, 0);

  events = starling_entity_decode_array (STARLING_TYPE_NOTIFICATION, notifications, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 80);
  for (guint i = 0; i < events->len; i++)
    {
      StarlingNotification *notification = g_ptr_array_index (events, i);

      g_assert_nonnull (starling_notification_get_account (notification));
      g_assert_cmpint (starling_notification_get_notification_type (notification), !=, STARLING_NOTIFICATION_TYPE_UNKNOWN);
    }

  g_assert_cmpuint (json_array_get_length (json_node_get_array (emojis)), ==, 12);
  g_assert_cmpstr (member_string (preferences, "posting:default:visibility"), ==, "public");
}

static void
test_pagination (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (GPtrArray) by_40 = walk (fixture, "/api/v1/timelines/home?limit=40");
  g_autoptr (GPtrArray) by_17 = walk (fixture, "/api/v1/timelines/home?limit=17");
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_test_message ("Home timeline: %u statuses", by_40->len);
  g_assert_cmpuint (by_40->len, >=, 1200);
  g_assert_cmpuint (by_40->len, ==, by_17->len);
  for (guint i = 0; i < by_40->len; i++)
    {
      /* No duplicates, newest first, and the same whatever the page size:
       * no gaps at page boundaries. */
      g_assert_true (g_hash_table_add (seen, g_ptr_array_index (by_40, i)));
      g_assert_cmpstr (g_ptr_array_index (by_40, i), ==, g_ptr_array_index (by_17, i));
      if (i > 0)
        g_assert_cmpint (id_value (g_ptr_array_index (by_40, i - 1)), >, id_value (g_ptr_array_index (by_40, i)));
    }
}

static void
test_cursors (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (SoupMessage) first_msg = new_message (fixture, "GET", "/api/v1/timelines/home?limit=40", fixture->token);
  g_autoptr (JsonNode) first = request_json (fixture, first_msg, SOUP_STATUS_OK);
  JsonArray *page = json_node_get_array (first);
  const char *pivot = json_object_get_string_member (json_array_get_object_element (page, 20), "id");
  g_autofree char *min_path = g_strdup_printf ("/api/v1/timelines/home?limit=5&min_id=%s", pivot);
  g_autofree char *since_path = g_strdup_printf ("/api/v1/timelines/home?limit=5&since_id=%s", pivot);
  g_autofree char *max_path = g_strdup_printf ("/api/v1/timelines/home?limit=5&max_id=%s", pivot);
  g_autoptr (JsonNode) min_page = get_json (fixture, min_path, fixture->token, SOUP_STATUS_OK);
  g_autoptr (JsonNode) since_page = get_json (fixture, since_path, fixture->token, SOUP_STATUS_OK);
  g_autoptr (JsonNode) max_page = get_json (fixture, max_path, fixture->token, SOUP_STATUS_OK);
  g_autofree char *next = link_next (first_msg, "next");
  g_autofree char *prev = link_next (first_msg, "prev");
  g_autofree char *last_id = NULL;

  /* min_id: the five immediately newer than the pivot, newest first. */
  for (guint i = 0; i < 5; i++)
    {
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (min_page), i), "id"),
                       ==, json_object_get_string_member (json_array_get_object_element (page, 15 + i), "id"));
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (since_page), i), "id"),
                       ==, json_object_get_string_member (json_array_get_object_element (page, i), "id"));
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (max_page), i), "id"),
                       ==, json_object_get_string_member (json_array_get_object_element (page, 21 + i), "id"));
    }

  last_id = g_strdup (json_object_get_string_member (json_array_get_object_element (page, 39), "id"));
  g_assert_nonnull (next);
  g_assert_nonnull (prev);
  g_assert_true (g_str_has_prefix (next, starling_demo_server_get_base_uri (fixture->server)));
  g_assert_nonnull (strstr (next, last_id));
  g_assert_nonnull (strstr (next, "max_id="));
  g_assert_nonnull (strstr (next, "limit=40"));
  g_assert_nonnull (strstr (prev, "min_id="));

  /* Nothing newer than the newest: an empty page without Link. */
  {
    g_autofree char *newest = g_strdup_printf ("/api/v1/timelines/home?min_id=%s",
                                               json_object_get_string_member (json_array_get_object_element (page, 0), "id"));
    g_autoptr (SoupMessage) msg = new_message (fixture, "GET", newest, fixture->token);
    g_autoptr (JsonNode) empty = request_json (fixture, msg, SOUP_STATUS_OK);

    g_assert_cmpuint (json_array_get_length (json_node_get_array (empty)), ==, 0);
    g_assert_null (soup_message_headers_get_one (soup_message_get_response_headers (msg), "Link"));
  }
}

static void
test_auth (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr (JsonNode) missing = get_json (fixture, "/api/v1/timelines/home", NULL, SOUP_STATUS_UNAUTHORIZED);
  g_autoptr (JsonNode) wrong = get_json (fixture, "/api/v1/timelines/home", "not-a-token", SOUP_STATUS_UNAUTHORIZED);
  g_autoptr (JsonNode) notifications = get_json (fixture, "/api/v1/notifications", NULL, SOUP_STATUS_UNAUTHORIZED);
  g_autoptr (JsonNode) public = get_json (fixture, "/api/v1/timelines/public?local=true", NULL, SOUP_STATUS_OK);
  g_autoptr (JsonNode) unknown = get_json (fixture, "/api/v1/statuses/123", fixture->token, SOUP_STATUS_NOT_FOUND);
  g_autoptr (JsonNode) no_route = get_json (fixture, "/api/v1/nothing/here", fixture->token, SOUP_STATUS_NOT_FOUND);
  g_autoptr (SoupMessage) msg = new_message (fixture, "GET", "/api/v1/timelines/home?limit=1", fixture->token);
  g_autoptr (JsonNode) ok = request_json (fixture, msg, SOUP_STATUS_OK);
  SoupMessageHeaders *headers = soup_message_get_response_headers (msg);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  g_assert_cmpstr (member_string (missing, "error"), ==, "The access token is invalid");
  g_assert_cmpstr (member_string (wrong, "error"), ==, "The access token is invalid");
  g_assert_cmpstr (member_string (notifications, "error"), ==, "The access token is invalid");
  g_assert_cmpstr (member_string (unknown, "error"), ==, "Record not found");
  g_assert_cmpstr (member_string (no_route, "error"), ==, "Record not found");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (public)), ==, 20);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (ok)), ==, 1);

  /* Rate-limit headers as Mastodon: ISO 8601 with microseconds. */
  g_assert_cmpstr (soup_message_headers_get_one (headers, "X-RateLimit-Limit"), ==, "300");
  g_assert_cmpint (atoi (soup_message_headers_get_one (headers, "X-RateLimit-Remaining")), <, 300);
  g_assert_true (g_str_has_suffix (soup_message_headers_get_one (headers, "X-RateLimit-Reset"), ".000000Z"));
  g_assert_cmpint (starling_api_parse_reset_time (soup_message_headers_get_one (headers, "X-RateLimit-Reset"), now), <=, 300);
}

static char *
s256 (const char *verifier)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;
  g_autofree char *encoded = NULL;
  GString *out;

  g_checksum_update (checksum, (const guchar *) verifier, strlen (verifier));
  g_checksum_get_digest (checksum, digest, &length);
  encoded = g_base64_encode (digest, length);
  out = g_string_new (encoded);
  g_string_replace (out, "+", "-", 0);
  g_string_replace (out, "/", "_", 0);
  g_string_replace (out, "=", "", 0);
  return g_string_free (out, FALSE);
}

static void
test_oauth (Fixture       *fixture,
            gconstpointer  data)
{
  const char *verifier = "a-long-random-verifier-of-at-least-43-characters-0123456789";
  g_autofree char *challenge = s256 (verifier);
  g_autoptr (JsonNode) discovery = get_json (fixture, "/.well-known/oauth-authorization-server", NULL, SOUP_STATUS_OK);
  g_autoptr (JsonNode) app = post_form (fixture, "/api/v1/apps",
                                        "client_name=Starling&redirect_uris=http%3A%2F%2F127.0.0.1%2Fcallback%0Aurn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob&scopes=read+write+push",
                                        SOUP_STATUS_OK);
  const char *client_id = member_string (app, "client_id");
  const char *client_secret = member_string (app, "client_secret");
  g_autofree char *authorize = g_strdup_printf ("/oauth/authorize?response_type=code&client_id=%s"
                                                "&redirect_uri=http%%3A%%2F%%2F127.0.0.1%%3A5555%%2Fcallback"
                                                "&scope=read+write&state=xyz&code_challenge=%s&code_challenge_method=S256",
                                                client_id, challenge);
  g_autoptr (SoupMessage) page_msg = new_message (fixture, "GET", authorize, NULL);
  g_autoptr (GBytes) page = NULL;
  g_autoptr (SoupMessage) approve = NULL;
  g_autoptr (GBytes) approved = NULL;
  g_autoptr (GUri) location = NULL;
  g_autoptr (GHashTable) query = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *approve_form = NULL;
  g_autofree char *token_form = NULL;
  g_autofree char *wrong_form = NULL;
  g_autofree char *code = NULL;
  g_autofree char *token = NULL;

  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (json_node_get_object (discovery),
                                                                               "code_challenge_methods_supported"), 0), ==, "S256");
  g_assert_nonnull (client_id);
  g_assert_nonnull (client_secret);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (app), "redirect_uris")), ==, 2);

  /* The authorize page, for a port other than the registered one. */
  page = send_message (fixture->session, page_msg, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (page_msg), ==, SOUP_STATUS_OK);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (page, NULL), g_bytes_get_size (page), "Authorize"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (page, NULL), g_bytes_get_size (page), "method=\"post\""));

  /* Approving redirects with the code and the state. */
  approve = new_message (fixture, "POST", "/oauth/authorize", NULL);
  soup_message_add_flags (approve, SOUP_MESSAGE_NO_REDIRECT);
  approve_form = g_strdup_printf ("response_type=code&client_id=%s&redirect_uri=http%%3A%%2F%%2F127.0.0.1%%3A5555%%2Fcallback"
                                  "&scope=read+write&state=xyz&code_challenge=%s&code_challenge_method=S256&button=approve",
                                  client_id, challenge);
  set_form (approve, approve_form);
  approved = send_message (fixture->session, approve, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (approve), ==, SOUP_STATUS_FOUND);
  location = g_uri_parse (soup_message_headers_get_one (soup_message_get_response_headers (approve), "Location"),
                          G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_uri_get_port (location), ==, 5555);
  g_assert_cmpstr (g_uri_get_path (location), ==, "/callback");
  query = soup_form_decode (g_uri_get_query (location));
  g_assert_cmpstr (g_hash_table_lookup (query, "state"), ==, "xyz");
  code = g_strdup (g_hash_table_lookup (query, "code"));
  g_assert_nonnull (code);

  /* A wrong verifier is refused, and does not use the code up. */
  wrong_form = g_strdup_printf ("grant_type=authorization_code&code=%s&client_id=%s&client_secret=%s"
                                "&redirect_uri=http%%3A%%2F%%2F127.0.0.1%%3A5555%%2Fcallback&code_verifier=wrong",
                                code, client_id, client_secret);
  {
    g_autoptr (JsonNode) refused = post_form (fixture, "/oauth/token", wrong_form, SOUP_STATUS_BAD_REQUEST);

    g_assert_cmpstr (member_string (refused, "error"), ==, "invalid_grant");
  }
  token_form = g_strdup_printf ("grant_type=authorization_code&code=%s&client_id=%s&client_secret=%s"
                                "&redirect_uri=http%%3A%%2F%%2F127.0.0.1%%3A5555%%2Fcallback&code_verifier=%s",
                                code, client_id, client_secret, verifier);
  {
    g_autoptr (JsonNode) granted = post_form (fixture, "/oauth/token", token_form, SOUP_STATUS_OK);

    g_assert_cmpstr (member_string (granted, "token_type"), ==, "Bearer");
    g_assert_cmpstr (member_string (granted, "scope"), ==, "read write");
    token = g_strdup (member_string (granted, "access_token"));
  }
  {
    /* Codes are single-use. */
    g_autoptr (JsonNode) reused = post_form (fixture, "/oauth/token", token_form, SOUP_STATUS_BAD_REQUEST);

    g_assert_cmpstr (member_string (reused, "error"), ==, "invalid_grant");
  }
  {
    g_autoptr (JsonNode) me = get_json (fixture, "/api/v1/accounts/verify_credentials", token, SOUP_STATUS_OK);
    g_autoptr (JsonNode) bad_client = post_form (fixture, "/oauth/token",
                                                 "grant_type=client_credentials&client_id=nope&client_secret=nope",
                                                 SOUP_STATUS_UNAUTHORIZED);
    g_autofree char *revoke_form = g_strdup_printf ("client_id=%s&client_secret=%s&token=%s", client_id, client_secret, token);
    g_autoptr (JsonNode) revoked = post_form (fixture, "/oauth/revoke", revoke_form, SOUP_STATUS_OK);
    g_autoptr (JsonNode) gone = get_json (fixture, "/api/v1/accounts/verify_credentials", token, SOUP_STATUS_UNAUTHORIZED);

    g_assert_cmpstr (member_string (me, "username"), ==, "kettlecrane");
    g_assert_cmpstr (member_string (bad_client, "error"), ==, "invalid_client");
  }

  /* A redirect URI that was not registered. */
  {
    g_autofree char *bad = g_strdup_printf ("/oauth/authorize?response_type=code&client_id=%s"
                                            "&redirect_uri=http%%3A%%2F%%2F127.0.0.1%%3A5555%%2Fother&scope=read",
                                            client_id);
    g_autoptr (SoupMessage) msg = new_message (fixture, "GET", bad, NULL);
    g_autoptr (GBytes) body = send_message (fixture->session, msg, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (msg), ==, SOUP_STATUS_BAD_REQUEST);
  }

  /* The token request was logged as sent. */
  g_assert_cmpuint (starling_demo_server_count_requests (fixture->server, "POST", "/oauth/token"), ==, 4);
}

static void
test_posting (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (SoupMessage) first = new_message (fixture, "POST", "/api/v1/statuses", fixture->token);
  g_autoptr (SoupMessage) second = new_message (fixture, "POST", "/api/v1/statuses", fixture->token);
  g_autoptr (SoupMessage) json_msg = new_message (fixture, "POST", "/api/v1/statuses", fixture->token);
  g_autoptr (SoupMessage) multipart_msg = NULL;
  g_autoptr (SoupMultipart) multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
  g_autoptr (JsonNode) a = NULL;
  g_autoptr (JsonNode) b = NULL;
  g_autoptr (JsonNode) c = NULL;
  g_autoptr (JsonNode) d = NULL;
  g_autoptr (JsonNode) blank = NULL;
  g_autoptr (JsonNode) scheduled = NULL;
  g_autoptr (JsonNode) home = NULL;
  g_autoptr (StarlingStatus) status = NULL;
  g_autoptr (GError) error = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (first), "Idempotency-Key", "key-1");
  soup_message_headers_replace (soup_message_get_request_headers (second), "Idempotency-Key", "key-1");
  set_form (first, "status=Fresh+beans+today+%23coffee&visibility=public");
  set_form (second, "status=Fresh+beans+today+%23coffee&visibility=public");
  a = request_json (fixture, first, SOUP_STATUS_OK);
  b = request_json (fixture, second, SOUP_STATUS_OK);
  g_assert_cmpstr (member_string (a, "id"), ==, member_string (b, "id"));
  g_assert_cmpuint (starling_demo_server_count_statuses_with_text (fixture->server, "Fresh beans today"), ==, 1);

  status = starling_entity_decode (STARLING_TYPE_STATUS, a, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (starling_status_get_tags (status)->len, ==, 1);
  g_assert_nonnull (strstr (starling_status_get_content (status), "hashtag"));

  set_json (json_msg, "{\"status\":\"A poll from JSON\",\"poll\":{\"options\":[\"Yes\",\"No\"],\"expires_in\":3600}}");
  c = request_json (fixture, json_msg, SOUP_STATUS_OK);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
    json_object_get_object_member (json_node_get_object (c), "poll"), "options")), ==, 2);

  soup_multipart_append_form_string (multipart, "status", "Posted as multipart");
  soup_multipart_append_form_string (multipart, "spoiler_text", "Roast talk");
  {
    g_autofree char *uri = g_strconcat (starling_demo_server_get_base_uri (fixture->server), "/api/v1/statuses", NULL);
    g_autofree char *authorization = g_strdup_printf ("Bearer %s", fixture->token);

    multipart_msg = soup_message_new_from_multipart (uri, multipart);
    soup_message_headers_replace (soup_message_get_request_headers (multipart_msg), "Authorization", authorization);
  }
  d = request_json (fixture, multipart_msg, SOUP_STATUS_OK);
  g_assert_cmpstr (member_string (d, "spoiler_text"), ==, "Roast talk");
  g_assert_true (json_object_get_boolean_member (json_node_get_object (d), "sensitive"));

  blank = post_form (fixture, "/api/v1/statuses", "status=+", 422);
  g_assert_cmpstr (member_string (blank, "error"), ==, "Validation failed: Text can't be blank");
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr (GDateTime) later = g_date_time_add_hours (now, 2);
    g_autofree char *when = g_date_time_format_iso8601 (later);
    g_autofree char *escaped = g_uri_escape_string (when, NULL, TRUE);
    g_autofree char *form = g_strdup_printf ("status=Later&scheduled_at=%s", escaped);
    g_autoptr (JsonNode) list = NULL;

    scheduled = post_form (fixture, "/api/v1/statuses", form, SOUP_STATUS_OK);
    g_assert_true (json_object_has_member (json_node_get_object (scheduled), "params"));
    list = get_json (fixture, "/api/v1/scheduled_statuses", fixture->token, SOUP_STATUS_OK);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 3);
  }

  /* The new posts are at the top of home. */
  home = get_json (fixture, "/api/v1/timelines/home?limit=3", fixture->token, SOUP_STATUS_OK);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (home), 2), "id"),
                   ==, member_string (a, "id"));
}

static void
test_actions (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (JsonNode) public = get_json (fixture, "/api/v1/timelines/public?remote=true&limit=40", fixture->token, SOUP_STATUS_OK);
  JsonObject *target = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  gint64 favourites;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (public)) && target == NULL; i++)
    {
      JsonObject *candidate = json_array_get_object_element (json_node_get_array (public), i);

      if (!json_object_get_boolean_member (candidate, "favourited") && !json_object_get_boolean_member (candidate, "reblogged"))
        target = candidate;
    }
  g_assert_nonnull (target);
  id = g_strdup (json_object_get_string_member (target, "id"));
  favourites = json_object_get_int_member (target, "favourites_count");

  path = g_strdup_printf ("/api/v1/statuses/%s/favourite", id);
  {
    g_autoptr (JsonNode) faved = post_form (fixture, path, NULL, SOUP_STATUS_OK);

    g_assert_true (json_object_get_boolean_member (json_node_get_object (faved), "favourited"));
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (faved), "favourites_count"), ==, favourites + 1);
  }
  g_free (path);
  path = g_strdup_printf ("/api/v1/statuses/%s/reblog", id);
  {
    g_autoptr (JsonNode) wrapper = post_form (fixture, path, NULL, SOUP_STATUS_OK);
    JsonObject *inner = json_object_get_object_member (json_node_get_object (wrapper), "reblog");

    g_assert_nonnull (inner);
    g_assert_cmpstr (json_object_get_string_member (inner, "id"), ==, id);
    g_assert_cmpstr (member_string (wrapper, "id"), !=, id);
    g_assert_true (json_object_get_boolean_member (inner, "reblogged"));
  }
  g_free (path);
  path = g_strdup_printf ("/api/v1/statuses/%s/bookmark", id);
  {
    g_autoptr (JsonNode) marked = post_form (fixture, path, NULL, SOUP_STATUS_OK);
    g_autoptr (JsonNode) bookmarks = get_json (fixture, "/api/v1/bookmarks?limit=1", fixture->token, SOUP_STATUS_OK);

    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (bookmarks), 0), "id"), ==, id);
  }
  g_free (path);
  path = g_strdup_printf ("/api/v1/statuses/%s/pin", id);
  {
    g_autoptr (JsonNode) refused = post_form (fixture, path, NULL, 422);
  }

  /* Own posts: edit and delete. */
  {
    g_autoptr (JsonNode) mine = post_form (fixture, "/api/v1/statuses", "status=First+version", SOUP_STATUS_OK);
    g_autofree char *own = g_strdup_printf ("/api/v1/statuses/%s", member_string (mine, "id"));
    g_autoptr (SoupMessage) put = new_message (fixture, "PUT", own, fixture->token);
    g_autoptr (SoupMessage) del = new_message (fixture, "DELETE", own, fixture->token);
    g_autoptr (JsonNode) edited = NULL;
    g_autoptr (JsonNode) deleted = NULL;
    g_autoptr (JsonNode) gone = NULL;

    set_form (put, "status=Second+version");
    edited = request_json (fixture, put, SOUP_STATUS_OK);
    g_assert_false (JSON_NODE_HOLDS_NULL (json_object_get_member (json_node_get_object (edited), "edited_at")));
    g_assert_nonnull (strstr (member_string (edited, "content"), "Second version"));
    deleted = request_json (fixture, del, SOUP_STATUS_OK);
    g_assert_cmpstr (member_string (deleted, "text"), ==, "Second version");
    gone = get_json (fixture, own, fixture->token, SOUP_STATUS_NOT_FOUND);
  }

  /* A poll the brand can vote on, once. */
  {
    g_autoptr (JsonNode) home = get_json (fixture, "/api/v1/timelines/home?limit=40", fixture->token, SOUP_STATUS_OK);
    const char *poll_id = NULL;

    for (guint i = 0; i < json_array_get_length (json_node_get_array (home)) && poll_id == NULL; i++)
      {
        JsonObject *status = json_array_get_object_element (json_node_get_array (home), i);
        JsonNode *poll = json_object_get_member (status, "poll");

        if (poll != NULL && JSON_NODE_HOLDS_OBJECT (poll) && !json_object_get_boolean_member (json_node_get_object (poll), "expired"))
          poll_id = json_object_get_string_member (json_node_get_object (poll), "id");
      }
    g_assert_nonnull (poll_id);
    g_free (path);
    path = g_strdup_printf ("/api/v1/polls/%s/votes", poll_id);
    {
      g_autoptr (JsonNode) voted = post_form (fixture, path, "choices%5B%5D=0&choices%5B%5D=2", SOUP_STATUS_OK);
      g_autoptr (JsonNode) again = post_form (fixture, path, "choices%5B%5D=1", 422);
      g_autoptr (StarlingPoll) poll = NULL;
      g_autoptr (GError) error = NULL;

      poll = starling_entity_decode (STARLING_TYPE_POLL, voted, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (starling_poll_get_voted (poll));
      g_assert_cmpstr (member_string (again, "error"), ==, "Validation failed: You have already voted on this poll");
    }
  }

  /* Follow and relationships. */
  {
    g_autoptr (JsonNode) found = get_json (fixture, "/api/v1/accounts/lookup?acct=weatherbot@mastodon.social", NULL, SOUP_STATUS_OK);
    g_autofree char *follow = g_strdup_printf ("/api/v1/accounts/%s/follow", member_string (found, "id"));
    g_autoptr (JsonNode) relationship = post_form (fixture, follow, NULL, SOUP_STATUS_OK);

    g_assert_true (json_object_get_boolean_member (json_node_get_object (found), "bot"));
    g_assert_true (json_object_get_boolean_member (json_node_get_object (relationship), "following"));
  }

  /* favourited_by names real followers. */
  {
    g_autofree char *brand_statuses = g_strdup_printf ("/api/v1/accounts/%s/statuses?exclude_replies=true&limit=40",
                                                       starling_demo_server_get_brand_id (fixture->server));
    g_autoptr (JsonNode) own = get_json (fixture, brand_statuses, fixture->token, SOUP_STATUS_OK);
    JsonObject *popular = NULL;

    for (guint i = 0; i < json_array_get_length (json_node_get_array (own)); i++)
      {
        JsonObject *candidate = json_array_get_object_element (json_node_get_array (own), i);

        if (json_object_get_int_member (candidate, "favourites_count") > 3 && popular == NULL)
          popular = candidate;
      }
    g_assert_nonnull (popular);
    g_free (path);
    path = g_strdup_printf ("/api/v1/statuses/%s/favourited_by?limit=80", json_object_get_string_member (popular, "id"));
    {
      g_autoptr (JsonNode) accounts = get_json (fixture, path, fixture->token, SOUP_STATUS_OK);

      g_assert_cmpint (json_array_get_length (json_node_get_array (accounts)), ==,
                       json_object_get_int_member (popular, "favourites_count"));
    }
  }
}

static void
test_faults (Fixture       *fixture,
             gconstpointer  data)
{
  StarlingDemoServer *server = fixture->server;
  g_autoptr (GError) error = NULL;

  /* Latency */
  {
    g_autoptr (SoupMessage) msg = new_message (fixture, "GET", "/api/v1/instance", NULL);
    gint64 start = g_get_monotonic_time ();
    g_autoptr (JsonNode) node = NULL;

    starling_demo_server_add_fault (server, "GET", "/api/v1/instance", STARLING_DEMO_FAULT_LATENCY, 1, 250);
    node = request_json (fixture, msg, SOUP_STATUS_OK);
    g_assert_cmpint (g_get_monotonic_time () - start, >=, 250 * 1000);
  }
  /* Rate limit, once */
  {
    g_autoptr (SoupMessage) msg = new_message (fixture, "GET", "/api/v1/timelines/home", fixture->token);
    g_autoptr (JsonNode) node = NULL;
    g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr (GBytes) body = NULL;
    g_autoptr (GError) api_error = NULL;
    SoupMessageHeaders *headers;

    starling_demo_server_add_fault (server, NULL, "/api/v1/timelines/*", STARLING_DEMO_FAULT_RATE_LIMIT, 1, 30);
    node = request_json (fixture, msg, 429);
    headers = soup_message_get_response_headers (msg);
    g_assert_cmpstr (member_string (node, "error"), ==, "Too many requests");
    g_assert_cmpstr (soup_message_headers_get_one (headers, "X-RateLimit-Remaining"), ==, "0");
    g_assert_cmpint (starling_api_parse_retry_after (headers, now), >=, 28);
    g_assert_cmpint (starling_api_parse_retry_after (headers, now), <=, 31);
    body = g_bytes_new_static ("{\"error\":\"Too many requests\"}", 29);
    api_error = starling_api_error_new_for_status (429, headers, body, now);
    g_assert_error (api_error, STARLING_API_ERROR, STARLING_API_ERROR_RATE_LIMITED);
    g_clear_pointer (&node, json_node_unref);
    node = get_json (fixture, "/api/v1/timelines/home", fixture->token, SOUP_STATUS_OK);
  }
  /* Server error with an HTML page, then an empty one */
  {
    g_autoptr (SoupMessage) msg = new_message (fixture, "GET", "/api/v2/instance", NULL);
    g_autoptr (SoupMessage) empty = new_message (fixture, "GET", "/api/v2/instance", NULL);
    g_autoptr (GBytes) body = NULL;
    g_autoptr (GBytes) empty_body = NULL;

    starling_demo_server_add_fault (server, "GET", "/api/v2/instance", STARLING_DEMO_FAULT_SERVER_ERROR, 1, 503);
    starling_demo_server_add_fault (server, "GET", "/api/v2/instance", STARLING_DEMO_FAULT_EMPTY_ERROR, 1, 502);
    body = send_message (fixture->session, msg, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 503);
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (body, NULL), g_bytes_get_size (body), "<html>"));
    empty_body = send_message (fixture->session, empty, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (empty), ==, 502);
    g_assert_cmpuint (g_bytes_get_size (empty_body), ==, 0);
  }
  /* Truncated and malformed JSON */
  {
    g_autoptr (SoupMessage) truncated = new_message (fixture, "GET", "/api/v2/instance", NULL);
    g_autoptr (SoupMessage) malformed = new_message (fixture, "GET", "/api/v2/instance", NULL);
    g_autoptr (GBytes) a = NULL;
    g_autoptr (GBytes) b = NULL;
    g_autoptr (JsonNode) none = NULL;
    g_autoptr (GError) parse_error = NULL;

    starling_demo_server_add_fault (server, "GET", "/api/v2/instance", STARLING_DEMO_FAULT_TRUNCATED_JSON, 1, 0);
    starling_demo_server_add_fault (server, "GET", "/api/v2/instance", STARLING_DEMO_FAULT_MALFORMED_JSON, 1, 0);
    a = send_message (fixture->session, truncated, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (truncated), ==, 200);
    g_assert_cmpuint (g_bytes_get_size (a), >, 100);
    none = starling_json_parse (g_bytes_get_data (a, NULL), g_bytes_get_size (a), &parse_error);
    g_assert_null (none);
    g_assert_nonnull (parse_error);
    g_clear_error (&parse_error);
    b = send_message (fixture->session, malformed, &error);
    g_assert_no_error (error);
    none = starling_json_parse (g_bytes_get_data (b, NULL), g_bytes_get_size (b), &parse_error);
    g_assert_null (none);
    g_assert_nonnull (parse_error);
  }
  /* 422 bad token */
  {
    g_autoptr (JsonNode) node = NULL;

    starling_demo_server_add_fault (server, NULL, "/api/v1/accounts/verify_credentials", STARLING_DEMO_FAULT_BAD_TOKEN_422, 1, 0);
    node = get_json (fixture, "/api/v1/accounts/verify_credentials", fixture->token, 422);
    g_assert_cmpstr (member_string (node, "error"), ==, "The access token is invalid");
  }
  /* A dropped connection after the post was made; the retry with the
   * same key publishes nothing new. */
  {
    g_autoptr (SoupMessage) msg = new_message (fixture, "POST", "/api/v1/statuses", fixture->token);
    g_autoptr (SoupMessage) retry = new_message (fixture, "POST", "/api/v1/statuses", fixture->token);
    g_autoptr (GBytes) body = NULL;
    g_autoptr (JsonNode) node = NULL;
    g_autoptr (GPtrArray) requests = NULL;
    StarlingDemoRequest *last;

    starling_demo_server_add_fault (server, "POST", "/api/v1/statuses", STARLING_DEMO_FAULT_DROP_CONNECTION, 1, 0);
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Idempotency-Key", "retry-me");
    soup_message_headers_replace (soup_message_get_request_headers (retry), "Idempotency-Key", "retry-me");
    set_form (msg, "status=Published+exactly+once");
    set_form (retry, "status=Published+exactly+once");
    body = send_message (fixture->session, msg, &error);
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_cmpuint (starling_demo_server_count_statuses_with_text (server, "Published exactly once"), ==, 1);
    node = request_json (fixture, retry, SOUP_STATUS_OK);
    g_assert_cmpuint (starling_demo_server_count_statuses_with_text (server, "Published exactly once"), ==, 1);

    requests = starling_demo_server_get_requests (server);
    last = g_ptr_array_index (requests, requests->len - 1);
    g_assert_cmpstr (starling_demo_request_get_method (last), ==, "POST");
    g_assert_cmpstr (starling_demo_request_get_header (last, "Idempotency-Key"), ==, "retry-me");
    g_assert_cmpuint (starling_demo_request_get_status (last), ==, 200);
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (starling_demo_request_get_body (last), NULL),
                                    g_bytes_get_size (starling_demo_request_get_body (last)), "exactly"));
    last = g_ptr_array_index (requests, requests->len - 2);
    g_assert_cmpuint (starling_demo_request_get_status (last), ==, 0);
  }
  /* The environment's syntax */
  {
    g_autoptr (JsonNode) node = NULL;

    g_assert_true (starling_demo_server_add_faults_from_string (server, "GET /api/v1/custom_emojis=server-error:1:500;"
                                                                "/api/v1/preferences=bad-token-422:1", &error));
    g_assert_no_error (error);
    node = get_json (fixture, "/api/v1/preferences", fixture->token, 422);
    g_clear_pointer (&node, json_node_unref);
    node = get_json (fixture, "/api/v1/preferences", fixture->token, SOUP_STATUS_OK);
    g_assert_false (starling_demo_server_add_faults_from_string (server, "/x=explode", &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
    g_assert_false (starling_demo_server_add_faults_from_string (server, "no-equals-sign", &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
    starling_demo_server_clear_faults (server);
  }

  g_assert_cmpuint (starling_demo_server_count_requests (server, "GET", "/api/v2/instance"), ==, 4);
  starling_demo_server_clear_requests (server);
  g_assert_cmpuint (starling_demo_server_count_requests (server, NULL, NULL), ==, 0);
}

static gboolean
cancel_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static gboolean
flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
cancelled_send_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Pending *pending = user_data;

  pending->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &pending->error);
  pending->done = TRUE;
}

/* A slow answer whose client went away before it was sent: the server
 * drops it quietly (no critical from libsoup), and keeps serving. A
 * latency fault taken N times slows N requests, each by its delay once. */
static void
test_latency_gone (Fixture       *fixture,
                   gconstpointer  data)
{
  StarlingDemoServer *server = fixture->server;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (SoupMessage) msg = new_message (fixture, "GET", "/api/v1/timelines/home", fixture->token);
  Pending pending = { 0 };
  gboolean waited = FALSE;

  starling_demo_server_add_fault (server, "GET", "/api/v1/timelines/home", STARLING_DEMO_FAULT_LATENCY, 1, 300);
  soup_session_send_and_read_async (fixture->session, msg, G_PRIORITY_DEFAULT, cancellable,
                                    cancelled_send_cb, &pending);
  g_timeout_add (50, cancel_cb, cancellable);
  while (!pending.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (pending.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&pending.error);

  /* Past the delay: the server wakes up to a message nobody waits for. */
  g_timeout_add (500, flag_cb, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);

  {
    g_autoptr (JsonNode) node = get_json (fixture, "/api/v1/timelines/home", fixture->token, SOUP_STATUS_OK);

    g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), >, 0);
  }

  starling_demo_server_add_fault (server, "GET", "/api/v1/instance", STARLING_DEMO_FAULT_LATENCY, 3, 200);
  for (guint i = 0; i < 4; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (JsonNode) node = get_json (fixture, "/api/v1/instance", NULL, SOUP_STATUS_OK);
      gint64 elapsed = g_get_monotonic_time () - start;

      if (i < 3)
        g_assert_cmpint (elapsed, >=, 200 * 1000);
      /* Once each, not three delays on the first request. */
      if (i == 0)
        g_assert_cmpint (elapsed, <, 400 * 1000);
      if (i == 3)
        g_assert_cmpint (elapsed, <, 200 * 1000);
    }
}

static void
test_nodeinfo (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (SoupSession) session = starling_session_new (starling_demo_server_get_proxy_resolver (fixture->server));
  static const struct {
    const char *domain;
    guint       status;
    const char *software;
  } table[] = {
    { "mastodon.social", 200, "mastodon" },
    { "pixelfed.social", 200, "pixelfed" },
    { "libranet.de", 200, "friendica" },
    { "goblin.camp", 200, "gotosocial" },
    { "akko.wtf", 200, "akkoma" },
    { "misskey.io", 200, "misskey" },
    { "blahaj.zone", 200, "sharkey" },
    { "tilvids.com", 200, "peertube" },
    { "threads.net", 403, NULL },
    { "social.vivaldi.net", 404, NULL },
    { "botsin.space", 502, NULL },
    { "mastodon.lol", 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autofree char *uri = g_strdup_printf ("http://%s/.well-known/nodeinfo", table[i].domain);
      g_autoptr (SoupMessage) msg = soup_message_new ("GET", uri);
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) body = send_message (session, msg, &error);
      g_autoptr (JsonNode) links = NULL;
      g_autoptr (SoupMessage) doc_msg = NULL;
      g_autoptr (GBytes) doc = NULL;
      g_autoptr (JsonNode) doc_node = NULL;
      g_autoptr (StarlingNodeInfo) nodeinfo = NULL;
      const char *href;

      if (table[i].status == 0)
        {
          g_assert_nonnull (error);
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpuint (soup_message_get_status (msg), ==, table[i].status);
      if (table[i].software == NULL)
        continue;

      links = starling_json_parse (g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error);
      g_assert_no_error (error);
      href = json_object_get_string_member (json_array_get_object_element (
        json_object_get_array_member (json_node_get_object (links), "links"), 0), "href");
      g_assert_true (g_str_has_prefix (href, "http://"));
      g_assert_nonnull (strstr (href, table[i].domain));
      doc_msg = soup_message_new ("GET", href);
      doc = send_message (session, doc_msg, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (soup_message_get_status (doc_msg), ==, 200);
      doc_node = starling_json_parse (g_bytes_get_data (doc, NULL), g_bytes_get_size (doc), &error);
      g_assert_no_error (error);
      nodeinfo = starling_entity_decode (STARLING_TYPE_NODEINFO, doc_node, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (starling_nodeinfo_get_software_name (nodeinfo), ==, table[i].software);
      if (g_str_equal (table[i].software, "akkoma"))
        g_assert_cmpuint (g_bytes_get_size (doc), >, 20000);
    }

  /* The remote hosts were asked for by name. */
  {
    g_autoptr (GPtrArray) requests = starling_demo_server_get_requests (fixture->server);
    gboolean seen = FALSE;

    for (guint i = 0; i < requests->len; i++)
      seen |= g_strcmp0 (starling_demo_request_get_host (g_ptr_array_index (requests, i)), "threads.net") == 0;
    g_assert_true (seen);
  }
}

typedef struct
{
  GPtrArray               *frames;
  SoupWebsocketConnection *conn;
  GError                  *error;
  gboolean                 closed;
  gboolean                 done;
} Stream;

static void
frame_cb (SoupWebsocketConnection *conn,
          int                      type,
          GBytes                  *message,
          gpointer                 user_data)
{
  Stream *stream = user_data;

  g_ptr_array_add (stream->frames, g_strndup (g_bytes_get_data (message, NULL), g_bytes_get_size (message)));
}

static void
stream_closed_cb (SoupWebsocketConnection *conn,
                  gpointer                 user_data)
{
  ((Stream *) user_data)->closed = TRUE;
}

static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Stream *stream = user_data;

  stream->conn = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &stream->error);
  if (stream->conn != NULL)
    {
      g_signal_connect (stream->conn, "message", G_CALLBACK (frame_cb), stream);
      g_signal_connect (stream->conn, "closed", G_CALLBACK (stream_closed_cb), stream);
    }
  stream->done = TRUE;
}

static void
stream_connect (Fixture    *fixture,
                Stream     *stream,
                const char *query,
                const char *token)
{
  g_autofree char *uri = g_strdup_printf ("ws://%s/api/v1/streaming%s",
                                          starling_demo_server_get_base_uri (fixture->server) + strlen ("http://"), query);
  g_autoptr (SoupMessage) msg = soup_message_new ("GET", uri);

  if (token != NULL)
    {
      g_autofree char *authorization = g_strdup_printf ("Bearer %s", token);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
    }
  stream->frames = g_ptr_array_new_with_free_func (g_free);
  soup_session_websocket_connect_async (fixture->session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL, connected_cb, stream);
  while (!stream->done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (stream->error);
}

static void
stream_clear (Stream *stream)
{
  if (stream->conn != NULL)
    g_signal_handlers_disconnect_by_data (stream->conn, stream);
  g_clear_object (&stream->conn);
  g_clear_pointer (&stream->frames, g_ptr_array_unref);
}

static void
wait_frames (Stream *stream,
             guint   count)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (stream->frames->len < count && !stream->closed && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (stream->frames->len, >=, count);
}

static void
wait_closed (Stream *stream)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!stream->closed && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (stream->closed);
}

static void
test_streaming (Fixture       *fixture,
                gconstpointer  data)
{
  Stream stream = { 0 };
  Stream refused = { 0 };
  Stream dropped = { 0 };
  g_autofree char *id = NULL;
  g_autoptr (JsonNode) frame = NULL;
  g_autoptr (JsonNode) payload = NULL;
  g_autoptr (StarlingStatus) status = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) health = NULL;

  stream_connect (fixture, &stream, "", fixture->token);
  soup_websocket_connection_send_text (stream.conn, "{\"type\":\"subscribe\",\"stream\":\"user\"}");
  /* An unknown stream answers with an error frame, which also tells that
   * the subscription before it was taken. */
  soup_websocket_connection_send_text (stream.conn, "{\"type\":\"subscribe\",\"stream\":\"nonsense\"}");
  wait_frames (&stream, 1);
  g_assert_cmpstr (g_ptr_array_index (stream.frames, 0), ==, "{\"error\":\"Unknown stream type\",\"status\":400}");

  id = starling_demo_server_emit_status (fixture->server);
  wait_frames (&stream, 2);
  frame = starling_json_parse (g_ptr_array_index (stream.frames, 1), -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (member_string (frame, "event"), ==, "update");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (json_node_get_object (frame), "stream"), 0), ==, "user");
  /* The payload is JSON inside a string. */
  payload = starling_json_parse (member_string (frame, "payload"), -1, &error);
  g_assert_no_error (error);
  status = starling_entity_decode (STARLING_TYPE_STATUS, payload, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (starling_status_get_id (status), ==, id);

  starling_demo_server_delete_status (fixture->server, id);
  wait_frames (&stream, 3);
  g_clear_pointer (&frame, json_node_unref);
  frame = starling_json_parse (g_ptr_array_index (stream.frames, 2), -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (member_string (frame, "event"), ==, "delete");
  g_assert_cmpstr (member_string (frame, "payload"), ==, id);

  g_free (starling_demo_server_emit_notification (fixture->server, "favourite"));
  wait_frames (&stream, 4);
  g_assert_nonnull (strstr (g_ptr_array_index (stream.frames, 3), "\"event\":\"notification\""));

  /* Dropping the streams closes this one and the next to connect. */
  starling_demo_server_add_fault (fixture->server, NULL, "/api/v1/streaming", STARLING_DEMO_FAULT_STREAM_DROP, 2, 0);
  wait_closed (&stream);
  stream_connect (fixture, &dropped, "?stream=public", fixture->token);
  wait_closed (&dropped);

  /* A bad token is refused with 401 before any upgrade, as Mastodon does. */
  {
    g_autofree char *uri = g_strdup_printf ("ws://%s/api/v1/streaming?stream=user",
                                            starling_demo_server_get_base_uri (fixture->server) + strlen ("http://"));
    g_autoptr (SoupMessage) msg = soup_message_new ("GET", uri);

    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", "Bearer bad-token");
    refused.frames = g_ptr_array_new_with_free_func (g_free);
    soup_session_websocket_connect_async (fixture->session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL,
                                          connected_cb, &refused);
    while (!refused.done)
      g_main_context_iteration (NULL, TRUE);
    g_assert_null (refused.conn);
    g_assert_nonnull (refused.error);
    g_assert_cmpuint (soup_message_get_status (msg), ==, SOUP_STATUS_UNAUTHORIZED);
    g_clear_error (&refused.error);
  }

  health = NULL;
  {
    g_autoptr (SoupMessage) msg = new_message (fixture, "GET", "/api/v1/streaming/health", NULL);
    g_autoptr (GBytes) body = send_message (fixture->session, msg, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
    g_assert_cmpmem (g_bytes_get_data (body, NULL), g_bytes_get_size (body), "OK", 2);
  }

  stream_clear (&stream);
  stream_clear (&refused);
  stream_clear (&dropped);
}

static SoupMessage *
upload_message (Fixture    *fixture,
                const char *content_type,
                gsize       size)
{
  g_autoptr (SoupMultipart) multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
  g_autofree guint8 *data = g_malloc0 (size);
  g_autoptr (GBytes) file = NULL;
  g_autofree char *uri = g_strconcat (starling_demo_server_get_base_uri (fixture->server), "/api/v2/media", NULL);
  g_autofree char *authorization = g_strdup_printf ("Bearer %s", fixture->token);
  SoupMessage *msg;

  memcpy (data, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x40\0\0\0\x20", MIN (size, 24));
  file = g_bytes_new (data, size);
  soup_multipart_append_form_file (multipart, "file", "upload", content_type, file);
  soup_multipart_append_form_string (multipart, "description", "A test picture");
  soup_multipart_append_form_string (multipart, "focus", "0.5,-0.25");
  msg = soup_message_new_from_multipart (uri, multipart);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
  return msg;
}

static void
test_media (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (SoupMessage) video = upload_message (fixture, "video/mp4", 4096);
  g_autoptr (SoupMessage) image = upload_message (fixture, "image/png", 100);
  g_autoptr (JsonNode) queued = request_json (fixture, video, SOUP_STATUS_ACCEPTED);
  g_autoptr (JsonNode) done = request_json (fixture, image, SOUP_STATUS_OK);
  g_autofree char *path = g_strdup_printf ("/api/v1/media/%s", member_string (queued, "id"));
  g_autoptr (JsonNode) first = get_json (fixture, path, fixture->token, SOUP_STATUS_PARTIAL_CONTENT);
  g_autoptr (JsonNode) second = get_json (fixture, path, fixture->token, SOUP_STATUS_PARTIAL_CONTENT);
  g_autoptr (JsonNode) processed = get_json (fixture, path, fixture->token, SOUP_STATUS_OK);
  g_autoptr (StarlingMediaAttachment) attachment = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *form = NULL;
  g_autoptr (JsonNode) posted = NULL;

  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (json_node_get_object (queued), "url")));
  g_assert_false (JSON_NODE_HOLDS_NULL (json_object_get_member (json_node_get_object (processed), "url")));
  g_assert_cmpstr (member_string (done, "type"), ==, "image");
  g_assert_cmpstr (member_string (done, "description"), ==, "A test picture");
  attachment = starling_entity_decode (STARLING_TYPE_MEDIA_ATTACHMENT, done, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (starling_media_attachment_get_width (attachment), ==, 64);
  g_assert_cmpint (starling_media_attachment_get_height (attachment), ==, 32);
  g_assert_cmpfloat (starling_media_attachment_get_focus_y (attachment), ==, -0.25);
  g_assert_true (starling_blurhash_is_valid (starling_media_attachment_get_blurhash (attachment)));

  form = g_strdup_printf ("status=&media_ids%%5B%%5D=%s&media_ids%%5B%%5D=%s",
                          member_string (done, "id"), member_string (queued, "id"));
  posted = post_form (fixture, "/api/v1/statuses", form, SOUP_STATUS_OK);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (posted), "media_attachments")), ==, 2);

  /* The uploaded file is served back. */
  {
    g_autoptr (SoupMessage) msg = new_message (fixture, "GET", member_string (processed, "url"), NULL);
    g_autoptr (GBytes) body = send_message (fixture->session, msg, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
    g_assert_cmpuint (g_bytes_get_size (body), ==, 4096);
  }
}

static void
test_images (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (JsonNode) me = get_json (fixture, "/api/v1/accounts/verify_credentials", fixture->token, SOUP_STATUS_OK);
  const char *urls[] = { member_string (me, "avatar"), member_string (me, "header") };
  g_autoptr (JsonNode) emojis = get_json (fixture, "/api/v1/custom_emojis", NULL, SOUP_STATUS_OK);

  for (guint i = 0; i < G_N_ELEMENTS (urls) + 1; i++)
    {
      const char *url = i < G_N_ELEMENTS (urls) ? urls[i]
        : json_object_get_string_member (json_array_get_object_element (json_node_get_array (emojis), 0), "url");
      g_autoptr (SoupMessage) msg = new_message (fixture, "GET", url, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) body = send_message (fixture->session, msg, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
      g_assert_cmpstr (soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL), ==, "image/png");
      g_assert_cmpmem (g_bytes_get_data (body, NULL), 8, "\x89PNG\r\n\x1a\n", 8);
    }
}

static void
test_notifications_v2 (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (JsonNode) grouped = get_json (fixture, "/api/v2/notifications?limit=80", fixture->token, SOUP_STATUS_OK);
  JsonObject *object = json_node_get_object (grouped);
  JsonArray *groups = json_object_get_array_member (object, "notification_groups");
  g_autoptr (GPtrArray) decoded = NULL;
  g_autoptr (GError) error = NULL;
  gint64 total = 0;
  gboolean grouped_any = FALSE;

  g_assert_cmpuint (json_array_get_length (groups), >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "accounts")), >, 0);
  for (guint i = 0; i < json_array_get_length (groups); i++)
    {
      JsonObject *group = json_array_get_object_element (groups, i);

      /* most_recent_notification_id is a number, as Mastodon sends it. */
      g_assert_cmpint (json_node_get_value_type (json_object_get_member (group, "most_recent_notification_id")), ==, G_TYPE_INT64);
      total += json_object_get_int_member (group, "notifications_count");
      grouped_any |= json_object_get_int_member (group, "notifications_count") > 1;
    }
  g_assert_cmpint (total, ==, 80);
  g_assert_true (grouped_any);
  decoded = starling_entity_decode_array (STARLING_TYPE_NOTIFICATION_GROUP,
                                          json_object_get_member (object, "notification_groups"), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decoded->len, ==, json_array_get_length (groups));
  g_assert_nonnull (starling_notification_group_get_most_recent_notification_id (g_ptr_array_index (decoded, 0)));
}

static void
test_context (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/accounts/%s/statuses?limit=40&max_id=%" G_GINT64_FORMAT,
                                           starling_demo_server_get_brand_id (fixture->server),
                                           (starling_demo_server_get_epoch (fixture->server) - 19 * 86400) * 1000 << 16);
  g_autoptr (JsonNode) statuses = get_json (fixture, path, fixture->token, SOUP_STATUS_OK);
  const char *root = NULL;

  /* The long thread started twenty days before the epoch. */
  for (guint i = 0; i < json_array_get_length (json_node_get_array (statuses)); i++)
    {
      JsonObject *status = json_array_get_object_element (json_node_get_array (statuses), i);

      if (strstr (json_object_get_string_member (status, "content"), "(1/32)") != NULL)
        root = json_object_get_string_member (status, "id");
    }
  g_assert_nonnull (root);
  {
    g_autofree char *context_path = g_strdup_printf ("/api/v1/statuses/%s/context", root);
    g_autoptr (JsonNode) context = get_json (fixture, context_path, fixture->token, SOUP_STATUS_OK);
    JsonArray *descendants = json_object_get_array_member (json_node_get_object (context), "descendants");
    guint own = 0;

    for (guint i = 0; i < json_array_get_length (descendants); i++)
      own += g_strcmp0 (json_object_get_string_member (json_object_get_object_member (
        json_array_get_object_element (descendants, i), "account"), "username"), "kettlecrane") == 0;
    g_assert_cmpuint (own, >=, 31);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (context), "ancestors")), ==, 0);
  }
}

static void
test_misc (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr (JsonNode) conversations = get_json (fixture, "/api/v1/conversations", fixture->token, SOUP_STATUS_OK);
  g_autoptr (JsonNode) again = get_json (fixture, "/api/v1/conversations", fixture->token, SOUP_STATUS_OK);
  g_autoptr (JsonNode) markers = get_json (fixture, "/api/v1/markers?timeline[]=home&timeline[]=notifications",
                                           fixture->token, SOUP_STATUS_OK);
  g_autoptr (JsonNode) lists = get_json (fixture, "/api/v1/lists", fixture->token, SOUP_STATUS_OK);
  g_autoptr (JsonNode) filters = get_json (fixture, "/api/v2/filters", fixture->token, SOUP_STATUS_OK);
  g_autoptr (JsonNode) search = get_json (fixture, "/api/v2/search?q=coffee", fixture->token, SOUP_STATUS_OK);
  g_autoptr (JsonNode) tag = get_json (fixture, "/api/v1/timelines/tag/coffee?limit=40", NULL, SOUP_STATUS_OK);
  g_autoptr (JsonNode) saved = post_form (fixture, "/api/v1/markers", "home%5Blast_read_id%5D=12345", SOUP_STATUS_OK);
  JsonObject *home_marker = json_object_get_object_member (json_node_get_object (markers), "home");
  const char *list_id = json_object_get_string_member (json_array_get_object_element (json_node_get_array (lists), 0), "id");
  g_autofree char *list_path = g_strdup_printf ("/api/v1/timelines/list/%s", list_id);
  g_autoptr (JsonNode) list_timeline = get_json (fixture, list_path, fixture->token, SOUP_STATUS_OK);

  g_assert_cmpuint (json_array_get_length (json_node_get_array (conversations)), ==, 4);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (again)), ==, 4);
  g_assert_nonnull (home_marker);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (json_node_get_object (saved), "home"), "version"),
                   ==, json_object_get_int_member (home_marker, "version") + 1);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (lists)), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list_timeline)), >, 0);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (filters)), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (search), "hashtags")), >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (search), "statuses")), >, 0);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (tag)), ==, 40);
}

/* The resident memory in KiB, or 0 where /proc is not there. */
static gint64
resident_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmRSS:");
  return line != NULL ? g_ascii_strtoll (line + 6, NULL, 10) : 0;
}

static void
test_measure (void)
{
  guint n = 5;
  gint64 before = resident_kib ();
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed;
  g_autoptr (GPtrArray) servers = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (servers, starling_demo_server_new_at (100 + i, EPOCH));
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("Generated %u worlds in %.1f ms (%.1f ms each); %u statuses in the first",
                  n, elapsed / 1000.0, elapsed / 1000.0 / n,
                  starling_demo_server_get_n_statuses (g_ptr_array_index (servers, 0)));
  g_test_message ("Resident memory grew by %" G_GINT64_FORMAT " KiB for %u worlds",
                  resident_kib () - before, n);
  /* Not a timed test: the figure is printed, the check is generous. */
  g_assert_cmpint (elapsed / n, <, 5 * G_USEC_PER_SEC);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/starling/demo/determinism", test_determinism);
  g_test_add_func ("/starling/demo/measure", test_measure);
#define ADD(name, func) \
  g_test_add ("/starling/demo/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("decode", test_decode);
  ADD ("pagination", test_pagination);
  ADD ("cursors", test_cursors);
  ADD ("auth", test_auth);
  ADD ("oauth", test_oauth);
  ADD ("posting", test_posting);
  ADD ("actions", test_actions);
  ADD ("faults", test_faults);
  ADD ("latency-gone", test_latency_gone);
  ADD ("nodeinfo", test_nodeinfo);
  ADD ("streaming", test_streaming);
  ADD ("media", test_media);
  ADD ("images", test_images);
  ADD ("notifications-v2", test_notifications_v2);
  ADD ("context", test_context);
  ADD ("misc", test_misc);
#undef ADD

  return g_test_run ();
}
