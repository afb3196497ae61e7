/* starling-demo-server.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-demo"

#include "config.h"

#include <string.h>

#include "starling-demo-server-private.h"

/**
 * StarlingDemoServer:
 *
 * The demo instance: a Mastodon 4.5 server on loopback, inside the process,
 * serving a world generated from a seed (a coffee roaster's account with its
 * followers on many servers, timelines, notifications…). `starling --demo`
 * runs the app against it, and the integration tests use it, with faults
 * injected on request.
 *
 * Faults can also come from the environment variable `STARLING_DEMO_FAULTS`,
 * read by starling_demo_server_start(): rules separated by `;`, each
 * `[METHOD ]PATH_GLOB=KIND[:TIMES[:PARAM]]`, where `*` and `?` are globs over
 * the path (without the query), METHOD is omitted for any method, KIND is one
 * of `latency`, `rate-limit`, `server-error`, `empty-error`,
 * `drop-connection`, `truncated-json`, `malformed-json`, `bad-token-422` or
 * `stream-drop`, TIMES is how many requests it hits (0, the default, for all)
 * and PARAM is the kind's parameter (see #StarlingDemoFault). For example
 * `GET /api/v1/timelines/home=rate-limit:1:2;*=latency:0:300` limits the
 * first home timeline request with a reset 2 s ahead and slows every answer
 * by 300 ms.
 */

#define RATE_LIMIT 300
#define RATE_WINDOW_SECONDS 300
#define IDEMPOTENCY_SECONDS 3600

typedef struct
{
  gint64 window_start;   /* real time, µs */
  guint  count;
} DemoRate;

G_DEFINE_FINAL_TYPE (StarlingDemoServer, starling_demo_server, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEED,
  PROP_EPOCH,
  PROP_BASE_URI,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const struct {
  const char        *name;
  StarlingDemoFault  fault;
} fault_names[] = {
  { "latency", STARLING_DEMO_FAULT_LATENCY },
  { "rate-limit", STARLING_DEMO_FAULT_RATE_LIMIT },
  { "server-error", STARLING_DEMO_FAULT_SERVER_ERROR },
  { "empty-error", STARLING_DEMO_FAULT_EMPTY_ERROR },
  { "drop-connection", STARLING_DEMO_FAULT_DROP_CONNECTION },
  { "truncated-json", STARLING_DEMO_FAULT_TRUNCATED_JSON },
  { "malformed-json", STARLING_DEMO_FAULT_MALFORMED_JSON },
  { "bad-token-422", STARLING_DEMO_FAULT_BAD_TOKEN_422 },
  { "stream-drop", STARLING_DEMO_FAULT_STREAM_DROP },
};

static void
app_free (gpointer data)
{
  DemoApp *app = data;

  g_free (app->client_id);
  g_free (app->client_secret);
  g_free (app->name);
  g_free (app->website);
  g_strfreev (app->redirect_uris);
  g_strfreev (app->scopes);
  g_free (app);
}

static void
token_free (gpointer data)
{
  DemoToken *token = data;

  g_free (token->scopes);
  g_free (token->client_id);
  g_free (token);
}

static void
code_free (gpointer data)
{
  DemoCode *code = data;

  g_free (code->client_id);
  g_free (code->redirect_uri);
  g_free (code->scopes);
  g_free (code->challenge);
  g_free (code);
}

static void
fault_free (gpointer data)
{
  DemoFaultRule *rule = data;

  g_free (rule->method);
  g_pattern_spec_free (rule->glob);
  g_free (rule->glob_text);
  g_free (rule);
}

static void
values_free (gpointer data)
{
  g_ptr_array_unref (data);
}

static void
call_free (DemoCall *call)
{
  g_clear_object (&call->msg);
  g_clear_pointer (&call->record, starling_demo_request_unref);
  g_clear_pointer (&call->params, g_hash_table_unref);
  g_clear_pointer (&call->files, g_hash_table_unref);
  g_free (call->path);
  g_free (call->base);
  g_free (call->token_text);
  for (guint i = 0; i < G_N_ELEMENTS (call->args); i++)
    g_free (call->args[i]);
  g_object_unref (call->self);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DemoCall, call_free)

char *
demo_random_string (guint length)
{
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  char *text = g_malloc (length + 1);

  for (guint i = 0; i < length; i++)
    text[i] = alphabet[g_random_int_range (0, 64)];
  text[length] = '\0';
  return text;
}

static char *
iso_time_micro (gint64 unix_us)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_utc (unix_us / G_USEC_PER_SEC);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%S.000000Z");
}

static gboolean
host_is_local (StarlingDemoServer *self,
               const char         *host)
{
  return host == NULL
         || g_str_equal (host, "127.0.0.1")
         || g_str_equal (host, "localhost")
         || g_str_equal (host, "::1")
         || g_ascii_strcasecmp (host, self->world->domain) == 0;
}

/* Answering */

static void
add_rate_limit_headers (DemoCall *call)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (call->msg);
  const char *key = call->token_text != NULL ? call->token_text : soup_server_message_get_remote_host (call->msg);
  DemoRate *rate;
  g_autofree char *remaining = NULL;
  g_autofree char *reset = NULL;

  if (!g_str_has_prefix (call->path, "/api/") || key == NULL)
    return;
  rate = g_hash_table_lookup (call->self->rate, key);
  if (rate == NULL)
    return;
  remaining = g_strdup_printf ("%u", rate->count >= RATE_LIMIT ? 0 : RATE_LIMIT - rate->count);
  reset = iso_time_micro (rate->window_start + RATE_WINDOW_SECONDS * G_USEC_PER_SEC);
  soup_message_headers_replace (headers, "X-RateLimit-Limit", G_STRINGIFY (RATE_LIMIT));
  soup_message_headers_replace (headers, "X-RateLimit-Remaining", remaining);
  soup_message_headers_replace (headers, "X-RateLimit-Reset", reset);
}

void
demo_reply_bytes (DemoCall   *call,
                  guint       status,
                  const char *content_type,
                  GBytes     *body)
{
  g_autoptr (GBytes) sent = NULL;
  gsize length = 0;
  const char *data = body != NULL ? g_bytes_get_data (body, &length) : NULL;

  if (call->mangle_truncate && length > 1)
    sent = g_bytes_new (data, length / 2);
  else if (call->mangle_malformed)
    sent = g_bytes_new_static ("{\"id\": \"1\", \"error\": <html>Oops</html>", 38);
  else
    sent = body != NULL ? g_bytes_ref (body) : NULL;
  if (call->mangle_malformed)
    status = SOUP_STATUS_OK;

  soup_server_message_set_status (call->msg, status, NULL);
  if (sent != NULL && g_bytes_get_size (sent) > 0)
    {
      gsize size;
      const char *sent_data = g_bytes_get_data (sent, &size);

      soup_server_message_set_response (call->msg, content_type, SOUP_MEMORY_COPY, sent_data, size);
    }
  add_rate_limit_headers (call);
  starling_demo_request_set_status (call->record, status);
  g_debug ("%s %s -> %u", call->method, call->path, status);
}

void
demo_reply_text (DemoCall   *call,
                 guint       status,
                 const char *content_type,
                 const char *text)
{
  g_autoptr (GBytes) body = g_bytes_new (text, strlen (text));

  demo_reply_bytes (call, status, content_type, body);
}

void
demo_reply_json (DemoCall *call,
                 guint     status,
                 JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  json_node_unref (node);
  demo_reply_text (call, status, "application/json; charset=utf-8", text);
}

void
demo_reply_error (DemoCall   *call,
                  guint       status,
                  const char *message)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, demo_json_error_object (message));
  demo_reply_json (call, status, node);
}

void
demo_reply_oauth_error (DemoCall   *call,
                        guint       status,
                        const char *error,
                        const char *description)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (object, "error", error);
  json_object_set_string_member (object, "error_description", description);
  json_node_take_object (node, object);
  demo_reply_json (call, status, node);
}

void
demo_reply_redirect (DemoCall   *call,
                     const char *location)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (call->msg), "Location", location);
  demo_reply_text (call, SOUP_STATUS_FOUND, "text/html; charset=utf-8",
                   "<html><body>You are being redirected.</body></html>");
}

static void
reply_html_error (DemoCall *call,
                  guint     status)
{
  g_autofree char *page = g_strdup_printf ("<!DOCTYPE html>\n<html><head><title>%u %s</title></head>"
                                           "<body><h1>%u %s</h1><p>We're sorry, but something went wrong on our end.</p>"
                                           "<hr><center>nginx</center></body></html>\n",
                                           status, soup_status_get_phrase (status),
                                           status, soup_status_get_phrase (status));

  demo_reply_text (call, status, "text/html; charset=utf-8", page);
}

/* Reading the request */

const char *
demo_param (DemoCall   *call,
            const char *name)
{
  GPtrArray *values = g_hash_table_lookup (call->params, name);

  if (values == NULL || values->len == 0)
    return NULL;
  return g_ptr_array_index (values, values->len - 1);
}

GPtrArray *
demo_param_all (DemoCall   *call,
                const char *name)
{
  g_autofree char *array_name = g_strconcat (name, "[]", NULL);
  GPtrArray *values = g_hash_table_lookup (call->params, array_name);

  if (values == NULL)
    values = g_hash_table_lookup (call->params, name);
  return values;
}

gboolean
demo_param_bool (DemoCall   *call,
                 const char *name,
                 gboolean    fallback)
{
  const char *value = demo_param (call, name);

  if (value == NULL || *value == '\0')
    return fallback;
  return g_str_equal (value, "true") || g_str_equal (value, "1") || g_str_equal (value, "on");
}

guint
demo_param_limit (DemoCall *call,
                  guint     fallback,
                  guint     maximum)
{
  const char *value = demo_param (call, "limit");
  guint64 limit;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &limit, NULL))
    return fallback;
  return (guint) CLAMP (limit, 1, maximum);
}

static void
add_param (GHashTable *params,
           const char *name,
           const char *value)
{
  GPtrArray *values = g_hash_table_lookup (params, name);

  if (values == NULL)
    {
      values = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (params, g_strdup (name), values);
    }
  g_ptr_array_add (values, g_strdup (value));
}

static void
parse_form (GHashTable *params,
            const char *form)
{
  g_auto (GStrv) pairs = NULL;

  if (form == NULL || *form == '\0')
    return;
  pairs = g_strsplit (form, "&", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *equals = strchr (pairs[i], '=');
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      if (*pairs[i] == '\0')
        continue;
      g_strdelimit (pairs[i], "+", ' ');
      if (equals != NULL)
        *equals = '\0';
      name = g_uri_unescape_string (pairs[i], NULL);
      value = equals != NULL ? g_uri_unescape_string (equals + 1, NULL) : g_strdup ("");
      if (name != NULL && value != NULL)
        add_param (params, name, value);
    }
}

/* JSON bodies become the same names as forms: `poll[options][]` and so on. */
static void
flatten_json (GHashTable *params,
              const char *prefix,
              JsonNode   *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        JsonObjectIter iter;
        const char *member;
        JsonNode *value;

        json_object_iter_init (&iter, object);
        while (json_object_iter_next (&iter, &member, &value))
          {
            g_autofree char *name = prefix != NULL ? g_strdup_printf ("%s[%s]", prefix, member) : g_strdup (member);

            flatten_json (params, name, value);
          }
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        g_autofree char *name = g_strconcat (prefix != NULL ? prefix : "", "[]", NULL);

        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            JsonNode *element = json_array_get_element (array, i);

            if (JSON_NODE_HOLDS_VALUE (element))
              flatten_json (params, name, element);
          }
      }
      break;
    case JSON_NODE_VALUE:
      if (prefix != NULL)
        {
          GType type = json_node_get_value_type (node);

          if (type == G_TYPE_STRING)
            add_param (params, prefix, json_node_get_string (node));
          else if (type == G_TYPE_BOOLEAN)
            add_param (params, prefix, json_node_get_boolean (node) ? "true" : "false");
          else if (type == G_TYPE_DOUBLE)
            {
              char buffer[G_ASCII_DTOSTR_BUF_SIZE];

              add_param (params, prefix, g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
            }
          else
            {
              g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

              add_param (params, prefix, text);
            }
        }
      break;
    case JSON_NODE_NULL:
    default:
      break;
    }
}

static gboolean
parse_body (DemoCall  *call,
            GError   **error)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (call->msg);
  GBytes *body = starling_demo_request_get_body (call->record);
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);
  gsize length = 0;
  const char *data = g_bytes_get_data (body, &length);

  if (length == 0 || content_type == NULL)
    return TRUE;

  if (g_ascii_strcasecmp (content_type, "application/x-www-form-urlencoded") == 0)
    {
      g_autofree char *text = g_strndup (data, length);

      parse_form (call->params, text);
    }
  else if (g_ascii_strcasecmp (content_type, "application/json") == 0)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();

      if (!json_parser_load_from_data (parser, data, (gssize) length, error))
        return FALSE;
      flatten_json (call->params, NULL, json_parser_get_root (parser));
    }
  else if (g_ascii_strncasecmp (content_type, "multipart/", 10) == 0)
    {
      g_autoptr (SoupMultipart) multipart = soup_multipart_new_from_message (headers, body);

      if (multipart == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Malformed multipart body");
          return FALSE;
        }
      for (int i = 0; i < soup_multipart_get_length (multipart); i++)
        {
          SoupMessageHeaders *part_headers = NULL;
          GBytes *part_body = NULL;
          g_autofree char *disposition = NULL;
          g_autoptr (GHashTable) disposition_params = NULL;
          const char *name;
          const char *filename;

          if (!soup_multipart_get_part (multipart, i, &part_headers, &part_body))
            continue;
          if (!soup_message_headers_get_content_disposition (part_headers, &disposition, &disposition_params))
            continue;
          name = g_hash_table_lookup (disposition_params, "name");
          filename = g_hash_table_lookup (disposition_params, "filename");
          if (name == NULL)
            continue;
          if (filename != NULL)
            {
              const char *part_type = soup_message_headers_get_content_type (part_headers, NULL);

              g_object_set_data_full (G_OBJECT (call->msg), "demo-file-type",
                                      g_strdup (part_type != NULL ? part_type : "application/octet-stream"),
                                      g_free);
              g_hash_table_insert (call->files, g_strdup (name), g_bytes_ref (part_body));
            }
          else
            {
              gsize part_length;
              const char *part_data = g_bytes_get_data (part_body, &part_length);
              g_autofree char *value = g_strndup (part_data, part_length);

              add_param (call->params, name, value);
            }
        }
    }
  return TRUE;
}

/* Pagination */

static char *
link_for (DemoCall   *call,
          const char *cursor_name,
          guint64     cursor)
{
  GUri *uri = soup_server_message_get_uri (call->msg);
  const char *query = g_uri_get_query (uri);
  GString *link = g_string_new (call->base);

  g_string_append (link, call->path);
  g_string_append_printf (link, "?%s=%" G_GUINT64_FORMAT, cursor_name, cursor);
  if (query != NULL)
    {
      g_auto (GStrv) pairs = g_strsplit (query, "&", -1);

      for (guint i = 0; pairs[i] != NULL; i++)
        {
          if (*pairs[i] == '\0' || g_str_has_prefix (pairs[i], "max_id=") || g_str_has_prefix (pairs[i], "min_id=")
              || g_str_has_prefix (pairs[i], "since_id=") || g_str_has_prefix (pairs[i], "access_token="))
            continue;
          g_string_append_c (link, '&');
          g_string_append (link, pairs[i]);
        }
    }
  return g_string_free (link, FALSE);
}

static gboolean
parse_cursor (DemoCall   *call,
              const char *name,
              guint64    *out)
{
  const char *value = demo_param (call, name);

  return value != NULL && g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT64, out, NULL);
}

GPtrArray *
demo_paginate (DemoCall     *call,
               GPtrArray    *items,
               DemoKeyFunc   key,
               DemoKeepFunc  keep,
               gpointer      data,
               guint         default_limit,
               guint         max_limit)
{
  GPtrArray *page = g_ptr_array_new ();
  guint limit = demo_param_limit (call, default_limit, max_limit);
  guint64 max_id = 0, since_id = 0, min_id = 0;
  gboolean has_max = parse_cursor (call, "max_id", &max_id);
  gboolean has_since = parse_cursor (call, "since_id", &since_id);
  gboolean has_min = parse_cursor (call, "min_id", &min_id);
  gboolean more = FALSE;

  if (has_min)
    {
      /* The items immediately newer than min_id, oldest first, then
       * returned newest first like every page. */
      for (guint i = 0; i < items->len && page->len < limit; i++)
        {
          gpointer item = g_ptr_array_index (items, i);
          guint64 k = key (item);

          if (k <= min_id || (has_max && k >= max_id) || (has_since && k <= since_id))
            continue;
          if (keep == NULL || keep (call, item, data))
            g_ptr_array_add (page, item);
        }
      for (guint i = 0; i < page->len / 2; i++)
        {
          gpointer swap = page->pdata[i];

          page->pdata[i] = page->pdata[page->len - 1 - i];
          page->pdata[page->len - 1 - i] = swap;
        }
      more = TRUE;
    }
  else
    {
      for (guint i = items->len; i > 0; i--)
        {
          gpointer item = g_ptr_array_index (items, i - 1);
          guint64 k = key (item);

          if (has_max && k >= max_id)
            continue;
          if (has_since && k <= since_id)
            break;
          if (keep != NULL && !keep (call, item, data))
            continue;
          if (page->len == limit)
            {
              more = TRUE;
              break;
            }
          g_ptr_array_add (page, item);
        }
    }

  if (page->len > 0)
    {
      g_autofree char *next = link_for (call, "max_id", key (g_ptr_array_index (page, page->len - 1)));
      g_autofree char *prev = link_for (call, "min_id", key (g_ptr_array_index (page, 0)));
      g_autofree char *header = NULL;

      if (more)
        header = g_strdup_printf ("<%s>; rel=\"next\", <%s>; rel=\"prev\"", next, prev);
      else
        header = g_strdup_printf ("<%s>; rel=\"prev\"", prev);
      soup_message_headers_replace (soup_server_message_get_response_headers (call->msg), "Link", header);
    }

  return page;
}

/* Tokens */

DemoToken *
demo_server_lookup_token (StarlingDemoServer *self,
                          const char         *token)
{
  if (token == NULL)
    return NULL;
  return g_hash_table_lookup (self->tokens, token);
}

char *
demo_server_new_token (StarlingDemoServer *self,
                       const char         *scopes,
                       const char         *client_id,
                       gboolean            user)
{
  DemoToken *token = g_new0 (DemoToken, 1);
  char *text = demo_random_string (43);

  token->scopes = g_strdup (scopes != NULL && *scopes != '\0' ? scopes : "read");
  token->client_id = g_strdup (client_id);
  token->user = user;
  token->created_at = g_get_real_time () / G_USEC_PER_SEC;
  g_hash_table_insert (self->tokens, g_strdup (text), token);
  return text;
}

/* Faults */

static DemoFaultRule *
find_fault (StarlingDemoServer *self,
            const char         *method,
            const char         *path,
            StarlingDemoFault   fault)
{
  for (guint i = 0; i < self->faults->len; i++)
    {
      DemoFaultRule *rule = g_ptr_array_index (self->faults, i);

      if (rule->fault != fault)
        continue;
      if (rule->method != NULL && g_ascii_strcasecmp (rule->method, method) != 0)
        continue;
      if (!g_pattern_spec_match_string (rule->glob, path))
        continue;
      return rule;
    }
  return NULL;
}

gboolean
demo_server_take_fault (StarlingDemoServer *self,
                        const char         *method,
                        const char         *path,
                        StarlingDemoFault   fault,
                        guint              *param)
{
  DemoFaultRule *rule = find_fault (self, method, path, fault);

  if (rule == NULL)
    return FALSE;
  if (param != NULL)
    *param = rule->param;
  if (rule->times > 0 && --rule->times == 0)
    g_ptr_array_remove (self->faults, rule);
  return TRUE;
}

/* Routing */

static gboolean
match_route (const DemoRoute *route,
             DemoCall        *call)
{
  g_auto (GStrv) pattern = NULL;
  g_auto (GStrv) parts = NULL;
  guint n_args = 0;

  if (!g_str_equal (route->method, call->method))
    return FALSE;
  pattern = g_strsplit (route->pattern, "/", -1);
  parts = g_strsplit (call->path, "/", -1);
  if (g_strv_length (pattern) != g_strv_length (parts))
    return FALSE;
  for (guint i = 0; pattern[i] != NULL; i++)
    {
      if (pattern[i][0] == ':' && parts[i][0] != '\0' && n_args < G_N_ELEMENTS (call->args))
        continue;
      if (!g_str_equal (pattern[i], parts[i]))
        return FALSE;
    }
  for (guint i = 0; pattern[i] != NULL; i++)
    if (pattern[i][0] == ':')
      {
        g_free (call->args[n_args]);
        call->args[n_args++] = g_uri_unescape_string (parts[i], NULL);
      }
  return TRUE;
}

static const DemoRoute *
find_route (DemoCall *call,
            gboolean *path_known)
{
  const DemoRoute *tables[] = { demo_api_routes, demo_oauth_routes };

  *path_known = FALSE;
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    for (const DemoRoute *route = tables[t]; route->pattern != NULL; route++)
      {
        const char *method = call->method;

        if (match_route (route, call))
          return route;
        /* Does the path exist under another method? */
        call->method = route->method;
        if (match_route (route, call))
          *path_known = TRUE;
        call->method = method;
      }
  return NULL;
}

static gboolean
check_rate_limit (DemoCall *call)
{
  const char *key = call->token_text != NULL ? call->token_text : soup_server_message_get_remote_host (call->msg);
  gint64 now = g_get_real_time ();
  DemoRate *rate;

  if (!g_str_has_prefix (call->path, "/api/") || key == NULL)
    return TRUE;
  rate = g_hash_table_lookup (call->self->rate, key);
  if (rate == NULL)
    {
      rate = g_new0 (DemoRate, 1);
      g_hash_table_insert (call->self->rate, g_strdup (key), rate);
    }
  if (rate->window_start == 0 || now >= rate->window_start + RATE_WINDOW_SECONDS * G_USEC_PER_SEC)
    {
      /* Windows are aligned to the clock, as Rack::Attack does. */
      rate->window_start = (now / (RATE_WINDOW_SECONDS * G_USEC_PER_SEC)) * RATE_WINDOW_SECONDS * G_USEC_PER_SEC;
      rate->count = 0;
    }
  rate->count++;
  return rate->count <= RATE_LIMIT;
}

static void
reply_rate_limited (DemoCall *call,
                    guint     seconds)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (call->msg);
  g_autofree char *reset = iso_time_micro (g_get_real_time () + (gint64) seconds * G_USEC_PER_SEC);

  demo_reply_error (call, 429, "Too many requests");
  soup_message_headers_replace (headers, "X-RateLimit-Limit", G_STRINGIFY (RATE_LIMIT));
  soup_message_headers_replace (headers, "X-RateLimit-Remaining", "0");
  soup_message_headers_replace (headers, "X-RateLimit-Reset", reset);
}

static void
handle_remote (DemoCall   *call,
               const char *host)
{
  DemoDomain *domain = starling_demo_world_find_domain (call->self->world, host);
  g_autofree char *base = g_strdup_printf ("http://%s", host);

  if (domain == NULL)
    {
      reply_html_error (call, SOUP_STATUS_BAD_GATEWAY);
      return;
    }
  switch (domain->reach)
    {
    case DEMO_REACH_FORBIDDEN:
      demo_reply_text (call, SOUP_STATUS_FORBIDDEN, "text/html; charset=utf-8",
                       "<html><body><h1>Forbidden</h1><p>Sorry, this page isn't available.</p></body></html>");
      return;
    case DEMO_REACH_NOT_FOUND:
      reply_html_error (call, SOUP_STATUS_NOT_FOUND);
      return;
    case DEMO_REACH_BAD_GATEWAY:
      reply_html_error (call, SOUP_STATUS_BAD_GATEWAY);
      return;
    case DEMO_REACH_DROP:
      call->drop = TRUE;
      return;
    case DEMO_REACH_OK:
    default:
      break;
    }

  if (g_str_equal (call->path, "/.well-known/nodeinfo"))
    demo_reply_json (call, SOUP_STATUS_OK, demo_json_nodeinfo_links (base, domain));
  else if (g_str_equal (call->path, domain->nodeinfo_path))
    {
      const char *schema = strstr (domain->nodeinfo_path, "2.1") != NULL ? "2.1" : "2.0";
      JsonNode *node = demo_json_nodeinfo (&call->json, domain, schema);
      g_autofree char *text = json_to_string (node, FALSE);
      g_autofree char *content_type = g_strdup_printf ("application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/%s#\"", schema);

      json_node_unref (node);
      demo_reply_text (call, SOUP_STATUS_OK, content_type, text);
    }
  else
    reply_html_error (call, SOUP_STATUS_NOT_FOUND);
}

static void
authenticate (DemoCall *call)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (call->msg);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");

  if (authorization != NULL && g_ascii_strncasecmp (authorization, "Bearer ", 7) == 0)
    call->token_text = g_strstrip (g_strdup (authorization + 7));
  else if (demo_param (call, "access_token") != NULL && g_str_has_prefix (call->path, "/api/v1/streaming"))
    call->token_text = g_strdup (demo_param (call, "access_token"));
  call->token = demo_server_lookup_token (call->self, call->token_text);
  call->json.authed = call->token != NULL && call->token->user;
}

static gboolean
drop_connection_cb (gpointer data)
{
  SoupServerMessage *msg = data;
  g_autoptr (GIOStream) stream = soup_server_message_steal_connection (msg);

  if (stream != NULL)
    g_io_stream_close (stream, NULL, NULL);
  return G_SOURCE_REMOVE;
}

/* Nothing is sent: the connection goes away once the handler has done its
 * work (a post is published all the same). The message must be paused. */
static void
mark_gone_cb (SoupServerMessage *msg)
{
  g_object_set_data (G_OBJECT (msg), "starling-demo-gone", GINT_TO_POINTER (TRUE));
}

static void
finish_call (DemoCall *call,
             gboolean  paused)
{
  if (paused && g_object_get_data (G_OBJECT (call->msg), "starling-demo-gone") != NULL)
    {
      g_debug ("%s %s -> the client went away while it waited", call->method, call->path);
      return;
    }
  if (call->drop)
    {
      starling_demo_request_set_status (call->record, 0);
      if (!paused)
        soup_server_message_pause (call->msg);
      g_main_context_invoke_full (call->self->context, G_PRIORITY_DEFAULT, drop_connection_cb,
                                  g_object_ref (call->msg), g_object_unref);
      g_debug ("%s %s -> connection dropped", call->method, call->path);
    }
  else if (paused)
    soup_server_message_unpause (call->msg);
}

static void
run_call (DemoCall *call)
{
  StarlingDemoServer *self = call->self;
  GUri *uri = soup_server_message_get_uri (call->msg);
  const char *host = g_uri_get_host (uri);
  const DemoRoute *route;
  gboolean path_known;
  guint param = 0;
  g_autoptr (GError) error = NULL;

  if (demo_server_take_fault (self, call->method, call->path, STARLING_DEMO_FAULT_RATE_LIMIT, &param))
    {
      reply_rate_limited (call, param);
      return;
    }
  if (demo_server_take_fault (self, call->method, call->path, STARLING_DEMO_FAULT_SERVER_ERROR, &param))
    {
      reply_html_error (call, param >= 400 ? param : 500);
      return;
    }
  if (demo_server_take_fault (self, call->method, call->path, STARLING_DEMO_FAULT_EMPTY_ERROR, &param))
    {
      demo_reply_bytes (call, param >= 400 ? param : 500, NULL, NULL);
      return;
    }
  if (demo_server_take_fault (self, call->method, call->path, STARLING_DEMO_FAULT_BAD_TOKEN_422, NULL))
    {
      demo_reply_error (call, 422, "The access token is invalid");
      return;
    }
  /* One fault per request: the next request meets the next one. */
  call->drop = demo_server_take_fault (self, call->method, call->path, STARLING_DEMO_FAULT_DROP_CONNECTION, NULL);
  call->mangle_truncate = !call->drop
    && demo_server_take_fault (self, call->method, call->path, STARLING_DEMO_FAULT_TRUNCATED_JSON, NULL);
  call->mangle_malformed = !call->drop && !call->mangle_truncate
    && demo_server_take_fault (self, call->method, call->path, STARLING_DEMO_FAULT_MALFORMED_JSON, NULL);

  if (!host_is_local (self, host))
    {
      handle_remote (call, host);
      return;
    }
  if (g_str_has_prefix (call->path, "/system/") && g_str_equal (call->method, "GET"))
    {
      demo_api_serve_file (call);
      return;
    }

  if (!parse_body (call, &error))
    {
      demo_reply_error (call, SOUP_STATUS_BAD_REQUEST, "Error occurred while parsing request parameters");
      return;
    }
  authenticate (call);

  route = find_route (call, &path_known);
  if (route == NULL)
    {
      if (path_known)
        demo_reply_error (call, SOUP_STATUS_METHOD_NOT_ALLOWED, "Method Not Allowed");
      else if (g_str_has_prefix (call->path, "/api/"))
        demo_reply_error (call, SOUP_STATUS_NOT_FOUND, "Record not found");
      else
        reply_html_error (call, SOUP_STATUS_NOT_FOUND);
      return;
    }

  if (route->auth != DEMO_AUTH_NONE && call->token_text != NULL && call->token == NULL)
    {
      demo_reply_error (call, SOUP_STATUS_UNAUTHORIZED, "The access token is invalid");
      return;
    }
  if ((route->auth == DEMO_AUTH_USER || route->auth == DEMO_AUTH_APP) && call->token == NULL)
    {
      demo_reply_error (call, SOUP_STATUS_UNAUTHORIZED, "The access token is invalid");
      return;
    }
  if (route->auth == DEMO_AUTH_USER && !call->token->user)
    {
      demo_reply_error (call, 422, "This method requires an authenticated user");
      return;
    }
  if (!check_rate_limit (call))
    {
      DemoRate *rate = g_hash_table_lookup (self->rate, call->token_text != NULL ? call->token_text
                                            : soup_server_message_get_remote_host (call->msg));
      gint64 wait = (rate->window_start + RATE_WINDOW_SECONDS * G_USEC_PER_SEC - g_get_real_time ()) / G_USEC_PER_SEC;

      reply_rate_limited (call, (guint) MAX (wait, 1));
      return;
    }

  route->handler (call);
}

static gboolean
delayed_call_cb (gpointer data)
{
  g_autoptr (DemoCall) call = data;

  run_call (call);
  finish_call (call, TRUE);
  return G_SOURCE_REMOVE;
}

static void
request_read_cb (SoupServer        *server,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  StarlingDemoServer *self = user_data;
  GUri *uri = soup_server_message_get_uri (msg);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr (GBytes) bytes = soup_message_body_flatten (body);
  StarlingDemoRequest *record;

  record = starling_demo_request_new (soup_server_message_get_method (msg),
                                      g_uri_get_host (uri),
                                      g_uri_get_path (uri),
                                      g_uri_get_query (uri),
                                      soup_server_message_get_request_headers (msg),
                                      bytes);
  g_ptr_array_add (self->requests, starling_demo_request_ref (record));
  g_object_set_data_full (G_OBJECT (msg), "starling-demo-request", record,
                          (GDestroyNotify) starling_demo_request_unref);
}

static void
server_callback (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  StarlingDemoServer *self = user_data;
  g_autoptr (DemoCall) call = g_new0 (DemoCall, 1);
  GUri *uri = soup_server_message_get_uri (msg);
  guint latency = 0, param;
  int port = g_uri_get_port (uri);

  call->self = g_object_ref (self);
  call->msg = g_object_ref (msg);
  call->record = starling_demo_request_ref (g_object_get_data (G_OBJECT (msg), "starling-demo-request"));
  call->method = soup_server_message_get_method (msg);
  call->path = g_strdup (path);
  if (port > 0 && port != 80)
    call->base = g_strdup_printf ("%s://%s:%d", g_uri_get_scheme (uri), g_uri_get_host (uri), port);
  else
    call->base = g_strdup_printf ("%s://%s", g_uri_get_scheme (uri), g_uri_get_host (uri));
  call->params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, values_free);
  call->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  parse_form (call->params, g_uri_get_query (uri));
  call->json.world = self->world;
  call->json.base = call->base;
  call->json.streaming = self->streaming_uri;

  /* One delay per request: a rule taken N times slows N requests. */
  if (demo_server_take_fault (self, call->method, path, STARLING_DEMO_FAULT_LATENCY, &param))
    latency = param;

  if (latency > 0)
    {
      GSource *source = g_timeout_source_new (latency);

      soup_server_message_pause (msg);
      /* The client may go away while it waits (a cancelled request, a
       * stopped test): then there is nothing to unpause. */
      g_signal_connect (msg, "disconnected", G_CALLBACK (mark_gone_cb), NULL);
      g_signal_connect (msg, "finished", G_CALLBACK (mark_gone_cb), NULL);
      g_source_set_callback (source, delayed_call_cb, g_steal_pointer (&call), NULL);
      g_source_attach (source, self->context);
      g_source_unref (source);
      return;
    }

  run_call (call);
  finish_call (call, FALSE);
}

/* Events */

static void
push_status (StarlingDemoServer *self,
             DemoStatus         *status)
{
  demo_api_publish (self, status);
}

static gboolean
event_tick_cb (gpointer data)
{
  StarlingDemoServer *self = data;
  static const char *types[] = { "favourite", "reblog", "follow", "mention", "favourite" };

  if (self->event_counter++ % 2 == 0)
    g_free (starling_demo_server_emit_status (self));
  else
    g_free (starling_demo_server_emit_notification (self, types[(self->event_counter / 2) % G_N_ELEMENTS (types)]));
  return G_SOURCE_CONTINUE;
}

/* GObject */

static void
starling_demo_server_dispose (GObject *object)
{
  StarlingDemoServer *self = (StarlingDemoServer *)object;

  starling_demo_server_stop (self);

  G_OBJECT_CLASS (starling_demo_server_parent_class)->dispose (object);
}

static void
starling_demo_server_finalize (GObject *object)
{
  StarlingDemoServer *self = (StarlingDemoServer *)object;

  g_clear_pointer (&self->streams, g_ptr_array_unref);
  g_clear_pointer (&self->requests, g_ptr_array_unref);
  g_clear_pointer (&self->faults, g_ptr_array_unref);
  g_clear_pointer (&self->rate, g_hash_table_unref);
  g_clear_pointer (&self->idempotency, g_hash_table_unref);
  g_clear_pointer (&self->codes, g_hash_table_unref);
  g_clear_pointer (&self->tokens, g_hash_table_unref);
  g_clear_pointer (&self->apps, g_hash_table_unref);
  g_clear_pointer (&self->world, starling_demo_world_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->base_uri);
  g_free (self->streaming_uri);
  g_free (self->brand_id);

  G_OBJECT_CLASS (starling_demo_server_parent_class)->finalize (object);
}

static void
starling_demo_server_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  StarlingDemoServer *self = STARLING_DEMO_SERVER (object);

  switch (prop_id)
    {
    case PROP_SEED:
      g_value_set_uint (value, self->seed);
      break;
    case PROP_EPOCH:
      g_value_set_int64 (value, self->epoch);
      break;
    case PROP_BASE_URI:
      g_value_set_string (value, self->base_uri);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_demo_server_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  StarlingDemoServer *self = STARLING_DEMO_SERVER (object);

  switch (prop_id)
    {
    case PROP_SEED:
      self->seed = g_value_get_uint (value);
      break;
    case PROP_EPOCH:
      self->epoch = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_demo_server_constructed (GObject *object)
{
  StarlingDemoServer *self = (StarlingDemoServer *)object;

  G_OBJECT_CLASS (starling_demo_server_parent_class)->constructed (object);

  if (self->epoch <= 0)
    {
      /* The world ends at the last full hour, so servers made one after
       * the other in the same hour are the same. */
      self->epoch = (g_get_real_time () / G_USEC_PER_SEC / 3600) * 3600;
    }
  self->world = starling_demo_world_new (self->seed, self->epoch);
  self->brand_id = demo_json_id (self->world->brand->id);
}

static void
starling_demo_server_class_init (StarlingDemoServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = starling_demo_server_dispose;
  object_class->finalize = starling_demo_server_finalize;
  object_class->get_property = starling_demo_server_get_property;
  object_class->set_property = starling_demo_server_set_property;
  object_class->constructed = starling_demo_server_constructed;

  properties[PROP_SEED] =
    g_param_spec_uint ("seed", NULL, NULL, 0, G_MAXUINT32, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EPOCH] =
    g_param_spec_int64 ("epoch", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BASE_URI] =
    g_param_spec_string ("base-uri", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
starling_demo_server_init (StarlingDemoServer *self)
{
  self->apps = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, app_free);
  self->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, token_free);
  self->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, code_free);
  self->idempotency = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->rate = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->faults = g_ptr_array_new_with_free_func (fault_free);
  self->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) starling_demo_request_unref);
  self->streams = g_ptr_array_new_with_free_func (demo_stream_free);
}

/* Public API */

/**
 * starling_demo_server_new:
 * @seed: what the world is made from
 *
 * Creates the demo server and generates its world, which ends at the last
 * full hour: the same @seed gives the same ids and content within that
 * hour (use starling_demo_server_new_at() to pin it).
 *
 * Returns: (transfer full): a new server, not yet listening
 */
StarlingDemoServer *
starling_demo_server_new (guint32 seed)
{
  return g_object_new (STARLING_TYPE_DEMO_SERVER, "seed", seed, NULL);
}

/**
 * starling_demo_server_new_at:
 * @seed: what the world is made from
 * @epoch: the world's "now", in unix seconds; everything in it happened before
 *
 * Returns: (transfer full): a new server whose world depends only on @seed
 *   and @epoch
 */
StarlingDemoServer *
starling_demo_server_new_at (guint32 seed,
                             gint64  epoch)
{
  g_return_val_if_fail (epoch > 0, NULL);

  return g_object_new (STARLING_TYPE_DEMO_SERVER, "seed", seed, "epoch", epoch, NULL);
}

/**
 * starling_demo_server_start:
 * @self: a server
 * @error: return location for an error
 *
 * Listens on 127.0.0.1 on a port the system chooses, in the thread-default
 * main context, which must then be iterated for the server to answer. Reads
 * faults from `STARLING_DEMO_FAULTS` (see #StarlingDemoServer).
 *
 * Returns: %TRUE when the server is listening
 */
gboolean
starling_demo_server_start (StarlingDemoServer  *self,
                            GError             **error)
{
  g_autoptr (GSList) uris = NULL;
  const char *env;
  GUri *uri;

  g_return_val_if_fail (STARLING_IS_DEMO_SERVER (self), FALSE);
  g_return_val_if_fail (self->server == NULL, FALSE);

  env = g_getenv ("STARLING_DEMO_FAULTS");
  if (env != NULL && *env != '\0' && !starling_demo_server_add_faults_from_string (self, env, error))
    return FALSE;

  self->context = g_main_context_ref_thread_default ();
  self->server = soup_server_new ("server-header", "Mastodon", NULL);
  g_signal_connect_object (self->server, "request-read", G_CALLBACK (request_read_cb), self, 0);
  soup_server_add_handler (self->server, NULL, server_callback, self, NULL);
  demo_stream_setup (self);
  /* Below the WebSocket's path, but plain HTTP. */
  soup_server_add_handler (self->server, "/api/v1/streaming/health", server_callback, self, NULL);

  if (!soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    {
      g_clear_object (&self->server);
      return FALSE;
    }

  uris = soup_server_get_uris (self->server);
  uri = uris->data;
  self->port = g_uri_get_port (uri);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  g_free (self->base_uri);
  self->base_uri = g_strdup_printf ("http://127.0.0.1:%u", self->port);
  g_free (self->streaming_uri);
  self->streaming_uri = g_strdup_printf ("ws://127.0.0.1:%u", self->port);
  g_clear_object (&self->resolver);
  self->resolver = g_simple_proxy_resolver_new (self->base_uri, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_URI]);

  g_debug ("Demo server of seed %u listening on port %u", self->seed, self->port);
  return TRUE;
}

/**
 * starling_demo_server_stop:
 * @self: a server
 *
 * Closes the WebSockets and stops listening. The world stays as it is.
 */
void
starling_demo_server_stop (StarlingDemoServer *self)
{
  g_return_if_fail (STARLING_IS_DEMO_SERVER (self));

  g_clear_handle_id (&self->event_source, g_source_remove);
  if (self->streams != NULL)
    demo_stream_close_all (self, NULL);
  if (self->server != NULL)
    {
      soup_server_disconnect (self->server);
      g_clear_object (&self->server);
    }
  g_clear_object (&self->resolver);
}

/**
 * starling_demo_server_get_base_uri:
 * @self: a started server
 *
 * Returns: (nullable): `http://127.0.0.1:PORT`, or %NULL before
 *   starling_demo_server_start()
 */
const char *
starling_demo_server_get_base_uri (StarlingDemoServer *self)
{
  g_return_val_if_fail (STARLING_IS_DEMO_SERVER (self), NULL);
  return self->base_uri;
}

/**
 * starling_demo_server_get_domain:
 * @self: a server
 *
 * Returns: the instance's own domain, as in the `acct` of remote accounts
 *   and the `uri`s of its posts
 */
const char *
starling_demo_server_get_domain (StarlingDemoServer *self)
{
  g_return_val_if_fail (STARLING_IS_DEMO_SERVER (self), NULL);
  return self->world->domain;
}

/**
 * starling_demo_server_get_proxy_resolver:
 * @self: a started server
 *
 * A resolver that sends every host to this server, for
 * starling_session_new(): `http://mastodon.social/.well-known/nodeinfo` then
 * reaches the demo as an absolute-URI request and is answered as that
 * simulated server.
 *
 * Returns: (transfer none) (nullable): the resolver, %NULL before
 *   starling_demo_server_start()
 */
GProxyResolver *
starling_demo_server_get_proxy_resolver (StarlingDemoServer *self)
{
  g_return_val_if_fail (STARLING_IS_DEMO_SERVER (self), NULL);
  return self->resolver;
}

/**
 * starling_demo_server_get_seed:
 * @self: a server
 *
 * Returns: the seed of its world
 */
guint32
starling_demo_server_get_seed (StarlingDemoServer *self)
{
  g_return_val_if_fail (STARLING_IS_DEMO_SERVER (self), 0);
  return self->seed;
}

/**
 * starling_demo_server_get_epoch:
 * @self: a server
 *
 * Returns: the world's "now" at generation, in unix seconds
 */
gint64
starling_demo_server_get_epoch (StarlingDemoServer *self)
{
  g_return_val_if_fail (STARLING_IS_DEMO_SERVER (self), 0);
  return self->epoch;
}

/**
 * starling_demo_server_get_brand_id:
 * @self: a server
 *
 * Returns: the account id of the signed-in brand account
 */
const char *
starling_demo_server_get_brand_id (StarlingDemoServer *self)
{
  g_return_val_if_fail (STARLING_IS_DEMO_SERVER (self), NULL);
  return self->brand_id;
}

/**
 * starling_demo_server_dup_thread_root_id:
 * @self: a server
 *
 * Returns: (transfer full): the id of the first post of the brand's long
 *   thread, a chain of its own posts with answers from others
 */
char *
starling_demo_server_dup_thread_root_id (StarlingDemoServer *self)
{
  g_return_val_if_fail (STARLING_IS_DEMO_SERVER (self), NULL);
  g_return_val_if_fail (self->world != NULL, NULL);

  return demo_json_id (self->world->thread_root->id);
}

/**
 * starling_demo_server_create_token:
 * @self: a server
 * @scopes: (nullable): space-separated scopes, `read` when %NULL
 *
 * For tests: a valid user token of the brand account without the OAuth
 * dance.
 *
 * Returns: (transfer full): the access token
 */
char *
starling_demo_server_create_token (StarlingDemoServer *self,
                                   const char         *scopes)
{
  g_return_val_if_fail (STARLING_IS_DEMO_SERVER (self), NULL);

  return demo_server_new_token (self, scopes != NULL ? scopes : "read", NULL, TRUE);
}

/**
 * starling_demo_server_revoke_tokens:
 * @self: a server
 *
 * Revokes every user token, as when the person signs the app out in the
 * server's settings: the next request with one of them is answered 401.
 *
 * Returns: how many tokens were revoked
 */
guint
starling_demo_server_revoke_tokens (StarlingDemoServer *self)
{
  GHashTableIter iter;
  gpointer value;
  guint revoked = 0;

  g_return_val_if_fail (STARLING_IS_DEMO_SERVER (self), 0);

  g_hash_table_iter_init (&iter, self->tokens);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      DemoToken *token = value;

      if (token->user)
        {
          g_hash_table_iter_remove (&iter);
          revoked++;
        }
    }

  return revoked;
}

/**
 * starling_demo_server_add_fault:
 * @self: a server
 * @method: (nullable): the HTTP method it applies to, %NULL for any
 * @path_glob: a glob over request paths, as `/api/v1/timelines/` followed by `*`
 * @fault: what goes wrong
 * @times: how many matching requests it hits, 0 for all of them
 * @param: the fault's parameter (see #StarlingDemoFault)
 *
 * Makes matching requests fail. Rules are tried in the order they were
 * added; a latency adds to any other fault.
 */
void
starling_demo_server_add_fault (StarlingDemoServer *self,
                                const char         *method,
                                const char         *path_glob,
                                StarlingDemoFault   fault,
                                guint               times,
                                guint               param)
{
  DemoFaultRule *rule;

  g_return_if_fail (STARLING_IS_DEMO_SERVER (self));
  g_return_if_fail (path_glob != NULL);
  g_return_if_fail (fault <= STARLING_DEMO_FAULT_STREAM_DROP);

  rule = g_new0 (DemoFaultRule, 1);
  rule->method = method != NULL && !g_str_equal (method, "*") ? g_ascii_strup (method, -1) : NULL;
  rule->glob = g_pattern_spec_new (path_glob);
  rule->glob_text = g_strdup (path_glob);
  rule->fault = fault;
  rule->times = times;
  rule->param = param;

  if (fault == STARLING_DEMO_FAULT_STREAM_DROP && self->streams->len > 0)
    {
      /* Open streams are closed now; this uses up one of the times. */
      demo_stream_close_all (self, rule->glob);
      if (times == 1)
        {
          fault_free (rule);
          return;
        }
      if (rule->times > 0)
        rule->times--;
    }
  g_ptr_array_add (self->faults, rule);
}

/**
 * starling_demo_server_add_faults_from_string:
 * @self: a server
 * @spec: rules in the syntax of `STARLING_DEMO_FAULTS` (see #StarlingDemoServer)
 * @error: return location for a %G_IO_ERROR_INVALID_ARGUMENT
 *
 * Returns: %TRUE when every rule was understood; none is added otherwise
 */
gboolean
starling_demo_server_add_faults_from_string (StarlingDemoServer  *self,
                                             const char          *spec,
                                             GError             **error)
{
  g_auto (GStrv) rules = NULL;
  g_autoptr (GPtrArray) parsed = g_ptr_array_new_with_free_func (fault_free);

  g_return_val_if_fail (STARLING_IS_DEMO_SERVER (self), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  rules = g_strsplit (spec, ";", -1);
  for (guint i = 0; rules[i] != NULL; i++)
    {
      g_autofree char *rule_text = g_strstrip (g_strdup (rules[i]));
      char *equals = strrchr (rule_text, '=');
      char *space;
      g_auto (GStrv) kind = NULL;
      DemoFaultRule *rule;
      const char *glob;
      guint64 times = 0, param = 0;
      gboolean found = FALSE;

      if (*rule_text == '\0')
        continue;
      if (equals == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "Fault rule “%s” has no “=”", rule_text);
          return FALSE;
        }
      *equals = '\0';
      kind = g_strsplit (equals + 1, ":", 3);
      rule = g_new0 (DemoFaultRule, 1);
      g_ptr_array_add (parsed, rule);

      space = strchr (rule_text, ' ');
      if (space != NULL)
        {
          *space = '\0';
          rule->method = g_ascii_strup (rule_text, -1);
          glob = g_strstrip (space + 1);
        }
      else
        glob = rule_text;
      if (*glob == '\0')
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "Fault rule %u has no path", i + 1);
          return FALSE;
        }
      rule->glob = g_pattern_spec_new (glob);
      rule->glob_text = g_strdup (glob);

      for (guint k = 0; k < G_N_ELEMENTS (fault_names); k++)
        if (g_str_equal (fault_names[k].name, kind[0]))
          {
            rule->fault = fault_names[k].fault;
            found = TRUE;
          }
      if (!found)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "Unknown fault “%s”", kind[0]);
          return FALSE;
        }
      if ((kind[1] != NULL && !g_ascii_string_to_unsigned (kind[1], 10, 0, G_MAXUINT, &times, error))
          || (kind[1] != NULL && kind[2] != NULL && !g_ascii_string_to_unsigned (kind[2], 10, 0, G_MAXUINT, &param, error)))
        return FALSE;
      rule->times = (guint) times;
      rule->param = (guint) param;
    }

  for (guint i = 0; i < parsed->len; i++)
    {
      DemoFaultRule *rule = g_ptr_array_index (parsed, i);

      starling_demo_server_add_fault (self, rule->method, rule->glob_text, rule->fault, rule->times, rule->param);
    }
  return TRUE;
}

/**
 * starling_demo_server_clear_faults:
 * @self: a server
 *
 * Removes every fault rule.
 */
void
starling_demo_server_clear_faults (StarlingDemoServer *self)
{
  g_return_if_fail (STARLING_IS_DEMO_SERVER (self));
  g_ptr_array_set_size (self->faults, 0);
}

/**
 * starling_demo_server_get_requests:
 * @self: a server
 *
 * Returns: (transfer container) (element-type StarlingDemoRequest): the
 *   requests received so far, oldest first
 */
GPtrArray *
starling_demo_server_get_requests (StarlingDemoServer *self)
{
  GPtrArray *copy;

  g_return_val_if_fail (STARLING_IS_DEMO_SERVER (self), NULL);

  copy = g_ptr_array_new_full (self->requests->len, (GDestroyNotify) starling_demo_request_unref);
  for (guint i = 0; i < self->requests->len; i++)
    g_ptr_array_add (copy, starling_demo_request_ref (g_ptr_array_index (self->requests, i)));
  return copy;
}

/**
 * starling_demo_server_clear_requests:
 * @self: a server
 *
 * Forgets the requests received so far.
 */
void
starling_demo_server_clear_requests (StarlingDemoServer *self)
{
  g_return_if_fail (STARLING_IS_DEMO_SERVER (self));
  g_ptr_array_set_size (self->requests, 0);
}

/**
 * starling_demo_server_count_requests:
 * @self: a server
 * @method: (nullable): an HTTP method, %NULL for any
 * @path_glob: (nullable): a glob over paths, %NULL for any
 *
 * Returns: how many requests received so far match
 */
guint
starling_demo_server_count_requests (StarlingDemoServer *self,
                                     const char         *method,
                                     const char         *path_glob)
{
  g_autoptr (GPatternSpec) glob = NULL;
  guint count = 0;

  g_return_val_if_fail (STARLING_IS_DEMO_SERVER (self), 0);

  glob = g_pattern_spec_new (path_glob != NULL ? path_glob : "*");
  for (guint i = 0; i < self->requests->len; i++)
    {
      StarlingDemoRequest *request = g_ptr_array_index (self->requests, i);

      if (method != NULL && g_ascii_strcasecmp (method, starling_demo_request_get_method (request)) != 0)
        continue;
      if (g_pattern_spec_match_string (glob, starling_demo_request_get_path (request)))
        count++;
    }
  return count;
}

/**
 * starling_demo_server_emit_status:
 * @self: a server
 *
 * Someone the brand follows posts: the status joins the home and public
 * timelines and is pushed to the connected streams.
 *
 * Returns: (transfer full): the new status's id
 */
char *
starling_demo_server_emit_status (StarlingDemoServer *self)
{
  StarlingDemoWorld *world;
  DemoStatus *status;
  g_autofree char *text = NULL;

  g_return_val_if_fail (STARLING_IS_DEMO_SERVER (self), NULL);

  world = self->world;
  text = starling_demo_world_random_text (world);
  status = starling_demo_world_add_status (world, starling_demo_world_random_following (world),
                                           text, g_get_real_time () / 1000);
  push_status (self, status);
  return demo_json_id (status->id);
}

/**
 * starling_demo_server_emit_status_with_media:
 * @self: a server
 * @n_media: how many pictures the post has, 1 to 4
 *
 * Like starling_demo_server_emit_status(), with pictures of the sizes the
 * demo world's posts have: a timeline that looks like the world's all the
 * way down, for a benchmark.
 *
 * Returns: (transfer full): the new status's id
 */
char *
starling_demo_server_emit_status_with_media (StarlingDemoServer *self,
                                             guint               n_media)
{
  static const guint sizes[][2] = { { 640, 480 }, { 480, 640 }, { 640, 360 }, { 600, 600 }, { 640, 427 } };
  StarlingDemoWorld *world;
  DemoStatus *status;
  g_autofree char *text = NULL;

  g_return_val_if_fail (STARLING_IS_DEMO_SERVER (self), NULL);
  g_return_val_if_fail (n_media >= 1 && n_media <= G_N_ELEMENTS (status->media), NULL);

  world = self->world;
  text = starling_demo_world_random_text (world);
  status = starling_demo_world_add_status (world, starling_demo_world_random_following (world),
                                           text, g_get_real_time () / 1000);
  for (guint i = 0; i < n_media; i++)
    {
      guint size = g_rand_int_range (world->rand, 0, G_N_ELEMENTS (sizes));
      DemoMedia *media = starling_demo_world_add_media (world, DEMO_MEDIA_IMAGE, sizes[size][0], sizes[size][1]);

      media->palette = g_rand_int_range (world->rand, 0, 16);
      media->description = g_strdup ("A cup of coffee on a wooden table");
      media->attached = TRUE;
      status->media[status->n_media++] = media;
    }
  push_status (self, status);
  return demo_json_id (status->id);
}

static DemoStatus *
latest_brand_status (StarlingDemoWorld *world)
{
  for (guint i = world->statuses->len; i > 0; i--)
    {
      DemoStatus *status = g_ptr_array_index (world->statuses, i - 1);

      if (status->account == world->brand && status->reblog == NULL
          && !(status->flags & DEMO_STATUS_DELETED) && status->visibility != DEMO_VISIBILITY_DIRECT)
        return status;
    }
  return NULL;
}

/**
 * starling_demo_server_emit_notification:
 * @self: a server
 * @type: `favourite`, `reblog`, `follow`, `follow_request`, `mention`,
 *   `poll`, `update`, `quote` or `status`
 *
 * Something happens to the brand: a follower favourites or boosts its
 * newest post, follows it, mentions it… The notification is pushed to the
 * connected streams.
 *
 * Returns: (transfer full) (nullable): the notification's id, or %NULL
 *   for an unknown @type
 */
char *
starling_demo_server_emit_notification (StarlingDemoServer *self,
                                        const char         *type)
{
  StarlingDemoWorld *world;
  DemoAccount *who;
  DemoStatus *target;
  DemoEvent *event = NULL;

  g_return_val_if_fail (STARLING_IS_DEMO_SERVER (self), NULL);
  g_return_val_if_fail (type != NULL, NULL);

  world = self->world;
  who = starling_demo_world_random_follower (world);
  target = latest_brand_status (world);

  if (g_str_equal (type, "favourite") && target != NULL)
    {
      target->favourites_count++;
      event = starling_demo_world_add_event (world, DEMO_EVENT_FAVOURITE, who, target);
    }
  else if (g_str_equal (type, "reblog") && target != NULL)
    {
      target->reblogs_count++;
      event = starling_demo_world_add_event (world, DEMO_EVENT_REBLOG, who, target);
    }
  else if (g_str_equal (type, "follow_request"))
    {
      DemoAccount *account = NULL;

      /* Someone who neither follows nor asked yet. */
      for (guint i = 0; i < world->accounts->len && account == NULL; i++)
        {
          DemoAccount *candidate = g_ptr_array_index (world->accounts, (i * 7919 + self->event_counter) % world->accounts->len);

          if (candidate != world->brand &&
              !(candidate->rel & (DEMO_REL_FOLLOWED_BY | DEMO_REL_BLOCKING | DEMO_REL_REQUESTED_BY)))
            account = candidate;
        }
      if (account != NULL)
        {
          account->rel |= DEMO_REL_REQUESTED_BY;
          event = starling_demo_world_add_event (world, DEMO_EVENT_FOLLOW_REQUEST, account, NULL);
        }
    }
  else if (g_str_equal (type, "follow"))
    {
      DemoAccount *account = NULL;

      /* Someone who did not follow yet, if there is anyone left. */
      for (guint i = 0; i < world->accounts->len && account == NULL; i++)
        {
          DemoAccount *candidate = g_ptr_array_index (world->accounts, (i * 7919 + self->event_counter) % world->accounts->len);

          if (candidate != world->brand && !(candidate->rel & (DEMO_REL_FOLLOWED_BY | DEMO_REL_BLOCKING)))
            account = candidate;
        }
      if (account == NULL)
        account = who;
      if (!(account->rel & DEMO_REL_FOLLOWED_BY))
        {
          account->rel |= DEMO_REL_FOLLOWED_BY;
          account->followed_at = g_get_real_time () / 1000;
          account->follow_id = starling_demo_world_next_id (world, account->followed_at);
          g_ptr_array_add (world->followers, account);
          world->brand->followers_count++;
        }
      event = starling_demo_world_add_event (world, DEMO_EVENT_FOLLOW, account, NULL);
    }
  else if (g_str_equal (type, "mention") || g_str_equal (type, "quote"))
    {
      g_autofree char *text = g_strdup_printf ("@%s %s", world->brand->username,
                                               g_str_equal (type, "quote") ? "this is so true" : "when is the next cupping?");
      DemoStatus *status = starling_demo_world_add_status (world, who, text, g_get_real_time () / 1000);

      status->mentions_brand = TRUE;
      if (g_str_equal (type, "quote") && target != NULL)
        {
          status->quote = target;
          target->quotes_count++;
          event = starling_demo_world_add_event (world, DEMO_EVENT_QUOTE, who, status);
        }
      else
        {
          status->in_reply_to = target;
          if (target != NULL)
            target->replies_count++;
          event = starling_demo_world_add_event (world, DEMO_EVENT_MENTION, who, status);
        }
    }
  else if (g_str_equal (type, "poll") && target != NULL)
    event = starling_demo_world_add_event (world, DEMO_EVENT_POLL, world->brand, target);
  else if (g_str_equal (type, "update") && world->votable_poll != NULL)
    {
      world->votable_poll->edited_at = g_get_real_time () / 1000;
      event = starling_demo_world_add_event (world, DEMO_EVENT_UPDATE, world->votable_poll->account,
                                             world->votable_poll);
    }
  else if (g_str_equal (type, "status"))
    {
      g_autofree char *text = starling_demo_world_random_text (world);
      DemoAccount *author = starling_demo_world_random_following (world);
      DemoStatus *status = starling_demo_world_add_status (world, author, text, g_get_real_time () / 1000);

      push_status (self, status);
      event = starling_demo_world_add_event (world, DEMO_EVENT_STATUS, author, status);
    }

  if (event == NULL)
    return NULL;
  demo_stream_push_notification (self, event);
  return demo_json_id (event->id);
}

/**
 * starling_demo_server_delete_status:
 * @self: a server
 * @id: a status id
 *
 * The status disappears, and `delete` is pushed to the streams. Unknown
 * ids are ignored.
 */
void
starling_demo_server_delete_status (StarlingDemoServer *self,
                                    const char         *id)
{
  DemoStatus *status;

  g_return_if_fail (STARLING_IS_DEMO_SERVER (self));
  g_return_if_fail (id != NULL);

  status = starling_demo_world_find_status (self->world, id);
  if (status == NULL)
    return;
  status->flags |= DEMO_STATUS_DELETED;
  if (status->account->statuses_count > 0)
    status->account->statuses_count--;
  demo_stream_push_delete (self, status);
}

/**
 * starling_demo_server_set_event_interval:
 * @self: a server
 * @seconds: how often something happens, 0 for never (the default)
 *
 * Makes the world feel alive: every @seconds, alternately someone posts
 * and something happens to the brand.
 */
void
starling_demo_server_set_event_interval (StarlingDemoServer *self,
                                         guint               seconds)
{
  g_return_if_fail (STARLING_IS_DEMO_SERVER (self));

  g_clear_handle_id (&self->event_source, g_source_remove);
  if (seconds > 0)
    {
      GSource *source = g_timeout_source_new_seconds (seconds);

      g_source_set_callback (source, event_tick_cb, self, NULL);
      self->event_source = g_source_attach (source, self->context != NULL ? self->context
                                                                          : g_main_context_get_thread_default ());
      g_source_unref (source);
    }
}

/**
 * starling_demo_server_count_statuses_with_text:
 * @self: a server
 * @text: some text
 *
 * For tests of retries: a post retried with its idempotency key must be
 * published once.
 *
 * Returns: how many statuses that exist contain @text
 */
guint
starling_demo_server_count_statuses_with_text (StarlingDemoServer *self,
                                               const char         *text)
{
  g_return_val_if_fail (STARLING_IS_DEMO_SERVER (self), 0);
  g_return_val_if_fail (text != NULL, 0);

  return starling_demo_world_count_text (self->world, text);
}

/**
 * starling_demo_server_count_home_statuses:
 * @self: a server
 *
 * For tests that page to the end of the home timeline.
 *
 * Returns: how many statuses the brand's home timeline holds now
 */
guint
starling_demo_server_count_home_statuses (StarlingDemoServer *self)
{
  g_return_val_if_fail (STARLING_IS_DEMO_SERVER (self), 0);
  return demo_api_count_home (self);
}

/**
 * starling_demo_server_get_n_statuses:
 * @self: a server
 *
 * Returns: how many statuses the world holds, boosts and deleted ones included
 */
guint
starling_demo_server_get_n_statuses (StarlingDemoServer *self)
{
  g_return_val_if_fail (STARLING_IS_DEMO_SERVER (self), 0);
  return self->world->statuses->len;
}

/**
 * starling_demo_server_get_n_followers:
 * @self: a server
 *
 * Returns: how many accounts follow the brand
 */
guint
starling_demo_server_get_n_followers (StarlingDemoServer *self)
{
  g_return_val_if_fail (STARLING_IS_DEMO_SERVER (self), 0);
  return self->world->followers->len;
}

/**
 * starling_demo_server_get_n_domains:
 * @self: a server
 *
 * Returns: how many servers the world has, this one included
 */
guint
starling_demo_server_get_n_domains (StarlingDemoServer *self)
{
  g_return_val_if_fail (STARLING_IS_DEMO_SERVER (self), 0);
  return self->world->domains->len;
}
