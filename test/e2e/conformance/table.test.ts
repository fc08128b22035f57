// Conformance: [sig-api-machinery] Servers with support for Table transformation (table_conversion.go).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { qs } from './client.ts';
import { serverContext } from './suite.ts';

interface Table {
  kind: string;
  metadata: { resourceVersion?: string; continue?: string };
  columnDefinitions: { name: string }[];
  rows: { cells: unknown[] }[];
}

const asTable = 'application/json;as=Table;v=v1beta1;g=meta.k8s.io';

describe('conformance: Table transformation', () => {
  const ctx = serverContext();

  it('[sig-api-machinery] Servers with support for Table transformation should return a 406 for a backend which does not implement metadata [Conformance]', async () => {
    const { api } = ctx;
    const sar = { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { nonResourceAttributes: { path: '/', verb: 'get' } } };
    const r = await api.req('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', { body: sar, accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' });
    assert.equal(r.status, 406, `a Table of a SelfSubjectAccessReview is not acceptable: ${r.status} ${r.body.slice(0, 300)}`);
    const st = r.json<{ kind: string; code: number }>();
    assert.equal(st.kind, 'Status');
    assert.equal(st.code, 406);
  });

  // The same e2e file's tests without the [Conformance] tag, cheap to run alongside.
  it('[sig-api-machinery] Servers with support for Table transformation should return pod details (not a conformance entry)', async () => {
    const { api } = ctx;
    const ns = await api.namespace('tables');
    await api.create(`/api/v1/namespaces/${ns}/pods`, {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pod-1' },
      spec: { restartPolicy: 'Never', containers: [{ name: 'agnhost', image: 'registry.k8s.io/e2e-test-images/agnhost:2.53', args: ['porter'], ports: [{ containerPort: 8080 }], env: [{ name: 'SERVE_PORT_8080', value: 'foo' }] }] },
    });
    const t = await api.ok<Table>('GET', `/api/v1/namespaces/${ns}/pods/pod-1`, { accept: asTable });
    assert.equal(t.kind, 'Table');
    assert.ok(t.columnDefinitions.length > 2);
    assert.equal(t.rows.length, 1);
    assert.equal(t.rows[0].cells.length, t.columnDefinitions.length);
    assert.equal(t.columnDefinitions[0].name, 'Name');
    assert.equal(t.rows[0].cells[0], 'pod-1');
  });

  it('[sig-api-machinery] Servers with support for Table transformation should return chunks of table results for list calls (not a conformance entry)', async () => {
    const { api } = ctx;
    const ns = await api.namespace('tables');
    const base = `/api/v1/namespaces/${ns}/podtemplates`;
    await Promise.all(Array.from({ length: 20 }, (_, i) => api.create(base, {
      apiVersion: 'v1', kind: 'PodTemplate', metadata: { name: `template-${String(i).padStart(4, '0')}` },
      template: { spec: { containers: [{ name: 'test', image: 'test2' }] } },
    })));
    const page = await api.ok<Table>('GET', base + qs({ limit: 2 }), { accept: asTable });
    assert.equal(page.rows.length, 2);
    assert.ok(page.metadata.resourceVersion);
    assert.ok(page.metadata.continue);
    assert.equal(page.rows[0].cells[0], 'template-0000');
    assert.equal(page.rows[1].cells[0], 'template-0001');
    const next = await api.ok<Table>('GET', base + qs({ continue: page.metadata.continue }), { accept: asTable });
    assert.ok(next.rows.length > 0);
    assert.equal(next.rows[0].cells[0], 'template-0002');
  });
});
