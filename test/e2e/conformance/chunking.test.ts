// Conformance: [sig-api-machinery] Servers with support for API chunking (chunking.go): limit/continue paging of 400 PodTemplates.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { qs, type KList } from './client.ts';
import { serverContext } from './suite.ts';

const total = 400;
const pad = (i: number) => `template-${String(i).padStart(4, '0')}`;

describe('conformance: API chunking', () => {
  const ctx = serverContext();

  it('[sig-api-machinery] Servers with support for API chunking should return chunks of results for list calls [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('chunking');
    const base = `/api/v1/namespaces/${ns}/podtemplates`;
    let next = 0;
    await Promise.all(Array.from({ length: 20 }, async () => {
      while (next < total) {
        const i = next++;
        await api.create(base, { apiVersion: 'v1', kind: 'PodTemplate', metadata: { name: pad(i) }, template: { spec: { containers: [{ name: 'test', image: 'test2' }] } } });
      }
    }));

    for (let pass = 0; pass < 3; pass++) {
      let found = 0;
      let lastRV = '';
      let cont: string | undefined;
      for (;;) {
        const limit = Math.floor(Math.random() * (total / 10)) + 1;
        const list = await api.get<KList>(base + qs({ limit, continue: cont }));
        assert.ok(list.items.length <= limit, `at most ${limit} items, got ${list.items.length}`);
        if (!lastRV) lastRV = String(list.metadata.resourceVersion);
        assert.equal(list.metadata.resourceVersion, lastRV, 'every page reports the resourceVersion of the first page');
        if (!list.metadata.continue) {
          assert.equal(list.metadata.remainingItemCount, undefined, 'no remainingItemCount on the last page');
        } else {
          assert.notEqual(list.metadata.remainingItemCount, undefined, 'remainingItemCount is set while more pages follow');
          assert.equal(Number(list.metadata.remainingItemCount) + list.items.length + found, total, 'remainingItemCount + items + already found = total');
        }
        for (const item of list.items) assert.equal(item.metadata.name, pad(found++), 'items come in key order');
        if (!list.metadata.continue) break;
        cont = list.metadata.continue;
      }
      assert.equal(found, total);
    }

    const all = await api.get<KList>(base + qs({ limit: total + 1 }));
    assert.equal(all.items.length, total, 'a limit above the count returns everything at once');
    assert.equal(all.metadata.continue, undefined);
  });
});
