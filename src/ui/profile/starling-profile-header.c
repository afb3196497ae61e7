/* starling-profile-header.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-profile"

#include "config.h"

#include <glib/gi18n.h>

#include "model/starling-account-field.h"
#include "model/starling-custom-emoji.h"
#include "text/starling-html.h"
#include "ui/accounts/starling-avatar.h"
#include "ui/status/starling-rich-label.h"
#include "ui/status/starling-status-text.h"

#include "starling-profile-header.h"

/* The top of a profile: the header picture, the avatar, the name with its
 * custom emoji, the handle with the server and its software, "Follows
 * you", the bio and the fields (verified links marked), the counts, the
 * relationship button with its menu, and the tabs. It follows the
 * account and the relationship objects, so an answer of the server (or an
 * optimistic change of the page) shows at once.
 *
 * Its buttons activate the page's actions: `profile.toggle-follow`,
 * `profile.followers`, `profile.following`, `profile.show-posts`,
 * `profile.mute`, `profile.block` and `profile.open-in-browser`; links go
 * to `profile.open-link` (s), mentions to `profile.open-mention` (the
 * account `user@host` and the link), hashtags to `status.open-tag`. */
struct _StarlingProfileHeader
{
  GtkWidget             parent_instance;

  StarlingAccount      *account;
  StarlingRelationship *relationship;
  StarlingImageLoader  *loader;
  GCancellable         *images_cancellable;
  gboolean              own;
  StarlingSoftware      software;
  char                 *relationship_label;

  /* Template widgets */
  GtkWidget            *box;
  GtkPicture           *header_picture;
  GtkWidget            *actions_box;
  GtkButton            *relationship_button;
  GtkMenuButton        *menu_button;
  AdwAvatar            *avatar;
  StarlingRichLabel    *display_name;
  GtkWidget            *bot_icon;
  GtkWidget            *locked_icon;
  GtkLabel             *handle_label;
  GtkLabel             *software_badge;
  GtkWidget            *follows_you_badge;
  StarlingRichLabel    *note_label;
  GtkListBox           *fields_list;
  GtkLabel             *joined_label;
  GtkLabel             *posts_count;
  GtkLabel             *posts_caption;
  GtkLabel             *following_count;
  GtkLabel             *following_caption;
  GtkLabel             *followers_count;
  GtkLabel             *followers_caption;
  GtkStack             *tab_stack;
};

G_DEFINE_FINAL_TYPE (StarlingProfileHeader, starling_profile_header, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TAB,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

#define HEADER_HEIGHT 180
#define HEADER_WIDTH 700

/* Rich text */

static StarlingRichText *
rich_text (const char *html,
           GPtrArray  *emojis)
{
  g_autoptr (GPtrArray) shortcodes = g_ptr_array_new ();
  StarlingHtmlOptions options = { 0 };

  for (guint i = 0; emojis != NULL && i < emojis->len; i++)
    g_ptr_array_add (shortcodes, (gpointer) starling_custom_emoji_get_shortcode (g_ptr_array_index (emojis, i)));
  g_ptr_array_add (shortcodes, NULL);
  options.emoji_shortcodes = (const char * const *) shortcodes->pdata;

  return starling_html_to_markup (html != NULL ? html : "", &options);
}

typedef struct
{
  StarlingRichLabel *label;
  char              *shortcode;
} EmojiRequest;

static void
emoji_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  EmojiRequest *request = user_data;
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GError) error = NULL;

  texture = starling_image_loader_load_finish (STARLING_IMAGE_LOADER (object), result, &error);
  if (texture != NULL)
    starling_rich_label_set_emoji_paintable (request->label, request->shortcode, GDK_PAINTABLE (texture));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("An emoji of a profile did not load: %s", error->message);

  g_object_unref (request->label);
  g_free (request->shortcode);
  g_free (request);
}

/* Shows @label's custom emoji, as they load. */
static void
load_emojis (StarlingProfileHeader *self,
             StarlingRichLabel     *label,
             GPtrArray             *emojis)
{
  StarlingRichText *text = starling_rich_label_get_rich_text (label);
  int size = starling_rich_label_get_emoji_size (label);
  int scale = MAX (1, gtk_widget_get_scale_factor (GTK_WIDGET (self)));

  if (text == NULL || emojis == NULL || self->loader == NULL)
    return;

  for (guint i = 0; i < starling_rich_text_get_n_emojis (text); i++)
    {
      const char *shortcode = starling_rich_text_get_emoji (text, i)->shortcode;

      for (guint j = 0; j < emojis->len; j++)
        {
          StarlingCustomEmoji *emoji = g_ptr_array_index (emojis, j);
          const char *url = starling_custom_emoji_get_static_url (emoji);
          g_autoptr (GdkTexture) cached = NULL;
          EmojiRequest *request;

          if (g_strcmp0 (starling_custom_emoji_get_shortcode (emoji), shortcode) != 0)
            continue;
          if (url == NULL)
            url = starling_custom_emoji_get_url (emoji);
          if (url == NULL)
            break;

          cached = starling_image_loader_lookup (self->loader, url, size, size, scale);
          if (cached != NULL)
            {
              starling_rich_label_set_emoji_paintable (label, shortcode, GDK_PAINTABLE (cached));
              break;
            }
          request = g_new0 (EmojiRequest, 1);
          request->label = g_object_ref (label);
          request->shortcode = g_strdup (shortcode);
          starling_image_loader_load_async (self->loader, url, size, size, scale, self->images_cancellable,
                                            emoji_loaded_cb, request);
          break;
        }
    }
}

static gboolean
link_cb (StarlingRichLabel     *label,
         const StarlingLink    *link,
         StarlingProfileHeader *self)
{
  switch (link->kind)
    {
    case STARLING_LINK_HASHTAG:
      if (link->name != NULL && gtk_widget_activate_action (GTK_WIDGET (self), "status.open-tag", "s", link->name))
        return TRUE;
      break;
    case STARLING_LINK_MENTION:
      /* A bio's mentions carry no account id: the page looks it up. */
      if (link->name != NULL && link->href != NULL)
        {
          g_autofree char *acct = link->host != NULL ? g_strdup_printf ("%s@%s", link->name, link->host)
                                                     : g_strdup (link->name);

          if (gtk_widget_activate_action (GTK_WIDGET (self), "profile.open-mention", "(ss)", acct, link->href))
            return TRUE;
        }
      break;
    case STARLING_LINK_URL:
    default:
      break;
    }

  if (link->href != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "profile.open-link", "s", link->href);
  return TRUE;
}

/* The header picture */

static void
header_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (StarlingProfileHeader) self = user_data;
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GError) error = NULL;

  texture = starling_image_loader_load_finish (STARLING_IMAGE_LOADER (object), result, &error);
  if (texture != NULL)
    gtk_picture_set_paintable (self->header_picture, GDK_PAINTABLE (texture));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("The header picture did not load: %s", error->message);
}

static void
load_header (StarlingProfileHeader *self)
{
  const char *url = starling_account_get_header_static (self->account);
  int scale = MAX (1, gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  g_autoptr (GdkTexture) cached = NULL;

  if (url == NULL)
    url = starling_account_get_header (self->account);
  gtk_picture_set_paintable (self->header_picture, NULL);
  /* Mastodon's "missing" header is a transparent picture: the banner's
   * colour shows instead. */
  if (url == NULL || *url == '\0' || self->loader == NULL || g_str_has_suffix (url, "/missing.png"))
    return;

  cached = starling_image_loader_lookup (self->loader, url, HEADER_WIDTH, 0, scale);
  if (cached != NULL)
    {
      gtk_picture_set_paintable (self->header_picture, GDK_PAINTABLE (cached));
      return;
    }
  starling_image_loader_load_async (self->loader, url, HEADER_WIDTH, 0, scale, self->images_cancellable,
                                    header_loaded_cb, g_object_ref (self));
}

/* Fields */

static GtkWidget *
field_row (StarlingProfileHeader *self,
           StarlingAccountField  *field)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (starling_account_field_get_name (field));
  GtkWidget *value = starling_rich_label_new ();
  g_autoptr (StarlingRichText) text = rich_text (starling_account_field_get_value (field),
                                                 starling_account_get_emojis (self->account));
  GDateTime *verified = starling_account_field_get_verified_at (field);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (box, "profile-field");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_size_request (name, 120, -1);
  gtk_widget_add_css_class (name, "dim-label");
  gtk_widget_add_css_class (name, "caption-heading");
  gtk_widget_set_valign (name, GTK_ALIGN_START);
  gtk_widget_set_hexpand (value, TRUE);
  starling_rich_label_set_rich_text (STARLING_RICH_LABEL (value), text);
  g_signal_connect_object (value, "link-activated", G_CALLBACK (link_cb), self, 0);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), value);

  /* A link the server checked points back at this profile (rel=me). */
  if (verified != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
      g_autoptr (GDateTime) local = g_date_time_to_local (verified);
      /* TRANSLATORS: the tooltip of a verified link of a profile, with a date */
      g_autofree char *date = g_date_time_format (local, _("%B %-e, %Y"));
      g_autofree char *tooltip = g_strdup_printf (_("Ownership of this link was checked on %s"), date);

      gtk_widget_add_css_class (icon, "success");
      gtk_widget_set_tooltip_text (icon, tooltip);
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_widget_add_css_class (row, "verified");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  load_emojis (self, STARLING_RICH_LABEL (value), starling_account_get_emojis (self->account));
  return row;
}

/* Updating from the model */

static void
set_count (GtkLabel   *number,
           GtkLabel   *caption,
           gint64      count,
           const char *singular,
           const char *plural)
{
  g_autofree char *text = count > 0 ? starling_status_text_format_count (count) : g_strdup ("0");
  const char *words = g_dngettext (GETTEXT_PACKAGE, singular, plural, (gulong) MIN (MAX (count, 0), G_MAXULONG));
  GtkWidget *button = gtk_widget_get_ancestor (GTK_WIDGET (number), GTK_TYPE_BUTTON);
  g_autofree char *spoken = NULL;

  gtk_label_set_text (number, text);
  gtk_label_set_text (caption, words);

  /* The button around the count reads it: "358 posts", not "GtkButton". */
  if (button != NULL)
    {
      /* TRANSLATORS: what a screen reader reads for a count on a profile: "358 posts" */
      spoken = g_strdup_printf (C_("profile count", "%s %s"), text, words);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
    }
}

static void
update_counts (StarlingProfileHeader *self)
{
  if (self->account == NULL)
    return;

  /* TRANSLATORS: under a count on a profile, as in "1,024 posts" */
  set_count (self->posts_count, self->posts_caption, starling_account_get_statuses_count (self->account),
             N_("post"), N_("posts"));
  /* TRANSLATORS: under a count on a profile: how many accounts this one follows */
  set_count (self->following_count, self->following_caption, starling_account_get_following_count (self->account),
             N_("following"), N_("following"));
  set_count (self->followers_count, self->followers_caption, starling_account_get_followers_count (self->account),
             N_("follower"), N_("followers"));
}

static void
update_software (StarlingProfileHeader *self)
{
  StarlingSoftware software = self->software;

  gtk_widget_remove_css_class (GTK_WIDGET (self->software_badge), "threads");
  if (self->account != NULL && software == STARLING_SOFTWARE_UNKNOWN)
    software = starling_status_text_software_of (self->account, NULL, NULL);
  if (software == STARLING_SOFTWARE_UNKNOWN)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->software_badge), FALSE);
      return;
    }

  gtk_label_set_text (self->software_badge, starling_software_get_display_name (software));
  if (software == STARLING_SOFTWARE_THREADS)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->software_badge), "threads");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->software_badge),
                                   _("A Threads account: it sees fewer replies and cannot be followed from some servers"));
    }
  else
    {
      /* TRANSLATORS: the tooltip of the badge of a server's software: "Runs Pixelfed" */
      g_autofree char *tooltip = g_strdup_printf (_("Runs %s"), starling_software_get_display_name (software));

      gtk_widget_set_tooltip_text (GTK_WIDGET (self->software_badge), tooltip);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->software_badge), TRUE);
}

static void
update_account (StarlingProfileHeader *self)
{
  g_autoptr (StarlingRichText) name = NULL;
  g_autoptr (StarlingRichText) note = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *handle = NULL;
  g_autofree char *plain = NULL;
  GPtrArray *fields;
  GtkWidget *child;

  g_cancellable_cancel (self->images_cancellable);
  g_clear_object (&self->images_cancellable);
  self->images_cancellable = g_cancellable_new ();

  if (self->account == NULL)
    return;

  escaped = g_markup_escape_text (starling_account_get_display (self->account), -1);
  name = rich_text (escaped, starling_account_get_emojis (self->account));
  starling_rich_label_set_rich_text (self->display_name, name);
  load_emojis (self, self->display_name, starling_account_get_emojis (self->account));

  handle = starling_status_text_dup_handle (self->account);
  gtk_label_set_text (self->handle_label, handle);

  plain = starling_status_text_dup_plain_name (self->account);
  adw_avatar_set_text (self->avatar, plain);
  starling_avatar_set_url (self->avatar, self->loader, starling_account_get_avatar_static (self->account));

  note = rich_text (starling_account_get_note (self->account), starling_account_get_emojis (self->account));
  starling_rich_label_set_rich_text (self->note_label, note);
  load_emojis (self, self->note_label, starling_account_get_emojis (self->account));
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), *starling_rich_text_get_text (note) != '\0');

  gtk_widget_set_visible (self->bot_icon, starling_account_get_bot (self->account));
  gtk_widget_set_visible (self->locked_icon, starling_account_get_locked (self->account));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->fields_list))) != NULL)
    gtk_list_box_remove (self->fields_list, child);
  fields = starling_account_get_fields (self->account);
  for (guint i = 0; fields != NULL && i < fields->len; i++)
    gtk_list_box_append (self->fields_list, field_row (self, g_ptr_array_index (fields, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->fields_list), fields != NULL && fields->len > 0);

  if (starling_account_get_created_at (self->account) != NULL)
    {
      g_autoptr (GDateTime) local = g_date_time_to_local (starling_account_get_created_at (self->account));
      /* TRANSLATORS: when an account was made, as strftime() takes it: "Joined March 2024" */
      g_autofree char *joined = g_date_time_format (local, _("Joined %B %Y"));

      gtk_label_set_text (self->joined_label, joined);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->joined_label), starling_account_get_created_at (self->account) != NULL);

  load_header (self);
  update_counts (self);
  update_software (self);
}

static void
account_notify_cb (StarlingProfileHeader *self,
                   GParamSpec            *pspec)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_has_suffix (name, "-count"))
    update_counts (self);
  else
    update_account (self);
}

/**
 * starling_profile_header_dup_relationship_label:
 * @relationship: (nullable): where the signed-in account stands
 * @own: whether the profile is the signed-in account's
 *
 * Returns: (transfer full) (nullable): what the relationship button says:
 *   Follow, Follow Back, Requested, Unfollow or Unblock; %NULL when no
 *   button is shown
 */
char *
starling_profile_header_dup_relationship_label (StarlingRelationship *relationship,
                                                gboolean              own)
{
  if (own || relationship == NULL)
    return NULL;
  if (starling_relationship_get_blocking (relationship))
    return g_strdup (_("Unblock"));
  if (starling_relationship_get_following (relationship))
    return g_strdup (_("Unfollow"));
  if (starling_relationship_get_requested (relationship))
    return g_strdup (_("Requested"));
  if (starling_relationship_get_followed_by (relationship))
    return g_strdup (_("Follow Back"));
  return g_strdup (_("Follow"));
}

static void
update_relationship (StarlingProfileHeader *self)
{
  StarlingRelationship *relationship = self->relationship;
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenu) moderation = g_menu_new ();
  gboolean follows = !self->own && relationship != NULL && starling_relationship_get_followed_by (relationship);

  g_free (self->relationship_label);
  self->relationship_label = starling_profile_header_dup_relationship_label (relationship, self->own);

  gtk_widget_set_visible (GTK_WIDGET (self->relationship_button), self->relationship_label != NULL);
  if (self->relationship_label != NULL)
    {
      gboolean suggested = !starling_relationship_get_following (relationship)
                           && !starling_relationship_get_requested (relationship)
                           && !starling_relationship_get_blocking (relationship);

      gtk_button_set_label (self->relationship_button, self->relationship_label);
      if (suggested)
        gtk_widget_add_css_class (GTK_WIDGET (self->relationship_button), "suggested-action");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->relationship_button), "suggested-action");
      if (starling_relationship_get_requested (relationship))
        gtk_widget_set_tooltip_text (GTK_WIDGET (self->relationship_button),
                                     _("Waiting for approval; press to withdraw the request"));
      else
        gtk_widget_set_tooltip_text (GTK_WIDGET (self->relationship_button), NULL);
    }
  gtk_widget_set_visible (self->follows_you_badge, follows);

  g_menu_append (menu, _("Open in _Browser"), "profile.open-in-browser");
  if (!self->own && relationship != NULL)
    {
      g_menu_append (moderation, starling_relationship_get_muting (relationship) ? _("_Unmute") : _("_Mute"),
                     "profile.mute");
      g_menu_append (moderation, starling_relationship_get_blocking (relationship) ? _("Un_block") : _("_Block…"),
                     "profile.block");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (moderation));
    }
  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
}

/* GObject */

static void
tab_changed_cb (StarlingProfileHeader *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAB]);
}

static void
starling_profile_header_dispose (GObject *object)
{
  StarlingProfileHeader *self = STARLING_PROFILE_HEADER (object);

  g_cancellable_cancel (self->images_cancellable);
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  if (self->relationship != NULL)
    g_signal_handlers_disconnect_by_data (self->relationship, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), STARLING_TYPE_PROFILE_HEADER);
  g_clear_object (&self->account);
  g_clear_object (&self->relationship);
  g_clear_object (&self->loader);
  g_clear_object (&self->images_cancellable);
  g_clear_pointer (&self->relationship_label, g_free);

  G_OBJECT_CLASS (starling_profile_header_parent_class)->dispose (object);
}

static void
starling_profile_header_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  StarlingProfileHeader *self = STARLING_PROFILE_HEADER (object);

  switch (prop_id)
    {
    case PROP_TAB:
      g_value_set_string (value, starling_profile_header_get_tab (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_profile_header_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  StarlingProfileHeader *self = STARLING_PROFILE_HEADER (object);

  switch (prop_id)
    {
    case PROP_TAB:
      starling_profile_header_set_tab (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_profile_header_class_init (StarlingProfileHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = starling_profile_header_dispose;
  object_class->get_property = starling_profile_header_get_property;
  object_class->set_property = starling_profile_header_set_property;

  properties[PROP_TAB] =
    g_param_spec_string ("tab", NULL, NULL, "posts",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STARLING_TYPE_RICH_LABEL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/profile/starling-profile-header.ui");
  gtk_widget_class_bind_template_child (widget_class, StarlingProfileHeader, box);
  gtk_widget_class_bind_template_child (widget_class, StarlingProfileHeader, header_picture);
  gtk_widget_class_bind_template_child (widget_class, StarlingProfileHeader, actions_box);
  gtk_widget_class_bind_template_child (widget_class, StarlingProfileHeader, relationship_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingProfileHeader, menu_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingProfileHeader, avatar);
  gtk_widget_class_bind_template_child (widget_class, StarlingProfileHeader, display_name);
  gtk_widget_class_bind_template_child (widget_class, StarlingProfileHeader, bot_icon);
  gtk_widget_class_bind_template_child (widget_class, StarlingProfileHeader, locked_icon);
  gtk_widget_class_bind_template_child (widget_class, StarlingProfileHeader, handle_label);
  gtk_widget_class_bind_template_child (widget_class, StarlingProfileHeader, software_badge);
  gtk_widget_class_bind_template_child (widget_class, StarlingProfileHeader, follows_you_badge);
  gtk_widget_class_bind_template_child (widget_class, StarlingProfileHeader, note_label);
  gtk_widget_class_bind_template_child (widget_class, StarlingProfileHeader, fields_list);
  gtk_widget_class_bind_template_child (widget_class, StarlingProfileHeader, joined_label);
  gtk_widget_class_bind_template_child (widget_class, StarlingProfileHeader, posts_count);
  gtk_widget_class_bind_template_child (widget_class, StarlingProfileHeader, posts_caption);
  gtk_widget_class_bind_template_child (widget_class, StarlingProfileHeader, following_count);
  gtk_widget_class_bind_template_child (widget_class, StarlingProfileHeader, following_caption);
  gtk_widget_class_bind_template_child (widget_class, StarlingProfileHeader, followers_count);
  gtk_widget_class_bind_template_child (widget_class, StarlingProfileHeader, followers_caption);
  gtk_widget_class_bind_template_child (widget_class, StarlingProfileHeader, tab_stack);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "profileheader");
  /* A container: without a role of its own, GTK 4.8 would read its type name. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
starling_profile_header_init (StarlingProfileHeader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->images_cancellable = g_cancellable_new ();
  g_signal_connect_object (self->note_label, "link-activated", G_CALLBACK (link_cb), self, 0);
  g_signal_connect_object (self->tab_stack, "notify::visible-child-name", G_CALLBACK (tab_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self->relationship_button), FALSE);
}

GtkWidget *
starling_profile_header_new (void)
{
  return g_object_new (STARLING_TYPE_PROFILE_HEADER, NULL);
}

/**
 * starling_profile_header_set_account:
 * @self: a #StarlingProfileHeader
 * @account: the account shown
 * @loader: (nullable): the image loader
 *
 * Shows @account, and follows it from now on.
 */
void
starling_profile_header_set_account (StarlingProfileHeader *self,
                                     StarlingAccount       *account,
                                     StarlingImageLoader   *loader)
{
  g_return_if_fail (STARLING_IS_PROFILE_HEADER (self));
  g_return_if_fail (STARLING_IS_ACCOUNT (account));

  g_set_object (&self->loader, loader);
  if (self->account != account)
    {
      if (self->account != NULL)
        g_signal_handlers_disconnect_by_data (self->account, self);
      g_set_object (&self->account, account);
      g_signal_connect_swapped (account, "notify", G_CALLBACK (account_notify_cb), self);
    }
  update_account (self);
  update_relationship (self);
}

/* Returns: (transfer none) (nullable): the account shown */
StarlingAccount *
starling_profile_header_get_account (StarlingProfileHeader *self)
{
  g_return_val_if_fail (STARLING_IS_PROFILE_HEADER (self), NULL);

  return self->account;
}

/* Shows where the signed-in account stands with the profile's, and
 * follows it. */
void
starling_profile_header_set_relationship (StarlingProfileHeader *self,
                                          StarlingRelationship  *relationship)
{
  g_return_if_fail (STARLING_IS_PROFILE_HEADER (self));
  g_return_if_fail (relationship == NULL || STARLING_IS_RELATIONSHIP (relationship));

  if (self->relationship != relationship)
    {
      if (self->relationship != NULL)
        g_signal_handlers_disconnect_by_data (self->relationship, self);
      g_set_object (&self->relationship, relationship);
      if (relationship != NULL)
        g_signal_connect_swapped (relationship, "notify", G_CALLBACK (update_relationship), self);
    }
  update_relationship (self);
}

/* The signed-in account's own profile: no relationship to show. */
void
starling_profile_header_set_own (StarlingProfileHeader *self,
                                 gboolean               own)
{
  g_return_if_fail (STARLING_IS_PROFILE_HEADER (self));

  self->own = !!own;
  update_relationship (self);
}

/* The software of the account's server, as its NodeInfo says. */
void
starling_profile_header_set_software (StarlingProfileHeader *self,
                                      StarlingSoftware       software)
{
  g_return_if_fail (STARLING_IS_PROFILE_HEADER (self));

  self->software = software;
  update_software (self);
}

/* "posts", "replies" or "media". */
const char *
starling_profile_header_get_tab (StarlingProfileHeader *self)
{
  g_return_val_if_fail (STARLING_IS_PROFILE_HEADER (self), NULL);

  return gtk_stack_get_visible_child_name (self->tab_stack);
}

void
starling_profile_header_set_tab (StarlingProfileHeader *self,
                                 const char            *tab)
{
  g_return_if_fail (STARLING_IS_PROFILE_HEADER (self));
  g_return_if_fail (tab != NULL);

  gtk_stack_set_visible_child_name (self->tab_stack, tab);
}

/* What the relationship button says, or %NULL when it is hidden. */
const char *
starling_profile_header_get_relationship_label (StarlingProfileHeader *self)
{
  g_return_val_if_fail (STARLING_IS_PROFILE_HEADER (self), NULL);

  return self->relationship_label;
}
