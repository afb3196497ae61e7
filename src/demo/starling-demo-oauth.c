/* starling-demo-oauth.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-demo"

#include "config.h"

#include <string.h>

#include "starling-demo-server-private.h"

/* OAuth as Mastodon 4.3+ (Doorkeeper) does it: app registration, the
 * authorize page with PKCE (S256), codes that are single-use and expire,
 * the token and revoke endpoints. Codes, secrets and tokens never reach a
 * log. */

#define OOB_URI "urn:ietf:wg:oauth:2.0:oob"
#define CODE_LIFETIME_US (G_GINT64_CONSTANT (600) * G_USEC_PER_SEC)

static const char *supported_scopes[] = {
  "read", "write", "push", "follow", "profile", "admin:read", "admin:write",
  "read:accounts", "read:blocks", "read:bookmarks", "read:favourites", "read:filters",
  "read:follows", "read:lists", "read:mutes", "read:notifications", "read:search", "read:statuses",
  "write:accounts", "write:blocks", "write:bookmarks", "write:conversations", "write:favourites",
  "write:filters", "write:follows", "write:lists", "write:media", "write:mutes",
  "write:notifications", "write:reports", "write:statuses",
  NULL,
};

static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

static JsonArray *
strv_array (char **strv)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  return array;
}

static char **
split_scopes (const char *scopes)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) parts = g_strsplit_set (scopes != NULL ? scopes : "", " +", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

static gboolean
scopes_supported (char **scopes)
{
  for (guint i = 0; scopes[i] != NULL; i++)
    if (!g_strv_contains (supported_scopes, scopes[i]))
      return FALSE;
  return TRUE;
}

static gboolean
scopes_subset (char **wanted,
               char **granted)
{
  for (guint i = 0; wanted[i] != NULL; i++)
    {
      gboolean ok = g_strv_contains ((const char * const *) granted, wanted[i]);

      /* A granular scope is granted by its parent. */
      if (!ok && strchr (wanted[i], ':') != NULL)
        {
          g_autofree char *parent = g_strndup (wanted[i], strchr (wanted[i], ':') - wanted[i]);

          ok = g_strv_contains ((const char * const *) granted, parent);
        }
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_loopback_literal (const char *host)
{
  return host != NULL && (g_str_equal (host, "127.0.0.1") || g_str_equal (host, "::1") || g_str_equal (host, "[::1]"));
}

/* Doorkeeper's rule, RFC 8252 §7.3: for IP-literal loopback redirect URIs
 * the port is ignored; everything else must match exactly. */
static gboolean
redirect_uri_matches (const char *registered,
                      const char *given)
{
  g_autoptr (GUri) a = NULL;
  g_autoptr (GUri) b = NULL;

  if (g_str_equal (registered, given))
    return TRUE;
  a = g_uri_parse (registered, G_URI_FLAGS_NONE, NULL);
  b = g_uri_parse (given, G_URI_FLAGS_NONE, NULL);
  if (a == NULL || b == NULL)
    return FALSE;
  if (!is_loopback_literal (g_uri_get_host (a)) || !is_loopback_literal (g_uri_get_host (b)))
    return FALSE;
  return g_strcmp0 (g_uri_get_scheme (a), g_uri_get_scheme (b)) == 0
         && g_strcmp0 (g_uri_get_host (a), g_uri_get_host (b)) == 0
         && g_strcmp0 (g_uri_get_path (a), g_uri_get_path (b)) == 0
         && g_strcmp0 (g_uri_get_query (a), g_uri_get_query (b)) == 0;
}

static gboolean
redirect_uri_allowed (DemoApp    *app,
                      const char *given)
{
  for (guint i = 0; app->redirect_uris[i] != NULL; i++)
    if (redirect_uri_matches (app->redirect_uris[i], given))
      return TRUE;
  return FALSE;
}

static char *
s256 (const char *verifier)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;
  char *encoded;
  gsize n;

  g_checksum_update (checksum, (const guchar *) verifier, strlen (verifier));
  g_checksum_get_digest (checksum, digest, &length);
  encoded = g_base64_encode (digest, length);
  for (char *p = encoded; *p != '\0'; p++)
    {
      if (*p == '+')
        *p = '-';
      else if (*p == '/')
        *p = '_';
    }
  n = strlen (encoded);
  while (n > 0 && encoded[n - 1] == '=')
    encoded[--n] = '\0';
  return encoded;
}

static void
get_discovery (DemoCall *call)
{
  const char *base = call->base;
  JsonObject *object = json_object_new ();
  JsonArray *array;

  g_autofree char *service = g_strdup ("https://docs.joinmastodon.org/");
  g_autofree char *authorize = g_strdup_printf ("%s/oauth/authorize", base);
  g_autofree char *token = g_strdup_printf ("%s/oauth/token", base);
  g_autofree char *revoke = g_strdup_printf ("%s/oauth/revoke", base);
  g_autofree char *userinfo = g_strdup_printf ("%s/oauth/userinfo", base);
  g_autofree char *apps = g_strdup_printf ("%s/api/v1/apps", base);

  json_object_set_string_member (object, "issuer", base);
  json_object_set_string_member (object, "service_documentation", service);
  json_object_set_string_member (object, "authorization_endpoint", authorize);
  json_object_set_string_member (object, "token_endpoint", token);
  json_object_set_string_member (object, "revocation_endpoint", revoke);
  json_object_set_string_member (object, "userinfo_endpoint", userinfo);
  json_object_set_array_member (object, "scopes_supported", strv_array ((char **) supported_scopes));
  array = json_array_new ();
  json_array_add_string_element (array, "code");
  json_object_set_array_member (object, "response_types_supported", array);
  array = json_array_new ();
  json_array_add_string_element (array, "query");
  json_array_add_string_element (array, "fragment");
  json_array_add_string_element (array, "form_post");
  json_object_set_array_member (object, "response_modes_supported", array);
  array = json_array_new ();
  json_array_add_string_element (array, "S256");
  json_object_set_array_member (object, "code_challenge_methods_supported", array);
  array = json_array_new ();
  json_array_add_string_element (array, "authorization_code");
  json_array_add_string_element (array, "client_credentials");
  json_object_set_array_member (object, "grant_types_supported", array);
  array = json_array_new ();
  json_array_add_string_element (array, "client_secret_basic");
  json_array_add_string_element (array, "client_secret_post");
  json_object_set_array_member (object, "token_endpoint_auth_methods_supported", array);
  json_object_set_string_member (object, "app_registration_endpoint", apps);
  demo_reply_json (call, SOUP_STATUS_OK, object_node (object));
}

static JsonObject *
app_object (DemoApp  *app,
            gboolean  credentials)
{
  JsonObject *object = json_object_new ();
  g_autofree char *id = g_strdup_printf ("%" G_GUINT64_FORMAT, app->id);
  g_autofree char *joined = g_strjoinv ("\n", app->redirect_uris);

  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "name", app->name);
  if (app->website != NULL)
    json_object_set_string_member (object, "website", app->website);
  else
    json_object_set_null_member (object, "website");
  json_object_set_array_member (object, "scopes", strv_array (app->scopes));
  json_object_set_array_member (object, "redirect_uris", strv_array (app->redirect_uris));
  json_object_set_string_member (object, "redirect_uri", joined);
  json_object_set_string_member (object, "vapid_key",
                                 "BDemoDemoDemoDemoDemoDemoDemoDemoDemoDemoDemoDemoDemoDemoDemoDemoDemoDemoDemoDemoDemoDemoDE=");
  if (credentials)
    {
      json_object_set_string_member (object, "client_id", app->client_id);
      json_object_set_string_member (object, "client_secret", app->client_secret);
      json_object_set_int_member (object, "client_secret_expires_at", 0);
    }
  return object;
}

static void
post_apps (DemoCall *call)
{
  StarlingDemoServer *self = call->self;
  const char *name = demo_param (call, "client_name");
  GPtrArray *uris = demo_param_all (call, "redirect_uris");
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) redirect_uris = NULL;
  g_auto (GStrv) scopes = NULL;
  DemoApp *app;

  if (name == NULL || *name == '\0')
    {
      demo_reply_error (call, 422, "Validation failed: Application name can't be blank");
      return;
    }
  for (guint i = 0; uris != NULL && i < uris->len; i++)
    {
      g_auto (GStrv) lines = g_strsplit (g_ptr_array_index (uris, i), "\n", -1);

      for (guint j = 0; lines[j] != NULL; j++)
        {
          g_autofree char *uri = g_strstrip (g_strdup (lines[j]));
          g_autofree char *scheme = NULL;

          if (*uri == '\0')
            continue;
          scheme = g_uri_parse_scheme (uri);
          if (scheme == NULL || g_ascii_strcasecmp (scheme, "javascript") == 0
              || g_ascii_strcasecmp (scheme, "data") == 0 || g_ascii_strcasecmp (scheme, "vbscript") == 0
              || (!g_str_equal (uri, OOB_URI) && strchr (uri, '#') != NULL))
            {
              demo_reply_error (call, 422, "Validation failed: Redirect URI must be an absolute URI.");
              return;
            }
          g_strv_builder_add (builder, uri);
        }
    }
  redirect_uris = g_strv_builder_end (builder);
  if (redirect_uris[0] == NULL)
    {
      demo_reply_error (call, 422, "Validation failed: Redirect URI can't be blank");
      return;
    }
  scopes = split_scopes (demo_param (call, "scopes") != NULL ? demo_param (call, "scopes") : "read");
  if (scopes[0] == NULL)
    {
      g_strfreev (scopes);
      scopes = split_scopes ("read");
    }
  if (!scopes_supported (scopes))
    {
      demo_reply_error (call, 422, "Validation failed: Scopes does not match configured scopes");
      return;
    }

  app = g_new0 (DemoApp, 1);
  app->id = 1000 + g_hash_table_size (self->apps);
  app->client_id = demo_random_string (43);
  app->client_secret = demo_random_string (43);
  app->name = g_strdup (name);
  app->website = g_strdup (demo_param (call, "website"));
  app->redirect_uris = g_steal_pointer (&redirect_uris);
  app->scopes = g_steal_pointer (&scopes);
  g_hash_table_insert (self->apps, app->client_id, app);
  demo_reply_json (call, SOUP_STATUS_OK, object_node (app_object (app, TRUE)));
}

static void
get_app_credentials (DemoCall *call)
{
  DemoApp *app = call->token->client_id != NULL ? g_hash_table_lookup (call->self->apps, call->token->client_id) : NULL;
  JsonObject *object;

  if (app != NULL)
    {
      demo_reply_json (call, SOUP_STATUS_OK, object_node (app_object (app, FALSE)));
      return;
    }
  object = json_object_new ();
  json_object_set_string_member (object, "id", "1");
  json_object_set_string_member (object, "name", "Starling Demo");
  json_object_set_null_member (object, "website");
  json_object_set_array_member (object, "scopes", json_array_new ());
  json_object_set_array_member (object, "redirect_uris", json_array_new ());
  demo_reply_json (call, SOUP_STATUS_OK, object_node (object));
}

static void
reply_page (DemoCall   *call,
            guint       status,
            const char *title,
            const char *body)
{
  g_autofree char *page = g_strdup_printf ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                                           "<title>%s - Starling Demo</title></head><body>"
                                           "<div class=\"form-container\"><h1>%s</h1>%s</div></body></html>\n",
                                           title, title, body);

  demo_reply_text (call, status, "text/html; charset=utf-8", page);
}

static void
redirect_with (DemoCall   *call,
               const char *redirect_uri,
               const char *first_name,
               const char *first_value,
               const char *second_name,
               const char *second_value)
{
  const char *state = demo_param (call, "state");
  GString *location = g_string_new (redirect_uri);
  g_autofree char *location_text = NULL;

  g_string_append_c (location, strchr (redirect_uri, '?') != NULL ? '&' : '?');
  g_string_append_printf (location, "%s=", first_name);
  g_string_append_uri_escaped (location, first_value, NULL, FALSE);
  if (second_name != NULL)
    {
      g_string_append_printf (location, "&%s=", second_name);
      g_string_append_uri_escaped (location, second_value, NULL, FALSE);
    }
  if (state != NULL)
    {
      g_string_append (location, "&state=");
      g_string_append_uri_escaped (location, state, NULL, FALSE);
    }
  location_text = g_string_free (location, FALSE);
  demo_reply_redirect (call, location_text);
}

/* Checks an authorization request; answers it and returns NULL when it is
 * not acceptable. */
static DemoApp *
check_authorize (DemoCall  *call,
                 char    ***scopes_out)
{
  const char *client_id = demo_param (call, "client_id");
  const char *redirect_uri = demo_param (call, "redirect_uri");
  const char *response_type = demo_param (call, "response_type");
  const char *method = demo_param (call, "code_challenge_method");
  const char *challenge = demo_param (call, "code_challenge");
  DemoApp *app = client_id != NULL ? g_hash_table_lookup (call->self->apps, client_id) : NULL;
  g_auto (GStrv) scopes = NULL;

  if (app == NULL)
    {
      reply_page (call, SOUP_STATUS_UNAUTHORIZED, "An error has occurred",
                  "<p>Client authentication failed due to unknown client, no client authentication included, "
                  "or unsupported authentication method.</p>");
      return NULL;
    }
  if (redirect_uri == NULL || !redirect_uri_allowed (app, redirect_uri))
    {
      reply_page (call, SOUP_STATUS_BAD_REQUEST, "An error has occurred",
                  "<p>The redirect uri included is not valid.</p>");
      return NULL;
    }
  if (g_strcmp0 (response_type, "code") != 0)
    {
      if (g_str_equal (redirect_uri, OOB_URI))
        reply_page (call, SOUP_STATUS_BAD_REQUEST, "An error has occurred",
                    "<p>The authorization server does not support this response type.</p>");
      else
        redirect_with (call, redirect_uri, "error", "unsupported_response_type",
                       "error_description", "The authorization server does not support this response type.");
      return NULL;
    }
  scopes = split_scopes (demo_param (call, "scope") != NULL ? demo_param (call, "scope") : "read");
  if (scopes[0] == NULL || !scopes_supported (scopes) || !scopes_subset (scopes, app->scopes))
    {
      if (g_str_equal (redirect_uri, OOB_URI))
        reply_page (call, SOUP_STATUS_BAD_REQUEST, "An error has occurred",
                    "<p>The requested scope is invalid, unknown, or malformed.</p>");
      else
        redirect_with (call, redirect_uri, "error", "invalid_scope",
                       "error_description", "The requested scope is invalid, unknown, or malformed.");
      return NULL;
    }
  if (challenge != NULL && g_strcmp0 (method != NULL ? method : "plain", "S256") != 0)
    {
      redirect_with (call, redirect_uri, "error", "invalid_request",
                     "error_description", "Code challenge method is not supported. Supported: S256.");
      return NULL;
    }
  *scopes_out = g_steal_pointer (&scopes);
  return app;
}

static void
append_hidden (GString    *form,
               DemoCall   *call,
               const char *name)
{
  const char *value = demo_param (call, name);
  g_autofree char *escaped = NULL;

  if (value == NULL)
    return;
  escaped = g_markup_escape_text (value, -1);
  g_string_append_printf (form, "<input type=\"hidden\" name=\"%s\" value=\"%s\">", name, escaped);
}

static void
get_authorize (DemoCall *call)
{
  g_auto (GStrv) scopes = NULL;
  DemoApp *app = check_authorize (call, &scopes);
  GString *form;
  g_autofree char *app_name = NULL;
  g_autofree char *scope_list = NULL;
  g_autofree char *body = NULL;
  const char *fields[] = { "client_id", "redirect_uri", "response_type", "scope", "state",
                           "code_challenge", "code_challenge_method", "force_login", "lang" };

  if (app == NULL)
    return;
  app_name = g_markup_escape_text (app->name, -1);
  scope_list = g_strjoinv (", ", scopes);
  form = g_string_new (NULL);
  g_string_append_printf (form, "<p><strong>%s</strong> would like to access the account "
                          "<strong>@%s@%s</strong>.</p><p>Permissions: %s</p>",
                          app_name, call->self->world->brand->username, call->self->world->domain, scope_list);
  g_string_append (form, "<form class=\"simple_form\" action=\"/oauth/authorize\" method=\"post\">");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    append_hidden (form, call, fields[i]);
  g_string_append (form, "<button type=\"submit\" name=\"button\" value=\"approve\">Authorize</button></form>");
  g_string_append (form, "<form class=\"simple_form\" action=\"/oauth/authorize\" method=\"post\">"
                         "<input type=\"hidden\" name=\"_method\" value=\"delete\">");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    append_hidden (form, call, fields[i]);
  g_string_append (form, "<button type=\"submit\" name=\"button\" value=\"deny\" class=\"negative\">Deny</button></form>");
  body = g_string_free (form, FALSE);
  reply_page (call, SOUP_STATUS_OK, "Authorization required", body);
}

static void
post_authorize (DemoCall *call)
{
  g_auto (GStrv) scopes = NULL;
  DemoApp *app = check_authorize (call, &scopes);
  const char *redirect_uri = demo_param (call, "redirect_uri");
  DemoCode *code;
  g_autofree char *code_text = NULL;

  if (app == NULL)
    return;
  if (g_strcmp0 (demo_param (call, "_method"), "delete") == 0 || g_strcmp0 (demo_param (call, "button"), "deny") == 0)
    {
      redirect_with (call, redirect_uri, "error", "access_denied",
                     "error_description", "The resource owner or authorization server denied the request.");
      return;
    }

  code = g_new0 (DemoCode, 1);
  code->client_id = g_strdup (app->client_id);
  code->redirect_uri = g_strdup (redirect_uri);
  code->scopes = g_strjoinv (" ", scopes);
  code->challenge = g_strdup (demo_param (call, "code_challenge"));
  code->expires_at = g_get_monotonic_time () + CODE_LIFETIME_US;
  code_text = demo_random_string (43);
  g_hash_table_insert (call->self->codes, g_strdup (code_text), code);

  if (g_str_equal (redirect_uri, OOB_URI))
    {
      g_autofree char *body = g_strdup_printf ("<p>Copy this authorization code and paste it to the application.</p>"
                                               "<input type=\"text\" class=\"oauth-code\" readonly value=\"%s\">",
                                               code_text);

      reply_page (call, SOUP_STATUS_OK, "Authorization code", body);
      return;
    }
  redirect_with (call, redirect_uri, "code", code_text, NULL, NULL);
}

static const char invalid_client[] =
  "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.";
static const char invalid_grant[] =
  "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.";

/* The client, from the form or from HTTP Basic. */
static DemoApp *
authenticate_client (DemoCall *call)
{
  const char *client_id = demo_param (call, "client_id");
  const char *client_secret = demo_param (call, "client_secret");
  const char *authorization = soup_message_headers_get_one (soup_server_message_get_request_headers (call->msg),
                                                            "Authorization");
  g_autofree char *basic_id = NULL;
  g_autofree char *basic_secret = NULL;
  DemoApp *app;

  if (authorization != NULL && g_ascii_strncasecmp (authorization, "Basic ", 6) == 0)
    {
      gsize length;
      g_autofree guchar *decoded = g_base64_decode (authorization + 6, &length);
      g_autofree char *text = g_strndup ((const char *) decoded, length);
      char *colon = strchr (text, ':');

      if (colon != NULL)
        {
          *colon = '\0';
          basic_id = g_uri_unescape_string (text, NULL);
          basic_secret = g_uri_unescape_string (colon + 1, NULL);
          client_id = basic_id;
          client_secret = basic_secret;
        }
    }
  app = client_id != NULL ? g_hash_table_lookup (call->self->apps, client_id) : NULL;
  if (app == NULL || client_secret == NULL || !g_str_equal (app->client_secret, client_secret))
    return NULL;
  return app;
}

static void
reply_token (DemoCall   *call,
             const char *scopes,
             const char *client_id,
             gboolean    user)
{
  g_autofree char *token = demo_server_new_token (call->self, scopes, client_id, user);
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "access_token", token);
  json_object_set_string_member (object, "token_type", "Bearer");
  json_object_set_string_member (object, "scope", scopes);
  json_object_set_int_member (object, "created_at", g_get_real_time () / G_USEC_PER_SEC);
  soup_message_headers_replace (soup_server_message_get_response_headers (call->msg), "Cache-Control", "no-store");
  demo_reply_json (call, SOUP_STATUS_OK, object_node (object));
}

static void
post_token (DemoCall *call)
{
  const char *grant_type = demo_param (call, "grant_type");
  DemoApp *app;

  if (grant_type == NULL)
    {
      demo_reply_oauth_error (call, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                              "The request is missing a required parameter, includes an unsupported parameter value, or is otherwise malformed.");
      return;
    }
  if (!g_str_equal (grant_type, "authorization_code") && !g_str_equal (grant_type, "client_credentials"))
    {
      demo_reply_oauth_error (call, SOUP_STATUS_BAD_REQUEST, "unsupported_grant_type",
                              "The authorization grant type is not supported by the authorization server.");
      return;
    }
  app = authenticate_client (call);
  if (app == NULL)
    {
      demo_reply_oauth_error (call, SOUP_STATUS_UNAUTHORIZED, "invalid_client", invalid_client);
      return;
    }

  if (g_str_equal (grant_type, "client_credentials"))
    {
      g_auto (GStrv) scopes = split_scopes (demo_param (call, "scope") != NULL ? demo_param (call, "scope") : "read");
      g_autofree char *joined = NULL;

      if (scopes[0] == NULL || !scopes_subset (scopes, app->scopes))
        {
          demo_reply_oauth_error (call, SOUP_STATUS_BAD_REQUEST, "invalid_scope",
                                  "The requested scope is invalid, unknown, or malformed.");
          return;
        }
      joined = g_strjoinv (" ", scopes);
      reply_token (call, joined, app->client_id, FALSE);
      return;
    }

  {
    const char *code_text = demo_param (call, "code");
    const char *redirect_uri = demo_param (call, "redirect_uri");
    const char *verifier = demo_param (call, "code_verifier");
    DemoCode *code = code_text != NULL ? g_hash_table_lookup (call->self->codes, code_text) : NULL;
    g_autofree char *scopes = NULL;

    if (code == NULL || code->expires_at < g_get_monotonic_time ()
        || !g_str_equal (code->client_id, app->client_id)
        || redirect_uri == NULL || !g_str_equal (code->redirect_uri, redirect_uri))
      {
        demo_reply_oauth_error (call, SOUP_STATUS_BAD_REQUEST, "invalid_grant", invalid_grant);
        return;
      }
    if (code->challenge != NULL)
      {
        g_autofree char *computed = verifier != NULL ? s256 (verifier) : NULL;

        if (computed == NULL || !g_str_equal (computed, code->challenge))
          {
            demo_reply_oauth_error (call, SOUP_STATUS_BAD_REQUEST, "invalid_grant", invalid_grant);
            return;
          }
      }
    scopes = g_strdup (code->scopes);
    /* Single use. */
    g_hash_table_remove (call->self->codes, code_text);
    reply_token (call, scopes, app->client_id, TRUE);
  }
}

static void
post_revoke (DemoCall *call)
{
  DemoApp *app = authenticate_client (call);
  const char *token = demo_param (call, "token");
  DemoToken *record;

  if (app == NULL)
    {
      demo_reply_oauth_error (call, SOUP_STATUS_FORBIDDEN, "unauthorized_client",
                              "You are not authorized to revoke this token");
      return;
    }
  record = demo_server_lookup_token (call->self, token);
  if (record != NULL && g_strcmp0 (record->client_id, app->client_id) != 0)
    {
      demo_reply_oauth_error (call, SOUP_STATUS_FORBIDDEN, "unauthorized_client",
                              "You are not authorized to revoke this token");
      return;
    }
  if (record != NULL)
    g_hash_table_remove (call->self->tokens, token);
  demo_reply_json (call, SOUP_STATUS_OK, object_node (json_object_new ()));
}

static void
get_userinfo (DemoCall *call)
{
  JsonObject *object = json_object_new ();
  StarlingDemoWorld *world = call->self->world;
  g_autofree char *sub = g_strdup_printf ("https://%s/users/%s", world->domain, world->brand->username);
  g_autofree char *profile = g_strdup_printf ("https://%s/@%s", world->domain, world->brand->username);
  g_autofree char *picture = g_strdup_printf ("%s/system/accounts/avatars/%s/original.png",
                                              call->base, call->self->brand_id);

  json_object_set_string_member (object, "iss", call->base);
  json_object_set_string_member (object, "sub", sub);
  json_object_set_string_member (object, "name", world->brand->display_name);
  json_object_set_string_member (object, "preferred_username", world->brand->username);
  json_object_set_string_member (object, "profile", profile);
  json_object_set_string_member (object, "picture", picture);
  demo_reply_json (call, SOUP_STATUS_OK, object_node (object));
}

const DemoRoute demo_oauth_routes[] = {
  { "GET", "/.well-known/oauth-authorization-server", get_discovery, DEMO_AUTH_NONE },
  { "POST", "/api/v1/apps", post_apps, DEMO_AUTH_NONE },
  { "GET", "/api/v1/apps/verify_credentials", get_app_credentials, DEMO_AUTH_APP },
  { "GET", "/oauth/authorize", get_authorize, DEMO_AUTH_NONE },
  { "POST", "/oauth/authorize", post_authorize, DEMO_AUTH_NONE },
  { "POST", "/oauth/token", post_token, DEMO_AUTH_NONE },
  { "POST", "/oauth/revoke", post_revoke, DEMO_AUTH_NONE },
  { "GET", "/oauth/userinfo", get_userinfo, DEMO_AUTH_USER },
  { NULL, NULL, NULL, DEMO_AUTH_NONE },
};
