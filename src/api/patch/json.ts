// Small helpers over plain JSON values for the patch engines: own-key access safe for "__proto__", copy, equality, kinds.

import type { JsonObject, JsonValue } from '../object.ts';

export type { JsonObject, JsonValue };

/** The JSON kind of a value, as Go's encoding/json names it in messages. */
export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'bool' | 'null';

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function jsonKind(v: unknown): JsonKind {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'object': return 'object';
    case 'string': return 'string';
    case 'number': return 'number';
    case 'boolean': return 'bool';
    default: return 'null';
  }
}

export function hasKey(o: JsonObject, key: string): boolean {
  return Object.hasOwn(o, key);
}

/** The value under an own key, or undefined (never an inherited property). */
export function getKey(o: JsonObject, key: string): JsonValue | undefined {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** Sets an own, enumerable key; "__proto__" becomes a plain data property instead of changing the prototype. */
export function setKey(o: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') {
    Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    o[key] = value;
  }
}

export function deleteKey(o: JsonObject, key: string): void {
  if (Object.hasOwn(o, key)) delete o[key];
}

/** A deep copy of JSON data that keeps "__proto__" keys as data. */
export function copyJson<T extends JsonValue>(v: T): T {
  if (Array.isArray(v)) return v.map((x) => copyJson(x)) as T;
  if (isObject(v)) {
    const out: JsonObject = {};
    for (const k of Object.keys(v)) setKey(out, k, copyJson(v[k]!));
    return out as T;
  }
  return v;
}

/** Structural equality of JSON values (object key order ignored). */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}
