/* starling-instance.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include <math.h>
#include <string.h>

#include "starling-rule.h"

#include "starling-instance.h"

/**
 * StarlingInstance:
 *
 * What a server says about itself through the Mastodon API: its name, its
 * rules, and the limits a post must keep to.
 *
 * It reads `/api/v2/instance` (Mastodon 4.0+) and, for older servers and
 * other software, `/api/v1/instance`: each property is taken from the v2
 * member first, then from where the v1 document or the Pleroma family
 * (Pleroma, Akkoma, Friendica, Iceshrimp.NET…) put it (`uri`,
 * `urls.streaming_api`, `max_toot_chars`, `poll_limits`, `upload_limit`),
 * and otherwise holds Mastodon's defaults: 500 characters, 23 per link, 4
 * attachments, 4 poll options of 50 characters. Limits are kept as the
 * server sent them, even 0.
 *
 * `software-name` and `software-version` come from the `version` string
 * that servers other than Mastodon write as
 * `2.7.2 (compatible; Pleroma 2.6.3)`, else from the name of the
 * repository in `source_url`; a server that claims neither is taken for
 * Mastodon. NodeInfo is the better witness where it can be had.
 */
struct _StarlingInstance
{
  StarlingEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (StarlingInstance, starling_instance, STARLING_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_DOMAIN,
  PROP_TITLE,
  PROP_VERSION,
  PROP_SOURCE_URL,
  PROP_DESCRIPTION,
  PROP_API_VERSION,
  PROP_STREAMING_URL,
  PROP_MAX_CHARACTERS,
  PROP_CHARACTERS_RESERVED_PER_URL,
  PROP_MAX_MEDIA_ATTACHMENTS,
  PROP_MAX_POLL_OPTIONS,
  PROP_MAX_CHARACTERS_PER_OPTION,
  PROP_MIN_EXPIRATION,
  PROP_MAX_EXPIRATION,
  PROP_SUPPORTED_MIME_TYPES,
  PROP_IMAGE_SIZE_LIMIT,
  PROP_VIDEO_SIZE_LIMIT,
  PROP_DESCRIPTION_LIMIT,
  PROP_TRANSLATION_ENABLED,
  PROP_REGISTRATIONS_ENABLED,
  PROP_APPROVAL_REQUIRED,
  PROP_CONTACT_EMAIL,
  PROP_CONTACT_ACCOUNT,
  PROP_RULES,
  PROP_THUMBNAIL_URL,
  PROP_LANGUAGES,
  PROP_USERS_ACTIVE_MONTH,
  PROP_USERS_TOTAL,
  PROP_LOCAL_POSTS,
  PROP_DOMAIN_COUNT,
  PROP_SOFTWARE_NAME,
  PROP_SOFTWARE_VERSION,
  PROP_SOFTWARE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Where each property is found: the v2 member, which the decoder reads,
 * then the places older documents and other servers use, in order. */
static const struct {
  guint       prop;
  const char *paths[4];
} sources[] = {
  { PROP_DOMAIN, { "domain", "uri" } },
  { PROP_STREAMING_URL, { "configuration.urls.streaming", "urls.streaming_api" } },
  { PROP_MAX_CHARACTERS, { "configuration.statuses.max_characters", "max_toot_chars" } },
  { PROP_CHARACTERS_RESERVED_PER_URL, { "configuration.statuses.characters_reserved_per_url" } },
  { PROP_MAX_MEDIA_ATTACHMENTS, { "configuration.statuses.max_media_attachments" } },
  { PROP_MAX_POLL_OPTIONS, { "configuration.polls.max_options", "poll_limits.max_options" } },
  { PROP_MAX_CHARACTERS_PER_OPTION, { "configuration.polls.max_characters_per_option",
                                      "poll_limits.max_option_chars" } },
  { PROP_MIN_EXPIRATION, { "configuration.polls.min_expiration", "poll_limits.min_expiration" } },
  { PROP_MAX_EXPIRATION, { "configuration.polls.max_expiration", "poll_limits.max_expiration" } },
  { PROP_SUPPORTED_MIME_TYPES, { "configuration.media_attachments.supported_mime_types" } },
  { PROP_IMAGE_SIZE_LIMIT, { "configuration.media_attachments.image_size_limit", "upload_limit" } },
  { PROP_VIDEO_SIZE_LIMIT, { "configuration.media_attachments.video_size_limit", "upload_limit" } },
  { PROP_DESCRIPTION_LIMIT, { "configuration.media_attachments.description_limit",
                              "description_limit", "pleroma.metadata.description_limit" } },
  { PROP_TRANSLATION_ENABLED, { "configuration.translation.enabled" } },
  { PROP_REGISTRATIONS_ENABLED, { "registrations.enabled", "registrations" } },
  { PROP_APPROVAL_REQUIRED, { "registrations.approval_required", "approval_required" } },
  { PROP_CONTACT_EMAIL, { "contact.email", "email" } },
  { PROP_CONTACT_ACCOUNT, { "contact.account", "contact_account" } },
  { PROP_THUMBNAIL_URL, { "thumbnail.url", "thumbnail" } },
  { PROP_USERS_ACTIVE_MONTH, { "usage.users.active_month", "pleroma.stats.mau" } },
  { PROP_API_VERSION, { "api_versions.mastodon" } },
  { PROP_USERS_TOTAL, { "stats.user_count" } },
  { PROP_LOCAL_POSTS, { "stats.status_count" } },
  { PROP_DOMAIN_COUNT, { "stats.domain_count" } },
};

static GParamSpec *
limit_pspec (const char *name,
             int         default_value)
{
  return g_param_spec_int (name, NULL, NULL, 0, G_MAXINT, default_value, STARLING_PARAM_FLAGS);
}

static GParamSpec *
count_pspec (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, -1, G_MAXINT64, -1, STARLING_PARAM_FLAGS);
}

static GParamSpec *
string_pspec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, STARLING_PARAM_FLAGS);
}

/* The node at a dotted path, as the decoder finds members. */
static JsonNode *
lookup_path (JsonObject *object,
             const char *path)
{
  g_auto (GStrv) steps = g_strsplit (path, ".", -1);
  JsonNode *node = NULL;

  for (guint i = 0; steps[i] != NULL; i++)
    {
      if (object == NULL)
        return NULL;
      node = json_object_get_member (object, steps[i]);
      if (node == NULL)
        return NULL;
      object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }

  return node;
}

/* The conversions below accept what the decoder accepts for the same
 * property type, so that a member the decoder could not use is exactly one
 * that falls back. */
static gboolean
number_from_node (JsonNode *node,
                  gint64   *out)
{
  double number;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *out = json_node_get_int (node);
      return TRUE;
    }

  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    number = json_node_get_double (node);
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);
      char *end = NULL;

      if (text == NULL || *text == '\0')
        return FALSE;
      number = g_ascii_strtod (text, &end);
      if (*end != '\0')
        return FALSE;
    }
  else
    return FALSE;

  if (!isfinite (number))
    return FALSE;

  if (number >= 9.2e18)
    *out = G_MAXINT64;
  else if (number <= -9.2e18)
    *out = G_MININT64;
  else
    *out = (gint64) number;

  return TRUE;
}

static gboolean
boolean_from_node (JsonNode *node,
                   gboolean *out)
{
  const char *text;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    {
      *out = json_node_get_boolean (node);
      return TRUE;
    }
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *out = json_node_get_int (node) != 0;
      return TRUE;
    }
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;

  text = json_node_get_string (node);
  if (g_strcmp0 (text, "true") == 0 || g_strcmp0 (text, "1") == 0)
    *out = TRUE;
  else if (g_strcmp0 (text, "false") == 0 || g_strcmp0 (text, "0") == 0)
    *out = FALSE;
  else
    return FALSE;

  return TRUE;
}

static char *
string_from_node (JsonNode *node)
{
  if (!JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_utf8_make_valid (json_node_get_string (node), -1);

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);

      if (!isfinite (d))
        return NULL;
      if (d == floor (d) && fabs (d) < 1e21)
        return g_strdup_printf ("%.0f", d);
      return g_strdup_printf ("%.17g", d);
    }

  return NULL;
}

/* Converts @node for @pspec into @value (initialized to the property's
 * type). For an entity, @decoder decodes it. */
static gboolean
value_from_node (GParamSpec      *pspec,
                 JsonNode        *node,
                 StarlingDecoder *decoder,
                 GValue          *value)
{
  GType type = pspec->value_type;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return FALSE;

  if (type == G_TYPE_STRING)
    {
      char *text = string_from_node (node);

      if (text == NULL)
        return FALSE;
      g_value_take_string (value, text);
      return TRUE;
    }

  if (type == G_TYPE_BOOLEAN)
    {
      gboolean flag;

      if (!boolean_from_node (node, &flag))
        return FALSE;
      g_value_set_boolean (value, flag);
      return TRUE;
    }

  if (type == G_TYPE_INT || type == G_TYPE_INT64)
    {
      gint64 number;

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        return FALSE;
      if (!number_from_node (node, &number))
        return FALSE;

      if (type == G_TYPE_INT)
        {
          GParamSpecInt *p = G_PARAM_SPEC_INT (pspec);

          g_value_set_int (value, (int) CLAMP (number, p->minimum, p->maximum));
        }
      else
        {
          GParamSpecInt64 *p = G_PARAM_SPEC_INT64 (pspec);

          g_value_set_int64 (value, CLAMP (number, p->minimum, p->maximum));
        }
      return TRUE;
    }

  if (g_type_is_a (type, STARLING_TYPE_ENTITY))
    {
      g_autoptr (GError) local_error = NULL;
      gpointer entity = starling_decoder_decode (decoder, type, node, &local_error);

      if (entity == NULL)
        {
          starling_decoder_note (decoder, "%s unusable: %s", pspec->name, local_error->message);
          return FALSE;
        }
      g_value_take_object (value, entity);
      return TRUE;
    }

  return FALSE;
}

/* Whether the decoder could use the member it read for @pspec. */
static gboolean
has_value (StarlingEntity *self,
           GParamSpec     *pspec,
           JsonNode       *node)
{
  g_auto (GValue) scratch = G_VALUE_INIT;

  if (G_TYPE_IS_OBJECT (pspec->value_type))
    return starling_entity_get_object (self, pspec) != NULL;
  if (G_TYPE_IS_BOXED (pspec->value_type))
    return starling_entity_get_boxed (self, pspec) != NULL;

  g_value_init (&scratch, pspec->value_type);
  return value_from_node (pspec, node, NULL, &scratch);
}

/* `https://social.example/` in a v1 `uri` becomes `social.example`. */
static char *
normalize_domain (const char *text)
{
  const char *start = strstr (text, "://");
  const char *end;

  start = start != NULL ? start + 3 : text;
  end = strchr (start, '/');
  if (end == NULL)
    end = start + strlen (start);

  return g_ascii_strdown (start, end - start);
}

/* Firefish and its forks give the thumbnail as a path on the server. */
static char *
resolve_url (const char *url,
             const char *domain)
{
  if (g_str_has_prefix (url, "//"))
    return g_strconcat ("https:", url, NULL);
  if (url[0] == '/' && domain != NULL)
    return g_strconcat ("https://", domain, url, NULL);

  return g_strdup (url);
}

/* The last part of `https://github.com/superseriousbusiness/gotosocial`,
 * when it names software Starling knows. */
static char *
software_from_source_url (const char *source_url)
{
  g_autofree char *trimmed = NULL;
  const char *slash;
  char *name;

  if (source_url == NULL)
    return NULL;

  trimmed = g_strdup (source_url);
  while (g_str_has_suffix (trimmed, "/"))
    trimmed[strlen (trimmed) - 1] = '\0';
  if (g_str_has_suffix (trimmed, ".git"))
    trimmed[strlen (trimmed) - 4] = '\0';

  slash = strrchr (trimmed, '/');
  if (slash == NULL)
    return NULL;

  name = g_ascii_strdown (slash + 1, -1);
  if (starling_software_from_name (name, NULL) == STARLING_SOFTWARE_UNKNOWN)
    g_clear_pointer (&name, g_free);

  return name;
}

static void
detect_software (StarlingEntity *self)
{
  const char *version = starling_entity_get_string (self, properties[PROP_VERSION]);
  const char *source_url = starling_entity_get_string (self, properties[PROP_SOURCE_URL]);
  g_autofree char *name = NULL;
  g_autofree char *software_version = NULL;
  g_auto (GValue) value = G_VALUE_INIT;

  if (!starling_software_parse_version (version, &name, &software_version))
    {
      name = software_from_source_url (source_url);
      if (name == NULL && version != NULL)
        name = g_strdup ("mastodon");
      software_version = g_strdup (version);
    }

  starling_entity_set_string (self, properties[PROP_SOFTWARE_NAME], name);
  starling_entity_set_string (self, properties[PROP_SOFTWARE_VERSION], software_version);

  g_value_init (&value, STARLING_TYPE_SOFTWARE);
  g_value_set_enum (&value, starling_software_from_name (name, software_version));
  starling_entity_set_value (self, properties[PROP_SOFTWARE], &value);
}

static gboolean
starling_instance_decode_extra (StarlingEntity  *self,
                                JsonObject      *object,
                                StarlingDecoder *decoder,
                                GError         **error)
{
  const char *description;
  const char *domain;
  const char *thumbnail;

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      GParamSpec *pspec = properties[sources[i].prop];

      if (has_value (self, pspec, lookup_path (object, sources[i].paths[0])))
        continue;

      for (guint j = 1; j < G_N_ELEMENTS (sources[i].paths) && sources[i].paths[j] != NULL; j++)
        {
          g_auto (GValue) value = G_VALUE_INIT;

          g_value_init (&value, pspec->value_type);
          if (value_from_node (pspec, lookup_path (object, sources[i].paths[j]), decoder, &value))
            {
              starling_entity_set_value (self, pspec, &value);
              break;
            }
        }
    }

  /* Mastodon's v1 document leaves `description` empty and says it in
   * `short_description`. */
  description = starling_entity_get_string (self, properties[PROP_DESCRIPTION]);
  if (description == NULL || *description == '\0')
    {
      g_autofree char *text = NULL;
      JsonNode *node = json_object_get_member (object, "short_description");

      if (node != NULL && (text = string_from_node (node)) != NULL && *text != '\0')
        starling_entity_set_string (self, properties[PROP_DESCRIPTION], text);
    }

  domain = starling_entity_get_string (self, properties[PROP_DOMAIN]);
  if (domain != NULL)
    {
      g_autofree char *normalized = normalize_domain (domain);

      if (*normalized == '\0')
        g_clear_pointer (&normalized, g_free);
      starling_entity_set_string (self, properties[PROP_DOMAIN], normalized);
      domain = starling_entity_get_string (self, properties[PROP_DOMAIN]);
    }

  thumbnail = starling_entity_get_string (self, properties[PROP_THUMBNAIL_URL]);
  if (thumbnail != NULL)
    {
      g_autofree char *resolved = resolve_url (thumbnail, domain);

      starling_entity_set_string (self, properties[PROP_THUMBNAIL_URL], resolved);
    }

  detect_software (self);

  return TRUE;
}

static void
starling_instance_class_init (StarlingInstanceClass *klass)
{
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  entity_class->decode_extra = starling_instance_decode_extra;

  properties[PROP_DOMAIN] = string_pspec ("domain");
  properties[PROP_TITLE] = string_pspec ("title");
  properties[PROP_VERSION] = string_pspec ("version");
  properties[PROP_SOURCE_URL] = string_pspec ("source-url");
  properties[PROP_DESCRIPTION] = string_pspec ("description");
  properties[PROP_API_VERSION] = limit_pspec ("api-version", 0);
  properties[PROP_STREAMING_URL] = string_pspec ("streaming-url");
  properties[PROP_MAX_CHARACTERS] = limit_pspec ("max-characters", 500);
  properties[PROP_CHARACTERS_RESERVED_PER_URL] = limit_pspec ("characters-reserved-per-url", 23);
  properties[PROP_MAX_MEDIA_ATTACHMENTS] = limit_pspec ("max-media-attachments", 4);
  properties[PROP_MAX_POLL_OPTIONS] = limit_pspec ("max-poll-options", 4);
  properties[PROP_MAX_CHARACTERS_PER_OPTION] = limit_pspec ("max-characters-per-option", 50);
  properties[PROP_MIN_EXPIRATION] =
    g_param_spec_int64 ("min-expiration", NULL, NULL, 0, G_MAXINT64, 300, STARLING_PARAM_FLAGS);
  properties[PROP_MAX_EXPIRATION] =
    g_param_spec_int64 ("max-expiration", NULL, NULL, 0, G_MAXINT64, 2629746, STARLING_PARAM_FLAGS);
  properties[PROP_SUPPORTED_MIME_TYPES] =
    g_param_spec_boxed ("supported-mime-types", NULL, NULL, G_TYPE_STRV, STARLING_PARAM_FLAGS);
  properties[PROP_IMAGE_SIZE_LIMIT] =
    g_param_spec_int64 ("image-size-limit", NULL, NULL, 0, G_MAXINT64, 16777216, STARLING_PARAM_FLAGS);
  properties[PROP_VIDEO_SIZE_LIMIT] =
    g_param_spec_int64 ("video-size-limit", NULL, NULL, 0, G_MAXINT64, 103809024, STARLING_PARAM_FLAGS);
  properties[PROP_DESCRIPTION_LIMIT] = limit_pspec ("description-limit", 1500);
  properties[PROP_TRANSLATION_ENABLED] =
    g_param_spec_boolean ("translation-enabled", NULL, NULL, FALSE, STARLING_PARAM_FLAGS);
  properties[PROP_REGISTRATIONS_ENABLED] =
    g_param_spec_boolean ("registrations-enabled", NULL, NULL, FALSE, STARLING_PARAM_FLAGS);
  properties[PROP_APPROVAL_REQUIRED] =
    g_param_spec_boolean ("approval-required", NULL, NULL, FALSE, STARLING_PARAM_FLAGS);
  properties[PROP_CONTACT_EMAIL] = string_pspec ("contact-email");
  properties[PROP_CONTACT_ACCOUNT] =
    g_param_spec_object ("contact-account", NULL, NULL, STARLING_TYPE_ACCOUNT, STARLING_PARAM_FLAGS);
  properties[PROP_RULES] = starling_param_spec_set_element_type (
    g_param_spec_boxed ("rules", NULL, NULL, G_TYPE_PTR_ARRAY, STARLING_PARAM_FLAGS),
    STARLING_TYPE_RULE);
  properties[PROP_THUMBNAIL_URL] = string_pspec ("thumbnail-url");
  properties[PROP_LANGUAGES] =
    g_param_spec_boxed ("languages", NULL, NULL, G_TYPE_STRV, STARLING_PARAM_FLAGS);
  properties[PROP_USERS_ACTIVE_MONTH] = count_pspec ("users-active-month");
  properties[PROP_USERS_TOTAL] = count_pspec ("users-total");
  properties[PROP_LOCAL_POSTS] = count_pspec ("local-posts");
  properties[PROP_DOMAIN_COUNT] = count_pspec ("domain-count");
  properties[PROP_SOFTWARE_NAME] = starling_param_spec_set_local (string_pspec ("software-name"));
  properties[PROP_SOFTWARE_VERSION] = starling_param_spec_set_local (string_pspec ("software-version"));
  properties[PROP_SOFTWARE] = starling_param_spec_set_local (
    g_param_spec_enum ("software", NULL, NULL, STARLING_TYPE_SOFTWARE,
                       STARLING_SOFTWARE_UNKNOWN, STARLING_PARAM_FLAGS));

  /* The decoder reads the first place of each; decode_extra the others. */
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    starling_param_spec_set_member (properties[sources[i].prop], sources[i].paths[0]);

  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
starling_instance_init (StarlingInstance *self)
{
}

STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, const char *, domain, PROP_DOMAIN, string)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, const char *, title, PROP_TITLE, string)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, const char *, version, PROP_VERSION, string)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, const char *, source_url, PROP_SOURCE_URL, string)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, const char *, description, PROP_DESCRIPTION, string)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, int, api_version, PROP_API_VERSION, int)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, const char *, streaming_url, PROP_STREAMING_URL, string)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, int, max_characters, PROP_MAX_CHARACTERS, int)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, int, characters_reserved_per_url, PROP_CHARACTERS_RESERVED_PER_URL, int)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, int, max_media_attachments, PROP_MAX_MEDIA_ATTACHMENTS, int)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, int, max_poll_options, PROP_MAX_POLL_OPTIONS, int)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, int, max_characters_per_option, PROP_MAX_CHARACTERS_PER_OPTION, int)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, gint64, min_expiration, PROP_MIN_EXPIRATION, int64)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, gint64, max_expiration, PROP_MAX_EXPIRATION, int64)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, const char * const *, supported_mime_types, PROP_SUPPORTED_MIME_TYPES, boxed)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, gint64, image_size_limit, PROP_IMAGE_SIZE_LIMIT, int64)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, gint64, video_size_limit, PROP_VIDEO_SIZE_LIMIT, int64)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, int, description_limit, PROP_DESCRIPTION_LIMIT, int)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, gboolean, translation_enabled, PROP_TRANSLATION_ENABLED, boolean)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, gboolean, registrations_enabled, PROP_REGISTRATIONS_ENABLED, boolean)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, gboolean, approval_required, PROP_APPROVAL_REQUIRED, boolean)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, const char *, contact_email, PROP_CONTACT_EMAIL, string)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, StarlingAccount *, contact_account, PROP_CONTACT_ACCOUNT, object)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, GPtrArray *, rules, PROP_RULES, boxed)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, const char *, thumbnail_url, PROP_THUMBNAIL_URL, string)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, const char * const *, languages, PROP_LANGUAGES, boxed)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, gint64, users_active_month, PROP_USERS_ACTIVE_MONTH, int64)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, gint64, users_total, PROP_USERS_TOTAL, int64)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, gint64, local_posts, PROP_LOCAL_POSTS, int64)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, gint64, domain_count, PROP_DOMAIN_COUNT, int64)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, const char *, software_name, PROP_SOFTWARE_NAME, string)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, const char *, software_version, PROP_SOFTWARE_VERSION, string)
STARLING_DEFINE_GETTER (StarlingInstance, starling_instance, StarlingSoftware, software, PROP_SOFTWARE, enum)

/**
 * starling_instance_new_default:
 * @domain: (nullable): the server's domain
 *
 * An instance for a server that answered neither instance document: the
 * limits are Mastodon's defaults (500 characters, 23 per link, 4
 * attachments, 4 poll options of 50 characters), nothing else is known.
 *
 * Returns: (transfer full): the instance
 */
StarlingInstance *
starling_instance_new_default (const char *domain)
{
  StarlingInstance *self = g_object_new (STARLING_TYPE_INSTANCE, NULL);

  if (domain != NULL)
    {
      g_autofree char *normalized = normalize_domain (domain);

      starling_entity_set_string (STARLING_ENTITY (self), properties[PROP_DOMAIN],
                                  *normalized != '\0' ? normalized : NULL);
    }

  return self;
}
