/* starling-search-results.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include "starling-account.h"
#include "starling-status.h"
#include "starling-tag.h"

#include "starling-search-results.h"

/**
 * StarlingSearchResults:
 *
 * What `GET /api/v2/search` found: accounts, statuses and hashtags. A
 * search limited to one `type` leaves the other lists empty; so does a
 * server without full-text search for statuses. A result that cannot be
 * decoded is left out. Hashtags given as bare names, as the v1 search
 * of older servers does, become tags with only a name.
 */
struct _StarlingSearchResults
{
  StarlingEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (StarlingSearchResults, starling_search_results, STARLING_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_ACCOUNTS,
  PROP_STATUSES,
  PROP_HASHTAGS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GParamSpec *
list_pspec (const char *name,
            GType       element_type)
{
  return starling_param_spec_set_element_type (
    g_param_spec_boxed (name, NULL, NULL, G_TYPE_PTR_ARRAY, STARLING_PARAM_FLAGS),
    element_type);
}

/* The v1 search, still answered by older servers, gave hashtags as bare
 * names; the decoder skipped those. */
static void
add_bare_hashtags (GPtrArray       *hashtags,
                   JsonObject      *object,
                   StarlingDecoder *decoder)
{
  JsonNode *node = json_object_get_member (object, "hashtags");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr (JsonObject) tag_object = NULL;
      g_autoptr (JsonNode) tag_node = NULL;
      gpointer tag;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        continue;

      tag_object = json_object_new ();
      json_object_set_string_member (tag_object, "name", json_node_get_string (element));
      tag_node = json_node_init_object (json_node_alloc (), tag_object);
      tag = starling_decoder_decode (decoder, STARLING_TYPE_TAG, tag_node, NULL);
      if (tag != NULL)
        g_ptr_array_add (hashtags, tag);
    }
}

static gboolean
starling_search_results_decode_extra (StarlingEntity  *self,
                                      JsonObject      *object,
                                      StarlingDecoder *decoder,
                                      GError         **error)
{
  GPtrArray *hashtags;

  for (guint i = PROP_ACCOUNTS; i <= PROP_HASHTAGS; i++)
    if (starling_entity_get_boxed (self, properties[i]) == NULL)
      {
        g_auto (GValue) value = G_VALUE_INIT;

        g_value_init (&value, G_TYPE_PTR_ARRAY);
        g_value_take_boxed (&value, g_ptr_array_new_with_free_func (g_object_unref));
        starling_entity_set_value (self, properties[i], &value);
      }

  /* A fresh object: no one watches the list yet. */
  hashtags = starling_entity_get_boxed (self, properties[PROP_HASHTAGS]);
  add_bare_hashtags (hashtags, object, decoder);

  return TRUE;
}

static void
starling_search_results_class_init (StarlingSearchResultsClass *klass)
{
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  entity_class->decode_extra = starling_search_results_decode_extra;

  properties[PROP_ACCOUNTS] = list_pspec ("accounts", STARLING_TYPE_ACCOUNT);
  properties[PROP_STATUSES] = list_pspec ("statuses", STARLING_TYPE_STATUS);
  properties[PROP_HASHTAGS] = list_pspec ("hashtags", STARLING_TYPE_TAG);

  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
starling_search_results_init (StarlingSearchResults *self)
{
}

STARLING_DEFINE_GETTER (StarlingSearchResults, starling_search_results, GPtrArray *, accounts, PROP_ACCOUNTS, boxed)
STARLING_DEFINE_GETTER (StarlingSearchResults, starling_search_results, GPtrArray *, statuses, PROP_STATUSES, boxed)
STARLING_DEFINE_GETTER (StarlingSearchResults, starling_search_results, GPtrArray *, hashtags, PROP_HASHTAGS, boxed)
