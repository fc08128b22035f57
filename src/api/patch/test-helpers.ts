// Test helpers for the patch tests: hand-built TypeInfo trees (Pod, Deployment) with the real patch tags, case runners.

import assert from 'node:assert/strict';
import type { KObject } from '../object.ts';
import type { TypeInfo } from '../schema/type-info.ts';
import { applyStrategicMergePatch } from './strategic.ts';

export const scalar: TypeInfo = { kind: 'scalar', scalar: 'string' };
export const anyJson: TypeInfo = { kind: 'any' };

export function struct(fields: Record<string, TypeInfo>, tags: Partial<TypeInfo> = {}): TypeInfo {
  return {
    kind: 'object',
    field: (name) => (Object.hasOwn(fields, name) ? fields[name] : undefined),
    fieldNames: () => Object.keys(fields),
    ...tags,
  };
}

export function mapOf(elem: TypeInfo, tags: Partial<TypeInfo> = {}): TypeInfo {
  return { kind: 'map', elem, ...tags };
}

export function listOf(elem: TypeInfo, patchStrategy?: string, patchMergeKey?: string): TypeInfo {
  return { kind: 'list', elem, ...(patchStrategy ? { patchStrategy } : {}), ...(patchMergeKey ? { patchMergeKey } : {}) };
}

const ownerReference = struct({ apiVersion: scalar, kind: scalar, name: scalar, uid: scalar, controller: scalar });

export const objectMeta = struct({
  name: scalar,
  namespace: scalar,
  uid: scalar,
  resourceVersion: scalar,
  labels: mapOf(scalar),
  annotations: mapOf(scalar),
  finalizers: listOf(scalar, 'merge'),
  ownerReferences: listOf(ownerReference, 'merge', 'uid'),
});

const containerPort = struct({ name: scalar, containerPort: scalar, protocol: scalar, hostPort: scalar });
const envVar = struct({ name: scalar, value: scalar, valueFrom: struct({ fieldRef: struct({ fieldPath: scalar }) }) });
const volumeMount = struct({ name: scalar, mountPath: scalar, readOnly: scalar });

export const container = struct({
  name: scalar,
  image: scalar,
  command: listOf(scalar),
  args: listOf(scalar),
  ports: listOf(containerPort, 'merge', 'containerPort'),
  env: listOf(envVar, 'merge', 'name'),
  volumeMounts: listOf(volumeMount, 'merge', 'mountPath'),
  resources: struct({ limits: mapOf(scalar), requests: mapOf(scalar) }),
});

export const volume = struct({
  name: scalar,
  emptyDir: struct({ medium: scalar, sizeLimit: scalar }),
  hostPath: struct({ path: scalar, type: scalar }),
  configMap: struct({ name: scalar, items: listOf(struct({ key: scalar, path: scalar })) }),
  secret: struct({ secretName: scalar }),
});

const toleration = struct({ key: scalar, operator: scalar, value: scalar, effect: scalar });

export const podSpec = struct({
  containers: listOf(container, 'merge', 'name'),
  initContainers: listOf(container, 'merge', 'name'),
  volumes: listOf(volume, 'merge,retainKeys', 'name'),
  nodeSelector: mapOf(scalar),
  tolerations: listOf(toleration),
  affinity: struct({ nodeAffinity: anyJson }),
  // Not in the real PodSpec: free-form JSON to exercise the untyped fallback.
  extra: anyJson,
});

export const pod = struct({
  apiVersion: scalar,
  kind: scalar,
  metadata: objectMeta,
  spec: podSpec,
  status: struct({
    phase: scalar,
    conditions: listOf(struct({ type: scalar, status: scalar, reason: scalar }), 'merge', 'type'),
  }),
});

export const deployment = struct({
  apiVersion: scalar,
  kind: scalar,
  metadata: objectMeta,
  spec: struct({
    replicas: scalar,
    selector: struct({ matchLabels: mapOf(scalar) }),
    strategy: struct({
      type: scalar,
      rollingUpdate: struct({ maxSurge: scalar, maxUnavailable: scalar }),
    }, { patchStrategy: 'retainKeys' }),
    template: struct({ metadata: objectMeta, spec: podSpec }),
  }),
});

/** Freezes a value and everything in it, so a test fails if a patch engine writes to its inputs. */
export function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null) {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

/** A strategic merge patch case: the patch applied to `current` under `type` (default Pod; null: no TypeInfo). */
export interface SmpCase {
  name: string;
  current: KObject;
  patch: unknown;
  want: KObject;
  type?: TypeInfo | null;
}

/** Applies the patch to frozen inputs, checks the result and that neither input was changed. */
export function checkStrategic(c: SmpCase): void {
  const current = structuredClone(c.current);
  const patch = structuredClone(c.patch);
  const got = applyStrategicMergePatch(deepFreeze(c.current), deepFreeze(c.patch), c.type === null ? undefined : (c.type ?? pod));
  assert.deepStrictEqual(got, c.want);
  assert.deepStrictEqual(c.current, current, 'current was changed');
  assert.deepStrictEqual(c.patch, patch, 'patch was changed');
}

export const ctr = (name: string, image = `${name}:1`, extra: Record<string, unknown> = {}): Record<string, unknown> =>
  ({ name, image, ...extra });
export const podWith = (spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'p' }): KObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata, spec });
export const containers = (...cs: unknown[]): KObject => podWith({ containers: cs });
export const vol = (name: string, source: Record<string, unknown>): Record<string, unknown> => ({ name, ...source });
