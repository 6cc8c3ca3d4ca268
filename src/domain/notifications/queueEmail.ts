import type { PayloadRequest } from 'payload'

import { enqueueInTransaction } from '../../jobs/enqueueInTransaction'

export const EMAIL_QUEUE = 'email.send'

export type EmailAttachment = { filename: string; content: string; contentType?: string }

/** One e-mail as the `email.send` job receives it: plain JSON, so it survives the queue. */
export type EmailMessage = {
  /** What the mail is about, for logs and preferences, e.g. "po.sent", "recall.initiated". */
  kind: string
  tenantId?: number | null
  to: string | string[]
  cc?: string | string[]
  replyTo?: string
  subject: string
  text: string
  html?: string
  attachments?: EmailAttachment[]
}

/**
 * Queues an e-mail in the request's transaction: it is sent by the `email.send` job (with retries) only if the
 * change that asked for it commits. Throws when the job tables are missing, because a silently dropped mail is
 * worse than a refused action (the app and `npm run worker` install them on start).
 */
export async function queueEmail(req: PayloadRequest, message: EmailMessage): Promise<string> {
  const jobId = await enqueueInTransaction({ req, queue: EMAIL_QUEUE, data: message })
  if (!jobId) throw new Error(`${EMAIL_QUEUE}: the job queue is not installed in this database (start the app or npm run worker once)`)
  return jobId
}
