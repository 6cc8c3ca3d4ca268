import { ValidationError } from '../errors'
import type { ReceiptLineInput } from './receiveGoods'

const optionalId = (value: unknown) => (value === undefined || value === null || value === '' ? null : Number(value))

/** Receipt lines as the REST API takes them (the goods-receipts field names) → the domain's input. */
export function receiptLinesFromBody(lines: unknown): ReceiptLineInput[] {
  if (!Array.isArray(lines) || lines.length === 0) throw new ValidationError('VALIDATION.EMPTY', 'Give at least one line to receive', 'lines')
  return lines.map((line, index) => {
    if (!line || typeof line !== 'object') throw new ValidationError('VALIDATION.LINE', 'Each line is an object', `lines.${index}`)
    const row = line as Record<string, unknown>
    return {
      itemId: Number(row.item),
      quantity: row.quantity as number | string,
      lotNumber: (row.lotNumber as string | undefined) ?? null,
      expiryDate: (row.expiryDate as string | undefined) || null,
      locationId: optionalId(row.location),
      purchaseOrderLineId: (row.purchaseOrderLine as string | undefined) || null,
      unitCost: (row.unitCost as number | string | undefined) ?? null,
    }
  })
}
