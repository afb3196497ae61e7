/* starling-database.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "starling-stored-account.h"
#include "starling-stored-draft.h"

G_BEGIN_DECLS

#define STARLING_TYPE_DATABASE (starling_database_get_type ())

G_DECLARE_FINAL_TYPE (StarlingDatabase, starling_database, STARLING, DATABASE, GObject)

/* The newest schema this build knows. */
#define STARLING_DATABASE_SCHEMA_VERSION 2
/* The most statuses kept per cached timeline. */
#define STARLING_DATABASE_TIMELINE_CACHE_LIMIT 200

char             *starling_database_default_path          (void);

void              starling_database_open_async            (const char           *path,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
StarlingDatabase *starling_database_open_finish           (GAsyncResult         *result,
                                                           GError              **error);

const char       *starling_database_get_path              (StarlingDatabase     *self);
const char       *starling_database_get_recovered_path    (StarlingDatabase     *self);
int               starling_database_get_schema_version    (StarlingDatabase     *self);

void              starling_database_save_account_async    (StarlingDatabase            *self,
                                                           const StarlingStoredAccount *account,
                                                           GCancellable                *cancellable,
                                                           GAsyncReadyCallback          callback,
                                                           gpointer                     user_data);
void              starling_database_list_accounts_async   (StarlingDatabase     *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
GPtrArray        *starling_database_list_accounts_finish  (StarlingDatabase     *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void              starling_database_remove_account_async  (StarlingDatabase     *self,
                                                           const char           *handle,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
void              starling_database_reorder_accounts_async (StarlingDatabase    *self,
                                                            const char * const  *handles,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
void              starling_database_set_needs_sign_in_async (StarlingDatabase   *self,
                                                             const char         *handle,
                                                             gboolean            needs_sign_in,
                                                             GCancellable       *cancellable,
                                                             GAsyncReadyCallback callback,
                                                             gpointer            user_data);

void              starling_database_save_timeline_async   (StarlingDatabase     *self,
                                                           const char           *handle,
                                                           const char           *timeline,
                                                           GPtrArray            *documents,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
void              starling_database_load_timeline_async   (StarlingDatabase     *self,
                                                           const char           *handle,
                                                           const char           *timeline,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
GPtrArray        *starling_database_load_timeline_finish  (StarlingDatabase     *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

/* Settings that belong with the data (`active-account`): a %NULL value
 * removes the setting. */
void              starling_database_set_setting_async     (StarlingDatabase     *self,
                                                           const char           *key,
                                                           const char           *value,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
void              starling_database_get_setting_async     (StarlingDatabase     *self,
                                                           const char           *key,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
char             *starling_database_get_setting_finish    (StarlingDatabase     *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

/* Drafts */
void              starling_database_save_draft_async      (StarlingDatabase          *self,
                                                           const StarlingStoredDraft *draft,
                                                           GCancellable              *cancellable,
                                                           GAsyncReadyCallback        callback,
                                                           gpointer                   user_data);
gint64            starling_database_save_draft_finish     (StarlingDatabase     *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void              starling_database_list_drafts_async     (StarlingDatabase     *self,
                                                           const char           *handle,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
GPtrArray        *starling_database_list_drafts_finish    (StarlingDatabase     *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void              starling_database_delete_draft_async    (StarlingDatabase     *self,
                                                           gint64                id,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);

/* The finish function of every call above that returns nothing. */
gboolean          starling_database_write_finish          (StarlingDatabase     *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

G_END_DECLS
