// Per-kind behaviour the generic store cannot infer: status handling, graceful deletion, selectable fields.

import type { KObject } from '../../api/object.ts';
import type { Strategy } from './resource-def.ts';

type Obj = Record<string, unknown>;
const spec = (o: KObject) => (o.spec ?? {}) as Obj;
const status = (o: KObject) => (o.status ?? {}) as Obj;

const podStrategy: Strategy = {
  fields(obj) {
    return {
      'spec.nodeName': String(spec(obj).nodeName ?? ''),
      'spec.restartPolicy': String(spec(obj).restartPolicy ?? ''),
      'spec.schedulerName': String(spec(obj).schedulerName ?? ''),
      'spec.serviceAccountName': String(spec(obj).serviceAccountName ?? ''),
      'spec.hostNetwork': String(spec(obj).hostNetwork ?? false),
      'status.phase': String(status(obj).phase ?? ''),
      'status.podIP': String(status(obj).podIP ?? ''),
      'status.nominatedNodeName': String(status(obj).nominatedNodeName ?? ''),
    };
  },
  /** Pods on a node get their grace period so the kubelet can stop them; unscheduled pods go at once. */
  gracePeriod(obj, requested) {
    if (!spec(obj).nodeName) return 0;
    const phase = status(obj).phase;
    if (phase === 'Succeeded' || phase === 'Failed') return 0;
    const g = requested ?? (spec(obj).terminationGracePeriodSeconds as number | undefined) ?? 30;
    return Math.max(0, g === 0 && requested === 0 ? 0 : g);
  },
};

const namespaceStrategy: Strategy = {
  holdsDeletion(obj) {
    const f = spec(obj).finalizers;
    return Array.isArray(f) && f.length > 0;
  },
  prepareDelete(obj) {
    obj.status = { ...status(obj), phase: 'Terminating' };
  },
  fields(obj) {
    return { 'status.phase': String(status(obj).phase ?? '') };
  },
};

const eventStrategy: Strategy = {
  fields(obj) {
    const io = (obj.involvedObject ?? {}) as Obj;
    const src = (obj.source ?? {}) as Obj;
    return {
      'involvedObject.kind': String(io.kind ?? ''), 'involvedObject.namespace': String(io.namespace ?? ''),
      'involvedObject.name': String(io.name ?? ''), 'involvedObject.uid': String(io.uid ?? ''),
      'involvedObject.apiVersion': String(io.apiVersion ?? ''), 'involvedObject.resourceVersion': String(io.resourceVersion ?? ''),
      'involvedObject.fieldPath': String(io.fieldPath ?? ''), reason: String(obj.reason ?? ''),
      reportingComponent: String(obj.reportingComponent ?? ''), source: String(src.component ?? ''), type: String(obj.type ?? ''),
    };
  },
};

const secretStrategy: Strategy = {
  fields(obj) {
    return { type: String(obj.type ?? '') };
  },
};

const nodeStrategy: Strategy = {
  fields(obj) {
    return { 'spec.unschedulable': String(spec(obj).unschedulable ?? false) };
  },
};

const replicaSetStrategy: Strategy = {
  fields(obj) {
    return { 'status.replicas': String(status(obj).replicas ?? 0) };
  },
};

const jobStrategy: Strategy = {
  fields(obj) {
    return { 'status.successful': String(status(obj).succeeded ?? 0) };
  },
};

const csrStrategy: Strategy = {
  fields(obj) {
    return { 'spec.signerName': String(spec(obj).signerName ?? '') };
  },
};

const keyed: Record<string, Strategy> = {
  'certificates.k8s.io/certificatesigningrequests': csrStrategy,
  '/pods': podStrategy,
  '/namespaces': namespaceStrategy,
  '/events': eventStrategy,
  '/secrets': secretStrategy,
  '/nodes': nodeStrategy,
  '/replicationcontrollers': replicaSetStrategy,
  'apps/replicasets': replicaSetStrategy,
  'batch/jobs': jobStrategy,
};

export function kindStrategy(group: string, resource: string): Strategy {
  return keyed[`${group}/${resource}`] ?? {};
}
