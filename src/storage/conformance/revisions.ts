// Conformance: global revisions, createRevision vs modRevision, and reads as of older revisions.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { assertKV, enc, rejectsWith, withBackend } from './helpers.ts';
import type { BackendFactory } from './helpers.ts';

export function revisionTests(factory: BackendFactory): void {
  it('revisions are global across keys and strictly increasing', withBackend(factory, async (b) => {
    const r0 = await b.currentRevision();
    const a = await b.create('/rev/a', enc('1'));
    const c = await b.create('/rev/c', enc('1'));
    const a2 = await b.update('/rev/a', enc('2'), a.modRevision);
    const cDel = await b.delete('/rev/c');
    const revs = [r0, a.modRevision, c.modRevision, a2.modRevision, cDel.modRevision];
    for (let i = 1; i < revs.length; i++) assert.ok(revs[i] > revs[i - 1], `revisions not increasing: ${revs.join(', ')}`);
    assert.equal(await b.currentRevision(), cDel.modRevision);
  }));

  it('createRevision stays with the incarnation while modRevision follows each write', withBackend(factory, async (b) => {
    const v1 = await b.create('/rev/k', enc('1'));
    const other = await b.create('/rev/other', enc('x'));
    const v2 = await b.update('/rev/k', enc('2'), v1.modRevision);
    const v3 = await b.update('/rev/k', enc('3'), v2.modRevision);
    assert.equal(v1.createRevision, v1.modRevision);
    assert.equal(v2.createRevision, v1.createRevision);
    assert.equal(v3.createRevision, v1.createRevision);
    assert.ok(v2.modRevision > other.modRevision);
    assert.ok(v3.modRevision > v2.modRevision);
    assertKV((await b.get('/rev/k')).kv, '/rev/k', '3', { create: v1.createRevision, mod: v3.modRevision });
  }));

  it('get reads as of an older revision', withBackend(factory, async (b) => {
    await b.create('/rev/first', enc('0')); // so that v1.modRevision - 1 is a real revision, not 0 ("now")
    const v1 = await b.create('/rev/k', enc('1'));
    const v2 = await b.update('/rev/k', enc('2'), v1.modRevision);
    const del = await b.delete('/rev/k');
    const v3 = await b.create('/rev/k', enc('3'));
    const at1 = await b.get('/rev/k', v1.modRevision);
    assertKV(at1.kv, '/rev/k', '1', { create: v1.createRevision, mod: v1.modRevision });
    assert.equal(at1.revision, v1.modRevision);
    assertKV((await b.get('/rev/k', v2.modRevision)).kv, '/rev/k', '2', { mod: v2.modRevision });
    assert.equal((await b.get('/rev/k', del.modRevision)).kv, null);
    assertKV((await b.get('/rev/k', v3.modRevision)).kv, '/rev/k', '3', { create: v3.createRevision });
    assert.equal((await b.get('/rev/k', v1.modRevision - 1)).kv, null);
  }));

  it('list reads as of an older revision', withBackend(factory, async (b) => {
    const a = await b.create('/rev/l/a', enc('a1'));
    const bb = await b.create('/rev/l/b', enc('b1'));
    const snapshot = bb.modRevision;
    await b.update('/rev/l/a', enc('a2'), a.modRevision);
    await b.delete('/rev/l/b');
    await b.create('/rev/l/c', enc('c1'));
    const old = await b.list('/rev/l/', { revision: snapshot });
    assert.equal(old.revision, snapshot);
    assert.deepEqual(old.kvs.map((kv) => `${kv.key}=${Buffer.from(kv.value).toString()}`), ['/rev/l/a=a1', '/rev/l/b=b1']);
    const now = await b.list('/rev/l/');
    assert.deepEqual(now.kvs.map((kv) => `${kv.key}=${Buffer.from(kv.value).toString()}`), ['/rev/l/a=a2', '/rev/l/c=c1']);
  }));

  it('reads at a revision not reached yet fail with Unavailable', withBackend(factory, async (b) => {
    const kv = await b.create('/rev/k', enc('1'));
    await rejectsWith(b.get('/rev/k', kv.modRevision + 100), 'Unavailable');
    await rejectsWith(b.list('/rev/', { revision: kv.modRevision + 100 }), 'Unavailable');
  }));

  it('failed writes take no revision', withBackend(factory, async (b) => {
    const kv = await b.create('/rev/k', enc('1'));
    await rejectsWith(b.create('/rev/k', enc('2')), 'KeyExists');
    await rejectsWith(b.update('/rev/k', enc('2'), kv.modRevision + 1), 'Conflict');
    await rejectsWith(b.update('/rev/none', enc('2'), kv.modRevision), 'NotFound');
    await rejectsWith(b.delete('/rev/none'), 'NotFound');
    await rejectsWith(b.delete('/rev/k', kv.modRevision + 1), 'Conflict');
    assert.equal(await b.currentRevision(), kv.modRevision);
    const next = await b.update('/rev/k', enc('2'), kv.modRevision);
    assert.ok(next.modRevision > kv.modRevision);
  }));
}
