import type { PayloadRequest } from 'payload'

import { slugs } from '../../collections/slugs'
import { NotFoundError, ValidationError } from '../errors'
import { fromUnits, toUnits } from '../stock/decimal'
import { findSystemLocationId } from '../stock/locations'
import { postMovements, type Movement } from '../stock/postMovements'
import { idOf, loadForAction, userIdOf } from '../warehouseOps/documentWorkflow'
import { itemOf, loadItems, quantityOf, warehouseLocation } from '../warehouseOps/lineRefs'
import { reasonOf } from '../warehouseOps/reasons'
import { HOLD_REASONS, SCRAP_REASONS, STOCK_HOLD_TRANSITIONS, type StockHoldAction, type StockHoldStatus } from './transitions'

type HoldLine = { id: string; item: number; lot?: number | null; quantity: number; releasedQuantity?: number | null; scrappedQuantity?: number | null }
type StockHold = {
  id: number
  tenant: number
  number: string
  status: StockHoldStatus
  warehouse: number
  location?: number | null
  quarantineLocation?: number | null
  reason: string
  resolutionCount?: number | null
  lines: HoldLine[]
}

async function load(req: PayloadRequest, id: number, action: StockHoldAction): Promise<StockHold> {
  const doc = await loadForAction<StockHoldStatus, StockHoldAction, any>({
    req,
    collection: slugs.stockHolds,
    table: 'stock_holds',
    id,
    label: 'Stock hold',
    code: 'STOCK_HOLD',
    rules: STOCK_HOLD_TRANSITIONS,
    action,
  })
  return {
    ...doc,
    warehouse: idOf(doc.warehouse)!,
    location: idOf(doc.location),
    quarantineLocation: idOf(doc.quarantineLocation),
    lines: (doc.lines ?? []).map((line: any) => ({ ...line, item: idOf(line.item)!, lot: idOf(line.lot) })),
  }
}

const units = (value: number | null | undefined) => toUnits(value ?? 0)
const remainingOf = (line: HoldLine) => units(line.quantity) - units(line.releasedQuantity) - units(line.scrappedQuantity)

async function locationsOf(req: PayloadRequest, hold: StockHold) {
  const base = { req, tenantId: hold.tenant, warehouseId: hold.warehouse }
  return {
    stock: await warehouseLocation({ ...base, locationId: hold.location, kinds: ['internal'], path: 'location' }),
    quarantine: await warehouseLocation({ ...base, locationId: hold.quarantineLocation, kinds: ['quarantine'], path: 'quarantineLocation' }),
  }
}

const save = (req: PayloadRequest, hold: StockHold, data: Record<string, unknown>) =>
  req.payload.update({ collection: slugs.stockHolds, id: hold.id, data, req, overrideAccess: true, depth: 0 })

/** Draft → on hold: moves the lines from the warehouse's stock to quarantine — still on hand, no longer available. */
export async function placeStockHold({ req, id }: { req: PayloadRequest; id: number }) {
  const hold = await load(req, id, 'place')
  const reason = reasonOf(hold.reason, HOLD_REASONS, 'reason')
  const items = await loadItems({ req, tenantId: hold.tenant, itemIds: hold.lines.map((line) => line.item) })
  const { stock, quarantine } = await locationsOf(req, hold)
  await postMovements({
    req,
    tenantId: hold.tenant,
    idempotencyKey: `stock-hold:${hold.id}:place`,
    movements: hold.lines.map((line, index) => ({
      itemId: line.item,
      lotId: line.lot ?? null,
      quantity: quantityOf({ item: itemOf(items, line.item, `lines.${index}.item`), value: line.quantity, path: `lines.${index}.quantity` }),
      fromLocationId: stock,
      toLocationId: quarantine,
      movementType: 'quarantine',
      reasonCode: reason,
      reference: hold.number,
    })),
    source: { collection: slugs.stockHolds, id: hold.id },
    pathPrefix: 'lines',
  })
  return save(req, hold, { status: 'on-hold', placedBy: userIdOf(req), placedAt: new Date().toISOString() })
}

/**
 * Releases held stock back to the warehouse's stock (`release`) or writes it off to scrap with a reason
 * (`scrap`): the lines and quantities named, else everything still held. The hold is resolved once nothing is
 * left in quarantine.
 */
export async function resolveStockHold({ req, id, outcome, lines: input, reason }: { req: PayloadRequest; id: number; outcome: 'release' | 'scrap'; lines?: unknown; reason?: unknown }) {
  const scrapReason = outcome === 'scrap' ? reasonOf(reason, SCRAP_REASONS, 'reason') : null
  const hold = await load(req, id, outcome)
  if (input !== undefined && !Array.isArray(input)) throw new ValidationError('VALIDATION.LINES', 'lines must be a list of { id, quantity }.', 'lines')
  const named = new Map<string, { quantity: unknown; index: number }>()
  ;((input as { id?: unknown; quantity?: unknown }[] | undefined) ?? []).forEach((each, index) => {
    if (!hold.lines.some((line) => line.id === String(each?.id))) throw new NotFoundError(`${hold.number} has no line ${String(each?.id)}`, `lines.${index}.id`)
    named.set(String(each.id), { quantity: each.quantity, index })
  })
  const items = await loadItems({ req, tenantId: hold.tenant, itemIds: hold.lines.map((line) => line.item) })
  const { stock, quarantine } = await locationsOf(req, hold)
  const scrapLocation = (await findSystemLocationId({ req, tenantId: hold.tenant, warehouseId: null, kind: 'scrap' }))!
  const movements: Movement[] = []
  const field = outcome === 'release' ? 'releasedQuantity' : 'scrappedQuantity'
  const lines = hold.lines.map((line, index) => {
    const given = input === undefined ? { quantity: fromUnits(remainingOf(line)), index } : named.get(line.id)
    if (!given || remainingOf(line) === 0n) return line
    const path = `lines.${given.index}.quantity`
    const quantity = quantityOf({ item: itemOf(items, line.item, `lines.${index}.item`), value: given.quantity, path })
    if (toUnits(quantity) > remainingOf(line)) throw new ValidationError('STOCK_HOLD.OVER_RESOLUTION', `Only ${fromUnits(remainingOf(line))} of this line is still held.`, path)
    movements.push({
      itemId: line.item,
      lotId: line.lot ?? null,
      quantity,
      fromLocationId: quarantine,
      toLocationId: outcome === 'release' ? stock : scrapLocation,
      movementType: outcome,
      reasonCode: scrapReason ?? 'released',
      reference: hold.number,
    })
    return { ...line, [field]: Number(fromUnits(units(line[field]) + toUnits(quantity))) }
  })
  if (movements.length === 0) throw new ValidationError('VALIDATION.EMPTY', 'Nothing of these lines is still held.', 'lines')
  const resolutionNo = (hold.resolutionCount ?? 0) + 1
  await postMovements({
    req,
    tenantId: hold.tenant,
    idempotencyKey: `stock-hold:${hold.id}:resolution:${resolutionNo}`,
    movements,
    source: { collection: slugs.stockHolds, id: hold.id },
    pathPrefix: 'lines',
  })
  const isResolved = lines.every((line) => remainingOf(line) === 0n)
  return save(req, hold, {
    lines: lines.map((line) => ({ ...line, lot: line.lot ?? null })),
    resolutionCount: resolutionNo,
    ...(isResolved ? { status: 'resolved', resolvedBy: userIdOf(req), resolvedAt: new Date().toISOString() } : {}),
  })
}

/** Draft → cancelled: nothing was moved yet. */
export async function cancelStockHold({ req, id }: { req: PayloadRequest; id: number }) {
  const hold = await load(req, id, 'cancel')
  return save(req, hold, { status: 'cancelled' })
}
