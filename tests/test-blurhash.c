/* test-blurhash.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "text/starling-blurhash.h"
#include "text/starling-text-error.h"

/* The example of the blurhash README (github.com/woltapp/blurhash). */
#define README_HASH "LEHV6nWB2yk8pyo0adR*.7kCMdnj"

/* An independent decoder, written from the format's description in double
 * precision and without tables, to compare the library with. */
static const char alphabet[] =
  "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

static long
reference_decode83 (const char *text,
                    int         length)
{
  long value = 0;

  for (int i = 0; i < length; i++)
    value = value * 83 + (long) (strchr (alphabet, text[i]) - alphabet);

  return value;
}

static double
reference_to_linear (long value)
{
  double v = (double) value / 255.0;

  return v <= 0.04045 ? v / 12.92 : pow ((v + 0.055) / 1.055, 2.4);
}

static int
reference_to_srgb (double value)
{
  double v = value < 0 ? 0 : value > 1 ? 1 : value;

  if (v <= 0.0031308)
    return (int) round (v * 12.92 * 255.0);
  return (int) round ((1.055 * pow (v, 1 / 2.4) - 0.055) * 255.0);
}

static void
reference_pixel (const char *hash,
                 int         width,
                 int         height,
                 int         x,
                 int         y,
                 int         punch,
                 int         rgb[3])
{
  int size_flag = (int) reference_decode83 (hash, 1);
  int n_x = size_flag % 9 + 1;
  int n_y = size_flag / 9 + 1;
  double max_value = (double) (reference_decode83 (hash + 1, 1) + 1) / 166.0 * punch;
  double sum[3] = { 0, 0, 0 };

  for (int j = 0; j < n_y; j++)
    for (int i = 0; i < n_x; i++)
      {
        double basis = cos (G_PI * x * i / width) * cos (G_PI * y * j / height);
        double color[3];

        if (i == 0 && j == 0)
          {
            long dc = reference_decode83 (hash + 2, 4);

            color[0] = reference_to_linear (dc >> 16);
            color[1] = reference_to_linear ((dc >> 8) & 255);
            color[2] = reference_to_linear (dc & 255);
          }
        else
          {
            long ac = reference_decode83 (hash + 4 + (j * n_x + i) * 2, 2);
            long quant[3] = { ac / (19 * 19), (ac / 19) % 19, ac % 19 };

            for (int c = 0; c < 3; c++)
              {
                double v = (quant[c] - 9) / 9.0;

                color[c] = (v < 0 ? -1 : 1) * v * v * max_value;
              }
          }

        for (int c = 0; c < 3; c++)
          sum[c] += color[c] * basis;
      }

  for (int c = 0; c < 3; c++)
    rgb[c] = reference_to_srgb (sum[c]);
}

static void
assert_matches_reference (const char *hash,
                          int         width,
                          int         height,
                          int         punch)
{
  g_autoptr (GError) error = NULL;
  g_autofree guint8 *pixels = starling_blurhash_decode (hash, width, height, punch, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pixels);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint8 *pixel = pixels + ((gsize) y * width + x) * 4;
        int expected[3];

        reference_pixel (hash, width, height, x, y, punch, expected);
        for (int c = 0; c < 3; c++)
          {
            /* Single against double precision: one level at most. */
            if (ABS ((int) pixel[c] - expected[c]) > 1)
              g_error ("%s at %d×%d, pixel %d,%d channel %d: %d, expected %d",
                       hash, width, height, x, y, c, pixel[c], expected[c]);
          }
        g_assert_cmpuint (pixel[3], ==, 255);
      }
}

static void
test_readme_example (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree guint8 *pixels = starling_blurhash_decode (README_HASH, 32, 32, 1, &error);
  double sum[3] = { 0, 0, 0 };
  int average[3];

  g_assert_no_error (error);
  g_assert_true (starling_blurhash_is_valid (README_HASH));

  /* Its average colour, the DC component "HV6n", is #979695 (151, 150,
   * 149); the cosine terms average out over the picture in linear light. */
  g_assert_cmpint (reference_decode83 ("HV6n", 4), ==, 0x979695);
  for (int i = 0; i < 32 * 32; i++)
    for (int c = 0; c < 3; c++)
      sum[c] += reference_to_linear (pixels[i * 4 + c]);
  for (int c = 0; c < 3; c++)
    average[c] = reference_to_srgb (sum[c] / (32 * 32));
  g_assert_cmpint (ABS (average[0] - 151), <=, 8);
  g_assert_cmpint (ABS (average[1] - 150), <=, 8);
  g_assert_cmpint (ABS (average[2] - 149), <=, 8);

  /* The picture is not flat. */
  {
    int range = 0;

    for (int i = 0; i < 32 * 32 * 4; i++)
      if (i % 4 != 3)
        range = MAX (range, ABS ((int) pixels[i] - (int) pixels[i % 4]));
    g_assert_cmpint (range, >, 20);
  }

  assert_matches_reference (README_HASH, 32, 32, 1);
  assert_matches_reference (README_HASH, 1, 1, 1);
  assert_matches_reference (README_HASH, 7, 3, 1);
  assert_matches_reference (README_HASH, 64, 40, 3);
}

static void
test_other_hashes (void)
{
  static const char * const hashes[] = {
    /* The other examples of the blurhash README and web site. */
    "LGF5]+Yk^6#M@-5c,1J5@[or[Q6.",
    "L6PZfSi_.AyE_3t7t7R**0o#DgR4",
    "LKO2?U%2Tw=w]~RBVZRi};RPxuwH",
    "LlMF%n00%#MwS|WCWEM{R*bbWBbH",
  };
  g_autoptr (GString) largest = g_string_new ("|EHV6n");

  for (guint i = 0; i < G_N_ELEMENTS (hashes); i++)
    {
      g_test_message ("%s", hashes[i]);
      g_assert_true (starling_blurhash_is_valid (hashes[i]));
      assert_matches_reference (hashes[i], 20, 12, 1);
    }

  /* 9×9 components, the most there can be: "|" and 80 AC values. */
  for (guint i = 0; i < 80; i++)
    {
      g_string_append_c (largest, alphabet[(i * 7) % 83]);
      g_string_append_c (largest, alphabet[(i * 13 + 5) % 83]);
    }
  g_assert_cmpuint (largest->len, ==, 166);
  g_assert_true (starling_blurhash_is_valid (largest->str));
  assert_matches_reference (largest->str, 33, 17, 1);
}

static void
test_solid (void)
{
  g_autoptr (GError) error = NULL;
  /* One component: a flat colour, DC "OZZy" = #D51E78. */
  g_autofree guint8 *pixels = starling_blurhash_decode ("00OZZy", 4, 4, 1, &error);

  g_assert_no_error (error);
  g_assert_cmpint (reference_decode83 ("OZZy", 4), ==, 0xD51E78);
  for (int i = 0; i < 16; i++)
    {
      g_assert_cmpint (ABS (pixels[i * 4] - 0xD5), <=, 1);
      g_assert_cmpint (ABS (pixels[i * 4 + 1] - 0x1E), <=, 1);
      g_assert_cmpint (ABS (pixels[i * 4 + 2] - 0x78), <=, 1);
      g_assert_cmpint (pixels[i * 4 + 3], ==, 255);
    }
}

static void
test_punch (void)
{
  g_autofree guint8 *soft = starling_blurhash_decode (README_HASH, 16, 16, 1, NULL);
  g_autofree guint8 *punched = starling_blurhash_decode (README_HASH, 16, 16, 3, NULL);
  g_autofree guint8 *below_one = starling_blurhash_decode (README_HASH, 16, 16, -5, NULL);
  int soft_range = 0;
  int punched_range = 0;

  g_assert_nonnull (soft);
  g_assert_nonnull (punched);
  /* Anything below 1 is 1. */
  g_assert_cmpmem (soft, 16 * 16 * 4, below_one, 16 * 16 * 4);

  for (int i = 0; i < 16 * 16 * 4; i += 4)
    {
      soft_range = MAX (soft_range, ABS (soft[i] - soft[0]));
      punched_range = MAX (punched_range, ABS (punched[i] - punched[0]));
    }
  g_assert_cmpint (punched_range, >, soft_range);
}

static void
test_bad_input (void)
{
  static const char * const malformed[] = {
    "",
    "L",
    "LEHV6",
    /* One character short of what the size flag announces. */
    "LEHV6nWB2yk8pyo0adR*.7kCMdn",
    /* One too many. */
    "LEHV6nWB2yk8pyo0adR*.7kCMdnjj",
    /* Characters outside the alphabet. */
    "LEHV6nWB2yk8pyo0adR*.7kCMd\"j",
    "LEHV6nWB2yk8pyo0adR*.7kCMd j",
    "LEHV6nWB2yk8pyo0adR*.7kCMd\xc3\xa9",
    "00OZZ\x01",
    /* Size flags 81 and 82 would mean 10 rows. */
    "}0000000000000000000000",
    "~0000000000000000000000",
  };
  static const struct {
    int width;
    int height;
  } bad_sizes[] = {
    { 0, 10 }, { 10, 0 }, { -1, 10 }, { 257, 10 }, { 10, 257 }, { G_MAXINT, G_MAXINT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autoptr (GError) error = NULL;
      guint8 *pixels = starling_blurhash_decode (malformed[i], 8, 8, 1, &error);

      g_test_message ("%s", malformed[i]);
      g_assert_null (pixels);
      g_assert_error (error, STARLING_TEXT_ERROR, STARLING_TEXT_ERROR_MALFORMED);
      g_assert_false (starling_blurhash_is_valid (malformed[i]));
    }

  {
    g_autoptr (GError) error = NULL;

    g_assert_null (starling_blurhash_decode (NULL, 8, 8, 1, &error));
    g_assert_error (error, STARLING_TEXT_ERROR, STARLING_TEXT_ERROR_MALFORMED);
    g_assert_false (starling_blurhash_is_valid (NULL));
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad_sizes); i++)
    {
      g_autoptr (GError) error = NULL;
      guint8 *pixels = starling_blurhash_decode (README_HASH, bad_sizes[i].width, bad_sizes[i].height, 1, &error);

      g_assert_null (pixels);
      g_assert_error (error, STARLING_TEXT_ERROR, STARLING_TEXT_ERROR_TOO_LARGE);
    }

  /* The largest size is allowed. */
  {
    g_autofree guint8 *pixels = starling_blurhash_decode (README_HASH, STARLING_BLURHASH_MAX_SIZE,
                                                          STARLING_BLURHASH_MAX_SIZE, 1, NULL);

    g_assert_nonnull (pixels);
  }

  /* A DC value beyond 24 bits is clamped rather than refused, as the
   * reference decoders draw it. */
  {
    g_autoptr (GError) error = NULL;
    g_autofree guint8 *pixels = starling_blurhash_decode ("00~~~~", 2, 2, 1, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (pixels[0], ==, 255);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/starling/blurhash/readme-example", test_readme_example);
  g_test_add_func ("/starling/blurhash/other-hashes", test_other_hashes);
  g_test_add_func ("/starling/blurhash/solid", test_solid);
  g_test_add_func ("/starling/blurhash/punch", test_punch);
  g_test_add_func ("/starling/blurhash/bad-input", test_bad_input);

  return g_test_run ();
}
