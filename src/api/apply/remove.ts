// Removes the paths of a field set from an object (typed RemoveItems), used to prune what an applier dropped.

import type { TypeInfo } from '../schema/type-info.ts';
import type { FieldSet } from './field-set.ts';
import { fieldPE } from './path-element.ts';
import { childType, itemPE, shapeOf } from './shape.ts';
import { isMap } from './value.ts';

/**
 * A copy of `value` without the members of `set` (a member removes its whole subtree). A container left
 * with nothing becomes null, as in Kubernetes; callers drop nulls when they write the object out.
 */
export function removeItems(value: unknown, set: FieldSet, ti: TypeInfo | undefined): unknown {
  if (set.isEmpty()) return value;
  return walk(value, set, ti) ?? null;
}

function walk(v: unknown, set: FieldSet, ti: TypeInfo | undefined): unknown {
  const shape = shapeOf(ti, v);
  switch (shape.kind) {
    case 'leaf':
      // Scalars stay; atomic containers cannot be entered, so asking to remove inside them empties them.
      return Array.isArray(v) || isMap(v) ? undefined : v;
    case 'struct':
    case 'map': {
      if (!isMap(v)) return undefined;
      const out: Record<string, unknown> = {};
      for (const [k, child] of Object.entries(v)) {
        const pe = fieldPE(k);
        if (set.hasMember(pe)) continue;
        const below = set.withPrefix(pe);
        out[k] = below.isEmpty() ? child : (walk(child, below, childType(shape, k)) ?? null);
      }
      return Object.keys(out).length ? out : undefined;
    }
    case 'list-map':
    case 'list-set': {
      if (!Array.isArray(v) || v.length === 0) return undefined;
      const out: unknown[] = [];
      for (const item of v) {
        const pe = itemPE(shape, item);
        if (set.hasMember(pe)) continue;
        const below = set.withPrefix(pe);
        out.push(below.isEmpty() ? item : (walk(item, below, shape.elem) ?? null));
      }
      return out.length ? out : undefined;
    }
  }
}
