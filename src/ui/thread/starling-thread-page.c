/* starling-thread-page.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-thread"

#include "config.h"

#include <glib/gi18n.h>

#include "model/starling-context.h"
#include "starling-application.h"
#include "ui/profile/starling-account-list-window.h"
#include "ui/status/starling-status-factory.h"
#include "ui/status/starling-status-text.h"

#include "starling-thread-item.h"
#include "starling-thread-page.h"
#include "starling-thread-row.h"
#include "ui/common/starling-style.h"

/* A post with its thread: the posts it answers (ancestors), the post
 * itself, highlighted and with its details, and the answers below it
 * (descendants) indented by how deep they answer, as rows of a list view
 * so that a thread of thousands of posts stays as light as one of ten.
 *
 * The post shows at once when the account's identity map already holds
 * it; the thread comes with `/api/v1/statuses/:id/context`. New answers
 * that the account's stream brings (`update`, `status.update`) join the
 * thread under the post they answer; deleted posts leave it. */
struct _StarlingThreadPage
{
  AdwBin                  parent_instance;

  StarlingAccountSession *session;
  char                   *status_id;
  char                   *title;
  StarlingImageLoader    *loader;
  GCancellable           *cancellable;
  GListStore             *items;
  StarlingStatus         *focused;
  GSignalGroup           *stream_signals;
  guint                   scroll_id;
  guint                   scroll_frames;

  /* Template widgets */
  AdwToastOverlay        *toast_overlay;
  GtkStack               *stack;
  GtkSpinner             *spinner;
  AdwStatusPage          *error_page;
  GtkButton              *retry_button;
  GtkScrolledWindow      *scrolled;
  GtkListView            *list_view;
};

G_DEFINE_FINAL_TYPE (StarlingThreadPage, starling_thread_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_STATUS_ID,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void load (StarlingThreadPage *self);

static StarlingClient *
get_client (StarlingThreadPage *self)
{
  return starling_account_session_get_client (self->session);
}

static StarlingImageLoader *
default_image_loader (void)
{
  GApplication *app = g_application_get_default ();

  if (STARLING_IS_APPLICATION (app))
    return starling_application_get_image_loader (STARLING_APPLICATION (app));
  return NULL;
}

static const char *
author_id (StarlingStatus *status)
{
  StarlingAccount *account = status != NULL ? starling_status_get_account (status) : NULL;

  return account != NULL ? starling_account_get_id (account) : NULL;
}

static void
set_title (StarlingThreadPage *self,
           const char         *title)
{
  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
show_state (StarlingThreadPage *self,
            const char         *state)
{
  gtk_spinner_set_spinning (self->spinner, g_str_equal (state, "loading"));
  gtk_stack_set_visible_child_name (self->stack, state);
}

static void
show_toast (StarlingThreadPage *self,
            const char         *message,
            gboolean            retry)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (retry)
    {
      adw_toast_set_button_label (toast, _("_Retry"));
      adw_toast_set_action_name (toast, "thread.retry");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static guint
find_status (StarlingThreadPage *self,
             const char         *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (StarlingThreadItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (g_strcmp0 (starling_status_get_id (starling_thread_item_get_status (item)), id) == 0)
        return i;
    }
  return G_MAXUINT;
}

/* Scrolling to the focused post: the list view first brings its row into
 * view, and once that row has a place the view moves it to the top (the
 * ancestors stay above, a scroll away). GTK 4.8 has no way to ask for an
 * item at the top directly. This runs on the frame clock, so it waits
 * for the page to be on screen and laid out. */
#define SCROLL_MAX_FRAMES 60

static GtkWidget *
find_focused_child (StarlingThreadPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      StarlingThreadItem *item;

      if (!STARLING_IS_THREAD_ROW (row) || !gtk_widget_get_child_visible (child))
        continue;
      item = starling_thread_row_get_item (STARLING_THREAD_ROW (row));
      if (item != NULL && starling_thread_item_get_role (item) == STARLING_THREAD_FOCUSED)
        return child;
    }
  return NULL;
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  StarlingThreadPage *self = user_data;
  guint position = starling_thread_page_get_focused_position (self);
  GtkWidget *child;
  graphene_rect_t bounds;

  if (position == G_MAXUINT || ++self->scroll_frames > SCROLL_MAX_FRAMES)
    {
      self->scroll_id = 0;
      return G_SOURCE_REMOVE;
    }

  /* First bring the row into view, then, a frame later, to the top. */
  if (self->scroll_frames == 1)
    {
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
      return G_SOURCE_CONTINUE;
    }

  child = find_focused_child (self);

  if (child == NULL || !gtk_widget_compute_bounds (child, GTK_WIDGET (self->list_view), &bounds))
    return G_SOURCE_CONTINUE;

  if (ABS (bounds.origin.y) >= 1)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + bounds.origin.y);
      /* Check again once the list has moved: rows above may have grown. */
      if (self->scroll_frames < SCROLL_MAX_FRAMES - 1)
        return G_SOURCE_CONTINUE;
    }

  self->scroll_id = 0;
  return G_SOURCE_REMOVE;
}

static void
scroll_to_focused (StarlingThreadPage *self)
{
  self->scroll_frames = 0;
  if (self->scroll_id == 0)
    self->scroll_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), scroll_tick_cb, self, NULL);
}

/* How deep an answer is indented: one level below the post it answers,
 * except the focused post's author going on with their own thread, which
 * stays in line with it, as people read a thread of several posts. */
static guint
depth_of (StarlingStatus *status,
          GHashTable     *depths,
          GHashTable     *authors,
          const char     *focused_author)
{
  const char *parent = starling_status_get_in_reply_to_id (status);
  gpointer parent_depth;

  if (parent == NULL || !g_hash_table_lookup_extended (depths, parent, NULL, &parent_depth))
    return 1;

  if (GPOINTER_TO_UINT (parent_depth) == 0 && focused_author != NULL &&
      g_strcmp0 (author_id (status), focused_author) == 0 &&
      g_strcmp0 (g_hash_table_lookup (authors, parent), focused_author) == 0)
    return 0;

  return GPOINTER_TO_UINT (parent_depth) + 1;
}

static void
show_thread (StarlingThreadPage *self,
             GPtrArray          *ancestors,
             GPtrArray          *descendants)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) depths = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) authors = g_hash_table_new (g_str_hash, g_str_equal);
  const char *focused_author = author_id (self->focused);

  for (guint i = 0; ancestors != NULL && i < ancestors->len; i++)
    g_ptr_array_add (items, starling_thread_item_new (g_ptr_array_index (ancestors, i), STARLING_THREAD_ANCESTOR, 0));

  g_ptr_array_add (items, starling_thread_item_new (self->focused, STARLING_THREAD_FOCUSED, 0));
  g_hash_table_insert (depths, (gpointer) starling_status_get_id (self->focused), GUINT_TO_POINTER (0));
  g_hash_table_insert (authors, (gpointer) starling_status_get_id (self->focused), (gpointer) focused_author);

  /* The server sends the descendants depth first, each answer after the
   * post it answers. */
  for (guint i = 0; descendants != NULL && i < descendants->len; i++)
    {
      StarlingStatus *status = g_ptr_array_index (descendants, i);
      guint depth = depth_of (status, depths, authors, focused_author);

      g_hash_table_insert (depths, (gpointer) starling_status_get_id (status), GUINT_TO_POINTER (depth));
      g_hash_table_insert (authors, (gpointer) starling_status_get_id (status), (gpointer) author_id (status));
      g_ptr_array_add (items, starling_thread_item_new (status, STARLING_THREAD_DESCENDANT, depth));
    }

  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  show_state (self, "thread");
  scroll_to_focused (self);
}

static void
update_title (StarlingThreadPage *self)
{
  StarlingAccount *author = self->focused != NULL ? starling_status_get_account (self->focused) : NULL;

  if (author != NULL)
    {
      g_autofree char *name = starling_status_text_dup_plain_name (author);
      /* TRANSLATORS: the title of a thread page, with the author's name */
      g_autofree char *title = g_strdup_printf (_("Post by %s"), name);

      set_title (self, title);
    }
  else
    set_title (self, _("Post"));
}

static void
set_focused (StarlingThreadPage *self,
             StarlingStatus     *status)
{
  /* A boost's thread is the boosted post's. */
  if (starling_status_get_reblog (status) != NULL)
    status = starling_status_get_reblog (status);

  g_set_object (&self->focused, status);
  update_title (self);
}

static void
context_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (StarlingThreadPage) self = user_data;
  g_autoptr (StarlingContext) context = NULL;
  g_autoptr (GError) error = NULL;

  context = starling_client_entity_finish (STARLING_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (context == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not load the replies: %s"), error->message);

      /* The post itself is shown; the thread around it can come later. */
      show_thread (self, NULL, NULL);
      show_toast (self, message, TRUE);
      return;
    }

  show_thread (self, starling_context_get_ancestors (context), starling_context_get_descendants (context));
}

static void
load_context (StarlingThreadPage *self)
{
  starling_client_get_status_context_async (get_client (self), starling_status_get_id (self->focused),
                                            self->cancellable, context_cb, g_object_ref (self));
}

static void
status_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (StarlingThreadPage) self = user_data;
  g_autoptr (StarlingStatus) status = NULL;
  g_autoptr (GError) error = NULL;

  status = starling_client_entity_finish (STARLING_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (status == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      show_state (self, "error");
      return;
    }

  set_focused (self, status);
  show_thread (self, NULL, NULL);
  load_context (self);
}

static void
load (StarlingThreadPage *self)
{
  StarlingEntityMap *map = starling_account_session_get_entity_map (self->session);
  StarlingStatus *known;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (get_client (self) == NULL)
    {
      adw_status_page_set_description (self->error_page,
                                       _("The account is not signed in. Sign in again to see this post."));
      show_state (self, "error");
      return;
    }

  /* What the app already has shows at once; the thread follows. */
  known = map != NULL ? starling_entity_map_lookup (map, STARLING_TYPE_STATUS, self->status_id) : NULL;
  if (known != NULL)
    {
      set_focused (self, known);
      if (g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0)
        show_thread (self, NULL, NULL);
      load_context (self);
      return;
    }

  show_state (self, "loading");
  starling_client_get_status_async (get_client (self), self->status_id, self->cancellable,
                                    status_cb, g_object_ref (self));
}

/* Stream events */

static guint
subtree_end (StarlingThreadPage *self,
             guint               position)
{
  g_autoptr (GHashTable) inside = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (StarlingThreadItem) parent = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint end = position + 1;

  g_hash_table_add (inside, (gpointer) starling_status_get_id (starling_thread_item_get_status (parent)));
  for (; end < n; end++)
    {
      g_autoptr (StarlingThreadItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), end);
      StarlingStatus *status = starling_thread_item_get_status (item);
      const char *reply_to = starling_status_get_in_reply_to_id (status);

      if (starling_thread_item_get_role (item) != STARLING_THREAD_DESCENDANT ||
          reply_to == NULL || !g_hash_table_contains (inside, reply_to))
        break;
      g_hash_table_add (inside, (gpointer) starling_status_get_id (status));
    }

  return end;
}

static void
take_reply (StarlingThreadPage *self,
            StarlingStatus     *status)
{
  const char *reply_to;
  guint parent_position;
  g_autoptr (StarlingThreadItem) parent = NULL;
  g_autoptr (StarlingThreadItem) item = NULL;
  guint depth;

  if (self->focused == NULL || starling_status_get_reblog (status) != NULL)
    return;
  reply_to = starling_status_get_in_reply_to_id (status);
  if (reply_to == NULL || find_status (self, starling_status_get_id (status)) != G_MAXUINT)
    return;

  parent_position = find_status (self, reply_to);
  if (parent_position == G_MAXUINT)
    return;
  parent = g_list_model_get_item (G_LIST_MODEL (self->items), parent_position);
  /* An answer to an ancestor is another branch, not this thread. */
  if (starling_thread_item_get_role (parent) == STARLING_THREAD_ANCESTOR)
    return;

  depth = starling_thread_item_get_depth (parent) + 1;
  if (starling_thread_item_get_depth (parent) == 0 &&
      g_strcmp0 (author_id (status), author_id (self->focused)) == 0 &&
      g_strcmp0 (author_id (starling_thread_item_get_status (parent)), author_id (self->focused)) == 0)
    depth = 0;

  item = starling_thread_item_new (status, STARLING_THREAD_DESCENDANT, depth);
  g_list_store_insert (self->items, subtree_end (self, parent_position), item);
}

static void
stream_update_cb (StarlingStreaming *streaming,
                  StarlingStatus    *status,
                  const char        *stream_key,
                  gpointer           user_data)
{
  take_reply (user_data, status);
}

static void
stream_delete_cb (StarlingStreaming *streaming,
                  const char        *id,
                  const char        *stream_key,
                  gpointer           user_data)
{
  StarlingThreadPage *self = user_data;
  guint position = find_status (self, id);
  g_autoptr (StarlingThreadItem) item = NULL;

  if (position == G_MAXUINT)
    return;

  item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  if (starling_thread_item_get_role (item) == STARLING_THREAD_FOCUSED)
    {
      g_cancellable_cancel (self->cancellable);
      g_list_store_remove_all (self->items);
      adw_status_page_set_description (self->error_page, _("This post was deleted."));
      show_state (self, "error");
      return;
    }
  g_list_store_remove (self->items, position);
}

static void
client_notify_cb (StarlingThreadPage *self)
{
  /* The account signed in (again): what failed may work now. */
  if (get_client (self) != NULL && !g_str_equal (starling_thread_page_get_state (self), "thread"))
    load (self);
}

/* The list */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              StarlingThreadPage       *self)
{
  gtk_list_item_set_child (list_item, starling_thread_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             StarlingThreadPage       *self)
{
  StarlingThreadRow *row = STARLING_THREAD_ROW (gtk_list_item_get_child (list_item));

  starling_status_factory_prepare_row (GTK_LIST_ITEM_FACTORY (factory), starling_thread_row_get_status_row (row));
  starling_thread_row_set_item (row, gtk_list_item_get_item (list_item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               StarlingThreadPage       *self)
{
  starling_thread_row_set_item (STARLING_THREAD_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
activate_cb (GtkListView        *list_view,
             guint               position,
             StarlingThreadPage *self)
{
  g_autoptr (StarlingThreadItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  /* Another post of the thread opens its own thread page. */
  if (item != NULL && starling_thread_item_get_role (item) != STARLING_THREAD_FOCUSED)
    gtk_widget_activate_action (GTK_WIDGET (self), "status.open-thread", "s",
                                starling_status_get_id (starling_status_get_shown (starling_thread_item_get_status (item))));
}

/* Actions */

static void
retry_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  load (STARLING_THREAD_PAGE (widget));
}

static void
engaged_by_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  StarlingThreadPage *self = STARLING_THREAD_PAGE (widget);
  gboolean favourites = g_str_equal (action_name, "thread.favourited-by");
  StarlingAccountListWindow *window;

  if (get_client (self) == NULL)
    return;

  window = starling_account_list_window_new (widget, get_client (self), self->loader,
                                             favourites ? STARLING_ACCOUNTS_FAVOURITED_BY
                                                        : STARLING_ACCOUNTS_REBLOGGED_BY,
                                             g_variant_get_string (parameter, NULL),
                                             favourites ? _("Favourited By") : _("Boosted By"));
  gtk_window_present (GTK_WINDOW (window));
}

/* GObject */

static void
starling_thread_page_constructed (GObject *object)
{
  StarlingThreadPage *self = STARLING_THREAD_PAGE (object);

  G_OBJECT_CLASS (starling_thread_page_parent_class)->constructed (object);

  g_signal_connect_object (self->session, "notify::client", G_CALLBACK (client_notify_cb), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->session, "streaming", self->stream_signals, "target", G_BINDING_SYNC_CREATE);
  set_title (self, _("Post"));
  load (self);
}

static void
starling_thread_page_dispose (GObject *object)
{
  StarlingThreadPage *self = STARLING_THREAD_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->scroll_id != 0 && self->list_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->scroll_id);
  self->scroll_id = 0;
  if (self->stream_signals != NULL)
    g_signal_group_set_target (self->stream_signals, NULL);
  /* The bin lets go of its child first, so the template does not
   * unparent a child the bin still holds. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STARLING_TYPE_THREAD_PAGE);
  g_clear_object (&self->stream_signals);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->items);
  g_clear_object (&self->focused);
  g_clear_object (&self->loader);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (starling_thread_page_parent_class)->dispose (object);
}

static void
starling_thread_page_finalize (GObject *object)
{
  StarlingThreadPage *self = STARLING_THREAD_PAGE (object);

  g_free (self->status_id);
  g_free (self->title);

  G_OBJECT_CLASS (starling_thread_page_parent_class)->finalize (object);
}

static void
starling_thread_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  StarlingThreadPage *self = STARLING_THREAD_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_STATUS_ID:
      g_value_set_string (value, self->status_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_thread_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  StarlingThreadPage *self = STARLING_THREAD_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      starling_status_factory_set_session (gtk_list_view_get_factory (self->list_view), self->session);
      break;
    case PROP_STATUS_ID:
      self->status_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_thread_page_class_init (StarlingThreadPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = starling_thread_page_constructed;
  object_class->dispose = starling_thread_page_dispose;
  object_class->finalize = starling_thread_page_finalize;
  object_class->get_property = starling_thread_page_get_property;
  object_class->set_property = starling_thread_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, STARLING_TYPE_ACCOUNT_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_ID] =
    g_param_spec_string ("status-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STARLING_TYPE_THREAD_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/thread/starling-thread-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StarlingThreadPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StarlingThreadPage, stack);
  gtk_widget_class_bind_template_child (widget_class, StarlingThreadPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, StarlingThreadPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, StarlingThreadPage, retry_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingThreadPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, StarlingThreadPage, list_view);

  gtk_widget_class_install_action (widget_class, "thread.retry", NULL, retry_activated);
  gtk_widget_class_install_action (widget_class, "thread.favourited-by", "s", engaged_by_activated);
  gtk_widget_class_install_action (widget_class, "thread.boosted-by", "s", engaged_by_activated);
  /* A container: without a role of its own, GTK 4.8 would read its type name. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
starling_thread_page_init (StarlingThreadPage *self)
{
  g_autoptr (GtkListItemFactory) factory = starling_status_factory_new ();
  g_autoptr (GtkNoSelection) selection = NULL;

  starling_style_load (RESOURCE_BASE "/thread/style.css");
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->items = g_list_store_new (STARLING_TYPE_THREAD_ITEM);
  g_set_object (&self->loader, default_image_loader ());
  starling_status_factory_set_image_loader (factory, self->loader);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (activate_cb), self, 0);

  self->stream_signals = g_signal_group_new (STARLING_TYPE_STREAMING);
  g_signal_group_connect (self->stream_signals, "update", G_CALLBACK (stream_update_cb), self);
  g_signal_group_connect (self->stream_signals, "status-update", G_CALLBACK (stream_update_cb), self);
  g_signal_group_connect (self->stream_signals, "delete", G_CALLBACK (stream_delete_cb), self);
}

/**
 * starling_thread_page_new:
 * @session: the account the thread is read with
 * @status_id: the post to show with its thread
 *
 * Creates the page and starts loading the post and its thread.
 *
 * Returns: (transfer floating): a new #StarlingThreadPage
 */
GtkWidget *
starling_thread_page_new (StarlingAccountSession *session,
                          const char             *status_id)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_SESSION (session), NULL);
  g_return_val_if_fail (status_id != NULL && *status_id != '\0', NULL);

  return g_object_new (STARLING_TYPE_THREAD_PAGE,
                       "session", session,
                       "status-id", status_id,
                       NULL);
}

const char *
starling_thread_page_get_title (StarlingThreadPage *self)
{
  g_return_val_if_fail (STARLING_IS_THREAD_PAGE (self), NULL);

  return self->title;
}

const char *
starling_thread_page_get_status_id (StarlingThreadPage *self)
{
  g_return_val_if_fail (STARLING_IS_THREAD_PAGE (self), NULL);

  return self->status_id;
}

/* "loading", "error" or "thread". */
const char *
starling_thread_page_get_state (StarlingThreadPage *self)
{
  g_return_val_if_fail (STARLING_IS_THREAD_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* Returns: (transfer none): the posts shown, #StarlingThreadItem in order */
GListModel *
starling_thread_page_get_model (StarlingThreadPage *self)
{
  g_return_val_if_fail (STARLING_IS_THREAD_PAGE (self), NULL);

  return G_LIST_MODEL (self->items);
}

/* The position of the focused post, or G_MAXUINT before it is known. */
guint
starling_thread_page_get_focused_position (StarlingThreadPage *self)
{
  guint n;

  g_return_val_if_fail (STARLING_IS_THREAD_PAGE (self), G_MAXUINT);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (StarlingThreadItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (starling_thread_item_get_role (item) == STARLING_THREAD_FOCUSED)
        return i;
    }
  return G_MAXUINT;
}

/* The loader of avatars and media; the application's by default. */
void
starling_thread_page_set_image_loader (StarlingThreadPage  *self,
                                       StarlingImageLoader *loader)
{
  g_return_if_fail (STARLING_IS_THREAD_PAGE (self));

  g_set_object (&self->loader, loader);
  starling_status_factory_set_image_loader (gtk_list_view_get_factory (self->list_view), loader);
}

/* Loads the post and its thread again. */
void
starling_thread_page_reload (StarlingThreadPage *self)
{
  g_return_if_fail (STARLING_IS_THREAD_PAGE (self));

  load (self);
}
