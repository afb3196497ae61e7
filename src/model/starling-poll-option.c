/* starling-poll-option.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include "starling-poll-option.h"

/**
 * StarlingPollOption:
 *
 * One choice of a poll. `votes-count` is -1 when it is unknown: the server
 * sends null while a poll whose author hid the totals is still open, and
 * polls in edit histories and translations carry no counts at all. Show no
 * number then, rather than 0.
 */
struct _StarlingPollOption
{
  StarlingEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (StarlingPollOption, starling_poll_option, STARLING_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_VOTES_COUNT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
starling_poll_option_class_init (StarlingPollOptionClass *klass)
{
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  properties[PROP_TITLE] = starling_param_spec_required (
    g_param_spec_string ("title", NULL, NULL, NULL, STARLING_PARAM_FLAGS));
  /* -1 for unknown; a negative count from a server reads as unknown too. */
  properties[PROP_VOTES_COUNT] =
    g_param_spec_int64 ("votes-count", NULL, NULL, -1, G_MAXINT64, -1, STARLING_PARAM_FLAGS);

  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
starling_poll_option_init (StarlingPollOption *self)
{
}

STARLING_DEFINE_GETTER (StarlingPollOption, starling_poll_option, const char *, title, PROP_TITLE, string)
STARLING_DEFINE_GETTER (StarlingPollOption, starling_poll_option, gint64, votes_count, PROP_VOTES_COUNT, int64)
