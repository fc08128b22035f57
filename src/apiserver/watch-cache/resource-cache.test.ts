import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ResourceCache, TooOldError, type CacheEvent } from './resource-cache.ts';
import { CachedObject } from './cached-object.ts';

const obj = (name: string, rv: number) => new CachedObject(`/registry/core/pods/ns/${name}`, rv, { metadata: { name, resourceVersion: String(rv) } });

describe('resource cache', () => {
  it('replays history after a revision, then delivers live events', () => {
    const c = new ResourceCache('core/pods', { historyCapacity: 10, startRevision: 1 });
    c.apply('put', obj('a', 2));
    c.apply('put', obj('a', 3));
    const seen: string[] = [];
    const w = c.watch(2, (e: CacheEvent) => seen.push(`${e.type}@${e.rv}`));
    c.apply('delete', obj('a', 4));
    w.stop();
    c.apply('put', obj('b', 5));
    assert.deepEqual(seen, ['MODIFIED@3', 'DELETED@4']);
    assert.equal(c.objects.size, 1);
  });
  it('answers too-old once history is evicted', () => {
    const c = new ResourceCache('core/pods', { historyCapacity: 2, startRevision: 1 });
    for (let rv = 2; rv <= 6; rv++) c.apply('put', obj(`p${rv}`, rv));
    assert.throws(() => c.watch(3, () => {}), TooOldError);
    const seen: number[] = [];
    c.watch(4, (e) => seen.push(e.rv));
    assert.deepEqual(seen, [5, 6]);
  });
  it('keeps objects sorted by key and encodes event lines once', () => {
    const c = new ResourceCache('core/pods', { historyCapacity: 4, startRevision: 0 });
    c.apply('put', obj('b', 1));
    c.apply('put', obj('a', 2));
    assert.deepEqual(c.sorted().map((o) => o.name), ['a', 'b']);
    let line = '';
    c.watch(1, (e) => { line = e.line; });
    assert.equal(line, '{"type":"ADDED","object":{"metadata":{"name":"a","resourceVersion":"2"}}}\n');
  });
});
