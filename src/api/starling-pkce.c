/* starling-pkce.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-api"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "starling-pkce.h"

/* The unreserved characters of RFC 3986, which RFC 7636 allows in a
 * verifier. 64 of them would make every character carry 6 bits; there are
 * 66, so bytes are drawn and those past the last whole multiple refused,
 * which keeps every character equally likely. */
static const char unreserved[] =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

/* Random bytes for a `state` carry this many bytes: 256 bits. */
#define STATE_BYTES 32

/**
 * starling_pkce_random_bytes:
 * @buffer: (out caller-allocates) (array length=length): where to write
 * @length: how many bytes
 * @error: return location for a #GError
 *
 * Fills @buffer from the kernel's cryptographic random source (getrandom).
 * GLib's g_random functions are not fit for secrets: their generator can be
 * predicted from its output.
 *
 * Returns: %TRUE on success
 */
gboolean
starling_pkce_random_bytes (guint8  *buffer,
                            gsize    length,
                            GError **error)
{
  gsize done = 0;

  g_return_val_if_fail (buffer != NULL || length == 0, FALSE);

  while (done < length)
    {
      ssize_t got = getrandom (buffer + done, length - done, 0);

      if (got < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("No secure random numbers are available: %s"),
                       g_strerror (saved_errno));
          return FALSE;
        }

      done += (gsize) got;
    }

  return TRUE;
}

/**
 * starling_pkce_base64url_encode:
 * @data: (array length=length): bytes
 * @length: how many
 *
 * Base64 with the URL-safe alphabet of RFC 4648 §5 (`-` and `_`) and
 * without `=` padding, as PKCE wants.
 *
 * Returns: (transfer full): the encoded text
 */
char *
starling_pkce_base64url_encode (const guint8 *data,
                                gsize         length)
{
  char *text = g_base64_encode (data, length);
  gsize end = strlen (text);

  while (end > 0 && text[end - 1] == '=')
    text[--end] = '\0';

  for (char *p = text; *p != '\0'; p++)
    {
      if (*p == '+')
        *p = '-';
      else if (*p == '/')
        *p = '_';
    }

  return text;
}

/**
 * starling_pkce_new_verifier:
 * @length: the number of characters, 43 to 128
 * @error: return location for a #GError
 *
 * A new PKCE code verifier (RFC 7636 §4.1) of @length characters drawn
 * uniformly from the unreserved characters.
 *
 * Returns: (transfer full): the verifier, or %NULL when no random numbers
 *   could be had
 */
char *
starling_pkce_new_verifier (gsize    length,
                            GError **error)
{
  const guint alphabet = sizeof unreserved - 1;
  /* The largest multiple of the alphabet's size that fits in a byte. */
  const guint limit = 256 - (256 % alphabet);
  g_autofree char *verifier = NULL;
  gsize filled = 0;

  g_return_val_if_fail (length >= STARLING_PKCE_VERIFIER_MIN_LENGTH, NULL);
  g_return_val_if_fail (length <= STARLING_PKCE_VERIFIER_MAX_LENGTH, NULL);

  verifier = g_malloc0 (length + 1);

  while (filled < length)
    {
      guint8 bytes[64];

      if (!starling_pkce_random_bytes (bytes, sizeof bytes, error))
        return NULL;

      for (gsize i = 0; i < sizeof bytes && filled < length; i++)
        if (bytes[i] < limit)
          verifier[filled++] = unreserved[bytes[i] % alphabet];

      explicit_bzero (bytes, sizeof bytes);
    }

  return g_steal_pointer (&verifier);
}

/**
 * starling_pkce_new_state:
 * @error: return location for a #GError
 *
 * A new OAuth `state`: 256 random bits, base64url-encoded (43 characters),
 * so a redirect that Starling did not start cannot be passed off as its
 * own.
 *
 * Returns: (transfer full): the state, or %NULL when no random numbers
 *   could be had
 */
char *
starling_pkce_new_state (GError **error)
{
  guint8 bytes[STATE_BYTES];
  char *state;

  if (!starling_pkce_random_bytes (bytes, sizeof bytes, error))
    return NULL;

  state = starling_pkce_base64url_encode (bytes, sizeof bytes);
  explicit_bzero (bytes, sizeof bytes);

  return state;
}

/**
 * starling_pkce_verifier_is_valid:
 * @verifier: (nullable): a code verifier
 *
 * Returns: %TRUE when @verifier has 43 to 128 characters, all unreserved
 */
gboolean
starling_pkce_verifier_is_valid (const char *verifier)
{
  gsize length;

  if (verifier == NULL)
    return FALSE;

  length = strlen (verifier);
  if (length < STARLING_PKCE_VERIFIER_MIN_LENGTH || length > STARLING_PKCE_VERIFIER_MAX_LENGTH)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (strchr (unreserved, verifier[i]) == NULL)
      return FALSE;

  return TRUE;
}

/**
 * starling_pkce_challenge_s256:
 * @verifier: a code verifier
 *
 * The `S256` code challenge of RFC 7636 §4.2:
 * BASE64URL-ENCODE(SHA256(ASCII(verifier))).
 *
 * Returns: (transfer full): the challenge (43 characters)
 */
char *
starling_pkce_challenge_s256 (const char *verifier)
{
  g_autoptr (GChecksum) checksum = NULL;
  guint8 digest[32];
  gsize digest_length = sizeof digest;
  char *challenge;

  g_return_val_if_fail (verifier != NULL, NULL);

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, (const guchar *) verifier, strlen (verifier));
  g_checksum_get_digest (checksum, digest, &digest_length);
  g_assert (digest_length == sizeof digest);

  challenge = starling_pkce_base64url_encode (digest, digest_length);
  explicit_bzero (digest, sizeof digest);

  return challenge;
}
