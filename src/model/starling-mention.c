/* starling-mention.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include "starling-mention.h"

/**
 * StarlingMention:
 *
 * An account mentioned in a status. The status's HTML links to `url`; a
 * click on that link should open the account with this `id` (a local id of
 * the signed-in account's server) rather than the remote web page. `acct`
 * is what to show, as for #StarlingAccount.
 */
struct _StarlingMention
{
  StarlingEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (StarlingMention, starling_mention, STARLING_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_ID,
  PROP_USERNAME,
  PROP_URL,
  PROP_ACCT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
starling_mention_class_init (StarlingMentionClass *klass)
{
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  properties[PROP_ID] = starling_param_spec_required (
    g_param_spec_string ("id", NULL, NULL, NULL, STARLING_PARAM_FLAGS));
  properties[PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_ACCT] = starling_param_spec_required (
    g_param_spec_string ("acct", NULL, NULL, NULL, STARLING_PARAM_FLAGS));

  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
starling_mention_init (StarlingMention *self)
{
}

STARLING_DEFINE_GETTER (StarlingMention, starling_mention, const char *, id, PROP_ID, string)
STARLING_DEFINE_GETTER (StarlingMention, starling_mention, const char *, username, PROP_USERNAME, string)
STARLING_DEFINE_GETTER (StarlingMention, starling_mention, const char *, url, PROP_URL, string)
STARLING_DEFINE_GETTER (StarlingMention, starling_mention, const char *, acct, PROP_ACCT, string)
