// Small mutating helpers for defaulting untyped JSON objects.

import { Quantity } from '../quantity.ts';

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `o[k]` as an object, created (as {}) when absent or not an object. */
export function ensure(o: Obj, k: string): Obj {
  const v = o[k];
  if (isObj(v)) return v;
  const created: Obj = {};
  o[k] = created;
  return created;
}

/** `o[k]` as an object, or undefined (never creates). */
export function get(o: unknown, k: string): Obj | undefined {
  if (!isObj(o)) return undefined;
  const v = o[k];
  return isObj(v) ? v : undefined;
}

/** The object items of the list at `o[k]`. */
export function items(o: unknown, k: string): Obj[] {
  if (!isObj(o)) return [];
  const v = o[k];
  return Array.isArray(v) ? v.filter(isObj) : [];
}

/** Sets `o[k] = v` when the field is absent or null (Go: a nil pointer). */
export function setIfNil(o: Obj, k: string, v: unknown): void {
  if (o[k] === undefined || o[k] === null) o[k] = v;
}

/** Sets `o[k] = v` when the field has its zero value: absent, null, "" or 0 (Go: an empty value field). */
export function setIfEmpty(o: Obj, k: string, v: unknown): void {
  const cur = o[k];
  if (cur === undefined || cur === null || cur === '' || cur === 0) o[k] = v;
}

/** Canonicalizes one quantity field in place; malformed values are left for validation to report. */
export function canonicalQuantityField(o: Obj, k: string, roundToMilli = false): void {
  const v = o[k];
  if (v === undefined || v === null) return;
  try {
    let q = Quantity.fromJSON(v);
    if (roundToMilli) {
      const r = q.roundUp(-3);
      q = r.quantity;
    }
    o[k] = q.toString();
  } catch {
    // keep the original; validation reports it
  }
}

/** SetDefaults_ResourceList: every value rounded up to milli precision and written canonically. */
export function defaultResourceList(o: Obj | undefined, k: string): void {
  const list = get(o, k);
  if (!list) return;
  for (const name of Object.keys(list)) canonicalQuantityField(list, name, true);
}
