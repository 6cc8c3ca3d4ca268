import type { CollectionBeforeChangeHook } from 'payload'

import { nextDocumentNumber } from '../domain/numbering/nextDocumentNumber'
import { tenantIdOf } from './tenantIdOf'

/** Gives a new document the next gapless number of its tenant's `prefix` series (TRF-000001…). */
export const assignDocumentNumber =
  (prefix: string): CollectionBeforeChangeHook =>
  async ({ data, operation, req }) => {
    if (operation !== 'create') return data
    return { ...data, number: await nextDocumentNumber({ req, tenantId: tenantIdOf(data), prefix }) }
  }
