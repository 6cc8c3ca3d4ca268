/** Posts a workflow action for the signed-in user; resolves to null when done, or the server's reason when refused. */
export async function postDocumentAction({ url, reason }: { url: string; reason?: string | null }): Promise<string | null> {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(reason ? { reason } : {}),
  })
  if (response.ok) return null
  const body = await response.json().catch(() => ({}))
  return body?.errors?.[0]?.message ?? `Refused (${response.status}).`
}
