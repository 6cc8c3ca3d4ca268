import type { TenantAwareUser } from '../../access/tenantMembership'
import { canInTenant } from '../../access/canInTenant'
import { slugs } from '../../collections/slugs'
import { allowedAdjustmentActions } from '../../domain/adjustments/transitions'
import { normalizePurchaseOrder } from '../../domain/purchasing/purchaseOrders'
import { allowedPurchaseOrderActions } from '../../domain/purchasing/transitions'
import { allowedCycleCountActions } from '../../domain/cycleCounts/transitions'
import { allowedStockHoldActions, SCRAP_REASONS } from '../../domain/stockHolds/transitions'
import { allowedTransferActions } from '../../domain/transfers/transitions'
import { allowedWasteActions } from '../../domain/waste/transitions'
import { allowedRecallActions } from '../../domain/recalls/transitions'
import { allowedAlertActions } from '../../domain/replenishment/alertTransitions'
import { allowedImportActions } from '../../domain/imports/actions'
import { allowedReservationActions } from '../../domain/reservations/transitions'
import { tenantIdOf } from '../../hooks/tenantIdOf'

export type DocumentAction = {
  action: string
  label: string
  isPrimary?: boolean
  asksForReason?: boolean
  /** The reason may be left empty (e.g. a cancellation). */
  isReasonOptional?: boolean
  confirm: string
  /** Opens a form on the page (an anchor) instead of posting the action. */
  href?: string
  /** The reason codes the server accepts, shown in the prompt. */
  reasonCodes?: readonly string[]
  /** Offered as a bulk action in the collection's list too: what is done, and what to confirm for the batch. */
  bulk?: BulkLabels
}

export type BulkLabels = {
  /** Past tense for the result summary: "Approved 3; refused 1: …". */
  done: string
  /** Said after "Approve 3 purchase orders (PO-000001, …)?" in the confirmation. */
  confirm: string
}

type ActionTable = Record<string, Omit<DocumentAction, 'action'>>

const ADJUSTMENT_ACTIONS: ActionTable = {
  submit: { label: 'Submit', isPrimary: true, confirm: 'Submit this adjustment? Within the approval threshold it posts to stock at once.' },
  approve: {
    label: 'Approve',
    isPrimary: true,
    confirm: 'Approve and post this adjustment to stock?',
    bulk: { done: 'Approved', confirm: 'Each is posted to stock.' },
  },
  reject: { label: 'Reject', asksForReason: true, confirm: 'Reject this adjustment?' },
}

const PURCHASE_ORDER_ACTIONS: ActionTable = {
  submit: { label: 'Submit', isPrimary: true, confirm: 'Submit this purchase order? Within the auto-approval threshold it is approved at once.' },
  approve: {
    label: 'Approve',
    isPrimary: true,
    confirm: 'Approve this purchase order? It goes on order at its warehouse.',
    bulk: { done: 'Approved', confirm: 'Each goes on order at its warehouse.' },
  },
  reject: { label: 'Reject', asksForReason: true, confirm: 'Reject this purchase order?' },
  send: { label: 'Send', isPrimary: true, confirm: 'E-mail this purchase order to the supplier?', bulk: { done: 'Sent', confirm: 'Each is e-mailed to its supplier.' } },
  receive: { label: 'Receive', isPrimary: true, confirm: '', href: '#po-receive' },
  cancel: { label: 'Cancel order', asksForReason: true, isReasonOptional: true, confirm: 'Cancel this purchase order? What is not received comes off order.' },
  close: { label: 'Close', confirm: 'Close this purchase order?' },
}

const TRANSFER_ACTIONS: ActionTable = {
  request: { label: 'Request', isPrimary: true, confirm: 'Send this transfer request to the sending warehouse?' },
  approve: { label: 'Approve', isPrimary: true, confirm: 'Approve this transfer for dispatch?', bulk: { done: 'Approved', confirm: 'Each may then be dispatched.' } },
  dispatch: {
    label: 'Dispatch',
    isPrimary: true,
    confirm: 'Dispatch every line in full? Stock leaves the source and is in transit to the destination.',
    bulk: { done: 'Dispatched', confirm: 'Every line of each leaves its source in full and is in transit to its destination.' },
  },
  receive: { label: 'Receive all', isPrimary: true, confirm: 'Receive everything still outstanding into the destination’s stock?' },
  close: { label: 'Close with shortage', asksForReason: true, confirm: 'Write off what is still in transit?' },
  cancel: { label: 'Cancel', asksForReason: true, confirm: 'Cancel this transfer?' },
}

const CYCLE_COUNT_ACTIONS: ActionTable = {
  start: { label: 'Start counting', isPrimary: true, confirm: 'Start counting? The expected quantities are snapshotted now.' },
  submit: { label: 'Submit count', isPrimary: true, confirm: 'Submit the count? Every line must be counted.' },
  approve: { label: 'Approve', isPrimary: true, confirm: 'Approve the variances of this count?', bulk: { done: 'Approved', confirm: 'The variances of each are approved for posting.' } },
  recount: { label: 'Send back for recount', asksForReason: true, confirm: 'Send back for a recount?' },
  post: { label: 'Post variances', isPrimary: true, confirm: 'Post the variances to stock?', bulk: { done: 'Posted', confirm: 'The variances of each are posted to stock.' } },
  cancel: { label: 'Cancel', asksForReason: true, confirm: 'Cancel this count?' },
}

const STOCK_HOLD_ACTIONS: ActionTable = {
  place: { label: 'Place on hold', isPrimary: true, confirm: 'Move these lines to quarantine? They stay on hand but are no longer available.' },
  release: { label: 'Release all', isPrimary: true, confirm: 'Release everything still held back to stock?' },
  scrap: { label: 'Scrap all', asksForReason: true, reasonCodes: SCRAP_REASONS.map((reason) => reason.value), confirm: 'Scrap everything still held?' },
  cancel: { label: 'Cancel', confirm: 'Cancel this hold?' },
}

const WASTE_ACTIONS: ActionTable = {
  post: { label: 'Post waste', isPrimary: true, confirm: 'Write these quantities off to scrap?' },
}

const labelled = (labels: ActionTable) => (action: string) => ({ action, ...labels[action] })

const RECALL_ACTIONS: ActionTable = {
  contain: {
    label: 'Mark contained',
    isPrimary: true,
    confirm: 'Confirm no recalled unit is left in sellable stock?',
    bulk: { done: 'Contained', confirm: 'You confirm no recalled unit of any of them is left in sellable stock.' },
  },
  notify: { label: 'Record notification', isPrimary: true, asksForReason: true, confirm: 'Who was notified, and how?' },
  close: { label: 'Close recall', isPrimary: true, confirm: 'Close this recall? Justified releases go back to stock.' },
  scrap: { label: 'Scrap quarantined units', confirm: 'Scrap every quarantined unit of this recall still waiting for a decision?' },
  return: { label: 'Return to supplier', confirm: 'Return every quarantined unit still waiting for a decision to the supplier?' },
  release: { label: 'Release (with justification)', asksForReason: true, confirm: 'Justification for releasing the quarantined units' },
}

const REORDER_ALERT_ACTIONS: ActionTable = {
  acknowledge: { label: 'Acknowledge', isPrimary: true, confirm: 'Acknowledge this alert? It still resolves by itself when stock recovers.' },
  resolve: { label: 'Resolve', confirm: 'Resolve this alert by hand? No new alert opens for it until stock has recovered and drops again.' },
  'draft-purchase-orders': { label: 'Create draft POs', confirm: 'Create draft purchase orders, grouped by preferred supplier, for the open alerts of this warehouse?' },
}

const IMPORT_ACTIONS: ActionTable = {
  commit: { label: 'Commit', isPrimary: true, confirm: 'Apply the valid rows of this import? Rows with errors are skipped.' },
  cancel: { label: 'Cancel import', confirm: 'Cancel this import? Chunks already committed stay applied.' },
}

const RESERVATION_ACTIONS: ActionTable = {
  confirm: {
    label: 'Confirm',
    isPrimary: true,
    confirm: 'Confirm this reservation? The stock stays reserved and no longer expires.',
    bulk: { done: 'Confirmed', confirm: 'Their stock stays reserved and no longer expires.' },
  },
  fulfil: { label: 'Fulfil', isPrimary: true, confirm: 'Fulfil everything still reserved? The stock is issued to the customer.' },
  release: {
    label: 'Release (cancel)',
    confirm: 'Release this reservation? What is not yet fulfilled returns to available stock.',
    bulk: { done: 'Released', confirm: 'What is not yet fulfilled returns to available stock.' },
  },
}

const ACTION_TABLES: Record<string, ActionTable> = {
  [slugs.adjustments]: ADJUSTMENT_ACTIONS,
  [slugs.purchaseOrders]: PURCHASE_ORDER_ACTIONS,
  [slugs.transfers]: TRANSFER_ACTIONS,
  [slugs.cycleCounts]: CYCLE_COUNT_ACTIONS,
  [slugs.stockHolds]: STOCK_HOLD_ACTIONS,
  [slugs.wasteEntries]: WASTE_ACTIONS,
  [slugs.recalls]: RECALL_ACTIONS,
  [slugs.reorderAlerts]: REORDER_ALERT_ACTIONS,
  [slugs.importJobs]: IMPORT_ACTIONS,
  [slugs.reservations]: RESERVATION_ACTIONS,
}

/** The actions a collection's list offers for its selected rows, with the labels of the edit view's buttons. */
export function bulkActionsOf(collectionSlug: string): (DocumentAction & { bulk: BulkLabels })[] {
  return Object.entries(ACTION_TABLES[collectionSlug] ?? {})
    .filter((entry): entry is [string, Omit<DocumentAction, 'action'> & { bulk: BulkLabels }] => Boolean(entry[1].bulk))
    .map(([action, labels]) => ({ action, ...labels }))
}

/** For each workflow collection: the actions this user may take on this document now (same rules as the API). */
export function documentActionsFor(collectionSlug: string, user: TenantAwareUser | null, doc: Record<string, any>): DocumentAction[] {
  const tenant = tenantIdOf(doc)
  if (collectionSlug === slugs.adjustments) {
    return allowedAdjustmentActions(user, { tenant, status: doc.status, submittedBy: doc.submittedBy }).map(labelled(ADJUSTMENT_ACTIONS))
  }
  if (collectionSlug === slugs.purchaseOrders) {
    const po = normalizePurchaseOrder(doc)
    return allowedPurchaseOrderActions(user, po).map((action) => ({
      action,
      ...PURCHASE_ORDER_ACTIONS[action],
      ...(action === 'send' && po.status !== 'approved' ? { label: 'Send again', isPrimary: false } : {}),
    }))
  }
  if (collectionSlug === slugs.vendorReturns && doc.status === 'draft' && canInTenant({ user, tenantId: tenantIdOf(doc), area: 'purchasing', action: 'receive' })) {
    return [{ action: 'ship', label: 'Ship', isPrimary: true, confirm: 'Ship this return? The stock leaves the warehouse for the supplier.' }]
  }
  if (collectionSlug === slugs.requisitions && doc.status === 'open') {
    const tenantId = tenantIdOf(doc)
    return [
      ...(canInTenant({ user, tenantId, area: 'requisitions', action: 'convert' })
        ? [{ action: 'convert', label: 'Create purchase order', isPrimary: true, confirm: 'Create draft purchase orders from this requisition (by preferred supplier)?' }]
        : []),
      ...(canInTenant({ user, tenantId, area: 'requisitions', action: 'update' }) ? [{ action: 'cancel', label: 'Cancel', confirm: 'Cancel this requisition?' }] : []),
    ]
  }
  if (collectionSlug === slugs.transfers) {
    return allowedTransferActions(user, { tenant, status: doc.status, isApprovalRequired: doc.isApprovalRequired }).map(labelled(TRANSFER_ACTIONS))
  }
  if (collectionSlug === slugs.cycleCounts) {
    return allowedCycleCountActions(user, { ...doc, tenant, status: doc.status }).map(labelled(CYCLE_COUNT_ACTIONS))
  }
  if (collectionSlug === slugs.stockHolds) return allowedStockHoldActions(user, { tenant, status: doc.status }).map(labelled(STOCK_HOLD_ACTIONS))
  if (collectionSlug === slugs.wasteEntries) return allowedWasteActions(user, { tenant, status: doc.status }).map(labelled(WASTE_ACTIONS))
  if (collectionSlug === slugs.recalls) {
    return allowedRecallActions(user, { tenant: tenantIdOf(doc), status: doc.status }).map((action) => ({ action, ...RECALL_ACTIONS[action] }))
  }
  if (collectionSlug === slugs.webhookDeliveries) {
    const tenantId = tenantIdOf(doc)
    return canInTenant({ user, tenantId, area: 'webhooks', action: 'resend' })
      ? [{ action: 'resend', label: 'Re-send', isPrimary: true, confirm: 'Send this event to the endpoint again (as a new delivery)?' }]
      : []
  }
  if (collectionSlug === slugs.reorderAlerts) {
    return allowedAlertActions(user, { tenant: tenantIdOf(doc), status: doc.status }).map((action) => ({ action, ...REORDER_ALERT_ACTIONS[action] }))
  }
  if (collectionSlug === slugs.importJobs) {
    return allowedImportActions(user, { tenant: tenantIdOf(doc), kind: doc.kind, status: doc.status })
      .filter((action) => action in IMPORT_ACTIONS)
      .map((action) => ({ action, ...IMPORT_ACTIONS[action] }))
  }
  if (collectionSlug === slugs.reservations) {
    return allowedReservationActions(user, { tenant: tenantIdOf(doc), status: doc.status, expiresAt: doc.expiresAt }).map((action) => ({ action, ...RESERVATION_ACTIONS[action] }))
  }
  return []
}
