// Tests for the OpenAPI documents: what kubectl 1.32 reads from them (explain, fieldValidation support, patch metadata).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { JsonObject } from '../../api/object.ts';
import { builtinResources } from '../registry/catalog.ts';
import { openapiV2, openapiV3Document, openapiV3Index, type CustomKind } from './index.ts';
import type { ResourceLike } from './paths.ts';

type Doc = { paths: Record<string, Record<string, JsonObject>>; components?: { schemas: Record<string, JsonObject> }; definitions?: Record<string, JsonObject> };
const parse = (b: Buffer) => JSON.parse(b.toString()) as Doc;
const v3 = (gv: string, res: readonly ResourceLike[] = builtinResources, custom: readonly CustomKind[] = []) => {
  const d = openapiV3Document(gv, res, custom);
  assert.ok(d, gv);
  return parse(d.body);
};

/** Every $ref of a document names a schema the document has. */
function assertRefsResolve(doc: Doc, prefix: string, schemas: Record<string, JsonObject>): void {
  const text = JSON.stringify(doc);
  for (const m of text.matchAll(/"\$ref":"([^"]+)"/g)) {
    assert.ok(m[1].startsWith(prefix), m[1]);
    assert.ok(Object.hasOwn(schemas, m[1].slice(prefix.length)), `unresolved ${m[1]}`);
  }
}

test('the v3 index lists every served group-version with its document hash', () => {
  const idx = JSON.parse(openapiV3Index(builtinResources).body.toString()) as { paths: Record<string, { serverRelativeURL: string }> };
  assert.ok(idx.paths['api/v1']);
  assert.ok(idx.paths['apis/apps/v1']);
  assert.ok(idx.paths['apis/autoscaling/v2']);
  const d = openapiV3Document('apis/apps/v1', builtinResources);
  assert.equal(idx.paths['apis/apps/v1'].serverRelativeURL, `/openapi/v3/apis/apps/v1?hash=${d?.hash}`);
  assert.match(d?.hash ?? '', /^[0-9A-F]{128}$/);
  assert.equal(d?.etag, `"${d?.hash}"`);
  assert.equal(openapiV3Document('apis/nothing/v1', builtinResources), undefined);
});

test('apis/apps/v1 has Deployment with its GVK, and the PATCH paths kubectl checks for fieldValidation', () => {
  const doc = v3('apis/apps/v1');
  const schemas = doc.components!.schemas;
  const dep = schemas['io.k8s.api.apps.v1.Deployment'];
  assert.deepEqual(dep['x-kubernetes-group-version-kind'], [{ group: 'apps', kind: 'Deployment', version: 'v1' }]);
  const item = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'];
  const patch = item.patch as { parameters: { name: string; in: string }[]; requestBody: { content: Record<string, unknown> }; 'x-kubernetes-group-version-kind': unknown };
  assert.ok(patch.parameters.some((p) => p.name === 'fieldValidation' && p.in === 'query'));
  assert.ok(patch.parameters.some((p) => p.name === 'dryRun'));
  assert.ok('application/strategic-merge-patch+json' in patch.requestBody.content);
  assert.deepEqual(patch['x-kubernetes-group-version-kind'], { group: 'apps', kind: 'Deployment', version: 'v1' });
  const list = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments'].get as { parameters: { name: string }[] };
  assert.ok(list.parameters.some((p) => p.name === 'watch'));
  assert.ok(doc.paths['/apis/apps/v1/watch/namespaces/{namespace}/deployments/{name}']);
  assert.ok(doc.paths['/apis/apps/v1/deployments']);
  const scale = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale'].get as JsonObject;
  assert.deepEqual(scale['x-kubernetes-group-version-kind'], { group: 'autoscaling', kind: 'Scale', version: 'v1' });
  assert.ok(schemas['io.k8s.api.autoscaling.v1.Scale']);
  assert.ok(!Object.keys(doc.paths).some((p) => p.startsWith('/api/v1')));
  assertRefsResolve(doc, '#/components/schemas/', schemas);
});

test('every PATCH and POST of every group-version declares fieldValidation (kubectl picks any PATCH of the kind)', () => {
  const idx = JSON.parse(openapiV3Index(builtinResources).body.toString()) as { paths: Record<string, unknown> };
  for (const gv of Object.keys(idx.paths)) {
    const doc = v3(gv);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const m of ['patch', 'post', 'put']) {
        const op = item[m] as { parameters?: { name: string }[]; 'x-kubernetes-action'?: string } | undefined;
        if (!op || op['x-kubernetes-action'] === 'connect') continue;
        assert.ok(op.parameters?.some((p) => p.name === 'fieldValidation'), `${m} ${path}`);
      }
    }
    assertRefsResolve(doc, '#/components/schemas/', doc.components!.schemas);
  }
});

/** What kubectl explain's template does: GVK from the resource's GET path, schema by GVK, follow allOf/$ref. */
function explain(doc: Doc, listPath: string, fieldPath: string[]): JsonObject {
  const gvk = doc.paths[listPath].get['x-kubernetes-group-version-kind'] as JsonObject;
  const schemas = doc.components!.schemas;
  let s: JsonObject | undefined = Object.values(schemas).find((x) => JSON.stringify(x['x-kubernetes-group-version-kind'] ?? []).includes(JSON.stringify(gvk)));
  assert.ok(s, 'schema by GVK');
  const resolve = (x: JsonObject): JsonObject => {
    if (typeof x.$ref === 'string') return schemas[x.$ref.split('/').pop()!];
    if (Array.isArray(x.allOf)) return resolve(x.allOf[0] as JsonObject);
    if (x.items) return resolve(x.items as JsonObject);
    return x;
  };
  for (const f of fieldPath) s = (resolve(s).properties as Record<string, JsonObject>)[f];
  assert.ok(s);
  return s;
}

test('explain walks deployment.spec.replicas and pods.spec.containers.ports', () => {
  assert.deepEqual(explain(v3('apis/apps/v1'), '/apis/apps/v1/namespaces/{namespace}/deployments', ['spec', 'replicas']), { type: 'integer', format: 'int32' });
  const ports = explain(v3('api/v1'), '/api/v1/namespaces/{namespace}/pods', ['spec', 'containers', 'ports']);
  assert.equal(ports['x-kubernetes-patch-merge-key'], 'containerPort');
  assert.equal(ports['x-kubernetes-patch-strategy'], 'merge');
  assert.equal(ports['x-kubernetes-list-type'], 'map');
  assert.deepEqual(ports['x-kubernetes-list-map-keys'], ['containerPort', 'protocol']);
  const policy = explain(v3('api/v1'), '/api/v1/namespaces/{namespace}/pods', ['spec', 'containers', 'imagePullPolicy']);
  assert.deepEqual(policy.enum, ['Always', 'IfNotPresent', 'Never']);
});

test('/openapi/v2: swagger 2.0 with definitions, patch extensions and paths', () => {
  const doc = parse(openapiV2(builtinResources).body) as Doc & { swagger: string };
  assert.equal(doc.swagger, '2.0');
  const defs = doc.definitions!;
  assert.deepEqual(defs['io.k8s.api.apps.v1.Deployment']['x-kubernetes-group-version-kind'], [{ group: 'apps', kind: 'Deployment', version: 'v1' }]);
  const ports = (defs['io.k8s.api.core.v1.ServiceSpec'].properties as Record<string, JsonObject>).ports;
  assert.equal(ports['x-kubernetes-patch-merge-key'], 'port');
  assert.deepEqual(ports['x-kubernetes-list-map-keys'], ['port', 'protocol']);
  assert.deepEqual((defs['io.k8s.api.core.v1.PodSpec'].properties as Record<string, JsonObject>).containers.items, { $ref: '#/definitions/io.k8s.api.core.v1.Container' });
  const patch = doc.paths['/api/v1/namespaces/{namespace}/pods/{name}'].patch as { consumes: string[]; parameters: { name: string; in: string }[] };
  assert.ok(patch.consumes.includes('application/strategic-merge-patch+json'));
  assert.ok(patch.parameters.some((p) => p.name === 'body' && p.in === 'body'));
  assert.ok(patch.parameters.some((p) => p.name === 'fieldValidation'));
  assertRefsResolve(doc, '#/definitions/', defs);
  assert.equal(openapiV2(builtinResources), openapiV2(builtinResources), 'cached');
});

const cronTabs: ResourceLike = { group: 'stable.example.com', version: 'v1', resource: 'crontabs', kind: 'CronTab', namespaced: true, subresources: ['status', 'scale'] };

test('custom resources: their schema under Kubernetes naming, no strategic merge patch, new hash when the schema changes', () => {
  const res = [...builtinResources, cronTabs];
  const schema = { type: 'object', properties: { spec: { type: 'object', properties: { cronSpec: { type: 'string' }, nullable: { type: 'string' } } } } };
  const custom: CustomKind[] = [{ group: 'stable.example.com', version: 'v1', kind: 'CronTab', schema, revision: 1 }];
  const doc = v3('apis/stable.example.com/v1', res, custom);
  const s = doc.components!.schemas['com.example.stable.v1.CronTab'];
  assert.deepEqual(s['x-kubernetes-group-version-kind'], [{ group: 'stable.example.com', kind: 'CronTab', version: 'v1' }]);
  const props = s.properties as Record<string, JsonObject>;
  assert.deepEqual(props.metadata, { allOf: [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }] });
  assert.ok(doc.components!.schemas['com.example.stable.v1.CronTabList']);
  const patch = doc.paths['/apis/stable.example.com/v1/namespaces/{namespace}/crontabs/{name}'].patch as { requestBody: { content: Record<string, unknown> }; parameters: { name: string }[] };
  assert.ok(!('application/strategic-merge-patch+json' in patch.requestBody.content));
  assert.ok('application/merge-patch+json' in patch.requestBody.content);
  assert.ok(patch.parameters.some((p) => p.name === 'fieldValidation'));
  assertRefsResolve(doc, '#/components/schemas/', doc.components!.schemas);

  const v2 = parse(openapiV2(res, custom).body);
  const spec = (v2.definitions!['com.example.stable.v1.CronTab'].properties as Record<string, JsonObject>).spec;
  assert.ok((spec.properties as Record<string, unknown>).nullable, 'a property named like a keyword stays');

  const before = openapiV3Document('apis/stable.example.com/v1', res, custom)!.hash;
  const changed: CustomKind[] = [{ ...custom[0], schema: { type: 'object' }, revision: 2 }];
  assert.notEqual(openapiV3Document('apis/stable.example.com/v1', res, changed)!.hash, before);
  assert.equal(openapiV3Document('apis/apps/v1', res, changed)!.hash, openapiV3Document('apis/apps/v1', builtinResources)!.hash);
});

test('a custom resource without a registered schema is published free-form', () => {
  const res = [...builtinResources, { ...cronTabs, group: 'free.example.com' }];
  const doc = v3('apis/free.example.com/v1', res, []);
  assert.equal(doc.components!.schemas['com.example.free.v1.CronTab']['x-kubernetes-preserve-unknown-fields'], true);
});
