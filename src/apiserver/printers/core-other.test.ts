// Tests for the ConfigMap, Secret, ServiceAccount, ResourceQuota, ReplicationController and PodTemplate tables.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  configMapPrinter, podTemplatePrinter, replicationControllerPrinter, resourceQuotaPrinter, secretPrinter, serviceAccountPrinter,
} from './core-other.ts';
import { ago, columnNames, rowOf } from './test-support.ts';

const meta = { name: 'x', creationTimestamp: ago(65) };

describe('small core tables', () => {
  it('configmap counts data and binaryData keys', () => {
    assert.deepEqual(rowOf(configMapPrinter, { metadata: meta, data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } }), { Name: 'x', Data: 3, Age: '65s' });
    assert.equal(rowOf(configMapPrinter, { metadata: meta }).Data, 0);
  });
  it('secret prints type and key count', () => {
    assert.deepEqual(rowOf(secretPrinter, { metadata: meta, type: 'kubernetes.io/tls', data: { 'tls.crt': '', 'tls.key': '' } }),
      { Name: 'x', Type: 'kubernetes.io/tls', Data: 2, Age: '65s' });
  });
  it('serviceaccount counts secrets', () => {
    assert.deepEqual(rowOf(serviceAccountPrinter, { metadata: meta }), { Name: 'x', Secrets: 0, Age: '65s' });
  });
  it('resourcequota splits requests and limits, sorted, with canonical quantities', () => {
    const r = rowOf(resourceQuotaPrinter, {
      metadata: meta,
      spec: { hard: { pods: '10' } },
      status: {
        hard: { 'requests.cpu': '1', pods: '10', 'limits.memory': '2Gi', 'limits.cpu': '2', 'requests.memory': '1024Mi' },
        used: { 'requests.cpu': '0.5', pods: '3', 'limits.cpu': '1' },
      },
    });
    assert.equal(r.Request, 'pods: 3/10, requests.cpu: 500m/1, requests.memory: 0/1Gi');
    assert.equal(r.Limit, 'limits.cpu: 1/2, limits.memory: 0/2Gi');
    assert.deepEqual(columnNames(resourceQuotaPrinter).all, ['Name', 'Request', 'Limit', 'Age']);
  });
  it('replicationcontroller prints counts and wide template cells', () => {
    assert.deepEqual(rowOf(replicationControllerPrinter, {
      metadata: meta,
      spec: { replicas: 3, selector: { app: 'web' }, template: { spec: { containers: [{ name: 'a', image: 'nginx:1' }, { name: 'b', image: 'busybox' }] } } },
      status: { replicas: 3, readyReplicas: 2 },
    }), { Name: 'x', Desired: 3, Current: 3, Ready: 2, Age: '65s', Containers: 'a,b', Images: 'nginx:1,busybox', Selector: 'app=web' });
    assert.deepEqual(columnNames(replicationControllerPrinter).wide, ['Containers', 'Images', 'Selector']);
  });
  it('podtemplate prints containers, images and pod labels', () => {
    assert.deepEqual(rowOf(podTemplatePrinter, {
      metadata: meta, template: { metadata: { labels: { b: '2', a: '1' } }, spec: { containers: [{ name: 'c', image: 'img' }] } },
    }), { Name: 'x', Containers: 'c', Images: 'img', 'Pod Labels': 'a=1,b=2' });
    assert.equal(rowOf(podTemplatePrinter, { metadata: meta, template: {} })['Pod Labels'], '<none>');
  });
});
