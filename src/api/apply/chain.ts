// The bookkeeping Kubernetes layers around the engine: manager identities, times, stripped metadata, caps.

import type { KObject } from '../object.ts';
import type { TypeInfo } from '../schema/type-info.ts';
import { FieldSet } from './field-set.ts';
import { capUpdateManagers, encodeManagedFields, managerIdentifier } from './managers.ts';
import type { Managed } from './managers.ts';
import { fieldPE } from './path-element.ts';
import { childType, shapeOf } from './shape.ts';
import { updateManagers } from './updater.ts';
import type { ManagerSets, UpdaterContext } from './updater.ts';
import { clone, isMap } from './value.ts';

/** Fields never recorded in managedFields (stripMetaManager). */
export const STRIP_SET = FieldSet.of(
  [fieldPE('apiVersion')],
  [fieldPE('kind')],
  [fieldPE('metadata')],
  ...['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion']
    .map((f) => [fieldPE('metadata'), fieldPE(f)]),
);

/** Removes STRIP_SET from one manager's fields, dropping the manager when nothing is left. */
export function stripFields(managers: ManagerSets, manager: string): void {
  const vs = managers.get(manager);
  if (!vs) return;
  const set = vs.set.difference(STRIP_SET);
  if (set.isEmpty()) managers.delete(manager);
  else managers.set(manager, { ...vs, set });
}

/** A field set from field-name paths such as `[['status']]` or `[['metadata', 'ownerReferences']]`. */
export function fieldPathSet(paths: readonly (readonly string[])[] | undefined): FieldSet | undefined {
  if (!paths?.length) return undefined;
  return FieldSet.of(...paths.map((p) => p.map(fieldPE)));
}

/** The identity an updater records under when no manager name was given. */
export function managerName(manager: string): string {
  return manager || 'unknown';
}

/**
 * Records a non-apply write by `manager` in `managed` (mutated): the Update entry for this manager, API
 * version and subresource gains what the write changed (and gets `now` as its time when it changed
 * anything), other managers lose what the write changed, and old Update entries are capped.
 */
export function updateManaged(ctx: UpdaterContext, live: unknown, next: unknown, managed: Managed, opts: { manager: string; now: string; subresource?: string }): void {
  const id = managerIdentifier({ manager: managerName(opts.manager), operation: 'Update', apiVersion: ctx.apiVersion, subresource: opts.subresource });
  const self = 'current-operation';
  updateManagers(ctx, live, next, managed.fields, self);
  stripFields(managed.fields, self);
  const vs = managed.fields.get(self);
  if (vs) {
    managed.fields.delete(self);
    const previous = managed.fields.get(id);
    managed.fields.set(id, previous ? { set: vs.set.union(previous.set), apiVersion: vs.apiVersion, applied: vs.applied } : vs);
    managed.times.set(id, opts.now);
  }
  capUpdateManagers(managed);
}

/** A copy of the object without metadata.managedFields (what the engine compares and merges). */
export function withoutManagedFields(obj: KObject): KObject {
  const copy = clone(obj);
  if (copy.metadata && 'managedFields' in copy.metadata) delete copy.metadata.managedFields;
  return copy;
}

/** Drops null-valued fields of structs and maps (decoding into API types makes them absent). Mutates. */
export function dropNulls(v: unknown, ti: TypeInfo | undefined): void {
  const shape = shapeOf(ti, v);
  if ((shape.kind === 'struct' || shape.kind === 'map') && isMap(v)) {
    for (const [k, child] of Object.entries(v)) {
      if (child === null) delete v[k];
      else dropNulls(child, childType(shape, k));
    }
  } else if ((shape.kind === 'list-map' || shape.kind === 'list-set') && Array.isArray(v)) {
    for (const item of v) dropNulls(item, shape.elem);
  }
}

/** Writes `managed` into obj.metadata.managedFields, or removes the field when there are no managers. */
export function setManagedFields(obj: KObject, managed: Managed): void {
  const entries = encodeManagedFields(managed);
  if (entries) (obj.metadata ??= {}).managedFields = entries;
  else if (obj.metadata) delete obj.metadata.managedFields;
}
