/**
 * The REST query for items whose SKU, barcode/PLU or pack barcode is exactly `code` (what a scanner types), in the
 * console's selected tenant when one is selected; two rows at most, enough to know whether the match is unique.
 */
export function itemLookupQuery({ code, tenantId }: { code: string; tenantId?: number | string | null }): string | null {
  const needle = code.trim()
  if (!needle) return null
  const params = new URLSearchParams({ depth: '0', limit: '2', 'select[sku]': 'true' })
  const fields = ['sku', 'barcodes.code', 'packagings.barcode']
  const prefix = tenantId == null ? 'where' : 'where[and][1]'
  if (tenantId != null) params.set('where[and][0][tenant][equals]', String(tenantId))
  fields.forEach((field, index) => params.set(`${prefix}[or][${index}][${field}][equals]`, needle))
  return params.toString()
}

/** What a scan leads to: the one matching item, or a message saying why it stays on the list. */
export function scanOutcome({ code, docs }: { code: string; docs: { id: number | string }[] }): { itemId: string } | { message: string } {
  if (docs.length === 1) return { itemId: String(docs[0].id) }
  if (docs.length === 0) return { message: `No item has the SKU or barcode “${code.trim()}”.` }
  return { message: `Several items match “${code.trim()}”: pick one in the list.` }
}
