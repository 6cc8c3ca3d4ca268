'use client'

import { Button, toast, useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { ProgressBar, usePolledDoc } from './usePolledDoc'

type Counts = { create: number; update: number; unchanged: number; skip: number; errors: number; stockDelta: string }
type Mapping = { header: string; field: string | null }[]
type ImportJob = {
  id: number
  kind: string
  status: string
  percent?: number
  rowsTotal?: number
  rowsProcessed?: number
  mapping?: Mapping
  planned?: Counts
  applied?: Counts
  preview?: { row: number; key: string; action: string; changes?: Record<string, [string | null, string | null]> }[]
  documents?: string[]
  errorCode?: string
  errorMessage?: string
}
type RowError = { id: number; rowNumber: number; columnName?: string; value?: string; message: string }
type KindInfo = { kind: string; label: string; columns: { field: string; header: string; isRequired: boolean }[] }

const ACTIVE = ['queued', 'validating', 'committing']
// Ready is polled too: Commit and Cancel are the document's action buttons (DocumentActions registry).
const FINAL = ['done', 'failed', 'cancelled']
const cell = { padding: '4px 8px', borderBottom: '1px solid var(--theme-elevation-150)', textAlign: 'left' as const, fontSize: 13 }

function CountsTable({ title, counts }: { title: string; counts?: Counts }) {
  if (!counts) return null
  return (
    <table style={{ borderCollapse: 'collapse', margin: '0.5rem 0' }}>
      <caption style={{ textAlign: 'left', fontWeight: 600 }}>{title}</caption>
      <thead>
        <tr>{['create', 'update', 'unchanged', 'skip', 'errors', 'stock change'].map((name) => <th key={name} style={cell}>{name}</th>)}</tr>
      </thead>
      <tbody>
        <tr>{[counts.create, counts.update, counts.unchanged, counts.skip, counts.errors, counts.stockDelta].map((value, index) => <td key={index} style={cell}>{value}</td>)}</tr>
      </tbody>
    </table>
  )
}

/** The import screen: progress, the editable column mapping, the dry-run diff and the error rows. */
export function ImportPanel() {
  const { id, collectionSlug } = useDocumentInfo()
  const base = id ? `/api/${collectionSlug}/${id}` : null
  const [job, reload] = usePolledDoc<ImportJob>(base ? `${base}?depth=0` : null, (doc) => !FINAL.includes(doc.status))
  const [kinds, setKinds] = useState<KindInfo[]>([])
  const [mapping, setMapping] = useState<Mapping>([])
  const [errors, setErrors] = useState<RowError[]>([])

  useEffect(() => {
    void fetch(`/api/${collectionSlug}/kinds`, { credentials: 'include' }).then(async (response) => response.ok && setKinds((await response.json()).kinds))
  }, [collectionSlug])
  useEffect(() => setMapping(job?.mapping ?? []), [job?.mapping])
  useEffect(() => {
    if (!id || !job || ACTIVE.includes(job.status)) return
    void fetch(`/api/import-row-errors?where[importJob][equals]=${id}&sort=rowNumber&limit=50&depth=0`, { credentials: 'include' }).then(
      async (response) => response.ok && setErrors((await response.json()).docs),
    )
  }, [id, job?.status, job])

  if (!id) {
    return (
      <p style={{ fontSize: 13 }}>
        Choose the kind and upload a CSV (UTF-8; comma, semicolon or tab). Templates:{' '}
        {kinds.map((kind) => (
          <a key={kind.kind} href={`/api/${collectionSlug}/templates/${kind.kind}`} style={{ marginRight: 8 }}>
            {kind.label}
          </a>
        ))}
      </p>
    )
  }
  if (!job) return null
  const kind = kinds.find((each) => each.kind === job.kind)
  const act = async (action: string, body: object = {}) => {
    const response = await fetch(`${base}/${action}`, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    const result = await response.json().catch(() => ({}))
    if (!response.ok) toast.error(result?.errors?.[0]?.message ?? `${action} refused (${response.status})`)
    else toast.success(`Done: ${action}`)
    reload()
  }

  return (
    <div style={{ margin: '1rem 0' }}>
      <ProgressBar percent={job.percent ?? 0} label={`${job.status} — ${job.rowsProcessed ?? 0}${job.rowsTotal ? ` of ${job.rowsTotal}` : ''} rows`} />
      {job.errorMessage && <p style={{ color: 'var(--theme-error-500)' }}>{job.errorCode}: {job.errorMessage}</p>}
      <CountsTable title="Dry run: what commit applies" counts={job.planned} />
      <CountsTable title="Applied" counts={job.applied} />
      {job.documents && job.documents.length > 0 && <p style={{ fontSize: 13 }}>Documents: {job.documents.join(', ')}</p>}
      <h4>Column mapping</h4>
      <table style={{ borderCollapse: 'collapse' }}>
        <thead><tr><th style={cell}>CSV column</th><th style={cell}>Field</th></tr></thead>
        <tbody>
          {mapping.map((entry, index) => (
            <tr key={`${entry.header}-${index}`}>
              <td style={cell}>{entry.header}</td>
              <td style={cell}>
                <select value={entry.field ?? ''} disabled={!['ready', 'failed'].includes(job.status)} onChange={(event) => setMapping(mapping.map((each, position) => (position === index ? { ...each, field: event.target.value || null } : each)))}>
                  <option value="">(ignore)</option>
                  {kind?.columns.map((column) => <option key={column.field} value={column.field}>{column.header}{column.isRequired ? ' *' : ''}</option>)}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {['ready', 'failed'].includes(job.status) && <Button size="small" buttonStyle="secondary" onClick={() => act('remap', { mapping })}>Validate again with this mapping</Button>}
      {job.preview && job.preview.length > 0 && (
        <>
          <h4>Changes (first {job.preview.length})</h4>
          <table style={{ borderCollapse: 'collapse' }}>
            <thead><tr><th style={cell}>row</th><th style={cell}>key</th><th style={cell}>action</th><th style={cell}>changes</th></tr></thead>
            <tbody>
              {job.preview.map((change) => (
                <tr key={change.row}>
                  <td style={cell}>{change.row}</td><td style={cell}>{change.key}</td><td style={cell}>{change.action}</td>
                  <td style={cell}>{Object.entries(change.changes ?? {}).map(([field, [before, after]]) => `${field}: ${before ?? '∅'} → ${after ?? '∅'}`).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {errors.length > 0 && (
        <>
          <h4>Rows with errors <a href={`${base}/errors`} style={{ fontSize: 13, marginLeft: 8 }}>Download the failed rows (CSV)</a></h4>
          <table style={{ borderCollapse: 'collapse' }}>
            <thead><tr><th style={cell}>row</th><th style={cell}>column</th><th style={cell}>value</th><th style={cell}>message</th></tr></thead>
            <tbody>
              {errors.map((error) => (
                <tr key={error.id}><td style={cell}>{error.rowNumber}</td><td style={cell}>{error.columnName}</td><td style={cell}>{error.value}</td><td style={cell}>{error.message}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  )
}
