/* test-char-count.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "text/starling-char-count.h"

/* The expectations are what Mastodon's StatusLengthValidator computes:
 * Ruby's each_grapheme_cluster (Unicode 15.0 up to Ruby 3.4), URLs with a
 * scheme at 23, remote mentions without their domain, the content warning
 * in front, both stripped of ASCII white space. */
static const struct {
  const char *text;
  const char *spoiler;
  int         expected;
  const char *what;
} cases[] = {
  { "", NULL, 0, "empty" },
  { NULL, NULL, 0, "NULL" },
  { "hello", NULL, 5, "ASCII" },
  { "Hello, world!", NULL, 13, "punctuation" },
  { "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", NULL, 1, "thumbs up with a skin tone" },
  { "\xf0\x9f\x87\xab\xf0\x9f\x87\xb7", NULL, 1, "flag of France" },
  { "\xf0\x9f\x87\xab\xf0\x9f\x87\xb7\xf0\x9f\x87\xa9\xf0\x9f\x87\xaa", NULL, 2, "two flags" },
  { "\xf0\x9f\x87\xab\xf0\x9f\x87\xb7\xf0\x9f\x87\xa9", NULL, 2, "a flag and a lone regional indicator" },
  { "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7\xe2\x80\x8d\xf0\x9f\x91\xa6",
    NULL, 1, "family (ZWJ sequence)" },
  { "\xf0\x9f\x8f\xb3\xef\xb8\x8f\xe2\x80\x8d\xf0\x9f\x8c\x88", NULL, 1, "rainbow flag" },
  { "\xf0\x9f\xa7\x91\xf0\x9f\x8f\xbd\xe2\x80\x8d\xf0\x9f\x92\xbb", NULL, 1, "technologist with a skin tone" },
  { "1\xef\xb8\x8f\xe2\x83\xa3", NULL, 1, "keycap one" },
  { "#\xef\xb8\x8f\xe2\x83\xa3", NULL, 1, "keycap number sign" },
  { "\xf0\x9f\x8f\xb4\xf3\xa0\x81\xa7\xf3\xa0\x81\xa2\xf3\xa0\x81\xb3\xf3\xa0\x81\xa3\xf3\xa0\x81\xb4\xf3\xa0\x81\xbf",
    NULL, 1, "flag of Scotland (tag sequence)" },
  { "I \xe2\x9d\xa4\xef\xb8\x8f you", NULL, 7, "heart with a variation selector" },
  { "a\xe2\x80\x8d" "b", NULL, 2, "ZWJ between letters joins nothing" },
  { "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe3\x83\x86\xe3\x82\xad\xe3\x82\xb9\xe3\x83\x88",
    NULL, 8, "Japanese" },
  { "\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4", NULL, 3, "Hangul syllables" },
  { "\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8", NULL, 1, "Hangul jamo L V T" },
  { "\xe1\x84\x80\xe1\x84\x80\xe1\x85\xa1\xe1\x84\x80", NULL, 2, "Hangul jamo L L V | L" },
  { "\xea\xb0\x80\xe1\x86\xa8", NULL, 1, "Hangul LV syllable with a trailing jamo" },
  { "e\xcc\x81", NULL, 1, "e with a combining acute" },
  { "Z\xcc\xb7\xcc\xa2\xcc\x9b\xcd\x8c\xcc\x8e\xcd\x8b" "a\xcc\xb8\xcd\x9d\xcc\x94l\xcc\xb5\xcd\x84g\xcc\xb6o\xcc\xb7",
    NULL, 5, "Zalgo" },
  /* Unicode 15.0 has no Indic conjunct rule (GB9c, Unicode 15.1): a virama
   * does not join the next consonant, as in Ruby 3.4. */
  { "\xe0\xa4\xa8\xe0\xa4\xae\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\xa4\xe0\xa5\x87", NULL, 4, "Devanagari namaste" },
  { "\xe0\xa4\x95\xe0\xa5\x8d\xe0\xa4\xb7", NULL, 2, "Devanagari ka, virama, ssa" },
  { "\xe0\xb8\xaa\xe0\xb8\xa7\xe0\xb8\xb1\xe0\xb8\xaa\xe0\xb8\x94\xe0\xb8\xb5", NULL, 4, "Thai" },
  { "\xd8\xa7\xd9\x84\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85", NULL, 6, "Arabic" },
  { "a\r\nb", NULL, 3, "CR LF is one" },
  { "a\n\nb", NULL, 4, "newlines" },
  { "a\r\rb", NULL, 4, "two CR are two" },
  { "  hi  ", NULL, 2, "stripped" },
  { " \n\t ", NULL, 0, "only white space" },
  { "\xc2\xa0\xe3\x80\x80", NULL, 0, "only Unicode white space is blank" },
  { "\xc2\xa0x", NULL, 2, "a leading no-break space is not stripped" },
  { "https://t.co", NULL, 23, "short URL" },
  { "https://example.com/" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
    NULL, 23, "long URL" },
  { "http://example.com", NULL, 23, "http URL" },
  { "HTTPS://EXAMPLE.COM/X", NULL, 23, "upper-case URL" },
  { "see https://example.com/search?q=hello&lang=en now", NULL, 31, "URL with a query" },
  { "Visit https://example.com.", NULL, 30, "URL before a period" },
  { "Visit https://example.com/page.", NULL, 30, "URL with a path before a period" },
  { "(https://example.com/path)", NULL, 25, "URL in parentheses" },
  { "https://en.wikipedia.org/wiki/Bracket_(disambiguation)", NULL, 23, "URL with balanced parentheses" },
  { "Really? https://example.com/foo?!", NULL, 33, "URL before ?!" },
  { "https://example.com:8080/x", NULL, 23, "URL with a port" },
  { "https://\xe4\xbe\x8b\xe3\x81\x88.jp/\xe3\x83\x91\xe3\x82\xb9", NULL, 23, "internationalized URL" },
  { "https://a.example.org https://b.example.org", NULL, 47, "two URLs" },
  { "https://example.com,https://example.org", NULL, 47, "two URLs with a comma" },
  { "example.com", NULL, 11, "domain without a scheme" },
  { "www.example.com/path", NULL, 20, "www without a scheme" },
  { "xhttps://example.com", NULL, 20, "scheme glued to a word" },
  { "https://localhost/x", NULL, 19, "no top-level domain" },
  { "https://", NULL, 8, "scheme alone" },
  { "@alice@example.social hi", NULL, 9, "remote mention" },
  { "@alice hi", NULL, 9, "local mention" },
  { "hi @alice@mastodon.example.org and @bob@b.example!", NULL, 19, "two remote mentions" },
  { "@alice@example.social.", NULL, 7, "remote mention before a period" },
  { "@a@b.c@d", NULL, 8, "mention followed by @" },
  { "alice@example.com", NULL, 17, "e-mail address" },
  { "mail alice@example.social now", NULL, 29, "e-mail address in a sentence" },
  { "https://example.com/@alice@example.social", NULL, 23, "mention inside a URL" },
  { "hello", "CW", 7, "content warning" },
  { "", "Spoiler", 7, "content warning only" },
  { "hello", " https://example.com ", 24, "URL in the content warning counts as written" },
  { "\xcc\x81x", "e", 2, "the content warning joins the text" },
  { "a\xff" "b", NULL, 3, "invalid UTF-8" },
};

static void
test_table (void)
{
  g_autoptr (GString) failures = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int count = starling_char_count (cases[i].text, cases[i].spoiler, STARLING_CHARACTERS_RESERVED_PER_URL);

      g_test_message ("%s: %d", cases[i].what, count);
      if (count != cases[i].expected)
        g_string_append_printf (failures, "\n%s: counted %d, the server counts %d",
                                cases[i].what, count, cases[i].expected);
    }

  g_assert_cmpuint (G_N_ELEMENTS (cases), >=, 30);
  if (failures->len > 0)
    g_error ("Wrong counts:%s", failures->str);
}

static void
test_reserved_per_url (void)
{
  g_assert_cmpint (starling_char_count ("https://example.com", NULL, 10), ==, 10);
  g_assert_cmpint (starling_char_count ("a https://example.com b", NULL, 1), ==, 5);
  g_assert_cmpint (starling_char_count ("a https://example.com b", NULL, 0), ==, 4);
  g_assert_cmpint (starling_char_count ("https://example.com https://example.org", NULL, 100), ==, 201);
}

static void
test_graphemes (void)
{
  g_assert_cmpuint (starling_grapheme_count (NULL, -1), ==, 0);
  g_assert_cmpuint (starling_grapheme_count ("", -1), ==, 0);
  g_assert_cmpuint (starling_grapheme_count ("abc", 2), ==, 2);
  g_assert_cmpuint (starling_grapheme_count ("e\xcc\x81" "e\xcc\x81", -1), ==, 2);
  /* Unlike the status count, no stripping and no URL weight. */
  g_assert_cmpuint (starling_grapheme_count (" https://example.com ", -1), ==, 21);
  g_assert_cmpuint (starling_grapheme_count ("\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd\xf0\x9f\x91\x8d", -1), ==, 2);
}

static void
test_long (void)
{
  g_autoptr (GString) text = g_string_new (NULL);
  int count;

  for (guint i = 0; i < 10000; i++)
    g_string_append (text, "Hi @user@example.social \xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd https://example.com/x ");

  /* "Hi @user 👍🏽 " is 11, and the URL 23 plus a space. */
  count = starling_char_count (text->str, NULL, STARLING_CHARACTERS_RESERVED_PER_URL);
  g_assert_cmpint (count, ==, 10000 * 35 - 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/starling/char-count/table", test_table);
  g_test_add_func ("/starling/char-count/reserved-per-url", test_reserved_per_url);
  g_test_add_func ("/starling/char-count/graphemes", test_graphemes);
  g_test_add_func ("/starling/char-count/long", test_long);

  return g_test_run ();
}
