import { afterAll, beforeAll } from 'vitest'

import { startApiServer } from './httpServer'

/**
 * The test file's API server: started before its tests, closed after them. Read `url` inside tests and hooks.
 * (Apart from httpServer.ts, which scripts such as `npm run test:chaos` import outside vitest.)
 */
export function useApiServer(): { readonly url: string } {
  let server: Awaited<ReturnType<typeof startApiServer>> | undefined
  beforeAll(async () => {
    server = await startApiServer()
  })
  afterAll(async () => {
    await server?.close()
  })
  return {
    get url() {
      if (!server) throw new Error('The API server starts in beforeAll: read its url inside a test or hook.')
      return server.url
    },
  }
}
