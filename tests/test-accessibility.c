/* test-accessibility.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app-wide accessibility fixes of ui/common in real windows: a button
 * with a mnemonic label is named once, by its label; a row's one sentence
 * is read by the list item that holds it, and follows the row when it
 * moves; the pages of a stack, a view stack or a folded leaflet that are
 * not shown are out of the accessibility tree (hidden), and the one shown
 * is in it; the lists of preferences groups and expander rows have names,
 * and the add-account dialog reads as a dialog. (tests/a11y/check-a11y.py
 * reads the whole app through AT-SPI.)
 */

#include "config.h"

#include <adwaita.h>

#include "ui/accounts/starling-add-account-dialog.h"
#include "ui/common/starling-accessibility.h"
#include "starling-test-ui.h"

static GtkWindow *
show_in_window (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 400, 300);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  starling_test_wait_for_draw (GTK_WIDGET (window));

  return window;
}

static void
test_mnemonic_button (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *mnemonic = gtk_button_new_with_mnemonic ("_Add Account");
  GtkWidget *plain = gtk_button_new_with_label ("Plain");
  GtkWindow *window;

  gtk_box_append (GTK_BOX (box), mnemonic);
  gtk_box_append (GTK_BOX (box), plain);
  window = show_in_window (box);

  /* Named by its label ("Add Account"), not also "_Add Account". */
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (mnemonic), GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (mnemonic), GTK_ACCESSIBLE_RELATION_LABELLED_BY));

  /* A new label is dropped again; a button without a mnemonic keeps GTK's
   * own name. */
  gtk_button_set_label (GTK_BUTTON (mnemonic), "_Try the Demo");
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (mnemonic), GTK_ACCESSIBLE_PROPERTY_LABEL));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (plain), GTK_ACCESSIBLE_PROPERTY_LABEL, "Plain");

  gtk_window_destroy (window);
}

static void
test_row_label (void)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkListBoxRow *first;
  GtkListBoxRow *second;
  GtkWindow *window;

  gtk_box_append (GTK_BOX (row), inner);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_list_box_append (GTK_LIST_BOX (list), gtk_label_new ("other"));
  first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  second = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);
  window = show_in_window (list);

  /* The row and its list item read the same sentence. */
  starling_accessibility_set_row_label (row, "Ada, 5 minutes ago: Hello. 0 replies, 0 boosts, 0 favourites");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Ada, 5 minutes ago: Hello. 0 replies, 0 boosts, 0 favourites");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (first), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Ada, 5 minutes ago: Hello. 0 replies, 0 boosts, 0 favourites");

  /* A labelled row inside it (a post in a notification) does not speak
   * for the list item. */
  starling_accessibility_set_row_label (inner, "The post inside");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (first), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Ada, 5 minutes ago: Hello. 0 replies, 0 boosts, 0 favourites");

  /* Recycled to show nothing: neither reads the old sentence. */
  starling_accessibility_set_row_label (row, NULL);
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (first), GTK_ACCESSIBLE_PROPERTY_LABEL));

  /* Moved to another list item: the sentence goes with it. */
  starling_accessibility_set_row_label (row, "Ben, just now: Moved. 1 reply, 0 boosts, 0 favourites");
  g_object_ref (row);
  gtk_list_box_row_set_child (first, NULL);
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (first), GTK_ACCESSIBLE_PROPERTY_LABEL));
  gtk_list_box_row_set_child (second, row);
  g_object_unref (row);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (second), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Ben, just now: Moved. 1 reply, 0 boosts, 0 favourites");

  gtk_window_destroy (window);
}

static gboolean
is_hidden (GtkWidget *widget)
{
  g_autofree char *mismatch = NULL;

  if (!gtk_test_accessible_has_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN))
    return FALSE;
  /* The value it holds when it is not TRUE, or NULL. */
  mismatch = gtk_test_accessible_check_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);
  return mismatch == NULL;
}

#define assert_hidden(widget) G_STMT_START { \
    if (!is_hidden (widget)) \
      g_error ("%s: %s (%s) should be out of the accessibility tree", G_STRLOC, #widget, \
               G_OBJECT_TYPE_NAME (widget)); \
  } G_STMT_END
#define assert_shown(widget) G_STMT_START { \
    if (is_hidden (widget)) \
      g_error ("%s: %s (%s) should be in the accessibility tree", G_STRLOC, #widget, \
               G_OBJECT_TYPE_NAME (widget)); \
  } G_STMT_END

static void
test_stack_pages (void)
{
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *one = gtk_label_new ("one");
  GtkWidget *two = gtk_label_new ("two");
  GtkWidget *three = gtk_label_new ("three");
  GtkWindow *window;

  gtk_stack_add_named (GTK_STACK (stack), one, "one");
  gtk_stack_add_named (GTK_STACK (stack), two, "two");
  window = show_in_window (stack);

  /* Realized: followed with no call of its own. */
  assert_shown (one);
  assert_hidden (two);

  gtk_stack_set_visible_child (GTK_STACK (stack), two);
  assert_hidden (one);
  assert_shown (two);

  /* A page added later is hidden until it is shown. */
  gtk_stack_add_named (GTK_STACK (stack), three, "three");
  assert_hidden (three);
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "three");
  assert_hidden (two);
  assert_shown (three);

  /* A page that goes changes nothing for the others. */
  gtk_stack_remove (GTK_STACK (stack), two);
  assert_hidden (one);
  assert_shown (three);
  gtk_stack_set_visible_child (GTK_STACK (stack), one);
  assert_shown (one);
  assert_hidden (three);

  gtk_window_destroy (window);
}

static void
test_view_stack_pages (void)
{
  AdwViewStack *stack = ADW_VIEW_STACK (adw_view_stack_new ());
  GtkWidget *home = gtk_label_new ("home");
  GtkWidget *other = gtk_label_new ("other");
  GtkWidget *later = gtk_label_new ("later");
  GtkWindow *window;

  adw_view_stack_add_titled (stack, home, "home", "Home");
  adw_view_stack_add_titled (stack, other, "other", "Other");
  window = show_in_window (GTK_WIDGET (stack));
  assert_shown (home);
  assert_hidden (other);

  adw_view_stack_set_visible_child_name (stack, "other");
  assert_hidden (home);
  assert_shown (other);

  adw_view_stack_add_titled (stack, later, "later", "Later");
  assert_hidden (later);

  gtk_window_destroy (window);
}

static void
test_leaflet_pages (void)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (adw_leaflet_new ());
  GtkWidget *sidebar = gtk_label_new ("sidebar");
  GtkWidget *content = gtk_label_new ("content");
  GtkWindow *window;

  adw_leaflet_append (leaflet, sidebar);
  adw_leaflet_append (leaflet, content);
  /* Folded at any width: one page at a time. */
  adw_leaflet_set_can_unfold (leaflet, FALSE);
  window = show_in_window (GTK_WIDGET (leaflet));
  g_assert_true (adw_leaflet_get_folded (leaflet));
  assert_shown (sidebar);
  assert_hidden (content);

  adw_leaflet_set_visible_child (leaflet, content);
  assert_hidden (sidebar);
  assert_shown (content);

  /* Unfolded, both are side by side on screen. */
  adw_leaflet_set_can_unfold (leaflet, TRUE);
  starling_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_false (adw_leaflet_get_folded (leaflet));
  assert_shown (sidebar);
  assert_shown (content);

  gtk_window_destroy (window);
}

/* The list boxes below @widget, in tree order. */
static void
find_lists (GtkWidget *widget,
            GPtrArray *lists)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX (child))
        g_ptr_array_add (lists, child);
      find_lists (child, lists);
    }
}

static void
test_group_lists (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  AdwPreferencesGroup *untitled = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *titled = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *entry = adw_entry_row_new ();
  GtkWidget *expander = adw_expander_row_new ();
  g_autoptr (GPtrArray) untitled_lists = g_ptr_array_new ();
  g_autoptr (GPtrArray) expander_lists = g_ptr_array_new ();
  g_autoptr (GPtrArray) titled_lists = g_ptr_array_new ();
  GtkWindow *window;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), "Server or handle");
  adw_preferences_group_add (untitled, entry);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), "Use an Access Token");
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), adw_action_row_new ());
  adw_preferences_group_add (titled, expander);
  adw_preferences_group_set_title (titled, "Advanced");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (untitled));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (titled));
  window = show_in_window (box);

  /* A group without a title: its list is named as the app says. */
  starling_accessibility_name_group_list (untitled, "Server");
  find_lists (GTK_WIDGET (untitled), untitled_lists);
  g_assert_cmpuint (untitled_lists->len, ==, 1);
  gtk_test_accessible_assert_property (g_ptr_array_index (untitled_lists, 0), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Server");

  /* With no label, by the group's title. */
  starling_accessibility_name_group_list (titled, NULL);
  find_lists (GTK_WIDGET (titled), titled_lists);
  g_assert_cmpuint (titled_lists->len, >=, 1);
  gtk_test_accessible_assert_property (g_ptr_array_index (titled_lists, 0), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Advanced");

  /* An expander row reads its title, and so do its lists, with no call
   * of the app's own; a new title follows. */
  find_lists (expander, expander_lists);
  g_assert_cmpuint (expander_lists->len, >=, 1);
  gtk_test_accessible_assert_property (expander, GTK_ACCESSIBLE_PROPERTY_LABEL, "Use an Access Token");
  for (guint i = 0; i < expander_lists->len; i++)
    gtk_test_accessible_assert_property (g_ptr_array_index (expander_lists, i), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Use an Access Token");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), "Token");
  gtk_test_accessible_assert_property (expander, GTK_ACCESSIBLE_PROPERTY_LABEL, "Token");
  gtk_test_accessible_assert_property (g_ptr_array_index (expander_lists, 0), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Token");

  gtk_window_destroy (window);
}

static void
test_dialog_role (void)
{
  GtkWidgetClass *klass = g_type_class_ref (STARLING_TYPE_ADD_ACCOUNT_DIALOG);

  /* A subclass of AdwWindow reads as a bare "widget" unless its class
   * says what it is. (GTK 4.8 gives a window made once the accessibility
   * bus is up the role it has while GtkWindow makes it, whatever its
   * class says: tests/a11y/check-a11y.py holds that as a TODO.) */
  g_assert_cmpint (gtk_widget_class_get_accessible_role (klass), ==, GTK_ACCESSIBLE_ROLE_DIALOG);
  g_type_class_unref (klass);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  starling_accessibility_init ();

  g_test_add_func ("/starling/accessibility/mnemonic-button", test_mnemonic_button);
  g_test_add_func ("/starling/accessibility/row-label", test_row_label);
  g_test_add_func ("/starling/accessibility/stack-pages", test_stack_pages);
  g_test_add_func ("/starling/accessibility/view-stack-pages", test_view_stack_pages);
  g_test_add_func ("/starling/accessibility/leaflet-pages", test_leaflet_pages);
  g_test_add_func ("/starling/accessibility/group-lists", test_group_lists);
  g_test_add_func ("/starling/accessibility/dialog-role", test_dialog_role);

  return g_test_run ();
}
