/* starling-main-view.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The signed-in window's shell: a sidebar (the account switcher on top,
 * the places below) and the place's page, side by side on a wide window
 * and one at a time, with a way back, below about 600 pixels.
 */

#define G_LOG_DOMAIN "starling-shell"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/accounts/starling-avatar.h"

#include "starling-main-view.h"
#include "ui/common/starling-style.h"

#define SHELL_RESOURCE RESOURCE_BASE "/shell"

typedef struct
{
  const char *name;
  const char *title;
  const char *icon_name;
  const char *description;
} Place;

/* The titles and descriptions are translated where they are shown. */
static const Place places[] = {
  { "home", N_("Home"), "user-home-symbolic",
    N_("Posts from the people and hashtags you follow") },
  { "notifications", N_("Notifications"), "preferences-system-notifications-symbolic",
    N_("Mentions, follows, boosts and favourites of your posts") },
  { "local", N_("Local"), "network-server-symbolic",
    N_("Public posts from the people on your server") },
  { "federated", N_("Federated"), "network-workgroup-symbolic",
    N_("Public posts from across the fediverse that your server knows of") },
  { "bookmarks", N_("Bookmarks"), "user-bookmarks-symbolic",
    N_("Posts you saved for later") },
  { "favourites", N_("Favourites"), "starred-symbolic",
    N_("Posts you marked as favourites") },
  { "lists", N_("Lists"), "view-list-bullet-symbolic",
    N_("Timelines of the people you gathered in lists") },
  { "hashtags", N_("Hashtags"), "starling-hashtag-symbolic",
    N_("Posts with the hashtags you follow") },
  { "scheduled", N_("Scheduled"), "alarm-symbolic",
    N_("Posts that wait for the time you chose to be published") },
  { "analytics", N_("Analytics"), "starling-analytics-symbolic",
    N_("How far your posts travel: reach, engagement, and the servers and software of your audience") },
  { "compose", N_("Compose"), "document-edit-symbolic",
    N_("Write a post for this account") },
};

static const char * const place_names[] = {
  "home", "notifications", "local", "federated", "bookmarks", "favourites",
  "lists", "hashtags", "scheduled", "analytics", "compose", NULL,
};

G_STATIC_ASSERT (G_N_ELEMENTS (place_names) == G_N_ELEMENTS (places) + 1);

struct _StarlingMainView
{
  AdwBin          parent_instance;

  /* Template widgets */
  AdwLeaflet     *leaflet;
  GtkWidget      *sidebar;
  GtkWidget      *content;
  AdwBin         *switcher_slot;
  GtkWidget      *sidebar_header;
  GtkListBox     *places_list;
  AdwWindowTitle *content_title;
  GtkButton      *back_button;
  GtkRevealer    *banner_revealer;
  GtkImage       *banner_icon;
  GtkLabel       *banner_label;
  GtkButton      *banner_button;
  AdwViewStack   *stack;
  GtkStack       *nav_stack;
  AdwBin         *header_end_slot;

  /* Pages pushed over each place (PushedPage, the newest last), and the
   * page whose title the header shows. */
  GPtrArray      *pushed[G_N_ELEMENTS (places)];
  GtkWidget      *titled_page;
  gulong          title_handler;

  /* The page each place shows until another engineer's page replaces it. */
  GtkWidget      *placeholders[G_N_ELEMENTS (places)];
  GObject        *pages[G_N_ELEMENTS (places)];

  /* The profile summary on Home's placeholder. */
  GtkWidget      *profile_box;
  AdwAvatar      *profile_avatar;
  GtkLabel       *profile_name;
  GtkLabel       *profile_handle;
  GtkLabel       *profile_statuses;
  GtkLabel       *profile_following;
  GtkLabel       *profile_followers;
  GtkWidget      *profile_counts;
  StarlingAccount *account;
};

G_DEFINE_FINAL_TYPE (StarlingMainView, starling_main_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PLACE,
  PROP_FOLDED,
  PROP_BANNER_MESSAGE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static int
find_place (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    if (g_strcmp0 (places[i].name, name) == 0)
      return i;
  return -1;
}

static GtkWidget *
count_box (GtkLabel   **number,
           const char  *caption)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label;

  label = gtk_label_new ("0");
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  *number = GTK_LABEL (label);

  label = gtk_label_new (caption);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

/* Home's placeholder carries a summary of the signed-in account, so the
 * window shows whose it is before the timeline exists. */
static GtkWidget *
build_profile_box (StarlingMainView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *counts;
  GtkWidget *label;

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (box, "starling-profile-summary");

  self->profile_avatar = ADW_AVATAR (adw_avatar_new (96, NULL, TRUE));
  gtk_widget_set_halign (GTK_WIDGET (self->profile_avatar), GTK_ALIGN_CENTER);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->profile_avatar), 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->profile_avatar));

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "title-2");
  gtk_box_append (GTK_BOX (box), label);
  self->profile_name = GTK_LABEL (label);

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  self->profile_handle = GTK_LABEL (label);

  counts = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  gtk_box_set_homogeneous (GTK_BOX (counts), TRUE);
  gtk_widget_set_halign (counts, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (counts, 12);
  gtk_box_append (GTK_BOX (counts), count_box (&self->profile_statuses, _("Posts")));
  gtk_box_append (GTK_BOX (counts), count_box (&self->profile_following, _("Following")));
  gtk_box_append (GTK_BOX (counts), count_box (&self->profile_followers, _("Followers")));
  gtk_box_append (GTK_BOX (box), counts);
  self->profile_counts = counts;

  gtk_widget_set_visible (box, FALSE);
  return box;
}

static GtkWidget *
build_placeholder (StarlingMainView *self,
                   const Place      *place)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), place->icon_name);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _(place->title));
  adw_status_page_set_description (ADW_STATUS_PAGE (page), _(place->description));
  gtk_widget_add_css_class (page, "compact");

  if (g_str_equal (place->name, "home"))
    {
      self->profile_box = build_profile_box (self);
      adw_status_page_set_child (ADW_STATUS_PAGE (page), self->profile_box);
    }

  return page;
}

static GtkWidget *
build_place_row (const Place *place)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = gtk_image_new_from_icon_name (place->icon_name);
  GtkWidget *label = gtk_label_new (_(place->title));

  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, place->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(place->title), -1);

  return row;
}

/* Navigation inside a place: pages pushed over the place's page (a
 * thread, a profile, a hashtag), each with the way back in the header.
 * The content side is a stack: the places' view stack first, then every
 * pushed page of every place; a place shows its newest pushed page. */

typedef struct
{
  GtkWidget *page;
  /* What had the focus on the page below when this one was pushed. */
  GWeakRef   focus;
} PushedPage;

static void
pushed_page_free (PushedPage *pushed)
{
  g_clear_object (&pushed->page);
  g_weak_ref_clear (&pushed->focus);
  g_free (pushed);
}

static int
current_place (StarlingMainView *self)
{
  return find_place (adw_view_stack_get_visible_child_name (self->stack));
}

static PushedPage *
top_pushed (StarlingMainView *self,
            int               index)
{
  GPtrArray *pushed = index >= 0 ? self->pushed[index] : NULL;

  return pushed != NULL && pushed->len > 0 ? g_ptr_array_index (pushed, pushed->len - 1) : NULL;
}

static char *
page_title (GtkWidget *page)
{
  char *title = NULL;

  if (page != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (page), "title") != NULL)
    g_object_get (page, "title", &title, NULL);
  return title;
}

static void
update_title (StarlingMainView *self)
{
  int index = current_place (self);
  g_autofree char *title = NULL;
  const char *shown;
  GtkWidget *page;

  if (top_pushed (self, index) != NULL)
    title = page_title (self->titled_page);
  shown = title != NULL ? title : index >= 0 ? _(places[index].title) : "";
  adw_window_title_set_title (self->content_title, shown);

  /* A screen reader reads the stack page it enters: by the title shown,
   * not "GtkStackPage". */
  page = gtk_stack_get_visible_child (self->nav_stack);
  if (page != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_stack_get_page (self->nav_stack, page)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, shown, -1);
}

/* The header follows the page shown: its title, the way back, and the
 * page's own buttons (its "header-widget", when it has one). */
static void
update_header (StarlingMainView *self)
{
  int index = current_place (self);
  PushedPage *pushed = top_pushed (self, index);
  GtkWidget *page = pushed != NULL ? pushed->page : adw_view_stack_get_visible_child (self->stack);
  GtkWidget *header_widget = NULL;

  if (self->titled_page != page || self->titled_page == NULL)
    {
      /* A page that went away took its handler with it. */
      if (self->titled_page != NULL)
        g_clear_signal_handler (&self->title_handler, self->titled_page);
      self->title_handler = 0;
      g_clear_weak_pointer (&self->titled_page);
      if (page != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (page), "title") != NULL)
        {
          g_set_weak_pointer (&self->titled_page, page);
          self->title_handler = g_signal_connect_swapped (page, "notify::title", G_CALLBACK (update_title), self);
        }
    }
  update_title (self);

  if (page != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (page), "header-widget") != NULL)
    g_object_get (page, "header-widget", &header_widget, NULL);
  if (header_widget != NULL && gtk_widget_get_parent (header_widget) != NULL
      && gtk_widget_get_parent (header_widget) != GTK_WIDGET (self->header_end_slot))
    gtk_widget_unparent (header_widget);
  adw_bin_set_child (self->header_end_slot, header_widget);
  g_clear_object (&header_widget);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button),
                          pushed != NULL || adw_leaflet_get_folded (self->leaflet));
}

static void
show_pushed (StarlingMainView *self)
{
  PushedPage *pushed = top_pushed (self, current_place (self));

  if (pushed != NULL)
    gtk_stack_set_visible_child (self->nav_stack, pushed->page);
  else
    gtk_stack_set_visible_child_name (self->nav_stack, "places");
  update_header (self);
}

static void
clear_pushed (StarlingMainView *self,
              int               index)
{
  GPtrArray *pushed = self->pushed[index];

  while (pushed != NULL && pushed->len > 0)
    {
      PushedPage *top = g_ptr_array_steal_index (pushed, pushed->len - 1);

      if (gtk_widget_get_parent (top->page) == GTK_WIDGET (self->nav_stack))
        gtk_stack_remove (self->nav_stack, top->page);
      pushed_page_free (top);
    }
}

static gboolean
go_back (StarlingMainView *self)
{
  if (top_pushed (self, current_place (self)) != NULL)
    return starling_main_view_pop_page (self);
  return FALSE;
}

static gboolean
back_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  /* Without a pushed page, the leaflet's own Alt+Left goes back to the
   * sidebar on a narrow window. */
  return go_back (STARLING_MAIN_VIEW (widget));
}

static void
mouse_back_cb (GtkGestureClick  *gesture,
               int               n_press,
               double            x,
               double            y,
               StarlingMainView *self)
{
  if (go_back (self))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
setup_navigation (StarlingMainView *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  /* In the capture phase, before the leaflet's own shortcut. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (
                                                            gtk_keyval_trigger_new (GDK_KEY_Left, GDK_ALT_MASK),
                                                            gtk_keyval_trigger_new (GDK_KEY_Back, 0)),
                                                          gtk_callback_action_new (back_shortcut_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* Escape last of all: a popover or an entry may want it first. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_callback_action_new (back_shortcut_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* The mouse's back button (8). */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 8);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (mouse_back_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    self->pushed[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) pushed_page_free);
}

static void
show_place (StarlingMainView *self,
            int               index)
{
  g_assert (index >= 0 && index < (int) G_N_ELEMENTS (places));

  adw_view_stack_set_visible_child_name (self->stack, places[index].name);
  show_pushed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACE]);
}

static void
back_clicked_cb (StarlingMainView *self)
{
  if (!go_back (self))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
row_selected_cb (StarlingMainView *self,
                 GtkListBoxRow    *row,
                 GtkListBox       *list)
{
  if (row == NULL)
    return;
  show_place (self, gtk_list_box_row_get_index (row));
}

static void
row_activated_cb (StarlingMainView *self,
                  GtkListBoxRow    *row,
                  GtkListBox       *list)
{
  show_place (self, gtk_list_box_row_get_index (row));
  /* On a narrow window, choosing a place opens it. */
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* GtkListBox takes Tab as Down: each place would be a Tab stop, and as
 * the selection follows the cursor, tabbing through the sidebar would open
 * every place in turn. The list is one Tab stop, with the arrows inside it
 * (as in GNOME Settings): Tab goes on to the page, Shift+Tab back to the
 * sidebar's header. */
static gboolean
places_key_pressed_cb (StarlingMainView      *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  GtkWidget *target;
  GtkDirectionType direction;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;

  if (keyval == GDK_KEY_ISO_Left_Tab
      || ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) && (state & GDK_SHIFT_MASK) != 0))
    {
      target = self->sidebar_header;
      direction = GTK_DIR_TAB_BACKWARD;
    }
  else if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    {
      target = self->content;
      direction = GTK_DIR_TAB_FORWARD;
    }
  else
    return FALSE;

  /* Folded, the page is not shown: GTK's own order goes on. */
  if (!gtk_widget_get_mapped (target))
    return FALSE;

  return gtk_widget_child_focus (target, direction);
}

static void
folded_changed_cb (StarlingMainView *self)
{
  /* A window that just folded shows the page that was open. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
  update_header (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

static void
load_style (void)
{
  if (starling_style_load (SHELL_RESOURCE "/style.css"))
    gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                      SHELL_RESOURCE "/icons");
}

static void
starling_main_view_dispose (GObject *object)
{
  StarlingMainView *self = STARLING_MAIN_VIEW (object);

  /* The bin lets go of the leaflet first, so the template does not
   * unparent a child the bin still holds. */
  if (self->titled_page != NULL)
    g_clear_signal_handler (&self->title_handler, self->titled_page);
  self->title_handler = 0;
  g_clear_weak_pointer (&self->titled_page);
  if (self->header_end_slot != NULL)
    adw_bin_set_child (self->header_end_slot, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    if (self->pushed[i] != NULL)
      {
        clear_pushed (self, i);
        g_clear_pointer (&self->pushed[i], g_ptr_array_unref);
      }
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STARLING_TYPE_MAIN_VIEW);
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      g_clear_object (&self->placeholders[i]);
      g_clear_object (&self->pages[i]);
    }
  g_clear_object (&self->account);

  G_OBJECT_CLASS (starling_main_view_parent_class)->dispose (object);
}

static void
starling_main_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  StarlingMainView *self = STARLING_MAIN_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLACE:
      g_value_set_string (value, starling_main_view_get_place (self));
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, starling_main_view_get_folded (self));
      break;
    case PROP_BANNER_MESSAGE:
      g_value_set_string (value, starling_main_view_get_banner_message (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_main_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  StarlingMainView *self = STARLING_MAIN_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLACE:
      starling_main_view_set_place (self, g_value_get_string (value));
      break;
    case PROP_FOLDED:
    case PROP_BANNER_MESSAGE:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_main_view_class_init (StarlingMainViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = starling_main_view_dispose;
  object_class->get_property = starling_main_view_get_property;
  object_class->set_property = starling_main_view_set_property;

  /**
   * StarlingMainView:place:
   *
   * The name of the place shown: `home`, `notifications`…
   */
  properties[PROP_PLACE] =
    g_param_spec_string ("place", NULL, NULL, "home",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StarlingMainView:folded:
   *
   * Whether the window is too narrow for the sidebar and the page side by
   * side.
   */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StarlingMainView:banner-message:
   *
   * What the banner above the page says, or %NULL when it is hidden; a
   * page with a banner of its own about the same trouble leaves it to
   * this one.
   */
  properties[PROP_BANNER_MESSAGE] =
    g_param_spec_string ("banner-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, SHELL_RESOURCE "/starling-main-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StarlingMainView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, StarlingMainView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, StarlingMainView, content);
  gtk_widget_class_bind_template_child (widget_class, StarlingMainView, switcher_slot);
  gtk_widget_class_bind_template_child (widget_class, StarlingMainView, places_list);
  gtk_widget_class_bind_template_child (widget_class, StarlingMainView, content_title);
  gtk_widget_class_bind_template_child (widget_class, StarlingMainView, back_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingMainView, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, StarlingMainView, banner_icon);
  gtk_widget_class_bind_template_child (widget_class, StarlingMainView, banner_label);
  gtk_widget_class_bind_template_child (widget_class, StarlingMainView, banner_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingMainView, sidebar_header);
  gtk_widget_class_bind_template_child (widget_class, StarlingMainView, stack);
  gtk_widget_class_bind_template_child (widget_class, StarlingMainView, nav_stack);
  gtk_widget_class_bind_template_child (widget_class, StarlingMainView, header_end_slot);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "starlingmainview");
  /* A container: without a role of its own, GTK 4.8 would read its type name. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
starling_main_view_init (StarlingMainView *self)
{
  GtkEventController *keys;

  load_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_navigation (self);

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      AdwViewStackPage *page;

      self->placeholders[i] = g_object_ref_sink (build_placeholder (self, &places[i]));
      page = adw_view_stack_add_titled (self->stack, self->placeholders[i],
                                        places[i].name, _(places[i].title));
      adw_view_stack_page_set_icon_name (page, places[i].icon_name);
      gtk_list_box_append (self->places_list, build_place_row (&places[i]));
    }

  g_signal_connect_object (self->places_list, "row-selected",
                           G_CALLBACK (row_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->places_list, "row-activated",
                           G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded",
                           G_CALLBACK (folded_changed_cb), self, G_CONNECT_SWAPPED);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (places_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->places_list), keys);

  gtk_list_box_select_row (self->places_list, gtk_list_box_get_row_at_index (self->places_list, 0));
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/**
 * starling_main_view_new:
 *
 * Returns: (transfer floating): a new #StarlingMainView, on Home
 */
GtkWidget *
starling_main_view_new (void)
{
  return g_object_new (STARLING_TYPE_MAIN_VIEW, NULL);
}

/**
 * starling_main_view_get_place_names:
 *
 * Returns: (transfer none): the names of the places, in the sidebar's order
 */
const char * const *
starling_main_view_get_place_names (void)
{
  return place_names;
}

/**
 * starling_main_view_get_place:
 * @self: a #StarlingMainView
 *
 * Returns: the name of the place shown
 */
const char *
starling_main_view_get_place (StarlingMainView *self)
{
  g_return_val_if_fail (STARLING_IS_MAIN_VIEW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

/**
 * starling_main_view_set_place:
 * @self: a #StarlingMainView
 * @place_name: the name of a place, such as `notifications`
 *
 * Shows the place, and selects it in the sidebar. On a narrow window the
 * page comes to the front.
 */
void
starling_main_view_set_place (StarlingMainView *self,
                              const char       *place_name)
{
  int index;

  g_return_if_fail (STARLING_IS_MAIN_VIEW (self));

  index = find_place (place_name);
  g_return_if_fail (index >= 0);

  gtk_list_box_select_row (self->places_list, gtk_list_box_get_row_at_index (self->places_list, index));
  show_place (self, index);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/**
 * starling_main_view_set_page:
 * @self: a #StarlingMainView
 * @place_name: the name of a place, such as `home`
 * @widget: (nullable): the page to show for the place, or %NULL for the
 *   placeholder that says what the place is
 *
 * Puts a page in the place's slot. The page keeps the place's name, title
 * and icon, so the sidebar, the window title and a visible place stay as
 * they were.
 */
void
starling_main_view_set_page (StarlingMainView *self,
                             const char       *place_name,
                             GtkWidget        *widget)
{
  AdwViewStackPage *page;
  GtkWidget *old;
  gboolean visible;
  int index;

  g_return_if_fail (STARLING_IS_MAIN_VIEW (self));
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  index = find_place (place_name);
  g_return_if_fail (index >= 0);

  if (widget == NULL)
    widget = self->placeholders[index];

  old = adw_view_stack_get_child_by_name (self->stack, place_name);
  if (old == widget)
    return;

  visible = g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), place_name) == 0;
  adw_view_stack_remove (self->stack, old);
  page = adw_view_stack_add_titled (self->stack, widget, place_name, _(places[index].title));
  adw_view_stack_page_set_icon_name (page, places[index].icon_name);

  if (visible)
    adw_view_stack_set_visible_child_name (self->stack, place_name);

  if (widget == self->placeholders[index])
    g_clear_object (&self->pages[index]);
  else
    g_set_object (&self->pages[index], G_OBJECT (widget));

  /* What was pushed over the old page went with it. */
  clear_pushed (self, index);
  if (visible)
    show_pushed (self);
}

/**
 * starling_main_view_get_page:
 * @self: a #StarlingMainView
 * @place_name: the name of a place
 *
 * Returns: (transfer none): the page shown for the place: the one given to
 *   starling_main_view_set_page(), or the placeholder
 */
GtkWidget *
starling_main_view_get_page (StarlingMainView *self,
                             const char       *place_name)
{
  g_return_val_if_fail (STARLING_IS_MAIN_VIEW (self), NULL);
  g_return_val_if_fail (find_place (place_name) >= 0, NULL);

  return adw_view_stack_get_child_by_name (self->stack, place_name);
}

/**
 * starling_main_view_set_account_switcher:
 * @self: a #StarlingMainView
 * @switcher: (nullable): the widget that shows and switches the accounts
 *
 * Puts @switcher at the top of the sidebar.
 */
void
starling_main_view_set_account_switcher (StarlingMainView *self,
                                         GtkWidget        *switcher)
{
  g_return_if_fail (STARLING_IS_MAIN_VIEW (self));
  g_return_if_fail (switcher == NULL || GTK_IS_WIDGET (switcher));

  adw_bin_set_child (self->switcher_slot, switcher);
}

static char *
format_count (gint64 count)
{
  /* With the locale's digit grouping. */
  return g_strdup_printf ("%'" G_GINT64_FORMAT, count);
}

static void
update_counts (StarlingMainView *self)
{
  g_autofree char *statuses = NULL;
  g_autofree char *following = NULL;
  g_autofree char *followers = NULL;

  if (self->account == NULL)
    return;

  statuses = format_count (starling_account_get_statuses_count (self->account));
  following = format_count (starling_account_get_following_count (self->account));
  followers = format_count (starling_account_get_followers_count (self->account));
  gtk_label_set_label (self->profile_statuses, statuses);
  gtk_label_set_label (self->profile_following, following);
  gtk_label_set_label (self->profile_followers, followers);
}

/**
 * starling_main_view_set_account:
 * @self: a #StarlingMainView
 * @account: (nullable): the verified account, once known
 * @handle: (nullable): the account's `user@server`
 * @display_name: (nullable): the name remembered for it, shown while
 *   @account is %NULL
 * @avatar_url: (nullable): the avatar remembered for it
 * @loader: (nullable): the image loader to load the avatar with
 *
 * Shows whose window this is on Home: the avatar, the name, the handle
 * and, once the account is verified, its counts. %NULL everywhere hides
 * the summary.
 */
void
starling_main_view_set_account (StarlingMainView *self,
                                StarlingAccount  *account,
                                const char       *handle,
                                const char       *display_name,
                                const char       *avatar_url,
                                StarlingImageLoader *loader)
{
  g_autofree char *shown_handle = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (STARLING_IS_MAIN_VIEW (self));
  g_return_if_fail (account == NULL || STARLING_IS_ACCOUNT (account));

  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  g_set_object (&self->account, account);

  if (account == NULL && handle == NULL)
    {
      gtk_widget_set_visible (self->profile_box, FALSE);
      starling_avatar_set_url (self->profile_avatar, NULL, NULL);
      return;
    }

  if (account != NULL)
    {
      const char *static_url = starling_account_get_avatar_static (account);

      if (starling_account_get_display_name (account) != NULL && *starling_account_get_display_name (account) != '\0')
        display_name = starling_account_get_display_name (account);
      if (static_url != NULL && *static_url != '\0')
        avatar_url = static_url;
      else if (starling_account_get_avatar (account) != NULL)
        avatar_url = starling_account_get_avatar (account);
      g_signal_connect_object (account, "notify::statuses-count", G_CALLBACK (update_counts), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (account, "notify::following-count", G_CALLBACK (update_counts), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (account, "notify::followers-count", G_CALLBACK (update_counts), self, G_CONNECT_SWAPPED);
    }

  if (handle != NULL)
    shown_handle = g_strconcat ("@", handle, NULL);
  else
    shown_handle = g_strconcat ("@", starling_account_get_acct (account), NULL);
  name = starling_plain_name (display_name, shown_handle + 1);

  gtk_label_set_label (self->profile_name, name);
  gtk_label_set_label (self->profile_handle, shown_handle);
  adw_avatar_set_text (self->profile_avatar, name);
  starling_avatar_set_url (self->profile_avatar, loader, avatar_url);
  gtk_widget_set_visible (self->profile_counts, account != NULL);
  update_counts (self);
  gtk_widget_set_visible (self->profile_box, TRUE);
}

/**
 * starling_main_view_show_banner:
 * @self: a #StarlingMainView
 * @icon_name: the banner's icon
 * @message: what happened, in a sentence
 * @button_label: (nullable): the label of the button that puts it right
 * @action_name: (nullable): the detailed action the button activates,
 *   such as `app.sign-in-again('')`
 *
 * Shows a banner above the page, such as “The server refused the sign-in
 * of this account” with a Sign In button.
 */
void
starling_main_view_show_banner (StarlingMainView *self,
                                const char       *icon_name,
                                const char       *message,
                                const char       *button_label,
                                const char       *action_name)
{
  g_return_if_fail (STARLING_IS_MAIN_VIEW (self));
  g_return_if_fail (message != NULL);

  gtk_image_set_from_icon_name (self->banner_icon, icon_name != NULL ? icon_name : "dialog-warning-symbolic");
  gtk_label_set_label (self->banner_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_button), button_label != NULL);
  if (button_label != NULL)
    gtk_button_set_label (self->banner_button, button_label);
  /* The target goes first: an action name without its target would be
   * checked, and refused, on its own. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->banner_button), NULL);
  if (action_name != NULL)
    {
      g_autofree char *name = NULL;
      g_autoptr (GVariant) target = NULL;
      g_autoptr (GError) error = NULL;

      if (!g_action_parse_detailed_name (action_name, &name, &target, &error))
        g_critical ("The banner's action %s is not valid: %s", action_name, error->message);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->banner_button), target);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->banner_button), name);
    }
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BANNER_MESSAGE]);
}

/**
 * starling_main_view_hide_banner:
 * @self: a #StarlingMainView
 */
void
starling_main_view_hide_banner (StarlingMainView *self)
{
  g_return_if_fail (STARLING_IS_MAIN_VIEW (self));

  if (!gtk_revealer_get_reveal_child (self->banner_revealer))
    return;
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BANNER_MESSAGE]);
}

/**
 * starling_main_view_get_banner_message:
 * @self: a #StarlingMainView
 *
 * Returns: (nullable): the message of the banner shown, or %NULL
 */
const char *
starling_main_view_get_banner_message (StarlingMainView *self)
{
  g_return_val_if_fail (STARLING_IS_MAIN_VIEW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->banner_revealer))
    return NULL;
  return gtk_label_get_label (self->banner_label);
}

/**
 * starling_main_view_get_folded:
 * @self: a #StarlingMainView
 *
 * Returns: whether the sidebar and the page are shown one at a time
 */
gboolean
starling_main_view_get_folded (StarlingMainView *self)
{
  g_return_val_if_fail (STARLING_IS_MAIN_VIEW (self), FALSE);

  return adw_leaflet_get_folded (self->leaflet);
}

/**
 * starling_main_view_get_showing_content:
 * @self: a #StarlingMainView
 *
 * Returns: whether the place's page is on screen (always, unless folded
 *   and on the sidebar)
 */
gboolean
starling_main_view_get_showing_content (StarlingMainView *self)
{
  g_return_val_if_fail (STARLING_IS_MAIN_VIEW (self), FALSE);

  return !adw_leaflet_get_folded (self->leaflet)
         || adw_leaflet_get_visible_child (self->leaflet) == self->content;
}

/**
 * starling_main_view_show_sidebar:
 * @self: a #StarlingMainView
 *
 * On a narrow window, goes back to the sidebar.
 */
void
starling_main_view_show_sidebar (StarlingMainView *self)
{
  g_return_if_fail (STARLING_IS_MAIN_VIEW (self));

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

/**
 * starling_main_view_push_page:
 * @self: a #StarlingMainView
 * @page: a page (a thread, a profile…) with a "title" property, and
 *   optionally a "header-widget" for the end of the header
 *
 * Shows @page over the place shown, with a way back in the header (and
 * Alt+Left, Escape, the mouse's back button). What has the focus now gets
 * it back when @page is popped.
 */
void
starling_main_view_push_page (StarlingMainView *self,
                              GtkWidget        *page)
{
  PushedPage *pushed;
  GtkRoot *root;
  int index;

  g_return_if_fail (STARLING_IS_MAIN_VIEW (self));
  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (gtk_widget_get_parent (page) == NULL);

  index = current_place (self);
  g_return_if_fail (index >= 0);

  pushed = g_new0 (PushedPage, 1);
  pushed->page = g_object_ref_sink (page);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  g_weak_ref_init (&pushed->focus, root != NULL ? gtk_root_get_focus (root) : NULL);
  g_ptr_array_add (self->pushed[index], pushed);

  gtk_stack_add_child (self->nav_stack, page);
  show_pushed (self);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  /* The new page takes the keyboard, as a new window would. */
  gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

/**
 * starling_main_view_pop_page:
 * @self: a #StarlingMainView
 *
 * Goes back from the newest page pushed over the place shown, to the page
 * below as it was: its scroll position, and the focus where it was.
 *
 * Returns: whether there was a page to go back from
 */
gboolean
starling_main_view_pop_page (StarlingMainView *self)
{
  g_autoptr (GtkWidget) focus = NULL;
  PushedPage *pushed;
  GtkWidget *shown;
  int index;

  g_return_val_if_fail (STARLING_IS_MAIN_VIEW (self), FALSE);

  index = current_place (self);
  if (top_pushed (self, index) == NULL)
    return FALSE;

  pushed = g_ptr_array_steal_index (self->pushed[index], self->pushed[index]->len - 1);
  focus = g_weak_ref_get (&pushed->focus);

  show_pushed (self);
  gtk_stack_remove (self->nav_stack, pushed->page);
  pushed_page_free (pushed);

  shown = gtk_stack_get_visible_child (self->nav_stack);
  if (focus != NULL && gtk_widget_is_ancestor (focus, shown) && gtk_widget_get_mapped (focus))
    gtk_widget_grab_focus (focus);
  else
    gtk_widget_child_focus (shown, GTK_DIR_TAB_FORWARD);
  return TRUE;
}

/**
 * starling_main_view_get_n_pushed:
 * @self: a #StarlingMainView
 *
 * Returns: how many pages are pushed over the place shown
 */
guint
starling_main_view_get_n_pushed (StarlingMainView *self)
{
  int index;

  g_return_val_if_fail (STARLING_IS_MAIN_VIEW (self), 0);

  index = current_place (self);
  return index >= 0 ? self->pushed[index]->len : 0;
}

/**
 * starling_main_view_get_visible_page:
 * @self: a #StarlingMainView
 *
 * Returns: (transfer none): the page on the content side: the newest
 *   page pushed over the place shown, or the place's page
 */
GtkWidget *
starling_main_view_get_visible_page (StarlingMainView *self)
{
  PushedPage *pushed;

  g_return_val_if_fail (STARLING_IS_MAIN_VIEW (self), NULL);

  pushed = top_pushed (self, current_place (self));
  return pushed != NULL ? pushed->page : adw_view_stack_get_visible_child (self->stack);
}

/**
 * starling_main_view_get_title:
 * @self: a #StarlingMainView
 *
 * Returns: what the content's header says
 */
const char *
starling_main_view_get_title (StarlingMainView *self)
{
  g_return_val_if_fail (STARLING_IS_MAIN_VIEW (self), NULL);

  return adw_window_title_get_title (self->content_title);
}
