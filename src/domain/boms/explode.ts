import type { PayloadRequest } from 'payload'
import { sql, type SQL } from '@payloadcms/db-postgres/drizzle'

import { sqlList, transactionDb } from '../../db/transaction'
import { toUnits } from '../stock/decimal'
import { BomCycleError, BomTooDeepError } from './errors'
import { add, multiply, reduce, stepOf, type Kit, type Ratio } from './kitQuantities'

export const MAX_BOM_DEPTH = 10

export type BomItem = { id: number; sku: string; unit_precision: string; base_unit: string; track_inventory: boolean; active: boolean }
export type BomComponent = { itemId: number; quantity: string; wastePercent: string }
export type BomNode = { id: number; version: number; outputItemId: number; yieldQuantity: string; components: BomComponent[] }
/** The active BOMs reachable from some items (by output item) and every item they involve. */
export type BomGraph = { boms: Map<number, BomNode>; items: Map<number, BomItem> }

type GraphRow = {
  boms: { id: number; version: number; output_item_id: number; yield_quantity: string; components: { item: number; quantity: string; waste: string }[] }[]
  items: BomItem[]
}

/**
 * In one query: the items asked for, the active BOMs of those that are kits, and recursively of their components
 * (bounded, so a cycle stored by a race still ends), with every item involved. `alsoSelect` adds columns to that
 * query (a caller that needs more of the tenant in the same round trip); they come back in `extra`.
 */
export async function loadBomGraph({ req, tenantId, itemIds, alsoSelect }: { req: PayloadRequest; tenantId: number; itemIds: number[]; alsoSelect?: SQL }): Promise<BomGraph & { extra: Record<string, unknown> }> {
  const db = await transactionDb(req)
  const { rows } = await db.execute<GraphRow & Record<string, unknown>>(sql`
    WITH RECURSIVE reach(item_id, depth) AS (
      SELECT id, 0 FROM items WHERE tenant_id = ${tenantId} AND id IN ${sqlList([0, ...itemIds])}
      UNION
      SELECT c.item_id, r.depth + 1 FROM reach r
        JOIN boms b ON b.tenant_id = ${tenantId} AND b.output_item_id = r.item_id AND b.active
        JOIN boms_components c ON c._parent_id = b.id
       WHERE r.depth <= ${MAX_BOM_DEPTH}
    ), reached AS (SELECT DISTINCT item_id FROM reach)
    SELECT
      (SELECT coalesce(json_agg(x), '[]') FROM (
         SELECT b.id, b.version, b.output_item_id, b.yield_quantity::text AS yield_quantity,
                (SELECT coalesce(json_agg(json_build_object('item', c.item_id, 'quantity', c.quantity::text, 'waste', coalesce(c.waste_percent, 0)::text) ORDER BY c._order), '[]')
                   FROM boms_components c WHERE c._parent_id = b.id) AS components
           FROM boms b WHERE b.tenant_id = ${tenantId} AND b.active AND b.output_item_id IN (SELECT item_id FROM reached)) x) AS boms,
      (SELECT coalesce(json_agg(i), '[]') FROM (
         SELECT id, sku, unit_precision::text, base_unit, track_inventory, coalesce(active, true) AS active
           FROM items WHERE tenant_id = ${tenantId} AND id IN (SELECT item_id FROM reached)) i) AS items
      ${alsoSelect ? sql`, ${alsoSelect}` : sql``}`)
  const { boms, items, ...extra } = rows[0]
  return {
    extra,
    boms: new Map(
      boms.map((bom) => [
        Number(bom.output_item_id),
        {
          id: Number(bom.id),
          version: Number(bom.version),
          outputItemId: Number(bom.output_item_id),
          yieldQuantity: bom.yield_quantity,
          components: bom.components.map((component) => ({ itemId: Number(component.item), quantity: component.quantity, wastePercent: component.waste })),
        },
      ]),
    ),
    items: new Map(items.map((item) => [Number(item.id), { ...item, id: Number(item.id) }])),
  }
}

const HUNDRED_PERCENT = toUnits(100)

/** Component units per unit of output: quantity × (1 + waste %) / yield. */
function ratioOf(bom: BomNode, component: BomComponent): Ratio {
  return reduce({ num: toUnits(component.quantity) * (HUNDRED_PERCENT + toUnits(component.wastePercent)), den: toUnits(bom.yieldQuantity) * HUNDRED_PERCENT })
}

/**
 * The kits among `itemIds` (items with an active BOM), each multiplied out to the stocked items it consumes: nested
 * BOMs are exploded and a component reached by several paths is summed before rounding. A cycle or a nesting deeper
 * than MAX_BOM_DEPTH is refused with `errorStatus` (400 when saving a BOM, 409 when using one).
 */
export function explodeKits({ graph, itemIds, errorStatus, path }: { graph: BomGraph; itemIds: number[]; errorStatus: 400 | 409; path?: string }): Map<number, Kit> {
  const skuOf = (itemId: number) => graph.items.get(itemId)?.sku ?? String(itemId)
  const leavesOf = (itemId: number, trail: number[]): Map<number, Ratio> => {
    const bom = graph.boms.get(itemId)
    if (!bom) return new Map([[itemId, { num: 1n, den: 1n }]])
    const seen = trail.indexOf(itemId)
    if (seen >= 0) throw new BomCycleError([...trail.slice(seen), itemId].map(skuOf), { status: errorStatus, path })
    if (trail.length >= MAX_BOM_DEPTH) throw new BomTooDeepError([...trail, itemId].map(skuOf), MAX_BOM_DEPTH, { status: errorStatus, path })
    const leaves = new Map<number, Ratio>()
    for (const component of bom.components) {
      const ratio = ratioOf(bom, component)
      for (const [leafId, leafRatio] of leavesOf(component.itemId, [...trail, itemId])) {
        const scaled = multiply(ratio, leafRatio)
        const previous = leaves.get(leafId)
        leaves.set(leafId, previous ? add(previous, scaled) : scaled)
      }
    }
    return leaves
  }
  const kits = new Map<number, Kit>()
  for (const itemId of new Set(itemIds)) {
    const bom = graph.boms.get(itemId)
    if (!bom) continue
    const components = [...leavesOf(itemId, [])].map(([leafId, ratio]) => ({
      itemId: leafId,
      sku: skuOf(leafId),
      ratio,
      step: stepOf(Number(graph.items.get(leafId)?.unit_precision ?? 0)),
    }))
    kits.set(itemId, { itemId, sku: skuOf(itemId), bomId: bom.id, version: bom.version, step: stepOf(Number(graph.items.get(itemId)?.unit_precision ?? 0)), components })
  }
  return kits
}

/** Loads and explodes in one go: the kits among `itemIds`, and the items involved (kits and components). */
export async function findKits({ req, tenantId, itemIds }: { req: PayloadRequest; tenantId: number; itemIds: number[] }) {
  const graph = await loadBomGraph({ req, tenantId, itemIds })
  return { kits: explodeKits({ graph, itemIds, errorStatus: 409 }), items: graph.items }
}
