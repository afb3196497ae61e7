/* starling-account.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include <string.h>

#include "starling-account-field.h"
#include "starling-custom-emoji.h"

#include "starling-account.h"

/**
 * StarlingAccount:
 *
 * A profile, local or remote. `acct` is `user` for the server's own
 * accounts and `user@domain` for remote ones, which is what to show. An
 * account is one object per id in an account's #StarlingEntityMap.
 */
struct _StarlingAccount
{
  StarlingEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (StarlingAccount, starling_account, STARLING_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_ID,
  PROP_USERNAME,
  PROP_ACCT,
  PROP_URL,
  PROP_URI,
  PROP_DISPLAY_NAME,
  PROP_NOTE,
  PROP_AVATAR,
  PROP_AVATAR_STATIC,
  PROP_HEADER,
  PROP_HEADER_STATIC,
  PROP_AVATAR_DESCRIPTION,
  PROP_HEADER_DESCRIPTION,
  PROP_LOCKED,
  PROP_BOT,
  PROP_GROUP,
  PROP_DISCOVERABLE,
  PROP_INDEXABLE,
  PROP_NOINDEX,
  PROP_SUSPENDED,
  PROP_LIMITED,
  PROP_MEMORIAL,
  PROP_HIDE_COLLECTIONS,
  PROP_MOVED,
  PROP_FIELDS,
  PROP_EMOJIS,
  PROP_CREATED_AT,
  PROP_LAST_STATUS_AT,
  PROP_STATUSES_COUNT,
  PROP_FOLLOWERS_COUNT,
  PROP_FOLLOWING_COUNT,
  PROP_SOURCE,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
starling_account_class_init (StarlingAccountClass *klass)
{
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  entity_class->has_identity = TRUE;

  properties[PROP_ID] = starling_param_spec_required (
    g_param_spec_string ("id", NULL, NULL, NULL, STARLING_PARAM_FLAGS));
  properties[PROP_USERNAME] = starling_param_spec_required (
    g_param_spec_string ("username", NULL, NULL, NULL, STARLING_PARAM_FLAGS));
  properties[PROP_ACCT] = starling_param_spec_required (
    g_param_spec_string ("acct", NULL, NULL, NULL, STARLING_PARAM_FLAGS));
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_URI] =
    g_param_spec_string ("uri", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_AVATAR] =
    g_param_spec_string ("avatar", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_AVATAR_STATIC] =
    g_param_spec_string ("avatar-static", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_HEADER] =
    g_param_spec_string ("header", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_HEADER_STATIC] =
    g_param_spec_string ("header-static", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_AVATAR_DESCRIPTION] =
    g_param_spec_string ("avatar-description", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_HEADER_DESCRIPTION] =
    g_param_spec_string ("header-description", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL, FALSE, STARLING_PARAM_FLAGS);
  properties[PROP_BOT] =
    g_param_spec_boolean ("bot", NULL, NULL, FALSE, STARLING_PARAM_FLAGS);
  properties[PROP_GROUP] =
    g_param_spec_boolean ("group", NULL, NULL, FALSE, STARLING_PARAM_FLAGS);
  properties[PROP_DISCOVERABLE] =
    g_param_spec_boolean ("discoverable", NULL, NULL, FALSE, STARLING_PARAM_FLAGS);
  properties[PROP_INDEXABLE] =
    g_param_spec_boolean ("indexable", NULL, NULL, FALSE, STARLING_PARAM_FLAGS);
  properties[PROP_NOINDEX] =
    g_param_spec_boolean ("noindex", NULL, NULL, FALSE, STARLING_PARAM_FLAGS);
  properties[PROP_SUSPENDED] =
    g_param_spec_boolean ("suspended", NULL, NULL, FALSE, STARLING_PARAM_FLAGS);
  properties[PROP_LIMITED] =
    g_param_spec_boolean ("limited", NULL, NULL, FALSE, STARLING_PARAM_FLAGS);
  properties[PROP_MEMORIAL] =
    g_param_spec_boolean ("memorial", NULL, NULL, FALSE, STARLING_PARAM_FLAGS);
  properties[PROP_HIDE_COLLECTIONS] =
    g_param_spec_boolean ("hide-collections", NULL, NULL, FALSE, STARLING_PARAM_FLAGS);
  properties[PROP_MOVED] =
    g_param_spec_object ("moved", NULL, NULL, STARLING_TYPE_ACCOUNT, STARLING_PARAM_FLAGS);
  properties[PROP_FIELDS] =
    starling_param_spec_set_element_type (
      g_param_spec_boxed ("fields", NULL, NULL, G_TYPE_PTR_ARRAY, STARLING_PARAM_FLAGS),
      STARLING_TYPE_ACCOUNT_FIELD);
  properties[PROP_EMOJIS] =
    starling_param_spec_set_element_type (
      g_param_spec_boxed ("emojis", NULL, NULL, G_TYPE_PTR_ARRAY, STARLING_PARAM_FLAGS),
      STARLING_TYPE_CUSTOM_EMOJI);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, STARLING_PARAM_FLAGS);
  properties[PROP_LAST_STATUS_AT] =
    g_param_spec_boxed ("last-status-at", NULL, NULL, G_TYPE_DATE_TIME, STARLING_PARAM_FLAGS);
  properties[PROP_STATUSES_COUNT] =
    g_param_spec_int64 ("statuses-count", NULL, NULL, 0, G_MAXINT64, 0, STARLING_PARAM_FLAGS);
  properties[PROP_FOLLOWERS_COUNT] =
    g_param_spec_int64 ("followers-count", NULL, NULL, 0, G_MAXINT64, 0, STARLING_PARAM_FLAGS);
  properties[PROP_FOLLOWING_COUNT] =
    g_param_spec_int64 ("following-count", NULL, NULL, 0, G_MAXINT64, 0, STARLING_PARAM_FLAGS);
  properties[PROP_SOURCE] =
    g_param_spec_boxed ("source", NULL, NULL, JSON_TYPE_NODE, STARLING_PARAM_FLAGS);
  properties[PROP_ROLE] =
    g_param_spec_boxed ("role", NULL, NULL, JSON_TYPE_NODE, STARLING_PARAM_FLAGS);

  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
starling_account_init (StarlingAccount *self)
{
}

STARLING_DEFINE_GETTER (StarlingAccount, starling_account, const char *, id, PROP_ID, string)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, const char *, username, PROP_USERNAME, string)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, const char *, acct, PROP_ACCT, string)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, const char *, url, PROP_URL, string)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, const char *, uri, PROP_URI, string)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, const char *, display_name, PROP_DISPLAY_NAME, string)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, const char *, note, PROP_NOTE, string)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, const char *, avatar, PROP_AVATAR, string)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, const char *, avatar_static, PROP_AVATAR_STATIC, string)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, const char *, header, PROP_HEADER, string)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, const char *, header_static, PROP_HEADER_STATIC, string)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, const char *, avatar_description, PROP_AVATAR_DESCRIPTION, string)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, const char *, header_description, PROP_HEADER_DESCRIPTION, string)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, gboolean, locked, PROP_LOCKED, boolean)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, gboolean, bot, PROP_BOT, boolean)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, gboolean, group, PROP_GROUP, boolean)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, gboolean, discoverable, PROP_DISCOVERABLE, boolean)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, gboolean, indexable, PROP_INDEXABLE, boolean)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, gboolean, noindex, PROP_NOINDEX, boolean)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, gboolean, suspended, PROP_SUSPENDED, boolean)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, gboolean, limited, PROP_LIMITED, boolean)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, gboolean, memorial, PROP_MEMORIAL, boolean)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, gboolean, hide_collections, PROP_HIDE_COLLECTIONS, boolean)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, StarlingAccount *, moved, PROP_MOVED, object)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, GPtrArray  *, fields, PROP_FIELDS, boxed)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, GPtrArray  *, emojis, PROP_EMOJIS, boxed)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, GDateTime  *, created_at, PROP_CREATED_AT, boxed)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, GDateTime  *, last_status_at, PROP_LAST_STATUS_AT, boxed)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, gint64, statuses_count, PROP_STATUSES_COUNT, int64)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, gint64, followers_count, PROP_FOLLOWERS_COUNT, int64)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, gint64, following_count, PROP_FOLLOWING_COUNT, int64)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, JsonNode   *, source, PROP_SOURCE, boxed)
STARLING_DEFINE_GETTER (StarlingAccount, starling_account, JsonNode   *, role, PROP_ROLE, boxed)

/**
 * starling_account_get_domain:
 * @self: an account
 *
 * Returns: (nullable): the server of a remote account, as in its `acct`;
 *   %NULL for an account of the signed-in account's own server
 */
const char *
starling_account_get_domain (StarlingAccount *self)
{
  const char *acct;
  const char *at;

  g_return_val_if_fail (STARLING_IS_ACCOUNT (self), NULL);

  acct = starling_account_get_acct (self);
  at = acct != NULL ? strchr (acct, '@') : NULL;
  if (at == NULL || at[1] == '\0')
    return NULL;

  return at + 1;
}

/**
 * starling_account_get_display:
 * @self: an account
 *
 * Returns: the name to show: the display name, or the username when the
 *   display name is empty
 */
const char *
starling_account_get_display (StarlingAccount *self)
{
  const char *name;

  g_return_val_if_fail (STARLING_IS_ACCOUNT (self), NULL);

  name = starling_account_get_display_name (self);
  if (name != NULL && *name != '\0')
    return name;

  return starling_account_get_username (self);
}
