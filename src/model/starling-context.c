/* starling-context.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include "starling-context.h"

/**
 * StarlingContext:
 *
 * The thread around a status, from `GET /api/v1/statuses/:id/context`:
 * the posts it replies to (`ancestors`, oldest first) and the replies
 * below it (`descendants`, in the server's depth-first order). A post of
 * either list that cannot be decoded is left out, and a missing list is
 * empty.
 */
struct _StarlingContext
{
  StarlingEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (StarlingContext, starling_context, STARLING_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_ANCESTORS,
  PROP_DESCENDANTS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gboolean
starling_context_decode_extra (StarlingEntity  *self,
                               JsonObject      *object,
                               StarlingDecoder *decoder,
                               GError         **error)
{
  /* A thread view walks both lists: give it empty ones rather than NULL. */
  for (guint i = PROP_ANCESTORS; i <= PROP_DESCENDANTS; i++)
    if (starling_entity_get_boxed (self, properties[i]) == NULL)
      {
        g_auto (GValue) value = G_VALUE_INIT;

        g_value_init (&value, G_TYPE_PTR_ARRAY);
        g_value_take_boxed (&value, g_ptr_array_new_with_free_func (g_object_unref));
        starling_entity_set_value (self, properties[i], &value);
      }

  return TRUE;
}

static void
starling_context_class_init (StarlingContextClass *klass)
{
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  entity_class->decode_extra = starling_context_decode_extra;

  properties[PROP_ANCESTORS] = starling_param_spec_set_element_type (
    g_param_spec_boxed ("ancestors", NULL, NULL, G_TYPE_PTR_ARRAY, STARLING_PARAM_FLAGS),
    STARLING_TYPE_STATUS);
  properties[PROP_DESCENDANTS] = starling_param_spec_set_element_type (
    g_param_spec_boxed ("descendants", NULL, NULL, G_TYPE_PTR_ARRAY, STARLING_PARAM_FLAGS),
    STARLING_TYPE_STATUS);

  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
starling_context_init (StarlingContext *self)
{
}

STARLING_DEFINE_GETTER (StarlingContext, starling_context, GPtrArray *, ancestors, PROP_ANCESTORS, boxed)
STARLING_DEFINE_GETTER (StarlingContext, starling_context, GPtrArray *, descendants, PROP_DESCENDANTS, boxed)
