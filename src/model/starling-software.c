/* starling-software.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include <string.h>

#include "starling-software.h"

G_DEFINE_ENUM_TYPE (StarlingSoftware, starling_software,
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_MASTODON, "mastodon"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_GLITCH, "glitch"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_HOMETOWN, "hometown"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_GOTOSOCIAL, "gotosocial"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_PLEROMA, "pleroma"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_AKKOMA, "akkoma"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_PIXELFED, "pixelfed"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_FRIENDICA, "friendica"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_MISSKEY, "misskey"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_SHARKEY, "sharkey"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_FIREFISH, "firefish"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_ICESHRIMP, "iceshrimp"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_ICESHRIMP_NET, "iceshrimp.net"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_CATODON, "catodon"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_PEERTUBE, "peertube"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_LEMMY, "lemmy"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_MBIN, "mbin"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_THREADS, "threads"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_SNAC, "snac"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_HOLLO, "hollo"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_WRITEFREELY, "writefreely"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_BOOKWYRM, "bookwyrm"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_DIASPORA, "diaspora"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_HUBZILLA, "hubzilla"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_FUNKWHALE, "funkwhale"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_TAKAHE, "takahe"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_MITRA, "mitra"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_WORDPRESS, "wordpress"))

G_DEFINE_FLAGS_TYPE (StarlingSoftwareQuirks, starling_software_quirks,
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_QUIRK_NONE, "none"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_QUIRK_NO_CLIENT_API, "no-client-api"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_QUIRK_NO_STREAMING, "no-streaming"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_QUIRK_NO_SSE, "no-sse"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_QUIRK_NO_NOTIFICATION_TYPES, "no-notification-types"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_QUIRK_JSON_BODIES, "json-bodies"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_QUIRK_UNRELIABLE_LINK_HEADERS, "unreliable-link-headers"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_QUIRK_FLAT_MEDIA_META, "flat-media-meta"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_QUIRK_UPDATE_CREDENTIALS_POST, "update-credentials-post"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_QUIRK_MEDIA_UPDATE_JSON, "media-update-json"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_QUIRK_NO_LISTS, "no-lists"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_QUIRK_NO_MARKERS, "no-markers"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_QUIRK_MEDIA_REQUIRED, "media-required"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_QUIRK_EDIT_RETURNS_NOTHING, "edit-returns-nothing"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_QUIRK_NO_STATUS_SOURCE, "no-status-source"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_QUIRK_NO_ACCOUNT_LOOKUP, "no-account-lookup"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_QUIRK_NO_SCHEDULED_STATUSES, "no-scheduled-statuses"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_QUIRK_NO_TRANSLATION, "no-translation"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_QUIRK_NO_TRENDS, "no-trends"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_QUIRK_NO_FEATURED_TAGS, "no-featured-tags"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_QUIRK_NO_FOLLOWED_TAGS, "no-followed-tags"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_QUIRK_NO_FILTERS_V2, "no-filters-v2"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_QUIRK_FOLLOW_REQUEST_IDS, "follow-request-ids"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_QUIRK_TOKENS_EXPIRE, "tokens-expire"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_QUIRK_MFM_CONTENT, "mfm-content"),
  G_DEFINE_ENUM_VALUE (STARLING_SOFTWARE_QUIRK_EXACT_REDIRECT_PORT, "exact-redirect-port"))

/* Other names the same software goes by in NodeInfo or version strings. */
static const struct {
  const char       *name;
  StarlingSoftware  software;
} aliases[] = {
  { "glitch-soc", STARLING_SOFTWARE_GLITCH },
  { "calckey", STARLING_SOFTWARE_FIREFISH },
  { "iceshrimp-net", STARLING_SOFTWARE_ICESHRIMP_NET },
  { "kbin", STARLING_SOFTWARE_MBIN },
  { "snac2", STARLING_SOFTWARE_SNAC },
  { "diaspora*", STARLING_SOFTWARE_DIASPORA },
  { "takahē", STARLING_SOFTWARE_TAKAHE },
};

/**
 * starling_software_from_name:
 * @name: (nullable): a software name, as NodeInfo's `software.name`
 *   (case does not matter)
 * @version: (nullable): its version, which tells Mastodon's forks apart
 *
 * Glitch-soc and Hometown call themselves `mastodon` and add `+glitch` or
 * `+hometown` to their version; this tells them apart from Mastodon.
 *
 * Returns: the software, or %STARLING_SOFTWARE_UNKNOWN
 */
StarlingSoftware
starling_software_from_name (const char *name,
                             const char *version)
{
  g_autoptr (GEnumClass) klass = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *folded = NULL;
  GEnumValue *value;

  if (name == NULL)
    return STARLING_SOFTWARE_UNKNOWN;

  trimmed = g_strstrip (g_strdup (name));
  folded = g_utf8_strdown (trimmed, -1);
  if (*folded == '\0')
    return STARLING_SOFTWARE_UNKNOWN;

  if (g_str_equal (folded, "mastodon") && version != NULL)
    {
      if (strstr (version, "+glitch") != NULL)
        return STARLING_SOFTWARE_GLITCH;
      if (strstr (version, "+hometown") != NULL)
        return STARLING_SOFTWARE_HOMETOWN;
    }

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_str_equal (folded, aliases[i].name))
      return aliases[i].software;

  klass = g_type_class_ref (STARLING_TYPE_SOFTWARE);
  value = g_enum_get_value_by_nick (klass, folded);
  if (value == NULL)
    return STARLING_SOFTWARE_UNKNOWN;

  return value->value;
}

/**
 * starling_software_get_name:
 * @software: a software
 *
 * Returns: the lowercase name servers of @software report, as
 *   `gotosocial`; `unknown` for %STARLING_SOFTWARE_UNKNOWN
 */
const char *
starling_software_get_name (StarlingSoftware software)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (STARLING_TYPE_SOFTWARE);
  GEnumValue *value = g_enum_get_value (klass, software);

  g_return_val_if_fail (value != NULL, NULL);

  /* Nicks are static strings: they outlive the class reference. */
  return value->value_nick;
}

/**
 * starling_software_get_display_name:
 * @software: a software
 *
 * Product names are not translated.
 *
 * Returns: (nullable): the name to show, as "GoToSocial"; %NULL for
 *   %STARLING_SOFTWARE_UNKNOWN, where the server's own name is the one to
 *   show
 */
const char *
starling_software_get_display_name (StarlingSoftware software)
{
  switch (software)
    {
    case STARLING_SOFTWARE_UNKNOWN:
      return NULL;
    case STARLING_SOFTWARE_MASTODON:
      return "Mastodon";
    case STARLING_SOFTWARE_GLITCH:
      return "Glitch-soc";
    case STARLING_SOFTWARE_HOMETOWN:
      return "Hometown";
    case STARLING_SOFTWARE_GOTOSOCIAL:
      return "GoToSocial";
    case STARLING_SOFTWARE_PLEROMA:
      return "Pleroma";
    case STARLING_SOFTWARE_AKKOMA:
      return "Akkoma";
    case STARLING_SOFTWARE_PIXELFED:
      return "Pixelfed";
    case STARLING_SOFTWARE_FRIENDICA:
      return "Friendica";
    case STARLING_SOFTWARE_MISSKEY:
      return "Misskey";
    case STARLING_SOFTWARE_SHARKEY:
      return "Sharkey";
    case STARLING_SOFTWARE_FIREFISH:
      return "Firefish";
    case STARLING_SOFTWARE_ICESHRIMP:
      return "Iceshrimp";
    case STARLING_SOFTWARE_ICESHRIMP_NET:
      return "Iceshrimp.NET";
    case STARLING_SOFTWARE_CATODON:
      return "Catodon";
    case STARLING_SOFTWARE_PEERTUBE:
      return "PeerTube";
    case STARLING_SOFTWARE_LEMMY:
      return "Lemmy";
    case STARLING_SOFTWARE_MBIN:
      return "Mbin";
    case STARLING_SOFTWARE_THREADS:
      return "Threads";
    case STARLING_SOFTWARE_SNAC:
      return "snac";
    case STARLING_SOFTWARE_HOLLO:
      return "Hollo";
    case STARLING_SOFTWARE_WRITEFREELY:
      return "WriteFreely";
    case STARLING_SOFTWARE_BOOKWYRM:
      return "BookWyrm";
    case STARLING_SOFTWARE_DIASPORA:
      return "diaspora*";
    case STARLING_SOFTWARE_HUBZILLA:
      return "Hubzilla";
    case STARLING_SOFTWARE_FUNKWHALE:
      return "Funkwhale";
    case STARLING_SOFTWARE_TAKAHE:
      return "Takahē";
    case STARLING_SOFTWARE_MITRA:
      return "Mitra";
    case STARLING_SOFTWARE_WORDPRESS:
      return "WordPress";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * starling_software_get_quirks:
 * @software: a software
 *
 * The workarounds that servers of @software need, as far as the notes on
 * them go (TootSDK's capability tables, the servers' own documentation).
 * Mastodon and its forks need none. Software that federates but has no
 * Mastodon client API (Misskey itself, PeerTube, Lemmy, Threads…) has
 * %STARLING_SOFTWARE_QUIRK_NO_CLIENT_API.
 *
 * Returns: the workarounds
 */
StarlingSoftwareQuirks
starling_software_get_quirks (StarlingSoftware software)
{
  /* Forks of Misskey speak the Mastodon API through a compatibility layer
   * with the same gaps. */
  const StarlingSoftwareQuirks misskey_layer =
    STARLING_SOFTWARE_QUIRK_NO_STREAMING |
    STARLING_SOFTWARE_QUIRK_UNRELIABLE_LINK_HEADERS |
    STARLING_SOFTWARE_QUIRK_MFM_CONTENT;

  switch (software)
    {
    case STARLING_SOFTWARE_UNKNOWN:
    case STARLING_SOFTWARE_MASTODON:
    case STARLING_SOFTWARE_GLITCH:
    case STARLING_SOFTWARE_HOMETOWN:
    case STARLING_SOFTWARE_SNAC:
    case STARLING_SOFTWARE_HOLLO:
    case STARLING_SOFTWARE_TAKAHE:
    case STARLING_SOFTWARE_MITRA:
    case STARLING_SOFTWARE_ICESHRIMP_NET:
      return STARLING_SOFTWARE_QUIRK_NONE;

    case STARLING_SOFTWARE_GOTOSOCIAL:
      return STARLING_SOFTWARE_QUIRK_NO_SCHEDULED_STATUSES |
             STARLING_SOFTWARE_QUIRK_NO_TRANSLATION |
             STARLING_SOFTWARE_QUIRK_NO_TRENDS |
             STARLING_SOFTWARE_QUIRK_NO_FEATURED_TAGS;

    case STARLING_SOFTWARE_PLEROMA:
    case STARLING_SOFTWARE_AKKOMA:
      return STARLING_SOFTWARE_QUIRK_NO_SSE |
             STARLING_SOFTWARE_QUIRK_NO_FEATURED_TAGS |
             STARLING_SOFTWARE_QUIRK_NO_FOLLOWED_TAGS |
             STARLING_SOFTWARE_QUIRK_NO_FILTERS_V2 |
             STARLING_SOFTWARE_QUIRK_TOKENS_EXPIRE |
             STARLING_SOFTWARE_QUIRK_EXACT_REDIRECT_PORT;

    case STARLING_SOFTWARE_PIXELFED:
      return STARLING_SOFTWARE_QUIRK_NO_STREAMING |
             STARLING_SOFTWARE_QUIRK_UPDATE_CREDENTIALS_POST |
             STARLING_SOFTWARE_QUIRK_MEDIA_UPDATE_JSON |
             STARLING_SOFTWARE_QUIRK_NO_LISTS |
             STARLING_SOFTWARE_QUIRK_NO_MARKERS |
             STARLING_SOFTWARE_QUIRK_MEDIA_REQUIRED |
             STARLING_SOFTWARE_QUIRK_EDIT_RETURNS_NOTHING |
             STARLING_SOFTWARE_QUIRK_NO_STATUS_SOURCE |
             STARLING_SOFTWARE_QUIRK_NO_ACCOUNT_LOOKUP |
             STARLING_SOFTWARE_QUIRK_TOKENS_EXPIRE;

    case STARLING_SOFTWARE_FRIENDICA:
      return STARLING_SOFTWARE_QUIRK_NO_STREAMING |
             STARLING_SOFTWARE_QUIRK_NO_NOTIFICATION_TYPES |
             STARLING_SOFTWARE_QUIRK_FOLLOW_REQUEST_IDS;

    case STARLING_SOFTWARE_SHARKEY:
      return misskey_layer |
             STARLING_SOFTWARE_QUIRK_NO_NOTIFICATION_TYPES |
             STARLING_SOFTWARE_QUIRK_JSON_BODIES |
             STARLING_SOFTWARE_QUIRK_NO_FILTERS_V2;

    case STARLING_SOFTWARE_FIREFISH:
    case STARLING_SOFTWARE_CATODON:
      return misskey_layer | STARLING_SOFTWARE_QUIRK_FLAT_MEDIA_META;

    case STARLING_SOFTWARE_ICESHRIMP:
      return misskey_layer;

    case STARLING_SOFTWARE_MISSKEY:
    case STARLING_SOFTWARE_PEERTUBE:
    case STARLING_SOFTWARE_LEMMY:
    case STARLING_SOFTWARE_MBIN:
    case STARLING_SOFTWARE_THREADS:
    case STARLING_SOFTWARE_WRITEFREELY:
    case STARLING_SOFTWARE_BOOKWYRM:
    case STARLING_SOFTWARE_DIASPORA:
    case STARLING_SOFTWARE_HUBZILLA:
    case STARLING_SOFTWARE_FUNKWHALE:
    case STARLING_SOFTWARE_WORDPRESS:
      return STARLING_SOFTWARE_QUIRK_NO_CLIENT_API;

    default:
      g_return_val_if_reached (STARLING_SOFTWARE_QUIRK_NONE);
    }
}

/**
 * starling_software_parse_version:
 * @version: (nullable): the `version` of a Mastodon API instance document
 * @name: (out) (optional) (transfer full): the software's name, lowercase
 * @software_version: (out) (optional) (transfer full) (nullable): its own
 *   version
 *
 * Reads the `X.Y.Z (compatible; Software 1.2.3)` form that servers other
 * than Mastodon put in their instance document's `version` (Pleroma
 * documents it; Akkoma, Friendica, Pixelfed and the Misskey forks follow),
 * as in `2.7.2 (compatible; Akkoma 3.10.4-0-gebfb617)` or
 * `4.2.1 (compatible; Iceshrimp.NET/2024.1)`.
 *
 * Returns: %TRUE when @version has that form
 */
gboolean
starling_software_parse_version (const char  *version,
                                 char       **name,
                                 char       **software_version)
{
  static const char marker[] = "(compatible;";
  g_autofree char *inside = NULL;
  const char *start;
  const char *end;
  char *separator;

  if (name != NULL)
    *name = NULL;
  if (software_version != NULL)
    *software_version = NULL;

  if (version == NULL || (start = strstr (version, marker)) == NULL)
    return FALSE;

  start += strlen (marker);
  end = strchr (start, ')');
  if (end == NULL)
    end = start + strlen (start);

  inside = g_strstrip (g_strndup (start, end - start));
  if (*inside == '\0')
    return FALSE;

  /* The name ends at a space or a slash ("Iceshrimp.NET/2024.1"). */
  separator = strpbrk (inside, " /");
  if (separator != NULL)
    *separator++ = '\0';

  if (name != NULL)
    *name = g_utf8_strdown (inside, -1);
  if (software_version != NULL && separator != NULL)
    {
      g_strstrip (separator);
      if (*separator != '\0')
        *software_version = g_strdup (separator);
    }

  return TRUE;
}
