import { fromUnits, QUANTITY_SCALE, toUnits } from '../stock/decimal'

/** Decimal quantities as they come from SQL numeric columns or the API: text or number, empty meaning "not set". */
export type Decimal = string | number
type OptionalDecimal = Decimal | null | undefined

const isSet = (value: OptionalDecimal): value is Decimal => value !== null && value !== undefined && String(value).trim() !== ''
const maxUnits = (a: bigint, b: bigint) => (a > b ? a : b)

/** Rounds a non-negative number up to `precision` decimals (exactly, as text), e.g. 12.01 at precision 0 → "13". */
export function ceilToPrecision(value: number, precision: number): string {
  const places = Math.min(Math.max(0, Math.trunc(precision)), QUANTITY_SCALE)
  const factor = 10 ** places
  // The epsilon keeps 0.1 × 3 × 10 (= 3.0000000000000004) from becoming 4.
  const scaled = Math.ceil(value * factor - 1e-9)
  return fromUnits(toUnits(String(Math.max(0, scaled))) / 10n ** BigInt(places))
}

/**
 * Economic order quantity √(2·D·S / H): D annual demand (base units), S cost of placing one order, H yearly cost of
 * holding one unit = unit cost × holding cost %. Rounded up to the item's precision; null when an input is missing
 * or not positive.
 */
export function economicOrderQuantity(input: {
  annualDemand: OptionalDecimal
  orderCost: OptionalDecimal
  holdingCostPercent: OptionalDecimal
  unitCost: OptionalDecimal
  precision: number
}): string | null {
  const values = [input.annualDemand, input.orderCost, input.holdingCostPercent, input.unitCost]
  if (!values.every(isSet)) return null
  const [demand, orderCost, percent, unitCost] = values.map(Number)
  if (![demand, orderCost, percent, unitCost].every((value) => Number.isFinite(value) && value > 0)) return null
  const holdingCost = (unitCost * percent) / 100
  return ceilToPrecision(Math.sqrt((2 * demand * orderCost) / holdingCost), input.precision)
}

/** Dynamic reorder point: average daily usage × lead time + safety stock, rounded up to the item's precision. */
export function dynamicReorderPoint(input: { averageDailyUsage: Decimal; leadTimeDays: Decimal; safetyStock?: OptionalDecimal; precision: number }): string {
  const value = Number(input.averageDailyUsage) * Number(input.leadTimeDays) + (isSet(input.safetyStock) ? Number(input.safetyStock) : 0)
  return ceilToPrecision(value, input.precision)
}

/** The level at or below which an item × warehouse is low: the dynamic reorder point when computed, else the reorder point, else min. */
export function triggerLevel(rule: { isDynamic?: boolean | null; dynamicReorderPoint?: OptionalDecimal; reorderPoint?: OptionalDecimal; minQuantity?: OptionalDecimal }): string | null {
  if (rule.isDynamic && isSet(rule.dynamicReorderPoint)) return fromUnits(toUnits(rule.dynamicReorderPoint))
  if (isSet(rule.reorderPoint)) return fromUnits(toUnits(rule.reorderPoint))
  if (isSet(rule.minQuantity)) return fromUnits(toUnits(rule.minQuantity))
  return null
}

/** Low means at or below the trigger level; recovered (auto-resolve) means strictly above it — the hysteresis. */
export function isAtOrBelow(available: Decimal, level: Decimal): boolean {
  return toUnits(available) <= toUnits(level)
}

/**
 * What to order for a low item × warehouse, before supplier rounding: up to max (max − available − on order) when
 * the rule has a max, else the EOQ, else the reorder quantity. Never negative.
 */
export function suggestedOrderQuantity(input: {
  available: Decimal
  onOrder?: OptionalDecimal
  maxQuantity?: OptionalDecimal
  eoq?: OptionalDecimal
  reorderQuantity?: OptionalDecimal
}): string {
  if (isSet(input.maxQuantity)) {
    const position = toUnits(input.available) + (isSet(input.onOrder) ? toUnits(input.onOrder) : 0n)
    return fromUnits(maxUnits(toUnits(input.maxQuantity) - position, 0n))
  }
  if (isSet(input.eoq)) return fromUnits(maxUnits(toUnits(input.eoq), 0n))
  if (isSet(input.reorderQuantity)) return fromUnits(maxUnits(toUnits(input.reorderQuantity), 0n))
  return '0'
}

/**
 * A quantity (in base units) as a supplier sells it: at least the minimum order quantity (in packs), then up to a
 * whole number of packs (e.g. 17 with packs of 6 and an MOQ of 4 packs → 24; 25 → 30). Zero stays zero.
 */
export function roundToSupplierPack(input: { quantity: Decimal; packSize?: OptionalDecimal; minimumOrderQuantity?: OptionalDecimal }): string {
  let units = toUnits(input.quantity)
  if (units <= 0n) return '0'
  const pack = isSet(input.packSize) ? toUnits(input.packSize) : 0n
  if (isSet(input.minimumOrderQuantity)) units = maxUnits(units, (toUnits(input.minimumOrderQuantity) * (pack > 0n ? pack : toUnits('1'))) / toUnits('1'))
  if (pack > 0n) units = ((units + pack - 1n) / pack) * pack
  return fromUnits(units)
}

/** Whole purchase packs in a base-unit quantity already rounded to the pack size. */
export function packsIn(quantity: Decimal, packSize: OptionalDecimal): string {
  const pack = isSet(packSize) ? toUnits(packSize) : 0n
  return pack > 0n ? fromUnits((toUnits(quantity) * toUnits('1')) / pack) : fromUnits(toUnits(quantity))
}
