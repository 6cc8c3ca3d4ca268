import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { SMTPServer } from 'smtp-server'

export type MimePart = { headers: Record<string, string>; body: string; filename: string | null }
export type ReceivedMail = { from: string; to: string[]; raw: string; subject: string; parts: MimePart[]; text: string; html: string }

function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return headers
}

function decodeBody(body: string, encoding = ''): string {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (/quoted-printable/i.test(encoding)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)))
    return Buffer.from(bytes, 'latin1').toString('utf8')
  }
  return body
}

/** Splits a MIME message into its leaf parts, decoded (enough for tests: text, html and attachments). */
function leafParts(raw: string): MimePart[] {
  const split = raw.search(/\r?\n\r?\n/)
  const headers = parseHeaders(split < 0 ? raw : raw.slice(0, split))
  const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '')
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1]
  if (/^multipart\//i.test(headers['content-type'] ?? '') && boundary) {
    return body
      .split(`--${boundary}`)
      .slice(1)
      .filter((chunk) => !chunk.startsWith('--'))
      .flatMap((chunk) => leafParts(chunk.replace(/^\r?\n/, '')))
  }
  const disposition = `${headers['content-disposition'] ?? ''}; ${headers['content-type'] ?? ''}`
  const filename = /(?:file)?name="?([^";]+)"?/i.exec(disposition)?.[1] ?? null
  return [{ headers, body: decodeBody(body, headers['content-transfer-encoding']), filename }]
}

/** A real SMTP server on a free loopback port that hands each message it receives, parsed, to `onMail`. */
export async function startSmtpServer(onMail: (mail: ReceivedMail) => void) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = ''
      stream.on('data', (chunk) => (raw += chunk))
      stream.on('end', () => {
        const parts = leafParts(raw)
        const headers = parseHeaders(raw.slice(0, Math.max(0, raw.search(/\r?\n\r?\n/))))
        const byType = (type: string) => parts.find((part) => !part.filename && (part.headers['content-type'] ?? 'text/plain').startsWith(type))?.body ?? ''
        onMail({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw,
          subject: headers.subject ?? '',
          parts,
          text: byType('text/plain'),
          html: byType('text/html'),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return { url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

/** The integration run's shared sink (started by tests/int/globalSetup.ts): every mail as a JSON file in one folder. */
export async function startSharedMailSink(folder: string) {
  let count = 0
  return startSmtpServer((mail) => {
    // Written aside and renamed into place: a reader in another process never sees a half-written file.
    const file = path.join(folder, `${Date.now()}-${process.pid}-${String(count++).padStart(6, '0')}.json`)
    fs.writeFileSync(`${file}.partial`, JSON.stringify(mail))
    fs.renameSync(`${file}.partial`, file)
  })
}

/** Every mail a shared sink has written to `folder`, oldest first. */
export function readSharedMail(folder: string): ReceivedMail[] {
  if (!fs.existsSync(folder)) return []
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8')) as ReceivedMail)
}

/**
 * The SMTP server a test reads mail from. In the integration run every test process sends to the run's shared sink
 * (tests/int/setup.ts points SMTP_URL at it), because any process's `email.send` worker may deliver any test's mail;
 * `received` then lists everything the run received, so match on your own recipients. Outside that run: a private
 * server — set `process.env.SMTP_URL = sink.url` before the Payload config is first imported (getTestPayload).
 */
export async function startSmtpSink() {
  const folder = process.env.QM_TEST_MAIL_DIR
  const own: ReceivedMail[] = []
  const server = folder && process.env.QM_TEST_SMTP_URL ? { url: process.env.QM_TEST_SMTP_URL, close: async () => {} } : await startSmtpServer((mail) => own.push(mail))
  const received = () => (folder && process.env.QM_TEST_SMTP_URL ? readSharedMail(folder) : own)
  return {
    url: server.url,
    get received() {
      return received()
    },
    /** Waits until a received mail matches, and returns it (mail goes through the job queue, slow on a busy run). */
    async waitForMail(match: (mail: ReceivedMail) => boolean, timeoutMs = 120_000): Promise<ReceivedMail> {
      const deadline = Date.now() + timeoutMs
      while (Date.now() < deadline) {
        const mail = received().find(match)
        if (mail) return mail
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      throw new Error(`no matching e-mail within ${timeoutMs} ms (received: ${received().map((mail) => mail.subject).join(', ') || 'none'})`)
    },
    close: server.close,
  }
}
