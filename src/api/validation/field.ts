// Field paths and field-error constructors, mirroring Kubernetes' util/validation/field package.

import type { FieldError } from '../errors.ts';

/** `spec` + `containers` → `spec.containers`; the root is the empty string. */
export function child(path: string, ...names: string[]): string {
  let p = path;
  for (const n of names) p = p ? `${p}.${n}` : n;
  return p;
}

/** `spec.containers` + 0 → `spec.containers[0]`. */
export function index(path: string, i: number): string {
  return `${path}[${i}]`;
}

/** `metadata.labels` + `app` → `metadata.labels[app]` (Kubernetes does not quote keys). */
export function key(path: string, k: string): string {
  return `${path}[${k}]`;
}

export type Errors = FieldError[];

export function required(field: string, detail = ''): FieldError {
  return detail ? { type: 'FieldValueRequired', field, detail } : { type: 'FieldValueRequired', field };
}

export function invalid(field: string, value: unknown, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field, value: value === undefined ? null : value, detail };
}

/** Invalid without showing a value (Kubernetes' field.OmitValueType). */
export function invalidOmit(field: string, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field, detail };
}

export function notSupported(field: string, value: unknown, supported: readonly string[]): FieldError {
  return { type: 'FieldValueNotSupported', field, value: value === undefined ? null : value, supported: [...supported] };
}

export function duplicate(field: string, value: unknown): FieldError {
  return { type: 'FieldValueDuplicate', field, value };
}

export function notFound(field: string, value: unknown): FieldError {
  return { type: 'FieldValueNotFound', field, value };
}

export function forbidden(field: string, detail: string): FieldError {
  return { type: 'FieldValueForbidden', field, detail };
}

/** `Too long: may not be more than 262144 bytes` (the value itself is never shown). */
export function tooLong(field: string, maxBytes: number): FieldError {
  const detail = maxBytes >= 0 ? `may not be more than ${maxBytes} ${maxBytes === 1 ? 'byte' : 'bytes'}` : 'value is too long';
  return { type: 'FieldValueTooLong', field, detail };
}

export function tooMany(field: string, actual: number, max: number): FieldError {
  return { type: 'FieldValueTooMany', field, value: actual, detail: max >= 0 ? `must have at most ${max} items` : 'has too many items' };
}

export function internalError(field: string, detail: string): FieldError {
  return { type: 'InternalError', field, detail };
}

/** Kubernetes' ValidateNonnegativeField message. */
export const isNegativeErrorMsg = 'must be greater than or equal to 0';
export const fieldImmutableErrorMsg = 'field is immutable';

export function nonNegative(value: number | undefined, field: string): Errors {
  return value !== undefined && value < 0 ? [invalid(field, value, isNegativeErrorMsg)] : [];
}

/** ValidateImmutableField: an Invalid error carrying the new value when it differs (deeply) from the old one. */
export function immutable(newValue: unknown, oldValue: unknown, field: string): Errors {
  return deepEqual(newValue, oldValue) ? [] : [invalid(field, newValue, fieldImmutableErrorMsg)];
}

/**
 * Semantic equality of JSON values as Kubernetes compares typed objects: an absent field, null, an empty
 * string/list/map and false all equal their zero value. Quantities are compared by text.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isZero(a) && isZero(b)) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => deepEqual(v, b[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  for (const k of new Set([...Object.keys(ao), ...Object.keys(bo)])) if (!deepEqual(ao[k], bo[k])) return false;
  return true;
}

function isZero(v: unknown): boolean {
  if (v === undefined || v === null || v === '' || v === false || v === 0) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.values(v as object).every(isZero);
  return false;
}
