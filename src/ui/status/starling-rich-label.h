/* starling-rich-label.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "text/starling-rich-text.h"

G_BEGIN_DECLS

#define STARLING_TYPE_RICH_LABEL (starling_rich_label_get_type ())

G_DECLARE_FINAL_TYPE (StarlingRichLabel, starling_rich_label, STARLING, RICH_LABEL, GtkWidget)

GtkWidget        *starling_rich_label_new                 (void);
void              starling_rich_label_set_rich_text       (StarlingRichLabel *self,
                                                           StarlingRichText  *text);
StarlingRichText *starling_rich_label_get_rich_text       (StarlingRichLabel *self);
GtkLabel         *starling_rich_label_get_label           (StarlingRichLabel *self);
int               starling_rich_label_get_emoji_size      (StarlingRichLabel *self);
void              starling_rich_label_set_emoji_size      (StarlingRichLabel *self,
                                                           int                size);
guint             starling_rich_label_get_n_emojis        (StarlingRichLabel *self);
GtkPicture       *starling_rich_label_get_emoji_picture   (StarlingRichLabel *self,
                                                           guint              index);
void              starling_rich_label_set_emoji_paintable (StarlingRichLabel *self,
                                                           const char        *shortcode,
                                                           GdkPaintable      *paintable);
const char       *starling_rich_label_get_text            (StarlingRichLabel *self);

G_END_DECLS
