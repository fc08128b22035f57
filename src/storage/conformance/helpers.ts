// Fixtures and assertions shared by the parts of the storage conformance suite.

import assert from 'node:assert/strict';
import { StorageError } from '../backend.ts';
import type { Backend, KeyValue, StorageErrorCode, WatchEvent, WatchHandlers } from '../backend.ts';

export interface BackendFixture {
  readonly backend: Backend;
  /** Closes the backend (it may already be closed) and removes whatever the fixture made. */
  cleanup(): Promise<void>;
}

/** Makes a fresh, empty backend for one test. */
export type BackendFactory = () => Promise<BackendFixture>;

/** Wraps a test body so it gets a fresh backend that is always cleaned up. */
export function withBackend(factory: BackendFactory, body: (b: Backend) => Promise<void>): () => Promise<void> {
  return async () => {
    const fixture = await factory();
    try {
      await body(fixture.backend);
    } finally {
      await fixture.cleanup();
    }
  };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const enc = (s: string): Uint8Array => encoder.encode(s);
export const text = (v: Uint8Array): string => decoder.decode(v);

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Asserts that `p` rejects with a StorageError of `code` and returns it. */
export async function rejectsWith(p: Promise<unknown>, code: StorageErrorCode): Promise<StorageError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof StorageError, `expected a StorageError(${code}), got ${String(e)}`);
    assert.equal(e.code, code, `expected ${code}, got ${e.code}: ${e.message}`);
    return e;
  }
  assert.fail(`expected a StorageError(${code}), but the call succeeded`);
}

/** Asserts a KeyValue's key, text value and (optionally) revisions. */
export function assertKV(kv: KeyValue | null | undefined, key: string, value: string, revs?: { create?: number; mod?: number }): void {
  assert.ok(kv, `expected ${key}=${value}, got nothing`);
  assert.equal(kv.key, key);
  assert.equal(text(kv.value), value);
  if (revs?.create !== undefined) assert.equal(kv.createRevision, revs.create, `createRevision of ${key}`);
  if (revs?.mod !== undefined) assert.equal(kv.modRevision, revs.mod, `modRevision of ${key}`);
}

/** "put /k=v@rev" / "delete /k=v@rev": a compact description of an event for comparisons. */
export function describeEvent(ev: WatchEvent): string {
  return `${ev.type} ${ev.kv.key}=${text(ev.kv.value)}@${ev.kv.modRevision}`;
}

/** Records what a watch delivers, checking revision order as events arrive. */
export class Recorder implements WatchHandlers {
  readonly events: WatchEvent[] = [];
  readonly errors: StorageError[] = [];
  batches = 0;
  #lastRev = 0;
  #orderViolation: string | undefined;

  onEvents(events: WatchEvent[]): void {
    this.batches++;
    for (const ev of events) {
      if (ev.kv.modRevision <= this.#lastRev && !this.#orderViolation) {
        this.#orderViolation = `event at ${ev.kv.modRevision} after ${this.#lastRev}`;
      }
      this.#lastRev = ev.kv.modRevision;
      this.events.push(ev);
    }
  }

  onError(err: StorageError): void {
    this.errors.push(err);
  }

  get descriptions(): string[] {
    return this.events.map(describeEvent);
  }

  assertOrdered(): void {
    assert.equal(this.#orderViolation, undefined, `events out of order: ${this.#orderViolation}`);
  }

  /** Waits until at least `n` events arrived; fails with what did arrive after `timeoutMs`. */
  async waitForEvents(n: number, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.events.length < n) {
      if (this.errors.length > 0) assert.fail(`watch failed: ${this.errors[0].message}`);
      if (Date.now() > deadline) {
        assert.fail(`expected ${n} events within ${timeoutMs} ms, got ${this.events.length}: ${this.descriptions.join(', ')}`);
      }
      await sleep(5);
    }
    this.assertOrdered();
  }

  async waitForError(timeoutMs = 5000): Promise<StorageError> {
    const deadline = Date.now() + timeoutMs;
    while (this.errors.length === 0) {
      if (Date.now() > deadline) assert.fail(`expected a watch error within ${timeoutMs} ms`);
      await sleep(5);
    }
    return this.errors[0];
  }

  /** Asserts exactly these events arrive (and nothing more within a short grace period). */
  async expectExactly(expected: string[], timeoutMs = 5000): Promise<void> {
    await this.waitForEvents(expected.length, timeoutMs);
    await sleep(150);
    assert.deepEqual(this.descriptions, expected);
    assert.equal(this.errors.length, 0, `unexpected watch error: ${this.errors[0]?.message}`);
  }
}
