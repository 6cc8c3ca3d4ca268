import type { Endpoint } from 'payload'

import { approveTransfer, cancelTransfer, closeTransfer, dispatchTransfer, receiveTransfer, requestTransfer } from '../../domain/transfers/workflow'
import { slugs } from '../slugs'
import { documentActionEndpoint, type ActionBody } from '../warehouseOps/actionEndpoint'

const action = (name: string, handler: (args: { req: any; id: number; body: ActionBody }) => Promise<unknown>) =>
  documentActionEndpoint({ collection: slugs.transfers, table: 'transfers', action: name, handler })

export const transferEndpoints: Endpoint[] = [
  action('request', ({ req, id }) => requestTransfer({ req, id })),
  action('approve', ({ req, id }) => approveTransfer({ req, id })),
  action('dispatch', ({ req, id, body }) => dispatchTransfer({ req, id, lines: body?.lines })),
  action('receive', ({ req, id, body }) => receiveTransfer({ req, id, lines: body?.lines })),
  action('close', ({ req, id, body }) => closeTransfer({ req, id, reason: body?.reason, shortageReason: body?.shortageReason })),
  action('cancel', ({ req, id, body }) => cancelTransfer({ req, id, reason: body?.reason })),
]
