import { QUANTITY_SCALE } from '../stock/decimal'

/** An exact fraction of two integers (both > 0): component units per unit of the kit. */
export type Ratio = { num: bigint; den: bigint }

export type KitComponent = { itemId: number; sku: string; ratio: Ratio; step: bigint }
/** An item with an active BOM, exploded down to the stocked items it consumes (nested BOMs multiplied out). */
export type Kit = { itemId: number; sku: string; bomId: number; version: number; step: bigint; components: KitComponent[] }

/** The smallest quantity of an item, in 1/10,000 units: 10,000 for an item counted in whole units. */
export const stepOf = (unitPrecision: number) => 10n ** BigInt(QUANTITY_SCALE - Math.min(Math.max(unitPrecision, 0), QUANTITY_SCALE))

/** The reason code of a component's ledger entry: `kit:<KIT-SKU>`, or `kit:<KIT-SKU>#<line>` for a document's line. */
export const kitReasonCode = (kitSku: string, lineNumber?: number) => `kit:${kitSku}${lineNumber === undefined ? '' : `#${lineNumber}`}`

const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b

/** What `kitUnits` of the kit consume of one component, rounded up to the component's precision (never short). */
export function componentUnits(component: Pick<KitComponent, 'ratio' | 'step'>, kitUnits: bigint): bigint {
  return ceilDiv(kitUnits * component.ratio.num, component.ratio.den * component.step) * component.step
}

/**
 * How much of the kit the stock can make: min over components of floor(available / quantity per unit), in the
 * kit's own precision. `availableOf` gives a component's available units.
 */
export function kitCapacity(kit: Pick<Kit, 'step' | 'components'>, availableOf: (itemId: number) => bigint): bigint {
  let capacity: bigint | null = null
  for (const component of kit.components) {
    const available = availableOf(component.itemId)
    const units = available <= 0n ? 0n : ((available * component.ratio.den) / (component.ratio.num * kit.step)) * kit.step
    capacity = capacity === null || units < capacity ? units : capacity
  }
  return capacity ?? 0n
}

/**
 * The share of a component's reserved quantity that belongs to `doneUnits` of `totalUnits` kits, rounded up to the
 * component's step: issuing kits of a reservation one part at a time never issues more than was reserved, and
 * the last part issues exactly the rest.
 */
export function proportionalUnits(componentTotal: bigint, doneUnits: bigint, totalUnits: bigint, step: bigint): bigint {
  if (doneUnits >= totalUnits) return componentTotal
  const share = ceilDiv(componentTotal * doneUnits, totalUnits * step) * step
  return share < componentTotal ? share : componentTotal
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b))
export function reduce({ num, den }: Ratio): Ratio {
  const divisor = gcd(num, den)
  return { num: num / divisor, den: den / divisor }
}
export const multiply = (a: Ratio, b: Ratio): Ratio => reduce({ num: a.num * b.num, den: a.den * b.den })
export const add = (a: Ratio, b: Ratio): Ratio => reduce({ num: a.num * b.den + b.num * a.den, den: a.den * b.den })
