/* test-instance.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "model/starling-instance.h"
#include "model/starling-rule.h"

#include "starling-test-data.h"

/* Decodes a whole fixture, asserting it decodes as a Instance. */
#define decode_fixture(path) ((StarlingInstance *) starling_test_decode_fixture (STARLING_TYPE_INSTANCE, (path)))

static StarlingInstance *
decode_text (const char *json)
{
  g_autoptr (JsonNode) node = starling_json_parse (json, -1, NULL);
  g_autoptr (GError) error = NULL;
  StarlingInstance *instance;

  g_assert_nonnull (node);
  instance = starling_entity_decode (STARLING_TYPE_INSTANCE, node, NULL, &error);
  g_assert_no_error (error);

  return instance;
}

static void
assert_defaults (StarlingInstance *instance)
{
  g_assert_cmpint (starling_instance_get_max_characters (instance), ==, 500);
  g_assert_cmpint (starling_instance_get_characters_reserved_per_url (instance), ==, 23);
  g_assert_cmpint (starling_instance_get_max_media_attachments (instance), ==, 4);
  g_assert_cmpint (starling_instance_get_max_poll_options (instance), ==, 4);
  g_assert_cmpint (starling_instance_get_max_characters_per_option (instance), ==, 50);
  g_assert_cmpint (starling_instance_get_min_expiration (instance), ==, 300);
  g_assert_cmpint (starling_instance_get_max_expiration (instance), ==, 2629746);
  g_assert_cmpint (starling_instance_get_image_size_limit (instance), ==, 16777216);
  g_assert_cmpint (starling_instance_get_video_size_limit (instance), ==, 103809024);
  g_assert_cmpint (starling_instance_get_description_limit (instance), ==, 1500);
  g_assert_cmpint (starling_instance_get_api_version (instance), ==, 0);
  g_assert_cmpint (starling_instance_get_users_active_month (instance), ==, -1);
  g_assert_cmpint (starling_instance_get_users_total (instance), ==, -1);
  g_assert_null (starling_instance_get_streaming_url (instance));
  g_assert_null (starling_instance_get_supported_mime_types (instance));
  g_assert_false (starling_instance_get_translation_enabled (instance));
}

static void
test_v2_mastodon (void)
{
  g_autoptr (StarlingInstance) instance = decode_fixture ("mastodon/instance-v2.json");
  const char * const *types;
  GPtrArray *rules;
  StarlingAccount *contact;

  g_assert_cmpstr (starling_instance_get_domain (instance), ==, "mastodon.social");
  g_assert_cmpstr (starling_instance_get_title (instance), ==, "Mastodon");
  g_assert_cmpstr (starling_instance_get_version (instance), ==, "4.5.0-nightly.2025-07-11");
  g_assert_cmpstr (starling_instance_get_source_url (instance), ==, "https://github.com/mastodon/mastodon");
  g_assert_cmpstr (starling_instance_get_description (instance), ==,
                   "The original server operated by the Mastodon gGmbH non-profit");
  g_assert_cmpint (starling_instance_get_api_version (instance), ==, 6);
  g_assert_cmpstr (starling_instance_get_streaming_url (instance), ==, "wss://streaming.mastodon.social");

  g_assert_cmpint (starling_instance_get_max_characters (instance), ==, 500);
  g_assert_cmpint (starling_instance_get_characters_reserved_per_url (instance), ==, 23);
  g_assert_cmpint (starling_instance_get_max_media_attachments (instance), ==, 4);
  g_assert_cmpint (starling_instance_get_max_poll_options (instance), ==, 4);
  g_assert_cmpint (starling_instance_get_max_characters_per_option (instance), ==, 50);
  g_assert_cmpint (starling_instance_get_min_expiration (instance), ==, 300);
  g_assert_cmpint (starling_instance_get_max_expiration (instance), ==, 2629746);
  g_assert_cmpint (starling_instance_get_image_size_limit (instance), ==, 16777216);
  g_assert_cmpint (starling_instance_get_video_size_limit (instance), ==, 103809024);
  g_assert_cmpint (starling_instance_get_description_limit (instance), ==, 1500);

  types = starling_instance_get_supported_mime_types (instance);
  g_assert_nonnull (types);
  g_assert_cmpuint (g_strv_length ((GStrv) types), ==, 28);
  g_assert_true (g_strv_contains (types, "image/avif"));
  g_assert_cmpstr (types[0], ==, "image/jpeg");

  g_assert_true (starling_instance_get_translation_enabled (instance));
  g_assert_true (starling_instance_get_registrations_enabled (instance));
  g_assert_false (starling_instance_get_approval_required (instance));

  g_assert_cmpstr (starling_instance_get_contact_email (instance), ==, "staff@mastodon.social");
  contact = starling_instance_get_contact_account (instance);
  g_assert_nonnull (contact);
  g_assert_cmpstr (starling_account_get_id (contact), ==, "13179");
  g_assert_cmpstr (starling_account_get_acct (contact), ==, "Mastodon");

  rules = starling_instance_get_rules (instance);
  g_assert_cmpuint (rules->len, ==, 6);
  g_assert_cmpstr (starling_rule_get_id (rules->pdata[0]), ==, "1");
  g_assert_true (g_str_has_prefix (starling_rule_get_text (rules->pdata[0]), "Sexually explicit"));
  g_assert_true (g_str_has_prefix (starling_rule_get_hint (rules->pdata[0]), "This includes content"));
  g_assert_cmpstr (starling_rule_get_id (rules->pdata[5]), ==, "1008");

  g_assert_cmpstr (starling_instance_get_thumbnail_url (instance), ==,
                   "https://files.mastodon.social/site_uploads/files/000/000/001/@1x/57c12f441d083cde.png");
  g_assert_cmpuint (g_strv_length ((GStrv) starling_instance_get_languages (instance)), ==, 1);
  g_assert_cmpstr (starling_instance_get_languages (instance)[0], ==, "en");
  g_assert_cmpint (starling_instance_get_users_active_month (instance), ==, 279347);
  g_assert_cmpint (starling_instance_get_users_total (instance), ==, -1);

  g_assert_cmpstr (starling_instance_get_software_name (instance), ==, "mastodon");
  g_assert_cmpstr (starling_instance_get_software_version (instance), ==, "4.5.0-nightly.2025-07-11");
  g_assert_cmpint (starling_instance_get_software (instance), ==, STARLING_SOFTWARE_MASTODON);
}

static void
test_v1_mastodon (void)
{
  g_autoptr (StarlingInstance) instance = decode_fixture ("mastodon/instance-v1.json");

  /* v1 says `uri` and `urls.streaming_api`. */
  g_assert_cmpstr (starling_instance_get_domain (instance), ==, "mastodon.social");
  g_assert_cmpstr (starling_instance_get_streaming_url (instance), ==, "wss://mastodon.social");
  g_assert_cmpstr (starling_instance_get_version (instance), ==, "3.5.3");
  /* Its `description` is empty; `short_description` says it. */
  g_assert_cmpstr (starling_instance_get_description (instance), ==,
                   "The original server operated by the Mastodon gGmbH non-profit");
  g_assert_cmpint (starling_instance_get_api_version (instance), ==, 0);

  /* v1 configuration (3.4.2+) is where v2's is. */
  g_assert_cmpint (starling_instance_get_max_characters (instance), ==, 500);
  g_assert_cmpint (starling_instance_get_max_media_attachments (instance), ==, 4);
  g_assert_cmpint (starling_instance_get_image_size_limit (instance), ==, 10485760);
  g_assert_cmpint (starling_instance_get_video_size_limit (instance), ==, 41943040);
  g_assert_cmpint (starling_instance_get_description_limit (instance), ==, 1500);
  g_assert_cmpuint (g_strv_length ((GStrv) starling_instance_get_supported_mime_types (instance)), ==, 25);

  /* Registrations are a plain boolean in v1. */
  g_assert_false (starling_instance_get_registrations_enabled (instance));
  g_assert_false (starling_instance_get_approval_required (instance));
  g_assert_cmpstr (starling_instance_get_contact_email (instance), ==, "staff@mastodon.social");
  g_assert_cmpstr (starling_account_get_acct (starling_instance_get_contact_account (instance)), ==, "Gargron");
  /* The thumbnail is a plain URL in v1. */
  g_assert_cmpstr (starling_instance_get_thumbnail_url (instance), ==,
                   "https://files.mastodon.social/site_uploads/files/000/000/001/original/vlcsnap-2018-08-27-16h43m11s127.png");
  g_assert_cmpuint (starling_instance_get_rules (instance)->len, ==, 6);

  g_assert_cmpint (starling_instance_get_users_total (instance), ==, 812303);
  g_assert_cmpint (starling_instance_get_local_posts (instance), ==, 38151616);
  g_assert_cmpint (starling_instance_get_domain_count (instance), ==, 25255);
  g_assert_cmpint (starling_instance_get_users_active_month (instance), ==, -1);

  g_assert_cmpstr (starling_instance_get_software_name (instance), ==, "mastodon");
  g_assert_cmpstr (starling_instance_get_software_version (instance), ==, "3.5.3");
}

static void
test_akkoma (void)
{
  g_autoptr (StarlingInstance) instance = decode_fixture ("other-servers/instance_akkoma.json");

  /* Pleroma-family v1: `uri` is a URL, limits are in their own places. */
  g_assert_cmpstr (starling_instance_get_domain (instance), ==, "social.thisworksonmycomputer.local");
  g_assert_cmpint (starling_instance_get_max_characters (instance), ==, 5000);
  g_assert_cmpint (starling_instance_get_max_poll_options (instance), ==, 20);
  g_assert_cmpint (starling_instance_get_max_characters_per_option (instance), ==, 200);
  g_assert_cmpint (starling_instance_get_min_expiration (instance), ==, 0);
  g_assert_cmpint (starling_instance_get_max_expiration (instance), ==, 31536000);
  g_assert_cmpint (starling_instance_get_image_size_limit (instance), ==, 16000000);
  g_assert_cmpint (starling_instance_get_video_size_limit (instance), ==, 16000000);
  g_assert_cmpint (starling_instance_get_description_limit (instance), ==, 5000);
  /* What it does not say keeps Mastodon's defaults. */
  g_assert_cmpint (starling_instance_get_max_media_attachments (instance), ==, 4);
  g_assert_cmpint (starling_instance_get_characters_reserved_per_url (instance), ==, 23);
  g_assert_null (starling_instance_get_supported_mime_types (instance));

  g_assert_cmpstr (starling_instance_get_streaming_url (instance), ==, "wss://social.thisworksonmycomputer.local");
  g_assert_true (starling_instance_get_registrations_enabled (instance));
  g_assert_true (starling_instance_get_approval_required (instance));
  g_assert_cmpstr (starling_instance_get_contact_email (instance), ==, "toot@social.thisworksonmycomputer.local");
  g_assert_null (starling_instance_get_contact_account (instance));
  g_assert_cmpint (starling_instance_get_users_active_month (instance), ==, 5);
  g_assert_cmpint (starling_instance_get_users_total (instance), ==, 5);
  g_assert_cmpstr (starling_instance_get_description (instance), ==, "Akkoma: The cooler fediverse server");

  g_assert_cmpstr (starling_instance_get_software_name (instance), ==, "akkoma");
  g_assert_cmpstr (starling_instance_get_software_version (instance), ==, "3.10.4-0-gebfb617");
  g_assert_cmpint (starling_instance_get_software (instance), ==, STARLING_SOFTWARE_AKKOMA);
  g_assert_true (starling_software_get_quirks (starling_instance_get_software (instance)) &
                 STARLING_SOFTWARE_QUIRK_NO_SSE);
}

static void
test_pleroma_v2 (void)
{
  g_autoptr (StarlingInstance) instance = decode_fixture ("other-servers/instancev2_pleroma.json");

  g_assert_cmpstr (starling_instance_get_domain (instance), ==, "fgc.network");
  g_assert_cmpint (starling_instance_get_max_characters (instance), ==, 5000);
  /* Sent as 0: kept, not replaced by the default. */
  g_assert_cmpint (starling_instance_get_characters_reserved_per_url (instance), ==, 0);
  g_assert_cmpint (starling_instance_get_max_media_attachments (instance), ==, 10);
  g_assert_cmpint (starling_instance_get_description_limit (instance), ==, 5000);
  g_assert_cmpint (starling_instance_get_image_size_limit (instance), ==, 50000000);
  g_assert_null (starling_instance_get_contact_account (instance));
  g_assert_cmpstr (starling_instance_get_contact_email (instance), ==, "example@example.com");
  g_assert_cmpint (starling_instance_get_users_active_month (instance), ==, 288);
  g_assert_cmpstr (starling_instance_get_streaming_url (instance), ==, "wss://fgc.network");
  g_assert_cmpstr (starling_instance_get_software_name (instance), ==, "pleroma");
  g_assert_cmpstr (starling_instance_get_software_version (instance), ==, "2.7.0-70-g36d469cf");
  g_assert_cmpint (starling_instance_get_software (instance), ==, STARLING_SOFTWARE_PLEROMA);
}

static void
test_friendica (void)
{
  g_autoptr (StarlingInstance) v1 = decode_fixture ("other-servers/instance_friendica_nocontact.json");
  g_autoptr (StarlingInstance) v2 = decode_fixture ("other-servers/instancev2_friendica.json");
  StarlingAccount *contact;

  /* `contact_account: []` and `urls: null`. */
  g_assert_null (starling_instance_get_contact_account (v1));
  g_assert_null (starling_instance_get_streaming_url (v1));
  g_assert_cmpstr (starling_instance_get_contact_email (v1), ==, "");
  g_assert_cmpint (starling_instance_get_max_characters (v1), ==, 200000);
  g_assert_cmpstr (starling_instance_get_languages (v1)[0], ==, "fr");
  g_assert_cmpint (starling_instance_get_users_total (v1), ==, 0);
  g_assert_cmpstr (starling_instance_get_software_name (v1), ==, "friendica");
  g_assert_cmpstr (starling_instance_get_software_version (v1), ==, "2023.05");
  g_assert_cmpint (starling_instance_get_software (v1), ==, STARLING_SOFTWARE_FRIENDICA);

  g_assert_cmpstr (starling_instance_get_domain (v2), ==, "friendica.me");
  g_assert_cmpint (starling_instance_get_max_characters (v2), ==, 200000);
  g_assert_cmpint (starling_instance_get_max_media_attachments (v2), ==, 99);
  g_assert_cmpint (starling_instance_get_max_poll_options (v2), ==, 0);
  g_assert_cmpuint (starling_instance_get_rules (v2)->len, ==, 64);
  g_assert_cmpint (starling_instance_get_users_active_month (v2), ==, 19);
  g_assert_false (starling_instance_get_registrations_enabled (v2));
  /* The contact's malformed dates are left out, not fatal. */
  contact = starling_instance_get_contact_account (v2);
  g_assert_nonnull (contact);
  g_assert_cmpstr (starling_account_get_id (contact), ==, "66240");
  g_assert_null (starling_account_get_created_at (contact));
  g_assert_cmpstr (starling_instance_get_software_version (v2), ==, "2024.08");
}

static void
test_misskey_forks (void)
{
  g_autoptr (StarlingInstance) firefish = decode_fixture ("other-servers/instance_firefish_contact_removed.json");
  g_autoptr (StarlingInstance) firefish2 = decode_fixture ("other-servers/instancev2_firefish.json");
  g_autoptr (StarlingInstance) catodon = decode_fixture ("other-servers/instance_catodon_contact_removed.json");
  g_autoptr (StarlingInstance) iceshrimp = decode_fixture ("other-servers/instance_iceshrimp_contact_removed.json");
  g_autoptr (StarlingInstance) iceshrimp_net = decode_fixture ("other-servers/instance_iceshrimpnet.json");
  g_autoptr (StarlingInstance) sharkey = decode_fixture ("other-servers/instance_sharkey_contact_removed.json");

  g_assert_cmpstr (starling_instance_get_domain (firefish), ==, "social.thisworksonmycomputer.local");
  g_assert_cmpint (starling_instance_get_max_characters (firefish), ==, 3000);
  g_assert_cmpint (starling_instance_get_characters_reserved_per_url (firefish), ==, 21);
  g_assert_cmpint (starling_instance_get_max_media_attachments (firefish), ==, 16);
  g_assert_cmpint (starling_instance_get_max_poll_options (firefish), ==, 10);
  g_assert_cmpint (starling_instance_get_min_expiration (firefish), ==, 50);
  g_assert_cmpstr (starling_instance_get_streaming_url (firefish), ==,
                   "wss://social.thisworksonmycomputer.local/streaming");
  g_assert_cmpstr (starling_instance_get_software_name (firefish), ==, "firefish");
  g_assert_cmpstr (starling_instance_get_software_version (firefish), ==, "1.0.5-dev20");
  g_assert_cmpint (starling_instance_get_software (firefish), ==, STARLING_SOFTWARE_FIREFISH);
  g_assert_cmpint (starling_instance_get_users_total (firefish), ==, 413642);

  /* A thumbnail given as a path on the server is made absolute. */
  g_assert_cmpstr (starling_instance_get_thumbnail_url (firefish2), ==,
                   "https://firefish.ranranhome.info/static-assets/transparent.png");
  g_assert_cmpstr (starling_instance_get_software_version (firefish2), ==, "20240909");
  g_assert_cmpint (starling_instance_get_users_active_month (firefish2), ==, 8432);
  g_assert_cmpstr (starling_account_get_acct (starling_instance_get_contact_account (firefish2)), ==, "placeholder");
  g_assert_cmpstr (starling_instance_get_thumbnail_url (catodon), ==,
                   "https://catodon.social/static-assets/transparent.png");
  g_assert_cmpint (starling_instance_get_max_characters (catodon), ==, 8000);
  g_assert_cmpint (starling_instance_get_software (catodon), ==, STARLING_SOFTWARE_CATODON);

  g_assert_cmpint (starling_instance_get_software (iceshrimp), ==, STARLING_SOFTWARE_ICESHRIMP);
  g_assert_cmpstr (starling_instance_get_software_version (iceshrimp), ==, "2023.12.1");
  g_assert_cmpint (starling_instance_get_max_characters (iceshrimp), ==, 6000);

  /* "Iceshrimp.NET/2024.1-…": the name ends at the slash. */
  g_assert_cmpstr (starling_instance_get_software_name (iceshrimp_net), ==, "iceshrimp.net");
  g_assert_cmpstr (starling_instance_get_software_version (iceshrimp_net), ==,
                   "2024.1-beta2.security3+e1d25a9231");
  g_assert_cmpint (starling_instance_get_software (iceshrimp_net), ==, STARLING_SOFTWARE_ICESHRIMP_NET);
  g_assert_cmpint (starling_instance_get_max_characters (iceshrimp_net), ==, 8192);
  g_assert_null (starling_instance_get_thumbnail_url (iceshrimp_net));
  g_assert_false (starling_instance_get_registrations_enabled (iceshrimp_net));
  g_assert_true (starling_instance_get_approval_required (iceshrimp_net));

  g_assert_cmpstr (starling_instance_get_domain (sharkey), ==, "plasmatrap.com");
  g_assert_cmpint (starling_instance_get_characters_reserved_per_url (sharkey), ==, 22);
  g_assert_cmpint (starling_instance_get_software (sharkey), ==, STARLING_SOFTWARE_SHARKEY);
  g_assert_cmpstr (starling_instance_get_software_version (sharkey), ==, "2024.1.0.beta1");
}

static void
test_pixelfed (void)
{
  g_autoptr (StarlingInstance) v1 = decode_fixture ("other-servers/instance_pixelfed.json");
  g_autoptr (StarlingInstance) v2 = decode_fixture ("other-servers/instancev2_pixelfed.json");

  /* Pixelfed sends a count as a string, and no streaming. */
  g_assert_cmpint (starling_instance_get_local_posts (v1), ==, 29662653);
  g_assert_null (starling_instance_get_streaming_url (v1));
  g_assert_cmpint (starling_instance_get_max_characters (v1), ==, 2000);
  g_assert_cmpint (starling_instance_get_max_media_attachments (v1), ==, 10);
  g_assert_cmpint (starling_instance_get_image_size_limit (v1), ==, 15360000);
  g_assert_cmpstr (starling_account_get_id (starling_instance_get_contact_account (v1)), ==, "2");
  g_assert_cmpint (starling_instance_get_software (v1), ==, STARLING_SOFTWARE_PIXELFED);
  g_assert_cmpstr (starling_instance_get_software_version (v1), ==, "0.12.3");

  g_assert_null (starling_instance_get_streaming_url (v2));
  g_assert_cmpint (starling_instance_get_max_media_attachments (v2), ==, 20);
  g_assert_cmpint (starling_instance_get_max_poll_options (v2), ==, 0);
  g_assert_false (starling_instance_get_registrations_enabled (v2));
  g_assert_true (starling_instance_get_approval_required (v2));
  g_assert_cmpint (starling_instance_get_users_active_month (v2), ==, 8179);
  g_assert_true (starling_software_get_quirks (starling_instance_get_software (v2)) &
                 STARLING_SOFTWARE_QUIRK_NO_STREAMING);
}

static void
test_gotosocial (void)
{
  g_autoptr (StarlingInstance) instance = decode_fixture ("other-servers/instancev2_gotosocial.json");

  g_assert_cmpstr (starling_instance_get_domain (instance), ==, "social.browser.org");
  g_assert_cmpint (starling_instance_get_max_characters (instance), ==, 5000);
  g_assert_cmpint (starling_instance_get_characters_reserved_per_url (instance), ==, 25);
  g_assert_cmpint (starling_instance_get_max_media_attachments (instance), ==, 6);
  g_assert_cmpint (starling_instance_get_max_poll_options (instance), ==, 6);
  g_assert_cmpint (starling_instance_get_image_size_limit (instance), ==, 41943040);
  g_assert_cmpstr (starling_instance_get_streaming_url (instance), ==, "wss://social.browser.org");
  g_assert_true (starling_instance_get_approval_required (instance));
  g_assert_cmpint (starling_instance_get_users_active_month (instance), ==, 0);
  /* No "(compatible; …)": the repository's name says it. */
  g_assert_cmpstr (starling_instance_get_software_name (instance), ==, "gotosocial");
  g_assert_cmpint (starling_instance_get_software (instance), ==, STARLING_SOFTWARE_GOTOSOCIAL);
}

static void
test_mastodon_others (void)
{
  g_autoptr (StarlingInstance) v43 = decode_fixture ("other-servers/instancev2_mastodon.json");
  g_autoptr (StarlingInstance) v45 = decode_fixture ("other-servers/instancev2_mastodon_4.5.json");
  g_autoptr (StarlingInstance) no_thumbnail = decode_fixture ("other-servers/instancev2_missing_thumbnail_url.json");

  g_assert_cmpint (starling_instance_get_api_version (v43), ==, 2);
  g_assert_cmpstr (starling_instance_get_software_version (v43), ==, "4.3.0+pr-32577-ba659d5");
  g_assert_cmpint (starling_instance_get_software (v43), ==, STARLING_SOFTWARE_MASTODON);
  g_assert_cmpint (starling_instance_get_description_limit (v43), ==, 1500);
  g_assert_cmpint (starling_instance_get_api_version (v45), ==, 7);
  g_assert_cmpint (starling_instance_get_users_active_month (v45), ==, 259022);
  g_assert_null (starling_instance_get_thumbnail_url (no_thumbnail));
  g_assert_cmpstr (starling_instance_get_title (no_thumbnail), ==, "Mastodon");
}

static void
test_all_fixtures (void)
{
  g_autoptr (GPtrArray) paths = starling_test_list_data ("other-servers", ".json");
  guint decoded = 0;

  g_ptr_array_add (paths, g_strdup ("mastodon/instance-v1.json"));
  g_ptr_array_add (paths, g_strdup ("mastodon/instance-v2.json"));
  g_ptr_array_add (paths, g_strdup ("mastodon/instance-v2-methods-page.json"));

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = paths->pdata[i];
      g_autoptr (StarlingInstance) instance = NULL;

      if (!g_str_has_prefix (path, "mastodon/") &&
          !g_str_has_prefix (path, "other-servers/instance"))
        continue;

      instance = decode_fixture (path);
      g_assert_nonnull (starling_instance_get_title (instance));
      g_assert_nonnull (starling_instance_get_domain (instance));
      g_assert_null (strchr (starling_instance_get_domain (instance), '/'));
      g_assert_cmpint (starling_instance_get_max_characters (instance), >=, 500);
      g_assert_nonnull (starling_instance_get_software_name (instance));
      g_assert_cmpint (starling_instance_get_software (instance), !=, STARLING_SOFTWARE_UNKNOWN);
      decoded++;
    }

  g_assert_cmpuint (decoded, ==, 19);
}

static void
test_defaults (void)
{
  g_autoptr (StarlingInstance) fallback = starling_instance_new_default ("https://Example.Social/");
  g_autoptr (StarlingInstance) empty = decode_text ("{}");
  g_autoptr (StarlingInstance) nothing = starling_instance_new_default (NULL);

  g_assert_cmpstr (starling_instance_get_domain (fallback), ==, "example.social");
  assert_defaults (fallback);
  g_assert_null (starling_instance_get_software_name (fallback));
  g_assert_cmpint (starling_instance_get_software (fallback), ==, STARLING_SOFTWARE_UNKNOWN);

  g_assert_null (starling_instance_get_domain (empty));
  assert_defaults (empty);
  g_assert_null (starling_instance_get_software_name (empty));
  g_assert_null (starling_instance_get_rules (empty));

  g_assert_null (starling_instance_get_domain (nothing));
  assert_defaults (nothing);
}

static void
test_hostile (void)
{
  /* Wrong types in every kind of field: each is ignored, and falls back
   * where it can. Markup stays as it was sent. */
  {
    g_autoptr (StarlingInstance) instance = decode_text (
      "{\"domain\": [\"x\"], \"uri\": {\"a\": 1}, \"title\": \"<script>alert(1)</script> & co\","
      " \"configuration\": [1, 2], \"max_toot_chars\": \"lots\", \"poll_limits\": \"many\","
      " \"registrations\": \"maybe\", \"approval_required\": {\"x\": true},"
      " \"rules\": {\"id\": \"1\"}, \"languages\": \"en\", \"thumbnail\": {\"url\": 7},"
      " \"contact\": \"admin\", \"contact_account\": 1, \"usage\": [], \"stats\": \"none\","
      " \"api_versions\": {\"mastodon\": \"7\"}, \"urls\": {\"streaming_api\": false},"
      " \"version\": \"9.9 (compatible; <Evil&Co> 1.0)\"}");

    g_assert_null (starling_instance_get_domain (instance));
    g_assert_cmpstr (starling_instance_get_title (instance), ==, "<script>alert(1)</script> & co");
    g_assert_cmpint (starling_instance_get_max_characters (instance), ==, 500);
    g_assert_cmpint (starling_instance_get_max_poll_options (instance), ==, 4);
    g_assert_false (starling_instance_get_registrations_enabled (instance));
    g_assert_false (starling_instance_get_approval_required (instance));
    g_assert_null (starling_instance_get_rules (instance));
    g_assert_cmpuint (g_strv_length ((GStrv) starling_instance_get_languages (instance)), ==, 1);
    g_assert_cmpstr (starling_instance_get_languages (instance)[0], ==, "en");
    g_assert_cmpstr (starling_instance_get_thumbnail_url (instance), ==, "7");
    g_assert_null (starling_instance_get_contact_email (instance));
    g_assert_null (starling_instance_get_contact_account (instance));
    g_assert_cmpint (starling_instance_get_users_active_month (instance), ==, -1);
    g_assert_cmpint (starling_instance_get_users_total (instance), ==, -1);
    g_assert_cmpint (starling_instance_get_api_version (instance), ==, 7);
    g_assert_null (starling_instance_get_streaming_url (instance));
    g_assert_cmpstr (starling_instance_get_software_name (instance), ==, "<evil&co>");
    g_assert_cmpstr (starling_instance_get_software_version (instance), ==, "1.0");
    g_assert_cmpint (starling_instance_get_software (instance), ==, STARLING_SOFTWARE_UNKNOWN);
  }

  /* Huge, negative and stringly numbers are clamped or read. */
  {
    g_autoptr (StarlingInstance) instance = decode_text (
      "{\"domain\": 12345, \"configuration\": {"
      "   \"statuses\": {\"max_characters\": 1e300, \"max_media_attachments\": -3,"
      "                  \"characters_reserved_per_url\": \"30\"},"
      "   \"polls\": {\"max_options\": 99999999999999999},"
      "   \"media_attachments\": {\"image_size_limit\": 1e30,"
      "                           \"supported_mime_types\": [1, null, \"image/png\", {\"a\": 1}]}},"
      " \"max_toot_chars\": 7000, \"poll_limits\": {\"max_option_chars\": -1, \"min_expiration\": true},"
      " \"usage\": {\"users\": {\"active_month\": -12}}}");
    const char * const *types;

    g_assert_cmpstr (starling_instance_get_domain (instance), ==, "12345");
    /* The v2 place wins over the Pleroma one when it is usable. */
    g_assert_cmpint (starling_instance_get_max_characters (instance), ==, G_MAXINT);
    g_assert_cmpint (starling_instance_get_max_media_attachments (instance), ==, 0);
    g_assert_cmpint (starling_instance_get_characters_reserved_per_url (instance), ==, 30);
    g_assert_cmpint (starling_instance_get_max_poll_options (instance), ==, G_MAXINT);
    g_assert_cmpint (starling_instance_get_max_characters_per_option (instance), ==, 0);
    g_assert_cmpint (starling_instance_get_min_expiration (instance), ==, 300);
    g_assert_cmpint (starling_instance_get_image_size_limit (instance), ==, G_MAXINT64);
    g_assert_cmpint (starling_instance_get_users_active_month (instance), ==, -1);
    types = starling_instance_get_supported_mime_types (instance);
    g_assert_cmpuint (g_strv_length ((GStrv) types), ==, 2);
    g_assert_cmpstr (types[0], ==, "1");
    g_assert_cmpstr (types[1], ==, "image/png");
  }

  /* A v1 `uri` with a scheme, a port and a path. */
  {
    g_autoptr (StarlingInstance) instance = decode_text (
      "{\"uri\": \"HTTPS://Social.Example:8443/path\", \"thumbnail\": \"//cdn.example/t.png\"}");

    g_assert_cmpstr (starling_instance_get_domain (instance), ==, "social.example:8443");
    g_assert_cmpstr (starling_instance_get_thumbnail_url (instance), ==, "https://cdn.example/t.png");
  }

  /* Not an object at all. */
  {
    static const char *documents[] = { "[1]", "null", "\"mastodon.social\"", "42" };

    for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
      {
        g_autoptr (JsonNode) node = starling_json_parse (documents[i], -1, NULL);
        g_autoptr (GError) error = NULL;

        g_assert_null (starling_entity_decode (STARLING_TYPE_INSTANCE, node, NULL, &error));
        g_assert_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_WRONG_TYPE);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/starling/instance/v2-mastodon", test_v2_mastodon);
  g_test_add_func ("/starling/instance/v1-mastodon", test_v1_mastodon);
  g_test_add_func ("/starling/instance/akkoma", test_akkoma);
  g_test_add_func ("/starling/instance/pleroma-v2", test_pleroma_v2);
  g_test_add_func ("/starling/instance/friendica", test_friendica);
  g_test_add_func ("/starling/instance/misskey-forks", test_misskey_forks);
  g_test_add_func ("/starling/instance/pixelfed", test_pixelfed);
  g_test_add_func ("/starling/instance/gotosocial", test_gotosocial);
  g_test_add_func ("/starling/instance/mastodon-others", test_mastodon_others);
  g_test_add_func ("/starling/instance/all-fixtures", test_all_fixtures);
  g_test_add_func ("/starling/instance/defaults", test_defaults);
  g_test_add_func ("/starling/instance/hostile", test_hostile);

  return g_test_run ();
}
