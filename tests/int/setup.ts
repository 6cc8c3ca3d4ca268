import { inject } from 'vitest'

import { TEST_PAYLOAD_SECRET } from '../helpers/constants'

process.env.DATABASE_URL = inject('databaseUrl')
// Every process sends to the run's shared SMTP sink, with one sender (tests/helpers/smtpSink.ts).
process.env.SMTP_URL = process.env.QM_TEST_SMTP_URL = inject('smtpUrl')
process.env.QM_TEST_MAIL_DIR = inject('mailDir')
process.env.MAIL_FROM = 'Quartermaster Test <inventory@test.example>'
process.env.PAYLOAD_SECRET ||= TEST_PAYLOAD_SECRET
// The schema was pushed once by globalSetup; test workers only connect.
process.env.PAYLOAD_DB_PUSH = 'false'
// Webhook tests deliver to receivers on 127.0.0.1 and retry within seconds. Any worker of the run may take a
// delivery job, so every test process gets the same settings.
process.env.WEBHOOKS_ALLOW_LOOPBACK ??= 'true'
process.env.WEBHOOK_RETRY_DELAYS_SECONDS ??= '1,1,1,1,1,1,1,1,1'
