/* test-accounts-ui.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Signing in and the accounts, in real windows (Xvfb in CI): the demo,
 * the add-account dialog against demo servers on loopback with the test
 * playing the browser, several accounts, and what goes wrong. The app
 * keeps its tokens in memory and its data in a temporary folder.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "api/starling-api-error.h"
#include "demo/starling-demo-browser.h"
#include "demo/starling-demo-server.h"
#include "starling-application.h"
#include "starling-window.h"

#include "starling-test-server.h"
#include "starling-test-ui.h"

/* One application for the whole program, as in the app: it registers on
 * the session bus once. */
static StarlingApplication *app;
static char *data_dir;

/* The browser the tests play: what the app asked to open, and whether it
 * goes on by itself (approving the consent form). */
typedef struct
{
  GPtrArray *opened;
  gboolean   approve;
  gboolean   approved;
  GError    *error;
} Browser;

static Browser browser;

static void
approved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_clear_error (&browser.error);
  browser.approved = starling_demo_browser_approve_finish (result, &browser.error);
}

static void
open_uri_cb (GtkWindow  *parent,
             const char *uri,
             gpointer    user_data)
{
  g_ptr_array_add (browser.opened, g_strdup (uri));
  if (browser.approve)
    starling_demo_browser_approve_async (uri, NULL, approved_cb, NULL);
}

static void
browser_reset (gboolean approve)
{
  g_ptr_array_set_size (browser.opened, 0);
  browser.approve = approve;
  browser.approved = FALSE;
  g_clear_error (&browser.error);
}

/* Helpers */

static StarlingWindow *
main_window (void)
{
  GtkWidget *window = starling_test_find_toplevel (STARLING_TYPE_WINDOW);

  g_assert_nonnull (window);
  return STARLING_WINDOW (window);
}

static const char *wanted_page;

static gboolean
window_on_page (gpointer data)
{
  return g_strcmp0 (starling_window_get_visible_page (data), wanted_page) == 0 &&
         !starling_application_get_busy (app);
}

static void
wait_for_page (StarlingWindow *window,
               const char     *page)
{
  wanted_page = page;
  starling_test_wait_until (window_on_page, window);
  starling_test_wait_idle ();
}

static gboolean
dialog_on_page (gpointer data)
{
  return g_strcmp0 (starling_add_account_dialog_get_page (data), wanted_page) == 0;
}

static void
wait_for_dialog_page (StarlingAddAccountDialog *dialog,
                      const char               *page)
{
  wanted_page = page;
  starling_test_wait_until (dialog_on_page, dialog);
  starling_test_wait_idle ();
}

static GtkWidget *
dialog_child (StarlingAddAccountDialog *dialog,
              const char               *name)
{
  GtkWidget *child = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                  STARLING_TYPE_ADD_ACCOUNT_DIALOG, name);

  g_assert_nonnull (child);
  return child;
}

static gboolean
browser_opened (gpointer data)
{
  return browser.opened->len > 0;
}

static gboolean
n_accounts_is (gpointer data)
{
  StarlingAccountManager *manager = starling_application_get_account_manager (app);

  return manager != NULL && g_list_model_get_n_items (G_LIST_MODEL (manager)) == GPOINTER_TO_UINT (data);
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

static void
wait_seconds (double seconds)
{
  gint64 until = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  starling_test_wait_until (time_passed, &until);
}

static gboolean
pointer_is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
not_a_dir (gpointer data)
{
  return !g_file_test (data, G_FILE_TEST_IS_DIR);
}

static gboolean
banner_shown (gpointer data)
{
  return starling_main_view_get_banner_message (data) != NULL;
}

static gboolean
is_folded (gpointer data)
{
  return starling_main_view_get_folded (data);
}

static gboolean
is_unfolded (gpointer data)
{
  return !starling_main_view_get_folded (data);
}

static gboolean
banner_hidden (gpointer data)
{
  return starling_main_view_get_banner_message (data) == NULL;
}

static const char *
editable_text (GtkWidget *widget)
{
  return gtk_editable_get_text (GTK_EDITABLE (widget));
}

static StarlingWindow *
start (void)
{
  StarlingWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = main_window ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  starling_test_wait_for_draw (GTK_WIDGET (window));
  return window;
}

/* 1. The demo */

static void
test_try_demo (void)
{
  StarlingWindow *window = start ();
  StarlingAccountManager *manager;
  StarlingAccountSession *active;
  StarlingDemoServer *server;
  StarlingMainView *view;
  StarlingAddAccountDialog *dialog;
  GtkWidget *banner_button;
  g_autofree char *demo_dir = NULL;

  wait_for_page (window, "welcome");
  starling_test_wait_for_draw (GTK_WIDGET (window));
  starling_test_save_screenshot (GTK_WIDGET (window), "welcome");

  /* Try the Demo: the demo server, its browser, the real OAuth flow. */
  starling_test_click ((GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (window), STARLING_TYPE_WINDOW,
                                                                    "try_demo_button"));
  wait_for_page (window, "signed-in");
  g_assert_true (starling_application_get_demo (app));
  manager = starling_application_get_account_manager (app);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 1);
  active = starling_account_manager_get_active (manager);
  g_assert_nonnull (active);
  g_assert_true (g_str_has_prefix (starling_account_session_get_handle (active), "kettlecrane@127.0.0.1:"));
  g_assert_cmpint (starling_account_session_get_state (active), ==, STARLING_ACCOUNT_STATE_READY);
  g_assert_null (starling_account_manager_get_secret_store (manager));

  /* It went through the consent form and the loopback redirect. */
  server = starling_application_get_demo_server (app);
  g_assert_cmpuint (starling_demo_server_count_requests (server, "GET", "/oauth/authorize"), ==, 1);
  g_assert_cmpuint (starling_demo_server_count_requests (server, "POST", "/oauth/authorize"), ==, 1);
  g_assert_cmpuint (starling_demo_server_count_requests (server, "POST", "/oauth/token"), ==, 1);
  /* The browser of the demo is the app: the test's was never asked. */
  g_assert_cmpuint (browser.opened->len, ==, 0);

  demo_dir = g_strdup (starling_application_get_demo_data_dir (app));
  g_assert_true (g_file_test (demo_dir, G_FILE_TEST_IS_DIR));

  view = starling_window_get_main_view (window);
  starling_test_wait_for_draw (GTK_WIDGET (window));
  starling_test_save_screenshot (GTK_WIDGET (window), "signed-in");

  /* The demo revokes the token: the next request is refused, and the
   * banner offers to sign in again. */
  g_assert_cmpuint (starling_demo_server_revoke_tokens (server), >=, 1);
  starling_client_verify_credentials_async (starling_account_session_get_client (active), NULL, NULL, NULL);
  starling_test_wait_until (banner_shown, view);
  g_assert_cmpint (starling_account_session_get_state (active), ==, STARLING_ACCOUNT_STATE_NEEDS_SIGN_IN);
  starling_test_wait_for_draw (GTK_WIDGET (window));
  starling_test_save_screenshot (GTK_WIDGET (window), "needs-sign-in");

  /* The banner's Sign In runs the flow again, for this account, and the
   * browser (the test, approving) brings it back. */
  browser_reset (TRUE);
  banner_button = starling_test_find_widget (GTK_WIDGET (view), GTK_TYPE_BUTTON, "banner_button");
  starling_test_click (banner_button);
  dialog = STARLING_ADD_ACCOUNT_DIALOG (starling_test_find_toplevel (STARLING_TYPE_ADD_ACCOUNT_DIALOG));
  g_assert_nonnull (dialog);
  wait_for_dialog_page (dialog, "card");
  g_assert_cmpstr (editable_text (dialog_child (dialog, "server_entry")), ==,
                   starling_demo_server_get_base_uri (server));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  starling_test_click (dialog_child (dialog, "continue_button"));
  starling_test_wait_until (pointer_is_null, &dialog);
  g_assert_cmpint (starling_account_session_get_state (active), ==, STARLING_ACCOUNT_STATE_READY);
  g_assert_nonnull (strstr (g_ptr_array_index (browser.opened, 0), "force_login=true"));
  starling_test_wait_until (banner_hidden, view);

  /* Leaving the demo: the welcome page again, and its data is gone. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "leave-demo", NULL);
  wait_for_page (window, "welcome");
  g_assert_false (starling_application_get_demo (app));
  starling_test_wait_until (not_a_dir, demo_dir);
  /* And it stays gone once the last pictures and writes are done. */
  wait_seconds (1.5);
  g_assert_false (g_file_test (demo_dir, G_FILE_TEST_EXISTS));
}


/* 2. Signing in through the dialog, the test playing the browser */

static StarlingDemoServer *
new_demo_server (guint32 seed)
{
  g_autoptr (GError) error = NULL;
  StarlingDemoServer *server = starling_demo_server_new (seed);

  g_assert_true (starling_demo_server_start (server, &error));
  g_assert_no_error (error);
  return server;
}

static StarlingAddAccountDialog *
open_dialog (StarlingWindow *window)
{
  StarlingAddAccountDialog *dialog;

  /* Ctrl+Shift+N, as the shortcuts window says. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "add-account", NULL);
  dialog = STARLING_ADD_ACCOUNT_DIALOG (starling_test_find_toplevel (STARLING_TYPE_ADD_ACCOUNT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  starling_test_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_cmpstr (starling_add_account_dialog_get_page (dialog), ==, "server");
  return dialog;
}

static void
check_server (StarlingAddAccountDialog *dialog,
              const char               *text)
{
  starling_test_set_text (dialog_child (dialog, "server_entry"), text);
  starling_test_click (dialog_child (dialog, "check_button"));
}

/* Types @base, checks it, continues in the browser, and the browser
 * approves. */
static void
sign_in (StarlingWindow     *window,
         StarlingDemoServer *server,
         const char         *screenshots)
{
  StarlingAddAccountDialog *dialog = open_dialog (window);
  g_autofree char *name = NULL;

  if (screenshots != NULL)
    starling_test_save_screenshot (GTK_WIDGET (dialog), "add-account-server");

  check_server (dialog, starling_demo_server_get_base_uri (server));
  wait_for_dialog_page (dialog, "card");
  /* The card says what the server is, from its NodeInfo. */
  g_assert_nonnull (starling_test_find_label (GTK_WIDGET (dialog), "Starling Demo"));
  if (screenshots != NULL)
    {
      starling_test_wait_for_draw (GTK_WIDGET (dialog));
      starling_test_save_screenshot (GTK_WIDGET (dialog), "add-account-server-card");
    }

  browser_reset (screenshots == NULL);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  starling_test_click (dialog_child (dialog, "continue_button"));
  starling_test_wait_until (browser_opened, NULL);
  wait_for_dialog_page (dialog, "waiting");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (browser.opened, 0), starling_demo_server_get_base_uri (server)));
  if (screenshots != NULL)
    {
      starling_test_wait_for_draw (GTK_WIDGET (dialog));
      starling_test_save_screenshot (GTK_WIDGET (dialog), "add-account-waiting");
      /* The person approves in the browser now. */
      starling_demo_browser_approve_async (g_ptr_array_index (browser.opened, 0), NULL, approved_cb, NULL);
    }

  /* The redirect arrives: the dialog closes, the window is signed in. */
  starling_test_wait_until (pointer_is_null, &dialog);
  wait_for_page (window, "signed-in");
  g_assert_no_error (browser.error);
  g_assert_null (dialog);
  g_assert_true (browser.approved);
}

static StarlingDemoServer *first_server;
static StarlingDemoServer *second_server;

static const char *
active_handle (void)
{
  StarlingAccountManager *manager = starling_application_get_account_manager (app);

  return starling_account_session_get_handle (starling_account_manager_get_active (manager));
}

static char *
handle_of (StarlingDemoServer *server)
{
  return starling_account_manager_make_handle (starling_demo_server_get_base_uri (server), "kettlecrane");
}

static void
test_sign_in (void)
{
  StarlingWindow *window = start ();
  StarlingAccountManager *manager;
  g_autofree char *handle = NULL;
  g_autofree char *shown = NULL;

  wait_for_page (window, "welcome");
  first_server = new_demo_server (42);
  handle = handle_of (first_server);

  sign_in (window, first_server, "add-account");
  g_assert_false (starling_application_get_demo (app));
  manager = starling_application_get_account_manager (app);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 1);
  g_assert_cmpstr (active_handle (), ==, handle);
  g_assert_cmpuint (starling_demo_server_count_requests (first_server, "POST", "/api/v1/apps"), ==, 1);
  g_assert_cmpuint (starling_demo_server_count_requests (first_server, "POST", "/oauth/token"), ==, 1);

  /* Home says whose window this is. */
  shown = g_strconcat ("@", handle, NULL);
  g_assert_nonnull (starling_test_find_label (GTK_WIDGET (starling_window_get_main_view (window)), shown));

  /* At 360 pixels the window still works: the page, with a way back to
   * the places. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  starling_test_wait_until (is_folded, starling_window_get_main_view (window));
  starling_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
  g_assert_true (starling_main_view_get_showing_content (starling_window_get_main_view (window)));
  starling_test_save_screenshot (GTK_WIDGET (window), "signed-in-narrow");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  starling_test_wait_until (is_unfolded, starling_window_get_main_view (window));
}

/* 3. A second account, the switcher, the order, removing */

static gboolean
active_is (gpointer data)
{
  return g_strcmp0 (active_handle (), data) == 0;
}

static gboolean
order_is (gpointer data)
{
  const char * const *handles = data;
  GListModel *accounts = G_LIST_MODEL (starling_application_get_account_manager (app));

  if (g_list_model_get_n_items (accounts) != g_strv_length ((char **) handles))
    return FALSE;
  for (guint i = 0; handles[i] != NULL; i++)
    {
      g_autoptr (StarlingAccountSession) account = g_list_model_get_item (accounts, i);

      if (g_strcmp0 (starling_account_session_get_handle (account), handles[i]) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
avatar_loaded (gpointer data)
{
  return adw_avatar_get_custom_image (data) != NULL;
}

static gboolean
popover_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
test_second_account (void)
{
  StarlingWindow *window = start ();
  StarlingAccountSwitcher *switcher;
  StarlingAccountsWindow *accounts;
  AdwMessageDialog *confirm;
  GtkListBox *list;
  GtkWidget *popover;
  GtkWidget *row;
  g_autofree char *first = handle_of (first_server);
  g_autofree char *second = NULL;

  second_server = new_demo_server (7);
  second = handle_of (second_server);
  g_assert_cmpstr (first, !=, second);

  sign_in (window, second_server, NULL);
  g_assert_true (n_accounts_is (GUINT_TO_POINTER (2)));
  g_assert_cmpstr (active_handle (), ==, second);

  /* The switcher lists both, the active one first in its button. */
  switcher = starling_window_get_account_switcher (window);
  list = starling_account_switcher_get_list (switcher);
  /* The avatar arrives from the server, through the image loader. */
  starling_test_wait_until (avatar_loaded, starling_test_find_widget (GTK_WIDGET (switcher), ADW_TYPE_AVATAR, NULL));
  g_assert_nonnull (starling_test_find_widget (GTK_WIDGET (list), GTK_TYPE_LIST_BOX_ROW, first));
  g_assert_nonnull (starling_test_find_widget (GTK_WIDGET (list), GTK_TYPE_LIST_BOX_ROW, second));
  starling_account_switcher_popup (switcher);
  popover = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_POPOVER);
  starling_test_wait_until (popover_mapped, popover);
  starling_test_wait_for_draw (popover);
  starling_test_save_screenshot_with_popup (GTK_WIDGET (window), popover, "account-switcher");

  /* Choosing a row switches, at once. */
  row = starling_test_find_widget (GTK_WIDGET (list), GTK_TYPE_LIST_BOX_ROW, first);
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_cmpstr (active_handle (), ==, first);
  starling_test_wait_until (active_is, first);

  /* Alt+2: the second account of the switcher. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "switch-account", g_variant_new_int32 (2));
  g_assert_cmpstr (active_handle (), ==, second);
  g_action_group_activate_action (G_ACTION_GROUP (app), "switch-account", g_variant_new_int32 (1));
  g_assert_cmpstr (active_handle (), ==, first);

  /* Manage Accounts: the order, with buttons the keyboard reaches. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "manage-accounts", NULL);
  accounts = STARLING_ACCOUNTS_WINDOW (starling_test_find_toplevel (STARLING_TYPE_ACCOUNTS_WINDOW));
  g_assert_nonnull (accounts);
  starling_test_wait_for_draw (GTK_WIDGET (accounts));
  starling_test_save_screenshot (GTK_WIDGET (accounts), "manage-accounts");

  row = starling_accounts_window_get_row (accounts, first);
  g_assert_false (gtk_widget_get_sensitive (starling_test_find_widget (row, GTK_TYPE_BUTTON, "move-up")));
  g_assert_true (gtk_widget_get_focusable (starling_test_find_widget (row, GTK_TYPE_BUTTON, "move-down")));
  starling_test_click (starling_test_find_widget (row, GTK_TYPE_BUTTON, "move-down"));
  starling_test_wait_until (order_is, (gpointer) (const char *[]) { second, first, NULL });
  starling_test_wait_idle ();
  row = starling_accounts_window_get_row (accounts, first);
  starling_test_click (starling_test_find_widget (row, GTK_TYPE_BUTTON, "move-up"));
  starling_test_wait_until (order_is, (gpointer) (const char *[]) { first, second, NULL });
  starling_test_wait_idle ();

  /* Removing asks first, and says what it does. */
  row = starling_accounts_window_get_row (accounts, second);
  starling_test_click (starling_test_find_widget (row, GTK_TYPE_BUTTON, "remove"));
  confirm = ADW_MESSAGE_DIALOG (starling_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (confirm);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "revokes its access token"));
  g_assert_cmpstr (adw_message_dialog_get_close_response (confirm), ==, "cancel");
  starling_test_wait_for_draw (GTK_WIDGET (confirm));
  starling_test_save_screenshot (GTK_WIDGET (confirm), "remove-account");

  /* Cancel keeps it. */
  adw_message_dialog_response (confirm, "cancel");
  starling_test_wait_idle ();
  g_assert_true (n_accounts_is (GUINT_TO_POINTER (2)));

  row = starling_accounts_window_get_row (accounts, second);
  starling_test_click (starling_test_find_widget (row, GTK_TYPE_BUTTON, "remove"));
  confirm = ADW_MESSAGE_DIALOG (starling_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (confirm, "remove");
  starling_test_wait_until (n_accounts_is, GUINT_TO_POINTER (1));
  g_assert_cmpuint (starling_demo_server_count_requests (second_server, "POST", "/oauth/revoke"), ==, 1);
  g_assert_null (starling_accounts_window_get_row (accounts, second));
  g_assert_cmpstr (active_handle (), ==, first);

  gtk_window_close (GTK_WINDOW (accounts));
  wait_for_page (window, "signed-in");
}

/* 4. What goes wrong, each with a way back and nothing typed lost */

static void
expect_error (StarlingAddAccountDialog *dialog,
              const char               *title,
              const char               *in_message,
              gboolean                  can_retry)
{
  AdwStatusPage *page = ADW_STATUS_PAGE (dialog_child (dialog, "error_page"));

  wait_for_dialog_page (dialog, "error");
  g_assert_cmpstr (starling_add_account_dialog_get_error_title (dialog), ==, title);
  g_assert_cmpstr (adw_status_page_get_title (page), ==, title);
  if (strstr (adw_status_page_get_description (page), in_message) == NULL)
    g_error ("“%s” is not in “%s”", in_message, adw_status_page_get_description (page));
  g_assert_cmpint (gtk_widget_get_visible (dialog_child (dialog, "retry_button")), ==, can_retry);
}

static void
go_back (StarlingAddAccountDialog *dialog,
         const char               *page)
{
  starling_test_click (dialog_child (dialog, "error_back_button"));
  wait_for_dialog_page (dialog, page);
}

static char *
query_value (const char *uri,
             const char *name)
{
  g_autoptr (GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED, NULL);
  g_autoptr (GHashTable) params = NULL;

  g_assert_nonnull (parsed);
  params = soup_form_decode (g_uri_get_query (parsed));
  return g_strdup (g_hash_table_lookup (params, name));
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static gboolean
slot_filled (gpointer data)
{
  return *(gpointer *) data != NULL;
}

/* The demo server answers on this thread's main loop: the request runs
 * while the loop turns. */
static char *
fetch (SoupSession *session,
       SoupMessage *message)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;

  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL, fetched_cb, &result);
  starling_test_wait_until (slot_filled, &result);
  body = soup_session_send_and_read_finish (session, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, SOUP_STATUS_OK);
  return g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

/* The person approves the out-of-band page and copies the code it shows. */
static char *
copy_oob_code (const char *authorize_uri)
{
  g_autoptr (SoupSession) session = soup_session_new ();
  g_autoptr (SoupMessage) page = soup_message_new (SOUP_METHOD_GET, authorize_uri);
  g_autoptr (SoupMessage) approve = NULL;
  g_autoptr (GUri) uri = g_uri_parse (authorize_uri, G_URI_FLAGS_ENCODED, NULL);
  g_autoptr (GHashTable) form = NULL;
  g_autofree char *html = NULL;
  g_autofree char *action = NULL;
  const char *value;

  html = fetch (session, page);
  g_assert_nonnull (strstr (html, "value=\"approve\""));
  /* The values of a decoded form live with their keys. */
  form = soup_form_decode (g_uri_get_query (uri));
  g_hash_table_insert (form, g_strdup ("button"), (char *) "approve");
  action = g_strdup_printf ("http://%s:%d/oauth/authorize", g_uri_get_host (uri), g_uri_get_port (uri));
  approve = soup_message_new_from_encoded_form (SOUP_METHOD_POST, action, soup_form_encode_hash (form));
  g_free (html);
  html = fetch (session, approve);

  value = strstr (html, "class=\"oauth-code\" readonly value=\"");
  g_assert_nonnull (value);
  value += strlen ("class=\"oauth-code\" readonly value=\"");
  return g_strndup (value, strchr (value, '"') - value);
}

static void
test_errors (void)
{
  StarlingWindow *window = start ();
  StarlingAddAccountDialog *dialog;
  g_autoptr (StarlingTestServer) misskey = starling_test_server_new ();
  g_autoptr (StarlingTestServer) nothing = starling_test_server_new ();
  g_autoptr (SoupSession) session = soup_session_new ();
  g_autoptr (SoupMessage) message = NULL;
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GAsyncResult) refused = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *wellknown = NULL;
  g_autofree char *redirect = NULL;
  g_autofree char *code = NULL;

  wait_for_page (window, "signed-in");
  dialog = open_dialog (window);

  /* Plain http:// to another machine: refused before any request. */
  check_server (dialog, "http://example.com");
  expect_error (dialog, "Starling Needs a Secure Connection", "example.com", FALSE);
  go_back (dialog, "server");
  g_assert_cmpstr (editable_text (dialog_child (dialog, "server_entry")), ==, "http://example.com");

  /* Misskey: a fediverse server, without the Mastodon API. */
  wellknown = g_strdup_printf ("{\"links\":[{\"rel\":\"http://nodeinfo.diaspora.software/ns/schema/2.1\","
                               "\"href\":\"%s/nodeinfo/2.1\"}]}", starling_test_server_get_base_uri (misskey));
  starling_test_server_respond (misskey, "GET", "/.well-known/nodeinfo", SOUP_STATUS_OK, NULL, wellknown);
  starling_test_server_respond (misskey, "GET", "/nodeinfo/2.1", SOUP_STATUS_OK, NULL,
                                "{\"version\":\"2.1\",\"software\":{\"name\":\"misskey\",\"version\":\"2024.11.0\"},"
                                "\"protocols\":[\"activitypub\"],\"services\":{\"inbound\":[],\"outbound\":[]},"
                                "\"openRegistrations\":true,\"usage\":{\"users\":{\"total\":4210}},"
                                "\"metadata\":{\"nodeName\":\"Misskey Island\"}}");
  check_server (dialog, starling_test_server_get_base_uri (misskey));
  expect_error (dialog, "Starling Cannot Sign In Here", "runs Misskey, which does not offer the Mastodon API", FALSE);
  starling_test_wait_for_draw (GTK_WIDGET (dialog));
  starling_test_save_screenshot (GTK_WIDGET (dialog), "add-account-error");
  go_back (dialog, "server");

  /* Not a server at all. */
  check_server (dialog, starling_test_server_get_base_uri (nothing));
  expect_error (dialog, "Starling Cannot Sign In Here", "No fediverse server answers", FALSE);
  go_back (dialog, "server");

  /* A token the server refuses; the token stays where it was typed. */
  starling_test_set_text (dialog_child (dialog, "server_entry"), starling_demo_server_get_base_uri (first_server));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (dialog_child (dialog, "token_expander")), TRUE);
  starling_test_wait_for_draw (GTK_WIDGET (dialog));
  starling_test_set_text (dialog_child (dialog, "token_entry"), "not-a-token-of-this-server");
  starling_test_click (dialog_child (dialog, "token_button"));
  expect_error (dialog, "The Server Refused This Token", "", TRUE);
  go_back (dialog, "server");
  g_assert_cmpstr (editable_text (dialog_child (dialog, "token_entry")), ==, "not-a-token-of-this-server");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (dialog_child (dialog, "token_expander")), FALSE);

  /* Giving up on the browser: back to the card, and the loopback port is
   * closed. */
  check_server (dialog, starling_demo_server_get_base_uri (first_server));
  wait_for_dialog_page (dialog, "card");
  browser_reset (FALSE);
  starling_test_click (dialog_child (dialog, "continue_button"));
  starling_test_wait_until (browser_opened, NULL);
  wait_for_dialog_page (dialog, "waiting");
  redirect = query_value (g_ptr_array_index (browser.opened, 0), "redirect_uri");
  g_assert_true (g_str_has_prefix (redirect, "http://127.0.0.1:"));
  starling_test_click (dialog_child (dialog, "waiting_cancel_button"));
  wait_for_dialog_page (dialog, "card");
  message = soup_message_new (SOUP_METHOD_GET, redirect);
  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL, fetched_cb, &refused);
  starling_test_wait_until (slot_filled, &refused);
  body = soup_session_send_and_read_finish (session, refused, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);

  /* The code by hand: a wrong one is refused, and stays to be corrected. */
  browser_reset (FALSE);
  starling_test_click (dialog_child (dialog, "card_code_button"));
  starling_test_wait_until (browser_opened, NULL);
  wait_for_dialog_page (dialog, "code");
  {
    g_autofree char *oob = query_value (g_ptr_array_index (browser.opened, 0), "redirect_uri");

    g_assert_cmpstr (oob, ==, "urn:ietf:wg:oauth:2.0:oob");
  }
  starling_test_set_text (dialog_child (dialog, "code_entry"), "not-the-code");
  starling_test_click (dialog_child (dialog, "code_sign_in_button"));
  expect_error (dialog, "The Code Was Refused", "", TRUE);
  go_back (dialog, "code");
  g_assert_cmpstr (editable_text (dialog_child (dialog, "code_entry")), ==, "not-the-code");

  /* The code the server shows signs in. */
  code = copy_oob_code (g_ptr_array_index (browser.opened, 0));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  starling_test_set_text (dialog_child (dialog, "code_entry"), code);
  starling_test_click (dialog_child (dialog, "code_sign_in_button"));
  starling_test_wait_until (pointer_is_null, &dialog);
  wait_for_page (window, "signed-in");
  g_assert_true (n_accounts_is (GUINT_TO_POINTER (1)));
}

/* 5. The server goes away: a banner says so, and the stream keeps
 * trying. */

static gboolean
banner_says_cannot_reach (gpointer data)
{
  const char *message = starling_main_view_get_banner_message (data);

  return message != NULL && g_str_has_prefix (message, "Cannot reach 127.0.0.1");
}

static void
test_cannot_reach (void)
{
  StarlingWindow *window = start ();
  StarlingMainView *view = starling_window_get_main_view (window);

  wait_for_page (window, "signed-in");
  g_assert_null (starling_main_view_get_banner_message (view));

  starling_demo_server_stop (first_server);
  starling_test_wait_until (banner_says_cannot_reach, view);
  g_assert_true (gtk_widget_get_visible (starling_test_find_widget (GTK_WIDGET (view), GTK_TYPE_BUTTON,
                                                                    "banner_button")));
  /* Try Again asks the stream to connect now; the server is still away. */
  starling_test_click (starling_test_find_widget (GTK_WIDGET (view), GTK_TYPE_BUTTON, "banner_button"));
  starling_test_wait_until (banner_says_cannot_reach, view);
  g_assert_cmpstr (starling_window_get_visible_page (window), ==, "signed-in");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Pages, banners and dialogs appear at once: what is checked and saved
   * is never half-way through a transition. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  browser.opened = g_ptr_array_new_with_free_func (g_free);
  app = starling_test_application_new ("accounts", &data_dir, NULL);
  starling_application_set_open_uri_func (app, open_uri_cb, NULL, NULL);

  g_test_add_func ("/starling/accounts-ui/try-demo", test_try_demo);
  g_test_add_func ("/starling/accounts-ui/sign-in", test_sign_in);
  g_test_add_func ("/starling/accounts-ui/second-account", test_second_account);
  g_test_add_func ("/starling/accounts-ui/errors", test_errors);
  g_test_add_func ("/starling/accounts-ui/cannot-reach", test_cannot_reach);

  ret = g_test_run ();

  g_clear_object (&app);
  g_clear_object (&first_server);
  g_clear_object (&second_server);
  g_ptr_array_unref (browser.opened);
  g_clear_error (&browser.error);
  starling_test_remove_tree (data_dir);
  g_free (data_dir);
  return ret;
}
