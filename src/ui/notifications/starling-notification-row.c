/* starling-notification-row.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-notifications"

#include "config.h"

#include <glib/gi18n.h>

#include "model/starling-notification-group.h"
#include "text/starling-time.h"
#include "ui/common/starling-accessibility.h"
#include "ui/status/starling-minute-clock.h"
#include "ui/status/starling-status-text.h"

#include "starling-avatar-stack.h"
#include "starling-notification-row.h"

/* One notification, or one group of them, as the notifications page's
 * list view shows it (and recycles it): a mention as the full post; a
 * favourite, boost, follow and the rest as an icon, the avatars of the
 * people behind it, one sentence ("Ana and 5 others favourited your
 * post") and the post in compact form; a follow request with Accept and
 * Reject, answered at once and undone with a toast when the server
 * refuses. The status rows are made the first time a row needs one and
 * kept for the next item. */
struct _StarlingNotificationRow
{
  GtkWidget            parent_instance;

  gpointer             item;
  StarlingClient      *client;
  StarlingImageLoader *loader;
  char                *own_account_id;
  StarlingStatusRow   *full_row;
  StarlingStatusRow   *compact_row;

  /* Template widgets */
  GtkWidget           *box;
  GtkWidget           *header_box;
  GtkImage            *type_icon;
  StarlingAvatarStack *avatars;
  GtkLabel            *summary_label;
  GtkLabel            *time_label;
  GtkWidget           *unread_dot;
  GtkLabel            *detail_label;
  GtkWidget           *request_box;
  GtkButton           *authorize_button;
  GtkButton           *reject_button;
  GtkBox              *status_slot;
};

G_DEFINE_FINAL_TYPE (StarlingNotificationRow, starling_notification_row, GTK_TYPE_WIDGET)

/* What a follow request's row shows once answered, kept on the item so a
 * recycled row shows it too. */
#define ANSWER_KEY "starling-follow-request-answer"

typedef enum
{
  ANSWER_NONE,
  ANSWER_AUTHORIZED,
  ANSWER_REJECTED,
} Answer;

/* The item, whichever kind it is */

StarlingNotificationType
starling_notification_item_get_kind (gpointer item)
{
  if (STARLING_IS_NOTIFICATION_GROUP (item))
    return starling_notification_group_get_notification_type (item);
  if (STARLING_IS_NOTIFICATION (item))
    return starling_notification_get_notification_type (item);
  return STARLING_NOTIFICATION_TYPE_UNKNOWN;
}

static const char *
item_type_name (gpointer item)
{
  if (STARLING_IS_NOTIFICATION_GROUP (item))
    return starling_notification_group_get_type_name (item);
  if (STARLING_IS_NOTIFICATION (item))
    return starling_notification_get_type_name (item);
  return NULL;
}

StarlingStatus *
starling_notification_item_get_status (gpointer item)
{
  if (STARLING_IS_NOTIFICATION_GROUP (item))
    return starling_notification_group_get_status (item);
  if (STARLING_IS_NOTIFICATION (item))
    return starling_notification_get_status (item);
  return NULL;
}

/* The most recent person behind the item. */
StarlingAccount *
starling_notification_item_get_account (gpointer item)
{
  if (STARLING_IS_NOTIFICATION_GROUP (item))
    {
      GPtrArray *accounts = starling_notification_group_get_sample_accounts (item);

      return accounts != NULL && accounts->len > 0 ? g_ptr_array_index (accounts, 0) : NULL;
    }
  if (STARLING_IS_NOTIFICATION (item))
    return starling_notification_get_account (item);
  return NULL;
}

static GPtrArray *
item_accounts (gpointer item)
{
  GPtrArray *accounts = g_ptr_array_new ();

  if (STARLING_IS_NOTIFICATION_GROUP (item))
    {
      GPtrArray *samples = starling_notification_group_get_sample_accounts (item);

      for (guint i = 0; samples != NULL && i < samples->len; i++)
        g_ptr_array_add (accounts, g_ptr_array_index (samples, i));
    }
  else if (starling_notification_item_get_account (item) != NULL)
    g_ptr_array_add (accounts, starling_notification_item_get_account (item));

  return accounts;
}

static gint64
item_count (gpointer item)
{
  if (STARLING_IS_NOTIFICATION_GROUP (item))
    return MAX (1, starling_notification_group_get_notifications_count (item));
  return 1;
}

static GDateTime *
item_time (gpointer item)
{
  if (STARLING_IS_NOTIFICATION_GROUP (item))
    return starling_notification_group_get_latest_page_notification_at (item);
  if (STARLING_IS_NOTIFICATION (item))
    return starling_notification_get_created_at (item);
  return NULL;
}

/* The id of the newest notification the item stands for: what the
 * notifications marker is set to once it was seen. */
const char *
starling_notification_item_get_newest_id (gpointer item)
{
  if (STARLING_IS_NOTIFICATION_GROUP (item))
    {
      const char *id = starling_notification_group_get_most_recent_notification_id (item);

      return id != NULL ? id : starling_notification_group_get_page_max_id (item);
    }
  if (STARLING_IS_NOTIFICATION (item))
    return starling_notification_get_id (item);
  return NULL;
}

static char *
name_of (StarlingAccount *account,
         gboolean         markup)
{
  g_autofree char *name = account != NULL ? starling_status_text_dup_plain_name (account) : g_strdup (_("Someone"));

  if (!markup)
    return g_steal_pointer (&name);
  return g_markup_printf_escaped ("<b>%s</b>", name);
}

/* "Ana", "Ana and Ben", "Ana and 5 others". */
static char *
who (gpointer item,
     gboolean markup)
{
  g_autoptr (GPtrArray) accounts = item_accounts (item);
  gint64 count = item_count (item);
  g_autofree char *first = name_of (accounts->len > 0 ? g_ptr_array_index (accounts, 0) : NULL, markup);

  if (count <= 1)
    return g_steal_pointer (&first);

  if (count == 2 && accounts->len >= 2)
    {
      g_autofree char *second = name_of (g_ptr_array_index (accounts, 1), markup);

      /* TRANSLATORS: two people who did the same, as in "Ana and Ben" */
      return g_strdup_printf (_("%s and %s"), first, second);
    }

  {
    g_autofree char *others = g_strdup_printf ("%" G_GINT64_FORMAT, count - 1);

    /* TRANSLATORS: a person and how many more did the same, as in "Ana and 5 others" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %s other", "%s and %s others",
                                         (gulong) MIN (count - 1, G_MAXULONG)),
                            first, others);
  }
}

/**
 * starling_notification_item_dup_summary:
 * @item: a #StarlingNotification or #StarlingNotificationGroup
 * @own_account_id: (nullable): the signed-in account's id
 * @markup: whether the names are bold Pango markup (the rest is escaped)
 *
 * Returns: (transfer full): one sentence that says what happened, as in
 *   "Ana and 5 others favourited your post"
 */
char *
starling_notification_item_dup_summary (gpointer    item,
                                        const char *own_account_id,
                                        gboolean    markup)
{
  g_autofree char *people = who (item, markup);
  StarlingStatus *status = starling_notification_item_get_status (item);

  switch (starling_notification_item_get_kind (item))
    {
    case STARLING_NOTIFICATION_TYPE_MENTION:
      return g_strdup_printf (_("%s mentioned you"), people);
    case STARLING_NOTIFICATION_TYPE_STATUS:
      return g_strdup_printf (_("%s posted"), people);
    case STARLING_NOTIFICATION_TYPE_REBLOG:
      return g_strdup_printf (_("%s boosted your post"), people);
    case STARLING_NOTIFICATION_TYPE_FOLLOW:
      return g_strdup_printf (_("%s followed you"), people);
    case STARLING_NOTIFICATION_TYPE_FOLLOW_REQUEST:
      return g_strdup_printf (_("%s asked to follow you"), people);
    case STARLING_NOTIFICATION_TYPE_FAVOURITE:
      return g_strdup_printf (_("%s favourited your post"), people);
    case STARLING_NOTIFICATION_TYPE_POLL:
      {
        StarlingAccount *author = status != NULL ? starling_status_get_account (status) : NULL;

        if (author != NULL && own_account_id != NULL &&
            g_strcmp0 (starling_account_get_id (author), own_account_id) == 0)
          return g_strdup (_("Your poll has ended"));
        return g_strdup (_("A poll you voted in has ended"));
      }
    case STARLING_NOTIFICATION_TYPE_UPDATE:
      return g_strdup_printf (_("%s edited a post you interacted with"), people);
    case STARLING_NOTIFICATION_TYPE_ADMIN_SIGN_UP:
      return g_strdup_printf (_("%s signed up"), people);
    case STARLING_NOTIFICATION_TYPE_ADMIN_REPORT:
      return g_strdup_printf (_("%s filed a report"), people);
    case STARLING_NOTIFICATION_TYPE_SEVERED_RELATIONSHIPS:
      return g_strdup (_("Some of your follow relationships were severed by a moderation decision"));
    case STARLING_NOTIFICATION_TYPE_MODERATION_WARNING:
      return g_strdup (_("You received a moderation warning"));
    case STARLING_NOTIFICATION_TYPE_QUOTE:
      return g_strdup_printf (_("%s quoted your post"), people);
    case STARLING_NOTIFICATION_TYPE_QUOTED_UPDATE:
      return g_strdup_printf (_("%s edited a post you quoted"), people);
    case STARLING_NOTIFICATION_TYPE_ADDED_TO_COLLECTION:
      return g_strdup_printf (_("%s added you to a collection"), people);
    case STARLING_NOTIFICATION_TYPE_COLLECTION_UPDATE:
      return g_strdup_printf (_("%s updated a collection you are in"), people);
    case STARLING_NOTIFICATION_TYPE_UNKNOWN:
    default:
      {
        const char *type = item_type_name (item);
        g_autofree char *escaped = markup && type != NULL ? g_markup_escape_text (type, -1) : NULL;

        /* TRANSLATORS: a notification of a kind the app does not know, with the server's name for it */
        return g_strdup_printf (_("A notification Starling cannot show (%s)"),
                                escaped != NULL ? escaped : type != NULL ? type : "?");
      }
    }
}

static const char *
icon_of (StarlingNotificationType kind)
{
  switch (kind)
    {
    case STARLING_NOTIFICATION_TYPE_MENTION:
      return "chat-message-new-symbolic";
    case STARLING_NOTIFICATION_TYPE_STATUS:
      return "document-new-symbolic";
    case STARLING_NOTIFICATION_TYPE_REBLOG:
      return "media-playlist-repeat-symbolic";
    case STARLING_NOTIFICATION_TYPE_FOLLOW:
      return "contact-new-symbolic";
    case STARLING_NOTIFICATION_TYPE_FOLLOW_REQUEST:
      return "avatar-default-symbolic";
    case STARLING_NOTIFICATION_TYPE_FAVOURITE:
      return "starred-symbolic";
    case STARLING_NOTIFICATION_TYPE_POLL:
      return "view-list-bullet-symbolic";
    case STARLING_NOTIFICATION_TYPE_UPDATE:
    case STARLING_NOTIFICATION_TYPE_QUOTED_UPDATE:
      return "document-edit-symbolic";
    case STARLING_NOTIFICATION_TYPE_QUOTE:
      return "mail-forward-symbolic";
    case STARLING_NOTIFICATION_TYPE_SEVERED_RELATIONSHIPS:
      return "action-unavailable-symbolic";
    case STARLING_NOTIFICATION_TYPE_MODERATION_WARNING:
      return "dialog-warning-symbolic";
    case STARLING_NOTIFICATION_TYPE_ADMIN_SIGN_UP:
    case STARLING_NOTIFICATION_TYPE_ADMIN_REPORT:
      return "security-high-symbolic";
    case STARLING_NOTIFICATION_TYPE_ADDED_TO_COLLECTION:
    case STARLING_NOTIFICATION_TYPE_COLLECTION_UPDATE:
      return "view-list-bullet-symbolic";
    case STARLING_NOTIFICATION_TYPE_UNKNOWN:
    default:
      return "dialog-information-symbolic";
    }
}

static const char *
kind_css_class (StarlingNotificationType kind)
{
  if (kind == STARLING_NOTIFICATION_TYPE_FAVOURITE)
    return "favourite";
  if (kind == STARLING_NOTIFICATION_TYPE_REBLOG)
    return "reblog";
  if (kind == STARLING_NOTIFICATION_TYPE_FOLLOW || kind == STARLING_NOTIFICATION_TYPE_FOLLOW_REQUEST)
    return "follow";
  if (kind == STARLING_NOTIFICATION_TYPE_MODERATION_WARNING || kind == STARLING_NOTIFICATION_TYPE_SEVERED_RELATIONSHIPS)
    return "warning";
  return NULL;
}

/* Widgets */

static StarlingStatusRow *
ensure_status_row (StarlingNotificationRow *self,
                   gboolean                 compact)
{
  StarlingStatusRow **slot = compact ? &self->compact_row : &self->full_row;

  if (*slot == NULL)
    {
      *slot = STARLING_STATUS_ROW (compact ? starling_status_row_new_compact () : starling_status_row_new ());
      if (compact)
        gtk_widget_add_css_class (GTK_WIDGET (*slot), "notification-status");
      gtk_box_append (self->status_slot, GTK_WIDGET (*slot));
    }

  starling_status_row_set_client (*slot, self->client);
  starling_status_row_set_image_loader (*slot, self->loader);
  starling_status_row_set_own_account_id (*slot, self->own_account_id);
  return *slot;
}

static void
show_status (StarlingNotificationRow *self,
             StarlingStatus          *status,
             gboolean                 full)
{
  if (status != NULL)
    starling_status_row_set_status (ensure_status_row (self, !full), status);

  if (self->full_row != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->full_row), status != NULL && full);
      if (status == NULL || !full)
        starling_status_row_set_status (self->full_row, NULL);
    }
  if (self->compact_row != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->compact_row), status != NULL && !full);
      if (status == NULL || full)
        starling_status_row_set_status (self->compact_row, NULL);
    }
}

static Answer
get_answer (gpointer item)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), ANSWER_KEY));
}

static void
update_request (StarlingNotificationRow *self)
{
  gboolean request = self->item != NULL &&
                     starling_notification_item_get_kind (self->item) == STARLING_NOTIFICATION_TYPE_FOLLOW_REQUEST;
  Answer answer = request ? get_answer (self->item) : ANSWER_NONE;

  gtk_widget_set_visible (self->request_box, request && answer == ANSWER_NONE);
  if (request && answer != ANSWER_NONE)
    {
      gtk_label_set_text (self->detail_label, answer == ANSWER_AUTHORIZED ? _("Accepted") : _("Rejected"));
      gtk_widget_set_visible (GTK_WIDGET (self->detail_label), TRUE);
    }
}

/* The one sentence a screen reader reads for the row: whether it is new,
 * what happened, when, and who for a follow; the post it is about reads
 * itself (its own row inside). */
static void
update_accessible (StarlingNotificationRow *self)
{
  g_autoptr (GString) spoken = NULL;
  g_autofree char *summary = NULL;
  g_autoptr (GDateTime) now = NULL;
  GDateTime *time;

  if (self->item == NULL)
    {
      starling_accessibility_set_row_label (GTK_WIDGET (self), NULL);
      return;
    }

  summary = starling_notification_item_dup_summary (self->item, self->own_account_id, FALSE);
  spoken = g_string_new (NULL);
  if (gtk_widget_get_visible (self->unread_dot))
    /* TRANSLATORS: what a screen reader reads first for a notification not seen before */
    g_string_append_printf (spoken, _("New: %s"), summary);
  else
    g_string_append (spoken, summary);

  time = item_time (self->item);
  if (time != NULL)
    {
      g_autofree char *age = NULL;

      now = starling_minute_clock_dup_now (starling_minute_clock_get_default ());
      age = starling_time_format_spoken (time, now);
      g_string_append_printf (spoken, ", %s", age);
    }
  if (gtk_widget_get_visible (GTK_WIDGET (self->detail_label)))
    g_string_append_printf (spoken, ", %s", gtk_label_get_text (self->detail_label));

  /* The list item that holds the row reads it too. */
  starling_accessibility_set_row_label (GTK_WIDGET (self), spoken->str);
}

static void
update (StarlingNotificationRow *self)
{
  StarlingNotificationType kind;
  g_autoptr (GPtrArray) accounts = NULL;
  g_autofree char *summary = NULL;
  g_autoptr (GDateTime) now = NULL;
  StarlingStatus *status;
  GDateTime *time;
  const char *css;
  gboolean mention;

  gtk_widget_remove_css_class (GTK_WIDGET (self->type_icon), "favourite");
  gtk_widget_remove_css_class (GTK_WIDGET (self->type_icon), "reblog");
  gtk_widget_remove_css_class (GTK_WIDGET (self->type_icon), "follow");
  gtk_widget_remove_css_class (GTK_WIDGET (self->type_icon), "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), FALSE);

  if (self->item == NULL)
    {
      starling_avatar_stack_set_accounts (self->avatars, NULL, NULL);
      show_status (self, NULL, FALSE);
      gtk_widget_set_visible (self->request_box, FALSE);
      update_accessible (self);
      return;
    }

  kind = starling_notification_item_get_kind (self->item);
  status = starling_notification_item_get_status (self->item);
  mention = kind == STARLING_NOTIFICATION_TYPE_MENTION;

  gtk_image_set_from_icon_name (self->type_icon, icon_of (kind));
  css = kind_css_class (kind);
  if (css != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->type_icon), css);

  summary = starling_notification_item_dup_summary (self->item, self->own_account_id, TRUE);
  gtk_label_set_markup (self->summary_label, summary);

  time = item_time (self->item);
  now = starling_minute_clock_dup_now (starling_minute_clock_get_default ());
  if (time != NULL)
    {
      g_autofree char *relative = starling_time_format_relative (time, now);
      g_autofree char *absolute = starling_time_format_absolute (time);

      gtk_label_set_text (self->time_label, relative);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->time_label), absolute);
    }
  else
    gtk_label_set_text (self->time_label, "");

  /* A mention is the post itself, which shows its author: no avatars. */
  accounts = item_accounts (self->item);
  starling_avatar_stack_set_accounts (self->avatars, mention ? NULL : accounts, self->loader);
  gtk_widget_set_visible (GTK_WIDGET (self->avatars), !mention && accounts->len > 0);

  /* A follow says who, with the handle and server. */
  if ((kind == STARLING_NOTIFICATION_TYPE_FOLLOW || kind == STARLING_NOTIFICATION_TYPE_FOLLOW_REQUEST ||
       kind == STARLING_NOTIFICATION_TYPE_ADMIN_SIGN_UP) && accounts->len == 1)
    {
      g_autofree char *handle = starling_status_text_dup_handle (g_ptr_array_index (accounts, 0));

      gtk_label_set_text (self->detail_label, handle);
      gtk_widget_set_visible (GTK_WIDGET (self->detail_label), TRUE);
    }

  update_request (self);
  show_status (self, status, mention);

  /* The post under a mention shows its own time. */
  gtk_widget_set_visible (GTK_WIDGET (self->time_label), !mention);
  if (mention)
    gtk_widget_add_css_class (GTK_WIDGET (self), "mention");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "mention");

  update_accessible (self);
}

/* Follow requests */

typedef struct
{
  StarlingNotificationRow *row;
  gpointer                 item;
  Answer                   answer;
} AnswerData;

static void
show_toast (StarlingNotificationRow *self,
            const char              *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (message, -1);

      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
    }
  else
    g_debug ("No place to show a toast: %s", message);
}

static void
answer_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  AnswerData *data = user_data;
  g_autoptr (GObject) relationship = NULL;
  g_autoptr (GError) error = NULL;

  relationship = starling_client_entity_finish (STARLING_CLIENT (object), result, &error);
  if (relationship == NULL)
    {
      g_autofree char *message = NULL;

      /* Undone: the buttons come back on whichever row shows the item. */
      g_object_set_data (G_OBJECT (data->item), ANSWER_KEY, GINT_TO_POINTER (ANSWER_NONE));
      if (data->row->item == data->item)
        update (data->row);
      message = g_strdup_printf (data->answer == ANSWER_AUTHORIZED ? _("Could not accept the follow request: %s")
                                                                   : _("Could not reject the follow request: %s"),
                                 error->message);
      show_toast (data->row, message);
    }

  g_object_unref (data->row);
  g_object_unref (data->item);
  g_free (data);
}

static void
answer_request (StarlingNotificationRow *self,
                Answer                   answer)
{
  StarlingAccount *account;
  AnswerData *data;

  if (self->item == NULL || self->client == NULL || get_answer (self->item) != ANSWER_NONE)
    return;
  account = starling_notification_item_get_account (self->item);
  if (account == NULL)
    return;

  /* At once; undone if the server refuses. */
  g_object_set_data (G_OBJECT (self->item), ANSWER_KEY, GINT_TO_POINTER (answer));
  update (self);

  data = g_new0 (AnswerData, 1);
  data->row = g_object_ref (self);
  data->item = g_object_ref (self->item);
  data->answer = answer;
  /* No cancellable: an answer stands even when the row scrolls away. */
  starling_client_account_action_async (self->client, starling_account_get_id (account),
                                        answer == ANSWER_AUTHORIZED ? STARLING_ACCOUNT_AUTHORIZE
                                                                    : STARLING_ACCOUNT_REJECT,
                                        NULL, answer_cb, data);
}

static void
authorize_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  answer_request (STARLING_NOTIFICATION_ROW (widget), ANSWER_AUTHORIZED);
}

static void
reject_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  answer_request (STARLING_NOTIFICATION_ROW (widget), ANSWER_REJECTED);
}

/* GObject */

static void
starling_notification_row_dispose (GObject *object)
{
  StarlingNotificationRow *self = STARLING_NOTIFICATION_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STARLING_TYPE_NOTIFICATION_ROW);
  self->full_row = NULL;
  self->compact_row = NULL;
  g_clear_object (&self->item);
  g_clear_object (&self->client);
  g_clear_object (&self->loader);
  g_clear_pointer (&self->own_account_id, g_free);

  G_OBJECT_CLASS (starling_notification_row_parent_class)->dispose (object);
}

static void
starling_notification_row_class_init (StarlingNotificationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = starling_notification_row_dispose;

  g_type_ensure (STARLING_TYPE_AVATAR_STACK);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/notifications/starling-notification-row.ui");
  gtk_widget_class_bind_template_child (widget_class, StarlingNotificationRow, box);
  gtk_widget_class_bind_template_child (widget_class, StarlingNotificationRow, header_box);
  gtk_widget_class_bind_template_child (widget_class, StarlingNotificationRow, type_icon);
  gtk_widget_class_bind_template_child (widget_class, StarlingNotificationRow, avatars);
  gtk_widget_class_bind_template_child (widget_class, StarlingNotificationRow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, StarlingNotificationRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, StarlingNotificationRow, unread_dot);
  gtk_widget_class_bind_template_child (widget_class, StarlingNotificationRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, StarlingNotificationRow, request_box);
  gtk_widget_class_bind_template_child (widget_class, StarlingNotificationRow, authorize_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingNotificationRow, reject_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingNotificationRow, status_slot);

  gtk_widget_class_install_action (widget_class, "notification.authorize", NULL, authorize_activated);
  gtk_widget_class_install_action (widget_class, "notification.reject", NULL, reject_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "notificationrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
starling_notification_row_init (StarlingNotificationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The row speaks for its list item, before the post inside it can. */
  starling_accessibility_set_row_label (GTK_WIDGET (self), NULL);
}

GtkWidget *
starling_notification_row_new (void)
{
  return g_object_new (STARLING_TYPE_NOTIFICATION_ROW, NULL);
}

/**
 * starling_notification_row_set_item:
 * @self: a #StarlingNotificationRow
 * @item: (nullable): a #StarlingNotification or #StarlingNotificationGroup
 *
 * Points the row at another notification.
 */
void
starling_notification_row_set_item (StarlingNotificationRow *self,
                                    gpointer                 item)
{
  g_return_if_fail (STARLING_IS_NOTIFICATION_ROW (self));
  g_return_if_fail (item == NULL || STARLING_IS_NOTIFICATION (item) || STARLING_IS_NOTIFICATION_GROUP (item));

  if (!g_set_object (&self->item, item))
    return;
  update (self);
}

/* Returns: (transfer none) (nullable): the item shown */
gpointer
starling_notification_row_get_item (StarlingNotificationRow *self)
{
  g_return_val_if_fail (STARLING_IS_NOTIFICATION_ROW (self), NULL);

  return self->item;
}

void
starling_notification_row_set_client (StarlingNotificationRow *self,
                                      StarlingClient          *client)
{
  g_return_if_fail (STARLING_IS_NOTIFICATION_ROW (self));

  g_set_object (&self->client, client);
}

void
starling_notification_row_set_image_loader (StarlingNotificationRow *self,
                                            StarlingImageLoader     *loader)
{
  g_return_if_fail (STARLING_IS_NOTIFICATION_ROW (self));

  g_set_object (&self->loader, loader);
}

void
starling_notification_row_set_own_account_id (StarlingNotificationRow *self,
                                              const char              *account_id)
{
  g_return_if_fail (STARLING_IS_NOTIFICATION_ROW (self));

  g_free (self->own_account_id);
  self->own_account_id = g_strdup (account_id);
}

/* Marks the row as not seen before. */
void
starling_notification_row_set_unread (StarlingNotificationRow *self,
                                      gboolean                 unread)
{
  g_return_if_fail (STARLING_IS_NOTIFICATION_ROW (self));

  gtk_widget_set_visible (self->unread_dot, unread);
  if (unread)
    gtk_widget_add_css_class (GTK_WIDGET (self), "unread");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "unread");
  update_accessible (self);
}

/* The sentence shown, without markup. */
const char *
starling_notification_row_get_summary (StarlingNotificationRow *self)
{
  g_return_val_if_fail (STARLING_IS_NOTIFICATION_ROW (self), NULL);

  return gtk_label_get_text (self->summary_label);
}

/* Returns: (transfer none) (nullable): the status row shown, full or
 *   compact, or %NULL when the item has no post */
StarlingStatusRow *
starling_notification_row_get_status_row (StarlingNotificationRow *self)
{
  g_return_val_if_fail (STARLING_IS_NOTIFICATION_ROW (self), NULL);

  if (self->full_row != NULL && gtk_widget_get_visible (GTK_WIDGET (self->full_row)))
    return self->full_row;
  if (self->compact_row != NULL && gtk_widget_get_visible (GTK_WIDGET (self->compact_row)))
    return self->compact_row;
  return NULL;
}

/* How many avatars the row shows. */
guint
starling_notification_row_get_n_avatars (StarlingNotificationRow *self)
{
  g_return_val_if_fail (STARLING_IS_NOTIFICATION_ROW (self), 0);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->avatars)))
    return 0;
  return starling_avatar_stack_get_n_shown (self->avatars);
}
