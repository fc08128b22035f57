// Resource names and quantities: container requests/limits, PVC storage, quota and node capacity values.

import { Quantity, QuantityError } from '../quantity.ts';
import { type Obj, isObj } from './access.ts';
import { type Errors, child, invalid, isNegativeErrorMsg, key, required } from './field.ts';
import { isQualifiedName } from './names.ts';

const standardContainerResources = new Set(['cpu', 'memory', 'ephemeral-storage']);
const standardResources = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods', 'services', 'replicationcontrollers',
  'resourcequotas', 'secrets', 'persistentvolumeclaims', 'storage', 'requests.storage', 'services.nodeports',
  'services.loadbalancers',
]);
const integerResources = new Set([
  'pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims',
  'services.nodeports', 'services.loadbalancers',
]);

export function isHugePageResourceName(name: string): boolean {
  return name.startsWith('hugepages-');
}

export function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

export function isExtendedResourceName(name: string): boolean {
  if (isNativeResource(name) || name.startsWith('requests.')) return false;
  return isQualifiedName(`requests.${name}`).length === 0;
}

/** Native resources other than huge pages may be overcommitted (requests below limits). */
export function isOvercommitAllowed(name: string): boolean {
  return isNativeResource(name) && !isHugePageResourceName(name);
}

function isStandardResourceName(name: string): boolean {
  return standardResources.has(name) || isHugePageResourceName(name) || name.startsWith('requests.hugepages-');
}

function isIntegerResourceName(name: string): boolean {
  return integerResources.has(name) || isExtendedResourceName(name);
}

export function validateResourceName(name: string, path: string): Errors {
  const errs = isQualifiedName(name).map((m) => invalid(path, name, m));
  if (errs.length) return errs;
  if (!name.includes('/') && !isStandardResourceName(name)) {
    return [invalid(path, name, 'must be a standard resource type or fully qualified')];
  }
  return [];
}

export function validateContainerResourceName(name: string, path: string): Errors {
  const errs = validateResourceName(name, path);
  if (!name.includes('/')) {
    if (!standardContainerResources.has(name) && !isHugePageResourceName(name)) {
      return [...errs, invalid(path, name, 'must be a standard resource for containers')];
    }
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    return [...errs, invalid(path, name, "doesn't follow extended resource name standard")];
  }
  return errs;
}

/** Parses a quantity field; a malformed one becomes an Invalid error (Kubernetes rejects it while decoding). */
export function quantityAt(value: unknown, path: string, errs: Errors): Quantity | undefined {
  try {
    return Quantity.fromJSON(value);
  } catch (e) {
    errs.push(invalid(path, value, e instanceof QuantityError ? e.message : String(e)));
    return undefined;
  }
}

/** ValidateResourceQuantityValue: never negative, whole numbers for countable and extended resources. */
export function validateResourceQuantityValue(resource: string, q: Quantity, path: string): Errors {
  const errs: Errors = [];
  if (q.sign() < 0) errs.push(invalid(path, q.toString(), isNegativeErrorMsg));
  if (isIntegerResourceName(resource) && q.milliValueBig() % 1000n !== 0n) errs.push(invalid(path, q.toString(), 'must be an integer'));
  return errs;
}

/** Reads a ResourceList (map of quantities), reporting malformed values. */
export function resourceList(o: unknown, path: string, errs: Errors): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  if (!isObj(o)) return out;
  for (const [k, v] of Object.entries(o)) {
    const q = quantityAt(v, key(path, k), errs);
    if (q) out.set(k, q);
  }
  return out;
}

function hugePageSize(name: string): Quantity | undefined {
  try {
    const q = Quantity.parse(name.slice('hugepages-'.length));
    return q.sign() > 0 ? q : undefined;
  } catch {
    return undefined;
  }
}

function hugePageErr(name: string, q: Quantity, path: string): Errors {
  const size = hugePageSize(name);
  if (!size) return [];
  const v = q.valueBig();
  const sz = size.valueBig();
  if (v < 0n || sz === 0n || v % sz !== 0n) return [invalid(path, q.toString(), `${q.toString()} is not positive integer multiple of ${name}`)];
  return [];
}

/** Container resources: valid names and values, requests ≤ limits (= limits for non-overcommitable resources). */
export function validateResourceRequirements(res: Obj | undefined, path: string): Errors {
  const errs: Errors = [];
  const limPath = child(path, 'limits');
  const reqPath = child(path, 'requests');
  const limits = resourceList(res?.limits, limPath, errs);
  const requests = resourceList(res?.requests, reqPath, errs);
  let limCpuMem = false;
  let reqCpuMem = false;
  let hugePages = false;
  for (const [name, q] of limits) {
    const p = key(limPath, name);
    errs.push(...validateContainerResourceName(name, p), ...validateResourceQuantityValue(name, q, p));
    if (isHugePageResourceName(name)) {
      hugePages = true;
      errs.push(...hugePageErr(name, q, p));
    }
    if (name === 'cpu' || name === 'memory') limCpuMem = true;
  }
  for (const [name, q] of requests) {
    const p = key(reqPath, name);
    errs.push(...validateContainerResourceName(name, p), ...validateResourceQuantityValue(name, q, p));
    const limit = limits.get(name);
    if (limit) {
      if (q.cmp(limit) !== 0 && !isOvercommitAllowed(name)) {
        errs.push(invalid(reqPath, q.toString(), `must be equal to ${name} limit of ${limit.toString()}`));
      } else if (q.cmp(limit) > 0) {
        errs.push(invalid(reqPath, q.toString(), `must be less than or equal to ${name} limit of ${limit.toString()}`));
      }
    } else if (!isOvercommitAllowed(name)) {
      errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
    }
    if (isHugePageResourceName(name)) {
      hugePages = true;
      errs.push(...hugePageErr(name, q, p));
    }
    if (name === 'cpu' || name === 'memory') reqCpuMem = true;
  }
  if (!limCpuMem && !reqCpuMem && hugePages) {
    errs.push({ type: 'FieldValueForbidden', field: path, detail: 'HugePages require cpu or memory' });
  }
  return errs;
}
