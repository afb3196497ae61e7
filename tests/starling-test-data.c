/* starling-test-data.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading the real documents in tests/data/.
 */

#include "config.h"

#include "model/starling-entity.h"

#include "starling-test-data.h"

/**
 * starling_test_load_text:
 * @path: a path below tests/data/, such as `mastodon/status.json`
 *
 * Returns: (transfer full): the file's contents; the test fails if it
 *   cannot be read
 */
char *
starling_test_load_text (const char *path,
                         gsize      *length)
{
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "data", path, NULL);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (file, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

/**
 * starling_test_load_json:
 * @path: a path below tests/data/
 *
 * Returns: (transfer full): the parsed document; the test fails if it is
 *   not JSON
 */
JsonNode *
starling_test_load_json (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length;
  JsonNode *node;

  text = starling_test_load_text (path, &length);
  node = starling_json_parse (text, length, &error);
  g_assert_no_error (error);

  return node;
}

/**
 * starling_test_decode_fixture:
 * @type: an entity type
 * @path: a path below tests/data/
 *
 * Returns: (transfer full): the entity the file holds, decoded without an
 *   identity map; the test fails if it does not decode
 */
gpointer
starling_test_decode_fixture (GType       type,
                              const char *path)
{
  g_autoptr (JsonNode) node = starling_test_load_json (path);
  g_autoptr (GError) error = NULL;
  gpointer entity;

  entity = starling_entity_decode (type, node, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (entity, type));

  return entity;
}

/**
 * starling_test_decode_json:
 * @type: an entity type
 * @json: the entity as JSON text
 *
 * Returns: (transfer full): the entity @json holds, decoded without an
 *   identity map; the test fails if it does not parse or decode
 */
gpointer
starling_test_decode_json (GType       type,
                           const char *json)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = starling_json_parse (json, -1, &error);
  gpointer entity;

  g_assert_no_error (error);
  entity = starling_entity_decode (type, node, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (entity, type));

  return entity;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * starling_test_list_data:
 * @folder: a folder below tests/data/
 * @suffix: the file name ending to keep, such as `.json`
 *
 * Returns: (transfer full) (element-type utf8): the paths below tests/data/
 *   of the matching files, sorted
 */
GPtrArray *
starling_test_list_data (const char *folder,
                         const char *suffix)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", folder, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, &error);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, suffix))
      g_ptr_array_add (paths, g_build_filename (folder, name, NULL));

  g_ptr_array_sort (paths, compare_names);

  return paths;
}
