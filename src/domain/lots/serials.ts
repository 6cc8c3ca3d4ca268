import { sql } from '@payloadcms/db-postgres/drizzle'

import { sqlList, type SqlExecutor } from '../../db/transaction'
import { ConflictError, NotFoundError, ValidationError } from '../errors'
import { isVirtualKind, type LocationKind } from '../stock/locationKinds'

export const SERIAL_STATUSES = ['in-stock', 'quarantined', 'in-transit', 'sold', 'consumed', 'returned', 'scrapped', 'written-off'] as const
export type SerialStatus = (typeof SERIAL_STATUSES)[number]

/** Where a serial is tells what it is. */
export const SERIAL_STATUS_AT: Record<LocationKind, SerialStatus> = {
  internal: 'in-stock',
  quarantine: 'quarantined',
  transit: 'in-transit',
  customer: 'sold',
  production: 'consumed',
  supplier: 'returned',
  scrap: 'scrapped',
  adjustment: 'written-off',
}

export type SerialLine = {
  itemId: number
  lotId: number | null
  fromLocationId: number
  toLocationId: number
  units: bigint
  quantity: string
  lineNo: number
  serials?: string[] | null
}

type SerialRefs = {
  items: Map<number, { id: number; sku: string; is_serial_tracked?: boolean | null }>
  locations: Map<number, { id: number; kind: LocationKind; warehouse_id: number | null }>
}

type SerialRow = { id: number; item_id: number; serial: string; lot_id: number | null; current_location_id: number | null }

const UNIT = 10_000n

/**
 * Serial rules of a posting (after its lot rules): a serial-tracked line moves whole units and names one distinct
 * serial per unit. A serial comes into existence when it arrives from a virtual location (supplier, found, customer
 * return); otherwise it must be where the line takes it from, in the line's lot. A line leaving stock that names no
 * serials takes the ones longest at the location. Returns the serials of each line, in line order.
 */
export async function resolveSerials({ db, tenantId, lines, refs, prefix }: { db: SqlExecutor; tenantId: number; lines: SerialLine[]; refs: SerialRefs; prefix: string }): Promise<string[][]> {
  const isTracked = (line: SerialLine) => refs.items.get(line.itemId)?.is_serial_tracked === true
  if (!lines.some(isTracked)) return lines.map(() => [])
  const named = lines.flatMap((line) => (isTracked(line) ? (line.serials ?? []) : []))
  const { rows } = await db.execute<SerialRow>(sql`
    SELECT id, item_id, serial, lot_id, current_location_id FROM serial_numbers
     WHERE tenant_id = ${tenantId} AND item_id IN ${sqlList([0, ...lines.filter(isTracked).map((line) => line.itemId)])}
       AND (serial IN ${sqlList(['', ...named])} OR current_location_id IN ${sqlList([0, ...lines.filter(isTracked).map((line) => line.fromLocationId)])})
     ORDER BY updated_at, id`)
  const used = new Set<string>()
  return lines.map((line) => {
    if (!isTracked(line)) return []
    const path = `${prefix}.${line.lineNo - 1}`
    const sku = refs.items.get(line.itemId)!.sku
    if (line.units % UNIT !== 0n) throw new ValidationError('SERIAL.WHOLE_UNITS', `${sku} is serial-tracked: move whole units`, `${path}.quantity`)
    const count = Number(line.units / UNIT)
    const fromKind = refs.locations.get(line.fromLocationId)!.kind
    const keyOf = (serial: string) => `${line.itemId}|${serial}`
    let serials = line.serials ?? []
    if (serials.length === 0 && !isVirtualKind(fromKind)) {
      serials = rows
        .filter((row) => Number(row.item_id) === line.itemId && Number(row.current_location_id) === line.fromLocationId && (line.lotId === null || Number(row.lot_id) === line.lotId) && !used.has(keyOf(row.serial)))
        .slice(0, count)
        .map((row) => row.serial)
    }
    if (serials.length !== count) throw new ValidationError('SERIAL.COUNT', `${sku} is serial-tracked: ${count} unit(s) need ${count} serial(s), got ${serials.length}`, `${path}.serials`)
    for (const serial of serials) {
      if (typeof serial !== 'string' || serial.trim() === '') throw new ValidationError('SERIAL.INVALID', 'Serials are non-empty strings', `${path}.serials`)
      if (used.has(keyOf(serial))) throw new ValidationError('SERIAL.DUPLICATE', `Serial ${serial} of ${sku} appears twice`, `${path}.serials`)
      used.add(keyOf(serial))
      const row = rows.find((candidate) => Number(candidate.item_id) === line.itemId && candidate.serial === serial)
      if (!row) {
        if (!isVirtualKind(fromKind)) throw new NotFoundError(`Serial ${serial} of ${sku} is not in stock here`, `${path}.serials`)
        continue
      }
      if (Number(row.current_location_id) !== line.fromLocationId) {
        throw new ConflictError('SERIAL.NOT_AT_LOCATION', `Serial ${serial} of ${sku} is not at the location it is moved from`, `${path}.serials`)
      }
      if (line.lotId !== null && row.lot_id !== null && Number(row.lot_id) !== line.lotId) {
        throw new ConflictError('SERIAL.LOT_MISMATCH', `Serial ${serial} of ${sku} belongs to another lot: name its lot`, `${path}.serials`)
      }
    }
    return serials
  })
}

/** Moves the serials of posted lines and links each to its ledger entry (serial-movements), in the posting's transaction. */
export async function recordSerialMovements({ db, tenantId, lines, serials, entryIds, refs }: { db: SqlExecutor; tenantId: number; lines: SerialLine[]; serials: string[][]; entryIds: number[]; refs: SerialRefs }): Promise<void> {
  const rows = lines.flatMap((line, index) =>
    serials[index].map((serial) => {
      const to = refs.locations.get(line.toLocationId)!
      return { item: line.itemId, serial, lot: line.lotId, from: line.fromLocationId, to: to.id, warehouse: to.warehouse_id, status: SERIAL_STATUS_AT[to.kind], entry: entryIds[index] }
    }),
  )
  if (rows.length === 0) return
  await db.execute(sql`
    WITH moved AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS m(item integer, serial text, lot integer, "from" integer, "to" integer, warehouse integer, status text, entry integer)
    ), upserted AS (
      INSERT INTO serial_numbers AS s (tenant_id, item_id, serial, lot_id, current_location_id, warehouse_id, status, updated_at, created_at)
      SELECT ${tenantId}, item, serial, lot, "to", warehouse, status::enum_serial_numbers_status, now(), now() FROM moved
      ON CONFLICT (tenant_id, item_id, serial) DO UPDATE SET current_location_id = EXCLUDED.current_location_id,
        warehouse_id = EXCLUDED.warehouse_id, status = EXCLUDED.status, lot_id = coalesce(EXCLUDED.lot_id, s.lot_id), updated_at = now()
      RETURNING id, item_id, serial
    )
    INSERT INTO serial_movements (tenant_id, serial_number_id, ledger_entry_id, item_id, from_location_id, to_location_id, updated_at, created_at)
    SELECT ${tenantId}, u.id, m.entry, m.item, m."from", m."to", now(), now() FROM moved m JOIN upserted u ON u.item_id = m.item AND u.serial = m.serial`)
}
