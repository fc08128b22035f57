// The compact format of builtin-types.json: Kubernetes 1.32 type structure without descriptions (see scripts/gen-schema.ts).

import type { JsonValue } from '../object.ts';

/**
 * The type of one field, list item or map value. Exactly one of `r` (a named definition), `i` (array
 * items), `a` (map values) or a plain OpenAPI type `t` (+ format `f`) says what it is; neither means
 * free-form JSON. The rest are the Kubernetes extensions and facts carried on the field.
 */
export interface FieldSpec {
  /** OpenAPI type: string, integer, number, boolean, array, object. */
  t?: string;
  /** OpenAPI format: int32, int64, double, byte, date-time, int-or-string. */
  f?: string;
  /** A definition name, e.g. io.k8s.api.core.v1.Container. */
  r?: string;
  /** Array items. */
  i?: FieldSpec;
  /** Map values (additionalProperties). */
  a?: FieldSpec;
  /** x-kubernetes-patch-strategy. */
  ps?: string;
  /** x-kubernetes-patch-merge-key. */
  pk?: string;
  /** x-kubernetes-list-type. */
  lt?: 'atomic' | 'set' | 'map';
  /** x-kubernetes-list-map-keys. */
  lk?: string[];
  /** x-kubernetes-map-type. */
  mt?: 'atomic' | 'granular';
  /** Enum values (from the Go `+enum` types), sorted. */
  e?: JsonValue[];
  /** Declared default (Go `+default=` marker). */
  d?: JsonValue;
}

/** A named definition: a struct (`p`), or a named leaf type such as Time or Quantity (`t`/`f`, no `p`). */
export interface DefSpec {
  t?: string;
  f?: string;
  /** Properties in wire-name order. */
  p?: Record<string, FieldSpec>;
  /** Required property names. */
  req?: string[];
  /** x-kubernetes-group-version-kind: [group, version, kind]. */
  gvk?: [string, string, string][];
  /** x-kubernetes-map-type on the struct (atomic structs such as LabelSelector). */
  mt?: 'atomic' | 'granular';
  /** A short description of our own (top-level kinds only). */
  desc?: string;
}

export interface SchemaData {
  /** Where the facts come from. */
  source: string;
  defs: Record<string, DefSpec>;
}
