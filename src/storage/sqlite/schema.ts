// Opens the sqlite state database: pragmas (durability, locking, vacuum) and the kine-style schema.

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/**
 * One append-only log, like kine: every write is a row whose id is its revision.
 * - created: the row created this incarnation of the key (create_revision = id).
 * - deleted: a tombstone; its value is NULL and the removed value is the row at prev_revision.
 * - prev_revision: the id of the version this row replaced (0 when it created the key).
 * - lease: seconds the writer asked for (0: forever); expires_at: when, in ms since the epoch.
 * AUTOINCREMENT keeps revisions from ever being reused, even after compaction deletes the newest rows.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS kv (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  created INTEGER NOT NULL,
  deleted INTEGER NOT NULL,
  create_revision INTEGER NOT NULL,
  prev_revision INTEGER NOT NULL,
  lease INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  value BLOB
);
CREATE INDEX IF NOT EXISTS kv_name_id ON kv (name, id);
CREATE INDEX IF NOT EXISTS kv_expires ON kv (expires_at) WHERE expires_at > 0;
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
`;

/** WAL files beyond this are truncated after a checkpoint (the default autocheckpoint is ~4 MiB). */
const WAL_SIZE_LIMIT = 8 * 1024 * 1024;

/**
 * Opens (creating if needed) the database at `file`.
 *
 * Durability: journal_mode=WAL with synchronous=NORMAL. A commit returns once its WAL frames are
 * written to the file (in the OS page cache), without fsync. That survives kill -9 of this process
 * — the requirement — but the last commits may be lost on power failure or kernel crash (the
 * database stays consistent). `fsync: true` selects synchronous=FULL for power-loss durability.
 *
 * locking_mode=EXCLUSIVE: this process is the only writer (revisions and watch events are tracked
 * in memory), so a second process opening the same file must fail rather than interleave writes.
 * It also lets WAL run without the shared-memory index.
 */
export function openDatabase(file: string, fsync = false): DatabaseSync {
  mkdirSync(dirname(file), { recursive: true });
  const db = new DatabaseSync(file);
  try {
    db.exec('PRAGMA locking_mode = EXCLUSIVE');
    // Only takes effect while the database is empty, i.e. when we create it.
    db.exec('PRAGMA auto_vacuum = INCREMENTAL');
    const mode = db.prepare('PRAGMA journal_mode = WAL').get();
    if (mode?.journal_mode !== 'wal') throw new Error(`could not enable WAL (journal_mode=${String(mode?.journal_mode)})`);
    db.exec(`PRAGMA synchronous = ${fsync ? 'FULL' : 'NORMAL'}`);
    db.exec(`PRAGMA journal_size_limit = ${WAL_SIZE_LIMIT}`);
    db.exec('PRAGMA cache_size = -16384'); // 16 MiB of page cache
    db.exec('PRAGMA temp_store = MEMORY');
    db.exec(SCHEMA);
  } catch (e) {
    db.close();
    const msg = e instanceof Error ? e.message : String(e);
    if (/locked|busy/i.test(msg)) throw new Error(`sqlite: ${file} is in use by another process`);
    throw new Error(`sqlite: cannot open ${file}: ${msg}`);
  }
  return db;
}
