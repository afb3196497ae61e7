/* starling-poll.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include <math.h>

#include "starling-custom-emoji.h"
#include "starling-poll-option.h"

#include "starling-poll.h"

/**
 * StarlingPoll:
 *
 * A poll attached to a status. A poll is one object per id in the identity
 * map, so a vote's response updates every status that shows it. Polls
 * without an id (those in edit histories and translations, which carry only
 * their options) are decoded all the same and stay out of the map.
 *
 * `voters-count` is -1 when unknown: servers send it for multiple-choice
 * polls only, and null otherwise. `votes-count` of the options may be
 * unknown as well (see #StarlingPollOption). `voted` and `own-votes` are
 * only there when the request was made with a user token.
 */
struct _StarlingPoll
{
  StarlingEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (StarlingPoll, starling_poll, STARLING_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_ID,
  PROP_EXPIRES_AT,
  PROP_EXPIRED,
  PROP_MULTIPLE,
  PROP_VOTES_COUNT,
  PROP_VOTERS_COUNT,
  PROP_OPTIONS,
  PROP_EMOJIS,
  PROP_VOTED,
  PROP_OWN_VOTES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
starling_poll_class_init (StarlingPollClass *klass)
{
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  entity_class->has_identity = TRUE;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_EXPIRES_AT] =
    g_param_spec_boxed ("expires-at", NULL, NULL, G_TYPE_DATE_TIME, STARLING_PARAM_FLAGS);
  properties[PROP_EXPIRED] =
    g_param_spec_boolean ("expired", NULL, NULL, FALSE, STARLING_PARAM_FLAGS);
  properties[PROP_MULTIPLE] =
    g_param_spec_boolean ("multiple", NULL, NULL, FALSE, STARLING_PARAM_FLAGS);
  properties[PROP_VOTES_COUNT] =
    g_param_spec_int64 ("votes-count", NULL, NULL, 0, G_MAXINT64, 0, STARLING_PARAM_FLAGS);
  /* -1 for unknown. */
  properties[PROP_VOTERS_COUNT] =
    g_param_spec_int64 ("voters-count", NULL, NULL, -1, G_MAXINT64, -1, STARLING_PARAM_FLAGS);
  properties[PROP_OPTIONS] =
    starling_param_spec_set_element_type (
      g_param_spec_boxed ("options", NULL, NULL, G_TYPE_PTR_ARRAY, STARLING_PARAM_FLAGS),
      STARLING_TYPE_POLL_OPTION);
  properties[PROP_EMOJIS] =
    starling_param_spec_set_element_type (
      g_param_spec_boxed ("emojis", NULL, NULL, G_TYPE_PTR_ARRAY, STARLING_PARAM_FLAGS),
      STARLING_TYPE_CUSTOM_EMOJI);
  properties[PROP_VOTED] =
    g_param_spec_boolean ("voted", NULL, NULL, FALSE, STARLING_PARAM_FLAGS);
  /* The base stores no list of numbers: keep the JSON, read through
   * starling_poll_dup_own_votes(). */
  properties[PROP_OWN_VOTES] =
    g_param_spec_boxed ("own-votes", NULL, NULL, JSON_TYPE_NODE, STARLING_PARAM_FLAGS);

  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
starling_poll_init (StarlingPoll *self)
{
}

STARLING_DEFINE_GETTER (StarlingPoll, starling_poll, const char *, id, PROP_ID, string)
STARLING_DEFINE_GETTER (StarlingPoll, starling_poll, GDateTime  *, expires_at, PROP_EXPIRES_AT, boxed)
STARLING_DEFINE_GETTER (StarlingPoll, starling_poll, gboolean, expired, PROP_EXPIRED, boolean)
STARLING_DEFINE_GETTER (StarlingPoll, starling_poll, gboolean, multiple, PROP_MULTIPLE, boolean)
STARLING_DEFINE_GETTER (StarlingPoll, starling_poll, gint64, votes_count, PROP_VOTES_COUNT, int64)
STARLING_DEFINE_GETTER (StarlingPoll, starling_poll, gint64, voters_count, PROP_VOTERS_COUNT, int64)
STARLING_DEFINE_GETTER (StarlingPoll, starling_poll, GPtrArray  *, options, PROP_OPTIONS, boxed)
STARLING_DEFINE_GETTER (StarlingPoll, starling_poll, GPtrArray  *, emojis, PROP_EMOJIS, boxed)
STARLING_DEFINE_GETTER (StarlingPoll, starling_poll, gboolean, voted, PROP_VOTED, boolean)

/**
 * starling_poll_dup_own_votes:
 * @self: a poll
 *
 * The options the signed-in account chose, as indexes into `options`, in
 * the order the server listed them. Anything that is not the index of an
 * option (a negative or fractional number, a string that is not a number,
 * an index past the last option, a repeat) is left out.
 *
 * Returns: (transfer full) (element-type guint): the indexes; empty when
 *   the account did not vote or the server did not say
 */
GArray *
starling_poll_dup_own_votes (StarlingPoll *self)
{
  g_autoptr (GArray) votes = NULL;
  GPtrArray *options;
  JsonNode *node;
  JsonArray *array;
  guint limit;

  g_return_val_if_fail (STARLING_IS_POLL (self), NULL);

  votes = g_array_new (FALSE, FALSE, sizeof (guint));
  node = starling_entity_get_boxed (STARLING_ENTITY (self), properties[PROP_OWN_VOTES]);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return g_steal_pointer (&votes);

  options = starling_poll_get_options (self);
  limit = options != NULL ? options->len : G_MAXUINT;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      double number;
      gboolean seen = FALSE;
      guint index;

      if (!JSON_NODE_HOLDS_VALUE (element))
        continue;
      if (json_node_get_value_type (element) == G_TYPE_INT64)
        number = (double) json_node_get_int (element);
      else if (json_node_get_value_type (element) == G_TYPE_DOUBLE)
        number = json_node_get_double (element);
      else if (json_node_get_value_type (element) == G_TYPE_STRING)
        {
          const char *text = json_node_get_string (element);
          char *end = NULL;

          number = g_ascii_strtod (text, &end);
          if (end == text || *end != '\0')
            continue;
        }
      else
        continue;

      if (!isfinite (number) || number < 0 || number >= limit || number != floor (number))
        continue;
      index = (guint) number;

      for (guint j = 0; j < votes->len && !seen; j++)
        seen = g_array_index (votes, guint, j) == index;
      if (!seen)
        g_array_append_val (votes, index);
    }

  return g_steal_pointer (&votes);
}

/**
 * starling_poll_has_own_vote:
 * @self: a poll
 * @option: the index of an option
 *
 * Returns: whether the signed-in account chose @option
 */
gboolean
starling_poll_has_own_vote (StarlingPoll *self,
                            guint         option)
{
  g_autoptr (GArray) votes = NULL;

  g_return_val_if_fail (STARLING_IS_POLL (self), FALSE);

  votes = starling_poll_dup_own_votes (self);
  for (guint i = 0; i < votes->len; i++)
    if (g_array_index (votes, guint, i) == option)
      return TRUE;

  return FALSE;
}

/**
 * starling_poll_is_open:
 * @self: a poll
 * @now: (nullable): the present, or %NULL for the clock's
 *
 * Whether votes are still taken: the server has not said the poll expired
 * and its end, if it has one, is after @now. `expired` is only as fresh as
 * the copy of the poll, so the end time is checked as well.
 *
 * Returns: whether the poll is open
 */
gboolean
starling_poll_is_open (StarlingPoll *self,
                       GDateTime    *now)
{
  g_autoptr (GDateTime) clock_now = NULL;
  GDateTime *expires_at;

  g_return_val_if_fail (STARLING_IS_POLL (self), FALSE);

  if (starling_poll_get_expired (self))
    return FALSE;

  expires_at = starling_poll_get_expires_at (self);
  if (expires_at == NULL)
    return TRUE;

  if (now == NULL)
    now = clock_now = g_date_time_new_now_utc ();

  return g_date_time_compare (expires_at, now) > 0;
}
