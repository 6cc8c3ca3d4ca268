import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { sqlList, transactionDb, withTransaction } from '../../db/transaction'
import type { EmailContent } from './layout'
import { renderEmail } from './layout'
import { queueEmail } from './queueEmail'

export const DIGEST_QUEUE = 'notifications.digest'
export const DIGEST_KIND = 'notifications.digest'

/** Keeps a notification for the user's next daily digest, in the caller's transaction. */
export async function addToDigest(req: PayloadRequest, entry: { userId: number; tenantId: number; kind: string; subject: string; content: EmailContent }) {
  const db = await transactionDb(req)
  await db.execute(sql`
    INSERT INTO notification_digest_entries (user_id, tenant_id, kind, subject, content, created_at, updated_at)
    VALUES (${entry.userId}, ${entry.tenantId}, ${entry.kind}, ${entry.subject}, ${JSON.stringify(entry.content)}::jsonb, now(), now())`)
}

type DigestRow = { id: number; subject: string; kind: string; created_at: string; tenant_name: string | null; email: string }

/**
 * One digest mail to one user with everything kept for them since their last digest, then marks those entries
 * sent — in one transaction, with the entries locked (SKIP LOCKED), so two workers never send the same entry.
 */
export async function sendDigestTo({ req, userId }: { req: PayloadRequest; userId: number }): Promise<number> {
  const db = await transactionDb(req)
  const { rows } = await db.execute<DigestRow>(sql`
    SELECT e.id, e.subject, e.kind, to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS created_at, t.name AS tenant_name, u.email
      FROM notification_digest_entries e
      JOIN users u ON u.id = e.user_id
      LEFT JOIN tenants t ON t.id = e.tenant_id
     WHERE e.user_id = ${userId} AND e.sent_at IS NULL
     ORDER BY e.id
       FOR UPDATE OF e SKIP LOCKED`)
  if (rows.length === 0) return 0
  const count = rows.length
  const { html, text } = renderEmail({
    title: `Your daily digest: ${count} notification${count === 1 ? '' : 's'}`,
    paragraphs: ['Everything you asked to receive once a day. Change this under your account’s notification preferences.'],
    table: { columns: ['When (UTC)', 'Tenant', 'What'], rows: rows.map((row) => [row.created_at, row.tenant_name, row.subject]) },
  })
  await queueEmail(req, { kind: DIGEST_KIND, to: rows[0].email, subject: `Quartermaster daily digest (${count})`, text, html })
  await db.execute(sql`UPDATE notification_digest_entries SET sent_at = now(), updated_at = now() WHERE id IN ${sqlList(rows.map((row) => row.id))}`)
  return count
}

/** The daily run: a digest for every user with unsent entries, each in its own transaction. */
export async function sendDueDigests({ payload }: { payload: Payload }): Promise<{ users: number; notifications: number }> {
  const { rows } = await payload.db.drizzle.execute<{ user_id: number }>(sql`SELECT DISTINCT user_id FROM notification_digest_entries WHERE sent_at IS NULL ORDER BY user_id`)
  let notifications = 0
  let users = 0
  for (const { user_id: userId } of rows) {
    const req = await createLocalReq({}, payload)
    const sent = await withTransaction(req, () => sendDigestTo({ req, userId: Number(userId) }))
    if (sent > 0) users++
    notifications += sent
  }
  return { users, notifications }
}
