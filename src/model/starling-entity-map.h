/* starling-entity-map.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STARLING_TYPE_ENTITY_MAP (starling_entity_map_get_type ())

G_DECLARE_FINAL_TYPE (StarlingEntityMap, starling_entity_map, STARLING, ENTITY_MAP, GObject)

StarlingEntityMap *starling_entity_map_new     (void);
gpointer           starling_entity_map_lookup  (StarlingEntityMap *self,
                                                GType              type,
                                                const char        *id);
void               starling_entity_map_insert  (StarlingEntityMap *self,
                                                GObject           *entity,
                                                const char        *id);
guint              starling_entity_map_get_size (StarlingEntityMap *self);

G_END_DECLS
