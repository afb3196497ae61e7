/* test-account.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "model/starling-account.h"
#include "model/starling-account-field.h"
#include "model/starling-custom-emoji.h"

#include "starling-test-data.h"

/* Decodes a whole fixture, asserting it decodes as a Account. */
#define decode_fixture(path) ((StarlingAccount *) starling_test_decode_fixture (STARLING_TYPE_ACCOUNT, (path)))

static void
test_remote (void)
{
  g_autoptr (StarlingAccount) account = decode_fixture ("mastodon/account.json");
  GPtrArray *fields;
  GPtrArray *emojis;
  GDateTime *created;

  g_assert_cmpstr (starling_account_get_id (account), ==, "23634");
  g_assert_cmpstr (starling_account_get_username (account), ==, "noiob");
  g_assert_cmpstr (starling_account_get_acct (account), ==, "noiob@awoo.space");
  g_assert_cmpstr (starling_account_get_domain (account), ==, "awoo.space");
  g_assert_cmpstr (starling_account_get_display_name (account), ==, "ikea shark fan account");
  g_assert_cmpstr (starling_account_get_url (account), ==, "https://awoo.space/@noiob");
  g_assert_cmpstr (starling_account_get_avatar_description (account), ==, "a shark");
  g_assert_false (starling_account_get_locked (account));
  g_assert_false (starling_account_get_bot (account));
  g_assert_true (starling_account_get_indexable (account));
  g_assert_cmpint (starling_account_get_followers_count (account), ==, 547);
  g_assert_cmpint (starling_account_get_following_count (account), ==, 404);
  g_assert_cmpint (starling_account_get_statuses_count (account), ==, 28468);

  created = starling_account_get_created_at (account);
  g_assert_nonnull (created);
  g_assert_cmpint (g_date_time_to_unix (created), ==, 1486519253);
  /* last_status_at is a bare date. */
  g_assert_nonnull (starling_account_get_last_status_at (account));
  g_assert_cmpint (g_date_time_get_day_of_month (starling_account_get_last_status_at (account)), ==, 17);

  fields = starling_account_get_fields (account);
  g_assert_nonnull (fields);
  g_assert_cmpuint (fields->len, >, 0);
  g_assert_nonnull (starling_account_field_get_name (fields->pdata[0]));

  emojis = starling_account_get_emojis (account);
  g_assert_nonnull (emojis);
  for (guint i = 0; i < emojis->len; i++)
    {
      g_assert_nonnull (starling_custom_emoji_get_shortcode (emojis->pdata[i]));
      g_assert_true (g_str_has_prefix (starling_custom_emoji_get_url (emojis->pdata[i]), "https://"));
    }
}

static void
test_local_and_credential (void)
{
  g_autoptr (StarlingAccount) account = decode_fixture ("mastodon/account-credential.json");
  GPtrArray *fields;
  JsonNode *source;

  g_assert_cmpstr (starling_account_get_acct (account), ==, "trwnh");
  g_assert_null (starling_account_get_domain (account));
  g_assert_cmpstr (starling_account_get_display (account), ==, "infinite love ⴳ");

  /* Only the signed-in account has a source; it is kept as JSON. */
  source = starling_account_get_source (account);
  g_assert_nonnull (source);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (source));
  g_assert_true (json_object_has_member (json_node_get_object (source), "privacy"));

  fields = starling_account_get_fields (account);
  g_assert_cmpuint (fields->len, ==, 4);
  g_assert_cmpstr (starling_account_field_get_name (fields->pdata[0]), ==, "Website");
  g_assert_nonnull (starling_account_field_get_verified_at (fields->pdata[0]));
}

static void
test_suspended (void)
{
  g_autoptr (StarlingAccount) account = decode_fixture ("mastodon/account-suspended.json");

  g_assert_true (starling_account_get_suspended (account));
  g_assert_null (starling_account_get_last_status_at (account));
  /* An empty display name falls back to the username. */
  g_assert_cmpstr (starling_account_get_display (account), ==, "stigatle");
  g_assert_cmpuint (starling_account_get_fields (account)->len, ==, 0);
}

static void
test_moved (void)
{
  g_autoptr (StarlingAccount) account = decode_fixture ("other-servers/account_moved.json");
  StarlingAccount *moved = starling_account_get_moved (account);

  g_assert_nonnull (moved);
  g_assert_true (STARLING_IS_ACCOUNT (moved));
  g_assert_cmpstr (starling_account_get_acct (moved), ==, "noiob@awoo.space");
  g_assert_cmpint (starling_account_get_followers_count (moved), ==, 547);
}

static void
test_moved_to_itself (void)
{
  g_autoptr (StarlingEntityMap) map = starling_entity_map_new ();
  g_autoptr (JsonNode) node = starling_test_load_json ("other-servers/account_moved.json");
  g_autoptr (GError) error = NULL;
  StarlingAccount *account;

  /* In this real document the account moved to an account with its own id.
   * Through the identity map that is one object, which must not hold itself. */
  account = starling_entity_decode (STARLING_TYPE_ACCOUNT, node, map, &error);
  g_assert_no_error (error);
  g_assert_true (starling_account_get_moved (account) != account);
  g_assert_finalize_object (account);
  g_assert_cmpuint (starling_entity_map_get_size (map), ==, 0);
}

static void
test_other_servers (void)
{
  static const char *files[] = {
    "other-servers/account.json",
    "other-servers/account_mastodon_official.json",
    "other-servers/account_pixelfed.json",
    "other-servers/account_pixelfed_mutes_blocks.json",
    "other-servers/account_verify_credentials_condensed.json",
    "mastodon/account-local.json",
    "mastodon/account-remote.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr (JsonNode) node = starling_test_load_json (files[i]);
      g_autoptr (GError) error = NULL;
      JsonNode *element = node;
      g_autoptr (StarlingAccount) account = NULL;

      /* Some of these are lists of accounts. */
      if (JSON_NODE_HOLDS_ARRAY (node))
        element = json_array_get_element (json_node_get_array (node), 0);

      account = starling_entity_decode (STARLING_TYPE_ACCOUNT, element, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (starling_account_get_id (account));
      g_assert_nonnull (starling_account_get_acct (account));
      g_assert_nonnull (starling_account_get_display (account));
    }
}

static void
test_pixelfed (void)
{
  g_autoptr (StarlingAccount) account = decode_fixture ("other-servers/account_pixelfed.json");

  g_assert_cmpstr (starling_account_get_id (account), ==, "569707951076919035");
  g_assert_cmpstr (starling_account_get_display_name (account), ==, "Technicat");
  /* Pixelfed writes microseconds. */
  g_assert_cmpint (g_date_time_to_unix (starling_account_get_created_at (account)), ==, 1685585760);
}

static void
test_hostile (void)
{
  static const struct {
    const char *json;
    const char *missing;
  } missing[] = {
    { "{}", "id" },
    { "{\"id\": null, \"username\": \"a\", \"acct\": \"a\"}", "id" },
    { "{\"id\": \"1\", \"acct\": \"a\"}", "username" },
    { "{\"id\": \"1\", \"username\": \"a\"}", "acct" },
    { "{\"id\": [1], \"username\": \"a\", \"acct\": \"a\"}", "id" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
    {
      g_autoptr (JsonNode) node = starling_json_parse (missing[i].json, -1, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (StarlingAccount) account = NULL;

      account = starling_entity_decode (STARLING_TYPE_ACCOUNT, node, NULL, &error);
      g_assert_null (account);
      g_assert_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_MISSING_FIELD);
      g_assert_nonnull (strstr (error->message, missing[i].missing));
    }

  /* Numbers for ids, strings for counts, huge and negative numbers, wrong
   * types everywhere else: decoded, clamped or ignored. */
  {
    const char *json =
      "{\"id\": 110000000000000000, \"username\": \"<b>x</b>\", \"acct\": \"x@h\","
      " \"followers_count\": 1e300, \"following_count\": \"12\", \"statuses_count\": -5,"
      " \"locked\": \"yes\", \"bot\": 1, \"created_at\": 42, \"fields\": {\"a\": 1},"
      " \"emojis\": [null, 3, {\"shortcode\": \"ok\", \"url\": \"https://e/ok.png\"}, {}],"
      " \"moved\": \"nope\", \"display_name\": {\"nested\": true}}";
    g_autoptr (JsonNode) node = starling_json_parse (json, -1, NULL);
    g_autoptr (GError) error = NULL;
    g_auto (GStrv) notes = NULL;
    g_autoptr (StarlingAccount) account = NULL;

    account = starling_entity_decode_full (STARLING_TYPE_ACCOUNT, node, NULL, &notes, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (starling_account_get_id (account), ==, "110000000000000000");
    g_assert_cmpstr (starling_account_get_username (account), ==, "<b>x</b>");
    g_assert_cmpint (starling_account_get_followers_count (account), ==, G_MAXINT64);
    g_assert_cmpint (starling_account_get_following_count (account), ==, 12);
    g_assert_cmpint (starling_account_get_statuses_count (account), ==, 0);
    g_assert_false (starling_account_get_locked (account));
    g_assert_true (starling_account_get_bot (account));
    g_assert_cmpint (g_date_time_to_unix (starling_account_get_created_at (account)), ==, 42);
    g_assert_null (starling_account_get_fields (account));
    g_assert_cmpuint (starling_account_get_emojis (account)->len, ==, 1);
    g_assert_null (starling_account_get_moved (account));
    g_assert_null (starling_account_get_display_name (account));
    g_assert_cmpstr (starling_account_get_display (account), ==, "<b>x</b>");
    /* Each thing put up with is reported. */
    g_assert_cmpuint (g_strv_length (notes), >=, 6);
  }

  /* Not an object at all. */
  {
    g_autoptr (JsonNode) node = starling_json_parse ("[1, 2]", -1, NULL);
    g_autoptr (GError) error = NULL;

    g_assert_null (starling_entity_decode (STARLING_TYPE_ACCOUNT, node, NULL, &error));
    g_assert_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_WRONG_TYPE);
  }
}

static void
test_parse_errors (void)
{
  static const char *bad[] = { "", "   ", "{", "<html><body>502 Bad Gateway</body></html>", "{\"a\": }", "[1,]" };
  g_autoptr (GString) deep = g_string_new (NULL);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) local_error = NULL;
      g_autoptr (JsonNode) node = starling_json_parse (bad[i], -1, &local_error);

      g_assert_null (node);
      g_assert_error (local_error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_MALFORMED);
    }

  /* A hundred thousand nested arrays would exhaust json-glib's stack. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, ']');
  g_assert_null (starling_json_parse (deep->str, deep->len, &error));
  g_assert_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_MALFORMED);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

static void
test_identity (void)
{
  g_autoptr (StarlingEntityMap) map = starling_entity_map_new ();
  g_autoptr (JsonNode) node = starling_test_load_json ("mastodon/account.json");
  g_autoptr (JsonNode) changed = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  StarlingAccount *first;
  StarlingAccount *second;
  GPtrArray *fields;

  first = starling_entity_decode (STARLING_TYPE_ACCOUNT, node, map, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (starling_entity_map_get_size (map), ==, 1);
  fields = starling_account_get_fields (first);

  g_signal_connect (first, "notify", G_CALLBACK (count_notify_cb), names);

  /* The same document again: the same object, and no notification. */
  second = starling_entity_decode (STARLING_TYPE_ACCOUNT, node, map, &error);
  g_assert_no_error (error);
  g_assert_true (first == second);
  g_assert_cmpuint (names->len, ==, 0);
  /* Fields without an identity of their own were merged, not replaced. */
  g_assert_true (starling_account_get_fields (first) == fields);
  g_object_unref (second);

  /* A newer copy with one count changed notifies that count only. */
  changed = json_node_copy (node);
  json_object_set_int_member (json_node_get_object (changed), "followers_count", 548);
  second = starling_entity_decode (STARLING_TYPE_ACCOUNT, changed, map, &error);
  g_assert_no_error (error);
  g_assert_true (first == second);
  g_assert_cmpint (starling_account_get_followers_count (first), ==, 548);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (names->pdata[0], ==, "followers-count");
  g_object_unref (second);

  /* A partial copy (only some fields) leaves the others alone. */
  {
    g_autoptr (JsonNode) partial = starling_json_parse (
      "{\"id\": \"23634\", \"username\": \"noiob\", \"acct\": \"noiob@awoo.space\", \"avatar\": \"https://x/a.png\"}",
      -1, NULL);

    second = starling_entity_decode (STARLING_TYPE_ACCOUNT, partial, map, &error);
    g_assert_no_error (error);
    g_assert_true (first == second);
    g_assert_cmpstr (starling_account_get_avatar (first), ==, "https://x/a.png");
    g_assert_cmpint (starling_account_get_followers_count (first), ==, 548);
    g_assert_cmpstr (starling_account_get_display_name (first), ==, "ikea shark fan account");
    g_object_unref (second);
  }

  /* When the last reference goes, the map forgets the object. */
  g_assert_finalize_object (first);
  g_assert_cmpuint (starling_entity_map_get_size (map), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/starling/account/remote", test_remote);
  g_test_add_func ("/starling/account/local-and-credential", test_local_and_credential);
  g_test_add_func ("/starling/account/suspended", test_suspended);
  g_test_add_func ("/starling/account/moved", test_moved);
  g_test_add_func ("/starling/account/moved-to-itself", test_moved_to_itself);
  g_test_add_func ("/starling/account/other-servers", test_other_servers);
  g_test_add_func ("/starling/account/pixelfed", test_pixelfed);
  g_test_add_func ("/starling/account/hostile", test_hostile);
  g_test_add_func ("/starling/account/parse-errors", test_parse_errors);
  g_test_add_func ("/starling/account/identity", test_identity);

  return g_test_run ();
}
