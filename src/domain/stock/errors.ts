import { ConflictError, DomainError } from '../errors'

export class InsufficientStockError extends ConflictError {
  constructor(
    readonly details: { sku: string; warehouseCode: string; available: string; requested: string; itemId: number; warehouseId: number },
    path?: string,
  ) {
    super(
      'STOCK.INSUFFICIENT',
      `Not enough stock of ${details.sku} at ${details.warehouseCode}: ${details.available} available, ${details.requested} requested`,
      path,
    )
  }
}

export class IdempotencyConflictError extends DomainError {
  constructor(key: string) {
    super('IDEMPOTENCY.CONFLICT', `Idempotency key "${key}" was already used for a different request`, 422)
  }
}
