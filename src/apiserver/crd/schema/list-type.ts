// x-kubernetes-list-type set/map uniqueness of custom resource lists (apiextensions' listtype validation).

import type { FieldError } from '../../../api/errors.ts';
import { child, duplicate, index, invalid, key } from '../../../api/validation/field.ts';
import { goJSON } from './go-format.ts';
import { additionalPropertiesOf, isObject, itemsOf, type JSONSchemaProps, propertyOf, stringsOf } from './types.ts';

/** Validates every list with x-kubernetes-list-type set or map under `obj` (an object described by `s`). */
export function validateListSetsAndMaps(path: string, s: JSONSchemaProps | undefined, obj: unknown): FieldError[] {
  if (!s || !isObject(obj)) return [];
  const errs: FieldError[] = [];
  const ap = additionalPropertiesOf(s);
  if (ap.kind === 'schema') for (const [k, v] of Object.entries(obj)) errs.push(...walk(key(path, k), ap.schema, v));
  for (const [k, v] of Object.entries(obj)) {
    const p = propertyOf(s, k);
    if (p) errs.push(...walk(child(path, k), p, v));
  }
  return errs;
}

function walk(path: string, s: JSONSchemaProps, v: unknown): FieldError[] {
  if (Array.isArray(v)) return validateArray(path, s, v);
  if (isObject(v)) return validateListSetsAndMaps(path, s, v);
  return [];
}

function validateArray(path: string, s: JSONSchemaProps, list: unknown[]): FieldError[] {
  const errs: FieldError[] = [];
  const listType = s['x-kubernetes-list-type'];
  if (listType === 'set') {
    for (const i of nonUniqueIndices(list)) errs.push(duplicate(index(path, i), list[i]));
  } else if (listType === 'map') {
    errs.push(...validateListMap(path, s, list));
  }
  const items = itemsOf(s);
  if (items) list.forEach((x, i) => errs.push(...walk(index(path, i), items, x)));
  return errs;
}

/** A marker for a map-list item that does not set its key (distinct from a null key). */
const unspecified = Symbol('unspecified');

function identity(x: unknown): string {
  if (x === unspecified) return 'unspecified';
  if (x !== null && typeof x === 'object') return `json:${goJSON(x)}`;
  return `${typeof x}:${String(x)}`;
}

/** The index of each value's second occurrence (later repeats are not reported again). */
function nonUniqueIndices(list: readonly unknown[]): number[] {
  if (list.length <= 1) return [];
  const seen = new Map<string, number>();
  const out: number[] = [];
  list.forEach((x, i) => {
    const id = identity(x);
    const times = seen.get(id) ?? 0;
    if (times === 1) out.push(i);
    seen.set(id, times + 1);
  });
  return out;
}

function validateListMap(path: string, s: JSONSchemaProps, list: unknown[]): FieldError[] {
  for (let i = 0; i < list.length; i++) {
    const x = list[i];
    if (x !== null && !isObject(x)) return [invalid(index(path, i), x, 'must be an object for an array of list-type map')];
  }
  if (list.length <= 1) return [];
  const keyFields = stringsOf(s['x-kubernetes-list-map-keys']);
  if (keyFields.length === 1) {
    const [kf] = keyFields;
    const keys = list.map((x) => (isObject(x) && Object.hasOwn(x, kf) ? x[kf] : unspecified));
    return nonUniqueIndices(keys).map((i) => duplicate(index(path, i), keys[i] === unspecified ? {} : { [kf]: keys[i] }));
  }
  const keys = list.map((x) => {
    const k: Record<string, unknown> = {};
    if (isObject(x)) for (const kf of keyFields) if (Object.hasOwn(x, kf)) k[kf] = x[kf];
    return k;
  });
  return nonUniqueIndices(keys).map((i) => duplicate(index(path, i), keys[i]));
}
