/* starling-test-ui.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "starling-application.h"
#include "starling-test-common.h"

G_BEGIN_DECLS

void starling_test_wait_for_draw   (GtkWidget  *widget);
void starling_test_save_screenshot (GtkWidget  *widget,
                                    const char *name);
void starling_test_save_screenshot_with_popup (GtkWidget  *window,
                                               GtkWidget  *popup,
                                               const char *name);

GtkWidget *starling_test_find_widget   (GtkWidget  *root,
                                        GType       type,
                                        const char *name);
GtkWidget *starling_test_find_label    (GtkWidget  *root,
                                        const char *text);
GtkWidget *starling_test_find_toplevel (GType       type);
void       starling_test_click         (GtkWidget  *button);
void       starling_test_set_text      (GtkWidget  *editable,
                                        const char *text);
void       starling_test_wait_idle     (void);

StarlingApplication *starling_test_application_new (const char  *name,
                                                    char       **data_dir,
                                                    char       **database);

G_END_DECLS
