import type { FieldAccess } from 'payload'

import { isSuperAdminUser } from './tenantMembership'

/** Field-level: only a super-admin may set this field. */
export const isSuperAdminField: FieldAccess = ({ req }) => isSuperAdminUser(req.user)
