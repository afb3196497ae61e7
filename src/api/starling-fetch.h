/* starling-fetch.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

SoupMessage *starling_fetch_new_form_message (const char          *method,
                                              const char          *uri,
                                              GHashTable          *form,
                                              GError             **error);
void         starling_fetch_json_async       (SoupSession         *session,
                                              SoupMessage         *message,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
JsonNode    *starling_fetch_json_finish      (GAsyncResult        *result,
                                              GBytes             **error_body,
                                              GError             **error);

G_END_DECLS
