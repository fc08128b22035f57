// The cache hub: one datastore watch over all of /registry/, feeding one ResourceCache per resource.

import type { Backend, StorageError, Watcher, WatchEvent } from '../../storage/backend.ts';
import { registryPrefix, resourceOfKey } from '../store/keys.ts';
import { CachedObject } from './cached-object.ts';
import { ResourceCache } from './resource-cache.ts';

export interface HubOptions {
  historyCapacity?: number;
  /** Called when the datastore watch fails for good; the hub restarts it from a fresh list. */
  onError?: (err: StorageError) => void;
}

interface Waiter { rev: number; resolve: () => void }

export class CacheHub {
  readonly backend: Backend;
  #caches = new Map<string, ResourceCache>();
  #revision = 0;
  #watcher: Watcher | undefined;
  #waiters: Waiter[] = [];
  #opts: HubOptions;
  #startRevision = 0;
  #closed = false;

  constructor(backend: Backend, opts: HubOptions = {}) {
    this.backend = backend;
    this.#opts = opts;
  }

  /** The newest datastore revision the caches reflect. */
  get revision(): number {
    return this.#revision;
  }

  /** Lists everything at one revision, then follows the datastore from there. */
  async start(): Promise<void> {
    const first = await this.backend.list(registryPrefix, { limit: 1 });
    const rev = first.revision;
    this.#startRevision = rev;
    const fresh = new Map<string, ResourceCache>();
    let startKey: string | undefined;
    for (;;) {
      const page = await this.backend.list(registryPrefix, { revision: rev, limit: 5000, startKey });
      for (const kv of page.kvs) {
        const id = resourceOfKey(kv.key);
        if (!id) continue;
        let c = fresh.get(id);
        if (!c) { c = this.#newCache(id, rev); fresh.set(id, c); }
        c.fill(CachedObject.fromKV(kv));
      }
      if (!page.more || page.kvs.length === 0) break;
      startKey = page.kvs[page.kvs.length - 1].key + '\u0000';
    }
    const old = this.#caches;
    this.#caches = fresh;
    this.#revision = rev;
    for (const c of old.values()) c.closeAll();
    this.#watcher = this.backend.watch(registryPrefix, rev, {
      onEvents: (events) => this.#onEvents(events),
      onError: (err) => this.#onWatchError(err),
    });
    this.#wake();
  }

  #newCache(id: string, rev: number): ResourceCache {
    return new ResourceCache(id, { historyCapacity: this.#opts.historyCapacity ?? 2048, startRevision: rev });
  }

  #onEvents(events: WatchEvent[]): void {
    for (const ev of events) {
      const id = resourceOfKey(ev.kv.key);
      if (id) this.cache(id).apply(ev.type, CachedObject.fromKV(ev.kv));
      if (ev.kv.modRevision > this.#revision) this.#revision = ev.kv.modRevision;
    }
    this.#wake();
  }

  #onWatchError(err: StorageError): void {
    if (this.#closed) return;
    this.#opts.onError?.(err);
    // Start over from a consistent list; watchers of the old caches keep their streams until they
    // end, and will be told to relist when they resume from a revision the new caches lack.
    setTimeout(() => { if (!this.#closed) this.start().catch((e: StorageError) => this.#onWatchError(e)); }, 1000).unref();
  }

  #wake(): void {
    if (this.#waiters.length === 0) return;
    const still: Waiter[] = [];
    for (const w of this.#waiters) {
      if (w.rev <= this.#revision) w.resolve();
      else still.push(w);
    }
    this.#waiters = still;
  }

  /** The cache for "group/resource" (core group spelled "core"), created empty on first use. */
  cache(id: string): ResourceCache {
    let c = this.#caches.get(id);
    if (!c) {
      // A resource with nothing stored yet: its history starts at the hub's first revision.
      c = this.#newCache(id, this.#startRevision);
      this.#caches.set(id, c);
    }
    return c;
  }

  /** Resolves once the caches reflect every write up to `rev`. */
  waitFor(rev: number): Promise<void> {
    if (rev <= this.#revision) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ rev, resolve }));
  }

  /** Resolves once the caches reflect every write acknowledged before the call. */
  async waitFresh(): Promise<void> {
    await this.waitFor(await this.backend.currentRevision());
  }

  close(): void {
    this.#closed = true;
    this.#watcher?.cancel();
    for (const w of this.#waiters) w.resolve();
    this.#waiters = [];
  }
}
