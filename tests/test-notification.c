/* test-notification.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "model/starling-notification.h"
#include "model/starling-notification-group.h"

#include "starling-test-data.h"

/* A notification of @type by the account of account.json, about the post
 * of status.json when @with_status. */
static JsonNode *
make_notification (const char *type,
                   gboolean    with_status)
{
  g_autoptr (JsonNode) account = starling_test_load_json ("mastodon/account.json");
  g_autoptr (JsonNode) status = starling_test_load_json ("mastodon/status.json");
  JsonObject *object = json_object_new ();
  JsonNode *node;

  json_object_set_string_member (object, "id", "4242");
  json_object_set_string_member (object, "type", type);
  json_object_set_string_member (object, "created_at", "2024-08-23T08:59:56.743Z");
  json_object_set_member (object, "account", json_node_copy (account));
  if (with_status)
    json_object_set_member (object, "status", json_node_copy (status));

  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);

  return node;
}

static gpointer
decode_node (GType     type,
             JsonNode *node)
{
  g_autoptr (GError) error = NULL;
  gpointer entity = starling_entity_decode (type, node, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entity);

  return entity;
}

static void
assert_fails (GType       type,
              JsonNode   *node,
              const char *first,
              const char *second)
{
  g_autoptr (GError) error = NULL;

  g_assert_null (starling_entity_decode (type, node, NULL, &error));
  g_assert_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_MISSING_FIELD);
  if (first != NULL)
    g_assert_nonnull (strstr (error->message, first));
  if (second != NULL)
    g_assert_nonnull (strstr (error->message, second));
}

static void
test_mention (void)
{
  g_autoptr (JsonNode) node = starling_test_load_json ("mastodon/notification-mention.json");
  g_autoptr (StarlingNotification) notification = decode_node (STARLING_TYPE_NOTIFICATION, node);
  StarlingStatus *status;
  StarlingAccount *account;

  g_assert_cmpstr (starling_notification_get_id (notification), ==, "68739215");
  g_assert_cmpint (starling_notification_get_notification_type (notification), ==,
                   STARLING_NOTIFICATION_TYPE_MENTION);
  g_assert_cmpstr (starling_notification_get_type_name (notification), ==, "mention");
  g_assert_null (starling_notification_get_group_key (notification));
  g_assert_cmpint (g_date_time_to_unix (starling_notification_get_created_at (notification)), ==, 1661900994);

  account = starling_notification_get_account (notification);
  g_assert_cmpstr (starling_account_get_id (account), ==, "108892712797543112");
  g_assert_cmpstr (starling_account_get_acct (account), ==, "a@pl.nulled.red");

  status = starling_notification_get_status (notification);
  g_assert_nonnull (status);
  g_assert_cmpstr (starling_status_get_id (status), ==, "108914343542683797");
  g_assert_true (g_str_has_prefix (starling_status_get_content (status), "<span class=\"h-card\">"));
  g_assert_null (starling_notification_get_report (notification));
  g_assert_null (starling_notification_get_event (notification));
}

static void
test_every_type (void)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (STARLING_TYPE_NOTIFICATION_TYPE);

  g_assert_cmpuint (klass->n_values, ==, 17);

  for (guint i = 0; i < klass->n_values; i++)
    {
      StarlingNotificationType type = klass->values[i].value;
      const char *name = klass->values[i].value_nick;
      g_autoptr (JsonNode) with_status = make_notification (name, TRUE);
      g_autoptr (JsonNode) without_status = make_notification (name, FALSE);
      g_autoptr (StarlingNotification) notification = NULL;

      notification = decode_node (STARLING_TYPE_NOTIFICATION, with_status);
      g_assert_cmpint (starling_notification_get_notification_type (notification), ==, type);
      g_assert_cmpstr (starling_notification_get_type_name (notification), ==, name);
      g_assert_cmpstr (starling_status_get_id (starling_notification_get_status (notification)), ==,
                       "103270115826048975");
      g_clear_object (&notification);

      /* Without its post, a notification about a post is nothing. */
      if (starling_notification_type_has_status (type))
        {
          assert_fails (STARLING_TYPE_NOTIFICATION, without_status, "“status”", name);
        }
      else
        {
          notification = decode_node (STARLING_TYPE_NOTIFICATION, without_status);
          g_assert_null (starling_notification_get_status (notification));
        }
    }

  g_assert_true (starling_notification_type_has_status (STARLING_NOTIFICATION_TYPE_QUOTE));
  g_assert_true (starling_notification_type_has_status (STARLING_NOTIFICATION_TYPE_POLL));
  g_assert_false (starling_notification_type_has_status (STARLING_NOTIFICATION_TYPE_FOLLOW_REQUEST));
  g_assert_false (starling_notification_type_has_status (STARLING_NOTIFICATION_TYPE_ADMIN_SIGN_UP));
}

static void
test_unknown_type (void)
{
  g_autoptr (JsonNode) node = make_notification ("something_new", FALSE);
  g_autoptr (JsonNode) reaction = make_notification ("pleroma:emoji_reaction", TRUE);
  g_autoptr (StarlingNotification) notification = NULL;
  g_autoptr (StarlingNotification) with_status = NULL;
  g_auto (GStrv) notes = NULL;
  g_autoptr (GError) error = NULL;

  /* Kept, with the server's word, for the caller to show or skip. */
  notification = starling_entity_decode_full (STARLING_TYPE_NOTIFICATION, node, NULL, &notes, &error);
  g_assert_no_error (error);
  g_assert_cmpint (starling_notification_get_notification_type (notification), ==,
                   STARLING_NOTIFICATION_TYPE_UNKNOWN);
  g_assert_cmpstr (starling_notification_get_type_name (notification), ==, "something_new");
  g_assert_cmpstr (starling_account_get_acct (starling_notification_get_account (notification)), ==,
                   "noiob@awoo.space");
  g_assert_nonnull (notes[0]);
  g_assert_nonnull (strstr (notes[0], "something_new"));

  with_status = decode_node (STARLING_TYPE_NOTIFICATION, reaction);
  g_assert_cmpint (starling_notification_get_notification_type (with_status), ==,
                   STARLING_NOTIFICATION_TYPE_UNKNOWN);
  g_assert_cmpstr (starling_notification_get_type_name (with_status), ==, "pleroma:emoji_reaction");
  g_assert_nonnull (starling_notification_get_status (with_status));
}

static void
test_extra_objects (void)
{
  static const struct {
    const char *type;
    const char *member;
  } cases[] = {
    { "admin.report", "report" },
    { "severed_relationships", "event" },
    { "moderation_warning", "moderation_warning" },
    { "added_to_collection", "collection" },
    { "something_newer", "fallback" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (JsonNode) node = make_notification (cases[i].type, FALSE);
      g_autoptr (JsonNode) extra = starling_json_parse ("{\"id\": \"7\", \"text\": \"<b>x</b>\"}", -1, NULL);
      g_autoptr (StarlingNotification) notification = NULL;
      JsonNode *kept = NULL;

      json_object_set_member (json_node_get_object (node), cases[i].member, json_node_copy (extra));
      notification = decode_node (STARLING_TYPE_NOTIFICATION, node);

      if (i == 0)
        kept = starling_notification_get_report (notification);
      else if (i == 1)
        kept = starling_notification_get_event (notification);
      else if (i == 2)
        kept = starling_notification_get_moderation_warning (notification);
      else if (i == 3)
        kept = starling_notification_get_collection (notification);
      else
        kept = starling_notification_get_fallback (notification);

      g_assert_nonnull (kept);
      g_assert_true (json_node_equal (kept, extra));
    }
}

static void
test_partial (void)
{
  static const char *single[] = {
    "mastodon/partial/notification-mention.json",
    "mastodon/partial/notification-favourite.json",
  };
  g_autoptr (JsonNode) list = starling_test_load_json ("mastodon/partial/notifications.json");
  g_autoptr (GPtrArray) decoded = NULL;
  g_autoptr (GError) error = NULL;
  JsonArray *array;

  /* The documentation abbreviates the posts: without their `uri` they are
   * not statuses, and the error says so. */
  for (guint i = 0; i < G_N_ELEMENTS (single); i++)
    {
      g_autoptr (JsonNode) node = starling_test_load_json (single[i]);

      assert_fails (STARLING_TYPE_NOTIFICATION, node, "status: ", "“uri”");
    }

  array = json_node_get_array (list);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  for (guint i = 0; i < json_array_get_length (array); i++)
    assert_fails (STARLING_TYPE_NOTIFICATION, json_array_get_element (array, i), "status: ", "“uri”");

  /* A page of them is left empty rather than failing. */
  decoded = starling_entity_decode_array (STARLING_TYPE_NOTIFICATION, list, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decoded->len, ==, 0);

  /* Given the post's `uri`, the same abbreviated notification decodes. */
  {
    g_autoptr (JsonNode) node = starling_test_load_json ("mastodon/partial/notification-favourite.json");
    g_autoptr (JsonNode) copy = json_node_copy (node);
    g_autoptr (StarlingNotification) notification = NULL;
    JsonObject *status = json_object_get_object_member (json_node_get_object (copy), "status");

    json_object_set_string_member (status, "uri", "https://mastodon.social/users/trwnh/statuses/103186046267791694");
    notification = decode_node (STARLING_TYPE_NOTIFICATION, copy);
    g_assert_cmpstr (starling_notification_get_id (notification), ==, "34975535");
    g_assert_cmpint (starling_notification_get_notification_type (notification), ==,
                     STARLING_NOTIFICATION_TYPE_FAVOURITE);
    g_assert_cmpstr (starling_account_get_acct (starling_notification_get_account (notification)), ==,
                     "haskal@cybre.space");
    g_assert_cmpstr (starling_account_get_acct (starling_status_get_account (starling_notification_get_status (notification))), ==,
                     "trwnh");
  }
}

static void
test_hostile (void)
{
  /* Required fields: missing, null, or unusable. */
  {
    static const struct {
      const char *json;
      const char *missing;
    } cases[] = {
      { "{}", "“id”" },
      { "{\"id\": \"1\", \"account\": {\"id\": \"1\", \"username\": \"a\", \"acct\": \"a\"}}", "“type”" },
      { "{\"id\": \"1\", \"type\": null, \"account\": {\"id\": \"1\", \"username\": \"a\", \"acct\": \"a\"}}", "“type”" },
      { "{\"id\": \"1\", \"type\": [\"follow\"], \"account\": {\"id\": \"1\", \"username\": \"a\", \"acct\": \"a\"}}", "“type”" },
      { "{\"id\": \"1\", \"type\": \"follow\"}", "“account”" },
      { "{\"id\": \"1\", \"type\": \"follow\", \"account\": {\"id\": \"1\", \"acct\": \"a\"}}", "“username”" },
      { "{\"id\": {}, \"type\": \"follow\", \"account\": {\"id\": \"1\", \"username\": \"a\", \"acct\": \"a\"}}", "“id”" },
      { "{\"id\": \"1\", \"type\": \"reblog\", \"account\": {\"id\": \"1\", \"username\": \"a\", \"acct\": \"a\"},"
        " \"status\": \"103270115826048975\"}", "status" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr (JsonNode) node = starling_json_parse (cases[i].json, -1, NULL);
        g_autoptr (GError) error = NULL;

        g_assert_null (starling_entity_decode (STARLING_TYPE_NOTIFICATION, node, NULL, &error));
        g_assert_nonnull (error);
        g_assert_nonnull (strstr (error->message, cases[i].missing));
      }
  }

  /* Numbers for ids and types, markup, wrong types elsewhere. */
  {
    g_autoptr (JsonNode) node = starling_json_parse (
      "{\"id\": 110000000000000001, \"type\": 5, \"group_key\": \"<b>ungrouped</b>\","
      " \"created_at\": \"yesterday\", \"status\": [1], \"report\": null,"
      " \"account\": {\"id\": 7, \"username\": \"<i>a</i>\", \"acct\": \"a&b\"}}", -1, NULL);
    g_autoptr (StarlingNotification) notification = decode_node (STARLING_TYPE_NOTIFICATION, node);

    g_assert_cmpstr (starling_notification_get_id (notification), ==, "110000000000000001");
    g_assert_cmpint (starling_notification_get_notification_type (notification), ==,
                     STARLING_NOTIFICATION_TYPE_UNKNOWN);
    g_assert_cmpstr (starling_notification_get_type_name (notification), ==, "5");
    g_assert_cmpstr (starling_notification_get_group_key (notification), ==, "<b>ungrouped</b>");
    g_assert_null (starling_notification_get_created_at (notification));
    g_assert_null (starling_notification_get_status (notification));
    g_assert_null (starling_notification_get_report (notification));
    g_assert_cmpstr (starling_account_get_id (starling_notification_get_account (notification)), ==, "7");
    g_assert_cmpstr (starling_account_get_username (starling_notification_get_account (notification)), ==, "<i>a</i>");
  }

  /* Not an object. */
  {
    g_autoptr (JsonNode) node = starling_json_parse ("[\"mention\"]", -1, NULL);
    g_autoptr (GError) error = NULL;

    g_assert_null (starling_entity_decode (STARLING_TYPE_NOTIFICATION, node, NULL, &error));
    g_assert_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_WRONG_TYPE);
  }
}

static void
test_identity (void)
{
  g_autoptr (StarlingEntityMap) map = starling_entity_map_new ();
  g_autoptr (JsonNode) node = starling_test_load_json ("mastodon/notification-mention.json");
  g_autoptr (JsonNode) account_node = NULL;
  g_autoptr (GError) error = NULL;
  StarlingNotification *first;
  StarlingNotification *second;
  StarlingAccount *account;

  first = starling_entity_decode (STARLING_TYPE_NOTIFICATION, node, map, &error);
  g_assert_no_error (error);
  second = starling_entity_decode (STARLING_TYPE_NOTIFICATION, node, map, &error);
  g_assert_no_error (error);
  g_assert_true (first == second);
  g_object_unref (second);

  /* Its account is the one object for that id. */
  account_node = json_node_copy (json_object_get_member (json_node_get_object (node), "account"));
  account = starling_entity_decode (STARLING_TYPE_ACCOUNT, account_node, map, &error);
  g_assert_no_error (error);
  g_assert_true (account == starling_notification_get_account (first));
  g_object_unref (account);

  g_assert_finalize_object (first);
  g_assert_cmpuint (starling_entity_map_get_size (map), ==, 0);
}

static void
test_grouped (void)
{
  g_autoptr (JsonNode) node = starling_test_load_json ("mastodon/partial/grouped-notifications.json");
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GError) error = NULL;
  StarlingNotificationGroup *group;
  const char * const *ids;
  GPtrArray *samples;

  groups = starling_notification_group_decode_results (node, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 2);

  group = groups->pdata[0];
  g_assert_cmpstr (starling_notification_group_get_group_key (group), ==, "favourite-113010503322889311-479000");
  g_assert_cmpstr (starling_notification_group_get_id (group), ==, "favourite-113010503322889311-479000");
  g_assert_cmpint (starling_notification_group_get_notifications_count (group), ==, 2);
  g_assert_cmpint (starling_notification_group_get_notification_type (group), ==,
                   STARLING_NOTIFICATION_TYPE_FAVOURITE);
  g_assert_cmpstr (starling_notification_group_get_type_name (group), ==, "favourite");
  /* A JSON number, as the documentation sends it. */
  g_assert_cmpstr (starling_notification_group_get_most_recent_notification_id (group), ==, "196014");
  g_assert_cmpstr (starling_notification_group_get_page_min_id (group), ==, "196013");
  g_assert_cmpstr (starling_notification_group_get_page_max_id (group), ==, "196014");
  g_assert_cmpint (g_date_time_get_minute (starling_notification_group_get_latest_page_notification_at (group)), ==, 59);
  ids = starling_notification_group_get_sample_account_ids (group);
  g_assert_cmpuint (g_strv_length ((GStrv) ids), ==, 2);
  g_assert_cmpstr (ids[0], ==, "16");

  /* The sample accounts are resolved from the document's accounts. */
  samples = starling_notification_group_get_sample_accounts (group);
  g_assert_cmpuint (samples->len, ==, 2);
  g_assert_cmpstr (starling_account_get_username (samples->pdata[0]), ==, "eve");
  g_assert_cmpstr (starling_account_get_username (samples->pdata[1]), ==, "alice");
  g_assert_cmpstr (starling_notification_group_get_status_id (group), ==, "113010503322889311");
  /* The documentation's statuses are abbreviated (no `uri`): left out. */
  g_assert_null (starling_notification_group_get_status (group));

  group = groups->pdata[1];
  g_assert_cmpstr (starling_notification_group_get_most_recent_notification_id (group), ==, "196012");
  samples = starling_notification_group_get_sample_accounts (group);
  g_assert_cmpuint (samples->len, ==, 2);
  g_assert_cmpstr (starling_account_get_username (samples->pdata[0]), ==, "bob");
  g_assert_cmpstr (starling_account_get_username (samples->pdata[1]), ==, "mallory");
  /* Both groups share no account: distinct objects for distinct ids. */
  g_assert_true (samples->pdata[0] != starling_notification_group_get_sample_accounts (groups->pdata[0])->pdata[0]);
}

static void
test_grouped_single (void)
{
  g_autoptr (JsonNode) node = starling_test_load_json ("mastodon/partial/notification-group.json");
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GError) error = NULL;
  StarlingNotificationGroup *group;

  groups = starling_notification_group_decode_results (node, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 1);
  group = groups->pdata[0];
  g_assert_cmpstr (starling_notification_group_get_most_recent_notification_id (group), ==, "196014");
  g_assert_null (starling_notification_group_get_page_min_id (group));
  g_assert_null (starling_notification_group_get_latest_page_notification_at (group));
  g_assert_cmpuint (starling_notification_group_get_sample_accounts (group)->len, ==, 2);
}

/* A complete document: full accounts and statuses, a partial account, and
 * references to things that are not there. */
static JsonNode *
make_results (void)
{
  g_autoptr (JsonNode) account = starling_test_load_json ("mastodon/account.json");
  g_autoptr (JsonNode) partial = starling_test_load_json ("mastodon/account-partial-with-avatar.json");
  g_autoptr (JsonNode) status = starling_test_load_json ("mastodon/status.json");
  g_autoptr (JsonNode) groups = starling_json_parse (
    "[{\"group_key\": \"favourite-103270115826048975-1\", \"notifications_count\": 3,"
    "  \"type\": \"favourite\", \"most_recent_notification_id\": 300,"
    "  \"sample_account_ids\": [\"23634\", \"999\", \"404\"], \"status_id\": \"103270115826048975\"},"
    " {\"group_key\": \"ungrouped-301\", \"notifications_count\": 1, \"type\": \"follow\","
    "  \"most_recent_notification_id\": \"301\", \"sample_account_ids\": \"999\"},"
    " {\"notifications_count\": 1, \"type\": \"follow\"},"
    " {\"group_key\": \"ungrouped-302\", \"type\": \"mention\", \"sample_account_ids\": [],"
    "  \"status_id\": \"123\"}]", -1, NULL);
  JsonObject *object = json_object_new ();
  JsonArray *accounts = json_array_new ();
  JsonArray *partials = json_array_new ();
  JsonArray *statuses = json_array_new ();
  JsonNode *partial_copy = json_node_copy (partial);
  JsonNode *node;

  /* Another account than account.json's, seen partially. */
  json_object_set_string_member (json_node_get_object (partial_copy), "id", "999");
  json_object_set_string_member (json_node_get_object (partial_copy), "acct", "shark@sea.example");

  json_array_add_element (accounts, json_node_copy (account));
  json_array_add_element (partials, partial_copy);
  json_array_add_element (partials, json_node_new (JSON_NODE_NULL));
  json_array_add_element (statuses, json_node_copy (status));
  json_object_set_array_member (object, "accounts", accounts);
  json_object_set_array_member (object, "partial_accounts", partials);
  json_object_set_array_member (object, "statuses", statuses);
  json_object_set_member (object, "notification_groups", json_node_copy (groups));

  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);

  return node;
}

static void
test_grouped_resolution (void)
{
  g_autoptr (StarlingEntityMap) map = starling_entity_map_new ();
  g_autoptr (JsonNode) node = make_results ();
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autoptr (GError) error = NULL;
  StarlingNotificationGroup *group;
  StarlingStatus *status;
  GPtrArray *samples;

  groups = starling_notification_group_decode_results (node, map, &error);
  g_assert_no_error (error);
  /* The group without a key is left out. */
  g_assert_cmpuint (groups->len, ==, 3);

  group = groups->pdata[0];
  g_assert_cmpstr (starling_notification_group_get_most_recent_notification_id (group), ==, "300");
  samples = starling_notification_group_get_sample_accounts (group);
  /* 404 is in no list: left out. */
  g_assert_cmpuint (samples->len, ==, 2);
  g_assert_cmpstr (starling_account_get_acct (samples->pdata[0]), ==, "noiob@awoo.space");
  g_assert_cmpint (starling_account_get_followers_count (samples->pdata[0]), ==, 547);
  /* The partial account, with a username taken from its acct. */
  g_assert_cmpstr (starling_account_get_id (samples->pdata[1]), ==, "999");
  g_assert_cmpstr (starling_account_get_username (samples->pdata[1]), ==, "shark");
  g_assert_cmpstr (starling_account_get_avatar_description (samples->pdata[1]), ==, "a shark");
  status = starling_notification_group_get_status (group);
  g_assert_nonnull (status);
  g_assert_cmpstr (starling_status_get_id (status), ==, "103270115826048975");

  /* A lone id where a list is documented; the same account object. */
  group = groups->pdata[1];
  g_assert_cmpstr (starling_notification_group_get_group_key (group), ==, "ungrouped-301");
  samples = starling_notification_group_get_sample_accounts (group);
  g_assert_cmpuint (samples->len, ==, 1);
  g_assert_true (samples->pdata[0] == starling_notification_group_get_sample_accounts (groups->pdata[0])->pdata[1]);
  g_assert_null (starling_notification_group_get_status (group));

  /* A status that is nowhere. */
  group = groups->pdata[2];
  g_assert_cmpuint (starling_notification_group_get_sample_accounts (group)->len, ==, 0);
  g_assert_cmpstr (starling_notification_group_get_status_id (group), ==, "123");
  g_assert_null (starling_notification_group_get_status (group));

  /* Through the map, the next page's copy of a group is the same object,
   * and a status from an earlier document is found. */
  {
    g_autoptr (JsonNode) next = starling_json_parse (
      "{\"accounts\": [], \"statuses\": [], \"notification_groups\": ["
      " {\"group_key\": \"favourite-103270115826048975-1\", \"notifications_count\": 4,"
      "  \"type\": \"favourite\", \"sample_account_ids\": [\"999\"], \"status_id\": \"103270115826048975\"}]}",
      -1, NULL);

    again = starling_notification_group_decode_results (next, map, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (again->len, ==, 1);
    g_assert_true (again->pdata[0] == groups->pdata[0]);
    group = again->pdata[0];
    g_assert_cmpint (starling_notification_group_get_notifications_count (group), ==, 4);
    g_assert_true (starling_notification_group_get_status (group) == status);
    g_assert_cmpuint (starling_notification_group_get_sample_accounts (group)->len, ==, 1);
    g_assert_cmpstr (starling_account_get_username (starling_notification_group_get_sample_accounts (group)->pdata[0]), ==,
                     "shark");
  }

  g_clear_pointer (&again, g_ptr_array_unref);
  g_clear_pointer (&groups, g_ptr_array_unref);
  g_assert_cmpuint (starling_entity_map_get_size (map), ==, 0);
}

static void
test_grouped_hostile (void)
{
  static const struct {
    const char *json;
    int         code;
  } bad[] = {
    { "[]", STARLING_MODEL_ERROR_WRONG_TYPE },
    { "\"notification_groups\"", STARLING_MODEL_ERROR_WRONG_TYPE },
    { "{}", STARLING_MODEL_ERROR_MISSING_FIELD },
    { "{\"notification_groups\": {\"group_key\": \"x\"}}", STARLING_MODEL_ERROR_MISSING_FIELD },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (JsonNode) node = starling_json_parse (bad[i].json, -1, NULL);
      g_autoptr (GError) error = NULL;

      g_assert_null (starling_notification_group_decode_results (node, NULL, &error));
      g_assert_error (error, STARLING_MODEL_ERROR, bad[i].code);
      if (bad[i].code == STARLING_MODEL_ERROR_MISSING_FIELD)
        g_assert_nonnull (strstr (error->message, "notification_groups"));
    }

  /* Junk everywhere but in one usable group. */
  {
    g_autoptr (JsonNode) node = starling_json_parse (
      "{\"accounts\": \"alice\", \"partial_accounts\": [{\"id\": \"1\"}, {\"acct\": 5}],"
      " \"statuses\": {\"id\": \"1\"},"
      " \"notification_groups\": [null, 1, \"x\", {\"group_key\": null, \"type\": \"follow\"},"
      "   {\"group_key\": 42, \"type\": {\"a\": 1}, \"notifications_count\": \"many\","
      "    \"most_recent_notification_id\": 1e300, \"sample_account_ids\": [null, 1, {\"id\": \"2\"}],"
      "    \"latest_page_notification_at\": 1724403596}]}", -1, NULL);
    g_autoptr (GPtrArray) groups = NULL;
    g_autoptr (GError) error = NULL;
    StarlingNotificationGroup *group;

    groups = starling_notification_group_decode_results (node, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (groups->len, ==, 0);
    g_clear_pointer (&groups, g_ptr_array_unref);

    /* The type was unusable, so the group was left out; with a type it
     * decodes. */
    json_object_set_string_member (
      json_array_get_object_element (json_object_get_array_member (json_node_get_object (node), "notification_groups"), 4),
      "type", "<b>new</b>");
    groups = starling_notification_group_decode_results (node, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (groups->len, ==, 1);
    group = groups->pdata[0];
    g_assert_cmpstr (starling_notification_group_get_id (group), ==, "42");
    g_assert_cmpstr (starling_notification_group_get_type_name (group), ==, "<b>new</b>");
    g_assert_cmpint (starling_notification_group_get_notification_type (group), ==,
                     STARLING_NOTIFICATION_TYPE_UNKNOWN);
    g_assert_cmpint (starling_notification_group_get_notifications_count (group), ==, 0);
    g_assert_cmpstr (starling_notification_group_get_most_recent_notification_id (group), ==,
                     "1.0000000000000001e+300");
    g_assert_cmpuint (g_strv_length ((GStrv) starling_notification_group_get_sample_account_ids (group)), ==, 1);
    g_assert_cmpuint (starling_notification_group_get_sample_accounts (group)->len, ==, 0);
    g_assert_cmpint (g_date_time_to_unix (starling_notification_group_get_latest_page_notification_at (group)), ==,
                     1724403596);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/starling/notification/mention", test_mention);
  g_test_add_func ("/starling/notification/every-type", test_every_type);
  g_test_add_func ("/starling/notification/unknown-type", test_unknown_type);
  g_test_add_func ("/starling/notification/extra-objects", test_extra_objects);
  g_test_add_func ("/starling/notification/partial", test_partial);
  g_test_add_func ("/starling/notification/hostile", test_hostile);
  g_test_add_func ("/starling/notification/identity", test_identity);
  g_test_add_func ("/starling/notification/grouped", test_grouped);
  g_test_add_func ("/starling/notification/grouped-single", test_grouped_single);
  g_test_add_func ("/starling/notification/grouped-resolution", test_grouped_resolution);
  g_test_add_func ("/starling/notification/grouped-hostile", test_grouped_hostile);

  return g_test_run ();
}
