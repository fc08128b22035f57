// Conformance: create / get / update / delete and their KeyExists, NotFound and Conflict errors.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { assertKV, enc, rejectsWith, text, withBackend } from './helpers.ts';
import type { BackendFactory } from './helpers.ts';

export function crudTests(factory: BackendFactory): void {
  it('create stores a new key and get returns it', withBackend(factory, async (b) => {
    const kv = await b.create('/crud/a', enc('v1'));
    assertKV(kv, '/crud/a', 'v1');
    assert.ok(kv.modRevision > 0);
    assert.equal(kv.createRevision, kv.modRevision);
    assert.equal(kv.leaseSeconds, undefined);
    const got = await b.get('/crud/a');
    assertKV(got.kv, '/crud/a', 'v1', { create: kv.createRevision, mod: kv.modRevision });
    assert.equal(got.revision, kv.modRevision);
  }));

  it('create of an existing key fails with KeyExists and changes nothing', withBackend(factory, async (b) => {
    const kv = await b.create('/crud/a', enc('v1'));
    const err = await rejectsWith(b.create('/crud/a', enc('v2')), 'KeyExists');
    assert.equal(err.key, '/crud/a');
    assertKV((await b.get('/crud/a')).kv, '/crud/a', 'v1', { mod: kv.modRevision });
    assert.equal(await b.currentRevision(), kv.modRevision, 'a failed write must not take a revision');
  }));

  it('get of a missing key returns null and the current revision', withBackend(factory, async (b) => {
    const kv = await b.create('/crud/other', enc('x'));
    const got = await b.get('/crud/missing');
    assert.equal(got.kv, null);
    assert.equal(got.revision, kv.modRevision);
  }));

  it('update replaces the value when the expected revision matches', withBackend(factory, async (b) => {
    const v1 = await b.create('/crud/a', enc('v1'));
    const v2 = await b.update('/crud/a', enc('v2'), v1.modRevision);
    assertKV(v2, '/crud/a', 'v2', { create: v1.createRevision });
    assert.ok(v2.modRevision > v1.modRevision);
    assertKV((await b.get('/crud/a')).kv, '/crud/a', 'v2', { create: v1.createRevision, mod: v2.modRevision });
  }));

  it('update with a stale revision fails with Conflict carrying the current version', withBackend(factory, async (b) => {
    const v1 = await b.create('/crud/a', enc('v1'));
    const v2 = await b.update('/crud/a', enc('v2'), v1.modRevision);
    const err = await rejectsWith(b.update('/crud/a', enc('v3'), v1.modRevision), 'Conflict');
    assert.equal(err.key, '/crud/a');
    assertKV(err.current, '/crud/a', 'v2', { create: v1.createRevision, mod: v2.modRevision });
    assertKV((await b.get('/crud/a')).kv, '/crud/a', 'v2');
    assert.equal(await b.currentRevision(), v2.modRevision);
  }));

  it('update of a missing or deleted key fails with NotFound', withBackend(factory, async (b) => {
    await rejectsWith(b.update('/crud/missing', enc('x'), 1), 'NotFound');
    const kv = await b.create('/crud/a', enc('v1'));
    await b.delete('/crud/a');
    await rejectsWith(b.update('/crud/a', enc('v2'), kv.modRevision), 'NotFound');
    assert.equal((await b.get('/crud/a')).kv, null);
  }));

  it('delete returns the last version at the revision of the delete', withBackend(factory, async (b) => {
    const v1 = await b.create('/crud/a', enc('v1'));
    const v2 = await b.update('/crud/a', enc('v2'), v1.modRevision);
    const del = await b.delete('/crud/a');
    assertKV(del, '/crud/a', 'v2', { create: v1.createRevision });
    assert.ok(del.modRevision > v2.modRevision);
    assert.equal(await b.currentRevision(), del.modRevision);
    assert.equal((await b.get('/crud/a')).kv, null);
    await rejectsWith(b.delete('/crud/a'), 'NotFound');
    await rejectsWith(b.delete('/crud/never'), 'NotFound');
  }));

  it('delete with an expected revision is a compare-and-swap', withBackend(factory, async (b) => {
    const v1 = await b.create('/crud/a', enc('v1'));
    const v2 = await b.update('/crud/a', enc('v2'), v1.modRevision);
    const err = await rejectsWith(b.delete('/crud/a', v1.modRevision), 'Conflict');
    assertKV(err.current, '/crud/a', 'v2', { mod: v2.modRevision });
    assertKV((await b.get('/crud/a')).kv, '/crud/a', 'v2');
    const del = await b.delete('/crud/a', v2.modRevision);
    assertKV(del, '/crud/a', 'v2', { create: v1.createRevision });
    await rejectsWith(b.delete('/crud/a', del.modRevision), 'NotFound');
  }));

  it('a key created again after a delete starts a new incarnation', withBackend(factory, async (b) => {
    const first = await b.create('/crud/a', enc('v1'));
    const del = await b.delete('/crud/a');
    const again = await b.create('/crud/a', enc('v2'));
    assert.ok(again.createRevision > del.modRevision);
    assert.equal(again.createRevision, again.modRevision);
    assert.notEqual(again.createRevision, first.createRevision);
    await rejectsWith(b.update('/crud/a', enc('v3'), first.modRevision), 'Conflict');
  }));

  it('values are bytes: binary and empty values round-trip', withBackend(factory, async (b) => {
    const all = new Uint8Array(256).map((_, i) => i);
    const kv = await b.create('/bin/all', all);
    assert.deepEqual(Array.from(kv.value), Array.from(all));
    assert.deepEqual(Array.from((await b.get('/bin/all')).kv?.value ?? []), Array.from(all));
    await b.create('/bin/empty', new Uint8Array(0));
    const empty = (await b.get('/bin/empty')).kv;
    assert.ok(empty);
    assert.equal(empty.value.length, 0);
    const high = Uint8Array.from([0xff, 0x00, 0xfe, 0x80, 0x00]);
    await b.update('/bin/all', high, kv.modRevision);
    const listed = await b.list('/bin/');
    assert.deepEqual(listed.kvs.map((k) => Array.from(k.value)), [Array.from(high), []]);
  }));

  it('a value buffer changed by the caller after a write does not change the stored value', withBackend(factory, async (b) => {
    const buf = enc('original');
    await b.create('/crud/a', buf);
    buf.fill(0x21);
    assert.equal(text((await b.get('/crud/a')).kv?.value ?? enc('')), 'original');
  }));
}
