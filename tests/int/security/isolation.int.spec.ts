import { formatNames, type Payload, type SanitizedConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ACCESS_MATRIX, SERVER_ONLY, type Area } from '../../../src/access/matrix'
import { ROLES, type Role } from '../../../src/access/roles'
import { slugs } from '../../../src/collections/slugs'
import { startJobRuntime, type JobRuntime } from '../../../src/jobs/runtime'
import { startApiServer } from '../../helpers/httpServer'
import { createTestTenant, createTestUser, getTestPayload, uniqueSuffix } from '../../helpers/payload'
import { FIXTURES } from './fixtures'

/**
 * Tenant isolation, generated from the config: every collection scoped by tenant (a `tenant` field, the users'
 * memberships, the tenants themselves) and every custom endpoint is attacked by each role of tenant A — over REST
 * and GraphQL, with a session (JWT) and with an API key — against tenant B's documents. Nothing of B may be
 * returned or changed. Then each role's rights inside its own tenant are compared with the access matrix.
 */
process.env.RATE_LIMIT_PER_MINUTE = '1000000'

type Scoped = { slug: string; tenantPath: 'id' | 'tenant' | 'tenants.tenant'; area: Area }
type Principal = { label: string; role: Role; headers: Record<string, string>; userId: number | string }
type Finding = { principal: string; collection: string; operation: string; detail: string }

const AREA_BY_COLLECTION: Record<string, Area | undefined> = {}

let payload: Payload
let config: SanitizedConfig
let api: Awaited<ReturnType<typeof startApiServer>>
let jobs: JobRuntime
let scoped: Scoped[]
let tenantA: { id: number }
let tenantB: { id: number }
const markerB = `bmark${uniqueSuffix()}`
const docsB = new Map<string, (number | string)[]>()
const leaks: Finding[] = []
const mismatches: Finding[] = []
const operations = new Set<string>()
const principals: Principal[] = []
let checks = 0

/** Collections whose rows belong to a tenant, and how. Read from the config, never listed by hand. */
function tenantScopedCollections(sanitized: SanitizedConfig): Omit<Scoped, 'area'>[] {
  return sanitized.collections.flatMap((collection): Omit<Scoped, 'area'>[] => {
    if (collection.slug === slugs.tenants) return [{ slug: collection.slug, tenantPath: 'id' as const }]
    if (collection.slug === sanitized.admin.user) return [{ slug: collection.slug, tenantPath: 'tenants.tenant' as const }]
    const hasTenantField = collection.fields.some(
      (field) => 'name' in field && field.name === 'tenant' && field.type === 'relationship' && field.relationTo === slugs.tenants,
    )
    return hasTenantField ? [{ slug: collection.slug, tenantPath: 'tenant' as const }] : []
  })
}

/** Relationship fields pointing at another tenant-scoped collection (those an attacker would aim at B's rows). */
function tenantRelationships(slug: string): { name: string; relationTo: string; hasMany: boolean }[] {
  const collection = config.collections.find((each) => each.slug === slug)!
  const scopedSlugs = scoped.filter((each) => each.tenantPath === 'tenant').map((each) => each.slug)
  return collection.fields.flatMap((field) =>
    field.type === 'relationship' && field.name !== 'tenant' && typeof field.relationTo === 'string' && scopedSlugs.includes(field.relationTo)
      ? [{ name: field.name, relationTo: field.relationTo, hasMany: Boolean(field.hasMany) }]
      : [],
  )
}

async function createFixture(slug: string, tenantId: number | string, marker: string): Promise<{ id: number | string }> {
  const fixture = FIXTURES[slug]
  const context = { payload, tenantId, suffix: uniqueSuffix(), marker }
  if (fixture.create) return fixture.create(context)
  return payload.create({ collection: slug as any, data: (await fixture.build(context)) as any, overrideAccess: true })
}

/**
 * Collections that workers of any test process keep writing in the background (dispatch marks, delivery attempts,
 * alert evaluations, import/export progress): left out of the "B unchanged" snapshot; every attack on them is still
 * checked operation by operation.
 */
const BACKGROUND_WRITTEN = new Set<string>([slugs.outbox, slugs.webhookDeliveries, slugs.reorderAlerts, slugs.importJobs, slugs.exportJobs])

/** Everything of B that an attack could change, including what the API never shows (password hashes, key indexes). */
async function snapshotB(): Promise<string> {
  const parts: unknown[] = []
  for (const { slug, tenantPath } of scoped.filter(({ slug }) => !BACKGROUND_WRITTEN.has(slug))) {
    const { docs } = await payload.find({
      collection: slug as any,
      where: { [tenantPath]: { equals: tenantB.id } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      showHiddenFields: true,
      sort: 'id',
    })
    parts.push([slug, docs])
  }
  const { rows } = await payload.db.pool.query(
    `SELECT u.id, u.hash, u.salt, u.api_key_index, u.enable_a_p_i_key, u.is_super_admin, u.email
       FROM users u WHERE u.id IN (SELECT _parent_id FROM users_tenants WHERE tenant_id = $1) ORDER BY u.id`,
    [tenantB.id],
  )
  parts.push(['users (raw)', rows])
  return JSON.stringify(parts)
}

/**
 * Waits until background work on B's fixtures (imports validating, outbox dispatch, alerts evaluated by any test
 * process's workers) has finished: two snapshots a few seconds apart are the same. Attacks start from there.
 */
async function quietSnapshotB(timeoutMs = 120_000): Promise<string> {
  const deadline = Date.now() + timeoutMs
  let previous = await snapshotB()
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 3_000))
    const current = await snapshotB()
    if (current === previous) return current
    previous = current
  }
  throw new Error(`tenant B's data kept changing for ${timeoutMs} ms before the attacks`)
}

/** The collections whose documents differ between two snapshots, to say what an attack changed. */
function changedCollections(before: string, after: string): string[] {
  const a = new Map(JSON.parse(before) as [string, unknown][])
  return (JSON.parse(after) as [string, unknown][]).filter(([slug, docs]) => JSON.stringify(a.get(slug)) !== JSON.stringify(docs)).map(([slug]) => slug)
}

async function http(principal: Principal, method: string, path: string, body?: unknown) {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: { ...principal.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  let json: any = null
  try {
    json = JSON.parse(text)
  } catch {
    json = null
  }
  return { status: response.status, text, json }
}

function record(list: Finding[], principal: Principal, collection: string, operation: string, detail: string) {
  list.push({ principal: principal.label, collection, operation, detail })
}

/** One attack: `isLeak` decides from the answer whether anything of B got out or through. */
function check(principal: Principal, collection: string, operation: string, isLeak: boolean, detail: string) {
  operations.add(operation)
  checks += 1
  if (isLeak) record(leaks, principal, collection, operation, detail)
}

const containsB = (slug: string, text: string, ids: unknown[]) =>
  text.includes(markerB) || ids.some((id) => (docsB.get(slug) ?? []).map(String).includes(String(id)))

const isRefusal = (status: number) => status >= 400 && status < 500

async function attackOverRest(principal: Principal, { slug, tenantPath }: Scoped) {
  const [idB] = docsB.get(slug)!
  const list = await http(principal, 'GET', `/api/${slug}?limit=1000&depth=0`)
  check(principal, slug, 'rest.list', list.status >= 500 || containsB(slug, list.text, list.json?.docs?.map((doc: any) => doc.id) ?? []), `${list.status}`)

  const where = await http(principal, 'GET', `/api/${slug}?depth=0&where[${tenantPath}][equals]=${tenantB.id}`)
  check(principal, slug, 'rest.where', where.status >= 500 || containsB(slug, where.text, where.json?.docs?.map((doc: any) => doc.id) ?? []), `${where.status}`)

  const byIds = await http(principal, 'GET', `/api/${slug}?depth=0&where[id][in]=${docsB.get(slug)!.join(',')}`)
  check(principal, slug, 'rest.whereIds', byIds.status >= 500 || (byIds.json?.docs?.length ?? 0) > 0, `${byIds.status}`)

  const read = await http(principal, 'GET', `/api/${slug}/${idB}?depth=0`)
  check(principal, slug, 'rest.read', !isRefusal(read.status), `${read.status} ${read.text.slice(0, 120)}`)

  const update = await http(principal, 'PATCH', `/api/${slug}/${idB}`, FIXTURES[slug].patch)
  check(principal, slug, 'rest.update', !isRefusal(update.status), `${update.status} ${update.text.slice(0, 120)}`)

  const bulkUpdate = await http(principal, 'PATCH', `/api/${slug}?where[id][equals]=${idB}`, FIXTURES[slug].patch)
  check(principal, slug, 'rest.bulkUpdate', bulkUpdate.status >= 500 || (bulkUpdate.json?.docs?.length ?? 0) > 0, `${bulkUpdate.status}`)

  const remove = await http(principal, 'DELETE', `/api/${slug}/${idB}`)
  check(principal, slug, 'rest.delete', !isRefusal(remove.status), `${remove.status} ${remove.text.slice(0, 120)}`)

  const bulkDelete = await http(principal, 'DELETE', `/api/${slug}?where[id][equals]=${idB}`)
  check(principal, slug, 'rest.bulkDelete', bulkDelete.status >= 500 || (bulkDelete.json?.docs?.length ?? 0) > 0, `${bulkDelete.status}`)

  const intoB = (await FIXTURES[slug].build({ payload, tenantId: tenantB.id, suffix: uniqueSuffix(), marker: markerB }))
  const createInB = await http(principal, 'POST', `/api/${slug}`, intoB)
  check(principal, slug, 'rest.createInB', !isRefusal(createInB.status), `${createInB.status} ${createInB.text.slice(0, 160)}`)

  for (const relation of tenantRelationships(slug)) {
    const [targetB] = docsB.get(relation.relationTo)!
    const data = { ...(await FIXTURES[slug].build({ payload, tenantId: tenantA.id, suffix: uniqueSuffix(), marker: 'amark' })), [relation.name]: relation.hasMany ? [targetB] : targetB }
    const pointing = await http(principal, 'POST', `/api/${slug}`, data)
    // B's own rows may point at B's documents; only a row outside B pointing at them is a leak.
    const { totalDocs } = await payload.count({
      collection: slug as any,
      where: { [relation.name]: { equals: targetB }, [tenantPath]: { not_equals: tenantB.id } },
      overrideAccess: true,
    })
    check(principal, slug, 'rest.createPointingAtB', !isRefusal(pointing.status) || totalDocs > 0, `${relation.name} → ${relation.relationTo}: ${pointing.status}`)
  }
}

type GraphQLNames = { plural: string; singular: string; createInput?: string; updateInput?: string }

async function graphql(principal: Principal, query: string, variables: Record<string, unknown> = {}) {
  const response = await http(principal, 'POST', '/api/graphql', { query, variables })
  return { status: response.status, text: response.text, data: response.json?.data, errors: response.json?.errors }
}

async function graphQLNames(principal: Principal): Promise<Map<string, GraphQLNames>> {
  const introspection = await graphql(principal, `{ __schema { queryType { fields { name } } mutationType { fields { name args { name type { kind name ofType { name } } } } } } }`)
  const queries: string[] = introspection.data.__schema.queryType.fields.map((field: { name: string }) => field.name)
  const mutations: any[] = introspection.data.__schema.mutationType.fields
  const inputOf = (name: string) => {
    const arg = mutations.find((field) => field.name === name)?.args.find((each: any) => each.name === 'data')
    return arg?.type.ofType?.name ?? arg?.type.name
  }
  return new Map(
    scoped.map(({ slug }) => {
      const names = formatNames(slug)
      const plural = names.singular === names.plural ? `all${names.singular}` : names.plural
      if (!queries.includes(plural) || !queries.includes(names.singular)) throw new Error(`No GraphQL queries ${plural}/${names.singular} for ${slug}`)
      return [slug, { plural, singular: names.singular, createInput: inputOf(`create${names.singular}`), updateInput: inputOf(`update${names.singular}`) }]
    }),
  )
}

async function attackOverGraphQL(principal: Principal, { slug }: Scoped, names: GraphQLNames) {
  const [idB] = docsB.get(slug)!
  const list = await graphql(principal, `{ ${names.plural}(limit: 1000) { docs { id } } }`)
  check(principal, slug, 'graphql.list', list.status >= 500 || containsB(slug, list.text, list.data?.[names.plural]?.docs?.map((doc: any) => doc.id) ?? []), `${list.status}`)

  const where = await graphql(principal, `{ ${names.plural}(where: { id: { in: [${docsB.get(slug)!.join(', ')}] } }) { docs { id } } }`)
  check(principal, slug, 'graphql.where', where.status >= 500 || (where.data?.[names.plural]?.docs?.length ?? 0) > 0, `${where.status} ${where.text.slice(0, 160)}`)

  const read = await graphql(principal, `{ ${names.singular}(id: ${idB}) { id } }`)
  check(principal, slug, 'graphql.read', Boolean(read.data?.[names.singular]?.id), read.text.slice(0, 160))

  if (names.updateInput) {
    const update = await graphql(principal, `mutation($data: ${names.updateInput}!) { update${names.singular}(id: ${idB}, data: $data) { id } }`, { data: FIXTURES[slug].patch })
    check(principal, slug, 'graphql.update', Boolean(update.data?.[`update${names.singular}`]?.id), update.text.slice(0, 160))
  }

  const remove = await graphql(principal, `mutation { delete${names.singular}(id: ${idB}) { id } }`)
  check(principal, slug, 'graphql.delete', Boolean(remove.data?.[`delete${names.singular}`]?.id), remove.text.slice(0, 160))

  if (names.createInput) {
    const data = (await FIXTURES[slug].build({ payload, tenantId: tenantB.id, suffix: uniqueSuffix(), marker: markerB }))
    const create = await graphql(principal, `mutation($data: ${names.createInput}!) { create${names.singular}(data: $data) { id } }`, { data })
    check(principal, slug, 'graphql.createInB', Boolean(create.data?.[`create${names.singular}`]?.id), create.text.slice(0, 160))
  }
}

const DEFAULT_COLLECTION_ENDPOINTS = new Set(
  ['post /:id/duplicate', 'get /count', 'post /', 'delete /', 'delete /:id', 'post /access/:id?', 'get /versions', 'get /', 'get /:id', 'get /versions/:id', 'post /versions/:id', 'patch /', 'patch /:id'].concat(
    ['post /forgot-password', 'get /init', 'post /login', 'post /logout', 'get /me', 'post /refresh-token', 'post /first-register', 'post /reset-password', 'post /unlock', 'post /verify/:id'],
  ),
)
const DEFAULT_ROOT_ENDPOINTS = new Set(['get /access'])

/** Custom endpoints: the config's own and each collection's, with Payload's generated ones left out. */
function customEndpoints(): { collection?: string; method: string; path: string }[] {
  const root = (config.endpoints || [])
    .filter((endpoint) => !DEFAULT_ROOT_ENDPOINTS.has(`${endpoint.method} ${endpoint.path}`))
    .map((endpoint) => ({ method: endpoint.method, path: endpoint.path }))
  // Payload's own internal collections (preferences, locks, migrations) are per user or global, never a tenant's.
  const perCollection = config.collections.filter((collection) => !collection.slug.startsWith('payload-')).flatMap((collection) =>
    (collection.endpoints || [])
      .filter((endpoint) => !DEFAULT_COLLECTION_ENDPOINTS.has(`${endpoint.method} ${endpoint.path}`))
      .map((endpoint) => ({ collection: collection.slug, method: endpoint.method, path: endpoint.path })),
  )
  return [...root, ...perCollection]
}

async function attackEndpoints(principal: Principal) {
  for (const endpoint of customEndpoints()) {
    const target = endpoint.collection ? docsB.get(endpoint.collection)?.[0] : undefined
    const path = endpoint.path.replace(':id', String(target ?? tenantB.id))
    const url = `/api${endpoint.collection ? `/${endpoint.collection}` : ''}${path}`
    const response = await http(principal, endpoint.method.toUpperCase(), url, endpoint.method === 'get' ? undefined : {})
    const name = `endpoint ${endpoint.method.toUpperCase()} ${endpoint.collection ? `/${endpoint.collection}` : ''}${endpoint.path}`
    const isAboutB = endpoint.path.includes(':id')
    check(principal, endpoint.collection ?? '(root)', name, response.status >= 500 || response.text.includes(markerB) || (isAboutB && !isRefusal(response.status)), `${response.status} ${response.text.slice(0, 160)}`)
  }
}

async function expectMatrix(principal: Principal, { slug, area }: Scoped, action: 'read' | 'create' | 'update' | 'delete', status: number, detail: string) {
  const rule = (ACCESS_MATRIX[area] as Record<string, readonly Role[] | typeof SERVER_ONLY>)[action]
  const isExpected = rule !== SERVER_ONLY && rule.includes(principal.role)
  const isAllowed = status >= 200 && status < 300
  operations.add(`matrix.${action}`)
  checks += 1
  if (isAllowed && !isExpected) record(leaks, principal, slug, `matrix.${action}`, `allowed, but the matrix says no (${area}.${action}): ${detail}`)
  if (!isAllowed && isExpected) record(mismatches, principal, slug, `matrix.${action}`, `refused (${status}), but the matrix says yes (${area}.${action}): ${detail}`)
  if (!isAllowed && status >= 500) record(leaks, principal, slug, `matrix.${action}`, `server error ${status}: ${detail}`)
}

/** Inside its own tenant, each role may do exactly what the matrix grants. */
async function checkMatrix(principal: Principal, target: Scoped) {
  const { slug } = target
  const own = slug === slugs.tenants ? tenantA : await createFixture(slug, tenantA.id, 'amark')
  const read = await http(principal, 'GET', `/api/${slug}/${own.id}?depth=0`)
  await expectMatrix(principal, target, 'read', read.status, read.text.slice(0, 160))

  const data = (await FIXTURES[slug].build({ payload, tenantId: tenantA.id, suffix: uniqueSuffix(), marker: 'amark' }))
  const create = await http(principal, 'POST', `/api/${slug}`, data)
  await expectMatrix(principal, target, 'create', create.status, create.text.slice(0, 160))

  const update = await http(principal, 'PATCH', `/api/${slug}/${own.id}`, slug === slugs.tenants ? { name: `A ${uniqueSuffix()}` } : FIXTURES[slug].patch)
  await expectMatrix(principal, target, 'update', update.status, update.text.slice(0, 160))

  if (slug === slugs.tenants) {
    const remove = await http(principal, 'DELETE', `/api/${slug}/${tenantA.id}`)
    await expectMatrix(principal, target, 'delete', remove.status, remove.text.slice(0, 160))
    return
  }
  const disposable = await createFixture(slug, tenantA.id, 'amark')
  const remove = await http(principal, 'DELETE', `/api/${slug}/${disposable.id}`)
  await expectMatrix(principal, target, 'delete', remove.status, remove.text.slice(0, 160))
}

async function login(email: string, password: string): Promise<string> {
  const response = await fetch(`${api.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const body = await response.json()
  if (!body.token) throw new Error(`login failed for ${email}: ${JSON.stringify(body)}`)
  return body.token
}

beforeAll(async () => {
  payload = await getTestPayload()
  config = payload.config
  jobs = await startJobRuntime({ payload, connectionString: process.env.DATABASE_URL!, isWorking: false })
  api = await startApiServer()
  const areas = Object.fromEntries(config.collections.map((collection) => [collection.slug, (collection.custom as { accessArea?: Area } | undefined)?.accessArea]))
  Object.assign(AREA_BY_COLLECTION, areas)
  scoped = tenantScopedCollections(config).map((each) => ({ ...each, area: AREA_BY_COLLECTION[each.slug]! }))

  tenantA = (await createTestTenant(payload)) as { id: number }
  tenantB = (await createTestTenant(payload, { name: `${markerB} tenant` })) as { id: number }
  for (const { slug } of scoped) {
    if (!FIXTURES[slug]) continue
    if (slug === slugs.tenants) {
      docsB.set(slug, [tenantB.id])
      continue
    }
    const docs = [await createFixture(slug, tenantB.id, markerB), await createFixture(slug, tenantB.id, markerB)]
    docsB.set(slug, docs.map((doc) => doc.id))
  }
  // B has an admin with an API key too: the most valuable target.
  const adminB = await createTestUser(payload, { tenantId: tenantB.id, roles: ['admin'], withApiKey: true })
  docsB.get(slugs.users)!.push(adminB.user.id)

  for (const role of ROLES.filter((each) => each !== 'integration')) {
    const { user, email, password } = await createTestUser(payload, { tenantId: tenantA.id, roles: [role] })
    principals.push({ label: `${role} (JWT)`, role, userId: user.id, headers: { Authorization: `JWT ${await login(email, password)}` } })
  }
  for (const role of ['integration', 'admin'] as const) {
    const { user, apiKey } = await createTestUser(payload, { tenantId: tenantA.id, roles: [role], withApiKey: true })
    principals.push({ label: `${role} (API key)`, role, userId: user.id, headers: { Authorization: `users API-Key ${apiKey}` } })
  }
}, 120_000)

afterAll(async () => {
  await api?.close()
  await jobs?.stop()
})

describe('tenant isolation (generated from the config)', () => {
  it('should find the tenant-scoped collections in the config, each with a fixture builder and an access area', () => {
    expect(scoped.map(({ slug }) => slug)).toEqual(expect.arrayContaining([slugs.tenants, slugs.users, slugs.items, slugs.warehouses, slugs.suppliers]))
    const withoutFixture = scoped.filter(({ slug }) => !FIXTURES[slug]).map(({ slug }) => slug)
    expect(withoutFixture, `Add a fixture builder to tests/int/security/fixtures.ts for: ${withoutFixture.join(', ')}`).toEqual([])
    const withoutArea = scoped.filter(({ area }) => !area).map(({ slug }) => slug)
    expect(withoutArea, `Declare the access of these collections with ...accessFromMatrix('<area>'): ${withoutArea.join(', ')}`).toEqual([])
  })

  it('should leak nothing of tenant B to any role of tenant A, over REST, GraphQL and custom endpoints, and match the matrix', async () => {
    const names = await graphQLNames(principals[0])
    let before = await quietSnapshotB()
    for (const principal of principals) {
      for (const target of scoped) {
        await attackOverRest(principal, target)
        await attackOverGraphQL(principal, target, names.get(target.slug)!)
      }
      await attackEndpoints(principal)
      const after = await snapshotB()
      check(principal, '(all)', 'tenantB.unchanged', before !== after, `tenant B’s data changed during the attacks: ${before === after ? '' : changedCollections(before, after).join(', ')}`)
      before = after
      for (const target of scoped) await checkMatrix(principal, target)
    }
    const roles = new Set(principals.map(({ role }) => role)).size
    console.log(`isolation: ${scoped.length} collections × ${operations.size} operations × ${roles} roles checked, ${leaks.length} leaks (${checks} checks, ${principals.length} principals)`)
    const describe = (list: Finding[]) => list.map((each) => `${each.principal} ${each.collection} ${each.operation}: ${each.detail}`).join('\n')
    expect(leaks, describe(leaks)).toEqual([])
    expect(mismatches, describe(mismatches)).toEqual([])
  }, 600_000)
})
