import type { Endpoint } from 'payload'

import { jsonEndpoint } from '../../api/endpoint'
import { resolveTenantId } from '../../api/tenantContext'
import { ruleFor, SERVER_ONLY } from '../../access/matrix'
import type { Role } from '../../access/roles'
import { receiveGoods } from '../../domain/purchasing/receiveGoods'
import { receiptLinesFromBody } from '../../domain/purchasing/receiptRequest'

const receivers = ruleFor('purchasing', 'receive') as Exclude<ReturnType<typeof ruleFor>, typeof SERVER_ONLY> as readonly Role[]

/**
 * POST /api/goods-receipts/receive — a delivery, with or without a purchase order (`purchaseOrder` in the body),
 * for the caller's tenant (?tenant=<slug> or X-Tenant when they belong to several).
 */
export const goodsReceiptEndpoints: Endpoint[] = [
  jsonEndpoint({
    method: 'post',
    path: '/receive',
    openapi: { summary: 'Receive goods, against a purchase order or a walk-in delivery' },
    idempotency: { scope: 'goods-receipts.receive', tenantIdOf: ({ req }) => resolveTenantId(req, receivers) },
    handler: async ({ req, body }) => {
      const tenantId = await resolveTenantId(req, receivers)
      const input = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
      const optional = (value: unknown) => (value === undefined || value === null || value === '' ? null : Number(value))
      const { receipt, purchaseOrder } = await receiveGoods({
        req,
        tenantId,
        purchaseOrderId: optional(input.purchaseOrder),
        supplierId: optional(input.supplier),
        warehouseId: optional(input.warehouse),
        deliveryNoteNumber: input.deliveryNoteNumber as string | undefined,
        notes: input.notes as string | undefined,
        lines: receiptLinesFromBody(input.lines),
      })
      return { receipt, purchaseOrder }
    },
  }),
]
