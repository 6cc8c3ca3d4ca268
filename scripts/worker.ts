import { startJobRuntime } from '../src/jobs/runtime'
import { bootPayload, closePayload, log, onShutdown, runMain } from '../src/server/boot'

runMain(async () => {
  const { payload, database } = await bootPayload()
  const jobs = await startJobRuntime({ payload, connectionString: database.url, isWorking: true })
  log(`Worker running: ${jobs.queues.join(', ')}`)
  onShutdown([() => jobs.stop(), () => closePayload(payload), () => database.stop()])
})
