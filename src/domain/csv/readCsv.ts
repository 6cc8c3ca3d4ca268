import fs from 'node:fs'
import { pipeline, Transform } from 'node:stream'
import Papa from 'papaparse'

import { ValidationError } from '../errors'

export type CsvDelimiter = ',' | ';' | '\t'
export type CsvRecord = { rowNumber: number; cells: string[] }

const DELIMITERS: CsvDelimiter[] = [',', ';', '\t']
const SNIFF_BYTES = 64 * 1024

export class CsvEncodingError extends ValidationError {
  constructor(detail: string) {
    super('IMPORT.ENCODING', `The file is not UTF-8 text (${detail}). Save it as "CSV UTF-8" and upload it again.`)
  }
}

/** Refuses UTF-16/32 (BOM or NUL bytes) and anything that is not valid UTF-8 in the first bytes of a file. */
function assertUtf8Head(head: Buffer): void {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) throw new CsvEncodingError('UTF-16 byte order mark')
  if (head.includes(0)) throw new CsvEncodingError('NUL bytes: UTF-16 or binary')
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true })
  } catch {
    throw new CsvEncodingError('invalid UTF-8 byte sequence near the start, e.g. Windows-1252 or Latin-1')
  }
}

/** The delimiter that splits the header line into the most cells (outside quotes): comma, semicolon or tab. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(DELIMITERS.map((delimiter) => [delimiter, 0]))
  let isQuoted = false
  for (const char of text) {
    if (char === '"') isQuoted = !isQuoted
    else if (!isQuoted && (char === '\n' || char === '\r')) break
    else if (!isQuoted && counts.has(char as CsvDelimiter)) counts.set(char as CsvDelimiter, counts.get(char as CsvDelimiter)! + 1)
  }
  return DELIMITERS.reduce((best, delimiter) => (counts.get(delimiter)! > counts.get(best)! ? delimiter : best), ',')
}

/** Looks at the head of a file: checks the encoding and finds the delimiter. */
export async function sniffCsv(filePath: string): Promise<{ delimiter: CsvDelimiter }> {
  const handle = await fs.promises.open(filePath, 'r')
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES)
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0)
    const head = buffer.subarray(0, bytesRead)
    assertUtf8Head(head)
    return { delimiter: detectDelimiter(new TextDecoder('utf-8').decode(head, { stream: true })) }
  } finally {
    await handle.close()
  }
}

/** Bytes → text, failing on the first invalid UTF-8 sequence anywhere in the file; a UTF-8 BOM is dropped. */
function utf8Decoder(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let offset = 0
  const decode = (chunk?: Buffer) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode()
    } catch {
      throw new CsvEncodingError(`invalid UTF-8 byte sequence after byte ${offset}`)
    }
  }
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      try {
        const text = decode(chunk)
        offset += chunk.length
        callback(null, text)
      } catch (error) {
        callback(error as Error)
      }
    },
    flush(callback) {
      try {
        callback(null, decode())
      } catch (error) {
        callback(error as Error)
      }
    },
  })
}

/**
 * Streams the records of a CSV file in constant memory: UTF-8 (BOM or not), quoted fields, CRLF or LF. Row 1 is
 * the header; blank lines are skipped. papaparse parses the decoded text ~0.5 MB at a time and is paused until
 * the consumer has taken the rows of that chunk (backpressure down to the file stream).
 */
export async function* readCsvRecords(filePath: string, delimiter: CsvDelimiter): AsyncGenerator<CsvRecord> {
  const source = fs.createReadStream(filePath, { highWaterMark: 256 * 1024 })
  const text = pipeline(source, utf8Decoder(), () => undefined)
  let pending: { rows: string[][]; parser: Papa.Parser } | null = null
  let isDone = false
  let failure: Error | undefined
  let wake: () => void = () => undefined
  Papa.parse(text as unknown as File, {
    delimiter,
    skipEmptyLines: 'greedy',
    chunkSize: 512 * 1024,
    chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
      parser.pause()
      pending = { rows: results.data, parser }
      wake()
    },
    complete: () => {
      isDone = true
      wake()
    },
    error: (error: Error) => {
      failure = error
      wake()
    },
  })
  text.on('error', (error) => {
    failure ??= error
    wake()
  })
  let rowNumber = 0
  try {
    for (;;) {
      if (!pending && !isDone && !failure) await new Promise<void>((resolve) => (wake = resolve))
      if (failure) throw failure
      if (pending) {
        const { rows, parser } = pending as { rows: string[][]; parser: Papa.Parser }
        pending = null
        for (const cells of rows) {
          rowNumber += 1
          yield { rowNumber, cells }
        }
        parser.resume()
        continue
      }
      if (isDone) return
    }
  } finally {
    source.destroy()
  }
}
