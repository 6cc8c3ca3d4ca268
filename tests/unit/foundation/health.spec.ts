import type { Payload } from 'payload'
import { describe, expect, it } from 'vitest'

import { checkHealth } from '../../../src/observability/health'

const payloadWithPool = (query: (sql: string) => Promise<unknown>) => ({ db: { pool: { query } } }) as unknown as Payload

describe('checkHealth', () => {
  it('should report the queue down when its schema cannot be read, naming the cause', async () => {
    const report = await checkHealth(
      payloadWithPool(async (sql) => {
        if (sql.includes('pgboss')) throw new Error('relation "pgboss.version" does not exist')
      }),
    )
    expect(report).toMatchObject({ status: 'degraded', db: 'ok', queue: 'down' })
    expect(report.errors?.[0].message).toMatch(/pgboss.version/)
  })

  it('should report both down when the database does not answer', async () => {
    const report = await checkHealth(payloadWithPool(() => Promise.reject(new Error('connect ECONNREFUSED'))))
    expect(report).toMatchObject({ status: 'degraded', db: 'down', queue: 'down' })
  })
})
