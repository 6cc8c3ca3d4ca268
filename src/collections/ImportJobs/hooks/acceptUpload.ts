import type { CollectionBeforeOperationHook } from 'payload'

import { csvSettings } from '../../../domain/csv/settings'
import { DomainError, ValidationError } from '../../../domain/errors'

/** Lines in a buffer (an upper bound of its CSV rows, counted without parsing). */
function countLines(data: Buffer): number {
  let lines = 0
  for (let index = data.indexOf(10); index !== -1; index = data.indexOf(10, index + 1)) lines += 1
  return data.length > 0 && data[data.length - 1] !== 10 ? lines + 1 : lines
}

export class ImportTooLargeError extends DomainError {
  constructor(code: 'IMPORT.FILE_TOO_LARGE' | 'IMPORT.TOO_MANY_ROWS', message: string) {
    super(code, message, 413)
  }
}

/**
 * Before an import job is created: takes the file (a multipart upload, or `csv` text in a JSON body for small
 * imports from scripts) and refuses it with 413 when it is over the size or row limit — before anything is stored.
 */
export const acceptUpload: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create') return args
  const inline = (args.data as { csv?: unknown } | undefined)?.csv
  if (typeof inline === 'string' && !req.file) {
    const data = Buffer.from(inline, 'utf8')
    req.file = { data, mimetype: 'text/csv', name: 'import.csv', size: data.length }
  }
  if (args.data) delete (args.data as { csv?: unknown }).csv
  if (!req.file) throw new ValidationError('IMPORT.FILE_REQUIRED', 'Upload a CSV file (multipart field "file"), or send its text as "csv".', 'file')
  const { maxImportBytes, maxImportRows } = csvSettings()
  if (req.file.size > maxImportBytes) {
    throw new ImportTooLargeError('IMPORT.FILE_TOO_LARGE', `The file is ${req.file.size} bytes; the limit is ${maxImportBytes} bytes (${(maxImportBytes / 1024 / 1024).toFixed(1)} MB) and ${maxImportRows} rows.`)
  }
  const rows = countLines(req.file.data) - 1
  if (rows > maxImportRows) {
    throw new ImportTooLargeError('IMPORT.TOO_MANY_ROWS', `The file has ${rows} rows; the limit is ${maxImportRows} rows and ${maxImportBytes} bytes. Split it into several files.`)
  }
  req.file.mimetype = 'text/csv'
  return args
}
