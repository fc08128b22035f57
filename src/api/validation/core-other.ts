// ConfigMaps, Secrets, Namespaces, Nodes, LimitRanges, ResourceQuotas and Events.

import { type Obj, bool, obj, objs, s, str, strMap, strs } from './access.ts';
import {
  type Errors, child, deepEqual, duplicate, forbidden, immutable, index, invalid, key, required, tooLong,
} from './field.ts';
import { validateFinalizers, validateObjectMetaUpdate, validateQualifiedName } from './meta.ts';
import { byteLength, isConfigMapKey, isDNS1123Subdomain, isValidCIDR, parseCIDR } from './names.ts';
import { isHugePageResourceName, resourceList, validateContainerResourceName, validateResourceName, validateResourceQuantityValue } from './resources.ts';
import { validateTaints } from './core-affinity.ts';
import type { Quantity } from '../quantity.ts';

export const maxSecretSize = 1024 * 1024;

function base64Length(v: unknown): number {
  return typeof v === 'string' ? Buffer.from(v, 'base64').length : 0;
}

export function validateConfigMap(cm: Obj): Errors {
  const errs: Errors = [];
  const data = strMap(cm, 'data');
  const binary = obj(cm, 'binaryData') ?? {};
  let total = 0;
  for (const [k, v] of Object.entries(data)) {
    for (const m of isConfigMapKey(k)) errs.push(invalid(key('data', k), k, m));
    if (k in binary) errs.push(invalid(key('data', k), k, 'duplicate of key present in binaryData'));
    total += byteLength(v);
  }
  for (const [k, v] of Object.entries(binary)) {
    for (const m of isConfigMapKey(k)) errs.push(invalid(key('binaryData', k), k, m));
    total += base64Length(v);
  }
  if (total > maxSecretSize) errs.push(tooLong('', maxSecretSize));
  return errs;
}

function immutableData(next: Obj, prev: Obj, fields: string[]): Errors {
  if (bool(prev, 'immutable') !== true) return [];
  const errs: Errors = [];
  if (bool(next, 'immutable') !== true) errs.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
  for (const f of fields) if (!deepEqual(next[f], prev[f])) errs.push(forbidden(f, 'field is immutable when `immutable` is set'));
  return errs;
}

export function validateConfigMapUpdate(cm: Obj, old: Obj): Errors {
  return [...immutableData(cm, old, ['data', 'binaryData']), ...validateConfigMap(cm)];
}

export function validateSecret(secret: Obj): Errors {
  const errs: Errors = [];
  const data = obj(secret, 'data') ?? {};
  let total = 0;
  for (const [k, v] of Object.entries(data)) {
    for (const m of isConfigMapKey(k)) errs.push(invalid(key('data', k), k, m));
    total += base64Length(v);
  }
  if (total > maxSecretSize) errs.push(tooLong('data', maxSecretSize));
  const has = (k: string): boolean => Object.hasOwn(data, k);
  switch (s(secret, 'type')) {
    case 'kubernetes.io/service-account-token':
      if (!strMap(obj(secret, 'metadata'), 'annotations')['kubernetes.io/service-account.name']) {
        errs.push(required('metadata.annotations[kubernetes.io/service-account.name]'));
      }
      break;
    case 'kubernetes.io/dockercfg':
    case 'kubernetes.io/dockerconfigjson': {
      const k = s(secret, 'type') === 'kubernetes.io/dockercfg' ? '.dockercfg' : '.dockerconfigjson';
      if (!has(k)) {
        errs.push(required(key('data', k)));
        break;
      }
      try {
        const parsed: unknown = JSON.parse(Buffer.from(String(data[k]), 'base64').toString('utf8'));
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('json: cannot unmarshal into Go value of type map[string]interface {}');
      } catch (e) {
        errs.push(invalid(key('data', k), '<secret contents redacted>', e instanceof Error ? e.message : String(e)));
      }
      break;
    }
    case 'kubernetes.io/basic-auth':
      if (!has('username') && !has('password')) errs.push(required('data[username]'), required('data[password]'));
      break;
    case 'kubernetes.io/ssh-auth':
      if (base64Length(data['ssh-privatekey']) === 0) errs.push(required('data[ssh-privatekey]'));
      break;
    case 'kubernetes.io/tls':
      if (!has('tls.crt')) errs.push(required('data[tls.crt]'));
      if (!has('tls.key')) errs.push(required('data[tls.key]'));
      break;
    default:
      break;
  }
  return errs;
}

export function validateSecretUpdate(secret: Obj, old: Obj): Errors {
  return [...immutable(secret.type ?? '', old.type ?? '', 'type'), ...immutableData(secret, old, ['data']), ...validateSecret(secret)];
}

export function validateNamespace(ns: Obj): Errors {
  const errs: Errors = [];
  for (const f of strs(obj(ns, 'spec'), 'finalizers')) {
    errs.push(...validateFinalizers([f], 'spec.finalizers', true).map((e) => (e.field.startsWith('spec.finalizers[') ? { ...e, field: 'spec.finalizers' } : e)));
  }
  return errs;
}

/** The namespace status subresource: phase must follow deletionTimestamp. */
export function validateNamespaceStatusUpdate(ns: Obj, old: Obj): Errors {
  const errs = validateObjectMetaUpdate(obj(ns, 'metadata'), obj(old, 'metadata'));
  const phase = s(obj(ns, 'status'), 'phase');
  if (!str(obj(ns, 'metadata'), 'deletionTimestamp')) {
    if (phase !== 'Active') errs.push(invalid('status.Phase', phase, "may only be 'Active' if `deletionTimestamp` is empty"));
  } else if (phase !== 'Terminating') {
    errs.push(invalid('status.Phase', phase, "may only be 'Terminating' if `deletionTimestamp` is not empty"));
  }
  return errs;
}

function validateNodeResources(node: Obj): Errors {
  const errs: Errors = [];
  for (const f of ['capacity', 'allocatable']) {
    for (const [k, q] of resourceList(obj(obj(node, 'status'), f), `status.${f}`, errs)) {
      errs.push(...validateResourceQuantityValue(k, q, `status.${f}.${k}`));
    }
  }
  return errs;
}

export function validateNode(node: Obj): Errors {
  const spec = obj(node, 'spec') ?? {};
  const errs: Errors = [...validateTaints(objs(spec, 'taints'), 'metadata.taints'), ...validateNodeResources(node)];
  const cidrs = strs(spec, 'podCIDRs');
  cidrs.forEach((c, i) => errs.push(...isValidCIDR(`spec.podCIDRs[${i}]`, c)));
  if (cidrs.length > 1) {
    const fams = new Set(cidrs.map((c) => parseCIDR(c)?.family));
    if (fams.size !== 2 || cidrs.length > 2) errs.push(invalid('spec.podCIDRs', cidrs, 'may specify no more than one CIDR for each IP family'));
    const seen = new Set<string>();
    cidrs.forEach((c, i) => {
      if (seen.has(c)) errs.push(duplicate(`spec.podCIDRs[${i}]`, c));
      seen.add(c);
    });
  }
  return errs;
}

export function validateNodeUpdate(node: Obj, old: Obj): Errors {
  const spec = obj(node, 'spec') ?? {};
  const oldSpec = obj(old, 'spec') ?? {};
  const errs: Errors = [...validateNodeResources(node)];
  const seen = new Set<string>();
  for (const [addr, i] of objs(obj(node, 'status'), 'addresses')) {
    const k = `${s(addr, 'type')}\u0000${s(addr, 'address')}`;
    if (seen.has(k)) errs.push(duplicate(`status.addresses[${i}]`, addr));
    seen.add(k);
  }
  const oldCIDRs = strs(oldSpec, 'podCIDRs');
  const cidrs = strs(spec, 'podCIDRs');
  if (oldCIDRs.length > 0) {
    const msg = 'node updates may not change podCIDR except from "" to valid';
    if (oldCIDRs.length !== cidrs.length) errs.push(forbidden('spec.podCIDRs', msg));
    else oldCIDRs.forEach((c, i) => { if (c !== cidrs[i]) errs.push(forbidden('spec.podCIDRs', msg)); });
  }
  if (s(oldSpec, 'providerID') && s(oldSpec, 'providerID') !== s(spec, 'providerID')) {
    errs.push(forbidden('spec.providerID', 'node updates may not change providerID except from "" to valid'));
  }
  errs.push(...validateTaints(objs(spec, 'taints'), 'metadata.taints'));
  if (s(spec, 'externalID') !== s(oldSpec, 'externalID')) errs.push(forbidden('spec.externalID', 'may not be updated'));
  return errs;
}

const standardLimitTypes = new Set(['Pod', 'Container', 'PersistentVolumeClaim']);

export function validateLimitRange(lr: Obj): Errors {
  const errs: Errors = [];
  const types = new Set<string>();
  for (const [limit, i] of objs(obj(lr, 'spec'), 'limits')) {
    const p = index('spec.limits', i);
    const type = s(limit, 'type');
    const typeErrs = validateQualifiedName(type, child(p, 'type'));
    if (!typeErrs.length && !type.includes('/') && !standardLimitTypes.has(type)) {
      typeErrs.push(invalid(child(p, 'type'), type, 'must be a standard limit type or fully qualified'));
    }
    errs.push(...typeErrs);
    if (types.has(type)) errs.push(duplicate(child(p, 'type'), type));
    types.add(type);
    const nameCheck = type === 'Pod' || type === 'Container' ? validateContainerResourceName : validateResourceName;
    const lists: Record<string, Map<string, Quantity>> = {};
    for (const f of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) {
      if (type === 'Pod' && (f === 'default' || f === 'defaultRequest')) {
        if (Object.keys(obj(limit, f) ?? {}).length) errs.push(forbidden(child(p, f), "may not be specified when `type` is 'Pod'"));
        lists[f] = new Map();
        continue;
      }
      lists[f] = resourceList(obj(limit, f), child(p, f), errs);
      for (const k of lists[f].keys()) errs.push(...nameCheck(k, key(child(p, f), k)));
    }
    if (type === 'PersistentVolumeClaim' && !lists.min.has('storage') && !lists.max.has('storage')) {
      errs.push(required(child(p, 'limits'), 'either minimum or maximum storage value is required, but neither was provided'));
    }
    const keys = new Set(Object.values(lists).flatMap((m) => [...m.keys()]));
    for (const k of keys) {
      const min = lists.min.get(k);
      const max = lists.max.get(k);
      const def = lists.default.get(k);
      const defReq = lists.defaultRequest.get(k);
      const ratio = lists.maxLimitRequestRatio.get(k);
      if (min && max && min.cmp(max) > 0) errs.push(invalid(key(child(p, 'min'), k), min.toString(), `min value ${min} is greater than max value ${max}`));
      if (defReq && min && min.cmp(defReq) > 0) errs.push(invalid(key(child(p, 'defaultRequest'), k), defReq.toString(), `min value ${min} is greater than default request value ${defReq}`));
      if (defReq && max && defReq.cmp(max) > 0) errs.push(invalid(key(child(p, 'defaultRequest'), k), defReq.toString(), `default request value ${defReq} is greater than max value ${max}`));
      if (defReq && def && defReq.cmp(def) > 0) errs.push(invalid(key(child(p, 'defaultRequest'), k), defReq.toString(), `default request value ${defReq} is greater than default limit value ${def}`));
      if (def && min && min.cmp(def) > 0) errs.push(invalid(key(child(p, 'default'), k), min.toString(), `min value ${min} is greater than default value ${def}`));
      if (def && max && def.cmp(max) > 0) errs.push(invalid(key(child(p, 'default'), k), max.toString(), `default value ${def} is greater than max value ${max}`));
      if (ratio && ratio.milliValueBig() < 1000n) errs.push(invalid(key(child(p, 'maxLimitRequestRatio'), k), ratio.toString(), `ratio ${ratio} is less than 1`));
      if (isHugePageResourceName(k) && def && defReq && def.cmp(defReq) !== 0) {
        errs.push(invalid(key(child(p, 'defaultRequest'), k), defReq.toString(), `default value ${def} must equal to defaultRequest value ${defReq} in ${k}`));
      }
    }
  }
  return errs;
}

const standardQuotaResources = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.storage', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods', 'services', 'replicationcontrollers', 'resourcequotas',
  'secrets', 'configmaps', 'persistentvolumeclaims', 'services.nodeports', 'services.loadbalancers',
]);
const quotaScopes = ['BestEffort', 'CrossNamespacePodAffinity', 'NotBestEffort', 'NotTerminating', 'PriorityClass', 'Terminating', 'VolumeAttributesClass'];

export function validateResourceQuota(rq: Obj): Errors {
  const errs: Errors = [];
  for (const part of ['spec.hard', 'status.hard', 'status.used']) {
    const [top, f] = part.split('.');
    for (const [k, q] of resourceList(obj(obj(rq, top), f), part, errs)) {
      const p = key(part, k);
      const nameErrs = validateResourceName(k, p);
      if (!k.includes('/') && !standardQuotaResources.has(k) && !k.startsWith('requests.hugepages-')) nameErrs.push(invalid(p, k, 'must be a standard resource for quota'));
      errs.push(...nameErrs, ...validateResourceQuantityValue(k, q, p));
    }
  }
  const scopes = strs(obj(rq, 'spec'), 'scopes');
  if (scopes.some((sc) => !quotaScopes.includes(sc))) errs.push(invalid('spec.scopes', scopes, 'unsupported scope'));
  const set = new Set(scopes);
  if ((set.has('BestEffort') && set.has('NotBestEffort')) || (set.has('Terminating') && set.has('NotTerminating'))) {
    errs.push(invalid('spec.scopes', scopes, 'conflicting scopes'));
  }
  return errs;
}

export function validateResourceQuotaUpdate(rq: Obj, old: Obj): Errors {
  const errs = validateResourceQuota(rq);
  const scopes = new Set(strs(obj(rq, 'spec'), 'scopes'));
  const oldScopes = new Set(strs(obj(old, 'spec'), 'scopes'));
  if (scopes.size !== oldScopes.size || [...scopes].some((x) => !oldScopes.has(x))) {
    errs.push(invalid('spec.scopes', strs(obj(rq, 'spec'), 'scopes'), 'field is immutable'));
  }
  return errs;
}

/** Event validation; `strict` is the events.k8s.io/v1 creation path (new-style events). */
export function validateEvent(ev: Obj, group: string): Errors {
  const errs: Errors = [];
  const newAPI = group === 'events.k8s.io';
  const ns = s(obj(ev, 'metadata'), 'namespace');
  const involved = obj(ev, newAPI ? 'regarding' : 'involvedObject') ?? {};
  const eventTime = str(ev, 'eventTime');
  const reportingField = newAPI ? 'reportingController' : 'reportingComponent';
  if (!eventTime) {
    const ins = s(involved, 'namespace');
    if (!ins ? ns !== '' && ns !== 'default' : ns !== ins) errs.push(invalid('involvedObject.namespace', ins, 'does not match event.namespace'));
  } else {
    if (!s(involved, 'namespace') && ns !== 'default' && ns !== 'kube-system') errs.push(invalid('involvedObject.namespace', '', 'does not match event.namespace'));
    const controller = s(ev, reportingField);
    if (!controller) errs.push(required(reportingField));
    errs.push(...validateQualifiedName(controller, reportingField));
    const limits: [string, number][] = [['reportingInstance', 128], ['action', 128], ['reason', 128]];
    for (const [f, max] of limits) {
      if (!s(ev, f)) errs.push(required(f));
      if (byteLength(s(ev, f)) > max) errs.push(invalid(f, '', `can have at most ${max} characters`));
    }
    const note = s(ev, newAPI ? 'note' : 'message');
    if (byteLength(note) > 1024) errs.push(invalid('message', '', 'can have at most 1024 characters'));
  }
  for (const m of isDNS1123Subdomain(ns)) errs.push(invalid('namespace', ns, m));
  if (newAPI) {
    if (!eventTime) errs.push(required('eventTime'));
    const type = s(ev, 'type');
    if (type !== 'Normal' && type !== 'Warning') errs.push(invalid('type', '', `has invalid value: ${type}`));
    for (const f of ['deprecatedFirstTimestamp', 'deprecatedLastTimestamp', 'deprecatedCount', 'deprecatedSource']) {
      const v = ev[f];
      if (v !== undefined && v !== null && v !== 0 && !(typeof v === 'object' && Object.keys(v).length === 0)) {
        const name = { deprecatedFirstTimestamp: 'firstTimestamp', deprecatedLastTimestamp: 'lastTimestamp', deprecatedCount: 'count', deprecatedSource: 'source' }[f];
        errs.push(invalid(name ?? f, '', 'needs to be unset'));
      }
    }
  }
  return errs;
}
