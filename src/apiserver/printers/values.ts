// Safe readers for untyped wire objects: walk a path, and read strings, numbers, lists and maps with Go's zero values.

export type Dict = Record<string, unknown>;

export function isDict(v: unknown): v is Dict {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value at a path of object keys, or undefined when any step is missing. */
export function at(v: unknown, ...keys: string[]): unknown {
  let cur = v;
  for (const k of keys) {
    if (!isDict(cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

/** The map at a path, or an empty one. */
export function dict(v: unknown, ...keys: string[]): Dict {
  const d = at(v, ...keys);
  return isDict(d) ? d : {};
}

/** The list at a path, or an empty one. */
export function list(v: unknown, ...keys: string[]): unknown[] {
  const a = at(v, ...keys);
  return Array.isArray(a) ? a : [];
}

/** The string at a path, or "" (Go's zero value). */
export function str(v: unknown, ...keys: string[]): string {
  const s = at(v, ...keys);
  return typeof s === 'string' ? s : '';
}

/** The string at a path, or undefined when absent (a Go *string). */
export function optStr(v: unknown, ...keys: string[]): string | undefined {
  const s = at(v, ...keys);
  return typeof s === 'string' ? s : undefined;
}

/** The integer at a path, or 0 (Go's zero value). */
export function int(v: unknown, ...keys: string[]): number {
  const n = at(v, ...keys);
  return typeof n === 'number' && Number.isFinite(n) ? Math.trunc(n) : 0;
}

/** The integer at a path, or undefined when absent (a Go *int32). */
export function optInt(v: unknown, ...keys: string[]): number | undefined {
  const n = at(v, ...keys);
  return typeof n === 'number' && Number.isFinite(n) ? Math.trunc(n) : undefined;
}

/** The boolean at a path, or undefined when absent (a Go *bool). */
export function optBool(v: unknown, ...keys: string[]): boolean | undefined {
  const b = at(v, ...keys);
  return typeof b === 'boolean' ? b : undefined;
}

/** Whether a path is present and not null (a Go pointer that is set). */
export function has(v: unknown, ...keys: string[]): boolean {
  const x = at(v, ...keys);
  return x !== undefined && x !== null;
}

/** A map of strings (labels, selectors), dropping anything that is not a string. */
export function stringMap(v: unknown, ...keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(dict(v, ...keys))) if (typeof x === 'string') out[k] = x;
  return out;
}

/** Number of keys of the map at a path. */
export function size(v: unknown, ...keys: string[]): number {
  return Object.keys(dict(v, ...keys)).length;
}

/** Sorts strings in code-unit order, which is Go's sort.Strings byte order for the text printers meet. */
export function goSort(a: string[]): string[] {
  return a.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}
