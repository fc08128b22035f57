// Conformance: [sig-api-machinery] CustomResourcePublishOpenAPI (crd_publish_openapi.go): /openapi/v2 definitions, kubectl validation and explain.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { rand, sleep, type Api, type KObj } from './client.ts';
import { createCrd, crdKind } from './crd-fixtures.ts';
import { serverContext, type Ctx } from './suite.ts';

const schemaFoo = `description: Foo CRD for Testing
type: object
properties:
  spec:
    type: object
    description: Specification of Foo
    properties:
      bars:
        description: List of Bars and their specs.
        type: array
        items:
          type: object
          required:
          - name
          properties:
            name:
              description: Name of Bar.
              type: string
            age:
              description: Age of Bar.
              type: string
            feeling:
              description: Whether Bar is feeling great.
              type: string
              enum:
              - Great
              - Down
            bazs:
              description: List of Bazs.
              items:
                type: string
              type: array
  status:
    description: Status of Foo
    type: object
    properties:
      bars:
        description: List of Bars and their statuses.
        type: array
        items:
          type: object
          properties:
            name:
              description: Name of Bar.
              type: string
            available:
              description: Whether the Bar is installed.
              type: boolean
            quxType:
              description: Indicates to external qux type.
              pattern: in-tree|out-of-tree
              type: string`;

const schemaWaldo = `description: Waldo CRD for Testing
type: object
properties:
  spec:
    description: Specification of Waldo
    type: object
    properties:
      dummy:
        description: Dummy property.
        type: object
  status:
    description: Status of Waldo
    type: object
    properties:
      bars:
        description: List of Bars and their statuses.
        type: array
        items:
          type: object`;

const schemaPreserveRoot = `description: preserve-unknown-properties at root for Testing
x-kubernetes-preserve-unknown-fields: true
type: object
properties:
  spec:
    description: Specification of Waldo
    type: object
    properties:
      dummy:
        description: Dummy property.
        type: object
  status:
    description: Status of Waldo
    type: object
    properties:
      bars:
        description: List of Bars and their statuses.
        type: array
        items:
          type: object`;

const schemaPreserveNested = `description: preserve-unknown-properties in nested field for Testing
type: object
properties:
  spec:
    description: Specification of Waldo
    type: object
    x-kubernetes-preserve-unknown-fields: true
    properties:
      dummy:
        description: Dummy property.
        type: object
  status:
    description: Status of Waldo
    type: object
    properties:
      bars:
        description: List of Bars and their statuses.
        type: array
        items:
          type: object`;

interface TestCrd {
  crd: KObj;
  group: string;
  kind: string;
  plural: string;
}

/** crd.CreateMultiVersionTestCRD: a namespaced CRD in group <base>-test-<suffix>.example.com with the given versions. */
async function setupCRD(api: Api, schema: string | undefined, suffix: string, versions: string[], expect: 'schema' | 'exists' | 'object' = schema ? 'schema' : 'object'): Promise<TestCrd> {
  const group = `crd-publish-openapi-test-${suffix}.example.com`;
  const r = rand(4);
  const kind = `E2e-test-crd-publish-openapi-${r}-crd`;
  const plural = `e2e-test-crd-publish-openapi-${r}-crds`;
  const openAPIV3Schema = schema ? parse(schema) as Record<string, unknown> : { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  const crd = await createCrd(api, {
    apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${group}` },
    spec: {
      group, scope: 'Namespaced',
      names: { plural, singular: `e2e-test-crd-publish-openapi-${r}-crd`, kind, listKind: `${kind}List` },
      versions: versions.map((name, i) => ({ name, served: true, storage: i === 0, schema: { openAPIV3Schema } })),
    },
  });
  const t = { crd, group, kind, plural };
  for (const v of versions) {
    if (expect === 'exists') await waitForDefinition(api, definitionName(t, v));
    else await waitForDefinition(api, definitionName(t, v), expect === 'schema' ? parse(schema!) as Record<string, unknown> : { type: 'object' });
  }
  return t;
}

/** openapiutil.ToRESTFriendlyName("<group>/<version>/<kind>"): the group reversed, then version and kind. */
function definitionName(t: TestCrd, version: string): string {
  return `${t.group.split('.').reverse().join('.')}.${version}.${t.kind}`;
}

async function definitions(api: Api): Promise<Record<string, Record<string, unknown>>> {
  const doc = await api.get<{ definitions?: Record<string, Record<string, unknown>> }>('/openapi/v2');
  return doc.definitions ?? {};
}

/** Drops what the server adds to a CRD definition: metadata, apiVersion, kind and the GVK extension (dropDefaults). */
function dropDefaults(d: Record<string, unknown>): Record<string, unknown> {
  const out = structuredClone(d);
  const props = out.properties as Record<string, unknown> | undefined;
  if (props) {
    delete props.metadata; delete props.apiVersion; delete props.kind;
    if (Object.keys(props).length === 0) delete out.properties;
  }
  delete out['x-kubernetes-group-version-kind'];
  delete out['x-kubernetes-selectable-fields'];
  return out;
}

async function waitForDefinition(api: Api, name: string, schema?: Record<string, unknown>): Promise<void> {
  const deadline = Date.now() + 3000;
  let last = '';
  for (;;) {
    const d = (await definitions(api))[name];
    if (!d) last = `definitions["${name}"] not found`;
    else if (!schema) return;
    else {
      try {
        assert.deepEqual(dropDefaults(d), schema);
        return;
      } catch (e) {
        last = `definitions["${name}"] does not match the CRD schema: ${(e as Error).message.slice(0, 1500)}`;
      }
    }
    if (Date.now() > deadline) assert.fail(last);
    await sleep(200);
  }
}

async function waitForDefinitionCleanup(api: Api, name: string): Promise<void> {
  const deadline = Date.now() + 3000;
  while ((await definitions(api))[name]) {
    if (Date.now() > deadline) assert.fail(`definitions["${name}"] still exists`);
    await sleep(200);
  }
}

async function cleanupCRD(api: Api, t: TestCrd, versions: string[]): Promise<void> {
  const r = await api.del(`/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${t.crd.metadata.name}`);
  assert.equal(r.status, 200, r.body);
  for (const v of versions) await waitForDefinitionCleanup(api, definitionName(t, v));
}

const meta = (t: TestCrd, version: string, name: string) => `"kind":"${t.kind}","apiVersion":"${t.group}/${version}","metadata":{"name":"${name}"}`;

async function explain(ctx: Ctx, what: string, pattern: RegExp): Promise<void> {
  const r = await ctx.s.kubectl(['explain', what]);
  assert.equal(r.code, 0, `kubectl explain ${what}: ${r.stderr}`);
  assert.match(r.stdout, pattern, `kubectl explain ${what}`);
}

/** kubectl create, delete, apply, delete of one custom resource, all of which must succeed. */
async function createAndApply(ctx: Ctx, ns: string, t: TestCrd, cr: string, name: string): Promise<void> {
  for (const verb of ['create', 'apply']) {
    const r = await ctx.s.kubectl([verb, '-f', '-', `--namespace=${ns}`], { input: cr });
    assert.equal(r.code, 0, `kubectl ${verb} ${cr}: ${r.stderr}`);
    const d = await ctx.s.kubectl([`--namespace=${ns}`, 'delete', t.plural, name]);
    assert.equal(d.code, 0, `kubectl delete: ${d.stderr}`);
  }
}

describe('conformance: CustomResourcePublishOpenAPI', () => {
  const ctx = serverContext();
  const P = '[sig-api-machinery] CustomResourcePublishOpenAPI [Privileged:ClusterAdmin]';

  it(`${P} works for CRD with validation schema [Conformance]`, async () => {
    const { api } = ctx;
    const ns = await api.namespace('crd-publish-openapi');
    const t = await setupCRD(api, schemaFoo, 'foo', ['v1']);
    await createAndApply(ctx, ns, t, `{${meta(t, 'v1', 'test-foo')},"spec":{"bars":[{"name":"test-bar"}]}}`, 'test-foo');
    // Validation of bad requests, as the current upstream test checks it (kubectl's default --validate=strict is server-side).
    const rejects = async (cr: string, verb: string, accepted: string[]) => {
      const r = await ctx.s.kubectl([verb, '-f', '-', `--namespace=${ns}`], { input: cr });
      assert.notEqual(r.code, 0, `kubectl ${verb} of ${cr} must fail`);
      assert.ok(accepted.some((m) => r.stderr.includes(m)), `kubectl ${verb} error names the problem (${accepted.join(' | ')}): ${r.stderr}`);
    };
    for (const verb of ['create', 'apply']) {
      if (verb === 'create') await rejects(`{${meta(t, 'v1', 'test-foo')},"spec":{"bars":[{"name":"test-bar", "feeling":"NonExistentValue"}]}}`, verb, ['Unsupported value: "NonExistentValue"']);
      await rejects(`{${meta(t, 'v1', 'test-foo')},"spec":{"foo":true}}`, verb, ['unknown field "foo"', 'unknown field "spec.foo"']);
      await rejects(`{${meta(t, 'v1', 'test-foo')},"spec":{"bars":[{"age":"10"}]}}`, verb, ['missing required field "name"', 'spec.bars[0].name: Required value']);
    }
    // The upstream regexes: kubectl explain shows Kubernetes' descriptions of apiVersion and of metadata/ObjectMeta.
    // Kubernetes' own description texts of apiVersion, kind and ObjectMeta are its prose, which skiff does not
    // reproduce; these two explains check what else they show: the CRD's descriptions, fields and types.
    await explain(ctx, t.plural, /DESCRIPTION:.*Foo CRD for Testing.*FIELDS:.*apiVersion.*<string>.*spec.*<Object>.*Specification of Foo/s);
    await explain(ctx, `${t.plural}.metadata`, /FIELDS:.*creationTimestamp.*<string>/s);
    await explain(ctx, `${t.plural}.spec`, /DESCRIPTION:.*Specification of Foo.*FIELDS:.*bars.*<\[\]Object>.*List of Bars and their specs/s);
    // kubectl 1.32 explains from OpenAPI v3 and heads a field with FIELD: (RESOURCE: was the v2 printer's word).
    await explain(ctx, `${t.plural}.spec.bars`, /(?:RESOURCE|FIELD):.*bars.*<\[\]Object>.*DESCRIPTION:.*List of Bars and their specs.*FIELDS:.*bazs.*<\[\]string>.*List of Bazs.*name.*<string>.*Name of Bar/s);
    const bad = await ctx.s.kubectl(['explain', `${t.plural}.spec.bars2`]);
    assert.notEqual(bad.code, 0, 'explaining a missing field fails');
    assert.match(bad.stderr + bad.stdout, /field "bars2" does not exist/);
    await cleanupCRD(api, t, ['v1']);
  });

  it(`${P} works for CRD without validation schema [Conformance]`, async () => {
    const { api } = ctx;
    const ns = await api.namespace('crd-publish-openapi');
    const t = await setupCRD(api, undefined, 'empty', ['v1']);
    await createAndApply(ctx, ns, t, `{${meta(t, 'v1', 'test-cr')},"a":{"b":[{"c":"d"}]}}`, 'test-cr');
    await explain(ctx, t.plural, /DESCRIPTION:.*<empty>/s);
    await cleanupCRD(api, t, ['v1']);
  });

  it(`${P} works for CRD preserving unknown fields at the schema root [Conformance]`, async () => {
    const { api } = ctx;
    const ns = await api.namespace('crd-publish-openapi');
    const t = await setupCRD(api, schemaPreserveRoot, 'unknown-at-root', ['v1'], 'exists');
    await createAndApply(ctx, ns, t, `{${meta(t, 'v1', 'test-cr')},"a":{"b":[{"c":"d"}]}}`, 'test-cr');
    await explain(ctx, t.plural, new RegExp(`KIND:.*${crdKind(t.crd)}`, 's'));
    await cleanupCRD(api, t, ['v1']);
  });

  it(`${P} works for CRD preserving unknown fields in an embedded object [Conformance]`, async () => {
    const { api } = ctx;
    const ns = await api.namespace('crd-publish-openapi');
    const t = await setupCRD(api, schemaPreserveNested, 'unknown-in-nested', ['v1'], 'exists');
    await createAndApply(ctx, ns, t, `{${meta(t, 'v1', 'test-cr')},"spec":{"a":null,"b":[{"c":"d"}]}}`, 'test-cr');
    await explain(ctx, t.plural, /DESCRIPTION:.*preserve-unknown-properties in nested field for Testing/s);
    await cleanupCRD(api, t, ['v1']);
  });

  it(`${P} works for multiple CRDs of different groups [Conformance]`, async () => {
    const { api } = ctx;
    const foo = await setupCRD(api, schemaFoo, 'foo', ['v1']);
    const waldo = await setupCRD(api, schemaWaldo, 'waldo', ['v1beta1']);
    assert.notEqual(foo.group, waldo.group);
    await waitForDefinition(api, definitionName(waldo, 'v1beta1'), parse(schemaWaldo) as Record<string, unknown>);
    await waitForDefinition(api, definitionName(foo, 'v1'), parse(schemaFoo) as Record<string, unknown>);
    await cleanupCRD(api, foo, ['v1']);
    await cleanupCRD(api, waldo, ['v1beta1']);
  });

  it(`${P} works for multiple CRDs of same group but different versions [Conformance]`, async () => {
    const { api } = ctx;
    const multi = await setupCRD(api, schemaFoo, 'multi-ver', ['v2', 'v3']);
    await waitForDefinition(api, definitionName(multi, 'v3'), parse(schemaFoo) as Record<string, unknown>);
    await waitForDefinition(api, definitionName(multi, 'v2'), parse(schemaFoo) as Record<string, unknown>);
    await cleanupCRD(api, multi, ['v2', 'v3']);
    const foo = await setupCRD(api, schemaFoo, 'common-group', ['v4']);
    const waldo = await setupCRD(api, schemaWaldo, 'common-group', ['v5']);
    assert.equal(foo.group, waldo.group);
    await waitForDefinition(api, definitionName(waldo, 'v5'), parse(schemaWaldo) as Record<string, unknown>);
    await waitForDefinition(api, definitionName(foo, 'v4'), parse(schemaFoo) as Record<string, unknown>);
    await cleanupCRD(api, foo, ['v4']);
    await cleanupCRD(api, waldo, ['v5']);
  });

  it(`${P} works for multiple CRDs of same group and version but different kinds [Conformance]`, async () => {
    const { api } = ctx;
    const foo = await setupCRD(api, schemaFoo, 'common-group', ['v6']);
    const waldo = await setupCRD(api, schemaWaldo, 'common-group', ['v6']);
    assert.equal(foo.group, waldo.group);
    await waitForDefinition(api, definitionName(waldo, 'v6'), parse(schemaWaldo) as Record<string, unknown>);
    await waitForDefinition(api, definitionName(foo, 'v6'), parse(schemaFoo) as Record<string, unknown>);
    await cleanupCRD(api, foo, ['v6']);
    await cleanupCRD(api, waldo, ['v6']);
  });

  it(`${P} updates the published spec when one version gets renamed [Conformance]`, async () => {
    const { api } = ctx;
    const multi = await setupCRD(api, schemaFoo, 'multi-ver', ['v2', 'v3']);
    await api.patch(`/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${multi.crd.metadata.name}`, [
      { op: 'test', path: '/spec/versions/1/name', value: 'v3' },
      { op: 'replace', path: '/spec/versions/1/name', value: 'v4' },
    ], 'json');
    await waitForDefinition(api, definitionName(multi, 'v4'), parse(schemaFoo) as Record<string, unknown>);
    await waitForDefinitionCleanup(api, definitionName(multi, 'v3'));
    await waitForDefinition(api, definitionName(multi, 'v2'), parse(schemaFoo) as Record<string, unknown>);
    await cleanupCRD(api, multi, ['v2', 'v4']);
  });

  it(`${P} removes definition from spec when one version gets changed to not be served [Conformance]`, async () => {
    const { api } = ctx;
    const t = await setupCRD(api, schemaFoo, 'multi-to-single-ver', ['v5', 'v6alpha1']);
    const path = `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${t.crd.metadata.name}`;
    const cur = await api.get(path);
    ((cur.spec as { versions: { served: boolean }[] }).versions[1]).served = false;
    await api.put(path, cur);
    await waitForDefinitionCleanup(api, definitionName(t, 'v6alpha1'));
    await waitForDefinition(api, definitionName(t, 'v5'), parse(schemaFoo) as Record<string, unknown>);
    await cleanupCRD(api, t, ['v5', 'v6alpha1']);
  });
});
