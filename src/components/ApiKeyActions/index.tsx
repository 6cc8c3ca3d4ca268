'use client'
import { Button, useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'

/** Rotate or revoke the user's API key; a new key is shown once, here, and never again. */
export function ApiKeyActions() {
  const { id } = useDocumentInfo()
  const [newKey, setNewKey] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)

  const call = async (action: 'rotate-api-key' | 'revoke-api-key') => {
    setMessage(null)
    setNewKey(null)
    const response = await fetch(`/api/users/${id}/${action}`, { method: 'POST', credentials: 'include' })
    const body = await response.json()
    if (!response.ok) return setMessage(body.errors?.[0]?.message ?? response.statusText)
    if (action === 'rotate-api-key') setNewKey(body.apiKey)
    else setMessage('API key revoked.')
  }

  return (
    <div className="qm-api-key" style={{ marginBottom: 24 }}>
      <h4>API key</h4>
      <p>Integration users call the API with <code>Authorization: users API-Key &lt;key&gt;</code>.</p>
      <Button buttonStyle="secondary" onClick={() => void call('rotate-api-key')}>
        Create / rotate key
      </Button>{' '}
      <Button buttonStyle="secondary" onClick={() => void call('revoke-api-key')}>
        Revoke key
      </Button>
      {newKey && (
        <p>
          New key (copy it now, it will not be shown again): <code data-testid="new-api-key">{newKey}</code>
        </p>
      )}
      {message && <p>{message}</p>}
    </div>
  )
}
