// Conformance: list and count — prefix isolation, byte order, limit/startKey pagination, `more`.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Backend } from '../backend.ts';
import { enc, withBackend } from './helpers.ts';
import type { BackendFactory } from './helpers.ts';

async function seed(b: Backend, keys: string[]): Promise<number> {
  let rev = 0;
  for (const k of keys) rev = (await b.create(k, enc(`v:${k}`))).modRevision;
  return rev;
}

const keysOf = (r: { kvs: { key: string }[] }): string[] => r.kvs.map((kv) => kv.key);

export function listTests(factory: BackendFactory): void {
  it('list and count see only keys under the prefix', withBackend(factory, async (b) => {
    const rev = await seed(b, ['/a/2', '/ab/1', '/a/1', '/a', '/b/1', '/a/sub/x', '/a0']);
    const r = await b.list('/a/');
    assert.deepEqual(keysOf(r), ['/a/1', '/a/2', '/a/sub/x']);
    assert.equal(r.revision, rev);
    assert.equal(r.more, false);
    assert.equal(r.kvs[0].value.length > 0, true);
    assert.deepEqual(await b.count('/a/'), { count: 3, revision: rev });
    assert.deepEqual(keysOf(await b.list('/ab/')), ['/ab/1']);
    assert.deepEqual(keysOf(await b.list('/c/')), []);
    assert.equal((await b.count('/c/')).count, 0);
  }));

  it('list with the empty prefix sees every key', withBackend(factory, async (b) => {
    await seed(b, ['/x/1', '/y/1', 'z']);
    assert.deepEqual(keysOf(await b.list('')), ['/x/1', '/y/1', 'z']);
    assert.equal((await b.count('')).count, 3);
  }));

  it('keys are ordered by their UTF-8 bytes', withBackend(factory, async (b) => {
    // UTF-16 order would put U+10000 (a surrogate pair) before U+E000; byte order puts it after.
    await seed(b, ['/u/\u{10000}', '/u/\u{e000}', '/u/a', '/u/B', '/u/a/b', '/u/a-']);
    assert.deepEqual(keysOf(await b.list('/u/')), ['/u/B', '/u/a', '/u/a-', '/u/a/b', '/u/\u{e000}', '/u/\u{10000}']);
  }));

  it('deleted keys are neither listed nor counted', withBackend(factory, async (b) => {
    await seed(b, ['/d/1', '/d/2', '/d/3']);
    await b.delete('/d/2');
    assert.deepEqual(keysOf(await b.list('/d/')), ['/d/1', '/d/3']);
    assert.equal((await b.count('/d/')).count, 2);
  }));

  it('limit and startKey paginate at a pinned revision', withBackend(factory, async (b) => {
    const keys = Array.from({ length: 10 }, (_, i) => `/p/k${String(i).padStart(2, '0')}`);
    await seed(b, keys);
    await seed(b, ['/p0', '/pz', '/q/1']);
    const first = await b.list('/p/', { limit: 3 });
    assert.deepEqual(keysOf(first), keys.slice(0, 3));
    assert.equal(first.more, true);
    // Writes after the first page must not show up in later pages read at its revision.
    await b.create('/p/k05a', enc('late'));
    await b.delete('/p/k07');
    const seen = keysOf(first);
    let page = first;
    while (page.more) {
      const startKey = page.kvs[page.kvs.length - 1].key + '\u0000';
      page = await b.list('/p/', { limit: 3, startKey, revision: first.revision });
      assert.equal(page.revision, first.revision);
      assert.ok(page.kvs.length <= 3);
      seen.push(...keysOf(page));
    }
    assert.deepEqual(seen, keys);
    assert.deepEqual(keysOf(await b.list('/p/', { startKey: '/p/k08' })), ['/p/k08', '/p/k09']);
  }));

  it('more is false when the limit takes exactly the remaining keys; limit 0 means all', withBackend(factory, async (b) => {
    await seed(b, ['/m/1', '/m/2', '/m/3']);
    const exact = await b.list('/m/', { limit: 3 });
    assert.equal(exact.kvs.length, 3);
    assert.equal(exact.more, false);
    const over = await b.list('/m/', { limit: 5 });
    assert.equal(over.more, false);
    const two = await b.list('/m/', { limit: 2 });
    assert.equal(two.more, true);
    const all = await b.list('/m/', { limit: 0 });
    assert.equal(all.kvs.length, 3);
    assert.equal(all.more, false);
  }));

  it('listed versions carry their own revisions', withBackend(factory, async (b) => {
    const a = await b.create('/v/a', enc('1'));
    const a2 = await b.update('/v/a', enc('2'), a.modRevision);
    const c = await b.create('/v/c', enc('1'));
    const r = await b.list('/v/');
    assert.deepEqual(r.kvs.map((kv) => [kv.key, kv.createRevision, kv.modRevision]), [
      ['/v/a', a.createRevision, a2.modRevision],
      ['/v/c', c.createRevision, c.modRevision],
    ]);
    assert.equal(r.revision, c.modRevision);
  }));
}
