/* starling-demo-image.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-demo"

#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "starling-demo-image.h"

static const char base83[] =
  "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

G_LOCK_DEFINE_STATIC (blurhash_cache);
static GHashTable *blurhash_cache;

static void
hsv_to_rgb (double  h,
            double  s,
            double  v,
            double *rgb)
{
  double c = v * s;
  double hp = fmod (h, 360.0) / 60.0;
  double x = c * (1 - fabs (fmod (hp, 2.0) - 1));
  double m = v - c;
  double r = 0, g = 0, b = 0;

  if (hp < 1) { r = c; g = x; }
  else if (hp < 2) { r = x; g = c; }
  else if (hp < 3) { g = c; b = x; }
  else if (hp < 4) { g = x; b = c; }
  else if (hp < 5) { r = x; b = c; }
  else { r = c; b = x; }
  rgb[0] = (r + m) * 255;
  rgb[1] = (g + m) * 255;
  rgb[2] = (b + m) * 255;
}

/* The four corner colours of a palette: warm and cool neighbours of one
 * hue, one corner light and one dark, like a photo lit from one side. */
static void
palette_corners (guint   palette,
                 double  corners[4][3])
{
  double hue = (palette % DEMO_N_PALETTES) * 360.0 / DEMO_N_PALETTES + 15.0;

  hsv_to_rgb (hue, 0.35, 0.95, corners[0]);
  hsv_to_rgb (hue + 25, 0.55, 0.75, corners[1]);
  hsv_to_rgb (hue - 20, 0.65, 0.55, corners[2]);
  hsv_to_rgb (hue + 40, 0.75, 0.30, corners[3]);
}

static void
gradient_pixel (double  corners[4][3],
                double  u,
                double  v,
                double *rgb)
{
  for (guint c = 0; c < 3; c++)
    {
      double top = corners[0][c] * (1 - u) + corners[1][c] * u;
      double bottom = corners[2][c] * (1 - u) + corners[3][c] * u;

      rgb[c] = top * (1 - v) + bottom * v;
    }
}

static guint32
crc32_of (const guint8 *data,
          gsize         length,
          guint32       crc)
{
  static guint32 table[256];
  static gsize table_ready;

  if (g_once_init_enter (&table_ready))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 c = n;

          for (guint k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
          table[n] = c;
        }
      g_once_init_leave (&table_ready, 1);
    }

  crc ^= 0xffffffffu;
  for (gsize i = 0; i < length; i++)
    crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return crc ^ 0xffffffffu;
}

static void
put_u32 (GByteArray *out,
         guint32     value)
{
  guint8 bytes[4] = { value >> 24, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff };

  g_byte_array_append (out, bytes, 4);
}

static void
put_chunk (GByteArray   *out,
           const char   *type,
           const guint8 *data,
           gsize         length)
{
  guint32 crc;

  put_u32 (out, (guint32) length);
  g_byte_array_append (out, (const guint8 *) type, 4);
  if (length > 0)
    g_byte_array_append (out, data, (guint) length);
  crc = crc32_of ((const guint8 *) type, 4, 0);
  crc = crc32_of (data, length, crc);
  put_u32 (out, crc);
}

static GBytes *
deflate_bytes (const guint8 *data,
               gsize         length)
{
  g_autoptr (GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 3);
  g_autoptr (GByteArray) out = g_byte_array_new ();
  guint8 buffer[16384];
  gsize offset = 0;

  for (;;)
    {
      gsize read = 0, written = 0;
      g_autoptr (GError) error = NULL;
      GConverterResult result;

      result = g_converter_convert (G_CONVERTER (compressor), data + offset, length - offset,
                                    buffer, sizeof buffer, G_CONVERTER_INPUT_AT_END,
                                    &read, &written, &error);
      g_assert_no_error (error);
      offset += read;
      g_byte_array_append (out, buffer, (guint) written);
      if (result == G_CONVERTER_FINISHED)
        break;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/**
 * starling_demo_image_png:
 * @kind: what the picture is for
 * @palette: which colours
 * @width: in pixels, at most 2048
 * @height: in pixels, at most 2048
 *
 * Returns: (transfer full): a PNG file
 */
GBytes *
starling_demo_image_png (DemoImageKind kind,
                         guint         palette,
                         guint         width,
                         guint         height)
{
  gboolean alpha = kind == DEMO_IMAGE_EMOJI;
  guint channels = alpha ? 4 : 3;
  gsize stride = (gsize) width * channels + 1;
  g_autofree guint8 *raw = NULL;
  g_autoptr (GByteArray) png = g_byte_array_new ();
  g_autoptr (GBytes) compressed = NULL;
  double corners[4][3];
  guint8 header[13];
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  width = CLAMP (width, 1, 2048);
  height = CLAMP (height, 1, 2048);
  stride = (gsize) width * channels + 1;
  raw = g_malloc (stride * height);
  palette_corners (palette, corners);

  for (guint y = 0; y < height; y++)
    {
      guint8 *row = raw + y * stride;

      row[0] = 0;
      for (guint x = 0; x < width; x++)
        {
          double u = (x + 0.5) / width, v = (y + 0.5) / height;
          double rgb[3];
          double a = 255;

          gradient_pixel (corners, u, v, rgb);
          if (kind != DEMO_IMAGE_GRADIENT)
            {
              double dx = u - 0.5, dy = v - 0.5;
              double r = sqrt (dx * dx + dy * dy);

              if (kind == DEMO_IMAGE_AVATAR && r > 0.3)
                gradient_pixel (corners, 1 - u, 1 - v, rgb);
              else if (kind == DEMO_IMAGE_EMOJI)
                a = r > 0.45 ? 0 : r > 0.42 ? 255 * (0.45 - r) / 0.03 : 255;
            }
          for (guint c = 0; c < 3; c++)
            row[1 + x * channels + c] = (guint8) CLAMP (rgb[c], 0, 255);
          if (alpha)
            row[1 + x * channels + 3] = (guint8) a;
        }
    }

  g_byte_array_append (png, signature, sizeof signature);
  header[0] = width >> 24; header[1] = (width >> 16) & 0xff; header[2] = (width >> 8) & 0xff; header[3] = width & 0xff;
  header[4] = height >> 24; header[5] = (height >> 16) & 0xff; header[6] = (height >> 8) & 0xff; header[7] = height & 0xff;
  header[8] = 8;                /* bit depth */
  header[9] = alpha ? 6 : 2;    /* RGBA or RGB */
  header[10] = 0;
  header[11] = 0;
  header[12] = 0;
  put_chunk (png, "IHDR", header, sizeof header);
  compressed = deflate_bytes (raw, stride * height);
  put_chunk (png, "IDAT", g_bytes_get_data (compressed, NULL), g_bytes_get_size (compressed));
  put_chunk (png, "IEND", NULL, 0);

  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

static double
srgb_to_linear (double value)
{
  double v = value / 255.0;

  return v <= 0.04045 ? v / 12.92 : pow ((v + 0.055) / 1.055, 2.4);
}

static int
linear_to_srgb (double value)
{
  double v = CLAMP (value, 0.0, 1.0);

  if (v <= 0.0031308)
    return (int) (v * 12.92 * 255 + 0.5);
  return (int) ((1.055 * pow (v, 1 / 2.4) - 0.055) * 255 + 0.5);
}

static double
sign_pow (double value,
          double exponent)
{
  return copysign (pow (fabs (value), exponent), value);
}

static void
encode83 (GString *out,
          guint    value,
          guint    length)
{
  for (guint i = 1; i <= length; i++)
    {
      guint divisor = 1;

      for (guint k = 0; k < length - i; k++)
        divisor *= 83;
      g_string_append_c (out, base83[(value / divisor) % 83]);
    }
}

/* Encodes the gradient as the reference blurhash encoder does, from a
 * small rendering of the same picture. */
static char *
encode_blurhash (guint palette,
                 guint width,
                 guint height)
{
  guint cx = 4, cy = 3;
  guint w = 32, h = MAX (1, (guint) (32.0 * height / MAX (width, 1)));
  double factors[9 * 9][3] = { { 0 } };
  double corners[4][3];
  double maximum = 0, max_value = 1;
  GString *hash = g_string_new (NULL);

  if (height > width)
    {
      cx = 3;
      cy = 4;
    }
  palette_corners (palette, corners);

  for (guint j = 0; j < cy; j++)
    for (guint i = 0; i < cx; i++)
      {
        double *f = factors[j * cx + i];
        double norm = (i == 0 && j == 0) ? 1.0 : 2.0;

        for (guint y = 0; y < h; y++)
          for (guint x = 0; x < w; x++)
            {
              double basis = cos (G_PI * i * x / w) * cos (G_PI * j * y / h);
              double rgb[3];

              gradient_pixel (corners, (x + 0.5) / w, (y + 0.5) / h, rgb);
              for (guint c = 0; c < 3; c++)
                f[c] += basis * srgb_to_linear ((guint8) CLAMP (rgb[c], 0, 255));
            }
        for (guint c = 0; c < 3; c++)
          f[c] *= norm / (w * h);
      }

  encode83 (hash, (cx - 1) + (cy - 1) * 9, 1);
  for (guint k = 1; k < cx * cy; k++)
    for (guint c = 0; c < 3; c++)
      maximum = MAX (maximum, fabs (factors[k][c]));
  {
    int quantised = (int) MAX (0, MIN (82, floor (maximum * 166 - 0.5)));

    max_value = (quantised + 1) / 166.0;
    encode83 (hash, (guint) quantised, 1);
  }
  encode83 (hash, ((guint) linear_to_srgb (factors[0][0]) << 16)
                  + ((guint) linear_to_srgb (factors[0][1]) << 8)
                  + (guint) linear_to_srgb (factors[0][2]), 4);
  for (guint k = 1; k < cx * cy; k++)
    {
      guint q[3];

      for (guint c = 0; c < 3; c++)
        q[c] = (guint) MAX (0, MIN (18, floor (sign_pow (factors[k][c] / max_value, 0.5) * 9 + 9.5)));
      encode83 (hash, q[0] * 19 * 19 + q[1] * 19 + q[2], 2);
    }

  return g_string_free (hash, FALSE);
}

/**
 * starling_demo_image_blurhash:
 * @palette: which colours
 * @width: of the picture
 * @height: of the picture
 *
 * Returns: (transfer none): the blurhash of the picture that
 *   starling_demo_image_png() draws for the same arguments; cached, so
 *   it lives as long as the process
 */
const char *
starling_demo_image_blurhash (guint palette,
                              guint width,
                              guint height)
{
  g_autofree char *key = NULL;
  const char *hash;

  /* The hash depends only on the palette and the shape of the picture. */
  key = g_strdup_printf ("%u:%u", palette % DEMO_N_PALETTES,
                         (guint) (100.0 * height / MAX (width, 1)));
  G_LOCK (blurhash_cache);
  if (blurhash_cache == NULL)
    blurhash_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  hash = g_hash_table_lookup (blurhash_cache, key);
  if (hash == NULL)
    {
      char *computed = encode_blurhash (palette % DEMO_N_PALETTES, width, height);

      g_hash_table_insert (blurhash_cache, g_steal_pointer (&key), computed);
      hash = computed;
    }
  G_UNLOCK (blurhash_cache);

  return hash;
}
