// Conformance: [sig-api-machinery] CustomResourceDefinition resources and CustomResourceDefinition Watch.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { arr, at, eventually, rand, type KList, type KObj } from './client.ts';
import { createCrd, crPath, crdKind, deleteCrd, randomCrd } from './crd-fixtures.ts';
import { serverContext } from './suite.ts';

const crds = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';

describe('conformance: CustomResourceDefinition', () => {
  const ctx = serverContext();

  it('[sig-api-machinery] CustomResourceDefinition resources [Privileged:ClusterAdmin] Simple CustomResourceDefinition creating/deleting custom resource definition objects works [Conformance]', async () => {
    const { api } = ctx;
    const crd = await createCrd(api, randomCrd());
    // The new resource is usable once served.
    const cr = await api.create(crPath(crd), { apiVersion: `mygroup.example.com/v1beta1`, kind: crdKind(crd), metadata: { name: 'one' } });
    assert.equal(cr.metadata.name, 'one');
    await deleteCrd(api, crd);
    await eventually(async () => (await api.req('GET', crPath(crd))).status === 404, 10_000, 'the custom resource to stop being served');
  });

  it('[sig-api-machinery] CustomResourceDefinition resources [Privileged:ClusterAdmin] Simple CustomResourceDefinition listing custom resource definition objects works [Conformance]', async () => {
    const { api } = ctx;
    const uuid = rand(12);
    const labelled: KObj[] = [];
    for (let i = 0; i < 10; i++) labelled.push(await createCrd(api, randomCrd('Cluster', { 'e2e-list-test-uuid': uuid })));
    const other = await createCrd(api, randomCrd());
    const sel = `?labelSelector=e2e-list-test-uuid%3D${uuid}`;
    const list = await api.get<KList>(crds + sel);
    assert.equal(list.items.length, 10, 'only the labelled CRDs are listed');
    for (const item of list.items) {
      const expected = labelled.find((c) => c.metadata.name === item.metadata.name);
      assert.ok(expected, `listed ${item.metadata.name} is one of ours`);
      assert.deepEqual(item.spec, expected.spec, 'listed spec equals the created spec');
    }
    const dc = await api.del(crds + sel);
    assert.equal(dc.status, 200, `deletecollection: ${dc.body.slice(0, 300)}`);
    await eventually(async () => (await api.get<KList>(crds + sel)).items.length === 0, 10_000, 'labelled CRDs to be deleted');
    const remaining = await api.get(`${crds}/${other.metadata.name}`);
    assert.equal(remaining.metadata.name, other.metadata.name, 'the unlabelled CRD remains');
    await deleteCrd(api, other);
  });

  it('[sig-api-machinery] CustomResourceDefinition resources [Privileged:ClusterAdmin] Simple CustomResourceDefinition getting/updating/patching custom resource definition status sub-resource works [Conformance]', async () => {
    const { api } = ctx;
    const crd = await createCrd(api, randomCrd());
    const status = await api.get(`${crds}/${crd.metadata.name}/status`);
    assert.deepEqual(status.spec, crd.spec, 'the status subresource carries the same spec');
    const conditions = arr(at(status, 'status.conditions'));
    (status.status as Record<string, unknown>).conditions = [...conditions, { message: 'updated' }];
    const updated = await api.put(`${crds}/${crd.metadata.name}/status`, status);
    assert.ok(arr(at(updated, 'status.conditions')).some((c) => JSON.stringify(c) === JSON.stringify({ message: 'updated' })),
      `the updated condition is stored as sent: ${JSON.stringify(at(updated, 'status.conditions'))}`);
    const patched = await api.patch(`${crds}/${crd.metadata.name}/status`, [{ op: 'add', path: '/status/conditions', value: [{ message: 'patched' }] }], 'json');
    assert.ok(arr(at(patched, 'status.conditions')).some((c) => JSON.stringify(c) === JSON.stringify({ message: 'patched' })),
      `the patched condition is returned: ${JSON.stringify(at(patched, 'status.conditions'))}`);
    const read = await api.get(`${crds}/${crd.metadata.name}/status`);
    assert.ok(arr(at(read, 'status.conditions')).some((c) => at(c, 'message') === 'patched'), 'the patch is visible to a later read');
    await deleteCrd(api, crd);
  });

  it('[sig-api-machinery] CustomResourceDefinition resources [Privileged:ClusterAdmin] should include custom resource definition resources in discovery documents [Conformance]', async () => {
    const { api } = ctx;
    const apis = await api.get<{ groups: { name: string; versions: { version: string }[] }[] }>('/apis');
    const g = apis.groups.find((x) => x.name === 'apiextensions.k8s.io');
    assert.ok(g, 'apiextensions.k8s.io in /apis');
    assert.ok(g.versions.some((v) => v.version === 'v1'), 'apiextensions.k8s.io/v1 in /apis');
    const group = await api.get<{ name: string; versions: { version: string }[] }>('/apis/apiextensions.k8s.io');
    assert.equal(group.name, 'apiextensions.k8s.io');
    assert.ok(group.versions.some((v) => v.version === 'v1'));
    const rl = await api.get<{ groupVersion: string; resources: { name: string }[] }>('/apis/apiextensions.k8s.io/v1');
    assert.equal(rl.groupVersion, 'apiextensions.k8s.io/v1');
    assert.ok(rl.resources.some((r) => r.name === 'customresourcedefinitions'));
  });

  it('[sig-api-machinery] CustomResourceDefinition resources [Privileged:ClusterAdmin] custom resource defaulting for requests and from storage works [Conformance]', async () => {
    const { api } = ctx;
    const def = randomCrd();
    const schema = at(def, 'spec.versions.0.schema.openAPIV3Schema') as Record<string, unknown>;
    schema.properties = { a: { type: 'string' }, b: { type: 'string' } };
    const crd = await createCrd(api, def);
    const path = crPath(crd);
    const cr = (name: string) => ({ apiVersion: 'mygroup.example.com/v1beta1', kind: crdKind(crd), metadata: { name } });
    await api.create(path, cr('cr-1'));
    await api.patch(`${crds}/${crd.metadata.name}`, [{ op: 'add', path: '/spec/versions/0/schema/openAPIV3Schema/properties/a/default', value: 'A' }], 'json');
    await eventually(async () => {
      const u = await api.get(`${path}/cr-1`);
      if (u.a !== undefined) assert.equal(u.a, 'A');
      return u.a === 'A';
    }, 5000, 'cr-1 (stored without a) to be defaulted on read');
    const u2 = await api.create(path, cr('cr-2'));
    assert.equal(u2.a, 'A', 'a is defaulted on create');
    await api.patch(`${crds}/${crd.metadata.name}`, [
      { op: 'remove', path: '/spec/versions/0/schema/openAPIV3Schema/properties/a/default' },
      { op: 'add', path: '/spec/versions/0/schema/openAPIV3Schema/properties/b/default', value: 'B' },
    ], 'json');
    await eventually(async () => {
      const u = await api.get(`${path}/cr-2`);
      if (u.b === undefined) return false;
      assert.equal(u.b, 'B');
      assert.equal(u.a, 'A', 'a keeps its stored default');
      return true;
    }, 5000, 'cr-2 to be defaulted on read for b');
    await deleteCrd(api, crd);
  });

  it('[sig-api-machinery] CustomResourceDefinition Watch [Privileged:ClusterAdmin] CustomResourceDefinition Watch watch on custom resource definition objects [Conformance]', async () => {
    const { api } = ctx;
    const crd = await createCrd(api, randomCrd());
    const path = crPath(crd);
    const w = await api.watch(`${path}?watch=true`);
    const cr = (name: string) => ({ apiVersion: 'mygroup.example.com/v1beta1', kind: crdKind(crd), metadata: { name }, content: { key: 'value' } });
    const strip = (o: KObj) => JSON.stringify({ ...o, apiVersion: undefined, kind: undefined });
    const expect = async (type: string, obj?: KObj) => {
      const e = await w.waitFor((ev) => ev.type === type, 5000, type);
      if (obj) assert.equal(strip(e.object), strip(obj), `${type} event carries the object`);
      return e;
    };
    try {
      const one = await api.create(path, cr('name1'));
      await expect('ADDED', one);
      const two = await api.create(path, cr('name2'));
      await expect('ADDED', two);
      const m1 = await api.patch(`${path}/name1`, { dummy: 'test' });
      await expect('MODIFIED', m1);
      const m2 = await api.patch(`${path}/name2`, { dummy: 'test' });
      await expect('MODIFIED', m2);
      assert.equal((await api.del(`${path}/name1`)).status, 200);
      assert.equal((await expect('DELETED')).object.metadata.name, 'name1');
      assert.equal((await api.del(`${path}/name2`)).status, 200);
      assert.equal((await expect('DELETED')).object.metadata.name, 'name2');
    } finally {
      w.close();
    }
    await deleteCrd(api, crd);
  });
});
