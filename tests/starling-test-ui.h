/* starling-test-ui.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void starling_test_wait_for_draw   (GtkWidget  *widget);
void starling_test_wait_until      (gboolean  (*condition) (gpointer data),
                                    gpointer    data);
void starling_test_save_screenshot (GtkWidget  *widget,
                                    const char *name);

G_END_DECLS
