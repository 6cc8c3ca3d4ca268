'use client'

import { Button, toast, useSelection } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

import { postDocumentAction } from '../DocumentActions/postAction'
import { bulkConfirmation, bulkOptionsFor, bulkSummary, type BulkAction, type BulkOption, type BulkOutcome, type BulkRow, type CollectionLabels } from './bulk'

/**
 * Offers the workflow actions open to the selected rows; after confirmation, posts each document's action to its
 * endpoint one at a time (each in its own transaction, as from its edit view) and sums up what was done and why
 * anything was refused.
 */
export function BulkActionBar({ actions, rows, labels, endpoint }: { actions: BulkAction[]; rows: BulkRow[]; labels: CollectionLabels; endpoint: string }) {
  const router = useRouter()
  const { selectedIDs, count, toggleAll } = useSelection()
  const [pending, setPending] = useState<string | null>(null)
  const [summary, setSummary] = useState<{ text: string; isRefused: boolean } | null>(null)
  const options = bulkOptionsFor({ actions, rows, selectedIds: selectedIDs })

  const run = async (option: BulkOption) => {
    if (!window.confirm(bulkConfirmation({ option, labels }))) return
    setPending(option.action)
    setSummary(null)
    try {
      const outcomes: BulkOutcome[] = []
      for (const row of option.targets) {
        const refusal = await postDocumentAction({ url: `${endpoint}/${row.id}/${option.action}` }).catch((error: Error) => error.message)
        outcomes.push({ row, refusal })
      }
      const isRefused = outcomes.some((outcome) => outcome.refusal !== null)
      const text = bulkSummary({ option, outcomes })
      setSummary({ text, isRefused })
      if (isRefused) toast.error(text)
      else toast.success(text)
      if (count > 0) toggleAll()
      router.refresh()
    } finally {
      setPending(null)
    }
  }

  if (options.length === 0 && !summary) return null
  return (
    <div data-testid="bulk-actions" style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', flexWrap: 'wrap', marginBottom: '1rem' }}>
      {options.length > 0 && <span>With the selected {labels.plural}:</span>}
      {options.map((option) => (
        <Button
          key={option.action}
          buttonStyle={option.isPrimary ? 'primary' : 'secondary'}
          size="medium"
          margin={false}
          disabled={pending !== null}
          onClick={() => run(option)}
        >
          {pending === option.action ? '…' : `${option.label} selected (${option.targets.length})`}
        </Button>
      ))}
      {summary && (
        <p role="status" style={{ margin: 0, color: summary.isRefused ? 'var(--theme-error-500)' : undefined }}>
          {summary.text}
        </p>
      )}
    </div>
  )
}
