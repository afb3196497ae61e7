/* starling-request.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-api"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "starling-api-error.h"
#include "starling-request.h"

typedef struct
{
  char *name;
  char *value;
} Param;

typedef struct
{
  char   *name;
  char   *filename;
  char   *content_type;
  GBytes *contents;
} FilePart;

/**
 * StarlingRequest:
 *
 * One call of the Mastodon API, before it is sent: the method, the path
 * (or, for the next page of a list, the absolute URI the server gave), the
 * parameters in order, the body, the `Idempotency-Key`, whether it may be
 * sent again after a failure, and what the answer decodes to.
 *
 * Parameters go into the query of `GET`, `HEAD` and `DELETE` requests and
 * into the body of the others: form-encoded, or multipart when a file is
 * attached; a JSON body replaces them. A parameter named with `[]` is an
 * array element (`types[]=mention&types[]=poll`).
 *
 * A request never holds the access token: the client adds it to each
 * message it builds.
 */
struct _StarlingRequest
{
  GObject             parent_instance;

  char               *method;
  char               *path;
  char               *uri;
  GPtrArray          *params;
  JsonNode           *json_body;
  GPtrArray          *files;
  char               *idempotency_key;
  int                 retryable;
  StarlingResultKind  result_kind;
  GType               result_type;
  guint               page_size;
};

G_DEFINE_FINAL_TYPE (StarlingRequest, starling_request, G_TYPE_OBJECT)

static void
param_free (gpointer data)
{
  Param *param = data;

  g_free (param->name);
  g_free (param->value);
  g_free (param);
}

static void
file_part_free (gpointer data)
{
  FilePart *part = data;

  g_free (part->name);
  g_free (part->filename);
  g_free (part->content_type);
  g_bytes_unref (part->contents);
  g_free (part);
}

static gboolean
method_has_query (const char *method)
{
  return strcmp (method, "GET") == 0 || strcmp (method, "HEAD") == 0 ||
         strcmp (method, "DELETE") == 0;
}

/* Like g_uri_escape_string(), but keeps the brackets of array names, which
 * every server reads either way and which make logs readable. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    is_name)
{
  g_string_append_uri_escaped (out, text, is_name ? "[]" : NULL, FALSE);
}

static char *
encode_params (GPtrArray *params)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < params->len; i++)
    {
      Param *param = g_ptr_array_index (params, i);

      if (out->len > 0)
        g_string_append_c (out, '&');
      append_escaped (out, param->name, TRUE);
      g_string_append_c (out, '=');
      append_escaped (out, param->value, FALSE);
    }

  return g_string_free (out, FALSE);
}

static void
starling_request_finalize (GObject *object)
{
  StarlingRequest *self = STARLING_REQUEST (object);

  g_clear_pointer (&self->method, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->uri, g_free);
  g_clear_pointer (&self->params, g_ptr_array_unref);
  g_clear_pointer (&self->json_body, json_node_unref);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->idempotency_key, g_free);

  G_OBJECT_CLASS (starling_request_parent_class)->finalize (object);
}

static void
starling_request_class_init (StarlingRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = starling_request_finalize;
}

static void
starling_request_init (StarlingRequest *self)
{
  self->params = g_ptr_array_new_with_free_func (param_free);
  self->files = g_ptr_array_new_with_free_func (file_part_free);
  self->retryable = -1;
  self->result_kind = STARLING_RESULT_NONE;
  self->result_type = G_TYPE_NONE;
}

/**
 * starling_request_new:
 * @method: `GET`, `POST`, `PUT`, `PATCH` or `DELETE`
 * @path: the path below the server's base URI, as `/api/v1/statuses/:id`;
 *   `:id` stands for @id
 * @id: (nullable): the id that replaces `:id`, escaped as a path segment
 *   (ids are opaque strings and may hold any character)
 *
 * Returns: (transfer full): a new request
 */
StarlingRequest *
starling_request_new (const char *method,
                      const char *path,
                      const char *id)
{
  StarlingRequest *self;
  const char *slot;

  g_return_val_if_fail (method != NULL, NULL);
  g_return_val_if_fail (path != NULL && path[0] == '/', NULL);

  self = g_object_new (STARLING_TYPE_REQUEST, NULL);
  self->method = g_ascii_strup (method, -1);

  slot = strstr (path, ":id");
  if (slot != NULL)
    {
      g_autofree char *escaped = NULL;

      g_return_val_if_fail (id != NULL, self);
      escaped = g_uri_escape_string (id, NULL, FALSE);
      self->path = g_strdup_printf ("%.*s%s%s", (int) (slot - path), path, escaped, slot + 3);
    }
  else
    self->path = g_strdup (path);

  return self;
}

/**
 * starling_request_new_for_uri:
 * @method: the method
 * @uri: an absolute URI, such as the `next` link of a page
 *
 * Returns: (transfer full): a new request for @uri, whose query is kept
 *   as the server wrote it
 */
StarlingRequest *
starling_request_new_for_uri (const char *method,
                              const char *uri)
{
  StarlingRequest *self;

  g_return_val_if_fail (method != NULL, NULL);
  g_return_val_if_fail (uri != NULL, NULL);

  self = g_object_new (STARLING_TYPE_REQUEST, NULL);
  self->method = g_ascii_strup (method, -1);
  self->uri = g_strdup (uri);

  return self;
}

/**
 * starling_request_copy:
 * @self: a request
 *
 * Returns: (transfer full): a request with the same method, target,
 *   parameters, body, key and result
 */
StarlingRequest *
starling_request_copy (StarlingRequest *self)
{
  StarlingRequest *copy;

  g_return_val_if_fail (STARLING_IS_REQUEST (self), NULL);

  copy = g_object_new (STARLING_TYPE_REQUEST, NULL);
  copy->method = g_strdup (self->method);
  copy->path = g_strdup (self->path);
  copy->uri = g_strdup (self->uri);
  for (guint i = 0; i < self->params->len; i++)
    {
      Param *param = g_ptr_array_index (self->params, i);
      starling_request_add_param (copy, param->name, param->value);
    }
  for (guint i = 0; i < self->files->len; i++)
    {
      FilePart *part = g_ptr_array_index (self->files, i);
      starling_request_add_file (copy, part->name, part->filename, part->content_type, part->contents);
    }
  if (self->json_body != NULL)
    copy->json_body = json_node_ref (self->json_body);
  copy->idempotency_key = g_strdup (self->idempotency_key);
  copy->retryable = self->retryable;
  copy->result_kind = self->result_kind;
  copy->result_type = self->result_type;
  copy->page_size = self->page_size;

  return copy;
}

/**
 * starling_request_get_method:
 * @self: a request
 *
 * Returns: the method, in capitals
 */
const char *
starling_request_get_method (StarlingRequest *self)
{
  g_return_val_if_fail (STARLING_IS_REQUEST (self), NULL);

  return self->method;
}

/**
 * starling_request_get_path:
 * @self: a request
 *
 * Returns: (nullable): the path, with its id escaped, or %NULL for a
 *   request made for an absolute URI
 */
const char *
starling_request_get_path (StarlingRequest *self)
{
  g_return_val_if_fail (STARLING_IS_REQUEST (self), NULL);

  return self->path;
}

/**
 * starling_request_get_uri:
 * @self: a request
 *
 * Returns: (nullable): the absolute URI of a request made with
 *   starling_request_new_for_uri()
 */
const char *
starling_request_get_uri (StarlingRequest *self)
{
  g_return_val_if_fail (STARLING_IS_REQUEST (self), NULL);

  return self->uri;
}

/**
 * starling_request_add_param:
 * @self: a request
 * @name: the parameter's name
 * @value: (nullable): its value; %NULL adds nothing, so optional
 *   parameters can be passed as they are
 *
 * Appends a parameter, after those already there.
 */
void
starling_request_add_param (StarlingRequest *self,
                            const char      *name,
                            const char      *value)
{
  Param *param;

  g_return_if_fail (STARLING_IS_REQUEST (self));
  g_return_if_fail (name != NULL);

  if (value == NULL)
    return;

  param = g_new0 (Param, 1);
  param->name = g_strdup (name);
  param->value = g_strdup (value);
  g_ptr_array_add (self->params, param);
}

/**
 * starling_request_add_param_bool:
 * @self: a request
 * @name: the parameter's name
 * @value: its value, sent as `true` or `false`
 */
void
starling_request_add_param_bool (StarlingRequest *self,
                                 const char      *name,
                                 gboolean         value)
{
  starling_request_add_param (self, name, value ? "true" : "false");
}

/**
 * starling_request_add_param_int:
 * @self: a request
 * @name: the parameter's name
 * @value: its value
 */
void
starling_request_add_param_int (StarlingRequest *self,
                                const char      *name,
                                gint64           value)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  starling_request_add_param (self, name, text);
}

/**
 * starling_request_add_param_array:
 * @self: a request
 * @name: the array's name, without `[]`
 * @values: (nullable) (array zero-terminated=1): its elements
 *
 * Appends `name[]=value` for each element, in order.
 */
void
starling_request_add_param_array (StarlingRequest    *self,
                                  const char         *name,
                                  const char * const *values)
{
  g_autofree char *array_name = NULL;

  g_return_if_fail (STARLING_IS_REQUEST (self));
  g_return_if_fail (name != NULL);

  if (values == NULL)
    return;

  array_name = g_strconcat (name, "[]", NULL);
  for (guint i = 0; values[i] != NULL; i++)
    starling_request_add_param (self, array_name, values[i]);
}

/**
 * starling_request_set_param:
 * @self: a request
 * @name: the parameter's name
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Replaces every parameter @name by one with @value. For a request made
 * for an absolute URI, parameters of the same name in the URI's query are
 * replaced too.
 */
void
starling_request_set_param (StarlingRequest *self,
                            const char      *name,
                            const char      *value)
{
  g_return_if_fail (STARLING_IS_REQUEST (self));
  g_return_if_fail (name != NULL);

  for (guint i = self->params->len; i > 0; i--)
    {
      Param *param = g_ptr_array_index (self->params, i - 1);

      if (strcmp (param->name, name) == 0)
        g_ptr_array_remove_index (self->params, i - 1);
    }

  if (self->uri != NULL)
    {
      g_autoptr (GUri) parsed = g_uri_parse (self->uri, G_URI_FLAGS_ENCODED, NULL);
      const char *query = parsed != NULL ? g_uri_get_query (parsed) : NULL;

      if (query != NULL)
        {
          g_auto (GStrv) pairs = g_strsplit (query, "&", -1);
          g_autoptr (GStrvBuilder) kept = g_strv_builder_new ();
          g_auto (GStrv) kept_pairs = NULL;
          g_autofree char *new_query = NULL;
          g_autoptr (GUri) rebuilt = NULL;

          for (guint i = 0; pairs[i] != NULL; i++)
            {
              const char *eq = strchr (pairs[i], '=');
              gsize len = eq != NULL ? (gsize) (eq - pairs[i]) : strlen (pairs[i]);
              g_autofree char *raw = g_strndup (pairs[i], len);
              g_autofree char *key = g_uri_unescape_string (raw, NULL);

              if (key == NULL || strcmp (key, name) != 0)
                g_strv_builder_add (kept, pairs[i]);
            }
          kept_pairs = g_strv_builder_end (kept);
          new_query = g_strjoinv ("&", kept_pairs);
          rebuilt = g_uri_build (G_URI_FLAGS_ENCODED, g_uri_get_scheme (parsed),
                                 g_uri_get_userinfo (parsed), g_uri_get_host (parsed),
                                 g_uri_get_port (parsed), g_uri_get_path (parsed),
                                 *new_query != '\0' ? new_query : NULL,
                                 g_uri_get_fragment (parsed));
          g_free (self->uri);
          self->uri = g_uri_to_string (rebuilt);
        }
    }

  starling_request_add_param (self, name, value);
}

/**
 * starling_request_get_param:
 * @self: a request
 * @name: a parameter's name
 *
 * Returns: (nullable): the value of the first parameter @name added to
 *   @self (not of the query of an absolute URI)
 */
const char *
starling_request_get_param (StarlingRequest *self,
                            const char      *name)
{
  g_return_val_if_fail (STARLING_IS_REQUEST (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < self->params->len; i++)
    {
      Param *param = g_ptr_array_index (self->params, i);

      if (strcmp (param->name, name) == 0)
        return param->value;
    }

  return NULL;
}

/**
 * starling_request_set_json_body:
 * @self: a request
 * @body: (nullable): a JSON document to send instead of form parameters
 *
 * Some servers (Sharkey) read only JSON bodies.
 */
void
starling_request_set_json_body (StarlingRequest *self,
                                JsonNode        *body)
{
  g_return_if_fail (STARLING_IS_REQUEST (self));

  g_clear_pointer (&self->json_body, json_node_unref);
  if (body != NULL)
    self->json_body = json_node_ref (body);
}

/**
 * starling_request_add_file:
 * @self: a request
 * @name: the form field, as `file`
 * @filename: the file's name as the server will see it
 * @content_type: (nullable): its MIME type
 * @contents: its bytes
 *
 * Attaches a file: the body becomes `multipart/form-data`, with the other
 * parameters as fields.
 */
void
starling_request_add_file (StarlingRequest *self,
                           const char      *name,
                           const char      *filename,
                           const char      *content_type,
                           GBytes          *contents)
{
  FilePart *part;

  g_return_if_fail (STARLING_IS_REQUEST (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (filename != NULL);
  g_return_if_fail (contents != NULL);

  part = g_new0 (FilePart, 1);
  part->name = g_strdup (name);
  part->filename = g_strdup (filename);
  part->content_type = g_strdup (content_type != NULL ? content_type : "application/octet-stream");
  part->contents = g_bytes_ref (contents);
  g_ptr_array_add (self->files, part);
}

/**
 * starling_request_set_idempotency_key:
 * @self: a request
 * @key: (nullable): a key unique to one action of the user, such as a
 *   UUID made when a post is composed
 *
 * With a key, the server performs the action once however often the
 * request arrives, so a `POST` with a key is retried after a failure; each
 * retry sends the same key.
 */
void
starling_request_set_idempotency_key (StarlingRequest *self,
                                      const char      *key)
{
  g_return_if_fail (STARLING_IS_REQUEST (self));

  g_free (self->idempotency_key);
  self->idempotency_key = g_strdup (key);
}

/**
 * starling_request_get_idempotency_key:
 * @self: a request
 *
 * Returns: (nullable): the `Idempotency-Key`
 */
const char *
starling_request_get_idempotency_key (StarlingRequest *self)
{
  g_return_val_if_fail (STARLING_IS_REQUEST (self), NULL);

  return self->idempotency_key;
}

/**
 * starling_request_set_retryable:
 * @self: a request
 * @retryable: whether sending it twice does no harm
 *
 * Overrides the rule of starling_request_get_retryable().
 */
void
starling_request_set_retryable (StarlingRequest *self,
                                gboolean         retryable)
{
  g_return_if_fail (STARLING_IS_REQUEST (self));

  self->retryable = retryable ? 1 : 0;
}

/**
 * starling_request_get_retryable:
 * @self: a request
 *
 * Whether the request may be sent again after a network error or a server
 * failure. Unless set otherwise: `GET`, `HEAD` and `PUT` may, and so may a
 * `POST` that carries an `Idempotency-Key`; `DELETE` and `PATCH` may not
 * (deleting a post twice answers 404 after the first succeeded unseen).
 *
 * Returns: %TRUE when the request may be retried
 */
gboolean
starling_request_get_retryable (StarlingRequest *self)
{
  g_return_val_if_fail (STARLING_IS_REQUEST (self), FALSE);

  if (self->retryable >= 0)
    return self->retryable == 1;

  if (strcmp (self->method, "GET") == 0 || strcmp (self->method, "HEAD") == 0 ||
      strcmp (self->method, "PUT") == 0)
    return TRUE;

  return strcmp (self->method, "POST") == 0 && self->idempotency_key != NULL;
}

/**
 * starling_request_set_result:
 * @self: a request
 * @kind: what the answer is
 * @type: the entity type, for %STARLING_RESULT_ENTITY and
 *   %STARLING_RESULT_PAGE
 */
void
starling_request_set_result (StarlingRequest    *self,
                             StarlingResultKind  kind,
                             GType               type)
{
  g_return_if_fail (STARLING_IS_REQUEST (self));

  self->result_kind = kind;
  self->result_type = type;
}

/**
 * starling_request_get_result_kind:
 * @self: a request
 *
 * Returns: what the answer decodes to
 */
StarlingResultKind
starling_request_get_result_kind (StarlingRequest *self)
{
  g_return_val_if_fail (STARLING_IS_REQUEST (self), STARLING_RESULT_NONE);

  return self->result_kind;
}

/**
 * starling_request_get_result_type:
 * @self: a request
 *
 * Returns: the entity type of the answer, or %G_TYPE_NONE
 */
GType
starling_request_get_result_type (StarlingRequest *self)
{
  g_return_val_if_fail (STARLING_IS_REQUEST (self), G_TYPE_NONE);

  return self->result_type;
}

/**
 * starling_request_set_page_size:
 * @self: a request for a list
 * @page_size: how many items a full page holds: the `limit` sent, or the
 *   endpoint's default
 *
 * Without a `Link` header, a page is followed by an older one only when it
 * was full.
 */
void
starling_request_set_page_size (StarlingRequest *self,
                                guint            page_size)
{
  g_return_if_fail (STARLING_IS_REQUEST (self));

  self->page_size = page_size;
}

/**
 * starling_request_get_page_size:
 * @self: a request
 *
 * Returns: the size of a full page: the `limit` parameter when there is
 *   one, else the endpoint's default (0 when unknown)
 */
guint
starling_request_get_page_size (StarlingRequest *self)
{
  const char *limit;

  g_return_val_if_fail (STARLING_IS_REQUEST (self), 0);

  limit = starling_request_get_param (self, "limit");
  if (limit != NULL)
    {
      guint64 value = 0;

      if (g_ascii_string_to_unsigned (limit, 10, 1, G_MAXUINT, &value, NULL))
        return (guint) value;
    }

  return self->page_size;
}

/**
 * starling_request_build_uri:
 * @self: a request
 * @base_uri: the server's base URI, as `https://mastodon.social`
 *
 * Returns: (transfer full): the URI the request goes to, with the query of
 *   a `GET`, `HEAD` or `DELETE`
 */
char *
starling_request_build_uri (StarlingRequest *self,
                            const char      *base_uri)
{
  g_autofree char *query = NULL;
  GString *uri;

  g_return_val_if_fail (STARLING_IS_REQUEST (self), NULL);

  if (self->uri != NULL)
    uri = g_string_new (self->uri);
  else
    {
      gsize len;

      g_return_val_if_fail (base_uri != NULL, NULL);
      uri = g_string_new (base_uri);
      len = uri->len;
      while (len > 0 && uri->str[len - 1] == '/')
        len--;
      g_string_truncate (uri, len);
      g_string_append (uri, self->path);
    }

  if (method_has_query (self->method) && self->params->len > 0)
    {
      query = encode_params (self->params);
      g_string_append_c (uri, strchr (uri->str, '?') != NULL ? '&' : '?');
      g_string_append (uri, query);
    }

  return g_string_free (uri, FALSE);
}

static void
set_body (StarlingRequest *self,
          SoupMessage     *message)
{
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);

  if (self->files->len > 0)
    {
      g_autoptr (SoupMultipart) multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
      g_autoptr (GBytes) body = NULL;

      for (guint i = 0; i < self->params->len; i++)
        {
          Param *param = g_ptr_array_index (self->params, i);
          soup_multipart_append_form_string (multipart, param->name, param->value);
        }
      for (guint i = 0; i < self->files->len; i++)
        {
          FilePart *part = g_ptr_array_index (self->files, i);
          soup_multipart_append_form_file (multipart, part->name, part->filename,
                                           part->content_type, part->contents);
        }
      soup_multipart_to_message (multipart, headers, &body);
      soup_message_set_request_body_from_bytes (message, NULL, body);
    }
  else if (self->json_body != NULL)
    {
      g_autofree char *text = json_to_string (self->json_body, FALSE);
      gsize length = strlen (text);
      g_autoptr (GBytes) body = g_bytes_new_take (g_steal_pointer (&text), length);

      soup_message_set_request_body_from_bytes (message, "application/json", body);
    }
  else if (self->params->len > 0)
    {
      g_autofree char *text = encode_params (self->params);
      gsize length = strlen (text);
      g_autoptr (GBytes) body = g_bytes_new_take (g_steal_pointer (&text), length);

      soup_message_set_request_body_from_bytes (message, SOUP_FORM_MIME_TYPE_URLENCODED, body);
    }
  else
    {
      /* No Content-Type on an empty body: Sharkey refuses a JSON type
       * without JSON. */
      soup_message_headers_set_content_length (headers, 0);
    }
}

/**
 * starling_request_build_message:
 * @self: a request
 * @base_uri: the server's base URI
 * @access_token: (nullable): the account's token, sent as
 *   `Authorization: Bearer`
 * @error: return location for a #GError
 *
 * Builds the message to send. Each attempt of a retried request gets a
 * message of its own, with the same `Idempotency-Key`.
 *
 * Returns: (transfer full): the message, or %NULL when the URI cannot be
 *   one (%STARLING_API_ERROR_NOT_FOUND)
 */
SoupMessage *
starling_request_build_message (StarlingRequest  *self,
                                const char       *base_uri,
                                const char       *access_token,
                                GError          **error)
{
  g_autofree char *uri = NULL;
  g_autoptr (GUri) parsed = NULL;
  SoupMessageHeaders *headers;
  SoupMessage *message;

  g_return_val_if_fail (STARLING_IS_REQUEST (self), NULL);

  uri = starling_request_build_uri (self, base_uri);
  parsed = uri != NULL ? g_uri_parse (uri, SOUP_HTTP_URI_FLAGS, NULL) : NULL;
  if (parsed == NULL)
    {
      g_set_error (error, STARLING_API_ERROR, STARLING_API_ERROR_NOT_FOUND,
                   _("“%s” is not a web address"), uri != NULL ? uri : "");
      return NULL;
    }

  message = soup_message_new_from_uri (self->method, parsed);
  headers = soup_message_get_request_headers (message);
  soup_message_headers_replace (headers, "Accept", "application/json");

  if (access_token != NULL && *access_token != '\0')
    {
      g_autofree char *value = g_strconcat ("Bearer ", access_token, NULL);
      soup_message_headers_replace (headers, "Authorization", value);
    }

  if (self->idempotency_key != NULL)
    soup_message_headers_replace (headers, "Idempotency-Key", self->idempotency_key);

  if (!method_has_query (self->method))
    set_body (self, message);

  return message;
}
