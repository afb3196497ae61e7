/* starling-thread-row.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-thread"

#include "config.h"

#include <glib/gi18n.h>

#include "model/starling-client-application.h"
#include "text/starling-time.h"
#include "ui/status/starling-status-text.h"

#include "starling-thread-row.h"

/* One post of a thread, as a thread page's list view shows it (and
 * recycles it): the status row, indented by its depth with a vertical
 * line per level, and for the focused post the details a timeline leaves
 * out — the full date, the app it was written with, who may see it, and
 * how many favourited and boosted it, buttons that open those lists
 * (`thread.favourited-by` and `thread.boosted-by`, with the status id). */
struct _StarlingThreadRow
{
  GtkWidget           parent_instance;

  StarlingThreadItem *item;
  GSignalGroup       *status_signals;
  guint               n_lines;

  /* Template widgets */
  GtkWidget          *box;
  GtkBox             *lines_box;
  StarlingStatusRow  *status_row;
  GtkWidget          *details_box;
  GtkLabel           *details_label;
  GtkButton          *favourites_button;
  GtkButton          *boosts_button;
};

G_DEFINE_FINAL_TYPE (StarlingThreadRow, starling_thread_row, GTK_TYPE_WIDGET)

static const char *
visibility_label (StarlingStatus *status)
{
  switch (starling_status_get_visibility (status))
    {
    case STARLING_VISIBILITY_PUBLIC:
      return _("Public");
    case STARLING_VISIBILITY_UNLISTED:
      return _("Quiet public");
    case STARLING_VISIBILITY_PRIVATE:
      return _("Followers only");
    case STARLING_VISIBILITY_DIRECT:
      return _("Mentioned people only");
    case STARLING_VISIBILITY_UNKNOWN:
    default:
      return starling_status_get_visibility_name (status);
    }
}

static void
set_lines (StarlingThreadRow *self,
           guint              n_lines)
{
  GtkWidget *child;

  if (self->n_lines == n_lines)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lines_box))) != NULL)
    gtk_box_remove (self->lines_box, child);
  for (guint i = 0; i < n_lines; i++)
    {
      GtkWidget *line = gtk_separator_new (GTK_ORIENTATION_VERTICAL);

      gtk_widget_add_css_class (line, "thread-line");
      gtk_box_append (self->lines_box, line);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->lines_box), n_lines > 0);
  self->n_lines = n_lines;
}

static void
update_counts (StarlingThreadRow *self)
{
  StarlingStatus *status;
  g_autofree char *favourites = NULL;
  g_autofree char *boosts = NULL;
  g_autofree char *favourites_text = NULL;
  g_autofree char *boosts_text = NULL;
  gint64 n_favourites;
  gint64 n_boosts;

  if (self->item == NULL || starling_thread_item_get_role (self->item) != STARLING_THREAD_FOCUSED)
    return;

  status = starling_status_get_shown (starling_thread_item_get_status (self->item));
  n_favourites = starling_status_get_favourites_count (status);
  n_boosts = starling_status_get_reblogs_count (status);
  favourites = starling_status_text_format_count (n_favourites);
  boosts = starling_status_text_format_count (n_boosts);

  /* TRANSLATORS: a button under a post that lists who favourited it */
  favourites_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s favourite", "%s favourites",
                                                  (gulong) MIN (n_favourites, G_MAXULONG)),
                                     n_favourites > 0 ? favourites : "0");
  /* TRANSLATORS: a button under a post that lists who boosted it */
  boosts_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s boost", "%s boosts",
                                              (gulong) MIN (n_boosts, G_MAXULONG)),
                                 n_boosts > 0 ? boosts : "0");
  gtk_button_set_label (self->favourites_button, favourites_text);
  gtk_button_set_label (self->boosts_button, boosts_text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->favourites_button), n_favourites > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->boosts_button), n_boosts > 0);
}

static void
update_details (StarlingThreadRow *self)
{
  StarlingStatus *status;
  g_autofree char *details = NULL;

  if (self->item == NULL || starling_thread_item_get_role (self->item) != STARLING_THREAD_FOCUSED)
    return;

  status = starling_status_get_shown (starling_thread_item_get_status (self->item));
  details = starling_thread_row_format_details (status);
  gtk_label_set_text (self->details_label, details);
  update_counts (self);
}

static void
status_notify_cb (StarlingThreadRow *self,
                  GParamSpec        *pspec)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "favourites-count") || g_str_equal (name, "reblogs-count"))
    update_counts (self);
  else if (g_str_equal (name, "edited-at") || g_str_equal (name, "visibility") ||
           g_str_equal (name, "application"))
    update_details (self);
}

static void
starling_thread_row_dispose (GObject *object)
{
  StarlingThreadRow *self = STARLING_THREAD_ROW (object);

  g_clear_object (&self->status_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), STARLING_TYPE_THREAD_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (starling_thread_row_parent_class)->dispose (object);
}

static void
starling_thread_row_class_init (StarlingThreadRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = starling_thread_row_dispose;

  g_type_ensure (STARLING_TYPE_STATUS_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/thread/starling-thread-row.ui");
  gtk_widget_class_bind_template_child (widget_class, StarlingThreadRow, box);
  gtk_widget_class_bind_template_child (widget_class, StarlingThreadRow, lines_box);
  gtk_widget_class_bind_template_child (widget_class, StarlingThreadRow, status_row);
  gtk_widget_class_bind_template_child (widget_class, StarlingThreadRow, details_box);
  gtk_widget_class_bind_template_child (widget_class, StarlingThreadRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, StarlingThreadRow, favourites_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingThreadRow, boosts_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "threadrow");
  /* A container: without a role of its own, GTK 4.8 would read its type name. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
starling_thread_row_init (StarlingThreadRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->status_signals = g_signal_group_new (STARLING_TYPE_STATUS);
  g_signal_group_connect_swapped (self->status_signals, "notify", G_CALLBACK (status_notify_cb), self);
  gtk_widget_set_visible (GTK_WIDGET (self->lines_box), FALSE);
}

GtkWidget *
starling_thread_row_new (void)
{
  return g_object_new (STARLING_TYPE_THREAD_ROW, NULL);
}

/* Returns: (transfer none): the status row inside */
StarlingStatusRow *
starling_thread_row_get_status_row (StarlingThreadRow *self)
{
  g_return_val_if_fail (STARLING_IS_THREAD_ROW (self), NULL);

  return self->status_row;
}

/* Returns: (transfer none) (nullable): the item shown */
StarlingThreadItem *
starling_thread_row_get_item (StarlingThreadRow *self)
{
  g_return_val_if_fail (STARLING_IS_THREAD_ROW (self), NULL);

  return self->item;
}

/**
 * starling_thread_row_set_item:
 * @self: a #StarlingThreadRow
 * @item: (nullable): the post to show, or %NULL when the row is unbound
 *
 * Points the row at another post of the thread.
 */
void
starling_thread_row_set_item (StarlingThreadRow  *self,
                              StarlingThreadItem *item)
{
  gboolean focused;
  StarlingStatus *shown = NULL;

  g_return_if_fail (STARLING_IS_THREAD_ROW (self));
  g_return_if_fail (item == NULL || STARLING_IS_THREAD_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;

  focused = item != NULL && starling_thread_item_get_role (item) == STARLING_THREAD_FOCUSED;
  if (item != NULL)
    shown = starling_status_get_shown (starling_thread_item_get_status (item));

  g_signal_group_set_target (self->status_signals, focused ? shown : NULL);
  starling_status_row_set_status (self->status_row, item != NULL ? starling_thread_item_get_status (item) : NULL);
  set_lines (self, item != NULL ? starling_thread_item_get_shown_depth (item) : 0);

  if (focused)
    gtk_widget_add_css_class (GTK_WIDGET (self), "focused");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "focused");
  if (item != NULL && starling_thread_item_get_role (item) == STARLING_THREAD_ANCESTOR)
    gtk_widget_add_css_class (GTK_WIDGET (self), "ancestor");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "ancestor");

  gtk_widget_set_visible (self->details_box, focused);
  if (focused)
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->favourites_button), "s", starling_status_get_id (shown));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->favourites_button), "thread.favourited-by");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->boosts_button), "s", starling_status_get_id (shown));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->boosts_button), "thread.boosted-by");
      update_details (self);
    }
  else
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->favourites_button), NULL);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->boosts_button), NULL);
    }
}

/* The number of indentation lines shown. */
guint
starling_thread_row_get_n_lines (StarlingThreadRow *self)
{
  g_return_val_if_fail (STARLING_IS_THREAD_ROW (self), 0);

  return self->n_lines;
}

/* The focused post's line of details, or %NULL for other posts. */
const char *
starling_thread_row_get_details (StarlingThreadRow *self)
{
  g_return_val_if_fail (STARLING_IS_THREAD_ROW (self), NULL);

  if (!gtk_widget_get_visible (self->details_box))
    return NULL;
  return gtk_label_get_text (self->details_label);
}

/**
 * starling_thread_row_format_details:
 * @status: the focused post (not a boost)
 *
 * The focused post's details in one line: its full date, the app it was
 * written with, who may see it, and when it was last edited.
 *
 * Returns: (transfer full): the text
 */
char *
starling_thread_row_format_details (StarlingStatus *status)
{
  g_autoptr (GString) text = g_string_new (NULL);
  StarlingClientApplication *application;
  const char *visibility;

  g_return_val_if_fail (STARLING_IS_STATUS (status), NULL);

  if (starling_status_get_created_at (status) != NULL)
    {
      g_autofree char *date = starling_time_format_absolute (starling_status_get_created_at (status));

      g_string_append (text, date);
    }

  application = starling_status_get_application (status);
  if (application != NULL && starling_client_application_get_name (application) != NULL)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      /* TRANSLATORS: the app a post was written with, as in "via Starling" */
      g_string_append_printf (text, _("via %s"), starling_client_application_get_name (application));
    }

  visibility = visibility_label (status);
  if (visibility != NULL)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, visibility);
    }

  if (starling_status_get_edited_at (status) != NULL)
    {
      g_autofree char *date = starling_time_format_absolute (starling_status_get_edited_at (status));

      if (text->len > 0)
        g_string_append (text, " · ");
      /* TRANSLATORS: when a post was last edited, with a full date */
      g_string_append_printf (text, _("Edited %s"), date);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
