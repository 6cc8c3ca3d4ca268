import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { withTransaction } from '../../../src/db/transaction'
import { notifyUsers } from '../../../src/domain/notifications/notifyUsers'
import { queueEmail } from '../../../src/domain/notifications/queueEmail'
import { startJobRuntime, type JobRuntime } from '../../../src/jobs/runtime'
import { createTestTenant, createTestUser, getTestPayload } from '../../helpers/payload'
import { startSmtpSink } from '../../helpers/smtpSink'

let sink: Awaited<ReturnType<typeof startSmtpSink>>
let jobs: JobRuntime

beforeAll(async () => {
  sink = await startSmtpSink()
  // The config reads these when first imported, which getTestPayload does next.
  process.env.SMTP_URL = sink.url
  process.env.MAIL_FROM = 'Quartermaster Test <inventory@test.example>'
  jobs = await startJobRuntime({ payload: await getTestPayload(), connectionString: process.env.DATABASE_URL!, isWorking: true })
})

afterAll(async () => {
  await jobs?.stop()
  await sink?.close()
})

describe('e-mail through SMTP_URL', () => {
  it('should deliver a message with the configured sender to a real SMTP server', async () => {
    const payload = await getTestPayload()
    await payload.sendEmail({ to: 'buyer@supplier.example', subject: 'Purchase order PO-000001', text: 'Please deliver 12 cases.' })
    const mail = await sink.waitForMail((received) => received.subject === 'Purchase order PO-000001')
    expect(mail.from).toBe('inventory@test.example')
    expect(mail.to).toEqual(['buyer@supplier.example'])
    expect(mail.text).toContain('Please deliver 12 cases.')
  })

  it('should send a queued e-mail with an attachment through the email.send job only when its transaction commits', async () => {
    const payload = await getTestPayload()
    const req = await createLocalReq({}, payload)
    await expect(
      withTransaction(req, async () => {
        await queueEmail(req, { kind: 'test', to: 'rolled-back@test.example', subject: 'Never sent', text: 'x' })
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')

    const committedReq = await createLocalReq({}, payload)
    await withTransaction(committedReq, () =>
      queueEmail(committedReq, {
        kind: 'test',
        to: 'orders@supplier.example',
        subject: 'Order with lines',
        text: 'See the attached CSV.',
        html: '<p>See the attached <b>CSV</b>.</p>',
        attachments: [{ filename: 'lines.csv', content: 'sku,quantity\nSKU-1,12\n', contentType: 'text/csv' }],
      }),
    )
    const mail = await sink.waitForMail((received) => received.subject === 'Order with lines')
    expect(mail.html).toContain('<b>CSV</b>')
    expect(mail.parts.find((part) => part.filename === 'lines.csv')?.body).toBe('sku,quantity\nSKU-1,12\n')
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect(sink.received.some((received) => received.to.includes('rolled-back@test.example'))).toBe(false)
  })

  it('should notify the members holding a role in the tenant, in the branded layout with a text part', async () => {
    const payload = await getTestPayload()
    const tenant = await createTestTenant(payload)
    const other = await createTestTenant(payload)
    const approver = await createTestUser(payload, { tenantId: tenant.id, roles: ['approver'] })
    const buyer = await createTestUser(payload, { tenantId: tenant.id, roles: ['buyer'] })
    const elsewhere = await createTestUser(payload, { tenantId: other.id, roles: ['approver'] })
    const req = await createLocalReq({}, payload)
    const addresses = await withTransaction(req, () =>
      notifyUsers(req, {
        tenantId: Number(tenant.id),
        kind: 'po.awaiting_approval',
        roles: ['approver'],
        subject: 'PO-000042 awaits your approval',
        content: { title: 'PO-000042 awaits approval', paragraphs: ['Total <b>1,250.00</b> EUR'], table: { columns: ['SKU', 'Qty'], rows: [['SKU-1', 12]] } },
      }),
    )
    expect(addresses).toEqual([approver.email])
    const mail = await sink.waitForMail((received) => received.subject === 'PO-000042 awaits your approval')
    expect(mail.to).toEqual([approver.email])
    expect(mail.html).toContain('Total &lt;b&gt;1,250.00&lt;/b&gt; EUR')
    expect(mail.text).toContain('SKU-1 | 12')
    await new Promise((resolve) => setTimeout(resolve, 500))
    const recipients = sink.received.flatMap((received) => received.to)
    expect(recipients).not.toContain(buyer.email)
    expect(recipients).not.toContain(elsewhere.email)
  })
})
