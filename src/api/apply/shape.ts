// How apply sees a value given its TypeInfo: a leaf, a struct, a granular map, or an associative list.

import type { TypeInfo } from '../schema/type-info.ts';
import { keyPE, valuePE } from './path-element.ts';
import type { PathElement } from './path-element.ts';
import { isMap } from './value.ts';
import type { Json } from './value.ts';

/**
 * The structure apply walks. `undefined` TypeInfo means "deduced" (as Kubernetes treats objects without a
 * schema and x-kubernetes-preserve-unknown-fields): maps are granular, lists atomic, scalars leaves.
 */
export type Shape =
  /** Scalars, atomic lists and maps, free-form values: owned and replaced as a whole. */
  | { readonly kind: 'leaf' }
  /** An object with declared fields (undeclared ones are deduced). */
  | { readonly kind: 'struct'; readonly ti: TypeInfo }
  /** A granular map: every key is its own field. */
  | { readonly kind: 'map'; readonly elem: TypeInfo | undefined }
  /** x-kubernetes-list-type=map: items identified by their key fields. */
  | { readonly kind: 'list-map'; readonly keys: readonly string[]; readonly elem: TypeInfo | undefined }
  /** x-kubernetes-list-type=set: scalar items identified by value. */
  | { readonly kind: 'list-set'; readonly elem: TypeInfo | undefined };

const LEAF: Shape = { kind: 'leaf' };

/** Thrown when a value does not fit what apply needs (Kubernetes' smd validation errors). */
export class SchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchemaError';
  }
}

/** The effective list type: x-kubernetes-list-type, else the patch strategy (merge → map/set), else atomic. */
export function listTypeOf(ti: TypeInfo): { type: 'atomic' | 'set' | 'map'; keys: readonly string[] } {
  if (ti.listType === 'map') return { type: 'map', keys: ti.listMapKeys ?? [] };
  if (ti.listType === 'set') return { type: 'set', keys: [] };
  if (ti.listType === 'atomic') return { type: 'atomic', keys: [] };
  const strategy = ti.patchStrategy?.split(',') ?? [];
  if (strategy.includes('merge')) {
    return ti.patchMergeKey ? { type: 'map', keys: [ti.patchMergeKey] } : { type: 'set', keys: [] };
  }
  return { type: 'atomic', keys: [] };
}

/** The shape of one value (`undefined` value: the shape the type implies). Null fits any container as empty. */
export function shapeOf(ti: TypeInfo | undefined, v: unknown): Shape {
  if (!ti) return isMap(v) ? { kind: 'map', elem: undefined } : LEAF;
  switch (ti.kind) {
    case 'scalar':
      return LEAF;
    case 'any':
      if (ti.preserveUnknownFields && isMap(v)) return { kind: 'map', elem: undefined };
      return LEAF;
    case 'object':
      if (ti.mapType === 'atomic') return LEAF;
      return v === undefined || v === null || isMap(v) ? { kind: 'struct', ti } : LEAF;
    case 'map':
      if (ti.mapType === 'atomic') return LEAF;
      return v === undefined || v === null || isMap(v) ? { kind: 'map', elem: ti.elem } : LEAF;
    case 'list': {
      const lt = listTypeOf(ti);
      if (lt.type === 'atomic') return LEAF;
      if (v !== undefined && v !== null && !Array.isArray(v)) return LEAF;
      return lt.type === 'map' ? { kind: 'list-map', keys: lt.keys, elem: ti.elem } : { kind: 'list-set', elem: ti.elem };
    }
  }
}

/** The shape for merging or comparing two sides; when they disagree the node is a leaf. */
export function shapeOfPair(ti: TypeInfo | undefined, a: unknown, b: unknown): Shape {
  const sa = a === undefined ? undefined : shapeOf(ti, a);
  const sb = b === undefined ? undefined : shapeOf(ti, b);
  if (!sa) return sb ?? LEAF;
  if (!sb) return sa;
  return sa.kind === sb.kind ? sb : LEAF;
}

/** The TypeInfo of a field of a struct or granular map (undeclared fields are deduced). */
export function childType(shape: Shape, name: string): TypeInfo | undefined {
  if (shape.kind === 'struct') return shape.ti.field?.(name);
  if (shape.kind === 'map') return shape.elem;
  return undefined;
}

/** Whether a struct declares the field (declared fields are not members just for being present). */
export function isDeclared(shape: Shape, name: string): boolean {
  return shape.kind === 'struct' && shape.ti.field?.(name) !== undefined;
}

/** A TypeInfo that may carry a default (OpenAPI `default`), used for missing list-map key fields. */
type WithDefault = TypeInfo & { readonly default?: unknown };

/** The element identifying an item of an associative list; throws SchemaError for an item that has none. */
export function itemPE(shape: Shape, item: unknown): PathElement {
  if (shape.kind === 'list-map') {
    if (item === null) throw new SchemaError('associative list with keys may not have a null element');
    if (!isMap(item)) throw new SchemaError('associative list with keys may not have non-map elements');
    const fields: [string, Json][] = [];
    for (const k of shape.keys) {
      if (k in item) fields.push([k, item[k] as Json]);
      else {
        const def = (shape.elem?.field?.(k) as WithDefault | undefined)?.default;
        if (def !== undefined && def !== null) fields.push([k, def as Json]);
      }
    }
    if (shape.keys.length > 0 && fields.length === 0) {
      throw new SchemaError(`associative list with keys has an element that omits all key fields ${goStrings(shape.keys)} (and doesn't have default values for any key fields)`);
    }
    return keyPE(fields);
  }
  if (isMap(item)) throw new SchemaError("associative list without keys has an element that's a map type");
  if (Array.isArray(item)) throw new SchemaError('not supported: associative list with lists as elements');
  if (item === null || item === undefined) throw new SchemaError("associative list without keys has an element that's an explicit null");
  return valuePE(item as Json);
}

/** Go's %q of a []string: `["a" "b"]`. */
function goStrings(list: readonly string[]): string {
  return `[${list.map((s) => JSON.stringify(s)).join(' ')}]`;
}
