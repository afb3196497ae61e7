/* starling-status-actions.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-status"

#include "config.h"

#include <glib/gi18n.h>

#include "model/starling-poll-option.h"

#include "starling-status-actions.h"

/* Favourites, boosts, bookmarks and votes, done the way people expect:
 * the one StarlingStatus (or StarlingPoll) object changes at once, so
 * every row showing it follows the click; the server's answer, decoded
 * through the same identity map, then puts the true values in place; and
 * when the request fails the old values come back and the error says what
 * could not be done ("Could not favourite: …") for a toast.
 *
 * A rollback only undoes what this request guessed: when something else
 * (another click, a streamed update) changed the value since, it stays. */

typedef struct
{
  StarlingStatus       *status;
  StarlingStatusToggle  toggle;
  gboolean              old_active;
  gboolean              new_active;
  gint64                old_count;
  gint64                new_count;
} ToggleData;

static void
toggle_data_free (ToggleData *data)
{
  g_clear_object (&data->status);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ToggleData, toggle_data_free)

static const StarlingStatusAction toggle_actions[][2] = {
  [STARLING_STATUS_TOGGLE_FAVOURITE] = { STARLING_STATUS_UNFAVOURITE, STARLING_STATUS_FAVOURITE },
  [STARLING_STATUS_TOGGLE_BOOST] = { STARLING_STATUS_UNREBLOG, STARLING_STATUS_REBLOG },
  [STARLING_STATUS_TOGGLE_BOOKMARK] = { STARLING_STATUS_UNBOOKMARK, STARLING_STATUS_BOOKMARK },
};

/**
 * starling_status_actions_get_active:
 * @status: a status (a boost's wrapper counts as the boosted post)
 * @toggle: which state
 *
 * Returns: whether the signed-in account favourited, boosted or bookmarked
 *   the post
 */
gboolean
starling_status_actions_get_active (StarlingStatus       *status,
                                    StarlingStatusToggle  toggle)
{
  StarlingStatus *shown;

  g_return_val_if_fail (STARLING_IS_STATUS (status), FALSE);

  shown = starling_status_get_shown (status);
  switch (toggle)
    {
    case STARLING_STATUS_TOGGLE_FAVOURITE:
      return starling_status_get_favourited (shown);
    case STARLING_STATUS_TOGGLE_BOOST:
      return starling_status_get_reblogged (shown);
    case STARLING_STATUS_TOGGLE_BOOKMARK:
      return starling_status_get_bookmarked (shown);
    default:
      g_return_val_if_reached (FALSE);
    }
}

static void
set_active (StarlingStatus       *status,
            StarlingStatusToggle  toggle,
            gboolean              active)
{
  switch (toggle)
    {
    case STARLING_STATUS_TOGGLE_FAVOURITE:
      starling_status_set_favourited (status, active);
      break;
    case STARLING_STATUS_TOGGLE_BOOST:
      starling_status_set_reblogged (status, active);
      break;
    case STARLING_STATUS_TOGGLE_BOOKMARK:
      starling_status_set_bookmarked (status, active);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Bookmarks have no public count. */
static gint64
get_count (StarlingStatus       *status,
           StarlingStatusToggle  toggle)
{
  switch (toggle)
    {
    case STARLING_STATUS_TOGGLE_FAVOURITE:
      return starling_status_get_favourites_count (status);
    case STARLING_STATUS_TOGGLE_BOOST:
      return starling_status_get_reblogs_count (status);
    case STARLING_STATUS_TOGGLE_BOOKMARK:
    default:
      return -1;
    }
}

static void
set_count (StarlingStatus       *status,
           StarlingStatusToggle  toggle,
           gint64                count)
{
  switch (toggle)
    {
    case STARLING_STATUS_TOGGLE_FAVOURITE:
      starling_status_set_favourites_count (status, count);
      break;
    case STARLING_STATUS_TOGGLE_BOOST:
      starling_status_set_reblogs_count (status, count);
      break;
    case STARLING_STATUS_TOGGLE_BOOKMARK:
    default:
      break;
    }
}

static void
prefix_error (GError               *error,
              StarlingStatusToggle  toggle,
              gboolean              activating)
{
  char *message;

  switch (toggle)
    {
    case STARLING_STATUS_TOGGLE_FAVOURITE:
      message = activating ? g_strdup_printf (_("Could not favourite: %s"), error->message)
                           : g_strdup_printf (_("Could not remove the favourite: %s"), error->message);
      break;
    case STARLING_STATUS_TOGGLE_BOOST:
      message = activating ? g_strdup_printf (_("Could not boost: %s"), error->message)
                           : g_strdup_printf (_("Could not undo the boost: %s"), error->message);
      break;
    case STARLING_STATUS_TOGGLE_BOOKMARK:
    default:
      message = activating ? g_strdup_printf (_("Could not bookmark: %s"), error->message)
                           : g_strdup_printf (_("Could not remove the bookmark: %s"), error->message);
      break;
    }

  g_free (error->message);
  error->message = message;
}

static void
toggle_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  StarlingClient *client = STARLING_CLIENT (object);
  g_autoptr (GTask) task = user_data;
  ToggleData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingStatus) answer = NULL;
  StarlingStatus *answered;

  answer = starling_client_entity_finish (client, result, &error);
  if (answer == NULL)
    {
      /* Put back what this request guessed, unless something newer
       * changed it since. */
      if (starling_status_actions_get_active (data->status, data->toggle) == data->new_active)
        set_active (data->status, data->toggle, data->old_active);
      if (data->old_count >= 0 && get_count (data->status, data->toggle) == data->new_count)
        set_count (data->status, data->toggle, data->old_count);

      g_debug ("%s of status %s failed: %s",
               data->new_active ? "Setting" : "Unsetting",
               starling_status_get_id (data->status), error->message);
      prefix_error (error, data->toggle, data->new_active);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The answer to a boost is the boost itself, which wraps the post. */
  answered = starling_status_get_reblog (answer) != NULL ? starling_status_get_reblog (answer) : answer;

  /* The client decodes through the identity map the status came from, so
   * the answer usually is the same object, already updated. A status
   * from elsewhere (a copy outside the map) takes the server's values
   * here. */
  if (answered != data->status && g_strcmp0 (starling_status_get_id (answered),
                                              starling_status_get_id (data->status)) == 0)
    {
      starling_status_set_favourited (data->status, starling_status_get_favourited (answered));
      starling_status_set_reblogged (data->status, starling_status_get_reblogged (answered));
      starling_status_set_bookmarked (data->status, starling_status_get_bookmarked (answered));
      starling_status_set_favourites_count (data->status, starling_status_get_favourites_count (answered));
      starling_status_set_reblogs_count (data->status, starling_status_get_reblogs_count (answered));
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * starling_status_actions_toggle_async:
 * @client: the client of the signed-in account
 * @status: a status (for a boost's wrapper, the boosted post is acted on)
 * @toggle: what to turn on or off
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the server answered
 * @user_data: data for @callback
 *
 * Turns @toggle over: the post changes at once (its state and its count),
 * the request goes to the server, and its answer is merged when it comes.
 */
void
starling_status_actions_toggle_async (StarlingClient        *client,
                                      StarlingStatus        *status,
                                      StarlingStatusToggle   toggle,
                                      GCancellable          *cancellable,
                                      GAsyncReadyCallback    callback,
                                      gpointer               user_data)
{
  g_autoptr (GTask) task = NULL;
  ToggleData *data;
  StarlingStatus *shown;

  g_return_if_fail (STARLING_IS_CLIENT (client));
  g_return_if_fail (STARLING_IS_STATUS (status));
  g_return_if_fail (toggle <= STARLING_STATUS_TOGGLE_BOOKMARK);

  shown = starling_status_get_shown (status);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_status_actions_toggle_async);

  data = g_new0 (ToggleData, 1);
  data->status = g_object_ref (shown);
  data->toggle = toggle;
  data->old_active = starling_status_actions_get_active (shown, toggle);
  data->new_active = !data->old_active;
  data->old_count = get_count (shown, toggle);
  data->new_count = data->old_count >= 0 ? MAX (0, data->old_count + (data->new_active ? 1 : -1)) : -1;
  g_task_set_task_data (task, data, (GDestroyNotify) toggle_data_free);

  set_active (shown, toggle, data->new_active);
  if (data->new_count >= 0)
    set_count (shown, toggle, data->new_count);

  starling_client_status_action_async (client, starling_status_get_id (shown),
                                       toggle_actions[toggle][data->new_active ? 1 : 0],
                                       cancellable, toggle_cb, g_steal_pointer (&task));
}

/**
 * starling_status_actions_toggle_finish:
 * @result: the result given to the callback
 * @error: return location for an error whose message says what could not
 *   be done, as a toast shows it
 *
 * Returns: whether the server took the change
 */
gboolean
starling_status_actions_toggle_finish (GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == starling_status_actions_toggle_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Voting */

typedef struct
{
  StarlingPoll *poll;
  gboolean      old_voted;
  JsonNode     *old_own_votes;
  gint64        old_votes_count;
  gint64        old_voters_count;
  GArray       *old_option_counts;
  GArray       *new_option_counts;
  gint64        new_votes_count;
} VoteData;

static void
vote_data_free (VoteData *data)
{
  g_clear_object (&data->poll);
  g_clear_pointer (&data->old_own_votes, json_node_unref);
  g_clear_pointer (&data->old_option_counts, g_array_unref);
  g_clear_pointer (&data->new_option_counts, g_array_unref);
  g_free (data);
}

static void
set_option_counts (StarlingPoll *poll,
                   GArray       *counts)
{
  GPtrArray *options = starling_poll_get_options (poll);

  for (guint i = 0; options != NULL && i < options->len && i < counts->len; i++)
    g_object_set (g_ptr_array_index (options, i), "votes-count", g_array_index (counts, gint64, i), NULL);
}

static void
copy_poll (StarlingPoll *to,
           StarlingPoll *from)
{
  GPtrArray *from_options = starling_poll_get_options (from);
  g_autoptr (GArray) counts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (JsonNode) own_votes = NULL;

  for (guint i = 0; from_options != NULL && i < from_options->len; i++)
    {
      gint64 count = starling_poll_option_get_votes_count (g_ptr_array_index (from_options, i));

      g_array_append_val (counts, count);
    }

  g_object_get (from, "own-votes", &own_votes, NULL);
  g_object_set (to,
                "own-votes", own_votes,
                "votes-count", starling_poll_get_votes_count (from),
                "voters-count", starling_poll_get_voters_count (from),
                "expired", starling_poll_get_expired (from),
                NULL);
  set_option_counts (to, counts);
  g_object_set (to, "voted", starling_poll_get_voted (from), NULL);
}

static void
vote_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  StarlingClient *client = STARLING_CLIENT (object);
  g_autoptr (GTask) task = user_data;
  VoteData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingPoll) answer = NULL;

  answer = starling_client_entity_finish (client, result, &error);
  if (answer == NULL)
    {
      /* The guess goes away unless the poll changed since. */
      if (starling_poll_get_voted (data->poll) && starling_poll_get_votes_count (data->poll) == data->new_votes_count)
        {
          g_object_set (data->poll,
                        "own-votes", data->old_own_votes,
                        "votes-count", data->old_votes_count,
                        "voters-count", data->old_voters_count,
                        NULL);
          set_option_counts (data->poll, data->old_option_counts);
          g_object_set (data->poll, "voted", data->old_voted, NULL);
        }

      {
        g_autofree char *message = g_strdup_printf (_("Could not vote: %s"), error->message);

        g_free (error->message);
        error->message = g_steal_pointer (&message);
      }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (answer != data->poll)
    copy_poll (data->poll, answer);

  g_task_return_boolean (task, TRUE);
}

/**
 * starling_status_actions_vote_async:
 * @client: the client of the signed-in account
 * @poll: an open poll
 * @choices: (array length=n_choices): the indexes of the options chosen
 * @n_choices: how many
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the server answered
 * @user_data: data for @callback
 *
 * Votes: the poll shows the vote at once (its counts with it), and the
 * server's results replace the guess when they come.
 */
void
starling_status_actions_vote_async (StarlingClient      *client,
                                    StarlingPoll        *poll,
                                    const guint         *choices,
                                    guint                n_choices,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) own_votes = NULL;
  GPtrArray *options;
  VoteData *data;
  gint64 voters;

  g_return_if_fail (STARLING_IS_CLIENT (client));
  g_return_if_fail (STARLING_IS_POLL (poll));
  g_return_if_fail (choices != NULL && n_choices > 0);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_status_actions_vote_async);

  options = starling_poll_get_options (poll);

  data = g_new0 (VoteData, 1);
  data->poll = g_object_ref (poll);
  data->old_voted = starling_poll_get_voted (poll);
  g_object_get (poll, "own-votes", &data->old_own_votes, NULL);
  data->old_votes_count = starling_poll_get_votes_count (poll);
  data->old_voters_count = starling_poll_get_voters_count (poll);
  data->old_option_counts = g_array_new (FALSE, FALSE, sizeof (gint64));
  data->new_option_counts = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; options != NULL && i < options->len; i++)
    {
      gint64 count = starling_poll_option_get_votes_count (g_ptr_array_index (options, i));
      gint64 guess = count;

      for (guint j = 0; j < n_choices; j++)
        if (choices[j] == i && count >= 0)
          guess = count + 1;

      g_array_append_val (data->old_option_counts, count);
      g_array_append_val (data->new_option_counts, guess);
    }
  data->new_votes_count = data->old_votes_count + n_choices;
  g_task_set_task_data (task, data, (GDestroyNotify) vote_data_free);

  json_builder_begin_array (builder);
  for (guint i = 0; i < n_choices; i++)
    json_builder_add_int_value (builder, choices[i]);
  json_builder_end_array (builder);
  own_votes = json_builder_get_root (builder);

  voters = data->old_voters_count >= 0 ? data->old_voters_count + 1 : -1;
  g_object_set (poll,
                "own-votes", own_votes,
                "votes-count", data->new_votes_count,
                "voters-count", voters,
                NULL);
  set_option_counts (poll, data->new_option_counts);
  /* Last: "voted" is what turns the buttons into results. */
  g_object_set (poll, "voted", TRUE, NULL);

  starling_client_vote_async (client, starling_poll_get_id (poll), choices, n_choices,
                              cancellable, vote_cb, g_steal_pointer (&task));
}

/**
 * starling_status_actions_vote_finish:
 * @result: the result given to the callback
 * @error: return location for an error whose message says the vote could
 *   not be sent, and why
 *
 * Returns: whether the vote was counted
 */
gboolean
starling_status_actions_vote_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == starling_status_actions_vote_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
