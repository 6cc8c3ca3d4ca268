import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { canInTenant } from '../../access/canInTenant'
import type { TenantAwareUser } from '../../access/tenantMembership'
import { slugs } from '../../collections/slugs'
import { isRowId, sqlList, transactionDb } from '../../db/transaction'
import { tenantIdOf } from '../../hooks/tenantIdOf'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors'
import { plus } from './amounts'
import { catalogueTerms, preferredSuppliers } from './catalogue'
import { createPurchaseOrder } from './createPurchaseOrder'
import { idOf } from './pricePurchaseOrder'

type Requisition = { id: number; tenant: number; number: string; warehouse: number; status: string; neededBy?: string | null; lines: { item: number; quantity: number; supplier?: number | null }[] }

/**
 * Turns open requisitions into draft purchase orders, one per (supplier, warehouse): each line goes to the
 * supplier it names, else to the item's preferred supplier; quantities of one item are summed and rounded up to
 * whole purchase packs (and the supplier's minimum). The requisitions become `ordered` and point at their orders.
 */
export async function convertRequisitions({ req, ids }: { req: PayloadRequest; ids: unknown }) {
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => Number.isInteger(Number(id)))) {
    throw new ValidationError('VALIDATION.IDS', 'Give the ids of the requisitions to convert', 'ids')
  }
  const uniqueIds = [...new Set(ids.map(Number))].sort((a, b) => a - b)
  const db = await transactionDb(req)
  await db.execute(sql`SELECT id FROM requisitions WHERE id IN ${sqlList(uniqueIds)} ORDER BY id FOR UPDATE`)
  const user = req.user as TenantAwareUser | null
  const requisitions: Requisition[] = []
  for (const id of uniqueIds) {
    const doc = await req.payload.findByID({ collection: slugs.requisitions, id, depth: 0, req, overrideAccess: true, disableErrors: true })
    if (!doc || !canInTenant({ user, tenantId: tenantIdOf(doc), area: 'requisitions', action: 'read' })) throw new NotFoundError(`Requisition ${id} not found`)
    if (!canInTenant({ user, tenantId: tenantIdOf(doc), area: 'requisitions', action: 'convert' })) throw new ForbiddenError(`Your role cannot turn requisitions into purchase orders (${doc.number}).`)
    if (doc.status !== 'open') throw new ConflictError('REQUISITION.INVALID_TRANSITION', `${doc.number} is ${doc.status}; only open requisitions can be ordered.`)
    requisitions.push({
      ...(doc as any),
      id,
      tenant: tenantIdOf(doc),
      warehouse: idOf(doc.warehouse),
      lines: ((doc.lines ?? []) as any[]).map((line) => ({ item: idOf(line.item), quantity: line.quantity, supplier: line.supplier ? idOf(line.supplier) : null })),
    })
  }
  const tenantId = requisitions[0].tenant
  if (requisitions.some((requisition) => requisition.tenant !== tenantId)) throw new ValidationError('REQUISITION.TENANTS', 'Convert the requisitions of one tenant at a time', 'ids')

  const preferred = await preferredSuppliers({ req, tenantId, itemIds: requisitions.flatMap((requisition) => requisition.lines.map((line) => line.item)) })
  const groups = new Map<string, { supplierId: number; warehouseId: number; quantities: Map<number, string>; requisitions: Set<number>; neededBy: string | null }>()
  requisitions.forEach((requisition) =>
    requisition.lines.forEach((line, index) => {
      const supplierId = line.supplier ?? preferred.get(line.item)
      if (!supplierId) throw new ValidationError('REQUISITION.NO_SUPPLIER', `${requisition.number}: item ${line.item} has no preferred supplier; name one on the line`, `lines.${index}.supplier`)
      const key = `${supplierId}|${requisition.warehouse}`
      const group = groups.get(key) ?? { supplierId, warehouseId: requisition.warehouse, quantities: new Map(), requisitions: new Set(), neededBy: null }
      group.quantities.set(line.item, plus(group.quantities.get(line.item) ?? '0', String(line.quantity)))
      group.requisitions.add(requisition.id)
      if (requisition.neededBy && (!group.neededBy || requisition.neededBy < group.neededBy)) group.neededBy = requisition.neededBy
      groups.set(key, group)
    }),
  )

  const orders: { id: number; supplier: number; warehouse: number; requisitions: number[] }[] = []
  for (const group of groups.values()) {
    const items = [...group.quantities]
    const terms = await catalogueTerms({ req, tenantId, supplierId: group.supplierId, lines: items.map(([itemId]) => ({ itemId })) })
    const values = items.map(([, quantity], index) => sql`(${index}::int, ${quantity}::numeric, ${terms.get(index)?.packSize ?? '1'}::numeric, ${terms.get(index)?.minimumOrderQuantity ?? null}::numeric)`)
    const { rows } = await db.execute<{ packs: string }>(sql`SELECT greatest(ceil(q / pk), coalesce(moq, 0))::text AS packs FROM (VALUES ${sql.join(values, sql`, `)}) AS v(i, q, pk, moq) ORDER BY i`)
    const numbers = requisitions.filter((requisition) => group.requisitions.has(requisition.id)).map((requisition) => requisition.number)
    const po = await createPurchaseOrder({
      req,
      tenantId,
      supplierId: group.supplierId,
      warehouseId: group.warehouseId,
      expectedDate: group.neededBy,
      notes: `From requisition${numbers.length === 1 ? '' : 's'} ${numbers.join(', ')}`,
      lines: items.map(([itemId], index) => ({ itemId, quantity: rows[index].packs })),
    })
    orders.push({ id: Number(po.id), supplier: group.supplierId, warehouse: group.warehouseId, requisitions: [...group.requisitions] })
  }
  for (const requisition of requisitions) {
    await req.payload.update({
      collection: slugs.requisitions,
      id: requisition.id,
      data: { status: 'ordered', purchaseOrders: orders.filter((order) => order.requisitions.includes(requisition.id)).map((order) => order.id), orderedBy: req.user!.id, orderedAt: new Date().toISOString() },
      req,
      overrideAccess: true,
      depth: 0,
    })
  }
  return { purchaseOrders: orders }
}

/** Open → cancelled. */
export async function cancelRequisition({ req, id }: { req: PayloadRequest; id: number }) {
  const doc = isRowId(id) ? await req.payload.findByID({ collection: slugs.requisitions, id, depth: 0, req, user: req.user, overrideAccess: false, disableErrors: true }) : null
  if (!doc) throw new NotFoundError(`Requisition ${id} not found`)
  if (!canInTenant({ user: req.user as TenantAwareUser, tenantId: tenantIdOf(doc), area: 'requisitions', action: 'update' })) throw new ForbiddenError('Your role cannot cancel requisitions.')
  if (doc.status !== 'open') throw new ConflictError('REQUISITION.INVALID_TRANSITION', `${doc.number} is ${doc.status}; it cannot be cancelled.`)
  return req.payload.update({ collection: slugs.requisitions, id, data: { status: 'cancelled' }, req, overrideAccess: true, depth: 0 })
}
