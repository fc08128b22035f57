// An in-memory Backend for unit tests of other layers: full MVCC history, watches and leases, no disk.

import { StorageError } from '../backend.ts';
import type { Backend, KeyValue, ListOptions, ListResult, WatchEvent, WatchHandlers, Watcher, WriteOptions } from '../backend.ts';
import { compareKeys } from '../keys.ts';
import { LeaseSweeper } from '../internal/lease-sweeper.ts';
import type { SweeperClock } from '../internal/lease-sweeper.ts';
import { WatchHub } from '../internal/watch-hub.ts';
import { closedError, compactedError, futureError } from '../internal/errors.ts';

/** One stored version; a tombstone (deleted) carries the last value it removed. */
interface Version {
  readonly rev: number;
  readonly createRev: number;
  readonly deleted: boolean;
  readonly value: Uint8Array;
  readonly lease: number;
}

export interface MemoryBackendOptions {
  /** Clock for lease expiry (tests may inject one). */
  readonly clock?: SweeperClock;
}

/**
 * Keeps every version of every key until compaction. Not durable: "durable when the promise
 * resolves" holds only for the life of the process, which is all unit tests need.
 * Values are copied in and out so callers can never alter stored bytes.
 */
export class MemoryBackend implements Backend {
  readonly name = 'memory';
  readonly #versions = new Map<string, Version[]>();
  /** Every key with at least one stored version, in byte order. */
  readonly #keys: string[] = [];
  /** Every event since the compacted revision, ascending; the watch history. */
  #events: WatchEvent[] = [];
  #rev = 0;
  #compacted = 0;
  #closed = false;
  readonly #hub: WatchHub;
  readonly #sweeper: LeaseSweeper;
  readonly #now: () => number;

  constructor(options: MemoryBackendOptions = {}) {
    this.#hub = new WatchHub({
      readHistory: (prefix, after, upto, limit) => this.#readHistory(prefix, after, upto, limit),
      compactedRevision: () => this.#compacted,
    });
    this.#sweeper = new LeaseSweeper((key, rev) => {
      this.delete(key, rev).catch(() => {}); // Conflict/NotFound: rewritten or gone since.
    }, options.clock);
    const clock = options.clock;
    this.#now = clock ? () => clock.now() : Date.now;
  }

  async get(key: string, revision?: number): Promise<{ kv: KeyValue | null; revision: number }> {
    const rev = this.#readRevision(key, revision);
    const v = this.#versionAt(key, rev);
    return { kv: v && !v.deleted ? toKV(key, v, true) : null, revision: rev };
  }

  async list(prefix: string, options: ListOptions = {}): Promise<ListResult> {
    const rev = this.#readRevision(prefix, options.revision);
    const limit = options.limit && options.limit > 0 ? options.limit : Infinity;
    const from = options.startKey !== undefined && compareKeys(options.startKey, prefix) > 0 ? options.startKey : prefix;
    const kvs: KeyValue[] = [];
    let more = false;
    for (let i = lowerBound(this.#keys, from); i < this.#keys.length; i++) {
      const key = this.#keys[i];
      if (!key.startsWith(prefix)) break;
      const v = this.#versionAt(key, rev);
      if (!v || v.deleted) continue;
      if (kvs.length >= limit) {
        more = true;
        break;
      }
      kvs.push(toKV(key, v, true));
    }
    return { kvs, revision: rev, more };
  }

  async count(prefix: string): Promise<{ count: number; revision: number }> {
    this.#check(prefix);
    let count = 0;
    for (let i = lowerBound(this.#keys, prefix); i < this.#keys.length; i++) {
      const key = this.#keys[i];
      if (!key.startsWith(prefix)) break;
      const vs = this.#versions.get(key);
      if (vs && !vs[vs.length - 1].deleted) count++;
    }
    return { count, revision: this.#rev };
  }

  async create(key: string, value: Uint8Array, options?: WriteOptions): Promise<KeyValue> {
    this.#check(key);
    const cur = this.#latest(key);
    if (cur && !cur.deleted) throw new StorageError('KeyExists', key);
    const rev = this.#rev + 1;
    const v: Version = { rev, createRev: rev, deleted: false, value: value.slice(), lease: leaseOf(options) };
    this.#append(key, v, undefined);
    return toKV(key, v, true);
  }

  async update(key: string, value: Uint8Array, expectedModRevision: number, options?: WriteOptions): Promise<KeyValue> {
    this.#check(key);
    const cur = this.#expect(key, expectedModRevision);
    const v: Version = { rev: this.#rev + 1, createRev: cur.createRev, deleted: false, value: value.slice(), lease: leaseOf(options) };
    this.#append(key, v, cur);
    return toKV(key, v, true);
  }

  async delete(key: string, expectedModRevision?: number): Promise<KeyValue> {
    this.#check(key);
    const cur = this.#expect(key, expectedModRevision);
    const v: Version = { rev: this.#rev + 1, createRev: cur.createRev, deleted: true, value: cur.value, lease: cur.lease };
    this.#append(key, v, cur);
    return toKV(key, v, true);
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

  async compact(revision: number): Promise<void> {
    this.#check('');
    const target = Math.min(revision, this.#rev);
    if (target <= this.#compacted) return;
    this.#compacted = target;
    for (let i = 0; i < this.#keys.length; ) {
      const key = this.#keys[i];
      const vs = this.#versions.get(key) as Version[];
      // Keep the newest version at or before the target (unless a tombstone) and all later ones.
      let keepFrom = 0;
      for (let j = vs.length - 1; j >= 0; j--) {
        if (vs[j].rev <= target) {
          keepFrom = vs[j].deleted ? j + 1 : j;
          break;
        }
      }
      if (keepFrom > 0) vs.splice(0, keepFrom);
      if (vs.length === 0) {
        this.#versions.delete(key);
        this.#keys.splice(i, 1);
      } else {
        i++;
      }
    }
    const firstKept = lowerBoundEvent(this.#events, target + 1);
    this.#events = this.#events.slice(firstKept);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#sweeper.stop();
    this.#hub.close();
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

  #latest(key: string): Version | undefined {
    const vs = this.#versions.get(key);
    return vs ? vs[vs.length - 1] : undefined;
  }

  #versionAt(key: string, rev: number): Version | undefined {
    const vs = this.#versions.get(key);
    if (!vs) return undefined;
    for (let j = vs.length - 1; j >= 0; j--) if (vs[j].rev <= rev) return vs[j];
    return undefined;
  }

  /** The live version of `key`, checked against the expected modRevision when one is given. */
  #expect(key: string, expected: number | undefined): Version {
    const cur = this.#latest(key);
    if (!cur || cur.deleted) throw new StorageError('NotFound', key);
    if (expected !== undefined && cur.rev !== expected) {
      throw new StorageError('Conflict', key, `Conflict: ${key} is at revision ${cur.rev}, not ${expected}`, toKV(key, cur, true));
    }
    return cur;
  }

  #append(key: string, v: Version, prev: Version | undefined): void {
    this.#rev = v.rev;
    let vs = this.#versions.get(key);
    if (!vs) {
      vs = [];
      this.#versions.set(key, vs);
      this.#keys.splice(lowerBound(this.#keys, key), 0, key);
    }
    vs.push(v);
    const kv = toKV(key, v, false);
    const ev: WatchEvent = prev ? { type: v.deleted ? 'delete' : 'put', kv, prevKv: toKV(key, prev, false) } : { type: 'put', kv };
    this.#events.push(ev);
    this.#hub.publish(ev);
    if (v.lease > 0 && !v.deleted) this.#sweeper.schedule(key, v.rev, this.#now() + v.lease * 1000);
  }

  #readHistory(prefix: string, after: number, upto: number, limit: number): WatchEvent[] {
    const out: WatchEvent[] = [];
    for (let i = lowerBoundEvent(this.#events, after + 1); i < this.#events.length && out.length < limit; i++) {
      const ev = this.#events[i];
      if (ev.kv.modRevision > upto) break;
      if (ev.kv.key.startsWith(prefix)) out.push(ev);
    }
    return out;
  }
}

function leaseOf(options: WriteOptions | undefined): number {
  const s = options?.leaseSeconds;
  return s && s > 0 ? s : 0;
}

function toKV(key: string, v: Version, copy: boolean): KeyValue {
  const value = copy ? v.value.slice() : v.value;
  const modRevision = v.rev;
  const createRevision = v.createRev;
  return v.lease > 0 ? { key, value, createRevision, modRevision, leaseSeconds: v.lease } : { key, value, createRevision, modRevision };
}

function lowerBound(keys: string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareKeys(keys[mid], key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first event with modRevision ≥ rev. */
function lowerBoundEvent(events: WatchEvent[], rev: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events[mid].kv.modRevision < rev) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
