/* starling-status-row.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-status"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "api/starling-api-error.h"
#include "model/starling-custom-emoji.h"
#include "model/starling-media-attachment.h"
#include "model/starling-mention.h"
#include "model/starling-preview-card.h"
#include "model/starling-quote.h"
#include "text/starling-html.h"
#include "text/starling-time.h"
#include "ui/accounts/starling-avatar.h"
#include "ui/common/starling-accessibility.h"
#include "ui/media/starling-image-loader.h"
#include "ui/media/starling-media-viewer.h"

#include "starling-media-grid.h"
#include "starling-minute-clock.h"
#include "starling-poll-view.h"
#include "starling-rich-label.h"
#include "starling-status-actions.h"
#include "starling-status-row.h"
#include "ui/common/starling-style.h"

/* How one post looks in a timeline, a thread or a quote.
 *
 * A row is recycled by GtkListView: starling_status_row_set_status()
 * points it at another StarlingStatus, and it follows that one object
 * (its state, its counts, its author) through property notifications
 * until the next call, so a favourite answered anywhere shows here too.
 *
 * What the row cannot do itself it asks of its ancestors through actions
 * with the status's or account's id as parameter, which the page or the
 * window installs:
 *   status.open-account (s)  an account id: a mention, the avatar
 *   status.open-tag (s)      a hashtag without "#"
 *   status.open-thread (s)   a status id: the quoted post
 *   status.reply (s)         the status to reply to
 *   status.edit (s)          an own status to edit
 *   status.report (s)        a status to report
 *   status.deleted (s)       an own status that was deleted
 * Where no ancestor has them, their buttons are insensitive (and links
 * open in the browser instead). Its own actions (row.favourite, …) work
 * through the StarlingClient given with starling_status_row_set_client().
 *
 * The page binds the `expand-spoilers` setting to the row's property of
 * the same name, and handles "open-uri" to open links its own way.
 *
 * Messages for the person ("Could not favourite: …") go out as the
 * "toast" signal; when nothing handles it, to the nearest
 * AdwToastOverlay above the row. */

#define REVEALED_KEY "starling-status-row-revealed"
#define COMPACT_CONTENT_LINES 8

struct _StarlingStatusRow
{
  GtkWidget               parent_instance;

  StarlingStatus         *status;
  StarlingClient         *client;
  StarlingImageLoader    *image_loader;
  /* Cancelled whenever the row shows another status, so pictures of the
   * old one never land on the new one. */
  GCancellable           *images_cancellable;
  guint                   images_pending;
  char                   *own_account_id;
  StarlingSoftwareLookup  software_lookup;
  gpointer                software_lookup_data;
  GDestroyNotify          software_lookup_destroy;
  gboolean                compact;
  gboolean                expand_spoilers;
  gboolean                content_revealed;

  /* What the row follows: the status as the timeline holds it (a boost's
   * wrapper, or the post), the post shown, and its author. */
  GSignalGroup           *wrapper_signals;
  GSignalGroup           *shown_signals;
  GSignalGroup           *author_signals;
  gulong                  tick_handler;
  /* The second (of the minute clock's time) that the times shown were
   * last worked out for. */
  gint64                  times_at;

  StarlingStatusRow      *quote_row;

  /* Template widgets */
  GtkWidget              *reblog_header;
  StarlingRichLabel      *reblog_label;
  GtkWidget              *main_box;
  GtkWidget              *avatar_button;
  AdwAvatar              *avatar;
  GtkWidget              *body_box;
  GtkWidget              *names_box;
  StarlingRichLabel      *display_name;
  GtkLabel               *software_badge;
  GtkWidget              *bot_badge;
  GtkLabel               *handle_label;
  GtkImage               *visibility_icon;
  GtkLabel               *time_label;
  GtkLabel               *reply_label;
  GtkWidget              *spoiler_box;
  GtkLabel               *spoiler_label;
  GtkToggleButton        *spoiler_button;
  GtkWidget              *content_box;
  StarlingRichLabel      *content_label;
  StarlingMediaGrid      *media_grid;
  StarlingPollView       *poll_view;
  GtkWidget              *card_button;
  GtkPicture             *card_picture;
  GtkLabel               *card_provider;
  GtkLabel               *card_title;
  GtkLabel               *card_description;
  GtkWidget              *quote_box;
  GtkLabel               *quote_unavailable;
  GtkWidget              *action_bar;
  GtkWidget              *reply_button;
  GtkLabel               *reply_count;
  GtkWidget              *boost_button;
  GtkImage               *boost_icon;
  GtkLabel               *boost_count;
  GtkWidget              *favourite_button;
  GtkImage               *favourite_icon;
  GtkLabel               *favourite_count;
  GtkWidget              *bookmark_button;
  GtkMenuButton          *more_button;
};

G_DEFINE_FINAL_TYPE (StarlingStatusRow, starling_status_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATUS,
  PROP_COMPACT,
  PROP_CLIENT,
  PROP_OWN_ACCOUNT_ID,
  PROP_EXPAND_SPOILERS,
  PROP_CONTENT_REVEALED,
  N_PROPS
};

enum {
  TOAST,
  OPEN_URI,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* Helpers */

static StarlingStatus *
get_shown (StarlingStatusRow *self)
{
  return self->status != NULL ? starling_status_get_shown (self->status) : NULL;
}

static StarlingAccount *
get_author (StarlingStatusRow *self)
{
  StarlingStatus *shown = get_shown (self);

  return shown != NULL ? starling_status_get_account (shown) : NULL;
}

static gboolean
is_own (StarlingStatusRow *self)
{
  StarlingAccount *author = get_author (self);

  return author != NULL && self->own_account_id != NULL
         && g_strcmp0 (starling_account_get_id (author), self->own_account_id) == 0;
}

static void
show_toast (StarlingStatusRow *self,
            const char        *message)
{
  gboolean handled = FALSE;
  GtkWidget *overlay;

  g_signal_emit (self, signals[TOAST], 0, message, &handled);
  if (handled)
    return;

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      /* A toast's title is markup; a server's error message is not. */
      g_autofree char *escaped = g_markup_escape_text (message, -1);

      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
    }
  else
    g_debug ("No place to show a toast: %s", message);
}

/* Asks an ancestor to do something with a status's or account's id.
 * Returns FALSE when no ancestor offers the action. */
static gboolean
ask_ancestor (StarlingStatusRow *self,
              const char        *action,
              const char        *id)
{
  if (id == NULL)
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self), action, "s", id);
}

static void
show_uri_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (StarlingStatusRow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("Could not open the link: %s"), error->message);

      show_toast (self, message);
    }
}

static void
open_uri (StarlingStatusRow *self,
          const char        *uri)
{
  gboolean handled = FALSE;
  GtkRoot *root;

  if (uri == NULL || *uri == '\0')
    return;

  g_signal_emit (self, signals[OPEN_URI], 0, uri, &handled);
  if (handled)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  gtk_show_uri_full (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME,
                     NULL, show_uri_cb, g_object_ref (self));
}

static StarlingMention *
find_mention (StarlingStatus     *status,
              const StarlingLink *link)
{
  GPtrArray *mentions = starling_status_get_mentions (status);

  for (guint i = 0; mentions != NULL && i < mentions->len; i++)
    {
      StarlingMention *mention = g_ptr_array_index (mentions, i);
      const char *acct = starling_mention_get_acct (mention);
      const char *at;

      if (g_strcmp0 (starling_mention_get_url (mention), link->href) == 0)
        return mention;

      if (link->name == NULL
          || g_ascii_strcasecmp (link->name, starling_mention_get_username (mention)) != 0)
        continue;

      /* The same username on another server is another person. */
      at = acct != NULL ? strchr (acct, '@') : NULL;
      if (link->host == NULL || (at != NULL && g_ascii_strcasecmp (at + 1, link->host) == 0))
        return mention;
      if (at == NULL)
        {
          g_autoptr (GUri) uri = g_uri_parse (starling_mention_get_url (mention), G_URI_FLAGS_NONE, NULL);

          if (uri != NULL && g_uri_get_host (uri) != NULL
              && g_ascii_strcasecmp (g_uri_get_host (uri), link->host) == 0)
            return mention;
        }
    }

  return NULL;
}

static gboolean
content_link_cb (StarlingRichLabel  *label,
                 const StarlingLink *link,
                 StarlingStatusRow  *self)
{
  StarlingStatus *shown = get_shown (self);

  if (shown == NULL)
    return TRUE;

  switch (link->kind)
    {
    case STARLING_LINK_MENTION:
      {
        StarlingMention *mention = find_mention (shown, link);

        if (mention != NULL && ask_ancestor (self, "status.open-account", starling_mention_get_id (mention)))
          return TRUE;
      }
      break;
    case STARLING_LINK_HASHTAG:
      if (ask_ancestor (self, "status.open-tag", link->name))
        return TRUE;
      break;
    case STARLING_LINK_URL:
    default:
      break;
    }

  open_uri (self, link->href);
  return TRUE;
}

static gboolean
reply_link_cb (GtkLabel          *label,
               const char        *uri,
               StarlingStatusRow *self)
{
  StarlingStatus *shown = get_shown (self);

  if (shown != NULL)
    ask_ancestor (self, "status.open-account", starling_status_get_in_reply_to_account_id (shown));

  return TRUE;
}

/* Rich text from a plain name (a display name), with its custom emoji. */
static StarlingRichText *
rich_text_for_name (const char *name,
                    GPtrArray  *emojis)
{
  g_autofree char *escaped = g_markup_escape_text (name != NULL ? name : "", -1);
  g_autoptr (GPtrArray) shortcodes = g_ptr_array_new ();
  StarlingHtmlOptions options = { 0 };

  for (guint i = 0; emojis != NULL && i < emojis->len; i++)
    g_ptr_array_add (shortcodes, (gpointer) starling_custom_emoji_get_shortcode (g_ptr_array_index (emojis, i)));
  g_ptr_array_add (shortcodes, NULL);
  options.emoji_shortcodes = (const char * const *) shortcodes->pdata;

  return starling_html_to_markup (escaped, &options);
}

/* GTK 4.8 asks the X server where the pointer is each time a tooltip is
 * set, to the same text too: a round trip for each, and rebinding a row
 * sets a dozen tooltips, most of them to what they were. */
static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  /* GTK keeps no empty tooltip. */
  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0)
    return;

  gtk_widget_set_tooltip_text (widget, text);
}

static void
set_count_label (GtkLabel *label,
                 gint64    count)
{
  g_autofree char *text = starling_status_text_format_count (count);

  gtk_label_set_text (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), *text != '\0');
}

static void
set_toggle_state (GtkWidget  *button,
                  gboolean    active,
                  const char *tooltip,
                  const char *spoken)
{
  if (active)
    gtk_widget_add_css_class (button, "active");
  else
    gtk_widget_remove_css_class (button, "active");

  set_tooltip (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (button),
                               GTK_ACCESSIBLE_STATE_PRESSED,
                               active ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE,
                               -1);
}

/* Points a button at an ancestor's action for one id. The target comes
 * first: a button named for an action that takes a string must never be
 * without one. */
static void
set_action (GtkWidget  *button,
            const char *action,
            const char *id)
{
  if (action == NULL || id == NULL)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), NULL);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), NULL);
      return;
    }

  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
}

static gboolean
can_boost (StarlingStatusRow *self)
{
  StarlingStatus *shown = get_shown (self);

  switch (starling_status_get_visibility (shown))
    {
    case STARLING_VISIBILITY_DIRECT:
      return FALSE;
    case STARLING_VISIBILITY_PRIVATE:
      /* Mastodon lets people boost their own followers-only posts, to
       * their followers. */
      return is_own (self);
    case STARLING_VISIBILITY_PUBLIC:
    case STARLING_VISIBILITY_UNLISTED:
    case STARLING_VISIBILITY_UNKNOWN:
    default:
      return TRUE;
    }
}

/* Pictures */

typedef enum
{
  IMAGE_EMOJI,
  IMAGE_MEDIA,
  IMAGE_CARD,
} ImageKind;

typedef struct
{
  StarlingStatusRow *row;
  GCancellable      *cancellable;
  ImageKind          kind;
  StarlingRichLabel *label;
  char              *shortcode;
  guint              index;
} ImageRequest;

static void
image_request_free (ImageRequest *request)
{
  g_clear_object (&request->row);
  g_clear_object (&request->cancellable);
  g_free (request->shortcode);
  g_free (request);
}

static void
place_image (StarlingStatusRow *self,
             ImageRequest      *request,
             GdkTexture        *texture)
{
  switch (request->kind)
    {
    case IMAGE_EMOJI:
      starling_rich_label_set_emoji_paintable (request->label, request->shortcode, GDK_PAINTABLE (texture));
      break;
    case IMAGE_MEDIA:
      if (request->index < starling_media_grid_get_n_items (self->media_grid))
        starling_media_grid_set_paintable (self->media_grid, request->index, GDK_PAINTABLE (texture));
      break;
    case IMAGE_CARD:
      gtk_picture_set_paintable (self->card_picture, GDK_PAINTABLE (texture));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
image_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ImageRequest *request = user_data;
  StarlingStatusRow *self = request->row;
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = NULL;

  texture = starling_image_loader_load_finish (STARLING_IMAGE_LOADER (object), result, &error);
  self->images_pending--;

  /* Cancelled: the row shows another status now, or went away. A
   * picture that arrived just as that happened is not shown either. */
  if (texture != NULL && !g_cancellable_is_cancelled (request->cancellable))
    place_image (self, request, texture);
  else if (texture == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* The blurhash (or nothing, for an emoji) stays: a picture that does
     * not load is not worth a message. */
    g_debug ("A picture of a post did not load: %s", error->message);

  image_request_free (request);
}

/* Shows the picture at @uri at @width × @height: at once when the loader
 * has it in memory, else when it arrives. */
static void
load_image (StarlingStatusRow *self,
            const char        *uri,
            int                width,
            int                height,
            ImageRequest      *request)
{
  g_autoptr (GdkTexture) cached = NULL;
  int scale = MAX (1, gtk_widget_get_scale_factor (GTK_WIDGET (self)));

  if (self->image_loader == NULL || uri == NULL || *uri == '\0')
    {
      image_request_free (request);
      return;
    }

  cached = starling_image_loader_lookup (self->image_loader, uri, width, height, scale);
  if (cached != NULL)
    {
      place_image (self, request, cached);
      image_request_free (request);
      return;
    }

  request->row = g_object_ref (self);
  request->cancellable = g_object_ref (self->images_cancellable);
  self->images_pending++;
  starling_image_loader_load_async (self->image_loader, uri, width, height, scale,
                                    self->images_cancellable, image_loaded_cb, request);
}

static ImageRequest *
image_request_new (ImageKind kind)
{
  ImageRequest *request = g_new0 (ImageRequest, 1);

  request->kind = kind;
  return request;
}

static void
load_emojis (StarlingStatusRow *self,
             StarlingRichLabel *label,
             GPtrArray         *emojis)
{
  StarlingRichText *text = starling_rich_label_get_rich_text (label);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (text == NULL || emojis == NULL)
    return;

  for (guint i = 0; i < starling_rich_text_get_n_emojis (text); i++)
    {
      const char *shortcode = starling_rich_text_get_emoji (text, i)->shortcode;

      if (!g_hash_table_add (seen, (gpointer) shortcode))
        continue;

      for (guint j = 0; j < emojis->len; j++)
        {
          StarlingCustomEmoji *emoji = g_ptr_array_index (emojis, j);
          const char *url;
          ImageRequest *request;

          if (g_strcmp0 (starling_custom_emoji_get_shortcode (emoji), shortcode) != 0)
            continue;

          /* Animated emoji are shown still, like Mastodon's default. */
          url = starling_custom_emoji_get_static_url (emoji);
          if (url == NULL)
            url = starling_custom_emoji_get_url (emoji);

          request = image_request_new (IMAGE_EMOJI);
          request->label = label;
          request->shortcode = g_strdup (shortcode);
          load_image (self, url, starling_rich_label_get_emoji_size (label),
                      starling_rich_label_get_emoji_size (label), request);
          break;
        }
    }
}

static void
restart_images (StarlingStatusRow *self)
{
  g_cancellable_cancel (self->images_cancellable);
  g_clear_object (&self->images_cancellable);
  self->images_cancellable = g_cancellable_new ();
}

/* Updating the widgets from the model */

static void
update_accessible (StarlingStatusRow *self)
{
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *sentence = NULL;

  if (self->status == NULL)
    {
      starling_accessibility_set_row_label (GTK_WIDGET (self), NULL);
      return;
    }

  now = starling_minute_clock_dup_now (starling_minute_clock_get_default ());
  sentence = starling_status_text_accessible_label (self->status, now, self->content_revealed);
  /* The list item that holds the row reads it too. */
  starling_accessibility_set_row_label (GTK_WIDGET (self), sentence);
}

static void
update_time (StarlingStatusRow *self)
{
  StarlingStatus *shown = get_shown (self);
  GDateTime *created = shown != NULL ? starling_status_get_created_at (shown) : NULL;
  GDateTime *edited = shown != NULL ? starling_status_get_edited_at (shown) : NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *tooltip = NULL;

  if (created == NULL)
    {
      gtk_label_set_text (self->time_label, "");
      set_tooltip (GTK_WIDGET (self->time_label), NULL);
      return;
    }

  now = starling_minute_clock_dup_now (starling_minute_clock_get_default ());
  relative = starling_time_format_relative (created, now);
  absolute = starling_time_format_absolute (created);

  if (edited != NULL)
    {
      g_autofree char *edited_text = starling_time_format_absolute (edited);
      g_autofree char *label = g_strdup_printf ("%s *", relative);

      /* TRANSLATORS: the tooltip of a post's time: when it was posted and edited */
      tooltip = g_strdup_printf (_("%s, edited %s"), absolute, edited_text);
      gtk_label_set_text (self->time_label, label);
    }
  else
    {
      tooltip = g_steal_pointer (&absolute);
      gtk_label_set_text (self->time_label, relative);
    }
  set_tooltip (GTK_WIDGET (self->time_label), tooltip);
}

static void
update_reblog_header (StarlingStatusRow *self)
{
  StarlingAccount *booster;
  g_autoptr (StarlingRichText) name = NULL;
  g_autofree char *text = NULL;

  if (self->compact || self->status == NULL || starling_status_get_reblog (self->status) == NULL
      || starling_status_get_account (self->status) == NULL)
    {
      gtk_widget_set_visible (self->reblog_header, FALSE);
      starling_rich_label_set_rich_text (self->reblog_label, NULL);
      return;
    }

  booster = starling_status_get_account (self->status);
  /* TRANSLATORS: above a boosted post; %s is who boosted it */
  text = g_strdup_printf (_("%s boosted"), starling_account_get_display (booster));
  name = rich_text_for_name (text, starling_account_get_emojis (booster));
  starling_rich_label_set_rich_text (self->reblog_label, name);
  load_emojis (self, self->reblog_label, starling_account_get_emojis (booster));
  gtk_widget_set_visible (self->reblog_header, TRUE);
}

static const char *
software_css_class (StarlingSoftware software)
{
  return software == STARLING_SOFTWARE_THREADS ? "threads" : NULL;
}

static void
update_author (StarlingStatusRow *self)
{
  StarlingAccount *author = get_author (self);
  g_autoptr (StarlingRichText) name = NULL;
  g_autofree char *handle = NULL;
  g_autofree char *avatar_tooltip = NULL;
  g_autofree char *initials_name = NULL;
  const char *avatar_url;
  StarlingSoftware software;

  gtk_widget_remove_css_class (GTK_WIDGET (self->software_badge), "threads");

  if (author == NULL)
    {
      starling_rich_label_set_rich_text (self->display_name, NULL);
      gtk_label_set_text (self->handle_label, "");
      adw_avatar_set_text (self->avatar, NULL);
      starling_avatar_set_url (self->avatar, NULL, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->software_badge), FALSE);
      gtk_widget_set_visible (self->bot_badge, FALSE);
      set_action (self->avatar_button, NULL, NULL);
      return;
    }

  /* Kept with the account: the rows of one author share one. */
  name = starling_status_text_dup_name (author);
  starling_rich_label_set_rich_text (self->display_name, name);
  load_emojis (self, self->display_name, starling_account_get_emojis (author));

  handle = starling_status_text_dup_handle (author);
  gtk_label_set_text (self->handle_label, handle);
  set_tooltip (GTK_WIDGET (self->handle_label), handle);

  /* The initials, and what the avatar's button reads, come from the name
   * as shown, without emoji shortcodes. */
  initials_name = starling_status_text_dup_plain_name (author);
  /* AdwAvatar makes its initials and picks its colour again even for the
   * same name. */
  if (g_strcmp0 (adw_avatar_get_text (self->avatar), initials_name) != 0)
    adw_avatar_set_text (self->avatar, initials_name);
  avatar_url = starling_account_get_avatar_static (author);
  if (avatar_url == NULL)
    avatar_url = starling_account_get_avatar (author);
  starling_avatar_set_url (self->avatar, self->image_loader, avatar_url);
  set_action (self->avatar_button, "status.open-account", starling_account_get_id (author));
  /* TRANSLATORS: the tooltip of a post's avatar */
  avatar_tooltip = g_strdup_printf (_("Open the profile of %s"), initials_name);
  set_tooltip (self->avatar_button, avatar_tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->avatar_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, avatar_tooltip, -1);

  software = starling_status_text_software_of (author, self->software_lookup, self->software_lookup_data);
  if (software != STARLING_SOFTWARE_UNKNOWN)
    {
      const char *css = software_css_class (software);
      g_autofree char *tooltip = NULL;

      gtk_label_set_text (self->software_badge, starling_software_get_display_name (software));
      if (software == STARLING_SOFTWARE_THREADS)
        /* TRANSLATORS: the tooltip of the badge on a Threads account */
        tooltip = g_strdup (_("This account is on Threads, Meta’s service"));
      else
        /* TRANSLATORS: the tooltip of the badge of a server's software: "Runs Pixelfed" */
        tooltip = g_strdup_printf (_("The server of this account runs %s"),
                                   starling_software_get_display_name (software));
      set_tooltip (GTK_WIDGET (self->software_badge), tooltip);
      if (css != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (self->software_badge), css);
      gtk_widget_set_visible (GTK_WIDGET (self->software_badge), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->software_badge), FALSE);

  gtk_widget_set_visible (self->bot_badge, starling_account_get_bot (author));
}

static void
update_visibility (StarlingStatusRow *self)
{
  StarlingStatus *shown = get_shown (self);
  const char *icon = NULL;
  const char *tooltip = NULL;

  switch (shown != NULL ? starling_status_get_visibility (shown) : STARLING_VISIBILITY_PUBLIC)
    {
    case STARLING_VISIBILITY_UNLISTED:
      icon = "changes-allow-symbolic";
      tooltip = _("Quiet public: not shown in public timelines");
      break;
    case STARLING_VISIBILITY_PRIVATE:
      icon = "changes-prevent-symbolic";
      tooltip = _("Followers only");
      break;
    case STARLING_VISIBILITY_DIRECT:
      icon = "mail-unread-symbolic";
      tooltip = _("Private mention: only the people mentioned");
      break;
    case STARLING_VISIBILITY_PUBLIC:
    case STARLING_VISIBILITY_UNKNOWN:
    default:
      break;
    }

  gtk_image_set_from_icon_name (self->visibility_icon, icon);
  set_tooltip (GTK_WIDGET (self->visibility_icon), tooltip);
  gtk_widget_set_visible (GTK_WIDGET (self->visibility_icon), icon != NULL);
  if (tooltip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->visibility_icon),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
}

static void
update_reply (StarlingStatusRow *self)
{
  StarlingStatus *shown = get_shown (self);
  const char *reply_to;
  const char *name = NULL;
  GPtrArray *mentions;
  g_autofree char *markup = NULL;

  if (self->compact || shown == NULL || starling_status_get_in_reply_to_id (shown) == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->reply_label), FALSE);
      return;
    }

  reply_to = starling_status_get_in_reply_to_account_id (shown);
  if (reply_to != NULL && get_author (self) != NULL
      && g_strcmp0 (reply_to, starling_account_get_id (get_author (self))) == 0)
    {
      gtk_label_set_text (self->reply_label, _("Continued thread"));
      gtk_widget_set_visible (GTK_WIDGET (self->reply_label), TRUE);
      return;
    }

  mentions = starling_status_get_mentions (shown);
  for (guint i = 0; mentions != NULL && i < mentions->len; i++)
    if (g_strcmp0 (starling_mention_get_id (g_ptr_array_index (mentions, i)), reply_to) == 0)
      name = starling_mention_get_acct (g_ptr_array_index (mentions, i));

  if (name != NULL)
    {
      g_autofree char *handle = g_markup_printf_escaped ("<a href=\"account:%s\">@%s</a>", reply_to, name);

      /* TRANSLATORS: above a reply; %s is a link to the account replied to, "@name" */
      markup = g_strdup_printf (_("Replying to %s"), handle);
    }
  else
    markup = g_markup_escape_text (_("Replying to a post"), -1);

  gtk_label_set_markup (self->reply_label, markup);
  gtk_widget_set_visible (GTK_WIDGET (self->reply_label), TRUE);
}

static void
update_spoiler (StarlingStatusRow *self)
{
  StarlingStatus *shown = get_shown (self);
  const char *spoiler = shown != NULL ? starling_status_get_spoiler_text (shown) : NULL;
  gboolean has_spoiler = spoiler != NULL && *spoiler != '\0';

  gtk_widget_set_visible (self->spoiler_box, has_spoiler);
  gtk_label_set_text (self->spoiler_label, has_spoiler ? spoiler : "");

  g_signal_handlers_block_matched (self->spoiler_button, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_toggle_button_set_active (self->spoiler_button, self->content_revealed);
  g_signal_handlers_unblock_matched (self->spoiler_button, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_button_set_label (GTK_BUTTON (self->spoiler_button),
                        self->content_revealed ? _("Show Less") : _("Show More"));
  set_tooltip (GTK_WIDGET (self->spoiler_button),
                               self->content_revealed ? _("Hide the content behind the warning")
                                                      : _("Show the content behind the warning"));

  gtk_widget_set_visible (self->content_box, !has_spoiler || self->content_revealed);
}

static void
update_content (StarlingStatusRow *self)
{
  StarlingStatus *shown = get_shown (self);
  g_autoptr (StarlingRichText) text = NULL;

  if (shown == NULL)
    {
      starling_rich_label_set_rich_text (self->content_label, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->content_label), FALSE);
      return;
    }

  /* Made once per status and kept with it: rebinding parses nothing. */
  text = starling_status_text_dup_content (shown);
  starling_rich_label_set_rich_text (self->content_label, text);
  load_emojis (self, self->content_label, starling_status_get_emojis (shown));
  gtk_widget_set_visible (GTK_WIDGET (self->content_label), *starling_rich_text_get_text (text) != '\0');
}

static void
update_media (StarlingStatusRow *self)
{
  StarlingStatus *shown = get_shown (self);
  GPtrArray *media = shown != NULL ? starling_status_get_media_attachments (shown) : NULL;
  gboolean has_media = media != NULL && media->len > 0;
  gboolean revealed;

  /* Whether sensitive media were revealed is kept on the status, so
   * scrolling away and back (which recycles the row) keeps the choice. */
  revealed = shown != NULL && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (shown), REVEALED_KEY "-media"));

  starling_media_grid_set_attachments (self->media_grid, has_media ? media : NULL);
  starling_media_grid_set_sensitive_media (self->media_grid, has_media && starling_status_get_sensitive (shown));
  starling_media_grid_set_revealed (self->media_grid, revealed);
  gtk_widget_set_visible (GTK_WIDGET (self->media_grid), has_media);

  for (guint i = 0; i < starling_media_grid_get_n_items (self->media_grid); i++)
    {
      StarlingMediaAttachment *attachment = starling_media_grid_get_attachment (self->media_grid, i);
      ImageRequest *request = image_request_new (IMAGE_MEDIA);
      const char *uri = starling_media_attachment_get_preview_url (attachment);
      int width;
      int height;

      /* The preview, decoded at the tile's size: never the original. */
      if (uri == NULL && starling_media_attachment_get_media_type (attachment) == STARLING_MEDIA_TYPE_IMAGE)
        uri = starling_media_attachment_get_url (attachment);
      starling_media_grid_get_tile_size (self->media_grid, i, &width, &height);
      request->index = i;
      load_image (self, uri, width, height, request);
    }
}

static void
update_poll (StarlingStatusRow *self)
{
  StarlingStatus *shown = get_shown (self);
  StarlingPoll *poll = shown != NULL ? starling_status_get_poll (shown) : NULL;
  g_autoptr (GDateTime) now = starling_minute_clock_dup_now (starling_minute_clock_get_default ());

  starling_poll_view_set_now (self->poll_view, now);
  starling_poll_view_set_poll (self->poll_view, poll);
  /* The author sees the results of their own poll, and a quote shows
   * nothing to vote on. */
  if (poll != NULL && (is_own (self) || self->compact || self->client == NULL))
    starling_poll_view_set_show_results (self->poll_view, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->poll_view), poll != NULL);
}

static void
update_card (StarlingStatusRow *self)
{
  StarlingStatus *shown = get_shown (self);
  StarlingPreviewCard *card = shown != NULL ? starling_status_get_card (shown) : NULL;
  GPtrArray *media = shown != NULL ? starling_status_get_media_attachments (shown) : NULL;
  const char *provider;
  const char *title;
  const char *description;
  g_autoptr (GdkTexture) placeholder = NULL;
  g_autofree char *host = NULL;
  g_autofree char *spoken = NULL;

  /* Mastodon shows no card beside media or a quote, and neither does a
   * compact quote. */
  if (card == NULL || self->compact || (media != NULL && media->len > 0)
      || starling_status_get_quote (shown) != NULL || starling_preview_card_get_url (card) == NULL)
    {
      gtk_widget_set_visible (self->card_button, FALSE);
      gtk_picture_set_paintable (self->card_picture, NULL);
      return;
    }

  provider = starling_preview_card_get_provider_name (card);
  if (provider == NULL || *provider == '\0')
    {
      g_autoptr (GUri) uri = g_uri_parse (starling_preview_card_get_url (card), G_URI_FLAGS_NONE, NULL);

      if (uri != NULL && g_uri_get_host (uri) != NULL)
        host = g_strdup (g_uri_get_host (uri));
      provider = host;
    }
  title = starling_preview_card_get_title (card);
  if (title == NULL || *title == '\0')
    title = starling_preview_card_get_url (card);
  description = starling_preview_card_get_description (card);

  gtk_label_set_text (self->card_provider, provider != NULL ? provider : "");
  gtk_widget_set_visible (GTK_WIDGET (self->card_provider), provider != NULL && *provider != '\0');
  gtk_label_set_text (self->card_title, title);
  gtk_label_set_text (self->card_description, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->card_description), description != NULL && *description != '\0');

  placeholder = starling_media_blurhash_texture (starling_preview_card_get_blurhash (card), 1.0);
  gtk_picture_set_paintable (self->card_picture, GDK_PAINTABLE (placeholder));
  gtk_widget_set_visible (GTK_WIDGET (self->card_picture), starling_preview_card_get_image (card) != NULL);
  load_image (self, starling_preview_card_get_image (card), 84, 84, image_request_new (IMAGE_CARD));

  set_tooltip (self->card_button, starling_preview_card_get_url (card));
  /* TRANSLATORS: what a screen reader says for a link preview: "Link: title, site" */
  spoken = g_strdup_printf (_("Link: %s, %s"), title, provider != NULL ? provider : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->card_button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  gtk_widget_set_visible (self->card_button, TRUE);
}

static void starling_status_row_bind_quote (StarlingStatusRow *self, StarlingStatus *quoted);

static void
update_quote (StarlingStatusRow *self)
{
  StarlingStatus *shown = get_shown (self);
  StarlingQuote *quote = shown != NULL ? starling_status_get_quote (shown) : NULL;
  StarlingStatus *quoted = quote != NULL ? starling_quote_get_quoted_status (quote) : NULL;
  const char *unavailable = NULL;

  if (quote == NULL || self->compact)
    {
      gtk_widget_set_visible (self->quote_box, FALSE);
      starling_status_row_bind_quote (self, NULL);
      return;
    }

  switch (starling_quote_get_state (quote))
    {
    case STARLING_QUOTE_STATE_ACCEPTED:
    case STARLING_QUOTE_STATE_UNKNOWN:
      if (quoted == NULL)
        unavailable = _("The quoted post is not available");
      break;
    case STARLING_QUOTE_STATE_PENDING:
      unavailable = _("The quoted post’s author has not approved this quote yet");
      break;
    case STARLING_QUOTE_STATE_DELETED:
      unavailable = _("The quoted post was deleted");
      break;
    case STARLING_QUOTE_STATE_REJECTED:
    case STARLING_QUOTE_STATE_REVOKED:
      unavailable = _("The quoted post’s author removed this quote");
      break;
    case STARLING_QUOTE_STATE_BLOCKED_ACCOUNT:
    case STARLING_QUOTE_STATE_BLOCKED_DOMAIN:
      unavailable = _("The quoted post is from someone you block");
      break;
    case STARLING_QUOTE_STATE_MUTED_ACCOUNT:
      unavailable = _("The quoted post is from someone you muted");
      break;
    case STARLING_QUOTE_STATE_UNAUTHORIZED:
    default:
      unavailable = _("The quoted post is not available");
      break;
    }

  if (unavailable != NULL)
    quoted = NULL;

  gtk_label_set_text (self->quote_unavailable, unavailable != NULL ? unavailable : "");
  gtk_widget_set_visible (GTK_WIDGET (self->quote_unavailable), unavailable != NULL);
  starling_status_row_bind_quote (self, quoted);
  gtk_widget_set_visible (self->quote_box, TRUE);
}

static void
update_actions (StarlingStatusRow *self)
{
  StarlingStatus *shown = get_shown (self);
  gboolean favourited;
  gboolean boosted;
  gboolean bookmarked;
  gint64 favourites;
  gint64 boosts;
  gint64 replies;
  g_autofree char *favourite_spoken = NULL;
  g_autofree char *boost_spoken = NULL;
  g_autofree char *reply_spoken = NULL;

  if (shown == NULL)
    return;

  favourited = starling_status_get_favourited (shown);
  boosted = starling_status_get_reblogged (shown);
  bookmarked = starling_status_get_bookmarked (shown);
  favourites = starling_status_get_favourites_count (shown);
  boosts = starling_status_get_reblogs_count (shown);
  replies = starling_status_get_replies_count (shown);

  set_count_label (self->reply_count, replies);
  set_count_label (self->boost_count, boosts);
  set_count_label (self->favourite_count, favourites);

  gtk_image_set_from_icon_name (self->favourite_icon, favourited ? "starred-symbolic" : "non-starred-symbolic");
  gtk_button_set_icon_name (GTK_BUTTON (self->bookmark_button),
                            bookmarked ? "user-bookmarks-symbolic" : "bookmark-new-symbolic");

  reply_spoken = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reply, %" G_GINT64_FORMAT " reply",
                                               "Reply, %" G_GINT64_FORMAT " replies", (gulong) MAX (replies, 0)),
                                  MAX (replies, 0));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reply_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  reply_spoken, -1);

  favourite_spoken = g_strdup_printf (favourited
                                      ? g_dngettext (GETTEXT_PACKAGE, "Remove favourite, %" G_GINT64_FORMAT " favourite",
                                                     "Remove favourite, %" G_GINT64_FORMAT " favourites",
                                                     (gulong) MAX (favourites, 0))
                                      : g_dngettext (GETTEXT_PACKAGE, "Favourite, %" G_GINT64_FORMAT " favourite",
                                                     "Favourite, %" G_GINT64_FORMAT " favourites",
                                                     (gulong) MAX (favourites, 0)),
                                      MAX (favourites, 0));
  set_toggle_state (self->favourite_button, favourited,
                    favourited ? _("Remove Favourite") : _("Favourite"), favourite_spoken);

  boost_spoken = g_strdup_printf (boosted
                                  ? g_dngettext (GETTEXT_PACKAGE, "Undo boost, %" G_GINT64_FORMAT " boost",
                                                 "Undo boost, %" G_GINT64_FORMAT " boosts", (gulong) MAX (boosts, 0))
                                  : g_dngettext (GETTEXT_PACKAGE, "Boost, %" G_GINT64_FORMAT " boost",
                                                 "Boost, %" G_GINT64_FORMAT " boosts", (gulong) MAX (boosts, 0)),
                                  MAX (boosts, 0));
  if (can_boost (self))
    set_toggle_state (self->boost_button, boosted, boosted ? _("Undo Boost") : _("Boost"), boost_spoken);
  else
    set_toggle_state (self->boost_button, FALSE, _("This post cannot be boosted"), _("Boost, not available"));

  set_toggle_state (self->bookmark_button, bookmarked,
                    bookmarked ? _("Remove Bookmark") : _("Bookmark"),
                    bookmarked ? _("Remove bookmark") : _("Bookmark"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.favourite", self->client != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.boost", self->client != NULL && can_boost (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.bookmark", self->client != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.mute-account", self->client != NULL && !is_own (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.block-account", self->client != NULL && !is_own (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.delete", self->client != NULL && is_own (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.copy-link",
                                 starling_status_get_url (shown) != NULL || starling_status_get_uri (shown) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.open-in-browser",
                                 starling_status_get_url (shown) != NULL || starling_status_get_uri (shown) != NULL);

  set_action (self->reply_button, "status.reply", starling_status_get_id (shown));
}

static void
update_all (StarlingStatusRow *self)
{
  g_autoptr (GDateTime) now = starling_minute_clock_dup_now (starling_minute_clock_get_default ());

  /* Taken before the times are worked out, so it is never later than the
   * time they were worked out for. */
  self->times_at = g_date_time_to_unix (now);
  update_reblog_header (self);
  update_author (self);
  update_visibility (self);
  update_time (self);
  update_reply (self);
  update_spoiler (self);
  update_content (self);
  update_media (self);
  update_poll (self);
  update_card (self);
  update_quote (self);
  update_actions (self);
  update_accessible (self);
}

/* Callbacks */

static void
shown_notify_cb (StarlingStatusRow *self,
                 GParamSpec        *pspec)
{
  const char *name = pspec->name;

  if (g_str_equal (name, "favourited") || g_str_equal (name, "reblogged") || g_str_equal (name, "bookmarked")
      || g_str_has_suffix (name, "-count"))
    update_actions (self);
  else if (g_str_equal (name, "content") || g_str_equal (name, "emojis"))
    update_content (self);
  else if (g_str_equal (name, "spoiler-text"))
    update_spoiler (self);
  else if (g_str_equal (name, "media-attachments") || g_str_equal (name, "sensitive"))
    update_media (self);
  else if (g_str_equal (name, "poll"))
    update_poll (self);
  else if (g_str_equal (name, "card"))
    update_card (self);
  else if (g_str_equal (name, "quote"))
    {
      update_content (self);
      update_card (self);
      update_quote (self);
    }
  else if (g_str_equal (name, "edited-at") || g_str_equal (name, "created-at"))
    update_time (self);
  else if (g_str_equal (name, "visibility"))
    {
      update_visibility (self);
      update_actions (self);
    }
  else if (g_str_equal (name, "in-reply-to-id") || g_str_equal (name, "mentions"))
    update_reply (self);
  else if (g_str_equal (name, "account"))
    {
      g_signal_group_set_target (self->author_signals, get_author (self));
      update_author (self);
    }
  else
    return;

  update_accessible (self);
}

static void
wrapper_notify_cb (StarlingStatusRow *self,
                   GParamSpec        *pspec)
{
  if (g_str_equal (pspec->name, "reblog"))
    {
      /* What the wrapper boosts changed: follow the new post. */
      StarlingStatus *status = g_object_ref (self->status);

      starling_status_row_set_status (self, NULL);
      starling_status_row_set_status (self, status);
      g_object_unref (status);
    }
  else if (g_str_equal (pspec->name, "account"))
    {
      update_reblog_header (self);
      update_accessible (self);
    }
}

static void
author_notify_cb (StarlingStatusRow *self,
                  GParamSpec        *pspec)
{
  update_author (self);
  update_reblog_header (self);
  update_accessible (self);
}

static void
tick_cb (StarlingMinuteClock *clock,
         StarlingStatusRow   *self)
{
  g_autoptr (GDateTime) now = starling_minute_clock_dup_now (clock);

  self->times_at = g_date_time_to_unix (now);
  update_time (self);
  starling_poll_view_set_now (self->poll_view, now);
  update_accessible (self);
}

static void
spoiler_toggled_cb (GtkToggleButton   *button,
                    StarlingStatusRow *self)
{
  starling_status_row_set_content_revealed (self, gtk_toggle_button_get_active (button));
}

static void
media_revealed_cb (StarlingMediaGrid *grid,
                   GParamSpec        *pspec,
                   StarlingStatusRow *self)
{
  StarlingStatus *shown = get_shown (self);

  if (shown != NULL)
    g_object_set_data (G_OBJECT (shown), REVEALED_KEY "-media",
                       GINT_TO_POINTER (starling_media_grid_get_revealed (grid)));
}

static void
media_activate_cb (StarlingMediaGrid *grid,
                   guint              index,
                   StarlingStatusRow *self)
{
  StarlingStatus *shown = get_shown (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  StarlingMediaViewer *viewer;

  if (shown == NULL)
    return;

  /* Without a way to load pictures, the browser shows the original. */
  if (self->image_loader == NULL)
    {
      StarlingMediaAttachment *attachment = starling_media_grid_get_attachment (grid, index);
      const char *url = starling_media_attachment_get_url (attachment);

      if (url == NULL)
        url = starling_media_attachment_get_remote_url (attachment);
      open_uri (self, url);
      return;
    }

  viewer = starling_media_viewer_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->image_loader,
                                      self->client != NULL ? starling_client_get_session (self->client) : NULL);
  starling_media_viewer_set_attachments (viewer, starling_status_get_media_attachments (shown), index);
  gtk_window_present (GTK_WINDOW (viewer));
}

static void
card_clicked_cb (GtkButton         *button,
                 StarlingStatusRow *self)
{
  StarlingStatus *shown = get_shown (self);
  StarlingPreviewCard *card = shown != NULL ? starling_status_get_card (shown) : NULL;

  if (card != NULL)
    open_uri (self, starling_preview_card_get_url (card));
}

static void
quote_pressed_cb (GtkGestureClick   *gesture,
                  int                n_press,
                  double             x,
                  double             y,
                  StarlingStatusRow *self)
{
  StarlingStatus *quoted = self->quote_row != NULL ? self->quote_row->status : NULL;
  GtkWidget *target;

  if (quoted == NULL)
    return;

  /* Links, buttons and media inside the quote act for themselves. */
  target = gtk_widget_pick (self->quote_box, x, y, GTK_PICK_DEFAULT);
  for (; target != NULL && target != self->quote_box; target = gtk_widget_get_parent (target))
    if (GTK_IS_BUTTON (target) || GTK_IS_LABEL (target))
      {
        if (!GTK_IS_LABEL (target) || gtk_label_get_current_uri (GTK_LABEL (target)) != NULL)
          return;
      }

  if (ask_ancestor (self, "status.open-thread", starling_status_get_id (quoted)))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
vote_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (StarlingStatusRow) self = user_data;
  g_autoptr (GError) error = NULL;

  starling_poll_view_set_busy (self->poll_view, FALSE);
  if (!starling_status_actions_vote_finish (result, &error))
    show_toast (self, error->message);
}

static void
vote_cb (StarlingPollView  *view,
         GArray            *choices,
         StarlingStatusRow *self)
{
  StarlingPoll *poll = starling_poll_view_get_poll (view);

  if (self->client == NULL || poll == NULL)
    return;

  starling_poll_view_set_busy (view, TRUE);
  starling_status_actions_vote_async (self->client, poll, (const guint *) (gpointer) choices->data, choices->len,
                                      NULL, vote_done_cb, g_object_ref (self));
}

/* Actions */

static void
toggle_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (StarlingStatusRow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!starling_status_actions_toggle_finish (result, &error))
    show_toast (self, error->message);
}

static void
toggle (StarlingStatusRow    *self,
        StarlingStatusToggle  what)
{
  if (self->client == NULL || self->status == NULL)
    return;

  /* No cancellable: a click stands even when the row scrolls away (and is
   * recycled) before the server answers. */
  starling_status_actions_toggle_async (self->client, self->status, what, NULL,
                                        toggle_done_cb, g_object_ref (self));
}

static void
favourite_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  toggle (STARLING_STATUS_ROW (widget), STARLING_STATUS_TOGGLE_FAVOURITE);
}

static void
boost_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  toggle (STARLING_STATUS_ROW (widget), STARLING_STATUS_TOGGLE_BOOST);
}

static void
bookmark_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  toggle (STARLING_STATUS_ROW (widget), STARLING_STATUS_TOGGLE_BOOKMARK);
}

static const char *
status_link (StarlingStatusRow *self)
{
  StarlingStatus *shown = get_shown (self);

  if (shown == NULL)
    return NULL;

  return starling_status_get_url (shown) != NULL ? starling_status_get_url (shown) : starling_status_get_uri (shown);
}

static void
copy_link_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  StarlingStatusRow *self = STARLING_STATUS_ROW (widget);
  const char *link = status_link (self);

  if (link == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), link);
  show_toast (self, _("Link copied"));
}

static void
open_in_browser_action (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  StarlingStatusRow *self = STARLING_STATUS_ROW (widget);

  open_uri (self, status_link (self));
}

typedef struct
{
  StarlingStatusRow     *row;
  StarlingAccountAction  action;
  char                  *acct;
} AccountActionData;

static void
account_action_data_free (AccountActionData *data)
{
  g_clear_object (&data->row);
  g_free (data->acct);
  g_free (data);
}

static void
account_action_done_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  AccountActionData *data = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GObject) relationship = NULL;
  g_autofree char *message = NULL;

  relationship = starling_client_entity_finish (STARLING_CLIENT (object), result, &error);
  if (relationship == NULL)
    message = g_strdup_printf (data->action == STARLING_ACCOUNT_MUTE ? _("Could not mute @%s: %s")
                                                                     : _("Could not block @%s: %s"),
                               data->acct, error->message);
  else
    message = g_strdup_printf (data->action == STARLING_ACCOUNT_MUTE ? _("Muted @%s") : _("Blocked @%s"),
                               data->acct);

  show_toast (data->row, message);
  account_action_data_free (data);
}

typedef void (*ConfirmedFunc) (StarlingStatusRow *self,
                               gpointer           data);

typedef struct
{
  StarlingStatusRow *row;
  ConfirmedFunc      func;
  gpointer           data;
  GDestroyNotify     destroy;
} ConfirmData;

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ConfirmData      *confirm)
{
  /* One answer per question: closing the dialog afterwards answers its
   * close response too. */
  g_signal_handlers_disconnect_by_data (dialog, confirm);

  if (g_str_equal (response, "confirm"))
    {
      confirm->func (confirm->row, confirm->data);
      confirm->data = NULL;
    }

  if (confirm->data != NULL && confirm->destroy != NULL)
    confirm->destroy (confirm->data);
  g_object_unref (confirm->row);
  g_free (confirm);
}

/* Asks before something that cannot be undone with a click. */
static void
confirm (StarlingStatusRow *self,
         const char        *heading,
         const char        *body,
         const char        *confirm_label,
         ConfirmedFunc      func,
         gpointer           data,
         GDestroyNotify     destroy)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  ConfirmData *confirm_data;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "confirm", confirm_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  confirm_data = g_new0 (ConfirmData, 1);
  confirm_data->row = g_object_ref (self);
  confirm_data->func = func;
  confirm_data->data = data;
  confirm_data->destroy = destroy;
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), confirm_data);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
account_action_confirmed (StarlingStatusRow *self,
                          gpointer           user_data)
{
  AccountActionData *data = user_data;
  StarlingAccount *author = get_author (self);

  if (self->client == NULL || author == NULL)
    {
      account_action_data_free (data);
      return;
    }

  starling_client_account_action_async (self->client, starling_account_get_id (author), data->action,
                                        NULL, account_action_done_cb, data);
}

static void
account_action (StarlingStatusRow     *self,
                StarlingAccountAction  action)
{
  StarlingAccount *author = get_author (self);
  AccountActionData *data;
  g_autofree char *heading = NULL;
  const char *body;

  if (author == NULL || self->client == NULL)
    return;

  data = g_new0 (AccountActionData, 1);
  data->row = g_object_ref (self);
  data->action = action;
  data->acct = g_strdup (starling_account_get_acct (author));

  if (action == STARLING_ACCOUNT_MUTE)
    {
      heading = g_strdup_printf (_("Mute @%s?"), data->acct);
      body = _("You will not see their posts, or boosts of them, in your timelines. They will not know.");
    }
  else
    {
      heading = g_strdup_printf (_("Block @%s?"), data->acct);
      body = _("They will not be able to follow you or see your posts, and you will not see theirs.");
    }

  confirm (self, heading, body, action == STARLING_ACCOUNT_MUTE ? _("_Mute") : _("_Block"),
           account_action_confirmed, data, (GDestroyNotify) account_action_data_free);
}

static void
mute_account_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  account_action (STARLING_STATUS_ROW (widget), STARLING_ACCOUNT_MUTE);
}

static void
block_account_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  account_action (STARLING_STATUS_ROW (widget), STARLING_ACCOUNT_BLOCK);
}

static void
delete_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (StarlingStatusRow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingStatus) deleted = NULL;

  deleted = starling_client_entity_finish (STARLING_CLIENT (object), result, &error);
  if (deleted == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not delete the post: %s"), error->message);

      show_toast (self, message);
      return;
    }

  show_toast (self, _("Post deleted"));
  ask_ancestor (self, "status.deleted", starling_status_get_id (deleted));
}

static void
delete_confirmed (StarlingStatusRow *self,
                  gpointer           user_data)
{
  StarlingStatus *shown = get_shown (self);

  if (self->client == NULL || shown == NULL)
    return;

  starling_client_delete_status_async (self->client, starling_status_get_id (shown), FALSE,
                                       NULL, delete_done_cb, g_object_ref (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  StarlingStatusRow *self = STARLING_STATUS_ROW (widget);

  if (!is_own (self))
    return;

  confirm (self, _("Delete Post?"), _("The post will be deleted from your server and, as far as they follow, from the others."),
           _("_Delete"), delete_confirmed, NULL, NULL);
}

static void
toggle_spoiler_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  StarlingStatusRow *self = STARLING_STATUS_ROW (widget);

  starling_status_row_set_content_revealed (self, !self->content_revealed);
}

/* The menu is made when it opens, so scrolling past rows costs nothing. */
static void
create_menu_popup_cb (GtkMenuButton *button,
                      gpointer       user_data)
{
  StarlingStatusRow *self = user_data;
  g_autoptr (GMenuModel) menu = starling_status_row_build_menu (self);

  gtk_menu_button_set_menu_model (button, menu);
}

/* Mapping and the clock */

static void
starling_status_row_map (GtkWidget *widget)
{
  StarlingStatusRow *self = STARLING_STATUS_ROW (widget);
  StarlingMinuteClock *clock = starling_minute_clock_get_default ();
  g_autoptr (GDateTime) now = NULL;

  GTK_WIDGET_CLASS (starling_status_row_parent_class)->map (widget);

  /* Only rows on screen follow the clock. A row mapped after a while
   * off screen catches up at once; one bound this second (a list view
   * maps the rows it binds as they scroll in) is up to date already. */
  if (self->tick_handler == 0)
    self->tick_handler = g_signal_connect_object (clock, "tick", G_CALLBACK (tick_cb), self, 0);
  now = starling_minute_clock_dup_now (clock);
  if (self->status == NULL || g_date_time_to_unix (now) != self->times_at)
    tick_cb (clock, self);
}

static void
starling_status_row_unmap (GtkWidget *widget)
{
  StarlingStatusRow *self = STARLING_STATUS_ROW (widget);

  g_clear_signal_handler (&self->tick_handler, starling_minute_clock_get_default ());

  GTK_WIDGET_CLASS (starling_status_row_parent_class)->unmap (widget);
}

/* GObject */

static void
starling_status_row_dispose (GObject *object)
{
  StarlingStatusRow *self = STARLING_STATUS_ROW (object);

  g_clear_signal_handler (&self->tick_handler, starling_minute_clock_get_default ());
  if (self->wrapper_signals != NULL)
    {
      g_signal_group_set_target (self->wrapper_signals, NULL);
      g_signal_group_set_target (self->shown_signals, NULL);
      g_signal_group_set_target (self->author_signals, NULL);
    }
  g_clear_object (&self->wrapper_signals);
  g_clear_object (&self->shown_signals);
  g_clear_object (&self->author_signals);

  if (self->quote_row != NULL)
    {
      gtk_box_remove (GTK_BOX (self->quote_box), GTK_WIDGET (self->quote_row));
      self->quote_row = NULL;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), STARLING_TYPE_STATUS_ROW);

  g_cancellable_cancel (self->images_cancellable);
  g_clear_object (&self->images_cancellable);
  g_clear_object (&self->status);
  g_clear_object (&self->client);
  g_clear_object (&self->image_loader);
  g_clear_pointer (&self->own_account_id, g_free);
  if (self->software_lookup_destroy != NULL)
    g_clear_pointer (&self->software_lookup_data, self->software_lookup_destroy);
  self->software_lookup = NULL;
  self->software_lookup_destroy = NULL;

  G_OBJECT_CLASS (starling_status_row_parent_class)->dispose (object);
}

static void
starling_status_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  StarlingStatusRow *self = STARLING_STATUS_ROW (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_object (value, self->status);
      break;
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_OWN_ACCOUNT_ID:
      g_value_set_string (value, self->own_account_id);
      break;
    case PROP_EXPAND_SPOILERS:
      g_value_set_boolean (value, self->expand_spoilers);
      break;
    case PROP_CONTENT_REVEALED:
      g_value_set_boolean (value, self->content_revealed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_status_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  StarlingStatusRow *self = STARLING_STATUS_ROW (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      starling_status_row_set_status (self, g_value_get_object (value));
      break;
    case PROP_COMPACT:
      self->compact = g_value_get_boolean (value);
      break;
    case PROP_CLIENT:
      starling_status_row_set_client (self, g_value_get_object (value));
      break;
    case PROP_OWN_ACCOUNT_ID:
      starling_status_row_set_own_account_id (self, g_value_get_string (value));
      break;
    case PROP_EXPAND_SPOILERS:
      starling_status_row_set_expand_spoilers (self, g_value_get_boolean (value));
      break;
    case PROP_CONTENT_REVEALED:
      starling_status_row_set_content_revealed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_status_row_constructed (GObject *object)
{
  StarlingStatusRow *self = STARLING_STATUS_ROW (object);

  G_OBJECT_CLASS (starling_status_row_parent_class)->constructed (object);

  if (self->compact)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "compact");
      gtk_widget_set_visible (self->action_bar, FALSE);
      adw_avatar_set_size (self->avatar, 32);
      gtk_label_set_lines (starling_rich_label_get_label (self->content_label), COMPACT_CONTENT_LINES);
      gtk_label_set_ellipsize (starling_rich_label_get_label (self->content_label), PANGO_ELLIPSIZE_END);
    }
}

static void
starling_status_row_class_init (StarlingStatusRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = starling_status_row_constructed;
  object_class->dispose = starling_status_row_dispose;
  object_class->get_property = starling_status_row_get_property;
  object_class->set_property = starling_status_row_set_property;

  widget_class->map = starling_status_row_map;
  widget_class->unmap = starling_status_row_unmap;

  properties[PROP_STATUS] =
    g_param_spec_object ("status", NULL, NULL, STARLING_TYPE_STATUS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, STARLING_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OWN_ACCOUNT_ID] =
    g_param_spec_string ("own-account-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPAND_SPOILERS] =
    g_param_spec_boolean ("expand-spoilers", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTENT_REVEALED] =
    g_param_spec_boolean ("content-revealed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StarlingStatusRow::toast:
   * @self: the row
   * @message: what to tell the person
   *
   * Emitted for a message that belongs in a toast. When no handler
   * returns %TRUE, it goes to the nearest #AdwToastOverlay above the row.
   *
   * Returns: %TRUE when the message was shown
   */
  signals[TOAST] =
    g_signal_new ("toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  /**
   * StarlingStatusRow::open-uri:
   * @self: the row
   * @uri: a web link of the post (its content, card, media or own page)
   *
   * Emitted before a link opens in the browser; a handler that returns
   * %TRUE opens it another way.
   *
   * Returns: %TRUE when the link was handled
   */
  signals[OPEN_URI] =
    g_signal_new ("open-uri",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  g_type_ensure (STARLING_TYPE_MEDIA_GRID);
  g_type_ensure (STARLING_TYPE_POLL_VIEW);
  g_type_ensure (STARLING_TYPE_RICH_LABEL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/status/starling-status-row.ui");
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, reblog_header);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, reblog_label);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, main_box);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, avatar_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, body_box);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, names_box);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, display_name);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, software_badge);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, bot_badge);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, handle_label);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, visibility_icon);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, reply_label);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, spoiler_box);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, spoiler_label);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, spoiler_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, content_box);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, content_label);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, media_grid);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, poll_view);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, card_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, card_picture);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, card_provider);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, card_title);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, card_description);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, quote_box);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, quote_unavailable);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, action_bar);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, reply_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, reply_count);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, boost_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, boost_icon);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, boost_count);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, favourite_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, favourite_icon);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, favourite_count);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, bookmark_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingStatusRow, more_button);

  gtk_widget_class_install_action (widget_class, "row.favourite", NULL, favourite_action);
  gtk_widget_class_install_action (widget_class, "row.boost", NULL, boost_action);
  gtk_widget_class_install_action (widget_class, "row.bookmark", NULL, bookmark_action);
  gtk_widget_class_install_action (widget_class, "row.copy-link", NULL, copy_link_action);
  gtk_widget_class_install_action (widget_class, "row.open-in-browser", NULL, open_in_browser_action);
  gtk_widget_class_install_action (widget_class, "row.mute-account", NULL, mute_account_action);
  gtk_widget_class_install_action (widget_class, "row.block-account", NULL, block_account_action);
  gtk_widget_class_install_action (widget_class, "row.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "row.toggle-spoiler", NULL, toggle_spoiler_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "statusrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
starling_status_row_init (StarlingStatusRow *self)
{
  GtkGesture *click;

  starling_style_load (RESOURCE_BASE "/status/style.css");
  gtk_widget_init_template (GTK_WIDGET (self));
  self->images_cancellable = g_cancellable_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->wrapper_signals = g_signal_group_new (STARLING_TYPE_STATUS);
  g_signal_group_connect_swapped (self->wrapper_signals, "notify::reblog", G_CALLBACK (wrapper_notify_cb), self);
  g_signal_group_connect_swapped (self->wrapper_signals, "notify::account", G_CALLBACK (wrapper_notify_cb), self);
  self->shown_signals = g_signal_group_new (STARLING_TYPE_STATUS);
  g_signal_group_connect_swapped (self->shown_signals, "notify", G_CALLBACK (shown_notify_cb), self);
  self->author_signals = g_signal_group_new (STARLING_TYPE_ACCOUNT);
  g_signal_group_connect_swapped (self->author_signals, "notify::display-name", G_CALLBACK (author_notify_cb), self);
  g_signal_group_connect_swapped (self->author_signals, "notify::emojis", G_CALLBACK (author_notify_cb), self);
  g_signal_group_connect_swapped (self->author_signals, "notify::avatar", G_CALLBACK (author_notify_cb), self);
  g_signal_group_connect_swapped (self->author_signals, "notify::bot", G_CALLBACK (author_notify_cb), self);

  g_signal_connect_object (self->content_label, "link-activated", G_CALLBACK (content_link_cb), self, 0);
  g_signal_connect_object (self->reply_label, "activate-link", G_CALLBACK (reply_link_cb), self, 0);
  g_signal_connect_object (self->spoiler_button, "toggled", G_CALLBACK (spoiler_toggled_cb), self, 0);
  g_signal_connect_object (self->media_grid, "notify::revealed", G_CALLBACK (media_revealed_cb), self, 0);
  g_signal_connect_object (self->media_grid, "activate", G_CALLBACK (media_activate_cb), self, 0);
  g_signal_connect_object (self->poll_view, "vote", G_CALLBACK (vote_cb), self, 0);
  g_signal_connect_object (self->card_button, "clicked", G_CALLBACK (card_clicked_cb), self, 0);

  gtk_widget_set_overflow (self->card_button, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_overflow (self->quote_box, GTK_OVERFLOW_HIDDEN);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (quote_pressed_cb), self, 0);
  gtk_widget_add_controller (self->quote_box, GTK_EVENT_CONTROLLER (click));

  gtk_menu_button_set_create_popup_func (self->more_button, create_menu_popup_cb, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->more_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("More actions"), -1);

  update_actions (self);
}

/**
 * starling_status_row_new:
 *
 * Returns: (transfer floating): a row for a timeline, showing nothing until
 *   starling_status_row_set_status()
 */
GtkWidget *
starling_status_row_new (void)
{
  return g_object_new (STARLING_TYPE_STATUS_ROW, NULL);
}

/**
 * starling_status_row_new_compact:
 *
 * Returns: (transfer floating): a compact row, without actions, for a
 *   quoted post
 */
GtkWidget *
starling_status_row_new_compact (void)
{
  return g_object_new (STARLING_TYPE_STATUS_ROW, "compact", TRUE, NULL);
}

static void
starling_status_row_bind_quote (StarlingStatusRow *self,
                                StarlingStatus    *quoted)
{
  if (quoted == NULL)
    {
      if (self->quote_row != NULL)
        starling_status_row_set_status (self->quote_row, NULL);
      return;
    }

  /* Made the first time a post with a quote is shown; a compact row never
   * shows a quote, so this never nests deeper. */
  if (self->quote_row == NULL)
    {
      self->quote_row = STARLING_STATUS_ROW (starling_status_row_new_compact ());
      gtk_box_append (GTK_BOX (self->quote_box), GTK_WIDGET (self->quote_row));
    }

  starling_status_row_set_software_lookup (self->quote_row, self->software_lookup, self->software_lookup_data, NULL);
  starling_status_row_set_image_loader (self->quote_row, self->image_loader);
  starling_status_row_set_own_account_id (self->quote_row, self->own_account_id);
  starling_status_row_set_expand_spoilers (self->quote_row, self->expand_spoilers);
  starling_status_row_set_status (self->quote_row, quoted);
}

/**
 * starling_status_row_get_status:
 * @self: a row
 *
 * Returns: (transfer none) (nullable): the status shown, as given
 */
StarlingStatus *
starling_status_row_get_status (StarlingStatusRow *self)
{
  g_return_val_if_fail (STARLING_IS_STATUS_ROW (self), NULL);

  return self->status;
}

/**
 * starling_status_row_set_status:
 * @self: a row
 * @status: (nullable): a status as a timeline holds it: a post, or a boost
 *   whose `reblog` is the post
 *
 * Shows @status and follows it until the next call: the row changes with
 * the object (a favourite, an edit, a new avatar). %NULL unbinds, as a
 * list view does with a row it puts aside.
 */
void
starling_status_row_set_status (StarlingStatusRow *self,
                                StarlingStatus    *status)
{
  StarlingStatus *shown;

  g_return_if_fail (STARLING_IS_STATUS_ROW (self));
  g_return_if_fail (status == NULL || STARLING_IS_STATUS (status));

  if (self->status == status)
    return;

  g_set_object (&self->status, status);
  shown = get_shown (self);
  restart_images (self);

  g_signal_group_set_target (self->wrapper_signals, status != shown ? status : NULL);
  g_signal_group_set_target (self->shown_signals, shown);
  g_signal_group_set_target (self->author_signals, get_author (self));

  self->content_revealed = self->expand_spoilers
                           || (shown != NULL && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (shown), REVEALED_KEY)));

  if (status != NULL)
    update_all (self);
  else
    {
      /* Nothing of the old post stays around in a row put aside. */
      starling_rich_label_set_rich_text (self->content_label, NULL);
      starling_rich_label_set_rich_text (self->display_name, NULL);
      starling_rich_label_set_rich_text (self->reblog_label, NULL);
      starling_media_grid_set_attachments (self->media_grid, NULL);
      starling_poll_view_set_poll (self->poll_view, NULL);
      gtk_picture_set_paintable (self->card_picture, NULL);
      starling_avatar_set_url (self->avatar, NULL, NULL);
      adw_avatar_set_text (self->avatar, NULL);
      starling_status_row_bind_quote (self, NULL);
      update_accessible (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_REVEALED]);
}

gboolean
starling_status_row_get_compact (StarlingStatusRow *self)
{
  g_return_val_if_fail (STARLING_IS_STATUS_ROW (self), FALSE);

  return self->compact;
}

StarlingClient *
starling_status_row_get_client (StarlingStatusRow *self)
{
  g_return_val_if_fail (STARLING_IS_STATUS_ROW (self), NULL);

  return self->client;
}

/**
 * starling_status_row_set_client:
 * @self: a row
 * @client: (nullable): the client of the signed-in account, through which
 *   favourites, boosts, bookmarks, votes, mutes, blocks and deletions go
 *
 * Without a client those actions are disabled.
 */
void
starling_status_row_set_client (StarlingStatusRow *self,
                                StarlingClient    *client)
{
  g_return_if_fail (STARLING_IS_STATUS_ROW (self));
  g_return_if_fail (client == NULL || STARLING_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;

  if (self->status != NULL)
    {
      update_actions (self);
      update_poll (self);
    }
  else
    update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

StarlingImageLoader *
starling_status_row_get_image_loader (StarlingStatusRow *self)
{
  g_return_val_if_fail (STARLING_IS_STATUS_ROW (self), NULL);

  return self->image_loader;
}

/**
 * starling_status_row_set_image_loader:
 * @self: a row
 * @loader: (nullable): the application's image loader, for avatars,
 *   custom emoji, media previews and link cards
 *
 * Without a loader the row shows initials and blurhashes only.
 */
void
starling_status_row_set_image_loader (StarlingStatusRow   *self,
                                      StarlingImageLoader *loader)
{
  g_return_if_fail (STARLING_IS_STATUS_ROW (self));
  g_return_if_fail (loader == NULL || STARLING_IS_IMAGE_LOADER (loader));

  if (!g_set_object (&self->image_loader, loader))
    return;

  if (self->status != NULL)
    {
      restart_images (self);
      update_all (self);
    }
}

/**
 * starling_status_row_get_images_pending:
 * @self: a row
 *
 * Returns: how many pictures of the status shown are still loading
 */
guint
starling_status_row_get_images_pending (StarlingStatusRow *self)
{
  g_return_val_if_fail (STARLING_IS_STATUS_ROW (self), 0);

  return self->images_pending + (self->quote_row != NULL ? starling_status_row_get_images_pending (self->quote_row) : 0);
}

const char *
starling_status_row_get_own_account_id (StarlingStatusRow *self)
{
  g_return_val_if_fail (STARLING_IS_STATUS_ROW (self), NULL);

  return self->own_account_id;
}

/**
 * starling_status_row_set_own_account_id:
 * @self: a row
 * @account_id: (nullable): the id of the signed-in account, so its own
 *   posts offer Edit and Delete instead of Mute, Block and Report
 */
void
starling_status_row_set_own_account_id (StarlingStatusRow *self,
                                        const char        *account_id)
{
  g_return_if_fail (STARLING_IS_STATUS_ROW (self));

  if (g_strcmp0 (self->own_account_id, account_id) == 0)
    return;

  g_free (self->own_account_id);
  self->own_account_id = g_strdup (account_id);
  if (self->status != NULL)
    {
      update_actions (self);
      update_poll (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWN_ACCOUNT_ID]);
}

/**
 * starling_status_row_set_software_lookup:
 * @self: a row
 * @lookup: (nullable): says which software a server runs
 * @user_data: data for @lookup
 * @destroy: (nullable): frees @user_data when the row no longer needs it
 *
 * Gives the row what the app knows of servers, for the badge beside the
 * author's name. Threads accounts are known by their domain without it.
 */
void
starling_status_row_set_software_lookup (StarlingStatusRow      *self,
                                         StarlingSoftwareLookup  lookup,
                                         gpointer                user_data,
                                         GDestroyNotify          destroy)
{
  g_return_if_fail (STARLING_IS_STATUS_ROW (self));

  if (self->software_lookup_destroy != NULL && self->software_lookup_data != NULL)
    self->software_lookup_destroy (self->software_lookup_data);

  self->software_lookup = lookup;
  self->software_lookup_data = user_data;
  self->software_lookup_destroy = destroy;

  if (self->status != NULL)
    update_author (self);
}

gboolean
starling_status_row_get_expand_spoilers (StarlingStatusRow *self)
{
  g_return_val_if_fail (STARLING_IS_STATUS_ROW (self), FALSE);

  return self->expand_spoilers;
}

/**
 * starling_status_row_set_expand_spoilers:
 * @self: a row
 * @expand: whether posts behind a content warning are shown open (the
 *   `expand-spoilers` setting)
 */
void
starling_status_row_set_expand_spoilers (StarlingStatusRow *self,
                                         gboolean           expand)
{
  g_return_if_fail (STARLING_IS_STATUS_ROW (self));

  expand = !!expand;
  if (self->expand_spoilers == expand)
    return;

  self->expand_spoilers = expand;
  if (expand && !self->content_revealed)
    starling_status_row_set_content_revealed (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPAND_SPOILERS]);
}

gboolean
starling_status_row_get_content_revealed (StarlingStatusRow *self)
{
  g_return_val_if_fail (STARLING_IS_STATUS_ROW (self), FALSE);

  return self->content_revealed;
}

/**
 * starling_status_row_set_content_revealed:
 * @self: a row
 * @revealed: whether the content behind a content warning is shown
 *
 * The choice is kept with the status while it lives, so a row recycled
 * back to it shows it the same way.
 */
void
starling_status_row_set_content_revealed (StarlingStatusRow *self,
                                          gboolean           revealed)
{
  StarlingStatus *shown;

  g_return_if_fail (STARLING_IS_STATUS_ROW (self));

  revealed = !!revealed;
  if (self->content_revealed == revealed)
    return;

  self->content_revealed = revealed;
  shown = get_shown (self);
  if (shown != NULL)
    g_object_set_data (G_OBJECT (shown), REVEALED_KEY, GINT_TO_POINTER (revealed));

  update_spoiler (self);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_REVEALED]);
}

/**
 * starling_status_row_build_menu:
 * @self: a row
 *
 * The "more" menu of the post shown: copy the link, open it in the
 * browser, and either edit and delete (one's own posts) or mute, block
 * and report the author.
 *
 * Returns: (transfer full): the menu
 */
GMenuModel *
starling_status_row_build_menu (StarlingStatusRow *self)
{
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenu) link_section = g_menu_new ();
  g_autoptr (GMenu) account_section = g_menu_new ();
  StarlingStatus *shown;
  StarlingAccount *author;

  g_return_val_if_fail (STARLING_IS_STATUS_ROW (self), NULL);

  shown = get_shown (self);
  author = get_author (self);

  g_menu_append (link_section, _("_Copy Link"), "row.copy-link");
  g_menu_append (link_section, _("_Open in Browser"), "row.open-in-browser");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (link_section));

  if (shown == NULL || author == NULL)
    return G_MENU_MODEL (g_steal_pointer (&menu));

  if (is_own (self))
    {
      g_autoptr (GMenuItem) edit = g_menu_item_new (_("_Edit"), NULL);
      g_autoptr (GMenuItem) delete = g_menu_item_new (_("_Delete"), "row.delete");

      g_menu_item_set_action_and_target (edit, "status.edit", "s", starling_status_get_id (shown));
      g_menu_append_item (account_section, edit);
      g_menu_append_item (account_section, delete);
    }
  else
    {
      const char *acct = starling_account_get_acct (author);
      g_autofree char *mute = g_strdup_printf (_("_Mute @%s"), acct);
      g_autofree char *block = g_strdup_printf (_("_Block @%s"), acct);
      g_autofree char *report_label = g_strdup_printf (_("_Report @%s…"), acct);
      g_autoptr (GMenuItem) report = g_menu_item_new (report_label, NULL);

      g_menu_item_set_action_and_target (report, "status.report", "s", starling_status_get_id (shown));
      g_menu_append (account_section, mute, "row.mute-account");
      g_menu_append (account_section, block, "row.block-account");
      g_menu_append_item (account_section, report);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (account_section));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}
