// The default Backend: a kine-style revision log in one sqlite file (node:sqlite, synchronous).

import type { DatabaseSync } from 'node:sqlite';
import { StorageError } from '../backend.ts';
import type { Backend, KeyValue, ListOptions, ListResult, WatchEvent, WatchHandlers, Watcher, WriteOptions } from '../backend.ts';
import { closedError, compactedError, futureError } from '../internal/errors.ts';
import { LeaseSweeper } from '../internal/lease-sweeper.ts';
import type { SweeperClock } from '../internal/lease-sweeper.ts';
import { WatchHub } from '../internal/watch-hub.ts';
import { prefixEnd } from '../keys.ts';
import { META_COMPACT, META_PHYSICAL, compactLog, vacuumIfWorthwhile } from './compactor.ts';
import { openDatabase } from './schema.ts';
import { Statements, rangeAll, rangeGet } from './statements.ts';
import type { HeadRow, HistoryRow, ListRow, VersionRow } from './statements.ts';

export interface SqliteBackendOptions {
  /** The database file, e.g. `<dataDir>/db/state.db`; its directory is created if missing. */
  readonly file: string;
  /** fsync every commit (synchronous=FULL): durable across power loss too, at a large cost in write rate. */
  readonly fsync?: boolean;
  /** Clock for lease expiry (tests may inject one). */
  readonly clock?: SweeperClock;
}

const EMPTY = new Uint8Array(0);

interface PendingWrite {
  key: string;
  /** Runs inside the batch's transaction with the write's revision; returns what to do after the commit. */
  exec(rev: number): () => KeyValue;
  resolve(kv: KeyValue): void;
  reject(e: unknown): void;
}

/**
 * Writes are queued and committed in batches (see #enqueue); the batch runs synchronously, so writes
 * are serialised by the event loop itself and `#rev` is the revision of the last commit. Watch
 * events are published right after each commit, in revision order.
 */
export class SqliteBackend implements Backend {
  readonly name = 'sqlite';
  readonly #db: DatabaseSync;
  readonly #st: Statements;
  readonly #hub: WatchHub;
  readonly #sweeper: LeaseSweeper;
  readonly #now: () => number;
  #rev: number;
  /** Reads below this revision fail with Compacted. */
  #compacted: number;
  /** Rows are physically gone up to this revision (≤ #compacted while a compaction runs). */
  #physical: number;
  #compaction: Promise<void> = Promise.resolve();
  #closed = false;
  #queue: PendingWrite[] = [];
  #flushScheduled = false;

  constructor(options: SqliteBackendOptions) {
    this.#db = openDatabase(options.file, options.fsync);
    this.#st = new Statements(this.#db);
    this.#rev = Number(this.#st.maxRevision.get()?.rev ?? 0);
    this.#compacted = this.#meta(META_COMPACT);
    this.#physical = this.#meta(META_PHYSICAL);
    const clock = options.clock;
    this.#now = clock ? () => clock.now() : Date.now;
    this.#hub = new WatchHub({
      readHistory: (prefix, after, upto, limit) => this.#readHistory(prefix, after, upto, limit),
      compactedRevision: () => this.#compacted,
    });
    this.#sweeper = new LeaseSweeper((key, rev) => {
      this.delete(key, rev).catch(() => {}); // Conflict/NotFound: rewritten or gone since.
    }, clock);
    for (const row of this.#st.leased.all() as { name: string; id: number; expires_at: number }[]) {
      this.#sweeper.schedule(row.name, row.id, row.expires_at);
    }
    // Finish a compaction that a crash interrupted.
    if (this.#physical < this.#compacted) this.#compaction = this.#runCompaction(this.#compacted);
  }

  async get(key: string, revision?: number): Promise<{ kv: KeyValue | null; revision: number }> {
    const rev = this.#readRevision(key, revision);
    try {
      const row = (rev === this.#rev ? this.#st.latest.get(key) : this.#st.at.get(key, rev)) as VersionRow | undefined;
      return { kv: row && !row.deleted ? toKV(key, row) : null, revision: rev };
    } catch (e) {
      throw unavailable(e, key);
    }
  }

  async list(prefix: string, options: ListOptions = {}): Promise<ListResult> {
    const rev = this.#readRevision(prefix, options.revision);
    const limit = options.limit && options.limit > 0 ? options.limit : 0;
    const start = options.startKey !== undefined && options.startKey > prefix ? options.startKey : prefix;
    try {
      // One row beyond the limit tells whether there is more.
      const rows = rangeAll(this.#st.list, start, prefixEnd(prefix), rev, rev, limit > 0 ? limit + 1 : -1) as ListRow[];
      const more = limit > 0 && rows.length > limit;
      const n = more ? limit : rows.length;
      const kvs: KeyValue[] = [];
      for (let i = 0; i < n; i++) kvs.push(toKV(rows[i].name, rows[i]));
      return { kvs, revision: rev, more };
    } catch (e) {
      throw unavailable(e, prefix);
    }
  }

  async count(prefix: string): Promise<{ count: number; revision: number }> {
    this.#check(prefix);
    try {
      const row = rangeGet(this.#st.count, prefix, prefixEnd(prefix)) as { n: number };
      return { count: row.n, revision: this.#rev };
    } catch (e) {
      throw unavailable(e, prefix);
    }
  }

  async create(key: string, value: Uint8Array, options?: WriteOptions): Promise<KeyValue> {
    const lease = leaseOf(options);
    const data = new Uint8Array(value); // our own copy: the caller may reuse its buffer
    return this.#enqueue(key, (rev) => {
      const st = this.#st;
      const expires = lease > 0 ? this.#now() + lease * 1000 : 0;
      const head = st.head.get(key) as HeadRow | undefined;
      if (head && !head.deleted) throw new StorageError('KeyExists', key);
      st.insert.run(rev, key, 1, 0, rev, 0, lease, expires, data);
      return () => {
        const kv = makeKV(key, data, rev, rev, lease);
        this.#hub.publish({ type: 'put', kv });
        if (lease > 0) this.#sweeper.schedule(key, rev, expires);
        return kv;
      };
    });
  }

  async update(key: string, value: Uint8Array, expectedModRevision: number, options?: WriteOptions): Promise<KeyValue> {
    const lease = leaseOf(options);
    const data = new Uint8Array(value);
    return this.#enqueue(key, (rev) => {
      const expires = lease > 0 ? this.#now() + lease * 1000 : 0;
      // The previous value is only needed for watchers' prevKv.
      const withPrev = this.#hub.active;
      const cur = this.#expect(key, expectedModRevision, withPrev);
      this.#st.insert.run(rev, key, 0, 0, cur.create_revision, cur.id, lease, expires, data);
      return () => {
        const kv = makeKV(key, data, cur.create_revision, rev, lease);
        if (withPrev) this.#hub.publish({ type: 'put', kv, prevKv: toKV(key, cur as VersionRow) });
        if (lease > 0) this.#sweeper.schedule(key, rev, expires);
        return kv;
      };
    });
  }

  async delete(key: string, expectedModRevision?: number): Promise<KeyValue> {
    return this.#enqueue(key, (rev) => {
      const cur = this.#expect(key, expectedModRevision, true) as VersionRow;
      this.#st.insert.run(rev, key, 0, 1, cur.create_revision, cur.id, 0, 0, null);
      return () => {
        const prevKv = toKV(key, cur);
        const kv = makeKV(key, prevKv.value, cur.create_revision, rev, cur.lease);
        this.#hub.publish({ type: 'delete', kv, prevKv });
        return kv;
      };
    });
  }

  /**
   * Group commit: writes issued in the same turn of the event loop share one transaction (one WAL
   * commit), which is where most of a write's cost lies. Each write still checks its own
   * precondition in order, sees the writes before it, and gets its own revision; a failed
   * precondition fails that write alone. Promises resolve, and watch events go out, only after
   * the commit, in revision order.
   */
  #enqueue(key: string, exec: (rev: number) => () => KeyValue): Promise<KeyValue> {
    this.#check(key);
    return new Promise((resolve, reject) => {
      this.#queue.push({ key, exec, resolve, reject });
      if (!this.#flushScheduled) {
        this.#flushScheduled = true;
        setImmediate(() => this.#flush());
      }
    });
  }

  #flush(): void {
    this.#flushScheduled = false;
    const batch = this.#queue;
    this.#queue = [];
    if (batch.length === 0) return;
    if (this.#closed) {
      for (const w of batch) w.reject(closedError(w.key));
      return;
    }
    const st = this.#st;
    const done: { w: PendingWrite; after: () => KeyValue }[] = [];
    let rev = this.#rev;
    try {
      st.begin.run();
      for (const w of batch) {
        try {
          done.push({ w, after: w.exec(rev + 1) });
          rev++;
        } catch (e) {
          if (!(e instanceof StorageError)) throw e;
          w.reject(e);
        }
      }
      st.commit.run();
    } catch (e) {
      try { st.rollback.run(); } catch { /* the failure ended the transaction */ }
      // Writes already rejected for their precondition stay so; a second reject is a no-op.
      for (const w of batch) w.reject(unavailable(e, w.key));
      return;
    }
    this.#rev = rev;
    for (const d of done) d.w.resolve(d.after());
  }

  watch(prefix: string, afterRevision: number, handlers: WatchHandlers): Watcher {
    return this.#hub.watch(prefix, afterRevision, this.#rev, handlers);
  }

  async currentRevision(): Promise<number> {
    this.#check('');
    return this.#rev;
  }

  async compactedRevision(): Promise<number> {
    this.#check('');
    return this.#compacted;
  }

  /**
   * Logical first (reads and replays below `revision` fail from now on), then physical deletion
   * in chunks that yield to the event loop; resolves when the rows are gone.
   */
  async compact(revision: number): Promise<void> {
    this.#check('');
    const target = Math.min(revision, this.#rev);
    if (target > this.#compacted) {
      try {
        this.#st.metaSet.run(META_COMPACT, target);
      } catch (e) {
        throw unavailable(e, '');
      }
      this.#compacted = target;
      this.#compaction = this.#compaction.then(() => this.#runCompaction(target));
    }
    await this.#compaction;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#flush(); // writes already accepted are committed, not dropped
    this.#closed = true;
    this.#sweeper.stop();
    this.#hub.close();
    // A compaction in progress stops at its next chunk; each chunk is its own transaction.
    await this.#compaction.catch(() => {});
    this.#db.close();
  }

  async #runCompaction(target: number): Promise<void> {
    if (target <= this.#physical || this.#closed) return;
    try {
      const done = await compactLog(this.#st, this.#physical, target, () => this.#closed);
      if (!done) return;
      this.#physical = target;
      vacuumIfWorthwhile(this.#db);
    } catch (e) {
      if (!this.#closed) throw unavailable(e, '');
    }
  }

  #check(key: string): void {
    if (this.#closed) throw closedError(key);
  }

  #readRevision(key: string, revision: number | undefined): number {
    this.#check(key);
    if (!revision || revision <= 0) return this.#rev;
    if (revision < this.#compacted) throw compactedError(key, revision, this.#compacted);
    if (revision > this.#rev) throw futureError(key, revision, this.#rev);
    return revision;
  }

  /** Inside a write transaction: the key's live version, checked against the expected revision. */
  #expect(key: string, expected: number | undefined, withValue: boolean): HeadRow | VersionRow {
    const cur = (withValue ? this.#st.latest.get(key) : this.#st.head.get(key)) as VersionRow | HeadRow | undefined;
    if (!cur || cur.deleted) throw new StorageError('NotFound', key);
    if (expected !== undefined && cur.id !== expected) {
      const full = (withValue ? cur : this.#st.latest.get(key)) as VersionRow;
      throw new StorageError('Conflict', key, `Conflict: ${key} is at revision ${cur.id}, not ${expected}`, toKV(key, full));
    }
    return cur;
  }



  #meta(name: string): number {
    return Number(this.#st.metaGet.get(name)?.value ?? 0);
  }

  #readHistory(prefix: string, after: number, upto: number, limit: number): WatchEvent[] {
    const rows = rangeAll(this.#st.history, prefix, prefixEnd(prefix), after, upto, limit) as HistoryRow[];
    const out: WatchEvent[] = [];
    for (const r of rows) {
      const prevKv =
        r.prev_revision > 0 ? makeKV(r.name, r.p_value ?? EMPTY, r.p_create ?? r.create_revision, r.prev_revision, r.p_lease ?? 0) : undefined;
      if (r.deleted) {
        const kv = makeKV(r.name, prevKv?.value ?? EMPTY, r.create_revision, r.id, prevKv?.leaseSeconds ?? 0);
        out.push(prevKv ? { type: 'delete', kv, prevKv } : { type: 'delete', kv });
      } else {
        const kv = makeKV(r.name, r.value ?? EMPTY, r.create_revision, r.id, r.lease);
        out.push(prevKv ? { type: 'put', kv, prevKv } : { type: 'put', kv });
      }
    }
    return out;
  }
}

function leaseOf(options: WriteOptions | undefined): number {
  const s = options?.leaseSeconds;
  return s && s > 0 ? s : 0;
}

function makeKV(key: string, value: Uint8Array, createRevision: number, modRevision: number, lease: number): KeyValue {
  return lease > 0 ? { key, value, createRevision, modRevision, leaseSeconds: lease } : { key, value, createRevision, modRevision };
}

function toKV(key: string, row: VersionRow): KeyValue {
  return makeKV(key, row.value ?? EMPTY, row.create_revision, row.id, row.lease);
}

function unavailable(e: unknown, key: string): StorageError {
  if (e instanceof StorageError) return e;
  return new StorageError('Unavailable', key, `sqlite: ${e instanceof Error ? e.message : String(e)}`);
}
