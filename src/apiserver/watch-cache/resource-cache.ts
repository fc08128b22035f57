// The watch cache of one resource: current objects, a window of recent events, and live watchers.

import { CachedObject } from './cached-object.ts';

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** A change to one object. `line` is the JSON watch-event line, built once for all watchers. */
export class CacheEvent {
  readonly type: EventType;
  readonly obj: CachedObject;
  readonly prev: CachedObject | undefined;
  readonly rv: number;
  #line: string | undefined;

  constructor(type: EventType, obj: CachedObject, prev: CachedObject | undefined) {
    this.type = type;
    this.obj = obj;
    this.prev = prev;
    this.rv = obj.rv;
  }

  get line(): string {
    return (this.#line ??= `{"type":"${this.type}","object":${this.obj.json}}\n`);
  }
}

export interface CacheWatch {
  stop(): void;
}

/** Raised when a watch asks for history the cache no longer has (the API answers 410 Gone). */
export class TooOldError extends Error {
  constructor(rv: number, oldest: number) {
    super(`too old resource version: ${rv} (${oldest})`);
    this.name = 'TooOldError';
  }
}

export interface ResourceCacheOptions {
  /** Events kept for watches that resume from an older resourceVersion. */
  historyCapacity: number;
  /** The revision the cache was filled at: history starts after it. */
  startRevision: number;
}

export class ResourceCache {
  readonly id: string;
  readonly objects = new Map<string, CachedObject>();
  #history: CacheEvent[] = [];
  #historyStart = 0; // index of the oldest kept event in a ring of #history
  #historyLen = 0;
  #evictedUpTo: number;
  #capacity: number;
  #sorted: CachedObject[] | null = null;
  #watchers = new Map<(ev: CacheEvent) => void, (() => void) | undefined>();

  constructor(id: string, opts: ResourceCacheOptions) {
    this.id = id;
    this.#capacity = opts.historyCapacity;
    this.#evictedUpTo = opts.startRevision;
  }

  /** Loads an object during the initial fill (no event). */
  fill(obj: CachedObject): void {
    this.objects.set(obj.key, obj);
    this.#sorted = null;
  }

  /** Applies a change from the datastore and tells the watchers. */
  apply(type: 'put' | 'delete', obj: CachedObject): void {
    const prev = this.objects.get(obj.key);
    let ev: CacheEvent;
    if (type === 'delete') {
      this.objects.delete(obj.key);
      ev = new CacheEvent('DELETED', obj, prev);
    } else {
      this.objects.set(obj.key, obj);
      ev = new CacheEvent(prev ? 'MODIFIED' : 'ADDED', obj, prev);
    }
    this.#sorted = null;
    this.#record(ev);
    for (const w of this.#watchers.keys()) w(ev);
  }

  #record(ev: CacheEvent): void {
    if (this.#capacity <= 0) { this.#evictedUpTo = ev.rv; return; }
    if (this.#historyLen < this.#capacity) {
      this.#history[(this.#historyStart + this.#historyLen) % this.#capacity] = ev;
      this.#historyLen++;
    } else {
      this.#evictedUpTo = this.#history[this.#historyStart].rv;
      this.#history[this.#historyStart] = ev;
      this.#historyStart = (this.#historyStart + 1) % this.#capacity;
    }
  }

  /** Objects in key order (the order the datastore lists them). */
  sorted(): readonly CachedObject[] {
    if (!this.#sorted) {
      this.#sorted = [...this.objects.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    }
    return this.#sorted;
  }

  /** The oldest resourceVersion a watch may resume from. */
  get oldestResumable(): number {
    return this.#evictedUpTo;
  }

  /**
   * Replays kept events newer than `afterRv` to `onEvent`, then delivers live ones until stopped.
   * Throws TooOldError when events after `afterRv` were already dropped.
   */
  watch(afterRv: number, onEvent: (ev: CacheEvent) => void, onClose?: () => void): CacheWatch {
    if (afterRv < this.#evictedUpTo) throw new TooOldError(afterRv, this.#evictedUpTo);
    for (let i = 0; i < this.#historyLen; i++) {
      const ev = this.#history[(this.#historyStart + i) % this.#capacity];
      if (ev.rv > afterRv) onEvent(ev);
    }
    this.#watchers.set(onEvent, onClose);
    return { stop: () => { this.#watchers.delete(onEvent); } };
  }

  /** Ends every watch (the cache is being replaced after the datastore watch broke); clients resume and relist. */
  closeAll(): void {
    const closers = [...this.#watchers.values()];
    this.#watchers.clear();
    for (const c of closers) c?.();
  }

  get watcherCount(): number {
    return this.#watchers.size;
  }
}
