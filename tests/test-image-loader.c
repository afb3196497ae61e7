/* test-image-loader.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * StarlingImageLoader against a server on loopback that serves pictures
 * made in the test, counts what it was asked, and can hold an answer back
 * or cut it short. No display is needed: textures are made in memory.
 */

#include "config.h"

#include <string.h>
#include <utime.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include "api/starling-api-error.h"
#include "api/starling-session.h"
#include "ui/media/starling-image-header.h"
#include "ui/media/starling-image-loader.h"

#include "starling-test-common.h"

/* The server. */

typedef struct
{
  SoupServer *server;
  char       *base_uri;
  GHashTable *bodies;     /* path → GBytes */
  GHashTable *counts;     /* path → count */
  GPtrArray  *held;       /* SoupServerMessage held back */
} Server;

static void
serve (Server            *server,
       SoupServerMessage *message,
       const char        *path)
{
  GBytes *body = g_hash_table_lookup (server->bodies, path);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);

  if (g_str_has_prefix (path, "/redirect-away"))
    {
      soup_server_message_set_redirect (message, 302, "http://images.example.com/a.png");
      return;
    }
  if (g_str_has_prefix (path, "/redirect"))
    {
      soup_server_message_set_redirect (message, 302, path + strlen ("/redirect"));
      return;
    }
  if (g_str_has_prefix (path, "/error"))
    {
      soup_server_message_set_status (message, 500, NULL);
      return;
    }
  if (body == NULL)
    {
      soup_server_message_set_status (message, 404, NULL);
      soup_server_message_set_response (message, "text/html", SOUP_MEMORY_STATIC, "<p>gone</p>", 11);
      return;
    }

  soup_server_message_set_status (message, 200, NULL);
  if (g_str_has_prefix (path, "/chunked"))
    {
      SoupMessageBody *out = soup_server_message_get_response_body (message);
      gsize size = g_bytes_get_size (body);

      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      for (gsize offset = 0; offset < size; offset += 100)
        {
          g_autoptr (GBytes) piece = g_bytes_new_from_bytes (body, offset, MIN (100, size - offset));
          soup_message_body_append_bytes (out, piece);
        }
      soup_message_body_complete (out);
      return;
    }

  soup_server_message_set_response (message, "image/png", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

static void
handle_cb (SoupServer        *soup_server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Server *server = user_data;
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (server->counts, path));

  g_hash_table_insert (server->counts, g_strdup (path), GUINT_TO_POINTER (count + 1));

  if (g_str_has_prefix (path, "/held/"))
    {
      g_ptr_array_add (server->held, g_object_ref (message));
      soup_server_message_pause (message);
      return;
    }

  serve (server, message, path);
}

static Server *
server_new (void)
{
  Server *server = g_new0 (Server, 1);
  g_autoptr (GError) error = NULL;
  GSList *uris;

  server->server = soup_server_new (NULL, NULL);
  server->bodies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  server->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  server->held = g_ptr_array_new_with_free_func (g_object_unref);
  soup_server_add_handler (server->server, NULL, handle_cb, server, NULL);
  soup_server_listen_local (server->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (server->server);
  server->base_uri = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return server;
}

static void
server_free (Server *server)
{
  g_ptr_array_unref (server->held);
  soup_server_disconnect (server->server);
  g_object_unref (server->server);
  g_hash_table_unref (server->bodies);
  g_hash_table_unref (server->counts);
  g_free (server->base_uri);
  g_free (server);
}

static void
server_add (Server     *server,
            const char *path,
            GBytes     *body)
{
  g_hash_table_insert (server->bodies, g_strdup (path), g_bytes_ref (body));
}

static guint
server_count (Server     *server,
              const char *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (server->counts, path));
}

static char *
server_uri (Server     *server,
            const char *path)
{
  return g_strconcat (server->base_uri, path, NULL);
}

/* Whether the client hung up on the first held request: its socket
 * reads the end of the stream. */
static gboolean
server_held_closed (Server *server)
{
  SoupServerMessage *message = g_ptr_array_index (server->held, 0);
  GSocket *socket = soup_server_message_get_socket (message);
  char byte;

  if (socket == NULL || g_socket_is_closed (socket))
    return TRUE;
  if (!(g_socket_condition_check (socket, G_IO_IN | G_IO_HUP | G_IO_ERR)))
    return FALSE;

  return g_socket_receive_message (socket, NULL,
                                   &(GInputVector) { &byte, 1 }, 1,
                                   NULL, NULL, &(int) { G_SOCKET_MSG_PEEK },
                                   NULL, NULL) <= 0;
}

/* Answers every held request with its picture. */
static void
server_release (Server *server)
{
  for (guint i = 0; i < server->held->len; i++)
    {
      SoupServerMessage *message = g_ptr_array_index (server->held, i);
      const char *path = g_uri_get_path (soup_server_message_get_uri (message));

      serve (server, message, path + strlen ("/held"));
      soup_server_message_unpause (message);
    }
  g_ptr_array_set_size (server->held, 0);
}

/* A server that sends headers promising more than it sends, then hangs
 * up: a transfer cut short. It runs in a thread of its own, so it can
 * wait for the request the main loop is sending. */
static gboolean
cut_short_cb (GThreadedSocketService *service,
              GSocketConnection      *connection,
              GObject                *source,
              gpointer                user_data)
{
  GBytes *body = user_data;
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  g_autofree char *head = NULL;
  char request[4096];
  gssize got;

  /* The request is small: one read takes it. */
  got = g_input_stream_read (in, request, sizeof request, NULL, NULL);
  g_assert_cmpint (got, >, 0);

  head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n"
                          "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n",
                          g_bytes_get_size (body));
  g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
  g_output_stream_write_all (out, g_bytes_get_data (body, NULL), g_bytes_get_size (body) / 2,
                             NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);

  return TRUE;
}

/* Pictures. */

static GdkPixbuf *
make_pixbuf (int      width,
             int      height,
             gboolean alpha)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, alpha, 8, width, height);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);

  /* Red grows to the right, green downwards: a downscaled picture that
   * kept its orientation shows the same corners. */
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint8 *p = pixels + y * stride + x * channels;

        p[0] = (guint8) (x * 255 / MAX (width - 1, 1));
        p[1] = (guint8) (y * 255 / MAX (height - 1, 1));
        p[2] = 128;
        if (alpha)
          p[3] = 255;
      }

  return pixbuf;
}

static GBytes *
make_image (const char *format,
            int         width,
            int         height)
{
  g_autoptr (GdkPixbuf) pixbuf = make_pixbuf (width, height, FALSE);
  g_autoptr (GError) error = NULL;
  char *buffer = NULL;
  gsize size = 0;

  if (g_str_equal (format, "jpeg"))
    gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, format, &error, "quality", "90", NULL);
  else
    gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, format, &error, NULL);
  g_assert_no_error (error);

  return g_bytes_new_take (buffer, size);
}

static void
put_be32 (guint8  *p,
          guint32  value)
{
  p[0] = value >> 24;
  p[1] = value >> 16;
  p[2] = value >> 8;
  p[3] = value;
}

static guint32
crc32_of (const guint8 *data,
          gsize         size)
{
  guint32 crc = 0xFFFFFFFF;

  for (gsize i = 0; i < size; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xEDB88320 & -(crc & 1));
    }

  return ~crc;
}

/* A PNG whose valid header announces @width × @height: a decoder that
 * trusted it would allocate that many pixels before reading any data. */
static GBytes *
make_png_bomb (guint32 width,
               guint32 height)
{
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
  static const guint8 iend[] = { 0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82 };
  GByteArray *bytes = g_byte_array_new ();
  guint8 ihdr[25] = { 0 };

  g_byte_array_append (bytes, signature, sizeof signature);
  put_be32 (ihdr, 13);
  memcpy (ihdr + 4, "IHDR", 4);
  put_be32 (ihdr + 8, width);
  put_be32 (ihdr + 12, height);
  ihdr[16] = 8;   /* bit depth */
  ihdr[17] = 6;   /* RGBA */
  put_be32 (ihdr + 21, crc32_of (ihdr + 4, 17));
  g_byte_array_append (bytes, ihdr, sizeof ihdr);
  g_byte_array_append (bytes, iend, sizeof iend);

  return g_byte_array_free_to_bytes (bytes);
}

/* A baseline JPEG frame header announcing @width × @height. */
static GBytes *
make_jpeg_bomb (guint16 width,
                guint16 height)
{
  guint8 data[] = {
    0xFF, 0xD8,
    0xFF, 0xC0, 0x00, 0x0B, 0x08, height >> 8, height & 0xFF, width >> 8, width & 0xFF,
    0x01, 0x01, 0x11, 0x00,
    0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00,
    0x00, 0x00,
    0xFF, 0xD9,
  };

  return g_bytes_new (data, sizeof data);
}

/* The smallest GIF: one transparent pixel. */
static const guint8 tiny_gif[] = {
  'G', 'I', 'F', '8', '9', 'a', 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00,
  0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF,
  0x21, 0xF9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00,
  0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
  0x02, 0x02, 0x44, 0x01, 0x00,
  0x3B,
};

/* The fixture. */

typedef struct
{
  Server              *server;
  SoupSession         *session;
  char                *cache_dir;
  StarlingImageLoader *loader;
  GPtrArray           *results;
  guint64              highest_used;
} Fixture;

static void
memory_used_cb (GObject    *object,
                GParamSpec *pspec,
                gpointer    user_data)
{
  Fixture *f = user_data;
  StarlingImageLoader *loader = STARLING_IMAGE_LOADER (object);
  guint64 used = starling_image_loader_get_memory_used (loader);

  g_assert_cmpuint (used, <=, starling_image_loader_get_memory_limit (loader));
  f->highest_used = MAX (f->highest_used, used);
}

/* A worker thread may hold a task of the loader's for a moment after its
 * callback ran: wait for it to let go. */
static void
finalize_loader (Fixture *f)
{
  gpointer weak = f->loader;
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  /* The results are tasks of the loader's. */
  g_ptr_array_set_size (f->results, 0);
  g_object_add_weak_pointer (G_OBJECT (f->loader), &weak);
  g_clear_object (&f->loader);
  while (weak != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  if (weak != NULL)
    g_error ("The image loader was not finalized");
}

static StarlingImageLoader *
fixture_new_loader (Fixture *f)
{
  StarlingImageLoader *loader = starling_image_loader_new (f->session, f->cache_dir);

  g_signal_connect (loader, "notify::memory-used", G_CALLBACK (memory_used_cb), f);
  return loader;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *base = g_dir_make_tmp ("starling-images-XXXXXX", &error);

  g_assert_no_error (error);
  f->cache_dir = g_build_filename (base, "cache", "images", NULL);
  f->server = server_new ();
  f->session = starling_session_new (NULL);
  f->loader = fixture_new_loader (f);
  f->results = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *base = g_path_get_dirname (f->cache_dir);
  g_autofree char *top = g_path_get_dirname (base);

  g_ptr_array_unref (f->results);
  finalize_loader (f);
  g_clear_object (&f->session);
  server_free (f->server);
  starling_test_remove_tree (top);
  g_free (f->cache_dir);
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Fixture *f = user_data;

  g_ptr_array_add (f->results, g_object_ref (result));
}

typedef struct
{
  Fixture *f;
  guint    count;
} Results;

static gboolean
has_results (gpointer data)
{
  Results *wanted = data;

  return wanted->f->results->len >= wanted->count;
}

static void
wait_results (Fixture *f,
              guint    count)
{
  Results wanted = { f, count };

  starling_test_wait_until (has_results, &wanted);
}

static void
spin (guint milliseconds)
{
  gint64 until = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

/* Loads and waits: the texture, or NULL with @error set. */
static GdkTexture *
load (Fixture     *f,
      const char  *path,
      int          width,
      int          height,
      int          scale,
      GError     **error)
{
  g_autofree char *uri = strstr (path, "://") != NULL ? g_strdup (path) : server_uri (f->server, path);
  GAsyncResult *result;

  g_ptr_array_set_size (f->results, 0);
  starling_image_loader_load_async (f->loader, uri, width, height, scale, NULL, store_result_cb, f);
  wait_results (f, 1);
  result = g_ptr_array_index (f->results, 0);

  return starling_image_loader_load_finish (f->loader, result, error);
}

static void
assert_size (GdkTexture *texture,
             int         width,
             int         height)
{
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, height);
}

/* The pixel at (x, y), as 0xAARRGGBB. */
static guint32
pixel_at (GdkTexture *texture,
          int         x,
          int         y)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize) width * height);

  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  return pixels[y * width + x];
}

/* The tests. */

static void
test_downscale (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GBytes) png = make_image ("png", 400, 300);
  g_autoptr (GBytes) jpeg = make_image ("jpeg", 800, 600);
  g_autoptr (GBytes) tall = make_image ("png", 100, 1000);
  g_autoptr (GError) error = NULL;
  GdkTexture *texture;
  guint32 corner;

  server_add (f->server, "/a.png", png);
  server_add (f->server, "/b.jpg", jpeg);
  server_add (f->server, "/tall.png", tall);

  /* Fits the box, keeps 4:3. */
  texture = load (f, "/a.png", 100, 100, 1, &error);
  g_assert_no_error (error);
  assert_size (texture, 100, 75);
  /* The orientation survives: red on the right, green at the bottom. */
  corner = pixel_at (texture, 99, 74);
  g_assert_cmpuint ((corner >> 16) & 0xFF, >, 200);
  g_assert_cmpuint ((corner >> 8) & 0xFF, >, 200);
  corner = pixel_at (texture, 0, 0);
  g_assert_cmpuint ((corner >> 16) & 0xFF, <, 50);
  g_assert_cmpuint ((corner >> 8) & 0xFF, <, 50);
  g_object_unref (texture);

  /* The scale factor counts. */
  texture = load (f, "/a.png", 100, 100, 2, &error);
  g_assert_no_error (error);
  assert_size (texture, 200, 150);
  g_object_unref (texture);

  /* Never scaled up. */
  texture = load (f, "/a.png", 1000, 1000, 2, &error);
  g_assert_no_error (error);
  assert_size (texture, 400, 300);
  g_object_unref (texture);

  /* A free side follows the other. */
  texture = load (f, "/a.png", 0, 60, 1, &error);
  g_assert_no_error (error);
  assert_size (texture, 80, 60);
  g_object_unref (texture);

  texture = load (f, "/b.jpg", 64, 64, 1, &error);
  g_assert_no_error (error);
  assert_size (texture, 64, 48);
  g_object_unref (texture);

  /* The height decides for a tall picture. */
  texture = load (f, "/tall.png", 200, 200, 1, &error);
  g_assert_no_error (error);
  assert_size (texture, 20, 200);
  g_object_unref (texture);

  /* A progressive JPEG. */
  {
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "images", "progressive.jpg", NULL);
    g_autofree char *contents = NULL;
    g_autoptr (GBytes) progressive = NULL;
    gsize size = 0;

    g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
    progressive = g_bytes_new_take (g_steal_pointer (&contents), size);
    server_add (f->server, "/progressive.jpg", progressive);
    texture = load (f, "/progressive.jpg", 30, 30, 1, &error);
    g_assert_no_error (error);
    assert_size (texture, 30, 20);
    g_object_unref (texture);
  }

  /* Every size came from one transfer per picture: the disk has them. */
  g_assert_cmpuint (server_count (f->server, "/a.png"), ==, 1);
  g_assert_cmpuint (server_count (f->server, "/b.jpg"), ==, 1);

  /* A GIF is read too. */
  {
    g_autoptr (GBytes) gif = g_bytes_new_static (tiny_gif, sizeof tiny_gif);

    server_add (f->server, "/tiny.gif", gif);
    texture = load (f, "/tiny.gif", 10, 10, 1, &error);
    g_assert_no_error (error);
    assert_size (texture, 1, 1);
    g_object_unref (texture);
  }
}

static void
test_memory_cache (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GBytes) png = make_image ("png", 64, 64);
  g_autofree char *uri = server_uri (f->server, "/avatar.png");
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) first = NULL;
  g_autoptr (GdkTexture) second = NULL;
  g_autoptr (GdkTexture) looked_up = NULL;

  server_add (f->server, "/avatar.png", png);

  g_assert_null (starling_image_loader_lookup (f->loader, uri, 48, 48, 1));
  first = load (f, "/avatar.png", 48, 48, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (starling_image_loader_get_memory_used (f->loader), ==, 48 * 48 * 4);

  /* At once, and the same texture. */
  looked_up = starling_image_loader_lookup (f->loader, uri, 48, 48, 1);
  g_assert_true (looked_up == first);
  /* 24 at scale 2 is the same device size. */
  g_clear_object (&looked_up);
  looked_up = starling_image_loader_lookup (f->loader, uri, 24, 24, 2);
  g_assert_true (looked_up == first);
  /* Another size is another entry. */
  g_assert_null (starling_image_loader_lookup (f->loader, uri, 32, 32, 1));

  /* Deleting the disk copy proves the second load came from memory. */
  {
    g_autofree char *path = starling_image_loader_get_cache_path (f->loader, uri);

    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    g_assert_cmpint (g_remove (path), ==, 0);
  }
  second = load (f, "/avatar.png", 48, 48, 1, &error);
  g_assert_no_error (error);
  g_assert_true (second == first);
  g_assert_cmpuint (server_count (f->server, "/avatar.png"), ==, 1);
}

static void
test_disk_cache (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GBytes) png = make_image ("png", 300, 200);
  g_autofree char *uri = server_uri (f->server, "/media.png");
  g_autofree char *path = NULL;
  g_autofree char *expected_name = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  GdkTexture *texture;
  gsize length = 0;

  server_add (f->server, "/media.png", png);

  texture = load (f, "/media.png", 150, 150, 1, &error);
  g_assert_no_error (error);
  assert_size (texture, 150, 100);
  g_object_unref (texture);

  /* The file is named by the SHA-256 of the address and holds what the
   * server sent. */
  path = starling_image_loader_get_cache_path (f->loader, uri);
  name = g_path_get_basename (path);
  expected_name = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
  g_assert_cmpstr (name, ==, expected_name);
  g_assert_true (g_str_has_prefix (path, f->cache_dir));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (png, NULL), g_bytes_get_size (png));

  /* A second loader (the next run) reads the disk, not the network. */
  finalize_loader (f);
  f->loader = fixture_new_loader (f);
  texture = load (f, "/media.png", 60, 60, 1, &error);
  g_assert_no_error (error);
  assert_size (texture, 60, 40);
  g_object_unref (texture);
  g_assert_cmpuint (server_count (f->server, "/media.png"), ==, 1);

  /* A damaged cache file is fetched again. */
  g_assert_true (g_file_set_contents (path, "not a picture", -1, NULL));
  finalize_loader (f);
  f->loader = fixture_new_loader (f);
  texture = load (f, "/media.png", 60, 60, 1, &error);
  g_assert_no_error (error);
  assert_size (texture, 60, 40);
  g_object_unref (texture);
  g_assert_cmpuint (server_count (f->server, "/media.png"), ==, 2);
}

static void
test_disk_unwritable (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GBytes) png = make_image ("png", 50, 50);
  g_autofree char *blocker = g_path_get_dirname (f->cache_dir);
  g_autoptr (GError) error = NULL;
  GdkTexture *texture;

  /* The cache's parent is a file: nothing can be written under it, as
   * with a full disk. The picture still arrives. */
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  server_add (f->server, "/p.png", png);

  texture = load (f, "/p.png", 50, 50, 1, &error);
  g_assert_no_error (error);
  assert_size (texture, 50, 50);
  g_object_unref (texture);
  g_assert_true (g_file_test (blocker, G_FILE_TEST_IS_REGULAR));
  g_remove (blocker);
}

static void
test_dedup (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GBytes) png = make_image ("png", 120, 120);
  g_autofree char *uri = server_uri (f->server, "/held/same.png");
  GdkTexture *first = NULL;

  server_add (f->server, "/same.png", png);

  for (guint i = 0; i < 8; i++)
    starling_image_loader_load_async (f->loader, uri, 60, 60, 1, NULL, store_result_cb, f);

  /* Wait for the one request to reach the server, then answer it. */
  while (f->server->held->len == 0)
    g_main_context_iteration (NULL, TRUE);
  spin (50);
  g_assert_cmpuint (f->server->held->len, ==, 1);
  server_release (f->server);

  wait_results (f, 8);
  for (guint i = 0; i < 8; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GdkTexture) texture =
        starling_image_loader_load_finish (f->loader, g_ptr_array_index (f->results, i), &error);

      g_assert_no_error (error);
      assert_size (texture, 60, 60);
      if (first == NULL)
        first = texture;
      g_assert_true (texture == first);
    }
  g_assert_cmpuint (server_count (f->server, "/held/same.png"), ==, 1);
}

static void
test_cancel_one (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GBytes) png = make_image ("png", 80, 80);
  g_autofree char *uri = server_uri (f->server, "/held/c.png");
  g_autoptr (GCancellable) one = g_cancellable_new ();
  g_autoptr (GCancellable) other = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = NULL;

  server_add (f->server, "/c.png", png);

  starling_image_loader_load_async (f->loader, uri, 40, 40, 1, one, store_result_cb, f);
  starling_image_loader_load_async (f->loader, uri, 40, 40, 1, other, store_result_cb, f);
  while (f->server->held->len == 0)
    g_main_context_iteration (NULL, TRUE);

  /* The first caller leaves: it hears so at once, the other waits on. */
  g_cancellable_cancel (one);
  wait_results (f, 1);
  g_assert_null (starling_image_loader_load_finish (f->loader, g_ptr_array_index (f->results, 0), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  spin (50);
  g_assert_cmpuint (f->results->len, ==, 1);
  g_assert_false (server_held_closed (f->server));

  server_release (f->server);
  wait_results (f, 2);
  texture = starling_image_loader_load_finish (f->loader, g_ptr_array_index (f->results, 1), &error);
  g_assert_no_error (error);
  assert_size (texture, 40, 40);
  g_assert_cmpuint (server_count (f->server, "/held/c.png"), ==, 1);
}

static void
test_cancel_all (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GBytes) png = make_image ("png", 80, 80);
  g_autofree char *uri = server_uri (f->server, "/held/gone.png");
  g_autoptr (GCancellable) one = g_cancellable_new ();
  g_autoptr (GCancellable) other = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = NULL;

  server_add (f->server, "/gone.png", png);

  starling_image_loader_load_async (f->loader, uri, 40, 40, 1, one, store_result_cb, f);
  starling_image_loader_load_async (f->loader, uri, 40, 40, 1, other, store_result_cb, f);
  while (f->server->held->len == 0)
    g_main_context_iteration (NULL, TRUE);

  /* Both rows scrolled away: both hear it, and the transfer stops (the
   * server sees the connection go). */
  g_cancellable_cancel (one);
  g_cancellable_cancel (other);
  wait_results (f, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_null (starling_image_loader_load_finish (f->loader, g_ptr_array_index (f->results, i), &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
    }
  {
    gint64 deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

    while (!server_held_closed (f->server) && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_true (server_held_closed (f->server));
  g_ptr_array_set_size (f->server->held, 0);

  /* A row that comes back starts afresh rather than join the cancelled
   * transfer. */
  g_ptr_array_set_size (f->results, 0);
  starling_image_loader_load_async (f->loader, uri, 40, 40, 1, NULL, store_result_cb, f);
  while (f->server->held->len == 0)
    g_main_context_iteration (NULL, TRUE);
  server_release (f->server);
  wait_results (f, 1);
  texture = starling_image_loader_load_finish (f->loader, g_ptr_array_index (f->results, 0), &error);
  g_assert_no_error (error);
  assert_size (texture, 40, 40);
  g_assert_cmpuint (server_count (f->server, "/held/gone.png"), ==, 2);

  /* A cancellable cancelled before the call answers at once. */
  {
    g_autoptr (GCancellable) early = g_cancellable_new ();

    g_cancellable_cancel (early);
    g_ptr_array_set_size (f->results, 0);
    starling_image_loader_load_async (f->loader, uri, 10, 10, 1, early, store_result_cb, f);
    wait_results (f, 1);
    g_assert_null (starling_image_loader_load_finish (f->loader, g_ptr_array_index (f->results, 0), &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (server_count (f->server, "/held/gone.png"), ==, 2);
  }
}

static void
test_memory_limit (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GBytes) png = make_image ("png", 100, 75);
  const guint64 one = 100 * 75 * 4;
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) big = NULL;

  starling_image_loader_set_memory_limit (f->loader, 3 * one + one / 2);

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *path = g_strdup_printf ("/m%u.png", i);
      GdkTexture *texture;

      server_add (f->server, path, png);
      texture = load (f, path, 100, 100, 1, &error);
      g_assert_no_error (error);
      g_object_unref (texture);
      g_assert_cmpuint (starling_image_loader_get_memory_used (f->loader), ==, MIN (i + 1, 3) * one);
    }
  g_assert_cmpuint (f->highest_used, ==, 3 * one);

  /* The least recently used went first. */
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *path = g_strdup_printf ("/m%u.png", i);
      g_autofree char *uri = server_uri (f->server, path);
      g_autoptr (GdkTexture) texture = starling_image_loader_lookup (f->loader, uri, 100, 100, 1);

      if (i < 7)
        g_assert_null (texture);
      else
        g_assert_nonnull (texture);
    }

  /* A lookup makes an entry recent again. */
  {
    g_autofree char *uri7 = server_uri (f->server, "/m7.png");
    g_autofree char *uri8 = server_uri (f->server, "/m8.png");
    g_autoptr (GdkTexture) kept = starling_image_loader_lookup (f->loader, uri7, 100, 100, 1);
    g_autoptr (GdkTexture) texture = load (f, "/m0.png", 100, 100, 1, &error);
    g_autoptr (GdkTexture) evicted = starling_image_loader_lookup (f->loader, uri8, 100, 100, 1);
    g_autoptr (GdkTexture) still = starling_image_loader_lookup (f->loader, uri7, 100, 100, 1);

    g_assert_nonnull (kept);
    g_assert_null (evicted);
    g_assert_nonnull (still);
  }

  /* A picture larger than the whole cache is shown, not kept. */
  {
    g_autoptr (GBytes) large = make_image ("png", 200, 200);

    server_add (f->server, "/large.png", large);
    big = load (f, "/large.png", 0, 0, 1, &error);
    g_assert_no_error (error);
    assert_size (big, 200, 200);
    g_assert_cmpuint (starling_image_loader_get_memory_used (f->loader), ==, 3 * one);
  }

  /* Lowering the limit drops what no longer fits, at once. */
  starling_image_loader_set_memory_limit (f->loader, one);
  g_assert_cmpuint (starling_image_loader_get_memory_used (f->loader), ==, one);
  starling_image_loader_set_memory_limit (f->loader, 0);
  g_assert_cmpuint (starling_image_loader_get_memory_used (f->loader), ==, 0);
}

static void
assert_load_fails (Fixture    *f,
                   const char *path,
                   GQuark      domain,
                   int         code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = load (f, path, 100, 100, 1, &error);
  g_autofree char *uri = strstr (path, "://") != NULL ? g_strdup (path) : server_uri (f->server, path);
  g_autofree char *cached = starling_image_loader_get_cache_path (f->loader, uri);

  g_assert_null (texture);
  g_assert_error (error, domain, code);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  /* Nothing that failed is kept. */
  g_assert_false (g_file_test (cached, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (starling_image_loader_get_memory_used (f->loader), ==, 0);
}

static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GBytes) png = make_image ("png", 300, 300);
  g_autoptr (GBytes) png_bomb = make_png_bomb (100000, 100000);
  g_autoptr (GBytes) wide_bomb = make_png_bomb (40000, 10);
  g_autoptr (GBytes) jpeg_bomb = make_jpeg_bomb (60000, 60000);

  g_assert_cmpuint (g_bytes_get_size (png), >, 500);
  starling_image_loader_set_max_body_size (f->loader, 500);

  /* Refused from Content-Length, and while reading a chunked body. */
  server_add (f->server, "/big.png", png);
  server_add (f->server, "/chunked/big.png", png);
  assert_load_fails (f, "/big.png", STARLING_IMAGE_LOADER_ERROR, STARLING_IMAGE_LOADER_ERROR_TOO_LARGE);
  assert_load_fails (f, "/chunked/big.png", STARLING_IMAGE_LOADER_ERROR, STARLING_IMAGE_LOADER_ERROR_TOO_LARGE);

  /* Small files announcing huge pictures. */
  server_add (f->server, "/bomb.png", png_bomb);
  server_add (f->server, "/wide.png", wide_bomb);
  server_add (f->server, "/bomb.jpg", jpeg_bomb);
  assert_load_fails (f, "/bomb.png", STARLING_IMAGE_LOADER_ERROR, STARLING_IMAGE_LOADER_ERROR_TOO_LARGE);
  assert_load_fails (f, "/wide.png", STARLING_IMAGE_LOADER_ERROR, STARLING_IMAGE_LOADER_ERROR_TOO_LARGE);
  assert_load_fails (f, "/bomb.jpg", STARLING_IMAGE_LOADER_ERROR, STARLING_IMAGE_LOADER_ERROR_TOO_LARGE);

  /* A chunked body within the limit is fine. */
  {
    g_autoptr (GBytes) small = make_image ("png", 20, 20);
    g_autoptr (GError) error = NULL;
    g_autoptr (GdkTexture) texture = NULL;

    server_add (f->server, "/chunked/small.png", small);
    texture = load (f, "/chunked/small.png", 100, 100, 1, &error);
    g_assert_no_error (error);
    assert_size (texture, 20, 20);
  }
}

static void
test_damaged (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GBytes) png = make_image ("png", 200, 100);
  g_autoptr (GBytes) jpeg = make_image ("jpeg", 200, 100);
  g_autoptr (GBytes) half_png = g_bytes_new_from_bytes (png, 0, g_bytes_get_size (png) / 2);
  g_autoptr (GBytes) cut_png = g_bytes_new_from_bytes (png, 0, g_bytes_get_size (png) - 12);
  g_autoptr (GBytes) half_jpeg = g_bytes_new_from_bytes (jpeg, 0, g_bytes_get_size (jpeg) / 2);
  g_autoptr (GBytes) cut_jpeg = g_bytes_new_from_bytes (jpeg, 0, g_bytes_get_size (jpeg) - 2);
  g_autoptr (GBytes) garbage = g_bytes_new_static ("<html>Not here</html>", 21);
  g_autoptr (GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr (GBytes) svg = g_bytes_new_static ("<svg xmlns='http://www.w3.org/2000/svg'/>", 41);

  /* Files cut short give no picture at all, not half of one. */
  server_add (f->server, "/half.png", half_png);
  server_add (f->server, "/cut.png", cut_png);
  server_add (f->server, "/half.jpg", half_jpeg);
  server_add (f->server, "/cut.jpg", cut_jpeg);
  assert_load_fails (f, "/half.png", STARLING_IMAGE_LOADER_ERROR, STARLING_IMAGE_LOADER_ERROR_UNDECODABLE);
  assert_load_fails (f, "/cut.png", STARLING_IMAGE_LOADER_ERROR, STARLING_IMAGE_LOADER_ERROR_UNDECODABLE);
  assert_load_fails (f, "/half.jpg", STARLING_IMAGE_LOADER_ERROR, STARLING_IMAGE_LOADER_ERROR_UNDECODABLE);
  assert_load_fails (f, "/cut.jpg", STARLING_IMAGE_LOADER_ERROR, STARLING_IMAGE_LOADER_ERROR_UNDECODABLE);

  /* Not pictures, or not a format we show. */
  server_add (f->server, "/garbage.png", garbage);
  server_add (f->server, "/empty.png", empty);
  server_add (f->server, "/vector.svg", svg);
  assert_load_fails (f, "/garbage.png", STARLING_IMAGE_LOADER_ERROR, STARLING_IMAGE_LOADER_ERROR_UNDECODABLE);
  assert_load_fails (f, "/empty.png", STARLING_IMAGE_LOADER_ERROR, STARLING_IMAGE_LOADER_ERROR_UNDECODABLE);
  assert_load_fails (f, "/vector.svg", STARLING_IMAGE_LOADER_ERROR, STARLING_IMAGE_LOADER_ERROR_UNDECODABLE);
}

static void
test_cut_transfer (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GBytes) png = make_image ("png", 200, 100);
  g_autoptr (GSocketService) service = g_threaded_socket_service_new (1);
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = NULL;

  g_socket_listener_add_address (G_SOCKET_LISTENER (service), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "run", G_CALLBACK (cut_short_cb), png);
  g_socket_service_start (service);

  uri = g_strdup_printf ("http://127.0.0.1:%u/cut.png",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  assert_load_fails (f, uri, STARLING_API_ERROR, STARLING_API_ERROR_NETWORK);

  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
}

static void
test_http_errors (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GBytes) png = make_image ("png", 40, 40);
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = NULL;

  assert_load_fails (f, "/missing.png", STARLING_API_ERROR, STARLING_API_ERROR_NOT_FOUND);
  g_assert_cmpuint (server_count (f->server, "/missing.png"), ==, 1);
  assert_load_fails (f, "/error.png", STARLING_API_ERROR, STARLING_API_ERROR_SERVER);

  /* A failure is not remembered: the next try asks again. */
  assert_load_fails (f, "/missing.png", STARLING_API_ERROR, STARLING_API_ERROR_NOT_FOUND);
  g_assert_cmpuint (server_count (f->server, "/missing.png"), ==, 2);

  /* Plain http:// leaves loopback neither directly nor by a redirect. */
  assert_load_fails (f, "http://images.example.com/a.png", STARLING_API_ERROR, STARLING_API_ERROR_INSECURE);
  assert_load_fails (f, "/redirect-away.png", STARLING_API_ERROR, STARLING_API_ERROR_INSECURE);
  assert_load_fails (f, "ftp://127.0.0.1/a.png", STARLING_API_ERROR, STARLING_API_ERROR_INSECURE);

  /* A redirect on loopback is followed. */
  server_add (f->server, "/target.png", png);
  texture = load (f, "/redirect/target.png", 100, 100, 1, &error);
  g_assert_no_error (error);
  assert_size (texture, 40, 40);
  g_assert_cmpuint (server_count (f->server, "/redirect/target.png"), ==, 1);
  g_assert_cmpuint (server_count (f->server, "/target.png"), ==, 1);
}

static void
trim_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr (GError) error = NULL;

  g_assert_true (starling_image_loader_trim_disk_finish (STARLING_IMAGE_LOADER (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
trim (Fixture *f)
{
  gboolean done = FALSE;

  starling_image_loader_trim_disk_async (f->loader, NULL, trim_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static char *
write_aged (Fixture    *f,
            const char *name,
            gsize       size,
            gint64      age_seconds)
{
  g_autofree char *contents = g_malloc0 (size);
  char *path = g_build_filename (f->cache_dir, name, NULL);
  struct utimbuf times;

  g_assert_true (g_file_set_contents (path, contents, size, NULL));
  times.actime = times.modtime = g_get_real_time () / G_USEC_PER_SEC - age_seconds;
  g_assert_cmpint (g_utime (path, &times), ==, 0);

  return path;
}

static void
test_trim (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *stale_temp = NULL;
  g_autofree char *fresh_temp = NULL;
  g_autofree char *foreign = NULL;
  g_autoptr (GBytes) png = make_image ("png", 30, 30);
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *used_path = NULL;
  g_autofree char *used_uri = server_uri (f->server, "/used.png");

  /* Nothing cached yet is not an error. */
  trim (f);

  g_assert_cmpint (g_mkdir_with_parents (f->cache_dir, 0700), ==, 0);
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *seed = g_strdup_printf ("%u", i);
      g_autofree char *name = g_compute_checksum_for_string (G_CHECKSUM_SHA256, seed, -1);

      /* File 0 is the oldest. */
      g_ptr_array_add (paths, write_aged (f, name, 1000, 10000 - i * 100));
    }
  {
    g_autofree char *name = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "t", -1);
    g_autofree char *stale_name = g_strconcat (name, ".AB12CD", NULL);
    g_autofree char *fresh_name = g_strconcat (name, ".EF34GH", NULL);

    stale_temp = write_aged (f, stale_name, 10, 3600);
    fresh_temp = write_aged (f, fresh_name, 10, 0);
  }
  foreign = write_aged (f, "README", 10, 100000);

  /* A picture loaded now is the most recent file. */
  server_add (f->server, "/used.png", png);
  texture = load (f, "/used.png", 30, 30, 1, &error);
  g_assert_no_error (error);
  used_path = starling_image_loader_get_cache_path (f->loader, used_uri);
  g_assert_true (g_file_test (used_path, G_FILE_TEST_IS_REGULAR));

  starling_image_loader_set_disk_limit (f->loader, 5500 + g_bytes_get_size (png));
  trim (f);

  for (guint i = 0; i < 10; i++)
    {
      const char *path = g_ptr_array_index (paths, i);

      if (i < 5)
        g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      else
        g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  g_assert_true (g_file_test (used_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stale_temp, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh_temp, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (foreign, G_FILE_TEST_EXISTS));

  /* Within the limit, a trim deletes nothing. */
  trim (f);
  g_assert_true (g_file_test (g_ptr_array_index (paths, 5), G_FILE_TEST_EXISTS));

  /* A limit of zero empties the cache. */
  starling_image_loader_set_disk_limit (f->loader, 0);
  trim (f);
  g_assert_false (g_file_test (used_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (g_ptr_array_index (paths, 9), G_FILE_TEST_EXISTS));
}

static void
test_header (void)
{
  g_autoptr (GBytes) png = make_image ("png", 31, 17);
  g_autoptr (GBytes) jpeg = make_image ("jpeg", 33, 19);
  StarlingImageHeader header;
  const guint8 *data;
  gsize size = 0;

  data = g_bytes_get_data (png, &size);
  g_assert_true (starling_image_header_parse (data, size, &header));
  g_assert_cmpstr (header.format, ==, "png");
  g_assert_cmpuint (header.width, ==, 31);
  g_assert_cmpuint (header.height, ==, 17);
  g_assert_true (header.complete);
  for (gsize cut = 8; cut < size; cut += 7)
    {
      g_assert_true (starling_image_header_parse (data, cut, &header));
      g_assert_false (header.complete);
    }

  data = g_bytes_get_data (jpeg, &size);
  g_assert_true (starling_image_header_parse (data, size, &header));
  g_assert_cmpstr (header.format, ==, "jpeg");
  g_assert_cmpuint (header.width, ==, 33);
  g_assert_cmpuint (header.height, ==, 19);
  g_assert_true (header.complete);
  for (gsize cut = 3; cut < size; cut += 5)
    {
      g_assert_true (starling_image_header_parse (data, cut, &header));
      g_assert_false (header.complete);
    }

  g_assert_true (starling_image_header_parse (tiny_gif, sizeof tiny_gif, &header));
  g_assert_cmpstr (header.format, ==, "gif");
  g_assert_cmpuint (header.width, ==, 1);
  g_assert_true (header.complete);
  for (gsize cut = 6; cut < sizeof tiny_gif; cut++)
    {
      g_assert_true (starling_image_header_parse (tiny_gif, cut, &header));
      g_assert_false (header.complete);
    }

  /* Ten scans, tables between them, restart markers. */
  {
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "images", "progressive.jpg", NULL);
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
    g_assert_true (starling_image_header_parse ((const guint8 *) contents, size, &header));
    g_assert_cmpstr (header.format, ==, "jpeg");
    g_assert_cmpuint (header.width, ==, 60);
    g_assert_cmpuint (header.height, ==, 40);
    g_assert_true (header.complete);
    for (gsize cut = 3; cut < size; cut += 3)
      {
        g_assert_true (starling_image_header_parse ((const guint8 *) contents, cut, &header));
        g_assert_false (header.complete);
      }
  }

  g_assert_false (starling_image_header_parse ((const guint8 *) "GIF", 3, &header));
  g_assert_false (starling_image_header_parse ((const guint8 *) "", 0, &header));
  g_assert_false (starling_image_header_parse ((const guint8 *) "<svg/>", 6, &header));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/starling/image-loader/header", test_header);
#define ADD(name, func) \
  g_test_add ("/starling/image-loader/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("downscale", test_downscale);
  ADD ("memory-cache", test_memory_cache);
  ADD ("disk-cache", test_disk_cache);
  ADD ("disk-unwritable", test_disk_unwritable);
  ADD ("dedup", test_dedup);
  ADD ("cancel-one", test_cancel_one);
  ADD ("cancel-all", test_cancel_all);
  ADD ("memory-limit", test_memory_limit);
  ADD ("too-large", test_too_large);
  ADD ("damaged", test_damaged);
  ADD ("cut-transfer", test_cut_transfer);
  ADD ("http-errors", test_http_errors);
  ADD ("trim", test_trim);
#undef ADD

  return g_test_run ();
}
