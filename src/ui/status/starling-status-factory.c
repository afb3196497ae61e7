/* starling-status-factory.c
 * Copyright 2026 The Starling developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list item factory of the lists of posts (a timeline, a thread, a
 * profile's tabs): a GtkSignalListItemFactory that knows the account the
 * list is for and the image loader, and points each StarlingStatusRow it
 * binds at them. The pages connect their own "setup", "bind" and "unbind"
 * for what their list items hold besides (a gap, a footer, a thread's
 * indentation) and call starling_status_factory_bind_row() for the post.
 */

#define G_LOG_DOMAIN "starling-status"

#include "config.h"

#include "model/starling-account.h"

#include "starling-status-factory.h"

typedef struct
{
  StarlingAccountSession *session;
  StarlingImageLoader    *loader;
} Context;

static void
context_free (Context *context)
{
  g_clear_object (&context->session);
  g_clear_object (&context->loader);
  g_free (context);
}

static Context *
context_of (GtkListItemFactory *factory)
{
  return g_object_get_data (G_OBJECT (factory), "starling-status-factory");
}

/**
 * starling_status_factory_new:
 *
 * Returns: (transfer full): a #GtkSignalListItemFactory for rows of posts,
 *   for no account yet (see starling_status_factory_set_session())
 */
GtkListItemFactory *
starling_status_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data_full (G_OBJECT (factory), "starling-status-factory", g_new0 (Context, 1),
                          (GDestroyNotify) context_free);
  return factory;
}

/**
 * starling_status_factory_set_session:
 * @factory: a factory of starling_status_factory_new()
 * @session: (nullable): the account the list is read with
 *
 * Rows bound from now on act with @session's client and know its own
 * posts.
 */
void
starling_status_factory_set_session (GtkListItemFactory     *factory,
                                     StarlingAccountSession *session)
{
  g_return_if_fail (context_of (factory) != NULL);

  g_set_object (&context_of (factory)->session, session);
}

/**
 * starling_status_factory_set_image_loader:
 * @factory: a factory of starling_status_factory_new()
 * @loader: (nullable): what loads the rows' pictures
 */
void
starling_status_factory_set_image_loader (GtkListItemFactory  *factory,
                                          StarlingImageLoader *loader)
{
  g_return_if_fail (context_of (factory) != NULL);

  g_set_object (&context_of (factory)->loader, loader);
}

/**
 * starling_status_factory_prepare_row:
 * @factory: a factory of starling_status_factory_new()
 * @row: a row of one of its list items
 *
 * Points @row at the account's client (its current one: a new sign-in
 * replaces it), the account's own id and the image loader.
 */
void
starling_status_factory_prepare_row (GtkListItemFactory *factory,
                                     StarlingStatusRow  *row)
{
  Context *context = context_of (factory);
  StarlingAccount *own;

  g_return_if_fail (context != NULL);
  g_return_if_fail (STARLING_IS_STATUS_ROW (row));

  own = context->session != NULL ? starling_account_session_get_account (context->session) : NULL;
  starling_status_row_set_client (row, context->session != NULL
                                         ? starling_account_session_get_client (context->session)
                                         : NULL);
  starling_status_row_set_image_loader (row, context->loader);
  starling_status_row_set_own_account_id (row, own != NULL ? starling_account_get_id (own) : NULL);
}

/**
 * starling_status_factory_bind_row:
 * @factory: a factory of starling_status_factory_new()
 * @row: a row of one of its list items
 * @status: (nullable): the post it shows now, %NULL at unbind
 *
 * Prepares @row (starling_status_factory_prepare_row()) and shows @status
 * in it.
 */
void
starling_status_factory_bind_row (GtkListItemFactory *factory,
                                  StarlingStatusRow  *row,
                                  StarlingStatus     *status)
{
  g_return_if_fail (STARLING_IS_STATUS_ROW (row));

  if (status != NULL)
    starling_status_factory_prepare_row (factory, row);
  starling_status_row_set_status (row, status);
}
