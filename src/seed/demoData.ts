/** The demo business: a café group with a central kitchen, two cafés and a dark store. */

export const demoPlans = [
  {
    code: 'starter',
    name: 'Starter',
    limits: { warehouses: 1, activeItems: 500, users: 5, apiCallsPerMonth: 100_000, webhookEndpoints: 1 },
    features: ['csvImport'],
  },
  {
    code: 'growth',
    name: 'Growth',
    limits: { warehouses: 10, activeItems: 10_000, users: 25, apiCallsPerMonth: 1_000_000, webhookEndpoints: 10 },
    features: ['multiWarehouse', 'lots', 'webhooks', 'csvImport', 'advancedReports'],
  },
  {
    code: 'enterprise',
    name: 'Enterprise',
    limits: {},
    features: ['multiWarehouse', 'lots', 'recalls', 'webhooks', 'csvImport', 'forecasting', 'advancedReports'],
  },
] as const

export const demoTenant = {
  name: 'Demo Café Group',
  slug: 'demo-cafe-group',
  planCode: 'growth',
  settings: { currency: 'KES', timezone: 'Africa/Nairobi' },
} as const

export const demoWarehouses = [
  { code: 'CK-01', name: 'Central Kitchen', type: 'central-kitchen', fulfilmentPriority: 10, city: 'Nairobi' },
  { code: 'CAFE-WL', name: 'Café Westlands', type: 'store', fulfilmentPriority: 20, city: 'Nairobi', parentCode: 'CK-01' },
  { code: 'CAFE-KL', name: 'Café Kilimani', type: 'store', fulfilmentPriority: 30, city: 'Nairobi', parentCode: 'CK-01' },
  { code: 'DS-CBD', name: 'Dark Store CBD', type: 'dark-store', fulfilmentPriority: 40, city: 'Nairobi' },
] as const

type DemoItem = {
  sku: string
  name: string
  category: string
  baseUnit: 'each' | 'kg' | 'l'
  unitPrecision: number
  standardCost: number
  case?: { name: string; quantity: number }
  shelfLifeDays?: number
  isLotTracked?: boolean
}

export const demoItems: DemoItem[] = [
  { sku: 'BEANS-ESP', name: 'Espresso beans', category: 'Coffee', baseUnit: 'kg', unitPrecision: 3, standardCost: 1800, case: { name: 'Bag of 5 kg', quantity: 5 } },
  { sku: 'BEANS-FLT', name: 'Filter coffee beans', category: 'Coffee', baseUnit: 'kg', unitPrecision: 3, standardCost: 1500 },
  { sku: 'MILK-WHL', name: 'Whole milk', category: 'Dairy', baseUnit: 'l', unitPrecision: 3, standardCost: 70, shelfLifeDays: 7, isLotTracked: true },
  { sku: 'MILK-OAT', name: 'Oat milk 1 l', category: 'Dairy', baseUnit: 'each', unitPrecision: 0, standardCost: 450, case: { name: 'Case of 6', quantity: 6 }, shelfLifeDays: 180 },
  { sku: 'BUTTER', name: 'Butter', category: 'Dairy', baseUnit: 'kg', unitPrecision: 3, standardCost: 1100, shelfLifeDays: 60, isLotTracked: true },
  { sku: 'CHEESE-CHD', name: 'Cheddar cheese', category: 'Dairy', baseUnit: 'kg', unitPrecision: 3, standardCost: 1400, shelfLifeDays: 90, isLotTracked: true },
  { sku: 'EGGS', name: 'Eggs', category: 'Fresh', baseUnit: 'each', unitPrecision: 0, standardCost: 15, case: { name: 'Tray of 30', quantity: 30 }, shelfLifeDays: 21 },
  { sku: 'FLOUR', name: 'Wheat flour', category: 'Dry goods', baseUnit: 'kg', unitPrecision: 3, standardCost: 120, case: { name: 'Sack of 25 kg', quantity: 25 } },
  { sku: 'SUGAR', name: 'Sugar', category: 'Dry goods', baseUnit: 'kg', unitPrecision: 3, standardCost: 160 },
  { sku: 'TEA-BAGS', name: 'Black tea bags', category: 'Dry goods', baseUnit: 'each', unitPrecision: 0, standardCost: 3, case: { name: 'Box of 100', quantity: 100 } },
  { sku: 'SYRUP-CHOC', name: 'Chocolate syrup', category: 'Syrups', baseUnit: 'l', unitPrecision: 3, standardCost: 900 },
  { sku: 'SYRUP-VAN', name: 'Vanilla syrup', category: 'Syrups', baseUnit: 'l', unitPrecision: 3, standardCost: 850 },
  { sku: 'HAM', name: 'Smoked ham', category: 'Fresh', baseUnit: 'kg', unitPrecision: 3, standardCost: 1300, shelfLifeDays: 14, isLotTracked: true },
  { sku: 'TOMATO', name: 'Tomatoes', category: 'Produce', baseUnit: 'kg', unitPrecision: 3, standardCost: 90, shelfLifeDays: 7 },
  { sku: 'LETTUCE', name: 'Lettuce', category: 'Produce', baseUnit: 'kg', unitPrecision: 3, standardCost: 150, shelfLifeDays: 5 },
  { sku: 'AVOCADO', name: 'Avocado', category: 'Produce', baseUnit: 'each', unitPrecision: 0, standardCost: 25, shelfLifeDays: 7 },
  { sku: 'BREAD-LOAF', name: 'Sourdough loaf', category: 'Bakery', baseUnit: 'each', unitPrecision: 0, standardCost: 180, shelfLifeDays: 3 },
  { sku: 'CROISSANT', name: 'Butter croissant', category: 'Bakery', baseUnit: 'each', unitPrecision: 0, standardCost: 60, shelfLifeDays: 2 },
  { sku: 'MUFFIN-BB', name: 'Blueberry muffin', category: 'Bakery', baseUnit: 'each', unitPrecision: 0, standardCost: 55, shelfLifeDays: 3 },
  { sku: 'WATER-500', name: 'Bottled water 500 ml', category: 'Beverages', baseUnit: 'each', unitPrecision: 0, standardCost: 30, case: { name: 'Case of 24', quantity: 24 } },
  { sku: 'SODA-330', name: 'Soda can 330 ml', category: 'Beverages', baseUnit: 'each', unitPrecision: 0, standardCost: 45, case: { name: 'Case of 24', quantity: 24 } },
  { sku: 'OJ-1L', name: 'Orange juice 1 l', category: 'Beverages', baseUnit: 'each', unitPrecision: 0, standardCost: 220, case: { name: 'Case of 12', quantity: 12 }, shelfLifeDays: 30 },
  { sku: 'CUP-12OZ', name: 'Paper cup 12 oz', category: 'Packaging', baseUnit: 'each', unitPrecision: 0, standardCost: 6, case: { name: 'Sleeve of 50', quantity: 50 } },
  { sku: 'LID-12OZ', name: 'Cup lid 12 oz', category: 'Packaging', baseUnit: 'each', unitPrecision: 0, standardCost: 3, case: { name: 'Sleeve of 100', quantity: 100 } },
]

export const demoSuppliers = [
  { code: 'SUP-HCR', name: 'Highlands Coffee Roasters', currency: 'KES', leadTimeDays: 5, contact: { name: 'Wanjiru Kamau', email: 'orders@highlands-roasters.example' } },
  { code: 'SUP-FDC', name: 'Fresh Dairy Co-op', currency: 'KES', leadTimeDays: 2, contact: { name: 'Otieno Odhiambo', email: 'sales@fresh-dairy.example' } },
] as const

export const demoRoleUsers = [
  { email: 'manager@demo-cafe.example', name: 'Inventory Manager', role: 'inventory-manager' },
  { email: 'buyer@demo-cafe.example', name: 'Buyer', role: 'buyer' },
  { email: 'approver@demo-cafe.example', name: 'Approver', role: 'approver' },
  { email: 'viewer@demo-cafe.example', name: 'Viewer', role: 'viewer' },
] as const

export const demoIntegrationUser = { email: 'integration@demo-cafe.example', name: 'Order service (integration)' } as const

/** A second, small tenant so isolation and the tenant selector can be seen at once. */
export const demoSecondTenant = {
  name: 'Corner Shop Demo',
  slug: 'corner-shop',
  planCode: 'starter',
  warehouse: { code: 'SHOP-01', name: 'Corner Shop', type: 'store', fulfilmentPriority: 10 },
  items: [
    { sku: 'SHOP-MILK', name: 'Milk 500 ml', category: 'Dairy', baseUnit: 'each', unitPrecision: 0, standardCost: 60 },
    { sku: 'SHOP-BREAD', name: 'White bread', category: 'Bakery', baseUnit: 'each', unitPrecision: 0, standardCost: 65 },
    { sku: 'SHOP-RICE', name: 'Rice', category: 'Dry goods', baseUnit: 'kg', unitPrecision: 3, standardCost: 180 },
  ],
} as const
