/* starling-style.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each feature under ui/ keeps its CSS next to its widgets, in its own
 * GResource bundle; the first widget of a feature to be made loads it for
 * the whole display.
 */

#define G_LOG_DOMAIN "starling-ui"

#include "config.h"

#include "starling-style.h"

/**
 * starling_style_load:
 * @resource_path: the path of a style sheet in the app's resources
 *
 * Adds the style sheet to the default display, once per path, at the
 * application's priority. Call it from the main thread, from a widget's
 * class_init or init.
 *
 * Returns: %TRUE when this call loaded it (the caller may do its other
 *   once-per-display work), %FALSE when it was loaded before or there is
 *   no display yet
 */
gboolean
starling_style_load (const char *resource_path)
{
  static GHashTable *loaded;
  g_autoptr (GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  g_return_val_if_fail (resource_path != NULL, FALSE);

  if (display == NULL)
    return FALSE;
  if (loaded == NULL)
    loaded = g_hash_table_new (g_str_hash, g_str_equal);
  if (g_hash_table_contains (loaded, resource_path))
    return FALSE;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, resource_path);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_hash_table_add (loaded, (gpointer) g_intern_string (resource_path));
  return TRUE;
}
