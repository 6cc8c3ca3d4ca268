import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { getTestPayload } from '../../helpers/payload'

type Received = { from: string; to: string[]; raw: string }
const received: Received[] = []
let smtp: SMTPServer

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = ''
      stream.on('data', (chunk) => (raw += chunk))
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw,
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  const { port } = smtp.server.address() as AddressInfo
  // The config reads these when first imported, which getTestPayload does next.
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`
  process.env.MAIL_FROM = 'Quartermaster Test <inventory@test.example>'
})

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()))
})

describe('e-mail through SMTP_URL', () => {
  it('should deliver a message with the configured sender to a real SMTP server', async () => {
    const payload = await getTestPayload()
    await payload.sendEmail({ to: 'buyer@supplier.example', subject: 'Purchase order PO-000001', text: 'Please deliver 12 cases.' })
    expect(received).toHaveLength(1)
    expect(received[0].from).toBe('inventory@test.example')
    expect(received[0].to).toEqual(['buyer@supplier.example'])
    expect(received[0].raw).toContain('Subject: Purchase order PO-000001')
    expect(received[0].raw).toContain('Please deliver 12 cases.')
  })
})
