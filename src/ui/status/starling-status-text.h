/* starling-status-text.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/starling-software.h"
#include "model/starling-status.h"
#include "text/starling-rich-text.h"

G_BEGIN_DECLS

/**
 * StarlingSoftwareLookup:
 * @domain: (nullable): the server of an account, or %NULL for the
 *   signed-in account's own server
 * @user_data: the data given with the function
 *
 * Says which software a server runs, as far as the app knows (from the
 * NodeInfo it fetched); %STARLING_SOFTWARE_UNKNOWN when it does not know.
 *
 * Returns: the server's software
 */
typedef StarlingSoftware (*StarlingSoftwareLookup) (const char *domain,
                                                    gpointer    user_data);

char             *starling_status_text_format_count       (gint64                  count);
char             *starling_status_text_dup_handle         (StarlingAccount        *account);
char             *starling_status_text_dup_plain_name     (StarlingAccount        *account);
char             *starling_status_text_dup_server         (StarlingAccount        *account);
StarlingSoftware  starling_status_text_software_of        (StarlingAccount        *account,
                                                           StarlingSoftwareLookup  lookup,
                                                           gpointer                lookup_data);
char             *starling_status_text_dup_counts         (StarlingStatus         *status);
char             *starling_status_text_dup_media_summary  (StarlingStatus         *status);
StarlingRichText *starling_status_text_dup_content        (StarlingStatus         *status);
StarlingRichText *starling_status_text_dup_name           (StarlingAccount        *account);
char             *starling_status_text_accessible_label   (StarlingStatus         *status,
                                                           GDateTime              *now,
                                                           gboolean                content_shown);

G_END_DECLS
