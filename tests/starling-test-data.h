/* starling-test-data.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

JsonNode  *starling_test_load_json   (const char *path);
gpointer   starling_test_decode_fixture (GType   type,
                                         const char *path);
gpointer   starling_test_decode_json (GType       type,
                                      const char *json);
char      *starling_test_load_text   (const char *path,
                                      gsize      *length);
GPtrArray *starling_test_list_data   (const char *folder,
                                      const char *suffix);

G_END_DECLS
