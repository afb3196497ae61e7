/* starling-add-account-dialog.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adding an account, step by step: which server (typed, as a URL or a
 * handle, or picked from a few well-known ones), a check that it speaks the
 * Mastodon API with a card that shows what it is, the browser, and the
 * account. The fallbacks are a code pasted by hand and an access token.
 * Every failure has a page that says what happened, with a way back; what
 * was typed stays where it was.
 */

#define G_LOG_DOMAIN "starling-accounts"

#include "config.h"

#include <glib/gi18n.h>

#include "api/starling-api-error.h"
#include "api/starling-discovery.h"
#include "store/starling-store-error.h"
#include "ui/common/starling-accessibility.h"

#include "starling-add-account-dialog.h"
#include "starling-avatar.h"

#define ACCOUNTS_RESOURCE RESOURCE_BASE "/accounts"

/* What a failure interrupted, so Try Again knows what to do again. */
typedef enum
{
  STEP_CHECK,
  STEP_BROWSER,
  STEP_CODE_PREPARE,
  STEP_CODE_EXCHANGE,
  STEP_TOKEN,
} Step;

typedef struct
{
  const char *domain;
  const char *description;
} KnownServer;

static const KnownServer known_servers[] = {
  { "mastodon.social", N_("The largest Mastodon server, run by the Mastodon team") },
  { "mastodon.online", N_("A general server, also run by the Mastodon team") },
  { "fosstodon.org", N_("For people in free and open source software") },
  { "hachyderm.io", N_("For people who work in technology") },
  { "mstdn.social", N_("A general server for everyone") },
};

struct _StarlingAddAccountDialog
{
  AdwWindow               parent_instance;

  StarlingAccountManager *manager;
  StarlingOpenUriFunc     open_uri;
  gpointer                open_uri_data;

  GCancellable           *cancellable;
  StarlingServerInfo     *server_info;
  StarlingOAuth          *oauth;
  char                   *base_uri;
  char                   *authorize_uri;
  char                   *sign_in_handle;
  Step                    failed_step;
  const char             *return_page;
  char                   *error_title;

  /* Template widgets */
  AdwWindowTitle         *window_title;
  GtkButton              *back_button;
  GtkStack               *stack;
  AdwPreferencesGroup    *server_group;
  AdwEntryRow            *server_entry;
  GtkButton              *check_button;
  AdwPreferencesGroup    *known_servers_group;
  AdwPreferencesGroup    *token_group;
  AdwExpanderRow         *token_expander;
  AdwPasswordEntryRow    *token_entry;
  GtkButton              *token_button;
  AdwStatusPage          *busy_page;
  GtkSpinner             *busy_spinner;
  GtkButton              *busy_cancel_button;
  AdwAvatar              *server_avatar;
  GtkLabel               *server_title;
  AdwPreferencesGroup    *server_facts_group;
  AdwActionRow           *server_domain_row;
  AdwActionRow           *server_software_row;
  AdwActionRow           *server_users_row;
  GtkButton              *continue_button;
  AdwStatusPage          *waiting_page;
  GtkSpinner             *waiting_spinner;
  AdwPreferencesGroup    *code_group;
  AdwEntryRow            *code_entry;
  GtkButton              *code_sign_in_button;
  AdwStatusPage          *error_page;
  GtkButton              *retry_button;
  GtkButton              *error_back_button;
  GtkButton              *card_code_button;
  GtkButton              *waiting_cancel_button;
};

G_DEFINE_FINAL_TYPE (StarlingAddAccountDialog, starling_add_account_dialog, ADW_TYPE_WINDOW)

enum {
  ACCOUNT_ADDED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void check_server    (StarlingAddAccountDialog *self);
static void start_browser   (StarlingAddAccountDialog *self);
static void start_code      (StarlingAddAccountDialog *self);
static void exchange_code   (StarlingAddAccountDialog *self);
static void sign_in_with_token (StarlingAddAccountDialog *self);

static GCancellable *
restart_cancellable (StarlingAddAccountDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  return self->cancellable;
}

static void
show_page (StarlingAddAccountDialog *self,
           const char               *name)
{
  gboolean busy = g_str_equal (name, "busy");
  gboolean waiting = g_str_equal (name, "waiting");

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_spinner_set_spinning (self->busy_spinner, busy);
  gtk_spinner_set_spinning (self->waiting_spinner, waiting);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button),
                          g_str_equal (name, "card") || g_str_equal (name, "code") || g_str_equal (name, "error"));

  /* The keyboard lands where the page wants it. */
  if (g_str_equal (name, "server"))
    gtk_widget_grab_focus (GTK_WIDGET (self->server_entry));
  else if (g_str_equal (name, "card"))
    gtk_widget_grab_focus (GTK_WIDGET (self->continue_button));
  else if (g_str_equal (name, "code"))
    gtk_widget_grab_focus (GTK_WIDGET (self->code_entry));
  else if (g_str_equal (name, "error"))
    gtk_widget_grab_focus (gtk_widget_get_visible (GTK_WIDGET (self->retry_button))
                           ? GTK_WIDGET (self->retry_button) : GTK_WIDGET (self->error_back_button));
  else if (waiting)
    gtk_widget_grab_focus (GTK_WIDGET (self->waiting_cancel_button));
}

static void
show_busy (StarlingAddAccountDialog *self,
           const char               *title,
           const char               *description)
{
  adw_status_page_set_title (self->busy_page, title);
  adw_status_page_set_description (self->busy_page, description);
  show_page (self, "busy");
  gtk_widget_grab_focus (GTK_WIDGET (self->busy_cancel_button));
}

static const char *
server_shown (StarlingAddAccountDialog *self)
{
  if (self->server_info != NULL)
    return starling_server_info_get_domain (self->server_info);
  return gtk_editable_get_text (GTK_EDITABLE (self->server_entry));
}

static char *
title_for_error (Step          step,
                 const GError *error)
{
  if (error->domain == STARLING_STORE_ERROR)
    {
      if (error->code == STARLING_STORE_ERROR_LOCKED)
        return g_strdup (_("The Keyring Is Locked"));
      if (error->code == STARLING_STORE_ERROR_UNAVAILABLE)
        return g_strdup (_("No Keyring Is Available"));
      return g_strdup (_("The Account Could Not Be Saved"));
    }

  if (error->domain != STARLING_API_ERROR)
    return g_strdup (_("Signing In Failed"));

  switch ((StarlingApiError) error->code)
    {
    case STARLING_API_ERROR_NETWORK:
      return g_strdup (_("Cannot Reach the Server"));
    case STARLING_API_ERROR_TLS:
      return g_strdup (_("The Server’s Certificate Is Not Valid"));
    case STARLING_API_ERROR_INSECURE:
      return g_strdup (_("Starling Needs a Secure Connection"));
    case STARLING_API_ERROR_UNAUTHORIZED:
      return g_strdup (step == STEP_TOKEN ? _("The Server Refused This Token")
                                          : _("The Server Refused the Sign-In"));
    case STARLING_API_ERROR_FORBIDDEN:
      return g_strdup (step == STEP_BROWSER ? _("Access Was Not Granted")
                                            : _("The Server Refused the Sign-In"));
    case STARLING_API_ERROR_NOT_FOUND:
      return g_strdup (step == STEP_CHECK ? _("Starling Cannot Sign In Here")
                                          : _("Signing In Failed"));
    case STARLING_API_ERROR_VALIDATION:
      if (step == STEP_CHECK)
        return g_strdup (_("That Is Not a Server Address"));
      if (step == STEP_CODE_EXCHANGE)
        return g_strdup (_("The Code Was Refused"));
      return g_strdup (_("The Server Refused the Sign-In"));
    case STARLING_API_ERROR_RATE_LIMITED:
      return g_strdup (_("The Server Asks Starling to Wait"));
    case STARLING_API_ERROR_SERVER:
      return g_strdup (_("The Server Has a Problem"));
    case STARLING_API_ERROR_MALFORMED:
      return g_strdup (_("The Server Gave an Answer Starling Cannot Read"));
    case STARLING_API_ERROR_GONE:
    case STARLING_API_ERROR_CONFLICT:
    case STARLING_API_ERROR_FAILED:
    default:
      return g_strdup (_("Signing In Failed"));
    }
}

/* Whether doing the same again can help: not for an address that is not
 * one, nor for a server without the Mastodon API. */
static gboolean
can_retry (Step          step,
           const GError *error)
{
  if (step == STEP_CHECK &&
      (g_error_matches (error, STARLING_API_ERROR, STARLING_API_ERROR_VALIDATION) ||
       g_error_matches (error, STARLING_API_ERROR, STARLING_API_ERROR_INSECURE) ||
       g_error_matches (error, STARLING_API_ERROR, STARLING_API_ERROR_NOT_FOUND)))
    return FALSE;

  return !g_error_matches (error, STARLING_API_ERROR, STARLING_API_ERROR_INSECURE);
}

static void
show_error (StarlingAddAccountDialog *self,
            Step                      step,
            const char               *return_page,
            const GError             *error)
{
  g_free (self->error_title);
  self->error_title = title_for_error (step, error);
  self->failed_step = step;
  self->return_page = return_page;

  adw_status_page_set_title (self->error_page, self->error_title);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), can_retry (step, error));
  show_page (self, "error");
}

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
fill_card (StarlingAddAccountDialog *self)
{
  StarlingServerInfo *info = self->server_info;
  g_autofree char *title = starling_server_info_dup_title (info);
  g_autofree char *software = NULL;
  g_autofree char *users = NULL;
  const char *version = starling_server_info_get_software_version (info);
  StarlingSoftware kind = starling_server_info_get_software (info);
  gint64 total = starling_server_info_get_users_total (info);
  const char *name;

  if (kind != STARLING_SOFTWARE_UNKNOWN)
    name = starling_software_get_display_name (kind);
  else if (starling_server_info_get_nodeinfo (info) != NULL)
    name = starling_nodeinfo_get_software_name (starling_server_info_get_nodeinfo (info));
  else
    name = _("Software that speaks the Mastodon API");

  if (version != NULL && *version != '\0')
    software = g_strdup_printf ("%s %s", name, version);
  else
    software = g_strdup (name);

  if (total >= 0)
    users = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'" G_GINT64_FORMAT " account",
                                          "%'" G_GINT64_FORMAT " accounts", total), total);

  gtk_label_set_label (self->server_title, title);
  adw_avatar_set_text (self->server_avatar, title);
  adw_action_row_set_subtitle (self->server_domain_row, starling_server_info_get_domain (info));
  adw_action_row_set_subtitle (self->server_software_row, software);
  gtk_widget_set_visible (GTK_WIDGET (self->server_users_row), users != NULL);
  if (users != NULL)
    adw_action_row_set_subtitle (self->server_users_row, users);
}

/* The last step: the manager verifies the token, keeps it and makes the
 * account the active one. */

typedef struct
{
  StarlingAddAccountDialog *self;
  Step                      step;
} AddData;

static void
added_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autofree AddData *data = user_data;
  g_autoptr (StarlingAddAccountDialog) self = data->self;
  g_autoptr (StarlingAccountSession) account = NULL;
  g_autoptr (GError) error = NULL;

  account = starling_account_manager_add_finish (STARLING_ACCOUNT_MANAGER (object), result, &error);
  if (account == NULL)
    {
      if (is_cancelled (error))
        return;
      /* The way back leads to where the token came from. */
      if (data->step == STEP_TOKEN)
        show_error (self, STEP_TOKEN, "server", error);
      else if (data->step == STEP_CODE_EXCHANGE)
        show_error (self, STEP_CODE_EXCHANGE, "code", error);
      else
        show_error (self, STEP_BROWSER, "card", error);
      return;
    }

  g_debug ("Signed in as %s", starling_account_session_get_handle (account));
  g_signal_emit (self, signals[ACCOUNT_ADDED], 0, account);
  gtk_window_close (GTK_WINDOW (self));
}

static void
add_account (StarlingAddAccountDialog *self,
             const char               *base_uri,
             const char               *access_token,
             Step                      step)
{
  g_autofree char *description = NULL;
  AddData *data;

  description = g_strdup_printf (_("Starling checks the account with %s."), server_shown (self));
  show_busy (self, _("Signing In…"), description);

  data = g_new0 (AddData, 1);
  data->self = g_object_ref (self);
  data->step = step;
  starling_account_manager_add_async (self->manager, base_uri, access_token,
                                      restart_cancellable (self), added_cb, data);
}

/* 1. The server */

static void
probe_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (StarlingAddAccountDialog) self = user_data;
  g_autoptr (StarlingServerInfo) info = NULL;
  g_autoptr (GError) error = NULL;

  info = starling_discovery_probe_finish (result, &error);
  if (info == NULL)
    {
      if (!is_cancelled (error))
        show_error (self, STEP_CHECK, "server", error);
      return;
    }

  if (!starling_server_info_check_mastodon_api (info, &error))
    {
      show_error (self, STEP_CHECK, "server", error);
      return;
    }

  g_set_object (&self->server_info, info);
  g_free (self->base_uri);
  self->base_uri = g_strdup (starling_server_info_get_base_uri (info));
  fill_card (self);
  show_page (self, "card");
}

static void
check_server (StarlingAddAccountDialog *self)
{
  SoupSession *session = starling_account_manager_get_session (self->manager);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->server_entry));
  g_autofree char *base = NULL;
  g_autofree char *description = NULL;
  g_autoptr (GError) error = NULL;

  base = starling_discovery_normalize_input (session, text, &error);
  if (base == NULL)
    {
      show_error (self, STEP_CHECK, "server", error);
      return;
    }

  /* Another server: what was learnt about the last one no longer holds. */
  if (g_strcmp0 (base, self->base_uri) != 0)
    {
      g_clear_object (&self->server_info);
      g_clear_object (&self->oauth);
      g_clear_pointer (&self->authorize_uri, g_free);
      g_free (self->base_uri);
      self->base_uri = g_steal_pointer (&base);
    }

  description = g_strdup_printf (_("Starling makes sure %s is a server it can sign in to."), text);
  show_busy (self, _("Checking the Server…"), description);
  starling_discovery_probe_async (session, text, restart_cancellable (self),
                                  probe_cb, g_object_ref (self));
}

/* 2. The browser */

static gboolean
force_login (StarlingAddAccountDialog *self)
{
  GListModel *accounts = G_LIST_MODEL (self->manager);

  /* A second account on a server the browser is signed in to needs the
   * server's login form, not the account already signed in. */
  if (self->sign_in_handle != NULL)
    return TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr (StarlingAccountSession) account = g_list_model_get_item (accounts, i);

      if (g_strcmp0 (starling_account_session_get_base_uri (account), self->base_uri) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
open_uri_cb (StarlingOAuth *oauth,
             const char    *uri,
             gpointer       user_data)
{
  StarlingAddAccountDialog *self = user_data;

  g_free (self->authorize_uri);
  self->authorize_uri = g_strdup (uri);
  self->open_uri (GTK_WINDOW (self), uri, self->open_uri_data);
}

static void
authorize_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (StarlingAddAccountDialog) self = user_data;
  g_autoptr (StarlingOAuthToken) token = NULL;
  g_autoptr (GError) error = NULL;

  token = starling_oauth_authorize_finish (STARLING_OAUTH (object), result, &error);
  if (token == NULL)
    {
      if (!is_cancelled (error))
        show_error (self, STEP_BROWSER, "card", error);
      return;
    }

  /* The browser came back: this window comes to the front again. */
  gtk_window_present (GTK_WINDOW (self));
  add_account (self, self->base_uri, starling_oauth_token_get_access_token (token), STEP_BROWSER);
}

static void
authorize (StarlingAddAccountDialog *self)
{
  show_page (self, "waiting");
  starling_oauth_authorize_async (self->oauth, force_login (self), open_uri_cb, self,
                                  self->cancellable, authorize_cb, g_object_ref (self));
}

typedef void (*PreparedFunc) (StarlingAddAccountDialog *self);

static void
prepared_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (StarlingAddAccountDialog) self = user_data;
  g_autoptr (StarlingOAuth) oauth = NULL;
  g_autoptr (GError) error = NULL;
  PreparedFunc next = g_object_get_data (G_OBJECT (self), "starling-prepared-next");
  Step step = next == authorize ? STEP_BROWSER : STEP_CODE_PREPARE;

  oauth = starling_account_manager_prepare_oauth_finish (STARLING_ACCOUNT_MANAGER (object), result, &error);
  if (oauth == NULL)
    {
      if (!is_cancelled (error))
        show_error (self, step, "card", error);
      return;
    }

  if (self->server_info != NULL)
    starling_oauth_apply_quirks (oauth, starling_server_info_get_quirks (self->server_info));
  g_set_object (&self->oauth, oauth);
  next (self);
}

/* Discovers and registers (once per server; the manager keeps the
 * registration), then goes on with @next. */
static void
prepare_then (StarlingAddAccountDialog *self,
              PreparedFunc              next,
              const char               *busy_title)
{
  restart_cancellable (self);

  if (self->oauth != NULL)
    {
      next (self);
      return;
    }

  if (next != authorize)
    show_busy (self, busy_title, NULL);
  else
    show_page (self, "waiting");
  g_object_set_data (G_OBJECT (self), "starling-prepared-next", next);
  starling_account_manager_prepare_oauth_async (self->manager, self->base_uri, self->cancellable,
                                                prepared_cb, g_object_ref (self));
}

static void
start_browser (StarlingAddAccountDialog *self)
{
  prepare_then (self, authorize, NULL);
}

/* 3. The code by hand */

static void
open_oob_page (StarlingAddAccountDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = NULL;

  uri = starling_oauth_get_oob_authorize_uri (self->oauth, force_login (self), &error);
  if (uri == NULL)
    {
      show_error (self, STEP_CODE_PREPARE, "card", error);
      return;
    }

  g_free (self->authorize_uri);
  self->authorize_uri = g_strdup (uri);
  self->open_uri (GTK_WINDOW (self), uri, self->open_uri_data);
  show_page (self, "code");
}

static void
start_code (StarlingAddAccountDialog *self)
{
  prepare_then (self, open_oob_page, _("Preparing the Sign-In…"));
}

static void
exchanged_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (StarlingAddAccountDialog) self = user_data;
  g_autoptr (StarlingOAuthToken) token = NULL;
  g_autoptr (GError) error = NULL;

  token = starling_oauth_exchange_code_finish (STARLING_OAUTH (object), result, &error);
  if (token == NULL)
    {
      if (!is_cancelled (error))
        show_error (self, STEP_CODE_EXCHANGE, "code", error);
      return;
    }

  add_account (self, self->base_uri, starling_oauth_token_get_access_token (token), STEP_CODE_EXCHANGE);
}

static void
exchange_code (StarlingAddAccountDialog *self)
{
  g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->code_entry))));

  if (*code == '\0' || self->oauth == NULL)
    return;

  show_busy (self, _("Signing In…"), NULL);
  starling_oauth_exchange_code_async (self->oauth, code, restart_cancellable (self),
                                      exchanged_cb, g_object_ref (self));
}

/* 4. An access token */

static void
sign_in_with_token (StarlingAddAccountDialog *self)
{
  SoupSession *session = starling_account_manager_get_session (self->manager);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->server_entry));
  g_autofree char *token = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->token_entry))));
  g_autofree char *base = NULL;
  g_autoptr (GError) error = NULL;

  if (*token == '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->token_entry));
      return;
    }

  base = starling_discovery_normalize_input (session, text, &error);
  if (base == NULL)
    {
      show_error (self, STEP_TOKEN, "server", error);
      return;
    }

  if (g_strcmp0 (base, self->base_uri) != 0)
    {
      g_clear_object (&self->server_info);
      g_clear_object (&self->oauth);
      g_free (self->base_uri);
      self->base_uri = g_strdup (base);
    }

  add_account (self, base, token, STEP_TOKEN);
}

/* Callbacks */

static void
server_changed_cb (StarlingAddAccountDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->server_entry));

  gtk_widget_set_sensitive (GTK_WIDGET (self->check_button), *text != '\0');
}

static void
server_activated_cb (StarlingAddAccountDialog *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->server_entry)) != '\0')
    check_server (self);
}

static void
check_clicked_cb (StarlingAddAccountDialog *self)
{
  check_server (self);
}

static void
known_server_activated_cb (AdwActionRow             *row,
                           StarlingAddAccountDialog *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->server_entry), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  check_server (self);
}

static void
continue_clicked_cb (StarlingAddAccountDialog *self)
{
  start_browser (self);
}

static void
code_clicked_cb (StarlingAddAccountDialog *self)
{
  start_code (self);
}

static void
code_changed_cb (StarlingAddAccountDialog *self)
{
  g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->code_entry))));

  gtk_widget_set_sensitive (GTK_WIDGET (self->code_sign_in_button), *code != '\0');
}

static void
code_activated_cb (StarlingAddAccountDialog *self)
{
  exchange_code (self);
}

static void
token_activated_cb (StarlingAddAccountDialog *self)
{
  sign_in_with_token (self);
}

static void
reopen_clicked_cb (StarlingAddAccountDialog *self)
{
  if (self->authorize_uri != NULL)
    self->open_uri (GTK_WINDOW (self), self->authorize_uri, self->open_uri_data);
}

static void
cancel_clicked_cb (StarlingAddAccountDialog *self)
{
  /* Giving up on the browser closes the loopback port; the way back is the
   * card, with everything typed still there. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  show_page (self, self->server_info != NULL ? "card" : "server");
}

static void
back_clicked_cb (StarlingAddAccountDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  if (g_str_equal (page, "error"))
    show_page (self, self->return_page != NULL ? self->return_page : "server");
  else if (g_str_equal (page, "code") && self->server_info != NULL)
    show_page (self, "card");
  else
    show_page (self, "server");
}

static void
retry_clicked_cb (StarlingAddAccountDialog *self)
{
  switch (self->failed_step)
    {
    case STEP_CHECK:
      check_server (self);
      break;
    case STEP_BROWSER:
      start_browser (self);
      break;
    case STEP_CODE_PREPARE:
      start_code (self);
      break;
    case STEP_CODE_EXCHANGE:
      exchange_code (self);
      break;
    case STEP_TOKEN:
      sign_in_with_token (self);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
starling_add_account_dialog_dispose (GObject *object)
{
  StarlingAddAccountDialog *self = STARLING_ADD_ACCOUNT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), STARLING_TYPE_ADD_ACCOUNT_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->server_info);
  g_clear_object (&self->oauth);
  g_clear_object (&self->manager);

  G_OBJECT_CLASS (starling_add_account_dialog_parent_class)->dispose (object);
}

static void
starling_add_account_dialog_finalize (GObject *object)
{
  StarlingAddAccountDialog *self = STARLING_ADD_ACCOUNT_DIALOG (object);

  g_free (self->base_uri);
  g_free (self->authorize_uri);
  g_free (self->sign_in_handle);
  g_free (self->error_title);

  G_OBJECT_CLASS (starling_add_account_dialog_parent_class)->finalize (object);
}

static void
starling_add_account_dialog_class_init (StarlingAddAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = starling_add_account_dialog_dispose;
  object_class->finalize = starling_add_account_dialog_finalize;

  /**
   * StarlingAddAccountDialog::account-added:
   * @self: the dialog
   * @account: the #StarlingAccountSession signed in
   *
   * Emitted when the account is signed in, just before the dialog closes.
   */
  signals[ACCOUNT_ADDED] =
    g_signal_new ("account-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, STARLING_TYPE_ACCOUNT_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class, ACCOUNTS_RESOURCE "/starling-add-account-dialog.ui");
  /* A dialog, named by its title. (GTK 4.8 puts a window made once the
   * accessibility bus is up on the bus while GtkWindow makes it, before
   * this role counts: it reads as a "widget" there all the same.) */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, server_group);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, server_entry);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, check_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, known_servers_group);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, token_group);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, token_expander);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, token_entry);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, token_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, busy_page);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, busy_cancel_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, server_avatar);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, server_title);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, server_facts_group);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, server_domain_row);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, server_software_row);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, server_users_row);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, continue_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, waiting_page);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, waiting_spinner);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, code_group);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, code_entry);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, code_sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, retry_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, error_back_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, card_code_button);
  gtk_widget_class_bind_template_child (widget_class, StarlingAddAccountDialog, waiting_cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, server_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, server_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, check_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, token_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, continue_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, code_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, reopen_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, code_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, code_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);

  /* Escape closes the dialog, and with it whatever it was waiting for. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
starling_add_account_dialog_init (StarlingAddAccountDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The groups without a title: their lists say what they hold. */
  starling_accessibility_name_group_list (self->server_group, _("Server"));
  starling_accessibility_name_group_list (self->token_group, _("Access Token"));
  starling_accessibility_name_group_list (self->server_facts_group, _("About the Server"));
  starling_accessibility_name_group_list (self->code_group, _("Authorization Code"));

  for (guint i = 0; i < G_N_ELEMENTS (known_servers); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), known_servers[i].domain);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(known_servers[i].description));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_widget_set_name (row, known_servers[i].domain);
      g_signal_connect_object (row, "activated", G_CALLBACK (known_server_activated_cb), self, 0);
      adw_preferences_group_add (self->known_servers_group, row);
    }

  show_page (self, "server");
}

/**
 * starling_add_account_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @manager: the accounts to add to
 * @open_uri: opens the server's sign-in page in the browser
 * @open_uri_data: data for @open_uri
 *
 * Returns: (transfer full): a new #StarlingAddAccountDialog, on the page
 *   that asks for the server
 */
StarlingAddAccountDialog *
starling_add_account_dialog_new (GtkWindow              *parent,
                                 StarlingAccountManager *manager,
                                 StarlingOpenUriFunc     open_uri,
                                 gpointer                open_uri_data)
{
  StarlingAddAccountDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STARLING_IS_ACCOUNT_MANAGER (manager), NULL);
  g_return_val_if_fail (open_uri != NULL, NULL);

  self = g_object_new (STARLING_TYPE_ADD_ACCOUNT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->manager = g_object_ref (manager);
  self->open_uri = open_uri;
  self->open_uri_data = open_uri_data;

  return self;
}

/**
 * starling_add_account_dialog_sign_in_again:
 * @self: a #StarlingAddAccountDialog
 * @account: an account whose server refused its token
 *
 * Turns the dialog into the sign-in of @account again: the server is
 * filled in and checked at once, and the server's login form is asked for
 * so the right account can be chosen.
 */
void
starling_add_account_dialog_sign_in_again (StarlingAddAccountDialog *self,
                                           StarlingAccountSession   *account)
{
  g_autofree char *subtitle = NULL;

  g_return_if_fail (STARLING_IS_ADD_ACCOUNT_DIALOG (self));
  g_return_if_fail (STARLING_IS_ACCOUNT_SESSION (account));

  g_free (self->sign_in_handle);
  self->sign_in_handle = g_strdup (starling_account_session_get_handle (account));
  subtitle = g_strconcat ("@", self->sign_in_handle, NULL);

  gtk_window_set_title (GTK_WINDOW (self), _("Sign In Again"));
  adw_window_title_set_title (self->window_title, _("Sign In Again"));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_editable_set_text (GTK_EDITABLE (self->server_entry), starling_account_session_get_base_uri (account));
  check_server (self);
}

/**
 * starling_add_account_dialog_get_page:
 * @self: a #StarlingAddAccountDialog
 *
 * Returns: the step shown: `server`, `busy`, `card`, `waiting`, `code` or
 *   `error`
 */
const char *
starling_add_account_dialog_get_page (StarlingAddAccountDialog *self)
{
  g_return_val_if_fail (STARLING_IS_ADD_ACCOUNT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * starling_add_account_dialog_get_error_title:
 * @self: a #StarlingAddAccountDialog
 *
 * Returns: (nullable): the title of the last failure, such as “Cannot
 *   Reach the Server”
 */
const char *
starling_add_account_dialog_get_error_title (StarlingAddAccountDialog *self)
{
  g_return_val_if_fail (STARLING_IS_ADD_ACCOUNT_DIALOG (self), NULL);

  return self->error_title;
}
