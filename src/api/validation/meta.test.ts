// Tests for ObjectMeta validation on create and update, through the public entry points.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fieldErrorString } from '../errors.ts';
import { validateCreate, validateUpdate } from './index.ts';
import { labelMsg, subdomainMsg } from './test-helpers.ts';

const cm = (meta: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: 'default', ...meta } });
const create = (o: Record<string, unknown>, group = '', kind = 'ConfigMap', namespaced = true) =>
  validateCreate(group, kind, o, { namespaced }).map(fieldErrorString);

describe('metadata on create', () => {
  it('accepts a plain valid object', () => {
    assert.deepEqual(create(cm({ name: 'app-config', labels: { app: 'web' }, annotations: { 'example.com/x': 'y' } })), []);
  });
  it('rejects upper-case names with the exact RFC 1123 subdomain message', () => {
    assert.deepEqual(create(cm({ name: 'My-Config' })), [`metadata.name: Invalid value: "My-Config": ${subdomainMsg}`]);
  });
  it('requires a name unless generateName is given, and checks generateName as a prefix', () => {
    assert.deepEqual(create(cm({})), ['metadata.name: Required value: name or generateName is required']);
    assert.deepEqual(create(cm({ generateName: 'cfg-', name: 'cfg-x7k2p' })), []);
    assert.deepEqual(create(cm({ generateName: 'Cfg-', name: 'cfg-x7k2p' })), [`metadata.generateName: Invalid value: "Cfg-": ${subdomainMsg}`]);
  });
  it('uses each resource\'s name rule', () => {
    assert.deepEqual(create({ metadata: { name: 'a.b' } }, '', 'Namespace', false), ['metadata.name: Invalid value: "a.b": must not contain dots']);
    assert.deepEqual(create({ metadata: { name: 'Team' } }, '', 'Namespace', false), [`metadata.name: Invalid value: "Team": ${labelMsg}`]);
    assert.deepEqual(create({ metadata: { name: 'system:admin' }, rules: [] }, 'rbac.authorization.k8s.io', 'ClusterRole', false), []);
    assert.deepEqual(create({ metadata: { name: 'a/b' }, rules: [] }, 'rbac.authorization.k8s.io', 'ClusterRole', false),
      ["metadata.name: Invalid value: \"a/b\": may not contain '/'"]);
  });
  it('requires a namespace for namespaced kinds and forbids it otherwise', () => {
    assert.deepEqual(create({ metadata: { name: 'x' } }), ['metadata.namespace: Required value']);
    assert.deepEqual(create({ metadata: { name: 'x', namespace: 'default' } }, '', 'Namespace', false),
      ['metadata.namespace: Forbidden: not allowed on this type']);
    assert.deepEqual(create(cm({ name: 'x', namespace: 'Prod' })), [`metadata.namespace: Invalid value: "Prod": ${labelMsg}`]);
  });
  it('checks label keys and values', () => {
    const errs = create(cm({ name: 'x', labels: { 'bad key': 'v', ok: '-v-' } }));
    assert.equal(errs.length, 2);
    assert.match(errs[0], /^metadata\.labels: Invalid value: "bad key": name part must consist of alphanumeric characters/);
    assert.match(errs[1], /^metadata\.labels: Invalid value: "-v-": a valid label must be an empty string or consist of/);
  });
  it('limits annotations to 256 KiB in total', () => {
    assert.deepEqual(create(cm({ name: 'x', annotations: { big: 'x'.repeat(256 * 1024) } })),
      ['metadata.annotations: Too long: may not be more than 262144 bytes']);
  });
  it('checks owner references', () => {
    const ref = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u1', controller: true };
    assert.deepEqual(create(cm({ name: 'x', ownerReferences: [ref] })), []);
    const errs = create(cm({ name: 'x', ownerReferences: [ref, { ...ref, name: 'rs2' }, { apiVersion: '', kind: 'X', name: 'n', uid: 'u' }] }));
    assert.equal(errs[0], 'metadata.ownerReferences: Invalid value: [{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"rs","uid":"u1","controller":true},{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"rs2","uid":"u1","controller":true},{"apiVersion":"","kind":"X","name":"n","uid":"u"}]: Only one reference can have Controller set to true. Found "true" in references for ReplicaSet/rs and ReplicaSet/rs2');
    assert.equal(errs[1], 'metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty');
  });
  it('checks finalizer names', () => {
    assert.deepEqual(create(cm({ name: 'x', finalizers: ['kubernetes', 'example.com/cleanup'] })), []);
    assert.deepEqual(create(cm({ name: 'x', finalizers: ['cleanup'] })),
      ['metadata.finalizers[0]: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified']);
    assert.deepEqual(create(cm({ name: 'x', finalizers: ['orphan', 'foregroundDeletion'] })),
      ['metadata.finalizers: Invalid value: ["orphan","foregroundDeletion"]: finalizer orphan and foregroundDeletion cannot be both set']);
  });
});

describe('metadata on update', () => {
  const old = cm({ name: 'x', uid: 'u1', resourceVersion: '3', creationTimestamp: '2024-01-01T00:00:00Z', generation: 2 });
  const update = (meta: Record<string, unknown>, prev = old) =>
    validateUpdate('', 'ConfigMap', cm({ ...prev.metadata, ...meta }), prev, { namespaced: true }).map(fieldErrorString);

  it('accepts label changes', () => {
    assert.deepEqual(update({ labels: { a: 'b' } }), []);
  });
  it('keeps identity fields immutable', () => {
    assert.deepEqual(update({ name: 'y' }), ['metadata.name: Invalid value: "y": field is immutable']);
    assert.deepEqual(update({ uid: 'u2' }), ['metadata.uid: Invalid value: "u2": field is immutable']);
    assert.deepEqual(update({ creationTimestamp: '2025-01-01T00:00:00Z' }),
      ['metadata.creationTimestamp: Invalid value: "2025-01-01T00:00:00Z": field is immutable']);
  });
  it('requires a resourceVersion and a non-decreasing generation', () => {
    assert.deepEqual(update({ resourceVersion: '' }), ['metadata.resourceVersion: Invalid value: "": must be specified for an update']);
    assert.deepEqual(update({ generation: 1 }), ['metadata.generation: Invalid value: 1: must not be decremented']);
  });
  it('forbids new finalizers once deletion has begun', () => {
    const deleting = cm({ ...old.metadata, deletionTimestamp: '2024-02-01T00:00:00Z', finalizers: ['example.com/a'] });
    assert.deepEqual(update({ finalizers: ['example.com/a', 'example.com/b'] }, deleting),
      ['metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"example.com/b"}']);
    assert.deepEqual(update({ finalizers: [] }, deleting), []);
  });
});
