// Tests for ConfigMaps, Secrets, Namespaces, Nodes, PVs/PVCs, LimitRanges, quotas and Events.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../object.ts';
import { createErrors, stored, updateErrors } from './test-helpers.ts';

const meta = (name: string) => ({ name, namespace: 'default' });

describe('ConfigMap and Secret', () => {
  it('checks keys with IsConfigMapKey', () => {
    assert.deepEqual(createErrors('', 'ConfigMap', { metadata: meta('c'), data: { 'app.yaml': 'a: 1', 'bad key': 'x' } }), [
      "data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]);
    assert.deepEqual(createErrors('', 'ConfigMap', { metadata: meta('c'), data: { a: '1' }, binaryData: { a: 'AA==' } }),
      ['data[a]: Invalid value: "a": duplicate of key present in binaryData']);
  });
  it('limits the total size to 1 MiB', () => {
    assert.deepEqual(createErrors('', 'ConfigMap', { metadata: meta('c'), data: { big: 'x'.repeat(1024 * 1024 + 1) } }),
      ['Too long: may not be more than 1048576 bytes']);
    const big = Buffer.alloc(1024 * 1024 + 1).toString('base64');
    assert.deepEqual(createErrors('', 'Secret', { metadata: meta('s'), data: { big } }), ['data: Too long: may not be more than 1048576 bytes']);
  });
  it('folds stringData into data and checks typed secrets', () => {
    const s: KObject = { metadata: meta('s'), type: 'kubernetes.io/tls', stringData: { 'tls.crt': 'CERT' } };
    assert.deepEqual(createErrors('', 'Secret', s), ['data[tls.key]: Required value']);
    assert.deepEqual((s as { data: unknown }).data, { 'tls.crt': Buffer.from('CERT').toString('base64') });
    assert.deepEqual(createErrors('', 'Secret', { metadata: meta('s'), type: 'kubernetes.io/service-account-token' }),
      ['metadata.annotations[kubernetes.io/service-account.name]: Required value']);
  });
  it('honours immutable ConfigMaps and Secrets', () => {
    const old = stored('', 'ConfigMap', { metadata: meta('c'), data: { a: '1' }, immutable: true });
    const next = { ...structuredClone(old), data: { a: '2' } };
    assert.deepEqual(updateErrors('', 'ConfigMap', next, old), ['data: Forbidden: field is immutable when `immutable` is set']);
    const oldSecret = stored('', 'Secret', { metadata: meta('s'), data: { a: 'MQ==' } });
    assert.deepEqual(updateErrors('', 'Secret', { ...structuredClone(oldSecret), type: 'kubernetes.io/basic-auth', data: { username: 'dQ==' } }, oldSecret),
      ['type: Invalid value: "kubernetes.io/basic-auth": field is immutable']);
  });
});

describe('Namespace and Node', () => {
  it('namespace names are DNS labels; spec finalizers are checked', () => {
    assert.deepEqual(createErrors('', 'Namespace', { metadata: { name: 'team-a' } }, false), []);
    assert.deepEqual(createErrors('', 'Namespace', { metadata: { name: 'team-a' }, spec: { finalizers: ['custom'] } }, false),
      ['spec.finalizers: Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified']);
  });
  it('checks node taints (reported under metadata.taints, as Kubernetes does) and pod CIDRs', () => {
    const node = { metadata: { name: 'n1' }, spec: { podCIDRs: ['10.42.0.0/24', '10.42.1.0/24'], taints: [{ key: 'k', effect: 'Sometimes' }] } };
    assert.deepEqual(createErrors('', 'Node', node, false), [
      'metadata.taints[0].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      'spec.podCIDRs: Invalid value: ["10.42.0.0/24","10.42.1.0/24"]: may specify no more than one CIDR for each IP family',
    ]);
  });
  it('pod CIDRs are immutable once set', () => {
    const old = stored('', 'Node', { metadata: { name: 'n1' }, spec: { podCIDRs: ['10.42.0.0/24'] } });
    const next = structuredClone(old) as KObject & { spec: Record<string, unknown> };
    next.spec.podCIDRs = ['10.42.9.0/24'];
    assert.deepEqual(updateErrors('', 'Node', next, old, false), ['spec.podCIDRs: Forbidden: node updates may not change podCIDR except from "" to valid']);
  });
});

describe('PersistentVolumes and claims', () => {
  it('requires access modes and a positive storage request', () => {
    assert.deepEqual(createErrors('', 'PersistentVolumeClaim', { metadata: meta('data'), spec: { resources: { requests: { storage: '0' } } } }), [
      'spec.accessModes: Required value: at least 1 access mode is required',
      'spec.resources[storage]: Invalid value: "0": must be greater than zero',
    ]);
    assert.deepEqual(createErrors('', 'PersistentVolumeClaim', { metadata: meta('data'), spec: { accessModes: ['ReadWriteMany', 'ReadWriteOncePod'] } }), [
      'spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes',
      'spec.resources[storage]: Required value',
    ]);
  });
  it('freezes the claim spec except a first volumeName', () => {
    const old = stored('', 'PersistentVolumeClaim', { metadata: meta('data'), spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
    const bind = structuredClone(old) as KObject & { spec: Record<string, unknown> };
    bind.spec.volumeName = 'pv-1';
    assert.deepEqual(updateErrors('', 'PersistentVolumeClaim', bind, old), []);
    const change = structuredClone(old) as KObject & { spec: Record<string, unknown> };
    change.spec.accessModes = ['ReadWriteMany'];
    assert.deepEqual(updateErrors('', 'PersistentVolumeClaim', change, old),
      ['spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims']);
  });
  it('requires exactly one PV source and a storage capacity', () => {
    assert.deepEqual(createErrors('', 'PersistentVolume', { metadata: { name: 'pv' }, spec: { accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } } }, false),
      ['spec: Required value: must specify a volume type']);
    assert.deepEqual(createErrors('', 'PersistentVolume', { metadata: { name: 'pv' }, spec: { accessModes: ['ReadWriteOnce'], hostPath: { path: '/x' } } }, false), [
      'spec.capacity: Required value',
      'spec.capacity: Unsupported value: {}: supported values: "storage"',
    ]);
  });
});

describe('LimitRange, ResourceQuota, Event', () => {
  it('orders min, default and max', () => {
    const lr = { metadata: meta('l'), spec: { limits: [{ type: 'Container', min: { cpu: '2' }, max: { cpu: '1' } }] } };
    assert.deepEqual(createErrors('', 'LimitRange', lr), [
      'spec.limits[0].min[cpu]: Invalid value: "2": min value 2 is greater than max value 1',
      'spec.limits[0].defaultRequest[cpu]: Invalid value: "1": min value 2 is greater than default request value 1',
      'spec.limits[0].default[cpu]: Invalid value: "2": min value 2 is greater than default value 1',
    ]);
  });
  it('checks quota resource names and values', () => {
    assert.deepEqual(createErrors('', 'ResourceQuota', { metadata: meta('q'), spec: { hard: { pods: '1.5', widgets: '1' } } }), [
      'spec.hard[pods]: Invalid value: "1500m": must be an integer',
      'spec.hard[widgets]: Invalid value: "widgets": must be a standard resource type or fully qualified',
      'spec.hard[widgets]: Invalid value: "widgets": must be a standard resource for quota',
    ]);
  });
  it('requires an event namespace to match its involved object', () => {
    const ev = { metadata: meta('web.17a'), involvedObject: { kind: 'Pod', name: 'web', namespace: 'other' }, reason: 'Started' };
    assert.deepEqual(createErrors('', 'Event', ev), ['involvedObject.namespace: Invalid value: "other": does not match event.namespace']);
  });
});
