// Conformance: [sig-api-machinery] Namespaces [Serial] API-only entries (namespace.go): patch, update, status and finalize.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { arr, at, rand, type KObj } from './client.ts';
import { serverContext } from './suite.ts';

const nsPath = (n: string) => `/api/v1/namespaces/${n}`;

describe('conformance: Namespaces', () => {
  const ctx = serverContext();

  it('[sig-api-machinery] Namespaces [Serial] should patch a Namespace [Conformance]', async () => {
    const { api } = ctx;
    const name = `nspatchtest-${rand(8)}`;
    const ns = await api.create('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    const patched = await api.patch(nsPath(name), { metadata: { labels: { testLabel: 'testValue' } } }, 'strategic');
    assert.ok(BigInt(String(patched.metadata.resourceVersion)) > BigInt(String(ns.metadata.resourceVersion)), 'the patched object has a larger resourceVersion');
    const got = await api.get(nsPath(name));
    assert.equal(got.metadata.labels?.testLabel, 'testValue', 'the label is stored');
  });

  it('[sig-api-machinery] Namespaces [Serial] should apply changes to a namespace status [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('namespaces');
    const status = await api.get(`${nsPath(ns)}/status`);
    assert.equal(at(status, 'status.phase'), 'Active', 'a new namespace is Active');

    const cond = { type: 'StatusPatch', status: 'True', reason: 'E2E', message: 'Patched by an e2e test' };
    const patched = await api.patch(`${nsPath(ns)}/status`, { metadata: { annotations: { 'e2e-patched-ns-status': ns } }, status: { conditions: [cond] } });
    assert.equal(patched.metadata.annotations?.['e2e-patched-ns-status'], ns, 'the annotation was applied through /status');
    const pc = arr(at(patched, 'status.conditions'));
    assert.equal(at(pc[pc.length - 1], 'reason'), 'E2E');
    assert.equal(at(pc[pc.length - 1], 'message'), 'Patched by an e2e test');

    const cur = await api.get(`${nsPath(ns)}/status`);
    const st = cur.status as { conditions?: unknown[] };
    st.conditions = [...(st.conditions ?? []), { type: 'StatusUpdate', status: 'True', reason: 'E2E', message: 'Updated by an e2e test' }];
    const updated = await api.put(`${nsPath(ns)}/status`, cur);
    const uc = arr(at(updated, 'status.conditions'));
    assert.equal(at(uc[uc.length - 1], 'type'), 'StatusUpdate');
    assert.equal(at(uc[uc.length - 1], 'message'), 'Updated by an e2e test');
  });

  it('[sig-api-machinery] Namespaces [Serial] should apply an update to a Namespace [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('namespaces');
    const cur = await api.get(nsPath(ns));
    cur.metadata.labels = { ...cur.metadata.labels, [ns]: 'updated' };
    const updated = await api.put(nsPath(ns), cur);
    assert.equal(updated.metadata.labels?.[ns], 'updated');
    assert.equal((await api.get(nsPath(ns))).metadata.labels?.[ns], 'updated');
  });

  it('[sig-api-machinery] Namespaces [Serial] should apply a finalizer to a Namespace [Conformance]', async () => {
    const { api } = ctx;
    const fake = 'e2e.example.com/fakeFinalizer';
    const ns = await api.namespace('e2e-ns');
    const created = await api.get(nsPath(ns));
    assert.deepEqual(at(created, 'spec.finalizers'), ['kubernetes'], 'a new namespace carries the kubernetes finalizer');

    const withFinalizer = await api.get(nsPath(ns));
    const spec = withFinalizer.spec as { finalizers?: string[] };
    spec.finalizers = [...(spec.finalizers ?? []), fake];
    const added = await api.put<KObj>(`${nsPath(ns)}/finalize`, withFinalizer);
    assert.ok(arr(at(added, 'spec.finalizers')).includes(fake), `finalizer ${fake} added: ${JSON.stringify(at(added, 'spec.finalizers'))}`);

    const again = await api.get(nsPath(ns));
    assert.ok(arr(at(again, 'spec.finalizers')).includes(fake), 'the finalizer is stored');
    (again.spec as { finalizers: string[] }).finalizers = arr(at(again, 'spec.finalizers')).filter((f) => f !== fake) as string[];
    const removed = await api.put(`${nsPath(ns)}/finalize`, again);
    assert.ok(!arr(at(removed, 'spec.finalizers')).includes(fake), 'the finalizer is removed');
  });
});
