// Conformance: compaction — Compacted errors below the compacted revision, current data kept.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Backend } from '../backend.ts';
import { Recorder, assertKV, enc, rejectsWith, sleep, text, withBackend } from './helpers.ts';
import type { BackendFactory } from './helpers.ts';

/** a: 1→2, b: created then deleted, c: created, then compaction at b's delete. */
async function history(b: Backend) {
  const a1 = await b.create('/cp/a', enc('a1'));
  const a2 = await b.update('/cp/a', enc('a2'), a1.modRevision);
  const b1 = await b.create('/cp/b', enc('b1'));
  const bDel = await b.delete('/cp/b');
  const c1 = await b.create('/cp/c', enc('c1'));
  return { a1, a2, b1, bDel, c1 };
}

export function compactionTests(factory: BackendFactory): void {
  it('compactedRevision is 0 before any compaction', withBackend(factory, async (b) => {
    await b.create('/cp/x', enc('1'));
    assert.equal(await b.compactedRevision(), 0);
  }));

  it('reads below the compacted revision fail with Compacted; current values stay', withBackend(factory, async (b) => {
    const h = await history(b);
    await b.compact(h.bDel.modRevision);
    assert.equal(await b.compactedRevision(), h.bDel.modRevision);
    await rejectsWith(b.get('/cp/a', h.a1.modRevision), 'Compacted');
    await rejectsWith(b.list('/cp/', { revision: h.b1.modRevision }), 'Compacted');
    // At the compacted revision itself, reads still work.
    assertKV((await b.get('/cp/a', h.bDel.modRevision)).kv, '/cp/a', 'a2', { mod: h.a2.modRevision });
    assert.equal((await b.get('/cp/b', h.bDel.modRevision)).kv, null);
    const now = await b.list('/cp/');
    assert.deepEqual(now.kvs.map((kv) => [kv.key, text(kv.value), kv.createRevision, kv.modRevision]), [
      ['/cp/a', 'a2', h.a1.createRevision, h.a2.modRevision],
      ['/cp/c', 'c1', h.c1.createRevision, h.c1.modRevision],
    ]);
    assert.equal((await b.count('/cp/')).count, 2);
    assert.equal((await b.get('/cp/b')).kv, null);
    // Writes after compaction keep working, with CAS against versions from before it.
    const a3 = await b.update('/cp/a', enc('a3'), h.a2.modRevision);
    assert.ok(a3.modRevision > h.c1.modRevision);
    await rejectsWith(b.update('/cp/c', enc('x'), h.a1.modRevision), 'Conflict');
    const b2 = await b.create('/cp/b', enc('b2'));
    assert.equal(b2.createRevision, b2.modRevision);
  }));

  it('versions replaced after the compacted revision stay readable at it', withBackend(factory, async (b) => {
    const a1 = await b.create('/cp/a', enc('a1'));
    const a2 = await b.update('/cp/a', enc('a2'), a1.modRevision);
    const b1 = await b.create('/cp/b', enc('b1'));
    const target = (await b.create('/cp/x', enc('x1'))).modRevision;
    const a3 = await b.update('/cp/a', enc('a3'), a2.modRevision);
    const bDel = await b.delete('/cp/b');
    await b.compact(target);
    assertKV((await b.get('/cp/a', target)).kv, '/cp/a', 'a2', { mod: a2.modRevision });
    assertKV((await b.get('/cp/b', target)).kv, '/cp/b', 'b1', { mod: b1.modRevision });
    const listed = await b.list('/cp/', { revision: target });
    assert.deepEqual(listed.kvs.map((kv) => `${kv.key}=${text(kv.value)}`), ['/cp/a=a2', '/cp/b=b1', '/cp/x=x1']);
    const rec = new Recorder();
    const w = b.watch('/cp/', target, rec);
    await rec.expectExactly([`put /cp/a=a3@${a3.modRevision}`, `delete /cp/b=b1@${bDel.modRevision}`]);
    assert.equal(rec.events[0].prevKv?.modRevision, a2.modRevision);
    assert.equal(text(rec.events[0].prevKv?.value ?? enc('')), 'a2');
    assert.equal(rec.events[1].prevKv?.modRevision, b1.modRevision);
    w.cancel();
  }));

  it('watch from below the compacted revision reports Compacted asynchronously', withBackend(factory, async (b) => {
    const h = await history(b);
    await b.compact(h.bDel.modRevision);
    const rec = new Recorder();
    let returned = false;
    const w = b.watch('/cp/', h.a2.modRevision, {
      onEvents: (evs) => rec.onEvents(evs),
      onError: (err) => {
        assert.ok(returned, 'onError must not run inside watch()');
        rec.onError(err);
      },
    });
    returned = true;
    const err = await rec.waitForError();
    assert.equal(err.code, 'Compacted');
    await b.create('/cp/later', enc('x'));
    await sleep(100);
    assert.equal(rec.events.length, 0);
    assert.equal(rec.errors.length, 1);
    w.cancel();
    const zero = new Recorder();
    b.watch('/cp/', 0, zero);
    assert.equal((await zero.waitForError()).code, 'Compacted');
  }));

  it('watch from the compacted revision replays what follows it', withBackend(factory, async (b) => {
    const h = await history(b);
    await b.compact(h.bDel.modRevision);
    const rec = new Recorder();
    const w = b.watch('/cp/', h.bDel.modRevision, rec);
    const d = await b.create('/cp/d', enc('d1'));
    await rec.expectExactly([`put /cp/c=c1@${h.c1.modRevision}`, `put /cp/d=d1@${d.modRevision}`]);
    w.cancel();
  }));

  it('compacting to a revision not newer than the last compaction is a no-op', withBackend(factory, async (b) => {
    const h = await history(b);
    await b.compact(h.b1.modRevision);
    await b.compact(h.a1.modRevision);
    await b.compact(h.b1.modRevision);
    assert.equal(await b.compactedRevision(), h.b1.modRevision);
    assertKV((await b.get('/cp/a', h.b1.modRevision)).kv, '/cp/a', 'a2');
  }));

  it('a watch that is keeping up survives compaction', withBackend(factory, async (b) => {
    const rec = new Recorder();
    const w = b.watch('/cp/', await b.currentRevision(), rec);
    const h = await history(b);
    await rec.waitForEvents(5);
    await b.compact(h.c1.modRevision);
    const a3 = await b.update('/cp/a', enc('a3'), h.a2.modRevision);
    await rec.waitForEvents(6);
    assert.equal(rec.events[5].kv.modRevision, a3.modRevision);
    assert.equal(text(rec.events[5].prevKv?.value ?? enc('')), 'a2');
    assert.equal(rec.errors.length, 0);
    w.cancel();
  }));

  it('compaction keeps every current value readable under churn', withBackend(factory, async (b) => {
    const revs = new Map<string, number>();
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 10; i++) {
        const key = `/churn/${i}`;
        const prev = revs.get(key);
        const kv = prev === undefined ? await b.create(key, enc(`${round}`)) : await b.update(key, enc(`${round}`), prev);
        revs.set(key, kv.modRevision);
      }
      if (round === 2) await b.delete('/churn/3').then(() => revs.delete('/churn/3'));
      await b.compact(await b.currentRevision());
    }
    const listed = await b.list('/churn/');
    assert.equal(listed.kvs.length, revs.size);
    for (const kv of listed.kvs) {
      assert.equal(kv.modRevision, revs.get(kv.key));
      assert.equal(text(kv.value), '4');
    }
  }));
}
