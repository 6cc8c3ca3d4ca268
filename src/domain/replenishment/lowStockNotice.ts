import type { Notification } from '../notifications/notifyUsers'
import type { EffectiveRule } from './rules'

export const LOW_STOCK_KIND = 'replenishment.low_stock'

export type LowStockFacts = {
  tenantId: number
  alertId: number
  sku: string
  itemName: string
  warehouseCode: string
  warehouseName: string
  available: string
  onOrder: string
  suggestedQuantity: string
  rule: EffectiveRule
}

/** The console link to a document, from PUBLIC_URL (empty: a relative link). */
export function consoleUrl(path: string): string {
  return `${(process.env.PUBLIC_URL || '').replace(/\/$/, '')}/admin/${path}`
}

/** The low-stock e-mail for the tenant's stock keepers and buyers (or their daily digest). */
export function lowStockNotice(facts: LowStockFacts): Notification {
  const isOut = Number(facts.available) === 0
  const basis = facts.rule.basis === 'rule' ? 'its reorder rule' : 'the tenant’s low-stock threshold'
  return {
    tenantId: facts.tenantId,
    kind: LOW_STOCK_KIND,
    roles: ['admin', 'inventory-manager', 'buyer'],
    subject: `${isOut ? 'Out of stock' : 'Low stock'}: ${facts.sku} at ${facts.warehouseCode}`,
    content: {
      title: `${facts.sku} ${facts.itemName} is ${isOut ? 'out of stock' : 'low'} at ${facts.warehouseName}`,
      paragraphs: [`Available ${facts.available} is at or below the reorder point ${facts.rule.reorderPoint} (${basis}).`],
      table: {
        columns: ['SKU', 'Warehouse', 'Available', 'On order', 'Reorder point', 'Suggested order'],
        rows: [[facts.sku, facts.warehouseCode, facts.available, facts.onOrder, facts.rule.reorderPoint, facts.suggestedQuantity]],
      },
      action: { label: 'Open the alert', url: consoleUrl(`collections/reorder-alerts/${facts.alertId}`) },
    },
  }
}
