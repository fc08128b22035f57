// Tests for decodeKubernetesProtobuf on hand-built bodies: envelope, kinds, Go JSON rules, special types, errors.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StatusError } from '../errors.ts';
import { decodeKubernetesProtobuf, protobufMagic } from './index.ts';
import { entry, envelope, field, fixed32, message, varint } from './test-encoder.ts';

function statusOf(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  assert.fail('expected a StatusError');
}

const objectMeta = (name: string, ...more: Uint8Array[]) => field(1, [field(1, name), ...more]);

test('ConfigMap: data map sorted, binaryData base64, creationTimestamp null, immutable pointer', () => {
  const body = envelope('v1', 'ConfigMap', [
    objectMeta('cm', field(3, 'ns')),
    entry(2, 'z', 'last'),
    entry(2, 'a', 'first'),
    entry(3, 'bin', Uint8Array.of(0, 1, 255)),
    varint(4, false),
  ]);
  const obj = decodeKubernetesProtobuf(body);
  assert.equal(JSON.stringify(obj), JSON.stringify({
    kind: 'ConfigMap', apiVersion: 'v1',
    metadata: { name: 'cm', namespace: 'ns', creationTimestamp: null },
    immutable: false,
    data: { a: 'first', z: 'last' },
    binaryData: { bin: 'AAH/' },
  }));
});

test('absent struct fields print their Go zero value; absent omitempty scalars are dropped', () => {
  const obj = decodeKubernetesProtobuf(envelope('apps/v1', 'Deployment', []));
  assert.deepEqual(obj, {
    kind: 'Deployment', apiVersion: 'apps/v1',
    metadata: { creationTimestamp: null },
    spec: {
      selector: null,
      template: { metadata: { creationTimestamp: null }, spec: { containers: null } },
      strategy: {},
    },
    status: {},
  });
});

test('pointer scalars keep zero values; int32 negatives; present-but-zero non-pointer omitempty dropped', () => {
  const body = envelope('apps/v1', 'Deployment', [
    objectMeta('d', varint(7, 0)),
    field(2, [varint(1, 0), varint(9, -1), varint(6, 0)]),
  ]);
  const obj = decodeKubernetesProtobuf(body) as { metadata: object; spec: Record<string, unknown> };
  assert.deepEqual(obj.metadata, { name: 'd', creationTimestamp: null });
  assert.equal(obj.spec.replicas, 0);
  assert.equal(obj.spec.progressDeadlineSeconds, -1);
  assert.equal(obj.spec.revisionHistoryLimit, 0);
  assert.equal('minReadySeconds' in obj.spec, false);
});

test('Secret data values are base64; stringData stays text; type kept', () => {
  const body = envelope('v1', 'Secret', [objectMeta('s'), entry(2, 'k', new TextEncoder().encode('v')), entry(4, 'plain', 'p'), field(3, 'Opaque')]);
  assert.deepEqual(decodeKubernetesProtobuf(body), {
    kind: 'Secret', apiVersion: 'v1', metadata: { name: 's', creationTimestamp: null },
    data: { k: 'dg==' }, stringData: { plain: 'p' }, type: 'Opaque',
  });
});

test('inline embedded structs (Volume → VolumeSource → ConfigMapVolumeSource → LocalObjectReference)', () => {
  const volume = [field(1, 'cfg'), field(2, [field(19, [field(1, [field(1, 'my-cm')]), varint(3, 0o644)])])];
  const body = envelope('v1', 'Pod', [objectMeta('p'), field(2, [field(1, volume), field(2, [field(1, 'c'), field(2, 'nginx')])])]);
  const obj = decodeKubernetesProtobuf(body) as { spec: { volumes: unknown[]; containers: unknown[] } };
  assert.deepEqual(obj.spec.volumes, [{ name: 'cfg', configMap: { name: 'my-cm', defaultMode: 420 } }]);
  assert.deepEqual(obj.spec.containers, [{ name: 'c', image: 'nginx', resources: {} }]);
});

test('IntOrString: int, string, and the zero value in a non-pointer field', () => {
  const port = (p: Uint8Array[]) => field(4, p);
  const body = envelope('v1', 'Service', [objectMeta('s'), field(2, [
    field(1, [varint(3, 80), port([varint(1, 0), varint(2, 8080)])]),
    field(1, [varint(3, 81), port([varint(1, 1), field(3, 'http')])]),
    field(1, [varint(3, 82)]),
  ])]);
  const obj = decodeKubernetesProtobuf(body) as { spec: { ports: unknown[] } };
  assert.deepEqual(obj.spec.ports, [{ port: 80, targetPort: 8080 }, { port: 81, targetPort: 'http' }, { port: 82, targetPort: 0 }]);
});

test('Time drops nanoseconds; MicroTime keeps microseconds; Quantity maps keep their strings', () => {
  const lease = envelope('coordination.k8s.io/v1', 'Lease', [objectMeta('l', field(8, [varint(1, 1704067200), varint(2, 5)])), field(2, [
    field(1, 'holder'),
    field(3, [varint(1, 1704067200), varint(2, 123456789)]),
    field(4, [varint(1, 0)]),
  ])]);
  const obj = decodeKubernetesProtobuf(lease) as { metadata: Record<string, unknown>; spec: Record<string, unknown> };
  assert.equal(obj.metadata.creationTimestamp, '2024-01-01T00:00:00Z');
  assert.equal(obj.spec.acquireTime, '2024-01-01T00:00:00.123456Z');
  assert.equal(obj.spec.renewTime, '1970-01-01T00:00:00.000000Z');

  const quota = envelope('v1', 'ResourceQuota', [objectMeta('q'), field(2, [entry(1, 'memory', [field(1, '1Gi')]), entry(1, 'cpu', [field(1, '500m')])])]);
  const q = decodeKubernetesProtobuf(quota) as { spec: unknown };
  assert.deepEqual(q.spec, { hard: { cpu: '500m', memory: '1Gi' } });
});

test('RawExtension and FieldsV1 carry embedded JSON', () => {
  const rev = envelope('apps/v1', 'ControllerRevision', [
    objectMeta('r', field(17, [field(1, 'kubectl'), field(2, 'Update'), field(6, 'FieldsV1'), field(7, [field(1, '{"f:data":{}}')])])),
    field(2, [field(1, '{"spec":{"replicas":1}}')]),
    varint(3, 2),
  ]);
  assert.deepEqual(decodeKubernetesProtobuf(rev), {
    kind: 'ControllerRevision', apiVersion: 'apps/v1',
    metadata: { name: 'r', creationTimestamp: null, managedFields: [{ manager: 'kubectl', operation: 'Update', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': {} } }] },
    data: { spec: { replicas: 1 } },
    revision: 2,
  });
});

test('RawExtension holding a nested protobuf object decodes it too', () => {
  const inner = envelope('v1', 'Namespace', [objectMeta('n')]);
  const list = envelope('v1', 'List', [field(2, [field(1, inner)])]);
  assert.deepEqual(decodeKubernetesProtobuf(list), {
    kind: 'List', apiVersion: 'v1', metadata: {},
    items: [{ kind: 'Namespace', apiVersion: 'v1', metadata: { name: 'n', creationTimestamp: null }, spec: {}, status: {} }],
  });
});

test('list wrapper messages (ExtraValue) print as arrays', () => {
  const body = envelope('authentication.k8s.io/v1', 'TokenReview', [objectMeta('t'), field(2, [field(1, 'tok')]), field(3, [
    varint(1, true),
    field(2, [field(1, 'alice'), entry(4, 'scopes', [field(1, 'a'), field(1, 'b')])]),
  ])]);
  const obj = decodeKubernetesProtobuf(body) as { status: unknown };
  assert.deepEqual(obj.status, { authenticated: true, user: { username: 'alice', extra: { scopes: ['a', 'b'] } } });
});

test('Eviction with DeleteOptions; DeleteOptions is known in every group version', () => {
  const deleteOptions = [varint(1, 0), field(2, [field(1, 'uid-1')]), field(5, 'All')];
  const ev = envelope('policy/v1', 'Eviction', [objectMeta('web-1', field(3, 'default')), field(2, deleteOptions)]);
  assert.deepEqual(decodeKubernetesProtobuf(ev), {
    kind: 'Eviction', apiVersion: 'policy/v1',
    metadata: { name: 'web-1', namespace: 'default', creationTimestamp: null },
    deleteOptions: { gracePeriodSeconds: 0, preconditions: { uid: 'uid-1' }, dryRun: ['All'] },
  });
  assert.deepEqual(decodeKubernetesProtobuf(envelope('apps/v1', 'DeleteOptions', [field(4, 'Foreground')])), {
    kind: 'DeleteOptions', apiVersion: 'apps/v1', propagationPolicy: 'Foreground',
  });
});

test('an empty typeMeta takes apiVersion and kind from the expected kind', () => {
  const body = message(protobufMagic, field(2, [objectMeta('n')]));
  assert.deepEqual(decodeKubernetesProtobuf(body, { apiVersion: 'v1', kind: 'Namespace' }), {
    kind: 'Namespace', apiVersion: 'v1', metadata: { name: 'n', creationTimestamp: null }, spec: {}, status: {},
  });
  const noVersion = envelope('', 'Job', [objectMeta('j')]);
  assert.equal(decodeKubernetesProtobuf(noVersion, { apiVersion: 'batch/v1', kind: 'Job' }).apiVersion, 'batch/v1');
});

test('unknown fields are skipped, repeated messages merge, packed repeated scalars are read', () => {
  const body = envelope('v1', 'Namespace', [
    objectMeta('n'),
    field(99, 'ignored'), varint(100, 5), fixed32(101, 7),
    objectMeta('renamed', field(3, 'x')),
  ]);
  assert.deepEqual(decodeKubernetesProtobuf(body).metadata, { name: 'renamed', namespace: 'x', creationTimestamp: null });
  const finalizers = envelope('v1', 'Namespace', [objectMeta('n'), field(2, [field(1, 'kubernetes'), field(1, 'other')])]);
  assert.deepEqual(decodeKubernetesProtobuf(finalizers).spec, { finalizers: ['kubernetes', 'other'] });
  // PodSecurityContext.supplementalGroups (repeated int64): one tag per element, or packed
  const packed = message(...[1, 2, 300].map((g) => varint(0, g).subarray(1)));
  const pod = envelope('v1', 'Pod', [objectMeta('p'), field(2, [field(14, [varint(4, 5), field(4, packed), varint(4, -1)])])]);
  const spec = decodeKubernetesProtobuf(pod).spec as { securityContext: unknown };
  assert.deepEqual(spec.securityContext, { supplementalGroups: [5, 1, 2, 300, -1] });
});

test('unknown kinds and custom resources are 415; the message lists JSON and YAML', () => {
  for (const [v, k] of [['example.com/v1', 'Widget'], ['v1', 'Container'], ['apps/v1beta1', 'Deployment']]) {
    const s = statusOf(() => decodeKubernetesProtobuf(envelope(v, k, [])));
    assert.equal(s.code, 415);
    assert.equal(s.reason, 'UnsupportedMediaType');
    assert.equal(s.message, 'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml');
  }
  const custom = statusOf(() => decodeKubernetesProtobuf(envelope('x.io/v1', 'W', []), undefined, { acceptedMediaTypes: ['application/json'] }));
  assert.match(custom.message, /include: application\/json$/);
});

test('a non-protobuf inner content type is 415', () => {
  const s = statusOf(() => decodeKubernetesProtobuf(envelope('v1', 'ConfigMap', [], 'application/json')));
  assert.equal(s.code, 415);
});

test('malformed bodies are 400', () => {
  assert.equal(statusOf(() => decodeKubernetesProtobuf(new TextEncoder().encode('{"kind":"ConfigMap"}'))).code, 400);
  const truncated = envelope('v1', 'ConfigMap', [objectMeta('x')]).slice(0, -2);
  const s = statusOf(() => decodeKubernetesProtobuf(truncated));
  assert.equal(s.code, 400);
  assert.match(s.message, /unexpected EOF/);
  const wrongWire = envelope('v1', 'ConfigMap', [varint(1, 1)]);
  assert.match(statusOf(() => decodeKubernetesProtobuf(wrongWire)).message, /wrong wireType = 0 for field metadata/);
  const badJson = envelope('apps/v1', 'ControllerRevision', [field(2, [field(1, '{nope')])]);
  assert.equal(statusOf(() => decodeKubernetesProtobuf(badJson)).code, 400);
});
