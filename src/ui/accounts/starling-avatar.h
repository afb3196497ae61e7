/* starling-avatar.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

void        starling_avatar_load_async  (SoupSession          *session,
                                         const char           *url,
                                         int                   size,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
GdkTexture *starling_avatar_load_finish (GAsyncResult         *result,
                                         GError              **error);

void        starling_avatar_set_url     (AdwAvatar            *avatar,
                                         SoupSession          *session,
                                         const char           *url);

G_END_DECLS
