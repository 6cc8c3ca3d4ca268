import { sql } from '@payloadcms/db-postgres/drizzle'

import { WAREHOUSE_TYPES } from '../../../collections/Warehouses'
import { slugs } from '../../../collections/slugs'
import { sqlList, transactionDb } from '../../../db/transaction'
import type { ImportContext, ImportKind, ImportRow, RowPlan, RowResult } from './types'
import { CellError, collectRowErrors, duplicateKeyError, parseBoolean, parseChoice, parseInteger, required } from './values'

const TEMPERATURE_CLASSES = ['ambient', 'chilled', 'frozen']

type Target =
  | { type: 'warehouse'; code: string; values: Record<string, string | number | boolean> }
  | { type: 'location'; path: string; parentPath: string; code: string; values: Record<string, string | number | boolean> }

type Existing = { warehouses: Map<string, Record<string, string | null>>; locations: Map<string, Record<string, string | null>> }

/** "STOCK/A" (inside the warehouse) or a full path → the parent's full path; default the warehouse's Stock location. */
const parentPathOf = (warehouseCode: string, parent: string | undefined) =>
  !parent ? `${warehouseCode}/STOCK` : parent.startsWith(`${warehouseCode}/`) ? parent : `${warehouseCode}/${parent}`

function targetOf(row: ImportRow): Target {
  const { values } = row
  const warehouseCode = required('warehouse_code', values.warehouseCode)
  if (!values.locationCode) {
    const fields: Target['values'] = {}
    if (values.warehouseName) fields.name = values.warehouseName
    if (values.warehouseType) fields.type = parseChoice('warehouse_type', values.warehouseType, WAREHOUSE_TYPES.map((type) => type.value))
    if (values.fulfilmentPriority) fields.fulfilmentPriority = Number(parseInteger('fulfilment_priority', values.fulfilmentPriority))
    if (values.active) fields.active = parseBoolean('active', values.active) === 'true'
    return { type: 'warehouse', code: warehouseCode, values: fields }
  }
  if (values.locationCode.includes('/')) throw new CellError('location_code', values.locationCode, 'IMPORT.LOCATION_CODE', 'A location code cannot contain "/"; use parent_location for the tree')
  const parentPath = parentPathOf(warehouseCode, values.parentLocation)
  const fields: Target['values'] = {}
  if (values.locationName) fields.name = values.locationName
  if (values.temperatureClass) fields.temperatureClass = parseChoice('temperature_class', values.temperatureClass, TEMPERATURE_CLASSES)
  if (values.active) fields.active = parseBoolean('active', values.active) === 'true'
  return { type: 'location', path: `${parentPath}/${values.locationCode}`, parentPath, code: values.locationCode, values: fields }
}

async function loadExisting(context: ImportContext, targets: Target[]): Promise<Existing> {
  const db = await transactionDb(context.req)
  const codes = ['', ...targets.filter((target) => target.type === 'warehouse').map((target) => target.code)]
  const paths = ['', ...targets.flatMap((target) => (target.type === 'location' ? [target.path, target.parentPath] : []))]
  const { rows } = await db.execute<{ warehouses: Record<string, string | null>[]; locations: Record<string, string | null>[] }>(sql`
    SELECT
      (SELECT coalesce(json_agg(w), '[]') FROM (SELECT id::text, code, name, type::text AS type, fulfilment_priority::text AS "fulfilmentPriority", active::text AS active
          FROM warehouses WHERE tenant_id = ${context.tenantId} AND code IN ${sqlList(codes)}) w) AS warehouses,
      (SELECT coalesce(json_agg(l), '[]') FROM (SELECT id::text, path, name, temperature_class::text AS "temperatureClass", active::text AS active, kind::text AS kind
          FROM locations WHERE tenant_id = ${context.tenantId} AND path IN ${sqlList(paths)}) l) AS locations`)
  return {
    warehouses: new Map(rows[0].warehouses.map((row) => [row.code!, row])),
    locations: new Map(rows[0].locations.map((row) => [row.path!, row])),
  }
}

/** Field → [before, after] for the values the row sets that differ from the stored ones. */
function diff(before: Record<string, string | null> | undefined, values: Target['values']): NonNullable<RowPlan['changes']> {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([field, value]) => String(value) !== (before?.[field] ?? null))
      .map(([field, value]) => [field, [before?.[field] ?? null, String(value)]]),
  )
}

function planRow(context: ImportContext, row: ImportRow, existing: Existing): RowResult {
  let target: Target | undefined
  const errors = collectRowErrors([() => (target = targetOf(row))])
  if (!target) return { rowNumber: row.rowNumber, errors }
  const planned = (context.state.plannedPaths ??= new Set<string>()) as Set<string>
  const key = target.type === 'warehouse' ? target.code : target.path
  const duplicate = duplicateKeyError(context.state, key, row.rowNumber, target.type === 'warehouse' ? 'warehouse_code' : 'location path')
  if (duplicate) return { rowNumber: row.rowNumber, errors: [duplicate] }
  const stored = target.type === 'warehouse' ? existing.warehouses.get(target.code) : existing.locations.get(target.path)
  if (target.type === 'location' && !existing.locations.has(target.parentPath) && !planned.has(target.parentPath)) {
    return { rowNumber: row.rowNumber, errors: [{ column: 'parent_location', value: row.values.parentLocation ?? '', code: 'IMPORT.UNKNOWN_LOCATION', message: `No parent location ${target.parentPath} (in the database or on an earlier row)` }] }
  }
  if (target.type === 'location' && stored && !['internal', 'quarantine'].includes(stored.kind ?? '')) {
    return { rowNumber: row.rowNumber, errors: [{ column: 'location_code', value: target.code, code: 'IMPORT.LOCATION_KIND', message: `${target.path} is a system location` }] }
  }
  if (!stored) {
    if (!target.values.name) return { rowNumber: row.rowNumber, errors: [{ column: target.type === 'warehouse' ? 'warehouse_name' : 'location_name', value: '', code: 'IMPORT.REQUIRED', message: 'A name is required to create it' }] }
    planned.add(target.type === 'warehouse' ? `${target.code}/STOCK` : target.path)
    if (target.type === 'warehouse') planned.add(`${target.code}/QUARANTINE`)
    return { rowNumber: row.rowNumber, key, action: 'create', changes: diff(undefined, target.values), data: target }
  }
  if (context.options.existing === 'create-only') return { rowNumber: row.rowNumber, key, action: 'skip' }
  const changes = diff(stored, target.values)
  return { rowNumber: row.rowNumber, key, action: Object.keys(changes).length > 0 ? 'update' : 'unchanged', changes, data: { ...target, id: stored.id } }
}

/** Warehouses and locations go through Payload (hooks: system locations, paths, plan limits) in file order. */
async function applyPlans(context: ImportContext, plans: RowPlan[]): Promise<{ documents?: string[] }> {
  const db = await transactionDb(context.req)
  const common = { req: context.req, overrideAccess: true, depth: 0 } as const
  for (const plan of plans.filter((each) => each.action === 'create' || each.action === 'update')) {
    const target = plan.data as Target & { id?: string }
    const changed = Object.fromEntries(Object.keys(plan.changes ?? {}).map((field) => [field, target.values[field]]))
    if (target.id) {
      await context.req.payload.update({ collection: target.type === 'warehouse' ? slugs.warehouses : slugs.locations, id: Number(target.id), data: changed, ...common })
    } else if (target.type === 'warehouse') {
      await context.req.payload.create({ collection: slugs.warehouses, data: { tenant: context.tenantId, code: target.code, ...target.values } as any, ...common })
    } else {
      const { rows } = await db.execute<{ id: number }>(sql`SELECT id FROM locations WHERE tenant_id = ${context.tenantId} AND path = ${target.parentPath}`)
      await context.req.payload.create({ collection: slugs.locations, data: { tenant: context.tenantId, code: target.code, parent: Number(rows[0].id), ...target.values } as any, ...common })
    }
  }
  return {}
}

export const warehousesImport: ImportKind = {
  kind: 'warehouses',
  label: 'Warehouses and locations',
  description: 'Warehouses (rows without a location code) and their zones, aisles and bins (rows with one), parents before children.',
  access: { area: 'stock', action: 'create' },
  columns: [
    { field: 'warehouseCode', header: 'warehouse_code', aliases: ['warehouse', 'site', 'site code'], isRequired: true, example: 'CK-01', description: 'Warehouse code' },
    { field: 'warehouseName', header: 'warehouse_name', aliases: ['site name'], example: 'Central kitchen', description: 'Required for a new warehouse' },
    { field: 'warehouseType', header: 'warehouse_type', aliases: ['type'], example: 'central-kitchen', description: WAREHOUSE_TYPES.map((type) => type.value).join(' | ') },
    { field: 'fulfilmentPriority', header: 'fulfilment_priority', aliases: ['priority'], example: '10', description: 'Lowest is allocated first' },
    { field: 'locationCode', header: 'location_code', aliases: ['bin', 'location', 'bin code'], example: 'A', description: 'Empty for a warehouse row' },
    { field: 'locationName', header: 'location_name', aliases: ['bin name'], example: 'Aisle A', description: 'Required for a new location' },
    { field: 'parentLocation', header: 'parent_location', aliases: ['parent', 'parent path'], example: 'STOCK', description: 'Path inside the warehouse; default STOCK' },
    { field: 'temperatureClass', header: 'temperature_class', aliases: ['temperature'], example: 'ambient', description: TEMPERATURE_CLASSES.join(' | ') },
    { field: 'active', header: 'active', aliases: ['enabled'], example: 'true', description: 'true | false' },
  ],
  keyOf: (row) => (row.values.locationCode ? `${parentPathOf(row.values.warehouseCode ?? '', row.values.parentLocation)}/${row.values.locationCode}` : (row.values.warehouseCode ?? '')),
  plan: async (context, rows) => {
    const targets = rows.flatMap((row) => {
      try {
        return [targetOf(row)]
      } catch {
        return []
      }
    })
    const existing = await loadExisting(context, targets)
    return rows.map((row) => planRow(context, row, existing))
  },
  apply: applyPlans,
}
