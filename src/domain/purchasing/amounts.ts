import { fromUnits, QUANTITY_SCALE, toUnits } from '../stock/decimal'

const FACTOR = 10n ** BigInt(QUANTITY_SCALE)

/** a × b for quantities of at most 4 decimals (packs × pack size), exact; results beyond 4 decimals are refused upstream. */
export function times(a: string | number, b: string | number): string {
  return fromUnits((toUnits(a) * toUnits(b)) / FACTOR)
}

export function plus(a: string | number, b: string | number): string {
  return fromUnits(toUnits(a) + toUnits(b))
}

export function minus(a: string | number, b: string | number): string {
  return fromUnits(toUnits(a) - toUnits(b))
}

export function isPositive(value: string | number): boolean {
  return toUnits(value) > 0n
}

export function min(a: string | number, b: string | number): string {
  return toUnits(a) <= toUnits(b) ? fromUnits(toUnits(a)) : fromUnits(toUnits(b))
}

/** received ≤ ordered × (1 + tolerance %), exactly. */
export function isWithinTolerance({ received, ordered, tolerancePercent }: { received: string; ordered: string; tolerancePercent: string | number }): boolean {
  return toUnits(received) * 100n * FACTOR <= toUnits(ordered) * (100n * FACTOR + toUnits(tolerancePercent))
}
