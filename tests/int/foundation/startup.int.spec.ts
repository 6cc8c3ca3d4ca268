import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { runScript } from '../../helpers/spawnScript'

const hasNoStackTrace = (output: string) => !/\n\s+at .+:\d+:\d+/.test(output)

describe('bad configuration fails fast with a message that says what to fix', () => {
  it('should refuse to start production without PAYLOAD_SECRET', async () => {
    const { code, stderr } = await runScript('scripts/start.ts', { NODE_ENV: 'production', DATABASE_URL: process.env.DATABASE_URL })
    expect(code).toBe(1)
    expect(stderr).toContain('PAYLOAD_SECRET is not set')
    expect(hasNoStackTrace(stderr)).toBe(true)
  })

  it('should name an unreachable DATABASE_URL', async () => {
    const { code, stderr } = await runScript('scripts/seed.ts', {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere',
      PAYLOAD_SECRET: 'x',
    })
    expect(code).toBe(1)
    expect(stderr).toContain('Cannot connect to DATABASE_URL (127.0.0.1:1/nowhere)')
    expect(hasNoStackTrace(stderr)).toBe(true)
  })

  it('should refuse a setting it would otherwise replace in silence, naming it', async () => {
    const { code, stderr } = await runScript('scripts/seed.ts', { DATABASE_URL: process.env.DATABASE_URL, PAYLOAD_SECRET: 'x', RATE_LIMIT_PER_MINUTE: 'lots' })
    expect(code).toBe(1)
    expect(stderr).toContain('RATE_LIMIT_PER_MINUTE=lots is not valid')
    expect(hasNoStackTrace(stderr)).toBe(true)
  })

  it('should say which port is in use', async () => {
    const blocker = net.createServer()
    await new Promise<void>((resolve) => blocker.listen(0, resolve))
    const { port } = blocker.address() as net.AddressInfo
    try {
      const { code, stderr } = await runScript('scripts/dev.ts', { PORT: String(port), DATABASE_URL: process.env.DATABASE_URL, PAYLOAD_SECRET: 'x' })
      expect(code).toBe(1)
      expect(stderr).toContain(`Port ${port} is already in use`)
      expect(hasNoStackTrace(stderr)).toBe(true)
    } finally {
      blocker.close()
    }
  })
})

describe('a command that cannot finish', () => {
  it('should exit 1 and say it stopped, not 0 in silence, when its work waits on something that can never happen', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qm-run-main-'))
    const script = path.join(dir, 'neverSettles.ts')
    fs.writeFileSync(
      script,
      `import { runMain } from ${JSON.stringify(path.resolve('src/server/boot'))}\nrunMain(async () => {\n  await new Promise(() => {})\n  console.log('finished')\n})\n`,
    )
    try {
      const { code, stdout, stderr } = await runScript(script, {})
      expect(code).toBe(1)
      expect(stdout).not.toContain('finished')
      expect(stderr).toContain('Stopped before finishing')
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
