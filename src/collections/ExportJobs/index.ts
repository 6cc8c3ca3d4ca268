import fs from 'node:fs'
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { accessFromMatrix } from '../../access/accessFor'
import { jsonEndpoint } from '../../api/endpoint'
import { csvDownload } from '../../domain/csv/cursor'
import { ConflictError, NotFoundError } from '../../domain/errors'
import { cancelExport, findOwnExport, prepareNewExport } from '../../domain/exports/actions'
import { EXPORT_KINDS } from '../../domain/exports/kinds'
import { EXPORTS_QUEUE, exportFilePath } from '../../domain/exports/runExportJob'
import { createdByField } from '../../fields/createdBy'
import { serverOnly } from '../../fields/serverOnly'
import { stampCreatedBy } from '../../hooks/stampCreatedBy'
import { tenantIdOf } from '../../hooks/tenantIdOf'
import { enqueueInTransaction } from '../../jobs/enqueueInTransaction'
import { slugs } from '../slugs'

const sidebar = { readOnly: true, position: 'sidebar' as const }

const prepareExportJob: CollectionBeforeChangeHook = ({ data, operation, req }) => (operation === 'create' ? prepareNewExport(req, data) : data)

const enqueueExportRun: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation === 'create') await enqueueInTransaction({ req, queue: EXPORTS_QUEUE, data: { exportJobId: Number(doc.id) } })
  return doc
}

/**
 * A CSV export: kind, filters, and the state of the `exports.run` job that streams it to a file. The file is
 * downloaded through /api/export-jobs/:id/download (same tenant access as the job) until it expires.
 */
export const ExportJobs: CollectionConfig = {
  slug: slugs.exportJobs,
  labels: { singular: 'Export', plural: 'Exports' },
  admin: { useAsTitle: 'kind', defaultColumns: ['kind', 'status', 'percent', 'rowsWritten', 'createdAt', 'expiresAt'], group: 'Data' },
  ...accessFromMatrix('exports'),
  hooks: { beforeChange: [stampCreatedBy, prepareExportJob], afterChange: [enqueueExportRun] },
  endpoints: [
    jsonEndpoint({ method: 'get', path: '/kinds', openapi: { summary: 'List the export kinds with their filters and columns' }, handler: async () => ({ kinds: EXPORT_KINDS.map(({ kind, label, description, filters, columns }) => ({ kind, label, description, filters, columns: columns.map((column) => column.header) })) }) }),
    jsonEndpoint({
      method: 'get',
      path: '/:id/download',
      openapi: { summary: 'Download a finished export’s CSV' },
      handler: async ({ req, params }) => {
        const job = await findOwnExport(req, params.id)
        if (job.status !== 'done' || !job.fileName) throw new ConflictError('EXPORT.NOT_READY', `Export #${job.id} is ${job.status}; there is no file to download.`)
        const filePath = exportFilePath(tenantIdOf(job as any), job.fileName)
        if (!fs.existsSync(filePath)) throw new NotFoundError(`The file of export #${job.id} is gone (expired or deleted).`)
        return csvDownload({ filename: `${job.kind}-${job.id}.csv`, chunks: fs.createReadStream(filePath, { encoding: 'utf8' }) })
      },
    }),
    jsonEndpoint({
      method: 'post',
      path: '/:id/cancel',
      openapi: { summary: 'Cancel an export' },
      handler: ({ req, params }) => cancelExport(req, params.id),
    }),
  ],
  fields: [
    { name: 'kind', type: 'select', required: true, options: EXPORT_KINDS.map((kind) => ({ label: kind.label, value: kind.kind })), access: { update: () => false } },
    {
      name: 'filters',
      type: 'group',
      fields: [
        { name: 'warehouse', type: 'relationship', relationTo: slugs.warehouses },
        { name: 'category', type: 'text' },
        { name: 'from', type: 'date', admin: { description: 'Ledger, movements, purchase orders and alerts: from (inclusive).' } },
        { name: 'to', type: 'date', admin: { description: 'Ledger, movements, purchase orders and alerts: to (exclusive). Valuation: as of this instant (now when empty).' } },
      ],
    },
    { name: 'notifyRequester', type: 'checkbox', defaultValue: true, admin: { description: 'E-mail me the download link when it is ready.' } },
    serverOnly({
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'queued',
      index: true,
      options: ['queued', 'running', 'done', 'failed', 'cancelled', 'expired'].map((value) => ({ label: value, value })),
      admin: sidebar,
    }),
    serverOnly({ name: 'percent', type: 'number', admin: sidebar }),
    serverOnly({ name: 'rowsTotal', type: 'number', admin: sidebar }),
    serverOnly({ name: 'rowsWritten', type: 'number', admin: sidebar }),
    serverOnly({ name: 'fileName', type: 'text', admin: { hidden: true } }),
    serverOnly({ name: 'fileSize', type: 'number', admin: sidebar }),
    serverOnly({ name: 'expiresAt', type: 'date', index: true, admin: sidebar }),
    serverOnly({ name: 'scheduleId', type: 'number', index: true, admin: { ...sidebar, description: 'The scheduled export that started it.' } }),
    serverOnly({ name: 'errorCode', type: 'text', admin: sidebar }),
    serverOnly({ name: 'errorMessage', type: 'textarea', admin: sidebar }),
    serverOnly({ name: 'startedAt', type: 'date', admin: sidebar }),
    serverOnly({ name: 'finishedAt', type: 'date', admin: sidebar }),
    createdByField,
    { name: 'exportPanel', type: 'ui', admin: { components: { Field: '/components/CsvJobs/ExportPanel#ExportPanel' } } },
  ],
}
