/** Where stock can be: inside a warehouse (counted) or one of the tenant's virtual counterparties. */
export const WAREHOUSE_LOCATION_KINDS = ['internal', 'quarantine', 'transit'] as const
export const VIRTUAL_LOCATION_KINDS = ['supplier', 'customer', 'adjustment', 'scrap', 'production'] as const
export const LOCATION_KINDS = [...WAREHOUSE_LOCATION_KINDS, ...VIRTUAL_LOCATION_KINDS] as const

export type LocationKind = (typeof LOCATION_KINDS)[number]
export type VirtualLocationKind = (typeof VIRTUAL_LOCATION_KINDS)[number]

export function isVirtualKind(kind: LocationKind): kind is VirtualLocationKind {
  return (VIRTUAL_LOCATION_KINDS as readonly string[]).includes(kind)
}

/** What a unit at a location of this kind adds to its warehouse's stock level. */
export function levelEffect(kind: LocationKind): { onHand: number; quarantined: number; inTransit: number } {
  switch (kind) {
    case 'internal':
      return { onHand: 1, quarantined: 0, inTransit: 0 }
    case 'quarantine':
      return { onHand: 1, quarantined: 1, inTransit: 0 }
    case 'transit':
      return { onHand: 0, quarantined: 0, inTransit: 1 }
    default:
      return { onHand: 0, quarantined: 0, inTransit: 0 }
  }
}

export const MOVEMENT_TYPES = [
  'receipt',
  'issue',
  'transfer-out',
  'transfer-in',
  'adjustment',
  'count-variance',
  'quarantine',
  'release',
  'scrap',
  'return',
] as const
export type MovementType = (typeof MOVEMENT_TYPES)[number]

export const ADJUSTMENT_REASONS = [
  { value: 'damage', label: 'Damage' },
  { value: 'shrinkage', label: 'Shrinkage / theft' },
  { value: 'found', label: 'Found' },
  { value: 'spoilage', label: 'Spoilage / waste' },
  { value: 'correction', label: 'Correction' },
  { value: 'opening-balance', label: 'Opening balance' },
  { value: 'count-variance', label: 'Count variance' },
] as const
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number]['value']
