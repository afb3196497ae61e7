/* starling-entity.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "starling-entity-map.h"

G_BEGIN_DECLS

#define STARLING_MODEL_ERROR (starling_model_error_quark ())

/**
 * StarlingModelError:
 * @STARLING_MODEL_ERROR_MALFORMED: the document is not JSON, or is nested
 *   deeper than any real entity
 * @STARLING_MODEL_ERROR_WRONG_TYPE: the document is not of the expected
 *   shape (an array where an object was expected, and so on)
 * @STARLING_MODEL_ERROR_MISSING_FIELD: a field the entity cannot do
 *   without is missing, null or unusable; the message names it
 *
 * Errors from decoding entities.
 */
typedef enum
{
  STARLING_MODEL_ERROR_MALFORMED,
  STARLING_MODEL_ERROR_WRONG_TYPE,
  STARLING_MODEL_ERROR_MISSING_FIELD,
} StarlingModelError;

GQuark starling_model_error_quark (void);

#define STARLING_TYPE_ENTITY (starling_entity_get_type ())

G_DECLARE_DERIVABLE_TYPE (StarlingEntity, starling_entity, STARLING, ENTITY, GObject)

typedef struct _StarlingDecoder StarlingDecoder;

/**
 * StarlingEntityClass:
 * @has_identity: whether objects of the class are unique per account by
 *   their `id` property, through the #StarlingEntityMap
 * @decode_extra: called after the properties were decoded, for what a
 *   property cannot say by itself (derived values, cross-field checks)
 *
 * The base of every entity of the Mastodon API. A subclass declares its
 * state as properties and the decoder fills them: each property is read
 * from the JSON member of the same name with `-` as `_` (or the path set
 * with starling_param_spec_set_member()), converted by the property's type.
 * The base class stores the values, so subclasses only declare properties
 * and typed getters.
 */
struct _StarlingEntityClass
{
  GObjectClass parent_class;

  gboolean has_identity;

  gboolean (*decode_extra) (StarlingEntity  *self,
                            JsonObject      *object,
                            StarlingDecoder *decoder,
                            GError         **error);

  /*< private >*/
  gpointer padding[8];
};

/* Declaring properties */
void         starling_entity_class_install_properties (StarlingEntityClass *klass,
                                                       guint                n_pspecs,
                                                       GParamSpec         **pspecs);
GParamSpec  *starling_param_spec_required             (GParamSpec          *pspec);
GParamSpec  *starling_param_spec_set_member           (GParamSpec          *pspec,
                                                       const char          *path);
GParamSpec  *starling_param_spec_set_element_type     (GParamSpec          *pspec,
                                                       GType                element_type);
GParamSpec  *starling_param_spec_set_local            (GParamSpec          *pspec);

/* Decoding */
JsonNode    *starling_json_parse                      (const char          *data,
                                                       gssize               length,
                                                       GError             **error);
gpointer     starling_entity_decode                   (GType                type,
                                                       JsonNode            *node,
                                                       StarlingEntityMap   *map,
                                                       GError             **error);
gpointer     starling_entity_decode_full              (GType                type,
                                                       JsonNode            *node,
                                                       StarlingEntityMap   *map,
                                                       GStrv               *notes,
                                                       GError             **error);
GPtrArray   *starling_entity_decode_array             (GType                type,
                                                       JsonNode            *node,
                                                       StarlingEntityMap   *map,
                                                       GError             **error);
gpointer     starling_entity_intern                   (gpointer             entity,
                                                       StarlingEntityMap   *map);
JsonNode    *starling_entity_encode                   (StarlingEntity      *self);
gpointer     starling_decoder_decode                  (StarlingDecoder     *decoder,
                                                       GType                type,
                                                       JsonNode            *node,
                                                       GError             **error);
void         starling_decoder_note                    (StarlingDecoder     *decoder,
                                                       const char          *format,
                                                       ...) G_GNUC_PRINTF (2, 3);

/* Reading and writing the stored values, for subclasses' getters and setters */
const char  *starling_entity_get_string               (StarlingEntity      *self,
                                                       GParamSpec          *pspec);
gboolean     starling_entity_get_boolean              (StarlingEntity      *self,
                                                       GParamSpec          *pspec);
gint64       starling_entity_get_int64                (StarlingEntity      *self,
                                                       GParamSpec          *pspec);
int          starling_entity_get_int                  (StarlingEntity      *self,
                                                       GParamSpec          *pspec);
double       starling_entity_get_double               (StarlingEntity      *self,
                                                       GParamSpec          *pspec);
int          starling_entity_get_enum                 (StarlingEntity      *self,
                                                       GParamSpec          *pspec);
gpointer     starling_entity_get_object               (StarlingEntity      *self,
                                                       GParamSpec          *pspec);
gpointer     starling_entity_get_boxed                (StarlingEntity      *self,
                                                       GParamSpec          *pspec);
const GValue *starling_entity_peek_value              (StarlingEntity      *self,
                                                       GParamSpec          *pspec);
gboolean     starling_entity_set_value                (StarlingEntity      *self,
                                                       GParamSpec          *pspec,
                                                       const GValue        *value);
gboolean     starling_entity_set_boolean              (StarlingEntity      *self,
                                                       GParamSpec          *pspec,
                                                       gboolean             value);
gboolean     starling_entity_set_int64                (StarlingEntity      *self,
                                                       GParamSpec          *pspec,
                                                       gint64               value);
gboolean     starling_entity_set_string               (StarlingEntity      *self,
                                                       GParamSpec          *pspec,
                                                       const char          *value);
gboolean     starling_entity_set_object               (StarlingEntity      *self,
                                                       GParamSpec          *pspec,
                                                       gpointer             value);

const char  *starling_entity_get_id                   (StarlingEntity      *self);

/* The flags of every entity property. */
#define STARLING_PARAM_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

/**
 * STARLING_DEFINE_GETTER:
 * @TypeName: the entity's type name, as `StarlingAccount`
 * @type_name: its function prefix, as `starling_account`
 * @ret: the C type the getter returns
 * @name: the getter's name after `get_`
 * @PROP: the property's enum value, an index into the file's `properties`
 * @kind: which starling_entity_get_*() reads it: string, boolean, int,
 *   int64, double, enum, object or boxed
 *
 * Defines the getter of one stored property. Entities declare their
 * getters in their header with gtk-doc there; the definitions are all
 * alike, so they come from this one macro.
 */
#define STARLING_DEFINE_GETTER(TypeName, type_name, ret, name, PROP, kind)       \
  ret                                                                            \
  type_name##_get_##name (TypeName *self)                                        \
  {                                                                              \
    g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, type_name##_get_type ()), \
                          (ret) 0);                                              \
    return (ret) starling_entity_get_##kind (STARLING_ENTITY (self), properties[PROP]); \
  }

G_END_DECLS
