// Physical compaction of the sqlite log: chunked deletes of superseded rows, then incremental vacuum.

import type { DatabaseSync } from 'node:sqlite';
import type { Statements } from './statements.ts';

/** Revisions compacted per transaction; the event loop gets a turn between chunks. */
const CHUNK = 5000;

/** Meta names: the logical compacted revision (reads below fail) and how far rows are really gone. */
export const META_COMPACT = 'compact_rev';
export const META_PHYSICAL = 'compact_physical_rev';

/**
 * Deletes, chunk by chunk over (floor, target], every row superseded at or before `target` and
 * every tombstone at or before it. `floor` is the target of the last completed compaction, so
 * each chunk only looks at rows written since then (plus the older rows they replaced): the cost
 * follows the writes, not the size of the store. Chunks are idempotent, so a compaction cut short
 * by a crash is simply run again from the same floor on the next open. Returns false if stopped.
 */
export async function compactLog(st: Statements, floor: number, target: number, stopped: () => boolean): Promise<boolean> {
  for (let lo = floor; lo < target; lo += CHUNK) {
    if (stopped()) return false;
    const hi = Math.min(lo + CHUNK, target);
    st.begin.run();
    try {
      st.deletePrev.run(lo, hi, floor);
      st.deleteWindow.run(lo, hi, target);
      st.commit.run();
    } catch (e) {
      st.rollback.run();
      throw e;
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (stopped()) return false;
  st.metaSet.run(META_PHYSICAL, target);
  return true;
}

/**
 * Gives free pages back to the file system once they are a sizeable share of the file
 * (auto_vacuum=INCREMENTAL; free pages are otherwise reused by later writes anyway), then
 * checkpoints so the WAL is reset and truncated to its size limit.
 */
export function vacuumIfWorthwhile(db: DatabaseSync): void {
  const free = Number(db.prepare('PRAGMA freelist_count').get()?.freelist_count ?? 0);
  const pages = Number(db.prepare('PRAGMA page_count').get()?.page_count ?? 0);
  if (free < 256 || free * 4 < pages) return;
  db.exec(`PRAGMA incremental_vacuum(${free})`);
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
}
