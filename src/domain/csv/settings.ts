import path from 'node:path'

import { dataDir } from '../../config/env'

const numberFrom = (value: string | undefined, fallback: number) => {
  const parsed = Number(value)
  return value && Number.isFinite(parsed) && parsed > 0 ? parsed : fallback
}

/** Limits and places of the CSV imports and exports, from the environment (read at call time, so tests can change them). */
export function csvSettings(env: Record<string, string | undefined> = process.env) {
  const filesDir = path.resolve(env.QM_CSV_DIR || path.join(dataDir, 'csv'))
  return {
    maxImportBytes: numberFrom(env.QM_IMPORT_MAX_BYTES, 50 * 1024 * 1024),
    maxImportRows: numberFrom(env.QM_IMPORT_MAX_ROWS, 1_000_000),
    exportRetentionDays: numberFrom(env.QM_EXPORT_RETENTION_DAYS, 7),
    importsDir: path.join(filesDir, 'imports'),
    exportsDir: path.join(filesDir, 'exports'),
  }
}

/** Rows per chunk: one transaction and one progress update each. */
export const CHUNK_ROWS = 1_000
