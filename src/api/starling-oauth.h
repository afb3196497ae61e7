/* starling-oauth.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "model/starling-account.h"
#include "model/starling-software.h"

#include "starling-app-credentials.h"
#include "starling-oauth-token.h"

G_BEGIN_DECLS

/* The redirect URI that makes the server show the code for pasting. */
#define STARLING_OAUTH_REDIRECT_OOB "urn:ietf:wg:oauth:2.0:oob"
/* The loopback redirect URI Starling registers; at sign-in it carries the
 * port of the moment (RFC 8252 §7.3). */
#define STARLING_OAUTH_REDIRECT_LOOPBACK "http://127.0.0.1/callback"

#define STARLING_TYPE_OAUTH (starling_oauth_get_type ())

G_DECLARE_FINAL_TYPE (StarlingOAuth, starling_oauth, STARLING, OAUTH, GObject)

/**
 * StarlingOAuthOpenUriFunc:
 * @oauth: the #StarlingOAuth
 * @uri: the authorize page to show in the browser
 * @user_data: the data given with the function
 *
 * Opens @uri in the user's browser (gtk_show_uri_full() in the app).
 */
typedef void (*StarlingOAuthOpenUriFunc) (StarlingOAuth *oauth,
                                          const char    *uri,
                                          gpointer       user_data);

StarlingOAuth          *starling_oauth_new                          (SoupSession             *session,
                                                                     const char              *base_uri);

SoupSession            *starling_oauth_get_session                  (StarlingOAuth           *self);
const char             *starling_oauth_get_base_uri                 (StarlingOAuth           *self);
StarlingAppCredentials *starling_oauth_get_credentials              (StarlingOAuth           *self);
void                    starling_oauth_set_credentials              (StarlingOAuth           *self,
                                                                     StarlingAppCredentials  *credentials);
gboolean                starling_oauth_get_exact_redirect_port      (StarlingOAuth           *self);
void                    starling_oauth_set_exact_redirect_port      (StarlingOAuth           *self,
                                                                     gboolean                 exact_redirect_port);
void                    starling_oauth_apply_quirks                 (StarlingOAuth           *self,
                                                                     StarlingSoftwareQuirks   quirks);
gboolean                starling_oauth_get_discovered               (StarlingOAuth           *self);
gboolean                starling_oauth_get_supports_pkce            (StarlingOAuth           *self);
const char             *starling_oauth_get_scopes                   (StarlingOAuth           *self);
const char             *starling_oauth_get_authorization_endpoint   (StarlingOAuth           *self);
const char             *starling_oauth_get_token_endpoint           (StarlingOAuth           *self);
const char             *starling_oauth_get_revocation_endpoint      (StarlingOAuth           *self);

void                    starling_oauth_discover_async               (StarlingOAuth           *self,
                                                                     GCancellable            *cancellable,
                                                                     GAsyncReadyCallback      callback,
                                                                     gpointer                 user_data);
gboolean                starling_oauth_discover_finish              (StarlingOAuth           *self,
                                                                     GAsyncResult            *result,
                                                                     GError                 **error);

void                    starling_oauth_register_async               (StarlingOAuth           *self,
                                                                     GCancellable            *cancellable,
                                                                     GAsyncReadyCallback      callback,
                                                                     gpointer                 user_data);
StarlingAppCredentials *starling_oauth_register_finish              (StarlingOAuth           *self,
                                                                     GAsyncResult            *result,
                                                                     GError                 **error);

void                    starling_oauth_authorize_async              (StarlingOAuth           *self,
                                                                     gboolean                 force_login,
                                                                     StarlingOAuthOpenUriFunc open_uri,
                                                                     gpointer                 open_uri_data,
                                                                     GCancellable            *cancellable,
                                                                     GAsyncReadyCallback      callback,
                                                                     gpointer                 user_data);
StarlingOAuthToken     *starling_oauth_authorize_finish             (StarlingOAuth           *self,
                                                                     GAsyncResult            *result,
                                                                     GError                 **error);

char                   *starling_oauth_get_oob_authorize_uri        (StarlingOAuth           *self,
                                                                     gboolean                 force_login,
                                                                     GError                 **error);
void                    starling_oauth_exchange_code_async          (StarlingOAuth           *self,
                                                                     const char              *code,
                                                                     GCancellable            *cancellable,
                                                                     GAsyncReadyCallback      callback,
                                                                     gpointer                 user_data);
StarlingOAuthToken     *starling_oauth_exchange_code_finish         (StarlingOAuth           *self,
                                                                     GAsyncResult            *result,
                                                                     GError                 **error);

void                    starling_oauth_verify_credentials_async     (StarlingOAuth           *self,
                                                                     const char              *access_token,
                                                                     GCancellable            *cancellable,
                                                                     GAsyncReadyCallback      callback,
                                                                     gpointer                 user_data);
StarlingAccount        *starling_oauth_verify_credentials_finish    (StarlingOAuth           *self,
                                                                     GAsyncResult            *result,
                                                                     GError                 **error);

void                    starling_oauth_sign_in_with_token_async     (StarlingOAuth           *self,
                                                                     const char              *access_token,
                                                                     GCancellable            *cancellable,
                                                                     GAsyncReadyCallback      callback,
                                                                     gpointer                 user_data);
StarlingAccount        *starling_oauth_sign_in_with_token_finish    (StarlingOAuth           *self,
                                                                     GAsyncResult            *result,
                                                                     StarlingOAuthToken     **token,
                                                                     GError                 **error);

void                    starling_oauth_revoke_async                 (StarlingOAuth           *self,
                                                                     const char              *access_token,
                                                                     GCancellable            *cancellable,
                                                                     GAsyncReadyCallback      callback,
                                                                     gpointer                 user_data);
gboolean                starling_oauth_revoke_finish                (StarlingOAuth           *self,
                                                                     GAsyncResult            *result,
                                                                     GError                 **error);

G_END_DECLS
