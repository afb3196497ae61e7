/* starling-entity-private.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-entity.h"

G_BEGIN_DECLS

void starling_entity_mark_present (StarlingEntity *self,
                                   GParamSpec     *pspec);

G_END_DECLS
