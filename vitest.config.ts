import path from 'node:path'
import { defineConfig } from 'vitest/config'

const root = path.dirname(new URL(import.meta.url).pathname)

/**
 * Run one file at a time, after the parallel pass (scripts/test.ts): specs that wait on background workers (outbox
 * dispatch, webhook deliveries, CSV jobs), whose jobs would queue behind the rest of the suite's; and specs that
 * read or alter the whole ledger across tenants (verify and seal, tampering with the append-only trigger off),
 * which would see other files' postings in flight or break their assertions.
 */
const SERIAL_INT = [
  'tests/int/webhooks/**/*.int.spec.ts',
  'tests/int/csv/**/*.int.spec.ts',
  'tests/int/stock/ledgerIntegrity.int.spec.ts',
  'tests/int/reservations/lockOrder.int.spec.ts',
  'tests/int/costing/costing.int.spec.ts',
]

const WEBHOOK_INT = ['tests/int/webhooks/webhooks.int.spec.ts']

export default defineConfig({
  resolve: {
    alias: {
      '@payload-config': path.join(root, 'payload.config.ts'),
      '@': path.join(root, 'src'),
    },
  },
  test: {
    environment: 'node',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.spec.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['tests/int/**/*.int.spec.ts'],
          exclude: SERIAL_INT,
          globalSetup: ['tests/int/globalSetup.ts'],
          setupFiles: ['tests/int/setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
          pool: 'forks',
        },
      },
      {
        extends: true,
        test: {
          // Webhook delivery runs in a pass of its own on a database of its own (scripts/test.ts): its attempts are
          // timed, and other files' endpoints and queued jobs would be ahead of its own.
          name: 'int-webhooks',
          include: WEBHOOK_INT,
          globalSetup: ['tests/int/globalSetup.ts'],
          setupFiles: ['tests/int/setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
          pool: 'forks',
        },
      },
      {
        extends: true,
        test: {
          name: 'int-serial',
          include: SERIAL_INT,
          exclude: WEBHOOK_INT,
          globalSetup: ['tests/int/globalSetup.ts'],
          setupFiles: ['tests/int/setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
          pool: 'forks',
        },
      },
    ],
  },
})
