import type { Pool } from 'pg'
import { describe, expect, it } from 'vitest'

import { getTestPayload } from '../../helpers/payload'

/**
 * A connection the server drops while the app holds it between two statements must not end the process (pg emits
 * the error on the client, and pg-pool listens only to idle clients): the error reaches the next statement instead.
 */
describe('dropped database connections', () => {
  it('should keep the process up when a checked-out connection is terminated, failing only that connection’s next statement', async () => {
    const payload = await getTestPayload()
    const pool = payload.db.pool as unknown as Pool
    const client = await pool.connect()
    // Without a listener of its own, the error event below would be thrown as an uncaught exception.
    expect(client.listenerCount('error')).toBeGreaterThan(0)
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
    const ended = new Promise((resolve) => client.once('end', resolve))
    const terminated = await pool.query<{ terminated: boolean }>('SELECT pg_terminate_backend($1) AS terminated', [rows[0].pid])
    expect(terminated.rows).toEqual([{ terminated: true }])
    await ended
    await expect(client.query('SELECT 1')).rejects.toThrow()
    client.release(true)
    expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }])
  })
})
