// CustomResourceDefinitions: served dynamically with schema validation, defaults, pruning, subresources and columns.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type ServerHandle } from './harness.ts';

const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: crontabs.stable.example.com
spec:
  group: stable.example.com
  scope: Namespaced
  names:
    plural: crontabs
    singular: crontab
    kind: CronTab
    shortNames: [ct]
  versions:
  - name: v1
    served: true
    storage: true
    subresources:
      status: {}
      scale:
        specReplicasPath: .spec.replicas
        statusReplicasPath: .status.replicas
    additionalPrinterColumns:
    - name: Spec
      type: string
      jsonPath: .spec.cronSpec
    - name: Replicas
      type: integer
      jsonPath: .spec.replicas
    - name: Age
      type: date
      jsonPath: .metadata.creationTimestamp
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              cronSpec:
                type: string
                pattern: '^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$'
              image:
                type: string
              replicas:
                type: integer
                minimum: 1
                maximum: 10
                default: 1
          status:
            type: object
            properties:
              replicas:
                type: integer
`;

const cr = (name: string, spec: string) => `apiVersion: stable.example.com/v1
kind: CronTab
metadata:
  name: ${name}
spec:
${spec}`;

describe('custom resources', () => {
  let s: ServerHandle;
  before(async () => {
    s = await startServer();
    await s.k(['apply', '-f', '-'], { input: crd });
    await s.k(['wait', '--for=condition=Established', 'crd/crontabs.stable.example.com', '--timeout=30s']);
  });
  after(async () => { await s?.stop(); });

  it('serves the new resource in discovery', async () => {
    assert.match(await s.k(['api-resources', '--api-group=stable.example.com']), /^crontabs\s+ct\s+stable.example.com\/v1\s+true\s+CronTab$/m);
  });

  it('creates custom objects with defaults and prints their columns', async () => {
    await s.k(['apply', '-f', '-'], { input: cr('nightly', '  cronSpec: "* * * * */5"\n  image: my-cron-image\n') });
    const obj = JSON.parse(await s.k(['get', 'crontab', 'nightly', '-o', 'json']));
    assert.equal(obj.spec.replicas, 1);
    const table = await s.k(['get', 'ct']);
    assert.match(table, /^NAME\s+SPEC\s+REPLICAS\s+AGE$/m);
    assert.match(table, /^nightly\s+\* \* \* \* \*\/5\s+1\s+\d+s$/m);
  });

  it('rejects objects that break the schema', async () => {
    const r = await s.kubectl(['apply', '-f', '-'], { input: cr('bad', '  cronSpec: "not a cron"\n  replicas: 50\n') });
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /spec.replicas: Invalid value: 50: spec.replicas in body should be less than or equal to 10/);
    assert.match(r.stderr, /spec.cronSpec: Invalid value: "not a cron": spec.cronSpec in body should match/);
    const t = await s.kubectl(['apply', '-f', '-'], { input: cr('typed', '  replicas: "three"\n') });
    assert.notEqual(t.code, 0);
    assert.match(t.stderr, /spec.replicas in body must be of type integer/);
  });

  it('rejects unknown fields under strict validation and prunes them otherwise', async () => {
    const r = await s.kubectl(['apply', '-f', '-'], { input: cr('strict', '  cronSpec: "* * * * *"\n  bogus: 1\n') });
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /unknown field "spec.bogus"/);
    await s.k(['apply', '--validate=false', '-f', '-'], { input: cr('pruned', '  cronSpec: "* * * * *"\n  bogus: 1\n') });
    const obj = JSON.parse(await s.k(['get', 'crontab', 'pruned', '-o', 'json']));
    assert.equal(obj.spec.bogus, undefined);
  });

  it('scales through the scale subresource and keeps status separate', async () => {
    await s.k(['scale', 'crontab', 'nightly', '--replicas=3']);
    assert.equal(await s.k(['get', 'crontab', 'nightly', '-o', 'jsonpath={.spec.replicas}']), '3');
    await s.k(['patch', 'crontab', 'nightly', '--type=merge', '-p', '{"status":{"replicas":9}}']);
    assert.equal(await s.k(['get', 'crontab', 'nightly', '-o', 'jsonpath={.status.replicas}']), '');
    await s.k(['patch', 'crontab', 'nightly', '--subresource=status', '--type=merge', '-p', '{"status":{"replicas":2}}']);
    assert.equal(await s.k(['get', 'crontab', 'nightly', '-o', 'jsonpath={.status.replicas}']), '2');
  });

  it('deleting the CRD removes its objects and the resource', async () => {
    await s.k(['delete', 'crd', 'crontabs.stable.example.com', '--timeout=30s']);
    const r = await s.kubectl(['get', 'crontabs']);
    assert.notEqual(r.code, 0);
  });
});
