/* starling-software.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * StarlingSoftware:
 * @STARLING_SOFTWARE_UNKNOWN: software Starling does not know
 * @STARLING_SOFTWARE_MASTODON: Mastodon
 * @STARLING_SOFTWARE_GLITCH: glitch-soc, a Mastodon fork (`+glitch` versions)
 * @STARLING_SOFTWARE_HOMETOWN: Hometown, a Mastodon fork (`+hometown` versions)
 * @STARLING_SOFTWARE_GOTOSOCIAL: GoToSocial
 * @STARLING_SOFTWARE_PLEROMA: Pleroma
 * @STARLING_SOFTWARE_AKKOMA: Akkoma, a Pleroma fork
 * @STARLING_SOFTWARE_PIXELFED: Pixelfed
 * @STARLING_SOFTWARE_FRIENDICA: Friendica
 * @STARLING_SOFTWARE_MISSKEY: Misskey, which has no Mastodon API
 * @STARLING_SOFTWARE_SHARKEY: Sharkey, a Misskey fork
 * @STARLING_SOFTWARE_FIREFISH: Firefish (formerly Calckey), a Misskey fork
 * @STARLING_SOFTWARE_ICESHRIMP: Iceshrimp (JS), a Firefish fork
 * @STARLING_SOFTWARE_ICESHRIMP_NET: Iceshrimp.NET, a rewrite with a native
 *   Mastodon API
 * @STARLING_SOFTWARE_CATODON: Catodon, a Firefish fork
 * @STARLING_SOFTWARE_PEERTUBE: PeerTube
 * @STARLING_SOFTWARE_LEMMY: Lemmy
 * @STARLING_SOFTWARE_MBIN: Mbin (and kbin, its origin)
 * @STARLING_SOFTWARE_THREADS: Threads, Meta's service
 * @STARLING_SOFTWARE_SNAC: snac
 * @STARLING_SOFTWARE_HOLLO: Hollo
 * @STARLING_SOFTWARE_WRITEFREELY: WriteFreely
 * @STARLING_SOFTWARE_BOOKWYRM: BookWyrm
 * @STARLING_SOFTWARE_DIASPORA: diaspora*
 * @STARLING_SOFTWARE_HUBZILLA: Hubzilla
 * @STARLING_SOFTWARE_FUNKWHALE: Funkwhale
 * @STARLING_SOFTWARE_TAKAHE: Takahē
 * @STARLING_SOFTWARE_MITRA: Mitra
 * @STARLING_SOFTWARE_WORDPRESS: WordPress with its ActivityPub plugin
 *
 * The server software of a fediverse server, as NodeInfo's
 * `software.name` or the Mastodon API's `version` string say. The nick of
 * each value is the lowercase name servers use.
 */
typedef enum
{
  STARLING_SOFTWARE_UNKNOWN,
  STARLING_SOFTWARE_MASTODON,
  STARLING_SOFTWARE_GLITCH,
  STARLING_SOFTWARE_HOMETOWN,
  STARLING_SOFTWARE_GOTOSOCIAL,
  STARLING_SOFTWARE_PLEROMA,
  STARLING_SOFTWARE_AKKOMA,
  STARLING_SOFTWARE_PIXELFED,
  STARLING_SOFTWARE_FRIENDICA,
  STARLING_SOFTWARE_MISSKEY,
  STARLING_SOFTWARE_SHARKEY,
  STARLING_SOFTWARE_FIREFISH,
  STARLING_SOFTWARE_ICESHRIMP,
  STARLING_SOFTWARE_ICESHRIMP_NET,
  STARLING_SOFTWARE_CATODON,
  STARLING_SOFTWARE_PEERTUBE,
  STARLING_SOFTWARE_LEMMY,
  STARLING_SOFTWARE_MBIN,
  STARLING_SOFTWARE_THREADS,
  STARLING_SOFTWARE_SNAC,
  STARLING_SOFTWARE_HOLLO,
  STARLING_SOFTWARE_WRITEFREELY,
  STARLING_SOFTWARE_BOOKWYRM,
  STARLING_SOFTWARE_DIASPORA,
  STARLING_SOFTWARE_HUBZILLA,
  STARLING_SOFTWARE_FUNKWHALE,
  STARLING_SOFTWARE_TAKAHE,
  STARLING_SOFTWARE_MITRA,
  STARLING_SOFTWARE_WORDPRESS,
} StarlingSoftware;

/**
 * StarlingSoftwareQuirks:
 * @STARLING_SOFTWARE_QUIRK_NONE: the server behaves like Mastodon
 * @STARLING_SOFTWARE_QUIRK_NO_CLIENT_API: no Mastodon client API at all:
 *   the server can be counted, not signed in to
 * @STARLING_SOFTWARE_QUIRK_NO_STREAMING: no streaming API: poll instead
 * @STARLING_SOFTWARE_QUIRK_NO_SSE: streaming over WebSocket only, no
 *   server-sent events
 * @STARLING_SOFTWARE_QUIRK_NO_NOTIFICATION_TYPES: `types[]` on notifications
 *   is ignored: filter with `exclude_types[]`
 * @STARLING_SOFTWARE_QUIRK_JSON_BODIES: posting needs a JSON body, and a
 *   POST without a body must not claim `Content-Type: application/json`
 * @STARLING_SOFTWARE_QUIRK_UNRELIABLE_LINK_HEADERS: `Link` pagination is
 *   partial: page with `max_id` from the last item when it is missing
 * @STARLING_SOFTWARE_QUIRK_FLAT_MEDIA_META: media `meta` sizes are not
 *   nested under `original`
 * @STARLING_SOFTWARE_QUIRK_UPDATE_CREDENTIALS_POST: profile updates must be
 *   `POST`, not `PATCH`
 * @STARLING_SOFTWARE_QUIRK_MEDIA_UPDATE_JSON: `PUT /api/v1/media/:id` wants
 *   a JSON body
 * @STARLING_SOFTWARE_QUIRK_NO_LISTS: no lists
 * @STARLING_SOFTWARE_QUIRK_NO_MARKERS: no read markers
 * @STARLING_SOFTWARE_QUIRK_MEDIA_REQUIRED: a local post needs media; text
 *   alone is refused
 * @STARLING_SOFTWARE_QUIRK_EDIT_RETURNS_NOTHING: editing a status returns no
 *   status: fetch it again
 * @STARLING_SOFTWARE_QUIRK_NO_STATUS_SOURCE: no `/statuses/:id/source`
 * @STARLING_SOFTWARE_QUIRK_NO_ACCOUNT_LOOKUP: no `/accounts/lookup`
 * @STARLING_SOFTWARE_QUIRK_NO_SCHEDULED_STATUSES: no scheduled posts
 * @STARLING_SOFTWARE_QUIRK_NO_TRANSLATION: no translation
 * @STARLING_SOFTWARE_QUIRK_NO_TRENDS: no trends
 * @STARLING_SOFTWARE_QUIRK_NO_FEATURED_TAGS: no featured tags
 * @STARLING_SOFTWARE_QUIRK_NO_FOLLOWED_TAGS: hashtags cannot be followed
 * @STARLING_SOFTWARE_QUIRK_NO_FILTERS_V2: no (or unreliable) filters v2
 * @STARLING_SOFTWARE_QUIRK_FOLLOW_REQUEST_IDS: follow requests are answered
 *   by their own id, not the account's
 * @STARLING_SOFTWARE_QUIRK_TOKENS_EXPIRE: tokens may expire and come with a
 *   refresh token
 * @STARLING_SOFTWARE_QUIRK_MFM_CONTENT: content may be Misskey-flavoured
 *   markup rather than HTML
 * @STARLING_SOFTWARE_QUIRK_EXACT_REDIRECT_PORT: the port of a loopback
 *   redirect URI must match the registered one exactly (no RFC 8252 §7.3
 *   leeway): register the app for the port of each sign-in
 *
 * The workarounds a server's software needs, from the notes on servers
 * that speak the Mastodon API. They are hints for choosing a code path; a
 * request that fails with 404, 405 or 501 still means "not here".
 */
typedef enum /*< flags >*/
{
  STARLING_SOFTWARE_QUIRK_NONE                     = 0,
  STARLING_SOFTWARE_QUIRK_NO_CLIENT_API            = 1 << 0,
  STARLING_SOFTWARE_QUIRK_NO_STREAMING             = 1 << 1,
  STARLING_SOFTWARE_QUIRK_NO_SSE                   = 1 << 2,
  STARLING_SOFTWARE_QUIRK_NO_NOTIFICATION_TYPES    = 1 << 3,
  STARLING_SOFTWARE_QUIRK_JSON_BODIES              = 1 << 4,
  STARLING_SOFTWARE_QUIRK_UNRELIABLE_LINK_HEADERS  = 1 << 5,
  STARLING_SOFTWARE_QUIRK_FLAT_MEDIA_META          = 1 << 6,
  STARLING_SOFTWARE_QUIRK_UPDATE_CREDENTIALS_POST  = 1 << 7,
  STARLING_SOFTWARE_QUIRK_MEDIA_UPDATE_JSON        = 1 << 8,
  STARLING_SOFTWARE_QUIRK_NO_LISTS                 = 1 << 9,
  STARLING_SOFTWARE_QUIRK_NO_MARKERS               = 1 << 10,
  STARLING_SOFTWARE_QUIRK_MEDIA_REQUIRED           = 1 << 11,
  STARLING_SOFTWARE_QUIRK_EDIT_RETURNS_NOTHING     = 1 << 12,
  STARLING_SOFTWARE_QUIRK_NO_STATUS_SOURCE         = 1 << 13,
  STARLING_SOFTWARE_QUIRK_NO_ACCOUNT_LOOKUP        = 1 << 14,
  STARLING_SOFTWARE_QUIRK_NO_SCHEDULED_STATUSES    = 1 << 15,
  STARLING_SOFTWARE_QUIRK_NO_TRANSLATION           = 1 << 16,
  STARLING_SOFTWARE_QUIRK_NO_TRENDS                = 1 << 17,
  STARLING_SOFTWARE_QUIRK_NO_FEATURED_TAGS         = 1 << 18,
  STARLING_SOFTWARE_QUIRK_NO_FOLLOWED_TAGS         = 1 << 19,
  STARLING_SOFTWARE_QUIRK_NO_FILTERS_V2            = 1 << 20,
  STARLING_SOFTWARE_QUIRK_FOLLOW_REQUEST_IDS       = 1 << 21,
  STARLING_SOFTWARE_QUIRK_TOKENS_EXPIRE            = 1 << 22,
  STARLING_SOFTWARE_QUIRK_MFM_CONTENT              = 1 << 23,
  STARLING_SOFTWARE_QUIRK_EXACT_REDIRECT_PORT      = 1 << 24,
} StarlingSoftwareQuirks;

#define STARLING_TYPE_SOFTWARE (starling_software_get_type ())
#define STARLING_TYPE_SOFTWARE_QUIRKS (starling_software_quirks_get_type ())

GType                   starling_software_get_type         (void) G_GNUC_CONST;
GType                   starling_software_quirks_get_type  (void) G_GNUC_CONST;

StarlingSoftware        starling_software_from_name        (const char       *name,
                                                            const char       *version);
const char             *starling_software_get_name         (StarlingSoftware  software);
const char             *starling_software_get_display_name (StarlingSoftware  software);
StarlingSoftwareQuirks  starling_software_get_quirks       (StarlingSoftware  software);
gboolean                starling_software_parse_version    (const char       *version,
                                                            char            **name,
                                                            char            **software_version);

G_END_DECLS
