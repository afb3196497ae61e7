/* starling-demo-browser.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void     starling_demo_browser_approve_async  (const char           *authorize_uri,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean starling_demo_browser_approve_finish (GAsyncResult         *result,
                                               GError              **error);

G_END_DECLS
