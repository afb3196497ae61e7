/* starling-accessibility.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the app does once so that every widget reads right to a screen
 * reader, wherever it was built.
 */

#define G_LOG_DOMAIN "starling-ui"

#include "config.h"

#include "starling-accessibility.h"

#include <adwaita.h>

/* GTK 4.8 gives a button whose label has a mnemonic (use-underline) the
 * accessible label "_Add Account" on top of the labelled-by relation to
 * the label it makes ("Add Account"), and the name joins both: a screen
 * reader reads "_Add Account Add Account". The relation alone names the
 * button, without the underscore: drop the label property each time GTK
 * sets it, that is when the label or use-underline changes. (GTK 4.10
 * and newer set no such property, and this changes nothing there.) */
static void
drop_mnemonic_label (GtkButton *button)
{
  if (gtk_button_get_use_underline (button) && gtk_button_get_label (button) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
button_label_changed_cb (GtkButton  *button,
                         GParamSpec *pspec,
                         gpointer    user_data)
{
  drop_mnemonic_label (button);
}

/* GObject::notify takes no emission hooks: each button is followed from
 * its first realize, before anything shows it. */
static gboolean
button_realize_hook_cb (GSignalInvocationHint *hint,
                        guint                  n_params,
                        const GValue          *params,
                        gpointer               user_data)
{
  static GQuark followed_quark;
  GObject *object;

  if (n_params < 1 || !G_VALUE_HOLDS_OBJECT (&params[0]))
    return TRUE;

  object = g_value_get_object (&params[0]);
  if (!GTK_IS_BUTTON (object))
    return TRUE;

  if (followed_quark == 0)
    followed_quark = g_quark_from_static_string ("starling-accessibility-followed");
  if (g_object_get_qdata (object, followed_quark) == NULL)
    {
      g_object_set_qdata (object, followed_quark, GINT_TO_POINTER (1));
      g_signal_connect (object, "notify::label", G_CALLBACK (button_label_changed_cb), NULL);
      g_signal_connect (object, "notify::use-underline", G_CALLBACK (button_label_changed_cb), NULL);
    }
  drop_mnemonic_label (GTK_BUTTON (object));

  return TRUE;
}

/* Rows in list views. GTK 4.8 focuses a list view's list item itself (on
 * Tab, with the list's own keys, after scroll-to-item) and a list item
 * reads nothing of its own: the row inside says what it is, and its list
 * item must say the same. */

static GQuark
row_label_quark (void)
{
  return g_quark_from_static_string ("starling-row-label");
}

static GQuark
labelled_item_quark (void)
{
  return g_quark_from_static_string ("starling-row-labelled-item");
}

static GQuark
item_owner_quark (void)
{
  return g_quark_from_static_string ("starling-list-item-owner");
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* The list item that holds @row, unless another labelled row stands
 * between them (a post inside a notification: the notification speaks for
 * the item). */
static GtkWidget *
list_item_of (GtkWidget *row)
{
  GtkWidget *ancestor = gtk_widget_get_parent (row);

  for (guint depth = 0; ancestor != NULL && depth < 4; depth++)
    {
      if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (ancestor)) == GTK_ACCESSIBLE_ROLE_LIST_ITEM)
        return ancestor;
      if (g_object_get_qdata (G_OBJECT (ancestor), row_label_quark ()) != NULL)
        return NULL;
      ancestor = gtk_widget_get_parent (ancestor);
    }
  return NULL;
}

static void
label_list_item (GtkWidget *row)
{
  GWeakRef *labelled = g_object_get_qdata (G_OBJECT (row), labelled_item_quark ());
  const char *label = g_object_get_qdata (G_OBJECT (row), row_label_quark ());
  GtkWidget *item = list_item_of (row);
  g_autoptr (GtkWidget) old = NULL;

  if (labelled == NULL)
    {
      labelled = g_new0 (GWeakRef, 1);
      g_weak_ref_init (labelled, NULL);
      g_object_set_qdata_full (G_OBJECT (row), labelled_item_quark (), labelled, weak_ref_free);
    }

  /* The item this row left reads nothing more of it, unless another row
   * speaks for it now. */
  old = g_weak_ref_get (labelled);
  if (old != NULL && old != item && g_object_get_qdata (G_OBJECT (old), item_owner_quark ()) == row)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (old), GTK_ACCESSIBLE_PROPERTY_LABEL);
      g_object_set_qdata (G_OBJECT (old), item_owner_quark (), NULL);
    }
  g_weak_ref_set (labelled, item);

  if (item == NULL)
    return;

  g_object_set_qdata (G_OBJECT (item), item_owner_quark (), row);
  if (label != NULL && *label != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
row_parent_changed_cb (GtkWidget  *row,
                       GParamSpec *pspec,
                       gpointer    user_data)
{
  label_list_item (row);
}

/**
 * starling_accessibility_set_row_label:
 * @row: a row of a list (a post, a notification)
 * @label: (nullable): the one sentence a screen reader reads for it, or
 *   %NULL while it shows nothing
 *
 * Sets what @row reads, and makes the list item that holds it in a list
 * view read the same, from now on and wherever the row goes.
 */
void
starling_accessibility_set_row_label (GtkWidget  *row,
                                      const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (row));

  if (g_object_get_qdata (G_OBJECT (row), row_label_quark ()) == NULL)
    g_signal_connect (row, "notify::parent", G_CALLBACK (row_parent_changed_cb), NULL);
  /* An empty string marks a row that reads nothing yet. */
  g_object_set_qdata_full (G_OBJECT (row), row_label_quark (), g_strdup (label != NULL ? label : ""), g_free);

  if (label != NULL && *label != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL);

  label_list_item (row);
}

/* Stacks. GTK 4.8 and libadwaita 1.2 hide the pages of a GtkStack, an
 * AdwViewStack or a folded AdwLeaflet that are not shown by making them
 * not child-visible, which the accessibility tree does not look at: a
 * screen reader meets every page, the timeline behind a thread or the
 * sign-in pages behind the signed-in window, as if all were on screen.
 * The hidden state takes a page out of the tree: each page that is not
 * shown gets it, and the one shown loses it, each time the stack changes
 * its page, takes a new one, or (a leaflet) folds or unfolds. */

static GQuark
stack_pages_quark (void)
{
  return g_quark_from_static_string ("starling-stack-pages");
}

static GtkSelectionModel *
pages_of (GtkWidget *stack)
{
  if (GTK_IS_STACK (stack))
    return gtk_stack_get_pages (GTK_STACK (stack));
  if (ADW_IS_VIEW_STACK (stack))
    return adw_view_stack_get_pages (ADW_VIEW_STACK (stack));
  if (ADW_IS_LEAFLET (stack))
    return adw_leaflet_get_pages (ADW_LEAFLET (stack));
  return NULL;
}

static GtkWidget *
child_of_page (GObject *page)
{
  if (GTK_IS_STACK_PAGE (page))
    return gtk_stack_page_get_child (GTK_STACK_PAGE (page));
  if (ADW_IS_VIEW_STACK_PAGE (page))
    return adw_view_stack_page_get_child (ADW_VIEW_STACK_PAGE (page));
  if (ADW_IS_LEAFLET_PAGE (page))
    return adw_leaflet_page_get_child (ADW_LEAFLET_PAGE (page));
  return NULL;
}

/* Marks pages @position to @position + @n_pages - 1 of @stack shown or
 * hidden, as the stack shows them now. */
static void
mark_pages (GtkWidget *stack,
            guint      position,
            guint      n_pages)
{
  GtkSelectionModel *pages = g_object_get_qdata (G_OBJECT (stack), stack_pages_quark ());
  gboolean all_shown;
  guint end;

  if (pages == NULL)
    return;

  /* An unfolded leaflet shows all its pages side by side. */
  all_shown = ADW_IS_LEAFLET (stack) && !adw_leaflet_get_folded (ADW_LEAFLET (stack));
  end = MIN (position + n_pages, g_list_model_get_n_items (G_LIST_MODEL (pages)));
  for (guint i = position; i < end; i++)
    {
      g_autoptr (GObject) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child = child_of_page (page);
      gboolean shown = all_shown || gtk_selection_model_is_selected (pages, i);

      if (child != NULL)
        gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, !shown, -1);
    }
}

static void
stack_pages_added_cb (GtkSelectionModel *pages,
                      guint              position,
                      guint              removed,
                      guint              added,
                      GtkWidget         *stack)
{
  mark_pages (stack, position, added);
}

static void
stack_page_shown_cb (GtkSelectionModel *pages,
                     guint              position,
                     guint              n_items,
                     GtkWidget         *stack)
{
  mark_pages (stack, position, n_items);
}

static void
leaflet_folded_cb (GtkWidget  *leaflet,
                   GParamSpec *pspec,
                   gpointer    user_data)
{
  mark_pages (leaflet, 0, G_MAXUINT);
}

/* The stack holds its pages model only as long as someone else does: it
 * is kept until the stack goes, and let go before the stack's own
 * finalization, which forgets it. */
static void
stack_destroy_cb (GtkWidget *stack,
                  gpointer   user_data)
{
  GtkSelectionModel *pages = g_object_get_qdata (G_OBJECT (stack), stack_pages_quark ());

  if (pages != NULL)
    g_signal_handlers_disconnect_by_data (pages, stack);
  g_object_set_qdata (G_OBJECT (stack), stack_pages_quark (), NULL);
}

/* Lists in preferences groups. An AdwPreferencesGroup keeps its rows in a
 * GtkListBox of its own, and an AdwExpanderRow its header and its rows in
 * two more; libadwaita 1.2 names the first after the group's title, when
 * it has one, and the others not at all: a screen reader reads "list
 * GtkListBox" and a nameless list item. */

/* The list boxes inside @widget that hold its rows, not those inside the
 * rows themselves. */
static void
collect_lists (GtkWidget *widget,
               GPtrArray *lists)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX (child))
        g_ptr_array_add (lists, child);
      else if (!GTK_IS_LIST_BOX_ROW (child))
        collect_lists (child, lists);
    }
}

static void
label_lists (GtkWidget  *widget,
             const char *label)
{
  g_autoptr (GPtrArray) lists = g_ptr_array_new ();

  collect_lists (widget, lists);
  for (guint i = 0; i < lists->len; i++)
    gtk_accessible_update_property (g_ptr_array_index (lists, i), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* An expander row reads its title, and so do its lists. */
static void
label_expander_row (AdwExpanderRow *row)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

  if (title == NULL || *title == '\0')
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  label_lists (GTK_WIDGET (row), title);
}

static void
expander_title_changed_cb (AdwExpanderRow *row,
                           GParamSpec     *pspec,
                           gpointer        user_data)
{
  label_expander_row (row);
}

static void
follow_expander_row (AdwExpanderRow *row)
{
  static GQuark followed_quark;

  if (followed_quark == 0)
    followed_quark = g_quark_from_static_string ("starling-accessibility-expander");
  if (g_object_get_qdata (G_OBJECT (row), followed_quark) != NULL)
    return;
  g_object_set_qdata (G_OBJECT (row), followed_quark, GINT_TO_POINTER (1));
  g_signal_connect (row, "notify::title", G_CALLBACK (expander_title_changed_cb), NULL);
  label_expander_row (row);
}

/* Every stack and every expander row, wherever it was built, from its
 * first realize. */
static gboolean
container_realize_hook_cb (GSignalInvocationHint *hint,
                           guint                  n_params,
                           const GValue          *params,
                           gpointer               user_data)
{
  GObject *object;

  if (n_params < 1 || !G_VALUE_HOLDS_OBJECT (&params[0]))
    return TRUE;

  object = g_value_get_object (&params[0]);
  if (GTK_IS_STACK (object) || ADW_IS_VIEW_STACK (object) || ADW_IS_LEAFLET (object))
    starling_accessibility_follow_stack (GTK_WIDGET (object));
  else if (ADW_IS_EXPANDER_ROW (object))
    follow_expander_row (ADW_EXPANDER_ROW (object));

  return TRUE;
}

/**
 * starling_accessibility_follow_stack:
 * @stack: a #GtkStack, an #AdwViewStack or an #AdwLeaflet
 *
 * Takes the pages of @stack that are not shown out of the accessibility
 * tree, from now on. starling_accessibility_init() does it for every
 * stack as it is realized; calling it again for the same stack does
 * nothing.
 */
void
starling_accessibility_follow_stack (GtkWidget *stack)
{
  GtkSelectionModel *pages;

  g_return_if_fail (GTK_IS_STACK (stack) || ADW_IS_VIEW_STACK (stack) || ADW_IS_LEAFLET (stack));

  if (g_object_get_qdata (G_OBJECT (stack), stack_pages_quark ()) != NULL)
    return;

  pages = pages_of (stack);
  g_object_set_qdata_full (G_OBJECT (stack), stack_pages_quark (), pages, g_object_unref);
  g_signal_connect (pages, "items-changed", G_CALLBACK (stack_pages_added_cb), stack);
  g_signal_connect (pages, "selection-changed", G_CALLBACK (stack_page_shown_cb), stack);
  if (ADW_IS_LEAFLET (stack))
    g_signal_connect (stack, "notify::folded", G_CALLBACK (leaflet_folded_cb), NULL);
  g_signal_connect (stack, "destroy", G_CALLBACK (stack_destroy_cb), NULL);

  mark_pages (stack, 0, G_MAXUINT);
}

/**
 * starling_accessibility_name_group_list:
 * @group: a preferences group
 * @label: (nullable): what its list is, or %NULL for the group's title
 *
 * Names the list that holds the rows of @group, for a group without a
 * title (whose list would read "GtkListBox"), or with a title that does
 * not say what the list is.
 */
void
starling_accessibility_name_group_list (AdwPreferencesGroup *group,
                                        const char          *label)
{
  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));

  if (label == NULL)
    label = adw_preferences_group_get_title (group);
  g_return_if_fail (label != NULL && *label != '\0');

  label_lists (GTK_WIDGET (group), label);
}

/**
 * starling_accessibility_init:
 *
 * Installs the app-wide accessibility fixes; call it once GTK is
 * initialised, before the first window is built. Calling it again does
 * nothing.
 */
void
starling_accessibility_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* A signal exists once its class is made; the class stays. */
      g_type_class_ref (GTK_TYPE_WIDGET);
      g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0,
                                  button_realize_hook_cb, NULL, NULL);
      g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0,
                                  container_realize_hook_cb, NULL, NULL);
      g_once_init_leave (&done, 1);
    }
}
