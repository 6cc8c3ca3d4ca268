import crypto from 'node:crypto'

/**
 * Signing secrets are needed in clear to sign, so they are stored encrypted (AES-256-GCM) under a key derived
 * from PAYLOAD_SECRET: a database dump alone does not reveal them. Changing PAYLOAD_SECRET makes them unreadable
 * (rotate every endpoint's secret afterwards).
 */
function key(): Buffer {
  const secret = process.env.PAYLOAD_SECRET
  if (!secret) throw new Error('PAYLOAD_SECRET is not set: webhook secrets cannot be encrypted.')
  return crypto.createHash('sha256').update(`quartermaster:webhook-secrets:${secret}`).digest()
}

export function sealSecret(plain: string): string {
  const iv = crypto.randomBytes(12)
  const cipher = crypto.createCipheriv('aes-256-gcm', key(), iv)
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return `v1.${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${sealed.toString('base64url')}`
}

export function openSecret(sealed: string): string {
  const [version, iv, tag, data] = sealed.split('.')
  if (version !== 'v1' || !iv || !tag || !data) throw new Error('Unreadable sealed secret.')
  const decipher = crypto.createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8')
}

/** What the console shows of a secret: its prefix and last four characters. */
export const secretHint = (plain: string) => `${plain.slice(0, 6)}…${plain.slice(-4)}`
