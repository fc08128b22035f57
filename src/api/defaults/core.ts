// Core v1 defaults other than pods: Services, Secrets, Namespaces, Nodes, volumes, controllers, limits, quotas.

import { type Obj, defaultResourceList, ensure, get, isObj, items, setIfEmpty, setIfNil } from './util.ts';
import { defaultPVCSpec, defaultPodTemplateSpec } from './core-pod.ts';

/** SetDefaults_Service, plus the single-stack IPv4 family fields the allocator fills for non-ExternalName services. */
export function defaultService(svc: Obj): void {
  const spec = ensure(svc, 'spec');
  setIfEmpty(spec, 'sessionAffinity', 'None');
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const clientIP = get(get(spec, 'sessionAffinityConfig'), 'clientIP');
    if (typeof clientIP?.timeoutSeconds !== 'number') spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  setIfEmpty(spec, 'type', 'ClusterIP');
  for (const port of items(spec, 'ports')) {
    setIfEmpty(port, 'protocol', 'TCP');
    if (port.targetPort === undefined || port.targetPort === null || port.targetPort === 0 || port.targetPort === '') {
      port.targetPort = port.port;
    }
  }
  const type = spec.type;
  const externalIPs = Array.isArray(spec.externalIPs) ? spec.externalIPs : [];
  const externallyAccessible = type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && externalIPs.length > 0);
  if (externallyAccessible) setIfEmpty(spec, 'externalTrafficPolicy', 'Cluster');
  if (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP') setIfNil(spec, 'internalTrafficPolicy', 'Cluster');
  if (type === 'LoadBalancer') setIfNil(spec, 'allocateLoadBalancerNodePorts', true);
  if (type !== 'ExternalName') {
    const families = Array.isArray(spec.ipFamilies) ? spec.ipFamilies : [];
    if (families.length === 0) spec.ipFamilies = ['IPv4'];
    if ((spec.ipFamilies as unknown[]).length === 1) setIfNil(spec, 'ipFamilyPolicy', 'SingleStack');
  }
  if (type === 'LoadBalancer') {
    for (const ing of items(get(svc.status, 'loadBalancer'), 'ingress')) if (ing.ip && !ing.ipMode) ing.ipMode = 'VIP';
  }
}

/** SetDefaults_Secret, and the v1 conversion that folds `stringData` into base64 `data`. */
export function defaultSecret(secret: Obj): void {
  setIfEmpty(secret, 'type', 'Opaque');
  const stringData = get(secret, 'stringData');
  if (stringData) {
    const data = ensure(secret, 'data');
    for (const [k, v] of Object.entries(stringData)) data[k] = Buffer.from(typeof v === 'string' ? v : String(v ?? ''), 'utf8').toString('base64');
    delete secret.stringData;
  }
}

/** SetDefaults_Namespace and its status: the kubernetes.io/metadata.name label and phase Active. */
export function defaultNamespace(ns: Obj): void {
  const meta = ensure(ns, 'metadata');
  if (typeof meta.name === 'string' && meta.name) ensure(meta, 'labels')['kubernetes.io/metadata.name'] = meta.name;
  setIfEmpty(ensure(ns, 'status'), 'phase', 'Active');
}

export function defaultNode(node: Obj): void {
  const status = get(node, 'status');
  if (!status) return;
  defaultResourceList(status, 'capacity');
  defaultResourceList(status, 'allocatable');
  if (!isObj(status.allocatable) && isObj(status.capacity)) status.allocatable = { ...status.capacity };
}

export function defaultPV(pv: Obj): void {
  setIfEmpty(ensure(pv, 'status'), 'phase', 'Pending');
  const spec = ensure(pv, 'spec');
  setIfEmpty(spec, 'persistentVolumeReclaimPolicy', 'Retain');
  setIfNil(spec, 'volumeMode', 'Filesystem');
  defaultResourceList(spec, 'capacity');
  const hostPath = get(spec, 'hostPath');
  if (hostPath) setIfNil(hostPath, 'type', '');
}

export function defaultPVC(pvc: Obj): void {
  setIfEmpty(ensure(pvc, 'status'), 'phase', 'Pending');
  defaultPVCSpec(ensure(pvc, 'spec'));
  const status = get(pvc, 'status');
  defaultResourceList(status, 'capacity');
  defaultResourceList(status, 'allocatedResources');
}

export function defaultEndpoints(ep: Obj): void {
  for (const ss of items(ep, 'subsets')) for (const p of items(ss, 'ports')) setIfEmpty(p, 'protocol', 'TCP');
}

/** SetDefaults_ReplicationController: selector and labels from the template, one replica. */
export function defaultReplicationController(rc: Obj): void {
  const spec = ensure(rc, 'spec');
  const labels = get(get(get(spec, 'template'), 'metadata'), 'labels');
  if (labels) {
    if (!isObj(spec.selector) || Object.keys(spec.selector).length === 0) spec.selector = { ...labels };
    const meta = ensure(rc, 'metadata');
    if (!isObj(meta.labels) || Object.keys(meta.labels).length === 0) meta.labels = { ...labels };
  }
  setIfNil(spec, 'replicas', 1);
  defaultPodTemplateSpec(get(spec, 'template'));
}

export function defaultPodTemplate(pt: Obj): void {
  defaultPodTemplateSpec(get(pt, 'template'));
}

/** SetDefaults_LimitRangeItem: container defaults fall back to max, default requests to defaults then min. */
export function defaultLimitRange(lr: Obj): void {
  for (const item of items(get(lr, 'spec'), 'limits')) {
    for (const k of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) defaultResourceList(item, k);
    if (item.type !== 'Container') continue;
    const def = ensure(item, 'default');
    const defReq = ensure(item, 'defaultRequest');
    for (const [k, v] of Object.entries(get(item, 'max') ?? {})) if (!(k in def)) def[k] = v;
    for (const [k, v] of Object.entries(def)) if (!(k in defReq)) defReq[k] = v;
    for (const [k, v] of Object.entries(get(item, 'min') ?? {})) if (!(k in defReq)) defReq[k] = v;
  }
}

export function defaultResourceQuota(rq: Obj): void {
  defaultResourceList(get(rq, 'spec'), 'hard');
  defaultResourceList(get(rq, 'status'), 'hard');
  defaultResourceList(get(rq, 'status'), 'used');
}
