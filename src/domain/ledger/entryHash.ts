import crypto from 'node:crypto'

import { normalizeDecimal } from '../stock/quantity'

/** The stored columns of a ledger entry that its hash covers, as they come back from SQL. */
export type HashedEntryColumns = {
  tenant_id: number | string
  item_id: number | string
  lot_id: number | string | null
  quantity: string
  from_location_id: number | string
  to_location_id: number | string
  from_warehouse_id: number | string | null
  to_warehouse_id: number | string | null
  unit_cost: string | null
  movement_type: string
  reason_code: string | null
  source_collection: string | null
  source_id: string | null
  reference: string | null
  qty_before_from: string | null
  qty_after_from: string | null
  qty_before_to: string | null
  qty_after_to: string | null
  actor_id: number | string | null
  idempotency_key: string
  line_no: number | string
  request_hash: string
  occurred_at: Date | string
  /** Set by the posting function since costing: the movement's exact cost and when it counts in valuations. */
  total_cost?: string | null
  booked_at?: Date | string | null
}

const decimalOrNull = (value: string | null) => (value === null ? null : normalizeDecimal(value))
const idOrNull = (value: number | string | null) => (value === null ? null : String(value))

export type EntryContent = Omit<HashedEntryColumns, 'qty_before_from' | 'qty_after_from' | 'qty_before_to' | 'qty_after_to' | 'total_cost' | 'booked_at'>

/** SHA-256 over a canonical JSON array of what the entry moved, where, why and by whom. */
export function contentHashOf(entry: EntryContent): string {
  const canonical = JSON.stringify([
    String(entry.tenant_id),
    String(entry.item_id),
    idOrNull(entry.lot_id),
    normalizeDecimal(entry.quantity),
    String(entry.from_location_id),
    String(entry.to_location_id),
    idOrNull(entry.from_warehouse_id),
    idOrNull(entry.to_warehouse_id),
    decimalOrNull(entry.unit_cost),
    entry.movement_type,
    entry.reason_code,
    entry.source_collection,
    entry.source_id,
    entry.reference,
    idOrNull(entry.actor_id),
    entry.idempotency_key,
    String(entry.line_no),
    entry.request_hash,
    new Date(entry.occurred_at).toISOString(),
  ])
  return sha256(canonical)
}

/**
 * The stored hash: the content hash followed by the on-hand before/after and, for entries booked since costing,
 * the total cost and the booking instant (epoch milliseconds) — all only known once the stock level is locked.
 * The database computes the same text (qm_post_stock, with trim_scale) when it inserts the entry; any change to a
 * stored column changes it.
 */
export function hashLedgerEntry(entry: HashedEntryColumns): string {
  const quantities = [entry.qty_before_from, entry.qty_after_from, entry.qty_before_to, entry.qty_after_to].map((value) => decimalOrNull(value) ?? '')
  const costing = entry.booked_at == null ? [] : [decimalOrNull(entry.total_cost ?? null) ?? '', String(new Date(entry.booked_at).getTime())]
  return sha256([contentHashOf(entry), ...quantities, ...costing].join('|'))
}

export function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex')
}
