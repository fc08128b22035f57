// Structural defaulting of custom resources: drop non-nullable nulls without defaults, then fill absent fields.

import { additionalPropertiesOf, flag, isObject, itemsOf, type JSONSchemaProps, propertiesOf, propertyOf } from './types.ts';

/** The schema of a field: its property, else the additionalProperties schema. */
function fieldSchema(s: JSONSchemaProps | undefined, k: string): JSONSchemaProps | undefined {
  if (!s) return undefined;
  const p = propertyOf(s, k);
  if (p) return p;
  const ap = additionalPropertiesOf(s);
  return ap.kind === 'schema' ? ap.schema : undefined;
}

function hasDefault(s: JSONSchemaProps | undefined): boolean {
  return !!s && s.default !== undefined && s.default !== null;
}

function isNonNullableNull(x: unknown, s: JSONSchemaProps | undefined): boolean {
  return x === null && !!s && !flag(s, 'nullable');
}

/** Removes object fields that are null although their schema is not nullable and has no default. */
export function pruneNonNullableNullsWithoutDefaults(x: unknown, s: JSONSchemaProps | undefined): void {
  if (Array.isArray(x)) {
    const items = itemsOf(s);
    for (const v of x) pruneNonNullableNullsWithoutDefaults(v, items);
  } else if (isObject(x)) {
    for (const [k, v] of Object.entries(x)) {
      const fs = fieldSchema(s, k);
      if (isNonNullableNull(v, fs) && !hasDefault(fs)) delete x[k];
      else pruneNonNullableNullsWithoutDefaults(v, fs);
    }
  }
}

/** Fills defaults into `x`: absent fields, and nulls where null is not allowed; recursing into what is there. */
export function defaultValue(x: unknown, s: JSONSchemaProps | undefined): void {
  if (!s) return;
  if (Array.isArray(x)) {
    const items = itemsOf(s);
    for (let i = 0; i < x.length; i++) {
      if (isNonNullableNull(x[i], items)) x[i] = structuredClone(items?.default ?? null);
      defaultValue(x[i], items);
    }
  } else if (isObject(x)) {
    for (const [k, p] of propertiesOf(s)) {
      if (!hasDefault(p)) continue;
      if (!Object.hasOwn(x, k) || isNonNullableNull(x[k], p)) x[k] = structuredClone(p.default);
    }
    const ap = additionalPropertiesOf(s);
    for (const k of Object.keys(x)) {
      const p = propertyOf(s, k);
      if (p) {
        defaultValue(x[k], p);
      } else if (ap.kind !== 'none') {
        const aps = ap.kind === 'schema' ? ap.schema : undefined;
        if (isNonNullableNull(x[k], aps)) x[k] = structuredClone(aps?.default ?? null);
        defaultValue(x[k], aps);
      }
    }
  }
}

/**
 * Applies a CRD schema's defaults to `obj` in place, as Kubernetes does on every request and read:
 * first non-nullable nulls without a default are removed, then each absent property with a `default` gets
 * a copy of it (and nulls of non-nullable properties are replaced), recursing through properties,
 * additionalProperties and items. Defaults inside allOf/anyOf/oneOf/not are never applied.
 */
export function applySchemaDefaults(schema: JSONSchemaProps, obj: unknown): void {
  pruneNonNullableNullsWithoutDefaults(obj, schema);
  defaultValue(obj, schema);
}
