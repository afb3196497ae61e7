/* starling-poll-view.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-status"

#include "config.h"

#include <glib/gi18n.h>

#include "model/starling-poll-option.h"

#include "starling-poll-view.h"

/* A poll: while it is open and the signed-in account has not voted, one
 * radio (or check) button per option and a Vote button; otherwise the
 * results as bars with percentages, the account's own choices marked.
 * It follows the one StarlingPoll object, so a vote's answer (merged into
 * that object by the client) redraws it. The vote itself is the owner's
 * business: "vote" says which options were chosen. */
struct _StarlingPollView
{
  GtkWidget     parent_instance;

  StarlingPoll *poll;
  GSignalGroup *poll_signals;
  GDateTime    *now;
  gboolean      show_results;
  gboolean      busy;
  gboolean      voting;

  GtkWidget    *options_box;
  GtkWidget    *footer;
  GtkWidget    *vote_button;
  GPtrArray    *option_buttons;
};

G_DEFINE_FINAL_TYPE (StarlingPollView, starling_poll_view, GTK_TYPE_WIDGET)

enum {
  VOTE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/**
 * starling_poll_view_format_percent:
 * @votes: the votes of one option
 * @total: all votes (or voters, for a multiple-choice poll)
 *
 * Returns: (transfer full): the share, rounded to a whole percent
 */
char *
starling_poll_view_format_percent (gint64 votes,
                                   gint64 total)
{
  int percent = 0;

  if (total > 0 && votes > 0)
    percent = (int) ((votes * 100 + total / 2) / total);

  /* TRANSLATORS: a poll option's share of the votes */
  return g_strdup_printf (_("%d%%"), CLAMP (percent, 0, 100));
}

static char *
format_time_left (GDateTime *expires_at,
                  GDateTime *now)
{
  GTimeSpan left = g_date_time_difference (expires_at, now);
  gint64 minutes = left / G_TIME_SPAN_MINUTE;

  if (minutes < 1)
    return g_strdup (_("Closing now"));
  if (minutes < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute left", "%d minutes left", (gulong) minutes),
                            (int) minutes);
  if (minutes < 24 * 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour left", "%d hours left", (gulong) (minutes / 60)),
                            (int) (minutes / 60));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", (gulong) (minutes / (24 * 60))),
                          (int) (minutes / (24 * 60)));
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static void
update_vote_button (StarlingPollView *self)
{
  gboolean any = FALSE;

  for (guint i = 0; i < self->option_buttons->len; i++)
    any |= gtk_check_button_get_active (g_ptr_array_index (self->option_buttons, i));

  gtk_widget_set_sensitive (self->vote_button, any && !self->busy);
}

static void
option_toggled_cb (GtkCheckButton   *button,
                   StarlingPollView *self)
{
  update_vote_button (self);
}

static void
vote_clicked_cb (GtkButton        *button,
                 StarlingPollView *self)
{
  g_autoptr (GArray) choices = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < self->option_buttons->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->option_buttons, i)))
      g_array_append_val (choices, i);

  if (choices->len > 0)
    g_signal_emit (self, signals[VOTE], 0, choices);
}

static GtkWidget *
result_row (StarlingPollOption *option,
            gint64              total,
            gboolean            own,
            gboolean            leading)
{
  gint64 votes = starling_poll_option_get_votes_count (option);
  const char *title = starling_poll_option_get_title (option);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *line = gtk_grid_new ();
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *bar = gtk_progress_bar_new ();
  g_autofree char *percent = starling_poll_view_format_percent (votes, total);
  g_autofree char *spoken = NULL;
  GtkWidget *percent_label = gtk_label_new (votes >= 0 ? percent : "");

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_set_hexpand (label, TRUE);
  /* A grid, not a box: a horizontal box with an icon beside a wrapping
   * label reports a pixel more height for some widths than for none,
   * which GTK takes for a broken height-for-width. */
  gtk_grid_set_column_spacing (GTK_GRID (line), 6);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (percent_label, GTK_ALIGN_CENTER);

  if (own)
    {
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (check, _("Your vote"));
      gtk_widget_add_css_class (check, "accent");
      gtk_grid_attach (GTK_GRID (line), check, 0, 0, 1, 1);
    }
  gtk_grid_attach (GTK_GRID (line), label, 1, 0, 1, 1);
  gtk_widget_add_css_class (percent_label, "numeric");
  if (leading)
    gtk_widget_add_css_class (percent_label, "heading");
  else
    gtk_widget_add_css_class (percent_label, "dim-label");
  gtk_grid_attach (GTK_GRID (line), percent_label, 2, 0, 1, 1);

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar),
                                 total > 0 && votes > 0 ? CLAMP ((double) votes / total, 0.0, 1.0) : 0.0);
  gtk_widget_add_css_class (bar, "poll-bar");
  if (own)
    gtk_widget_add_css_class (bar, "own-vote");

  gtk_box_append (GTK_BOX (row), line);
  gtk_box_append (GTK_BOX (row), bar);

  /* TRANSLATORS: what a screen reader says for a poll option: "Cats: 40%, your vote" */
  spoken = own ? g_strdup_printf (_("%s: %s, your vote"), title, percent)
               : g_strdup_printf (_("%s: %s"), title, percent);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);

  return row;
}

static void
rebuild (StarlingPollView *self)
{
  GPtrArray *options;
  gint64 total;
  gint64 voters;
  gint64 most = 0;
  gboolean open;
  GDateTime *expires_at;
  g_autoptr (GString) footer = g_string_new (NULL);
  g_autoptr (GDateTime) real_now = NULL;
  GDateTime *now = self->now;
  GtkWidget *group = NULL;

  clear_box (self->options_box);
  g_ptr_array_set_size (self->option_buttons, 0);

  if (self->poll == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->footer), "");
      gtk_widget_set_visible (self->vote_button, FALSE);
      return;
    }

  if (now == NULL)
    now = real_now = g_date_time_new_now_utc ();

  options = starling_poll_get_options (self->poll);
  open = starling_poll_is_open (self->poll, now);
  self->voting = open && !starling_poll_get_voted (self->poll) && !self->show_results;

  total = starling_poll_get_votes_count (self->poll);
  voters = starling_poll_get_voters_count (self->poll);
  /* For a multiple-choice poll each voter may pick several options; the
   * share of voters is what people expect to read. */
  if (starling_poll_get_multiple (self->poll) && voters > 0)
    total = voters;

  for (guint i = 0; options != NULL && i < options->len; i++)
    most = MAX (most, starling_poll_option_get_votes_count (g_ptr_array_index (options, i)));

  for (guint i = 0; options != NULL && i < options->len; i++)
    {
      StarlingPollOption *option = g_ptr_array_index (options, i);

      if (self->voting)
        {
          GtkWidget *button = gtk_check_button_new_with_label (starling_poll_option_get_title (option));
          GtkWidget *child = gtk_check_button_get_child (GTK_CHECK_BUTTON (button));

          if (GTK_IS_LABEL (child))
            {
              gtk_label_set_wrap (GTK_LABEL (child), TRUE);
              gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
            }
          /* One choice: radio buttons, grouped. */
          if (!starling_poll_get_multiple (self->poll))
            {
              if (group != NULL)
                gtk_check_button_set_group (GTK_CHECK_BUTTON (button), GTK_CHECK_BUTTON (group));
              else
                group = button;
            }
          g_signal_connect_object (button, "toggled", G_CALLBACK (option_toggled_cb), self, 0);
          gtk_widget_set_sensitive (button, !self->busy);
          gtk_box_append (GTK_BOX (self->options_box), button);
          g_ptr_array_add (self->option_buttons, button);
        }
      else
        {
          gint64 votes = starling_poll_option_get_votes_count (option);

          gtk_box_append (GTK_BOX (self->options_box),
                          result_row (option, total, starling_poll_has_own_vote (self->poll, i),
                                      votes > 0 && votes == most));
        }
    }

  if (voters >= 0 && starling_poll_get_multiple (self->poll))
    g_string_append_printf (footer, g_dngettext (GETTEXT_PACKAGE, "%" G_GINT64_FORMAT " person",
                                                 "%" G_GINT64_FORMAT " people", (gulong) voters), voters);
  else
    g_string_append_printf (footer, g_dngettext (GETTEXT_PACKAGE, "%" G_GINT64_FORMAT " vote",
                                                 "%" G_GINT64_FORMAT " votes",
                                                 (gulong) starling_poll_get_votes_count (self->poll)),
                            starling_poll_get_votes_count (self->poll));
  g_string_append (footer, " · ");
  expires_at = starling_poll_get_expires_at (self->poll);
  if (!open)
    g_string_append (footer, _("Closed"));
  else if (expires_at != NULL)
    {
      g_autofree char *left = format_time_left (expires_at, now);

      g_string_append (footer, left);
    }
  else
    g_string_append (footer, _("Open"));
  if (starling_poll_get_multiple (self->poll) && self->voting)
    {
      g_string_append (footer, " · ");
      g_string_append (footer, _("Choose one or more"));
    }

  gtk_label_set_text (GTK_LABEL (self->footer), footer->str);
  gtk_widget_set_visible (self->vote_button, self->voting);
  update_vote_button (self);
}

static void
poll_notify_cb (StarlingPollView *self)
{
  rebuild (self);
}

static void
starling_poll_view_dispose (GObject *object)
{
  StarlingPollView *self = STARLING_POLL_VIEW (object);
  GtkWidget *child;

  if (self->poll_signals != NULL)
    g_signal_group_set_target (self->poll_signals, NULL);
  g_clear_object (&self->poll_signals);
  g_clear_object (&self->poll);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->option_buttons, g_ptr_array_unref);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (starling_poll_view_parent_class)->dispose (object);
}

static void
starling_poll_view_class_init (StarlingPollViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = starling_poll_view_dispose;

  /**
   * StarlingPollView::vote:
   * @self: the poll view
   * @choices: (type GArray) (element-type guint): the options chosen
   */
  signals[VOTE] =
    g_signal_new ("vote",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ARRAY);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "poll");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
starling_poll_view_init (StarlingPollView *self)
{
  GtkWidget *bottom;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 8);

  self->option_buttons = g_ptr_array_new ();

  self->options_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_parent (self->options_box, GTK_WIDGET (self));

  bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_parent (bottom, GTK_WIDGET (self));

  self->vote_button = gtk_button_new_with_mnemonic (_("_Vote"));
  gtk_widget_add_css_class (self->vote_button, "suggested-action");
  gtk_widget_set_valign (self->vote_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->vote_button, _("Send your vote"));
  g_signal_connect_object (self->vote_button, "clicked", G_CALLBACK (vote_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (bottom), self->vote_button);

  self->footer = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->footer), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (self->footer), TRUE);
  gtk_widget_add_css_class (self->footer, "dim-label");
  gtk_widget_add_css_class (self->footer, "caption");
  gtk_box_append (GTK_BOX (bottom), self->footer);

  self->poll_signals = g_signal_group_new (STARLING_TYPE_POLL);
  g_signal_group_connect_swapped (self->poll_signals, "notify::voted", G_CALLBACK (poll_notify_cb), self);
  g_signal_group_connect_swapped (self->poll_signals, "notify::own-votes", G_CALLBACK (poll_notify_cb), self);
  g_signal_group_connect_swapped (self->poll_signals, "notify::options", G_CALLBACK (poll_notify_cb), self);
  g_signal_group_connect_swapped (self->poll_signals, "notify::votes-count", G_CALLBACK (poll_notify_cb), self);
  g_signal_group_connect_swapped (self->poll_signals, "notify::voters-count", G_CALLBACK (poll_notify_cb), self);
  g_signal_group_connect_swapped (self->poll_signals, "notify::expired", G_CALLBACK (poll_notify_cb), self);
}

GtkWidget *
starling_poll_view_new (void)
{
  return g_object_new (STARLING_TYPE_POLL_VIEW, NULL);
}

/**
 * starling_poll_view_set_poll:
 * @self: a poll view
 * @poll: (nullable): the poll to show and follow
 */
void
starling_poll_view_set_poll (StarlingPollView *self,
                             StarlingPoll     *poll)
{
  g_return_if_fail (STARLING_IS_POLL_VIEW (self));

  if (g_set_object (&self->poll, poll))
    {
      self->show_results = FALSE;
      self->busy = FALSE;
      g_signal_group_set_target (self->poll_signals, poll);
    }
  rebuild (self);
}

StarlingPoll *
starling_poll_view_get_poll (StarlingPollView *self)
{
  g_return_val_if_fail (STARLING_IS_POLL_VIEW (self), NULL);

  return self->poll;
}

/**
 * starling_poll_view_set_now:
 * @self: a poll view
 * @now: (nullable): the time to tell open polls from closed ones
 */
void
starling_poll_view_set_now (StarlingPollView *self,
                            GDateTime        *now)
{
  g_return_if_fail (STARLING_IS_POLL_VIEW (self));

  g_clear_pointer (&self->now, g_date_time_unref);
  if (now != NULL)
    self->now = g_date_time_ref (now);
  /* Rebuilding would drop a choice being made: only redraw when the poll
   * closed in the meantime or results are shown. */
  if (!self->voting || (self->poll != NULL && !starling_poll_is_open (self->poll, now)))
    rebuild (self);
}

/**
 * starling_poll_view_set_show_results:
 * @self: a poll view
 * @show_results: whether to show the results of an open poll (the
 *   author's own poll, say) instead of the buttons
 */
void
starling_poll_view_set_show_results (StarlingPollView *self,
                                     gboolean          show_results)
{
  g_return_if_fail (STARLING_IS_POLL_VIEW (self));

  self->show_results = !!show_results;
  rebuild (self);
}

/**
 * starling_poll_view_get_voting:
 * @self: a poll view
 *
 * Returns: whether the view shows buttons to vote
 */
gboolean
starling_poll_view_get_voting (StarlingPollView *self)
{
  g_return_val_if_fail (STARLING_IS_POLL_VIEW (self), FALSE);

  return self->voting;
}

/**
 * starling_poll_view_set_busy:
 * @self: a poll view
 * @busy: whether a vote is on its way
 */
void
starling_poll_view_set_busy (StarlingPollView *self,
                             gboolean          busy)
{
  g_return_if_fail (STARLING_IS_POLL_VIEW (self));

  self->busy = !!busy;
  for (guint i = 0; i < self->option_buttons->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (self->option_buttons, i), !busy);
  update_vote_button (self);
}

/**
 * starling_poll_view_get_option_button:
 * @self: a poll view
 * @index: an option
 *
 * Returns: (transfer none) (nullable): the check button of an option while
 *   voting
 */
GtkWidget *
starling_poll_view_get_option_button (StarlingPollView *self,
                                      guint             index)
{
  g_return_val_if_fail (STARLING_IS_POLL_VIEW (self), NULL);

  return index < self->option_buttons->len ? g_ptr_array_index (self->option_buttons, index) : NULL;
}

/**
 * starling_poll_view_get_vote_button:
 * @self: a poll view
 *
 * Returns: (transfer none): the Vote button
 */
GtkWidget *
starling_poll_view_get_vote_button (StarlingPollView *self)
{
  g_return_val_if_fail (STARLING_IS_POLL_VIEW (self), NULL);

  return self->vote_button;
}
