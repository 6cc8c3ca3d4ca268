export const ROLES = ['admin', 'inventory-manager', 'buyer', 'approver', 'viewer', 'integration'] as const

export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  'inventory-manager': 'Inventory manager',
  buyer: 'Buyer',
  approver: 'Approver',
  viewer: 'Viewer',
  integration: 'Integration (API key)',
}
