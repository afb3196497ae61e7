/* bench-decode.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How fast statuses decode, against json-glib parsing the same text alone,
 * and how much memory a decoded status takes. Prints figures; it does not
 * pass or fail.
 *
 *   bench-decode [N]   (N statuses, 20000 by default)
 */

#include "config.h"

#include <malloc.h>

#include "model/starling-entity.h"
#include "model/starling-status.h"

#define N_ACCOUNTS 200

static char *
make_page (const char *status_json,
           guint       n)
{
  g_autoptr (JsonNode) template = starling_json_parse (status_json, -1, NULL);
  g_autoptr (JsonArray) array = json_array_new ();
  g_autoptr (JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autoptr (JsonGenerator) generator = json_generator_new ();

  g_autofree char *text = NULL;

  g_assert (template != NULL);
  text = json_to_string (template, FALSE);

  /* Distinct posts by a few hundred distinct authors, as a long home
   * timeline has. */
  for (guint i = 0; i < n; i++)
    {
      /* json_node_copy() shares the object underneath: a real copy is
       * serialized and parsed again. */
      JsonNode *copy = json_from_string (text, NULL);
      JsonObject *object = json_node_get_object (copy);
      JsonObject *account = json_object_get_object_member (object, "account");
      g_autofree char *id = g_strdup_printf ("%u", 110000000 + i);
      g_autofree char *account_id = g_strdup_printf ("%u", 1000 + i % N_ACCOUNTS);

      json_object_set_string_member (object, "id", id);
      json_object_set_string_member (account, "id", account_id);
      json_array_add_element (array, copy);
    }

  json_node_set_array (root, array);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

static gsize
heap_in_use (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return info.uordblks + info.hblkhd;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *status_json = NULL;
  g_autofree char *page = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 20000;
  double parse_seconds = G_MAXDOUBLE;
  double decode_seconds = G_MAXDOUBLE;
  double map_seconds = G_MAXDOUBLE;
  gsize before, after;

  path = g_build_filename (SRCDIR, "tests", "data", "mastodon", "status.json", NULL);
  if (!g_file_get_contents (path, &status_json, NULL, &error))
    g_error ("%s", error->message);

  page = make_page (status_json, n);
  g_print ("Decoding %u statuses (%.1f MB of JSON), best of 5 runs\n", n, strlen (page) / 1e6);

  for (guint run = 0; run < 5; run++)
    {
      g_autoptr (JsonNode) root = NULL;
      g_autoptr (GPtrArray) statuses = NULL;
      g_autoptr (StarlingEntityMap) map = starling_entity_map_new ();
      gint64 t0, t1, t2, t3;

      /* json-glib alone: the floor. */
      t0 = g_get_monotonic_time ();
      root = starling_json_parse (page, -1, &error);
      g_assert_no_error (error);
      t1 = g_get_monotonic_time ();

      /* Our decoding of the parsed tree, without and with the identity map. */
      statuses = starling_entity_decode_array (STARLING_TYPE_STATUS, root, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (statuses->len, ==, n);
      t2 = g_get_monotonic_time ();
      g_clear_pointer (&statuses, g_ptr_array_unref);

      statuses = starling_entity_decode_array (STARLING_TYPE_STATUS, root, map, &error);
      g_assert_no_error (error);
      t3 = g_get_monotonic_time ();

      parse_seconds = MIN (parse_seconds, (t1 - t0) / 1e6);
      decode_seconds = MIN (decode_seconds, (t2 - t1) / 1e6);
      map_seconds = MIN (map_seconds, (t3 - t2) / 1e6);
    }

  g_print ("  json-glib parse alone:        %8.1f ms  %9.0f statuses/s\n",
           parse_seconds * 1e3, n / parse_seconds);
  g_print ("  decode (tree to objects):      %8.1f ms  %9.0f statuses/s\n",
           decode_seconds * 1e3, n / decode_seconds);
  g_print ("  decode with identity map:     %8.1f ms  %9.0f statuses/s\n",
           map_seconds * 1e3, n / map_seconds);
  g_print ("  parse + decode:               %8.1f ms  %9.0f statuses/s, %.2fx json-glib alone\n",
           (parse_seconds + map_seconds) * 1e3, n / (parse_seconds + map_seconds),
           (parse_seconds + map_seconds) / parse_seconds);

  /* Memory that stays once the JSON is gone: what a timeline holds. */
  {
    g_autoptr (StarlingEntityMap) map = starling_entity_map_new ();
    g_autoptr (GPtrArray) statuses = NULL;
    JsonNode *root;

    malloc_trim (0);
    before = heap_in_use ();
    root = starling_json_parse (page, -1, &error);
    statuses = starling_entity_decode_array (STARLING_TYPE_STATUS, root, map, &error);
    json_node_unref (root);
    malloc_trim (0);
    after = heap_in_use ();

    g_print ("  memory held per status:       %8.0f bytes (with %d shared authors, map of %u entries)\n",
             (double) (after - before) / n, N_ACCOUNTS, starling_entity_map_get_size (map));
  }

  return 0;
}
