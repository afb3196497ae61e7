/* starling-app-credentials.c
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

#include "starling-app-credentials.h"

/**
 * StarlingAppCredentials:
 *
 * What a server gave Starling when it registered as an app there
 * (`POST /api/v1/apps`): the client id and secret, and the redirect URIs and
 * scopes the registration allows. Register once per server and keep these:
 * starling_app_credentials_to_string() gives a form for the Secret Service.
 * The client secret is a password of sorts; it never goes to a file or a
 * log.
 *
 * Immutable and reference counted.
 */
struct _StarlingAppCredentials
{
  gatomicrefcount  ref_count;
  char            *client_id;
  char            *client_secret;
  GStrv            redirect_uris;
  char            *scopes;
};

G_DEFINE_BOXED_TYPE (StarlingAppCredentials, starling_app_credentials,
                     starling_app_credentials_ref, starling_app_credentials_unref)

/* The version of the stored form, so a later Starling can read an older
 * one. */
#define STORED_VERSION 1

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

/* A client id or secret is printable ASCII without spaces in every server
 * we know; anything else would break the form encoding or a header. */
static gboolean
is_token_text (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isgraph (*p))
      return FALSE;

  return TRUE;
}

static GStrv
strings_of (JsonNode *node)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  if (node == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) &&
              json_node_get_value_type (element) == G_TYPE_STRING &&
              *json_node_get_string (element) != '\0')
            g_strv_builder_add (builder, json_node_get_string (element));
        }
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      /* The older `redirect_uri` and the `scopes` of some servers: one
       * string, several values split by white space. */
      g_auto (GStrv) parts = g_strsplit_set (json_node_get_string (node), " \t\r\n", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        if (*parts[i] != '\0')
          g_strv_builder_add (builder, parts[i]);
    }
  else
    return NULL;

  return g_strv_builder_end (builder);
}

/**
 * starling_app_credentials_new:
 * @client_id: the client id
 * @client_secret: the client secret
 * @redirect_uris: (nullable) (array zero-terminated=1): the registered
 *   redirect URIs
 * @scopes: (nullable): the registered scopes, separated by spaces
 *
 * Returns: (transfer full): new credentials
 */
StarlingAppCredentials *
starling_app_credentials_new (const char         *client_id,
                              const char         *client_secret,
                              const char * const *redirect_uris,
                              const char         *scopes)
{
  StarlingAppCredentials *self;

  g_return_val_if_fail (client_id != NULL, NULL);
  g_return_val_if_fail (client_secret != NULL, NULL);

  self = g_new0 (StarlingAppCredentials, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->client_id = g_strdup (client_id);
  self->client_secret = g_strdup (client_secret);
  self->redirect_uris = redirect_uris != NULL
    ? g_strdupv ((GStrv) redirect_uris)
    : g_new0 (char *, 1);
  self->scopes = g_strdup (scopes != NULL ? scopes : "");

  return self;
}

static StarlingAppCredentials *
new_from_object (JsonObject  *object,
                 GError     **error)
{
  const char *client_id = member_string (object, "client_id");
  const char *client_secret = member_string (object, "client_secret");
  g_auto (GStrv) redirect_uris = NULL;
  g_auto (GStrv) scopes = NULL;
  g_autofree char *scope_text = NULL;

  if (!is_token_text (client_id))
    {
      g_set_error_literal (error, STARLING_API_ERROR, STARLING_API_ERROR_MALFORMED,
                           _("The server registered Starling without a usable client id"));
      return NULL;
    }

  if (!is_token_text (client_secret))
    {
      g_set_error_literal (error, STARLING_API_ERROR, STARLING_API_ERROR_MALFORMED,
                           _("The server registered Starling without a usable client secret"));
      return NULL;
    }

  redirect_uris = strings_of (json_object_get_member (object, "redirect_uris"));
  if (redirect_uris == NULL || redirect_uris[0] == NULL)
    {
      g_clear_pointer (&redirect_uris, g_strfreev);
      redirect_uris = strings_of (json_object_get_member (object, "redirect_uri"));
    }

  scopes = strings_of (json_object_get_member (object, "scopes"));
  if (scopes != NULL)
    scope_text = g_strjoinv (" ", scopes);

  return starling_app_credentials_new (client_id, client_secret,
                                       (const char * const *) redirect_uris, scope_text);
}

/**
 * starling_app_credentials_new_from_json:
 * @node: the CredentialApplication answered by `POST /api/v1/apps`
 * @error: return location for a #StarlingApiError
 *
 * Reads `client_id`, `client_secret`, `redirect_uris` (or the older
 * newline-separated `redirect_uri`) and `scopes` (an array, or a string on
 * some servers).
 *
 * Returns: (transfer full): the credentials, or %NULL with
 *   %STARLING_API_ERROR_MALFORMED when the id or the secret is missing
 */
StarlingAppCredentials *
starling_app_credentials_new_from_json (JsonNode  *node,
                                        GError   **error)
{
  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, STARLING_API_ERROR, STARLING_API_ERROR_MALFORMED,
                           _("The server’s answer to the app registration is not an object"));
      return NULL;
    }

  return new_from_object (json_node_get_object (node), error);
}

/**
 * starling_app_credentials_new_from_string:
 * @text: what starling_app_credentials_to_string() wrote
 * @error: return location for a #StarlingApiError
 *
 * Returns: (transfer full): the credentials, or %NULL with
 *   %STARLING_API_ERROR_MALFORMED when @text is not such a form
 */
StarlingAppCredentials *
starling_app_credentials_new_from_string (const char  *text,
                                          GError     **error)
{
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GError) parse_error = NULL;
  JsonObject *object;
  JsonNode *version;

  g_return_val_if_fail (text != NULL, NULL);

  node = starling_json_parse (text, -1, &parse_error);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, STARLING_API_ERROR, STARLING_API_ERROR_MALFORMED,
                           _("The stored app registration cannot be read"));
      return NULL;
    }

  object = json_node_get_object (node);
  version = json_object_get_member (object, "version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) != STORED_VERSION)
    {
      g_set_error_literal (error, STARLING_API_ERROR, STARLING_API_ERROR_MALFORMED,
                           _("The stored app registration is of an unknown version"));
      return NULL;
    }

  return new_from_object (object, error);
}

/**
 * starling_app_credentials_to_string:
 * @self: credentials
 *
 * A JSON form of @self, secret included, for the Secret Service and
 * nowhere else. starling_app_credentials_new_from_string() reads it back.
 *
 * Returns: (transfer full): the stored form
 */
char *
starling_app_credentials_to_string (const StarlingAppCredentials *self)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, STORED_VERSION);
  json_builder_set_member_name (builder, "client_id");
  json_builder_add_string_value (builder, self->client_id);
  json_builder_set_member_name (builder, "client_secret");
  json_builder_add_string_value (builder, self->client_secret);
  json_builder_set_member_name (builder, "redirect_uris");
  json_builder_begin_array (builder);
  for (guint i = 0; self->redirect_uris[i] != NULL; i++)
    json_builder_add_string_value (builder, self->redirect_uris[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "scopes");
  json_builder_add_string_value (builder, self->scopes);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/**
 * starling_app_credentials_ref:
 * @self: credentials
 *
 * Returns: (transfer full): @self
 */
StarlingAppCredentials *
starling_app_credentials_ref (StarlingAppCredentials *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * starling_app_credentials_unref:
 * @self: (transfer full): credentials
 *
 * Drops a reference; the last one wipes the secret from memory.
 */
void
starling_app_credentials_unref (StarlingAppCredentials *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->client_id);
  starling_secret_free (self->client_secret);
  g_strfreev (self->redirect_uris);
  g_free (self->scopes);
  g_free (self);
}

/**
 * starling_app_credentials_get_client_id:
 * @self: credentials
 *
 * Returns: the client id
 */
const char *
starling_app_credentials_get_client_id (const StarlingAppCredentials *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->client_id;
}

/**
 * starling_app_credentials_get_client_secret:
 * @self: credentials
 *
 * Returns: the client secret; never log it
 */
const char *
starling_app_credentials_get_client_secret (const StarlingAppCredentials *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->client_secret;
}

/**
 * starling_app_credentials_get_redirect_uris:
 * @self: credentials
 *
 * Returns: (array zero-terminated=1): the registered redirect URIs, maybe
 *   none when the server did not say
 */
const char * const *
starling_app_credentials_get_redirect_uris (const StarlingAppCredentials *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->redirect_uris;
}

/**
 * starling_app_credentials_get_scopes:
 * @self: credentials
 *
 * Returns: the registered scopes, separated by spaces; empty when the
 *   server did not say
 */
const char *
starling_app_credentials_get_scopes (const StarlingAppCredentials *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->scopes;
}

/**
 * starling_app_credentials_has_redirect_uri:
 * @self: credentials
 * @redirect_uri: a redirect URI
 *
 * Returns: %TRUE when @redirect_uri was registered
 */
gboolean
starling_app_credentials_has_redirect_uri (const StarlingAppCredentials *self,
                                           const char                   *redirect_uri)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (redirect_uri != NULL, FALSE);

  return g_strv_contains ((const char * const *) self->redirect_uris, redirect_uri);
}

/**
 * starling_app_credentials_has_scopes:
 * @self: credentials
 * @scopes: scopes separated by spaces
 *
 * Returns: %TRUE when every one of @scopes was registered
 */
gboolean
starling_app_credentials_has_scopes (const StarlingAppCredentials *self,
                                     const char                   *scopes)
{
  g_auto (GStrv) registered = NULL;
  g_auto (GStrv) wanted = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (scopes != NULL, FALSE);

  registered = g_strsplit (self->scopes, " ", -1);
  wanted = g_strsplit (scopes, " ", -1);
  for (guint i = 0; wanted[i] != NULL; i++)
    if (*wanted[i] != '\0' && !g_strv_contains ((const char * const *) registered, wanted[i]))
      return FALSE;

  return TRUE;
}
