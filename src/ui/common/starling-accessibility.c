/* starling-accessibility.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the app does once so that every widget reads right to a screen
 * reader, wherever it was built.
 */

#define G_LOG_DOMAIN "starling-ui"

#include "config.h"

#include "starling-accessibility.h"

/* GTK 4.8 gives a button whose label has a mnemonic (use-underline) the
 * accessible label "_Add Account" on top of the labelled-by relation to
 * the label it makes ("Add Account"), and the name joins both: a screen
 * reader reads "_Add Account Add Account". The relation alone names the
 * button, without the underscore: drop the label property each time GTK
 * sets it, that is when the label or use-underline changes. (GTK 4.10
 * and newer set no such property, and this changes nothing there.) */
static void
drop_mnemonic_label (GtkButton *button)
{
  if (gtk_button_get_use_underline (button) && gtk_button_get_label (button) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
button_label_changed_cb (GtkButton  *button,
                         GParamSpec *pspec,
                         gpointer    user_data)
{
  drop_mnemonic_label (button);
}

/* GObject::notify takes no emission hooks: each button is followed from
 * its first realize, before anything shows it. */
static gboolean
button_realize_hook_cb (GSignalInvocationHint *hint,
                        guint                  n_params,
                        const GValue          *params,
                        gpointer               user_data)
{
  static GQuark followed_quark;
  GObject *object;

  if (n_params < 1 || !G_VALUE_HOLDS_OBJECT (&params[0]))
    return TRUE;

  object = g_value_get_object (&params[0]);
  if (!GTK_IS_BUTTON (object))
    return TRUE;

  if (followed_quark == 0)
    followed_quark = g_quark_from_static_string ("starling-accessibility-followed");
  if (g_object_get_qdata (object, followed_quark) == NULL)
    {
      g_object_set_qdata (object, followed_quark, GINT_TO_POINTER (1));
      g_signal_connect (object, "notify::label", G_CALLBACK (button_label_changed_cb), NULL);
      g_signal_connect (object, "notify::use-underline", G_CALLBACK (button_label_changed_cb), NULL);
    }
  drop_mnemonic_label (GTK_BUTTON (object));

  return TRUE;
}

/**
 * starling_accessibility_init:
 *
 * Installs the app-wide accessibility fixes; call it once GTK is
 * initialised, before the first window is built. Calling it again does
 * nothing.
 */
void
starling_accessibility_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* A signal exists once its class is made; the class stays. */
      g_type_class_ref (GTK_TYPE_WIDGET);
      g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0,
                                  button_realize_hook_cb, NULL, NULL);
      g_once_init_leave (&done, 1);
    }
}
