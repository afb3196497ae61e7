/* starling-oauth.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-api"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "model/starling-entity.h"

#include "store/starling-secret-store.h"

#include "starling-api-error.h"
#include "starling-fetch.h"
#include "starling-pkce.h"
#include "starling-session.h"

#include "starling-oauth.h"

/**
 * StarlingOAuth:
 *
 * Signing in to one server, as a native desktop app does it (RFC 8252):
 *
 * 1. starling_oauth_discover_async() reads the server's OAuth metadata
 *    (`/.well-known/oauth-authorization-server`, Mastodon 4.3+) for its
 *    endpoints, whether it takes PKCE, and which scopes it knows; without
 *    it, Mastodon's defaults hold and no PKCE is sent.
 * 2. starling_oauth_register_async() registers Starling as an app, once per
 *    server; the accounts layer keeps the #StarlingAppCredentials and gives
 *    them back with starling_oauth_set_credentials().
 * 3. starling_oauth_authorize_async() does both when needed, then opens the
 *    browser on the authorize page and receives the code on a loopback
 *    server that lives only for this sign-in, and trades it for a token.
 *    starling_oauth_get_oob_authorize_uri() and
 *    starling_oauth_exchange_code_async() are the fallback where the code
 *    is pasted by hand.
 *
 * A token made in the server's settings signs in through
 * starling_oauth_sign_in_with_token_async(). No token, code, verifier or
 * client secret ever reaches a log.
 */
struct _StarlingOAuth
{
  GObject                 parent_instance;

  SoupSession            *session;
  char                   *base_uri;
  StarlingAppCredentials *credentials;
  gboolean                exact_redirect_port;

  gboolean                discovered;
  gboolean                supports_pkce;
  char                   *scopes;
  char                   *authorization_endpoint;
  char                   *token_endpoint;
  char                   *revocation_endpoint;
  char                   *registration_endpoint;

  /* The verifier of the last out-of-band authorize address. */
  char                   *oob_verifier;

  /* The browser sign-in that waits for its redirect, if any. */
  GTask                  *pending;
};

G_DEFINE_FINAL_TYPE (StarlingOAuth, starling_oauth, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_BASE_URI,
  PROP_CREDENTIALS,
  PROP_EXACT_REDIRECT_PORT,
  PROP_DISCOVERED,
  PROP_SUPPORTS_PKCE,
  PROP_SCOPES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* What a full client needs, in the order servers list them. */
static const char * const wanted_scopes[] = { "read", "write", "push", NULL };
#define DEFAULT_SCOPES "read write push"

/* Long enough for a verifier that no one guesses, short enough for old
 * servers that keep it in a narrow column. */
#define VERIFIER_LENGTH 64

typedef struct
{
  gboolean                  force_login;
  StarlingOAuthOpenUriFunc  open_uri;
  gpointer                  open_uri_data;

  SoupServer               *server;
  guint                     port;
  char                     *redirect_uri;
  char                     *scopes;
  char                     *state;
  char                     *verifier;

  /* The callback being answered while the code is exchanged. */
  SoupServerMessage        *callback_message;
  /* The answer whose end ends the sign-in. */
  SoupServerMessage        *finishing_message;
  StarlingOAuthToken       *token;
  GError                   *error;

  gulong                    cancelled_id;
  guint                     complete_source;
  gboolean                  accepted;
  gboolean                  done;
  gboolean                  in_handler;
} AuthorizeData;

static void callback_finished_cb (SoupServerMessage *message,
                                  gpointer           user_data);

static void
stop_server (AuthorizeData *data)
{
  if (data->finishing_message != NULL)
    {
      g_signal_handlers_disconnect_matched (data->finishing_message, G_SIGNAL_MATCH_FUNC,
                                            0, 0, NULL, callback_finished_cb, NULL);
      g_clear_object (&data->finishing_message);
    }

  if (data->server == NULL)
    return;

  g_debug ("Closing the loopback server of the sign-in");
  soup_server_remove_handler (data->server, "/");
  soup_server_remove_handler (data->server, "/callback");
  soup_server_disconnect (data->server);
  g_clear_object (&data->server);
}

static void
authorize_data_free (AuthorizeData *data)
{
  g_assert (data->cancelled_id == 0);
  g_assert (data->complete_source == 0);

  stop_server (data);
  g_clear_object (&data->callback_message);
  g_clear_object (&data->finishing_message);
  g_free (data->redirect_uri);
  g_free (data->scopes);
  starling_secret_free (data->state);
  starling_secret_free (data->verifier);
  g_clear_pointer (&data->token, starling_oauth_token_unref);
  g_clear_error (&data->error);
  g_free (data);
}

static char *
join_endpoint (StarlingOAuth *self,
               const char    *path)
{
  return g_strconcat (self->base_uri, path, NULL);
}

static void
set_defaults (StarlingOAuth *self)
{
  g_free (self->authorization_endpoint);
  self->authorization_endpoint = join_endpoint (self, "/oauth/authorize");
  g_free (self->token_endpoint);
  self->token_endpoint = join_endpoint (self, "/oauth/token");
  g_free (self->revocation_endpoint);
  self->revocation_endpoint = join_endpoint (self, "/oauth/revoke");
  g_free (self->registration_endpoint);
  self->registration_endpoint = join_endpoint (self, "/api/v1/apps");
  g_free (self->scopes);
  self->scopes = g_strdup (DEFAULT_SCOPES);
  self->supports_pkce = FALSE;
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

static gboolean
array_has_string (JsonObject *object,
                  const char *name,
                  const char *value)
{
  JsonNode *node = json_object_get_member (object, name);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) &&
          json_node_get_value_type (element) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (element), value) == 0)
        return TRUE;
    }

  return FALSE;
}

/* An endpoint from the metadata, when it is one Starling may talk to. */
static void
take_endpoint (StarlingOAuth  *self,
               JsonObject     *metadata,
               const char     *name,
               char          **endpoint)
{
  const char *value = member_string (metadata, name);

  if (value == NULL)
    return;

  if (!starling_api_check_uri (self->session, value, NULL))
    {
      g_debug ("Ignoring the OAuth metadata's %s: not an address Starling may use", name);
      return;
    }

  g_free (*endpoint);
  *endpoint = g_strdup (value);
}

/* Reads the OAuth metadata of RFC 8414. Returns FALSE when the document is
 * not usable at all, so the defaults stay. */
static gboolean
apply_metadata (StarlingOAuth  *self,
                JsonNode       *node,
                GError        **error)
{
  g_autoptr (GStrvBuilder) scopes = NULL;
  g_auto (GStrv) chosen = NULL;
  JsonObject *metadata;
  JsonNode *scopes_node;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  metadata = json_node_get_object (node);
  if (member_string (metadata, "authorization_endpoint") == NULL &&
      member_string (metadata, "token_endpoint") == NULL)
    return FALSE;

  take_endpoint (self, metadata, "authorization_endpoint", &self->authorization_endpoint);
  take_endpoint (self, metadata, "token_endpoint", &self->token_endpoint);
  take_endpoint (self, metadata, "revocation_endpoint", &self->revocation_endpoint);
  take_endpoint (self, metadata, "app_registration_endpoint", &self->registration_endpoint);

  /* Mastodon takes S256 only; plain would offer no protection anyway. */
  self->supports_pkce = array_has_string (metadata, "code_challenge_methods_supported", "S256");

  /* A server that lists its scopes refuses any other (Doorkeeper's
   * enforce_configured_scopes), so ask only for listed ones. */
  scopes_node = json_object_get_member (metadata, "scopes_supported");
  if (scopes_node != NULL && JSON_NODE_HOLDS_ARRAY (scopes_node))
    {
      scopes = g_strv_builder_new ();
      for (guint i = 0; wanted_scopes[i] != NULL; i++)
        if (array_has_string (metadata, "scopes_supported", wanted_scopes[i]))
          g_strv_builder_add (scopes, wanted_scopes[i]);
      if (array_has_string (metadata, "scopes_supported", "profile"))
        g_strv_builder_add (scopes, "profile");

      chosen = g_strv_builder_end (scopes);
      if (chosen[0] == NULL)
        {
          g_set_error_literal (error, STARLING_API_ERROR, STARLING_API_ERROR_VALIDATION,
                               _("The server offers none of the permissions Starling needs "
                                 "(read, write and push)"));
          return FALSE;
        }

      g_free (self->scopes);
      self->scopes = g_strjoinv (" ", chosen);
    }

  return TRUE;
}

static GError *
oauth_error_for (GError *error,
                 GBytes *body)
{
  g_autofree char *code = NULL;
  const char *message = NULL;

  if (error->domain != STARLING_API_ERROR || body == NULL)
    return error;

  {
    g_autoptr (JsonNode) node = NULL;
    gsize size = 0;
    const char *text = g_bytes_get_data (body, &size);

    if (size > 0)
      node = starling_json_parse (text, (gssize) size, NULL);
    if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
      code = g_strdup (member_string (json_node_get_object (node), "error"));
  }

  if (code == NULL)
    return error;

  if (g_str_equal (code, "invalid_grant"))
    message = _("The server refused the sign-in code: it has expired, was already used, or "
                "belongs to another sign-in. Please sign in again.");
  else if (g_str_equal (code, "invalid_client"))
    message = _("The server no longer knows Starling’s app registration. Please sign in again.");
  else if (g_str_equal (code, "invalid_scope"))
    message = _("The server does not offer the permissions Starling asked for.");
  else if (g_str_equal (code, "unauthorized_client"))
    message = _("This sign-in was not made by Starling, so only the server’s settings can "
                "revoke it.");
  else if (g_str_equal (code, "access_denied"))
    message = _("Sign-in was cancelled in the browser.");

  if (message != NULL)
    {
      g_free (error->message);
      error->message = g_strdup (message);
    }

  return error;
}

static GError *
browser_error_new (const char *code,
                   const char *description)
{
  g_autofree char *clean = NULL;

  if (g_strcmp0 (code, "access_denied") == 0)
    return g_error_new_literal (STARLING_API_ERROR, STARLING_API_ERROR_FORBIDDEN,
                                _("Sign-in was cancelled in the browser."));

  if (g_strcmp0 (code, "invalid_scope") == 0)
    return g_error_new_literal (STARLING_API_ERROR, STARLING_API_ERROR_VALIDATION,
                                _("The server does not offer the permissions Starling asked for."));

  if (description != NULL)
    {
      clean = g_utf8_make_valid (description, -1);
      if (g_utf8_strlen (clean, -1) > 300)
        {
          char *cut = g_utf8_substring (clean, 0, 300);
          g_free (clean);
          clean = cut;
        }
    }

  return g_error_new (STARLING_API_ERROR, STARLING_API_ERROR_FAILED,
                      _("The server did not complete the sign-in: %s"),
                      clean != NULL && *clean != '\0' ? clean : code);
}

static char *
build_authorize_uri (StarlingOAuth *self,
                     const char    *redirect_uri,
                     const char    *scopes,
                     const char    *state,
                     const char    *verifier,
                     gboolean       force_login)
{
  const char *client_id = starling_app_credentials_get_client_id (self->credentials);
  GString *uri = g_string_new (self->authorization_endpoint);

  g_string_append_c (uri, strchr (self->authorization_endpoint, '?') != NULL ? '&' : '?');
  g_string_append (uri, "response_type=code&client_id=");
  g_string_append_uri_escaped (uri, client_id, NULL, FALSE);
  g_string_append (uri, "&redirect_uri=");
  g_string_append_uri_escaped (uri, redirect_uri, NULL, FALSE);
  g_string_append (uri, "&scope=");
  g_string_append_uri_escaped (uri, scopes, NULL, FALSE);

  if (state != NULL)
    {
      g_string_append (uri, "&state=");
      g_string_append_uri_escaped (uri, state, NULL, FALSE);
    }

  if (verifier != NULL)
    {
      g_autofree char *challenge = starling_pkce_challenge_s256 (verifier);

      g_string_append (uri, "&code_challenge=");
      g_string_append (uri, challenge);
      g_string_append (uri, "&code_challenge_method=S256");
    }

  if (force_login)
    g_string_append (uri, "&force_login=true");

  return g_string_free (uri, FALSE);
}

/* The scopes to ask for: those wanted that the registration allows. */
static char *
scopes_to_ask (StarlingOAuth *self)
{
  const char *registered = starling_app_credentials_get_scopes (self->credentials);
  g_auto (GStrv) wanted = g_strsplit (self->scopes, " ", -1);
  g_auto (GStrv) allowed = NULL;
  g_autoptr (GStrvBuilder) builder = NULL;
  g_auto (GStrv) chosen = NULL;

  if (*registered == '\0')
    return g_strdup (self->scopes);

  allowed = g_strsplit (registered, " ", -1);
  builder = g_strv_builder_new ();
  for (guint i = 0; wanted[i] != NULL; i++)
    if (*wanted[i] != '\0' && g_strv_contains ((const char * const *) allowed, wanted[i]))
      g_strv_builder_add (builder, wanted[i]);

  chosen = g_strv_builder_end (builder);
  if (chosen[0] == NULL)
    return g_strdup (self->scopes);

  return g_strjoinv (" ", chosen);
}

static void
exchange_code (StarlingOAuth       *self,
               const char          *code,
               const char          *redirect_uri,
               const char          *verifier,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data);
static StarlingOAuthToken *exchange_code_finish (GAsyncResult  *result,
                                                 GError       **error);

/* Discovery. */

static void
discover_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StarlingOAuth *self = g_task_get_source_object (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;
  gboolean had_pkce = self->supports_pkce;
  g_autofree char *old_scopes = g_strdup (self->scopes);

  node = starling_fetch_json_finish (result, NULL, &error);
  set_defaults (self);

  if (node == NULL)
    {
      /* Unreachable is a failure; a 404, an error page or junk means the
       * server is older than 4.3 or no Mastodon, and the defaults hold. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (error, STARLING_API_ERROR, STARLING_API_ERROR_NETWORK) ||
          g_error_matches (error, STARLING_API_ERROR, STARLING_API_ERROR_TLS) ||
          g_error_matches (error, STARLING_API_ERROR, STARLING_API_ERROR_INSECURE))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      g_debug ("No OAuth metadata (%s); using Mastodon's endpoints without PKCE", error->message);
    }
  else if (!apply_metadata (self, node, &error))
    {
      if (error != NULL)
        {
          set_defaults (self);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      set_defaults (self);
      g_debug ("The OAuth metadata is not usable; using Mastodon's endpoints without PKCE");
    }

  self->discovered = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISCOVERED]);
  if (had_pkce != self->supports_pkce)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUPPORTS_PKCE]);
  if (g_strcmp0 (old_scopes, self->scopes) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCOPES]);

  g_debug ("OAuth on %s: PKCE %s, scopes “%s”", self->base_uri,
           self->supports_pkce ? "yes" : "no", self->scopes);

  g_task_return_boolean (task, TRUE);
}

/* Registration. */

typedef struct
{
  GStrv redirect_uris;
} RegisterData;

static void
register_data_free (RegisterData *data)
{
  g_strfreev (data->redirect_uris);
  g_free (data);
}

static void send_registration (GTask *task);

static void
register_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StarlingOAuth *self = g_task_get_source_object (task);
  RegisterData *data = g_task_get_task_data (task);
  g_autoptr (StarlingAppCredentials) credentials = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;

  node = starling_fetch_json_finish (result, NULL, &error);
  if (node == NULL)
    {
      /* Servers before the list form of redirect_uris may refuse two;
       * then register only the one this sign-in uses. */
      if (g_error_matches (error, STARLING_API_ERROR, STARLING_API_ERROR_VALIDATION) &&
          g_strv_length (data->redirect_uris) > 1)
        {
          g_debug ("Registration with %u redirect URIs refused; trying with one",
                   g_strv_length (data->redirect_uris));
          g_clear_pointer (&data->redirect_uris[1], g_free);
          send_registration (g_steal_pointer (&task));
          return;
        }

      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  credentials = starling_app_credentials_new_from_json (node, &error);
  if (credentials == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A server that does not echo what it registered registered what was
   * sent. */
  if (starling_app_credentials_get_redirect_uris (credentials)[0] == NULL ||
      *starling_app_credentials_get_scopes (credentials) == '\0')
    {
      StarlingAppCredentials *completed =
        starling_app_credentials_new (starling_app_credentials_get_client_id (credentials),
                                      starling_app_credentials_get_client_secret (credentials),
                                      starling_app_credentials_get_redirect_uris (credentials)[0] != NULL
                                        ? starling_app_credentials_get_redirect_uris (credentials)
                                        : (const char * const *) data->redirect_uris,
                                      *starling_app_credentials_get_scopes (credentials) != '\0'
                                        ? starling_app_credentials_get_scopes (credentials)
                                        : self->scopes);
      starling_app_credentials_unref (credentials);
      credentials = completed;
    }

  g_debug ("Registered Starling on %s", self->base_uri);
  starling_oauth_set_credentials (self, credentials);
  g_task_return_pointer (task, g_steal_pointer (&credentials),
                         (GDestroyNotify) starling_app_credentials_unref);
}

/* Takes the reference of @task. */
static void
send_registration (GTask *task)
{
  StarlingOAuth *self = g_task_get_source_object (task);
  RegisterData *data = g_task_get_task_data (task);
  g_autoptr (GHashTable) form = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr (SoupMessage) message = NULL;
  g_autoptr (GError) error = NULL;

  g_hash_table_insert (form, (char *) "client_name", g_strdup (PACKAGE_NAME));
  g_hash_table_insert (form, (char *) "website", g_strdup (PACKAGE_WEBSITE));
  g_hash_table_insert (form, (char *) "scopes", g_strdup (self->scopes));
  /* Newline-separated: Doorkeeper (Mastodon) and Pleroma split on white
   * space, and Mastodon 4.3+ documents the form. */
  g_hash_table_insert (form, (char *) "redirect_uris", g_strjoinv ("\n", data->redirect_uris));

  message = starling_fetch_new_form_message (SOUP_METHOD_POST, self->registration_endpoint,
                                             form, &error);
  if (message == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  starling_fetch_json_async (self->session, message, g_task_get_cancellable (task),
                             register_cb, task);
}

static void
register_with_uris (StarlingOAuth       *self,
                    const char * const  *redirect_uris,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data);

static void
register_after_discovery_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  if (!starling_oauth_discover_finish (STARLING_OAUTH (object), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  send_registration (g_steal_pointer (&task));
}

static void
register_with_uris (StarlingOAuth       *self,
                    const char * const  *redirect_uris,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  RegisterData *data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_oauth_register_async);

  data = g_new0 (RegisterData, 1);
  data->redirect_uris = g_strdupv ((GStrv) redirect_uris);
  g_task_set_task_data (task, data, (GDestroyNotify) register_data_free);

  if (!self->discovered)
    {
      starling_oauth_discover_async (self, cancellable, register_after_discovery_cb,
                                     g_steal_pointer (&task));
      return;
    }

  send_registration (g_steal_pointer (&task));
}

/* The browser sign-in. */

static gboolean
complete_authorize_idle (gpointer user_data)
{
  GTask *task = user_data;
  StarlingOAuth *self = g_task_get_source_object (task);
  AuthorizeData *data = g_task_get_task_data (task);

  data->complete_source = 0;

  if (data->cancelled_id != 0)
    {
      g_cancellable_disconnect (g_task_get_cancellable (task), data->cancelled_id);
      data->cancelled_id = 0;
    }

  stop_server (data);

  if (self->pending == task)
    g_clear_object (&self->pending);

  if (data->token != NULL)
    g_task_return_pointer (task, g_steal_pointer (&data->token),
                           (GDestroyNotify) starling_oauth_token_unref);
  else if (data->error != NULL)
    g_task_return_error (task, g_steal_pointer (&data->error));
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             _("The sign-in was cancelled"));

  return G_SOURCE_REMOVE;
}

/* Ends the sign-in from the main loop, never inside a server or
 * cancellable callback, where the server cannot be torn down. */
static void
complete_authorize (GTask              *task,
                    StarlingOAuthToken *token,
                    GError             *error)
{
  AuthorizeData *data = g_task_get_task_data (task);

  if (data->done)
    {
      g_clear_pointer (&token, starling_oauth_token_unref);
      g_clear_error (&error);
      return;
    }

  data->done = TRUE;
  g_clear_pointer (&data->token, starling_oauth_token_unref);
  g_clear_error (&data->error);
  data->token = token;
  data->error = error;
  data->complete_source = g_idle_add_full (G_PRIORITY_DEFAULT, complete_authorize_idle,
                                           g_object_ref (task), g_object_unref);
}

static void
authorize_cancelled_cb (GCancellable *cancellable,
                        gpointer      user_data)
{
  GTask *task = user_data;
  AuthorizeData *data = g_task_get_task_data (task);

  /* The user gave up on the browser: close the port at once. */
  if (!data->in_handler)
    stop_server (data);

  complete_authorize (task, NULL, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                       _("The sign-in was cancelled")));
}

static void
respond_page (SoupServerMessage *message,
              guint              status,
              const char        *title,
              const char        *text)
{
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped_text = g_markup_escape_text (text, -1);
  g_autofree char *page = NULL;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);

  page = g_strdup_printf ("<!DOCTYPE html>\n"
                          "<html><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-width\">"
                          "<title>%s</title>"
                          "<style>body{font-family:sans-serif;max-width:32em;margin:4em auto;"
                          "padding:0 1em;text-align:center}</style></head>\n"
                          "<body><h1>%s</h1><p>%s</p></body></html>\n",
                          escaped_title, escaped_title, escaped_text);

  /* The address holds the code: keep it out of caches and referrers. */
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_message_headers_replace (headers, "Referrer-Policy", "no-referrer");
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, "text/html; charset=utf-8", SOUP_MEMORY_COPY,
                                    page, strlen (page));
}

static void
callback_finished_cb (SoupServerMessage *message,
                      gpointer           user_data)
{
  GTask *task = user_data;
  AuthorizeData *data = g_task_get_task_data (task);

  /* The browser has its answer; now the sign-in may end. */
  g_signal_handlers_disconnect_by_func (message, callback_finished_cb, task);
  g_clear_object (&data->finishing_message);
  complete_authorize (task, g_steal_pointer (&data->token), g_steal_pointer (&data->error));
}

/* Ends the sign-in once @message, the answer to the browser, is sent. */
static void
finish_after_answer (GTask             *task,
                     SoupServerMessage *message)
{
  AuthorizeData *data = g_task_get_task_data (task);

  g_assert (data->finishing_message == NULL);
  data->finishing_message = g_object_ref (message);
  g_signal_connect (message, "finished", G_CALLBACK (callback_finished_cb), task);
}

static void
authorize_exchange_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  AuthorizeData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  StarlingOAuthToken *token;

  token = exchange_code_finish (result, &error);

  if (data->done || data->callback_message == NULL)
    {
      g_clear_pointer (&token, starling_oauth_token_unref);
      return;
    }

  if (token != NULL)
    {
      data->token = token;
      respond_page (data->callback_message, SOUP_STATUS_OK,
                    _("Signed in to Starling"),
                    _("You can close this tab and go back to Starling."));
    }
  else
    {
      respond_page (data->callback_message, SOUP_STATUS_BAD_REQUEST,
                    _("Sign-in failed"), error->message);
      data->error = g_steal_pointer (&error);
    }

  /* Finish when the page has been written, so the browser sees it. */
  finish_after_answer (task, data->callback_message);
  soup_server_message_unpause (data->callback_message);
  g_clear_object (&data->callback_message);
}

static void
handle_callback (GTask             *task,
                 SoupServerMessage *message,
                 GHashTable        *query)
{
  StarlingOAuth *self = g_task_get_source_object (task);
  AuthorizeData *data = g_task_get_task_data (task);
  const char *state = query != NULL ? g_hash_table_lookup (query, "state") : NULL;
  const char *code = query != NULL ? g_hash_table_lookup (query, "code") : NULL;
  const char *error_code = query != NULL ? g_hash_table_lookup (query, "error") : NULL;

  if (data->accepted || data->done)
    {
      g_debug ("Refusing a second redirect to the loopback server");
      respond_page (message, SOUP_STATUS_CONFLICT, _("Sign-in already done"),
                    _("Starling has already received this sign-in. You can close this tab."));
      return;
    }

  /* Constant-time would be nicer; the state is single-use and 256 bits,
   * so a guess by timing cannot converge before the sign-in ends. */
  if (state == NULL || g_strcmp0 (state, data->state) != 0)
    {
      g_debug ("Refusing a redirect whose state does not match this sign-in");
      respond_page (message, SOUP_STATUS_BAD_REQUEST, _("Sign-in not recognised"),
                    _("This page was not opened by Starling’s sign-in. Start the sign-in "
                      "again from Starling."));
      return;
    }

  if (error_code != NULL)
    {
      GError *error = browser_error_new (error_code, g_hash_table_lookup (query, "error_description"));

      g_debug ("The server redirected with an OAuth error");
      data->accepted = TRUE;
      respond_page (message, SOUP_STATUS_OK, _("Sign-in cancelled"), error->message);
      data->error = error;
      finish_after_answer (task, message);
      return;
    }

  if (code == NULL || *code == '\0')
    {
      g_debug ("Refusing a redirect without a code");
      respond_page (message, SOUP_STATUS_BAD_REQUEST, _("Sign-in not recognised"),
                    _("The server sent no sign-in code. Start the sign-in again from Starling."));
      return;
    }

  g_debug ("Received the redirect; exchanging the code");
  data->accepted = TRUE;
  data->callback_message = g_object_ref (message);
  soup_server_message_pause (message);

  exchange_code (self, code, data->redirect_uri, data->verifier,
                 g_task_get_cancellable (task), authorize_exchange_cb, g_object_ref (task));
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  GTask *task = user_data;
  AuthorizeData *data = g_task_get_task_data (task);

  data->in_handler = TRUE;

  if (g_strcmp0 (path, "/callback") != 0)
    respond_page (message, SOUP_STATUS_NOT_FOUND, _("Not found"),
                  _("Starling is waiting for a sign-in here, and nothing else."));
  else if (g_strcmp0 (soup_server_message_get_method (message), SOUP_METHOD_GET) != 0)
    respond_page (message, SOUP_STATUS_METHOD_NOT_ALLOWED, _("Not allowed"),
                  _("Starling is waiting for a sign-in here, and nothing else."));
  else
    handle_callback (task, message, query);

  data->in_handler = FALSE;
}

static gboolean
start_server (GTask   *task,
              GError **error)
{
  AuthorizeData *data = g_task_get_task_data (task);
  g_autoptr (GError) local_error = NULL;
  GSList *uris;

  data->server = soup_server_new ("server-header", NULL, NULL);

  /* 127.0.0.1 only, never a public interface, on a port the system picks. */
  if (!soup_server_listen_local (data->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &local_error))
    {
      g_clear_object (&data->server);
      g_set_error (error, STARLING_API_ERROR, STARLING_API_ERROR_FAILED,
                   _("Starling could not wait for the browser: %s"), local_error->message);
      return FALSE;
    }

  uris = soup_server_get_uris (data->server);
  g_assert (uris != NULL);
  data->port = (guint) g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  /* The handler does not hold the task: the task holds the server, and
   * the server goes before the task does. */
  soup_server_add_handler (data->server, NULL, server_cb, task, NULL);

  data->redirect_uri = g_strdup_printf ("http://127.0.0.1:%u/callback", data->port);
  g_debug ("Waiting for the browser on port %u", data->port);

  return TRUE;
}

static void
open_browser (GTask *task)
{
  StarlingOAuth *self = g_task_get_source_object (task);
  AuthorizeData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = NULL;

  data->state = starling_pkce_new_state (&error);
  if (data->state == NULL)
    {
      complete_authorize (task, NULL, g_steal_pointer (&error));
      return;
    }

  if (self->supports_pkce)
    {
      data->verifier = starling_pkce_new_verifier (VERIFIER_LENGTH, &error);
      if (data->verifier == NULL)
        {
          complete_authorize (task, NULL, g_steal_pointer (&error));
          return;
        }
    }

  data->scopes = scopes_to_ask (self);
  uri = build_authorize_uri (self, data->redirect_uri, data->scopes, data->state,
                             data->verifier, data->force_login);

  g_debug ("Opening the authorize page of %s", self->base_uri);
  data->open_uri (self, uri, data->open_uri_data);
}

static void
authorize_register_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (StarlingAppCredentials) credentials = NULL;
  g_autoptr (GError) error = NULL;

  credentials = starling_oauth_register_finish (STARLING_OAUTH (object), result, &error);
  if (credentials == NULL)
    {
      complete_authorize (task, NULL, g_steal_pointer (&error));
      return;
    }

  open_browser (task);
}

static void
authorize_with_server (GTask *task)
{
  StarlingOAuth *self = g_task_get_source_object (task);
  AuthorizeData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  const char *needed;

  if (data->done)
    return;

  if (!start_server (task, &error))
    {
      complete_authorize (task, NULL, g_steal_pointer (&error));
      return;
    }

  /* Mastodon's Doorkeeper ignores the port of a loopback redirect URI
   * (RFC 8252 §7.3); servers that compare it exactly get an app
   * registered for this port. */
  needed = self->exact_redirect_port ? data->redirect_uri : STARLING_OAUTH_REDIRECT_LOOPBACK;

  if (self->credentials == NULL ||
      !starling_app_credentials_has_redirect_uri (self->credentials, needed))
    {
      const char *uris[] = { needed, STARLING_OAUTH_REDIRECT_OOB, NULL };

      register_with_uris (self, uris, g_task_get_cancellable (task),
                          authorize_register_cb, g_object_ref (task));
      return;
    }

  open_browser (task);
}

static void
authorize_discover_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  if (!starling_oauth_discover_finish (STARLING_OAUTH (object), result, &error))
    {
      complete_authorize (task, NULL, g_steal_pointer (&error));
      return;
    }

  authorize_with_server (task);
}

/* The code exchange. */

static void
exchange_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) error_body = NULL;
  g_autoptr (JsonNode) node = NULL;
  StarlingOAuthToken *token;

  node = starling_fetch_json_finish (result, &error_body, &error);
  if (node == NULL)
    {
      g_debug ("The token endpoint refused the code");
      g_task_return_error (task, oauth_error_for (g_steal_pointer (&error), error_body));
      return;
    }

  token = starling_oauth_token_new_from_json (node, &error);
  if (token == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_debug ("The token endpoint gave a token");
  g_task_return_pointer (task, token, (GDestroyNotify) starling_oauth_token_unref);
}

static void
exchange_code (StarlingOAuth       *self,
               const char          *code,
               const char          *redirect_uri,
               const char          *verifier,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GHashTable) form = NULL;
  g_autoptr (SoupMessage) message = NULL;
  g_autoptr (GError) error = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, exchange_code);

  form = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) starling_secret_free);
  g_hash_table_insert (form, (char *) "grant_type", g_strdup ("authorization_code"));
  g_hash_table_insert (form, (char *) "code", g_strdup (code));
  g_hash_table_insert (form, (char *) "redirect_uri", g_strdup (redirect_uri));
  g_hash_table_insert (form, (char *) "client_id",
                       g_strdup (starling_app_credentials_get_client_id (self->credentials)));
  g_hash_table_insert (form, (char *) "client_secret",
                       g_strdup (starling_app_credentials_get_client_secret (self->credentials)));
  if (verifier != NULL)
    g_hash_table_insert (form, (char *) "code_verifier", g_strdup (verifier));

  message = starling_fetch_new_form_message (SOUP_METHOD_POST, self->token_endpoint, form, &error);
  if (message == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  starling_fetch_json_async (self->session, message, cancellable, exchange_cb,
                             g_steal_pointer (&task));
}

static StarlingOAuthToken *
exchange_code_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_assert (g_task_get_source_tag (G_TASK (result)) == exchange_code);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Verifying a token. */

static void
verify_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) decode_error = NULL;
  g_autoptr (JsonNode) node = NULL;
  StarlingAccount *account;

  node = starling_fetch_json_finish (result, NULL, &error);
  if (node == NULL)
    {
      if (g_error_matches (error, STARLING_API_ERROR, STARLING_API_ERROR_UNAUTHORIZED))
        {
          g_free (error->message);
          error->message = g_strdup (_("The server does not accept this access token: it is "
                                       "wrong, or was revoked."));
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  account = starling_entity_decode (STARLING_TYPE_ACCOUNT, node, NULL, &decode_error);
  if (account == NULL)
    {
      g_task_return_error (task, starling_api_error_new_malformed (decode_error));
      return;
    }

  g_task_return_pointer (task, account, g_object_unref);
}

static void
verify_token (StarlingOAuth *self,
              GTask         *task,
              const char    *access_token)
{
  g_autofree char *uri = join_endpoint (self, "/api/v1/accounts/verify_credentials");
  g_autofree char *authorization = NULL;
  g_autoptr (SoupMessage) message = NULL;

  message = soup_message_new (SOUP_METHOD_GET, uri);
  if (message == NULL)
    {
      g_task_return_new_error (task, STARLING_API_ERROR, STARLING_API_ERROR_NOT_FOUND,
                               _("“%s” is not a web address"), self->base_uri);
      g_object_unref (task);
      return;
    }

  authorization = g_strconcat ("Bearer ", access_token, NULL);
  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization",
                                authorization);
  explicit_bzero (authorization, strlen (authorization));

  starling_fetch_json_async (self->session, message, g_task_get_cancellable (task),
                             verify_cb, task);
}

/* Revoking. */

static void
revoke_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) error_body = NULL;
  g_autoptr (JsonNode) node = NULL;

  node = starling_fetch_json_finish (result, &error_body, &error);
  if (node != NULL)
    {
      g_debug ("Token revoked");
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* A server without a revoke endpoint (or one that no longer knows the
   * token) leaves nothing to revoke. */
  if (g_error_matches (error, STARLING_API_ERROR, STARLING_API_ERROR_NOT_FOUND) ||
      g_error_matches (error, STARLING_API_ERROR, STARLING_API_ERROR_GONE))
    {
      g_debug ("Nothing to revoke: the server has no such token or endpoint (%u)",
               starling_api_error_get_http_status (error));
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_task_return_error (task, oauth_error_for (g_steal_pointer (&error), error_body));
}

static void
starling_oauth_dispose (GObject *object)
{
  StarlingOAuth *self = (StarlingOAuth *)object;

  /* A sign-in holds a reference on its source object, so none can be
   * waiting here. */
  g_assert (self->pending == NULL);

  G_OBJECT_CLASS (starling_oauth_parent_class)->dispose (object);
}

static void
starling_oauth_finalize (GObject *object)
{
  StarlingOAuth *self = (StarlingOAuth *)object;

  g_clear_object (&self->session);
  g_free (self->base_uri);
  g_clear_pointer (&self->credentials, starling_app_credentials_unref);
  g_free (self->scopes);
  g_free (self->authorization_endpoint);
  g_free (self->token_endpoint);
  g_free (self->revocation_endpoint);
  g_free (self->registration_endpoint);
  starling_secret_free (self->oob_verifier);

  G_OBJECT_CLASS (starling_oauth_parent_class)->finalize (object);
}

static void
starling_oauth_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  StarlingOAuth *self = STARLING_OAUTH (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_BASE_URI:
      g_value_set_string (value, self->base_uri);
      break;

    case PROP_CREDENTIALS:
      g_value_set_boxed (value, self->credentials);
      break;

    case PROP_EXACT_REDIRECT_PORT:
      g_value_set_boolean (value, self->exact_redirect_port);
      break;

    case PROP_DISCOVERED:
      g_value_set_boolean (value, self->discovered);
      break;

    case PROP_SUPPORTS_PKCE:
      g_value_set_boolean (value, self->supports_pkce);
      break;

    case PROP_SCOPES:
      g_value_set_string (value, self->scopes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_oauth_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  StarlingOAuth *self = STARLING_OAUTH (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_BASE_URI:
      {
        const char *uri = g_value_get_string (value);
        gsize length = uri != NULL ? strlen (uri) : 0;

        while (length > 0 && uri[length - 1] == '/')
          length--;
        self->base_uri = g_strndup (uri != NULL ? uri : "", length);
      }
      break;

    case PROP_CREDENTIALS:
      starling_oauth_set_credentials (self, g_value_get_boxed (value));
      break;

    case PROP_EXACT_REDIRECT_PORT:
      starling_oauth_set_exact_redirect_port (self, g_value_get_boolean (value));
      break;

    case PROP_DISCOVERED:
    case PROP_SUPPORTS_PKCE:
    case PROP_SCOPES:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_oauth_constructed (GObject *object)
{
  StarlingOAuth *self = STARLING_OAUTH (object);

  G_OBJECT_CLASS (starling_oauth_parent_class)->constructed (object);

  g_assert (SOUP_IS_SESSION (self->session));
  set_defaults (self);
}

static void
starling_oauth_class_init (StarlingOAuthClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = starling_oauth_constructed;
  object_class->dispose = starling_oauth_dispose;
  object_class->finalize = starling_oauth_finalize;
  object_class->get_property = starling_oauth_get_property;
  object_class->set_property = starling_oauth_set_property;

  /**
   * StarlingOAuth:session:
   *
   * The session every request goes through.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         SOUP_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * StarlingOAuth:base-uri:
   *
   * The server, as `https://host`, without a trailing slash.
   */
  properties[PROP_BASE_URI] =
    g_param_spec_string ("base-uri", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * StarlingOAuth:credentials:
   *
   * Starling's app registration on the server, if it has one.
   */
  properties[PROP_CREDENTIALS] =
    g_param_spec_boxed ("credentials", NULL, NULL,
                        STARLING_TYPE_APP_CREDENTIALS,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * StarlingOAuth:exact-redirect-port:
   *
   * Whether the server compares the port of a loopback redirect URI
   * (Pleroma, Akkoma, GoToSocial…) instead of ignoring it as RFC 8252 and
   * Mastodon do. Then every browser sign-in registers an app for its own
   * port.
   */
  properties[PROP_EXACT_REDIRECT_PORT] =
    g_param_spec_boolean ("exact-redirect-port", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * StarlingOAuth:discovered:
   *
   * Whether the server's OAuth metadata has been looked for.
   */
  properties[PROP_DISCOVERED] =
    g_param_spec_boolean ("discovered", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * StarlingOAuth:supports-pkce:
   *
   * Whether the server's metadata lists the `S256` code challenge.
   */
  properties[PROP_SUPPORTS_PKCE] =
    g_param_spec_boolean ("supports-pkce", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * StarlingOAuth:scopes:
   *
   * The scopes Starling asks for, separated by spaces: `read write push`,
   * less those the server does not list, plus `profile` where it does.
   */
  properties[PROP_SCOPES] =
    g_param_spec_string ("scopes", NULL, NULL,
                         DEFAULT_SCOPES,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
starling_oauth_init (StarlingOAuth *self)
{
}

/**
 * starling_oauth_new:
 * @session: the session to use
 * @base_uri: the server, as `https://host`
 *
 * Returns: (transfer full): a new #StarlingOAuth
 */
StarlingOAuth *
starling_oauth_new (SoupSession *session,
                    const char  *base_uri)
{
  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (base_uri != NULL, NULL);

  return g_object_new (STARLING_TYPE_OAUTH,
                       "session", session,
                       "base-uri", base_uri,
                       NULL);
}

/**
 * starling_oauth_get_session:
 * @self: a #StarlingOAuth
 *
 * Returns: (transfer none): the session
 */
SoupSession *
starling_oauth_get_session (StarlingOAuth *self)
{
  g_return_val_if_fail (STARLING_IS_OAUTH (self), NULL);
  return self->session;
}

/**
 * starling_oauth_get_base_uri:
 * @self: a #StarlingOAuth
 *
 * Returns: the server's address, without a trailing slash
 */
const char *
starling_oauth_get_base_uri (StarlingOAuth *self)
{
  g_return_val_if_fail (STARLING_IS_OAUTH (self), NULL);
  return self->base_uri;
}

/**
 * starling_oauth_get_credentials:
 * @self: a #StarlingOAuth
 *
 * Returns: (transfer none) (nullable): the app registration in use
 */
StarlingAppCredentials *
starling_oauth_get_credentials (StarlingOAuth *self)
{
  g_return_val_if_fail (STARLING_IS_OAUTH (self), NULL);
  return self->credentials;
}

/**
 * starling_oauth_set_credentials:
 * @self: a #StarlingOAuth
 * @credentials: (nullable): a registration kept from an earlier sign-in
 *
 * Gives @self the app registration made earlier on this server, so no new
 * one is made.
 */
void
starling_oauth_set_credentials (StarlingOAuth          *self,
                                StarlingAppCredentials *credentials)
{
  g_return_if_fail (STARLING_IS_OAUTH (self));

  if (self->credentials == credentials)
    return;

  g_clear_pointer (&self->credentials, starling_app_credentials_unref);
  if (credentials != NULL)
    self->credentials = starling_app_credentials_ref (credentials);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREDENTIALS]);
}

/**
 * starling_oauth_get_exact_redirect_port:
 * @self: a #StarlingOAuth
 *
 * Returns: whether each browser sign-in registers an app for its own port
 */
gboolean
starling_oauth_get_exact_redirect_port (StarlingOAuth *self)
{
  g_return_val_if_fail (STARLING_IS_OAUTH (self), FALSE);
  return self->exact_redirect_port;
}

/**
 * starling_oauth_set_exact_redirect_port:
 * @self: a #StarlingOAuth
 * @exact_redirect_port: whether the server compares loopback ports
 *
 * Set this for servers whose OAuth compares the port of a loopback
 * redirect URI exactly (the Pleroma family and GoToSocial, by their
 * #StarlingSoftware); see #StarlingOAuth:exact-redirect-port.
 */
void
starling_oauth_set_exact_redirect_port (StarlingOAuth *self,
                                        gboolean       exact_redirect_port)
{
  g_return_if_fail (STARLING_IS_OAUTH (self));

  exact_redirect_port = !!exact_redirect_port;
  if (self->exact_redirect_port == exact_redirect_port)
    return;

  self->exact_redirect_port = exact_redirect_port;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXACT_REDIRECT_PORT]);
}

/**
 * starling_oauth_apply_quirks:
 * @self: a #StarlingOAuth
 * @quirks: the quirks of the server's software, from
 *   starling_server_info_get_quirks()
 *
 * Sets what the sign-in must do differently on this server:
 * #StarlingOAuth:exact-redirect-port follows
 * %STARLING_SOFTWARE_QUIRK_EXACT_REDIRECT_PORT. Call it before
 * starling_oauth_authorize_async().
 */
void
starling_oauth_apply_quirks (StarlingOAuth          *self,
                             StarlingSoftwareQuirks  quirks)
{
  g_return_if_fail (STARLING_IS_OAUTH (self));

  starling_oauth_set_exact_redirect_port (self, (quirks & STARLING_SOFTWARE_QUIRK_EXACT_REDIRECT_PORT) != 0);
}

/**
 * starling_oauth_get_discovered:
 * @self: a #StarlingOAuth
 *
 * Returns: whether starling_oauth_discover_async() has succeeded
 */
gboolean
starling_oauth_get_discovered (StarlingOAuth *self)
{
  g_return_val_if_fail (STARLING_IS_OAUTH (self), FALSE);
  return self->discovered;
}

/**
 * starling_oauth_get_supports_pkce:
 * @self: a #StarlingOAuth
 *
 * Returns: whether the server takes PKCE with S256
 */
gboolean
starling_oauth_get_supports_pkce (StarlingOAuth *self)
{
  g_return_val_if_fail (STARLING_IS_OAUTH (self), FALSE);
  return self->supports_pkce;
}

/**
 * starling_oauth_get_scopes:
 * @self: a #StarlingOAuth
 *
 * Returns: the scopes Starling asks for, separated by spaces
 */
const char *
starling_oauth_get_scopes (StarlingOAuth *self)
{
  g_return_val_if_fail (STARLING_IS_OAUTH (self), NULL);
  return self->scopes;
}

/**
 * starling_oauth_get_authorization_endpoint:
 * @self: a #StarlingOAuth
 *
 * Returns: the authorize page's address
 */
const char *
starling_oauth_get_authorization_endpoint (StarlingOAuth *self)
{
  g_return_val_if_fail (STARLING_IS_OAUTH (self), NULL);
  return self->authorization_endpoint;
}

/**
 * starling_oauth_get_token_endpoint:
 * @self: a #StarlingOAuth
 *
 * Returns: the token endpoint's address
 */
const char *
starling_oauth_get_token_endpoint (StarlingOAuth *self)
{
  g_return_val_if_fail (STARLING_IS_OAUTH (self), NULL);
  return self->token_endpoint;
}

/**
 * starling_oauth_get_revocation_endpoint:
 * @self: a #StarlingOAuth
 *
 * Returns: the revoke endpoint's address
 */
const char *
starling_oauth_get_revocation_endpoint (StarlingOAuth *self)
{
  g_return_val_if_fail (STARLING_IS_OAUTH (self), NULL);
  return self->revocation_endpoint;
}

/**
 * starling_oauth_discover_async:
 * @self: a #StarlingOAuth
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reads `/.well-known/oauth-authorization-server`. When the server has
 * none (404), or it is not a usable document, Mastodon's endpoints hold,
 * PKCE is not sent and the scopes are `read write push`. Only a server
 * that cannot be reached fails.
 */
void
starling_oauth_discover_async (StarlingOAuth       *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *uri = NULL;
  g_autoptr (SoupMessage) message = NULL;

  g_return_if_fail (STARLING_IS_OAUTH (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_oauth_discover_async);

  uri = join_endpoint (self, "/.well-known/oauth-authorization-server");
  message = soup_message_new (SOUP_METHOD_GET, uri);
  if (message == NULL)
    {
      g_task_return_new_error (task, STARLING_API_ERROR, STARLING_API_ERROR_NOT_FOUND,
                               _("“%s” is not a web address"), self->base_uri);
      return;
    }

  starling_fetch_json_async (self->session, message, cancellable, discover_cb,
                             g_steal_pointer (&task));
}

/**
 * starling_oauth_discover_finish:
 * @self: a #StarlingOAuth
 * @result: the result given to the callback
 * @error: return location for a #StarlingApiError
 *
 * Returns: %TRUE when the endpoints, PKCE and scopes are known
 */
gboolean
starling_oauth_discover_finish (StarlingOAuth  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (STARLING_IS_OAUTH (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == starling_oauth_discover_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * starling_oauth_register_async:
 * @self: a #StarlingOAuth
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Registers Starling as an app on the server (`POST /api/v1/apps`, after
 * discovery when that has not been done), for the loopback redirect URI
 * and the out-of-band one, with the scopes of #StarlingOAuth:scopes. A
 * server that refuses two redirect URIs gets the loopback one alone. On
 * success the credentials become #StarlingOAuth:credentials.
 */
void
starling_oauth_register_async (StarlingOAuth       *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  static const char * const uris[] = {
    STARLING_OAUTH_REDIRECT_LOOPBACK,
    STARLING_OAUTH_REDIRECT_OOB,
    NULL
  };

  g_return_if_fail (STARLING_IS_OAUTH (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  register_with_uris (self, uris, cancellable, callback, user_data);
}

/**
 * starling_oauth_register_finish:
 * @self: a #StarlingOAuth
 * @result: the result given to the callback
 * @error: return location for a #StarlingApiError
 *
 * Returns: (transfer full): the new registration, or %NULL
 */
StarlingAppCredentials *
starling_oauth_register_finish (StarlingOAuth  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (STARLING_IS_OAUTH (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == starling_oauth_register_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * starling_oauth_authorize_async:
 * @self: a #StarlingOAuth
 * @force_login: ask the server to show its login form even when the
 *   browser is signed in already, to add a second account of that server
 * @open_uri: (scope async): opens the authorize page in the browser
 * @open_uri_data: data for @open_uri
 * @cancellable: (nullable): cancels the sign-in, for instance when the user
 *   gives up waiting for the browser; the loopback port closes at once
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Signs in through the browser. Discovers and registers first when
 * needed, then listens on `127.0.0.1` on a port of the system's choosing,
 * calls @open_uri with the authorize page (a random `state`, and PKCE
 * where the server takes it), and waits for the redirect. Redirects with
 * another `state`, and requests for other paths, are refused and the wait
 * goes on; the first valid redirect is answered with a page saying the tab
 * can be closed once its code has been traded for a token. A redirect with
 * `error=access_denied` fails with %STARLING_API_ERROR_FORBIDDEN.
 */
void
starling_oauth_authorize_async (StarlingOAuth            *self,
                                gboolean                  force_login,
                                StarlingOAuthOpenUriFunc  open_uri,
                                gpointer                  open_uri_data,
                                GCancellable             *cancellable,
                                GAsyncReadyCallback       callback,
                                gpointer                  user_data)
{
  g_autoptr (GTask) task = NULL;
  AuthorizeData *data;

  g_return_if_fail (STARLING_IS_OAUTH (self));
  g_return_if_fail (open_uri != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_oauth_authorize_async);

  if (self->pending != NULL)
    {
      g_task_return_new_error (task, STARLING_API_ERROR, STARLING_API_ERROR_FAILED,
                               _("A sign-in to this server is already waiting for the browser"));
      return;
    }

  data = g_new0 (AuthorizeData, 1);
  data->force_login = !!force_login;
  data->open_uri = open_uri;
  data->open_uri_data = open_uri_data;
  g_task_set_task_data (task, data, (GDestroyNotify) authorize_data_free);

  self->pending = g_object_ref (task);

  if (cancellable != NULL)
    {
      data->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (authorize_cancelled_cb),
                                                  task, NULL);
      if (data->done)
        return;
    }

  if (!self->discovered)
    {
      starling_oauth_discover_async (self, cancellable, authorize_discover_cb, g_object_ref (task));
      return;
    }

  authorize_with_server (task);
}

/**
 * starling_oauth_authorize_finish:
 * @self: a #StarlingOAuth
 * @result: the result given to the callback
 * @error: return location for a #StarlingApiError, or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full): the token, or %NULL
 */
StarlingOAuthToken *
starling_oauth_authorize_finish (StarlingOAuth  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_return_val_if_fail (STARLING_IS_OAUTH (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == starling_oauth_authorize_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * starling_oauth_get_oob_authorize_uri:
 * @self: a #StarlingOAuth
 * @force_login: ask for the login form even when signed in already
 * @error: return location for a #StarlingApiError
 *
 * The authorize page for the fallback where the server shows the code and
 * the user pastes it (redirect URI `urn:ietf:wg:oauth:2.0:oob`), with a
 * verifier of its own that starling_oauth_exchange_code_async() then
 * sends. Needs the app registration (see starling_oauth_register_async())
 * with that redirect URI.
 *
 * Returns: (transfer full): the address to open, or %NULL
 */
char *
starling_oauth_get_oob_authorize_uri (StarlingOAuth  *self,
                                      gboolean        force_login,
                                      GError        **error)
{
  g_autofree char *scopes = NULL;
  char *verifier = NULL;

  g_return_val_if_fail (STARLING_IS_OAUTH (self), NULL);

  if (self->credentials == NULL)
    {
      g_set_error_literal (error, STARLING_API_ERROR, STARLING_API_ERROR_FAILED,
                           _("Starling is not registered on this server yet"));
      return NULL;
    }

  if (!starling_app_credentials_has_redirect_uri (self->credentials, STARLING_OAUTH_REDIRECT_OOB))
    {
      g_set_error_literal (error, STARLING_API_ERROR, STARLING_API_ERROR_VALIDATION,
                           _("Starling’s registration on this server does not allow pasting "
                             "a code; it has to register again"));
      return NULL;
    }

  if (self->supports_pkce)
    {
      verifier = starling_pkce_new_verifier (VERIFIER_LENGTH, error);
      if (verifier == NULL)
        return NULL;
    }

  starling_secret_free (self->oob_verifier);
  self->oob_verifier = verifier;

  scopes = scopes_to_ask (self);
  return build_authorize_uri (self, STARLING_OAUTH_REDIRECT_OOB, scopes, NULL,
                              self->oob_verifier, force_login);
}

static void
oob_exchange_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StarlingOAuth *self = g_task_get_source_object (task);
  g_autoptr (GError) error = NULL;
  StarlingOAuthToken *token;

  token = exchange_code_finish (result, &error);
  if (token == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A code and its verifier serve once. */
  g_clear_pointer (&self->oob_verifier, starling_secret_free);
  g_task_return_pointer (task, token, (GDestroyNotify) starling_oauth_token_unref);
}

/**
 * starling_oauth_exchange_code_async:
 * @self: a #StarlingOAuth
 * @code: the code the server showed, as the user pasted it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Trades a pasted code for a token, with the redirect URI
 * `urn:ietf:wg:oauth:2.0:oob` and the verifier of the last
 * starling_oauth_get_oob_authorize_uri(). White space around @code is
 * dropped; a code that cannot be one fails with
 * %STARLING_API_ERROR_VALIDATION without asking the server.
 */
void
starling_oauth_exchange_code_async (StarlingOAuth       *self,
                                    const char          *code,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *trimmed = NULL;

  g_return_if_fail (STARLING_IS_OAUTH (self));
  g_return_if_fail (code != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_oauth_exchange_code_async);

  if (self->credentials == NULL)
    {
      g_task_return_new_error (task, STARLING_API_ERROR, STARLING_API_ERROR_FAILED,
                               _("Starling is not registered on this server yet"));
      return;
    }

  trimmed = g_strstrip (g_strdup (code));
  if (!starling_oauth_token_text_is_valid (trimmed))
    {
      explicit_bzero (trimmed, strlen (trimmed));
      g_task_return_new_error (task, STARLING_API_ERROR, STARLING_API_ERROR_VALIDATION,
                               _("This is not a sign-in code: copy the code the server shows, "
                                 "without spaces"));
      return;
    }

  exchange_code (self, trimmed, STARLING_OAUTH_REDIRECT_OOB, self->oob_verifier, cancellable,
                 oob_exchange_cb, g_steal_pointer (&task));
  explicit_bzero (trimmed, strlen (trimmed));
}

/**
 * starling_oauth_exchange_code_finish:
 * @self: a #StarlingOAuth
 * @result: the result given to the callback
 * @error: return location for a #StarlingApiError
 *
 * Returns: (transfer full): the token, or %NULL
 */
StarlingOAuthToken *
starling_oauth_exchange_code_finish (StarlingOAuth  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  g_return_val_if_fail (STARLING_IS_OAUTH (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == starling_oauth_exchange_code_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * starling_oauth_verify_credentials_async:
 * @self: a #StarlingOAuth
 * @access_token: a user token of this server
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Asks `GET /api/v1/accounts/verify_credentials` whose token this is. A
 * token the server does not accept fails with
 * %STARLING_API_ERROR_UNAUTHORIZED.
 */
void
starling_oauth_verify_credentials_async (StarlingOAuth       *self,
                                         const char          *access_token,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (STARLING_IS_OAUTH (self));
  g_return_if_fail (access_token != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_oauth_verify_credentials_async);

  if (!starling_oauth_token_text_is_valid (access_token))
    {
      g_task_return_new_error (task, STARLING_API_ERROR, STARLING_API_ERROR_VALIDATION,
                               _("This is not an access token: copy the token from the "
                                 "server’s settings, without spaces"));
      return;
    }

  verify_token (self, g_steal_pointer (&task), access_token);
}

/**
 * starling_oauth_verify_credentials_finish:
 * @self: a #StarlingOAuth
 * @result: the result given to the callback
 * @error: return location for a #StarlingApiError
 *
 * Returns: (transfer full): the account the token belongs to, or %NULL
 */
StarlingAccount *
starling_oauth_verify_credentials_finish (StarlingOAuth  *self,
                                          GAsyncResult   *result,
                                          GError        **error)
{
  g_return_val_if_fail (STARLING_IS_OAUTH (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == starling_oauth_verify_credentials_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
sign_in_verify_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  StarlingAccount *account;

  account = starling_oauth_verify_credentials_finish (STARLING_OAUTH (object), result, &error);
  if (account == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, account, g_object_unref);
}

/**
 * starling_oauth_sign_in_with_token_async:
 * @self: a #StarlingOAuth
 * @access_token: a token made in the server's settings (Development, New
 *   application), as the user pasted it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Signs in with an existing token: white space around it is dropped, and
 * the server is asked whose it is.
 */
void
starling_oauth_sign_in_with_token_async (StarlingOAuth       *self,
                                         const char          *access_token,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  char *trimmed;

  g_return_if_fail (STARLING_IS_OAUTH (self));
  g_return_if_fail (access_token != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_oauth_sign_in_with_token_async);

  trimmed = g_strstrip (g_strdup (access_token));
  g_task_set_task_data (task, trimmed, (GDestroyNotify) starling_secret_free);

  starling_oauth_verify_credentials_async (self, trimmed, cancellable, sign_in_verify_cb,
                                           g_steal_pointer (&task));
}

/**
 * starling_oauth_sign_in_with_token_finish:
 * @self: a #StarlingOAuth
 * @result: the result given to the callback
 * @token: (out) (optional) (transfer full): the token, trimmed, for the
 *   Secret Service
 * @error: return location for a #StarlingApiError
 *
 * Returns: (transfer full): the account signed in, or %NULL
 */
StarlingAccount *
starling_oauth_sign_in_with_token_finish (StarlingOAuth       *self,
                                          GAsyncResult        *result,
                                          StarlingOAuthToken **token,
                                          GError             **error)
{
  StarlingAccount *account;

  g_return_val_if_fail (STARLING_IS_OAUTH (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == starling_oauth_sign_in_with_token_async, NULL);

  account = g_task_propagate_pointer (G_TASK (result), error);
  if (account != NULL && token != NULL)
    *token = starling_oauth_token_new (g_task_get_task_data (G_TASK (result)), "Bearer", NULL,
                                       g_get_real_time () / G_USEC_PER_SEC, -1, NULL);

  return account;
}

/**
 * starling_oauth_revoke_async:
 * @self: a #StarlingOAuth
 * @access_token: the token to revoke
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Revokes a token made through this app registration (`POST
 * /oauth/revoke` with the client id and secret). A server without a revoke
 * endpoint (404) counts as done. A token made by another app (Mastodon's
 * 403 `unauthorized_client`, as for a token from the server's settings)
 * fails with %STARLING_API_ERROR_FORBIDDEN and a message that says to
 * revoke it in the server's settings: forget it locally either way.
 */
void
starling_oauth_revoke_async (StarlingOAuth       *self,
                             const char          *access_token,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GHashTable) form = NULL;
  g_autoptr (SoupMessage) message = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (STARLING_IS_OAUTH (self));
  g_return_if_fail (access_token != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_oauth_revoke_async);

  if (self->credentials == NULL)
    {
      g_task_return_new_error (task, STARLING_API_ERROR, STARLING_API_ERROR_FORBIDDEN,
                               _("Starling has no app registration on this server to revoke "
                                 "the sign-in with; revoke it in the server’s settings"));
      return;
    }

  if (!starling_oauth_token_text_is_valid (access_token))
    {
      g_task_return_new_error (task, STARLING_API_ERROR, STARLING_API_ERROR_VALIDATION,
                               _("This is not an access token"));
      return;
    }

  form = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) starling_secret_free);
  g_hash_table_insert (form, (char *) "client_id",
                       g_strdup (starling_app_credentials_get_client_id (self->credentials)));
  g_hash_table_insert (form, (char *) "client_secret",
                       g_strdup (starling_app_credentials_get_client_secret (self->credentials)));
  g_hash_table_insert (form, (char *) "token", g_strdup (access_token));

  message = starling_fetch_new_form_message (SOUP_METHOD_POST, self->revocation_endpoint, form,
                                             &error);
  if (message == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  starling_fetch_json_async (self->session, message, cancellable, revoke_cb,
                             g_steal_pointer (&task));
}

/**
 * starling_oauth_revoke_finish:
 * @self: a #StarlingOAuth
 * @result: the result given to the callback
 * @error: return location for a #StarlingApiError
 *
 * Returns: %TRUE when the token is revoked, or the server has nothing to
 *   revoke
 */
gboolean
starling_oauth_revoke_finish (StarlingOAuth  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (STARLING_IS_OAUTH (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == starling_oauth_revoke_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
