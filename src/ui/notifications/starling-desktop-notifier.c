/* starling-desktop-notifier.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-notifications"

#include "config.h"

#include <glib/gi18n.h>

#include "text/starling-html.h"
#include "ui/status/starling-status-text.h"

#include "starling-desktop-notifier.h"

/* Desktop notifications (GNotification) for what arrives on the `user`
 * stream of each signed-in account — mentions, follows and boosts —
 * while no window of the app has the focus, unless the
 * `desktop-notifications` setting is off.
 *
 * A click activates `app.open-status` or `app.open-account` with the
 * account's handle and the id: the account becomes the active one, the
 * window comes up, and the post or profile opens through the
 * `status.open-thread` / `status.open-account` actions of the window's
 * pages (the "open-status" and "open-account" signals, whose default
 * handlers do that, let the application do otherwise).
 * `app.withdraw-notifications` (with a handle) takes back what was shown
 * for an account; the notifications page asks for it once it is seen. */
struct _StarlingDesktopNotifier
{
  GObject                           parent_instance;

  GtkApplication                   *application;
  GSettings                        *settings;
  StarlingAccountManager           *manager;
  /* StarlingAccountSession → Watch */
  GHashTable                       *watches;
  /* handle → GPtrArray of the ids shown */
  GHashTable                       *shown;

  StarlingNotificationSendFunc      send;
  StarlingNotificationWithdrawFunc  withdraw;
  gpointer                          send_data;
  GDestroyNotify                    send_destroy;
};

G_DEFINE_FINAL_TYPE (StarlingDesktopNotifier, starling_desktop_notifier, G_TYPE_OBJECT)

enum {
  OPEN_STATUS,
  OPEN_ACCOUNT,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* The longest body, in characters: a notification is a glimpse. */
#define MAX_BODY_CHARS 240

typedef struct
{
  StarlingDesktopNotifier *notifier;
  StarlingAccountSession  *session;
  GSignalGroup            *stream_signals;
  GBinding                *binding;
} Watch;

static void
watch_free (Watch *watch)
{
  g_clear_object (&watch->binding);
  g_clear_object (&watch->stream_signals);
  g_clear_object (&watch->session);
  g_free (watch);
}

/* The notification */

static char *
shorten (char *text)
{
  char *shorter;

  g_strstrip (text);
  if (g_utf8_strlen (text, -1) <= MAX_BODY_CHARS)
    return text;

  shorter = g_utf8_substring (text, 0, MAX_BODY_CHARS - 1);
  g_free (text);
  return g_strconcat (g_strchomp (shorter), "…", NULL);
}

/**
 * starling_desktop_notification_new:
 * @session: the account the notification is for
 * @notification: what the server sent
 *
 * Returns: (transfer full) (nullable): what the desktop notification says,
 *   or %NULL for a kind that is not shown on the desktop
 */
StarlingDesktopNotification *
starling_desktop_notification_new (StarlingAccountSession *session,
                                   StarlingNotification   *notification)
{
  StarlingNotificationType type = starling_notification_get_notification_type (notification);
  StarlingAccount *actor = starling_notification_get_account (notification);
  StarlingStatus *status = starling_notification_get_status (notification);
  const char *handle = starling_account_session_get_handle (session);
  StarlingDesktopNotification *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (STARLING_IS_ACCOUNT_SESSION (session), NULL);
  g_return_val_if_fail (STARLING_IS_NOTIFICATION (notification), NULL);

  if (actor == NULL || starling_notification_get_id (notification) == NULL || handle == NULL)
    return NULL;
  if (type != STARLING_NOTIFICATION_TYPE_MENTION && type != STARLING_NOTIFICATION_TYPE_FOLLOW &&
      type != STARLING_NOTIFICATION_TYPE_REBLOG)
    return NULL;
  if (type != STARLING_NOTIFICATION_TYPE_FOLLOW && status == NULL)
    return NULL;

  self = g_new0 (StarlingDesktopNotification, 1);
  self->id = g_strdup_printf ("%s/%s", handle, starling_notification_get_id (notification));
  self->handle = g_strdup (handle);
  name = starling_status_text_dup_plain_name (actor);

  if (type == STARLING_NOTIFICATION_TYPE_FOLLOW)
    {
      /* TRANSLATORS: a desktop notification: who followed which of your accounts */
      self->title = g_strdup_printf (_("%s followed @%s"), name, handle);
      self->body = starling_status_text_dup_handle (actor);
      self->action = g_strdup ("app.open-account");
      self->target = g_variant_ref_sink (g_variant_new ("(ss)", handle, starling_account_get_id (actor)));
    }
  else
    {
      StarlingStatus *shown = starling_status_get_shown (status);
      const char *spoiler = starling_status_get_spoiler_text (shown);

      if (type == STARLING_NOTIFICATION_TYPE_MENTION)
        /* TRANSLATORS: a desktop notification: who mentioned which of your accounts */
        self->title = g_strdup_printf (_("%s mentioned @%s"), name, handle);
      else
        /* TRANSLATORS: a desktop notification: who boosted a post of which of your accounts */
        self->title = g_strdup_printf (_("%s boosted a post of @%s"), name, handle);

      /* A content warning stands in for what it covers. */
      if (spoiler != NULL && *spoiler != '\0')
        self->body = shorten (g_strdup_printf (_("Content warning: %s"), spoiler));
      else
        self->body = shorten (starling_html_to_plain_text (starling_status_get_content (shown)));
      self->action = g_strdup ("app.open-status");
      self->target = g_variant_ref_sink (g_variant_new ("(ss)", handle, starling_status_get_id (shown)));
    }

  return self;
}

void
starling_desktop_notification_free (StarlingDesktopNotification *notification)
{
  if (notification == NULL)
    return;

  g_free (notification->id);
  g_free (notification->handle);
  g_free (notification->title);
  g_free (notification->body);
  g_free (notification->action);
  g_clear_pointer (&notification->target, g_variant_unref);
  g_free (notification);
}

static void
default_send (GApplication                      *application,
              const StarlingDesktopNotification *notification,
              GNotification                     *gnotification,
              gpointer                           user_data)
{
  g_application_send_notification (application, notification->id, gnotification);
}

static void
default_withdraw (GApplication *application,
                  const char   *id,
                  gpointer      user_data)
{
  g_application_withdraw_notification (application, id);
}

static gboolean
window_focused (StarlingDesktopNotifier *self)
{
  for (GList *l = gtk_application_get_windows (self->application); l != NULL; l = l->next)
    if (gtk_window_is_active (l->data))
      return TRUE;
  return FALSE;
}

static gboolean
enabled (StarlingDesktopNotifier *self)
{
  return self->settings == NULL || g_settings_get_boolean (self->settings, "desktop-notifications");
}

/**
 * starling_desktop_notifier_notify:
 * @self: a #StarlingDesktopNotifier
 * @session: the account
 * @notification: what its stream brought
 *
 * Shows @notification on the desktop when it is of a kind that is shown,
 * no window has the focus, the setting allows it, and it was not shown
 * already.
 *
 * Returns: whether it was sent
 */
gboolean
starling_desktop_notifier_notify (StarlingDesktopNotifier *self,
                                  StarlingAccountSession  *session,
                                  StarlingNotification    *notification)
{
  g_autoptr (StarlingDesktopNotification) desktop = NULL;
  g_autoptr (GNotification) gnotification = NULL;
  GPtrArray *ids;

  g_return_val_if_fail (STARLING_IS_DESKTOP_NOTIFIER (self), FALSE);

  if (self->application == NULL || !enabled (self) || window_focused (self))
    return FALSE;

  desktop = starling_desktop_notification_new (session, notification);
  if (desktop == NULL)
    return FALSE;

  ids = g_hash_table_lookup (self->shown, desktop->handle);
  if (ids == NULL)
    {
      ids = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (self->shown, g_strdup (desktop->handle), ids);
    }
  /* The same notification can come on two streams. */
  for (guint i = 0; i < ids->len; i++)
    if (g_str_equal (ids->pdata[i], desktop->id))
      return FALSE;
  g_ptr_array_add (ids, g_strdup (desktop->id));

  gnotification = g_notification_new (desktop->title);
  g_notification_set_body (gnotification, desktop->body);
  g_notification_set_default_action_and_target_value (gnotification, desktop->action, desktop->target);
  g_notification_set_category (gnotification, "im.received");

  g_debug ("Desktop notification %s for %s", desktop->id, desktop->handle);
  self->send (G_APPLICATION (self->application), desktop, gnotification, self->send_data);
  return TRUE;
}

/* The streams */

static void
stream_notification_cb (StarlingStreaming    *streaming,
                        StarlingNotification *notification,
                        const char           *stream_key,
                        gpointer              user_data)
{
  Watch *watch = user_data;

  starling_desktop_notifier_notify (watch->notifier, watch->session, notification);
}

static void
sync_watches (StarlingDesktopNotifier *self)
{
  g_autoptr (GHashTable) present = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key;
  guint n = self->manager != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->manager)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (StarlingAccountSession) session = g_list_model_get_item (G_LIST_MODEL (self->manager), i);
      Watch *watch;

      g_hash_table_add (present, session);
      if (g_hash_table_contains (self->watches, session))
        continue;

      watch = g_new0 (Watch, 1);
      watch->notifier = self;
      watch->session = g_object_ref (session);
      watch->stream_signals = g_signal_group_new (STARLING_TYPE_STREAMING);
      g_signal_group_connect (watch->stream_signals, "notification", G_CALLBACK (stream_notification_cb), watch);
      /* The stream appears, and is replaced, as the account signs in. */
      watch->binding = g_object_ref (g_object_bind_property (session, "streaming", watch->stream_signals, "target",
                                                             G_BINDING_SYNC_CREATE));
      g_hash_table_insert (self->watches, session, watch);
    }

  g_hash_table_iter_init (&iter, self->watches);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (present, key))
      g_hash_table_iter_remove (&iter);
}

/* Opening what was clicked */

typedef struct
{
  GtkWindow *window;
  char      *action;
  char      *id;
} Open;

/* The `status` actions live on the pages' navigation, wherever it sits in
 * the window: the first widget from which the action can be activated
 * is under it. */
static gboolean
activate_within (GtkWidget  *widget,
                 const char *action,
                 const char *id)
{
  if (gtk_widget_activate_action (widget, action, "s", id))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (activate_within (child, action, id))
      return TRUE;

  return FALSE;
}

static gboolean
open_idle_cb (gpointer user_data)
{
  Open *open = user_data;

  if (open->window != NULL && !activate_within (GTK_WIDGET (open->window), open->action, open->id))
    g_debug ("No page of the window could open %s", open->id);

  g_clear_weak_pointer (&open->window);
  g_free (open->action);
  g_free (open->id);
  g_free (open);
  return G_SOURCE_REMOVE;
}

static void
open_in_window (StarlingDesktopNotifier *self,
                StarlingAccountSession  *session,
                const char              *action,
                const char              *id)
{
  GtkWindow *window;
  Open *open;

  if (self->application == NULL)
    return;

  if (self->manager != NULL && starling_account_manager_get_active (self->manager) != session)
    starling_account_manager_set_active (self->manager, session);

  window = gtk_application_get_active_window (self->application);
  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (self->application));
      window = gtk_application_get_active_window (self->application);
    }
  if (window == NULL)
    return;
  gtk_window_present (window);

  /* Once the window shows the account that was made active; at the
   * default priority, so a busy window (drawing every frame) does not
   * starve it as it would an idle one. */
  open = g_new0 (Open, 1);
  g_set_weak_pointer (&open->window, window);
  open->action = g_strdup (action);
  open->id = g_strdup (id);
  g_idle_add_full (G_PRIORITY_DEFAULT, open_idle_cb, open, NULL);
}

static void
starling_desktop_notifier_real_open_status (StarlingDesktopNotifier *self,
                                            StarlingAccountSession  *session,
                                            const char              *status_id)
{
  open_in_window (self, session, "status.open-thread", status_id);
}

static void
starling_desktop_notifier_real_open_account (StarlingDesktopNotifier *self,
                                             StarlingAccountSession  *session,
                                             const char              *account_id)
{
  open_in_window (self, session, "status.open-account", account_id);
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  StarlingDesktopNotifier *self = user_data;
  const char *handle;
  const char *id;
  StarlingAccountSession *session;

  g_variant_get (parameter, "(&s&s)", &handle, &id);
  session = self->manager != NULL ? starling_account_manager_lookup (self->manager, handle) : NULL;
  if (session == NULL)
    {
      /* Signed out since: nothing to open. */
      g_debug ("A notification of %s, which is not signed in any more", handle);
      return;
    }

  starling_desktop_notifier_withdraw (self, handle);
  g_signal_emit (self, signals[g_str_equal (g_action_get_name (G_ACTION (action)), "open-status")
                               ? OPEN_STATUS : OPEN_ACCOUNT], 0, session, id);
}

static void
withdraw_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  starling_desktop_notifier_withdraw (user_data, g_variant_get_string (parameter, NULL));
}

static const GActionEntry actions[] = {
  { "open-status", open_activated, "(ss)" },
  { "open-account", open_activated, "(ss)" },
  { "withdraw-notifications", withdraw_activated, "s" },
};

/* GObject */

static void
starling_desktop_notifier_dispose (GObject *object)
{
  StarlingDesktopNotifier *self = STARLING_DESKTOP_NOTIFIER (object);

  if (self->application != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
      g_action_map_remove_action (G_ACTION_MAP (self->application), actions[i].name);
  g_clear_weak_pointer (&self->application);
  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  g_clear_object (&self->manager);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->watches, g_hash_table_unref);
  g_clear_pointer (&self->shown, g_hash_table_unref);
  if (self->send_destroy != NULL)
    g_clear_pointer (&self->send_data, self->send_destroy);
  self->send_destroy = NULL;

  G_OBJECT_CLASS (starling_desktop_notifier_parent_class)->dispose (object);
}

static void
starling_desktop_notifier_class_init (StarlingDesktopNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = starling_desktop_notifier_dispose;

  /**
   * StarlingDesktopNotifier::open-status:
   * @self: the notifier
   * @session: the account, made the active one
   * @status_id: the post to open
   *
   * A notification about a post was clicked. The default handler brings
   * the window up and opens the post's thread.
   */
  signals[OPEN_STATUS] =
    g_signal_new_class_handler ("open-status",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                G_CALLBACK (starling_desktop_notifier_real_open_status),
                                NULL, NULL, NULL,
                                G_TYPE_NONE, 2, STARLING_TYPE_ACCOUNT_SESSION, G_TYPE_STRING);

  /**
   * StarlingDesktopNotifier::open-account:
   * @self: the notifier
   * @session: the account, made the active one
   * @account_id: the profile to open
   *
   * A notification about a follower was clicked. The default handler
   * brings the window up and opens the profile.
   */
  signals[OPEN_ACCOUNT] =
    g_signal_new_class_handler ("open-account",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                G_CALLBACK (starling_desktop_notifier_real_open_account),
                                NULL, NULL, NULL,
                                G_TYPE_NONE, 2, STARLING_TYPE_ACCOUNT_SESSION, G_TYPE_STRING);
}

static void
starling_desktop_notifier_init (StarlingDesktopNotifier *self)
{
  self->watches = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) watch_free);
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->send = default_send;
  self->withdraw = default_withdraw;
}

/**
 * starling_desktop_notifier_new:
 * @application: the application, which gets the notifier's actions
 * @settings: (nullable): the app's settings, for `desktop-notifications`;
 *   %NULL notifies always
 *
 * Returns: (transfer full): a new #StarlingDesktopNotifier
 */
StarlingDesktopNotifier *
starling_desktop_notifier_new (GtkApplication *application,
                               GSettings      *settings)
{
  StarlingDesktopNotifier *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (STARLING_TYPE_DESKTOP_NOTIFIER, NULL);
  g_set_weak_pointer (&self->application, application);
  g_set_object (&self->settings, settings);
  g_action_map_add_action_entries (G_ACTION_MAP (application), actions, G_N_ELEMENTS (actions), self);

  return self;
}

/* Returns: (transfer none) (nullable): the accounts followed */
StarlingAccountManager *
starling_desktop_notifier_get_account_manager (StarlingDesktopNotifier *self)
{
  g_return_val_if_fail (STARLING_IS_DESKTOP_NOTIFIER (self), NULL);

  return self->manager;
}

/**
 * starling_desktop_notifier_set_account_manager:
 * @self: a #StarlingDesktopNotifier
 * @manager: (nullable): the accounts whose streams to follow
 *
 * Follows the `user` stream of each account of @manager, as accounts come
 * and go and sign in.
 */
void
starling_desktop_notifier_set_account_manager (StarlingDesktopNotifier *self,
                                               StarlingAccountManager  *manager)
{
  g_return_if_fail (STARLING_IS_DESKTOP_NOTIFIER (self));
  g_return_if_fail (manager == NULL || STARLING_IS_ACCOUNT_MANAGER (manager));

  if (self->manager == manager)
    return;

  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  g_set_object (&self->manager, manager);
  g_hash_table_remove_all (self->watches);
  if (manager != NULL)
    g_signal_connect_swapped (manager, "items-changed", G_CALLBACK (sync_watches), self);
  sync_watches (self);
}

/**
 * starling_desktop_notifier_set_send_func:
 * @self: a #StarlingDesktopNotifier
 * @send: (nullable): what shows a notification; %NULL for
 *   g_application_send_notification()
 * @withdraw: (nullable): what withdraws one; %NULL for
 *   g_application_withdraw_notification()
 * @user_data: data for both
 * @destroy: (nullable): frees @user_data
 *
 * Puts other functions in place of the desktop's, for tests.
 */
void
starling_desktop_notifier_set_send_func (StarlingDesktopNotifier          *self,
                                         StarlingNotificationSendFunc      send,
                                         StarlingNotificationWithdrawFunc  withdraw,
                                         gpointer                          user_data,
                                         GDestroyNotify                    destroy)
{
  g_return_if_fail (STARLING_IS_DESKTOP_NOTIFIER (self));

  if (self->send_destroy != NULL)
    g_clear_pointer (&self->send_data, self->send_destroy);
  self->send = send != NULL ? send : default_send;
  self->withdraw = withdraw != NULL ? withdraw : default_withdraw;
  self->send_data = user_data;
  self->send_destroy = destroy;
}

/* How many notifications of @handle are on the desktop. */
guint
starling_desktop_notifier_get_n_shown (StarlingDesktopNotifier *self,
                                       const char              *handle)
{
  GPtrArray *ids;

  g_return_val_if_fail (STARLING_IS_DESKTOP_NOTIFIER (self), 0);

  ids = g_hash_table_lookup (self->shown, handle);
  return ids != NULL ? ids->len : 0;
}

/* Takes back the notifications shown for @handle. */
void
starling_desktop_notifier_withdraw (StarlingDesktopNotifier *self,
                                    const char              *handle)
{
  GPtrArray *ids;

  g_return_if_fail (STARLING_IS_DESKTOP_NOTIFIER (self));
  g_return_if_fail (handle != NULL);

  ids = g_hash_table_lookup (self->shown, handle);
  if (ids == NULL || self->application == NULL)
    return;

  for (guint i = 0; i < ids->len; i++)
    self->withdraw (G_APPLICATION (self->application), ids->pdata[i], self->send_data);
  g_hash_table_remove (self->shown, handle);
}
