/* starling-test-markup.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "text/starling-rich-text.h"

G_BEGIN_DECLS

gboolean starling_test_check_markup     (const char        *markup,
                                         char             **without_links,
                                         char             **text,
                                         guint             *n_links,
                                         GError           **error);
gboolean starling_test_check_rich_text  (StarlingRichText  *rich,
                                         char             **without_links,
                                         GError           **error);

G_END_DECLS
