import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { slugs } from '../../collections/slugs'
import { transactionDb } from '../../db/transaction'
import { NotFoundError } from '../errors'
import { VIRTUAL_LOCATION_KINDS, type LocationKind } from './locationKinds'

const WAREHOUSE_SYSTEM_LOCATIONS = [
  { code: 'STOCK', name: 'Stock', kind: 'internal' },
  { code: 'QUARANTINE', name: 'Quarantine', kind: 'quarantine' },
  { code: 'INBOUND', name: 'Inbound transit', kind: 'transit' },
] as const

export const VIRTUAL_PATH_PREFIX = 'VIRTUAL'

/** The tenant's virtual counterparties: supplier, customer, adjustment, scrap, production. Idempotent. */
export async function ensureTenantVirtualLocations({ req, tenantId }: { req: PayloadRequest; tenantId: number }): Promise<void> {
  for (const kind of VIRTUAL_LOCATION_KINDS) {
    const code = kind.toUpperCase()
    await createSystemLocationOnce({ req, tenantId, warehouseId: null, kind, code, name: `${kind[0].toUpperCase()}${kind.slice(1)} (virtual)`, path: `${VIRTUAL_PATH_PREFIX}/${code}` })
  }
}

/** A new warehouse's Stock, Quarantine and Inbound-transit locations. Idempotent. */
export async function ensureWarehouseLocations({
  req,
  tenantId,
  warehouse,
}: {
  req: PayloadRequest
  tenantId: number
  warehouse: { id: number; code: string }
}): Promise<void> {
  for (const location of WAREHOUSE_SYSTEM_LOCATIONS) {
    await createSystemLocationOnce({ req, tenantId, warehouseId: warehouse.id, ...location, path: `${warehouse.code}/${location.code}` })
  }
}

async function createSystemLocationOnce(args: {
  req: PayloadRequest
  tenantId: number
  warehouseId: number | null
  kind: LocationKind
  code: string
  name: string
  path: string
}): Promise<void> {
  const existing = await findSystemLocationId({ req: args.req, tenantId: args.tenantId, warehouseId: args.warehouseId, kind: args.kind, isRequired: false })
  if (existing) return
  await args.req.payload.create({
    collection: slugs.locations,
    data: {
      tenant: args.tenantId,
      warehouse: args.warehouseId ?? undefined,
      kind: args.kind,
      code: args.code,
      name: args.name,
      path: args.path,
      isSystem: true,
    } as any,
    req: args.req,
    overrideAccess: true,
    depth: 0,
  })
}

/** The id of a warehouse's system location of `kind` (or of the tenant's virtual one when warehouseId is null). */
export async function findSystemLocationId(args: {
  req: PayloadRequest
  tenantId: number
  warehouseId: number | null
  kind: LocationKind
  isRequired?: boolean
}): Promise<number | null> {
  const db = await transactionDb(args.req)
  const { rows } = await db.execute<{ id: number }>(sql`
    SELECT id FROM locations WHERE tenant_id = ${args.tenantId} AND kind = ${args.kind} AND is_system
       AND warehouse_id IS NOT DISTINCT FROM ${args.warehouseId} LIMIT 1`)
  if (!rows[0] && args.isRequired !== false) {
    throw new NotFoundError(`No ${args.kind} location for ${args.warehouseId === null ? 'this tenant' : `warehouse ${args.warehouseId}`}`)
  }
  return rows[0] ? Number(rows[0].id) : null
}
