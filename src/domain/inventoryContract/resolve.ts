import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { transactionDb } from '../../db/transaction'
import { NotFoundError, ValidationError } from '../errors'

export type ContractProduct = { id: number; sku: string; name: string; baseUnit: string; unitPrecision: number; externalProductId: string | null }
export type ContractStore = { id: number; code: string; name: string; externalId: string | null; isActive: boolean }

export function requiredId(value: unknown, path: string): string {
  if ((typeof value !== 'string' && typeof value !== 'number') || String(value).trim() === '') {
    throw new ValidationError('VALIDATION.REQUIRED', `${path} is required`, path)
  }
  return String(value).trim()
}

/** A product id of the order service: the item's externalProductId, else its SKU. */
export async function resolveProduct(req: PayloadRequest, tenantId: number, productId: string, path = 'product_id'): Promise<ContractProduct> {
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ id: number; sku: string; name: string; base_unit: string; unit_precision: string; external_product_id: string | null }>(sql`
    SELECT id, sku, name, base_unit, unit_precision::text, external_product_id FROM items
     WHERE tenant_id = ${tenantId} AND (external_product_id = ${productId} OR sku = ${productId})
     ORDER BY (external_product_id = ${productId}) DESC NULLS LAST LIMIT 1`)
  const row = rows[0]
  if (!row) throw new NotFoundError(`Product ${productId} not found`, path)
  return { id: Number(row.id), sku: row.sku, name: row.name, baseUnit: row.base_unit, unitPrecision: Number(row.unit_precision), externalProductId: row.external_product_id }
}

/** A store id of the order service: the warehouse's externalId, else its code. */
export async function resolveStore(req: PayloadRequest, tenantId: number, storeId: string, path = 'store_id'): Promise<ContractStore> {
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ id: number; code: string; name: string; external_id: string | null; active: boolean | null }>(sql`
    SELECT id, code, name, external_id, active FROM warehouses
     WHERE tenant_id = ${tenantId} AND (external_id = ${storeId} OR code = ${storeId})
     ORDER BY (external_id = ${storeId}) DESC NULLS LAST LIMIT 1`)
  const row = rows[0]
  if (!row) throw new NotFoundError(`Store ${storeId} not found`, path)
  return { id: Number(row.id), code: row.code, name: row.name, externalId: row.external_id, isActive: row.active !== false }
}

export const storeIdOf = (store: { code: string; externalId: string | null }) => store.externalId ?? store.code
export const productIdOf = (product: { sku: string; externalProductId: string | null }) => product.externalProductId ?? product.sku

/** Several products by SKU in one query; the map holds only those of this tenant. */
export async function resolveProductsBySku(req: PayloadRequest, tenantId: number, skus: string[]): Promise<Map<string, ContractProduct>> {
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ id: number; sku: string; name: string; base_unit: string; unit_precision: string; external_product_id: string | null }>(sql`
    SELECT id, sku, name, base_unit, unit_precision::text, external_product_id FROM items
     WHERE tenant_id = ${tenantId} AND sku IN (SELECT jsonb_array_elements_text(${JSON.stringify([...new Set(skus)])}::jsonb))`)
  return new Map(
    rows.map((row) => [row.sku, { id: Number(row.id), sku: row.sku, name: row.name, baseUnit: row.base_unit, unitPrecision: Number(row.unit_precision), externalProductId: row.external_product_id }]),
  )
}
