import type { Endpoint } from 'payload'

import { jsonEndpoint } from '../../../api/endpoint'
import { csvLine } from '../../../domain/csv/cells'
import { csvDownload, queryBatches } from '../../../domain/csv/cursor'
import { NotFoundError } from '../../../domain/errors'
import { cancelImport, commitImport, remapImport } from '../../../domain/imports/actions'
import { IMPORT_KINDS, importKindOf } from '../../../domain/imports/kinds'
import { FAILED_ROWS_SQL } from '../../../domain/imports/rowErrors'
import { describeKind, templateCsv } from '../../../domain/imports/templates'
import { tenantIdOf } from '../../../hooks/tenantIdOf'
import { slugs } from '../../slugs'

export const importJobEndpoints: Endpoint[] = [
  jsonEndpoint({ method: 'get', path: '/kinds', openapi: { summary: 'List the import kinds with their columns' }, handler: async () => ({ kinds: IMPORT_KINDS.map(describeKind) }) }),
  jsonEndpoint({
    method: 'get',
    path: '/templates/:kind',
    openapi: { summary: 'Download the CSV template of an import kind' },
    handler: async ({ params }) => {
      const kind = importKindOf(params.kind ?? '')
      if (!kind) throw new NotFoundError(`No import kind "${params.kind}"; kinds: ${IMPORT_KINDS.map((each) => each.kind).join(', ')}`)
      return new Response(templateCsv(kind), { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${kind.kind}-template.csv"` } })
    },
  }),
  jsonEndpoint({ method: 'post', path: '/:id/commit', openapi: { summary: 'Commit a validated import (valid rows only)' }, handler: ({ req, params }) => commitImport({ req, id: Number(params.id) }) }),
  jsonEndpoint({ method: 'post', path: '/:id/cancel', openapi: { summary: 'Cancel an import' }, handler: ({ req, params }) => cancelImport({ req, id: Number(params.id) }) }),
  jsonEndpoint({ method: 'post', path: '/:id/remap', openapi: { summary: 'Change an import’s column mapping and validate again' }, handler: ({ req, params, body }) => remapImport({ req, id: Number(params.id), mapping: (body as { mapping?: unknown })?.mapping }) }),
  jsonEndpoint({
    method: 'get',
    path: '/:id/errors',
    openapi: { summary: 'Download an import’s failed rows with an error column' },
    handler: async ({ req, params }) => {
      const id = Number(params.id)
      const job = Number.isInteger(id)
        ? await req.payload.findByID({ collection: slugs.importJobs, id, depth: 0, req, overrideAccess: false, user: req.user, disableErrors: true })
        : null
      if (!job) throw new NotFoundError(`Import ${params.id} not found`)
      const headers = ((job as { headers?: string[] }).headers ?? []) as string[]
      async function* chunks() {
        yield csvLine([...headers, 'error'])
        for await (const rows of queryBatches<{ cells: string[]; error: string }>(req.payload, { text: FAILED_ROWS_SQL, values: [tenantIdOf(job as any), id] })) {
          yield rows.map((row) => csvLine([...headers.map((_header, index) => row.cells[index] ?? ''), row.error])).join('')
        }
      }
      return csvDownload({ filename: `import-${id}-errors.csv`, chunks: chunks() })
    },
  }),
]
