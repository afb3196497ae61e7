/* bench-images.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * StarlingImageLoader on N distinct pictures served from loopback, as a
 * long scroll through a timeline asks for them: avatars (400 × 400 PNG
 * shown at 48 × 48, scale 2) and media (1280 × 720 JPEG shown at
 * 400 × 225). Three passes: cold (network, decode, disk write), warm disk
 * (a new loader on the same cache, as the next run), and hot memory. After
 * 500, 5,000 and 10,000 pictures it prints the time per picture and the
 * resident memory, which should stay flat once the memory cache is full.
 * Prints figures; it does not pass or fail.
 *
 *   bench-images [N]   (N pictures, 10000 by default)
 */

#include "config.h"

#include <malloc.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include "api/starling-session.h"
#include "starling-malloc.h"
#include "ui/media/starling-image-loader.h"

/* Distinct bodies; the URIs are all distinct, the bodies repeat. */
#define POOL_SIZE 24
/* Loads in flight at once, as a list view scrolling asks for them. */
#define WINDOW 16

typedef struct
{
  SoupServer          *server;
  char                *base;
  GPtrArray           *avatars;
  GPtrArray           *media;
  guint                served;

  StarlingImageLoader *loader;
  guint                first;
  guint                count;
  guint                issued;
  guint                done;
  guint                failed;
  gint64               started;
  const char          *phase;
} Bench;

static const guint checkpoints[] = { 500, 5000, 10000 };

static double
resident_mib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  line = strstr (status, "VmRSS:");
  if (line == NULL)
    return -1;

  return g_ascii_strtod (line + 6, NULL) / 1024.0;
}

/* Bytes malloc hands out now, in every arena: what RSS would be without
 * the allocator's fragmentation and the libraries' own caches. */
static double
heap_in_use_mib (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return (info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
}

static GBytes *
make_picture (gboolean avatar,
              guint    seed)
{
  int width = avatar ? 400 : 1280;
  int height = avatar ? 400 : 720;
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  GRand *rand = g_rand_new_with_seed (seed);
  char *buffer = NULL;
  gsize size = 0;

  /* A gradient between corner colours, a disc for avatars, and a little
   * grain so the files weigh what avatars and photos weigh. */
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint8 *p = pixels + y * stride + x * 3;
        double dx = x - width / 2.0;
        double dy = y - height / 2.0;
        gboolean disc = avatar && sqrt (dx * dx + dy * dy) < width * 0.35;
        int grain = avatar ? g_rand_int_range (rand, 0, 2) : g_rand_int_range (rand, -6, 7);

        p[0] = CLAMP ((disc ? 230 : (x * 255 / width)) + grain, 0, 255);
        p[1] = CLAMP ((disc ? 200 : (y * 255 / height)) + grain, 0, 255);
        p[2] = CLAMP ((int) ((seed * 37) % 256) + grain, 0, 255);
      }
  g_rand_free (rand);

  if (avatar)
    gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", NULL, NULL);
  else
    gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", NULL, "quality", "85", NULL);

  return g_bytes_new_take (buffer, size);
}

static gboolean
is_avatar (guint index)
{
  /* Two avatars for each media attachment, as a timeline has. */
  return index % 3 != 2;
}

static void
handle_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Bench *bench = user_data;
  guint index = (guint) g_ascii_strtoull (path + 3, NULL, 10);
  GBytes *body;

  bench->served++;
  body = g_ptr_array_index (is_avatar (index) ? bench->avatars : bench->media, index % POOL_SIZE);
  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, is_avatar (index) ? "image/png" : "image/jpeg",
                                    SOUP_MEMORY_COPY, g_bytes_get_data (body, NULL),
                                    g_bytes_get_size (body));
}

static char *
uri_for (Bench *bench,
         guint  index)
{
  return g_strdup_printf ("%s/i/%u.%s", bench->base, index, is_avatar (index) ? "png" : "jpg");
}

static void issue (Bench *bench);

static gboolean
is_checkpoint (guint done)
{
  for (guint i = 0; i < G_N_ELEMENTS (checkpoints); i++)
    if (done == checkpoints[i])
      return TRUE;

  return FALSE;
}

static void
report (Bench *bench)
{
  double elapsed_ms = (g_get_monotonic_time () - bench->started) / 1000.0;

  g_print ("%-12s %6u pictures  %7.3f ms/picture  RSS %6.1f MiB  heap %6.1f MiB  cache %5.1f MiB  served %u  failed %u\n",
           bench->phase, bench->done, elapsed_ms / bench->done, resident_mib (), heap_in_use_mib (),
           starling_image_loader_get_memory_used (bench->loader) / (1024.0 * 1024.0),
           bench->served, bench->failed);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Bench *bench = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = NULL;

  texture = starling_image_loader_load_finish (STARLING_IMAGE_LOADER (object), result, &error);
  if (texture == NULL)
    {
      if (bench->failed++ == 0)
        g_printerr ("A load failed: %s\n", error->message);
    }

  bench->done++;
  if (is_checkpoint (bench->done) || (bench->done == bench->count && !is_checkpoint (bench->count)))
    report (bench);

  issue (bench);
}

static void
issue (Bench *bench)
{
  while (bench->issued < bench->count && bench->issued - bench->done < WINDOW)
    {
      guint index = bench->first + bench->issued++;
      g_autofree char *uri = uri_for (bench, index);

      if (is_avatar (index))
        starling_image_loader_load_async (bench->loader, uri, 48, 48, 2, NULL, loaded_cb, bench);
      else
        starling_image_loader_load_async (bench->loader, uri, 400, 225, 1, NULL, loaded_cb, bench);
    }
}

static void
run (Bench      *bench,
     const char *phase,
     guint       first,
     guint       count)
{
  bench->phase = phase;
  bench->first = first;
  bench->count = count;
  bench->issued = 0;
  bench->done = 0;
  bench->failed = 0;
  bench->started = g_get_monotonic_time ();

  issue (bench);
  while (bench->done < bench->count)
    g_main_context_iteration (NULL, TRUE);
}

static void
trimmed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        remove_tree (child);
      }
  g_remove (path);
}

static guint64
tree_size (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  guint64 total = 0;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      GStatBuf info;

      if (g_stat (child, &info) == 0)
        total += info.st_size;
    }

  return total;
}

int
main (int   argc,
      char *argv[])
{
  Bench bench = { 0 };
  g_autoptr (SoupSession) session = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *cache_dir = NULL;
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 10000;
  guint64 avatar_bytes = 0;
  guint64 media_bytes = 0;
  GSList *uris;
  gint64 start;
  guint hits = 0;

  /* As starling does (main.c): the figures are the app's. */
  starling_malloc_tune ();
  session = starling_session_new (NULL);
  tmp = g_dir_make_tmp ("starling-bench-images-XXXXXX", &error);
  g_assert_no_error (error);
  cache_dir = g_build_filename (tmp, "images", NULL);
  n = MAX (n, 1);

  bench.avatars = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  bench.media = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  for (guint i = 0; i < POOL_SIZE; i++)
    {
      g_ptr_array_add (bench.avatars, make_picture (TRUE, i));
      g_ptr_array_add (bench.media, make_picture (FALSE, i + 100));
      avatar_bytes += g_bytes_get_size (g_ptr_array_index (bench.avatars, i));
      media_bytes += g_bytes_get_size (g_ptr_array_index (bench.media, i));
    }

  bench.server = soup_server_new (NULL, NULL);
  soup_server_add_handler (bench.server, "/i", handle_cb, &bench, NULL);
  soup_server_listen_local (bench.server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (bench.server);
  bench.base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_print ("%u pictures: avatars 400x400 PNG (%.1f KiB) at 48x48@2, media 1280x720 JPEG (%.1f KiB) at 400x225;"
           " %d in flight; RSS at start %.1f MiB\n",
           n, avatar_bytes / 1024.0 / POOL_SIZE, media_bytes / 1024.0 / POOL_SIZE, WINDOW,
           resident_mib ());

  /* Cold: nothing cached. */
  bench.loader = starling_image_loader_new (session, cache_dir);
  g_print ("memory limit %.0f MiB\n", starling_image_loader_get_memory_limit (bench.loader) / (1024.0 * 1024.0));
  run (&bench, "cold", 0, n);
  g_print ("disk cache: %.1f MiB in %s\n", tree_size (cache_dir) / (1024.0 * 1024.0), cache_dir);

  /* Warm disk: the next run, with an empty memory cache. */
  g_clear_object (&bench.loader);
  bench.loader = starling_image_loader_new (session, cache_dir);
  bench.served = 0;
  run (&bench, "warm disk", 0, n);

  /* Hot memory: the most recent pictures, which the cache still holds,
   * asked for again and again as rows are recycled. With a memory limit
   * of a window's worth this is a few dozen, not the 200 asked for. */
  for (guint i = n; i > 0 && hits < 200; i--)
    {
      g_autofree char *uri = uri_for (&bench, i - 1);
      g_autoptr (GdkTexture) texture = NULL;

      if (is_avatar (i - 1))
        texture = starling_image_loader_lookup (bench.loader, uri, 48, 48, 2);
      else
        texture = starling_image_loader_lookup (bench.loader, uri, 400, 225, 1);
      /* The newest run of pictures still held: the range asked for
       * below must hold no miss. */
      if (texture == NULL)
        break;
      hits++;
    }
  start = g_get_monotonic_time ();
  for (guint round = 0; round < 50; round++)
    for (guint i = n - hits; i < n; i++)
      {
        g_autofree char *uri = uri_for (&bench, i);
        g_autoptr (GdkTexture) texture = is_avatar (i)
          ? starling_image_loader_lookup (bench.loader, uri, 48, 48, 2)
          : starling_image_loader_lookup (bench.loader, uri, 400, 225, 1);

        g_assert (texture != NULL);
      }
  g_print ("hot lookup   %6u lookups   %7.4f ms/picture (the newest %u pictures, all held)\n", 50 * hits,
           (g_get_monotonic_time () - start) / 1000.0 / MAX (50 * hits, 1), hits);
  bench.served = 0;
  run (&bench, "hot memory", n - hits, hits);

  /* Trim to the default disk limit. */
  {
    g_autoptr (GAsyncResult) trimmed = NULL;

    start = g_get_monotonic_time ();
    starling_image_loader_trim_disk_async (bench.loader, NULL, trimmed_cb, &trimmed);
    while (trimmed == NULL)
      g_main_context_iteration (NULL, TRUE);
    if (!starling_image_loader_trim_disk_finish (bench.loader, trimmed, &error))
      g_printerr ("Trimming failed: %s\n", error->message);
    g_print ("trim to %.0f MiB: %.1f ms, %.1f MiB left\n",
             starling_image_loader_get_disk_limit (bench.loader) / (1024.0 * 1024.0),
             (g_get_monotonic_time () - start) / 1000.0,
             tree_size (cache_dir) / (1024.0 * 1024.0));
  }

  g_clear_object (&bench.loader);
  remove_tree (tmp);
  soup_server_disconnect (bench.server);
  g_object_unref (bench.server);
  g_ptr_array_unref (bench.avatars);
  g_ptr_array_unref (bench.media);
  g_free (bench.base);

  return EXIT_SUCCESS;
}
