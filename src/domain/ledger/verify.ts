import type { Payload } from 'payload'

import { hashLedgerEntry, type HashedEntryColumns } from './entryHash'
import { rootHashOf, sealHashOf } from './seal'

export type LedgerVerification = {
  entriesChecked: number
  sealsChecked: number
  firstTamperedEntry: { id: number; reason: string } | null
  firstTamperedSeal: { id: number; toEntryId: number; reason: string } | null
}

const BATCH = 5_000

/**
 * Recomputes every entry's hash from its stored columns and every seal from the entries it covers and the seal
 * before it; names the first entry and the first seal that do not match.
 */
export async function verifyLedger({ payload }: { payload: Payload }): Promise<LedgerVerification> {
  const pool = payload.db.pool
  const result: LedgerVerification = { entriesChecked: 0, sealsChecked: 0, firstTamperedEntry: null, firstTamperedSeal: null }
  let afterId = 0
  for (;;) {
    const { rows } = await pool.query(`SELECT * FROM ledger_entries WHERE id > $1 ORDER BY id LIMIT $2`, [afterId, BATCH])
    for (const row of rows) {
      if (!result.firstTamperedEntry && hashLedgerEntry(row as HashedEntryColumns) !== row.hash) {
        result.firstTamperedEntry = { id: Number(row.id), reason: 'content does not match its hash' }
      }
    }
    result.entriesChecked += rows.length
    if (rows.length < BATCH) break
    afterId = Number(rows[rows.length - 1].id)
  }

  const { rows: seals } = await pool.query(`SELECT * FROM ledger_seals ORDER BY to_entry_id`)
  let previous: { seal_hash: string; to_entry_id: number } | null = null
  for (const seal of seals) {
    result.sealsChecked += 1
    const { rows: covered } = await pool.query(`SELECT hash FROM ledger_entries WHERE id BETWEEN $1 AND $2 ORDER BY id`, [seal.from_entry_id, seal.to_entry_id])
    const reason =
      (seal.previous_seal_hash ?? null) !== (previous?.seal_hash ?? null)
        ? 'does not chain to the previous seal'
        : covered.length !== Number(seal.entry_count)
          ? `covers ${covered.length} entries, sealed ${seal.entry_count}`
          : rootHashOf(covered.map((row) => row.hash)) !== seal.root_hash
            ? 'root hash does not match the entries it covers'
            : sealHashOf({
                  previousSealHash: seal.previous_seal_hash,
                  rootHash: seal.root_hash,
                  fromEntryId: Number(seal.from_entry_id),
                  toEntryId: Number(seal.to_entry_id),
                  entryCount: Number(seal.entry_count),
                }) !== seal.seal_hash
              ? 'seal hash does not match its content'
              : null
    if (reason && !result.firstTamperedSeal) result.firstTamperedSeal = { id: Number(seal.id), toEntryId: Number(seal.to_entry_id), reason }
    previous = seal
  }
  return result
}
