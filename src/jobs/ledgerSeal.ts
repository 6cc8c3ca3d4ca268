import { sealLedger } from '../domain/ledger/seal'
import { defineJob } from './types'

export const ledgerSeal = defineJob({
  queue: 'ledger.seal',
  cron: '* * * * *',
  retryLimit: 2,
  expireInSeconds: 5 * 60,
  handle: ({ payload }) => sealLedger({ payload }),
})
