// Tests for the Node, Namespace and ComponentStatus tables.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { componentStatusPrinter, namespacePrinter, nodePrinter } from './core-nodes.ts';
import { ago, columnNames, rowOf } from './test-support.ts';

describe('node table', () => {
  it('has the Kubernetes columns', () => {
    assert.deepEqual(columnNames(nodePrinter), {
      all: ['Name', 'Status', 'Roles', 'Age', 'Version', 'Internal-IP', 'External-IP', 'OS-Image', 'Kernel-Version', 'Container-Runtime'],
      wide: ['Internal-IP', 'External-IP', 'OS-Image', 'Kernel-Version', 'Container-Runtime'],
    });
  });

  it('prints a cordoned control-plane node with roles and system info', () => {
    assert.deepEqual(rowOf(nodePrinter, {
      kind: 'Node',
      metadata: {
        name: 'server-1', creationTimestamp: ago(86400 * 10),
        labels: { 'node-role.kubernetes.io/master': 'true', 'node-role.kubernetes.io/control-plane': 'true', 'kubernetes.io/role': 'etcd', 'node-role.kubernetes.io/': 'x' },
      },
      spec: { unschedulable: true },
      status: {
        conditions: [{ type: 'MemoryPressure', status: 'False' }, { type: 'Ready', status: 'True' }],
        addresses: [{ type: 'Hostname', address: 'server-1' }, { type: 'InternalIP', address: '192.168.1.10' }, { type: 'InternalIP', address: '192.168.1.11' }],
        nodeInfo: { kubeletVersion: 'v1.32.0+skiff', osImage: 'Debian GNU/Linux 12 (bookworm)', kernelVersion: '6.1.0-18-amd64', containerRuntimeVersion: 'containerd://1.7.24' },
      },
    }), {
      Name: 'server-1', Status: 'Ready,SchedulingDisabled', Roles: 'control-plane,etcd,master', Age: '10d', Version: 'v1.32.0+skiff',
      'Internal-IP': '192.168.1.10', 'External-IP': '<none>', 'OS-Image': 'Debian GNU/Linux 12 (bookworm)',
      'Kernel-Version': '6.1.0-18-amd64', 'Container-Runtime': 'containerd://1.7.24',
    });
  });

  it('prints NotReady, Unknown and <none> roles', () => {
    const notReady = rowOf(nodePrinter, { metadata: { name: 'n' }, status: { conditions: [{ type: 'Ready', status: 'Unknown' }] } });
    assert.equal(notReady.Status, 'NotReady');
    assert.equal(notReady.Roles, '<none>');
    assert.equal(notReady['OS-Image'], '<unknown>');
    assert.equal(notReady.Version, '');
    const fresh = rowOf(nodePrinter, { metadata: { name: 'n' }, spec: { unschedulable: true } });
    assert.equal(fresh.Status, 'Unknown,SchedulingDisabled');
  });
});

describe('namespace and componentstatus tables', () => {
  it('namespace status and age', () => {
    assert.deepEqual(rowOf(namespacePrinter, { metadata: { name: 'kube-system', creationTimestamp: ago(7200) }, status: { phase: 'Active' } }),
      { Name: 'kube-system', Status: 'Active', Age: '120m' });
    assert.equal(rowOf(namespacePrinter, { metadata: { name: 'old' }, status: { phase: 'Terminating' } }).Status, 'Terminating');
  });
  it('component health', () => {
    assert.deepEqual(rowOf(componentStatusPrinter, { metadata: { name: 'etcd-0' }, conditions: [{ type: 'Healthy', status: 'True', message: 'ok' }] }),
      { Name: 'etcd-0', Status: 'Healthy', Message: 'ok', Error: '' });
    assert.equal(rowOf(componentStatusPrinter, { metadata: { name: 'scheduler' }, conditions: [{ type: 'Healthy', status: 'False', error: 'refused' }] }).Error, 'refused');
    assert.equal(rowOf(componentStatusPrinter, { metadata: { name: 'x' } }).Status, 'Unknown');
    assert.deepEqual(columnNames(componentStatusPrinter).all, ['Name', 'Status', 'Message', 'Error']);
  });
});
