/* starling-index-page.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Lists and Hashtags places: the account's lists, or the hashtags it
 * follows, each row opening its timeline.
 */

#define G_LOG_DOMAIN "starling-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "api/starling-page.h"
#include "model/starling-list.h"
#include "model/starling-tag.h"

#include "starling-index-page.h"

/* Followed hashtags come in pages; this many at most, so that a server
 * whose links go round in circles cannot keep the page loading. */
#define MAX_PAGES 20
#define TAGS_PAGE_SIZE 200

struct _StarlingIndexPage
{
  GtkWidget               parent_instance;

  StarlingAccountSession *session;
  StarlingIndexKind       kind;
  GCancellable           *cancellable;
  GPtrArray              *items;
  GPtrArray              *loading_items;
  guint                   pages;
  gboolean                loading;
  gboolean                started;

  GtkWidget              *stack;
  GtkWidget              *spinner;
  GtkWidget              *empty_page;
  GtkWidget              *error_page;
  GtkWidget              *list_box;
  GtkWidget              *header_box;
  GtkWidget              *reload_button;
};

G_DEFINE_FINAL_TYPE (StarlingIndexPage, starling_index_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_KIND,
  PROP_TITLE,
  PROP_HEADER_WIDGET,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void load_page (StarlingIndexPage *self,
                       StarlingRequest   *request);

static void
set_state (StarlingIndexPage *self,
           const char        *state)
{
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), g_str_equal (state, "loading"));
  if (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->stack)), state) == 0)
    return;
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), state);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static const char *
item_title (StarlingIndexPage *self,
            gpointer           item,
            char             **owned)
{
  if (self->kind == STARLING_INDEX_LISTS)
    return starling_list_get_title (item);
  *owned = g_strconcat ("#", starling_tag_get_name (item), NULL);
  return *owned;
}

static void
fill (StarlingIndexPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list_box)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list_box), child);

  for (guint i = 0; i < self->items->len; i++)
    {
      gpointer item = g_ptr_array_index (self->items, i);
      g_autofree char *owned = NULL;
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item_title (self, item, &owned));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (GTK_LIST_BOX (self->list_box), row);
    }

  set_state (self, self->items->len > 0 ? "list" : "empty");
}

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  StarlingIndexPage *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingPage) page = NULL;
  StarlingRequest *next;

  if (self->kind == STARLING_INDEX_LISTS)
    page = starling_client_page_finish (STARLING_CLIENT (object), result, &error);
  else
    page = starling_client_send_finish (STARLING_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (page == NULL)
    {
      self->loading = FALSE;
      gtk_widget_set_sensitive (self->reload_button, TRUE);
      g_clear_pointer (&self->loading_items, g_ptr_array_unref);
      /* What was shown stays; only an empty page says what went wrong. */
      if (self->items->len > 0)
        {
          GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
          g_autofree char *message = g_strdup_printf (_("Could not refresh: %s"), error->message);
          g_autofree char *escaped = g_markup_escape_text (message, -1);

          set_state (self, "list");
          if (overlay != NULL)
            adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
          return;
        }
      adw_status_page_set_description (ADW_STATUS_PAGE (self->error_page), error->message);
      set_state (self, "error");
      return;
    }

  for (guint i = 0; i < starling_page_get_n_items (page); i++)
    g_ptr_array_add (self->loading_items, g_object_ref (starling_page_get_item (page, i)));

  next = starling_page_get_next_request (page);
  if (self->kind == STARLING_INDEX_HASHTAGS && starling_page_get_n_items (page) > 0
      && starling_page_has_link_header (page) && next != NULL && self->pages < MAX_PAGES)
    {
      load_page (self, next);
      return;
    }

  self->loading = FALSE;
  gtk_widget_set_sensitive (self->reload_button, TRUE);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = g_steal_pointer (&self->loading_items);
  fill (self);
}

static void
load_page (StarlingIndexPage *self,
           StarlingRequest   *request)
{
  StarlingClient *client = starling_account_session_get_client (self->session);

  self->pages++;
  starling_client_send_async (client, request, self->cancellable, page_cb, self);
}

static void
load (StarlingIndexPage *self)
{
  StarlingClient *client = starling_account_session_get_client (self->session);

  if (self->loading || client == NULL)
    return;

  self->started = TRUE;
  self->loading = TRUE;
  self->pages = 0;
  g_clear_pointer (&self->loading_items, g_ptr_array_unref);
  self->loading_items = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_set_sensitive (self->reload_button, FALSE);
  if (self->items->len == 0)
    set_state (self, "loading");

  if (self->kind == STARLING_INDEX_LISTS)
    starling_client_get_lists_async (client, self->cancellable, page_cb, self);
  else
    {
      g_autoptr (StarlingRequest) request = starling_request_new ("GET", "/api/v1/followed_tags", NULL);

      starling_request_set_result (request, STARLING_RESULT_PAGE, STARLING_TYPE_TAG);
      starling_request_set_page_size (request, TAGS_PAGE_SIZE);
      load_page (self, request);
    }
}

static void
row_activated_cb (StarlingIndexPage *self,
                  GtkListBoxRow     *row)
{
  starling_index_page_activate_row (self, gtk_list_box_row_get_index (row));
}

static void
reload_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  starling_index_page_reload (STARLING_INDEX_PAGE (widget));
}

static void
starling_index_page_map (GtkWidget *widget)
{
  StarlingIndexPage *self = STARLING_INDEX_PAGE (widget);

  GTK_WIDGET_CLASS (starling_index_page_parent_class)->map (widget);

  /* Lists and followed tags change elsewhere too: fresh each visit. */
  load (self);
}

static GtkWidget *
status_page (const char *icon_name,
             const char *title,
             const char *description)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon_name);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  return page;
}

static void
starling_index_page_constructed (GObject *object)
{
  StarlingIndexPage *self = STARLING_INDEX_PAGE (object);
  GtkWidget *scrolled, *clamp, *retry;
  gboolean lists = self->kind == STARLING_INDEX_LISTS;

  G_OBJECT_CLASS (starling_index_page_parent_class)->constructed (object);

  self->stack = gtk_stack_new ();
  gtk_stack_set_transition_type (GTK_STACK (self->stack), GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));

  self->spinner = gtk_spinner_new ();
  gtk_widget_set_halign (self->spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (self->spinner, 32, 32);
  /* Titled: a screen reader reads a stack page's title, or "GtkStackPage". */
  gtk_stack_page_set_title (gtk_stack_add_named (GTK_STACK (self->stack), self->spinner, "loading"),
                            _("Loading"));

  self->empty_page = lists
    ? status_page ("view-list-bullet-symbolic", _("No Lists"),
                   _("Lists gather people into timelines of their own. Make one on your server’s website."))
    : status_page ("starling-hashtag-symbolic", _("No Followed Hashtags"),
                   _("Open a hashtag and follow it: its posts then come to your home timeline."));
  gtk_stack_page_set_title (gtk_stack_add_named (GTK_STACK (self->stack), self->empty_page, "empty"),
                            _("Nothing Here"));

  self->error_page = status_page ("network-error-symbolic",
                                  lists ? _("Could Not Load the Lists") : _("Could Not Load the Hashtags"),
                                  NULL);
  retry = gtk_button_new_with_mnemonic (_("_Retry"));
  gtk_widget_set_halign (retry, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (retry, "pill");
  gtk_widget_add_css_class (retry, "suggested-action");
  g_signal_connect_object (retry, "clicked", G_CALLBACK (starling_index_page_reload), self, G_CONNECT_SWAPPED);
  adw_status_page_set_child (ADW_STATUS_PAGE (self->error_page), retry);
  gtk_stack_page_set_title (gtk_stack_add_named (GTK_STACK (self->stack), self->error_page, "error"),
                            _("Error"));

  self->list_box = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list_box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list_box, "boxed-list");
  gtk_widget_set_valign (self->list_box, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  lists ? _("Lists") : _("Followed hashtags"), -1);
  g_signal_connect_object (self->list_box, "row-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), self->list_box);
  gtk_widget_set_margin_top (clamp, 24);
  gtk_widget_set_margin_bottom (clamp, 24);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_stack_page_set_title (gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "list"),
                            lists ? _("Lists") : _("Followed hashtags"));

  self->header_box = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6));
  self->reload_button = gtk_button_new_from_icon_name ("view-refresh-symbolic");
  gtk_widget_set_tooltip_text (self->reload_button, _("Refresh"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reload_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Refresh"), -1);
  g_signal_connect_object (self->reload_button, "clicked", G_CALLBACK (starling_index_page_reload), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->header_box), self->reload_button);

  set_state (self, "loading");
}

static void
starling_index_page_dispose (GObject *object)
{
  StarlingIndexPage *self = STARLING_INDEX_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->stack, gtk_widget_unparent);
  g_clear_object (&self->header_box);

  G_OBJECT_CLASS (starling_index_page_parent_class)->dispose (object);
}

static void
starling_index_page_finalize (GObject *object)
{
  StarlingIndexPage *self = STARLING_INDEX_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->loading_items, g_ptr_array_unref);

  G_OBJECT_CLASS (starling_index_page_parent_class)->finalize (object);
}

static void
starling_index_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  StarlingIndexPage *self = STARLING_INDEX_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->kind == STARLING_INDEX_LISTS ? _("Lists") : _("Hashtags"));
      break;
    case PROP_HEADER_WIDGET:
      g_value_set_object (value, self->header_box);
      break;
    case PROP_STATE:
      g_value_set_string (value, starling_index_page_get_state (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_index_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  StarlingIndexPage *self = STARLING_INDEX_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_index_page_class_init (StarlingIndexPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = starling_index_page_constructed;
  object_class->dispose = starling_index_page_dispose;
  object_class->finalize = starling_index_page_finalize;
  object_class->get_property = starling_index_page_get_property;
  object_class->set_property = starling_index_page_set_property;
  widget_class->map = starling_index_page_map;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, STARLING_TYPE_ACCOUNT_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, STARLING_INDEX_LISTS, STARLING_INDEX_HASHTAGS, STARLING_INDEX_LISTS,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEADER_WIDGET] =
    g_param_spec_object ("header-widget", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, "loading",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "timeline.refresh", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "timeline.refresh", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "indexpage");
  /* A container: without a role of its own, GTK 4.8 would read its type name. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
starling_index_page_init (StarlingIndexPage *self)
{
  self->cancellable = g_cancellable_new ();
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * starling_index_page_new:
 * @session: the account
 * @kind: what to list
 *
 * Returns: (transfer floating): the page; it loads each time it comes on
 *   screen
 */
GtkWidget *
starling_index_page_new (StarlingAccountSession *session,
                         StarlingIndexKind       kind)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_SESSION (session), NULL);

  return g_object_new (STARLING_TYPE_INDEX_PAGE,
                       "session", session,
                       "kind", kind,
                       NULL);
}

void
starling_index_page_reload (StarlingIndexPage *self)
{
  g_return_if_fail (STARLING_IS_INDEX_PAGE (self));

  load (self);
}

/**
 * starling_index_page_get_state:
 * @self: a #StarlingIndexPage
 *
 * Returns: `loading`, `empty`, `error` or `list`
 */
const char *
starling_index_page_get_state (StarlingIndexPage *self)
{
  g_return_val_if_fail (STARLING_IS_INDEX_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (GTK_STACK (self->stack));
}

guint
starling_index_page_get_n_rows (StarlingIndexPage *self)
{
  g_return_val_if_fail (STARLING_IS_INDEX_PAGE (self), 0);

  return self->items->len;
}

/**
 * starling_index_page_activate_row:
 * @self: a #StarlingIndexPage
 * @index: a row
 *
 * Opens the row's list or hashtag, as a click does.
 */
void
starling_index_page_activate_row (StarlingIndexPage *self,
                                  guint              index)
{
  gpointer item;

  g_return_if_fail (STARLING_IS_INDEX_PAGE (self));
  g_return_if_fail (index < self->items->len);

  item = g_ptr_array_index (self->items, index);
  if (self->kind == STARLING_INDEX_LISTS)
    gtk_widget_activate_action (GTK_WIDGET (self), "status.open-list", "(ss)",
                                starling_list_get_id (item), starling_list_get_title (item));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "status.open-tag", "s", starling_tag_get_name (item));
}
