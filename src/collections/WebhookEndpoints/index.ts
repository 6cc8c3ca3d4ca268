import type { CollectionConfig } from 'payload'

import { accessFromMatrix } from '../../access/accessFor'
import { createdByField } from '../../fields/createdBy'
import { serverOnly } from '../../fields/serverOnly'
import { issueSigningSecretOnCreate, returnIssuedSigningSecret, signingSecretFields } from '../../fields/signingSecret'
import { enforcePlanEntitlements } from '../../hooks/enforcePlanEntitlements'
import { stampCreatedBy } from '../../hooks/stampCreatedBy'
import { slugs } from '../slugs'
import { webhookEndpointEndpoints } from './endpoints'
import { checkEndpoint } from './hooks/checkEndpoint'
import { deleteDeliveryLog } from './hooks/deleteDeliveryLog'

/**
 * Where a tenant's events are POSTed, signed per Standard Webhooks (docs/webhooks.md). The secret is issued on
 * create and shown once; rotating keeps the old one signing too for a window. Disabled by the server on 410 Gone
 * or after the last retry, with the reason; re-activating checks the URL again.
 */
export const WebhookEndpoints: CollectionConfig = {
  slug: slugs.webhookEndpoints,
  admin: {
    useAsTitle: 'url',
    defaultColumns: ['url', 'eventTypes', 'active', 'disabledReason'],
    group: 'Integrations',
    components: { edit: { beforeDocumentControls: ['/components/WebhookEndpointActions#WebhookEndpointActions'] } },
  },
  ...accessFromMatrix('webhooks'),
  hooks: {
    beforeChange: [stampCreatedBy, enforcePlanEntitlements({ limit: 'webhookEndpoints' }), checkEndpoint, issueSigningSecretOnCreate],
    afterChange: [returnIssuedSigningSecret],
    beforeDelete: [deleteDeliveryLog],
  },
  endpoints: webhookEndpointEndpoints,
  fields: [
    { name: 'url', label: 'URL', type: 'text', required: true, admin: { description: 'https://… on the public internet; private and metadata addresses are refused.' } },
    { name: 'description', type: 'text' },
    {
      name: 'eventTypes',
      type: 'text',
      hasMany: true,
      required: true,
      admin: { description: 'Event names or patterns: inventory.low_stock, inventory.po.*, * for all (docs/webhooks.md).' },
    },
    { name: 'active', type: 'checkbox', defaultValue: true, admin: { position: 'sidebar' } },
    serverOnly({ name: 'disabledReason', type: 'text', admin: { readOnly: true, position: 'sidebar' } }),
    serverOnly({ name: 'disabledAt', type: 'date', admin: { readOnly: true, position: 'sidebar' } }),
    ...signingSecretFields,
    createdByField,
  ],
}
