import { slugs } from '../../../collections/slugs'
import { documentImport, referenceTo, type DocumentTarget } from './documents'
import { CellError, parseBoolean, parseDecimal, required } from './values'

const supplierKey = (code: string) => `supplier:${code}`

/**
 * Suppliers and their catalogue lines. A row without a SKU is the supplier itself (created or updated by code); a
 * row with one is a catalogue line of that supplier for the item (created or updated by supplier + SKU). A line
 * may name a supplier created by an earlier row of the same file.
 */
export const suppliersImport = documentImport({
  kind: 'suppliers',
  label: 'Suppliers and catalogue lines',
  description: 'Suppliers (rows without a SKU) and what they sell: supplier SKU, pack size, price, minimum order, lead time, preferred.',
  access: { area: 'purchasing', action: 'create' },
  columns: [
    { field: 'supplier', header: 'supplier', aliases: ['supplier code', 'vendor', 'vendor code'], isRequired: true, example: 'SUP-HCR', description: 'Supplier code' },
    { field: 'supplierName', header: 'supplier_name', aliases: ['vendor name'], example: 'Highlands Coffee Roasters', description: 'Required for a new supplier (rows without a SKU)' },
    { field: 'currency', header: 'currency', example: 'KES', description: 'ISO 4217 code, supplier rows' },
    { field: 'paymentTerms', header: 'payment_terms', aliases: ['terms'], example: '30 days net', description: 'Supplier rows' },
    { field: 'sku', header: 'sku', aliases: ['item code', 'item'], example: 'BEANS-ESP', description: 'Empty for a supplier row; an existing item for a catalogue line' },
    { field: 'supplierSku', header: 'supplier_sku', aliases: ['vendor sku', 'their sku'], example: 'HCR-ESP-1KG', description: 'The supplier’s own code' },
    { field: 'packSize', header: 'pack_size', aliases: ['case size', 'pack'], example: '12', description: 'Base units in one purchase pack' },
    { field: 'purchaseUnit', header: 'purchase_unit', aliases: ['pack name'], example: 'case of 12', description: 'What one pack is called' },
    { field: 'unitPrice', header: 'unit_price', aliases: ['price', 'pack price', 'cost'], example: '1450', description: 'Price of one pack in the supplier’s currency; required for a new line' },
    { field: 'minimumOrderQuantity', header: 'minimum_order_quantity', aliases: ['moq'], example: '2', description: 'In packs' },
    { field: 'leadTimeDays', header: 'lead_time_days', aliases: ['lead time'], example: '5', description: 'Days (supplier default or per line)' },
    { field: 'isPreferred', header: 'is_preferred', aliases: ['preferred'], example: 'true', description: 'Preferred supplier for this item' },
    { field: 'active', header: 'active', example: 'true', description: 'Supplier rows: true | false' },
  ],
  keyOf: (row) => (row.values.sku ? `${row.values.supplier ?? ''}|${row.values.sku}` : supplierKey(row.values.supplier ?? '')),
  targetOf: (row, references): DocumentTarget => {
    const { values } = row
    const code = required('supplier', values.supplier)
    const number = (field: string, header: string, min = 0) => (values[field] ? Number(parseDecimal(header, values[field], { min })) : undefined)
    const set = (entries: [string, string | number | boolean | undefined][]) => Object.fromEntries(entries.filter(([, value]) => value !== undefined)) as DocumentTarget['values']
    if (!values.sku) {
      if (values.currency && !/^[A-Za-z]{3}$/.test(values.currency)) throw new CellError('currency', values.currency, 'IMPORT.CURRENCY', `"${values.currency}" is not a three-letter currency code`)
      return {
        collection: slugs.suppliers,
        key: supplierKey(code),
        keyLabel: 'supplier',
        match: { code: { equals: code } },
        values: set([
          ['code', code],
          ['name', values.supplierName || undefined],
          ['currency', values.currency?.toUpperCase()],
          ['paymentTerms', values.paymentTerms || undefined],
          ['leadTimeDays', number('leadTimeDays', 'lead_time_days')],
          ['active', values.active ? parseBoolean('active', values.active) === 'true' : undefined],
        ]),
        requiredToCreate: ['name'],
      }
    }
    const itemId = referenceTo(references.items, 'sku', values.sku, 'item with SKU', 'IMPORT.UNKNOWN_SKU')
    return {
      collection: slugs.supplierItems,
      key: `${code}|${values.sku}`,
      keyLabel: 'supplier + sku',
      match: { and: [{ 'supplier.code': { equals: code } }, { item: { equals: itemId } }] },
      values: set([
        ['item', itemId],
        ['supplierSku', values.supplierSku || undefined],
        ['packSize', number('packSize', 'pack_size', 0.0001)],
        ['purchaseUnit', values.purchaseUnit || undefined],
        ['unitPrice', number('unitPrice', 'unit_price')],
        ['minimumOrderQuantity', number('minimumOrderQuantity', 'minimum_order_quantity')],
        ['leadTimeDays', number('leadTimeDays', 'lead_time_days')],
        ['isPreferred', values.isPreferred ? parseBoolean('is_preferred', values.isPreferred) === 'true' : undefined],
      ]),
      requiredToCreate: ['unitPrice'],
      dependsOn: {
        field: 'supplier',
        collection: slugs.suppliers,
        match: { code: { equals: code } },
        isStored: references.suppliers.has(code),
        plannedKey: supplierKey(code),
        missing: { column: 'supplier', value: code, code: 'IMPORT.UNKNOWN_SUPPLIER', message: `No supplier ${code} (in the database or on an earlier row)` },
      },
    }
  },
})
