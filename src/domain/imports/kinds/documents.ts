import { sql } from '@payloadcms/db-postgres/drizzle'
import type { CollectionSlug, Where } from 'payload'

import { inSequence, sqlList, transactionDb } from '../../../db/transaction'
import type { ImportColumn, ImportContext, ImportKind, ImportRow, RowError, RowPlan, RowResult } from './types'
import { CellError, collectRowErrors, duplicateKeyError } from './values'

/** Codes a chunk names, resolved to ids of this tenant in one round trip. */
export type CodeReferences = { items: Map<string, number>; warehouses: Map<string, number>; suppliers: Map<string, number> }

type FieldValue = string | number | boolean | null

/**
 * What one row creates or updates: a document of `collection` found by `match` (the tenant is added), with the
 * field values the row sets. `dependsOn` names the document it belongs to, stored or created by an earlier row of
 * the same file (a supplier before its catalogue lines): its id is looked up when the row is applied.
 */
export type DocumentTarget = {
  collection: CollectionSlug
  key: string
  keyLabel: string
  match: Where
  values: Record<string, FieldValue>
  requiredToCreate?: string[]
  dependsOn?: { field: string; collection: CollectionSlug; match: Where; isStored: boolean; plannedKey: string; missing: RowError }
}

export type DocumentImportSpec = Omit<ImportKind, 'plan' | 'apply' | 'keyOf'> & {
  columns: ImportColumn[]
  keyOf: (row: ImportRow) => string
  /** Builds the row's target from its cells and the chunk's references; throws CellError for a bad cell. */
  targetOf: (row: ImportRow, references: CodeReferences) => DocumentTarget
}

export async function loadCodeReferences(context: ImportContext, rows: ImportRow[]): Promise<CodeReferences> {
  const db = await transactionDb(context.req)
  const list = (field: string) => sqlList(['', ...new Set(rows.map((row) => row.values[field] ?? ''))])
  const { rows: found } = await db.execute<{ kind: string; code: string; id: number }>(sql`
    SELECT 'items' AS kind, sku AS code, id FROM items WHERE tenant_id = ${context.tenantId} AND sku IN ${list('sku')}
    UNION ALL SELECT 'warehouses', code, id FROM warehouses WHERE tenant_id = ${context.tenantId} AND code IN ${list('warehouse')}
    UNION ALL SELECT 'suppliers', code, id FROM suppliers WHERE tenant_id = ${context.tenantId} AND code IN ${list('supplier')}`)
  const references: CodeReferences = { items: new Map(), warehouses: new Map(), suppliers: new Map() }
  for (const row of found) references[row.kind as keyof CodeReferences].set(row.code, Number(row.id))
  return references
}

/** The id of a code the row names, or a cell error naming what is unknown. */
export function referenceTo(references: Map<string, number>, column: string, code: string, what: string, errorCode: string): number {
  const id = references.get(code)
  if (id === undefined) throw new CellError(column, code, errorCode, `No ${what} ${code}`)
  return id
}

const idOf = (value: unknown) => (value && typeof value === 'object' && 'id' in value ? Number((value as { id: unknown }).id) : value)

/** Stored and imported values compare as text: 12 and "12.0" are the same number, a relation is its id. */
function sameValue(stored: unknown, imported: FieldValue): boolean {
  const before = idOf(stored) ?? null
  if (before === null || imported === null) return before === imported
  if (typeof imported === 'number') return Number(before) === imported
  return String(before) === String(imported)
}

async function findStored(context: ImportContext, targets: DocumentTarget[]): Promise<(Record<string, unknown> | undefined)[]> {
  const req = context.req
  return inSequence(targets, async (target) => {
    const { docs } = await req.payload.find({
      collection: target.collection,
      where: { and: [{ tenant: { equals: context.tenantId } }, target.match] },
      limit: 1,
      depth: 0,
      req,
      overrideAccess: true,
    })
    return docs[0] as unknown as Record<string, unknown> | undefined
  })
}

function planRow(context: ImportContext, row: ImportRow, target: DocumentTarget, stored: Record<string, unknown> | undefined): RowResult {
  const duplicate = duplicateKeyError(context.state, target.key, row.rowNumber, target.keyLabel)
  if (duplicate) return { rowNumber: row.rowNumber, errors: [duplicate] }
  const planned = context.state.plannedKeys as Set<string>
  if (target.dependsOn && !target.dependsOn.isStored && !planned.has(target.dependsOn.plannedKey)) return { rowNumber: row.rowNumber, errors: [target.dependsOn.missing] }
  if (!stored) {
    const missing = (target.requiredToCreate ?? []).filter((field) => target.values[field] === undefined || target.values[field] === null || target.values[field] === '')
    if (missing.length > 0) {
      return { rowNumber: row.rowNumber, errors: missing.map((field) => ({ column: field, value: '', code: 'IMPORT.REQUIRED', message: `${field} is required to create ${target.key}` })) }
    }
    planned.add(target.key)
    const changes = Object.fromEntries(Object.entries(target.values).filter(([, value]) => value !== null).map(([field, value]) => [field, [null, String(value)]]))
    return { rowNumber: row.rowNumber, key: target.key, action: 'create', changes: changes as RowPlan['changes'], data: target }
  }
  if (context.options.existing === 'create-only') return { rowNumber: row.rowNumber, key: target.key, action: 'skip' }
  const changed = Object.entries(target.values).filter(([field, value]) => !sameValue(stored[field], value))
  const changes = Object.fromEntries(changed.map(([field, value]) => [field, [stored[field] == null ? null : String(idOf(stored[field])), value === null ? null : String(value)]]))
  return { rowNumber: row.rowNumber, key: target.key, action: changed.length > 0 ? 'update' : 'unchanged', changes: changes as RowPlan['changes'], data: { ...target, id: Number(stored.id) } }
}

/**
 * An import kind whose rows create or update Payload documents found by a key (suppliers, catalogue lines, reorder
 * rules): the plan reads the stored documents and diffs the fields the row sets; apply writes through Payload in
 * file order, so the collection's hooks, validation and access rules hold exactly as for a single save.
 */
export function documentImport(spec: DocumentImportSpec): ImportKind {
  const { targetOf, ...kind } = spec
  return {
    ...kind,
    plan: async (context, rows) => {
      const references = await loadCodeReferences(context, rows)
      context.state.plannedKeys ??= new Set<string>()
      const targets = rows.map((row) => {
        let target: DocumentTarget | undefined
        const errors = collectRowErrors([() => (target = targetOf(row, references))])
        return target ? { target } : { errors }
      })
      const stored = await findStored(context, targets.flatMap((each) => (each.target ? [each.target] : [])))
      let next = 0
      return rows.map((row, index) => {
        const each = targets[index]
        return each.target ? planRow(context, row, each.target, stored[next++]) : { rowNumber: row.rowNumber, errors: each.errors! }
      })
    },
    apply: async (context, plans) => {
      const common = { req: context.req, overrideAccess: true, depth: 0 } as const
      for (const plan of plans.filter((each) => each.action === 'create' || each.action === 'update')) {
        const target = plan.data as DocumentTarget & { id?: number }
        const data: Record<string, unknown> = target.id ? Object.fromEntries(Object.keys(plan.changes ?? {}).map((field) => [field, target.values[field]])) : { ...target.values }
        if (!target.id && target.dependsOn) {
          const [parent] = await findStored(context, [{ ...target, collection: target.dependsOn.collection, match: target.dependsOn.match }])
          data[target.dependsOn.field] = Number(parent!.id)
        }
        if (target.id) await context.req.payload.update({ collection: target.collection, id: target.id, data, ...common })
        else await context.req.payload.create({ collection: target.collection, data: { tenant: context.tenantId, ...data } as any, ...common })
      }
      return {}
    },
  }
}
