// Defaults of the smaller groups: networking, autoscaling, rbac, storage, scheduling, discovery, apiextensions.

import { type Obj, canonicalQuantityField, ensure, get, items, setIfEmpty, setIfNil } from './util.ts';

export function defaultNetworkPolicy(np: Obj): void {
  const spec = ensure(np, 'spec');
  for (const dir of ['ingress', 'egress']) for (const rule of items(spec, dir)) for (const p of items(rule, 'ports')) setIfNil(p, 'protocol', 'TCP');
  if (!Array.isArray(spec.policyTypes) || spec.policyTypes.length === 0) {
    spec.policyTypes = Array.isArray(spec.egress) && spec.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  }
}

export function defaultIngressClass(ic: Obj): void {
  const params = get(get(ic, 'spec'), 'parameters');
  if (params) setIfNil(params, 'scope', 'Cluster');
}

function scalingRules(from: Obj | undefined, defaults: Obj): Obj {
  if (!from) return defaults;
  const out: Obj = { ...defaults };
  if (from.selectPolicy !== undefined && from.selectPolicy !== null) out.selectPolicy = from.selectPolicy;
  if (from.stabilizationWindowSeconds !== undefined && from.stabilizationWindowSeconds !== null) out.stabilizationWindowSeconds = from.stabilizationWindowSeconds;
  if (Array.isArray(from.policies)) out.policies = from.policies;
  if (from.tolerance !== undefined && from.tolerance !== null) out.tolerance = from.tolerance;
  return out;
}

/** autoscaling/v2 (and v1) HPA defaults: one minimum replica; v2 adds 80% CPU and filled-in behavior. */
export function defaultHPA(hpa: Obj, version: string): void {
  const spec = ensure(hpa, 'spec');
  setIfNil(spec, 'minReplicas', 1);
  if (version === 'v1') return;
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
  }
  for (const m of items(spec, 'metrics')) {
    for (const src of ['resource', 'containerResource', 'pods', 'object', 'external']) {
      const target = get(get(m, src), 'target');
      if (target) for (const f of ['value', 'averageValue']) canonicalQuantityField(target, f);
    }
  }
  const behavior = get(spec, 'behavior');
  if (behavior) {
    behavior.scaleUp = scalingRules(get(behavior, 'scaleUp'), {
      stabilizationWindowSeconds: 0, selectPolicy: 'Max',
      policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }],
    });
    behavior.scaleDown = scalingRules(get(behavior, 'scaleDown'), {
      selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
    });
  }
}

export function defaultRoleBinding(rb: Obj): void {
  setIfEmpty(ensure(rb, 'roleRef'), 'apiGroup', 'rbac.authorization.k8s.io');
  for (const subject of items(rb, 'subjects')) {
    if (subject.apiGroup) continue;
    if (subject.kind === 'ServiceAccount') subject.apiGroup = '';
    else if (subject.kind === 'User' || subject.kind === 'Group') subject.apiGroup = 'rbac.authorization.k8s.io';
  }
}

export function defaultStorageClass(sc: Obj): void {
  setIfNil(sc, 'reclaimPolicy', 'Delete');
  setIfNil(sc, 'volumeBindingMode', 'Immediate');
}

export function defaultPriorityClass(pc: Obj): void {
  setIfNil(pc, 'preemptionPolicy', 'PreemptLowerPriority');
}

export function defaultEndpointSlice(slice: Obj): void {
  for (const p of items(slice, 'ports')) {
    setIfNil(p, 'name', '');
    setIfNil(p, 'protocol', 'TCP');
  }
}

/** apiextensions/v1: singular and listKind names, conversion None, webhook port 443, storedVersions. */
export function defaultCRD(crd: Obj): void {
  const spec = ensure(crd, 'spec');
  const names = ensure(spec, 'names');
  const kind = typeof names.kind === 'string' ? names.kind : '';
  setIfEmpty(names, 'singular', kind.toLowerCase());
  if (kind) setIfEmpty(names, 'listKind', `${kind}List`);
  setIfNil(spec, 'conversion', { strategy: 'None' });
  const service = get(get(get(get(spec, 'conversion'), 'webhook'), 'clientConfig'), 'service');
  if (service) setIfNil(service, 'port', 443);
  const status = ensure(crd, 'status');
  if (!Array.isArray(status.storedVersions) || status.storedVersions.length === 0) {
    const storage = items(spec, 'versions').find((v) => v.storage === true);
    if (storage) status.storedVersions = [storage.name];
  }
}
