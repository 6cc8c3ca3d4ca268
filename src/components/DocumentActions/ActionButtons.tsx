'use client'

import { Button, toast } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

import { postDocumentAction } from './postAction'
import type { DocumentAction } from './registry'

/** Posts the action to the document's endpoint, shows the server's message when refused, then reloads the view. */
export function ActionButtons({ actions, endpoint }: { actions: DocumentAction[]; endpoint: string }) {
  const router = useRouter()
  const [pending, setPending] = useState<string | null>(null)

  const run = async ({ action, confirm, asksForReason, isReasonOptional, reasonCodes, href }: DocumentAction) => {
    if (href) {
      window.location.hash = href
      document.querySelector(href)?.scrollIntoView({ behavior: 'smooth' })
      return
    }
    const question = reasonCodes ? `Reason (${reasonCodes.join(', ')})` : 'Reason'
    const reason = asksForReason ? window.prompt(isReasonOptional ? `${confirm} ${question} (optional)` : question) : undefined
    if (asksForReason && (reason === null || (!isReasonOptional && !reason))) return
    if (!asksForReason && !window.confirm(confirm)) return
    setPending(action)
    try {
      const refusal = await postDocumentAction({ url: `${endpoint}/${action}`, reason })
      if (refusal) {
        toast.error(refusal)
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
