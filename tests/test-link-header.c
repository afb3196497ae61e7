/* test-link-header.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "api/starling-link-header.h"

typedef struct
{
  const char *name;
  const char *header;
  const char *base;
  guint       n_links;
  const char *next;
  const char *prev;
  const char *max_id;
  const char *min_id;
  const char *since_id;
} Case;

static const Case cases[] = {
  { "mastodon-home",
    "<https://mastodon.example/api/v1/timelines/home?max_id=109840508617133637>; rel=\"next\", "
    "<https://mastodon.example/api/v1/timelines/home?min_id=109840618043591932>; rel=\"prev\"",
    "https://mastodon.example/api/v1/timelines/home", 2,
    "https://mastodon.example/api/v1/timelines/home?max_id=109840508617133637",
    "https://mastodon.example/api/v1/timelines/home?min_id=109840618043591932",
    "109840508617133637", "109840618043591932", NULL },
  { "mastodon-docs-example",
    "<https://mastodon.example/api/v1/accounts/1/followers?limit=2&max_id=7163058>; rel=\"next\", "
    "<https://mastodon.example/api/v1/accounts/1/followers?limit=2&since_id=7275607>; rel=\"prev\"",
    NULL, 2,
    "https://mastodon.example/api/v1/accounts/1/followers?limit=2&max_id=7163058",
    "https://mastodon.example/api/v1/accounts/1/followers?limit=2&since_id=7275607",
    "7163058", NULL, "7275607" },
  { "absent", NULL, "https://h.example/x", 0, NULL, NULL, NULL, NULL, NULL },
  { "empty", "", "https://h.example/x", 0, NULL, NULL, NULL, NULL, NULL },
  { "blank", "   \t ", "https://h.example/x", 0, NULL, NULL, NULL, NULL, NULL },
  { "unquoted-rel", "<https://h.example/x?max_id=5>; rel=next", NULL, 1,
    "https://h.example/x?max_id=5", NULL, "5", NULL, NULL },
  { "several-rels-in-one", "<https://h.example/x?max_id=5>; rel=\"next prev\"", NULL, 1,
    "https://h.example/x?max_id=5", "https://h.example/x?max_id=5", "5", NULL, NULL },
  { "rel-case", "<https://h.example/x?max_id=5>; REL=\"NEXT\", <https://h.example/x?min_id=6>; Rel=Prev", NULL, 2,
    "https://h.example/x?max_id=5", "https://h.example/x?min_id=6", "5", "6", NULL },
  { "relative-absolute-path", "</api/v1/x?max_id=7>; rel=\"next\"", "https://h.example/api/v1/x?limit=2", 1,
    "https://h.example/api/v1/x?max_id=7", NULL, "7", NULL, NULL },
  { "relative-path", "<x?max_id=8>; rel=next", "https://h.example/api/v1/y", 1,
    "https://h.example/api/v1/x?max_id=8", NULL, "8", NULL, NULL },
  { "relative-without-base", "</x?max_id=1>; rel=next", NULL, 0, NULL, NULL, NULL, NULL, NULL },
  { "comma-in-quotes",
    "<https://h.example/a?max_id=1>; title=\"a, b\"; rel=\"next\", <https://h.example/b?min_id=2>; rel=\"prev\"",
    NULL, 2, "https://h.example/a?max_id=1", "https://h.example/b?min_id=2", "1", "2", NULL },
  { "semicolon-in-quotes", "<https://h.example/a?max_id=1>; title=\"x; rel=prev\"; rel=\"next\"", NULL, 1,
    "https://h.example/a?max_id=1", NULL, "1", NULL, NULL },
  { "comma-in-uri", "<https://h.example/a?max_id=1&x=a,b>; rel=\"next\"", NULL, 1,
    "https://h.example/a?max_id=1&x=a,b", NULL, "1", NULL, NULL },
  { "whitespace",
    "  <https://h.example/a?max_id=1>  ;  rel = \"next\"  ,\t<https://h.example/b?min_id=2>;rel=prev  ",
    NULL, 2, "https://h.example/a?max_id=1", "https://h.example/b?min_id=2", "1", "2", NULL },
  { "since-id", "<https://h.example/x?since_id=9>; rel=\"prev\"", NULL, 1,
    NULL, "https://h.example/x?since_id=9", NULL, NULL, "9" },
  { "garbage", "garbage; rel=next, ,,; \"", NULL, 0, NULL, NULL, NULL, NULL, NULL },
  { "garbage-then-link", "garbage, <https://h.example/a?max_id=1>; rel=\"next\"", NULL, 1,
    "https://h.example/a?max_id=1", NULL, "1", NULL, NULL },
  { "unterminated-uri", "<https://h.example/a?max_id=1; rel=\"next\"", NULL, 0, NULL, NULL, NULL, NULL, NULL },
  { "no-rel", "<https://h.example/a?max_id=1>", NULL, 0, NULL, NULL, NULL, NULL, NULL },
  { "first-rel-wins", "<https://h.example/a?max_id=1>; rel=\"next\"; rel=\"prev\"", NULL, 1,
    "https://h.example/a?max_id=1", NULL, "1", NULL, NULL },
  { "unterminated-quote", "<https://h.example/a?max_id=1>; rel=\"next", NULL, 1,
    "https://h.example/a?max_id=1", NULL, "1", NULL, NULL },
  { "escaped-quote", "<https://h.example/a?max_id=1>; title=\"say \\\"hi\\\", ok\"; rel=\"next\"", NULL, 1,
    "https://h.example/a?max_id=1", NULL, "1", NULL, NULL },
  { "previous", "<https://h.example/b?min_id=3>; rel=\"previous\"", NULL, 1,
    NULL, "https://h.example/b?min_id=3", NULL, "3", NULL },
  { "ulid", "<https://gts.example/api/v1/timelines/home?limit=20&max_id=01HQ3R5ZJ2V8D9K0W4X7Y6T5S3>; rel=\"next\"",
    NULL, 1, "https://gts.example/api/v1/timelines/home?limit=20&max_id=01HQ3R5ZJ2V8D9K0W4X7Y6T5S3", NULL,
    "01HQ3R5ZJ2V8D9K0W4X7Y6T5S3", NULL, NULL },
  { "percent-encoded-id", "<https://h.example/x?max_id=abc%2Bdef%20g>; rel=next", NULL, 1,
    "https://h.example/x?max_id=abc%2Bdef%20g", NULL, "abc+def g", NULL, NULL },
  { "empty-params", "<https://h.example/a?max_id=1>;;; rel=next", NULL, 1,
    "https://h.example/a?max_id=1", NULL, "1", NULL, NULL },
  { "other-rel", "<https://h.example/a>; rel=\"alternate\"", NULL, 1, NULL, NULL, NULL, NULL, NULL },
  { "trailing-comma-and-params", "<https://h.example/a?max_id=1>; rel=\"next\"; type=\"application/json\",", NULL, 1,
    "https://h.example/a?max_id=1", NULL, "1", NULL, NULL },
  { "invalid-utf8", "\xff<https://h.example/a?max_id=1>; rel=next", NULL, 0, NULL, NULL, NULL, NULL, NULL },
  /* A URI that is not one is dropped with its link. */
  { "bad-percent", "<https://h.example/a?max_id=%zz>; rel=next", NULL, 0, NULL, NULL, NULL, NULL, NULL },
};

static void
test_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autoptr (StarlingLinkHeader) links = starling_link_header_parse (c->header, c->base);

      g_test_message ("case %s", c->name);
      g_assert_cmpuint (starling_link_header_get_n_links (links), ==, c->n_links);
      g_assert_cmpstr (starling_link_header_get_next_uri (links), ==, c->next);
      g_assert_cmpstr (starling_link_header_get_prev_uri (links), ==, c->prev);
      g_assert_cmpstr (starling_link_header_get_next_max_id (links), ==, c->max_id);
      g_assert_cmpstr (starling_link_header_get_prev_min_id (links), ==, c->min_id);
      g_assert_cmpstr (starling_link_header_get_prev_since_id (links), ==, c->since_id);
    }
  g_assert_cmpuint (G_N_ELEMENTS (cases), >=, 20);
}

static void
test_generic_rel (void)
{
  g_autoptr (StarlingLinkHeader) links =
    starling_link_header_parse ("<https://h.example/a>; rel=\"alternate self\", <https://h.example/b>; rel=next",
                                NULL);

  g_assert_cmpstr (starling_link_header_get_uri (links, "SELF"), ==, "https://h.example/a");
  g_assert_cmpstr (starling_link_header_get_uri (links, "alternate"), ==, "https://h.example/a");
  g_assert_cmpstr (starling_link_header_get_uri (links, "next"), ==, "https://h.example/b");
  g_assert_null (starling_link_header_get_uri (links, "prev"));
}

/* Every prefix of real headers, and random bytes: nothing crashes, and
 * whatever is found is an absolute URI. */
static void
test_garbage (void)
{
  const char *header = cases[0].header;
  g_autoptr (GRand) rand = g_rand_new_with_seed (8288);
  const char alphabet[] = "<>;,=\" \\relnxtpv:/?&h.";

  for (gsize len = 0; len <= strlen (header); len++)
    {
      g_autofree char *prefix = g_strndup (header, len);
      g_autoptr (StarlingLinkHeader) links = starling_link_header_parse (prefix, "https://h.example/");

      g_assert_cmpuint (starling_link_header_get_n_links (links), <=, 2);
    }

  for (guint round = 0; round < 2000; round++)
    {
      char text[48];
      gsize len = g_rand_int_range (rand, 0, sizeof text);
      g_autoptr (StarlingLinkHeader) links = NULL;
      const char *next;

      for (gsize i = 0; i < len; i++)
        text[i] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      text[len] = '\0';

      links = starling_link_header_parse (text, "https://h.example/api/");
      next = starling_link_header_get_next_uri (links);
      if (next != NULL)
        g_assert_true (g_uri_is_valid (next, G_URI_FLAGS_NONE, NULL));
    }
}

static void
test_many_links (void)
{
  g_autoptr (GString) header = g_string_new (NULL);
  g_autoptr (StarlingLinkHeader) links = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (header, "<https://h.example/%u>; rel=x%u, ", i, i);

  links = starling_link_header_parse (header->str, NULL);
  g_assert_cmpuint (starling_link_header_get_n_links (links), >, 0);
  g_assert_cmpuint (starling_link_header_get_n_links (links), <=, 64);
}

static void
test_query_param (void)
{
  g_autofree char *a = starling_uri_get_query_param ("https://h.example/x?a=1&types%5B%5D=mention&b=", "b");
  g_autofree char *types = starling_uri_get_query_param ("https://h.example/x?a=1&types%5B%5D=mention", "types[]");
  g_autofree char *missing = starling_uri_get_query_param ("https://h.example/x", "a");
  g_autofree char *broken = starling_uri_get_query_param ("not a uri", "a");

  g_assert_cmpstr (a, ==, "");
  g_assert_cmpstr (types, ==, "mention");
  g_assert_null (missing);
  g_assert_null (broken);
  g_assert_null (starling_uri_get_query_param (NULL, "a"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/starling/link-header/table", test_table);
  g_test_add_func ("/starling/link-header/generic-rel", test_generic_rel);
  g_test_add_func ("/starling/link-header/garbage", test_garbage);
  g_test_add_func ("/starling/link-header/many-links", test_many_links);
  g_test_add_func ("/starling/link-header/query-param", test_query_param);

  return g_test_run ();
}
