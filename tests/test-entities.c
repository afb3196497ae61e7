/* test-entities.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The smaller entities: relationships, markers, lists, conversations,
 * thread contexts, search results and scheduled posts; and what every
 * entity does: encoding back to JSON (for the timeline cache) and
 * interning what a worker thread decoded.
 */

#include "config.h"

#include <string.h>

#include "model/starling-context.h"
#include "model/starling-conversation.h"
#include "model/starling-list.h"
#include "model/starling-marker.h"
#include "model/starling-account.h"
#include "model/starling-client-application.h"
#include "model/starling-filter.h"
#include "model/starling-instance.h"
#include "model/starling-media-attachment.h"
#include "model/starling-notification-group.h"
#include "model/starling-notification.h"
#include "model/starling-poll.h"
#include "model/starling-preview-card.h"
#include "model/starling-quote.h"
#include "model/starling-relationship.h"
#include "model/starling-scheduled-status.h"
#include "model/starling-search-results.h"
#include "model/starling-status.h"
#include "model/starling-tag.h"

#include "starling-test-data.h"

static gpointer
decode_text (GType       type,
             const char *json)
{
  g_autoptr (JsonNode) node = starling_json_parse (json, -1, NULL);
  g_autoptr (GError) error = NULL;
  gpointer entity;

  g_assert_nonnull (node);
  entity = starling_entity_decode (type, node, NULL, &error);
  g_assert_no_error (error);

  return entity;
}

static void
assert_missing (GType       type,
                const char *json,
                const char *field)
{
  g_autoptr (JsonNode) node = starling_json_parse (json, -1, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *quoted = g_strdup_printf ("“%s”", field);

  g_assert_null (starling_entity_decode (type, node, NULL, &error));
  g_assert_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_MISSING_FIELD);
  g_assert_nonnull (strstr (error->message, quoted));
}

static GPtrArray *
decode_list_fixture (GType       type,
                     const char *path)
{
  g_autoptr (JsonNode) node = starling_test_load_json (path);
  g_autoptr (GError) error = NULL;
  GPtrArray *items;

  items = starling_entity_decode_array (type, node, NULL, &error);
  g_assert_no_error (error);

  return items;
}

static gboolean
notes_mention (GStrv       notes,
               const char *text)
{
  for (guint i = 0; notes != NULL && notes[i] != NULL; i++)
    if (strstr (notes[i], text) != NULL)
      return TRUE;

  return FALSE;
}

/* Relationships */

static void
test_relationship (void)
{
  g_autoptr (StarlingRelationship) full = starling_test_decode_fixture (STARLING_TYPE_RELATIONSHIP, "mastodon/relationship.json");
  g_autoptr (StarlingRelationship) follow = starling_test_decode_fixture (STARLING_TYPE_RELATIONSHIP, "mastodon/relationship-after-follow.json");
  g_autoptr (StarlingRelationship) noted = starling_test_decode_fixture (STARLING_TYPE_RELATIONSHIP, "mastodon/relationship-with-note.json");
  g_autoptr (StarlingRelationship) other = starling_test_decode_fixture (STARLING_TYPE_RELATIONSHIP, "other-servers/relationship.json");
  g_autoptr (GPtrArray) list = decode_list_fixture (STARLING_TYPE_RELATIONSHIP, "mastodon/relationships.json");

  g_assert_cmpstr (starling_relationship_get_id (full), ==, "1");
  g_assert_true (starling_relationship_get_following (full));
  g_assert_true (starling_relationship_get_showing_reblogs (full));
  g_assert_false (starling_relationship_get_notifying (full));
  g_assert_true (starling_relationship_get_followed_by (full));
  g_assert_false (starling_relationship_get_blocking (full));
  g_assert_false (starling_relationship_get_blocked_by (full));
  g_assert_false (starling_relationship_get_muting (full));
  g_assert_false (starling_relationship_get_muting_notifications (full));
  g_assert_null (starling_relationship_get_muting_expires_at (full));
  g_assert_false (starling_relationship_get_requested (full));
  g_assert_false (starling_relationship_get_requested_by (full));
  g_assert_false (starling_relationship_get_domain_blocking (full));
  g_assert_false (starling_relationship_get_endorsed (full));
  g_assert_cmpstr (starling_relationship_get_note (full), ==, "");

  g_assert_cmpstr (starling_relationship_get_id (follow), ==, "3");
  g_assert_true (starling_relationship_get_following (follow));
  g_assert_false (starling_relationship_get_showing_reblogs (follow));
  g_assert_null (starling_relationship_get_note (follow));

  g_assert_cmpstr (starling_relationship_get_note (noted), ==, "this is a comment");

  g_assert_cmpstr (starling_relationship_get_id (other), ==, "109580351883608424");
  g_assert_null (starling_relationship_get_languages (other));
  g_assert_false (starling_relationship_get_following (other));

  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (starling_relationship_get_id (list->pdata[1]), ==, "2");
  g_assert_cmpint (g_date_time_to_unix (starling_relationship_get_muting_expires_at (list->pdata[1])), ==, 1770903925);
}

static void
test_relationship_sharkey (void)
{
  g_autoptr (StarlingEntityMap) map = starling_entity_map_new ();
  g_autoptr (JsonNode) node = starling_test_load_json ("other-servers/relationship_sharkey.json");
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingRelationship) relationship = NULL;

  /* Sharkey leaves out the id (and most flags): it decodes, outside the
   * map. */
  relationship = starling_entity_decode (STARLING_TYPE_RELATIONSHIP, node, map, &error);
  g_assert_no_error (error);
  g_assert_null (starling_relationship_get_id (relationship));
  g_assert_true (starling_relationship_get_showing_reblogs (relationship));
  g_assert_false (starling_relationship_get_following (relationship));
  g_assert_null (starling_relationship_get_note (relationship));
  g_assert_cmpuint (starling_entity_map_get_size (map), ==, 0);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

static void
test_relationship_identity (void)
{
  g_autoptr (StarlingEntityMap) map = starling_entity_map_new ();
  g_autoptr (JsonNode) node = starling_test_load_json ("mastodon/relationship.json");
  g_autoptr (JsonNode) account_node = starling_json_parse ("{\"id\": \"1\", \"username\": \"a\", \"acct\": \"a\"}", -1, NULL);
  g_autoptr (JsonNode) unfollowed = starling_json_parse ("{\"id\": \"1\", \"following\": false, \"showing_reblogs\": true}", -1, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingAccount) account = NULL;
  StarlingRelationship *relationship;
  StarlingRelationship *again;

  relationship = starling_entity_decode (STARLING_TYPE_RELATIONSHIP, node, map, &error);
  g_assert_no_error (error);
  /* The account of the same id is another object: the map keys by type. */
  account = starling_entity_decode (STARLING_TYPE_ACCOUNT, account_node, map, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (starling_entity_map_get_size (map), ==, 2);

  g_signal_connect (relationship, "notify", G_CALLBACK (notify_cb), names);
  again = starling_entity_decode (STARLING_TYPE_RELATIONSHIP, unfollowed, map, &error);
  g_assert_no_error (error);
  g_assert_true (again == relationship);
  g_assert_false (starling_relationship_get_following (relationship));
  g_assert_true (starling_relationship_get_followed_by (relationship));
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (names->pdata[0], ==, "following");
  g_object_unref (again);

  g_assert_finalize_object (relationship);
  g_assert_cmpuint (starling_entity_map_get_size (map), ==, 1);
}

static void
test_relationship_hostile (void)
{
  g_autoptr (StarlingRelationship) relationship = decode_text (STARLING_TYPE_RELATIONSHIP,
    "{\"id\": 42, \"following\": \"true\", \"blocking\": 2, \"muting\": \"perhaps\","
    " \"languages\": \"de\", \"muting_expires_at\": \"never\", \"note\": \"<script>x</script>\","
    " \"endorsed\": null, \"requested\": [true]}");

  g_assert_cmpstr (starling_relationship_get_id (relationship), ==, "42");
  g_assert_true (starling_relationship_get_following (relationship));
  g_assert_true (starling_relationship_get_blocking (relationship));
  g_assert_false (starling_relationship_get_muting (relationship));
  g_assert_cmpstr (starling_relationship_get_languages (relationship)[0], ==, "de");
  g_assert_null (starling_relationship_get_muting_expires_at (relationship));
  g_assert_cmpstr (starling_relationship_get_note (relationship), ==, "<script>x</script>");
  g_assert_false (starling_relationship_get_endorsed (relationship));
  g_assert_false (starling_relationship_get_requested (relationship));
}

/* Markers */

static void
test_marker (void)
{
  g_autoptr (StarlingMarker) marker = starling_test_decode_fixture (STARLING_TYPE_MARKER, "mastodon/marker.json");
  g_autoptr (JsonNode) node = starling_test_load_json ("mastodon/markers.json");
  g_autoptr (StarlingMarker) home = NULL;
  g_autoptr (StarlingMarker) notifications = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (starling_marker_get_last_read_id (marker), ==, "103194548672408537");
  g_assert_cmpint (starling_marker_get_version (marker), ==, 462);
  g_assert_cmpint (g_date_time_to_unix (starling_marker_get_updated_at (marker)), ==, 1574624379);

  g_assert_true (starling_marker_decode_document (node, &home, &notifications, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (starling_marker_get_last_read_id (home), ==, "103206604258487607");
  g_assert_cmpint (starling_marker_get_version (home), ==, 468);
  g_assert_cmpstr (starling_marker_get_last_read_id (notifications), ==, "35098814");
  g_assert_cmpint (starling_marker_get_version (notifications), ==, 361);
  g_assert_cmpint (g_date_time_get_minute (starling_marker_get_updated_at (notifications)), ==, 37);
}

static void
test_marker_unix_time (void)
{
  g_autoptr (JsonNode) node = starling_test_load_json ("other-servers/markers_unix_timestamp.json");
  g_autoptr (StarlingMarker) home = NULL;
  g_autoptr (StarlingMarker) notifications = NULL;
  g_autoptr (GError) error = NULL;

  /* GoToSocial: only the timeline asked for, a Unix time in a string. */
  g_assert_true (starling_marker_decode_document (node, &home, &notifications, &error));
  g_assert_no_error (error);
  g_assert_null (home);
  g_assert_cmpstr (starling_marker_get_last_read_id (notifications), ==, "1736969839000000");
  g_assert_cmpint (starling_marker_get_version (notifications), ==, 0);
  g_assert_nonnull (starling_marker_get_updated_at (notifications));
  g_assert_cmpint (g_date_time_to_unix (starling_marker_get_updated_at (notifications)), ==, 1740308876);
}

static void
test_marker_hostile (void)
{
  /* One timeline's broken marker does not lose the other's. */
  {
    g_autoptr (JsonNode) node = starling_json_parse (
      "{\"home\": {\"version\": 3}, \"notifications\": {\"last_read_id\": 35098814, \"version\": \"7\","
      " \"updated_at\": \"soon\"}, \"public\": {\"last_read_id\": \"1\"}}", -1, NULL);
    g_autoptr (StarlingMarker) home = NULL;
    g_autoptr (StarlingMarker) notifications = NULL;
    g_autoptr (GError) error = NULL;

    g_assert_true (starling_marker_decode_document (node, &home, &notifications, &error));
    g_assert_null (home);
    g_assert_cmpstr (starling_marker_get_last_read_id (notifications), ==, "35098814");
    g_assert_cmpint (starling_marker_get_version (notifications), ==, 7);
    g_assert_null (starling_marker_get_updated_at (notifications));
  }

  /* Without timelines, and asking for one only. */
  {
    g_autoptr (JsonNode) node = starling_json_parse ("{}", -1, NULL);
    g_autoptr (JsonNode) full = starling_test_load_json ("mastodon/markers.json");
    g_autoptr (StarlingMarker) home = NULL;
    g_autoptr (StarlingMarker) notifications = NULL;

    g_assert_true (starling_marker_decode_document (node, &home, &notifications, NULL));
    g_assert_null (home);
    g_assert_null (notifications);
    g_assert_true (starling_marker_decode_document (full, &home, NULL, NULL));
    g_assert_nonnull (home);
  }

  /* Not the document. */
  {
    g_autoptr (JsonNode) node = starling_json_parse ("[{\"last_read_id\": \"1\"}]", -1, NULL);
    g_autoptr (StarlingMarker) home = NULL;
    g_autoptr (GError) error = NULL;

    g_assert_false (starling_marker_decode_document (node, &home, NULL, &error));
    g_assert_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_WRONG_TYPE);
    g_assert_null (home);
  }

  /* Unix times out of range, and as numbers. */
  {
    g_autoptr (StarlingMarker) far = decode_text (STARLING_TYPE_MARKER,
      "{\"last_read_id\": \"1\", \"updated_at\": \"99999999999999\"}");
    g_autoptr (StarlingMarker) number = decode_text (STARLING_TYPE_MARKER,
      "{\"last_read_id\": \"1\", \"updated_at\": 1740308876}");
    g_autoptr (StarlingMarker) blank = decode_text (STARLING_TYPE_MARKER,
      "{\"last_read_id\": \"1\", \"updated_at\": \" \", \"version\": -4}");

    g_assert_null (starling_marker_get_updated_at (far));
    g_assert_cmpint (g_date_time_to_unix (starling_marker_get_updated_at (number)), ==, 1740308876);
    g_assert_null (starling_marker_get_updated_at (blank));
    g_assert_cmpint (starling_marker_get_version (blank), ==, 0);
  }

  assert_missing (STARLING_TYPE_MARKER, "{\"version\": 3}", "last_read_id");
  assert_missing (STARLING_TYPE_MARKER, "{\"last_read_id\": null}", "last_read_id");
}

/* Lists */

static void
test_list (void)
{
  g_autoptr (StarlingList) list = starling_test_decode_fixture (STARLING_TYPE_LIST, "mastodon/list.json");
  g_autoptr (StarlingList) other = starling_test_decode_fixture (STARLING_TYPE_LIST, "other-servers/list.json");
  g_autoptr (GPtrArray) lists = decode_list_fixture (STARLING_TYPE_LIST, "mastodon/lists.json");

  g_assert_cmpstr (starling_list_get_id (list), ==, "12249");
  g_assert_cmpstr (starling_list_get_title (list), ==, "Friends");
  g_assert_cmpint (starling_list_get_replies_policy (list), ==, STARLING_LIST_REPLIES_POLICY_LIST);
  g_assert_false (starling_list_get_exclusive (list));

  g_assert_cmpstr (starling_list_get_id (other), ==, "3309");
  g_assert_cmpstr (starling_list_get_title (other), ==, "tech");
  g_assert_cmpint (starling_list_get_replies_policy (other), ==, STARLING_LIST_REPLIES_POLICY_FOLLOWED);

  g_assert_cmpuint (lists->len, ==, 2);
  g_assert_cmpint (starling_list_get_replies_policy (lists->pdata[0]), ==, STARLING_LIST_REPLIES_POLICY_FOLLOWED);
  g_assert_cmpstr (starling_list_get_title (lists->pdata[1]), ==, "test");
  g_assert_true (starling_list_get_exclusive (lists->pdata[1]));
}

static void
test_list_hostile (void)
{
  g_autoptr (StarlingList) unknown = decode_text (STARLING_TYPE_LIST,
    "{\"id\": 5, \"title\": \"<b>Friends & co</b>\", \"replies_policy\": \"everyone\", \"exclusive\": \"1\"}");
  g_autoptr (StarlingList) none = decode_text (STARLING_TYPE_LIST,
    "{\"id\": \"6\", \"title\": \"x\", \"replies_policy\": \"none\", \"exclusive\": {}}");
  g_autoptr (StarlingList) bare = decode_text (STARLING_TYPE_LIST, "{\"id\": \"7\", \"title\": \"\"}");

  g_assert_cmpstr (starling_list_get_id (unknown), ==, "5");
  g_assert_cmpstr (starling_list_get_title (unknown), ==, "<b>Friends & co</b>");
  g_assert_cmpint (starling_list_get_replies_policy (unknown), ==, STARLING_LIST_REPLIES_POLICY_UNKNOWN);
  g_assert_true (starling_list_get_exclusive (unknown));
  g_assert_cmpint (starling_list_get_replies_policy (none), ==, STARLING_LIST_REPLIES_POLICY_NONE);
  g_assert_false (starling_list_get_exclusive (none));
  g_assert_cmpint (starling_list_get_replies_policy (bare), ==, STARLING_LIST_REPLIES_POLICY_UNKNOWN);
  g_assert_cmpstr (starling_list_get_title (bare), ==, "");

  assert_missing (STARLING_TYPE_LIST, "{\"id\": \"1\"}", "title");
  assert_missing (STARLING_TYPE_LIST, "{\"title\": \"Friends\"}", "id");
  assert_missing (STARLING_TYPE_LIST, "{\"id\": \"1\", \"title\": [\"Friends\"]}", "title");
}

/* Conversations */

static void
test_conversation (void)
{
  g_autoptr (StarlingConversation) conversation = starling_test_decode_fixture (STARLING_TYPE_CONVERSATION, "mastodon/conversation.json");
  StarlingStatus *last;
  GPtrArray *accounts;

  g_assert_cmpstr (starling_conversation_get_id (conversation), ==, "819516");
  g_assert_true (starling_conversation_get_unread (conversation));
  accounts = starling_conversation_get_accounts (conversation);
  g_assert_cmpuint (accounts->len, ==, 1);
  g_assert_cmpstr (starling_account_get_acct (accounts->pdata[0]), ==, "a@pl.nulled.red");
  last = starling_conversation_get_last_status (conversation);
  g_assert_nonnull (last);
  g_assert_cmpstr (starling_status_get_id (last), ==, "109346889330629417");
  g_assert_cmpint (starling_status_get_visibility (last), ==, STARLING_VISIBILITY_DIRECT);
}

static void
test_conversations_partial (void)
{
  g_autoptr (JsonNode) node = starling_test_load_json ("mastodon/partial/conversations.json");
  JsonArray *array = json_node_get_array (node);

  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr (GError) error = NULL;
      g_auto (GStrv) notes = NULL;
      g_autoptr (StarlingConversation) conversation = NULL;

      /* The abbreviated last post is left out, and the notes say why. */
      conversation = starling_entity_decode_full (STARLING_TYPE_CONVERSATION, json_array_get_element (array, i),
                                                  NULL, &notes, &error);
      g_assert_no_error (error);
      g_assert_null (starling_conversation_get_last_status (conversation));
      g_assert_true (notes_mention (notes, "“uri”"));
      g_assert_cmpuint (starling_conversation_get_accounts (conversation)->len, ==, 1);
      g_assert_true (starling_conversation_get_unread (conversation) == (i == 0));
    }

  {
    g_autoptr (GPtrArray) conversations = decode_list_fixture (STARLING_TYPE_CONVERSATION,
                                                               "mastodon/partial/conversations.json");

    g_assert_cmpuint (conversations->len, ==, 2);
    g_assert_cmpstr (starling_conversation_get_id (conversations->pdata[0]), ==, "418450");
    g_assert_cmpstr (starling_account_get_acct (starling_conversation_get_accounts (conversations->pdata[1])->pdata[0]), ==,
                     "freon@letsalllovela.in");
  }

  assert_missing (STARLING_TYPE_CONVERSATION, "{\"unread\": true, \"accounts\": []}", "id");
}

static void
test_conversation_identity (void)
{
  g_autoptr (StarlingEntityMap) map = starling_entity_map_new ();
  g_autoptr (JsonNode) node = starling_test_load_json ("mastodon/conversation.json");
  g_autoptr (JsonNode) read = starling_test_load_json ("mastodon/conversation.json");
  g_autoptr (GError) error = NULL;
  StarlingConversation *conversation;
  StarlingConversation *again;
  StarlingStatus *last;

  conversation = starling_entity_decode (STARLING_TYPE_CONVERSATION, node, map, &error);
  g_assert_no_error (error);
  last = starling_conversation_get_last_status (conversation);

  json_object_set_boolean_member (json_node_get_object (read), "unread", FALSE);
  again = starling_entity_decode (STARLING_TYPE_CONVERSATION, read, map, &error);
  g_assert_no_error (error);
  g_assert_true (again == conversation);
  g_assert_false (starling_conversation_get_unread (conversation));
  g_assert_true (starling_conversation_get_last_status (conversation) == last);
  g_object_unref (again);

  g_assert_finalize_object (conversation);
  g_assert_cmpuint (starling_entity_map_get_size (map), ==, 0);
}

/* Thread contexts */

static void
test_context (void)
{
  g_autoptr (JsonNode) status = starling_test_load_json ("mastodon/status.json");
  /* Loaded again: a copy of a node would share its object. */
  JsonNode *reply = starling_test_load_json ("mastodon/status.json");
  JsonObject *object = json_object_new ();
  JsonArray *ancestors = json_array_new ();
  JsonArray *descendants = json_array_new ();
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (StarlingContext) context = NULL;
  g_autoptr (GError) error = NULL;

  json_object_set_string_member (json_node_get_object (reply), "id", "103270115826048976");
  json_object_set_string_member (json_node_get_object (reply), "in_reply_to_id", "103270115826048975");
  json_array_add_element (ancestors, json_node_copy (status));
  json_array_add_element (descendants, json_node_new (JSON_NODE_NULL));
  json_array_add_element (descendants, reply);
  json_object_set_array_member (object, "ancestors", ancestors);
  json_object_set_array_member (object, "descendants", descendants);
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);

  context = starling_entity_decode (STARLING_TYPE_CONTEXT, node, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (starling_context_get_ancestors (context)->len, ==, 1);
  g_assert_cmpstr (starling_status_get_id (starling_context_get_ancestors (context)->pdata[0]), ==, "103270115826048975");
  g_assert_cmpuint (starling_context_get_descendants (context)->len, ==, 1);
  g_assert_cmpstr (starling_status_get_in_reply_to_id (starling_context_get_descendants (context)->pdata[0]), ==,
                   "103270115826048975");
}

static void
test_context_partial (void)
{
  static const char *paths[] = { "mastodon/partial/context.json", "mastodon/partial/context-get.json" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr (JsonNode) node = starling_test_load_json (paths[i]);
      g_autoptr (GError) error = NULL;
      g_auto (GStrv) notes = NULL;
      g_autoptr (StarlingContext) context = NULL;

      context = starling_entity_decode_full (STARLING_TYPE_CONTEXT, node, NULL, &notes, &error);
      g_assert_no_error (error);
      /* The abbreviated posts are left out; the notes name what they lack. */
      g_assert_cmpuint (starling_context_get_ancestors (context)->len, ==, 0);
      g_assert_cmpuint (starling_context_get_descendants (context)->len, ==, 0);
      g_assert_true (notes_mention (notes, "ancestors[2] skipped"));
      g_assert_true (notes_mention (notes, "“uri”"));
    }
}

static void
test_context_hostile (void)
{
  static const char *documents[] = {
    "{}",
    "{\"ancestors\": \"none\", \"descendants\": {\"id\": \"1\"}}",
    "{\"ancestors\": [null, 1, \"x\", []], \"descendants\": null}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr (StarlingContext) context = decode_text (STARLING_TYPE_CONTEXT, documents[i]);

      g_assert_nonnull (starling_context_get_ancestors (context));
      g_assert_cmpuint (starling_context_get_ancestors (context)->len, ==, 0);
      g_assert_nonnull (starling_context_get_descendants (context));
      g_assert_cmpuint (starling_context_get_descendants (context)->len, ==, 0);
    }
}

/* Search */

static void
test_search (void)
{
  static const char *paths[] = { "mastodon/partial/search.json", "mastodon/partial/search-v2.json" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr (JsonNode) node = starling_test_load_json (paths[i]);
      g_autoptr (GError) error = NULL;
      g_auto (GStrv) notes = NULL;
      g_autoptr (StarlingSearchResults) results = NULL;
      GPtrArray *accounts;
      GPtrArray *hashtags;

      results = starling_entity_decode_full (STARLING_TYPE_SEARCH_RESULTS, node, NULL, &notes, &error);
      g_assert_no_error (error);

      accounts = starling_search_results_get_accounts (results);
      g_assert_cmpuint (accounts->len, ==, 2);
      g_assert_cmpstr (starling_account_get_acct (accounts->pdata[0]), ==, "catstar@catgram.jp");
      g_assert_cmpstr (starling_account_get_display_name (accounts->pdata[1]), ==, "Cats Are Weird");

      /* The documentation's statuses are abbreviated: left out, noted. */
      g_assert_cmpuint (starling_search_results_get_statuses (results)->len, ==, 0);
      g_assert_true (notes_mention (notes, "statuses[0] skipped"));

      hashtags = starling_search_results_get_hashtags (results);
      g_assert_cmpuint (hashtags->len, ==, 2);
      g_assert_cmpstr (starling_tag_get_name (hashtags->pdata[0]), ==, "cats");
      g_assert_cmpstr (starling_tag_get_url (hashtags->pdata[1]), ==, "https://mastodon.social/tags/catsofmastodon");
      g_assert_cmpstr (starling_tag_get_id (hashtags->pdata[0]), ==, i == 0 ? NULL : "205");
    }
}

static void
test_search_complete (void)
{
  g_autoptr (JsonNode) status = starling_test_load_json ("mastodon/status.json");
  g_autoptr (JsonNode) account = starling_test_load_json ("mastodon/account.json");
  g_autoptr (JsonNode) tag = starling_test_load_json ("mastodon/tag.json");
  JsonObject *object = json_object_new ();
  JsonArray *accounts = json_array_new ();
  JsonArray *statuses = json_array_new ();
  JsonArray *hashtags = json_array_new ();
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (StarlingSearchResults) results = NULL;
  g_autoptr (GError) error = NULL;

  json_array_add_element (accounts, json_node_copy (account));
  json_array_add_element (statuses, json_node_copy (status));
  json_array_add_element (hashtags, json_node_copy (tag));
  json_object_set_array_member (object, "accounts", accounts);
  json_object_set_array_member (object, "statuses", statuses);
  json_object_set_array_member (object, "hashtags", hashtags);
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);

  results = starling_entity_decode (STARLING_TYPE_SEARCH_RESULTS, node, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (starling_account_get_acct (starling_search_results_get_accounts (results)->pdata[0]), ==,
                   "noiob@awoo.space");
  g_assert_cmpstr (starling_status_get_id (starling_search_results_get_statuses (results)->pdata[0]), ==,
                   "103270115826048975");
  g_assert_cmpstr (starling_tag_get_name (starling_search_results_get_hashtags (results)->pdata[0]), ==,
                   json_object_get_string_member (json_node_get_object (tag), "name"));
}

static void
test_search_hostile (void)
{
  /* The v1 search gave hashtags as bare names. */
  {
    g_autoptr (StarlingSearchResults) results = decode_text (STARLING_TYPE_SEARCH_RESULTS,
      "{\"hashtags\": [\"cats\", 5, null, \"<b>dogs</b>\", {\"name\": \"birds\"}]}");
    GPtrArray *hashtags = starling_search_results_get_hashtags (results);

    g_assert_cmpuint (hashtags->len, ==, 3);
    g_assert_cmpstr (starling_tag_get_name (hashtags->pdata[0]), ==, "birds");
    g_assert_cmpstr (starling_tag_get_name (hashtags->pdata[1]), ==, "cats");
    g_assert_cmpstr (starling_tag_get_name (hashtags->pdata[2]), ==, "<b>dogs</b>");
    g_assert_null (starling_tag_get_url (hashtags->pdata[1]));
    g_assert_cmpuint (starling_search_results_get_accounts (results)->len, ==, 0);
    g_assert_cmpuint (starling_search_results_get_statuses (results)->len, ==, 0);
  }

  /* Lists of the wrong type, elements of the wrong type. */
  {
    g_autoptr (StarlingSearchResults) results = decode_text (STARLING_TYPE_SEARCH_RESULTS,
      "{\"accounts\": {\"id\": \"1\"}, \"statuses\": \"none\", \"hashtags\": 3,"
      " \"extra\": [1, 2, 3]}");

    g_assert_cmpuint (starling_search_results_get_accounts (results)->len, ==, 0);
    g_assert_cmpuint (starling_search_results_get_statuses (results)->len, ==, 0);
    g_assert_cmpuint (starling_search_results_get_hashtags (results)->len, ==, 0);
  }

  {
    g_autoptr (JsonNode) node = starling_json_parse ("[]", -1, NULL);
    g_autoptr (GError) error = NULL;

    g_assert_null (starling_entity_decode (STARLING_TYPE_SEARCH_RESULTS, node, NULL, &error));
    g_assert_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_WRONG_TYPE);
  }
}

/* Scheduled posts */

static void
test_scheduled_status (void)
{
  g_autoptr (StarlingScheduledStatus) scheduled = starling_test_decode_fixture (STARLING_TYPE_SCHEDULED_STATUS,
                                                                  "mastodon/scheduled-status.json");
  g_autoptr (StarlingScheduledStatus) listed = starling_test_decode_fixture (STARLING_TYPE_SCHEDULED_STATUS,
                                                               "mastodon/scheduled-status-listed.json");
  g_autoptr (GPtrArray) list = decode_list_fixture (STARLING_TYPE_SCHEDULED_STATUS, "mastodon/scheduled-statuses.json");
  StarlingScheduledStatusParams *params;

  g_assert_cmpstr (starling_scheduled_status_get_id (scheduled), ==, "1");
  g_assert_cmpint (g_date_time_to_unix (starling_scheduled_status_get_scheduled_at (scheduled)), ==, 1664409600);
  g_assert_cmpuint (starling_scheduled_status_get_media_attachments (scheduled)->len, ==, 0);
  params = starling_scheduled_status_get_params (scheduled);
  g_assert_nonnull (params);
  g_assert_cmpstr (starling_scheduled_status_params_get_text (params), ==, "test post");
  /* Null when not given: the account's defaults apply. */
  g_assert_cmpint (starling_scheduled_status_params_get_visibility (params), ==, STARLING_VISIBILITY_UNKNOWN);
  g_assert_null (starling_scheduled_status_params_get_visibility_name (params));
  g_assert_null (starling_scheduled_status_params_get_media_ids (params));
  g_assert_null (starling_scheduled_status_params_get_spoiler_text (params));
  g_assert_null (starling_scheduled_status_params_get_poll (params));
  g_assert_null (starling_scheduled_status_params_get_in_reply_to_id (params));
  g_assert_false (starling_scheduled_status_params_get_sensitive (params));
  g_assert_false (starling_scheduled_status_params_get_with_rate_limit (params));
  g_assert_cmpstr (starling_scheduled_status_params_get_application_id (params), ==, "3");

  g_assert_cmpstr (starling_scheduled_status_params_get_text (starling_scheduled_status_get_params (listed)), ==,
                   "test post");

  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (starling_scheduled_status_get_id (list->pdata[0]), ==, "3221");
  params = starling_scheduled_status_get_params (list->pdata[0]);
  g_assert_cmpstr (starling_scheduled_status_params_get_text (params), ==, "test content");
  g_assert_cmpstr (starling_scheduled_status_params_get_application_id (params), ==, "596551");
}

static void
test_scheduled_other_servers (void)
{
  g_autoptr (StarlingScheduledStatus) attachment = starling_test_decode_fixture (STARLING_TYPE_SCHEDULED_STATUS,
                                                                   "other-servers/scheduled_post_attachment.json");
  g_autoptr (StarlingScheduledStatus) multiple = starling_test_decode_fixture (STARLING_TYPE_SCHEDULED_STATUS,
                                                                 "other-servers/scheduled_post_multiple_attachments.json");
  g_autoptr (StarlingScheduledStatus) reply = starling_test_decode_fixture (STARLING_TYPE_SCHEDULED_STATUS,
                                                              "other-servers/scheduled_post_reply.json");
  g_autoptr (StarlingScheduledStatus) sensitive = starling_test_decode_fixture (STARLING_TYPE_SCHEDULED_STATUS,
                                                                  "other-servers/scheduled_post_sensitive.json");
  StarlingScheduledStatusParams *params;
  GPtrArray *media;

  params = starling_scheduled_status_get_params (attachment);
  g_assert_cmpstr (starling_scheduled_status_get_id (attachment), ==, "1031");
  g_assert_cmpuint (g_strv_length ((GStrv) starling_scheduled_status_params_get_media_ids (params)), ==, 1);
  g_assert_cmpstr (starling_scheduled_status_params_get_media_ids (params)[0], ==, "110884868918054337");
  g_assert_cmpstr (starling_scheduled_status_params_get_language (params), ==, "en");
  g_assert_cmpint (starling_scheduled_status_params_get_visibility (params), ==, STARLING_VISIBILITY_PRIVATE);
  g_assert_cmpstr (starling_scheduled_status_params_get_visibility_name (params), ==, "private");
  media = starling_scheduled_status_get_media_attachments (attachment);
  g_assert_cmpuint (media->len, ==, 1);
  g_assert_cmpstr (starling_media_attachment_get_id (media->pdata[0]), ==, "110884868918054337");
  g_assert_cmpint (starling_media_attachment_get_media_type (media->pdata[0]), ==, STARLING_MEDIA_TYPE_IMAGE);
  g_assert_cmpint (starling_media_attachment_get_width (media->pdata[0]), ==, 3000);

  media = starling_scheduled_status_get_media_attachments (multiple);
  g_assert_cmpuint (media->len, ==, 2);
  g_assert_cmpstr (starling_media_attachment_get_description (media->pdata[0]), ==, "Second Image");
  g_assert_cmpuint (g_strv_length ((GStrv) starling_scheduled_status_params_get_media_ids (
                      starling_scheduled_status_get_params (multiple))), ==, 2);

  /* The reply's id is a JSON number. */
  params = starling_scheduled_status_get_params (reply);
  g_assert_cmpstr (starling_scheduled_status_params_get_in_reply_to_id (params), ==, "110883505948339014");
  g_assert_cmpint (starling_scheduled_status_params_get_visibility (params), ==, STARLING_VISIBILITY_UNLISTED);
  g_assert_cmpstr (starling_scheduled_status_params_get_text (params), ==, "@technicat testing scheduled reply");

  /* `sensitive` is the string "true". */
  params = starling_scheduled_status_get_params (sensitive);
  g_assert_true (starling_scheduled_status_params_get_sensitive (params));
  g_assert_cmpstr (starling_scheduled_status_params_get_spoiler_text (params), ==, "Warn");
  g_assert_cmpint (starling_scheduled_status_params_get_visibility (params), ==, STARLING_VISIBILITY_DIRECT);
}

static void
test_scheduled_hostile (void)
{
  g_autoptr (StarlingScheduledStatus) odd = decode_text (STARLING_TYPE_SCHEDULED_STATUS,
    "{\"id\": 77, \"scheduled_at\": \"later\", \"media_attachments\": [{\"id\": \"1\", \"type\": \"image\"}, {}, 3],"
    " \"params\": {\"text\": \"<p>hi & bye</p>\", \"visibility\": \"local\", \"media_ids\": \"5\","
    "  \"poll\": {\"options\": [\"a\", \"b\"], \"expires_in\": 300}, \"sensitive\": \"no\","
    "  \"in_reply_to_id\": {\"id\": \"1\"}}}");
  g_autoptr (StarlingScheduledStatus) no_params = decode_text (STARLING_TYPE_SCHEDULED_STATUS,
    "{\"id\": \"78\", \"params\": \"text\"}");
  StarlingScheduledStatusParams *params = starling_scheduled_status_get_params (odd);
  JsonNode *poll;

  g_assert_cmpstr (starling_scheduled_status_get_id (odd), ==, "77");
  g_assert_null (starling_scheduled_status_get_scheduled_at (odd));
  g_assert_cmpuint (starling_scheduled_status_get_media_attachments (odd)->len, ==, 1);
  g_assert_cmpstr (starling_scheduled_status_params_get_text (params), ==, "<p>hi & bye</p>");
  /* Pleroma's `local`: unknown, with the server's word kept. */
  g_assert_cmpint (starling_scheduled_status_params_get_visibility (params), ==, STARLING_VISIBILITY_UNKNOWN);
  g_assert_cmpstr (starling_scheduled_status_params_get_visibility_name (params), ==, "local");
  g_assert_cmpstr (starling_scheduled_status_params_get_media_ids (params)[0], ==, "5");
  g_assert_false (starling_scheduled_status_params_get_sensitive (params));
  g_assert_null (starling_scheduled_status_params_get_in_reply_to_id (params));
  poll = starling_scheduled_status_params_get_poll (params);
  g_assert_nonnull (poll);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (poll), "expires_in"), ==, 300);

  g_assert_null (starling_scheduled_status_get_params (no_params));
  g_assert_null (starling_scheduled_status_get_media_attachments (no_params));

  assert_missing (STARLING_TYPE_SCHEDULED_STATUS, "{\"scheduled_at\": \"2022-09-29T00:00:00.000Z\"}", "id");
}


/* Encoding */

/* Whether two entities decoded from different documents hold the same
 * values, nested entities compared the same way; fails naming the first
 * property that differs. */
static void
assert_same_entity (GObject    *a,
                    GObject    *b,
                    const char *where,
                    guint       depth)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  g_assert_cmpuint (depth, <, 16);
  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto (GValue) x = G_VALUE_INIT;
      g_auto (GValue) y = G_VALUE_INIT;
      g_autofree char *here = g_strdup_printf ("%s.%s", where, pspec->name);
      GType type = pspec->value_type;
      gboolean same;

      g_value_init (&x, type);
      g_value_init (&y, type);
      g_object_get_property (a, pspec->name, &x);
      g_object_get_property (b, pspec->name, &y);

      if (g_type_is_a (type, STARLING_TYPE_ENTITY))
        {
          GObject *u = g_value_get_object (&x);
          GObject *v = g_value_get_object (&y);

          if (u == NULL || v == NULL)
            same = u == v;
          else
            {
              assert_same_entity (u, v, here, depth + 1);
              same = TRUE;
            }
        }
      else if (type == G_TYPE_PTR_ARRAY)
        {
          GPtrArray *u = g_value_get_boxed (&x);
          GPtrArray *v = g_value_get_boxed (&y);

          same = (u == NULL) == (v == NULL) && (u == NULL || u->len == v->len);
          for (guint j = 0; same && u != NULL && j < u->len; j++)
            {
              g_autofree char *item = g_strdup_printf ("%s[%u]", here, j);

              assert_same_entity (u->pdata[j], v->pdata[j], item, depth + 1);
            }
        }
      else if (type == G_TYPE_DATE_TIME)
        {
          GDateTime *u = g_value_get_boxed (&x);
          GDateTime *v = g_value_get_boxed (&y);

          same = (u == NULL || v == NULL) ? u == v : g_date_time_equal (u, v);
        }
      else if (type == G_TYPE_STRV)
        {
          const char * const *u = g_value_get_boxed (&x);
          const char * const *v = g_value_get_boxed (&y);

          same = (u == NULL || v == NULL) ? u == v : g_strv_equal (u, v);
        }
      else if (type == JSON_TYPE_NODE)
        {
          JsonNode *u = g_value_get_boxed (&x);
          JsonNode *v = g_value_get_boxed (&y);

          same = (u == NULL || v == NULL) ? u == v : json_node_equal (u, v);
        }
      else
        same = g_param_values_cmp (pspec, &x, &y) == 0;

      if (!same)
        {
          g_autofree char *left = g_strdup_value_contents (&x);
          g_autofree char *right = g_strdup_value_contents (&y);

          g_error ("%s differs after encoding: %s, then %s", here, left, right);
        }
    }
}

static char *
json_text (JsonNode *node)
{
  return json_to_string (node, FALSE);
}

/* Decode, encode, decode again: the same values, and encoding the second
 * copy gives the same document. */
static void
assert_round_trip (GType       type,
                   JsonNode   *node,
                   const char *where)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GObject) first = NULL;
  g_autoptr (GObject) second = NULL;
  g_autoptr (JsonNode) encoded = NULL;
  g_autoptr (JsonNode) again = NULL;
  g_autofree char *encoded_text = NULL;
  g_autofree char *again_text = NULL;

  first = starling_entity_decode (type, node, NULL, &error);
  g_assert_no_error (error);
  encoded = starling_entity_encode (STARLING_ENTITY (first));
  g_assert_nonnull (encoded);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (encoded));

  /* Through text, as the cache stores it. */
  encoded_text = json_text (encoded);
  g_clear_pointer (&encoded, json_node_unref);
  encoded = starling_json_parse (encoded_text, -1, &error);
  g_assert_no_error (error);

  second = starling_entity_decode (type, encoded, NULL, &error);
  if (error != NULL)
    g_error ("%s: the encoded document does not decode: %s", where, error->message);
  assert_same_entity (first, second, where, 0);

  again = starling_entity_encode (STARLING_ENTITY (second));
  again_text = json_text (again);
  g_assert_cmpstr (again_text, ==, encoded_text);
}

static const struct
{
  const char *path;
  GType     (*get_type) (void);
} round_trip_cases[] = {
  { "mastodon/status.json", starling_status_get_type },
  { "mastodon/status-edited.json", starling_status_get_type },
  { "mastodon/status-get.json", starling_status_get_type },
  { "mastodon/status-local-with-tags.json", starling_status_get_type },
  { "mastodon/status-remote-edited-with-tags.json", starling_status_get_type },
  { "mastodon/status-remote-reply-with-mention.json", starling_status_get_type },
  { "other-servers/post-with-emojis-and-attachments.json", starling_status_get_type },
  { "other-servers/post_akkoma_quote.json", starling_status_get_type },
  { "other-servers/post_edited.json", starling_status_get_type },
  { "other-servers/post-wordle-linebreaks.json", starling_status_get_type },
  { "mastodon/account.json", starling_account_get_type },
  { "mastodon/account-remote.json", starling_account_get_type },
  { "mastodon/account-suspended.json", starling_account_get_type },
  { "mastodon/account-credential.json", starling_account_get_type },
  { "other-servers/account_moved.json", starling_account_get_type },
  { "other-servers/account_pixelfed.json", starling_account_get_type },
  { "mastodon/notification-mention.json", starling_notification_get_type },
  { "mastodon/media-attachment-image.json", starling_media_attachment_get_type },
  { "mastodon/media-attachment-video.json", starling_media_attachment_get_type },
  { "mastodon/media-attachment-gifv.json", starling_media_attachment_get_type },
  { "mastodon/media-attachment-audio.json", starling_media_attachment_get_type },
  { "mastodon/media-attachment-unknown.json", starling_media_attachment_get_type },
  { "mastodon/poll.json", starling_poll_get_type },
  { "mastodon/preview-card.json", starling_preview_card_get_type },
  { "mastodon/preview-card-video.json", starling_preview_card_get_type },
  { "mastodon/quote.json", starling_quote_get_type },
  { "mastodon/shallow-quote.json", starling_quote_get_type },
  { "mastodon/filter.json", starling_filter_get_type },
  { "mastodon/marker.json", starling_marker_get_type },
  { "mastodon/relationship.json", starling_relationship_get_type },
  { "mastodon/conversation.json", starling_conversation_get_type },
  { "mastodon/list.json", starling_list_get_type },
  { "mastodon/tag.json", starling_tag_get_type },
  { "mastodon/scheduled-status.json", starling_scheduled_status_get_type },
  { "mastodon/application-credential-multi-redirect.json", starling_client_application_get_type },
  { "mastodon/instance-v2.json", starling_instance_get_type },
  { "mastodon/instance-v1.json", starling_instance_get_type },
  { "other-servers/instancev2_gotosocial.json", starling_instance_get_type },
  { "other-servers/pleroma.json", starling_instance_get_type },
};

static void
test_encode_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (round_trip_cases); i++)
    {
      g_autoptr (JsonNode) node = NULL;

      node = starling_test_load_json (round_trip_cases[i].path);
      assert_round_trip (round_trip_cases[i].get_type (), node, round_trip_cases[i].path);
    }
}

/* Whole timelines, as the cache keeps them: every element of each. */
static void
test_encode_round_trip_pages (void)
{
  static const char *pages[] = {
    "mastodon/statuses-multiple.json",
    "mastodon/partial/home-timeline.json",
    "mastodon/partial/public-timeline.json",
    "mastodon/partial/bookmarks.json",
    "mastodon/partial/favourites.json",
    "mastodon/partial/status-reblog.json",
    "mastodon/partial/status-favourited.json",
    "mastodon/partial/status-posted.json",
    "mastodon/partial/status-edited.json",
    "mastodon/partial/status-with-media-deleted.json",
    "mastodon/partial/status-with-poll-deleted.json",
  };
  guint n_items = 0;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr (JsonNode) node = starling_test_load_json (pages[i]);
      g_autoptr (JsonArray) array = NULL;

      if (JSON_NODE_HOLDS_ARRAY (node))
        array = json_array_ref (json_node_get_array (node));
      else
        {
          array = json_array_new ();
          json_array_add_element (array, json_node_ref (node));
        }

      for (guint j = 0; j < json_array_get_length (array); j++)
        {
          g_autofree char *where = g_strdup_printf ("%s[%u]", pages[i], j);
          g_autoptr (GError) error = NULL;
          g_autoptr (GObject) probe = starling_entity_decode (STARLING_TYPE_STATUS,
                                                              json_array_get_element (array, j),
                                                              NULL, &error);

          /* The abbreviated examples leave out required fields at times. */
          if (probe == NULL)
            continue;
          assert_round_trip (STARLING_TYPE_STATUS, json_array_get_element (array, j), where);
          n_items++;
        }
    }

  g_test_message ("%u statuses went through", n_items);
  g_assert_cmpuint (n_items, >=, 5);
}

static void
test_encode_shape (void)
{
  g_autoptr (StarlingStatus) status = starling_test_decode_fixture (STARLING_TYPE_STATUS, "mastodon/status.json");
  g_autoptr (StarlingInstance) instance = starling_test_decode_fixture (STARLING_TYPE_INSTANCE, "mastodon/instance-v2.json");
  g_autoptr (StarlingStatus) odd = decode_text (STARLING_TYPE_STATUS,
    "{\"id\": 103270115826048975, \"uri\": \"u\", \"visibility\": \"local\", \"created_at\": \"2019-12-08T03:48:33.901Z\","
    " \"account\": {\"id\": \"1\", \"username\": \"a\", \"acct\": \"a\"}, \"edited_at\": null}");
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (JsonNode) instance_node = NULL;
  g_autoptr (JsonNode) odd_node = NULL;
  JsonObject *object;
  JsonObject *configuration;

  /* Members by the server's names, nested entities as objects, times as
   * Mastodon writes them. */
  node = starling_entity_encode (STARLING_ENTITY (status));
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, starling_status_get_id (status));
  g_assert_cmpstr (json_object_get_string_member (object, "spoiler_text"), ==, starling_status_get_spoiler_text (status));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "account")));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "account"), "acct"), ==,
                   starling_account_get_acct (starling_status_get_account (status)));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "media_attachments")));
  g_assert_cmpint (json_object_get_int_member (object, "reblogs_count"), ==, starling_status_get_reblogs_count (status));

  /* Dotted members become nested objects again. */
  instance_node = starling_entity_encode (STARLING_ENTITY (instance));
  configuration = json_object_get_object_member (json_node_get_object (instance_node), "configuration");
  g_assert_nonnull (configuration);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (configuration, "statuses"), "max_characters"), ==,
                   starling_instance_get_max_characters (instance));

  /* A number id comes back a string; the server's own word for an unknown
   * visibility wins over the enum's "unknown"; a null is left out. */
  odd_node = starling_entity_encode (STARLING_ENTITY (odd));
  object = json_node_get_object (odd_node);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "103270115826048975");
  g_assert_cmpstr (json_object_get_string_member (object, "visibility"), ==, "local");
  g_assert_cmpstr (json_object_get_string_member (object, "created_at"), ==, "2019-12-08T03:48:33.901Z");
  g_assert_false (json_object_has_member (object, "edited_at"));
  g_assert_false (json_object_has_member (object, "poll"));
}

/* What was changed on the object after decoding is encoded too: the
 * cache keeps what the window shows. */
static void
test_encode_changes (void)
{
  g_autoptr (StarlingStatus) status = starling_test_decode_fixture (STARLING_TYPE_STATUS, "mastodon/status.json");
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (StarlingStatus) copy = NULL;
  g_autoptr (GError) error = NULL;

  starling_status_set_bookmarked (status, !starling_status_get_bookmarked (status));
  starling_status_set_favourites_count (status, 4242);
  node = starling_entity_encode (STARLING_ENTITY (status));
  copy = starling_entity_decode (STARLING_TYPE_STATUS, node, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (starling_status_get_bookmarked (copy), ==, starling_status_get_bookmarked (status));
  g_assert_cmpint (starling_status_get_favourites_count (copy), ==, 4242);
}

/* Interning */

/* A worker decodes without the map; the main thread interns: the object
 * already alive is updated in place and kept, its nested ones too, and
 * only what changed is notified. */
static void
test_intern_merges (void)
{
  g_autoptr (StarlingEntityMap) map = starling_entity_map_new ();
  g_autoptr (JsonNode) node = starling_test_load_json ("mastodon/status.json");
  g_autoptr (JsonNode) newer = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) account_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingStatus) alive = NULL;
  g_autoptr (StarlingStatus) fresh = NULL;
  g_autoptr (StarlingStatus) interned = NULL;
  g_autoptr (StarlingAccount) alive_account = NULL;
  JsonObject *object;
  gint64 count;

  alive = starling_entity_decode (STARLING_TYPE_STATUS, node, map, &error);
  g_assert_no_error (error);
  alive_account = g_object_ref (starling_status_get_account (alive));
  count = starling_status_get_favourites_count (alive);

  /* The same post, later: one more favourite, and its author renamed. */
  newer = starling_entity_encode (STARLING_ENTITY (alive));
  object = json_node_get_object (newer);
  json_object_set_int_member (object, "favourites_count", count + 1);
  json_object_set_string_member (json_object_get_object_member (object, "account"), "display_name", "Renamed");

  fresh = starling_entity_decode (STARLING_TYPE_STATUS, newer, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (fresh != alive);
  g_assert_true (starling_status_get_account (fresh) != alive_account);

  g_signal_connect (alive, "notify", G_CALLBACK (notify_cb), names);
  g_signal_connect (alive_account, "notify", G_CALLBACK (notify_cb), account_names);
  interned = starling_entity_intern (fresh, map);

  g_assert_true (interned == alive);
  g_assert_cmpint (starling_status_get_favourites_count (alive), ==, count + 1);
  g_assert_true (starling_status_get_account (alive) == alive_account);
  g_assert_cmpstr (starling_account_get_display_name (alive_account), ==, "Renamed");
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (names->pdata[0], ==, "favourites-count");
  g_assert_cmpuint (account_names->len, ==, 1);
  g_assert_cmpstr (account_names->pdata[0], ==, "display-name");
  /* The fresh copy's own references now point at the living objects. */
  g_assert_true (starling_status_get_account (fresh) == alive_account);
  g_signal_handlers_disconnect_by_data (alive, names);
  g_signal_handlers_disconnect_by_data (alive_account, account_names);
}

/* A page decoded with a scratch map of its own names one account in two
 * posts as one object; interned, both posts hold the one alive object,
 * and entities that were not alive join the map as they are. */
static void
test_intern_page (void)
{
  g_autoptr (StarlingEntityMap) map = starling_entity_map_new ();
  g_autoptr (StarlingEntityMap) scratch = starling_entity_map_new ();
  g_autoptr (JsonNode) page = starling_json_parse (
    "[{\"id\": \"2\", \"uri\": \"u2\", \"content\": \"two\", \"account\": {\"id\": \"7\", \"username\": \"a\", \"acct\": \"a\", \"display_name\": \"New\"}},"
    " {\"id\": \"1\", \"uri\": \"u1\", \"content\": \"one\", \"account\": {\"id\": \"7\", \"username\": \"a\", \"acct\": \"a\", \"display_name\": \"New\"}}]",
    -1, NULL);
  g_autoptr (JsonNode) account_node = starling_json_parse (
    "{\"id\": \"7\", \"username\": \"a\", \"acct\": \"a\", \"display_name\": \"Old\"}", -1, NULL);
  g_autoptr (StarlingAccount) account = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;

  account = starling_entity_decode (STARLING_TYPE_ACCOUNT, account_node, map, &error);
  g_assert_no_error (error);
  items = starling_entity_decode_array (STARLING_TYPE_STATUS, page, scratch, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_true (starling_status_get_account (items->pdata[0]) == starling_status_get_account (items->pdata[1]));
  g_assert_true (starling_status_get_account (items->pdata[0]) != account);

  for (guint i = 0; i < items->len; i++)
    {
      gpointer alive = starling_entity_intern (items->pdata[i], map);

      /* Nothing was alive for the posts: they are the map's now. */
      g_assert_true (alive == items->pdata[i]);
      g_object_unref (alive);
    }

  g_assert_true (starling_status_get_account (items->pdata[0]) == account);
  g_assert_true (starling_status_get_account (items->pdata[1]) == account);
  g_assert_cmpstr (starling_account_get_display_name (account), ==, "New");
  {
    g_autoptr (StarlingStatus) mapped = starling_entity_map_lookup (map, STARLING_TYPE_STATUS, "2");

    g_assert_true (mapped == items->pdata[0]);
  }
}

/* Grouped notifications: the accounts and the post a group refers to are
 * resolved after decoding; interning a newer copy of a group carries them
 * to the group already shown. */
static void
test_intern_groups (void)
{
  g_autoptr (StarlingEntityMap) map = starling_entity_map_new ();
  g_autoptr (StarlingEntityMap) scratch = starling_entity_map_new ();
  g_autoptr (JsonNode) node = starling_test_load_json ("mastodon/partial/grouped-notifications.json");
  g_autoptr (GPtrArray) alive = NULL;
  g_autoptr (GPtrArray) fresh = NULL;
  g_autoptr (GError) error = NULL;
  guint with_samples = 0;

  alive = starling_notification_group_decode_results (node, map, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alive->len, >, 0);

  /* The alive groups lose their accounts, as if an older page had fewer. */
  for (guint i = 0; i < alive->len; i++)
    {
      g_autoptr (GPtrArray) none = g_ptr_array_new_with_free_func (g_object_unref);

      g_object_set (alive->pdata[i], "sample-accounts", none, "status", NULL, NULL);
    }

  fresh = starling_notification_group_decode_results (node, scratch, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fresh->len, ==, alive->len);

  for (guint i = 0; i < fresh->len; i++)
    {
      g_autoptr (StarlingNotificationGroup) group = starling_entity_intern (fresh->pdata[i], map);
      GPtrArray *samples = starling_notification_group_get_sample_accounts (group);

      g_assert_true (group == alive->pdata[i]);
      g_assert_nonnull (samples);
      g_assert_cmpuint (samples->len, ==, starling_notification_group_get_sample_accounts (fresh->pdata[i])->len);
      for (guint j = 0; j < samples->len; j++)
        {
          g_autoptr (StarlingAccount) mapped = starling_entity_map_lookup (map, STARLING_TYPE_ACCOUNT,
                                                                           starling_account_get_id (samples->pdata[j]));

          g_assert_true (mapped == samples->pdata[j]);
        }
      if (samples->len > 0)
        with_samples++;
      /* The post too, when the document held a usable one: the fresh
       * copy's reference is now the living object. */
      g_assert_true (starling_notification_group_get_status (group) ==
                     starling_notification_group_get_status (fresh->pdata[i]));
    }
  g_assert_cmpuint (with_samples, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/starling/entities/relationship", test_relationship);
  g_test_add_func ("/starling/entities/relationship-sharkey", test_relationship_sharkey);
  g_test_add_func ("/starling/entities/relationship-identity", test_relationship_identity);
  g_test_add_func ("/starling/entities/relationship-hostile", test_relationship_hostile);
  g_test_add_func ("/starling/entities/marker", test_marker);
  g_test_add_func ("/starling/entities/marker-unix-time", test_marker_unix_time);
  g_test_add_func ("/starling/entities/marker-hostile", test_marker_hostile);
  g_test_add_func ("/starling/entities/list", test_list);
  g_test_add_func ("/starling/entities/list-hostile", test_list_hostile);
  g_test_add_func ("/starling/entities/conversation", test_conversation);
  g_test_add_func ("/starling/entities/conversations-partial", test_conversations_partial);
  g_test_add_func ("/starling/entities/conversation-identity", test_conversation_identity);
  g_test_add_func ("/starling/entities/context", test_context);
  g_test_add_func ("/starling/entities/context-partial", test_context_partial);
  g_test_add_func ("/starling/entities/context-hostile", test_context_hostile);
  g_test_add_func ("/starling/entities/search", test_search);
  g_test_add_func ("/starling/entities/search-complete", test_search_complete);
  g_test_add_func ("/starling/entities/search-hostile", test_search_hostile);
  g_test_add_func ("/starling/entities/scheduled-status", test_scheduled_status);
  g_test_add_func ("/starling/entities/scheduled-other-servers", test_scheduled_other_servers);
  g_test_add_func ("/starling/entities/scheduled-hostile", test_scheduled_hostile);
  g_test_add_func ("/starling/entities/encode-round-trip", test_encode_round_trip);
  g_test_add_func ("/starling/entities/encode-round-trip-pages", test_encode_round_trip_pages);
  g_test_add_func ("/starling/entities/encode-shape", test_encode_shape);
  g_test_add_func ("/starling/entities/encode-changes", test_encode_changes);
  g_test_add_func ("/starling/entities/intern-merges", test_intern_merges);
  g_test_add_func ("/starling/entities/intern-page", test_intern_page);
  g_test_add_func ("/starling/entities/intern-groups", test_intern_groups);

  return g_test_run ();
}
