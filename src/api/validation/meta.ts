// ObjectMeta validation on create and update: names, namespace, labels, annotations, owners, finalizers.

import { type Obj, arr, bool, isObj, num, s, str, strMap, strs } from './access.ts';
import {
  type Errors, child, forbidden, immutable, index, invalid, isNegativeErrorMsg, key, required, tooLong,
} from './field.ts';
import { byteLength, isQualifiedName, isValidLabelValue, type NameFn, nameIsDNSLabel } from './names.ts';

export const totalAnnotationSizeLimitB = 256 * 1024;

/** Label keys must be qualified names and values valid label values; errors name the map, not the key. */
export function validateLabels(labels: Record<string, string>, path: string): Errors {
  const errs: Errors = [];
  for (const [k, v] of Object.entries(labels)) {
    errs.push(...validateLabelName(k, path));
    for (const m of isValidLabelValue(v)) errs.push(invalid(path, v, m));
  }
  return errs;
}

export function validateLabelName(name: string, path: string): Errors {
  return isQualifiedName(name).map((m) => invalid(path, name, m));
}

export function validateQualifiedName(value: string, path: string): Errors {
  return isQualifiedName(value).map((m) => invalid(path, value, m));
}

/** Annotation keys are case-insensitive qualified names; all keys and values together may not pass 256 KiB. */
export function validateAnnotations(annotations: Record<string, string>, path: string): Errors {
  const errs: Errors = [];
  let total = 0;
  for (const [k, v] of Object.entries(annotations)) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, m));
    total += byteLength(k) + byteLength(v);
  }
  if (total > totalAnnotationSizeLimitB) errs.push(tooLong(path, totalAnnotationSizeLimitB));
  return errs;
}

function splitAPIVersion(apiVersion: string): { group: string; version: string } {
  if (apiVersion === '') return { group: '', version: '' };
  const parts = apiVersion.split('/');
  if (parts.length === 1) return { group: '', version: parts[0] };
  if (parts.length === 2) return { group: parts[0], version: parts[1] };
  return { group: '', version: '' };
}

export function validateOwnerReferences(refs: [Obj, number][], path: string): Errors {
  const errs: Errors = [];
  let firstController = '';
  for (const [ref] of refs) {
    const gv = splitAPIVersion(s(ref, 'apiVersion'));
    const kind = s(ref, 'kind');
    if (gv.version === '') errs.push(invalid(child(path, 'apiVersion'), s(ref, 'apiVersion'), 'version must not be empty'));
    if (kind === '') errs.push(invalid(child(path, 'kind'), kind, 'must not be empty'));
    if (s(ref, 'name') === '') errs.push(invalid(child(path, 'name'), '', 'must not be empty'));
    if (s(ref, 'uid') === '') errs.push(invalid(child(path, 'uid'), '', 'must not be empty'));
    if (gv.group === '' && gv.version === 'v1' && kind === 'Event') {
      errs.push(invalid(path, ref, '/v1, Kind=Event is disallowed from being an owner'));
    }
    if (bool(ref, 'controller') === true) {
      const name = `${kind}/${s(ref, 'name')}`;
      if (firstController) {
        errs.push(invalid(path, refs.map(([r]) => r),
          `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${name}`));
      } else {
        firstController = name;
      }
    }
  }
  return errs;
}

const standardFinalizers = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/** Finalizers are qualified names; orphan and foregroundDeletion exclude each other. */
export function validateFinalizers(finalizers: string[], path: string, kubeNames = true): Errors {
  const errs: Errors = [];
  for (const f of finalizers) for (const m of isQualifiedName(f)) errs.push(invalid(path, f, m));
  if (finalizers.includes('orphan') && finalizers.includes('foregroundDeletion')) {
    errs.push(invalid(path, finalizers, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  if (kubeNames) {
    finalizers.forEach((f, i) => {
      if (!f.includes('/') && !standardFinalizers.has(f)) {
        errs.push(invalid(index(path, i), f, 'name is neither a standard finalizer name nor is it fully qualified'));
      }
    });
  }
  return errs;
}

function validateFieldManager(manager: string, path: string): Errors {
  const errs: Errors = [];
  if (byteLength(manager) > 128) errs.push(tooLong(path, 128));
  let pos = 0;
  for (const ch of manager) {
    if (ch !== ' ' && !/[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch)) {
      const cp = ch.codePointAt(0) ?? 0;
      errs.push(invalid(path, manager, `invalid character U+${cp.toString(16).toUpperCase().padStart(4, '0')} (at position ${pos})`));
    }
    pos += byteLength(ch);
  }
  return errs;
}

export function validateManagedFields(entries: [Obj, number][], path: string): Errors {
  const errs: Errors = [];
  for (const [e, i] of entries) {
    const p = index(path, i);
    const op = s(e, 'operation');
    if (op !== 'Apply' && op !== 'Update') errs.push(invalid(child(p, 'operation'), op, 'must be `Apply` or `Update`'));
    const ft = s(e, 'fieldsType');
    if (ft && ft !== 'FieldsV1') errs.push(invalid(child(p, 'fieldsType'), ft, 'must be `FieldsV1`'));
    errs.push(...validateFieldManager(s(e, 'manager'), child(p, 'manager')));
    if (byteLength(s(e, 'subresource')) > 256) errs.push(tooLong(child(p, 'subresource'), 256));
  }
  return errs;
}

export interface MetaOptions {
  /** Whether the resource lives in a namespace (then metadata.namespace is required). */
  namespaced: boolean;
  /** The rule for metadata.name (DNS subdomain, label, path segment...). */
  nameFn: NameFn;
  /** Apply the core group's extra finalizer-name rule (everything but CRDs). */
  kubeFinalizerNames?: boolean;
}

/** The checks shared by create and update (everything but name/generateName and immutability). */
function validateMetaCommon(meta: Obj, namespaced: boolean, path: string, kubeFinalizerNames: boolean): Errors {
  const errs: Errors = [];
  const ns = s(meta, 'namespace');
  if (namespaced) {
    if (!ns) errs.push(required(child(path, 'namespace')));
    else for (const m of nameIsDNSLabel(ns, false)) errs.push(invalid(child(path, 'namespace'), ns, m));
  } else if (ns) {
    errs.push(forbidden(child(path, 'namespace'), 'not allowed on this type'));
  }
  const gen = num(meta, 'generation');
  if (gen !== undefined && gen < 0) errs.push(invalid(child(path, 'generation'), gen, isNegativeErrorMsg));
  errs.push(...validateLabels(strMap(meta, 'labels'), child(path, 'labels')));
  errs.push(...validateAnnotations(strMap(meta, 'annotations'), child(path, 'annotations')));
  errs.push(...validateOwnerReferences(objsOf(meta, 'ownerReferences'), child(path, 'ownerReferences')));
  errs.push(...validateFinalizers(strs(meta, 'finalizers'), child(path, 'finalizers'), kubeFinalizerNames));
  errs.push(...validateManagedFields(objsOf(meta, 'managedFields'), child(path, 'managedFields')));
  return errs;
}

function objsOf(o: Obj, k: string): [Obj, number][] {
  return arr(o, k).map((v, i) => [isObj(v) ? v : {}, i]);
}

/** ObjectMeta on create (after any name generation), as Kubernetes' ValidateObjectMeta. */
export function validateObjectMeta(meta: Obj | undefined, opts: MetaOptions, path = 'metadata'): Errors {
  const m = meta ?? {};
  const errs: Errors = [];
  const generateName = s(m, 'generateName');
  if (generateName) for (const msg of opts.nameFn(generateName, true)) errs.push(invalid(child(path, 'generateName'), generateName, msg));
  const name = s(m, 'name');
  if (!name) errs.push(required(child(path, 'name'), 'name or generateName is required'));
  else for (const msg of opts.nameFn(name, false)) errs.push(invalid(child(path, 'name'), name, msg));
  errs.push(...validateMetaCommon(m, opts.namespaced, path, opts.kubeFinalizerNames ?? true));
  return errs;
}

/** ObjectMeta on update: identity and timestamps are immutable, generation only grows, no new finalizers while deleting. */
export function validateObjectMetaUpdate(meta: Obj | undefined, oldMeta: Obj | undefined, path = 'metadata', kubeFinalizerNames = true): Errors {
  const m = meta ?? {};
  const o = oldMeta ?? {};
  const errs: Errors = [];
  if (str(o, 'deletionTimestamp')) {
    const old = new Set(strs(o, 'finalizers'));
    const extra = [...new Set(strs(m, 'finalizers'))].filter((f) => !old.has(f)).sort();
    if (extra.length) {
      errs.push(forbidden(child(path, 'finalizers'),
        `no new finalizers can be added if the object is being deleted, found new finalizers []string{${extra.map((f) => JSON.stringify(f)).join(', ')}}`));
    }
  }
  const rv = s(m, 'resourceVersion');
  if (!rv) errs.push(invalid(child(path, 'resourceVersion'), rv, 'must be specified for an update'));
  const gen = num(m, 'generation') ?? 0;
  if (gen < (num(o, 'generation') ?? 0)) errs.push(invalid(child(path, 'generation'), gen, 'must not be decremented'));
  for (const f of ['name', 'namespace', 'uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds']) {
    errs.push(...immutable(m[f] ?? null, o[f] ?? null, child(path, f)));
  }
  errs.push(...validateLabels(strMap(m, 'labels'), child(path, 'labels')));
  errs.push(...validateAnnotations(strMap(m, 'annotations'), child(path, 'annotations')));
  errs.push(...validateOwnerReferences(objsOf(m, 'ownerReferences'), child(path, 'ownerReferences')));
  errs.push(...validateManagedFields(objsOf(m, 'managedFields'), child(path, 'managedFields')));
  if (kubeFinalizerNames) {
    strs(m, 'finalizers').forEach((f, i) => {
      if (!f.includes('/') && !standardFinalizers.has(f)) {
        errs.push(invalid(index(child(path, 'finalizers'), i), f, 'name is neither a standard finalizer name nor is it fully qualified'));
      }
    });
  }
  return errs;
}

/** The metadata of an embedded template (pod templates): only labels and annotations are checked. */
export function validateTemplateMeta(meta: Obj | undefined, path: string): Errors {
  return [
    ...validateLabels(strMap(meta, 'labels'), child(path, 'labels')),
    ...validateAnnotations(strMap(meta, 'annotations'), child(path, 'annotations')),
  ];
}

/** ValidateHasLabel: `labels[key]` must be present and equal `expected`. */
export function validateHasLabel(meta: Obj | undefined, path: string, k: string, expected: string): Errors {
  const labels = strMap(meta, 'labels');
  if (!(k in labels)) return [required(key(child(path, 'labels'), k), `must be '${expected}'`)];
  if (labels[k] !== expected) return [invalid(key(child(path, 'labels'), k), labels, `must be '${expected}'`)];
  return [];
}
