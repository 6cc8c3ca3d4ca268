'use client'
import { useEffect, useState } from 'react'

type ReportInfo = { name: string; title: string; path: string }
type ReportAnswer = { report: string; parameters: Record<string, unknown>; columns: string[]; rows: Record<string, unknown>[]; totals?: Record<string, unknown> }

/**
 * The console's reports page (/admin/reports): pick a report, give its parameters as a query string (e.g.
 * `asOf=2026-10-31&groupBy=warehouse`, `from=2026-10-01&to=2026-10-31`), see the table, download the CSV.
 */
export function ReportsView() {
  const [reports, setReports] = useState<ReportInfo[]>([])
  const [name, setName] = useState('stock-status')
  const [parameters, setParameters] = useState('')
  const [answer, setAnswer] = useState<ReportAnswer | null>(null)
  const [error, setError] = useState<string | null>(null)
  const url = (format?: 'csv') => `/api/reports/${name}?${[parameters.replace(/^\?/, ''), format ? `format=${format}` : ''].filter(Boolean).join('&')}`

  useEffect(() => {
    fetch('/api/reports', { credentials: 'include' })
      .then(async (response) => setReports((await response.json()).reports ?? []))
      .catch((reason: Error) => setError(reason.message))
  }, [])

  const run = async () => {
    setError(null)
    setAnswer(null)
    const response = await fetch(url(), { credentials: 'include' })
    const body = await response.json()
    if (!response.ok) return setError(body.errors?.[0]?.message ?? response.statusText)
    setAnswer(body)
  }

  return (
    <div className="qm-reports" style={{ padding: 'var(--base)' }} data-testid="reports-view">
      <h1>Reports</h1>
      <p>
        <select value={name} onChange={(event) => setName(event.target.value)} aria-label="Report">
          {reports.map((report) => (
            <option key={report.name} value={report.name}>
              {report.title}
            </option>
          ))}
        </select>{' '}
        <input value={parameters} onChange={(event) => setParameters(event.target.value)} placeholder="asOf=2026-10-31&warehouse=WH-A" aria-label="Parameters" size={50} />{' '}
        <button type="button" onClick={run}>
          Show
        </button>{' '}
        <a href={url('csv')}>Download CSV</a>
      </p>
      {error && <p className="qm-reports__error">{error}</p>}
      {answer && (
        <table>
          <thead>
            <tr>
              {answer.columns.map((column) => (
                <th key={column}>{column}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {answer.rows.map((row, index) => (
              <tr key={index}>
                {answer.columns.map((column) => (
                  <td key={column}>{row[column] === null || row[column] === undefined ? '' : String(row[column])}</td>
                ))}
              </tr>
            ))}
            {answer.totals && (
              <tr>
                {answer.columns.map((column, index) => (
                  <td key={column}>
                    <strong>{index === 0 ? 'Total' : answer.totals?.[column] === undefined ? '' : String(answer.totals[column])}</strong>
                  </td>
                ))}
              </tr>
            )}
          </tbody>
        </table>
      )}
    </div>
  )
}
