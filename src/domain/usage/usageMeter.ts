/**
 * API calls counted in memory, per tenant and tenant-local day, and written by `flushUsage` in one UPSERT per
 * interval — never a database write per request. A crash loses at most one interval of counts.
 */
const pending = new Map<string, number>()

const keyOf = (tenantId: number | string, day: string) => `${tenantId}|${day}`

export type PendingCount = { tenantId: string; day: string; apiCalls: number }

export function recordApiCall({ tenantId, day }: { tenantId: number | string; day: string }): void {
  const key = keyOf(tenantId, day)
  pending.set(key, (pending.get(key) ?? 0) + 1)
}

/** Calls counted here and not yet flushed, for one tenant-local month (`YYYY-MM`). */
export function pendingCallsInMonth({ tenantId, month }: { tenantId: number | string; month: string }): number {
  let total = 0
  for (const [key, count] of pending) {
    const [tenant, day] = key.split('|')
    if (tenant === String(tenantId) && day.startsWith(month)) total += count
  }
  return total
}

/** Empties the buffer and returns what it held; `restorePending` puts it back if the flush fails. */
export function takePending(): PendingCount[] {
  const counts = [...pending].map(([key, apiCalls]) => {
    const [tenantId, day] = key.split('|')
    return { tenantId, day, apiCalls }
  })
  pending.clear()
  return counts
}

export function restorePending(counts: PendingCount[]): void {
  for (const { tenantId, day, apiCalls } of counts) {
    const key = keyOf(tenantId, day)
    pending.set(key, (pending.get(key) ?? 0) + apiCalls)
  }
}
