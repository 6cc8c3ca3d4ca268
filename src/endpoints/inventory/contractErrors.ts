import { toApiError } from '../../api/errorResponse'
import { DomainError } from '../../domain/errors'
import { InsufficientStockError } from '../../domain/stock/errors'
import { InvalidMovementError } from '../../domain/inventoryContract/movements'

/**
 * The order-service contract's error shape `{ error: { code, message, details? } }` with seed 002's codes where one
 * applies (an insufficient stock is a 409, as the reservation contract says); other errors keep their own code.
 */
export function contractErrorResponse(error: unknown, logger?: { error: (arg: unknown) => void }): Response {
  const answer = (status: number, code: string, message: string, details?: Record<string, unknown>) =>
    Response.json({ error: { code, message, ...(details ? { details } : {}) } }, { status })
  if (error instanceof InsufficientStockError) {
    const { sku, warehouseCode, available, requested } = error.details
    return answer(409, 'INVENTORY_INSUFFICIENT_STOCK', error.message, { sku, store: warehouseCode, available: Number(available), requested: Number(requested), path: error.path })
  }
  if (error instanceof InvalidMovementError) return answer(400, 'INVENTORY_INVALID_MOVEMENT', error.message, { path: error.path })
  if (error instanceof DomainError && error.status === 404) return answer(404, 'INVENTORY_NOT_FOUND', error.message, { path: error.path })
  if (error instanceof DomainError && error.status === 400 && error.code !== 'VALIDATION.MALFORMED_JSON' && !error.code.startsWith('AUTH')) {
    return answer(400, 'INVENTORY_VALIDATION_ERROR', error.message, { path: error.path, reason: error.code })
  }
  const { status, body } = toApiError(error)
  const [first] = body.errors
  if (status >= 500) {
    logger?.error(error)
    return answer(500, 'INVENTORY_DATABASE_ERROR', first.message)
  }
  if (first.code.startsWith('VALIDATION.')) return answer(400, 'INVENTORY_VALIDATION_ERROR', first.message, { reason: first.code, path: first.path })
  return answer(status, first.code, first.message)
}
