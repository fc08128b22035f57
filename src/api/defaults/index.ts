// Defaulting entry points: the v1 scheme defaults of built-in kinds, and create-time preparation.

import type { KObject } from '../object.ts';
import * as apps from './apps.ts';
import * as batch from './batch.ts';
import * as core from './core.ts';
import { defaultPod, podQOSClass } from './core-pod.ts';
import * as other from './other.ts';
import { prepareServiceCreate, prepareServiceUpdate } from './service.ts';
import { type Obj, ensure, isObj } from './util.ts';

type Defaulter = (o: Obj, version: string) => void;

const defaulters: Record<string, Defaulter> = {
  '/Pod': defaultPod,
  '/Service': core.defaultService,
  '/Secret': core.defaultSecret,
  '/Namespace': core.defaultNamespace,
  '/Node': core.defaultNode,
  '/PersistentVolume': core.defaultPV,
  '/PersistentVolumeClaim': core.defaultPVC,
  '/Endpoints': core.defaultEndpoints,
  '/ReplicationController': core.defaultReplicationController,
  '/PodTemplate': core.defaultPodTemplate,
  '/LimitRange': core.defaultLimitRange,
  '/ResourceQuota': core.defaultResourceQuota,
  'apps/Deployment': apps.defaultDeployment,
  'apps/ReplicaSet': apps.defaultReplicaSet,
  'apps/StatefulSet': apps.defaultStatefulSet,
  'apps/DaemonSet': apps.defaultDaemonSet,
  'batch/Job': batch.defaultJob,
  'batch/CronJob': batch.defaultCronJob,
  'autoscaling/HorizontalPodAutoscaler': other.defaultHPA,
  'networking.k8s.io/NetworkPolicy': other.defaultNetworkPolicy,
  'networking.k8s.io/IngressClass': other.defaultIngressClass,
  'rbac.authorization.k8s.io/RoleBinding': other.defaultRoleBinding,
  'rbac.authorization.k8s.io/ClusterRoleBinding': other.defaultRoleBinding,
  'storage.k8s.io/StorageClass': other.defaultStorageClass,
  'scheduling.k8s.io/PriorityClass': other.defaultPriorityClass,
  'discovery.k8s.io/EndpointSlice': other.defaultEndpointSlice,
  'apiextensions.k8s.io/CustomResourceDefinition': other.defaultCRD,
};

/**
 * Applies the defaults Kubernetes 1.32 gives `group/version` `kind` (mutating `obj`), so that what is
 * stored and shown matches a real cluster. Idempotent; unknown kinds are left alone. Run it on every
 * decoded create and update body, before validation.
 */
export function applyDefaults(group: string, version: string, kind: string, obj: KObject): void {
  const f = defaulters[`${group}/${kind}`];
  if (f && isObj(obj)) f(obj as Obj, version);
}

/**
 * Create-only preparation Kubernetes does in its REST strategies, to run after name generation and
 * uid assignment and before validateCreate: a Namespace's `kubernetes` finalizer and Active phase, a
 * Pod's Pending status with its QoS class, a Service's clusterIP/clusterIPs pairing, and a Job's
 * generated selector and labels (unless `manualSelector: true`).
 */
export function prepareForCreate(group: string, kind: string, obj: KObject): void {
  if (!isObj(obj)) return;
  const o = obj as Obj;
  switch (`${group}/${kind}`) {
    case '/Namespace': {
      const spec = ensure(o, 'spec');
      const finalizers = Array.isArray(spec.finalizers) ? spec.finalizers : [];
      if (!finalizers.includes('kubernetes')) spec.finalizers = [...finalizers, 'kubernetes'];
      o.status = { phase: 'Active' };
      break;
    }
    case '/Pod':
      o.status = { phase: 'Pending', qosClass: podQOSClass(o) };
      break;
    case '/Service':
      prepareServiceCreate(o);
      break;
    case 'batch/Job':
      batch.generateJobSelector(o);
      break;
    default:
      break;
  }
}

/**
 * Update-time preparation Kubernetes does before validating an update: a Service keeps the cluster IPs,
 * node ports and health-check node port the client left out. Call after applyDefaults, before validateUpdate.
 */
export function prepareForUpdate(group: string, kind: string, obj: KObject, old: KObject): void {
  if (!isObj(obj) || !isObj(old)) return;
  if (group === '' && kind === 'Service') prepareServiceUpdate(obj as Obj, old as Obj);
}

export { podQOSClass } from './core-pod.ts';
export { generateJobSelector } from './batch.ts';
export { imageTag } from './core-pod.ts';
