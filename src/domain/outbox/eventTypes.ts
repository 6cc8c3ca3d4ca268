/**
 * Event-type patterns shared by webhook endpoints and internal consumers: dot-separated segments where `*` matches
 * one segment, and a `*` in last place matches the rest (one or more segments). `*` alone matches every event;
 * `inventory.po.*` matches `inventory.po.approved`; `inventory.*.completed` matches `inventory.transfer.completed`.
 */
export function matchesEventType(pattern: string, eventType: string): boolean {
  const wanted = pattern.trim().split('.')
  const actual = eventType.split('.')
  for (let index = 0; index < wanted.length; index++) {
    const segment = wanted[index]
    if (segment === '*' && index === wanted.length - 1) return actual.length > index
    if (index >= actual.length) return false
    if (segment !== '*' && segment !== actual[index]) return false
  }
  return wanted.length === actual.length
}

export function matchesAnyEventType(patterns: readonly string[], eventType: string): boolean {
  return patterns.some((pattern) => matchesEventType(pattern, eventType))
}

export const EVENT_PATTERN = /^(\*|[a-z0-9_]+)(\.(\*|[a-z0-9_]+))*$/
