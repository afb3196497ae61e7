/* starling-rich-label.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-status"

#include "config.h"

#include "starling-rich-label.h"

/* A GtkLabel showing a StarlingRichText, with a picture over each custom
 * emoji. A label cannot hold pictures, so the text holds one U+FFFC per
 * emoji, a Pango shape attribute gives that character the emoji's size,
 * and on each allocation a GtkPicture child is placed on the character's
 * rectangle (pango_layout_index_to_pos), the way Fractal and Tuba do it.
 *
 * Links are not opened here: "link-activated" says which #StarlingLink
 * was clicked and the owner decides (mentions and hashtags open inside the
 * app, other links in the browser). */
struct _StarlingRichLabel
{
  GtkWidget         parent_instance;

  GtkLabel         *label;
  StarlingRichText *text;
  /* One GtkPicture per emoji span, in the order of the spans. */
  GPtrArray        *pictures;
  int               emoji_size;
};

G_DEFINE_FINAL_TYPE (StarlingRichLabel, starling_rich_label, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EMOJI_SIZE,
  N_PROPS
};

enum {
  LINK_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

#define DEFAULT_EMOJI_SIZE 20

static void
clear_pictures (StarlingRichLabel *self)
{
  for (guint i = 0; i < self->pictures->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->pictures, i));
  g_ptr_array_set_size (self->pictures, 0);
}

static void
update_attributes (StarlingRichLabel *self)
{
  g_autoptr (PangoAttrList) attrs = pango_attr_list_new ();
  PangoRectangle rect;

  if (self->text == NULL)
    {
      gtk_label_set_attributes (self->label, NULL);
      return;
    }

  /* The box of one emoji: as tall as it is wide, sitting on the baseline
   * with a fifth of it below, like a capital letter's descender space. */
  rect.x = 0;
  rect.width = self->emoji_size * PANGO_SCALE;
  rect.height = self->emoji_size * PANGO_SCALE;
  rect.y = -(self->emoji_size * PANGO_SCALE * 4) / 5;

  for (guint i = 0; i < starling_rich_text_get_n_emojis (self->text); i++)
    {
      const StarlingEmojiSpan *span = starling_rich_text_get_emoji (self->text, i);
      PangoAttribute *attr = pango_attr_shape_new (&rect, &rect);

      attr->start_index = span->offset;
      attr->end_index = span->offset + 3;
      pango_attr_list_insert (attrs, attr);
    }

  gtk_label_set_attributes (self->label, attrs);
}

static gboolean
activate_link_cb (GtkLabel          *label,
                  const char        *uri,
                  StarlingRichLabel *self)
{
  const StarlingLink *link = NULL;
  gboolean handled = FALSE;

  if (self->text != NULL)
    link = starling_rich_text_find_link (self->text, uri);

  /* The markup holds no link that is not in the rich text; whatever it
   * is, the label never opens anything by itself. */
  if (link != NULL)
    g_signal_emit (self, signals[LINK_ACTIVATED], 0, link, &handled);

  return TRUE;
}

static void
starling_rich_label_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  StarlingRichLabel *self = STARLING_RICH_LABEL (widget);

  gtk_widget_measure (GTK_WIDGET (self->label), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static GtkSizeRequestMode
starling_rich_label_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
starling_rich_label_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  StarlingRichLabel *self = STARLING_RICH_LABEL (widget);
  PangoLayout *layout;
  int offset_x;
  int offset_y;

  gtk_widget_size_allocate (GTK_WIDGET (self->label),
                            &(GtkAllocation) { 0, 0, width, height }, baseline);

  if (self->pictures->len == 0)
    return;

  /* The label lays its text out during its own allocation, so the layout
   * now has the lines as drawn. */
  layout = gtk_label_get_layout (self->label);
  gtk_label_get_layout_offsets (self->label, &offset_x, &offset_y);

  for (guint i = 0; i < self->pictures->len; i++)
    {
      GtkWidget *picture = g_ptr_array_index (self->pictures, i);
      const StarlingEmojiSpan *span = starling_rich_text_get_emoji (self->text, i);
      PangoRectangle pos;
      int x;
      int y;
      int unused;

      pango_layout_index_to_pos (layout, (int) span->offset, &pos);
      x = offset_x + PANGO_PIXELS (pos.x);
      y = offset_y + PANGO_PIXELS (pos.y) + (PANGO_PIXELS (pos.height) - self->emoji_size) / 2;

      /* A picture whose place falls outside the label (the text was cut
       * short) is not shown rather than drawn over its neighbours. */
      /* GTK wants children measured before they are allocated; the size
       * is the emoji's, whatever the picture would like. */
      gtk_widget_measure (picture, GTK_ORIENTATION_HORIZONTAL, -1, &unused, NULL, NULL, NULL);
      gtk_widget_set_child_visible (picture, x >= 0 && x + self->emoji_size <= width + 1
                                             && y >= 0 && y + self->emoji_size <= height + 1);
      gtk_widget_size_allocate (picture,
                                &(GtkAllocation) { x, y, self->emoji_size, self->emoji_size }, -1);
    }
}

static void
starling_rich_label_dispose (GObject *object)
{
  StarlingRichLabel *self = STARLING_RICH_LABEL (object);

  if (self->pictures != NULL)
    clear_pictures (self);
  g_clear_pointer (&self->pictures, g_ptr_array_unref);
  if (self->label != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->label));
      self->label = NULL;
    }
  g_clear_pointer (&self->text, starling_rich_text_unref);

  G_OBJECT_CLASS (starling_rich_label_parent_class)->dispose (object);
}

static void
starling_rich_label_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  StarlingRichLabel *self = STARLING_RICH_LABEL (object);

  switch (prop_id)
    {
    case PROP_EMOJI_SIZE:
      g_value_set_int (value, self->emoji_size);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_rich_label_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  StarlingRichLabel *self = STARLING_RICH_LABEL (object);

  switch (prop_id)
    {
    case PROP_EMOJI_SIZE:
      starling_rich_label_set_emoji_size (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_rich_label_class_init (StarlingRichLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = starling_rich_label_dispose;
  object_class->get_property = starling_rich_label_get_property;
  object_class->set_property = starling_rich_label_set_property;

  widget_class->measure = starling_rich_label_measure;
  widget_class->get_request_mode = starling_rich_label_get_request_mode;
  widget_class->size_allocate = starling_rich_label_size_allocate;

  properties[PROP_EMOJI_SIZE] =
    g_param_spec_int ("emoji-size", NULL, NULL, 8, 128, DEFAULT_EMOJI_SIZE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StarlingRichLabel::link-activated:
   * @self: the label
   * @link: (type gpointer): the #StarlingLink that was clicked
   *
   * Returns: %TRUE when the link was handled
   */
  signals[LINK_ACTIVATED] =
    g_signal_new ("link-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_POINTER);

  gtk_widget_class_set_css_name (widget_class, "richlabel");
  /* A container: without a role of its own, GTK 4.8 would read its type name. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
starling_rich_label_init (StarlingRichLabel *self)
{
  self->emoji_size = DEFAULT_EMOJI_SIZE;
  self->pictures = g_ptr_array_new ();

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_wrap_mode (self->label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->label, 0.0f);
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));
  g_signal_connect_object (self->label, "activate-link", G_CALLBACK (activate_link_cb), self, 0);
}

/**
 * starling_rich_label_new:
 *
 * Returns: (transfer floating): a new, empty label
 */
GtkWidget *
starling_rich_label_new (void)
{
  return g_object_new (STARLING_TYPE_RICH_LABEL, NULL);
}

/**
 * starling_rich_label_set_rich_text:
 * @self: a label
 * @text: (nullable): what to show
 *
 * Shows @text, with an empty picture for each custom emoji; give them
 * their images with starling_rich_label_set_emoji_paintable().
 */
void
starling_rich_label_set_rich_text (StarlingRichLabel *self,
                                   StarlingRichText  *text)
{
  g_return_if_fail (STARLING_IS_RICH_LABEL (self));

  if (self->text == text)
    return;

  clear_pictures (self);
  g_clear_pointer (&self->text, starling_rich_text_unref);
  if (text != NULL)
    self->text = starling_rich_text_ref (text);

  gtk_label_set_markup (self->label, text != NULL ? starling_rich_text_get_markup (text) : "");
  update_attributes (self);

  for (guint i = 0; text != NULL && i < starling_rich_text_get_n_emojis (text); i++)
    {
      const StarlingEmojiSpan *span = starling_rich_text_get_emoji (text, i);
      g_autofree char *name = g_strdup_printf (":%s:", span->shortcode);
      GtkWidget *picture = gtk_picture_new ();

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
      gtk_widget_set_tooltip_text (picture, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (picture),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      gtk_widget_add_css_class (picture, "custom-emoji");
      gtk_widget_set_parent (picture, GTK_WIDGET (self));
      g_ptr_array_add (self->pictures, picture);
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * starling_rich_label_get_rich_text:
 * @self: a label
 *
 * Returns: (transfer none) (nullable): what the label shows
 */
StarlingRichText *
starling_rich_label_get_rich_text (StarlingRichLabel *self)
{
  g_return_val_if_fail (STARLING_IS_RICH_LABEL (self), NULL);

  return self->text;
}

/**
 * starling_rich_label_get_label:
 * @self: a label
 *
 * Returns: (transfer none): the #GtkLabel inside, to set its wrapping,
 *   lines and style classes
 */
GtkLabel *
starling_rich_label_get_label (StarlingRichLabel *self)
{
  g_return_val_if_fail (STARLING_IS_RICH_LABEL (self), NULL);

  return self->label;
}

/**
 * starling_rich_label_get_text:
 * @self: a label
 *
 * Returns: the text shown, without markup
 */
const char *
starling_rich_label_get_text (StarlingRichLabel *self)
{
  g_return_val_if_fail (STARLING_IS_RICH_LABEL (self), NULL);

  return gtk_label_get_text (self->label);
}

int
starling_rich_label_get_emoji_size (StarlingRichLabel *self)
{
  g_return_val_if_fail (STARLING_IS_RICH_LABEL (self), DEFAULT_EMOJI_SIZE);

  return self->emoji_size;
}

/**
 * starling_rich_label_set_emoji_size:
 * @self: a label
 * @size: the width and height of a custom emoji, in pixels
 */
void
starling_rich_label_set_emoji_size (StarlingRichLabel *self,
                                    int                size)
{
  g_return_if_fail (STARLING_IS_RICH_LABEL (self));

  size = CLAMP (size, 8, 128);
  if (self->emoji_size == size)
    return;

  self->emoji_size = size;
  update_attributes (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMOJI_SIZE]);
}

guint
starling_rich_label_get_n_emojis (StarlingRichLabel *self)
{
  g_return_val_if_fail (STARLING_IS_RICH_LABEL (self), 0);

  return self->pictures->len;
}

/**
 * starling_rich_label_get_emoji_picture:
 * @self: a label
 * @index: the index of an emoji span
 *
 * Returns: (transfer none): the picture drawn over the @index-th emoji
 */
GtkPicture *
starling_rich_label_get_emoji_picture (StarlingRichLabel *self,
                                       guint              index)
{
  g_return_val_if_fail (STARLING_IS_RICH_LABEL (self), NULL);
  g_return_val_if_fail (index < self->pictures->len, NULL);

  return g_ptr_array_index (self->pictures, index);
}

/**
 * starling_rich_label_set_emoji_paintable:
 * @self: a label
 * @shortcode: a custom emoji's shortcode, without colons
 * @paintable: (nullable): its image
 *
 * Shows @paintable over every place @shortcode appears.
 */
void
starling_rich_label_set_emoji_paintable (StarlingRichLabel *self,
                                         const char        *shortcode,
                                         GdkPaintable      *paintable)
{
  g_return_if_fail (STARLING_IS_RICH_LABEL (self));
  g_return_if_fail (shortcode != NULL);

  for (guint i = 0; i < self->pictures->len; i++)
    {
      const StarlingEmojiSpan *span = starling_rich_text_get_emoji (self->text, i);

      if (g_str_equal (span->shortcode, shortcode))
        gtk_picture_set_paintable (g_ptr_array_index (self->pictures, i), paintable);
    }
}
