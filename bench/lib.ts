/** Small helpers shared by the benchmarks: timed concurrent loops and percentiles. */

export type LoadResult = { operations: number; failures: number; throughputPerS: number; p50Ms: number; p99Ms: number }

export function percentile(sortedMs: number[], fraction: number): number {
  if (sortedMs.length === 0) return 0
  return sortedMs[Math.min(sortedMs.length - 1, Math.floor(fraction * sortedMs.length))]
}

/** Runs `operation` from `clients` concurrent loops for `durationMs` and measures each call. */
export async function runLoad({ clients, durationMs, operation }: { clients: number; durationMs: number; operation: () => Promise<unknown> }): Promise<LoadResult> {
  const latencies: number[] = []
  let failures = 0
  const startedAt = performance.now()
  const deadline = startedAt + durationMs
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const begin = performance.now()
        try {
          await operation()
          latencies.push(performance.now() - begin)
        } catch {
          failures += 1
        }
      }
    }),
  )
  const elapsedS = (performance.now() - startedAt) / 1000
  latencies.sort((a, b) => a - b)
  return { operations: latencies.length, failures, throughputPerS: latencies.length / elapsedS, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99) }
}

/** Calls `operation` `count` times one after the other and returns the sorted latencies. */
export async function sampleLatencies(count: number, operation: (index: number) => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = []
  for (let index = 0; index < count; index++) {
    const begin = performance.now()
    await operation(index)
    latencies.push(performance.now() - begin)
  }
  return latencies.sort((a, b) => a - b)
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits))
