/* starling-entity.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "text/starling-time.h"

#include "starling-entity.h"
#include "starling-entity-private.h"

/* Nested entities deeper than this are not real documents: a status holds a
 * boost, which holds a quote, which holds a status, and so on, a few levels
 * at most. */
#define MAX_ENTITY_DEPTH 16
/* json-glib's parser recurses on nesting: refuse absurd documents before
 * they reach it. */
#define MAX_JSON_DEPTH 256

typedef struct
{
  /* Indexed by param_id; slot 0 is unused, as PROP_0 is. */
  GPtrArray  *pspecs;
  GParamSpec *id_pspec;
} ClassData;

typedef struct
{
  GValue *values;
  guint8 *present;
  guint   n_values;
  /* While the decoder fills a fresh object, whatever decode_extra sets
   * counts as brought by the document, so merges carry it over. */
  guint   decoding : 1;
} StarlingEntityPrivate;

struct _StarlingDecoder
{
  GPtrArray *notes;
  guint      depth;
};

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (StarlingEntity, starling_entity, G_TYPE_OBJECT)

G_DEFINE_QUARK (starling-model-error-quark, starling_model_error)
/* Private quarks: declared static first, so G_DEFINE_QUARK's definitions
 * stay inside this file. */
static GQuark class_data_quark (void);
static GQuark member_quark (void);
static GQuark element_type_quark (void);
static GQuark required_quark (void);
static GQuark local_quark (void);
G_DEFINE_QUARK (starling-entity-class-data, class_data)
G_DEFINE_QUARK (starling-entity-member, member)
G_DEFINE_QUARK (starling-entity-element-type, element_type)
G_DEFINE_QUARK (starling-entity-required, required)
G_DEFINE_QUARK (starling-entity-local, local)

static ClassData *
get_class_data (GType type)
{
  ClassData *data = NULL;

  /* Walk up: a class without properties of its own uses its parent's. */
  while (data == NULL && g_type_is_a (type, STARLING_TYPE_ENTITY))
    {
      data = g_type_get_qdata (type, class_data_quark ());
      type = g_type_parent (type);
    }

  return data;
}

static StarlingEntityPrivate *
get_private (StarlingEntity *self)
{
  StarlingEntityPrivate *priv = starling_entity_get_instance_private (self);

  /* The values are set up on first use: while a parent's instance_init runs
   * the concrete class is not known yet. */
  if G_UNLIKELY (priv->values == NULL)
    {
      ClassData *data = get_class_data (G_OBJECT_TYPE (self));
      guint n = data != NULL ? data->pspecs->len : 1;

      priv->n_values = n;
      priv->values = g_new0 (GValue, n);
      priv->present = g_new0 (guint8, (n + 7) / 8);

      for (guint i = 1; i < n; i++)
        {
          GParamSpec *pspec = g_ptr_array_index (data->pspecs, i);

          g_value_init (&priv->values[i], pspec->value_type);
          g_param_value_set_default (pspec, &priv->values[i]);
        }
    }

  return priv;
}

static GValue *
value_slot (StarlingEntity *self,
            GParamSpec     *pspec)
{
  StarlingEntityPrivate *priv = get_private (self);

  g_assert (pspec->param_id > 0 && pspec->param_id < priv->n_values);
  g_assert (g_type_is_a (G_OBJECT_TYPE (self), pspec->owner_type));

  return &priv->values[pspec->param_id];
}

static void
mark_present (StarlingEntity *self,
              GParamSpec     *pspec)
{
  StarlingEntityPrivate *priv = get_private (self);

  priv->present[pspec->param_id / 8] |= 1 << (pspec->param_id % 8);
}

static gboolean
is_present (StarlingEntity *self,
            GParamSpec     *pspec)
{
  StarlingEntityPrivate *priv = get_private (self);

  return (priv->present[pspec->param_id / 8] & (1 << (pspec->param_id % 8))) != 0;
}

static gboolean
is_entity_type (GType type)
{
  return g_type_is_a (type, STARLING_TYPE_ENTITY);
}

static gboolean
has_identity (gpointer object)
{
  return object != NULL && STARLING_ENTITY_GET_CLASS (object)->has_identity;
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  GType type = pspec->value_type;

  if (type == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;

  if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *x = g_value_get_boxed (a);
      GDateTime *y = g_value_get_boxed (b);

      if (x == NULL || y == NULL)
        return x == y;
      return g_date_time_equal (x, y);
    }

  if (type == G_TYPE_STRV)
    {
      const char * const *x = g_value_get_boxed (a);
      const char * const *y = g_value_get_boxed (b);

      if (x == NULL || y == NULL)
        return x == y;
      return g_strv_equal (x, y);
    }

  if (type == G_TYPE_PTR_ARRAY)
    {
      GPtrArray *x = g_value_get_boxed (a);
      GPtrArray *y = g_value_get_boxed (b);

      if (x == NULL || y == NULL)
        return x == y;
      if (x->len != y->len)
        return FALSE;
      for (guint i = 0; i < x->len; i++)
        if (x->pdata[i] != y->pdata[i])
          return FALSE;
      return TRUE;
    }

  if (type == JSON_TYPE_NODE)
    {
      JsonNode *x = g_value_get_boxed (a);
      JsonNode *y = g_value_get_boxed (b);

      if (x == NULL || y == NULL)
        return x == y;
      return json_node_equal (x, y);
    }

  if (G_TYPE_IS_OBJECT (type))
    return g_value_get_object (a) == g_value_get_object (b);

  return g_param_values_cmp (pspec, a, b) == 0;
}

static char *
member_name (GParamSpec *pspec)
{
  const char *path = g_param_spec_get_qdata (pspec, member_quark ());

  if (path != NULL)
    return g_strdup (path);

  return g_strdelimit (g_strdup (g_param_spec_get_name (pspec)), "-", '_');
}

/* Finds the node at a dotted path such as `configuration.statuses.max_characters`. */
static JsonNode *
lookup_member (JsonObject *object,
               const char *path)
{
  const char *dot;

  while ((dot = strchr (path, '.')) != NULL)
    {
      g_autofree char *step = g_strndup (path, dot - path);
      JsonNode *child = json_object_get_member (object, step);

      if (child == NULL || !JSON_NODE_HOLDS_OBJECT (child))
        return NULL;
      object = json_node_get_object (child);
      path = dot + 1;
    }

  return json_object_get_member (object, path);
}

static gboolean
number_from_node (JsonNode *node,
                  double   *number,
                  gint64   *integer,
                  gboolean *is_integer)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    {
      *integer = json_node_get_int (node);
      *number = (double) *integer;
      *is_integer = TRUE;
      return TRUE;
    }
  if (type == G_TYPE_DOUBLE)
    {
      *number = json_node_get_double (node);
      *is_integer = FALSE;
      return isfinite (*number);
    }
  if (type == G_TYPE_STRING)
    {
      /* Some servers send counts as strings. */
      const char *text = json_node_get_string (node);
      char *end = NULL;

      if (text == NULL || *text == '\0')
        return FALSE;
      *number = g_ascii_strtod (text, &end);
      if (*end != '\0' || !isfinite (*number))
        return FALSE;
      *is_integer = FALSE;
      return TRUE;
    }

  return FALSE;
}

static double
clamp_double (double value,
              double minimum,
              double maximum)
{
  return CLAMP (value, minimum, maximum);
}

static gboolean
decode_number (GParamSpec *pspec,
               JsonNode   *node,
               GValue     *out)
{
  double number;
  gint64 integer = 0;
  gboolean is_integer;
  GType type = pspec->value_type;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return FALSE;
  if (!number_from_node (node, &number, &integer, &is_integer))
    return FALSE;

  /* Whatever the server sends, the value stays within the property's range:
   * a count of 10^30 reads as the largest count we can hold. */
  if (type == G_TYPE_INT)
    {
      GParamSpecInt *p = G_PARAM_SPEC_INT (pspec);

      if (is_integer)
        g_value_set_int (out, (int) CLAMP (integer, p->minimum, p->maximum));
      else
        g_value_set_int (out, (int) clamp_double (number, p->minimum, p->maximum));
    }
  else if (type == G_TYPE_UINT)
    {
      GParamSpecUInt *p = G_PARAM_SPEC_UINT (pspec);

      if (is_integer)
        g_value_set_uint (out, (guint) CLAMP (integer, (gint64) p->minimum, (gint64) p->maximum));
      else
        g_value_set_uint (out, (guint) clamp_double (number, p->minimum, p->maximum));
    }
  else if (type == G_TYPE_INT64)
    {
      GParamSpecInt64 *p = G_PARAM_SPEC_INT64 (pspec);

      if (is_integer)
        g_value_set_int64 (out, CLAMP (integer, p->minimum, p->maximum));
      else if (number >= 9.2e18)
        g_value_set_int64 (out, p->maximum);
      else if (number <= -9.2e18)
        g_value_set_int64 (out, p->minimum);
      else
        g_value_set_int64 (out, CLAMP ((gint64) number, p->minimum, p->maximum));
    }
  else if (type == G_TYPE_DOUBLE)
    {
      GParamSpecDouble *p = G_PARAM_SPEC_DOUBLE (pspec);

      g_value_set_double (out, clamp_double (number, p->minimum, p->maximum));
    }
  else
    return FALSE;

  return TRUE;
}

static char *
string_from_node (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      if (g_utf8_validate (text, -1, NULL))
        return g_strdup (text);
      return g_utf8_make_valid (text, -1);
    }
  /* Ids are strings, but some servers send numbers. */
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (type == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);

      if (!isfinite (d))
        return NULL;
      if (d == floor (d) && fabs (d) < 1e21)
        return g_strdup_printf ("%.0f", d);
      return g_strdup_printf ("%.17g", d);
    }

  return NULL;
}

static GStrv
strv_from_node (JsonNode *node)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *text = string_from_node (json_array_get_element (array, i));

          if (text != NULL)
            g_strv_builder_add (builder, text);
        }
    }
  else
    {
      /* A lone string where a list is documented (redirect_uris). */
      g_autofree char *text = string_from_node (node);

      if (text == NULL)
        return NULL;
      g_strv_builder_add (builder, text);
    }

  return g_strv_builder_end (builder);
}

static gboolean
decode_value (StarlingDecoder *decoder,
              GParamSpec      *pspec,
              JsonNode        *node,
              GValue          *out,
              GError         **error)
{
  GType type = pspec->value_type;

  if (type == G_TYPE_STRING)
    {
      char *text = string_from_node (node);

      if (text == NULL)
        return FALSE;
      g_value_take_string (out, text);
      return TRUE;
    }

  if (type == G_TYPE_BOOLEAN)
    {
      if (!JSON_NODE_HOLDS_VALUE (node))
        return FALSE;
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_BOOLEAN:
          g_value_set_boolean (out, json_node_get_boolean (node));
          return TRUE;
        case G_TYPE_INT64:
          g_value_set_boolean (out, json_node_get_int (node) != 0);
          return TRUE;
        case G_TYPE_STRING:
          {
            const char *text = json_node_get_string (node);

            if (g_strcmp0 (text, "true") == 0 || g_strcmp0 (text, "1") == 0)
              g_value_set_boolean (out, TRUE);
            else if (g_strcmp0 (text, "false") == 0 || g_strcmp0 (text, "0") == 0)
              g_value_set_boolean (out, FALSE);
            else
              return FALSE;
            return TRUE;
          }
        default:
          return FALSE;
        }
    }

  if (type == G_TYPE_INT || type == G_TYPE_UINT || type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
    return decode_number (pspec, node, out);

  if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr (GEnumClass) klass = g_type_class_ref (type);
      g_autofree char *text = string_from_node (node);
      GEnumValue *value;

      if (text == NULL)
        return FALSE;
      value = g_enum_get_value_by_nick (klass, text);
      if (value == NULL)
        {
          /* Unknown values are kept as the default (the "unknown" member);
           * the raw text stays available where a property asks for it. */
          starling_decoder_note (decoder, "unknown value “%s” for %s", text, pspec->name);
          g_param_value_set_default (pspec, out);
          return TRUE;
        }
      g_value_set_enum (out, value->value);
      return TRUE;
    }

  if (type == G_TYPE_DATE_TIME)
    {
      g_autoptr (GDateTime) time = NULL;
      double number;
      gint64 integer;
      gboolean is_integer;

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        time = starling_time_parse (json_node_get_string (node));
      else if (number_from_node (node, &number, &integer, &is_integer) &&
               number > -62135596800.0 && number < 253402300799.0)
        time = g_date_time_new_from_unix_utc ((gint64) number);

      if (time == NULL)
        return FALSE;
      g_value_set_boxed (out, time);
      return TRUE;
    }

  if (type == G_TYPE_STRV)
    {
      GStrv strv = strv_from_node (node);

      if (strv == NULL)
        return FALSE;
      g_value_take_boxed (out, strv);
      return TRUE;
    }

  if (type == JSON_TYPE_NODE)
    {
      g_value_take_boxed (out, json_node_copy (node));
      return TRUE;
    }

  if (type == G_TYPE_PTR_ARRAY)
    {
      GType element_type = GPOINTER_TO_SIZE (g_param_spec_get_qdata (pspec, element_type_quark ()));
      GPtrArray *items;
      JsonArray *array;

      g_assert (is_entity_type (element_type));
      if (!JSON_NODE_HOLDS_ARRAY (node))
        return FALSE;

      array = json_node_get_array (node);
      items = g_ptr_array_new_full (json_array_get_length (array), g_object_unref);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autoptr (GError) local_error = NULL;
          gpointer item;

          /* One unusable attachment or mention does not lose the post. */
          item = starling_decoder_decode (decoder, element_type,
                                          json_array_get_element (array, i), &local_error);
          if (item != NULL)
            g_ptr_array_add (items, item);
          else
            starling_decoder_note (decoder, "%s[%u] skipped: %s", pspec->name, i, local_error->message);
        }
      g_value_take_boxed (out, items);
      return TRUE;
    }

  if (is_entity_type (type))
    {
      g_autoptr (GError) local_error = NULL;
      gpointer item = starling_decoder_decode (decoder, type, node, &local_error);

      if (item == NULL)
        {
          if (g_param_spec_get_qdata (pspec, required_quark ()) != NULL)
            {
              g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", pspec->name);
              return FALSE;
            }
          starling_decoder_note (decoder, "%s unusable: %s", pspec->name, local_error->message);
          return FALSE;
        }
      g_value_take_object (out, item);
      return TRUE;
    }

  g_critical ("Property %s of %s has a type the decoder does not know: %s",
              pspec->name, g_type_name (pspec->owner_type), g_type_name (type));
  return FALSE;
}

static gboolean
decode_object (StarlingEntity  *self,
               JsonObject      *object,
               StarlingDecoder *decoder,
               GError         **error)
{
  ClassData *data = get_class_data (G_OBJECT_TYPE (self));
  StarlingEntityClass *klass = STARLING_ENTITY_GET_CLASS (self);

  for (guint i = 1; i < data->pspecs->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (data->pspecs, i);
      gboolean required = g_param_spec_get_qdata (pspec, required_quark ()) != NULL;
      g_autofree char *path = NULL;
      g_auto (GValue) value = G_VALUE_INIT;
      g_autoptr (GError) local_error = NULL;
      JsonNode *node;

      if (g_param_spec_get_qdata (pspec, local_quark ()) != NULL)
        continue;

      path = member_name (pspec);
      node = lookup_member (object, path);

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        {
          if (required)
            {
              g_set_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_MISSING_FIELD,
                           "%s: missing field “%s”", G_OBJECT_TYPE_NAME (self), path);
              return FALSE;
            }
          /* An explicit null clears a value (edited_at, reblog, poll…). */
          if (node != NULL)
            mark_present (self, pspec);
          continue;
        }

      g_value_init (&value, pspec->value_type);
      if (!decode_value (decoder, pspec, node, &value, &local_error))
        {
          if (local_error != NULL || required)
            {
              if (local_error != NULL)
                g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                            "%s: ", G_OBJECT_TYPE_NAME (self));
              else
                g_set_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_MISSING_FIELD,
                             "%s: unusable field “%s”", G_OBJECT_TYPE_NAME (self), path);
              return FALSE;
            }
          starling_decoder_note (decoder, "%s: ignored “%s” of the wrong type",
                                 G_OBJECT_TYPE_NAME (self), path);
          continue;
        }

      /* A fresh object: no one is listening yet, so no need to compare. */
      g_value_copy (&value, g_value_reset (value_slot (self, pspec)));
      mark_present (self, pspec);
    }

  if (klass->decode_extra != NULL)
    {
      StarlingEntityPrivate *priv = get_private (self);
      gboolean ok;

      priv->decoding = TRUE;
      ok = klass->decode_extra (self, object, decoder, error);
      priv->decoding = FALSE;

      return ok;
    }

  return TRUE;
}

static void
starling_entity_generic_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  g_value_copy (value_slot (STARLING_ENTITY (object), pspec), value);
}

static void
starling_entity_generic_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  starling_entity_set_value (STARLING_ENTITY (object), pspec, value);
}

static void
starling_entity_finalize (GObject *object)
{
  StarlingEntity *self = STARLING_ENTITY (object);
  StarlingEntityPrivate *priv = starling_entity_get_instance_private (self);

  for (guint i = 1; i < priv->n_values; i++)
    g_value_unset (&priv->values[i]);
  g_clear_pointer (&priv->values, g_free);
  g_clear_pointer (&priv->present, g_free);

  G_OBJECT_CLASS (starling_entity_parent_class)->finalize (object);
}

static void
starling_entity_class_init (StarlingEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = starling_entity_finalize;
}

static void
starling_entity_init (StarlingEntity *self)
{
}

/**
 * starling_entity_class_install_properties:
 * @klass: an entity class
 * @n_pspecs: the length of @pspecs
 * @pspecs: the properties, with %NULL at index 0 as for
 *   g_object_class_install_properties()
 *
 * Installs an entity's properties. The base class stores their values and
 * decodes them from JSON, so the subclass needs no get_property or
 * set_property of its own.
 */
void
starling_entity_class_install_properties (StarlingEntityClass *klass,
                                          guint                n_pspecs,
                                          GParamSpec         **pspecs)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ClassData *data;

  g_return_if_fail (STARLING_IS_ENTITY_CLASS (klass));
  g_return_if_fail (n_pspecs > 0 && pspecs[0] == NULL);

  object_class->get_property = starling_entity_generic_get_property;
  object_class->set_property = starling_entity_generic_set_property;
  g_object_class_install_properties (object_class, n_pspecs, pspecs);

  data = g_new0 (ClassData, 1);
  data->pspecs = g_ptr_array_new ();
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_ptr_array_add (data->pspecs, pspecs[i]);
      if (pspecs[i] != NULL && g_str_equal (pspecs[i]->name, "id"))
        data->id_pspec = pspecs[i];
    }
  g_assert (!klass->has_identity || data->id_pspec != NULL);

  /* Class data lives as long as the type, that is for the whole process. */
  g_type_set_qdata (G_TYPE_FROM_CLASS (klass), class_data_quark (), data);
}

/**
 * starling_param_spec_required:
 * @pspec: a property of an entity
 *
 * Marks @pspec as required: an entity whose JSON lacks it, has it null or of
 * an unusable type fails to decode with an error naming the field.
 *
 * Returns: (transfer none): @pspec
 */
GParamSpec *
starling_param_spec_required (GParamSpec *pspec)
{
  g_param_spec_set_qdata (pspec, required_quark (), GINT_TO_POINTER (TRUE));
  return pspec;
}

/**
 * starling_param_spec_set_member:
 * @pspec: a property of an entity
 * @path: the JSON member it is read from, with dots for nested objects
 *   (`configuration.statuses.max_characters`)
 *
 * Returns: (transfer none): @pspec
 */
GParamSpec *
starling_param_spec_set_member (GParamSpec *pspec,
                                const char *path)
{
  g_param_spec_set_qdata_full (pspec, member_quark (), g_strdup (path), g_free);
  return pspec;
}

/**
 * starling_param_spec_set_element_type:
 * @pspec: a #GPtrArray property of an entity
 * @element_type: the entity type of its elements
 *
 * Returns: (transfer none): @pspec
 */
GParamSpec *
starling_param_spec_set_element_type (GParamSpec *pspec,
                                      GType       element_type)
{
  g_return_val_if_fail (pspec->value_type == G_TYPE_PTR_ARRAY, pspec);

  g_param_spec_set_qdata (pspec, element_type_quark (), GSIZE_TO_POINTER (element_type));
  return pspec;
}

/**
 * starling_param_spec_set_local:
 * @pspec: a property of an entity
 *
 * Marks @pspec as Starling's own state, never read from JSON (whether a
 * content warning is open, say).
 *
 * Returns: (transfer none): @pspec
 */
GParamSpec *
starling_param_spec_set_local (GParamSpec *pspec)
{
  g_param_spec_set_qdata (pspec, local_quark (), GINT_TO_POINTER (TRUE));
  return pspec;
}

static gboolean
check_depth (const char *data,
             gsize       length,
             GError    **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > MAX_JSON_DEPTH)
            {
              g_set_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_MALFORMED,
                           "The document is nested more than %d levels deep", MAX_JSON_DEPTH);
              return FALSE;
            }
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }

  return TRUE;
}

/**
 * starling_json_parse:
 * @data: (array length=length): the document
 * @length: its length in bytes, or -1 when it ends with a NUL
 * @error: return location for a #GError
 *
 * Parses a JSON document from a server. Refuses documents nested deeper
 * than any real one, which would otherwise exhaust the stack of json-glib's
 * recursive parser, and empty bodies.
 *
 * Returns: (transfer full): the root node, or %NULL with @error set to
 *   %STARLING_MODEL_ERROR_MALFORMED
 */
JsonNode *
starling_json_parse (const char *data,
                     gssize      length,
                     GError    **error)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (data);

  if (!check_depth (data, length, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_MALFORMED,
                   "The server sent malformed JSON: %s", local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_MALFORMED,
                           "The server sent an empty document");
      return NULL;
    }

  return json_node_ref (root);
}

/**
 * starling_decoder_note:
 * @decoder: the decoder at work
 * @format: printf()-style text
 * @...: its arguments
 *
 * Records something the document got wrong that decoding could live with
 * (an optional field of the wrong type, an unknown enum value), for
 * starling_entity_decode_full() and the debug log.
 */
void
starling_decoder_note (StarlingDecoder *decoder,
                       const char      *format,
                       ...)
{
  va_list args;
  char *note;

  va_start (args, format);
  note = g_strdup_vprintf (format, args);
  va_end (args);

  g_debug ("%s", note);
  if (decoder->notes != NULL)
    g_ptr_array_add (decoder->notes, note);
  else
    g_free (note);
}

/**
 * starling_decoder_decode:
 * @decoder: the decoder at work
 * @type: an entity type
 * @node: the JSON of one entity
 * @error: return location for a #GError
 *
 * Decodes a nested entity, for a subclass's decode_extra.
 *
 * Returns: (transfer full) (type StarlingEntity): a new entity, or %NULL
 */
gpointer
starling_decoder_decode (StarlingDecoder *decoder,
                         GType            type,
                         JsonNode        *node,
                         GError         **error)
{
  g_autoptr (StarlingEntity) self = NULL;
  gboolean ok;

  g_return_val_if_fail (is_entity_type (type) && !G_TYPE_IS_ABSTRACT (type), NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_WRONG_TYPE,
                   "%s: expected an object, got %s", g_type_name (type),
                   node != NULL ? json_node_type_name (node) : "nothing");
      return NULL;
    }

  if (decoder->depth >= MAX_ENTITY_DEPTH)
    {
      g_set_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_MALFORMED,
                   "%s: entities nested more than %d levels deep", g_type_name (type),
                   MAX_ENTITY_DEPTH);
      return NULL;
    }

  self = g_object_new (type, NULL);
  decoder->depth++;
  ok = decode_object (self, json_node_get_object (node), decoder, error);
  decoder->depth--;

  if (!ok)
    return NULL;

  return g_steal_pointer (&self);
}

/* Whether @target can be reached from @from through entity properties. A
 * server that says an account moved to itself, or a boost of a boost of
 * the same post, must not make a reference cycle (and a leak) in the map. */
static gboolean
reaches (StarlingEntity *from,
         StarlingEntity *target,
         guint           depth)
{
  ClassData *data;

  if (from == target)
    return TRUE;
  if (from == NULL || depth > MAX_ENTITY_DEPTH)
    return FALSE;

  data = get_class_data (G_OBJECT_TYPE (from));
  for (guint i = 1; i < data->pspecs->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (data->pspecs, i);

      if (is_entity_type (pspec->value_type))
        {
          if (reaches (g_value_get_object (value_slot (from, pspec)), target, depth + 1))
            return TRUE;
        }
      else if (pspec->value_type == G_TYPE_PTR_ARRAY)
        {
          GPtrArray *items = g_value_get_boxed (value_slot (from, pspec));

          for (guint j = 0; items != NULL && j < items->len; j++)
            if (reaches (items->pdata[j], target, depth + 1))
              return TRUE;
        }
    }

  return FALSE;
}

/* Copies what @fresh's document held into @existing, notifying only what
 * changed. Nested entities without an identity of their own (a preview
 * card) are merged in place rather than replaced, so their watchers keep
 * watching. */
static void
merge_into (StarlingEntity *existing,
            StarlingEntity *fresh)
{
  ClassData *data = get_class_data (G_OBJECT_TYPE (existing));

  g_assert (G_OBJECT_TYPE (existing) == G_OBJECT_TYPE (fresh));

  g_object_freeze_notify (G_OBJECT (existing));

  for (guint i = 1; i < data->pspecs->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (data->pspecs, i);
      GValue *old_value;
      GValue *new_value;

      if (!is_present (fresh, pspec))
        continue;

      old_value = value_slot (existing, pspec);
      new_value = value_slot (fresh, pspec);

      if (is_entity_type (pspec->value_type))
        {
          StarlingEntity *old_child = g_value_get_object (old_value);
          StarlingEntity *new_child = g_value_get_object (new_value);

          if (old_child != NULL && new_child != NULL && old_child != new_child &&
              !has_identity (new_child) &&
              G_OBJECT_TYPE (old_child) == G_OBJECT_TYPE (new_child))
            {
              merge_into (old_child, new_child);
              continue;
            }

          if (reaches (new_child, existing, 0))
            {
              g_debug ("Ignored %s of %s: it would refer back to itself",
                       pspec->name, G_OBJECT_TYPE_NAME (existing));
              continue;
            }
        }
      else if (pspec->value_type == G_TYPE_PTR_ARRAY)
        {
          GPtrArray *old_items = g_value_get_boxed (old_value);
          GPtrArray *new_items = g_value_get_boxed (new_value);
          gboolean mergeable = old_items != NULL && new_items != NULL &&
                               old_items->len == new_items->len;

          for (guint j = 0; mergeable && j < new_items->len; j++)
            mergeable = old_items->pdata[j] == new_items->pdata[j] ||
                        (!has_identity (new_items->pdata[j]) &&
                         G_OBJECT_TYPE (old_items->pdata[j]) == G_OBJECT_TYPE (new_items->pdata[j]));

          if (mergeable)
            {
              for (guint j = 0; j < new_items->len; j++)
                if (old_items->pdata[j] != new_items->pdata[j])
                  merge_into (old_items->pdata[j], new_items->pdata[j]);
              continue;
            }
        }

      starling_entity_set_value (existing, pspec, new_value);
      mark_present (existing, pspec);
    }

  g_object_thaw_notify (G_OBJECT (existing));
}

/* Replaces @fresh, and every entity inside it, by the object already alive
 * for the same id, updated with what @fresh brought. @done maps the
 * objects already seen in this walk to what they became (holding a
 * reference on both), so an account that a page names twenty times is
 * merged once, and a pointer freed during the walk is never mistaken for
 * one seen before. */
static StarlingEntity *
intern (StarlingEntity    *fresh,
        StarlingEntityMap *map,
        GHashTable        *done)
{
  ClassData *data = get_class_data (G_OBJECT_TYPE (fresh));
  StarlingEntity *result;
  const char *id;

  result = g_hash_table_lookup (done, fresh);
  if (result != NULL)
    return g_object_ref (result);

  for (guint i = 1; i < data->pspecs->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (data->pspecs, i);
      GValue *slot = value_slot (fresh, pspec);

      if (is_entity_type (pspec->value_type) && g_value_get_object (slot) != NULL)
        {
          g_value_take_object (slot, intern (g_value_get_object (slot), map, done));
        }
      else if (pspec->value_type == G_TYPE_PTR_ARRAY && g_value_get_boxed (slot) != NULL)
        {
          GPtrArray *items = g_value_get_boxed (slot);

          for (guint j = 0; j < items->len; j++)
            {
              StarlingEntity *item = intern (items->pdata[j], map, done);

              g_object_unref (items->pdata[j]);
              items->pdata[j] = item;
            }
        }
    }

  if (!has_identity (fresh) || (id = starling_entity_get_id (fresh)) == NULL)
    {
      result = g_object_ref (fresh);
    }
  else
    {
      result = starling_entity_map_lookup (map, G_OBJECT_TYPE (fresh), id);
      if (result == NULL)
        {
          starling_entity_map_insert (map, G_OBJECT (fresh), id);
          result = g_object_ref (fresh);
        }
      else if (result != fresh)
        {
          merge_into (result, fresh);
        }
    }

  g_hash_table_insert (done, g_object_ref (fresh), g_object_ref (result));

  return result;
}

static GHashTable *
new_done_table (void)
{
  return g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
}

/**
 * starling_entity_decode_full:
 * @type: an entity type, such as %STARLING_TYPE_STATUS
 * @node: the JSON of one entity
 * @map: (nullable): the identity map of the account the document came from
 * @notes: (out) (optional) (transfer full): what the document got wrong
 *   that decoding could live with
 * @error: return location for a #GError
 *
 * Decodes one entity. Nothing in @node is trusted: every optional field may
 * be missing, null or of the wrong type, ids may be numbers, and unknown
 * enum values are kept as "unknown". A missing required field fails with
 * %STARLING_MODEL_ERROR_MISSING_FIELD and a message naming it.
 *
 * With @map, an entity whose id is already alive is updated in place
 * (notifying only the properties that changed) and returned instead of a
 * second object, and so is every entity nested in it. Use the map from the
 * main thread only, as its objects are bound to widgets; decoding without a
 * map is safe on any thread.
 *
 * Returns: (transfer full) (type StarlingEntity): the entity, or %NULL
 */
gpointer
starling_entity_decode_full (GType              type,
                             JsonNode          *node,
                             StarlingEntityMap *map,
                             GStrv             *notes,
                             GError           **error)
{
  StarlingDecoder decoder = { NULL, 0 };
  g_autoptr (StarlingEntity) fresh = NULL;

  g_return_val_if_fail (is_entity_type (type), NULL);
  g_return_val_if_fail (map == NULL || STARLING_IS_ENTITY_MAP (map), NULL);

  if (notes != NULL)
    decoder.notes = g_ptr_array_new_with_free_func (g_free);

  fresh = starling_decoder_decode (&decoder, type, node, error);

  if (notes != NULL)
    {
      g_ptr_array_add (decoder.notes, NULL);
      *notes = (GStrv) g_ptr_array_free (decoder.notes, FALSE);
    }

  if (fresh == NULL)
    return NULL;

  if (map != NULL)
    {
      g_autoptr (GHashTable) done = new_done_table ();

      return intern (fresh, map, done);
    }

  return g_steal_pointer (&fresh);
}

/**
 * starling_entity_decode:
 * @type: an entity type
 * @node: the JSON of one entity
 * @map: (nullable): the identity map of the account the document came from
 * @error: return location for a #GError
 *
 * Like starling_entity_decode_full(), without the notes.
 *
 * Returns: (transfer full) (type StarlingEntity): the entity, or %NULL
 */
gpointer
starling_entity_decode (GType              type,
                        JsonNode          *node,
                        StarlingEntityMap *map,
                        GError           **error)
{
  return starling_entity_decode_full (type, node, map, NULL, error);
}

/**
 * starling_entity_decode_array:
 * @type: an entity type
 * @node: a JSON array of entities, as a page of a timeline
 * @map: (nullable): the identity map of the account
 * @error: return location for a #GError
 *
 * Decodes a list of entities. An element that cannot be decoded is left out
 * (and logged), so one broken post does not lose a whole page; a document
 * that is not an array fails with %STARLING_MODEL_ERROR_WRONG_TYPE.
 *
 * Returns: (transfer full) (element-type StarlingEntity): the entities
 */
GPtrArray *
starling_entity_decode_array (GType              type,
                              JsonNode          *node,
                              StarlingEntityMap *map,
                              GError           **error)
{
  g_autoptr (GPtrArray) items = NULL;
  JsonArray *array;

  g_return_val_if_fail (is_entity_type (type), NULL);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_WRONG_TYPE,
                   "Expected a list of %s, got %s", g_type_name (type),
                   node != NULL ? json_node_type_name (node) : "nothing");
      return NULL;
    }

  array = json_node_get_array (node);
  items = g_ptr_array_new_full (json_array_get_length (array), g_object_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr (GError) local_error = NULL;
      gpointer item = starling_entity_decode (type, json_array_get_element (array, i), map, &local_error);

      if (item == NULL)
        {
          g_debug ("Left out item %u of a list: %s", i, local_error->message);
          continue;
        }
      g_ptr_array_add (items, item);
    }

  return g_steal_pointer (&items);
}

/**
 * starling_entity_intern:
 * @entity: (type StarlingEntity): an entity decoded without the map, on any
 *   thread (a worker decoding a page, say)
 * @map: the identity map of the account it came from
 *
 * Puts @entity, and every entity nested in it, into @map: where an object
 * is already alive for the same id, that object is updated in place with
 * what @entity's document held (notifying only the properties that
 * changed) and used instead. This is the second half of
 * starling_entity_decode() with a map, for documents decoded off the main
 * thread: the worker decodes, the main thread interns, and nothing is
 * decoded twice. Call it on the main thread, as the map's objects are
 * bound to widgets. @entity's own nested references are replaced by the
 * living objects.
 *
 * Returns: (transfer full) (type StarlingEntity): the object alive for
 *   @entity's id in @map (@entity itself when none was), or @entity when
 *   its type has no identity
 */
gpointer
starling_entity_intern (gpointer           entity,
                        StarlingEntityMap *map)
{
  g_autoptr (GHashTable) done = NULL;

  g_return_val_if_fail (STARLING_IS_ENTITY (entity), NULL);
  g_return_val_if_fail (STARLING_IS_ENTITY_MAP (map), NULL);

  done = new_done_table ();

  return intern (entity, map, done);
}

/* Where an encoded value goes: @path's parent objects are made as needed,
 * and the last step is returned in @member. */
static JsonObject *
member_parent (JsonObject  *object,
               const char  *path,
               const char **member)
{
  const char *dot;

  while ((dot = strchr (path, '.')) != NULL)
    {
      g_autofree char *step = g_strndup (path, dot - path);
      JsonNode *child = json_object_get_member (object, step);

      if (child == NULL || !JSON_NODE_HOLDS_OBJECT (child))
        {
          JsonObject *fresh = json_object_new ();

          json_object_set_object_member (object, step, fresh);
          child = json_object_get_member (object, step);
        }
      object = json_node_get_object (child);
      path = dot + 1;
    }

  *member = path;
  return object;
}

static JsonNode *encode_entity (StarlingEntity *self,
                                guint           depth);

static JsonNode *
encode_value (GParamSpec   *pspec,
              const GValue *value,
              guint         depth)
{
  GType type = pspec->value_type;
  JsonNode *node = json_node_alloc ();

  if (type == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (value);

      if (text == NULL)
        goto none;
      return json_node_init_string (node, text);
    }

  if (type == G_TYPE_BOOLEAN)
    return json_node_init_boolean (node, g_value_get_boolean (value));
  if (type == G_TYPE_INT)
    return json_node_init_int (node, g_value_get_int (value));
  if (type == G_TYPE_UINT)
    return json_node_init_int (node, g_value_get_uint (value));
  if (type == G_TYPE_INT64)
    return json_node_init_int (node, g_value_get_int64 (value));
  if (type == G_TYPE_DOUBLE)
    return json_node_init_double (node, g_value_get_double (value));

  if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr (GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *enum_value = g_enum_get_value (klass, g_value_get_enum (value));

      if (enum_value == NULL)
        goto none;
      return json_node_init_string (node, enum_value->value_nick);
    }

  if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *time = g_value_get_boxed (value);
      g_autoptr (GDateTime) utc = NULL;
      g_autofree char *seconds = NULL;
      g_autofree char *text = NULL;

      if (time == NULL)
        goto none;
      /* Milliseconds and `Z`, as Mastodon writes them; microseconds when
       * the time has them (a rate limit's reset, some markers). */
      utc = g_date_time_to_utc (time);
      seconds = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
      if (seconds == NULL)
        goto none;
      if (g_date_time_get_microsecond (utc) % 1000 == 0)
        text = g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (utc) / 1000);
      else
        text = g_strdup_printf ("%s.%06dZ", seconds, g_date_time_get_microsecond (utc));
      return json_node_init_string (node, text);
    }

  if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (value);
      JsonArray *array;

      if (strv == NULL)
        goto none;
      array = json_array_sized_new (g_strv_length ((GStrv) strv));
      for (guint i = 0; strv[i] != NULL; i++)
        json_array_add_string_element (array, strv[i]);
      json_node_init_array (node, array);
      json_array_unref (array);
      return node;
    }

  if (type == JSON_TYPE_NODE)
    {
      JsonNode *copy = g_value_get_boxed (value);

      json_node_unref (node);
      return copy != NULL ? json_node_copy (copy) : NULL;
    }

  if (type == G_TYPE_PTR_ARRAY)
    {
      GPtrArray *items = g_value_get_boxed (value);
      JsonArray *array;

      if (items == NULL)
        goto none;
      array = json_array_sized_new (items->len);
      for (guint i = 0; i < items->len; i++)
        {
          JsonNode *element = STARLING_IS_ENTITY (items->pdata[i])
                                ? encode_entity (items->pdata[i], depth + 1) : NULL;

          if (element != NULL)
            json_array_add_element (array, element);
        }
      json_node_init_array (node, array);
      json_array_unref (array);
      return node;
    }

  if (is_entity_type (type))
    {
      StarlingEntity *child = g_value_get_object (value);

      json_node_unref (node);
      return child != NULL ? encode_entity (child, depth + 1) : NULL;
    }

none:
  json_node_unref (node);
  return NULL;
}

static JsonNode *
encode_entity (StarlingEntity *self,
               guint           depth)
{
  ClassData *data = get_class_data (G_OBJECT_TYPE (self));
  JsonObject *object;
  JsonNode *node;

  if (data == NULL || depth >= MAX_ENTITY_DEPTH)
    return NULL;

  object = json_object_new ();
  for (guint i = 1; i < data->pspecs->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (data->pspecs, i);
      g_auto (GValue) fallback = G_VALUE_INIT;
      g_autofree char *path = NULL;
      const GValue *value;
      const char *member;
      JsonObject *parent;

      if (g_param_spec_get_qdata (pspec, local_quark ()) != NULL)
        continue;

      /* What the server never sent and no one set is left out, as the
       * decoder would fill in the same default. */
      value = value_slot (self, pspec);
      g_value_init (&fallback, pspec->value_type);
      g_param_value_set_default (pspec, &fallback);
      if (!is_present (self, pspec) && values_equal (pspec, value, &fallback))
        continue;
      /* An enum at its default is the decoder's answer to a value missing,
       * null or unknown: writing its nick would invent a word the server
       * never sent. */
      if (G_TYPE_IS_ENUM (pspec->value_type) && values_equal (pspec, value, &fallback))
        continue;

      node = encode_value (pspec, value, depth);
      if (node == NULL)
        continue;

      path = member_name (pspec);
      parent = member_parent (object, path, &member);
      /* Two properties may read one member: an enum and the server's own
       * word for it (`visibility`, `type`). The word says more. */
      if (G_TYPE_IS_ENUM (pspec->value_type) && json_object_has_member (parent, member))
        {
          json_node_unref (node);
          continue;
        }
      json_object_set_member (parent, member, node);
    }

  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);

  return node;
}

/**
 * starling_entity_encode:
 * @self: an entity
 *
 * Writes @self back as the JSON the server would send, for the timeline
 * cache: each property under its member (dotted paths as nested objects),
 * enums by their nick, times in ISO 8601 with milliseconds, nested
 * entities as objects. Starling's own state (properties marked with
 * starling_param_spec_set_local()) is left out, and so are values that
 * are neither from the document nor changed since. Decoding the result
 * gives an entity with the same values.
 *
 * Call it where @self lives (the main thread for objects of a map).
 *
 * Returns: (transfer full): a JSON object
 */
JsonNode *
starling_entity_encode (StarlingEntity *self)
{
  g_return_val_if_fail (STARLING_IS_ENTITY (self), NULL);

  return encode_entity (self, 0);
}

/*< private >
 * starling_entity_mark_present:
 * @self: an entity
 * @pspec: one of its properties
 *
 * Counts @pspec's value as part of the document, so that merging @self
 * into the object alive for its id carries it over. For values resolved
 * after decoding (a notification group's accounts), which the decoder did
 * not set itself.
 */
void
starling_entity_mark_present (StarlingEntity *self,
                              GParamSpec     *pspec)
{
  g_return_if_fail (STARLING_IS_ENTITY (self));

  mark_present (self, pspec);
}

/**
 * starling_entity_peek_value:
 * @self: an entity
 * @pspec: one of its properties
 *
 * Returns: (transfer none): the stored value of @pspec
 */
const GValue *
starling_entity_peek_value (StarlingEntity *self,
                            GParamSpec     *pspec)
{
  g_return_val_if_fail (STARLING_IS_ENTITY (self), NULL);

  return value_slot (self, pspec);
}

/**
 * starling_entity_get_string:
 * @self: an entity
 * @pspec: a string property of it
 *
 * Returns: (nullable): the value, owned by @self
 */
const char *
starling_entity_get_string (StarlingEntity *self,
                            GParamSpec     *pspec)
{
  g_return_val_if_fail (STARLING_IS_ENTITY (self), NULL);

  return g_value_get_string (value_slot (self, pspec));
}

/**
 * starling_entity_get_boolean:
 * @self: an entity
 * @pspec: a boolean property of it
 *
 * Returns: the value
 */
gboolean
starling_entity_get_boolean (StarlingEntity *self,
                             GParamSpec     *pspec)
{
  g_return_val_if_fail (STARLING_IS_ENTITY (self), FALSE);

  return g_value_get_boolean (value_slot (self, pspec));
}

/**
 * starling_entity_get_int64:
 * @self: an entity
 * @pspec: an int64 property of it
 *
 * Returns: the value
 */
gint64
starling_entity_get_int64 (StarlingEntity *self,
                           GParamSpec     *pspec)
{
  g_return_val_if_fail (STARLING_IS_ENTITY (self), 0);

  return g_value_get_int64 (value_slot (self, pspec));
}

/**
 * starling_entity_get_int:
 * @self: an entity
 * @pspec: an int property of it
 *
 * Returns: the value
 */
int
starling_entity_get_int (StarlingEntity *self,
                         GParamSpec     *pspec)
{
  g_return_val_if_fail (STARLING_IS_ENTITY (self), 0);

  return g_value_get_int (value_slot (self, pspec));
}

/**
 * starling_entity_get_double:
 * @self: an entity
 * @pspec: a double property of it
 *
 * Returns: the value
 */
double
starling_entity_get_double (StarlingEntity *self,
                            GParamSpec     *pspec)
{
  g_return_val_if_fail (STARLING_IS_ENTITY (self), 0.0);

  return g_value_get_double (value_slot (self, pspec));
}

/**
 * starling_entity_get_enum:
 * @self: an entity
 * @pspec: an enum property of it
 *
 * Returns: the value
 */
int
starling_entity_get_enum (StarlingEntity *self,
                          GParamSpec     *pspec)
{
  g_return_val_if_fail (STARLING_IS_ENTITY (self), 0);

  return g_value_get_enum (value_slot (self, pspec));
}

/**
 * starling_entity_get_object:
 * @self: an entity
 * @pspec: an object property of it
 *
 * Returns: (transfer none) (nullable): the value
 */
gpointer
starling_entity_get_object (StarlingEntity *self,
                            GParamSpec     *pspec)
{
  g_return_val_if_fail (STARLING_IS_ENTITY (self), NULL);

  return g_value_get_object (value_slot (self, pspec));
}

/**
 * starling_entity_get_boxed:
 * @self: an entity
 * @pspec: a boxed property of it (a #GDateTime, a #GPtrArray, a #GStrv…)
 *
 * Returns: (transfer none) (nullable): the value
 */
gpointer
starling_entity_get_boxed (StarlingEntity *self,
                           GParamSpec     *pspec)
{
  g_return_val_if_fail (STARLING_IS_ENTITY (self), NULL);

  return g_value_get_boxed (value_slot (self, pspec));
}

/**
 * starling_entity_set_value:
 * @self: an entity
 * @pspec: one of its properties
 * @value: the new value
 *
 * Stores @value and notifies @pspec, unless the value is the same.
 *
 * Returns: whether the value changed
 */
gboolean
starling_entity_set_value (StarlingEntity *self,
                           GParamSpec     *pspec,
                           const GValue   *value)
{
  GValue *slot;

  g_return_val_if_fail (STARLING_IS_ENTITY (self), FALSE);

  slot = value_slot (self, pspec);
  if (get_private (self)->decoding)
    mark_present (self, pspec);
  if (values_equal (pspec, slot, value))
    return FALSE;

  g_value_copy (value, g_value_reset (slot));
  g_object_notify_by_pspec (G_OBJECT (self), pspec);

  return TRUE;
}

/**
 * starling_entity_set_boolean:
 * @self: an entity
 * @pspec: a boolean property of it
 * @value: the new value
 *
 * Returns: whether the value changed
 */
gboolean
starling_entity_set_boolean (StarlingEntity *self,
                             GParamSpec     *pspec,
                             gboolean        value)
{
  g_auto (GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, value);
  return starling_entity_set_value (self, pspec, &v);
}

/**
 * starling_entity_set_int64:
 * @self: an entity
 * @pspec: an int64 property of it
 * @value: the new value
 *
 * Returns: whether the value changed
 */
gboolean
starling_entity_set_int64 (StarlingEntity *self,
                           GParamSpec     *pspec,
                           gint64          value)
{
  g_auto (GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, value);
  return starling_entity_set_value (self, pspec, &v);
}

/**
 * starling_entity_set_string:
 * @self: an entity
 * @pspec: a string property of it
 * @value: (nullable): the new value
 *
 * Returns: whether the value changed
 */
gboolean
starling_entity_set_string (StarlingEntity *self,
                            GParamSpec     *pspec,
                            const char     *value)
{
  g_auto (GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_static_string (&v, value);
  return starling_entity_set_value (self, pspec, &v);
}

/**
 * starling_entity_set_object:
 * @self: an entity
 * @pspec: an object property of it
 * @value: (nullable) (type GObject): the new value
 *
 * Returns: whether the value changed
 */
gboolean
starling_entity_set_object (StarlingEntity *self,
                            GParamSpec     *pspec,
                            gpointer        value)
{
  g_auto (GValue) v = G_VALUE_INIT;

  g_value_init (&v, pspec->value_type);
  g_value_set_object (&v, value);
  return starling_entity_set_value (self, pspec, &v);
}

/**
 * starling_entity_get_id:
 * @self: an entity
 *
 * Returns: (nullable): the `id` of @self, for entities that have one
 */
const char *
starling_entity_get_id (StarlingEntity *self)
{
  ClassData *data;

  g_return_val_if_fail (STARLING_IS_ENTITY (self), NULL);

  data = get_class_data (G_OBJECT_TYPE (self));
  if (data == NULL || data->id_pspec == NULL)
    return NULL;

  return g_value_get_string (value_slot (self, data->id_pspec));
}
