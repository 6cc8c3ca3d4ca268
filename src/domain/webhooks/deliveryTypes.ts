export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed', 'cancelled'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]
/** Why a delivery exists: the event itself, a manual re-send of one delivery, or a replay of many events. */
export const DELIVERY_TRIGGERS = ['event', 'resend', 'replay'] as const
export type DeliveryTrigger = (typeof DELIVERY_TRIGGERS)[number]

export const WEBHOOK_DELIVERY_QUEUE = 'webhooks.deliver'
export type DeliveryJob = { deliveryId: number; attempt: number }

export type DeliveryAttempt = { attempt: number; at: string; responseCode: number | null; durationMs: number; error: string | null }
