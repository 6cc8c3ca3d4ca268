import { describe, expect, it } from 'vitest'

import { useApiServer } from '../../helpers/useApiServer'
import { setUpReservations } from './helpers'

const server = useApiServer()

// A file of the serial pass (vitest.config.ts): it adds a trigger to stock_levels for a moment, which takes a lock
// on the whole table that no other file's stock writes should have to wait for.
describe('a new reservation and its stock-level lock', () => {
  it('should write the reservation, its lines, allocation, history and event before taking the stock-level lock (hot rows last)', async () => {
    const { api, fixture, payload } = await setUpReservations(server.url, { stock: [{ item: 0, warehouse: 0, quantity: 10 }] })
    const pool = payload.db.pool
    const probe = `qm_test_lock_probe_${fixture.tenantId}`
    // A trigger on this tenant's stock levels records what of the reservation already exists when the posting reaches the level row.
    await pool.query(`CREATE TABLE ${probe} (lines bigint, allocations bigint, history bigint, events bigint)`)
    await pool.query(`CREATE FUNCTION ${probe}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF NEW.tenant_id = ${fixture.tenantId} THEN
        INSERT INTO ${probe} SELECT
          (SELECT count(*) FROM reservations_lines l JOIN reservations r ON r.id = l._parent_id WHERE r.tenant_id = NEW.tenant_id),
          (SELECT count(*) FROM reservations_lines_allocations a JOIN reservations_lines l ON l.id = a._parent_id JOIN reservations r ON r.id = l._parent_id WHERE r.tenant_id = NEW.tenant_id),
          (SELECT count(*) FROM reservations_history h JOIN reservations r ON r.id = h._parent_id WHERE r.tenant_id = NEW.tenant_id),
          (SELECT count(*) FROM outbox WHERE tenant_id = NEW.tenant_id AND event_type = 'inventory.stock.reserved');
      END IF;
      RETURN NEW;
    END $$`)
    await pool.query(`CREATE TRIGGER ${probe} BEFORE INSERT OR UPDATE ON stock_levels FOR EACH ROW EXECUTE FUNCTION ${probe}()`)
    try {
      const created = await api.post('/api/reservations', { lines: [{ item: fixture.items[0].id, quantity: 3 }] })
      expect(created.status).toBe(201)
      const { rows } = await pool.query(`SELECT lines::int, allocations::int, history::int, events::int FROM ${probe}`)
      expect(rows).toEqual([{ lines: 1, allocations: 1, history: 1, events: 1 }])
    } finally {
      await pool.query(`DROP TRIGGER ${probe} ON stock_levels`)
      await pool.query(`DROP FUNCTION ${probe}()`)
      await pool.query(`DROP TABLE ${probe}`)
    }
  })
})
