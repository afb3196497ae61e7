/* starling-marker.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include <math.h>

#include "starling-marker.h"

/**
 * StarlingMarker:
 *
 * Where the user stopped reading a timeline (`home` or `notifications`),
 * saved on the server so that every client starts there. `version` grows
 * with each save. GoToSocial writes `updated_at` as a Unix time in a
 * string (`"1740308876.000000"`); that is read too.
 */
struct _StarlingMarker
{
  StarlingEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (StarlingMarker, starling_marker, STARLING_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_LAST_READ_ID,
  PROP_VERSION,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Years 1 to 9999, as GDateTime can hold them. */
#define MIN_UNIX_TIME -62135596800.0
#define MAX_UNIX_TIME 253402300799.0

static gboolean
starling_marker_decode_extra (StarlingEntity  *self,
                              JsonObject      *object,
                              StarlingDecoder *decoder,
                              GError         **error)
{
  g_autoptr (GDateTime) time = NULL;
  JsonNode *node;
  const char *text;
  char *end = NULL;
  double seconds;

  if (starling_entity_get_boxed (self, properties[PROP_UPDATED_AT]) != NULL)
    return TRUE;

  node = json_object_get_member (object, "updated_at");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return TRUE;

  text = json_node_get_string (node);
  seconds = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (seconds) ||
      seconds <= MIN_UNIX_TIME || seconds >= MAX_UNIX_TIME)
    return TRUE;

  time = g_date_time_new_from_unix_utc ((gint64) seconds);
  if (time != NULL)
    {
      g_auto (GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_DATE_TIME);
      g_value_set_boxed (&value, time);
      starling_entity_set_value (self, properties[PROP_UPDATED_AT], &value);
    }

  return TRUE;
}

static void
starling_marker_class_init (StarlingMarkerClass *klass)
{
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  entity_class->decode_extra = starling_marker_decode_extra;

  properties[PROP_LAST_READ_ID] = starling_param_spec_required (
    g_param_spec_string ("last-read-id", NULL, NULL, NULL, STARLING_PARAM_FLAGS));
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, STARLING_PARAM_FLAGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_boxed ("updated-at", NULL, NULL, G_TYPE_DATE_TIME, STARLING_PARAM_FLAGS);

  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
starling_marker_init (StarlingMarker *self)
{
}

STARLING_DEFINE_GETTER (StarlingMarker, starling_marker, const char *, last_read_id, PROP_LAST_READ_ID, string)
STARLING_DEFINE_GETTER (StarlingMarker, starling_marker, gint64, version, PROP_VERSION, int64)
STARLING_DEFINE_GETTER (StarlingMarker, starling_marker, GDateTime *, updated_at, PROP_UPDATED_AT, boxed)

static StarlingMarker *
decode_member (JsonObject *object,
               const char *timeline)
{
  g_autoptr (GError) error = NULL;
  JsonNode *node = json_object_get_member (object, timeline);
  StarlingMarker *marker;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  marker = starling_entity_decode (STARLING_TYPE_MARKER, node, NULL, &error);
  if (marker == NULL)
    g_debug ("Ignored the %s marker: %s", timeline, error->message);

  return marker;
}

/**
 * starling_marker_decode_document:
 * @node: the answer of `GET /api/v1/markers`, as
 *   `{"home": {…}, "notifications": {…}}`
 * @home: (out) (optional) (transfer full) (nullable): the home marker
 * @notifications: (out) (optional) (transfer full) (nullable): the
 *   notifications marker
 * @error: return location for a #GError
 *
 * Decodes the markers of both timelines. A timeline that was not asked
 * for, or whose marker is unusable, gives %NULL without failing the other
 * (the server answers `{}` when no timeline was named).
 *
 * Returns: %TRUE, or %FALSE with %STARLING_MODEL_ERROR_WRONG_TYPE when
 *   @node is not an object
 */
gboolean
starling_marker_decode_document (JsonNode        *node,
                                 StarlingMarker **home,
                                 StarlingMarker **notifications,
                                 GError         **error)
{
  JsonObject *object;

  if (home != NULL)
    *home = NULL;
  if (notifications != NULL)
    *notifications = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_WRONG_TYPE,
                   "Expected the markers of timelines, got %s",
                   node != NULL ? json_node_type_name (node) : "nothing");
      return FALSE;
    }

  object = json_node_get_object (node);
  if (home != NULL)
    *home = decode_member (object, "home");
  if (notifications != NULL)
    *notifications = decode_member (object, "notifications");

  return TRUE;
}
