/** Calendar arithmetic in a tenant's time zone: usage days and months follow the tenant's clock, not UTC. */

function localParts(timeZone: string, at: Date): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at)
  const value = (type: string) => Number(parts.find((part) => part.type === type)!.value)
  return { year: value('year'), month: value('month'), day: value('day') }
}

const pad = (value: number) => String(value).padStart(2, '0')

/** `YYYY-MM-DD` of `at` in the time zone. */
export function localDay(timeZone: string, at: Date = new Date()): string {
  const { year, month, day } = localParts(timeZone, at)
  return `${year}-${pad(month)}-${pad(day)}`
}

/** `YYYY-MM` of `at` in the time zone. */
export function localMonth(timeZone: string, at: Date = new Date()): string {
  return localDay(timeZone, at).slice(0, 7)
}

/** The UTC offset of the zone at an instant, in milliseconds (positive east of Greenwich). */
function offsetMs(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at)
  const value = (type: string) => Number(parts.find((part) => part.type === type)!.value)
  const asUtc = Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'), value('second'))
  return asUtc - Math.floor(at.getTime() / 1000) * 1000
}

/** The instant the next month starts in the time zone (local midnight of the 1st). */
export function startOfNextMonth(timeZone: string, at: Date = new Date()): Date {
  const { year, month } = localParts(timeZone, at)
  const wallClock = Date.UTC(month === 12 ? year + 1 : year, month === 12 ? 0 : month, 1)
  // Two passes settle the offset when the month boundary is near a DST change.
  let instant = wallClock - offsetMs(timeZone, new Date(wallClock))
  instant = wallClock - offsetMs(timeZone, new Date(instant))
  return new Date(instant)
}

export function secondsUntilNextMonth(timeZone: string, at: Date = new Date()): number {
  return Math.max(1, Math.ceil((startOfNextMonth(timeZone, at).getTime() - at.getTime()) / 1000))
}

/** Every day of a `YYYY-MM` month, as `YYYY-MM-DD`. */
export function daysOfMonth(month: string): string[] {
  const [year, monthNumber] = month.split('-').map(Number)
  const count = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate()
  return Array.from({ length: count }, (_, index) => `${month}-${pad(index + 1)}`)
}

export function isMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value)
}
