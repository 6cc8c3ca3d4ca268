import { ConflictError } from '../errors'

export const LOT_STATUSES = ['active', 'quarantined', 'expired', 'recalled'] as const
export type LotStatus = (typeof LOT_STATUSES)[number]

/** Why a blocked lot's stock sits in quarantine, as the ledger's reason code. */
export const BLOCK_REASON: Record<Exclude<LotStatus, 'active'>, string> = { quarantined: 'hold', expired: 'expired', recalled: 'recall' }

const CODE: Record<Exclude<LotStatus, 'active'>, string> = { quarantined: 'LOT.QUARANTINED', expired: 'LOT.EXPIRED', recalled: 'LOT.RECALLED' }

/** A lot that may not be sold, consumed, transferred or reserved: expired, recalled or on hold. */
export class LotBlockedError extends ConflictError {
  constructor(lot: { lotNumber: string; status: Exclude<LotStatus, 'active'> }, path?: string) {
    super(CODE[lot.status], `Lot ${lot.lotNumber} is ${lot.status}: it cannot be picked, issued or transferred`, path)
  }
}
