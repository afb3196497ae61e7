/* starling-streaming.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "model/starling-entity-map.h"

G_BEGIN_DECLS

/**
 * StarlingStreamingState:
 * @STARLING_STREAMING_STATE_STOPPED: not started, or stopped
 * @STARLING_STREAMING_STATE_CONNECTING: opening the WebSocket
 * @STARLING_STREAMING_STATE_CONNECTED: events are arriving
 * @STARLING_STREAMING_STATE_WAITING: the connection dropped or could not be
 *   made; waiting (with back-off) before the next attempt
 * @STARLING_STREAMING_STATE_POLLING: the server offers no usable stream;
 *   #StarlingStreaming::poll asks the owner to refresh at intervals, and the
 *   WebSocket is tried again now and then
 * @STARLING_STREAMING_STATE_UNAUTHORIZED: the server refused the access
 *   token; nothing is retried until a new token is set and the stream is
 *   started again
 *
 * Where the live stream of an account stands.
 */
typedef enum
{
  STARLING_STREAMING_STATE_STOPPED,
  STARLING_STREAMING_STATE_CONNECTING,
  STARLING_STREAMING_STATE_CONNECTED,
  STARLING_STREAMING_STATE_WAITING,
  STARLING_STREAMING_STATE_POLLING,
  STARLING_STREAMING_STATE_UNAUTHORIZED,
} StarlingStreamingState;

#define STARLING_TYPE_STREAMING_STATE (starling_streaming_state_get_type ())
GType starling_streaming_state_get_type (void);

#define STARLING_TYPE_STREAMING (starling_streaming_get_type ())

G_DECLARE_FINAL_TYPE (StarlingStreaming, starling_streaming, STARLING, STREAMING, GObject)

StarlingStreaming      *starling_streaming_new                (SoupSession        *session,
                                                               const char         *streaming_base_uri,
                                                               const char         *access_token,
                                                               StarlingEntityMap  *map);

void                    starling_streaming_start              (StarlingStreaming  *self);
void                    starling_streaming_stop               (StarlingStreaming  *self);

gboolean                starling_streaming_subscribe          (StarlingStreaming  *self,
                                                               const char         *stream,
                                                               const char         *param,
                                                               GError            **error);
gboolean                starling_streaming_unsubscribe        (StarlingStreaming  *self,
                                                               const char         *stream,
                                                               const char         *param);
gboolean                starling_streaming_is_subscribed      (StarlingStreaming  *self,
                                                               const char         *stream,
                                                               const char         *param);

void                    starling_streaming_set_access_token   (StarlingStreaming  *self,
                                                               const char         *access_token);

StarlingStreamingState  starling_streaming_get_state          (StarlingStreaming  *self);
const char             *starling_streaming_get_uri            (StarlingStreaming  *self);
const GError           *starling_streaming_get_error          (StarlingStreaming  *self);
guint                   starling_streaming_get_retry_delay    (StarlingStreaming  *self);

char                   *starling_streaming_stream_key         (const char         *stream,
                                                               const char         *param);
guint                   starling_streaming_backoff_delay      (guint               attempt,
                                                               guint               base_ms,
                                                               guint               max_ms,
                                                               double              fraction);

G_END_DECLS
