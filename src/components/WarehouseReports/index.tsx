import type { AdminViewServerProps } from 'payload'
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import Link from 'next/link'
import React from 'react'

import { ROLES } from '../../access/roles'
import { hasRoleInTenant, tenantIdsWithRole, type TenantAwareUser } from '../../access/tenantMembership'
import { slugs } from '../../collections/slugs'
import { VARIANCE_REPORT_COLUMNS, varianceReport } from '../../domain/cycleCounts/varianceReport'
import { dayParam, daysAgoUtc, todayUtc } from '../../domain/warehouseOps/reportPeriod'
import { WASTE_REPORT_COLUMNS, wasteReport } from '../../domain/waste/wasteReport'

const cell: React.CSSProperties = { padding: '6px 10px', borderBottom: '1px solid var(--theme-elevation-100)', textAlign: 'left' }
const input: React.CSSProperties = { padding: '6px 8px', fontSize: '1rem', marginRight: '0.75rem' }

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null

function Table({ columns, rows, testId }: { columns: { key: string; label: string }[]; rows: Record<string, unknown>[]; testId: string }) {
  if (rows.length === 0) return <p>Nothing in this period.</p>
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%' }} data-testid={testId}>
      <thead>
        <tr>{columns.map((column) => <th key={column.key} style={{ ...cell, fontWeight: 600 }}>{column.label}</th>)}</tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index}>{columns.map((column) => <td key={column.key} style={cell}>{String(row[column.key] ?? '—')}</td>)}</tr>
        ))}
      </tbody>
    </table>
  )
}

/**
 * /admin/warehouse-reports: posted count variances for a period or one count, and the week's waste by item and
 * reason, with CSV downloads of the same API endpoints. Read for the tenant selected in the console.
 */
export async function WarehouseReportsView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const user = req.user as unknown as TenantAwareUser | null
  const selected = initPageResult.cookies.get('payload-tenant') ?? one(searchParams?.tenant)
  const memberOf = tenantIdsWithRole(user, ROLES).map(Number)
  const tenantId = selected && hasRoleInTenant(user, selected, ROLES) ? Number(selected) : memberOf.length === 1 ? memberOf[0] : null
  const template = (children: React.ReactNode) => (
    <DefaultTemplate i18n={req.i18n} locale={locale} params={params} payload={req.payload} permissions={permissions} searchParams={searchParams} user={req.user ?? undefined} visibleEntities={visibleEntities}>
      <Gutter>
        <h1 style={{ margin: '1.5rem 0' }}>Warehouse reports</h1>
        {children}
      </Gutter>
    </DefaultTemplate>
  )
  if (!user || tenantId === null) return template(<p>Choose a tenant in the tenant selector first.</p>)
  try {
    return template(await reports({ req, tenantId, searchParams }))
  } catch (error) {
    return template(<p role="alert">{error instanceof Error ? error.message : String(error)}</p>)
  }
}

async function reports({ req, tenantId, searchParams }: { req: AdminViewServerProps['initPageResult']['req']; tenantId: number; searchParams: AdminViewServerProps['searchParams'] }) {
  const tenant = await req.payload.findByID({ collection: slugs.tenants, id: tenantId, depth: 0, overrideAccess: true })
  const countParam = one(searchParams?.count)
  const countId = countParam && Number.isInteger(Number(countParam)) ? Number(countParam) : null
  const from = dayParam(one(searchParams?.from), countId === null ? daysAgoUtc(30) : '2000-01-01', 'from')
  const to = dayParam(one(searchParams?.to), todayUtc(), 'to')
  const warehouse = one(searchParams?.warehouse) || null
  const week = dayParam(one(searchParams?.week), todayUtc(), 'week')
  const variances = await varianceReport({ req, tenantId, from, to, countId, warehouseCode: warehouse })
  const waste = await wasteReport({ req, tenantId, day: week, warehouseCode: warehouse })
  const query = (extra: Record<string, string | null>) =>
    new URLSearchParams(Object.entries({ tenant: tenant.slug, warehouse, ...extra }).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString()
  const api = req.payload.config.routes.api
  return (
    <>
      <form method="get" style={{ marginBottom: '1.5rem' }}>
        <label>From <input style={input} type="date" name="from" defaultValue={countId === null ? from : ''} /></label>
        <label>To <input style={input} type="date" name="to" defaultValue={to} /></label>
        <label>Warehouse code <input style={input} name="warehouse" defaultValue={warehouse ?? ''} size={8} /></label>
        <label>Count id <input style={input} name="count" defaultValue={countParam ?? ''} size={6} /></label>
        <label>Waste week of <input style={input} type="date" name="week" defaultValue={week} /></label>
        <button type="submit" className="btn btn--style-primary btn--size-small">Show</button>
      </form>
      <h2>Count variances {countId === null ? `${variances.from} – ${variances.to}` : `of count ${countId}`}</h2>
      <p>
        Net value {variances.netValue} {variances.currency}, absolute {variances.absoluteValue} {variances.currency}.{' '}
        <Link href={`${api}/cycle-counts/variance-report?${query({ from: countId === null ? from : null, to, count: countParam, format: 'csv' })}`}>Download CSV</Link>
      </p>
      <Table columns={VARIANCE_REPORT_COLUMNS} rows={variances.rows} testId="variance-report" />
      <h2 style={{ marginTop: '2rem' }}>Waste, week {waste.weekStart} – {waste.weekEnd}</h2>
      <p>
        Total {waste.totalValue} {waste.currency}. <Link href={`${api}/waste-entries/report?${query({ week, format: 'csv' })}`}>Download CSV</Link>
      </p>
      <Table columns={WASTE_REPORT_COLUMNS} rows={waste.rows} testId="waste-report" />
    </>
  )
}

/** The console's navigation link to the reports page. */
export function WarehouseReportsNavLink() {
  return (
    <Link href="/admin/warehouse-reports" style={{ display: 'block', padding: '0.25rem 0' }}>
      Warehouse reports
    </Link>
  )
}
