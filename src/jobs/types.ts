import type { Payload } from 'payload'

export type JobContext<TData> = {
  payload: Payload
  data: TData
  jobId: string
}

/** One pg-boss queue: its name, optional cron schedule (UTC), retry policy and a handler that calls src/domain. */
export type JobDefinition<TData extends object = object> = {
  queue: string
  cron?: string
  retryLimit?: number
  retryDelaySeconds?: number
  expireInSeconds?: number
  /** How often an idle worker looks for jobs (pg-boss default 2 s, minimum 0.5 s). */
  pollingIntervalSeconds?: number
  /** Workers of this queue per process (default 1): jobs that wait on the network need several. */
  concurrency?: number
  handle: (context: JobContext<TData>) => Promise<unknown>
}

export function defineJob<TData extends object>(definition: JobDefinition<TData>): JobDefinition<TData> {
  return definition
}
