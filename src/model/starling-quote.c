/* starling-quote.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-model"

#include "config.h"

#include "starling-status.h"

#include "starling-quote.h"

/**
 * StarlingQuote:
 *
 * The post a status quotes. Mastodon (4.4) sends either a Quote, with the
 * whole `quoted_status`, or a ShallowQuote, with only `quoted_status_id`
 * (inside a quoted post, where the nesting stops); both decode to this
 * type, and `quoted-status-id` is set in either case. The quoted status
 * may be missing even in a full Quote, when it was deleted or may not be
 * seen: `state` says which. A state Starling does not know reads as
 * @STARLING_QUOTE_STATE_UNAUTHORIZED, so nothing is shown that should not
 * be.
 *
 * Akkoma puts the quoted status itself in `quote`, without a state; that
 * reads as an accepted quote of it. (Such a derived state is not updated
 * when a newer copy is merged into an existing quote; the quoted status
 * itself is, through the identity map.)
 */
struct _StarlingQuote
{
  StarlingEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (StarlingQuote, starling_quote, STARLING_TYPE_ENTITY)

G_DEFINE_ENUM_TYPE (StarlingQuoteState, starling_quote_state,
  G_DEFINE_ENUM_VALUE (STARLING_QUOTE_STATE_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (STARLING_QUOTE_STATE_PENDING, "pending"),
  G_DEFINE_ENUM_VALUE (STARLING_QUOTE_STATE_ACCEPTED, "accepted"),
  G_DEFINE_ENUM_VALUE (STARLING_QUOTE_STATE_REJECTED, "rejected"),
  G_DEFINE_ENUM_VALUE (STARLING_QUOTE_STATE_REVOKED, "revoked"),
  G_DEFINE_ENUM_VALUE (STARLING_QUOTE_STATE_DELETED, "deleted"),
  G_DEFINE_ENUM_VALUE (STARLING_QUOTE_STATE_UNAUTHORIZED, "unauthorized"),
  G_DEFINE_ENUM_VALUE (STARLING_QUOTE_STATE_BLOCKED_ACCOUNT, "blocked_account"),
  G_DEFINE_ENUM_VALUE (STARLING_QUOTE_STATE_BLOCKED_DOMAIN, "blocked_domain"),
  G_DEFINE_ENUM_VALUE (STARLING_QUOTE_STATE_MUTED_ACCOUNT, "muted_account"))

enum {
  PROP_0,
  PROP_STATE,
  PROP_QUOTED_STATUS,
  PROP_QUOTED_STATUS_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
set_state (StarlingEntity     *entity,
           StarlingQuoteState  state)
{
  g_auto (GValue) value = G_VALUE_INIT;

  g_value_init (&value, STARLING_TYPE_QUOTE_STATE);
  g_value_set_enum (&value, state);
  starling_entity_set_value (entity, properties[PROP_STATE], &value);
}

/* Akkoma's `quote` is the quoted status itself. */
static gboolean
decode_bare_status (StarlingEntity  *entity,
                    JsonObject      *object,
                    StarlingDecoder *decoder,
                    GError         **error)
{
  g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autoptr (StarlingStatus) status = NULL;

  status = starling_decoder_decode (decoder, STARLING_TYPE_STATUS, node, error);
  if (status == NULL)
    return FALSE;

  starling_entity_set_object (entity, properties[PROP_QUOTED_STATUS], status);
  set_state (entity, STARLING_QUOTE_STATE_ACCEPTED);

  return TRUE;
}

static gboolean
starling_quote_decode_extra (StarlingEntity  *entity,
                             JsonObject      *object,
                             StarlingDecoder *decoder,
                             GError         **error)
{
  StarlingStatus *status;

  if (!json_object_has_member (object, "state") &&
      !json_object_has_member (object, "quoted_status") &&
      !json_object_has_member (object, "quoted_status_id"))
    {
      g_autoptr (GError) local_error = NULL;

      if (!json_object_has_member (object, "id") ||
          !decode_bare_status (entity, object, decoder, &local_error))
        {
          g_set_error (error, STARLING_MODEL_ERROR, STARLING_MODEL_ERROR_MISSING_FIELD,
                       "StarlingQuote: missing field “state”%s%s",
                       local_error != NULL ? ", and not a status: " : "",
                       local_error != NULL ? local_error->message : "");
          return FALSE;
        }
    }

  /* API-NOTES: treat an unknown state as unauthorized. */
  if (starling_quote_get_state (STARLING_QUOTE (entity)) == STARLING_QUOTE_STATE_UNKNOWN)
    set_state (entity, STARLING_QUOTE_STATE_UNAUTHORIZED);

  status = starling_quote_get_quoted_status (STARLING_QUOTE (entity));
  if (status != NULL && starling_quote_get_quoted_status_id (STARLING_QUOTE (entity)) == NULL)
    starling_entity_set_string (entity, properties[PROP_QUOTED_STATUS_ID],
                                starling_status_get_id (status));

  return TRUE;
}

static void
starling_quote_class_init (StarlingQuoteClass *klass)
{
  StarlingEntityClass *entity_class = STARLING_ENTITY_CLASS (klass);

  entity_class->decode_extra = starling_quote_decode_extra;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, STARLING_TYPE_QUOTE_STATE,
                       STARLING_QUOTE_STATE_UNKNOWN, STARLING_PARAM_FLAGS);
  properties[PROP_QUOTED_STATUS] =
    g_param_spec_object ("quoted-status", NULL, NULL, STARLING_TYPE_STATUS, STARLING_PARAM_FLAGS);
  properties[PROP_QUOTED_STATUS_ID] =
    g_param_spec_string ("quoted-status-id", NULL, NULL, NULL, STARLING_PARAM_FLAGS);

  starling_entity_class_install_properties (entity_class, N_PROPS, properties);
}

static void
starling_quote_init (StarlingQuote *self)
{
}

STARLING_DEFINE_GETTER (StarlingQuote, starling_quote, StarlingQuoteState, state, PROP_STATE, enum)
STARLING_DEFINE_GETTER (StarlingQuote, starling_quote, StarlingStatus *, quoted_status, PROP_QUOTED_STATUS, object)
STARLING_DEFINE_GETTER (StarlingQuote, starling_quote, const char *, quoted_status_id, PROP_QUOTED_STATUS_ID, string)
