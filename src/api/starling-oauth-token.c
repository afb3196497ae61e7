/* starling-oauth-token.c
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

#include "starling-oauth-token.h"

/**
 * StarlingOAuthToken:
 *
 * An access token from the token endpoint: Mastodon's never expire and
 * come without a refresh token, while Pleroma, Akkoma and Pixelfed may give
 * `expires_in` and `refresh_token`. The token is a password; it goes to the
 * Secret Service (starling_oauth_token_to_string()) and never to a file or
 * a log.
 *
 * Immutable and reference counted.
 */
struct _StarlingOAuthToken
{
  gatomicrefcount  ref_count;
  char            *access_token;
  char            *token_type;
  char            *scope;
  gint64           created_at;
  gint64           expires_in;
  char            *refresh_token;
};

G_DEFINE_BOXED_TYPE (StarlingOAuthToken, starling_oauth_token,
                     starling_oauth_token_ref, starling_oauth_token_unref)

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

/* A number, or a number in a string as a few servers send; -1 otherwise. */
static gint64
member_count (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return -1;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return MAX (json_node_get_int (node), -1);

    case G_TYPE_DOUBLE:
      {
        double value = json_node_get_double (node);
        return value >= 0 && value < (double) G_MAXINT64 ? (gint64) value : -1;
      }

    case G_TYPE_STRING:
      {
        guint64 value;

        if (g_ascii_string_to_unsigned (json_node_get_string (node), 10, 0, G_MAXINT64,
                                        &value, NULL))
          return (gint64) value;
        return -1;
      }

    default:
      return -1;
    }
}

/**
 * starling_oauth_token_text_is_valid:
 * @text: (nullable): an access or refresh token
 *
 * Tokens are printable ASCII without white space in every server we know;
 * anything else would break the `Authorization` header.
 *
 * Returns: %TRUE when @text can be a token
 */
gboolean
starling_oauth_token_text_is_valid (const char *text)
{
  if (text == NULL || *text == '\0' || strlen (text) > 4096)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isgraph (*p))
      return FALSE;

  return TRUE;
}

/**
 * starling_oauth_token_new:
 * @access_token: the access token
 * @token_type: (nullable): its type; %NULL for `Bearer`
 * @scope: (nullable): the scopes it grants, separated by spaces
 * @created_at: when it was made, in Unix seconds, or 0
 * @expires_in: seconds from @created_at until it expires, or -1 for never
 * @refresh_token: (nullable): the refresh token
 *
 * Returns: (transfer full): a new token
 */
StarlingOAuthToken *
starling_oauth_token_new (const char *access_token,
                          const char *token_type,
                          const char *scope,
                          gint64      created_at,
                          gint64      expires_in,
                          const char *refresh_token)
{
  StarlingOAuthToken *self;

  g_return_val_if_fail (access_token != NULL, NULL);

  self = g_new0 (StarlingOAuthToken, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->access_token = g_strdup (access_token);
  self->token_type = g_strdup (token_type != NULL ? token_type : "Bearer");
  self->scope = g_strdup (scope != NULL ? scope : "");
  self->created_at = MAX (created_at, 0);
  self->expires_in = expires_in >= 0 ? expires_in : -1;
  self->refresh_token = g_strdup (refresh_token);

  return self;
}

static StarlingOAuthToken *
new_from_object (JsonObject  *object,
                 GError     **error)
{
  const char *access_token = member_string (object, "access_token");
  const char *token_type = member_string (object, "token_type");
  const char *refresh_token = member_string (object, "refresh_token");
  gint64 created_at = member_count (object, "created_at");

  if (!starling_oauth_token_text_is_valid (access_token))
    {
      g_set_error_literal (error, STARLING_API_ERROR, STARLING_API_ERROR_MALFORMED,
                           _("The server’s answer holds no usable access token"));
      return NULL;
    }

  if (token_type != NULL && g_ascii_strcasecmp (token_type, "bearer") != 0)
    {
      g_set_error (error, STARLING_API_ERROR, STARLING_API_ERROR_MALFORMED,
                   _("The server gave a token of the unknown type “%s”"), token_type);
      return NULL;
    }

  if (refresh_token != NULL && !starling_oauth_token_text_is_valid (refresh_token))
    refresh_token = NULL;

  /* Some servers leave `created_at` out; the token is as old as the
   * answer then. */
  if (created_at < 0)
    created_at = g_get_real_time () / G_USEC_PER_SEC;

  return starling_oauth_token_new (access_token, "Bearer", member_string (object, "scope"),
                                   created_at, member_count (object, "expires_in"),
                                   refresh_token);
}

/**
 * starling_oauth_token_new_from_json:
 * @node: the answer of the token endpoint
 * @error: return location for a #StarlingApiError
 *
 * Returns: (transfer full): the token, or %NULL with
 *   %STARLING_API_ERROR_MALFORMED when there is no usable `access_token`
 *   or the type is not `Bearer`
 */
StarlingOAuthToken *
starling_oauth_token_new_from_json (JsonNode  *node,
                                    GError   **error)
{
  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, STARLING_API_ERROR, STARLING_API_ERROR_MALFORMED,
                           _("The server’s answer holds no usable access token"));
      return NULL;
    }

  return new_from_object (json_node_get_object (node), error);
}

/**
 * starling_oauth_token_new_from_string:
 * @text: what starling_oauth_token_to_string() wrote
 * @error: return location for a #StarlingApiError
 *
 * Returns: (transfer full): the token, or %NULL with
 *   %STARLING_API_ERROR_MALFORMED
 */
StarlingOAuthToken *
starling_oauth_token_new_from_string (const char  *text,
                                      GError     **error)
{
  g_autoptr (JsonNode) node = NULL;
  JsonObject *object;
  JsonNode *version;

  g_return_val_if_fail (text != NULL, NULL);

  node = starling_json_parse (text, -1, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, STARLING_API_ERROR, STARLING_API_ERROR_MALFORMED,
                           _("The stored sign-in cannot be read"));
      return NULL;
    }

  object = json_node_get_object (node);
  version = json_object_get_member (object, "version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) != STORED_VERSION)
    {
      g_set_error_literal (error, STARLING_API_ERROR, STARLING_API_ERROR_MALFORMED,
                           _("The stored sign-in is of an unknown version"));
      return NULL;
    }

  return new_from_object (object, error);
}

/**
 * starling_oauth_token_to_string:
 * @self: a token
 *
 * A JSON form of @self, for the Secret Service and nowhere else.
 *
 * Returns: (transfer full): the stored form
 */
char *
starling_oauth_token_to_string (const StarlingOAuthToken *self)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, STORED_VERSION);
  json_builder_set_member_name (builder, "access_token");
  json_builder_add_string_value (builder, self->access_token);
  json_builder_set_member_name (builder, "token_type");
  json_builder_add_string_value (builder, self->token_type);
  json_builder_set_member_name (builder, "scope");
  json_builder_add_string_value (builder, self->scope);
  json_builder_set_member_name (builder, "created_at");
  json_builder_add_int_value (builder, self->created_at);
  if (self->expires_in >= 0)
    {
      json_builder_set_member_name (builder, "expires_in");
      json_builder_add_int_value (builder, self->expires_in);
    }
  if (self->refresh_token != NULL)
    {
      json_builder_set_member_name (builder, "refresh_token");
      json_builder_add_string_value (builder, self->refresh_token);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/**
 * starling_oauth_token_ref:
 * @self: a token
 *
 * Returns: (transfer full): @self
 */
StarlingOAuthToken *
starling_oauth_token_ref (StarlingOAuthToken *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * starling_oauth_token_unref:
 * @self: (transfer full): a token
 *
 * Drops a reference; the last one wipes the tokens from memory.
 */
void
starling_oauth_token_unref (StarlingOAuthToken *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  starling_secret_free (self->access_token);
  starling_secret_free (self->refresh_token);
  g_free (self->token_type);
  g_free (self->scope);
  g_free (self);
}

/**
 * starling_oauth_token_get_access_token:
 * @self: a token
 *
 * Returns: the access token; never log it
 */
const char *
starling_oauth_token_get_access_token (const StarlingOAuthToken *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->access_token;
}

/**
 * starling_oauth_token_get_token_type:
 * @self: a token
 *
 * Returns: `Bearer`
 */
const char *
starling_oauth_token_get_token_type (const StarlingOAuthToken *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->token_type;
}

/**
 * starling_oauth_token_get_scope:
 * @self: a token
 *
 * Returns: the scopes granted, separated by spaces; empty when unknown
 */
const char *
starling_oauth_token_get_scope (const StarlingOAuthToken *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->scope;
}

/**
 * starling_oauth_token_get_created_at:
 * @self: a token
 *
 * Returns: when the token was made, in Unix seconds
 */
gint64
starling_oauth_token_get_created_at (const StarlingOAuthToken *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->created_at;
}

/**
 * starling_oauth_token_get_expires_in:
 * @self: a token
 *
 * Returns: seconds from creation until the token expires, or -1 for never
 */
gint64
starling_oauth_token_get_expires_in (const StarlingOAuthToken *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->expires_in;
}

/**
 * starling_oauth_token_get_refresh_token:
 * @self: a token
 *
 * Returns: (nullable): the refresh token, if the server gave one
 */
const char *
starling_oauth_token_get_refresh_token (const StarlingOAuthToken *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->refresh_token;
}
