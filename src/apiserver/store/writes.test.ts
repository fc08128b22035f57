import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryBackend } from '../../storage/memory/memory-backend.ts';
import { CacheHub } from '../watch-cache/hub.ts';
import { builtinDefs } from '../registry/builtin.ts';
import type { ResourceDef } from '../registry/resource-def.ts';
import { createObject, deleteObject, getCurrent, updateObject, type WriteContext } from './writes.ts';
import { StatusError } from '../../api/errors.ts';

const defs = builtinDefs({});
const def = (g: string, r: string) => defs.find((d) => d.group === g && d.resource === r)! as ResourceDef;
const cms = def('', 'configmaps');
const deps = def('apps', 'deployments');

describe('store writes', () => {
  let hub: CacheHub;
  let ctx: WriteContext;
  beforeEach(async () => {
    hub = new CacheHub(new MemoryBackend());
    await hub.start();
    ctx = { hub, dryRun: false };
  });
  afterEach(() => hub.close());

  it('creates with server-set metadata and generateName', async () => {
    const o = await createObject(cms, ctx, { metadata: { generateName: 'cm-', namespace: 'a' }, data: { k: 'v' } });
    assert.match(o.metadata!.name!, /^cm-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    assert.match(o.metadata!.uid!, /^[0-9a-f-]{36}$/);
    assert.match(o.metadata!.creationTimestamp!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(o.apiVersion, 'v1');
    assert.equal(o.kind, 'ConfigMap');
    assert.equal(o.metadata!.generation, undefined);
    const again = await getCurrent(cms, hub, 'a', o.metadata!.name!);
    assert.equal(again.obj.metadata!.resourceVersion, o.metadata!.resourceVersion);
  });

  it('retries generateName collisions with a new name', async (t) => {
    await createObject(cms, ctx, { metadata: { name: 'g-bbbbb', namespace: 'a' } });
    let calls = 0;
    t.mock.method(Math, 'random', () => (calls++ < 5 ? 0 : 0.5));
    const o = await createObject(cms, ctx, { metadata: { generateName: 'g-', namespace: 'a' } });
    assert.notEqual(o.metadata!.name, 'g-bbbbb');
    assert.match(o.metadata!.name!, /^g-/);
  });

  it('rejects duplicates with 409 AlreadyExists', async () => {
    await createObject(cms, ctx, { metadata: { name: 'x', namespace: 'a' } });
    await assert.rejects(createObject(cms, ctx, { metadata: { name: 'x', namespace: 'a' } }),
      (e: unknown) => e instanceof StatusError && e.code === 409 && e.reason === 'AlreadyExists' && e.message === 'configmaps "x" already exists');
  });

  it('bumps generation only when the spec changes and keeps status on main updates', async () => {
    const created = await createObject(deps, ctx, { metadata: { name: 'd', namespace: 'a' }, spec: { replicas: 1 }, status: { replicas: 5 } });
    assert.equal(created.metadata!.generation, 1);
    const r1 = await updateObject(deps, ctx, 'a', 'd', (cur) => ({ ...cur!, metadata: { ...cur!.metadata, labels: { x: 'y' } } }));
    assert.equal(r1.obj.metadata!.generation, 1);
    const r2 = await updateObject(deps, ctx, 'a', 'd', (cur) => ({ ...cur!, spec: { replicas: 2 }, status: { replicas: 9 } }));
    assert.equal(r2.obj.metadata!.generation, 2);
    assert.deepEqual(r2.obj.status, { replicas: 5 });
    const r3 = await updateObject(deps, ctx, 'a', 'd', (cur) => ({ ...cur!, spec: { replicas: 7 }, status: { replicas: 3 } }), { subresource: 'status' });
    assert.deepEqual(r3.obj.status, { replicas: 3 });
    assert.deepEqual(r3.obj.spec, { replicas: 2 });
  });

  it('fails a stale resourceVersion with 409 Conflict', async () => {
    const o = await createObject(cms, ctx, { metadata: { name: 'c', namespace: 'a' }, data: { v: '1' } });
    await updateObject(cms, ctx, 'a', 'c', (cur) => ({ ...cur!, data: { v: '2' } }));
    await assert.rejects(updateObject(cms, ctx, 'a', 'c', (cur) => ({ ...cur!, data: { v: '3' } }), { expectedRv: o.metadata!.resourceVersion }),
      (e: unknown) => e instanceof StatusError && e.code === 409 && /the object has been modified/.test(e.message));
  });

  it('holds deletion for finalizers and deletes when the last one goes', async () => {
    await createObject(cms, ctx, { metadata: { name: 'f', namespace: 'a', finalizers: ['x/y'] } });
    const d = await deleteObject(cms, ctx, 'a', 'f', {});
    assert.equal(d.deleted, false);
    assert.ok(d.obj.metadata!.deletionTimestamp);
    assert.equal(d.obj.metadata!.deletionGracePeriodSeconds, 0);
    const u = await updateObject(cms, ctx, 'a', 'f', (cur) => ({ ...cur!, metadata: { ...cur!.metadata, finalizers: [] } }));
    assert.equal(u.deleted, true);
    await assert.rejects(getCurrent(cms, hub, 'a', 'f'), (e: unknown) => e instanceof StatusError && e.code === 404);
  });

  it('adds the orphan finalizer for propagationPolicy=Orphan', async () => {
    await createObject(cms, ctx, { metadata: { name: 'o', namespace: 'a' } });
    const d = await deleteObject(cms, ctx, 'a', 'o', { propagationPolicy: 'Orphan' });
    assert.deepEqual(d.obj.metadata!.finalizers, ['orphan']);
  });

  it('stores nothing on dry run', async () => {
    await createObject(cms, { ...ctx, dryRun: true }, { metadata: { name: 'dry', namespace: 'a' } });
    await assert.rejects(getCurrent(cms, hub, 'a', 'dry'));
  });

  it('retries unconditional updates that race', async () => {
    await createObject(cms, ctx, { metadata: { name: 'n', namespace: 'a' }, data: { n: '0' } });
    await Promise.all(Array.from({ length: 10 }, () => updateObject(cms, ctx, 'a', 'n', (cur) => ({ ...cur!, data: { n: String(Number((cur!.data as { n: string }).n) + 1) } }))));
    assert.deepEqual((await getCurrent(cms, hub, 'a', 'n')).obj.data, { n: '10' });
  });
});
