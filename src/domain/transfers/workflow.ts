import type { PayloadRequest } from 'payload'

import { slugs } from '../../collections/slugs'
import { ConflictError, NotFoundError, ValidationError } from '../errors'
import { writeOutboxEvents } from '../outbox/writeOutboxEvents'
import { fromUnits, toUnits } from '../stock/decimal'
import { findSystemLocationId } from '../stock/locations'
import { postMovements, type Movement } from '../stock/postMovements'
import { idOf, loadForAction, userIdOf } from '../warehouseOps/documentWorkflow'
import { reasonOf, requiredNote } from '../warehouseOps/reasons'
import { itemOf, loadItems, quantityOf, warehouseLocation, type ItemRef } from '../warehouseOps/lineRefs'
import { isActionApplicable, TRANSFER_DAMAGE_REASONS, TRANSFER_SHORTAGE_REASONS, TRANSFER_TRANSITIONS, type TransferAction, type TransferStatus } from './transitions'

type TransferLine = {
  id: string
  item: number
  lot?: number | null
  quantity: number
  dispatchedQuantity?: number | null
  receivedQuantity?: number | null
  damagedQuantity?: number | null
  shortQuantity?: number | null
  damageReason?: string | null
  shortageReason?: string | null
}
export type Transfer = {
  id: number
  tenant: number
  number: string
  status: TransferStatus
  fromWarehouse: number
  fromLocation?: number | null
  toWarehouse: number
  toLocation?: number | null
  isApprovalRequired?: boolean | null
  receiptCount?: number | null
  lines: TransferLine[]
}

type LineInput = { id?: unknown; quantity?: unknown; received?: unknown; damaged?: unknown; damageReason?: unknown; short?: unknown; shortageReason?: unknown }

async function load(req: PayloadRequest, id: number, action: TransferAction): Promise<Transfer> {
  const doc = await loadForAction<TransferStatus, TransferAction, any>({
    req,
    collection: slugs.transfers,
    table: 'transfers',
    id,
    label: 'Transfer',
    code: 'TRANSFER',
    rules: TRANSFER_TRANSITIONS,
    action,
  })
  const transfer: Transfer = {
    ...doc,
    fromWarehouse: idOf(doc.fromWarehouse)!,
    toWarehouse: idOf(doc.toWarehouse)!,
    fromLocation: idOf(doc.fromLocation),
    toLocation: idOf(doc.toLocation),
    lines: (doc.lines ?? []).map((line: any) => ({ ...line, item: idOf(line.item)!, lot: idOf(line.lot) })),
  }
  if (!isActionApplicable(transfer, action)) {
    throw new ConflictError(
      action === 'approve' ? 'TRANSFER.APPROVAL_NOT_REQUIRED' : 'TRANSFER.APPROVAL_REQUIRED',
      action === 'approve' ? `${transfer.number} needs no approval; dispatch it.` : `${transfer.number} must be approved before it is dispatched.`,
    )
  }
  return transfer
}

const units = (value: number | string | null | undefined) => toUnits(value ?? 0)
const outstandingOf = (line: TransferLine) => units(line.dispatchedQuantity) - units(line.receivedQuantity) - units(line.damagedQuantity) - units(line.shortQuantity)
/** What is still physically in the destination's transit location for the line. */
const inTransitOf = (line: TransferLine) => units(line.dispatchedQuantity) - units(line.receivedQuantity) - units(line.damagedQuantity)

async function save(req: PayloadRequest, transfer: Transfer, data: Record<string, unknown>) {
  return req.payload.update({ collection: slugs.transfers, id: transfer.id, data, req, overrideAccess: true, depth: 0 })
}

function linesFor(transfer: Transfer, lines: TransferLine[]) {
  return lines.map((line) => ({ ...line, item: line.item, lot: line.lot ?? null }))
}

/** Body lines by the transfer line they name (`id`); unknown ids are a 400 naming the body line. */
function inputsByLine(transfer: Transfer, input: unknown): Map<string, { input: LineInput; index: number }> | null {
  if (input === undefined || input === null) return null
  if (!Array.isArray(input)) throw new ValidationError('VALIDATION.LINES', 'lines must be a list of { id, … }.', 'lines')
  const byLine = new Map<string, { input: LineInput; index: number }>()
  input.forEach((each: LineInput, index) => {
    const line = transfer.lines.find((candidate) => candidate.id === String(each?.id))
    if (!line) throw new NotFoundError(`Transfer ${transfer.number} has no line ${String(each?.id)}`, `lines.${index}.id`)
    if (byLine.has(line.id)) throw new ValidationError('VALIDATION.DUPLICATE_LINE', `Line ${line.id} is named twice.`, `lines.${index}.id`)
    byLine.set(line.id, { input: each, index })
  })
  return byLine
}

function transferEvent(transfer: Transfer, eventType: string, items: Map<number, ItemRef>, lines: TransferLine[]) {
  return {
    tenantId: transfer.tenant,
    eventType,
    aggregateKey: `transfer:${transfer.id}`,
    payload: {
      transfer_id: transfer.id,
      number: transfer.number,
      from_warehouse_id: transfer.fromWarehouse,
      to_warehouse_id: transfer.toWarehouse,
      lines: lines.map((line) => ({
        item_id: line.item,
        sku: items.get(line.item)?.sku ?? null,
        lot_id: line.lot ?? null,
        dispatched_quantity: fromUnits(units(line.dispatchedQuantity)),
        received_quantity: fromUnits(units(line.receivedQuantity)),
        damaged_quantity: fromUnits(units(line.damagedQuantity)),
        short_quantity: fromUnits(units(line.shortQuantity)),
      })),
    },
  }
}

async function locationsOf(req: PayloadRequest, transfer: Transfer) {
  const tenantId = transfer.tenant
  return {
    source: await warehouseLocation({ req, tenantId, warehouseId: transfer.fromWarehouse, locationId: transfer.fromLocation, kinds: ['internal'], path: 'fromLocation' }),
    transit: (await findSystemLocationId({ req, tenantId, warehouseId: transfer.toWarehouse, kind: 'transit' }))!,
    destination: await warehouseLocation({ req, tenantId, warehouseId: transfer.toWarehouse, locationId: transfer.toLocation, kinds: ['internal'], path: 'toLocation' }),
    quarantine: (await findSystemLocationId({ req, tenantId, warehouseId: transfer.toWarehouse, kind: 'quarantine' }))!,
    adjustment: (await findSystemLocationId({ req, tenantId, warehouseId: null, kind: 'adjustment' }))!,
  }
}

/** Draft → requested: e.g. a café asks the central kitchen for stock. Records whether the tenant wants it approved. */
export async function requestTransfer({ req, id }: { req: PayloadRequest; id: number }) {
  const transfer = await load(req, id, 'request')
  const items = await loadItems({ req, tenantId: transfer.tenant, itemIds: transfer.lines.map((line) => line.item) })
  transfer.lines.forEach((line, index) => quantityOf({ item: itemOf(items, line.item, `lines.${index}.item`), value: line.quantity, path: `lines.${index}.quantity` }))
  const tenant = await req.payload.findByID({ collection: slugs.tenants, id: transfer.tenant, depth: 0, req, overrideAccess: true })
  const isApprovalRequired = Boolean((tenant.settings as { transferApprovalRequired?: boolean } | undefined)?.transferApprovalRequired)
  return save(req, transfer, { status: 'requested', isApprovalRequired, requestedBy: userIdOf(req), requestedAt: new Date().toISOString() })
}

/** Requested → approved, when the tenant requires approval of transfers. */
export async function approveTransfer({ req, id }: { req: PayloadRequest; id: number }) {
  const transfer = await load(req, id, 'approve')
  return save(req, transfer, { status: 'approved', approvedBy: userIdOf(req), approvedAt: new Date().toISOString() })
}

/** Draft, requested or approved → cancelled, with a reason. Nothing was posted yet. */
export async function cancelTransfer({ req, id, reason }: { req: PayloadRequest; id: number; reason: unknown }) {
  const cancelReason = requiredNote(reason, 'Say why the transfer is cancelled.')
  const transfer = await load(req, id, 'cancel')
  return save(req, transfer, { status: 'cancelled', cancelledBy: userIdOf(req), cancelledAt: new Date().toISOString(), cancelReason })
}

/**
 * Requested/approved → dispatched: posts each line (the requested quantity, or less as the body says) from the
 * source's location to the destination's inbound-transit location — on hand drops at the source, in transit rises
 * at the destination — and writes `inventory.transfer.dispatched`.
 */
export async function dispatchTransfer({ req, id, lines: input }: { req: PayloadRequest; id: number; lines?: unknown }) {
  const transfer = await load(req, id, 'dispatch')
  const byLine = inputsByLine(transfer, input)
  const items = await loadItems({ req, tenantId: transfer.tenant, itemIds: transfer.lines.map((line) => line.item) })
  const lines = transfer.lines.map((line, index) => {
    const item = itemOf(items, line.item, `lines.${index}.item`)
    const given = byLine?.get(line.id)
    const path = given ? `lines.${given.index}.quantity` : `lines.${index}.quantity`
    const dispatched = quantityOf({ item, value: given?.input.quantity ?? line.quantity, path, isZeroAllowed: true })
    if (units(dispatched) > units(line.quantity)) throw new ValidationError('TRANSFER.OVER_DISPATCH', `At most ${line.quantity} of ${item.sku} was requested.`, path)
    return { ...line, dispatchedQuantity: Number(dispatched) }
  })
  const sent = lines.filter((line) => units(line.dispatchedQuantity) > 0n)
  if (sent.length === 0) throw new ValidationError('VALIDATION.EMPTY', 'Dispatch at least one unit.', 'lines')
  const { source, transit } = await locationsOf(req, transfer)
  await postMovements({
    req,
    tenantId: transfer.tenant,
    idempotencyKey: `transfer:${transfer.id}:dispatch`,
    movements: sent.map((line) => ({
      itemId: line.item,
      lotId: line.lot ?? null,
      quantity: fromUnits(units(line.dispatchedQuantity)),
      fromLocationId: source,
      toLocationId: transit,
      movementType: 'transfer-out',
      reference: transfer.number,
    })),
    source: { collection: slugs.transfers, id: transfer.id },
    pathPrefix: 'lines',
  })
  await writeOutboxEvents({ req, events: [transferEvent(transfer, 'inventory.transfer.dispatched', items, sent)] })
  return save(req, transfer, { status: 'dispatched', lines: linesFor(transfer, lines), dispatchedBy: userIdOf(req), dispatchedAt: new Date().toISOString() })
}

/**
 * Dispatched/partially-received: records what arrived. Received goods post transit → the destination's stock,
 * damaged goods transit → its quarantine (on hand, never available), each with the line's reason; declared
 * shortages stay in transit until the transfer is closed. Without lines, everything outstanding arrived. Once
 * every dispatched unit is received, damaged or declared short, the transfer closes at once.
 */
export async function receiveTransfer({ req, id, lines: input }: { req: PayloadRequest; id: number; lines?: unknown }) {
  const transfer = await load(req, id, 'receive')
  const byLine = inputsByLine(transfer, input)
  const items = await loadItems({ req, tenantId: transfer.tenant, itemIds: transfer.lines.map((line) => line.item) })
  const { transit, destination, quarantine } = await locationsOf(req, transfer)
  const movements: Movement[] = []
  const lines = transfer.lines.map((line, index) => {
    const item = itemOf(items, line.item, `lines.${index}.item`)
    const outstanding = outstandingOf(line)
    const given = byLine ? byLine.get(line.id) : { input: { received: fromUnits(outstanding) }, index }
    if (!given || outstanding === 0n) {
      if (given && byLine) throw new ConflictError('TRANSFER.LINE_COMPLETE', `Nothing of ${item.sku} is outstanding on ${transfer.number}.`, `lines.${given.index}`)
      return line
    }
    const path = `lines.${given.index}`
    const amount = (field: 'received' | 'damaged' | 'short') => units(quantityOf({ item, value: given.input[field] ?? 0, path: `${path}.${field}`, isZeroAllowed: true }))
    const [received, damaged, short] = [amount('received'), amount('damaged'), amount('short')]
    if (received + damaged + short === 0n) throw new ValidationError('VALIDATION.QUANTITY', `Record a received, damaged or short quantity of ${item.sku}.`, path)
    if (received + damaged + short > outstanding) {
      throw new ValidationError('TRANSFER.OVER_RECEIPT', `Only ${fromUnits(outstanding)} of ${item.sku} is outstanding on ${transfer.number}.`, path)
    }
    const damageReason = damaged > 0n ? reasonOf(given.input.damageReason, TRANSFER_DAMAGE_REASONS, `${path}.damageReason`) : line.damageReason
    const shortageReason = short > 0n ? reasonOf(given.input.shortageReason, TRANSFER_SHORTAGE_REASONS, `${path}.shortageReason`) : line.shortageReason
    const base = { itemId: line.item, lotId: line.lot ?? null, fromLocationId: transit, reference: transfer.number }
    if (received > 0n) movements.push({ ...base, quantity: fromUnits(received), toLocationId: destination, movementType: 'transfer-in' })
    if (damaged > 0n) movements.push({ ...base, quantity: fromUnits(damaged), toLocationId: quarantine, movementType: 'quarantine', reasonCode: damageReason })
    return {
      ...line,
      receivedQuantity: Number(fromUnits(units(line.receivedQuantity) + received)),
      damagedQuantity: Number(fromUnits(units(line.damagedQuantity) + damaged)),
      shortQuantity: Number(fromUnits(units(line.shortQuantity) + short)),
      damageReason,
      shortageReason,
    }
  })
  const receiptNo = (transfer.receiptCount ?? 0) + 1
  if (movements.length > 0) {
    await postMovements({
      req,
      tenantId: transfer.tenant,
      idempotencyKey: `transfer:${transfer.id}:receipt:${receiptNo}`,
      movements,
      source: { collection: slugs.transfers, id: transfer.id },
      pathPrefix: 'lines',
    })
  }
  const received = { ...transfer, lines }
  const receipt = { lines: linesFor(transfer, lines), receiptCount: receiptNo, receivedBy: userIdOf(req), lastReceivedAt: new Date().toISOString() }
  if (lines.every((line) => outstandingOf(line) === 0n)) return complete(req, received, items, receipt)
  return save(req, transfer, { ...receipt, status: 'partially-received' })
}

/**
 * Dispatched/partially-received → received: whatever is still in transit is written off, transit → adjustment
 * (shrinkage in transit) with the line's declared shortage reason, else `shortageReason` (default lost in
 * transit), so nothing stays in transit forever. Writing something off needs a note saying why.
 */
export async function closeTransfer({ req, id, reason, shortageReason }: { req: PayloadRequest; id: number; reason?: unknown; shortageReason?: unknown }) {
  const transfer = await load(req, id, 'close')
  const items = await loadItems({ req, tenantId: transfer.tenant, itemIds: transfer.lines.map((line) => line.item) })
  const isWritingOff = transfer.lines.some((line) => outstandingOf(line) > 0n)
  const closeNote = isWritingOff ? requiredNote(reason, 'Say why the missing stock is written off.') : undefined
  const code = shortageReason === undefined ? 'lost-in-transit' : reasonOf(shortageReason, TRANSFER_SHORTAGE_REASONS, 'shortageReason')
  const lines = transfer.lines.map((line) => {
    const outstanding = outstandingOf(line)
    if (outstanding === 0n) return line
    return { ...line, shortQuantity: Number(fromUnits(units(line.shortQuantity) + outstanding)), shortageReason: line.shortageReason ?? code }
  })
  return complete(req, { ...transfer, lines }, items, { lines: linesFor(transfer, lines), closeNote })
}

/** Posts what is left in transit as shrinkage, marks the transfer received and writes `inventory.transfer.completed`. */
async function complete(req: PayloadRequest, transfer: Transfer, items: Map<number, ItemRef>, data: Record<string, unknown>) {
  const { transit, adjustment } = await locationsOf(req, transfer)
  const shrinkage: Movement[] = transfer.lines
    .filter((line) => inTransitOf(line) > 0n)
    .map((line) => ({
      itemId: line.item,
      lotId: line.lot ?? null,
      quantity: fromUnits(inTransitOf(line)),
      fromLocationId: transit,
      toLocationId: adjustment,
      movementType: 'adjustment',
      reasonCode: line.shortageReason ?? 'lost-in-transit',
      reference: transfer.number,
    }))
  if (shrinkage.length > 0) {
    await postMovements({
      req,
      tenantId: transfer.tenant,
      idempotencyKey: `transfer:${transfer.id}:shrinkage`,
      movements: shrinkage,
      source: { collection: slugs.transfers, id: transfer.id },
      pathPrefix: 'lines',
    })
  }
  await writeOutboxEvents({ req, events: [transferEvent(transfer, 'inventory.transfer.completed', items, transfer.lines)] })
  return save(req, transfer, { ...data, status: 'received', completedAt: new Date().toISOString() })
}
