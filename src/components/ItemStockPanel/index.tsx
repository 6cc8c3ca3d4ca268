import type { ServerProps } from 'payload'

import { slugs } from '../../collections/slugs'
import { normalizeDecimal } from '../../domain/stock/quantity'

const cell: React.CSSProperties = { padding: '6px 10px', borderBottom: '1px solid var(--theme-elevation-100)', textAlign: 'right' }
const head: React.CSSProperties = { ...cell, fontWeight: 600, color: 'var(--theme-elevation-600)' }
const show = (value: unknown) => (value === null || value === undefined ? '—' : normalizeDecimal(String(value)))

/** The item's stock per warehouse and its latest ledger entries, read with the viewer's own access. */
export async function ItemStockPanel({ id, payload, user }: ServerProps) {
  if (!id || !user) return <p>Stock appears here once the item is saved.</p>
  const levels = await payload.find({ collection: slugs.stockLevels, where: { item: { equals: id } }, depth: 1, limit: 100, overrideAccess: false, user })
  const entries = await payload.find({ collection: slugs.ledgerEntries, where: { item: { equals: id } }, depth: 1, limit: 10, sort: '-id', overrideAccess: false, user })
  return (
    <div style={{ marginBottom: '2rem' }}>
      <h3>Stock by warehouse</h3>
      {levels.docs.length === 0 ? (
        <p>No stock has moved for this item yet.</p>
      ) : (
        <table style={{ borderCollapse: 'collapse', width: '100%' }} data-testid="item-stock-levels">
          <thead>
            <tr>
              <th style={{ ...head, textAlign: 'left' }}>Warehouse</th>
              {['On hand', 'Available', 'Reserved', 'Quarantined', 'In transit', 'On order'].map((label) => (
                <th key={label} style={head}>{label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {levels.docs.map((level: any) => (
              <tr key={level.id}>
                <td style={{ ...cell, textAlign: 'left' }}>{level.warehouse?.code ?? level.warehouse}</td>
                {[level.onHand, level.available, level.reserved, level.quarantined, level.inTransit, level.onOrder].map((value, index) => (
                  <td key={index} style={cell}>{show(value)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 style={{ marginTop: '1.5rem' }}>Latest movements</h3>
      {entries.docs.length === 0 ? (
        <p>No ledger entries yet.</p>
      ) : (
        <table style={{ borderCollapse: 'collapse', width: '100%' }}>
          <thead>
            <tr>
              {['When', 'Type', 'Quantity', 'From', 'To', 'Reference'].map((label) => (
                <th key={label} style={{ ...head, textAlign: 'left' }}>{label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {entries.docs.map((entry: any) => (
              <tr key={entry.id}>
                <td style={{ ...cell, textAlign: 'left' }}>{new Date(entry.occurredAt).toLocaleString()}</td>
                <td style={{ ...cell, textAlign: 'left' }}>{entry.movementType}{entry.reasonCode ? ` (${entry.reasonCode})` : ''}</td>
                <td style={{ ...cell, textAlign: 'left' }}>{show(entry.quantity)}</td>
                <td style={{ ...cell, textAlign: 'left' }}>{entry.fromLocation?.path ?? entry.fromLocation}</td>
                <td style={{ ...cell, textAlign: 'left' }}>{entry.toLocation?.path ?? entry.toLocation}</td>
                <td style={{ ...cell, textAlign: 'left' }}>{entry.reference ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p style={{ marginTop: '0.5rem' }}>
        <a href={`/admin/collections/${slugs.ledgerEntries}?where[item][equals]=${id}`}>Full ledger for this item →</a>
      </p>
    </div>
  )
}
