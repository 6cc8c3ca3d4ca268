/** How an item's stock is valued: per tenant (settings.costingMethod), overridable per item before its first movement. */
export const COSTING_METHODS = [
  { label: 'FIFO (first in, first out)', value: 'fifo' },
  { label: 'Weighted average', value: 'weighted-average' },
] as const
export type CostingMethod = (typeof COSTING_METHODS)[number]['value']
export const DEFAULT_COSTING_METHOD: CostingMethod = 'fifo'
