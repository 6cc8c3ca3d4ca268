import { createLocalReq, type ServerProps } from 'payload'

import { canInTenant } from '../../access/canInTenant'
import type { TenantAwareUser } from '../../access/tenantMembership'
import { slugs } from '../../collections/slugs'
import { traceLots, type TraceMovement, type TracePosition } from '../../domain/lots/trace'
import { tenantIdOf } from '../../hooks/tenantIdOf'

const cell: React.CSSProperties = { padding: '6px 10px', borderBottom: '1px solid var(--theme-elevation-100)', textAlign: 'left' }
const head: React.CSSProperties = { ...cell, fontWeight: 600, color: 'var(--theme-elevation-600)' }

function Table({ columns, rows, testId }: { columns: string[]; rows: React.ReactNode[][]; testId: string }) {
  if (rows.length === 0) return <p>None.</p>
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%' }} data-testid={testId}>
      <thead>
        <tr>{columns.map((column) => <th key={column} style={head}>{column}</th>)}</tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index}>{row.map((value, column) => <td key={column} style={cell}>{value ?? '—'}</td>)}</tr>
        ))}
      </tbody>
    </table>
  )
}

const movementRow = (movement: TraceMovement) => [
  new Date(movement.occurredAt).toLocaleString(),
  movement.lotNumber,
  `${movement.movementType}${movement.reasonCode ? ` (${movement.reasonCode})` : ''}`,
  movement.quantity,
  movement.from.path,
  movement.to.path,
  movement.order?.externalOrderId ?? movement.reference ?? movement.receipt?.purchaseOrder ?? null,
]
const positionRow = (row: TracePosition) => [row.warehouse, row.locationPath, row.lotNumber, row.quantity]

/** Backward and forward trace of lots, current positions and a CSV link, read with the viewer's access. */
async function TraceOf({ payload, user, collection, id }: { payload: ServerProps['payload']; user: ServerProps['user']; collection: typeof slugs.lots | typeof slugs.recalls; id: string | number }) {
  const doc = (await payload.findByID({ collection, id, depth: 0, overrideAccess: false, user }).catch(() => null)) as Record<string, any> | null
  if (!doc) return null
  const tenantId = tenantIdOf(doc)
  if (!canInTenant({ user: user as unknown as TenantAwareUser, tenantId, area: 'stock', action: 'read' })) return null
  const lotIds = collection === slugs.lots ? [Number(id)] : ((doc.lots ?? []) as unknown[]).map((lot) => Number(typeof lot === 'object' && lot ? (lot as { id: unknown }).id : lot))
  const report = await traceLots({ req: await createLocalReq({ user: user as any }, payload), tenantId, lotIds })
  const movementColumns = ['When', 'Lot', 'Movement', 'Quantity', 'From', 'To', 'Order / reference']
  return (
    <div style={{ marginBottom: '2rem' }} data-testid="trace-panel">
      <h3>Traceability</h3>
      <p>
        Received {report.totals.received} · sold {report.totals.sold} · consumed {report.totals.consumed} · scrapped {report.totals.scrapped} · returned{' '}
        {report.totals.returned} · on hand {report.totals.onHand} · in transit {report.totals.inTransit} —{' '}
        <a href={`${payload.config.routes.api}/${collection}/${id}/trace?format=csv`}>download CSV</a>
      </p>
      <h4>Where it came from</h4>
      <Table columns={movementColumns} rows={report.backward.map(movementRow)} testId="trace-backward" />
      <h4 style={{ marginTop: '1rem' }}>Where it went</h4>
      <Table columns={movementColumns} rows={report.forward.map(movementRow)} testId="trace-forward" />
      <h4 style={{ marginTop: '1rem' }}>On hand now</h4>
      <Table columns={['Warehouse', 'Location', 'Lot', 'Quantity']} rows={report.onHand.map(positionRow)} testId="trace-on-hand" />
      <h4 style={{ marginTop: '1rem' }}>In transit</h4>
      <Table columns={['Warehouse', 'Location', 'Lot', 'Quantity']} rows={report.inTransit.map(positionRow)} testId="trace-in-transit" />
    </div>
  )
}

export async function LotTracePanel({ id, payload, user }: ServerProps) {
  if (!id || !user) return null
  return <TraceOf payload={payload} user={user} collection={slugs.lots} id={id} />
}

export async function RecallTracePanel({ id, payload, user }: ServerProps) {
  if (!id || !user) return null
  return <TraceOf payload={payload} user={user} collection={slugs.recalls} id={id} />
}
