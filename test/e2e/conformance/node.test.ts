// Conformance: [sig-node] API-only entries: Lease API, Node lifecycle and RuntimeClass (API operations, admission of pods).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { at, eventually, expectStatus, rand, type Api, type KList } from './client.ts';
import { apiOperations } from './api-operations.ts';
import { serverContext } from './suite.ts';

/** time.Time{}.Add(d) as a metav1.MicroTime: year 1 plus some seconds. */
const zeroPlus = (s: number) => `0001-01-01T00:00:${String(s).padStart(2, '0')}.000000Z`;

const runtimeClassPod = (rc: string) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'test-runtimeclass-' },
  spec: { runtimeClassName: rc, restartPolicy: 'Never', automountServiceAccountToken: false, containers: [{ name: 'test', image: 'registry.k8s.io/e2e-test-images/busybox:1.36.1-1', command: ['true'] }] },
});

async function expectPodRejection(api: Api, ns: string, rc: string): Promise<void> {
  const st = await expectStatus(api.req('POST', `/api/v1/namespaces/${ns}/pods`, { body: runtimeClassPod(rc) }), 403, `pod requesting RuntimeClass ${rc}`);
  assert.equal(st.reason, 'Forbidden');
}

describe('conformance: node APIs', () => {
  const ctx = serverContext();

  it('[sig-node] Lease lease API should be available [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('lease-test');
    const base = `/apis/coordination.k8s.io/v1/namespaces/${ns}/leases`;
    const spec1 = { holderIdentity: 'holder', leaseDurationSeconds: 30, acquireTime: zeroPlus(2), renewTime: zeroPlus(5), leaseTransitions: 0 };
    const created = await api.create(base, { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'lease' }, spec: spec1 });
    assert.deepEqual(created.spec, spec1);
    assert.deepEqual((await api.get(`${base}/lease`)).spec, spec1, 'read spec equals the created spec');

    const spec2 = { holderIdentity: 'holder2', leaseDurationSeconds: 30, acquireTime: zeroPlus(20), renewTime: zeroPlus(30), leaseTransitions: 1 };
    const cur = await api.get(`${base}/lease`);
    cur.spec = spec2;
    await api.put(`${base}/lease`, cur);
    assert.deepEqual((await api.get(`${base}/lease`)).spec, spec2, 'read spec equals the updated spec');

    const spec3 = { holderIdentity: 'holder3', leaseDurationSeconds: 30, acquireTime: zeroPlus(50), renewTime: zeroPlus(59), leaseTransitions: 2 };
    await api.patch(`${base}/lease`, { spec: { holderIdentity: 'holder3', acquireTime: zeroPlus(50), renewTime: zeroPlus(59), leaseTransitions: 2 } }, 'strategic');
    assert.deepEqual((await api.get(`${base}/lease`)).spec, spec3, 'read spec equals the patched spec');

    await api.create(base, { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'lease2', labels: { deletecollection: 'true' } }, spec: spec1 });
    assert.equal((await api.get<KList>(base)).items.length, 2);
    assert.equal((await api.del(`${base}?labelSelector=deletecollection%3Dtrue`)).status, 200);
    const left = await api.get<KList>(base);
    assert.deepEqual(left.items.map((l) => l.metadata.name), ['lease'], 'only the labelled lease was deleted');
    assert.equal((await api.del(`${base}/lease`)).status, 200);
    assert.equal((await api.req('GET', `${base}/lease`)).status, 404);
  });

  it('[sig-node] Node Lifecycle should run through the lifecycle of a node [Conformance]', async () => {
    const { api } = ctx;
    const name = `e2e-fake-node-${rand()}`;
    const created = await api.create('/api/v1/nodes', {
      apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: { unschedulable: true },
      status: { phase: 'Running', conditions: [{ status: 'True', message: 'Set from e2e test', reason: 'E2E', type: 'Ready' }] },
    });
    assert.equal(created.metadata.name, name);
    assert.equal((await api.get(`/api/v1/nodes/${name}`)).metadata.name, name);
    const patched = await api.patch(`/api/v1/nodes/${name}`, `{"metadata":{"labels":{"${name}":"patched"}}}`, 'strategic');
    assert.equal(patched.metadata.labels?.[name], 'patched');
    assert.equal((await api.get<KList>(`/api/v1/nodes?labelSelector=${encodeURIComponent(`${name}=patched`)}`)).items.length, 1);
    const cur = await api.get(`/api/v1/nodes/${name}`);
    cur.metadata.labels = { ...cur.metadata.labels, [name]: 'updated' };
    const updated = await api.put(`/api/v1/nodes/${name}`, cur);
    assert.equal(updated.metadata.labels?.[name], 'updated');
    const del = await api.del(`/api/v1/nodes/${name}`);
    assert.ok(del.status === 200 || del.status === 202, del.body);
    await eventually(async () => (await api.req('GET', `/api/v1/nodes/${name}`)).status === 404, 5000, 'node deletion');
  });

  it('[sig-node] Pods Extended Pods Set QOS Class should be set on Pods with matching resource requests and limits for memory and cpu [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('pods');
    const name = `pod-qos-class-${rand(8)}`;
    const res = { cpu: '100m', memory: '100Mi' };
    await api.create(`/api/v1/namespaces/${ns}/pods`, {
      apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { name } },
      spec: { containers: [{ name: 'agnhost', image: 'registry.k8s.io/e2e-test-images/agnhost:2.53', args: ['pause'], resources: { limits: res, requests: res } }] },
    });
    const pod = await api.get(`/api/v1/namespaces/${ns}/pods/${name}`);
    assert.equal(at(pod, 'status.qosClass'), 'Guaranteed');
  });

  it('[sig-node] RuntimeClass should support RuntimeClasses API operations [Conformance]', async () => {
    await apiOperations(ctx.api, {
      group: 'node.k8s.io', version: 'v1', resource: 'runtimeclasses', namespaced: false,
      make: (name, labels) => ({ apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: { name, labels }, handler: 'runc' }),
    });
  });

  it('[sig-node] RuntimeClass should reject a Pod requesting a non-existent RuntimeClass [NodeConformance] [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('runtimeclass');
    await expectPodRejection(api, ns, `${ns}-nonexistent`);
  });

  it('[sig-node] RuntimeClass should reject a Pod requesting a deleted RuntimeClass [NodeConformance] [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('runtimeclass');
    const rc = await api.create('/apis/node.k8s.io/v1/runtimeclasses', { apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: { generateName: `${ns}-delete-me-` }, handler: 'runc' });
    assert.equal((await api.del(`/apis/node.k8s.io/v1/runtimeclasses/${rc.metadata.name}`)).status, 200);
    await eventually(async () => (await api.req('GET', `/apis/node.k8s.io/v1/runtimeclasses/${rc.metadata.name}`)).status === 404, 5000, 'RuntimeClass deletion');
    await expectPodRejection(api, ns, rc.metadata.name);
    assert.equal(at(rc, 'handler'), 'runc');
  });
});
