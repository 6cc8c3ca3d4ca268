import type { CollectionConfig, Field } from 'payload'

import { accessFromMatrix, accessRule } from '../access/accessFor'
import type { Area } from '../access/matrix'
import { withWhere } from '../access/withWhere'
import { serverOnly } from '../fields/serverOnly'
import { slugs } from './slugs'

/**
 * Access shared by workflow documents (adjustments, purchase orders, transfers, counts, holds, waste …): an area of
 * the matrix, with edits and deletes limited to the statuses before anything is posted. Their workflow moves on
 * only through the documents' action endpoints.
 */
export function workflowDocumentAccess(editableStatuses: string[], area: Area = 'stock'): Pick<CollectionConfig, 'access' | 'custom'> {
  const isEditable = { status: { in: editableStatuses } }
  const { access, custom } = accessFromMatrix(area)
  return {
    access: { ...access, update: withWhere(accessRule(area, 'update'), isEditable), delete: withWhere(accessRule(area, 'delete'), isEditable) },
    custom,
  }
}

/** The console's workflow buttons above the document (src/components/DocumentActions registry). */
export function documentActionsComponent(collectionSlug: string) {
  return { beforeDocumentControls: [{ path: '/components/DocumentActions#DocumentActions', serverProps: { collectionSlug } }] }
}

/** The list's bulk bar above the table: the registry's bulk actions for the selected rows (src/components/BulkActions). */
export const bulkActionsComponent = { beforeListTable: ['/components/BulkActions#BulkActions'] }

const sidebar = { readOnly: true, position: 'sidebar' as const }

/** A read-only workflow field only the server writes. */
export const workflowField = <T extends Field>(field: T): T => serverOnly({ ...field, admin: { ...sidebar, ...('admin' in field ? field.admin : {}) } } as T)

export const statusField = (options: readonly string[]): Field =>
  workflowField({
    name: 'status',
    type: 'select',
    required: true,
    defaultValue: options[0],
    index: true,
    options: options.map((value) => ({ label: value[0].toUpperCase() + value.slice(1).replace(/-/g, ' '), value })),
  })

export const numberField: Field = serverOnly({ name: 'number', type: 'text', index: true, admin: { readOnly: true } })

export const userStamp = (name: string): Field => workflowField({ name, type: 'relationship', relationTo: slugs.users })
export const dateStamp = (name: string): Field => workflowField({ name, type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } })
