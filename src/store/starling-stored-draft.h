/* starling-stored-draft.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * StarlingStoredDraft:
 * @handle: the account that writes it, `user@server`
 * @id: the draft's id in the database; 0 for a draft never saved
 * @text: what was written so far (never %NULL; may be empty)
 * @spoiler_text: (nullable): the content warning
 * @visibility: (nullable): `public`, `unlisted`, `private`, `direct`, or a
 *   server's own (`local`…)
 * @language: (nullable): an ISO 639 code
 * @in_reply_to_id: (nullable): the status it answers
 * @media_json: (nullable): the attached media as a JSON array of objects
 *   with `id` and `description` (the alt text)
 * @poll_json: (nullable): the poll as a JSON object (`options`,
 *   `expires_in`, `multiple`, `hide_totals`)
 * @scheduled_at: when to publish it, in Unix seconds; 0 for now
 * @updated_at: when it was last saved, in Unix seconds; set by the
 *   database on each save
 *
 * A post being written, as the database keeps it while the user types, so
 * nothing written is ever lost.
 */
typedef struct
{
  char   *handle;
  gint64  id;
  char   *text;
  char   *spoiler_text;
  char   *visibility;
  char   *language;
  char   *in_reply_to_id;
  char   *media_json;
  char   *poll_json;
  gint64  scheduled_at;
  gint64  updated_at;
} StarlingStoredDraft;

#define STARLING_TYPE_STORED_DRAFT (starling_stored_draft_get_type ())

GType                starling_stored_draft_get_type (void) G_GNUC_CONST;
StarlingStoredDraft *starling_stored_draft_new      (const char                *handle,
                                                     const char                *text);
StarlingStoredDraft *starling_stored_draft_copy     (const StarlingStoredDraft *self);
void                 starling_stored_draft_free     (StarlingStoredDraft       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StarlingStoredDraft, starling_stored_draft_free)

G_END_DECLS
