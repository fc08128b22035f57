// Conformance: [sig-api-machinery] Watchers (test/e2e/apimachinery/watch.go) against a real skiff server.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { at, qs, rand, sleep, type Api, type KList, type KObj, type WatchEvent, type WatchStream } from './client.ts';
import { serverContext } from './suite.ts';

const labelKey = 'watch-this-configmap';

/** The object without its type fields, as client-go's typed decoding compares them. */
const strip = (o: KObj) => {
  const { apiVersion: _a, kind: _k, ...rest } = o;
  return rest;
};

function watchConfigMaps(api: Api, ns: string, rv: string, ...values: string[]): Promise<WatchStream> {
  return api.watch(`/api/v1/namespaces/${ns}/configmaps${qs({ watch: 'true', labelSelector: `${labelKey} in (${values.join(',')})`, resourceVersion: rv || undefined })}`);
}

async function createCm(api: Api, ns: string, name: string, label: string): Promise<KObj> {
  return api.create(`/api/v1/namespaces/${ns}/configmaps`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels: { [labelKey]: label } } });
}

/** Get, mutate, update: what the e2e framework's updateConfigMap does (retrying on conflict). */
async function updateCm(api: Api, ns: string, name: string, mutate: (cm: KObj) => void): Promise<KObj> {
  for (let i = 0; ; i++) {
    const cm = await api.get(`/api/v1/namespaces/${ns}/configmaps/${name}`);
    mutate(cm);
    const r = await api.req('PUT', `/api/v1/namespaces/${ns}/configmaps/${name}`, { body: cm });
    if (r.status === 409 && i < 5) continue;
    assert.equal(r.status, 200, r.body);
    return r.json();
  }
}

const setData = (key: string, value: string) => (cm: KObj) => { cm.data = { ...(cm.data as Record<string, string> | undefined), [key]: value }; };

/** Waits for an event of this type; when an object is given it must equal the event's object (as the e2e expectEvent does). */
async function expectEvent(w: WatchStream, type: string, obj?: KObj): Promise<WatchEvent> {
  const e = await w.waitFor((ev) => ev.type === type && (!obj || ev.object.metadata.name === obj.metadata.name), 5000, `${type} ${obj?.metadata.name ?? ''}`);
  if (obj) assert.deepEqual(strip(e.object), strip(obj), `${type} event object equals the object the API returned`);
  return e;
}

describe('conformance: Watchers', () => {
  const ctx = serverContext();

  it('[sig-api-machinery] Watchers should observe add, update, and delete watch notifications on configmaps [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('watch');
    const A = 'multiple-watchers-A';
    const B = 'multiple-watchers-B';
    const watchA = await watchConfigMaps(api, ns, '', A);
    const watchB = await watchConfigMaps(api, ns, '', B);
    const watchAB = await watchConfigMaps(api, ns, '', A, B);
    try {
      let cmA = await createCm(api, ns, 'e2e-watch-test-configmap-a', A);
      await expectEvent(watchA, 'ADDED', cmA);
      await expectEvent(watchAB, 'ADDED', cmA);
      cmA = await updateCm(api, ns, cmA.metadata.name, setData('mutation', '1'));
      await expectEvent(watchA, 'MODIFIED', cmA);
      await expectEvent(watchAB, 'MODIFIED', cmA);
      cmA = await updateCm(api, ns, cmA.metadata.name, setData('mutation', '2'));
      await expectEvent(watchA, 'MODIFIED', cmA);
      await expectEvent(watchAB, 'MODIFIED', cmA);
      assert.equal((await api.del(`/api/v1/namespaces/${ns}/configmaps/${cmA.metadata.name}`)).status, 200);
      await expectEvent(watchA, 'DELETED');
      await expectEvent(watchAB, 'DELETED');

      const cmB = await createCm(api, ns, 'e2e-watch-test-configmap-b', B);
      await expectEvent(watchB, 'ADDED', cmB);
      await expectEvent(watchAB, 'ADDED', cmB);
      assert.equal((await api.del(`/api/v1/namespaces/${ns}/configmaps/${cmB.metadata.name}`)).status, 200);
      await expectEvent(watchB, 'DELETED');
      await expectEvent(watchAB, 'DELETED');
      await sleep(300);
      const seen = (w: WatchStream) => w.events.filter((e) => e.type !== 'BOOKMARK').map((e) => `${e.type} ${e.object.metadata.name}`);
      assert.deepEqual(seen(watchA), ['ADDED e2e-watch-test-configmap-a', 'MODIFIED e2e-watch-test-configmap-a', 'MODIFIED e2e-watch-test-configmap-a', 'DELETED e2e-watch-test-configmap-a'], 'watch A sees only configmap A');
      assert.deepEqual(seen(watchB), ['ADDED e2e-watch-test-configmap-b', 'DELETED e2e-watch-test-configmap-b'], 'watch B sees only configmap B');
      assert.equal(seen(watchAB).length, 6, 'watch A-or-B sees both');
    } finally {
      watchA.close(); watchB.close(); watchAB.close();
    }
  });

  it('[sig-api-machinery] Watchers should be able to start watching from a specific resource version [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('watch');
    const label = 'from-resource-version';
    const cm = await createCm(api, ns, 'e2e-watch-test-resource-version', label);
    const first = await updateCm(api, ns, cm.metadata.name, setData('mutation', '1'));
    const second = await updateCm(api, ns, cm.metadata.name, setData('mutation', '2'));
    assert.equal((await api.del(`/api/v1/namespaces/${ns}/configmaps/${cm.metadata.name}`)).status, 200);
    const w = await watchConfigMaps(api, ns, String(first.metadata.resourceVersion), label);
    try {
      const e1 = await w.next();
      assert.equal(e1.type, 'MODIFIED');
      assert.deepEqual(strip(e1.object), strip(second));
      const e2 = await w.next();
      assert.equal(e2.type, 'DELETED');
      assert.equal(e2.object.metadata.name, cm.metadata.name);
      await w.expectNone((e) => e.type !== 'BOOKMARK', 300, 'event after the delete');
    } finally {
      w.close();
    }
  });

  it('[sig-api-machinery] Watchers should be able to restart watching from the last resource version observed by the previous watch [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('watch');
    const label = 'watch-closed-and-restarted';
    const broken = await watchConfigMaps(api, ns, '', label);
    const cm = await createCm(api, ns, 'e2e-watch-test-watch-closed', label);
    await updateCm(api, ns, cm.metadata.name, setData('mutation', '1'));
    await expectEvent(broken, 'ADDED', cm);
    const last = await expectEvent(broken, 'MODIFIED');
    broken.close();
    const second = await updateCm(api, ns, cm.metadata.name, setData('mutation', '2'));
    const restarted = await watchConfigMaps(api, ns, String(last.object.metadata.resourceVersion), label);
    try {
      assert.equal((await api.del(`/api/v1/namespaces/${ns}/configmaps/${cm.metadata.name}`)).status, 200);
      const e1 = await restarted.waitFor((e) => e.type !== 'BOOKMARK');
      assert.equal(e1.type, 'MODIFIED');
      assert.deepEqual(strip(e1.object), strip(second));
      const e2 = await restarted.waitFor((e) => e.type !== 'BOOKMARK');
      assert.equal(e2.type, 'DELETED');
    } finally {
      restarted.close();
    }
  });

  it('[sig-api-machinery] Watchers should observe an object deletion if it stops meeting the requirements of the selector [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('watch');
    const label = 'label-changed-and-restored';
    const w = await watchConfigMaps(api, ns, '', label);
    try {
      const cm = await createCm(api, ns, 'e2e-watch-test-label-changed', label);
      const first = await updateCm(api, ns, cm.metadata.name, setData('mutation', '1'));
      await updateCm(api, ns, cm.metadata.name, (o) => { o.metadata.labels = { ...o.metadata.labels, [labelKey]: 'wrong-value' }; });
      await expectEvent(w, 'ADDED', cm);
      await expectEvent(w, 'MODIFIED', first);
      await expectEvent(w, 'DELETED');
      await updateCm(api, ns, cm.metadata.name, setData('mutation', '2'));
      await w.expectNone((e) => e.type !== 'BOOKMARK', 500, 'notification while the object does not match the selector');
      const restored = await updateCm(api, ns, cm.metadata.name, (o) => { o.metadata.labels = { ...o.metadata.labels, [labelKey]: label }; });
      const third = await updateCm(api, ns, cm.metadata.name, setData('mutation', '3'));
      assert.equal((await api.del(`/api/v1/namespaces/${ns}/configmaps/${cm.metadata.name}`)).status, 200);
      await expectEvent(w, 'ADDED', restored);
      await expectEvent(w, 'MODIFIED', third);
      await expectEvent(w, 'DELETED');
    } finally {
      w.close();
    }
  });

  it('[sig-api-machinery] Watchers should receive events on concurrent watches in same order [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('watch');
    const base = `/api/v1/namespaces/${ns}/configmaps`;
    let rv = String((await api.get<KList>(base)).metadata.resourceVersion);
    // Background producer: random creates, updates and deletes every few milliseconds (produceConfigMapEvents).
    let stop = false;
    const producer = (async () => {
      const existing: number[] = [];
      let next = 0;
      while (!stop) {
        const op = existing.length === 0 ? 0 : Math.floor(Math.random() * 3);
        if (op === 0) {
          const i = next++;
          await api.create(base, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${i}` } });
          existing.push(i);
        } else if (op === 1) {
          const i = existing[Math.floor(Math.random() * existing.length)];
          await api.patch(`${base}/cm-${i}`, { data: { mutation: rand(6) } });
        } else {
          const i = existing.splice(Math.floor(Math.random() * existing.length), 1)[0];
          await api.del(`${base}/cm-${i}`);
        }
        await sleep(5);
      }
    })();
    const watches: WatchStream[] = [];
    const nextEvent = async (w: WatchStream) => {
      const e = await w.waitFor((ev) => ev.type !== 'BOOKMARK' && ev.object.kind === 'ConfigMap', 10_000, 'configmap event');
      return String(at(e.object, 'metadata.resourceVersion'));
    };
    try {
      for (let i = 0; i < 40; i++) {
        watches.push(await api.watch(`${base}${qs({ watch: 'true', resourceVersion: rv, allowWatchBookmarks: 'true' })}`));
        rv = await nextEvent(watches[0]);
        for (const w of watches.slice(1)) {
          assert.equal(await nextEvent(w), rv, `watch ${watches.indexOf(w)} sees the same next resourceVersion as the first`);
        }
      }
    } finally {
      stop = true;
      await producer;
      for (const w of watches) w.close();
    }
  });
});
