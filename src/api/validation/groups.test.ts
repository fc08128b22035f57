// Tests for the smaller groups: networking, rbac, policy, scheduling, storage, coordination, discovery, autoscaling, CRDs.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../object.ts';
import { createErrors, stored, updateErrors } from './test-helpers.ts';

const meta = (name: string) => ({ name, namespace: 'default' });
const backend = { service: { name: 'web', port: { number: 80 } } };

describe('networking.k8s.io', () => {
  const ingress = (paths: unknown[]): KObject => ({ metadata: meta('web'), spec: { rules: [{ host: 'shop.example.com', http: { paths } }] } });
  it('accepts prefix paths and requires pathType', () => {
    assert.deepEqual(createErrors('networking.k8s.io', 'Ingress', ingress([{ path: '/', pathType: 'Prefix', backend }])), []);
    assert.deepEqual(createErrors('networking.k8s.io', 'Ingress', ingress([{ path: '/', backend }])),
      ['spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified']);
  });
  it('checks paths, path types and backends', () => {
    assert.deepEqual(createErrors('networking.k8s.io', 'Ingress', ingress([
      { path: 'api', pathType: 'Exact', backend },
      { path: '/a//b', pathType: 'Prefix', backend: { service: { name: 'web', port: {} } } },
      { path: '/', pathType: 'Regex', backend },
    ])), [
      'spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path',
      "spec.rules[0].http.paths[1].path: Invalid value: \"/a//b\": must not contain '//'",
      'spec.rules[0].http.paths[1].backend: Required value: port name or number is required',
      'spec.rules[0].http.paths[2].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"',
    ]);
  });
  it('requires rules or a default backend; hosts are DNS names', () => {
    assert.deepEqual(createErrors('networking.k8s.io', 'Ingress', { metadata: meta('x'), spec: {} }),
      ['spec: Invalid value: null: either `defaultBackend` or `rules` must be specified']);
    assert.deepEqual(createErrors('networking.k8s.io', 'Ingress', { metadata: meta('x'), spec: { rules: [{ host: '10.0.0.1' }] } }),
      ['spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address']);
  });
  it('checks network policy peers and defaults policyTypes', () => {
    const np: KObject = { metadata: meta('np'), spec: { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.1.0.0/24'] } }, {}] }] } };
    assert.deepEqual(createErrors('networking.k8s.io', 'NetworkPolicy', np), [
      'spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "10.1.0.0/24": must be a strict subset of `cidr`',
      'spec.ingress[0].from[1]: Required value: must specify a peer',
    ]);
    assert.deepEqual((np.spec as { policyTypes: string[] }).policyTypes, ['Ingress']);
  });
});

describe('rbac.authorization.k8s.io', () => {
  it('checks policy rules', () => {
    assert.deepEqual(createErrors('rbac.authorization.k8s.io', 'Role', { metadata: meta('r'), rules: [{ resources: ['pods'] }, { nonResourceURLs: ['/healthz'], verbs: ['get'] }] }), [
      'rules[0].verbs: Required value: verbs must contain at least one value',
      'rules[0].apiGroups: Required value: resource rules must supply at least one api group',
      'rules[1].nonResourceURLs: Invalid value: ["/healthz"]: namespaced rules cannot apply to non-resource URLs',
    ]);
  });
  it('checks role references and subjects, and keeps roleRef immutable', () => {
    const crb: KObject = { metadata: { name: 'admins' }, roleRef: { kind: 'Role', name: 'admin' }, subjects: [{ kind: 'ServiceAccount', name: 'ci' }, { kind: 'Robot', name: 'x' }] };
    assert.deepEqual(createErrors('rbac.authorization.k8s.io', 'ClusterRoleBinding', crb, false), [
      'roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"',
      'subjects[0].namespace: Required value',
      'subjects[1].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"',
    ]);
    const old = stored('rbac.authorization.k8s.io', 'RoleBinding', { metadata: meta('rb'), roleRef: { kind: 'Role', name: 'a' }, subjects: [] });
    const next = { ...structuredClone(old), roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'b' } };
    assert.deepEqual(updateErrors('rbac.authorization.k8s.io', 'RoleBinding', next, old),
      ['roleRef: Invalid value: {"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"b"}: cannot change roleRef']);
  });
});

describe('policy, scheduling, storage, coordination, discovery', () => {
  it('PodDisruptionBudget: minAvailable xor maxUnavailable', () => {
    assert.deepEqual(createErrors('policy', 'PodDisruptionBudget', { metadata: meta('pdb'), spec: { minAvailable: 1, maxUnavailable: '200%' } }), [
      'spec: Invalid value: {"minAvailable":1,"maxUnavailable":"200%"}: minAvailable and maxUnavailable cannot be both set',
      'spec.maxUnavailable: Invalid value: "200%": must not be greater than 100%',
    ]);
  });
  it('PriorityClass: reserved names, value ceiling, immutable value', () => {
    assert.deepEqual(createErrors('scheduling.k8s.io', 'PriorityClass', { metadata: { name: 'huge' }, value: 2000000000 }, false),
      ['value: Forbidden: maximum allowed value of a user defined priority is 1000000000']);
    assert.deepEqual(createErrors('scheduling.k8s.io', 'PriorityClass', { metadata: { name: 'system-mine' }, value: 1 }, false),
      ["metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class"]);
    const old = stored('scheduling.k8s.io', 'PriorityClass', { metadata: { name: 'high' }, value: 1000 });
    assert.deepEqual(updateErrors('scheduling.k8s.io', 'PriorityClass', { ...structuredClone(old), value: 2000 }, old, false),
      ['value: Forbidden: may not be changed in an update.']);
  });
  it('StorageClass: provisioner required, parameters frozen', () => {
    assert.deepEqual(createErrors('storage.k8s.io', 'StorageClass', { metadata: { name: 'fast' }, reclaimPolicy: 'Recycle' }, false), [
      'provisioner: Required value',
      'reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"',
    ]);
    const old = stored('storage.k8s.io', 'StorageClass', { metadata: { name: 'fast' }, provisioner: 'example.com/csi', parameters: { type: 'ssd' } });
    assert.deepEqual(updateErrors('storage.k8s.io', 'StorageClass', { ...structuredClone(old), parameters: { type: 'hdd' } }, old, false),
      ['parameters: Forbidden: updates to parameters are forbidden.']);
  });
  it('Lease durations are positive', () => {
    assert.deepEqual(createErrors('coordination.k8s.io', 'Lease', { metadata: meta('l'), spec: { leaseDurationSeconds: 0 } }),
      ['spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0']);
  });
  it('EndpointSlice address types and addresses', () => {
    assert.deepEqual(createErrors('discovery.k8s.io', 'EndpointSlice', { metadata: meta('s'), addressType: 'IPv4', endpoints: [{ addresses: ['fd00::1'] }] }),
      ['endpoints[0].addresses[0]: Invalid value: "fd00::1": must be a valid IPv4 address']);
    assert.deepEqual(createErrors('discovery.k8s.io', 'EndpointSlice', { metadata: meta('s'), addressType: 'IP', endpoints: [] }),
      ['addressType: Unsupported value: "IP": supported values: "FQDN", "IPv4", "IPv6"']);
  });
});

describe('autoscaling and apiextensions', () => {
  it('HPA replica bounds and target reference', () => {
    assert.deepEqual(createErrors('autoscaling', 'HorizontalPodAutoscaler', { metadata: meta('h'), spec: { minReplicas: 5, maxReplicas: 2, scaleTargetRef: { kind: 'Deployment' } } }), [
      'spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`',
      'spec.scaleTargetRef.name: Required value',
    ]);
  });
  const crd = (spec: Record<string, unknown>, name = 'widgets.example.com'): KObject => ({
    metadata: { name },
    spec: {
      group: 'example.com', scope: 'Namespaced', names: { plural: 'widgets', kind: 'Widget' },
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object' } } }], ...spec,
    },
  });
  it('accepts a minimal CRD', () => {
    assert.deepEqual(createErrors('apiextensions.k8s.io', 'CustomResourceDefinition', crd({}), false), []);
  });
  it('requires the plural.group name, exactly one storage version and schemas', () => {
    assert.deepEqual(createErrors('apiextensions.k8s.io', 'CustomResourceDefinition', crd({}, 'widget.example.com'), false),
      ['metadata.name: Invalid value: "widget.example.com": must be spec.names.plural+"."+spec.group']);
    const two = crd({ versions: [{ name: 'v1', served: true, storage: true }, { name: 'v2', served: true, storage: true, schema: { openAPIV3Schema: { type: 'string' } } }] });
    assert.deepEqual(createErrors('apiextensions.k8s.io', 'CustomResourceDefinition', two, false), [
      'spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required',
      'spec.versions[1].schema.openAPIV3Schema.type: Invalid value: "string": must be object at the root',
      'spec.versions: Invalid value: [{"name":"v1","served":true,"storage":true},{"name":"v2","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"string"}}}]: must have exactly one version marked as storage version',
      'status.storedVersions: Invalid value: {"name":"v2","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"string"}}}: must have the storage version v2',
    ]);
  });
  it('checks group, scope and structural property types', () => {
    const bad = crd({ group: 'example', scope: 'Global', versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: {} } } } }] }, 'widgets.example');
    assert.deepEqual(createErrors('apiextensions.k8s.io', 'CustomResourceDefinition', bad, false), [
      'spec.group: Invalid value: "example": should be a domain with at least one dot',
      'spec.scope: Unsupported value: "Global": supported values: "Cluster", "Namespaced"',
      'spec.versions[0].schema.openAPIV3Schema.properties[spec].type: Required value: must not be empty for specified object fields',
    ]);
  });
});
