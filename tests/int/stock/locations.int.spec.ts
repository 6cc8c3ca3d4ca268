import { describe, expect, it } from 'vitest'

import { apiClient, loginToken } from '../../helpers/api'
import { useApiServer } from '../../helpers/useApiServer'
import { createTestUser, getTestPayload } from '../../helpers/payload'
import { createStockFixture } from '../../helpers/stock'

const api = useApiServer()

describe('location tree', () => {
  it('should give every tenant its virtual locations and every warehouse Stock, Quarantine and Inbound transit', async () => {
    const payload = await getTestPayload()
    const fixture = await createStockFixture(payload, { warehouses: ['CK-01'] })
    const { docs } = await payload.find({ collection: 'locations', where: { tenant: { equals: fixture.tenantId } }, limit: 100, sort: 'path' })
    expect(docs.map((doc) => `${doc.path}:${doc.kind}`)).toEqual([
      'CK-01/INBOUND:transit',
      'CK-01/QUARANTINE:quarantine',
      'CK-01/STOCK:internal',
      'VIRTUAL/ADJUSTMENT:adjustment',
      'VIRTUAL/CUSTOMER:customer',
      'VIRTUAL/PRODUCTION:production',
      'VIRTUAL/SCRAP:scrap',
      'VIRTUAL/SUPPLIER:supplier',
    ])
  })

  it('should let a manager add a bin under Stock (taking its kind and path), but not edit system locations', async () => {
    const payload = await getTestPayload()
    const fixture = await createStockFixture(payload, { warehouses: ['CK-01'] })
    const manager = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['inventory-manager'] })
    const client = apiClient(api.url, { token: await loginToken(api.url, manager.email, manager.password) })
    const stock = await fixture.location(fixture.warehouses[0].id, 'internal')
    const zone = await client.post('/api/locations', { tenant: fixture.tenantId, code: 'A', name: 'Aisle A', parent: stock, temperatureClass: 'chilled' })
    expect(zone.status).toBe(201)
    expect(zone.body.doc).toMatchObject({ path: 'CK-01/STOCK/A', kind: 'internal', warehouse: { id: fixture.warehouses[0].id } })
    const bin = await client.post('/api/locations', { tenant: fixture.tenantId, code: '03', name: 'Bin 03', parent: zone.body.doc.id })
    expect(bin.body.doc).toMatchObject({ path: 'CK-01/STOCK/A/03', kind: 'internal' })

    const edit = await client.patch(`/api/locations/${stock}`, { name: 'Renamed' })
    expect([403, 404]).toContain(edit.status)
    expect((await client.delete(`/api/locations/${zone.body.doc.id}`)).status).toBe(403)
  })

  it('should refuse a parent in another tenant', async () => {
    const payload = await getTestPayload()
    const mine = await createStockFixture(payload)
    const theirs = await createStockFixture(payload)
    const manager = await createTestUser(payload, { tenantId: mine.tenantId, roles: ['inventory-manager'] })
    const client = apiClient(api.url, { token: await loginToken(api.url, manager.email, manager.password) })
    const response = await client.post('/api/locations', { tenant: mine.tenantId, code: 'X', name: 'X', parent: await theirs.location(theirs.warehouses[0].id, 'internal') })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].code).toBe('LOCATION.PARENT_INVALID')
  })
})
