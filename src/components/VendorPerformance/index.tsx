'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

type Performance = {
  receipts: number
  onTimeRatePercent: number | null
  fillRatePercent: number | null
  averageLeadTimeDays: number | null
  priceVariancePercent: number | null
}

const day = (date: Date) => date.toISOString().slice(0, 10)
const show = (value: number | null, suffix: string) => (value === null ? '—' : `${value}${suffix}`)

/** The supplier's on-time rate, fill rate, lead time and price variance for a chosen period (GET …/performance). */
export function VendorPerformance() {
  const { id } = useDocumentInfo()
  const [from, setFrom] = useState(() => day(new Date(Date.now() - 90 * 86_400_000)))
  const [to, setTo] = useState(() => day(new Date()))
  const [data, setData] = useState<Performance | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (!id) return
    const query = new URLSearchParams({ from: `${from}T00:00:00.000Z`, to: `${to}T23:59:59.999Z` })
    fetch(`/api/suppliers/${id}/performance?${query}`, { credentials: 'include' })
      .then(async (response) => {
        const body = await response.json()
        if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? `HTTP ${response.status}`)
        setData(body)
        setError(null)
      })
      .catch((reason: Error) => setError(reason.message))
  }, [id, from, to])

  if (!id) return null
  const figures: [string, string][] = data
    ? [
        ['On time', show(data.onTimeRatePercent, ' %')],
        ['Fill rate', show(data.fillRatePercent, ' %')],
        ['Average lead time', show(data.averageLeadTimeDays, ' days')],
        ['Price variance', show(data.priceVariancePercent, ' %')],
        ['Receipts', String(data.receipts)],
      ]
    : []
  return (
    <div style={{ margin: '2rem 0' }} data-testid="vendor-performance">
      <h3>Vendor performance</h3>
      <div style={{ display: 'flex', gap: '1rem', marginBottom: '0.75rem' }}>
        <label>From <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} /></label>
        <label>To <input type="date" value={to} onChange={(event) => setTo(event.target.value)} /></label>
      </div>
      {error ? <p>{error}</p> : null}
      <div style={{ display: 'flex', gap: '2rem' }}>
        {figures.map(([label, value]) => (
          <div key={label}>
            <div style={{ fontSize: 12, color: 'var(--theme-elevation-600)' }}>{label}</div>
            <div style={{ fontSize: 20, fontWeight: 600 }}>{value}</div>
          </div>
        ))}
      </div>
    </div>
  )
}
