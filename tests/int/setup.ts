import { inject } from 'vitest'

import { TEST_PAYLOAD_SECRET } from '../helpers/constants'

process.env.DATABASE_URL = inject('databaseUrl')
process.env.PAYLOAD_SECRET ||= TEST_PAYLOAD_SECRET
// The schema was pushed once by globalSetup; test workers only connect.
process.env.PAYLOAD_DB_PUSH = 'false'
