// Watch fan-out for the in-process backends (memory, sqlite): history replay, then live events.

import { StorageError } from '../backend.ts';
import type { WatchEvent, WatchHandlers, Watcher } from '../backend.ts';
import { closedError, compactedError } from './errors.ts';

/** Where a hub reads the history it replays to a watcher that starts in the past. */
export interface HistorySource {
  /** Events for keys under `prefix` with `after` < revision ≤ `upto`, ascending, at most `limit`. */
  readHistory(prefix: string, after: number, upto: number, limit: number): WatchEvent[];
  /** The revision below which history may be missing. */
  compactedRevision(): number;
}

/** History rows read per replay step; the event loop gets a turn between steps. */
const REPLAY_BATCH = 1000;

class HubWatcher implements Watcher {
  readonly prefix: string;
  readonly after: number;
  readonly handlers: WatchHandlers;
  /** Events up to this revision come from history; later ones from `publish`. */
  readonly liveFrom: number;
  /** The newest revision replayed so far. */
  replayedTo: number;
  replaying: boolean;
  /** Live events waiting for delivery. */
  queue: WatchEvent[] = [];
  scheduled = false;
  done = false;
  readonly #hub: WatchHub;

  constructor(hub: WatchHub, prefix: string, after: number, liveFrom: number, handlers: WatchHandlers) {
    this.#hub = hub;
    this.prefix = prefix;
    this.after = after;
    this.liveFrom = liveFrom;
    this.replayedTo = after;
    this.replaying = after < liveFrom;
    this.handlers = handlers;
  }

  cancel(): void {
    if (this.done) return;
    this.done = true;
    this.queue = [];
    this.#hub.remove(this);
  }
}

/**
 * Fans committed writes out to watchers. The backend calls `publish` once per write, right after
 * its commit and in revision order; delivery happens on a microtask so handlers never run inside a
 * write, and writes made in the same tick reach a watcher as one batch.
 *
 * Handover from replay to live: a watcher registered while the store is at revision R replays
 * (after, R] from history and queues live events (> R) meanwhile; nothing is missed or doubled
 * because the backend publishes revision R+1 only after `watch` has read R.
 */
export class WatchHub {
  readonly #source: HistorySource;
  readonly #watchers = new Set<HubWatcher>();
  #pending: HubWatcher[] = [];
  #flushScheduled = false;
  #closed = false;

  constructor(source: HistorySource) {
    this.#source = source;
  }

  /** Whether anyone listens; lets backends skip building events nobody reads. */
  get active(): boolean {
    return this.#watchers.size > 0;
  }

  /** Starts a watch; `current` is the store's revision at this instant. */
  watch(prefix: string, after: number, current: number, handlers: WatchHandlers): Watcher {
    const w = new HubWatcher(this, prefix, after, current, handlers);
    if (this.#closed) {
      this.#failLater(w, closedError(prefix));
      return w;
    }
    if (after < this.#source.compactedRevision()) {
      this.#failLater(w, compactedError(prefix, after, this.#source.compactedRevision()));
      return w;
    }
    this.#watchers.add(w);
    if (w.replaying) setImmediate(() => this.#replayStep(w));
    return w;
  }

  /** Offers one committed write to every watcher. */
  publish(ev: WatchEvent): void {
    if (this.#watchers.size === 0) return;
    const key = ev.kv.key;
    const rev = ev.kv.modRevision;
    for (const w of this.#watchers) {
      if (rev <= w.after || !key.startsWith(w.prefix)) continue;
      w.queue.push(ev);
      if (!w.replaying && !w.scheduled) {
        w.scheduled = true;
        this.#pending.push(w);
      }
    }
    if (this.#pending.length > 0 && !this.#flushScheduled) {
      this.#flushScheduled = true;
      queueMicrotask(() => this.#flush());
    }
  }

  /** Ends every watch with `Unavailable`. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    const err = closedError('');
    for (const w of this.#watchers) this.#failLater(w, err);
    this.#watchers.clear();
  }

  remove(w: HubWatcher): void {
    this.#watchers.delete(w);
  }

  #flush(): void {
    this.#flushScheduled = false;
    const pending = this.#pending;
    this.#pending = [];
    for (const w of pending) {
      w.scheduled = false;
      this.#drain(w);
    }
  }

  #drain(w: HubWatcher): void {
    if (w.done || w.queue.length === 0) return;
    const batch = w.queue;
    w.queue = [];
    deliver(w, batch);
  }

  #replayStep(w: HubWatcher): void {
    if (w.done) return;
    const compacted = this.#source.compactedRevision();
    if (compacted > w.replayedTo) {
      // History we still owe this watcher may be gone.
      this.#watchers.delete(w);
      this.#fail(w, compactedError(w.prefix, w.replayedTo, compacted));
      return;
    }
    let batch: WatchEvent[];
    try {
      batch = this.#source.readHistory(w.prefix, w.replayedTo, w.liveFrom, REPLAY_BATCH);
    } catch (e) {
      this.#watchers.delete(w);
      this.#fail(w, e instanceof StorageError ? e : new StorageError('Unavailable', w.prefix, String(e)));
      return;
    }
    if (batch.length > 0) {
      w.replayedTo = batch[batch.length - 1].kv.modRevision;
      deliver(w, batch);
      if (w.done) return;
    }
    if (batch.length < REPLAY_BATCH) {
      w.replayedTo = w.liveFrom;
      w.replaying = false;
      this.#drain(w);
    } else {
      setImmediate(() => this.#replayStep(w));
    }
  }

  #failLater(w: HubWatcher, err: StorageError): void {
    queueMicrotask(() => this.#fail(w, err));
  }

  #fail(w: HubWatcher, err: StorageError): void {
    if (w.done) return;
    w.done = true;
    w.queue = [];
    try {
      w.handlers.onError(err);
    } catch (e) {
      rethrowLater(e);
    }
  }
}

function deliver(w: HubWatcher, batch: WatchEvent[]): void {
  try {
    w.handlers.onEvents(batch);
  } catch (e) {
    // A throwing handler is a bug in the caller; surface it without breaking other watchers.
    rethrowLater(e);
  }
}

function rethrowLater(e: unknown): void {
  setImmediate(() => {
    throw e;
  });
}
