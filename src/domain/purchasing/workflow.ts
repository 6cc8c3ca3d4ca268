import type { PayloadRequest } from 'payload'

import { slugs } from '../../collections/slugs'
import { approvalLimitIn, type TenantAwareUser } from '../../access/tenantMembership'
import { DomainError, ValidationError } from '../errors'
import { notifyUsers } from '../notifications/notifyUsers'
import { nextDocumentNumber } from '../numbering/nextDocumentNumber'
import { writeOutboxEvents } from '../outbox/writeOutboxEvents'
import { postMovements } from '../stock/postMovements'
import { isPositive, minus, times } from './amounts'
import { loadPurchaseOrderFor, nameOf, savePurchaseOrder, tenantSettings, type PurchaseOrder } from './purchaseOrders'
import { ON_ORDER_STATUSES } from './transitions'

const now = () => new Date().toISOString()

/** What is still expected of each line, in base units (never below 0, whatever was over-received). */
export function outstandingBaseQuantities(po: PurchaseOrder): { itemId: number; quantity: string }[] {
  return po.lines
    .map((line) => {
      const outstandingPacks = minus(line.quantity, line.receivedQuantity ?? 0)
      return { itemId: line.item, quantity: isPositive(outstandingPacks) ? times(outstandingPacks, line.packSize) : '0' }
    })
    .filter((line) => isPositive(line.quantity))
}

/** Raises (sign 1) or lowers (sign -1) `onOrder` at the order's warehouse by what is still outstanding. */
async function changeOnOrder(req: PayloadRequest, po: PurchaseOrder, sign: 1 | -1, reason: string) {
  const changes = outstandingBaseQuantities(po).map((line) => ({
    itemId: line.itemId,
    warehouseId: po.warehouse,
    onOrder: sign === 1 ? line.quantity : `-${line.quantity}`,
  }))
  if (changes.length === 0) return
  await postMovements({
    req,
    tenantId: po.tenant,
    idempotencyKey: `purchase-order:${po.id}:${reason}`,
    movements: [],
    levelChanges: changes,
    source: { collection: slugs.purchaseOrders, id: po.id },
  })
}

function purchaseOrderEventPayload(po: PurchaseOrder) {
  return {
    purchase_order_id: po.id,
    number: po.number,
    supplier_id: po.supplier,
    warehouse_id: po.warehouse,
    currency: po.currency,
    total: String(po.total),
    expected_date: po.expectedDate ?? null,
    lines: po.lines.map((line) => ({
      line_id: line.id,
      item_id: line.item,
      quantity: String(line.quantity),
      pack_size: String(line.packSize),
      base_quantity: times(line.quantity, line.packSize),
      unit_price: String(line.unitPrice),
    })),
  }
}

/** The order is approved: `onOrder` rises at its warehouse and `inventory.po.approved` goes out. */
async function markApproved(req: PayloadRequest, po: PurchaseOrder, data: Record<string, unknown>) {
  await changeOnOrder(req, po, 1, 'approved')
  const saved = await savePurchaseOrder(req, po.id, { ...data, status: 'approved', approvedAt: now() })
  await writeOutboxEvents({ req, events: [{ tenantId: po.tenant, eventType: 'inventory.po.approved', aggregateKey: `purchase-order:${po.id}`, payload: purchaseOrderEventPayload(po) }] })
  return saved
}

/**
 * Draft → approved (total within the tenant's auto-approval threshold) or submitted (above it; the approvers are
 * told by e-mail). The number is assigned here, gapless per tenant.
 */
export async function submitPurchaseOrder({ req, id }: { req: PayloadRequest; id: number }) {
  const po = await loadPurchaseOrderFor(req, id, 'submit')
  const settings = await tenantSettings(req, po.tenant)
  const number = po.number || (await nextDocumentNumber({ req, tenantId: po.tenant, prefix: 'PO' }))
  const submitted = { ...po, number }
  const data = { number, submittedBy: req.user!.id, submittedAt: now() }
  const isAutoApproved = po.total <= settings.autoApproveThreshold && (settings.secondApprovalThreshold === null || po.total <= settings.secondApprovalThreshold)
  if (isAutoApproved) {
    const approvals = [{ decision: 'auto-approved', at: now(), comment: `Total ${po.total} ${po.currency} within the auto-approval threshold of ${settings.autoApproveThreshold}` }]
    return markApproved(req, submitted, { ...data, approvals })
  }
  const saved = await savePurchaseOrder(req, po.id, { ...data, status: 'submitted' })
  await notifyUsers(req, {
    tenantId: po.tenant,
    kind: 'po.awaiting_approval',
    roles: ['approver'],
    subject: `${number} awaits your approval`,
    content: {
      title: `${number} awaits approval`,
      paragraphs: [`Total ${po.total} ${po.currency}, ${po.lines.length} line${po.lines.length === 1 ? '' : 's'}.`],
    },
  })
  return saved
}

/**
 * Submitted → approved, by an approver who did not raise the order and whose personal limit covers its total.
 * Above the tenant's second-approval threshold two different approvers must approve; the first leaves it submitted.
 */
export async function approvePurchaseOrder({ req, id, comment }: { req: PayloadRequest; id: number; comment?: unknown }) {
  const po = await loadPurchaseOrderFor(req, id, 'approve')
  const limit = approvalLimitIn(req.user as TenantAwareUser, po.tenant)
  if (limit !== null && po.total > limit) {
    throw new DomainError('PO.APPROVAL_LIMIT', `${nameOf(po)} totals ${po.total} ${po.currency}, above your approval limit of ${limit}.`, 403)
  }
  const settings = await tenantSettings(req, po.tenant)
  const approvals = [...(po.approvals ?? []), { decision: 'approved', user: Number(req.user!.id), at: now(), comment: typeof comment === 'string' ? comment.trim() || null : null }]
  const needed = settings.secondApprovalThreshold !== null && po.total > settings.secondApprovalThreshold ? 2 : 1
  const given = approvals.filter((entry) => entry.decision === 'approved').length
  if (given < needed) return savePurchaseOrder(req, po.id, { approvals })
  return markApproved(req, po, { approvals })
}

/** Submitted → rejected, with a reason. Nothing was on order yet, so nothing changes in stock. */
export async function rejectPurchaseOrder({ req, id, reason }: { req: PayloadRequest; id: number; reason: unknown }) {
  if (typeof reason !== 'string' || !reason.trim()) throw new ValidationError('VALIDATION.REASON_REQUIRED', 'Say why the purchase order is rejected.', 'reason')
  const po = await loadPurchaseOrderFor(req, id, 'reject')
  const approvals = [...(po.approvals ?? []), { decision: 'rejected', user: Number(req.user!.id), at: now(), comment: reason.trim() }]
  return savePurchaseOrder(req, po.id, { status: 'rejected', approvals })
}

/**
 * Cancels an order that is not fully received. What was on order is taken off `onOrder`; after a partial
 * receipt the order is closed instead (the received part stays).
 */
export async function cancelPurchaseOrder({ req, id, reason }: { req: PayloadRequest; id: number; reason?: unknown }) {
  const po = await loadPurchaseOrderFor(req, id, 'cancel')
  if (ON_ORDER_STATUSES.includes(po.status)) await changeOnOrder(req, po, -1, 'cancelled')
  const isPartlyReceived = po.lines.some((line) => isPositive(line.receivedQuantity ?? 0))
  return savePurchaseOrder(req, po.id, {
    status: isPartlyReceived ? 'closed' : 'cancelled',
    closedAt: now(),
    cancellationReason: typeof reason === 'string' && reason.trim() ? reason.trim() : null,
  })
}

/** Received → closed: nothing more is expected. */
export async function closePurchaseOrder({ req, id }: { req: PayloadRequest; id: number }) {
  const po = await loadPurchaseOrderFor(req, id, 'close')
  return savePurchaseOrder(req, po.id, { status: 'closed', closedAt: now() })
}
