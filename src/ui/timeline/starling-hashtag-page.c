/* starling-hashtag-page.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The posts with one hashtag, and a Follow/Unfollow button for the tag in
 * the header.
 */

#define G_LOG_DOMAIN "starling-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "model/starling-tag.h"

#include "starling-hashtag-page.h"

struct _StarlingHashtagPage
{
  GtkWidget               parent_instance;

  StarlingAccountSession *session;
  StarlingFeed           *feed;
  GtkWidget              *timeline_page;
  GtkWidget              *follow_button;
  GCancellable           *cancellable;
  char                   *tag;
  char                   *title;
  gboolean                following;
  gboolean                known;
  gboolean                busy;
};

G_DEFINE_FINAL_TYPE (StarlingHashtagPage, starling_hashtag_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_FEED,
  PROP_TITLE,
  PROP_HEADER_WIDGET,
  PROP_FOLLOWING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
show_toast (StarlingHashtagPage *self,
            const char          *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
  else
    g_debug ("%s", message);
}

static void
update_button (StarlingHashtagPage *self)
{
  const char *label = self->following ? _("Unfollow") : _("Follow");
  g_autofree char *spoken = g_strdup_printf (self->following ? _("Unfollow #%s") : _("Follow #%s"), self->tag);

  gtk_button_set_label (GTK_BUTTON (self->follow_button), label);
  gtk_widget_set_tooltip_text (self->follow_button, spoken);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->follow_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  spoken, -1);
  gtk_widget_set_sensitive (self->follow_button, self->known && !self->busy);
  if (self->following)
    gtk_widget_remove_css_class (self->follow_button, "suggested-action");
  else
    gtk_widget_add_css_class (self->follow_button, "suggested-action");
}

static void
set_following (StarlingHashtagPage *self,
               gboolean             following)
{
  following = !!following;
  self->known = TRUE;
  if (self->following != following)
    {
      self->following = following;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOWING]);
    }
  update_button (self);
}

static StarlingRequest *
tag_request (StarlingHashtagPage *self,
             const char          *method,
             const char          *suffix)
{
  g_autofree char *path = g_strconcat ("/api/v1/tags/:id", suffix, NULL);
  StarlingRequest *request = starling_request_new (method, path, self->tag);

  starling_request_set_result (request, STARLING_RESULT_ENTITY, STARLING_TYPE_TAG);
  return request;
}

static void
tag_loaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  StarlingHashtagPage *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingTag) tag = starling_client_send_finish (STARLING_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->busy = FALSE;
  if (tag == NULL)
    {
      /* Without the tag's state the button cannot say what it would do. */
      g_debug ("Could not look up #%s: %s", self->tag, error->message);
      update_button (self);
      return;
    }
  set_following (self, starling_tag_get_following (tag));
}

static void
follow_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  StarlingHashtagPage *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingTag) tag = starling_client_send_finish (STARLING_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->busy = FALSE;
  if (tag == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (self->following ? _("Could not unfollow #%s: %s") : _("Could not follow #%s: %s"),
                         self->tag, error->message);

      update_button (self);
      show_toast (self, message);
      return;
    }
  set_following (self, starling_tag_get_following (tag));
}

static void
load_tag (StarlingHashtagPage *self)
{
  g_autoptr (StarlingRequest) request = tag_request (self, "GET", "");

  self->busy = TRUE;
  update_button (self);
  starling_client_send_async (starling_feed_get_client (self->feed), request, self->cancellable,
                              tag_loaded_cb, self);
}

static void
follow_clicked_cb (StarlingHashtagPage *self)
{
  starling_hashtag_page_toggle_follow (self);
}

static void
refresh_action (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  StarlingHashtagPage *self = STARLING_HASHTAG_PAGE (widget);

  starling_timeline_page_refresh (STARLING_TIMELINE_PAGE (self->timeline_page));
  if (!self->known && !self->busy)
    load_tag (self);
}

static void
starling_hashtag_page_constructed (GObject *object)
{
  StarlingHashtagPage *self = STARLING_HASHTAG_PAGE (object);
  const char *argument;

  G_OBJECT_CLASS (starling_hashtag_page_parent_class)->constructed (object);

  g_assert (starling_feed_get_kind (self->feed) == STARLING_FEED_HASHTAG);

  argument = starling_feed_get_argument (self->feed);
  self->tag = g_strdup (argument[0] == '#' ? argument + 1 : argument);
  self->title = g_strconcat ("#", self->tag, NULL);

  self->timeline_page = starling_timeline_page_new (self->session, self->feed);
  starling_timeline_page_set_title (STARLING_TIMELINE_PAGE (self->timeline_page), self->title);
  gtk_widget_set_parent (self->timeline_page, GTK_WIDGET (self));

  self->follow_button = gtk_button_new_with_label (_("Follow"));
  starling_timeline_page_add_header_widget (STARLING_TIMELINE_PAGE (self->timeline_page), self->follow_button);
  g_signal_connect_object (self->follow_button, "clicked", G_CALLBACK (follow_clicked_cb), self,
                           G_CONNECT_SWAPPED);

  load_tag (self);
}

static void
starling_hashtag_page_dispose (GObject *object)
{
  StarlingHashtagPage *self = STARLING_HASHTAG_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->timeline_page, gtk_widget_unparent);

  G_OBJECT_CLASS (starling_hashtag_page_parent_class)->dispose (object);
}

static void
starling_hashtag_page_finalize (GObject *object)
{
  StarlingHashtagPage *self = STARLING_HASHTAG_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->feed);
  g_free (self->tag);
  g_free (self->title);

  G_OBJECT_CLASS (starling_hashtag_page_parent_class)->finalize (object);
}

static void
starling_hashtag_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  StarlingHashtagPage *self = STARLING_HASHTAG_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_FEED:
      g_value_set_object (value, self->feed);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_HEADER_WIDGET:
      g_value_set_object (value, self->timeline_page != NULL
                                 ? starling_timeline_page_get_header_widget (STARLING_TIMELINE_PAGE (self->timeline_page))
                                 : NULL);
      break;
    case PROP_FOLLOWING:
      g_value_set_boolean (value, self->following);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_hashtag_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  StarlingHashtagPage *self = STARLING_HASHTAG_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_FEED:
      self->feed = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_hashtag_page_class_init (StarlingHashtagPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = starling_hashtag_page_constructed;
  object_class->dispose = starling_hashtag_page_dispose;
  object_class->finalize = starling_hashtag_page_finalize;
  object_class->get_property = starling_hashtag_page_get_property;
  object_class->set_property = starling_hashtag_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, STARLING_TYPE_ACCOUNT_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FEED] =
    g_param_spec_object ("feed", NULL, NULL, STARLING_TYPE_FEED,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEADER_WIDGET] =
    g_param_spec_object ("header-widget", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLLOWING] =
    g_param_spec_boolean ("following", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "timeline.refresh", NULL, refresh_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "hashtagpage");
  /* A container: without a role of its own, GTK 4.8 would read its type name. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
starling_hashtag_page_init (StarlingHashtagPage *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * starling_hashtag_page_new:
 * @session: the account that reads
 * @feed: a %STARLING_FEED_HASHTAG feed of @session's client
 *
 * Returns: (transfer floating): the hashtag's page
 */
GtkWidget *
starling_hashtag_page_new (StarlingAccountSession *session,
                           StarlingFeed           *feed)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_SESSION (session), NULL);
  g_return_val_if_fail (STARLING_IS_FEED (feed), NULL);
  g_return_val_if_fail (starling_feed_get_kind (feed) == STARLING_FEED_HASHTAG, NULL);

  return g_object_new (STARLING_TYPE_HASHTAG_PAGE,
                       "session", session,
                       "feed", feed,
                       NULL);
}

/**
 * starling_hashtag_page_get_tag:
 * @self: a #StarlingHashtagPage
 *
 * Returns: the tag, without `#`
 */
const char *
starling_hashtag_page_get_tag (StarlingHashtagPage *self)
{
  g_return_val_if_fail (STARLING_IS_HASHTAG_PAGE (self), NULL);

  return self->tag;
}

/**
 * starling_hashtag_page_get_timeline_page:
 * @self: a #StarlingHashtagPage
 *
 * Returns: (transfer none): the page of the posts
 */
StarlingTimelinePage *
starling_hashtag_page_get_timeline_page (StarlingHashtagPage *self)
{
  g_return_val_if_fail (STARLING_IS_HASHTAG_PAGE (self), NULL);

  return STARLING_TIMELINE_PAGE (self->timeline_page);
}

gboolean
starling_hashtag_page_get_following (StarlingHashtagPage *self)
{
  g_return_val_if_fail (STARLING_IS_HASHTAG_PAGE (self), FALSE);

  return self->following;
}

/**
 * starling_hashtag_page_get_busy:
 * @self: a #StarlingHashtagPage
 *
 * Returns: whether the tag's state is being looked up or changed
 */
gboolean
starling_hashtag_page_get_busy (StarlingHashtagPage *self)
{
  g_return_val_if_fail (STARLING_IS_HASHTAG_PAGE (self), FALSE);

  return self->busy;
}

/**
 * starling_hashtag_page_toggle_follow:
 * @self: a #StarlingHashtagPage
 *
 * Follows the tag, or unfollows it, as the header's button does; a
 * failure is told in a toast and changes nothing.
 */
void
starling_hashtag_page_toggle_follow (StarlingHashtagPage *self)
{
  g_autoptr (StarlingRequest) request = NULL;

  g_return_if_fail (STARLING_IS_HASHTAG_PAGE (self));

  if (self->busy || !self->known)
    return;

  request = tag_request (self, "POST", self->following ? "/unfollow" : "/follow");
  self->busy = TRUE;
  update_button (self);
  starling_client_send_async (starling_feed_get_client (self->feed), request, self->cancellable,
                              follow_done_cb, self);
}
