// Tests for the apps/v1 tables: Deployment, ReplicaSet, StatefulSet, DaemonSet, ControllerRevision.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { controllerRevisionPrinter, daemonSetPrinter, deploymentPrinter, replicaSetPrinter, statefulSetPrinter } from './apps.ts';
import { ago, columnNames, rowOf } from './test-support.ts';

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }, { name: 'log', image: 'fluent-bit' }] } };
const meta = { name: 'web', creationTimestamp: ago(600) };

describe('apps tables', () => {
  it('deployment: READY as ready/desired, integer cells, wide selector', () => {
    assert.deepEqual(columnNames(deploymentPrinter), {
      all: ['Name', 'Ready', 'Up-to-date', 'Available', 'Age', 'Containers', 'Images', 'Selector'],
      wide: ['Containers', 'Images', 'Selector'],
    });
    assert.deepEqual(rowOf(deploymentPrinter, {
      metadata: meta,
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }, { key: 'canary', operator: 'DoesNotExist' }] }, template },
      status: { replicas: 3, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 },
    }), {
      Name: 'web', Ready: '2/3', 'Up-to-date': 2, Available: 2, Age: '10m', Containers: 'web,log', Images: 'nginx:1.27,fluent-bit',
      Selector: 'app=web,!canary,env in (dev,prod)',
    });
  });
  it('deployment with no status, empty and invalid selectors', () => {
    const r = rowOf(deploymentPrinter, { metadata: meta, spec: { replicas: 0, selector: {} } });
    assert.equal(r.Ready, '0/0');
    assert.equal(r['Up-to-date'], 0);
    assert.equal(r.Selector, '');
    assert.equal(rowOf(deploymentPrinter, { metadata: meta, spec: { selector: { matchExpressions: [{ key: 'a', operator: 'Bogus' }] } } }).Selector, '<invalid>');
  });
  it('replicaset', () => {
    assert.deepEqual(rowOf(replicaSetPrinter, {
      metadata: { name: 'web-5d', creationTimestamp: ago(600) },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web', 'pod-template-hash': '5d' } }, template },
      status: { replicas: 2, readyReplicas: 1 },
    }), { Name: 'web-5d', Desired: 2, Current: 2, Ready: 1, Age: '10m', Containers: 'web,log', Images: 'nginx:1.27,fluent-bit', Selector: 'app=web,pod-template-hash=5d' });
    assert.equal(rowOf(replicaSetPrinter, { metadata: meta, spec: { selector: {} } }).Selector, '<none>');
  });
  it('statefulset', () => {
    assert.deepEqual(columnNames(statefulSetPrinter).all, ['Name', 'Ready', 'Age', 'Containers', 'Images']);
    assert.deepEqual(rowOf(statefulSetPrinter, { metadata: meta, spec: { replicas: 3, template }, status: { readyReplicas: 3 } }),
      { Name: 'web', Ready: '3/3', Age: '10m', Containers: 'web,log', Images: 'nginx:1.27,fluent-bit' });
  });
  it('daemonset', () => {
    assert.deepEqual(rowOf(daemonSetPrinter, {
      metadata: meta,
      spec: { selector: { matchLabels: { app: 'web' } }, template: { ...template, spec: { ...template.spec, nodeSelector: { 'kubernetes.io/os': 'linux' } } } },
      status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 },
    }), {
      Name: 'web', Desired: 3, Current: 3, Ready: 2, 'Up-to-date': 3, Available: 2, 'Node Selector': 'kubernetes.io/os=linux', Age: '10m',
      Containers: 'web,log', Images: 'nginx:1.27,fluent-bit', Selector: 'app=web',
    });
    assert.equal(rowOf(daemonSetPrinter, { metadata: meta, spec: { template } })['Node Selector'], '<none>');
  });
  it('controllerrevision names its controller as kind.group/name', () => {
    const cr = (owners: unknown): Record<string, unknown> => rowOf(controllerRevisionPrinter, {
      metadata: { ...meta, name: 'web-7b9', ownerReferences: owners as never }, revision: 4,
    });
    assert.deepEqual(cr([{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'u', controller: true }]),
      { Name: 'web-7b9', Controller: 'statefulset.apps/web', Revision: 4, Age: '10m' });
    assert.equal(cr([{ apiVersion: 'v1', kind: 'Pod', name: 'p', uid: 'u' }]).Controller, '<none>');
    assert.equal(cr([{ apiVersion: 'v1', kind: 'ReplicationController', name: 'rc', uid: 'u', controller: true }]).Controller, 'replicationcontroller/rc');
  });
});
