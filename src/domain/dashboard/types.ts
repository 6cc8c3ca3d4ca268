/** What GET /api/dashboard answers and the console's home renders: one tenant, the last `days` days. */
export const DASHBOARD_RANGES = ['30', '90'] as const
export type DashboardRangeDays = 30 | 90

export const OPEN_PURCHASE_ORDER_STATUSES = ['draft', 'submitted', 'approved', 'sent', 'partially-received'] as const

export type DashboardLowStockAlert = {
  alertId: number
  sku: string
  name: string
  warehouse: string
  available: number
  reorderPoint: number | null
  suggestedQuantity: number | null
  status: string
  purchaseOrderRef: string | null
}

export type DashboardMover = { sku: string; name: string; quantitySold: number; cogs: number; closingQuantity: number; daysOfCover: number | null }

export type Dashboard = {
  tenant: { id: number; slug: string; name: string }
  days: DashboardRangeDays
  currency: string
  period: { from: string; to: string; firstDay: string; lastDay: string }
  /** What a new tenant still lacks: the console shows its first steps while these are 0 / false. */
  setup: { warehouses: number; items: number; hasMovements: boolean }
  /** Value of stock (internal, quarantine and in transit) at the end of each day of the tenant's calendar; today's is as of now. */
  stockValue: { points: { day: string; value: number }[]; current: number }
  /** Ledger entries per day and movement type (every day of the period, zeros included). */
  movements: { types: string[]; days: { day: string; entries: Record<string, number> }[] }
  lowStock: { open: number; notOrdered: number; worst: DashboardLowStockAlert[]; canCreatePurchaseOrders: boolean }
  expiringLots: {
    within7Days: number
    within30Days: number
    lots: { lotId: number; lotNumber: string; sku: string; expiryDate: string; daysLeft: number; onHand: string; warehouses: string }[]
  }
  openPurchaseOrders: { count: number; byStatus: { status: string; count: number; values: { currency: string; value: number }[] }[] }
  movers: { top: DashboardMover[]; slow: DashboardMover[] }
  fillRate: { percent: number | null; requested: number; reserved: number; byChannel: { channel: string; reservations: number; percent: number | null }[] }
}
