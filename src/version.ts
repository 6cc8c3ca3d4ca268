import fs from 'node:fs'
import path from 'node:path'

function readVersion(): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')).version
  } catch {
    return 'unknown'
  }
}

export const APP_VERSION: string = process.env.APP_VERSION || readVersion()
