/* starling-avatar-stack.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "starling-notifications"

#include "config.h"

#include <string.h>

#include "model/starling-account.h"
#include "ui/accounts/starling-avatar.h"
#include "ui/status/starling-status-text.h"

#include "starling-avatar-stack.h"

/* The avatars of the people behind a grouped notification, each partly
 * over the one before, as Mastodon shows "A and 5 others favourited your
 * post". At most MAX_AVATARS are shown; the avatar widgets are kept and
 * reused when a recycled row shows another group. */
#define MAX_AVATARS 7
#define AVATAR_SIZE 32
#define OVERLAP 8

struct _StarlingAvatarStack
{
  GtkWidget  parent_instance;

  AdwAvatar *avatars[MAX_AVATARS];
  guint      n_shown;
};

G_DEFINE_FINAL_TYPE (StarlingAvatarStack, starling_avatar_stack, GTK_TYPE_WIDGET)

static void
starling_avatar_stack_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  StarlingAvatarStack *self = STARLING_AVATAR_STACK (widget);
  int size = 0;

  if (self->n_shown > 0)
    {
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        size = AVATAR_SIZE + (int) (self->n_shown - 1) * (AVATAR_SIZE - OVERLAP);
      else
        size = AVATAR_SIZE;
    }
  *minimum = *natural = size;
  *minimum_baseline = *natural_baseline = -1;
}

static void
starling_avatar_stack_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  StarlingAvatarStack *self = STARLING_AVATAR_STACK (widget);

  for (guint i = 0; i < MAX_AVATARS; i++)
    {
      GtkAllocation allocation = {
        .x = (int) i * (AVATAR_SIZE - OVERLAP),
        .y = 0,
        .width = AVATAR_SIZE,
        .height = AVATAR_SIZE,
      };

      if (gtk_widget_get_visible (GTK_WIDGET (self->avatars[i])))
        gtk_widget_size_allocate (GTK_WIDGET (self->avatars[i]), &allocation, -1);
    }
}

static void
starling_avatar_stack_dispose (GObject *object)
{
  StarlingAvatarStack *self = STARLING_AVATAR_STACK (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  memset (self->avatars, 0, sizeof self->avatars);

  G_OBJECT_CLASS (starling_avatar_stack_parent_class)->dispose (object);
}

static void
starling_avatar_stack_class_init (StarlingAvatarStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = starling_avatar_stack_dispose;
  widget_class->measure = starling_avatar_stack_measure;
  widget_class->size_allocate = starling_avatar_stack_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "avatarstack");
  /* The avatars only show who the summary beside them names. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
starling_avatar_stack_init (StarlingAvatarStack *self)
{
  /* The first avatar is drawn last, on top, as the most recent person. */
  for (guint i = MAX_AVATARS; i > 0; i--)
    {
      self->avatars[i - 1] = ADW_AVATAR (adw_avatar_new (AVATAR_SIZE, NULL, TRUE));
      gtk_widget_set_visible (GTK_WIDGET (self->avatars[i - 1]), FALSE);
      gtk_widget_set_parent (GTK_WIDGET (self->avatars[i - 1]), GTK_WIDGET (self));
    }
}

GtkWidget *
starling_avatar_stack_new (void)
{
  return g_object_new (STARLING_TYPE_AVATAR_STACK, NULL);
}

/**
 * starling_avatar_stack_set_accounts:
 * @self: a #StarlingAvatarStack
 * @accounts: (nullable) (element-type StarlingAccount): the people, most
 *   recent first
 * @loader: (nullable): the image loader
 *
 * Shows the first avatars of @accounts.
 */
void
starling_avatar_stack_set_accounts (StarlingAvatarStack *self,
                                    GPtrArray           *accounts,
                                    StarlingImageLoader *loader)
{
  guint n;

  g_return_if_fail (STARLING_IS_AVATAR_STACK (self));

  n = accounts != NULL ? MIN (accounts->len, MAX_AVATARS) : 0;
  for (guint i = 0; i < MAX_AVATARS; i++)
    {
      AdwAvatar *avatar = self->avatars[i];

      if (i < n)
        {
          StarlingAccount *account = g_ptr_array_index (accounts, i);
          g_autofree char *name = starling_status_text_dup_plain_name (account);

          adw_avatar_set_text (avatar, name);
          starling_avatar_set_url (avatar, loader, starling_account_get_avatar_static (account));
          gtk_widget_set_tooltip_text (GTK_WIDGET (avatar), name);
        }
      else
        starling_avatar_set_url (avatar, NULL, NULL);
      gtk_widget_set_visible (GTK_WIDGET (avatar), i < n);
    }

  if (self->n_shown != n)
    {
      self->n_shown = n;
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
}

/* How many avatars are shown. */
guint
starling_avatar_stack_get_n_shown (StarlingAvatarStack *self)
{
  g_return_val_if_fail (STARLING_IS_AVATAR_STACK (self), 0);

  return self->n_shown;
}
