'use client'

import { Button, toast } from '@payloadcms/ui'
import React, { useCallback, useEffect, useRef, useState } from 'react'

type Line = {
  id: string
  item: { id: number; sku: string; name: string; barcodes?: { code: string }[] } | number
  location: { path?: string } | number
  lot?: { lotNumber?: string } | number | null
  expectedQuantity?: number | null
  countedQuantity?: number | null
}
type Count = { id: number; number: string; status: string; isBlind: boolean; lines: Line[] }

const big: React.CSSProperties = { fontSize: '1.75rem', height: '3.5rem', width: '9rem', padding: '0 0.75rem', textAlign: 'right', borderRadius: 6 }
const itemOf = (line: Line) => (typeof line.item === 'object' ? line.item : { id: line.item, sku: String(line.item), name: '', barcodes: [] })

/**
 * Lines of a cycle count with big numeric inputs, and a SKU/barcode field that jumps to the line (a scanner types
 * the code and Enter). Counts are saved through POST /:id/record; expected quantities show only when the API
 * returns them (never to a blind count's counters).
 */
export function CountingScreen({ id, apiRoute }: { id: string; apiRoute: string }) {
  const [count, setCount] = useState<Count | null>(null)
  const [drafts, setDrafts] = useState<Record<string, string>>({})
  const [search, setSearch] = useState('')
  const [isSaving, setIsSaving] = useState(false)
  const inputs = useRef<Record<string, HTMLInputElement | null>>({})
  const base = `${apiRoute}/cycle-counts/${id}`

  const load = useCallback(async () => {
    const response = await fetch(`${base}?depth=1`, { credentials: 'include' })
    if (response.ok) setCount(await response.json())
  }, [base])
  useEffect(() => {
    void load()
  }, [load])

  const post = async (action: string, body: unknown) => {
    const response = await fetch(`${base}/${action}`, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    const json = await response.json().catch(() => ({}))
    if (!response.ok) toast.error(json?.errors?.[0]?.message ?? `Refused (${response.status})`)
    return response.ok
  }

  const save = async () => {
    const lines = Object.entries(drafts).filter(([, value]) => value.trim() !== '').map(([lineId, value]) => ({ id: lineId, counted: value.trim() }))
    if (lines.length === 0) return
    setIsSaving(true)
    try {
      if (await post('record', { lines })) {
        toast.success(`Saved ${lines.length} line${lines.length === 1 ? '' : 's'}.`)
        setDrafts({})
        await load()
      }
    } finally {
      setIsSaving(false)
    }
  }

  const jump = (event: React.FormEvent) => {
    event.preventDefault()
    const code = search.trim().toLowerCase()
    const line = count?.lines.find((candidate) => {
      const item = itemOf(candidate)
      return item.sku.toLowerCase() === code || (item.barcodes ?? []).some((barcode) => barcode.code.toLowerCase() === code)
    }) ?? count?.lines.find((candidate) => itemOf(candidate).name.toLowerCase().includes(code))
    if (!line) return toast.error(`No line for “${search}”.`)
    const target = inputs.current[line.id]
    target?.scrollIntoView({ behavior: 'smooth', block: 'center' })
    target?.focus()
    setSearch('')
  }

  if (!count) return <p style={{ padding: '2rem' }}>Loading…</p>
  if (count.status !== 'counting') return <p style={{ padding: '2rem' }}>{count.number} is {count.status}: counts are recorded while it is counting.</p>
  const isDirty = Object.values(drafts).some((value) => value.trim() !== '')
  return (
    <div style={{ padding: '1.5rem', maxWidth: 960 }} data-testid="counting-screen">
      <form onSubmit={jump} style={{ display: 'flex', gap: '0.75rem', marginBottom: '1rem', position: 'sticky', top: 0, background: 'var(--theme-bg)', paddingBottom: '0.75rem', zIndex: 1 }}>
        <input
          aria-label="SKU or barcode"
          placeholder="Scan or type SKU / barcode"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          style={{ ...big, width: '100%', textAlign: 'left' }}
          autoFocus
        />
        <Button buttonStyle="primary" size="large" margin={false} disabled={!isDirty || isSaving} onClick={save}>
          {isSaving ? 'Saving…' : 'Save counts'}
        </Button>
      </form>
      {count.isBlind && <p>Blind count: expected quantities are hidden.</p>}
      <ol style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {count.lines.map((line) => {
          const item = itemOf(line)
          const location = typeof line.location === 'object' ? line.location.path : line.location
          const lot = line.lot && typeof line.lot === 'object' ? line.lot.lotNumber : null
          return (
            <li key={line.id} style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '1rem', padding: '0.75rem 0', borderBottom: '1px solid var(--theme-elevation-100)' }}>
              <div>
                <div style={{ fontSize: '1.25rem', fontWeight: 600 }}>{item.sku} · {item.name}</div>
                <div style={{ color: 'var(--theme-elevation-600)' }}>
                  {location}
                  {lot ? ` · lot ${lot}` : ''}
                  {line.expectedQuantity !== undefined && line.expectedQuantity !== null ? ` · expected ${line.expectedQuantity}` : ''}
                  {line.countedQuantity !== undefined && line.countedQuantity !== null ? ` · counted ${line.countedQuantity}` : ''}
                </div>
              </div>
              <input
                ref={(element) => {
                  inputs.current[line.id] = element
                }}
                aria-label={`Counted ${item.sku}`}
                inputMode="decimal"
                style={big}
                value={drafts[line.id] ?? ''}
                placeholder={line.countedQuantity === null || line.countedQuantity === undefined ? '—' : String(line.countedQuantity)}
                onChange={(event) => setDrafts({ ...drafts, [line.id]: event.target.value })}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') void save()
                }}
              />
            </li>
          )
        })}
      </ol>
      <div style={{ marginTop: '1.5rem' }}>
        <Button
          buttonStyle="secondary"
          size="large"
          margin={false}
          disabled={isDirty}
          onClick={async () => {
            if (window.confirm('Submit the count? Every line must be counted.') && (await post('submit', {}))) {
              toast.success('Count submitted.')
              await load()
            }
          }}
        >
          Submit count
        </Button>
      </div>
    </div>
  )
}
