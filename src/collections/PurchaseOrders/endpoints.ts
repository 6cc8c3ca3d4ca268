import type { Endpoint, PayloadRequest } from 'payload'

import { jsonEndpoint, type HandlerArgs } from '../../api/endpoint'
import { NotFoundError } from '../../domain/errors'
import { receiveGoods } from '../../domain/purchasing/receiveGoods'
import { receiptLinesFromBody } from '../../domain/purchasing/receiptRequest'
import { sendPurchaseOrder } from '../../domain/purchasing/sendPurchaseOrder'
import { approvePurchaseOrder, cancelPurchaseOrder, closePurchaseOrder, rejectPurchaseOrder, submitPurchaseOrder } from '../../domain/purchasing/workflow'
import { tenantIdOf } from '../../hooks/tenantIdOf'
import { slugs } from '../slugs'

type Body = Record<string, unknown>
const bodyOf = (body: unknown): Body => (body && typeof body === 'object' && !Array.isArray(body) ? (body as Body) : {})
const idOf = (params: HandlerArgs['params']) => Number(params.id)

/** The tenant of an order the caller can see (another tenant's is a 404), for idempotency keys. */
async function visibleTenantOf(req: PayloadRequest, id: number): Promise<number> {
  const doc = Number.isInteger(id)
    ? await req.payload.findByID({ collection: slugs.purchaseOrders, id, depth: 0, req, user: req.user, overrideAccess: false, disableErrors: true })
    : null
  if (!doc) throw new NotFoundError(`Purchase order ${id} not found`)
  return tenantIdOf(doc)
}

const action = (path: string, summary: string, handler: (args: HandlerArgs) => Promise<unknown>) => jsonEndpoint({ method: 'post', path, openapi: { summary, tag: 'purchase-orders' }, handler })

export const purchaseOrderEndpoints: Endpoint[] = [
  action('/:id/submit', 'Submit a draft purchase order (auto-approved within the threshold)', ({ req, params }) => submitPurchaseOrder({ req, id: idOf(params) })),
  action('/:id/approve', 'Approve a submitted purchase order within your limit', ({ req, params, body }) => approvePurchaseOrder({ req, id: idOf(params), comment: bodyOf(body).comment })),
  action('/:id/reject', 'Reject a submitted purchase order with a reason', ({ req, params, body }) => rejectPurchaseOrder({ req, id: idOf(params), reason: bodyOf(body).reason })),
  action('/:id/send', 'E-mail the purchase order to the supplier (again)', ({ req, params, body }) => sendPurchaseOrder({ req, id: idOf(params), to: bodyOf(body).to })),
  action('/:id/cancel', 'Cancel a purchase order (closes it after a partial receipt)', ({ req, params, body }) => cancelPurchaseOrder({ req, id: idOf(params), reason: bodyOf(body).reason })),
  action('/:id/close', 'Close a purchase order', ({ req, params }) => closePurchaseOrder({ req, id: idOf(params) })),
  jsonEndpoint({
    method: 'post',
    path: '/:id/receive',
    openapi: { summary: 'Receive goods against a purchase order (partial receipts allowed)' },
    idempotency: { scope: 'purchase-orders.receive', tenantIdOf: ({ req, params }) => visibleTenantOf(req, idOf(params)) },
    handler: async ({ req, params, body }) => {
      const tenantId = await visibleTenantOf(req, idOf(params))
      const input = bodyOf(body)
      const { receipt, purchaseOrder } = await receiveGoods({
        req,
        tenantId,
        purchaseOrderId: idOf(params),
        deliveryNoteNumber: input.deliveryNoteNumber as string | undefined,
        notes: input.notes as string | undefined,
        lines: receiptLinesFromBody(input.lines),
      })
      return { receipt, purchaseOrder }
    },
  }),
]
