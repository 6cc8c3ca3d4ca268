import type { CollectionBeforeChangeHook } from 'payload'

import { slugs } from '../collections/slugs'

/** Attributes a new document to the caller (a person or an integration's API-key user); updates keep the original. */
export const stampCreatedBy: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const isUser = req.user?.collection === slugs.users
  return { ...data, createdBy: isUser ? req.user!.id : (data.createdBy ?? null) }
}
