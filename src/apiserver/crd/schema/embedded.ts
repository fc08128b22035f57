// Embedded resources (x-kubernetes-embedded-resource): their TypeMeta/ObjectMeta checks and metadata coercion.

import type { FieldError } from '../../../api/errors.ts';
import { child, index, invalid, key, required } from '../../../api/validation/field.ts';
import { validateObjectMeta } from '../../../api/validation/meta.ts';
import { isDNS1035Label, nameIsPathSegment } from '../../../api/validation/names.ts';
import { additionalPropertiesOf, flag, isObject, itemsOf, type JSONObject, type JSONSchemaProps, propertyOf } from './types.ts';

type FieldType = 'string' | 'int64' | 'time' | 'map' | 'strings' | 'ownerReferences' | 'managedFields';

/** The JSON fields of metav1.ObjectMeta and how each decodes. */
const objectMetaFields: Record<string, FieldType> = {
  name: 'string', generateName: 'string', namespace: 'string', selfLink: 'string', uid: 'string', resourceVersion: 'string',
  generation: 'int64', creationTimestamp: 'time', deletionTimestamp: 'time', deletionGracePeriodSeconds: 'int64',
  labels: 'map', annotations: 'map', ownerReferences: 'ownerReferences', finalizers: 'strings', managedFields: 'managedFields',
};
const ownerReferenceFields = new Set(['apiVersion', 'kind', 'name', 'uid', 'controller', 'blockOwnerDeletion']);
const managedFieldsFields = new Set(['manager', 'operation', 'apiVersion', 'time', 'fieldsType', 'fieldsV1', 'subresource']);

function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  return typeof v === 'object' ? 'object' : typeof v;
}

function decodeError(jsonT: string, field: string, goType: string): string {
  return `json: cannot unmarshal ${jsonT} into Go struct field ObjectMeta.${field} of type ${goType}`;
}

/** Why `metadata` does not decode into an ObjectMeta, or undefined when it does (unknown fields are ignored). */
export function objectMetaDecodeError(metadata: unknown): string | undefined {
  if (metadata === null) return undefined;
  if (!isObject(metadata)) return `json: cannot unmarshal ${jsonType(metadata)} into Go value of type v1.ObjectMeta`;
  for (const [k, v] of Object.entries(metadata)) {
    const t = objectMetaFields[k];
    if (!t || v === null) continue;
    switch (t) {
      case 'string':
        if (typeof v !== 'string') return decodeError(jsonType(v), k, 'string');
        break;
      case 'int64':
        if (typeof v !== 'number' || !Number.isInteger(v)) return decodeError(jsonType(v), k, 'int64');
        break;
      case 'time':
        if (typeof v !== 'string') return decodeError(jsonType(v), k, 'v1.Time');
        if (Number.isNaN(Date.parse(v))) return `parsing time ${JSON.stringify(v)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(v)} as "2006"`;
        break;
      case 'map':
        if (!isObject(v)) return decodeError(jsonType(v), k, 'map[string]string');
        for (const x of Object.values(v)) if (x !== null && typeof x !== 'string') return decodeError(jsonType(x), k, 'string');
        break;
      case 'strings':
        if (!Array.isArray(v)) return decodeError(jsonType(v), k, '[]string');
        for (const x of v) if (x !== null && typeof x !== 'string') return decodeError(jsonType(x), k, 'string');
        break;
      case 'ownerReferences':
      case 'managedFields':
        if (!Array.isArray(v)) return decodeError(jsonType(v), k, t === 'ownerReferences' ? '[]v1.OwnerReference' : '[]v1.ManagedFieldsEntry');
        break;
    }
  }
  return undefined;
}

function parseGroupVersionError(gv: string): string | undefined {
  if (gv === '' || gv === '/') return undefined;
  return gv.split('/').length > 2 ? `unexpected GroupVersion string: ${gv}` : undefined;
}

function validateEmbeddedResource(path: string, x: JSONObject): FieldError[] {
  const errs: FieldError[] = [];
  if (!Object.hasOwn(x, 'apiVersion')) errs.push(required(child(path, 'apiVersion')));
  if (!Object.hasOwn(x, 'kind')) errs.push(required(child(path, 'kind')));
  for (const [k, v] of Object.entries(x)) {
    if (k === 'apiVersion') {
      if (typeof v !== 'string') errs.push(invalid(child(path, k), v, 'must be a string'));
      else if (v === '') errs.push(required(child(path, k)));
      else {
        const e = parseGroupVersionError(v);
        if (e) errs.push(invalid(child(path, k), v, e));
      }
    } else if (k === 'kind') {
      if (typeof v !== 'string') errs.push(invalid(child(path, k), v, 'must be a string'));
      else if (v === '') errs.push(required(child(path, k)));
      else {
        const msgs = isDNS1035Label(v.toLowerCase());
        if (msgs.length) errs.push(invalid(child(path, k), v, `may have mixed case, but should otherwise match: ${msgs.join(',')}`));
      }
    } else if (k === 'metadata') {
      const e = objectMetaDecodeError(v);
      if (e) {
        errs.push(invalid(child(path, k), v, e));
      } else if (isObject(v)) {
        const meta = { ...v, name: typeof v.name === 'string' && v.name ? v.name : 'fakename' };
        const ns = typeof v.namespace === 'string' ? v.namespace : '';
        errs.push(...validateObjectMeta(meta, { namespaced: ns.length > 0, nameFn: nameIsPathSegment, kubeFinalizerNames: false }, child(path, k)));
      }
    }
  }
  return errs;
}

/** Validates TypeMeta and ObjectMeta of every embedded resource below `x` (the root itself only if so marked). */
export function validateEmbeddedResources(path: string, x: unknown, s: JSONSchemaProps | undefined): FieldError[] {
  if (!s) return [];
  const errs: FieldError[] = [];
  if (Array.isArray(x)) {
    const items = itemsOf(s);
    x.forEach((v, i) => errs.push(...validateEmbeddedResources(index(path, i), v, items)));
  } else if (isObject(x)) {
    if (flag(s, 'x-kubernetes-embedded-resource')) errs.push(...validateEmbeddedResource(path, x));
    const ap = additionalPropertiesOf(s);
    for (const [k, v] of Object.entries(x)) {
      const p = propertyOf(s, k);
      if (p) errs.push(...validateEmbeddedResources(child(path, k), v, p));
      else if (ap.kind === 'schema') errs.push(...validateEmbeddedResources(key(path, k), v, ap.schema));
    }
  }
  return errs;
}

function isEmpty(v: unknown): boolean {
  if (v === null || v === '' || v === 0) return true;
  if (Array.isArray(v)) return v.length === 0;
  return isObject(v) && Object.keys(v).length === 0;
}

/**
 * Reduces an embedded `metadata` to what round-trips through ObjectMeta, as Kubernetes does on decode:
 * unknown fields are dropped (their paths returned, prefixed by `prefix`), empty optional fields and a
 * null creationTimestamp disappear. Metadata that does not decode is left alone (validation reports it).
 */
export function coerceObjectMeta(meta: JSONObject, prefix: string): string[] {
  if (objectMetaDecodeError(meta)) return [];
  const unknown: string[] = [];
  for (const [k, v] of Object.entries(meta)) {
    const t = objectMetaFields[k];
    if (!t) {
      unknown.push(`${prefix}.${k}`);
      delete meta[k];
      continue;
    }
    if (t === 'ownerReferences' || t === 'managedFields') {
      const known = t === 'ownerReferences' ? ownerReferenceFields : managedFieldsFields;
      (v as unknown[]).forEach((item, i) => {
        if (!isObject(item)) return;
        for (const ik of Object.keys(item)) {
          if (!known.has(ik)) {
            unknown.push(`${prefix}.${k}[${i}].${ik}`);
            delete item[ik];
          }
        }
      });
    }
    if (meta[k] === null || (k !== 'deletionGracePeriodSeconds' && isEmpty(meta[k]))) delete meta[k];
  }
  return unknown;
}
