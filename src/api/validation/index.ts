// Validation entry points: ObjectMeta plus the rules of each built-in kind, on create and on update.

import { type FieldError, fieldErrorString } from '../errors.ts';
import type { KObject } from '../object.ts';
import { type Obj, isObj } from './access.ts';
import type { Errors } from './field.ts';
import { validateObjectMeta, validateObjectMetaUpdate } from './meta.ts';
import { type NameFn, nameIsDNS1035Label, nameIsDNSLabel, nameIsDNSSubdomain, nameIsPathSegment } from './names.ts';
import * as apps from './apps.ts';
import * as batch from './batch.ts';
import { validateCRD, validateCRDUpdate, crdNameFn } from './apiextensions.ts';
import { validateHPA } from './autoscaling.ts';
import { validateLease } from './coordination.ts';
import * as other from './core-other.ts';
import * as pod from './core-pod.ts';
import { validateEndpoints, validateService, validateServiceUpdate } from './core-service.ts';
import { validatePV, validatePVC, validatePVCUpdate, validatePVUpdate } from './core-storage.ts';
import { validateEndpointSlice, validateEndpointSliceUpdate } from './discovery.ts';
import * as net from './networking.ts';
import { validatePodDisruptionBudget } from './policy.ts';
import * as rbac from './rbac.ts';
import { validatePriorityClass, validatePriorityClassUpdate } from './scheduling.ts';
import { validateStorageClass, validateStorageClassUpdate } from './storage.ts';

export interface ValidationContext {
  /** Whether the resource is namespaced (metadata.namespace required) or cluster-scoped (forbidden). */
  namespaced: boolean;
}

interface KindRules {
  /** The metadata.name rule, or a function of the object choosing it (CRDs). */
  name: NameFn | ((o: Obj) => NameFn);
  create?: (o: Obj, group: string) => Errors;
  /** Update rules; without them, the create rules run again on the new object. */
  update?: (o: Obj, old: Obj, group: string) => Errors;
  /** The core group's extra finalizer-name rule (everything but apiextensions). */
  kubeFinalizerNames?: boolean;
  /** Virtual create-only resources (reviews) carry no validated metadata. */
  noMeta?: boolean;
}

const subdomain = nameIsDNSSubdomain;
const withSelectorImmutable = (f: (o: Obj) => Errors) => (o: Obj, old: Obj): Errors => [...f(o), ...apps.validateSelectorImmutable(o, old)];

const rules: Record<string, KindRules> = {
  '/Namespace': { name: nameIsDNSLabel, create: other.validateNamespace, update: () => [] },
  '/Pod': { name: subdomain, create: pod.validatePodCreate, update: pod.validatePodUpdate },
  '/Service': { name: nameIsDNS1035Label, create: validateService, update: validateServiceUpdate },
  '/Endpoints': { name: subdomain, create: validateEndpoints },
  '/ConfigMap': { name: subdomain, create: other.validateConfigMap, update: other.validateConfigMapUpdate },
  '/Secret': { name: subdomain, create: other.validateSecret, update: other.validateSecretUpdate },
  '/ServiceAccount': { name: subdomain },
  '/Node': { name: subdomain, create: other.validateNode, update: other.validateNodeUpdate },
  '/Event': { name: nameIsPathSegment, create: other.validateEvent, update: (o, _old, group) => other.validateEvent(o, group) },
  '/PersistentVolume': { name: subdomain, create: validatePV, update: validatePVUpdate },
  '/PersistentVolumeClaim': { name: subdomain, create: validatePVC, update: validatePVCUpdate },
  '/LimitRange': { name: subdomain, create: other.validateLimitRange },
  '/ResourceQuota': { name: subdomain, create: other.validateResourceQuota, update: other.validateResourceQuotaUpdate },
  '/ReplicationController': { name: subdomain, create: pod.validateReplicationController },
  '/PodTemplate': { name: subdomain, create: pod.validatePodTemplate },
  '/Binding': { name: nameIsPathSegment, create: pod.validateBinding },
  '/ComponentStatus': { name: nameIsPathSegment, noMeta: true },
  'apps/Deployment': { name: subdomain, create: apps.validateDeployment, update: withSelectorImmutable(apps.validateDeployment) },
  'apps/ReplicaSet': { name: subdomain, create: apps.validateReplicaSet, update: withSelectorImmutable(apps.validateReplicaSet) },
  'apps/DaemonSet': { name: subdomain, create: apps.validateDaemonSet, update: withSelectorImmutable(apps.validateDaemonSet) },
  'apps/StatefulSet': { name: nameIsDNSLabel, create: apps.validateStatefulSet, update: apps.validateStatefulSetUpdate },
  'apps/ControllerRevision': { name: subdomain, create: apps.validateControllerRevision, update: apps.validateControllerRevisionUpdate },
  'batch/Job': { name: subdomain, create: batch.validateJob, update: batch.validateJobUpdate },
  'batch/CronJob': { name: subdomain, create: batch.validateCronJob, update: batch.validateCronJobUpdate },
  'autoscaling/HorizontalPodAutoscaler': { name: subdomain, create: validateHPA },
  'networking.k8s.io/Ingress': { name: subdomain, create: net.validateIngressCreate, update: net.validateIngress },
  'networking.k8s.io/IngressClass': { name: subdomain, create: net.validateIngressClass, update: net.validateIngressClassUpdate },
  'networking.k8s.io/NetworkPolicy': { name: subdomain, create: net.validateNetworkPolicy },
  'discovery.k8s.io/EndpointSlice': { name: subdomain, create: validateEndpointSlice, update: validateEndpointSliceUpdate },
  'coordination.k8s.io/Lease': { name: subdomain, create: validateLease },
  'rbac.authorization.k8s.io/Role': { name: nameIsPathSegment, create: rbac.validateRole },
  'rbac.authorization.k8s.io/ClusterRole': { name: nameIsPathSegment, create: rbac.validateClusterRole },
  'rbac.authorization.k8s.io/RoleBinding': {
    name: nameIsPathSegment, create: rbac.validateRoleBinding,
    update: (o, old) => [...rbac.validateRoleBinding(o), ...rbac.validateRoleRefUpdate(o, old)],
  },
  'rbac.authorization.k8s.io/ClusterRoleBinding': {
    name: nameIsPathSegment, create: rbac.validateClusterRoleBinding,
    update: (o, old) => [...rbac.validateClusterRoleBinding(o), ...rbac.validateRoleRefUpdate(o, old)],
  },
  'storage.k8s.io/StorageClass': { name: subdomain, create: validateStorageClass, update: (o, old) => [...validateStorageClass(o), ...validateStorageClassUpdate(o, old)] },
  'policy/PodDisruptionBudget': { name: subdomain, create: validatePodDisruptionBudget },
  'scheduling.k8s.io/PriorityClass': { name: subdomain, create: validatePriorityClass, update: validatePriorityClassUpdate },
  'events.k8s.io/Event': { name: subdomain, create: other.validateEvent, update: () => [] },
  'apiextensions.k8s.io/CustomResourceDefinition': { name: crdNameFn, create: validateCRD, update: validateCRDUpdate, kubeFinalizerNames: false },
};

const virtualGroups = new Set(['authorization.k8s.io', 'authentication.k8s.io']);

function rulesFor(group: string, kind: string): KindRules {
  if (virtualGroups.has(group)) return { name: nameIsPathSegment, noMeta: true };
  return rules[`${group}/${kind}`] ?? { name: nameIsPathSegment };
}

function nameFnFor(r: KindRules, o: Obj): NameFn {
  return r.name === crdNameFn ? crdNameFn(o) : (r.name as NameFn);
}

/** Drops repeated errors (same rendered text), as Kubernetes' aggregate does. */
function dedupe(errs: Errors): FieldError[] {
  const seen = new Set<string>();
  return errs.filter((e) => {
    const k = `${e.type}|${fieldErrorString(e)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function asObj(o: KObject): Obj {
  return isObj(o) ? (o as Obj) : {};
}

/** Field errors for a new object (after defaulting and name generation); empty when valid. */
export function validateCreate(group: string, kind: string, obj: KObject, ctx: ValidationContext): FieldError[] {
  const o = asObj(obj);
  const r = rulesFor(group, kind);
  const errs: Errors = [];
  if (!r.noMeta) {
    errs.push(...validateObjectMeta(isObj(o.metadata) ? o.metadata : undefined, {
      namespaced: ctx.namespaced, nameFn: nameFnFor(r, o), kubeFinalizerNames: r.kubeFinalizerNames ?? true,
    }));
  }
  if (r.create) errs.push(...r.create(o, group));
  return dedupe(errs);
}

/**
 * Field errors for replacing `old` with `obj`. As in Kubernetes, call it after the store has carried
 * over uid, creationTimestamp, generation and (for unconditional updates) resourceVersion from `old`.
 */
export function validateUpdate(group: string, kind: string, obj: KObject, old: KObject, ctx: ValidationContext): FieldError[] {
  const o = asObj(obj);
  const prev = asObj(old);
  const r = rulesFor(group, kind);
  if (r.noMeta) return [];
  const meta = isObj(o.metadata) ? o.metadata : undefined;
  const kubeFinalizerNames = r.kubeFinalizerNames ?? true;
  const errs: Errors = [
    ...validateObjectMetaUpdate(meta, isObj(prev.metadata) ? prev.metadata : undefined, 'metadata', kubeFinalizerNames),
    ...validateObjectMeta(meta, { namespaced: ctx.namespaced, nameFn: nameIsPathSegment, kubeFinalizerNames }),
  ];
  if (r.update) errs.push(...r.update(o, prev, group));
  else if (r.create) errs.push(...r.create(o, group));
  return dedupe(errs);
}

export { validateObjectMeta, validateObjectMetaUpdate } from './meta.ts';
export { cronScheduleError } from './cron.ts';
export * as names from './names.ts';
