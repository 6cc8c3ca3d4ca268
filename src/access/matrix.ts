import type { Role } from './roles'
import { ROLES } from './roles'

/**
 * Who may do what, per area — the single source of docs/security.md and of every collection's access.
 * A rule lists the tenant roles allowed; super-admins are always allowed, except for `server-only` actions,
 * which no API caller may perform (the server writes those rows itself). An empty list means super-admins only.
 */
export const SERVER_ONLY = 'server-only'

export type Rule = readonly Role[] | typeof SERVER_ONLY

const EVERY_MEMBER = ROLES
const STOCK_KEEPERS = ['admin', 'inventory-manager'] as const
const BUYERS = ['admin', 'buyer'] as const
const APPROVERS = ['admin', 'approver'] as const
const ADMINS = ['admin'] as const
const SUPER_ADMINS: readonly Role[] = []

export const ACCESS_MATRIX = {
  /** Items, packagings, barcodes. */
  catalogue: { read: EVERY_MEMBER, create: STOCK_KEEPERS, update: STOCK_KEEPERS, delete: ADMINS },
  /** Warehouses, locations, adjustments, transfers, cycle counts, lots, recalls, imports and exports. */
  stock: { read: EVERY_MEMBER, create: STOCK_KEEPERS, update: STOCK_KEEPERS, delete: ADMINS, adjust: STOCK_KEEPERS },
  /** Locations and lots: kept for their history, deactivated instead of deleted. */
  locations: { read: EVERY_MEMBER, create: STOCK_KEEPERS, update: STOCK_KEEPERS, delete: SERVER_ONLY },
  /** Recalls: initiated and taken through containment, notification, dispositions and closing by stock keepers; kept for their history. */
  recalls: { read: EVERY_MEMBER, create: STOCK_KEEPERS, update: STOCK_KEEPERS, delete: SERVER_ONLY, act: STOCK_KEEPERS },
  /** Reservations: made and moved on by order, POS and ecommerce services (and stock keepers); never edited directly. */
  reservations: {
    read: EVERY_MEMBER,
    create: [...STOCK_KEEPERS, 'integration'],
    update: SERVER_ONLY,
    delete: SERVER_ONLY,
  },
  /** Ledger entries, stock buckets and stock levels: read by the tenant, written only by postMovements. */
  ledger: { read: EVERY_MEMBER, create: SERVER_ONLY, update: SERVER_ONLY, delete: SERVER_ONLY },
  /** Suppliers, purchase orders (create, edit drafts, submit), goods receipts. */
  purchasing: { read: EVERY_MEMBER, create: BUYERS, update: BUYERS, delete: ADMINS, submit: BUYERS, receive: [...BUYERS, 'inventory-manager'] },
  /** Approving or rejecting purchase orders and adjustments, up to the approver's personal limit. */
  approvals: { read: EVERY_MEMBER, approve: APPROVERS, reject: APPROVERS },
  /** What order, POS and ecommerce services do with an API key: availability, reservations, movements. */
  integration: {
    read: EVERY_MEMBER,
    create: [...STOCK_KEEPERS, 'integration'],
    update: [...STOCK_KEEPERS, 'integration'],
    delete: ADMINS,
    /** Batches of sales and consumption from a POS or delivery backend (POST /api/movements). */
    recordMovements: [...STOCK_KEEPERS, 'integration'],
  },
  /** The tenant itself and its settings. */
  settings: { read: EVERY_MEMBER, create: SUPER_ADMINS, update: ADMINS, delete: SUPER_ADMINS },
  /** People and integration users of the tenant, their roles and API keys. */
  users: { read: EVERY_MEMBER, create: ADMINS, update: ADMINS, delete: ADMINS, manageApiKeys: ADMINS },
  /** Usage counters: written by the metering, read by the tenant. */
  billing: { read: EVERY_MEMBER, create: SERVER_ONLY, update: SERVER_ONLY, delete: SERVER_ONLY },
  /** Plans (read by every signed-in user, changed by the platform operator). */
  platform: { read: EVERY_MEMBER, create: SUPER_ADMINS, update: SUPER_ADMINS, delete: SUPER_ADMINS },
  /** Server bookkeeping (outbox, idempotency records): visible to the platform operator only. */
  system: { read: SUPER_ADMINS, create: SERVER_ONLY, update: SERVER_ONLY, delete: SERVER_ONLY },
  /** Goods receipts: posted documents, made only by the receive action (purchasing.receive), never edited. */
  receipts: { read: EVERY_MEMBER, create: SERVER_ONLY, update: SERVER_ONLY, delete: SERVER_ONLY },
  /** Requisitions: stock keepers (and buyers) ask for items; buyers turn them into purchase orders. */
  requisitions: { read: EVERY_MEMBER, create: [...STOCK_KEEPERS, 'buyer'], update: [...STOCK_KEEPERS, 'buyer'], delete: ADMINS, convert: BUYERS },
  /** Webhook endpoints and inbound event sources (URLs, signing secrets); re-sending deliveries and replaying events. */
  webhooks: { read: ADMINS, create: ADMINS, update: ADMINS, delete: ADMINS, resend: ADMINS },
  /** Webhook delivery and inbound event logs: written by the server, read by the tenant's admins. */
  webhookLogs: { read: ADMINS, create: SERVER_ONLY, update: SERVER_ONLY, delete: SERVER_ONLY },
  /** Reorder rules (per item and warehouse); turning open low-stock alerts into draft purchase orders. */
  replenishment: {
    read: EVERY_MEMBER,
    create: [...STOCK_KEEPERS, 'buyer'],
    update: [...STOCK_KEEPERS, 'buyer'],
    delete: ADMINS,
    draftPurchaseOrders: BUYERS,
  },
  /** Low-stock alerts: opened and auto-resolved by the server; people acknowledge or resolve them. */
  alerts: {
    read: EVERY_MEMBER,
    create: SERVER_ONLY,
    update: SERVER_ONLY,
    delete: SERVER_ONLY,
    acknowledge: [...STOCK_KEEPERS, 'buyer'],
    resolve: [...STOCK_KEEPERS, 'buyer'],
  },
  /** CSV import jobs: uploaded by stock keepers (each kind also checks its own area, e.g. catalogue for items); run by the server. */
  imports: { read: EVERY_MEMBER, create: STOCK_KEEPERS, update: SERVER_ONLY, delete: ADMINS },
  /** CSV export jobs: any member may export what they can read; files are written by the server. */
  exports: { read: EVERY_MEMBER, create: EVERY_MEMBER, update: SERVER_ONLY, delete: ADMINS },
} as const satisfies Record<string, Record<string, Rule>>

export type Area = keyof typeof ACCESS_MATRIX
export type Action<A extends Area = Area> = keyof (typeof ACCESS_MATRIX)[A] & string

export function ruleFor(area: Area, action: string): Rule {
  const rules = ACCESS_MATRIX[area] as Record<string, Rule>
  const rule = rules[action]
  if (!rule) throw new Error(`The access matrix has no action "${action}" in area "${area}".`)
  return rule
}
