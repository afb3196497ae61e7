/* starling-nodeinfo.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include <string.h>

#include "starling-nodeinfo.h"

/**
 * StarlingNodeInfo:
 *
 * A server's NodeInfo document (schema 2.0 or 2.1), the public description
 * any fediverse server gives of itself before anyone signs in: which
 * software it runs, and how many people use it.
 *
 * Real documents are sloppy: Friendica sends `"users": {}`, Sharkey sends
 * `activeHalfyear: null`, GoToSocial leaves the activity counts out and
 * Akkoma's `metadata` runs to 30 KB. Everything but `software.name` is
 * optional, and the user and post counts are -1 when the server does not
 * give them. `software-name` is lowercase, and `software` tells the known
 * kinds apart, glitch-soc and Hometown included.
 */
struct _StarlingNodeInfo
{
  StarlingEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (StarlingNodeInfo, starling_nodeinfo, STARLING_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_SCHEMA_VERSION,
  PROP_SOFTWARE_NAME,
  PROP_SOFTWARE_VERSION,
  PROP_SOFTWARE_REPOSITORY,
  PROP_SOFTWARE_HOMEPAGE,
  PROP_SOFTWARE,
  PROP_PROTOCOLS,
  PROP_SERVICES_INBOUND,
  PROP_SERVICES_OUTBOUND,
  PROP_OPEN_REGISTRATIONS,
  PROP_USERS_TOTAL,
  PROP_USERS_ACTIVE_MONTH,
  PROP_USERS_ACTIVE_HALFYEAR,
  PROP_LOCAL_POSTS,
  PROP_LOCAL_COMMENTS,
  PROP_NODE_NAME,
  PROP_NODE_DESCRIPTION,
  PROP_FEATURES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The NodeInfo schemas we read, best first. Servers write the `rel` with
 * http; a few write https. */
static const struct {
  const char *rel;
  guint       rank;
} schemas[] = {
  { "http://nodeinfo.diaspora.software/ns/schema/2.1", 2 },
  { "https://nodeinfo.diaspora.software/ns/schema/2.1", 2 },
  { "http://nodeinfo.diaspora.software/ns/schema/2.0", 1 },
  { "https://nodeinfo.diaspora.software/ns/schema/2.0", 1 },
};

static GParamSpec *
count_pspec (const char *name,
             const char *member)
{
  return starling_param_spec_set_member (
    g_param_spec_int64 (name, NULL, NULL, -1, G_MAXINT64, -1, STARLING_PARAM_FLAGS),
    member);
}

static guint
rank_rel (const char *rel)
{
  for (guint i = 0; i < G_N_ELEMENTS (schemas); i++)
    if (g_str_equal (rel, schemas[i].rel))
      return schemas[i].rank;

  return 0;
}

static const char *
get_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
is_web_address (const char *href)
{
  g_autoptr (GUri) uri = g_uri_parse (href, G_URI_FLAGS_NONE, NULL);
  const char *scheme;

  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  return g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0;
}

static gboolean
starling_nodeinfo_decode_extra (StarlingEntity  *entity,
                                JsonObject      *object,
                                StarlingDecoder *decoder,
                                GError         **error)
{
  const char *name = starling_entity_get_string (entity, properties[PROP_SOFTWARE_NAME]);
  const char *version = starling_entity_get_string (entity, properties[PROP_SOFTWARE_VERSION]);
  g_autofree char *folded = NULL;
  g_auto (GValue) value = G_VALUE_INIT;

  /* The schema says the name is lowercase; not every server read it. */
  folded = g_utf8_strdown (name, -1);
  starling_entity_set_string (entity, properties[PROP_SOFTWARE_NAME], folded);

  g_value_init (&value, STARLING_TYPE_SOFTWARE);
  g_value_set_enum (&value, starling_software_from_name (folded, version));
  starling_entity_set_value (entity, properties[PROP_SOFTWARE], &value);

  return TRUE;
}

static void
starling_nodeinfo_class_init (StarlingNodeInfoClass *klass)
{
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  entity_class->decode_extra = starling_nodeinfo_decode_extra;

  properties[PROP_SCHEMA_VERSION] = starling_param_spec_set_member (
    g_param_spec_string ("schema-version", NULL, NULL, NULL, STARLING_PARAM_FLAGS),
    "version");
  properties[PROP_SOFTWARE_NAME] = starling_param_spec_required (starling_param_spec_set_member (
    g_param_spec_string ("software-name", NULL, NULL, NULL, STARLING_PARAM_FLAGS),
    "software.name"));
  properties[PROP_SOFTWARE_VERSION] = starling_param_spec_set_member (
    g_param_spec_string ("software-version", NULL, NULL, NULL, STARLING_PARAM_FLAGS),
    "software.version");
  properties[PROP_SOFTWARE_REPOSITORY] = starling_param_spec_set_member (
    g_param_spec_string ("software-repository", NULL, NULL, NULL, STARLING_PARAM_FLAGS),
    "software.repository");
  properties[PROP_SOFTWARE_HOMEPAGE] = starling_param_spec_set_member (
    g_param_spec_string ("software-homepage", NULL, NULL, NULL, STARLING_PARAM_FLAGS),
    "software.homepage");
  properties[PROP_SOFTWARE] = starling_param_spec_set_local (
    g_param_spec_enum ("software", NULL, NULL, STARLING_TYPE_SOFTWARE,
                       STARLING_SOFTWARE_UNKNOWN, STARLING_PARAM_FLAGS));
  properties[PROP_PROTOCOLS] =
    g_param_spec_boxed ("protocols", NULL, NULL, G_TYPE_STRV, STARLING_PARAM_FLAGS);
  properties[PROP_SERVICES_INBOUND] = starling_param_spec_set_member (
    g_param_spec_boxed ("services-inbound", NULL, NULL, G_TYPE_STRV, STARLING_PARAM_FLAGS),
    "services.inbound");
  properties[PROP_SERVICES_OUTBOUND] = starling_param_spec_set_member (
    g_param_spec_boxed ("services-outbound", NULL, NULL, G_TYPE_STRV, STARLING_PARAM_FLAGS),
    "services.outbound");
  properties[PROP_OPEN_REGISTRATIONS] = starling_param_spec_set_member (
    g_param_spec_boolean ("open-registrations", NULL, NULL, FALSE, STARLING_PARAM_FLAGS),
    "openRegistrations");
  properties[PROP_USERS_TOTAL] = count_pspec ("users-total", "usage.users.total");
  properties[PROP_USERS_ACTIVE_MONTH] = count_pspec ("users-active-month", "usage.users.activeMonth");
  properties[PROP_USERS_ACTIVE_HALFYEAR] = count_pspec ("users-active-halfyear", "usage.users.activeHalfyear");
  properties[PROP_LOCAL_POSTS] = count_pspec ("local-posts", "usage.localPosts");
  properties[PROP_LOCAL_COMMENTS] = count_pspec ("local-comments", "usage.localComments");
  properties[PROP_NODE_NAME] = starling_param_spec_set_member (
    g_param_spec_string ("node-name", NULL, NULL, NULL, STARLING_PARAM_FLAGS),
    "metadata.nodeName");
  properties[PROP_NODE_DESCRIPTION] = starling_param_spec_set_member (
    g_param_spec_string ("node-description", NULL, NULL, NULL, STARLING_PARAM_FLAGS),
    "metadata.nodeDescription");
  properties[PROP_FEATURES] = starling_param_spec_set_member (
    g_param_spec_boxed ("features", NULL, NULL, G_TYPE_STRV, STARLING_PARAM_FLAGS),
    "metadata.features");

  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
starling_nodeinfo_init (StarlingNodeInfo *self)
{
}

STARLING_DEFINE_GETTER (StarlingNodeInfo, starling_nodeinfo, const char *, schema_version, PROP_SCHEMA_VERSION, string)
STARLING_DEFINE_GETTER (StarlingNodeInfo, starling_nodeinfo, const char *, software_name, PROP_SOFTWARE_NAME, string)
STARLING_DEFINE_GETTER (StarlingNodeInfo, starling_nodeinfo, const char *, software_version, PROP_SOFTWARE_VERSION, string)
STARLING_DEFINE_GETTER (StarlingNodeInfo, starling_nodeinfo, const char *, software_repository, PROP_SOFTWARE_REPOSITORY, string)
STARLING_DEFINE_GETTER (StarlingNodeInfo, starling_nodeinfo, const char *, software_homepage, PROP_SOFTWARE_HOMEPAGE, string)
STARLING_DEFINE_GETTER (StarlingNodeInfo, starling_nodeinfo, StarlingSoftware, software, PROP_SOFTWARE, enum)
STARLING_DEFINE_GETTER (StarlingNodeInfo, starling_nodeinfo, const char * const *, protocols, PROP_PROTOCOLS, boxed)
STARLING_DEFINE_GETTER (StarlingNodeInfo, starling_nodeinfo, const char * const *, services_inbound, PROP_SERVICES_INBOUND, boxed)
STARLING_DEFINE_GETTER (StarlingNodeInfo, starling_nodeinfo, const char * const *, services_outbound, PROP_SERVICES_OUTBOUND, boxed)
STARLING_DEFINE_GETTER (StarlingNodeInfo, starling_nodeinfo, gboolean, open_registrations, PROP_OPEN_REGISTRATIONS, boolean)
STARLING_DEFINE_GETTER (StarlingNodeInfo, starling_nodeinfo, gint64, users_total, PROP_USERS_TOTAL, int64)
STARLING_DEFINE_GETTER (StarlingNodeInfo, starling_nodeinfo, gint64, users_active_month, PROP_USERS_ACTIVE_MONTH, int64)
STARLING_DEFINE_GETTER (StarlingNodeInfo, starling_nodeinfo, gint64, users_active_halfyear, PROP_USERS_ACTIVE_HALFYEAR, int64)
STARLING_DEFINE_GETTER (StarlingNodeInfo, starling_nodeinfo, gint64, local_posts, PROP_LOCAL_POSTS, int64)
STARLING_DEFINE_GETTER (StarlingNodeInfo, starling_nodeinfo, gint64, local_comments, PROP_LOCAL_COMMENTS, int64)
STARLING_DEFINE_GETTER (StarlingNodeInfo, starling_nodeinfo, const char *, node_name, PROP_NODE_NAME, string)
STARLING_DEFINE_GETTER (StarlingNodeInfo, starling_nodeinfo, const char *, node_description, PROP_NODE_DESCRIPTION, string)
STARLING_DEFINE_GETTER (StarlingNodeInfo, starling_nodeinfo, const char * const *, features, PROP_FEATURES, boxed)

/**
 * starling_nodeinfo_pick_link:
 * @wellknown: the document at `/.well-known/nodeinfo`
 * @error: return location for a #GError
 *
 * Chooses the NodeInfo document to fetch: the link of the highest schema
 * Starling reads (2.1, then 2.0), recognised by its `rel`. The path is
 * never guessed, as servers differ (Pleroma serves `/nodeinfo/2.0.json`),
 * and links that are not NodeInfo, such as Mastodon's link to its instance
 * actor, are passed over. Only http and https addresses are accepted.
 *
 * Fails with %STARLING_MODEL_ERROR_WRONG_TYPE when @wellknown is not an
 * object with a `links` list, and %STARLING_MODEL_ERROR_MISSING_FIELD when
 * no link is usable.
 *
 * Returns: (transfer full): the address of the NodeInfo document
 */
char *
starling_nodeinfo_pick_link (JsonNode  *wellknown,
                             GError   **error)
{
  const char *best = NULL;
  guint best_rank = 0;
  JsonNode *links_node;
  JsonArray *links;

  if (wellknown == NULL || !JSON_NODE_HOLDS_OBJECT (wellknown))
    {
      g_set_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_WRONG_TYPE,
                   "The NodeInfo discovery document is not an object (%s)",
                   wellknown != NULL ? json_node_type_name (wellknown) : "nothing");
      return NULL;
    }

  links_node = json_object_get_member (json_node_get_object (wellknown), "links");
  if (links_node == NULL || !JSON_NODE_HOLDS_ARRAY (links_node))
    {
      g_set_error_literal (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_WRONG_TYPE,
                           "The NodeInfo discovery document has no list of links");
      return NULL;
    }

  links = json_node_get_array (links_node);
  for (guint i = 0; i < json_array_get_length (links); i++)
    {
      JsonNode *element = json_array_get_element (links, i);
      JsonObject *link;
      const char *rel;
      const char *href;
      guint rank;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      link = json_node_get_object (element);
      rel = get_string_member (link, "rel");
      href = get_string_member (link, "href");
      if (rel == NULL || href == NULL)
        continue;

      rank = rank_rel (rel);
      if (rank > best_rank && is_web_address (href))
        {
          best = href;
          best_rank = rank;
        }
    }

  if (best == NULL)
    {
      g_set_error_literal (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_MISSING_FIELD,
                           "The server links no NodeInfo 2.0 or 2.1 document");
      return NULL;
    }

  return g_strdup (best);
}
