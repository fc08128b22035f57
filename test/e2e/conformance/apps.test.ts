// Conformance: [sig-apps] entries that need no controller: CronJob API operations and the lifecycle of a suspended Job.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { at, qs, rand, type KList, type KObj } from './client.ts';
import { serverContext } from './suite.ts';

const sel = (s: string) => qs({ labelSelector: s });
/** metav1.Now().Rfc3339Copy(): whole seconds. */
const nowRfc3339 = (offsetS = 0) => new Date(Math.floor(Date.now() / 1000) * 1000 + offsetS * 1000).toISOString().replace('.000Z', 'Z');

const podTemplate = (restartPolicy: string) => ({
  spec: { restartPolicy, containers: [{ name: 'c', image: 'registry.k8s.io/e2e-test-images/busybox:1.36.1-1', command: ['sleep', '300'] }] },
});

describe('conformance: apps APIs', () => {
  const ctx = serverContext();

  it('[sig-apps] CronJob should support CronJob API operations [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('cronjob');
    const unique = `cronjob-${rand(8)}`;
    const labelSel = `special-label=${unique}`;
    const base = `/apis/batch/v1/namespaces/${ns}/cronjobs`;
    const template = (name: string) => ({
      apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name, labels: { 'special-label': unique } },
      spec: { schedule: '* */1 * * ?', concurrencyPolicy: 'Allow', jobTemplate: { spec: { parallelism: 1, completions: 1, backoffLimit: 6, template: podTemplate('OnFailure') } } },
    });

    // discovery
    const rl = await api.get<{ resources: { name: string }[] }>('/apis/batch/v1');
    assert.ok(rl.resources.some((r) => r.name === 'cronjobs') && rl.resources.some((r) => r.name === 'cronjobs/status'));

    const created = await api.create(base, template('test-api'));
    assert.equal((await api.get(`${base}/test-api`)).metadata.uid, created.metadata.uid);
    const list = await api.get<KList>(base + sel(labelSel));
    assert.equal(list.items.length, 1);
    const w = await api.watch(`${base}${sel(labelSel)}&watch=true&resourceVersion=${list.metadata.resourceVersion}`);
    try {
      assert.equal((await api.get<KList>(`/apis/batch/v1/cronjobs${sel(labelSel)}`)).items.length, 1, 'listed across all namespaces');
      const patched = await api.patch(`${base}/test-api`, { metadata: { annotations: { patched: 'true' } } });
      assert.equal(patched.metadata.annotations?.patched, 'true');
      const cur = await api.get(`${base}/test-api`);
      cur.metadata.annotations = { ...cur.metadata.annotations, updated: 'true' };
      const updated = await api.put(`${base}/test-api`, cur);
      assert.equal(updated.metadata.annotations?.updated, 'true');
      await w.waitFor((e) => e.type === 'MODIFIED' && e.object.metadata.annotations?.updated === 'true', 5000, 'MODIFIED with the updated annotation');

      const now1 = nowRfc3339(-60);
      const ps = await api.patch(`${base}/test-api/status`, `{"metadata":{"annotations":{"patchedstatus":"true"}},"status":{"lastScheduleTime":"${now1}"}}`);
      assert.equal(at(ps, 'status.lastScheduleTime'), now1, 'patched lastScheduleTime');
      assert.equal(ps.metadata.annotations?.patchedstatus, 'true', 'the annotation sent with the status patch is kept');
      const now2 = nowRfc3339();
      const toUpdate = await api.get(`${base}/test-api`);
      toUpdate.status = { ...(toUpdate.status as object), lastScheduleTime: now2 };
      const us = await api.put(`${base}/test-api/status`, toUpdate);
      assert.equal(at(us, 'status.lastScheduleTime'), now2, 'updated lastScheduleTime');
      const gs = await api.get(`${base}/test-api/status`);
      assert.equal(gs.metadata.uid, created.metadata.uid);
      assert.equal(at(gs, 'status.lastScheduleTime'), now2);

      await api.create(base, template('for-removal'));
      assert.equal((await api.del(`${base}/for-removal`)).status, 200);
      const gone = await api.req('GET', `${base}/for-removal`);
      if (gone.status === 200) assert.ok(gone.json<KObj>().metadata.deletionTimestamp, 'a CronJob kept by a finalizer is marked for deletion');
      else assert.equal(gone.status, 404);

      assert.equal((await api.del(base + sel(labelSel))).status, 200);
      const left = await api.get<KList>(base + sel(labelSel));
      assert.ok(left.items.length <= 2);
      for (const cj of left.items) assert.ok(cj.metadata.deletionTimestamp, 'anything left is being deleted');
    } finally {
      w.close();
    }
  });

  it('[sig-apps] Job should manage the lifecycle of a job [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('job');
    const name = `e2e-${rand()}`;
    const labelSel = `e2e-job-label=${name}`;
    const base = `/apis/batch/v1/namespaces/${ns}/jobs`;
    const list = await api.get<KList>(base + sel(labelSel));
    const w = await api.watch(`${base}${sel(labelSel)}&watch=true&resourceVersion=${list.metadata.resourceVersion}`);
    try {
      await api.create(base, {
        apiVersion: 'batch/v1', kind: 'Job', metadata: { name, labels: { 'e2e-job-label': name } },
        spec: { suspend: true, parallelism: 2, completions: 2, backoffLimit: 6, template: { metadata: { labels: { 'e2e-job-label': name } }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'registry.k8s.io/e2e-test-images/busybox:1.36.1-1', command: ['/bin/true'] }] } } },
      });
      const patched = await api.patch(`${base}/${name}`, `{"metadata":{"labels":{"${name}":"patched"}}}`, 'strategic');
      assert.equal(patched.metadata.labels?.[name], 'patched');
      await w.waitFor((e) => e.object.metadata.labels?.[name] === 'patched', 5000, 'the patched label');
      const cur = await api.get(`${base}/${name}`);
      cur.metadata.annotations = { ...cur.metadata.annotations, updated: 'true' };
      await api.put(`${base}/${name}`, cur);
      await w.waitFor((e) => e.object.metadata.annotations?.updated === 'true', 5000, 'the updated annotation');
      assert.equal((await api.get<KList>(`/apis/batch/v1/jobs${sel(labelSel)}`)).items.length, 1, 'listed across all namespaces');
      assert.equal((await api.del(base + sel(labelSel))).status, 200);
      await w.waitFor((e) => e.type === 'DELETED' && e.object.metadata.name === name, 5000, 'DELETED');
      assert.equal((await api.get<KList>(`/apis/batch/v1/jobs${sel(labelSel)}`)).items.length, 0);
    } finally {
      w.close();
    }
  });
});
