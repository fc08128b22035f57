// Tests for managedFields bookkeeping on create/update/patch and for the User-Agent manager name.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KObject, ManagedFieldsEntry } from '../object.ts';
import { apply } from './apply.ts';
import { managerFromUserAgent, recordUpdate } from './update.ts';
import type { RecordUpdateOptions } from './update.ts';
import { deployment } from './test-types.ts';

const T0 = '2024-05-01T10:00:00Z';
const T1 = '2024-05-01T10:01:00Z';
const T2 = '2024-05-01T10:02:00Z';

type Spec = Record<string, unknown>;

function deploy(spec: Spec, meta: Record<string, unknown> = {}): KObject {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', ...meta }, spec };
}

function record(old: KObject | undefined, updated: KObject, manager: string, extra: Partial<RecordUpdateOptions> = {}): KObject {
  const out = recordUpdate({ old, updated, manager, typeInfo: deployment, apiVersion: 'apps/v1', now: T0, ...extra });
  if (!old) out.metadata = { ...out.metadata, uid: 'uid-1' };
  return out;
}

function entries(obj: KObject): ManagedFieldsEntry[] {
  return obj.metadata?.managedFields ?? [];
}

function summary(obj: KObject): [string | undefined, string | undefined, string | undefined, string][] {
  return entries(obj).map((e) => [e.manager, e.operation, e.time, JSON.stringify(e.fieldsV1)]);
}

const nginx = deploy({
  replicas: 1,
  template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', resources: {} }] } },
  strategy: { rollingUpdate: { maxSurge: '25%' } },
}, { labels: { app: 'web' } });

describe('recordUpdate: create', () => {
  it('records what the creator set, with "." on everything that appeared', () => {
    const obj = record(undefined, nginx, 'kubectl-client-side-apply');
    assert.equal(JSON.stringify(entries(obj)), JSON.stringify([{
      manager: 'kubectl-client-side-apply',
      operation: 'Update',
      apiVersion: 'apps/v1',
      time: T0,
      fieldsType: 'FieldsV1',
      fieldsV1: {
        'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
        'f:spec': {
          '.': {},
          'f:replicas': {},
          'f:strategy': { '.': {}, 'f:rollingUpdate': { '.': {}, 'f:maxSurge': {} } },
          'f:template': {
            '.': {},
            'f:metadata': { '.': {}, 'f:labels': { '.': {}, 'f:app': {} } },
            'f:spec': { '.': {}, 'f:containers': { '.': {}, 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {}, 'f:resources': {} } } },
          },
        },
      },
    }]));
  });

  it('compares with the kind\'s empty object when given, as Kubernetes does for built-in types', () => {
    const empty: KObject = { metadata: {}, spec: { template: { metadata: {}, spec: { containers: null } }, strategy: {} }, status: {} };
    const obj = record(undefined, nginx, 'kubectl-create', { empty });
    assert.deepEqual(entries(obj)[0]?.fieldsV1, {
      'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
      'f:spec': {
        'f:replicas': {},
        'f:strategy': { 'f:rollingUpdate': { '.': {}, 'f:maxSurge': {} } },
        'f:template': {
          'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
          'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {}, 'f:resources': {} } } },
        },
      },
    });
  });

  it('calls a nameless manager "unknown"', () => {
    assert.equal(entries(record(undefined, deploy({ replicas: 1 }), ''))[0]?.manager, 'unknown');
  });

  it('starts from managedFields sent with a create, where the creator then takes every field it set', () => {
    const sent: ManagedFieldsEntry[] = [
      { manager: 'importer', operation: 'Apply', apiVersion: 'apps/v1', time: T0, fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:paused': {} } } },
      { manager: 'ghost', operation: 'Apply', apiVersion: 'apps/v1', time: T0, fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:minReadySeconds': {} } } },
    ];
    const obj = record(undefined, deploy({ replicas: 1, paused: true }, { managedFields: sent }), 'kubectl-create', { now: T1 });
    assert.deepEqual(entries(obj).map((e) => [e.manager, e.operation]), [['ghost', 'Apply'], ['kubectl-create', 'Update']]);
  });
});

describe('recordUpdate: update', () => {
  it('moves a field to the manager that changed it', () => {
    const applied = apply({ current: undefined, applied: deploy({ replicas: 1, paused: false }), manager: 'kubectl', force: false, typeInfo: deployment, apiVersion: 'apps/v1', now: T0 });
    applied.metadata = { ...applied.metadata, uid: 'u' };
    const scaled = record(applied, { ...applied, spec: { replicas: 4, paused: false } }, 'kube-controller-manager', { now: T1 });
    assert.deepEqual(summary(scaled), [
      ['kubectl', 'Apply', T0, '{"f:spec":{"f:paused":{}}}'],
      ['kube-controller-manager', 'Update', T1, '{"f:spec":{"f:replicas":{}}}'],
    ]);
  });

  it('takes removed fields away from every manager and drops empty entries', () => {
    const a = record(undefined, deploy({ replicas: 1 }, { labels: { a: '1' } }), 'creator');
    const b = record(a, deploy({ replicas: 1 }), 'editor', { now: T1 });
    assert.deepEqual(summary(b), [['creator', 'Update', T0, '{"f:spec":{".":{},"f:replicas":{}}}']]);
  });

  it('leaves entries and times alone when nothing changed', () => {
    const a = record(undefined, deploy({ replicas: 1 }), 'creator');
    const b = record(a, structuredClone(a), 'someone-else', { now: T2 });
    assert.deepEqual(summary(b), summary(a));
  });

  it('merges repeated updates by one manager and refreshes its time', () => {
    const a = record(undefined, deploy({ replicas: 1 }), 'editor');
    const b = record(a, deploy({ replicas: 1, paused: true }), 'editor', { now: T1 });
    assert.deepEqual(summary(b), [['editor', 'Update', T1, '{"f:spec":{".":{},"f:paused":{},"f:replicas":{}}}']]);
  });

  it('keeps one Update entry per API version', () => {
    const a = record(undefined, deploy({ replicas: 1 }), 'editor');
    const b = record(a, deploy({ replicas: 1, paused: true }), 'editor', { now: T1, apiVersion: 'apps/v1beta2' });
    assert.deepEqual(entries(b).map((e) => [e.manager, e.apiVersion]), [['editor', 'apps/v1'], ['editor', 'apps/v1beta2']]);
  });

  it('records writes through a subresource separately, from the stored managers', () => {
    const a = record(undefined, deploy({ replicas: 1 }), 'creator');
    const withStatus = { ...a, status: { replicas: 1 }, metadata: { ...a.metadata, managedFields: [] } };
    const b = record(a, withStatus, 'kubelet', { now: T1, subresource: 'status' });
    assert.deepEqual(entries(b).map((e) => [e.manager, e.subresource, JSON.stringify(e.fieldsV1)]), [
      ['creator', undefined, '{"f:spec":{".":{},"f:replicas":{}}}'],
      ['kubelet', 'status', '{"f:status":{".":{},"f:replicas":{}}}'],
    ]);
  });

  it('caps Update entries at ten, merging the oldest into ancient-changes', () => {
    let obj = record(undefined, deploy({}), 'm0');
    for (let i = 1; i <= 11; i++) {
      const now = `2024-05-01T10:${String(i).padStart(2, '0')}:00Z`;
      obj = record(obj, { ...obj, metadata: { ...obj.metadata, labels: { ...obj.metadata?.labels, [`l${i}`]: 'x' } } }, `m${i}`, { now });
    }
    const managers = entries(obj).map((e) => e.manager);
    assert.equal(managers.length, 10);
    assert.ok(managers.includes('ancient-changes'));
    assert.ok(!managers.includes('m0') && !managers.includes('m1') && !managers.includes('m2'));
  });
});

describe('recordUpdate: managedFields sent by the client', () => {
  const base = (): KObject => record(undefined, deploy({ replicas: 1 }), 'creator');

  it('an empty list resets them and the object stays untracked', () => {
    const a = base();
    const b = record(a, { ...deploy({ replicas: 2 }, { uid: 'uid-1', managedFields: [] }) }, 'editor', { now: T1 });
    assert.equal(b.metadata?.managedFields, undefined);
    const c = record(b, deploy({ replicas: 3 }, { uid: 'uid-1' }), 'editor', { now: T2 });
    assert.equal(c.metadata?.managedFields, undefined);
  });

  it('a list of one empty entry resets them too', () => {
    const b = record(base(), deploy({ replicas: 2 }, { managedFields: [{}] }), 'editor');
    assert.equal(b.metadata?.managedFields, undefined);
  });

  it('a valid list replaces the stored one', () => {
    const sent: ManagedFieldsEntry[] = [{ manager: 'owner', operation: 'Apply', apiVersion: 'apps/v1', time: T0, fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } } }];
    const b = record(base(), deploy({ replicas: 1 }, { managedFields: sent }), 'editor', { now: T1 });
    assert.deepEqual(summary(b), [['owner', 'Apply', T0, '{"f:spec":{"f:replicas":{}}}']]);
  });

  it('an unreadable list is ignored in favour of the stored one', () => {
    const a = base();
    const bad = [{ manager: 'x', operation: 'Nope', apiVersion: 'apps/v1', fieldsType: 'FieldsV1', fieldsV1: {} }];
    const b = record(a, deploy({ replicas: 1 }, { managedFields: bad }), 'editor', { now: T1 });
    assert.deepEqual(summary(b), summary(a));
  });

  it('keeps the stored managedFields when the bookkeeping fails', () => {
    const a = base();
    const broken = deploy({ replicas: 1, template: { spec: { containers: [{ image: 'no-name' }] } } });
    const b = record(a, broken, 'editor', { now: T1 });
    assert.deepEqual(b.metadata?.managedFields, a.metadata?.managedFields);
  });

  it('an object stored without managedFields stays untracked on update', () => {
    const untracked = deploy({ replicas: 1 }, { uid: 'u' });
    assert.equal(record(untracked, deploy({ replicas: 2 }, { uid: 'u' }), 'editor').metadata?.managedFields, undefined);
  });
});

describe('managerFromUserAgent', () => {
  const cases: [string, string][] = [
    ['kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9', 'kubectl'],
    ['kube-controller-manager/v1.32.0 (linux/amd64) kubernetes/70d3cc9/system:serviceaccount:kube-system:deployment-controller', 'kube-controller-manager'],
    ['Go-http-client/1.1', 'Go-http-client'],
    ['no-slash', 'no-slash'],
    ['', ''],
    ['tab\there/1', 'tabhere'],
    ['x'.repeat(200), 'x'.repeat(128)],
    ['é'.repeat(65), 'é'.repeat(64)],
  ];
  for (const [ua, want] of cases) {
    it(JSON.stringify(ua.slice(0, 40)), () => assert.equal(managerFromUserAgent(ua), want));
  }
});
