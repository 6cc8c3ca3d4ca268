export const PICK_REASONS = ['fefo', 'pinned', 'only-lot'] as const
export type PickReason = (typeof PICK_REASONS)[number]

/** A lot's stock at one location, as a candidate for picking. */
export type LotCandidate = { lotId: number; lotNumber: string; expiryDate: string | null; units: bigint; isBlocked: boolean }
export type LotPick = { lotId: number; units: bigint; reason: PickReason }

/** Orders candidates first-expiring-first-out: earliest expiry first, lots without expiry last, then the oldest lot. */
export function byFefo(a: LotCandidate, b: LotCandidate): number {
  if (a.expiryDate !== b.expiryDate) {
    if (a.expiryDate === null) return 1
    if (b.expiryDate === null) return -1
    return new Date(a.expiryDate).getTime() - new Date(b.expiryDate).getTime()
  }
  return a.lotId - b.lotId
}

/**
 * Which lots `units` are taken from: first-expiring-first-out over the usable (not blocked) lots with stock, each
 * pick saying why (`only-lot` when a single lot could serve). Returns the picks and what could not be covered.
 * Pure: the caller reads the candidates and posts the picks.
 */
export function pickLots({ candidates, units, includeBlocked = false }: { candidates: LotCandidate[]; units: bigint; includeBlocked?: boolean }): { picks: LotPick[]; shortage: bigint; usable: bigint } {
  const usable = candidates.filter((candidate) => candidate.units > 0n && (includeBlocked || !candidate.isBlocked)).sort(byFefo)
  const reason: PickReason = usable.length === 1 ? 'only-lot' : 'fefo'
  const picks: LotPick[] = []
  let need = units
  for (const candidate of usable) {
    if (need === 0n) break
    const take = candidate.units < need ? candidate.units : need
    picks.push({ lotId: candidate.lotId, units: take, reason })
    need -= take
  }
  return { picks, shortage: need, usable: usable.reduce((sum, candidate) => sum + candidate.units, 0n) }
}
