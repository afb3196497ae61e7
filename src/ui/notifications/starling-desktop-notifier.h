/* starling-desktop-notifier.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "api/starling-account-manager.h"
#include "model/starling-notification.h"

G_BEGIN_DECLS

/**
 * StarlingDesktopNotification:
 * @id: the notification's id for g_application_send_notification(), one
 *   per account and server notification
 * @handle: the account it is for
 * @title: who did what, and to which account
 * @body: the post's text, or the follower's handle
 * @action: the app action a click activates: `app.open-status` or
 *   `app.open-account`
 * @target: its parameter, `(handle, id)`
 *
 * What a desktop notification says, as the notifier made it.
 */
typedef struct
{
  char     *id;
  char     *handle;
  char     *title;
  char     *body;
  char     *action;
  GVariant *target;
} StarlingDesktopNotification;

/**
 * StarlingNotificationSendFunc:
 * @application: the application
 * @notification: what to show
 * @gnotification: the same, ready for g_application_send_notification()
 * @user_data: the data given with the function
 *
 * Shows a desktop notification; tests put their own in place.
 */
typedef void (*StarlingNotificationSendFunc) (GApplication                      *application,
                                              const StarlingDesktopNotification *notification,
                                              GNotification                     *gnotification,
                                              gpointer                           user_data);

/**
 * StarlingNotificationWithdrawFunc:
 * @application: the application
 * @id: the id of a notification sent before
 * @user_data: the data given with the function
 *
 * Withdraws a desktop notification.
 */
typedef void (*StarlingNotificationWithdrawFunc) (GApplication *application,
                                                  const char   *id,
                                                  gpointer      user_data);

#define STARLING_TYPE_DESKTOP_NOTIFIER (starling_desktop_notifier_get_type ())

G_DECLARE_FINAL_TYPE (StarlingDesktopNotifier, starling_desktop_notifier, STARLING, DESKTOP_NOTIFIER, GObject)

StarlingDesktopNotifier *starling_desktop_notifier_new               (GtkApplication                   *application,
                                                                      GSettings                        *settings);
StarlingAccountManager  *starling_desktop_notifier_get_account_manager (StarlingDesktopNotifier        *self);
void                     starling_desktop_notifier_set_account_manager (StarlingDesktopNotifier        *self,
                                                                      StarlingAccountManager           *manager);
void                     starling_desktop_notifier_set_send_func     (StarlingDesktopNotifier          *self,
                                                                      StarlingNotificationSendFunc      send,
                                                                      StarlingNotificationWithdrawFunc  withdraw,
                                                                      gpointer                          user_data,
                                                                      GDestroyNotify                    destroy);
guint                    starling_desktop_notifier_get_n_shown       (StarlingDesktopNotifier          *self,
                                                                      const char                       *handle);
void                     starling_desktop_notifier_withdraw          (StarlingDesktopNotifier          *self,
                                                                      const char                       *handle);
gboolean                 starling_desktop_notifier_notify            (StarlingDesktopNotifier          *self,
                                                                      StarlingAccountSession           *session,
                                                                      StarlingNotification             *notification);

StarlingDesktopNotification *starling_desktop_notification_new       (StarlingAccountSession           *session,
                                                                      StarlingNotification             *notification);
void                     starling_desktop_notification_free          (StarlingDesktopNotification      *notification);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StarlingDesktopNotification, starling_desktop_notification_free)

G_END_DECLS
