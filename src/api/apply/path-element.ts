// Path elements of field sets: field name, list-map key, set value, index — ordering, FieldsV1 text and display.

import { compareStrings, compareValues, goJSON, goQuote, isMap, valueToString } from './value.ts';
import type { Json } from './value.ts';

/** One step of a path into an object (fieldpath.PathElement). */
export type PathElement =
  | { readonly kind: 'field'; readonly name: string }
  /** An item of a listType=map list, by its key fields, sorted by name. */
  | { readonly kind: 'key'; readonly fields: readonly (readonly [string, Json])[] }
  /** An item of a listType=set list, by its value. */
  | { readonly kind: 'value'; readonly value: Json }
  | { readonly kind: 'index'; readonly index: number };

export type Path = readonly PathElement[];

export function fieldPE(name: string): PathElement {
  return { kind: 'field', name };
}

/** A key element; the fields are sorted by name as Kubernetes does. */
export function keyPE(fields: Iterable<readonly [string, Json]>): PathElement {
  const sorted = [...fields].sort((a, b) => compareStrings(a[0], b[0]));
  return { kind: 'key', fields: sorted };
}

export function valuePE(value: Json): PathElement {
  return { kind: 'value', value };
}

export function indexPE(index: number): PathElement {
  return { kind: 'index', index };
}

const kindRank = { field: 0, key: 1, value: 2, index: 3 } as const;

/** The order of path elements: fields, then keys, then values, then indexes (PathElement.Compare). */
export function comparePE(a: PathElement, b: PathElement): number {
  if (a.kind !== b.kind) return kindRank[a.kind] < kindRank[b.kind] ? -1 : 1;
  switch (a.kind) {
    case 'field':
      return compareStrings(a.name, (b as typeof a).name);
    case 'key': {
      const bf = (b as typeof a).fields;
      for (let i = 0; ; i++) {
        if (i >= a.fields.length && i >= bf.length) return 0;
        if (i >= a.fields.length) return -1;
        if (i >= bf.length) return 1;
        const [an, av] = a.fields[i] as readonly [string, Json];
        const [bn, bv] = bf[i] as readonly [string, Json];
        const c = compareStrings(an, bn) || compareValues(av, bv);
        if (c !== 0) return c;
      }
    }
    case 'value':
      return compareValues(a.value, (b as typeof a).value);
    case 'index': {
      const bi = (b as typeof a).index;
      return a.index < bi ? -1 : a.index > bi ? 1 : 0;
    }
  }
}

/** The FieldsV1 key of an element: `f:name`, `k:{"name":"nginx"}`, `v:"value"`, `i:0`. Unique per element. */
export function serializePE(pe: PathElement): string {
  switch (pe.kind) {
    case 'field':
      return `f:${pe.name}`;
    case 'key':
      return `k:{${pe.fields.map(([n, v]) => `${goQuote(n)}:${goJSON(v)}`).join(',')}}`;
    case 'value':
      return `v:${goJSON(pe.value)}`;
    case 'index':
      return `i:${pe.index}`;
  }
}

/** Thrown for a FieldsV1 key that cannot be read. */
export class FieldsV1Error extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldsV1Error';
  }
}

/** Reads a FieldsV1 key; undefined for an unknown element type (Kubernetes ignores those). */
export function parsePE(s: string): PathElement | undefined {
  if (s.length < 2) throw new FieldsV1Error('key must be 2 characters long:');
  if (s[1] !== ':') throw new FieldsV1Error(`missing colon: ${s}`);
  const rest = s.slice(2);
  switch (s[0]) {
    case 'f':
      return fieldPE(rest);
    case 'v':
      return valuePE(parseJSON(rest, s));
    case 'k': {
      const obj = parseJSON(rest, s);
      if (!isMap(obj)) throw new FieldsV1Error(`key element must be an object: ${s}`);
      return keyPE(Object.entries(obj));
    }
    case 'i': {
      if (!/^[+-]?\d+$/.test(rest)) throw new FieldsV1Error(`strconv.Atoi: parsing ${JSON.stringify(rest)}: invalid syntax`);
      return indexPE(Number(rest));
    }
    default:
      return undefined;
  }
}

function parseJSON(text: string, whole: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch {
    throw new FieldsV1Error(`invalid JSON in path element ${whole}`);
  }
}

/** How Kubernetes prints an element in messages: `.name`, `[name="nginx"]`, `[="value"]`, `[0]`. */
export function displayPE(pe: PathElement): string {
  switch (pe.kind) {
    case 'field':
      return `.${pe.name}`;
    case 'key':
      return `[${pe.fields.map(([n, v]) => `${n}=${valueToString(v)}`).join(',')}]`;
    case 'value':
      return `[=${valueToString(pe.value)}]`;
    case 'index':
      return `[${pe.index}]`;
  }
}

/** `.spec.template.spec.containers[name="nginx"].image` */
export function displayPath(path: Path): string {
  return path.map(displayPE).join('');
}
