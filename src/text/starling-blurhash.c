/* starling-blurhash.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-text"

#include "config.h"

#include <math.h>
#include <string.h>

#include "starling-blurhash.h"
#include "starling-text-error.h"

/* The blurhash format, as its reference implementation
 * (github.com/woltapp/blurhash) writes it: one base-83 character for the
 * number of components (x + 9 × y, each 1 to 9), one for the largest AC
 * value, four for the average (DC) colour as 8-bit sRGB, then two per AC
 * component, each a 19-level quantised signed value per channel. */

#define MAX_COMPONENTS 9

static const char base83_alphabet[] =
  "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

typedef struct
{
  float r;
  float g;
  float b;
} Color;

static int
base83_digit (char c)
{
  const char *found;

  if (c == '\0')
    return -1;

  found = strchr (base83_alphabet, c);
  if (found == NULL)
    return -1;

  return (int) (found - base83_alphabet);
}

/* Decodes @length base-83 digits, or returns -1 on a character outside the
 * alphabet. Four digits at most, so the value fits an int. */
static int
decode83 (const char *text,
          gsize       length)
{
  int value = 0;

  g_assert (length <= 4);

  for (gsize i = 0; i < length; i++)
    {
      int digit = base83_digit (text[i]);

      if (digit < 0)
        return -1;
      value = value * 83 + digit;
    }

  return value;
}

static float
srgb_to_linear (int value)
{
  float v = (float) CLAMP (value, 0, 255) / 255.f;

  if (v <= 0.04045f)
    return v / 12.92f;

  return powf ((v + 0.055f) / 1.055f, 2.4f);
}

static guint8
linear_to_srgb (float value)
{
  float v = CLAMP (value, 0.f, 1.f);

  if (v <= 0.0031308f)
    return (guint8) (v * 12.92f * 255.f + 0.5f);

  return (guint8) ((1.055f * powf (v, 1.f / 2.4f) - 0.055f) * 255.f + 0.5f);
}

static float
sign_pow (float value,
          float exponent)
{
  return copysignf (powf (fabsf (value), exponent), value);
}

/* Checks the hash and reads its number of components. */
static gboolean
parse_header (const char  *hash,
              int         *n_x,
              int         *n_y,
              GError     **error)
{
  gsize length;
  int size_flag;

  if (hash == NULL)
    {
      g_set_error_literal (error, STARLING_TEXT_ERROR, STARLING_TEXT_ERROR_MALFORMED,
                           "No blurhash");
      return FALSE;
    }

  length = strlen (hash);
  if (length < 6)
    {
      g_set_error (error, STARLING_TEXT_ERROR, STARLING_TEXT_ERROR_MALFORMED,
                   "A blurhash has at least 6 characters, not %" G_GSIZE_FORMAT, length);
      return FALSE;
    }

  size_flag = decode83 (hash, 1);
  if (size_flag < 0 || size_flag >= MAX_COMPONENTS * MAX_COMPONENTS)
    {
      g_set_error (error, STARLING_TEXT_ERROR, STARLING_TEXT_ERROR_MALFORMED,
                   "Invalid size flag in blurhash");
      return FALSE;
    }

  *n_x = size_flag % 9 + 1;
  *n_y = size_flag / 9 + 1;

  if (length != (gsize) (4 + 2 * *n_x * *n_y))
    {
      g_set_error (error, STARLING_TEXT_ERROR, STARLING_TEXT_ERROR_MALFORMED,
                   "A blurhash with %d×%d components has %d characters, not %" G_GSIZE_FORMAT,
                   *n_x, *n_y, 4 + 2 * *n_x * *n_y, length);
      return FALSE;
    }

  for (gsize i = 0; i < length; i++)
    {
      if (base83_digit (hash[i]) < 0)
        {
          g_set_error (error, STARLING_TEXT_ERROR, STARLING_TEXT_ERROR_MALFORMED,
                       "Invalid character at offset %" G_GSIZE_FORMAT " of blurhash", i);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * starling_blurhash_is_valid:
 * @hash: (nullable): a blurhash, as `MediaAttachment.blurhash` holds it
 *
 * Checks that @hash is well-formed: its length matches the number of
 * components it announces, and every character is a base-83 digit.
 *
 * Returns: whether starling_blurhash_decode() can decode @hash
 */
gboolean
starling_blurhash_is_valid (const char *hash)
{
  int n_x, n_y;

  return parse_header (hash, &n_x, &n_y, NULL);
}

/**
 * starling_blurhash_decode:
 * @hash: a blurhash
 * @width: the width of the picture to draw, 1 to %STARLING_BLURHASH_MAX_SIZE
 * @height: the height of the picture to draw, 1 to %STARLING_BLURHASH_MAX_SIZE
 * @punch: how much to strengthen the colours; 1 draws them as encoded, and
 *   anything below 1 is taken as 1
 * @error: return location for a #GError
 *
 * Draws the placeholder that @hash describes, as the reference
 * implementation does: each pixel is the sum of the components' colours
 * weighted by their cosine bases, in linear light, converted to sRGB.
 *
 * The result has 4 bytes per pixel in the order red, green, blue, alpha
 * (alpha is always 255), rows top to bottom with no padding: a stride of
 * `width * 4`, as `GDK_MEMORY_R8G8B8A8` takes it.
 *
 * Returns: (transfer full) (nullable): `width * height * 4` bytes, or %NULL
 *   with @error set when @hash is malformed
 *   (%STARLING_TEXT_ERROR_MALFORMED) or the size out of range
 *   (%STARLING_TEXT_ERROR_TOO_LARGE)
 */
guint8 *
starling_blurhash_decode (const char  *hash,
                          int          width,
                          int          height,
                          int          punch,
                          GError     **error)
{
  Color colors[MAX_COMPONENTS * MAX_COMPONENTS];
  g_autofree float *cos_x = NULL;
  g_autofree float *cos_y = NULL;
  g_autofree guint8 *pixels = NULL;
  int n_x, n_y;
  int quantised_max, dc;
  float max_value;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (width < 1 || height < 1 ||
      width > STARLING_BLURHASH_MAX_SIZE || height > STARLING_BLURHASH_MAX_SIZE)
    {
      g_set_error (error, STARLING_TEXT_ERROR, STARLING_TEXT_ERROR_TOO_LARGE,
                   "Cannot draw a blurhash at %d×%d: each side must be 1 to %d pixels",
                   width, height, STARLING_BLURHASH_MAX_SIZE);
      return NULL;
    }

  if (!parse_header (hash, &n_x, &n_y, error))
    return NULL;

  if (punch < 1)
    punch = 1;

  quantised_max = decode83 (hash + 1, 1);
  max_value = (float) (quantised_max + 1) / 166.f * (float) punch;

  /* Four digits can hold more than 24 bits; the reference decoders do not
   * check, so the channels are clamped rather than refused. */
  dc = decode83 (hash + 2, 4);
  colors[0].r = srgb_to_linear (dc >> 16);
  colors[0].g = srgb_to_linear ((dc >> 8) & 255);
  colors[0].b = srgb_to_linear (dc & 255);

  for (int i = 1; i < n_x * n_y; i++)
    {
      int value = decode83 (hash + 4 + i * 2, 2);
      int quant_r = value / (19 * 19);
      int quant_g = (value / 19) % 19;
      int quant_b = value % 19;

      colors[i].r = sign_pow ((float) (quant_r - 9) / 9.f, 2.f) * max_value;
      colors[i].g = sign_pow ((float) (quant_g - 9) / 9.f, 2.f) * max_value;
      colors[i].b = sign_pow ((float) (quant_b - 9) / 9.f, 2.f) * max_value;
    }

  /* The cosine bases are separable: tabulate them once per axis. */
  cos_x = g_new (float, (gsize) n_x * (gsize) width);
  cos_y = g_new (float, (gsize) n_y * (gsize) height);
  for (int i = 0; i < n_x; i++)
    for (int x = 0; x < width; x++)
      cos_x[i * width + x] = cosf ((float) G_PI * (float) x * (float) i / (float) width);
  for (int j = 0; j < n_y; j++)
    for (int y = 0; y < height; y++)
      cos_y[j * height + y] = cosf ((float) G_PI * (float) y * (float) j / (float) height);

  pixels = g_malloc ((gsize) width * (gsize) height * 4);

  for (int y = 0; y < height; y++)
    {
      for (int x = 0; x < width; x++)
        {
          float r = 0.f, g = 0.f, b = 0.f;
          guint8 *pixel = pixels + ((gsize) y * (gsize) width + (gsize) x) * 4;

          for (int j = 0; j < n_y; j++)
            {
              float basis_y = cos_y[j * height + y];

              for (int i = 0; i < n_x; i++)
                {
                  float basis = cos_x[i * width + x] * basis_y;
                  const Color *color = &colors[j * n_x + i];

                  r += color->r * basis;
                  g += color->g * basis;
                  b += color->b * basis;
                }
            }

          pixel[0] = linear_to_srgb (r);
          pixel[1] = linear_to_srgb (g);
          pixel[2] = linear_to_srgb (b);
          pixel[3] = 255;
        }
    }

  return g_steal_pointer (&pixels);
}
