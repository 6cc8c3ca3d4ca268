import type { CollectionConfig } from 'payload'

import { accessFromMatrix } from '../../access/accessFor'
import { createdByField } from '../../fields/createdBy'
import { issueSigningSecretOnCreate, returnIssuedSigningSecret, signingSecretFields } from '../../fields/signingSecret'
import { stampCreatedBy } from '../../hooks/stampCreatedBy'
import { rotateSecretEndpoint } from '../WebhookEndpoints/endpoints'
import { slugs } from '../slugs'

/**
 * Systems allowed to send events to POST /api/events/inbound?tenant=<slug> (order, catalogue, fulfilment,
 * purchasing services): each signs with its own Standard Webhooks secret, issued here and shown once.
 */
export const EventSources: CollectionConfig = {
  slug: slugs.eventSources,
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'active', 'secretHint'],
    group: 'Integrations',
    description: 'Senders of inbound events (POST /api/events/inbound?tenant=<slug>), each with its own signing secret.',
    components: { edit: { beforeDocumentControls: ['/components/WebhookEndpointActions#EventSourceActions'] } },
  },
  ...accessFromMatrix('webhooks'),
  hooks: { beforeChange: [stampCreatedBy, issueSigningSecretOnCreate], afterChange: [returnIssuedSigningSecret] },
  endpoints: [rotateSecretEndpoint('event-sources')],
  fields: [
    { name: 'name', type: 'text', required: true, admin: { description: 'e.g. Order service' } },
    { name: 'active', type: 'checkbox', defaultValue: true, admin: { position: 'sidebar' } },
    ...signingSecretFields,
    createdByField,
  ],
}
