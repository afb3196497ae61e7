/* starling-image-loader.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one loader of pictures: avatars, headers, emoji, media. A request
 * goes memory cache → disk cache (worker) → network (main loop, libsoup) →
 * decode at the size shown (worker) → memory cache, and every caller of
 * the same URI and size shares it.
 */

#define G_LOG_DOMAIN "starling-media"

#include "config.h"

#include <errno.h>
#include <utime.h>
#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "api/starling-api-error.h"
#include "api/starling-session.h"

#include "starling-image-header.h"
#include "starling-image-loader.h"

/* What the window needs: rows on screen hold their own textures, so the
 * memory cache only spares a decode to the rows that come back after a
 * short scroll. A post's pictures, decoded at the size shown in a column
 * of about 600 px, are under a MiB at scale 1; 16 MiB are a few screens of
 * them (one or two at scale 2), and the disk cache has the rest without a
 * transfer. A larger cap only fills with pictures scrolled past long ago. */
#define DEFAULT_MEMORY_LIMIT   (16 * 1024 * 1024)
#define DEFAULT_DISK_LIMIT     (256 * 1024 * 1024)
#define DEFAULT_MAX_BODY_SIZE  (16 * 1024 * 1024)

/* A picture above either is refused before decoding: gdk-pixbuf holds the
 * whole original in memory while it scales it down. 64 megapixels is a
 * 256 MiB buffer, more than any photo a server sends for a timeline. */
#define MAX_PIXELS  ((guint64) 64 * 1024 * 1024)
#define MAX_SIDE    32768

/* Bodies are read and fed to the decoder in pieces of this size, so a
 * bomb is caught at its header rather than after a long write. */
#define CHUNK_SIZE  (64 * 1024)

/* As many as a browser would follow. */
#define MAX_REDIRECTS 5

/* A disk hit refreshes the file's time only when it is older than this,
 * so reading a picture does not write to the disk each time. */
#define TOUCH_AFTER_SECONDS (60 * 60)

/* Files left by a write that never finished (the app was killed between
 * the temporary file and its rename) are deleted after this long. */
#define STALE_TEMP_SECONDS (10 * 60)

struct _StarlingImageLoader
{
  GObject       parent_instance;

  SoupSession  *session;
  char         *cache_dir;
  GMainContext *context;

  guint64       memory_limit;
  guint64       memory_used;
  guint64       disk_limit;
  guint64       max_body_size;

  GHashTable   *memory;     /* key → CacheEntry, owned by `lru` */
  GQueue        lru;        /* CacheEntry, most recently used first */
  GHashTable   *requests;   /* key → Request in flight */

  GQueue        jobs;       /* Request waiting for a worker */
  guint         busy_workers;
  guint         max_workers;
};

G_DEFINE_FINAL_TYPE (StarlingImageLoader, starling_image_loader, G_TYPE_OBJECT)

G_DEFINE_QUARK (starling-image-loader-error-quark, starling_image_loader_error)

enum {
  PROP_0,
  PROP_MEMORY_LIMIT,
  PROP_MEMORY_USED,
  PROP_DISK_LIMIT,
  PROP_MAX_BODY_SIZE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

typedef struct
{
  GList       link;
  char       *key;
  GdkTexture *texture;
  guint64     bytes;
} CacheEntry;

typedef enum
{
  STAGE_DISK,      /* read the disk cache on a worker */
  STAGE_NETWORK,   /* transfer on the main loop */
  STAGE_DECODE,    /* decode and store what came from the network */
} Stage;

typedef struct _Request Request;

/* One caller of load_async(); the task data of its GTask. */
typedef struct
{
  GTask        *task;
  GCancellable *cancellable;
  gulong        cancelled_id;
  Request      *request;      /* NULL once answered */
} Caller;

struct _Request
{
  guint                ref_count;
  StarlingImageLoader *loader;
  char                *key;
  char                *uri;
  char                *path;
  int                  box_width;    /* device pixels; 0 leaves a side free */
  int                  box_height;
  Stage                stage;
  GCancellable        *cancellable;  /* cancelled when no caller is left */
  GPtrArray           *callers;
  SoupMessage         *message;
  GInputStream        *stream;
  GByteArray          *body;
  goffset              expected;     /* Content-Length, or -1 */
  guint                redirects;
  gboolean             queued;
};

/* What a worker needs, copied so it never reads the loader. */
typedef struct
{
  char    *path;
  char    *cache_dir;
  GBytes  *body;        /* NULL: read the disk cache */
  int      box_width;
  int      box_height;
  guint64  max_body_size;
} Job;

typedef struct
{
  char   *path;
  guint64 size;
  gint64  mtime;
} CacheFile;

static void request_run_next   (StarlingImageLoader *self);
static void request_start_send (Request             *request);

static CacheEntry *
cache_entry_new (const char *key,
                 GdkTexture *texture)
{
  CacheEntry *entry = g_new0 (CacheEntry, 1);

  entry->link.data = entry;
  entry->key = g_strdup (key);
  entry->texture = g_object_ref (texture);
  entry->bytes = (guint64) gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4;

  return entry;
}

static void
cache_entry_free (CacheEntry *entry)
{
  g_free (entry->key);
  g_object_unref (entry->texture);
  g_free (entry);
}

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->cache_dir);
  g_clear_pointer (&job->body, g_bytes_unref);
  g_free (job);
}

static void
cache_file_free (CacheFile *file)
{
  g_free (file->path);
  g_free (file);
}

static Request *
request_ref (Request *request)
{
  request->ref_count++;
  return request;
}

static void
request_unref (Request *request)
{
  if (--request->ref_count > 0)
    return;

  g_assert (request->callers->len == 0);
  g_ptr_array_unref (request->callers);
  g_clear_object (&request->cancellable);
  g_clear_object (&request->message);
  g_clear_object (&request->stream);
  g_clear_pointer (&request->body, g_byte_array_unref);
  g_free (request->key);
  g_free (request->uri);
  g_free (request->path);
  g_object_unref (request->loader);
  g_free (request);
}

static char *
make_key (const char *uri,
          int         box_width,
          int         box_height)
{
  return g_strdup_printf ("%dx%d %s", box_width, box_height, uri);
}

/* The box in device pixels: 48 logical pixels at scale 2 and 96 at scale
 * 1 are the same picture, and share a cache entry. */
static void
device_box (int  width,
            int  height,
            int  scale,
            int *box_width,
            int *box_height)
{
  scale = CLAMP (scale, 1, 16);
  *box_width = width > 0 ? MIN (width, MAX_SIDE) * scale : 0;
  *box_height = height > 0 ? MIN (height, MAX_SIDE) * scale : 0;
}

/* The size that fits @width × @height into the box, keeping the aspect
 * ratio, never larger than the original, and at least one pixel. */
static void
fit_size (int  width,
          int  height,
          int  box_width,
          int  box_height,
          int *out_width,
          int *out_height)
{
  double factor = 1.0;

  if (box_width > 0 && width > box_width)
    factor = MIN (factor, (double) box_width / width);
  if (box_height > 0 && height > box_height)
    factor = MIN (factor, (double) box_height / height);

  *out_width = MAX (1, (int) (width * factor + 0.5));
  *out_height = MAX (1, (int) (height * factor + 0.5));

  /* Rounding must not cross the box. */
  if (box_width > 0)
    *out_width = MIN (*out_width, box_width);
  if (box_height > 0)
    *out_height = MIN (*out_height, box_height);
}

static void
set_memory_used (StarlingImageLoader *self,
                 guint64              memory_used)
{
  if (self->memory_used == memory_used)
    return;

  self->memory_used = memory_used;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMORY_USED]);
}

static void
evict_to (StarlingImageLoader *self,
          guint64              limit)
{
  guint64 used = self->memory_used;

  while (used > limit && self->lru.tail != NULL)
    {
      CacheEntry *entry = self->lru.tail->data;

      g_queue_unlink (&self->lru, &entry->link);
      g_hash_table_remove (self->memory, entry->key);
      used -= entry->bytes;
      cache_entry_free (entry);
    }

  set_memory_used (self, used);
}

static void
remember (StarlingImageLoader *self,
          const char          *key,
          GdkTexture          *texture)
{
  CacheEntry *entry = g_hash_table_lookup (self->memory, key);
  CacheEntry *added;

  if (entry != NULL)
    {
      g_queue_unlink (&self->lru, &entry->link);
      g_hash_table_remove (self->memory, key);
      set_memory_used (self, self->memory_used - entry->bytes);
      cache_entry_free (entry);
    }

  added = cache_entry_new (key, texture);

  /* A picture larger than the whole cache is shown but not kept. */
  if (added->bytes > self->memory_limit)
    {
      cache_entry_free (added);
      return;
    }

  evict_to (self, self->memory_limit - added->bytes);
  g_queue_push_head_link (&self->lru, &added->link);
  g_hash_table_insert (self->memory, added->key, added);
  set_memory_used (self, self->memory_used + added->bytes);
}

static char *
loggable_uri (const char *uri)
{
  g_autoptr (GUri) parsed = g_uri_parse (uri, SOUP_HTTP_URI_FLAGS, NULL);

  /* The path without the query, which may carry a signature. */
  if (parsed == NULL)
    return g_strdup ("(not a URI)");

  return g_uri_join (G_URI_FLAGS_NONE, g_uri_get_scheme (parsed), NULL,
                     g_uri_get_host (parsed), g_uri_get_port (parsed),
                     g_uri_get_path (parsed), NULL, NULL);
}

/* Worker side: decoding. */

typedef struct
{
  int      box_width;
  int      box_height;
  gboolean too_large;
} SizeData;

static gboolean
dimensions_too_large (guint64 width,
                      guint64 height)
{
  return width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS;
}

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  SizeData *size = user_data;
  int target_width;
  int target_height;

  /* The decoder's own word on the size, for the formats whose header we do
   * not read. A size of zero makes the module stop before it allocates. */
  if (width <= 0 || height <= 0 || dimensions_too_large (width, height))
    {
      size->too_large = TRUE;
      gdk_pixbuf_loader_set_size (loader, 0, 0);
      return;
    }

  fit_size (width, height, size->box_width, size->box_height, &target_width, &target_height);
  if (target_width != width || target_height != height)
    gdk_pixbuf_loader_set_size (loader, target_width, target_height);
}

static GError *
too_large_error (guint width,
                 guint height)
{
  if (width > 0 && height > 0)
    return g_error_new (STARLING_IMAGE_LOADER_ERROR, STARLING_IMAGE_LOADER_ERROR_TOO_LARGE,
                        _("The picture is too large to show (%u × %u pixels)"), width, height);

  return g_error_new_literal (STARLING_IMAGE_LOADER_ERROR, STARLING_IMAGE_LOADER_ERROR_TOO_LARGE,
                              _("The picture is too large to show"));
}

static GdkTexture *
decode (GBytes   *body,
        int       box_width,
        int       box_height,
        GError  **error)
{
  g_autoptr (GdkPixbufLoader) loader = NULL;
  g_autoptr (GdkPixbuf) oriented = NULL;
  g_autoptr (GError) local_error = NULL;
  StarlingImageHeader header;
  SizeData size = { box_width, box_height, FALSE };
  GdkPixbuf *pixbuf;
  gboolean ok = TRUE;
  const guint8 *data;
  gsize length = 0;
  int width;
  int height;
  int fit_width;
  int fit_height;

  data = g_bytes_get_data (body, &length);

  if (!starling_image_header_parse (data, length, &header))
    {
      g_set_error_literal (error, STARLING_IMAGE_LOADER_ERROR, STARLING_IMAGE_LOADER_ERROR_UNDECODABLE,
                           _("This is not a picture Starling can show"));
      return NULL;
    }

  if (dimensions_too_large (header.width, header.height) || header.pixels > MAX_PIXELS)
    {
      g_propagate_error (error, too_large_error (header.width, header.height));
      return NULL;
    }

  if (!header.complete)
    {
      g_set_error_literal (error, STARLING_IMAGE_LOADER_ERROR, STARLING_IMAGE_LOADER_ERROR_UNDECODABLE,
                           _("The picture is cut short or damaged"));
      return NULL;
    }

  loader = gdk_pixbuf_loader_new_with_type (header.format, &local_error);
  if (loader == NULL)
    {
      g_set_error (error, STARLING_IMAGE_LOADER_ERROR, STARLING_IMAGE_LOADER_ERROR_UNDECODABLE,
                   _("Pictures in the %s format cannot be shown on this system"), header.format);
      return NULL;
    }
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &size);

  for (gsize offset = 0; ok && !size.too_large && offset < length; offset += CHUNK_SIZE)
    ok = gdk_pixbuf_loader_write (loader, data + offset, MIN (CHUNK_SIZE, length - offset),
                                  &local_error);

  /* A loader must be closed even after a failed write. */
  if (ok && !size.too_large)
    ok = gdk_pixbuf_loader_close (loader, &local_error);
  else
    gdk_pixbuf_loader_close (loader, NULL);

  if (size.too_large)
    {
      g_propagate_error (error, too_large_error (0, 0));
      return NULL;
    }

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (!ok || pixbuf == NULL)
    {
      g_debug ("Decoding failed: %s", local_error != NULL ? local_error->message : "no picture");
      g_set_error_literal (error, STARLING_IMAGE_LOADER_ERROR, STARLING_IMAGE_LOADER_ERROR_UNDECODABLE,
                           _("The picture is damaged"));
      return NULL;
    }

  /* Photos from phones are stored sideways with an EXIF orientation. The
   * turn can swap the sides, so fit the box once more afterwards. */
  oriented = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  width = gdk_pixbuf_get_width (oriented);
  height = gdk_pixbuf_get_height (oriented);
  fit_size (width, height, box_width, box_height, &fit_width, &fit_height);
  if (fit_width != width || fit_height != height)
    {
      g_autoptr (GdkPixbuf) scaled = gdk_pixbuf_scale_simple (oriented, fit_width, fit_height,
                                                              GDK_INTERP_BILINEAR);

      if (scaled == NULL)
        {
          g_set_error_literal (error, STARLING_IMAGE_LOADER_ERROR, STARLING_IMAGE_LOADER_ERROR_UNDECODABLE,
                               _("The picture is damaged"));
          return NULL;
        }
      g_set_object (&oriented, scaled);
    }

  return gdk_texture_new_for_pixbuf (oriented);
}

/* Worker side: the disk cache. */

static void
store (Job *job)
{
  g_autoptr (GError) error = NULL;
  const guint8 *data;
  gsize length = 0;

  if (g_mkdir_with_parents (job->cache_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_debug ("Cannot create the image cache %s: %s", job->cache_dir, g_strerror (saved_errno));
      return;
    }

  /* A temporary file renamed over the name: a reader never sees half a
   * file. A full disk loses the cached copy, never the picture. */
  data = g_bytes_get_data (job->body, &length);
  if (!g_file_set_contents_full (job->path, (const char *) data, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_debug ("Cannot write to the image cache: %s", error->message);
}

static GBytes *
read_cached (Job *job)
{
  GStatBuf info;
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (g_stat (job->path, &info) != 0)
    return NULL;

  if ((guint64) info.st_size > job->max_body_size)
    {
      g_unlink (job->path);
      return NULL;
    }

  if (!g_file_get_contents (job->path, &contents, &length, &error))
    {
      g_debug ("Cannot read the image cache: %s", error->message);
      return NULL;
    }

  /* Recently used files survive a trim. */
  if (g_get_real_time () / G_USEC_PER_SEC - info.st_mtime > TOUCH_AFTER_SECONDS)
    g_utime (job->path, NULL);

  return g_bytes_new_take (contents, length);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr (GError) error = NULL;
  GdkTexture *texture;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (job->body == NULL)
    {
      g_autoptr (GBytes) cached = read_cached (job);

      if (cached == NULL)
        {
          g_task_return_pointer (task, NULL, NULL);
          return;
        }

      texture = decode (cached, job->box_width, job->box_height, &error);
      if (texture == NULL)
        {
          /* A damaged cache file is fetched again. */
          g_debug ("Dropping a cached picture: %s", error->message);
          g_unlink (job->path);
        }
      g_task_return_pointer (task, texture, g_object_unref);
      return;
    }

  texture = decode (job->body, job->box_width, job->box_height, &error);
  if (texture == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  store (job);
  g_task_return_pointer (task, texture, g_object_unref);
}

static int
compare_cache_files (gconstpointer a,
                     gconstpointer b)
{
  const CacheFile *file_a = *(const CacheFile * const *) a;
  const CacheFile *file_b = *(const CacheFile * const *) b;

  if (file_a->mtime != file_b->mtime)
    return file_a->mtime < file_b->mtime ? -1 : 1;

  return g_strcmp0 (file_a->path, file_b->path);
}

static gboolean
is_cache_name (const char *name)
{
  gsize i;

  for (i = 0; name[i] != '\0'; i++)
    if (!g_ascii_isxdigit (name[i]))
      return FALSE;

  return i == 64;
}

static void
trim_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *cache_dir = g_object_get_data (G_OBJECT (task), "cache-dir");
  guint64 limit = *(guint64 *) task_data;
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) cache_file_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint64 total = 0;
  guint removed = 0;
  const char *name;

  dir = g_dir_open (cache_dir, 0, &error);
  if (dir == NULL)
    {
      /* Nothing cached yet. */
      if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_task_return_boolean (task, TRUE);
          return;
        }
      g_prefix_error (&error, _("Cannot read the image cache: "));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (cache_dir, name, NULL);
      GStatBuf info;

      if (g_stat (path, &info) != 0 || !S_ISREG (info.st_mode))
        continue;

      if (!is_cache_name (name))
        {
          /* g_file_set_contents_full()'s temporary files are NAME.XXXXXX. */
          if (strspn (name, "0123456789abcdef") == 64 && name[64] == '.' &&
              now - info.st_mtime > STALE_TEMP_SECONDS)
            g_unlink (path);
          continue;
        }

      {
        CacheFile *file = g_new0 (CacheFile, 1);

        file->path = g_steal_pointer (&path);
        file->size = info.st_size;
        file->mtime = info.st_mtime;
        total += file->size;
        g_ptr_array_add (files, file);
      }
    }

  g_ptr_array_sort (files, compare_cache_files);

  for (guint i = 0; i < files->len && total > limit; i++)
    {
      CacheFile *file = g_ptr_array_index (files, i);

      if (g_cancellable_is_cancelled (cancellable))
        break;
      if (g_unlink (file->path) == 0)
        {
          total -= file->size;
          removed++;
        }
    }

  g_debug ("Image cache trimmed: %u files deleted, %" G_GUINT64_FORMAT " bytes kept",
           removed, total);

  if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, TRUE);
}

/* Main side: answering callers. */

static void
caller_free (Caller *caller)
{
  g_assert (caller->request == NULL);
  g_clear_object (&caller->cancellable);
  g_free (caller);
}

/* Takes the caller out of its request; the caller's GTask is answered by
 * whoever calls this. */
static void
caller_detach (Caller *caller)
{
  Request *request = caller->request;

  g_assert (request != NULL);

  if (caller->cancelled_id != 0)
    g_cancellable_disconnect (caller->cancellable, caller->cancelled_id);
  caller->cancelled_id = 0;
  caller->request = NULL;
  g_ptr_array_remove (request->callers, caller);
}

/* The request is no longer the one new callers join. */
static void
request_forget (Request *request)
{
  StarlingImageLoader *self = request->loader;

  if (g_hash_table_lookup (self->requests, request->key) == request)
    g_hash_table_remove (self->requests, request->key);
}

static void
request_finish (Request    *request,
                GdkTexture *texture,
                GError     *error)
{
  g_autoptr (GPtrArray) callers = NULL;

  request_forget (request);

  if (texture != NULL)
    remember (request->loader, request->key, texture);

  callers = g_ptr_array_copy (request->callers, NULL, NULL);
  for (guint i = 0; i < callers->len; i++)
    {
      Caller *caller = g_ptr_array_index (callers, i);
      g_autoptr (GTask) task = g_object_ref (caller->task);

      caller_detach (caller);
      if (texture != NULL)
        g_task_return_pointer (task, g_object_ref (texture), g_object_unref);
      else
        g_task_return_error (task, g_error_copy (error));
      /* The GTask held by the caller goes with its task data. */
      g_clear_object (&caller->task);
    }
}

static void
request_fail (Request *request,
              GError  *error)
{
  g_autofree char *logged = loggable_uri (request->uri);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Loading %s failed: %s", logged, error->message);

  request_finish (request, NULL, error);
  g_error_free (error);
}

static gboolean
caller_cancelled_idle (gpointer user_data)
{
  GTask *task = user_data;
  Caller *caller = g_task_get_task_data (task);
  Request *request = caller->request;

  if (request == NULL)
    return G_SOURCE_REMOVE;

  request_ref (request);
  caller_detach (caller);
  g_task_return_error_if_cancelled (task);
  g_clear_object (&caller->task);

  /* The last caller gone: stop the transfer and let a new caller start
   * afresh rather than join a request that is being cancelled. */
  if (request->callers->len == 0)
    {
      request_forget (request);
      g_cancellable_cancel (request->cancellable);
    }

  request_unref (request);
  return G_SOURCE_REMOVE;
}

static void
caller_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  GTask *task = user_data;
  StarlingImageLoader *self = g_task_get_source_object (task);
  g_autoptr (GSource) source = g_idle_source_new ();

  /* This runs in whichever thread cancelled, and inside the emission,
   * where the handler cannot be disconnected: answer from the loader's
   * own context instead. The idle holds the task, so the caller stays. */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, caller_cancelled_idle, g_object_ref (task), g_object_unref);
  g_source_set_static_name (source, "[starling] image load cancelled");
  g_source_attach (source, self->context);
}

/* Main side: the stages. */

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Request *request = user_data;
  StarlingImageLoader *self = request->loader;
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GError) error = NULL;

  self->busy_workers--;

  texture = g_task_propagate_pointer (G_TASK (result), &error);
  if (error != NULL)
    request_fail (request, g_steal_pointer (&error));
  else if (texture != NULL)
    request_finish (request, texture, NULL);
  else
    {
      /* Not on disk: fetch it. */
      request->stage = STAGE_NETWORK;
      request_start_send (request_ref (request));
    }

  request_run_next (self);
  request_unref (request);
}

static void
request_run (Request *request)
{
  StarlingImageLoader *self = request->loader;
  g_autoptr (GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  job->path = g_strdup (request->path);
  job->cache_dir = g_strdup (self->cache_dir);
  job->box_width = request->box_width;
  job->box_height = request->box_height;
  job->max_body_size = self->max_body_size;
  if (request->stage == STAGE_DECODE)
    job->body = g_byte_array_free_to_bytes (g_steal_pointer (&request->body));

  /* No source object: the worker drops its reference to the task after
   * the callback may have run, and must not keep the loader alive. */
  self->busy_workers++;
  task = g_task_new (NULL, request->cancellable, job_done_cb, request);
  g_task_set_source_tag (task, request_run);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);
}

static void
request_run_next (StarlingImageLoader *self)
{
  while (self->busy_workers < self->max_workers && self->jobs.length > 0)
    {
      Request *request = g_queue_pop_head (&self->jobs);

      request->queued = FALSE;
      request_run (request);
    }
}

/* Decoding waits for a free worker: a screenful of photos must not hold a
 * screenful of full-size originals in memory at once. Takes a reference. */
static void
request_queue (Request *request)
{
  StarlingImageLoader *self = request->loader;

  request->queued = TRUE;
  g_queue_push_tail (&self->jobs, request);
  request_run_next (self);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Request *request = user_data;
  StarlingImageLoader *self = request->loader;
  g_autoptr (GBytes) chunk = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      request_fail (request, starling_api_error_new_from_transport (error));
      request_unref (request);
      return;
    }

  length = g_bytes_get_size (chunk);
  if (length == 0)
    {
      g_input_stream_close_async (request->stream, G_PRIORITY_LOW, NULL, NULL, NULL);

      /* A connection that closed before Content-Length gives half a
       * picture: never show it. */
      if (request->expected >= 0 && (goffset) request->body->len != request->expected)
        {
          request_fail (request, g_error_new_literal (STARLING_API_ERROR, STARLING_API_ERROR_NETWORK,
                                                      _("The connection closed before the whole picture arrived")));
          request_unref (request);
          return;
        }

      request->stage = STAGE_DECODE;
      request_queue (request);
      return;
    }

  if (request->body->len + (guint64) length > self->max_body_size)
    {
      g_input_stream_close_async (request->stream, G_PRIORITY_LOW, NULL, NULL, NULL);
      request_fail (request, g_error_new_literal (STARLING_IMAGE_LOADER_ERROR,
                                                  STARLING_IMAGE_LOADER_ERROR_TOO_LARGE,
                                                  _("The picture is too large to download")));
      request_unref (request);
      return;
    }

  g_byte_array_append (request->body, g_bytes_get_data (chunk, NULL), length);
  g_input_stream_read_bytes_async (request->stream, CHUNK_SIZE, G_PRIORITY_LOW,
                                   request->cancellable, read_cb, request);
}

static gboolean
follow_redirect (Request  *request,
                 GError  **error)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (request->message);
  const char *location = soup_message_headers_get_one (headers, "Location");
  g_autoptr (GUri) target = NULL;
  g_autofree char *target_string = NULL;

  if (location == NULL)
    return FALSE;

  if (++request->redirects > MAX_REDIRECTS)
    {
      g_set_error_literal (error, STARLING_API_ERROR, STARLING_API_ERROR_FAILED,
                           _("The server redirected too many times"));
      return TRUE;
    }

  target = g_uri_parse_relative (soup_message_get_uri (request->message), location,
                                 SOUP_HTTP_URI_FLAGS, NULL);
  if (target == NULL)
    {
      g_set_error_literal (error, STARLING_API_ERROR, STARLING_API_ERROR_MALFORMED,
                           _("The server redirected to an address that is not valid"));
      return TRUE;
    }

  /* Each hop obeys the transport rule, as the first one did. */
  target_string = g_uri_to_string (target);
  if (!starling_api_check_uri (request->loader->session, target_string, error))
    return TRUE;

  g_clear_object (&request->message);
  request->message = soup_message_new_from_uri (SOUP_METHOD_GET, target);
  request_start_send (request);
  return TRUE;
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Request *request = user_data;
  StarlingImageLoader *self = request->loader;
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (GError) error = NULL;
  SoupMessageHeaders *headers;
  guint status;

  stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (stream == NULL)
    {
      request_fail (request, starling_api_error_new_from_transport (error));
      request_unref (request);
      return;
    }

  status = soup_message_get_status (request->message);
  headers = soup_message_get_response_headers (request->message);

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    g_input_stream_close_async (stream, G_PRIORITY_LOW, NULL, NULL, NULL);

  if (SOUP_STATUS_IS_REDIRECTION (status) && follow_redirect (request, &error))
    {
      if (error != NULL)
        {
          request_fail (request, g_steal_pointer (&error));
          request_unref (request);
        }
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      /* An error page's body is HTML or JSON for a person, not for us. */
      request_fail (request, starling_api_error_new_for_status (status, headers, NULL, NULL));
      request_unref (request);
      return;
    }

  request->expected = -1;
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    request->expected = soup_message_headers_get_content_length (headers);

  if (request->expected > (goffset) self->max_body_size)
    {
      g_input_stream_close_async (stream, G_PRIORITY_LOW, NULL, NULL, NULL);
      request_fail (request, g_error_new_literal (STARLING_IMAGE_LOADER_ERROR,
                                                  STARLING_IMAGE_LOADER_ERROR_TOO_LARGE,
                                                  _("The picture is too large to download")));
      request_unref (request);
      return;
    }

  request->stream = g_steal_pointer (&stream);
  request->body = g_byte_array_sized_new (request->expected > 0 ? request->expected : CHUNK_SIZE);
  g_input_stream_read_bytes_async (request->stream, CHUNK_SIZE, G_PRIORITY_LOW,
                                   request->cancellable, read_cb, request);
}

/* Takes a reference to @request. */
static void
request_start_send (Request *request)
{
  SoupMessageHeaders *headers;
  g_autoptr (GError) error = NULL;

  if (request->message == NULL)
    {
      if (!starling_api_check_uri (request->loader->session, request->uri, &error))
        {
          request_fail (request, g_steal_pointer (&error));
          request_unref (request);
          return;
        }
      request->message = soup_message_new (SOUP_METHOD_GET, request->uri);
      if (request->message == NULL)
        {
          request_fail (request, g_error_new (STARLING_API_ERROR, STARLING_API_ERROR_NOT_FOUND,
                                              _("“%s” is not a web address"), request->uri));
          request_unref (request);
          return;
        }
    }

  /* Redirects are followed by hand, so each hop is checked. Pictures are
   * fetched without the account's token. */
  soup_message_set_flags (request->message, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (request->message);
  soup_message_headers_replace (headers, "Accept",
                                "image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9,*/*;q=0.5");

  soup_session_send_async (request->loader->session, request->message, G_PRIORITY_LOW,
                           request->cancellable, send_cb, request);
}

static void
starling_image_loader_dispose (GObject *object)
{
  StarlingImageLoader *self = (StarlingImageLoader *) object;

  /* Requests in flight hold the loader, so none is left here. */
  g_hash_table_remove_all (self->requests);
  evict_to (self, 0);

  G_OBJECT_CLASS (starling_image_loader_parent_class)->dispose (object);
}

static void
starling_image_loader_finalize (GObject *object)
{
  StarlingImageLoader *self = (StarlingImageLoader *) object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->cache_dir, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->memory, g_hash_table_unref);
  g_clear_pointer (&self->requests, g_hash_table_unref);

  G_OBJECT_CLASS (starling_image_loader_parent_class)->finalize (object);
}

static void
starling_image_loader_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  StarlingImageLoader *self = STARLING_IMAGE_LOADER (object);

  switch (prop_id)
    {
    case PROP_MEMORY_LIMIT:
      g_value_set_uint64 (value, self->memory_limit);
      break;

    case PROP_MEMORY_USED:
      g_value_set_uint64 (value, self->memory_used);
      break;

    case PROP_DISK_LIMIT:
      g_value_set_uint64 (value, self->disk_limit);
      break;

    case PROP_MAX_BODY_SIZE:
      g_value_set_uint64 (value, self->max_body_size);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_image_loader_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  StarlingImageLoader *self = STARLING_IMAGE_LOADER (object);

  switch (prop_id)
    {
    case PROP_MEMORY_LIMIT:
      starling_image_loader_set_memory_limit (self, g_value_get_uint64 (value));
      break;

    case PROP_DISK_LIMIT:
      starling_image_loader_set_disk_limit (self, g_value_get_uint64 (value));
      break;

    case PROP_MAX_BODY_SIZE:
      starling_image_loader_set_max_body_size (self, g_value_get_uint64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_image_loader_class_init (StarlingImageLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = starling_image_loader_dispose;
  object_class->finalize = starling_image_loader_finalize;
  object_class->get_property = starling_image_loader_get_property;
  object_class->set_property = starling_image_loader_set_property;

  /**
   * StarlingImageLoader:memory-limit:
   *
   * The most bytes of decoded pictures kept in memory, counted as four
   * bytes a pixel. The least recently used go first.
   */
  properties[PROP_MEMORY_LIMIT] =
    g_param_spec_uint64 ("memory-limit", NULL, NULL,
                         0, G_MAXUINT64, DEFAULT_MEMORY_LIMIT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * StarlingImageLoader:memory-used:
   *
   * The bytes the memory cache holds now; never above
   * #StarlingImageLoader:memory-limit.
   */
  properties[PROP_MEMORY_USED] =
    g_param_spec_uint64 ("memory-used", NULL, NULL,
                         0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * StarlingImageLoader:disk-limit:
   *
   * The bytes starling_image_loader_trim_disk_async() leaves on disk.
   */
  properties[PROP_DISK_LIMIT] =
    g_param_spec_uint64 ("disk-limit", NULL, NULL,
                         0, G_MAXUINT64, DEFAULT_DISK_LIMIT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * StarlingImageLoader:max-body-size:
   *
   * The largest file downloaded; a larger one fails with
   * %STARLING_IMAGE_LOADER_ERROR_TOO_LARGE as soon as its size is known.
   */
  properties[PROP_MAX_BODY_SIZE] =
    g_param_spec_uint64 ("max-body-size", NULL, NULL,
                         1, G_MAXUINT64, DEFAULT_MAX_BODY_SIZE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
starling_image_loader_init (StarlingImageLoader *self)
{
  self->memory_limit = DEFAULT_MEMORY_LIMIT;
  self->disk_limit = DEFAULT_DISK_LIMIT;
  self->max_body_size = DEFAULT_MAX_BODY_SIZE;
  self->memory = g_hash_table_new (g_str_hash, g_str_equal);
  self->requests = g_hash_table_new (g_str_hash, g_str_equal);
  self->context = g_main_context_ref_thread_default ();
  self->max_workers = CLAMP (g_get_num_processors (), 1, 4);
  g_queue_init (&self->lru);
  g_queue_init (&self->jobs);
}

/**
 * starling_image_loader_new:
 * @session: the session pictures are fetched through
 * @cache_dir: the folder of the disk cache, created when first written
 *
 * Creates a loader. Use it from the thread that created it (the main
 * thread): decoding and the disk happen on workers, the transfer on that
 * thread's main context.
 *
 * Returns: (transfer full): a new #StarlingImageLoader
 */
StarlingImageLoader *
starling_image_loader_new (SoupSession *session,
                           const char  *cache_dir)
{
  StarlingImageLoader *self;

  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (cache_dir != NULL, NULL);

  self = g_object_new (STARLING_TYPE_IMAGE_LOADER, NULL);
  self->session = g_object_ref (session);
  self->cache_dir = g_strdup (cache_dir);

  return self;
}

/**
 * starling_image_loader_load_async:
 * @self: a #StarlingImageLoader
 * @uri: the picture's address
 * @width: the width it is shown at, in logical pixels; 0 or less for any
 * @height: the height it is shown at, in logical pixels; 0 or less for any
 * @scale: the widget's scale factor
 * @cancellable: (nullable): cancels this caller alone
 * @callback: called with the picture
 * @user_data: data for @callback
 *
 * Loads @uri scaled down to fit @width × @height × @scale device pixels,
 * from memory, the disk cache or the network. Callers of the same URI and
 * size share one transfer and one decode.
 */
void
starling_image_loader_load_async (StarlingImageLoader *self,
                                  const char          *uri,
                                  int                  width,
                                  int                  height,
                                  int                  scale,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *key = NULL;
  Request *request;
  Caller *caller;
  int box_width;
  int box_height;

  g_return_if_fail (STARLING_IS_IMAGE_LOADER (self));
  g_return_if_fail (uri != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_image_loader_load_async);

  if (g_task_return_error_if_cancelled (task))
    return;

  texture = starling_image_loader_lookup (self, uri, width, height, scale);
  if (texture != NULL)
    {
      g_task_return_pointer (task, g_steal_pointer (&texture), g_object_unref);
      return;
    }

  device_box (width, height, scale, &box_width, &box_height);
  key = make_key (uri, box_width, box_height);

  request = g_hash_table_lookup (self->requests, key);
  if (request == NULL)
    {
      request = g_new0 (Request, 1);
      request->ref_count = 1;
      request->loader = g_object_ref (self);
      request->key = g_steal_pointer (&key);
      request->uri = g_strdup (uri);
      request->path = starling_image_loader_get_cache_path (self, uri);
      request->box_width = box_width;
      request->box_height = box_height;
      request->cancellable = g_cancellable_new ();
      request->callers = g_ptr_array_new ();
      request->expected = -1;
      request->stage = STAGE_DISK;
      g_hash_table_insert (self->requests, request->key, request);
      request_queue (request);
    }

  caller = g_new0 (Caller, 1);
  caller->task = g_object_ref (task);
  caller->request = request;
  g_task_set_task_data (task, caller, (GDestroyNotify) caller_free);
  g_ptr_array_add (request->callers, caller);

  if (cancellable != NULL)
    {
      caller->cancellable = g_object_ref (cancellable);
      caller->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                    task, NULL);
    }
}

/**
 * starling_image_loader_load_finish:
 * @self: a #StarlingImageLoader
 * @result: the result given to the callback
 * @error: return location for a #StarlingImageLoaderError, a
 *   #StarlingApiError, or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full): the picture, or %NULL on failure
 */
GdkTexture *
starling_image_loader_load_finish (StarlingImageLoader  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_return_val_if_fail (STARLING_IS_IMAGE_LOADER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == starling_image_loader_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * starling_image_loader_lookup:
 * @self: a #StarlingImageLoader
 * @uri: the picture's address
 * @width: as for starling_image_loader_load_async()
 * @height: as for starling_image_loader_load_async()
 * @scale: as for starling_image_loader_load_async()
 *
 * The picture at once if it is in the memory cache, so a recycled row can
 * show it in the same frame.
 *
 * Returns: (transfer full) (nullable): the picture, or %NULL
 */
GdkTexture *
starling_image_loader_lookup (StarlingImageLoader *self,
                              const char          *uri,
                              int                  width,
                              int                  height,
                              int                  scale)
{
  g_autofree char *key = NULL;
  CacheEntry *entry;
  int box_width;
  int box_height;

  g_return_val_if_fail (STARLING_IS_IMAGE_LOADER (self), NULL);
  g_return_val_if_fail (uri != NULL, NULL);

  device_box (width, height, scale, &box_width, &box_height);
  key = make_key (uri, box_width, box_height);

  entry = g_hash_table_lookup (self->memory, key);
  if (entry == NULL)
    return NULL;

  g_queue_unlink (&self->lru, &entry->link);
  g_queue_push_head_link (&self->lru, &entry->link);

  return g_object_ref (entry->texture);
}

/**
 * starling_image_loader_trim_disk_async:
 * @self: a #StarlingImageLoader
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Deletes the least recently used files of the disk cache until it holds
 * no more than #StarlingImageLoader:disk-limit, on a worker thread.
 */
void
starling_image_loader_trim_disk_async (StarlingImageLoader *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (STARLING_IS_IMAGE_LOADER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, starling_image_loader_trim_disk_async);
  g_task_set_task_data (task, g_memdup2 (&self->disk_limit, sizeof self->disk_limit), g_free);
  g_object_set_data_full (G_OBJECT (task), "cache-dir", g_strdup (self->cache_dir), g_free);
  g_task_run_in_thread (task, trim_thread);
}

/**
 * starling_image_loader_trim_disk_finish:
 * @self: a #StarlingImageLoader
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: %TRUE when the cache is within its limit
 */
gboolean
starling_image_loader_trim_disk_finish (StarlingImageLoader  *self,
                                        GAsyncResult         *result,
                                        GError              **error)
{
  g_return_val_if_fail (STARLING_IS_IMAGE_LOADER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == starling_image_loader_trim_disk_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * starling_image_loader_get_cache_dir:
 * @self: a #StarlingImageLoader
 *
 * Returns: the folder of the disk cache
 */
const char *
starling_image_loader_get_cache_dir (StarlingImageLoader *self)
{
  g_return_val_if_fail (STARLING_IS_IMAGE_LOADER (self), NULL);

  return self->cache_dir;
}

/**
 * starling_image_loader_get_cache_path:
 * @self: a #StarlingImageLoader
 * @uri: a picture's address
 *
 * Returns: (transfer full): the file that holds @uri in the disk cache,
 *   named by the SHA-256 of the address; it may not exist
 */
char *
starling_image_loader_get_cache_path (StarlingImageLoader *self,
                                      const char          *uri)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (STARLING_IS_IMAGE_LOADER (self), NULL);
  g_return_val_if_fail (uri != NULL, NULL);

  name = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
  return g_build_filename (self->cache_dir, name, NULL);
}

guint64
starling_image_loader_get_memory_limit (StarlingImageLoader *self)
{
  g_return_val_if_fail (STARLING_IS_IMAGE_LOADER (self), 0);

  return self->memory_limit;
}

/**
 * starling_image_loader_set_memory_limit:
 * @self: a #StarlingImageLoader
 * @memory_limit: bytes
 *
 * Sets #StarlingImageLoader:memory-limit; pictures beyond it are dropped
 * at once, the least recently used first.
 */
void
starling_image_loader_set_memory_limit (StarlingImageLoader *self,
                                        guint64              memory_limit)
{
  g_return_if_fail (STARLING_IS_IMAGE_LOADER (self));

  if (self->memory_limit == memory_limit)
    return;

  self->memory_limit = memory_limit;
  evict_to (self, memory_limit);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMORY_LIMIT]);
}

guint64
starling_image_loader_get_memory_used (StarlingImageLoader *self)
{
  g_return_val_if_fail (STARLING_IS_IMAGE_LOADER (self), 0);

  return self->memory_used;
}

guint64
starling_image_loader_get_disk_limit (StarlingImageLoader *self)
{
  g_return_val_if_fail (STARLING_IS_IMAGE_LOADER (self), 0);

  return self->disk_limit;
}

void
starling_image_loader_set_disk_limit (StarlingImageLoader *self,
                                      guint64              disk_limit)
{
  g_return_if_fail (STARLING_IS_IMAGE_LOADER (self));

  if (self->disk_limit == disk_limit)
    return;

  self->disk_limit = disk_limit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISK_LIMIT]);
}

guint64
starling_image_loader_get_max_body_size (StarlingImageLoader *self)
{
  g_return_val_if_fail (STARLING_IS_IMAGE_LOADER (self), 0);

  return self->max_body_size;
}

void
starling_image_loader_set_max_body_size (StarlingImageLoader *self,
                                         guint64              max_body_size)
{
  g_return_if_fail (STARLING_IS_IMAGE_LOADER (self));
  g_return_if_fail (max_body_size > 0);

  if (self->max_body_size == max_body_size)
    return;

  self->max_body_size = max_body_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_BODY_SIZE]);
}
