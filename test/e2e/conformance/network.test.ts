// Conformance: [sig-network] entries that need only the API server: Services, Endpoints, EndpointSlices, Ingress and IngressClass APIs.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { arr, at, qs, rand, type KList } from './client.ts';
import { apiOperations, expectField } from './api-operations.ts';
import { serverContext } from './suite.ts';

const sel = (s: string) => qs({ labelSelector: s });

describe('conformance: network APIs', () => {
  const ctx = serverContext();

  it('[sig-network] Services should provide secure master service [Conformance]', async () => {
    const svc = await ctx.api.get('/api/v1/namespaces/default/services/kubernetes');
    assert.equal(svc.metadata.name, 'kubernetes');
    assert.ok(arr(at(svc, 'spec.ports')).some((p) => at(p, 'name') === 'https' && at(p, 'port') === 443), 'the kubernetes service exposes https/443');
  });

  it('[sig-network] Services should find a service from listing all namespaces [Conformance]', async () => {
    const all = await ctx.api.get<KList>('/api/v1/services');
    assert.ok(all.items.some((s) => s.metadata.name === 'kubernetes' && s.metadata.namespace === 'default'));
  });

  it('[sig-network] Services should delete a collection of services [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('services');
    const base = `/api/v1/namespaces/${ns}/services`;
    for (const n of ['e2e-svc-a', 'e2e-svc-b', 'e2e-svc-c']) {
      await api.create(base, { apiVersion: 'v1', kind: 'Service', metadata: { name: `${n}-${rand(5)}`, labels: { 'e2e-test-service': 'delete' } }, spec: { type: 'ClusterIP', ports: [{ name: 'http', protocol: 'TCP', port: 8080, targetPort: 8080 }] } });
    }
    assert.equal((await api.get<KList>(base + sel('e2e-test-service=delete'))).items.length, 3);
    assert.equal((await api.del(base + sel('e2e-test-service=delete'))).status, 200);
    assert.equal((await api.get<KList>(base + sel('e2e-test-service=delete'))).items.length, 0);
  });

  it('[sig-network] Services should complete a service status lifecycle [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('services');
    const base = `/api/v1/namespaces/${ns}/services`;
    const name = `test-service-${rand()}`;
    const list = await api.get<KList>(`/api/v1/services${sel('test-service-static=true')}`);
    const w = await api.watch(`${base}${sel('test-service-static=true')}&watch=true&resourceVersion=${list.metadata.resourceVersion}`);
    try {
      await api.create(base, { apiVersion: 'v1', kind: 'Service', metadata: { name, labels: { 'test-service-static': 'true' } }, spec: { type: 'LoadBalancer', ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 80 }] } });
      await w.waitFor((e) => e.object.metadata.name === name && e.object.metadata.labels?.['test-service-static'] === 'true', 5000, 'the Service being added');
      const st = await api.get(`${base}/${name}/status`);
      assert.equal(st.metadata.name, name);
      const sp = await api.patch(`${base}/${name}/status`, { metadata: { annotations: { patchedstatus: 'true' } }, status: { loadBalancer: { ingress: [{ ip: '203.0.113.1' }] } } });
      assert.equal(sp.metadata.annotations?.patchedstatus, 'true', 'the annotation sent with the status patch is kept');
      await w.waitFor((e) => e.object.metadata.annotations?.patchedstatus === 'true', 5000, 'the status patch (annotation patchedstatus=true)');
      const cur = await api.get(`${base}/${name}`);
      const status = (cur.status ?? {}) as { conditions?: unknown[] };
      status.conditions = [...(status.conditions ?? []), { type: 'StatusUpdate', status: 'True', lastTransitionTime: null, reason: 'E2E', message: 'Set from e2e test' }];
      cur.status = status;
      await api.put(`${base}/${name}/status`, cur);
      await w.waitFor((e) => e.object.metadata.annotations?.patchedstatus === 'true' && arr(at(e.object, 'status.conditions')).some((c) => at(c, 'type') === 'StatusUpdate' && at(c, 'message') === 'Set from e2e test'), 5000, 'the status update condition');
      await api.patch(`${base}/${name}`, { metadata: { labels: { 'test-service': 'patched' } } }, 'strategic');
      await w.waitFor((e) => e.object.metadata.labels?.['test-service'] === 'patched', 5000, 'the patched label');
      assert.equal((await api.del(`${base}/${name}`)).status, 200);
      await w.waitFor((e) => e.type === 'DELETED' && e.object.metadata.name === name, 5000, 'DELETED');
    } finally {
      w.close();
    }
  });

  it('[sig-network] Services should test the lifecycle of an Endpoint [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('endpoints');
    const base = `/api/v1/namespaces/${ns}/endpoints`;
    const name = 'testservice';
    const w = await api.watch(`${base}${sel('test-endpoint-static=true')}&watch=true`);
    try {
      await api.create(base, { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, labels: { 'test-endpoint-static': 'true' } }, subsets: [{ addresses: [{ ip: '10.0.0.24' }], ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }] });
      await w.waitFor((e) => e.type === 'ADDED' && e.object.metadata.name === name, 5000, 'ADDED');
      const all = await api.get<KList>(`/api/v1/endpoints${sel('test-endpoint-static=true')}`);
      assert.ok(all.items.some((e) => e.metadata.name === name && e.metadata.namespace === ns), 'listed across all namespaces');
      const cur = await api.get(`${base}/${name}`);
      cur.metadata.labels = { ...cur.metadata.labels, 'test-service': 'updated' };
      await api.put(`${base}/${name}`, cur);
      await w.waitFor((e) => e.type === 'MODIFIED' && e.object.metadata.labels?.['test-service'] === 'updated', 5000, 'MODIFIED (update)');
      assert.equal((await api.get(`${base}/${name}`)).metadata.labels?.['test-service'], 'updated');
      await api.patch(`${base}/${name}`, { metadata: { labels: { 'test-service': 'patched' } }, subsets: [{ addresses: [{ ip: '10.0.0.25' }], ports: [{ name: 'http-test', port: 8080, protocol: 'TCP' }] }] }, 'strategic');
      await w.waitFor((e) => e.type === 'MODIFIED' && e.object.metadata.labels?.['test-service'] === 'patched', 5000, 'MODIFIED (patch)');
      const got = await api.get(`${base}/${name}`);
      assert.equal(at(got, 'subsets.0.addresses.0.ip'), '10.0.0.25');
      assert.equal(at(got, 'subsets.0.ports.0.port'), 8080);
      assert.equal(at(got, 'subsets.0.ports.0.name'), 'http-test');
      assert.equal((await api.del(base + sel('test-endpoint-static=true'))).status, 200);
      await w.waitFor((e) => e.type === 'DELETED' && e.object.metadata.name === name, 5000, 'DELETED');
      assert.equal((await api.get<KList>(base + sel('test-endpoint-static=true'))).items.length, 0);
    } finally {
      w.close();
    }
  });

  it('[sig-network] EndpointSlice should have Endpoints and EndpointSlices pointing to API Server [Conformance]', async () => {
    const { api } = ctx;
    await api.get('/api/v1/namespaces/default/services/kubernetes');
    const ep = await api.req('GET', '/api/v1/namespaces/default/endpoints/kubernetes');
    assert.equal(ep.status, 200, `the API server maintains Endpoints default/kubernetes: ${ep.status} ${ep.body.slice(0, 200)}`);
    const subsets = arr(at(ep.json(), 'subsets'));
    assert.ok(subsets.length > 0, 'at least one subset');
    const slices = await api.get<KList>('/apis/discovery.k8s.io/v1/namespaces/default/endpointslices?labelSelector=kubernetes.io%2Fservice-name%3Dkubernetes');
    assert.ok(slices.items.length > 0, 'an EndpointSlice for the kubernetes service');
    const epAddrs = subsets.flatMap((s) => arr(at(s, 'addresses')).map((a) => String(at(a, 'ip')))).sort();
    const sliceAddrs = slices.items.flatMap((s) => arr(s.endpoints).flatMap((e) => arr(at(e, 'addresses')).map(String))).sort();
    assert.deepEqual(sliceAddrs, epAddrs, 'the EndpointSlices carry the same addresses');
    const epPorts = subsets.flatMap((s) => arr(at(s, 'ports')).map((p) => `${String(at(p, 'name'))}/${String(at(p, 'port'))}`)).sort();
    const slicePorts = slices.items.flatMap((s) => arr(s.ports).map((p) => `${String(at(p, 'name'))}/${String(at(p, 'port'))}`)).sort();
    assert.deepEqual(slicePorts, epPorts, 'and the same ports');
  });

  it('[sig-network] EndpointSlice should support creating EndpointSlice API operations [Conformance]', async () => {
    await apiOperations(ctx.api, {
      group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices', namespaced: true,
      make: (name, labels) => ({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name, labels }, addressType: 'IPv4', endpoints: [{ addresses: ['1.2.3.4', '5.6.7.8'] }], ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }),
    });
  });

  it('[sig-network] Ingress API should support creating Ingress API operations [Conformance]', async () => {
    await apiOperations(ctx.api, {
      group: 'networking.k8s.io', version: 'v1', resource: 'ingresses', namespaced: true,
      make: (name, labels) => ({
        apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, labels },
        spec: { defaultBackend: { service: { name: 'default-backend', port: { number: 8080 } } }, rules: [{ host: 'foo.bar.com', http: { paths: [{ path: '/foo', pathType: 'Prefix', backend: { service: { name: 'test-backend', port: { number: 8080 } } } }] } }] },
      }),
      status: {
        patch: { status: { loadBalancer: { ingress: [{ ip: '169.1.1.1' }] } } },
        check: expectField('status.loadBalancer.ingress.0.ip', '169.1.1.1'),
        update: (o) => { o.status = { loadBalancer: { ingress: [{ ip: '169.1.1.2' }] } }; },
        checkUpdate: expectField('status.loadBalancer.ingress.0.ip', '169.1.1.2'),
      },
    });
  });

  it('[sig-network] IngressClass API should support creating IngressClass API operations [Conformance]', async () => {
    await apiOperations(ctx.api, {
      group: 'networking.k8s.io', version: 'v1', resource: 'ingressclasses', namespaced: false,
      make: (name, labels) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name, labels }, spec: { controller: 'example.com/e2e-controller' } }),
    });
  });
});
