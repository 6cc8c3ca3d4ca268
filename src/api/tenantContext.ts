import type { PayloadRequest } from 'payload'
import { getTenantFromCookie } from '@payloadcms/plugin-multi-tenant/utilities'

import { isSuperAdminUser, tenantIdsWithRole, type TenantAwareUser } from '../access/tenantMembership'
import type { Role } from '../access/roles'
import { ForbiddenError, ValidationError } from '../domain/errors'
import { slugs } from '../collections/slugs'

/**
 * The tenant a request acts for: the caller's only tenant, or the one named by `?tenant=<slug>` / the
 * `X-Tenant` header, or else the tenant selected in the console (the multi-tenant plugin's cookie) — one of them is
 * required when the caller belongs to several. The caller must hold one of `roles` there. `tenantSlug` names the
 * tenant explicitly (a GraphQL argument) and wins over the URL and header.
 */
export async function resolveTenantId(req: PayloadRequest, roles: readonly Role[], tenantSlug?: string | null): Promise<number> {
  const user = req.user as TenantAwareUser | null
  if (!user) throw new ForbiddenError('Log in or send an API key.')
  const requested = tenantSlug || (new URL(req.url ?? 'http://x').searchParams.get('tenant') ?? req.headers.get('x-tenant'))
  const memberOf = tenantIdsWithRole(user, roles).map(Number)
  if (!requested) {
    if (memberOf.length === 1) return memberOf[0]
    const selected = Number(getTenantFromCookie(req.headers, 'number'))
    if (Number.isInteger(selected) && (memberOf.includes(selected) || isSuperAdminUser(user))) return selected
    if (memberOf.length === 0 && !isSuperAdminUser(user)) throw new ForbiddenError('Your role does not allow this in any of your tenants.')
    throw new ValidationError('TENANT.REQUIRED', 'Name the tenant with ?tenant=<slug> or the X-Tenant header.')
  }
  const { docs } = await req.payload.find({
    collection: slugs.tenants,
    where: { slug: { equals: requested } },
    limit: 1,
    depth: 0,
    req,
    overrideAccess: true,
  })
  const tenantId = docs[0] ? Number(docs[0].id) : undefined
  if (tenantId === undefined || !(isSuperAdminUser(user) || memberOf.includes(tenantId))) {
    throw new ForbiddenError(`You have no access to tenant "${requested}" for this.`)
  }
  return tenantId
}
