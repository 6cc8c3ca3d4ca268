import { describe, expect, it } from 'vitest'

import { inPoolTransaction } from '../../../src/db/transaction'
import { sealLedger } from '../../../src/domain/ledger/seal'
import { verifyLedger } from '../../../src/domain/ledger/verify'
import { findStockDrift } from '../../../src/domain/stock/reconcile'
import { getTestPayload } from '../../helpers/payload'
import { runScript } from '../../helpers/spawnScript'
import { createStockFixture, receive } from '../../helpers/stock'

/** Runs `work` with the append-only trigger off, as someone editing the database behind the app's back would. */
async function behindTheAppsBack(work: (query: (sql: string, values?: unknown[]) => Promise<unknown>) => Promise<void>) {
  const payload = await getTestPayload()
  await inPoolTransaction(payload.db.pool, async (client) => {
    await client.query('ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only')
    await work((sql, values) => client.query(sql, values))
    await client.query('ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_append_only')
  })
}

describe('ledger integrity', () => {
  it('should make the database itself refuse UPDATE, DELETE and TRUNCATE of ledger rows', async () => {
    const payload = await getTestPayload()
    const fixture = await createStockFixture(payload)
    const { entries } = await receive(payload, fixture, { itemId: fixture.items[0].id, warehouseId: fixture.warehouses[0].id, quantity: 3 })
    const id = entries[0].id
    await expect(payload.db.pool.query('UPDATE ledger_entries SET quantity = 30 WHERE id = $1', [id])).rejects.toThrow(/append-only/)
    await expect(payload.db.pool.query('DELETE FROM ledger_entries WHERE id = $1', [id])).rejects.toThrow(/append-only/)
    await expect(payload.db.pool.query('TRUNCATE ledger_entries CASCADE')).rejects.toThrow(/append-only: TRUNCATE refused/)
    const { rows } = await payload.db.pool.query('SELECT quantity FROM ledger_entries WHERE id = $1', [id])
    expect(rows[0].quantity).toBe('3')
  })

  it('should have ledger:verify name an entry altered behind the app’s back, and a seal whose entries changed', async () => {
    const payload = await getTestPayload()
    const fixture = await createStockFixture(payload)
    const { entries } = await receive(payload, fixture, { itemId: fixture.items[0].id, warehouseId: fixture.warehouses[0].id, quantity: 3 })
    const id = Number(entries[0].id)
    await sealLedger({ payload, minAgeSeconds: 0 })
    const clean = await verifyLedger({ payload })
    expect(clean.firstTamperedEntry).toBeNull()
    expect(clean.firstTamperedSeal).toBeNull()
    expect(clean.sealsChecked).toBeGreaterThan(0)

    const original = entries[0]
    try {
      await behindTheAppsBack((query) => query('UPDATE ledger_entries SET quantity = 300 WHERE id = $1', [id]) as Promise<any>)
      const tampered = await verifyLedger({ payload })
      expect(tampered.firstTamperedEntry).toEqual({ id, reason: 'content does not match its hash' })
      const cli = await runScript('scripts/ledgerVerify.ts', { DATABASE_URL: process.env.DATABASE_URL, PAYLOAD_SECRET: 'x', PAYLOAD_DB_PUSH: 'false' })
      expect(cli.code).toBe(1)
      expect(cli.stdout).toContain(`TAMPERED entry ${id}`)

      // A forger who also rewrites the entry's hash is caught by the seal over it.
      await behindTheAppsBack((query) => query(`UPDATE ledger_entries SET hash = repeat('0', 64) WHERE id = $1`, [id]) as Promise<any>)
      const forged = await verifyLedger({ payload })
      expect(forged.firstTamperedSeal?.reason).toBe('root hash does not match the entries it covers')
    } finally {
      await behindTheAppsBack((query) => query('UPDATE ledger_entries SET quantity = $2, hash = $3 WHERE id = $1', [id, original.quantity, original.hash]) as Promise<any>)
    }
    expect((await verifyLedger({ payload })).firstTamperedEntry).toBeNull()
  })

  it('should find no drift after postings, and report a balance edited behind the app’s back', async () => {
    const payload = await getTestPayload()
    const fixture = await createStockFixture(payload)
    const [item] = fixture.items
    const [warehouse] = fixture.warehouses
    await receive(payload, fixture, { itemId: item.id, warehouseId: warehouse.id, quantity: 9 })
    expect(await findStockDrift({ payload, tenantId: fixture.tenantId })).toEqual([])
    await payload.db.pool.query('UPDATE stock_levels SET on_hand = 8, available = 8 WHERE item_id = $1', [item.id])
    try {
      const drift = await findStockDrift({ payload, tenantId: fixture.tenantId })
      expect(drift).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'level', field: 'onHand', expected: '9', actual: '8' })]))
      const cli = await runScript('scripts/stockReconcile.ts', { DATABASE_URL: process.env.DATABASE_URL, PAYLOAD_SECRET: 'x', PAYLOAD_DB_PUSH: 'false' }, { timeoutMs: 60_000 })
      expect(cli.code).toBe(1)
      expect(cli.stdout).toContain(`item ${item.id} warehouse ${warehouse.id}: level onHand expected 9, stored 8`)
    } finally {
      await payload.db.pool.query('UPDATE stock_levels SET on_hand = 9, available = 9 WHERE item_id = $1', [item.id])
    }
  })
})
