export const TEST_PAYLOAD_SECRET = 'quartermaster-test-secret-not-for-production'
