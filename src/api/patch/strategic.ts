// Strategic merge patch (application/strategic-merge-patch+json) over TypeInfo, as the Kubernetes API server applies it.
//
// Maps merge key by key (null deletes); lists whose field has patchStrategy "merge" merge by patchMergeKey (maps)
// or as sets (primitives); other lists and fields with strategy "replace" are replaced. Directives: `$patch`
// (replace / delete, on maps and on list items), `$retainKeys`, `$deleteFromPrimitiveList/<field>`,
// `$setElementOrder/<field>`. Where no TypeInfo is known (free-form JSON) the patch merges as a JSON merge patch
// (maps merge, lists replace) and directives still apply. Errors are the Status errors Kubernetes returns:
// 400 for malformed directive lists, 422 for lists of lists, 500 (reason Unknown) for the rest, e.g.
// `map: map[image:nginx] does not contain declared merge key: name`.

import type { KObject } from '../object.ts';
import type { TypeInfo } from '../schema/type-info.ts';
import { badRequest } from '../errors.ts';
import { goTypeName } from './go-format.ts';
import { copyJson, deleteKey, getKey, hasKey, isObject, jsonKind, setKey } from './json.ts';
import type { JsonObject, JsonValue } from './json.ts';
import { badArgType, smpBadRequest, smpBadRequestMessages } from './patch-errors.ts';
import { mergeSlice } from './strategic-list.ts';
import {
  DROP, badPatchType, cleanList, cleanValue, deleteDirective, deleteFromPrimitiveListPrefix, directiveMarker,
  directiveTarget, memberType, patchMeta, replaceDirective, retainKeysDirective, setElementOrderPrefix,
} from './strategic-meta.ts';
import { normalizeElementOrder, partitionByPresence, sliceElementKind, validateSetElementOrder } from './strategic-order.ts';

const listType = '[]interface {}';

/** Clears the original's keys missing from `$retainKeys`; every non-null patch key must be listed (400 otherwise). */
function applyRetainKeys(original: JsonObject, patch: JsonObject): void {
  if (!hasKey(patch, retainKeysDirective)) return;
  const retain = getKey(patch, retainKeysDirective);
  if (!Array.isArray(retain)) throw smpBadRequest(smpBadRequestMessages.retainKeys);
  for (const k of Object.keys(patch)) {
    if (k === retainKeysDirective || patch[k] === null) continue;
    if (k.startsWith(deleteFromPrimitiveListPrefix) || k.startsWith(setElementOrderPrefix)) continue;
    if (!retain.includes(k)) throw smpBadRequest(smpBadRequestMessages.retainKeys);
  }
  for (const k of Object.keys(original)) if (!retain.includes(k)) deleteKey(original, k);
}

/** A list value of a map: undefined when absent, 500 when present but not a list. */
function listAt(m: JsonObject, key: string): JsonValue[] | undefined {
  if (!hasKey(m, key)) return undefined;
  const v = getKey(m, key)!;
  if (!Array.isArray(v)) throw badArgType(listType, goTypeName(v));
  return v;
}

/** Merges a list field's patch value into its original value according to the field's strategy. */
function mergeListField(original: JsonValue[], patch: readonly JsonValue[], name: string, t: TypeInfo | undefined,
  isDeleteList: boolean): JsonValue[] {
  const meta = patchMeta(t);
  if (meta.strategy !== 'merge' && !isDeleteList) return cleanList(patch);
  return mergeSlice(original, patch, { name, elem: t?.elem, mergeKey: meta.mergeKey, isDeleteList, mergeMap });
}

/**
 * `$setElementOrder/<field>`: merges the field's patch list (if any) and orders the result by the directive,
 * keeping server-only items in their live places. Returns the field name, whose patch list is then consumed.
 */
function applySetElementOrder(original: JsonObject, patch: JsonObject, key: string, t: TypeInfo | undefined): string {
  const order = getKey(patch, key)!;
  if (!Array.isArray(order)) throw badArgType(listType, goTypeName(order));
  const field = directiveTarget(key, setElementOrderPrefix);
  const originalList = listAt(original, field);
  const patchList = listAt(patch, field);
  const fieldType = memberType(t, field);
  const { mergeKey } = patchMeta(fieldType);
  validateSetElementOrder(patchList ?? [], order, mergeKey);

  let merged: JsonValue[];
  if (patchList === undefined) {
    if (originalList === undefined) return field;
    merged = originalList;
  } else {
    merged = mergeListField(originalList ?? [], patchList, field, fieldType, false);
  }
  const kind = sliceElementKind(originalList ?? [], patchList ?? []);
  const key2 = kind === 'object' ? mergeKey : '';
  const [patchItems, serverOnly] = partitionByPresence(merged, order, key2, kind);
  setKey(original, field, normalizeElementOrder(patchItems, serverOnly, order, originalList ?? [], key2, kind));
  return field;
}

function mergeField(original: JsonObject, k: string, patchV: JsonValue, t: TypeInfo | undefined,
  isDeleteList: boolean): void {
  if (patchV === null) {
    deleteKey(original, k);
    return;
  }
  const cur = getKey(original, k);
  if (cur === undefined || jsonKind(cur) !== jsonKind(patchV)) {
    // Nothing to merge with: take the patch value (a delete list for an absent list deletes nothing).
    if (isDeleteList) return;
    const v = cleanValue(patchV);
    if (v === DROP) deleteKey(original, k);
    else setKey(original, k, v);
    return;
  }
  const fieldType = memberType(t, k);
  if (isObject(cur) && isObject(patchV)) {
    const { strategy } = patchMeta(fieldType);
    setKey(original, k, mergeMap(strategy === replaceDirective ? {} : cur, patchV, fieldType));
  } else if (Array.isArray(cur) && Array.isArray(patchV)) {
    setKey(original, k, mergeListField(cur, patchV, k, fieldType, isDeleteList));
  } else {
    setKey(original, k, patchV);
  }
}

/**
 * Merges `patch` into `original` (a private copy, changed in place) under type `t` and returns the result
 * (which is a new map when the patch carries `$patch`).
 */
export function mergeMap(original: JsonObject, patch: JsonObject, t: TypeInfo | undefined): JsonObject {
  if (hasKey(patch, directiveMarker)) {
    const directive = getKey(patch, directiveMarker);
    if (directive === replaceDirective) {
      const rest: JsonObject = {};
      for (const k of Object.keys(patch)) if (k !== directiveMarker) setKey(rest, k, patch[k]!);
      return mergeMap({}, rest, t);
    }
    if (directive === deleteDirective) return {};
    throw badPatchType(directive, patch);
  }

  applyRetainKeys(original, patch);

  const consumed = new Set<string>();
  for (const k of Object.keys(patch)) {
    if (k.startsWith(setElementOrderPrefix)) consumed.add(applySetElementOrder(original, patch, k, t));
  }

  for (const k of Object.keys(patch)) {
    if (k === retainKeysDirective || k.startsWith(setElementOrderPrefix) || consumed.has(k)) continue;
    const patchV = patch[k]!;
    if (k.startsWith(deleteFromPrimitiveListPrefix)) {
      mergeField(original, directiveTarget(k, deleteFromPrimitiveListPrefix), patchV, t, true);
    } else {
      mergeField(original, k, patchV, t, false);
    }
  }
  return original;
}

/**
 * Applies a strategic merge patch to a copy of `current` and returns the copy; `current` and `body` are left
 * untouched. `typeInfo` describes the kind (undefined: merge as free-form JSON). A body that is not a JSON object
 * is 400 BadRequest (null is an empty patch).
 */
export function applyStrategicMergePatch(current: KObject, body: unknown, typeInfo: TypeInfo | undefined): KObject {
  if (body === null || body === undefined) return copyJson(current as JsonObject) as KObject;
  if (!isObject(body)) {
    throw badRequest(`json: cannot unmarshal ${jsonKind(body)} into Go value of type map[string]interface {}`);
  }
  return mergeMap(copyJson(current as JsonObject), body, typeInfo) as KObject;
}
