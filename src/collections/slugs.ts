/** Every collection slug, typed once; never retype these strings. */
export const slugs = {
  tenants: 'tenants',
  users: 'users',
  plans: 'plans',
  items: 'items',
  warehouses: 'warehouses',
  suppliers: 'suppliers',
  locations: 'locations',
  lots: 'lots',
  ledgerEntries: 'ledger-entries',
  ledgerSeals: 'ledger-seals',
  stockBuckets: 'stock-buckets',
  stockLevels: 'stock-levels',
  adjustments: 'adjustments',
  reservations: 'reservations',
  documentSequences: 'document-sequences',
  idempotencyRecords: 'idempotency-records',
  outbox: 'outbox',
  usageCounters: 'usage-counters',
} as const

export type Slug = (typeof slugs)[keyof typeof slugs]
