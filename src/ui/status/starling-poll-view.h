/* starling-poll-view.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/starling-poll.h"

G_BEGIN_DECLS

#define STARLING_TYPE_POLL_VIEW (starling_poll_view_get_type ())

G_DECLARE_FINAL_TYPE (StarlingPollView, starling_poll_view, STARLING, POLL_VIEW, GtkWidget)

GtkWidget    *starling_poll_view_new              (void);
void          starling_poll_view_set_poll         (StarlingPollView *self,
                                                   StarlingPoll     *poll);
StarlingPoll *starling_poll_view_get_poll         (StarlingPollView *self);
void          starling_poll_view_set_now          (StarlingPollView *self,
                                                   GDateTime        *now);
void          starling_poll_view_set_show_results (StarlingPollView *self,
                                                   gboolean          show_results);
gboolean      starling_poll_view_get_voting       (StarlingPollView *self);
void          starling_poll_view_set_busy         (StarlingPollView *self,
                                                   gboolean          busy);
GtkWidget    *starling_poll_view_get_option_button (StarlingPollView *self,
                                                   guint             index);
GtkWidget    *starling_poll_view_get_vote_button  (StarlingPollView *self);
char         *starling_poll_view_format_percent   (gint64            votes,
                                                   gint64            total);

G_END_DECLS
