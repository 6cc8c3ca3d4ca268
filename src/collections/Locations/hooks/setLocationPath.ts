import type { CollectionBeforeChangeHook } from 'payload'

import { slugs } from '../../slugs'
import { ValidationError } from '../../../domain/errors'
import { tenantIdOf } from '../../../hooks/tenantIdOf'

/**
 * A zone, aisle or bin sits under a parent in the same warehouse and takes its kind; its path is the
 * warehouse code followed by the location codes ("CK-01/STOCK/A/03").
 */
export const setLocationPath: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (data.isSystem || originalDoc?.isSystem) return data
  const merged = { ...originalDoc, ...data }
  const tenantId = tenantIdOf(merged)
  const parentId = merged.parent && typeof merged.parent === 'object' ? merged.parent.id : merged.parent
  if (!parentId) throw new ValidationError('LOCATION.PARENT_REQUIRED', 'Choose the parent location (e.g. the warehouse Stock location).', 'parent')
  const parent = await req.payload.findByID({ collection: slugs.locations, id: parentId, depth: 0, req, overrideAccess: true })
  if (tenantIdOf(parent) !== tenantId || parent.warehouse == null) {
    throw new ValidationError('LOCATION.PARENT_INVALID', 'The parent must be a location of a warehouse of the same tenant.', 'parent')
  }
  const givenWarehouse = data.warehouse && typeof data.warehouse === 'object' ? data.warehouse.id : data.warehouse
  if (givenWarehouse != null && String(givenWarehouse) !== String(parent.warehouse)) {
    throw new ValidationError('LOCATION.WAREHOUSE_MISMATCH', 'A location belongs to the warehouse of its parent.', 'warehouse')
  }
  if (operation === 'update' && originalDoc && String(parentId) === String(originalDoc.id)) {
    throw new ValidationError('LOCATION.PARENT_INVALID', 'A location cannot be its own parent.', 'parent')
  }
  return { ...data, warehouse: parent.warehouse, kind: parent.kind, path: `${parent.path}/${merged.code}` }
}
