/* fuzz-decode.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Feeds arbitrary bytes to the JSON parser and every decoder of the model,
 * the way a hostile or broken server would: as a single entity of each type,
 * as an array, twice through one identity map (the merge path), and through
 * the special documents (grouped notifications, markers, NodeInfo links).
 * Whatever decodes is then read back through the getters that walk nested
 * objects, so a value stored wrongly is touched. */

#include "config.h"

#include <stdint.h>

#include "model/starling-account.h"
#include "model/starling-context.h"
#include "model/starling-conversation.h"
#include "model/starling-entity-map.h"
#include "model/starling-filter.h"
#include "model/starling-instance.h"
#include "model/starling-list.h"
#include "model/starling-marker.h"
#include "model/starling-media-attachment.h"
#include "model/starling-nodeinfo.h"
#include "model/starling-notification-group.h"
#include "model/starling-notification.h"
#include "model/starling-poll.h"
#include "model/starling-preview-card.h"
#include "model/starling-relationship.h"
#include "model/starling-scheduled-status.h"
#include "model/starling-search-results.h"
#include "model/starling-status.h"
#include "model/starling-tag.h"
#include "model/starling-timeline.h"

static GType
entity_type (guint i)
{
  switch (i)
    {
    case 0: return STARLING_TYPE_STATUS;
    case 1: return STARLING_TYPE_ACCOUNT;
    case 2: return STARLING_TYPE_NOTIFICATION;
    case 3: return STARLING_TYPE_INSTANCE;
    case 4: return STARLING_TYPE_NODEINFO;
    case 5: return STARLING_TYPE_MEDIA_ATTACHMENT;
    case 6: return STARLING_TYPE_POLL;
    case 7: return STARLING_TYPE_PREVIEW_CARD;
    case 8: return STARLING_TYPE_TAG;
    case 9: return STARLING_TYPE_RELATIONSHIP;
    case 10: return STARLING_TYPE_SCHEDULED_STATUS;
    case 11: return STARLING_TYPE_CONVERSATION;
    case 12: return STARLING_TYPE_CONTEXT;
    case 13: return STARLING_TYPE_LIST;
    case 14: return STARLING_TYPE_FILTER;
    case 15: return STARLING_TYPE_SEARCH_RESULTS;
    case 16: return STARLING_TYPE_NOTIFICATION_GROUP;
    default: return G_TYPE_INVALID;
    }
}

static void
read_status (StarlingStatus *status)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  static const char *contexts[] = { "home", "notifications", "public", "thread", "account" };

  for (guint i = 0; i < G_N_ELEMENTS (contexts); i++)
    {
      g_autofree char *titles = NULL;

      (void) starling_status_get_filter_action (status, contexts[i], now, &titles);
    }
}

static void
read_back (gpointer object)
{
  guint n_props = 0;
  g_autofree GParamSpec **pspecs = NULL;

  if (object == NULL)
    return;

  /* Every property, as a widget bound to it would read it. */
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_props);
  for (guint i = 0; i < n_props; i++)
    {
      g_auto (GValue) value = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_READABLE) == 0)
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
    }

  if (STARLING_IS_STATUS (object))
    read_status (object);
}

static void
fill_timeline (StarlingTimeline *timeline,
               GPtrArray        *statuses)
{
  g_autoptr (GPtrArray) page = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < statuses->len; i++)
    if (STARLING_IS_STATUS (g_ptr_array_index (statuses, i)))
      g_ptr_array_add (page, g_object_ref (g_ptr_array_index (statuses, i)));

  starling_timeline_merge_newer (timeline, page, FALSE);
  starling_timeline_merge_older (timeline, page);
  (void) starling_timeline_refilter (timeline);
  if (page->len > 0)
    (void) starling_timeline_remove (timeline, starling_entity_get_id (g_ptr_array_index (page, 0)));
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (StarlingEntityMap) map = NULL;
  g_autoptr (StarlingTimeline) timeline = NULL;
  g_autoptr (GError) error = NULL;

  node = starling_json_parse ((const char *) data, (gssize) size, &error);
  if (node == NULL)
    return 0;

  map = starling_entity_map_new ();
  timeline = starling_timeline_new ("home");

  for (guint i = 0; entity_type (i) != G_TYPE_INVALID; i++)
    {
      GType type = entity_type (i);
      g_autoptr (GObject) alone = NULL;
      g_autoptr (GObject) first = NULL;
      g_autoptr (GObject) second = NULL;
      g_autoptr (GPtrArray) array = NULL;
      g_auto (GStrv) notes = NULL;

      alone = starling_entity_decode_full (type, node, NULL, &notes, NULL);
      read_back (alone);

      /* The same document twice through one map: the second merges into
       * the first object. */
      first = starling_entity_decode (type, node, map, NULL);
      second = starling_entity_decode (type, node, map, NULL);
      read_back (second);

      array = starling_entity_decode_array (type, node, map, NULL);
      if (array != NULL)
        {
          for (guint j = 0; j < array->len; j++)
            read_back (g_ptr_array_index (array, j));
          if (type == STARLING_TYPE_STATUS)
            fill_timeline (timeline, array);
        }
    }

  {
    g_autoptr (GPtrArray) groups = starling_notification_group_decode_results (node, map, NULL);
    g_autoptr (StarlingMarker) home = NULL;
    g_autoptr (StarlingMarker) notifications = NULL;
    g_autofree char *link = starling_nodeinfo_pick_link (node, NULL);

    if (groups != NULL)
      for (guint j = 0; j < groups->len; j++)
        read_back (g_ptr_array_index (groups, j));

    if (starling_marker_decode_document (node, &home, &notifications, NULL))
      {
        read_back (home);
        read_back (notifications);
      }
  }

  return 0;
}
