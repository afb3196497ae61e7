/* starling-avatar-stack.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ui/media/starling-image-loader.h"

G_BEGIN_DECLS

#define STARLING_TYPE_AVATAR_STACK (starling_avatar_stack_get_type ())

G_DECLARE_FINAL_TYPE (StarlingAvatarStack, starling_avatar_stack, STARLING, AVATAR_STACK, GtkWidget)

GtkWidget *starling_avatar_stack_new          (void);
void       starling_avatar_stack_set_accounts (StarlingAvatarStack *self,
                                               GPtrArray           *accounts,
                                               StarlingImageLoader *loader);
guint      starling_avatar_stack_get_n_shown  (StarlingAvatarStack *self);

G_END_DECLS
