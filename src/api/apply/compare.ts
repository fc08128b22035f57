// Compares two objects field by field (typed Compare): which paths were added, modified and removed.

import type { TypeInfo } from '../schema/type-info.ts';
import { FieldSet } from './field-set.ts';
import { fieldPE, serializePE } from './path-element.ts';
import type { PathElement } from './path-element.ts';
import { childType, itemPE, shapeOfPair } from './shape.ts';
import type { Shape } from './shape.ts';
import { isMap, valuesEqual } from './value.ts';

/** The difference between two objects; a path is in at most one of the sets. */
export interface Comparison {
  readonly added: FieldSet;
  readonly modified: FieldSet;
  readonly removed: FieldSet;
}

/**
 * Compares `lhs` (before) with `rhs` (after). Leaves are compared by value; structs, granular maps and
 * associative lists are walked, and a container that appears or disappears is itself added or removed.
 * Throws SchemaError for list items that cannot be identified.
 */
export function compare(lhs: unknown, rhs: unknown, ti: TypeInfo | undefined): Comparison {
  const c = { added: FieldSet.empty(), modified: FieldSet.empty(), removed: FieldSet.empty() };
  node(lhs, rhs, ti, [], c);
  return c;
}

/** The comparison without the given paths and everything below them (Comparison.ExcludeFields). */
export function excludeFields(c: Comparison, ignored: FieldSet | undefined): Comparison {
  if (!ignored || ignored.isEmpty()) return c;
  return {
    added: c.added.recursiveDifference(ignored),
    modified: c.modified.recursiveDifference(ignored),
    removed: c.removed.recursiveDifference(ignored),
  };
}

function emptyContainer(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return isMap(v) && Object.keys(v).length === 0;
}

function node(l: unknown, r: unknown, ti: TypeInfo | undefined, path: PathElement[], c: Comparison): void {
  const shape = shapeOfPair(ti, l, r);
  if (shape.kind === 'leaf' || (emptyContainer(l) && emptyContainer(r))) {
    if (l === undefined) c.added.insert(path);
    else if (r === undefined) c.removed.insert(path);
    else if (!valuesEqual(l, r)) c.modified.insert(path);
    return;
  }
  if (shape.kind === 'struct' || shape.kind === 'map') {
    const lm = isMap(l) ? l : {};
    const rm = isMap(r) ? r : {};
    for (const k of new Set([...Object.keys(lm), ...Object.keys(rm)])) {
      const lv = lm[k];
      const rv = rm[k];
      if (lv === undefined && rv === undefined) continue;
      node(lv, rv, childType(shape, k), [...path, fieldPE(k)], c);
    }
  } else {
    items(Array.isArray(l) ? l : [], Array.isArray(r) ? r : [], shape, path, c);
  }
  if (l === undefined) c.added.insert(path);
  else if (r === undefined) c.removed.insert(path);
}

function group(list: unknown[], shape: Shape, order: PathElement[], seen: Map<string, unknown[]>): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  for (const item of list) {
    const pe = itemPE(shape, item);
    const key = serializePE(pe);
    const existing = out.get(key);
    if (existing) existing.push(item);
    else {
      out.set(key, [item]);
      if (!seen.has(key)) order.push(pe);
    }
  }
  return out;
}

function items(l: unknown[], r: unknown[], shape: Shape, path: PathElement[], c: Comparison): void {
  const elem = shape.kind === 'list-map' || shape.kind === 'list-set' ? shape.elem : undefined;
  const order: PathElement[] = [];
  const lValues = group(l, shape, order, new Map());
  const rValues = group(r, shape, order, lValues);
  for (const pe of order) {
    const key = serializePE(pe);
    const ll = lValues.get(key) ?? [];
    const rl = rValues.get(key) ?? [];
    const p = [...path, pe];
    if (ll.length <= 1 && rl.length <= 1) {
      node(ll[0], rl[0], elem, p, c);
    } else if (ll.length >= 2 && rl.length >= 2) {
      if (!valuesEqual(ll, rl)) c.modified.insert(p);
    } else if (ll.length >= 2) {
      if (rl.length) node(undefined, rl[0], elem, p, c);
      c.removed.insert(p);
    } else {
      if (ll.length) node(ll[0], undefined, elem, p, c);
      c.added.insert(p);
    }
  }
}
