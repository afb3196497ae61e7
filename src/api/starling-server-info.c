/* starling-server-info.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-api"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "starling-api-error.h"

#include "starling-server-info.h"

/**
 * StarlingServerInfo:
 *
 * What Starling learned about a server before signing in: its NodeInfo
 * (which software, how many users) and its Mastodon API instance document
 * (name, limits). Either may be missing: many servers hide NodeInfo, and
 * some (Misskey, PeerTube…) have no Mastodon API, which is what
 * #StarlingServerInfo:speaks-mastodon-api says. NodeInfo is the better
 * witness of the software; the instance's `version` string is the fallback.
 *
 * Immutable: every property is read-only and set at construction.
 */
struct _StarlingServerInfo
{
  GObject           parent_instance;

  char             *base_uri;
  char             *domain;
  StarlingNodeInfo *nodeinfo;
  StarlingInstance *instance;
};

G_DEFINE_FINAL_TYPE (StarlingServerInfo, starling_server_info, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URI,
  PROP_DOMAIN,
  PROP_TITLE,
  PROP_SOFTWARE,
  PROP_SOFTWARE_VERSION,
  PROP_QUIRKS,
  PROP_USERS_TOTAL,
  PROP_SPEAKS_MASTODON_API,
  PROP_NODEINFO,
  PROP_INSTANCE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
starling_server_info_finalize (GObject *object)
{
  StarlingServerInfo *self = (StarlingServerInfo *)object;

  g_free (self->base_uri);
  g_free (self->domain);
  g_clear_object (&self->nodeinfo);
  g_clear_object (&self->instance);

  G_OBJECT_CLASS (starling_server_info_parent_class)->finalize (object);
}

static void
starling_server_info_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  StarlingServerInfo *self = STARLING_SERVER_INFO (object);

  switch (prop_id)
    {
    case PROP_BASE_URI:
      g_value_set_string (value, self->base_uri);
      break;

    case PROP_DOMAIN:
      g_value_set_string (value, self->domain);
      break;

    case PROP_TITLE:
      g_value_take_string (value, starling_server_info_dup_title (self));
      break;

    case PROP_SOFTWARE:
      g_value_set_enum (value, starling_server_info_get_software (self));
      break;

    case PROP_SOFTWARE_VERSION:
      g_value_set_string (value, starling_server_info_get_software_version (self));
      break;

    case PROP_QUIRKS:
      g_value_set_flags (value, starling_server_info_get_quirks (self));
      break;

    case PROP_USERS_TOTAL:
      g_value_set_int64 (value, starling_server_info_get_users_total (self));
      break;

    case PROP_SPEAKS_MASTODON_API:
      g_value_set_boolean (value, starling_server_info_get_speaks_mastodon_api (self));
      break;

    case PROP_NODEINFO:
      g_value_set_object (value, self->nodeinfo);
      break;

    case PROP_INSTANCE:
      g_value_set_object (value, self->instance);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_server_info_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  StarlingServerInfo *self = STARLING_SERVER_INFO (object);

  switch (prop_id)
    {
    case PROP_BASE_URI:
      self->base_uri = g_value_dup_string (value);
      break;

    case PROP_NODEINFO:
      self->nodeinfo = g_value_dup_object (value);
      break;

    case PROP_INSTANCE:
      self->instance = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_server_info_constructed (GObject *object)
{
  StarlingServerInfo *self = STARLING_SERVER_INFO (object);
  g_autoptr (GUri) uri = NULL;

  G_OBJECT_CLASS (starling_server_info_parent_class)->constructed (object);

  if (self->base_uri != NULL)
    uri = g_uri_parse (self->base_uri, G_URI_FLAGS_NONE, NULL);
  self->domain = g_strdup (uri != NULL && g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : "");
}

static void
starling_server_info_class_init (StarlingServerInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = starling_server_info_constructed;
  object_class->finalize = starling_server_info_finalize;
  object_class->get_property = starling_server_info_get_property;
  object_class->set_property = starling_server_info_set_property;

  properties[PROP_BASE_URI] =
    g_param_spec_string ("base-uri", NULL, NULL, NULL, construct);
  properties[PROP_DOMAIN] =
    g_param_spec_string ("domain", NULL, NULL, NULL, read_only);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, read_only);
  properties[PROP_SOFTWARE] =
    g_param_spec_enum ("software", NULL, NULL, STARLING_TYPE_SOFTWARE,
                       STARLING_SOFTWARE_UNKNOWN, read_only);
  properties[PROP_SOFTWARE_VERSION] =
    g_param_spec_string ("software-version", NULL, NULL, NULL, read_only);
  properties[PROP_QUIRKS] =
    g_param_spec_flags ("quirks", NULL, NULL, STARLING_TYPE_SOFTWARE_QUIRKS,
                        STARLING_SOFTWARE_QUIRK_NONE, read_only);
  properties[PROP_USERS_TOTAL] =
    g_param_spec_int64 ("users-total", NULL, NULL, -1, G_MAXINT64, -1, read_only);
  properties[PROP_SPEAKS_MASTODON_API] =
    g_param_spec_boolean ("speaks-mastodon-api", NULL, NULL, FALSE, read_only);
  properties[PROP_NODEINFO] =
    g_param_spec_object ("nodeinfo", NULL, NULL, STARLING_TYPE_NODEINFO, construct);
  properties[PROP_INSTANCE] =
    g_param_spec_object ("instance", NULL, NULL, STARLING_TYPE_INSTANCE, construct);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
starling_server_info_init (StarlingServerInfo *self)
{
}

/**
 * starling_server_info_new:
 * @base_uri: the server, as `https://host`
 * @nodeinfo: (nullable): its NodeInfo, if it gave one
 * @instance: (nullable): its Mastodon API instance document, if it has one
 *
 * Returns: (transfer full): a new #StarlingServerInfo
 */
StarlingServerInfo *
starling_server_info_new (const char       *base_uri,
                          StarlingNodeInfo *nodeinfo,
                          StarlingInstance *instance)
{
  g_return_val_if_fail (base_uri != NULL, NULL);
  g_return_val_if_fail (nodeinfo == NULL || STARLING_IS_NODEINFO (nodeinfo), NULL);
  g_return_val_if_fail (instance == NULL || STARLING_IS_INSTANCE (instance), NULL);

  return g_object_new (STARLING_TYPE_SERVER_INFO,
                       "base-uri", base_uri,
                       "nodeinfo", nodeinfo,
                       "instance", instance,
                       NULL);
}

/**
 * starling_server_info_get_base_uri:
 * @self: a #StarlingServerInfo
 *
 * Returns: the server's address, as `https://host`
 */
const char *
starling_server_info_get_base_uri (StarlingServerInfo *self)
{
  g_return_val_if_fail (STARLING_IS_SERVER_INFO (self), NULL);
  return self->base_uri;
}

/**
 * starling_server_info_get_domain:
 * @self: a #StarlingServerInfo
 *
 * Returns: the server's host name
 */
const char *
starling_server_info_get_domain (StarlingServerInfo *self)
{
  g_return_val_if_fail (STARLING_IS_SERVER_INFO (self), NULL);
  return self->domain;
}

/**
 * starling_server_info_dup_title:
 * @self: a #StarlingServerInfo
 *
 * The server's name: the instance's title, else NodeInfo's `nodeName`,
 * else its domain.
 *
 * Returns: (transfer full): the name to show
 */
char *
starling_server_info_dup_title (StarlingServerInfo *self)
{
  const char *title = NULL;

  g_return_val_if_fail (STARLING_IS_SERVER_INFO (self), NULL);

  if (self->instance != NULL)
    title = starling_instance_get_title (self->instance);
  if ((title == NULL || *title == '\0') && self->nodeinfo != NULL)
    title = starling_nodeinfo_get_node_name (self->nodeinfo);
  if (title == NULL || *title == '\0')
    title = self->domain;

  return g_strdup (title);
}

/**
 * starling_server_info_get_software:
 * @self: a #StarlingServerInfo
 *
 * Returns: the server's software, from NodeInfo where it gave one
 */
StarlingSoftware
starling_server_info_get_software (StarlingServerInfo *self)
{
  g_return_val_if_fail (STARLING_IS_SERVER_INFO (self), STARLING_SOFTWARE_UNKNOWN);

  if (self->nodeinfo != NULL &&
      starling_nodeinfo_get_software (self->nodeinfo) != STARLING_SOFTWARE_UNKNOWN)
    return starling_nodeinfo_get_software (self->nodeinfo);

  if (self->instance != NULL)
    return starling_instance_get_software (self->instance);

  return STARLING_SOFTWARE_UNKNOWN;
}

/**
 * starling_server_info_get_software_version:
 * @self: a #StarlingServerInfo
 *
 * Returns: (nullable): the version of the server's software
 */
const char *
starling_server_info_get_software_version (StarlingServerInfo *self)
{
  const char *version = NULL;

  g_return_val_if_fail (STARLING_IS_SERVER_INFO (self), NULL);

  if (self->nodeinfo != NULL)
    version = starling_nodeinfo_get_software_version (self->nodeinfo);
  if ((version == NULL || *version == '\0') && self->instance != NULL)
    version = starling_instance_get_software_version (self->instance);

  return version;
}

/**
 * starling_server_info_get_quirks:
 * @self: a #StarlingServerInfo
 *
 * Returns: the workarounds the server's software needs
 */
StarlingSoftwareQuirks
starling_server_info_get_quirks (StarlingServerInfo *self)
{
  g_return_val_if_fail (STARLING_IS_SERVER_INFO (self), STARLING_SOFTWARE_QUIRK_NONE);

  return starling_software_get_quirks (starling_server_info_get_software (self));
}

/**
 * starling_server_info_get_users_total:
 * @self: a #StarlingServerInfo
 *
 * Returns: how many accounts the server has, or -1 when it does not say
 */
gint64
starling_server_info_get_users_total (StarlingServerInfo *self)
{
  gint64 users = -1;

  g_return_val_if_fail (STARLING_IS_SERVER_INFO (self), -1);

  if (self->nodeinfo != NULL)
    users = starling_nodeinfo_get_users_total (self->nodeinfo);
  if (users < 0 && self->instance != NULL)
    users = starling_instance_get_users_total (self->instance);

  return users;
}

/**
 * starling_server_info_get_speaks_mastodon_api:
 * @self: a #StarlingServerInfo
 *
 * Returns: whether the server answered the Mastodon API's instance
 *   endpoint, so Starling can sign in to it
 */
gboolean
starling_server_info_get_speaks_mastodon_api (StarlingServerInfo *self)
{
  g_return_val_if_fail (STARLING_IS_SERVER_INFO (self), FALSE);
  return self->instance != NULL;
}

/**
 * starling_server_info_get_nodeinfo:
 * @self: a #StarlingServerInfo
 *
 * Returns: (transfer none) (nullable): the NodeInfo, if the server gave one
 */
StarlingNodeInfo *
starling_server_info_get_nodeinfo (StarlingServerInfo *self)
{
  g_return_val_if_fail (STARLING_IS_SERVER_INFO (self), NULL);
  return self->nodeinfo;
}

/**
 * starling_server_info_get_instance:
 * @self: a #StarlingServerInfo
 *
 * Returns: (transfer none) (nullable): the instance document, if the server
 *   has the Mastodon API
 */
StarlingInstance *
starling_server_info_get_instance (StarlingServerInfo *self)
{
  g_return_val_if_fail (STARLING_IS_SERVER_INFO (self), NULL);
  return self->instance;
}

/**
 * starling_server_info_check_mastodon_api:
 * @self: a #StarlingServerInfo
 * @error: return location for a #StarlingApiError
 *
 * Fails with %STARLING_API_ERROR_NOT_FOUND and a sentence that names the
 * software (“this server runs Misskey, which does not offer the Mastodon
 * API”) when Starling cannot sign in to the server.
 *
 * Returns: %TRUE when the server speaks the Mastodon API
 */
gboolean
starling_server_info_check_mastodon_api (StarlingServerInfo  *self,
                                         GError             **error)
{
  StarlingSoftware software;

  g_return_val_if_fail (STARLING_IS_SERVER_INFO (self), FALSE);

  if (self->instance != NULL)
    return TRUE;

  software = starling_server_info_get_software (self);
  if (software != STARLING_SOFTWARE_UNKNOWN)
    g_set_error (error, STARLING_API_ERROR, STARLING_API_ERROR_NOT_FOUND,
                 _("%s runs %s, which does not offer the Mastodon API that Starling signs in with"),
                 self->domain, starling_software_get_display_name (software));
  else if (self->nodeinfo != NULL)
    g_set_error (error, STARLING_API_ERROR, STARLING_API_ERROR_NOT_FOUND,
                 _("%s runs “%s”, which does not offer the Mastodon API that Starling signs in with"),
                 self->domain, starling_nodeinfo_get_software_name (self->nodeinfo));
  else
    g_set_error (error, STARLING_API_ERROR, STARLING_API_ERROR_NOT_FOUND,
                 _("%s does not offer the Mastodon API that Starling signs in with"),
                 self->domain);

  return FALSE;
}
