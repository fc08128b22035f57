// Tests for encodeKubernetesProtobuf: kubectl's own bytes are reproduced exactly from their decoded JSON.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeKubernetesProtobuf, encodeKubernetesProtobuf, hasProtobufSchema } from './index.ts';
import { kubectlCases } from './kubectl-cases.ts';
import { kubectlFixtures } from './kubectl-fixtures.ts';
import { parseGoDuration, parseRfc3339 } from './special-encode.ts';
import { goDurationString } from './special-types.ts';

for (const f of kubectlFixtures.filter((x) => !kubectlCases.find((c) => c.name === x.name)?.json)) {
  test(`round trip reproduces kubectl's bytes: ${f.name}`, () => {
    const body = Buffer.from(f.body, 'base64');
    const encoded = encodeKubernetesProtobuf(decodeKubernetesProtobuf(body));
    assert.ok(encoded);
    assert.equal(Buffer.from(encoded).toString('base64'), f.body);
  });
}

test('objects with times, quantities, int-or-strings, raw JSON and negative numbers survive a round trip', () => {
  const objects = [
    {
      kind: 'Lease', apiVersion: 'coordination.k8s.io/v1',
      metadata: { name: 'l', creationTimestamp: '2024-05-06T07:08:09Z', deletionTimestamp: '2024-05-06T07:08:10Z', labels: { b: '2', a: '1' } },
      spec: { holderIdentity: 'h', leaseDurationSeconds: 15, acquireTime: '2024-05-06T07:08:09.123456Z' },
    },
    {
      kind: 'Deployment', apiVersion: 'apps/v1', metadata: { name: 'd', creationTimestamp: null },
      spec: {
        replicas: 0, progressDeadlineSeconds: -1, selector: { matchLabels: { app: 'd' } },
        template: { metadata: { creationTimestamp: null }, spec: { containers: [{ name: 'c', image: 'i', resources: { limits: { cpu: '500m' } } }] } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: 1 } },
      },
      status: {},
    },
    {
      kind: 'ControllerRevision', apiVersion: 'apps/v1', metadata: { name: 'r', creationTimestamp: null },
      data: { spec: { template: { x: [1, 2] } } }, revision: 9007199254740991,
    },
  ];
  for (const o of objects) {
    const decoded = decodeKubernetesProtobuf(encodeKubernetesProtobuf(o)!);
    assert.deepEqual(decoded, o);
  }
});

test('kinds without a protobuf schema encode to undefined', () => {
  assert.equal(encodeKubernetesProtobuf({ apiVersion: 'example.com/v1', kind: 'Widget' }), undefined);
  assert.equal(hasProtobufSchema('v1', 'Pod'), true);
  assert.equal(hasProtobufSchema('example.com/v1', 'Widget'), false);
});

test('RFC 3339 and Go duration parsing', () => {
  assert.deepEqual(parseRfc3339('2024-01-01T00:00:00Z'), [1704067200, 0]);
  assert.deepEqual(parseRfc3339('2024-01-01T01:00:00.5+01:00'), [1704067200, 500000000]);
  assert.throws(() => parseRfc3339('yesterday'), /invalid RFC 3339/);
  for (const s of ['0s', '1ns', '1.5µs', '1.5ms', '1m30s', '1h2m3.5s', '-1m30s']) assert.equal(goDurationString(parseGoDuration(s)), s);
  assert.equal(parseGoDuration('90m'), 5400e9);
  assert.equal(parseGoDuration('0'), 0);
  assert.throws(() => parseGoDuration('5 minutes'), /invalid duration/);
});
