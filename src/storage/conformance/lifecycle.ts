// Conformance: concurrent compare-and-swap writers, and close() making everything Unavailable.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { StorageError } from '../backend.ts';
import type { KeyValue } from '../backend.ts';
import { Recorder, assertKV, enc, rejectsWith, withBackend } from './helpers.ts';
import type { BackendFactory } from './helpers.ts';

function settle(results: PromiseSettledResult<KeyValue>[]): { won: KeyValue[]; lost: StorageError[] } {
  const won: KeyValue[] = [];
  const lost: StorageError[] = [];
  for (const r of results) {
    if (r.status === 'fulfilled') won.push(r.value);
    else {
      assert.ok(r.reason instanceof StorageError, `unexpected rejection: ${String(r.reason)}`);
      lost.push(r.reason);
    }
  }
  return { won, lost };
}

export function lifecycleTests(factory: BackendFactory): void {
  it('concurrent updates from the same revision: exactly one wins, the rest see Conflict', withBackend(factory, async (b) => {
    const base = await b.create('/cas/k', enc('base'));
    const results = await Promise.allSettled(
      Array.from({ length: 25 }, (_, i) => b.update('/cas/k', enc(`w${i}`), base.modRevision)),
    );
    const { won, lost } = settle(results);
    assert.equal(won.length, 1, `winners: ${won.length}`);
    assert.equal(lost.length, 24);
    for (const err of lost) {
      assert.equal(err.code, 'Conflict');
      assert.equal(err.current?.modRevision, won[0].modRevision);
    }
    const now = (await b.get('/cas/k')).kv;
    assert.equal(now?.modRevision, won[0].modRevision);
    assert.deepEqual(now?.value && Array.from(now.value), Array.from(won[0].value));
  }));

  it('concurrent creates of one key: exactly one wins, the rest see KeyExists', withBackend(factory, async (b) => {
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => b.create('/cas/new', enc(`c${i}`))));
    const { won, lost } = settle(results);
    assert.equal(won.length, 1);
    assert.ok(lost.every((e) => e.code === 'KeyExists'));
    assert.equal((await b.get('/cas/new')).kv?.modRevision, won[0].modRevision);
  }));

  it('concurrent deletes with the same expected revision: exactly one wins', withBackend(factory, async (b) => {
    const kv = await b.create('/cas/del', enc('x'));
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => b.delete('/cas/del', kv.modRevision)));
    const { won, lost } = settle(results);
    assert.equal(won.length, 1);
    assert.ok(lost.every((e) => e.code === 'NotFound' || e.code === 'Conflict'));
  }));

  it('after close every call fails with Unavailable and watches end', withBackend(factory, async (b) => {
    const kv = await b.create('/close/k', enc('v'));
    const before = new Recorder();
    b.watch('/close/', kv.modRevision, before);
    await b.close();
    assert.equal((await before.waitForError()).code, 'Unavailable');
    await rejectsWith(b.get('/close/k'), 'Unavailable');
    await rejectsWith(b.list('/close/'), 'Unavailable');
    await rejectsWith(b.count('/close/'), 'Unavailable');
    await rejectsWith(b.create('/close/n', enc('v')), 'Unavailable');
    await rejectsWith(b.update('/close/k', enc('v2'), kv.modRevision), 'Unavailable');
    await rejectsWith(b.delete('/close/k'), 'Unavailable');
    await rejectsWith(b.currentRevision(), 'Unavailable');
    await rejectsWith(b.compactedRevision(), 'Unavailable');
    await rejectsWith(b.compact(kv.modRevision), 'Unavailable');
    const after = new Recorder();
    b.watch('/close/', 0, after);
    assert.equal((await after.waitForError()).code, 'Unavailable');
    assert.equal(after.events.length, 0);
  }));

  it('a backend reports a short name', withBackend(factory, async (b) => {
    assert.match(b.name, /^[a-z0-9-]+$/);
    assertKV(await b.create('/name/k', enc('v')), '/name/k', 'v');
  }));
}
