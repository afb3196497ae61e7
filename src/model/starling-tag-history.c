/* starling-tag-history.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include "starling-tag-history.h"

/**
 * StarlingTagHistory:
 *
 * How much a hashtag was used on one day, as the server counted it: `day`
 * is the day's midnight (UTC) in seconds since the epoch, `uses` the posts
 * and `accounts` the distinct accounts. Mastodon sends all three as
 * strings of digits; they are decoded as numbers all the same. `day` stays
 * a number rather than a #GDateTime because that is the unit the server
 * counts in and analytics works in.
 */
struct _StarlingTagHistory
{
  StarlingEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (StarlingTagHistory, starling_tag_history, STARLING_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_DAY,
  PROP_USES,
  PROP_ACCOUNTS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
starling_tag_history_class_init (StarlingTagHistoryClass *klass)
{
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  properties[PROP_DAY] = starling_param_spec_required (
    g_param_spec_int64 ("day", NULL, NULL, 0, G_MAXINT64, 0, STARLING_PARAM_FLAGS));
  properties[PROP_USES] =
    g_param_spec_int64 ("uses", NULL, NULL, 0, G_MAXINT64, 0, STARLING_PARAM_FLAGS);
  properties[PROP_ACCOUNTS] =
    g_param_spec_int64 ("accounts", NULL, NULL, 0, G_MAXINT64, 0, STARLING_PARAM_FLAGS);

  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
starling_tag_history_init (StarlingTagHistory *self)
{
}

STARLING_DEFINE_GETTER (StarlingTagHistory, starling_tag_history, gint64, day, PROP_DAY, int64)
STARLING_DEFINE_GETTER (StarlingTagHistory, starling_tag_history, gint64, uses, PROP_USES, int64)
STARLING_DEFINE_GETTER (StarlingTagHistory, starling_tag_history, gint64, accounts, PROP_ACCOUNTS, int64)
