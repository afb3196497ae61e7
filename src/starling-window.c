/* starling-window.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-window"

#include "config.h"

#include <glib/gi18n.h>

#include "starling-window.h"

struct _StarlingWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  GtkStack             *main_stack;
  AdwStatusPage        *welcome_page;
  GtkButton            *add_account_button;
  GtkButton            *try_demo_button;
  AdwToastOverlay      *toast_overlay;
};

G_DEFINE_FINAL_TYPE (StarlingWindow, starling_window, ADW_TYPE_APPLICATION_WINDOW)

static void
save_window_state (StarlingWindow *self)
{
  int width;
  int height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  /* A maximized window reports the size it had before it was maximized,
   * which is the one to restore. */
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
}

static gboolean
starling_window_close_request (GtkWindow *window)
{
  save_window_state (STARLING_WINDOW (window));

  return GTK_WINDOW_CLASS (starling_window_parent_class)->close_request (window);
}

static void
starling_window_dispose (GObject *object)
{
  StarlingWindow *self = STARLING_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STARLING_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (starling_window_parent_class)->dispose (object);
}

static void
starling_window_class_init (StarlingWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = starling_window_dispose;
  window_class->close_request = starling_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/starling-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StarlingWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, StarlingWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StarlingWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, StarlingWindow, add_account_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingWindow, try_demo_button);

  /* Signing in and the demo instance come with the accounts and API layers;
   * until then their buttons are shown but cannot be pressed. */
  gtk_widget_class_install_action (widget_class, "win.add-account", NULL, NULL);
  gtk_widget_class_install_action (widget_class, "win.try-demo", NULL, NULL);
}

static void
starling_window_init (StarlingWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The Devel build has its own, striped icon. */
  adw_status_page_set_icon_name (self->welcome_page, APPLICATION_ID);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-account", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.try-demo", FALSE);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/**
 * starling_window_new:
 * @application: the #StarlingApplication
 *
 * Creates the main window at the size it had when it was last closed.
 *
 * Returns: (transfer full): a new #StarlingWindow
 */
StarlingWindow *
starling_window_new (StarlingApplication *application)
{
  StarlingWindow *self;

  g_return_val_if_fail (STARLING_IS_APPLICATION (application), NULL);

  self = g_object_new (STARLING_TYPE_WINDOW,
                       "application", application,
                       NULL);

  self->settings = g_object_ref (starling_application_get_settings (application));
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  return self;
}

/**
 * starling_window_get_visible_page:
 * @self: a #StarlingWindow
 *
 * Returns: the name of the page the window shows, such as `welcome`
 */
const char *
starling_window_get_visible_page (StarlingWindow *self)
{
  g_return_val_if_fail (STARLING_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}
