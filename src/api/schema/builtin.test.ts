// Tests for the built-in TypeInfo: structure, patch tags, list/map types, enums and defaults of Kubernetes 1.32 kinds.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builtinResources } from '../../apiserver/registry/catalog.ts';
import { typeInfoFor, type TypeInfo } from './index.ts';

function at(t: TypeInfo | undefined, ...path: string[]): TypeInfo {
  let cur = t;
  for (const p of path) {
    assert.ok(cur, `no type before ${p}`);
    cur = p === '[]' || p === '{}' ? cur.elem : cur.field?.(p);
  }
  assert.ok(cur, `no type at ${path.join('.')}`);
  return cur;
}

test('every catalog kind has type info with apiVersion, kind and metadata', () => {
  for (const r of builtinResources) {
    const t = typeInfoFor(r.group, r.version, r.kind);
    assert.ok(t, `${r.group}/${r.version} ${r.kind}`);
    assert.equal(t.kind, 'object');
    assert.equal(t.field?.('kind')?.scalar, 'string');
    assert.ok(t.field?.('metadata'), `${r.kind}.metadata`);
  }
  assert.equal(typeInfoFor('apps', 'v1', 'DeploymentList')?.field?.('items')?.elem?.definition, 'io.k8s.api.apps.v1.Deployment');
  assert.equal(typeInfoFor('apps', 'v1', 'NoSuchKind'), undefined);
});

test('Pod: containers, ports, env, volumes, tolerations carry Kubernetes patch and list metadata', () => {
  const pod = typeInfoFor('', 'v1', 'Pod');
  const containers = at(pod, 'spec', 'containers');
  assert.equal(containers.kind, 'list');
  assert.equal(containers.patchStrategy, 'merge');
  assert.equal(containers.patchMergeKey, 'name');
  assert.equal(containers.listType, 'map');
  assert.deepEqual(containers.listMapKeys, ['name']);

  const ports = at(containers, '[]', 'ports');
  assert.equal(ports.patchStrategy, 'merge');
  assert.equal(ports.patchMergeKey, 'containerPort');
  assert.equal(ports.listType, 'map');
  assert.deepEqual(ports.listMapKeys, ['containerPort', 'protocol']);
  const protocol = at(ports, '[]', 'protocol');
  assert.equal(protocol.default, 'TCP');
  assert.deepEqual(protocol.enum, ['SCTP', 'TCP', 'UDP']);
  assert.deepEqual(at(ports, '[]').required, ['containerPort']);

  const env = at(containers, '[]', 'env');
  assert.equal(env.patchMergeKey, 'name');
  assert.equal(at(containers, '[]', 'volumeMounts').patchMergeKey, 'mountPath');
  assert.equal(at(containers, '[]', 'command').listType, 'atomic');
  assert.deepEqual(at(containers, '[]', 'imagePullPolicy').enum, ['Always', 'IfNotPresent', 'Never']);

  const volumes = at(pod, 'spec', 'volumes');
  assert.equal(volumes.patchStrategy, 'merge,retainKeys');
  assert.equal(volumes.patchMergeKey, 'name');
  assert.equal(at(pod, 'spec', 'tolerations').listType, 'atomic');
  assert.equal(at(pod, 'spec', 'tolerations').patchStrategy, undefined);
  assert.equal(at(pod, 'spec', 'nodeSelector').kind, 'map');
  assert.equal(at(pod, 'spec', 'nodeSelector').mapType, 'atomic');

  const limits = at(containers, '[]', 'resources', 'limits');
  assert.equal(limits.kind, 'map');
  assert.equal(limits.elem?.format, 'quantity');
});

test('ObjectMeta: ownerReferences by uid, finalizers a merged set, timestamps are date-time', () => {
  const meta = at(typeInfoFor('', 'v1', 'ConfigMap'), 'metadata');
  const owners = at(meta, 'ownerReferences');
  assert.equal(owners.patchStrategy, 'merge');
  assert.equal(owners.patchMergeKey, 'uid');
  assert.deepEqual(owners.listMapKeys, ['uid']);
  const finalizers = at(meta, 'finalizers');
  assert.equal(finalizers.patchStrategy, 'merge');
  assert.equal(finalizers.listType, 'set');
  assert.equal(at(meta, 'creationTimestamp').format, 'date-time');
  assert.equal(at(meta, 'labels').elem?.scalar, 'string');
  assert.equal(at(meta, 'managedFields', '[]', 'fieldsV1').kind, 'any');
});

test('Deployment: strategy retainKeys, selector an atomic struct, replicas int32, template reaches PodSpec', () => {
  const d = typeInfoFor('apps', 'v1', 'Deployment');
  assert.equal(at(d, 'spec', 'strategy').patchStrategy, 'retainKeys');
  assert.deepEqual(at(d, 'spec', 'strategy', 'type').enum, ['Recreate', 'RollingUpdate']);
  assert.equal(at(d, 'spec', 'selector').mapType, 'atomic');
  assert.equal(at(d, 'spec', 'replicas').scalar, 'integer');
  assert.equal(at(d, 'spec', 'replicas').format, 'int32');
  assert.equal(at(d, 'spec', 'strategy', 'rollingUpdate', 'maxSurge').scalar, 'int-or-string');
  assert.equal(at(d, 'spec', 'template', 'spec', 'containers').patchMergeKey, 'name');
  assert.deepEqual(d?.fieldNames?.(), ['apiVersion', 'kind', 'metadata', 'spec', 'status']);
  assert.equal(at(d, 'status', 'conditions').patchMergeKey, 'type');
});

test('Service: ports merge on port, list-map keys port+protocol; Secret data is base64', () => {
  const svc = typeInfoFor('', 'v1', 'Service');
  const ports = at(svc, 'spec', 'ports');
  assert.equal(ports.patchStrategy, 'merge');
  assert.equal(ports.patchMergeKey, 'port');
  assert.equal(ports.listType, 'map');
  assert.deepEqual(ports.listMapKeys, ['port', 'protocol']);
  assert.equal(at(ports, '[]', 'targetPort').scalar, 'int-or-string');
  assert.deepEqual(at(svc, 'spec', 'type').enum, ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']);
  assert.equal(at(typeInfoFor('', 'v1', 'Secret'), 'data', '{}').format, 'byte');
});

test('nodes are shared and cycles resolve lazily (CRD JSONSchemaProps refers to itself)', () => {
  const crd = typeInfoFor('apiextensions.k8s.io', 'v1', 'CustomResourceDefinition');
  const props = at(crd, 'spec', 'versions', '[]', 'schema', 'openAPIV3Schema');
  assert.equal(at(props, 'properties', '{}'), props);
  assert.equal(at(props, 'x-kubernetes-preserve-unknown-fields').scalar, 'boolean');
  assert.equal(at(typeInfoFor('', 'v1', 'Pod'), 'metadata'), at(typeInfoFor('', 'v1', 'Service'), 'metadata'));
});
