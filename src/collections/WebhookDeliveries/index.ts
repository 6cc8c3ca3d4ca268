import type { CollectionConfig } from 'payload'

import { accessFromMatrix } from '../../access/accessFor'
import { jsonEndpoint } from '../../api/endpoint'
import { resendDelivery } from '../../domain/webhooks/replay'
import { DELIVERY_STATUSES, DELIVERY_TRIGGERS } from '../../domain/webhooks/deliveryTypes'
import { slugs } from '../slugs'

const label = (value: string) => value[0].toUpperCase() + value.slice(1)

/**
 * One row per event × endpoint (and per manual re-send or replay): its status, the attempts made (each with
 * response code, duration and error) and when the next one is due. Written only by the server.
 */
export const WebhookDeliveries: CollectionConfig = {
  slug: slugs.webhookDeliveries,
  admin: {
    useAsTitle: 'eventType',
    defaultColumns: ['eventType', 'endpoint', 'status', 'attemptCount', 'lastResponseCode', 'lastDurationMs', 'lastError', 'createdAt'],
    group: 'Integrations',
    components: {
      edit: { beforeDocumentControls: [{ path: '/components/DocumentActions#DocumentActions', serverProps: { collectionSlug: slugs.webhookDeliveries } }] },
    },
  },
  ...accessFromMatrix('webhookLogs'),
  endpoints: [jsonEndpoint({ method: 'post', path: '/:id/resend', openapi: { summary: 'Re-send a webhook delivery' }, handler: ({ req, params }) => resendDelivery({ req, deliveryId: Number(params.id) }) })],
  indexes: [{ fields: ['endpoint', 'aggregateKey', 'eventId'] }],
  fields: [
    { name: 'endpoint', type: 'relationship', relationTo: slugs.webhookEndpoints, required: true, index: true },
    { name: 'eventId', type: 'number', required: true, index: true, admin: { description: 'The outbox event (webhook-id msg_<eventId>).' } },
    { name: 'eventType', type: 'text', required: true },
    { name: 'aggregateKey', type: 'text' },
    { name: 'trigger', type: 'select', required: true, defaultValue: 'event', options: DELIVERY_TRIGGERS.map((value) => ({ label: label(value), value })) },
    { name: 'status', type: 'select', required: true, defaultValue: 'pending', index: true, options: DELIVERY_STATUSES.map((value) => ({ label: label(value), value })) },
    { name: 'attemptCount', type: 'number', required: true, defaultValue: 0 },
    { name: 'nextAttemptAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'lastAttemptAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'lastResponseCode', type: 'number' },
    { name: 'lastDurationMs', type: 'number' },
    { name: 'lastError', type: 'text' },
    { name: 'attempts', type: 'json', admin: { description: 'Every attempt: number, time, response code, duration (ms), error.' } },
  ],
}
