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
  handle: (context: JobContext<TData>) => Promise<unknown>
}

export function defineJob<TData extends object>(definition: JobDefinition<TData>): JobDefinition<TData> {
  return definition
}
