import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { canInTenant } from '../../access/canInTenant'
import type { TenantAwareUser } from '../../access/tenantMembership'
import { slugs } from '../../collections/slugs'
import { isRowId, transactionDb } from '../../db/transaction'
import { tenantIdOf } from '../../hooks/tenantIdOf'
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from '../errors'
import { idOf } from './pricePurchaseOrder'
import { hasApproved, isAuthorOf, mayTakePurchaseOrderAction, PO_TRANSITIONS, PURCHASE_ORDER_WORKFLOW, type PurchaseOrderAction, type PurchaseOrderStatus } from './transitions'

export type PurchaseOrderLine = {
  id: string
  item: number
  quantity: number
  packSize: number
  unitPrice: number
  lineTotal: number
  receivedQuantity?: number | null
  purchaseUnit?: string | null
  supplierSku?: string | null
  cataloguePrice?: number | null
}

export type PurchaseOrder = {
  id: number
  tenant: number
  number?: string | null
  supplier: number
  warehouse: number
  status: PurchaseOrderStatus
  currency: string
  expectedDate?: string | null
  lines: PurchaseOrderLine[]
  subtotal: number
  total: number
  notes?: string | null
  createdBy?: number | null
  submittedBy?: number | null
  approvals?: { decision: string; user?: number | null; at: string; comment?: string | null }[]
  sends?: { at: string; by?: number | null; to: string }[]
}

const PAST: Record<PurchaseOrderAction, string> = {
  submit: 'submitted',
  approve: 'approved',
  reject: 'rejected',
  send: 'sent',
  receive: 'received',
  cancel: 'cancelled',
  close: 'closed',
}

export function normalizePurchaseOrder(doc: Record<string, any>): PurchaseOrder {
  return {
    ...(doc as PurchaseOrder),
    id: Number(doc.id),
    tenant: tenantIdOf(doc),
    supplier: idOf(doc.supplier),
    warehouse: idOf(doc.warehouse),
    createdBy: doc.createdBy == null ? null : idOf(doc.createdBy),
    submittedBy: doc.submittedBy == null ? null : idOf(doc.submittedBy),
    lines: (doc.lines ?? []).map((line: Record<string, any>) => ({ ...line, item: idOf(line.item) })),
    approvals: (doc.approvals ?? []).map((entry: Record<string, any>) => ({ ...entry, user: entry.user == null ? null : idOf(entry.user) })),
  }
}

/** The PO's display name in messages: its number once submitted, else "draft purchase order 12". */
export const nameOf = (po: Pick<PurchaseOrder, 'id' | 'number'>) => po.number || `draft purchase order ${po.id}`

/**
 * Loads a purchase order for `action`, locking its row for the rest of the transaction (two actions on one order,
 * e.g. two receipts, run one after the other), and checks the caller's role, the status and the author rule.
 * Another tenant's order is a 404, a wrong status a 409 PO.INVALID_TRANSITION.
 */
export async function loadPurchaseOrderFor(req: PayloadRequest, id: number, action: PurchaseOrderAction, { isSystem = false } = {}): Promise<PurchaseOrder> {
  if (!isRowId(id)) throw new NotFoundError(`Purchase order ${id} not found`)
  const db = await transactionDb(req)
  const { rows } = await db.execute(sql`SELECT id FROM purchase_orders WHERE id = ${id} FOR UPDATE`)
  if (rows.length === 0) throw new NotFoundError(`Purchase order ${id} not found`)
  const po = normalizePurchaseOrder(await req.payload.findByID({ collection: slugs.purchaseOrders, id, depth: 0, req, overrideAccess: true }))
  const user = req.user as TenantAwareUser | null
  const rule = PO_TRANSITIONS[action]
  if (!isSystem) {
    if (!canInTenant({ user, tenantId: po.tenant, area: 'purchasing', action: 'read' })) throw new NotFoundError(`Purchase order ${id} not found`)
    if (!mayTakePurchaseOrderAction(user, po.tenant, action)) throw new ForbiddenError(`Your role cannot ${action} purchase orders (${nameOf(po)}).`)
  }
  if (!rule.from.includes(po.status)) {
    throw new ConflictError('PO.INVALID_TRANSITION', `${nameOf(po)} is ${po.status}; it cannot be ${PAST[action]}.`)
  }
  if (!isSystem && rule.isForbiddenToAuthor && isAuthorOf(user, po)) {
    throw new DomainError('PO.SELF_APPROVAL', `You raised ${nameOf(po)}; another approver must ${action} it.`, 403)
  }
  if (action === 'approve' && hasApproved(user, po)) {
    throw new DomainError('PO.ALREADY_APPROVED', `You already approved ${nameOf(po)}; it needs a second approver.`, 403)
  }
  return po
}

/** Saves workflow fields of a purchase order (never re-priced) and returns the stored document. */
export async function savePurchaseOrder(req: PayloadRequest, id: number, data: Record<string, unknown>) {
  return req.payload.update({ collection: slugs.purchaseOrders, id, data, req, overrideAccess: true, depth: 0, context: { [PURCHASE_ORDER_WORKFLOW]: true } })
}

export async function tenantSettings(req: PayloadRequest, tenantId: number) {
  const tenant = await req.payload.findByID({ collection: slugs.tenants, id: tenantId, depth: 0, req, overrideAccess: true })
  const settings = (tenant.settings ?? {}) as Record<string, number | string | null | undefined>
  const number = (value: unknown) => (value === null || value === undefined || value === '' ? null : Number(value))
  return {
    tenantName: String(tenant.name),
    autoApproveThreshold: number(settings.poAutoApproveThreshold) ?? 0,
    secondApprovalThreshold: number(settings.poSecondApprovalThreshold),
    overReceiptTolerancePercent: number(settings.poOverReceiptTolerancePercent) ?? 0,
  }
}
