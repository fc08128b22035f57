// The field set an object (or applied configuration) sets, walking it with its TypeInfo (ToFieldSet).

import type { TypeInfo } from '../schema/type-info.ts';
import { FieldSet } from './field-set.ts';
import type { FieldSetEntry } from './field-set.ts';
import { displayPE, displayPath, fieldPE, serializePE } from './path-element.ts';
import type { Path, PathElement } from './path-element.ts';
import { SchemaError, childType, isDeclared, itemPE, shapeOf } from './shape.ts';
import type { Shape } from './shape.ts';
import { isMap } from './value.ts';

/**
 * The fields a value sets: scalars, atomic lists/maps and free-form values are leaves; structs contribute
 * their fields (a declared field is a member itself only when null or `{}`); every key of a granular map is a
 * member; items of associative lists are members by key or value, with their own fields below them.
 * Throws SchemaError for a list item that cannot be identified.
 */
export function toFieldSet(value: unknown, ti: TypeInfo | undefined): FieldSet {
  const set = FieldSet.empty();
  walk(value, ti, [], set);
  return set;
}

function walk(v: unknown, ti: TypeInfo | undefined, path: PathElement[], set: FieldSet): void {
  const shape = shapeOf(ti, v);
  switch (shape.kind) {
    case 'leaf':
      set.insert(path);
      return;
    case 'struct':
    case 'map':
      if (!isMap(v)) return;
      for (const [k, child] of Object.entries(v)) {
        if (child === undefined) continue;
        const p = [...path, fieldPE(k)];
        walk(child, childType(shape, k), p, set);
        const emptyMap = isMap(child) && Object.keys(child).length === 0;
        if (child === null || emptyMap || !isDeclared(shape, k)) set.insert(p);
      }
      return;
    case 'list-map':
    case 'list-set':
      if (Array.isArray(v)) walkItems(v, shape, path, set);
  }
}

function walkItems(items: unknown[], shape: Shape, path: PathElement[], set: FieldSet): void {
  const pes = items.map((item) => itemPE(shape, item));
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const pe of pes) {
    const key = serializePE(pe);
    if (!seen.has(key)) seen.add(key);
    else if (!duplicates.has(key)) {
      duplicates.add(key);
      set.insert([...path, pe]);
    }
  }
  const elem = shape.kind === 'list-map' || shape.kind === 'list-set' ? shape.elem : undefined;
  pes.forEach((pe, i) => {
    if (duplicates.has(serializePE(pe))) return;
    const p = [...path, pe];
    walk(items[i], elem, p, set);
    set.insert(p);
  });
}

/**
 * The set plus every declared struct field that has members below it (EnsureNamedFieldsAreMembers), so that
 * removing such a set removes the struct field when nothing else keeps it. Map keys are not added.
 */
export function ensureNamedFieldsAreMembers(set: FieldSet, ti: TypeInfo | undefined): FieldSet {
  if (set.isEmpty()) return set;
  const out: FieldSetEntry[] = [];
  for (const e of set.entries()) {
    const childTi = typeBelow(ti, e.pe);
    const named = e.pe.kind === 'field' && ti?.kind === 'object' && ti.field?.(e.pe.name) !== undefined;
    out.push({
      pe: e.pe,
      member: e.member || (named && e.children !== undefined),
      children: e.children ? ensureNamedFieldsAreMembers(e.children, childTi) : undefined,
    });
  }
  return FieldSet.fromEntries(out);
}

/** The TypeInfo reached from `ti` through one path element, without looking at values. */
export function typeBelow(ti: TypeInfo | undefined, pe: PathElement): TypeInfo | undefined {
  if (!ti) return undefined;
  if (pe.kind === 'field') {
    if (ti.kind === 'object') return ti.field?.(pe.name);
    if (ti.kind === 'map') return ti.elem;
    return undefined;
  }
  if (pe.kind === 'key' && ti.kind === 'list') return ti.elem;
  return undefined;
}

/**
 * What Kubernetes' typed conversion rejects in an applied configuration: list items that cannot be
 * identified and duplicate keys or values. Messages are `<path>: <problem>` as Kubernetes prints them.
 */
export function validateApplied(value: unknown, ti: TypeInfo | undefined): string[] {
  const errors: string[] = [];
  check(value, ti, [], errors);
  return errors;
}

function check(v: unknown, ti: TypeInfo | undefined, path: PathElement[], errors: string[]): void {
  const shape = shapeOf(ti, v);
  if (shape.kind === 'struct' || shape.kind === 'map') {
    if (!isMap(v)) return;
    for (const [k, child] of Object.entries(v)) check(child, childType(shape, k), [...path, fieldPE(k)], errors);
    return;
  }
  if ((shape.kind !== 'list-map' && shape.kind !== 'list-set') || !Array.isArray(v)) return;
  const seen = new Set<string>();
  for (let i = 0; i < v.length; i++) {
    let pe: PathElement;
    try {
      pe = itemPE(shape, v[i]);
    } catch (err) {
      if (!(err instanceof SchemaError)) throw err;
      errors.push(`${prefix(path)}element ${i}: ${err.message}`);
      return;
    }
    const key = serializePE(pe);
    if (seen.has(key)) errors.push(`${prefix(path)}duplicate entries for key ${displayPE(pe)}`);
    seen.add(key);
    check(v[i], shape.elem, [...path, pe], errors);
  }
}

function prefix(path: Path): string {
  return path.length ? `${displayPath(path)}: ` : '';
}

/** Go's aggregate of smd validation errors: one line, or `errors:` followed by indented lines. */
export function joinSchemaErrors(errors: readonly string[]): string {
  if (errors.length === 1) return errors[0] as string;
  return ['errors:', ...errors.map((e) => `  ${e}`)].join('\n');
}
