/* starling-request.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/**
 * StarlingResultKind:
 * @STARLING_RESULT_NONE: the body is not read (`{}` of an action)
 * @STARLING_RESULT_ENTITY: one entity of the request's result type
 * @STARLING_RESULT_PAGE: a JSON array of entities, as a #StarlingPage
 * @STARLING_RESULT_GROUPED_NOTIFICATIONS: a GroupedNotificationsResults
 *   document, as a #StarlingPage of #StarlingNotificationGroup
 * @STARLING_RESULT_JSON: the parsed document, for answers that are not
 *   entities (preferences, a status's source)
 *
 * What a #StarlingClient makes of a successful response.
 */
typedef enum
{
  STARLING_RESULT_NONE,
  STARLING_RESULT_ENTITY,
  STARLING_RESULT_PAGE,
  STARLING_RESULT_GROUPED_NOTIFICATIONS,
  STARLING_RESULT_JSON,
} StarlingResultKind;

#define STARLING_TYPE_REQUEST (starling_request_get_type ())

G_DECLARE_FINAL_TYPE (StarlingRequest, starling_request, STARLING, REQUEST, GObject)

StarlingRequest    *starling_request_new                 (const char          *method,
                                                          const char          *path,
                                                          const char          *id);
StarlingRequest    *starling_request_new_for_uri         (const char          *method,
                                                          const char          *uri);
StarlingRequest    *starling_request_copy                (StarlingRequest     *self);

const char         *starling_request_get_method          (StarlingRequest     *self);
const char         *starling_request_get_path            (StarlingRequest     *self);
const char         *starling_request_get_uri             (StarlingRequest     *self);

void                starling_request_add_param           (StarlingRequest     *self,
                                                          const char          *name,
                                                          const char          *value);
void                starling_request_add_param_bool      (StarlingRequest     *self,
                                                          const char          *name,
                                                          gboolean             value);
void                starling_request_add_param_int       (StarlingRequest     *self,
                                                          const char          *name,
                                                          gint64               value);
void                starling_request_add_param_array     (StarlingRequest     *self,
                                                          const char          *name,
                                                          const char * const  *values);
void                starling_request_set_param           (StarlingRequest     *self,
                                                          const char          *name,
                                                          const char          *value);
const char         *starling_request_get_param           (StarlingRequest     *self,
                                                          const char          *name);
void                starling_request_set_json_body       (StarlingRequest     *self,
                                                          JsonNode            *body);
void                starling_request_add_file            (StarlingRequest     *self,
                                                          const char          *name,
                                                          const char          *filename,
                                                          const char          *content_type,
                                                          GBytes              *contents);

void                starling_request_set_idempotency_key (StarlingRequest     *self,
                                                          const char          *key);
const char         *starling_request_get_idempotency_key (StarlingRequest     *self);
void                starling_request_set_retryable       (StarlingRequest     *self,
                                                          gboolean             retryable);
gboolean            starling_request_get_retryable       (StarlingRequest     *self);

void                starling_request_set_result          (StarlingRequest     *self,
                                                          StarlingResultKind   kind,
                                                          GType                type);
StarlingResultKind  starling_request_get_result_kind     (StarlingRequest     *self);
GType               starling_request_get_result_type     (StarlingRequest     *self);
void                starling_request_set_page_size       (StarlingRequest     *self,
                                                          guint                page_size);
guint               starling_request_get_page_size       (StarlingRequest     *self);

char               *starling_request_build_uri           (StarlingRequest     *self,
                                                          const char          *base_uri);
SoupMessage        *starling_request_build_message       (StarlingRequest     *self,
                                                          const char          *base_uri,
                                                          const char          *access_token,
                                                          GError             **error);

G_END_DECLS
