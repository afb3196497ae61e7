/* starling-secret-store.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * StarlingSecretKind:
 * @STARLING_SECRET_ACCESS_TOKEN: the access token of one account; the key
 *   is the account's handle, `user@server`
 * @STARLING_SECRET_CLIENT_CREDENTIALS: the app's registration on one
 *   server (client id and secret, serialised); the key is the server's base
 *   URI
 *
 * What a secret is, which decides its label and attributes.
 */
typedef enum
{
  STARLING_SECRET_ACCESS_TOKEN,
  STARLING_SECRET_CLIENT_CREDENTIALS,
} StarlingSecretKind;

/* A secret string: wiped when freed with starling_secret_free(). */
typedef char StarlingSecret;

#define STARLING_TYPE_SECRET_STORE (starling_secret_store_get_type ())

G_DECLARE_FINAL_TYPE (StarlingSecretStore, starling_secret_store, STARLING, SECRET_STORE, GObject)

StarlingSecretStore *starling_secret_store_new          (void);

void                 starling_secret_store_store_async  (StarlingSecretStore  *self,
                                                         StarlingSecretKind    kind,
                                                         const char           *key,
                                                         const char           *secret,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean             starling_secret_store_store_finish (StarlingSecretStore  *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
void                 starling_secret_store_lookup_async (StarlingSecretStore  *self,
                                                         StarlingSecretKind    kind,
                                                         const char           *key,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
StarlingSecret      *starling_secret_store_lookup_finish (StarlingSecretStore *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);
void                 starling_secret_store_clear_async  (StarlingSecretStore  *self,
                                                         StarlingSecretKind    kind,
                                                         const char           *key,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean             starling_secret_store_clear_finish (StarlingSecretStore  *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);

void                 starling_secret_free               (StarlingSecret       *secret);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StarlingSecret, starling_secret_free)

G_END_DECLS
