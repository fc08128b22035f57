// The prepared statements of the sqlite backend, and typed access to their rows.

import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';

/** The newest row of a key, without its value (enough for create and CAS checks). */
export interface HeadRow {
  id: number;
  create_revision: number;
  deleted: number;
  lease: number;
}

export interface VersionRow extends HeadRow {
  value: Uint8Array | null;
}

export interface ListRow extends VersionRow {
  name: string;
}

/** A log row joined with the version it replaced (p*), for watch replay. */
export interface HistoryRow extends ListRow {
  prev_revision: number;
  p_value: Uint8Array | null;
  p_create: number | null;
  p_lease: number | null;
}

/** A statement over a key range, prepared twice: with an upper bound, and open-ended (empty prefix). */
interface RangeStatement {
  bounded: StatementSync;
  open: StatementSync;
}

const VERSION_COLS = 'id, create_revision, deleted, lease, value';

export class Statements {
  readonly begin: StatementSync;
  readonly commit: StatementSync;
  readonly rollback: StatementSync;
  readonly head: StatementSync;
  readonly latest: StatementSync;
  readonly at: StatementSync;
  readonly insert: StatementSync;
  readonly list: RangeStatement;
  readonly count: RangeStatement;
  readonly history: RangeStatement;
  readonly metaGet: StatementSync;
  readonly metaSet: StatementSync;
  readonly leased: StatementSync;
  readonly maxRevision: StatementSync;
  readonly deletePrev: StatementSync;
  readonly deleteWindow: StatementSync;

  constructor(db: DatabaseSync) {
    const range = (sql: (cond: string) => string): RangeStatement => ({
      bounded: db.prepare(sql('k.name >= ? AND k.name < ?')),
      open: db.prepare(sql('k.name >= ?')),
    });
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
    this.head = db.prepare('SELECT id, create_revision, deleted, lease FROM kv WHERE name = ? ORDER BY id DESC LIMIT 1');
    this.latest = db.prepare(`SELECT ${VERSION_COLS} FROM kv WHERE name = ? ORDER BY id DESC LIMIT 1`);
    this.at = db.prepare(`SELECT ${VERSION_COLS} FROM kv WHERE name = ? AND id <= ? ORDER BY id DESC LIMIT 1`);
    this.insert = db.prepare(
      'INSERT INTO kv (id, name, created, deleted, create_revision, prev_revision, lease, expires_at, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    // The newest row of each key at or before the revision, if it is not a tombstone. Walks the
    // (name, id) index in key order, so LIMIT stops the scan early.
    this.list = range((cond) => `SELECT k.name, k.id, k.create_revision, k.deleted, k.lease, k.value
      FROM kv AS k INDEXED BY kv_name_id
      WHERE ${cond} AND k.id <= ? AND k.deleted = 0
        AND NOT EXISTS (SELECT 1 FROM kv AS n WHERE n.name = k.name AND n.id > k.id AND n.id <= ?)
      ORDER BY k.name LIMIT ?`);
    this.count = range((cond) => `SELECT COUNT(*) AS n FROM kv AS k INDEXED BY kv_name_id
      WHERE ${cond} AND k.deleted = 0 AND NOT EXISTS (SELECT 1 FROM kv AS n WHERE n.name = k.name AND n.id > k.id)`);
    // Replay walks the log by id (the unary + keeps the planner off the name index).
    this.history = range((cond) => `SELECT k.id, k.name, k.create_revision, k.deleted, k.lease, k.value, k.prev_revision,
        p.value AS p_value, p.create_revision AS p_create, p.lease AS p_lease
      FROM kv AS k LEFT JOIN kv AS p ON p.id = k.prev_revision
      WHERE ${cond.replaceAll('k.name', '+k.name')} AND k.id > ? AND k.id <= ?
      ORDER BY k.id LIMIT ?`);
    this.metaGet = db.prepare('SELECT value FROM meta WHERE name = ?');
    this.metaSet = db.prepare('INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value');
    // Live leased keys, to re-arm their expiry on open (the partial index kv_expires finds them).
    this.leased = db.prepare(`SELECT k.name, k.id, k.expires_at FROM kv AS k
      WHERE k.expires_at > 0 AND k.deleted = 0 AND NOT EXISTS (SELECT 1 FROM kv AS n WHERE n.name = k.name AND n.id > k.id)`);
    this.maxRevision = db.prepare(
      "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'kv'), 0), COALESCE((SELECT MAX(id) FROM kv), 0)) AS rev",
    );
    // Compaction of the log window (lo, hi] towards target, given everything at or before floor
    // was compacted earlier (so rows there are each the newest of their key, never tombstones):
    // first the old rows that window rows replaced, then window rows that are tombstones or are
    // replaced by a row at or before target.
    this.deletePrev = db.prepare(`DELETE FROM kv WHERE id IN
      (SELECT prev_revision FROM kv WHERE id > ? AND id <= ? AND prev_revision > 0 AND prev_revision <= ?)`);
    this.deleteWindow = db.prepare(`DELETE FROM kv WHERE id > ? AND id <= ? AND (deleted = 1
      OR EXISTS (SELECT 1 FROM kv AS n WHERE n.name = kv.name AND n.id > kv.id AND n.id <= ?))`);
  }
}

/** Runs a range statement over [start, end), or [start, ∞) when there is no end. */
export function rangeAll(st: RangeStatement, start: string, end: string | undefined, ...rest: SQLInputValue[]): unknown[] {
  return end === undefined ? st.open.all(start, ...rest) : st.bounded.all(start, end, ...rest);
}

export function rangeGet(st: RangeStatement, start: string, end: string | undefined, ...rest: SQLInputValue[]): unknown {
  return end === undefined ? st.open.get(start, ...rest) : st.bounded.get(start, end, ...rest);
}
