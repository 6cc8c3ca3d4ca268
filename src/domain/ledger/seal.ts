import type { Payload } from 'payload'

import { inPoolTransaction } from '../../db/transaction'
import { sha256 } from './entryHash'

export const SEAL_BLOCK_SIZE = 10_000
/** Entries younger than this are left for the next run, so a slow transaction cannot commit inside a sealed range. */
export const SEAL_MIN_AGE_SECONDS = 30

export function sealHashOf(seal: { previousSealHash: string | null; rootHash: string; fromEntryId: number; toEntryId: number; entryCount: number }): string {
  return sha256([seal.previousSealHash ?? '', seal.rootHash, seal.fromEntryId, seal.toEntryId, seal.entryCount].join('|'))
}

export function rootHashOf(entryHashes: string[]): string {
  return sha256(entryHashes.join('\n'))
}

/**
 * Seals the next block of ledger entries (QLDB-style digest): the root hash of their hashes, chained to the
 * previous seal's hash. One sealer at a time (advisory lock); returns how many entries it sealed.
 */
export async function sealLedger({ payload, minAgeSeconds = SEAL_MIN_AGE_SECONDS }: { payload: Payload; minAgeSeconds?: number }): Promise<{ sealedEntries: number }> {
  return inPoolTransaction(payload.db.pool, async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('ledger.seal'))`)
    const { rows: last } = await client.query(`SELECT to_entry_id, seal_hash FROM ledger_seals ORDER BY to_entry_id DESC LIMIT 1`)
    const after = last[0] ? Number(last[0].to_entry_id) : 0
    const { rows: entries } = await client.query(
      `SELECT id, hash FROM ledger_entries WHERE id > $1 AND created_at < now() - make_interval(secs => $2) ORDER BY id LIMIT $3`,
      [after, minAgeSeconds, SEAL_BLOCK_SIZE],
    )
    if (entries.length === 0) return { sealedEntries: 0 }
    const seal = {
      fromEntryId: Number(entries[0].id),
      toEntryId: Number(entries[entries.length - 1].id),
      entryCount: entries.length,
      rootHash: rootHashOf(entries.map((entry) => entry.hash)),
      previousSealHash: last[0]?.seal_hash ?? null,
    }
    await client.query(
      `INSERT INTO ledger_seals (from_entry_id, to_entry_id, entry_count, root_hash, previous_seal_hash, seal_hash) VALUES ($1, $2, $3, $4, $5, $6)`,
      [seal.fromEntryId, seal.toEntryId, seal.entryCount, seal.rootHash, seal.previousSealHash, sealHashOf(seal)],
    )
    return { sealedEntries: entries.length }
  })
}
