/* test-nodeinfo.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "model/starling-nodeinfo.h"
#include "model/starling-software.h"

#include "starling-test-data.h"

/* Decodes a whole fixture, asserting it decodes as a NodeInfo. */
#define decode_fixture(path) ((StarlingNodeInfo *) starling_test_decode_fixture (STARLING_TYPE_NODEINFO, (path)))

static StarlingNodeInfo *
decode_text (const char  *json,
             GError     **error)
{
  g_autoptr (JsonNode) node = starling_json_parse (json, -1, NULL);

  g_assert_nonnull (node);
  return starling_entity_decode (STARLING_TYPE_NODEINFO, node, NULL, error);
}

static guint
strv_length (const char * const *strv)
{
  return strv != NULL ? g_strv_length ((GStrv) strv) : 0;
}

static void
test_mastodon (void)
{
  g_autoptr (StarlingNodeInfo) info = decode_fixture ("nodeinfo/mastodon-2.0.json");

  g_assert_cmpstr (starling_nodeinfo_get_schema_version (info), ==, "2.0");
  g_assert_cmpstr (starling_nodeinfo_get_software_name (info), ==, "mastodon");
  g_assert_cmpstr (starling_nodeinfo_get_software_version (info), ==, "4.3.0-nightly.2024-07-05-security");
  g_assert_null (starling_nodeinfo_get_software_repository (info));
  g_assert_cmpint (starling_nodeinfo_get_software (info), ==, STARLING_SOFTWARE_MASTODON);
  g_assert_cmpuint (strv_length (starling_nodeinfo_get_protocols (info)), ==, 1);
  g_assert_cmpstr (starling_nodeinfo_get_protocols (info)[0], ==, "activitypub");
  g_assert_cmpuint (strv_length (starling_nodeinfo_get_services_inbound (info)), ==, 0);
  g_assert_true (starling_nodeinfo_get_open_registrations (info));
  g_assert_cmpint (starling_nodeinfo_get_users_total (info), ==, 2001387);
  g_assert_cmpint (starling_nodeinfo_get_users_active_month (info), ==, 229393);
  g_assert_cmpint (starling_nodeinfo_get_users_active_halfyear (info), ==, 586512);
  g_assert_cmpint (starling_nodeinfo_get_local_posts (info), ==, 96286820);
  g_assert_cmpint (starling_nodeinfo_get_local_comments (info), ==, -1);
  g_assert_cmpstr (starling_nodeinfo_get_node_name (info), ==, "Mastodon");
  g_assert_cmpstr (starling_nodeinfo_get_node_description (info), ==,
                   "The original server operated by the Mastodon gGmbH non-profit");
  g_assert_null (starling_nodeinfo_get_features (info));
}

static void
test_pleroma_family (void)
{
  g_autoptr (StarlingNodeInfo) akkoma = decode_fixture ("nodeinfo/akkoma-2.0.json");
  g_autoptr (StarlingNodeInfo) pleroma = decode_fixture ("nodeinfo/pleroma-2.0.json");

  g_assert_cmpstr (starling_nodeinfo_get_software_name (akkoma), ==, "akkoma");
  g_assert_cmpstr (starling_nodeinfo_get_software_version (akkoma), ==, "3.12.2-0-g26a91d5");
  g_assert_cmpint (starling_nodeinfo_get_software (akkoma), ==, STARLING_SOFTWARE_AKKOMA);
  g_assert_cmpint (starling_nodeinfo_get_users_total (akkoma), ==, 117);
  g_assert_cmpint (starling_nodeinfo_get_users_active_month (akkoma), ==, 27);
  g_assert_cmpint (starling_nodeinfo_get_users_active_halfyear (akkoma), ==, 36);
  g_assert_cmpint (starling_nodeinfo_get_local_posts (akkoma), ==, 26780);
  g_assert_cmpstr (starling_nodeinfo_get_node_name (akkoma), ==, "Coral Castle");
  g_assert_cmpstr (starling_nodeinfo_get_node_description (akkoma), ==, "A social network for sea creatures");
  /* The capability list of the Pleroma family. */
  g_assert_cmpuint (strv_length (starling_nodeinfo_get_features (akkoma)), ==, 20);
  g_assert_true (g_strv_contains (starling_nodeinfo_get_features (akkoma), "akkoma_api"));

  g_assert_cmpint (starling_nodeinfo_get_software (pleroma), ==, STARLING_SOFTWARE_PLEROMA);
  g_assert_cmpstr (starling_nodeinfo_get_software_version (pleroma), ==, "2.6.3");
  g_assert_false (starling_nodeinfo_get_open_registrations (pleroma));
  g_assert_cmpint (starling_nodeinfo_get_users_total (pleroma), ==, 953);
  g_assert_cmpint (starling_nodeinfo_get_users_active_month (pleroma), ==, 50);
  g_assert_cmpint (starling_nodeinfo_get_users_active_halfyear (pleroma), ==, 96);
  g_assert_cmpint (starling_nodeinfo_get_local_posts (pleroma), ==, 434214);
  g_assert_cmpstr (starling_nodeinfo_get_node_name (pleroma), ==, "Stereophonic");
  g_assert_cmpuint (strv_length (starling_nodeinfo_get_features (pleroma)), ==, 22);
}

static void
test_friendica (void)
{
  g_autoptr (StarlingNodeInfo) info = decode_fixture ("nodeinfo/friendica-2.0.json");
  const char * const *protocols;

  g_assert_cmpint (starling_nodeinfo_get_software (info), ==, STARLING_SOFTWARE_FRIENDICA);
  g_assert_cmpstr (starling_nodeinfo_get_software_version (info), ==, "2024.03-1557");
  /* `"users": {}` and no `localPosts`. */
  g_assert_cmpint (starling_nodeinfo_get_users_total (info), ==, -1);
  g_assert_cmpint (starling_nodeinfo_get_users_active_month (info), ==, -1);
  g_assert_cmpint (starling_nodeinfo_get_users_active_halfyear (info), ==, -1);
  g_assert_cmpint (starling_nodeinfo_get_local_posts (info), ==, -1);

  protocols = starling_nodeinfo_get_protocols (info);
  g_assert_cmpuint (strv_length (protocols), ==, 4);
  g_assert_cmpstr (protocols[0], ==, "dfrn");
  g_assert_true (g_strv_contains (protocols, "activitypub"));
  g_assert_cmpuint (strv_length (starling_nodeinfo_get_services_inbound (info)), ==, 3);
  g_assert_cmpstr (starling_nodeinfo_get_services_inbound (info)[0], ==, "bluesky");
  g_assert_cmpuint (strv_length (starling_nodeinfo_get_services_outbound (info)), ==, 4);
  g_assert_true (starling_nodeinfo_get_open_registrations (info));
  g_assert_cmpstr (starling_nodeinfo_get_node_name (info), ==, "Social Gibiris (The #Friendica Edition)");
}

static void
test_gotosocial (void)
{
  g_autoptr (StarlingNodeInfo) info = decode_fixture ("nodeinfo/gotosocial-2.0.json");

  g_assert_cmpint (starling_nodeinfo_get_software (info), ==, STARLING_SOFTWARE_GOTOSOCIAL);
  g_assert_cmpstr (starling_nodeinfo_get_software_version (info), ==, "0.16.0+git-f1cbf6f");
  g_assert_false (starling_nodeinfo_get_open_registrations (info));
  /* No activity counts at all. */
  g_assert_cmpint (starling_nodeinfo_get_users_total (info), ==, 5);
  g_assert_cmpint (starling_nodeinfo_get_users_active_month (info), ==, -1);
  g_assert_cmpint (starling_nodeinfo_get_users_active_halfyear (info), ==, -1);
  g_assert_cmpint (starling_nodeinfo_get_local_posts (info), ==, 3010);
  g_assert_null (starling_nodeinfo_get_node_name (info));
}

static void
test_pixelfed (void)
{
  g_autoptr (StarlingNodeInfo) info = decode_fixture ("nodeinfo/pixelfed-2.0.json");

  g_assert_cmpint (starling_nodeinfo_get_software (info), ==, STARLING_SOFTWARE_PIXELFED);
  g_assert_cmpstr (starling_nodeinfo_get_software_version (info), ==, "0.12.3");
  g_assert_cmpint (starling_nodeinfo_get_users_total (info), ==, 116961);
  g_assert_cmpint (starling_nodeinfo_get_users_active_month (info), ==, 9489);
  g_assert_cmpint (starling_nodeinfo_get_users_active_halfyear (info), ==, 23421);
  g_assert_cmpint (starling_nodeinfo_get_local_posts (info), ==, 28370424);
  g_assert_cmpint (starling_nodeinfo_get_local_comments (info), ==, 0);
  g_assert_cmpstr (starling_nodeinfo_get_node_name (info), ==, "pixelfed");
}

static void
test_sharkey (void)
{
  g_autoptr (StarlingNodeInfo) info = decode_fixture ("nodeinfo/sharkey-2.1.json");

  g_assert_cmpstr (starling_nodeinfo_get_schema_version (info), ==, "2.1");
  g_assert_cmpint (starling_nodeinfo_get_software (info), ==, STARLING_SOFTWARE_SHARKEY);
  g_assert_cmpstr (starling_nodeinfo_get_software_version (info), ==, "2024.2.0-beta.12");
  g_assert_cmpstr (starling_nodeinfo_get_software_homepage (info), ==,
                   "https://activitypub.software/TransFem-org/Sharkey");
  g_assert_null (starling_nodeinfo_get_software_repository (info));
  /* `activeHalfyear: null`, `activeMonth: null`. */
  g_assert_cmpint (starling_nodeinfo_get_users_total (info), ==, 1912);
  g_assert_cmpint (starling_nodeinfo_get_users_active_month (info), ==, -1);
  g_assert_cmpint (starling_nodeinfo_get_users_active_halfyear (info), ==, -1);
  g_assert_cmpint (starling_nodeinfo_get_local_posts (info), ==, 209466);
  g_assert_cmpint (starling_nodeinfo_get_local_comments (info), ==, 0);
  g_assert_cmpstr (starling_nodeinfo_get_node_name (info), ==, "Blåhaj Zone");
  g_assert_cmpuint (strv_length (starling_nodeinfo_get_services_outbound (info)), ==, 2);
}

static void
test_spec_examples (void)
{
  g_autoptr (StarlingNodeInfo) v20 = decode_fixture ("nodeinfo/spec-example-2.0.json");
  g_autoptr (StarlingNodeInfo) v21 = decode_fixture ("nodeinfo/spec-example-2.1.json");

  g_assert_cmpstr (starling_nodeinfo_get_schema_version (v20), ==, "2.0");
  g_assert_cmpint (starling_nodeinfo_get_software (v20), ==, STARLING_SOFTWARE_DIASPORA);
  g_assert_cmpstr (starling_nodeinfo_get_software_version (v20), ==, "0.5.0");
  g_assert_cmpint (starling_nodeinfo_get_users_total (v20), ==, 123);
  g_assert_cmpint (starling_nodeinfo_get_users_active_halfyear (v20), ==, 42);
  g_assert_cmpint (starling_nodeinfo_get_users_active_month (v20), ==, 23);
  g_assert_cmpint (starling_nodeinfo_get_local_posts (v20), ==, 500);
  g_assert_cmpint (starling_nodeinfo_get_local_comments (v20), ==, 1000);
  g_assert_cmpstr (starling_nodeinfo_get_services_outbound (v20)[1], ==, "twitter");

  g_assert_cmpstr (starling_nodeinfo_get_schema_version (v21), ==, "2.1");
  g_assert_cmpstr (starling_nodeinfo_get_software_repository (v21), ==, "https://github.com/diaspora/diaspora");
  g_assert_cmpstr (starling_nodeinfo_get_software_homepage (v21), ==, "https://diasporafoundation.org/");
  g_assert_null (starling_nodeinfo_get_node_name (v21));
}

static void
test_all_fixtures (void)
{
  g_autoptr (GPtrArray) paths = starling_test_list_data ("nodeinfo", ".json");

  g_assert_cmpuint (paths->len, ==, 9);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr (StarlingNodeInfo) info = decode_fixture (paths->pdata[i]);
      const char *name = starling_nodeinfo_get_software_name (info);
      g_autofree char *folded = g_utf8_strdown (name, -1);

      g_assert_cmpstr (name, ==, folded);
      g_assert_cmpint (starling_nodeinfo_get_software (info), !=, STARLING_SOFTWARE_UNKNOWN);
      g_assert_true (g_str_has_prefix (starling_nodeinfo_get_schema_version (info), "2."));
      g_assert_cmpuint (strv_length (starling_nodeinfo_get_protocols (info)), >=, 1);
    }
}

static void
test_forks (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingNodeInfo) glitch = NULL;
  g_autoptr (StarlingNodeInfo) hometown = NULL;

  glitch = decode_text ("{\"version\": \"2.0\", \"software\": {\"name\": \"Mastodon\", \"version\": \"4.3.0+glitch\"}}",
                        &error);
  g_assert_no_error (error);
  g_assert_cmpstr (starling_nodeinfo_get_software_name (glitch), ==, "mastodon");
  g_assert_cmpint (starling_nodeinfo_get_software (glitch), ==, STARLING_SOFTWARE_GLITCH);

  hometown = decode_text ("{\"software\": {\"name\": \"mastodon\", \"version\": \"4.2.10+hometown-1.1.2\"}}",
                          &error);
  g_assert_no_error (error);
  g_assert_cmpint (starling_nodeinfo_get_software (hometown), ==, STARLING_SOFTWARE_HOMETOWN);
  g_assert_null (starling_nodeinfo_get_schema_version (hometown));
}

static void
test_hostile (void)
{
  /* Usage as a string, then as a list: no counts, no failure. */
  {
    static const char *documents[] = {
      "{\"software\": {\"name\": \"x\"}, \"usage\": \"lots\"}",
      "{\"software\": {\"name\": \"x\"}, \"usage\": [1, 2, 3]}",
      "{\"software\": {\"name\": \"x\"}, \"usage\": {\"users\": [5], \"localPosts\": {}}}",
      "{\"software\": {\"name\": \"x\"}, \"usage\": null, \"metadata\": \"meta\"}",
    };

    for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
      {
        g_autoptr (GError) error = NULL;
        g_autoptr (StarlingNodeInfo) info = decode_text (documents[i], &error);

        g_assert_no_error (error);
        g_assert_cmpint (starling_nodeinfo_get_users_total (info), ==, -1);
        g_assert_cmpint (starling_nodeinfo_get_users_active_month (info), ==, -1);
        g_assert_cmpint (starling_nodeinfo_get_local_posts (info), ==, -1);
        g_assert_null (starling_nodeinfo_get_node_name (info));
        g_assert_cmpint (starling_nodeinfo_get_software (info), ==, STARLING_SOFTWARE_UNKNOWN);
      }
  }

  /* Numbers as strings, negative and huge ones, wrong types elsewhere. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (StarlingNodeInfo) info = decode_text (
      "{\"version\": 2, \"software\": {\"name\": \"<b>Mastodon</b>\", \"version\": 4},"
      " \"protocols\": \"activitypub\", \"services\": {\"inbound\": [1, null, \"rss\"]},"
      " \"openRegistrations\": \"yes\","
      " \"usage\": {\"users\": {\"total\": \"12\", \"activeMonth\": -40, \"activeHalfyear\": 1e300},"
      "           \"localPosts\": true},"
      " \"metadata\": {\"nodeName\": {\"text\": \"x\"}, \"nodeDescription\": \"<i>hi</i>\", \"features\": \"x\"}}",
      &error);
    const char * const *inbound;

    g_assert_no_error (error);
    g_assert_cmpstr (starling_nodeinfo_get_schema_version (info), ==, "2");
    g_assert_cmpstr (starling_nodeinfo_get_software_name (info), ==, "<b>mastodon</b>");
    g_assert_cmpint (starling_nodeinfo_get_software (info), ==, STARLING_SOFTWARE_UNKNOWN);
    g_assert_cmpstr (starling_nodeinfo_get_software_version (info), ==, "4");
    g_assert_cmpstr (starling_nodeinfo_get_protocols (info)[0], ==, "activitypub");
    inbound = starling_nodeinfo_get_services_inbound (info);
    g_assert_cmpuint (strv_length (inbound), ==, 2);
    g_assert_cmpstr (inbound[0], ==, "1");
    g_assert_cmpstr (inbound[1], ==, "rss");
    g_assert_false (starling_nodeinfo_get_open_registrations (info));
    g_assert_cmpint (starling_nodeinfo_get_users_total (info), ==, 12);
    g_assert_cmpint (starling_nodeinfo_get_users_active_month (info), ==, -1);
    g_assert_cmpint (starling_nodeinfo_get_users_active_halfyear (info), ==, G_MAXINT64);
    g_assert_cmpint (starling_nodeinfo_get_local_posts (info), ==, -1);
    g_assert_null (starling_nodeinfo_get_node_name (info));
    g_assert_cmpstr (starling_nodeinfo_get_node_description (info), ==, "<i>hi</i>");
    g_assert_cmpstr (starling_nodeinfo_get_features (info)[0], ==, "x");
  }

  /* Without a software name there is nothing to go by. */
  {
    static const char *documents[] = {
      "{\"version\": \"2.0\"}",
      "{\"software\": \"mastodon\"}",
      "{\"software\": {\"name\": null}}",
      "{\"software\": {\"name\": {\"a\": 1}}}",
    };

    for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
      {
        g_autoptr (GError) error = NULL;
        g_autoptr (StarlingNodeInfo) info = decode_text (documents[i], &error);

        g_assert_null (info);
        g_assert_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_MISSING_FIELD);
        g_assert_nonnull (strstr (error->message, "software.name"));
      }
  }

  /* Not an object. */
  {
    g_autoptr (GError) error = NULL;

    g_assert_null (decode_text ("[{\"software\": {\"name\": \"mastodon\"}}]", &error));
    g_assert_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_WRONG_TYPE);
  }
}

static char *
pick (const char  *json,
      GError     **error)
{
  g_autoptr (JsonNode) node = starling_json_parse (json, -1, NULL);

  g_assert_nonnull (node);
  return starling_nodeinfo_pick_link (node, error);
}

static void
test_pick_link (void)
{
  /* Mastodon: the instance actor's link comes first and is passed over. */
  {
    g_autoptr (GError) error = NULL;
    g_autofree char *href = pick (
      "{\"links\": ["
      " {\"rel\": \"https://www.w3.org/ns/activitystreams#Application\","
      "  \"href\": \"https://mastodon.social/actor\"},"
      " {\"rel\": \"http://nodeinfo.diaspora.software/ns/schema/2.0\","
      "  \"href\": \"https://mastodon.social/nodeinfo/2.0\"}]}", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (href, ==, "https://mastodon.social/nodeinfo/2.0");
  }

  /* Pleroma: both schemas, with its own paths; 2.1 wins wherever it is. */
  {
    g_autoptr (GError) error = NULL;
    g_autofree char *first = pick (
      "{\"links\": ["
      " {\"rel\": \"http://nodeinfo.diaspora.software/ns/schema/2.0\","
      "  \"href\": \"https://pleroma.example/nodeinfo/2.0.json\"},"
      " {\"rel\": \"http://nodeinfo.diaspora.software/ns/schema/2.1\","
      "  \"href\": \"https://pleroma.example/nodeinfo/2.1.json\"}]}", &error);
    g_autofree char *second = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (first, ==, "https://pleroma.example/nodeinfo/2.1.json");

    second = pick (
      "{\"links\": ["
      " {\"rel\": \"http://nodeinfo.diaspora.software/ns/schema/2.1\","
      "  \"href\": \"https://pleroma.example/nodeinfo/2.1.json\"},"
      " {\"rel\": \"http://nodeinfo.diaspora.software/ns/schema/1.0\","
      "  \"href\": \"https://pleroma.example/nodeinfo/1.0.json\"},"
      " {\"rel\": \"http://nodeinfo.diaspora.software/ns/schema/2.0\","
      "  \"href\": \"https://pleroma.example/nodeinfo/2.0.json\"}]}", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (second, ==, "https://pleroma.example/nodeinfo/2.1.json");
  }

  /* Unusable links are skipped: a non-web address, a number, junk. */
  {
    g_autoptr (GError) error = NULL;
    g_autofree char *href = pick (
      "{\"links\": [null, 3, \"x\","
      " {\"rel\": \"http://nodeinfo.diaspora.software/ns/schema/2.1\", \"href\": \"javascript:alert(1)\"},"
      " {\"rel\": \"http://nodeinfo.diaspora.software/ns/schema/2.1\", \"href\": 42},"
      " {\"rel\": \"http://nodeinfo.diaspora.software/ns/schema/2.1\", \"href\": \"/nodeinfo/2.1\"},"
      " {\"rel\": [\"x\"], \"href\": \"https://a.example/x\"},"
      " {\"rel\": \"http://nodeinfo.diaspora.software/ns/schema/2.0\", \"href\": \"https://a.example/ni\"}]}",
      &error);

    g_assert_no_error (error);
    g_assert_cmpstr (href, ==, "https://a.example/ni");
  }

  /* No link we understand: a clear error. */
  {
    static const char *documents[] = {
      "{\"links\": []}",
      "{\"links\": [{\"rel\": \"http://nodeinfo.diaspora.software/ns/schema/1.1\","
      "              \"href\": \"https://old.example/nodeinfo/1.1\"}]}",
      "{\"links\": [{\"rel\": \"https://www.w3.org/ns/activitystreams#Application\","
      "              \"href\": \"https://mastodon.social/actor\"}]}",
    };

    for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
      {
        g_autoptr (GError) error = NULL;

        g_assert_null (pick (documents[i], &error));
        g_assert_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_MISSING_FIELD);
        g_assert_nonnull (strstr (error->message, "NodeInfo"));
      }
  }

  /* Not the document's shape at all. */
  {
    static const char *documents[] = { "[]", "{}", "{\"links\": {\"rel\": \"x\"}}", "\"links\"" };

    for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
      {
        g_autoptr (GError) error = NULL;

        g_assert_null (pick (documents[i], &error));
        g_assert_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_WRONG_TYPE);
      }
  }
}

static void
test_software (void)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (STARLING_TYPE_SOFTWARE);
  g_autofree char *name = NULL;
  g_autofree char *version = NULL;

  g_assert_cmpint (starling_software_from_name ("mastodon", NULL), ==, STARLING_SOFTWARE_MASTODON);
  g_assert_cmpint (starling_software_from_name ("Mastodon", "4.3.0+glitch"), ==, STARLING_SOFTWARE_GLITCH);
  g_assert_cmpint (starling_software_from_name ("mastodon", "4.2.10+hometown-1.1.2"), ==, STARLING_SOFTWARE_HOMETOWN);
  g_assert_cmpint (starling_software_from_name ("mastodon", "4.5.0-nightly.2025-07-11"), ==, STARLING_SOFTWARE_MASTODON);
  g_assert_cmpint (starling_software_from_name (" GoToSocial ", "0.16.0"), ==, STARLING_SOFTWARE_GOTOSOCIAL);
  g_assert_cmpint (starling_software_from_name ("calckey", NULL), ==, STARLING_SOFTWARE_FIREFISH);
  g_assert_cmpint (starling_software_from_name ("Iceshrimp.NET", NULL), ==, STARLING_SOFTWARE_ICESHRIMP_NET);
  g_assert_cmpint (starling_software_from_name ("snac", NULL), ==, STARLING_SOFTWARE_SNAC);
  g_assert_cmpint (starling_software_from_name ("threads", NULL), ==, STARLING_SOFTWARE_THREADS);
  g_assert_cmpint (starling_software_from_name ("unknown", NULL), ==, STARLING_SOFTWARE_UNKNOWN);
  g_assert_cmpint (starling_software_from_name ("nonesuch", NULL), ==, STARLING_SOFTWARE_UNKNOWN);
  g_assert_cmpint (starling_software_from_name ("", NULL), ==, STARLING_SOFTWARE_UNKNOWN);
  g_assert_cmpint (starling_software_from_name (NULL, "1.0"), ==, STARLING_SOFTWARE_UNKNOWN);

  g_assert_cmpstr (starling_software_get_display_name (STARLING_SOFTWARE_GOTOSOCIAL), ==, "GoToSocial");
  g_assert_cmpstr (starling_software_get_display_name (STARLING_SOFTWARE_MASTODON), ==, "Mastodon");
  g_assert_null (starling_software_get_display_name (STARLING_SOFTWARE_UNKNOWN));
  g_assert_cmpstr (starling_software_get_name (STARLING_SOFTWARE_PIXELFED), ==, "pixelfed");

  /* Every known software has a name that maps back to it, and a display
   * name. */
  for (guint i = 0; i < klass->n_values; i++)
    {
      StarlingSoftware software = klass->values[i].value;

      if (software == STARLING_SOFTWARE_UNKNOWN)
        continue;
      g_assert_nonnull (starling_software_get_display_name (software));
      g_assert_cmpint (starling_software_from_name (starling_software_get_name (software), NULL), ==, software);
    }

  /* The workarounds of the notes on other servers. */
  g_assert_cmpint (starling_software_get_quirks (STARLING_SOFTWARE_MASTODON), ==, STARLING_SOFTWARE_QUIRK_NONE);
  g_assert_cmpint (starling_software_get_quirks (STARLING_SOFTWARE_GLITCH), ==, STARLING_SOFTWARE_QUIRK_NONE);
  g_assert_true (starling_software_get_quirks (STARLING_SOFTWARE_PIXELFED) & STARLING_SOFTWARE_QUIRK_UPDATE_CREDENTIALS_POST);
  g_assert_true (starling_software_get_quirks (STARLING_SOFTWARE_PIXELFED) & STARLING_SOFTWARE_QUIRK_NO_LISTS);
  g_assert_true (starling_software_get_quirks (STARLING_SOFTWARE_PIXELFED) & STARLING_SOFTWARE_QUIRK_NO_MARKERS);
  g_assert_true (starling_software_get_quirks (STARLING_SOFTWARE_PIXELFED) & STARLING_SOFTWARE_QUIRK_NO_STREAMING);
  g_assert_true (starling_software_get_quirks (STARLING_SOFTWARE_SHARKEY) & STARLING_SOFTWARE_QUIRK_JSON_BODIES);
  g_assert_true (starling_software_get_quirks (STARLING_SOFTWARE_SHARKEY) & STARLING_SOFTWARE_QUIRK_NO_NOTIFICATION_TYPES);
  g_assert_true (starling_software_get_quirks (STARLING_SOFTWARE_FRIENDICA) & STARLING_SOFTWARE_QUIRK_NO_NOTIFICATION_TYPES);
  g_assert_true (starling_software_get_quirks (STARLING_SOFTWARE_FRIENDICA) & STARLING_SOFTWARE_QUIRK_NO_STREAMING);
  g_assert_true (starling_software_get_quirks (STARLING_SOFTWARE_FIREFISH) & STARLING_SOFTWARE_QUIRK_FLAT_MEDIA_META);
  g_assert_true (starling_software_get_quirks (STARLING_SOFTWARE_FIREFISH) & STARLING_SOFTWARE_QUIRK_UNRELIABLE_LINK_HEADERS);
  g_assert_false (starling_software_get_quirks (STARLING_SOFTWARE_AKKOMA) & STARLING_SOFTWARE_QUIRK_NO_STREAMING);
  g_assert_true (starling_software_get_quirks (STARLING_SOFTWARE_AKKOMA) & STARLING_SOFTWARE_QUIRK_NO_SSE);
  g_assert_true (starling_software_get_quirks (STARLING_SOFTWARE_GOTOSOCIAL) & STARLING_SOFTWARE_QUIRK_NO_SCHEDULED_STATUSES);
  g_assert_true (starling_software_get_quirks (STARLING_SOFTWARE_MISSKEY) & STARLING_SOFTWARE_QUIRK_NO_CLIENT_API);
  g_assert_false (starling_software_get_quirks (STARLING_SOFTWARE_ICESHRIMP_NET) & STARLING_SOFTWARE_QUIRK_NO_CLIENT_API);

  /* The "(compatible; …)" form of v1 `version`. */
  g_assert_true (starling_software_parse_version ("2.7.2 (compatible; Pleroma 2.6.3)", &name, &version));
  g_assert_cmpstr (name, ==, "pleroma");
  g_assert_cmpstr (version, ==, "2.6.3");
  g_clear_pointer (&name, g_free);
  g_clear_pointer (&version, g_free);
  g_assert_true (starling_software_parse_version ("4.2.1 (compatible; Iceshrimp.NET/2024.1)", &name, &version));
  g_assert_cmpstr (name, ==, "iceshrimp.net");
  g_assert_cmpstr (version, ==, "2024.1");
  g_clear_pointer (&name, g_free);
  g_clear_pointer (&version, g_free);
  g_assert_true (starling_software_parse_version ("1.0 (compatible; Bare)", &name, &version));
  g_assert_cmpstr (name, ==, "bare");
  g_assert_null (version);
  g_clear_pointer (&name, g_free);
  g_assert_false (starling_software_parse_version ("4.3.0+glitch", &name, &version));
  g_assert_null (name);
  g_assert_false (starling_software_parse_version ("1.0 (compatible; )", NULL, NULL));
  g_assert_false (starling_software_parse_version (NULL, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/starling/nodeinfo/mastodon", test_mastodon);
  g_test_add_func ("/starling/nodeinfo/pleroma-family", test_pleroma_family);
  g_test_add_func ("/starling/nodeinfo/friendica", test_friendica);
  g_test_add_func ("/starling/nodeinfo/gotosocial", test_gotosocial);
  g_test_add_func ("/starling/nodeinfo/pixelfed", test_pixelfed);
  g_test_add_func ("/starling/nodeinfo/sharkey", test_sharkey);
  g_test_add_func ("/starling/nodeinfo/spec-examples", test_spec_examples);
  g_test_add_func ("/starling/nodeinfo/all-fixtures", test_all_fixtures);
  g_test_add_func ("/starling/nodeinfo/forks", test_forks);
  g_test_add_func ("/starling/nodeinfo/hostile", test_hostile);
  g_test_add_func ("/starling/nodeinfo/pick-link", test_pick_link);
  g_test_add_func ("/starling/nodeinfo/software", test_software);

  return g_test_run ();
}
