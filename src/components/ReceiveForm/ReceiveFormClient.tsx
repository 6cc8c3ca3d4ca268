'use client'

import { Button, toast } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useEffect, useRef, useState } from 'react'

/** The form's anchor: the Receive action button links to `#po-receive`. */
export const RECEIVE_ANCHOR = 'po-receive'

export type ReceiveLine = {
  purchaseOrderLine: string
  item: number
  sku: string
  name: string
  ordered: string
  received: string
  outstanding: string
  unit: string
  isLotTracked: boolean
}

type Row = { quantity: string; lotNumber: string; expiryDate: string; location: string }

const cell: React.CSSProperties = { padding: '6px 8px', borderBottom: '1px solid var(--theme-elevation-100)', textAlign: 'left', verticalAlign: 'middle' }
const input: React.CSSProperties = { width: '100%', padding: '4px 6px' }

/** Posts one goods receipt for the rows with a quantity, then reloads the order. */
export function ReceiveFormClient({
  endpoint,
  lines,
  locations,
  onReceived,
}: {
  endpoint: string
  lines: ReceiveLine[]
  locations: { id: number; label: string; isDefault: boolean }[]
  onReceived: () => Promise<void>
}) {
  const router = useRouter()
  const defaultLocation = String(locations.find((location) => location.isDefault)?.id ?? locations[0]?.id ?? '')
  const [rows, setRows] = useState<Row[]>(() => lines.map((line) => ({ quantity: line.outstanding, lotNumber: '', expiryDate: '', location: defaultLocation })))
  const [deliveryNoteNumber, setDeliveryNoteNumber] = useState('')
  const [isPending, setPending] = useState(false)
  const container = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (window.location.hash === `#${RECEIVE_ANCHOR}`) container.current?.scrollIntoView({ behavior: 'smooth' })
  }, [])
  const update = (index: number, patch: Partial<Row>) => setRows((current) => current.map((row, at) => (at === index ? { ...row, ...patch } : row)))

  const submit = async () => {
    const receiptLines = lines
      .map((line, index) => ({ line, row: rows[index] }))
      .filter(({ row }) => row.quantity.trim() !== '' && Number(row.quantity) > 0)
      .map(({ line, row }) => ({
        item: line.item,
        purchaseOrderLine: line.purchaseOrderLine,
        quantity: row.quantity.trim(),
        location: row.location ? Number(row.location) : undefined,
        ...(line.isLotTracked ? { lotNumber: row.lotNumber.trim(), expiryDate: row.expiryDate || undefined } : {}),
      }))
    if (receiptLines.length === 0) {
      toast.error('Enter a quantity on at least one line.')
      return
    }
    setPending(true)
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify({ deliveryNoteNumber: deliveryNoteNumber.trim() || undefined, lines: receiptLines }),
      })
      const body = await response.json().catch(() => ({}))
      if (!response.ok) {
        toast.error(body?.errors?.[0]?.message ?? `The receipt was refused (${response.status}).`)
        return
      }
      toast.success(`Received: ${body.receipt?.number ?? 'goods receipt posted'}.`)
      await onReceived()
      router.refresh()
    } finally {
      setPending(false)
    }
  }

  if (lines.length === 0) return null
  return (
    <div ref={container} id={RECEIVE_ANCHOR} data-testid="po-receive-form" style={{ margin: '2rem 0', padding: '1rem', border: '1px solid var(--theme-elevation-150)', borderRadius: 4 }}>
      <h3 style={{ marginTop: 0 }}>Receive goods</h3>
      <label style={{ display: 'block', marginBottom: '0.75rem' }}>
        Delivery note number{' '}
        <input aria-label="Delivery note number" style={{ ...input, width: 240 }} value={deliveryNoteNumber} onChange={(event) => setDeliveryNoteNumber(event.target.value)} />
      </label>
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <thead>
          <tr>
            {['SKU', 'Item', 'Ordered', 'Received', 'Receive now', 'Lot', 'Expiry', 'Put into'].map((label) => (
              <th key={label} style={{ ...cell, fontWeight: 600 }}>{label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map((line, index) => (
            <tr key={line.purchaseOrderLine} data-testid={`receive-line-${line.sku}`}>
              <td style={cell}>{line.sku}</td>
              <td style={cell}>{line.name}</td>
              <td style={cell}>{line.ordered} {line.unit}</td>
              <td style={cell}>{line.received}</td>
              <td style={cell}>
                <input aria-label={`Quantity to receive of ${line.sku}`} inputMode="decimal" style={input} value={rows[index].quantity} onChange={(event) => update(index, { quantity: event.target.value })} />
              </td>
              <td style={cell}>
                {line.isLotTracked ? <input aria-label={`Lot number of ${line.sku}`} style={input} value={rows[index].lotNumber} onChange={(event) => update(index, { lotNumber: event.target.value })} /> : '—'}
              </td>
              <td style={cell}>
                {line.isLotTracked ? <input aria-label={`Expiry of ${line.sku}`} type="date" style={input} value={rows[index].expiryDate} onChange={(event) => update(index, { expiryDate: event.target.value })} /> : '—'}
              </td>
              <td style={cell}>
                <select aria-label={`Location for ${line.sku}`} style={input} value={rows[index].location} onChange={(event) => update(index, { location: event.target.value })}>
                  {locations.map((location) => (
                    <option key={location.id} value={location.id}>{location.label}</option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div style={{ marginTop: '0.75rem' }}>
        <Button buttonStyle="primary" size="medium" margin={false} disabled={isPending} onClick={submit}>
          {isPending ? '…' : 'Post receipt'}
        </Button>
      </div>
    </div>
  )
}
