import type { Endpoint } from 'payload'

import { jsonEndpoint } from '../../../api/endpoint'
import { resolveTenantId } from '../../../api/tenantContext'
import { ACCESS_MATRIX } from '../../../access/matrix'
import { acknowledgeAlert, loadAlertForAction, resolveAlert } from '../../../domain/replenishment/alertWorkflow'
import { createDraftPurchaseOrders } from '../../../domain/replenishment/draftPurchaseOrders'

type DraftBody = { alertIds?: unknown; warehouse?: unknown }

export const reorderAlertEndpoints: Endpoint[] = [
  jsonEndpoint({
    method: 'post',
    path: '/draft-purchase-orders',
    openapi: { summary: 'Create draft purchase orders from open reorder alerts' },
    handler: async ({ req, body }) => {
      const { alertIds, warehouse } = (body ?? {}) as DraftBody
      const tenantId = await resolveTenantId(req, ACCESS_MATRIX.replenishment.draftPurchaseOrders)
      return createDraftPurchaseOrders({ req, tenantId, alertIds, warehouseId: warehouse === undefined || warehouse === null ? null : Number(warehouse) })
    },
  }),
  jsonEndpoint({ method: 'post', path: '/:id/acknowledge', openapi: { summary: 'Acknowledge a reorder alert' }, handler: ({ req, params }) => acknowledgeAlert({ req, id: Number(params.id) }) }),
  jsonEndpoint({
    method: 'post',
    path: '/:id/resolve',
    openapi: { summary: 'Resolve a reorder alert by hand' },
    handler: ({ req, params, body }) => resolveAlert({ req, id: Number(params.id), note: (body as { reason?: unknown; note?: unknown })?.note ?? (body as { reason?: unknown })?.reason }),
  }),
  jsonEndpoint({
    method: 'post',
    path: '/:id/draft-purchase-orders',
    openapi: { summary: 'Create draft purchase orders for the open alerts of this alert’s warehouse' },
    handler: async ({ req, params }) => {
      const alert = await loadAlertForAction(req, Number(params.id), 'draft-purchase-orders')
      return createDraftPurchaseOrders({ req, tenantId: alert.tenant_id, warehouseId: alert.warehouse_id })
    },
  }),
]
