// Field sets (fieldpath.Set): trees of paths with set algebra and the FieldsV1 wire format of managedFields.

import type { JsonObject } from '../object.ts';
import { FieldsV1Error, comparePE, displayPath, parsePE, serializePE } from './path-element.ts';
import type { Path, PathElement } from './path-element.ts';
import { compareStrings, isMap } from './value.ts';

/** One element under a node: whether the element itself is in the set, and the set below it. */
export interface FieldSetEntry {
  readonly pe: PathElement;
  readonly member: boolean;
  /** Paths below this element; never empty when present. */
  readonly children: FieldSet | undefined;
}

/**
 * A set of paths, stored as a tree. A path is a member only when inserted: parents of a member are not
 * members themselves (`f:spec` is not owned just because `f:spec.f:replicas` is). Sets are immutable
 * except through `insert`, which builders use before sharing the set.
 */
export class FieldSet {
  readonly #nodes = new Map<string, FieldSetEntry>();

  static empty(): FieldSet {
    return new FieldSet();
  }

  /** A set holding exactly the given paths. */
  static of(...paths: Path[]): FieldSet {
    const s = new FieldSet();
    for (const p of paths) s.insert(p);
    return s;
  }

  /** Builds a set from entries (entries with no member and no children are dropped). */
  static fromEntries(entries: Iterable<FieldSetEntry>): FieldSet {
    const s = new FieldSet();
    for (const e of entries) s.#put(e.pe, e.member, e.children);
    return s;
  }

  #put(pe: PathElement, member: boolean, children: FieldSet | undefined): void {
    const kids = children && !children.isEmpty() ? children : undefined;
    if (!member && !kids) return;
    this.#nodes.set(serializePE(pe), { pe, member, children: kids });
  }

  /** Adds a path (the empty path, "the whole object", is never tracked). */
  insert(path: Path): void {
    if (path.length === 0) return;
    const pe = path[0] as PathElement;
    const key = serializePE(pe);
    const node = this.#nodes.get(key);
    if (path.length === 1) {
      this.#nodes.set(key, { pe, member: true, children: node?.children });
      return;
    }
    let kids = node?.children;
    if (!kids) {
      kids = new FieldSet();
      this.#nodes.set(key, { pe, member: node?.member ?? false, children: kids });
    }
    kids.insert(path.slice(1));
  }

  /** Whether the path itself is a member. */
  has(path: Path): boolean {
    if (path.length === 0) return false;
    const node = this.#nodes.get(serializePE(path[0] as PathElement));
    if (path.length === 1) return node?.member ?? false;
    return node?.children?.has(path.slice(1)) ?? false;
  }

  /** Whether the element is a member at this level. */
  hasMember(pe: PathElement): boolean {
    return this.#nodes.get(serializePE(pe))?.member ?? false;
  }

  /** The paths below `pe` (without the prefix); empty when none. */
  withPrefix(pe: PathElement): FieldSet {
    return this.#nodes.get(serializePE(pe))?.children ?? new FieldSet();
  }

  isEmpty(): boolean {
    return this.#nodes.size === 0;
  }

  /** The elements at this level, in Kubernetes' order. */
  entries(): FieldSetEntry[] {
    return [...this.#nodes.values()].sort((a, b) => comparePE(a.pe, b.pe));
  }

  union(other: FieldSet): FieldSet {
    if (other.isEmpty()) return this;
    if (this.isEmpty()) return other;
    const out = new FieldSet();
    for (const [key, a] of this.#nodes) {
      const b = other.#nodes.get(key);
      if (!b) out.#nodes.set(key, a);
      else {
        const kids = a.children && b.children ? a.children.union(b.children) : (a.children ?? b.children);
        out.#put(a.pe, a.member || b.member, kids);
      }
    }
    for (const [key, b] of other.#nodes) if (!this.#nodes.has(key)) out.#nodes.set(key, b);
    return out;
  }

  intersection(other: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const [key, a] of this.#nodes) {
      const b = other.#nodes.get(key);
      if (!b) continue;
      const kids = a.children && b.children ? a.children.intersection(b.children) : undefined;
      out.#put(a.pe, a.member && b.member, kids);
    }
    return out;
  }

  /** Paths of this set that are not in `other` (a member of `other` does not remove paths below it). */
  difference(other: FieldSet): FieldSet {
    if (other.isEmpty()) return this;
    const out = new FieldSet();
    for (const [key, a] of this.#nodes) {
      const b = other.#nodes.get(key);
      if (!b) {
        out.#nodes.set(key, a);
        continue;
      }
      const kids = a.children && b.children ? a.children.difference(b.children) : a.children;
      out.#put(a.pe, a.member && !b.member, kids);
    }
    return out;
  }

  /** Like difference, but a member of `other` also removes every path below it. */
  recursiveDifference(other: FieldSet): FieldSet {
    if (other.isEmpty()) return this;
    const out = new FieldSet();
    for (const [key, a] of this.#nodes) {
      const b = other.#nodes.get(key);
      if (!b) {
        out.#nodes.set(key, a);
        continue;
      }
      if (b.member) continue;
      const kids = a.children && b.children ? a.children.recursiveDifference(b.children) : a.children;
      out.#put(a.pe, a.member, kids);
    }
    return out;
  }

  equals(other: FieldSet): boolean {
    if (this.#nodes.size !== other.#nodes.size) return false;
    for (const [key, a] of this.#nodes) {
      const b = other.#nodes.get(key);
      if (!b || a.member !== b.member || !!a.children !== !!b.children) return false;
      if (a.children && b.children && !a.children.equals(b.children)) return false;
    }
    return true;
  }

  /** Every member path, in Kubernetes' order (members of a level first, then each child subtree). */
  paths(): Path[] {
    const out: Path[] = [];
    this.#collect([], out);
    return out;
  }

  #collect(prefix: PathElement[], out: Path[]): void {
    const entries = this.entries();
    for (const e of entries) if (e.member) out.push([...prefix, e.pe]);
    for (const e of entries) if (e.children) e.children.#collect([...prefix, e.pe], out);
  }

  /** One path per line, as Kubernetes prints sets. */
  toString(): string {
    return this.paths().map(displayPath).join('\n');
  }

  /**
   * The FieldsV1 JSON of this set: `{"f:spec":{"f:replicas":{}}}`, with `"."` marking members that have
   * children. Keys are in byte order, as Kubernetes serves managedFields of objects it holds as unstructured
   * (custom resources) and as kubectl prints them: `{".":{},"f:image":{}}`.
   */
  toFieldsV1(): JsonObject {
    const pairs: [string, JsonObject][] = [];
    for (const e of this.#nodes.values()) {
      const key = serializePE(e.pe);
      if (!e.children) {
        pairs.push([key, {}]);
        continue;
      }
      const inner = e.children.toFieldsV1();
      pairs.push([key, e.member ? { '.': {}, ...inner } : inner]);
    }
    pairs.sort((a, b) => compareStrings(a[0], b[0]));
    return Object.fromEntries(pairs);
  }

  /** Reads FieldsV1 JSON; throws FieldsV1Error when it is malformed. Unknown element types are skipped. */
  static fromFieldsV1(fields: unknown): FieldSet {
    if (fields === undefined || fields === null) return new FieldSet();
    return readLevel(fields).children ?? new FieldSet();
  }
}

function readLevel(obj: unknown): { children: FieldSet | undefined; member: boolean } {
  if (!isMap(obj)) throw new FieldsV1Error(`expected an object in FieldsV1, got ${JSON.stringify(obj)}`);
  let member = false;
  let children: FieldSet | undefined;
  for (const [key, value] of Object.entries(obj)) {
    if (key === '.') {
      member = true;
      continue;
    }
    const pe = parsePE(key);
    if (!pe) continue;
    const below = readLevel(value);
    const entry: FieldSetEntry = { pe, member: below.member, children: below.children };
    children = (children ?? new FieldSet()).union(FieldSet.fromEntries([entry]));
  }
  if (!children) member = true;
  return { children, member };
}
