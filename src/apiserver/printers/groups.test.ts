// Tests for the small API groups: Lease, RBAC bindings, StorageClass, PodDisruptionBudget, PriorityClass.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { leasePrinter } from './coordination.ts';
import { podDisruptionBudgetPrinter } from './policy.ts';
import { clusterRoleBindingPrinter, roleBindingPrinter } from './rbac.ts';
import { priorityClassPrinter } from './scheduling.ts';
import { storageClassPrinter } from './storage.ts';
import { ago, columnNames, rowOf } from './test-support.ts';

const meta = { name: 'x', creationTimestamp: ago(3 * 3600 + 5 * 60) };

describe('small group tables', () => {
  it('lease holder', () => {
    assert.deepEqual(rowOf(leasePrinter, { metadata: meta, spec: { holderIdentity: 'server-1_abc', leaseDurationSeconds: 15 } }), { Name: 'x', Holder: 'server-1_abc', Age: '3h5m' });
    assert.equal(rowOf(leasePrinter, { metadata: meta, spec: {} }).Holder, '');
  });
  it('role and cluster role bindings', () => {
    assert.deepEqual(columnNames(roleBindingPrinter), { all: ['Name', 'Role', 'Age', 'Users', 'Groups', 'ServiceAccounts'], wide: ['Users', 'Groups', 'ServiceAccounts'] });
    assert.deepEqual(rowOf(clusterRoleBindingPrinter, {
      metadata: meta, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [
        { kind: 'Group', name: 'system:masters' }, { kind: 'User', name: 'alice' }, { kind: 'User', name: 'bob' },
        { kind: 'ServiceAccount', name: 'default', namespace: 'kube-system' }, { kind: 'Robot', name: 'r' },
      ],
    }), { Name: 'x', Role: 'ClusterRole/cluster-admin', Age: '3h5m', Users: 'alice, bob', Groups: 'system:masters', ServiceAccounts: 'kube-system/default' });
  });
  it('storage class marks the default', () => {
    assert.deepEqual(rowOf(storageClassPrinter, {
      metadata: { ...meta, name: 'local-path', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
      provisioner: 'rancher.io/local-path', reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer',
    }), { Name: 'local-path (default)', Provisioner: 'rancher.io/local-path', ReclaimPolicy: 'Delete', VolumeBindingMode: 'WaitForFirstConsumer', AllowVolumeExpansion: false, Age: '3h5m' });
    const plain = rowOf(storageClassPrinter, { metadata: meta, provisioner: 'p', allowVolumeExpansion: true });
    assert.equal(plain.VolumeBindingMode, 'Immediate');
    assert.equal(plain.AllowVolumeExpansion, true);
  });
  it('pod disruption budget', () => {
    assert.deepEqual(rowOf(podDisruptionBudgetPrinter, { metadata: meta, spec: { minAvailable: 2 }, status: { disruptionsAllowed: 1 } }),
      { Name: 'x', 'Min Available': '2', 'Max Unavailable': 'N/A', 'Allowed Disruptions': 1, Age: '3h5m' });
    assert.equal(rowOf(podDisruptionBudgetPrinter, { metadata: meta, spec: { maxUnavailable: '25%' } })['Max Unavailable'], '25%');
  });
  it('priority class', () => {
    assert.deepEqual(columnNames(priorityClassPrinter).all, ['Name', 'Value', 'Global-Default', 'Age', 'PreemptionPolicy']);
    assert.deepEqual(rowOf(priorityClassPrinter, { metadata: { ...meta, name: 'system-node-critical' }, value: 2000001000, preemptionPolicy: 'PreemptLowerPriority' }),
      { Name: 'system-node-critical', Value: 2000001000, 'Global-Default': false, Age: '3h5m', PreemptionPolicy: 'PreemptLowerPriority' });
  });
});
