'use client'

import { Button, toast, useSelection } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

import { recallableSelection, recallRequest, type RecallableLot } from './request'

/**
 * Initiates one recall for the selected lots (POST /api/recalls, which quarantines their stock everywhere), then
 * opens it; a refusal shows the server's message.
 */
export function RecallLotsBar({ lots, severities, apiRoute, adminRoute }: { lots: RecallableLot[]; severities: string[]; apiRoute: string; adminRoute: string }) {
  const router = useRouter()
  const { selectedIDs } = useSelection()
  const [isPending, setIsPending] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  const selected = recallableSelection({ lots, selectedIds: selectedIDs })

  const initiate = async () => {
    const numbers = selected.map((lot) => lot.lotNumber).join(', ')
    const reason = window.prompt(`Recall lots ${numbers}: every unit is moved to quarantine in every warehouse. Reason for the recall`)
    const severity = reason === null ? null : window.prompt(`Severity (${severities.join(', ')})`, severities[0])
    const request = recallRequest({ lots: selected, reason, severity, severities })
    if (!request) return
    if ('message' in request) {
      setRefusal(request.message)
      return
    }
    setIsPending(true)
    setRefusal(null)
    try {
      const response = await fetch(`${apiRoute}/recalls?depth=0`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request.body),
      })
      const body = await response.json().catch(() => ({}))
      if (!response.ok) {
        setRefusal(body?.errors?.[0]?.message ?? `The recall was refused (${response.status}).`)
        return
      }
      toast.success(`Initiated ${body.doc.reference}.`)
      router.push(`${adminRoute}/collections/recalls/${body.doc.id}`)
    } finally {
      setIsPending(false)
    }
  }

  if (selected.length === 0 && !refusal) return null
  return (
    <div data-testid="lot-recall" style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', flexWrap: 'wrap', marginBottom: '1rem' }}>
      {selected.length > 0 && (
        <Button buttonStyle="secondary" size="medium" margin={false} disabled={isPending} onClick={initiate}>
          {isPending ? '…' : `Initiate recall for selected (${selected.length})`}
        </Button>
      )}
      {refusal && (
        <p role="status" style={{ margin: 0, color: 'var(--theme-error-500)' }}>
          {refusal}
        </p>
      )}
    </div>
  )
}
