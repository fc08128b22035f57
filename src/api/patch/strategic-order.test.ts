// Tests for strategic merge patch list order ($setElementOrder, server-only items) and $retainKeys.

import { test } from 'node:test';
import { checkStrategic, containers, ctr, deployment, podWith, vol, type SmpCase } from './test-helpers.ts';

const orderCases: SmpCase[] = [
  {
    name: '$setElementOrder reorders a merged list',
    current: containers(ctr('a'), ctr('b'), ctr('c')),
    patch: { spec: { '$setElementOrder/containers': [{ name: 'c' }, { name: 'a' }, { name: 'b' }] } },
    want: containers(ctr('c'), ctr('a'), ctr('b')),
  },
  {
    name: '$setElementOrder places a new container where kubectl apply asks',
    current: containers(ctr('a'), ctr('c')),
    patch: { spec: {
      '$setElementOrder/containers': [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
      containers: [{ name: 'b', image: 'b:1' }],
    } },
    want: containers(ctr('a'), ctr('b'), ctr('c')),
  },
  {
    name: '$setElementOrder with a change and a deletion (kubectl apply)',
    current: containers(ctr('a'), ctr('b'), ctr('c')),
    patch: { spec: {
      '$setElementOrder/containers': [{ name: 'c' }, { name: 'a' }],
      containers: [{ name: 'a', image: 'a:2' }, { name: 'b', $patch: 'delete' }],
    } },
    want: containers(ctr('c'), ctr('a', 'a:2')),
  },
  {
    name: 'server-only items keep their live place among ordered items',
    current: containers(ctr('a'), ctr('b'), ctr('c')),
    patch: { spec: {
      '$setElementOrder/containers': [{ name: 'c' }, { name: 'a' }],
      containers: [{ name: 'a', image: 'a:2' }],
    } },
    want: containers(ctr('b'), ctr('c'), ctr('a', 'a:2')),
  },
  {
    name: '$setElementOrder on a primitive list',
    current: podWith({}, { name: 'p', finalizers: ['a', 'b', 'c'] }),
    patch: { metadata: { '$setElementOrder/finalizers': ['c', 'b', 'a'] } },
    want: podWith({}, { name: 'p', finalizers: ['c', 'b', 'a'] }),
  },
  {
    name: '$setElementOrder with $deleteFromPrimitiveList (kubectl apply removing a finalizer)',
    current: podWith({}, { name: 'p', finalizers: ['a', 'b', 'c'] }),
    patch: { metadata: { '$setElementOrder/finalizers': ['a', 'c'], '$deleteFromPrimitiveList/finalizers': ['b'] } },
    want: podWith({}, { name: 'p', finalizers: ['a', 'c'] }),
  },
  {
    name: '$setElementOrder for a list the object does not have yet',
    current: podWith({}),
    patch: { spec: {
      '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }],
      containers: [ctr('b'), { name: 'x', $patch: 'delete' }, ctr('a')],
    } },
    want: containers(ctr('b'), ctr('a')),
  },
  {
    name: 'a kubectl apply patch: annotation, ordered containers, env change',
    current: { ...containers(ctr('web', 'nginx:1', { env: [{ name: 'A', value: '1' }] }), ctr('log', 'busybox')),
      metadata: { name: 'p', annotations: { x: 'y' } } },
    patch: {
      metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
      spec: {
        '$setElementOrder/containers': [{ name: 'web' }, { name: 'log' }],
        containers: [{ name: 'web', image: 'nginx:2', '$setElementOrder/env': [{ name: 'A' }, { name: 'B' }], env: [{ name: 'B', value: '2' }] }],
      },
    },
    want: { ...containers(ctr('web', 'nginx:2', { env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }), ctr('log', 'busybox')),
      metadata: { name: 'p', annotations: { x: 'y', 'kubectl.kubernetes.io/last-applied-configuration': '{}' } } },
  },
];

for (const c of orderCases) test(`strategic order: ${c.name}`, () => checkStrategic(c));

const retainCases: SmpCase[] = [
  {
    name: '$retainKeys in a volume clears the other volume source',
    current: podWith({ volumes: [vol('v', { emptyDir: {} }), vol('w', { emptyDir: {} })] }),
    patch: { spec: { volumes: [{ name: 'v', hostPath: { path: '/x' }, $retainKeys: ['hostPath', 'name'] }] } },
    want: podWith({ volumes: [vol('v', { hostPath: { path: '/x' } }), vol('w', { emptyDir: {} })] }),
  },
  {
    name: 'volumes merge by name without $retainKeys',
    current: podWith({ volumes: [vol('v', { configMap: { name: 'cm' } })] }),
    patch: { spec: { volumes: [{ name: 'v', configMap: { items: [{ key: 'k', path: 'p' }] } }] } },
    want: podWith({ volumes: [vol('v', { configMap: { name: 'cm', items: [{ key: 'k', path: 'p' }] } })] }),
  },
  {
    name: 'Deployment strategy: $retainKeys drops rollingUpdate when switching to Recreate',
    current: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' },
      spec: { replicas: 1, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } } },
    patch: { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
    want: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' },
      spec: { replicas: 1, strategy: { type: 'Recreate' } } },
    type: deployment,
  },
  {
    name: 'nulls need not be listed in $retainKeys',
    current: { metadata: { name: 'd' }, spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } },
    patch: { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: null } } },
    want: { metadata: { name: 'd' }, spec: { strategy: { type: 'Recreate' } } },
    type: deployment,
  },
];

for (const c of retainCases) test(`strategic retainKeys: ${c.name}`, () => checkStrategic(c));

