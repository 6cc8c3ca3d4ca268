import type { PayloadRequest } from 'payload'

import { slugs } from '../../collections/slugs'
import { ValidationError } from '../errors'
import { findSystemLocationId } from '../stock/locations'
import { postMovements } from '../stock/postMovements'
import { idOf, loadForAction, userIdOf } from '../warehouseOps/documentWorkflow'
import { itemOf, loadItems, quantityOf, warehouseLocation } from '../warehouseOps/lineRefs'
import { reasonOf } from '../warehouseOps/reasons'
import { WASTE_REASONS, WASTE_TRANSITIONS, type WasteStatus } from './transitions'

type WasteLine = { item: number; lot?: number | null; quantity: number; reason: string }
type WasteEntry = { id: number; tenant: number; number: string; status: WasteStatus; warehouse: number; location?: number | null; lines: WasteLine[] }

/**
 * Draft → posted: each wasted line moves from the warehouse's stock to scrap with its reason (expired, spoiled,
 * overproduction, dropped). The cost is whatever the posting path records on the ledger entry.
 */
export async function postWasteEntry({ req, id }: { req: PayloadRequest; id: number }) {
  const doc = await loadForAction<WasteStatus, 'post', any>({ req, collection: slugs.wasteEntries, table: 'waste_entries', id, label: 'Waste entry', code: 'WASTE', rules: WASTE_TRANSITIONS, action: 'post' })
  const entry: WasteEntry = { ...doc, warehouse: idOf(doc.warehouse)!, location: idOf(doc.location), lines: doc.lines.map((line: any) => ({ ...line, item: idOf(line.item)!, lot: idOf(line.lot) })) }
  const items = await loadItems({ req, tenantId: entry.tenant, itemIds: entry.lines.map((line) => line.item) })
  const from = await warehouseLocation({ req, tenantId: entry.tenant, warehouseId: entry.warehouse, locationId: entry.location, kinds: ['internal'], path: 'location' })
  const scrap = (await findSystemLocationId({ req, tenantId: entry.tenant, warehouseId: null, kind: 'scrap' }))!
  await postMovements({
    req,
    tenantId: entry.tenant,
    idempotencyKey: `waste-entry:${entry.id}`,
    movements: entry.lines.map((line, index) => ({
      itemId: line.item,
      lotId: line.lot ?? null,
      quantity: quantityOf({ item: itemOf(items, line.item, `lines.${index}.item`), value: line.quantity, path: `lines.${index}.quantity` }),
      fromLocationId: from,
      toLocationId: scrap,
      movementType: 'scrap',
      reasonCode: reasonOf(line.reason, WASTE_REASONS, `lines.${index}.reason`),
      reference: entry.number,
    })),
    source: { collection: slugs.wasteEntries, id: entry.id },
    pathPrefix: 'lines',
  })
  return req.payload.update({
    collection: slugs.wasteEntries,
    id: entry.id,
    data: { status: 'posted', postedBy: userIdOf(req), postedAt: new Date().toISOString() },
    req,
    overrideAccess: true,
    depth: 0,
  })
}

/** Quick entry at the kitchen: creates the waste entry with the caller's rights and posts it, all or nothing. */
export async function recordWaste({ req, data }: { req: PayloadRequest; data: unknown }) {
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ValidationError('VALIDATION.BODY', 'Send the waste entry as a JSON object.')
  const created = await req.payload.create({ collection: slugs.wasteEntries, data: data as any, req, overrideAccess: false, depth: 0 })
  return postWasteEntry({ req, id: Number(created.id) })
}
