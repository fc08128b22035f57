// Conformance: watch — live and replayed events, order, exactly-once, prevKv, prefixes, cancel.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { KeyValue } from '../backend.ts';
import { Recorder, enc, sleep, text, withBackend } from './helpers.ts';
import type { BackendFactory } from './helpers.ts';

const ev = (type: 'put' | 'delete', kv: KeyValue): string => `${type} ${kv.key}=${text(kv.value)}@${kv.modRevision}`;

export function watchTests(factory: BackendFactory): void {
  it('watch delivers creates, updates and deletes with prevKv', withBackend(factory, async (b) => {
    const start = await b.currentRevision();
    const rec = new Recorder();
    const w = b.watch('/w/', start, rec);
    const c = await b.create('/w/a', enc('v1'));
    const u = await b.update('/w/a', enc('v2'), c.modRevision);
    const d = await b.delete('/w/a');
    await rec.expectExactly([ev('put', c), ev('put', u), `delete /w/a=v2@${d.modRevision}`]);
    const [create, update, del] = rec.events;
    assert.equal(create.prevKv, undefined);
    assert.equal(create.kv.createRevision, c.modRevision);
    assert.ok(update.prevKv);
    assert.equal(text(update.prevKv.value), 'v1');
    assert.equal(update.prevKv.modRevision, c.modRevision);
    assert.equal(update.kv.createRevision, c.createRevision);
    assert.equal(del.kv.modRevision, d.modRevision);
    assert.equal(del.kv.createRevision, c.createRevision);
    assert.ok(del.prevKv);
    assert.equal(text(del.prevKv.value), 'v2');
    assert.equal(del.prevKv.modRevision, u.modRevision);
    w.cancel();
  }));

  it('watch from an older revision replays history, then continues live, exactly once', withBackend(factory, async (b) => {
    const writes: string[] = [];
    const k1 = await b.create('/h/1', enc('a'));
    const k2 = await b.create('/h/2', enc('b'));
    writes.push(ev('put', await b.update('/h/1', enc('c'), k1.modRevision)));
    writes.push(ev('put', await b.create('/h/3', enc('d'))));
    writes.push(`delete /h/2=b@${(await b.delete('/h/2')).modRevision}`);
    const rec = new Recorder();
    const w = b.watch('/h/', k2.modRevision, rec);
    await rec.waitForEvents(3);
    writes.push(ev('put', await b.create('/h/4', enc('e'))));
    writes.push(ev('put', await b.create('/h/5', enc('f'))));
    await rec.expectExactly(writes);
    assert.equal(text(rec.events[0].prevKv?.value ?? enc('')), 'a');
    w.cancel();
  }));

  it('watch from revision 0 replays the whole history', withBackend(factory, async (b) => {
    const a = await b.create('/z/a', enc('1'));
    const a2 = await b.update('/z/a', enc('2'), a.modRevision);
    const rec = new Recorder();
    const w = b.watch('', 0, rec); // the empty prefix: every key
    await rec.expectExactly([ev('put', a), ev('put', a2)]);
    w.cancel();
  }));

  it('a watch started amid concurrent writes neither misses nor repeats any', withBackend(factory, async (b) => {
    const start = await b.currentRevision();
    const rec = new Recorder();
    const pending: Promise<KeyValue>[] = [];
    let w;
    for (let i = 0; i < 60; i++) {
      pending.push(b.create(`/c/${String(i).padStart(2, '0')}`, enc(String(i))));
      if (i === 30) w = b.watch('/c/', start, rec);
      if (i % 10 === 0) await sleep(0);
    }
    const kvs = await Promise.all(pending);
    const expected = kvs.map((kv) => ev('put', kv)).sort((x, y) => Number(x.split('@')[1]) - Number(y.split('@')[1]));
    await rec.expectExactly(expected);
    w?.cancel();
  }));

  it('a watch sees only its prefix, in replay and live', withBackend(factory, async (b) => {
    const start = await b.currentRevision();
    await b.create('/iso/ab/x', enc('no'));
    await b.create('/iso/a', enc('no'));
    const old = await b.create('/iso/a/old', enc('yes'));
    const rec = new Recorder();
    const w = b.watch('/iso/a/', start, rec);
    await rec.waitForEvents(1);
    await b.create('/iso/ab/y', enc('no'));
    const yes = await b.create('/iso/a/x', enc('yes'));
    await b.create('/iso/b/x', enc('no'));
    await b.create('/iso/a0', enc('no'));
    await rec.expectExactly([ev('put', old), ev('put', yes)]);
    w.cancel();
  }));

  it('several watchers each receive every event', withBackend(factory, async (b) => {
    const start = await b.currentRevision();
    const recs = [new Recorder(), new Recorder(), new Recorder()];
    // Prefixes: the key itself, its parent, and everything.
    const ws = recs.map((r, i) => b.watch(['/multi/k', '/multi/', ''][i], start, r));
    const c = await b.create('/multi/k', enc('1'));
    const u = await b.update('/multi/k', enc('2'), c.modRevision);
    for (const r of recs) await r.expectExactly([ev('put', c), ev('put', u)]);
    for (const w of ws) w.cancel();
  }));

  it('cancel stops delivery and is idempotent', withBackend(factory, async (b) => {
    const start = await b.currentRevision();
    const rec = new Recorder();
    const other = new Recorder();
    const w = b.watch('/cancel/', start, rec);
    const keep = b.watch('/cancel/', start, other);
    const first = await b.create('/cancel/a', enc('1'));
    await rec.waitForEvents(1);
    w.cancel();
    w.cancel();
    const second = await b.create('/cancel/b', enc('2'));
    await other.expectExactly([ev('put', first), ev('put', second)]);
    await sleep(100);
    assert.deepEqual(rec.descriptions, [ev('put', first)]);
    assert.equal(rec.errors.length, 0);
    keep.cancel();
  }));

  it('cancel right after watch delivers nothing, even from history', withBackend(factory, async (b) => {
    await b.create('/cancel/a', enc('1'));
    const rec = new Recorder();
    b.watch('/cancel/', 0, rec).cancel();
    await b.create('/cancel/b', enc('2'));
    await sleep(150);
    assert.equal(rec.events.length, 0);
    assert.equal(rec.errors.length, 0);
  }));

  it('a watch after a revision not reached yet starts there', withBackend(factory, async (b) => {
    const now = await b.currentRevision();
    const rec = new Recorder();
    const w = b.watch('/f/', now + 1, rec);
    await b.create('/f/skipped', enc('1')); // takes revision now + 1
    const seen = await b.create('/f/seen', enc('2'));
    await rec.expectExactly([ev('put', seen)]);
    w.cancel();
  }));

  it('watch events carry binary values', withBackend(factory, async (b) => {
    const bytes = Uint8Array.from([0, 255, 1, 254, 0x80]);
    const rec = new Recorder();
    const w = b.watch('/wb/', await b.currentRevision(), rec);
    const kv = await b.create('/wb/k', bytes);
    await b.delete('/wb/k', kv.modRevision);
    await rec.waitForEvents(2);
    assert.deepEqual(Array.from(rec.events[0].kv.value), Array.from(bytes));
    assert.deepEqual(Array.from(rec.events[1].kv.value), Array.from(bytes));
    w.cancel();
  }));
}
