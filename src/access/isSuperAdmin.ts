import type { Access } from 'payload'

import { isSuperAdminUser } from './tenantMembership'

export const isSuperAdmin: Access = ({ req }) => isSuperAdminUser(req.user)
