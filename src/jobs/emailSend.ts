import { EMAIL_QUEUE, type EmailMessage } from '../domain/notifications/queueEmail'
import { defineJob } from './types'

/** Sends one queued e-mail through Payload's e-mail adapter; SMTP failures are retried with backoff. */
export const emailSend = defineJob<EmailMessage>({
  queue: EMAIL_QUEUE,
  retryLimit: 8,
  retryDelaySeconds: 30,
  expireInSeconds: 5 * 60,
  handle: async ({ payload, data }) => {
    await payload.sendEmail({
      to: data.to,
      cc: data.cc,
      replyTo: data.replyTo,
      subject: data.subject,
      text: data.text,
      html: data.html,
      attachments: data.attachments?.map((attachment) => ({ ...attachment })),
    })
    return { kind: data.kind, to: data.to }
  },
})
