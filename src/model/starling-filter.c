/* starling-filter.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include "starling-filter-keyword.h"
#include "starling-filter-status.h"

#include "starling-filter.h"

/**
 * StarlingFilter:
 *
 * A server-side filter (the v2 API, Mastodon 4.0). The filter inside a
 * status's #StarlingFilterResult carries no `keywords` or `statuses`; as a
 * filter is one object per id in the identity map, the full one from the
 * filters endpoint and the one in each result are the same object.
 *
 * `filter-action` is never @STARLING_FILTER_ACTION_NONE on a decoded
 * filter: an action Starling does not know reads as
 * @STARLING_FILTER_ACTION_UNKNOWN, which is applied as a warning.
 */
struct _StarlingFilter
{
  StarlingEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (StarlingFilter, starling_filter, STARLING_TYPE_ENTITY)

G_DEFINE_ENUM_TYPE (StarlingFilterAction, starling_filter_action,
  G_DEFINE_ENUM_VALUE (STARLING_FILTER_ACTION_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (STARLING_FILTER_ACTION_WARN, "warn"),
  G_DEFINE_ENUM_VALUE (STARLING_FILTER_ACTION_HIDE, "hide"),
  G_DEFINE_ENUM_VALUE (STARLING_FILTER_ACTION_BLUR, "blur"),
  G_DEFINE_ENUM_VALUE (STARLING_FILTER_ACTION_NONE, "none"))

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_CONTEXT,
  PROP_FILTER_ACTION,
  PROP_EXPIRES_AT,
  PROP_KEYWORDS,
  PROP_STATUSES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gboolean
starling_filter_decode_extra (StarlingEntity  *entity,
                              JsonObject      *object,
                              StarlingDecoder *decoder,
                              GError         **error)
{
  g_auto (GValue) value = G_VALUE_INIT;

  /* "none" is Starling's answer for "no filter applies", not an action a
   * filter can have: a server that sends it sends something unknown. */
  if (starling_filter_get_filter_action (STARLING_FILTER (entity)) == STARLING_FILTER_ACTION_NONE)
    {
      g_value_init (&value, STARLING_TYPE_FILTER_ACTION);
      g_value_set_enum (&value, STARLING_FILTER_ACTION_UNKNOWN);
      starling_entity_set_value (entity, properties[PROP_FILTER_ACTION], &value);
    }

  return TRUE;
}

static void
starling_filter_class_init (StarlingFilterClass *klass)
{
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  entity_class->has_identity = TRUE;
  entity_class->decode_extra = starling_filter_decode_extra;

  properties[PROP_ID] = starling_param_spec_required (
    g_param_spec_string ("id", NULL, NULL, NULL, STARLING_PARAM_FLAGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_CONTEXT] =
    g_param_spec_boxed ("context", NULL, NULL, G_TYPE_STRV, STARLING_PARAM_FLAGS);
  properties[PROP_FILTER_ACTION] =
    g_param_spec_enum ("filter-action", NULL, NULL, STARLING_TYPE_FILTER_ACTION,
                       STARLING_FILTER_ACTION_UNKNOWN, STARLING_PARAM_FLAGS);
  properties[PROP_EXPIRES_AT] =
    g_param_spec_boxed ("expires-at", NULL, NULL, G_TYPE_DATE_TIME, STARLING_PARAM_FLAGS);
  properties[PROP_KEYWORDS] =
    starling_param_spec_set_element_type (
      g_param_spec_boxed ("keywords", NULL, NULL, G_TYPE_PTR_ARRAY, STARLING_PARAM_FLAGS),
      STARLING_TYPE_FILTER_KEYWORD);
  properties[PROP_STATUSES] =
    starling_param_spec_set_element_type (
      g_param_spec_boxed ("statuses", NULL, NULL, G_TYPE_PTR_ARRAY, STARLING_PARAM_FLAGS),
      STARLING_TYPE_FILTER_STATUS);

  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
starling_filter_init (StarlingFilter *self)
{
}

STARLING_DEFINE_GETTER (StarlingFilter, starling_filter, const char *, id, PROP_ID, string)
STARLING_DEFINE_GETTER (StarlingFilter, starling_filter, const char *, title, PROP_TITLE, string)
STARLING_DEFINE_GETTER (StarlingFilter, starling_filter, const char * const *, context, PROP_CONTEXT, boxed)
STARLING_DEFINE_GETTER (StarlingFilter, starling_filter, StarlingFilterAction, filter_action, PROP_FILTER_ACTION, enum)
STARLING_DEFINE_GETTER (StarlingFilter, starling_filter, GDateTime *, expires_at, PROP_EXPIRES_AT, boxed)
STARLING_DEFINE_GETTER (StarlingFilter, starling_filter, GPtrArray *, keywords, PROP_KEYWORDS, boxed)
STARLING_DEFINE_GETTER (StarlingFilter, starling_filter, GPtrArray *, statuses, PROP_STATUSES, boxed)

/**
 * starling_filter_applies:
 * @self: a filter
 * @context: where the status is shown: `home` (home and list timelines),
 *   `notifications`, `public` (public, tag and link timelines, search),
 *   `thread` or `account` (profiles)
 * @now: (nullable): the present, or %NULL for the clock's
 *
 * Whether @self is in force for @context: its `context` lists it, and it
 * has no end or ends after @now. Whether a status matches is the server's
 * call, made when it puts the filter in the status's `filtered`.
 *
 * Returns: whether the filter applies
 */
gboolean
starling_filter_applies (StarlingFilter *self,
                         const char     *context,
                         GDateTime      *now)
{
  g_autoptr (GDateTime) clock_now = NULL;
  const char * const *contexts;
  GDateTime *expires_at;

  g_return_val_if_fail (STARLING_IS_FILTER (self), FALSE);
  g_return_val_if_fail (context != NULL, FALSE);

  contexts = starling_filter_get_context (self);
  if (contexts == NULL || !g_strv_contains (contexts, context))
    return FALSE;

  expires_at = starling_filter_get_expires_at (self);
  if (expires_at == NULL)
    return TRUE;

  if (now == NULL)
    now = clock_now = g_date_time_new_now_utc ();

  return g_date_time_compare (expires_at, now) > 0;
}
