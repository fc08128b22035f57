// Patches of all three kinds, server-side apply with conflicts, finalizers, and dry runs through kubectl.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type ServerHandle } from './harness.ts';
import { deploymentYaml } from './fixtures.ts';

describe('kubectl writes', () => {
  let s: ServerHandle;
  before(async () => {
    s = await startServer();
    await s.k(['apply', '-f', '-'], { input: deploymentYaml(2) });
  });
  after(async () => { await s?.stop(); });

  it('applies a strategic merge patch by container name', async () => {
    await s.k(['patch', 'deployment', 'web', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","image":"busybox"}]}}}}']);
    const names = await s.k(['get', 'deployment', 'web', '-o', 'jsonpath={.spec.template.spec.containers[*].name}']);
    // As in Kubernetes, items a strategic patch adds come before the existing ones.
    assert.equal(names, 'sidecar nginx');
    await s.k(['patch', 'deployment', 'web', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","$patch":"delete"}]}}}}']);
    assert.equal(await s.k(['get', 'deployment', 'web', '-o', 'jsonpath={.spec.template.spec.containers[*].name}']), 'nginx');
  });

  it('applies a JSON merge patch (lists replaced)', async () => {
    await s.k(['patch', 'deployment', 'web', '--type=merge', '-p', '{"metadata":{"labels":{"merged":"yes"}},"spec":{"replicas":4}}']);
    const dep = JSON.parse(await s.k(['get', 'deployment', 'web', '-o', 'json']));
    assert.equal(dep.metadata.labels.merged, 'yes');
    assert.equal(dep.metadata.labels.app, 'web');
    assert.equal(dep.spec.replicas, 4);
  });

  it('applies a JSON patch and fails a failing test op', async () => {
    await s.k(['patch', 'deployment', 'web', '--type=json', '-p', '[{"op":"replace","path":"/spec/replicas","value":6},{"op":"add","path":"/metadata/labels/json","value":"p"}]']);
    assert.equal(await s.k(['get', 'deployment', 'web', '-o', 'jsonpath={.spec.replicas}/{.metadata.labels.json}']), '6/p');
    const r = await s.kubectl(['patch', 'deployment', 'web', '--type=json', '-p', '[{"op":"test","path":"/spec/replicas","value":1}]']);
    assert.notEqual(r.code, 0);
    assert.equal(await s.k(['get', 'deployment', 'web', '-o', 'jsonpath={.spec.replicas}']), '6');
  });

  it('server-side apply reports a conflict and --force-conflicts takes over', async () => {
    const cm = (v: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\ndata:\n  key: "${v}"\n`;
    await s.k(['apply', '--server-side', '--field-manager=alice', '-f', '-'], { input: cm('a') });
    const r = await s.kubectl(['apply', '--server-side', '--field-manager=bob', '-f', '-'], { input: cm('b') });
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /conflict with "alice"/);
    assert.match(r.stderr, /\.data\.key/);
    await s.k(['apply', '--server-side', '--field-manager=bob', '--force-conflicts', '-f', '-'], { input: cm('b') });
    const obj = JSON.parse(await s.k(['get', 'configmap', 'ssa', '-o', 'json', '--show-managed-fields']));
    assert.equal(obj.data.key, 'b');
    const managers = obj.metadata.managedFields.map((m: { manager: string }) => m.manager);
    assert.ok(managers.includes('bob'));
  });

  it('holds deletion while finalizers remain', async () => {
    await s.k(['create', 'configmap', 'held', '--from-literal=a=1']);
    await s.k(['patch', 'configmap', 'held', '-p', '{"metadata":{"finalizers":["example.com/hold"]}}']);
    await s.k(['delete', 'configmap', 'held', '--wait=false']);
    const obj = JSON.parse(await s.k(['get', 'configmap', 'held', '-o', 'json']));
    assert.ok(obj.metadata.deletionTimestamp);
    await s.k(['patch', 'configmap', 'held', '--type=json', '-p', '[{"op":"remove","path":"/metadata/finalizers"}]']);
    const gone = await s.kubectl(['get', 'configmap', 'held']);
    assert.notEqual(gone.code, 0);
    assert.match(gone.stderr, /configmaps "held" not found/);
  });

  it('does not store anything on --dry-run=server', async () => {
    await s.k(['create', 'configmap', 'dry', '--from-literal=a=1', '--dry-run=server']);
    assert.notEqual((await s.kubectl(['get', 'configmap', 'dry'])).code, 0);
  });
});

describe('managedFields', () => {
  let s: ServerHandle;
  before(async () => { s = await startServer(); });
  after(async () => { await s?.stop(); });

  it('records the creating manager and the fields it set', async () => {
    await s.k(['create', 'configmap', 'owned', '--from-literal=a=1']);
    const obj = JSON.parse(await s.k(['get', 'configmap', 'owned', '-o', 'json', '--show-managed-fields']));
    const entry = obj.metadata.managedFields.find((m: { manager: string }) => m.manager === 'kubectl-create');
    assert.equal(entry.operation, 'Update');
    assert.deepEqual(entry.fieldsV1, { 'f:data': { '.': {}, 'f:a': {} } });
  });
});
