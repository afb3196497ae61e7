/* starling-notification-group.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include <string.h>

#include "starling-entity-private.h"
#include "starling-notification-group.h"

/**
 * StarlingNotificationGroup:
 *
 * Notifications of one kind about one thing, as `GET /api/v2/notifications`
 * (Mastodon 4.3, `api_versions.mastodon` 2) groups them: "Alice, Bob and 3
 * others favourited your post". Single notifications come as groups of one
 * with a key of `ungrouped-<id>`.
 *
 * The document sends each account and status once, and groups refer to
 * them by id: starling_notification_group_decode_results() decodes the
 * whole document and resolves `sample-account-ids` into `sample-accounts`
 * and `status-id` into `status`. `most-recent-notification-id` is a JSON
 * number in Mastodon's own example; it is kept as a string like every id.
 *
 * A group is one object per group key (its `id`) in the
 * #StarlingEntityMap, so a refreshed group updates the row that shows it.
 */
struct _StarlingNotificationGroup
{
  StarlingEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (StarlingNotificationGroup, starling_notification_group, STARLING_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_ID,
  PROP_GROUP_KEY,
  PROP_NOTIFICATIONS_COUNT,
  PROP_NOTIFICATION_TYPE,
  PROP_TYPE_NAME,
  PROP_MOST_RECENT_NOTIFICATION_ID,
  PROP_PAGE_MIN_ID,
  PROP_PAGE_MAX_ID,
  PROP_LATEST_PAGE_NOTIFICATION_AT,
  PROP_SAMPLE_ACCOUNT_IDS,
  PROP_STATUS_ID,
  PROP_REPORT,
  PROP_EVENT,
  PROP_MODERATION_WARNING,
  PROP_SAMPLE_ACCOUNTS,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GParamSpec *
string_pspec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, STARLING_PARAM_FLAGS);
}

static GParamSpec *
json_pspec (const char *name)
{
  return g_param_spec_boxed (name, NULL, NULL, JSON_TYPE_NODE, STARLING_PARAM_FLAGS);
}

static void
starling_notification_group_class_init (StarlingNotificationGroupClass *klass)
{
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  entity_class->has_identity = TRUE;

  properties[PROP_ID] = starling_param_spec_required (
    starling_param_spec_set_member (string_pspec ("id"), "group_key"));
  properties[PROP_GROUP_KEY] = starling_param_spec_required (string_pspec ("group-key"));
  properties[PROP_NOTIFICATIONS_COUNT] =
    g_param_spec_int64 ("notifications-count", NULL, NULL, 0, G_MAXINT64, 0, STARLING_PARAM_FLAGS);
  properties[PROP_NOTIFICATION_TYPE] = starling_param_spec_set_member (
    g_param_spec_enum ("notification-type", NULL, NULL, STARLING_TYPE_NOTIFICATION_TYPE,
                       STARLING_NOTIFICATION_TYPE_UNKNOWN, STARLING_PARAM_FLAGS),
    "type");
  properties[PROP_TYPE_NAME] = starling_param_spec_required (
    starling_param_spec_set_member (string_pspec ("type-name"), "type"));
  properties[PROP_MOST_RECENT_NOTIFICATION_ID] = string_pspec ("most-recent-notification-id");
  properties[PROP_PAGE_MIN_ID] = string_pspec ("page-min-id");
  properties[PROP_PAGE_MAX_ID] = string_pspec ("page-max-id");
  properties[PROP_LATEST_PAGE_NOTIFICATION_AT] =
    g_param_spec_boxed ("latest-page-notification-at", NULL, NULL, G_TYPE_DATE_TIME, STARLING_PARAM_FLAGS);
  properties[PROP_SAMPLE_ACCOUNT_IDS] =
    g_param_spec_boxed ("sample-account-ids", NULL, NULL, G_TYPE_STRV, STARLING_PARAM_FLAGS);
  properties[PROP_STATUS_ID] = string_pspec ("status-id");
  properties[PROP_REPORT] = json_pspec ("report");
  properties[PROP_EVENT] = json_pspec ("event");
  properties[PROP_MODERATION_WARNING] = json_pspec ("moderation-warning");
  properties[PROP_SAMPLE_ACCOUNTS] = starling_param_spec_set_local (starling_param_spec_set_element_type (
    g_param_spec_boxed ("sample-accounts", NULL, NULL, G_TYPE_PTR_ARRAY, STARLING_PARAM_FLAGS),
    STARLING_TYPE_ACCOUNT));
  properties[PROP_STATUS] = starling_param_spec_set_local (
    g_param_spec_object ("status", NULL, NULL, STARLING_TYPE_STATUS, STARLING_PARAM_FLAGS));

  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
starling_notification_group_init (StarlingNotificationGroup *self)
{
}

STARLING_DEFINE_GETTER (StarlingNotificationGroup, starling_notification_group, const char *, id, PROP_ID, string)
STARLING_DEFINE_GETTER (StarlingNotificationGroup, starling_notification_group, const char *, group_key, PROP_GROUP_KEY, string)
STARLING_DEFINE_GETTER (StarlingNotificationGroup, starling_notification_group, gint64, notifications_count, PROP_NOTIFICATIONS_COUNT, int64)
STARLING_DEFINE_GETTER (StarlingNotificationGroup, starling_notification_group, StarlingNotificationType, notification_type, PROP_NOTIFICATION_TYPE, enum)
STARLING_DEFINE_GETTER (StarlingNotificationGroup, starling_notification_group, const char *, type_name, PROP_TYPE_NAME, string)
STARLING_DEFINE_GETTER (StarlingNotificationGroup, starling_notification_group, const char *, most_recent_notification_id, PROP_MOST_RECENT_NOTIFICATION_ID, string)
STARLING_DEFINE_GETTER (StarlingNotificationGroup, starling_notification_group, const char *, page_min_id, PROP_PAGE_MIN_ID, string)
STARLING_DEFINE_GETTER (StarlingNotificationGroup, starling_notification_group, const char *, page_max_id, PROP_PAGE_MAX_ID, string)
STARLING_DEFINE_GETTER (StarlingNotificationGroup, starling_notification_group, GDateTime *, latest_page_notification_at, PROP_LATEST_PAGE_NOTIFICATION_AT, boxed)
STARLING_DEFINE_GETTER (StarlingNotificationGroup, starling_notification_group, const char * const *, sample_account_ids, PROP_SAMPLE_ACCOUNT_IDS, boxed)
STARLING_DEFINE_GETTER (StarlingNotificationGroup, starling_notification_group, const char *, status_id, PROP_STATUS_ID, string)
STARLING_DEFINE_GETTER (StarlingNotificationGroup, starling_notification_group, JsonNode *, report, PROP_REPORT, boxed)
STARLING_DEFINE_GETTER (StarlingNotificationGroup, starling_notification_group, JsonNode *, event, PROP_EVENT, boxed)
STARLING_DEFINE_GETTER (StarlingNotificationGroup, starling_notification_group, JsonNode *, moderation_warning, PROP_MODERATION_WARNING, boxed)
STARLING_DEFINE_GETTER (StarlingNotificationGroup, starling_notification_group, GPtrArray *, sample_accounts, PROP_SAMPLE_ACCOUNTS, boxed)
STARLING_DEFINE_GETTER (StarlingNotificationGroup, starling_notification_group, StarlingStatus *, status, PROP_STATUS, object)

/* Indexes decoded entities by id; the table borrows them from @items. */
static void
index_by_id (GHashTable *table,
             GPtrArray  *items)
{
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const char *id = starling_entity_get_id (items->pdata[i]);

      if (id != NULL && !g_hash_table_contains (table, id))
        g_hash_table_insert (table, (gpointer) id, items->pdata[i]);
    }
}

static GPtrArray *
decode_list (JsonObject        *object,
             const char        *member,
             GType              type,
             StarlingEntityMap *map)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return starling_entity_decode_array (type, node, map, NULL);
}

static void
copy_member_cb (JsonObject *object,
                const char *member_name,
                JsonNode   *member_node,
                gpointer    user_data)
{
  json_object_set_member (user_data, member_name, json_node_copy (member_node));
}

/* With `expand_accounts=partial_avatars`, accounts that are not followed
 * come as PartialAccountWithAvatar: id, acct, url, avatar, locked, bot and
 * no username. They are decoded as accounts whose username is the local
 * part of `acct`; through the map, a full copy already alive is updated
 * instead, and a later full copy completes this one. */
static GPtrArray *
decode_partial_accounts (JsonObject        *object,
                         StarlingEntityMap *map)
{
  JsonNode *node = json_object_get_member (object, "partial_accounts");
  GPtrArray *accounts;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  array = json_node_get_array (node);
  accounts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr (JsonObject) copy = NULL;
      g_autoptr (JsonNode) copy_node = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *username = NULL;
      JsonObject *partial;
      JsonNode *acct_node;
      StarlingAccount *account;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      partial = json_node_get_object (element);
      copy = json_object_new ();
      json_object_foreach_member (partial, copy_member_cb, copy);

      acct_node = json_object_get_member (copy, "acct");
      if (!json_object_has_member (copy, "username") &&
          acct_node != NULL && JSON_NODE_HOLDS_VALUE (acct_node) &&
          json_node_get_value_type (acct_node) == G_TYPE_STRING)
        {
          const char *acct = json_node_get_string (acct_node);
          const char *at = strchr (acct, '@');

          username = at != NULL ? g_strndup (acct, at - acct) : g_strdup (acct);
          json_object_set_string_member (copy, "username", username);
        }

      copy_node = json_node_init_object (json_node_alloc (), copy);
      account = starling_entity_decode (STARLING_TYPE_ACCOUNT, copy_node, map, &error);
      if (account == NULL)
        {
          g_debug ("Left out partial account %u: %s", i, error->message);
          continue;
        }
      g_ptr_array_add (accounts, account);
    }

  return accounts;
}

static gpointer
find_entity (GHashTable        *table,
             StarlingEntityMap *map,
             GType              type,
             const char        *id)
{
  gpointer entity = g_hash_table_lookup (table, id);

  if (entity != NULL)
    return g_object_ref (entity);

  /* Not in the document: maybe alive from an earlier one. */
  if (map != NULL)
    return starling_entity_map_lookup (map, type, id);

  return NULL;
}

/**
 * starling_notification_group_decode_results:
 * @node: a GroupedNotificationsResults document, as `GET
 *   /api/v2/notifications` and `GET /api/v2/notifications/:group_key`
 *   answer: `{accounts[], partial_accounts[]?, statuses[],
 *   notification_groups[]}`
 * @map: (nullable): the identity map of the account the document came from
 * @error: return location for a #GError
 *
 * Decodes the groups of a grouped notifications page and resolves what
 * they refer to: each group's `sample-accounts` holds the accounts of its
 * `sample-account-ids` and its `status` the status of `status-id`, found in
 * the same document's `accounts`, `partial_accounts` and `statuses` (or,
 * with @map, among the objects alive). An id found nowhere is left out. A
 * group that cannot be decoded is left out, as an unusable account or
 * status is.
 *
 * Returns: (transfer full) (element-type StarlingNotificationGroup): the
 *   groups in the server's order, or %NULL with @error set when @node is
 *   not such a document
 */
GPtrArray *
starling_notification_group_decode_results (JsonNode           *node,
                                            StarlingEntityMap  *map,
                                            GError            **error)
{
  g_autoptr (GPtrArray) accounts = NULL;
  g_autoptr (GPtrArray) partial_accounts = NULL;
  g_autoptr (GPtrArray) statuses = NULL;
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GHashTable) account_table = NULL;
  g_autoptr (GHashTable) status_table = NULL;
  JsonObject *object;
  JsonNode *groups_node;

  g_return_val_if_fail (map == NULL || STARLING_IS_ENTITY_MAP (map), NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_WRONG_TYPE,
                   "Expected grouped notifications, got %s",
                   node != NULL ? json_node_type_name (node) : "nothing");
      return NULL;
    }

  object = json_node_get_object (node);
  groups_node = json_object_get_member (object, "notification_groups");
  if (groups_node == NULL || !JSON_NODE_HOLDS_ARRAY (groups_node))
    {
      g_set_error_literal (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_MISSING_FIELD,
                           "Grouped notifications: missing field “notification_groups”");
      return NULL;
    }

  accounts = decode_list (object, "accounts", STARLING_TYPE_ACCOUNT, map);
  partial_accounts = decode_partial_accounts (object, map);
  statuses = decode_list (object, "statuses", STARLING_TYPE_STATUS, map);
  groups = starling_entity_decode_array (STARLING_TYPE_NOTIFICATION_GROUP, groups_node, map, error);
  if (groups == NULL)
    return NULL;

  account_table = g_hash_table_new (g_str_hash, g_str_equal);
  index_by_id (account_table, accounts);
  index_by_id (account_table, partial_accounts);
  status_table = g_hash_table_new (g_str_hash, g_str_equal);
  index_by_id (status_table, statuses);

  for (guint i = 0; i < groups->len; i++)
    {
      StarlingEntity *group = groups->pdata[i];
      const char * const *ids = starling_entity_get_boxed (group, properties[PROP_SAMPLE_ACCOUNT_IDS]);
      const char *status_id = starling_entity_get_string (group, properties[PROP_STATUS_ID]);
      g_autoptr (GPtrArray) samples = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr (StarlingStatus) status = NULL;
      g_auto (GValue) value = G_VALUE_INIT;

      for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
        {
          StarlingAccount *account = find_entity (account_table, map, STARLING_TYPE_ACCOUNT, ids[j]);

          if (account != NULL)
            g_ptr_array_add (samples, account);
          else
            g_debug ("Group %s: no account %s in the document",
                     starling_entity_get_id (group), ids[j]);
        }

      g_value_init (&value, G_TYPE_PTR_ARRAY);
      g_value_set_boxed (&value, samples);
      starling_entity_set_value (group, properties[PROP_SAMPLE_ACCOUNTS], &value);
      /* Resolved from the document: a merge into the group already alive
       * carries them over, as it does what the decoder read. */
      starling_entity_mark_present (group, properties[PROP_SAMPLE_ACCOUNTS]);

      if (status_id != NULL)
        {
          status = find_entity (status_table, map, STARLING_TYPE_STATUS, status_id);
          if (status == NULL)
            g_debug ("Group %s: no status %s in the document",
                     starling_entity_get_id (group), status_id);
        }
      starling_entity_set_object (group, properties[PROP_STATUS], status);
      starling_entity_mark_present (group, properties[PROP_STATUS]);
    }

  return g_steal_pointer (&groups);
}
