import type { CollectionBeforeChangeHook } from 'payload'

import { nextDocumentNumber } from '../../../domain/numbering/nextDocumentNumber'
import { tenantIdOf } from '../../../hooks/tenantIdOf'

export const assignAdjustmentNumber: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  return { ...data, number: await nextDocumentNumber({ req, tenantId: tenantIdOf(data), prefix: 'ADJ' }) }
}
