import crypto from 'node:crypto'

/**
 * One builder per tenant-scoped collection: a valid document of that collection for a given tenant, and a
 * harmless patch for update attempts. The isolation suite fails, naming the collection, when one is missing:
 * a collection added later adds its builder here and is then covered by every check of the suite.
 */
export type FixtureContext = {
  tenantId: number | string
  /** Unique per document. */
  suffix: string
  /** Text the document carries so that responses can be scanned for it. */
  marker: string
}

export type Fixture = {
  build: (context: FixtureContext) => Record<string, unknown>
  patch: Record<string, unknown>
}

let dayCounter = 0
/** Distinct past days, so (tenant, day) stays unique for usage counters. */
const nextDay = () => new Date(Date.UTC(2001, 0, 1) + dayCounter++ * 86_400_000).toISOString().slice(0, 10)

export const FIXTURES: Record<string, Fixture> = {
  tenants: {
    build: ({ suffix, marker }) => ({ name: `${marker} tenant`, slug: `iso-${suffix}` }),
    patch: { name: 'pwned' },
  },
  users: {
    build: ({ tenantId, suffix, marker }) => ({
      email: `iso-${suffix}@test.example`,
      password: crypto.randomBytes(12).toString('hex'),
      name: `${marker} user`,
      tenants: [{ tenant: tenantId, roles: ['viewer'] }],
    }),
    patch: { name: 'pwned' },
  },
  items: {
    build: ({ tenantId, suffix, marker }) => ({ tenant: tenantId, sku: `ISO-${suffix}`, name: `${marker} item` }),
    patch: { name: 'pwned' },
  },
  warehouses: {
    build: ({ tenantId, suffix, marker }) => ({ tenant: tenantId, code: `WH-${suffix}`, name: `${marker} warehouse`, type: 'store' }),
    patch: { name: 'pwned' },
  },
  suppliers: {
    build: ({ tenantId, suffix, marker }) => ({ tenant: tenantId, code: `SUP-${suffix}`, name: `${marker} supplier`, currency: 'USD' }),
    patch: { name: 'pwned' },
  },
  'idempotency-records': {
    build: ({ tenantId, suffix, marker }) => ({
      tenant: tenantId,
      scope: marker,
      key: `key-${suffix}`,
      requestHash: 'hash',
      state: 'completed',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    }),
    patch: { state: 'in-flight' },
  },
  outbox: {
    build: ({ tenantId, marker }) => ({ tenant: tenantId, eventType: `${marker}.event`, payload: { marker }, occurredAt: new Date().toISOString() }),
    patch: { eventType: 'pwned' },
  },
  'usage-counters': {
    build: ({ tenantId }) => ({ tenant: tenantId, day: nextDay(), apiCalls: 7 }),
    patch: { apiCalls: 0 },
  },
}
