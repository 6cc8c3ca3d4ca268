import { describe, expect, it } from 'vitest'

import type { Role } from '../../../src/access/roles'
import { slugs } from '../../../src/collections/slugs'
import { documentActionsFor } from '../../../src/components/DocumentActions/registry'

const userWith = (role: Role) => ({ id: 1, tenants: [{ tenant: 7, roles: [role] }] })
const actionsOf = (role: Role, status: string) => documentActionsFor(slugs.reorderAlerts, userWith(role), { tenant: 7, status }).map((action) => action.action)

describe('reorder alert console buttons', () => {
  it('should offer acknowledge, resolve and draft POs by role and status, as the API allows', () => {
    expect(actionsOf('buyer', 'open')).toEqual(['acknowledge', 'resolve', 'draft-purchase-orders'])
    expect(actionsOf('inventory-manager', 'open')).toEqual(['acknowledge', 'resolve'])
    expect(actionsOf('buyer', 'acknowledged')).toEqual(['resolve', 'draft-purchase-orders'])
    expect(actionsOf('buyer', 'resolved')).toEqual([])
    expect(actionsOf('viewer', 'open')).toEqual([])
    expect(documentActionsFor(slugs.reorderAlerts, userWith('admin'), { tenant: 8, status: 'open' })).toEqual([])
  })
})
