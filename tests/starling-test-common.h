/* starling-test-common.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void          starling_test_wait_until     (gboolean     (*condition) (gpointer data),
                                            gpointer       data);
void          starling_test_result_cb      (GObject       *object,
                                            GAsyncResult  *result,
                                            gpointer       user_data);
GAsyncResult *starling_test_wait_result    (GAsyncResult **slot);
void          starling_test_remove_tree    (const char    *path);
guint         starling_test_count_files_holding (const char *folder,
                                            const char    *needle,
                                            guint         *n_files);

void          starling_test_lock_keyring   (void);
void          starling_test_unlock_keyring (void);

G_END_DECLS
