// Tests for unknown-field paths, pruning, duplicate keys and the strict decoding message.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { duplicateFieldPaths, prune, strictDecodingMessage, unknownFields } from './index.ts';

const deployment = () => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' }, annotations: { 'a/b': 'c' } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }], resources: { limits: { cpu: 1, memory: '1Gi' } } }],
        volumes: [{ name: 'v', emptyDir: {} }],
      },
    },
  },
});

test('a valid object has no unknown fields', () => {
  assert.deepEqual(unknownFields('apps', 'v1', 'Deployment', deployment()), []);
  assert.deepEqual(unknownFields('', 'v1', 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { k: 'v' }, binaryData: { b: 'AA==' } }), []);
});

test('unknown fields are named like Kubernetes strict decoding: dots, [index], no leading dot', () => {
  const d = deployment() as Record<string, unknown> & ReturnType<typeof deployment>;
  d.foo = 1;
  (d.spec as Record<string, unknown>).bar = true;
  (d.metadata as Record<string, unknown>).nmae = 'x';
  (d.spec.template.spec.containers[0] as Record<string, unknown>).imagee = 'nginx';
  (d.spec.template.spec.containers[0].ports[0] as Record<string, unknown>).port = 80;
  (d.spec.template.spec.volumes[0].emptyDir as Record<string, unknown>).x = 1;
  const paths = unknownFields('apps', 'v1', 'Deployment', d);
  assert.deepEqual(paths, [
    'metadata.nmae',
    'spec.template.spec.containers[0].ports[0].port',
    'spec.template.spec.containers[0].imagee',
    'spec.template.spec.volumes[0].emptyDir.x',
    'spec.bar',
    'foo',
  ]);
  assert.equal(strictDecodingMessage(['spec.foo']), 'strict decoding error: unknown field "spec.foo"');
  assert.equal(strictDecodingMessage(['a', 'b.c'], ['spec.replicas']), 'strict decoding error: unknown field "a", unknown field "b.c", duplicate field "spec.replicas"');
});

test('free-form fields and maps accept anything; map values are checked', () => {
  const rev = { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name: 'r' }, revision: 1, data: { anything: { goes: [1] } } };
  assert.deepEqual(unknownFields('apps', 'v1', 'ControllerRevision', rev), []);
  const hpa = {
    apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h' },
    spec: { scaleTargetRef: { kind: 'Deployment', name: 'w' }, maxReplicas: 3, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50, x: 1 } } }] },
  };
  assert.deepEqual(unknownFields('autoscaling', 'v2', 'HorizontalPodAutoscaler', hpa), ['spec.metrics[0].resource.target.x']);
});

test('prune drops undeclared fields in place', () => {
  const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', bogus: 1 }, data: { k: 'v' }, extra: { a: 1 } };
  assert.deepEqual(prune('', 'v1', 'ConfigMap', cm), ['metadata.bogus', 'extra']);
  assert.deepEqual(cm, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { k: 'v' } });
});

test('unknown kinds report nothing', () => {
  assert.deepEqual(unknownFields('example.com', 'v1', 'Nothing', { a: 1 }), []);
});

test('duplicate keys are found in document order with their paths', () => {
  const text = '{"kind":"Deployment","spec":{"replicas":1,"template":{"spec":{"containers":[{"name":"a","name":"b"}]}},"replicas":2},"kind":"X","m":{"k\\"q":1,"k\\"q":2}}';
  assert.deepEqual(duplicateFieldPaths(text), ['spec.template.spec.containers[0].name', 'spec.replicas', 'kind', 'm.k"q']);
  assert.deepEqual(duplicateFieldPaths('{"a":[1,2,{"b":null,"c":true}],"d":"}"}'), []);
  assert.deepEqual(duplicateFieldPaths(' [ {"a":1,"a":2} ] '), ['[0].a']);
});
