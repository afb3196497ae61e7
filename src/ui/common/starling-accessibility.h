/* starling-accessibility.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void starling_accessibility_init            (void);
void starling_accessibility_set_row_label   (GtkWidget           *row,
                                             const char          *label);
void starling_accessibility_follow_stack    (GtkWidget           *stack);
void starling_accessibility_name_group_list (AdwPreferencesGroup *group,
                                             const char          *label);

G_END_DECLS
