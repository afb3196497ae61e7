/* test-demo.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "demo/starling-demo-server.h"

static void
test_start (void)
{
  g_autoptr (StarlingDemoServer) server = starling_demo_server_new (1);
  g_autoptr (GError) error = NULL;

  g_assert_true (starling_demo_server_start (server, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/starling/demo/start", test_start);
  return g_test_run ();
}
