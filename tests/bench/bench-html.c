/* bench-html.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "text/starling-char-count.h"
#include "text/starling-html.h"

/* How fast status HTML becomes markup, and whether the time grows with the
 * size of the input and nothing more: one status, the same status repeated
 * 10 and 100 times in one document, and many statuses one by one. Then
 * the character counter on the same texts. It prints figures and never
 * fails. */

#define MIN_SECONDS 0.3

static const char * const shortcodes[] = { "blobcat", "ms_rainbow_flag", "party", NULL };

/* Statuses shaped like what Mastodon sends: paragraphs, line breaks,
 * mentions in h-cards, hashtags, links shortened with invisible and
 * ellipsis spans, entities and custom emoji. */
static const char * const templates[] = {
  "<p>Good morning <span class=\"h-card\" translate=\"no\"><a href=\"https://mastodon.social/@{user}\" "
  "class=\"u-url mention\">@<span>{user}</span></a></span>! Have you seen this? "
  "<a href=\"https://www.example.org/news/2026/11/22/a-rather-long-article-about-birds-{n}\" "
  "target=\"_blank\" rel=\"nofollow noopener noreferrer\" translate=\"no\">"
  "<span class=\"invisible\">https://www.</span><span class=\"ellipsis\">example.org/news/2026/11/22"
  "</span><span class=\"invisible\">/a-rather-long-article-about-birds-{n}</span></a></p>"
  "<p>I think it&#39;s great :blobcat: &amp; so does everyone else.<br />Second line here.</p>"
  "<p><a href=\"https://mastodon.social/tags/birds\" class=\"mention hashtag\" rel=\"tag\">#<span>birds"
  "</span></a> <a href=\"https://mastodon.social/tags/starlings\" class=\"mention hashtag\" rel=\"tag\">"
  "#<span>starlings</span></a> <a href=\"https://mastodon.social/tags/photography\" "
  "class=\"mention hashtag\" rel=\"tag\">#<span>photography</span></a></p>",

  "<p><span class=\"h-card\"><a href=\"https://fosstodon.org/@{user}\" class=\"u-url mention\">@<span>{user}"
  "</span></a></span> <span class=\"h-card\"><a href=\"https://hachyderm.io/@friend\" "
  "class=\"u-url mention\">@<span>friend</span></a></span> Thanks for the tip! I tried it on "
  "version {n} and it works :party: :ms_rainbow_flag:</p><p>Details: the &lt;label&gt; needs "
  "<code>use-markup</code> set, and &quot;wrap&quot; too.</p>",

  "<p>A longer thought, in several paragraphs, as people write them when the limit is high. "
  "Sometimes the text goes on for a while and wraps across many lines in the timeline, with "
  "words like “quotation marks” and em—dashes and émoji 👍🏽 and 🇫🇷 flags. ({user}, {user}, {n})</p>"
  "<p>Then a list of things:</p><ul><li>first item</li><li>second item with "
  "<strong>bold</strong> and <em>italic</em></li><li>third</li></ul>"
  "<blockquote><p>And a quote from someone else, who said something worth repeating.</p>"
  "</blockquote><p>The end.</p>",
};

static double
seconds_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

static char *
make_status (guint i)
{
  GString *status = g_string_new (templates[i % G_N_ELEMENTS (templates)]);
  g_autofree char *user = g_strdup_printf ("user%u", i % 97);
  g_autofree char *n = g_strdup_printf ("%u", i);

  g_string_replace (status, "{user}", user, 0);
  g_string_replace (status, "{n}", n, 0);

  return g_string_free (status, FALSE);
}

/* Converts each document in turn until MIN_SECONDS have passed; returns
 * the seconds one pass over @documents takes. */
static double
time_markup (GPtrArray *documents,
             gsize     *bytes)
{
  StarlingHtmlOptions options = { FALSE, shortcodes };
  guint passes = 0;
  gint64 start;
  double elapsed;

  *bytes = 0;
  for (guint i = 0; i < documents->len; i++)
    *bytes += strlen (documents->pdata[i]);

  start = g_get_monotonic_time ();
  do
    {
      for (guint i = 0; i < documents->len; i++)
        starling_rich_text_unref (starling_html_to_markup (documents->pdata[i], &options));
      passes++;
      elapsed = seconds_since (start);
    }
  while (elapsed < MIN_SECONDS);

  return elapsed / passes;
}

static double
time_char_count (GPtrArray *texts,
                 gsize     *bytes)
{
  guint passes = 0;
  gint64 start;
  double elapsed;
  int sum = 0;

  *bytes = 0;
  for (guint i = 0; i < texts->len; i++)
    *bytes += strlen (texts->pdata[i]);

  start = g_get_monotonic_time ();
  do
    {
      for (guint i = 0; i < texts->len; i++)
        sum += starling_char_count (texts->pdata[i], NULL, STARLING_CHARACTERS_RESERVED_PER_URL);
      passes++;
      elapsed = seconds_since (start);
    }
  while (elapsed < MIN_SECONDS);

  g_assert (sum > 0);
  return elapsed / passes;
}

static void
report (const char *what,
        gsize       n_documents,
        gsize       bytes,
        double      seconds)
{
  printf ("  %-34s %6" G_GSIZE_FORMAT " doc %9" G_GSIZE_FORMAT " bytes %10.3f ms %8.1f MB/s\n",
          what, n_documents, bytes, seconds * 1000, (double) bytes / seconds / 1e6);
}

static GPtrArray *
repeated_document (guint n_statuses)
{
  GPtrArray *documents = g_ptr_array_new_with_free_func (g_free);
  GString *html = g_string_new (NULL);

  for (guint i = 0; i < n_statuses; i++)
    {
      g_autofree char *status = make_status (i);

      g_string_append (html, status);
    }
  g_ptr_array_add (documents, g_string_free (html, FALSE));

  return documents;
}

static GPtrArray *
many_documents (guint n_statuses)
{
  GPtrArray *documents = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_statuses; i++)
    g_ptr_array_add (documents, make_status (i));

  return documents;
}

static GPtrArray *
plain_texts (GPtrArray *documents)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < documents->len; i++)
    g_ptr_array_add (texts, starling_html_to_plain_text (documents->pdata[i]));

  return texts;
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 1, 10, 100 };
  static const guint counts[] = { 1000, 10000 };
  double one_status = 0;
  double one_count = 0;

  printf ("HTML to markup, statuses concatenated in one document (time should grow 10× per row):\n");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr (GPtrArray) documents = repeated_document (sizes[i] * 3);
      g_autofree char *label = g_strdup_printf ("%u× (3 statuses each)", sizes[i]);
      gsize bytes;
      double seconds = time_markup (documents, &bytes);

      report (label, 1, bytes, seconds);
      if (i == 0)
        one_status = seconds;
      else
        printf ("  %-34s ratio to 1×: %.1f\n", "", seconds / one_status);
    }

  printf ("HTML to markup, statuses one by one:\n");
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autoptr (GPtrArray) documents = many_documents (counts[i]);
      g_autofree char *label = g_strdup_printf ("%u statuses", counts[i]);
      gsize bytes;
      double seconds = time_markup (documents, &bytes);

      report (label, documents->len, bytes, seconds);
      printf ("  %-34s %.1f µs per status\n", "", seconds * 1e6 / documents->len);
    }

  printf ("Character count of the statuses' plain text:\n");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr (GPtrArray) documents = repeated_document (sizes[i] * 3);
      g_autoptr (GPtrArray) texts = plain_texts (documents);
      g_autofree char *label = g_strdup_printf ("%u× (3 statuses each)", sizes[i]);
      gsize bytes;
      double seconds = time_char_count (texts, &bytes);

      report (label, 1, bytes, seconds);
      if (i == 0)
        one_count = seconds;
      else
        printf ("  %-34s ratio to 1×: %.1f\n", "", seconds / one_count);
    }
  {
    g_autoptr (GPtrArray) documents = many_documents (10000);
    g_autoptr (GPtrArray) texts = plain_texts (documents);
    gsize bytes;
    double seconds = time_char_count (texts, &bytes);

    report ("10000 statuses", texts->len, bytes, seconds);
    printf ("  %-34s %.2f µs per status\n", "", seconds * 1e6 / texts->len);
  }

  return 0;
}
