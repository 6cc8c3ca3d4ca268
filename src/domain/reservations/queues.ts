/** The pg-boss queue of reservation expiry: one job per reservation at its expiresAt, and the minute sweeper. */
export const RESERVATION_EXPIRY_QUEUE = 'reservations.expire'
