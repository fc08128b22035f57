// Checks facts of the generated schema.json against Kubernetes 1.32's .proto files and Go json tags.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldFlags } from './schema-types.ts';
import { listElementType, messageFields, messageForKind, protobufSchema } from './schema.ts';

function fieldOf(type: string, json: string) {
  const f = messageFields(type)?.find((x) => x[1] === json);
  assert.ok(f, `${type}.${json}`);
  return f;
}

test('ObjectMeta: proto numbers, JSON names, omitempty; creationTimestamp is a Time struct', () => {
  const om = 'k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta';
  assert.deepEqual(messageFields(om)?.map((f) => [f[0], f[1]]), [
    [1, 'name'], [2, 'generateName'], [3, 'namespace'], [4, 'selfLink'], [5, 'uid'], [6, 'resourceVersion'],
    [7, 'generation'], [8, 'creationTimestamp'], [9, 'deletionTimestamp'], [10, 'deletionGracePeriodSeconds'],
    [11, 'labels'], [12, 'annotations'], [13, 'ownerReferences'], [14, 'finalizers'], [17, 'managedFields'],
  ]);
  assert.equal(fieldOf(om, 'creationTimestamp')[2], 'k8s.io.apimachinery.pkg.apis.meta.v1.Time');
  assert.equal(fieldOf(om, 'deletionTimestamp')[3] & fieldFlags.pointer, fieldFlags.pointer);
  assert.deepEqual(fieldOf(om, 'labels').slice(2), ['string', fieldFlags.map | fieldFlags.omitempty, 'string']);
});

test('JSON names come from Go tags where the proto names differ', () => {
  assert.ok(fieldOf('k8s.io.api.networking.v1.IngressClassParametersReference', 'apiGroup'));
  assert.ok(fieldOf('k8s.io.api.authentication.v1.BoundObjectReference', 'uid'));
  assert.ok(fieldOf('k8s.io.api.admissionregistration.v1.ValidatingWebhookConfiguration', 'webhooks'));
  assert.deepEqual(fieldOf('k8s.io.api.core.v1.Volume', '').slice(2), ['k8s.io.api.core.v1.VolumeSource', fieldFlags.inline]);
});

test('field order is Go declaration order, not proto number order', () => {
  const cm = messageFields('k8s.io.api.core.v1.ConfigMap')?.map((f) => f[1]);
  assert.deepEqual(cm, ['metadata', 'immutable', 'data', 'binaryData']);
});

test('kinds per group version, meta kinds everywhere, list wrappers', () => {
  assert.equal(messageForKind('v1', 'ConfigMap'), 'k8s.io.api.core.v1.ConfigMap');
  assert.equal(messageForKind('apps/v1', 'Deployment'), 'k8s.io.api.apps.v1.Deployment');
  assert.equal(messageForKind('rbac.authorization.k8s.io/v1', 'ClusterRole'), 'k8s.io.api.rbac.v1.ClusterRole');
  assert.equal(messageForKind('flowcontrol.apiserver.k8s.io/v1', 'FlowSchema'), 'k8s.io.api.flowcontrol.v1.FlowSchema');
  assert.equal(messageForKind('batch/v1', 'DeleteOptions'), 'k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions');
  assert.equal(messageForKind('meta.k8s.io/v1', 'DeleteOptions'), 'k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions');
  assert.equal(messageForKind('v1', 'Status'), 'k8s.io.apimachinery.pkg.apis.meta.v1.Status');
  assert.equal(messageForKind('v1', 'Container'), undefined);
  assert.equal(messageForKind('apps/v1beta1', 'Deployment'), undefined);
  assert.equal(listElementType('k8s.io.apimachinery.pkg.apis.meta.v1.Verbs'), 'string');
  assert.equal(Object.keys(protobufSchema().kinds).length, 20);
});

test('every message a field names is in the table', () => {
  const { messages } = protobufSchema();
  const scalars = new Set(['string', 'bytes', 'bool', 'int32', 'int64', 'uint32', 'uint64', 'double', 'float']);
  for (const [name, fields] of Object.entries(messages)) {
    for (const f of fields) assert.ok(scalars.has(f[2]) || f[2] in messages, `${name}.${f[1]}: ${f[2]}`);
  }
});
