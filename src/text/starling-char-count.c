/* starling-char-count.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-text"

#include "config.h"

#include <string.h>

#include "starling-char-count.h"

/* Grapheme clusters
 * =================
 *
 * Mastodon measures a post in extended grapheme clusters (UAX #29) with
 * Ruby's String#each_grapheme_cluster. Ruby up to 3.4 implements the rules
 * of Unicode 15.0, which is also the version of GLib 2.74's character
 * tables, so that is what this file implements: GB1–GB13 and GB999, without
 * the Indic conjunct rule GB9c that Unicode 15.1 added (Ruby 4.0 has it).
 * A consonant, a virama and a consonant in Devanagari are therefore two
 * clusters here, as they are for the server.
 *
 * GLib has no Grapheme_Cluster_Break property, so it is derived from what
 * GLib has (the general category) and a few small tables:
 *
 * - CR, LF, ZWJ (U+200D) and Regional_Indicator (U+1F1E6–1F1FF) by code point.
 * - Control: general categories Cc, Cf, Zl and Zp, less ZWNJ, ZWJ, the tags
 *   (U+E0020–E007F, which are Extend) and the Prepend characters; plus the
 *   unassigned default-ignorable code points.
 * - Extend: categories Mn and Me, the spacing marks that Unicode lists as
 *   Other_Grapheme_Extend, ZWNJ, U+FF9E–FF9F, the tags, and the emoji
 *   skin-tone modifiers U+1F3FB–1F3FF (Extend since Unicode 11).
 * - SpacingMark: category Mc less the exceptions of UAX #29's table 2, plus
 *   U+0E33 and U+0EB3.
 * - Prepend: the fifteen ranges of Unicode 15.0, listed below.
 * - Hangul L, V, T, LV and LVT from the jamo blocks and the syllable
 *   arithmetic (a syllable whose index is a multiple of 28 is LV).
 * - Extended_Pictographic: the table of emoji-data.txt (Unicode 15.0).
 *
 * The derivation was checked against ICU 72 (Unicode 15.0) for every code
 * point when it was written. */

typedef enum
{
  GCB_OTHER,
  GCB_CR,
  GCB_LF,
  GCB_CONTROL,
  GCB_EXTEND,
  GCB_ZWJ,
  GCB_REGIONAL_INDICATOR,
  GCB_PREPEND,
  GCB_SPACING_MARK,
  GCB_L,
  GCB_V,
  GCB_T,
  GCB_LV,
  GCB_LVT,
} GraphemeBreak;

typedef enum
{
  EMOJI_NONE,
  /* An Extended_Pictographic character followed by Extend characters. */
  EMOJI_PICTOGRAPHIC,
  /* The same, followed by a ZWJ: a pictograph here does not start a
   * cluster (GB11). */
  EMOJI_ZWJ,
} EmojiState;

typedef struct
{
  gunichar first;
  gunichar last;
} Range;

typedef struct
{
  gboolean      started;
  GraphemeBreak prev;
  guint         n_regional;
  EmojiState    emoji;
} Segmenter;

typedef struct
{
  gsize    start;
  gsize    end;
  /* For a mention, the end of the "@user" part that counts. */
  gsize    keep_end;
  gboolean is_url;
} Entity;

static const Range extended_pictographic[] = {
  { 0x00A9, 0x00A9 }, { 0x00AE, 0x00AE }, { 0x203C, 0x203C }, { 0x2049, 0x2049 },
  { 0x2122, 0x2122 }, { 0x2139, 0x2139 }, { 0x2194, 0x2199 }, { 0x21A9, 0x21AA },
  { 0x231A, 0x231B }, { 0x2328, 0x2328 }, { 0x2388, 0x2388 }, { 0x23CF, 0x23CF },
  { 0x23E9, 0x23F3 }, { 0x23F8, 0x23FA }, { 0x24C2, 0x24C2 }, { 0x25AA, 0x25AB },
  { 0x25B6, 0x25B6 }, { 0x25C0, 0x25C0 }, { 0x25FB, 0x25FE }, { 0x2600, 0x2605 },
  { 0x2607, 0x2612 }, { 0x2614, 0x2685 }, { 0x2690, 0x2705 }, { 0x2708, 0x2712 },
  { 0x2714, 0x2714 }, { 0x2716, 0x2716 }, { 0x271D, 0x271D }, { 0x2721, 0x2721 },
  { 0x2728, 0x2728 }, { 0x2733, 0x2734 }, { 0x2744, 0x2744 }, { 0x2747, 0x2747 },
  { 0x274C, 0x274C }, { 0x274E, 0x274E }, { 0x2753, 0x2755 }, { 0x2757, 0x2757 },
  { 0x2763, 0x2767 }, { 0x2795, 0x2797 }, { 0x27A1, 0x27A1 }, { 0x27B0, 0x27B0 },
  { 0x27BF, 0x27BF }, { 0x2934, 0x2935 }, { 0x2B05, 0x2B07 }, { 0x2B1B, 0x2B1C },
  { 0x2B50, 0x2B50 }, { 0x2B55, 0x2B55 }, { 0x3030, 0x3030 }, { 0x303D, 0x303D },
  { 0x3297, 0x3297 }, { 0x3299, 0x3299 }, { 0x1F000, 0x1F0FF }, { 0x1F10D, 0x1F10F },
  { 0x1F12F, 0x1F12F }, { 0x1F16C, 0x1F171 }, { 0x1F17E, 0x1F17F }, { 0x1F18E, 0x1F18E },
  { 0x1F191, 0x1F19A }, { 0x1F1AD, 0x1F1E5 }, { 0x1F201, 0x1F20F }, { 0x1F21A, 0x1F21A },
  { 0x1F22F, 0x1F22F }, { 0x1F232, 0x1F23A }, { 0x1F23C, 0x1F23F }, { 0x1F249, 0x1F3FA },
  { 0x1F400, 0x1F53D }, { 0x1F546, 0x1F64F }, { 0x1F680, 0x1F6FF }, { 0x1F774, 0x1F77F },
  { 0x1F7D5, 0x1F7FF }, { 0x1F80C, 0x1F80F }, { 0x1F848, 0x1F84F }, { 0x1F85A, 0x1F85F },
  { 0x1F888, 0x1F88F }, { 0x1F8AE, 0x1F8FF }, { 0x1F90C, 0x1F93A }, { 0x1F93C, 0x1F945 },
  { 0x1F947, 0x1FAFF }, { 0x1FC00, 0x1FFFD },
};

static const Range prepend[] = {
  { 0x0600, 0x0605 }, { 0x06DD, 0x06DD }, { 0x070F, 0x070F }, { 0x0890, 0x0891 },
  { 0x08E2, 0x08E2 }, { 0x0D4E, 0x0D4E }, { 0x110BD, 0x110BD }, { 0x110CD, 0x110CD },
  { 0x111C2, 0x111C3 }, { 0x1193F, 0x1193F }, { 0x11941, 0x11941 }, { 0x11A3A, 0x11A3A },
  { 0x11A84, 0x11A89 }, { 0x11D46, 0x11D46 }, { 0x11F02, 0x11F02 },
};

/* Spacing marks (Mc) with Other_Grapheme_Extend: Extend, not SpacingMark. */
static const Range extending_spacing_marks[] = {
  { 0x09BE, 0x09BE }, { 0x09D7, 0x09D7 }, { 0x0B3E, 0x0B3E }, { 0x0B57, 0x0B57 },
  { 0x0BBE, 0x0BBE }, { 0x0BD7, 0x0BD7 }, { 0x0CC2, 0x0CC2 }, { 0x0CD5, 0x0CD6 },
  { 0x0D3E, 0x0D3E }, { 0x0D57, 0x0D57 }, { 0x0DCF, 0x0DCF }, { 0x0DDF, 0x0DDF },
  { 0x1B35, 0x1B35 }, { 0x302E, 0x302F }, { 0x1133E, 0x1133E }, { 0x11357, 0x11357 }, { 0x114B0, 0x114B0 },
  { 0x114BD, 0x114BD }, { 0x115AF, 0x115AF }, { 0x11930, 0x11930 }, { 0x1D165, 0x1D165 },
  { 0x1D16E, 0x1D172 },
};

/* Spacing marks that UAX #29 (table 2) leaves out of SpacingMark. */
static const Range other_spacing_marks[] = {
  { 0x102B, 0x102C }, { 0x1038, 0x1038 }, { 0x1062, 0x1064 }, { 0x1067, 0x106D },
  { 0x1083, 0x1083 }, { 0x1087, 0x108C }, { 0x108F, 0x108F }, { 0x109A, 0x109C },
  { 0x1A61, 0x1A61 }, { 0x1A63, 0x1A64 }, { 0xAA7B, 0xAA7B }, { 0xAA7D, 0xAA7D },
  { 0x11720, 0x11721 },
};

/* Unassigned code points that are Default_Ignorable: Control. */
static const Range ignorable_unassigned[] = {
  { 0x2065, 0x2065 }, { 0xFFF0, 0xFFF8 }, { 0xE0000, 0xE0000 }, { 0xE0002, 0xE001F },
  { 0xE0080, 0xE00FF }, { 0xE01F0, 0xE0FFF },
};

/* twitter-text's LATIN_ACCENTS: a mention followed by one of these is not
 * a mention. */
static const Range latin_accents[] = {
  { 0x00C0, 0x00D6 }, { 0x00D8, 0x00F6 }, { 0x00F8, 0x00FF }, { 0x0100, 0x024F },
  { 0x0253, 0x0254 }, { 0x0256, 0x0257 }, { 0x0259, 0x0259 }, { 0x025B, 0x025B },
  { 0x0263, 0x0263 }, { 0x0268, 0x0268 }, { 0x026F, 0x026F }, { 0x0272, 0x0272 },
  { 0x0289, 0x0289 }, { 0x028B, 0x028B }, { 0x02BB, 0x02BB }, { 0x0300, 0x036F },
  { 0x1E00, 0x1EFF },
};

/* The schemes of Mastodon's override of twitter-text's URL pattern
 * (config/initializers/twitter_regex.rb). Only URLs with one of them get
 * the fixed weight: the server extracts URLs with
 * `extract_url_without_protocol: false`. */
static const char * const url_schemes[] = {
  "http://", "https://", "dat://", "dweb://", "ipfs://", "ipns://", "ssb://",
  "gopher://", "gemini://",
};

#define TYPE_BIT(t) (1u << (t))

static const guint32 control_types =
  TYPE_BIT (G_UNICODE_CONTROL) | TYPE_BIT (G_UNICODE_FORMAT) |
  TYPE_BIT (G_UNICODE_LINE_SEPARATOR) | TYPE_BIT (G_UNICODE_PARAGRAPH_SEPARATOR);

static const guint32 extend_types =
  TYPE_BIT (G_UNICODE_NON_SPACING_MARK) | TYPE_BIT (G_UNICODE_ENCLOSING_MARK);

/* Ruby's [[:word:]]: letters, marks, decimal digits, connectors. */
static const guint32 word_types =
  TYPE_BIT (G_UNICODE_LOWERCASE_LETTER) | TYPE_BIT (G_UNICODE_MODIFIER_LETTER) |
  TYPE_BIT (G_UNICODE_OTHER_LETTER) | TYPE_BIT (G_UNICODE_TITLECASE_LETTER) |
  TYPE_BIT (G_UNICODE_UPPERCASE_LETTER) | TYPE_BIT (G_UNICODE_SPACING_MARK) |
  TYPE_BIT (G_UNICODE_ENCLOSING_MARK) | TYPE_BIT (G_UNICODE_NON_SPACING_MARK) |
  TYPE_BIT (G_UNICODE_DECIMAL_NUMBER) | TYPE_BIT (G_UNICODE_CONNECT_PUNCTUATION);

static gboolean
in_ranges (gunichar     c,
           const Range *ranges,
           gsize        n_ranges)
{
  gsize low = 0;
  gsize high = n_ranges;

  if (c < ranges[0].first || c > ranges[n_ranges - 1].last)
    return FALSE;

  while (low < high)
    {
      gsize mid = (low + high) / 2;

      if (c < ranges[mid].first)
        high = mid;
      else if (c > ranges[mid].last)
        low = mid + 1;
      else
        return TRUE;
    }

  return FALSE;
}

#define IN_TABLE(c, table) in_ranges ((c), (table), G_N_ELEMENTS (table))

/* Whether @c is one of the ASCII characters of @set. */
static gboolean
is_ascii_in (gunichar    c,
             const char *set)
{
  return c != 0 && c < 0x80 && strchr (set, (int) c) != NULL;
}

static gboolean
is_extended_pictographic (gunichar c)
{
  return c >= 0xA9 && IN_TABLE (c, extended_pictographic);
}

static GraphemeBreak
grapheme_break (gunichar c)
{
  guint32 type_bit;

  if (c < 0x80)
    {
      if (c == '\r')
        return GCB_CR;
      if (c == '\n')
        return GCB_LF;
      if (c < 0x20 || c == 0x7F)
        return GCB_CONTROL;
      return GCB_OTHER;
    }

  if (c == 0x200D)
    return GCB_ZWJ;
  if (c == 0x200C || (c >= 0xE0020 && c <= 0xE007F) ||
      (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xFF9E && c <= 0xFF9F))
    return GCB_EXTEND;
  if (c >= 0x1F1E6 && c <= 0x1F1FF)
    return GCB_REGIONAL_INDICATOR;
  if (c == 0x0E33 || c == 0x0EB3)
    return GCB_SPACING_MARK;

  if (c >= 0x1100 && c <= 0x11FF)
    {
      if (c <= 0x115F)
        return GCB_L;
      if (c <= 0x11A7)
        return GCB_V;
      return GCB_T;
    }
  if (c >= 0xA960 && c <= 0xA97C)
    return GCB_L;
  if (c >= 0xAC00 && c <= 0xD7A3)
    return (c - 0xAC00) % 28 == 0 ? GCB_LV : GCB_LVT;
  if (c >= 0xD7B0 && c <= 0xD7C6)
    return GCB_V;
  if (c >= 0xD7CB && c <= 0xD7FB)
    return GCB_T;

  if (IN_TABLE (c, prepend))
    return GCB_PREPEND;

  type_bit = TYPE_BIT (g_unichar_type (c));

  if (type_bit & control_types)
    return GCB_CONTROL;
  if (type_bit & extend_types)
    return GCB_EXTEND;
  if (type_bit == TYPE_BIT (G_UNICODE_SPACING_MARK))
    {
      if (IN_TABLE (c, extending_spacing_marks))
        return GCB_EXTEND;
      if (IN_TABLE (c, other_spacing_marks))
        return GCB_OTHER;
      return GCB_SPACING_MARK;
    }
  if (type_bit == TYPE_BIT (G_UNICODE_UNASSIGNED) && IN_TABLE (c, ignorable_unassigned))
    return GCB_CONTROL;

  return GCB_OTHER;
}

/* Feeds the next character to @self; returns whether a cluster starts with
 * it. */
static gboolean
segmenter_next (Segmenter *self,
                gunichar   c)
{
  GraphemeBreak prev = self->prev;
  GraphemeBreak cur = grapheme_break (c);
  gboolean pictographic = is_extended_pictographic (c);
  gboolean breaks;

  if (!self->started)
    breaks = TRUE;                                                    /* GB1 */
  else if (prev == GCB_CR && cur == GCB_LF)
    breaks = FALSE;                                                   /* GB3 */
  else if (prev == GCB_CR || prev == GCB_LF || prev == GCB_CONTROL)
    breaks = TRUE;                                                    /* GB4 */
  else if (cur == GCB_CR || cur == GCB_LF || cur == GCB_CONTROL)
    breaks = TRUE;                                                    /* GB5 */
  else if (prev == GCB_L &&
           (cur == GCB_L || cur == GCB_V || cur == GCB_LV || cur == GCB_LVT))
    breaks = FALSE;                                                   /* GB6 */
  else if ((prev == GCB_LV || prev == GCB_V) && (cur == GCB_V || cur == GCB_T))
    breaks = FALSE;                                                   /* GB7 */
  else if ((prev == GCB_LVT || prev == GCB_T) && cur == GCB_T)
    breaks = FALSE;                                                   /* GB8 */
  else if (cur == GCB_EXTEND || cur == GCB_ZWJ)
    breaks = FALSE;                                                   /* GB9 */
  else if (cur == GCB_SPACING_MARK)
    breaks = FALSE;                                                   /* GB9a */
  else if (prev == GCB_PREPEND)
    breaks = FALSE;                                                   /* GB9b */
  else if (prev == GCB_ZWJ && pictographic && self->emoji == EMOJI_ZWJ)
    breaks = FALSE;                                                   /* GB11 */
  else if (prev == GCB_REGIONAL_INDICATOR && cur == GCB_REGIONAL_INDICATOR &&
           self->n_regional % 2 == 1)
    breaks = FALSE;                                                   /* GB12, GB13 */
  else
    breaks = TRUE;                                                    /* GB999 */

  if (pictographic)
    self->emoji = EMOJI_PICTOGRAPHIC;
  else if (cur == GCB_EXTEND && self->emoji == EMOJI_PICTOGRAPHIC)
    self->emoji = EMOJI_PICTOGRAPHIC;
  else if (cur == GCB_ZWJ && self->emoji == EMOJI_PICTOGRAPHIC)
    self->emoji = EMOJI_ZWJ;
  else
    self->emoji = EMOJI_NONE;

  self->n_regional = cur == GCB_REGIONAL_INDICATOR ? self->n_regional + 1 : 0;
  self->prev = cur;
  self->started = TRUE;

  return breaks;
}

/* Reads one character of @text; a byte that does not start valid UTF-8
 * reads as U+FFFD, as it would show. */
static gunichar
read_char (const char  *text,
           gsize        length,
           gsize       *pos)
{
  gunichar c;

  if (text[*pos] == '\0')
    {
      *pos += 1;
      return 0;
    }

  c = g_utf8_get_char_validated (text + *pos, (gssize) (length - *pos));
  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      *pos += 1;
      return 0xFFFD;
    }

  *pos = (gsize) (g_utf8_next_char (text + *pos) - text);
  return c;
}

static gsize
count_clusters (Segmenter  *segmenter,
                const char *text,
                gsize       length)
{
  gsize pos = 0;
  gsize n = 0;

  while (pos < length)
    {
      if (segmenter_next (segmenter, read_char (text, length, &pos)))
        n++;
    }

  return n;
}

/* Ruby's [[:space:]], the White_Space property. */
static gboolean
is_white_space (gunichar c)
{
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

static gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c) || c == '_';

  return (TYPE_BIT (g_unichar_type (c)) & word_types) != 0;
}

/* The character before @pos, or 0 at the start. @text is valid UTF-8. */
static gunichar
char_before (const char *text,
             gsize       pos)
{
  if (pos == 0)
    return 0;

  return g_utf8_get_char (g_utf8_find_prev_char (text, text + pos));
}

static gunichar
char_at (const char *text,
         gsize       length,
         gsize       pos)
{
  if (pos >= length)
    return 0;

  return g_utf8_get_char (text + pos);
}

static gsize
next_pos (const char *text,
          gsize       pos)
{
  return (gsize) (g_utf8_next_char (text + pos) - text);
}

/* twitter-text's valid_url_preceding_chars: a URL does not start right
 * after a letter, a digit, @, $ or #. */
static gboolean
may_precede_url (gunichar c)
{
  if (c == 0)
    return TRUE;
  if (c < 0x80)
    return !g_ascii_isalnum (c) && c != '@' && c != '$' && c != '#';

  return c != 0xFF20 && c != 0xFF03 && c != 0xFFFE && c != 0xFEFF && c != 0xFFFF;
}

/* twitter-text's DOMAIN_VALID_CHARS, and the dots and dashes between
 * labels: anything but ASCII punctuation, spaces and controls. */
static gboolean
is_host_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c) || c == '-' || c == '_' || c == '.';

  if (is_white_space (c) || c == 0xFFFE || c == 0xFEFF || c == 0xFFFF)
    return FALSE;

  return !(TYPE_BIT (g_unichar_type (c)) & control_types);
}

/* Mastodon's valid_general_url_path_chars. */
static gboolean
is_path_char (gunichar c)
{
  return c != 0 && !is_white_space (c) && !is_ascii_in (c, "<>()?");
}

/* Mastodon's valid_url_path_ending_chars: a path does not end with
 * punctuation that more likely ends the sentence. */
static gboolean
is_path_ending_char (gunichar c)
{
  if (!is_path_char (c))
    return FALSE;
  return !is_ascii_in (c, "!*\"';:=,.$%[]~&|@") && c != 0x300C && c != 0x300D;
}

/* Mastodon's UCHARS, which queries may hold. */
static gboolean
is_query_uchar (gunichar c)
{
  return c >= 0xA0 &&
         !(c >= 0xD800 && c <= 0xDFFF) &&
         !(c >= 0xFDD0 && c <= 0xFDEF) &&
         !(c >= 0xFFF0 && c <= 0xFFFF) &&
         (c & 0xFFFE) != 0xFFFE &&
         !(c >= 0xE0000 && c <= 0xE0FFF);
}

static gboolean
is_query_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c) || is_ascii_in (c, "!?*'();:&=+$/%#[]-_.,~|@^");

  return is_query_uchar (c);
}

static gboolean
is_query_ending_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c) || is_ascii_in (c, "_&=#/-");

  return is_query_uchar (c);
}

/* Mastodon's valid_url_balanced_parens, from the "(" at @pos: returns the
 * position after the closing ")", or 0. */
static gsize
match_balanced_parens (const char *text,
                       gsize       length,
                       gsize       pos)
{
  gsize n = 0;

  pos++;
  while (pos < length && is_path_char (char_at (text, length, pos)))
    {
      pos = next_pos (text, pos);
      n++;
    }

  if (pos < length && text[pos] == ')' && n > 0)
    return pos + 1;
  if (pos >= length || text[pos] != '(')
    return 0;

  /* One nested level. */
  pos++;
  n = 0;
  while (pos < length && is_path_char (char_at (text, length, pos)))
    {
      pos = next_pos (text, pos);
      n++;
    }
  if (n == 0 || pos >= length || text[pos] != ')')
    return 0;
  pos++;
  while (pos < length && is_path_char (char_at (text, length, pos)))
    pos = next_pos (text, pos);

  if (pos < length && text[pos] == ')')
    return pos + 1;

  return 0;
}

/* The path after the "/" at @pos - 1: returns where it ends. */
static gsize
match_path (const char *text,
            gsize       length,
            gsize       pos)
{
  gsize end = pos;

  while (pos < length)
    {
      gunichar c = char_at (text, length, pos);

      if (c == '(')
        {
          gsize close = match_balanced_parens (text, length, pos);

          if (close == 0)
            break;
          pos = end = close;
          continue;
        }
      if (!is_path_char (c))
        break;

      pos = next_pos (text, pos);
      if (is_path_ending_char (c))
        end = pos;
    }

  return end;
}

/* The query after the "?" at @pos - 1: returns where it ends, or 0 when
 * there is none. */
static gsize
match_query (const char *text,
             gsize       length,
             gsize       pos)
{
  gsize end = 0;

  while (pos < length)
    {
      gunichar c = char_at (text, length, pos);

      if (!is_query_char (c))
        break;
      pos = next_pos (text, pos);
      if (is_query_ending_char (c))
        end = pos;
    }

  return end;
}

/* A URL with a scheme at @start, roughly as twitter-text with Mastodon's
 * changes finds it: returns where it ends, or 0. twitter-text accepts only
 * known top-level domains; here the last label of the host must be two
 * letters or more (or punycode), which accepts a few more. */
static gsize
match_url (const char *text,
           gsize       length,
           gsize       start)
{
  gsize pos = 0;
  gsize host_start, host_end, last_dot, tld_end;
  gunichar after;

  for (guint i = 0; i < G_N_ELEMENTS (url_schemes); i++)
    {
      gsize n = strlen (url_schemes[i]);

      if (length - start >= n && g_ascii_strncasecmp (text + start, url_schemes[i], n) == 0)
        {
          pos = start + n;
          break;
        }
    }
  if (pos == 0)
    return 0;

  host_start = pos;
  while (pos < length && is_host_char (char_at (text, length, pos)))
    pos = next_pos (text, pos);

  /* A host ends with a label, not with a dot or a dash. */
  host_end = pos;
  while (host_end > host_start && is_ascii_in ((guchar) text[host_end - 1], ".-_"))
    host_end--;
  if (host_end == host_start || is_ascii_in ((guchar) text[host_start], ".-_"))
    return 0;

  last_dot = G_MAXSIZE;
  for (gsize i = host_start; i < host_end; i++)
    {
      if (text[i] == '.')
        {
          if (i > host_start && text[i - 1] == '.')
            return 0;
          last_dot = i;
        }
    }
  if (last_dot == G_MAXSIZE)
    return 0;

  tld_end = last_dot + 1;
  if (host_end - tld_end > 4 && g_ascii_strncasecmp (text + tld_end, "xn--", 4) == 0)
    {
      tld_end += 4;
      while (tld_end < host_end && (g_ascii_isalnum (text[tld_end]) || text[tld_end] == '-'))
        tld_end++;
    }
  else
    {
      guint n_letters = 0;

      while (tld_end < host_end && g_unichar_isalpha (char_at (text, length, tld_end)))
        {
          tld_end = next_pos (text, tld_end);
          n_letters++;
        }
      if (n_letters < 2)
        return 0;
    }

  /* twitter-text's top-level domains must not run on into a name. */
  after = char_at (text, length, tld_end);
  if ((after < 0x80 && g_ascii_isalnum (after)) || is_ascii_in (after, "@+-"))
    return 0;

  pos = tld_end;
  if (pos + 1 < length && text[pos] == ':' && g_ascii_isdigit (text[pos + 1]))
    {
      pos++;
      while (pos < length && g_ascii_isdigit (text[pos]))
        pos++;
    }

  if (pos < length && text[pos] == '/')
    pos = match_path (text, length, pos + 1);

  if (pos < length && text[pos] == '?')
    {
      gsize query_end = match_query (text, length, pos + 1);

      if (query_end != 0)
        pos = query_end;
    }

  return pos;
}

static gboolean
is_username_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* Account::MENTION_RE at the "@" at @at:
 * `(?<![=/[:word:]])@(([a-z0-9_]+([a-z0-9_.-]+[a-z0-9_]+)?)(?:@[[:word:].-]+[[:word:]]+)?)`
 * and twitter-text's end_mention_match, which refuses a mention followed by
 * "@", a Latin accent or "://". Returns whether there is a mention, and
 * where the scan goes on. */
static gboolean
match_mention (const char *text,
               gsize       length,
               gsize       at,
               Entity     *entity,
               gsize      *resume)
{
  gunichar before = char_before (text, at);
  gunichar after;
  gsize pos = at + 1;
  gsize user_end, end;

  *resume = at + 1;

  if (before == '=' || before == '/' || (before != 0 && is_word_char (before)))
    return FALSE;
  if (pos >= length || !is_username_char (text[pos]))
    return FALSE;

  while (pos < length && (is_username_char (text[pos]) || text[pos] == '.' || text[pos] == '-'))
    pos++;
  while (!is_username_char (text[pos - 1]))
    pos--;
  user_end = end = pos;

  if (pos < length && text[pos] == '@')
    {
      gsize domain_end = 0;
      guint n_chars = 0;
      guint n_at_end = 0;

      pos++;
      while (pos < length)
        {
          gunichar c = char_at (text, length, pos);

          if (c != '.' && c != '-' && !is_word_char (c))
            break;
          pos = next_pos (text, pos);
          n_chars++;
          if (c != '.' && c != '-')
            {
              domain_end = pos;
              n_at_end = n_chars;
            }
        }
      if (domain_end != 0 && n_at_end >= 2)
        end = domain_end;
    }

  *resume = end;

  after = char_at (text, length, end);
  if (after == '@' || after == 0xFF20 || IN_TABLE (after, latin_accents) ||
      (length - end >= 3 && memcmp (text + end, "://", 3) == 0))
    return FALSE;

  entity->start = at;
  entity->end = end;
  entity->keep_end = user_end;
  entity->is_url = FALSE;

  return TRUE;
}

static int
compare_entities (gconstpointer a,
                  gconstpointer b)
{
  const Entity *entity_a = a;
  const Entity *entity_b = b;

  if (entity_a->start != entity_b->start)
    return entity_a->start < entity_b->start ? -1 : 1;

  return 0;
}

/* The entities of @text that the server rewrites before counting, sorted
 * and without overlaps (twitter-text's remove_overlapping_entities, which
 * compares each entity with the one before it, kept or not). */
static GArray *
find_entities (const char *text,
               gsize       length)
{
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (Entity));
  GArray *kept = g_array_new (FALSE, FALSE, sizeof (Entity));
  gsize pos = 0;

  while (pos < length)
    {
      gsize end;

      if (g_ascii_isalpha (text[pos]) && may_precede_url (char_before (text, pos)) &&
          (end = match_url (text, length, pos)) != 0)
        {
          Entity entity = { pos, end, end, TRUE };

          g_array_append_val (found, entity);
          pos = end;
        }
      else
        pos = next_pos (text, pos);
    }

  pos = 0;
  while (pos < length)
    {
      const char *at = memchr (text + pos, '@', length - pos);
      Entity entity;

      if (at == NULL)
        break;
      if (match_mention (text, length, (gsize) (at - text), &entity, &pos))
        g_array_append_val (found, entity);
    }

  g_array_sort (found, compare_entities);

  for (guint i = 0; i < found->len; i++)
    {
      const Entity *entity = &g_array_index (found, Entity, i);

      if (i > 0 && g_array_index (found, Entity, i - 1).end > entity->start)
        continue;
      g_array_append_val (kept, *entity);
    }

  return kept;
}

static gboolean
is_ascii_strip_char (char c)
{
  return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Ruby's String#strip, which the Status model applies to the text and the
 * content warning before validating them: ASCII white space only. */
static void
ascii_strip (const char **text,
             gsize       *length)
{
  while (*length > 0 && is_ascii_strip_char (**text))
    {
      (*text)++;
      (*length)--;
    }
  while (*length > 0 && is_ascii_strip_char ((*text)[*length - 1]))
    (*length)--;
}

/* Rails' String#blank?. */
static gboolean
is_blank (const char *text,
          gsize       length)
{
  gsize pos = 0;

  while (pos < length)
    {
      if (!is_white_space (read_char (text, length, &pos)))
        return FALSE;
    }

  return TRUE;
}

/**
 * starling_grapheme_count:
 * @text: (nullable): UTF-8 text
 * @length: the length of @text in bytes, or -1 if it ends with a nul
 *
 * Counts the extended grapheme clusters of @text, the characters a person
 * sees, by the rules of Unicode 15.0 (see the top of this file for what is
 * derived and how). A byte that is not valid UTF-8 counts as one character.
 * This is how the server measures a poll option.
 *
 * Returns: the number of grapheme clusters
 */
gsize
starling_grapheme_count (const char *text,
                         gssize      length)
{
  Segmenter segmenter = { 0, };

  if (text == NULL)
    return 0;
  if (length < 0)
    length = (gssize) strlen (text);

  return count_clusters (&segmenter, text, (gsize) length);
}

/**
 * starling_char_count:
 * @text: (nullable): the text of a post, as the composer holds it
 * @spoiler_text: (nullable): its content warning
 * @characters_reserved_per_url: what a URL weighs, the instance's
 *   `configuration.statuses.characters_reserved_per_url`
 *   (%STARLING_CHARACTERS_RESERVED_PER_URL by default)
 *
 * Measures a post the way Mastodon's StatusLengthValidator does, so the
 * composer can say how much room is left before the server refuses it:
 *
 * - both texts lose their leading and trailing ASCII white space, and a text
 *   of nothing but white space counts as empty;
 * - in @text, a URL with a scheme (http, https and the others Mastodon
 *   links) weighs @characters_reserved_per_url however long it is; a
 *   domain without a scheme counts as written;
 * - a mention of a remote account, `@user@domain`, counts as `@user`; a
 *   local one counts as written, and so does an e-mail address;
 * - the content warning counts as written, in front of the text;
 * - the result is the number of grapheme clusters, so an emoji with a skin
 *   tone, a flag or a family joined by ZWJs is one character, and so is
 *   CR LF.
 *
 * URLs are found with a simpler pattern than twitter-text's (it accepts
 * any top-level domain of two letters or more, where twitter-text knows a
 * list), so the count can differ on made-up domains.
 *
 * Returns: the number of characters the server will count
 */
int
starling_char_count (const char *text,
                     const char *spoiler_text,
                     int         characters_reserved_per_url)
{
  g_autoptr (GString) counted = g_string_new (NULL);
  g_autoptr (GArray) entities = NULL;
  g_autofree char *valid_text = NULL;
  g_autofree char *valid_spoiler = NULL;
  Segmenter segmenter = { 0, };
  gsize text_length, spoiler_length, pos;
  gsize n_urls = 0;
  gsize count;

  if (text == NULL)
    text = "";
  if (spoiler_text == NULL)
    spoiler_text = "";

  /* The scans below step through characters: make sure they are valid. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid_text = g_utf8_make_valid (text, -1);
  if (!g_utf8_validate (spoiler_text, -1, NULL))
    spoiler_text = valid_spoiler = g_utf8_make_valid (spoiler_text, -1);

  text_length = strlen (text);
  spoiler_length = strlen (spoiler_text);
  ascii_strip (&text, &text_length);
  ascii_strip (&spoiler_text, &spoiler_length);

  g_string_append_len (counted, spoiler_text, (gssize) spoiler_length);

  if (!is_blank (text, text_length))
    {
      entities = find_entities (text, text_length);
      pos = 0;

      for (guint i = 0; i < entities->len; i++)
        {
          const Entity *entity = &g_array_index (entities, Entity, i);

          g_string_append_len (counted, text + pos, (gssize) (entity->start - pos));
          if (entity->is_url)
            {
              /* One placeholder letter stands for the URL's weight, so
               * a combining mark after it joins it as it would join the
               * server's "xxx…". */
              if (characters_reserved_per_url > 0)
                {
                  g_string_append_c (counted, 'x');
                  n_urls++;
                }
            }
          else
            g_string_append_len (counted, text + entity->start,
                                 (gssize) (entity->keep_end - entity->start));
          pos = entity->end;
        }
      g_string_append_len (counted, text + pos, (gssize) (text_length - pos));
    }

  count = count_clusters (&segmenter, counted->str, counted->len);
  count += n_urls * (gsize) (MAX (characters_reserved_per_url, 1) - 1);

  return (int) MIN (count, (gsize) G_MAXINT);
}
