/* starling-rich-text.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-text"

#include "config.h"

#include <string.h>

#include "starling-rich-text-private.h"

/**
 * StarlingRichText:
 *
 * A status's content made ready to show: Pango markup that a #GtkLabel
 * takes with gtk_label_set_markup() (links as `<a href="…">`, which
 * GtkLabel understands), the text that the markup shows, its links and
 * where custom emoji go. Immutable and reference counted, so a status and
 * every row that shows it can share one.
 *
 * The text is exactly what the label's layout holds once the markup is
 * parsed, so the byte offsets of links and emoji are layout indices, as
 * pango_layout_index_to_pos() takes them.
 */
struct _StarlingRichText
{
  gatomicrefcount  ref_count;
  char            *markup;
  char            *text;
  GArray          *links;
  GArray          *emojis;
};

G_DEFINE_BOXED_TYPE (StarlingRichText, starling_rich_text,
                     starling_rich_text_ref, starling_rich_text_unref)

void
starling_link_clear (StarlingLink *link)
{
  g_clear_pointer (&link->href, g_free);
  g_clear_pointer (&link->name, g_free);
  g_clear_pointer (&link->host, g_free);
}

void
starling_emoji_span_clear (StarlingEmojiSpan *span)
{
  g_clear_pointer (&span->shortcode, g_free);
}

/* Takes ownership of everything: @links holds #StarlingLink and @emojis
 * #StarlingEmojiSpan, and both clear their elements when freed. */
StarlingRichText *
starling_rich_text_new_take (char   *markup,
                             char   *text,
                             GArray *links,
                             GArray *emojis)
{
  StarlingRichText *self = g_new0 (StarlingRichText, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->markup = markup;
  self->text = text;
  self->links = links;
  self->emojis = emojis;

  return self;
}

/**
 * starling_rich_text_ref:
 * @self: a rich text
 *
 * Returns: (transfer full): @self
 */
StarlingRichText *
starling_rich_text_ref (StarlingRichText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

/**
 * starling_rich_text_unref:
 * @self: (transfer full): a rich text
 *
 * Drops a reference, and frees @self with the last one.
 */
void
starling_rich_text_unref (StarlingRichText *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->markup);
  g_free (self->text);
  g_array_unref (self->links);
  g_array_unref (self->emojis);
  g_free (self);
}

/**
 * starling_rich_text_get_markup:
 * @self: a rich text
 *
 * Gets the markup: Pango markup with the elements `b`, `i`, `u`, `s`, `tt`,
 * `sub`, `sup`, `small` and `big`, no attributes, and `<a href="…">` links
 * for GtkLabel; valid UTF-8 and well-formed whatever the HTML was.
 *
 * Returns: (transfer none): the markup
 */
const char *
starling_rich_text_get_markup (StarlingRichText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->markup;
}

/**
 * starling_rich_text_get_text:
 * @self: a rich text
 *
 * Gets the text the markup shows, without its tags and with its entities
 * decoded: what a screen reader reads and what link and emoji offsets
 * count in.
 *
 * Returns: (transfer none): the text
 */
const char *
starling_rich_text_get_text (StarlingRichText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

/**
 * starling_rich_text_get_n_links:
 * @self: a rich text
 *
 * Returns: the number of links
 */
guint
starling_rich_text_get_n_links (StarlingRichText *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->links->len;
}

/**
 * starling_rich_text_get_link:
 * @self: a rich text
 * @index: a link's position, below starling_rich_text_get_n_links()
 *
 * Returns: (transfer none): the link
 */
const StarlingLink *
starling_rich_text_get_link (StarlingRichText *self,
                             guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->links->len, NULL);

  return &g_array_index (self->links, StarlingLink, index);
}

/**
 * starling_rich_text_find_link:
 * @self: a rich text
 * @href: a link's target, as GtkLabel::activate-link gives it
 *
 * Finds the first link to @href, so a label's activate-link handler can
 * tell a mention or a hashtag from a web link.
 *
 * Returns: (transfer none) (nullable): the link, or %NULL
 */
const StarlingLink *
starling_rich_text_find_link (StarlingRichText *self,
                              const char       *href)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (href != NULL, NULL);

  for (guint i = 0; i < self->links->len; i++)
    {
      const StarlingLink *link = &g_array_index (self->links, StarlingLink, i);

      if (strcmp (link->href, href) == 0)
        return link;
    }

  return NULL;
}

/**
 * starling_rich_text_get_n_emojis:
 * @self: a rich text
 *
 * Returns: the number of custom emoji
 */
guint
starling_rich_text_get_n_emojis (StarlingRichText *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->emojis->len;
}

/**
 * starling_rich_text_get_emoji:
 * @self: a rich text
 * @index: an emoji's position, below starling_rich_text_get_n_emojis()
 *
 * Returns: (transfer none): where the emoji goes, in the order of the text
 */
const StarlingEmojiSpan *
starling_rich_text_get_emoji (StarlingRichText *self,
                              guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->emojis->len, NULL);

  return &g_array_index (self->emojis, StarlingEmojiSpan, index);
}
