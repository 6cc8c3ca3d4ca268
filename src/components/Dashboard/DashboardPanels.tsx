'use client'

import { Button, toast } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'

import type { Dashboard, DashboardRangeDays } from '../../domain/dashboard/types'

const COLOURS: Record<string, string> = {
  receipt: '#2f9e44',
  issue: '#1c7ed6',
  'transfer-out': '#f08c00',
  'transfer-in': '#fab005',
  adjustment: '#ae3ec9',
  'count-variance': '#7048e8',
  quarantine: '#e8590c',
  release: '#0ca678',
  scrap: '#c92a2a',
  return: '#868e96',
}
const STATUS_COLOUR = '#4c6ef5'

const grid: React.CSSProperties = { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))', gap: '1rem', margin: '1rem 0 2rem' }
const card: React.CSSProperties = { border: '1px solid var(--theme-elevation-150)', borderRadius: 6, padding: '0.75rem 1rem', background: 'var(--theme-elevation-0)', minWidth: 0 }
const cell: React.CSSProperties = { padding: '3px 8px', borderBottom: '1px solid var(--theme-elevation-100)', textAlign: 'left', fontSize: 13 }
const figure: React.CSSProperties = { fontSize: 28, fontWeight: 600, margin: '0.25rem 0' }
const muted: React.CSSProperties = { color: 'var(--theme-elevation-500)', margin: '0.25rem 0' }

type DraftAnswer = { purchaseOrders: { id: number; number: string | null }[]; skipped: { alertId: number; reason: string }[] }

function TableHead({ headings }: { headings: string[] }) {
  return (
    <thead>
      <tr>
        {headings.map((heading) => (
          <th key={heading} style={cell}>
            {heading}
          </th>
        ))}
      </tr>
    </thead>
  )
}

function draftMessage({ purchaseOrders, skipped }: DraftAnswer): string {
  const refs = purchaseOrders.map((order) => order.number ?? `#${order.id}`).join(', ')
  const created = purchaseOrders.length === 0 ? 'No purchase order created' : `Created ${purchaseOrders.length} draft purchase order${purchaseOrders.length === 1 ? '' : 's'} (${refs})`
  const reasons = [...new Set(skipped.map((alert) => alert.reason.replaceAll('_', ' ').toLowerCase()))].join(', ')
  return skipped.length ? `${created}; ${skipped.length} alert${skipped.length === 1 ? '' : 's'} skipped (${reasons}).` : `${created}.`
}

/** The dashboard's panels; `initial` is the server's answer for the last 30 days (null when it could not tell the tenant). */
export function DashboardPanels({ initial, problem }: { initial: Dashboard | null; problem: string | null }) {
  const [data, setData] = useState<Dashboard | null>(initial)
  const [days, setDays] = useState<DashboardRangeDays>(initial?.days ?? 30)
  const [error, setError] = useState<string | null>(initial ? null : problem)
  const [isOrdering, setIsOrdering] = useState(false)
  const [orderMessage, setOrderMessage] = useState<string | null>(null)

  const load = useCallback(async (range: DashboardRangeDays, tenantSlug?: string) => {
    const response = await fetch(`/api/dashboard?days=${range}${tenantSlug ? `&tenant=${encodeURIComponent(tenantSlug)}` : ''}`, { credentials: 'include' })
    const body = await response.json().catch(() => ({}))
    if (!response.ok) return setError(body?.errors?.[0]?.message ?? `The dashboard could not be loaded (${response.status}).`)
    setError(null)
    setData(body)
  }, [])

  // The server could not tell the tenant (none chosen yet): the tenant selector may have chosen one since.
  useEffect(() => {
    if (!initial) void load(30)
  }, [initial, load])

  const switchDays = (range: DashboardRangeDays) => {
    setDays(range)
    void load(range, data?.tenant.slug)
  }

  const createPurchaseOrders = async () => {
    if (!data || !window.confirm('Create draft purchase orders, grouped by preferred supplier, for every open alert not yet ordered?')) return
    setIsOrdering(true)
    try {
      const response = await fetch(`/api/reorder-alerts/draft-purchase-orders?tenant=${encodeURIComponent(data.tenant.slug)}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      })
      const body = await response.json().catch(() => ({}))
      const message = response.ok ? draftMessage(body as DraftAnswer) : (body?.errors?.[0]?.message ?? `Refused (${response.status}).`)
      setOrderMessage(message)
      if (response.ok) toast.success(message)
      else toast.error(message)
      await load(days, data.tenant.slug)
    } finally {
      setIsOrdering(false)
    }
  }

  if (!data) {
    return (
      <section data-testid="dashboard" style={{ margin: '1rem 0' }}>
        <h2>Dashboard</h2>
        <p data-testid="dashboard-problem" style={muted}>
          Choose a tenant in the “Filter by Tenant” selector to see its dashboard{error ? ` (${error})` : ''}.
        </p>
      </section>
    )
  }

  const money = (value: number, currency = data.currency) => new Intl.NumberFormat('en', { style: 'currency', currency, maximumFractionDigits: 0 }).format(value)
  const shortDay = (day: string) => day.slice(5)
  const isNew = data.setup.warehouses === 0 || data.setup.items === 0 || !data.setup.hasMovements
  const movementRows = data.movements.days.map((day) => ({ day: day.day, ...day.entries }))
  const hasMovementsInPeriod = movementRows.some((row) => data.movements.types.some((type) => Number((row as Record<string, unknown>)[type]) > 0))

  return (
    <section data-testid="dashboard" style={{ margin: '1rem 0' }}>
      <div style={{ display: 'flex', alignItems: 'baseline', gap: '1rem', flexWrap: 'wrap' }}>
        <h2 style={{ margin: 0 }}>{data.tenant.name}</h2>
        <span style={muted}>
          {data.period.firstDay} – {data.period.lastDay}
        </span>
        <span role="group" aria-label="Period" style={{ display: 'inline-flex', gap: '0.25rem', marginLeft: 'auto' }}>
          {([30, 90] as const).map((range) => (
            <Button key={range} buttonStyle={days === range ? 'primary' : 'secondary'} size="small" margin={false} onClick={() => switchDays(range)}>
              {range} days
            </Button>
          ))}
        </span>
      </div>
      {error && <p style={{ color: 'var(--theme-error-500)' }}>{error}</p>}

      {isNew && (
        <div data-testid="dashboard-get-started" style={{ ...card, margin: '1rem 0', borderColor: 'var(--theme-success-400)' }}>
          <strong>Get started</strong>
          <ol style={{ margin: '0.5rem 0 0', paddingLeft: '1.25rem' }}>
            <li style={{ textDecoration: data.setup.warehouses > 0 ? 'line-through' : undefined }}>
              <a href="/admin/collections/warehouses/create">Add a warehouse</a> — where stock is kept (a store, a kitchen, a dark store).
            </li>
            <li style={{ textDecoration: data.setup.items > 0 ? 'line-through' : undefined }}>
              <a href="/admin/collections/import-jobs/create">Import items</a> from a CSV file (or <a href="/admin/collections/items/create">add one by hand</a>).
            </li>
            <li style={{ textDecoration: data.setup.hasMovements ? 'line-through' : undefined }}>
              <a href="/admin/collections/import-jobs/create">Import opening stock</a>, or receive a <a href="/admin/collections/purchase-orders/create">purchase order</a>.
            </li>
          </ol>
        </div>
      )}

      <div style={grid}>
        <div style={card} data-testid="dashboard-stock-value">
          <strong>Stock value</strong>
          <p style={figure}>{money(data.stockValue.current)}</p>
          <ResponsiveContainer width="100%" height={200}>
            <LineChart data={data.stockValue.points} margin={{ top: 5, right: 10, bottom: 0, left: 10 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--theme-elevation-100)" />
              <XAxis dataKey="day" tickFormatter={shortDay} fontSize={11} minTickGap={20} />
              <YAxis fontSize={11} tickFormatter={(value: number) => new Intl.NumberFormat('en', { notation: 'compact' }).format(value)} width={50} />
              <Tooltip formatter={(value) => money(Number(value))} />
              <Line type="monotone" dataKey="value" name="Value" stroke="#1c7ed6" strokeWidth={2} dot={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>

        <div style={card} data-testid="dashboard-movements">
          <strong>Movements per day</strong>
          {hasMovementsInPeriod ? (
            <ResponsiveContainer width="100%" height={232}>
              <BarChart data={movementRows} margin={{ top: 5, right: 10, bottom: 0, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="var(--theme-elevation-100)" />
                <XAxis dataKey="day" tickFormatter={shortDay} fontSize={11} minTickGap={20} />
                <YAxis fontSize={11} allowDecimals={false} width={40} />
                <Tooltip />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                {data.movements.types.map((type) => (
                  <Bar key={type} dataKey={type} stackId="movements" fill={COLOURS[type] ?? '#868e96'} isAnimationActive={false} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          ) : (
            <p style={muted}>No stock movements in the last {data.days} days.</p>
          )}
        </div>

        <div style={card} data-testid="dashboard-low-stock">
          <div style={{ display: 'flex', alignItems: 'center', gap: '0.5rem' }}>
            <strong>Low-stock alerts</strong>
            <a href="/admin/collections/reorder-alerts" style={{ marginLeft: 'auto', fontSize: 13 }}>
              All alerts
            </a>
          </div>
          <p style={figure} data-testid="dashboard-low-stock-count">
            {data.lowStock.open}
          </p>
          {data.lowStock.worst.length === 0 ? (
            <p style={muted}>No open alerts. Reorder rules (or the tenant’s low-stock threshold) open one when stock runs low.</p>
          ) : (
            <div style={{ overflowX: 'auto' }}>
            <table style={{ borderCollapse: 'collapse', width: '100%' }}>
              <TableHead headings={['SKU', 'Warehouse', 'Available', 'Reorder point', 'Suggested', 'PO']} />
              <tbody>
                {data.lowStock.worst.map((alert) => (
                  <tr key={alert.alertId}>
                    <td style={cell}>
                      <a href={`/admin/collections/reorder-alerts/${alert.alertId}`} title={alert.name}>
                        {alert.sku}
                      </a>
                    </td>
                    <td style={cell}>{alert.warehouse}</td>
                    <td style={cell}>{alert.available}</td>
                    <td style={cell}>{alert.reorderPoint ?? ''}</td>
                    <td style={cell}>{alert.suggestedQuantity ?? ''}</td>
                    <td style={cell}>{alert.purchaseOrderRef ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          )}
          {data.lowStock.canCreatePurchaseOrders && data.lowStock.notOrdered > 0 && (
            <div style={{ marginTop: '0.5rem' }}>
              <Button buttonStyle="primary" size="small" margin={false} disabled={isOrdering} onClick={createPurchaseOrders}>
                {isOrdering ? '…' : `Create draft POs (${data.lowStock.notOrdered})`}
              </Button>
            </div>
          )}
          {orderMessage && (
            <p data-testid="dashboard-low-stock-message" style={{ margin: '0.5rem 0 0', fontSize: 13 }}>
              {orderMessage}
            </p>
          )}
        </div>

        <div style={card} data-testid="dashboard-expiring-lots">
          <div style={{ display: 'flex', alignItems: 'center' }}>
            <strong>Lots expiring</strong>
            <a href="/admin/collections/lots" style={{ marginLeft: 'auto', fontSize: 13 }}>
              All lots
            </a>
          </div>
          <div style={{ display: 'flex', gap: '2rem' }}>
            <div>
              <p style={figure}>{data.expiringLots.within7Days}</p>
              <p style={muted}>in 7 days</p>
            </div>
            <div>
              <p style={figure}>{data.expiringLots.within30Days}</p>
              <p style={muted}>in 30 days</p>
            </div>
          </div>
          {data.expiringLots.lots.length === 0 ? (
            <p style={muted}>No lot with stock expires in the next 30 days.</p>
          ) : (
            <table style={{ borderCollapse: 'collapse', width: '100%' }}>
              <tbody>
                {data.expiringLots.lots.map((lot) => (
                  <tr key={lot.lotId}>
                    <td style={cell}>
                      <a href={`/admin/collections/lots/${lot.lotId}`}>{lot.lotNumber}</a>
                    </td>
                    <td style={cell}>{lot.sku}</td>
                    <td style={cell}>
                      {lot.expiryDate.slice(0, 10)} ({lot.daysLeft} d)
                    </td>
                    <td style={cell}>
                      {lot.onHand} at {lot.warehouses}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>

        <div style={card} data-testid="dashboard-open-pos">
          <div style={{ display: 'flex', alignItems: 'center' }}>
            <strong>Open purchase orders</strong>
            <a href="/admin/collections/purchase-orders" style={{ marginLeft: 'auto', fontSize: 13 }}>
              All orders
            </a>
          </div>
          <p style={figure}>{data.openPurchaseOrders.count}</p>
          {data.openPurchaseOrders.count === 0 ? (
            <p style={muted}>
              No open orders. <a href="/admin/collections/purchase-orders/create">Raise a purchase order</a> or create drafts from low-stock alerts.
            </p>
          ) : (
            <>
              <ResponsiveContainer width="100%" height={150}>
                <BarChart data={data.openPurchaseOrders.byStatus} margin={{ top: 5, right: 10, bottom: 0, left: 0 }}>
                  <XAxis dataKey="status" fontSize={11} />
                  <YAxis fontSize={11} allowDecimals={false} width={30} />
                  <Tooltip />
                  <Bar dataKey="count" name="Orders" fill={STATUS_COLOUR} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
              <table style={{ borderCollapse: 'collapse', width: '100%' }}>
                <tbody>
                  {data.openPurchaseOrders.byStatus.map((entry) => (
                    <tr key={entry.status}>
                      <td style={cell}>{entry.status}</td>
                      <td style={cell}>{entry.count}</td>
                      <td style={cell}>{entry.values.map((value) => money(value.value, value.currency)).join(' + ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </div>

        <div style={card} data-testid="dashboard-movers">
          <strong>Top movers (cost of goods sold)</strong>
          {data.movers.top.length === 0 ? (
            <p style={muted}>Nothing sold or consumed in the last {data.days} days.</p>
          ) : (
            <ResponsiveContainer width="100%" height={40 + 28 * data.movers.top.length}>
              <BarChart data={data.movers.top} layout="vertical" margin={{ top: 5, right: 20, bottom: 0, left: 10 }}>
                <XAxis type="number" fontSize={11} tickFormatter={(value: number) => new Intl.NumberFormat('en', { notation: 'compact' }).format(value)} />
                <YAxis type="category" dataKey="sku" fontSize={11} width={90} />
                <Tooltip formatter={(value) => money(Number(value))} />
                <Bar dataKey="cogs" name="COGS" fill="#2f9e44" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          )}
          <strong style={{ display: 'block', marginTop: '0.5rem' }}>Slow movers (in stock, least sold)</strong>
          {data.movers.slow.length === 0 ? (
            <p style={muted}>No stock on hand.</p>
          ) : (
            <table style={{ borderCollapse: 'collapse', width: '100%' }}>
              <TableHead headings={['SKU', 'Sold', 'On hand', 'Days of cover']} />
              <tbody>
                {data.movers.slow.map((mover) => (
                  <tr key={mover.sku}>
                    <td style={cell} title={mover.name}>
                      {mover.sku}
                    </td>
                    <td style={cell}>{mover.quantitySold}</td>
                    <td style={cell}>{mover.closingQuantity}</td>
                    <td style={cell}>{mover.daysOfCover ?? '∞'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>

        <div style={card} data-testid="dashboard-fill-rate">
          <strong>Reservation fill rate</strong>
          {data.fillRate.percent === null ? (
            <p style={muted}>No reservations in the last {data.days} days.</p>
          ) : (
            <div style={{ display: 'flex', alignItems: 'center', gap: '1rem' }}>
              <ResponsiveContainer width={160} height={160}>
                <PieChart>
                  <Pie
                    data={[
                      { name: 'Reserved', value: data.fillRate.reserved },
                      { name: 'Short', value: Math.max(data.fillRate.requested - data.fillRate.reserved, 0) },
                    ]}
                    dataKey="value"
                    innerRadius={45}
                    outerRadius={70}
                    isAnimationActive={false}
                  >
                    <Cell fill="#2f9e44" />
                    <Cell fill="#e03131" />
                  </Pie>
                </PieChart>
              </ResponsiveContainer>
              <div>
                <p style={figure}>{data.fillRate.percent} %</p>
                <p style={muted}>
                  {data.fillRate.reserved} of {data.fillRate.requested} requested reserved at once
                </p>
                {data.fillRate.byChannel.map((channel) => (
                  <p key={channel.channel} style={{ ...muted, fontSize: 13 }}>
                    {channel.channel}: {channel.percent ?? '–'} % ({channel.reservations} reservations)
                  </p>
                ))}
              </div>
            </div>
          )}
        </div>
      </div>
    </section>
  )
}
