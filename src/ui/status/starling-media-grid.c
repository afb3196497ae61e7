/* starling-media-grid.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-status"

#include "config.h"

#include <glib/gi18n.h>

#include "text/starling-blurhash.h"

#include "starling-media-grid.h"

/* The attachments of a post, one to four tiles. The grid's height comes
 * from the attachments' `meta` (their aspect ratio) and the width alone,
 * never from the pictures, so a row keeps its height when the images
 * arrive: until then each tile shows its blurhash. Sensitive media stay
 * behind a cover until it is clicked. */

#define SPACING 4
#define MAX_SINGLE_HEIGHT 360
#define MAX_GRID_HEIGHT 300
#define MIN_ASPECT 0.6
#define MAX_ASPECT 2.4
#define BLURHASH_SIZE 32
#define MAX_TILES 4

typedef struct
{
  StarlingMediaAttachment *attachment;
  GtkWidget               *button;
  GtkPicture              *picture;
  gboolean                 has_image;
  GdkPaintable            *image;
  GdkTexture              *placeholder;
} Tile;

struct _StarlingMediaGrid
{
  GtkWidget  parent_instance;

  GPtrArray *attachments;
  GArray    *tiles;
  GtkWidget *cover;
  GtkWidget *hide_button;
  gboolean   sensitive_media;
  gboolean   revealed;
};

G_DEFINE_FINAL_TYPE (StarlingMediaGrid, starling_media_grid, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REVEALED,
  N_PROPS
};

enum {
  ACTIVATE,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static double
attachment_aspect (StarlingMediaAttachment *attachment)
{
  double aspect = starling_media_attachment_get_aspect (attachment);
  int width = starling_media_attachment_get_width (attachment);
  int height = starling_media_attachment_get_height (attachment);

  if (!(aspect > 0) && width > 0 && height > 0)
    aspect = (double) width / height;
  if (!(aspect > 0))
    aspect = 16.0 / 9.0;

  return aspect;
}

/**
 * starling_media_grid_height_for_width:
 * @attachments: (element-type StarlingMediaAttachment): the attachments
 * @width: the width of the grid
 *
 * The height a grid of @attachments takes at @width: one attachment at its
 * own aspect ratio (kept between tall 3:5 and wide 12:5, at most 360
 * pixels), several in a 16:9 frame (at most 300). It depends on nothing
 * else, so the row never changes height when the pictures arrive.
 *
 * Returns: the height in pixels
 */
int
starling_media_grid_height_for_width (GPtrArray *attachments,
                                      int        width)
{
  guint n = attachments != NULL ? MIN (attachments->len, MAX_TILES) : 0;

  if (n == 0 || width <= 0)
    return 0;

  if (n == 1)
    {
      double aspect = CLAMP (attachment_aspect (g_ptr_array_index (attachments, 0)), MIN_ASPECT, MAX_ASPECT);

      return MIN ((int) (width / aspect + 0.5), MAX_SINGLE_HEIGHT);
    }

  return MIN ((int) (width * 9.0 / 16.0 + 0.5), MAX_GRID_HEIGHT);
}

/**
 * starling_media_blurhash_texture:
 * @blurhash: (nullable): an attachment's blurhash
 * @aspect: the attachment's aspect ratio (width / height)
 *
 * Draws the placeholder of an attachment small (the picture scales it up
 * smoothly; a blurhash holds no detail).
 *
 * Returns: (transfer full) (nullable): the placeholder, or %NULL when
 *   @blurhash is missing or malformed
 */
GdkTexture *
starling_media_blurhash_texture (const char *blurhash,
                                 double      aspect)
{
  g_autoptr (GBytes) bytes = NULL;
  guint8 *pixels;
  int width;
  int height;

  if (blurhash == NULL || !starling_blurhash_is_valid (blurhash))
    return NULL;

  if (!(aspect > 0))
    aspect = 1.0;
  aspect = CLAMP (aspect, 0.25, 4.0);
  if (aspect >= 1.0)
    {
      width = BLURHASH_SIZE;
      height = MAX (1, (int) (BLURHASH_SIZE / aspect));
    }
  else
    {
      height = BLURHASH_SIZE;
      width = MAX (1, (int) (BLURHASH_SIZE * aspect));
    }

  pixels = starling_blurhash_decode (blurhash, width, height, 1, NULL);
  if (pixels == NULL)
    return NULL;

  bytes = g_bytes_new_take (pixels, (gsize) width * height * 4);
  return gdk_memory_texture_new (width, height, GDK_MEMORY_R8G8B8A8, bytes, (gsize) width * 4);
}

static void
update_tile_picture (StarlingMediaGrid *self,
                     Tile              *tile)
{
  /* Hidden sensitive media show only their blurhash, never the picture. */
  if (tile->image != NULL && (!self->sensitive_media || self->revealed))
    gtk_picture_set_paintable (tile->picture, tile->image);
  else
    gtk_picture_set_paintable (tile->picture, GDK_PAINTABLE (tile->placeholder));
}

static void
update_cover (StarlingMediaGrid *self)
{
  gboolean hidden = self->sensitive_media && !self->revealed;

  gtk_widget_set_visible (self->cover, hidden && self->tiles->len > 0);
  gtk_widget_set_visible (self->hide_button, self->sensitive_media && self->revealed && self->tiles->len > 0);

  for (guint i = 0; i < self->tiles->len; i++)
    {
      Tile *tile = &g_array_index (self->tiles, Tile, i);

      /* Behind the cover the tiles cannot be reached by keyboard either. */
      gtk_widget_set_can_target (tile->button, !hidden);
      gtk_widget_set_can_focus (tile->button, !hidden);
      update_tile_picture (self, tile);
    }
}

static void
tile_clicked_cb (GtkButton         *button,
                 StarlingMediaGrid *self)
{
  for (guint i = 0; i < self->tiles->len; i++)
    if (g_array_index (self->tiles, Tile, i).button == GTK_WIDGET (button))
      g_signal_emit (self, signals[ACTIVATE], 0, i);
}

static void
cover_clicked_cb (GtkButton         *button,
                  StarlingMediaGrid *self)
{
  starling_media_grid_set_revealed (self, TRUE);
}

static void
hide_clicked_cb (GtkButton         *button,
                 StarlingMediaGrid *self)
{
  starling_media_grid_set_revealed (self, FALSE);
}

static const char *
type_name (StarlingMediaAttachment *attachment)
{
  switch (starling_media_attachment_get_media_type (attachment))
    {
    case STARLING_MEDIA_TYPE_VIDEO:
      return _("Video");
    case STARLING_MEDIA_TYPE_GIFV:
      return _("Animated GIF");
    case STARLING_MEDIA_TYPE_AUDIO:
      return _("Audio");
    case STARLING_MEDIA_TYPE_IMAGE:
    case STARLING_MEDIA_TYPE_UNKNOWN:
    default:
      return _("Image");
    }
}

static GtkWidget *
make_badge (const char *text,
            const char *tooltip)
{
  GtkWidget *badge = gtk_label_new (text);

  gtk_widget_add_css_class (badge, "media-badge");
  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  gtk_widget_set_valign (badge, GTK_ALIGN_END);
  gtk_widget_set_margin_start (badge, 6);
  gtk_widget_set_margin_bottom (badge, 6);
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (badge, tooltip);

  return badge;
}

static void
add_tile (StarlingMediaGrid       *self,
          StarlingMediaAttachment *attachment,
          guint                    index,
          guint                    n)
{
  StarlingMediaType type = starling_media_attachment_get_media_type (attachment);
  const char *description = starling_media_attachment_get_description (attachment);
  gboolean has_description = description != NULL && *description != '\0';
  g_autofree char *label = NULL;
  GtkWidget *overlay;
  GtkWidget *badges;
  Tile tile = { 0 };

  tile.attachment = g_object_ref (attachment);
  tile.placeholder = starling_media_blurhash_texture (starling_media_attachment_get_blurhash (attachment),
                                                      attachment_aspect (attachment));

  /* The tile's button says what the picture is ("Image 1 of 3", with its
   * description): the picture itself would read as "GtkPicture". */
  tile.picture = g_object_new (GTK_TYPE_PICTURE, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  gtk_picture_set_can_shrink (tile.picture, TRUE);
  gtk_picture_set_content_fit (tile.picture, GTK_CONTENT_FIT_COVER);
  gtk_widget_add_css_class (GTK_WIDGET (tile.picture), "media-picture");

  overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (tile.picture));

  if (type == STARLING_MEDIA_TYPE_VIDEO || type == STARLING_MEDIA_TYPE_GIFV || type == STARLING_MEDIA_TYPE_AUDIO)
    {
      GtkWidget *play = gtk_image_new_from_icon_name (type == STARLING_MEDIA_TYPE_AUDIO
                                                      ? "audio-x-generic-symbolic"
                                                      : "media-playback-start-symbolic");

      gtk_image_set_pixel_size (GTK_IMAGE (play), 24);
      gtk_widget_add_css_class (play, "media-play");
      gtk_widget_set_halign (play, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (play, GTK_ALIGN_CENTER);
      gtk_overlay_add_overlay (GTK_OVERLAY (overlay), play);
    }

  badges = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_set_halign (badges, GTK_ALIGN_START);
  gtk_widget_set_valign (badges, GTK_ALIGN_END);
  if (has_description)
    /* TRANSLATORS: the badge on a picture that has a description */
    gtk_box_append (GTK_BOX (badges), make_badge (C_("media badge", "ALT"), description));
  if (type == STARLING_MEDIA_TYPE_GIFV)
    gtk_box_append (GTK_BOX (badges), make_badge (C_("media badge", "GIF"), NULL));
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), badges);

  tile.button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (tile.button), overlay);
  gtk_widget_add_css_class (tile.button, "media-tile");
  gtk_widget_set_overflow (tile.button, GTK_OVERFLOW_HIDDEN);
  if (has_description)
    gtk_widget_set_tooltip_text (tile.button, description);

  /* TRANSLATORS: what a screen reader says for an attachment: "Image 1 of 3" */
  label = g_strdup_printf (_("%s %u of %u"), type_name (attachment), index + 1, n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (tile.button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  has_description ? description : _("No description"),
                                  -1);

  g_signal_connect_object (tile.button, "clicked", G_CALLBACK (tile_clicked_cb), self, 0);
  gtk_widget_insert_before (tile.button, GTK_WIDGET (self), self->cover);

  g_array_append_val (self->tiles, tile);
}

static void
clear_tile (gpointer data)
{
  Tile *tile = data;

  g_clear_object (&tile->attachment);
  g_clear_object (&tile->image);
  g_clear_object (&tile->placeholder);
  g_clear_pointer (&tile->button, gtk_widget_unparent);
}

/* The rectangles of the tiles at a size: one fills it; two side by side;
 * three as one tall on the left and two stacked on the right; four in a
 * two-by-two grid. */
static void
tile_rects (guint         n,
            int           width,
            int           height,
            GdkRectangle *rects)
{
  int half_w = (width - SPACING) / 2;
  int half_h = (height - SPACING) / 2;
  int right_x = half_w + SPACING;
  int right_w = width - right_x;
  int bottom_y = half_h + SPACING;
  int bottom_h = height - bottom_y;

  switch (n)
    {
    case 1:
      rects[0] = (GdkRectangle) { 0, 0, width, height };
      break;
    case 2:
      rects[0] = (GdkRectangle) { 0, 0, half_w, height };
      rects[1] = (GdkRectangle) { right_x, 0, right_w, height };
      break;
    case 3:
      rects[0] = (GdkRectangle) { 0, 0, half_w, height };
      rects[1] = (GdkRectangle) { right_x, 0, right_w, half_h };
      rects[2] = (GdkRectangle) { right_x, bottom_y, right_w, bottom_h };
      break;
    default:
      rects[0] = (GdkRectangle) { 0, 0, half_w, half_h };
      rects[1] = (GdkRectangle) { right_x, 0, right_w, half_h };
      rects[2] = (GdkRectangle) { 0, bottom_y, half_w, bottom_h };
      rects[3] = (GdkRectangle) { right_x, bottom_y, right_w, bottom_h };
      break;
    }
}

static void
starling_media_grid_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  StarlingMediaGrid *self = STARLING_MEDIA_GRID (widget);

  if (self->tiles->len == 0)
    {
      *minimum = *natural = 0;
      return;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 96;
      *natural = 560;
    }
  else
    {
      int width = for_size >= 0 ? for_size : 560;

      *minimum = *natural = starling_media_grid_height_for_width (self->attachments, width);
    }
}

static GtkSizeRequestMode
starling_media_grid_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
allocate_child (GtkWidget          *child,
                const GdkRectangle *rect)
{
  int min;

  /* GTK wants every child measured before it is allocated; the grid
   * decides the sizes itself. */
  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, MAX (rect->width, min), &min, NULL, NULL, NULL);
  gtk_widget_size_allocate (child, rect, -1);
}

static void
starling_media_grid_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  StarlingMediaGrid *self = STARLING_MEDIA_GRID (widget);
  GdkRectangle rects[MAX_TILES];
  int min = 0;
  int nat = 0;

  if (self->tiles->len == 0)
    return;

  tile_rects (self->tiles->len, width, height, rects);
  for (guint i = 0; i < self->tiles->len; i++)
    allocate_child (g_array_index (self->tiles, Tile, i).button, &rects[i]);

  if (gtk_widget_should_layout (self->cover))
    allocate_child (self->cover, &(GdkRectangle) { 0, 0, width, height });

  if (gtk_widget_should_layout (self->hide_button))
    {
      int w;

      gtk_widget_measure (self->hide_button, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      w = nat;
      gtk_widget_measure (self->hide_button, GTK_ORIENTATION_VERTICAL, w, &min, &nat, NULL, NULL);
      gtk_widget_size_allocate (self->hide_button,
                                &(GdkRectangle) { MAX (0, width - w - 6), 6, w, nat }, -1);
    }
}

static void
starling_media_grid_dispose (GObject *object)
{
  StarlingMediaGrid *self = STARLING_MEDIA_GRID (object);

  if (self->tiles != NULL)
    g_array_set_size (self->tiles, 0);
  g_clear_pointer (&self->tiles, g_array_unref);
  g_clear_pointer (&self->attachments, g_ptr_array_unref);
  g_clear_pointer (&self->cover, gtk_widget_unparent);
  g_clear_pointer (&self->hide_button, gtk_widget_unparent);

  G_OBJECT_CLASS (starling_media_grid_parent_class)->dispose (object);
}

static void
starling_media_grid_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  StarlingMediaGrid *self = STARLING_MEDIA_GRID (object);

  switch (prop_id)
    {
    case PROP_REVEALED:
      g_value_set_boolean (value, self->revealed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_media_grid_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  StarlingMediaGrid *self = STARLING_MEDIA_GRID (object);

  switch (prop_id)
    {
    case PROP_REVEALED:
      starling_media_grid_set_revealed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
starling_media_grid_class_init (StarlingMediaGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = starling_media_grid_dispose;
  object_class->get_property = starling_media_grid_get_property;
  object_class->set_property = starling_media_grid_set_property;

  widget_class->measure = starling_media_grid_measure;
  widget_class->get_request_mode = starling_media_grid_get_request_mode;
  widget_class->size_allocate = starling_media_grid_size_allocate;

  properties[PROP_REVEALED] =
    g_param_spec_boolean ("revealed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StarlingMediaGrid::activate:
   * @self: the grid
   * @index: the attachment clicked
   */
  signals[ACTIVATE] =
    g_signal_new ("activate",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "mediagrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
starling_media_grid_init (StarlingMediaGrid *self)
{
  GtkWidget *box;
  GtkWidget *title;
  GtkWidget *subtitle;

  self->tiles = g_array_new (FALSE, TRUE, sizeof (Tile));
  g_array_set_clear_func (self->tiles, clear_tile);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  title = gtk_label_new (_("Sensitive Content"));
  gtk_widget_add_css_class (title, "heading");
  subtitle = gtk_label_new (_("Click to show"));
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);

  self->cover = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->cover), box);
  gtk_widget_add_css_class (self->cover, "sensitive-cover");
  gtk_widget_set_tooltip_text (self->cover, _("Show sensitive media"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cover),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sensitive content: show media"),
                                  -1);
  gtk_widget_set_visible (self->cover, FALSE);
  gtk_widget_set_parent (self->cover, GTK_WIDGET (self));
  g_signal_connect_object (self->cover, "clicked", G_CALLBACK (cover_clicked_cb), self, 0);

  self->hide_button = gtk_button_new_from_icon_name ("view-conceal-symbolic");
  gtk_widget_add_css_class (self->hide_button, "osd");
  gtk_widget_add_css_class (self->hide_button, "circular");
  gtk_widget_set_tooltip_text (self->hide_button, _("Hide Media"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->hide_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Hide media"),
                                  -1);
  gtk_widget_set_visible (self->hide_button, FALSE);
  gtk_widget_set_parent (self->hide_button, GTK_WIDGET (self));
  g_signal_connect_object (self->hide_button, "clicked", G_CALLBACK (hide_clicked_cb), self, 0);
}

GtkWidget *
starling_media_grid_new (void)
{
  return g_object_new (STARLING_TYPE_MEDIA_GRID, NULL);
}

/**
 * starling_media_grid_set_attachments:
 * @self: a grid
 * @attachments: (nullable) (element-type StarlingMediaAttachment): what to
 *   show; the first four
 *
 * Shows @attachments with their blurhash; give the pictures with
 * starling_media_grid_set_paintable() as they arrive. The grid is hidden
 * again (when sensitive) whenever its attachments change.
 */
void
starling_media_grid_set_attachments (StarlingMediaGrid *self,
                                     GPtrArray         *attachments)
{
  guint n;

  g_return_if_fail (STARLING_IS_MEDIA_GRID (self));

  g_array_set_size (self->tiles, 0);
  g_clear_pointer (&self->attachments, g_ptr_array_unref);

  n = attachments != NULL ? MIN (attachments->len, MAX_TILES) : 0;
  self->attachments = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (self->attachments, g_object_ref (g_ptr_array_index (attachments, i)));
      add_tile (self, g_ptr_array_index (attachments, i), i, n);
    }

  self->revealed = FALSE;
  update_cover (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED]);
}

guint
starling_media_grid_get_n_items (StarlingMediaGrid *self)
{
  g_return_val_if_fail (STARLING_IS_MEDIA_GRID (self), 0);

  return self->tiles->len;
}

/**
 * starling_media_grid_get_attachment:
 * @self: a grid
 * @index: a tile
 *
 * Returns: (transfer none): the attachment of the @index-th tile
 */
StarlingMediaAttachment *
starling_media_grid_get_attachment (StarlingMediaGrid *self,
                                    guint              index)
{
  g_return_val_if_fail (STARLING_IS_MEDIA_GRID (self), NULL);
  g_return_val_if_fail (index < self->tiles->len, NULL);

  return g_array_index (self->tiles, Tile, index).attachment;
}

gboolean
starling_media_grid_get_sensitive_media (StarlingMediaGrid *self)
{
  g_return_val_if_fail (STARLING_IS_MEDIA_GRID (self), FALSE);

  return self->sensitive_media;
}

/**
 * starling_media_grid_set_sensitive_media:
 * @self: a grid
 * @sensitive: whether the media are marked sensitive
 *
 * Sensitive media are covered until the cover is clicked.
 */
void
starling_media_grid_set_sensitive_media (StarlingMediaGrid *self,
                                         gboolean           sensitive)
{
  g_return_if_fail (STARLING_IS_MEDIA_GRID (self));

  self->sensitive_media = !!sensitive;
  update_cover (self);
}

gboolean
starling_media_grid_get_revealed (StarlingMediaGrid *self)
{
  g_return_val_if_fail (STARLING_IS_MEDIA_GRID (self), FALSE);

  return self->revealed;
}

/**
 * starling_media_grid_set_revealed:
 * @self: a grid
 * @revealed: whether sensitive media are shown
 */
void
starling_media_grid_set_revealed (StarlingMediaGrid *self,
                                  gboolean           revealed)
{
  g_return_if_fail (STARLING_IS_MEDIA_GRID (self));

  revealed = !!revealed;
  if (self->revealed == revealed)
    return;

  self->revealed = revealed;
  update_cover (self);

  /* Keyboard focus was on the cover or the hide button, which just went
   * away: give it to what took their place. */
  if (revealed && self->tiles->len > 0)
    gtk_widget_grab_focus (g_array_index (self->tiles, Tile, 0).button);
  else if (!revealed && self->sensitive_media)
    gtk_widget_grab_focus (self->cover);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED]);
}

/**
 * starling_media_grid_set_paintable:
 * @self: a grid
 * @index: a tile
 * @paintable: (nullable): its picture, decoded at the tile's size
 */
void
starling_media_grid_set_paintable (StarlingMediaGrid *self,
                                   guint              index,
                                   GdkPaintable      *paintable)
{
  Tile *tile;

  g_return_if_fail (STARLING_IS_MEDIA_GRID (self));
  g_return_if_fail (index < self->tiles->len);

  tile = &g_array_index (self->tiles, Tile, index);
  g_set_object (&tile->image, paintable);
  tile->has_image = paintable != NULL;
  update_tile_picture (self, tile);
}

/**
 * starling_media_grid_has_image:
 * @self: a grid
 * @index: a tile
 *
 * Returns: whether the @index-th tile's picture arrived
 */
gboolean
starling_media_grid_has_image (StarlingMediaGrid *self,
                               guint              index)
{
  g_return_val_if_fail (STARLING_IS_MEDIA_GRID (self), FALSE);
  g_return_val_if_fail (index < self->tiles->len, FALSE);

  return g_array_index (self->tiles, Tile, index).has_image;
}

/**
 * starling_media_grid_get_tile:
 * @self: a grid
 * @index: a tile
 *
 * Returns: (transfer none): the button of the @index-th tile
 */
GtkWidget *
starling_media_grid_get_tile (StarlingMediaGrid *self,
                              guint              index)
{
  g_return_val_if_fail (STARLING_IS_MEDIA_GRID (self), NULL);
  g_return_val_if_fail (index < self->tiles->len, NULL);

  return g_array_index (self->tiles, Tile, index).button;
}

/**
 * starling_media_grid_get_cover:
 * @self: a grid
 *
 * Returns: (transfer none): the button that covers sensitive media
 */
GtkWidget *
starling_media_grid_get_cover (StarlingMediaGrid *self)
{
  g_return_val_if_fail (STARLING_IS_MEDIA_GRID (self), NULL);

  return self->cover;
}

/**
 * starling_media_grid_get_tile_size:
 * @self: a grid
 * @index: a tile
 * @width: (out): its width at the grid's current width, or the natural one
 * @height: (out): its height
 *
 * The size a tile takes, to decode its picture at that size.
 */
void
starling_media_grid_get_tile_size (StarlingMediaGrid *self,
                                   guint              index,
                                   int               *width,
                                   int               *height)
{
  GdkRectangle rects[MAX_TILES];
  int grid_width;

  g_return_if_fail (STARLING_IS_MEDIA_GRID (self));
  g_return_if_fail (index < self->tiles->len);

  grid_width = gtk_widget_get_width (GTK_WIDGET (self));
  if (grid_width <= 0)
    grid_width = 560;

  tile_rects (self->tiles->len, grid_width,
              starling_media_grid_height_for_width (self->attachments, grid_width), rects);
  *width = rects[index].width;
  *height = rects[index].height;
}
