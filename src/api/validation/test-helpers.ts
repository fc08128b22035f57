// Helpers for validation tests: run an object through defaults, create preparation and validation.

import { fieldErrorString } from '../errors.ts';
import type { KObject } from '../object.ts';
import { applyDefaults, prepareForCreate } from '../defaults/index.ts';
import { validateCreate, validateUpdate } from './index.ts';

const versions: Record<string, string> = { '': 'v1', autoscaling: 'v2' };

/** Defaults, prepares and validates `obj` as the API server would on create; returns the error strings. */
export function createErrors(group: string, kind: string, obj: KObject, namespaced = true): string[] {
  applyDefaults(group, versions[group] ?? 'v1', kind, obj);
  prepareForCreate(group, kind, obj);
  return validateCreate(group, kind, obj, { namespaced }).map(fieldErrorString);
}

/** Defaults and validates an update of `old` (already stored) into `obj`; returns the error strings. */
export function updateErrors(group: string, kind: string, obj: KObject, old: KObject, namespaced = true): string[] {
  applyDefaults(group, versions[group] ?? 'v1', kind, obj);
  return validateUpdate(group, kind, obj, old, { namespaced }).map(fieldErrorString);
}

/** A stored copy: defaulted, prepared, with the server-set metadata an update needs. */
export function stored<T extends KObject>(group: string, kind: string, obj: T): T {
  const o = structuredClone(obj);
  applyDefaults(group, versions[group] ?? 'v1', kind, o);
  o.metadata = { uid: 'uid-1', resourceVersion: '7', creationTimestamp: '2024-01-01T00:00:00Z', ...o.metadata };
  prepareForCreate(group, kind, o);
  return o;
}

export const subdomainMsg = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
export const labelMsg = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
