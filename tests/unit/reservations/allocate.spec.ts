import { describe, expect, it } from 'vitest'

import { allocate } from '../../../src/domain/reservations/allocate'

const warehouses = [
  { id: 1, code: 'A', fulfilmentPriority: 1 },
  { id: 2, code: 'B', fulfilmentPriority: 2 },
]
const available = (entries: [string, number][]) => new Map(entries.map(([key, units]) => [key, BigInt(units)]))

describe('allocate', () => {
  it('should sum two lines of one item against the same stock', () => {
    const result = allocate({
      lines: [
        { index: 0, itemId: 7, units: 2n, pinnedWarehouseId: null },
        { index: 1, itemId: 7, units: 2n, pinnedWarehouseId: null },
      ],
      warehouses: [warehouses[0]],
      available: available([['7|1', 3]]),
      isSingleWarehouse: false,
    })
    expect(result.map((line) => line.shortage)).toEqual([0n, 1n])
  })

  it('should take from the lowest priority number first and split the rest', () => {
    const [line] = allocate({ lines: [{ index: 0, itemId: 7, units: 5n, pinnedWarehouseId: null }], warehouses, available: available([['7|1', 2], ['7|2', 9]]), isSingleWarehouse: false })
    expect(line.allocations.map(({ warehouseId, units }) => [warehouseId, units])).toEqual([[1, 2n], [2, 3n]])
    expect(line.shortage).toBe(0n)
  })

  it('should keep a single-warehouse reservation whole, in the first warehouse that covers it', () => {
    const result = allocate({
      lines: [
        { index: 0, itemId: 7, units: 5n, pinnedWarehouseId: null },
        { index: 1, itemId: 8, units: 1n, pinnedWarehouseId: null },
      ],
      warehouses,
      available: available([['7|1', 5], ['7|2', 5], ['8|2', 1]]),
      isSingleWarehouse: true,
    })
    expect(result.flatMap((line) => line.allocations.map((allocation) => allocation.warehouseId))).toEqual([2, 2])
  })

  it('should take a pinned line only from its warehouse', () => {
    const [line] = allocate({ lines: [{ index: 0, itemId: 7, units: 3n, pinnedWarehouseId: 2 }], warehouses, available: available([['7|1', 10], ['7|2', 1]]), isSingleWarehouse: false })
    expect(line.allocations.map(({ warehouseId, units }) => [warehouseId, units])).toEqual([[2, 1n]])
    expect(line.shortage).toBe(2n)
  })
})
