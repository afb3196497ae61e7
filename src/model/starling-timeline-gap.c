/* starling-timeline-gap.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include "starling-timeline-gap.h"

/**
 * StarlingTimelineGap:
 *
 * The place in a timeline where a refresh of newer posts did not reach the
 * posts already loaded. What is missing lies below `max-id` (the post just
 * above the gap) and above `min-id` (the post just below it): fetch it with
 * `max_id` and `since_id`.
 *
 * A gap without `max-id` is at the very top: the newest posts were let go
 * to keep memory bounded while the reader was far below them (see
 * starling_timeline_trim_newer()). What is missing lies above `min-id`,
 * up to the present: fetch it upward with `min_id`.
 */
struct _StarlingTimelineGap
{
  GObject   parent_instance;

  char     *max_id;
  char     *min_id;
  gboolean  loading;
};

G_DEFINE_FINAL_TYPE (StarlingTimelineGap, starling_timeline_gap, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MAX_ID,
  PROP_MIN_ID,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
starling_timeline_gap_finalize (GObject *object)
{
  StarlingTimelineGap *self = STARLING_TIMELINE_GAP (object);

  g_clear_pointer (&self->max_id, g_free);
  g_clear_pointer (&self->min_id, g_free);

  G_OBJECT_CLASS (starling_timeline_gap_parent_class)->finalize (object);
}

static void
starling_timeline_gap_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  StarlingTimelineGap *self = STARLING_TIMELINE_GAP (object);

  switch (prop_id)
    {
    case PROP_MAX_ID:
      g_value_set_string (value, self->max_id);
      break;
    case PROP_MIN_ID:
      g_value_set_string (value, self->min_id);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_timeline_gap_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  StarlingTimelineGap *self = STARLING_TIMELINE_GAP (object);

  switch (prop_id)
    {
    case PROP_MAX_ID:
      starling_timeline_gap_set_max_id (self, g_value_get_string (value));
      break;
    case PROP_MIN_ID:
      starling_timeline_gap_set_min_id (self, g_value_get_string (value));
      break;
    case PROP_LOADING:
      starling_timeline_gap_set_loading (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_timeline_gap_class_init (StarlingTimelineGapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = starling_timeline_gap_finalize;
  object_class->get_property = starling_timeline_gap_get_property;
  object_class->set_property = starling_timeline_gap_set_property;

  properties[PROP_MAX_ID] =
    g_param_spec_string ("max-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MIN_ID] =
    g_param_spec_string ("min-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
starling_timeline_gap_init (StarlingTimelineGap *self)
{
}

/**
 * starling_timeline_gap_new:
 * @max_id: (nullable): the id of the item just above the gap; %NULL for
 *   the gap at the top of a trimmed timeline
 * @min_id: (nullable): the id of the item just below it
 *
 * Returns: (transfer full): a new gap
 */
StarlingTimelineGap *
starling_timeline_gap_new (const char *max_id,
                           const char *min_id)
{
  return g_object_new (STARLING_TYPE_TIMELINE_GAP,
                       "max-id", max_id,
                       "min-id", min_id,
                       NULL);
}

/**
 * starling_timeline_gap_get_max_id:
 * @self: a gap
 *
 * Returns: (nullable): the id to fetch below, as `max_id`; %NULL at the
 *   top of a trimmed timeline
 */
const char *
starling_timeline_gap_get_max_id (StarlingTimelineGap *self)
{
  g_return_val_if_fail (STARLING_IS_TIMELINE_GAP (self), NULL);

  return self->max_id;
}

/**
 * starling_timeline_gap_get_min_id:
 * @self: a gap
 *
 * Returns: (nullable): the id to fetch above, as `since_id`
 */
const char *
starling_timeline_gap_get_min_id (StarlingTimelineGap *self)
{
  g_return_val_if_fail (STARLING_IS_TIMELINE_GAP (self), NULL);

  return self->min_id;
}

/**
 * starling_timeline_gap_get_loading:
 * @self: a gap
 *
 * Returns: whether the missing posts are being fetched
 */
gboolean
starling_timeline_gap_get_loading (StarlingTimelineGap *self)
{
  g_return_val_if_fail (STARLING_IS_TIMELINE_GAP (self), FALSE);

  return self->loading;
}

/**
 * starling_timeline_gap_set_loading:
 * @self: a gap
 * @loading: whether the missing posts are being fetched
 */
void
starling_timeline_gap_set_loading (StarlingTimelineGap *self,
                                   gboolean             loading)
{
  g_return_if_fail (STARLING_IS_TIMELINE_GAP (self));

  loading = !!loading;
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/**
 * starling_timeline_gap_set_max_id:
 * @self: a gap
 * @max_id: the id of the item now just above the gap
 */
void
starling_timeline_gap_set_max_id (StarlingTimelineGap *self,
                                  const char          *max_id)
{
  g_return_if_fail (STARLING_IS_TIMELINE_GAP (self));

  if (g_strcmp0 (self->max_id, max_id) == 0)
    return;

  g_free (self->max_id);
  self->max_id = g_strdup (max_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_ID]);
}

/**
 * starling_timeline_gap_set_min_id:
 * @self: a gap
 * @min_id: (nullable): the id of the item now just below the gap
 */
void
starling_timeline_gap_set_min_id (StarlingTimelineGap *self,
                                  const char          *min_id)
{
  g_return_if_fail (STARLING_IS_TIMELINE_GAP (self));

  if (g_strcmp0 (self->min_id, min_id) == 0)
    return;

  g_free (self->min_id);
  self->min_id = g_strdup (min_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_ID]);
}

/**
 * starling_timeline_gap_get_at_top:
 * @self: a gap
 *
 * Returns: whether the gap stands for the newest posts, let go while the
 *   reader was far below them (it has no `max-id`)
 */
gboolean
starling_timeline_gap_get_at_top (StarlingTimelineGap *self)
{
  g_return_val_if_fail (STARLING_IS_TIMELINE_GAP (self), FALSE);

  return self->max_id == NULL;
}
