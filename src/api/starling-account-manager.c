/* starling-account-manager.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-accounts"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "store/starling-store-error.h"

#include "starling-account-manager.h"
#include "starling-api-error.h"
#include "starling-discovery.h"

/* The setting that names the account the window shows. */
#define ACTIVE_ACCOUNT_SETTING "active-account"

struct _StarlingAccountSession
{
  GObject                  parent_instance;

  /* Not owned: the manager owns its sessions. */
  StarlingAccountManager  *manager;

  StarlingStoredAccount   *stored;
  /* The handle up to its '@', shown when there is no display name. */
  char                    *username;
  StarlingAccountState     state;
  GError                  *error;
  StarlingAccount         *account;
  StarlingEntityMap       *map;
  StarlingClient          *client;
  StarlingStreaming       *streaming;

  /* The token, in memory only while the account is signed in: to revoke
   * it at sign-out without asking the keyring again. Wiped when dropped. */
  StarlingSecret          *token;

  /* The account's own network calls (verification, the instance); cancelled
   * when the account is removed or signs in again. */
  GCancellable            *cancellable;
};

G_DEFINE_FINAL_TYPE (StarlingAccountSession, starling_account_session, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (StarlingAccountState, starling_account_state,
  G_DEFINE_ENUM_VALUE (STARLING_ACCOUNT_STATE_LOADING, "loading"),
  G_DEFINE_ENUM_VALUE (STARLING_ACCOUNT_STATE_READY, "ready"),
  G_DEFINE_ENUM_VALUE (STARLING_ACCOUNT_STATE_NEEDS_SIGN_IN, "needs-sign-in"),
  G_DEFINE_ENUM_VALUE (STARLING_ACCOUNT_STATE_LOCKED, "locked"),
  G_DEFINE_ENUM_VALUE (STARLING_ACCOUNT_STATE_UNAVAILABLE, "unavailable"))

enum {
  SESSION_PROP_0,
  SESSION_PROP_HANDLE,
  SESSION_PROP_BASE_URI,
  SESSION_PROP_DISPLAY_NAME,
  SESSION_PROP_AVATAR_URL,
  SESSION_PROP_STATE,
  SESSION_PROP_ERROR,
  SESSION_PROP_ACCOUNT,
  SESSION_PROP_ENTITY_MAP,
  SESSION_PROP_CLIENT,
  SESSION_PROP_STREAMING,
  SESSION_N_PROPS
};

static GParamSpec *session_properties [SESSION_N_PROPS];

struct _StarlingAccountManager
{
  GObject                  parent_instance;

  SoupSession             *session;
  StarlingDatabase        *database;
  StarlingSecretStore     *secret_store;

  GPtrArray               *sessions;
  StarlingAccountSession  *active;

  /* Without a secret store: "kind\x1fkey" → secret, wiped when dropped. */
  GHashTable              *memory_secrets;

  GCancellable            *cancellable;

  /* Loading: the callers waiting for the pass under way, and whether
   * another pass was asked meanwhile. */
  GPtrArray               *load_waiters;
  gboolean                 loading;
  gboolean                 load_again;
  gboolean                 active_restored;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StarlingAccountManager, starling_account_manager, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_SESSION,
  PROP_DATABASE,
  PROP_SECRET_STORE,
  PROP_ACTIVE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* StarlingAccountSession */

static void
session_notify (StarlingAccountSession *self,
                guint                   prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), session_properties[prop]);
}

static void
session_set_state (StarlingAccountSession *self,
                   StarlingAccountState    state,
                   const GError           *error)
{
  gboolean error_changed = (self->error != NULL) != (error != NULL) ||
                           (error != NULL && g_strcmp0 (error->message, self->error->message) != 0);

  if (error_changed)
    {
      g_clear_error (&self->error);
      if (error != NULL)
        self->error = g_error_copy (error);
    }

  if (self->state != state)
    {
      g_autofree char *name = g_enum_to_string (STARLING_TYPE_ACCOUNT_STATE, state);

      g_debug ("%s: %s", self->stored->handle, name);
      self->state = state;
      session_notify (self, SESSION_PROP_STATE);
    }

  if (error_changed)
    session_notify (self, SESSION_PROP_ERROR);
}

/* Takes what the server says of the account into the record; returns
 * whether anything the database keeps changed. */
static gboolean
session_set_account (StarlingAccountSession *self,
                     StarlingAccount        *account)
{
  const char *display_name = account != NULL ? starling_account_get_display_name (account) : NULL;
  const char *avatar_url = account != NULL ? starling_account_get_avatar (account) : NULL;
  gboolean changed = FALSE;

  if (g_set_object (&self->account, account))
    session_notify (self, SESSION_PROP_ACCOUNT);

  if (account == NULL)
    return FALSE;

  if (display_name != NULL && *display_name == '\0')
    display_name = NULL;
  if (g_strcmp0 (self->stored->display_name, display_name) != 0)
    {
      g_free (self->stored->display_name);
      self->stored->display_name = g_strdup (display_name);
      session_notify (self, SESSION_PROP_DISPLAY_NAME);
      changed = TRUE;
    }

  if (g_strcmp0 (self->stored->avatar_url, avatar_url) != 0)
    {
      g_free (self->stored->avatar_url);
      self->stored->avatar_url = g_strdup (avatar_url);
      session_notify (self, SESSION_PROP_AVATAR_URL);
      changed = TRUE;
    }

  if (g_strcmp0 (self->stored->account_id, starling_entity_get_id (STARLING_ENTITY (account))) != 0 &&
      starling_entity_get_id (STARLING_ENTITY (account)) != NULL)
    {
      g_free (self->stored->account_id);
      self->stored->account_id = g_strdup (starling_entity_get_id (STARLING_ENTITY (account)));
      changed = TRUE;
    }

  return changed;
}

static void
session_drop_network (StarlingAccountSession *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->streaming != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->streaming, self);
      starling_streaming_stop (self->streaming);
    }
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
}

static void
starling_account_session_dispose (GObject *object)
{
  StarlingAccountSession *self = (StarlingAccountSession *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->streaming != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->streaming, self);
      starling_streaming_stop (self->streaming);
    }
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);

  g_clear_object (&self->streaming);
  g_clear_object (&self->client);
  g_clear_object (&self->account);
  g_clear_object (&self->cancellable);

  if (self->manager != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->manager), (gpointer *) &self->manager);
  self->manager = NULL;

  G_OBJECT_CLASS (starling_account_session_parent_class)->dispose (object);
}

static void
starling_account_session_finalize (GObject *object)
{
  StarlingAccountSession *self = (StarlingAccountSession *)object;

  g_clear_pointer (&self->token, starling_secret_free);
  g_clear_pointer (&self->stored, starling_stored_account_free);
  g_clear_pointer (&self->username, g_free);
  g_clear_error (&self->error);
  g_clear_object (&self->map);

  G_OBJECT_CLASS (starling_account_session_parent_class)->finalize (object);
}

static void
starling_account_session_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  StarlingAccountSession *self = STARLING_ACCOUNT_SESSION (object);

  switch (prop_id)
    {
    case SESSION_PROP_HANDLE:
      g_value_set_string (value, starling_account_session_get_handle (self));
      break;

    case SESSION_PROP_BASE_URI:
      g_value_set_string (value, starling_account_session_get_base_uri (self));
      break;

    case SESSION_PROP_DISPLAY_NAME:
      g_value_set_string (value, starling_account_session_get_display_name (self));
      break;

    case SESSION_PROP_AVATAR_URL:
      g_value_set_string (value, starling_account_session_get_avatar_url (self));
      break;

    case SESSION_PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case SESSION_PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    case SESSION_PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;

    case SESSION_PROP_ENTITY_MAP:
      g_value_set_object (value, self->map);
      break;

    case SESSION_PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case SESSION_PROP_STREAMING:
      g_value_set_object (value, self->streaming);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_account_session_class_init (StarlingAccountSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = starling_account_session_dispose;
  object_class->finalize = starling_account_session_finalize;
  object_class->get_property = starling_account_session_get_property;

  /**
   * StarlingAccountSession:handle:
   *
   * `username@host`, with `:port` when the server is not on the default
   * port of its scheme: the account's key everywhere.
   */
  session_properties[SESSION_PROP_HANDLE] =
    g_param_spec_string ("handle", NULL, NULL, NULL, flags);

  /**
   * StarlingAccountSession:base-uri:
   *
   * The server, as `https://mastodon.social`.
   */
  session_properties[SESSION_PROP_BASE_URI] =
    g_param_spec_string ("base-uri", NULL, NULL, NULL, flags);

  /**
   * StarlingAccountSession:display-name:
   *
   * The name to show: the account's display name, or its username when it
   * has none.
   */
  session_properties[SESSION_PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL, flags);

  /**
   * StarlingAccountSession:avatar-url:
   *
   * The avatar's address, or %NULL while unknown.
   */
  session_properties[SESSION_PROP_AVATAR_URL] =
    g_param_spec_string ("avatar-url", NULL, NULL, NULL, flags);

  /**
   * StarlingAccountSession:state:
   *
   * Where the account stands; see #StarlingAccountState.
   */
  session_properties[SESSION_PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, STARLING_TYPE_ACCOUNT_STATE,
                       STARLING_ACCOUNT_STATE_LOADING, flags);

  /**
   * StarlingAccountSession:error:
   *
   * Why the account is not ready, in words for the user; %NULL when it is.
   */
  session_properties[SESSION_PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, flags);

  /**
   * StarlingAccountSession:account:
   *
   * The account as its server last described it, from the account's
   * identity map; %NULL until verified.
   */
  session_properties[SESSION_PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, STARLING_TYPE_ACCOUNT, flags);

  /**
   * StarlingAccountSession:entity-map:
   *
   * The account's identity map, shared by its client and its stream.
   */
  session_properties[SESSION_PROP_ENTITY_MAP] =
    g_param_spec_object ("entity-map", NULL, NULL, STARLING_TYPE_ENTITY_MAP, flags);

  /**
   * StarlingAccountSession:client:
   *
   * The account's #StarlingClient, once its token was found; replaced when
   * the user signs in again.
   */
  session_properties[SESSION_PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, STARLING_TYPE_CLIENT, flags);

  /**
   * StarlingAccountSession:streaming:
   *
   * The account's #StarlingStreaming, subscribed to the `user` stream and
   * started by the manager once the server said where it streams.
   */
  session_properties[SESSION_PROP_STREAMING] =
    g_param_spec_object ("streaming", NULL, NULL, STARLING_TYPE_STREAMING, flags);

  g_object_class_install_properties (object_class, SESSION_N_PROPS, session_properties);
}

static void
starling_account_session_init (StarlingAccountSession *self)
{
  self->state = STARLING_ACCOUNT_STATE_LOADING;
  self->map = starling_entity_map_new ();
  self->cancellable = g_cancellable_new ();
}

static StarlingAccountSession *
session_new (StarlingAccountManager      *manager,
             const StarlingStoredAccount *stored)
{
  StarlingAccountSession *self = g_object_new (STARLING_TYPE_ACCOUNT_SESSION, NULL);

  self->manager = manager;
  g_object_add_weak_pointer (G_OBJECT (manager), (gpointer *) &self->manager);
  self->stored = starling_stored_account_copy (stored);
  self->username = g_strndup (stored->handle, strcspn (stored->handle, "@"));

  return self;
}

/* Secrets: the secret store, or memory in the demo. */

static char *
memory_key (StarlingSecretKind  kind,
            const char         *key)
{
  return g_strdup_printf ("%d\x1f%s", kind, key);
}

static void
secret_lookup_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  StarlingSecret *secret;

  secret = starling_secret_store_lookup_finish (STARLING_SECRET_STORE (object), result, &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, secret, (GDestroyNotify) starling_secret_free);
}

static void
secret_lookup (StarlingAccountManager *self,
               StarlingSecretKind      kind,
               const char             *key,
               GCancellable           *cancellable,
               GAsyncReadyCallback     callback,
               gpointer                user_data)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, secret_lookup);

  if (self->secret_store != NULL)
    {
      starling_secret_store_lookup_async (self->secret_store, kind, key, cancellable,
                                          secret_lookup_cb, g_steal_pointer (&task));
    }
  else
    {
      g_autofree char *name = memory_key (kind, key);
      const char *secret = g_hash_table_lookup (self->memory_secrets, name);

      g_task_return_pointer (task, g_strdup (secret), (GDestroyNotify) starling_secret_free);
    }
}

static StarlingSecret *
secret_lookup_finish (StarlingAccountManager  *self,
                      GAsyncResult            *result,
                      GError                 **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
secret_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (g_task_get_task_data (task) != NULL)
    ok = starling_secret_store_store_finish (STARLING_SECRET_STORE (object), result, &error);
  else
    ok = starling_secret_store_clear_finish (STARLING_SECRET_STORE (object), result, &error);

  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Stores @secret, or clears the secret when @secret is %NULL. */
static void
secret_write (StarlingAccountManager *self,
              StarlingSecretKind      kind,
              const char             *key,
              const char             *secret,
              GCancellable           *cancellable,
              GAsyncReadyCallback     callback,
              gpointer                user_data)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, secret_write);

  if (self->secret_store != NULL)
    {
      /* The task data only tells the callback which it was. */
      g_task_set_task_data (task, secret != NULL ? GINT_TO_POINTER (1) : NULL, NULL);
      if (secret != NULL)
        starling_secret_store_store_async (self->secret_store, kind, key, secret, cancellable,
                                           secret_done_cb, g_steal_pointer (&task));
      else
        starling_secret_store_clear_async (self->secret_store, kind, key, cancellable,
                                           secret_done_cb, g_steal_pointer (&task));
    }
  else
    {
      char *name = memory_key (kind, key);

      if (secret != NULL)
        g_hash_table_replace (self->memory_secrets, name, g_strdup (secret));
      else
        {
          g_hash_table_remove (self->memory_secrets, name);
          g_free (name);
        }
      g_task_return_boolean (task, TRUE);
    }
}

static gboolean
secret_write_finish (StarlingAccountManager  *self,
                     GAsyncResult            *result,
                     GError                 **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
secret_write_logged_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  if (!secret_write_finish (STARLING_ACCOUNT_MANAGER (object), result, &error))
    g_debug ("Could not update a secret: %s", error->message);
}

/* Database writes whose failure leaves nothing to undo: the next write or
 * load repairs them. */

static void
database_logged_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  if (!starling_database_write_finish (STARLING_DATABASE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("Could not save %s: %s", (const char *) user_data, error->message);
}

static void
save_stored (StarlingAccountManager *self,
             StarlingAccountSession *session)
{
  if (self->database != NULL)
    starling_database_save_account_async (self->database, session->stored, NULL,
                                          database_logged_cb, (gpointer) "the account");
}

static void
save_active (StarlingAccountManager *self)
{
  if (self->database != NULL)
    starling_database_set_setting_async (self->database, ACTIVE_ACCOUNT_SETTING,
                                         self->active != NULL ? self->active->stored->handle : NULL,
                                         NULL, database_logged_cb, (gpointer) "the active account");
}

/* Handles */

static gboolean
is_default_port (const char *scheme,
                 int         port)
{
  return port < 0 ||
         (g_ascii_strcasecmp (scheme, "https") == 0 && port == 443) ||
         (g_ascii_strcasecmp (scheme, "http") == 0 && port == 80);
}

/* Needs sign-in: the server refused the token. */

static void
mark_needs_sign_in (StarlingAccountManager *self,
                    StarlingAccountSession *session,
                    const GError           *cause)
{
  g_autoptr (GError) error = NULL;

  if (session->state == STARLING_ACCOUNT_STATE_NEEDS_SIGN_IN)
    return;

  g_debug ("%s: the server refused the token (%s)", session->stored->handle,
           cause != NULL ? cause->message : "no reason given");

  if (session->streaming != NULL)
    starling_streaming_stop (session->streaming);

  error = g_error_new (STARLING_API_ERROR, STARLING_API_ERROR_UNAUTHORIZED,
                       _("The server no longer accepts Starling’s sign-in for %s: it was revoked "
                         "or expired. Sign in again; everything Starling kept for this account "
                         "is still here."),
                       session->stored->handle);
  session_set_state (session, STARLING_ACCOUNT_STATE_NEEDS_SIGN_IN, error);

  session->stored->needs_sign_in = TRUE;
  if (self->database != NULL)
    starling_database_set_needs_sign_in_async (self->database, session->stored->handle, TRUE, NULL,
                                               database_logged_cb, (gpointer) "the account’s state");
}

static void
client_unauthorized_cb (StarlingClient *client,
                        const GError   *error,
                        gpointer        user_data)
{
  StarlingAccountSession *session = user_data;

  /* Only the account's current client speaks for its token. */
  if (session->manager == NULL || client != session->client)
    return;

  mark_needs_sign_in (session->manager, session, error);
}

static void
streaming_state_cb (StarlingStreaming *streaming,
                    GParamSpec        *pspec,
                    gpointer           user_data)
{
  StarlingAccountSession *session = user_data;

  if (session->manager == NULL || streaming != session->streaming)
    return;

  if (starling_streaming_get_state (streaming) == STARLING_STREAMING_STATE_UNAUTHORIZED)
    mark_needs_sign_in (session->manager, session, starling_streaming_get_error (streaming));
}

/* Signing in: the token is known. */

static void
start_streaming (StarlingAccountSession *session,
                 const char             *streaming_uri)
{
  g_autoptr (GError) error = NULL;
  StarlingAccountManager *self = session->manager;

  if (self == NULL || session->state != STARLING_ACCOUNT_STATE_READY || session->token == NULL)
    return;

  if (session->streaming != NULL)
    {
      /* Signed in again: the same stream, with the new token. */
      starling_streaming_set_access_token (session->streaming, session->token);
      starling_streaming_start (session->streaming);
      return;
    }

  session->streaming = starling_streaming_new (self->session, streaming_uri, session->token, session->map);
  if (!starling_streaming_subscribe (session->streaming, "user", NULL, &error))
    g_debug ("%s: could not subscribe to the user stream: %s", session->stored->handle, error->message);
  g_signal_connect (session->streaming, "notify::state", G_CALLBACK (streaming_state_cb), session);
  session_notify (session, SESSION_PROP_STREAMING);

  starling_streaming_start (session->streaming);
}

static void
instance_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (StarlingAccountSession) session = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingInstance) instance = NULL;
  const char *streaming_uri = NULL;

  instance = starling_client_entity_finish (STARLING_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (instance != NULL)
    streaming_uri = starling_instance_get_streaming_url (instance);
  else
    /* Offline, or a server that hides its instance: Mastodon serves the
     * stream on its own host too, and the stream retries by itself. */
    g_debug ("%s: no instance (%s); streaming from the server itself",
             session->stored->handle, error->message);

  start_streaming (session, streaming_uri != NULL ? streaming_uri : session->stored->base_uri);
}

static void
verified_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (StarlingAccountSession) session = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingAccount) account = NULL;

  account = starling_client_entity_finish (STARLING_CLIENT (object), result, &error);
  if (account == NULL)
    {
      /* A refused token was reported through StarlingClient::unauthorized;
       * anything else (offline) leaves the account as it was. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("%s: not verified: %s", session->stored->handle, error->message);
      return;
    }

  if (session->manager != NULL && session_set_account (session, account))
    save_stored (session->manager, session);
}

/* Makes @token the account's, with a new client, and starts its network:
 * verification (unless @account is already verified), then the stream. */
static void
session_sign_in (StarlingAccountManager *self,
                 StarlingAccountSession *session,
                 const char             *token,
                 StarlingAccount        *account)
{
  g_autoptr (StarlingClient) old_client = NULL;

  g_clear_pointer (&session->token, starling_secret_free);
  session->token = g_strdup (token);

  /* What is still under way belongs to the old token. */
  g_cancellable_cancel (session->cancellable);
  g_clear_object (&session->cancellable);
  session->cancellable = g_cancellable_new ();

  old_client = g_steal_pointer (&session->client);
  if (old_client != NULL)
    g_signal_handlers_disconnect_by_data (old_client, session);
  session->client = starling_client_new (self->session, session->stored->base_uri, token, session->map);
  g_signal_connect (session->client, "unauthorized", G_CALLBACK (client_unauthorized_cb), session);

  session_set_state (session, STARLING_ACCOUNT_STATE_READY, NULL);
  session_notify (session, SESSION_PROP_CLIENT);

  if (account != NULL)
    {
      if (session_set_account (session, account))
        save_stored (self, session);
    }
  else
    {
      starling_client_verify_credentials_async (session->client, session->cancellable, verified_cb,
                                                g_object_ref (session));
    }

  if (session->streaming != NULL)
    start_streaming (session, NULL);
  else
    starling_client_get_instance_async (session->client, session->cancellable, instance_cb,
                                        g_object_ref (session));
}

/* The list */

static guint
index_of (StarlingAccountManager *self,
          StarlingAccountSession *session,
          gboolean               *found)
{
  guint position = 0;

  *found = g_ptr_array_find (self->sessions, session, &position);
  return position;
}

static void
set_active (StarlingAccountManager *self,
            StarlingAccountSession *session,
            gboolean                save)
{
  if (self->active == session)
    return;

  self->active = session;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
  if (save)
    save_active (self);
}

static void
append_session (StarlingAccountManager *self,
                StarlingAccountSession *session)
{
  g_ptr_array_add (self->sessions, g_object_ref (session));
  g_list_model_items_changed (G_LIST_MODEL (self), self->sessions->len - 1, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
drop_session (StarlingAccountManager *self,
              StarlingAccountSession *session)
{
  g_autoptr (StarlingAccountSession) dropped = g_object_ref (session);
  gboolean found;
  guint position = index_of (self, session, &found);

  if (!found)
    return;

  session_drop_network (session);
  g_ptr_array_remove_index (self->sessions, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  if (self->active == session)
    {
      StarlingAccountSession *next = NULL;

      if (self->sessions->len > 0)
        next = g_ptr_array_index (self->sessions, MIN (position, self->sessions->len - 1));
      set_active (self, next, TRUE);
    }
}

/* Loading */

typedef struct
{
  GPtrArray *pending;    /* StarlingAccountSession, still to look up */
  guint      next;
  GError    *blocked;    /* the keyring's LOCKED or UNAVAILABLE */
} LoadPass;

static void
load_pass_free (LoadPass *pass)
{
  g_clear_pointer (&pass->pending, g_ptr_array_unref);
  g_clear_error (&pass->blocked);
  g_free (pass);
}

static void start_load_pass (StarlingAccountManager *self);
static void lookup_next (StarlingAccountManager *self,
                         LoadPass               *pass);

static void
finish_load (StarlingAccountManager *self,
             const GError           *error)
{
  g_autoptr (GPtrArray) waiters = NULL;

  if (error == NULL && self->load_again)
    {
      start_load_pass (self);
      return;
    }

  self->loading = FALSE;
  self->load_again = FALSE;
  waiters = g_steal_pointer (&self->load_waiters);
  self->load_waiters = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else if (!g_task_return_error_if_cancelled (task))
        g_task_return_boolean (task, TRUE);
    }
}

static void
active_setting_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (StarlingAccountManager) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *handle = NULL;
  StarlingAccountSession *session = NULL;

  handle = starling_database_get_setting_finish (STARLING_DATABASE (object), result, &error);
  if (error != NULL)
    g_debug ("Could not read the active account: %s", error->message);

  if (handle != NULL)
    session = starling_account_manager_lookup (self, handle);

  /* The user may have picked one while the setting was read. */
  if (self->active == NULL)
    {
      if (session == NULL && self->sessions->len > 0)
        session = g_ptr_array_index (self->sessions, 0);
      set_active (self, session, FALSE);
    }
  self->active_restored = TRUE;

  finish_load (self, NULL);
}

static void
load_pass_done (StarlingAccountManager *self)
{
  if (!self->active_restored && self->database != NULL)
    {
      starling_database_get_setting_async (self->database, ACTIVE_ACCOUNT_SETTING, self->cancellable,
                                           active_setting_cb, g_object_ref (self));
      return;
    }

  if (self->active == NULL && self->sessions->len > 0)
    set_active (self, g_ptr_array_index (self->sessions, 0), FALSE);

  finish_load (self, NULL);
}

static void
token_found_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  StarlingAccountManager *self = STARLING_ACCOUNT_MANAGER (object);
  LoadPass *pass = user_data;
  StarlingAccountSession *session = g_ptr_array_index (pass->pending, pass->next);
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingSecret) token = NULL;

  token = secret_lookup_finish (self, result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      load_pass_free (pass);
      finish_load (self, error);
      return;
    }

  /* Removed while the keyring was asked. */
  if (!g_ptr_array_find (self->sessions, session, NULL))
    ;
  else if (g_error_matches (error, STARLING_STORE_ERROR, STARLING_STORE_ERROR_LOCKED) ||
           g_error_matches (error, STARLING_STORE_ERROR, STARLING_STORE_ERROR_UNAVAILABLE))
    {
      /* Asking again for each account would only repeat the answer (or
       * the unlock prompt): the others wait with this one. */
      session_set_state (session,
                         error->code == STARLING_STORE_ERROR_LOCKED
                           ? STARLING_ACCOUNT_STATE_LOCKED
                           : STARLING_ACCOUNT_STATE_UNAVAILABLE,
                         error);
      pass->blocked = g_steal_pointer (&error);
    }
  else if (error != NULL)
    {
      session_set_state (session, STARLING_ACCOUNT_STATE_UNAVAILABLE, error);
    }
  else if (token == NULL)
    {
      g_autoptr (GError) missing = NULL;

      missing = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             _("The keyring holds no sign-in for %s. Sign in again to use this "
                               "account; everything Starling kept for it is still here."),
                             session->stored->handle);
      session_set_state (session, STARLING_ACCOUNT_STATE_NEEDS_SIGN_IN, missing);
      session->stored->needs_sign_in = TRUE;
      if (self->database != NULL)
        starling_database_set_needs_sign_in_async (self->database, session->stored->handle, TRUE, NULL,
                                                   database_logged_cb, (gpointer) "the account’s state");
    }
  else
    {
      session_sign_in (self, session, token, NULL);
    }

  pass->next++;
  lookup_next (self, pass);
}

static void
lookup_next (StarlingAccountManager *self,
             LoadPass               *pass)
{
  while (pass->next < pass->pending->len)
    {
      StarlingAccountSession *session = g_ptr_array_index (pass->pending, pass->next);

      if (session->state == STARLING_ACCOUNT_STATE_READY)
        {
          pass->next++;
          continue;
        }

      if (pass->blocked != NULL)
        {
          session_set_state (session,
                             pass->blocked->code == STARLING_STORE_ERROR_LOCKED
                               ? STARLING_ACCOUNT_STATE_LOCKED
                               : STARLING_ACCOUNT_STATE_UNAVAILABLE,
                             pass->blocked);
          pass->next++;
          continue;
        }

      /* The server refused this token before: asking the keyring for it
       * again would not make it good. */
      if (session->stored->needs_sign_in)
        {
          if (session->state != STARLING_ACCOUNT_STATE_NEEDS_SIGN_IN)
            {
              g_autoptr (GError) error = NULL;

              error = g_error_new (STARLING_API_ERROR, STARLING_API_ERROR_UNAUTHORIZED,
                                   _("The server no longer accepts Starling’s sign-in for %s. "
                                     "Sign in again; everything Starling kept for this account "
                                     "is still here."),
                                   session->stored->handle);
              session_set_state (session, STARLING_ACCOUNT_STATE_NEEDS_SIGN_IN, error);
            }
          pass->next++;
          continue;
        }

      session_set_state (session, STARLING_ACCOUNT_STATE_LOADING, NULL);
      secret_lookup (self, STARLING_SECRET_ACCESS_TOKEN, session->stored->handle, self->cancellable,
                     token_found_cb, pass);
      return;
    }

  load_pass_free (pass);
  load_pass_done (self);
}

static void
lookup_tokens (StarlingAccountManager *self)
{
  LoadPass *pass = g_new0 (LoadPass, 1);

  pass->pending = g_ptr_array_copy (self->sessions, (GCopyFunc) g_object_ref, NULL);
  g_ptr_array_set_free_func (pass->pending, g_object_unref);
  lookup_next (self, pass);
}

/* Makes the list follow the database: its order, new accounts, and what
 * another process changed in the records. Accounts signed in stay as
 * they are. */
static void
reconcile (StarlingAccountManager *self,
           GPtrArray              *accounts)
{
  g_autoptr (GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean changed = FALSE;
  guint old_len = self->sessions->len;

  for (guint i = 0; i < accounts->len; i++)
    {
      StarlingStoredAccount *stored = g_ptr_array_index (accounts, i);
      StarlingAccountSession *session = starling_account_manager_lookup (self, stored->handle);

      if (session == NULL)
        {
          session = session_new (self, stored);
          changed = TRUE;
        }
      else
        {
          g_object_ref (session);
          if (session->state != STARLING_ACCOUNT_STATE_READY)
            {
              gboolean name_changed = g_strcmp0 (session->stored->display_name, stored->display_name) != 0;
              gboolean avatar_changed = g_strcmp0 (session->stored->avatar_url, stored->avatar_url) != 0;

              g_clear_pointer (&session->stored, starling_stored_account_free);
              session->stored = starling_stored_account_copy (stored);
              if (name_changed)
                session_notify (session, SESSION_PROP_DISPLAY_NAME);
              if (avatar_changed)
                session_notify (session, SESSION_PROP_AVATAR_URL);
            }
          session->stored->position = stored->position;
        }

      if (i >= self->sessions->len || g_ptr_array_index (self->sessions, i) != session)
        changed = TRUE;
      g_ptr_array_add (sessions, session);
    }

  /* Accounts this process knows and the file does not (yet) keep their
   * place after the others: nothing is dropped by a load. */
  for (guint i = 0; i < self->sessions->len; i++)
    {
      StarlingAccountSession *session = g_ptr_array_index (self->sessions, i);

      if (!g_ptr_array_find (sessions, session, NULL))
        {
          if (sessions->len != i)
            changed = TRUE;
          g_ptr_array_add (sessions, g_object_ref (session));
        }
    }

  if (!changed && sessions->len == old_len)
    return;

  g_ptr_array_unref (self->sessions);
  self->sessions = g_steal_pointer (&sessions);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->sessions->len);
  if (old_len != self->sessions->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
accounts_listed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (StarlingAccountManager) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) accounts = NULL;

  accounts = starling_database_list_accounts_finish (STARLING_DATABASE (object), result, &error);
  if (accounts == NULL)
    {
      finish_load (self, error);
      return;
    }

  reconcile (self, accounts);
  lookup_tokens (self);
}

static void
start_load_pass (StarlingAccountManager *self)
{
  self->loading = TRUE;
  self->load_again = FALSE;

  if (self->database != NULL)
    starling_database_list_accounts_async (self->database, self->cancellable, accounts_listed_cb,
                                           g_object_ref (self));
  else
    lookup_tokens (self);
}

/* Adding */

typedef struct
{
  char                   *base_uri;
  StarlingSecret         *token;
  StarlingOAuth          *oauth;
  StarlingAccount        *account;
  StarlingStoredAccount  *stored;
  gboolean                known;
} AddData;

static void
add_data_free (AddData *data)
{
  g_free (data->base_uri);
  starling_secret_free (data->token);
  g_clear_object (&data->oauth);
  g_clear_object (&data->account);
  g_clear_pointer (&data->stored, starling_stored_account_free);
  g_free (data);
}

static void
add_undo_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  if (!secret_write_finish (STARLING_ACCOUNT_MANAGER (object), result, &error))
    g_debug ("Could not take back the token of an account not added: %s", error->message);

  /* The error of the database, kept as the task's own. */
  g_task_return_error (task, g_error_copy (g_object_get_data (G_OBJECT (task), "error")));
}

static void
add_saved_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StarlingAccountManager *self = g_task_get_source_object (task);
  AddData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingAccountSession) session = NULL;
  StarlingAccount *account;

  if (object != NULL && !starling_database_write_finish (STARLING_DATABASE (object), result, &error))
    {
      if (data->known)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      /* A new account the database could not keep: its token goes too, or
       * it would be a secret nobody knows about. */
      g_object_set_data_full (G_OBJECT (task), "error", g_steal_pointer (&error), (GDestroyNotify) g_error_free);
      secret_write (self, STARLING_SECRET_ACCESS_TOKEN, data->stored->handle, NULL, NULL,
                    add_undo_cb, g_object_ref (task));
      return;
    }

  session = starling_account_manager_lookup (self, data->stored->handle);
  if (session != NULL)
    {
      /* Known: its name and avatar follow the verified account below. */
      g_object_ref (session);
      session->stored->needs_sign_in = FALSE;
    }
  else
    {
      session = session_new (self, data->stored);
      session->stored->position = self->sessions->len;
      append_session (self, session);
    }

  /* The verified account becomes the map's, unless one is alive already. */
  account = starling_entity_map_lookup (session->map, STARLING_TYPE_ACCOUNT,
                                        starling_entity_get_id (STARLING_ENTITY (data->account)));
  if (account == NULL)
    {
      starling_entity_map_insert (session->map, G_OBJECT (data->account),
                                  starling_entity_get_id (STARLING_ENTITY (data->account)));
      account = data->account;
    }

  session_sign_in (self, session, data->token, account);
  set_active (self, session, TRUE);

  g_task_return_pointer (task, g_steal_pointer (&session), g_object_unref);
}

static void
add_token_stored_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StarlingAccountManager *self = g_task_get_source_object (task);
  AddData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  if (!secret_write_finish (self, result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (self->database != NULL)
    starling_database_save_account_async (self->database, data->stored, NULL, add_saved_cb,
                                          g_steal_pointer (&task));
  else
    add_saved_cb (NULL, NULL, g_steal_pointer (&task));
}

static void
add_verified_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StarlingAccountManager *self = g_task_get_source_object (task);
  AddData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingOAuthToken) token = NULL;
  g_autofree char *handle = NULL;
  const char *display_name;

  data->account = starling_oauth_sign_in_with_token_finish (STARLING_OAUTH (object), result, &token, &error);
  if (data->account == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  handle = starling_account_manager_make_handle (data->base_uri,
                                                 starling_account_get_username (data->account));
  if (handle == NULL || starling_entity_get_id (STARLING_ENTITY (data->account)) == NULL)
    {
      g_task_return_new_error (task, STARLING_API_ERROR, STARLING_API_ERROR_MALFORMED,
                               _("The server did not say which account this token belongs to"));
      return;
    }

  /* The token as the server accepted it, without the spaces around it. */
  starling_secret_free (data->token);
  data->token = g_strdup (starling_oauth_token_get_access_token (token));

  data->known = starling_account_manager_lookup (self, handle) != NULL;
  data->stored = starling_stored_account_new (handle, data->base_uri,
                                              starling_entity_get_id (STARLING_ENTITY (data->account)));
  display_name = starling_account_get_display_name (data->account);
  if (display_name != NULL && *display_name != '\0')
    data->stored->display_name = g_strdup (display_name);
  data->stored->avatar_url = g_strdup (starling_account_get_avatar (data->account));

  secret_write (self, STARLING_SECRET_ACCESS_TOKEN, handle, data->token, g_task_get_cancellable (task),
                add_token_stored_cb, g_object_ref (task));
}

/* Preparing a sign-in */

typedef struct
{
  char          *base_uri;
  StarlingOAuth *oauth;
} PrepareData;

static void
prepare_data_free (PrepareData *data)
{
  g_free (data->base_uri);
  g_clear_object (&data->oauth);
  g_free (data);
}

static void
credentials_changed_cb (StarlingOAuth *oauth,
                        GParamSpec    *pspec,
                        gpointer       user_data)
{
  StarlingAccountManager *self = user_data;
  StarlingAppCredentials *credentials = starling_oauth_get_credentials (oauth);
  g_autoptr (StarlingSecret) text = NULL;

  /* A registration made during the sign-in (a server that compares the
   * redirect port): kept for the next sign-in and for revoking. */
  if (credentials == NULL)
    return;

  text = starling_app_credentials_to_string (credentials);
  secret_write (self, STARLING_SECRET_CLIENT_CREDENTIALS, starling_oauth_get_base_uri (oauth), text,
                self->cancellable, secret_write_logged_cb, NULL);
}

static void
prepare_done (GTask *task)
{
  StarlingAccountManager *self = g_task_get_source_object (task);
  PrepareData *data = g_task_get_task_data (task);

  g_signal_connect_object (data->oauth, "notify::credentials", G_CALLBACK (credentials_changed_cb), self, 0);
  g_task_return_pointer (task, g_steal_pointer (&data->oauth), g_object_unref);
}

static void
prepare_stored_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  if (!secret_write_finish (STARLING_ACCOUNT_MANAGER (object), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  prepare_done (task);
}

static void
prepare_registered_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StarlingAccountManager *self = g_task_get_source_object (task);
  PrepareData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingAppCredentials) credentials = NULL;
  g_autoptr (StarlingSecret) text = NULL;

  credentials = starling_oauth_register_finish (STARLING_OAUTH (object), result, &error);
  if (credentials == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  text = starling_app_credentials_to_string (credentials);
  secret_write (self, STARLING_SECRET_CLIENT_CREDENTIALS, data->base_uri, text,
                g_task_get_cancellable (task), prepare_stored_cb, g_object_ref (task));
}

static void
prepare_discovered_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  PrepareData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  StarlingAppCredentials *credentials;

  if (!starling_oauth_discover_finish (STARLING_OAUTH (object), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  credentials = starling_oauth_get_credentials (data->oauth);
  if (credentials != NULL &&
      starling_app_credentials_has_redirect_uri (credentials, STARLING_OAUTH_REDIRECT_LOOPBACK) &&
      starling_app_credentials_has_redirect_uri (credentials, STARLING_OAUTH_REDIRECT_OOB) &&
      starling_app_credentials_has_scopes (credentials, starling_oauth_get_scopes (data->oauth)))
    {
      prepare_done (task);
      return;
    }

  starling_oauth_register_async (data->oauth, g_task_get_cancellable (task), prepare_registered_cb,
                                 g_object_ref (task));
}

static void
prepare_credentials_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StarlingAccountManager *self = STARLING_ACCOUNT_MANAGER (object);
  PrepareData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingSecret) text = NULL;

  text = secret_lookup_finish (self, result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (text != NULL)
    {
      g_autoptr (StarlingAppCredentials) credentials = NULL;
      g_autoptr (GError) parse_error = NULL;

      credentials = starling_app_credentials_new_from_string (text, &parse_error);
      if (credentials != NULL)
        starling_oauth_set_credentials (data->oauth, credentials);
      else
        g_debug ("The stored registration on %s is unreadable; registering again", data->base_uri);
    }

  starling_oauth_discover_async (data->oauth, g_task_get_cancellable (task), prepare_discovered_cb,
                                 g_object_ref (task));
}

/* Removing */

typedef struct
{
  StarlingAccountSession *session;
  StarlingSecret         *token;
  StarlingAppCredentials *credentials;
  gboolean                revoked;
} RemoveData;

static void
remove_data_free (RemoveData *data)
{
  g_clear_object (&data->session);
  starling_secret_free (data->token);
  g_clear_pointer (&data->credentials, starling_app_credentials_unref);
  g_free (data);
}

static GError *
refusal (StarlingAccountSession *session,
         const GError           *cause)
{
  return g_error_new (cause->domain, cause->code,
                      _("Starling could not sign out of %s, so the account is kept: %s"),
                      session->stored->handle, cause->message);
}

static void
remove_database_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StarlingAccountManager *self = g_task_get_source_object (task);
  RemoveData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  if (object != NULL && !starling_database_write_finish (STARLING_DATABASE (object), result, &error))
    {
      /* The token is gone already: the account can only sign in again. */
      mark_needs_sign_in (self, data->session, NULL);
      g_task_return_error (task, refusal (data->session, error));
      return;
    }

  drop_session (self, data->session);
  g_task_return_boolean (task, TRUE);
}

static void
remove_token_cleared_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StarlingAccountManager *self = g_task_get_source_object (task);
  RemoveData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  const char *base_uri = data->session->stored->base_uri;
  gboolean shared = FALSE;

  if (!secret_write_finish (self, result, &error))
    {
      /* A revoked token stays behind in the keyring: the account is kept,
       * and can only sign in again. */
      if (data->revoked)
        mark_needs_sign_in (self, data->session, NULL);
      g_task_return_error (task, refusal (data->session, error));
      return;
    }

  /* The app's registration on the server goes with its last account. */
  for (guint i = 0; i < self->sessions->len; i++)
    {
      StarlingAccountSession *other = g_ptr_array_index (self->sessions, i);

      if (other != data->session && g_strcmp0 (other->stored->base_uri, base_uri) == 0)
        shared = TRUE;
    }
  if (!shared)
    secret_write (self, STARLING_SECRET_CLIENT_CREDENTIALS, base_uri, NULL, NULL,
                  secret_write_logged_cb, NULL);

  session_drop_network (data->session);
  g_clear_pointer (&data->session->token, starling_secret_free);

  if (self->database != NULL)
    starling_database_remove_account_async (self->database, data->session->stored->handle, NULL,
                                            remove_database_cb, g_steal_pointer (&task));
  else
    remove_database_cb (NULL, NULL, g_steal_pointer (&task));
}

static void
remove_clear_token (GTask *task)
{
  StarlingAccountManager *self = g_task_get_source_object (task);
  RemoveData *data = g_task_get_task_data (task);

  secret_write (self, STARLING_SECRET_ACCESS_TOKEN, data->session->stored->handle, NULL,
                g_task_get_cancellable (task), remove_token_cleared_cb, g_object_ref (task));
}

static void
remove_revoked_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  RemoveData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  /* Not revoked (offline, a token made in the server's settings): it is
   * forgotten all the same. */
  data->revoked = starling_oauth_revoke_finish (STARLING_OAUTH (object), result, &error);
  if (!data->revoked)
    g_debug ("%s: the token was not revoked: %s", data->session->stored->handle, error->message);

  remove_clear_token (task);
}

static void
remove_revoke (GTask *task)
{
  StarlingAccountManager *self = g_task_get_source_object (task);
  RemoveData *data = g_task_get_task_data (task);
  g_autoptr (StarlingOAuth) oauth = NULL;

  if (data->token == NULL || data->credentials == NULL)
    {
      remove_clear_token (task);
      return;
    }

  oauth = starling_oauth_new (self->session, data->session->stored->base_uri);
  starling_oauth_set_credentials (oauth, data->credentials);
  starling_oauth_revoke_async (oauth, data->token, g_task_get_cancellable (task), remove_revoked_cb,
                               g_object_ref (task));
}

static void
remove_token_found_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  RemoveData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  data->token = secret_lookup_finish (STARLING_ACCOUNT_MANAGER (object), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, refusal (data->session, error));
      return;
    }

  remove_revoke (task);
}

static void
remove_credentials_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StarlingAccountManager *self = STARLING_ACCOUNT_MANAGER (object);
  RemoveData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingSecret) text = NULL;

  /* A keyring that cannot be read now cannot be cleared either: refuse
   * before anything is revoked. */
  text = secret_lookup_finish (self, result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, refusal (data->session, error));
      return;
    }

  if (text != NULL)
    data->credentials = starling_app_credentials_new_from_string (text, NULL);

  if (data->session->token != NULL)
    {
      data->token = g_strdup (data->session->token);
      remove_revoke (task);
      return;
    }

  secret_lookup (self, STARLING_SECRET_ACCESS_TOKEN, data->session->stored->handle,
                 g_task_get_cancellable (task), remove_token_found_cb, g_object_ref (task));
}

/* Moving */

static void
move_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  if (!starling_database_write_finish (STARLING_DATABASE (object), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* StarlingAccountManager */

static GType
list_model_get_item_type (GListModel *model)
{
  return STARLING_TYPE_ACCOUNT_SESSION;
}

static guint
list_model_get_n_items (GListModel *model)
{
  return STARLING_ACCOUNT_MANAGER (model)->sessions->len;
}

static gpointer
list_model_get_item (GListModel *model,
                     guint       position)
{
  StarlingAccountManager *self = STARLING_ACCOUNT_MANAGER (model);

  if (position >= self->sessions->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->sessions, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

static void
starling_account_manager_dispose (GObject *object)
{
  StarlingAccountManager *self = (StarlingAccountManager *)object;

  g_cancellable_cancel (self->cancellable);

  if (self->sessions != NULL)
    for (guint i = 0; i < self->sessions->len; i++)
      session_drop_network (g_ptr_array_index (self->sessions, i));

  self->active = NULL;
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_clear_object (&self->database);
  g_clear_object (&self->secret_store);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (starling_account_manager_parent_class)->dispose (object);
}

static void
starling_account_manager_finalize (GObject *object)
{
  StarlingAccountManager *self = (StarlingAccountManager *)object;

  g_clear_pointer (&self->memory_secrets, g_hash_table_unref);
  g_clear_pointer (&self->load_waiters, g_ptr_array_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (starling_account_manager_parent_class)->finalize (object);
}

static void
starling_account_manager_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  StarlingAccountManager *self = STARLING_ACCOUNT_MANAGER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_SECRET_STORE:
      g_value_set_object (value, self->secret_store);
      break;

    case PROP_ACTIVE:
      g_value_set_object (value, self->active);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->sessions->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_account_manager_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  StarlingAccountManager *self = STARLING_ACCOUNT_MANAGER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_SECRET_STORE:
      self->secret_store = g_value_dup_object (value);
      break;

    case PROP_ACTIVE:
      starling_account_manager_set_active (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_account_manager_class_init (StarlingAccountManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = starling_account_manager_dispose;
  object_class->finalize = starling_account_manager_finalize;
  object_class->get_property = starling_account_manager_get_property;
  object_class->set_property = starling_account_manager_set_property;

  /**
   * StarlingAccountManager:session:
   *
   * The one #SoupSession of the app, from starling_session_new().
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SOUP_TYPE_SESSION, construct);

  /**
   * StarlingAccountManager:database:
   *
   * Where the accounts, their order and the active one are remembered;
   * %NULL remembers nothing (the demo).
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, STARLING_TYPE_DATABASE, construct);

  /**
   * StarlingAccountManager:secret-store:
   *
   * Where tokens and app registrations are kept; %NULL keeps them in
   * memory only (the demo).
   */
  properties[PROP_SECRET_STORE] =
    g_param_spec_object ("secret-store", NULL, NULL, STARLING_TYPE_SECRET_STORE, construct);

  /**
   * StarlingAccountManager:active:
   *
   * The account the window shows, or %NULL when there is none. Remembered
   * in the database and restored by starling_account_manager_load_async().
   */
  properties[PROP_ACTIVE] =
    g_param_spec_object ("active", NULL, NULL, STARLING_TYPE_ACCOUNT_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * StarlingAccountManager:n-items:
   *
   * How many accounts there are, for bindings (a welcome page shown at 0).
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
starling_account_manager_init (StarlingAccountManager *self)
{
  self->sessions = g_ptr_array_new_with_free_func (g_object_unref);
  self->memory_secrets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) starling_secret_free);
  self->cancellable = g_cancellable_new ();
  self->load_waiters = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Public API: sessions */

/**
 * starling_account_session_get_handle:
 * @self: a #StarlingAccountSession
 *
 * Returns: `username@host[:port]`
 */
const char *
starling_account_session_get_handle (StarlingAccountSession *self)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_SESSION (self), NULL);

  return self->stored->handle;
}

/**
 * starling_account_session_get_base_uri:
 * @self: a #StarlingAccountSession
 *
 * Returns: the server's base URI
 */
const char *
starling_account_session_get_base_uri (StarlingAccountSession *self)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_SESSION (self), NULL);

  return self->stored->base_uri;
}

/**
 * starling_account_session_get_display_name:
 * @self: a #StarlingAccountSession
 *
 * Returns: the account's display name, or its username when it has none
 */
const char *
starling_account_session_get_display_name (StarlingAccountSession *self)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_SESSION (self), NULL);

  if (self->stored->display_name != NULL && *self->stored->display_name != '\0')
    return self->stored->display_name;

  return self->username;
}

/**
 * starling_account_session_get_avatar_url:
 * @self: a #StarlingAccountSession
 *
 * Returns: (nullable): the avatar's address
 */
const char *
starling_account_session_get_avatar_url (StarlingAccountSession *self)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_SESSION (self), NULL);

  return self->stored->avatar_url;
}

/**
 * starling_account_session_get_stored:
 * @self: a #StarlingAccountSession
 *
 * Returns: (transfer none): the account as the database remembers it
 */
const StarlingStoredAccount *
starling_account_session_get_stored (StarlingAccountSession *self)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_SESSION (self), NULL);

  return self->stored;
}

/**
 * starling_account_session_get_state:
 * @self: a #StarlingAccountSession
 *
 * Returns: where the account stands
 */
StarlingAccountState
starling_account_session_get_state (StarlingAccountSession *self)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_SESSION (self), STARLING_ACCOUNT_STATE_LOADING);

  return self->state;
}

/**
 * starling_account_session_get_error:
 * @self: a #StarlingAccountSession
 *
 * Returns: (nullable): why the account is locked, unavailable or needs
 *   sign-in, in words for the user
 */
const GError *
starling_account_session_get_error (StarlingAccountSession *self)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_SESSION (self), NULL);

  return self->error;
}

/**
 * starling_account_session_get_account:
 * @self: a #StarlingAccountSession
 *
 * Returns: (transfer none) (nullable): the verified account
 */
StarlingAccount *
starling_account_session_get_account (StarlingAccountSession *self)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_SESSION (self), NULL);

  return self->account;
}

/**
 * starling_account_session_get_entity_map:
 * @self: a #StarlingAccountSession
 *
 * Returns: (transfer none): the account's identity map
 */
StarlingEntityMap *
starling_account_session_get_entity_map (StarlingAccountSession *self)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_SESSION (self), NULL);

  return self->map;
}

/**
 * starling_account_session_get_client:
 * @self: a #StarlingAccountSession
 *
 * Returns: (transfer none) (nullable): the account's client, once its token
 *   was found
 */
StarlingClient *
starling_account_session_get_client (StarlingAccountSession *self)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_SESSION (self), NULL);

  return self->client;
}

/**
 * starling_account_session_get_streaming:
 * @self: a #StarlingAccountSession
 *
 * Returns: (transfer none) (nullable): the account's stream, once the
 *   server said where it streams
 */
StarlingStreaming *
starling_account_session_get_streaming (StarlingAccountSession *self)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_SESSION (self), NULL);

  return self->streaming;
}

/**
 * starling_account_session_get_database:
 * @self: a #StarlingAccountSession
 *
 * Returns: (transfer none) (nullable): the database that remembers the
 *   account (its cache, its settings), or %NULL in the demo or once the
 *   manager is gone
 */
StarlingDatabase *
starling_account_session_get_database (StarlingAccountSession *self)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_SESSION (self), NULL);

  return self->manager != NULL ? self->manager->database : NULL;
}

/* Public API: the manager */

/**
 * starling_account_manager_make_handle:
 * @base_uri: the server's base URI
 * @username: the account's username on it
 *
 * The key of an account everywhere in Starling: `username@host`, with
 * `:port` when the server is not on the default port of its scheme. The
 * host is in lowercase.
 *
 * Returns: (transfer full) (nullable): the handle, or %NULL when @base_uri
 *   is not an address or @username is empty
 */
char *
starling_account_manager_make_handle (const char *base_uri,
                                      const char *username)
{
  g_autoptr (GUri) uri = NULL;
  g_autofree char *host = NULL;
  int port;

  if (base_uri == NULL || username == NULL || *username == '\0' || strchr (username, '@') != NULL)
    return NULL;

  uri = g_uri_parse (base_uri, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return NULL;

  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  port = g_uri_get_port (uri);
  if (is_default_port (g_uri_get_scheme (uri), port))
    return g_strdup_printf ("%s@%s", username, host);

  /* An IPv6 literal keeps its brackets before a port. */
  if (strchr (host, ':') != NULL)
    return g_strdup_printf ("%s@[%s]:%d", username, host, port);

  return g_strdup_printf ("%s@%s:%d", username, host, port);
}

/**
 * starling_account_manager_new:
 * @session: the app's #SoupSession
 * @database: (nullable): the database; %NULL remembers nothing
 * @secret_store: (nullable): the secret store; %NULL keeps secrets in
 *   memory only
 *
 * Returns: (transfer full): a manager without accounts; call
 *   starling_account_manager_load_async()
 */
StarlingAccountManager *
starling_account_manager_new (SoupSession         *session,
                              StarlingDatabase    *database,
                              StarlingSecretStore *secret_store)
{
  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (database == NULL || STARLING_IS_DATABASE (database), NULL);
  g_return_val_if_fail (secret_store == NULL || STARLING_IS_SECRET_STORE (secret_store), NULL);

  return g_object_new (STARLING_TYPE_ACCOUNT_MANAGER,
                       "session", session,
                       "database", database,
                       "secret-store", secret_store,
                       NULL);
}

/**
 * starling_account_manager_get_session:
 * @self: a #StarlingAccountManager
 *
 * Returns: (transfer none): the app's #SoupSession
 */
SoupSession *
starling_account_manager_get_session (StarlingAccountManager *self)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_MANAGER (self), NULL);

  return self->session;
}

/**
 * starling_account_manager_get_database:
 * @self: a #StarlingAccountManager
 *
 * Returns: (transfer none) (nullable): the database
 */
StarlingDatabase *
starling_account_manager_get_database (StarlingAccountManager *self)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_MANAGER (self), NULL);

  return self->database;
}

/**
 * starling_account_manager_get_secret_store:
 * @self: a #StarlingAccountManager
 *
 * Returns: (transfer none) (nullable): the secret store
 */
StarlingSecretStore *
starling_account_manager_get_secret_store (StarlingAccountManager *self)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_MANAGER (self), NULL);

  return self->secret_store;
}

/**
 * starling_account_manager_load_async:
 * @self: a #StarlingAccountManager
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every account has its state
 * @user_data: data for @callback
 *
 * Reads the remembered accounts, in their order, and looks up their
 * tokens one after the other. An account whose token is found is READY at
 * once (its client and stream start; a token the server then refuses makes
 * it NEEDS_SIGN_IN); one without a token, or refused before, is
 * NEEDS_SIGN_IN. The first LOCKED or UNAVAILABLE answer of the keyring
 * stops the questions: every account still to look up gets that state,
 * and none is dropped. Calling this again (once the keyring is unlocked)
 * looks up the accounts that are not READY; READY ones are kept as they
 * are. The active account is restored at the first load.
 *
 * It fails only when the database cannot be read.
 */
void
starling_account_manager_load_async (StarlingAccountManager *self,
                                     GCancellable           *cancellable,
                                     GAsyncReadyCallback     callback,
                                     gpointer                user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (STARLING_IS_ACCOUNT_MANAGER (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_account_manager_load_async);
  g_ptr_array_add (self->load_waiters, g_steal_pointer (&task));

  /* One pass at a time; a load asked during one runs once it is over, so
   * an unlock meanwhile is seen. */
  if (self->loading)
    {
      self->load_again = TRUE;
      return;
    }

  start_load_pass (self);
}

/**
 * starling_account_manager_load_finish:
 * @self: a #StarlingAccountManager
 * @result: the result given to the callback
 * @error: return location for a #StarlingStoreError
 *
 * Returns: %TRUE when the accounts were read; each has its own state
 */
gboolean
starling_account_manager_load_finish (StarlingAccountManager  *self,
                                      GAsyncResult            *result,
                                      GError                 **error)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_MANAGER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == starling_account_manager_load_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * starling_account_manager_get_active:
 * @self: a #StarlingAccountManager
 *
 * Returns: (transfer none) (nullable): the account the window shows
 */
StarlingAccountSession *
starling_account_manager_get_active (StarlingAccountManager *self)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_MANAGER (self), NULL);

  return self->active;
}

/**
 * starling_account_manager_set_active:
 * @self: a #StarlingAccountManager
 * @account: (nullable): one of the manager's accounts
 *
 * Makes @account the one the window shows, and remembers it.
 */
void
starling_account_manager_set_active (StarlingAccountManager *self,
                                     StarlingAccountSession *account)
{
  g_return_if_fail (STARLING_IS_ACCOUNT_MANAGER (self));
  g_return_if_fail (account == NULL || STARLING_IS_ACCOUNT_SESSION (account));
  g_return_if_fail (account == NULL || g_ptr_array_find (self->sessions, account, NULL));

  /* A choice made before the first load ends wins over the saved one. */
  self->active_restored = TRUE;
  set_active (self, account, TRUE);
}

/**
 * starling_account_manager_lookup:
 * @self: a #StarlingAccountManager
 * @handle: an account's `username@host`
 *
 * Returns: (transfer none) (nullable): the account, or %NULL
 */
StarlingAccountSession *
starling_account_manager_lookup (StarlingAccountManager *self,
                                 const char             *handle)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_MANAGER (self), NULL);

  if (handle == NULL)
    return NULL;

  for (guint i = 0; i < self->sessions->len; i++)
    {
      StarlingAccountSession *session = g_ptr_array_index (self->sessions, i);

      if (g_ascii_strcasecmp (session->stored->handle, handle) == 0)
        return session;
    }

  return NULL;
}

/**
 * starling_account_manager_prepare_oauth_async:
 * @self: a #StarlingAccountManager
 * @base_uri: the server, as the user typed it (see
 *   starling_discovery_normalize_input())
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the #StarlingOAuth
 * @user_data: data for @callback
 *
 * Gets a sign-in ready: the app registration on the server from the secret
 * store (or a new one, saved there), and the server's OAuth endpoints.
 * A registration the #StarlingOAuth makes later (a server that compares
 * the redirect port) is saved too. Apply the server's quirks
 * (starling_oauth_apply_quirks()) before authorizing.
 */
void
starling_account_manager_prepare_oauth_async (StarlingAccountManager *self,
                                              const char             *base_uri,
                                              GCancellable           *cancellable,
                                              GAsyncReadyCallback     callback,
                                              gpointer                user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  PrepareData *data;

  g_return_if_fail (STARLING_IS_ACCOUNT_MANAGER (self));
  g_return_if_fail (base_uri != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_account_manager_prepare_oauth_async);

  data = g_new0 (PrepareData, 1);
  g_task_set_task_data (task, data, (GDestroyNotify) prepare_data_free);

  data->base_uri = starling_discovery_normalize_input (self->session, base_uri, &error);
  if (data->base_uri == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->oauth = starling_oauth_new (self->session, data->base_uri);
  secret_lookup (self, STARLING_SECRET_CLIENT_CREDENTIALS, data->base_uri, cancellable,
                 prepare_credentials_cb, g_steal_pointer (&task));
}

/**
 * starling_account_manager_prepare_oauth_finish:
 * @self: a #StarlingAccountManager
 * @result: the result given to the callback
 * @error: return location for a #StarlingApiError or #StarlingStoreError
 *
 * Returns: (transfer full): the sign-in, discovered and registered, or
 *   %NULL
 */
StarlingOAuth *
starling_account_manager_prepare_oauth_finish (StarlingAccountManager  *self,
                                               GAsyncResult            *result,
                                               GError                 **error)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_MANAGER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == starling_account_manager_prepare_oauth_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * starling_account_manager_add_async:
 * @self: a #StarlingAccountManager
 * @base_uri: the server (see starling_discovery_normalize_input())
 * @access_token: the token, from the OAuth sign-in or pasted; white space
 *   around it is dropped
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the account
 * @user_data: data for @callback
 *
 * Asks the server whose token this is (`verify_credentials`), stores the
 * token in the secret store, remembers the account in the database, and
 * makes it the active one. An account already known keeps its place and
 * its cache, gets the new token, and no longer needs sign-in. A token the
 * server refuses fails with %STARLING_API_ERROR_UNAUTHORIZED, and a locked
 * keyring with %STARLING_STORE_ERROR_LOCKED; either way nothing is stored.
 */
void
starling_account_manager_add_async (StarlingAccountManager *self,
                                    const char             *base_uri,
                                    const char             *access_token,
                                    GCancellable           *cancellable,
                                    GAsyncReadyCallback     callback,
                                    gpointer                user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  AddData *data;

  g_return_if_fail (STARLING_IS_ACCOUNT_MANAGER (self));
  g_return_if_fail (base_uri != NULL);
  g_return_if_fail (access_token != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_account_manager_add_async);

  data = g_new0 (AddData, 1);
  data->token = g_strdup (access_token);
  g_task_set_task_data (task, data, (GDestroyNotify) add_data_free);

  data->base_uri = starling_discovery_normalize_input (self->session, base_uri, &error);
  if (data->base_uri == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->oauth = starling_oauth_new (self->session, data->base_uri);
  starling_oauth_sign_in_with_token_async (data->oauth, data->token, cancellable, add_verified_cb,
                                           g_steal_pointer (&task));
}

/**
 * starling_account_manager_add_finish:
 * @self: a #StarlingAccountManager
 * @result: the result given to the callback
 * @error: return location for a #StarlingApiError or #StarlingStoreError
 *
 * Returns: (transfer full): the account, READY, or %NULL
 */
StarlingAccountSession *
starling_account_manager_add_finish (StarlingAccountManager  *self,
                                     GAsyncResult            *result,
                                     GError                 **error)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_MANAGER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == starling_account_manager_add_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * starling_account_manager_remove_async:
 * @self: a #StarlingAccountManager
 * @account: one of the manager's accounts
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Signs out: revokes the token on the server (a failure to revoke is not
 * an error), clears it from the secret store, and removes the account with
 * its cached timelines, drafts and history from the database. The app's
 * registration on the server is cleared with the last account there.
 *
 * A keyring that cannot be read or cleared (locked) refuses the sign-out
 * before anything is revoked: the account is kept, and the error says so.
 */
void
starling_account_manager_remove_async (StarlingAccountManager *self,
                                       StarlingAccountSession *account,
                                       GCancellable           *cancellable,
                                       GAsyncReadyCallback     callback,
                                       gpointer                user_data)
{
  g_autoptr (GTask) task = NULL;
  RemoveData *data;

  g_return_if_fail (STARLING_IS_ACCOUNT_MANAGER (self));
  g_return_if_fail (STARLING_IS_ACCOUNT_SESSION (account));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_account_manager_remove_async);

  if (!g_ptr_array_find (self->sessions, account, NULL))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("%s is not one of Starling’s accounts"),
                               account->stored->handle);
      return;
    }

  data = g_new0 (RemoveData, 1);
  data->session = g_object_ref (account);
  g_task_set_task_data (task, data, (GDestroyNotify) remove_data_free);

  secret_lookup (self, STARLING_SECRET_CLIENT_CREDENTIALS, account->stored->base_uri, cancellable,
                 remove_credentials_cb, g_steal_pointer (&task));
}

/**
 * starling_account_manager_remove_finish:
 * @self: a #StarlingAccountManager
 * @result: the result given to the callback
 * @error: return location for a #StarlingStoreError
 *
 * Returns: %TRUE when the account is gone
 */
gboolean
starling_account_manager_remove_finish (StarlingAccountManager  *self,
                                        GAsyncResult            *result,
                                        GError                 **error)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_MANAGER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == starling_account_manager_remove_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * starling_account_manager_move_async:
 * @self: a #StarlingAccountManager
 * @account: one of the manager's accounts
 * @position: its new place; past the end means last
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the order is saved
 * @user_data: data for @callback
 *
 * Moves @account in the list (at once) and saves the new order.
 */
void
starling_account_manager_move_async (StarlingAccountManager *self,
                                     StarlingAccountSession *account,
                                     guint                   position,
                                     GCancellable           *cancellable,
                                     GAsyncReadyCallback     callback,
                                     gpointer                user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GStrvBuilder) builder = NULL;
  g_auto (GStrv) handles = NULL;
  gboolean found;
  guint from;

  g_return_if_fail (STARLING_IS_ACCOUNT_MANAGER (self));
  g_return_if_fail (STARLING_IS_ACCOUNT_SESSION (account));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_account_manager_move_async);

  from = index_of (self, account, &found);
  if (!found)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("%s is not one of Starling’s accounts"),
                               account->stored->handle);
      return;
    }

  position = MIN (position, self->sessions->len - 1);
  if (position != from)
    {
      guint first = MIN (from, position);
      guint last = MAX (from, position);

      g_object_ref (account);
      g_ptr_array_remove_index (self->sessions, from);
      g_ptr_array_insert (self->sessions, position, account);
      g_list_model_items_changed (G_LIST_MODEL (self), first, last - first + 1, last - first + 1);
    }

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->sessions->len; i++)
    {
      StarlingAccountSession *session = g_ptr_array_index (self->sessions, i);

      session->stored->position = i;
      g_strv_builder_add (builder, session->stored->handle);
    }
  handles = g_strv_builder_end (builder);

  if (self->database == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  starling_database_reorder_accounts_async (self->database, (const char * const *) handles, cancellable,
                                            move_saved_cb, g_steal_pointer (&task));
}

/**
 * starling_account_manager_move_finish:
 * @self: a #StarlingAccountManager
 * @result: the result given to the callback
 * @error: return location for a #StarlingStoreError
 *
 * Returns: %TRUE when the order is saved
 */
gboolean
starling_account_manager_move_finish (StarlingAccountManager  *self,
                                      GAsyncResult            *result,
                                      GError                 **error)
{
  g_return_val_if_fail (STARLING_IS_ACCOUNT_MANAGER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == starling_account_manager_move_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
