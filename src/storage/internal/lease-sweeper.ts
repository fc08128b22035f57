// Lease expiry for the in-process backends: a min-heap of deadlines and one unref'd timer.

interface Entry {
  readonly at: number;
  readonly key: string;
  readonly modRevision: number;
}

/** Clock and timer hooks, injectable so tests can control time. */
export interface SweeperClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): { unref?(): unknown };
  clearTimeout(handle: unknown): void;
}

const realClock: SweeperClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** setTimeout's largest delay; longer waits just wake up early and re-arm. */
const MAX_DELAY = 2 ** 31 - 1;

/**
 * Calls `expire(key, modRevision)` once each scheduled deadline has passed. The backend deletes
 * through its normal path with `modRevision` as the expected revision, so a key rewritten since
 * (which scheduled its own deadline, or none) is left alone by the resulting Conflict.
 */
export class LeaseSweeper {
  readonly #heap: Entry[] = [];
  readonly #expire: (key: string, modRevision: number) => void;
  readonly #clock: SweeperClock;
  #timer: unknown;
  #timerAt = Infinity;
  #stopped = false;

  constructor(expire: (key: string, modRevision: number) => void, clock: SweeperClock = realClock) {
    this.#expire = expire;
    this.#clock = clock;
  }

  /** Deadline in milliseconds since the epoch (the clock's `now()` scale). */
  schedule(key: string, modRevision: number, at: number): void {
    if (this.#stopped) return;
    push(this.#heap, { at, key, modRevision });
    if (at < this.#timerAt) this.#arm();
  }

  stop(): void {
    this.#stopped = true;
    this.#heap.length = 0;
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #arm(): void {
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerAt = Infinity;
    if (this.#heap.length === 0 || this.#stopped) return;
    const at = this.#heap[0].at;
    const delay = Math.min(Math.max(0, at - this.#clock.now()), MAX_DELAY);
    this.#timerAt = at;
    const handle = this.#clock.setTimeout(() => this.#fire(), delay);
    handle.unref?.();
    this.#timer = handle;
  }

  #fire(): void {
    this.#timer = undefined;
    this.#timerAt = Infinity;
    const now = this.#clock.now();
    while (!this.#stopped && this.#heap.length > 0 && this.#heap[0].at <= now) {
      const e = pop(this.#heap);
      this.#expire(e.key, e.modRevision);
    }
    this.#arm();
  }
}

function push(heap: Entry[], e: Entry): void {
  heap.push(e);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent].at <= e.at) break;
    heap[i] = heap[parent];
    i = parent;
  }
  heap[i] = e;
}

function pop(heap: Entry[]): Entry {
  const top = heap[0];
  const last = heap.pop() as Entry;
  if (heap.length > 0) {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= heap.length) break;
      const r = l + 1;
      const c = r < heap.length && heap[r].at < heap[l].at ? r : l;
      if (heap[c].at >= last.at) break;
      heap[i] = heap[c];
      i = c;
    }
    heap[i] = last;
  }
  return top;
}
