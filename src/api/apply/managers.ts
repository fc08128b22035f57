// metadata.managedFields in memory: managers keyed by identity, their field sets and times; decode, encode, cap.

import type { ManagedFieldsEntry } from '../object.ts';
import { FieldSet } from './field-set.ts';
import { compareStrings, isMap } from './value.ts';

/** A manager's fields at the API version it last wrote with; `applied` for Apply entries. */
export interface VersionedSet {
  readonly set: FieldSet;
  readonly apiVersion: string;
  readonly applied: boolean;
}

/** The managers of an object: identity → fields, identity → time of last change (RFC 3339). */
export interface Managed {
  readonly fields: Map<string, VersionedSet>;
  readonly times: Map<string, string | undefined>;
}

export function emptyManaged(): Managed {
  return { fields: new Map(), times: new Map() };
}

/** Thrown when metadata.managedFields cannot be read. */
export class ManagedFieldsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManagedFieldsError';
  }
}

interface Identity {
  manager?: string;
  operation?: string;
  apiVersion?: string;
  subresource?: string;
}

/**
 * The identity of a manager (BuildManagerIdentifier): the entry's JSON without fields and time, and without
 * apiVersion for appliers, so one applier has one entry while updaters have one per API version.
 */
export function managerIdentifier(e: Identity): string {
  const id: Identity = {};
  if (e.manager) id.manager = e.manager;
  if (e.operation) id.operation = e.operation;
  if (e.apiVersion && e.operation !== 'Apply') id.apiVersion = e.apiVersion;
  if (e.subresource) id.subresource = e.subresource;
  return JSON.stringify(id);
}

function parseIdentifier(id: string): Identity | undefined {
  try {
    const v: unknown = JSON.parse(id);
    if (!isMap(v)) return undefined;
    const str = (x: unknown): string | undefined => (typeof x === 'string' && x ? x : undefined);
    return { manager: str(v.manager), operation: str(v.operation), apiVersion: str(v.apiVersion), subresource: str(v.subresource) };
  } catch {
    return undefined;
  }
}

/** How conflict messages name a manager: `"kubectl"`, `"kube-controller-manager" using apps/v1`. */
export function printManager(id: string): string {
  const e = parseIdentifier(id);
  if (!e) return JSON.stringify(id);
  let s = JSON.stringify(e.manager ?? '');
  if (e.subresource) s += ` with subresource ${JSON.stringify(e.subresource)}`;
  if (e.operation === 'Update') s += ` using ${e.apiVersion ?? ''}`;
  return s;
}

/** Reads metadata.managedFields (DecodeManagedFields); throws ManagedFieldsError for an invalid entry. */
export function decodeManagedFields(entries: unknown): Managed {
  const managed = emptyManaged();
  if (entries === undefined || entries === null) return managed;
  if (!Array.isArray(entries)) throw new ManagedFieldsError('managedFields must be a list');
  entries.forEach((raw, i) => {
    const e: Record<string, unknown> = isMap(raw) ? raw : {};
    const operation = typeof e.operation === 'string' ? e.operation : '';
    if (operation !== 'Apply' && operation !== 'Update') throw new ManagedFieldsError('operation must be `Apply` or `Update`');
    const apiVersion = typeof e.apiVersion === 'string' ? e.apiVersion : '';
    if (!apiVersion) throw new ManagedFieldsError('apiVersion must not be empty');
    const fieldsType = typeof e.fieldsType === 'string' ? e.fieldsType : '';
    if (fieldsType === '') throw new ManagedFieldsError(`missing fieldsType in managed fields entry ${i}`);
    if (fieldsType !== 'FieldsV1') throw new ManagedFieldsError(`invalid fieldsType "${fieldsType}" in managed fields entry ${i}`);
    const id = managerIdentifier({
      manager: typeof e.manager === 'string' ? e.manager : undefined,
      operation,
      apiVersion,
      subresource: typeof e.subresource === 'string' ? e.subresource : undefined,
    });
    let set: FieldSet;
    try {
      set = FieldSet.fromFieldsV1(e.fieldsV1 ?? {});
    } catch (err) {
      throw new ManagedFieldsError(`error decoding versioned set: error decoding set: ${(err as Error).message}`);
    }
    managed.fields.set(id, { set, apiVersion, applied: operation === 'Apply' });
    managed.times.set(id, typeof e.time === 'string' ? e.time : undefined);
  });
  return managed;
}

function seconds(time: string | undefined): number {
  if (!time) return 0;
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
}

/** Writes managers as metadata.managedFields entries, sorted as Kubernetes sorts them; undefined when none. */
export function encodeManagedFields(managed: Managed): ManagedFieldsEntry[] | undefined {
  if (managed.fields.size === 0) return undefined;
  const out: ManagedFieldsEntry[] = [];
  for (const [id, vs] of managed.fields) {
    const ident = parseIdentifier(id) ?? {};
    const entry: ManagedFieldsEntry = {};
    if (ident.manager) entry.manager = ident.manager;
    const operation = vs.applied ? 'Apply' : ident.operation;
    if (operation === 'Apply' || operation === 'Update') entry.operation = operation;
    if (vs.apiVersion) entry.apiVersion = vs.apiVersion;
    const time = managed.times.get(id);
    if (time) entry.time = time;
    entry.fieldsType = 'FieldsV1';
    entry.fieldsV1 = vs.set.toFieldsV1();
    if (ident.subresource) entry.subresource = ident.subresource;
    out.push(entry);
  }
  return out.sort(compareEntries);
}

function compareEntries(p: ManagedFieldsEntry, q: ManagedFieldsEntry): number {
  return compareStrings(p.operation ?? '', q.operation ?? '')
    || seconds(p.time) - seconds(q.time)
    || compareStrings(p.manager ?? '', q.manager ?? '')
    || compareStrings(p.apiVersion ?? '', q.apiVersion ?? '')
    || compareStrings(p.subresource ?? '', q.subresource ?? '');
}

/** Kubernetes keeps at most this many Update entries (DefaultMaxUpdateManagers). */
export const MAX_UPDATE_MANAGERS = 10;

/**
 * Merges the oldest Update entries into per-version "ancient-changes" buckets until at most `max` Update
 * entries remain (capManagersManager). Mutates and returns `managed`.
 */
export function capUpdateManagers(managed: Managed, max = MAX_UPDATE_MANAGERS): Managed {
  const updaters = [...managed.fields].filter(([, vs]) => !vs.applied).map(([id]) => id);
  if (updaters.length <= max) return managed;
  updaters.sort((a, b) => seconds(managed.times.get(a)) - seconds(managed.times.get(b)) || compareStrings(a, b));
  const firstForVersion = new Map<string, string>();
  let length = updaters.length;
  for (let i = 0; i < updaters.length && length > max; i++) {
    const id = updaters[i] as string;
    const vs = managed.fields.get(id) as VersionedSet;
    const time = managed.times.get(id);
    const version = vs.apiVersion;
    const bucket = managerIdentifier({ manager: 'ancient-changes', operation: 'Update', apiVersion: version });
    const first = firstForVersion.get(version);
    if (first === undefined) {
      firstForVersion.set(version, id);
      continue;
    }
    if (!managed.fields.has(bucket)) {
      const s = managed.fields.get(first) as VersionedSet;
      managed.fields.delete(first);
      managed.fields.set(bucket, s);
    }
    const bucketSet = managed.fields.get(bucket) as VersionedSet;
    managed.fields.set(bucket, { set: vs.set.union(bucketSet.set), apiVersion: vs.apiVersion, applied: vs.applied });
    managed.fields.delete(id);
    length--;
    managed.times.set(bucket, time);
  }
  return managed;
}

/** A copy whose maps can be changed without touching the original. */
export function copyManaged(m: Managed): Managed {
  return { fields: new Map(m.fields), times: new Map(m.times) };
}
