// Tolerant readers for untyped JSON objects: a field of the wrong type reads as absent, never throws.

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The object at `o[k]`, or undefined. */
export function obj(o: unknown, k: string): Obj | undefined {
  if (!isObj(o)) return undefined;
  const v = o[k];
  return isObj(v) ? v : undefined;
}

/** The object at `o[k]`, or an empty one (for reading only). */
export function objOr(o: unknown, k: string): Obj {
  return obj(o, k) ?? {};
}

export function str(o: unknown, k: string): string | undefined {
  if (!isObj(o)) return undefined;
  const v = o[k];
  return typeof v === 'string' ? v : undefined;
}

/** A string field, with absence read as "" (Go's zero value). */
export function s(o: unknown, k: string): string {
  return str(o, k) ?? '';
}

export function num(o: unknown, k: string): number | undefined {
  if (!isObj(o)) return undefined;
  const v = o[k];
  return typeof v === 'number' ? v : undefined;
}

export function bool(o: unknown, k: string): boolean | undefined {
  if (!isObj(o)) return undefined;
  const v = o[k];
  return typeof v === 'boolean' ? v : undefined;
}

export function arr(o: unknown, k: string): unknown[] {
  if (!isObj(o)) return [];
  const v = o[k];
  return Array.isArray(v) ? v : [];
}

/** The list at `o[k]` keeping only object items, each with its original index. */
export function objs(o: unknown, k: string): [Obj, number][] {
  const out: [Obj, number][] = [];
  arr(o, k).forEach((v, i) => {
    out.push([isObj(v) ? v : {}, i]);
  });
  return out;
}

export function strs(o: unknown, k: string): string[] {
  return arr(o, k).map((v) => (typeof v === 'string' ? v : String(v)));
}

/** A map of strings (labels, annotations, selectors); non-string values are stringified. */
export function strMap(o: unknown, k: string): Record<string, string> {
  const m = obj(o, k);
  if (!m) return {};
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(m)) out[key] = typeof v === 'string' ? v : v == null ? '' : String(v);
  return out;
}

/** Whether `o[k]` is present and not null (Go: a non-nil pointer). */
export function has(o: unknown, k: string): boolean {
  return isObj(o) && o[k] !== undefined && o[k] !== null;
}

/** An int-or-string value (`port: 80` / `port: http`). */
export type IntOrString = { kind: 'int'; value: number } | { kind: 'string'; value: string };

export function intOrString(o: unknown, k: string): IntOrString | undefined {
  if (!isObj(o)) return undefined;
  const v = o[k];
  if (typeof v === 'number') return { kind: 'int', value: v };
  if (typeof v === 'string') return { kind: 'string', value: v };
  return undefined;
}

/** The JSON form of an int-or-string for error values. */
export function iosValue(v: IntOrString): string | number {
  return v.value;
}
