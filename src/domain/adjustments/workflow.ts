import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { canInTenant } from '../../access/canInTenant'
import { approvalLimitIn, type TenantAwareUser } from '../../access/tenantMembership'
import { slugs } from '../../collections/slugs'
import { isRowId, sqlList, transactionDb } from '../../db/transaction'
import { tenantIdOf } from '../../hooks/tenantIdOf'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors'
import { findSystemLocationId } from '../stock/locations'
import { postMovements, type Movement } from '../stock/postMovements'
import { parseQuantity } from '../stock/quantity'
import { ADJUSTMENT_TRANSITIONS, mayTakeAction, type AdjustmentAction, type AdjustmentStatus } from './transitions'

type AdjustmentLine = { item: number; quantity: number; reason: string; location?: number | null; lot?: number | null; unitCost?: number | null }
type Adjustment = {
  id: number
  tenant: number
  number: string
  warehouse: number
  status: AdjustmentStatus
  lines: AdjustmentLine[]
  submittedBy?: number | null
  valueAtCost?: number | null
}

/**
 * Loads the adjustment for `action`, locking its row for the rest of the transaction so two transitions of one
 * adjustment run one after the other, and checks the caller's role, the status and the submitter rule.
 */
async function loadForTransition(req: PayloadRequest, id: number, action: AdjustmentAction): Promise<Adjustment> {
  if (!isRowId(id)) throw new NotFoundError(`Adjustment ${id} not found`)
  const db = await transactionDb(req)
  const { rows } = await db.execute(sql`SELECT id FROM adjustments WHERE id = ${id} FOR UPDATE`)
  if (rows.length === 0) throw new NotFoundError(`Adjustment ${id} not found`)
  const doc = await req.payload.findByID({ collection: slugs.adjustments, id, depth: 0, req, overrideAccess: true })
  const adjustment = { ...(doc as any), tenant: tenantIdOf(doc as any), warehouse: Number((doc as any).warehouse) } as Adjustment
  const user = req.user as TenantAwareUser | null
  const rule = ADJUSTMENT_TRANSITIONS[action]
  if (!canInTenant({ user, tenantId: adjustment.tenant, area: 'stock', action: 'read' })) throw new NotFoundError(`Adjustment ${id} not found`)
  if (!mayTakeAction(user, adjustment.tenant, action)) throw new ForbiddenError(`Your role cannot ${action} adjustment ${adjustment.number}.`)
  if (!rule.from.includes(adjustment.status)) {
    throw new ConflictError('ADJUSTMENT.INVALID_TRANSITION', `Adjustment ${adjustment.number} is ${adjustment.status}; it cannot be ${action === 'submit' ? 'submitted' : `${action}d`}.`)
  }
  if (rule.isForbiddenToSubmitter && String(adjustment.submittedBy) === String(user?.id)) {
    throw new ForbiddenError(`You submitted ${adjustment.number}; another approver must ${action} it.`)
  }
  return adjustment
}

/** Costs each line at the item's standard cost and sums |quantity| × cost in SQL. */
async function valueLines(req: PayloadRequest, adjustment: Adjustment) {
  const db = await transactionDb(req)
  const itemIds = [...new Set(adjustment.lines.map((line) => Number(line.item)))]
  const { rows: items } = await db.execute<{ id: number; sku: string; unit_precision: string; base_unit: string; standard_cost: string | null }>(
    sql`SELECT id, sku, unit_precision, base_unit, standard_cost FROM items WHERE tenant_id = ${adjustment.tenant} AND id IN ${sqlList(itemIds)}`,
  )
  const byId = new Map(items.map((item) => [Number(item.id), item]))
  const lines = adjustment.lines.map((line, index) => {
    const item = byId.get(Number(line.item))
    if (!item) throw new NotFoundError(`Item ${line.item} does not exist in this tenant`, `lines.${index}.item`)
    const quantity = parseQuantity({ value: line.quantity, precision: Number(item.unit_precision), unit: item.base_unit, path: `lines.${index}.quantity`, isSigned: true })
    return { ...line, quantity, unitCost: item.standard_cost ?? '0' }
  })
  const pairs = lines.map((line) => sql`(${line.quantity}::numeric, ${line.unitCost}::numeric)`)
  const { rows } = await db.execute<{ value: string }>(sql`SELECT coalesce(sum(abs(q) * c), 0)::text AS value FROM (VALUES ${sql.join(pairs, sql`, `)}) AS v(q, c)`)
  return { lines, value: rows[0].value }
}

async function isAbove(req: PayloadRequest, value: string, limit: number | string | null | undefined): Promise<boolean> {
  if (limit === null || limit === undefined) return false
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ above: boolean }>(sql`SELECT ${value}::numeric > ${String(limit)}::numeric AS above`)
  return rows[0].above
}

async function post(req: PayloadRequest, adjustment: Adjustment, lines: Awaited<ReturnType<typeof valueLines>>['lines']) {
  const tenantId = adjustment.tenant
  const adjustmentLocationId = (await findSystemLocationId({ req, tenantId, warehouseId: null, kind: 'adjustment' }))!
  const stockLocationId = (await findSystemLocationId({ req, tenantId, warehouseId: adjustment.warehouse, kind: 'internal' }))!
  const movements: Movement[] = lines.map((line) => {
    const locationId = line.location ? Number(line.location) : stockLocationId
    const isIncrease = !line.quantity.startsWith('-')
    return {
      itemId: Number(line.item),
      lotId: line.lot ? Number(line.lot) : null,
      quantity: line.quantity.replace('-', ''),
      fromLocationId: isIncrease ? adjustmentLocationId : locationId,
      toLocationId: isIncrease ? locationId : adjustmentLocationId,
      movementType: line.reason === 'count-variance' ? 'count-variance' : 'adjustment',
      unitCost: line.unitCost,
      reasonCode: line.reason,
      reference: adjustment.number,
    }
  })
  await assertLocationsInWarehouse(req, adjustment, movements)
  return postMovements({
    req,
    tenantId,
    idempotencyKey: `adjustment:${adjustment.id}`,
    movements,
    source: { collection: slugs.adjustments, id: adjustment.id },
    pathPrefix: 'lines',
  })
}

async function assertLocationsInWarehouse(req: PayloadRequest, adjustment: Adjustment, movements: Movement[]) {
  const db = await transactionDb(req)
  const ids = [...new Set(movements.flatMap((movement) => [movement.fromLocationId, movement.toLocationId]))]
  const { rows } = await db.execute<{ id: number; warehouse_id: number | null; kind: string }>(
    sql`SELECT id, warehouse_id, kind FROM locations WHERE tenant_id = ${adjustment.tenant} AND id IN ${sqlList(ids)}`,
  )
  adjustment.lines.forEach((line, index) => {
    if (!line.location) return
    const location = rows.find((row) => Number(row.id) === Number(line.location))
    if (!location || Number(location.warehouse_id) !== adjustment.warehouse || !['internal', 'quarantine'].includes(location.kind)) {
      throw new ValidationError('ADJUSTMENT.LOCATION_INVALID', 'The location must be a stock or quarantine location of the adjustment’s warehouse.', `lines.${index}.location`)
    }
  })
}

async function save(req: PayloadRequest, id: number, data: Record<string, unknown>) {
  return req.payload.update({ collection: slugs.adjustments, id, data, req, overrideAccess: true, depth: 0 })
}

/** Draft → posted (within the approval threshold) or pending-approval (above it). */
export async function submitAdjustment({ req, id }: { req: PayloadRequest; id: number }) {
  const adjustment = await loadForTransition(req, id, 'submit')
  const { lines, value } = await valueLines(req, adjustment)
  const tenant = await req.payload.findByID({ collection: slugs.tenants, id: adjustment.tenant, depth: 0, req, overrideAccess: true })
  const needsApproval = await isAbove(req, value, tenant.settings?.adjustmentApprovalThreshold ?? 0)
  const submitted = {
    submittedBy: req.user!.id,
    submittedAt: new Date().toISOString(),
    valueAtCost: Number(value),
    lines: lines.map((line) => ({ ...line, quantity: Number(line.quantity), unitCost: Number(line.unitCost) })),
  }
  if (needsApproval) return save(req, id, { ...submitted, status: 'pending-approval' })
  await post(req, adjustment, lines)
  return save(req, id, { ...submitted, status: 'posted', postedAt: new Date().toISOString() })
}

/** Pending-approval → posted, by an approver other than the submitter whose limit covers the value. */
export async function approveAdjustment({ req, id }: { req: PayloadRequest; id: number }) {
  const adjustment = await loadForTransition(req, id, 'approve')
  const { lines, value } = await valueLines(req, adjustment)
  if (await isAbove(req, value, approvalLimitIn(req.user as TenantAwareUser, adjustment.tenant))) {
    throw new ForbiddenError(`${adjustment.number} is worth ${value}, above your approval limit.`)
  }
  await post(req, adjustment, lines)
  return save(req, id, { status: 'posted', approvedBy: req.user!.id, decidedAt: new Date().toISOString(), postedAt: new Date().toISOString() })
}

/** Pending-approval → rejected, with a reason. Nothing is posted. */
export async function rejectAdjustment({ req, id, reason }: { req: PayloadRequest; id: number; reason: unknown }) {
  if (typeof reason !== 'string' || !reason.trim()) throw new ValidationError('VALIDATION.REASON_REQUIRED', 'Say why the adjustment is rejected.', 'reason')
  const adjustment = await loadForTransition(req, id, 'reject')
  return save(req, adjustment.id, { status: 'rejected', approvedBy: req.user!.id, decidedAt: new Date().toISOString(), rejectionReason: reason.trim() })
}
