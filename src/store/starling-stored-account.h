/* starling-stored-account.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * StarlingStoredAccount:
 * @handle: the account's `user@server`, its key everywhere in the store
 * @base_uri: the server's base URI (`https://server`)
 * @account_id: the account's id on its server
 * @display_name: (nullable): the name shown in the account switcher
 * @avatar_url: (nullable): the avatar shown in the account switcher
 * @position: the account's place in the switcher, from 0
 * @needs_sign_in: the server refused the stored token; the account waits
 *   for the user to sign in again
 *
 * An account as the database remembers it: enough to show the switcher and
 * the cached timelines before any network answer. The token is not here: it
 * lives only in the Secret Service.
 */
typedef struct
{
  char     *handle;
  char     *base_uri;
  char     *account_id;
  char     *display_name;
  char     *avatar_url;
  int       position;
  gboolean  needs_sign_in;
} StarlingStoredAccount;

#define STARLING_TYPE_STORED_ACCOUNT (starling_stored_account_get_type ())

GType                  starling_stored_account_get_type (void) G_GNUC_CONST;
StarlingStoredAccount *starling_stored_account_new      (const char                  *handle,
                                                         const char                  *base_uri,
                                                         const char                  *account_id);
StarlingStoredAccount *starling_stored_account_copy     (const StarlingStoredAccount *self);
void                   starling_stored_account_free     (StarlingStoredAccount       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StarlingStoredAccount, starling_stored_account_free)

G_END_DECLS
