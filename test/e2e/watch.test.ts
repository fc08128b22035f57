// Watch semantics over the wire: resume from a resourceVersion, selector transitions, bookmarks, 410 Gone.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type ServerHandle } from './harness.ts';
import { rawClient, type RawClient } from './raw-client.ts';

interface Ev { type: string; object: { kind?: string; code?: number; metadata?: { name?: string; resourceVersion?: string; annotations?: Record<string, string> } } }
const events = (body: string): Ev[] => body.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Ev);
const cm = (name: string, labels: Record<string, string> = {}) => JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels } });

describe('watch', () => {
  let s: ServerHandle;
  let api: RawClient;
  const base = '/api/v1/namespaces/default/configmaps';
  before(async () => {
    s = await startServer();
    api = await rawClient(s.kubeconfig);
  });
  after(async () => { await s?.stop(); });

  it('resumes from a resourceVersion with exactly the later changes, in order', async () => {
    const first = (await api.send('POST', base, { body: cm('w1') })).json<{ metadata: { resourceVersion: string } }>();
    await api.send('POST', base, { body: cm('w2') });
    await api.send('DELETE', `${base}/w1`);
    const r = await api.send('GET', `${base}?watch=true&resourceVersion=${first.metadata.resourceVersion}&timeoutSeconds=1`);
    const evs = events(r.body).filter((e) => e.type !== 'BOOKMARK');
    assert.deepEqual(evs.map((e) => `${e.type} ${e.object.metadata?.name}`), ['ADDED w2', 'DELETED w1']);
    const rvs = evs.map((e) => Number(e.object.metadata?.resourceVersion));
    assert.ok(rvs[0] < rvs[1]);
  });

  it('turns label changes into ADDED and DELETED for a selector watch', async () => {
    const start = (await api.send('GET', base)).json<{ metadata: { resourceVersion: string } }>().metadata.resourceVersion;
    await api.send('POST', base, { body: cm('sel', { watched: 'no' }) });
    await api.send('PATCH', `${base}/sel`, { body: '{"metadata":{"labels":{"watched":"yes"}}}', contentType: 'application/merge-patch+json' });
    await api.send('PATCH', `${base}/sel`, { body: '{"data":{"x":"1"}}', contentType: 'application/merge-patch+json' });
    await api.send('PATCH', `${base}/sel`, { body: '{"metadata":{"labels":{"watched":"no"}}}', contentType: 'application/merge-patch+json' });
    const r = await api.send('GET', `${base}?watch=true&labelSelector=watched%3Dyes&resourceVersion=${start}&timeoutSeconds=1`);
    assert.deepEqual(events(r.body).map((e) => e.type), ['ADDED', 'MODIFIED', 'DELETED']);
  });

  it('sends initial events and the initial-events-end bookmark when asked', async () => {
    const r = await api.send('GET', `${base}?watch=true&sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan&timeoutSeconds=1`);
    const evs = events(r.body);
    const bm = evs.find((e) => e.type === 'BOOKMARK');
    assert.ok(bm, 'a bookmark');
    assert.equal(bm!.object.metadata?.annotations?.['k8s.io/initial-events-end'], 'true');
    assert.ok(evs.indexOf(bm!) > 0, 'after the initial ADDED events');
    assert.ok(evs.slice(0, evs.indexOf(bm!)).every((e) => e.type === 'ADDED'));
  });

  it('answers 410 Gone for a resourceVersion older than the watch history', async () => {
    const start = (await api.send('GET', base)).json<{ metadata: { resourceVersion: string } }>().metadata.resourceVersion;
    for (let i = 0; i < 2100; i += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, j) => api.send('POST', base, { body: cm(`churn-${i + j}`) })));
    }
    const r = await api.send('GET', `${base}?watch=true&resourceVersion=${start}&timeoutSeconds=1`);
    const evs = events(r.body);
    assert.equal(evs.length, 1);
    assert.equal(evs[0].type, 'ERROR');
    assert.equal(evs[0].object.code, 410);
  });
});
