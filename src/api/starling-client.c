/* starling-client.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-api"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "model/starling-account.h"
#include "model/starling-context.h"
#include "model/starling-conversation.h"
#include "model/starling-custom-emoji.h"
#include "model/starling-entity.h"
#include "model/starling-filter.h"
#include "model/starling-instance.h"
#include "model/starling-list.h"
#include "model/starling-media-attachment.h"
#include "model/starling-notification-group.h"
#include "model/starling-notification.h"
#include "model/starling-poll.h"
#include "model/starling-relationship.h"
#include "model/starling-scheduled-status.h"
#include "model/starling-search-results.h"
#include "model/starling-status.h"

#include "store/starling-secret-store.h"

#include "starling-api-error.h"
#include "starling-client.h"
#include "starling-session.h"

#define DEFAULT_MAX_ATTEMPTS 4
#define DEFAULT_RETRY_BASE_DELAY_MS 500
#define DEFAULT_RETRY_MAX_DELAY_MS 30000
/* A 429 whose reset is further away than this fails at once: the caller
 * shows the wait rather than hanging on it. */
#define DEFAULT_MAX_RATE_LIMIT_WAIT_S 300
#define DEFAULT_MEDIA_POLL_INTERVAL_MS 1000
#define MEDIA_POLL_ATTEMPTS 60

/**
 * StarlingClient:
 *
 * The Mastodon API of one signed-in account. Every call goes through one
 * path: the request is checked against the transport rule
 * (starling_api_check_uri()), sent with the account's bearer token,
 * retried when that is safe, and its answer decoded off the main thread
 * (the JSON parsed and the entities built without the identity map), then
 * interned into the account's #StarlingEntityMap on the main thread, where
 * the objects alive for the same ids are updated in place.
 *
 * Retries: a request that may be sent twice (see
 * starling_request_get_retryable()) is retried after a network error or a
 * 5xx, up to #StarlingClient:max-attempts, after an exponential back-off
 * with full jitter starting at #StarlingClient:retry-base-delay and capped
 * at 30 s; a 503 with `Retry-After` waits what it asks. A 429 waits until
 * the rate limit resets when that is within 5 minutes and fails with
 * %STARLING_API_ERROR_RATE_LIMITED otherwise. Cancelling stops a wait at
 * once.
 *
 * The `X-RateLimit-*` headers of every answer are kept in the
 * `rate-limit-*` properties; starling_client_get_rate_limit_budget() tells
 * background work how much is left for the user.
 *
 * The access token lives only in this object's memory: it is not a
 * readable property, and it never reaches a log.
 */
struct _StarlingClient
{
  GObject            parent_instance;

  SoupSession       *session;
  char              *base_uri;
  char              *access_token;
  StarlingEntityMap *map;

  int                api_version;
  guint              max_attempts;
  guint              retry_base_delay;
  guint              retry_max_delay;
  guint              max_rate_limit_wait;
  guint              media_poll_interval;

  gint64             rate_limit_limit;
  gint64             rate_limit_remaining;
  gint64             rate_limit_reset;
  gboolean           reachable;
};

G_DEFINE_FINAL_TYPE (StarlingClient, starling_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_BASE_URI,
  PROP_ACCESS_TOKEN,
  PROP_ENTITY_MAP,
  PROP_API_VERSION,
  PROP_MAX_ATTEMPTS,
  PROP_RETRY_BASE_DELAY,
  PROP_MEDIA_POLL_INTERVAL,
  PROP_RATE_LIMIT_LIMIT,
  PROP_RATE_LIMIT_REMAINING,
  PROP_RATE_LIMIT_RESET,
  PROP_REACHABLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  UNAUTHORIZED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* What a call brings back to its finisher. */
typedef struct
{
  gpointer value;        /* a GObject, a JsonNode, or NULL */
  gboolean is_json;
  guint    http_status;
} Result;

/* One request on its way, over its attempts. */
typedef struct
{
  StarlingRequest      *request;
  SoupMessage          *message;
  char                 *uri;
  guint                 attempt;
  StarlingProgressFunc  progress;
  gpointer              progress_data;
  goffset               sent;
  goffset               total;
} Call;

/* What the worker thread decodes and the main thread interns. */
typedef struct
{
  GBytes             *body;
  StarlingResultKind  kind;
  GType               type;
  JsonNode           *root;
  StarlingEntityMap  *scratch_map;
  GObject            *entity;
  GPtrArray          *items;
  GError             *error;
} Decode;

typedef void (*ThenFunc) (GTask *task);

/* A timer that resumes a task, and stops at once when it is cancelled. */
typedef struct
{
  GTask    *task;
  ThenFunc  then;
  GSource  *timeout;
  GSource  *cancel;
} Wait;

static void start_attempt (GTask *task);

static void
result_free (gpointer data)
{
  Result *result = data;

  if (result->value != NULL)
    {
      if (result->is_json)
        json_node_unref (result->value);
      else
        g_object_unref (result->value);
    }
  g_free (result);
}

static Result *
result_new (gpointer value,
            gboolean is_json,
            guint    http_status)
{
  Result *result = g_new0 (Result, 1);

  result->value = value;
  result->is_json = is_json;
  result->http_status = http_status;

  return result;
}

static void
call_free (gpointer data)
{
  Call *call = data;

  g_clear_object (&call->request);
  g_clear_object (&call->message);
  g_free (call->uri);
  g_free (call);
}

static void
decode_free (gpointer data)
{
  Decode *decode = data;

  g_clear_pointer (&decode->body, g_bytes_unref);
  g_clear_pointer (&decode->root, json_node_unref);
  g_clear_object (&decode->entity);
  g_clear_pointer (&decode->items, g_ptr_array_unref);
  g_clear_object (&decode->scratch_map);
  g_clear_error (&decode->error);
  g_free (decode);
}

/* Waiting */

static void
wait_free (Wait *wait)
{
  if (wait->timeout != NULL)
    {
      g_source_destroy (wait->timeout);
      g_source_unref (wait->timeout);
    }
  if (wait->cancel != NULL)
    {
      g_source_destroy (wait->cancel);
      g_source_unref (wait->cancel);
    }
  g_object_unref (wait->task);
  g_free (wait);
}

static gboolean
wait_done_cb (gpointer user_data)
{
  Wait *wait = user_data;
  g_autoptr (GTask) task = g_object_ref (wait->task);
  ThenFunc then = wait->then;

  wait_free (wait);
  then (task);

  return G_SOURCE_REMOVE;
}

static gboolean
wait_cancelled_cb (GCancellable *cancellable,
                   gpointer      user_data)
{
  Wait *wait = user_data;
  g_autoptr (GTask) task = g_object_ref (wait->task);

  wait_free (wait);
  g_debug ("Cancelled while waiting to retry");
  g_task_return_error_if_cancelled (task);

  return G_SOURCE_REMOVE;
}

static void
wait_then (GTask    *task,
           guint     milliseconds,
           ThenFunc  then)
{
  Wait *wait = g_new0 (Wait, 1);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GMainContext *context = g_task_get_context (task);

  wait->task = g_object_ref (task);
  wait->then = then;

  wait->timeout = g_timeout_source_new (milliseconds);
  g_source_set_callback (wait->timeout, wait_done_cb, wait, NULL);
  g_source_set_static_name (wait->timeout, "[starling] client retry");

  if (cancellable != NULL)
    {
      wait->cancel = g_cancellable_source_new (cancellable);
      g_source_set_callback (wait->cancel, G_SOURCE_FUNC (wait_cancelled_cb), wait, NULL);
      g_source_attach (wait->cancel, context);
    }
  g_source_attach (wait->timeout, context);
}

/* Rate limits */

static void
set_rate_limit_value (StarlingClient *self,
                      gint64         *field,
                      gint64          value,
                      guint           prop)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static gint64
header_integer (SoupMessageHeaders *headers,
                const char         *name)
{
  const char *value = soup_message_headers_get_one (headers, name);
  gint64 number;

  if (value == NULL)
    return -1;

  if (!g_ascii_string_to_signed (value, 10, 0, G_MAXINT64, &number, NULL))
    return -1;

  return number;
}

static void
track_rate_limit (StarlingClient     *self,
                  SoupMessageHeaders *headers)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  gint64 limit = header_integer (headers, "X-RateLimit-Limit");
  gint64 remaining = header_integer (headers, "X-RateLimit-Remaining");
  gint64 wait = starling_api_parse_reset_time (soup_message_headers_get_one (headers, "X-RateLimit-Reset"), now);

  /* Endpoints without a limit send no headers: the last known one holds. */
  if (limit < 0 && remaining < 0 && wait < 0)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (limit >= 0)
    set_rate_limit_value (self, &self->rate_limit_limit, limit, PROP_RATE_LIMIT_LIMIT);
  if (remaining >= 0)
    set_rate_limit_value (self, &self->rate_limit_remaining, remaining, PROP_RATE_LIMIT_REMAINING);
  if (wait >= 0)
    set_rate_limit_value (self, &self->rate_limit_reset,
                          g_date_time_to_unix (now) + wait, PROP_RATE_LIMIT_RESET);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Interning: the worker decoded each document into objects of its own
 * (sharing one scratch map, so an account a page names twice is one
 * object); here, on the main thread, they join the account's identity
 * map, and where an object is already alive for an id it is updated in
 * place from the decoded one. Nothing is decoded twice. */

static void
intern_items (StarlingClient *self,
              GPtrArray      *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      gpointer alive = starling_entity_intern (items->pdata[i], self->map);

      g_object_unref (items->pdata[i]);
      items->pdata[i] = alive;
    }
}

static void
intern_decoded (StarlingClient *self,
                Decode         *decode)
{
  switch (decode->kind)
    {
    case STARLING_RESULT_ENTITY:
      {
        GObject *alive = starling_entity_intern (decode->entity, self->map);

        g_object_unref (decode->entity);
        decode->entity = alive;
      }
      break;

    case STARLING_RESULT_PAGE:
    case STARLING_RESULT_GROUPED_NOTIFICATIONS:
      intern_items (self, decode->items);
      break;

    case STARLING_RESULT_NONE:
    case STARLING_RESULT_JSON:
    default:
      break;
    }
}

/* Decoding, in a worker thread */

static void
decode_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Decode *decode = task_data;
  gsize size = 0;
  const char *data = g_bytes_get_data (decode->body, &size);
  GError *error = NULL;

  decode->root = starling_json_parse (data != NULL ? data : "", (gssize) size, &error);
  if (decode->root == NULL)
    goto out;

  if (decode->kind == STARLING_RESULT_JSON)
    goto out;

  decode->scratch_map = starling_entity_map_new ();

  switch (decode->kind)
    {
    case STARLING_RESULT_ENTITY:
      decode->entity = starling_entity_decode (decode->type, decode->root, decode->scratch_map, &error);
      break;

    case STARLING_RESULT_PAGE:
      if (!JSON_NODE_HOLDS_ARRAY (decode->root))
        {
          g_set_error (&error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_WRONG_TYPE,
                       "Expected a list of %s, got %s", g_type_name (decode->type),
                       json_node_type_name (decode->root));
          break;
        }
      {
        JsonArray *array = json_node_get_array (decode->root);
        guint length = json_array_get_length (array);

        decode->items = g_ptr_array_new_full (length, g_object_unref);
        for (guint i = 0; i < length; i++)
          {
            g_autoptr (GError) item_error = NULL;
            JsonNode *node = json_array_get_element (array, i);
            gpointer item = starling_entity_decode (decode->type, node, decode->scratch_map, &item_error);

            /* One broken post does not lose the page. */
            if (item == NULL)
              {
                g_debug ("Left out item %u of a page: %s", i, item_error->message);
                continue;
              }
            g_ptr_array_add (decode->items, item);
          }
      }
      break;

    case STARLING_RESULT_GROUPED_NOTIFICATIONS:
      decode->items = starling_notification_group_decode_results (decode->root, decode->scratch_map, &error);
      break;

    case STARLING_RESULT_NONE:
    case STARLING_RESULT_JSON:
    default:
      g_assert_not_reached ();
    }

out:
  if (error != NULL)
    {
      decode->error = starling_api_error_new_malformed (error);
      g_error_free (error);
    }
  g_task_return_boolean (task, TRUE);
}

static void
decoded_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StarlingClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  Decode *decode = g_task_get_task_data (G_TASK (result));
  guint status = soup_message_get_status (call->message);

  if (decode->error != NULL)
    {
      g_debug ("%s %s: %s", starling_request_get_method (call->request),
               g_uri_get_path (soup_message_get_uri (call->message)), decode->error->message);
      g_task_return_error (task, g_steal_pointer (&decode->error));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  intern_decoded (self, decode);

  switch (decode->kind)
    {
    case STARLING_RESULT_ENTITY:
      g_task_return_pointer (task, result_new (g_steal_pointer (&decode->entity), FALSE, status), result_free);
      break;

    case STARLING_RESULT_PAGE:
    case STARLING_RESULT_GROUPED_NOTIFICATIONS:
      {
        SoupMessageHeaders *headers = soup_message_get_response_headers (call->message);
        const char *link = soup_message_headers_get_list (headers, "Link");
        StarlingPage *page = starling_page_new (call->request, decode->items, call->uri, link, status);

        g_task_return_pointer (task, result_new (page, FALSE, status), result_free);
      }
      break;

    case STARLING_RESULT_JSON:
      g_task_return_pointer (task, result_new (g_steal_pointer (&decode->root), TRUE, status), result_free);
      break;

    case STARLING_RESULT_NONE:
    default:
      g_assert_not_reached ();
    }
}

static void
decode_answer (GTask  *task,
               GBytes *body)
{
  Call *call = g_task_get_task_data (task);
  g_autoptr (GTask) worker = NULL;
  Decode *decode;

  decode = g_new0 (Decode, 1);
  decode->body = g_bytes_ref (body);
  decode->kind = starling_request_get_result_kind (call->request);
  decode->type = starling_request_get_result_type (call->request);

  /* The worker is not cancellable: it finishes quickly, and its callback
   * checks the call's cancellable. */
  worker = g_task_new (NULL, NULL, decoded_cb, g_object_ref (task));
  g_task_set_source_tag (worker, decode_answer);
  g_task_set_task_data (worker, decode, decode_free);
  g_task_run_in_thread (worker, decode_thread);
}

/* Sending */

static guint
backoff_delay (StarlingClient *self,
               guint           attempt)
{
  guint64 ceiling = self->retry_base_delay;

  for (guint i = 1; i < attempt && ceiling < self->retry_max_delay; i++)
    ceiling *= 2;
  ceiling = MIN (ceiling, self->retry_max_delay);

  /* Full jitter: anywhere from nothing to the ceiling, so clients that
   * failed together do not come back together. */
  return (guint) g_random_int_range (0, (gint32) ceiling + 1);
}

/* Whether the server answered the last request that ended, with anything
 * at all; a request that could not reach it makes this FALSE. */
static void
set_reachable (StarlingClient *self,
               gboolean        reachable)
{
  if (self->reachable == reachable)
    return;
  self->reachable = reachable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REACHABLE]);
}

static void
retry_or_fail (GTask  *task,
               GError *error)
{
  StarlingClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  guint status = starling_api_error_get_http_status (error);
  gint64 retry_after = starling_api_error_get_retry_after (error);
  gboolean may_retry = call->attempt < self->max_attempts;
  guint delay;

  /* The server refused the token: no retry can help, and the owner of the
   * account is told, so it can ask the user to sign in again. */
  if (g_error_matches (error, STARLING_API_ERROR, STARLING_API_ERROR_UNAUTHORIZED))
    {
      g_signal_emit (self, signals[UNAUTHORIZED], 0, error);
      g_task_return_error (task, error);
      return;
    }

  if (status == 429)
    {
      /* The server did not act on a refused request: any method may wait
       * and try again. */
      if (!may_retry || retry_after < 0 || retry_after > self->max_rate_limit_wait)
        {
          g_task_return_error (task, error);
          return;
        }
      delay = (guint) retry_after * 1000;
    }
  else if (starling_request_get_retryable (call->request) && may_retry &&
           (error->code == STARLING_API_ERROR_NETWORK || error->code == STARLING_API_ERROR_SERVER))
    {
      delay = backoff_delay (self, call->attempt);
      if (status == 503 && retry_after >= 0)
        {
          if (retry_after * 1000 > self->retry_max_delay)
            {
              g_task_return_error (task, error);
              return;
            }
          delay = (guint) retry_after * 1000;
        }
    }
  else
    {
      if (status == 0 && (error->code == STARLING_API_ERROR_NETWORK || error->code == STARLING_API_ERROR_TLS))
        set_reachable (self, FALSE);
      g_task_return_error (task, error);
      return;
    }

  g_debug ("%s %s failed (%s); attempt %u of %u in %u ms",
           starling_request_get_method (call->request),
           g_uri_get_path (soup_message_get_uri (call->message)),
           error->message, call->attempt + 1, self->max_attempts, delay);
  g_error_free (error);
  wait_then (task, delay, start_attempt);
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StarlingClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) body = NULL;
  SoupMessageHeaders *headers;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (body == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      retry_or_fail (task, starling_api_error_new_from_transport (error));
      return;
    }

  headers = soup_message_get_response_headers (call->message);
  status = soup_message_get_status (call->message);
  track_rate_limit (self, headers);
  set_reachable (self, TRUE);

  g_debug ("%s %s → %u (attempt %u)", starling_request_get_method (call->request),
           g_uri_get_path (soup_message_get_uri (call->message)), status, call->attempt);

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      retry_or_fail (task, starling_api_error_new_for_status (status, headers, body, NULL));
      return;
    }

  if (starling_request_get_result_kind (call->request) == STARLING_RESULT_NONE)
    {
      g_task_return_pointer (task, result_new (NULL, FALSE, status), result_free);
      return;
    }

  decode_answer (task, body);
}

static void
wrote_body_data_cb (SoupMessage *message,
                    guint        chunk_size,
                    gpointer     user_data)
{
  Call *call = user_data;

  call->sent += chunk_size;
  if (call->progress != NULL)
    call->progress (MIN (call->sent, call->total), call->total, call->progress_data);
}

static void
start_attempt (GTask *task)
{
  StarlingClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  call->attempt++;
  g_clear_object (&call->message);
  g_clear_pointer (&call->uri, g_free);

  call->uri = starling_request_build_uri (call->request, self->base_uri);
  if (!starling_api_check_uri (self->session, call->uri, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  call->message = starling_request_build_message (call->request, self->base_uri,
                                                  self->access_token, &error);
  if (call->message == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (call->progress != NULL)
    {
      call->sent = 0;
      call->total = soup_message_headers_get_content_length (soup_message_get_request_headers (call->message));
      g_signal_connect (call->message, "wrote-body-data", G_CALLBACK (wrote_body_data_cb), call);
    }

  soup_session_send_and_read_async (self->session, call->message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), sent_cb, g_object_ref (task));
}

static void
send_full (StarlingClient       *self,
           StarlingRequest      *request,
           StarlingProgressFunc  progress,
           gpointer              progress_data,
           gpointer              source_tag,
           GCancellable         *cancellable,
           GAsyncReadyCallback   callback,
           gpointer              user_data)
{
  g_autoptr (GTask) task = NULL;
  Call *call;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  call = g_new0 (Call, 1);
  call->request = request;
  call->progress = progress;
  call->progress_data = progress_data;
  g_task_set_task_data (task, call, call_free);

  start_attempt (task);
}

static Result *
send_finish_result (StarlingClient  *self,
                    GAsyncResult    *result,
                    GError         **error)
{
  g_return_val_if_fail (STARLING_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Building requests */

static StarlingRequest *
new_request (const char         *method,
             const char         *path,
             const char         *id,
             StarlingResultKind  kind,
             GType               type)
{
  StarlingRequest *request = starling_request_new (method, path, id);

  starling_request_set_result (request, kind, type);

  return request;
}

static StarlingRequest *
new_page_request (const char *path,
                  const char *id,
                  GType       type,
                  guint       page_size)
{
  StarlingRequest *request = new_request ("GET", path, id, STARLING_RESULT_PAGE, type);

  starling_request_set_page_size (request, page_size);

  return request;
}

static void
send (StarlingClient      *self,
      StarlingRequest     *request,
      gpointer             source_tag,
      GCancellable        *cancellable,
      GAsyncReadyCallback  callback,
      gpointer             user_data)
{
  send_full (self, request, NULL, NULL, source_tag, cancellable, callback, user_data);
}

static gboolean
valid_id (const char *id)
{
  return id != NULL && *id != '\0';
}

static gboolean
is_entity_result (Result *answer)
{
  return !answer->is_json && STARLING_IS_ENTITY (answer->value);
}

static gboolean
is_page_result (Result *answer)
{
  return !answer->is_json && STARLING_IS_PAGE (answer->value);
}

static gboolean
is_json_result (Result *answer)
{
  return answer->is_json;
}

/* Takes the value out of a call's result, checking that the caller used
 * the finisher that goes with the call. */
static gpointer
finish_value (StarlingClient  *self,
              GAsyncResult    *result,
              gboolean       (*accept) (Result *answer),
              const char      *caller,
              GError         **error)
{
  Result *answer = send_finish_result (self, result, error);
  gpointer value;

  if (answer == NULL)
    return NULL;

  if (!accept (answer))
    {
      g_critical ("%s: this call answers something else", caller);
      result_free (answer);
      g_set_error_literal (error, STARLING_API_ERROR, STARLING_API_ERROR_FAILED,
                           "The wrong finish function was called");
      return NULL;
    }

  value = g_steal_pointer (&answer->value);
  result_free (answer);

  return value;
}

/* GObject */

static void
starling_client_finalize (GObject *object)
{
  StarlingClient *self = STARLING_CLIENT (object);

  /* Leave no copy of the token in freed memory. */
  g_clear_pointer (&self->access_token, starling_secret_free);
  g_clear_object (&self->session);
  g_clear_pointer (&self->base_uri, g_free);
  g_clear_object (&self->map);

  G_OBJECT_CLASS (starling_client_parent_class)->finalize (object);
}

static void
starling_client_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StarlingClient *self = STARLING_CLIENT (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_BASE_URI:
      g_value_set_string (value, self->base_uri);
      break;
    case PROP_ENTITY_MAP:
      g_value_set_object (value, self->map);
      break;
    case PROP_API_VERSION:
      g_value_set_int (value, self->api_version);
      break;
    case PROP_MAX_ATTEMPTS:
      g_value_set_uint (value, self->max_attempts);
      break;
    case PROP_RETRY_BASE_DELAY:
      g_value_set_uint (value, self->retry_base_delay);
      break;
    case PROP_MEDIA_POLL_INTERVAL:
      g_value_set_uint (value, self->media_poll_interval);
      break;
    case PROP_RATE_LIMIT_LIMIT:
      g_value_set_int64 (value, self->rate_limit_limit);
      break;
    case PROP_RATE_LIMIT_REMAINING:
      g_value_set_int64 (value, self->rate_limit_remaining);
      break;
    case PROP_RATE_LIMIT_RESET:
      g_value_set_int64 (value, self->rate_limit_reset);
      break;
    case PROP_REACHABLE:
      g_value_set_boolean (value, self->reachable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_client_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  StarlingClient *self = STARLING_CLIENT (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_BASE_URI:
      self->base_uri = g_value_dup_string (value);
      break;
    case PROP_ACCESS_TOKEN:
      self->access_token = g_value_dup_string (value);
      break;
    case PROP_ENTITY_MAP:
      self->map = g_value_dup_object (value);
      break;
    case PROP_API_VERSION:
      starling_client_set_api_version (self, g_value_get_int (value));
      break;
    case PROP_MAX_ATTEMPTS:
      starling_client_set_max_attempts (self, g_value_get_uint (value));
      break;
    case PROP_RETRY_BASE_DELAY:
      starling_client_set_retry_base_delay (self, g_value_get_uint (value));
      break;
    case PROP_MEDIA_POLL_INTERVAL:
      if (self->media_poll_interval != g_value_get_uint (value))
        {
          self->media_poll_interval = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_client_constructed (GObject *object)
{
  StarlingClient *self = STARLING_CLIENT (object);

  G_OBJECT_CLASS (starling_client_parent_class)->constructed (object);

  if (self->map == NULL)
    self->map = starling_entity_map_new ();
}

static void
starling_client_class_init (StarlingClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags readwrite = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags readonly = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = starling_client_finalize;
  object_class->get_property = starling_client_get_property;
  object_class->set_property = starling_client_set_property;
  object_class->constructed = starling_client_constructed;

  /**
   * StarlingClient:session:
   *
   * The shared session, from starling_session_new().
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SOUP_TYPE_SESSION, G_PARAM_READWRITE | construct);

  /**
   * StarlingClient:base-uri:
   *
   * The server, as `https://mastodon.social`.
   */
  properties[PROP_BASE_URI] =
    g_param_spec_string ("base-uri", NULL, NULL, NULL, G_PARAM_READWRITE | construct);

  /**
   * StarlingClient:access-token:
   *
   * The account's token. It can be set, never read.
   */
  properties[PROP_ACCESS_TOKEN] =
    g_param_spec_string ("access-token", NULL, NULL, NULL, G_PARAM_WRITABLE | construct);

  /**
   * StarlingClient:entity-map:
   *
   * The account's identity map.
   */
  properties[PROP_ENTITY_MAP] =
    g_param_spec_object ("entity-map", NULL, NULL, STARLING_TYPE_ENTITY_MAP, G_PARAM_READWRITE | construct);

  /**
   * StarlingClient:api-version:
   *
   * The server's `api_versions.mastodon` (0 when unknown), learnt by
   * starling_client_get_instance_async(). From 2 on, notifications are
   * read grouped.
   */
  properties[PROP_API_VERSION] =
    g_param_spec_int ("api-version", NULL, NULL, 0, G_MAXINT, 0, readwrite);

  /**
   * StarlingClient:max-attempts:
   *
   * How often a request is sent at most, the first time included.
   */
  properties[PROP_MAX_ATTEMPTS] =
    g_param_spec_uint ("max-attempts", NULL, NULL, 1, 16, DEFAULT_MAX_ATTEMPTS, readwrite);

  /**
   * StarlingClient:retry-base-delay:
   *
   * The ceiling of the first back-off, in milliseconds; it doubles with
   * each attempt up to 30 s.
   */
  properties[PROP_RETRY_BASE_DELAY] =
    g_param_spec_uint ("retry-base-delay", NULL, NULL, 0, DEFAULT_RETRY_MAX_DELAY_MS,
                       DEFAULT_RETRY_BASE_DELAY_MS, readwrite);

  /**
   * StarlingClient:media-poll-interval:
   *
   * Milliseconds between two checks of an upload the server is still
   * processing.
   */
  properties[PROP_MEDIA_POLL_INTERVAL] =
    g_param_spec_uint ("media-poll-interval", NULL, NULL, 0, 60000,
                       DEFAULT_MEDIA_POLL_INTERVAL_MS, readwrite);

  /**
   * StarlingClient:rate-limit-limit:
   *
   * `X-RateLimit-Limit` of the last answer that had one, or -1.
   */
  properties[PROP_RATE_LIMIT_LIMIT] =
    g_param_spec_int64 ("rate-limit-limit", NULL, NULL, -1, G_MAXINT64, -1, readonly);

  /**
   * StarlingClient:rate-limit-remaining:
   *
   * `X-RateLimit-Remaining` of the last answer that had one, or -1.
   */
  properties[PROP_RATE_LIMIT_REMAINING] =
    g_param_spec_int64 ("rate-limit-remaining", NULL, NULL, -1, G_MAXINT64, -1, readonly);

  /**
   * StarlingClient:rate-limit-reset:
   *
   * When the limit resets, in Unix seconds, or 0 when unknown.
   */
  properties[PROP_RATE_LIMIT_RESET] =
    g_param_spec_int64 ("rate-limit-reset", NULL, NULL, 0, G_MAXINT64, 0, readonly);

  /**
   * StarlingClient:reachable:
   *
   * %FALSE once a request could not reach the server at all (no
   * connection, a TLS failure, a timeout) after its retries; %TRUE again as
   * soon as the server answers anything. Starts %TRUE.
   */
  properties[PROP_REACHABLE] =
    g_param_spec_boolean ("reachable", NULL, NULL, TRUE, readonly);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StarlingClient::unauthorized:
   * @self: the client
   * @error: the %STARLING_API_ERROR_UNAUTHORIZED the request ended with
   *
   * A request ended because the server refused the access token (401, or
   * a 422 that says the token is invalid): it was revoked, or it expired.
   * Emitted before the caller gets the error.
   */
  signals[UNAUTHORIZED] =
    g_signal_new ("unauthorized",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
starling_client_init (StarlingClient *self)
{
  self->reachable = TRUE;
  self->max_attempts = DEFAULT_MAX_ATTEMPTS;
  self->retry_base_delay = DEFAULT_RETRY_BASE_DELAY_MS;
  self->retry_max_delay = DEFAULT_RETRY_MAX_DELAY_MS;
  self->max_rate_limit_wait = DEFAULT_MAX_RATE_LIMIT_WAIT_S;
  self->media_poll_interval = DEFAULT_MEDIA_POLL_INTERVAL_MS;
  self->rate_limit_limit = -1;
  self->rate_limit_remaining = -1;
  self->rate_limit_reset = 0;
}

/**
 * starling_client_new:
 * @session: the shared session, from starling_session_new()
 * @base_uri: the server, as `https://mastodon.social`
 * @access_token: (nullable): the account's token; %NULL for public calls
 * @map: (nullable): the account's identity map; %NULL makes one
 *
 * Returns: (transfer full): a new client
 */
StarlingClient *
starling_client_new (SoupSession       *session,
                     const char        *base_uri,
                     const char        *access_token,
                     StarlingEntityMap *map)
{
  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (base_uri != NULL, NULL);
  g_return_val_if_fail (map == NULL || STARLING_IS_ENTITY_MAP (map), NULL);

  return g_object_new (STARLING_TYPE_CLIENT,
                       "session", session,
                       "base-uri", base_uri,
                       "access-token", access_token,
                       "entity-map", map,
                       NULL);
}

/**
 * starling_client_get_session:
 * @self: a client
 *
 * Returns: (transfer none): the session
 */
SoupSession *
starling_client_get_session (StarlingClient *self)
{
  g_return_val_if_fail (STARLING_IS_CLIENT (self), NULL);

  return self->session;
}

/**
 * starling_client_get_base_uri:
 * @self: a client
 *
 * Returns: the server's base URI
 */
const char *
starling_client_get_base_uri (StarlingClient *self)
{
  g_return_val_if_fail (STARLING_IS_CLIENT (self), NULL);

  return self->base_uri;
}

/**
 * starling_client_get_entity_map:
 * @self: a client
 *
 * Returns: (transfer none): the account's identity map
 */
StarlingEntityMap *
starling_client_get_entity_map (StarlingClient *self)
{
  g_return_val_if_fail (STARLING_IS_CLIENT (self), NULL);

  return self->map;
}

/**
 * starling_client_get_api_version:
 * @self: a client
 *
 * Returns: the server's `api_versions.mastodon`, 0 when unknown
 */
int
starling_client_get_api_version (StarlingClient *self)
{
  g_return_val_if_fail (STARLING_IS_CLIENT (self), 0);

  return self->api_version;
}

/**
 * starling_client_set_api_version:
 * @self: a client
 * @api_version: the server's `api_versions.mastodon`
 */
void
starling_client_set_api_version (StarlingClient *self,
                                 int             api_version)
{
  g_return_if_fail (STARLING_IS_CLIENT (self));

  api_version = MAX (api_version, 0);
  if (self->api_version == api_version)
    return;

  self->api_version = api_version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_API_VERSION]);
}

/**
 * starling_client_get_retry_base_delay:
 * @self: a client
 *
 * Returns: the ceiling of the first back-off, in milliseconds
 */
guint
starling_client_get_retry_base_delay (StarlingClient *self)
{
  g_return_val_if_fail (STARLING_IS_CLIENT (self), 0);

  return self->retry_base_delay;
}

/**
 * starling_client_set_retry_base_delay:
 * @self: a client
 * @milliseconds: the ceiling of the first back-off; tests make it small
 */
void
starling_client_set_retry_base_delay (StarlingClient *self,
                                      guint           milliseconds)
{
  g_return_if_fail (STARLING_IS_CLIENT (self));

  milliseconds = MIN (milliseconds, DEFAULT_RETRY_MAX_DELAY_MS);
  if (self->retry_base_delay == milliseconds)
    return;

  self->retry_base_delay = milliseconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETRY_BASE_DELAY]);
}

/**
 * starling_client_get_max_attempts:
 * @self: a client
 *
 * Returns: how often a request is sent at most
 */
guint
starling_client_get_max_attempts (StarlingClient *self)
{
  g_return_val_if_fail (STARLING_IS_CLIENT (self), 0);

  return self->max_attempts;
}

/**
 * starling_client_set_max_attempts:
 * @self: a client
 * @attempts: how often a request is sent at most, from 1 to 16
 */
void
starling_client_set_max_attempts (StarlingClient *self,
                                  guint           attempts)
{
  g_return_if_fail (STARLING_IS_CLIENT (self));

  attempts = CLAMP (attempts, 1, 16);
  if (self->max_attempts == attempts)
    return;

  self->max_attempts = attempts;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_ATTEMPTS]);
}

/**
 * starling_client_get_rate_limit_limit:
 * @self: a client
 *
 * Returns: the requests allowed per window, or -1 when unknown
 */
gint64
starling_client_get_rate_limit_limit (StarlingClient *self)
{
  g_return_val_if_fail (STARLING_IS_CLIENT (self), -1);

  return self->rate_limit_limit;
}

/**
 * starling_client_get_rate_limit_remaining:
 * @self: a client
 *
 * Returns: the requests left in the window, or -1 when unknown
 */
gint64
starling_client_get_rate_limit_remaining (StarlingClient *self)
{
  g_return_val_if_fail (STARLING_IS_CLIENT (self), -1);

  return self->rate_limit_remaining;
}

/**
 * starling_client_get_rate_limit_reset:
 * @self: a client
 *
 * Returns: when the window resets, in Unix seconds, or 0 when unknown
 */
gint64
starling_client_get_rate_limit_reset (StarlingClient *self)
{
  g_return_val_if_fail (STARLING_IS_CLIENT (self), 0);

  return self->rate_limit_reset;
}

/**
 * starling_client_get_reachable:
 * @self: a client
 *
 * Returns: %FALSE when the last request that ended could not reach the
 *   server at all
 */
gboolean
starling_client_get_reachable (StarlingClient *self)
{
  g_return_val_if_fail (STARLING_IS_CLIENT (self), TRUE);

  return self->reachable;
}

/**
 * starling_client_get_rate_limit_budget:
 * @self: a client
 *
 * The share of the rate limit left, for background work (analytics) to
 * yield to the user's own requests when it runs low.
 *
 * Returns: from 0.0 (nothing left) to 1.0 (all of it, or unknown, or the
 *   window has reset since)
 */
double
starling_client_get_rate_limit_budget (StarlingClient *self)
{
  g_return_val_if_fail (STARLING_IS_CLIENT (self), 1.0);

  if (self->rate_limit_limit <= 0 || self->rate_limit_remaining < 0)
    return 1.0;

  if (self->rate_limit_reset > 0 && self->rate_limit_reset <= g_get_real_time () / G_USEC_PER_SEC)
    return 1.0;

  return CLAMP ((double) self->rate_limit_remaining / (double) self->rate_limit_limit, 0.0, 1.0);
}

/**
 * starling_client_send_async:
 * @self: a client
 * @request: what to send, such as starling_page_get_next_request()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the answer is decoded, or the call failed
 * @user_data: data for @callback
 *
 * Sends a request, with the retries its method allows, and decodes the
 * answer as the request says. Every endpoint of the client goes through
 * this path.
 */
void
starling_client_send_async (StarlingClient      *self,
                            StarlingRequest     *request,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (STARLING_IS_REQUEST (request));

  send (self, g_object_ref (request), starling_client_send_async, cancellable, callback, user_data);
}

/**
 * starling_client_send_finish:
 * @self: a client
 * @result: the result given to the callback
 * @error: return location for a #StarlingApiError
 *
 * Returns: (transfer full) (nullable): for %STARLING_RESULT_ENTITY the
 *   entity, for %STARLING_RESULT_PAGE and
 *   %STARLING_RESULT_GROUPED_NOTIFICATIONS a #StarlingPage, for
 *   %STARLING_RESULT_JSON a #JsonNode, for %STARLING_RESULT_NONE %NULL;
 *   %NULL with @error set on failure
 */
gpointer
starling_client_send_finish (StarlingClient  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  Result *answer = send_finish_result (self, result, error);
  gpointer value;

  if (answer == NULL)
    return NULL;

  value = g_steal_pointer (&answer->value);
  result_free (answer);

  return value;
}

/**
 * starling_client_entity_finish:
 * @self: a client
 * @result: the result given to the callback
 * @error: return location for a #StarlingApiError
 *
 * Finishes the calls that answer one entity; each says which type.
 *
 * Returns: (transfer full) (type StarlingEntity): the entity, interned in
 *   the account's identity map, or %NULL with @error set
 */
gpointer
starling_client_entity_finish (StarlingClient  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  return finish_value (self, result, is_entity_result, G_STRFUNC, error);
}

/**
 * starling_client_page_finish:
 * @self: a client
 * @result: the result given to the callback
 * @error: return location for a #StarlingApiError
 *
 * Finishes the calls that answer a list.
 *
 * Returns: (transfer full): the page, or %NULL with @error set
 */
StarlingPage *
starling_client_page_finish (StarlingClient  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  return finish_value (self, result, is_page_result, G_STRFUNC, error);
}

/**
 * starling_client_action_finish:
 * @self: a client
 * @result: the result given to the callback
 * @error: return location for a #StarlingApiError
 *
 * Finishes the calls whose answer says nothing but success.
 *
 * Returns: %TRUE on success
 */
gboolean
starling_client_action_finish (StarlingClient  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  Result *answer = send_finish_result (self, result, error);

  if (answer == NULL)
    return FALSE;

  result_free (answer);
  return TRUE;
}

/**
 * starling_client_json_finish:
 * @self: a client
 * @result: the result given to the callback
 * @error: return location for a #StarlingApiError
 *
 * Finishes the calls whose answer is no entity (preferences, a status's
 * source and history).
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
JsonNode *
starling_client_json_finish (StarlingClient  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  return finish_value (self, result, is_json_result, G_STRFUNC, error);
}

/* Account and server */

/**
 * starling_client_verify_credentials_async:
 * @self: a client
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `GET /api/v1/accounts/verify_credentials`. Finish with
 * starling_client_entity_finish(): a #StarlingAccount.
 */
void
starling_client_verify_credentials_async (StarlingClient      *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (STARLING_IS_CLIENT (self));

  send (self, new_request ("GET", "/api/v1/accounts/verify_credentials", NULL,
                           STARLING_RESULT_ENTITY, STARLING_TYPE_ACCOUNT),
        starling_client_verify_credentials_async, cancellable, callback, user_data);
}

static void
instance_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StarlingClient *self = STARLING_CLIENT (object);
  g_autoptr (GError) error = NULL;
  Result *answer;

  answer = send_finish_result (self, result, &error);
  if (answer == NULL)
    {
      /* Servers before Mastodon 4.0 and several forks have only v1. */
      if (g_error_matches (error, STARLING_API_ERROR, STARLING_API_ERROR_NOT_FOUND) &&
          g_task_get_task_data (task) == NULL)
        {
          GCancellable *cancellable = g_task_get_cancellable (task);

          g_debug ("No /api/v2/instance; asking /api/v1/instance");
          g_task_set_task_data (task, GINT_TO_POINTER (1), NULL);
          send (self, new_request ("GET", "/api/v1/instance", NULL,
                                   STARLING_RESULT_ENTITY, STARLING_TYPE_INSTANCE),
                instance_cb, cancellable, instance_cb, g_steal_pointer (&task));
          return;
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  starling_client_set_api_version (self, starling_instance_get_api_version (answer->value));
  g_task_return_pointer (task, answer, result_free);
}

/**
 * starling_client_get_instance_async:
 * @self: a client
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `GET /api/v2/instance`, or `/api/v1/instance` when the server has no v2.
 * Sets #StarlingClient:api-version. Finish with
 * starling_client_entity_finish(): a #StarlingInstance.
 */
void
starling_client_get_instance_async (StarlingClient      *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (STARLING_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_client_get_instance_async);

  send (self, new_request ("GET", "/api/v2/instance", NULL, STARLING_RESULT_ENTITY, STARLING_TYPE_INSTANCE),
        instance_cb, cancellable, instance_cb, g_steal_pointer (&task));
}

/**
 * starling_client_get_custom_emojis_async:
 * @self: a client
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `GET /api/v1/custom_emojis`. Finish with starling_client_page_finish():
 * #StarlingCustomEmoji items.
 */
void
starling_client_get_custom_emojis_async (StarlingClient      *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (STARLING_IS_CLIENT (self));

  send (self, new_page_request ("/api/v1/custom_emojis", NULL, STARLING_TYPE_CUSTOM_EMOJI, 0),
        starling_client_get_custom_emojis_async, cancellable, callback, user_data);
}

/**
 * starling_client_get_preferences_async:
 * @self: a client
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `GET /api/v1/preferences`. Finish with starling_client_json_finish():
 * an object with keys such as `posting:default:visibility`.
 */
void
starling_client_get_preferences_async (StarlingClient      *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (STARLING_IS_CLIENT (self));

  send (self, new_request ("GET", "/api/v1/preferences", NULL, STARLING_RESULT_JSON, G_TYPE_NONE),
        starling_client_get_preferences_async, cancellable, callback, user_data);
}

/* Timelines */

static const struct
{
  const char            *path;
  StarlingTimelineFlags  flags;
} timelines[] = {
  [STARLING_TIMELINE_HOME] = { "/api/v1/timelines/home", 0 },
  [STARLING_TIMELINE_PUBLIC] = { "/api/v1/timelines/public",
                                 STARLING_TIMELINE_LOCAL | STARLING_TIMELINE_REMOTE | STARLING_TIMELINE_ONLY_MEDIA },
  [STARLING_TIMELINE_HASHTAG] = { "/api/v1/timelines/tag/:id",
                                  STARLING_TIMELINE_LOCAL | STARLING_TIMELINE_REMOTE | STARLING_TIMELINE_ONLY_MEDIA },
  [STARLING_TIMELINE_LIST] = { "/api/v1/timelines/list/:id", 0 },
  [STARLING_TIMELINE_LINK] = { "/api/v1/timelines/link", 0 },
  [STARLING_TIMELINE_BOOKMARKS] = { "/api/v1/bookmarks", 0 },
  [STARLING_TIMELINE_FAVOURITES] = { "/api/v1/favourites", 0 },
  [STARLING_TIMELINE_CONVERSATIONS] = { "/api/v1/conversations", 0 },
};

static const struct
{
  StarlingTimelineFlags  flag;
  const char            *name;
} timeline_flags[] = {
  { STARLING_TIMELINE_LOCAL, "local" },
  { STARLING_TIMELINE_REMOTE, "remote" },
  { STARLING_TIMELINE_ONLY_MEDIA, "only_media" },
  { STARLING_TIMELINE_EXCLUDE_REPLIES, "exclude_replies" },
  { STARLING_TIMELINE_EXCLUDE_REBLOGS, "exclude_reblogs" },
  { STARLING_TIMELINE_PINNED, "pinned" },
};

/* The default `limit` of the status timelines. */
#define STATUS_PAGE_SIZE 20
/* And of notifications and lists of accounts. */
#define ACCOUNT_PAGE_SIZE 40

static void
add_timeline_flags (StarlingRequest       *request,
                    StarlingTimelineFlags  flags)
{
  for (guint i = 0; i < G_N_ELEMENTS (timeline_flags); i++)
    if (flags & timeline_flags[i].flag)
      starling_request_add_param_bool (request, timeline_flags[i].name, TRUE);
}

/**
 * starling_client_get_timeline_async:
 * @self: a client
 * @kind: which timeline
 * @target: (nullable): the hashtag, list id or URL the kind needs
 * @flags: filters; those the endpoint does not take are left out
 * @min_id: (nullable): for a refresh, the newest id already shown: the
 *   page then holds what came right after it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * Reads the newest page of a timeline (or the page after @min_id). Older
 * pages: send starling_page_get_next_request(). Finish with
 * starling_client_page_finish(): #StarlingStatus items
 * (#StarlingConversation for conversations). A refresh of the home
 * timeline is this one request.
 */
void
starling_client_get_timeline_async (StarlingClient        *self,
                                    StarlingTimelineKind   kind,
                                    const char            *target,
                                    StarlingTimelineFlags  flags,
                                    const char            *min_id,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data)
{
  StarlingRequest *request;
  GType type;

  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (kind < G_N_ELEMENTS (timelines));
  g_return_if_fail (strstr (timelines[kind].path, ":id") == NULL || valid_id (target));
  g_return_if_fail (kind != STARLING_TIMELINE_LINK || target != NULL);

  type = kind == STARLING_TIMELINE_CONVERSATIONS ? STARLING_TYPE_CONVERSATION : STARLING_TYPE_STATUS;
  request = new_page_request (timelines[kind].path, target, type, STATUS_PAGE_SIZE);
  if (kind == STARLING_TIMELINE_LINK)
    starling_request_add_param (request, "url", target);
  add_timeline_flags (request, flags & timelines[kind].flags);
  starling_request_add_param (request, "min_id", min_id);

  send (self, request, starling_client_get_timeline_async, cancellable, callback, user_data);
}

/**
 * starling_client_get_account_statuses_async:
 * @self: a client
 * @account_id: the account
 * @flags: %STARLING_TIMELINE_ONLY_MEDIA, %STARLING_TIMELINE_EXCLUDE_REPLIES,
 *   %STARLING_TIMELINE_EXCLUDE_REBLOGS, %STARLING_TIMELINE_PINNED
 * @tagged: (nullable): only posts with this hashtag
 * @min_id: (nullable): for a refresh, the newest id already shown
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `GET /api/v1/accounts/:id/statuses`. Finish with
 * starling_client_page_finish(): #StarlingStatus items.
 */
void
starling_client_get_account_statuses_async (StarlingClient        *self,
                                            const char            *account_id,
                                            StarlingTimelineFlags  flags,
                                            const char            *tagged,
                                            const char            *min_id,
                                            GCancellable          *cancellable,
                                            GAsyncReadyCallback    callback,
                                            gpointer               user_data)
{
  StarlingRequest *request;

  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (valid_id (account_id));

  request = new_page_request ("/api/v1/accounts/:id/statuses", account_id, STARLING_TYPE_STATUS, STATUS_PAGE_SIZE);
  add_timeline_flags (request, flags & (STARLING_TIMELINE_ONLY_MEDIA | STARLING_TIMELINE_EXCLUDE_REPLIES |
                                        STARLING_TIMELINE_EXCLUDE_REBLOGS | STARLING_TIMELINE_PINNED));
  starling_request_add_param (request, "tagged", tagged);
  starling_request_add_param (request, "min_id", min_id);

  send (self, request, starling_client_get_account_statuses_async, cancellable, callback, user_data);
}

/* Notifications */

/**
 * starling_client_get_notifications_async:
 * @self: a client
 * @types: (nullable) (array zero-terminated=1): only these types
 * @exclude_types: (nullable) (array zero-terminated=1): not these types
 * @min_id: (nullable): for a refresh, the newest id already shown
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * Reads notifications: grouped (`/api/v2/notifications`) when the server's
 * #StarlingClient:api-version is 2 or more, else `/api/v1/notifications`.
 * Finish with starling_client_page_finish(): #StarlingNotificationGroup
 * or #StarlingNotification items.
 */
void
starling_client_get_notifications_async (StarlingClient      *self,
                                         const char * const  *types,
                                         const char * const  *exclude_types,
                                         const char          *min_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  StarlingRequest *request;

  g_return_if_fail (STARLING_IS_CLIENT (self));

  if (self->api_version >= 2)
    {
      request = new_request ("GET", "/api/v2/notifications", NULL, STARLING_RESULT_GROUPED_NOTIFICATIONS,
                             STARLING_TYPE_NOTIFICATION_GROUP);
      starling_request_set_page_size (request, ACCOUNT_PAGE_SIZE);
    }
  else
    request = new_page_request ("/api/v1/notifications", NULL, STARLING_TYPE_NOTIFICATION, ACCOUNT_PAGE_SIZE);

  starling_request_add_param_array (request, "types", types);
  starling_request_add_param_array (request, "exclude_types", exclude_types);
  starling_request_add_param (request, "min_id", min_id);

  send (self, request, starling_client_get_notifications_async, cancellable, callback, user_data);
}

/**
 * starling_client_get_notification_async:
 * @self: a client
 * @id: the notification
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `GET /api/v1/notifications/:id`. Finish with
 * starling_client_entity_finish(): a #StarlingNotification.
 */
void
starling_client_get_notification_async (StarlingClient      *self,
                                        const char          *id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (valid_id (id));

  send (self, new_request ("GET", "/api/v1/notifications/:id", id, STARLING_RESULT_ENTITY, STARLING_TYPE_NOTIFICATION),
        starling_client_get_notification_async, cancellable, callback, user_data);
}

/**
 * starling_client_dismiss_notification_async:
 * @self: a client
 * @id: the notification
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `POST /api/v1/notifications/:id/dismiss`. Finish with
 * starling_client_action_finish().
 */
void
starling_client_dismiss_notification_async (StarlingClient      *self,
                                            const char          *id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (valid_id (id));

  send (self, new_request ("POST", "/api/v1/notifications/:id/dismiss", id, STARLING_RESULT_NONE, G_TYPE_NONE),
        starling_client_dismiss_notification_async, cancellable, callback, user_data);
}

/**
 * starling_client_clear_notifications_async:
 * @self: a client
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `POST /api/v1/notifications/clear`. Finish with
 * starling_client_action_finish().
 */
void
starling_client_clear_notifications_async (StarlingClient      *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (STARLING_IS_CLIENT (self));

  send (self, new_request ("POST", "/api/v1/notifications/clear", NULL, STARLING_RESULT_NONE, G_TYPE_NONE),
        starling_client_clear_notifications_async, cancellable, callback, user_data);
}

/**
 * starling_client_get_unread_count_async:
 * @self: a client
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `GET /api/v1/notifications/unread_count` (Mastodon 4.3). Finish with
 * starling_client_get_unread_count_finish().
 */
void
starling_client_get_unread_count_async (StarlingClient      *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (STARLING_IS_CLIENT (self));

  send (self, new_request ("GET", "/api/v1/notifications/unread_count", NULL, STARLING_RESULT_JSON, G_TYPE_NONE),
        starling_client_get_unread_count_async, cancellable, callback, user_data);
}

/**
 * starling_client_get_unread_count_finish:
 * @self: a client
 * @result: the result given to the callback
 * @error: return location for a #StarlingApiError
 *
 * Returns: the number of unread notifications, or -1 with @error set
 */
gint64
starling_client_get_unread_count_finish (StarlingClient  *self,
                                         GAsyncResult    *result,
                                         GError         **error)
{
  g_autoptr (JsonNode) node = starling_client_json_finish (self, result, error);
  JsonNode *count;

  if (node == NULL)
    return -1;

  count = JSON_NODE_HOLDS_OBJECT (node) ? json_object_get_member (json_node_get_object (node), "count") : NULL;
  if (count == NULL || !JSON_NODE_HOLDS_VALUE (count) || json_node_get_value_type (count) != G_TYPE_INT64 ||
      json_node_get_int (count) < 0)
    {
      g_propagate_error (error, starling_api_error_new_malformed (NULL));
      return -1;
    }

  return json_node_get_int (count);
}

/* Statuses */

/**
 * starling_client_get_status_async:
 * @self: a client
 * @id: the status
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `GET /api/v1/statuses/:id`. Finish with starling_client_entity_finish():
 * a #StarlingStatus.
 */
void
starling_client_get_status_async (StarlingClient      *self,
                                  const char          *id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (valid_id (id));

  send (self, new_request ("GET", "/api/v1/statuses/:id", id, STARLING_RESULT_ENTITY, STARLING_TYPE_STATUS),
        starling_client_get_status_async, cancellable, callback, user_data);
}

/**
 * starling_client_get_status_context_async:
 * @self: a client
 * @id: the status
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `GET /api/v1/statuses/:id/context`. Finish with
 * starling_client_entity_finish(): a #StarlingContext.
 */
void
starling_client_get_status_context_async (StarlingClient      *self,
                                          const char          *id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (valid_id (id));

  send (self, new_request ("GET", "/api/v1/statuses/:id/context", id, STARLING_RESULT_ENTITY, STARLING_TYPE_CONTEXT),
        starling_client_get_status_context_async, cancellable, callback, user_data);
}

/**
 * starling_client_get_status_source_async:
 * @self: a client
 * @id: the status
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `GET /api/v1/statuses/:id/source`, the text to edit. Finish with
 * starling_client_json_finish(): `{id, text, spoiler_text}`.
 */
void
starling_client_get_status_source_async (StarlingClient      *self,
                                         const char          *id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (valid_id (id));

  send (self, new_request ("GET", "/api/v1/statuses/:id/source", id, STARLING_RESULT_JSON, G_TYPE_NONE),
        starling_client_get_status_source_async, cancellable, callback, user_data);
}

/**
 * starling_client_get_status_history_async:
 * @self: a client
 * @id: the status
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `GET /api/v1/statuses/:id/history`. Finish with
 * starling_client_json_finish(): an array of StatusEdit objects, which
 * have no id of their own.
 */
void
starling_client_get_status_history_async (StarlingClient      *self,
                                          const char          *id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (valid_id (id));

  send (self, new_request ("GET", "/api/v1/statuses/:id/history", id, STARLING_RESULT_JSON, G_TYPE_NONE),
        starling_client_get_status_history_async, cancellable, callback, user_data);
}

static const char * const status_action_paths[] = {
  [STARLING_STATUS_FAVOURITE] = "/api/v1/statuses/:id/favourite",
  [STARLING_STATUS_UNFAVOURITE] = "/api/v1/statuses/:id/unfavourite",
  [STARLING_STATUS_REBLOG] = "/api/v1/statuses/:id/reblog",
  [STARLING_STATUS_UNREBLOG] = "/api/v1/statuses/:id/unreblog",
  [STARLING_STATUS_BOOKMARK] = "/api/v1/statuses/:id/bookmark",
  [STARLING_STATUS_UNBOOKMARK] = "/api/v1/statuses/:id/unbookmark",
  [STARLING_STATUS_PIN] = "/api/v1/statuses/:id/pin",
  [STARLING_STATUS_UNPIN] = "/api/v1/statuses/:id/unpin",
  [STARLING_STATUS_MUTE] = "/api/v1/statuses/:id/mute",
  [STARLING_STATUS_UNMUTE] = "/api/v1/statuses/:id/unmute",
};

/**
 * starling_client_status_action_async:
 * @self: a client
 * @id: the status
 * @action: what to do
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * Favourites, boosts, bookmarks, pins or mutes a status, or undoes it.
 * Finish with starling_client_entity_finish(): the updated
 * #StarlingStatus (for a boost, the wrapper whose `reblog` is the status),
 * merged into the object already shown.
 */
void
starling_client_status_action_async (StarlingClient       *self,
                                     const char           *id,
                                     StarlingStatusAction  action,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (valid_id (id));
  g_return_if_fail (action < G_N_ELEMENTS (status_action_paths));

  send (self, new_request ("POST", status_action_paths[action], id, STARLING_RESULT_ENTITY, STARLING_TYPE_STATUS),
        starling_client_status_action_async, cancellable, callback, user_data);
}

/**
 * starling_client_delete_status_async:
 * @self: a client
 * @id: the status
 * @delete_media: whether its media go too (Mastodon 4.4)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `DELETE /api/v1/statuses/:id`; not retried. Finish with
 * starling_client_entity_finish(): the deleted #StarlingStatus, with its
 * source text, for delete-and-redraft.
 */
void
starling_client_delete_status_async (StarlingClient      *self,
                                     const char          *id,
                                     gboolean             delete_media,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  StarlingRequest *request;

  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (valid_id (id));

  request = new_request ("DELETE", "/api/v1/statuses/:id", id, STARLING_RESULT_ENTITY, STARLING_TYPE_STATUS);
  if (delete_media)
    starling_request_add_param_bool (request, "delete_media", TRUE);

  send (self, request, starling_client_delete_status_async, cancellable, callback, user_data);
}

static void
add_status_params (StarlingRequest            *request,
                   const StarlingStatusParams *params,
                   gboolean                    editing)
{
  starling_request_add_param (request, "status", params->text);
  starling_request_add_param_array (request, "media_ids", params->media_ids);
  if (params->poll_options != NULL && params->poll_options[0] != NULL)
    {
      starling_request_add_param_array (request, "poll[options]", params->poll_options);
      starling_request_add_param_int (request, "poll[expires_in]", params->poll_expires_in);
      starling_request_add_param_bool (request, "poll[multiple]", params->poll_multiple);
      starling_request_add_param_bool (request, "poll[hide_totals]", params->poll_hide_totals);
    }
  starling_request_add_param_bool (request, "sensitive", params->sensitive);
  starling_request_add_param (request, "spoiler_text", params->spoiler_text);
  starling_request_add_param (request, "language", params->language);

  if (editing)
    return;

  starling_request_add_param (request, "in_reply_to_id", params->in_reply_to_id);
  starling_request_add_param (request, "visibility", params->visibility);
  starling_request_add_param (request, "quoted_status_id", params->quoted_status_id);
  if (params->scheduled_at != NULL)
    {
      g_autofree char *when = g_date_time_format_iso8601 (params->scheduled_at);
      starling_request_add_param (request, "scheduled_at", when);
    }
}

/**
 * starling_client_post_status_async:
 * @self: a client
 * @params: what to post
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `POST /api/v1/statuses`, always with an `Idempotency-Key` (the one of
 * @params, or a fresh UUID), so it is retried after a network error or a
 * 5xx without ever posting twice. Finish with
 * starling_client_entity_finish(): a #StarlingStatus, or a
 * #StarlingScheduledStatus when @params has `scheduled_at`.
 */
void
starling_client_post_status_async (StarlingClient             *self,
                                   const StarlingStatusParams *params,
                                   GCancellable               *cancellable,
                                   GAsyncReadyCallback         callback,
                                   gpointer                    user_data)
{
  g_autofree char *key = NULL;
  StarlingRequest *request;

  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (params != NULL);

  request = new_request ("POST", "/api/v1/statuses", NULL, STARLING_RESULT_ENTITY,
                         params->scheduled_at != NULL ? STARLING_TYPE_SCHEDULED_STATUS : STARLING_TYPE_STATUS);
  add_status_params (request, params, FALSE);
  key = params->idempotency_key != NULL ? g_strdup (params->idempotency_key) : g_uuid_string_random ();
  starling_request_set_idempotency_key (request, key);

  send (self, request, starling_client_post_status_async, cancellable, callback, user_data);
}

/**
 * starling_client_edit_status_async:
 * @self: a client
 * @id: the status
 * @params: its new text, media, poll, warning and language
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `PUT /api/v1/statuses/:id`. Finish with starling_client_entity_finish():
 * the edited #StarlingStatus, merged into the object already shown.
 */
void
starling_client_edit_status_async (StarlingClient             *self,
                                   const char                 *id,
                                   const StarlingStatusParams *params,
                                   GCancellable               *cancellable,
                                   GAsyncReadyCallback         callback,
                                   gpointer                    user_data)
{
  StarlingRequest *request;

  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (valid_id (id));
  g_return_if_fail (params != NULL);

  request = new_request ("PUT", "/api/v1/statuses/:id", id, STARLING_RESULT_ENTITY, STARLING_TYPE_STATUS);
  add_status_params (request, params, TRUE);
  starling_request_set_idempotency_key (request, params->idempotency_key);

  send (self, request, starling_client_edit_status_async, cancellable, callback, user_data);
}

/* Media */

typedef struct
{
  char                 *id;
  guint                 polls;
  char                 *description;
  StarlingProgressFunc  progress;
  gpointer              progress_data;
} Upload;

static void
upload_free (gpointer data)
{
  Upload *upload = data;

  g_free (upload->id);
  g_free (upload->description);
  g_free (upload);
}

static void poll_media (GTask *task);

static gboolean
media_is_ready (Result *answer)
{
  return answer->http_status == SOUP_STATUS_OK &&
         starling_media_attachment_get_url (answer->value) != NULL;
}

static void
media_answer_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StarlingClient *self = STARLING_CLIENT (object);
  Upload *upload = g_task_get_task_data (task);
  GError *error = NULL;
  Result *answer;

  answer = send_finish_result (self, result, &error);
  if (answer == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (media_is_ready (answer))
    {
      g_task_return_pointer (task, answer, result_free);
      return;
    }

  /* 202 after the upload, 206 or no URL while polling: still processing. */
  if (upload->polls >= MEDIA_POLL_ATTEMPTS)
    {
      result_free (answer);
      g_task_return_new_error (task, STARLING_API_ERROR, STARLING_API_ERROR_SERVER,
                               _("The server is still processing the media; try again later"));
      return;
    }

  g_free (upload->id);
  upload->id = g_strdup (starling_media_attachment_get_id (answer->value));
  result_free (answer);
  upload->polls++;
  wait_then (task, self->media_poll_interval, poll_media);
}

static void
poll_media (GTask *task)
{
  StarlingClient *self = g_task_get_source_object (task);
  Upload *upload = g_task_get_task_data (task);

  send (self, new_request ("GET", "/api/v1/media/:id", upload->id, STARLING_RESULT_ENTITY,
                           STARLING_TYPE_MEDIA_ATTACHMENT),
        poll_media, g_task_get_cancellable (task), media_answer_cb, g_object_ref (task));
}

/**
 * starling_client_upload_media_async:
 * @self: a client
 * @contents: the file's bytes
 * @filename: its name
 * @content_type: (nullable): its MIME type
 * @description: (nullable): the alt text
 * @progress: (nullable) (scope notified): told how much of the body is sent
 * @progress_data: data for @progress, alive until the call finishes
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `POST /api/v2/media` as multipart, then, while the server processes it
 * (202, or 206 and no URL on `GET /api/v1/media/:id`), polls every
 * #StarlingClient:media-poll-interval, a bounded number of times. Not
 * retried: an upload has no idempotency key. Finish with
 * starling_client_entity_finish(): the ready #StarlingMediaAttachment.
 */
void
starling_client_upload_media_async (StarlingClient       *self,
                                     GBytes               *contents,
                                     const char           *filename,
                                     const char           *content_type,
                                     const char           *description,
                                     StarlingProgressFunc  progress,
                                     gpointer              progress_data,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  g_autoptr (GTask) task = NULL;
  StarlingRequest *request;

  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (contents != NULL);
  g_return_if_fail (filename != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_client_upload_media_async);
  g_task_set_task_data (task, g_new0 (Upload, 1), upload_free);

  request = new_request ("POST", "/api/v2/media", NULL, STARLING_RESULT_ENTITY, STARLING_TYPE_MEDIA_ATTACHMENT);
  starling_request_add_file (request, "file", filename, content_type, contents);
  starling_request_add_param (request, "description", description);

  send_full (self, request, progress, progress_data, starling_client_upload_media_async,
             cancellable, media_answer_cb, g_steal_pointer (&task));
}

static void
forward_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;
  Result *answer = send_finish_result (STARLING_CLIENT (object), result, &error);

  if (answer == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, answer, result_free);
}

static void
file_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StarlingClient *self = g_task_get_source_object (task);
  Upload *upload = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) contents = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *guessed = NULL;
  g_autofree char *mime_type = NULL;
  gsize size = 0;
  const guchar *data;

  contents = g_file_load_bytes_finish (G_FILE (object), result, NULL, &error);
  if (contents == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  basename = g_file_get_basename (G_FILE (object));
  data = g_bytes_get_data (contents, &size);
  guessed = g_content_type_guess (basename, data, size, NULL);
  mime_type = g_content_type_get_mime_type (guessed);

  starling_client_upload_media_async (self, contents, basename, mime_type, upload->description,
                                      upload->progress, upload->progress_data,
                                      g_task_get_cancellable (task), forward_cb, g_object_ref (task));
}

/**
 * starling_client_upload_media_file_async:
 * @self: a client
 * @file: the file to upload
 * @description: (nullable): the alt text
 * @progress: (nullable) (scope notified): told how much of the body is sent
 * @progress_data: data for @progress, alive until the call finishes
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * Reads @file, guesses its type, and uploads it as
 * starling_client_upload_media_async() does. Finish with
 * starling_client_entity_finish(): a #StarlingMediaAttachment.
 */
void
starling_client_upload_media_file_async (StarlingClient       *self,
                                         GFile                *file,
                                         const char           *description,
                                         StarlingProgressFunc  progress,
                                         gpointer              progress_data,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data)
{
  g_autoptr (GTask) task = NULL;
  Upload *upload;

  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_client_upload_media_file_async);
  upload = g_new0 (Upload, 1);
  upload->description = g_strdup (description);
  upload->progress = progress;
  upload->progress_data = progress_data;
  g_task_set_task_data (task, upload, upload_free);

  g_file_load_bytes_async (file, cancellable, file_loaded_cb, g_steal_pointer (&task));
}

/**
 * starling_client_update_media_async:
 * @self: a client
 * @id: the attachment
 * @description: (nullable): its new alt text
 * @focus: (nullable): its focal point, as `x,y` from -1.0 to 1.0
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `PUT /api/v1/media/:id`. Finish with starling_client_entity_finish():
 * a #StarlingMediaAttachment.
 */
void
starling_client_update_media_async (StarlingClient      *self,
                                    const char          *id,
                                    const char          *description,
                                    const char          *focus,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  StarlingRequest *request;

  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (valid_id (id));

  request = new_request ("PUT", "/api/v1/media/:id", id, STARLING_RESULT_ENTITY, STARLING_TYPE_MEDIA_ATTACHMENT);
  starling_request_add_param (request, "description", description);
  starling_request_add_param (request, "focus", focus);

  send (self, request, starling_client_update_media_async, cancellable, callback, user_data);
}

/* Scheduled statuses */

/**
 * starling_client_get_scheduled_statuses_async:
 * @self: a client
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `GET /api/v1/scheduled_statuses`. Finish with
 * starling_client_page_finish(): #StarlingScheduledStatus items.
 */
void
starling_client_get_scheduled_statuses_async (StarlingClient      *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_return_if_fail (STARLING_IS_CLIENT (self));

  send (self, new_page_request ("/api/v1/scheduled_statuses", NULL, STARLING_TYPE_SCHEDULED_STATUS, STATUS_PAGE_SIZE),
        starling_client_get_scheduled_statuses_async, cancellable, callback, user_data);
}

/**
 * starling_client_reschedule_status_async:
 * @self: a client
 * @id: the scheduled status
 * @scheduled_at: its new time, at least five minutes ahead
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `PUT /api/v1/scheduled_statuses/:id`. Finish with
 * starling_client_entity_finish(): a #StarlingScheduledStatus.
 */
void
starling_client_reschedule_status_async (StarlingClient      *self,
                                         const char          *id,
                                         GDateTime           *scheduled_at,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autofree char *when = NULL;
  StarlingRequest *request;

  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (valid_id (id));
  g_return_if_fail (scheduled_at != NULL);

  request = new_request ("PUT", "/api/v1/scheduled_statuses/:id", id, STARLING_RESULT_ENTITY,
                         STARLING_TYPE_SCHEDULED_STATUS);
  when = g_date_time_format_iso8601 (scheduled_at);
  starling_request_add_param (request, "scheduled_at", when);

  send (self, request, starling_client_reschedule_status_async, cancellable, callback, user_data);
}

/**
 * starling_client_cancel_scheduled_status_async:
 * @self: a client
 * @id: the scheduled status
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `DELETE /api/v1/scheduled_statuses/:id`. Finish with
 * starling_client_action_finish().
 */
void
starling_client_cancel_scheduled_status_async (StarlingClient      *self,
                                               const char          *id,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (valid_id (id));

  send (self, new_request ("DELETE", "/api/v1/scheduled_statuses/:id", id, STARLING_RESULT_NONE, G_TYPE_NONE),
        starling_client_cancel_scheduled_status_async, cancellable, callback, user_data);
}

/* Accounts */

/**
 * starling_client_get_account_async:
 * @self: a client
 * @id: the account
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `GET /api/v1/accounts/:id`. Finish with starling_client_entity_finish():
 * a #StarlingAccount.
 */
void
starling_client_get_account_async (StarlingClient      *self,
                                   const char          *id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (valid_id (id));

  send (self, new_request ("GET", "/api/v1/accounts/:id", id, STARLING_RESULT_ENTITY, STARLING_TYPE_ACCOUNT),
        starling_client_get_account_async, cancellable, callback, user_data);
}

/**
 * starling_client_lookup_account_async:
 * @self: a client
 * @acct: `user` or `user@domain`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `GET /api/v1/accounts/lookup`. Finish with
 * starling_client_entity_finish(): a #StarlingAccount.
 */
void
starling_client_lookup_account_async (StarlingClient      *self,
                                      const char          *acct,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  StarlingRequest *request;

  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (acct != NULL);

  request = new_request ("GET", "/api/v1/accounts/lookup", NULL, STARLING_RESULT_ENTITY, STARLING_TYPE_ACCOUNT);
  starling_request_add_param (request, "acct", acct);

  send (self, request, starling_client_lookup_account_async, cancellable, callback, user_data);
}

/**
 * starling_client_search_accounts_async:
 * @self: a client
 * @query: what to look for
 * @resolve: whether the server may look up remote accounts (WebFinger)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `GET /api/v1/accounts/search`. Finish with
 * starling_client_page_finish(): #StarlingAccount items.
 */
void
starling_client_search_accounts_async (StarlingClient      *self,
                                       const char          *query,
                                       gboolean             resolve,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  StarlingRequest *request;

  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (query != NULL);

  request = new_page_request ("/api/v1/accounts/search", NULL, STARLING_TYPE_ACCOUNT, 0);
  starling_request_add_param (request, "q", query);
  starling_request_add_param_bool (request, "resolve", resolve);

  send (self, request, starling_client_search_accounts_async, cancellable, callback, user_data);
}

/**
 * starling_client_follow_async:
 * @self: a client
 * @id: the account
 * @reblogs: whether its boosts show in the home timeline
 * @notify: whether each of its posts makes a notification
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `POST /api/v1/accounts/:id/follow`; following again changes the
 * options. Finish with starling_client_entity_finish(): a
 * #StarlingRelationship (`requested` for a locked account).
 */
void
starling_client_follow_async (StarlingClient      *self,
                              const char          *id,
                              gboolean             reblogs,
                              gboolean             notify,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  StarlingRequest *request;

  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (valid_id (id));

  request = new_request ("POST", "/api/v1/accounts/:id/follow", id, STARLING_RESULT_ENTITY,
                         STARLING_TYPE_RELATIONSHIP);
  starling_request_add_param_bool (request, "reblogs", reblogs);
  starling_request_add_param_bool (request, "notify", notify);

  send (self, request, starling_client_follow_async, cancellable, callback, user_data);
}

static const char * const account_action_paths[] = {
  [STARLING_ACCOUNT_UNFOLLOW] = "/api/v1/accounts/:id/unfollow",
  [STARLING_ACCOUNT_BLOCK] = "/api/v1/accounts/:id/block",
  [STARLING_ACCOUNT_UNBLOCK] = "/api/v1/accounts/:id/unblock",
  [STARLING_ACCOUNT_MUTE] = "/api/v1/accounts/:id/mute",
  [STARLING_ACCOUNT_UNMUTE] = "/api/v1/accounts/:id/unmute",
  [STARLING_ACCOUNT_AUTHORIZE] = "/api/v1/follow_requests/:id/authorize",
  [STARLING_ACCOUNT_REJECT] = "/api/v1/follow_requests/:id/reject",
};

/**
 * starling_client_account_action_async:
 * @self: a client
 * @id: the account
 * @action: what to do
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * Unfollows, blocks, mutes (or undoes that) an account, or answers its
 * follow request. Finish with starling_client_entity_finish(): a
 * #StarlingRelationship.
 */
void
starling_client_account_action_async (StarlingClient        *self,
                                      const char            *id,
                                      StarlingAccountAction  action,
                                      GCancellable          *cancellable,
                                      GAsyncReadyCallback    callback,
                                      gpointer               user_data)
{
  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (valid_id (id));
  g_return_if_fail (action < G_N_ELEMENTS (account_action_paths));

  send (self, new_request ("POST", account_action_paths[action], id, STARLING_RESULT_ENTITY,
                           STARLING_TYPE_RELATIONSHIP),
        starling_client_account_action_async, cancellable, callback, user_data);
}

/**
 * starling_client_get_relationships_async:
 * @self: a client
 * @ids: (array zero-terminated=1): the accounts
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `GET /api/v1/accounts/relationships?id[]=…`. Finish with
 * starling_client_page_finish(): #StarlingRelationship items.
 */
void
starling_client_get_relationships_async (StarlingClient      *self,
                                         const char * const  *ids,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  StarlingRequest *request;

  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (ids != NULL);

  request = new_page_request ("/api/v1/accounts/relationships", NULL, STARLING_TYPE_RELATIONSHIP, 0);
  starling_request_add_param_array (request, "id", ids);

  send (self, request, starling_client_get_relationships_async, cancellable, callback, user_data);
}

static const struct
{
  const char *path;
  gboolean    has_target;
} account_lists[] = {
  [STARLING_ACCOUNTS_FOLLOWERS] = { "/api/v1/accounts/:id/followers", TRUE },
  [STARLING_ACCOUNTS_FOLLOWING] = { "/api/v1/accounts/:id/following", TRUE },
  [STARLING_ACCOUNTS_FAVOURITED_BY] = { "/api/v1/statuses/:id/favourited_by", TRUE },
  [STARLING_ACCOUNTS_REBLOGGED_BY] = { "/api/v1/statuses/:id/reblogged_by", TRUE },
  [STARLING_ACCOUNTS_FOLLOW_REQUESTS] = { "/api/v1/follow_requests", FALSE },
  [STARLING_ACCOUNTS_LIST_MEMBERS] = { "/api/v1/lists/:id/accounts", TRUE },
  [STARLING_ACCOUNTS_BLOCKS] = { "/api/v1/blocks", FALSE },
  [STARLING_ACCOUNTS_MUTES] = { "/api/v1/mutes", FALSE },
};

/**
 * starling_client_get_accounts_async:
 * @self: a client
 * @kind: which list
 * @target: (nullable): the account, status or list the kind needs
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * The first page of a list of accounts; these page by internal ids, so
 * follow starling_page_get_next_request(). Finish with
 * starling_client_page_finish(): #StarlingAccount items.
 */
void
starling_client_get_accounts_async (StarlingClient          *self,
                                    StarlingAccountListKind  kind,
                                    const char              *target,
                                    GCancellable            *cancellable,
                                    GAsyncReadyCallback      callback,
                                    gpointer                 user_data)
{
  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (kind < G_N_ELEMENTS (account_lists));
  g_return_if_fail (!account_lists[kind].has_target || valid_id (target));

  send (self, new_page_request (account_lists[kind].path, target, STARLING_TYPE_ACCOUNT, ACCOUNT_PAGE_SIZE),
        starling_client_get_accounts_async, cancellable, callback, user_data);
}

/* Search */

/**
 * starling_client_search_async:
 * @self: a client
 * @query: what to look for; an `https://` URL with @resolve fetches that
 *   post or profile into the server
 * @type: (nullable): `accounts`, `hashtags` or `statuses`; %NULL for all
 * @resolve: whether the server may fetch remote data
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `GET /api/v2/search`. Finish with starling_client_entity_finish(): a
 * #StarlingSearchResults.
 */
void
starling_client_search_async (StarlingClient      *self,
                              const char          *query,
                              const char          *type,
                              gboolean             resolve,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  StarlingRequest *request;

  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (query != NULL);

  request = new_request ("GET", "/api/v2/search", NULL, STARLING_RESULT_ENTITY, STARLING_TYPE_SEARCH_RESULTS);
  starling_request_add_param (request, "q", query);
  starling_request_add_param (request, "type", type);
  if (resolve)
    starling_request_add_param_bool (request, "resolve", TRUE);

  send (self, request, starling_client_search_async, cancellable, callback, user_data);
}

/* Lists */

/**
 * starling_client_get_lists_async:
 * @self: a client
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `GET /api/v1/lists`. Finish with starling_client_page_finish():
 * #StarlingList items.
 */
void
starling_client_get_lists_async (StarlingClient      *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (STARLING_IS_CLIENT (self));

  send (self, new_page_request ("/api/v1/lists", NULL, STARLING_TYPE_LIST, 0),
        starling_client_get_lists_async, cancellable, callback, user_data);
}

/**
 * starling_client_get_list_async:
 * @self: a client
 * @id: the list
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `GET /api/v1/lists/:id`. Finish with starling_client_entity_finish():
 * a #StarlingList.
 */
void
starling_client_get_list_async (StarlingClient      *self,
                                const char          *id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (valid_id (id));

  send (self, new_request ("GET", "/api/v1/lists/:id", id, STARLING_RESULT_ENTITY, STARLING_TYPE_LIST),
        starling_client_get_list_async, cancellable, callback, user_data);
}

/**
 * starling_client_save_list_async:
 * @self: a client
 * @id: (nullable): the list to change, or %NULL to make a new one
 * @title: the list's title
 * @replies_policy: (nullable): `followed`, `list` or `none`
 * @exclusive: whether its members' posts leave the home timeline
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `POST /api/v1/lists` or `PUT /api/v1/lists/:id`. Finish with
 * starling_client_entity_finish(): a #StarlingList.
 */
void
starling_client_save_list_async (StarlingClient      *self,
                                 const char          *id,
                                 const char          *title,
                                 const char          *replies_policy,
                                 gboolean             exclusive,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  StarlingRequest *request;

  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (title != NULL);

  if (id != NULL)
    request = new_request ("PUT", "/api/v1/lists/:id", id, STARLING_RESULT_ENTITY, STARLING_TYPE_LIST);
  else
    request = new_request ("POST", "/api/v1/lists", NULL, STARLING_RESULT_ENTITY, STARLING_TYPE_LIST);
  starling_request_add_param (request, "title", title);
  starling_request_add_param (request, "replies_policy", replies_policy);
  starling_request_add_param_bool (request, "exclusive", exclusive);

  send (self, request, starling_client_save_list_async, cancellable, callback, user_data);
}

/**
 * starling_client_delete_list_async:
 * @self: a client
 * @id: the list
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `DELETE /api/v1/lists/:id`. Finish with starling_client_action_finish().
 */
void
starling_client_delete_list_async (StarlingClient      *self,
                                   const char          *id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (valid_id (id));

  send (self, new_request ("DELETE", "/api/v1/lists/:id", id, STARLING_RESULT_NONE, G_TYPE_NONE),
        starling_client_delete_list_async, cancellable, callback, user_data);
}

/**
 * starling_client_change_list_accounts_async:
 * @self: a client
 * @id: the list
 * @account_ids: (array zero-terminated=1): the accounts
 * @add: %TRUE to add them, %FALSE to remove them
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `POST` or `DELETE /api/v1/lists/:id/accounts`. Finish with
 * starling_client_action_finish().
 */
void
starling_client_change_list_accounts_async (StarlingClient      *self,
                                            const char          *id,
                                            const char * const  *account_ids,
                                            gboolean             add,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  StarlingRequest *request;

  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (valid_id (id));
  g_return_if_fail (account_ids != NULL);

  request = new_request (add ? "POST" : "DELETE", "/api/v1/lists/:id/accounts", id, STARLING_RESULT_NONE, G_TYPE_NONE);
  starling_request_add_param_array (request, "account_ids", account_ids);

  send (self, request, starling_client_change_list_accounts_async, cancellable, callback, user_data);
}

/* Filters, markers, polls */

/**
 * starling_client_get_filters_async:
 * @self: a client
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `GET /api/v2/filters`. Finish with starling_client_page_finish():
 * #StarlingFilter items.
 */
void
starling_client_get_filters_async (StarlingClient      *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (STARLING_IS_CLIENT (self));

  send (self, new_page_request ("/api/v2/filters", NULL, STARLING_TYPE_FILTER, 0),
        starling_client_get_filters_async, cancellable, callback, user_data);
}

/**
 * starling_client_get_filter_async:
 * @self: a client
 * @id: the filter
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `GET /api/v2/filters/:id`. Finish with starling_client_entity_finish():
 * a #StarlingFilter.
 */
void
starling_client_get_filter_async (StarlingClient      *self,
                                  const char          *id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (valid_id (id));

  send (self, new_request ("GET", "/api/v2/filters/:id", id, STARLING_RESULT_ENTITY, STARLING_TYPE_FILTER),
        starling_client_get_filter_async, cancellable, callback, user_data);
}

/**
 * starling_client_get_markers_async:
 * @self: a client
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `GET /api/v1/markers` for the home and notifications timelines. Finish
 * with starling_client_markers_finish().
 */
void
starling_client_get_markers_async (StarlingClient      *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  static const char * const timelines_asked[] = { "home", "notifications", NULL };
  StarlingRequest *request;

  g_return_if_fail (STARLING_IS_CLIENT (self));

  request = new_request ("GET", "/api/v1/markers", NULL, STARLING_RESULT_JSON, G_TYPE_NONE);
  starling_request_add_param_array (request, "timeline", timelines_asked);

  send (self, request, starling_client_get_markers_async, cancellable, callback, user_data);
}

/**
 * starling_client_save_markers_async:
 * @self: a client
 * @home_last_read_id: (nullable): the last status read in the home timeline
 * @notifications_last_read_id: (nullable): the last notification read
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `POST /api/v1/markers`. A concurrent save answers
 * %STARLING_API_ERROR_CONFLICT. Finish with
 * starling_client_markers_finish().
 */
void
starling_client_save_markers_async (StarlingClient      *self,
                                    const char          *home_last_read_id,
                                    const char          *notifications_last_read_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  StarlingRequest *request;

  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (home_last_read_id != NULL || notifications_last_read_id != NULL);

  request = new_request ("POST", "/api/v1/markers", NULL, STARLING_RESULT_JSON, G_TYPE_NONE);
  starling_request_add_param (request, "home[last_read_id]", home_last_read_id);
  starling_request_add_param (request, "notifications[last_read_id]", notifications_last_read_id);

  send (self, request, starling_client_save_markers_async, cancellable, callback, user_data);
}

/**
 * starling_client_markers_finish:
 * @self: a client
 * @result: the result given to the callback
 * @home: (out) (optional) (nullable) (transfer full): the home marker
 * @notifications: (out) (optional) (nullable) (transfer full): the
 *   notifications marker
 * @error: return location for a #StarlingApiError
 *
 * Finishes starling_client_get_markers_async() and
 * starling_client_save_markers_async().
 *
 * Returns: %TRUE on success
 */
gboolean
starling_client_markers_finish (StarlingClient  *self,
                                GAsyncResult    *result,
                                StarlingMarker **home,
                                StarlingMarker **notifications,
                                GError         **error)
{
  g_autoptr (JsonNode) node = starling_client_json_finish (self, result, error);
  g_autoptr (GError) local_error = NULL;

  if (node == NULL)
    return FALSE;

  if (!starling_marker_decode_document (node, home, notifications, &local_error))
    {
      g_propagate_error (error, starling_api_error_new_malformed (local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * starling_client_get_poll_async:
 * @self: a client
 * @id: the poll
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `GET /api/v1/polls/:id`. Finish with starling_client_entity_finish():
 * a #StarlingPoll.
 */
void
starling_client_get_poll_async (StarlingClient      *self,
                                const char          *id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (valid_id (id));

  send (self, new_request ("GET", "/api/v1/polls/:id", id, STARLING_RESULT_ENTITY, STARLING_TYPE_POLL),
        starling_client_get_poll_async, cancellable, callback, user_data);
}

/**
 * starling_client_vote_async:
 * @self: a client
 * @poll_id: the poll
 * @choices: (array length=n_choices): indexes of the options chosen
 * @n_choices: how many
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * `POST /api/v1/polls/:id/votes`. Finish with
 * starling_client_entity_finish(): the updated #StarlingPoll.
 */
void
starling_client_vote_async (StarlingClient      *self,
                            const char          *poll_id,
                            const guint         *choices,
                            guint                n_choices,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  StarlingRequest *request;

  g_return_if_fail (STARLING_IS_CLIENT (self));
  g_return_if_fail (valid_id (poll_id));
  g_return_if_fail (choices != NULL && n_choices > 0);

  request = new_request ("POST", "/api/v1/polls/:id/votes", poll_id, STARLING_RESULT_ENTITY, STARLING_TYPE_POLL);
  for (guint i = 0; i < n_choices; i++)
    starling_request_add_param_int (request, "choices[]", choices[i]);

  send (self, request, starling_client_vote_async, cancellable, callback, user_data);
}
