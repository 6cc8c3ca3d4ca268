import { slugs } from '../src/collections/slugs'
import { findStockDrift, formatDrift } from '../src/domain/stock/reconcile'
import { bootPayload, closePayload, runMain } from '../src/server/boot'

/** npm run stock:reconcile [--tenant <slug>]: prints any drift between the ledger and the balances; exit 1 on drift. */
runMain(async () => {
  const tenantArg = process.argv.indexOf('--tenant')
  const slug = tenantArg === -1 ? undefined : process.argv[tenantArg + 1]
  const { payload, database } = await bootPayload()
  let driftCount = 0
  try {
    let tenantId: number | undefined
    if (slug) {
      const { docs } = await payload.find({ collection: slugs.tenants, where: { slug: { equals: slug } }, limit: 1, depth: 0 })
      if (!docs[0]) throw new Error(`No tenant with slug "${slug}"`)
      tenantId = Number(docs[0].id)
    }
    const drift = await findStockDrift({ payload, tenantId })
    driftCount = drift.length
    for (const row of drift) console.log(`DRIFT ${formatDrift(row)}`)
    console.log(drift.length === 0 ? `reconcile: no drift${slug ? ` in ${slug}` : ''}` : `reconcile: ${drift.length} drifting balance(s)`)
  } finally {
    await closePayload(payload)
    await database.stop()
  }
  process.exit(driftCount === 0 ? 0 : 1)
})
