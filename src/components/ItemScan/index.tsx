'use client'

import { useTenantSelection } from '@payloadcms/plugin-multi-tenant/client'
import { useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

import { itemLookupQuery, scanOutcome } from './lookup'

/** Above the Items list: a barcode scanner's SKU or barcode plus Enter opens the item when exactly one matches. */
export function ItemScan() {
  const router = useRouter()
  const { config } = useConfig()
  const { selectedTenantID } = useTenantSelection()
  const [code, setCode] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const [isLooking, setIsLooking] = useState(false)

  const open = async () => {
    const query = itemLookupQuery({ code, tenantId: selectedTenantID })
    if (!query) return
    setIsLooking(true)
    setMessage(null)
    try {
      const response = await fetch(`${config.routes.api}/items?${query}`, { credentials: 'include' })
      const body = await response.json().catch(() => ({}))
      if (!response.ok) {
        setMessage(body?.errors?.[0]?.message ?? `The lookup failed (${response.status}).`)
        return
      }
      const outcome = scanOutcome({ code, docs: body.docs ?? [] })
      if ('itemId' in outcome) router.push(`${config.routes.admin}/collections/items/${outcome.itemId}`)
      else setMessage(outcome.message)
    } finally {
      setIsLooking(false)
    }
  }

  return (
    <div style={{ display: 'flex', gap: '0.75rem', alignItems: 'center', flexWrap: 'wrap', marginBottom: '1rem' }}>
      <label htmlFor="item-scan">Scan SKU or barcode</label>
      <input
        id="item-scan"
        type="search"
        autoComplete="off"
        value={code}
        placeholder="Scan, or type and press Enter"
        disabled={isLooking}
        onChange={(event) => setCode(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return
          event.preventDefault()
          void open()
        }}
        style={{ padding: '0.4rem 0.6rem', minWidth: 260 }}
      />
      {message && <span role="status">{message}</span>}
    </div>
  )
}
