import { sql } from '@payloadcms/db-postgres/drizzle'

import { sqlList, transactionDb } from '../../../db/transaction'
import { BASE_UNITS } from '../../catalogue/units'
import { PlanLimitReachedError } from '../../errors'
import { loadTenantPlan } from '../../entitlements/tenantPlan'
import type { ImportColumn, ImportContext, ImportKind, ImportRow, RowPlan, RowResult } from './types'
import { collectRowErrors, duplicateKeyError, parseBoolean, parseChoice, parseDecimal, parseInteger, required } from './values'

type ItemField = ImportColumn & {
  /** Column of the items table. */
  column: string
  /** Value for a new item when the file has no such column or an empty cell. */
  defaultValue: string | null
  /** Text of the file → the canonical text stored (throws CellError). */
  parse?: (header: string, value: string) => string
}

const BASE_UNIT_VALUES = BASE_UNITS.map((unit) => unit.value)

/** Items: upserted by SKU. Unmapped columns of an existing item stay as they are. */
export const ITEM_FIELDS: ItemField[] = [
  { field: 'sku', header: 'sku', aliases: ['item code', 'product code', 'article', 'code'], isRequired: true, example: 'FLOUR-25', description: 'Stock-keeping unit, unique per tenant', column: 'sku', defaultValue: null },
  { field: 'name', header: 'name', aliases: ['item name', 'product name', 'title', 'description'], isRequired: true, example: 'Flour type 00, 25 kg sack', description: 'Display name', column: 'name', defaultValue: null },
  { field: 'category', header: 'category', aliases: ['group', 'product group', 'family'], example: 'Dry goods', description: 'Free text', column: 'category', defaultValue: null },
  { field: 'baseUnit', header: 'base_unit', aliases: ['unit', 'uom', 'unit of measure'], example: 'kg', description: BASE_UNIT_VALUES.join(' | '), column: 'base_unit', defaultValue: 'each', parse: (header, value) => parseChoice(header, value, BASE_UNIT_VALUES) },
  { field: 'unitPrecision', header: 'unit_precision', aliases: ['decimals', 'precision'], example: '3', description: 'Decimals allowed in quantities, 0–4', column: 'unit_precision', defaultValue: '0', parse: (header, value) => parseInteger(header, value, { min: 0, max: 4 }) },
  { field: 'trackInventory', header: 'track_inventory', aliases: ['stocked', 'inventory'], example: 'true', description: 'true | false', column: 'track_inventory', defaultValue: 'true', parse: parseBoolean },
  { field: 'isLotTracked', header: 'is_lot_tracked', aliases: ['lot tracked', 'lots', 'batch tracked'], example: 'false', description: 'true | false', column: 'is_lot_tracked', defaultValue: 'false', parse: parseBoolean },
  { field: 'isSerialTracked', header: 'is_serial_tracked', aliases: ['serial tracked', 'serials'], example: 'false', description: 'true | false', column: 'is_serial_tracked', defaultValue: 'false', parse: parseBoolean },
  { field: 'shelfLifeDays', header: 'shelf_life_days', aliases: ['shelf life'], example: '180', description: 'Whole days', column: 'shelf_life_days', defaultValue: null, parse: (header, value) => parseInteger(header, value, { min: 0 }) },
  { field: 'standardCost', header: 'standard_cost', aliases: ['cost', 'unit cost', 'price'], example: '18.50', description: 'Per base unit, tenant currency', column: 'standard_cost', defaultValue: null, parse: (header, value) => parseDecimal(header, value, { min: 0 }) },
  { field: 'externalProductId', header: 'external_product_id', aliases: ['external id', 'product id'], example: 'shop-4711', description: 'The id other services use', column: 'external_product_id', defaultValue: null },
  { field: 'active', header: 'active', aliases: ['enabled', 'status'], example: 'true', description: 'true | false', column: 'active', defaultValue: 'true', parse: parseBoolean },
  { field: 'barcodes', header: 'barcodes', aliases: ['barcode', 'ean', 'gtin', 'plu'], example: '4006381333931|4006381333948', description: 'Codes separated by |', column: 'barcodes', defaultValue: null, parse: (_header, value) => value.split('|').map((code) => code.trim()).filter(Boolean).join('|') || '' },
]

type ItemValues = Record<string, string | null>
// Canonical text per field, plus the numeric id.
type ExistingItem = Record<string, any>

/** Current values of the items named by SKU, as canonical text (the same text `parse` produces). */
async function loadExisting(context: ImportContext, skus: string[]): Promise<Map<string, ExistingItem>> {
  if (skus.length === 0) return new Map()
  const db = await transactionDb(context.req)
  const { rows } = await db.execute<ExistingItem>(sql`
    SELECT i.id, i.sku, i.name, i.category, i.base_unit::text AS "baseUnit", i.unit_precision::text AS "unitPrecision",
           i.track_inventory::text AS "trackInventory", i.is_lot_tracked::text AS "isLotTracked", i.is_serial_tracked::text AS "isSerialTracked",
           i.shelf_life_days::text AS "shelfLifeDays", i.standard_cost::text AS "standardCost", i.external_product_id AS "externalProductId",
           i.active::text AS active,
           (SELECT string_agg(b.code, '|' ORDER BY b._order) FROM items_barcodes b WHERE b._parent_id = i.id) AS barcodes
      FROM items i WHERE i.tenant_id = ${context.tenantId} AND i.sku IN ${sqlList(skus)}`)
  return new Map(
    rows.map((row) => {
      const normalized: ExistingItem = { ...row, id: Number(row.id) }
      for (const key of ['unitPrecision', 'shelfLifeDays', 'standardCost']) {
        if (normalized[key] != null) normalized[key] = parseDecimal(key, normalized[key]!)
      }
      return [row.sku!, normalized]
    }),
  )
}

function planRow(context: ImportContext, row: ImportRow, existing: ExistingItem | undefined): RowResult {
  const values: ItemValues = {}
  const errors = collectRowErrors(
    ITEM_FIELDS.map((spec) => () => {
      const raw = row.values[spec.field]
      if (spec.isRequired) required(spec.header, raw)
      if (raw === undefined) return
      values[spec.field] = raw === '' ? (spec.field === 'barcodes' ? '' : null) : spec.parse ? spec.parse(spec.header, raw) : raw
    }),
  )
  const duplicate = values.sku ? duplicateKeyError(context.state, values.sku, row.rowNumber, 'sku') : null
  if (duplicate) errors.push(duplicate)
  if (errors.length > 0) return { rowNumber: row.rowNumber, errors }

  const key = values.sku!
  if (!existing) {
    const after = Object.fromEntries(ITEM_FIELDS.map((spec) => [spec.field, values[spec.field] ?? spec.defaultValue]))
    if (after.barcodes === '') after.barcodes = null
    const changes = Object.fromEntries(Object.entries(after).filter(([, value]) => value !== null).map(([field, value]) => [field, [null, value]])) as RowPlan['changes']
    return { rowNumber: row.rowNumber, key, action: 'create', changes, data: after }
  }
  if (context.options.existing === 'create-only') return { rowNumber: row.rowNumber, key, action: 'skip' }
  const after: ItemValues = { ...existing }
  for (const spec of ITEM_FIELDS) {
    if (!(spec.field in values)) continue
    after[spec.field] = values[spec.field] === null || values[spec.field] === '' ? (spec.isRequired ? existing[spec.field] : spec.defaultValue) : values[spec.field]
  }
  const changes = Object.fromEntries(
    ITEM_FIELDS.filter((spec) => (after[spec.field] ?? null) !== (existing[spec.field] ?? null)).map((spec) => [spec.field, [existing[spec.field] ?? null, after[spec.field] ?? null]]),
  ) as RowPlan['changes']
  const action = Object.keys(changes!).length > 0 ? 'update' : 'unchanged'
  return { rowNumber: row.rowNumber, key, action, changes, data: { ...after, id: existing.id } }
}

/** New active items (and re-activated ones) must fit the plan's `activeItems` limit, like single creations do. */
async function assertActiveItemsWithinPlan(context: ImportContext, adding: number): Promise<void> {
  if (adding <= 0) return
  const db = await transactionDb(context.req)
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`plan-limit:activeItems:${context.tenantId}`}))`)
  const plan = await loadTenantPlan({ req: context.req, tenantId: context.tenantId })
  const max = plan?.limits.activeItems
  if (!plan || typeof max !== 'number') return
  const { rows } = await db.execute<{ count: number }>(sql`SELECT count(*)::int AS count FROM items WHERE tenant_id = ${context.tenantId} AND active`)
  const current = Number(rows[0].count)
  if (current + adding > max) {
    throw new PlanLimitReachedError(
      `The ${plan.name} plan allows ${max} active items (limit "activeItems", plan "${plan.code}"); this tenant has ${current} and the chunk adds ${adding}. Upgrade the plan to add more.`,
    )
  }
}

/** Writes a chunk's creates and updates with three set-based statements (items, then their barcodes). */
async function applyPlans(context: ImportContext, plans: RowPlan[]): Promise<{ documents?: string[] }> {
  const writes = plans.filter((plan) => plan.action === 'create' || plan.action === 'update')
  if (writes.length === 0) return {}
  const records = writes.map((plan) => plan.data as ItemValues & { id?: number })
  const activating = writes.filter((plan) => {
    const data = plan.data as ItemValues
    return data.active === 'true' && (plan.action === 'create' || plan.changes?.active)
  }).length
  await assertActiveItemsWithinPlan(context, activating)
  const db = await transactionDb(context.req)
  const columns = ITEM_FIELDS.filter((spec) => spec.field !== 'barcodes')
  const payloadRows = JSON.stringify(records.map((record) => ({ ...Object.fromEntries(columns.map((spec) => [spec.column, record[spec.field] ?? null])), id: record.id ?? null })))
  const recordset = sql.raw(
    `x(id int, sku text, name text, category text, base_unit text, unit_precision numeric, track_inventory boolean, is_lot_tracked boolean,
       is_serial_tracked boolean, shelf_life_days numeric, standard_cost numeric, external_product_id text, active boolean)`,
  )
  const actorId = context.req.user ? Number(context.req.user.id) : null
  await db.execute(sql`
    WITH input AS (SELECT * FROM jsonb_to_recordset(${payloadRows}::jsonb) AS ${recordset}),
    updated AS (
      UPDATE items i SET name = x.name, category = x.category, base_unit = x.base_unit::enum_items_base_unit, unit_precision = x.unit_precision,
             track_inventory = x.track_inventory, is_lot_tracked = x.is_lot_tracked, is_serial_tracked = x.is_serial_tracked,
             shelf_life_days = x.shelf_life_days, standard_cost = x.standard_cost, external_product_id = x.external_product_id,
             active = x.active, updated_at = now()
        FROM input x WHERE x.id IS NOT NULL AND i.id = x.id AND i.tenant_id = ${context.tenantId}
    )
    INSERT INTO items (tenant_id, sku, name, category, base_unit, unit_precision, track_inventory, is_lot_tracked, is_serial_tracked,
                       shelf_life_days, standard_cost, external_product_id, active, created_by_id, created_at, updated_at)
    SELECT ${context.tenantId}, x.sku, x.name, x.category, x.base_unit::enum_items_base_unit, x.unit_precision, x.track_inventory, x.is_lot_tracked,
           x.is_serial_tracked, x.shelf_life_days, x.standard_cost, x.external_product_id, x.active, ${actorId}, now(), now()
      FROM input x WHERE x.id IS NULL`)
  const barcodeWrites = writes.filter((plan) => plan.action === 'create' ? (plan.data as ItemValues).barcodes : plan.changes?.barcodes)
  if (barcodeWrites.length > 0) {
    const barcodeRows = JSON.stringify(barcodeWrites.map((plan) => ({ sku: plan.key, codes: ((plan.data as ItemValues).barcodes ?? '').split('|').filter(Boolean) })))
    await db.execute(sql`
      WITH input AS (SELECT x.sku, x.codes FROM jsonb_to_recordset(${barcodeRows}::jsonb) AS x(sku text, codes jsonb)),
      targets AS (SELECT i.id, input.codes FROM items i JOIN input ON input.sku = i.sku WHERE i.tenant_id = ${context.tenantId}),
      removed AS (DELETE FROM items_barcodes b USING targets t WHERE b._parent_id = t.id)
      INSERT INTO items_barcodes (_order, _parent_id, id, code)
      SELECT c.ord, t.id, substr(md5(random()::text || t.id || c.ord), 1, 24), c.code
        FROM targets t, jsonb_array_elements_text(t.codes) WITH ORDINALITY AS c(code, ord)`)
  }
  return {}
}

export const itemsImport: ImportKind = {
  kind: 'items',
  label: 'Items',
  description: 'Create or update catalogue items by SKU.',
  access: { area: 'catalogue', action: 'create' },
  columns: ITEM_FIELDS,
  keyOf: (row) => row.values.sku ?? '',
  plan: async (context, rows) => {
    const existing = await loadExisting(context, [...new Set(rows.map((row) => row.values.sku).filter(Boolean))])
    return rows.map((row) => planRow(context, row, existing.get(row.values.sku)))
  },
  apply: applyPlans,
}
