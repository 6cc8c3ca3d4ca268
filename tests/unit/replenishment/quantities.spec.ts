import { describe, expect, it } from 'vitest'

import { planDraftPurchaseOrders } from '../../../src/domain/replenishment/draftPurchaseOrders'
import {
  ceilToPrecision,
  dynamicReorderPoint,
  economicOrderQuantity,
  isAtOrBelow,
  roundToSupplierPack,
  suggestedOrderQuantity,
  triggerLevel,
} from '../../../src/domain/replenishment/quantities'
import { deliveryFor } from '../../../src/domain/notifications/preferences'

describe('EOQ', () => {
  it('should be √(2·D·S/H) rounded up to the item precision', () => {
    // D 1200/yr, S 50 per order, H = 20 % of 15 = 3 → √40000 = 200
    expect(economicOrderQuantity({ annualDemand: 1200, orderCost: 50, holdingCostPercent: 20, unitCost: 15, precision: 0 })).toBe('200')
    // √(2·1000·10/2) = 100 exactly; √(2·1000·10/3) = 81.65 → 82 each, 81.65 at 2 decimals
    expect(economicOrderQuantity({ annualDemand: 1000, orderCost: 10, holdingCostPercent: 20, unitCost: 15, precision: 0 })).toBe('82')
    expect(economicOrderQuantity({ annualDemand: '1000', orderCost: '10', holdingCostPercent: '20', unitCost: '15', precision: 2 })).toBe('81.65')
  })

  it('should be null when an input is missing or not positive', () => {
    expect(economicOrderQuantity({ annualDemand: null, orderCost: 50, holdingCostPercent: 20, unitCost: 15, precision: 0 })).toBeNull()
    expect(economicOrderQuantity({ annualDemand: 1200, orderCost: 50, holdingCostPercent: 0, unitCost: 15, precision: 0 })).toBeNull()
    expect(economicOrderQuantity({ annualDemand: 1200, orderCost: 50, holdingCostPercent: 20, unitCost: '', precision: 0 })).toBeNull()
  })
})

describe('reorder points', () => {
  it('should compute a dynamic reorder point as usage × lead time + safety stock, rounded up', () => {
    expect(dynamicReorderPoint({ averageDailyUsage: '2.5', leadTimeDays: 7, safetyStock: 3, precision: 0 })).toBe('21')
    expect(dynamicReorderPoint({ averageDailyUsage: '0.1', leadTimeDays: 3, precision: 1 })).toBe('0.3')
    expect(ceilToPrecision(12.01, 0)).toBe('13')
  })

  it('should trigger on the dynamic point when computed, else the reorder point, else min', () => {
    expect(triggerLevel({ isDynamic: true, dynamicReorderPoint: '21', reorderPoint: '10', minQuantity: '5' })).toBe('21')
    expect(triggerLevel({ isDynamic: true, dynamicReorderPoint: null, reorderPoint: '10' })).toBe('10')
    expect(triggerLevel({ isDynamic: false, dynamicReorderPoint: '21', reorderPoint: null, minQuantity: '5.50' })).toBe('5.5')
    expect(triggerLevel({})).toBeNull()
  })

  it('should be low at or below the level and recovered only strictly above it', () => {
    expect(isAtOrBelow('10', '10')).toBe(true)
    expect(isAtOrBelow('10.0001', '10')).toBe(false)
    expect(isAtOrBelow(0, '0.5')).toBe(true)
  })
})

describe('suggested order quantity', () => {
  it('should order up to max net of available and on order when the rule has a max', () => {
    expect(suggestedOrderQuantity({ available: '4', onOrder: '10', maxQuantity: '50', eoq: '200', reorderQuantity: '30' })).toBe('36')
    expect(suggestedOrderQuantity({ available: '45', onOrder: '10', maxQuantity: '50' })).toBe('0')
  })

  it('should fall back to the EOQ, then the reorder quantity', () => {
    expect(suggestedOrderQuantity({ available: '4', eoq: '200', reorderQuantity: '30' })).toBe('200')
    expect(suggestedOrderQuantity({ available: '4', reorderQuantity: '30' })).toBe('30')
    expect(suggestedOrderQuantity({ available: '4' })).toBe('0')
  })

  it('should round up to the minimum order quantity and then to whole packs', () => {
    expect(roundToSupplierPack({ quantity: '17', packSize: 6, minimumOrderQuantity: 4 })).toBe('24')
    expect(roundToSupplierPack({ quantity: '25', packSize: 6, minimumOrderQuantity: 4 })).toBe('30')
    expect(roundToSupplierPack({ quantity: '25', packSize: null, minimumOrderQuantity: 10 })).toBe('25')
    expect(roundToSupplierPack({ quantity: '2.3', packSize: '0.5' })).toBe('2.5')
    expect(roundToSupplierPack({ quantity: '0', packSize: 6, minimumOrderQuantity: 4 })).toBe('0')
  })
})

describe('draft purchase order plan', () => {
  const offers = [
    { supplierId: 1, itemId: 10, packSize: '6', minimumOrderQuantity: '2', unitPrice: '2.5', isPreferred: true },
    { supplierId: 2, itemId: 10, packSize: null, minimumOrderQuantity: null, unitPrice: '2', isPreferred: false },
    { supplierId: 1, itemId: 11, packSize: '10', minimumOrderQuantity: null, unitPrice: null, isPreferred: true },
    { supplierId: 3, itemId: 12, packSize: null, minimumOrderQuantity: null, unitPrice: '9', isPreferred: true },
    { supplierId: 2, itemId: 12, packSize: null, minimumOrderQuantity: null, unitPrice: '7', isPreferred: true },
  ]

  it('should group alerts by preferred supplier and warehouse with pack-rounded quantities', () => {
    const plan = planDraftPurchaseOrders({
      offers,
      alerts: [
        { alertId: 1, itemId: 10, warehouseId: 100, suggestedQuantity: '5' },
        { alertId: 2, itemId: 11, warehouseId: 100, suggestedQuantity: '31' },
        { alertId: 3, itemId: 10, warehouseId: 200, suggestedQuantity: '13' },
        { alertId: 4, itemId: 12, warehouseId: 100, suggestedQuantity: '4' },
        { alertId: 5, itemId: 13, warehouseId: 100, suggestedQuantity: '4' },
        { alertId: 6, itemId: 11, warehouseId: 200, suggestedQuantity: '0' },
      ],
    })
    expect(plan.orders).toEqual([
      {
        supplierId: 1,
        warehouseId: 100,
        lines: [
          { itemId: 10, quantity: '12', packs: '2', packSize: '6', unitPrice: '2.5', alertIds: [1] },
          { itemId: 11, quantity: '40', packs: '4', packSize: '10', unitPrice: null, alertIds: [2] },
        ],
      },
      { supplierId: 1, warehouseId: 200, lines: [{ itemId: 10, quantity: '18', packs: '3', packSize: '6', unitPrice: '2.5', alertIds: [3] }] },
      { supplierId: 2, warehouseId: 100, lines: [{ itemId: 12, quantity: '4', packs: '4', packSize: '1', unitPrice: '7', alertIds: [4] }] },
    ])
    expect(plan.skipped).toEqual([
      { alertId: 5, reason: 'NO_PREFERRED_SUPPLIER' },
      { alertId: 6, reason: 'NOTHING_TO_ORDER' },
    ])
  })
})

describe('notification preferences', () => {
  it('should use the per-kind setting, then the default, then at once; unknown kinds always at once', () => {
    const preferences = { defaultDelivery: 'digest' as const, kinds: [{ kind: 'replenishment.low_stock', delivery: 'off' as const }] }
    expect(deliveryFor(preferences, 'replenishment.low_stock')).toBe('off')
    expect(deliveryFor(preferences, 'po.approved')).toBe('digest')
    expect(deliveryFor(preferences, 'password.reset')).toBe('immediate')
    expect(deliveryFor(null, 'po.approved')).toBe('immediate')
  })
})
