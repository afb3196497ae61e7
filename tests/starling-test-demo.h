/* starling-test-demo.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "api/starling-account-manager.h"
#include "demo/starling-demo-server.h"
#include "ui/media/starling-image-loader.h"

G_BEGIN_DECLS

/* The demo instance with the brand's account signed in, as the window
 * has it: an account manager (no keyring: the token stays in memory),
 * its session with client and live stream, and an image loader. */
typedef struct
{
  StarlingDemoServer     *server;
  SoupSession            *soup;
  StarlingAccountManager *manager;
  StarlingAccountSession *account;
  StarlingClient         *client;
  StarlingImageLoader    *loader;
  char                   *cache_dir;
  /* What the pages asked of the `status` actions, by action name: the
   * last parameter. */
  GHashTable             *asked;
} StarlingTestDemo;

StarlingTestDemo *starling_test_demo_new         (guint32            seed);
void              starling_test_demo_free        (StarlingTestDemo  *demo);
GtkWindow        *starling_test_demo_window      (StarlingTestDemo  *demo,
                                                  GtkWidget         *page,
                                                  int                width,
                                                  int                height);
const char       *starling_test_demo_asked       (StarlingTestDemo  *demo,
                                                  const char        *action);
gpointer          starling_test_demo_wait_result (GAsyncResult     **slot);
void              starling_test_demo_result_cb   (GObject           *object,
                                                  GAsyncResult      *result,
                                                  gpointer           user_data);
StarlingPage     *starling_test_demo_account_statuses (StarlingTestDemo *demo,
                                                  const char        *account_id,
                                                  StarlingTimelineFlags flags);

G_END_DECLS
