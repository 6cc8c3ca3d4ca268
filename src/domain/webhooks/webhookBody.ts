/** The largest body sent; an event that would exceed it is sent thin, with its ids only, and marked truncated. */
export const MAX_BODY_BYTES = 20 * 1024

export type OutboxRow = { id: number; tenant_id: number; event_type: string; aggregate_key: string | null; payload: Record<string, unknown>; occurred_at: string | Date }

export const messageIdOf = (eventId: number) => `msg_${eventId}`

/**
 * The Standard Webhooks envelope `{ type, timestamp, data }` plus the message id, the tenant and the event's
 * sequence number (the outbox id: consumers apply per-aggregate updates only when it is higher than the last seen).
 */
export function webhookBodyOf(event: OutboxRow): string {
  const envelope = (data: Record<string, unknown>) =>
    JSON.stringify({
      id: messageIdOf(event.id),
      type: event.event_type,
      timestamp: new Date(event.occurred_at).toISOString(),
      tenant_id: event.tenant_id,
      sequence: event.id,
      aggregate_key: event.aggregate_key,
      data,
    })
  const full = envelope(event.payload)
  if (Buffer.byteLength(full) <= MAX_BODY_BYTES) return full
  const thin = Object.fromEntries(Object.entries(event.payload).filter(([key, value]) => key.endsWith('id') && (typeof value !== 'object' || value === null)))
  return envelope({ ...thin, truncated: true })
}
