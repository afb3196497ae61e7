/* starling-test-common.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests share, with or without a display: waiting on the main
 * loop for a condition or an async result (never for ever), folders,
 * files that must not hold a secret, and the keyring of
 * tests/with-keyring.sh.
 */

#define _GNU_SOURCE

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include "starling-test-common.h"

#define WAIT_TIMEOUT_SECONDS 60

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
slot_filled (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* Waiting */

/**
 * starling_test_wait_until:
 *
 * Runs the main loop until @condition holds, and fails the test if it does
 * not within a minute (a sanitized build on a busy machine is slow).
 */
void
starling_test_wait_until (gboolean (*condition) (gpointer data),
                          gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_SECONDS * G_TIME_SPAN_SECOND;
  guint wake;

  /* The loop wakes up now and then, so a condition that never comes true
   * fails the test instead of hanging it. */
  wake = g_timeout_add (100, wake_cb, NULL);
  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for a condition");
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
}

/**
 * starling_test_result_cb:
 * @user_data: a `GAsyncResult *` slot, %NULL until now
 *
 * A #GAsyncReadyCallback that keeps the result in its slot, for
 * starling_test_wait_result().
 */
void
starling_test_result_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

/**
 * starling_test_wait_result:
 * @slot: where starling_test_result_cb() puts the result
 *
 * Runs the main loop until the result came (failing the test after a
 * minute).
 *
 * Returns: (transfer none): the result, which @slot holds
 */
GAsyncResult *
starling_test_wait_result (GAsyncResult **slot)
{
  starling_test_wait_until (slot_filled, slot);
  return *slot;
}

/* Files */

/**
 * starling_test_remove_tree:
 * @path: a folder the test made
 *
 * Deletes @path and everything in it.
 */
void
starling_test_remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      starling_test_remove_tree (child);
    }
  g_rmdir (path);
}

static gboolean
file_holds (const char *path,
            const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  return memmem (contents, length, needle, strlen (needle)) != NULL;
}

/**
 * starling_test_count_files_holding:
 * @folder: where to look, and in every folder below (links are not
 *   followed)
 * @needle: the bytes looked for, such as a token
 * @n_files: (inout): counts the files read
 *
 * Reads every file byte by byte.
 *
 * Returns: how many files hold @needle (each is named in a test message)
 */
guint
starling_test_count_files_holding (const char *folder,
                                   const char *needle,
                                   guint      *n_files)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint found = 0;

  if (dir == NULL)
    return 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        found += starling_test_count_files_holding (path, needle, n_files);
      else if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          (*n_files)++;
          if (file_holds (path, needle))
            {
              g_test_message ("A secret is in %s", path);
              found++;
            }
        }
    }

  return found;
}

/* The keyring of tests/with-keyring.sh */

/**
 * starling_test_lock_keyring:
 *
 * Locks every collection of the test's GNOME Keyring.
 */
void
starling_test_lock_keyring (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SecretService) service = secret_service_get_sync (SECRET_SERVICE_LOAD_COLLECTIONS, NULL, &error);
  GList *collections;

  g_assert_no_error (error);
  collections = secret_service_get_collections (service);
  secret_service_lock_sync (service, collections, NULL, NULL, &error);
  g_assert_no_error (error);
  g_list_free_full (collections, g_object_unref);
}

/**
 * starling_test_unlock_keyring:
 *
 * Unlocks the default collection with the password with-keyring.sh gave
 * it, over D-Bus and without a prompt (which nobody could answer here),
 * as a person would in the system's unlock prompt.
 */
void
starling_test_unlock_keyring (void)
{
  const char *password = g_getenv ("STARLING_TEST_KEYRING_PASSWORD");
  g_autoptr (GError) error = NULL;
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr (GVariant) opened = NULL;
  g_autoptr (GVariant) alias = NULL;
  g_autoptr (GVariant) unlocked = NULL;
  g_autoptr (GVariant) output = NULL;
  const char *session_path = NULL;
  const char *collection = NULL;
  GVariant *secret;

  g_assert_no_error (error);
  g_assert_nonnull (password);

  opened = g_dbus_connection_call_sync (bus, "org.freedesktop.secrets", "/org/freedesktop/secrets",
                                        "org.freedesktop.Secret.Service", "OpenSession",
                                        g_variant_new ("(sv)", "plain", g_variant_new_string ("")),
                                        G_VARIANT_TYPE ("(vo)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (opened, "(v&o)", &output, &session_path);

  alias = g_dbus_connection_call_sync (bus, "org.freedesktop.secrets", "/org/freedesktop/secrets",
                                       "org.freedesktop.Secret.Service", "ReadAlias",
                                       g_variant_new ("(s)", "default"),
                                       G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (alias, "(&o)", &collection);
  g_assert_cmpstr (collection, !=, "/");

  secret = g_variant_new ("(o@ay@ays)", session_path,
                          g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, "", 0, 1),
                          g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, password, strlen (password), 1),
                          "text/plain");
  unlocked = g_dbus_connection_call_sync (bus, "org.freedesktop.secrets", "/org/freedesktop/secrets",
                                          "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface",
                                          "UnlockWithMasterPassword",
                                          g_variant_new ("(o@(oayays))", collection, secret),
                                          NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
}
