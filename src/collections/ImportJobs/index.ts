import type { CollectionConfig } from 'payload'

import { accessFromMatrix } from '../../access/accessFor'
import { csvSettings } from '../../domain/csv/settings'
import { IMPORT_KINDS } from '../../domain/imports/kinds'
import { createdByField } from '../../fields/createdBy'
import { serverOnly } from '../../fields/serverOnly'
import { stampCreatedBy } from '../../hooks/stampCreatedBy'
import { slugs } from '../slugs'
import { importJobEndpoints } from './endpoints'
import { acceptUpload } from './hooks/acceptUpload'
import { enqueueImportRun, prepareImportJob } from './hooks/prepareImportJob'
import { documentActionsComponent } from '../documentConfig'

const sidebar = { readOnly: true, position: 'sidebar' as const }

/**
 * A CSV import: the uploaded file (kept on local disk), its kind, mode and options, and the state of the
 * `imports.run` job — status, progress, what the dry run found and what the commit applied. Created by upload;
 * moved on only through the commit / cancel / remap endpoints.
 */
export const ImportJobs: CollectionConfig = {
  slug: slugs.importJobs,
  labels: { singular: 'Import', plural: 'Imports' },
  admin: {
    useAsTitle: 'filename',
    defaultColumns: ['filename', 'kind', 'mode', 'status', 'percent', 'createdAt'],
    group: 'Data',
    components: { edit: documentActionsComponent(slugs.importJobs) },
  },
  ...accessFromMatrix('imports'),
  upload: { staticDir: csvSettings().importsDir, filesRequiredOnCreate: false, hideRemoveFile: true, displayPreview: false },
  hooks: { beforeOperation: [acceptUpload], beforeChange: [stampCreatedBy, prepareImportJob], afterChange: [enqueueImportRun] },
  endpoints: importJobEndpoints,
  fields: [
    { name: 'kind', type: 'select', required: true, options: IMPORT_KINDS.map((kind) => ({ label: kind.label, value: kind.kind })), access: { update: () => false } },
    {
      name: 'mode',
      type: 'select',
      required: true,
      defaultValue: 'dry-run',
      options: [
        { label: 'Dry run (validate, then Commit)', value: 'dry-run' },
        { label: 'Commit (apply when no row has errors)', value: 'commit' },
      ],
      access: { update: () => false },
    },
    {
      name: 'existing',
      label: 'Existing records',
      type: 'select',
      required: true,
      defaultValue: 'update',
      options: [
        { label: 'Update existing', value: 'update' },
        { label: 'Create only (skip existing)', value: 'create-only' },
      ],
      access: { update: () => false },
    },
    {
      name: 'mapping',
      type: 'json',
      admin: { description: 'Column → field, matched from the headers; change it with the Remap action.' },
      access: { update: () => false },
    },
    serverOnly({
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'queued',
      index: true,
      options: ['queued', 'validating', 'ready', 'committing', 'done', 'failed', 'cancelled'].map((value) => ({ label: value, value })),
      admin: sidebar,
    }),
    serverOnly({ name: 'percent', type: 'number', admin: sidebar }),
    serverOnly({ name: 'rowsTotal', type: 'number', admin: sidebar }),
    serverOnly({ name: 'rowsProcessed', type: 'number', admin: sidebar }),
    serverOnly({ name: 'committedChunks', type: 'number', admin: { ...sidebar, description: 'Chunks of 1,000 rows applied; a restart resumes after them.' } }),
    serverOnly({ name: 'headers', type: 'json', admin: { readOnly: true } }),
    serverOnly({ name: 'planned', type: 'json', admin: { readOnly: true, description: 'Dry run: rows to create, update, leave unchanged, skip; errors; net stock change.' } }),
    serverOnly({ name: 'applied', type: 'json', admin: { readOnly: true, description: 'Commit: what was applied.' } }),
    serverOnly({ name: 'preview', type: 'json', admin: { readOnly: true, description: 'The first changes, row by row (field: [before, after]).' } }),
    serverOnly({ name: 'documents', type: 'json', admin: { readOnly: true, description: 'Documents the commit created (e.g. adjustments).' } }),
    serverOnly({ name: 'errorCode', type: 'text', admin: sidebar }),
    serverOnly({ name: 'errorMessage', type: 'textarea', admin: sidebar }),
    serverOnly({ name: 'startedAt', type: 'date', admin: sidebar }),
    serverOnly({ name: 'finishedAt', type: 'date', admin: sidebar }),
    createdByField,
    { name: 'importPanel', type: 'ui', admin: { components: { Field: '/components/CsvJobs/ImportPanel#ImportPanel' } } },
  ],
}
