// Conformance: lifecycle entries of ConfigMaps, Secrets, PodTemplates, LimitRanges and ResourceQuotas that need only the API server.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { at, eventually, expectStatus, names, qs, rand, type KList, type KObj } from './client.ts';
import { serverContext } from './suite.ts';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const sel = (s: string) => qs({ labelSelector: s });

describe('conformance: core lifecycles', () => {
  const ctx = serverContext();

  it('[sig-node] ConfigMap should run through a ConfigMap lifecycle [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('configmap');
    const name = `test-configmap-${rand(8)}`;
    const base = `/api/v1/namespaces/${ns}/configmaps`;
    await api.create(base, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels: { 'test-configmap-static': 'true' } }, data: { valueName: 'value' } });
    await api.patch(`${base}/${name}`, { metadata: { labels: { 'test-configmap': 'patched' } }, data: { valueName: 'value1' } }, 'strategic');
    const got = await api.get(`${base}/${name}`);
    assert.equal(got.metadata.labels?.['test-configmap'], 'patched');
    assert.equal(at(got, 'data.valueName'), 'value1');
    const all = await api.get<KList>(`/api/v1/configmaps${sel('test-configmap-static=true')}`);
    const found = all.items.find((i) => i.metadata.name === name && i.metadata.namespace === ns);
    assert.ok(found, 'found across all namespaces by its static label');
    assert.equal(at(found, 'data.valueName'), 'value1');
    assert.equal(found.metadata.labels?.['test-configmap'], 'patched');
    assert.equal((await api.del(base + sel('test-configmap-static=true'))).status, 200);
    const after = await api.get<KList>(`/api/v1/configmaps${sel('test-configmap-static=true')}`);
    assert.ok(!names(after).includes(name), 'deleted by collection');
  });

  it('[sig-node] ConfigMap should fail to create ConfigMap with empty key [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('configmap');
    const st = await expectStatus(api.req('POST', `/api/v1/namespaces/${ns}/configmaps`, { body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `configmap-test-emptykey-${rand()}` }, data: { '': 'value-1' } } }), 422, 'configmap with an empty key');
    assert.equal(st.reason, 'Invalid');
  });

  it('[sig-node] Secrets should patch a secret [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('secrets');
    const name = `test-secret-${rand(8)}`;
    const base = `/api/v1/namespaces/${ns}/secrets`;
    await api.create(base, { apiVersion: 'v1', kind: 'Secret', metadata: { name, labels: { 'testsecret-constant': 'true' } }, data: { key: b64('value') }, type: 'Opaque' });
    const listed = await api.get<KList>(`/api/v1/secrets${sel('testsecret-constant=true')}`);
    assert.ok(listed.items.some((s) => s.metadata.name === name), 'listed across all namespaces');
    await api.patch(`${base}/${name}`, { metadata: { labels: { testsecret: 'true' } }, data: { key: b64('value1') } }, 'strategic');
    const got = await api.get(`${base}/${name}`);
    assert.equal(Buffer.from(String(at(got, 'data.key')), 'base64').toString(), 'value1');
    assert.equal(got.metadata.labels?.testsecret, 'true');
    assert.equal((await api.del(base + sel('testsecret-constant=true'))).status, 200);
    const after = await api.get<KList>(`/api/v1/secrets${sel('testsecret-constant=true')}`);
    assert.ok(!names(after).includes(name), 'deleted by collection');
  });

  it('[sig-node] Secrets should fail to create secret due to empty secret key [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('secrets');
    const st = await expectStatus(api.req('POST', `/api/v1/namespaces/${ns}/secrets`, { body: { apiVersion: 'v1', kind: 'Secret', metadata: { name: `secret-emptykey-test-${rand()}` }, data: { '': b64('value-1\n') } } }), 422, 'secret with an empty key');
    assert.equal(st.reason, 'Invalid');
  });

  for (const kind of ['ConfigMap', 'Secret'] as const) {
    const codename = kind === 'ConfigMap'
      ? '[sig-storage] ConfigMap should be immutable if `immutable` field is set [Conformance]'
      : '[sig-storage] Secrets should be immutable if `immutable` field is set [Conformance]';
    it(codename, async () => {
      const { api } = ctx;
      const ns = await api.namespace('immutable');
      const path = `/api/v1/namespaces/${ns}/${kind === 'ConfigMap' ? 'configmaps' : 'secrets'}`;
      const val = (s: string) => (kind === 'ConfigMap' ? s : b64(s));
      const name = `immutable-${rand()}`;
      await api.create(path, { apiVersion: 'v1', kind, metadata: { name }, data: { 'data-1': val('value-1') } });
      const put = async (mutate: (o: KObj) => void) => {
        const cur = await api.get(`${path}/${name}`);
        mutate(cur);
        return api.req('PUT', `${path}/${name}`, { body: cur });
      };
      const data = (o: KObj) => o.data as Record<string, string>;
      assert.equal((await put((o) => { data(o)['data-2'] = val('value-2'); })).status, 200, 'data update of a mutable object succeeds');
      assert.equal((await put((o) => { o.immutable = true; })).status, 200, 'marking it immutable succeeds');
      const st = await expectStatus(put((o) => { data(o)['data-3'] = val('value-3'); }), 422, 'data update of an immutable object');
      assert.match(String(st.message), /field is immutable when `immutable` is set/);
      await expectStatus(put((o) => { o.immutable = false; }), 422, 'marking it mutable again');
      const relabel = await put((o) => { o.metadata.labels = { label1: 'value1' }; });
      assert.equal(relabel.status, 200, `metadata update of an immutable object succeeds: ${relabel.body.slice(0, 300)}`);
      assert.equal((await api.del(`${path}/${name}`)).status, 200, 'an immutable object can be deleted');
    });
  }

  it('[sig-node] PodTemplates should run the lifecycle of PodTemplates [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('podtemplate');
    const name = `nginx-pod-template-${rand(8)}`;
    const base = `/api/v1/namespaces/${ns}/podtemplates`;
    await api.create(base, { apiVersion: 'v1', kind: 'PodTemplate', metadata: { name, labels: { 'podtemplate-static': 'true' } }, template: { spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } });
    const all = await api.get<KList>(`/api/v1/podtemplates${sel('podtemplate-static=true')}`);
    assert.ok(names(all).includes(name), 'listed across all namespaces');
    await api.patch(`${base}/${name}`, { metadata: { labels: { podtemplate: 'patched' } } }, 'strategic');
    const got = await api.get(`${base}/${name}`);
    assert.equal(got.metadata.labels?.podtemplate, 'patched');
    assert.equal((await api.del(`${base}/${name}`)).status, 200);
    assert.equal((await api.get<KList>(base + sel('podtemplate-static=true'))).items.length, 0, 'gone after delete');
  });

  it('[sig-node] PodTemplates should delete a collection of pod templates [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('podtemplate');
    const base = `/api/v1/namespaces/${ns}/podtemplates`;
    for (const n of ['test-podtemplate-1', 'test-podtemplate-2', 'test-podtemplate-3']) {
      await api.create(base, { apiVersion: 'v1', kind: 'PodTemplate', metadata: { name: n, labels: { 'podtemplate-set': 'true' } }, template: { spec: { containers: [{ name: 'token-test', image: 'nginx' }] } } });
    }
    assert.equal((await api.get<KList>(base + sel('podtemplate-set=true'))).items.length, 3);
    assert.equal((await api.del(base + sel('podtemplate-set=true'))).status, 200);
    assert.equal((await api.get<KList>(base + sel('podtemplate-set=true'))).items.length, 0);
  });

  it('[sig-node] PodTemplates should replace a pod template [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('podtemplate');
    const base = `/api/v1/namespaces/${ns}/podtemplates`;
    const name = `podtemplate-${rand(5)}`;
    await api.create(base, { apiVersion: 'v1', kind: 'PodTemplate', metadata: { name }, template: { spec: { containers: [{ name: 'e2e-test', image: 'nginx' }] } } });
    const cur = await api.get(`${base}/${name}`);
    cur.metadata.annotations = { ...cur.metadata.annotations, updated: 'true' };
    const updated = await api.put(`${base}/${name}`, cur);
    assert.equal(updated.metadata.annotations?.updated, 'true');
    assert.equal((await api.get(`${base}/${name}`)).metadata.annotations?.updated, 'true');
  });

  const rl = (cpu: string, memory: string, eph: string): Record<string, string> => {
    const out: Record<string, string> = {};
    if (cpu) out.cpu = cpu;
    if (memory) out.memory = memory;
    if (eph) out['ephemeral-storage'] = eph;
    return out;
  };

  it('[sig-scheduling] LimitRange should list, patch and delete a LimitRange by collection [Conformance]', async () => {
    const { api } = ctx;
    const ns1 = await api.namespace('limitrange');
    const name = `e2e-limitrange-${rand()}`;
    const ns2 = await api.namespace(name);
    const labelSel = `e2e-test=${name}`;
    const lr = () => ({
      apiVersion: 'v1', kind: 'LimitRange', metadata: { name, labels: { 'e2e-test': name, [name]: 'created' } },
      spec: { limits: [{ type: 'Container', min: rl('50m', '100Mi', '100Gi'), max: rl('500m', '500Mi', '500Gi'), default: rl('500m', '500Mi', '500Gi'), defaultRequest: rl('100m', '200Mi', '200Gi') }] },
    });
    const created = await api.create(`/api/v1/namespaces/${ns1}/limitranges`, lr());
    await api.create(`/api/v1/namespaces/${ns2}/limitranges`, lr());
    assert.equal((await api.get<KList>(`/api/v1/limitranges${sel(labelSel)}`)).items.length, 2, 'both found across namespaces');
    const limits = structuredClone(at(created, 'spec.limits')) as Record<string, unknown>[];
    limits[0].min = rl('9m', '49Mi', '49Gi');
    const patched = await api.patch(`/api/v1/namespaces/${ns1}/limitranges/${name}`, { metadata: { creationTimestamp: created.metadata.creationTimestamp, labels: { [name]: 'patched' } }, spec: { limits } }, 'strategic');
    assert.equal(patched.metadata.labels?.[name], 'patched');
    assert.deepEqual(at(patched, 'spec.limits.0.min'), rl('9m', '49Mi', '49Gi'));
    assert.ok(BigInt(String(patched.metadata.resourceVersion)) > BigInt(String(created.metadata.resourceVersion)), 'the patched object has a larger resourceVersion');
    assert.equal((await api.del(`/api/v1/namespaces/${ns1}/limitranges${sel(`${name}=patched`)}`)).status, 200);
    assert.equal((await api.get<KList>(`/api/v1/limitranges${sel(`${name}=patched`)}`)).items.length, 0, 'deleted by collection');
    assert.equal((await api.get<KList>(`/api/v1/limitranges${sel(labelSel)}`)).items.length, 1, 'the other namespace keeps its LimitRange');
  });

  it('[sig-scheduling] LimitRange should create a LimitRange with defaults and ensure pod has those defaults applied. [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('limitrange');
    const lrPath = `/api/v1/namespaces/${ns}/limitranges`;
    const pods = `/api/v1/namespaces/${ns}/pods`;
    const value = `${Date.now()}${rand(8)}`;
    const w = await api.watch(`${lrPath}${sel(`time=${value}`)}&watch=true`);
    let lr: KObj;
    try {
      lr = await api.create(lrPath, {
        apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'limit-range', labels: { name: 'foo', time: value } },
        spec: { limits: [{ type: 'Container', min: rl('50m', '100Mi', '100Gi'), max: rl('500m', '500Mi', '500Gi'), default: rl('500m', '500Mi', '500Gi'), defaultRequest: rl('100m', '200Mi', '200Gi') }] },
      });
      assert.equal((await w.next()).type, 'ADDED', 'the LimitRange creation is observed');
    } finally {
      w.close();
    }
    const testPod = (name: string, requests: Record<string, string>, limits: Record<string, string>) => ({
      apiVersion: 'v1', kind: 'Pod', metadata: { name },
      // Go's json drops the empty ResourceLists (omitempty), so send only the non-empty ones.
      spec: { containers: [{ name: 'pause', image: 'registry.k8s.io/pause:3.10', resources: { ...(Object.keys(requests).length ? { requests } : {}), ...(Object.keys(limits).length ? { limits } : {}) } }] },
    });
    const resources = async (name: string) => at(await api.get(`${pods}/${name}`), 'spec.containers.0.resources');
    await api.create(pods, testPod('pod-no-resources', {}, {}));
    assert.deepEqual(await resources('pod-no-resources'), { requests: rl('100m', '200Mi', '200Gi'), limits: rl('500m', '500Mi', '500Gi') }, 'the LimitRange defaults are applied');
    await api.create(pods, testPod('pod-partial-resources', rl('', '150Mi', '150Gi'), rl('300m', '', '')));
    assert.deepEqual(await resources('pod-partial-resources'), { requests: rl('300m', '150Mi', '150Gi'), limits: rl('300m', '500Mi', '500Gi') }, 'defaults merged with what the pod set');
    const podFails = async (name: string, requests: Record<string, string>, what: string) => {
      const r = await api.req('POST', pods, { body: testPod(name, requests, {}) });
      assert.equal(r.status, 403, `${what}: expected the LimitRanger admission to forbid it, got ${r.status}: ${r.body.slice(0, 300)}`);
    };
    await podFails('pod-less-than-min', rl('10m', '50Mi', '50Gi'), 'a pod below min');
    await podFails('pod-more-than-max', rl('600m', '600Mi', '600Gi'), 'a pod above max');
    const spec = lr.spec as { limits: Record<string, unknown>[] };
    spec.limits[0].min = rl('9m', '49Mi', '49Gi');
    lr = await api.put(`${lrPath}/limit-range`, lr);
    assert.deepEqual(at(lr, 'spec.limits.0.min'), rl('9m', '49Mi', '49Gi'));
    assert.equal((await api.req('POST', pods, { body: testPod('pod-former-min', rl('10m', '50Mi', '50Gi'), {}) })).status, 201, 'below the former min is now allowed');
    await podFails('pod-more-than-max-2', rl('600m', '600Mi', '600Gi'), 'a pod above max');
    assert.equal((await api.del(`${lrPath}/limit-range`, { apiVersion: 'v1', kind: 'DeleteOptions', gracePeriodSeconds: 30 })).status, 200);
    await eventually(async () => (await api.get<KList>(lrPath)).items.length === 0, 5000, 'LimitRange deletion');
    await eventually(async () => (await api.req('POST', pods, { body: testPod('pod-more-than-former-max', rl('600m', '600Mi', '600Gi'), {}) })).status === 201, 5000, 'a pod above the former max to be accepted');
  });

  it('[sig-api-machinery] ResourceQuota should be able to update and delete ResourceQuota. [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('resourcequota');
    const base = `/api/v1/namespaces/${ns}/resourcequotas`;
    const rq = { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'test-quota' }, spec: { hard: { cpu: '1', memory: '500Mi' } } };
    await api.create(base, rq);
    const got = await api.get(`${base}/test-quota`);
    assert.deepEqual(at(got, 'spec.hard'), { cpu: '1', memory: '500Mi' });
    // The e2e test sends its original object back (no resourceVersion): an unconditional update.
    const updated = await api.put(`${base}/test-quota`, { ...rq, spec: { hard: { cpu: '2', memory: '1Gi' } } });
    assert.deepEqual(at(updated, 'spec.hard'), { cpu: '2', memory: '1Gi' });
    assert.deepEqual(at(await api.get(`${base}/test-quota`), 'spec.hard'), { cpu: '2', memory: '1Gi' });
    assert.equal((await api.del(`${base}/test-quota`)).status, 200);
    assert.equal((await api.req('GET', `${base}/test-quota`)).status, 404);
  });

  it('[sig-api-machinery] ResourceQuota should manage the lifecycle of a ResourceQuota [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('resourcequota');
    const base = `/api/v1/namespaces/${ns}/resourcequotas`;
    const name = `e2e-quota-${rand()}`;
    const labelSel = `e2e-rq-label=${name}`;
    await api.create(base, { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name, labels: { 'e2e-rq-label': name } }, spec: { hard: { cpu: '1', memory: '500Mi' } } });
    const got = await api.get(`${base}/${name}`);
    assert.deepEqual(at(got, 'spec.hard'), { cpu: '1', memory: '500Mi' });
    assert.equal((await api.get<KList>(`/api/v1/resourcequotas${sel(labelSel)}`)).items.length, 1);
    const patched = await api.patch(`${base}/${name}`, `{"metadata":{"labels":{"${name}":"patched"}},"spec":{"hard":{ "memory":"750Mi"}}}`, 'strategic');
    assert.equal(patched.metadata.labels?.[name], 'patched');
    assert.equal(at(patched, 'spec.hard.memory'), '750Mi');
    assert.equal((await api.del(base + sel(labelSel))).status, 200);
    assert.equal((await api.req('GET', `${base}/${name}`)).status, 404);
  });

  it('[sig-api-machinery] ResourceQuota should apply changes to a resourcequota status [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('resourcequota');
    const base = `/api/v1/namespaces/${ns}/resourcequotas`;
    const name = `e2e-rq-status-${rand()}`;
    const labelSel = `e2e-rq-label=${name}`;
    const list = await api.get<KList>(`/api/v1/resourcequotas${sel(labelSel)}`);
    const w = await api.watch(`${base}${sel(labelSel)}&watch=true&resourceVersion=${list.metadata.resourceVersion}`);
    try {
      await api.create(base, { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name, labels: { 'e2e-rq-label': name } }, spec: { hard: { cpu: '500m', memory: '500Mi' } } });
      const initial = await api.get(`${base}/${name}`);
      assert.deepEqual(at(initial, 'spec.hard'), { cpu: '500m', memory: '500Mi' });
      initial.status = { hard: at(initial, 'spec.hard') };
      const updated = await api.put(`${base}/${name}/status`, initial);
      assert.deepEqual(at(updated, 'status.hard'), { cpu: '500m', memory: '500Mi' });
      await w.waitFor((e) => JSON.stringify(at(e.object, 'status.hard')) === JSON.stringify(at(updated, 'spec.hard')), 5000, 'status.hard = spec.hard');

      const specPatched = await api.patch(`${base}/${name}`, { spec: { hard: { cpu: '1', memory: '1Gi' } } }, 'strategic');
      assert.deepEqual(at(specPatched, 'spec.hard'), { cpu: '1', memory: '1Gi' });
      const statusPatched = await api.patch(`${base}/${name}/status`, { status: { hard: { cpu: '1', memory: '1Gi' } } }, 'strategic');
      assert.deepEqual(at(statusPatched, 'status.hard'), { cpu: '1', memory: '1Gi' });
      await w.waitFor((e) => at(e.object, 'status.hard.cpu') === '1' && at(e.object, 'status.hard.memory') === '1Gi', 5000, 'patched status.hard');

      const st = await api.get(`${base}/${name}/status`);
      assert.deepEqual(at(st, 'status.hard'), at(st, 'spec.hard'), 'GET /status: status.hard equals spec.hard');

      const repatched = await api.patch(`${base}/${name}/status`, { spec: { hard: { cpu: '2', memory: '2Gi' } }, status: { hard: { cpu: '2', memory: '2Gi' } } }, 'strategic');
      assert.deepEqual(at(repatched, 'status.hard'), { cpu: '2', memory: '2Gi' }, 'status repatched');
      assert.deepEqual(at(repatched, 'spec.hard'), { cpu: '1', memory: '1Gi' }, 'the spec is not changed through /status');
    } finally {
      w.close();
    }
  });
});
