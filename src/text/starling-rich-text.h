/* starling-rich-text.h
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * StarlingLinkKind:
 * @STARLING_LINK_URL: a link to a web page (or another allowed scheme)
 * @STARLING_LINK_MENTION: a mention of an account
 * @STARLING_LINK_HASHTAG: a hashtag
 *
 * What a link of a #StarlingRichText points at.
 */
typedef enum
{
  STARLING_LINK_URL,
  STARLING_LINK_MENTION,
  STARLING_LINK_HASHTAG,
} StarlingLinkKind;

/**
 * StarlingLink:
 * @kind: what the link points at
 * @href: the target, with an allowed scheme, as the markup's `<a href>`
 *   holds it (unescaped)
 * @name: (nullable): for a mention, the username without "@"; for a
 *   hashtag, the tag without "#"; %NULL for a URL
 * @host: (nullable): for a mention, the server of the account (lower case),
 *   from the link's text when it reads `@user@host`, else from @href;
 *   %NULL for other links or when @href has no host
 * @start: the byte offset where the link's text starts in
 *   starling_rich_text_get_text()
 * @end: the byte offset where it ends
 *
 * A link of a #StarlingRichText. The links are in the order of the `<a>`
 * elements of the markup: the n-th link is the n-th `<a>`.
 */
typedef struct
{
  StarlingLinkKind  kind;
  char             *href;
  char             *name;
  char             *host;
  gsize             start;
  gsize             end;
} StarlingLink;

/**
 * StarlingEmojiSpan:
 * @shortcode: the custom emoji's shortcode, without colons
 * @offset: the byte offset of its U+FFFC in starling_rich_text_get_text()
 *
 * Where a custom emoji goes in a #StarlingRichText. The text (and the
 * markup) holds one U+OBJECT REPLACEMENT CHARACTER, three bytes, in its
 * place; nothing else in them is U+FFFC.
 */
typedef struct
{
  char  *shortcode;
  gsize  offset;
} StarlingEmojiSpan;

#define STARLING_TYPE_RICH_TEXT (starling_rich_text_get_type ())

typedef struct _StarlingRichText StarlingRichText;

GType                     starling_rich_text_get_type      (void) G_GNUC_CONST;
StarlingRichText         *starling_rich_text_ref           (StarlingRichText *self);
void                      starling_rich_text_unref         (StarlingRichText *self);
const char               *starling_rich_text_get_markup    (StarlingRichText *self);
const char               *starling_rich_text_get_text      (StarlingRichText *self);
guint                     starling_rich_text_get_n_links   (StarlingRichText *self);
const StarlingLink       *starling_rich_text_get_link      (StarlingRichText *self,
                                                            guint             index);
const StarlingLink       *starling_rich_text_find_link     (StarlingRichText *self,
                                                            const char       *href);
guint                     starling_rich_text_get_n_emojis  (StarlingRichText *self);
const StarlingEmojiSpan  *starling_rich_text_get_emoji     (StarlingRichText *self,
                                                            guint             index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StarlingRichText, starling_rich_text_unref)

G_END_DECLS
