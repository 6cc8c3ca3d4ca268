'use client'

import { Button, toast } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

import type { DocumentAction } from './registry'

/** Posts the action to the document's endpoint, shows the server's message when refused, then reloads the view. */
export function ActionButtons({ actions, endpoint }: { actions: DocumentAction[]; endpoint: string }) {
  const router = useRouter()
  const [pending, setPending] = useState<string | null>(null)

  const run = async ({ action, confirm, asksForReason }: DocumentAction) => {
    const reason = asksForReason ? window.prompt('Reason') : undefined
    if (asksForReason && !reason) return
    if (!asksForReason && !window.confirm(confirm)) return
    setPending(action)
    try {
      const response = await fetch(`${endpoint}/${action}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(reason ? { reason } : {}),
      })
      const body = await response.json().catch(() => ({}))
      if (!response.ok) {
        toast.error(body?.errors?.[0]?.message ?? `The ${action} was refused (${response.status}).`)
        return
      }
      toast.success(`Done: ${action}.`)
      router.refresh()
    } finally {
      setPending(null)
    }
  }

  return (
    <div style={{ display: 'flex', gap: '0.5rem' }}>
      {actions.map((action) => (
        <Button
          key={action.action}
          buttonStyle={action.isPrimary ? 'primary' : 'secondary'}
          size="medium"
          margin={false}
          disabled={pending !== null}
          onClick={() => run(action)}
        >
          {pending === action.action ? '…' : action.label}
        </Button>
      ))}
    </div>
  )
}
