/** Queue names of replenishment's jobs (a leaf module: the outbox consumer registry imports it). */
export const REPLENISHMENT_EVALUATE_QUEUE = 'replenishment.evaluate'
export const REPLENISHMENT_SCAN_QUEUE = 'replenishment.scan'
