import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../src/collections/slugs'
import { withTransaction } from '../../../src/db/transaction'
import { notifyUsers, type Notification } from '../../../src/domain/notifications/notifyUsers'
import { startJobRuntime, type JobRuntime } from '../../../src/jobs/runtime'
import { apiClient, loginToken } from '../../helpers/api'
import { startApiServer } from '../../helpers/httpServer'
import { createTestTenant, createTestUser, getTestPayload } from '../../helpers/payload'
import { startSmtpSink } from '../../helpers/smtpSink'
import { waitForQueue } from '../replenishment/helpers'

let sink: Awaited<ReturnType<typeof startSmtpSink>>
let jobs: JobRuntime
let api: Awaited<ReturnType<typeof startApiServer>>

beforeAll(async () => {
  sink = await startSmtpSink()
  process.env.SMTP_URL = sink.url
  jobs = await startJobRuntime({ payload: await getTestPayload(), connectionString: process.env.DATABASE_URL!, isWorking: true })
  api = await startApiServer()
})

afterAll(async () => {
  await api?.close()
  await jobs?.stop()
  await sink?.close()
})

async function notify(notification: Notification) {
  const payload = await getTestPayload()
  const req = await createLocalReq({}, payload)
  return withTransaction(req, () => notifyUsers(req, notification))
}

const mailsTo = (email: string) => sink.received.filter((mail) => mail.to.includes(email))

describe('notification preferences', { timeout: 240_000 }, () => {
  it('should send nothing to a user who turned a kind off, and still mail the others at once', async () => {
    const payload = await getTestPayload()
    const tenant = await createTestTenant(payload)
    const quiet = await createTestUser(payload, { tenantId: tenant.id, roles: ['buyer'] })
    const eager = await createTestUser(payload, { tenantId: tenant.id, roles: ['buyer'] })
    // People set their own preferences through the API.
    const client = apiClient(api.url, { token: await loginToken(api.url, quiet.email, quiet.password) })
    const saved = await client.patch(`/api/users/${quiet.user.id}`, { notifications: { defaultDelivery: 'immediate', kinds: [{ kind: 'po.approved', delivery: 'off' }] } })
    expect(saved.status).toBe(200)

    const queued = await notify({ tenantId: Number(tenant.id), kind: 'po.approved', roles: ['buyer'], subject: 'PO-000007 approved', content: { title: 'PO-000007 approved' } })
    expect(queued).toEqual([eager.email])
    await sink.waitForMail((mail) => mail.subject === 'PO-000007 approved' && mail.to.includes(eager.email))
    await notify({ tenantId: Number(tenant.id), kind: 'po.rejected', roles: ['buyer'], subject: 'PO-000008 rejected', content: { title: 'PO-000008 rejected' } })
    await sink.waitForMail((mail) => mail.subject === 'PO-000008 rejected' && mail.to.includes(quiet.email))
    await waitForQueue(payload, 'email.send')
    expect(mailsTo(quiet.email).map((mail) => mail.subject)).toEqual(['PO-000008 rejected'])
  })

  it('should collect digest notifications and send each user one daily mail listing them all, once', async () => {
    const payload = await getTestPayload()
    const tenant = await createTestTenant(payload)
    const digester = await createTestUser(payload, { tenantId: tenant.id, roles: ['approver'] })
    await payload.update({ collection: slugs.users, id: digester.user.id, data: { notifications: { defaultDelivery: 'digest', kinds: [] } } as any })
    const subjects = ['PO-000101 awaits your approval', 'PO-000102 awaits your approval', 'Recall of lot L-9 initiated']
    for (const [index, subject] of subjects.entries()) {
      const kind = index < 2 ? 'po.awaiting_approval' : 'recall.initiated'
      expect(await notify({ tenantId: Number(tenant.id), kind, roles: ['approver'], subject, content: { title: subject } })).toEqual([])
    }
    await waitForQueue(payload, 'email.send')
    expect(mailsTo(digester.email)).toEqual([])

    await jobs.boss.send('notifications.digest', {})
    await waitForQueue(payload, 'notifications.digest')
    const mail = await sink.waitForMail((received) => received.to.includes(digester.email))
    expect(mail.subject).toBe('Quartermaster daily digest (3)')
    for (const subject of subjects) {
      expect(mail.text).toContain(subject)
      expect(mail.html).toContain(subject)
    }
    expect(mail.text).toContain(String(tenant.name))

    await jobs.boss.send('notifications.digest', {})
    await waitForQueue(payload, 'notifications.digest')
    await waitForQueue(payload, 'email.send')
    expect(mailsTo(digester.email)).toHaveLength(1)
    const { rows } = await payload.db.pool.query('SELECT count(*)::int AS unsent FROM notification_digest_entries WHERE user_id = $1 AND sent_at IS NULL', [digester.user.id])
    expect(rows[0].unsent).toBe(0)
    const schedules = await jobs.boss.getSchedules()
    expect(schedules).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'notifications.digest', cron: '0 7 * * *' })]))
  })
})
