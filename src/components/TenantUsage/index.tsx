'use client'
import { useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import type { MonthlyUsage } from '../../domain/usage/monthlyUsage'

type Usage = Omit<MonthlyUsage, 'tenant' | 'unflushedApiCalls'>

/** API calls of the tenant this month, by day (from GET /api/tenants/:id/usage). */
export function TenantUsage() {
  const { id } = useDocumentInfo()
  const [usage, setUsage] = useState<Usage | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (!id) return
    fetch(`/api/tenants/${id}/usage`, { credentials: 'include' })
      .then(async (response) => {
        const body = await response.json()
        if (!response.ok) throw new Error(body.errors?.[0]?.message ?? response.statusText)
        setUsage(body)
      })
      .catch((reason: Error) => setError(reason.message))
  }, [id])

  if (error) return <p className="qm-usage__error">Usage unavailable: {error}</p>
  if (!usage) return <p>Loading API usage…</p>
  const peak = Math.max(1, ...usage.days.map((day) => day.apiCalls))
  const limit = usage.includedApiCalls === null ? 'unlimited' : usage.includedApiCalls.toLocaleString()
  return (
    <div className="qm-usage" data-testid="tenant-usage">
      <h3>API usage — {usage.month}</h3>
      <p>
        {usage.apiCalls.toLocaleString()} calls of {limit} included ({usage.plan ?? 'no plan'}; days in {usage.timeZone})
      </p>
      <table>
        <tbody>
          {usage.days.map(({ day, apiCalls }) => (
            <tr key={day}>
              <td>{day.slice(8)}</td>
              <td style={{ width: '100%' }}>
                <div style={{ background: 'var(--theme-success-500)', height: 8, width: `${(apiCalls / peak) * 100}%` }} />
              </td>
              <td style={{ textAlign: 'right' }}>{apiCalls.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
