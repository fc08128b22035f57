// Tests for apps/v1 workload validation: selectors, replicas, strategies and update rules.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../object.ts';
import { createErrors, labelMsg, stored, updateErrors } from './test-helpers.ts';

type Spec = Record<string, unknown>;
const template = (labels: Record<string, string>): Spec => ({ metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } });
function workload(kind: string, spec: Spec, name = 'web'): KObject {
  return { apiVersion: 'apps/v1', kind, metadata: { name, namespace: 'default' }, spec };
}
const deployment = (spec: Spec = {}) => workload('Deployment', { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }), ...spec });

describe('Deployment', () => {
  it('accepts a valid deployment', () => {
    assert.deepEqual(createErrors('apps', 'Deployment', deployment()), []);
  });
  it('rejects a selector that does not match the template labels', () => {
    assert.deepEqual(createErrors('apps', 'Deployment', deployment({ template: template({ app: 'api' }) })),
      ['spec.template.metadata.labels: Invalid value: {"app":"api"}: `selector` does not match template `labels`']);
  });
  it('requires a selector (and then nothing matches)', () => {
    assert.deepEqual(createErrors('apps', 'Deployment', deployment({ selector: undefined })), [
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
    ]);
    assert.deepEqual(createErrors('apps', 'Deployment', deployment({ selector: {} })), ['spec.selector: Invalid value: {}: empty selector is invalid for deployment']);
  });
  it('rejects negative replicas and bad rolling update parameters', () => {
    assert.deepEqual(createErrors('apps', 'Deployment', deployment({ replicas: -1 })), ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']);
    assert.deepEqual(createErrors('apps', 'Deployment', deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } } })),
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0']);
    assert.deepEqual(createErrors('apps', 'Deployment', deployment({ strategy: { type: 'Recreate', rollingUpdate: {} } })),
      ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"]);
    assert.deepEqual(createErrors('apps', 'Deployment', deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '150%' } } })),
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "150%": must not be greater than 100%']);
  });
  it('requires restartPolicy Always and a deadline above minReadySeconds', () => {
    const t = template({ app: 'web' });
    (t.spec as Spec).restartPolicy = 'Never';
    assert.deepEqual(createErrors('apps', 'Deployment', deployment({ template: t, minReadySeconds: 700 })), [
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
      'spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds',
    ]);
  });
  it('keeps the selector immutable on update', () => {
    const old = stored('apps', 'Deployment', deployment());
    const next = structuredClone(old) as KObject & { spec: Spec };
    next.spec.selector = { matchLabels: { app: 'web', tier: 'fe' } };
    (next.spec.template as { metadata: { labels: Record<string, string> } }).metadata.labels.tier = 'fe';
    assert.deepEqual(updateErrors('apps', 'Deployment', next, old),
      ['spec.selector: Invalid value: {"matchLabels":{"app":"web","tier":"fe"}}: field is immutable']);
    const scaled = structuredClone(old) as KObject & { spec: Spec };
    scaled.spec.replicas = 10;
    assert.deepEqual(updateErrors('apps', 'Deployment', scaled, old), []);
  });
});

describe('ReplicaSet and DaemonSet', () => {
  it('validates ReplicaSets like deployments', () => {
    assert.deepEqual(createErrors('apps', 'ReplicaSet', workload('ReplicaSet', { selector: { matchLabels: { app: 'x' } }, template: template({ app: 'web' }) })),
      ['spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`']);
  });
  it('validates DaemonSet update strategies', () => {
    const ds = workload('DaemonSet', { selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }), updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } } });
    assert.deepEqual(createErrors('apps', 'DaemonSet', ds), ['spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero']);
  });
});

describe('StatefulSet', () => {
  const sts = (spec: Spec = {}, name = 'db') => workload('StatefulSet', {
    serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: template({ app: 'db' }), ...spec,
  }, name);
  it('accepts a valid statefulset; names are DNS labels', () => {
    assert.deepEqual(createErrors('apps', 'StatefulSet', sts()), []);
    assert.deepEqual(createErrors('apps', 'StatefulSet', sts({}, 'db.main')), ['metadata.name: Invalid value: "db.main": must not contain dots']);
    assert.deepEqual(createErrors('apps', 'StatefulSet', sts({}, 'DB')), [`metadata.name: Invalid value: "DB": ${labelMsg}`]);
  });
  it('checks the pod management policy', () => {
    assert.deepEqual(createErrors('apps', 'StatefulSet', sts({ podManagementPolicy: 'Random' })),
      ["spec.podManagementPolicy: Invalid value: \"Random\": must be 'OrderedReady' or 'Parallel'"]);
  });
  it('forbids updates outside the mutable fields', () => {
    const old = stored('apps', 'StatefulSet', sts());
    const next = structuredClone(old) as KObject & { spec: Spec };
    next.spec.serviceName = 'other';
    assert.deepEqual(updateErrors('apps', 'StatefulSet', next, old),
      ["spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"]);
    const scaled = structuredClone(old) as KObject & { spec: Spec };
    scaled.spec.replicas = 5;
    assert.deepEqual(updateErrors('apps', 'StatefulSet', scaled, old), []);
  });
});
