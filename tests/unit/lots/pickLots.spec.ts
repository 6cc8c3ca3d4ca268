import { describe, expect, it } from 'vitest'

import { pickLots, type LotCandidate } from '../../../src/domain/lots/pickLots'

const lot = (lotId: number, expiryDate: string | null, units: number, isBlocked = false): LotCandidate => ({ lotId, lotNumber: `L${lotId}`, expiryDate, units: BigInt(units), isBlocked })

describe('pickLots', () => {
  it('should take the earliest expiry first and lots without expiry last', () => {
    const result = pickLots({ candidates: [lot(1, null, 5), lot(2, '2030-03-01', 5), lot(3, '2030-01-01', 5)], units: 12n })
    expect(result.picks).toEqual([
      { lotId: 3, units: 5n, reason: 'fefo' },
      { lotId: 2, units: 5n, reason: 'fefo' },
      { lotId: 1, units: 2n, reason: 'fefo' },
    ])
    expect(result.shortage).toBe(0n)
  })

  it('should skip blocked and empty lots and report the shortage against usable stock', () => {
    const result = pickLots({ candidates: [lot(1, '2020-01-01', 9, true), lot(2, '2030-01-01', 3), lot(3, '2029-01-01', 0)], units: 5n })
    expect(result.picks).toEqual([{ lotId: 2, units: 3n, reason: 'only-lot' }])
    expect(result).toMatchObject({ shortage: 2n, usable: 3n })
  })

  it('should include blocked lots when asked (stock going to quarantine, scrap or back to the supplier)', () => {
    const result = pickLots({ candidates: [lot(1, '2020-01-01', 2, true), lot(2, '2030-01-01', 3)], units: 4n, includeBlocked: true })
    expect(result.picks.map((pick) => pick.lotId)).toEqual([1, 2])
  })

  it('should break expiry ties by the older lot', () => {
    const result = pickLots({ candidates: [lot(7, '2030-01-01', 1), lot(4, '2030-01-01', 1)], units: 1n })
    expect(result.picks).toEqual([{ lotId: 4, units: 1n, reason: 'fefo' }])
  })
})
