/* test-discovery.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From what a user types to a server: the address, then NodeInfo and the
 * instance document of real servers (tests/data/), served on loopback.
 */

#include "config.h"

#include <string.h>

#include "api/starling-api-error.h"
#include "api/starling-discovery.h"
#include "api/starling-session.h"

#include "starling-test-data.h"

typedef struct
{
  guint  status;
  char  *body;
} Route;

typedef struct
{
  SoupServer *server;
  char       *base;
  GHashTable *routes;
  GPtrArray  *requests;
} FakeServer;

static void
route_free (Route *route)
{
  g_free (route->body);
  g_free (route);
}

static void
fake_server_cb (SoupServer        *server,
                SoupServerMessage *message,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  FakeServer *fake = user_data;
  Route *route = g_hash_table_lookup (fake->routes, path);

  g_ptr_array_add (fake->requests, g_strdup (path));

  if (route == NULL)
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC,
                                        "{\"error\":\"Record not found\"}", 28);
      return;
    }

  soup_server_message_set_status (message, route->status, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                    route->body, strlen (route->body));
}

static FakeServer *
fake_server_new (void)
{
  FakeServer *fake = g_new0 (FakeServer, 1);
  g_autoptr (GError) error = NULL;
  GSList *uris;

  fake->routes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) route_free);
  fake->requests = g_ptr_array_new_with_free_func (g_free);
  fake->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fake->server, NULL, fake_server_cb, fake, NULL);
  soup_server_listen_local (fake->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (fake->server);
  fake->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return fake;
}

static void
fake_server_free (FakeServer *fake)
{
  soup_server_disconnect (fake->server);
  g_object_unref (fake->server);
  g_free (fake->base);
  g_hash_table_unref (fake->routes);
  g_ptr_array_unref (fake->requests);
  g_free (fake);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeServer, fake_server_free)

static void
serve_text (FakeServer *fake,
            const char *path,
            guint       status,
            const char *body)
{
  Route *route = g_new0 (Route, 1);

  route->status = status;
  route->body = g_strdup (body);
  g_hash_table_insert (fake->routes, g_strdup (path), route);
}

static void
serve_fixture (FakeServer *fake,
               const char *path,
               const char *fixture)
{
  g_autofree char *text = starling_test_load_text (fixture, NULL);

  serve_text (fake, path, SOUP_STATUS_OK, text);
}

/* The discovery document, linking a schema at a path, as servers do. */
static void
serve_nodeinfo (FakeServer *fake,
                const char *schema,
                const char *path,
                const char *fixture)
{
  g_autofree char *wellknown = g_strdup_printf (
    "{\"links\":[{\"rel\":\"https://www.w3.org/ns/activitystreams#Application\","
    "\"href\":\"%s/actor\"},"
    "{\"rel\":\"http://nodeinfo.diaspora.software/ns/schema/%s\",\"href\":\"%s%s\"}]}",
    fake->base, schema, fake->base, path);

  serve_text (fake, "/.well-known/nodeinfo", SOUP_STATUS_OK, wellknown);
  serve_fixture (fake, path, fixture);
}

static gboolean
was_requested (FakeServer *fake,
               const char *path)
{
  for (guint i = 0; i < fake->requests->len; i++)
    if (g_str_equal (g_ptr_array_index (fake->requests, i), path))
      return TRUE;

  return FALSE;
}

typedef struct
{
  gboolean            done;
  StarlingServerInfo *info;
  StarlingNodeInfo   *nodeinfo;
  GError             *error;
} Result;

static void
probe_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Result *r = user_data;

  r->info = starling_discovery_probe_finish (result, &r->error);
  r->done = TRUE;
}

static void
nodeinfo_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Result *r = user_data;

  r->nodeinfo = starling_discovery_fetch_nodeinfo_finish (result, &r->error);
  r->done = TRUE;
}

static gboolean
watchdog_cb (gpointer user_data)
{
  g_error ("The test hung");
  return G_SOURCE_REMOVE;
}

static void
run_until (gboolean *done)
{
  guint watchdog = g_timeout_add_seconds (30, watchdog_cb, NULL);

  while (!*done)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (watchdog);
}

static void
result_clear (Result *r)
{
  g_clear_object (&r->info);
  g_clear_object (&r->nodeinfo);
  g_clear_error (&r->error);
  memset (r, 0, sizeof *r);
}

static void
probe (SoupSession *session,
       const char  *input,
       Result      *r)
{
  result_clear (r);
  starling_discovery_probe_async (session, input, NULL, probe_cb, r);
  run_until (&r->done);
}

/* Typing */

static void
test_normalize (void)
{
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  static const struct {
    const char *input;
    const char *expected;
    int         code;
  } table[] = {
    { "mastodon.social", "https://mastodon.social", 0 },
    { "https://mastodon.social/", "https://mastodon.social", 0 },
    { "https://mastodon.social/about/more?x=1#top", "https://mastodon.social", 0 },
    { "@alice@mastodon.social", "https://mastodon.social", 0 },
    { "alice@mastodon.social", "https://mastodon.social", 0 },
    { "Mastodon.Social", "https://mastodon.social", 0 },
    { "  mastodon.social \n", "https://mastodon.social", 0 },
    { "\t@Alice@Mastodon.Social ", "https://mastodon.social", 0 },
    { "HTTPS://MASTODON.SOCIAL", "https://mastodon.social", 0 },
    { "https://mastodon.social/@alice", "https://mastodon.social", 0 },
    { "mastodon.social.", "https://mastodon.social", 0 },
    { "https://social.example:8443/", "https://social.example:8443", 0 },
    { "https://social.example:443", "https://social.example", 0 },
    { "social.example:8443", "https://social.example:8443", 0 },
    { "bücher.social", "https://xn--bcher-kva.social", 0 },
    { "https://user@social.example/", "https://social.example", 0 },
    { "http://127.0.0.1:3000/", "http://127.0.0.1:3000", 0 },
    { "http://[::1]:3000", "http://[::1]:3000", 0 },
    { "http://mastodon.social", NULL, STARLING_API_ERROR_INSECURE },
    { "http://10.1.2.3/", NULL, STARLING_API_ERROR_INSECURE },
    { "ftp://mastodon.social", NULL, STARLING_API_ERROR_INSECURE },
    { "", NULL, STARLING_API_ERROR_VALIDATION },
    { "    ", NULL, STARLING_API_ERROR_VALIDATION },
    { "mastodon social", NULL, STARLING_API_ERROR_VALIDATION },
    { "hello", NULL, STARLING_API_ERROR_VALIDATION },
    { "@alice", NULL, STARLING_API_ERROR_VALIDATION },
    { "alice@", NULL, STARLING_API_ERROR_VALIDATION },
    { "https://", NULL, STARLING_API_ERROR_VALIDATION },
    { "-bad-.example", NULL, STARLING_API_ERROR_VALIDATION },
    { "a..b", NULL, STARLING_API_ERROR_VALIDATION },
    { "exa$mple.com", NULL, STARLING_API_ERROR_VALIDATION },
    { "<script>.com", NULL, STARLING_API_ERROR_VALIDATION },
    { "\xff\xfe.social", NULL, STARLING_API_ERROR_VALIDATION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *base = starling_discovery_normalize_input (session, table[i].input, &error);

      if (g_utf8_validate (table[i].input, -1, NULL))
        g_test_message ("input “%s”", table[i].input);
      if (table[i].expected != NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (base, ==, table[i].expected);
        }
      else
        {
          g_assert_null (base);
          g_assert_error (error, STARLING_API_ERROR, table[i].code);
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
        }
    }

  /* The demo session reaches its simulated servers over http. */
  {
    g_autoptr (GProxyResolver) resolver = g_simple_proxy_resolver_new ("http://127.0.0.1:9", NULL);
    g_autoptr (SoupSession) demo = starling_session_new (resolver);
    g_autoptr (GError) error = NULL;
    g_autofree char *base = starling_discovery_normalize_input (demo, "http://pixelfed.social", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (base, ==, "http://pixelfed.social");
  }
}

/* Servers */

typedef struct
{
  const char       *name;
  const char       *schema;
  const char       *nodeinfo_path;
  const char       *nodeinfo;
  const char       *instance_v2;
  const char       *instance_v1;
  StarlingSoftware  software;
  const char       *version;
  const char       *title;
  gint64            users;
} ServerCase;

static const ServerCase servers[] = {
  { "mastodon", "2.0", "/nodeinfo/2.0", "nodeinfo/mastodon-2.0.json",
    "mastodon/instance-v2.json", NULL,
    STARLING_SOFTWARE_MASTODON, "4.3.0-nightly.2024-07-05-security", "Mastodon", 2001387 },
  { "gotosocial", "2.0", "/nodeinfo/2.0", "nodeinfo/gotosocial-2.0.json",
    "other-servers/instancev2_gotosocial.json", NULL,
    STARLING_SOFTWARE_GOTOSOCIAL, "0.16.0+git-f1cbf6f", "social.browser.org", 5 },
  { "pleroma", "2.0", "/nodeinfo/2.0.json", "nodeinfo/pleroma-2.0.json",
    "other-servers/instancev2_pleroma.json", NULL,
    STARLING_SOFTWARE_PLEROMA, "2.6.3", "FGC.Network", 953 },
  { "akkoma", "2.0", "/nodeinfo/2.0.json", "nodeinfo/akkoma-2.0.json",
    NULL, "other-servers/instance_akkoma.json",
    STARLING_SOFTWARE_AKKOMA, "3.12.2-0-g26a91d5", "Social", 117 },
  { "pixelfed", "2.0", "/api/nodeinfo/2.0.json", "nodeinfo/pixelfed-2.0.json",
    "other-servers/instancev2_pixelfed.json", NULL,
    STARLING_SOFTWARE_PIXELFED, "0.12.3", "pixelfed", 116961 },
  { "friendica", "2.0", "/nodeinfo/2.0", "nodeinfo/friendica-2.0.json",
    "other-servers/instancev2_friendica.json", NULL,
    STARLING_SOFTWARE_FRIENDICA, "2024.03-1557", "Friendica.me", -1 },
  { "sharkey", "2.1", "/nodeinfo/2.1", "nodeinfo/sharkey-2.1.json",
    NULL, "other-servers/instance_sharkey_contact_removed.json",
    STARLING_SOFTWARE_SHARKEY, "2024.2.0-beta.12", "Social", 1912 },
};

static void
test_probe_server (gconstpointer user_data)
{
  const ServerCase *c = user_data;
  g_autoptr (FakeServer) fake = fake_server_new ();
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  Result r = { 0 };

  serve_nodeinfo (fake, c->schema, c->nodeinfo_path, c->nodeinfo);
  if (c->instance_v2 != NULL)
    serve_fixture (fake, "/api/v2/instance", c->instance_v2);
  if (c->instance_v1 != NULL)
    serve_fixture (fake, "/api/v1/instance", c->instance_v1);

  probe (session, fake->base, &r);
  g_assert_no_error (r.error);
  g_assert_true (STARLING_IS_SERVER_INFO (r.info));

  g_assert_cmpstr (starling_server_info_get_base_uri (r.info), ==, fake->base);
  g_assert_cmpstr (starling_server_info_get_domain (r.info), ==, "127.0.0.1");
  g_assert_cmpint (starling_server_info_get_software (r.info), ==, c->software);
  g_assert_cmpstr (starling_server_info_get_software_version (r.info), ==, c->version);
  title = starling_server_info_dup_title (r.info);
  g_assert_cmpstr (title, ==, c->title);
  g_assert_cmpint (starling_server_info_get_users_total (r.info), ==, c->users);
  g_assert_cmpint (starling_server_info_get_quirks (r.info), ==, starling_software_get_quirks (c->software));
  g_assert_true (starling_server_info_get_speaks_mastodon_api (r.info));
  g_assert_true (starling_server_info_check_mastodon_api (r.info, &error));
  g_assert_no_error (error);
  g_assert_nonnull (starling_server_info_get_nodeinfo (r.info));
  g_assert_nonnull (starling_server_info_get_instance (r.info));

  /* The link was followed by rel, never guessed; v1 only when v2 failed. */
  g_assert_true (was_requested (fake, c->nodeinfo_path));
  g_assert_true (was_requested (fake, "/api/v2/instance"));
  g_assert_true (was_requested (fake, "/api/v1/instance") == (c->instance_v2 == NULL));

  result_clear (&r);
}

static void
test_probe_misskey (void)
{
  g_autoptr (FakeServer) fake = fake_server_new ();
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *wellknown = NULL;
  Result r = { 0 };

  /* Plain Misskey: NodeInfo, and no Mastodon API at all. */
  wellknown = g_strdup_printf ("{\"links\":[{\"rel\":\"http://nodeinfo.diaspora.software/ns/schema/2.1\","
                               "\"href\":\"%s/nodeinfo/2.1\"}]}", fake->base);
  serve_text (fake, "/.well-known/nodeinfo", SOUP_STATUS_OK, wellknown);
  serve_text (fake, "/nodeinfo/2.1", SOUP_STATUS_OK,
              "{\"version\":\"2.1\",\"software\":{\"name\":\"misskey\",\"version\":\"2024.11.0\"},"
              "\"protocols\":[\"activitypub\"],\"services\":{\"inbound\":[],\"outbound\":[\"atom1.0\"]},"
              "\"openRegistrations\":false,\"usage\":{\"users\":{\"total\":42}},"
              "\"metadata\":{\"nodeName\":\"Misskey Island\"}}");

  probe (session, fake->base, &r);
  g_assert_no_error (r.error);
  g_assert_false (starling_server_info_get_speaks_mastodon_api (r.info));
  g_assert_cmpint (starling_server_info_get_software (r.info), ==, STARLING_SOFTWARE_MISSKEY);
  g_assert_true (starling_server_info_get_quirks (r.info) & STARLING_SOFTWARE_QUIRK_NO_CLIENT_API);
  g_assert_cmpint (starling_server_info_get_users_total (r.info), ==, 42);
  g_assert_true (was_requested (fake, "/api/v1/instance"));

  g_assert_false (starling_server_info_check_mastodon_api (r.info, &error));
  g_assert_error (error, STARLING_API_ERROR, STARLING_API_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "runs Misskey, which does not offer the Mastodon API"));

  result_clear (&r);
}

static void
test_probe_partial (void)
{
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  Result r = { 0 };

  /* NodeInfo hidden (403), the instance answers: a Mastodon server all
   * the same, known from its instance document. */
  {
    g_autoptr (FakeServer) fake = fake_server_new ();
    g_autofree char *title = NULL;

    serve_text (fake, "/.well-known/nodeinfo", SOUP_STATUS_FORBIDDEN, "{\"error\":\"Forbidden\"}");
    serve_fixture (fake, "/api/v2/instance", "mastodon/instance-v2.json");
    probe (session, fake->base, &r);
    g_assert_no_error (r.error);
    g_assert_null (starling_server_info_get_nodeinfo (r.info));
    g_assert_cmpint (starling_server_info_get_software (r.info), ==, STARLING_SOFTWARE_MASTODON);
    title = starling_server_info_dup_title (r.info);
    g_assert_cmpstr (title, ==, "Mastodon");
    g_assert_true (starling_server_info_get_speaks_mastodon_api (r.info));
  }

  /* Junk everywhere: a clear error, no crash. */
  {
    g_autoptr (FakeServer) fake = fake_server_new ();

    serve_text (fake, "/.well-known/nodeinfo", SOUP_STATUS_OK, "{\"links\":[{\"rel\":\"x\",\"href\":3}]}");
    serve_text (fake, "/api/v2/instance", SOUP_STATUS_OK, "<html>not json</html>");
    serve_text (fake, "/api/v1/instance", SOUP_STATUS_OK, "[1,2,3]");
    probe (session, fake->base, &r);
    g_assert_null (r.info);
    g_assert_error (r.error, STARLING_API_ERROR, STARLING_API_ERROR_NOT_FOUND);
  }

  /* Nothing at all. */
  {
    g_autoptr (FakeServer) fake = fake_server_new ();

    probe (session, fake->base, &r);
    g_assert_null (r.info);
    g_assert_error (r.error, STARLING_API_ERROR, STARLING_API_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (r.error->message, "No fediverse server"));
  }

  result_clear (&r);
}

/* Answers a TLS hello with plain text and hangs up. */
static gboolean
not_tls_cb (GSocketService    *service,
            GSocketConnection *connection,
            GObject           *source,
            gpointer           user_data)
{
  GOutputStream *output = g_io_stream_get_output_stream (G_IO_STREAM (connection));

  g_output_stream_write_all (output, "HTTP/1.1 400 Bad Request\r\n\r\n", 28, NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);

  return TRUE;
}

static void
test_probe_unreachable (void)
{
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autofree char *closed = NULL;
  Result r = { 0 };

  /* A port where nothing listens. */
  {
    g_autoptr (FakeServer) fake = fake_server_new ();

    closed = g_strdup (fake->base);
    /* Frees the port. */
  }
  probe (session, closed, &r);
  g_assert_null (r.info);
  g_assert_error (r.error, STARLING_API_ERROR, STARLING_API_ERROR_NETWORK);

  /* Refused before any request. */
  probe (session, "http://mastodon.example", &r);
  g_assert_error (r.error, STARLING_API_ERROR, STARLING_API_ERROR_INSECURE);
  probe (session, "not a server", &r);
  g_assert_error (r.error, STARLING_API_ERROR, STARLING_API_ERROR_VALIDATION);

  result_clear (&r);
}

static void
test_probe_tls (void)
{
  g_autoptr (SoupSession) session = starling_session_new (NULL);
  g_autofree char *tls = NULL;
  Result r = { 0 };

#if defined(__SANITIZE_ADDRESS__)
  /* LeakSanitizer's tracer crashes at exit once the GnuTLS backend of
   * glib-networking has run a handshake (a tool failure in a platform
   * module, not a leak); the normal build runs this case. */
  g_test_skip ("The TLS backend and LeakSanitizer do not get along");
  return;
#endif

  /* https to a server that does not speak TLS: the handshake fails. */
  {
    g_autoptr (GSocketService) service = g_socket_service_new ();
    g_autoptr (GError) error = NULL;
    g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
    g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
    g_autoptr (GSocketAddress) effective = NULL;
    guint16 port;

    g_socket_listener_add_address (G_SOCKET_LISTENER (service), address, G_SOCKET_TYPE_STREAM,
                                   G_SOCKET_PROTOCOL_TCP, NULL, &effective, &error);
    g_assert_no_error (error);
    port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
    g_signal_connect (service, "incoming", G_CALLBACK (not_tls_cb), NULL);
    g_socket_service_start (service);

    tls = g_strdup_printf ("https://127.0.0.1:%u", port);
    probe (session, tls, &r);
    g_assert_null (r.info);
    g_assert_error (r.error, STARLING_API_ERROR, STARLING_API_ERROR_TLS);
    g_socket_service_stop (service);
  }

  result_clear (&r);
}

/* NodeInfo of remote domains */

static void
fetch_nodeinfo (SoupSession *session,
                const char  *domain,
                Result      *r)
{
  result_clear (r);
  starling_discovery_fetch_nodeinfo_async (session, domain, NULL, nodeinfo_cb, r);
  run_until (&r->done);
}

static void
test_fetch_nodeinfo (void)
{
  g_autoptr (FakeServer) fake = fake_server_new ();
  g_autoptr (GProxyResolver) resolver = NULL;
  g_autoptr (SoupSession) demo = NULL;
  g_autoptr (GPtrArray) documents = starling_test_list_data ("nodeinfo", ".json");
  Result r = { 0 };

  /* The demo session sends every domain to the server on loopback, as the
   * demo world does. */
  resolver = g_simple_proxy_resolver_new (fake->base, NULL);
  demo = starling_session_new (resolver);

  for (guint i = 0; i < documents->len; i++)
    {
      const char *path = g_ptr_array_index (documents, i);
      g_autoptr (JsonNode) expected = starling_test_load_json (path);
      JsonObject *software = json_object_get_object_member (json_node_get_object (expected), "software");
      gboolean is_21 = strstr (path, "2.1") != NULL;

      g_hash_table_remove_all (fake->routes);
      /* Absolute links to the simulated domain, through the proxy. */
      {
        g_autofree char *wellknown = g_strdup_printf (
          "{\"links\":[{\"rel\":\"http://nodeinfo.diaspora.software/ns/schema/%s\","
          "\"href\":\"http://remote.example/nodeinfo/doc\"}]}", is_21 ? "2.1" : "2.0");

        serve_text (fake, "/.well-known/nodeinfo", SOUP_STATUS_OK, wellknown);
        serve_fixture (fake, "/nodeinfo/doc", path);
      }

      fetch_nodeinfo (demo, "Remote.Example", &r);
      g_test_message ("%s", path);
      g_assert_no_error (r.error);
      g_assert_cmpstr (starling_nodeinfo_get_software_name (r.nodeinfo), ==,
                       json_object_get_string_member (software, "name"));
      g_assert_cmpstr (starling_nodeinfo_get_software_version (r.nodeinfo), ==,
                       json_object_get_string_member (software, "version"));
    }

  /* Blocked (threads.net) and absent. */
  g_hash_table_remove_all (fake->routes);
  serve_text (fake, "/.well-known/nodeinfo", SOUP_STATUS_FORBIDDEN, "<html>robots</html>");
  fetch_nodeinfo (demo, "threads.net", &r);
  g_assert_error (r.error, STARLING_API_ERROR, STARLING_API_ERROR_FORBIDDEN);

  g_hash_table_remove_all (fake->routes);
  fetch_nodeinfo (demo, "gone.example", &r);
  g_assert_error (r.error, STARLING_API_ERROR, STARLING_API_ERROR_NOT_FOUND);

  /* A link list without NodeInfo, and a linked document that is junk. */
  serve_text (fake, "/.well-known/nodeinfo", SOUP_STATUS_OK,
              "{\"links\":[{\"rel\":\"https://www.w3.org/ns/activitystreams#Application\",\"href\":\"http://remote.example/actor\"}]}");
  fetch_nodeinfo (demo, "remote.example", &r);
  g_assert_error (r.error, STARLING_API_ERROR, STARLING_API_ERROR_MALFORMED);

  serve_text (fake, "/.well-known/nodeinfo", SOUP_STATUS_OK,
              "{\"links\":[{\"rel\":\"http://nodeinfo.diaspora.software/ns/schema/2.0\",\"href\":\"http://remote.example/ni\"}]}");
  serve_text (fake, "/ni", SOUP_STATUS_OK, "{\"software\":");
  fetch_nodeinfo (demo, "remote.example", &r);
  g_assert_error (r.error, STARLING_API_ERROR, STARLING_API_ERROR_MALFORMED);

  /* Not a domain. */
  fetch_nodeinfo (demo, "a b", &r);
  g_assert_error (r.error, STARLING_API_ERROR, STARLING_API_ERROR_VALIDATION);
  fetch_nodeinfo (demo, "evil.example/../x", &r);
  g_assert_error (r.error, STARLING_API_ERROR, STARLING_API_ERROR_VALIDATION);

  result_clear (&r);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/starling/discovery/normalize", test_normalize);
  for (guint i = 0; i < G_N_ELEMENTS (servers); i++)
    {
      g_autofree char *path = g_strdup_printf ("/starling/discovery/probe-%s", servers[i].name);

      g_test_add_data_func (path, &servers[i], test_probe_server);
    }
  g_test_add_func ("/starling/discovery/probe-misskey", test_probe_misskey);
  g_test_add_func ("/starling/discovery/probe-partial", test_probe_partial);
  g_test_add_func ("/starling/discovery/probe-unreachable", test_probe_unreachable);
  g_test_add_func ("/starling/discovery/probe-tls", test_probe_tls);
  g_test_add_func ("/starling/discovery/fetch-nodeinfo", test_fetch_nodeinfo);

  return g_test_run ();
}
