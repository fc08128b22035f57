// One Backend watch over etcd: its own gRPC watch stream, resumed after failures from the last revision delivered.

import type { Etcd3, IDuplexStream, IEvent, IKeyValue, IWatchRequest, IWatchResponse } from 'etcd3';
import { StorageError } from '../backend.ts';
import type { WatchEvent, WatchHandlers, Watcher } from '../backend.ts';
import { LeaseTable, fromEtcd, makeKV, prefixRange } from './etcd-util.ts';

/** Reconnection attempts (with backoff up to ~3 s each) before the watch ends with Unavailable. */
const MAX_RETRIES = 8;

export interface EtcdWatchOptions {
  readonly client: Etcd3;
  readonly leases: LeaseTable;
  readonly prefix: string;
  readonly after: number;
  readonly handlers: WatchHandlers;
  /** Called once when the watch ends for any reason. */
  readonly onEnd: (w: EtcdWatch) => void;
  /** Called with the compacted revision when etcd reports one. */
  readonly onCompacted: (revision: number) => void;
}

/**
 * We ask etcd for events from `start_revision = after` (not after + 1) and drop the one at
 * `after`: then etcd's own check (start < compacted revision → compacted) is exactly the
 * contract's (after < compacted revision → Compacted). Revision 0 would mean "now" to etcd, so
 * the first start is at least 1. After a failure the stream restarts from the last revision
 * delivered, so nothing is missed or repeated.
 */
export class EtcdWatch implements Watcher {
  readonly #o: EtcdWatchOptions;
  #stream: IDuplexStream<IWatchRequest, IWatchResponse> | undefined;
  /** The newest revision handed to onEvents (or `after`). */
  #delivered: number;
  #done = false;
  #retries = 0;
  /** Responses are handled one after another (a lease lookup may make one wait). */
  #chain: Promise<void> = Promise.resolve();

  constructor(options: EtcdWatchOptions) {
    this.#o = options;
    this.#delivered = options.after;
  }

  start(): void {
    void this.#open();
  }

  cancel(): void {
    if (this.#done) return;
    this.#done = true;
    this.#closeStream();
    this.#o.onEnd(this);
  }

  /** Ends the watch with `err` (unless it already ended). */
  fail(err: StorageError): void {
    if (this.#done) return;
    this.cancel();
    try {
      this.#o.handlers.onError(err);
    } catch (e) {
      setImmediate(() => {
        throw e;
      });
    }
  }

  async #open(): Promise<void> {
    let stream: IDuplexStream<IWatchRequest, IWatchResponse>;
    try {
      stream = await this.#o.client.watchClient.watch();
    } catch (e) {
      this.#retry(e);
      return;
    }
    if (this.#done) {
      stream.end();
      stream.cancel();
      return;
    }
    this.#stream = stream;
    stream.on('data', (res: IWatchResponse) => {
      if (stream !== this.#stream) return;
      this.#chain = this.#chain.then(() => this.#handle(res)).catch((e: unknown) => this.fail(unavailable(this.#o.prefix, e)));
    });
    stream.on('error', (err: Error) => {
      if (stream === this.#stream) this.#retry(err);
    });
    stream.on('end', () => {
      if (stream === this.#stream) this.#retry(new Error('watch stream ended'));
    });
    stream.write({
      create_request: { ...prefixRange(this.#o.prefix), start_revision: Math.max(this.#delivered, 1), prev_kv: true },
    });
  }

  #closeStream(): void {
    const s = this.#stream;
    this.#stream = undefined;
    if (!s) return;
    // Half-close first: the client library resets the whole connection on errors from a stream
    // that is still writable, and cancel() reports one (CANCELLED).
    s.end();
    s.cancel();
  }

  #retry(err: unknown): void {
    if (this.#done) return;
    this.#closeStream();
    if (++this.#retries > MAX_RETRIES) {
      this.fail(unavailable(this.#o.prefix, err));
      return;
    }
    const delay = Math.min(100 * 2 ** (this.#retries - 1), 3000);
    setTimeout(() => {
      if (!this.#done) void this.#open();
    }, delay).unref();
  }

  async #handle(res: IWatchResponse): Promise<void> {
    if (this.#done) return;
    const compacted = Number(res.compact_revision);
    if (compacted > 0) {
      this.#o.onCompacted(compacted);
      this.fail(new StorageError('Compacted', this.#o.prefix, `etcd: revision ${this.#delivered} is older than the compacted revision ${compacted}`));
      return;
    }
    if (res.canceled) {
      this.fail(unavailable(this.#o.prefix, `watch canceled by etcd: ${res.cancel_reason || 'no reason given'}`));
      return;
    }
    if (res.created) {
      this.#retries = 0;
      return;
    }
    const events = res.events ?? [];
    if (events.length === 0) return;
    const kvs: (IKeyValue | undefined)[] = [];
    for (const ev of events) kvs.push(ev.kv, ev.prev_kv);
    if (!this.#o.leases.known(kvs)) {
      await this.#o.leases.resolve(kvs);
      if (this.#done) return;
    }
    const batch: WatchEvent[] = [];
    for (const ev of events) {
      const rev = Number(ev.kv.mod_revision);
      if (rev <= this.#delivered) continue;
      batch.push(this.#convert(ev, rev));
    }
    if (batch.length === 0) return;
    this.#delivered = batch[batch.length - 1].kv.modRevision;
    try {
      this.#o.handlers.onEvents(batch);
    } catch (e) {
      setImmediate(() => {
        throw e;
      });
    }
  }

  #convert(ev: IEvent, rev: number): WatchEvent {
    const leases = this.#o.leases;
    const prev = ev.prev_kv ? fromEtcd(ev.prev_kv, leases) : undefined;
    if (String(ev.type).toUpperCase() === 'DELETE') {
      const key = ev.kv.key.toString();
      const kv = prev
        ? makeKV(key, prev.value, prev.createRevision, rev, prev.leaseSeconds ?? 0)
        : makeKV(key, new Uint8Array(0), 0, rev, 0);
      return prev ? { type: 'delete', kv, prevKv: prev } : { type: 'delete', kv };
    }
    const kv = fromEtcd(ev.kv, leases);
    // etcd attaches no prev_kv to a create; guard anyway so a create never carries one.
    return prev && kv.createRevision !== rev ? { type: 'put', kv, prevKv: prev } : { type: 'put', kv };
  }
}

function unavailable(key: string, e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  return new StorageError('Unavailable', key, `etcd watch: ${e instanceof Error ? e.message : String(e)}`);
}
