// RFC 7386 JSON merge patch (application/merge-patch+json): null deletes, objects merge recursively, the rest replaces.
//
// Follows the library Kubernetes applies merge patches with (evanphx/json-patch v4): a patch object that lands where
// there was no object has its nulls pruned (recursively, also inside objects in arrays); a non-object patch value
// replaces as it is. A body that is null or a scalar is 400 "Invalid JSON Patch".

import type { KObject } from '../object.ts';
import { badRequest } from '../errors.ts';
import { copyJson, deleteKey, getKey, isObject, setKey } from './json.ts';
import type { JsonObject, JsonValue } from './json.ts';
import { patchedNotAnObject } from './patch-errors.ts';

/** A copy of `v` without null object members, at any depth (array elements that are null stay). */
export function pruneNulls(v: JsonValue): JsonValue {
  if (Array.isArray(v)) return v.map((x) => (x === null ? null : pruneNulls(x)));
  if (isObject(v)) {
    const out: JsonObject = {};
    for (const k of Object.keys(v)) {
      const x = v[k]!;
      if (x !== null) setKey(out, k, pruneNulls(x));
    }
    return out;
  }
  return v;
}

function mergeValue(cur: JsonValue, patch: JsonValue): JsonValue {
  if (!isObject(cur)) return pruneNulls(patch);
  if (!isObject(patch)) return copyJson(patch);
  mergeInto(cur, patch);
  return cur;
}

/** Merges `patch` into `doc` in place (doc must be a private copy). */
function mergeInto(doc: JsonObject, patch: JsonObject): void {
  for (const k of Object.keys(patch)) {
    const pv = patch[k]!;
    if (pv === null) {
      deleteKey(doc, k);
      continue;
    }
    const cur = getKey(doc, k);
    setKey(doc, k, cur === undefined || cur === null ? pruneNulls(pv) : mergeValue(cur, pv));
  }
}

/** RFC 7386 over plain JSON: returns a new value; neither argument is changed. */
export function mergePatchValue(target: JsonValue, patch: JsonValue): JsonValue {
  if (!isObject(patch)) return copyJson(patch);
  const doc: JsonObject = isObject(target) ? copyJson(target) : {};
  mergeInto(doc, patch);
  return doc;
}

/**
 * Applies a JSON merge patch to a copy of `current` and returns the copy; `current` and `body` are left untouched.
 * A null or scalar body is 400 BadRequest; an array body replaces the document, which is then not an object (422).
 */
export function applyMergePatch(current: KObject, body: unknown): KObject {
  if (Array.isArray(body)) throw patchedNotAnObject(pruneNulls(body as JsonValue[]), 'array');
  if (!isObject(body)) throw badRequest('Invalid JSON Patch');
  const doc = copyJson(current as JsonObject);
  mergeInto(doc, body);
  return doc as KObject;
}
