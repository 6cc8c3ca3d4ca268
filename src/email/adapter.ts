import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer from 'nodemailer'
import type { EmailAdapter } from 'payload'

import type { Env } from '../config/env'

const DEFAULT_FROM = 'Quartermaster <no-reply@quartermaster.local>'

function parseFrom(value: string): { address: string; name: string } {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(value)
  return match ? { name: match[1] || 'Quartermaster', address: match[2] } : { name: 'Quartermaster', address: value.trim() }
}

/** Without SMTP (development), mails are written to the log instead of being sent. */
const loggingEmailAdapter =
  (from: { address: string; name: string }): EmailAdapter =>
  ({ payload }) => ({
    name: 'log',
    defaultFromAddress: from.address,
    defaultFromName: from.name,
    sendEmail: async (message) => {
      payload.logger.info({ msg: 'e-mail (not sent: SMTP_URL is unset)', to: message.to, subject: message.subject, text: message.text })
      return { logged: true }
    },
  })

/** SMTP_URL (e.g. smtp://user:pass@host:587) and MAIL_FROM ("Name <address>") choose how mail leaves. */
export function emailAdapter(env: Env = process.env) {
  const from = parseFrom(env.MAIL_FROM || DEFAULT_FROM)
  if (!env.SMTP_URL) return loggingEmailAdapter(from)
  return nodemailerAdapter({
    defaultFromAddress: from.address,
    defaultFromName: from.name,
    skipVerify: true,
    transport: nodemailer.createTransport(env.SMTP_URL),
  })
}
