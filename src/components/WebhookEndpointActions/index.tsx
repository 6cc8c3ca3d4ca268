'use client'
import { Button, toast, useDocumentInfo } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

async function post(path: string, body: object) {
  const response = await fetch(path, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
  const json = await response.json().catch(() => ({}))
  if (!response.ok) throw new Error(json?.errors?.[0]?.message ?? `Refused (${response.status}).`)
  return json
}

/** Rotates the signing secret and shows the new one once; the old one keeps working for the window. */
function RotateSecret({ collection }: { collection: string }) {
  const { id } = useDocumentInfo()
  const router = useRouter()
  const [secret, setSecret] = useState<string | null>(null)
  if (!id) return null
  const rotate = async () => {
    const hours = window.prompt('New signing secret. Keep the old one valid for how many hours (0 = stop at once)?', '24')
    if (hours === null) return
    try {
      const result = await post(`/api/${collection}/${id}/rotate-secret`, { rotationWindowHours: Number(hours) })
      setSecret(result.secret)
      router.refresh()
    } catch (error) {
      toast.error((error as Error).message)
    }
  }
  return (
    <>
      <Button buttonStyle="secondary" size="medium" margin={false} onClick={() => void rotate()}>
        Rotate secret
      </Button>
      {secret && (
        <p>
          New secret (copy it now, it will not be shown again): <code data-testid="new-signing-secret">{secret}</code>
        </p>
      )}
    </>
  )
}

/** Webhook endpoint: rotate its secret, or replay the events it subscribes to since a time or an event id. */
export function WebhookEndpointActions() {
  const { id } = useDocumentInfo()
  if (!id) return null
  const replay = async () => {
    const from = window.prompt('Replay events since (an ISO time such as 2026-01-31T00:00:00Z, or an event id)')
    if (!from) return
    try {
      const result = await post(`/api/webhook-endpoints/${id}/replay`, /^\d+$/.test(from.trim()) ? { sinceEventId: Number(from) } : { since: from.trim() })
      toast.success(`${result.deliveries} deliveries queued.`)
    } catch (error) {
      toast.error((error as Error).message)
    }
  }
  return (
    <div style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', flexWrap: 'wrap' }}>
      <RotateSecret collection="webhook-endpoints" />
      <Button buttonStyle="secondary" size="medium" margin={false} onClick={() => void replay()}>
        Replay events
      </Button>
    </div>
  )
}

export function EventSourceActions() {
  return <RotateSecret collection="event-sources" />
}
