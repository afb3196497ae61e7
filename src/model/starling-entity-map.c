/* starling-entity-map.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include "starling-entity-map.h"

/**
 * StarlingEntityMap:
 *
 * The identity map of one signed-in account: for each type and id, the one
 * object alive for it, held weakly, so that a status shown in two timelines
 * is one object and a favourite made through either shows in both. An
 * entity leaves the map when its last reference goes.
 */
struct _StarlingEntityMap
{
  GObject     parent_instance;

  GMutex      mutex;
  /* "TypeName\037id" → GWeakRef */
  GHashTable *entries;
};

G_DEFINE_FINAL_TYPE (StarlingEntityMap, starling_entity_map, G_TYPE_OBJECT)

typedef struct
{
  GWeakRef  map;
  char     *key;
} Forget;

static char *
make_key (GType       type,
          const char *id)
{
  return g_strconcat (g_type_name (type), "\037", id, NULL);
}

static void
free_weak_ref (gpointer data)
{
  GWeakRef *ref = data;

  g_weak_ref_clear (ref);
  g_free (ref);
}

static void
entity_gone_cb (gpointer  user_data,
                GObject  *where_the_object_was)
{
  Forget *forget = user_data;
  g_autoptr (StarlingEntityMap) self = g_weak_ref_get (&forget->map);

  if (self != NULL)
    {
      GWeakRef *ref;

      g_mutex_lock (&self->mutex);
      ref = g_hash_table_lookup (self->entries, forget->key);
      /* The key may already name a newer object for the same id. */
      if (ref != NULL)
        {
          GObject *current = g_weak_ref_get (ref);

          if (current == NULL)
            g_hash_table_remove (self->entries, forget->key);
          else
            g_object_unref (current);
        }
      g_mutex_unlock (&self->mutex);
    }

  g_weak_ref_clear (&forget->map);
  g_free (forget->key);
  g_free (forget);
}

static void
starling_entity_map_finalize (GObject *object)
{
  StarlingEntityMap *self = STARLING_ENTITY_MAP (object);

  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (starling_entity_map_parent_class)->finalize (object);
}

static void
starling_entity_map_class_init (StarlingEntityMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = starling_entity_map_finalize;
}

static void
starling_entity_map_init (StarlingEntityMap *self)
{
  g_mutex_init (&self->mutex);
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_weak_ref);
}

/**
 * starling_entity_map_new:
 *
 * Returns: (transfer full): a new, empty identity map
 */
StarlingEntityMap *
starling_entity_map_new (void)
{
  return g_object_new (STARLING_TYPE_ENTITY_MAP, NULL);
}

/**
 * starling_entity_map_lookup:
 * @self: an identity map
 * @type: the entity type
 * @id: its id
 *
 * Returns: (transfer full) (nullable) (type GObject): the object alive for
 *   @type and @id
 */
gpointer
starling_entity_map_lookup (StarlingEntityMap *self,
                            GType              type,
                            const char        *id)
{
  g_autofree char *key = NULL;
  GWeakRef *ref;
  gpointer object = NULL;

  g_return_val_if_fail (STARLING_IS_ENTITY_MAP (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  key = make_key (type, id);

  g_mutex_lock (&self->mutex);
  ref = g_hash_table_lookup (self->entries, key);
  if (ref != NULL)
    object = g_weak_ref_get (ref);
  g_mutex_unlock (&self->mutex);

  return object;
}

/**
 * starling_entity_map_insert:
 * @self: an identity map
 * @entity: the object
 * @id: its id
 *
 * Makes @entity the object for its type and @id, until it is finalized.
 */
void
starling_entity_map_insert (StarlingEntityMap *self,
                            GObject           *entity,
                            const char        *id)
{
  GWeakRef *ref;
  Forget *forget;

  g_return_if_fail (STARLING_IS_ENTITY_MAP (self));
  g_return_if_fail (G_IS_OBJECT (entity));
  g_return_if_fail (id != NULL);

  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, entity);

  forget = g_new0 (Forget, 1);
  g_weak_ref_init (&forget->map, self);
  forget->key = make_key (G_OBJECT_TYPE (entity), id);

  g_mutex_lock (&self->mutex);
  g_hash_table_replace (self->entries, g_strdup (forget->key), ref);
  g_mutex_unlock (&self->mutex);

  g_object_weak_ref (entity, entity_gone_cb, forget);
}

/**
 * starling_entity_map_get_size:
 * @self: an identity map
 *
 * Returns: how many entries the map holds (objects alive, and ones being
 *   finalized right now)
 */
guint
starling_entity_map_get_size (StarlingEntityMap *self)
{
  guint size;

  g_return_val_if_fail (STARLING_IS_ENTITY_MAP (self), 0);

  g_mutex_lock (&self->mutex);
  size = g_hash_table_size (self->entries);
  g_mutex_unlock (&self->mutex);

  return size;
}
