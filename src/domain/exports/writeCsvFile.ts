import { fork } from 'node:child_process'
import path from 'node:path'

import { readExportWriterHeapMb } from '../../config/env'

export type CsvWriterSpec = { connectionString: string; text: string; values: unknown[]; headers: string[]; textColumns: boolean[]; filePath: string }
export type CsvWriterMessage = { type: 'progress' | 'done'; rowsWritten: number } | { type: 'error'; message: string }

const WRITER_SCRIPT = 'src/domain/exports/csvWriterProcess.ts'

/**
 * Writes a query's rows to a CSV file in a child process of its own (src/domain/exports/csvWriterProcess.ts), so a
 * million-row export costs the worker nothing: the worker's large heap is never filled with the rows' garbage
 * (in-process, V8 let ~260 MB of it pile up between major collections), and the child's is capped. `onProgress`
 * is called with the rows written so far about once a second; when it answers 'stop' the child is ended and the
 * result says so. Rejects when the child fails or dies.
 */
export function writeCsvFile(spec: CsvWriterSpec, onProgress: (rowsWritten: number) => Promise<'continue' | 'stop'>): Promise<{ rowsWritten: number; isStopped: boolean }> {
  return new Promise((resolve, reject) => {
    // Not bundled: Next would try to resolve the forked file as a module; it is run from the checkout by tsx.
    const child = fork(path.resolve(/* turbopackIgnore: true */ process.cwd(), WRITER_SCRIPT), [], {
      execArgv: ['--import', 'tsx', `--max-old-space-size=${readExportWriterHeapMb()}`],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    let isSettled = false
    let isStopped = false
    let rowsWritten = 0
    const settle = (outcome: () => void) => {
      if (isSettled) return
      isSettled = true
      outcome()
    }
    child.on('message', (message: CsvWriterMessage) => {
      if (message.type === 'error') return settle(() => reject(new Error(`export writer: ${message.message}`)))
      rowsWritten = message.rowsWritten
      if (message.type === 'done') return settle(() => resolve({ rowsWritten, isStopped: false }))
      onProgress(rowsWritten).then(
        (answer) => {
          if (answer !== 'stop' || isSettled) return
          isStopped = true
          child.kill('SIGTERM')
        },
        (error) => {
          child.kill('SIGTERM')
          settle(() => reject(error))
        },
      )
    })
    child.on('error', (error) => settle(() => reject(error)))
    child.on('exit', (code, signal) => {
      if (isStopped) return settle(() => resolve({ rowsWritten, isStopped: true }))
      settle(() => reject(new Error(`export writer exited (code ${code}, signal ${signal}) before it finished`)))
    })
    child.send(spec)
  })
}
