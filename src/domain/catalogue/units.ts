export const BASE_UNITS = [
  { label: 'each', value: 'each' },
  { label: 'kg', value: 'kg' },
  { label: 'g', value: 'g' },
  { label: 'l', value: 'l' },
  { label: 'ml', value: 'ml' },
  { label: 'm', value: 'm' },
  { label: 'cm', value: 'cm' },
] as const
