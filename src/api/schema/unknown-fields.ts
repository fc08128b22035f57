// Finds and drops fields a schema does not declare, naming them as Kubernetes' strict decoding does ("spec.containers[0].imagee").

import type { TypeInfo } from './type-info.ts';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Path of a member: keys joined by ".", no leading dot at the root. */
const member = (path: string, key: string) => (path ? `${path}.${key}` : key);

function walk(t: TypeInfo | undefined, v: unknown, path: string, found: string[], drop: boolean): void {
  if (!t) return;
  switch (t.kind) {
    case 'object': {
      if (!isObject(v)) return;
      for (const key of Object.keys(v)) {
        const ft = t.field?.(key);
        if (ft) walk(ft, v[key], member(path, key), found, drop);
        else if (!t.preserveUnknownFields) {
          found.push(member(path, key));
          if (drop) delete v[key];
        }
      }
      return;
    }
    case 'map':
      if (isObject(v)) for (const key of Object.keys(v)) walk(t.elem, v[key], member(path, key), found, drop);
      return;
    case 'list':
      if (Array.isArray(v)) for (let i = 0; i < v.length; i++) walk(t.elem, v[i], `${path}[${i}]`, found, drop);
      return;
    default:
      return;
  }
}

/**
 * Paths of the fields of `obj` that `t` does not declare, in document order, as Kubernetes prints them
 * in `unknown field "<path>"` (no leading dot; map keys as `.key`; list items as `[i]`).
 */
export function unknownFieldPaths(t: TypeInfo | undefined, obj: unknown): string[] {
  const found: string[] = [];
  walk(t, obj, '', found, false);
  return found;
}

/** Removes the undeclared fields of `obj` in place (as decoding into Go structs, or CRD pruning, does); returns their paths. */
export function pruneUnknownFields(t: TypeInfo | undefined, obj: unknown): string[] {
  const found: string[] = [];
  walk(t, obj, '', found, true);
  return found;
}

/**
 * The message of a 400 for `fieldValidation=Strict`, exactly as the Kubernetes API server words it:
 * `strict decoding error: unknown field "spec.foo", duplicate field "spec.replicas"`.
 */
export function strictDecodingMessage(unknown: readonly string[], duplicates: readonly string[] = []): string {
  const parts = [...unknown.map((p) => `unknown field ${JSON.stringify(p)}`), ...duplicates.map((p) => `duplicate field ${JSON.stringify(p)}`)];
  return `strict decoding error: ${parts.join(', ')}`;
}

/** The warnings for `fieldValidation=Warn` (one per field; the API server sends each as a `Warning: 299 - "..."` header). */
export function fieldWarnings(unknown: readonly string[], duplicates: readonly string[] = []): string[] {
  return [...unknown.map((p) => `unknown field ${JSON.stringify(p)}`), ...duplicates.map((p) => `duplicate field ${JSON.stringify(p)}`)];
}
