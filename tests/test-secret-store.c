/* test-secret-store.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs against a real GNOME Keyring in a D-Bus session of its own
 * (tests/with-keyring.sh).
 */

#define _GNU_SOURCE

#include "config.h"

#include <string.h>

#include <libsecret/secret.h>

#include "store/starling-secret-store.h"
#include "store/starling-store-error.h"

#include "starling-test-common.h"

static const char token[] = "tok-3f9d0c7a1be24e5f8a6d2c4b9e1f0a7d";
static const char other_token[] = "tok-second-5e2a7b9c1d3f4e6a8b0c2d4e6f8a0b1c";

static gboolean
store (StarlingSecretStore  *self,
       StarlingSecretKind    kind,
       const char           *key,
       const char           *secret,
       GError              **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  starling_secret_store_store_async (self, kind, key, secret, NULL, starling_test_result_cb, &result);
  return starling_secret_store_store_finish (self, starling_test_wait_result (&result), error);
}

static StarlingSecret *
lookup (StarlingSecretStore  *self,
        StarlingSecretKind    kind,
        const char           *key,
        GError              **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  starling_secret_store_lookup_async (self, kind, key, NULL, starling_test_result_cb, &result);
  return starling_secret_store_lookup_finish (self, starling_test_wait_result (&result), error);
}

static gboolean
clear (StarlingSecretStore  *self,
       StarlingSecretKind    kind,
       const char           *key,
       GError              **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  starling_secret_store_clear_async (self, kind, key, NULL, starling_test_result_cb, &result);
  return starling_secret_store_clear_finish (self, starling_test_wait_result (&result), error);
}

static void
test_round_trip (void)
{
  g_autoptr (StarlingSecretStore) self = starling_secret_store_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingSecret) found = NULL;
  g_autoptr (StarlingSecret) replaced = NULL;
  g_autoptr (StarlingSecret) other_kind = NULL;
  g_autoptr (StarlingSecret) other_key = NULL;
  g_autoptr (StarlingSecret) gone = NULL;

  g_assert_true (store (self, STARLING_SECRET_ACCESS_TOKEN, "alice@example.social", token, &error));
  g_assert_no_error (error);

  found = lookup (self, STARLING_SECRET_ACCESS_TOKEN, "alice@example.social", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, token);

  /* Kinds and keys are kept apart. */
  other_kind = lookup (self, STARLING_SECRET_CLIENT_CREDENTIALS, "alice@example.social", &error);
  g_assert_no_error (error);
  g_assert_null (other_kind);
  other_key = lookup (self, STARLING_SECRET_ACCESS_TOKEN, "alice@other.social", &error);
  g_assert_no_error (error);
  g_assert_null (other_key);

  /* Storing again replaces, never duplicates. */
  g_assert_true (store (self, STARLING_SECRET_ACCESS_TOKEN, "alice@example.social", other_token, &error));
  g_assert_no_error (error);
  replaced = lookup (self, STARLING_SECRET_ACCESS_TOKEN, "alice@example.social", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (replaced, ==, other_token);

  g_assert_true (clear (self, STARLING_SECRET_ACCESS_TOKEN, "alice@example.social", &error));
  g_assert_no_error (error);
  gone = lookup (self, STARLING_SECRET_ACCESS_TOKEN, "alice@example.social", &error);
  g_assert_no_error (error);
  g_assert_null (gone);

  /* Clearing what is not there is what the caller wanted. */
  g_assert_true (clear (self, STARLING_SECRET_ACCESS_TOKEN, "alice@example.social", &error));
  g_assert_no_error (error);
}

static void
test_client_credentials (void)
{
  g_autoptr (StarlingSecretStore) self = starling_secret_store_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (StarlingSecret) found = NULL;
  const char *credentials = "{\"client_id\":\"abc\",\"client_secret\":\"s3cr3t-ü\"}";

  g_assert_true (store (self, STARLING_SECRET_CLIENT_CREDENTIALS, "https://example.social", credentials, &error));
  g_assert_no_error (error);
  found = lookup (self, STARLING_SECRET_CLIENT_CREDENTIALS, "https://example.social", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, credentials);
  g_assert_true (clear (self, STARLING_SECRET_CLIENT_CREDENTIALS, "https://example.social", &error));
}

static void
test_invalid (void)
{
  g_autoptr (StarlingSecretStore) self = starling_secret_store_new ();
  g_autoptr (GError) empty_key = NULL;
  g_autoptr (GError) empty_secret = NULL;
  g_autoptr (GError) bad_utf8 = NULL;
  g_autoptr (GError) null_key = NULL;

  g_assert_false (store (self, STARLING_SECRET_ACCESS_TOKEN, "", token, &empty_key));
  g_assert_error (empty_key, STARLING_STORE_ERROR, STARLING_STORE_ERROR_INVALID);
  g_assert_false (store (self, STARLING_SECRET_ACCESS_TOKEN, "a@b", "", &empty_secret));
  g_assert_error (empty_secret, STARLING_STORE_ERROR, STARLING_STORE_ERROR_INVALID);
  g_assert_false (store (self, STARLING_SECRET_ACCESS_TOKEN, "a@b", "\xff\xfe", &bad_utf8));
  g_assert_error (bad_utf8, STARLING_STORE_ERROR, STARLING_STORE_ERROR_INVALID);
  g_assert_null (lookup (self, STARLING_SECRET_ACCESS_TOKEN, NULL, &null_key));
  g_assert_error (null_key, STARLING_STORE_ERROR, STARLING_STORE_ERROR_INVALID);
}

/* The keyring writes its file under XDG_DATA_HOME, encrypted: no file in
 * the test's folders may hold the token in the clear. */
static void
test_nothing_in_files (void)
{
  g_autoptr (StarlingSecretStore) self = starling_secret_store_new ();
  g_autoptr (GError) error = NULL;
  const char *root = g_getenv ("STARLING_TEST_ROOT");
  guint n_files = 0;

  if (root == NULL)
    {
      g_test_skip ("Needs tests/with-keyring.sh");
      return;
    }

  g_assert_true (store (self, STARLING_SECRET_ACCESS_TOKEN, "carol@example.social", token, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (starling_test_count_files_holding (root, token, &n_files), ==, 0);
  /* The keyring did write its file: the scan looked at something. */
  g_assert_cmpuint (n_files, >, 0);

  g_assert_true (clear (self, STARLING_SECRET_ACCESS_TOKEN, "carol@example.social", &error));
}

/* A locked keyring that cannot be unlocked (no prompt can be shown here)
 * gives a clear error for both storing and looking up: a stored sign-in
 * must never look lost. Runs last: the keyring stays locked. */
static void
test_locked (void)
{
  g_autoptr (StarlingSecretStore) self = starling_secret_store_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) store_error = NULL;
  g_autoptr (GError) lookup_error = NULL;
  g_autoptr (StarlingSecret) found = NULL;

  if (g_getenv ("STARLING_TEST_ROOT") == NULL)
    {
      g_test_skip ("Needs tests/with-keyring.sh");
      return;
    }

  g_assert_true (store (self, STARLING_SECRET_ACCESS_TOKEN, "dave@example.social", token, &error));
  g_assert_no_error (error);
  starling_test_lock_keyring ();

  g_assert_false (store (self, STARLING_SECRET_ACCESS_TOKEN, "erin@example.social", token, &store_error));
  g_assert_error (store_error, STARLING_STORE_ERROR, STARLING_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (store_error->message, "locked"));

  found = lookup (self, STARLING_SECRET_ACCESS_TOKEN, "dave@example.social", &lookup_error);
  g_assert_null (found);
  g_assert_error (lookup_error, STARLING_STORE_ERROR, STARLING_STORE_ERROR_LOCKED);
}

/* The first call of a process connects to the Secret Service before it
 * stores: the key must not be needed from the caller after the call. */
static void
test_key_freed_early (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (StarlingSecretStore) self = starling_secret_store_new ();
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (StarlingSecret) found = NULL;
      char *key = g_strdup ("grace@example.social");

      starling_secret_store_store_async (self, STARLING_SECRET_ACCESS_TOKEN, key, token, NULL, starling_test_result_cb, &result);
      memset (key, 'x', strlen (key));
      g_free (key);
      g_assert_true (starling_secret_store_store_finish (self, starling_test_wait_result (&result), &error));
      g_assert_no_error (error);

      found = lookup (self, STARLING_SECRET_ACCESS_TOKEN, "grace@example.social", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (found, ==, token);
      g_assert_true (clear (self, STARLING_SECRET_ACCESS_TOKEN, "grace@example.social", &error));
      return;
    }

  if (g_getenv ("STARLING_TEST_ROOT") == NULL)
    {
      g_test_skip ("Needs tests/with-keyring.sh");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* Without any Secret Service on the bus. */
static void
test_unavailable (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (StarlingSecretStore) self = NULL;
      g_autoptr (GError) error = NULL;

      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/starling-test-bus", TRUE);
      self = starling_secret_store_new ();
      g_assert_false (store (self, STARLING_SECRET_ACCESS_TOKEN, "frank@example.social", token, &error));
      g_assert_error (error, STARLING_STORE_ERROR, STARLING_STORE_ERROR_UNAVAILABLE);
      g_assert_nonnull (strstr (error->message, "keyring"));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/starling/secret-store/round-trip", test_round_trip);
  g_test_add_func ("/starling/secret-store/client-credentials", test_client_credentials);
  g_test_add_func ("/starling/secret-store/invalid", test_invalid);
  g_test_add_func ("/starling/secret-store/nothing-in-files", test_nothing_in_files);
  g_test_add_func ("/starling/secret-store/key-freed-early", test_key_freed_early);
  g_test_add_func ("/starling/secret-store/unavailable", test_unavailable);
  g_test_add_func ("/starling/secret-store/locked", test_locked);

  return g_test_run ();
}
