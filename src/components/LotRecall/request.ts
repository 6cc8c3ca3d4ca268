/** A lot in the list as the recall bar sees it: may this user start a recall of it (role in its tenant, not recalled yet)? */
export type RecallableLot = { id: string; lotNumber: string; tenant: number; isRecallable: boolean }

export const recallableSelection = ({ lots, selectedIds }: { lots: RecallableLot[]; selectedIds: (string | number)[] }) => {
  const wanted = new Set(selectedIds.map(String))
  return lots.filter((lot) => lot.isRecallable && wanted.has(lot.id))
}

/**
 * The body of `POST /api/recalls` for the selected lots, or why there is none: one recall covers lots of one tenant;
 * reason and severity are required (the server checks them again).
 */
export function recallRequest({
  lots,
  reason,
  severity,
  severities,
}: {
  lots: RecallableLot[]
  reason: string | null
  severity: string | null
  severities: readonly string[]
}): { body: { tenant: number; lots: number[]; reason: string; severity: string } } | { message: string } | null {
  if (lots.length === 0 || reason === null || severity === null) return null
  if (new Set(lots.map((lot) => lot.tenant)).size > 1) return { message: 'A recall covers lots of one tenant: select lots of one tenant.' }
  if (!reason.trim()) return { message: 'Say why the lots are recalled.' }
  if (!severities.includes(severity.trim())) return { message: `Severity must be one of ${severities.join(', ')}.` }
  return { body: { tenant: lots[0].tenant, lots: lots.map((lot) => Number(lot.id)), reason: reason.trim(), severity: severity.trim() } }
}
