/* starling-secret-store.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "starling-secret-store.h"
#include "starling-store-error.h"

/**
 * StarlingSecretStore:
 *
 * Keeps access tokens and app registrations in the Secret Service
 * (GNOME Keyring, KWallet, or the secret portal inside Flatpak), and
 * nowhere else: not in a file, not in a log. Each secret is found by its
 * kind and a key (the account's `user@server`, or the server's base URI).
 *
 * A locked keyring whose unlocking is refused, or a session without any
 * Secret Service, gives a %STARLING_STORE_ERROR whose message says what to
 * do; the caller keeps the account, so nothing is lost.
 */
struct _StarlingSecretStore
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (StarlingSecretStore, starling_secret_store, G_TYPE_OBJECT)

static const SecretSchema schema = {
  "io.github.starlingapp.Starling", SECRET_SCHEMA_NONE,
  {
    { "starling-kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "starling-key", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
  0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
};

static const char *
kind_name (StarlingSecretKind kind)
{
  switch (kind)
    {
    case STARLING_SECRET_ACCESS_TOKEN:
      return "access-token";
    case STARLING_SECRET_CLIENT_CREDENTIALS:
      return "client-credentials";
    default:
      g_assert_not_reached ();
    }
}

static GHashTable *
attributes_for (StarlingSecretKind  kind,
                const char         *key)
{
  /* libsecret keeps a reference to the table, not a copy of its strings,
   * while it connects to the Secret Service: the table owns its values, or
   * a caller's key freed meanwhile would be read. */
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (attributes, (gpointer) "starling-kind", g_strdup (kind_name (kind)));
  g_hash_table_insert (attributes, (gpointer) "starling-key", g_strdup (key));

  return attributes;
}

static gboolean
check_key (const char  *key,
           GError     **error)
{
  if (key == NULL || *key == '\0' || !g_utf8_validate (key, -1, NULL))
    {
      g_set_error_literal (error, STARLING_STORE_ERROR, STARLING_STORE_ERROR_INVALID,
                           _("An account or server without a name cannot have a secret"));
      return FALSE;
    }

  return TRUE;
}

/* What libsecret and D-Bus say, turned into what the user can act on. The
 * original message goes to the debug log: it names no secret. */
static GError *
translate_error (const GError *error,
                 GCancellable *cancellable)
{
  g_debug ("Secret Service: %s (%s %d)", error->message,
           g_quark_to_string (error->domain), error->code);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (g_cancellable_is_cancelled (cancellable))
        return g_error_copy (error);

      /* The unlock prompt was dismissed. */
      return g_error_new_literal (STARLING_STORE_ERROR, STARLING_STORE_ERROR_LOCKED,
                                  _("The keyring stayed locked. Unlock it and try again; "
                                    "your accounts are kept until then."));
    }

  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    return g_error_new_literal (STARLING_STORE_ERROR, STARLING_STORE_ERROR_LOCKED,
                                _("The keyring is locked. Unlock it (in Passwords and Keys, or by "
                                  "signing in again) and try again; your accounts are kept until then."));

  if (error->domain == G_DBUS_ERROR ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_DBUS_ERROR) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED) ||
      error->domain == G_SPAWN_ERROR)
    return g_error_new_literal (STARLING_STORE_ERROR, STARLING_STORE_ERROR_UNAVAILABLE,
                                _("No keyring is available to keep your sign-in safe. Install or "
                                  "start a Secret Service such as GNOME Keyring, then try again."));

  return g_error_new (STARLING_STORE_ERROR, STARLING_STORE_ERROR_FAILED,
                      _("The keyring failed: %s"), error->message);
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, translate_error (error, g_task_get_cancellable (task)));
  else
    g_task_return_boolean (task, TRUE);
}

static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  GList *items;
  SecretItem *item;
  SecretValue *value;
  const char *text;

  items = secret_service_search_finish (NULL, result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, translate_error (error, g_task_get_cancellable (task)));
      return;
    }

  if (items == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  /* A plain lookup answers "nothing" for an item it could not unlock,
   * which would look like a lost sign-in; a search tells the two apart. */
  item = items->data;
  value = secret_item_get_locked (item) ? NULL : secret_item_get_secret (item);
  if (value == NULL)
    {
      g_autoptr (GError) locked = g_error_new_literal (SECRET_ERROR, SECRET_ERROR_IS_LOCKED, "locked");

      g_task_return_error (task, translate_error (locked, g_task_get_cancellable (task)));
    }
  else
    {
      text = secret_value_get_text (value);
      if (text == NULL)
        g_task_return_new_error (task, STARLING_STORE_ERROR, STARLING_STORE_ERROR_FAILED,
                                 _("The keyring holds a secret for this account that is not text"));
      else
        g_task_return_pointer (task, g_strdup (text), (GDestroyNotify) starling_secret_free);
      secret_value_unref (value);
    }

  g_list_free_full (items, g_object_unref);
}

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  /* FALSE without an error: there was nothing to clear, which is what
   * the caller wanted. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, translate_error (error, g_task_get_cancellable (task)));
  else
    g_task_return_boolean (task, TRUE);
}

static void
starling_secret_store_class_init (StarlingSecretStoreClass *klass)
{
}

static void
starling_secret_store_init (StarlingSecretStore *self)
{
}

/**
 * starling_secret_store_new:
 *
 * Returns: (transfer full): a store over the session's Secret Service
 */
StarlingSecretStore *
starling_secret_store_new (void)
{
  return g_object_new (STARLING_TYPE_SECRET_STORE, NULL);
}

/**
 * starling_secret_store_store_async:
 * @self: a #StarlingSecretStore
 * @kind: what @secret is
 * @key: the account's `user@server`, or the server's base URI
 * @secret: the secret; replaces the one stored for @kind and @key
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the secret is stored
 * @user_data: data for @callback
 *
 * Stores @secret in the default collection. If the keyring is locked, the
 * Secret Service asks the user to unlock it.
 */
void
starling_secret_store_store_async (StarlingSecretStore *self,
                                   StarlingSecretKind   kind,
                                   const char          *key,
                                   const char          *secret,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GHashTable) attributes = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (STARLING_IS_SECRET_STORE (self));
  g_return_if_fail (secret != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_secret_store_store_async);

  if (!check_key (key, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (*secret == '\0' || !g_utf8_validate (secret, -1, NULL))
    {
      g_task_return_new_error (task, STARLING_STORE_ERROR, STARLING_STORE_ERROR_INVALID,
                               _("An empty or unreadable secret cannot be kept"));
      return;
    }

  if (kind == STARLING_SECRET_ACCESS_TOKEN)
    label = g_strdup_printf (_("Starling sign-in for %s"), key);
  else
    label = g_strdup_printf (_("Starling app registration on %s"), key);

  attributes = attributes_for (kind, key);
  secret_password_storev (&schema, attributes, SECRET_COLLECTION_DEFAULT, label, secret,
                          cancellable, store_cb, g_steal_pointer (&task));
}

/**
 * starling_secret_store_store_finish:
 * @self: a #StarlingSecretStore
 * @result: the result given to the callback
 * @error: return location for a #StarlingStoreError
 *
 * Returns: %TRUE when the secret is stored
 */
gboolean
starling_secret_store_store_finish (StarlingSecretStore  *self,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * starling_secret_store_lookup_async:
 * @self: a #StarlingSecretStore
 * @kind: what to look up
 * @key: the account's `user@server`, or the server's base URI
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Looks up the secret of @kind for @key.
 */
void
starling_secret_store_lookup_async (StarlingSecretStore *self,
                                    StarlingSecretKind   kind,
                                    const char          *key,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GHashTable) attributes = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (STARLING_IS_SECRET_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_secret_store_lookup_async);

  if (!check_key (key, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  attributes = attributes_for (kind, key);
  secret_service_search (NULL, &schema, attributes,
                         SECRET_SEARCH_UNLOCK | SECRET_SEARCH_LOAD_SECRETS,
                         cancellable, search_cb, g_steal_pointer (&task));
}

/**
 * starling_secret_store_lookup_finish:
 * @self: a #StarlingSecretStore
 * @result: the result given to the callback
 * @error: return location for a #StarlingStoreError
 *
 * Returns: (transfer full) (nullable): the secret, to free with
 *   starling_secret_free(), or %NULL without an error when none is stored
 */
StarlingSecret *
starling_secret_store_lookup_finish (StarlingSecretStore  *self,
                                     GAsyncResult         *result,
                                     GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * starling_secret_store_clear_async:
 * @self: a #StarlingSecretStore
 * @kind: what to clear
 * @key: the account's `user@server`, or the server's base URI
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Removes the secret of @kind for @key. Clearing what is not there
 * succeeds.
 */
void
starling_secret_store_clear_async (StarlingSecretStore *self,
                                   StarlingSecretKind   kind,
                                   const char          *key,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GHashTable) attributes = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (STARLING_IS_SECRET_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_secret_store_clear_async);

  if (!check_key (key, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  attributes = attributes_for (kind, key);
  secret_password_clearv (&schema, attributes, cancellable, clear_cb, g_steal_pointer (&task));
}

/**
 * starling_secret_store_clear_finish:
 * @self: a #StarlingSecretStore
 * @result: the result given to the callback
 * @error: return location for a #StarlingStoreError
 *
 * Returns: %TRUE when no such secret is stored any more
 */
gboolean
starling_secret_store_clear_finish (StarlingSecretStore  *self,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * starling_secret_free:
 * @secret: (nullable): a secret from starling_secret_store_lookup_finish()
 *
 * Wipes @secret and frees it.
 */
void
starling_secret_free (StarlingSecret *secret)
{
  if (secret == NULL)
    return;

  explicit_bzero (secret, strlen (secret));
  g_free (secret);
}
