// The HA Backend: etcd v3 through the etcd3 client — revisions, CAS, watches, compaction and leases are etcd's own.

import { Etcd3 } from 'etcd3';
import type { ICompare, IKeyValue, IOptions, ITxnResponse } from 'etcd3';
import { StorageError } from '../backend.ts';
import type { Backend, KeyValue, ListOptions, ListResult, WatchHandlers, Watcher, WriteOptions } from '../backend.ts';
import { closedError } from '../internal/errors.ts';
import { EtcdWatch } from './etcd-watch.ts';
import { LeaseTable, Result, Target, fromEtcd, isCompactedError, makeKV, prefixRange, toStorageError } from './etcd-util.ts';

export interface EtcdBackendOptions {
  /** Client URLs, e.g. ["http://127.0.0.1:2379"]; https:// ones use TLS. */
  readonly endpoints: readonly string[];
  /** PEM contents (not paths): the CA to trust, and a client certificate and key. */
  readonly tls?: { readonly ca?: Buffer; readonly cert?: Buffer; readonly key?: Buffer };
  /** Deadline for each unary call (default 30 s). */
  readonly callTimeoutMs?: number;
}

/** Any single key: reads of it return the header revision, and fail like any read below the compacted revision. */
const PROBE_KEY = Buffer.from([0]);

/**
 * Each write is one etcd txn: the compare is the CAS (create: create_revision == 0; update and
 * delete: the key exists and mod_revision == expected), the failure branch reads the key so a
 * Conflict can carry it. Leases are granted per leased write and attached to the put.
 *
 * The etcd3 client retries calls that fail with transient gRPC errors (its default policy). For
 * a txn whose reply was lost after etcd applied it, the retry's compare fails, so the caller sees
 * KeyExists/Conflict for a write that happened — never a duplicated or lost write.
 */
export class EtcdBackend implements Backend {
  readonly name = 'etcd';
  readonly #client: Etcd3;
  readonly #leases: LeaseTable;
  readonly #watches = new Set<EtcdWatch>();
  /** A lower bound of etcd's compacted revision (ours or one etcd reported). */
  #knownCompacted = 0;
  #closed = false;

  constructor(options: EtcdBackendOptions) {
    const timeout = options.callTimeoutMs ?? 30_000;
    const opts: IOptions = {
      hosts: [...options.endpoints],
      defaultCallOptions: (ctx) => (ctx.isStream ? {} : { deadline: Date.now() + timeout }),
    };
    const tls = options.tls;
    if (tls?.ca) opts.credentials = { rootCertificate: tls.ca, certChain: tls.cert, privateKey: tls.key };
    this.#client = new Etcd3(opts);
    this.#leases = new LeaseTable(this.#client);
  }

  async get(key: string, revision?: number): Promise<{ kv: KeyValue | null; revision: number }> {
    return this.#call(key, async () => {
      const rev = revision && revision > 0 ? revision : undefined;
      const res = await this.#client.kv.range({ key: Buffer.from(key), revision: rev });
      return { kv: res.kvs.length > 0 ? await this.#toKV(res.kvs[0]) : null, revision: rev ?? Number(res.header.revision) };
    });
  }

  async list(prefix: string, options: ListOptions = {}): Promise<ListResult> {
    return this.#call(prefix, async () => {
      const range = prefixRange(prefix);
      const start = options.startKey !== undefined && options.startKey > prefix ? Buffer.from(options.startKey) : range.key;
      const rev = options.revision && options.revision > 0 ? options.revision : undefined;
      const limit = options.limit && options.limit > 0 ? options.limit : undefined;
      const res = await this.#client.kv.range({ key: start, range_end: range.range_end, revision: rev, limit });
      if (!this.#leases.known(res.kvs)) await this.#leases.resolve(res.kvs);
      const kvs = res.kvs.map((kv) => fromEtcd(kv, this.#leases));
      return { kvs, revision: rev ?? Number(res.header.revision), more: res.more };
    });
  }

  async count(prefix: string): Promise<{ count: number; revision: number }> {
    return this.#call(prefix, async () => {
      const res = await this.#client.kv.range({ ...prefixRange(prefix), count_only: true });
      return { count: Number(res.count), revision: Number(res.header.revision) };
    });
  }

  async create(key: string, value: Uint8Array, options?: WriteOptions): Promise<KeyValue> {
    return this.#call(key, async () => {
      const k = Buffer.from(key);
      const data = Buffer.from(value);
      const lease = await this.#leases.grant(options?.leaseSeconds);
      const res = await this.#client.kv.txn({
        compare: [{ key: k, target: Target.Create, result: Result.Equal, create_revision: 0 }],
        success: [{ request_put: { key: k, value: data, lease } }],
      });
      if (!res.succeeded) {
        this.#leases.revoke(lease);
        throw new StorageError('KeyExists', key);
      }
      const rev = Number(res.header.revision);
      return makeKV(key, data, rev, rev, this.#leases.seconds(lease));
    });
  }

  async update(key: string, value: Uint8Array, expectedModRevision: number, options?: WriteOptions): Promise<KeyValue> {
    return this.#call(key, async () => {
      const k = Buffer.from(key);
      const data = Buffer.from(value);
      const lease = await this.#leases.grant(options?.leaseSeconds);
      const res = await this.#client.kv.txn({
        compare: [
          { key: k, target: Target.Create, result: Result.Greater, create_revision: 0 },
          { key: k, target: Target.Mod, result: Result.Equal, mod_revision: expectedModRevision },
        ],
        success: [{ request_put: { key: k, value: data, lease, prev_kv: true } }],
        failure: [{ request_range: { key: k } }],
      });
      if (!res.succeeded) {
        this.#leases.revoke(lease);
        throw await this.#casFailure(key, res, expectedModRevision);
      }
      const prev = res.responses[0]?.response_put?.prev_kv;
      return makeKV(key, data, Number(prev?.create_revision ?? res.header.revision), Number(res.header.revision), this.#leases.seconds(lease));
    });
  }

  async delete(key: string, expectedModRevision?: number): Promise<KeyValue> {
    return this.#call(key, async () => {
      const k = Buffer.from(key);
      const compare: ICompare[] = [{ key: k, target: Target.Create, result: Result.Greater, create_revision: 0 }];
      if (expectedModRevision !== undefined) {
        compare.push({ key: k, target: Target.Mod, result: Result.Equal, mod_revision: expectedModRevision });
      }
      const res = await this.#client.kv.txn({
        compare,
        success: [{ request_delete_range: { key: k, prev_kv: true } }],
        failure: [{ request_range: { key: k } }],
      });
      if (!res.succeeded) throw await this.#casFailure(key, res, expectedModRevision);
      const prev = res.responses[0]?.response_delete_range?.prev_kvs?.[0];
      if (!prev) throw new StorageError('NotFound', key);
      const last = await this.#toKV(prev);
      return makeKV(key, last.value, last.createRevision, Number(res.header.revision), last.leaseSeconds ?? 0);
    });
  }

  watch(prefix: string, afterRevision: number, handlers: WatchHandlers): Watcher {
    const w = new EtcdWatch({
      client: this.#client,
      leases: this.#leases,
      prefix,
      after: afterRevision,
      handlers,
      onEnd: (ended) => this.#watches.delete(ended),
      onCompacted: (rev) => {
        if (rev > this.#knownCompacted) this.#knownCompacted = rev;
      },
    });
    if (this.#closed) {
      queueMicrotask(() => w.fail(closedError(prefix)));
      return w;
    }
    this.#watches.add(w);
    w.start();
    return w;
  }

  async currentRevision(): Promise<number> {
    return this.#call('', async () => Number((await this.#client.kv.range({ key: PROBE_KEY, count_only: true })).header.revision));
  }

  /**
   * etcd 3.4 has no cheap call that returns the compacted revision, but a read at revision r
   * fails exactly when r < compacted revision: binary-search the smallest readable revision,
   * starting from what we already know (a few cheap reads).
   */
  async compactedRevision(): Promise<number> {
    return this.#call('', async () => {
      const known = this.#knownCompacted;
      let lo = Math.max(known, 1);
      let hi = Number((await this.#client.kv.range({ key: PROBE_KEY, count_only: true })).header.revision);
      if (await this.#readable(lo)) return known;
      // Invariant: revision lo is compacted, hi is readable.
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (await this.#readable(mid)) hi = mid;
        else lo = mid;
      }
      this.#knownCompacted = hi;
      return hi;
    });
  }

  async compact(revision: number): Promise<void> {
    return this.#call('', async () => {
      const current = Number((await this.#client.kv.range({ key: PROBE_KEY, count_only: true })).header.revision);
      const target = Math.min(revision, current);
      if (target <= this.#knownCompacted) return;
      try {
        await this.#client.kv.compact({ revision: target, physical: true });
      } catch (e) {
        if (isCompactedError(e)) return; // already compacted at or beyond target: a no-op
        throw e;
      }
      this.#knownCompacted = target;
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const err = closedError('');
    for (const w of this.#watches) w.fail(err); // fail() removes w; Set iteration tolerates that
    this.#client.close();
  }

  async #call<T>(key: string, fn: () => Promise<T>): Promise<T> {
    if (this.#closed) throw closedError(key);
    try {
      return await fn();
    } catch (e) {
      throw this.#closed ? closedError(key) : toStorageError(e, key);
    }
  }

  async #readable(revision: number): Promise<boolean> {
    try {
      await this.#client.kv.range({ key: PROBE_KEY, revision, count_only: true });
      return true;
    } catch (e) {
      if (isCompactedError(e)) return false;
      throw e;
    }
  }

  async #toKV(kv: IKeyValue): Promise<KeyValue> {
    if (!this.#leases.known([kv])) await this.#leases.resolve([kv]);
    return fromEtcd(kv, this.#leases);
  }

  /** A failed CAS txn: the failure branch read the key — NotFound if absent, else Conflict with it. */
  async #casFailure(key: string, res: ITxnResponse, expected: number | undefined): Promise<StorageError> {
    const cur = res.responses[0]?.response_range?.kvs?.[0];
    if (!cur) return new StorageError('NotFound', key);
    const current = await this.#toKV(cur);
    return new StorageError('Conflict', key, `Conflict: ${key} is at revision ${current.modRevision}, not ${expected}`, current);
  }
}
