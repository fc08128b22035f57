// The lease sweeper fires each deadline once, in deadline order, on an injected clock.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { LeaseSweeper } from './lease-sweeper.ts';
import type { SweeperClock } from './lease-sweeper.ts';

class FakeClock implements SweeperClock {
  time = 1000;
  timers = new Map<number, { at: number; fn: () => void }>();
  #next = 1;
  now(): number {
    return this.time;
  }
  setTimeout(fn: () => void, ms: number): { unref(): void } {
    const id = this.#next++;
    this.timers.set(id, { at: this.time + ms, fn });
    return Object.assign({ unref: () => {} }, { id });
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete((handle as { id: number }).id);
  }
  advance(ms: number): void {
    this.time += ms;
    for (const [id, t] of this.timers) {
      if (t.at <= this.time) {
        this.timers.delete(id);
        t.fn();
      }
    }
  }
}

it('expires entries in deadline order once their time has come', () => {
  const clock = new FakeClock();
  const expired: string[] = [];
  const s = new LeaseSweeper((key, rev) => expired.push(`${key}@${rev}`), clock);
  s.schedule('/c', 3, 1300);
  s.schedule('/a', 1, 1100);
  s.schedule('/b', 2, 1200);
  s.schedule('/a', 4, 1250);
  clock.advance(50);
  assert.deepEqual(expired, []);
  clock.advance(160);
  assert.deepEqual(expired, ['/a@1', '/b@2']);
  clock.advance(100);
  assert.deepEqual(expired, ['/a@1', '/b@2', '/a@4', '/c@3']);
  assert.equal(clock.timers.size, 0, 'no timer left once the heap is empty');
});

it('many entries come out sorted, and stop() cancels everything', () => {
  const clock = new FakeClock();
  const expired: number[] = [];
  const s = new LeaseSweeper((_key, rev) => expired.push(rev), clock);
  const deadlines = Array.from({ length: 200 }, (_, i) => 1000 + ((i * 7919) % 500));
  deadlines.forEach((at, i) => s.schedule(`/k${i}`, at, at));
  clock.advance(250);
  assert.deepEqual(expired, [...deadlines].filter((d) => d <= 1250).sort((a, b) => a - b));
  s.stop();
  clock.advance(1000);
  assert.equal(expired.filter((d) => d > 1250).length, 0);
  s.schedule('/late', 1, 0);
  assert.equal(clock.timers.size, 0);
});
