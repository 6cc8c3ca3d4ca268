import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { transactionDb } from '../../db/transaction'
import { NotFoundError, ValidationError } from '../errors'
import { normalizeDecimal, parseQuantity } from '../stock/quantity'
import { explodeKits, loadBomGraph } from './explode'

const MAX_WASTE_PERCENT = 1000

const idOf = (value: unknown) => Number(typeof value === 'object' && value !== null ? (value as { id: unknown }).id : value)

/**
 * The server's checks of a BOM before it is saved: the output item and every component belong to the tenant,
 * quantities respect each item's unit precision, a component appears once and is not the output, and — for an
 * active BOM — the BOMs it reaches form no cycle (BOM.CYCLE) and nest at most 10 deep. A new BOM gets the next
 * version number of its output item; activating one deactivates the item's other versions. BOM saves of a
 * tenant run one at a time (transaction advisory lock), so two saves cannot each add half of a cycle.
 */
export async function prepareBom({ req, data, originalDoc }: { req: PayloadRequest; data: Record<string, any>; originalDoc?: Record<string, any> }) {
  const merged = { ...originalDoc, ...data }
  const tenantId = idOf(merged.tenant)
  const outputItemId = idOf(merged.outputItem)
  if (!Number.isInteger(tenantId)) throw new ValidationError('VALIDATION.TENANT_REQUIRED', 'Name the tenant the BOM belongs to.', 'tenant')
  const db = await transactionDb(req)
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext('qm:boms'), ${tenantId})`)

  const components: Record<string, unknown>[] = Array.isArray(merged.components) ? merged.components : []
  if (components.length === 0) throw new ValidationError('BOM.COMPONENTS_REQUIRED', 'A BOM needs at least one component.', 'components')
  const componentIds = components.map((component) => idOf(component.item))
  const graph = await loadBomGraph({ req, tenantId, itemIds: [outputItemId, ...componentIds.filter(Number.isInteger)] })
  const output = graph.items.get(outputItemId)
  if (!output) throw new NotFoundError(`Item ${String(outputItemId)} does not exist in this tenant`, 'outputItem')
  const yieldQuantity = parseQuantity({ value: merged.yieldQuantity ?? 1, precision: Number(output.unit_precision), unit: output.base_unit, path: 'yieldQuantity' })

  const seen = new Set<number>()
  const checked = components.map((component, index) => {
    const path = `components.${index}`
    const itemId = componentIds[index]
    const item = graph.items.get(itemId)
    if (!item) throw new NotFoundError(`Item ${String(itemId)} does not exist in this tenant`, `${path}.item`)
    if (itemId === outputItemId) throw new ValidationError('BOM.CYCLE', `${item.sku} cannot be a component of itself`, `${path}.item`)
    if (seen.has(itemId)) throw new ValidationError('BOM.DUPLICATE_COMPONENT', `${item.sku} appears twice; give it one line with the total quantity`, `${path}.item`)
    seen.add(itemId)
    if (!item.track_inventory && !graph.boms.has(itemId)) {
      throw new ValidationError('BOM.COMPONENT_NOT_STOCKED', `${item.sku} neither tracks inventory nor has an active BOM of its own`, `${path}.item`)
    }
    const quantity = parseQuantity({ value: component.quantity, precision: Number(item.unit_precision), unit: item.base_unit, path: `${path}.quantity` })
    const wastePercent = normalizeWaste(component.wastePercent, `${path}.wastePercent`)
    return { ...component, item: itemId, quantity: Number(quantity), wastePercent: Number(wastePercent) }
  })

  const isActive = merged.active !== false
  if (isActive) {
    graph.boms.set(outputItemId, {
      id: Number(originalDoc?.id ?? 0),
      version: 0,
      outputItemId,
      yieldQuantity,
      components: checked.map((component) => ({ itemId: component.item, quantity: String(component.quantity), wastePercent: String(component.wastePercent) })),
    })
    explodeKits({ graph, itemIds: [outputItemId], errorStatus: 400, path: 'components' })
    await db.execute(sql`UPDATE boms SET active = false WHERE tenant_id = ${tenantId} AND output_item_id = ${outputItemId} AND active AND id <> ${Number(originalDoc?.id ?? 0)}`)
  }
  const version = originalDoc?.version ?? (await nextVersion(req, tenantId, outputItemId))
  return { ...data, active: isActive, version, yieldQuantity: Number(yieldQuantity), components: checked }
}

function normalizeWaste(value: unknown, path: string): string {
  if (value === undefined || value === null || value === '') return '0'
  let waste: string
  try {
    waste = normalizeDecimal(value as string | number)
  } catch {
    throw new ValidationError('BOM.WASTE_PERCENT', 'wastePercent must be a number', path)
  }
  if (waste.startsWith('-') || Number(waste) >= MAX_WASTE_PERCENT || (waste.split('.')[1]?.length ?? 0) > 2) {
    throw new ValidationError('BOM.WASTE_PERCENT', `wastePercent is between 0 and ${MAX_WASTE_PERCENT}, with at most 2 decimals`, path)
  }
  return waste
}

async function nextVersion(req: PayloadRequest, tenantId: number, outputItemId: number): Promise<number> {
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ version: number }>(sql`SELECT coalesce(max(version), 0) + 1 AS version FROM boms WHERE tenant_id = ${tenantId} AND output_item_id = ${outputItemId}`)
  return Number(rows[0].version)
}
