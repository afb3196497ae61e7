/* starling-avatar.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ui/media/starling-image-loader.h"

G_BEGIN_DECLS

void  starling_avatar_set_url  (AdwAvatar           *avatar,
                                StarlingImageLoader *loader,
                                const char          *url);
char *starling_plain_name      (const char          *display_name,
                                const char          *handle);

G_END_DECLS
