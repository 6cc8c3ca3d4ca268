import { createLocalReq } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'
import { describe, expect, it } from 'vitest'

import { transactionDb, withTransaction } from '../../../src/db/transaction'
import { getTestPayload } from '../../helpers/payload'

/** Domain SQL runs as named prepared statements (src/db/transaction.ts), except texts with a column wildcard. */
describe('prepared statements', () => {
  it('should prepare a data query once per connection and leave column-wildcard queries unprepared', async () => {
    const payload = await getTestPayload()
    const req = await createLocalReq({}, payload)
    const marker = `qm_marker_${Date.now()}`
    const prepared = await withTransaction(req, async () => {
      const db = await transactionDb(req)
      for (let run = 0; run < 3; run++) {
        expect((await db.execute<{ n: number }>(sql.raw(`SELECT 1 AS n, '${marker}' AS marker`))).rows).toEqual([{ n: 1, marker }])
        expect((await db.execute(sql.raw(`SELECT * FROM (SELECT 2 AS n, '${marker}_star' AS marker) t`))).rows).toHaveLength(1)
        expect((await db.execute(sql.raw(`SELECT t.* FROM (SELECT 3 AS n, '${marker}_dot_star' AS marker) t`))).rows).toHaveLength(1)
        expect((await db.execute(sql.raw(`SELECT count(*) * 2 AS n, '${marker}_times' AS marker FROM (SELECT 1) t`))).rows).toEqual([{ n: '2', marker: `${marker}_times` }])
      }
      const { rows } = await db.execute<{ statement: string }>(sql`SELECT statement FROM pg_prepared_statements WHERE statement LIKE ${`%${marker}%`}`)
      return rows.map((row) => row.statement)
    })
    expect(prepared.sort()).toEqual([`SELECT 1 AS n, '${marker}' AS marker`, `SELECT count(*) * 2 AS n, '${marker}_times' AS marker FROM (SELECT 1) t`].sort())
  })
})
