/* starling-tag.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include "starling-tag-history.h"

#include "starling-tag.h"

/**
 * StarlingTag:
 *
 * A hashtag, as used in a status (`name` and `url` only) or as returned by
 * the tag endpoints, with its recent `history` and whether the signed-in
 * account follows it. `name` is written as the author wrote it; compare
 * tags case-insensitively.
 */
struct _StarlingTag
{
  StarlingEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (StarlingTag, starling_tag, STARLING_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_URL,
  PROP_HISTORY,
  PROP_FOLLOWING,
  PROP_FEATURING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
starling_tag_class_init (StarlingTagClass *klass)
{
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_NAME] = starling_param_spec_required (
    g_param_spec_string ("name", NULL, NULL, NULL, STARLING_PARAM_FLAGS));
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL, STARLING_PARAM_FLAGS);
  properties[PROP_HISTORY] =
    starling_param_spec_set_element_type (
      g_param_spec_boxed ("history", NULL, NULL, G_TYPE_PTR_ARRAY, STARLING_PARAM_FLAGS),
      STARLING_TYPE_TAG_HISTORY);
  properties[PROP_FOLLOWING] =
    g_param_spec_boolean ("following", NULL, NULL, FALSE, STARLING_PARAM_FLAGS);
  properties[PROP_FEATURING] =
    g_param_spec_boolean ("featuring", NULL, NULL, FALSE, STARLING_PARAM_FLAGS);

  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
starling_tag_init (StarlingTag *self)
{
}

STARLING_DEFINE_GETTER (StarlingTag, starling_tag, const char *, id, PROP_ID, string)
STARLING_DEFINE_GETTER (StarlingTag, starling_tag, const char *, name, PROP_NAME, string)
STARLING_DEFINE_GETTER (StarlingTag, starling_tag, const char *, url, PROP_URL, string)
STARLING_DEFINE_GETTER (StarlingTag, starling_tag, GPtrArray  *, history, PROP_HISTORY, boxed)
STARLING_DEFINE_GETTER (StarlingTag, starling_tag, gboolean, following, PROP_FOLLOWING, boolean)
STARLING_DEFINE_GETTER (StarlingTag, starling_tag, gboolean, featuring, PROP_FEATURING, boolean)

/**
 * starling_tag_set_following:
 * @self: a tag
 * @following: whether the signed-in account follows it
 *
 * Sets `following` ahead of the server's answer, so the button follows the
 * click at once. Set the answer's value when it comes, or the old value
 * back when the request fails; a setter notifies only when the value
 * changes.
 */
void
starling_tag_set_following (StarlingTag *self,
                            gboolean     following)
{
  g_return_if_fail (STARLING_IS_TAG (self));

  starling_entity_set_boolean (STARLING_ENTITY (self), properties[PROP_FOLLOWING], following);
}
