/* starling-stored-draft.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "starling-stored-draft.h"

G_DEFINE_BOXED_TYPE (StarlingStoredDraft, starling_stored_draft,
                     starling_stored_draft_copy, starling_stored_draft_free)

/**
 * starling_stored_draft_new:
 * @handle: the account's `user@server`
 * @text: (nullable): what was written; %NULL for nothing yet
 *
 * Returns: (transfer full): a new draft, never saved (id 0)
 */
StarlingStoredDraft *
starling_stored_draft_new (const char *handle,
                           const char *text)
{
  StarlingStoredDraft *self;

  g_return_val_if_fail (handle != NULL, NULL);

  self = g_new0 (StarlingStoredDraft, 1);
  self->handle = g_strdup (handle);
  self->text = g_strdup (text != NULL ? text : "");

  return self;
}

/**
 * starling_stored_draft_copy:
 * @self: a draft
 *
 * Returns: (transfer full): a copy of @self
 */
StarlingStoredDraft *
starling_stored_draft_copy (const StarlingStoredDraft *self)
{
  StarlingStoredDraft *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = starling_stored_draft_new (self->handle, self->text);
  copy->id = self->id;
  copy->spoiler_text = g_strdup (self->spoiler_text);
  copy->visibility = g_strdup (self->visibility);
  copy->language = g_strdup (self->language);
  copy->in_reply_to_id = g_strdup (self->in_reply_to_id);
  copy->media_json = g_strdup (self->media_json);
  copy->poll_json = g_strdup (self->poll_json);
  copy->scheduled_at = self->scheduled_at;
  copy->updated_at = self->updated_at;

  return copy;
}

/**
 * starling_stored_draft_free:
 * @self: (nullable): a draft
 */
void
starling_stored_draft_free (StarlingStoredDraft *self)
{
  if (self == NULL)
    return;

  g_free (self->handle);
  g_free (self->text);
  g_free (self->spoiler_text);
  g_free (self->visibility);
  g_free (self->language);
  g_free (self->in_reply_to_id);
  g_free (self->media_json);
  g_free (self->poll_json);
  g_free (self);
}
