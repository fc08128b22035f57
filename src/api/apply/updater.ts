// The server-side apply engine (merge.Updater): ownership changes on writes, merge and prune on apply, conflicts.

import type { TypeInfo } from '../schema/type-info.ts';
import { compare, excludeFields } from './compare.ts';
import type { Comparison } from './compare.ts';
import { ensureNamedFieldsAreMembers, toFieldSet } from './extract.ts';
import { FieldSet } from './field-set.ts';
import type { VersionedSet } from './managers.ts';
import type { Path } from './path-element.ts';
import { merge } from './merge.ts';
import { removeItems } from './remove.ts';
import { valuesEqual } from './value.ts';

/** Manager identity → fields; changed in place by the functions here. */
export type ManagerSets = Map<string, VersionedSet>;

/** A field another manager owns that this operation would change. */
export interface Conflict {
  readonly manager: string;
  readonly path: Path;
}

/** Thrown by a non-forced apply that would change fields owned by other managers. */
export class ConflictsError extends Error {
  readonly conflicts: readonly Conflict[];
  constructor(conflicts: readonly Conflict[]) {
    super(`${conflicts.length} conflict(s)`);
    this.name = 'ConflictsError';
    this.conflicts = conflicts;
  }
}

export interface UpdaterContext {
  readonly typeInfo: TypeInfo | undefined;
  /** The API version of the request. */
  readonly apiVersion: string;
  /** Fields the registry resets for this endpoint (status on the main resource, spec on /status). */
  readonly ignored?: FieldSet;
}

/**
 * Moves ownership for a change from `live` to `next` made by `workflow`: other managers lose fields that
 * were removed, and fields that were added or modified — or, without `force`, the change is refused with
 * the conflicts. Returns the comparison.
 */
function updateOwners(ctx: UpdaterContext, live: unknown, next: unknown, managers: ManagerSets, workflow: string, force: boolean): Comparison {
  const cmp = excludeFields(compare(live, next, ctx.typeInfo), ctx.ignored);
  const changed = cmp.modified.union(cmp.added);
  const conflicts = new Map<string, FieldSet>();
  for (const [manager, vs] of managers) {
    if (manager === workflow) continue;
    const overlap = vs.set.intersection(changed);
    if (!overlap.isEmpty()) conflicts.set(manager, overlap);
  }
  if (!force && conflicts.size > 0) {
    const list: Conflict[] = [];
    for (const manager of [...conflicts.keys()].sort()) {
      for (const path of (conflicts.get(manager) as FieldSet).paths()) list.push({ manager, path });
    }
    throw new ConflictsError(list);
  }
  for (const [manager, vs] of managers) {
    if (manager === workflow) continue;
    let set = vs.set;
    const lost = conflicts.get(manager);
    if (lost) set = set.difference(lost);
    set = set.difference(cmp.removed);
    if (set.isEmpty()) managers.delete(manager);
    else if (set !== vs.set) managers.set(manager, { ...vs, set });
  }
  return cmp;
}

/**
 * Records a create/update/patch by `manager` (Updater.Update): the manager gains what it added or modified,
 * loses what it removed; other managers lose everything this write changed. Never conflicts.
 */
export function updateManagers(ctx: UpdaterContext, live: unknown, next: unknown, managers: ManagerSets, manager: string): void {
  const cmp = updateOwners(ctx, live, next, managers, manager, true);
  let set = (managers.get(manager)?.set ?? FieldSet.empty()).difference(cmp.removed).union(cmp.modified).union(cmp.added);
  if (ctx.ignored) set = set.recursiveDifference(ctx.ignored);
  if (set.isEmpty()) managers.delete(manager);
  else managers.set(manager, { set, apiVersion: ctx.apiVersion, applied: false });
}

/**
 * Applies `config` for `manager` (Updater.Apply): merges it into `live`, removes what the manager applied
 * last time but no longer does (unless another manager owns it), makes the manager own exactly what it
 * applied, and takes fields from other managers (force) or throws ConflictsError. Returns the new object,
 * or undefined when the object does not change.
 */
export function applyManagers(ctx: UpdaterContext, live: unknown, config: unknown, managers: ManagerSets, manager: string, force: boolean): unknown {
  const merged = merge(live, config, ctx.typeInfo);
  const last = managers.get(manager);
  let set = toFieldSet(config, ctx.typeInfo);
  if (ctx.ignored) set = set.recursiveDifference(ctx.ignored);
  managers.set(manager, { set, apiVersion: ctx.apiVersion, applied: true });
  const next = prune(ctx.typeInfo, merged, managers, last);
  updateOwners(ctx, live, next, managers, manager, force);
  return valuesEqual(live, next) ? undefined : next;
}

/** Removes fields the manager applied last time and not now, unless some manager (the applier included) owns them. */
function prune(ti: TypeInfo | undefined, merged: unknown, managers: ManagerSets, last: VersionedSet | undefined): unknown {
  if (!last || last.set.isEmpty()) return merged;
  const lastSet = ensureNamedFieldsAreMembers(last.set, ti);
  const fields = (v: unknown): FieldSet => ensureNamedFieldsAreMembers(toFieldSet(v, ti), ti);
  let pruned = removeItems(merged, lastSet, ti);
  // Add back what anyone still owns.
  let owned = FieldSet.empty();
  for (const vs of managers.values()) owned = owned.union(vs.set);
  const mergedSet = fields(merged);
  pruned = removeItems(merged, mergedSet.difference(fields(pruned).union(ensureNamedFieldsAreMembers(owned, ti))), ti);
  // Only remove what this manager owned before.
  return removeItems(merged, mergedSet.difference(fields(pruned)).intersection(lastSet), ti);
}
