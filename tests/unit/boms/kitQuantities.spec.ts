import { describe, expect, it } from 'vitest'

import { componentUnits, kitCapacity, proportionalUnits, stepOf } from '../../../src/domain/boms/kitQuantities'
import { allocate } from '../../../src/domain/reservations/allocate'
import { toUnits } from '../../../src/domain/stock/decimal'

const grams = stepOf(3)
const each = stepOf(0)
/** 0.018 kg of beans per unit (0.18 kg per yield of 10). */
const beans = { itemId: 1, sku: 'BEANS', ratio: { num: 18n, den: 1000n }, step: grams }
/** 1/3 l of milk per unit (1 l per yield of 3), in a 3-decimal unit. */
const milk = { itemId: 2, sku: 'MILK', ratio: { num: 1n, den: 3n }, step: grams }

describe('kit quantities', () => {
  it('should round a component up to its own precision, never short', () => {
    expect(componentUnits(beans, toUnits(2))).toBe(toUnits('0.036'))
    expect(componentUnits(milk, toUnits(1))).toBe(toUnits('0.334'))
    expect(componentUnits(milk, toUnits(3))).toBe(toUnits(1))
  })

  it('should make min over components of floor(available / quantity per unit), in the kit’s precision', () => {
    const kit = { step: each, components: [beans, milk] }
    const available = new Map([
      [1, toUnits('1')],
      [2, toUnits('1.5')],
    ])
    expect(kitCapacity(kit, (itemId) => available.get(itemId) ?? 0n)).toBe(toUnits(4))
    expect(kitCapacity(kit, () => 0n)).toBe(0n)
  })

  it('should issue a component’s reserved quantity in proportional parts that add up exactly', () => {
    const total = toUnits('1')
    const first = proportionalUnits(total, toUnits(1), toUnits(3), grams)
    const second = proportionalUnits(total, toUnits(2), toUnits(3), grams) - first
    const last = proportionalUnits(total, toUnits(3), toUnits(3), grams) - first - second
    expect([first, second, last]).toEqual([toUnits('0.334'), toUnits('0.333'), toUnits('0.333')])
  })

  it('should allocate whole kits per warehouse, sharing component stock with the other lines', () => {
    const kit = { step: each, components: [beans, milk] }
    const available = new Map([
      ['1|10', toUnits(1)],
      ['2|10', toUnits(1)],
      ['1|20', toUnits(1)],
      ['2|20', toUnits(10)],
    ])
    const warehouses = [
      { id: 10, code: 'CAFE-1', fulfilmentPriority: 1 },
      { id: 20, code: 'CAFE-2', fulfilmentPriority: 2 },
    ]
    const [kitLine, milkLine] = allocate({
      lines: [
        { index: 0, itemId: 99, units: toUnits(4), pinnedWarehouseId: null, kit },
        { index: 1, itemId: 2, units: toUnits('9.8'), pinnedWarehouseId: 20 },
      ],
      warehouses,
      available,
      isSingleWarehouse: false,
    })
    expect(kitLine.allocations.map((allocation) => [allocation.warehouseId, allocation.units])).toEqual([
      [10, toUnits(3)],
      [20, toUnits(1)],
    ])
    expect(kitLine.allocations[0].components).toEqual([
      { itemId: 1, units: toUnits('0.054') },
      { itemId: 2, units: toUnits(1) },
    ])
    expect(milkLine.shortage).toBe(toUnits('0.134'))
  })
})
