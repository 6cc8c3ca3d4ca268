import type { CollectionBeforeLoginHook } from 'payload'

import { isIntegrationOnlyUser } from '../../../access/tenantMembership'
import { DomainError } from '../../../domain/errors'

/** Integration users authenticate with their API key only: a password login is refused even when the password is right. */
export const refusePasswordLoginForIntegrations: CollectionBeforeLoginHook = ({ user }) => {
  if (isIntegrationOnlyUser(user)) {
    throw new DomainError('AUTH.PASSWORD_LOGIN_DISABLED', 'Integration users sign in with their API key (Authorization: users API-Key <key>), not a password.', 403)
  }
  return user
}
