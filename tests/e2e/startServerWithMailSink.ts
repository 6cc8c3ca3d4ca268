import fs from 'node:fs'

import { startSharedMailSink } from '../helpers/smtpSink'

/**
 * The browser tests' server: a real SMTP sink in this process, writing each mail it receives as a JSON file to
 * QM_E2E_MAIL_DIR (the specs read them with readSharedMail), then the production server (scripts/start.ts) with
 * SMTP_URL pointing at the sink. One process, so the sink lives and dies with the server Playwright starts.
 */
const folder = process.env.QM_E2E_MAIL_DIR
if (!folder) throw new Error('QM_E2E_MAIL_DIR is not set (playwright.config.ts sets it).')
fs.mkdirSync(folder, { recursive: true })
const sink = await startSharedMailSink(folder)
process.env.SMTP_URL = sink.url
await import('../../scripts/start')
