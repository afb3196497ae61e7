/* test-client.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * StarlingClient against a server inside the test, which answers with real
 * documents and records what it received.
 */

#include "config.h"

#include <string.h>

#include "api/starling-api-error.h"
#include "api/starling-client.h"
#include "api/starling-session.h"
#include "model/starling-instance.h"
#include "model/starling-media-attachment.h"
#include "model/starling-notification-group.h"
#include "model/starling-notification.h"
#include "model/starling-relationship.h"
#include "model/starling-scheduled-status.h"
#include "model/starling-status.h"

#include "starling-test-data.h"
#include "starling-test-server.h"

#define TOKEN "sEcReT-t0ken-4b7f9c2e"

static GString *captured_log;

typedef struct
{
  StarlingTestServer *server;
  SoupSession        *session;
  StarlingEntityMap  *map;
  StarlingClient     *client;
  GAsyncResult       *result;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->server = starling_test_server_new ();
  f->session = starling_session_new (NULL);
  f->map = starling_entity_map_new ();
  f->client = starling_client_new (f->session, starling_test_server_get_base_uri (f->server), TOKEN, f->map);
  starling_client_set_retry_base_delay (f->client, 1);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->result);
  g_assert_finalize_object (f->client);
  g_clear_object (&f->map);
  g_clear_object (&f->session);
  starling_test_server_free (f->server);
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Fixture *f = user_data;

  g_assert_null (f->result);
  f->result = g_object_ref (result);
}

static GAsyncResult *
wait_result (Fixture *f)
{
  g_clear_object (&f->result);
  while (f->result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return f->result;
}

static const char *
header (StarlingTestRequest *request,
        const char          *name)
{
  return soup_message_headers_get_one (request->headers, name);
}

static char *
body_text (StarlingTestRequest *request)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (request->body, &size);

  return g_strndup (data != NULL ? data : "", size);
}

#define PAGE_FIXTURES \
  "mastodon/status-local-with-tags.json", "mastodon/status.json", \
  "mastodon/status-remote-edited-with-tags.json", "other-servers/post-no-emojis.json", \
  "mastodon/status-remote-reply-with-mention.json"

static const char * const page_ids[] = {
  "108914430312582020", "103270115826048975", "109348684737626801",
  "AQgIdalRCRfsNV6KzA", "108914327388663283",
};

static StarlingPage *
get_home (Fixture    *f,
          const char *min_id)
{
  g_autoptr (GError) error = NULL;
  StarlingPage *page;

  starling_client_get_timeline_async (f->client, STARLING_TIMELINE_HOME, NULL, 0, min_id, NULL, store_result_cb, f);
  page = starling_client_page_finish (f->client, wait_result (f), &error);
  g_assert_no_error (error);
  g_assert_nonnull (page);

  return page;
}

static void
test_home_timeline (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (StarlingPage) page = NULL;
  g_autoptr (StarlingPage) newer = NULL;
  g_autofree char *link = NULL;
  StarlingTestRequest *request;

  link = g_strdup_printf ("Link: <%s/api/v1/timelines/home?max_id=108914327388663283>; rel=\"next\", "
                          "<%s/api/v1/timelines/home?min_id=108914430312582020>; rel=\"prev\"",
                          starling_test_server_get_base_uri (f->server),
                          starling_test_server_get_base_uri (f->server));
  starling_test_server_respond_fixtures (f->server, "GET", "/api/v1/timelines/home", 200, link, TRUE,
                                         PAGE_FIXTURES, NULL);

  page = get_home (f, NULL);

  /* A refresh of the home timeline is one request. */
  g_assert_cmpuint (starling_test_server_get_requests (f->server)->len, ==, 1);
  request = starling_test_server_last (f->server);
  g_assert_cmpstr (request->method, ==, "GET");
  g_assert_null (request->query);
  g_assert_cmpstr (header (request, "Authorization"), ==, "Bearer " TOKEN);
  g_assert_cmpstr (header (request, "Accept"), ==, "application/json");

  /* The server's order, although the ids do not sort. */
  g_assert_cmpuint (starling_page_get_n_items (page), ==, G_N_ELEMENTS (page_ids));
  for (guint i = 0; i < G_N_ELEMENTS (page_ids); i++)
    {
      StarlingStatus *status = starling_page_get_item (page, i);

      g_assert_true (STARLING_IS_STATUS (status));
      g_assert_cmpstr (starling_status_get_id (status), ==, page_ids[i]);
      g_assert_true (starling_entity_map_lookup (f->map, STARLING_TYPE_STATUS, page_ids[i]) == (gpointer) status);
      g_object_unref (status);
    }

  g_assert_true (starling_page_has_link_header (page));
  g_assert_cmpstr (starling_page_get_next_max_id (page), ==, "108914327388663283");
  g_assert_cmpstr (starling_page_get_prev_min_id (page), ==, "108914430312582020");
  g_assert_false (starling_page_get_partial (page));

  /* A refresh from the newest id, and the same objects come back. */
  newer = get_home (f, "108914430312582020");
  request = starling_test_server_last (f->server);
  g_assert_cmpstr (request->query, ==, "min_id=108914430312582020");
  for (guint i = 0; i < G_N_ELEMENTS (page_ids); i++)
    g_assert_true (starling_page_get_item (newer, i) == starling_page_get_item (page, i));
}

static void
test_follow_next_link (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (StarlingPage) first = NULL;
  g_autoptr (StarlingPage) second = NULL;
  g_autoptr (GError) error = NULL;
  StarlingTestRequest *request;

  starling_test_server_respond_fixtures (f->server, "GET", "/api/v1/accounts/1/followers", 200,
                                         "Link: </api/v1/accounts/1/followers?max_id=7163058>; rel=\"next\"",
                                         TRUE, "mastodon/account.json", NULL);

  starling_client_get_accounts_async (f->client, STARLING_ACCOUNTS_FOLLOWERS, "1", NULL, store_result_cb, f);
  first = starling_client_page_finish (f->client, wait_result (f), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (starling_page_get_next_max_id (first), ==, "7163058");
  g_assert_nonnull (starling_page_get_next_request (first));

  starling_client_send_async (f->client, starling_page_get_next_request (first), NULL, store_result_cb, f);
  second = starling_client_page_finish (f->client, wait_result (f), &error);
  g_assert_no_error (error);

  request = starling_test_server_last (f->server);
  g_assert_cmpstr (request->path, ==, "/api/v1/accounts/1/followers");
  g_assert_cmpstr (request->query, ==, "max_id=7163058");
  g_assert_cmpstr (header (request, "Authorization"), ==, "Bearer " TOKEN);
  g_assert_cmpuint (starling_page_get_n_items (second), ==, 1);
}

static void
test_fallback_cursor (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (StarlingRequest) request = NULL;
  g_autoptr (StarlingPage) page = NULL;
  g_autoptr (StarlingPage) older = NULL;
  g_autoptr (StarlingPage) empty = NULL;
  g_autoptr (GError) error = NULL;
  StarlingTestRequest *seen;

  /* No Link header, as most non-Mastodon endpoints. */
  starling_test_server_respond_fixtures (f->server, "GET", "/api/v1/timelines/public", 200, NULL, TRUE,
                                         PAGE_FIXTURES, NULL);
  starling_test_server_respond (f->server, "GET", "/api/v1/timelines/public", 200, NULL, "[]");

  request = starling_request_new ("GET", "/api/v1/timelines/public", NULL);
  starling_request_set_result (request, STARLING_RESULT_PAGE, STARLING_TYPE_STATUS);
  starling_request_add_param_bool (request, "local", TRUE);
  starling_request_add_param_int (request, "limit", 5);

  starling_client_send_async (f->client, request, NULL, store_result_cb, f);
  page = starling_client_page_finish (f->client, wait_result (f), &error);
  g_assert_no_error (error);

  g_assert_false (starling_page_has_link_header (page));
  /* The page was full: older is below its last item, newer above its first. */
  g_assert_cmpstr (starling_page_get_next_max_id (page), ==, page_ids[4]);
  g_assert_cmpstr (starling_page_get_prev_min_id (page), ==, page_ids[0]);

  starling_client_send_async (f->client, starling_page_get_next_request (page), NULL, store_result_cb, f);
  older = starling_client_page_finish (f->client, wait_result (f), &error);
  g_assert_no_error (error);
  seen = starling_test_server_last (f->server);
  g_assert_cmpstr (seen->query, ==, "local=true&limit=5&max_id=108914327388663283");
  g_assert_cmpuint (starling_page_get_n_items (older), ==, 0);
  g_assert_null (starling_page_get_next_request (older));

  /* The newer page asks from the first id, without max_id. */
  starling_client_send_async (f->client, starling_page_get_prev_request (page), NULL, store_result_cb, f);
  empty = starling_client_page_finish (f->client, wait_result (f), &error);
  g_assert_no_error (error);
  seen = starling_test_server_last (f->server);
  g_assert_cmpstr (seen->query, ==, "local=true&limit=5&min_id=108914430312582020");
  /* Nothing newer: the next refresh asks from the same place. */
  g_assert_cmpstr (starling_page_get_prev_min_id (empty), ==, "108914430312582020");
}

static void
test_short_page_has_no_older (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr (StarlingPage) page = NULL;

  starling_test_server_respond_fixtures (f->server, "GET", "/api/v1/timelines/home", 200, NULL, TRUE,
                                         PAGE_FIXTURES, NULL);
  page = get_home (f, NULL);

  /* Five items of a default of 20, and no Link: the end. */
  g_assert_null (starling_page_get_next_request (page));
  g_assert_null (starling_page_get_next_max_id (page));
  g_assert_cmpstr (starling_page_get_prev_min_id (page), ==, page_ids[0]);
}

static void
test_identity_merge (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (JsonNode) node = starling_test_load_json ("mastodon/status.json");
  g_autoptr (StarlingStatus) alive = starling_entity_decode (STARLING_TYPE_STATUS, node, f->map, NULL);
  g_autoptr (StarlingStatus) favourited = NULL;
  g_autoptr (StarlingPage) page = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *changed = g_strdup ("x");
  StarlingTestRequest *request;

  g_assert_nonnull (alive);
  g_assert_false (starling_status_get_favourited (alive));

  /* A page that holds a status already alive updates that object. */
  starling_test_server_respond_fixtures (f->server, "GET", "/api/v1/timelines/home", 200, NULL, TRUE,
                                         PAGE_FIXTURES, NULL);
  page = get_home (f, NULL);
  g_assert_true (starling_page_get_item (page, 1) == (gpointer) alive);
  g_assert_true (starling_status_get_account (starling_page_get_item (page, 1)) ==
                 starling_status_get_account (alive));

  {
    g_autofree char *text = starling_test_load_text ("mastodon/status.json", NULL);
    g_autoptr (GString) body = g_string_new (text);

    g_string_replace (body, "\"favourited\": false", "\"favourited\": true", 1);
    starling_test_server_respond (f->server, "POST", "/api/v1/statuses/103270115826048975/favourite", 200,
                                  NULL, body->str);
  }

  starling_client_status_action_async (f->client, "103270115826048975", STARLING_STATUS_FAVOURITE, NULL,
                                       store_result_cb, f);
  favourited = starling_client_entity_finish (f->client, wait_result (f), &error);
  g_assert_no_error (error);
  g_assert_true (favourited == alive);
  g_assert_true (starling_status_get_favourited (alive));

  request = starling_test_server_last (f->server);
  g_assert_cmpstr (request->method, ==, "POST");
  /* A body-less POST has no JSON type (Sharkey) and no Idempotency-Key. */
  g_assert_null (header (request, "Content-Type"));
  g_assert_null (header (request, "Idempotency-Key"));
}

static void
unauthorized_cb (StarlingClient *client,
                 const GError   *error,
                 gpointer        user_data)
{
  guint *count = user_data;

  g_assert_error (error, STARLING_API_ERROR, STARLING_API_ERROR_UNAUTHORIZED);
  (*count)++;
}

static void
test_error_bodies (Fixture       *f,
                   gconstpointer  data)
{
  guint unauthorized = 0;
  static const struct {
    const char *path;
    guint status;
    const char *body;
    int code;
    const char *message;
  } table[] = {
    { "/api/v1/statuses/1", 404, "{\"error\":\"Record not found\"}", STARLING_API_ERROR_NOT_FOUND, "Record not found" },
    { "/api/v1/statuses/2", 403, "<!DOCTYPE html><html><body><h1>Forbidden</h1></body></html>",
      STARLING_API_ERROR_FORBIDDEN, NULL },
    { "/api/v1/statuses/3", 410, "", STARLING_API_ERROR_GONE, NULL },
    { "/api/v1/statuses/4", 422, "{\"error\":\"The access token is invalid\"}",
      STARLING_API_ERROR_UNAUTHORIZED, "The access token is invalid" },
    { "/api/v1/statuses/5", 422, "{\"error\":\"Validation failed: Text can't be blank\"}",
      STARLING_API_ERROR_VALIDATION, "Validation failed: Text can't be blank" },
    { "/api/v1/statuses/6", 401, "{\"error\":\"The access token is invalid\"}",
      STARLING_API_ERROR_UNAUTHORIZED, "The access token is invalid" },
  };

  g_signal_connect (f->client, "unauthorized", G_CALLBACK (unauthorized_cb), &unauthorized);

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *id = g_strdup_printf ("%u", i + 1);
      guint before = unauthorized;
      gpointer status;

      starling_test_server_respond (f->server, "GET", table[i].path, table[i].status, NULL, table[i].body);
      starling_client_get_status_async (f->client, id, NULL, store_result_cb, f);
      status = starling_client_entity_finish (f->client, wait_result (f), &error);

      /* The owner hears of a refused token, and only of that. */
      g_assert_cmpuint (unauthorized - before, ==, table[i].code == STARLING_API_ERROR_UNAUTHORIZED ? 1 : 0);
      g_assert_null (status);
      g_assert_error (error, STARLING_API_ERROR, table[i].code);
      g_assert_cmpuint (starling_api_error_get_http_status (error), ==, table[i].status);
      if (table[i].message != NULL)
        g_assert_cmpstr (error->message, ==, table[i].message);
      else
        g_assert_null (strstr (error->message, "<"));
      /* Client errors are not retried. */
      g_assert_cmpuint (starling_test_server_count (f->server, "GET", table[i].path), ==, 1);
    }

  g_assert_cmpuint (unauthorized, ==, 2);
  g_signal_handlers_disconnect_by_func (f->client, unauthorized_cb, &unauthorized);
}

static void
test_instance_fallback (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (StarlingInstance) instance = NULL;
  g_autoptr (GError) error = NULL;

  starling_test_server_respond (f->server, "GET", "/api/v2/instance", 404, NULL, "<html>Not Found</html>");
  starling_test_server_respond_fixtures (f->server, "GET", "/api/v1/instance", 200, NULL, FALSE,
                                         "mastodon/instance-v1.json", NULL);

  starling_client_get_instance_async (f->client, NULL, store_result_cb, f);
  instance = starling_client_entity_finish (f->client, wait_result (f), &error);
  g_assert_no_error (error);
  g_assert_true (STARLING_IS_INSTANCE (instance));
  g_assert_nonnull (starling_instance_get_domain (instance));
  g_assert_cmpuint (starling_test_server_count (f->server, "GET", "/api/v2/instance"), ==, 1);
  g_assert_cmpuint (starling_test_server_count (f->server, "GET", "/api/v1/instance"), ==, 1);
  g_assert_cmpint (starling_client_get_api_version (f->client), ==, 0);
}

static void
test_instance_v2_and_grouped_notifications (Fixture       *f,
                                            gconstpointer  data)
{
  static const char * const types[] = { "favourite", "follow", NULL };
  g_autoptr (StarlingInstance) instance = NULL;
  g_autoptr (StarlingPage) page = NULL;
  g_autoptr (GError) error = NULL;
  StarlingTestRequest *request;

  starling_test_server_respond_fixtures (f->server, "GET", "/api/v2/instance", 200, NULL, FALSE,
                                         "other-servers/instancev2_mastodon_4.5.json", NULL);
  starling_test_server_respond_fixtures (f->server, "GET", "/api/v2/notifications", 200, NULL, FALSE,
                                         "mastodon/partial/grouped-notifications.json", NULL);

  starling_client_get_instance_async (f->client, NULL, store_result_cb, f);
  instance = starling_client_entity_finish (f->client, wait_result (f), &error);
  g_assert_no_error (error);
  g_assert_cmpint (starling_client_get_api_version (f->client), >=, 2);
  g_assert_cmpuint (starling_test_server_count (f->server, "GET", "/api/v1/instance"), ==, 0);

  starling_client_get_notifications_async (f->client, types, NULL, NULL, NULL, store_result_cb, f);
  page = starling_client_page_finish (f->client, wait_result (f), &error);
  g_assert_no_error (error);
  request = starling_test_server_last (f->server);
  g_assert_cmpstr (request->path, ==, "/api/v2/notifications");
  g_assert_cmpstr (request->query, ==, "types[]=favourite&types[]=follow");
  g_assert_cmpuint (starling_page_get_n_items (page), ==, 2);
  g_assert_true (STARLING_IS_NOTIFICATION_GROUP (starling_page_get_item (page, 0)));
  g_assert_cmpstr (starling_entity_get_id (starling_page_get_item (page, 0)), ==,
                   "favourite-113010503322889311-479000");
  g_assert_cmpuint (starling_notification_group_get_sample_accounts (starling_page_get_item (page, 0))->len, >, 0);
}

static void
test_notifications_v1 (Fixture       *f,
                       gconstpointer  data)
{
  static const char * const exclude[] = { "follow_request", NULL };
  g_autoptr (StarlingPage) page = NULL;
  g_autoptr (GError) error = NULL;
  StarlingTestRequest *request;

  starling_test_server_respond_fixtures (f->server, "GET", "/api/v1/notifications", 200, NULL, TRUE,
                                         "mastodon/notification-mention.json", NULL);

  starling_client_get_notifications_async (f->client, NULL, exclude, "34975861", NULL, store_result_cb, f);
  page = starling_client_page_finish (f->client, wait_result (f), &error);
  g_assert_no_error (error);
  request = starling_test_server_last (f->server);
  g_assert_cmpstr (request->query, ==, "exclude_types[]=follow_request&min_id=34975861");
  g_assert_cmpuint (starling_page_get_n_items (page), ==, 1);
  g_assert_true (STARLING_IS_NOTIFICATION (starling_page_get_item (page, 0)));
}

static void
test_partial_home (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (StarlingPage) page = NULL;

  starling_test_server_respond (f->server, "GET", "/api/v1/timelines/home", 206, NULL, "[]");
  page = get_home (f, NULL);

  g_assert_true (starling_page_get_partial (page));
  g_assert_cmpuint (starling_page_get_n_items (page), ==, 0);
  g_assert_null (starling_page_get_next_request (page));
  g_assert_cmpuint (starling_test_server_count (f->server, "GET", "/api/v1/timelines/home"), ==, 1);
}

static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autoptr (GString) body = g_string_new ("[");
  static const char * const bodies[] = { NULL, "", "{\"id\": \"1\"}", "<html></html>", "[1, 2", "null" };

  /* A page cut short in its last item. */
  text = starling_test_load_text ("mastodon/status.json", NULL);
  g_string_append (body, text);
  g_string_append_c (body, ',');
  g_string_append_len (body, text, strlen (text) / 2);

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr (StarlingTestServer) server = starling_test_server_new ();
      g_autoptr (StarlingClient) client =
        starling_client_new (f->session, starling_test_server_get_base_uri (server), TOKEN, f->map);
      g_autoptr (StarlingPage) page = NULL;
      g_autoptr (GError) error = NULL;

      starling_test_server_respond (server, "GET", "/api/v1/timelines/home", 200, NULL,
                                    bodies[i] != NULL ? bodies[i] : body->str);
      starling_client_get_timeline_async (client, STARLING_TIMELINE_HOME, NULL, 0, NULL, NULL, store_result_cb, f);
      page = starling_client_page_finish (client, wait_result (f), &error);

      g_assert_null (page);
      g_assert_error (error, STARLING_API_ERROR, STARLING_API_ERROR_MALFORMED);
      /* Nothing of the broken page reached the identity map. */
      g_assert_cmpuint (starling_entity_map_get_size (f->map), ==, 0);
      /* A broken answer is not retried. */
      g_assert_cmpuint (starling_test_server_count (server, "GET", "/api/v1/timelines/home"), ==, 1);
      g_clear_object (&f->result);
    }
}

static void
test_server_errors_retried (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (StarlingStatus) status = NULL;
  g_autoptr (GError) error = NULL;

  starling_test_server_respond (f->server, "GET", "/api/v1/statuses/1", 502, NULL, "<html>Bad Gateway</html>");
  starling_client_get_status_async (f->client, "1", NULL, store_result_cb, f);
  status = starling_client_entity_finish (f->client, wait_result (f), &error);

  g_assert_null (status);
  g_assert_error (error, STARLING_API_ERROR, STARLING_API_ERROR_SERVER);
  g_assert_cmpuint (starling_api_error_get_http_status (error), ==, 502);
  g_assert_cmpuint (starling_test_server_count (f->server, "GET", "/api/v1/statuses/1"), ==,
                    starling_client_get_max_attempts (f->client));
  g_assert_cmpuint (starling_client_get_max_attempts (f->client), ==, 4);
  g_clear_error (&error);

  /* Two failures, then the answer. */
  starling_test_server_respond (f->server, "GET", "/api/v1/statuses/2", 500, NULL, "");
  starling_test_server_respond (f->server, "GET", "/api/v1/statuses/2", 503, "Retry-After: 0", "");
  starling_test_server_respond_fixtures (f->server, "GET", "/api/v1/statuses/2", 200, NULL, FALSE,
                                         "mastodon/status-get.json", NULL);
  starling_client_get_status_async (f->client, "2", NULL, store_result_cb, f);
  status = starling_client_entity_finish (f->client, wait_result (f), &error);
  g_assert_no_error (error);
  g_assert_nonnull (status);
  g_assert_cmpuint (starling_test_server_count (f->server, "GET", "/api/v1/statuses/2"), ==, 3);
}

static void
test_network_error_retried (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (GSocket) socket = NULL;
  g_autoptr (GSocketAddress) address = NULL;
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) bound = g_inet_socket_address_new (loopback, 0);
  g_autoptr (StarlingClient) client = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *base = NULL;
  gpointer status;
  gint64 start;

  /* A port that was free a moment ago: connections are refused. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, bound, TRUE, &error);
  g_assert_no_error (error);
  address = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  base = g_strdup_printf ("http://127.0.0.1:%u", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address)));
  g_socket_close (socket, NULL);

  client = starling_client_new (f->session, base, TOKEN, f->map);
  starling_client_set_retry_base_delay (client, 50);
  start = g_get_monotonic_time ();
  starling_client_get_status_async (client, "1", NULL, store_result_cb, f);
  status = starling_client_entity_finish (client, wait_result (f), &error);

  g_assert_null (status);
  g_assert_error (error, STARLING_API_ERROR, STARLING_API_ERROR_NETWORK);
  /* Three back-offs happened; with full jitter each may be short, so only
   * check the call did not hang. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_clear_object (&f->result);
}

static void
answer_503_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           data)
{
  soup_server_message_set_status (msg, 503, NULL);
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, "<h1>Down</h1>", 13);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    data)
{
  (*(guint *) data)++;
}

static SoupServer *
listen_503 (guint port)
{
  SoupServer *server = soup_server_new (NULL, NULL);
  g_autoptr (GError) error = NULL;

  soup_server_add_handler (server, NULL, answer_503_cb, NULL, NULL);
  soup_server_listen_local (server, port, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  return server;
}

/* Whether the server answers at all: an error page is an answer, a refused
 * connection is not; told once per change. */
static void
test_reachable (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (SoupServer) server = listen_503 (0);
  g_autoptr (SoupServer) again = NULL;
  g_autoptr (StarlingClient) client = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *base = NULL;
  GSList *uris = soup_server_get_uris (server);
  guint port = (guint) g_uri_get_port (uris->data);
  guint notified = 0;

  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  base = g_strdup_printf ("http://127.0.0.1:%u", port);
  client = starling_client_new (f->session, base, TOKEN, f->map);
  starling_client_set_retry_base_delay (client, 10);
  g_signal_connect (client, "notify::reachable", G_CALLBACK (count_cb), &notified);
  g_assert_true (starling_client_get_reachable (client));

  starling_client_get_status_async (client, "1", NULL, store_result_cb, f);
  g_assert_null (starling_client_entity_finish (client, wait_result (f), &error));
  g_assert_error (error, STARLING_API_ERROR, STARLING_API_ERROR_SERVER);
  g_clear_error (&error);
  g_assert_true (starling_client_get_reachable (client));
  g_assert_cmpuint (notified, ==, 0);

  soup_server_disconnect (server);
  soup_session_abort (f->session);
  starling_client_get_status_async (client, "1", NULL, store_result_cb, f);
  g_assert_null (starling_client_entity_finish (client, wait_result (f), &error));
  g_assert_error (error, STARLING_API_ERROR, STARLING_API_ERROR_NETWORK);
  g_clear_error (&error);
  g_assert_false (starling_client_get_reachable (client));
  g_assert_cmpuint (notified, ==, 1);

  again = listen_503 (port);
  starling_client_get_status_async (client, "1", NULL, store_result_cb, f);
  g_assert_null (starling_client_entity_finish (client, wait_result (f), &error));
  g_assert_error (error, STARLING_API_ERROR, STARLING_API_ERROR_SERVER);
  g_assert_true (starling_client_get_reachable (client));
  g_assert_cmpuint (notified, ==, 2);
  g_clear_object (&f->result);
}

static void
test_rate_limit_wait (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) reset = g_date_time_add_seconds (now, 1.5);
  g_autofree char *reset_text = g_date_time_format_iso8601 (reset);
  g_autofree char *headers = NULL;
  g_autoptr (StarlingStatus) status = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *requests;
  gint64 waited;

  headers = g_strdup_printf ("X-RateLimit-Limit: 300\nX-RateLimit-Remaining: 0\nX-RateLimit-Reset: %s", reset_text);
  starling_test_server_respond_fixtures (f->server, "GET", "/api/v1/statuses/1", 429, headers, FALSE,
                                         "mastodon/error-429-rate-limited.json", NULL);
  starling_test_server_respond_fixtures (f->server, "GET", "/api/v1/statuses/1", 200,
                                         "X-RateLimit-Limit: 300\nX-RateLimit-Remaining: 299", FALSE,
                                         "mastodon/status-get.json", NULL);

  starling_client_get_status_async (f->client, "1", NULL, store_result_cb, f);
  status = starling_client_entity_finish (f->client, wait_result (f), &error);
  g_assert_no_error (error);
  g_assert_nonnull (status);

  requests = starling_test_server_get_requests (f->server);
  g_assert_cmpuint (requests->len, ==, 2);
  waited = ((StarlingTestRequest *) requests->pdata[1])->received_at -
           ((StarlingTestRequest *) requests->pdata[0])->received_at;
  /* The reset is rounded up to whole seconds: at least one. */
  g_assert_cmpint (waited, >=, 900 * 1000);
  g_assert_cmpint (waited, <, 4 * G_USEC_PER_SEC);
  g_assert_cmpint (starling_client_get_rate_limit_remaining (f->client), ==, 299);
}

static void
test_rate_limit_too_far (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *headers = NULL;
  g_autoptr (GError) error = NULL;
  gpointer status;

  headers = g_strdup_printf ("X-RateLimit-Limit: 300\nX-RateLimit-Remaining: 0\nX-RateLimit-Reset: %" G_GINT64_FORMAT,
                             g_date_time_to_unix (now) + 3600);
  starling_test_server_respond_fixtures (f->server, "GET", "/api/v1/statuses/1", 429, headers, FALSE,
                                         "mastodon/error-429-rate-limited.json", NULL);

  starling_client_get_status_async (f->client, "1", NULL, store_result_cb, f);
  status = starling_client_entity_finish (f->client, wait_result (f), &error);

  g_assert_null (status);
  g_assert_error (error, STARLING_API_ERROR, STARLING_API_ERROR_RATE_LIMITED);
  g_assert_cmpint (starling_api_error_get_retry_after (error), >, 3500);
  g_assert_cmpint (starling_api_error_get_retry_after (error), <=, 3600);
  g_assert_cmpuint (starling_test_server_count (f->server, "GET", "/api/v1/statuses/1"), ==, 1);
  g_assert_cmpfloat (starling_client_get_rate_limit_budget (f->client), ==, 0.0);
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_rate_limit_tracking (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (StarlingStatus) status = NULL;
  g_autoptr (GError) error = NULL;
  guint notified = 0;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_cmpint (starling_client_get_rate_limit_limit (f->client), ==, -1);
  g_assert_cmpfloat (starling_client_get_rate_limit_budget (f->client), ==, 1.0);

  starling_test_server_respond_fixtures (f->server, "GET", "/api/v1/statuses/1", 200,
                                         "X-RateLimit-Limit: 300\nX-RateLimit-Remaining: 75\n"
                                         "X-RateLimit-Reset: 2099-01-01T00:00:00.000000Z", FALSE,
                                         "mastodon/status-get.json", NULL);
  g_signal_connect (f->client, "notify::rate-limit-remaining", G_CALLBACK (notify_count_cb), &notified);

  starling_client_get_status_async (f->client, "1", NULL, store_result_cb, f);
  status = starling_client_entity_finish (f->client, wait_result (f), &error);
  g_assert_no_error (error);

  g_assert_cmpint (starling_client_get_rate_limit_limit (f->client), ==, 300);
  g_assert_cmpint (starling_client_get_rate_limit_remaining (f->client), ==, 75);
  g_assert_cmpint (starling_client_get_rate_limit_reset (f->client), >, now + 365 * 24 * 3600);
  g_assert_cmpfloat_with_epsilon (starling_client_get_rate_limit_budget (f->client), 0.25, 1e-9);
  g_assert_cmpuint (notified, ==, 1);
  g_signal_handlers_disconnect_by_data (f->client, &notified);
}

static void
test_post_idempotency (Fixture       *f,
                       gconstpointer  data)
{
  static const char * const media_ids[] = { "22348641", "22348642", NULL };
  StarlingStatusParams params = { 0 };
  g_autoptr (StarlingStatus) status = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *requests;
  g_autofree char *body = NULL;

  starling_test_server_respond (f->server, "POST", "/api/v1/statuses", 503, NULL, "");
  starling_test_server_respond_fixtures (f->server, "POST", "/api/v1/statuses", 200, NULL, FALSE,
                                         "mastodon/status.json", NULL);

  params.text = "Hello & welcome, #fediverse";
  params.media_ids = media_ids;
  params.visibility = "unlisted";
  params.spoiler_text = "cw";
  params.language = "en";
  params.in_reply_to_id = "103270115826048975";
  params.idempotency_key = "compose-3f2a";

  starling_client_post_status_async (f->client, &params, NULL, store_result_cb, f);
  status = starling_client_entity_finish (f->client, wait_result (f), &error);
  g_assert_no_error (error);
  g_assert_true (STARLING_IS_STATUS (status));

  requests = starling_test_server_get_requests (f->server);
  g_assert_cmpuint (requests->len, ==, 2);
  for (guint i = 0; i < requests->len; i++)
    {
      StarlingTestRequest *request = requests->pdata[i];

      g_assert_cmpstr (header (request, "Idempotency-Key"), ==, "compose-3f2a");
      g_assert_cmpstr (header (request, "Content-Type"), ==, "application/x-www-form-urlencoded");
    }

  body = body_text (requests->pdata[1]);
  g_assert_cmpstr (body, ==,
                   "status=Hello%20%26%20welcome%2C%20%23fediverse&media_ids[]=22348641&media_ids[]=22348642"
                   "&sensitive=false&spoiler_text=cw&language=en&in_reply_to_id=103270115826048975"
                   "&visibility=unlisted");
}

static void
test_post_fresh_key_and_scheduled (Fixture       *f,
                                   gconstpointer  data)
{
  static const char * const options[] = { "yes", "no", NULL };
  StarlingStatusParams params = { 0 };
  g_autoptr (GDateTime) when = g_date_time_new_utc (2030, 1, 2, 3, 4, 5);
  g_autoptr (GObject) first = NULL;
  g_autoptr (GObject) second = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *requests;
  g_autofree char *body = NULL;

  starling_test_server_respond_fixtures (f->server, "POST", "/api/v1/statuses", 200, NULL, FALSE,
                                         "mastodon/scheduled-status.json", NULL);

  params.text = "later";
  params.poll_options = options;
  params.poll_expires_in = 3600;
  params.scheduled_at = when;

  starling_client_post_status_async (f->client, &params, NULL, store_result_cb, f);
  first = starling_client_entity_finish (f->client, wait_result (f), &error);
  g_assert_no_error (error);
  g_assert_true (STARLING_IS_SCHEDULED_STATUS (first));

  starling_client_post_status_async (f->client, &params, NULL, store_result_cb, f);
  second = starling_client_entity_finish (f->client, wait_result (f), &error);
  g_assert_no_error (error);

  requests = starling_test_server_get_requests (f->server);
  /* Each compose action without a key of its own gets a fresh UUID. */
  g_assert_true (g_uuid_string_is_valid (header (requests->pdata[0], "Idempotency-Key")));
  g_assert_cmpstr (header (requests->pdata[0], "Idempotency-Key"), !=, header (requests->pdata[1], "Idempotency-Key"));

  body = body_text (requests->pdata[0]);
  g_assert_cmpstr (body, ==,
                   "status=later&poll[options][]=yes&poll[options][]=no&poll[expires_in]=3600"
                   "&poll[multiple]=false&poll[hide_totals]=false&sensitive=false"
                   "&scheduled_at=2030-01-02T03%3A04%3A05Z");
}

static void
test_post_without_key_not_retried (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  gpointer status;

  starling_test_server_respond (f->server, "POST", "/api/v1/statuses/1/reblog", 500, NULL, "{\"error\":\"Oops\"}");
  starling_client_status_action_async (f->client, "1", STARLING_STATUS_REBLOG, NULL, store_result_cb, f);
  status = starling_client_entity_finish (f->client, wait_result (f), &error);

  g_assert_null (status);
  g_assert_error (error, STARLING_API_ERROR, STARLING_API_ERROR_SERVER);
  g_assert_cmpuint (starling_test_server_count (f->server, "POST", "/api/v1/statuses/1/reblog"), ==, 1);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel_during_backoff (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  gpointer status;
  gint64 start;

  /* The server asks for 20 s; the call must not wait them. */
  starling_test_server_respond (f->server, "GET", "/api/v1/statuses/1", 503, "Retry-After: 20", "");

  start = g_get_monotonic_time ();
  starling_client_get_status_async (f->client, "1", cancellable, store_result_cb, f);
  g_timeout_add (200, cancel_cb, cancellable);
  status = starling_client_entity_finish (f->client, wait_result (f), &error);

  g_assert_null (status);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
  g_assert_cmpuint (starling_test_server_count (f->server, "GET", "/api/v1/statuses/1"), ==, 1);
}

static void
test_insecure_refused (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (StarlingClient) client = starling_client_new (f->session, "http://mastodon.example", TOKEN, f->map);
  g_autoptr (GError) error = NULL;
  gpointer account;

  starling_client_verify_credentials_async (client, NULL, store_result_cb, f);
  account = starling_client_entity_finish (client, wait_result (f), &error);

  g_assert_null (account);
  g_assert_error (error, STARLING_API_ERROR, STARLING_API_ERROR_INSECURE);
  g_clear_object (&f->result);
}

static void
test_insecure_link_refused (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (StarlingPage) page = NULL;
  g_autoptr (GError) error = NULL;
  gpointer next;

  /* A server cannot send us to plain http elsewhere with its Link. */
  starling_test_server_respond_fixtures (f->server, "GET", "/api/v1/favourites", 200,
                                         "Link: <http://evil.example/api/v1/favourites?max_id=1>; rel=\"next\"",
                                         TRUE, "mastodon/status.json", NULL);
  starling_client_get_timeline_async (f->client, STARLING_TIMELINE_FAVOURITES, NULL, 0, NULL, NULL, store_result_cb, f);
  page = starling_client_page_finish (f->client, wait_result (f), &error);
  g_assert_no_error (error);

  starling_client_send_async (f->client, starling_page_get_next_request (page), NULL, store_result_cb, f);
  next = starling_client_page_finish (f->client, wait_result (f), &error);
  g_assert_null (next);
  g_assert_error (error, STARLING_API_ERROR, STARLING_API_ERROR_INSECURE);
}

static void
progress_cb (goffset  sent,
             goffset  total,
             gpointer user_data)
{
  goffset *last = user_data;

  g_assert_cmpint (sent, <=, total);
  g_assert_cmpint (sent, >=, last[0]);
  last[0] = sent;
  last[1] = total;
}

static void
test_media_upload (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GBytes) contents = NULL;
  g_autoptr (StarlingMediaAttachment) media = NULL;
  g_autoptr (GError) error = NULL;
  goffset progress[2] = { 0, 0 };
  StarlingTestRequest *upload;
  guchar *bytes = g_malloc (200000);

  for (guint i = 0; i < 200000; i++)
    bytes[i] = i * 7;
  contents = g_bytes_new_take (bytes, 200000);

  starling_test_server_respond_fixtures (f->server, "POST", "/api/v2/media", 202, NULL, FALSE,
                                         "mastodon/media-attachment-v2-processing.json", NULL);
  starling_test_server_respond_fixtures (f->server, "GET", "/api/v1/media/22348641", 206, NULL, FALSE,
                                         "mastodon/media-attachment-v2-processing.json", NULL);
  starling_test_server_respond_fixtures (f->server, "GET", "/api/v1/media/22348641", 200, NULL, FALSE,
                                         "mastodon/media-attachment-v2-done.json", NULL);
  g_object_set (f->client, "media-poll-interval", 10, NULL);

  starling_client_upload_media_async (f->client, contents, "photo.jpg", "image/jpeg", "A starling",
                                      progress_cb, progress, NULL, store_result_cb, f);
  media = starling_client_entity_finish (f->client, wait_result (f), &error);
  g_assert_no_error (error);
  g_assert_nonnull (starling_media_attachment_get_url (media));

  upload = starling_test_server_get_requests (f->server)->pdata[0];
  g_assert_true (g_str_has_prefix (header (upload, "Content-Type"), "multipart/form-data; boundary="));
  g_assert_cmpuint (g_bytes_get_size (upload->body), >, 200000);
  g_assert_cmpint (progress[1], ==, (goffset) g_bytes_get_size (upload->body));
  g_assert_cmpint (progress[0], ==, progress[1]);
  g_assert_cmpuint (starling_test_server_count (f->server, "GET", "/api/v1/media/22348641"), ==, 2);
}

typedef struct
{
  const char *method;
  const char *path;
  const char *query;
  const char *fixture;
  gboolean    as_array;
  gboolean    json;
} Expect;

/* Starts one endpoint call; the table below says what the server must see. */
typedef void (*StartFunc) (Fixture *f);

static void start_custom_emojis (Fixture *f) { starling_client_get_custom_emojis_async (f->client, NULL, store_result_cb, f); }
static void start_context (Fixture *f) { starling_client_get_status_context_async (f->client, "1", NULL, store_result_cb, f); }
static void start_unpin (Fixture *f) { starling_client_status_action_async (f->client, "1", STARLING_STATUS_UNPIN, NULL, store_result_cb, f); }
static void start_delete (Fixture *f) { starling_client_delete_status_async (f->client, "1", TRUE, NULL, store_result_cb, f); }
static void start_hashtag (Fixture *f) { starling_client_get_timeline_async (f->client, STARLING_TIMELINE_HASHTAG, "café", STARLING_TIMELINE_LOCAL | STARLING_TIMELINE_PINNED, NULL, NULL, store_result_cb, f); }
static void start_link (Fixture *f) { starling_client_get_timeline_async (f->client, STARLING_TIMELINE_LINK, "https://news.example/a?b=c", 0, NULL, NULL, store_result_cb, f); }
static void start_account_statuses (Fixture *f) { starling_client_get_account_statuses_async (f->client, "14715", STARLING_TIMELINE_EXCLUDE_REPLIES | STARLING_TIMELINE_ONLY_MEDIA, "cats", NULL, NULL, store_result_cb, f); }
static void start_follow (Fixture *f) { starling_client_follow_async (f->client, "3", FALSE, TRUE, NULL, store_result_cb, f); }
static void start_authorize (Fixture *f) { starling_client_account_action_async (f->client, "3", STARLING_ACCOUNT_AUTHORIZE, NULL, store_result_cb, f); }
static void start_relationships (Fixture *f) { static const char * const ids[] = { "1", "2", NULL }; starling_client_get_relationships_async (f->client, ids, NULL, store_result_cb, f); }
static void start_search (Fixture *f) { starling_client_search_async (f->client, "@user@host", "accounts", TRUE, NULL, store_result_cb, f); }
static void start_lookup (Fixture *f) { starling_client_lookup_account_async (f->client, "user@host.example", NULL, store_result_cb, f); }
static void start_list_members (Fixture *f) { static const char * const ids[] = { "5", NULL }; starling_client_change_list_accounts_async (f->client, "12", ids, FALSE, NULL, store_result_cb, f); }
static void start_save_list (Fixture *f) { starling_client_save_list_async (f->client, "12", "Friends", "list", TRUE, NULL, store_result_cb, f); }
static void start_vote (Fixture *f) { static const guint choices[] = { 0, 2 }; starling_client_vote_async (f->client, "34830", choices, 2, NULL, store_result_cb, f); }
static void start_reschedule (Fixture *f) { g_autoptr (GDateTime) when = g_date_time_new_utc (2030, 5, 6, 7, 8, 9); starling_client_reschedule_status_async (f->client, "1", when, NULL, store_result_cb, f); }
static void start_update_media (Fixture *f) { starling_client_update_media_async (f->client, "22348641", "alt", "0.5,-0.2", NULL, store_result_cb, f); }
static void start_filters (Fixture *f) { starling_client_get_filters_async (f->client, NULL, store_result_cb, f); }
static void start_clear (Fixture *f) { starling_client_clear_notifications_async (f->client, NULL, store_result_cb, f); }
static void start_markers (Fixture *f) { starling_client_get_markers_async (f->client, NULL, store_result_cb, f); }
static void start_save_markers (Fixture *f) { starling_client_save_markers_async (f->client, "103206791453397862", NULL, NULL, store_result_cb, f); }

static const struct
{
  StartFunc start;
  Expect    expect;
} endpoints[] = {
  { start_custom_emojis, { "GET", "/api/v1/custom_emojis", NULL, "mastodon/custom-emoji.json", TRUE } },
  { start_context, { "GET", "/api/v1/statuses/1/context", NULL, "mastodon/partial/context.json", FALSE } },
  { start_unpin, { "POST", "/api/v1/statuses/1/unpin", NULL, "mastodon/status.json", FALSE } },
  { start_delete, { "DELETE", "/api/v1/statuses/1", "delete_media=true", "mastodon/status.json", FALSE } },
  { start_hashtag, { "GET", "/api/v1/timelines/tag/café", "local=true", "mastodon/status.json", TRUE } },
  { start_link, { "GET", "/api/v1/timelines/link", "url=https%3A%2F%2Fnews.example%2Fa%3Fb%3Dc", "mastodon/status.json", TRUE } },
  { start_account_statuses, { "GET", "/api/v1/accounts/14715/statuses", "only_media=true&exclude_replies=true&tagged=cats",
                              "mastodon/status-local-with-tags.json", TRUE } },
  { start_follow, { "POST", "/api/v1/accounts/3/follow", NULL, "mastodon/relationship.json", FALSE } },
  { start_authorize, { "POST", "/api/v1/follow_requests/3/authorize", NULL, "mastodon/relationship.json", FALSE } },
  { start_relationships, { "GET", "/api/v1/accounts/relationships", "id[]=1&id[]=2", "mastodon/relationship.json", TRUE } },
  { start_search, { "GET", "/api/v2/search", "q=%40user%40host&type=accounts&resolve=true", "mastodon/partial/search-v2.json", FALSE } },
  { start_lookup, { "GET", "/api/v1/accounts/lookup", "acct=user%40host.example", "mastodon/account.json", FALSE } },
  { start_list_members, { "DELETE", "/api/v1/lists/12/accounts", "account_ids[]=5", "mastodon/empty-object.json", FALSE } },
  { start_save_list, { "PUT", "/api/v1/lists/12", NULL, "mastodon/list.json", FALSE } },
  { start_vote, { "POST", "/api/v1/polls/34830/votes", NULL, "mastodon/poll-after-vote.json", FALSE } },
  { start_reschedule, { "PUT", "/api/v1/scheduled_statuses/1", NULL, "mastodon/scheduled-status.json", FALSE } },
  { start_update_media, { "PUT", "/api/v1/media/22348641", NULL, "mastodon/media-attachment-v2-done.json", FALSE } },
  { start_filters, { "GET", "/api/v2/filters", NULL, "mastodon/filter.json", TRUE } },
  { start_clear, { "POST", "/api/v1/notifications/clear", NULL, "mastodon/empty-object.json", FALSE } },
  { start_markers, { "GET", "/api/v1/markers", "timeline[]=home&timeline[]=notifications", "mastodon/markers.json", FALSE, TRUE } },
  { start_save_markers, { "POST", "/api/v1/markers", NULL, "mastodon/markers.json", FALSE, TRUE } },
};

static void
free_value (gpointer value,
            gboolean json)
{
  if (value == NULL)
    return;
  if (json)
    json_node_unref (value);
  else
    g_object_unref (value);
}

static void
test_endpoints (Fixture       *f,
                gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (endpoints); i++)
    {
      const Expect *expect = &endpoints[i].expect;
      g_autoptr (GError) error = NULL;
      g_autoptr (GUri) uri = NULL;
      g_autofree char *escaped_path = NULL;
      StarlingTestRequest *request;
      gpointer value;

      g_test_message ("%s %s", expect->method, expect->path);
      starling_test_server_respond_fixtures (f->server, expect->method, expect->path, 200, NULL,
                                             expect->as_array, expect->fixture, NULL);
      endpoints[i].start (f);
      value = starling_client_send_finish (f->client, wait_result (f), &error);
      g_assert_no_error (error);
      free_value (value, expect->json);

      request = starling_test_server_last (f->server);
      g_assert_cmpstr (request->method, ==, expect->method);
      g_assert_cmpstr (request->path, ==, expect->path);
      g_assert_cmpstr (request->query, ==, expect->query);
      g_assert_cmpstr (header (request, "Authorization"), ==, "Bearer " TOKEN);
    }
}

static void
test_endpoint_bodies (Fixture       *f,
                      gconstpointer  data)
{
  static const struct {
    StartFunc start;
    const char *body;
  } table[] = {
    { start_follow, "reblogs=false&notify=true" },
    { start_save_list, "title=Friends&replies_policy=list&exclusive=true" },
    { start_vote, "choices[]=0&choices[]=2" },
    { start_reschedule, "scheduled_at=2030-05-06T07%3A08%3A09Z" },
    { start_update_media, "description=alt&focus=0.5%2C-0.2" },
    { start_save_markers, "home[last_read_id]=103206791453397862" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (endpoints); i++)
    starling_test_server_respond_fixtures (f->server, endpoints[i].expect.method, endpoints[i].expect.path, 200,
                                           NULL, endpoints[i].expect.as_array, endpoints[i].expect.fixture, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *body = NULL;
      gpointer value;

      table[i].start (f);
      value = starling_client_send_finish (f->client, wait_result (f), &error);
      g_assert_no_error (error);
      free_value (value, table[i].start == start_save_markers);

      body = body_text (starling_test_server_last (f->server));
      g_assert_cmpstr (body, ==, table[i].body);
    }
}

static void
test_json_endpoints (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (StarlingMarker) home = NULL;
  g_autoptr (StarlingMarker) notifications = NULL;
  g_autoptr (JsonNode) preferences = NULL;
  g_autoptr (GError) error = NULL;
  gint64 count;

  starling_test_server_respond_fixtures (f->server, "GET", "/api/v1/markers", 200, NULL, FALSE,
                                         "mastodon/markers.json", NULL);
  starling_test_server_respond_fixtures (f->server, "GET", "/api/v1/notifications/unread_count", 200, NULL, FALSE,
                                         "mastodon/partial/unread-count.json", NULL);
  starling_test_server_respond_fixtures (f->server, "GET", "/api/v1/preferences", 200, NULL, FALSE,
                                         "mastodon/preferences.json", NULL);

  starling_client_get_markers_async (f->client, NULL, store_result_cb, f);
  g_assert_true (starling_client_markers_finish (f->client, wait_result (f), &home, &notifications, &error));
  g_assert_no_error (error);
  g_assert_nonnull (home);
  g_assert_nonnull (notifications);
  g_assert_nonnull (starling_marker_get_last_read_id (home));

  starling_client_get_unread_count_async (f->client, NULL, store_result_cb, f);
  count = starling_client_get_unread_count_finish (f->client, wait_result (f), &error);
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, 42);

  starling_client_get_preferences_async (f->client, NULL, store_result_cb, f);
  preferences = starling_client_json_finish (f->client, wait_result (f), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (preferences), "posting:default:visibility"),
                   ==, "public");

  /* An unread count that is not one. */
  starling_test_server_respond (f->server, "GET", "/api/v1/notifications/unread_count", 200, NULL, "{\"count\":\"x\"}");
  starling_client_get_unread_count_async (f->client, NULL, store_result_cb, f);
  count = starling_client_get_unread_count_finish (f->client, wait_result (f), &error);
  g_assert_cmpint (count, ==, -1);
  g_assert_error (error, STARLING_API_ERROR, STARLING_API_ERROR_MALFORMED);
}

static GLogWriterOutput
capture_writer (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (fields[i].length < 0)
        g_string_append (captured_log, fields[i].value);
      else
        g_string_append_len (captured_log, fields[i].value, fields[i].length);
      g_string_append_c (captured_log, '\n');
    }

  /* Debug traces stay here: TAP owns stdout. */
  if (log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO))
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
test_token_never_logged (Fixture       *f,
                         gconstpointer  data)
{
  StarlingStatusParams params = { 0 };
  g_autoptr (GError) error = NULL;
  gpointer value;

  g_string_truncate (captured_log, 0);
  g_log_set_debug_enabled (TRUE);

  starling_test_server_respond (f->server, "GET", "/api/v1/accounts/verify_credentials", 500, NULL, "");
  starling_test_server_respond_fixtures (f->server, "GET", "/api/v1/accounts/verify_credentials", 200, NULL, FALSE,
                                         "mastodon/account-credential.json", NULL);
  starling_test_server_respond (f->server, "POST", "/api/v1/statuses", 422, NULL,
                                "{\"error\":\"The access token is invalid\"}");

  starling_client_verify_credentials_async (f->client, NULL, store_result_cb, f);
  value = starling_client_entity_finish (f->client, wait_result (f), &error);
  g_assert_no_error (error);
  g_object_unref (value);

  params.text = "hello";
  starling_client_post_status_async (f->client, &params, NULL, store_result_cb, f);
  value = starling_client_entity_finish (f->client, wait_result (f), &error);
  g_assert_null (value);
  g_assert_error (error, STARLING_API_ERROR, STARLING_API_ERROR_UNAUTHORIZED);
  g_assert_null (strstr (error->message, TOKEN));

  g_log_set_debug_enabled (FALSE);

  /* The traces were captured, and the token is in none of them. */
  g_assert_nonnull (strstr (captured_log->str, "/api/v1/accounts/verify_credentials"));
  g_assert_nonnull (strstr (captured_log->str, "→ 500"));
  g_assert_null (strstr (captured_log->str, TOKEN));
  g_assert_null (strstr (captured_log->str, "Bearer"));
}

static void
test_token_not_readable (void)
{
  GParamSpec *pspec = g_object_class_find_property (g_type_class_ref (STARLING_TYPE_CLIENT), "access-token");

  g_assert_nonnull (pspec);
  g_assert_false (pspec->flags & G_PARAM_READABLE);
}

static void
test_request_building (void)
{
  static const char * const types[] = { "mention", "poll", NULL };
  g_autoptr (StarlingRequest) request = starling_request_new ("get", "/api/v1/statuses/:id/context", "a/b?c d");
  g_autoptr (StarlingRequest) follow = NULL;
  g_autoptr (SoupMessage) message = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *follow_uri = NULL;

  starling_request_add_param_array (request, "types", types);
  starling_request_add_param (request, "skipped", NULL);
  starling_request_add_param (request, "q", "ü & =");
  uri = starling_request_build_uri (request, "https://h.example/");
  g_assert_cmpstr (uri, ==,
                   "https://h.example/api/v1/statuses/a%2Fb%3Fc%20d/context?types[]=mention&types[]=poll&q=%C3%BC%20%26%20%3D");
  g_assert_true (starling_request_get_retryable (request));

  message = starling_request_build_message (request, "https://h.example", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (soup_message_headers_get_one (soup_message_get_request_headers (message), "Authorization"));

  follow = starling_request_new_for_uri ("GET", "https://h.example/x?limit=40&max_id=5&a=1");
  starling_request_set_param (follow, "max_id", NULL);
  starling_request_set_param (follow, "min_id", "9");
  follow_uri = starling_request_build_uri (follow, NULL);
  g_assert_cmpstr (follow_uri, ==, "https://h.example/x?limit=40&a=1&min_id=9");

  g_clear_object (&request);
  request = starling_request_new ("DELETE", "/api/v1/statuses/:id", "1");
  g_assert_false (starling_request_get_retryable (request));
  g_clear_object (&request);
  request = starling_request_new ("POST", "/api/v1/statuses", NULL);
  g_assert_false (starling_request_get_retryable (request));
  starling_request_set_idempotency_key (request, "k");
  g_assert_true (starling_request_get_retryable (request));
}

#define ADD(path, func) \
  g_test_add ("/starling/client/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  captured_log = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/starling/client/request-building", test_request_building);
  g_test_add_func ("/starling/client/token-not-readable", test_token_not_readable);
  ADD ("home-timeline", test_home_timeline);
  ADD ("follow-next-link", test_follow_next_link);
  ADD ("fallback-cursor", test_fallback_cursor);
  ADD ("short-page-has-no-older", test_short_page_has_no_older);
  ADD ("identity-merge", test_identity_merge);
  ADD ("error-bodies", test_error_bodies);
  ADD ("instance-fallback", test_instance_fallback);
  ADD ("instance-v2-grouped-notifications", test_instance_v2_and_grouped_notifications);
  ADD ("notifications-v1", test_notifications_v1);
  ADD ("partial-home", test_partial_home);
  ADD ("malformed", test_malformed);
  ADD ("server-errors-retried", test_server_errors_retried);
  ADD ("network-error-retried", test_network_error_retried);
  ADD ("reachable", test_reachable);
  ADD ("rate-limit-wait", test_rate_limit_wait);
  ADD ("rate-limit-too-far", test_rate_limit_too_far);
  ADD ("rate-limit-tracking", test_rate_limit_tracking);
  ADD ("post-idempotency", test_post_idempotency);
  ADD ("post-fresh-key-and-scheduled", test_post_fresh_key_and_scheduled);
  ADD ("post-without-key-not-retried", test_post_without_key_not_retried);
  ADD ("cancel-during-backoff", test_cancel_during_backoff);
  ADD ("insecure-refused", test_insecure_refused);
  ADD ("insecure-link-refused", test_insecure_link_refused);
  ADD ("media-upload", test_media_upload);
  ADD ("endpoints", test_endpoints);
  ADD ("endpoint-bodies", test_endpoint_bodies);
  ADD ("json-endpoints", test_json_endpoints);
  ADD ("token-never-logged", test_token_never_logged);

  return g_test_run ();
}
