// Conformance: [sig-api-machinery] FieldValidation (field_validation.go): server-side Strict field validation of typed objects and CRs.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { at, type Api, type KObj } from './client.ts';
import { createCrd, crdGroup, crdKind, crdPlural, crdVersion, randomMultiVersionCrd } from './crd-fixtures.ts';
import { serverContext } from './suite.ts';

const ports = {
  type: 'array', 'x-kubernetes-list-map-keys': ['containerPort', 'protocol'], 'x-kubernetes-list-type': 'map',
  items: {
    type: 'object', required: ['containerPort', 'protocol'],
    properties: {
      containerPort: { format: 'int32', type: 'integer' }, hostIP: { type: 'string' },
      hostPort: { format: 'int32', type: 'integer' }, name: { type: 'string' }, protocol: { type: 'string' },
    },
  },
};
const cronSpec = { type: 'string', pattern: '^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$' };

async function crdWithSchema(api: Api, schema?: Record<string, unknown>): Promise<KObj> {
  const crd = randomMultiVersionCrd('Cluster');
  if (schema) for (const v of at(crd, 'spec.versions') as Record<string, unknown>[]) v.schema = { openAPIV3Schema: schema };
  return createCrd(api, crd);
}

/** Server-side apply of a YAML body to <crd>/mytest with fieldValidation=Strict, as the e2e test sends it. */
function applyCR(api: Api, crd: KObj, yamlBody: string) {
  return api.req('PATCH', `/apis/${crdGroup(crd)}/${crdVersion(crd)}/${crdPlural(crd)}/mytest?fieldManager=field_validation_mgr&fieldValidation=Strict`,
    { body: yamlBody, contentType: 'application/apply-patch+yaml' });
}

const head = (crd: KObj) => `
apiVersion: ${crdGroup(crd)}/${crdVersion(crd)}
kind: ${crdKind(crd)}
metadata:
  name: mytest`;

describe('conformance: FieldValidation', () => {
  const ctx = serverContext();

  it('[sig-api-machinery] FieldValidation should detect unknown and duplicate fields of a typed object [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('field-validation');
    const body = `{
		"apiVersion": "apps/v1",
		"kind": "Deployment",
		"metadata": {
			"name": "my-dep",
			"labels": {"app": "nginx"}
		},
		"spec": {
			"unknownField": "foo",
			"replicas": 2,
			"replicas": 3,
			"selector": {
				"matchLabels": {
					"app": "nginx"
				}
			},
			"template": {
				"metadata": {
					"labels": {
						"app": "nginx"
					}
				},
				"spec": {
					"containers": [{
						"name":  "nginx",
						"image": "nginx:latest"
					}]
				}
			}
		}
	}`;
    const r = await api.req('POST', `/apis/apps/v1/namespaces/${ns}/deployments?fieldManager=field_validation_mgr&fieldValidation=Strict`, { body });
    assert.equal(r.status, 400, r.body);
    assert.ok(r.body.includes('strict decoding error: unknown field \\"spec.unknownField\\", duplicate field \\"spec.replicas\\"'), `error names the unknown and the duplicate field: ${r.body}`);
  });

  it('[sig-api-machinery] FieldValidation should detect unknown metadata fields of a typed object [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('field-validation');
    const body = JSON.stringify({
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'my-dep', unknownMeta: 'foo', labels: { app: 'nginx' } },
      spec: { selector: { matchLabels: { app: 'nginx' } }, template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:latest' }] } } },
    });
    const r = await api.req('POST', `/apis/apps/v1/namespaces/${ns}/deployments?fieldManager=field_validation_mgr&fieldValidation=Strict`, { body });
    assert.equal(r.status, 400, r.body);
    assert.ok(r.body.includes('strict decoding error: unknown field \\"metadata.unknownMeta\\"'), `error names the unknown metadata field: ${r.body}`);
  });

  // Not conformance entries: the other two fieldValidation levels, on the same typed body.
  for (const level of ['Warn', 'Ignore'] as const) {
    it(`[sig-api-machinery] FieldValidation ${level}: unknown and duplicate fields of a typed object are ${level === 'Warn' ? 'accepted with warnings' : 'silently dropped'} (not a conformance entry)`, async () => {
      const { api } = ctx;
      const ns = await api.namespace('field-validation');
      const body = '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"my-dep","labels":{"app":"nginx"}},"spec":{"unknownField":"foo","replicas":2,"replicas":3,"selector":{"matchLabels":{"app":"nginx"}},"template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"name":"nginx","image":"nginx:latest"}]}}}}';
      const r = await api.req('POST', `/apis/apps/v1/namespaces/${ns}/deployments?fieldManager=field_validation_mgr&fieldValidation=${level}`, { body });
      assert.equal(r.status, 201, r.body);
      const created = r.json();
      assert.equal(at(created, 'spec.replicas'), 3, 'the last duplicate wins');
      assert.equal(at(created, 'spec.unknownField'), undefined, 'the unknown field is dropped');
      const warning = [r.headers.warning ?? []].flat().join('\n');
      if (level === 'Warn') {
        assert.ok(warning.includes('299 - "unknown field \\"spec.unknownField\\""'), `warning for the unknown field: ${warning}`);
        assert.ok(warning.includes('299 - "duplicate field \\"spec.replicas\\""'), `warning for the duplicate field: ${warning}`);
      } else {
        assert.equal(warning, '', 'no warnings with Ignore');
      }
    });
  }

  it('[sig-api-machinery] FieldValidation should create/apply a valid CR for CRD with validation schema [Conformance]', async () => {
    const { api } = ctx;
    const crd = await crdWithSchema(api, { type: 'object', properties: { spec: { type: 'object', properties: { foo: { type: 'string' }, cronSpec, ports } } } });
    const r = await applyCR(api, crd, `${head(crd)}
  finalizers:
  - test-finalizer
spec:
  foo: foo1
  cronSpec: "* * * * */5"
  ports:
  - name: x
    containerPort: 80
    protocol: TCP`);
    assert.ok(r.status === 200 || r.status === 201, `apply of a valid CR succeeds: ${r.status} ${r.body}`);
  });

  it('[sig-api-machinery] FieldValidation should create/apply a CR with unknown fields for CRD with no validation schema [Conformance]', async () => {
    const { api } = ctx;
    const crd = await crdWithSchema(api);
    const r = await applyCR(api, crd, `${head(crd)}
  finalizers:
  - test-finalizer
spec:
  unknown: uk1
  cronSpec: "* * * * */5"
  ports:
  - name: x
    containerPort: 80
    protocol: TCP`);
    assert.ok(r.status === 200 || r.status === 201, `apply succeeds: ${r.status} ${r.body}`);
  });

  it('[sig-api-machinery] FieldValidation should create/apply an invalid CR with extra properties for CRD with validation schema [Conformance]', async () => {
    const { api } = ctx;
    const crd = await crdWithSchema(api, { type: 'object', properties: { spec: { type: 'object', properties: { foo: { type: 'string' }, cronSpec, ports } } } });
    const r = await applyCR(api, crd, `${head(crd)}
  finalizers:
  - test-finalizer
unknownField: unknown
spec:
  foo: foo1
  cronSpec: "* * * * */5"
  ports:
  - name: x
    containerPort: 80
    protocol: TCP`);
    assert.ok(r.body.includes('.unknownField: field not declared in schema'), `apply is rejected naming the unknown field: ${r.status} ${r.body}`);
    assert.ok(r.status >= 400, 'the apply fails');
  });

  it('[sig-api-machinery] FieldValidation should detect unknown metadata fields in both the root and embedded object of a CR [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('field-validation');
    const crd = await crdWithSchema(api, {
      type: 'object',
      properties: {
        spec: {
          type: 'object', 'x-kubernetes-preserve-unknown-fields': true,
          properties: {
            template: { type: 'object', 'x-kubernetes-embedded-resource': true, properties: { metadata: { type: 'object', properties: { name: { type: 'string' } } }, spec: { type: 'object' } } },
            foo: { type: 'string' }, cronSpec, ports,
          },
        },
      },
    });
    const r = await applyCR(api, crd, `${head(crd)}
  unknownMeta: unknown
  finalizers:
  - test-finalizer
spec:
  template:
    apiversion: foo/v1
    kind: Sub
    metadata:
        unknownSubMeta: unknown
        name: subobject
        namespace: ${ns}
  foo: foo1
  cronSpec: "* * * * */5"
  ports:
  - name: x
    containerPort: 80
    protocol: TCP`);
    assert.ok(r.body.includes('.spec.template.metadata.unknownSubMeta: field not declared in schema') || r.body.includes('.metadata.unknownMeta: field not declared in schema'),
      `apply is rejected naming an unknown metadata field: ${r.status} ${r.body}`);
  });

  it('[sig-api-machinery] FieldValidation should detect duplicates in a CR when preserving unknown fields [Conformance]', async () => {
    const { api } = ctx;
    const crd = await crdWithSchema(api, { type: 'object', properties: { spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { foo: { type: 'string' }, cronSpec, ports } } } });
    const r = await applyCR(api, crd, `${head(crd)}
  finalizers:
  - test-finalizer
spec:
  unknown: uk1
  foo: foo1
  foo: foo2
  cronSpec: "* * * * */5"
  ports:
  - name: x
    containerPort: 80
    protocol: TCP`);
    assert.ok(r.body.includes('line 11: key \\"foo\\" already set in map'), `apply is rejected naming the duplicate key and its line: ${r.status} ${r.body}`);
  });
});
