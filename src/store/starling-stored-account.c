/* starling-stored-account.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "starling-stored-account.h"

G_DEFINE_BOXED_TYPE (StarlingStoredAccount, starling_stored_account,
                     starling_stored_account_copy, starling_stored_account_free)

/**
 * starling_stored_account_new:
 * @handle: `user@server`
 * @base_uri: the server's base URI
 * @account_id: the account's id on its server
 *
 * Returns: (transfer full): a new account record, first in the switcher and
 *   signed in
 */
StarlingStoredAccount *
starling_stored_account_new (const char *handle,
                             const char *base_uri,
                             const char *account_id)
{
  StarlingStoredAccount *self;

  g_return_val_if_fail (handle != NULL, NULL);
  g_return_val_if_fail (base_uri != NULL, NULL);
  g_return_val_if_fail (account_id != NULL, NULL);

  self = g_new0 (StarlingStoredAccount, 1);
  self->handle = g_strdup (handle);
  self->base_uri = g_strdup (base_uri);
  self->account_id = g_strdup (account_id);

  return self;
}

/**
 * starling_stored_account_copy:
 * @self: an account record
 *
 * Returns: (transfer full): a copy of @self
 */
StarlingStoredAccount *
starling_stored_account_copy (const StarlingStoredAccount *self)
{
  StarlingStoredAccount *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = starling_stored_account_new (self->handle, self->base_uri, self->account_id);
  copy->display_name = g_strdup (self->display_name);
  copy->avatar_url = g_strdup (self->avatar_url);
  copy->position = self->position;
  copy->needs_sign_in = self->needs_sign_in;

  return copy;
}

/**
 * starling_stored_account_free:
 * @self: (nullable): an account record
 */
void
starling_stored_account_free (StarlingStoredAccount *self)
{
  if (self == NULL)
    return;

  g_free (self->handle);
  g_free (self->base_uri);
  g_free (self->account_id);
  g_free (self->display_name);
  g_free (self->avatar_url);
  g_free (self);
}
