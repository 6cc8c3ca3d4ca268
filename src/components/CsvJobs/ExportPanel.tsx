'use client'

import { Button, useDocumentInfo } from '@payloadcms/ui'
import React from 'react'

import { ProgressBar, usePolledDoc } from './usePolledDoc'

type ExportJob = { id: number; status: string; percent?: number; rowsWritten?: number; rowsTotal?: number; expiresAt?: string; errorMessage?: string }

/** The export screen: a progress bar while the file is written, then the download button. */
export function ExportPanel() {
  const { id, collectionSlug } = useDocumentInfo()
  const base = id ? `/api/${collectionSlug}/${id}` : null
  const [job, reload] = usePolledDoc<ExportJob>(base ? `${base}?depth=0` : null, (doc) => ['queued', 'running'].includes(doc.status))
  if (!job) return null
  const cancel = async () => {
    await fetch(`${base}/cancel`, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: '{}' })
    reload()
  }
  return (
    <div style={{ margin: '1rem 0' }}>
      <ProgressBar percent={job.percent ?? 0} label={`${job.status} — ${job.rowsWritten ?? 0}${job.rowsTotal ? ` of ${job.rowsTotal}` : ''} rows`} />
      {job.errorMessage && <p style={{ color: 'var(--theme-error-500)' }}>{job.errorMessage}</p>}
      {job.status === 'done' && (
        <a href={`${base}/download`}>
          <Button size="small" buttonStyle="primary">Download CSV</Button>
        </a>
      )}
      {job.status === 'done' && job.expiresAt && <p style={{ fontSize: 12 }}>Available until {job.expiresAt.slice(0, 10)}.</p>}
      {['queued', 'running'].includes(job.status) && <Button size="small" buttonStyle="secondary" onClick={cancel}>Cancel</Button>}
    </div>
  )
}
