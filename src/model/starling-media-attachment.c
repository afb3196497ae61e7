/* starling-media-attachment.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include <math.h>

#include "starling-media-attachment.h"

/**
 * StarlingMediaAttachment:
 *
 * A picture, video or sound attached to a status. `url` is null while the
 * server still processes an upload, and `remote-url` is the original on
 * the author's server for remote media.
 *
 * The size comes from `meta`, so that a row can reserve its media's space
 * before the picture arrives: `width` and `height` from `meta.original`,
 * else `meta.small`, else `meta` itself (Firefish and others do not nest
 * them), with `size` (`"640x480"`) where the numbers are missing; they are
 * 0 when unknown, as for sounds. `aspect` is width over height, or the
 * `aspect` the server sent when it sent no size, or 0. `focus-x` and
 * `focus-y` are the focal point from `meta.focus`, from -1 (left, bottom)
 * to 1 (right, top), 0 when unset. These five follow `meta` whenever it
 * changes, also when a newer copy is merged through the identity map.
 */
struct _StarlingMediaAttachment
{
  StarlingEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (StarlingMediaAttachment, starling_media_attachment, STARLING_TYPE_ENTITY)

G_DEFINE_ENUM_TYPE (StarlingMediaType, starling_media_type,
  G_DEFINE_ENUM_VALUE (STARLING_MEDIA_TYPE_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (STARLING_MEDIA_TYPE_IMAGE, "image"),
  G_DEFINE_ENUM_VALUE (STARLING_MEDIA_TYPE_GIFV, "gifv"),
  G_DEFINE_ENUM_VALUE (STARLING_MEDIA_TYPE_VIDEO, "video"),
  G_DEFINE_ENUM_VALUE (STARLING_MEDIA_TYPE_AUDIO, "audio"))

enum {
  PROP_0,
  PROP_ID,
  PROP_TYPE,
  PROP_URL,
  PROP_PREVIEW_URL,
  PROP_REMOTE_URL,
  PROP_DESCRIPTION,
  PROP_BLURHASH,
  PROP_META,
  PROP_WIDTH,
  PROP_HEIGHT,
  PROP_ASPECT,
  PROP_FOCUS_X,
  PROP_FOCUS_Y,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static JsonObject *
get_object_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, name);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

/* Reads a finite number, also from a string of one (some servers quote
 * their numbers). */
static gboolean
get_number_member (JsonObject *object,
                   const char *name,
                   double     *out)
{
  JsonNode *node;
  GType type;

  if (object == NULL)
    return FALSE;

  node = json_object_get_member (object, name);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *out = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else if (type == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);
      char *end = NULL;

      if (text == NULL || *text == '\0')
        return FALSE;
      *out = g_ascii_strtod (text, &end);
      if (*end != '\0')
        return FALSE;
    }
  else
    return FALSE;

  return isfinite (*out);
}

/* Finds a usable width and height in one of `meta`'s size objects. */
static gboolean
read_size (JsonObject *object,
           double     *width,
           double     *height)
{
  JsonNode *size;

  if (object == NULL)
    return FALSE;

  if (get_number_member (object, "width", width) &&
      get_number_member (object, "height", height) &&
      *width >= 1 && *height >= 1)
    return TRUE;

  size = json_object_get_member (object, "size");
  if (size != NULL && JSON_NODE_HOLDS_VALUE (size) &&
      json_node_get_value_type (size) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (size);
      char *end = NULL;

      *width = g_ascii_strtod (text, &end);
      if (end != text && *end == 'x')
        {
          const char *rest = end + 1;

          *height = g_ascii_strtod (rest, &end);
          if (end != rest && *end == '\0' && isfinite (*width) && isfinite (*height) &&
              *width >= 1 && *height >= 1)
            return TRUE;
        }
    }

  return FALSE;
}

static void
set_int (StarlingMediaAttachment *self,
         GParamSpec              *pspec,
         int                      number)
{
  g_auto (GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, number);
  starling_entity_set_value (STARLING_ENTITY (self), pspec, &value);
}

static void
set_double (StarlingMediaAttachment *self,
            GParamSpec              *pspec,
            double                   number)
{
  g_auto (GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, number);
  starling_entity_set_value (STARLING_ENTITY (self), pspec, &value);
}

/* Derives the size and the focal point from `meta`. */
static void
update_from_meta (StarlingMediaAttachment *self)
{
  JsonNode *node = starling_media_attachment_get_meta (self);
  JsonObject *meta = NULL;
  JsonObject *candidates[3];
  double width = 0.0;
  double height = 0.0;
  double aspect = 0.0;
  double x = 0.0;
  double y = 0.0;
  gboolean found = FALSE;

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    meta = json_node_get_object (node);

  candidates[0] = get_object_member (meta, "original");
  candidates[1] = get_object_member (meta, "small");
  candidates[2] = meta;

  for (guint i = 0; i < G_N_ELEMENTS (candidates) && !found; i++)
    found = read_size (candidates[i], &width, &height);

  if (found)
    {
      width = MIN (width, (double) G_MAXINT);
      height = MIN (height, (double) G_MAXINT);
      aspect = width / height;
    }
  else
    {
      width = height = 0.0;
      for (guint i = 0; i < G_N_ELEMENTS (candidates) && aspect == 0.0; i++)
        if (!get_number_member (candidates[i], "aspect", &aspect) || aspect <= 0.0)
          aspect = 0.0;
    }

  if (get_number_member (get_object_member (meta, "focus"), "x", &x))
    x = CLAMP (x, -1.0, 1.0);
  if (get_number_member (get_object_member (meta, "focus"), "y", &y))
    y = CLAMP (y, -1.0, 1.0);

  g_object_freeze_notify (G_OBJECT (self));
  set_int (self, properties[PROP_WIDTH], (int) width);
  set_int (self, properties[PROP_HEIGHT], (int) height);
  set_double (self, properties[PROP_ASPECT], aspect);
  set_double (self, properties[PROP_FOCUS_X], x);
  set_double (self, properties[PROP_FOCUS_Y], y);
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
starling_media_attachment_decode_extra (StarlingEntity  *entity,
                                        JsonObject      *object,
                                        StarlingDecoder *decoder,
                                        GError         **error)
{
  update_from_meta (STARLING_MEDIA_ATTACHMENT (entity));

  return TRUE;
}

/* A newer copy merged through the identity map changes `meta` with a
 * notification, never through decode_extra: follow it here. */
static void
starling_media_attachment_notify (GObject    *object,
                                  GParamSpec *pspec)
{
  if (pspec == properties[PROP_META])
    update_from_meta (STARLING_MEDIA_ATTACHMENT (object));

  if (G_OBJECT_CLASS (starling_media_attachment_parent_class)->notify != NULL)
    G_OBJECT_CLASS (starling_media_attachment_parent_class)->notify (object, pspec);
}

static void
starling_media_attachment_class_init (StarlingMediaAttachmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  object_class->notify = starling_media_attachment_notify;

  entity_class->has_identity = TRUE;
  entity_class->decode_extra = starling_media_attachment_decode_extra;

  properties[PROP_ID] = starling_param_spec_required (
    g_param_spec_string ("id", NULL, NULL, NULL, STARLING_PARAM_FLAGS));
  properties[PROP_TYPE] =
    g_param_spec_enum ("type", NULL, NULL, STARLING_TYPE_MEDIA_TYPE,
                       STARLING_MEDIA_TYPE_UNKNOWN, STARLING_PARAM_FLAGS);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_PREVIEW_URL] =
    g_param_spec_string ("preview-url", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_REMOTE_URL] =
    g_param_spec_string ("remote-url", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_BLURHASH] =
    g_param_spec_string ("blurhash", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_META] =
    g_param_spec_boxed ("meta", NULL, NULL, JSON_TYPE_NODE, STARLING_PARAM_FLAGS);
  /* Derived from `meta`, never read from JSON members of their own. */
  properties[PROP_WIDTH] = starling_param_spec_set_local (
    g_param_spec_int ("width", NULL, NULL, 0, G_MAXINT, 0, STARLING_PARAM_FLAGS));
  properties[PROP_HEIGHT] = starling_param_spec_set_local (
    g_param_spec_int ("height", NULL, NULL, 0, G_MAXINT, 0, STARLING_PARAM_FLAGS));
  properties[PROP_ASPECT] = starling_param_spec_set_local (
    g_param_spec_double ("aspect", NULL, NULL, 0.0, G_MAXDOUBLE, 0.0, STARLING_PARAM_FLAGS));
  properties[PROP_FOCUS_X] = starling_param_spec_set_local (
    g_param_spec_double ("focus-x", NULL, NULL, -1.0, 1.0, 0.0, STARLING_PARAM_FLAGS));
  properties[PROP_FOCUS_Y] = starling_param_spec_set_local (
    g_param_spec_double ("focus-y", NULL, NULL, -1.0, 1.0, 0.0, STARLING_PARAM_FLAGS));

  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
starling_media_attachment_init (StarlingMediaAttachment *self)
{
}

STARLING_DEFINE_GETTER (StarlingMediaAttachment, starling_media_attachment, const char *, id, PROP_ID, string)
STARLING_DEFINE_GETTER (StarlingMediaAttachment, starling_media_attachment, StarlingMediaType, media_type, PROP_TYPE, enum)
STARLING_DEFINE_GETTER (StarlingMediaAttachment, starling_media_attachment, const char *, url, PROP_URL, string)
STARLING_DEFINE_GETTER (StarlingMediaAttachment, starling_media_attachment, const char *, preview_url, PROP_PREVIEW_URL, string)
STARLING_DEFINE_GETTER (StarlingMediaAttachment, starling_media_attachment, const char *, remote_url, PROP_REMOTE_URL, string)
STARLING_DEFINE_GETTER (StarlingMediaAttachment, starling_media_attachment, const char *, description, PROP_DESCRIPTION, string)
STARLING_DEFINE_GETTER (StarlingMediaAttachment, starling_media_attachment, const char *, blurhash, PROP_BLURHASH, string)
STARLING_DEFINE_GETTER (StarlingMediaAttachment, starling_media_attachment, JsonNode *, meta, PROP_META, boxed)
STARLING_DEFINE_GETTER (StarlingMediaAttachment, starling_media_attachment, int, width, PROP_WIDTH, int)
STARLING_DEFINE_GETTER (StarlingMediaAttachment, starling_media_attachment, int, height, PROP_HEIGHT, int)
STARLING_DEFINE_GETTER (StarlingMediaAttachment, starling_media_attachment, double, aspect, PROP_ASPECT, double)
STARLING_DEFINE_GETTER (StarlingMediaAttachment, starling_media_attachment, double, focus_x, PROP_FOCUS_X, double)
STARLING_DEFINE_GETTER (StarlingMediaAttachment, starling_media_attachment, double, focus_y, PROP_FOCUS_Y, double)
