// Strategic merge patch vocabulary: directive keys, patch metadata from TypeInfo, and cleaning values taken verbatim.

import type { TypeInfo } from '../schema/type-info.ts';
import { goString, goValue } from './go-format.ts';
import { isObject, setKey } from './json.ts';
import type { JsonObject, JsonValue } from './json.ts';
import { smpBadRequest, smpBadRequestMessages, smpError } from './patch-errors.ts';

export const directiveMarker = '$patch';
export const replaceDirective = 'replace';
export const deleteDirective = 'delete';
export const mergeDirective = 'merge';
export const retainKeysDirective = '$retainKeys';
export const deleteFromPrimitiveListPrefix = '$deleteFromPrimitiveList';
export const setElementOrderPrefix = '$setElementOrder';

/** The type of a member of a struct or map; undefined where nothing is known (free-form JSON). */
export function memberType(t: TypeInfo | undefined, key: string): TypeInfo | undefined {
  if (!t) return undefined;
  if (t.kind === 'object') return t.field?.(key);
  if (t.kind === 'map') return t.elem;
  return undefined;
}

export interface PatchMeta {
  /** "merge", "replace" or "" (no strategy: lists replace, maps merge). */
  strategy: string;
  /** The retainKeys strategy is present (only kubectl's diff uses it; the server obeys `$retainKeys` directives). */
  retainKeys: boolean;
  mergeKey: string;
}

/** Splits a patchStrategy tag ("merge,retainKeys") as Kubernetes does; more than one non-retainKeys strategy is an error. */
export function patchMeta(t: TypeInfo | undefined): PatchMeta {
  const mergeKey = t?.patchMergeKey ?? '';
  const tag = t?.patchStrategy ?? '';
  const parts = tag === '' ? [] : tag.split(',');
  if (parts.length === 0) return { strategy: '', retainKeys: false, mergeKey };
  if (parts.length === 1) {
    return parts[0] === 'retainKeys'
      ? { strategy: '', retainKeys: true, mergeKey }
      : { strategy: parts[0]!, retainKeys: false, mergeKey };
  }
  if (parts.length === 2 && (parts[0] === 'retainKeys' || parts[1] === 'retainKeys')) {
    return { strategy: parts[0] === 'retainKeys' ? parts[1]! : parts[0]!, retainKeys: true, mergeKey };
  }
  throw smpError(`unexpected patch strategy: [${parts.join(' ')}]`);
}

/** The field a `$deleteFromPrimitiveList/<field>` or `$setElementOrder/<field>` key names (400 when malformed). */
export function directiveTarget(key: string, prefix: string): string {
  const slash = key.indexOf('/');
  if (slash < 0 || key.slice(0, slash) !== prefix) {
    if (prefix === deleteFromPrimitiveListPrefix) throw smpBadRequest(smpBadRequestMessages.primitiveList);
    if (prefix === setElementOrderPrefix) throw smpBadRequest(smpBadRequestMessages.setElementOrder);
    throw smpError(`fail to find unknown prefix "${prefix}" in ${key}\n`);
  }
  return key.slice(slash + 1);
}

/** Keys that only carry instructions for a map's merge and never become data. */
export function isParallelDirectiveKey(key: string): boolean {
  return key === retainKeysDirective || key.startsWith(setElementOrderPrefix)
    || key.startsWith(deleteFromPrimitiveListPrefix);
}

/** Marks a value that is dropped entirely (a map carrying `$patch` where nothing can be merged). */
export const DROP: unique symbol = Symbol('drop');

/**
 * A patch value taken where there is nothing to merge with (a new field, a changed type, a replaced list):
 * a fresh copy without null members and without directives, as the API server stores it — maps carrying
 * `$patch` are dropped, parallel directive keys are removed.
 */
export function cleanValue(v: JsonValue): JsonValue | typeof DROP {
  if (Array.isArray(v)) return cleanList(v);
  if (isObject(v)) {
    if (Object.hasOwn(v, directiveMarker)) return DROP;
    const out: JsonObject = {};
    for (const k of Object.keys(v)) {
      const x = v[k]!;
      if (x === null || isParallelDirectiveKey(k)) continue;
      const c = cleanValue(x);
      if (c !== DROP) setKey(out, k, c);
    }
    return out;
  }
  return v;
}

export function cleanList(v: readonly JsonValue[]): JsonValue[] {
  const out: JsonValue[] = [];
  for (const x of v) {
    const c = x === null ? null : cleanValue(x);
    if (c !== DROP) out.push(c);
  }
  return out;
}

/** `unknown patch type: foo in map: map[$patch:foo name:x]` */
export function badPatchType(directive: JsonValue | undefined, m: JsonObject): Error {
  return smpError(`unknown patch type: ${goString(directive)} in map: ${goValue(m)}`);
}
