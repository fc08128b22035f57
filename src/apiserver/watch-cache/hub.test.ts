import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryBackend } from '../../storage/memory/memory-backend.ts';
import { StorageError, type WatchHandlers } from '../../storage/backend.ts';
import { CacheHub } from './hub.ts';

const enc = (o: unknown) => Buffer.from(JSON.stringify(o));

describe('cache hub', () => {
  it('fills caches from the datastore and follows later writes', async () => {
    const be = new MemoryBackend();
    await be.create('/registry/core/configmaps/ns/a', enc({ metadata: { name: 'a', namespace: 'ns' } }));
    const hub = new CacheHub(be);
    await hub.start();
    const cache = hub.cache('core/configmaps');
    assert.equal(cache.objects.size, 1);
    const kv = await be.create('/registry/core/configmaps/ns/b', enc({ metadata: { name: 'b', namespace: 'ns' } }));
    await hub.waitFresh();
    assert.equal(hub.revision, kv.modRevision);
    assert.equal(cache.objects.get('/registry/core/configmaps/ns/b')?.obj.metadata?.resourceVersion, String(kv.modRevision));
    hub.close();
    await be.close();
  });

  it('relists when the datastore watch breaks and ends the old watches', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const be = new MemoryBackend();
    let handlers: WatchHandlers | undefined;
    const original = be.watch.bind(be);
    be.watch = (prefix, after, h) => { handlers = h; return original(prefix, after, h); };
    const hub = new CacheHub(be, { onError: () => {} });
    await hub.start();
    let closed = false;
    hub.cache('core/configmaps').watch(hub.revision, () => {}, () => { closed = true; });
    await be.create('/registry/core/configmaps/ns/c', enc({ metadata: { name: 'c', namespace: 'ns' } }));
    handlers!.onError(new StorageError('Unavailable', '/registry/'));
    t.mock.timers.tick(1000);
    for (let i = 0; i < 20 && !closed; i++) await new Promise((r) => setImmediate(r));
    assert.equal(closed, true);
    assert.equal(hub.cache('core/configmaps').objects.size, 1);
    hub.close();
    await be.close();
  });
});
