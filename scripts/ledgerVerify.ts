import { verifyLedger } from '../src/domain/ledger/verify'
import { bootPayload, closePayload, runMain } from '../src/server/boot'

/** npm run ledger:verify: recomputes every entry hash and seal; names the first tampered one and exits 1. */
runMain(async () => {
  const { payload, database } = await bootPayload()
  let isIntact = false
  try {
    const result = await verifyLedger({ payload })
    console.log(`ledger: ${result.entriesChecked} entries and ${result.sealsChecked} seals checked`)
    if (result.firstTamperedEntry) console.log(`TAMPERED entry ${result.firstTamperedEntry.id}: ${result.firstTamperedEntry.reason}`)
    if (result.firstTamperedSeal) console.log(`TAMPERED seal ${result.firstTamperedSeal.id} (up to entry ${result.firstTamperedSeal.toEntryId}): ${result.firstTamperedSeal.reason}`)
    isIntact = !result.firstTamperedEntry && !result.firstTamperedSeal
    if (isIntact) console.log('ledger: intact')
  } finally {
    await closePayload(payload)
    await database.stop()
  }
  process.exit(isIntact ? 0 : 1)
})
