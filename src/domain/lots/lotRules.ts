import { sql } from '@payloadcms/db-postgres/drizzle'

import { sqlList, type SqlExecutor } from '../../db/transaction'
import { NotFoundError, ValidationError } from '../errors'
import { fromUnits, toUnits } from '../stock/decimal'
import { InsufficientStockError } from '../stock/errors'
import type { LocationKind, MovementType } from '../stock/locationKinds'
import { BLOCK_REASON, LotBlockedError, type LotStatus } from './errors'
import { pickLots, type LotCandidate } from './pickLots'

/** The part of a posting line the lot rules read and rewrite. */
export type LotLine = {
  itemId: number
  lotId: number | null
  fromLocationId: number
  toLocationId: number
  movementType: MovementType
  quantity: string
  units: bigint
  reasonCode?: string | null
  lineNo: number
}

export type LotRefs = {
  items: Map<number, { id: number; sku: string; is_lot_tracked: boolean }>
  locations: Map<number, { id: number; kind: LocationKind; warehouse_id: number | null }>
  warehouseCodes: Map<number, string>
}

type LotRow = { id: number; item_id: number; lot_number: string; status: LotStatus; expiry_date: string | null }
type BucketRow = { item_id: number; location_id: number; lot_id: number; quantity: string }
type QuarantineRow = { id: number; warehouse_id: number }

const STOCK_KINDS: LocationKind[] = ['internal', 'quarantine', 'transit']
/** Destinations a blocked lot may not reach: sale, consumption, a transfer, sellable stock. */
const SELLABLE_KINDS: LocationKind[] = ['customer', 'production', 'transit', 'internal']

/** A lot's status as it stands now: an active lot past its expiry is already expired, whether or not lots.expire has run. */
export function effectiveStatus(lot: { status: LotStatus; expiry_date: string | null }, now = new Date()): LotStatus {
  if (lot.status === 'active' && lot.expiry_date && new Date(lot.expiry_date).getTime() <= now.getTime()) return 'expired'
  return lot.status
}

/**
 * The lot rules of a posting, applied by postMovements after its replay check:
 * - a lot-tracked line taken from stock without a lot is split over lots first-expiring-first-out (blocked lots are
 *   skipped unless the stock goes to quarantine, scrap, the supplier or a write-off) and records why
 *   (`fefo`, `only-lot`) as its reason when it has none; a named lot on an issue or transfer records `pinned`;
 * - a named lot must belong to the line's item; an expired, recalled or held lot cannot be issued, consumed or
 *   transferred (LOT.EXPIRED, LOT.RECALLED, LOT.QUARANTINED), and when it arrives in sellable stock (a transfer
 *   arriving, a return, a find) it lands in the warehouse's quarantine instead, with the block's reason.
 * Adds the quarantine locations it redirects to into `refs.locations`.
 */
export async function applyLotRules<L extends LotLine>({ db, tenantId, lines, refs, prefix }: { db: SqlExecutor; tenantId: number; lines: L[]; refs: LotRefs; prefix: string }): Promise<L[]> {
  const isLotTracked = (line: L) => refs.items.get(line.itemId)?.is_lot_tracked === true
  const kindOf = (locationId: number) => refs.locations.get(locationId)!.kind
  const needsPick = (line: L) => isLotTracked(line) && line.lotId === null && STOCK_KINDS.includes(kindOf(line.fromLocationId))
  if (!lines.some((line) => line.lotId !== null || needsPick(line))) return lines

  const picking = lines.filter(needsPick)
  const lotIds = [...new Set(lines.map((line) => line.lotId).filter((id): id is number => id !== null))]
  const warehouseIds = [...new Set(lines.map((line) => refs.locations.get(line.toLocationId)!.warehouse_id).filter((id): id is number => id !== null))]
  const { rows } = await db.execute<{ lots: LotRow[]; buckets: BucketRow[]; quarantines: QuarantineRow[] }>(sql`
    SELECT
      (SELECT coalesce(json_agg(l), '[]') FROM (SELECT id, item_id, lot_number, status, expiry_date FROM lots
          WHERE tenant_id = ${tenantId} AND (id IN ${sqlList([0, ...lotIds])}
             OR id IN (SELECT lot_id FROM stock_buckets WHERE tenant_id = ${tenantId} AND quantity > 0
                        AND item_id IN ${sqlList([0, ...picking.map((line) => line.itemId)])}
                        AND location_id IN ${sqlList([0, ...picking.map((line) => line.fromLocationId)])}))) l) AS lots,
      (SELECT coalesce(json_agg(b), '[]') FROM (SELECT item_id, location_id, lot_id, quantity::text FROM stock_buckets
          WHERE tenant_id = ${tenantId} AND quantity > 0 AND lot_id IS NOT NULL
            AND item_id IN ${sqlList([0, ...picking.map((line) => line.itemId)])}
            AND location_id IN ${sqlList([0, ...picking.map((line) => line.fromLocationId)])}) b) AS buckets,
      (SELECT coalesce(json_agg(q), '[]') FROM (SELECT id, warehouse_id FROM locations
          WHERE tenant_id = ${tenantId} AND kind = 'quarantine' AND is_system AND warehouse_id IN ${sqlList([0, ...warehouseIds])}) q) AS quarantines`)
  const lots = new Map(rows[0].lots.map((lot) => [Number(lot.id), { ...lot, id: Number(lot.id), item_id: Number(lot.item_id) }]))
  const quarantineOf = new Map(rows[0].quarantines.map((row) => [Number(row.warehouse_id), Number(row.id)]))
  const taken = new Map<string, bigint>()

  const picked: { line: L; isPicked: boolean }[] = []
  for (const line of lines) {
    if (!needsPick(line)) {
      picked.push({ line, isPicked: false })
      continue
    }
    const bucketKey = (lotId: number) => `${line.itemId}|${line.fromLocationId}|${lotId}`
    const candidates: LotCandidate[] = rows[0].buckets
      .filter((bucket) => Number(bucket.item_id) === line.itemId && Number(bucket.location_id) === line.fromLocationId)
      .map((bucket) => {
        const lot = lots.get(Number(bucket.lot_id))!
        return { lotId: lot.id, lotNumber: lot.lot_number, expiryDate: lot.expiry_date, units: toUnits(bucket.quantity) - (taken.get(bucketKey(lot.id)) ?? 0n), isBlocked: effectiveStatus(lot) !== 'active' }
      })
    // What is in transit arrives whatever its lot; a blocked lot's arrival is then redirected to quarantine below.
    const includeBlocked = kindOf(line.fromLocationId) === 'transit' || !SELLABLE_KINDS.includes(kindOf(line.toLocationId))
    const { picks, shortage, usable } = pickLots({ candidates, units: line.units, includeBlocked })
    if (shortage > 0n) {
      const warehouseId = refs.locations.get(line.fromLocationId)!.warehouse_id!
      throw new InsufficientStockError(
        { sku: refs.items.get(line.itemId)!.sku, warehouseCode: `${refs.warehouseCodes.get(warehouseId) ?? warehouseId} (usable lots)`, available: fromUnits(usable), requested: line.quantity, itemId: line.itemId, warehouseId },
        `${prefix}.${line.lineNo - 1}.quantity`,
      )
    }
    for (const pick of picks) {
      taken.set(bucketKey(pick.lotId), (taken.get(bucketKey(pick.lotId)) ?? 0n) + pick.units)
      picked.push({ line: { ...line, lotId: pick.lotId, quantity: fromUnits(pick.units), units: pick.units, reasonCode: line.reasonCode ?? pick.reason }, isPicked: true })
    }
  }

  const result: L[] = []
  for (const { line, isPicked } of picked) {
    const path = `${prefix}.${line.lineNo - 1}`
    const to = refs.locations.get(line.toLocationId)!
    if (line.lotId === null) {
      result.push(line)
      continue
    }
    const lot = lots.get(line.lotId)
    if (!lot) throw new NotFoundError(`Lot ${line.lotId} does not exist in this tenant`, `${path}.lot`)
    if (lot.item_id !== line.itemId) throw new ValidationError('LOT.ITEM_MISMATCH', `Lot ${lot.lot_number} is not a lot of ${refs.items.get(line.itemId)!.sku}`, `${path}.lot`)
    const status = effectiveStatus(lot)
    if (status === 'active' || !SELLABLE_KINDS.includes(to.kind) || line.movementType === 'release') {
      const isPinnedPick = !isPicked && status === 'active' && isLotTracked(line) && (line.movementType === 'issue' || line.movementType === 'transfer-out')
      result.push(isPinnedPick ? { ...line, reasonCode: line.reasonCode ?? 'pinned' } : line)
      continue
    }
    const quarantineId = to.kind === 'internal' && to.warehouse_id !== null ? quarantineOf.get(to.warehouse_id) : undefined
    if (quarantineId === undefined || quarantineId === line.fromLocationId) throw new LotBlockedError({ lotNumber: lot.lot_number, status }, `${path}.lot`)
    refs.locations.set(quarantineId, { id: quarantineId, kind: 'quarantine', warehouse_id: to.warehouse_id })
    result.push({ ...line, toLocationId: quarantineId, reasonCode: BLOCK_REASON[status] })
  }
  return result.map((line, index) => ({ ...line, lineNo: index + 1 }))
}
