/** The kinds of notification a user can tune. Kinds not listed here are always sent at once. */
export const NOTIFICATION_KINDS = [
  { value: 'replenishment.low_stock', label: 'Low stock alerts' },
  { value: 'po.awaiting_approval', label: 'Purchase order awaiting approval' },
  { value: 'po.approved', label: 'Purchase order approved' },
  { value: 'po.rejected', label: 'Purchase order rejected' },
  { value: 'lots.expiry_digest', label: 'Expiring lots' },
  { value: 'count.assigned', label: 'Cycle count assigned' },
  { value: 'recall.initiated', label: 'Recall initiated' },
  { value: 'import.finished', label: 'Import finished' },
  { value: 'export.finished', label: 'Export finished' },
] as const

export const DELIVERY_OPTIONS = [
  { value: 'immediate', label: 'At once' },
  { value: 'digest', label: 'In the daily digest' },
  { value: 'off', label: 'Never' },
] as const
export type Delivery = (typeof DELIVERY_OPTIONS)[number]['value']

export type NotificationPreferences = {
  defaultDelivery?: Delivery | null
  kinds?: { kind?: string | null; delivery?: Delivery | null }[] | null
}

const TUNABLE = new Set<string>(NOTIFICATION_KINDS.map((kind) => kind.value))

/** How a user wants this kind of mail: their setting for the kind, else their default, else at once. */
export function deliveryFor(preferences: NotificationPreferences | null | undefined, kind: string): Delivery {
  if (!TUNABLE.has(kind)) return 'immediate'
  const own = preferences?.kinds?.find((entry) => entry.kind === kind)?.delivery
  return own ?? preferences?.defaultDelivery ?? 'immediate'
}
