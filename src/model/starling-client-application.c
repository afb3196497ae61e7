/* starling-client-application.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include "starling-client-application.h"

/**
 * StarlingClientApplication:
 *
 * The app a status was posted with (`name`, `website`), or the
 * CredentialApplication a server returns when Starling registers itself
 * (`POST /api/v1/apps`), which adds `client-id`, `client-secret` and the
 * registered `redirect-uris` and `scopes`.
 *
 * `client-secret` is a credential: it belongs in the secret store, and it
 * must never be logged, shown or written to a file. Nothing in the model
 * logs it; keep it that way (the decoder's notes name fields, never their
 * values, except for enums).
 */
struct _StarlingClientApplication
{
  StarlingEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (StarlingClientApplication, starling_client_application, STARLING_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_NAME,
  PROP_WEBSITE,
  PROP_ID,
  PROP_CLIENT_ID,
  PROP_CLIENT_SECRET,
  PROP_CLIENT_SECRET_EXPIRES_AT,
  PROP_REDIRECT_URI,
  PROP_REDIRECT_URIS,
  PROP_SCOPES,
  PROP_VAPID_KEY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Splits @text at any of @separators, leaving out empty pieces. */
static GStrv
split_nonempty (const char *text,
                const char *separators)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) pieces = g_strsplit_set (text, separators, -1);

  for (guint i = 0; pieces[i] != NULL; i++)
    if (pieces[i][0] != '\0')
      g_strv_builder_add (builder, pieces[i]);

  return g_strv_builder_end (builder);
}

static gboolean
starling_client_application_decode_extra (StarlingEntity  *entity,
                                   JsonObject      *object,
                                   StarlingDecoder *decoder,
                                   GError         **error)
{
  JsonNode *scopes = json_object_get_member (object, "scopes");
  const char *redirect_uri;

  /* `scopes` is a list, but the OAuth form of it is one space-separated
   * string, and some servers answer in that form. */
  if (scopes != NULL && JSON_NODE_HOLDS_VALUE (scopes) &&
      json_node_get_value_type (scopes) == G_TYPE_STRING)
    {
      g_auto (GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_STRV);
      g_value_take_boxed (&value, split_nonempty (json_node_get_string (scopes), " \t\r\n+"));
      starling_entity_set_value (entity, properties[PROP_SCOPES], &value);
    }

  /* Before 4.3 there is only `redirect_uri`, with several URIs joined by
   * newlines. */
  redirect_uri = starling_entity_get_string (entity, properties[PROP_REDIRECT_URI]);
  if (starling_entity_get_boxed (entity, properties[PROP_REDIRECT_URIS]) == NULL &&
      redirect_uri != NULL)
    {
      g_auto (GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_STRV);
      g_value_take_boxed (&value, split_nonempty (redirect_uri, "\r\n"));
      starling_entity_set_value (entity, properties[PROP_REDIRECT_URIS], &value);
    }

  return TRUE;
}

static void
starling_client_application_class_init (StarlingClientApplicationClass *klass)
{
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  entity_class->decode_extra = starling_client_application_decode_extra;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_WEBSITE] =
    g_param_spec_string ("website", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_CLIENT_ID] =
    g_param_spec_string ("client-id", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  /* Never log this one: see the type's documentation. */
  properties[PROP_CLIENT_SECRET] =
    g_param_spec_string ("client-secret", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  /* Seconds since the epoch; 0 means the secret does not expire. */
  properties[PROP_CLIENT_SECRET_EXPIRES_AT] =
    g_param_spec_int64 ("client-secret-expires-at", NULL, NULL, 0, G_MAXINT64, 0, STARLING_PARAM_FLAGS);
  properties[PROP_REDIRECT_URI] =
    g_param_spec_string ("redirect-uri", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_REDIRECT_URIS] =
    g_param_spec_boxed ("redirect-uris", NULL, NULL, G_TYPE_STRV, STARLING_PARAM_FLAGS);
  properties[PROP_SCOPES] =
    g_param_spec_boxed ("scopes", NULL, NULL, G_TYPE_STRV, STARLING_PARAM_FLAGS);
  properties[PROP_VAPID_KEY] =
    g_param_spec_string ("vapid-key", NULL, NULL, NULL, STARLING_PARAM_FLAGS);

  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
starling_client_application_init (StarlingClientApplication *self)
{
}

STARLING_DEFINE_GETTER (StarlingClientApplication, starling_client_application, const char *, name, PROP_NAME, string)
STARLING_DEFINE_GETTER (StarlingClientApplication, starling_client_application, const char *, website, PROP_WEBSITE, string)
STARLING_DEFINE_GETTER (StarlingClientApplication, starling_client_application, const char *, id, PROP_ID, string)
STARLING_DEFINE_GETTER (StarlingClientApplication, starling_client_application, const char *, client_id, PROP_CLIENT_ID, string)
STARLING_DEFINE_GETTER (StarlingClientApplication, starling_client_application, const char *, client_secret, PROP_CLIENT_SECRET, string)
STARLING_DEFINE_GETTER (StarlingClientApplication, starling_client_application, gint64, client_secret_expires_at, PROP_CLIENT_SECRET_EXPIRES_AT, int64)
STARLING_DEFINE_GETTER (StarlingClientApplication, starling_client_application, const char * const *, redirect_uris, PROP_REDIRECT_URIS, boxed)
STARLING_DEFINE_GETTER (StarlingClientApplication, starling_client_application, const char * const *, scopes, PROP_SCOPES, boxed)
STARLING_DEFINE_GETTER (StarlingClientApplication, starling_client_application, const char *, vapid_key, PROP_VAPID_KEY, string)
