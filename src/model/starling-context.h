/* starling-context.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "starling-entity.h"
#include "starling-status.h"

G_BEGIN_DECLS

#define STARLING_TYPE_CONTEXT (starling_context_get_type ())

G_DECLARE_FINAL_TYPE (StarlingContext, starling_context, STARLING, CONTEXT, StarlingEntity)

/* Each getter returns the property of the same name: a list of
 * StarlingStatus objects, empty rather than %NULL once decoded. */
GPtrArray *starling_context_get_ancestors   (StarlingContext *self);
GPtrArray *starling_context_get_descendants (StarlingContext *self);

G_END_DECLS
