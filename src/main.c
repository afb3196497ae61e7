/* main.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "starling-application.h"
#include "starling-malloc.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (StarlingApplication) app = NULL;

  /* Process-wide, before any thread: see starling-malloc.c. */
  starling_malloc_tune ();

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = starling_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
