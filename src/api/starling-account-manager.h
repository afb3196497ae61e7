/* starling-account-manager.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "api/starling-client.h"
#include "api/starling-oauth.h"
#include "api/starling-streaming.h"
#include "model/starling-account.h"
#include "model/starling-entity-map.h"
#include "store/starling-database.h"
#include "store/starling-secret-store.h"
#include "store/starling-stored-account.h"

G_BEGIN_DECLS

/**
 * StarlingAccountState:
 * @STARLING_ACCOUNT_STATE_LOADING: the token is being looked up
 * @STARLING_ACCOUNT_STATE_READY: signed in; the client can be used
 * @STARLING_ACCOUNT_STATE_NEEDS_SIGN_IN: the server refused the token, or
 *   the keyring holds none; the cached data stays, the user signs in again
 * @STARLING_ACCOUNT_STATE_LOCKED: the keyring is locked; unlocking it
 *   (starling_account_manager_load_async() again) brings the account back
 * @STARLING_ACCOUNT_STATE_UNAVAILABLE: no Secret Service answers; see
 *   starling_account_session_get_error()
 *
 * Where one remembered account stands.
 */
typedef enum
{
  STARLING_ACCOUNT_STATE_LOADING,
  STARLING_ACCOUNT_STATE_READY,
  STARLING_ACCOUNT_STATE_NEEDS_SIGN_IN,
  STARLING_ACCOUNT_STATE_LOCKED,
  STARLING_ACCOUNT_STATE_UNAVAILABLE,
} StarlingAccountState;

GType starling_account_state_get_type (void);
#define STARLING_TYPE_ACCOUNT_STATE (starling_account_state_get_type ())

/**
 * StarlingAccountSession:
 *
 * One account of the user's, alive: what the database remembers of it, its
 * identity map, and once the token is found, its #StarlingClient and its
 * #StarlingStreaming (started by the manager, subscribed to the `user`
 * stream, stopped when the account is removed or needs sign-in).
 * Properties: "handle", "base-uri", "display-name", "avatar-url", "state"
 * and "error" (notified), "account" (the verified #StarlingAccount once
 * known, else %NULL), "entity-map", "client" and "streaming" (notified when
 * they appear or are replaced).
 */
#define STARLING_TYPE_ACCOUNT_SESSION (starling_account_session_get_type ())
G_DECLARE_FINAL_TYPE (StarlingAccountSession, starling_account_session, STARLING, ACCOUNT_SESSION, GObject)

const char                  *starling_account_session_get_handle       (StarlingAccountSession *self);
const char                  *starling_account_session_get_base_uri     (StarlingAccountSession *self);
const char                  *starling_account_session_get_display_name (StarlingAccountSession *self);
const char                  *starling_account_session_get_avatar_url   (StarlingAccountSession *self);
const StarlingStoredAccount *starling_account_session_get_stored       (StarlingAccountSession *self);
StarlingAccountState         starling_account_session_get_state        (StarlingAccountSession *self);
const GError                *starling_account_session_get_error        (StarlingAccountSession *self);
StarlingAccount             *starling_account_session_get_account      (StarlingAccountSession *self);
StarlingEntityMap           *starling_account_session_get_entity_map   (StarlingAccountSession *self);
StarlingClient              *starling_account_session_get_client       (StarlingAccountSession *self);
StarlingStreaming           *starling_account_session_get_streaming    (StarlingAccountSession *self);
StarlingDatabase            *starling_account_session_get_database     (StarlingAccountSession *self);

/**
 * StarlingAccountManager:
 *
 * The user's accounts, in the order of the switcher, as a #GListModel of
 * #StarlingAccountSession. It owns the bridge between the database (what is
 * remembered), the secret store (tokens, app credentials) and the network
 * (clients, streams). Properties: "active" (the account the window shows,
 * notified), "n-items" (notified), "database", "secret-store", "session".
 *
 * With a %NULL secret store (the demo), tokens and app credentials are held
 * in memory only and nothing is written to the keyring.
 *
 * When any client of an account reports %STARLING_API_ERROR_UNAUTHORIZED,
 * the manager marks the account %STARLING_ACCOUNT_STATE_NEEDS_SIGN_IN in
 * the database and in its state; nothing cached is removed.
 */
#define STARLING_TYPE_ACCOUNT_MANAGER (starling_account_manager_get_type ())
G_DECLARE_FINAL_TYPE (StarlingAccountManager, starling_account_manager, STARLING, ACCOUNT_MANAGER, GObject)

/* `username@host`, with `:port` when not the scheme's default. */
char                   *starling_account_manager_make_handle         (const char              *base_uri,
                                                                      const char              *username);

/* @database and @secret_store may be NULL (the demo): nothing is then
 * remembered, and secrets live in memory only. */
StarlingAccountManager *starling_account_manager_new                 (SoupSession             *session,
                                                                      StarlingDatabase        *database,
                                                                      StarlingSecretStore     *secret_store);

SoupSession            *starling_account_manager_get_session         (StarlingAccountManager  *self);
StarlingDatabase       *starling_account_manager_get_database        (StarlingAccountManager  *self);
StarlingSecretStore    *starling_account_manager_get_secret_store    (StarlingAccountManager  *self);

/* Reads the remembered accounts and looks up their tokens. Safe to call
 * again (after the keyring was unlocked): accounts already READY are kept. */
void                    starling_account_manager_load_async          (StarlingAccountManager  *self,
                                                                      GCancellable            *cancellable,
                                                                      GAsyncReadyCallback      callback,
                                                                      gpointer                 user_data);
gboolean                starling_account_manager_load_finish         (StarlingAccountManager  *self,
                                                                      GAsyncResult            *result,
                                                                      GError                 **error);

StarlingAccountSession *starling_account_manager_get_active          (StarlingAccountManager  *self);
void                    starling_account_manager_set_active          (StarlingAccountManager  *self,
                                                                      StarlingAccountSession  *account);
StarlingAccountSession *starling_account_manager_lookup              (StarlingAccountManager  *self,
                                                                      const char              *handle);

/* A StarlingOAuth for @base_uri, ready to authorize: discovered, and
 * registered unless app credentials for the server were already in the
 * secret store (new ones are saved there). */
void                    starling_account_manager_prepare_oauth_async (StarlingAccountManager  *self,
                                                                      const char              *base_uri,
                                                                      GCancellable            *cancellable,
                                                                      GAsyncReadyCallback      callback,
                                                                      gpointer                 user_data);
StarlingOAuth          *starling_account_manager_prepare_oauth_finish (StarlingAccountManager *self,
                                                                      GAsyncResult            *result,
                                                                      GError                 **error);

/* Verifies @access_token against @base_uri, stores it in the secret store,
 * remembers the account in the database, and makes it the active one.
 * Signing in again to an account already known replaces its token and
 * clears its needs-sign-in state. Returns (transfer full) the account. */
void                    starling_account_manager_add_async           (StarlingAccountManager  *self,
                                                                      const char              *base_uri,
                                                                      const char              *access_token,
                                                                      GCancellable            *cancellable,
                                                                      GAsyncReadyCallback      callback,
                                                                      gpointer                 user_data);
StarlingAccountSession *starling_account_manager_add_finish          (StarlingAccountManager  *self,
                                                                      GAsyncResult            *result,
                                                                      GError                 **error);

/* Revokes the token (a failure to revoke is not an error: the token is
 * forgotten anyway), clears the secret, and removes the account and its
 * cached data from the database. */
void                    starling_account_manager_remove_async        (StarlingAccountManager  *self,
                                                                      StarlingAccountSession  *account,
                                                                      GCancellable            *cancellable,
                                                                      GAsyncReadyCallback      callback,
                                                                      gpointer                 user_data);
gboolean                starling_account_manager_remove_finish       (StarlingAccountManager  *self,
                                                                      GAsyncResult            *result,
                                                                      GError                 **error);

/* Moves @account to @position in the switcher, and saves the order. */
void                    starling_account_manager_move_async          (StarlingAccountManager  *self,
                                                                      StarlingAccountSession  *account,
                                                                      guint                    position,
                                                                      GCancellable            *cancellable,
                                                                      GAsyncReadyCallback      callback,
                                                                      gpointer                 user_data);
gboolean                starling_account_manager_move_finish         (StarlingAccountManager  *self,
                                                                      GAsyncResult            *result,
                                                                      GError                 **error);

G_END_DECLS
