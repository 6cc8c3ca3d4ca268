import { componentUnits, kitCapacity, type Kit } from '../boms/kitQuantities'
import { fromUnits } from '../stock/decimal'

export type AllocationWarehouse = { id: number; code: string; fulfilmentPriority: number }
/** A line of a kit (an item with an active BOM) reserves its components, all from the same warehouse. */
export type AllocationLine = { index: number; itemId: number; units: bigint; pinnedWarehouseId: number | null; kit?: Pick<Kit, 'step' | 'components'> }
export type Allocation = { warehouseId: number; units: bigint; reason: string; components?: { itemId: number; units: bigint }[] }
export type LineAllocation = { index: number; itemId: number; requested: bigint; allocations: Allocation[]; shortage: bigint }

export type AllocationInput = {
  lines: AllocationLine[]
  /** Active warehouses, in allocation order (fulfilment priority, lowest first). */
  warehouses: AllocationWarehouse[]
  /** Available units per `${itemId}|${warehouseId}`, read under lock. */
  available: Map<string, bigint>
  isSingleWarehouse: boolean
}

const keyOf = (itemId: number, warehouseId: number) => `${itemId}|${warehouseId}`
const min = (a: bigint, b: bigint) => (a < b ? a : b)

/** How much of the line's item the stock at a warehouse can supply: the item's available, or what the components make. */
export function lineCapacity(line: Pick<AllocationLine, 'itemId' | 'kit'>, warehouseId: number, available: Map<string, bigint>): bigint {
  if (!line.kit) return available.get(keyOf(line.itemId, warehouseId)) ?? 0n
  return kitCapacity(line.kit, (itemId) => available.get(keyOf(itemId, warehouseId)) ?? 0n)
}

/**
 * Decides where each line's units come from. One running balance per item × warehouse is shared by every line,
 * so two lines of the same item are summed against the same stock (no bundle oversell). Lines pinned to a
 * warehouse take only from it; the others take from active warehouses by fulfilment priority, splitting a line
 * across warehouses unless the caller asked for a single warehouse. Pure: no database, no rounding.
 */
export function allocate(input: AllocationInput): LineAllocation[] {
  if (!input.isSingleWarehouse) return allocateGreedily(input, input.warehouses, (warehouse, before, isSplit) =>
    `${isSplit ? 'split: ' : ''}fulfilment priority ${warehouse.fulfilmentPriority} at ${warehouse.code}, ${fromUnits(before)} available`)
  const candidates = singleWarehouseCandidates(input)
  let best: { warehouse: AllocationWarehouse; result: LineAllocation[]; units: bigint } | undefined
  for (const warehouse of candidates) {
    const result = allocateGreedily(input, [warehouse], (chosen, before) =>
      `single warehouse: ${chosen.code} (fulfilment priority ${chosen.fulfilmentPriority}), ${fromUnits(before)} available`)
    const units = result.reduce((sum, line) => sum + line.allocations.reduce((total, allocation) => total + allocation.units, 0n), 0n)
    if (result.every((line) => line.shortage === 0n)) return result
    if (!best || units > best.units) best = { warehouse, result, units }
  }
  return best?.result ?? input.lines.map((line) => ({ index: line.index, itemId: line.itemId, requested: line.units, allocations: [], shortage: line.units }))
}

function singleWarehouseCandidates(input: AllocationInput): AllocationWarehouse[] {
  const pinned = new Set(input.lines.map((line) => line.pinnedWarehouseId).filter((id): id is number => id !== null))
  if (pinned.size === 0) return input.warehouses
  return input.warehouses.filter((warehouse) => pinned.has(warehouse.id)).slice(0, pinned.size === 1 ? 1 : 0)
}

function allocateGreedily(
  input: AllocationInput,
  warehouses: AllocationWarehouse[],
  reasonOf: (warehouse: AllocationWarehouse, availableBefore: bigint, isSplit: boolean) => string,
): LineAllocation[] {
  const remaining = new Map(input.available)
  return input.lines.map((line) => {
    const candidates = line.pinnedWarehouseId === null ? warehouses : warehouses.filter((warehouse) => warehouse.id === line.pinnedWarehouseId)
    const allocations: Allocation[] = []
    let need = line.units
    for (const warehouse of candidates) {
      if (need === 0n) break
      const before = lineCapacity(line, warehouse.id, remaining)
      const take = min(need, before)
      if (take <= 0n) continue
      const components = line.kit?.components.map((component) => ({ itemId: component.itemId, units: componentUnits(component, take) }))
      for (const { itemId, units } of components ?? [{ itemId: line.itemId, units: take }]) {
        remaining.set(keyOf(itemId, warehouse.id), (remaining.get(keyOf(itemId, warehouse.id)) ?? 0n) - units)
      }
      need -= take
      const reason = line.pinnedWarehouseId === null ? reasonOf(warehouse, before, allocations.length > 0 || need > 0n) : `pinned by the request to ${warehouse.code}, ${fromUnits(before)} available`
      allocations.push({ warehouseId: warehouse.id, units: take, reason, ...(components ? { components } : {}) })
    }
    return { index: line.index, itemId: line.itemId, requested: line.units, allocations, shortage: need }
  })
}
