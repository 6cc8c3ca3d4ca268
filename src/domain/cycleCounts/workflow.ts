import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { approvalLimitIn, type TenantAwareUser } from '../../access/tenantMembership'
import { slugs } from '../../collections/slugs'
import { sqlList, transactionDb } from '../../db/transaction'
import { ForbiddenError, ValidationError } from '../errors'
import { fromUnits, toUnits } from '../stock/decimal'
import { findSystemLocationId } from '../stock/locations'
import { postMovements, type Movement } from '../stock/postMovements'
import { idOf, loadForAction, userIdOf } from '../warehouseOps/documentWorkflow'
import { itemOf, loadItems, quantityOf, warehouseLocation } from '../warehouseOps/lineRefs'
import { reasonOf, requiredNote } from '../warehouseOps/reasons'
import { currentQuantities, snapshotScope } from './scope'
import { COUNT_VARIANCE_REASONS, CYCLE_COUNT_TRANSITIONS, mayCount, type CountScope, type CycleCountAction, type CycleCountStatus } from './transitions'

type CountLine = {
  id?: string
  location: number
  item: number
  lot?: number | null
  snapshotQuantity: number
  expectedQuantity?: number | null
  movementsSinceSnapshot?: number | null
  countedQuantity?: number | null
  variance?: number | null
  unitCost?: number | null
  varianceValue?: number | null
  reason?: string | null
  countedBy?: number | null
  countedAt?: string | null
}
type CycleCount = {
  id: number
  tenant: number
  number: string
  status: CycleCountStatus
  warehouse: number
  scope: CountScope
  scopeLocation?: number | null
  scopeItems?: number[] | null
  isBlind: boolean
  assignedCounters: number[]
  totalVarianceValue?: number | null
  lines: CountLine[]
}

async function load(req: PayloadRequest, id: number, action: CycleCountAction): Promise<CycleCount> {
  const doc = await loadForAction<CycleCountStatus, CycleCountAction, any>({
    req,
    collection: slugs.cycleCounts,
    table: 'cycle_counts',
    id,
    label: 'Cycle count',
    code: 'COUNT',
    rules: CYCLE_COUNT_TRANSITIONS,
    action,
  })
  const count: CycleCount = {
    ...doc,
    warehouse: idOf(doc.warehouse)!,
    scopeLocation: idOf(doc.scopeLocation),
    scopeItems: (doc.scopeItems ?? []).map(idOf),
    assignedCounters: (doc.assignedCounters ?? []).map(idOf),
    lines: (doc.lines ?? []).map((line: any) => ({ ...line, item: idOf(line.item)!, location: idOf(line.location)!, lot: idOf(line.lot), countedBy: idOf(line.countedBy) })),
  }
  if ((action === 'record' || action === 'submit') && req.user && !mayCount(req.user as TenantAwareUser, count)) {
    throw new ForbiddenError(`Only the assigned counters and stock keepers count ${count.number}.`)
  }
  return count
}

/** Saves with the server's rights, then answers what the caller may see (a blind count hides expected quantities from its counters). */
async function save(req: PayloadRequest, count: CycleCount, data: Record<string, unknown>) {
  await req.payload.update({ collection: slugs.cycleCounts, id: count.id, data, req, overrideAccess: true, depth: 0 })
  if (!req.user) return req.payload.findByID({ collection: slugs.cycleCounts, id: count.id, req, overrideAccess: true, depth: 0 })
  return req.payload.findByID({ collection: slugs.cycleCounts, id: count.id, req, overrideAccess: false, depth: 0 })
}

const units = (value: number | string | null | undefined) => toUnits(value ?? 0)
const keyOf = (line: { item: number; location: number; lot?: number | null }) => `${line.item}|${line.location}|${line.lot ?? ''}`

/** Planned → counting: builds the lines from the scope and snapshots the quantities expected at each. */
export async function startCycleCount({ req, id }: { req: PayloadRequest; id: number }) {
  const count = await load(req, id, 'start')
  const tenant = await req.payload.findByID({ collection: slugs.tenants, id: count.tenant, depth: 0, req, overrideAccess: true })
  const snapshot = await snapshotScope({
    req,
    tenantId: count.tenant,
    warehouseId: count.warehouse,
    scope: count.scope,
    scopeLocationId: count.scopeLocation ?? null,
    scopeItemIds: (count.scopeItems ?? []).filter((itemId): itemId is number => itemId !== null),
    defaultFrequencyDays: Number((tenant.settings as { countFrequencyDays?: number } | undefined)?.countFrequencyDays ?? 30),
  })
  if (snapshot.length === 0) throw new ValidationError('COUNT.EMPTY_SCOPE', `Nothing in ${count.number}’s scope to count at this warehouse.`, 'scope')
  return save(req, count, {
    status: 'counting',
    snapshotAt: new Date().toISOString(),
    startedBy: userIdOf(req),
    lines: snapshot.map((row) => ({ item: row.item, location: row.location, lot: row.lot, snapshotQuantity: Number(row.quantity) })),
  })
}

type CountInput = { id?: unknown; item?: unknown; location?: unknown; lot?: unknown; counted?: unknown; reason?: unknown }

/**
 * Records counted quantities during counting, by line id or by item/location/lot (adding a line for stock found
 * where none was expected). Each counted line is compared with what the ledger holds at that moment — the snapshot
 * plus every movement since — so a sale made while counting is not taken for a loss.
 */
export async function recordCounts({ req, id, lines: input }: { req: PayloadRequest; id: number; lines: unknown }) {
  const count = await load(req, id, 'record')
  if (!Array.isArray(input) || input.length === 0) throw new ValidationError('VALIDATION.LINES', 'lines must list { id | item, location, lot, counted }.', 'lines')
  const items = await loadItems({ req, tenantId: count.tenant, itemIds: [...count.lines.map((line) => line.item), ...input.map((each: CountInput) => Number(idOf(each?.item)))] })
  const stockLocation = (await findSystemLocationId({ req, tenantId: count.tenant, warehouseId: count.warehouse, kind: 'internal' }))!
  const lines = [...count.lines]
  const touched = new Set<number>()
  for (const [index, each] of (input as CountInput[]).entries()) {
    const path = `lines.${index}`
    let position = each?.id !== undefined ? lines.findIndex((line) => line.id === String(each.id)) : -1
    if (each?.id !== undefined && position === -1) throw new ValidationError('COUNT.UNKNOWN_LINE', `${count.number} has no line ${String(each.id)}.`, `${path}.id`)
    if (position === -1) {
      const item = itemOf(items, idOf(each?.item), `${path}.item`)
      const location = each.location ? await warehouseLocation({ req, tenantId: count.tenant, warehouseId: count.warehouse, locationId: idOf(each.location), kinds: ['internal'], path: `${path}.location` }) : stockLocation
      const lot = idOf(each.lot)
      if (item.is_lot_tracked && !lot) throw new ValidationError('LOT.REQUIRED', `${item.sku} is lot-tracked: name the lot`, `${path}.lot`)
      position = lines.findIndex((line) => keyOf(line) === keyOf({ item: item.id, location, lot }))
      if (position === -1) position = lines.push({ item: item.id, location, lot, snapshotQuantity: Number.NaN }) - 1
    }
    const line = lines[position]
    const counted = quantityOf({ item: itemOf(items, line.item, `${path}.item`), value: each.counted, path: `${path}.counted`, isZeroAllowed: true })
    const reason = each.reason === undefined || each.reason === null ? line.reason ?? null : reasonOf(each.reason, COUNT_VARIANCE_REASONS, `${path}.reason`)
    lines[position] = { ...line, countedQuantity: Number(counted), reason, countedBy: userIdOf(req), countedAt: new Date().toISOString() }
    touched.add(position)
  }
  const positions = [...touched]
  const current = await currentQuantities({ req, keys: positions.map((position) => ({ item: lines[position].item, location: lines[position].location, lot: lines[position].lot ?? null })) })
  positions.forEach((position, index) => {
    const line = lines[position]
    const expected = units(current[index])
    const snapshot = Number.isNaN(line.snapshotQuantity) ? expected : units(line.snapshotQuantity)
    lines[position] = {
      ...line,
      snapshotQuantity: Number(fromUnits(snapshot)),
      expectedQuantity: Number(fromUnits(expected)),
      movementsSinceSnapshot: Number(fromUnits(expected - snapshot)),
      variance: Number(fromUnits(units(line.countedQuantity) - expected)),
    }
  })
  return save(req, count, { lines })
}

/** Values each line's variance at the item's standard cost, and the count's absolute total, in SQL numeric. */
async function valueVariances(req: PayloadRequest, count: CycleCount) {
  const db = await transactionDb(req)
  const itemIds = [...new Set(count.lines.map((line) => line.item))]
  const values = count.lines.map((line, index) => sql`(${index}::int, ${line.item}::int, ${String(line.variance ?? 0)}::numeric)`)
  const { rows } = await db.execute<{ n: number; unit_cost: string; value: string; total: string }>(sql`
    SELECT v.n, trim_scale(coalesce(i.standard_cost, 0))::text AS unit_cost,
           trim_scale(round(v.variance * coalesce(i.standard_cost, 0), 4))::text AS value,
           trim_scale(round(sum(abs(v.variance) * coalesce(i.standard_cost, 0)) OVER (), 4))::text AS total
      FROM (VALUES ${sql.join(values, sql`, `)}) AS v(n, item, variance)
      JOIN items i ON i.id = v.item AND i.tenant_id = ${count.tenant} AND i.id IN ${sqlList(itemIds)}
     ORDER BY v.n`)
  return { lines: count.lines.map((line, index) => ({ ...line, unitCost: Number(rows[index].unit_cost), varianceValue: Number(rows[index].value) })), total: rows[0]?.total ?? '0' }
}

async function isAbove(req: PayloadRequest, value: string, limit: number | string | null | undefined): Promise<boolean> {
  if (limit === null || limit === undefined) return false
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ above: boolean }>(sql`SELECT ${value}::numeric > ${String(limit)}::numeric AS above`)
  return rows[0].above
}

/**
 * Counting → submitted, once every line is counted. A variance worth more than the tenant's threshold waits for an
 * approver; within it the count is approved at once and can be posted.
 */
export async function submitCycleCount({ req, id }: { req: PayloadRequest; id: number }) {
  const count = await load(req, id, 'submit')
  const uncounted = count.lines.findIndex((line) => line.countedQuantity === null || line.countedQuantity === undefined)
  if (uncounted !== -1) throw new ValidationError('COUNT.UNCOUNTED_LINES', `Count every line of ${count.number} before submitting it.`, `lines.${uncounted}.countedQuantity`)
  const { lines, total } = await valueVariances(req, count)
  const tenant = await req.payload.findByID({ collection: slugs.tenants, id: count.tenant, depth: 0, req, overrideAccess: true })
  const threshold = (tenant.settings as { countVarianceApprovalThreshold?: number } | undefined)?.countVarianceApprovalThreshold ?? 0
  const isApprovalRequired = await isAbove(req, total, threshold)
  const now = new Date().toISOString()
  return save(req, count, {
    lines,
    totalVarianceValue: Number(total),
    isApprovalRequired,
    submittedBy: userIdOf(req),
    submittedAt: now,
    ...(isApprovalRequired ? { status: 'submitted' } : { status: 'approved', approvedAt: now }),
  })
}

/** Submitted → approved by an approver whose limit covers the variance. */
export async function approveCycleCount({ req, id }: { req: PayloadRequest; id: number }) {
  const count = await load(req, id, 'approve')
  if (await isAbove(req, String(count.totalVarianceValue ?? 0), approvalLimitIn(req.user as TenantAwareUser, count.tenant))) {
    throw new ForbiddenError(`${count.number}'s variance is worth ${count.totalVarianceValue}, above your approval limit.`)
  }
  return save(req, count, { status: 'approved', approvedBy: userIdOf(req), approvedAt: new Date().toISOString() })
}

/** Submitted → counting again, with the approver's reason; the counts so far are kept to be corrected. */
export async function requestRecount({ req, id, reason }: { req: PayloadRequest; id: number; reason: unknown }) {
  const recountNote = requiredNote(reason, 'Say what should be recounted.')
  const count = await load(req, id, 'recount')
  return save(req, count, { status: 'counting', recountNote })
}

/**
 * Approved → posted: each line's variance becomes a count-variance entry between its location and the tenant's
 * adjustment location (gains at standard cost; the posting path costs what leaves), and every counted item
 * gets its last-counted date.
 */
export async function postCycleCount({ req, id }: { req: PayloadRequest; id: number }) {
  const count = await load(req, id, 'post')
  const adjustment = (await findSystemLocationId({ req, tenantId: count.tenant, warehouseId: null, kind: 'adjustment' }))!
  const movements: Movement[] = count.lines
    .filter((line) => units(line.variance) !== 0n)
    .map((line) => {
      const isGain = units(line.variance) > 0n
      return {
        itemId: line.item,
        lotId: line.lot ?? null,
        quantity: fromUnits(isGain ? units(line.variance) : -units(line.variance)),
        fromLocationId: isGain ? adjustment : line.location,
        toLocationId: isGain ? line.location : adjustment,
        movementType: 'count-variance',
        unitCost: isGain ? line.unitCost ?? null : null,
        reasonCode: line.reason ?? (isGain ? 'found' : 'shrinkage'),
        reference: count.number,
      }
    })
  if (movements.length > 0) {
    await postMovements({ req, tenantId: count.tenant, idempotencyKey: `cycle-count:${count.id}`, movements, source: { collection: slugs.cycleCounts, id: count.id }, pathPrefix: 'lines' })
  }
  const db = await transactionDb(req)
  await db.execute(sql`UPDATE items SET last_counted_at = now() WHERE tenant_id = ${count.tenant} AND id IN ${sqlList([0, ...new Set(count.lines.map((line) => line.item))])}`)
  return save(req, count, { status: 'posted', postedBy: userIdOf(req), postedAt: new Date().toISOString() })
}

/** Any status before posting → cancelled, with a reason; nothing is posted. */
export async function cancelCycleCount({ req, id, reason }: { req: PayloadRequest; id: number; reason: unknown }) {
  const cancelReason = requiredNote(reason, 'Say why the count is cancelled.')
  const count = await load(req, id, 'cancel')
  return save(req, count, { status: 'cancelled', cancelReason, cancelledAt: new Date().toISOString() })
}
