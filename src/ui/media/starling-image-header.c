/* starling-image-header.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Walks the structure of PNG, JPEG, GIF and WebP files far enough to know
 * their size and whether they are whole. Every read is bounds-checked: the
 * bytes come from any server on the fediverse.
 */

#define G_LOG_DOMAIN "starling-media"

#include "config.h"

#include <string.h>

#include "starling-image-header.h"

static guint
be16 (const guint8 *p)
{
  return ((guint) p[0] << 8) | p[1];
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static guint
le16 (const guint8 *p)
{
  return p[0] | ((guint) p[1] << 8);
}

static guint
le24 (const guint8 *p)
{
  return p[0] | ((guint) p[1] << 8) | ((guint) p[2] << 16);
}

static guint32
le32 (const guint8 *p)
{
  return p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

/* Chunks of length, type, data and CRC from the signature to IEND; the size
 * is in IHDR, which must come first. */
static void
parse_png (const guint8        *data,
           gsize                size,
           StarlingImageHeader *header)
{
  gsize pos = 8;

  header->format = "png";
  if (size < 24 || memcmp (data + 12, "IHDR", 4) != 0)
    return;

  header->width = be32 (data + 16);
  header->height = be32 (data + 20);
  header->pixels = (guint64) header->width * header->height;

  while (size - pos >= 12)
    {
      guint32 length = be32 (data + pos);

      if (length > G_MAXINT32 || length > size - pos - 12)
        return;
      if (memcmp (data + pos + 4, "IEND", 4) == 0)
        {
          header->complete = TRUE;
          return;
        }
      pos += 12 + (gsize) length;
    }
}

static gboolean
is_jpeg_sof (guint8 marker)
{
  return marker >= 0xC0 && marker <= 0xCF &&
         marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

/* Segments from SOI; after each SOS the entropy-coded data runs to the next
 * marker that is not a stuffed 0xFF or a restart. The file is whole when
 * EOI follows scan data. Thumbnails inside APP1 are skipped with their
 * segment, so their EOI does not count. */
static void
parse_jpeg (const guint8        *data,
            gsize                size,
            StarlingImageHeader *header)
{
  gsize pos = 2;
  gboolean scanned = FALSE;

  header->format = "jpeg";

  while (pos < size)
    {
      guint8 marker;
      guint length;

      if (data[pos] != 0xFF)
        return;
      while (pos < size && data[pos] == 0xFF)
        pos++;
      if (pos >= size)
        return;

      marker = data[pos++];
      if (marker == 0xD9)
        {
          header->complete = scanned;
          return;
        }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8))
        continue;

      if (size - pos < 2)
        return;
      length = be16 (data + pos);
      if (length < 2 || length > size - pos)
        return;

      if (is_jpeg_sof (marker) && length >= 7)
        {
          header->height = be16 (data + pos + 3);
          header->width = be16 (data + pos + 5);
          header->pixels = (guint64) header->width * header->height;
        }
      pos += length;

      if (marker == 0xDA)
        {
          scanned = TRUE;
          /* Entropy-coded data up to the next real marker. */
          while (pos + 1 < size)
            {
              if (data[pos] == 0xFF && data[pos + 1] != 0x00 &&
                  !(data[pos + 1] >= 0xD0 && data[pos + 1] <= 0xD7))
                break;
              pos++;
            }
          if (pos + 1 >= size)
            return;
        }
    }
}

static gboolean
skip_gif_sub_blocks (const guint8 *data,
                     gsize         size,
                     gsize        *pos)
{
  while (*pos < size)
    {
      guint8 n = data[(*pos)++];

      if (n == 0)
        return TRUE;
      if (n > size - *pos)
        return FALSE;
      *pos += n;
    }

  return FALSE;
}

/* The logical screen, then extensions and frames up to the trailer. Each
 * frame's area counts: an animation of many large frames is a bomb too. */
static void
parse_gif (const guint8        *data,
           gsize                size,
           StarlingImageHeader *header)
{
  gsize pos = 13;

  header->format = "gif";
  if (size < 13)
    return;

  header->width = le16 (data + 6);
  header->height = le16 (data + 8);
  header->pixels = (guint64) header->width * header->height;
  if (data[10] & 0x80)
    pos += 3 * ((gsize) 1 << ((data[10] & 0x07) + 1));

  while (pos < size)
    {
      guint8 block = data[pos++];

      if (block == 0x3B)
        {
          header->complete = TRUE;
          return;
        }
      else if (block == 0x21)
        {
          if (pos >= size)
            return;
          pos++;
          if (!skip_gif_sub_blocks (data, size, &pos))
            return;
        }
      else if (block == 0x2C)
        {
          guint8 flags;

          if (size - pos < 10)
            return;
          header->pixels += (guint64) le16 (data + pos + 4) * le16 (data + pos + 6);
          flags = data[pos + 8];
          pos += 9;
          if (flags & 0x80)
            pos += 3 * ((gsize) 1 << ((flags & 0x07) + 1));
          pos++;   /* the LZW minimum code size */
          if (pos > size || !skip_gif_sub_blocks (data, size, &pos))
            return;
        }
      else
        {
          return;
        }
    }
}

/* RIFF's length says where the file ends; the first chunk says the size. */
static void
parse_webp (const guint8        *data,
            gsize                size,
            StarlingImageHeader *header)
{
  guint32 riff_length = le32 (data + 4);

  header->format = "webp";
  header->complete = riff_length <= G_MAXUINT32 - 8 && size >= (gsize) riff_length + 8;
  if (size < 30)
    return;

  if (memcmp (data + 12, "VP8 ", 4) == 0)
    {
      header->width = le16 (data + 26) & 0x3FFF;
      header->height = le16 (data + 28) & 0x3FFF;
    }
  else if (memcmp (data + 12, "VP8L", 4) == 0 && data[20] == 0x2F)
    {
      guint32 bits = le32 (data + 21);

      header->width = (bits & 0x3FFF) + 1;
      header->height = ((bits >> 14) & 0x3FFF) + 1;
    }
  else if (memcmp (data + 12, "VP8X", 4) == 0)
    {
      header->width = le24 (data + 24) + 1;
      header->height = le24 (data + 27) + 1;
    }
  header->pixels = (guint64) header->width * header->height;
}

/* ISO base media files: the size is deep inside the boxes, so only the
 * brand is read and the decoder's own size check does the rest. */
static void
parse_isobmff (const guint8        *data,
               gsize                size,
               StarlingImageHeader *header)
{
  const guint8 *brand = data + 8;

  if (memcmp (brand, "avif", 4) == 0 || memcmp (brand, "avis", 4) == 0)
    header->format = "avif";
  else if (memcmp (brand, "heic", 4) == 0 || memcmp (brand, "heix", 4) == 0 ||
           memcmp (brand, "mif1", 4) == 0)
    header->format = "heif";
  header->complete = header->format != NULL;
}

/**
 * starling_image_header_parse:
 * @data: the bytes of a file
 * @size: their number
 * @header: (out): what they say
 *
 * Returns: %TRUE when @data starts like a picture of a format Starling
 *   shows; @header then says how large it is and whether it is whole
 */
gboolean
starling_image_header_parse (const guint8        *data,
                             gsize                size,
                             StarlingImageHeader *header)
{
  static const guint8 png_signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

  g_return_val_if_fail (data != NULL || size == 0, FALSE);
  g_return_val_if_fail (header != NULL, FALSE);

  memset (header, 0, sizeof *header);

  if (size >= 8 && memcmp (data, png_signature, 8) == 0)
    parse_png (data, size, header);
  else if (size >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
    parse_jpeg (data, size, header);
  else if (size >= 6 && (memcmp (data, "GIF87a", 6) == 0 || memcmp (data, "GIF89a", 6) == 0))
    parse_gif (data, size, header);
  else if (size >= 16 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    parse_webp (data, size, header);
  else if (size >= 12 && memcmp (data + 4, "ftyp", 4) == 0)
    parse_isobmff (data, size, header);

  return header->format != NULL;
}
