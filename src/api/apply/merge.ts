// Merges an applied configuration into an object (typed Merge): the configuration wins for every leaf it sets.

import type { TypeInfo } from '../schema/type-info.ts';
import { displayPE, fieldPE, serializePE } from './path-element.ts';
import type { PathElement } from './path-element.ts';
import { SchemaError, childType, itemPE, shapeOfPair } from './shape.ts';
import type { Shape } from './shape.ts';
import { clone, isMap } from './value.ts';

/**
 * `lhs` merged with `rhs`: nothing is removed; leaves (scalars, atomic values) take rhs's value; structs and
 * granular maps merge by field; associative lists merge by key or value, ordered like rhs where rhs has
 * items and keeping lhs-only items in place. Throws SchemaError for duplicate or unidentifiable rhs items.
 */
export function merge(lhs: unknown, rhs: unknown, ti: TypeInfo | undefined): unknown {
  return node(lhs, rhs, ti, []);
}

function emptyContainer(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return isMap(v) && Object.keys(v).length === 0;
}

function node(l: unknown, r: unknown, ti: TypeInfo | undefined, path: PathElement[]): unknown {
  const shape = shapeOfPair(ti, l, r);
  if (shape.kind === 'leaf' || (emptyContainer(l) && emptyContainer(r))) return clone(r !== undefined ? r : l);
  if (shape.kind === 'struct' || shape.kind === 'map') {
    const lm = isMap(l) ? l : {};
    const rm = isMap(r) ? r : {};
    const out: Record<string, unknown> = {};
    for (const k of new Set([...Object.keys(lm), ...Object.keys(rm)])) {
      const lv = lm[k];
      const rv = rm[k];
      if (lv === undefined && rv === undefined) continue;
      const v = node(lv, rv, childType(shape, k), [...path, fieldPE(k)]);
      if (v !== undefined) out[k] = v;
    }
    return Object.keys(out).length ? out : undefined;
  }
  const merged = items(Array.isArray(l) ? l : [], Array.isArray(r) ? r : [], shape, path);
  return merged.length ? merged : undefined;
}

interface Indexed {
  pes: PathElement[];
  keys: string[];
  /** First item per key; null for a key that appears more than once (lhs only). */
  observed: Map<string, unknown>;
}

function index(list: unknown[], shape: Shape, path: PathElement[], allowDuplicates: boolean): Indexed {
  const out: Indexed = { pes: [], keys: [], observed: new Map() };
  list.forEach((item, i) => {
    let pe: PathElement;
    try {
      pe = itemPE(shape, item);
    } catch (err) {
      if (err instanceof SchemaError) throw new SchemaError(`${where(path)}element ${i}: ${err.message}`);
      throw err;
    }
    const key = serializePE(pe);
    if (out.observed.has(key)) {
      if (!allowDuplicates) throw new SchemaError(`${where(path)}duplicate entries for key ${displayPE(pe)}`);
      out.observed.set(key, null);
    } else out.observed.set(key, item);
    out.pes.push(pe);
    out.keys.push(key);
  });
  return out;
}

function where(path: PathElement[]): string {
  return path.length ? `${path.map(displayPE).join('')}: ` : '';
}

function items(l: unknown[], r: unknown[], shape: Shape, path: PathElement[]): unknown[] {
  const elem = shape.kind === 'list-map' || shape.kind === 'list-set' ? shape.elem : undefined;
  const rhs = index(r, shape, path, false);
  const lhs = index(l, shape, path, true);
  const out: unknown[] = [];
  const push = (pe: PathElement, lv: unknown, rv: unknown): void => {
    const v = node(lv, rv, elem, [...path, pe]);
    if (v !== undefined) out.push(v);
  };
  // rhs keys that lhs also has, in rhs order: lhs items are emitted in this order.
  const shared = rhs.keys.filter((k) => lhs.observed.has(k));
  let next: string | undefined = shared.shift();
  const mergedRHS = new Set<string>();
  let li = 0;
  let ri = 0;
  while (li < lhs.keys.length || ri < rhs.keys.length) {
    if (li < lhs.keys.length && ri < rhs.keys.length) {
      const key = lhs.keys[li] as string;
      if (key === rhs.keys[ri]) {
        mergedRHS.add(key);
        push(lhs.pes[li] as PathElement, lhs.observed.get(key), rhs.observed.get(key));
        li++;
        ri++;
        next = shared.shift();
        continue;
      }
      if (rhs.observed.has(key) && next !== undefined && next !== key) {
        li++;
        continue;
      }
    }
    if (li < lhs.keys.length) {
      const key = lhs.keys[li] as string;
      if (!rhs.observed.has(key)) {
        push(lhs.pes[li] as PathElement, l[li], undefined);
        li++;
        continue;
      }
      if (mergedRHS.has(key)) li++;
    }
    if (ri < rhs.keys.length) {
      const key = rhs.keys[ri] as string;
      mergedRHS.add(key);
      push(rhs.pes[ri] as PathElement, lhs.observed.get(key), rhs.observed.get(key));
      ri++;
      if (next !== undefined && next === key) next = shared.shift();
    }
  }
  return out;
}
