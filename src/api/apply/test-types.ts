// Hand-built TypeInfo trees for apply tests: a Deployment, a Service and a ConfigMap, shaped like Kubernetes' schemas.

import type { TypeInfo } from '../schema/type-info.ts';

type Extra = Omit<Partial<TypeInfo>, 'kind' | 'field' | 'fieldNames' | 'elem'> & { default?: unknown };

export function scalar(type: TypeInfo['scalar'] = 'string', extra: Extra = {}): TypeInfo {
  return { kind: 'scalar', scalar: type, ...extra };
}

export function struct(fields: Record<string, TypeInfo>, extra: Extra = {}): TypeInfo {
  return {
    kind: 'object',
    field: (name) => fields[name],
    fieldNames: () => Object.keys(fields),
    ...extra,
  };
}

export function map(elem: TypeInfo, extra: Extra = {}): TypeInfo {
  return { kind: 'map', elem, ...extra };
}

export function list(elem: TypeInfo, extra: Extra = {}): TypeInfo {
  return { kind: 'list', elem, ...extra };
}

export const str = scalar('string');
export const int = scalar('integer');
export const bool = scalar('boolean');

const ownerReference = struct({ apiVersion: str, kind: str, name: str, uid: str, controller: bool });

export const objectMeta = struct({
  name: str,
  generateName: str,
  namespace: str,
  uid: str,
  resourceVersion: str,
  generation: int,
  creationTimestamp: str,
  labels: map(str),
  annotations: map(str),
  finalizers: list(str, { listType: 'set' }),
  ownerReferences: list(ownerReference, { listType: 'map', listMapKeys: ['uid'] }),
  managedFields: list(struct({ manager: str, operation: str, apiVersion: str, time: str, fieldsType: str, fieldsV1: { kind: 'any' }, subresource: str }), { listType: 'atomic' }),
});

const containerPort = struct({ name: str, containerPort: int, protocol: scalar('string', { default: 'TCP' }) });

export const container = struct({
  name: str,
  image: str,
  imagePullPolicy: str,
  command: list(str, { listType: 'atomic' }),
  args: list(str, { listType: 'atomic' }),
  env: list(struct({ name: str, value: str }), { listType: 'map', listMapKeys: ['name'] }),
  ports: list(containerPort, { listType: 'map', listMapKeys: ['containerPort', 'protocol'] }),
  resources: struct({ limits: map(scalar('int-or-string')), requests: map(scalar('int-or-string')) }),
  // An older-style list with only a patch strategy: Kubernetes treats it as a map keyed by mountPath.
  volumeMounts: list(struct({ name: str, mountPath: str }), { patchStrategy: 'merge', patchMergeKey: 'mountPath' }),
});

export const podSpec = struct({
  containers: list(container, { listType: 'map', listMapKeys: ['name'] }),
  nodeSelector: map(str, { mapType: 'atomic' }),
  tolerations: list(struct({ key: str, operator: str, effect: str }), { listType: 'atomic' }),
  restartPolicy: str,
});

const labelSelector = struct({ matchLabels: map(str) }, { mapType: 'atomic' });

export const deployment = struct({
  apiVersion: str,
  kind: str,
  metadata: objectMeta,
  spec: struct({
    replicas: int,
    paused: bool,
    selector: labelSelector,
    template: struct({ metadata: objectMeta, spec: podSpec }),
    strategy: struct({ type: str, rollingUpdate: struct({ maxSurge: scalar('int-or-string'), maxUnavailable: scalar('int-or-string') }) }),
  }),
  status: struct({ replicas: int, readyReplicas: int, conditions: list(struct({ type: str, status: str }), { listType: 'map', listMapKeys: ['type'] }) }),
});

export const service = struct({
  apiVersion: str,
  kind: str,
  metadata: objectMeta,
  spec: struct({
    type: str,
    selector: map(str, { mapType: 'atomic' }),
    ports: list(struct({ name: str, port: int, targetPort: scalar('int-or-string'), protocol: scalar('string', { default: 'TCP' }) }), { listType: 'map', listMapKeys: ['port', 'protocol'] }),
  }),
});

export const configMap = struct({
  apiVersion: str,
  kind: str,
  metadata: objectMeta,
  data: map(str),
  // Free-form, like a RawExtension: a leaf.
  raw: { kind: 'any' },
  // Free-form with x-kubernetes-preserve-unknown-fields: deduced, granular maps.
  extra: { kind: 'any', preserveUnknownFields: true },
});
