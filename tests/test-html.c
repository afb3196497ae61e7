/* test-html.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <pango/pango.h>

#include "text/starling-html.h"

#include "starling-test-data.h"
#include "starling-test-markup.h"

/* Every result goes through this: the markup must be what GtkLabel takes
 * (checked the way GtkLabel reads it: GMarkup first, with only the allowed
 * elements, then Pango on what is left without the links), and the text,
 * links and emoji must agree with it. */
static void
assert_valid (StarlingRichText *rich)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *without_links = NULL;
  g_autofree char *pango_text = NULL;
  PangoAttrList *attributes = NULL;

  if (!starling_test_check_rich_text (rich, &without_links, &error))
    g_error ("%s\nin markup: %s", error->message, starling_rich_text_get_markup (rich));

  if (!pango_parse_markup (without_links, -1, 0, &attributes, &pango_text, NULL, &error))
    g_error ("Pango refuses the markup: %s\n%s", error->message, without_links);

  g_assert_cmpstr (pango_text, ==, starling_rich_text_get_text (rich));
  pango_attr_list_unref (attributes);
}

static StarlingRichText *
convert (const char                *html,
         const StarlingHtmlOptions *options)
{
  StarlingRichText *rich = starling_html_to_markup (html, options);
  g_autofree char *plain = starling_html_to_plain_text (html);

  assert_valid (rich);
  g_assert_true (g_utf8_validate (plain, -1, NULL));

  return rich;
}

static void
assert_converts (const char *html,
                 const char *markup,
                 const char *text)
{
  g_autoptr (StarlingRichText) rich = convert (html, NULL);

  g_assert_cmpstr (starling_rich_text_get_markup (rich), ==, markup);
  g_assert_cmpstr (starling_rich_text_get_text (rich), ==, text);
}

static char *
link_text (StarlingRichText   *rich,
           const StarlingLink *link)
{
  return g_strndup (starling_rich_text_get_text (rich) + link->start, link->end - link->start);
}

static void
test_structure (void)
{
  static const struct {
    const char *html;
    const char *markup;
  } cases[] = {
    { "<p>Hello world</p>", "Hello world" },
    { "<p>One</p><p>Two</p><p>Three</p>", "One\n\nTwo\n\nThree" },
    { "<p>cats<br>cats never change</p>", "cats\ncats never change" },
    { "<p>a<br /><br />b</p>", "a\n\nb" },
    /* A line break at the end of a paragraph adds nothing. */
    { "<p>a<br></p><p>b</p>", "a\n\nb" },
    { "<br><br><p>a</p><br><br>", "a" },
    /* White space collapses as in a browser. */
    { "<p>  lots   of\n\t space  </p>  <p> <b> bold </b> after</p>", "lots of space\n\n<b>bold</b> after" },
    { "a <b>b</b> c", "a <b>b</b> c" },
    { "a<b> b </b>c", "a <b>b</b> c" },
    /* Non-breaking spaces are text. */
    { "a&nbsp;&nbsp;b", "a\xc2\xa0\xc2\xa0" "b" },
    { "<div>a</div><div>b</div>", "a\nb" },
    { "<h1>Title</h1><p>text</p>", "<b>Title</b>\n\ntext" },
    { "<p><strong>b</strong> <b>b</b> <em>i</em> <i>i</i> <u>u</u> <del>s</del> <s>s</s> <code>tt</code></p>",
      "<b>b</b> <b>b</b> <i>i</i> <i>i</i> <u>u</u> <s>s</s> <s>s</s> <tt>tt</tt>" },
    { "<b>bold <i>both</i></b>", "<b>bold <i>both</i></b>" },
    /* A style already in force is not opened again. */
    { "<b>a<strong>b</strong></b>", "<b>ab</b>" },
    /* Empty elements leave nothing. */
    { "<b></b><i> </i>x<a href=\"https://x.example\"></a>", "x" },
    { "<ul><li>one</li><li>two</li></ul>", "\xe2\x80\xa2 one\n\xe2\x80\xa2 two" },
    { "<ol><li>one</li><li>two</li></ol>", "1. one\n2. two" },
    { "<ol start=\"7\"><li>seven</li><li value=\"10\">ten</li><li>eleven</li></ol>",
      "7. seven\n10. ten\n11. eleven" },
    { "<ol reversed><li>a</li><li>b</li><li>c</li></ol>", "3. a\n2. b\n1. c" },
    { "<ul><li>a<ul><li>nested</li></ul></li><li>b</li></ul>",
      "\xe2\x80\xa2 a\n    \xe2\x80\xa2 nested\n\xe2\x80\xa2 b" },
    { "<p>Before</p><ul><li>item</li></ul><p>After</p>", "Before\n\n\xe2\x80\xa2 item\n\nAfter" },
    { "<blockquote><p>quoted</p><p>twice</p></blockquote><p>reply</p>",
      "\xe2\x96\x8e quoted\n\n\xe2\x96\x8e twice\n\nreply" },
    { "<blockquote>a<blockquote>b</blockquote></blockquote>",
      "\xe2\x96\x8e a\n\n\xe2\x96\x8e \xe2\x96\x8e b" },
    { "<pre>  two  spaces\n  &lt;kept&gt;</pre>", "<tt>  two  spaces\n  &lt;kept&gt;</tt>" },
    { "<p>x<span class=\"\">y</span>z</p>", "xyz" },
    { "<img src=\"x.png\" alt=\"a picture\">", "a picture" },
    { "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc" },
    { "<p>&quot;I lost my inheritance&quot; &amp; more</p>", "&quot;I lost my inheritance&quot; &amp; more" },
    /* Elements Starling does not know leave their text. */
    { "<article><section><marquee>text</marquee></section></article>", "text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (StarlingRichText) rich = convert (cases[i].html, NULL);

      g_test_message ("%s", cases[i].html);
      g_assert_cmpstr (starling_rich_text_get_markup (rich), ==, cases[i].markup);
    }
}

static void
test_mentions (void)
{
  g_autoptr (StarlingRichText) rich = NULL;
  const StarlingLink *link;
  g_autofree char *text = NULL;

  /* notification-mention.json */
  rich = convert ("<span class=\"h-card\"><a class=\"u-url mention\" href=\"https://mastodon.social/@trwnh\" "
                  "rel=\"nofollow noopener noreferrer\" target=\"_blank\">@<span>trwnh</span></a></span> test",
                  NULL);
  g_assert_cmpstr (starling_rich_text_get_markup (rich), ==,
                   "<a href=\"https://mastodon.social/@trwnh\">@trwnh</a> test");
  g_assert_cmpuint (starling_rich_text_get_n_links (rich), ==, 1);
  link = starling_rich_text_get_link (rich, 0);
  g_assert_cmpint (link->kind, ==, STARLING_LINK_MENTION);
  g_assert_cmpstr (link->href, ==, "https://mastodon.social/@trwnh");
  g_assert_cmpstr (link->name, ==, "trwnh");
  g_assert_cmpstr (link->host, ==, "mastodon.social");
  text = link_text (rich, link);
  g_assert_cmpstr (text, ==, "@trwnh");
  g_assert_true (starling_rich_text_find_link (rich, "https://mastodon.social/@trwnh") == link);
  g_assert_null (starling_rich_text_find_link (rich, "https://example.com/"));
  g_clear_pointer (&rich, starling_rich_text_unref);
  g_clear_pointer (&text, g_free);

  /* status-remote-reply-with-mention.json: the path is /users/NAME. */
  rich = convert ("<span class=\"h-card\"><a class=\"u-url mention\" href=\"https://pl.nulled.red/users/disarray\">"
                  "@<span>disarray</span></a></span> glad i was able to help", NULL);
  link = starling_rich_text_get_link (rich, 0);
  g_assert_cmpint (link->kind, ==, STARLING_LINK_MENTION);
  g_assert_cmpstr (link->name, ==, "disarray");
  g_assert_cmpstr (link->host, ==, "pl.nulled.red");
  g_clear_pointer (&rich, starling_rich_text_unref);

  /* post-with-emojis-and-attachments.json (Misskey-style): the text gives
   * the host, which differs from the link's. */
  rich = convert ("Previously <span class=\"h-card\"><a class=\"u-url mention\" data-user=\"APEmT6uyg7Hw06wyMi\" "
                  "href=\"https://social.example/@kkostov\" rel=\"ugc\">@<span>kkostov@Mastodon.Social</span></a></span>",
                  NULL);
  link = starling_rich_text_get_link (rich, 0);
  g_assert_cmpint (link->kind, ==, STARLING_LINK_MENTION);
  g_assert_cmpstr (link->name, ==, "kkostov");
  g_assert_cmpstr (link->host, ==, "mastodon.social");
  g_assert_cmpstr (starling_rich_text_get_text (rich), ==, "Previously @kkostov@Mastodon.Social");
  g_clear_pointer (&rich, starling_rich_text_unref);

  /* Several mentions in one field (account.json). */
  rich = convert ("<span class=\"h-card\"><a href=\"https://botsin.space/@darksouls\" class=\"u-url mention\">@<span>"
                  "darksouls</span></a></span>, <span class=\"h-card\"><a href=\"https://botsin.space/@nierautomata\" "
                  "class=\"u-url mention\">@<span>nierautomata</span></a></span>", NULL);
  g_assert_cmpuint (starling_rich_text_get_n_links (rich), ==, 2);
  g_assert_cmpstr (starling_rich_text_get_link (rich, 1)->name, ==, "nierautomata");
  text = link_text (rich, starling_rich_text_get_link (rich, 1));
  g_assert_cmpstr (text, ==, "@nierautomata");
  g_assert_cmpstr (starling_rich_text_get_text (rich), ==, "@darksouls, @nierautomata");
}

static void
test_hashtags (void)
{
  static const struct {
    const char *html;
    const char *name;
  } cases[] = {
    /* status-local-with-tags.json */
    { "<p><a href=\"https://mastodon.social/tags/test\" class=\"mention hashtag\" rel=\"tag\">#<span>test</span></a></p>",
      "test" },
    /* tag-timeline.json, percent-encoded href */
    { "<a href=\"https://chaos.social/tags/Qualit%C3%A4tskatzen\" class=\"mention hashtag\" rel=\"nofollow noopener\">"
      "#<span>Qualitätskatzen</span></a>", "Qualitätskatzen" },
    /* Pleroma: class hashtag, no span */
    { "<a class=\"hashtag\" href=\"https://letsalllovela.in/tag/nobot\" rel=\"nofollow\">#nobot</a>", "nobot" },
    /* iosdev.space: rel=tag only */
    { "<a href=\"https://iosdev.space/tags/Swift\" rel=\"tag\">#<span>Swift</span></a>", "Swift" },
    /* No text: the name comes from the link. */
    { "<a href=\"https://example.social/tags/caf%C3%A9\" class=\"hashtag\">#</a>",
      "café" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (StarlingRichText) rich = convert (cases[i].html, NULL);
      const StarlingLink *link;

      g_assert_cmpuint (starling_rich_text_get_n_links (rich), ==, 1);
      link = starling_rich_text_get_link (rich, 0);
      g_assert_cmpint (link->kind, ==, STARLING_LINK_HASHTAG);
      g_assert_cmpstr (link->name, ==, cases[i].name);
      g_assert_null (link->host);
    }
}

static void
test_shortened_links (void)
{
  /* quote.json: Mastodon hides the scheme and the end of long links. */
  static const char *html =
    "<p>&quot;I lost my inheritance with one wrong digit on my sort code&quot;</p><p>"
    "<a href=\"https://www.theguardian.com/money/2019/dec/07/i-lost-my-193000-inheritance-with-one-wrong-digit-on-my-sort-code\" "
    "rel=\"nofollow noopener noreferrer\" target=\"_blank\"><span class=\"invisible\">https://www.</span>"
    "<span class=\"ellipsis\">theguardian.com/money/2019/dec</span><span class=\"invisible\">"
    "/07/i-lost-my-193000-inheritance-with-one-wrong-digit-on-my-sort-code</span></a></p>";
  g_autoptr (StarlingRichText) rich = convert (html, NULL);
  g_autofree char *plain = starling_html_to_plain_text (html);
  g_autofree char *text = NULL;
  const StarlingLink *link;

  g_assert_cmpstr (starling_rich_text_get_markup (rich), ==,
                   "&quot;I lost my inheritance with one wrong digit on my sort code&quot;\n\n"
                   "<a href=\"https://www.theguardian.com/money/2019/dec/07/i-lost-my-193000-inheritance-"
                   "with-one-wrong-digit-on-my-sort-code\">theguardian.com/money/2019/dec\xe2\x80\xa6</a>");
  link = starling_rich_text_get_link (rich, 0);
  g_assert_cmpint (link->kind, ==, STARLING_LINK_URL);
  g_assert_null (link->name);
  text = link_text (rich, link);
  g_assert_cmpstr (text, ==, "theguardian.com/money/2019/dec\xe2\x80\xa6");

  /* The plain text keeps the whole URL. */
  g_assert_cmpstr (plain, ==,
                   "\"I lost my inheritance with one wrong digit on my sort code\"\n\n"
                   "https://www.theguardian.com/money/2019/dec/07/i-lost-my-193000-inheritance-"
                   "with-one-wrong-digit-on-my-sort-code");

  /* account-credential.json's field. */
  assert_converts ("<a href=\"https://trwnh.com\" rel=\"me nofollow noopener noreferrer\" target=\"_blank\">"
                   "<span class=\"invisible\">https://</span><span class=\"\">trwnh.com</span>"
                   "<span class=\"invisible\"></span></a>",
                   "<a href=\"https://trwnh.com\">trwnh.com</a>", "trwnh.com");
}

static void
test_link_schemes (void)
{
  static const struct {
    const char *href;
    const char *kept;
  } cases[] = {
    { "https://example.com/", "https://example.com/" },
    { "http://example.com/", "http://example.com/" },
    { "HTTPS://Example.com/", "https://Example.com/" },
    { "dat://example/", "dat://example/" },
    { "dweb:/ipfs/x", "dweb:/ipfs/x" },
    { "ipfs://x", "ipfs://x" },
    { "ipns://x", "ipns://x" },
    { "ssb://x", "ssb://x" },
    { "  https://example.com/a b  ", "https://example.com/a%20b" },
    { "https://example.com/\"<>`", "https://example.com/%22%3C%3E%60" },
    { "javascript:alert(1)", NULL },
    { "JavaScript:alert(1)", NULL },
    { "java\tscript:alert(1)", NULL },
    { " javascript:alert(1)", NULL },
    { "data:text/html,<script>alert(1)</script>", NULL },
    { "vbscript:x", NULL },
    { "mailto:press@joinmastodon.org", NULL },
    { "/relative/path", NULL },
    { "//example.com/", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = g_markup_escape_text (cases[i].href, -1);
      g_autofree char *html = g_strdup_printf ("<a href=\"%s\">link</a>", escaped);
      g_autoptr (StarlingRichText) rich = convert (html, NULL);

      g_test_message ("%s", html);
      g_assert_cmpstr (starling_rich_text_get_text (rich), ==, "link");
      if (cases[i].kept != NULL)
        {
          g_assert_cmpuint (starling_rich_text_get_n_links (rich), ==, 1);
          g_assert_cmpstr (starling_rich_text_get_link (rich, 0)->href, ==, cases[i].kept);
        }
      else
        {
          g_assert_cmpuint (starling_rich_text_get_n_links (rich), ==, 0);
          g_assert_cmpstr (starling_rich_text_get_markup (rich), ==, "link");
        }
    }

  /* A link without href is text; libxml2 closes a link where another
   * starts. */
  assert_converts ("<a name=\"x\">anchor</a>", "anchor", "anchor");
  assert_converts ("<a href=\"https://a.example\">a <a href=\"https://b.example\">b</a></a>",
                   "<a href=\"https://a.example\">a</a> <a href=\"https://b.example\">b</a>", "a b");
}

static void
test_quote_inline (void)
{
  static const char *html =
    "<p class=\"quote-inline\">RE: <a href=\"https://example.social/@a/1\">example.social/@a/1</a></p>"
    "<p>My comment</p>";
  StarlingHtmlOptions quoted = { TRUE, NULL };
  StarlingHtmlOptions not_quoted = { FALSE, NULL };
  g_autoptr (StarlingRichText) hidden = convert (html, &quoted);
  g_autoptr (StarlingRichText) shown = convert (html, &not_quoted);
  g_autofree char *plain = starling_html_to_plain_text (html);

  g_assert_cmpstr (starling_rich_text_get_markup (hidden), ==, "My comment");
  g_assert_cmpuint (starling_rich_text_get_n_links (hidden), ==, 0);
  g_assert_cmpstr (starling_rich_text_get_text (shown), ==, "RE: example.social/@a/1\n\nMy comment");
  g_assert_cmpuint (starling_rich_text_get_n_links (shown), ==, 1);
  g_assert_cmpstr (plain, ==, "RE: example.social/@a/1\n\nMy comment");
}

static void
test_emoji (void)
{
  static const char * const shortcodes[] = { "blobcat", "ms_rainbow_flag", "a_b", NULL };
  StarlingHtmlOptions options = { FALSE, shortcodes };
  /* account-remote.json's note, with a zero-width space after each. */
  static const char *html =
    "<p>:ms_rainbow_flag:\xe2\x80\x8b :blobcat::blobcat: :unknown: x:a_b:y "
    "<b>:blobcat:</b> \xef\xbf\xbc <a href=\"https://x.example\">:a_b:</a></p>";
  g_autoptr (StarlingRichText) rich = convert (html, &options);
  g_autofree char *plain = starling_html_to_plain_text (html);
  const char *text = starling_rich_text_get_text (rich);
  static const char *shown =
    "\xef\xbf\xbc\xe2\x80\x8b \xef\xbf\xbc\xef\xbf\xbc :unknown: x\xef\xbf\xbcy "
    "\xef\xbf\xbc \xef\xbf\xbc";
  static const struct {
    const char *shortcode;
    gsize       offset;
  } expected[] = {
    { "ms_rainbow_flag", 0 },
    { "blobcat", 7 },
    { "blobcat", 10 },
    { "a_b", 25 },
    { "blobcat", 30 },
    { "a_b", 34 },
  };

  g_assert_cmpstr (text, ==, shown);
  g_assert_cmpuint (starling_rich_text_get_n_emojis (rich), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const StarlingEmojiSpan *span = starling_rich_text_get_emoji (rich, i);

      g_assert_cmpstr (span->shortcode, ==, expected[i].shortcode);
      g_assert_cmpuint (span->offset, ==, expected[i].offset);
    }
  g_assert_cmpstr (starling_rich_text_get_markup (rich), ==,
                   "\xef\xbf\xbc\xe2\x80\x8b \xef\xbf\xbc\xef\xbf\xbc :unknown: x\xef\xbf\xbcy "
                   "<b>\xef\xbf\xbc</b> <a href=\"https://x.example\">\xef\xbf\xbc</a>");

  /* The plain text keeps the shortcodes, and the input's U+FFFC goes. */
  g_assert_cmpstr (plain, ==,
                   ":ms_rainbow_flag:\xe2\x80\x8b :blobcat::blobcat: :unknown: x:a_b:y :blobcat: :a_b:");
}

static void
test_hostile_markup (void)
{
  static const struct {
    const char *html;
    const char *markup;
    const char *text;
  } cases[] = {
    { "<script>alert(1)</script>hello", "hello", "hello" },
    { "<p>a<script type=\"text/javascript\">document.write('<b>x</b>')</script>b</p>", "ab", "ab" },
    { "<style>p { color: red }</style><iframe src=\"https://evil.example\">frame</iframe>"
      "<object data=\"x\">obj</object><template><b>t</b></template>ok", "ok", "ok" },
    { "<a href=\"javascript:alert(1)\">click</a>", "click", "click" },
    { "<a href='x\" onclick=\"y'>inj</a>", "inj", "inj" },
    { "<a href=\"https://x.example/&quot;><b>\">q</a>",
      "<a href=\"https://x.example/%22%3E%3Cb%3E\">q</a>", "q" },
    { "<a href=\"https://x.example/?a=1&amp;b='2'\">q</a>",
      "<a href=\"https://x.example/?a=1&amp;b=&apos;2&apos;\">q</a>", "q" },
    { "1 &lt; 2 &amp;&amp; 3 &gt; 2 &apos;x&apos; &quot;y&quot;",
      "1 &lt; 2 &amp;&amp; 3 &gt; 2 &apos;x&apos; &quot;y&quot;", "1 < 2 && 3 > 2 'x' \"y\"" },
    { "&lt;span foreground=\"red\"&gt;red&lt;/span&gt;",
      "&lt;span foreground=&quot;red&quot;&gt;red&lt;/span&gt;", "<span foreground=\"red\">red</span>" },
    { "<span foreground=\"red\" size=\"x-large\">big red</span>", "big red", "big red" },
    { "<b onmouseover=\"alert(1)\" style=\"x\">b</b>", "<b>b</b>", "b" },
    { "<markup><b>x</b></markup>", "<b>x</b>", "x" },
    /* HTML has no CDATA: libxml2 drops the "<" and keeps the rest as text. */
    { "<![CDATA[<b>x</b>]]>y", "![CDATA[<b>x</b>]]&gt;y", "![CDATA[x]]>y" },
    { "<!-- <b>comment</b> -->visible", "visible", "visible" },
    { "<b>unclosed <i>tags", "<b>unclosed <i>tags</i></b>", "unclosed tags" },
    { "</b></i></p>stray closers</a>", "stray closers", "stray closers" },
    { "<b><i>mis</b>nested</i>", "<b><i>mis</i></b>nested", "misnested" },
    { "<p <b>>x", "&gt;x", ">x" },
    { "a < b > c & d", "a &lt; b &gt; c &amp; d", "a < b > c & d" },
    /* Character references to no character leave nothing. */
    { "&bogus; &#0; &#xD800; &#x110000; &#65;", "&amp;bogus; A", "&bogus; A" },
    { "a\x01" "b\x1f" "c\x7f" "d\xc2\x80" "e\xc2\x9f" "f", "abcdef", "abcdef" },
    { "<title>t</title><meta charset=\"iso-8859-1\">caf\xc3\xa9", "caf\xc3\xa9", "caf\xc3\xa9" },
    { "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-16\">caf\xc3\xa9",
      "caf\xc3\xa9", "caf\xc3\xa9" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].html);
      assert_converts (cases[i].html, cases[i].markup, cases[i].text);
    }
}

static void
test_invalid_utf8 (void)
{
  static const char * const cases[] = {
    "caf\xe9",
    "\xff\xfe<b>\x80\x81</b>",
    "<a href=\"https://x.example/\xc0\xaf\">\xed\xa0\x80surrogate</a>",
    "<p class=\"\xff\">\xf4\x90\x80\x80</p>",
    "\xe2\x82",
    "<img alt=\"\xfe\">",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (StarlingRichText) rich = convert (cases[i], NULL);

      g_assert_true (g_utf8_validate (starling_rich_text_get_markup (rich), -1, NULL));
    }

  assert_converts ("caf\xe9 ok", "caf\xef\xbf\xbd ok", "caf\xef\xbf\xbd ok");
}

static void
test_empty (void)
{
  static const char * const empty[] = { "", " ", "\n\n", "<p></p>", "<br><br>", "<script>x</script>",
                                        "<!-- -->", "<span class=\"invisible\">x</span>", "\x01" };
  g_autoptr (StarlingRichText) null_rich = starling_html_to_markup (NULL, NULL);
  g_autofree char *null_plain = starling_html_to_plain_text (NULL);

  g_assert_cmpstr (starling_rich_text_get_markup (null_rich), ==, "");
  g_assert_cmpstr (starling_rich_text_get_text (null_rich), ==, "");
  g_assert_cmpuint (starling_rich_text_get_n_links (null_rich), ==, 0);
  g_assert_cmpuint (starling_rich_text_get_n_emojis (null_rich), ==, 0);
  g_assert_cmpstr (null_plain, ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      g_autoptr (StarlingRichText) rich = convert (empty[i], NULL);

      g_assert_cmpstr (starling_rich_text_get_markup (rich), ==, "");
    }

  /* A C string ends at its first NUL. */
  assert_converts ("a\0<b>b</b>", "a", "a");
}

static double
time_conversion (const char *html)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr (StarlingRichText) rich = starling_html_to_markup (html, NULL);
  g_autofree char *plain = starling_html_to_plain_text (html);
  double seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;

  assert_valid (rich);
  g_assert_true (g_utf8_validate (plain, -1, NULL));
  return seconds;
}

/* Linear, not quadratic. A wall-clock bound alone fails on a busy machine
 * or under a sanitizer, so a conversion that is not quick is timed again on
 * an eighth of its input (all these inputs are ASCII): linear work takes
 * about 8 times as long on the whole, quadratic 64 times. */
static void
assert_fast (const char *what,
             const char *html)
{
  double seconds = time_conversion (html);
  gsize length = strlen (html);

  g_test_message ("%s: %" G_GSIZE_FORMAT " bytes in %.3f s", what, length, seconds);
  if (seconds > 1.0)
    {
      g_autofree char *eighth = g_strndup (html, length / 8);
      double part = time_conversion (eighth);
      double ratio = seconds / MAX (part, 0.001);

      g_test_message ("%s: an eighth in %.3f s, %.1f times less", what, part, ratio);
      g_assert_cmpfloat (ratio, <, 24.0);
    }
}

static void
test_deep_nesting (void)
{
  static const char * const elements[] = { "b", "div", "blockquote", "ul", "span", "a href=\"https://x.example\"" };

  for (guint e = 0; e < G_N_ELEMENTS (elements); e++)
    {
      g_autoptr (GString) html = g_string_new (NULL);
      g_autoptr (StarlingRichText) rich = NULL;

      for (guint i = 0; i < 100000; i++)
        g_string_append_printf (html, "<%s>", elements[e]);
      g_string_append (html, "deep");
      assert_fast (elements[e], html->str);

      /* libxml2 stops at depth 256; what came before is kept, with at most
       * 32 styles open. */
      g_string_truncate (html, 0);
      for (guint i = 0; i < 200; i++)
        g_string_append_printf (html, "<%s>", elements[e]);
      g_string_append (html, "deep");
      rich = convert (html->str, NULL);
      g_assert_nonnull (strstr (starling_rich_text_get_text (rich), "deep"));
      g_assert_cmpuint (strlen (starling_rich_text_get_markup (rich)), <, 4000);
    }

  {
    g_autoptr (GString) html = g_string_new (NULL);
    g_autoptr (StarlingRichText) rich = NULL;
    static const char * const styles[] = { "small", "big", "sub", "sup", "b", "i", "u", "s", "code" };

    for (guint i = 0; i < 200; i++)
      g_string_append_printf (html, "<%s>", styles[i % G_N_ELEMENTS (styles)]);
    g_string_append (html, "styled");
    rich = convert (html->str, NULL);
    g_assert_cmpstr (starling_rich_text_get_text (rich), ==, "styled");
  }
}

static void
test_large (void)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GString) mixed = g_string_new (NULL);
  g_autoptr (GString) attributes = g_string_new ("<a href=\"https://x.example\" ");
  g_autoptr (GString) entities = g_string_new (NULL);
  g_autoptr (GString) tags = g_string_new (NULL);

  while (text->len < 1024 * 1024)
    g_string_append (text, "All work and no play makes Jack a dull boy. ");
  assert_fast ("1 MB of text", text->str);

  while (mixed->len < 1024 * 1024)
    g_string_append (mixed, "<p>Hello <span class=\"h-card\"><a href=\"https://x.example/@u\" class=\"u-url mention\">"
                     "@<span>u</span></a></span> <b>bold</b> :blob: &amp; <a href=\"https://x.example/tags/t\" "
                     "class=\"mention hashtag\">#<span>t</span></a><br>line</p>");
  assert_fast ("1 MB of status HTML", mixed->str);

  /* libxml2 2.9 compares each attribute with all before it: without the
   * limit this takes minutes. */
  for (guint i = 0; attributes->len < 1024 * 1024; i++)
    g_string_append_printf (attributes, "a%u=%u ", i, i);
  g_string_append (attributes, ">text</a> after");
  assert_fast ("1 MB of attributes", attributes->str);

  g_string_truncate (attributes, 0);
  g_string_append (attributes, "<b ");
  for (guint i = 0; attributes->len < 1024 * 1024; i++)
    g_string_append_printf (attributes, "%0100u", i);
  g_string_append (attributes, ">long names</b>");
  assert_fast ("1 MB of one attribute name", attributes->str);

  while (entities->len < 1024 * 1024)
    g_string_append (entities, "&amp;&lt;&#233;&eacute;&bogus;");
  assert_fast ("1 MB of entities", entities->str);

  while (tags->len < 1024 * 1024)
    g_string_append (tags, "<p><br><a href=\"https://x.example\"></a></p><ul><li></li></ul><i>");
  assert_fast ("1 MB of tags", tags->str);

  {
    g_autoptr (StarlingRichText) rich = starling_html_to_markup (mixed->str, NULL);

    g_assert_cmpuint (starling_rich_text_get_n_links (rich), >, 5000);
  }
}

/* Every HTML string of the test documents converts to valid markup. */
static void
test_documents (void)
{
  static const char * const folders[] = { "mastodon", "other-servers" };
  static const char * const shortcodes[] = { "ms_rainbow_flag", "ms_bisexual_flag", "ms_nonbinary_flag",
                                             "heart_cup", NULL };
  StarlingHtmlOptions options = { FALSE, shortcodes };
  guint n_strings = 0;

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autoptr (GPtrArray) paths = starling_test_list_data (folders[f], ".json");

      for (guint i = 0; i < paths->len; i++)
        {
          g_autoptr (JsonParser) parser = json_parser_new ();
          g_autofree char *contents = NULL;
          g_autoptr (GPtrArray) stack = g_ptr_array_new ();
          gsize length;

          contents = starling_test_load_text (paths->pdata[i], &length);
          if (!json_parser_load_from_data (parser, contents, (gssize) length, NULL))
            continue;

          g_ptr_array_add (stack, json_parser_get_root (parser));
          while (stack->len > 0)
            {
              JsonNode *node = g_ptr_array_steal_index (stack, stack->len - 1);

              if (JSON_NODE_HOLDS_OBJECT (node))
                {
                  JsonObject *object = json_node_get_object (node);
                  JsonObjectIter iter;
                  const char *name;
                  JsonNode *member;

                  json_object_iter_init (&iter, object);
                  while (json_object_iter_next (&iter, &name, &member))
                    {
                      if ((strcmp (name, "content") == 0 || strcmp (name, "note") == 0 ||
                           strcmp (name, "value") == 0) &&
                          JSON_NODE_HOLDS_VALUE (member) &&
                          json_node_get_value_type (member) == G_TYPE_STRING)
                        {
                          g_autoptr (StarlingRichText) rich = convert (json_node_get_string (member), &options);

                          n_strings++;
                        }
                      else
                        g_ptr_array_add (stack, member);
                    }
                }
              else if (JSON_NODE_HOLDS_ARRAY (node))
                {
                  JsonArray *array = json_node_get_array (node);

                  for (guint j = 0; j < json_array_get_length (array); j++)
                    g_ptr_array_add (stack, json_array_get_element (array, j));
                }
            }
        }
    }

  g_test_message ("%u HTML strings", n_strings);
  g_assert_cmpuint (n_strings, >, 50);
}

static void
test_plain_text (void)
{
  static const struct {
    const char *html;
    const char *plain;
  } cases[] = {
    { "<p>One</p><p>Two<br>lines</p>", "One\n\nTwo\nlines" },
    { "<p><span class=\"h-card\"><a href=\"https://mastodon.social/@trwnh\" class=\"u-url mention\">@<span>trwnh</span>"
      "</a></span> sup!</p>", "@trwnh sup!" },
    { "<p>Wordle 591 X/6*</p><p>\xf0\x9f\x9f\xa8\xe2\xac\x9b<br />\xf0\x9f\x9f\xa9\xf0\x9f\x9f\xa9</p>",
      "Wordle 591 X/6*\n\n\xf0\x9f\x9f\xa8\xe2\xac\x9b\n\xf0\x9f\x9f\xa9\xf0\x9f\x9f\xa9" },
    { "a &lt;b&gt; &amp; c", "a <b> & c" },
    { "<ol><li>x</li></ol>", "1. x" },
    { "<script>alert(1)</script>", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *plain = starling_html_to_plain_text (cases[i].html);

      g_assert_cmpstr (plain, ==, cases[i].plain);
    }
}

static void
test_boxed (void)
{
  g_autoptr (StarlingRichText) rich = starling_html_to_markup ("<p>x</p>", NULL);
  StarlingRichText *copy;

  g_assert_true (G_TYPE_IS_BOXED (STARLING_TYPE_RICH_TEXT));
  copy = g_boxed_copy (STARLING_TYPE_RICH_TEXT, rich);
  g_assert_true (copy == rich);
  g_boxed_free (STARLING_TYPE_RICH_TEXT, copy);
  g_assert_cmpstr (starling_rich_text_get_text (rich), ==, "x");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/starling/html/structure", test_structure);
  g_test_add_func ("/starling/html/mentions", test_mentions);
  g_test_add_func ("/starling/html/hashtags", test_hashtags);
  g_test_add_func ("/starling/html/shortened-links", test_shortened_links);
  g_test_add_func ("/starling/html/link-schemes", test_link_schemes);
  g_test_add_func ("/starling/html/quote-inline", test_quote_inline);
  g_test_add_func ("/starling/html/emoji", test_emoji);
  g_test_add_func ("/starling/html/plain-text", test_plain_text);
  g_test_add_func ("/starling/html/hostile/markup", test_hostile_markup);
  g_test_add_func ("/starling/html/hostile/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/starling/html/hostile/empty", test_empty);
  g_test_add_func ("/starling/html/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/starling/html/hostile/large", test_large);
  g_test_add_func ("/starling/html/documents", test_documents);
  g_test_add_func ("/starling/html/boxed", test_boxed);

  return g_test_run ();
}
