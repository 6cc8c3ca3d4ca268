import type { PayloadRequest } from 'payload'

import { fromUnits, toUnits } from '../stock/decimal'
import type { Movement } from '../stock/postMovements'
import { findKits } from './explode'
import { componentUnits, kitReasonCode, type Kit } from './kitQuantities'

/**
 * Sales and consumption of a kit (an item with an active BOM) move its components instead: each kit movement
 * becomes one movement per component — same locations, type and reference, the quantity exploded through nested
 * BOMs and rounded up to the component's precision, and the reason code `kit:<KIT-SKU>` naming what consumed it.
 * Other movements pass through unchanged. `movementIndex` maps each result back to the movement it came from.
 */
export async function expandKitMovements({ req, tenantId, movements }: { req: PayloadRequest; tenantId: number; movements: Movement[] }) {
  const { kits } = await findKits({ req, tenantId, itemIds: movements.map((movement) => Number(movement.itemId)) })
  const expanded: (Movement & { movementIndex: number })[] = movements.flatMap((movement, movementIndex) => {
    const kit = kits.get(Number(movement.itemId))
    if (!kit) return [{ ...movement, movementIndex }]
    return kit.components.map((component) => ({
      ...movement,
      itemId: component.itemId,
      quantity: fromUnits(componentUnits(component, toUnits(movement.quantity))),
      reasonCode: kitReasonCode(kit.sku),
      movementIndex,
    }))
  })
  return { movements: expanded, kits: kits as Map<number, Kit> }
}
